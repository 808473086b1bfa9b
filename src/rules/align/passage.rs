//! Texts as compared: words in their comparison form (lowercase, plain
//! apostrophes, no hyphens, abbreviations expanded), with their spans and a
//! few flags, and the gaps an editor left in a quotation.

use crate::lexicon::matcher::word_hash;
use crate::lexicon::{comparison_form, Equivalents};
use crate::parse::{Token, TokenKind};
use crate::source::Span;

/// The word is capitalised as written.
pub const CAPITALISED: u8 = 1;
/// The word starts with a digit.
pub const NUMBER: u8 = 1 << 1;
/// A function word whose change does not change what was said (`the`,
/// `of`, `is`, pronouns). Always also [`STOP`].
pub const MINOR: u8 = 1 << 2;
/// A word too common to locate a passage with: the [`MINOR`] words plus
/// modals, negations and a few more. Not indexed.
pub const STOP: u8 = 1 << 3;
/// A sentence-ending `.`, `!` or `?` follows the word.
pub const SENTENCE_END: u8 = 1 << 4;
/// The word begins its sentence, or the compared text.
pub const SENTENCE_START: u8 = 1 << 5;
/// A second or later word of an expanded abbreviation (`house` of `WH`);
/// it shares its span with the first.
pub const EXPANSION: u8 = 1 << 6;
/// A clause break (`,`, `;`, `:`, a dash, a parenthesis) follows the word.
pub const PAUSE: u8 = 1 << 7;

/// Function words: changing one of them inside a quotation is a minor
/// difference. Sorted, for binary search.
const MINOR_WORDS: &[&str] = &[
    "a", "about", "am", "an", "and", "are", "as", "at", "be", "been", "being", "but", "by", "did",
    "do", "does", "for", "from", "had", "has", "have", "having", "he", "her", "here", "him", "his",
    "i", "in", "into", "is", "it", "it's", "its", "me", "my", "of", "on", "onto", "or", "our",
    "she", "so", "that", "the", "their", "them", "there", "these", "they", "this", "those", "to",
    "upon", "us", "was", "we", "were", "which", "who", "whom", "whose", "you", "your",
];

/// Common words that are not minor (modals, negations, quantities) but too
/// frequent to locate a passage with. Sorted.
const OTHER_STOP_WORDS: &[&str] = &[
    "all", "any", "can", "can't", "cannot", "could", "don't", "if", "may", "might", "more", "most",
    "must", "no", "not", "now", "said", "say", "says", "shall", "should", "some", "than", "then",
    "very", "will", "won't", "would",
];

/// One word of a compared text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// Where the word is written in its text (an expanded abbreviation's
    /// words all have the abbreviation's span).
    pub span: Span,
    /// [`word_hash`] of the comparison form.
    pub hash: u64,
    /// The flags ([`CAPITALISED`], [`NUMBER`], …).
    pub flags: u8,
    norm_start: u32,
    norm_end: u32,
}

impl Word {
    /// Whether the word has `flag`.
    #[inline]
    pub fn is(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// Words of one or more texts, appended range by range.
#[derive(Clone, Debug, Default)]
pub struct WordStore {
    words: Vec<Word>,
    norm: String,
    /// A buffer of [`WordStore::push_tokens`], kept between calls.
    buf: String,
}

/// What an editorial insertion in a quotation stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GapKind {
    /// `…`, `...`, `[…]`, `[...]`: words were cut here, any number.
    Ellipsis,
    /// `[the president]`: a few words were replaced by the editor's.
    Bracket,
    /// `(January 2 – ed.)`: the editor added words; nothing was cut.
    Note,
}

/// An editorial insertion, before word `at` of the text it interrupts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gap {
    /// Index (in the same numbering as the words around it) of the word
    /// after the insertion.
    pub at: u32,
    /// What the insertion stands for.
    pub kind: GapKind,
    /// Where the insertion is written.
    pub span: Span,
}

impl GapKind {
    /// The kind of the insertion written `text`.
    pub fn of(text: &str) -> GapKind {
        let inner = text
            .trim_start_matches(['[', '('])
            .trim_end_matches([']', ')'])
            .trim();
        if inner.is_empty() || inner.chars().all(|c| c == '.' || c == '…') {
            GapKind::Ellipsis
        } else if text.starts_with('(') {
            GapKind::Note
        } else {
            GapKind::Bracket
        }
    }
}

impl WordStore {
    /// The words.
    #[inline]
    pub fn words(&self) -> &[Word] {
        &self.words
    }

