//! Rule documentation output: `--list-rules` (a table, or JSON) and
//! `--explain` (the rule's documentation as `# name (CODE)` + Markdown, or
//! JSON). The rules module decides what to show; this module only renders.

use super::json::JSON_VERSION;
use crate::rules::{Explanation, RuleSummary};
use serde::Serialize;
use std::io::{self, Write};

/// Writes the rules as a table: code, name, default severity, kind, summary.
pub fn write_list(out: &mut dyn Write, rules: &[RuleSummary]) -> io::Result<()> {
    if rules.is_empty() {
        return writeln!(out, "no rules are registered");
    }
    let name_width = rules.iter().map(|rule| rule.name.len()).max().unwrap_or(0);
    let code_width = rules.iter().map(|rule| rule.code.len()).max().unwrap_or(0);
    writeln!(
        out,
        "{:code_width$}  {:name_width$}  {:8}  {:4}  summary",
        "code", "name", "severity", "kind"
    )?;
    for rule in rules {
        writeln!(
            out,
            "{:code_width$}  {:name_width$}  {:8}  {:4}  {}",
            rule.code,
            rule.name,
            rule.severity.to_string(),
            rule.kind.to_string(),
            rule.summary
        )?;
    }
    Ok(())
}

/// Writes the rules as JSON: `{"version": 1, "rules": [...]}`.
pub fn write_list_json(out: &mut dyn Write, rules: &[RuleSummary]) -> io::Result<()> {
    #[derive(Serialize)]
    struct List<'a> {
        version: u32,
        rules: &'a [RuleSummary],
    }
    serde_json::to_writer_pretty(
        &mut *out,
        &List {
            version: JSON_VERSION,
            rules,
        },
    )?;
    writeln!(out)
}

/// Writes a rule's documentation: `# name (CODE)`, its default severity and
/// kind, then its explanation.
pub fn write_explain(out: &mut dyn Write, rule: &Explanation) -> io::Result<()> {
    writeln!(out, "# {} ({})", rule.name, rule.code)?;
    writeln!(out)?;
    writeln!(
        out,
        "Default severity: {}. Kind: {} rule.",
        rule.severity, rule.kind
    )?;
    let explanation = rule.explanation.trim();
    if !explanation.is_empty() {
        writeln!(out)?;
        writeln!(out, "{explanation}")?;
    }
    Ok(())
}

/// Writes a rule's documentation as JSON: `{"version": 1, "rule": {...}}`.
pub fn write_explain_json(out: &mut dyn Write, rule: &Explanation) -> io::Result<()> {
    #[derive(Serialize)]
    struct Explain<'a> {
        version: u32,
        rule: &'a Explanation,
    }
    serde_json::to_writer_pretty(
        &mut *out,
        &Explain {
            version: JSON_VERSION,
            rule,
        },
    )?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{explain, list_rules, registry};

    #[test]
    fn list_and_explain_render_the_metadata() {
        let rules = registry();
        let list = list_rules(&rules);
        let mut out = Vec::new();
        write_list(&mut out, &list).unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut lines = text.lines();
        assert!(lines.next().unwrap().starts_with("code "));
        let ac009 = text.lines().find(|l| l.starts_with("AC009")).unwrap();
        assert!(ac009.contains("unbalanced-quote"), "{ac009}");
        assert!(ac009.contains("error"), "{ac009}");

        let explanation = explain(&rules, "unbalanced-quote").unwrap();
        let mut out = Vec::new();
        write_explain(&mut out, &explanation).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with(
                "# unbalanced-quote (AC009)\n\nDefault severity: error. Kind: code rule.\n\n## What it does\n"
            ),
            "{text}"
        );

        let mut out = Vec::new();
        write_explain_json(&mut out, &explanation).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["version"], 1);
        assert_eq!(value["rule"]["code"], "AC009");
        assert_eq!(value["rule"]["severity"], "error");
    }
}
