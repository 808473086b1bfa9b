//! The registry: every rule and its code. The only place codes are mapped.

use super::data::builtin_data_rules;
use super::{DataRule, Rule};
use crate::diagnostic::Severity;

/// Declares the rules written in Rust, one `module::Struct` per line, in
/// code order.
macro_rules! declare_all_rules {
    ($($module:ident :: $rule:ident),* $(,)?) => {
        /// Every rule written in Rust, in code order.
        pub fn code_rules() -> Vec<Box<dyn Rule>> {
            vec![$(Box::new(super::$module::$rule)),*]
        }
    };
}

declare_all_rules! {
    quote_mismatch::QuoteMismatch,
    paraphrase_drift::ParaphraseDrift,
    unsourced_claim::UnsourcedClaim,
    anonymous_source::AnonymousSource,
    secondhand_source::SecondhandSource,
    headline_unsupported::HeadlineUnsupported,
    name_spelling::NameSpelling,
    weekday_mismatch::WeekdayMismatch,
    unbalanced_quote::UnbalancedQuote,
    quote_without_speaker::QuoteWithoutSpeaker,
    post_attribution_mismatch::PostAttributionMismatch,
}

/// Every code allocated to a rule, written or still to be written, with its
/// name and default severity. A rule registered under one of these codes
/// must carry this name and severity (the registry test checks it), so
/// codes stay stable across the people writing rules.
pub const ALLOCATED: &[(&str, &str, Severity)] = &[
    ("AC001", "quote-mismatch", Severity::Error),
    ("AC002", "paraphrase-drift", Severity::Warning),
    ("AC003", "unsourced-claim", Severity::Warning),
    ("AC004", "anonymous-source", Severity::Info),
    ("AC005", "secondhand-source", Severity::Info),
    ("AC006", "headline-unsupported", Severity::Warning),
    ("AC007", "name-spelling", Severity::Warning),
    ("AC008", "weekday-mismatch", Severity::Error),
    ("AC009", "unbalanced-quote", Severity::Error),
    ("AC010", "quote-without-speaker", Severity::Warning),
    ("AC011", "post-attribution-mismatch", Severity::Warning),
    ("AC101", "vague-attribution", Severity::Warning),
    ("AC102", "loaded-cue", Severity::Warning),
];

/// Every built-in rule (code rules and the data rules of `rules/*.json`),
/// in code order.
pub fn registry() -> Vec<Box<dyn Rule>> {
    registry_with(&[])
}

/// The built-in rules plus a team's data rules (from
/// [`super::load_rules_dir`]); a team rule with the code of a built-in data
/// rule replaces it. In code order.
pub fn registry_with(extra: &[&'static DataRule]) -> Vec<Box<dyn Rule>> {
    let mut rules = code_rules();
    for &builtin in builtin_data_rules() {
        if !extra.iter().any(|e| e.code() == builtin.code()) {
            rules.push(Box::new(builtin));
        }
    }
    for &rule in extra {
        rules.push(Box::new(rule));
    }
    rules.sort_by_key(|r| r.meta().code);
    rules
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{docs, explanation_problems, RuleKind};
    use std::collections::HashSet;
    use std::path::Path;

    fn is_kebab(name: &str) -> bool {
        !name.is_empty()
            && name.split('-').all(|part| {
                !part.is_empty()
                    && part.starts_with(|c: char| c.is_ascii_lowercase())
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            })
    }

    #[test]
    fn registry_is_consistent() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut problems = Vec::new();
        let mut codes = HashSet::new();
        let mut names = HashSet::new();
        let rules = registry();
        assert!(!rules.is_empty());
        for rule in &rules {
            let meta = rule.meta();
            let (code, name) = (meta.code, meta.name);
            let mut problem = |p: String| problems.push(format!("{code} {name}: {p}"));
            if !codes.insert(code) {
                problem("code used twice".into());
            }
            if !names.insert(name) {
                problem("name used twice".into());
            }
            let digits_ok = code.len() == 5
                && code.starts_with("AC")
                && code[2..].chars().all(|c| c.is_ascii_digit());
            let range_ok = match meta.kind {
                RuleKind::Code => code.starts_with("AC0"),
                RuleKind::Data => code.starts_with("AC1"),
            };
            if !digits_ok || !range_ok {
                problem("code must be `AC0xx` for code rules, `AC1xx` for data rules".into());
            }
            if !is_kebab(name) {
                problem("name must be kebab-case".into());
            }
            if ["no-", "require-", "missing-"]
                .iter()
                .any(|p| name.starts_with(p))
            {
                problem("name must name the pattern flagged, without no-/require-/missing-".into());
            }
            match ALLOCATED.iter().find(|(c, _, _)| *c == code) {
                Some(&(_, n, s)) if n != name || s != meta.severity => problem(format!(
                    "code is allocated to `{n}` ({s}), not `{name}` ({})",
                    meta.severity
                )),
                Some(_) => {}
                None => problem("code is not in ALLOCATED".into()),
            }
            for p in explanation_problems(meta.explanation) {
                problem(p);
            }
            let fixtures = root.join("fixtures/rules").join(code);
            let files: Vec<String> = std::fs::read_dir(&fixtures)
                .map(|d| {
                    d.filter_map(|e| e.ok())
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .collect()
                })
                .unwrap_or_default();
            for prefix in ["fail_", "pass_"] {
                if !files
                    .iter()
                    .any(|f| f.starts_with(prefix) && f.ends_with(".txt"))
                {
                    problem(format!("no fixtures/rules/{code}/{prefix}*.txt"));
                }
            }
            let page = root.join("docs/rules").join(format!("{name}.md"));
            match std::fs::read_to_string(&page) {
                Err(_) => problem(format!("no docs/rules/{name}.md")),
                Ok(text) => {
                    if std::env::var_os("ATTRCHECK_UPDATE_DOCS").is_none()
                        && text != docs::rule_page(rule.as_ref())
                    {
                        problem(format!(
                            "docs/rules/{name}.md is out of date; run `ATTRCHECK_UPDATE_DOCS=1 cargo test`"
                        ));
                    }
                }
            }
        }
        assert!(
            problems.is_empty(),
            "registry problems:\n{}",
            problems.join("\n")
        );
    }

    #[test]
    fn registry_is_in_code_order() {
        let codes: Vec<_> = registry().iter().map(|r| r.meta().code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        assert_eq!(codes, sorted);
        assert!(codes.contains(&"AC009") && codes.contains(&"AC101"));
    }
}
