//! The command line: arguments, input discovery, the parallel run and the
//! exit code. Analysis lives in the library; rendering in `printer`.

use attrcheck::diagnostic::Severity;
use attrcheck::lexicon::Lexicon;
use attrcheck::printer::{
    self, report_handler, CheckedFile, FileError, FileErrorKind, FileOutcome, NamedText, Printer,
    Run, Summary,
};
use attrcheck::rules::{self, RuleMeta};
use attrcheck::source::{LineIndex, SourceFile};
use attrcheck::Settings;
use clap::{Parser, Subcommand, ValueEnum};
use miette::SourceSpan;
use rayon::prelude::*;
use std::io::{self, IsTerminal, Read, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Exit code: no finding at or above `--fail-on`.
pub const EXIT_OK: u8 = 0;
/// Exit code: findings at or above `--fail-on`.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage, I/O, UTF-8 or rules-file error (wins over findings).
pub const EXIT_ERROR: u8 = 2;

/// The extensions of the files a directory walk picks up.
const ARTICLE_EXTENSIONS: [&str; 2] = ["txt", "md"];

/// Checks who said what in news articles.
///
/// Parses each article, extracts every attributed claim (speaker, cue,
/// content, chain) and runs the attribution rules over them.
#[derive(Debug, Parser)]
#[command(
    name = "attrcheck",
    version,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    after_help = "Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage, I/O, \
                  UTF-8 or rules-file error.\nA file literally named like a subcommand is given \
                  as a path: `attrcheck ./eval`."
)]
pub struct Args {
    /// A subcommand instead of checking files.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Files or directories to check; `-` reads stdin. Directories are
    /// searched recursively for `.txt` and `.md` files, skipping hidden and
    /// ignored (`.gitignore`, `.ignore`) ones; files named explicitly are
    /// always checked.
    #[arg(value_name = "PATHS", required_unless_present_any = ["list_rules", "explain"])]
    pub paths: Vec<PathBuf>,

    /// List the rules and exit.
    #[arg(long, help_heading = "Mode", conflicts_with_all = ["paths", "explain"])]
    pub list_rules: bool,

    /// Print a rule's documentation and exit.
    #[arg(
        long,
        value_name = "CODE|NAME",
        help_heading = "Mode",
        conflicts_with = "paths"
    )]
    pub explain: Option<String>,

    /// Number of files analysed in parallel [default: number of CPUs].
    #[arg(short = 'j', long, value_name = "N", help_heading = "Mode")]
    pub jobs: Option<NonZeroUsize>,

    /// Run only these rules (codes or names, comma-separated, repeatable)
    /// [default: all].
    #[arg(
        long,
        value_name = "RULES",
        value_delimiter = ',',
        help_heading = "Rules"
    )]
    pub select: Vec<String>,

    /// Skip these rules (codes or names, comma-separated, repeatable).
    #[arg(
        long,
        value_name = "RULES",
        value_delimiter = ',',
        help_heading = "Rules"
    )]
    pub ignore: Vec<String>,

    /// A directory of the team's own data rules (`*.json`) and lexicons
    /// (`lexicons/*.json`), added to the built-in ones.
    #[arg(long, value_name = "DIR", help_heading = "Rules")]
    pub rules_dir: Option<PathBuf>,

    /// A document that quotations and reported speech are compared with: a
    /// transcript, press release or readout (repeatable). Used by
    /// quote-mismatch (AC001) and paraphrase-drift (AC002).
    #[arg(long = "source", value_name = "FILE", help_heading = "Rules")]
    pub sources: Vec<PathBuf>,

    /// Exit with 1 when a finding has at least this severity.
    #[arg(
        long,
        value_enum,
        value_name = "LEVEL",
        default_value_t = FailOn::Warning,
        help_heading = "Rules"
    )]
    pub fail_on: FailOn,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human, help_heading = "Output")]
    pub format: Format,

    /// Also print each file's extracted claims as a table (human format; the
    /// JSON format always includes them).
    #[arg(long, help_heading = "Output")]
    pub claims: bool,

    /// When to use colours (`auto` respects NO_COLOR and non-terminals).
    #[arg(
        long,
        value_enum,
        value_name = "WHEN",
        default_value_t = ColorChoice::Auto,
        help_heading = "Output"
    )]
    pub color: ColorChoice,

    /// Do not print the summary line.
    #[arg(short, long, help_heading = "Output")]
    pub quiet: bool,
}

