//! Reading data rules: the JSON schema (see `rules/README.md`), its
//! validation with errors located in the file, the embedded built-in rules
//! and a team's `--rules-dir`.

use super::{Context, DataRule, DataRuleKind, NextToken, TestCase};
use crate::diagnostic::Severity;
use crate::lexicon::json::{self, PathSeg, RulesFileError};
use crate::lexicon::matcher::{phrase_problem, phrase_words, split_words, PhraseMatcher, Piece};
use crate::rules::{code_rules, explanation_problems};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

/// The built-in data rules: (path, text), embedded in the binary.
pub const EMBEDDED_RULES: &[(&str, &str)] = &[
    (
        "rules/vague-attribution.json",
        include_str!("../../../rules/vague-attribution.json"),
    ),
    (
        "rules/loaded-cue.json",
        include_str!("../../../rules/loaded-cue.json"),
    ),
];

/// A data rule file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    code: String,
    name: String,
    severity: Severity,
    kind: DataRuleKind,
    message: String,
    label: String,
    help: String,
    note: Option<String>,
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    substitutions: Vec<SubstitutionFile>,
    #[serde(default)]
    context: ContextFile,
    explanation: Vec<String>,
    tests: Vec<TestCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SubstitutionFile {
    variant: String,
    canonical: String,
    note: Option<String>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ContextFile {
    #[serde(default)]
    next: Vec<String>,
    after_quote: Option<u32>,
    #[serde(default)]
    in_cue: bool,
    #[serde(default)]
    not_after: Vec<String>,
    #[serde(default)]
    in_quotes: bool,
}

/// Collects the problems of one file, each located at a JSON path.
struct Problems<'a> {
    path: &'a str,
    text: &'a str,
    errors: Vec<RulesFileError>,
}

impl Problems<'_> {
    fn at(
        &mut self,
        at: &[PathSeg<'_>],
        key: bool,
        message: impl Into<String>,
        label: &str,
        help: Option<String>,
    ) {
        let span = json::locate(self.text, at, key).unwrap_or(0..0);
        let help = help.or_else(|| Some("see rules/README.md for the file format".into()));
        self.errors.push(RulesFileError::new(
            self.path, self.text, span, message, label, help,
        ));
    }
}

use PathSeg::{Index, Key};

