//! Helpers shared by the integration tests that check rules on articles.

#![allow(dead_code)] // each test crate uses its own subset

use attrcheck::diagnostic::Diagnostic;
use attrcheck::rules::{registry, select};
use attrcheck::source::SourceFile;
use attrcheck::{check_file, Settings};
use std::path::Path;

/// The seed article's text.
pub fn seed() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join("seeds/unn-2021-12-31-biden-zelensky.txt")).unwrap()
}

/// The findings of the rules `codes` (codes or names) on `text`.
pub fn check(name: &str, text: &str, codes: &[&str]) -> Vec<Diagnostic> {
    let source = SourceFile::new(name, text).unwrap();
    let settings = Settings {
        lexicon: attrcheck::lexicon::Lexicon::builtin(),
        rules: select(registry(), codes, &[]).unwrap(),
        ..Settings::default()
    };
    check_file(&source, &settings).diagnostics
}

/// The byte span of the `nth` (0-based) occurrence of `needle`.
pub fn nth(text: &str, needle: &str, n: usize) -> (u32, u32) {
    let start = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("{needle} #{n}"))
        .0;
    (start as u32, (start + needle.len()) as u32)
}

/// Findings as (code, span, message), in report order.
pub fn summary(found: &[Diagnostic]) -> Vec<(&str, (u32, u32), &str)> {
    found
        .iter()
        .map(|d| {
            (
                d.code.as_str(),
                (d.span.start, d.span.end),
                d.message.as_str(),
            )
        })
        .collect()
}
