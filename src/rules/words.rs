//! The article as a stream of normalized words, punctuation and breaks: the
//! input of every phrase matcher, built once per article from its tokens.
//!
//! Each token is split further with [`split_words`], so the stream is the
//! same whether the tokenizer keeps punctuation apart or attached. A break
//! separates sentences, blank-line blocks and URLs; no phrase spans one.

use crate::lexicon::matcher::{
    leftmost_longest, normalize_word, short_word_hash, split_words, word_hash_bytes, Hit,
    MatchWord, Piece, Step,
};
use crate::lexicon::PhraseMatcher;
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
    /// The [`word_hash`] of a word's normalized form (0 for other items).
    hash: u64,
}

impl Item {
    /// Where a word's normalized form is in [`Words::norm_buffer`] (empty
    /// for other items).
    #[inline]
    pub fn norm_range(&self) -> Range<usize> {
        self.norm_start as usize..self.norm_end as usize
    }

    /// The [`word_hash`] of a word's normalized form (0 for other items).
    #[inline]
    pub fn norm_hash(&self) -> u64 {
        self.hash
    }

    /// A non-word item.
    #[inline]
    fn other(span: Span, kind: ItemKind) -> Item {
        Item {
            span,
            kind,
            norm_start: 0,
            norm_end: 0,
            hash: 0,
        }
    }
}

/// A word of the stream as a matcher reads it: its precomputed hash, and its
/// normalized form only when the matcher asks.
#[derive(Clone, Copy, Debug)]
pub struct WordRef<'a> {
    words: &'a Words,
    item: &'a Item,
}

impl<'a> WordRef<'a> {
    /// The word's item.
    pub fn item(&self) -> &'a Item {
        self.item
    }
}

impl<'a> MatchWord<'a> for WordRef<'a> {
    #[inline]
    fn hash(&self) -> u64 {
        self.item.hash
    }

    #[inline]
    fn text(&self) -> &'a str {
        self.words.norm(self.item)
    }
}

/// The stream of an article.
///
/// The normalized words live in one buffer: it starts with an ASCII-lowercased
/// copy of the whole text, where most words are already in their normalized
/// form (one vectorised pass instead of a copy per word); the few words whose
/// form differs (`’` → `'`, non-ASCII capitals) are appended after it.
#[derive(Clone, Debug, Default)]
pub struct Words {
    items: Vec<Item>,
    /// The ASCII-lowercased text, then the normalized words that differ from it.
    norm: String,
    /// Item index of each word, in order.
    word_items: Vec<u32>,
}

/// Whether `c` is a quotation mark.
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' | '\'' | '‘' | '’' | '‚' | '`'
    )
}

/// Whether `gap`, the text between two tokens, holds a blank line (two line
/// breaks); gaps are almost always one space, which needs no scan.
#[inline]
fn blank_line(gap: &[u8]) -> bool {
    gap.len() >= 2 && gap.iter().filter(|&&b| b == b'\n').nth(1).is_some()
}

impl Words {
    /// Builds the stream from the article's tokens.
    pub fn new(text: &str, article: &Article) -> Self {
        let tokens = &article.tokens;
        // Tokens split further only at attached punctuation; breaks come at
        // most once per sentence or blank line.
        let estimate = tokens.len() + tokens.len() / 16 + article.sentences.len() + 16;
        let norm = lowercase_copy(text);
        let mut words = Words {
            items: Vec::with_capacity(estimate),
            norm,
            word_items: Vec::with_capacity(tokens.len()),
        };
        let bytes = text.as_bytes();
        let mut sentence_starts = article.sentences.iter().map(|s| s.tokens.start);
        let mut next_start = sentence_starts.next().unwrap_or(u32::MAX);
        let mut buf = String::new();
        let mut prev_end = 0usize;
        for (i, token) in tokens.iter().enumerate() {
            let i = i as u32;
            let (start, end) = (token.span.start as usize, token.span.end as usize);
            let mut brk =
                start > prev_end + 1 && bytes.get(prev_end..start).is_some_and(blank_line);
            while next_start <= i {
                brk |= next_start == i;
                next_start = sentence_starts.next().unwrap_or(u32::MAX);
            }
            if brk {
                words.push_break(token.span.start);
            }
            prev_end = end;
            match token.kind {
                TokenKind::Url | TokenKind::Handle => {
                    words.push(Item::other(token.span, ItemKind::Break));
                    continue;
                }
                _ if words.push_short_word(start, end) => {}
                _ => words.push_token(text, start, end, &mut buf),
            }
        }
        words
    }