/// Whether `name` is kebab-case (`vague-attribution`).
pub(crate) fn is_kebab_case(name: &str) -> bool {
    !name.is_empty()
        && name.split('-').all(|part| {
            part.starts_with(|c: char| c.is_ascii_lowercase())
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Parses and validates one data rule file.
pub fn load_rule(path: &str, text: &str) -> Result<DataRule, Vec<RulesFileError>> {
    let file: RuleFile = json::parse(path, text).map_err(|e| vec![e])?;
    let mut p = Problems {
        path,
        text,
        errors: Vec::new(),
    };

    let code_ok = file.code.len() == 5
        && file.code.starts_with("AC1")
        && file.code[2..].chars().all(|c| c.is_ascii_digit());
    if !code_ok {
        p.at(
            &[Key("code")],
            false,
            format!("code `{}` is not a data rule code", file.code),
            "expected `AC1` and two digits",
            Some("data rules use the codes AC100 to AC199".into()),
        );
    }
    if !is_kebab_case(&file.name) {
        p.at(
            &[Key("name")],
            false,
            format!("name `{}` is not kebab-case", file.name),
            "expected lowercase words joined by `-`",
            Some("name the pattern flagged, e.g. `vague-attribution`".into()),
        );
    } else if ["no-", "require-", "missing-"]
        .iter()
        .any(|pre| file.name.starts_with(pre))
    {
        p.at(
            &[Key("name")],
            false,
            format!("name `{}` names a fix, not the pattern flagged", file.name),
            "prefix",
            Some("drop `no-`, `require-` or `missing-`: names read as “allow <name>”".into()),
        );
    }

    // Wording: rustc style, a fact without capital or trailing period.
    for (field, value) in [("message", &file.message), ("label", &file.label)] {
        if value.trim().is_empty() {
            p.at(
                &[Key(field)],
                false,
                format!("`{field}` is empty"),
                "empty",
                None,
            );
        } else if value.starts_with(|c: char| c.is_uppercase()) || value.ends_with('.') {
            p.at(
                &[Key(field)],
                false,
                format!("`{field}` must start in lowercase and have no trailing period"),
                "wording",
                Some("state the fact, as rustc does: `claim rests on an unnamed source`".into()),
            );
        }
    }
    if file.help.trim().is_empty() {
        p.at(&[Key("help")], false, "`help` is empty", "empty", None);
    }
    let substitution = file.kind == DataRuleKind::Substitution;
    let mut fields = vec![
        ("message", Some(&file.message)),
        ("label", Some(&file.label)),
        ("help", Some(&file.help)),
        ("note", file.note.as_ref()),
    ];
    let sub_notes: Vec<Option<&String>> =
        file.substitutions.iter().map(|s| s.note.as_ref()).collect();
    for (field, value) in fields.drain(..) {
        if let Some(value) = value {
            if let Some(bad) = bad_placeholder(value, substitution) {
                p.at(
                    &[Key(field)],
                    false,
                    format!("unknown placeholder `{{{bad}}}`"),
                    "placeholder",
                    Some(placeholder_help(substitution)),
                );
            }
        }
    }
    for (i, note) in sub_notes.iter().enumerate() {
        if let Some(bad) = note.and_then(|n| bad_placeholder(n, true)) {
            p.at(
                &[Key("substitutions"), Index(i), Key("note")],
                false,
                format!("unknown placeholder `{{{bad}}}`"),
                "placeholder",
                Some(placeholder_help(true)),
            );
        }
    }

    // The entries of the rule's kind, and none of the other.
    let (entries, wrong) = match file.kind {
        DataRuleKind::Phrase => ("phrases", "substitutions"),
        DataRuleKind::Substitution => ("substitutions", "phrases"),
    };
    let has_wrong = match file.kind {
        DataRuleKind::Phrase => !file.substitutions.is_empty(),
        DataRuleKind::Substitution => !file.phrases.is_empty(),
    };
    if has_wrong {
        p.at(
            &[Key(wrong)],
            true,
            format!("a `{}` rule has no `{wrong}`", file.kind.as_str()),
            "not used by this kind",
            Some(format!("list the rule's entries in `{entries}`")),
        );
    }
    let mut phrases: Vec<String> = Vec::new();
    let mut canonical: Vec<Option<String>> = Vec::new();
    let mut notes: Vec<Option<String>> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut add = |p: &mut Problems<'_>, at: &[PathSeg<'_>], phrase: &str, i: usize| -> bool {
        if let Some(why) = phrase_problem(phrase) {
            p.at(at, false, why, "cannot match", Some(PHRASE_HELP.into()));
            return false;
        }
        if let Some(first) = seen.insert(phrase_words(phrase).join(" "), i) {
            p.at(
                at,
                false,
                format!("`{phrase}` is listed twice"),
                "duplicate",
                Some(format!("entry {first} has the same words; remove one")),
            );
            return false;
        }
        true
    };
    match file.kind {
        DataRuleKind::Phrase => {
            if file.phrases.is_empty() {
                p.at(
                    &[Key("kind")],
                    false,
                    "a `phrase` rule needs `phrases`",
                    "no phrases",
                    None,
                );
            }
            for (i, phrase) in file.phrases.iter().enumerate() {
                if add(&mut p, &[Key("phrases"), Index(i)], phrase, i) {
                    phrases.push(phrase.clone());
                    canonical.push(None);
                    notes.push(None);
                }
            }
        }
        DataRuleKind::Substitution => {
            if file.substitutions.is_empty() {
                p.at(
                    &[Key("kind")],
                    false,
                    "a `substitution` rule needs `substitutions`",
                    "no substitutions",
                    None,
                );
            }
            for (i, s) in file.substitutions.iter().enumerate() {
                let at = [Key("substitutions"), Index(i), Key("variant")];
                if s.canonical.trim().is_empty() {
                    p.at(
                        &[Key("substitutions"), Index(i), Key("canonical")],
                        false,
                        "`canonical` is empty",
                        "empty",
                        None,
                    );
                    continue;
                }
                if phrase_words(&s.variant) == phrase_words(&s.canonical) {
                    p.at(
                        &at,
                        false,
                        "`variant` and `canonical` are the same words",
                        "same as canonical",
                        None,
                    );
                    continue;
                }
                if add(&mut p, &at, &s.variant, i) {
                    phrases.push(s.variant.clone());
                    canonical.push(Some(s.canonical.clone()));
                    notes.push(s.note.clone());
                }
            }
        }
    }

    let context = compile_context(&file.context, &mut p);

    let explanation = file.explanation.join("\n");
    for problem in explanation_problems(&explanation) {
        p.at(
            &[Key("explanation")],
            true,
            format!("explanation: {problem}"),
            "incomplete documentation",
            Some(format!(
                "write one string per line, with the headings {}",
                crate::rules::REQUIRED_HEADINGS.join(", ")
            )),
        );
    }

    if !file.tests.iter().any(|t| !t.expect.is_empty())
        || !file.tests.iter().any(|t| t.expect.is_empty())
    {
        p.at(
            &[Key("tests")],
            true,
            "the rule needs a test that it flags and a test that it leaves clean",
            "incomplete tests",
            Some(
                "add `{\"text\": …, \"expect\": [CODE]}` and `{\"text\": …, \"expect\": []}` cases"
                    .into(),
            ),
        );
    }
    for (i, test) in file.tests.iter().enumerate() {
        for (j, code) in test.expect.iter().enumerate() {
            if code_ok && *code != file.code {
                p.at(
                    &[Key("tests"), Index(i), Key("expect"), Index(j)],
                    false,
                    format!(
                        "test expects `{code}`, but only this rule (`{}`) runs",
                        file.code
                    ),
                    "other code",
                    Some(format!("list `{}` once per expected finding", file.code)),
                );
            }
        }
        if test.fixed.is_some() && !substitution {
            p.at(
                &[Key("tests"), Index(i), Key("fixed")],
                true,
                "only `substitution` rules offer a fix",
                "not used by this kind",
                None,
            );
        }
    }

    if !p.errors.is_empty() {
        return Err(p.errors);
    }
    let matcher = PhraseMatcher::new(&phrases);
    Ok(DataRule {
        code: leak(file.code),
        name: leak(file.name),
        severity: file.severity,
        explanation: leak(explanation + "\n"),
        path: path.to_string(),
        kind: file.kind,
        message: file.message,
        label: file.label,
        help: file.help,
        note: file.note,
        phrases,
        canonical,
        notes,
        matcher,
        context,
        tests: file.tests,
    })
}

const PHRASE_HELP: &str = "write the words only; punctuation other than `.` splits the text";

fn placeholder_help(substitution: bool) -> String {
    if substitution {
        "the placeholders are `{match}` (the words found) and `{canonical}` (the suggestion)".into()
    } else {
        "the only placeholder is `{match}` (the words found)".into()
    }
}

/// The first `{…}` in `text` that is not a known placeholder.
fn bad_placeholder(text: &str, substitution: bool) -> Option<&str> {
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}').unwrap_or(after.len());
        let name = &after[..close];
        if !(name == "match" || (substitution && name == "canonical")) {
            return Some(name);
        }
        rest = &after[close.min(after.len())..];
    }
    None
}

