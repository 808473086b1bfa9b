//! AC010 `quote-without-speaker`: a direct quotation nobody is named for.

use super::voice::{has_speech_verb, Voice};
use super::{Rule, RuleContext};
use crate::claims::ClaimKind;
use crate::diagnostic::Diagnostic;
use crate::parse::{Article, Quote, TokenKind};

declare_rule! {
    /// ## What it does
    /// Flags a direct quotation that nobody is named for. No cue attributes
    /// it in its sentence (`…,” the mayor said`), and it inherits no
    /// speaker from the sentences around it (a quotation continued from the
    /// previous paragraph, a following `she said`, a speaker introduced
    /// with a colon; see `docs/claims.md`).
    ///
    /// A **direct quotation** is four words or more in quotation marks. One
    /// to three words inside a sentence are a scare quote or a quoted term
    /// (`the latest “proposals”`, `a "white elephant"`), not a quotation,
    /// and a title in quotation marks (every word of four letters or more
    /// capitalised, no sentence punctuation: `“Gone With the Wind”`) names a
    /// work: neither is flagged. A quotation inside the writer's own
    /// sentence (`The plan, “a waste of money …,” went to the council`) is
    /// flagged like one standing alone.
    ///
    /// Not flagged either, because the speaker is known or the rule cannot
    /// tell:
    ///
    /// - quotations in the headline, photo captions, embedded posts,
    ///   interviews and paragraphs written in the first person (the
    ///   speaker is the post's author, the interviewee or the narrator);
    /// - a quotation in a paragraph where an earlier sentence attributes
    ///   words to someone (`Roe said she was pleased. Why? “…”`), read as
    ///   theirs, as news paragraphs are written;
    /// - a quotation in a sentence holding a speech verb outside the
    ///   quotation that the claim extractor did not link (`“…,” said
    ///   council leader Jane Roe`): taken as attributed;
    /// - an unclosed quotation, which is `unbalanced-quote`'s.
    ///
    /// ## Why is this bad?
    /// Quotation marks promise the reader someone's exact words. Without a
    /// speaker, the reader cannot tell whose words they are, and the
    /// quotation cannot be checked against what was really said.
    ///
    /// ## Example
    /// ```text
    /// The council approved the budget on Monday. “This is the fairest budget
    /// the city has had in a decade.”
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The council approved the budget on Monday. “This is the fairest budget
    /// the city has had in a decade,” said council leader Jane Roe.
    /// ```
    ///
    /// ## Known problems
    /// The rule sees the speakers the claim extractor finds: a speaker
    /// introduced without a speech verb (`Senator Jane Roe issued a
    /// statement. “…”`), named only in a later paragraph, or implied by the
    /// story (`The crowd chanted. “We want jobs!”`) is not linked, so the
    /// quotation is flagged. A pull quote set apart from the text is
    /// flagged when no sentence names its speaker.
    pub QuoteWithoutSpeaker, code = "AC010", name = "quote-without-speaker", severity = Warning
}

/// The fewest words a direct quotation has; fewer inside a sentence make a
/// scare quote or a quoted term.
const MIN_WORDS: usize = 4;

/// The number of words inside a quotation's marks.
fn words_in(article: &Article, quote: &Quote) -> usize {
    let range = article.tokens_in(quote.inner);
    article.tokens[range.start as usize..range.end as usize]
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .count()
}

/// Where each sentence's letters and digits start and end, computed once
/// per sentence when first asked: a sentence holding many quotations would
/// otherwise be rescanned for each.
#[derive(Default)]
struct Letters(Vec<Option<(u32, u32)>>);

impl Letters {
    /// The start of the first alphanumeric char of sentence `s` and the end
    /// of its last (`(end, start)` of the sentence when it has none).
    fn of(&mut self, text: &str, article: &Article, s: usize) -> Option<(u32, u32)> {
        let sentence = article.sentences.get(s)?;
        if self.0.len() != article.sentences.len() {
            self.0 = vec![None; article.sentences.len()];
        }
        if let Some(found) = self.0[s] {
            return Some(found);
        }
        let span = sentence.span;
        let slice = span.text(text);
        let first = slice
            .char_indices()
            .find(|(_, c)| c.is_alphanumeric())
            .map_or(span.end, |(i, _)| span.start + i as u32);
        let last = slice
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_alphanumeric())
            .map_or(span.start, |(i, c)| span.start + (i + c.len_utf8()) as u32);
        self.0[s] = Some((first, last));
        Some((first, last))
    }
}

