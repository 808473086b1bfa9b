//! `cues.json`: the attribution cues claim extraction looks for — verbs
//! with their forms and the complements that make them attributions,
//! prepositional, chain, adverbial, nominal and adjectival cues.

use super::grammar::{self, Flags};
use super::wordtable::{normalize, WordTable};
use super::{phrase_entry_problem, EntryProblem, LexiconData};
use serde::Deserialize;

/// What a cue expresses, and how it attaches to its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CueClass {
    /// A speech verb (`say`, `tell`, `warn`, `tweet`).
    Speech,
    /// A report verb (`report`): usually a medium's.
    Report,
    /// Knowledge, perception and evidence (`know`, `see`, `find`, `show`).
    Knowledge,
    /// Belief and attitude (`think`, `believe`, `fear`).
    Belief,
    /// Intention and desire (`want`, `plan`, `hope`, `decide`).
    Intention,
    /// A verb that is a cue only after a document (`the message reads`).
    Document,
    /// A preposition whose object is the source (`according to X`).
    According,
    /// A participle naming the source a report relies on (`citing X`).
    Citing,
    /// An adverb of hearsay with no source (`reportedly`, `allegedly`).
    Adverb,
    /// A noun of opinion or intention (`in his opinion`, `her hope is that`).
    Nominal,
    /// An adjective of attitude after a copula (`is confident that`).
    Adjective,
}

/// A complement that makes a verb an attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Frame {
    /// `said that …`
    That,
    /// A finite clause without `that` (`said the plan failed`).
    Clause,
    /// A `to`-infinitive (`plans to …`).
    To,
    /// A `wh`-, `if` or `whether` clause (`asked whether …`).
    Wh,
    /// A quotation (`said, “…”`).
    Quote,
    /// A speech tag after the content (`“…,” she said` / `…, officials said`).
    Tag,
    /// A colon before the content (`said: …`).
    Colon,
    /// A noun-phrase object is the content (`announced new sanctions`).
    Object,
    /// An `of`-phrase (`accused X of …`).
    Of,
    /// The verb takes no noun-phrase object, so a noun phrase after it
    /// starts a clause even when no verb form shows it (`said the lapses
    /// raise questions`).
    NoObject,
    /// An object with a predicate after it is the content (`called the
    /// plan a disaster`, `branded them “thugs”`); the bare object is not
    /// (`called the police`).
    Predicate,
}

/// Whether a verb takes a recipient before its complement (`told reporters that`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Recipient {
    /// Never (`say`).
    #[default]
    None,
    /// Sometimes (`warned Congress that`, `warned that`).
    Optional,
    /// Always (`told reporters that`).
    Required,
}

/// One cue as written in `cues.json`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueEntry {
    /// The lemma or phrase (`say`, `point out`, `according to`).
    pub cue: String,
    /// What it expresses and how it attaches.
    pub kind: CueClass,
    /// Every written form, one or more words each; defaults to `[cue]`.
    #[serde(default)]
    pub forms: Vec<String>,
    /// The complements that make it an attribution (verbs and adjectives).
    #[serde(default)]
    pub frames: Vec<Frame>,
    /// Whether a recipient may stand between verb and complement.
    #[serde(default)]
    pub recipient: Recipient,
}

/// A bit set of [`Frame`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Frames(u16);

impl Frames {
    /// Whether `frame` is in the set.
    #[inline]
    pub fn has(self, frame: Frame) -> bool {
        self.0 & (1 << frame as u16) != 0
    }

    fn insert(&mut self, frame: Frame) {
        self.0 |= 1 << frame as u16;
    }
}

/// One way a word can start a cue: an entry's form beginning with it.
#[derive(Clone, Debug)]
pub struct Sense {
    /// Index of the entry in [`Cues::entries`].
    pub entry: u32,
    /// What the entry expresses.
    pub class: CueClass,
    /// Its complements.
    pub frames: Frames,
    /// Its recipient rule.
    pub recipient: Recipient,
    /// The normalized words of the form after the first (`to` in `according to`).
    pub rest: Box<[Box<str>]>,
    /// Whether the form is a present participle (`saying`, `citing`).
    pub gerund: bool,
}

