//! The gold file: one JSON document per line, with attribution spans given as
//! Unicode code-point offsets, converted here to byte [`Span`]s.
//!
//! A line looks like this (fields other than `id`, `text` and `attributions`,
//! and attribution fields other than the four below, are accepted and
//! ignored, so the covering spans and `*_text` fields of
//! `../shared/eval/dev.jsonl` are fine):
//!
//! ```json
//! {"id": "doc-1", "text": "“It works,” she said.",
//!  "attributions": [{"kind": "direct", "source_spans": [[12, 15]],
//!                    "cue_spans": [[16, 20]], "content_spans": [[0, 11]]}]}
//! ```
//!
//! Offsets are code-point indices into `text`, end-exclusive. `source_spans`
//! and `cue_spans` may be empty or `null` (a passive has no source).

use super::score::{Item, Kind};
use super::EvalError;
use crate::source::Span;
use serde::Deserialize;
use std::io::BufRead;
use std::path::Path;

/// A whole gold file.
#[derive(Clone, Debug)]
pub struct GoldSet {
    /// The file name as given (used in messages).
    pub name: String,
    /// The documents, in file order.
    pub docs: Vec<GoldDoc>,
}

/// One annotated document.
#[derive(Clone, Debug)]
pub struct GoldDoc {
    /// The document id.
    pub id: String,
    /// The 1-based line of the gold file the document is on.
    pub line: usize,
    /// The text the offsets point into.
    pub text: String,
    /// The attributions, with byte spans into [`GoldDoc::text`].
    pub attributions: Vec<Item>,
}

#[derive(Deserialize)]
struct RawDoc {
    id: String,
    text: String,
    attributions: Vec<RawAttribution>,
}

#[derive(Deserialize)]
struct RawAttribution {
    kind: Kind,
    #[serde(default)]
    source_spans: Option<Vec<(u64, u64)>>,
    #[serde(default)]
    cue_spans: Option<Vec<(u64, u64)>>,
    content_spans: Vec<(u64, u64)>,
}

/// Reads and validates the gold file at `path`.
pub fn load_gold(path: &Path) -> Result<GoldSet, EvalError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| EvalError::Read {
        path: name.clone(),
        source,
    })?;
    parse_gold(&name, std::io::BufReader::new(file))
}

