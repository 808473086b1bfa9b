//! The rule engine: the [`Rule`] trait, the context rules read from,
//! [`declare_rule!`] for rules written in Rust, data rules from `rules/*.json`,
//! the registry of every rule, and selection, listing and explanation.
//!
//! A code rule is one file: a `declare_rule!` whose doc comment is the
//! rule's documentation, then `impl Rule`. It is registered by one line in
//! `registry.rs`, the only place codes are mapped.

use crate::claims::Claim;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lexicon::Lexicon;
use crate::parse::Article;
use crate::source::SourceFile;
use serde::Serialize;
use std::cell::OnceCell;

/// Declares a rule written in Rust: a unit struct whose `///` doc comment is
/// its documentation, with its code, name and default severity.
///
/// ```ignore
/// declare_rule! {
///     /// ## What it does
///     /// …
///     pub UnbalancedQuote, code = "AC009", name = "unbalanced-quote", severity = Error
/// }
/// impl Rule for UnbalancedQuote {
///     fn check(&self, cx: &mut RuleContext<'_>) { … }
/// }
/// ```
///
/// The doc comment must have the headings `## What it does`, `## Why is this
/// bad?`, `## Example`, `## Use instead` and `## Known problems` (and may
/// have `## References`); the registry test enforces it.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        $vis:vis $name:ident, code = $code:literal, name = $rule_name:literal, severity = $severity:ident $(,)?
    ) => {
        $(#[doc = $doc])+
        #[derive(Debug, Clone, Copy, Default)]
        $vis struct $name;

        impl $name {
            /// The rule's stable code.
            #[allow(dead_code)]
            pub const CODE: &'static str = $code;
            /// The rule's kebab-case name.
            #[allow(dead_code)]
            pub const NAME: &'static str = $rule_name;
            /// The rule's default severity.
            #[allow(dead_code)]
            pub const SEVERITY: $crate::diagnostic::Severity = $crate::diagnostic::Severity::$severity;
            /// The doc comment as written, one leading space per line.
            const RAW_DOCS: &'static str = concat!($($doc, "\n"),+);
        }

        impl $crate::rules::RuleMetadata for $name {
            fn meta(&self) -> $crate::rules::RuleMeta {
                static DOCS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
                $crate::rules::RuleMeta {
                    code: Self::CODE,
                    name: Self::NAME,
                    severity: Self::SEVERITY,
                    kind: $crate::rules::RuleKind::Code,
                    explanation: DOCS.get_or_init(|| $crate::rules::strip_doc_indent(Self::RAW_DOCS)),
                }
            }

            fn location(&self) -> &str {
                file!()
            }
        }
    };
}

pub mod align;
mod anonymous_source;
mod calendar;
pub mod data;
pub mod docs;
mod figures;
mod headline_unsupported;
pub mod mentions;
mod name_spelling;
mod paraphrase_drift;
mod post_attribution_mismatch;
mod quote_mismatch;
mod quote_without_speaker;
mod registry;
mod secondhand_source;
mod select;
mod unbalanced_quote;
mod unsourced_claim;
pub mod voice;
mod weekday_mismatch;
pub mod words;

pub use align::Sources;
pub use anonymous_source::AnonymousSource;
pub use data::{load_rules_dir, DataRule};
pub use headline_unsupported::HeadlineUnsupported;
pub use name_spelling::NameSpelling;
pub use paraphrase_drift::ParaphraseDrift;
pub use post_attribution_mismatch::PostAttributionMismatch;
pub use quote_mismatch::QuoteMismatch;
pub use quote_without_speaker::QuoteWithoutSpeaker;
pub use registry::{code_rules, registry, registry_with, ALLOCATED};
pub use secondhand_source::SecondhandSource;
pub use select::{explain, find_rule, list_rules, select, Explanation, RuleSummary, UnknownRule};
pub use unbalanced_quote::UnbalancedQuote;
pub use unsourced_claim::UnsourcedClaim;
pub use weekday_mismatch::WeekdayMismatch;

/// Whether a rule is written in Rust or loaded from `rules/*.json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    /// A rule in `src/rules/` (codes `AC0xx`).
    Code,
    /// A data rule in `rules/*.json` or a team's `--rules-dir` (codes `AC1xx`).
    Data,
}

impl std::fmt::Display for RuleKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            RuleKind::Code => "code",
            RuleKind::Data => "data",
        })
    }
}

