//! AC008 `weekday-mismatch`: a weekday written next to a date it does not
//! fall on.

use super::calendar::{article_year, month_name, weekday_name, ArticleYear, YearSource};
use super::{Rule, RuleContext};
use crate::diagnostic::Diagnostic;
use crate::parse::{weekday_of, Article, DateMention};
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Flags a weekday that contradicts the date it is written with
    /// (`Saturday, January 2` when January 2 falls on a Sunday that year).
    ///
    /// The year is the date's own (`January 2, 2022`), else the article's:
    /// from the dateline's date, else the latest dated embedded post, else a
    /// standalone date line (`Monday, May 18, 2015`), else the full dates
    /// written in the text. A date that crosses the year end belongs to the
    /// neighbouring year: in a December 2021 article, `January 2` is January
    /// 2, 2022.
    ///
    /// ## Why is this bad?
    /// When the weekday and the date disagree, at least one of them is wrong,
    /// and readers cannot tell which day the event is on. A wrong date in a
    /// report of who said what, and when, undermines the whole attribution.
    ///
    /// ## Example
    /// ```text
    /// WASHINGTON, Dec 31, 2021 (Reuters) - Biden will call Zelensky on
    /// Saturday, January 2.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// WASHINGTON, Dec 31, 2021 (Reuters) - Biden will call Zelensky on
    /// Sunday, January 2.
    /// ```
    ///
    /// ## Known problems
    /// - With no year anywhere in the article, nothing is checked: every
    ///   weekday fits some year, so no finding would be certain.
    /// - When the year can only come from dates in the text (no dateline,
    ///   post date or date line) and those dates carry different years, a
    ///   date without a year is not checked: which year it belongs to is a
    ///   guess.
    /// - A date without a year that lies within six months of the article's
    ///   date on both sides (a January article's `July 3`) is checked
    ///   against both years; the weekday must fit neither to be flagged.
    /// - Only weekdays written next to their date are checked (`Sunday,
    ///   January 2`, `January 2 (Sunday)`); `on Sunday` alone is not a date.
    pub WeekdayMismatch, code = "AC008", name = "weekday-mismatch", severity = Error
}

impl Rule for WeekdayMismatch {
    fn check(&self, cx: &mut RuleContext<'_>) {
        let article = cx.article;
        if !article.dates.iter().any(|d| d.weekday.is_some()) {
            return;
        }
        let year = article_year(article).filter(|y| trusted(article, y));
        for date in article.dates.iter().filter(|d| d.weekday.is_some()) {
            if let Some(d) = check_date(cx.text(), date, year.as_ref()) {
                cx.report(d);
            }
        }
    }
}

/// Whether the article's year can place dates written without one: always
/// when it comes from the dateline, a post or a date line; from the text
/// only when every full date there has the same year.
fn trusted(article: &Article, year: &ArticleYear) -> bool {
    year.source != YearSource::Text
        || article
            .dates
            .iter()
            .filter_map(|d| d.year)
            .all(|y| y == year.year)
}

/// The years a year-less date can belong to: the article's and its
/// neighbours, when the date's month is at most six months from the
/// article's month (with no article month, only the article's year).
fn plausible_years(date: &DateMention, article: &ArticleYear) -> impl Iterator<Item = i32> {
    let reference = article.month.map(|m| article.year * 12 + i32::from(m) - 1);
    let month = i32::from(date.month) - 1;
    let base = article.year;
    [base - 1, base, base + 1]
        .into_iter()
        .filter(move |&y| match reference {
            Some(r) => (y * 12 + month - r).abs() <= 6,
            None => y == base,
        })
}

/// The date without its weekday (`March 5, 2020` in `Friday, March 5,
/// 2020`), so that the two labels do not overlap.
fn date_part(text: &str, date: Span, weekday: Span) -> Span {
    let separators: &[char] = &[',', ' ', '(', ')', '\u{a0}'];
    let (start, end) = if weekday.start <= date.start {
        (weekday.end.min(date.end), date.end)
    } else {
        (date.start, weekday.start.max(date.start))
    };
    let Some(part) = text.get(start as usize..end as usize) else {
        return date;
    };
    let trimmed = part.trim_matches(separators);
    if trimmed.is_empty() {
        return date;
    }
    let offset = (part.len() - part.trim_start_matches(separators).len()) as u32;
    Span::new(start + offset, start + offset + trimmed.len() as u32)
}

