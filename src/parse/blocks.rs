//! Blocks: runs of non-blank lines, split into paragraphs, and what each is.
//!
//! ```text
//! run        := line+                      -- between blank lines
//! paragraph  := line (soft-break line)*    -- a run splits at hard breaks
//! ```
//!
//! A line break inside a run is *soft* (the text is hard-wrapped) when
//! neither line is special (a post signature, a date line, a byline, a list
//! item) and either the next line continues a sentence (starts lowercase after
//! a line without terminal punctuation) or the line is *filled*: the run's
//! lines are at most 100 chars wide and the next line's first word would not
//! have fitted on it. Otherwise each line is its own paragraph, as in copy
//! pasted news where paragraphs are separated by a single `\n`.
//!
//! Kinds, in order of precedence: `PostSignature` ([`super::post`]),
//! `Dateline` (the whole paragraph is a date), `Byline` (`By Jane Doe`,
//! before the body), `Headline` (the first paragraph, a single short line
//! without a final period, with more text after it), `SectionLabel` (a
//! short line without final punctuation, followed by more text), `Paragraph`.
//! `PostText` is given later to the paragraph before a signature.

use super::date::{full_date_line, whole_date};
use super::dateline::dateline;
use super::post::{inline_signature, signature};
use super::{span_of, trimmed, PResult};
use crate::parse::model::{BlockKind, Byline};
use crate::source::Span;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::satisfy;
use nom::combinator::recognize;
use nom::{Offset, Parser};

/// Widest line, in chars, of a hard-wrapped run.
const WRAP_WIDTH: usize = 100;

/// A paragraph before tokenisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Para {
    pub span: Span,
    pub kind: BlockKind,
    /// Whether the paragraph is one line.
    pub single_line: bool,
}

/// One non-blank line, trimmed.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
}

impl Line {
    fn text(self, full: &str) -> &str {
        &full[self.start..self.end]
    }
}

/// Width of a line in chars (bytes for very long lines, which are never
/// hard-wrapped anyway).
fn width(s: &str) -> usize {
    if s.len() > 4 * WRAP_WIDTH {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Whether a line ends a sentence: `.`, `!`, `?`, `…`, `:` possibly followed
/// by closing quotes or brackets.
fn ends_terminal(s: &str) -> bool {
    let s = s.trim_end_matches(['”', '"', '’', '\'', ')', ']', '»']);
    s.ends_with(['.', '!', '?', '…', ':'])
}

/// `list-item := ("-" | "*" | "•" | "–" | "—" | digit+ ("." | ")")) ' '`
fn list_item(s: &str) -> bool {
    let marker: PResult<'_, &str> = recognize((
        alt((
            tag("-"),
            tag("*"),
            tag("•"),
            tag("–"),
            tag("—"),
            recognize((
                take_while1(|c: char| c.is_ascii_digit()),
                satisfy(|c| c == '.' || c == ')'),
            )),
        )),
        tag(" "),
    ))
    .parse(s);
    marker.is_ok()
}

/// Whether a line must stand alone: a signature, a date line, a byline or a list item.
fn special(full: &str, line: &str) -> bool {
    list_item(line)
        || signature(full, line, false).is_some()
        || whole_date(full, line).is_some()
        || byline(full, line).is_some()
}

/// Whether the break between lines `a` and `b` of a run is soft.
fn soft_break(full: &str, a: &str, b: &str, run_width: usize, run_len: usize) -> bool {
    if special(full, a) || special(full, b) {
        return false;
    }
    let terminal = ends_terminal(a);
    if b.chars().next().is_some_and(char::is_lowercase) && !terminal {
        return true;
    }
    let first_word = b.split(char::is_whitespace).next().map_or(0, width);
    let filled = width(a) + 1 + first_word > run_width;
    run_width <= WRAP_WIDTH && filled && (!terminal || run_len >= 3)
}

/// Splits `text` into paragraphs (see the module doc), appending to `out`.
pub(crate) fn paragraphs(text: &str, out: &mut Vec<Para>) {
    let mut run: Vec<Line> = Vec::new();
    let mut newlines = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut pos = 0;
    while pos <= text.len() {
        // One SIMD scan of the text for line breaks, consumed line by line.
        let end = newlines.next().unwrap_or(text.len());
        let raw = &text[pos..end];
        let content = raw.trim();
        if content.is_empty() {
            flush(text, &mut run, out);
        } else {
            let start = pos + (raw.len() - raw.trim_start().len());
            run.push(Line {
                start,
                end: start + content.len(),
            });
        }
        pos = end + 1;
    }
    flush(text, &mut run, out);
}

