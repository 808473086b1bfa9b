//! Data rules: rules defined by a JSON file in `rules/` (or a team's
//! `--rules-dir`) instead of Rust code. Kinds:
//!
//! - `phrase`: flags each listed phrase (`experts say`);
//! - `substitution`: flags a variant and offers its canonical form
//!   (`admitted` → `said`).
//!
//! All phrases of a rule are compiled into one word-level Aho–Corasick
//! automaton and found in one pass over the article's word stream. A
//! `context` narrows where a match counts (see `rules/README.md`).

mod load;

pub use load::{builtin_data_rules, load_rule, load_rules_dir, EMBEDDED_RULES};

use super::words::{ItemKind, Words};
use super::{Rule, RuleContext, RuleKind, RuleMeta, RuleMetadata};
use crate::claims::CueIndex;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lexicon::PhraseMatcher;
use crate::parse::Article;
use crate::source::{SourceFile, Span};
use serde::{Deserialize, Serialize};

/// What a data rule does with its entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DataRuleKind {
    /// Flag every listed phrase.
    Phrase,
    /// Flag a variant and suggest its canonical form.
    Substitution,
}

impl DataRuleKind {
    /// The kind as written in rule files.
    pub fn as_str(self) -> &'static str {
        match self {
            DataRuleKind::Phrase => "phrase",
            DataRuleKind::Substitution => "substitution",
        }
    }
}

/// One embedded test case of a data rule.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TestCase {
    /// An article (or a sentence) to check with this rule alone.
    pub text: String,
    /// The codes expected, one per finding (`[]` for a clean text).
    pub expect: Vec<String>,
    /// For substitution rules: the text after applying every fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixed: Option<String>,
}

/// A token that must follow a match, from `context.next`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum NextToken {
    /// A normalized word.
    Word(String),
    /// A punctuation or quotation mark.
    Mark(char),
}

/// Where a match counts.
#[derive(Clone, Debug, Default)]
pub(crate) struct Context {
    /// Any of these token sequences directly after the match.
    next: Vec<Vec<NextToken>>,
    /// At most this many words between a closing quotation mark and the match.
    after_quote: Option<u32>,
    /// The match overlaps an extracted claim's cue.
    in_cue: bool,
    /// Not directly after one of these words.
    not_after: Vec<String>,
    /// Matches inside quotations count too (default: they are the source's words).
    in_quotes: bool,
}

/// A rule loaded from a JSON file.
#[derive(Debug)]
pub struct DataRule {
    code: &'static str,
    name: &'static str,
    severity: Severity,
    explanation: &'static str,
    path: String,
    kind: DataRuleKind,
    message: String,
    label: String,
    help: String,
    note: Option<String>,
    /// The matcher's phrases (for substitutions: the variants).
    phrases: Vec<String>,
    /// For substitutions: the canonical form of each phrase.
    canonical: Vec<Option<String>>,
    /// For substitutions: each entry's own note.
    notes: Vec<Option<String>>,
    matcher: PhraseMatcher,
    context: Context,
    tests: Vec<TestCase>,
}

/// One failed embedded test.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestFailure {
    /// The rule file.
    pub path: String,
    /// Index of the test in the file's `tests`.
    pub index: usize,
    /// What differed.
    pub message: String,
}

impl std::fmt::Display for TestFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} tests[{}]: {}", self.path, self.index, self.message)
    }
}

impl DataRule {
    /// The rule's code.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The rule's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The file the rule was read from.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The rule's kind.
    pub fn kind(&self) -> DataRuleKind {
        self.kind
    }

    /// The phrases (for `phrase`) or variants (for `substitution`).
    pub fn phrases(&self) -> &[String] {
        &self.phrases
    }

    /// For `substitution`, each variant with its canonical form.
    pub fn substitutions(&self) -> impl Iterator<Item = (&str, &str)> {
        self.phrases
            .iter()
            .zip(&self.canonical)
            .filter_map(|(v, c)| Some((v.as_str(), c.as_deref()?)))
    }

