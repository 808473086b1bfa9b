//! Quotation marks: deciding whether a mark opens, closes or is an
//! apostrophe, pairing marks into [`Quote`]s, multi-paragraph quotes and
//! editorial insertions.
//!
//! The tokenizer feeds every quote-like mark to a [`QuoteTracker`] in text
//! order, so pairing happens in the same single pass as tokenising. Rules:
//!
//! - Marks pair within one family: double (`"` `“` `”` `„`), single (`'` `‘`
//!   `’` `‚`), guillemets (`«` `»`, either direction), single guillemets, and
//!   TeX backticks (``` ``…'' ```). A closing mark closes the innermost open
//!   quotation of its family; quotations opened inside it and still open are
//!   closed at that point as unclosed.
//! - Straight marks open or close by context: after the start, a space, an
//!   opening bracket or another opening mark and before a non-space they open;
//!   after a non-space and before a space, punctuation or the end they close;
//!   otherwise they toggle.
//! - Single-quote families are *tentative*: a single mark may be an apostrophe
//!   (`leaders’`, `’90s`), so an unpaired one is dropped silently and its token
//!   becomes punctuation. Only double-family and guillemet marks raise
//!   [`ParseIssueKind::UnclosedQuote`] / [`ParseIssueKind::UnopenedQuote`].
//! - A quotation still open at the end of a paragraph whose next block starts
//!   with an opening mark is the news convention for a quote running over
//!   several paragraphs: no issue, and the next paragraph's quotation gets
//!   `continues`.

use crate::parse::model::{ParseIssue, ParseIssueKind, Quote, QuoteStyle, Token, TokenKind};
use crate::source::Span;

/// The deepest nesting of open quotations tracked; marks that would open
/// deeper are punctuation. Bounds every walk over the open quotations.
const MAX_OPEN: usize = 16;

/// The deepest nesting of brackets tracked for editorial insertions.
const MAX_BRACKETS: usize = 32;

/// A quote-like mark, as the tokenizer found it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    /// `"`
    StraightDouble,
    /// `'`
    StraightSingle,
    /// `“`
    LeftDouble,
    /// `”`
    RightDouble,
    /// `„`
    LowDouble,
    /// `‘`
    LeftSingle,
    /// `’`
    RightSingle,
    /// `‚`
    LowSingle,
    /// `«`
    LeftGuillemet,
    /// `»`
    RightGuillemet,
    /// `‹`
    LeftSingleGuillemet,
    /// `›`
    RightSingleGuillemet,
    /// ``` `` ```
    Backticks,
    /// `''` (only while a backtick quotation is open)
    Apostrophes,
}

impl Mark {
    /// The mark a char stands for, if it is quote-like.
    pub(crate) fn from_char(c: char) -> Option<Mark> {
        Some(match c {
            '"' => Mark::StraightDouble,
            '\'' => Mark::StraightSingle,
            '“' | '‟' => Mark::LeftDouble,
            '”' => Mark::RightDouble,
            '„' => Mark::LowDouble,
            '‘' | '‛' => Mark::LeftSingle,
            '’' => Mark::RightSingle,
            '‚' => Mark::LowSingle,
            '«' => Mark::LeftGuillemet,
            '»' => Mark::RightGuillemet,
            '‹' => Mark::LeftSingleGuillemet,
            '›' => Mark::RightSingleGuillemet,
            _ => return None,
        })
    }

    fn family(self) -> Family {
        match self {
            Mark::StraightDouble | Mark::LeftDouble | Mark::RightDouble | Mark::LowDouble => {
                Family::Double
            }
            Mark::StraightSingle | Mark::LeftSingle | Mark::RightSingle | Mark::LowSingle => {
                Family::Single
            }
            Mark::LeftGuillemet | Mark::RightGuillemet => Family::Guillemet,
            Mark::LeftSingleGuillemet | Mark::RightSingleGuillemet => Family::SingleGuillemet,
            Mark::Backticks | Mark::Apostrophes => Family::Backtick,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
    Backtick,
}

impl Family {
    /// Tentative families may turn out to be apostrophes; unpaired marks of
    /// these are dropped without an issue.
    fn tentative(self) -> bool {
        matches!(self, Family::Single | Family::SingleGuillemet)
    }
}

/// What a mark does, decided from its kind, its neighbours and the open quotations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open(QuoteStyle),
    Close,
    /// Not a quotation mark here (an apostrophe, an inch sign).
    Other,
}

/// The context of a mark: the chars right before and after it within the paragraph.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context {
    /// The char before the mark, `None` at the paragraph start.
    pub before: Option<char>,
    /// The char after the mark, `None` at the paragraph end.
    pub after: Option<char>,
}

