//! attrcheck: checks who said what in a news article.
//!
//! The pipeline is a chain of pure functions (see `docs/ARCHITECTURE.md`):
//! [`parse::parse_article`] → [`claims::extract`] → the [`rules`] → a
//! [`FileReport`], which the printers render.

pub mod claims;
pub mod diagnostic;
pub mod eval;
pub mod lexicon;
pub mod parse;
pub mod printer;
pub mod rules;
pub mod source;

use claims::Claim;
use diagnostic::Diagnostic;
use lexicon::Lexicon;
use parse::Article;
use rules::{Rule, RuleContext, Sources};
use source::SourceFile;

/// What a run needs besides the article: lexicons, the enabled rules and
/// the documents quotations are compared with.
pub struct Settings {
    /// The lexicons (built-in, possibly extended with `--rules-dir`).
    pub lexicon: &'static Lexicon,
    /// The enabled rules.
    pub rules: Vec<Box<dyn Rule>>,
    /// The `--source` documents (transcripts, press releases, readouts),
    /// tokenised and indexed once for every article of the run.
    pub sources: Sources,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lexicon: Lexicon::builtin(),
            rules: rules::registry(),
            sources: Sources::default(),
        }
    }
}

/// The analysis of one article.
#[derive(Debug)]
pub struct FileReport {
    /// The parsed article.
    pub article: Article,
    /// The extracted claims.
    pub claims: Vec<Claim>,
    /// The findings, sorted by position then code, without duplicates.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses, extracts and checks one article.
pub fn check_file(source: &SourceFile, settings: &Settings) -> FileReport {
    let article = parse::parse_article(source.text());
    let claims = claims::extract(source.text(), &article, settings.lexicon);
    let mut cx = RuleContext::new(source, &article, &claims, settings.lexicon)
        .with_sources(&settings.sources);
    for rule in &settings.rules {
        rule.check(&mut cx);
    }
    let mut diagnostics = cx.into_diagnostics();
    diagnostics.sort_by(|a, b| {
        (a.span.start, &a.code, a.span.end).cmp(&(b.span.start, &b.code, b.span.end))
    });
    diagnostics.dedup_by(|a, b| a.code == b.code && a.span == b.span);
    FileReport {
        article,
        claims,
        diagnostics,
    }
}
