//! Inputs shared by the benchmarks: the news corpus and the pathological
//! texts that check nothing grows faster than the input.
//!
//! The corpus is the seed article, every fixture article in the repository,
//! and the Wikinews development texts from `../shared/eval/wikinews-dev/`
//! when that directory exists (read at run time, never copied here).

#![allow(dead_code)] // each bench target uses a part of this module

use std::path::{Path, PathBuf};

/// One article of the corpus.
pub struct Article {
    /// Where it comes from, relative to the repository root.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// The `.txt` files under `dir`, recursively, in sorted order.
fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            txt_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every corpus article: seed, fixtures, then the Wikinews texts if present.
pub fn articles() -> Vec<Article> {
    let root = root();
    let mut paths = Vec::new();
    txt_files(&root.join("seeds"), &mut paths);
    txt_files(&root.join("fixtures"), &mut paths);
    let wikinews = root.join("../shared/eval/wikinews-dev");
    let before = paths.len();
    txt_files(&wikinews, &mut paths);
    if paths.len() == before {
        eprintln!(
            "note: {} not found; the corpus is the seed and fixtures only",
            wikinews.display()
        );
    }
    paths
        .into_iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).ok()?;
            let name = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .display()
                .to_string();
            Some(Article { name, text })
        })
        .collect()
}

/// The corpus articles repeated until their total size reaches `target`
/// bytes (the unit of the article-by-article measurements).
pub fn repeated(articles: &[Article], target: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut total = 0;
    while total < target && !articles.is_empty() {
        for article in articles {
            total += article.text.len();
            out.push(article.text.as_str());
        }
    }
    out
}

/// The corpus articles joined by blank lines into one text of at least
/// `target` bytes (the unit of the one-large-text measurements).
pub fn joined(articles: &[Article], target: usize) -> String {
    let mut text = String::with_capacity(target + 256 * 1024);
    while text.len() < target && !articles.is_empty() {
        for article in articles {
            text.push_str(article.text.trim_end());
            text.push_str("\n\n");
        }
    }
    text
}

/// The pathological inputs: each is a text of about `len` bytes built by
/// repeating a unit (or growing one construct) that stresses one part of the
/// pipeline. Names are stable; `benches/scaling.sh` and
/// `tests/pathological.rs` use them.
pub const PATHOLOGICAL: &[&str] = &[
    "giant-paragraph",
    "no-whitespace",
    "only-newlines",
    "one-word-lines",
    "hard-wrapped-run",
    "straight-doubles",
    "straight-singles",
    "curly-doubles-open",
    "curly-singles-open",
    "mixed-marks",
    "many-quotes",
    "nested-open-quotes",
    "possessives-in-single-quote",
    "backticks",
    "brackets-open",
    "brackets-close",
    "bracketed-insertions",
    "periods",
    "ellipses",
    "acronyms",
    "joined-word",
    "digits",
    "dashes",
    "url-parens",
    "handles",
    "entities",
    "dates",
    "signatures",
    "datelines",
    "abbreviations",
    "lexicon-phrases",
];

/// A pathological input `name` (one of [`PATHOLOGICAL`]) of about `len` bytes.
///
/// # Panics
/// On an unknown name.
pub fn pathological(name: &str, len: usize) -> String {
    let unit: &str = match name {
        "giant-paragraph" => {
            "The White House said on Sunday that Biden would call Zelensky, “to confirm support,” officials said, and the talks went on. "
        }
        "no-whitespace" => "word,“quote”(x)-y’s.z",
        "only-newlines" => "\n",
        "one-word-lines" => "Word\n",
        "hard-wrapped-run" => "the council met on tuesday to discuss the budget for\n",
        "straight-doubles" => "\"",
        "straight-singles" => "'",
        "curly-doubles-open" => "“a ",
        "curly-singles-open" => "‘a ",
        "mixed-marks" => "“”‘’«»‹›„‚\"'`",
        "many-quotes" => "“We will go,” she said. ‘Yes’ and «non» and \"so\". ",
        "nested-open-quotes" => "“a ‘b «c \"d ‹e „f ",
        "possessives-in-single-quote" => "‘the leaders’ summit ",
        "backticks" => "``a ",
        "brackets-open" => "(",
        "brackets-close" => ")",
        "bracketed-insertions" => "“He [the minister] said (sic) … and (January 2 – ed.) went ",
        "periods" => ".",
        "ellipses" => "… ",
        "acronyms" => "U.S. a.m. ",
        "joined-word" => "a’b-c",
        "digits" => "1,",
        "dashes" => "— -- - ",
        "url-parens" => {
            return pathological_url(len);
        }
        "handles" => "@a",
        "entities" => "&mdash;&amp",
        "dates" => "Monday, January 2, 2022 and Dec. 31 ",
        "signatures" => {
            "The talks went on.\n— Jane Doe (@janedoe) December 31, 2021\n\n"
        }
        "datelines" => "KYIV, Dec 31 (Reuters) - The talks went on.\n\n",
        "abbreviations" => "Mr. Dr. Gov. No. Inc. J. ",
        "lexicon-phrases" => {
            "Experts say, according to sources, the minister admitted it is said that Putin’s aide claimed. "
        }
        other => panic!("unknown pathological input {other}"),
    };
    let mut text = String::with_capacity(len + unit.len());
    while text.len() < len {
        text.push_str(unit);
    }
    text
}

/// `http://x/` followed by one giant run of `(`, `)` and `.` without a space.
fn pathological_url(len: usize) -> String {
    let mut text = String::with_capacity(len + 16);
    text.push_str("See http://x.org/");
    while text.len() < len {
        text.push_str("a(b)).");
    }
    text
}