/// Subcommands; clap is configured so that a subcommand and positional
/// paths coexist (a file named `eval` is given as `./eval`).
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score claim extraction against gold attributions (JSONL).
    Eval(attrcheck::eval::EvalArgs),
}

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// miette reports with the article text, then a summary line.
    Human,
    /// One line per finding: `path:line:col: severity[CODE name] message`.
    Concise,
    /// The whole analysis as one JSON document (contract v1).
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// The lowest severity that fails the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Fail on errors only.
    Error,
    /// Fail on warnings and errors.
    Warning,
    /// Fail on any finding.
    Info,
    /// Never fail because of findings.
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// When to colour the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour a terminal unless NO_COLOR is set or TERM is `dumb`.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// The exit code of a run: [`EXIT_ERROR`] when an input could not be read
/// (even when there are findings too), [`EXIT_FINDINGS`] when the worst
/// finding reaches `fail_on`, else [`EXIT_OK`].
pub fn exit_code(worst: Option<Severity>, fail_on: FailOn, input_errors: bool) -> u8 {
    if input_errors {
        return EXIT_ERROR;
    }
    match (worst, fail_on.threshold()) {
        (Some(worst), Some(threshold)) if worst >= threshold => EXIT_FINDINGS,
        _ => EXIT_OK,
    }
}

/// Whether to colour a stream: `is_terminal` is the stream's, `no_color`
/// and `term` the environment's `NO_COLOR` and `TERM`.
pub fn use_color(
    choice: ColorChoice,
    is_terminal: bool,
    no_color: Option<&str>,
    term: Option<&str>,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        // https://no-color.org: set and non-empty disables colour.
        ColorChoice::Auto => {
            is_terminal && no_color.is_none_or(str::is_empty) && term != Some("dumb")
        }
    }
}

/// `attrcheck eval`: scores extraction; exit 1 when a document crashed, 2 when
/// the gold file is unreadable or malformed.
fn run_eval(args: &attrcheck::eval::EvalArgs) -> u8 {
    let mut out = io::stdout().lock();
    match attrcheck::eval::run(args, &mut out) {
        Ok(outcome) if outcome.crashed > 0 => EXIT_FINDINGS,
        Ok(_) => EXIT_OK,
        Err(attrcheck::eval::EvalError::Write(err)) if err.kind() == io::ErrorKind::BrokenPipe => {
            EXIT_OK
        }
        Err(err) => {
            eprintln!("error: {err}");
            EXIT_ERROR
        }
    }
}