/// What every rule declares about itself.
#[derive(Clone, Copy, Debug)]
pub struct RuleMeta {
    /// Stable code (`AC001`; `AC1xx` for data rules).
    pub code: &'static str,
    /// Kebab-case name that reads as "allow <name>".
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Where the rule is defined.
    pub kind: RuleKind,
    /// The documentation (Markdown: What it does / Why is this bad? / …).
    pub explanation: &'static str,
}

/// The metadata half of a rule; [`declare_rule!`] implements it for code
/// rules, [`DataRule`] for data rules.
pub trait RuleMetadata {
    /// The rule's code, name, severity and documentation.
    fn meta(&self) -> RuleMeta;

    /// Where the rule is defined: its source file or its JSON file.
    fn location(&self) -> &str;
}

/// A check over one analysed article.
pub trait Rule: RuleMetadata + Send + Sync {
    /// Reports findings into `cx`.
    fn check(&self, cx: &mut RuleContext<'_>);

    /// The data rule behind this rule, for documentation.
    fn data_rule(&self) -> Option<&DataRule> {
        None
    }
}

impl<R: Rule + ?Sized> RuleMetadata for &'static R {
    fn meta(&self) -> RuleMeta {
        (**self).meta()
    }

    fn location(&self) -> &str {
        (**self).location()
    }
}

impl<R: Rule + ?Sized> Rule for &'static R {
    fn check(&self, cx: &mut RuleContext<'_>) {
        (**self).check(cx)
    }

    fn data_rule(&self) -> Option<&DataRule> {
        (**self).data_rule()
    }
}

/// The headings every rule's documentation has, in this order.
pub const REQUIRED_HEADINGS: &[&str] = &[
    "## What it does",
    "## Why is this bad?",
    "## Example",
    "## Use instead",
    "## Known problems",
];

/// The headings a rule's documentation may add after the required ones.
pub const OPTIONAL_HEADINGS: &[&str] = &["## References"];

/// The problems with a rule's documentation: missing, unknown or
/// out-of-order `##` headings. Empty when it is complete.
pub fn explanation_problems(explanation: &str) -> Vec<String> {
    let headings: Vec<&str> = explanation
        .lines()
        .filter(|l| l.starts_with("## "))
        .map(str::trim_end)
        .collect();
    let mut problems: Vec<String> = REQUIRED_HEADINGS
        .iter()
        .filter(|h| !headings.contains(h))
        .map(|h| format!("missing heading `{h}`"))
        .collect();
    for h in &headings {
        if !REQUIRED_HEADINGS.contains(h) && !OPTIONAL_HEADINGS.contains(h) {
            problems.push(format!("unknown heading `{h}`"));
        }
    }
    let order: Vec<usize> = headings
        .iter()
        .filter_map(|h| {
            REQUIRED_HEADINGS
                .iter()
                .chain(OPTIONAL_HEADINGS)
                .position(|k| k == h)
        })
        .collect();
    if order.windows(2).any(|w| w[0] >= w[1]) {
        problems.push(format!(
            "headings must appear once each, in the order {}",
            REQUIRED_HEADINGS.join(", ")
        ));
    }
    problems
}

