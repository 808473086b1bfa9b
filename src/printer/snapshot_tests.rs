//! Every format rendered over one hand-built report (headline, dateline,
//! post, claims with speakers and chains, findings with secondary labels,
//! help and notes) plus one unreadable file, snapshotted; the JSON output is
//! validated against the published schema.
//!
//! The report is built by hand so the printers are exercised on every field
//! independently of the parser and the rules.

use super::*;
use crate::claims::{
    Attribution, ChainLink, ChainRole, Claim, ClaimKind, Cue, CueKind, Speaker, SpeakerKind,
};
use crate::diagnostic::Diagnostic;
use crate::parse::{Article, DateMention, Dateline, Post, WeekdayMention};
use crate::rules::{RuleKind, RuleMeta};

const TEXT: &str = "Ferry fares rise 20% on Monday, mayor says

PORTSMOUTH, Friday, March 3, 2023 (Coastal Wire) — Ferry fares will rise 20% on Monday, Mayor Tom Alvarez said.

“We have no choice,” Alvarez said. Officials said the deficit is €2 million.

The council meets in June. “It will be a long night, a councillor said.

Fares go up on Monday 🚢
— tom alvarez (@mayoralvarez) March 3, 2023
";

fn span(needle: &str) -> Span {
    let start = TEXT.find(needle).expect("needle in TEXT");
    Span::from_range(start..start + needle.len())
}

/// The span of `needle` at or after the start of `after`.
fn span_after(after: &str, needle: &str) -> Span {
    let from = TEXT.find(after).expect("anchor in TEXT");
    let start = from + TEXT[from..].find(needle).expect("needle after anchor");
    Span::from_range(start..start + needle.len())
}