    /// The embedded test cases.
    pub fn tests(&self) -> &[TestCase] {
        &self.tests
    }

    /// The findings of this rule in an article.
    pub fn find(
        &self,
        text: &str,
        article: &Article,
        claims: &[crate::claims::Claim],
        words: &Words,
    ) -> Vec<Diagnostic> {
        let items = words.items();
        let quotes = top_level_quotes(article);
        let cues = if self.context.in_cue {
            CueIndex::new(claims)
        } else {
            CueIndex::default()
        };
        let mut found = Vec::new();
        for hit in words.find(&self.matcher) {
            let Some(range) = words.word_range_items(hit.start..hit.end) else {
                continue;
            };
            let span = items[range.start].span.cover(items[range.end - 1].span);
            if !self.context.in_quotes && inside(&quotes, span) {
                continue;
            }
            if !self.context_allows(words, range.clone(), span, &cues) {
                continue;
            }
            found.push(self.diagnostic(text, span, hit.phrase as usize));
        }
        found
    }

    fn context_allows(
        &self,
        words: &Words,
        range: std::ops::Range<usize>,
        span: Span,
        cues: &CueIndex,
    ) -> bool {
        let c = &self.context;
        let items = words.items();
        if let Some(before) = range.start.checked_sub(1).map(|i| &items[i]) {
            if before.kind == ItemKind::Word && c.not_after.iter().any(|w| w == words.norm(before))
            {
                return false;
            }
        }
        let conditions = !c.next.is_empty() || c.after_quote.is_some() || c.in_cue;
        if !conditions {
            return true;
        }
        let next_ok = c.next.iter().any(|seq| {
            seq.iter().enumerate().all(|(k, want)| {
                let Some(item) = items.get(range.end + k) else {
                    return false;
                };
                match (want, item.kind) {
                    (NextToken::Word(w), ItemKind::Word) => w == words.norm(item),
                    (NextToken::Mark(m), ItemKind::Punct(ch)) => *m == ch,
                    (NextToken::Mark(m), ItemKind::Quote { mark, .. }) => *m == mark,
                    _ => false,
                }
            })
        });
        next_ok
            || c.after_quote
                .is_some_and(|n| follows_closing_quote(words, range.start, n))
            || (c.in_cue && cues.overlaps(span))
    }

    fn diagnostic(&self, text: &str, span: Span, phrase: usize) -> Diagnostic {
        let found = span.text(text);
        let canonical = self
            .canonical
            .get(phrase)
            .and_then(|c| c.as_deref())
            .map(|c| match_case(found, c));
        let fill = |template: &str| {
            let out = template.replace("{match}", found);
            match &canonical {
                Some(c) => out.replace("{canonical}", c),
                None => out,
            }
        };
        let mut d = Diagnostic::new(
            self.code,
            self.name,
            self.severity,
            span,
            fill(&self.message),
        )
        .primary_label(fill(&self.label))
        .help(fill(&self.help));
        let note = self
            .notes
            .get(phrase)
            .and_then(|n| n.as_deref())
            .or(self.note.as_deref());
        if let Some(note) = note {
            d = d.note(fill(note));
        }
        if let Some(c) = canonical {
            d = d.fix(span, c);
        }
        d
    }

    /// Runs the rule's embedded tests through the whole pipeline (parse,
    /// claims, this rule alone) and returns every failure.
    pub fn run_tests(&'static self) -> Vec<TestFailure> {
        let mut failures = Vec::new();
        for (index, test) in self.tests.iter().enumerate() {
            let fail = |message: String| TestFailure {
                path: self.path.clone(),
                index,
                message,
            };
            let Ok(source) = SourceFile::new("test.txt", test.text.clone()) else {
                failures.push(fail("text too large".into()));
                continue;
            };
            let settings = crate::Settings {
                lexicon: crate::lexicon::Lexicon::builtin(),
                rules: vec![Box::new(self)],
                sources: Default::default(),
            };
            let report = crate::check_file(&source, &settings);
            let mut got: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
            let mut want: Vec<&str> = test.expect.iter().map(String::as_str).collect();
            got.sort_unstable();
            want.sort_unstable();
            if got != want {
                let found: Vec<String> = report
                    .diagnostics
                    .iter()
                    .map(|d| format!("“{}”", d.span.text(&test.text)))
                    .collect();
                failures.push(fail(format!(
                    "expected {want:?}, found {got:?} {} in {:?}",
                    found.join(", "),
                    test.text
                )));
            }
            if let Some(fixed) = &test.fixed {
                let applied = apply_fixes(&test.text, &report.diagnostics);
                if &applied != fixed {
                    failures.push(fail(format!(
                        "after fixes expected {fixed:?}, got {applied:?}"
                    )));
                }
            }
        }
        failures
    }
}

