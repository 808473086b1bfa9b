//! AC001 `quote-mismatch`: words inside quotation marks that differ from the
//! text they quote, when that text is in the article or a `--source` file.

use super::align::{
    self, passage::SENTENCE_END, Alignment, EditKind, Found, Passages, RefKind, Reference, Seq,
    Target, Thresholds,
};
use super::{Rule, RuleContext};
use crate::claims::{Claim, ClaimKind, SpeakerKind};
use crate::diagnostic::{Diagnostic, Severity};
use crate::parse::{Article, BlockKind};
use crate::source::Span;
use std::fmt::Write as _;

declare_rule! {
    /// ## What it does
    /// Flags a quotation whose words differ from the text it quotes, when
    /// that text is at hand: an embedded post, a fuller quotation, or a
    /// `--source` document.
    ///
    /// The texts compared are the article's embedded social posts, its
    /// other quotations of the same speaker when they are fuller (including
    /// a paragraph-long block quotation), and the documents given with
    /// `--source FILE` (a transcript, press release or readout; the option
    /// can be repeated).
    ///
    /// The quoted passage is found by similarity: the quotation's words are
    /// looked up in an index of every reference text, the densest stretches
    /// are aligned word by word, and the best alignment is kept when its
    /// similarity (the Dice coefficient of the aligned words, `2 × equal
    /// words / (quoted words + source words)`) is at least 0.50, with at
    /// least three equal content words and two consecutive equal words. The
    /// finding lists every substituted, dropped and added word.
    ///
    /// These are not differences: case, punctuation, the style of the
    /// quotation marks, hyphenation (`build-up`, `buildup`), the
    /// abbreviations of `rules/lexicons/equivalents.json` (`WH` for `White
    /// House`, `w` for `with`), editorial insertions (`(January 2 – ed.)`,
    /// `[the president]`), words cut at an ellipsis (`…`, `[…]`), and a
    /// quotation that is an exact excerpt of its source. A quotation with no
    /// similar enough passage, or of fewer than four words, is not checked.
    ///
    /// The finding is an error when the similarity is at least 0.75, or when
    /// the article names the compared text as the quotation's source (`the
    /// message reads`, pointing at the post); otherwise, and when only
    /// function words differ (`the`, `of`), it is a warning.
    ///
    /// ## Why is this bad?
    /// Quotation marks promise the reader the speaker's exact words. A
    /// quotation that changes them — `confirm` for `reaffirm`, `clashes` for
    /// `engagements`, a purpose clause cut off — puts words in the speaker's
    /// mouth, and any reader who opens the post or the transcript sees it.
    ///
    /// ## Example
    /// ```text
    /// The mayor’s post says the city will “close the old bridge for good.”
    ///
    /// The city will close the old bridge until the repairs are finished.
    /// — Ana Ruiz (@mayorruiz) March 3, 2023
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The mayor’s post says the city will “close the old bridge until the
    /// repairs are finished.”
    /// ```
    ///
    /// Or paraphrase without quotation marks, or mark the cut with `…` and
    /// the editor's words with `[…]`.
    ///
    /// ## Known problems
    /// A translated quotation is compared with its original word for word:
    /// when the translation stays close it is reported, every translation
    /// choice listed as a difference; when it does not, it is not found. A
    /// quotation that reorders its source is described by the best word
    /// alignment, which can pair the wrong words. Words are compared as
    /// written: `two` and `2` are equal, `second` and `2nd` are not, and
    /// spelling variants of a name (`Zelenskyy`, `Zelensky`) differ. A cut
    /// right after the first one or two function words of a quotation
    /// (`“We will rebuild”` for “We will, as I said, rebuild”) can go
    /// unnoticed. Without the speakers of both quotations known, two similar
    /// quotations of different people can be compared. Quotations of more
    /// than 2,000 words are not checked, nor are quotations whose content
    /// words are each used more than 64 times in the `--source` documents.
    pub QuoteMismatch, code = "AC001", name = "quote-mismatch", severity = Error
}

/// Quotations with fewer words are not checked (scare quotes, fragments).
pub const MIN_QUOTE_WORDS: usize = 4;

/// Quotations with more words are not checked.
pub const MAX_QUOTE_WORDS: usize = 2000;

