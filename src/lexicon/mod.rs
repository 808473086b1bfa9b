//! Lexicons: the word lists behind claim extraction and the rules, loaded
//! once from `rules/lexicons/*.json` (embedded in the binary) into lookup
//! tables, and extendable from a team's `--rules-dir DIR/lexicons/`.
//!
//! Every lexicon file has the same envelope (see `rules/README.md`):
//! `{"description": "…", "mode": "extend"|"replace", "entries": [ … ]}`.
//! Adding a lexicon is a type implementing [`LexiconData`] and one line in
//! the `lexicons!` list below.

mod anonymous;
mod checkworthy;
mod cues;
mod equivalents;
pub mod grammar;
pub mod json;
mod loaded;
pub mod matcher;
mod names;
mod speakers;
pub mod wordtable;

pub use anonymous::{AnonymousKind, AnonymousPattern, AnonymousSources};
pub use checkworthy::{CheckWorthy, WorthEntry, WorthKind};
pub use cues::{CueClass, CueEntry, Cues, Frame, Frames, Recipient, Sense, WordInfo};
pub use equivalents::{comparison_form, Equivalent, Equivalents};
pub use json::RulesFileError;
pub use loaded::{LoadedKind, LoadedWord, LoadedWords};
pub use matcher::PhraseMatcher;
pub use names::{FormKind, NameEntry, NameForm, Names};
pub use speakers::{
    SpeakerKinds, SpeakerPhrase, SpeakerWord, SpeakerWordInfo, SpeakerWordKind, SpeakerWords,
};

use json::PathSeg;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::path::Path;
use std::sync::OnceLock;

/// A lexicon built from the entries of one `rules/lexicons/*.json` file.
pub trait LexiconData: Sized {
    /// One entry as written in the file.
    type Entry: DeserializeOwned;
    /// Builds the lookup tables from all entries (the built-in ones, then a
    /// team's), or reports every problem found, by entry index.
    fn build(entries: Vec<Self::Entry>) -> Result<Self, Vec<EntryProblem>>;
}

/// A problem with one lexicon entry, found while building.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryProblem {
    /// Index of the entry in the list given to [`LexiconData::build`].
    pub entry: usize,
    /// The field concerned, if one (`"to"`, `"misspellings"`).
    pub field: Option<&'static str>,
    /// The element of that field, when it is a list.
    pub item: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// The label's caption.
    pub label: &'static str,
    /// How to fix it.
    pub help: Option<String>,
}

impl EntryProblem {
    /// A problem with entry `entry`, located at `field[item]`.
    pub fn new(
        entry: usize,
        field: Option<&'static str>,
        item: Option<usize>,
        message: impl Into<String>,
        label: &'static str,
    ) -> Self {
        EntryProblem {
            entry,
            field,
            item,
            message: message.into(),
            label,
            help: None,
        }
    }

    /// Adds help text.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Entry `entry`'s `phrase` has the same words as entry `first`'s.
    pub fn duplicate_phrase(entry: usize, first: usize, phrase: &str) -> Self {
        Self::new(
            entry,
            Some("phrase"),
            None,
            format!("phrase `{phrase}` is listed twice"),
            "duplicate",
        )
        .with_help(format!("entry {first} has the same words; remove one"))
    }
}

/// Whether a team's lexicon file adds to the built-in entries or replaces them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Append the file's entries to the built-in ones (the default).
    #[default]
    Extend,
    /// Use only the file's entries.
    Replace,
}

/// The envelope every lexicon file shares.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile<E> {
    /// What the list is for (documentation only).
    #[allow(dead_code)]
    description: Option<String>,
    #[serde(default)]
    mode: Mode,
    entries: Vec<E>,
}

/// A lexicon file to load: its path as shown in errors and its text.
struct Source<'a> {
    path: &'a str,
    text: &'a str,
}

