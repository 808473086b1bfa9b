//! `attrcheck --source FILE`: the documents quotations are compared with,
//! end to end (exit codes, the finding naming the document, unreadable
//! documents).

use std::path::Path;
use std::process::Command;

const RELEASE: &str = "ACME CORP — PRESS RELEASE

Acme will open a new plant in Leeds in 2025, creating 400 jobs, chief executive Dana Wu said.
";

const ARTICLE: &str = "Acme to build Leeds plant

Acme said on Monday it “will open a new plant in Leeds in 2025, creating 4,000 jobs.”
";

struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_attrcheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("TERM", "dumb")
        .output()
        .expect("attrcheck runs");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    Output {
        code: output.status.code().expect("exited"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr,
    }
}

fn dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("release.txt"), RELEASE).unwrap();
    std::fs::write(dir.path().join("article.txt"), ARTICLE).unwrap();
    std::fs::write(
        dir.path().join("faithful.txt"),
        ARTICLE.replace("4,000", "400"),
    )
    .unwrap();
    dir
}

#[test]
fn a_quotation_differing_from_a_source_document_exits_1() {
    let dir = dir();
    let out = run(
        dir.path(),
        &[
            "--source",
            "release.txt",
            "--format",
            "concise",
            "article.txt",
        ],
    );
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert_eq!(
        out.stdout,
        "article.txt:3:74: error[AC001 quote-mismatch] quotation differs from `release.txt`: “4,000” for “400”\n\
         1 file checked, 2 claims: 1 error, 0 warnings, 0 infos\n"
    );
    // The same article without the document: nothing to compare with.
    let out = run(dir.path(), &["--format", "concise", "article.txt"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    // A faithful quotation of the document.
    let out = run(
        dir.path(),
        &[
            "--source",
            "release.txt",
            "--select",
            "AC001",
            "faithful.txt",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
}

#[test]
fn the_human_report_names_the_document_and_its_words() {
    let dir = dir();
    let out = run(
        dir.path(),
        &[
            "--source",
            "release.txt",
            "--select",
            "AC001",
            "article.txt",
        ],
    );
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("source has “400”"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("it reads “will open a new plant in Leeds in 2025,"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("similarity 0.92 with `release.txt` at line 3"),
        "{}",
        out.stdout
    );
}

#[test]
fn several_sources_can_be_given() {
    let dir = dir();
    std::fs::write(dir.path().join("other.txt"), "Unrelated readout text.\n").unwrap();
    let out = run(
        dir.path(),
        &[
            "--source",
            "other.txt",
            "--source",
            "release.txt",
            "--format",
            "concise",
            "--select",
            "AC001",
            "article.txt",
        ],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains("differs from `release.txt`"),
        "{}",
        out.stdout
    );
}

#[test]
fn an_unreadable_source_is_exit_2_naming_it() {
    let dir = dir();
    let out = run(
        dir.path(),
        &[
            "--source",
            "missing.txt",
            "--source",
            "release.txt",
            "article.txt",
        ],
    );
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr.contains("could not read `missing.txt`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout.is_empty(),
        "no article is checked: {}",
        out.stdout
    );

    std::fs::write(dir.path().join("latin1.txt"), b"caf\xe9 au lait\n").unwrap();
    let out = run(dir.path(), &["--source", "latin1.txt", "article.txt"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("`latin1.txt` is not UTF-8"),
        "{}",
        out.stderr
    );
}