/// Turns the written context into matchable form.
fn compile_context(c: &ContextFile, p: &mut Problems<'_>) -> Context {
    let mut next = Vec::new();
    for (i, entry) in c.next.iter().enumerate() {
        let mut tokens = Vec::new();
        let mut buf = String::new();
        for piece in split_words(entry) {
            tokens.push(match piece {
                Piece::Word(s, e) => {
                    crate::lexicon::matcher::normalize_word(&entry[s..e], &mut buf);
                    NextToken::Word(buf.clone())
                }
                Piece::Punct(_, ch) => NextToken::Mark(ch),
            });
        }
        if tokens.is_empty() {
            p.at(
                &[Key("context"), Key("next"), Index(i)],
                false,
                "empty `next` entry",
                "empty",
                Some("write the words or marks that must follow, e.g. `that` or `“`".into()),
            );
        }
        next.push(tokens);
    }
    let mut not_after = Vec::new();
    for (i, word) in c.not_after.iter().enumerate() {
        let words = phrase_words(word);
        if words.len() != 1 || phrase_problem(word).is_some() {
            p.at(
                &[Key("context"), Key("not_after"), Index(i)],
                false,
                "`not_after` entries are single words",
                "not one word",
                None,
            );
        } else {
            not_after.extend(words);
        }
    }
    if let Some(n) = c.after_quote {
        if !(1..=8).contains(&n) {
            p.at(
                &[Key("context"), Key("after_quote")],
                false,
                "`after_quote` must be between 1 and 8 words",
                "out of range",
                None,
            );
        }
    }
    Context {
        next,
        after_quote: c.after_quote,
        in_cue: c.in_cue,
        not_after,
        in_quotes: c.in_quotes,
    }
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// The built-in data rules, parsed on first use.
///
/// # Panics
/// Only if a built-in file is invalid, which the test suite rules out.
pub fn builtin_data_rules() -> &'static [&'static DataRule] {
    static BUILTIN: OnceLock<Vec<&'static DataRule>> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        EMBEDDED_RULES
            .iter()
            .map(|(path, text)| match load_rule(path, text) {
                Ok(rule) => &*Box::leak(Box::new(rule)),
                Err(errors) => panic!("invalid built-in rule {path}: {errors:?}"),
            })
            .collect()
    })
}