/// Loads one lexicon from the built-in file and an optional team file.
fn load_one<T: LexiconData>(
    builtin: Source<'_>,
    team: Option<Source<'_>>,
    errors: &mut Vec<json::RulesFileError>,
) -> Option<T> {
    let mut files = vec![builtin];
    files.extend(team);
    // (file index, entry index in that file) for every merged entry.
    let mut origin = Vec::new();
    let mut entries = Vec::new();
    for (f, file) in files.iter().enumerate() {
        match json::parse::<LexiconFile<T::Entry>>(file.path, file.text) {
            Ok(parsed) => {
                if parsed.mode == Mode::Replace {
                    origin.clear();
                    entries.clear();
                }
                origin.extend((0..parsed.entries.len()).map(|i| (f, i)));
                entries.extend(parsed.entries);
            }
            Err(err) => {
                errors.push(err);
                return None;
            }
        }
    }
    match T::build(entries) {
        Ok(lexicon) => Some(lexicon),
        Err(problems) => {
            for p in problems {
                let Some(&(f, i)) = origin.get(p.entry) else {
                    continue;
                };
                let file = &files[f];
                let mut path = vec![PathSeg::Key("entries"), PathSeg::Index(i)];
                path.extend(p.field.map(PathSeg::Key));
                path.extend(p.item.map(PathSeg::Index));
                let span = json::locate(file.text, &path, false).unwrap_or(0..0);
                errors.push(json::RulesFileError::new(
                    file.path, file.text, span, p.message, p.label, p.help,
                ));
            }
            None
        }
    }
}

