//! Per-rule fixtures (ruff style): each `fixtures/rules/<CODE>/*.txt` runs
//! through `check_file` with only that rule enabled, and a structured dump
//! of its findings plus their rendering as users see it (the human printer,
//! no colour, 80 columns) is snapshotted. `fail_*` files must trigger the rule,
//! `pass_*` files must not. A fixture `<name>.txt` may come with source
//! documents `<name>.source.txt`, `<name>.source-2.txt`, …, given to the run
//! as `--source` files are. Also keeps `docs/rules/` in sync with the rules.

use attrcheck::diagnostic::Diagnostic;
use attrcheck::printer::{CheckedFile, Human};
use attrcheck::rules::{docs, find_rule, registry, Rule, Sources};
use attrcheck::source::{LineIndex, SourceFile};
use attrcheck::{check_file, Settings};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `“text”`, cut to 60 chars, newlines shown as `⏎`.
fn quoted(text: &str) -> String {
    let flat = text.replace('\n', "⏎");
    let cut: String = flat.chars().take(60).collect();
    if cut.len() < flat.len() {
        format!("“{cut}…”")
    } else {
        format!("“{cut}”")
    }
}

/// A structured, line-oriented dump of the findings.
fn dump(text: &str, diagnostics: &[Diagnostic]) -> String {
    let index = LineIndex::new(text);
    let mut out = String::new();
    if diagnostics.is_empty() {
        out.push_str("no findings\n");
    }
    for d in diagnostics {
        let pos = index.position(text, d.span.start);
        let _ = writeln!(
            out,
            "{} {} {} at {}:{} [{}..{}] {}",
            d.code,
            d.name,
            d.severity,
            pos.line,
            pos.column,
            d.span.start,
            d.span.end,
            quoted(d.span.text(text))
        );
        let _ = writeln!(out, "  message: {}", d.message);
        for label in &d.labels {
            let kind = if label.primary { "primary" } else { "label" };
            let _ = writeln!(
                out,
                "  {kind}: {} {} — {}",
                format_args!("[{}..{}]", label.span.start, label.span.end),
                quoted(label.span.text(text)),
                label.message
            );
        }
        if let Some(help) = &d.help {
            let _ = writeln!(out, "  help: {help}");
        }
        if let Some(note) = &d.note {
            let _ = writeln!(out, "  note: {note}");
        }
        if let Some(fix) = &d.fix {
            let _ = writeln!(
                out,
                "  fix: [{}..{}] {} → {}",
                fix.span.start,
                fix.span.end,
                quoted(fix.span.text(text)),
                quoted(&fix.replacement)
            );
        }
    }
    out
}

/// The findings as the terminal shows them: miette, no colour, 80 columns.
fn rendered(source: &SourceFile, report: &attrcheck::FileReport) -> String {
    if report.diagnostics.is_empty() {
        return String::new();
    }
    let lines = LineIndex::new(source.text());
    let file = CheckedFile {
        source,
        lines: &lines,
        report,
    };
    let human = Human::new(false, 80, false, true);
    let mut out = String::from("\n--- rendered ---\n");
    for d in &report.diagnostics {
        out.push_str(&human.render(&file, d));
    }
    out
}

/// Whether a fixture file is a source document of another fixture.
fn is_source_document(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().contains(".source"))
}

/// The source documents of fixture `path` (`<name>.source*.txt`), in name
/// order, as the CLI's `--source` reads them.
fn source_documents(path: &Path) -> Vec<SourceFile> {
    let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
    let dir = path.parent().unwrap();
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(&format!("{stem}.source")) && name.ends_with(".txt")
        })
        .collect();
    found.sort();
    found
        .into_iter()
        .map(|p| {
            let name = p
                .strip_prefix(root())
                .unwrap_or(&p)
                .to_string_lossy()
                .into_owned();
            SourceFile::new(name, std::fs::read_to_string(&p).unwrap()).unwrap()
        })
        .collect()
}