/// Loads a team's data rules from `DIR/*.json` (`--rules-dir DIR`).
///
/// A rule whose code and name are those of a built-in data rule replaces
/// it; any other reuse of a code or name is an error, as are unreadable
/// files and invalid JSON. Every problem of every file is returned, each a
/// miette diagnostic pointing into its file. The rules live for the rest of
/// the run (they are leaked, as the rule registry is `'static`).
pub fn load_rules_dir(dir: &Path) -> Result<Vec<&'static DataRule>, Vec<RulesFileError>> {
    let shown_dir = dir.display().to_string();
    let mut paths: Vec<_> = match std::fs::read_dir(dir) {
        Ok(read) => read
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
            .collect(),
        Err(err) => {
            return Err(vec![RulesFileError::whole_file(
                &shown_dir,
                format!("cannot read rules directory `{shown_dir}`: {err}"),
                Some("give `--rules-dir` a directory of `*.json` rule files".into()),
            )])
        }
    };
    paths.sort();
    let mut errors = Vec::new();
    let mut loaded: Vec<(DataRule, String)> = Vec::new();
    let builtin_code_rules: Vec<(&str, &str)> = code_rules()
        .iter()
        .map(|r| (r.meta().code, r.meta().name))
        .collect();
    let builtin_data: Vec<(&str, &str)> = builtin_data_rules()
        .iter()
        .map(|r| (r.code(), r.name()))
        .collect();
    for path in paths {
        let shown = path.display().to_string();
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) => {
                errors.push(RulesFileError::whole_file(
                    &shown,
                    format!("cannot read rules file `{shown}`: {err}"),
                    None,
                ));
                continue;
            }
        };
        let rule = match load_rule(&shown, &text) {
            Ok(rule) => rule,
            Err(more) => {
                errors.extend(more);
                continue;
            }
        };
        let (code, name) = (rule.code(), rule.name());
        let clash = |what: &str, other: String| {
            RulesFileError::new(
                &shown,
                &text,
                json::locate(&text, &[Key(what)], false).unwrap_or(0..0),
                format!("{what} `{}` is already used by {other}", if what == "code" { code } else { name }),
                "already used",
                Some(
                    "to replace a built-in data rule keep both its code and its name; otherwise pick an unused `AC1xx` code and a new name"
                        .into(),
                ),
            )
        };
        let overrides = builtin_data.iter().any(|&(c, n)| c == code && n == name);
        if !overrides {
            let everything = builtin_code_rules.iter().chain(&builtin_data);
            for &(c, n) in everything {
                if c == code {
                    errors.push(clash("code", format!("`{n}`")));
                } else if n == name {
                    errors.push(clash("name", format!("`{c}`")));
                }
            }
        }
        for (other, other_path) in &loaded {
            if other.code() == code {
                errors.push(clash("code", format!("`{other_path}`")));
            } else if other.name() == name {
                errors.push(clash("name", format!("`{other_path}`")));
            }
        }
        loaded.push((rule, shown));
    }
    if errors.is_empty() {
        Ok(loaded
            .into_iter()
            .map(|(rule, _)| &*Box::leak(Box::new(rule)))
            .collect())
    } else {
        Err(errors)
    }
}
