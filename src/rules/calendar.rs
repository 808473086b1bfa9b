//! The article's own date, as the date rules need it: the year a
//! year-less date belongs to, *where* that year was read (so a finding can
//! point at it), and day arithmetic.
//!
//! The order follows [`Article::year_hint`]: the dateline's date, the latest
//! dated post signature, a standalone date line, then the latest full date
//! written anywhere in the text.

use crate::parse::{resolve_year, Article, BlockKind, DateMention};
use crate::source::Span;

/// Where the article's year was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearSource {
    /// The wire dateline's date (`LONDON, Dec 31, 2021 (Reuters) -`).
    Dateline,
    /// An embedded post's signature (`— jane roe (@jroe) December 31, 2021`).
    Post,
    /// A standalone date line (`Monday, May 18, 2015`).
    DateLine,
    /// The latest full date written in the text; weaker: articles mention
    /// past years freely.
    Text,
}

impl YearSource {
    /// How a label names the source.
    pub fn describe(self) -> &'static str {
        match self {
            YearSource::Dateline => "the dateline",
            YearSource::Post => "the post's date",
            YearSource::DateLine => "the article's date line",
            YearSource::Text => "a date elsewhere in the article",
        }
    }
}

/// The article's year and month, and where they come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArticleYear {
    /// The year.
    pub year: i32,
    /// The month, for placing year-less dates across a year end.
    pub month: Option<u8>,
    /// Where the year was read.
    pub source: YearSource,
    /// The date mention the year was read from.
    pub span: Span,
}

impl ArticleYear {
    /// The year `mention` refers to: its own, or the one that puts it
    /// nearest the article's month ([`resolve_year`]).
    pub fn year_of(&self, mention: &DateMention) -> i32 {
        resolve_year(mention, self.year, self.month)
    }
}

/// The date of the first standalone date line block.
fn date_line(article: &Article) -> Option<&DateMention> {
    let block = article
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Dateline)?;
    let i = article
        .dates
        .partition_point(|d| d.span.start < block.span.start);
    article.dates.get(i).filter(|d| block.span.contains(d.span))
}

/// The latest of the mentions that have a year.
fn latest_dated<'a>(dates: impl Iterator<Item = &'a DateMention>) -> Option<&'a DateMention> {
    dates
        .filter(|d| d.year.is_some())
        .max_by_key(|d| (d.year, d.month, d.day))
}

/// The article's year and where it comes from; `None` when no date in the
/// article has a year.
pub fn article_year(article: &Article) -> Option<ArticleYear> {
    let dateline = article.dateline.as_ref().and_then(|d| d.date.as_ref());
    let (mention, source) = dateline
        .filter(|d| d.year.is_some())
        .map(|d| (d, YearSource::Dateline))
        .or_else(|| {
            latest_dated(article.posts.iter().filter_map(|p| p.date.as_ref()))
                .map(|d| (d, YearSource::Post))
        })
        .or_else(|| {
            date_line(article)
                .filter(|d| d.year.is_some())
                .map(|d| (d, YearSource::DateLine))
        })
        .or_else(|| latest_dated(article.dates.iter()).map(|d| (d, YearSource::Text)))?;
    Some(ArticleYear {
        year: mention.year?,
        month: Some(dateline.unwrap_or(mention).month),
        source,
        span: mention.span,
    })
}

/// The article's own date (year, month, day): the dateline's date, else the
/// date line's, else the latest post's. `None` without one of these.
pub fn article_date(article: &Article) -> Option<(i32, u8, u8)> {
    let year = article_year(article)?;
    let own = article
        .dateline
        .as_ref()
        .and_then(|d| d.date.as_ref())
        .or_else(|| date_line(article))
        .or_else(|| latest_dated(article.posts.iter().filter_map(|p| p.date.as_ref())))?;
    Some((year.year_of(own), own.month, own.day))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The English name of weekday `n` (0 = Monday … 6 = Sunday).
pub fn weekday_name(n: u8) -> &'static str {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    .get(usize::from(n))
    .copied()
    .unwrap_or("?")
}

/// The English name of month `m` (1–12).
pub fn month_name(m: u8) -> &'static str {
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    .get(usize::from(m).wrapping_sub(1))
    .copied()
    .unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_article, weekday_of};

    #[test]
    fn day_numbers() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(
            days_from_civil(2022, 1, 2) - days_from_civil(2021, 12, 30),
            3
        );
        assert_eq!(
            days_from_civil(2024, 3, 1) - days_from_civil(2024, 2, 28),
            2
        );
        assert_eq!(
            days_from_civil(2023, 3, 1) - days_from_civil(2023, 2, 28),
            1
        );
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        // Day numbers and weekdays agree: 1970-01-01 was a Thursday.
        for (y, m, d) in [(1900, 3, 1), (2000, 2, 29), (2021, 12, 31), (2100, 1, 1)] {
            let n = days_from_civil(y, m, d);
            assert_eq!(
                ((n + 3).rem_euclid(7)) as u8,
                weekday_of(y, m, d).unwrap(),
                "{y}-{m}-{d}"
            );
        }
    }

    #[test]
    fn year_sources_in_order() {
        let text = "Headline\n\nKIEV. December, 31st. UNN. Talks on January 2, Sunday.\n\nPost text here.\n— jane roe (@jroe) December 31, 2021\n";
        let article = parse_article(text);
        let year = article_year(&article).unwrap();
        assert_eq!((year.year, year.month), (2021, Some(12)));
        assert_eq!(year.source, YearSource::Post);
        assert_eq!(year.span.text(text), "December 31, 2021");
        assert_eq!(article_date(&article), Some((2021, 12, 31)));

        let text = "Headline\n\nMonday, May 18, 2015\n\nOn May 3, 2014 it began.\n";
        let article = parse_article(text);
        let year = article_year(&article).unwrap();
        assert_eq!((year.year, year.source), (2015, YearSource::DateLine));
        assert_eq!(article_date(&article), Some((2015, 5, 18)));

        let text = "Headline\n\nIt began on May 3, 2014 and ended on June 9, 2014.\n";
        let article = parse_article(text);
        let year = article_year(&article).unwrap();
        assert_eq!(
            (year.year, year.month, year.source),
            (2014, Some(6), YearSource::Text)
        );
        assert_eq!(article_date(&article), None);

        assert_eq!(article_year(&parse_article("No dates at all.")), None);
    }

    #[test]
    fn names() {
        assert_eq!(weekday_name(6), "Sunday");
        assert_eq!(weekday_name(9), "?");
        assert_eq!(month_name(1), "January");
        assert_eq!(month_name(0), "?");
    }
}
