//! Source text, byte spans and the byte → line/column index.

use serde::Serialize;
use std::fmt;
use std::ops::Range;

/// A byte range into an article's text, end-exclusive.
///
/// `u32` offsets keep every node small; [`SourceFile::new`] refuses texts over
/// `u32::MAX` bytes.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: u32,
    /// One past the last byte of the span.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (byte offsets, end-exclusive).
    #[inline]
    pub const fn new(start: u32, end: u32) -> Self {
        Span { start, end }
    }

    /// A span from `usize` offsets. Offsets must fit in `u32`, which
    /// [`SourceFile::new`] guarantees for every text we analyse.
    #[inline]
    pub fn from_range(range: Range<usize>) -> Self {
        debug_assert!(range.start <= range.end);
        Span {
            start: range.start as u32,
            end: range.end as u32,
        }
    }

    /// Length in bytes.
    #[inline]
    pub const fn len(self) -> u32 {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The span as a `usize` range, for slicing.
    #[inline]
    pub const fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Whether `other` lies entirely inside `self`.
    #[inline]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers. Returns `""` when the span is out of
    /// bounds or not on char boundaries, so callers never panic.
    #[inline]
    pub fn text(self, source: &str) -> &str {
        source.get(self.range()).unwrap_or("")
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(span: Span) -> Self {
        miette::SourceSpan::new((span.start as usize).into(), span.len() as usize)
    }
}

/// Error for a text that attrcheck cannot represent with `u32` offsets.
#[derive(Debug, thiserror::Error)]
#[error("file is {len} bytes; attrcheck handles files up to 4 GiB")]
pub struct TooLarge {
    /// The size of the refused text in bytes.
    pub len: usize,
}

/// One article's name (usually its path) and text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    name: String,
    text: String,
}

impl SourceFile {
    /// Wraps a text; fails when it is too large for `u32` spans.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Result<Self, TooLarge> {
        let text = text.into();
        if text.len() > u32::MAX as usize {
            return Err(TooLarge { len: text.len() });
        }
        Ok(SourceFile {
            name: name.into(),
            text,
        })
    }

    /// The name shown in reports (the path as given on the command line).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The full text.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// A 1-based line and a 1-based column counted in Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, counted in chars (not bytes).
    pub column: u32,
}

/// Maps byte offsets to line/column positions.
///
/// Built in one pass over the text; each lookup is a binary search plus a
/// char count over at most a few hundred bytes: the count of chars before
/// every [`CHAR_BLOCK`]-byte boundary is kept, so a position far into a long
/// line (a paragraph is one line) does not count the whole line prefix.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    /// Chars before byte `i × CHAR_BLOCK`, for every block of the text.
    block_chars: Vec<u32>,
    /// The length of the indexed text.
    len: u32,
}

/// The block size of [`LineIndex`]'s char counts.
const CHAR_BLOCK: usize = 256;

/// The chars in `bytes` (the bytes that do not continue a UTF-8 sequence).
#[inline]
fn count_chars(bytes: &[u8]) -> u32 {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count() as u32
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0u32];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i as u32 + 1),
        );
        let mut block_chars = Vec::with_capacity(text.len() / CHAR_BLOCK + 1);
        let mut chars = 0;
        for block in text.as_bytes().chunks(CHAR_BLOCK) {
            block_chars.push(chars);
            chars += count_chars(block);
        }
        LineIndex {
            line_starts,
            block_chars,
            len: text.len() as u32,
        }
    }

    /// The chars of `text` before byte `offset`, from the block counts.
    fn chars_before(&self, text: &[u8], offset: usize) -> u32 {
        let block = offset / CHAR_BLOCK;
        self.block_chars.get(block).copied().unwrap_or(0)
            + count_chars(&text[block * CHAR_BLOCK..offset])
    }

    /// The position of byte `offset` in `text` (the text this index was built
    /// from). Offsets past the end map to the end; offsets inside a char map
    /// to that char.
    pub fn position(&self, text: &str, offset: u32) -> Position {
        let offset = offset.min(text.len() as u32);
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line] as usize;
        let bytes = text.as_bytes();
        let end = offset as usize;
        let chars = if end - start <= 2 * CHAR_BLOCK || text.len() as u32 != self.len {
            count_chars(&bytes[start..end])
        } else {
            self.chars_before(bytes, end) - self.chars_before(bytes, start)
        };
        Position {
            line: line as u32 + 1,
            column: chars + 1,
        }
    }

    /// The number of lines (a text with no newline has one).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_far_into_long_lines_count_every_char() {
        let line: String = "aé“x” ".repeat(400);
        let text = format!("{line}\n{line}{line}");
        let index = LineIndex::new(&text);
        for offset in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let expected = Position {
                line: text[..offset].matches('\n').count() as u32 + 1,
                column: text[start..offset].chars().count() as u32 + 1,
            };
            assert_eq!(index.position(&text, offset as u32), expected, "{offset}");
        }
    }

    #[test]
    fn positions_count_chars_not_bytes() {
        let text = "ab\n“é” x\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(index.position(text, 3), Position { line: 2, column: 1 });
        let x = text.find('x').unwrap() as u32;
        assert_eq!(index.position(text, x), Position { line: 2, column: 5 });
        assert_eq!(
            index.position(text, text.len() as u32),
            Position { line: 3, column: 1 }
        );
    }

    #[test]
    fn span_text_never_panics() {
        let text = "“a”";
        assert_eq!(Span::new(0, 3).text(text), "“");
        assert_eq!(Span::new(1, 3).text(text), "");
        assert_eq!(Span::new(5, 90).text(text), "");
    }
}
