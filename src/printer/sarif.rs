//! The SARIF 2.1.0 format, for code-scanning services: the enabled rules in
//! `tool.driver.rules`, one result per finding with its secondary labels as
//! related locations, and unreadable inputs as tool execution notifications.

use super::json::Tool;
use super::{positions, write_pretty, CheckedFile, FileOutcome, Printer, Run};
use crate::diagnostic::Severity;
use crate::rules::RuleMeta;
use crate::source::Span;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{self, Write};

/// The SARIF printer.
pub struct Sarif {
    rules: Vec<RuleMeta>,
    index: HashMap<&'static str, usize>,
}

impl Sarif {
    /// A SARIF printer describing `rules` (the enabled rules) in its driver.
    pub fn new(rules: Vec<RuleMeta>) -> Self {
        let index = rules
            .iter()
            .enumerate()
            .map(|(i, rule)| (rule.code, i))
            .collect();
        Sarif { rules, index }
    }

    fn result(&self, file: &CheckedFile<'_>, d: &crate::diagnostic::Diagnostic) -> Value {
        let primary = d.labels.iter().find(|label| label.primary);
        let mut primary_location = json!({ "physicalLocation": location(file, d.span) });
        if let Some(label) = primary.filter(|label| !label.message.is_empty()) {
            primary_location["message"] = json!({ "text": label.message });
        }
        let related: Vec<Value> = d
            .labels
            .iter()
            .filter(|label| !label.primary)
            .enumerate()
            .map(|(id, label)| {
                json!({
                    "id": id,
                    "message": { "text": label.message },
                    "physicalLocation": location(file, label.span),
                })
            })
            .collect();
        let mut result = json!({
            "ruleId": d.code,
            "level": level(d.severity),
            "message": { "text": d.message },
            "locations": [primary_location],
        });
        if let Some(&index) = self.index.get(d.code.as_str()) {
            result["ruleIndex"] = json!(index);
        }
        if !related.is_empty() {
            result["relatedLocations"] = Value::Array(related);
        }
        let mut properties = json!({ "name": d.name });
        if let Some(help) = &d.help {
            properties["help"] = json!(help);
        }
        if let Some(note) = &d.note {
            properties["note"] = json!(note);
        }
        result["properties"] = properties;
        result
    }
}

impl Printer for Sarif {
    fn file(&self, outcome: &FileOutcome<'_>, out: &mut Vec<u8>) -> io::Result<()> {
        let FileOutcome::Checked(file) = outcome else {
            // Reported as a notification by `finish`.
            return Ok(());
        };
        // Written with their final indentation, inside `"results": [`.
        for (i, d) in file.report.diagnostics.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(b",\n        ");
            }
            write_pretty(&mut *out, &self.result(file, d), 4)?;
        }
        Ok(())
    }

    fn finish(&self, out: &mut dyn Write, run: &Run<'_>) -> io::Result<()> {
        let rules: Vec<Value> = self
            .rules
            .iter()
            .map(|rule| {
                json!({
                    "id": rule.code,
                    "name": rule.name,
                    "shortDescription": { "text": crate::rules::summary(rule.explanation) },
                    "help": { "text": rule.explanation, "markdown": rule.explanation },
                    "defaultConfiguration": { "level": level(rule.severity) },
                })
            })
            .collect();
        let notifications: Vec<Value> = run
            .errors
            .iter()
            .map(|error| {
                json!({
                    "level": "error",
                    "descriptor": { "id": error.kind },
                    "message": { "text": error.message },
                    "locations": [{
                        "physicalLocation": { "artifactLocation": { "uri": uri(&error.path) } }
                    }],
                })
            })
            .collect();
        let tool = json!({
            "driver": {
                "name": Tool::CURRENT.name,
                "version": Tool::CURRENT.version,
                "rules": rules,
            }
        });
        let invocations = json!([{
            "executionSuccessful": run.errors.is_empty(),
            "toolExecutionNotifications": notifications,
        }]);

        writeln!(out, "{{")?;
        writeln!(
            out,
            "  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\","
        )?;
        writeln!(out, "  \"version\": \"2.1.0\",")?;
        writeln!(out, "  \"runs\": [")?;
        writeln!(out, "    {{")?;
        write!(out, "      \"tool\": ")?;
        write_pretty(&mut *out, &tool, 3)?;
        writeln!(out, ",")?;
        write!(out, "      \"invocations\": ")?;
        write_pretty(&mut *out, &invocations, 3)?;
        writeln!(out, ",")?;
        writeln!(out, "      \"columnKind\": \"unicodeCodePoints\",")?;
        write!(out, "      \"results\": [")?;
        let mut first = true;
        for buffer in run.buffers.iter().filter(|buffer| !buffer.is_empty()) {
            out.write_all(if first { b"\n        " } else { b",\n        " })?;
            out.write_all(buffer)?;
            first = false;
        }
        if !first {
            write!(out, "\n      ")?;
        }
        writeln!(out, "]")?;
        writeln!(out, "    }}")?;
        writeln!(out, "  ]")?;
        writeln!(out, "}}")
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn location(file: &CheckedFile<'_>, span: Span) -> Value {
    let (start, end) = positions(file, span);
    json!({
        "artifactLocation": { "uri": uri(file.source.name()) },
        "region": {
            "startLine": start.line,
            "startColumn": start.column,
            "endLine": end.line,
            "endColumn": end.column,
            "byteOffset": span.start,
            "byteLength": span.end.saturating_sub(span.start),
        }
    })
}

/// A path as a relative URI reference: every byte outside the unreserved
/// set and `/` is percent-encoded (spaces, `:`, `#`, non-ASCII).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &byte in path.as_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_percent_encode_reserved_and_non_ascii_bytes() {
        assert_eq!(uri("seeds/a-b_c.txt"), "seeds/a-b_c.txt");
        assert_eq!(uri("my dir/é:1#.md"), "my%20dir/%C3%A9%3A1%23.md");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
    }
}
