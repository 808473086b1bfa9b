//! AC004 `anonymous-source`: a claim that rests on a source the article
//! does not name.

use super::voice::{is_question, Voice};
use super::{Rule, RuleContext};
use crate::claims::Claim;
use crate::diagnostic::Diagnostic;
use crate::lexicon::AnonymousKind;
use crate::source::Span;
use std::collections::HashMap;

declare_rule! {
    /// ## What it does
    /// Flags a claim that rests on an unnamed source. The unnamed source is
    /// its speaker (`officials said`, `a senior official told reporters`)
    /// or the original source its reporter or medium cites (`… citing a
    /// source in the White House`, `Reuters reported, citing people
    /// familiar with the matter`).
    ///
    /// A source is unnamed when the claim extractor marks it anonymous: a
    /// description with no name in it, recognised from the phrases of
    /// `rules/lexicons/anonymous-sources.json` and the unnamed-group nouns
    /// of `speakers.json` (`a source in`, `people familiar with the matter`,
    /// `officials`). A source that also carries a name (`an aide, Jane Doe,`)
    /// is named.
    ///
    /// One finding per unnamed source, however many claims rest on it; the
    /// primary label is on the source's description, a second label on the
    /// first claim resting on it. When the sentence says why the source is
    /// not named (`who spoke on condition of anonymity`, listed in the same
    /// lexicon), the finding labels the reason instead of asking for one.
    /// Embedded posts (their authors' own words), photo captions,
    /// interviews and questions are not checked: what an interviewer asks
    /// about `someone` is no claim resting on them.
    ///
    /// ## Why is this bad?
    /// Readers cannot judge a source they cannot identify, and cannot hold
    /// it to account when it is wrong. Unnamed sources are sometimes the
    /// only way to report a story, which is why this is information rather
    /// than a warning: newsroom standards ask that the claim be one the
    /// source is in a position to know, and that the article say why the
    /// source is not named.
    ///
    /// ## Example
    /// ```text
    /// The ministry will cut the budget by a fifth, officials said.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The ministry will cut the budget by a fifth, two officials involved in
    /// the talks said on condition of anonymity because the plan has not
    /// been announced.
    /// ```
    ///
    /// ## Known problems
    /// Unnamed sources are recognised by the lexicons: a description the
    /// lists do not know (`a figure in the coalition`) is read as a named
    /// source, and one that names a body rather than a person (`the
    /// ministry said`) is named, which is what newsroom style expects.
    pub AnonymousSource, code = "AC004", name = "anonymous-source", severity = Info
}

/// The unnamed source a claim rests on: its anonymous speaker, else the
/// anonymous link of its chain nearest to the original source.
fn unnamed_source(claim: &Claim) -> Option<Span> {
    if let Some(speaker) = claim.speaker.as_ref().filter(|s| s.anonymous) {
        return Some(speaker.span);
    }
    claim
        .chain
        .iter()
        .rev()
        .find(|link| link.anonymous)
        .map(|link| link.span)
}

/// The phrases of `anonymous-sources.json` found in the article: their
/// span and kind, in text order.
fn lexicon_hits(cx: &RuleContext<'_>) -> Vec<(Span, AnonymousKind)> {
    let words = cx.words();
    let items = words.items();
    let lexicon = &cx.lexicon.anonymous_sources;
    words
        .find(lexicon.matcher())
        .into_iter()
        .filter_map(|hit| {
            let range = words.word_range_items(hit.start..hit.end)?;
            let span = items[range.start].span.cover(items[range.end - 1].span);
            Some((span, lexicon.patterns().get(hit.phrase as usize)?.kind))
        })
        .collect()
}

/// The hits lying inside `span`, by binary search.
fn hits_in(hits: &[(Span, AnonymousKind)], span: Span) -> &[(Span, AnonymousKind)] {
    let from = hits.partition_point(|(s, _)| s.start < span.start);
    let to = from + hits[from..].partition_point(|(s, _)| s.end <= span.end);
    &hits[from..to]
}