    /// The number of words.
    #[inline]
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there is no word.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The comparison form of word `i` (`""` when out of range).
    pub fn norm(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| {
            self.norm
                .get(w.norm_start as usize..w.norm_end as usize)
                .unwrap_or("")
        })
    }

    /// Appends the words of `tokens` (the parser's tokens of `text`); each
    /// word's span is its token's, moved by `offset`. The first word is
    /// marked [`SENTENCE_START`]. Quotation marks, handles and URLs are not
    /// words; punctuation sets [`SENTENCE_END`] and [`PAUSE`] on the word
    /// before it.
    pub fn push_tokens(
        &mut self,
        text: &str,
        tokens: &[Token],
        offset: u32,
        equivalents: &Equivalents,
    ) {
        let first = self.words.len();
        let mut buf = std::mem::take(&mut self.buf);
        let mut sentence_start = true;
        let mut last_word = "";
        for token in tokens {
            let written = token.text(text);
            match token.kind {
                TokenKind::Word | TokenKind::Number => {
                    let mut flags = 0;
                    if sentence_start {
                        flags |= SENTENCE_START;
                        sentence_start = false;
                    }
                    let initial = written.as_bytes().first().copied().unwrap_or(0);
                    let capitalised = if initial.is_ascii() {
                        initial.is_ascii_uppercase()
                    } else {
                        written.chars().next().is_some_and(char::is_uppercase)
                    };
                    if capitalised {
                        flags |= CAPITALISED;
                    }
                    comparison_form(written, &mut buf);
                    let mut percent = false;
                    if token.kind == TokenKind::Number {
                        // Thousands separators: `1,200` is `1200`; `3.5%` is
                        // `3.5 percent`.
                        buf.retain(|c| c != ',');
                        if buf.len() > 1 && buf.ends_with('%') {
                            buf.pop();
                            percent = true;
                        }
                    }
                    let span = Span::new(token.span.start + offset, token.span.end + offset);
                    let hash = word_hash(&buf);
                    match equivalents.lookup_hashed(written, &buf, hash) {
                        Some(means) => {
                            for (k, meant) in means.iter().enumerate() {
                                let extra = if k == 0 {
                                    flags
                                } else {
                                    flags & CAPITALISED | EXPANSION
                                };
                                self.push(span, meant, word_hash(meant), extra);
                            }
                        }
                        None => {
                            let form = std::mem::take(&mut buf);
                            self.push(span, &form, hash, flags);
                            buf = form;
                        }
                    }
                    if percent {
                        self.push(span, "percent", word_hash("percent"), EXPANSION);
                    }
                    last_word = written;
                }
                TokenKind::Punct | TokenKind::Dash if self.words.len() > first => {
                    let ends = written.contains(['!', '?'])
                        || (written == "." && !is_abbreviation(last_word));
                    let pause = token.kind == TokenKind::Dash
                        || matches!(written, "," | ";" | ":" | "(" | ")" | "-");
                    if let Some(last) = self.words.last_mut() {
                        if ends {
                            last.flags |= SENTENCE_END;
                        } else if pause {
                            last.flags |= PAUSE;
                        }
                    }
                    sentence_start |= ends;
                }
                _ => {}
            }
        }
        self.buf = buf;
    }

    /// Appends the words of an article's text `range`, from the article's
    /// own tokens.
    pub fn push_article(
        &mut self,
        text: &str,
        article: &crate::parse::Article,
        range: Span,
        equivalents: &Equivalents,
    ) {
        let tokens = article.tokens_in(range);
        let tokens = article
            .tokens
            .get(tokens.start as usize..tokens.end as usize)
            .unwrap_or(&[]);
        self.push_tokens(text, tokens, 0, equivalents);
    }

    /// Appends the words of `text[range]`, tokenised by the article parser;
    /// their spans are offsets in `text`. For texts that are not an
    /// article's (a `--source` document, tests).
    pub fn push_text(&mut self, text: &str, range: Span, equivalents: &Equivalents) {
        let Some(slice) = text.get(range.range()) else {
            return;
        };
        let parsed = crate::parse::parse_article(slice);
        self.push_tokens(slice, &parsed.tokens, range.start, equivalents);
    }

    fn push(&mut self, span: Span, form: &str, hash: u64, mut flags: u8) {
        let norm_start = self.norm.len() as u32;
        self.norm.push_str(form);
        if form.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            flags |= NUMBER;
        }
        flags |= word_class(form, hash);
        self.words.push(Word {
            span,
            hash,
            flags,
            norm_start,
            norm_end: self.norm.len() as u32,
        });
    }

    /// Room for about `bytes` more bytes of text.
    pub fn reserve(&mut self, bytes: usize) {
        self.words.reserve(bytes / 6);
        self.norm.reserve(bytes);
    }
}

