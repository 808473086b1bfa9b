//! Article parsing: plain text → [`Article`] with exact byte spans.
//!
//! The parser is total: any text yields an `Article`. Odd text is recorded in
//! [`Article::issues`] for the rules to report.

mod model;

pub use model::*;

use crate::source::Span;

/// Parses an article.
///
/// PROVISIONAL: blocks are blank-line separated paragraphs, one sentence per
/// block, whitespace tokens. The nom parser replaces this (issue #2).
pub fn parse_article(text: &str) -> Article {
    let mut article = Article::default();
    let mut offset = 0usize;
    for chunk in text.split("\n\n") {
        let start = offset + (chunk.len() - chunk.trim_start().len());
        let end = offset + chunk.trim_end().len();
        offset += chunk.len() + 2;
        if start >= end {
            continue;
        }
        let span = Span::from_range(start..end);
        let first_token = article.tokens.len() as u32;
        let mut pos = start;
        for word in text[start..end].split(char::is_whitespace) {
            if !word.is_empty() {
                article.tokens.push(Token {
                    kind: TokenKind::Word,
                    span: Span::from_range(pos..pos + word.len()),
                });
            }
            pos += word.len()
                + text[pos + word.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
        }
        let sentence = article.sentences.len() as u32;
        article.sentences.push(Sentence {
            span,
            block: article.blocks.len() as u32,
            tokens: first_token..article.tokens.len() as u32,
        });
        article.blocks.push(Block {
            kind: BlockKind::Paragraph,
            span,
            sentences: sentence..sentence + 1,
        });
    }
    article
}
