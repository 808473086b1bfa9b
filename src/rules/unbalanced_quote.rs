//! AC009 `unbalanced-quote`: quotation marks that are opened and never
//! closed, or closed and never opened.

use super::voice::Voice;
use super::{Rule, RuleContext};
use crate::diagnostic::Diagnostic;
use crate::parse::{ParseIssueKind, QuoteStyle};
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Flags an opening quotation mark that is never closed, a closing
    /// quotation mark with no opening mark, and a quotation opened with a
    /// straight single mark and closed with a straight double one
    /// (`'Thank you."`).
    ///
    /// A quotation that continues into the next paragraph is not flagged when
    /// the next paragraph reopens it, as news style does: the opening mark is
    /// repeated at each paragraph and only the last one is closed. A photo
    /// caption set between two paragraphs of one quotation (`… Image: NASA.`)
    /// does not break it.
    ///
    /// ## Why is this bad?
    /// Quotation marks tell the reader which words are the source's own. When
    /// one is missing, nobody can tell where the quoted words end and the
    /// reporter's begin, so the article attributes words to someone who may
    /// not have said them.
    ///
    /// ## Example
    /// ```text
    /// “We will rebuild the bridge by spring, the mayor said on Monday.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// “We will rebuild the bridge by spring,” the mayor said on Monday.
    /// ```
    ///
    /// ## Known problems
    /// The rule reports the quotation problems the parser finds. Where an
    /// apostrophe and a closing single quotation mark look the same (`the
    /// players' union`), the parser reads an apostrophe, so a missing opening
    /// single quotation mark there goes unreported.
    pub UnbalancedQuote, code = "AC009", name = "unbalanced-quote", severity = Error
}

impl Rule for UnbalancedQuote {
    fn check(&self, cx: &mut RuleContext<'_>) {
        let article = cx.article;
        let text = cx.text();
        for issue in &article.issues {
            let diagnostic = match issue.kind {
                ParseIssueKind::UnclosedQuote => {
                    // Quotes are in order of their opening mark.
                    let quote = article
                        .quotes
                        .binary_search_by_key(&issue.span.start, |q| q.span.start)
                        .ok()
                        .map(|i| &article.quotes[i]);
                    if continues_after_caption(cx, issue.span.start) {
                        continue;
                    }
                    let mark = issue.span.text(text);
                    let closing = closing_mark(quote.map(|q| q.style), mark);
                    let mut d = Diagnostic::new(
                        Self::CODE,
                        Self::NAME,
                        Self::SEVERITY,
                        issue.span,
                        "quotation mark is never closed",
                    )
                    .primary_label("opened here")
                    .help(format!(
                        "add the closing `{closing}` where the quoted words end, or remove this mark"
                    ))
                    .note(
                        "a quotation that goes on in the next paragraph must reopen there with a quotation mark",
                    );
                    if let Some(end) = quote.and_then(|q| last_char(text, q.span)) {
                        if end.start > issue.span.end {
                            d = d.label(end, "the paragraph ends without a closing mark");
                        }
                    }
                    d
                }
                ParseIssueKind::UnopenedQuote => Diagnostic::new(
                    Self::CODE,
                    Self::NAME,
                    Self::SEVERITY,
                    issue.span,
                    "closing quotation mark has no opening mark",
                )
                .primary_label("closes nothing")
                .help("add the opening mark where the quoted words begin, or remove this mark"),
                ParseIssueKind::MismatchedQuote => {
                    let close = issue.span.text(text);
                    // The quotation this mark closes ends with it; quotes
                    // are in order of their opening mark, and only a few
                    // can be open around one closing mark.
                    let before = article
                        .quotes
                        .partition_point(|q| q.span.start < issue.span.start);
                    let open = article.quotes[..before]
                        .iter()
                        .rev()
                        .take(16)
                        .find(|q| q.span.end == issue.span.end)
                        .and_then(|q| first_char(text, q.span));
                    let open_mark = open.map_or("'", |o| o.text(text));
                    let mut d = Diagnostic::new(
                        Self::CODE,
                        Self::NAME,
                        Self::SEVERITY,
                        issue.span,
                        format!("quotation opened with `{open_mark}` is closed with `{close}`"),
                    )
                    .primary_label("closing mark of another kind")
                    .help(format!(
                        "use the same kind of mark at both ends: `{open_mark}…{}` or `{}…{close}`",
                        closing_mark(None, open_mark),
                        opening_mark(close)
                    ));
                    if let Some(o) = open {
                        d = d.label(o, "opened here");
                    }
                    d
                }
            };
            cx.report(diagnostic);
        }
    }
}

/// The mark that closes a quotation of `style`, opened with `mark`.
/// Whether the quotation opened at `offset` goes on after a photo caption
/// set between its paragraphs (`… the hands-` / `Endeavour on its pad.
/// Image: NASA.` / `"However, …`): the caption interrupts the quotation as
/// a page break would, and the next paragraph reopens it.
fn continues_after_caption(cx: &RuleContext<'_>, offset: u32) -> bool {
    let article = cx.article;
    let Some(b) = article.block_at(offset) else {
        return false;
    };
    let (caption, next) = (b + 1, b + 2);
    let opens_quote = |i: u32| {
        article.blocks.get(i as usize).is_some_and(|block| {
            article
                .quotes
                .get(
                    article
                        .quotes
                        .partition_point(|q| q.span.start < block.span.start),
                )
                .is_some_and(|q| q.span.start == block.span.start)
        })
    };
    (caption as usize) < article.blocks.len()
        && cx.voices().of_block(caption) == Voice::Caption
        && opens_quote(next)
}