/// Turns a run of lines into paragraphs.
fn flush(text: &str, run: &mut Vec<Line>, out: &mut Vec<Para>) {
    if run.is_empty() {
        return;
    }
    let run_width = if run.len() > 1 {
        run.iter().map(|l| width(l.text(text))).max().unwrap_or(0)
    } else {
        0
    };
    let mut first = 0;
    for k in 0..run.len() {
        let last = k + 1 == run.len()
            || !soft_break(
                text,
                run[k].text(text),
                run[k + 1].text(text),
                run_width,
                run.len(),
            );
        if last {
            out.push(Para {
                span: Span::from_range(run[first].start..run[k].end),
                kind: BlockKind::Paragraph,
                single_line: first == k,
            });
            first = k + 1;
        }
    }
    run.clear();
}

/// Splits off publication dates glued to a neighbour (`Headline Tuesday,
/// September 1, 2015`, `Thursday, May 7, 2015 On Tuesday, …`) and post
/// signatures glued to the post text, rebuilding `paras`.
pub(crate) fn split_glued(text: &str, paras: &mut Vec<Para>) {
    let old = std::mem::take(paras);
    for (k, para) in old.into_iter().enumerate() {
        let body = para.span.text(text);
        if k == 0 && para.single_line {
            if let Some(at) = trailing_date(text, body) {
                push_part(
                    text,
                    paras,
                    para.span.start as usize,
                    para.span.start as usize + at,
                    true,
                );
                push_part(
                    text,
                    paras,
                    para.span.start as usize + at,
                    para.span.end as usize,
                    true,
                );
                continue;
            }
        }
        if k < 3 {
            if let Ok((rest, found)) = full_date_line(text, body) {
                let rest_trim = rest.trim_start();
                if rest.len() != rest_trim.len() && rest_trim.starts_with(char::is_uppercase) {
                    let split = found.span.end as usize;
                    push_part(text, paras, para.span.start as usize, split, true);
                    push_part(text, paras, split, para.span.end as usize, para.single_line);
                    continue;
                }
            }
        }
        if let Some((at, _)) = inline_signature(text, body) {
            let split = para.span.start as usize + at;
            push_part(
                text,
                paras,
                para.span.start as usize,
                split,
                para.single_line,
            );
            push_part(text, paras, split, para.span.end as usize, true);
            continue;
        }
        paras.push(para);
    }
}

/// Pushes the trimmed part `start..end` as a paragraph, if not empty.
fn push_part(text: &str, paras: &mut Vec<Para>, start: usize, end: usize, single_line: bool) {
    let span = trimmed(text, Span::from_range(start..end));
    if !span.is_empty() {
        paras.push(Para {
            span,
            kind: BlockKind::Paragraph,
            single_line: single_line || !span.text(text).contains('\n'),
        });
    }
}

/// The offset in `line` of a full publication date that ends it, after a
/// space, within its last 48 bytes.
fn trailing_date(full: &str, line: &str) -> Option<usize> {
    let window = line.len().saturating_sub(48);
    let bytes = line.as_bytes();
    (window.max(1)..line.len())
        .filter(|&i| {
            line.is_char_boundary(i) && bytes[i - 1] == b' ' && bytes[i].is_ascii_uppercase()
        })
        .find(|&i| {
            full_date_line(full, &line[i..]).is_ok_and(|(rest, _)| rest.trim().is_empty())
                && !line[..i].trim().is_empty()
        })
}

/// `name-word := upper (letter | '.' | '-' | '\'' | '’')*`
fn name_word(input: &str) -> PResult<'_, &str> {
    recognize((
        satisfy(char::is_uppercase),
        nom::bytes::complete::take_while(|c: char| {
            c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')
        }),
    ))
    .parse(input)
}

