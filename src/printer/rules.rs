//! Rule documentation output: `--list-rules` (a table, or JSON) and
//! `--explain` (the rule's documentation as `# name (CODE)` + Markdown, or
//! JSON).

use super::json::JSON_VERSION;
use crate::diagnostic::Severity;
use crate::rules::RuleMeta;
use serde::Serialize;
use std::io::{self, Write};

/// The first paragraph of a rule's documentation that is not a heading: what
/// the rule does, in one line.
pub fn summary(explanation: &str) -> String {
    explanation
        .lines()
        .map(str::trim)
        .skip_while(|line| line.is_empty() || line.starts_with('#'))
        .take_while(|line| !line.is_empty() && !line.starts_with('#'))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A rule as the JSON outputs describe it.
#[derive(Serialize)]
struct JsonRule<'a> {
    code: &'a str,
    name: &'a str,
    severity: Severity,
    summary: String,
    explanation: &'a str,
}

impl<'a> From<&'a RuleMeta> for JsonRule<'a> {
    fn from(rule: &'a RuleMeta) -> Self {
        JsonRule {
            code: rule.code,
            name: rule.name,
            severity: rule.severity,
            summary: summary(rule.explanation),
            explanation: rule.explanation.trim(),
        }
    }
}

/// Writes the rules as a table: code, name, default severity, summary.
pub fn write_list(out: &mut dyn Write, rules: &[RuleMeta]) -> io::Result<()> {
    if rules.is_empty() {
        return writeln!(out, "no rules are registered");
    }
    let name_width = rules.iter().map(|rule| rule.name.len()).max().unwrap_or(0);
    let code_width = rules.iter().map(|rule| rule.code.len()).max().unwrap_or(0);
    writeln!(
        out,
        "{:code_width$}  {:name_width$}  {:8}  summary",
        "code", "name", "severity"
    )?;
    for rule in rules {
        writeln!(
            out,
            "{:code_width$}  {:name_width$}  {:8}  {}",
            rule.code,
            rule.name,
            rule.severity.to_string(),
            summary(rule.explanation)
        )?;
    }
    Ok(())
}

/// Writes the rules as JSON: `{"version": 1, "rules": [...]}`.
pub fn write_list_json(out: &mut dyn Write, rules: &[RuleMeta]) -> io::Result<()> {
    #[derive(Serialize)]
    struct List<'a> {
        version: u32,
        rules: Vec<JsonRule<'a>>,
    }
    let list = List {
        version: JSON_VERSION,
        rules: rules.iter().map(JsonRule::from).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)
}

/// Writes a rule's documentation: `# name (CODE)`, its default severity and
/// its explanation.
pub fn write_explain(out: &mut dyn Write, rule: &RuleMeta) -> io::Result<()> {
    writeln!(out, "# {} ({})", rule.name, rule.code)?;
    writeln!(out)?;
    writeln!(out, "Default severity: {}.", rule.severity)?;
    let explanation = rule.explanation.trim();
    if !explanation.is_empty() {
        writeln!(out)?;
        writeln!(out, "{explanation}")?;
    }
    Ok(())
}

/// Writes a rule's documentation as JSON: `{"version": 1, "rule": {...}}`.
pub fn write_explain_json(out: &mut dyn Write, rule: &RuleMeta) -> io::Result<()> {
    #[derive(Serialize)]
    struct Explain<'a> {
        version: u32,
        rule: JsonRule<'a>,
    }
    let explain = Explain {
        version: JSON_VERSION,
        rule: JsonRule::from(rule),
    };
    serde_json::to_writer_pretty(&mut *out, &explain)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: RuleMeta = RuleMeta {
        code: "AC010",
        name: "unbalanced-quote",
        severity: Severity::Error,
        explanation: "## What it does\nFlags an opening quotation mark\nthat is never closed.\n\n## Why is this bad?\nReaders cannot tell where the quote ends.\n",
    };

    #[test]
    fn summary_is_the_first_paragraph_on_one_line() {
        assert_eq!(
            summary(RULE.explanation),
            "Flags an opening quotation mark that is never closed."
        );
        assert_eq!(summary(""), "");
    }

    #[test]
    fn list_and_explain_render_the_metadata() {
        let mut out = Vec::new();
        write_list(&mut out, &[RULE]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "code   name              severity  summary\n\
             AC010  unbalanced-quote  error     Flags an opening quotation mark that is never closed.\n"
        );
        let mut out = Vec::new();
        write_explain(&mut out, &RULE).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with(
            "# unbalanced-quote (AC010)\n\nDefault severity: error.\n\n## What it does\n"
        ));
        let mut out = Vec::new();
        write_explain_json(&mut out, &RULE).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["version"], 1);
        assert_eq!(value["rule"]["code"], "AC010");
        assert_eq!(value["rule"]["severity"], "error");
    }
}
