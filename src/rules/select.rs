//! Choosing, listing and explaining rules by code or name: the library
//! side of `--select`, `--ignore`, `--list-rules` and `--explain`.

use super::{summary, Rule, RuleKind};
use crate::diagnostic::Severity;
use serde::Serialize;

/// A code or name that matches no rule.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, miette::Diagnostic)]
#[error("unknown rule `{query}`{}", option.map(|o| format!(" in `{o}`")).unwrap_or_default())]
#[diagnostic(code(attrcheck::unknown_rule))]
pub struct UnknownRule {
    /// What was asked for.
    pub query: String,
    /// The option it was given to (`--select`), when known.
    pub option: Option<&'static str>,
    /// The closest rule, as `(code, name)`, when one is close enough.
    pub suggestion: Option<(String, String)>,
    #[help]
    help: String,
}

impl UnknownRule {
    fn new(query: &str, rules: &[Box<dyn Rule>]) -> Self {
        let wanted = query.to_ascii_lowercase();
        let best = rules
            .iter()
            .map(|r| r.meta())
            .flat_map(|m| {
                [(m.code, true), (m.name, false)].map(|(key, is_code)| {
                    let score = strsim::jaro_winkler(&wanted, &key.to_ascii_lowercase());
                    (score, is_code, m)
                })
            })
            .filter(|(score, _, _)| *score >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        // Suggest in the form that was typed: a code for a code, a name for a name.
        let help = match best {
            Some((_, true, m)) => format!("did you mean `{}` ({})?", m.code, m.name),
            Some((_, false, m)) => format!("did you mean `{}` ({})?", m.name, m.code),
            None => "run `attrcheck --list-rules` to see every rule".to_string(),
        };
        let suggestion = best.map(|(_, _, m)| (m.code.to_string(), m.name.to_string()));
        UnknownRule {
            query: query.to_string(),
            option: None,
            suggestion,
            help,
        }
    }
}

impl UnknownRule {
    /// The same error, naming the option the query was given to.
    pub fn in_option(mut self, option: &'static str) -> Self {
        self.option = Some(option);
        self
    }
}

/// The rule whose code or name is `query` (case-insensitive).
pub fn find_rule<'r>(rules: &'r [Box<dyn Rule>], query: &str) -> Result<&'r dyn Rule, UnknownRule> {
    let query = query.trim();
    rules
        .iter()
        .find(|r| {
            let m = r.meta();
            m.code.eq_ignore_ascii_case(query) || m.name.eq_ignore_ascii_case(query)
        })
        .map(|r| r.as_ref())
        .ok_or_else(|| UnknownRule::new(query, rules))
}

/// Keeps the rules named in `select` (all when it is empty), minus those in
/// `ignore`. Codes and names are accepted, case-insensitively; an unknown
/// one is an error with a suggestion.
pub fn select<S: AsRef<str>>(
    rules: Vec<Box<dyn Rule>>,
    select: &[S],
    ignore: &[S],
) -> Result<Vec<Box<dyn Rule>>, UnknownRule> {
    let codes = |queries: &[S], option| -> Result<Vec<&'static str>, UnknownRule> {
        queries
            .iter()
            .filter(|q| !q.as_ref().trim().is_empty())
            .map(|q| {
                find_rule(&rules, q.as_ref())
                    .map(|r| r.meta().code)
                    .map_err(|e| e.in_option(option))
            })
            .collect()
    };
    let selected = codes(select, "--select")?;
    let ignored = codes(ignore, "--ignore")?;
    Ok(rules
        .into_iter()
        .filter(|r| {
            let code = r.meta().code;
            (selected.is_empty() || selected.contains(&code)) && !ignored.contains(&code)
        })
        .collect())
}

/// One line of `--list-rules`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleSummary {
    /// Stable code.
    pub code: &'static str,
    /// Kebab-case name.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Code rule or data rule.
    pub kind: RuleKind,
    /// The first sentence of "What it does".
    pub summary: String,
}

/// The rules as `--list-rules` shows them, in the given order.
pub fn list_rules(rules: &[Box<dyn Rule>]) -> Vec<RuleSummary> {
    rules
        .iter()
        .map(|r| {
            let m = r.meta();
            RuleSummary {
                code: m.code,
                name: m.name,
                severity: m.severity,
                kind: m.kind,
                summary: summary(m.explanation),
            }
        })
        .collect()
}

/// A rule's documentation, as `--explain` prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// Stable code.
    pub code: &'static str,
    /// Kebab-case name.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Code rule or data rule.
    pub kind: RuleKind,
    /// The first sentence of "What it does".
    pub summary: String,
    /// The full documentation, Markdown.
    pub explanation: &'static str,
}

/// The documentation of the rule whose code or name is `query`.
pub fn explain(rules: &[Box<dyn Rule>], query: &str) -> Result<Explanation, UnknownRule> {
    let m = find_rule(rules, query)?.meta();
    Ok(Explanation {
        code: m.code,
        name: m.name,
        severity: m.severity,
        kind: m.kind,
        summary: summary(m.explanation),
        explanation: m.explanation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::registry;

    fn codes(rules: &[Box<dyn Rule>]) -> Vec<&'static str> {
        rules.iter().map(|r| r.meta().code).collect()
    }

    #[test]
    fn selects_by_code_or_name_and_ignores() {
        let picked = select(registry(), &["ac009", "vague-attribution"], &[]).unwrap();
        assert_eq!(codes(&picked), ["AC009", "AC101"]);
        let rest = select(registry(), &[] as &[&str], &["AC101", "Unbalanced-Quote"]).unwrap();
        assert!(!codes(&rest).contains(&"AC101"));
        assert!(!codes(&rest).contains(&"AC009"));
        assert_eq!(rest.len(), registry().len() - 2);
        let none = select(registry(), &["AC009"], &["unbalanced-quote"]).unwrap();
        assert!(none.is_empty());
    }

    #[test]
    fn unknown_rules_suggest_the_closest() {
        let err = select(registry(), &["vague-atribution"], &[])
            .err()
            .unwrap();
        assert_eq!(
            err.to_string(),
            "unknown rule `vague-atribution` in `--select`"
        );
        assert_eq!(
            err.suggestion,
            Some(("AC101".to_string(), "vague-attribution".to_string()))
        );
        assert_eq!(
            miette::Diagnostic::help(&err).unwrap().to_string(),
            "did you mean `vague-attribution` (AC101)?"
        );
        let err = select(registry(), &[] as &[&str], &["zzzz"]).err().unwrap();
        assert_eq!(err.suggestion, None);
        assert_eq!(
            miette::Diagnostic::help(&err).unwrap().to_string(),
            "run `attrcheck --list-rules` to see every rule"
        );
    }

    #[test]
    fn lists_and_explains() {
        let rules = registry();
        let list = list_rules(&rules);
        let quote = list.iter().find(|r| r.code == "AC009").unwrap();
        assert_eq!(quote.name, "unbalanced-quote");
        assert_eq!(quote.kind, RuleKind::Code);
        assert!(quote.summary.starts_with("Flags"), "{}", quote.summary);
        let e = explain(&rules, "AC009").unwrap();
        assert!(e.explanation.starts_with("## What it does\n"));
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["code"], "AC009");
        assert_eq!(json["severity"], "error");
        assert_eq!(json["kind"], "code");
        assert_eq!(
            explain(&rules, "vague-attribution").unwrap().kind,
            RuleKind::Data
        );
        assert!(explain(&rules, "AC999").is_err());
    }
}