fn fixtures() -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    for dir in std::fs::read_dir(root().join("fixtures/rules")).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let code = dir.file_name().unwrap().to_string_lossy().into_owned();
        for file in std::fs::read_dir(&dir).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|x| x == "txt") && !is_source_document(&file) {
                files.push((code.clone(), file));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn rule_fixtures() {
    let all = registry();
    let mut problems = Vec::new();
    let mut count = 0;
    for (code, path) in fixtures() {
        count += 1;
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let Ok(rule) = find_rule(&all, &code) else {
            problems.push(format!("fixtures/rules/{code}: no rule with this code"));
            continue;
        };
        let rule: Box<dyn Rule> = registry()
            .into_iter()
            .find(|r| r.meta().code == rule.meta().code)
            .unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let source =
            SourceFile::new(format!("fixtures/rules/{code}/{file}"), text.clone()).unwrap();
        let lexicon = attrcheck::lexicon::Lexicon::builtin();
        let settings = Settings {
            lexicon,
            rules: vec![rule],
            sources: Sources::new(source_documents(&path), &lexicon.equivalents),
        };
        let report = check_file(&source, &settings);
        let findings: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == code)
            .collect();
        assert_eq!(findings.len(), report.diagnostics.len(), "only {code} runs");
        for d in &report.diagnostics {
            assert!(
                text.is_char_boundary(d.span.start as usize)
                    && text.is_char_boundary(d.span.end as usize)
                    && d.span.end as usize <= text.len(),
                "{file}: span off char boundaries"
            );
        }
        if file.starts_with("fail_") && findings.is_empty() {
            problems.push(format!("{code}/{file}: expected findings, found none"));
        }
        if file.starts_with("pass_") && !findings.is_empty() {
            problems.push(format!(
                "{code}/{file}: expected no findings, found:\n{}",
                dump(&text, &report.diagnostics)
            ));
        }
        let mut snapshot = dump(&text, &report.diagnostics);
        snapshot.push_str(&rendered(&source, &report));
        insta::assert_snapshot!(
            format!("{code}_{}", file.trim_end_matches(".txt")),
            snapshot
        );
    }
    assert!(count >= 10, "only {count} fixtures");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `docs/rules/<name>.md` and `docs/rules/README.md` match the rules.
/// `ATTRCHECK_UPDATE_DOCS=1 cargo test` rewrites them.
#[test]
fn rule_docs_are_up_to_date() {
    let update = std::env::var_os("ATTRCHECK_UPDATE_DOCS").is_some();
    let dir = root().join("docs/rules");
    let rules = registry();
    let mut pages = vec![("README.md".to_string(), docs::index_page(&rules))];
    for rule in &rules {
        pages.push((
            format!("{}.md", rule.meta().name),
            docs::rule_page(rule.as_ref()),
        ));
    }
    let mut stale = Vec::new();
    for (name, want) in &pages {
        let path = dir.join(name);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, want).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(want.as_str()) {
            stale.push(name.clone());
        }
    }
    // No page for a rule that no longer exists.
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".md") && !pages.iter().any(|(p, _)| *p == name) {
            stale.push(format!("{name} (no such rule)"));
        }
    }
    assert!(
        stale.is_empty(),
        "out of date in docs/rules: {}; run `{}`",
        stale.join(", "),
        docs::REGENERATE
    );
}

#[test]
fn seed_article_has_no_loaded_cue_and_no_unbalanced_quote() {
    let text =
        std::fs::read_to_string(root().join("seeds/unn-2021-12-31-biden-zelensky.txt")).unwrap();
    let source = SourceFile::new("seed.txt", text).unwrap();
    let rules = attrcheck::rules::select(registry(), &["AC009", "AC102"], &[]).unwrap();
    let settings = Settings {
        lexicon: attrcheck::lexicon::Lexicon::builtin(),
        rules,
        ..Settings::default()
    };
    let report = check_file(&source, &settings);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Every rule runs on any text without panicking, and every span it
        /// reports lies on char boundaries inside the text.
        #[test]
        fn rules_are_total(text in "(\\PC|[“”\"'’«» ,.:;\\n-]|experts say|admitted that|Anthony Blinken){0,60}") {
            let source = SourceFile::new("prop.txt", text.clone()).unwrap();
            let report = check_file(&source, &Settings::default());
            for d in &report.diagnostics {
                let spans = std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span));
                for span in spans {
                    prop_assert!(span.start <= span.end && span.end as usize <= text.len());
                    prop_assert!(text.is_char_boundary(span.start as usize));
                    prop_assert!(text.is_char_boundary(span.end as usize));
                }
            }
        }
    }
}