/// Runs the command line and returns the exit code.
pub fn run(args: Args) -> u8 {
    if let Some(Command::Eval(eval)) = &args.command {
        return run_eval(eval);
    }
    let no_color = std::env::var("NO_COLOR").ok();
    let term = std::env::var("TERM").ok();
    let out_color = use_color(
        args.color,
        io::stdout().is_terminal(),
        no_color.as_deref(),
        term.as_deref(),
    );
    let err_color = use_color(
        args.color,
        io::stderr().is_terminal(),
        no_color.as_deref(),
        term.as_deref(),
    );
    let errors = ErrorPrinter {
        color: err_color,
        width: terminal_width(&io::stderr()),
    };

    // Every rule this run knows: the built-in ones and a team's own from
    // `--rules-dir`, so that listing, explaining and selecting treat them
    // alike. A broken rules file is a miette report on stderr and exit 2.
    let (all_rules, lexicon) = match &args.rules_dir {
        None => (rules::registry(), Lexicon::builtin()),
        Some(dir) => {
            let loaded = rules::load_rules_dir(dir)
                .and_then(|team| Ok((team, Lexicon::with_rules_dir(dir)?)));
            match loaded {
                Ok((team, lexicon)) => (rules::registry_with(&team), lexicon.leak()),
                Err(problems) => {
                    for problem in &problems {
                        errors.print(problem);
                    }
                    return EXIT_ERROR;
                }
            }
        }
    };
    if args.list_rules {
        let list = rules::list_rules(&all_rules);
        return write_stdout(|out| match args.format {
            Format::Json => printer::rules::write_list_json(out, &list),
            _ => printer::rules::write_list(out, &list),
        });
    }
    if let Some(wanted) = &args.explain {
        let explanation = match rules::explain(&all_rules, wanted) {
            Ok(explanation) => explanation,
            Err(error) => {
                errors.print(&error.in_option("--explain"));
                return EXIT_ERROR;
            }
        };
        return write_stdout(|out| match args.format {
            Format::Json => printer::rules::write_explain_json(out, &explanation),
            _ => printer::rules::write_explain(out, &explanation),
        });
    }

    let rules = match rules::select(all_rules, &args.select, &args.ignore) {
        Ok(rules) => rules,
        Err(error) => {
            errors.print(&error);
            return EXIT_ERROR;
        }
    };
    let enabled_meta: Vec<RuleMeta> = rules.iter().map(|rule| rule.meta()).collect();
    // `--source FILE` (the documents quotations are compared with) is read
    // here into the settings, its errors reported like the rules' (exit 2).
    let sources = match read_sources(&args.sources) {
        Ok(files) => rules::Sources::new(files, &lexicon.equivalents),
        Err(problems) => {
            for problem in &problems {
                errors.print(problem);
            }
            return EXIT_ERROR;
        }
    };
    let settings = Settings {
        lexicon,
        rules,
        sources,
    };

    let printer: Box<dyn Printer> = match args.format {
        Format::Human => Box::new(printer::Human::new(
            out_color,
            terminal_width(&io::stdout()),
            args.claims,
            args.quiet,
        )),
        Format::Concise => Box::new(printer::Concise::new(args.quiet)),
        Format::Json => Box::new(printer::Json),
        Format::Sarif => Box::new(printer::Sarif::new(enabled_meta)),
        Format::Github => Box::new(printer::Github),
    };

    let processed = check_inputs(
        collect_inputs(&args.paths),
        args.jobs,
        &settings,
        printer.as_ref(),
        &errors,
    );
    let summary = processed.summary;
    let written = write_stdout(|out| {
        printer.finish(
            out,
            &Run {
                buffers: &processed.buffers,
                errors: &processed.failed.iter().collect::<Vec<_>>(),
                summary,
            },
        )
    });
    if written != EXIT_OK {
        return written;
    }
    exit_code(summary.worst(), args.fail_on, summary.unreadable > 0)
}