/// Strips the one leading space `///` leaves on each line, as ruff's
/// `get_docs` does, and trims the trailing newline.
pub fn strip_doc_indent(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        out.push_str(line.strip_prefix(' ').unwrap_or(line));
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The first sentence of a rule's `## What it does` section, on one line.
pub fn summary(explanation: &str) -> String {
    let section = explanation
        .split_once("## What it does")
        .map_or(explanation, |(_, rest)| rest);
    let paragraph: Vec<&str> = section
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let text = paragraph.join(" ");
    match text.find(". ") {
        Some(i) => text[..=i].to_string(),
        None => text,
    }
}

/// What a rule can read, and where it reports.
pub struct RuleContext<'a> {
    /// The article's file.
    pub source: &'a SourceFile,
    /// The parsed article.
    pub article: &'a Article,
    /// The extracted claims.
    pub claims: &'a [Claim],
    /// The lexicons.
    pub lexicon: &'a Lexicon,
    /// The `--source` documents quotations are compared with.
    pub sources: &'a Sources,
    words: OnceCell<words::Words>,
    mentions: OnceCell<mentions::Mentions>,
    refs: OnceCell<align::ArticleRefs>,
    voices: OnceCell<voice::Voices>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> RuleContext<'a> {
    /// A context with no findings yet.
    pub fn new(
        source: &'a SourceFile,
        article: &'a Article,
        claims: &'a [Claim],
        lexicon: &'a Lexicon,
    ) -> Self {
        RuleContext {
            source,
            article,
            claims,
            lexicon,
            sources: Sources::empty(),
            words: OnceCell::new(),
            mentions: OnceCell::new(),
            refs: OnceCell::new(),
            voices: OnceCell::new(),
            diagnostics: Vec::new(),
        }
    }

    /// The same context comparing quotations with `sources` too.
    pub fn with_sources(mut self, sources: &'a Sources) -> Self {
        self.sources = sources;
        self
    }

    /// The article's text.
    pub fn text(&self) -> &'a str {
        self.source.text()
    }

    /// The article as a stream of normalized words, punctuation and breaks,
    /// built on first use and shared by every rule that matches phrases.
    pub fn words(&self) -> &words::Words {
        self.words
            .get_or_init(|| words::Words::new(self.source.text(), self.article))
    }

    /// The article's words with their shape and position, and its runs of
    /// capitalised words (proper names), built on first use from
    /// [`RuleContext::words`] and shared by the rules about names.
    pub fn mentions(&self) -> &mentions::Mentions {
        self.mentions
            .get_or_init(|| mentions::Mentions::new(self.source.text(), self.words()))
    }

    /// The texts the article's quotations and paraphrases may come from
    /// (its posts and quotations, indexed on first use, and the `--source`
    /// documents), shared by `quote-mismatch` and `paraphrase-drift`.
    pub fn passages(&self) -> align::Passages<'_> {
        let article = self.refs.get_or_init(|| {
            align::ArticleRefs::new(self.source.text(), self.article, &self.lexicon.equivalents)
        });
        align::Passages {
            text: self.source.text(),
            article,
            sources: self.sources,
        }
    }

    /// Whose words each block holds (narration, caption, interview,
    /// speech, or nothing stated), built on first use and shared by the
    /// sourcing rules.
    pub fn voices(&self) -> &voice::Voices {
        self.voices.get_or_init(|| {
            voice::Voices::new(self.source.text(), self.article, &self.lexicon.check_worthy)
        })
    }

    /// Records a finding.
    pub fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// The findings so far.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

/// Runs one rule over a hand-built article, for unit tests.
#[cfg(test)]
pub(crate) fn run_rule(rule: &dyn Rule, text: &str, article: &Article) -> Vec<Diagnostic> {
    let source = SourceFile::new("test.txt", text).expect("small text");
    let mut cx = RuleContext::new(&source, article, &[], Lexicon::builtin());
    rule.check(&mut cx);
    cx.into_diagnostics()
}

/// Runs one rule over `text` through the real parser and claim extractor,
/// for unit tests.
#[cfg(test)]
pub(crate) fn check_text(rule: &dyn Rule, text: &str) -> Vec<Diagnostic> {
    let source = SourceFile::new("test.txt", text).expect("small text");
    let article = crate::parse::parse_article(text);
    let lexicon = Lexicon::builtin();
    let claims = crate::claims::extract(text, &article, lexicon);
    let mut cx = RuleContext::new(&source, &article, &claims, lexicon);
    rule.check(&mut cx);
    cx.into_diagnostics()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_indent_is_stripped_once() {
        assert_eq!(
            strip_doc_indent(" ## What it does\n Flags.\n\n ```\n   indented\n ```\n"),
            "## What it does\nFlags.\n\n```\n  indented\n```\n"
        );
    }

    #[test]
    fn summary_is_the_first_sentence() {
        let doc = "## What it does\nFlags a mark that is never\nclosed. Also stray ones.\n\n## Why is this bad?\n";
        assert_eq!(summary(doc), "Flags a mark that is never closed.");
        assert_eq!(
            summary("## What it does\nFlags vague phrases\n"),
            "Flags vague phrases"
        );
    }

    #[test]
    fn explanation_headings_are_checked() {
        let full = "## What it does\n\n## Why is this bad?\n\n## Example\n\n## Use instead\n\n## Known problems\n\n## References\n";
        assert!(explanation_problems(full).is_empty());
        let missing = "## What it does\n## Example\n## Use instead\n## Known problems\n## Notes\n";
        assert_eq!(
            explanation_problems(missing),
            [
                "missing heading `## Why is this bad?`",
                "unknown heading `## Notes`"
            ]
        );
        let swapped =
            "## Why is this bad?\n## What it does\n## Example\n## Use instead\n## Known problems\n";
        assert_eq!(explanation_problems(swapped).len(), 1);
    }
}
