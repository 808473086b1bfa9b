//! Sentences: splitting a block's tokens after terminal punctuation.
//!
//! `sentence := token* terminal closer* &(space next-start | end)`, where
//! `terminal := '.' | '!' | '?' | ellipsis | acronym-ending-in-'.'` and
//! `closer := quote-mark | ')' | ']' | terminal` glued to it, so `… tension.”`
//! ends after the `”`. A terminal followed by a lowercase word, `,`, `;` or
//! `:` never ends a sentence (`“Go!” he said`, `etc., and`).
//!
//! A period after an abbreviation is decided by small, explicit lists:
//!
//! - [`TITLES`] (`Mr.`, `Dr.`, `Gov.`, `Sen.`, `St.`) precede a name: never a
//!   sentence end. A single capital letter is an initial (`Antony J. Blinken`,
//!   `J. R. R. Tolkien`): not an end unless a [`STARTERS`] word follows.
//! - [`NUMBERED`] (`No.`, `Vol.`, `p.`) and the month abbreviations (`Dec.`) are
//!   not an end before a number (`No. 10`, `Dec. 31`).
//! - [`NEVER_FINAL`] (`vs.`, `approx.`, `e.g.`, `i.e.`) never end a sentence.
//! - [`MAY_END`] (`Inc.`, `Jr.`, `Corp.`) and dotted acronyms (`U.S.`, `a.m.`)
//!   end one only before a typical sentence opener from [`STARTERS`]
//!   (`…in the U.S. The…`, but `U.S. President…`, `3 p.m. Tuesday`).
//! - Everything else, `etc.` included, ends a sentence before anything but a
//!   lowercase word.

use crate::parse::date::month_number;
use crate::parse::model::{Sentence, Token, TokenKind};
use crate::source::Span;

/// Titles and name prefixes; a period after them never ends a sentence.
pub const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Messrs", "Dr", "Drs", "Prof", "Gov", "Govs", "Sen", "Sens", "Rep",
    "Reps", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Pvt", "Cmdr", "Adm", "Brig", "Rev",
    "Hon", "Pres", "Supt", "Insp", "Det", "Atty", "Amb", "Fr", "Msgr", "St", "Mt", "Ft",
];

/// Abbreviations that precede a number (`No. 10`, `Vol. 2`, `p. 5`).
pub const NUMBERED: &[&str] = &[
    "No", "no", "Nos", "nos", "Nr", "nr", "Art", "art", "Vol", "vol", "Vols", "p", "pp", "Fig",
    "fig", "Ch", "ch", "Sec", "sec", "Para", "para", "Op", "op", "Ex", "ex",
];

/// Abbreviations and dotted acronyms that never end a sentence.
pub const NEVER_FINAL: &[&str] = &[
    "vs", "v", "approx", "ca", "cf", "viz", "incl", "esp", "dept", "Dept", "Univ", "Assn", "e.g.",
    "i.e.", "cf.", "viz.", "E.g.", "I.e.",
];

/// Abbreviations that may end a sentence, but only before a [`STARTERS`] word.
pub const MAY_END: &[&str] = &[
    "Inc", "Ltd", "Corp", "Co", "Jr", "Sr", "Bros", "Ave", "Blvd", "Rd", "Ct", "Pl", "al", "LLC",
];

/// Words that typically open a sentence; used after ambiguous periods.
pub const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "Or",
    "So",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Your",
    "In",
    "On",
    "At",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "However",
    "Meanwhile",
    "Also",
    "According",
    "Yet",
    "Still",
    "Some",
    "Many",
    "Most",
    "Other",
    "No",
    "Now",
    "Then",
    "Earlier",
    "Later",
    "Last",
    "Since",
    "For",
    "With",
    "What",
    "Why",
    "How",
];

/// A 256-bit summary of a word list (one bit per [`filter_slot`] of each
/// word), so that most words are found absent without comparing strings.
type Filter = [u64; 4];

/// The filter slot of a word: from its length and first and last bytes.
const fn filter_slot(word: &[u8]) -> usize {
    if word.is_empty() {
        return 0;
    }
    (word[0] as usize * 31 + word[word.len() - 1] as usize * 7 + word.len()) & 255
}

/// The [`Filter`] of a list.
const fn filter(list: &[&str]) -> Filter {
    let mut bits = [0u64; 4];
    let mut i = 0;
    while i < list.len() {
        let slot = filter_slot(list[i].as_bytes());
        bits[slot / 64] |= 1 << (slot % 64);
        i += 1;
    }
    bits
}

