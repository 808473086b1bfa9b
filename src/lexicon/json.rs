//! JSON files under `rules/` (data rules and lexicons): parsing with errors
//! that point at the exact bytes of the problem.
//!
//! serde_json reports a line and a byte column just past the offending
//! token; [`RulesFileError::from_serde`] turns that into the token's span.
//! Problems found after parsing (a duplicate phrase, a bad code) are located
//! with [`locate`], a small scanner that finds the value at a JSON path.

use miette::{NamedSource, SourceSpan};
use serde::de::DeserializeOwned;
use std::fmt;
use std::ops::Range;

/// A problem in a rules or lexicon file, reported as a miette diagnostic
/// pointing into the JSON (the CLI exits with 2).
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct RulesFileError(Box<Inner>);

/// The error's fields, boxed so `Result<_, RulesFileError>` stays small.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{message}")]
#[diagnostic(code(attrcheck::rules_file))]
struct Inner {
    path: String,
    message: String,
    #[source_code]
    source_code: Option<NamedSource<String>>,
    #[label("{label}")]
    span: Option<SourceSpan>,
    label: String,
    #[help]
    help: Option<String>,
}

impl miette::Diagnostic for RulesFileError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.0.code()
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        miette::Diagnostic::help(&*self.0)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.0.source_code()
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        self.0.labels()
    }
}

impl RulesFileError {
    /// A problem at `span` of the file `path` whose text is `text`.
    pub fn new(
        path: &str,
        text: &str,
        span: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
        help: Option<String>,
    ) -> Self {
        let span = clamp(text, span);
        RulesFileError(Box::new(Inner {
            path: path.to_string(),
            message: message.into(),
            source_code: Some(NamedSource::new(path, text.to_string()).with_language("json")),
            span: Some(SourceSpan::from(span)),
            label: label.into(),
            help,
        }))
    }

    /// A problem with the file as a whole (unreadable, unknown lexicon name).
    pub fn whole_file(path: &str, message: impl Into<String>, help: Option<String>) -> Self {
        RulesFileError(Box::new(Inner {
            path: path.to_string(),
            message: message.into(),
            source_code: None,
            span: None,
            label: String::new(),
            help,
        }))
    }

    /// The error serde_json returned for `text`, with its span computed from
    /// serde's line and column.
    pub fn from_serde(path: &str, text: &str, err: &serde_json::Error) -> Self {
        let span = serde_span(text, err);
        let full = err.to_string();
        // serde appends " at line L column C"; the span carries that.
        let reason = match full.rfind(" at line ") {
            Some(i) => &full[..i],
            None => &full,
        };
        let (message, help) = match reason.split_once(", expected ") {
            Some((what, expected)) => (what.to_string(), Some(format!("expected {expected}"))),
            None => (reason.to_string(), None),
        };
        let label = match err.classify() {
            serde_json::error::Category::Eof => "file ends here",
            serde_json::error::Category::Syntax => "not valid JSON here",
            _ if message.starts_with("unknown field") => "unknown field",
            _ if message.starts_with("missing field") => "in this object",
            _ if message.starts_with("duplicate field") => "second occurrence",
            _ => "invalid value",
        };
        let help = help.or_else(|| {
            Some(match err.classify() {
                serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                    "check the JSON syntax: quotes, commas and brackets".to_string()
                }
                _ => "see rules/README.md for the file format".to_string(),
            })
        });
        Self::new(path, text, span, message, label, help)
    }

    /// The file's path as given.
    pub fn path(&self) -> &str {
        &self.0.path
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The label's caption.
    pub fn label(&self) -> &str {
        &self.0.label
    }

    /// The byte span of the problem in the file, when it has one.
    pub fn span(&self) -> Option<Range<usize>> {
        self.0.span.map(|s| s.offset()..s.offset() + s.len())
    }

    /// How to fix it.
    pub fn help(&self) -> Option<&str> {
        self.0.help.as_deref()
    }
}

/// Parses `text` as a `T`, or returns the error located in the file.
pub fn parse<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, RulesFileError> {
    serde_json::from_str(text).map_err(|err| RulesFileError::from_serde(path, text, &err))
}

