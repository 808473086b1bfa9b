//! Calendar dates as written in news prose (`January 2`, `Dec. 31, 2021`,
//! `31st of December`, `Sunday (January 2)`) and the year arithmetic around them.
//!
//! The productions only recognise; the year an undated mention belongs to is
//! decided by [`resolve_year`], from the article's own reference date.

use super::{span_of, PResult};
use crate::parse::model::{DateMention, WeekdayMention};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::char;
use nom::combinator::opt;
use nom::Parser;

/// A month or weekday name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Calendar {
    /// 1–12.
    Month(u8),
    /// 0 = Monday … 6 = Sunday.
    Weekday(u8),
}

/// Month names with their accepted abbreviations, and weekday names, keyed by
/// their first three letters (lowercase after the first).
fn calendar_word(word: &str) -> Option<Calendar> {
    let b = word.as_bytes();
    if !(3..=9).contains(&b.len()) || !b[0].is_ascii_uppercase() {
        return None;
    }
    let key = [b[0], b[1].to_ascii_lowercase(), b[2].to_ascii_lowercase()];
    let (full, abbreviations, found): (&str, &[&str], Calendar) = match &key {
        b"Jan" => ("january", &["jan"], Calendar::Month(1)),
        b"Feb" => ("february", &["feb"], Calendar::Month(2)),
        b"Mar" => ("march", &["mar"], Calendar::Month(3)),
        b"Apr" => ("april", &["apr"], Calendar::Month(4)),
        b"May" => ("may", &[], Calendar::Month(5)),
        b"Jun" => ("june", &["jun"], Calendar::Month(6)),
        b"Jul" => ("july", &["jul"], Calendar::Month(7)),
        b"Aug" => ("august", &["aug"], Calendar::Month(8)),
        b"Sep" => ("september", &["sep", "sept"], Calendar::Month(9)),
        b"Oct" => ("october", &["oct"], Calendar::Month(10)),
        b"Nov" => ("november", &["nov"], Calendar::Month(11)),
        b"Dec" => ("december", &["dec"], Calendar::Month(12)),
        b"Mon" => ("monday", &[], Calendar::Weekday(0)),
        b"Tue" => ("tuesday", &[], Calendar::Weekday(1)),
        b"Wed" => ("wednesday", &[], Calendar::Weekday(2)),
        b"Thu" => ("thursday", &[], Calendar::Weekday(3)),
        b"Fri" => ("friday", &[], Calendar::Weekday(4)),
        b"Sat" => ("saturday", &[], Calendar::Weekday(5)),
        b"Sun" => ("sunday", &[], Calendar::Weekday(6)),
        _ => return None,
    };
    let matches = |name: &str| name.len() == b.len() && name.eq_ignore_ascii_case(word);
    ((matches(full) || abbreviations.iter().any(|a| matches(a))) && is_title_or_upper(word))
        .then_some(found)
}

/// Month number (1–12) of a month name or its usual abbreviation, written
/// capitalised (`January`, `Jan`, `Sept`) or in capitals (`JANUARY`, `DEC`).
pub(crate) fn month_number(word: &str) -> Option<u8> {
    match calendar_word(word)? {
        Calendar::Month(m) => Some(m),
        Calendar::Weekday(_) => None,
    }
}

/// Weekday number (0 = Monday … 6 = Sunday) of a weekday name written
/// capitalised or in capitals. Abbreviations (`Sun`, `Wed`) are not taken:
/// they are ordinary words too often.
pub(crate) fn weekday_number(word: &str) -> Option<u8> {
    match calendar_word(word)? {
        Calendar::Weekday(d) => Some(d),
        Calendar::Month(_) => None,
    }
}

/// Whether an ASCII word is `Capitalised` or `UPPER`, the two ways a month or
/// weekday name is written (lowercase `may`, `march` are other words).
fn is_title_or_upper(word: &str) -> bool {
    let b = word.as_bytes();
    match b.first() {
        Some(c) if c.is_ascii_uppercase() => {
            let rest = &b[1..];
            rest.iter().all(u8::is_ascii_lowercase) || rest.iter().all(u8::is_ascii_uppercase)
        }
        _ => false,
    }
}

