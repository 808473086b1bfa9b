//! The article as a stream of normalized words, punctuation and breaks: the
//! input of every phrase matcher, built once per article from its tokens.
//!
//! Each token is split further with [`split_words`], so the stream is the
//! same whether the tokenizer keeps punctuation apart or attached. A break
//! separates sentences, blank-line blocks and URLs; no phrase spans one.

use crate::lexicon::matcher::{normalize_word, split_words, word_hash, Piece, Word};
use crate::parse::{Article, TokenKind};
use crate::source::Span;
use std::ops::Range;

/// What an [`Item`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// A word; its normalized form is [`Words::norm`].
    Word,
    /// A quotation mark; `closing` when attached to the text before it.
    Quote {
        /// The mark.
        mark: char,
        /// Whether it closes a quotation (`said,”`) rather than opens one.
        closing: bool,
    },
    /// Any other punctuation or symbol.
    Punct(char),
    /// A sentence or block boundary, or an opaque token (URL, handle).
    Break,
}

/// One element of the stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    /// Where it is in the text (empty for a boundary break).
    pub span: Span,
    /// What it is.
    pub kind: ItemKind,
    norm_start: u32,
    norm_end: u32,
}

/// The stream of an article.
#[derive(Clone, Debug, Default)]
pub struct Words {
    items: Vec<Item>,
    /// The normalized words, concatenated.
    norm: String,
    /// Item index of each word, in order.
    word_items: Vec<u32>,
    /// Item index → hash of its normalized word (0 for other items).
    hashes: Vec<u64>,
}

/// Whether `c` is a quotation mark.
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' | '\'' | '‘' | '’' | '‚' | '`'
    )
}

impl Words {
    /// Builds the stream from the article's tokens.
    pub fn new(text: &str, article: &Article) -> Self {
        let mut words = Words {
            items: Vec::with_capacity(article.tokens.len() + article.sentences.len()),
            norm: String::with_capacity(text.len() / 2),
            word_items: Vec::with_capacity(article.tokens.len()),
            hashes: Vec::with_capacity(article.tokens.len() + article.sentences.len()),
        };
        let mut sentence_starts = article.sentences.iter().map(|s| s.tokens.start).peekable();
        let mut buf = String::new();
        let mut prev_end = 0usize;
        for (i, token) in article.tokens.iter().enumerate() {
            let i = i as u32;
            let start = token.span.start as usize;
            let gap = text.get(prev_end.min(start)..start).unwrap_or("");
            let mut brk = gap.matches('\n').nth(1).is_some();
            while let Some(s) = sentence_starts.next_if(|&s| s <= i) {
                brk |= s == i;
            }
            if brk {
                words.push_break(token.span.start);
            }
            prev_end = token.span.end as usize;
            let Some(token_text) = text.get(token.span.range()) else {
                continue;
            };
            match token.kind {
                TokenKind::Url | TokenKind::Handle => {
                    words.push(Item {
                        span: token.span,
                        kind: ItemKind::Break,
                        norm_start: 0,
                        norm_end: 0,
                    });
                }
                _ => words.push_pieces(text, start, token_text, &mut buf),
            }
        }
        debug_assert_eq!(words.hashes.len(), words.items.len());
        words
    }

    /// Appends an item; words get their hash computed here, while hot.
    #[inline]
    fn push(&mut self, item: Item) {
        let hash = match item.kind {
            ItemKind::Word => {
                self.word_items.push(self.items.len() as u32);
                word_hash(&self.norm[item.norm_start as usize..item.norm_end as usize])
            }
            _ => 0,
        };
        self.hashes.push(hash);
        self.items.push(item);
    }

    fn push_break(&mut self, at: u32) {
        if self.items.last().is_some_and(|i| i.kind == ItemKind::Break) {
            return;
        }
        self.push(Item {
            span: Span::new(at, at),
            kind: ItemKind::Break,
            norm_start: 0,
            norm_end: 0,
        });
    }