fn report() -> FileReport {
    let publisher = ChainLink {
        role: ChainRole::Publisher,
        span: span("Coastal Wire"),
        anonymous: false,
        cue: None,
        channel: None,
    };
    let mayor = Speaker {
        span: span("Mayor Tom Alvarez"),
        name: Some(span("Tom Alvarez")),
        role: Some(span("Mayor")),
        anonymous: false,
        kind: SpeakerKind::Person,
        resolved: None,
    };
    let indirect = Claim {
        id: 0,
        kind: ClaimKind::Indirect,
        span: span("Ferry fares will rise 20% on Monday, Mayor Tom Alvarez said."),
        content: vec![span("Ferry fares will rise 20% on Monday")],
        speaker: Some(mayor.clone()),
        cue: Some(Cue {
            span: span_after("Mayor Tom", "said"),
            kind: CueKind::Speech,
        }),
        chain: vec![
            publisher.clone(),
            ChainLink {
                role: ChainRole::Source,
                span: mayor.span,
                anonymous: false,
                cue: None,
                channel: None,
            },
        ],
        attribution: Attribution::Explicit,
        sentence: 1,
        quotes: Vec::new(),
    };
    let direct = Claim {
        id: 1,
        kind: ClaimKind::Direct,
        span: span("“We have no choice,” Alvarez said."),
        content: vec![span("“We have no choice,”")],
        speaker: Some(Speaker {
            span: span_after("choice", "Alvarez"),
            name: Some(span_after("choice", "Alvarez")),
            role: None,
            anonymous: false,
            kind: SpeakerKind::Person,
            resolved: Some(mayor.span),
        }),
        cue: Some(Cue {
            span: span_after("choice", "said"),
            kind: CueKind::Speech,
        }),
        chain: vec![publisher.clone()],
        attribution: Attribution::Explicit,
        sentence: 2,
        quotes: vec![0],
    };
    let anonymous = Claim {
        id: 2,
        kind: ClaimKind::Indirect,
        span: span("Officials said the deficit is €2 million."),
        content: vec![span("the deficit is €2 million")],
        speaker: Some(Speaker {
            span: span("Officials"),
            name: None,
            role: None,
            anonymous: true,
            kind: SpeakerKind::Unnamed,
            resolved: None,
        }),
        cue: Some(Cue {
            span: span_after("Officials", "said"),
            kind: CueKind::Speech,
        }),
        chain: vec![
            publisher,
            ChainLink {
                role: ChainRole::Source,
                span: span("Officials"),
                anonymous: true,
                cue: None,
                channel: None,
            },
        ],
        attribution: Attribution::Explicit,
        sentence: 3,
        quotes: Vec::new(),
    };
    let post_date = DateMention {
        span: span_after("@mayoralvarez", "March 3, 2023"),
        year: Some(2023),
        month: 3,
        day: 3,
        weekday: None,
    };
    let article = Article {
        headline: Some(span("Ferry fares rise 20% on Monday, mayor says")),
        dateline: Some(Dateline {
            span: span("PORTSMOUTH, Friday, March 3, 2023 (Coastal Wire) —"),
            place: Some(span("PORTSMOUTH")),
            date: Some(DateMention {
                span: span("Friday, March 3, 2023"),
                year: Some(2023),
                month: 3,
                day: 3,
                weekday: Some(WeekdayMention {
                    span: span("Friday"),
                    weekday: 4,
                }),
            }),
            agency: Some(span("Coastal Wire")),
        }),
        posts: vec![Post {
            span: span("Fares go up on Monday 🚢\n— tom alvarez (@mayoralvarez) March 3, 2023"),
            text: span("Fares go up on Monday 🚢"),
            signature: span("— tom alvarez (@mayoralvarez) March 3, 2023"),
            author: Some(span("tom alvarez")),
            handle: Some(span("@mayoralvarez")),
            date: Some(post_date),
        }],
        ..Article::default()
    };
    let diagnostics = vec![
        Diagnostic::new(
            "AC002",
            "paraphrase-drift",
            Severity::Warning,
            span_after("Ferry fares will", "20%"),
            "reported figure differs from the post",
        )
        .primary_label("article says 20%")
        .label(span("🚢"), "post gives no figure")
        .help("check the figure: 20%, or the post's words")
        .note("post by tom alvarez, March 3"),
        Diagnostic::new(
            "AC004",
            "anonymous-source",
            Severity::Info,
            span("Officials"),
            "claim rests on an unnamed source",
        ),
        Diagnostic::new(
            "AC101",
            "vague-attribution",
            Severity::Warning,
            span("Officials said"),
            "attribution is vague: “Officials said”",
        )
        .primary_label("vague source")
        .help("name the officials,\nor say why they are unnamed"),
        Diagnostic::new(
            "AC010",
            "unbalanced-quote",
            Severity::Error,
            span_after("June.", "“"),
            "quotation mark is never closed",
        )
        .primary_label("opened here")
        .help("close the quotation, or drop the opening mark"),
    ];
    FileReport {
        article,
        claims: vec![indirect, direct, anonymous],
        diagnostics,
    }
}

fn unreadable() -> FileError {
    FileError {
        path: "bad, file.txt".to_owned(),
        kind: FileErrorKind::InvalidUtf8,
        message: "`bad, file.txt` is not UTF-8: invalid byte at offset 4 (line 1, column 5)"
            .to_owned(),
        offset: Some(4),
        start: Some(Position { line: 1, column: 5 }),
    }
}

const RULES: [RuleMeta; 4] = [
    RuleMeta {
        code: "AC002",
        name: "paraphrase-drift",
        severity: Severity::Warning,
        kind: RuleKind::Code,
        explanation: "## What it does\nFlags reported speech that changes the source's figures.\n",
    },
    RuleMeta {
        code: "AC004",
        name: "anonymous-source",
        severity: Severity::Info,
        kind: RuleKind::Code,
        explanation: "## What it does\nFlags claims resting on unnamed sources.\n",
    },
    RuleMeta {
        code: "AC010",
        name: "unbalanced-quote",
        severity: Severity::Error,
        kind: RuleKind::Code,
        explanation: "## What it does\nFlags unclosed quotation marks.\n",
    },
    RuleMeta {
        code: "AC101",
        name: "vague-attribution",
        severity: Severity::Warning,
        kind: RuleKind::Data,
        explanation: "## What it does\nFlags vague attributions.\n",
    },
];