/// Reads the `--source` documents, or every reason they cannot be read.
fn read_sources(paths: &[PathBuf]) -> Result<Vec<SourceFile>, Vec<InputError>> {
    let mut files = Vec::with_capacity(paths.len());
    let mut problems = Vec::new();
    for path in paths {
        let name = path.to_string_lossy().into_owned();
        let read = std::fs::read(path)
            .map_err(|source| InputError::Io {
                path: name.clone(),
                source,
            })
            .and_then(|bytes| decode(&name, bytes));
        match read {
            Ok(file) => files.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// What the workers produced, in input order.
struct Checked {
    buffers: Vec<Vec<u8>>,
    failed: Vec<FileError>,
    summary: Summary,
}

/// Reads, analyses and renders every input on a pool of `jobs` threads,
/// writes the inputs' errors to stderr, and returns the renderings in input
/// order.
fn check_inputs(
    inputs: Vec<Input>,
    jobs: Option<NonZeroUsize>,
    settings: &Settings,
    printer: &dyn Printer,
    errors: &ErrorPrinter,
) -> Checked {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.map_or(0, NonZeroUsize::get))
        .build();
    let processed: Vec<Processed> = match pool {
        Ok(pool) => pool.install(|| {
            inputs
                .into_par_iter()
                .map(|input| process(input, settings, printer, errors))
                .collect()
        }),
        // No threads to be had (resource limits): one file after another.
        Err(_) => inputs
            .into_iter()
            .map(|input| process(input, settings, printer, errors))
            .collect(),
    };

    let mut checked = Checked {
        buffers: Vec::with_capacity(processed.len()),
        failed: Vec::new(),
        summary: Summary::default(),
    };
    let mut stderr = io::stderr().lock();
    for file in processed {
        checked.summary.add(&file.summary);
        // A closed stderr must not stop the run.
        let _ = stderr.write_all(&file.err);
        checked.buffers.push(file.out);
        checked.failed.extend(file.error);
    }
    checked
}

/// Writes to a buffered stdout. A closed pipe (`| head`) ends the output
/// quietly; another write error is reported and gives [`EXIT_ERROR`].
fn write_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> u8 {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => EXIT_OK,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(error) => {
            let _ = writeln!(io::stderr(), "error: could not write the output: {error}");
            EXIT_ERROR
        }
    }
}

/// The terminal's width when `stream` is a terminal (at least 40), else 80.
fn terminal_width(stream: &impl IsTerminal) -> usize {
    if !stream.is_terminal() {
        return 80;
    }
    terminal_size::terminal_size().map_or(80, |(width, _)| usize::from(width.0).max(40))
}

/// Renders the CLI's own errors (usage, unreadable files) as miette reports.
struct ErrorPrinter {
    color: bool,
    width: usize,
}

impl ErrorPrinter {
    fn render(&self, error: &dyn miette::Diagnostic) -> String {
        let mut out = String::new();
        if report_handler(self.color, self.width)
            .render_report(&mut out, error)
            .is_err()
        {
            out = format!("error: {error}\n");
        }
        out
    }

    fn print(&self, error: &dyn miette::Diagnostic) {
        let _ = io::stderr().write_all(self.render(error).as_bytes());
    }
}

// ---------------------------------------------------------------------------
// Inputs

/// One article to check.
struct Input {
    /// The name shown in reports: the path as given or as found by the walk.
    name: String,
    kind: InputKind,
}

enum InputKind {
    File(PathBuf),
    Stdin(Arc<io::Result<Vec<u8>>>),
    Failed(InputError),
}

/// Expands the command-line paths into inputs, in command-line order with
/// each directory's articles sorted by path. Stdin is read once, however
/// often `-` is given.
fn collect_inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut inputs = Vec::new();
    let mut stdin: Option<Arc<io::Result<Vec<u8>>>> = None;
    for path in paths {
        let name = path.to_string_lossy().into_owned();
        if path.as_os_str() == "-" {
            let bytes = stdin.get_or_insert_with(|| {
                let mut bytes = Vec::new();
                Arc::new(io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes))
            });
            inputs.push(Input {
                name: "<stdin>".to_owned(),
                kind: InputKind::Stdin(Arc::clone(bytes)),
            });
        } else if path.is_dir() {
            walk_directory(path, &name, &mut inputs);
        } else {
            inputs.push(Input {
                name,
                kind: InputKind::File(path.clone()),
            });
        }
    }
    inputs
}

/// Adds the `.txt` and `.md` files under `dir`, sorted, skipping hidden and
/// ignored files as ripgrep does; an error when there is none.
fn walk_directory(dir: &Path, name: &str, inputs: &mut Vec<Input>) {
    let before = inputs.len();
    let mut walk_errors = Vec::new();
    let walker = ignore::WalkBuilder::new(dir)
        .sort_by_file_path(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|kind| kind.is_file());
                if is_file && is_article(entry.path()) {
                    inputs.push(Input {
                        name: entry.path().to_string_lossy().into_owned(),
                        kind: InputKind::File(entry.into_path()),
                    });
                }
            }
            Err(error) => walk_errors.push(error),
        }
    }
    for error in walk_errors {
        inputs.push(Input {
            name: walk_error_path(&error).unwrap_or_else(|| name.to_owned()),
            kind: InputKind::Failed(InputError::Walk {
                path: name.to_owned(),
                message: error.to_string(),
            }),
        });
    }
    if inputs.len() == before {
        inputs.push(Input {
            name: name.to_owned(),
            kind: InputKind::Failed(InputError::NoArticles {
                path: name.to_owned(),
            }),
        });
    }
}

