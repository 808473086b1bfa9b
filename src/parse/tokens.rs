//! Tokens: one left-to-right pass over a block's text.
//!
//! `token := url | handle | word | number | quote-mark | dash | punct`;
//! whitespace separates tokens and is not one. The pass dispatches on the
//! first byte, so each production runs only where it can match, and quote
//! marks are paired on the fly by the [`QuoteTracker`] (whether a `’` after a
//! word is a possessive apostrophe or a closing mark depends on the open
//! quotations). Nothing is allocated per token.

use super::date::may_start_date;
use super::quotes::{Context, Mark, QuoteTracker};
use super::PResult;
use crate::parse::model::{Token, TokenKind};
use crate::source::Span;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_till};
use nom::Parser;

/// Whether a char continues a word: letters, digits and combining marks.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_mark(c)
    }
}

/// Combining marks and joiners of the common scripts (an approximation of
/// Unicode category M, which `char` does not expose).
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF..=0x05C7
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963
        | 0x0981..=0x0983 | 0x09BC..=0x09D7 | 0x0A01..=0x0A51 | 0x0E31 | 0x0E34..=0x0E3A
        | 0x0E47..=0x0E4E | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D
        | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

/// The first char of `s`, if any.
#[inline]
fn first_char(s: &str) -> Option<char> {
    let b = s.as_bytes();
    match b.first() {
        None => None,
        Some(&c) if c < 0x80 => Some(c as char),
        Some(_) => s.chars().next(),
    }
}

