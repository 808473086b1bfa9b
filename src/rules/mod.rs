//! The rule engine: the [`Rule`] trait, the context rules read from, and the
//! registry of every rule.

use crate::claims::Claim;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lexicon::Lexicon;
use crate::parse::Article;
use crate::source::SourceFile;

/// What every rule declares about itself.
#[derive(Clone, Copy, Debug)]
pub struct RuleMeta {
    /// Stable code (`AC001`; `AC1xx` for data rules).
    pub code: &'static str,
    /// Kebab-case name that reads as "allow <name>".
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// The documentation (Markdown: What it does / Why is this bad? / …).
    pub explanation: &'static str,
}

/// A check over one analysed article.
pub trait Rule: Send + Sync {
    /// The rule's code, name, severity and documentation.
    fn meta(&self) -> RuleMeta;
    /// Reports findings into `cx`.
    fn check(&self, cx: &mut RuleContext<'_>);
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
            diagnostics: Vec::new(),
        }
    }

    /// The article's text.
    pub fn text(&self) -> &'a str {
        self.source.text()
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

/// Every built-in rule, in code order. The only place codes are mapped.
pub fn registry() -> Vec<Box<dyn Rule>> {
    Vec::new()
}