impl RuleMetadata for DataRule {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: self.code,
            name: self.name,
            severity: self.severity,
            kind: RuleKind::Data,
            explanation: self.explanation,
        }
    }

    fn location(&self) -> &str {
        &self.path
    }
}

impl Rule for DataRule {
    fn check(&self, cx: &mut RuleContext<'_>) {
        let found = self.find(cx.text(), cx.article, cx.claims, cx.words());
        for d in found {
            cx.report(d);
        }
    }

    fn data_rule(&self) -> Option<&DataRule> {
        Some(self)
    }
}

/// Applies every finding's fix to `text` (non-overlapping, in order).
pub fn apply_fixes(text: &str, diagnostics: &[Diagnostic]) -> String {
    let mut fixes: Vec<_> = diagnostics.iter().filter_map(|d| d.fix.as_ref()).collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0usize;
    for fix in fixes {
        let range = fix.span.range();
        if range.start < at || text.get(range.clone()).is_none() {
            continue;
        }
        out.push_str(&text[at..range.start]);
        out.push_str(&fix.replacement);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// `canonical` with the capitalisation of `found`: `Admitted` → `Said`,
/// `ADMITTED` → `SAID`.
fn match_case(found: &str, canonical: &str) -> String {
    let letters: Vec<char> = found.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return canonical.to_uppercase();
    }
    if found.starts_with(char::is_uppercase) {
        let mut chars = canonical.chars();
        if let Some(first) = chars.next() {
            return first.to_uppercase().chain(chars).collect();
        }
    }
    canonical.to_string()
}

/// The spans of the outermost quotations, sorted by start.
fn top_level_quotes(article: &Article) -> Vec<Span> {
    let mut spans: Vec<Span> = article
        .quotes
        .iter()
        .filter(|q| q.depth == 0)
        .map(|q| q.span)
        .collect();
    spans.sort_unstable();
    spans
}

/// Whether `span` lies inside one of the sorted, disjoint `quotes`.
fn inside(quotes: &[Span], span: Span) -> bool {
    let i = quotes.partition_point(|q| q.start <= span.start);
    i > 0 && quotes[i - 1].contains(span)
}

/// Whether item `start` comes after a closing quotation mark with at most
/// `max_words` words (and abbreviation periods) between them, as in
/// `“…,” the minister admitted` or `“…,” admitted the minister`.
fn follows_closing_quote(words: &Words, start: usize, max_words: u32) -> bool {
    let mut count = 0;
    for item in words.items()[..start].iter().rev() {
        match item.kind {
            ItemKind::Quote { closing: true, .. } => return true,
            ItemKind::Word => {
                count += 1;
                if count > max_words {
                    return false;
                }
            }
            ItemKind::Punct('.') => {}
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_article;

    fn rule(json: &str) -> &'static DataRule {
        Box::leak(Box::new(load_rule("test.json", json).unwrap()))
    }

    const PHRASE: &str = r###"{
      "code": "AC150", "name": "test-phrase", "severity": "warning", "kind": "phrase",
      "message": "vague", "label": "here", "help": "name them",
      "phrases": ["experts say", "reportedly"],
      "context": {"not_after": ["the"]},
      "explanation": ["## What it does", "x", "## Why is this bad?", "## Example", "## Use instead", "## Known problems"],
      "tests": [{"text": "Experts say so.", "expect": ["AC150"]}, {"text": "Smith said so.", "expect": []}]
    }"###;

    fn run(rule: &DataRule, text: &str, article: &Article) -> Vec<String> {
        let words = Words::new(text, article);
        rule.find(text, article, &[], &words)
            .into_iter()
            .map(|d| d.span.text(text).to_string())
            .collect()
    }

    #[test]
    fn skips_quoted_words_and_anaphoric_determiners() {
        let r = rule(PHRASE);
        let text =
            "Experts say it works. The experts say it fails. “Experts say nothing,” he said.";
        let mut article = parse_article(text);
        // The parser finds the quotation: its words are the speaker's and
        // are not flagged; `The experts say` refers back and is not either.
        assert_eq!(article.quotes.len(), 1);
        assert_eq!(run(r, text, &article), ["Experts say"]);
        // Without the quotation, the quoted phrase would be flagged.
        article.quotes.clear();
        assert_eq!(run(r, text, &article), ["Experts say", "Experts say"]);
    }

    #[test]
    fn substitution_keeps_case_and_offers_a_fix() {
        assert_eq!(match_case("Admitted", "said"), "Said");
        assert_eq!(match_case("ADMITTED", "said"), "SAID");
        assert_eq!(match_case("admitted", "said"), "said");
        let text = "He admitted that. She conceded it.";
        let d = Diagnostic::new("AC1", "x", Severity::Info, Span::new(3, 11), "m")
            .fix(Span::new(3, 11), "said");
        assert_eq!(apply_fixes(text, &[d]), "He said that. She conceded it.");
    }

    #[test]
    fn after_quote_allows_a_few_words_only() {
        let text = "“We erred,” the Gov. admitted. “No,” she said, and admitted nothing.";
        let article = parse_article(text);
        let words = Words::new(text, &article);
        let at = |needle: &str, nth: usize| {
            let offset = text.match_indices(needle).nth(nth).unwrap().0 as u32;
            words
                .items()
                .iter()
                .position(|i| i.span.start == offset)
                .unwrap()
        };
        assert!(follows_closing_quote(&words, at("admitted", 0), 3));
        assert!(!follows_closing_quote(&words, at("admitted", 0), 1));
        assert!(!follows_closing_quote(&words, at("admitted", 1), 4));
    }

    #[test]
    fn a_claim_cue_makes_a_loaded_verb_count() {
        let loaded = builtin_data_rules()
            .iter()
            .find(|r| r.name() == "loaded-cue")
            .unwrap();
        let text = "The minister admitted the deficit had been underestimated.";
        let article = parse_article(text);
        let words = Words::new(text, &article);
        // No `that`, no quotation: without claims the verb is left alone.
        assert!(loaded.find(text, &article, &[], &words).is_empty());
        let at = text.find("admitted").unwrap();
        let claim = crate::claims::Claim {
            id: 0,
            kind: crate::claims::ClaimKind::Indirect,
            span: Span::from_range(0..text.len()),
            content: vec![Span::from_range(at + 9..text.len() - 1)],
            speaker: None,
            cue: Some(crate::claims::Cue {
                span: Span::from_range(at..at + "admitted".len()),
                kind: crate::claims::CueKind::Speech,
            }),
            chain: Vec::new(),
            attribution: crate::claims::Attribution::Explicit,
            sentence: 0,
            quotes: Vec::new(),
        };
        let found = loaded.find(text, &article, &[claim], &words);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(text), "admitted");
        assert_eq!(found[0].fix.as_ref().unwrap().replacement, "said");
    }

    #[test]
    fn inside_uses_the_enclosing_quote() {
        let quotes = [Span::new(0, 10), Span::new(20, 30)];
        assert!(inside(&quotes, Span::new(2, 5)));
        assert!(inside(&quotes, Span::new(20, 30)));
        assert!(!inside(&quotes, Span::new(12, 15)));
        assert!(!inside(&quotes, Span::new(8, 12)));
        assert!(!inside(&[], Span::new(1, 2)));
    }
}
