//! The `attrcheck` command line.
//!
//! PROVISIONAL: reads the given files and prints the analysis as JSON. The
//! full CLI (formats, exit codes, directories) replaces this (issue #2).

use attrcheck::source::SourceFile;
use std::process::ExitCode;

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("eval") {
        return eval();
    }
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

/// `attrcheck eval …` (self-contained so the full CLI can take it over as a
/// subcommand: the arguments are `attrcheck::eval::EvalArgs`).
fn eval() -> ExitCode {
    use clap::Parser;
    #[derive(Parser)]
    #[command(
        name = "attrcheck eval",
        about = "Score claim extraction against gold attributions"
    )]
    struct Eval {
        #[command(flatten)]
        args: attrcheck::eval::EvalArgs,
    }
    let argv = std::iter::once("attrcheck eval".to_string()).chain(std::env::args().skip(2));
    let Eval { args } = Eval::parse_from(argv);
    let mut out = std::io::stdout().lock();
    match attrcheck::eval::run(&args, &mut out) {
        Ok(outcome) if outcome.crashed > 0 => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
        Err(attrcheck::eval::EvalError::Write(err))
            if err.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}
