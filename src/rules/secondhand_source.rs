//! AC005 `secondhand-source`: a claim that reaches the article through
//! another medium or reporter from its original source.

use super::voice::Voice;
use super::{Rule, RuleContext};
use crate::claims::{ChainLink, ChainRole, Claim};
use crate::diagnostic::Diagnostic;
use crate::source::Span;
use std::collections::HashSet;

declare_rule! {
    /// ## What it does
    /// Flags a claim that reaches the article through three steps or more.
    /// The steps are the publishing article, a medium or reporter that
    /// relays the claim, and the original source behind it (`UNN` ← `AP
    /// journalist Darlene Superville on Twitter` ← `a source in the White
    /// House`; `Reuters reported, citing officials`).
    ///
    /// The steps are the links of the claim's chain (see `docs/claims.md`):
    /// the article itself always counts as the first, whether or not a
    /// dateline names its agency; then each medium or reporter the claim
    /// passed through; then its source. A claim the article takes straight
    /// from its source (`the ministry said`, `Reuters reported`) has two
    /// steps and is not flagged.
    ///
    /// One finding per chain, however many claims come through it. The
    /// primary label is on the first relaying medium; the other steps have
    /// labels, and a note spells the chain out. Embedded posts (their
    /// authors' own words) are not checked.
    ///
    /// ## Why is this bad?
    /// Each step is a chance for words to be shortened, translated or
    /// misread, and the article has checked none of them with the source:
    /// it reports what someone else says a third party said. This is
    /// information, not a warning, because relaying another outlet is often
    /// the best a newsroom can do; the finding reminds the editor to go to
    /// the original source, or to say that the claim could not be checked.
    ///
    /// ## Example
    /// ```text
    /// The talks will resume on Monday. This was reported by AP journalist
    /// Jane Roe on Twitter, citing a source in the ministry.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The talks will resume on Monday, the ministry's spokesman John Doe told
    /// our correspondent.
    /// ```
    ///
    /// ## Known problems
    /// The rule sees the chain the claim extractor finds: a relay named in
    /// another paragraph than the claim (`As Reuters reported earlier, …`
    /// followed by plain sentences) is not linked, and so not counted.
    pub SecondhandSource, code = "AC005", name = "secondhand-source", severity = Info
}

/// The number of steps between the reader and the claim's source, the
/// publishing article counted whether or not the dateline names it.
pub fn steps(claim: &Claim) -> usize {
    1 + claim
        .chain
        .iter()
        .filter(|link| link.role != ChainRole::Publisher)
        .count()
}

impl Rule for SecondhandSource {
    fn check(&self, cx: &mut RuleContext<'_>) {
        let article = cx.article;
        let text = cx.text();
        let mut seen: HashSet<Vec<Span>> = HashSet::new();
        let mut found = Vec::new();
        for claim in cx.claims {
            if steps(claim) < 3 || cx.voices().of_sentence(article, claim.sentence) == Voice::Apart
            {
                continue;
            }
            let key: Vec<Span> = claim.chain.iter().map(|l| l.span).collect();
            if !seen.insert(key) {
                continue;
            }
            found.push(diagnostic(text, claim));
        }
        for d in found {
            cx.report(d);
        }
    }
}

/// The finding for a claim with a long chain.
fn diagnostic(text: &str, claim: &Claim) -> Diagnostic {
    let relays: Vec<&ChainLink> = claim
        .chain
        .iter()
        .filter(|l| l.role != ChainRole::Publisher)
        .collect();
    let (origin, relays) = relays.split_last().expect("three steps");
    let first = relays[0];
    let name = |link: &ChainLink| link.span.text(text).trim().to_string();
    let mut d = Diagnostic::new(
        SecondhandSource::CODE,
        SecondhandSource::NAME,
        SecondhandSource::SEVERITY,
        first.span,
        format!(
            "claim comes through {} steps: `{}` relays `{}`",
            steps(claim),
            name(relays[relays.len() - 1]),
            name(origin)
        ),
    )
    .primary_label("relays the claim");
    for link in &relays[1..] {
        d = d.label(link.span, "relays the claim");
    }
    d = d.label(origin.span, "original source");
    let publisher = claim.chain.iter().find(|l| l.role == ChainRole::Publisher);
    if let Some(p) = publisher {
        d = d.label(p.span, "publishes it");
    }
    let mut chain: Vec<String> = vec![publisher.map_or("this article".to_string(), name)];
    chain.extend(relays.iter().map(|l| name(l)));
    chain.push(name(origin));
    d.note(format!("chain: {}", chain.join(" ← ")))
        .help("check the claim with the original source and quote it directly, or say that it could not be checked")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::check_text;

    #[test]
    fn a_relay_citing_a_source_is_three_steps() {
        let text = "Talks to resume\n\n\
                    The talks will resume on Monday, Reuters reported, citing two diplomats.";
        let found = check_text(&SecondhandSource, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].span.text(text), "Reuters");
        assert_eq!(
            found[0].message,
            "claim comes through 3 steps: `Reuters` relays `two diplomats`"
        );
    }

    #[test]
    fn a_source_or_a_medium_alone_is_two_steps() {
        for text in [
            "Talks to resume\n\nThe talks will resume on Monday, the ministry said.",
            "Talks to resume\n\nThe talks will resume on Monday, Reuters reported.",
        ] {
            assert_eq!(check_text(&SecondhandSource, text), [], "{text}");
        }
    }
}