/// What a passage needs to count as the quotation's source.
pub const THRESHOLDS: Thresholds = Thresholds {
    min_score: 0.5,
    min_matched_content: 3,
    min_run: 2,
    relaxed_score: 0.75,
};

/// From this similarity on, a difference in content words is an error.
pub const ERROR_SCORE: f32 = 0.75;

/// Differences named in the message; the labels show more.
const MESSAGE_ITEMS: usize = 4;

/// Differences labelled in the quotation.
const LABELLED_EDITS: usize = 6;

/// Quoted text shown in a message or label, in chars.
const SHORT_QUOTE: usize = 40;

/// Source text shown in the help, in chars.
const HELP_QUOTE: usize = 200;

impl Rule for QuoteMismatch {
    fn check(&self, cx: &mut RuleContext<'_>) {
        let passages = cx.passages();
        let speakers = Speakers::new(cx.text(), cx.article, cx.claims);
        let mut found = Vec::new();
        for (r, query) in passages.article.refs().iter().enumerate() {
            let RefKind::Quote(quote) = query.kind else {
                continue;
            };
            let len = query.words.len();
            if !(MIN_QUOTE_WORDS..=MAX_QUOTE_WORDS).contains(&len) {
                continue;
            }
            let speaker = speakers.of_quote(quote);
            let accept = |target: Target, candidate: &Reference| match (target, candidate.kind) {
                (Target::Article(c), _) if c as usize == r => false,
                (Target::Article(_), _) if candidate.span.overlaps(query.span) => false,
                (_, RefKind::Quote(other)) => {
                    candidate.words.len() > len
                        && Speakers::compatible(speaker, speakers.of_quote(other))
                }
                _ => true,
            };
            let seq = Seq::new(passages.article.store(), query.words.clone());
            let Some(source) =
                passages.find(seq, &query.gaps, query.span.start, &accept, THRESHOLDS)
            else {
                continue;
            };
            if source.alignment.edits.is_empty() {
                continue;
            }
            let linked = speakers.links(quote, passages.reference(source.target));
            found.push(diagnostic(&passages, cx.article, query, &source, linked));
        }
        for d in found {
            cx.report(d);
        }
    }
}

/// The speaker of each quotation, from the claims, for comparing two
/// quotations and for knowing which text the article says it quotes.
pub(crate) struct Speakers<'a> {
    text: &'a str,
    article: &'a Article,
    claims: &'a [Claim],
    /// Quotation index → claim index.
    by_quote: Vec<Option<u32>>,
    /// Quotation index → its speaker's key, computed on first use.
    keys: Vec<std::cell::OnceCell<Option<String>>>,
}

impl<'a> Speakers<'a> {
    /// Maps every quotation to the claim that contains it: O(claims +
    /// quotations).
    pub(crate) fn new(text: &'a str, article: &'a Article, claims: &'a [Claim]) -> Self {
        let mut by_quote = vec![None; article.quotes.len()];
        for (c, claim) in claims.iter().enumerate() {
            if !matches!(claim.kind, ClaimKind::Direct | ClaimKind::Mixed) {
                continue;
            }
            for &q in &claim.quotes {
                if let Some(slot) = by_quote.get_mut(q as usize) {
                    slot.get_or_insert(c as u32);
                }
            }
            if claim.quotes.is_empty() {
                for &fragment in &claim.content {
                    for (q, _) in article.quotes_in(fragment) {
                        by_quote[q as usize].get_or_insert(c as u32);
                    }
                }
            }
        }
        Speakers {
            text,
            article,
            claims,
            keys: vec![std::cell::OnceCell::new(); by_quote.len()],
            by_quote,
        }
    }

