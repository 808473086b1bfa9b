//! The human format: one miette graphical report per finding, the claims
//! table on request, then a one-line summary.

use super::{claims, clamp_span, CheckedFile, FileOutcome, Printer, Run};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::LineIndex;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use std::io::{self, Write};

/// The miette handler every human-readable report goes through (findings and
/// the CLI's own errors), so they look alike. `color: false` gives the
/// deterministic theme the tests snapshot.
pub fn report_handler(color: bool, width: usize) -> GraphicalReportHandler {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .without_syntax_highlighting()
        .with_width(width)
}

/// The human printer.
pub struct Human {
    handler: GraphicalReportHandler,
    claims: bool,
    quiet: bool,
}

impl Human {
    /// A printer for a terminal `width` columns wide; `claims` adds the claims
    /// table of each file, `quiet` drops the summary line.
    pub fn new(color: bool, width: usize, claims: bool, quiet: bool) -> Self {
        Human {
            handler: report_handler(color, width),
            claims,
            quiet,
        }
    }

    /// Renders one finding as a miette report.
    pub fn render(&self, file: &CheckedFile<'_>, diagnostic: &Diagnostic) -> String {
        let report = Finding {
            diagnostic,
            source: ArticleSource {
                name: file.source.name(),
                text: file.source.text(),
                lines: file.lines,
            },
        };
        let mut out = String::new();
        if self.handler.render_report(&mut out, &report).is_err() {
            // miette refuses spans it cannot read; fall back to the plain
            // message rather than dropping the finding.
            out = format!(
                "{}[{} {}] {}\n",
                diagnostic.severity, diagnostic.code, diagnostic.name, diagnostic.message
            );
        }
        if let Some(note) = &diagnostic.note {
            out.push_str(&format!("  note: {note}\n"));
        }
        out.push('\n');
        out
    }
}

impl Printer for Human {
    fn file(&self, outcome: &FileOutcome<'_>, out: &mut Vec<u8>) -> io::Result<()> {
        let FileOutcome::Checked(file) = outcome else {
            // Unreadable inputs are reported on stderr by the CLI.
            return Ok(());
        };
        if self.claims {
            claims::write_table(out, file)?;
        }
        for diagnostic in &file.report.diagnostics {
            out.write_all(self.render(file, diagnostic).as_bytes())?;
        }
        Ok(())
    }

    fn finish(&self, out: &mut dyn Write, run: &Run<'_>) -> io::Result<()> {
        for buffer in run.buffers {
            out.write_all(buffer)?;
        }
        if !self.quiet {
            writeln!(out, "{}", run.summary.line())?;
        }
        Ok(())
    }
}

/// A finding seen through miette's [`miette::Diagnostic`] trait.
struct Finding<'a> {
    diagnostic: &'a Diagnostic,
    source: ArticleSource<'a>,
}

impl fmt::Debug for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Finding<'_> {}

impl miette::Diagnostic for Finding<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!(
            "{} {}",
            self.diagnostic.code, self.diagnostic.name
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diagnostic
            .help
            .as_ref()
            .map(|help| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let text = self.source.text;
        let diagnostic = self.diagnostic;
        let caption = |message: &str| (!message.is_empty()).then(|| message.to_owned());
        let mut labels = Vec::with_capacity(diagnostic.labels.len() + 1);
        if !diagnostic.labels.iter().any(|label| label.primary) {
            // Every finding shows where it is, even without a caption.
            labels.push(LabeledSpan::new_primary_with_span(
                None,
                clamp_span(text, diagnostic.span),
            ));
        }
        // miette draws overlapping underlines on one line as a single
        // underline with the captions at the wrong places, so a secondary
        // label that overlaps a primary one (a sentence around the word that
        // matters) is left to the machine formats.
        let overlaps_primary = |span: crate::source::Span| {
            diagnostic.labels.iter().any(|other| {
                other.primary && other.span.start < span.end && span.start < other.span.end
            })
        };
        for label in &diagnostic.labels {
            if !label.primary && overlaps_primary(label.span) {
                continue;
            }
            let span = clamp_span(text, label.span);
            labels.push(if label.primary {
                LabeledSpan::new_primary_with_span(caption(&label.message), span)
            } else {
                LabeledSpan::new_with_span(caption(&label.message), span)
            });
        }
        Some(Box::new(labels.into_iter()))
    }
}

/// An article's text under its path, for miette. Unlike miette's
/// `NamedSource`, it borrows the text, and it counts the column of the report
/// header (`file:line:column`) in chars, as every other format does.
struct ArticleSource<'a> {
    name: &'a str,
    text: &'a str,
    lines: &'a LineIndex,
}