impl Rule for AnonymousSource {
    fn check(&self, cx: &mut RuleContext<'_>) {
        let article = cx.article;
        let mut order = Vec::new();
        let mut resting: HashMap<Span, Vec<&Claim>> = HashMap::new();
        for claim in cx.claims {
            let Some(source) = unnamed_source(claim) else {
                continue;
            };
            let voice = cx.voices().of_sentence(article, claim.sentence);
            let question = article
                .sentences
                .get(claim.sentence as usize)
                .is_some_and(|s| is_question(cx.text(), article, s));
            if !matches!(voice, Voice::Narration | Voice::Speech) || question {
                continue;
            }
            let claims = resting.entry(source).or_default();
            if claims.is_empty() {
                order.push(source);
            }
            claims.push(claim);
        }
        if order.is_empty() {
            return;
        }
        let hits = lexicon_hits(cx);
        let mut found = Vec::with_capacity(order.len());
        for source in order {
            let claims = &resting[&source];
            let official = hits_in(&hits, source)
                .iter()
                .any(|(_, kind)| *kind == AnonymousKind::Official);
            // A reason for the anonymity in the sentence of the source or of
            // the first claim resting on it.
            let reason = [Some(source.start), Some(claims[0].span.start)]
                .into_iter()
                .flatten()
                .filter_map(|offset| article.sentence_at(offset))
                .filter_map(|s| article.sentences.get(s as usize))
                .find_map(|s| {
                    hits_in(&hits, s.span)
                        .iter()
                        .find(|(_, kind)| *kind == AnonymousKind::Anonymity)
                })
                .map(|(span, _)| *span);
            found.push(diagnostic(cx.text(), source, claims, official, reason));
        }
        for d in found {
            cx.report(d);
        }
    }
}

/// The finding for one unnamed source and the claims resting on it.
fn diagnostic(
    text: &str,
    source: Span,
    claims: &[&Claim],
    official: bool,
    reason: Option<Span>,
) -> Diagnostic {
    let who = if official { "official" } else { "source" };
    let mut d = Diagnostic::new(
        AnonymousSource::CODE,
        AnonymousSource::NAME,
        AnonymousSource::SEVERITY,
        source,
        format!(
            "claim rests on an unnamed {who}: `{}`",
            source.text(text).trim()
        ),
    )
    .primary_label(format!("unnamed {who}"));
    let first = claims[0];
    let content = first
        .content
        .iter()
        .copied()
        .reduce(Span::cover)
        .unwrap_or(first.span);
    if !content.overlaps(source) {
        d = d.label(content, "claim resting on it");
    }
    if claims.len() > 1 {
        d = d.note(format!("{} claims rest on this {who}", claims.len()));
    }
    match reason {
        Some(reason) => d.label(reason, "reason given for not naming it"),
        None => d.help(format!(
            "name the {who}, or say why it is not named and how it knows (e.g. `who was not authorised to speak publicly`)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::check_text;

    #[test]
    fn one_finding_per_unnamed_source() {
        let text = "Budget cut planned\n\n\
                    The ministry will cut the budget by a fifth, officials said. \
                    They said the cut would start in May.";
        let found = check_text(&AnonymousSource, text);
        assert_eq!(found.len(), 1, "{found:?}");
        let d = &found[0];
        assert_eq!(d.span.text(text), "officials");
        assert!(
            d.message.starts_with("claim rests on an unnamed"),
            "{}",
            d.message
        );
    }

    #[test]
    fn a_reason_for_anonymity_is_labelled_instead_of_asked_for() {
        let text = "Museums to close\n\n\
                    The ministry will close two museums, a senior official said, \
                    speaking on condition of anonymity.";
        let found = check_text(&AnonymousSource, text);
        assert_eq!(found.len(), 1, "{found:?}");
        let d = &found[0];
        assert_eq!(
            d.message,
            "claim rests on an unnamed official: `a senior official`"
        );
        let labels: Vec<(&str, &str)> = d
            .labels
            .iter()
            .map(|l| (l.span.text(text), l.message.as_str()))
            .collect();
        assert_eq!(
            labels,
            [
                ("a senior official", "unnamed official"),
                ("The ministry will close two museums", "claim resting on it"),
                (
                    "speaking on condition of anonymity",
                    "reason given for not naming it"
                ),
            ]
        );
        assert_eq!(d.help, None);
    }

    #[test]
    fn named_sources_are_clean() {
        for text in [
            "Budget cut planned\n\nThe ministry will cut the budget by a fifth, Finance Minister Jane Roe said.",
            "Budget cut planned\n\nThe ministry will cut the budget by a fifth, the ministry said in a statement.",
        ] {
            assert_eq!(check_text(&AnonymousSource, text), [], "{text}");
        }
    }
}