/// `byline := ("By" | "BY") gap name ((',' | " |" | " -" | " —") gap affiliation)?`,
/// `name := name-word (gap (name-word | "and" | "&"))*` with `name-word`
/// capitalised. The whole line must be used and not end with a period.
pub(crate) fn byline(full: &str, line: &str) -> Option<Byline> {
    if line.len() > 120 || line.ends_with('.') {
        return None;
    }
    let gap = |i| take_while1::<_, _, ()>(|c: char| c == ' ').parse(i);
    let (rest, _) = (alt((tag::<_, _, ()>("By"), tag("BY"))), gap)
        .parse(line)
        .ok()?;
    let (mut rest, first) = name_word(rest).ok()?;
    let name_start = first;
    let mut words = 1;
    while let Ok((after_gap, _)) = gap(rest) {
        if let Ok((after, _)) = alt((tag::<_, _, ()>("and "), tag("& "))).parse(after_gap) {
            if let Ok((after, _)) = name_word(after) {
                rest = after;
                words += 2;
                continue;
            }
        }
        match name_word(after_gap) {
            Ok((after, _)) => {
                rest = after;
                words += 1;
            }
            Err(_) => break,
        }
    }
    if words > 10 {
        return None;
    }
    let name_end = line.len() - rest.len();
    let name = &line[line.offset(name_start)..name_end];
    let affiliation = if rest.trim().is_empty() {
        None
    } else {
        let sep: PResult<'_, &str> =
            alt((tag(", "), tag(" | "), tag(" - "), tag(" — "), tag(" – "))).parse(rest);
        let (aff, _) = sep.ok()?;
        let aff = aff.trim();
        if aff.is_empty() || !aff.starts_with(char::is_uppercase) {
            return None;
        }
        Some(span_of(full, aff))
    };
    Some(Byline {
        span: span_of(full, line),
        name: span_of(full, name),
        affiliation,
    })
}

/// Whether a single-line paragraph reads as a section label: at most six
/// words and 50 chars, starting with a capital or digit, not a quotation, and
/// without final punctuation other than `:`.
fn label_like(line: &str) -> bool {
    line.len() <= 150
        && line.chars().count() <= 50
        && line.split_whitespace().count() <= 6
        && line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !line.ends_with(['.', '!', '?', ';', ',', '…', '"', '”', '’', '\'', ')'])
        && !line.contains(". ")
}

/// Whether the first paragraph reads as a headline: one line of at most 200
/// chars and 30 words, not ending with a period.
fn headline_like(line: &str) -> bool {
    line.len() <= 800
        && line.chars().count() <= 200
        && line.split_whitespace().count() <= 30
        && !line
            .trim_end_matches(['”', '"', '’', '\'', ')', ']', '»'])
            .ends_with('.')
}