    /// Any token but a short plain word, URL or handle: a long word,
    /// punctuation, or a token with attached marks to split. Kept out of the
    /// hot loop.
    #[inline(never)]
    fn push_token(&mut self, text: &str, start: usize, end: usize, buf: &mut String) {
        if end == start + 1 {
            // One ASCII byte that is not a word: punctuation.
            if let Some(&b) = text.as_bytes().get(start) {
                if b.is_ascii_punctuation() {
                    self.push_punct(text, start, char::from(b));
                    return;
                }
            }
        }
        let Some(token_text) = text.get(start..end) else {
            return;
        };
        if is_ascii_word(token_text.as_bytes()) {
            // Already normalized in the lowercased copy.
            self.push_word(start, end, start, end);
        } else {
            self.push_pieces(text, start, token_text, buf);
        }
    }

    /// The fast path for the most common token: a plain ASCII word of at most
    /// 8 bytes. One 8-byte load from the lowercased copy, the bytes past the
    /// word masked off, is tested for letters and digits (SWAR) and hashed.
    /// Returns whether the token was such a word (and was pushed).
    #[inline(always)]
    fn push_short_word(&mut self, start: usize, end: usize) -> bool {
        let n = end.wrapping_sub(start);
        if n == 0 || n > 8 {
            return false;
        }
        let Some(chunk) = self.norm.as_bytes().get(start..start + 8) else {
            return false;
        };
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let keep = u64::MAX >> (64 - 8 * n);
        let value = u64::from_le_bytes(word) & keep;
        if non_alnum(value) & keep != 0 {
            return false;
        }
        self.word_items.push(self.items.len() as u32);
        self.items.push(Item {
            span: Span::from_range(start..end),
            kind: ItemKind::Word,
            norm_start: start as u32,
            norm_end: end as u32,
            hash: short_word_hash(value, n),
        });
        true
    }

    #[inline]
    fn push(&mut self, item: Item) {
        self.items.push(item);
    }

    /// Appends the word at `start..end` of the text whose normalized form is
    /// `norm[norm_start..norm_end]`, hashing it while it is hot.
    #[inline(always)]
    fn push_word(&mut self, start: usize, end: usize, norm_start: usize, norm_end: usize) {
        self.word_items.push(self.items.len() as u32);
        let hash = word_hash_bytes(
            self.norm
                .as_bytes()
                .get(norm_start..norm_end)
                .unwrap_or(&[]),
        );
        self.items.push(Item {
            span: Span::from_range(start..end),
            kind: ItemKind::Word,
            norm_start: norm_start as u32,
            norm_end: norm_end as u32,
            hash,
        });
    }

    fn push_break(&mut self, at: u32) {
        if self.items.last().is_some_and(|i| i.kind == ItemKind::Break) {
            return;
        }
        self.push(Item::other(Span::new(at, at), ItemKind::Break));
    }

    /// Appends the punctuation mark or symbol `c` at byte `at`.
    #[inline]
    fn push_punct(&mut self, text: &str, at: usize, c: char) {
        let kind = if is_quote_mark(c) {
            ItemKind::Quote {
                mark: c,
                closing: closes(text, at),
            }
        } else {
            ItemKind::Punct(c)
        };
        self.push(Item::other(Span::from_range(at..at + c.len_utf8()), kind));
    }

    fn push_pieces(&mut self, text: &str, base: usize, token_text: &str, buf: &mut String) {
        for piece in split_words(token_text) {
            match piece {
                Piece::Word(s, e) => {
                    let (start, end) = (base + s, base + e);
                    normalize_word(&token_text[s..e], buf);
                    if self.norm.as_bytes().get(start..end) == Some(buf.as_bytes()) {
                        self.push_word(start, end, start, end);
                    } else {
                        let norm_start = self.norm.len();
                        self.norm.push_str(buf);
                        self.push_word(start, end, norm_start, self.norm.len());
                    }
                }
                Piece::Punct(s, c) => self.push_punct(text, base + s, c),
            }
        }
    }

