//! End-to-end tests of the `attrcheck` binary: exit codes, inputs (files,
//! directories, stdin, unreadable and non-UTF-8 files), every output format,
//! rule listing and documentation, broken pipes.
//!
//! Exit code 1 needs a rule that fires; until rules are registered it is
//! covered by the unit tests of `cli::exit_code`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const SEED: &str = "seeds/unn-2021-12-31-biden-zelensky.txt";

/// A well-sourced article: every statement has a named speaker.
const CLEAN: &str = "Harbor ferry adds evening trips

Ferries will run every 30 minutes until 10 p.m. from Monday, harbor director Ana Ruiz said on Friday.

“Commuters asked for later boats, and we listened,” Ruiz said.
";

/// A small article with attribution problems: an unnamed source and a
/// quotation that is never closed.
const FINDINGS: &str = "Bridge repairs delayed again

Officials said the repairs on the Elm Street bridge would take another month.

“The steel has not arrived, the contractor said on Tuesday.
";

struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_attrcheck"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env("TERM", "dumb");
    command
}

fn run_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = command(dir, args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("attrcheck runs");
    if let Some(text) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        pipe.write_all(text.as_bytes()).unwrap();
    }
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(output.stderr).expect("stderr is UTF-8");
    assert!(!stderr.contains("panicked"), "attrcheck panicked: {stderr}");
    Output {
        code: output.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr,
    }
}

fn run(args: &[&str]) -> Output {
    run_in(&repo(), args, None)
}

/// A temporary directory holding `files` (path → bytes).
fn temp_dir(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, bytes) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|error| panic!("not JSON ({error}):\n{text}"))
}

/// Validates against `docs/schema/attrcheck-v1.schema.json`, made strict
/// (`additionalProperties: false` on every object schema), so that a field
/// the output has and the schema does not document fails.
fn schema_errors(value: &serde_json::Value) -> Vec<String> {
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
    let schema = std::fs::read_to_string(repo().join("docs/schema/attrcheck-v1.schema.json"))
        .expect("schema file");
    let mut schema = json(&schema);
    jsonschema::meta::validate(&schema).expect("the schema itself is valid");
    strict(&mut schema);
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    validator
        .iter_errors(value)
        .map(|error| format!("{error} at {}", error.instance_path()))
        .collect()
}