/// Days in `month` (February counts 29: the year is often unknown).
fn days_in_month(month: u8) -> u8 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date as the productions recognise it, before spans are attached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Date {
    pub month: u8,
    pub day: u8,
    pub year: Option<i32>,
}

/// `gap := whitespace+` (any Unicode whitespace, so `January\u{a0}2` is a date)
fn gap(input: &str) -> PResult<'_, &str> {
    take_while1(char::is_whitespace).parse(input)
}

/// Succeeds when the next char does not continue a word or number.
fn word_end(input: &str) -> PResult<'_, ()> {
    match input.chars().next() {
        Some(c) if c.is_alphanumeric() => Err(nom::Err::Error(())),
        _ => Ok((input, ())),
    }
}

/// `month-name := "January" | "Jan" | … | "December" | "Dec"` (see [`month_number`])
fn month_name(input: &str) -> PResult<'_, u8> {
    let (rest, word) = take_while1(|c: char| c.is_ascii_alphabetic()).parse(input)?;
    match month_number(word) {
        Some(month) => Ok((rest, month)),
        None => Err(nom::Err::Error(())),
    }
}

/// `weekday-name := "Monday" | … | "Sunday"` (see [`weekday_number`])
fn weekday_name(input: &str) -> PResult<'_, (&str, u8)> {
    let (rest, word) = take_while1(|c: char| c.is_ascii_alphabetic()).parse(input)?;
    match weekday_number(word) {
        Some(weekday) => Ok((rest, (word, weekday))),
        None => Err(nom::Err::Error(())),
    }
}

/// `day := digit{1,2} ("st" | "nd" | "rd" | "th")?`, not followed by a letter or digit
fn day(input: &str) -> PResult<'_, u8> {
    let (rest, digits) = take_while_m_n(1, 2, |c: char| c.is_ascii_digit()).parse(input)?;
    let (rest, _) = opt(alt((tag("st"), tag("nd"), tag("rd"), tag("th")))).parse(rest)?;
    let (rest, ()) = word_end(rest)?;
    let value = digits.bytes().fold(0u8, |n, d| n * 10 + (d - b'0'));
    if value == 0 {
        return Err(nom::Err::Error(()));
    }
    Ok((rest, value))
}

/// `year := digit{4}` between 1800 and 2199, not followed by a letter or digit
fn year(input: &str) -> PResult<'_, i32> {
    let (rest, digits) = take_while_m_n(4, 4, |c: char| c.is_ascii_digit()).parse(input)?;
    let (rest, ()) = word_end(rest)?;
    let value = digits
        .bytes()
        .fold(0i32, |n, d| n * 10 + i32::from(d - b'0'));
    if (1800..=2199).contains(&value) {
        Ok((rest, value))
    } else {
        Err(nom::Err::Error(()))
    }
}

/// `year-suffix := ','? gap year`
fn year_suffix(input: &str) -> PResult<'_, i32> {
    let (rest, _) = (opt(char(',')), gap).parse(input)?;
    year(rest)
}

/// `month-day := month-name '.'? ','? gap day` (`December, 31st`, `Dec. 31`, `Jan 2`)
fn month_day(input: &str) -> PResult<'_, (u8, u8)> {
    let (rest, (month, _, _, _, day)) =
        (month_name, opt(char('.')), opt(char(',')), gap, day).parse(input)?;
    Ok((rest, (month, day)))
}

/// `day-month := day gap ("of" gap)? month-name '.'?` (`2 January`, `31st of December`)
fn day_month(input: &str) -> PResult<'_, (u8, u8)> {
    let (rest, (day, _, _, month)) = (day, gap, opt((tag("of"), gap)), month_name).parse(input)?;
    // A trailing period belongs to an abbreviation (`2 Jan.`), not to a sentence
    // end after a full name (`on 2 January.`).
    let rest = match rest.strip_prefix('.') {
        Some(after) if is_abbreviated(input, rest) => after,
        _ => rest,
    };
    Ok((rest, (month, day)))
}

