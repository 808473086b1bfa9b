//! Wire datelines at the start of a body paragraph.
//!
//! ```text
//! dateline        := (wire-dateline | dotted-dateline | dash-dateline) &(space | end)
//! wire-dateline   := place (',' gap date)? gap? '(' agency ')' gap? dash
//!                    -- WASHINGTON (AP) —   LONDON, Dec 31 (Reuters) -   Washington (AFP) –
//! dotted-dateline := place ('.' | ',') gap date '.' (gap agency-name '.')?
//!                    -- KIEV. December, 31st. UNN.
//! dash-dateline   := place (',' gap date)? gap dash
//!                    -- KYIV, Ukraine —   Evansville, Indiana, United States -
//! ```
//!
//! Without an agency or a date, a place must be written in capitals
//! (`WASHINGTON —`) or have at least two comma-separated parts, so that a
//! sentence opening with a name and a dash (`Biden — who …`) is not a dateline.

use super::date::{date, date_mention};
use super::{span_of, PResult};
use crate::parse::model::Dateline;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1, take_while_m_n};
use nom::character::complete::{char, satisfy};
use nom::combinator::{not, opt, recognize};
use nom::multi::fold_many_m_n;
use nom::Parser;

/// `gap := whitespace+`
fn gap(input: &str) -> PResult<'_, &str> {
    take_while1(char::is_whitespace).parse(input)
}

/// `dash := "—" | "–" | "―" | "--" | "-" | "&mdash;"`
pub(super) fn dash(input: &str) -> PResult<'_, &str> {
    alt((
        tag("—"),
        tag("–"),
        tag("―"),
        tag("--"),
        tag("-"),
        tag("&mdash;"),
    ))
    .parse(input)
}

/// `place-word := upper (letter | '-' | '\'' | '’')*`
fn place_word(input: &str) -> PResult<'_, &str> {
    recognize((
        satisfy(char::is_uppercase),
        take_while(|c: char| c.is_alphabetic() || matches!(c, '-' | '\'' | '’')),
    ))
    .parse(input)
}

/// `connector := "de" | "da" | "do" | "del" | "of" | "la" | "le" | "el" | "al" | "am" | "upon" | "on" | "sur"`
fn connector(input: &str) -> PResult<'_, &str> {
    let (rest, word) = take_while1(|c: char| c.is_ascii_lowercase()).parse(input)?;
    if matches!(
        word,
        "de" | "da"
            | "do"
            | "del"
            | "of"
            | "la"
            | "le"
            | "el"
            | "al"
            | "am"
            | "upon"
            | "on"
            | "sur"
    ) {
        Ok((rest, word))
    } else {
        Err(nom::Err::Error(()))
    }
}

/// `place-part := place-word (' ' (connector ' ')? place-word){0,3}`
fn place_part(input: &str) -> PResult<'_, &str> {
    recognize((
        place_word,
        fold_many_m_n(
            0,
            3,
            (char(' '), opt((connector, char(' '))), place_word),
            || (),
            |(), _| (),
        ),
    ))
    .parse(input)
}

/// `place := place-part (',' ' ' !date place-part){0,3}`; returns the place
/// and its number of parts
fn place(input: &str) -> PResult<'_, (&str, usize)> {
    let (rest, (first, more)) = (
        place_part,
        fold_many_m_n(
            0,
            3,
            (char(','), char(' '), not(date), place_part),
            || 0usize,
            |n, _| n + 1,
        ),
    )
        .parse(input)?;
    let _ = first;
    let len = input.len() - rest.len();
    Ok((rest, (&input[..len], 1 + more)))
}

/// Whether a place is written in capitals (`WASHINGTON`, `NEW YORK`), at
/// least in its first part.
fn capitals(place: &str) -> bool {
    let first = place.split(',').next().unwrap_or("");
    first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !first.chars().any(char::is_lowercase)
}

/// `agency := (!(')' | newline) any){1,40}` — inside the parentheses, at most five words
fn agency(input: &str) -> PResult<'_, &str> {
    let (rest, name) =
        take_while_m_n(1, 40, |c: char| c != ')' && c != '(' && c != '\n').parse(input)?;
    let name = name.trim();
    if name.is_empty() || name.split_whitespace().count() > 5 {
        return Err(nom::Err::Error(()));
    }
    Ok((rest, name))
}

/// `agency-name := upper (letter | '-')*` with at least two capitals (`UNN`, `TASS`, `RBC-Ukraine`)
fn agency_name(input: &str) -> PResult<'_, &str> {
    let (rest, name) = recognize((
        satisfy(char::is_uppercase),
        take_while(|c: char| c.is_alphabetic() || c == '-'),
    ))
    .parse(input)?;
    if name.chars().filter(|c| c.is_uppercase()).count() >= 2 && name.len() <= 24 {
        Ok((rest, name))
    } else {
        Err(nom::Err::Error(()))
    }
}

/// Succeeds at whitespace or the end of the input.
fn boundary(input: &str) -> PResult<'_, ()> {
    match input.chars().next() {
        None => Ok((input, ())),
        Some(c) if c.is_whitespace() => Ok((input, ())),
        _ => Err(nom::Err::Error(())),
    }
}

/// The parts of a dateline as subslices of the paragraph.
struct Parts<'a> {
    place: &'a str,
    date: Option<&'a str>,
    agency: Option<&'a str>,
}

