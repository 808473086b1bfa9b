//! `anonymous-sources.json`: phrases that describe a source without naming it.

use super::{phrase_entry_problem, EntryProblem, LexiconData, PhraseMatcher};
use serde::Deserialize;

/// What an unnamed-source phrase describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnonymousKind {
    /// An unnamed source or insider (`a source in`, `people familiar with the matter`).
    Source,
    /// An unnamed official, aide or spokesperson (`a senior official`, `an aide`).
    Official,
    /// A clause granting anonymity (`who spoke on condition of anonymity`).
    Anonymity,
}

/// One unnamed-source phrase.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnonymousPattern {
    /// The words, matched case-insensitively on word boundaries
    /// (`a source in` matches `a source in the White House`).
    pub phrase: String,
    /// What the phrase describes.
    pub kind: AnonymousKind,
}

/// The unnamed-source phrases and a matcher over all of them.
#[derive(Debug)]
pub struct AnonymousSources {
    patterns: Vec<AnonymousPattern>,
    matcher: PhraseMatcher,
}

impl AnonymousSources {
    /// Every pattern; a [`super::matcher::Hit`]'s `phrase` indexes this list.
    pub fn patterns(&self) -> &[AnonymousPattern] {
        &self.patterns
    }

    /// Finds every pattern in one pass over a word stream.
    pub fn matcher(&self) -> &PhraseMatcher {
        &self.matcher
    }
}

impl LexiconData for AnonymousSources {
    type Entry = AnonymousPattern;

    fn build(entries: Vec<AnonymousPattern>) -> Result<Self, Vec<EntryProblem>> {
        let mut problems = Vec::new();
        let mut seen = std::collections::HashMap::new();
        for (i, entry) in entries.iter().enumerate() {
            problems.extend(phrase_entry_problem(i, "phrase", None, &entry.phrase));
            let key = super::matcher::phrase_words(&entry.phrase).join(" ");
            if let Some(first) = seen.insert(key, i) {
                problems.push(EntryProblem::duplicate_phrase(i, first, &entry.phrase));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let matcher = PhraseMatcher::new(entries.iter().map(|e| e.phrase.as_str()));
        Ok(AnonymousSources {
            patterns: entries,
            matcher,
        })
    }
}
