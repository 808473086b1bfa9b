//! End-to-end tests of the harness on a made-up gold set and hand-made
//! predictions: counts, crash handling, and the human and JSON reports.

use super::*;
use crate::claims::{Attribution, Cue, CueKind, Speaker, SpeakerKind};
use crate::source::Span;

const TEXT: &str = "“The bridge is safe,” said Dr. Ana Ruiz, a virologist at Leeds. \
                    The mayor believes the toll will fall. Costs rose, it was reported.";

/// The code-point range of the first `needle` in `text`, as gold JSON.
fn cp(text: &str, needle: &str) -> String {
    let start = text.find(needle).expect("needle in text");
    let index = CharIndex::new(text);
    let (s, e) = index.chars_of(Span::from_range(start..start + needle.len()));
    format!("[{s}, {e}]")
}

fn byte(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect("needle in text");
    Span::from_range(start..start + needle.len())
}

fn gold_line(id: &str, text: &str) -> String {
    let attribution = |kind: &str, content: &str, source: Option<&str>, cue: &str| {
        format!(
            r#"{{"kind": "{kind}", "source_spans": [{}], "cue_spans": [{}], "content_spans": [{}]}}"#,
            source.map(|s| cp(text, s)).unwrap_or_default(),
            cp(text, cue),
            cp(text, content)
        )
    };
    format!(
        r#"{{"id": "{id}", "text": {}, "attributions": [{}, {}, {}]}}"#,
        serde_json::to_string(text).unwrap(),
        attribution(
            "direct",
            "“The bridge is safe,”",
            Some("Dr. Ana Ruiz, a virologist at Leeds"),
            "said"
        ),
        attribution(
            "indirect",
            "the toll will fall",
            Some("The mayor"),
            "believes"
        ),
        attribution("indirect", "Costs rose", None, "was reported"),
    )
}

fn claim(kind: ClaimKind, content: &str, speaker: Option<&str>, cue: Option<&str>) -> Claim {
    let content = byte(TEXT, content);
    Claim {
        id: 0,
        kind,
        span: content,
        content: vec![content],
        speaker: speaker.map(|s| Speaker {
            span: byte(TEXT, s),
            name: None,
            role: None,
            anonymous: false,
            kind: SpeakerKind::Person,
            resolved: None,
        }),
        cue: cue.map(|c| Cue {
            span: byte(TEXT, c),
            kind: CueKind::Speech,
        }),
        chain: Vec::new(),
        attribution: Attribution::Explicit,
        sentence: 0,
        quotes: Vec::new(),
    }
}

fn predictions(text: &str) -> Vec<Claim> {
    assert_eq!(text, TEXT);
    vec![
        claim(
            ClaimKind::Direct,
            "“The bridge is safe,”",
            Some("Dr. Ana Ruiz"),
            Some("said"),
        ),
        claim(ClaimKind::Unattributed, "The mayor believes", None, None),
        claim(
            ClaimKind::Indirect,
            "believes the toll will fall",
            Some("mayor"),
            None,
        ),
        claim(
            ClaimKind::Indirect,
            "Costs rose, it was reported",
            Some("it"),
            Some("reported"),
        ),
        claim(ClaimKind::Mixed, "Leeds", None, None),
    ]
}

fn evaluation() -> Evaluation {
    let text = TEXT.replace("Costs", "PANIC. Costs");
    let input = format!(
        "{}\n{}\n",
        gold_line("made-up/ok", TEXT),
        gold_line("made-up/crash", &text)
    );
    let gold = parse_gold("made-up.jsonl", input.as_bytes()).unwrap();
    evaluate_with(gold, &|text: &str| {
        if text.contains("PANIC") {
            panic!("made-up extractor failure");
        }
        predictions(text)
    })
}

fn close(value: Option<f64>, expected: f64) {
    let value = value.expect("defined");
    assert!((value - expected).abs() < 1e-12, "{value} != {expected}");
}

