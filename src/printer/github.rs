//! The GitHub Actions format: one workflow command per finding,
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=AC001 quote-mismatch::message`,
//! which GitHub shows as an annotation on the pull request.

use super::{positions, FileOutcome, Printer, Run};
use crate::diagnostic::Severity;
use std::io::{self, Write};

/// The GitHub Actions printer.
pub struct Github;

impl Printer for Github {
    fn file(&self, outcome: &FileOutcome<'_>, out: &mut Vec<u8>) -> io::Result<()> {
        match outcome {
            FileOutcome::Checked(file) => {
                for diagnostic in &file.report.diagnostics {
                    let (start, end) = positions(file, diagnostic.span);
                    let command = match diagnostic.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                        Severity::Info => "notice",
                    };
                    let mut message = diagnostic.message.clone();
                    if let Some(help) = &diagnostic.help {
                        message.push_str("\nhelp: ");
                        message.push_str(help);
                    }
                    if let Some(note) = &diagnostic.note {
                        message.push_str("\nnote: ");
                        message.push_str(note);
                    }
                    writeln!(
                        out,
                        "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                        escape_property(file.source.name()),
                        start.line,
                        start.column,
                        end.line,
                        end.column,
                        escape_property(&format!("{} {}", diagnostic.code, diagnostic.name)),
                        escape_data(&message),
                    )?;
                }
            }
            FileOutcome::Failed(error) => writeln!(
                out,
                "::error file={},title=attrcheck::{}",
                escape_property(&error.path),
                escape_data(&error.message),
            )?,
        }
        Ok(())
    }

    fn finish(&self, out: &mut dyn Write, run: &Run<'_>) -> io::Result<()> {
        for buffer in run.buffers {
            out.write_all(buffer)?;
        }
        Ok(())
    }
}

/// Escapes a command's message: `%`, `\r`, `\n`.
fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a command's property value: as [`escape_data`], plus `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_actions_toolkit() {
        assert_eq!(
            escape_data("50% off\r\nnext: a,b"),
            "50%25 off%0D%0Anext: a,b"
        );
        assert_eq!(
            escape_property("dir,x/a:b%.txt\n"),
            "dir%2Cx/a%3Ab%25.txt%0A"
        );
    }
}
