//! Data rules: every `rules/*.json` file's embedded tests, the embedding of
//! every file, and loading a team's `--rules-dir` (overrides, broken files
//! reported with exact spans).

use attrcheck::lexicon::{Lexicon, RulesFileError};
use attrcheck::rules::data::{builtin_data_rules, load_rule, EMBEDDED_RULES};
use attrcheck::rules::{load_rules_dir, registry_with, RuleKind};
use std::path::{Path, PathBuf};

/// Runs the tests of every built-in data rule, collecting every failure
/// before failing (as harper does), so one run shows all of them.
#[test]
fn embedded_rule_tests_pass() {
    let mut failures = Vec::new();
    let mut cases = 0;
    for rule in builtin_data_rules() {
        cases += rule.tests().len();
        failures.extend(rule.run_tests().into_iter().map(|f| f.to_string()));
    }
    assert!(cases >= 20, "only {cases} embedded cases");
    assert!(
        failures.is_empty(),
        "{} of {cases} data-rule tests failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rules_file_is_embedded() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut on_disk: Vec<String> = std::fs::read_dir(root.join("rules"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .map(|p| format!("rules/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    on_disk.sort();
    let mut embedded: Vec<String> = EMBEDDED_RULES.iter().map(|(p, _)| p.to_string()).collect();
    embedded.sort();
    assert_eq!(
        on_disk, embedded,
        "add every rules/*.json to EMBEDDED_RULES in src/rules/data/load.rs"
    );
    for (path, text) in EMBEDDED_RULES {
        assert_eq!(
            std::fs::read_to_string(root.join(path)).unwrap(),
            *text,
            "{path}"
        );
        // One rule per file, named after the rule.
        let rule = load_rule(path, text).unwrap();
        assert_eq!(*path, format!("rules/{}.json", rule.name()));
    }
}

/// A fresh directory under the target dir for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const TEAM_RULE: &str = r###"{
  "code": "AC150",
  "name": "house-style-killed",
  "severity": "info",
  "kind": "substitution",
  "message": "“{match}” is not house style",
  "label": "house style",
  "help": "write “{canonical}”",
  "substitutions": [{ "variant": "passed away", "canonical": "died" }],
  "explanation": [
    "## What it does", "Flags euphemisms for death.",
    "## Why is this bad?", "They blur the facts.",
    "## Example", "He passed away.",
    "## Use instead", "He died.",
    "## Known problems", "None known."
  ],
  "tests": [
    { "text": "The actor passed away on Monday.", "expect": ["AC150"], "fixed": "The actor died on Monday." },
    { "text": "The actor died on Monday.", "expect": [] }
  ]
}"###;

#[test]
fn rules_dir_adds_and_overrides_rules() {
    let dir = scratch("rules_dir_adds");
    std::fs::write(dir.join("house-style.json"), TEAM_RULE).unwrap();
    // Override the built-in vague-attribution with a one-phrase version.
    let builtin = EMBEDDED_RULES
        .iter()
        .find(|(p, _)| p.ends_with("vague-attribution.json"))
        .unwrap()
        .1;
    let mut value: serde_json::Value = serde_json::from_str(builtin).unwrap();
    value["phrases"] = serde_json::json!(["word on the street"]);
    value["tests"] = serde_json::json!([
        {"text": "Word on the street is the mill will close.", "expect": ["AC101"]},
        {"text": "Experts say the mill will close.", "expect": []}
    ]);
    std::fs::write(dir.join("vague.json"), value.to_string()).unwrap();

    let team = load_rules_dir(&dir).unwrap();
    assert_eq!(team.len(), 2);
    let failures: Vec<_> = team.iter().flat_map(|r| r.run_tests()).collect();
    assert!(failures.is_empty(), "{failures:?}");

    let rules = registry_with(&team);
    let codes: Vec<_> = rules.iter().map(|r| r.meta().code).collect();
    assert_eq!(codes.iter().filter(|c| **c == "AC101").count(), 1);
    assert!(codes.contains(&"AC150"));
    let ac101 = rules.iter().find(|r| r.meta().code == "AC101").unwrap();
    assert_eq!(ac101.data_rule().unwrap().phrases(), ["word on the street"]);
    assert_eq!(
        rules
            .iter()
            .find(|r| r.meta().code == "AC150")
            .unwrap()
            .meta()
            .kind,
        RuleKind::Data
    );
}