/// [`MINOR`] | [`STOP`], [`STOP`] or nothing, for a comparison form and its
/// hash: a binary search over the hashes of the two lists, then one string
/// comparison.
fn word_class(form: &str, hash: u64) -> u8 {
    static TABLE: std::sync::OnceLock<Vec<(u64, &'static str, u8)>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table: Vec<(u64, &'static str, u8)> = MINOR_WORDS
            .iter()
            .map(|&w| (word_hash(w), w, MINOR | STOP))
            .chain(OTHER_STOP_WORDS.iter().map(|&w| (word_hash(w), w, STOP)))
            .collect();
        table.sort_unstable();
        table
    });
    let i = table.partition_point(|e| e.0 < hash);
    table[i..]
        .iter()
        .take_while(|e| e.0 == hash)
        .find(|e| e.1 == form)
        .map_or(0, |e| e.2)
}

/// Abbreviations that end with a period inside a sentence. Sorted.
const ABBREVIATIONS: &[&str] = &[
    "apr", "aug", "col", "dec", "dr", "feb", "gen", "gov", "jan", "jr", "lt", "mr", "mrs", "ms",
    "nov", "oct", "prof", "rep", "sen", "sept", "sgt", "sr", "st", "vs",
];

/// Whether a word followed by a period is an abbreviation rather than a
/// sentence's last word: a single letter (`J.`), a dotted acronym (`U.S`)
/// or a title or month (`Mr.`, `Dec.`).
fn is_abbreviation(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters == 1
        || (word.contains('.') && letters > 0)
        || (word.len() <= 4
            && ABBREVIATIONS
                .binary_search(&word.to_ascii_lowercase().as_str())
                .is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn words(text: &str) -> (WordStore, Vec<String>) {
        let mut store = WordStore::default();
        store.push_text(
            text,
            Span::from_range(0..text.len()),
            &Lexicon::builtin().equivalents,
        );
        let forms = (0..store.len())
            .map(|i| store.norm(i).to_string())
            .collect();
        (store, forms)
    }

    #[test]
    fn words_are_compared_without_case_punctuation_or_hyphens() {
        let (_, forms) =
            words("“Russia’s Build-up,” she said. U.S. officials: 1,200 troops; 3.5%!");
        assert_eq!(
            forms,
            [
                "russia's",
                "buildup",
                "she",
                "said",
                "united",
                "states",
                "officials",
                "1200",
                "troops",
                "3.5",
                "percent"
            ]
        );
    }

    #[test]
    fn abbreviations_expand_with_the_span_of_the_abbreviation() {
        let text = "WH says Biden will speak w Ukraine’s leader";
        let (store, forms) = words(text);
        assert_eq!(
            forms,
            [
                "white",
                "house",
                "says",
                "biden",
                "will",
                "speak",
                "with",
                "ukraine's",
                "leader"
            ]
        );
        assert_eq!(store.words()[0].span, store.words()[1].span);
        assert_eq!(store.words()[1].span.text(text), "WH");
        assert!(store.words()[1].is(EXPANSION));
        assert_eq!(store.words()[6].span.text(text), "w");
        // `us`, the pronoun, is not `US`.
        assert_eq!(words("tell us").1, ["tell", "us"]);
    }

    #[test]
    fn flags_mark_sentences_numbers_and_function_words() {
        let (store, _) = words("The U.S. plan is set. It may not pass 2 votes!");
        let flag = |i: usize, f: u8| store.words()[i].is(f);
        // the united states plan is set . it may not pass two votes !
        assert!(flag(0, SENTENCE_START) && flag(0, CAPITALISED) && flag(0, MINOR));
        assert!(!flag(2, SENTENCE_END), "`U.S.` does not end the sentence");
        assert!(flag(5, SENTENCE_END));
        assert!(flag(6, SENTENCE_START));
        assert!(flag(7, STOP) && !flag(7, MINOR), "`may` is not minor");
        assert!(flag(8, STOP) && !flag(8, MINOR), "`not` is not minor");
        assert!(!flag(9, STOP));
        assert_eq!(store.norm(10), "two");
        assert!(flag(11, SENTENCE_END));
        let (store, _) = words("Jobs, he said; more");
        assert!(store.words()[0].is(PAUSE) && store.words()[2].is(PAUSE));
        assert!(!store.words()[1].is(PAUSE));
    }

    #[test]
    fn gap_kinds() {
        assert_eq!(GapKind::of("…"), GapKind::Ellipsis);
        assert_eq!(GapKind::of("[...]"), GapKind::Ellipsis);
        assert_eq!(GapKind::of("[…]"), GapKind::Ellipsis);
        assert_eq!(GapKind::of("[the president]"), GapKind::Bracket);
        assert_eq!(GapKind::of("(January 2 – ed.)"), GapKind::Note);
    }

    #[test]
    fn word_lists_are_sorted() {
        assert!(MINOR_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(OTHER_STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        for w in MINOR_WORDS {
            assert_eq!(word_class(w, word_hash(w)), MINOR | STOP, "{w}");
        }
        for w in OTHER_STOP_WORDS {
            assert_eq!(word_class(w, word_hash(w)), STOP, "{w}");
        }
        assert_eq!(word_class("ferry", word_hash("ferry")), 0);
    }
}