impl SourceCode for ArticleSource<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        read_span_in_chars(
            self.name,
            self.text,
            self.lines,
            span,
            context_lines_before,
            context_lines_after,
        )
    }
}

/// An owned text under a name, for miette reports outside the findings (an
/// invalid UTF-8 byte shown in context); columns count chars like
/// [`ArticleSource`].
#[derive(Debug)]
pub struct NamedText {
    name: String,
    text: String,
    lines: LineIndex,
}

impl NamedText {
    /// Wraps `text` under `name`.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        NamedText {
            name: name.into(),
            lines: LineIndex::new(&text),
            text,
        }
    }
}

impl SourceCode for NamedText {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        read_span_in_chars(
            &self.name,
            &self.text,
            &self.lines,
            span,
            context_lines_before,
            context_lines_after,
        )
    }
}

/// miette's own span reading, with the name attached and the column (which
/// miette counts in bytes) recounted in chars.
fn read_span_in_chars<'b>(
    name: &str,
    text: &'b str,
    lines: &LineIndex,
    span: &SourceSpan,
    context_lines_before: usize,
    context_lines_after: usize,
) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
    let inner = text.read_span(span, context_lines_before, context_lines_after)?;
    let column = if inner.column() == 0 {
        0
    } else {
        lines.position(text, inner.span().offset() as u32).column as usize - 1
    };
    Ok(Box::new(MietteSpanContents::new_named(
        name.to_owned(),
        inner.data(),
        *inner.span(),
        inner.line(),
        column,
        inner.line_count(),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{SourceFile, Span};

    fn render(text: &str, diagnostic: &Diagnostic) -> String {
        let source = SourceFile::new("t.txt", text).unwrap();
        let report = crate::check_file(&source, &crate::Settings::default());
        let lines = LineIndex::new(text);
        let file = CheckedFile {
            source: &source,
            lines: &lines,
            report: &report,
        };
        Human::new(false, 80, false, true).render(&file, diagnostic)
    }

    #[test]
    fn report_shows_every_label_help_and_note_with_a_char_column() {
        let text = "“Ça va,” she wrote.\n\nThe post: “ça ira.”\n";
        let quote = text.find("“Ça").unwrap();
        let post = text.find("“ça").unwrap();
        let diagnostic = Diagnostic::new(
            "AC001",
            "quote-mismatch",
            Severity::Error,
            Span::from_range(post..post + "“ça ira.”".len()),
            "quotation differs from its source",
        )
        .primary_label("this quote")
        .label(
            Span::from_range(quote..quote + "“Ça va,”".len()),
            "source says “ça va”",
        )
        .help("quote the exact words")
        .note("similarity 0.50");
        let out = render(text, &diagnostic);
        // The header column counts chars: `“` is 3 bytes but one column.
        assert!(out.contains("[t.txt:3:11]"), "{out}");
        assert!(out.contains("this quote"), "{out}");
        assert!(out.contains("source says “ça va”"), "{out}");
        assert!(out.contains("help: quote the exact words"), "{out}");
        assert!(out.contains("note: similarity 0.50"), "{out}");
        assert!(out.starts_with("AC001 quote-mismatch"), "{out}");
    }

    #[test]
    fn colour_is_only_used_when_asked() {
        let text = "Officials said it.";
        let diagnostic = Diagnostic::new(
            "AC004",
            "anonymous-source",
            Severity::Info,
            Span::new(0, 9),
            "claim rests on an unnamed source",
        );
        let source = SourceFile::new("t.txt", text).unwrap();
        let report = crate::check_file(&source, &crate::Settings::default());
        let lines = LineIndex::new(text);
        let file = CheckedFile {
            source: &source,
            lines: &lines,
            report: &report,
        };
        assert!(Human::new(true, 80, false, true)
            .render(&file, &diagnostic)
            .contains('\u{1b}'));
        assert!(!render(text, &diagnostic).contains('\u{1b}'));
    }

    #[test]
    fn info_renders_as_advice_and_bad_spans_do_not_fail() {
        let text = "Officials said it.";
        let diagnostic = Diagnostic::new(
            "AC004",
            "anonymous-source",
            Severity::Info,
            Span::new(0, 400),
            "claim rests on an unnamed source",
        );
        let out = render(text, &diagnostic);
        assert!(out.contains("☞ claim rests on an unnamed source"), "{out}");
        assert!(out.contains("Officials said it."), "{out}");
    }
}