/// Declares the lexicons: the [`Lexicon`] struct, the embedded files and the
/// loader. One line per lexicon: `field: Type = "file.json"`.
macro_rules! lexicons {
    ($( $(#[doc = $doc:literal])* $field:ident : $ty:ty = $file:literal, )+) => {
        /// All lexicons, loaded once and shared read-only by every file's analysis.
        #[derive(Debug)]
        pub struct Lexicon {
            $( $(#[doc = $doc])* pub $field: $ty, )+
        }

        /// The file name of every lexicon, as found in `rules/lexicons/`.
        pub const LEXICON_FILES: &[&str] = &[$($file),+];

        /// The built-in lexicon files: (path, text).
        pub const EMBEDDED_LEXICONS: &[(&str, &str)] = &[
            $( (concat!("rules/lexicons/", $file), include_str!(concat!("../../rules/lexicons/", $file))), )+
        ];

        impl Lexicon {
            /// Builds every lexicon from the built-in files plus `team`
            /// (file name → (path, text)).
            fn load(team: &[(String, String, String)]) -> Result<Lexicon, Vec<json::RulesFileError>> {
                let mut errors = Vec::new();
                $(
                    let $field = load_one::<$ty>(
                        Source {
                            path: concat!("rules/lexicons/", $file),
                            text: include_str!(concat!("../../rules/lexicons/", $file)),
                        },
                        team.iter()
                            .find(|(name, _, _)| name == $file)
                            .map(|(_, path, text)| Source { path, text }),
                        &mut errors,
                    );
                )+
                match ($($field,)+) {
                    ($(Some($field),)+) if errors.is_empty() => Ok(Lexicon { $($field),+ }),
                    _ => Err(errors),
                }
            }
        }
    };
}

lexicons! {
    /// Unnamed-source patterns (`a source in`, `people familiar with the matter`).
    anonymous_sources: AnonymousSources = "anonymous-sources.json",
    /// What makes a writer's statement check-worthy (`because`, `Moscow’s
    /// demands`, `percent`), labels before numbers and caption credits.
    check_worthy: CheckWorthy = "check-worthy.json",
    /// Forms that compare equal with their words when a quotation is
    /// checked against its source (`WH` → `White House`, `w` → `with`).
    equivalents: Equivalents = "equivalents.json",
    /// Meaning-changing word substitutions (`engagements` → `clashes`).
    loaded_words: LoadedWords = "loaded-words.json",
    /// Public figures' canonical spellings, accepted variants and misspellings.
    names: Names = "names.json",
    /// Attribution cues: verbs and their complements, `according to`, `citing`, ….
    cues: Cues = "cues.json",
    /// Words that say who a source is: titles, roles, media, documents, ….
    speakers: SpeakerWords = "speakers.json",
}

impl Lexicon {
    /// The built-in lexicons embedded in the binary, parsed on first use.
    ///
    /// # Panics
    /// Only if a built-in file is invalid, which the test suite rules out.
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN: OnceLock<Lexicon> = OnceLock::new();
        BUILTIN.get_or_init(|| match Lexicon::load(&[]) {
            Ok(lexicon) => lexicon,
            Err(errors) => panic!("invalid built-in lexicon: {errors:?}"),
        })
    }

    /// The built-in lexicons extended (or replaced, with `"mode": "replace"`)
    /// by the files in `DIR/lexicons/` (`--rules-dir DIR`). A directory
    /// without `lexicons/` yields the built-in lexicons.
    pub fn with_rules_dir(dir: &Path) -> Result<Lexicon, Vec<json::RulesFileError>> {
        let lexicon_dir = dir.join("lexicons");
        let mut team = Vec::new();
        let mut errors = Vec::new();
        if lexicon_dir.is_dir() {
            let mut paths = match std::fs::read_dir(&lexicon_dir) {
                Ok(read) => read
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "json"))
                    .collect::<Vec<_>>(),
                Err(err) => {
                    let shown = lexicon_dir.display().to_string();
                    return Err(vec![json::RulesFileError::whole_file(
                        &shown,
                        format!("cannot read lexicon directory `{shown}`: {err}"),
                        None,
                    )]);
                }
            };
            paths.sort();
            for path in paths {
                let shown = path.display().to_string();
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if !LEXICON_FILES.contains(&name.as_str()) {
                    let suggestion = LEXICON_FILES
                        .iter()
                        .map(|known| (strsim::jaro_winkler(known, &name), known))
                        .filter(|(score, _)| *score >= 0.8)
                        .max_by(|a, b| a.0.total_cmp(&b.0))
                        .map(|(_, known)| format!("did you mean `{known}`? "))
                        .unwrap_or_default();
                    errors.push(json::RulesFileError::whole_file(
                        &shown,
                        format!("unknown lexicon `{name}`"),
                        Some(format!(
                            "{suggestion}lexicon files are named after the built-in ones: {}",
                            LEXICON_FILES.join(", ")
                        )),
                    ));
                    continue;
                }
                match std::fs::read_to_string(&path) {
                    Ok(text) => team.push((name, shown, text)),
                    Err(err) => errors.push(json::RulesFileError::whole_file(
                        &shown,
                        format!("cannot read lexicon `{shown}`: {err}"),
                        None,
                    )),
                }
            }
        }
        match Lexicon::load(&team) {
            Ok(lexicon) if errors.is_empty() => Ok(lexicon),
            Ok(_) => Err(errors),
            Err(more) => {
                errors.extend(more);
                Err(errors)
            }
        }
    }

    /// Moves the lexicon to the heap for the rest of the run, as
    /// [`crate::Settings`] holds a `&'static Lexicon`.
    pub fn leak(self) -> &'static Lexicon {
        Box::leak(Box::new(self))
    }
}

