//! Claim extraction: [`Article`] + [`Lexicon`] → [`Claim`]s.

mod model;

pub use model::*;

use crate::lexicon::Lexicon;
use crate::parse::Article;

/// Extracts one claim per sentence or quotation run.
///
/// PROVISIONAL: every sentence becomes an unattributed claim. The real
/// extractor replaces this (issue #2).
pub fn extract(article: &Article, _lexicon: &Lexicon) -> Vec<Claim> {
    article
        .sentences
        .iter()
        .enumerate()
        .map(|(i, sentence)| Claim {
            id: i as u32,
            kind: ClaimKind::Unattributed,
            span: sentence.span,
            content: vec![sentence.span],
            speaker: None,
            cue: None,
            chain: Vec::new(),
            attribution: Attribution::None,
            sentence: i as u32,
            quotes: Vec::new(),
        })
        .collect()
}
