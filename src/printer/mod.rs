//! Printers: render checked files, and files that could not be read, in one
//! output format (human, concise, JSON, SARIF, GitHub annotations).
//!
//! Printers only render; they never analyse. A run is printed in two steps so
//! that files can be rendered in parallel without interleaving:
//!
//! 1. [`Printer::file`] renders one file into its own buffer. It is called from
//!    worker threads, once per file, in any order.
//! 2. [`Printer::finish`] writes the buffers in input order, framed as the
//!    format needs (a JSON document, a SARIF log), and the summary.
//!
//! Line/column positions are 1-based with the column counted in chars, from
//! [`LineIndex`]; spans are byte offsets, end-exclusive.

pub mod claims;
mod concise;
mod github;
mod human;
mod json;
pub mod rules;
mod sarif;
#[cfg(test)]
mod snapshot_tests;

pub use concise::Concise;
pub use github::Github;
pub use human::{report_handler, Human, NamedText};
pub use json::{Json, JSON_VERSION};
pub use sarif::Sarif;

use crate::diagnostic::Severity;
use crate::source::{LineIndex, Position, SourceFile, Span};
use crate::FileReport;
use serde::Serialize;
use std::io::{self, Write};

/// A file that was read and analysed.
#[derive(Clone, Copy)]
pub struct CheckedFile<'a> {
    /// The article's name and text.
    pub source: &'a SourceFile,
    /// The line index of the text, for line/column positions.
    pub lines: &'a LineIndex,
    /// The analysis.
    pub report: &'a FileReport,
}

impl<'a> CheckedFile<'a> {
    /// The 1-based line and char column of byte `offset`.
    pub fn position(&self, offset: u32) -> Position {
        self.lines.position(self.source.text(), offset)
    }

    /// The text a span covers (`""` when the span is not valid for the text).
    pub fn text(&self, span: Span) -> &'a str {
        span.text(self.source.text())
    }
}

/// Why a file could not be checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileErrorKind {
    /// The path does not exist.
    NotFound,
    /// The file or directory exists but could not be read.
    Io,
    /// The bytes are not UTF-8.
    InvalidUtf8,
    /// The file is larger than attrcheck's 4 GiB limit.
    TooLarge,
    /// A directory holds no `.txt` or `.md` file.
    NoArticles,
}

/// A file that could not be checked, as printers see it.
#[derive(Clone, Debug, Serialize)]
pub struct FileError {
    /// The path as given or found while walking a directory.
    #[serde(skip)]
    pub path: String,
    /// Why.
    pub kind: FileErrorKind,
    /// What happened, one line, lowercase.
    pub message: String,
    /// For invalid UTF-8: the byte offset of the first invalid byte.
    pub offset: Option<u64>,
    /// For invalid UTF-8: the line and char column of the first invalid byte.
    pub start: Option<Position>,
}

/// One input of a run: analysed, or failed.
#[derive(Clone, Copy)]
pub enum FileOutcome<'a> {
    /// Read and analysed.
    Checked(CheckedFile<'a>),
    /// Could not be read.
    Failed(&'a FileError),
}

impl FileOutcome<'_> {
    /// The path as shown in reports.
    pub fn path(&self) -> &str {
        match self {
            FileOutcome::Checked(file) => file.source.name(),
            FileOutcome::Failed(error) => &error.path,
        }
    }
}

/// Counts over a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Inputs (files, stdin), read or not.
    pub files: usize,
    /// Inputs that could not be read (I/O, UTF-8, empty directory).
    pub unreadable: usize,
    /// Claims extracted.
    pub claims: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
}

impl Summary {
    /// The counts of one input.
    pub fn of(outcome: &FileOutcome<'_>) -> Summary {
        let mut summary = Summary {
            files: 1,
            ..Summary::default()
        };
        match outcome {
            FileOutcome::Checked(file) => {
                summary.claims = file.report.claims.len();
                for diagnostic in &file.report.diagnostics {
                    match diagnostic.severity {
                        Severity::Error => summary.errors += 1,
                        Severity::Warning => summary.warnings += 1,
                        Severity::Info => summary.infos += 1,
                    }
                }
            }
            FileOutcome::Failed(_) => summary.unreadable = 1,
        }
        summary
    }