/// What the cue table knows about one word.
#[derive(Clone, Debug, Default)]
pub struct WordInfo {
    /// The senses of the cues whose forms begin with the word.
    pub senses: Vec<Sense>,
    /// The word's closed-class flags ([`grammar`]), so one lookup serves both.
    pub flags: Flags,
}

/// The cue lexicon: entries and a table from each form's first word to its
/// senses (and every closed-class word to its flags).
#[derive(Debug)]
pub struct Cues {
    entries: Vec<CueEntry>,
    table: WordTable<WordInfo>,
}

impl Cues {
    /// Every entry; [`Sense::entry`] indexes this list.
    pub fn entries(&self) -> &[CueEntry] {
        &self.entries
    }

    /// The senses of the cues whose forms begin with `word` (any case).
    /// One hash and one probe; nothing is allocated.
    #[inline]
    pub fn senses(&self, word: &str) -> &[Sense] {
        self.table.get(word).map_or(&[], |w| w.senses.as_slice())
    }

    /// Cue senses and closed-class flags of `word` (any case), if it has
    /// any; `hash` is the word's [`super::wordtable::norm_hash`].
    #[inline]
    pub fn word(&self, word: &str, hash: u64) -> Option<&WordInfo> {
        self.table.get_hashed(word, hash)
    }
}

impl LexiconData for Cues {
    type Entry = CueEntry;

    fn build(mut entries: Vec<CueEntry>) -> Result<Self, Vec<EntryProblem>> {
        let mut problems = Vec::new();
        let mut table: WordTable<WordInfo> = WordTable::default();
        for &(word, flags) in grammar::words() {
            table.entry(word, WordInfo::default).flags |= flags;
        }
        for (i, entry) in entries.iter_mut().enumerate() {
            if entry.forms.is_empty() {
                entry.forms.push(entry.cue.clone());
            }
            let verb_like = matches!(
                entry.kind,
                CueClass::Speech
                    | CueClass::Report
                    | CueClass::Knowledge
                    | CueClass::Belief
                    | CueClass::Intention
                    | CueClass::Document
                    | CueClass::Adjective
            );
            if verb_like && entry.frames.is_empty() {
                problems.push(
                    // Point at the entry: `frames` may be missing altogether.
                    EntryProblem::new(i, None, None, "verb cue has no frame", "no frame")
                        .with_help("list the complements that make it an attribution, e.g. [\"that\", \"clause\", \"tag\"]"),
                );
            }
            let mut frames = Frames::default();
            for &f in &entry.frames {
                frames.insert(f);
            }
            let lemma_words = normalize(&entry.cue);
            for (j, form) in entry.forms.iter().enumerate() {
                if let Some(p) = phrase_entry_problem(i, "forms", Some(j), form) {
                    problems.push(p);
                    continue;
                }
                let words: Vec<String> = form.split_whitespace().map(normalize).collect();
                let Some((first, rest)) = words.split_first() else {
                    continue;
                };
                let gerund = first.ends_with("ing") && !lemma_words.starts_with(first.as_str());
                table.entry(first, WordInfo::default).senses.push(Sense {
                    entry: i as u32,
                    class: entry.kind,
                    frames,
                    recipient: entry.recipient,
                    rest: rest.iter().map(|w| w.clone().into_boxed_str()).collect(),
                    gerund,
                });
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Cues { entries, table })
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::{CueClass, Frame, Lexicon};

    #[test]
    fn forms_map_to_their_entries() {
        let cues = &Lexicon::builtin().cues;
        let said = cues.senses("Said");
        assert_eq!(said.len(), 1);
        assert_eq!(cues.entries()[said[0].entry as usize].cue, "say");
        assert!(said[0].frames.has(Frame::Tag) && !said[0].gerund);
        let according = cues.senses("according");
        assert_eq!(according[0].class, CueClass::According);
        assert_eq!(&*according[0].rest, ["to".into()]);
        assert!(cues.senses("saying")[0].gerund);
        assert!(cues.senses("the").is_empty());
        // `claim` is a verb and a noun.
        let classes: Vec<CueClass> = cues.senses("claim").iter().map(|s| s.class).collect();
        assert!(classes.contains(&CueClass::Speech) && classes.contains(&CueClass::Nominal));
    }
}
