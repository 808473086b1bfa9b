//! `speakers.json`: words that say who or what a source is — titles and
//! roles, unnamed people, organisations, media, documents, social posts and
//! the channels a source speaks through.

use super::wordtable::{normalize, WordTable};
use super::{phrase_entry_problem, EntryProblem, LexiconData, Names};
use serde::Deserialize;
use std::sync::OnceLock;

/// What a speaker word describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpeakerWordKind {
    /// A title or honorific written before a name (`Secretary`, `Gov.`, `President`).
    Title,
    /// A person's role or occupation (`journalist`, `adviser`, `prime minister`).
    Role,
    /// A noun for unnamed people or groups (`officials`, `critics`, `a source`).
    Unnamed,
    /// The head of an organisation's name or description (`Department`, `press service`).
    Organization,
    /// A news medium or a noun for one (`Reuters`, `newspaper`).
    Media,
    /// A document or artifact (`statement`, `poll`, `letter`).
    Document,
    /// A social-media post (`tweet`, `post`, `message`).
    Post,
    /// A platform or occasion a source speaks through (`Twitter`, `news conference`).
    Channel,
}

/// One word or phrase of `speakers.json`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakerWord {
    /// The word or phrase, matched case-insensitively (`press service`).
    pub word: String,
    /// What it describes.
    pub kind: SpeakerWordKind,
}

/// A bit set of [`SpeakerWordKind`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SpeakerKinds(u16);

impl SpeakerKinds {
    /// Whether `kind` is in the set.
    #[inline]
    pub fn has(self, kind: SpeakerWordKind) -> bool {
        self.0 & (1 << kind as u16) != 0
    }

    /// Whether the set is empty.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    fn insert(&mut self, kind: SpeakerWordKind) {
        self.0 |= 1 << kind as u16;
    }
}

/// A phrase of several words starting with a given word.
#[derive(Clone, Debug)]
pub struct SpeakerPhrase {
    /// The normalized words after the first.
    pub rest: Box<[Box<str>]>,
    /// What the phrase describes.
    pub kind: SpeakerWordKind,
}

/// What the table knows about one word.
#[derive(Clone, Debug, Default)]
pub struct SpeakerWordInfo {
    /// The kinds of the word on its own.
    pub kinds: SpeakerKinds,
    /// The phrases of several words that begin with it.
    pub phrases: Vec<SpeakerPhrase>,
}

/// The speaker-word lexicon.
#[derive(Debug)]
pub struct SpeakerWords {
    entries: Vec<SpeakerWord>,
    table: WordTable<SpeakerWordInfo>,
    /// The short forms of `names.json` (`Putin`, `Xi`), built on first use
    /// by [`SpeakerWords::known_person`].
    surnames: OnceLock<WordTable<()>>,
}

impl SpeakerWords {
    /// Every entry.
    pub fn entries(&self) -> &[SpeakerWord] {
        &self.entries
    }

    /// What the lexicon knows about `word` (any case), if anything.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&SpeakerWordInfo> {
        self.table.get(word)
    }

    /// Whether `word` is the short form of a person listed in `names`
    /// (`Putin`), so a bare capitalised source is a person, not a place.
    pub fn known_person(&self, word: &str, names: &Names) -> bool {
        self.surnames
            .get_or_init(|| {
                let mut table = WordTable::default();
                for entry in names.entries() {
                    table.entry(entry.short_form(), || ());
                }
                table
            })
            .get(word)
            .is_some()
    }

    /// [`SpeakerWords::get`] with the word's [`super::wordtable::norm_hash`]
    /// already computed.
    #[inline]
    pub fn get_hashed(&self, word: &str, hash: u64) -> Option<&SpeakerWordInfo> {
        self.table.get_hashed(word, hash)
    }
}

impl LexiconData for SpeakerWords {
    type Entry = SpeakerWord;

    fn build(entries: Vec<SpeakerWord>) -> Result<Self, Vec<EntryProblem>> {
        let mut problems = Vec::new();
        let mut table: WordTable<SpeakerWordInfo> = WordTable::default();
        for (i, entry) in entries.iter().enumerate() {
            if let Some(p) = phrase_entry_problem(i, "word", None, &entry.word) {
                problems.push(p);
                continue;
            }
            let words: Vec<String> = entry.word.split_whitespace().map(normalize).collect();
            let Some((first, rest)) = words.split_first() else {
                continue;
            };
            let info = table.entry(first, SpeakerWordInfo::default);
            if rest.is_empty() {
                info.kinds.insert(entry.kind);
            } else {
                info.phrases.push(SpeakerPhrase {
                    rest: rest.iter().map(|w| w.clone().into_boxed_str()).collect(),
                    kind: entry.kind,
                });
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(SpeakerWords {
            entries,
            table,
            surnames: OnceLock::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::SpeakerWordKind as K;
    use crate::lexicon::Lexicon;

    #[test]
    fn words_and_phrases_are_found() {
        let words = &Lexicon::builtin().speakers;
        assert!(words.get("Journalist").unwrap().kinds.has(K::Role));
        assert!(words.get("officials").unwrap().kinds.has(K::Unnamed));
        assert!(words.get("Reuters").unwrap().kinds.has(K::Media));
        let press = words.get("press").unwrap();
        assert!(press
            .phrases
            .iter()
            .any(|p| p.kind == K::Organization && *p.rest == ["service".into()]));
        assert!(words.get("tomorrow").is_none());
    }
}