/// Renders the hand-built file and the unreadable one, in that order.
fn render(printer: &dyn Printer) -> String {
    let source = SourceFile::new("ferry.txt", TEXT).unwrap();
    let lines = LineIndex::new(TEXT);
    let report = report();
    let error = unreadable();
    let outcomes = [
        FileOutcome::Checked(CheckedFile {
            source: &source,
            lines: &lines,
            report: &report,
        }),
        FileOutcome::Failed(&error),
    ];
    let mut buffers = Vec::new();
    let mut summary = Summary::default();
    for outcome in &outcomes {
        let mut buffer = Vec::new();
        printer.file(outcome, &mut buffer).unwrap();
        buffers.push(buffer);
        summary.add(&Summary::of(outcome));
    }
    let mut out = Vec::new();
    printer
        .finish(
            &mut out,
            &Run {
                buffers: &buffers,
                errors: &[&error],
                summary,
            },
        )
        .unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn human() {
    insta::assert_snapshot!(render(&Human::new(false, 80, true, false)));
}

#[test]
fn concise() {
    insta::assert_snapshot!(render(&Concise::new(false)));
}

#[test]
fn github() {
    insta::assert_snapshot!(render(&Github));
}

#[test]
fn sarif() {
    let out = render(&Sarif::new(RULES.to_vec()));
    let value: serde_json::Value = serde_json::from_str(&out).expect("SARIF is JSON");
    assert_eq!(
        value["runs"][0]["results"].as_array().map(Vec::len),
        Some(4)
    );
    insta::assert_snapshot!(out);
}

#[test]
fn json_matches_the_schema() {
    let out = render(&Json);
    let value: serde_json::Value = serde_json::from_str(&out).expect("JSON output parses");
    let errors = schema_errors(&value);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(
        value["files"][0]["article"]["dateline"]["date"]["iso"],
        "2023-03-03"
    );
    assert_eq!(
        value["files"][0]["article"]["dateline"]["date"]["weekday"]["name"],
        "friday"
    );
    // `🚢` is 4 bytes but one column.
    let post_label = &value["files"][0]["diagnostics"][0]["labels"][1];
    assert_eq!(post_label["text"], "🚢");
    assert_eq!(post_label["end"]["column"], 24);
    assert_eq!(
        post_label["span"]["end"].as_u64().unwrap() - post_label["span"]["start"].as_u64().unwrap(),
        4
    );
    insta::assert_snapshot!(out);
}

#[test]
fn schema_rejects_what_it_should() {
    let out = render(&Json);
    let mut value: serde_json::Value = serde_json::from_str(&out).unwrap();
    value["files"][0]["diagnostics"][0]["severity"] = "fatal".into();
    value["files"][0]["article"]["claims"][0]["undocumented"] = true.into();
    assert_eq!(schema_errors(&value).len(), 2);
}

/// Validates against `docs/schema/attrcheck-v1.schema.json`, made strict:
/// every object schema with `properties` gets `additionalProperties: false`,
/// so a field the printer writes but the schema does not document fails.
/// (The published schema stays open, for additive changes within v1.)
pub(crate) fn schema_errors(value: &serde_json::Value) -> Vec<String> {
    fn strict(schema: &mut serde_json::Value) {
        match schema {
            serde_json::Value::Object(map) => {
                if map.contains_key("properties") {
                    map.insert("additionalProperties".into(), false.into());
                }
                map.values_mut().for_each(strict);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strict),
            _ => {}
        }
    }
    let schema = include_str!("../../docs/schema/attrcheck-v1.schema.json");
    let mut schema: serde_json::Value = serde_json::from_str(schema).expect("schema is JSON");
    strict(&mut schema);
    let validator = jsonschema::validator_for(&schema).expect("schema is valid");
    validator
        .iter_errors(value)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect()
}