    /// The claim containing quotation `quote`.
    pub(crate) fn claim(&self, quote: u32) -> Option<&'a Claim> {
        let c = (*self.by_quote.get(quote as usize)?)?;
        self.claims.get(c as usize)
    }

    /// Who said quotation `quote`, as a comparable key: the last word of
    /// the speaker's name (of the name a pronoun resolves to), lowercase,
    /// without a possessive. `None` when unknown, unnamed or a document.
    pub(crate) fn of_quote(&self, quote: u32) -> Option<&str> {
        self.keys
            .get(quote as usize)?
            .get_or_init(|| self.claim(quote).and_then(|c| self.key(c)))
            .as_deref()
    }

    /// The speaker key of a claim.
    pub(crate) fn key(&self, claim: &Claim) -> Option<String> {
        let speaker = claim.speaker.as_ref()?;
        if speaker.anonymous {
            return None;
        }
        let span = match speaker.kind {
            SpeakerKind::Pronoun => speaker.resolved?,
            SpeakerKind::Document | SpeakerKind::Unnamed => return None,
            _ => speaker.name.unwrap_or(speaker.span),
        };
        let last = span.text(self.text).split_whitespace().next_back()?;
        let mut key = String::new();
        crate::lexicon::comparison_form(last, &mut key);
        let bare = crate::lexicon::matcher::strip_possessive(&key).len();
        key.truncate(bare);
        Some(key)
    }

    /// Whether two speakers may be the same: unknown ones may.
    pub(crate) fn compatible(a: Option<&str>, b: Option<&str>) -> bool {
        match (a, b) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }

    /// Whether the article names `reference` as the source of quotation
    /// `quote` (`the message reads`, resolved to the post).
    pub(crate) fn links(&self, quote: u32, reference: Option<&Reference>) -> bool {
        let (Some(claim), Some(reference)) = (self.claim(quote), reference) else {
            return false;
        };
        self.claim_links(claim, reference)
    }

    /// Whether `claim`'s speaker is `reference`: the speaker resolves to it
    /// (`the message reads`, `her post says`), or the reference is a post
    /// signed by the speaker (same last name).
    pub(crate) fn claim_links(&self, claim: &Claim, reference: &Reference) -> bool {
        let Some(speaker) = &claim.speaker else {
            return false;
        };
        if matches!(reference.kind, RefKind::Document(_)) {
            return false;
        }
        if speaker
            .resolved
            .is_some_and(|span| span.overlaps(reference.span))
        {
            return true;
        }
        let RefKind::Post(p) = reference.kind else {
            return false;
        };
        let author = self
            .article
            .posts
            .get(p as usize)
            .and_then(|post| post.author)
            .and_then(|span| span.text(self.text).split_whitespace().next_back());
        match (author, self.key(claim)) {
            (Some(author), Some(key)) => {
                let mut form = String::new();
                crate::lexicon::comparison_form(author, &mut form);
                form == key
            }
            _ => false,
        }
    }
}

/// How to name a reference in findings: `the embedded post`, `the block
/// quotation`, `the fuller quotation` (or `the quotation` when it need not
/// be `fuller`), `` `transcript.txt` ``.
pub(crate) fn describe(
    passages: &Passages<'_>,
    article: &Article,
    target: Target,
    fuller: bool,
) -> String {
    let Some(reference) = passages.reference(target) else {
        return "the source".into();
    };
    match reference.kind {
        RefKind::Post(_) => "the embedded post".into(),
        RefKind::Quote(_) => {
            let block = article
                .block_at(reference.span.start)
                .and_then(|b| article.blocks.get(b as usize));
            match block {
                Some(b) if b.kind == BlockKind::Paragraph && b.span == reference.span => {
                    "the block quotation".into()
                }
                _ if fuller => "the fuller quotation".into(),
                _ => "the quotation".into(),
            }
        }
        RefKind::Document(d) => passages
            .sources
            .docs()
            .get(d as usize)
            .map_or("the source document".into(), |doc| {
                format!("`{}`", doc.file.name())
            }),
    }
}

/// `text` on one line, cut at a word boundary to about `max` chars.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let at = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':']))
}

/// The text of words `range` of a store, as written (`""` when empty).
pub(crate) fn words_text<'t>(
    text: &'t str,
    store: &align::WordStore,
    range: std::ops::Range<u32>,
) -> &'t str {
    align::span_of(store, range).map_or("", |span| span.text(text))
}

/// One difference, ready to be shown.
struct Shown {
    kind: EditKind,
    tail: bool,
    minor: bool,
    /// Where it is in the quotation (for a drop: the word before or after).
    at: Span,
    /// The quotation's words (`""` for a drop).
    quoted: String,
    /// The source's words (`""` for an addition).
    source: String,
    /// The source's words, where they are in the source's text.
    source_span: Option<Span>,
}

