//! Findings: the structured result of a rule, independent of how it is printed.

use crate::source::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; shown by miette as advice.
    Info,
    /// Probably a problem.
    Warning,
    /// Almost certainly a problem.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A secondary (or the primary) span of a finding with its caption.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Where the label points.
    pub span: Span,
    /// The caption, short and lowercase (`this quote`, `source says “reaffirm”`).
    pub message: String,
    /// Whether this is the primary label.
    pub primary: bool,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule's stable code (`AC001`).
    pub code: String,
    /// The rule's kebab-case name (`quote-mismatch`).
    pub name: String,
    /// How serious the finding is.
    pub severity: Severity,
    /// The fact, lowercase, no trailing period, no fix.
    pub message: String,
    /// The primary span: the smallest span showing the problem.
    pub span: Span,
    /// Labels, the primary one first.
    pub labels: Vec<Label>,
    /// How to fix it, imperative and lowercase.
    pub help: Option<String>,
    /// Extra context (`similarity 0.62`).
    pub note: Option<String>,
    /// A machine-applicable replacement, when the fix is certain enough to
    /// offer (`admitted` → `said`). The help says the same in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// A replacement of the text at `span`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// The bytes to replace.
    pub span: Span,
    /// The text to put there.
    pub replacement: String,
}

impl Diagnostic {
    /// A finding with a primary label on `span`.
    pub fn new(
        code: impl Into<String>,
        name: impl Into<String>,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code: code.into(),
            name: name.into(),
            severity,
            message: message.into(),
            span,
            labels: Vec::new(),
            help: None,
            note: None,
            fix: None,
        }
    }

    /// Adds the primary label's caption (on the primary span).
    pub fn primary_label(mut self, message: impl Into<String>) -> Self {
        self.labels.insert(
            0,
            Label {
                span: self.span,
                message: message.into(),
                primary: true,
            },
        );
        self
    }

    /// Adds a secondary label.
    pub fn label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
            primary: false,
        });
        self
    }

    /// Sets the help text.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the note.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// Offers replacing `span` with `replacement`.
    pub fn fix(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.fix = Some(Fix {
            span,
            replacement: replacement.into(),
        });
        self
    }
}