impl Context {
    /// `open-context := (start | space | open-bracket | dash | opening-mark) !space`
    fn opens(self) -> bool {
        let before_ok = self.before.is_none_or(|c| {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '<'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | '"'
                        | '“'
                        | '‘'
                        | '«'
                        | '„'
                        | '‚'
                        | '‹'
                        | '\''
                )
        });
        before_ok && self.after.is_some_and(|c| !c.is_whitespace())
    }

    /// `close-context := !space (end | space | punctuation | closing-mark)`
    fn closes(self) -> bool {
        let before_ok = self.before.is_some_and(|c| !c.is_whitespace());
        before_ok
            && self.after.is_none_or(|c| {
                c.is_whitespace()
                    || matches!(
                        c,
                        '.' | ','
                            | ';'
                            | ':'
                            | '!'
                            | '?'
                            | ')'
                            | ']'
                            | '}'
                            | '>'
                            | '—'
                            | '–'
                            | '-'
                            | '"'
                            | '”'
                            | '’'
                            | '»'
                            | '›'
                            | '…'
                            | '/'
                            | '\''
                    )
            })
    }
}

/// One quotation of the current paragraph, before it is committed.
#[derive(Debug)]
struct Entry {
    open: Span,
    open_token: u32,
    close: Option<Span>,
    /// For an unclosed quotation: where it stops.
    end: u32,
    style: QuoteStyle,
    family: Family,
    /// `»…«` and `”…”` (Swedish): the quotation opened with the mark that
    /// usually closes.
    reversed: bool,
    parent: Option<u32>,
    alive: bool,
    continues: Option<u32>,
    insertions: Vec<Span>,
}

/// An open bracket inside the paragraph, for editorial insertions.
#[derive(Clone, Copy, Debug)]
struct Bracket {
    start: u32,
    kind: u8,
    /// The innermost open quotation when the bracket opened.
    quote: Option<u32>,
}

/// Pairs quotation marks over one paragraph at a time.
#[derive(Debug, Default)]
pub(crate) struct QuoteTracker {
    entries: Vec<Entry>,
    stack: Vec<u32>,
    brackets: Vec<Bracket>,
    issues: Vec<ParseIssue>,
    paragraph_start: u32,
    /// The quotation left open by the previous paragraph, to be continued by
    /// an opening mark at this paragraph's start.
    pending: Option<u32>,
    /// The offsets of the paragraph's last `'` and `’`, found on first use.
    last_marks: [Option<Option<u32>>; 2],
}

impl QuoteTracker {
    /// Starts a paragraph; `pending` is the global index of a quotation the
    /// previous paragraph left open for continuation.
    pub(crate) fn start_paragraph(&mut self, start: u32, pending: Option<u32>) {
        self.entries.clear();
        self.stack.clear();
        self.brackets.clear();
        self.paragraph_start = start;
        self.pending = pending;
        self.last_marks = [None; 2];
    }

    /// The offset of the paragraph's last `mark` (`'` or `’`); `end` is the
    /// paragraph's end. One backward scan per paragraph, then cached.
    pub(crate) fn last_mark(&mut self, text: &str, end: usize, mark: char) -> Option<u32> {
        let slot = usize::from(mark != '\'');
        let start = self.paragraph_start as usize;
        *self.last_marks[slot].get_or_insert_with(|| {
            text.get(start..end)
                .and_then(|p| p.rfind(mark))
                .map(|i| (start + i) as u32)
        })
    }

    /// Whether a single-quote quotation is open (a trailing `’` then closes
    /// it rather than being a possessive apostrophe).
    #[inline]
    pub(crate) fn single_open(&self) -> bool {
        !self.stack.is_empty()
            && self
                .stack
                .iter()
                .any(|&i| self.entries[i as usize].family == Family::Single)
    }