/// Gives every paragraph its kind (all but `PostText`, see the module doc) and
/// returns the byline, if any.
pub(crate) fn classify(text: &str, paras: &mut [Para]) -> Option<Byline> {
    let count = paras.len();
    let mut byline_found = None;
    let mut body_started = false;
    for (k, para) in paras.iter_mut().enumerate() {
        let body = para.span.text(text);
        para.kind = if para.single_line && signature(text, body, false).is_some() {
            BlockKind::PostSignature
        } else if para.single_line && whole_date(text, body).is_some() {
            BlockKind::Dateline
        } else if let Some(found) =
            (!body_started && byline_found.is_none() && k < 4 && para.single_line)
                .then(|| byline(text, body))
                .flatten()
        {
            byline_found = Some(found);
            BlockKind::Byline
        } else if k == 0
            && count > 1
            && para.single_line
            && headline_like(body)
            && dateline(text, body).is_none()
        {
            BlockKind::Headline
        } else if k > 0 && k + 1 < count && para.single_line && label_like(body) {
            BlockKind::SectionLabel
        } else {
            body_started = true;
            BlockKind::Paragraph
        };
    }
    byline_found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<(BlockKind, &str)> {
        let mut out = Vec::new();
        paragraphs(text, &mut out);
        split_glued(text, &mut out);
        classify(text, &mut out);
        out.iter().map(|p| (p.kind, p.span.text(text))).collect()
    }

    #[test]
    fn single_breaks_split_paragraphs() {
        let text = "Title here\n\nFirst paragraph of text that is long enough to look like prose, such as Ukraine.\nWhite House said the talks will go on as planned after the holidays, officials said.\n";
        assert_eq!(
            paras(text),
            [
                (BlockKind::Headline, "Title here"),
                (BlockKind::Paragraph, "First paragraph of text that is long enough to look like prose, such as Ukraine."),
                (BlockKind::Paragraph, "White House said the talks will go on as planned after the holidays, officials said."),
            ]
        );
    }

    #[test]
    fn hard_wrapped_text_joins() {
        let text = "Headline\n\nThe council met on Tuesday to discuss the budget for\nthe coming year. Members said the plan would cut\nSpending on roads and raise funds for schools.\n\nShort one.\nAnother short one.\n";
        assert_eq!(
            paras(text),
            [
                (BlockKind::Headline, "Headline"),
                (BlockKind::Paragraph, "The council met on Tuesday to discuss the budget for\nthe coming year. Members said the plan would cut\nSpending on roads and raise funds for schools."),
                (BlockKind::Paragraph, "Short one."),
                (BlockKind::Paragraph, "Another short one."),
            ]
        );
    }

    #[test]
    fn kinds() {
        let text = "Biden will call Zelensky\nBy Jane Doe and John Roe, Associated Press\n\nMonday, May 18, 2015\n\nBody text here.\n\nQuote\n\nMore body text.\n\nWhy did it happen?\n\nEnd.";
        assert_eq!(
            paras(text),
            [
                (BlockKind::Headline, "Biden will call Zelensky"),
                (
                    BlockKind::Byline,
                    "By Jane Doe and John Roe, Associated Press"
                ),
                (BlockKind::Dateline, "Monday, May 18, 2015"),
                (BlockKind::Paragraph, "Body text here."),
                (BlockKind::SectionLabel, "Quote"),
                (BlockKind::Paragraph, "More body text."),
                (BlockKind::Paragraph, "Why did it happen?"),
                (BlockKind::Paragraph, "End."),
            ]
        );
    }

    #[test]
    fn one_line_lead_is_not_a_headline() {
        let text = "WASHINGTON (AP) — The deal was done, he said: 'We got it'\n\nMore text.";
        assert_eq!(paras(text)[0].0, BlockKind::Paragraph);
        let text = "The deal was \"a big deal.\"\n\nMore text.";
        assert_eq!(paras(text)[0].0, BlockKind::Paragraph);
    }

    #[test]
    fn byline_first_is_not_a_headline() {
        let text = "By Jane Doe\n\nThe council met.\n\nEnd.";
        assert_eq!(paras(text)[0], (BlockKind::Byline, "By Jane Doe"));
        let text = "By the numbers: inflation in 2021\n\nPrices rose.";
        assert_eq!(paras(text)[0].0, BlockKind::Headline);
    }

    #[test]
    fn glued_dates_split() {
        let text = "Ants self-medicate, study finds Tuesday, September 1, 2015\n\nThursday, May 7, 2015 On Tuesday, the council met.\n\nEnd.";
        assert_eq!(
            paras(text),
            [
                (BlockKind::Headline, "Ants self-medicate, study finds"),
                (BlockKind::Dateline, "Tuesday, September 1, 2015"),
                (BlockKind::Dateline, "Thursday, May 7, 2015"),
                (BlockKind::Paragraph, "On Tuesday, the council met."),
                (BlockKind::Paragraph, "End."),
            ]
        );
    }

    #[test]
    fn bylines() {
        let b = |line: &str| {
            byline(line, line).map(|b| {
                (
                    b.name.text(line).to_owned(),
                    b.affiliation.map(|a| a.text(line).to_owned()),
                )
            })
        };
        assert_eq!(b("By Jane Doe"), Some(("Jane Doe".into(), None)));
        assert_eq!(
            b("By Jane Doe and John Roe, Associated Press"),
            Some((
                "Jane Doe and John Roe".into(),
                Some("Associated Press".into())
            ))
        );
        assert_eq!(
            b("BY JANE DOE | Reuters"),
            Some(("JANE DOE".into(), Some("Reuters".into())))
        );
        assert_eq!(b("By contrast, the plan"), None);
        assert_eq!(b("By Monday, the committee had voted."), None);
        assert_eq!(b("Byron Smith"), None);
    }

    #[test]
    fn labels() {
        for yes in [
            "Quote",
            "Details",
            "Add",
            "Context",
            "University exhibits",
            "Election Results",
            "Background:",
        ] {
            assert!(label_like(yes), "{yes}");
        }
        for no in [
            "Why did it happen?",
            "He left.",
            "“Quote”",
            "lowercase words",
            "One two three four five six seven",
        ] {
            assert!(!label_like(no), "{no}");
        }
    }
}