/// Clamps a span to the text and to char boundaries.
fn clamp(text: &str, span: Range<usize>) -> Range<usize> {
    let mut start = span.start.min(text.len());
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// The span of the token serde_json stopped at.
///
/// serde's column is 1-based, in bytes, and points at the last byte it
/// read: the end of a string, number or literal, or the unexpected
/// character itself.
fn serde_span(text: &str, err: &serde_json::Error) -> Range<usize> {
    let line_start = if err.line() <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(err.line() - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    let end = (line_start + err.column()).min(text.len());
    if err.column() == 0 || end == 0 {
        return end..end;
    }
    let bytes = text.as_bytes();
    if err.classify() == serde_json::error::Category::Eof {
        let end = text.trim_end().len();
        return end..end;
    }
    if err.classify() == serde_json::error::Category::Syntax {
        // The column is the unexpected character itself.
        let start = (0..end)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        return start..end;
    }
    let last = bytes[end - 1];
    if last == b'"' {
        // A string: go back to its unescaped opening quote.
        let mut i = end - 1;
        while i > 0 {
            i -= 1;
            if bytes[i] == b'"' && !escaped(bytes, i) {
                return i..end;
            }
        }
        return end - 1..end;
    }
    if last.is_ascii_alphanumeric() || matches!(last, b'-' | b'+' | b'.') {
        let mut start = end - 1;
        while start > 0
            && (bytes[start - 1].is_ascii_alphanumeric()
                || matches!(bytes[start - 1], b'-' | b'+' | b'.'))
        {
            start -= 1;
        }
        return start..end;
    }
    let start = (end - 1..end)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(end);
    start..end
}

/// Whether the byte at `i` is preceded by an odd number of backslashes.
fn escaped(bytes: &[u8], i: usize) -> bool {
    bytes[..i].iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 1
}

/// One step of a JSON path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathSeg<'a> {
    /// An object member.
    Key(&'a str),
    /// An array element.
    Index(usize),
}

impl fmt::Display for PathSeg<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathSeg::Key(k) => write!(f, ".{k}"),
            PathSeg::Index(i) => write!(f, "[{i}]"),
        }
    }
}

/// The byte span of the value at `path` in the JSON `text`, if the text is
/// valid JSON and the path exists. With `key = true` and a path ending in
/// [`PathSeg::Key`], the span of the member's key instead.
pub fn locate(text: &str, path: &[PathSeg<'_>], key: bool) -> Option<Range<usize>> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
    };
    scanner.ws();
    let mut value = scanner.pos;
    let mut key_span = None;
    for seg in path {
        scanner.pos = value;
        match *seg {
            PathSeg::Key(wanted) => {
                scanner.expect(b'{')?;
                loop {
                    scanner.ws();
                    if scanner.peek()? == b'}' {
                        return None;
                    }
                    let k = scanner.string()?;
                    scanner.ws();
                    scanner.expect(b':')?;
                    scanner.ws();
                    let v = scanner.pos;
                    let name = serde_json::from_str::<String>(&text[k.clone()]).ok()?;
                    if name == wanted {
                        value = v;
                        key_span = Some(k);
                        break;
                    }
                    scanner.value()?;
                    scanner.ws();
                    if scanner.peek()? == b',' {
                        scanner.pos += 1;
                    }
                }
            }
            PathSeg::Index(wanted) => {
                scanner.expect(b'[')?;
                let mut i = 0;
                loop {
                    scanner.ws();
                    if scanner.peek()? == b']' {
                        return None;
                    }
                    if i == wanted {
                        value = scanner.pos;
                        key_span = None;
                        break;
                    }
                    scanner.value()?;
                    scanner.ws();
                    if scanner.peek()? == b',' {
                        scanner.pos += 1;
                    }
                    i += 1;
                }
            }
        }
    }
    if key {
        if let Some(k) = key_span {
            return Some(k);
        }
    }
    scanner.pos = value;
    let span = scanner.value()?;
    Some(span)
}

