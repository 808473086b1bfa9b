//! The fact rules (`headline-unsupported`, `name-spelling`,
//! `weekday-mismatch`, `post-attribution-mismatch`) on the seed article,
//! asserting exactly its expected findings, and on the real Wikinews
//! development articles (read from `/work/shared/eval`, skipped when
//! absent), asserting exactly the findings reviewed by hand.

mod common;

use attrcheck::diagnostic::Diagnostic;
use common::{nth, seed, summary};
use std::path::Path;

const CODES: [&str; 4] = ["AC006", "AC007", "AC008", "AC011"];

/// The fact rules' findings on `text`.
fn check(name: &str, text: &str) -> Vec<Diagnostic> {
    common::check(name, text, &CODES)
}

#[test]
fn seed_expectations() {
    let text = seed();
    let found = check("seed.txt", &text);
    assert_eq!(
        summary(&found),
        [
            (
                "AC006",
                nth(&text, "Putin", 0),
                "`Putin` in the headline is not mentioned in the body"
            ),
            (
                "AC007",
                nth(&text, "Vladimir Zelensky", 0),
                "`Vladimir Zelensky` differs from the listed spelling `Volodymyr Zelensky`"
            ),
            (
                "AC007",
                nth(&text, "Anthony Blinken", 0),
                "`Anthony Blinken` differs from the listed spelling `Antony Blinken`"
            ),
        ]
    );
    // The headline's other items are supported: no finding on `Three`,
    // `Biden`, `Zelensky` or `January 2`; no weekday or post finding.
    let blinken = &found[2];
    assert_eq!(blinken.help.as_deref(), Some("write `Antony Blinken`"));
    let fix = blinken.fix.as_ref().unwrap();
    assert_eq!(fix.span.text(&text), "Anthony Blinken");
    assert_eq!(fix.replacement, "Antony Blinken");
    assert_eq!(found[0].labels[0].message, "not in the body");
}

/// Findings on the Wikinews development articles, each reviewed by hand
/// and right, with whether it needs the claim extractor (a speaker found by
/// claim extraction is evidence that a name is a person's).
const REVIEWED: &[(&str, bool)] = &[
    // The headline's `Cyclone Phalin` is `Cyclone Phailin` in the body.
    ("GUM_interview_cyclone.txt AC006 Phalin", false),
    // `Kristin Wilkins` once, `Kristen Wilkins` twice.
    ("GUM_news_warhol.txt AC007 Kristin", false),
    // `K.C. Maurer … said` and later `said Mauer`: with speakers from the
    // claim extractor both are people.
    ("GUM_news_warhol.txt AC007 Mauer", true),
];

/// Every finding on the Wikinews development articles is one reviewed by
/// hand (precision), and every reviewed finding that does not depend on
/// the claim extractor is found (recall).
#[test]
fn wikinews_dev_findings() {
    let dir = Path::new("/work/shared/eval/wikinews-dev");
    if !dir.is_dir() {
        eprintln!("skipping: {} is absent", dir.display());
        return;
    }
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 20, "only {} articles", paths.len());
    let mut all = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for d in check(&name, &text) {
            all.push(format!("{name} {} {}", d.code, d.span.text(&text)));
        }
    }
    let unreviewed: Vec<&String> = all
        .iter()
        .filter(|f| !REVIEWED.iter().any(|(r, _)| r == f))
        .collect();
    assert!(
        unreviewed.is_empty(),
        "findings not reviewed: {unreviewed:?}"
    );
    for (reviewed, needs_claims) in REVIEWED {
        assert!(
            *needs_claims || all.iter().any(|f| f == reviewed),
            "missing: {reviewed}"
        );
    }
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// The fact rules run on any mix of headlines, names, figures,
        /// dates, weekdays and post signatures without panicking, and
        /// every span they report is valid.
        #[test]
        fn fact_rules_are_total(text in "(\\PC|[ \\n,.:;'’-]|\\n\\n|Putin|Zelensky|Anthony Blinken|Supervile|Superville said|Mr\\. |1,200|1\\.5bn|€20m|three|January 2|Sunday, |Saturday \\(|, 2021|Dec 31, 2021 \\(UNN\\) - |\\n— jane roe \\(@jroe\\) December 31, 2021|on Twitter by |tweeted){0,40}") {
            for d in check("prop.txt", &text) {
                let spans = std::iter::once(d.span)
                    .chain(d.labels.iter().map(|l| l.span))
                    .chain(d.fix.iter().map(|f| f.span));
                for span in spans {
                    prop_assert!(span.start <= span.end && span.end as usize <= text.len());
                    prop_assert!(text.is_char_boundary(span.start as usize));
                    prop_assert!(text.is_char_boundary(span.end as usize));
                }
            }
        }
    }
}