/// The finding for one date with a weekday, if the weekday is wrong.
fn check_date(text: &str, date: &DateMention, article: Option<&ArticleYear>) -> Option<Diagnostic> {
    let written = date.weekday?;
    let year = match (date.year, article) {
        (Some(y), _) => y,
        (None, Some(a)) => {
            let year = a.year_of(date);
            // A date within half a year of the article could be on either
            // side of it; a weekday right for the other side is no finding.
            if plausible_years(date, a)
                .any(|y| weekday_of(y, date.month, date.day) == Some(written.weekday))
            {
                return None;
            }
            year
        }
        (None, None) => return None,
    };
    let day = format!("{} {}, {year}", month_name(date.month), date.day);
    let (message, primary, help) = match weekday_of(year, date.month, date.day) {
        Some(actual) if actual == written.weekday => return None,
        Some(actual) => {
            let actual = weekday_name(actual);
            (
                format!(
                    "weekday `{}` does not match the date: {day} is a {actual}",
                    weekday_name(written.weekday)
                ),
                format!("{day} is a {actual}"),
                format!("write `{actual}`, or correct the date"),
            )
        }
        None => (
            format!("{day} does not exist"),
            format!("{year} is not a leap year"),
            "correct the date".to_string(),
        ),
    };
    let mut d = Diagnostic::new(
        WeekdayMismatch::CODE,
        WeekdayMismatch::NAME,
        WeekdayMismatch::SEVERITY,
        written.span,
        message,
    )
    .primary_label(primary)
    .label(date_part(text, date.span, written.span), "the date");
    if date.year.is_none() {
        if let Some(a) = article {
            if !a.span.overlaps(date.span) {
                d = d.label(a.span, format!("the year, {}, is taken from here", a.year));
            }
            let source = a.source.describe();
            d = d.note(if year == a.year {
                format!("the date has no year; {year} comes from {source}")
            } else {
                format!(
                    "the date has no year; {} in an article dated {} {} is read as {year}",
                    month_name(date.month),
                    a.month.map_or("", month_name),
                    a.year,
                )
            });
        }
    }
    Some(d.help(help))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::check_text;

    fn flagged(text: &str) -> Vec<(String, String)> {
        check_text(&WeekdayMismatch, text)
            .iter()
            .map(|d| (d.span.text(text).to_string(), d.message.clone()))
            .collect()
    }

    #[test]
    fn weekday_arithmetic_across_years() {
        // Known weekdays, including leap days and century years.
        for (y, m, d, w) in [
            (2022, 1, 2, "Sunday"),
            (2021, 12, 31, "Friday"),
            (2000, 2, 29, "Tuesday"),
            (1900, 3, 1, "Thursday"),
            (2024, 2, 29, "Thursday"),
            (2024, 3, 1, "Friday"),
            (2023, 3, 1, "Wednesday"),
            (1969, 7, 20, "Sunday"),
            (2001, 9, 11, "Tuesday"),
            (2100, 1, 1, "Friday"),
        ] {
            assert_eq!(weekday_name(weekday_of(y, m, d).unwrap()), w, "{y}-{m}-{d}");
        }
        assert_eq!(weekday_of(1900, 2, 29), None);
        assert_eq!(weekday_of(2023, 2, 29), None);
    }

    #[test]
    fn a_wrong_weekday_with_its_own_year() {
        let text = "Talks\n\nThe talks are on Saturday, January 2, 2022, officials said.\n";
        let found = check_text(&WeekdayMismatch, text);
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!(d.span.text(text), "Saturday");
        assert_eq!(
            d.message,
            "weekday `Saturday` does not match the date: January 2, 2022 is a Sunday"
        );
        assert_eq!(d.labels[0].message, "January 2, 2022 is a Sunday");
        assert_eq!(d.labels[1].span.text(text), "January 2, 2022");
        assert_eq!(
            d.help.as_deref(),
            Some("write `Sunday`, or correct the date")
        );
        assert_eq!(d.note, None);
    }

    #[test]
    fn the_year_rolls_over_in_a_december_article() {
        let ok = "Talks\n\nKIEV, Dec 31, 2021 (UNN) - Biden will call on January 2, Sunday.\n";
        assert_eq!(flagged(ok), []);
        let bad = "Talks\n\nKIEV, Dec 31, 2021 (UNN) - Biden will call on January 2, Saturday.\n";
        let found = check_text(&WeekdayMismatch, bad);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].labels[2].span.text(bad), "Dec 31, 2021");
        assert_eq!(
            found[0].note.as_deref(),
            Some("the date has no year; January in an article dated December 2021 is read as 2022")
        );
    }

    #[test]
    fn the_year_from_a_post_or_date_line() {
        let text = "Talks\n\nThe call is on Sunday (January 3).\n\nCall on Sunday\n— jane roe (@jroe) December 31, 2021\n";
        let found = flagged(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "Sunday");
        let text = "Talks\n\nFriday, May 8, 2015\n\nThe vote is on Monday, May 11.\n";
        assert_eq!(flagged(text), []);
        let text = "Talks\n\nFriday, May 8, 2015\n\nThe vote is on Tuesday, May 11.\n";
        assert_eq!(flagged(text).len(), 1);
    }

    #[test]
    fn no_year_no_finding() {
        assert_eq!(flagged("Talks\n\nThe vote is on Tuesday, May 11.\n"), []);
        // Years in the text that disagree do not place a year-less date.
        let text = "Talks\n\nAfter the vote of May 3, 2014 and the one of June 9, 2019, the next is on Tuesday, May 11.\n";
        assert_eq!(flagged(text), []);
        // One year in the text does.
        let text = "Talks\n\nAfter the vote of May 3, 2021, the next is on Monday, May 11.\n";
        assert_eq!(flagged(text).len(), 1);
    }

    #[test]
    fn dates_half_a_year_away_may_be_on_either_side() {
        // July 3 was a Saturday in 2021 and a Sunday in 2022; a January 2022
        // article can mean either.
        let text =
            "Talks\n\nLONDON, Jan 10, 2022 (Wire) - The vote of Saturday, July 3 was close.\n";
        assert_eq!(flagged(text), []);
        let text = "Talks\n\nLONDON, Jan 10, 2022 (Wire) - The vote of Sunday, July 3 is next.\n";
        assert_eq!(flagged(text), []);
        let text = "Talks\n\nLONDON, Jan 10, 2022 (Wire) - The vote of Monday, July 3 was close.\n";
        assert_eq!(flagged(text).len(), 1);
        // Eleven months back is not plausible: January 2, 2021 was a
        // Saturday, but a December 2021 article means January 2022.
        let text = "Talks\n\nKIEV, Dec 31, 2021 (UNN) - Biden will call on Saturday, January 2.\n";
        assert_eq!(flagged(text).len(), 1);
    }

    #[test]
    fn a_leap_day_that_does_not_exist() {
        let text = "Talks\n\nIt happened on Monday, February 29, 2021.\n";
        let found = flagged(text);
        assert_eq!(
            found,
            [(
                "Monday".to_string(),
                "February 29, 2021 does not exist".to_string()
            )]
        );
    }
}