const TITLES_FILTER: Filter = filter(TITLES);
const NUMBERED_FILTER: Filter = filter(NUMBERED);
const NEVER_FINAL_FILTER: Filter = filter(NEVER_FINAL);
const MAY_END_FILTER: Filter = filter(MAY_END);
const STARTERS_FILTER: Filter = filter(STARTERS);

/// Whether `word` is in `list`, whose filter is `bits`.
#[inline]
fn listed(list: &[&str], bits: &Filter, word: &str) -> bool {
    let slot = filter_slot(word.as_bytes());
    bits[slot / 64] & (1 << (slot % 64)) != 0 && list.contains(&word)
}

/// What kind of terminal a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Terminal {
    /// `.`
    Period,
    /// `!` or `?`
    Mark,
    /// `…` or `...`
    Ellipsis,
    /// A dotted acronym that ends in its own period (`U.S.`, `a.m.`).
    Acronym,
}

/// `terminal := '.' | '!' | '?' | '…' | '.'{3,} | acronym`
#[inline]
fn terminal(text: &str, token: &Token) -> Option<Terminal> {
    let bytes = text.as_bytes();
    let (start, end) = (token.span.start as usize, token.span.end as usize);
    match token.kind {
        TokenKind::Punct => match (bytes.get(start)?, end - start) {
            (b'.', 1) => Some(Terminal::Period),
            (b'!' | b'?', 1) => Some(Terminal::Mark),
            (b'.', _) if end - start >= 3 => Some(Terminal::Ellipsis),
            (0xE2, 3) if &bytes[start..end] == "…".as_bytes() => Some(Terminal::Ellipsis),
            _ => None,
        },
        TokenKind::Word if end - start > 2 && bytes.get(end - 1) == Some(&b'.') => {
            Some(Terminal::Acronym)
        }
        _ => None,
    }
}

/// `closer := quote-mark | ')' | ']' | terminal`, glued to the previous token.
fn is_closer(text: &str, token: &Token) -> bool {
    match token.kind {
        TokenKind::QuoteMark => true,
        TokenKind::Punct => {
            let t = token.span.text(text);
            matches!(t, ")" | "]" | "’" | "'") || terminal(text, token).is_some()
        }
        _ => false,
    }
}

/// Whether a word is in `STARTERS` (and is longer than one letter when
/// `allow_single` is false, so `J. A. Smith` keeps its initials).
fn is_starter(word: &str, allow_single: bool) -> bool {
    (allow_single || word.len() > 1) && listed(STARTERS, &STARTERS_FILTER, word)
}

/// Whether the sentence ends after the terminal at `i`, whose closers end
/// before token `j`, the next token (separated by whitespace).
fn ends_sentence(text: &str, tokens: &[Token], first: usize, i: usize, j: usize) -> bool {
    let next = &tokens[j];
    let next_text = next.span.text(text);
    let Some(c) = next_text.chars().next() else {
        return false;
    };
    if c.is_lowercase() || matches!(c, ',' | ';' | ':' | ')' | ']' | '%') {
        return false;
    }
    let starter = |allow_single| {
        is_starter(next_text, allow_single)
            || matches!(next.kind, TokenKind::QuoteMark | TokenKind::Dash)
    };
    let token = &tokens[i];
    let prev = (i > first
        && tokens[i - 1].span.end == token.span.start
        && tokens[i - 1].kind == TokenKind::Word)
        .then(|| tokens[i - 1].span.text(text));
    match terminal(text, token) {
        Some(Terminal::Mark) => true,
        Some(Terminal::Ellipsis) => !matches!(
            (i > first).then(|| tokens[i - 1].span.text(text)),
            Some("[" | "(")
        ),
        Some(Terminal::Acronym) => {
            let word = token.span.text(text);
            !listed(NEVER_FINAL, &NEVER_FINAL_FILTER, word) && starter(true)
        }
        Some(Terminal::Period) => {
            let Some(p) = prev else { return true };
            if listed(TITLES, &TITLES_FILTER, p) || listed(NEVER_FINAL, &NEVER_FINAL_FILTER, p) {
                return false;
            }
            let number_follows = next.kind == TokenKind::Number;
            if number_follows
                && (listed(NUMBERED, &NUMBERED_FILTER, p)
                    || (p.len() <= 4 && month_number(p).is_some()))
            {
                return false;
            }
            let mut chars = p.chars();
            let initial =
                matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
            if initial {
                return starter(false);
            }
            if listed(MAY_END, &MAY_END_FILTER, p) {
                return starter(true);
            }
            true
        }
        None => false,
    }
}

