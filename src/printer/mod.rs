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

/// A newline and up to 64 levels of two-space indentation, written in one
/// piece by [`Indented`].
const NEWLINE_INDENT: &[u8; 129] = &{
    let mut line = [b' '; 129];
    line[0] = b'\n';
    line
};

/// serde_json's pretty format (two-space indentation), for a value that
/// starts `level` levels deep in the document: the output is exactly
/// `serde_json::to_vec_pretty` with `2 × level` spaces after each newline,
/// written in one pass instead of re-indented afterwards.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Indented {
    level: usize,
    has_value: bool,
}

impl Indented {
    /// A formatter for a value `level` levels deep.
    pub(crate) fn at(level: usize) -> Self {
        Indented {
            level,
            has_value: false,
        }
    }

    /// A newline and the current indentation.
    fn newline<W: ?Sized + Write>(&self, out: &mut W) -> io::Result<()> {
        let width = 2 * self.level;
        if width < NEWLINE_INDENT.len() {
            return out.write_all(&NEWLINE_INDENT[..=width]);
        }
        out.write_all(b"\n")?;
        for _ in 0..self.level {
            out.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        out.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.newline(out)?;
        }
        out.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        if !first {
            out.write_all(b",")?;
        }
        self.newline(out)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        out.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.newline(out)?;
        }
        out.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        if !first {
            out.write_all(b",")?;
        }
        self.newline(out)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Writes `value` as pretty JSON that starts `level` levels deep (see
/// [`Indented`]).
pub(crate) fn write_pretty<W: Write, T: serde::Serialize + ?Sized>(
    out: W,
    value: &T,
    level: usize,
) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Indented::at(level));
    value.serialize(&mut serializer).map_err(io::Error::from)
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
    fn pretty_json_at_a_level_is_serde_json_pretty_reindented() {
        let value = serde_json::json!({
            "a": 1,
            "b": [1, {"c": "x\ny"}, [], {}],
            "d": {"e": [[true, null]]},
            "f": []
        });
        let plain = serde_json::to_string_pretty(&value).unwrap();
        for level in [0, 1, 2, 4, 70] {
            let mut out = Vec::new();
            write_pretty(&mut out, &value, level).unwrap();
            let indent = "  ".repeat(level);
            let expected = plain.replace('\n', &format!("\n{indent}"));
            assert_eq!(String::from_utf8(out).unwrap(), expected, "level {level}");
        }
    }
}