#[test]
fn hand_made_predictions_score_exactly() {
    let evaluation = evaluation();
    let doc = &evaluation.docs[0];
    let table = &doc.counts[Scope::All as usize];
    let overlap = table[Metric::ContentOverlap as usize];
    assert_eq!((overlap.predicted_matched, overlap.predicted), (3, 4));
    assert_eq!((overlap.gold_found, overlap.gold), (3, 3));
    close(overlap.f1(), 6.0 / 7.0);
    let exact = table[Metric::ContentExact as usize];
    assert_eq!((exact.predicted_matched, exact.gold_found), (1, 1));
    close(exact.f1(), 2.0 / 7.0);
    for metric in [Metric::SpeakerContent, Metric::CueContent] {
        let c = table[metric as usize];
        assert_eq!((c.predicted_matched, c.gold_found), (2, 2), "{metric:?}");
        close(c.f1(), 4.0 / 7.0);
    }
    for metric in Metric::ALL {
        let direct = doc.counts[Scope::Direct as usize][metric as usize];
        assert_eq!(
            direct,
            Counts {
                predicted: 1,
                predicted_matched: 1,
                gold: 1,
                gold_found: 1,
                one_to_one: 1,
            },
            "{metric:?}"
        );
    }
    assert_eq!(
        doc.predicted_by_kind,
        KindCounts {
            direct: 1,
            indirect: 2,
            mixed: 1,
            unattributed: 1
        }
    );
}

#[test]
fn a_panicking_document_is_counted_not_fatal() {
    let evaluation = evaluation();
    assert_eq!(evaluation.docs.len(), 2);
    assert_eq!(evaluation.crashed(), 1);
    assert_eq!(
        evaluation.docs[1].crash.as_deref(),
        Some("made-up extractor failure")
    );
    // The crashed document's gold still counts, as missed.
    let all = evaluation.counts(Scope::All, Metric::ContentOverlap);
    assert_eq!((all.gold_found, all.gold), (3, 6));
    assert_eq!((all.predicted_matched, all.predicted), (3, 4));
}

#[test]
fn failures_are_classified() {
    let evaluation = evaluation();
    let listed = listing::failures(&evaluation, Scope::All, Metric::SpeakerContent, None);
    let summary: Vec<(listing::Side, usize, &str)> = listed
        .iter()
        .map(|f| (f.side, f.doc, f.reason.name()))
        .collect();
    use listing::Side::{Fn, Fp};
    assert_eq!(
        summary,
        vec![
            (Fp, 0, "spurious"),
            (Fp, 0, "speaker-differs"),
            (Fn, 0, "speaker-differs"),
            (Fn, 1, "missed"),
            (Fn, 1, "missed"),
            (Fn, 1, "missed"),
        ]
    );
    // In the direct scope, a mixed prediction over a direct quote differs by kind.
    let text = "He said “No.”";
    let gold = parse_gold(
        "g",
        format!(
            r#"{{"id":"k","text":"He said “No.”","attributions":[{{"kind":"direct","source_spans":[{}],"cue_spans":[{}],"content_spans":[{}]}}]}}"#,
            cp(text, "He"),
            cp(text, "said"),
            cp(text, "“No.”")
        )
        .as_bytes(),
    )
    .unwrap();
    let mixed = evaluate_with(gold, &|text: &str| {
        let mut claim = claim(ClaimKind::Mixed, "“The", None, None);
        claim.content = vec![byte(text, "“No.”")];
        vec![claim]
    });
    let listed = listing::failures(&mixed, Scope::Direct, Metric::ContentOverlap, None);
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].side, listed[0].reason),
        (Fn, listing::Reason::KindDiffers)
    );
    assert_eq!(listed[0].counterpart, Some(0));
}

fn args(show: Option<Show>) -> EvalArgs {
    EvalArgs {
        gold: "made-up.jsonl".into(),
        format: EvalFormat::Human,
        kind: None,
        show,
        metric: Metric::SpeakerContent,
        doc: None,
        per_doc: true,
    }
}

#[test]
fn human_report() {
    let mut out = Vec::new();
    report::human(&evaluation(), &args(Some(Show::All)), &mut out).unwrap();
    insta::assert_snapshot!(String::from_utf8(out).unwrap());
}

#[test]
fn json_report_shape() {
    let mut out = Vec::new();
    report::json(&evaluation(), &args(Some(Show::Fp)), &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    serde_json::from_str::<serde_json::Value>(&out).expect("valid JSON");
    insta::assert_snapshot!(out);
}

#[test]
fn doc_ids_match_whole_or_by_last_segment() {
    assert!(doc_id_matches("wikinews/GUM_news_crane", "GUM_news_crane"));
    assert!(doc_id_matches(
        "wikinews/GUM_news_crane",
        "wikinews/GUM_news_crane"
    ));
    assert!(!doc_id_matches("wikinews/GUM_news_crane", "crane"));
}