/// ASCII bytes that continue a word: letters and digits.
static ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut i = 0;
    while i < 128 {
        table[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    table
};

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = ONES * 0x80;

/// For 8 bytes read little-endian, the high bit of every byte that is *not*
/// an ASCII letter or digit (SWAR: no per-byte branches, so the end of a short
/// word costs no mispredicted loop exit). Bytes ≥ 0x80 count as stops.
#[inline]
fn stop_mask(x: u64) -> u64 {
    let ascii = !x & HIGH;
    let x7 = x & (ONES * 0x7F);
    // Per byte, `v + (0x80 - lo)` has its high bit set iff `v >= lo`, and
    // `v + (0x7F - hi)` iff `v > hi`; 7-bit values never carry into the next byte.
    let lower = x7 | (ONES * 0x20);
    let letter = (lower + ONES * u64::from(0x80 - b'a')) & !(lower + ONES * u64::from(0x7F - b'z'));
    let digit = (x7 + ONES * u64::from(0x80 - b'0')) & !(x7 + ONES * u64::from(0x7F - b'9'));
    !((letter | digit) & ascii) & HIGH
}

/// Length of the run of ASCII letters and digits at `b[i..]`, plus `i`.
#[inline(always)]
fn ascii_run(b: &[u8], mut i: usize) -> usize {
    loop {
        if let Some(chunk) = b.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let stop = stop_mask(u64::from_le_bytes(word));
            if stop == 0 {
                i += 8;
                continue;
            }
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        while let Some(&c) = b.get(i) {
            if c >= 0x80 || !ASCII_WORD[usize::from(c)] {
                break;
            }
            i += 1;
        }
        return i;
    }
}

/// Length of the run of word chars at the start of `s`.
#[inline(always)]
fn word_run(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    loop {
        i = ascii_run(b, i);
        // At the end, an ASCII stop, or a non-ASCII char to decode.
        match b.get(i) {
            Some(&c) if c >= 0x80 => match s[i..].chars().next() {
                Some(ch) if is_word_char(ch) => i += ch.len_utf8(),
                _ => return i,
            },
            _ => return i,
        }
    }
}

/// If `s` starts with an apostrophe (`'`, `’`), its length.
#[inline]
fn apostrophe(s: &str) -> usize {
    if s.starts_with('\'') {
        1
    } else if s.starts_with('’') {
        3
    } else {
        0
    }
}

/// If `s` starts with an in-word hyphen (`-`, `‐`, `‑`), its length.
#[inline]
fn hyphen(s: &str) -> usize {
    if s.starts_with('-') {
        1
    } else if s.starts_with('‐') || s.starts_with('‑') {
        3
    } else {
        0
    }
}

/// `acronym := (letter{1,3} '.'){2,}` not followed by a word char
/// (`U.S.`, `a.m.`, `Ph.D.`, `e.g.`). Returns its length.
fn acronym(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut segments = 0;
    loop {
        let start = i;
        while i < b.len() && b[i].is_ascii_alphabetic() && i - start < 4 {
            i += 1;
        }
        let len = i - start;
        if len == 0 || len > 3 || b.get(i) != Some(&b'.') {
            i = start;
            break;
        }
        i += 1;
        segments += 1;
    }
    let after = first_char(&s[i..]);
    (segments >= 2 && !after.is_some_and(is_word_char)).then_some(i)
}

/// `word := (acronym | word-char+) (joiner word-char+)* trailing-apostrophe?`,
/// `joiner := apostrophe | hyphen`.
///
/// A trailing apostrophe (`leaders’`, `runnin'`) is kept when
/// `trailing_apostrophe` is set, that is when no single quotation is open
/// that it could close. Returns the word's length.
#[inline(always)]
pub(crate) fn word(s: &str, trailing_apostrophe: bool) -> usize {
    let i = word_run(s);
    // Fast exit: most words end at a space or plain punctuation.
    match s.as_bytes().get(i) {
        Some(b'\'' | b'-' | b'.' | 0x80..=0xFF) => word_joined(s, i, trailing_apostrophe),
        _ => i,
    }
}

/// [`word`] at `text[pos..end]`, for a word that starts with an ASCII
/// letter: the common case (a run of ASCII letters and digits followed by a
/// space or plain punctuation) reads only bytes, without slicing the text.
#[inline(always)]
fn ascii_word(text: &str, pos: usize, end: usize, trailing_apostrophe: bool) -> usize {
    let b = &text.as_bytes()[..end];
    let i = ascii_run(b, pos) - pos;
    match b.get(pos + i) {
        Some(b'\'' | b'-' | b'.' | 0x80..=0xFF) => word(&text[pos..end], trailing_apostrophe),
        _ => i,
    }
}

/// The rest of [`word`] after its first run of `i` bytes: acronyms and joiners.
fn word_joined(s: &str, mut i: usize, trailing_apostrophe: bool) -> usize {
    if i <= 3 && s.as_bytes().get(i) == Some(&b'.') {
        if let Some(n) = acronym(s) {
            i = n;
        }
    }
    loop {
        let rest = &s[i..];
        let quote = apostrophe(rest);
        let joiner = if quote > 0 { quote } else { hyphen(rest) };
        if joiner == 0 {
            break;
        }
        let next = word_run(&rest[joiner..]);
        if next > 0 {
            i += joiner + next;
            continue;
        }
        let after_letter = s[..i].chars().next_back().is_some_and(char::is_alphabetic);
        // `''` closes a TeX-style quotation, it is not an apostrophe.
        let doubled = rest[joiner..].starts_with('\'');
        if quote > 0 && trailing_apostrophe && after_letter && !doubled {
            i += joiner;
        }
        break;
    }
    i
}

/// `number := digit+ ((',' | '.' | ':') digit+)* word-char* '%'? (hyphen word)*`
/// (`1,200`, `3.5`, `31st`, `1990s`, `10:30`, `8%`, `2021-22`).
/// Returns the length and whether letters follow a hyphen (`19-year-old` is a word).
pub(crate) fn number(s: &str) -> (usize, bool) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    while i + 1 < b.len() && matches!(b[i], b',' | b'.' | b':') && b[i + 1].is_ascii_digit() {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    i += word_run(&s[i..]);
    if b.get(i) == Some(&b'%') {
        i += 1;
    }
    let mut wordy = false;
    loop {
        let h = hyphen(&s[i..]);
        if h == 0 {
            break;
        }
        let next = word_run(&s[i + h..]);
        if next == 0 {
            break;
        }
        wordy |= !s.as_bytes()[i + h].is_ascii_digit();
        i += h + next;
    }
    (i, wordy)
}

/// `url := ("https://" | "http://" | "www." | "pic.twitter.com/") (!space any)+`,
/// without trailing punctuation. Returns its length.
pub(crate) fn url(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !(b.starts_with(b"http") || b.starts_with(b"www.") || b.starts_with(b"pic.")) {
        return None;
    }
    let scheme: PResult<'_, &str> = alt((
        tag("https://"),
        tag("http://"),
        tag("www."),
        tag("pic.twitter.com/"),
    ))
    .parse(s);
    let (rest, prefix) = scheme.ok()?;
    let (_, body) = take_till::<_, _, ()>(char::is_whitespace)
        .parse(rest)
        .ok()?;
    let mut body = body;
    let opens = body.bytes().filter(|&b| b == b'(').count();
    let mut closes = body.bytes().filter(|&b| b == b')').count();
    while let Some(c) = body.chars().next_back() {
        let unbalanced_paren = c == ')' && opens < closes;
        closes -= usize::from(c == ')');
        let trailing = matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ']' | '}' | '"' | '\'' | '”' | '’' | '»' | '…'
        );
        if !(trailing || unbalanced_paren) {
            break;
        }
        body = &body[..body.len() - c.len_utf8()];
    }
    (!body.is_empty()).then_some(prefix.len() + body.len())
}