    /// Whether a TeX-style ``` `` ``` quotation is open.
    pub(crate) fn backtick_open(&self) -> bool {
        self.stack
            .iter()
            .any(|&i| self.entries[i as usize].family == Family::Backtick)
    }

    /// The topmost open quotation of a family, and whether only tentative
    /// quotations lie above it.
    fn innermost(&self, family: Family, reversed: Option<bool>) -> Option<(usize, bool)> {
        let mut clear = true;
        for (depth, &i) in self.stack.iter().enumerate().rev() {
            let entry = &self.entries[i as usize];
            if entry.family == family && reversed.is_none_or(|r| r == entry.reversed) {
                return Some((depth, clear));
            }
            if !entry.family.tentative() {
                clear = false;
            }
        }
        None
    }

    /// Decides what a mark does.
    fn role(&self, mark: Mark, cx: Context) -> Role {
        let family = mark.family();
        let open_of = |style| Role::Open(style);
        let family_open = self.innermost(family, None).is_some();
        // A context-decided mark: open, close, or toggle when both or neither.
        let by_context = |style| match (cx.opens(), cx.closes()) {
            (true, false) => Role::Open(style),
            (false, true) => Role::Close,
            _ if family_open => Role::Close,
            _ => Role::Open(style),
        };
        match mark {
            Mark::StraightDouble => {
                if !family_open && cx.before.is_some_and(|c| c.is_ascii_digit()) {
                    // 5'10" — an inch sign.
                    return Role::Other;
                }
                match by_context(QuoteStyle::StraightDouble) {
                    // After the comma or colon that introduces a quotation, a
                    // mark with nothing to close opens, its space misplaced
                    // (`communities," For example …"`).
                    Role::Close
                        if !family_open
                            && !self.backtick_open()
                            && matches!(cx.before, Some(',' | ':'))
                            && cx.after.is_some() =>
                    {
                        Role::Open(QuoteStyle::StraightDouble)
                    }
                    role => role,
                }
            }
            Mark::StraightSingle => match by_context(QuoteStyle::StraightSingle) {
                Role::Close if !family_open => Role::Other,
                role => role,
            },
            Mark::LeftDouble => {
                let top = self.top_of(Family::Double);
                match top {
                    Some(e) if e.style == QuoteStyle::LowDouble => Role::Close,
                    // A misturned closing mark (`… decision.“ However`).
                    Some(_) if cx.closes() && !cx.opens() => Role::Close,
                    _ => open_of(QuoteStyle::CurlyDouble),
                }
            }
            Mark::RightDouble => {
                if family_open {
                    Role::Close
                } else if cx.opens() && !cx.closes() {
                    Role::Open(QuoteStyle::CurlyDouble)
                } else {
                    Role::Close
                }
            }
            Mark::LowDouble => open_of(QuoteStyle::LowDouble),
            Mark::LeftSingle => match self.top_of(Family::Single) {
                Some(e) if e.style == QuoteStyle::LowSingle => Role::Close,
                Some(_) if cx.closes() && !cx.opens() => Role::Close,
                _ if cx.after.is_none_or(char::is_whitespace) => Role::Other,
                _ => open_of(QuoteStyle::CurlySingle),
            },
            Mark::RightSingle => {
                if family_open && (cx.closes() || !cx.opens()) {
                    Role::Close
                } else {
                    Role::Other
                }
            }
            Mark::LowSingle => {
                if cx.opens() {
                    open_of(QuoteStyle::LowSingle)
                } else {
                    Role::Other
                }
            }
            Mark::LeftGuillemet | Mark::LeftSingleGuillemet => {
                let style = if family == Family::Guillemet {
                    QuoteStyle::Guillemet
                } else {
                    QuoteStyle::SingleGuillemet
                };
                if self.innermost(family, Some(true)).is_some() {
                    Role::Close
                } else {
                    open_of(style)
                }
            }
            Mark::RightGuillemet | Mark::RightSingleGuillemet => {
                let style = if family == Family::Guillemet {
                    QuoteStyle::Guillemet
                } else {
                    QuoteStyle::SingleGuillemet
                };
                if self.innermost(family, Some(false)).is_some() {
                    Role::Close
                } else if cx.opens() {
                    Role::Open(style)
                } else {
                    Role::Close
                }
            }
            Mark::Backticks => open_of(QuoteStyle::Backtick),
            Mark::Apostrophes => Role::Close,
        }
    }

