//! `check-worthy.json`: the words that make a writer's own statement worth a
//! source (causal connectives, a party's position, quantity words) and the
//! words that mark a number as a label or a paragraph as a photo caption,
//! for `unsourced-claim` (AC003).

use super::wordtable::WordTable;
use super::{phrase_entry_problem, EntryProblem, LexiconData, PhraseMatcher};
use serde::Deserialize;

/// What a check-worthiness entry marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorthKind {
    /// A connective claiming a cause or a purpose (`because`, `led to`,
    /// `in order to`).
    Causal,
    /// A noun for a party's stated position, check-worthy after a named
    /// possessor (`Moscow’s demands`, `the EU’s proposals`).
    Position,
    /// Words that make a figure without digits (`percent`, `dozens of`).
    Quantity,
    /// One word before a number that makes it a label or an age rather than
    /// a quantity (`No. 10`, `chapter 3`, `aged 42`).
    Label,
    /// One word that, followed by a colon, is a photo caption's credit
    /// (`Image: NASA`, or `from file,` after `from`).
    Caption,
    /// The words of a section label (or of a line's lead before a colon)
    /// after which the article lists its sources, links or categories
    /// rather than stating anything (`Sources`, `External links`,
    /// `Categories:`).
    Section,
}

impl WorthKind {
    /// Whether entries of this kind are single words looked up one at a
    /// time rather than phrases searched in the text.
    fn is_word_kind(self) -> bool {
        matches!(self, WorthKind::Label | WorthKind::Caption)
    }

    /// The kind's name in the JSON file.
    fn name(self) -> &'static str {
        match self {
            WorthKind::Causal => "causal",
            WorthKind::Position => "position",
            WorthKind::Quantity => "quantity",
            WorthKind::Label => "label",
            WorthKind::Caption => "caption",
            WorthKind::Section => "section",
        }
    }
}

/// One entry.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorthEntry {
    /// The words, matched case-insensitively on word boundaries.
    pub phrase: String,
    /// What they mark.
    pub kind: WorthKind,
}

/// The check-worthiness lexicon: one matcher over the phrases (causal,
/// position, quantity) and a word table for labels and caption credits.
#[derive(Debug)]
pub struct CheckWorthy {
    phrases: Vec<WorthEntry>,
    matcher: PhraseMatcher,
    words: WordTable<WorthKind>,
    /// Section headings, as their words joined by one space, lowercase.
    sections: Vec<String>,
}

impl CheckWorthy {
    /// The phrases the matcher finds; a [`super::matcher::Hit`]'s `phrase`
    /// indexes this list.
    pub fn phrases(&self) -> &[WorthEntry] {
        &self.phrases
    }

    /// Finds every causal, position and quantity phrase in one pass.
    pub fn matcher(&self) -> &PhraseMatcher {
        &self.matcher
    }

    /// Whether `word` (as written, any case) before a number makes it a
    /// label or an age (`No.`, `chapter`, `aged`).
    pub fn is_label(&self, word: &str) -> bool {
        self.words.get(word) == Some(&WorthKind::Label)
    }

    /// Whether `word` followed by a colon credits a photo caption (`Image`).
    pub fn is_caption(&self, word: &str) -> bool {
        self.words.get(word) == Some(&WorthKind::Caption)
    }

    /// Whether `heading` (a section label, or a line's lead before a
    /// colon; any case, trailing colon ignored) opens a list of sources,
    /// links or categories (`Sources`, `External links`).
    pub fn is_source_section(&self, heading: &str) -> bool {
        let words = super::matcher::phrase_words(heading.trim().trim_end_matches(':'));
        let key = words.join(" ").to_lowercase();
        self.sections.contains(&key)
    }
}

impl LexiconData for CheckWorthy {
    type Entry = WorthEntry;

    fn build(entries: Vec<WorthEntry>) -> Result<Self, Vec<EntryProblem>> {
        let mut problems = Vec::new();
        let mut seen = std::collections::HashMap::new();
        for (i, entry) in entries.iter().enumerate() {
            problems.extend(phrase_entry_problem(i, "phrase", None, &entry.phrase));
            let words = super::matcher::phrase_words(&entry.phrase);
            if entry.kind.is_word_kind() && words.len() > 1 {
                problems.push(
                    EntryProblem::new(
                        i,
                        Some("phrase"),
                        None,
                        format!(
                            "a `{}` entry is one word, not `{}`",
                            entry.kind.name(),
                            entry.phrase
                        ),
                        "several words",
                    )
                    .with_help("list the word right before the number or the colon"),
                );
            }
            if let Some(first) = seen.insert(words.join(" "), i) {
                problems.push(EntryProblem::duplicate_phrase(i, first, &entry.phrase));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut words = WordTable::default();
        let mut phrases = Vec::new();
        let mut sections = Vec::new();
        for entry in entries {
            if entry.kind == WorthKind::Section {
                let key = super::matcher::phrase_words(&entry.phrase).join(" ");
                sections.push(key.to_lowercase());
            } else if entry.kind.is_word_kind() {
                *words.entry(&entry.phrase, || entry.kind) = entry.kind;
            } else {
                phrases.push(entry);
            }
        }
        let matcher = PhraseMatcher::new(phrases.iter().map(|e| e.phrase.as_str()));
        Ok(CheckWorthy {
            phrases,
            matcher,
            words,
            sections,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(phrase: &str, kind: WorthKind) -> WorthEntry {
        WorthEntry {
            phrase: phrase.into(),
            kind,
        }
    }

    #[test]
    fn words_and_phrases_go_to_their_tables() {
        let lexicon = CheckWorthy::build(vec![
            entry("led to", WorthKind::Causal),
            entry("Aged", WorthKind::Label),
            entry("image", WorthKind::Caption),
            entry("percent", WorthKind::Quantity),
            entry("External links", WorthKind::Section),
        ])
        .unwrap();
        assert!(lexicon.is_source_section("external  LINKS:"));
        assert!(!lexicon.is_source_section("External"));
        assert_eq!(lexicon.phrases().len(), 2);
        assert_eq!(lexicon.matcher().len(), 2);
        assert!(lexicon.is_label("aged") && lexicon.is_label("AGED"));
        assert!(lexicon.is_caption("Image") && !lexicon.is_label("Image"));
        assert!(!lexicon.is_caption("led"));
    }

    #[test]
    fn word_kinds_take_one_word_and_duplicates_are_refused() {
        let problems = CheckWorthy::build(vec![
            entry("file photo", WorthKind::Caption),
            entry("because", WorthKind::Causal),
            entry("Because", WorthKind::Causal),
        ])
        .unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].entry, 0);
        assert!(problems[0].message.contains("one word"));
        assert_eq!(problems[1].entry, 2);
        assert!(problems[1].message.contains("listed twice"));
    }

    #[test]
    fn the_builtin_file_loads() {
        let lexicon = &crate::lexicon::Lexicon::builtin().check_worthy;
        assert!(lexicon.is_label("No") && lexicon.is_caption("Photo"));
        assert!(lexicon
            .phrases()
            .iter()
            .any(|e| e.phrase == "in order to" && e.kind == WorthKind::Causal));
    }
}
