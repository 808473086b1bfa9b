//! The evaluation harness end to end: over the dev set in `../shared/eval/`
//! when it is present, and through the `attrcheck eval` command line.

use attrcheck::eval::{self, EvalArgs, EvalFormat, Matches, Metric, Scope};
use std::path::PathBuf;
use std::process::Command;

/// The dev gold file, or `None` (with a printed reason) when it is absent.
fn dev_gold() -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev.jsonl");
    if path.is_file() {
        Some(path)
    } else {
        println!(
            "skipped: {} not found (the dev set lives outside the repository)",
            path.display()
        );
        None
    }
}

fn args(gold: PathBuf, format: EvalFormat) -> EvalArgs {
    EvalArgs {
        gold,
        format,
        kind: None,
        show: None,
        metric: Metric::SpeakerContent,
        doc: None,
        per_doc: false,
    }
}

#[test]
fn every_dev_document_is_scored_without_a_crash() {
    let Some(gold) = dev_gold() else { return };
    let mut out = Vec::new();
    let outcome = eval::run(&args(gold, EvalFormat::Json), &mut out).unwrap();
    assert_eq!(outcome.documents, 22);
    assert_eq!(outcome.crashed, 0);
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["documents"], 22);
    assert_eq!(report["crashed"], 0);
    assert_eq!(report["per_doc"].as_array().unwrap().len(), 22);
    assert_eq!(report["gold_by_kind"]["direct"], 40);
    assert_eq!(report["gold_by_kind"]["indirect"], 232);
    assert_eq!(report["gold_by_kind"]["mixed"], 24);
    assert_eq!(report["scopes"]["all"]["gold"], 296);
    assert_eq!(report["scopes"]["direct"]["gold"], 40);
    assert_eq!(report["invalid_spans"], 0);
}

/// The gold scored against itself is perfect under every metric: the
/// code-point conversion, the normalisation and the matching agree.
#[test]
fn dev_gold_against_itself_scores_perfectly() {
    let Some(path) = dev_gold() else { return };
    let gold = eval::load_gold(&path).unwrap();
    let mut total_null_sources = 0;
    for doc in &gold.docs {
        let items = &doc.attributions;
        let matches = Matches::new(items, items);
        for scope in Scope::ALL {
            for metric in Metric::ALL {
                let c = matches.counts(items, items, scope, metric);
                assert_eq!(
                    c.predicted_matched, c.predicted,
                    "{} {scope:?} {metric:?}",
                    doc.id
                );
                assert_eq!(c.gold_found, c.gold, "{} {scope:?} {metric:?}", doc.id);
                assert_eq!(c.one_to_one, c.gold, "{} {scope:?} {metric:?}", doc.id);
            }
        }
        // Without speakers, only the null-source attributions match.
        let unsourced: Vec<_> = items
            .iter()
            .map(|item| eval::Item {
                source: Vec::new(),
                ..item.clone()
            })
            .collect();
        let c = Matches::new(items, &unsourced).counts(
            items,
            &unsourced,
            Scope::All,
            Metric::SpeakerContent,
        );
        let null_sources = items.iter().filter(|i| i.source.is_empty()).count();
        assert_eq!(c.gold_found, null_sources, "{}", doc.id);
        total_null_sources += null_sources;
        // The converted spans slice back to the annotated text.
        for item in items {
            for span in item.content.iter().chain(&item.source).chain(&item.cue) {
                assert!(!span.text(&doc.text).is_empty(), "{} {span:?}", doc.id);
            }
        }
    }
    assert_eq!(total_null_sources, 27);
}

fn attrcheck(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_attrcheck"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("attrcheck-eval-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn cli_scores_a_made_up_gold_file() {
    let text = "“It holds,” said the engineer.";
    let line = format!(
        r#"{{"id":"made-up","text":{},"attributions":[{{"kind":"direct","source_spans":[[17,29]],"cue_spans":[[12,16]],"content_spans":[[0,11]]}}]}}"#,
        serde_json::to_string(text).unwrap()
    );
    let path = temp_file("ok.jsonl", &line);
    let (code, stdout, stderr) = attrcheck(&["eval", "--gold", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("documents   1 scored, 0 crashed"),
        "{stdout}"
    );
    assert!(stdout.contains("gold        1 attributions: 1 direct, 0 indirect, 0 mixed"));
    std::fs::remove_file(path).ok();

    // A made-up annotation no extractor should reproduce (a scare quote with
    // no speaker and a bogus cue), so the listing surely has it.
    let text = "“Naïve” trains are late.";
    let line = format!(
        r#"{{"id":"odd","text":{},"attributions":[{{"kind":"direct","source_spans":null,"cue_spans":[[15,18]],"content_spans":[[0,7]]}}]}}"#,
        serde_json::to_string(text).unwrap()
    );
    let path = temp_file("odd.jsonl", &line);
    let (code, stdout, _) = attrcheck(&[
        "eval",
        "--gold",
        path.to_str().unwrap(),
        "--format",
        "json",
        "--show",
        "fn",
        "--metric",
        "cue",
    ]);
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["listing"]["metric"], "cue_content");
    assert_eq!(report["listing"]["scope"], "all");
    let failures = report["listing"]["failures"].as_array().unwrap();
    assert_eq!(failures.len(), 1);
    let gold = &failures[0]["gold"];
    assert_eq!(failures[0]["side"], "fn");
    assert_eq!(failures[0]["line"], 1);
    assert_eq!(gold["content_spans"], serde_json::json!([[0, 7]]));
    assert_eq!(gold["content_text"], "“Naïve”");
    assert_eq!(gold["source_text"], serde_json::Value::Null);
    assert_eq!(gold["cue_spans"], serde_json::json!([[15, 18]]));
    assert_eq!(gold["cue_text"], "are");
    std::fs::remove_file(path).ok();
}

#[test]
fn cli_reports_malformed_gold_with_file_and_line() {
    let path = temp_file(
        "bad.jsonl",
        "{\"id\":\"a\",\"text\":\"x\",\"attributions\":[]}\n{\"id\":\"b\",\"text\":\"x\",\"attributions\":[{\"kind\":\"direct\",\"content_spans\":[[0,5]]}]}\n",
    );
    let name = path.to_str().unwrap();
    let (code, stdout, stderr) = attrcheck(&["eval", "--gold", name]);
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        format!(
            "error: {name}:2: attribution 0: content_spans span [0, 5] is not a non-empty \
             range inside the text (1 code points)\n"
        )
    );
    let (code, _, stderr) = attrcheck(&["eval", "--gold", name, "--doc", "zzz"]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with(&format!("error: {name}:2:")), "{stderr}");
    std::fs::remove_file(path).ok();

    let missing = std::env::temp_dir().join("attrcheck-eval-no-such-file.jsonl");
    let (code, _, stderr) = attrcheck(&["eval", "--gold", missing.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with("error: cannot read `"), "{stderr}");
}

#[test]
fn cli_rejects_an_unknown_doc_id() {
    let path = temp_file(
        "one.jsonl",
        "{\"id\":\"a/b\",\"text\":\"x\",\"attributions\":[]}\n",
    );
    let name = path.to_str().unwrap();
    let (code, _, stderr) = attrcheck(&["eval", "--gold", name, "--doc", "c"]);
    assert_eq!(code, 2);
    assert_eq!(stderr, "error: no document `c` in the gold file\n");
    let (code, stdout, _) = attrcheck(&["eval", "--gold", name, "--doc", "b", "--per-doc"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("documents   1 scored"), "{stdout}");
    std::fs::remove_file(path).ok();
}
