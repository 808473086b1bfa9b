//! The `attrcheck` binary: parses the command line and hands over to
//! [`cli::run`], whose result is the exit code (0 clean, 1 findings, 2 errors).

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(cli::run(cli::Args::parse()))
}