    /// Adds another summary's counts.
    pub fn add(&mut self, other: &Summary) {
        self.files += other.files;
        self.unreadable += other.unreadable;
        self.claims += other.claims;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
    }

    /// All findings.
    pub fn diagnostics(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    /// The most serious severity found, if any.
    pub fn worst(&self) -> Option<Severity> {
        if self.errors > 0 {
            Some(Severity::Error)
        } else if self.warnings > 0 {
            Some(Severity::Warning)
        } else if self.infos > 0 {
            Some(Severity::Info)
        } else {
            None
        }
    }

    /// The one-line summary of the human and concise formats:
    /// `2 files checked, 14 claims: 1 error, 2 warnings, 0 infos`.
    pub fn line(&self) -> String {
        let checked = self.files - self.unreadable;
        let mut line = format!(
            "{}, {}: {}, {}, {}",
            plural(checked, "file checked", "files checked"),
            plural(self.claims, "claim", "claims"),
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings"),
            plural(self.infos, "info", "infos"),
        );
        if self.unreadable > 0 {
            line.push_str(&format!(
                "; {}",
                plural(
                    self.unreadable,
                    "input could not be read",
                    "inputs could not be read"
                )
            ));
        }
        line
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Everything [`Printer::finish`] writes: the per-file buffers in input order
/// and the run's totals.
pub struct Run<'a> {
    /// What [`Printer::file`] rendered for each input, in input order.
    pub buffers: &'a [Vec<u8>],
    /// The inputs that could not be read, in input order.
    pub errors: &'a [&'a FileError],
    /// The totals.
    pub summary: Summary,
}

/// An output format.
pub trait Printer: Sync {
    /// Renders one input into its own buffer. Called in parallel, once per
    /// input, in any order.
    fn file(&self, outcome: &FileOutcome<'_>, out: &mut Vec<u8>) -> io::Result<()>;

    /// Writes the run: the buffers in order, framed, and the summary.
    fn finish(&self, out: &mut dyn Write, run: &Run<'_>) -> io::Result<()>;
}

/// A span cut back to the text's bounds and char boundaries, so rendering
/// never fails on a span a rule computed badly.
pub(crate) fn clamp_span(text: &str, span: Span) -> Span {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start as usize);
    let end = floor(span.end as usize).max(start);
    Span::from_range(start..end)
}

/// The char-counted positions of a span: `(start, end)`, where `end` is the
/// position just after the last char (exclusive, as in SARIF and LSP).
pub(crate) fn positions(file: &CheckedFile<'_>, span: Span) -> (Position, Position) {
    (file.position(span.start), file.position(span.end))
}

/// Writes `bytes`, adding `indent` after every newline: re-indents a pretty
/// JSON fragment (JSON strings escape newlines, so every newline in the
/// fragment is structural).
pub(crate) fn write_indented(out: &mut dyn Write, bytes: &[u8], indent: &str) -> io::Result<()> {
    let mut rest = bytes;
    while let Some(i) = rest.iter().position(|&b| b == b'\n') {
        out.write_all(&rest[..=i])?;
        out.write_all(indent.as_bytes())?;
        rest = &rest[i + 1..];
    }
    out.write_all(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamp_span_keeps_char_boundaries() {
        let text = "a“b”";
        assert_eq!(clamp_span(text, Span::new(2, 5)), Span::new(1, 5));
        assert_eq!(clamp_span(text, Span::new(0, 99)), Span::new(0, 8));
        assert_eq!(clamp_span(text, Span::new(9, 3)), Span::new(8, 8));
    }

    #[test]
    fn summary_line_counts_and_pluralises() {
        let summary = Summary {
            files: 3,
            unreadable: 1,
            claims: 1,
            errors: 1,
            warnings: 2,
            infos: 0,
        };
        assert_eq!(
            summary.line(),
            "2 files checked, 1 claim: 1 error, 2 warnings, 0 infos; 1 input could not be read"
        );
        assert_eq!(summary.worst(), Some(Severity::Error));
        assert_eq!(Summary::default().worst(), None);
    }

    #[test]
    fn write_indented_indents_after_newlines_only() {
        let mut out = Vec::new();
        write_indented(&mut out, b"{\n  \"a\": 1\n}", "    ").unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "{\n      \"a\": 1\n    }");
    }
}