/// Checks a phrase from a lexicon entry, returning its problem if any.
fn phrase_entry_problem(
    entry: usize,
    field: &'static str,
    item: Option<usize>,
    phrase: &str,
) -> Option<EntryProblem> {
    matcher::phrase_problem(phrase).map(|why| {
        EntryProblem::new(entry, Some(field), item, why, "cannot match")
            .with_help("write the words only; punctuation other than `.` splits the text")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_load() {
        let lexicon = Lexicon::builtin();
        assert!(lexicon.names.entries().len() >= 100);
        assert!(lexicon.anonymous_sources.patterns().len() >= 30);
        assert!(lexicon.loaded_words.entries().len() >= 30);
    }

    fn hits(matcher: &PhraseMatcher, text: &str) -> Vec<(u32, String)> {
        let mut buf = String::new();
        let words: Vec<Option<String>> = matcher::split_words(text)
            .filter_map(|p| match p {
                matcher::Piece::Word(s, e) => {
                    matcher::normalize_word(&text[s..e], &mut buf);
                    Some(Some(buf.clone()))
                }
                matcher::Piece::Punct(_, '.') => None,
                matcher::Piece::Punct(..) => Some(None),
            })
            .collect();
        let plain: Vec<&str> = words.iter().flatten().map(String::as_str).collect();
        matcher
            .find(words.iter().map(|w| w.as_deref()))
            .into_iter()
            .map(|h| (h.phrase, plain[h.start as usize..h.end as usize].join(" ")))
            .collect()
    }

    #[test]
    fn names_tell_canonical_variant_and_misspelling_apart() {
        let names = &Lexicon::builtin().names;
        let text = "US Secretary of State Anthony Blinken met Volodymyr Zelenskyy; \
                    Vladimir Zelensky’s aide and Xi Jinping’s envoy, Sen. J.D. Vance.";
        let found: Vec<(String, FormKind, String)> = hits(names.matcher(), text)
            .into_iter()
            .map(|(phrase, words)| {
                let form = names.form(phrase).unwrap();
                (words, form.kind, form.entry.canonical.clone())
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    "anthony blinken".into(),
                    FormKind::Misspelling,
                    "Antony Blinken".into()
                ),
                (
                    "volodymyr zelenskyy".into(),
                    FormKind::Variant,
                    "Volodymyr Zelensky".into()
                ),
                (
                    "vladimir zelensky's".into(),
                    FormKind::Misspelling,
                    "Volodymyr Zelensky".into()
                ),
                (
                    "xi jinping's".into(),
                    FormKind::Canonical,
                    "Xi Jinping".into()
                ),
                ("j.d vance".into(), FormKind::Variant, "JD Vance".into()),
            ]
        );
        let xi = names
            .entries()
            .iter()
            .find(|e| e.canonical == "Xi Jinping")
            .unwrap();
        assert_eq!(xi.short_form(), "Xi");
        let blinken = names
            .form(hits(names.matcher(), "Antony Blinken")[0].0)
            .unwrap();
        assert_eq!(blinken.entry.short_form(), "Blinken");
    }

    #[test]
    fn loaded_words_and_anonymous_sources_answer_lookups() {
        let lexicon = Lexicon::builtin();
        let clash = lexicon.loaded_words.get("Engagements", "clashes").unwrap();
        assert_eq!(clash.kind, LoadedKind::Escalation);
        assert_eq!(
            lexicon.loaded_words.get("may", "will").unwrap().kind,
            LoadedKind::Modality
        );
        assert!(lexicon.loaded_words.get("talks", "negotiations").is_none());
        assert!(
            lexicon.loaded_words.get("will", "may").is_none(),
            "pairs are directed"
        );

        let anon = &lexicon.anonymous_sources;
        let text = "citing a source in the White House and people familiar with the matter, \
                    who spoke on condition of anonymity";
        let found: Vec<(String, AnonymousKind)> = hits(anon.matcher(), text)
            .into_iter()
            .map(|(p, words)| (words, anon.patterns()[p as usize].kind))
            .collect();
        assert_eq!(
            found,
            [
                ("a source in".into(), AnonymousKind::Source),
                (
                    "people familiar with the matter".into(),
                    AnonymousKind::Source
                ),
                (
                    "who spoke on condition of anonymity".into(),
                    AnonymousKind::Anonymity
                ),
            ]
        );
        assert!(hits(anon.matcher(), "a source of income for the town").is_empty());
    }

    #[test]
    fn every_lexicon_file_is_embedded() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/lexicons");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json"))
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = LEXICON_FILES.iter().map(|s| s.to_string()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded, "add new lexicon files to `lexicons!`");
    }
}