impl Shown {
    fn item(&self) -> String {
        match self.kind {
            EditKind::Substituted => format!("“{}” for “{}”", self.quoted, self.source),
            EditKind::Dropped if self.tail => {
                format!("drops the sentence’s end “{}”", self.source)
            }
            EditKind::Dropped => format!("drops “{}”", self.source),
            EditKind::Added => format!("adds “{}”", self.quoted),
        }
    }

    fn caption(&self) -> String {
        match self.kind {
            EditKind::Substituted => format!("source has “{}”", self.source),
            EditKind::Dropped if self.tail => {
                format!("quotation ends here; source goes on “{}”", self.source)
            }
            EditKind::Dropped => format!("source has “{}” here", self.source),
            EditKind::Added => "not in the source".into(),
        }
    }
}

/// The finding for quotation `query` and its source passage.
fn diagnostic(
    passages: &Passages<'_>,
    article: &Article,
    query: &Reference,
    source: &Found,
    linked: bool,
) -> Diagnostic {
    let text = passages.text;
    let a: &Alignment = &source.alignment;
    let qstore = passages.article.store();
    let sstore = passages.store(source.target);
    let stext = passages.text(source.target);
    let qword = |i: u32| qstore.words()[(query.words.start + i) as usize].span;
    let qlen = query.words.len() as u32;

    let mut shown: Vec<Shown> = a
        .edits
        .iter()
        .map(|edit| {
            let qrange = query.words.start + edit.query.start..query.words.start + edit.query.end;
            let at = if edit.query.is_empty() {
                // A drop: point at the word before it, else the one after.
                let i = edit.query.start.saturating_sub(1).min(qlen - 1);
                qword(i)
            } else {
                align::span_of(qstore, qrange.clone()).unwrap_or(query.span)
            };
            Shown {
                kind: edit.kind,
                tail: false,
                minor: edit.minor,
                at,
                quoted: shorten(words_text(text, qstore, qrange), SHORT_QUOTE),
                source: shorten(words_text(stext, sstore, edit.source.clone()), SHORT_QUOTE),
                source_span: align::span_of(sstore, edit.source.clone()),
            }
        })
        .collect();
    // A quotation that ends its sentence (`clashes.”`) where the source's
    // sentence goes on cut the rest; worth saying once it differs anyway.
    let ends_sentence = qstore
        .words()
        .get((query.words.end - 1) as usize)
        .is_some_and(|w| w.is(SENTENCE_END));
    let mut shown_end = a.passage.end;
    if let Some(rest) = a.rest_of_sentence.clone().filter(|_| ends_sentence) {
        shown_end = rest.end;
        shown.push(Shown {
            kind: EditKind::Dropped,
            tail: true,
            minor: false,
            at: qword(qlen - 1),
            quoted: String::new(),
            source: shorten(words_text(stext, sstore, rest.clone()), SHORT_QUOTE),
            source_span: align::span_of(sstore, rest),
        });
    }

    let mut order: Vec<usize> = (0..shown.len()).collect();
    // Content changes first (substitutions, then drops, then additions),
    // each in text order; function-word changes last.
    order.sort_by_key(|&i| {
        let s = &shown[i];
        let kind = match s.kind {
            EditKind::Substituted => 0,
            EditKind::Dropped => 1,
            EditKind::Added => 2,
        };
        (s.minor, kind, i)
    });
    let content_changes = shown.iter().any(|s| !s.minor && !s.tail);
    let desc = describe(passages, article, source.target, true);

    // The message names content changes when there are some, else the
    // function-word ones; the rest are counted.
    let mut message = format!("quotation differs from {desc}: ");
    let major = shown.iter().filter(|s| !s.minor).count();
    let listed: Vec<String> = order
        .iter()
        .take(if major > 0 {
            major.min(MESSAGE_ITEMS)
        } else {
            MESSAGE_ITEMS
        })
        .map(|&i| shown[i].item())
        .collect();
    message.push_str(&listed.join(", "));
    let more = shown.len() - listed.len();
    if more > 0 {
        let what = if major > listed.len() {
            "change"
        } else {
            "minor change"
        };
        let _ = write!(
            message,
            " and {more} more {what}{}",
            if more == 1 { "" } else { "s" }
        );
    }

    let severity = if content_changes && (a.score >= ERROR_SCORE || linked) {
        Severity::Error
    } else {
        Severity::Warning
    };
    let primary = &shown[order[0]];
    let mut d = Diagnostic::new(
        QuoteMismatch::CODE,
        QuoteMismatch::NAME,
        severity,
        primary.at,
        message,
    )
    .primary_label(primary.caption());
    for &i in order.iter().skip(1).take(LABELLED_EDITS - 1) {
        let s = &shown[i];
        if s.tail {
            continue;
        }
        d = d.label(s.at, s.caption());
    }

    let passage_span = align::span_of(sstore, a.passage.start..shown_end);
    let labelled = align::span_of(sstore, a.passage.clone());
    if let (Target::Article(_), Some(span)) = (source.target, labelled) {
        d = d.label(span, format!("{desc} reads this"));
    }
    if let Some(tail) = shown.iter().find(|s| s.tail) {
        if let (Target::Article(_), Some(span)) = (source.target, tail.source_span) {
            d = d.label(span, "the quotation stops before these words");
        }
    }

    let exact = passage_span.map_or(String::new(), |span| {
        excerpt(
            stext,
            span,
            shown.iter().filter_map(|s| s.source_span).min(),
        )
    });
    d = d.help(format!(
        "quote {desc} exactly, marking cuts with “…”, or drop the quotation marks; it reads “{exact}”"
    ));
    let location = match source.target {
        Target::Document(doc) => passage_span
            .zip(passages.sources.docs().get(doc as usize))
            .map(|(span, doc)| {
                let at = doc.lines.position(doc.file.text(), span.start);
                format!(" at line {}", at.line)
            })
            .unwrap_or_default(),
        Target::Article(_) => String::new(),
    };
    d.note(format!(
        "similarity {:.2} with {desc}{location}; findings from {:.2}, errors from {:.2} or when the article names this source",
        a.score, THRESHOLDS.min_score, ERROR_SCORE
    ))
}

