//! `equivalents.json`: written forms that stand for the same words when a
//! quotation or paraphrase is compared with its source (`w` → `with`, `WH`
//! → `White House`, `2` → `two`).

use super::matcher::{normalize_word, split_words, word_hash, Piece};
use super::{EntryProblem, LexiconData};
use serde::Deserialize;
use std::collections::HashMap;

/// One written form and the words it stands for.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Equivalent {
    /// The form as written: one word (`WH`, `w`, `govt`, `2`).
    pub written: String,
    /// The words it stands for (`White House`).
    pub means: String,
    /// Replace only when written with exactly this case (`US`, not `us`).
    #[serde(default)]
    pub match_case: bool,
}

/// One form's meaning: the exact written form when `match_case`, and the
/// comparison forms of the `means` words.
type Meaning = (Option<String>, Vec<String>);

/// The forms, by comparison form.
#[derive(Debug, Default)]
pub struct Equivalents {
    /// Comparison form of `written` → its meanings, exact-case ones first.
    by_form: HashMap<String, Vec<Meaning>>,
    /// The [`word_hash`] of every key of `by_form`, sorted: most words are
    /// no abbreviation, and this answers them without hashing the string.
    hashes: Vec<u64>,
    len: usize,
}

/// Writes the form in which two words compare equal into `out` (cleared
/// first): [`normalize_word`] (lowercase, plain apostrophes), then without
/// hyphens (`build-up` = `buildup`) and, in words with a letter, without
/// periods (`U.S` = `US`; `3.5` keeps its point).
pub fn comparison_form(word: &str, out: &mut String) {
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        // Most words: ASCII letters and digits only.
        out.clear();
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    normalize_word(word, out);
    if out.bytes().any(|b| b == b'-' || b == b'.') {
        let letters = out.chars().any(char::is_alphabetic);
        out.retain(|c| c != '-' && !(letters && c == '.'));
        if out.is_empty() {
            normalize_word(word, out);
        }
    }
}

/// The written form without periods and hyphens, case kept, for
/// `match_case` comparisons.
fn exact_form(word: &str) -> String {
    word.chars()
        .filter(|&c| c != '.' && c != '-' && c != '‐')
        .collect()
}

impl Equivalents {
    /// The words `word` (as written, one word of a text) stands for, as
    /// comparison forms; `form` is its [`comparison_form`].
    pub fn lookup(&self, word: &str, form: &str) -> Option<&[String]> {
        self.lookup_hashed(word, form, word_hash(form))
    }