/// `wire-dateline := place (',' gap date)? gap? '(' agency ')' gap? dash`
fn wire_dateline(input: &str) -> PResult<'_, Parts<'_>> {
    let (rest, (place, _)) = place(input)?;
    let (rest, date) = opt((char(','), gap, recognize(date)).map(|(_, _, d)| d)).parse(rest)?;
    let (rest, (_, _, agency, _, _, _)) =
        (opt(gap), char('('), agency, char(')'), opt(gap), dash).parse(rest)?;
    Ok((
        rest,
        Parts {
            place,
            date,
            agency: Some(agency),
        },
    ))
}

/// `dotted-dateline := place ('.' | ',') gap date '.' (gap agency-name '.')?`
fn dotted_dateline(input: &str) -> PResult<'_, Parts<'_>> {
    let (rest, (place, _)) = place(input)?;
    if !capitals(place) {
        return Err(nom::Err::Error(()));
    }
    let (rest, (_, _, date, _)) =
        (alt((char('.'), char(','))), gap, recognize(date), char('.')).parse(rest)?;
    let (rest, agency) = opt((gap, agency_name, char('.')).map(|(_, a, _)| a)).parse(rest)?;
    Ok((
        rest,
        Parts {
            place,
            date: Some(date),
            agency,
        },
    ))
}

/// `dash-dateline := place (',' gap date)? gap dash`
fn dash_dateline(input: &str) -> PResult<'_, Parts<'_>> {
    let (rest, (place, parts)) = place(input)?;
    let (rest, date) = opt((char(','), gap, recognize(date)).map(|(_, _, d)| d)).parse(rest)?;
    if !(capitals(place) || parts >= 2) {
        return Err(nom::Err::Error(()));
    }
    let (rest, _) = (gap, dash).parse(rest)?;
    Ok((
        rest,
        Parts {
            place,
            date,
            agency: None,
        },
    ))
}

/// `dateline := (wire-dateline | dotted-dateline | dash-dateline) &(space | end)`
///
/// `paragraph` is the paragraph's text, a subslice of `full`.
pub(crate) fn dateline<'a>(full: &'a str, paragraph: &'a str) -> Option<Dateline> {
    let (rest, parts) = alt((wire_dateline, dotted_dateline, dash_dateline))
        .parse(paragraph)
        .ok()?;
    boundary(rest).ok()?;
    let date = parts
        .date
        .and_then(|d| date_mention(full, d).ok().map(|(_, m)| m));
    Some(Dateline {
        span: span_of(full, &paragraph[..paragraph.len() - rest.len()]),
        place: Some(span_of(full, parts.place)),
        date,
        agency: parts.agency.map(|a| span_of(full, a)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<(&str, &str, Option<&str>, Option<&str>)> {
        dateline(text, text).map(|d| {
            (
                d.span.text(text),
                d.place.unwrap().text(text),
                d.date.map(|m| m.span.text(text)),
                d.agency.map(|a| a.text(text)),
            )
        })
    }

    #[test]
    fn wire_forms() {
        assert_eq!(
            parts("KIEV. December, 31st. UNN. American leader Joe Biden"),
            Some((
                "KIEV. December, 31st. UNN.",
                "KIEV",
                Some("December, 31st"),
                Some("UNN")
            ))
        );
        assert_eq!(
            parts("WASHINGTON (AP) — The Senate"),
            Some(("WASHINGTON (AP) —", "WASHINGTON", None, Some("AP")))
        );
        assert_eq!(
            parts("LONDON, Dec 31 (Reuters) - Britain"),
            Some((
                "LONDON, Dec 31 (Reuters) -",
                "LONDON",
                Some("Dec 31"),
                Some("Reuters")
            ))
        );
        assert_eq!(
            parts("Washington (AFP) – US officials"),
            Some(("Washington (AFP) –", "Washington", None, Some("AFP")))
        );
        assert_eq!(
            parts("KYIV, Ukraine — Russian forces"),
            Some(("KYIV, Ukraine —", "KYIV, Ukraine", None, None))
        );
        assert_eq!(
            parts("Evansville, Indiana, United States - This past week"),
            Some((
                "Evansville, Indiana, United States -",
                "Evansville, Indiana, United States",
                None,
                None
            ))
        );
        assert_eq!(
            parts("NEW YORK, Jan. 5 (Reuters) -- Stocks"),
            Some((
                "NEW YORK, Jan. 5 (Reuters) --",
                "NEW YORK",
                Some("Jan. 5"),
                Some("Reuters")
            ))
        );
        assert_eq!(
            parts("RIO DE JANEIRO — x").map(|p| p.1),
            Some("RIO DE JANEIRO")
        );
        assert_eq!(
            parts("Rio de Janeiro, Brazil — x").map(|p| p.1),
            Some("Rio de Janeiro, Brazil")
        );
    }

    #[test]
    fn not_datelines() {
        for text in [
            "Biden — who spoke on Friday — said",
            "Formica fusca, from file. Image: Mathias Krumbholz.",
            "Nick Bos, of the University of Helsinki, studies ants.",
            "Kiev. December 31 was cold.",
            "WASHINGTON—The Senate",
            "The Senate (AP) passed it.",
            "Thomas Sam, 42, and his wife",
        ] {
            assert_eq!(parts(text), None, "{text}");
        }
    }
}