/// Splits the tokens `first..end` of block `block` into sentences, appending
/// them to `out`. `terminals` are the indices of the block's terminal tokens
/// in order (from the tokenizer), so only those are visited.
pub(crate) fn split(
    text: &str,
    tokens: &[Token],
    (first, end): (u32, u32),
    terminals: &[u32],
    block: u32,
    out: &mut Vec<Sentence>,
) {
    let (first, end) = (first as usize, (end as usize).min(tokens.len()));
    let mut start = first;
    let mut free = first;
    for &i in terminals {
        let i = i as usize;
        if i < free || i >= end {
            continue;
        }
        let mut j = i + 1;
        while j < end
            && tokens[j].span.start == tokens[j - 1].span.end
            && is_closer(text, &tokens[j])
        {
            j += 1;
        }
        free = j;
        if j < end
            && tokens[j].span.start > tokens[j - 1].span.end
            && ends_sentence(text, tokens, first, i, j)
        {
            push(tokens, start, j, block, out);
            start = j;
        }
    }
    if start < end {
        push(tokens, start, end, block, out);
    }
}

fn push(tokens: &[Token], start: usize, end: usize, block: u32, out: &mut Vec<Sentence>) {
    out.push(Sentence {
        span: Span::new(tokens[start].span.start, tokens[end - 1].span.end),
        block,
        tokens: start as u32..end as u32,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::quotes::QuoteTracker;
    use crate::parse::tokens::{tokenize, Hints};

    fn sentences(text: &str) -> Vec<&str> {
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
        let mut out = Vec::new();
        split(
            text,
            &tokens,
            (0, tokens.len() as u32),
            &hints.terminals,
            0,
            &mut out,
        );
        out.iter().map(|s| s.span.text(text)).collect()
    }

    #[test]
    fn filters_keep_every_listed_word() {
        for (list, bits) in [
            (TITLES, &TITLES_FILTER),
            (NUMBERED, &NUMBERED_FILTER),
            (NEVER_FINAL, &NEVER_FINAL_FILTER),
            (MAY_END, &MAY_END_FILTER),
            (STARTERS, &STARTERS_FILTER),
        ] {
            for word in list {
                assert!(listed(list, bits, word), "{word}");
            }
            assert!(!listed(list, bits, "Ukraine") && !listed(list, bits, ""));
        }
    }

    #[test]
    fn abbreviations_do_not_split() {
        for one in [
            "Mr. Smith met Dr. Jones in the U.S. on Dec. 31 at 9 a.m. local time.",
            "Gov. Ron Doe and Sen. Ann Roe visited St. Louis and No. 10 Downing Street.",
            "US Secretary of State Antony J. Blinken spoke.",
            "J. R. R. Tolkien wrote it.",
            "Growth was 3.5 percent, etc. and more.",
            "It was Smith vs. Jones.",
            "“Go,” he said.",
            "“Go!” he said.",
            "The U.S. President spoke at 3 p.m. Tuesday.",
            "Talks (January 2 – ed.) went on.",
            "He paused... and went on.",
            "He said “[...] We will go” and left.",
        ] {
            assert_eq!(sentences(one), [one], "{one}");
        }
    }

    #[test]
    fn terminals_split() {
        assert_eq!(
            sentences("It ended. Then it began! Why? Because."),
            ["It ended.", "Then it began!", "Why?", "Because."]
        );
        assert_eq!(
            sentences("It will ease the tension.” The talks go on."),
            ["It will ease the tension.”", "The talks go on."]
        );
        assert_eq!(
            sentences("They met in the U.S. The talks went well."),
            ["They met in the U.S.", "The talks went well."]
        );
        assert_eq!(
            sentences("It starts at 9 p.m. He will come."),
            ["It starts at 9 p.m.", "He will come."]
        );
        assert_eq!(
            sentences("He waited... Nobody came."),
            ["He waited...", "Nobody came."]
        );
        assert_eq!(
            sentences("They bought Plan B. The plan failed."),
            ["They bought Plan B.", "The plan failed."]
        );
        assert_eq!(
            sentences("Apple Inc. The firm said so. Acme Inc. Chief Ann Roe agreed."),
            [
                "Apple Inc.",
                "The firm said so.",
                "Acme Inc. Chief Ann Roe agreed."
            ]
        );
        assert_eq!(
            sentences("It was 2021. 2022 came."),
            ["It was 2021.", "2022 came."]
        );
        assert_eq!(sentences("See google.com now"), ["See google.com now"]);
    }
}