fn walk_error_path(error: &ignore::Error) -> Option<String> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path.to_string_lossy().into_owned()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        _ => None,
    }
}

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            ARTICLE_EXTENSIONS
                .iter()
                .any(|wanted| extension.eq_ignore_ascii_case(wanted))
        })
}

/// Why an input could not be checked.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum InputError {
    /// Opening or reading failed.
    #[error("could not read `{path}`")]
    #[diagnostic(code(attrcheck::io))]
    Io {
        /// The path.
        path: String,
        /// The system's reason.
        #[source]
        source: io::Error,
    },
    /// Walking a directory failed somewhere below it.
    #[error("could not read below `{path}`: {message}")]
    #[diagnostic(code(attrcheck::io))]
    Walk {
        /// The directory given.
        path: String,
        /// The walker's reason, with the path that failed.
        message: String,
    },
    /// A directory holds no article.
    #[error("no article in directory `{path}`")]
    #[diagnostic(
        code(attrcheck::no_articles),
        help("attrcheck looks for `.txt` and `.md` files that are not hidden or ignored; name other files explicitly")
    )]
    NoArticles {
        /// The directory.
        path: String,
    },
    /// The bytes are not UTF-8.
    #[error(transparent)]
    #[diagnostic(transparent)]
    InvalidUtf8(Box<InvalidUtf8>),
    /// The file is over 4 GiB.
    #[error("`{path}` is too large")]
    #[diagnostic(code(attrcheck::too_large))]
    TooLarge {
        /// The path.
        path: String,
        /// The limit.
        #[source]
        source: attrcheck::source::TooLarge,
    },
}

/// A file whose bytes are not UTF-8, with the line of the first invalid
/// byte to show.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("`{path}` is not UTF-8: invalid byte at offset {offset} (line {line}, column {column})")]
#[diagnostic(
    code(attrcheck::invalid_utf8),
    help(
        "attrcheck reads UTF-8 text; convert the file first, e.g. `iconv -f windows-1252 -t utf-8`"
    )
)]
pub struct InvalidUtf8 {
    /// The path.
    path: String,
    /// Byte offset of the first invalid byte.
    offset: usize,
    /// Its 1-based line.
    line: u32,
    /// Its 1-based column, in chars.
    column: u32,
    /// The text with invalid bytes replaced, to show the line.
    #[source_code]
    text: NamedText,
    /// The replacement char standing for the invalid byte.
    #[label("not UTF-8")]
    at: SourceSpan,
}

impl InputError {
    fn kind(&self) -> FileErrorKind {
        match self {
            InputError::Io { source, .. } if source.kind() == io::ErrorKind::NotFound => {
                FileErrorKind::NotFound
            }
            InputError::Io { .. } | InputError::Walk { .. } => FileErrorKind::Io,
            InputError::NoArticles { .. } => FileErrorKind::NoArticles,
            InputError::InvalidUtf8(_) => FileErrorKind::InvalidUtf8,
            InputError::TooLarge { .. } => FileErrorKind::TooLarge,
        }
    }

    /// The printers' view: kind, one-line message, position of a bad byte.
    fn to_file_error(&self, path: &str) -> FileError {
        let mut message = self.to_string();
        let mut cause = std::error::Error::source(self);
        while let Some(error) = cause {
            message.push_str(": ");
            message.push_str(&error.to_string());
            cause = error.source();
        }
        let (offset, start) = match self {
            InputError::InvalidUtf8(error) => (
                Some(error.offset as u64),
                Some(attrcheck::source::Position {
                    line: error.line,
                    column: error.column,
                }),
            ),
            _ => (None, None),
        };
        FileError {
            path: path.to_owned(),
            kind: self.kind(),
            message,
            offset,
            start,
        }
    }
}