    /// Whether the innermost open quotation was opened with a straight
    /// single mark.
    fn straight_single_on_top(&self) -> bool {
        self.stack
            .last()
            .is_some_and(|&i| self.entries[i as usize].style == QuoteStyle::StraightSingle)
    }

    fn top_of(&self, family: Family) -> Option<&Entry> {
        self.innermost(family, None)
            .map(|(depth, _)| &self.entries[self.stack[depth] as usize])
    }

    /// Feeds one quote-like mark; returns the kind its token gets
    /// ([`TokenKind::QuoteMark`] or [`TokenKind::Punct`]). `token` is the index
    /// the mark's token will have; `tokens` are the tokens so far, so that a
    /// tentative mark that turns out unpaired can be demoted.
    pub(crate) fn mark(
        &mut self,
        mark: Mark,
        span: Span,
        cx: Context,
        token: u32,
        tokens: &mut [Token],
    ) -> TokenKind {
        let mut family = mark.family();
        let role = self.role(mark, cx);
        if role == Role::Close
            && mark == Mark::StraightDouble
            && self.innermost(Family::Double, None).is_none()
            && self.backtick_open()
        {
            // ``…" — TeX-style opening closed by a straight mark.
            family = Family::Backtick;
        }
        match role {
            Role::Other => TokenKind::Punct,
            // Nesting deeper than any prose needs: not a quotation (this
            // also keeps every stack walk O(1)).
            Role::Open(_) if self.stack.len() >= MAX_OPEN => TokenKind::Punct,
            Role::Open(style) => {
                let reversed = matches!(mark, Mark::RightGuillemet | Mark::RightSingleGuillemet);
                let continues = if span.start == self.paragraph_start && !family.tentative() {
                    self.pending.take()
                } else {
                    None
                };
                let index = self.entries.len() as u32;
                self.entries.push(Entry {
                    open: span,
                    open_token: token,
                    close: None,
                    end: span.end,
                    style,
                    family,
                    reversed,
                    parent: self.stack.last().copied(),
                    alive: true,
                    continues,
                    insertions: Vec::new(),
                });
                self.stack.push(index);
                TokenKind::QuoteMark
            }
            Role::Close => {
                let reversed = match mark {
                    Mark::LeftGuillemet | Mark::LeftSingleGuillemet => Some(true),
                    Mark::RightGuillemet | Mark::RightSingleGuillemet => Some(false),
                    _ => None,
                };
                match self.innermost(family, reversed) {
                    Some((depth, clear)) if clear || !family.tentative() => {
                        self.unwind(depth + 1, span.start, tokens);
                        let index = self.stack.pop().unwrap_or_default();
                        if let Some(entry) = self.entries.get_mut(index as usize) {
                            entry.close = Some(span);
                        }
                        TokenKind::QuoteMark
                    }
                    // A single closer across an open double quotation: an apostrophe.
                    Some(_) => TokenKind::Punct,
                    None if family.tentative() => TokenKind::Punct,
                    // `says, 'Thank you."`: a straight double mark closing a
                    // quotation opened with a straight single one. Pair them
                    // (the words are quoted) and report the mismatch.
                    None if mark == Mark::StraightDouble && self.straight_single_on_top() => {
                        let index = self.stack.pop().unwrap_or_default();
                        if let Some(entry) = self.entries.get_mut(index as usize) {
                            entry.close = Some(span);
                        }
                        self.issues.push(ParseIssue {
                            kind: ParseIssueKind::MismatchedQuote,
                            span,
                        });
                        TokenKind::QuoteMark
                    }
                    None => {
                        self.issues.push(ParseIssue {
                            kind: ParseIssueKind::UnopenedQuote,
                            span,
                        });
                        TokenKind::QuoteMark
                    }
                }
            }
        }
    }

