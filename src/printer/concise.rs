//! The concise format: one line per finding,
//! `path:line:column: severity[CODE name] message`, then the summary line.

use super::{FileOutcome, Printer, Run};
use std::io::{self, Write};

/// The concise printer.
pub struct Concise {
    quiet: bool,
}

impl Concise {
    /// A concise printer; `quiet` drops the summary line.
    pub fn new(quiet: bool) -> Self {
        Concise { quiet }
    }
}

impl Printer for Concise {
    fn file(&self, outcome: &FileOutcome<'_>, out: &mut Vec<u8>) -> io::Result<()> {
        let FileOutcome::Checked(file) = outcome else {
            return Ok(());
        };
        for diagnostic in &file.report.diagnostics {
            let start = file.position(diagnostic.span.start);
            writeln!(
                out,
                "{}:{}:{}: {}[{} {}] {}",
                file.source.name(),
                start.line,
                start.column,
                diagnostic.severity,
                diagnostic.code,
                diagnostic.name,
                one_line(&diagnostic.message),
            )?;
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

/// A message on one line: line breaks become spaces, so that one finding is
/// always one line for `grep` and editors.
fn one_line(message: &str) -> std::borrow::Cow<'_, str> {
    if message.contains(['\n', '\r']) {
        message
            .replace("\r\n", " ")
            .replace(['\n', '\r'], " ")
            .into()
    } else {
        message.into()
    }
}