    /// [`Equivalents::lookup`] with the form's [`word_hash`] known.
    pub fn lookup_hashed(&self, word: &str, form: &str, hash: u64) -> Option<&[String]> {
        self.hashes.binary_search(&hash).ok()?;
        let candidates = self.by_form.get(form)?;
        candidates.iter().find_map(|(exact, means)| match exact {
            Some(exact) if !same_exact(word, exact) => None,
            _ => Some(means.as_slice()),
        })
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Whether `word` without periods and hyphens is `exact`, case included.
fn same_exact(word: &str, exact: &str) -> bool {
    let mut want = exact.chars();
    for c in word.chars().filter(|&c| c != '.' && c != '-' && c != '‐') {
        if want.next() != Some(c) {
            return false;
        }
    }
    want.next().is_none()
}

/// The comparison forms of the words of `phrase`, or why it is not usable.
fn forms(phrase: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut buf = String::new();
    for piece in split_words(phrase) {
        match piece {
            Piece::Word(s, e) => {
                comparison_form(&phrase[s..e], &mut buf);
                out.push(buf.clone());
            }
            Piece::Punct(_, '.') => {}
            Piece::Punct(_, c) => {
                return Err(format!(
                    "`{c}` separates words in the text, so this form can never match"
                ))
            }
        }
    }
    if out.is_empty() {
        return Err("no word".into());
    }
    Ok(out)
}

impl LexiconData for Equivalents {
    type Entry = Equivalent;

    fn build(entries: Vec<Equivalent>) -> Result<Self, Vec<EntryProblem>> {
        let mut problems = Vec::new();
        let mut by_form: HashMap<String, Vec<Meaning>> = HashMap::new();
        for (i, entry) in entries.iter().enumerate() {
            let written = match forms(&entry.written) {
                Ok(words) if words.len() == 1 => words.into_iter().next().unwrap_or_default(),
                Ok(_) => {
                    problems.push(
                        EntryProblem::new(
                            i,
                            Some("written"),
                            None,
                            "`written` must be one word",
                            "several words",
                        )
                        .with_help("list multi-word forms in `means`; `written` is the short form"),
                    );
                    continue;
                }
                Err(why) => {
                    problems.push(EntryProblem::new(
                        i,
                        Some("written"),
                        None,
                        why,
                        "cannot match",
                    ));
                    continue;
                }
            };
            let means = match forms(&entry.means) {
                Ok(words) => words,
                Err(why) => {
                    problems.push(EntryProblem::new(
                        i,
                        Some("means"),
                        None,
                        why,
                        "cannot match",
                    ));
                    continue;
                }
            };
            if means == [written.clone()] {
                problems.push(EntryProblem::new(
                    i,
                    Some("means"),
                    None,
                    "`means` is the same as `written`",
                    "same words",
                ));
                continue;
            }
            let exact = entry.match_case.then(|| exact_form(&entry.written));
            let list = by_form.entry(written).or_default();
            if list.iter().any(|(e, _)| *e == exact) {
                problems.push(
                    EntryProblem::new(
                        i,
                        Some("written"),
                        None,
                        format!("`{}` is listed twice", entry.written),
                        "duplicate",
                    )
                    .with_help("a written form can stand for one phrase only; remove one"),
                );
                continue;
            }
            // Exact-case forms are tried before the case-insensitive one.
            let at = if exact.is_some() { 0 } else { list.len() };
            list.insert(at, (exact, means));
        }
        if problems.is_empty() {
            let mut hashes: Vec<u64> = by_form.keys().map(|k| word_hash(k)).collect();
            hashes.sort_unstable();
            Ok(Equivalents {
                by_form,
                hashes,
                len: entries.len(),
            })
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(json: &str) -> Result<Equivalents, Vec<EntryProblem>> {
        Equivalents::build(serde_json::from_str(json).unwrap())
    }

    #[test]
    fn comparison_forms_ignore_case_hyphens_and_acronym_periods() {
        let mut out = String::new();
        for (word, want) in [
            ("Build-up", "buildup"),
            ("U.S", "us"),
            ("Ukraine’s", "ukraine's"),
            ("3.5", "3.5"),
            ("de‐escalate", "deescalate"),
            ("-", "-"),
        ] {
            comparison_form(word, &mut out);
            assert_eq!(out, want, "{word}");
        }
    }

    #[test]
    fn match_case_keeps_us_apart_from_us() {
        let eq = build(
            r#"[{"written": "US", "means": "United States", "match_case": true},
                {"written": "govt", "means": "government"}]"#,
        )
        .unwrap();
        assert_eq!(
            eq.lookup("US", "us"),
            Some(&["united".to_string(), "states".to_string()][..])
        );
        assert_eq!(eq.lookup("U.S", "us").map(<[String]>::len), Some(2));
        assert_eq!(eq.lookup("us", "us"), None);
        assert_eq!(
            eq.lookup("Govt", "govt"),
            Some(&["government".to_string()][..])
        );
        assert_eq!(eq.len(), 2);
    }

    #[test]
    fn bad_entries_are_reported() {
        let problems = build(
            r#"[{"written": "White House", "means": "WH"},
                {"written": "x", "means": "x"},
                {"written": "a/b", "means": "ab"},
                {"written": "w", "means": "with"},
                {"written": "w", "means": "week"}]"#,
        )
        .unwrap_err();
        let entries: Vec<usize> = problems.iter().map(|p| p.entry).collect();
        assert_eq!(entries, [0, 1, 2, 4]);
    }

    #[test]
    fn the_builtin_list_loads() {
        let eq = &crate::lexicon::Lexicon::builtin().equivalents;
        assert!(eq.len() >= 20);
        assert_eq!(eq.lookup("w", "w"), Some(&["with".to_string()][..]));
        assert_eq!(eq.lookup("W", "w"), None);
        assert_eq!(eq.lookup("WH", "wh").map(<[String]>::len), Some(2));
    }
}