/// The source's words for the help: the whole passage when short, else
/// about [`HELP_QUOTE`] chars starting a few words before the first
/// difference, cut at word boundaries and marked with `…`.
pub(crate) fn excerpt(text: &str, passage: Span, first_difference: Option<Span>) -> String {
    let whole = passage.text(text);
    let flat: Vec<&str> = whole.split_whitespace().collect();
    if whole.chars().count() <= HELP_QUOTE {
        return flat.join(" ");
    }
    // Words of the passage before the first difference.
    let before = first_difference.map_or(0, |d| {
        passage.text(text)[..(d.start.saturating_sub(passage.start) as usize).min(whole.len())]
            .split_whitespace()
            .count()
    });
    let from = before.saturating_sub(4);
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut chars = 0;
    let mut cut = false;
    for (i, word) in flat.iter().enumerate().skip(from) {
        if chars + word.chars().count() > HELP_QUOTE && i > from {
            cut = true;
            break;
        }
        if i > from {
            out.push(' ');
        }
        out.push_str(word);
        chars += word.chars().count() + 1;
    }
    if cut {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_at_a_word() {
        assert_eq!(shorten("to help\n de-escalate", 40), "to help de-escalate");
        assert_eq!(
            shorten(
                "review preparations for upcoming diplomatic engagements",
                40
            ),
            "review preparations for upcoming…"
        );
    }

    #[test]
    fn excerpt_starts_before_the_first_difference() {
        let text = "one two three four five six seven eight nine ten ".repeat(40);
        let passage = Span::from_range(0..text.trim_end().len());
        let at = text
            .find("one two three four five six seven eight nine ten one two")
            .unwrap()
            + 300;
        let at = at + text[at..].find(' ').unwrap() + 1;
        let shown = excerpt(&text, passage, Some(Span::from_range(at..at + 3)));
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.chars().count() <= HELP_QUOTE + 2);
        assert_eq!(excerpt("a  b\nc", Span::new(0, 6), None), "a b c");
    }
}
