//! `loaded-words.json`: word substitutions that change what a source said
//! (`engagements` → `clashes`, `may` → `will`), for paraphrase checks.

use super::{phrase_entry_problem, EntryProblem, LexiconData};
use serde::Deserialize;
use std::collections::HashMap;

/// Why a substitution changes the meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LoadedKind {
    /// Possibility becomes certainty or obligation (`may` → `will`).
    Modality,
    /// A hedge becomes a fact (`likely` → `certain`).
    Certainty,
    /// A quantity grows (`some` → `most`).
    Quantity,
    /// Talk becomes conflict, a dispute becomes a crisis (`engagements` → `clashes`).
    Escalation,
    /// A neutral verb becomes a judgement of the speaker (`said` → `admitted`).
    Judgement,
    /// A neutral word becomes a legal or moral verdict (`killed` → `murdered`).
    Verdict,
    /// A request becomes a demand or a threat (`asked` → `demanded`).
    Pressure,
}

/// One meaning-changing substitution.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadedWord {
    /// The source's word or phrase.
    pub from: String,
    /// The word or phrase a paraphrase puts in its place.
    pub to: String,
    /// Why the change matters.
    pub kind: LoadedKind,
    /// A short explanation for the finding's note.
    pub note: Option<String>,
}

/// The substitutions, indexed by (from, to) in normalized form.
#[derive(Debug)]
pub struct LoadedWords {
    entries: Vec<LoadedWord>,
    by_pair: HashMap<(String, String), usize>,
}

impl LoadedWords {
    /// Every substitution.
    pub fn entries(&self) -> &[LoadedWord] {
        &self.entries
    }

    /// The substitution of `to` for `from`, compared case-insensitively.
    pub fn get(&self, from: &str, to: &str) -> Option<&LoadedWord> {
        let key = (normalize(from), normalize(to));
        self.by_pair.get(&key).map(|&i| &self.entries[i])
    }
}

fn normalize(phrase: &str) -> String {
    super::matcher::phrase_words(phrase).join(" ")
}

impl LexiconData for LoadedWords {
    type Entry = LoadedWord;

    fn build(entries: Vec<LoadedWord>) -> Result<Self, Vec<EntryProblem>> {
        let mut problems = Vec::new();
        let mut by_pair = HashMap::new();
        for (i, entry) in entries.iter().enumerate() {
            problems.extend(phrase_entry_problem(i, "from", None, &entry.from));
            problems.extend(phrase_entry_problem(i, "to", None, &entry.to));
            let key = (normalize(&entry.from), normalize(&entry.to));
            if key.0 == key.1 {
                problems.push(EntryProblem::new(
                    i,
                    Some("to"),
                    None,
                    "`to` is the same as `from`",
                    "same words",
                ));
            }
            if let Some(first) = by_pair.insert(key, i) {
                problems.push(
                    EntryProblem::new(
                        i,
                        None,
                        None,
                        format!("`{}` → `{}` is listed twice", entry.from, entry.to),
                        "duplicate",
                    )
                    .with_help(format!("entry {first} has the same pair; remove one")),
                );
            }
        }
        if problems.is_empty() {
            Ok(LoadedWords { entries, by_pair })
        } else {
            Err(problems)
        }
    }
}