/// A minimal scanner over valid JSON.
struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.pos += 1)
    }

    /// `string := '"' (char | '\' escape)* '"'`; returns its span with quotes.
    fn string(&mut self) -> Option<Range<usize>> {
        let start = self.pos;
        self.expect(b'"')?;
        loop {
            match self.peek()? {
                b'"' => {
                    self.pos += 1;
                    return Some(start..self.pos);
                }
                b'\\' => self.pos += 2,
                _ => self.pos += 1,
            }
        }
    }

    /// Skips one value and returns its span.
    fn value(&mut self) -> Option<Range<usize>> {
        let start = self.pos;
        match self.peek()? {
            b'"' => self.string(),
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.pos += 1;
                loop {
                    self.ws();
                    match self.peek()? {
                        c if c == close => {
                            self.pos += 1;
                            return Some(start..self.pos);
                        }
                        b',' | b':' => self.pos += 1,
                        _ => {
                            self.value()?;
                        }
                    }
                }
            }
            _ => {
                while matches!(self.peek(), Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.'))
                {
                    self.pos += 1;
                }
                (self.pos > start).then_some(start..self.pos)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        code: String,
        list: Vec<String>,
    }

    fn err(text: &str) -> RulesFileError {
        parse::<Doc>("x.json", text).unwrap_err()
    }

    fn spanned(text: &str) -> (String, String, &str) {
        let e = err(text);
        let span = e.span().unwrap();
        (e.message().to_string(), e.label().to_string(), &text[span])
    }

    #[test]
    fn unknown_field_points_at_the_key() {
        let text = "{\n  \"code\": \"AC1\",\n  \"lsit\": []\n}";
        let (message, label, at) = spanned(text);
        assert_eq!(message, "unknown field `lsit`");
        assert_eq!(label, "unknown field");
        assert_eq!(at, "\"lsit\"");
        assert_eq!(
            err(text).help(),
            Some("expected `code` or `list`"),
            "serde's expectation becomes the help"
        );
    }

    #[test]
    fn wrong_type_points_at_the_value() {
        let text = "{\"code\": \"a\", \"list\": [\"x\", 42]}";
        let (message, label, at) = spanned(text);
        assert_eq!(message, "invalid type: integer `42`");
        assert_eq!(label, "invalid value");
        assert_eq!(at, "42");
        let text = "{\"code\": \"a \\\" b\\\\\", \"list\": \"x\"}";
        assert_eq!(spanned(text).2, "\"x\"");
        let text = "{\"code\": true, \"list\": []}";
        assert_eq!(spanned(text).2, "true");
    }

    #[test]
    fn syntax_errors_point_at_the_character() {
        let text = "{\"code\": \"a\" \"list\": []}";
        let (message, label, at) = spanned(text);
        assert_eq!(message, "expected `,` or `}`");
        assert_eq!(label, "not valid JSON here");
        assert_eq!(at, "\"");
        let text = "{\"code\": \"é\", \"list\": [\"a\",]}";
        assert_eq!(
            spanned(text),
            ("trailing comma".into(), "not valid JSON here".into(), "]")
        );
        let text = "{\"code\": \"a\", \"list\": [";
        let e = err(text);
        assert_eq!(e.span(), Some(text.len()..text.len()));
        assert_eq!(e.label(), "file ends here");
    }

    #[test]
    fn missing_field_points_at_the_object_end() {
        let text = "{\"code\": \"a\"}\n";
        let (message, _, at) = spanned(text);
        assert_eq!(message, "missing field `list`");
        assert_eq!(at, "}");
    }

    #[test]
    fn locates_values_and_keys_by_path() {
        let text = r#"{ "a": [1, {"b": "x\"y"}, [2]], "c": {"d": null} }"#;
        let at = |path: &[PathSeg], key| locate(text, path, key).map(|r| &text[r]);
        use PathSeg::{Index as I, Key as K};
        assert_eq!(at(&[K("a")], false), Some(r#"[1, {"b": "x\"y"}, [2]]"#));
        assert_eq!(at(&[K("a"), I(1), K("b")], false), Some(r#""x\"y""#));
        assert_eq!(at(&[K("a"), I(1), K("b")], true), Some(r#""b""#));
        assert_eq!(at(&[K("a"), I(2), I(0)], false), Some("2"));
        assert_eq!(at(&[K("c"), K("d")], false), Some("null"));
        assert_eq!(at(&[K("c"), K("e")], false), None);
        assert_eq!(at(&[K("a"), I(3)], false), None);
        assert_eq!(at(&[], false), Some(text.trim()));
    }
}
