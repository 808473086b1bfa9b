//! Article parsing: plain text → [`Article`] with exact byte spans.
//!
//! The parser is total: any text yields an `Article`. Odd text is recorded in
//! [`Article::issues`] for the rules to report.
//!
//! One pass per level, each linear in the text:
//!
//! 1. [`blocks`]: lines → paragraphs → kinds (headline, byline, date line,
//!    section label, post signature, paragraph); posts link a signature to
//!    the paragraph before it ([`post`]).
//! 2. Per paragraph: the wire [`dateline`] (first body paragraphs only),
//!    [`tokens`] with quotation pairing on the fly ([`quotes`]),
//!    [`sentences`], and [`date`] mentions from the tokens.
//!
//! Every production is a small function whose doc comment states its rule;
//! spans come from `nom::Offset` against the full input, never from searching.

mod blocks;
pub mod date;
mod dateline;
mod model;
mod post;
mod quotes;
pub mod sentences;
mod tokens;

pub use date::{resolve_year, weekday_of};
pub use model::*;

use crate::source::Span;
use nom::Offset;
use quotes::QuoteTracker;

/// The result type of the productions: prose never carries a parse error,
/// a production simply does not match.
pub(crate) type PResult<'a, T> = nom::IResult<&'a str, T, ()>;

/// The span of `sub`, a subslice of `full`, by offset arithmetic.
#[inline]
pub(crate) fn span_of(full: &str, sub: &str) -> Span {
    let start = full.offset(sub);
    Span::from_range(start..start + sub.len())
}

/// `span` without the whitespace at either end.
pub(crate) fn trimmed(full: &str, span: Span) -> Span {
    let text = span.text(full);
    let start = span.start as usize + (text.len() - text.trim_start().len());
    let end = span.start as usize + text.trim_end().len();
    Span::from_range(start..end.max(start))
}

/// How many body paragraphs are tried for a dateline (the Wikinews form can
/// follow a photo caption or two).
const DATELINE_TRIES: usize = 5;

/// Parses an article.
pub fn parse_article(text: &str) -> Article {
    let mut article = Article::default();
    let mut paras = Vec::with_capacity(text.len() / 256 + 4);
    blocks::paragraphs(text, &mut paras);
    blocks::split_glued(text, &mut paras);
    article.byline = blocks::classify(text, &mut paras);
    link_posts(text, &mut paras, &mut article.posts);
    article.headline = paras
        .first()
        .filter(|p| p.kind == BlockKind::Headline)
        .map(|p| p.span);

    article.tokens.reserve(text.len() / 5 + 8);
    article.sentences.reserve(text.len() / 100 + 4);
    article.blocks.reserve(paras.len());
    let mut tracker = QuoteTracker::default();
    let mut hints = tokens::Hints::default();
    let mut pending = None;
    let mut dateline_tries = 0;
    for (k, para) in paras.iter().enumerate() {
        let block = article.blocks.len() as u32;
        let first_token = article.tokens.len() as u32;
        tracker.start_paragraph(para.span.start, pending.take());
        hints.clear();
        tokens::tokenize(
            text,
            para.span,
            &mut article.tokens,
            &mut tracker,
            &mut hints,
        );
        let next_opens = paras
            .get(k + 1)
            .is_some_and(|next| opens_quotation(next.span.text(text)));
        pending = tracker.finish(
            para.span.end,
            next_opens,
            &mut article.tokens,
            &mut article.quotes,
            &mut article.issues,
        );
        let end_token = article.tokens.len() as u32;

        let mut sentence_token = first_token;
        if para.kind == BlockKind::Paragraph
            && article.dateline.is_none()
            && dateline_tries < DATELINE_TRIES
        {
            dateline_tries += 1;
            if let Some(found) = dateline::dateline(text, para.span.text(text)) {
                let tokens = &article.tokens[first_token as usize..end_token as usize];
                sentence_token += tokens.partition_point(|t| t.span.start < found.span.end) as u32;
                article.dateline = Some(found);
            }
        }

        let first_sentence = article.sentences.len() as u32;
        sentences::split(
            text,
            &article.tokens,
            (sentence_token, end_token),
            &hints.terminals,
            block,
            &mut article.sentences,
        );
        scan_dates(
            text,
            para.span,
            &article.tokens,
            &hints.dates,
            &mut article.dates,
        );
        article.blocks.push(Block {
            kind: para.kind,
            span: para.span,
            sentences: first_sentence..article.sentences.len() as u32,
        });
    }
    article.issues.sort_by_key(|issue| issue.span.start);
    article
}