fn paths(document: &serde_json::Value) -> Vec<&str> {
    document["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| file["path"].as_str().unwrap())
        .collect()
}

#[test]
fn clean_article_exits_zero() {
    let dir = temp_dir(&[("clean.txt", CLEAN.as_bytes())]);
    let out = run_in(dir.path(), &["clean.txt"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    assert!(
        out.stdout.starts_with("1 file checked, ") && out.stdout.contains(": 0 errors, 0 warnings"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_readme_command_checks_the_seeds() {
    let out = run(&[SEED]);
    assert!(out.code < 2, "{}", out.stderr);
    assert!(out.stdout.contains("1 file checked"), "{}", out.stdout);
}

#[test]
fn a_missing_file_is_exit_2_and_the_other_files_are_still_checked() {
    let dir = temp_dir(&[("clean.txt", CLEAN.as_bytes())]);
    let out = run_in(dir.path(), &["missing.txt", "clean.txt"], None);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("could not read `missing.txt`")
            && out.stderr.contains("No such file or directory"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout.starts_with("1 file checked, ")
            && out.stdout.ends_with("; 1 input could not be read\n"),
        "{}",
        out.stdout
    );

    let out = run_in(
        dir.path(),
        &["--format", "json", "missing.txt", "clean.txt"],
        None,
    );
    assert_eq!(out.code, 2);
    let document = json(&out.stdout);
    assert_eq!(paths(&document), ["missing.txt", "clean.txt"]);
    let missing = &document["files"][0];
    assert_eq!(missing["article"], serde_json::Value::Null);
    assert_eq!(missing["error"]["kind"], "not-found");
    assert_eq!(document["files"][1]["error"], serde_json::Value::Null);
    assert!(document["files"][1]["article"].is_object());
    assert_eq!(document["summary"]["unreadable"], 1);
    assert_eq!(document["summary"]["files"], 2);
    assert!(schema_errors(&document).is_empty());
}

#[test]
fn a_non_utf8_file_names_the_file_and_the_byte_offset() {
    // `é` in Latin-1 (0xE9) at byte 18: line 2, column 4.
    let dir = temp_dir(&[
        ("latin1.txt", b"Mayor said so.\nCaf\xe9 reopens.\n"),
        ("clean.txt", CLEAN.as_bytes()),
    ]);
    let out = run_in(dir.path(), &["latin1.txt", "clean.txt"], None);
    assert_eq!(out.code, 2);
    // miette wraps long messages at 80 columns.
    let unwrapped = out.stderr.replace("\n  │ ", " ");
    assert!(
        unwrapped
            .contains("`latin1.txt` is not UTF-8: invalid byte at offset 18 (line 2, column 4)"),
        "{}",
        out.stderr
    );
    // The line is shown, the bad byte marked, with a char column.
    assert!(out.stderr.contains("[latin1.txt:2:4]"), "{}", out.stderr);
    assert!(out.stderr.contains("Caf� reopens."), "{}", out.stderr);
    assert!(out.stdout.starts_with("1 file checked"), "{}", out.stdout);

    let out = run_in(dir.path(), &["--format", "json", "latin1.txt"], None);
    assert_eq!(out.code, 2);
    let document = json(&out.stdout);
    let error = &document["files"][0]["error"];
    assert_eq!(error["kind"], "invalid-utf8");
    assert_eq!(error["offset"], 18);
    assert_eq!(error["start"], serde_json::json!({"line": 2, "column": 4}));
}

#[test]
fn json_on_the_seed_matches_the_schema() {
    let out = run(&["--format", "json", SEED]);
    assert!(out.code < 2, "{}", out.stderr);
    let document = json(&out.stdout);
    let errors = schema_errors(&document);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(document["version"], 1);
    assert_eq!(document["tool"]["name"], "attrcheck");
    assert_eq!(paths(&document), [SEED]);
    // Every content fragment's text is the text its span covers.
    let text = std::fs::read_to_string(repo().join(SEED)).unwrap();
    for claim in document["files"][0]["article"]["claims"]
        .as_array()
        .unwrap()
    {
        for fragment in claim["content"].as_array().unwrap() {
            let start = fragment["start"].as_u64().unwrap() as usize;
            let end = fragment["end"].as_u64().unwrap() as usize;
            assert_eq!(fragment["text"], &text[start..end]);
        }
    }
    insta::assert_snapshot!(out.stdout);
}

/// The machine formats on a small article, run where the paths are short
/// and stable.
#[test]
fn machine_formats_on_a_small_article() {
    let dir = temp_dir(&[("bridge.txt", FINDINGS.as_bytes())]);
    for format in ["concise", "github", "sarif", "human"] {
        let out = run_in(dir.path(), &["--format", format, "bridge.txt"], None);
        assert!(out.code < 2, "{format}: {}", out.stderr);
        if format == "sarif" {
            let log = json(&out.stdout);
            assert_eq!(log["version"], "2.1.0");
            assert_eq!(
                log["runs"][0]["invocations"][0]["executionSuccessful"],
                true
            );
        }
        insta::assert_snapshot!(format!("bridge_{format}"), out.stdout);
    }
}

#[test]
fn list_rules_as_table_and_json() {
    let out = run(&["--list-rules"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("list_rules", out.stdout);

    let out = run(&["--list-rules", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let list = json(&out.stdout);
    assert_eq!(list["version"], 1);
    let codes: Vec<&str> = list["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|rule| rule["code"].as_str().unwrap())
        .collect();
    let registered: Vec<&str> = attrcheck::rules::registry()
        .iter()
        .map(|rule| rule.meta().code)
        .collect();
    assert_eq!(codes, registered);
}

#[test]
fn explain_prints_the_documentation_or_suggests_a_rule() {
    let out = run(&["--explain", "AC999"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unknown rule `AC999` in `--explain`"),
        "{}",
        out.stderr
    );
    let rules = attrcheck::rules::registry();
    let Some(rule) = rules.first().map(|rule| rule.meta()) else {
        assert!(
            out.stderr.contains("no rules are registered"),
            "{}",
            out.stderr
        );
        return;
    };
    let out = run(&["--explain", rule.code]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out
        .stdout
        .starts_with(&format!("# {} ({})\n", rule.name, rule.code)));
    let out = run(&["--explain", &rule.name.to_uppercase()]);
    assert_eq!(out.code, 0, "names match in any case: {}", out.stderr);
    // A typo: the name with its last letter dropped.
    let typo = &rule.name[..rule.name.len() - 1];
    let out = run(&["--explain", typo]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains(&format!("did you mean `{}` ({})?", rule.name, rule.code)),
        "{}",
        out.stderr
    );
    let out = run(&["--explain", rule.code, "--format", "json"]);
    assert_eq!(json(&out.stdout)["rule"]["code"], rule.code);
}

#[test]
fn unknown_rules_in_select_and_ignore_are_usage_errors() {
    for option in ["--select", "--ignore"] {
        let out = run(&[option, "no-such-rule", SEED]);
        assert_eq!(out.code, 2);
        assert!(
            out.stderr
                .contains(&format!("unknown rule `no-such-rule` in `{option}`")),
            "{}",
            out.stderr
        );
        assert_eq!(out.stdout, "", "nothing is checked after a usage error");
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&[]).code, 2);
    assert_eq!(run(&["--format", "xml", SEED]).code, 2);
    assert_eq!(run(&["--fail-on", "sometimes", SEED]).code, 2);
    assert_eq!(run(&["--jobs", "0", SEED]).code, 2);
    assert_eq!(run(&["--list-rules", SEED]).code, 2);
    assert_eq!(run(&["--fail-on", "never", SEED]).code, 0);
}

#[test]
fn dash_reads_stdin() {
    let out = run_in(&repo(), &["--format", "json", "-"], Some(CLEAN));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let document = json(&out.stdout);
    assert_eq!(paths(&document), ["<stdin>"]);
    let claims = document["files"][0]["article"]["claims"]
        .as_array()
        .unwrap();
    assert!(!claims.is_empty());
    for claim in claims {
        for fragment in claim["content"].as_array().unwrap() {
            assert!(CLEAN.contains(fragment["text"].as_str().unwrap()));
        }
    }
}

#[test]
fn directories_are_walked_in_order_skipping_hidden_and_ignored_files() {
    let article = CLEAN.as_bytes();
    let dir = temp_dir(&[
        ("news/b.txt", article),
        ("news/a.md", article),
        ("news/sub/c.TXT", article),
        ("news/notes.json", b"{}"),
        ("news/.drafts/d.txt", article),
        ("news/skip/e.txt", article),
        ("news/.ignore", b"skip/\n"),
        ("empty/readme.rst", b"nothing here"),
    ]);
    let out = run_in(
        dir.path(),
        &["--format", "json", "news", "news/notes.json"],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Files named explicitly are checked whatever their extension.
    assert_eq!(
        paths(&json(&out.stdout)),
        [
            "news/a.md",
            "news/b.txt",
            "news/sub/c.TXT",
            "news/notes.json"
        ]
    );

    let out = run_in(dir.path(), &["empty", "news/a.md"], None);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("no article in directory `empty`"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.starts_with("1 file checked"), "{}", out.stdout);
}

#[test]
fn parallel_runs_print_the_same_output_in_command_line_order() {
    let mut args = vec!["--format", "json"];
    let many: Vec<&str> = std::iter::repeat_n([SEED, "Cargo.toml", "README.md"], 8)
        .flatten()
        .collect();
    args.extend(&many);
    let one = run(&[&["--jobs", "1"], args.as_slice()].concat());
    let two = run(&[&["--jobs", "2"], args.as_slice()].concat());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(paths(&json(&one.stdout)), many);
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let mut args: Vec<&str> = vec!["--claims"];
    args.extend(std::iter::repeat_n(SEED, 400));
    let mut child = command(&repo(), &args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut head = [0u8; 64];
    stdout.read_exact(&mut head).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(stderr, "", "no message on a closed pipe");
    assert!(matches!(status.code(), Some(0 | 1)), "{status:?}");
}

#[test]
fn inputs_are_never_written() {
    let dir = temp_dir(&[("bridge.txt", FINDINGS.as_bytes())]);
    let path = dir.path().join("bridge.txt");
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    for format in ["human", "json", "sarif", "github", "concise"] {
        run_in(
            dir.path(),
            &["--format", format, "--claims", "bridge.txt"],
            None,
        );
    }
    assert_eq!(std::fs::read(&path).unwrap(), FINDINGS.as_bytes());
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        before
    );
}

#[test]
fn findings_exit_1_and_fail_on_raises_the_bar() {
    let dir = temp_dir(&[(
        "vague.txt",
        "Bridge closes\n\nExperts say the bridge is unsafe.\n".as_bytes(),
    )]);
    let out = run_in(dir.path(), &["--format", "concise", "vague.txt"], None);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout
            .contains("vague.txt:3:1: warning[AC101 vague-attribution]"),
        "{}",
        out.stdout
    );
    let out = run_in(dir.path(), &["--fail-on", "error", "vague.txt"], None);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let out = run_in(dir.path(), &["--ignore", "AC101", "vague.txt"], None);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
}

#[test]
fn rules_dir_adds_team_rules_and_reports_broken_files() {
    let team_rule = br###"{
  "code": "AC150",
  "name": "house-style-said",
  "severity": "warning",
  "kind": "substitution",
  "message": "house style uses `said`",
  "label": "not house style",
  "help": "write `said`",
  "explanation": ["## What it does", "Flags `stated`.", "", "## Why is this bad?", "House style.", "",
    "## Example", "She stated that it rained.", "", "## Use instead", "She said that it rained.", "",
    "## Known problems", "None."],
  "substitutions": [{ "variant": "stated", "canonical": "said" }],
  "tests": [
    { "text": "She stated that it rained.", "expect": ["AC150"] },
    { "text": "She said that it rained.", "expect": [] }
  ]
}"###;
    let dir = temp_dir(&[
        ("team/house.json", team_rule),
        (
            "article.txt",
            b"Rain falls\n\nMayor Ana Ruiz stated that it rained all week.\n",
        ),
    ]);
    let out = run_in(
        dir.path(),
        &["--rules-dir", "team", "--format", "concise", "article.txt"],
        None,
    );
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("[AC150 house-style-said]"),
        "{}",
        out.stdout
    );
    let out = run_in(dir.path(), &["--rules-dir", "team", "--list-rules"], None);
    assert!(out.stdout.contains("AC150"), "{}", out.stdout);

    let broken = temp_dir(&[
        (
            "team/bad.json",
            br#"{ "code": "AC150", "severity": "loud" }"#,
        ),
        ("article.txt", b"Rain falls\n\nIt rained.\n"),
    ]);
    let out = run_in(broken.path(), &["--rules-dir", "team", "article.txt"], None);
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("bad.json"), "{}", out.stderr);
}