    fn push_pieces(&mut self, text: &str, base: usize, token_text: &str, buf: &mut String) {
        if !token_text.is_empty() && token_text.bytes().all(|b| b.is_ascii_alphanumeric()) {
            // Fast path: a plain ASCII word, as most tokens are.
            let norm_start = self.norm.len();
            self.norm.push_str(token_text);
            self.norm[norm_start..].make_ascii_lowercase();
            self.push(Item {
                span: Span::from_range(base..base + token_text.len()),
                kind: ItemKind::Word,
                norm_start: norm_start as u32,
                norm_end: self.norm.len() as u32,
            });
            return;
        }
        for piece in split_words(token_text) {
            match piece {
                Piece::Word(s, e) => {
                    normalize_word(&token_text[s..e], buf);
                    let norm_start = self.norm.len() as u32;
                    self.norm.push_str(buf);
                    self.push(Item {
                        span: Span::from_range(base + s..base + e),
                        kind: ItemKind::Word,
                        norm_start,
                        norm_end: self.norm.len() as u32,
                    });
                }
                Piece::Punct(s, c) => {
                    let at = base + s;
                    let kind = if is_quote_mark(c) {
                        ItemKind::Quote {
                            mark: c,
                            closing: closes(text, at),
                        }
                    } else {
                        ItemKind::Punct(c)
                    };
                    self.push(Item {
                        span: Span::from_range(at..at + c.len_utf8()),
                        kind,
                        norm_start: 0,
                        norm_end: 0,
                    });
                }
            }
        }
    }

    /// Every item in text order.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The normalized form of a word item (`""` for other items).
    pub fn norm(&self, item: &Item) -> &str {
        self.norm
            .get(item.norm_start as usize..item.norm_end as usize)
            .unwrap_or("")
    }

    /// The stream a [`crate::lexicon::PhraseMatcher`] reads: `Some(word)` per
    /// word, `None` at every break or punctuation mark except periods (which
    /// end abbreviations inside names: `J.D. Vance`, `Gov. Smith`).
    pub fn matcher_input(&self) -> impl Iterator<Item = Option<Word<'_>>> + '_ {
        self.items
            .iter()
            .zip(&self.hashes)
            .filter_map(move |(item, &hash)| match item.kind {
                ItemKind::Word => Some(Some(Word {
                    text: self.norm(item),
                    hash,
                })),
                ItemKind::Punct('.') => None,
                _ => Some(None),
            })
    }

    /// The item indices of words `range` (as counted by a matcher hit).
    pub fn word_range_items(&self, range: Range<u32>) -> Option<Range<usize>> {
        let first = *self.word_items.get(range.start as usize)? as usize;
        let last = *self.word_items.get(range.end.checked_sub(1)? as usize)? as usize;
        Some(first..last + 1)
    }
}

/// Whether the quotation mark at byte `at` closes a quotation: it follows a
/// word, a closing punctuation mark or another quotation mark directly.
fn closes(text: &str, at: usize) -> bool {
    match text[..at].chars().next_back() {
        None => false,
        Some(c) => {
            c.is_alphanumeric()
                || matches!(c, '.' | ',' | '!' | '?' | ';' | ':' | '…' | ')' | ']')
                || is_quote_mark(c)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_article;

    fn render(text: &str) -> String {
        let article = parse_article(text);
        let words = Words::new(text, &article);
        words
            .items()
            .iter()
            .map(|item| match item.kind {
                ItemKind::Word => words.norm(item).to_string(),
                ItemKind::Quote { mark, closing } => {
                    format!("{}{mark}", if closing { "<" } else { ">" })
                }
                ItemKind::Punct(c) => c.to_string(),
                ItemKind::Break => "|".to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn splits_attached_punctuation_and_classifies_quotes() {
        assert_eq!(
            render("“We erred,” the Minister’s aide ADMITTED.\n\nNext (“x”)."),
            "| >“ we erred , <” the minister's aide admitted . | next ( >“ x <” ) ."
        );
    }

    #[test]
    fn spans_slice_back_to_the_text() {
        let text = "Überall “experts say,” Zelensky’s aide said.";
        let article = parse_article(text);
        let words = Words::new(text, &article);
        for item in words.items() {
            let slice = item.span.text(text);
            match item.kind {
                ItemKind::Word => {
                    assert_eq!(slice.to_lowercase().replace('’', "'"), words.norm(item))
                }
                ItemKind::Quote { mark, .. } | ItemKind::Punct(mark) => {
                    assert_eq!(slice, mark.to_string())
                }
                ItemKind::Break => assert!(slice.is_empty()),
            }
        }
        let input: Vec<_> = words.matcher_input().collect();
        assert_eq!(input.iter().filter(|w| w.is_some()).count(), 6);
    }
}