/// Whether a paragraph starts with an opening double quotation mark or
/// guillemet (the continuation of a multi-paragraph quote).
fn opens_quotation(paragraph: &str) -> bool {
    let mut chars = paragraph.chars();
    match chars.next() {
        Some('“' | '„' | '«' | '»' | '‟') => true,
        Some('"') => chars.next().is_some_and(|c| !c.is_whitespace()),
        _ => false,
    }
}

/// Marks the paragraph before each post signature as the post's text and
/// records the [`Post`].
fn link_posts(text: &str, paras: &mut [blocks::Para], posts: &mut Vec<Post>) {
    for k in 1..paras.len() {
        if paras[k].kind != BlockKind::PostSignature {
            continue;
        }
        let before = paras[k - 1];
        if !matches!(before.kind, BlockKind::Paragraph | BlockKind::SectionLabel) {
            continue;
        }
        let Some(signature) = post::signature(text, paras[k].span.text(text), false) else {
            continue;
        };
        paras[k - 1].kind = BlockKind::PostText;
        posts.push(Post {
            span: before.span.cover(signature.span),
            text: before.span,
            signature: signature.span,
            author: signature.author,
            handle: signature.handle,
            date: signature.date,
        });
    }
}

/// Finds the date mentions of a paragraph, trying only the tokens the
/// tokenizer noted as possible date starts.
fn scan_dates(
    text: &str,
    para: Span,
    tokens: &[Token],
    candidates: &[u32],
    dates: &mut Vec<DateMention>,
) {
    let mut taken_until = 0;
    for &i in candidates {
        let token = tokens[i as usize];
        if token.span.start < taken_until {
            continue;
        }
        let input = &text[token.span.start as usize..para.end as usize];
        if let Ok((_, found)) = date::date_mention(text, input) {
            taken_until = found.span.end;
            dates.push(found);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_from_offsets() {
        let full = "ab“c”d";
        assert_eq!(span_of(full, &full[2..5]), Span::new(2, 5));
        assert_eq!(trimmed(" a b \n", Span::new(0, 6)), Span::new(1, 4));
        assert_eq!(trimmed("   ", Span::new(0, 3)), Span::new(3, 3));
    }

    #[test]
    fn multi_paragraph_quote() {
        let text = "“We will go on,” she said. “The talks\n\n“will resume in spring,” she added.";
        let a = parse_article(text);
        assert!(a.issues.is_empty(), "{:?}", a.issues);
        assert_eq!(a.quotes.len(), 3);
        assert!(!a.quotes[1].closed);
        assert_eq!(a.quotes[1].span.text(text), "“The talks");
        assert_eq!(a.quotes[2].continues, Some(1));
        assert!(a.quotes[2].closed);
    }

    #[test]
    fn unclosed_and_unopened() {
        let text = "He said “we will go and left.\n\nThen it ended” abruptly.";
        let a = parse_article(text);
        let kinds: Vec<_> = a
            .issues
            .iter()
            .map(|i| (i.kind, i.span.text(text)))
            .collect();
        assert_eq!(
            kinds,
            [
                (ParseIssueKind::UnclosedQuote, "“"),
                (ParseIssueKind::UnopenedQuote, "”"),
            ]
        );
        assert_eq!(a.quotes[0].span.text(text), "“we will go and left.");
        assert!(!a.quotes[0].closed);
    }
}
