//! The JSON format, public contract v1 (`docs/output-json.md`,
//! `docs/schema/attrcheck-v1.schema.json`): one document with every file's
//! article summary, claims and findings, spans as bytes and positions as
//! 1-based line and char column.

use super::{positions, write_pretty, CheckedFile, FileError, FileOutcome, Printer, Run};
use crate::claims::{self, Attribution, ChainRole, ClaimKind, CueKind, SpeakerKind};
use crate::diagnostic::{self, Severity};
use crate::parse::{self, DateMention, WeekdayMention};
use crate::source::{Position, Span};
use serde::Serialize;
use std::io::{self, Write};

/// The version of the JSON contract. Additive changes keep it; anything that
/// removes, renames or retypes a field bumps it.
pub const JSON_VERSION: u32 = 1;

/// The JSON printer.
pub struct Json;

impl Printer for Json {
    fn file(&self, outcome: &FileOutcome<'_>, out: &mut Vec<u8>) -> io::Result<()> {
        let file = match outcome {
            FileOutcome::Checked(file) => JsonFile {
                path: file.source.name(),
                article: Some(article(file)),
                diagnostics: file
                    .report
                    .diagnostics
                    .iter()
                    .map(|d| diagnostic(file, d))
                    .collect(),
                error: None,
            },
            FileOutcome::Failed(error) => JsonFile {
                path: &error.path,
                article: None,
                diagnostics: Vec::new(),
                error: Some(error),
            },
        };
        // Written with its final indentation, inside `"files": [`.
        write_pretty(out, &file, 2)
    }

    fn finish(&self, out: &mut dyn Write, run: &Run<'_>) -> io::Result<()> {
        writeln!(out, "{{")?;
        writeln!(out, "  \"version\": {JSON_VERSION},")?;
        write!(out, "  \"tool\": ")?;
        write_pretty(&mut *out, &Tool::CURRENT, 1)?;
        writeln!(out, ",")?;
        write!(out, "  \"files\": [")?;
        for (i, buffer) in run.buffers.iter().enumerate() {
            out.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
            out.write_all(buffer)?;
        }
        if !run.buffers.is_empty() {
            write!(out, "\n  ")?;
        }
        writeln!(out, "],")?;
        write!(out, "  \"summary\": ")?;
        write_pretty(&mut *out, &run.summary, 1)?;
        writeln!(out, "\n}}")
    }
}

/// The tool that wrote a document.
#[derive(Serialize)]
pub(crate) struct Tool {
    pub(crate) name: &'static str,
    pub(crate) version: &'static str,
}

impl Tool {
    pub(crate) const CURRENT: Tool = Tool {
        name: env!("CARGO_PKG_NAME"),
        version: env!("CARGO_PKG_VERSION"),
    };
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    article: Option<JsonArticle<'a>>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    error: Option<&'a FileError>,
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    headline: Option<TextSpan<'a>>,
    byline: Option<JsonByline<'a>>,
    dateline: Option<JsonDateline<'a>>,
    posts: Vec<JsonPost<'a>>,
    claims: Vec<JsonClaim<'a>>,
}

/// A span with the text it covers.
#[derive(Serialize)]
struct TextSpan<'a> {
    text: &'a str,
    span: Span,
}

#[derive(Serialize)]
struct JsonByline<'a> {
    text: &'a str,
    span: Span,
    name: TextSpan<'a>,
}

#[derive(Serialize)]
struct JsonDateline<'a> {
    text: &'a str,
    span: Span,
    place: Option<TextSpan<'a>>,
    date: Option<JsonDate<'a>>,
    agency: Option<TextSpan<'a>>,
}

#[derive(Serialize)]
struct JsonPost<'a> {
    span: Span,
    text: TextSpan<'a>,
    signature: TextSpan<'a>,
    author: Option<TextSpan<'a>>,
    handle: Option<TextSpan<'a>>,
    date: Option<JsonDate<'a>>,
}

#[derive(Serialize)]
struct JsonDate<'a> {
    text: &'a str,
    span: Span,
    year: Option<i32>,
    month: u8,
    day: u8,
    iso: Option<String>,
    weekday: Option<JsonWeekday<'a>>,
}

#[derive(Serialize)]
struct JsonWeekday<'a> {
    text: &'a str,
    span: Span,
    name: &'static str,
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    id: u32,
    kind: ClaimKind,
    attribution: Attribution,
    span: Span,
    start: Position,
    end: Position,
    sentence: u32,
    content: Vec<JsonFragment<'a>>,
    speaker: Option<JsonSpeaker<'a>>,
    cue: Option<JsonCue<'a>>,
    chain: Vec<JsonLink<'a>>,
}

#[derive(Serialize)]
struct JsonFragment<'a> {
    start: u32,
    end: u32,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonSpeaker<'a> {
    text: &'a str,
    span: Span,
    name: Option<TextSpan<'a>>,
    role: Option<TextSpan<'a>>,
    anonymous: bool,
    kind: SpeakerKind,
    resolved: Option<TextSpan<'a>>,
}

#[derive(Serialize)]
struct JsonCue<'a> {
    text: &'a str,
    span: Span,
    kind: CueKind,
}

#[derive(Serialize)]
struct JsonLink<'a> {
    role: ChainRole,
    text: &'a str,
    span: Span,
    anonymous: bool,
    cue: Option<TextSpan<'a>>,
    channel: Option<TextSpan<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    code: &'a str,
    name: &'a str,
    severity: Severity,
    message: &'a str,
    help: Option<&'a str>,
    note: Option<&'a str>,
    span: Span,
    start: Position,
    end: Position,
    labels: Vec<JsonLabel<'a>>,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    span: Span,
    start: Position,
    end: Position,
    text: &'a str,
    message: &'a str,
    primary: bool,
}

