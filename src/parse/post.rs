//! Embedded social posts: the signature line that closes a post embed
//! (`— darlene superville (@dsupervilleap) December 31, 2021`).
//!
//! By the embed convention, the post's text is the block right before the
//! signature; `mod.rs` links the two. A signature glued to the end of the post
//! text (`… tension. pic.twitter.com/x — Name (@handle) Date`) is found by
//! [`inline_signature`] and split off.

use super::date::date_mention;
use super::dateline::dash;
use super::{span_of, trimmed, PResult};
use crate::parse::model::DateMention;
use crate::source::Span;
use nom::branch::alt;
use nom::bytes::complete::take_while1;
use nom::character::complete::char;
use nom::Parser;

/// A recognised signature line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Signature {
    pub span: Span,
    pub author: Option<Span>,
    pub handle: Option<Span>,
    pub date: Option<DateMention>,
}

/// `lead := dash whitespace+`
fn lead(input: &str) -> PResult<'_, &str> {
    let (rest, dash) = dash(input)?;
    let (rest, _) = take_while1(char::is_whitespace).parse(rest)?;
    Ok((rest, dash))
}

/// `handle-part := '(' handle ')' | handle`, `handle := '@' [A-Za-z0-9_]+`;
/// returns the handle with its `@`
fn handle_part(input: &str) -> PResult<'_, &str> {
    let bare = |i| {
        nom::combinator::recognize((
            char('@'),
            take_while1(|c: char| c.is_ascii_alphanumeric() || c == '_'),
        ))
        .parse(i)
    };
    alt(((char('('), bare, char(')')).map(|(_, h, _)| h), bare)).parse(input)
}

/// Whether the author part reads as a display name: short, no dash, no
/// sentence punctuation.
fn plausible_author(author: &str) -> bool {
    author.len() <= 80
        && author.split_whitespace().count() <= 8
        && !author.contains(['—', '–', '“', '”', '"', '!', '?'])
        && !author.contains(" - ")
        && !author.ends_with(['.', ',', ':', ';'])
}

/// `signature := lead author? handle-part? gap? date? space* end`, with at
/// least a handle or a dated author. `line` is one trimmed line, a subslice
/// of `full`; `need_handle` asks for a handle (inline signatures).
pub(crate) fn signature<'a>(full: &'a str, line: &'a str, need_handle: bool) -> Option<Signature> {
    if line.len() > 240 {
        return None;
    }
    let (body, _) = lead(line).ok()?;
    // Try the handle or date at each word start of the body.
    let mut at = 0;
    loop {
        let rest = &body[at..];
        let (author, after) = (body[..at].trim_end(), rest);
        if let Ok((after_handle, handle)) = handle_part(after) {
            let tail = after_handle.trim_start();
            let (tail, date) = match date_mention(full, tail) {
                Ok((t, d)) => (t, Some(d)),
                Err(_) => (tail, None),
            };
            if !tail.trim().is_empty() || !plausible_author(author) {
                return None;
            }
            let end = line.len() - tail.len();
            return Some(Signature {
                span: trimmed(full, span_of(full, &line[..end])),
                author: (!author.is_empty()).then(|| span_of(full, author)),
                handle: Some(span_of(full, handle)),
                date,
            });
        }
        if !need_handle && !author.is_empty() {
            if let Ok((tail, date)) = date_mention(full, after) {
                if date.year.is_some() && tail.trim().is_empty() && plausible_author(author) {
                    let end = line.len() - tail.len();
                    return Some(Signature {
                        span: trimmed(full, span_of(full, &line[..end])),
                        author: Some(span_of(full, author)),
                        handle: None,
                        date: Some(date),
                    });
                }
            }
        }
        // Next word start.
        let skip = rest.find(char::is_whitespace)?;
        let next = rest[skip..].find(|c: char| !c.is_whitespace())?;
        at += skip + next;
    }
}

