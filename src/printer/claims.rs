//! The claims table of `--claims`: one row per extracted claim with its
//! position, kind, attribution, speaker, cue and first words.

use super::CheckedFile;
use crate::claims::Claim;
use serde::Serialize;
use std::io::{self, Write};

/// Longest speaker cell, in chars.
const SPEAKER_WIDTH: usize = 36;
/// Longest cue cell, in chars.
const CUE_WIDTH: usize = 20;
/// Longest content cell, in chars.
const CONTENT_WIDTH: usize = 60;

/// Writes the table of a file's claims, headed by the file's path and count.
pub fn write_table(out: &mut dyn Write, file: &CheckedFile<'_>) -> io::Result<()> {
    let claims = &file.report.claims;
    writeln!(
        out,
        "{}: {} {}",
        file.source.name(),
        claims.len(),
        if claims.len() == 1 { "claim" } else { "claims" }
    )?;
    if claims.is_empty() {
        return writeln!(out);
    }
    let header = [
        "line:col",
        "kind",
        "attribution",
        "speaker",
        "cue",
        "content",
    ]
    .map(String::from);
    let rows: Vec<[String; 6]> = claims.iter().map(|claim| row(file, claim)).collect();
    let mut widths = [0usize; 6];
    for cells in std::iter::once(&header).chain(&rows) {
        for (width, cell) in widths.iter_mut().zip(cells) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for cells in std::iter::once(&header).chain(&rows) {
        let mut line = String::from(" ");
        for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
            line.push(' ');
            line.push_str(cell);
            if i + 1 < cells.len() {
                let pad = width - cell.chars().count() + 1;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out)
}

fn row(file: &CheckedFile<'_>, claim: &Claim) -> [String; 6] {
    let start = file.position(claim.span.start);
    let speaker = match &claim.speaker {
        None => "-".to_owned(),
        Some(speaker) => {
            let mut cell = collapse(file.text(speaker.span));
            if let Some(resolved) = speaker.resolved {
                cell.push_str(" → ");
                cell.push_str(&collapse(file.text(resolved)));
            }
            if speaker.anonymous {
                cell.push_str(" (anonymous)");
            }
            cell
        }
    };
    let cue = claim
        .cue
        .as_ref()
        .map_or_else(|| "-".to_owned(), |cue| collapse(file.text(cue.span)));
    let content = claim
        .content
        .iter()
        .map(|&span| collapse(file.text(span)))
        .collect::<Vec<_>>()
        .join(" … ");
    [
        format!("{}:{}", start.line, start.column),
        kebab(&claim.kind),
        kebab(&claim.attribution),
        cut(&speaker, SPEAKER_WIDTH),
        cut(&cue, CUE_WIDTH),
        cut(&content, CONTENT_WIDTH),
    ]
}

/// The serialised (kebab-case) name of a unit enum variant.
fn kebab(value: &impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// Whitespace runs (line breaks included) as single spaces.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `width` chars; a cut text ends with `…` after a word boundary when
/// there is one in its second half.
fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let kept: String = text.chars().take(width - 1).collect();
    let at_word_end = text[kept.len()..].starts_with(char::is_whitespace);
    let kept = match kept.rfind(' ') {
        Some(space) if !at_word_end && space >= kept.len() / 2 => &kept[..space],
        _ => &kept,
    };
    format!("{}…", kept.trim_end_matches([' ', ',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_short_text_and_cuts_at_words() {
        assert_eq!(cut("said that", 20), "said that");
        assert_eq!(
            cut("American leader Joe Biden will hold talks", 20),
            "American leader Joe…"
        );
        assert_eq!(cut("Ukrainian-Russian-negotiations", 10), "Ukrainian…");
    }

    #[test]
    fn collapse_joins_lines() {
        assert_eq!(collapse(" a\n  b\tc "), "a b c");
    }
}