    /// Ends every quotation above stack depth `keep` at byte `end`: tentative
    /// ones are dropped, the others become unclosed quotations with an issue.
    fn unwind(&mut self, keep: usize, end: u32, tokens: &mut [Token]) {
        while self.stack.len() > keep {
            let Some(index) = self.stack.pop() else { break };
            let entry = &mut self.entries[index as usize];
            if entry.family.tentative() {
                entry.alive = false;
                if let Some(token) = tokens.get_mut(entry.open_token as usize) {
                    token.kind = TokenKind::Punct;
                }
            } else {
                entry.end = end.max(entry.open.end);
                self.issues.push(ParseIssue {
                    kind: ParseIssueKind::UnclosedQuote,
                    span: entry.open,
                });
            }
        }
    }

    /// An opening bracket at byte `start` (`kind` is `(`, `[` or `{`).
    pub(crate) fn open_bracket(&mut self, start: u32, kind: u8) {
        if self.brackets.len() >= MAX_BRACKETS {
            return;
        }
        self.brackets.push(Bracket {
            start,
            kind,
            quote: self.stack.last().copied(),
        });
    }

    /// A closing bracket ending at byte `end`; records an editorial insertion
    /// when it closes `[…]`, `(… – ed.)`, `(sic)` or `(…)` inside a quotation.
    pub(crate) fn close_bracket(&mut self, text: &str, end: u32, kind: u8) {
        let open = match kind {
            b')' => b'(',
            b']' => b'[',
            _ => b'{',
        };
        let Some(at) = self.brackets.iter().rposition(|b| b.kind == open) else {
            return;
        };
        let bracket = self.brackets[at];
        self.brackets.truncate(at);
        let Some(quote) = bracket.quote else { return };
        if self.stack.last() != Some(&quote) {
            return;
        }
        let inner = Span::new(bracket.start + 1, end.saturating_sub(1)).text(text);
        if open == b'[' || (open == b'(' && is_editorial(inner)) {
            self.entries[quote as usize]
                .insertions
                .push(Span::new(bracket.start, end));
        }
    }

    /// An ellipsis (`…`, `...`): an insertion of the innermost quotation,
    /// unless it sits inside brackets opened in that quotation (`[...]`).
    pub(crate) fn ellipsis(&mut self, span: Span) {
        let Some(&quote) = self.stack.last() else {
            return;
        };
        if self.brackets.last().is_some_and(|b| b.quote == Some(quote)) {
            return;
        }
        self.entries[quote as usize].insertions.push(span);
    }

    /// Ends the paragraph at byte `end` (its trimmed end) and moves its
    /// quotations and issues into the article. `next_opens` tells whether the
    /// next block starts with an opening mark (a multi-paragraph quote).
    /// Returns the global index of the quotation left open for continuation.
    pub(crate) fn finish(
        &mut self,
        end: u32,
        next_opens: bool,
        tokens: &mut [Token],
        quotes: &mut Vec<Quote>,
        issues: &mut Vec<ParseIssue>,
    ) -> Option<u32> {
        // The bottom-most still-open non-tentative quotation may continue.
        let mut continued = None;
        while let Some(index) = self.stack.pop() {
            let entry = &mut self.entries[index as usize];
            if entry.family.tentative() {
                entry.alive = false;
                if let Some(token) = tokens.get_mut(entry.open_token as usize) {
                    token.kind = TokenKind::Punct;
                }
                continue;
            }
            entry.end = end.max(entry.open.end);
            let outermost = !self.stack.iter().any(|&i| {
                let e = &self.entries[i as usize];
                !e.family.tentative()
            });
            if outermost && next_opens {
                continued = Some(index);
            } else {
                let span = self.entries[index as usize].open;
                self.issues.push(ParseIssue {
                    kind: ParseIssueKind::UnclosedQuote,
                    span,
                });
            }
        }
        // Commit the live entries in opening order, re-linking parents past
        // dropped ones.
        let mut global = vec![u32::MAX; self.entries.len()];
        let mut continued_global = None;
        for i in 0..self.entries.len() {
            if !self.entries[i].alive {
                continue;
            }
            let mut parent = self.entries[i].parent;
            while let Some(p) = parent {
                if global[p as usize] != u32::MAX {
                    break;
                }
                parent = self.entries[p as usize].parent;
            }
            let parent = parent.map(|p| global[p as usize]);
            let depth = parent
                .and_then(|p| quotes.get(p as usize))
                .map_or(0, |q| q.depth.saturating_add(1));
            let entry = &mut self.entries[i];
            let (span, inner, closed) = match entry.close {
                Some(close) => (
                    Span::new(entry.open.start, close.end),
                    Span::new(entry.open.end, close.start),
                    true,
                ),
                None => (
                    Span::new(entry.open.start, entry.end),
                    Span::new(entry.open.end, entry.end),
                    false,
                ),
            };
            global[i] = quotes.len() as u32;
            if continued == Some(i as u32) {
                continued_global = Some(global[i]);
            }
            quotes.push(Quote {
                span,
                inner,
                style: entry.style,
                depth,
                parent,
                closed,
                continues: entry.continues,
                insertions: std::mem::take(&mut entry.insertions),
            });
        }
        issues.append(&mut self.issues);
        continued_global
    }
}

