//! A block as the extractor reads it: a vector of [`Item`]s (words with
//! their word classes, punctuation, and each outermost quotation collapsed
//! into one item), cut into [`Utterance`]s — runs of sentences that a
//! quotation holds together (`“A. B,” she said.` is one utterance).

use super::grammar::{self, Flags};
use crate::lexicon::wordtable::norm_hash;
use crate::lexicon::{Lexicon, Sense, SpeakerKinds};
use crate::parse::{Article, Block, TokenKind};
use crate::source::Span;
use std::ops::Range;

/// What an [`Item`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// A word.
    Word,
    /// A number.
    Number,
    /// One punctuation char.
    Punct(char),
    /// A dash used as punctuation.
    Dash,
    /// An outermost quotation: its index in [`Article::quotes`] and the
    /// number of words inside it.
    Quote {
        /// Index into [`Article::quotes`].
        index: u32,
        /// Words between the marks, nested quotations included.
        words: u32,
    },
    /// A URL, a handle, or a stray quotation mark.
    Other,
}

/// One element of a block as the extractor reads it.
#[derive(Clone, Debug)]
pub struct Item<'l> {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: ItemKind,
    /// Closed word classes ([`grammar`] flags); 0 for non-words.
    pub flags: Flags,
    /// Speaker-word kinds of the word on its own.
    pub speaker: SpeakerKinds,
    /// The cue senses of the word (forms of cues starting with it).
    pub senses: &'l [Sense],
    /// Whether the word starts with an uppercase letter.
    pub cap: bool,
    /// Whether the word ends in a possessive (`Moscow’s`, `leaders’`).
    pub possessive: bool,
    /// Whether the word is all uppercase letters, two or more (`NATO`, `UNN`).
    pub acronym: bool,
    /// The word's normalized hash, shared by the table lookups.
    pub hash: u64,
}

impl Item<'_> {
    /// Whether the item is a word.
    #[inline]
    pub fn is_word(&self) -> bool {
        self.kind == ItemKind::Word
    }

    /// Whether the item is a word with any of `flags`.
    #[inline]
    pub fn has(&self, flags: Flags) -> bool {
        self.flags & flags != 0
    }

    /// Whether the item is the punctuation char `c`.
    #[inline]
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == ItemKind::Punct(c)
    }

    /// Whether the item is a quotation.
    #[inline]
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, ItemKind::Quote { .. })
    }

    /// The quotation's index and word count, for a quotation item.
    #[inline]
    pub fn quote(&self) -> Option<(u32, u32)> {
        match self.kind {
            ItemKind::Quote { index, words } => Some((index, words)),
            _ => None,
        }
    }

    /// The item's text.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.text(text)
    }
}

/// A run of sentences held together by quotations, as a range of items.
#[derive(Clone, Debug)]
pub struct Utterance {
    /// Its items, as indices into the block's item vector.
    pub items: Range<usize>,
    /// Its sentences, as indices into [`Article::sentences`].
    pub sentences: Range<u32>,
    /// Whether it holds a cue word, a quotation or a colon: only then can
    /// it hold an attribution of its own.
    pub candidate: bool,
}

/// Fills `items` and `utterances` (both cleared first) with `block`'s.
///
/// Every word is looked up once in the cue table (cue senses and word
/// classes together); the speaker words are looked up only in utterances
/// that hold a cue, a quotation or a colon, where the extractor reads them.
pub fn read_block<'l>(
    text: &str,
    article: &Article,
    block: &Block,
    lexicon: &'l Lexicon,
    items: &mut Vec<Item<'l>>,
    utterances: &mut Vec<Utterance>,
) {
    items.clear();
    utterances.clear();
    let quotes = &article.quotes;
    // The next outermost quotation opening at or after the block start.
    let mut next_quote = quotes.partition_point(|q| q.span.start < block.span.start);
    let mut inside_until = 0u32;
    // The item of the quotation being skipped, to count its words.
    let mut open_quote = 0usize;
    let mut utt_start_item = 0usize;
    let mut utt_start_sentence = block.sentences.start;
    let mut candidate = false;
    for s in block.sentences.clone() {
        let Some(sentence) = article.sentences.get(s as usize) else {
            continue;
        };
        for token in article.sentence_tokens(sentence) {
            if token.span.start < inside_until {
                if token.kind == TokenKind::Word {
                    if let ItemKind::Quote { words, .. } = &mut items[open_quote].kind {
                        *words += 1;
                    }
                }
                continue;
            }
            while quotes
                .get(next_quote)
                .is_some_and(|q| q.span.start < token.span.start || q.parent.is_some())
            {
                next_quote += 1;
            }
            if token.kind == TokenKind::QuoteMark {
                if let Some(q) = quotes
                    .get(next_quote)
                    .filter(|q| q.span.start == token.span.start)
                {
                    open_quote = items.len();
                    items.push(Item {
                        span: q.span,
                        kind: ItemKind::Quote {
                            index: next_quote as u32,
                            words: 0,
                        },
                        ..blank(q.span)
                    });
                    inside_until = q.span.end;
                    next_quote += 1;
                    candidate = true;
                    continue;
                }
            }
            let item = classify(text, token.kind, token.span, lexicon);
            // `:` introduces speech; a dash opening an utterance may sign
            // the quotation before it (`“…” — Jane Doe`).
            candidate |= item.kind == ItemKind::Punct(':')
                || item.kind == ItemKind::Dash && items.len() == utt_start_item;
            items.push(item);
        }
        if inside_until <= sentence.span.end {
            // The sentence does not end inside a quotation: the utterance ends.
            close_utterance(
                text,
                lexicon,
                items,
                utt_start_item,
                utt_start_sentence..s + 1,
                candidate,
                utterances,
            );
            utt_start_item = items.len();
            utt_start_sentence = s + 1;
            candidate = false;
        }
    }
    close_utterance(
        text,
        lexicon,
        items,
        utt_start_item,
        utt_start_sentence..block.sentences.end.max(utt_start_sentence + 1),
        candidate,
        utterances,
    );
}

