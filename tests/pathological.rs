//! The whole pipeline on pathological inputs (one giant paragraph, only
//! quote marks, thousands of unclosed quotations, giant tokens, …): every
//! input finishes and yields well-formed results.
//!
//! The inputs are shared with the benchmarks (`benches/support`). Here they
//! are small enough for a debug build; `benches/scaling.sh` checks by
//! instruction counts that doubling each input doubles the work.

#[path = "../benches/support/mod.rs"]
mod support;

use attrcheck::source::SourceFile;

/// Checks that every span of the report lies in the text on char boundaries
/// and that diagnostics are sorted.
fn well_formed(name: &str, text: &str, report: &attrcheck::FileReport) {
    let ok = |span: attrcheck::source::Span| {
        span.start <= span.end
            && text.is_char_boundary(span.start as usize)
            && text.is_char_boundary(span.end as usize)
            && (span.end as usize) <= text.len()
    };
    let a = &report.article;
    assert!(a.tokens.iter().all(|t| ok(t.span)), "{name}: token span");
    assert!(
        a.sentences.iter().all(|s| ok(s.span)),
        "{name}: sentence span"
    );
    assert!(a.quotes.iter().all(|q| ok(q.span)), "{name}: quote span");
    assert!(a.blocks.iter().all(|b| ok(b.span)), "{name}: block span");
    for d in &report.diagnostics {
        assert!(ok(d.span), "{name}: {} span {:?}", d.code.as_str(), d.span);
        assert!(d.labels.iter().all(|l| ok(l.span)), "{name}: label span");
    }
    assert!(
        report
            .diagnostics
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start),
        "{name}: diagnostics out of order"
    );
}

#[test]
fn pathological_inputs_run_through_check_file() {
    let settings = attrcheck::Settings::default();
    for name in support::PATHOLOGICAL {
        let text = support::pathological(name, 24 << 10);
        let source = SourceFile::new(format!("{name}.txt"), text.as_str()).expect("small");
        let report = attrcheck::check_file(&source, &settings);
        well_formed(name, &text, &report);
        assert!(
            !report.article.tokens.is_empty() || text.trim().is_empty(),
            "{name}"
        );
    }
}

#[test]
fn pathological_inputs_build_what_they_stress() {
    let settings = attrcheck::Settings::default();
    // A short input of each kind parses to the constructs it is meant to stress.
    let text = support::pathological("many-quotes", 600);
    let source = SourceFile::new("q.txt", text.as_str()).expect("small");
    let report = attrcheck::check_file(&source, &settings);
    // Each unit opens with a curly quotation, which always pairs.
    let units = text.matches('“').count();
    let curly = report
        .article
        .quotes
        .iter()
        .filter(|q| q.style == attrcheck::parse::QuoteStyle::CurlyDouble && q.closed)
        .count();
    assert_eq!(units, 10);
    assert_eq!(curly, units);
    let text = support::pathological("only-newlines", 1000);
    let source = SourceFile::new("n.txt", text.as_str()).expect("small");
    assert!(attrcheck::check_file(&source, &settings)
        .article
        .blocks
        .is_empty());
}