/// `handle := '@' [A-Za-z0-9_]+`. Returns its length.
pub(crate) fn handle(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let n = b[1..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
        .count();
    (b.first() == Some(&b'@') && n > 0).then_some(1 + n)
}

/// `elided := apostrophe (digit{2} 's'? | 'n' apostrophe | "em" | "til" | "tis" | "twas" | "cause" | "bout" | "round")`
/// — words that start with an apostrophe (`’90s`, `rock ’n’ roll`, `’em`).
/// Returns the length of the whole word.
pub(crate) fn elided_word(s: &str) -> Option<usize> {
    let a = apostrophe(s).max(if s.starts_with('‘') { 3 } else { 0 });
    if a == 0 {
        return None;
    }
    let rest = &s[a..];
    let b = rest.as_bytes();
    let end_ok = |n: usize| !first_char(&rest[n..]).is_some_and(is_word_char);
    if b.len() >= 2 && b[0].is_ascii_digit() && b[1].is_ascii_digit() {
        let n = if b.get(2) == Some(&b's') { 3 } else { 2 };
        return end_ok(n).then_some(a + n);
    }
    if b.first().is_some_and(|c| *c == b'n' || *c == b'N') {
        let closing = apostrophe(&rest[1..]);
        if closing > 0 && end_ok(1 + closing) {
            return Some(a + 1 + closing);
        }
    }
    let run = word_run(rest);
    let elision = &rest[..run];
    const ELISIONS: [&str; 7] = ["em", "til", "tis", "twas", "cause", "bout", "round"];
    ELISIONS
        .iter()
        .any(|e| elision.eq_ignore_ascii_case(e))
        .then(|| a + word(rest, false))
}

/// Tokenises the block `span` of `text`, appending to `tokens`, feeding quote
/// marks and brackets to `quotes` and noting [`Hints`] for the later passes.
pub(crate) fn tokenize(
    text: &str,
    span: Span,
    tokens: &mut Vec<Token>,
    quotes: &mut QuoteTracker,
    hints: &mut Hints,
) {
    let bytes = text.as_bytes();
    let start = span.start as usize;
    let end = (span.end as usize).min(text.len());
    let mut pos = start;
    while pos < end {
        let b = bytes[pos];
        if b <= b' ' {
            pos += 1;
            continue;
        }
        let index = tokens.len() as u32;
        if b.is_ascii_alphabetic() {
            // The hottest path: a word starting with an ASCII letter.
            let n = ascii_word(text, pos, end, !quotes.single_open());
            // A URL starts with a short word and `:` or `.` (`https:`,
            // `www.`, `pic.`); testing after the word keeps the common
            // path free of an unpredictable branch.
            let (len, kind) = match bytes[..end].get(pos + n) {
                Some(b':' | b'.') if n <= 5 => match url(&text[pos..end]) {
                    Some(link) => (link, TokenKind::Url),
                    None => (n, TokenKind::Word),
                },
                _ => (n, TokenKind::Word),
            };
            let len = len.max(1);
            if kind == TokenKind::Word && len > 2 && bytes[pos + len - 1] == b'.' {
                hints.terminals.push(index);
            }
            if matches!(
                b,
                b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D' | b'T' | b'W'
            ) && may_start_date(&text[pos..pos + len])
            {
                hints.dates.push(index);
            }
            tokens.push(Token {
                kind,
                span: Span::from_range(pos..pos + len),
            });
            pos += len;
            if bytes.get(pos) == Some(&b' ') {
                pos += 1;
            }
            continue;
        }
        let input = &text[pos..end];
        let (len, kind) = match b {
            b'0'..=b'9' => match number(input) {
                (n, true) => (n, TokenKind::Word),
                (n, false) => (n, TokenKind::Number),
            },
            b'@' => match handle(input) {
                Some(n) if !before(text, start, pos).is_some_and(is_word_char) => {
                    (n, TokenKind::Handle)
                }
                _ => (1, TokenKind::Punct),
            },
            b'-' => {
                let run = input.bytes().take_while(|&c| c == b'-').count();
                let spaced = before(text, start, pos).is_none_or(char::is_whitespace)
                    || first_char(&input[run..]).is_none_or(char::is_whitespace);
                if run > 1 || spaced {
                    (run, TokenKind::Dash)
                } else {
                    (1, TokenKind::Punct)
                }
            }
            b'.' => {
                let run = input.bytes().take_while(|&c| c == b'.').count();
                if run >= 3 {
                    quotes.ellipsis(Span::from_range(pos..pos + run));
                }
                (run, TokenKind::Punct)
            }
            b'&' => entity(input),
            b'(' | b'[' | b'{' => {
                quotes.open_bracket(pos as u32, b);
                (1, TokenKind::Punct)
            }
            b')' | b']' | b'}' => {
                quotes.close_bracket(text, pos as u32 + 1, b);
                (1, TokenKind::Punct)
            }
            b'`' if input.starts_with("``") => {
                let span = Span::from_range(pos..pos + 2);
                let cx = context(text, start, end, pos, 2);
                (2, quotes.mark(Mark::Backticks, span, cx, index, tokens))
            }
            b'\'' if input.starts_with("''") && quotes.backtick_open() => {
                let span = Span::from_range(pos..pos + 2);
                let cx = context(text, start, end, pos, 2);
                (2, quotes.mark(Mark::Apostrophes, span, cx, index, tokens))
            }
            b'\'' if plural_possessive(text, end, pos, '\'', quotes) => {
                extend_last(tokens, pos, 1);
                pos += 1;
                continue;
            }
            b'"' | b'\'' => {
                quote_or_apostrophe(text, start, end, pos, b as char, index, tokens, quotes)
            }
            0x80..=0xFF => {
                let c = first_char(input).unwrap_or(' ');
                if c.is_whitespace() {
                    pos += c.len_utf8();
                    continue;
                }
                match c {
                    '—' | '–' | '―' | '‒' | '⸺' | '⸻' => {
                        (c.len_utf8(), TokenKind::Dash)
                    }
                    '…' => {
                        quotes.ellipsis(Span::from_range(pos..pos + 3));
                        (3, TokenKind::Punct)
                    }
                    '’' if plural_possessive(text, end, pos, '’', quotes) => {
                        extend_last(tokens, pos, 3);
                        pos += 3;
                        continue;
                    }
                    c if Mark::from_char(c).is_some() => {
                        quote_or_apostrophe(text, start, end, pos, c, index, tokens, quotes)
                    }
                    c if is_word_char(c) => (word(input, !quotes.single_open()), TokenKind::Word),
                    c => (c.len_utf8(), TokenKind::Punct),
                }
            }
            _ => (1, TokenKind::Punct),
        };
        let len = len.max(1);
        match kind {
            TokenKind::Punct if matches!(b, b'.' | b'!' | b'?') || input.starts_with('…') => {
                hints.terminals.push(index);
            }
            TokenKind::Word if len > 2 && bytes[pos + len - 1] == b'.' => {
                hints.terminals.push(index);
            }
            _ => {}
        }
        if matches!(
            b,
            b'0'..=b'9' | b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D' | b'T' | b'W'
        ) && may_start_date(&input[..len])
        {
            hints.dates.push(index);
        }
        tokens.push(Token {
            kind,
            span: Span::from_range(pos..pos + len),
        });
        pos += len;
        // Most tokens are followed by one space: skip it without a loop turn.
        if bytes.get(pos) == Some(&b' ') {
            pos += 1;
        }
    }
}

/// Tokens the later passes look at, collected during tokenising so that those
/// passes skip the rest: sentence-terminal candidates and date starts.
#[derive(Debug, Default)]
pub(crate) struct Hints {
    /// Indices of `.`, `!`, `?`, ellipsis and acronym-with-period tokens.
    pub terminals: Vec<u32>,
    /// Indices of tokens that may start a date mention.
    pub dates: Vec<u32>,
}

impl Hints {
    /// Forgets the previous paragraph's hints.
    pub(crate) fn clear(&mut self) {
        self.terminals.clear();
        self.dates.clear();
    }
}

/// `leaders’ summit` inside an open single quotation: an apostrophe glued
/// after an `s`, then a space and a lowercase word, with another such mark
/// later in the paragraph to close the quotation. Then it is a plural
/// possessive, not the closing mark.
fn plural_possessive(
    text: &str,
    end: usize,
    pos: usize,
    mark: char,
    quotes: &mut QuoteTracker,
) -> bool {
    if !quotes.single_open() || pos == 0 || !matches!(text.as_bytes()[pos - 1], b's' | b'S') {
        return false;
    }
    let mut after = text[pos + mark.len_utf8()..end].chars();
    after.next() == Some(' ')
        && after.next().is_some_and(char::is_lowercase)
        && quotes
            .last_mark(text, end, mark)
            .is_some_and(|last| last as usize > pos)
}

/// Extends the previous token, a word ending at `pos`, by `len` bytes.
fn extend_last(tokens: &mut [Token], pos: usize, len: usize) {
    if let Some(last) = tokens.last_mut() {
        if last.span.end as usize == pos && last.kind == TokenKind::Word {
            last.span.end += len as u32;
        }
    }
}

/// The char before byte `pos`, or `None` at the block start.
#[inline]
fn before(text: &str, start: usize, pos: usize) -> Option<char> {
    if pos <= start {
        None
    } else {
        text[..pos].chars().next_back()
    }
}

/// The neighbours of a mark of `len` bytes at `pos`, within the block `start..end`.
fn context(text: &str, start: usize, end: usize, pos: usize, len: usize) -> Context {
    Context {
        before: before(text, start, pos),
        after: first_char(&text[(pos + len).min(end)..end]),
    }
}

/// `quote-mark | elided` — a quote-like char at `pos`: an apostrophe that
/// starts a word (`’90s`), or a mark the [`QuoteTracker`] pairs.
#[allow(clippy::too_many_arguments)]
fn quote_or_apostrophe(
    text: &str,
    start: usize,
    end: usize,
    pos: usize,
    c: char,
    index: u32,
    tokens: &mut [Token],
    quotes: &mut QuoteTracker,
) -> (usize, TokenKind) {
    let input = &text[pos..end];
    let len = c.len_utf8();
    if let Some(n) = elided_word(input) {
        return (n, TokenKind::Word);
    }
    let cx = context(text, start, end, pos, len);
    // A right single mark before a letter where a quotation cannot close is an
    // elision we do not list (`’cos`): keep it in the word.
    if c == '’' && cx.after.is_some_and(is_word_char) && !quotes.single_open() {
        return (len + word(&input[len..], true), TokenKind::Word);
    }
    let Some(mark) = Mark::from_char(c) else {
        return (len, TokenKind::Punct);
    };
    let span = Span::from_range(pos..pos + len);
    (len, quotes.mark(mark, span, cx, index, tokens))
}

/// `entity := '&' (letter+ | '#' digit+) ';'` — HTML entities left in plain
/// text; `&mdash;`/`&ndash;` are dashes. A bare `&` is punctuation.
fn entity(s: &str) -> (usize, TokenKind) {
    let b = s.as_bytes();
    let body = b[1..]
        .iter()
        .take(10)
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'#')
        .count();
    if body == 0 || b.get(1 + body) != Some(&b';') {
        return (1, TokenKind::Punct);
    }
    let name = &s[1..1 + body];
    let kind = if matches!(name, "mdash" | "ndash" | "horbar") {
        TokenKind::Dash
    } else {
        TokenKind::Punct
    };
    (body + 2, kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(text: &str) -> Vec<(TokenKind, &str)> {
        let mut tokens = Vec::new();
        let mut quotes = QuoteTracker::default();
        quotes.start_paragraph(0, None);
        let mut hints = Hints::default();
        tokenize(
            text,
            Span::from_range(0..text.len()),
            &mut tokens,
            &mut quotes,
            &mut hints,
        );
        let (mut found, mut issues) = (Vec::new(), Vec::new());
        quotes.finish(
            text.len() as u32,
            false,
            &mut tokens,
            &mut found,
            &mut issues,
        );
        tokens.iter().map(|t| (t.kind, t.span.text(text))).collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        lex(text).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn swar_matches_scalar() {
        for byte in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"abcdefgh";
                chunk[at] = byte;
                let stop = stop_mask(u64::from_le_bytes(chunk));
                let scalar = byte < 0x80 && byte.is_ascii_alphanumeric();
                assert_eq!(
                    stop & (0x80 << (8 * at)) == 0,
                    scalar,
                    "byte {byte:#x} at {at}"
                );
                assert_eq!(stop & !(0x80u64 << (8 * at)), 0, "byte {byte:#x} at {at}");
            }
        }
        assert_eq!(word_run("abcdefghij klm"), 10);
        assert_eq!(word_run("naïveté and"), "naïveté".len());
        assert_eq!(word_run("Київська область"), "Київська".len());
        assert_eq!(word_run("abc"), 3);
        assert_eq!(word_run("abcdefgh"), 8);
        assert_eq!(word_run("abcdefg“"), 7);
    }

    #[test]
    fn words_keep_inner_joiners() {
        assert_eq!(
            texts("Ukraine’s build-up in the U.S. isn't new."),
            [
                "Ukraine’s",
                "build-up",
                "in",
                "the",
                "U.S.",
                "isn't",
                "new",
                "."
            ]
        );
        assert_eq!(
            texts("U.S.-led e.g., Ph.D."),
            ["U.S.-led", "e.g.", ",", "Ph.D."]
        );
        assert_eq!(texts("Mr. Smith"), ["Mr", ".", "Smith"]);
        assert_eq!(
            texts("St.Louis end.A"),
            ["St", ".", "Louis", "end", ".", "A"]
        );
        assert_eq!(texts("café naïve Київ"), ["café", "naïve", "Київ"]);
    }

    #[test]
    fn apostrophes_stay_in_words() {
        assert_eq!(texts("the ’90s and '80s"), ["the", "’90s", "and", "'80s"]);
        assert_eq!(texts("rock ’n’ roll"), ["rock", "’n’", "roll"]);
        assert_eq!(texts("rock 'n' roll"), ["rock", "'n'", "roll"]);
        assert_eq!(texts("the leaders’ talks"), ["the", "leaders’", "talks"]);
        assert_eq!(texts("give ’em hell"), ["give", "’em", "hell"]);
        // Inside a single quotation, a plural possessive before a lowercase
        // word is kept when a later mark can close the quotation.
        let tokens = lex("the ‘leaders’ summit’ ended");
        assert_eq!(tokens[2], (TokenKind::Word, "leaders’"));
        assert_eq!(tokens[4], (TokenKind::QuoteMark, "’"));
        let tokens = lex("the 'leaders' summit' ended");
        assert_eq!(tokens[2], (TokenKind::Word, "leaders'"));
        let tokens = lex("he said ‘yes’ twice");
        assert_eq!(tokens[4], (TokenKind::QuoteMark, "’"));
        for (kind, _) in lex("the leaders’ talks, ’90s, rock ’n’ roll") {
            assert_ne!(kind, TokenKind::QuoteMark);
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(
            lex("1,200 3.5 31st 8% 10:30 2021-22 19-year-old"),
            [
                (TokenKind::Number, "1,200"),
                (TokenKind::Number, "3.5"),
                (TokenKind::Number, "31st"),
                (TokenKind::Number, "8%"),
                (TokenKind::Number, "10:30"),
                (TokenKind::Number, "2021-22"),
                (TokenKind::Word, "19-year-old"),
            ]
        );
        assert_eq!(texts("in 2021."), ["in", "2021", "."]);
        assert_eq!(texts("1,"), ["1", ","]);
    }

    #[test]
    fn handles_urls_dashes() {
        assert_eq!(
            lex("(@dsupervilleap) pic.twitter.com/AbC12. a@b"),
            [
                (TokenKind::Punct, "("),
                (TokenKind::Handle, "@dsupervilleap"),
                (TokenKind::Punct, ")"),
                (TokenKind::Url, "pic.twitter.com/AbC12"),
                (TokenKind::Punct, "."),
                (TokenKind::Word, "a"),
                (TokenKind::Punct, "@"),
                (TokenKind::Word, "b"),
            ]
        );
        assert_eq!(
            lex("a — b – c - d -- e &mdash; f"),
            [
                (TokenKind::Word, "a"),
                (TokenKind::Dash, "—"),
                (TokenKind::Word, "b"),
                (TokenKind::Dash, "–"),
                (TokenKind::Word, "c"),
                (TokenKind::Dash, "-"),
                (TokenKind::Word, "d"),
                (TokenKind::Dash, "--"),
                (TokenKind::Word, "e"),
                (TokenKind::Dash, "&mdash;"),
                (TokenKind::Word, "f"),
            ]
        );
        assert_eq!(url("https://x.org/a(b)."), Some(18));
        assert_eq!(url("http:// "), None);
        assert_eq!(url("http://x.org/a))."), Some(14));
    }

    #[test]
    fn quote_marks_only_where_they_quote() {
        let tokens = lex("He said “no” and 'yes' twice.");
        let marks: Vec<_> = tokens
            .iter()
            .filter(|(k, _)| *k == TokenKind::QuoteMark)
            .map(|(_, t)| *t)
            .collect();
        assert_eq!(marks, ["“", "”", "'", "'"]);
        // An unpaired single mark is punctuation, not a quotation mark.
        let tokens = lex("the 'odd one");
        assert_eq!(tokens[1], (TokenKind::Punct, "'"));
    }

    #[test]
    fn ellipses_and_entities() {
        assert_eq!(texts("wait... no…"), ["wait", "...", "no", "…"]);
        assert_eq!(entity("&amp; x"), (5, TokenKind::Punct));
        assert_eq!(entity("& x"), (1, TokenKind::Punct));
    }
}