/// Ends the utterance whose items start at `start` (if it has any): it is
/// a candidate when something in it may be a cue, and only candidates get
/// their speaker words resolved.
fn close_utterance<'l>(
    text: &str,
    lexicon: &'l Lexicon,
    items: &mut [Item<'l>],
    start: usize,
    sentences: Range<u32>,
    candidate: bool,
    utterances: &mut Vec<Utterance>,
) {
    if items.len() <= start {
        return;
    }
    let candidate = candidate || has_cue(text, &items[start..]);
    if candidate {
        speaker_words(text, lexicon, &mut items[start..]);
    }
    utterances.push(Utterance {
        items: start..items.len(),
        sentences,
        candidate,
    });
}

/// Whether a whole cue form is written in `items`: a word with a sense
/// whose further words follow it (`in` alone is no cue, `in the words of` is).
fn has_cue(text: &str, items: &[Item<'_>]) -> bool {
    items.iter().enumerate().any(|(i, it)| {
        it.senses.iter().any(|sense| {
            sense.rest.iter().enumerate().all(|(k, w)| {
                items.get(i + 1 + k).is_some_and(|next| {
                    next.kind == ItemKind::Word
                        && crate::lexicon::wordtable::norm_eq(next.span.text(text), w)
                })
            })
        })
    })
}

/// Looks up the speaker-word kinds of the words in `items`.
fn speaker_words(text: &str, lexicon: &Lexicon, items: &mut [Item<'_>]) {
    // Function words (`the`, `of`, the auxiliaries) name no source.
    for item in items
        .iter_mut()
        .filter(|it| it.kind == ItemKind::Word && it.flags == 0)
    {
        let word = item.span.text(text);
        let found = if item.possessive {
            lexicon.speakers.get(strip_possessive(word))
        } else {
            lexicon.speakers.get_hashed(word, item.hash)
        };
        item.speaker = found.map(|i| i.kinds).unwrap_or_default();
    }
}

fn blank<'l>(span: Span) -> Item<'l> {
    Item {
        span,
        kind: ItemKind::Other,
        flags: 0,
        speaker: SpeakerKinds::default(),
        senses: &[],
        cap: false,
        possessive: false,
        acronym: false,
        hash: 0,
    }
}

/// One token as an item, with its word classes looked up.
fn classify<'l>(text: &str, kind: TokenKind, span: Span, lexicon: &'l Lexicon) -> Item<'l> {
    let word = span.text(text);
    match kind {
        TokenKind::Word => {
            let bytes = word.as_bytes();
            let cap = match bytes.first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => word.chars().next().is_some_and(char::is_uppercase),
            };
            let possessive = ends_possessive(word);
            let acronym = cap
                && bytes.get(1).is_some_and(u8::is_ascii_uppercase)
                && word.bytes().all(|b| {
                    b.is_ascii_uppercase() || b == b'.' || b == b'-' || b.is_ascii_digit()
                })
                && word.bytes().filter(u8::is_ascii_uppercase).count() >= 2;
            let hash = norm_hash(word);
            let info = lexicon.cues.word(word, hash);
            // `US` is not `us`, `IT` not `it`.
            let mut flags = match info {
                Some(info) if !acronym => info.flags,
                _ => 0,
            };
            if flags == 0 && !acronym && grammar::is_ly_adverb(word) {
                flags = grammar::ADV;
            }
            Item {
                span,
                kind: ItemKind::Word,
                flags,
                speaker: SpeakerKinds::default(),
                senses: match info {
                    Some(info) if !possessive => &info.senses,
                    _ => &[],
                },
                cap,
                possessive: possessive && flags == 0,
                acronym,
                hash,
            }
        }
        TokenKind::Number => Item {
            kind: ItemKind::Number,
            ..blank(span)
        },
        TokenKind::Punct => Item {
            kind: ItemKind::Punct(word.chars().next().unwrap_or(' ')),
            ..blank(span)
        },
        TokenKind::Dash => Item {
            kind: ItemKind::Dash,
            ..blank(span)
        },
        TokenKind::QuoteMark | TokenKind::Handle | TokenKind::Url => blank(span),
    }
}

/// Whether a word ends in a possessive `’s`, `'s` or a plural `s’`.
pub fn ends_possessive(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() > 2
        && (word.ends_with("'s")
            || word.ends_with("’s")
            || word.ends_with("s'")
            || word.ends_with("s’"))
}

/// The word without its possessive ending.
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    word
}