/// A signature with a handle at the end of the last line of `paragraph`
/// (a subslice of `full`), after a space: returns the byte offset in
/// `paragraph` where the lead dash starts, and the signature.
pub(crate) fn inline_signature<'a>(
    full: &'a str,
    paragraph: &'a str,
) -> Option<(usize, Signature)> {
    let mut window_start = paragraph.len().saturating_sub(200);
    while !paragraph.is_char_boundary(window_start) {
        window_start += 1;
    }
    let tail = &paragraph[window_start..];
    // A memchr for `@` first: `str::contains(&str)` would set up a substring
    // searcher for every paragraph.
    let bytes = tail.as_bytes();
    if !tail
        .match_indices('@')
        .any(|(i, _)| i > 0 && bytes[i - 1] == b'(')
    {
        return None;
    }
    // Only the last line can hold the signature.
    let window_start = window_start + tail.rfind('\n').map_or(0, |i| i + 1);
    let tail = &paragraph[window_start..];
    for (i, c) in tail.char_indices() {
        if !matches!(c, '—' | '–' | '―' | '-' | '&') || i == 0 {
            continue;
        }
        if !tail[..i].ends_with(char::is_whitespace) {
            continue;
        }
        if let Some(found) = signature(full, &tail[i..], true) {
            let at = window_start + i;
            if paragraph[..at].trim().is_empty() {
                return None;
            }
            return Some((at, found));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Author, handle and (month, day, year) of a signature.
    type Parts<'a> = (
        Option<&'a str>,
        Option<&'a str>,
        Option<(u8, u8, Option<i32>)>,
    );

    fn sig(line: &str) -> Option<Parts<'_>> {
        signature(line, line, false).map(|s| {
            assert_eq!(s.span.text(line), line.trim());
            (
                s.author.map(|a| a.text(line)),
                s.handle.map(|h| h.text(line)),
                s.date.map(|d| (d.month, d.day, d.year)),
            )
        })
    }

    #[test]
    fn signature_forms() {
        assert_eq!(
            sig("— darlene superville (@dsupervilleap) December 31, 2021"),
            Some((
                Some("darlene superville"),
                Some("@dsupervilleap"),
                Some((12, 31, Some(2021)))
            ))
        );
        assert_eq!(
            sig("&mdash; Jane Roe (@jroe) Jan 5, 2022"),
            Some((Some("Jane Roe"), Some("@jroe"), Some((1, 5, Some(2022)))))
        );
        assert_eq!(
            sig("- Jane Roe (@jroe)"),
            Some((Some("Jane Roe"), Some("@jroe"), None))
        );
        assert_eq!(
            sig("– (@jroe) March 3, 2020"),
            Some((None, Some("@jroe"), Some((3, 3, Some(2020)))))
        );
        assert_eq!(
            sig("— Jane Roe March 3, 2020"),
            Some((Some("Jane Roe"), None, Some((3, 3, Some(2020)))))
        );
        assert_eq!(
            sig("— Jane Roe @jroe"),
            Some((Some("Jane Roe"), Some("@jroe"), None))
        );
    }

    #[test]
    fn not_signatures() {
        for line in [
            "- think again.",
            "— Jane Roe",
            "— Jane Roe March 3",
            "— he said (@jroe) that it was over",
            "—Jane Roe (@jroe)",
            "Jane Roe (@jroe) March 3, 2020",
            "— Jane Roe — the mayor (@jroe)",
        ] {
            assert_eq!(sig(line), None, "{line}");
        }
    }

    #[test]
    fn inline_signatures() {
        let p = "Happy new year! pic.twitter.com/x1 — Jane Roe (@jroe) January 1, 2022";
        let (at, s) = inline_signature(p, p).unwrap();
        assert_eq!(&p[at..], "— Jane Roe (@jroe) January 1, 2022");
        assert_eq!(s.handle.unwrap().text(p), "@jroe");
        assert!(inline_signature(
            "A — b (@x) and more text here",
            "A — b (@x) and more text here"
        )
        .is_none());
        assert!(inline_signature("— Jane Roe (@jroe)", "— Jane Roe (@jroe)").is_none());
    }
}