/// Bytes to a [`SourceFile`], or the error naming the first invalid byte.
fn decode(name: &str, bytes: Vec<u8>) -> Result<SourceFile, InputError> {
    let text = String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let bytes = error.into_bytes();
        // The prefix before the first invalid byte is valid UTF-8.
        let prefix = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let position = LineIndex::new(prefix).position(prefix, offset as u32);
        InputError::InvalidUtf8(Box::new(InvalidUtf8 {
            path: name.to_owned(),
            offset,
            line: position.line,
            column: position.column,
            // The lossy text keeps the valid prefix byte for byte, so the
            // replacement char (3 bytes) sits at `offset`.
            text: NamedText::new(name, String::from_utf8_lossy(&bytes)),
            at: SourceSpan::new(offset.into(), char::REPLACEMENT_CHARACTER.len_utf8()),
        }))
    })?;
    SourceFile::new(name, text).map_err(|source| InputError::TooLarge {
        path: name.to_owned(),
        source,
    })
}

/// One input after the run: its rendering, its stderr report, its counts.
struct Processed {
    out: Vec<u8>,
    err: Vec<u8>,
    summary: Summary,
    error: Option<FileError>,
}

/// Reads, analyses and renders one input. Runs on a worker thread.
fn process(
    input: Input,
    settings: &Settings,
    printer: &dyn Printer,
    errors: &ErrorPrinter,
) -> Processed {
    let Input { name, kind } = input;
    let source = match kind {
        InputKind::File(path) => std::fs::read(&path)
            .map_err(|source| InputError::Io {
                path: name.clone(),
                source,
            })
            .and_then(|bytes| decode(&name, bytes)),
        InputKind::Stdin(bytes) => match bytes.as_ref() {
            Ok(bytes) => decode(&name, bytes.clone()),
            Err(error) => Err(InputError::Io {
                path: name.clone(),
                source: io::Error::new(error.kind(), error.to_string()),
            }),
        },
        InputKind::Failed(error) => Err(error),
    };
    let mut out = Vec::new();
    match source {
        Ok(source) => {
            let report = attrcheck::check_file(&source, settings);
            let lines = LineIndex::new(source.text());
            let outcome = FileOutcome::Checked(CheckedFile {
                source: &source,
                lines: &lines,
                report: &report,
            });
            let mut err = Vec::new();
            if let Err(error) = printer.file(&outcome, &mut out) {
                let _ = writeln!(err, "error: could not render `{name}`: {error}");
            }
            Processed {
                out,
                err,
                summary: Summary::of(&outcome),
                error: None,
            }
        }
        Err(error) => {
            let file_error = error.to_file_error(&name);
            let outcome = FileOutcome::Failed(&file_error);
            let _ = printer.file(&outcome, &mut out);
            Processed {
                out,
                err: errors.render(&error).into_bytes(),
                summary: Summary::of(&outcome),
                error: Some(file_error),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn exit_code_follows_fail_on_and_io_errors_win() {
        use Severity::{Error, Info, Warning};
        assert_eq!(exit_code(None, FailOn::Warning, false), EXIT_OK);
        assert_eq!(exit_code(Some(Info), FailOn::Warning, false), EXIT_OK);
        assert_eq!(
            exit_code(Some(Warning), FailOn::Warning, false),
            EXIT_FINDINGS
        );
        assert_eq!(
            exit_code(Some(Error), FailOn::Warning, false),
            EXIT_FINDINGS
        );
        assert_eq!(exit_code(Some(Warning), FailOn::Error, false), EXIT_OK);
        assert_eq!(exit_code(Some(Error), FailOn::Error, false), EXIT_FINDINGS);
        assert_eq!(exit_code(Some(Info), FailOn::Info, false), EXIT_FINDINGS);
        assert_eq!(exit_code(None, FailOn::Info, false), EXIT_OK);
        assert_eq!(exit_code(Some(Error), FailOn::Never, false), EXIT_OK);
        assert_eq!(exit_code(None, FailOn::Never, true), EXIT_ERROR);
        assert_eq!(exit_code(Some(Error), FailOn::Warning, true), EXIT_ERROR);
    }

    #[test]
    fn colour_respects_no_color_and_terminals() {
        use ColorChoice::*;
        assert!(use_color(Auto, true, None, Some("xterm")));
        assert!(!use_color(Auto, false, None, None));
        assert!(!use_color(Auto, true, Some("1"), None));
        assert!(use_color(Auto, true, Some(""), None));
        assert!(!use_color(Auto, true, None, Some("dumb")));
        assert!(use_color(Always, false, Some("1"), None));
        assert!(!use_color(Never, true, None, None));
    }

    #[test]
    fn select_and_ignore_are_comma_separated_and_repeatable() {
        let args = Args::try_parse_from([
            "attrcheck",
            "--select",
            "AC001,AC004",
            "--select=AC010",
            "--ignore",
            "AC004",
            "a.txt",
        ])
        .unwrap();
        assert_eq!(args.select, ["AC001", "AC004", "AC010"]);
        assert_eq!(args.ignore, ["AC004"]);
        assert_eq!(args.paths, [PathBuf::from("a.txt")]);
    }

    #[test]
    fn paths_are_required_unless_listing_or_explaining() {
        assert!(Args::try_parse_from(["attrcheck"]).is_err());
        assert!(Args::try_parse_from(["attrcheck", "--list-rules"]).is_ok());
        assert!(Args::try_parse_from(["attrcheck", "--explain", "AC001"]).is_ok());
        assert!(Args::try_parse_from(["attrcheck", "--list-rules", "a.txt"]).is_err());
    }

    /// The configuration a future `eval` subcommand relies on: a subcommand
    /// and positional paths coexist, and `./eval` is a path.
    #[test]
    fn a_subcommand_coexists_with_paths() {
        let mut command = Args::command();
        if command.find_subcommand("eval").is_none() {
            // Until `eval` is wired, a stand-in with its required option.
            command = command.subcommand(
                clap::Command::new("eval").arg(clap::Arg::new("gold").long("gold").required(true)),
            );
        }
        let matches = command
            .clone()
            .try_get_matches_from(["attrcheck", "eval", "--gold", "dev.jsonl"])
            .unwrap();
        assert_eq!(matches.subcommand_name(), Some("eval"));
        let matches = command
            .clone()
            .try_get_matches_from(["attrcheck", "seeds/a.txt", "./eval"])
            .unwrap();
        assert_eq!(matches.subcommand_name(), None);
        let paths: Vec<&PathBuf> = matches.get_many("paths").unwrap().collect();
        assert_eq!(
            paths,
            [&PathBuf::from("seeds/a.txt"), &PathBuf::from("./eval")]
        );
        assert!(command
            .clone()
            .try_get_matches_from(["attrcheck", "./eval"])
            .is_ok_and(|m| m.subcommand_name().is_none()));
    }

    #[test]
    fn clap_configuration_is_valid() {
        Args::command().debug_assert();
    }

    #[test]
    fn invalid_utf8_names_offset_line_and_column() {
        let bytes = b"ab\n\xE2\x80\x9Cq\xFFz".to_vec();
        let Err(InputError::InvalidUtf8(error)) = decode("x.txt", bytes) else {
            panic!("expected an UTF-8 error");
        };
        assert_eq!((error.offset, error.line, error.column), (7, 2, 3));
    }

    #[test]
    fn article_extensions_ignore_case() {
        assert!(is_article(Path::new("a/b.TXT")));
        assert!(is_article(Path::new("b.md")));
        assert!(!is_article(Path::new("b.json")));
        assert!(!is_article(Path::new("txt")));
    }
}