    /// Every item in text order.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// Every normalized form, in one buffer ([`Item::norm_range`]).
    pub fn norm_buffer(&self) -> &str {
        &self.norm
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
    pub fn matcher_input(&self) -> impl Iterator<Item = Option<WordRef<'_>>> + '_ {
        self.items.iter().filter_map(move |item| match item.kind {
            ItemKind::Word => Some(Some(WordRef { words: self, item })),
            ItemKind::Punct('.') => None,
            _ => Some(None),
        })
    }

    /// The matcher's view of an item: see [`Self::matcher_input`].
    #[inline]
    fn step(item: &Item) -> Step {
        match item.kind {
            ItemKind::Word => Step::Word(item.hash),
            ItemKind::Punct('.') => Step::Skip,
            _ => Step::Break,
        }
    }

    /// Every match of `matcher` in the stream, overlapping ones included
    /// ([`PhraseMatcher::find_all`] over [`Self::matcher_input`], reading the
    /// precomputed hashes in a tighter loop).
    pub fn find_all(&self, matcher: &PhraseMatcher) -> Vec<Hit> {
        matcher.find_all_steps(self.items.iter().map(Self::step), |word| {
            self.word_items
                .get(word as usize)
                .and_then(|&i| self.items.get(i as usize))
                .map_or("", |item| self.norm(item))
        })
    }

    /// The leftmost-longest matches of `matcher` ([`PhraseMatcher::find`]).
    pub fn find(&self, matcher: &PhraseMatcher) -> Vec<Hit> {
        leftmost_longest(self.find_all(matcher))
    }

    /// The item indices of words `range` (as counted by a matcher hit).
    pub fn word_range_items(&self, range: Range<u32>) -> Option<Range<usize>> {
        let first = *self.word_items.get(range.start as usize)? as usize;
        let last = *self.word_items.get(range.end.checked_sub(1)? as usize)? as usize;
        Some(first..last + 1)
    }
}

/// An ASCII-lowercased copy of `text`, with room for the appended words.
#[inline(never)]
fn lowercase_copy(text: &str) -> String {
    let mut norm = String::with_capacity(text.len() + text.len() / 64 + 16);
    norm.push_str(text);
    norm.make_ascii_lowercase();
    norm
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = ONES * 0x80;

/// Whether `token` is a non-empty run of ASCII letters and digits.
#[inline]
fn is_ascii_word(token: &[u8]) -> bool {
    !token.is_empty() && token.iter().all(u8::is_ascii_alphanumeric)
}

/// For 8 bytes read little-endian, the high bit of every byte that is not an
/// ASCII letter or digit (bytes ≥ 0x80 included).
#[inline]
fn non_alnum(x: u64) -> u64 {
    let ascii = !x & HIGH;
    let x7 = x & (ONES * 0x7F);
    // Per byte, `v + (0x80 - lo)` has its high bit set iff `v >= lo`, and
    // `v + (0x7F - hi)` iff `v > hi`; 7-bit values never carry into the next byte.
    let lower = x7 | (ONES * 0x20);
    let letter = (lower + ONES * u64::from(0x80 - b'a')) & !(lower + ONES * u64::from(0x7F - b'z'));
    let digit = (x7 + ONES * u64::from(0x80 - b'0')) & !(x7 + ONES * u64::from(0x7F - b'9'));
    !((letter | digit) & ascii) & HIGH
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
    use crate::lexicon::matcher::word_hash;
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

    #[test]
    fn find_reads_the_same_stream_as_matcher_input() {
        let text = "Experts say, according to sources. Sen. J.D. Vance said\n\nit is said: “Putin’s aide” claimed, experts say";
        let article = parse_article(text);
        let words = Words::new(text, &article);
        for matcher in [
            PhraseMatcher::new([
                "experts say",
                "according to",
                "J.D. Vance",
                "it is said",
                "said",
            ]),
            PhraseMatcher::new(["Vladimir Putin", "Putin", "aide"]).strip_possessives(),
            PhraseMatcher::new(["said it", "say according"]),
        ] {
            let slow = matcher.find_all(words.matcher_input());
            assert_eq!(words.find_all(&matcher), slow);
            assert_eq!(words.find(&matcher), matcher.find(words.matcher_input()));
        }
        let m = PhraseMatcher::new(["experts say", "putin"]).strip_possessives();
        let found: Vec<_> = words
            .find(&m)
            .iter()
            .map(|h| words.word_range_items(h.start..h.end).unwrap())
            .map(|r| {
                words.items()[r.start]
                    .span
                    .cover(words.items()[r.end - 1].span)
                    .text(text)
            })
            .collect();
        assert_eq!(found, ["Experts say", "Putin’s", "experts say"]);
    }

    #[test]
    fn norms_and_hashes_match_the_reference() {
        let text = "ÜBERALL “Experts SAY,” Zelensky’s aide‐level U.S.-led ’90s İstanbul\n\nCAFÉ au lait, ΑΘΗΝΑ.";
        let article = parse_article(text);
        let words = Words::new(text, &article);
        let mut buf = String::new();
        let mut count = 0;
        for item in words.items() {
            if item.kind == ItemKind::Word {
                normalize_word(item.span.text(text), &mut buf);
                assert_eq!(words.norm(item), buf);
                assert_eq!(item.hash, word_hash(&buf));
                count += 1;
            }
        }
        assert_eq!(count, 13);
    }
}
