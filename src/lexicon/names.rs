//! `names.json`: frequently cited public figures with their canonical
//! spelling, accepted variants (house styles, transliterations in use) and
//! known misspellings.

use super::{phrase_entry_problem, EntryProblem, LexiconData, PhraseMatcher};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

/// One person.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameEntry {
    /// The spelling to suggest (`Antony Blinken`).
    pub canonical: String,
    /// The short form used on later mentions when it is not the last word
    /// (`Xi` for `Xi Jinping`, `von der Leyen`).
    pub surname: Option<String>,
    /// Accepted alternatives: other house styles (`Zelenskyy`, `Zelenskiy`).
    #[serde(default)]
    pub variants: Vec<String>,
    /// Spellings that are wrong (`Anthony Blinken`) or transliterated from
    /// another language than the person's own (`Vladimir Zelensky`).
    #[serde(default)]
    pub misspellings: Vec<String>,
    /// Why the misspellings are wrong, when it is not obvious.
    pub note: Option<String>,
}

impl NameEntry {
    /// The short form: `surname` when given, else the canonical's last word.
    pub fn short_form(&self) -> &str {
        match &self.surname {
            Some(s) => s,
            None => self.canonical.rsplit(' ').next().unwrap_or(&self.canonical),
        }
    }
}

/// How a written form relates to its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormKind {
    /// The canonical spelling.
    Canonical,
    /// An accepted variant.
    Variant,
    /// A misspelling.
    Misspelling,
}

/// One written form of a name.
#[derive(Clone, Copy, Debug)]
pub struct NameForm<'a> {
    /// The person.
    pub entry: &'a NameEntry,
    /// How this form relates to the canonical spelling.
    pub kind: FormKind,
    /// The form as listed.
    pub text: &'a str,
}

/// The names list and a matcher over every form of every name.
#[derive(Debug)]
pub struct Names {
    entries: Vec<NameEntry>,
    /// For each matcher phrase: (entry, kind, index in its list).
    forms: Vec<(u32, FormKind, u32)>,
    matcher: PhraseMatcher,
    /// Lowercase surname (short form, or last word of any spelling) → the
    /// entries it belongs to.
    surnames: HashMap<String, Vec<u32>>,
    /// Per entry: every lowercase surname spelling, short form last.
    surname_forms: Vec<Vec<String>>,
    /// Lowercase surnames of accepted spellings only (canonical, variants,
    /// short forms; not misspellings).
    accepted_surnames: HashSet<String>,
    /// Comparison form of the last word of each accepted spelling (short
    /// form, canonical, variants) → the first entry that has it.
    people: HashMap<String, u32>,
}

impl Names {
    /// Every person.
    pub fn entries(&self) -> &[NameEntry] {
        &self.entries
    }

    /// Finds every listed form (canonical, variant, misspelling) in one pass;
    /// possessives (`Putin’s`) match their name.
    pub fn matcher(&self) -> &PhraseMatcher {
        &self.matcher
    }

    /// Whether `norm` (lowercase) is the surname of a listed person: the
    /// short form or the last word of any spelling. O(1).
    pub fn is_surname(&self, norm: &str) -> bool {
        self.surnames.contains_key(norm)
    }

    /// Whether `norm` (lowercase) is the surname of an accepted spelling
    /// (canonical, variant or `surname`, not a misspelling). O(1).
    pub fn is_accepted_surname(&self, norm: &str) -> bool {
        self.accepted_surnames.contains(norm)
    }

    /// Every lowercase surname spelling of the people whose surname is
    /// `norm` (`zelensky` → `zelensky`, `zelenskyy`, `zelenskiy`, …).
    pub fn surname_aliases(&self, norm: &str) -> impl Iterator<Item = &str> {
        self.surnames
            .get(norm)
            .into_iter()
            .flatten()
            .flat_map(|&entry| {
                self.surname_forms[entry as usize]
                    .iter()
                    .map(String::as_str)
            })
    }

    /// The person whose short form, canonical spelling or variant ends in
    /// the word whose [`comparison_form`](super::comparison_form) is `form`
    /// (the first listed when several do). O(1).
    pub fn person(&self, form: &str) -> Option<u32> {
        self.people.get(form).copied()
    }