/// Whether `quote` is all its sentence holds, apart from punctuation.
fn is_whole_sentence(text: &str, article: &Article, quote: &Quote, letters: &mut Letters) -> bool {
    let Some(s) = article.sentence_at(quote.span.start) else {
        return false;
    };
    let Some(sentence) = article.sentences.get(s as usize) else {
        return false;
    };
    let Some((first, last)) = letters.of(text, article, s as usize) else {
        return false;
    };
    sentence.span.start <= quote.span.start
        && first >= quote.span.start
        && last <= quote.span.end.min(sentence.span.end)
}

/// Whether a quotation reads as a title (`“Gone With the Wind”`): no
/// sentence punctuation, and every word of four letters or more
/// capitalised.
fn is_title(text: &str, article: &Article, quote: &Quote) -> bool {
    let range = article.tokens_in(quote.inner);
    article.tokens[range.start as usize..range.end as usize]
        .iter()
        .all(|t| match t.kind {
            TokenKind::Word => {
                let w = t.text(text);
                w.chars().count() < 4 || w.starts_with(|c: char| c.is_uppercase())
            }
            TokenKind::Punct => !matches!(t.text(text), "." | "," | "!" | "?" | ";"),
            _ => true,
        })
}

impl Rule for QuoteWithoutSpeaker {
    fn check(&self, cx: &mut RuleContext<'_>) {
        let article = cx.article;
        let text = cx.text();
        let mut found = Vec::new();
        // The block of the previous claim, and whether a claim before in
        // that block named a speaker.
        let mut block = None;
        let mut speaker_named = false;
        let mut letters = Letters::default();
        for claim in cx.claims {
            let here = article
                .sentences
                .get(claim.sentence as usize)
                .map(|s| s.block);
            if here != block {
                block = here;
                speaker_named = false;
            }
            if claim.is_attributed() && claim.speaker.is_some() {
                speaker_named = true;
                continue;
            }
            if speaker_named
                || claim.kind != ClaimKind::Unattributed
                || claim.quotes.is_empty()
                || cx.voices().of_sentence(article, claim.sentence) != Voice::Narration
            {
                continue;
            }
            let alone = claim.is_unsourced_quotation(article);
            // Read the claim's words for a speech verb once, not per quote.
            let mut speech_verb = None;
            for &q in &claim.quotes {
                let Some(quote) = article.quotes.get(q as usize) else {
                    continue;
                };
                let words = words_in(article, quote);
                if !quote.closed {
                    // An unclosed mark is `unbalanced-quote`'s; where the
                    // quotation ends is unknown.
                    continue;
                }
                let direct = if alone {
                    words >= MIN_WORDS || is_whole_sentence(text, article, quote, &mut letters)
                } else {
                    // Inside the writer's sentence: a quotation, unless it
                    // is a scare quote or a title.
                    words >= MIN_WORDS
                        && quote.depth == 0
                        && !is_title(text, article, quote)
                        && !*speech_verb.get_or_insert_with(|| {
                            has_speech_verb(text, article, &claim.content, &cx.lexicon.cues)
                        })
                };
                if !direct {
                    continue;
                }
                found.push(
                    Diagnostic::new(
                        Self::CODE,
                        Self::NAME,
                        Self::SEVERITY,
                        quote.span,
                        "quotation has no speaker",
                    )
                    .primary_label("nobody is named for these words")
                    .help("name who said it, e.g. `…,” said council leader Jane Roe`; if the words are not a quotation, drop the quotation marks"),
                );
            }
        }
        for d in found {
            cx.report(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::check_text;

    #[test]
    fn a_quotation_nobody_says_is_flagged() {
        let text = "Budget approved\n\n\
                    The council approved the budget on Monday. \
                    “This is the fairest budget the city has had in a decade.”";
        let found = check_text(&QuoteWithoutSpeaker, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].span.text(text),
            "“This is the fairest budget the city has had in a decade.”"
        );
        assert_eq!(found[0].message, "quotation has no speaker");
    }

    #[test]
    fn attributed_and_scare_quotes_are_clean() {
        for text in [
            "Budget approved\n\n“This is the fairest budget in a decade,” the mayor said.",
            "Budget approved\n\nThe council received the latest “proposals” from the union.",
            "Budget approved\n\nThe mayor spoke on Monday: “This is the fairest budget in a decade.”",
            "Budget approved\n\nThe mayor said she was pleased. Why? “This is the fairest budget in a decade.”",
        ] {
            assert_eq!(check_text(&QuoteWithoutSpeaker, text), [], "{text}");
        }
    }
}