fn closing_mark(style: Option<QuoteStyle>, mark: &str) -> &'static str {
    match style {
        Some(QuoteStyle::CurlyDouble) => "”",
        Some(QuoteStyle::CurlySingle) => "’",
        Some(QuoteStyle::StraightDouble) => "\"",
        Some(QuoteStyle::StraightSingle) => "'",
        Some(QuoteStyle::Guillemet) if mark == "»" => "«",
        Some(QuoteStyle::Guillemet) => "»",
        Some(QuoteStyle::SingleGuillemet) if mark == "›" => "‹",
        Some(QuoteStyle::SingleGuillemet) => "›",
        Some(QuoteStyle::LowDouble) => "“",
        Some(QuoteStyle::LowSingle) => "‘",
        Some(QuoteStyle::Backtick) => "''",
        None => match mark {
            "“" => "”",
            "‘" => "’",
            "«" => "»",
            "»" => "«",
            "„" => "“",
            "‚" => "‘",
            "‹" => "›",
            "'" => "'",
            _ => "\"",
        },
    }
}

/// The mark that opens a quotation closed with `mark`.
fn opening_mark(mark: &str) -> &'static str {
    match mark {
        "”" => "“",
        "’" => "‘",
        "»" => "«",
        "«" => "»",
        "'" => "'",
        _ => "\"",
    }
}

/// The first character of `span` in `text`.
fn first_char(text: &str, span: Span) -> Option<Span> {
    let c = span.text(text).chars().next()?;
    Some(Span::new(span.start, span.start + c.len_utf8() as u32))
}

/// The last character of `span` in `text`, skipping trailing whitespace.
fn last_char(text: &str, span: Span) -> Option<Span> {
    let slice = span.text(text).trim_end();
    let (i, c) = slice.char_indices().next_back()?;
    let start = span.start as usize + i;
    Some(Span::from_range(start..start + c.len_utf8()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Article, ParseIssue, Quote};
    use crate::rules::run_rule;

    fn span_of(text: &str, needle: &str) -> Span {
        let start = text.find(needle).expect("needle in text");
        Span::from_range(start..start + needle.len())
    }

    fn quote(span: Span, style: QuoteStyle, closed: bool) -> Quote {
        Quote {
            span,
            inner: Span::new(span.start + 3, span.end),
            style,
            depth: 0,
            parent: None,
            closed,
            continues: None,
            insertions: Vec::new(),
        }
    }

    #[test]
    fn reports_an_unclosed_quote_on_its_opening_mark() {
        let text = "Headline\n\n“We will rebuild by spring, the mayor said.\n\nNext paragraph.";
        let open = span_of(text, "“");
        let paragraph_end = span_of(text, "said.").end;
        let article = Article {
            quotes: vec![quote(
                Span::new(open.start, paragraph_end),
                QuoteStyle::CurlyDouble,
                false,
            )],
            issues: vec![ParseIssue {
                kind: ParseIssueKind::UnclosedQuote,
                span: open,
            }],
            ..Article::default()
        };
        let found = run_rule(&UnbalancedQuote, text, &article);
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!(
            (d.code.as_str(), d.name.as_str()),
            ("AC009", "unbalanced-quote")
        );
        assert_eq!(d.severity, crate::diagnostic::Severity::Error);
        assert_eq!(d.message, "quotation mark is never closed");
        assert_eq!(d.span.text(text), "“");
        assert_eq!(d.labels.len(), 2);
        assert!(d.labels[0].primary);
        assert_eq!(d.labels[0].message, "opened here");
        assert_eq!(d.labels[1].span.text(text), ".");
        assert_eq!(d.labels[1].span.end, paragraph_end);
        assert_eq!(
            d.help.as_deref(),
            Some("add the closing `”` where the quoted words end, or remove this mark")
        );
    }

    #[test]
    fn names_the_closing_mark_of_the_style() {
        let text = "«Nous reconstruirons, a dit le maire.";
        let open = span_of(text, "«");
        let article = Article {
            quotes: vec![quote(
                Span::new(open.start, text.len() as u32),
                QuoteStyle::Guillemet,
                false,
            )],
            issues: vec![ParseIssue {
                kind: ParseIssueKind::UnclosedQuote,
                span: open,
            }],
            ..Article::default()
        };
        let found = run_rule(&UnbalancedQuote, text, &article);
        assert!(found[0].help.as_deref().unwrap().contains("`»`"));
        // Without a matching quotation, the mark itself decides.
        let article = Article {
            issues: vec![ParseIssue {
                kind: ParseIssueKind::UnclosedQuote,
                span: open,
            }],
            ..Article::default()
        };
        let found = run_rule(&UnbalancedQuote, text, &article);
        assert_eq!(found[0].labels.len(), 1);
        assert!(found[0].help.as_deref().unwrap().contains("`»`"));
    }

    #[test]
    fn reports_a_closing_mark_with_no_opening() {
        let text = "The mayor said we will rebuild by spring.” Then she left.";
        let close = span_of(text, "”");
        let article = Article {
            issues: vec![ParseIssue {
                kind: ParseIssueKind::UnopenedQuote,
                span: close,
            }],
            ..Article::default()
        };
        let found = run_rule(&UnbalancedQuote, text, &article);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "closing quotation mark has no opening mark"
        );
        assert_eq!(found[0].span.text(text), "”");
        assert_eq!(found[0].labels[0].message, "closes nothing");
    }

    #[test]
    fn balanced_quotes_are_clean() {
        let text = "“We will rebuild,” the mayor said.";
        let article = Article {
            quotes: vec![quote(
                span_of(text, "“We will rebuild,”"),
                QuoteStyle::CurlyDouble,
                true,
            )],
            ..Article::default()
        };
        assert!(run_rule(&UnbalancedQuote, text, &article).is_empty());
    }
}