/// Whether the month name just before `rest` is an abbreviation (≤ 4 letters).
fn is_abbreviated(input: &str, rest: &str) -> bool {
    let consumed = &input[..input.len() - rest.len()];
    consumed
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .is_some_and(|w| w.len() <= 4)
}

/// `date := (month-day | day-month) year-suffix?`, the day valid for its month
pub(crate) fn date(input: &str) -> PResult<'_, Date> {
    let (rest, (month, day)) = alt((month_day, day_month)).parse(input)?;
    if day > days_in_month(month) {
        return Err(nom::Err::Error(()));
    }
    let (rest, year) = opt(year_suffix).parse(rest)?;
    Ok((rest, Date { month, day, year }))
}

/// `weekday-date := weekday-name (',' gap | gap '(' | gap) date ')'?`
/// (`Sunday, January 2`, `Sunday (January 2)`, `Monday, May 18, 2015`)
fn weekday_date<'a>(full: &'a str, input: &'a str) -> PResult<'a, DateMention> {
    let (rest, (weekday, number)) = weekday_name(input)?;
    let (rest, open) = alt((
        (char(','), gap).map(|_| false),
        (gap, char('(')).map(|_| true),
        gap.map(|_| false),
    ))
    .parse(rest)?;
    let (rest, date) = date(rest)?;
    let rest = if open {
        rest.strip_prefix(')').unwrap_or(rest)
    } else {
        rest
    };
    let span = span_of(full, &input[..input.len() - rest.len()]);
    Ok((
        rest,
        mention(
            span,
            date,
            Some(WeekdayMention {
                span: span_of(full, weekday),
                weekday: number,
            }),
        ),
    ))
}

/// `weekday-suffix := (',' gap weekday-name | gap? '(' weekday-name ')') word-end`,
/// the weekday after a date (`, Sunday`, ` (Sunday)`)
fn weekday_suffix(input: &str) -> PResult<'_, (&str, u8)> {
    let (rest, weekday) = alt((
        (char(','), gap, weekday_name).map(|(_, _, w)| w),
        (opt(gap), char('('), weekday_name, char(')')).map(|(_, _, w, _)| w),
    ))
    .parse(input)?;
    let (rest, ()) = word_end(rest)?;
    Ok((rest, weekday))
}

/// `date-mention := weekday-date | date weekday-suffix?`
/// (`date weekday-suffix` is the `date-weekday` form: `January 2, Sunday`)
///
/// `input` must be a subslice of `full`; spans are offsets into `full`.
pub(crate) fn date_mention<'a>(full: &'a str, input: &'a str) -> PResult<'a, DateMention> {
    if input.starts_with(|c: char| c.is_ascii_uppercase()) {
        if let Ok(found) = weekday_date(full, input) {
            return Ok(found);
        }
    }
    let (rest, date) = date(input)?;
    let (rest, weekday) = match weekday_suffix(rest) {
        Ok((after, (word, number))) => (
            after,
            Some(WeekdayMention {
                span: span_of(full, word),
                weekday: number,
            }),
        ),
        Err(_) => (rest, None),
    };
    let span = span_of(full, &input[..input.len() - rest.len()]);
    Ok((rest, mention(span, date, weekday)))
}

fn mention(span: crate::source::Span, date: Date, weekday: Option<WeekdayMention>) -> DateMention {
    DateMention {
        span,
        year: date.year,
        month: date.month,
        day: date.day,
        weekday,
    }
}

/// `full-date-line := weekday-name ',' gap month-day year-suffix` — the strict
/// form of a standalone publication date (`Monday, May 18, 2015`).
pub(crate) fn full_date_line<'a>(full: &'a str, input: &'a str) -> PResult<'a, DateMention> {
    let (rest, found) = weekday_date(full, input)?;
    if found.year.is_none() {
        return Err(nom::Err::Error(()));
    }
    Ok((rest, found))
}

/// Recognises a whole trimmed text as one date mention (a standalone date line).
pub(crate) fn whole_date<'a>(full: &'a str, input: &'a str) -> Option<DateMention> {
    if input.len() > 48 {
        return None;
    }
    let (rest, found) = date_mention(full, input).ok()?;
    let rest = rest.trim_end_matches(['.', ' ']);
    rest.is_empty().then_some(found)
}