fn text_span<'a>(file: &CheckedFile<'a>, span: Span) -> TextSpan<'a> {
    TextSpan {
        text: span.text(file.source.text()),
        span,
    }
}

fn article<'a>(file: &CheckedFile<'a>) -> JsonArticle<'a> {
    let article: &'a parse::Article = &file.report.article;
    let ts = |span: Span| text_span(file, span);
    JsonArticle {
        headline: article.headline.map(ts),
        byline: article.byline.as_ref().map(|byline| JsonByline {
            text: file.text(byline.span),
            span: byline.span,
            name: ts(byline.name),
        }),
        dateline: article.dateline.as_ref().map(|dateline| JsonDateline {
            text: file.text(dateline.span),
            span: dateline.span,
            place: dateline.place.map(ts),
            date: dateline.date.as_ref().map(|date| json_date(file, date)),
            agency: dateline.agency.map(ts),
        }),
        posts: article
            .posts
            .iter()
            .map(|post| JsonPost {
                span: post.span,
                text: ts(post.text),
                signature: ts(post.signature),
                author: post.author.map(ts),
                handle: post.handle.map(ts),
                date: post.date.as_ref().map(|date| json_date(file, date)),
            })
            .collect(),
        claims: file
            .report
            .claims
            .iter()
            .map(|claim| json_claim(file, claim))
            .collect(),
    }
}

fn json_claim<'a>(file: &CheckedFile<'a>, claim: &'a claims::Claim) -> JsonClaim<'a> {
    let ts = |span: Span| text_span(file, span);
    let (start, end) = positions(file, claim.span);
    JsonClaim {
        id: claim.id,
        kind: claim.kind,
        attribution: claim.attribution,
        span: claim.span,
        start,
        end,
        sentence: claim.sentence,
        content: claim
            .content
            .iter()
            .map(|&span| JsonFragment {
                start: span.start,
                end: span.end,
                text: file.text(span),
            })
            .collect(),
        speaker: claim.speaker.as_ref().map(|speaker| JsonSpeaker {
            text: file.text(speaker.span),
            span: speaker.span,
            name: speaker.name.map(ts),
            role: speaker.role.map(ts),
            anonymous: speaker.anonymous,
            kind: speaker.kind,
            resolved: speaker.resolved.map(ts),
        }),
        cue: claim.cue.as_ref().map(|cue| JsonCue {
            text: file.text(cue.span),
            span: cue.span,
            kind: cue.kind,
        }),
        chain: claim
            .chain
            .iter()
            .map(|link| JsonLink {
                role: link.role,
                text: file.text(link.span),
                span: link.span,
                anonymous: link.anonymous,
                cue: link.cue.map(ts),
                channel: link.channel.map(ts),
            })
            .collect(),
    }
}

fn json_date<'a>(file: &CheckedFile<'a>, date: &DateMention) -> JsonDate<'a> {
    JsonDate {
        text: file.text(date.span),
        span: date.span,
        year: date.year,
        month: date.month,
        day: date.day,
        // A date written without its year takes the article's (a December
        // article's `January 2` is next January); `null` when unknown.
        iso: date
            .year
            .or_else(|| {
                let article = &file.report.article;
                let year = article.year_hint()?;
                Some(crate::parse::resolve_year(date, year, article.month_hint()))
            })
            .and_then(|year| iso_date(year, date.month, date.day)),
        weekday: date.weekday.map(|weekday| json_weekday(file, weekday)),
    }
}

fn json_weekday<'a>(file: &CheckedFile<'a>, weekday: WeekdayMention) -> JsonWeekday<'a> {
    const NAMES: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    JsonWeekday {
        text: file.text(weekday.span),
        span: weekday.span,
        name: NAMES.get(weekday.weekday as usize).copied().unwrap_or(""),
    }
}

/// `YYYY-MM-DD`, or `None` when the day does not exist in that month
/// (`February 30`) or the year does not fit four digits.
fn iso_date(year: i32, month: u8, day: u8) -> Option<String> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((0..=9999).contains(&year) && (1..=days).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

fn diagnostic<'a>(file: &CheckedFile<'a>, d: &'a diagnostic::Diagnostic) -> JsonDiagnostic<'a> {
    let (start, end) = positions(file, d.span);
    JsonDiagnostic {
        path: file.source.name(),
        code: &d.code,
        name: &d.name,
        severity: d.severity,
        message: &d.message,
        help: d.help.as_deref(),
        note: d.note.as_deref(),
        span: d.span,
        start,
        end,
        labels: d
            .labels
            .iter()
            .map(|label| {
                let (start, end) = positions(file, label.span);
                JsonLabel {
                    span: label.span,
                    start,
                    end,
                    text: file.text(label.span),
                    message: &label.message,
                    primary: label.primary,
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_only_for_real_days() {
        assert_eq!(iso_date(2021, 12, 31).as_deref(), Some("2021-12-31"));
        assert_eq!(iso_date(2024, 2, 29).as_deref(), Some("2024-02-29"));
        assert_eq!(iso_date(2023, 2, 29), None);
        assert_eq!(iso_date(1900, 2, 29), None);
        assert_eq!(iso_date(2000, 2, 29).as_deref(), Some("2000-02-29"));
        assert_eq!(iso_date(2022, 13, 1), None);
        assert_eq!(iso_date(2022, 4, 31), None);
        assert_eq!(iso_date(2022, 1, 0), None);
    }
}