    /// The form a matcher hit's `phrase` refers to.
    pub fn form(&self, phrase: u32) -> Option<NameForm<'_>> {
        let &(entry, kind, index) = self.forms.get(phrase as usize)?;
        let entry = &self.entries[entry as usize];
        let text = match kind {
            FormKind::Canonical => &entry.canonical,
            FormKind::Variant => &entry.variants[index as usize],
            FormKind::Misspelling => &entry.misspellings[index as usize],
        };
        Some(NameForm { entry, kind, text })
    }
}

impl LexiconData for Names {
    type Entry = NameEntry;

    fn build(entries: Vec<NameEntry>) -> Result<Self, Vec<EntryProblem>> {
        let mut problems = Vec::new();
        let mut forms = Vec::new();
        let mut texts: Vec<&str> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, entry) in entries.iter().enumerate() {
            if let Some(surname) = &entry.surname {
                problems.extend(phrase_entry_problem(i, "surname", None, surname));
            }
            let lists: [(&'static str, FormKind, Vec<&String>); 3] = [
                ("canonical", FormKind::Canonical, vec![&entry.canonical]),
                (
                    "variants",
                    FormKind::Variant,
                    entry.variants.iter().collect(),
                ),
                (
                    "misspellings",
                    FormKind::Misspelling,
                    entry.misspellings.iter().collect(),
                ),
            ];
            for (field, kind, list) in lists {
                for (j, form) in list.into_iter().enumerate() {
                    let item = (kind != FormKind::Canonical).then_some(j);
                    if let Some(p) = phrase_entry_problem(i, field, item, form) {
                        problems.push(p);
                        continue;
                    }
                    let key = super::matcher::phrase_words(form).join(" ");
                    if let Some(other) = seen.insert(key, i) {
                        let whose = &entries[other].canonical;
                        problems.push(
                            EntryProblem::new(
                                i,
                                Some(field),
                                item,
                                format!("`{form}` is already listed under `{whose}`"),
                                "listed twice",
                            )
                            .with_help("a written form can belong to one name only; remove one"),
                        );
                        continue;
                    }
                    forms.push((i as u32, kind, j as u32));
                    texts.push(form);
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let matcher = PhraseMatcher::new(texts).strip_possessives();
        let surname_forms: Vec<Vec<String>> = entries
            .iter()
            .map(|e| {
                let last = |f: &String| f.rsplit(' ').next().unwrap_or(f).to_lowercase();
                let mut forms: Vec<String> = std::iter::once(&e.canonical)
                    .chain(&e.variants)
                    .chain(&e.misspellings)
                    .map(last)
                    .collect();
                forms.push(e.short_form().to_lowercase());
                forms
            })
            .collect();
        let mut surnames: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, forms) in surname_forms.iter().enumerate() {
            for form in forms {
                let owners = surnames.entry(form.clone()).or_default();
                if owners.last() != Some(&(i as u32)) {
                    owners.push(i as u32);
                }
            }
        }
        let last = |f: &String| f.rsplit(' ').next().unwrap_or(f).to_lowercase();
        let accepted_surnames = entries
            .iter()
            .flat_map(|e| {
                std::iter::once(&e.canonical)
                    .chain(&e.variants)
                    .map(last)
                    .chain(std::iter::once(e.short_form().to_lowercase()))
            })
            .collect();
        let mut people = HashMap::new();
        let mut buf = String::new();
        for (i, entry) in entries.iter().enumerate() {
            let forms = std::iter::once(entry.short_form())
                .chain(std::iter::once(entry.canonical.as_str()))
                .chain(entry.variants.iter().map(String::as_str));
            for form in forms {
                if let Some(last) = form.split_whitespace().next_back() {
                    super::comparison_form(last, &mut buf);
                    people.entry(buf.clone()).or_insert(i as u32);
                }
            }
        }
        Ok(Names {
            entries,
            forms,
            matcher,
            surnames,
            surname_forms,
            accepted_surnames,
            people,
        })
    }
}