/// The weekday (0 = Monday … 6 = Sunday) of a proleptic Gregorian date, or
/// `None` when the date does not exist.
pub fn weekday_of(year: i32, month: u8, day: u8) -> Option<u8> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(month) {
        return None;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if month == 2 && day == 29 && !leap {
        return None;
    }
    // Sakamoto's method: 0 = Sunday.
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    let sunday_based = (y + y.div_euclid(4) - y.div_euclid(100)
        + y.div_euclid(400)
        + T[usize::from(month - 1)]
        + i32::from(day))
    .rem_euclid(7);
    Some(((sunday_based + 6) % 7) as u8)
}

/// The year a date mention refers to.
///
/// A written year wins. Otherwise the mention belongs to the year, among the
/// article's year and its two neighbours, that puts its month closest to the
/// article's month: in a December 2021 article `January 2` is January 2022,
/// and in a January 2022 article `December 17` is December 2021. Without an
/// article month the article's year is used as is. Ties go to the article's
/// year (a June article mentioning December).
pub fn resolve_year(mention: &DateMention, article_year: i32, article_month: Option<u8>) -> i32 {
    if let Some(year) = mention.year {
        return year;
    }
    let Some(article_month) = article_month else {
        return article_year;
    };
    let at = |year: i32| year * 12 + i32::from(mention.month);
    let reference = article_year * 12 + i32::from(article_month);
    let mut best = article_year;
    for candidate in [article_year - 1, article_year + 1] {
        if (at(candidate) - reference).abs() < (at(best) - reference).abs() {
            best = candidate;
        }
    }
    best
}

