//! `quote-mismatch` (AC001) and `paraphrase-drift` (AC002) end to end: the
//! seed article's expected findings (codes, spans, the words in the
//! messages) and their human rendering (no-colour theme, width 80), and a
//! quotation compared with a source document. The fixtures of both rules
//! run in `tests/rules.rs`.

use attrcheck::diagnostic::{Diagnostic, Severity};
use attrcheck::printer::{CheckedFile, Human};
use attrcheck::rules::{registry, select, Sources};
use attrcheck::source::{LineIndex, SourceFile};
use attrcheck::{check_file, FileReport, Settings};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Checks `text` with `codes` only, comparing with `sources`.
fn check(
    name: &str,
    text: &str,
    codes: &[&str],
    sources: Vec<SourceFile>,
) -> (SourceFile, FileReport) {
    let lexicon = attrcheck::lexicon::Lexicon::builtin();
    let codes: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
    let settings = Settings {
        lexicon,
        rules: select(registry(), &codes, &[]).unwrap(),
        sources: Sources::new(sources, &lexicon.equivalents),
    };
    let source = SourceFile::new(name, text).unwrap();
    let report = check_file(&source, &settings);
    (source, report)
}

fn seed() -> String {
    std::fs::read_to_string(root().join("seeds/unn-2021-12-31-biden-zelensky.txt")).unwrap()
}

fn span_of(text: &str, needle: &str) -> (u32, u32) {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    (start as u32, (start + needle.len()) as u32)
}

fn within(d: &Diagnostic, (start, end): (u32, u32)) -> bool {
    start <= d.span.start && d.span.end <= end
}

#[test]
fn seed_quotations_differ_from_the_embedded_post() {
    let text = seed();
    let (_, report) = check("seed.txt", &text, &["AC001"], Vec::new());
    let found = &report.diagnostics;
    assert_eq!(found.len(), 2, "{found:#?}");
    let quote = span_of(&text, "“The White House informs that");
    let quote = (quote.0, span_of(&text, "of Ukraine,”").1);
    let partial = span_of(
        &text,
        "“will consider preparations for the upcoming diplomatic clashes.”",
    );
    let post = span_of(&text, "WH says Biden will speak w Ukraine’s leader");
    let tension = span_of(&text, "to help de-escalate regional tension");

    // The `Quote` paragraph against the post.
    let d = &found[0];
    assert_eq!(
        (d.code.as_str(), d.name.as_str()),
        ("AC001", "quote-mismatch")
    );
    assert!(within(d, quote), "{d:#?}");
    assert_eq!(d.span.text(&text), "informs that");
    assert!(
        d.message
            .starts_with("quotation differs from the embedded post: "),
        "{}",
        d.message
    );
    assert!(
        d.message.contains("“confirm” for “reaffirm”"),
        "{}",
        d.message
    );
    assert!(
        d.message.contains("“hold talks” for “speak”"),
        "{}",
        d.message
    );
    let confirm = span_of(&text, "to confirm US").0 + 3;
    assert!(
        d.labels
            .iter()
            .any(|l| l.span.start == confirm && l.message == "source has “reaffirm”"),
        "{:#?}",
        d.labels
    );
    let source_label = d
        .labels
        .iter()
        .find(|l| !l.primary && l.span.start == post.0);
    assert_eq!(
        source_label.map(|l| l.span.text(&text)),
        Some("WH says Biden will speak w Ukraine’s leader on Sunday to reaffirm US support for Ukraine’s sovereignty/territorial integrity")
    );
    assert!(d
        .help
        .as_deref()
        .unwrap()
        .contains("“WH says Biden will speak w Ukraine’s leader on Sunday to reaffirm US support"));
    // The editor's note is no difference, and `WH`/`w` are the post's
    // abbreviations of `White House`/`with`.
    let ed = span_of(&text, "(January 2 – ed.)");
    assert!(d
        .labels
        .iter()
        .all(|l| !(ed.0 <= l.span.start && l.span.end <= ed.1)));
    assert!(!d.message.contains("“White House”") && !d.message.contains("“with”"));

    // The partial quotation in `Details`.
    let d = &found[1];
    assert!(within(d, partial), "{d:#?}");
    assert_eq!(d.span.text(&text), "consider");
    for words in [
        "“consider” for “review”",
        "“clashes” for “engagements”",
        "“to help de-escalate regional tension”",
    ] {
        assert!(d.message.contains(words), "{words} not in {}", d.message);
    }
    assert!(d
        .labels
        .iter()
        .any(|l| (l.span.start, l.span.end) == tension));

    // Nothing on the one-word “proposals”: no source to compare with.
    let proposals = span_of(&text, "“proposals”");
    assert!(found.iter().all(|d| !within(d, proposals)));
    // Both are sure to be quoting the post only once the claims say so
    // (`the message reads`): until then, similarities of 0.65 and 0.62 are
    // warnings.
    for d in found {
        let linked = report.claims.iter().any(|c| {
            c.speaker.as_ref().and_then(|s| s.resolved).is_some()
                && c.content.iter().any(|s| s.contains(d.span))
        });
        if !linked {
            assert_eq!(d.severity, Severity::Warning);
        }
    }
}

#[test]
fn seed_paraphrases_keep_the_post_s_meaning() {
    // The mixed claim of `Details` keeps the post's meaning in its unquoted
    // part (`buildup on the borders of Ukraine`); its quoted `clashes` is
    // AC001's. Nothing else in the article paraphrases a text it contains.
    let text = seed();
    let (_, report) = check("seed.txt", &text, &["AC002"], Vec::new());
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
}

/// The findings as the human format prints them (no colour, 80 columns).
fn render(source: &SourceFile, report: &FileReport) -> String {
    let lines = LineIndex::new(source.text());
    let file = CheckedFile {
        source,
        lines: &lines,
        report,
    };
    let printer = Human::new(false, 80, false, true);
    let out: String = report
        .diagnostics
        .iter()
        .map(|d| printer.render(&file, d))
        .collect();
    if out.is_empty() {
        "no findings\n".into()
    } else {
        out
    }
}

#[test]
fn human_rendering_of_the_seed() {
    let text = seed();
    let (source, report) = check(
        "seeds/unn-2021-12-31-biden-zelensky.txt",
        &text,
        &["AC001", "AC002"],
        Vec::new(),
    );
    insta::assert_snapshot!("human_seed", render(&source, &report));
}

#[test]
fn a_quotation_matching_a_source_document_is_clean_and_a_changed_one_is_not() {
    let release = "Acme Corp press release\n\nAcme will open a new plant in Leeds in 2025, creating 400 jobs, chief executive Dana Wu said.";
    let article = "Acme to build Leeds plant\n\nAcme said it “will open a new plant in Leeds in 2025, creating 400 jobs.”\n";
    let sources = || vec![SourceFile::new("release.txt", release).unwrap()];
    let (_, report) = check("a.txt", article, &["AC001"], sources());
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    let changed = article.replace("400", "4,000");
    let (_, report) = check("a.txt", &changed, &["AC001"], sources());
    assert_eq!(report.diagnostics.len(), 1);
    let d = &report.diagnostics[0];
    assert_eq!(
        d.message,
        "quotation differs from `release.txt`: “4,000” for “400”"
    );
    assert_eq!(d.span.text(&changed), "4,000");
    assert_eq!(d.severity, Severity::Error);
    assert!(d
        .note
        .as_deref()
        .unwrap()
        .contains("`release.txt` at line 3"));
    // Without the document, there is nothing to compare with.
    let (_, report) = check("a.txt", &changed, &["AC001"], Vec::new());
    assert!(report.diagnostics.is_empty());
}