/// Reads and validates gold documents from `reader`; `name` is used in
/// error messages (`name:line: …`). Blank lines are skipped.
pub fn parse_gold(name: &str, reader: impl BufRead) -> Result<GoldSet, EvalError> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for (index, line) in reader.lines().enumerate() {
        let number = index + 1;
        let gold_error = |message: String| EvalError::Gold {
            path: name.to_string(),
            line: number,
            message,
        };
        let line = line.map_err(|err| match err.kind() {
            std::io::ErrorKind::InvalidData => gold_error("line is not valid UTF-8".into()),
            _ => EvalError::Read {
                path: name.to_string(),
                source: err,
            },
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawDoc = serde_json::from_str(&line)
            .map_err(|err| gold_error(format!("invalid gold document: {}", json_message(&err))))?;
        if let Some(previous) = seen.insert(raw.id.clone(), number) {
            return Err(gold_error(format!(
                "duplicate document id `{}` (first on line {previous})",
                raw.id
            )));
        }
        let doc = convert(raw, number).map_err(gold_error)?;
        docs.push(doc);
    }
    Ok(GoldSet {
        name: name.to_string(),
        docs,
    })
}

/// serde_json's message without its ` at line 1 column N` suffix, with the
/// column (the only useful coordinate for a one-line document) kept.
fn json_message(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let message = match full.rfind(" at line ") {
        Some(cut) => &full[..cut],
        None => &full,
    };
    format!("{message} (column {})", err.column())
}

fn convert(raw: RawDoc, line: usize) -> Result<GoldDoc, String> {
    if raw.text.len() > u32::MAX as usize {
        return Err("text is larger than 4 GiB".into());
    }
    let index = CharIndex::new(&raw.text);
    let mut attributions = Vec::with_capacity(raw.attributions.len());
    for (i, attribution) in raw.attributions.into_iter().enumerate() {
        let spans = |field: &str, spans: Vec<(u64, u64)>| -> Result<Vec<Span>, String> {
            spans
                .into_iter()
                .map(|(start, end)| {
                    index.span(start, end).ok_or_else(|| {
                        format!(
                            "attribution {i}: {field} span [{start}, {end}] is not a non-empty \
                             range inside the text ({} code points)",
                            index.char_len()
                        )
                    })
                })
                .collect()
        };
        let content = spans("content_spans", attribution.content_spans)?;
        if content.is_empty() {
            return Err(format!("attribution {i}: content_spans is empty"));
        }
        let source = spans("source_spans", attribution.source_spans.unwrap_or_default())?;
        let cue = spans("cue_spans", attribution.cue_spans.unwrap_or_default())?;
        attributions.push(Item::new(&raw.text, attribution.kind, content, source, cue));
    }
    attributions.sort_by_key(Item::start);
    Ok(GoldDoc {
        id: raw.id,
        line,
        text: raw.text,
        attributions,
    })
}

/// Converts between code-point indices and byte offsets of one text.
///
/// Built in one pass; ASCII texts (where both coincide) need no table.
/// Lookups are O(1) from code points and O(log n) from bytes.
#[derive(Clone, Debug)]
pub struct CharIndex {
    /// Byte offset of every char, plus the text length at the end; empty for
    /// an ASCII text.
    starts: Vec<u32>,
    /// Number of chars in the text.
    chars: usize,
}

impl CharIndex {
    /// Indexes `text` (at most `u32::MAX` bytes).
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex {
                starts: Vec::new(),
                chars: text.len(),
            };
        }
        let mut starts: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
        let chars = starts.len();
        starts.push(text.len() as u32);
        CharIndex { starts, chars }
    }

    /// The number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// The byte offset of code point `index`; `index == char_len()` gives
    /// the text length. `None` past the end.
    pub fn to_byte(&self, index: u64) -> Option<usize> {
        if index > self.chars as u64 {
            return None;
        }
        if self.starts.is_empty() {
            return Some(index as usize);
        }
        Some(self.starts[index as usize] as usize)
    }

    /// The code-point index of byte `offset`; an offset inside a char maps
    /// to that char, one past the end to `char_len()`.
    pub fn to_char(&self, offset: usize) -> usize {
        if self.starts.is_empty() {
            return offset.min(self.chars);
        }
        match self.starts.binary_search(&(offset as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
        .min(self.chars)
    }

    /// The byte span of the code-point range `start..end`, or `None` unless
    /// `start < end <= char_len()`.
    pub fn span(&self, start: u64, end: u64) -> Option<Span> {
        if start >= end {
            return None;
        }
        Some(Span::from_range(self.to_byte(start)?..self.to_byte(end)?))
    }

    /// The code-point range of byte span `span`.
    pub fn chars_of(&self, span: Span) -> (usize, usize) {
        (
            self.to_char(span.start as usize),
            self.to_char(span.end as usize),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_map_to_bytes_in_multibyte_text() {
        // “ ” and é are 3 and 2 bytes, 👍 is 4.
        let text = "“Café 👍,” she said.";
        let index = CharIndex::new(text);
        assert_eq!(index.char_len(), text.chars().count());
        let quote = index.span(0, 9).unwrap();
        assert_eq!(quote.text(text), "“Café 👍,”");
        let she = index.span(10, 13).unwrap();
        assert_eq!(she.text(text), "she");
        assert_eq!(index.chars_of(she), (10, 13));
        assert_eq!(index.chars_of(quote), (0, 9));
        assert_eq!(index.to_byte(index.char_len() as u64), Some(text.len()));
        assert_eq!(index.to_byte(index.char_len() as u64 + 1), None);
        // A byte inside 👍 maps to the emoji's code point.
        let emoji = text.find('👍').unwrap();
        assert_eq!(index.to_char(emoji + 2), 6);
    }

    #[test]
    fn ascii_text_needs_no_table() {
        let index = CharIndex::new("abc");
        assert_eq!(index.span(1, 3), Some(Span::new(1, 3)));
        assert_eq!(index.span(2, 2), None);
        assert_eq!(index.span(2, 4), None);
        assert_eq!(index.to_char(9), 3);
    }

    #[test]
    fn gold_lines_are_converted_to_byte_spans() {
        let line = r#"{"id":"a","file":"x.txt","text":"“Ça va,” dit-il.","attributions":[{"kind":"direct","source":null,"source_spans":[[9,15]],"cue_spans":null,"content_spans":[[0,8]],"content_text":"ignored"}]}"#;
        let set = parse_gold("g.jsonl", format!("\n{line}\n").as_bytes()).unwrap();
        let doc = &set.docs[0];
        assert_eq!(doc.line, 2);
        let gold = &doc.attributions[0];
        assert_eq!(gold.kind, Kind::Direct);
        assert_eq!(gold.content[0].text(&doc.text), "“Ça va,”");
        assert_eq!(gold.source[0].text(&doc.text), "dit-il");
        assert!(gold.cue.is_empty());
    }

    fn error(input: &str) -> String {
        parse_gold("gold.jsonl", input.as_bytes())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn malformed_lines_name_the_file_and_line() {
        let good = r#"{"id":"a","text":"ab","attributions":[]}"#;
        assert_eq!(
            error(&format!("{good}\n{{\"id\": \"b\", \"text\": \"x\"\n")),
            "gold.jsonl:2: invalid gold document: EOF while parsing an object (column 23)"
        );
        assert_eq!(
            error(r#"{"id":"a","text":"ab"}"#),
            "gold.jsonl:1: invalid gold document: missing field `attributions` (column 22)"
        );
        assert_eq!(
            error(
                r#"{"id":"a","text":"ab","attributions":[{"kind":"quoted","content_spans":[[0,1]]}]}"#
            ),
            "gold.jsonl:1: invalid gold document: unknown variant `quoted`, expected one of \
             `direct`, `indirect`, `mixed` (column 54)"
        );
        assert_eq!(
            error(
                r#"{"id":"a","text":"ab","attributions":[{"kind":"direct","content_spans":[[1,3]]}]}"#
            ),
            "gold.jsonl:1: attribution 0: content_spans span [1, 3] is not a non-empty range \
             inside the text (2 code points)"
        );
        assert_eq!(
            error(
                r#"{"id":"a","text":"ab","attributions":[{"kind":"direct","content_spans":[]}]}"#
            ),
            "gold.jsonl:1: attribution 0: content_spans is empty"
        );
        assert_eq!(
            error(&format!("{good}\n\n{good}")),
            "gold.jsonl:3: duplicate document id `a` (first on line 1)"
        );
    }
}
