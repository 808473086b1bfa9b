//! The `attrcheck` command line.
//!
//! PROVISIONAL: reads the given files and prints the analysis as JSON. The
//! full CLI (formats, exit codes, directories) replaces this (issue #2).

use attrcheck::source::SourceFile;
use std::process::ExitCode;

fn main() -> ExitCode {
    let settings = attrcheck::Settings::default();
    let mut code = ExitCode::SUCCESS;
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) => {
                eprintln!("error: {path}: {err}");
                code = ExitCode::from(2);
                continue;
            }
        };
        let Ok(source) = SourceFile::new(path.clone(), text) else {
            code = ExitCode::from(2);
            continue;
        };
        let report = attrcheck::check_file(&source, &settings);
        println!(
            "{}",
            serde_json::json!({"path": path, "claims": report.claims, "diagnostics": report.diagnostics})
        );
    }
    code
}