fn only_error(
    result: Result<Vec<&'static attrcheck::rules::DataRule>, Vec<RulesFileError>>,
) -> RulesFileError {
    let mut errors = result.expect_err("the directory must be refused");
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.remove(0)
}

/// The text a broken file's error points at.
fn pointed(dir: &Path, file: &str, err: &RulesFileError) -> String {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    text[err.span().expect("the error has a span")].to_string()
}

#[test]
fn broken_rules_files_point_at_the_problem() {
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        // (what, replace, with, message, pointed text)
        (
            "unknown_field",
            "\"severity\": \"info\",",
            "\"severity\": \"info\", \"sevrity\": 1,",
            "unknown field `sevrity`",
            "\"sevrity\"",
        ),
        (
            "bad_severity",
            "\"severity\": \"info\"",
            "\"severity\": \"fatal\"",
            "unknown variant `fatal`",
            "\"fatal\"",
        ),
        (
            "syntax",
            "\"label\": \"house style\",",
            "\"label\": \"house style\"",
            "expected `,` or `}`",
            "\"",
        ),
        (
            "bad_code",
            "\"AC150\",",
            "\"AC15\",",
            "code `AC15` is not a data rule code",
            "\"AC15\"",
        ),
        (
            "bad_name",
            "\"house-style-killed\"",
            "\"House_Style\"",
            "name `House_Style` is not kebab-case",
            "\"House_Style\"",
        ),
        (
            "unmatchable",
            "\"passed away\"",
            "\"passed, away\"",
            "`,` separates words in the text, so this phrase can never match",
            "\"passed, away\"",
        ),
        (
            "placeholder",
            "\"write “{canonical}”\"",
            "\"write “{canonicl}”\"",
            "unknown placeholder `{canonicl}`",
            "\"write “{canonicl}”\"",
        ),
        (
            "other_code_in_test",
            "\"expect\": [\"AC150\"]",
            "\"expect\": [\"AC101\"]",
            "test expects `AC101`, but only this rule (`AC150`) runs",
            "\"AC101\"",
        ),
        (
            "no_clean_test",
            "{ \"text\": \"The actor died on Monday.\", \"expect\": [] }",
            "{ \"text\": \"The actor died on Monday.\", \"expect\": [\"AC150\"] }",
            "the rule needs a test that it flags and a test that it leaves clean",
            "\"tests\"",
        ),
        (
            "missing_heading",
            "\"## Known problems\", \"None known.\"",
            "\"None known.\"",
            "explanation: missing heading `## Known problems`",
            "\"explanation\"",
        ),
        (
            "capital_message",
            "\"“{match}” is not house style\"",
            "\"Not house style.\"",
            "`message` must start in lowercase and have no trailing period",
            "\"Not house style.\"",
        ),
    ];
    let mut problems = Vec::new();
    for (what, from, to, message, at) in cases {
        assert!(TEAM_RULE.contains(from), "{what}: pattern not in TEAM_RULE");
        let dir = scratch(&format!("broken_{what}"));
        std::fs::write(dir.join("rule.json"), TEAM_RULE.replacen(from, to, 1)).unwrap();
        let err = only_error(load_rules_dir(&dir));
        let got = (err.message().to_string(), pointed(&dir, "rule.json", &err));
        if got != (message.to_string(), at.to_string()) {
            problems.push(format!("{what}: got {got:?}"));
        }
        assert!(err.help().is_some(), "{what}: no help");
        assert!(err.path().ends_with("rule.json"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn clashing_codes_and_names_are_refused() {
    let dir = scratch("clash_code_rule");
    std::fs::write(dir.join("a.json"), TEAM_RULE.replace("AC150", "AC102")).unwrap();
    let err = only_error(load_rules_dir(&dir));
    assert_eq!(
        err.message(),
        "code `AC102` is already used by `loaded-cue`"
    );
    assert_eq!(pointed(&dir, "a.json", &err), "\"AC102\"");

    let dir = scratch("clash_name");
    std::fs::write(
        dir.join("a.json"),
        TEAM_RULE.replace("house-style-killed", "vague-attribution"),
    )
    .unwrap();
    let err = only_error(load_rules_dir(&dir));
    assert_eq!(
        err.message(),
        "name `vague-attribution` is already used by `AC101`"
    );

    let dir = scratch("clash_within_dir");
    std::fs::write(dir.join("a.json"), TEAM_RULE).unwrap();
    std::fs::write(
        dir.join("b.json"),
        TEAM_RULE.replace("house-style-killed", "other-name"),
    )
    .unwrap();
    let err = only_error(load_rules_dir(&dir));
    assert!(
        err.message()
            .starts_with("code `AC150` is already used by `"),
        "{}",
        err.message()
    );
    assert!(err.path().ends_with("b.json"));

    let err = only_error(load_rules_dir(&dir.join("does-not-exist")));
    assert!(err.message().starts_with("cannot read rules directory"));
    assert_eq!(err.span(), None);
}

#[test]
fn broken_rules_file_renders_as_a_miette_report() {
    let dir = scratch("render");
    std::fs::write(
        dir.join("rule.json"),
        TEAM_RULE.replacen("\"info\"", "\"fatal\"", 1),
    )
    .unwrap();
    let err = only_error(load_rules_dir(&dir));
    let mut out = String::new();
    miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
        .with_width(100)
        .render_report(&mut out, &err)
        .unwrap();
    assert!(out.contains("attrcheck::rules_file"), "{out}");
    assert!(out.contains("unknown variant `fatal`"), "{out}");
    assert!(out.contains("rule.json:4:15"), "{out}");
    assert!(out.contains("invalid value"), "{out}");
    assert!(
        out.contains("expected one of `info`, `warning`, `error`"),
        "{out}"
    );
}

#[test]
fn lexicons_extend_and_report_errors() {
    let dir = scratch("lexicons_ok");
    std::fs::create_dir_all(dir.join("lexicons")).unwrap();
    std::fs::write(
        dir.join("lexicons/names.json"),
        r#"{"entries": [{"canonical": "Ana Ruiz", "misspellings": ["Anna Ruiz"]}]}"#,
    )
    .unwrap();
    let lexicon = Lexicon::with_rules_dir(&dir).unwrap();
    let builtin = Lexicon::builtin().names.entries().len();
    assert_eq!(lexicon.names.entries().len(), builtin + 1);

    std::fs::write(
        dir.join("lexicons/names.json"),
        r#"{"mode": "replace", "entries": [{"canonical": "Ana Ruiz"}]}"#,
    )
    .unwrap();
    let lexicon = Lexicon::with_rules_dir(&dir).unwrap();
    assert_eq!(lexicon.names.entries().len(), 1);

    // A form already listed under another name is refused, pointing at it.
    let dir = scratch("lexicons_dup");
    std::fs::create_dir_all(dir.join("lexicons")).unwrap();
    let text =
        r#"{"entries": [{"canonical": "Tony Blinken", "misspellings": ["Anthony Blinken"]}]}"#;
    std::fs::write(dir.join("lexicons/names.json"), text).unwrap();
    let errors = Lexicon::with_rules_dir(&dir).unwrap_err();
    let messages: Vec<_> = errors.iter().map(|e| e.message().to_string()).collect();
    assert_eq!(
        messages,
        [
            "`Tony Blinken` is already listed under `Antony Blinken`",
            "`Anthony Blinken` is already listed under `Antony Blinken`"
        ]
    );
    assert_eq!(&text[errors[1].span().unwrap()], "\"Anthony Blinken\"");

    // An unknown lexicon file gets a suggestion.
    let dir = scratch("lexicons_unknown");
    std::fs::create_dir_all(dir.join("lexicons")).unwrap();
    std::fs::write(dir.join("lexicons/name.json"), "{\"entries\": []}").unwrap();
    let errors = Lexicon::with_rules_dir(&dir).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].message(), "unknown lexicon `name.json`");
    assert!(errors[0]
        .help()
        .unwrap()
        .starts_with("did you mean `names.json`?"));

    // Broken JSON in a lexicon is located like a rules file.
    std::fs::remove_file(dir.join("lexicons/name.json")).unwrap();
    let text = "{\"entries\": [{\"from\": \"may\", \"to\": \"will\", \"kind\": \"modal\"}]}";
    std::fs::write(dir.join("lexicons/loaded-words.json"), text).unwrap();
    let errors = Lexicon::with_rules_dir(&dir).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].message(), "unknown variant `modal`");
    assert_eq!(&text[errors[0].span().unwrap()], "\"modal\"");
}

/// The example rule in `rules/README.md` loads and passes its own tests.
#[test]
fn readme_example_rule_is_valid() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/README.md"))
            .unwrap();
    let start = readme
        .find("### Example\n\n```json\n")
        .expect("example section")
        + "### Example\n\n```json\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let rule = load_rule("rules/README.md example", &readme[start..end]).unwrap();
    let rule: &'static _ = Box::leak(Box::new(rule));
    assert_eq!(rule.run_tests(), []);
}