/// Whether bracketed text inside a quotation is an editorial insertion:
/// `– ed.`, `Ed.`, `sic`, `editor's note`, or an elision (`...`, `…`).
fn is_editorial(inner: &str) -> bool {
    let inner = inner.trim();
    let lower_ends = |suffix: &str| {
        inner.len() >= suffix.len()
            && inner.is_char_boundary(inner.len() - suffix.len())
            && inner[inner.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
            && inner[..inner.len() - suffix.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    };
    lower_ends("ed.")
        || lower_ends("ed")
        || lower_ends("eds.")
        || inner.eq_ignore_ascii_case("sic")
        || inner.eq_ignore_ascii_case("sic!")
        || inner
            .get(..6)
            .is_some_and(|p| p.eq_ignore_ascii_case("editor"))
        || inner.chars().all(|c| c == '.' || c == '…')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editorial_insertions() {
        for yes in [
            "January 2 – ed.",
            "Ed.",
            "sic",
            "editor's note: x",
            "...",
            "…",
            " – ed ",
        ] {
            assert!(is_editorial(yes), "{yes}");
        }
        for no in ["tired", "he said", "reported", "2021", "Ted"] {
            assert!(!is_editorial(no), "{no}");
        }
    }

    fn cx(before: Option<char>, after: Option<char>) -> Context {
        Context { before, after }
    }

    #[test]
    fn straight_marks_by_context() {
        assert!(cx(None, Some('a')).opens());
        assert!(cx(Some(' '), Some('a')).opens());
        assert!(cx(Some('('), Some('a')).opens());
        assert!(!cx(Some('a'), Some(' ')).opens());
        assert!(cx(Some('a'), Some(' ')).closes());
        assert!(cx(Some('.'), None).closes());
        assert!(cx(Some('a'), Some(',')).closes());
        assert!(!cx(Some(' '), Some('a')).closes());
    }

    /// Pairs the quotation marks of one paragraph: (style, span text, closed,
    /// depth) per quotation, and the issues as (kind, text).
    #[allow(clippy::type_complexity)]
    fn pairs(
        text: &str,
    ) -> (
        Vec<(QuoteStyle, &str, bool, u8)>,
        Vec<(ParseIssueKind, &str)>,
    ) {
        let mut tokens = Vec::new();
        let mut tracker = QuoteTracker::default();
        tracker.start_paragraph(0, None);
        let mut hints = crate::parse::tokens::Hints::default();
        let span = Span::from_range(0..text.len());
        crate::parse::tokens::tokenize(text, span, &mut tokens, &mut tracker, &mut hints);
        let (mut quotes, mut issues) = (Vec::new(), Vec::new());
        tracker.finish(span.end, false, &mut tokens, &mut quotes, &mut issues);
        (
            quotes
                .iter()
                .map(|q| (q.style, q.span.text(text), q.closed, q.depth))
                .collect(),
            issues.iter().map(|i| (i.kind, i.span.text(text))).collect(),
        )
    }

    #[test]
    fn pairing_pass() {
        use QuoteStyle::*;
        for (text, expected) in [
            (
                "“He said ‘no’ twice”",
                vec![
                    (CurlyDouble, "“He said ‘no’ twice”", true, 0),
                    (CurlySingle, "‘no’", true, 1),
                ],
            ),
            (
                "\"Go,\" he said.",
                vec![(StraightDouble, "\"Go,\"", true, 0)],
            ),
            (
                "a \"b 'c' d\" e",
                vec![
                    (StraightDouble, "\"b 'c' d\"", true, 0),
                    (StraightSingle, "'c'", true, 1),
                ],
            ),
            (
                "« a » and »b«",
                vec![(Guillemet, "« a »", true, 0), (Guillemet, "»b«", true, 0)],
            ),
            (
                "„a“ and „b”",
                vec![(LowDouble, "„a“", true, 0), (LowDouble, "„b”", true, 0)],
            ),
            (
                "``a'' and ``b\"",
                vec![(Backtick, "``a''", true, 0), (Backtick, "``b\"", true, 0)],
            ),
            (
                "“a “b” c”",
                vec![
                    (CurlyDouble, "“a “b” c”", true, 0),
                    (CurlyDouble, "“b”", true, 1),
                ],
            ),
            (
                "“misturned.“ Next",
                vec![(CurlyDouble, "“misturned.“", true, 0)],
            ),
            (
                "said,\" For example\".",
                vec![(StraightDouble, "\" For example\"", true, 0)],
            ),
        ] {
            let (quotes, issues) = pairs(text);
            assert_eq!(quotes, expected, "{text}");
            assert!(issues.is_empty(), "{text}: {issues:?}");
        }
    }

    #[test]
    fn pairing_fail() {
        use ParseIssueKind::*;
        for (text, expected) in [
            ("He said “we go", vec![(UnclosedQuote, "“")]),
            ("It ended” there", vec![(UnopenedQuote, "”")]),
            (
                "it was disappointed\" and left",
                vec![(UnopenedQuote, "\"")],
            ),
            ("“a «b” c", vec![(UnclosedQuote, "«")]),
            ("5'10\" tall, the 'odd one, leaders’ view", vec![]),
        ] {
            let (_, issues) = pairs(text);
            assert_eq!(issues, expected, "{text}");
        }
        // An unclosed nested quotation ends where its parent closes.
        let (quotes, _) = pairs("“a «b” c");
        assert_eq!(quotes[1].1, "«b");
        // A single closer across an open double quotation is an apostrophe.
        let (quotes, _) = pairs("‘a “b’ c”");
        assert_eq!(quotes.iter().map(|q| q.1).collect::<Vec<_>>(), ["“b’ c”"]);
    }

    #[test]
    fn roles() {
        let mut t = QuoteTracker::default();
        t.start_paragraph(0, None);
        let mut tokens = Vec::new();
        let both = cx(Some('a'), Some('b'));
        assert_eq!(
            t.role(Mark::StraightDouble, both),
            Role::Open(QuoteStyle::StraightDouble)
        );
        assert_eq!(
            t.role(Mark::StraightDouble, cx(Some('5'), None)),
            Role::Other
        );
        assert_eq!(
            t.role(Mark::RightSingle, cx(Some('s'), Some(' '))),
            Role::Other
        );
        assert_eq!(
            t.role(Mark::LeftSingle, cx(Some(' '), Some(' '))),
            Role::Other
        );
        assert_eq!(
            t.role(Mark::RightDouble, cx(Some('a'), Some(' '))),
            Role::Close
        );
        assert_eq!(
            t.role(Mark::RightGuillemet, cx(None, Some('a'))),
            Role::Open(QuoteStyle::Guillemet)
        );
        let kind = t.mark(
            Mark::LowDouble,
            Span::new(0, 3),
            cx(None, Some('a')),
            0,
            &mut tokens,
        );
        assert_eq!(kind, TokenKind::QuoteMark);
        assert_eq!(
            t.role(Mark::LeftDouble, cx(Some('a'), Some(' '))),
            Role::Close
        );
        assert_eq!(
            t.role(Mark::StraightDouble, cx(Some('a'), Some('b'))),
            Role::Close
        );
    }
}