/// Whether a token's text could start a [`date_mention`]: a month or weekday
/// name, or a one- or two-digit day. A cheap filter for the date scan.
pub(crate) fn may_start_date(token: &str) -> bool {
    let b = token.as_bytes();
    match b.first() {
        Some(c) if c.is_ascii_digit() => b.len() <= 4 && !(b.len() >= 3 && b[2].is_ascii_digit()),
        Some(b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D' | b'T' | b'W') => {
            calendar_word(token).is_some()
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Option<(DateMention, &str)> {
        date_mention(text, text).ok().map(|(rest, m)| (m, rest))
    }

    #[test]
    fn month_names_need_capitals() {
        assert_eq!(month_number("January"), Some(1));
        assert_eq!(month_number("DEC"), Some(12));
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("may"), None);
        assert_eq!(month_number("MaY"), None);
        assert_eq!(month_number("Mayor"), None);
        assert_eq!(weekday_number("Sunday"), Some(6));
        assert_eq!(weekday_number("Sun"), None);
    }

    #[test]
    fn day_production() {
        assert_eq!(day("31st,"), Ok((",", 31)));
        assert_eq!(day("2 "), Ok((" ", 2)));
        assert!(day("0").is_err());
        assert!(day("123").is_err());
        assert!(day("5G").is_err());
        assert!(day("2nds").is_err());
    }

    #[test]
    fn year_production() {
        assert_eq!(year("2021."), Ok((".", 2021)));
        assert!(year("20210").is_err());
        assert!(year("3000").is_err());
        assert!(year("1200").is_err());
    }

    #[test]
    fn date_forms() {
        for (text, month, day, year, matched) in [
            ("January 2", 1, 2, None, "January 2"),
            ("Jan. 2 the", 1, 2, None, "Jan. 2"),
            ("Jan 2", 1, 2, None, "Jan 2"),
            ("2 January", 1, 2, None, "2 January"),
            ("December 31, 2021", 12, 31, Some(2021), "December 31, 2021"),
            ("December, 31st. UNN.", 12, 31, None, "December, 31st"),
            ("Dec 31 (Reuters)", 12, 31, None, "Dec 31"),
            ("31st of December", 12, 31, None, "31st of December"),
            ("31 December 2021", 12, 31, Some(2021), "31 December 2021"),
            ("2 Jan. 2022", 1, 2, Some(2022), "2 Jan. 2022"),
            ("2 January. Then", 1, 2, None, "2 January"),
            ("May 18, 2015", 5, 18, Some(2015), "May 18, 2015"),
        ] {
            let (m, _) = parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((m.month, m.day, m.year), (month, day, year), "{text}");
            assert_eq!(m.span.text(text), matched, "{text}");
            assert_eq!(m.weekday, None, "{text}");
        }
    }

    #[test]
    fn not_dates() {
        for text in [
            "May I",
            "may 2",
            "March 32",
            "February 30",
            "Jan 2021",
            "2 jan",
            "12 Angry Men",
            "Sunday",
            "Mayor 2",
            "June 5G",
        ] {
            assert!(parse(text).is_none(), "{text}");
        }
    }

    #[test]
    fn weekdays_next_to_dates() {
        for (text, matched, weekday) in [
            ("January 2, Sunday.", "January 2, Sunday", "Sunday"),
            ("Sunday, January 2", "Sunday, January 2", "Sunday"),
            ("Sunday (January 2)", "Sunday (January 2)", "Sunday"),
            ("Sunday (January 2 – ed.)", "Sunday (January 2", "Sunday"),
            ("Sunday, Jan. 2", "Sunday, Jan. 2", "Sunday"),
            ("Monday, May 18, 2015", "Monday, May 18, 2015", "Monday"),
            ("January 2 (Sunday)", "January 2 (Sunday)", "Sunday"),
        ] {
            let (m, _) = parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(m.span.text(text), matched, "{text}");
            let w = m.weekday.unwrap();
            assert_eq!(w.span.text(text), weekday, "{text}");
            assert_eq!(w.weekday, weekday_number(weekday).unwrap());
        }
        // A weekday word not next to a date is left alone.
        let (m, _) = parse("January 2, Sundays are").unwrap();
        assert_eq!(m.span.text("January 2, Sundays are"), "January 2");
    }

    #[test]
    fn whole_date_lines() {
        let line = "Monday, May 18, 2015";
        assert_eq!(whole_date(line, line).map(|m| m.day), Some(18));
        assert!(whole_date("May 18, 2015 was", "May 18, 2015 was").is_none());
        let text = "Thursday, May 7, 2015 On Tuesday";
        let (rest, m) = full_date_line(text, text).unwrap();
        assert_eq!(m.span.text(text), "Thursday, May 7, 2015");
        assert_eq!(rest, " On Tuesday");
        assert!(full_date_line("Sunday, January 2", "Sunday, January 2").is_err());
    }

    #[test]
    fn weekday_arithmetic() {
        assert_eq!(weekday_of(2022, 1, 2), Some(6)); // Sunday
        assert_eq!(weekday_of(2021, 12, 31), Some(4)); // Friday
        assert_eq!(weekday_of(2015, 5, 18), Some(0)); // Monday
        assert_eq!(weekday_of(2000, 2, 29), Some(1)); // Tuesday
        assert_eq!(weekday_of(2021, 2, 29), None);
        assert_eq!(weekday_of(2021, 13, 1), None);
    }

    #[test]
    fn year_rollover() {
        let m = |month, year| DateMention {
            span: crate::source::Span::new(0, 1),
            year,
            month,
            day: 2,
            weekday: None,
        };
        assert_eq!(resolve_year(&m(1, None), 2021, Some(12)), 2022);
        assert_eq!(resolve_year(&m(12, None), 2021, Some(12)), 2021);
        assert_eq!(resolve_year(&m(12, None), 2022, Some(1)), 2021);
        assert_eq!(resolve_year(&m(12, None), 2022, Some(6)), 2022);
        assert_eq!(resolve_year(&m(1, Some(2030)), 2021, Some(12)), 2030);
        assert_eq!(resolve_year(&m(1, None), 2021, None), 2021);
    }

    #[test]
    fn may_start_date_filters() {
        assert!(may_start_date("January"));
        assert!(may_start_date("31st"));
        assert!(may_start_date("2"));
        assert!(!may_start_date("2021"));
        assert!(!may_start_date("Biden"));
        assert!(!may_start_date("may"));
        assert_eq!(month_day("Dec. 31, x"), Ok((", x", (12, 31))));
    }
}
