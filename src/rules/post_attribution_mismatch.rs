//! AC011 `post-attribution-mismatch`: the text names one author for an
//! embedded post whose signature shows another.

use super::mentions::{fold, Mentions, NameWord, PersonName, Shape};
use super::{Rule, RuleContext};
use crate::diagnostic::Diagnostic;
use crate::parse::{Article, BlockKind, Post, TokenKind};
use crate::source::Span;
use std::collections::HashSet;

declare_rule! {
    /// ## What it does
    /// Flags an embedded social post whose signature shows another author
    /// than the one the article names for it.
    ///
    /// The signature is the embed's last line (`— john doe (@jdoe) December
    /// 31, 2021`); the article names an author in a sentence about posting
    /// (`This was reported on Twitter by AP journalist Jane Roe`).
    ///
    /// Sentences about posting are `on Twitter by Jane Roe`, `Roe
    /// tweeted`, `Jane Roe wrote on X`, `Roe’s post`, `posted by @jroe`. Such a sentence refers to the next embedded post when it is in
    /// the paragraph right before it, or when its paragraph shares at least
    /// three content words with the post. Names match case-insensitively and
    /// without accents; the surname alone matches the full name, and the
    /// handle matches when it contains the surname (`@dsupervilleap` for
    /// `Darlene Superville`). A handle named in the text is compared with
    /// the signature's handle.
    ///
    /// ## Why is this bad?
    /// The embed is the evidence for the attribution. When the signature
    /// shows someone else, either the article credits the wrong person or
    /// it embeds the wrong post, and readers cannot tell who said it.
    ///
    /// ## Example
    /// ```text
    /// The talks were announced on Twitter by AP journalist Jane Roe.
    ///
    /// Talks set for Sunday, White House says
    /// — john doe (@jdoe) December 31, 2021
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The talks were announced on Twitter by AP journalist John Doe.
    ///
    /// Talks set for Sunday, White House says
    /// — john doe (@jdoe) December 31, 2021
    /// ```
    ///
    /// ## Known problems
    /// - When several people are named as posting before one embed, the
    ///   post is taken to be by any of them: no finding if one matches.
    /// - A display name unrelated to the person's name (a nickname, an
    ///   organisation's account quoting a person) is reported; the help says
    ///   what to check.
    /// - Posting sentences more than one paragraph before the post count
    ///   only when their paragraph shares words with the post, so an article
    ///   that names the author far from an embed about another subject is not
    ///   checked.
    pub PostAttributionMismatch, code = "AC011", name = "post-attribution-mismatch", severity = Warning
}

/// Platforms a post is published on (`on Twitter`, `on X`).
const PLATFORMS: &[&str] = &[
    "bluesky",
    "facebook",
    "instagram",
    "linkedin",
    "mastodon",
    "telegram",
    "threads",
    "tiktok",
    "twitter",
    "weibo",
    "x",
    "youtube",
];

/// Verbs that say someone published a post.
const POST_VERBS: &[&str] = &[
    "posted",
    "published",
    "reported",
    "retweeted",
    "shared",
    "tweeted",
    "wrote",
];

/// Nouns for a post (`Roe’s tweet`).
const POST_NOUNS: &[&str] = &["message", "post", "tweet"];

/// Words too common to link a paragraph to a post.
const STOPWORDS: &[&str] = &[
    "about", "after", "also", "been", "before", "being", "from", "have", "into", "more", "over",
    "said", "says", "than", "that", "their", "there", "these", "they", "this", "those", "were",
    "what", "when", "which", "will", "with", "would",
];

impl Rule for PostAttributionMismatch {
    fn check(&self, cx: &mut RuleContext<'_>) {
        let article = cx.article;
        if article.posts.is_empty() {
            return;
        }
        let text = cx.text();
        let mentions = cx.mentions();
        let attributions = find_attributions(article, mentions, text);
        let mut out = Vec::new();
        let mut previous_end = 0;
        for post in &article.posts {
            if post.author.is_none() && post.handle.is_none() {
                previous_end = post.span.end;
                continue;
            }
            // The attributions between the previous post and this one, by
            // binary search: each is looked at for one post only.
            let from = attributions.partition_point(|a| a.span.start < previous_end);
            let to = attributions.partition_point(|a| a.span.end <= post.span.start);
            let window = attributions.get(from..to.max(from)).unwrap_or(&[]);
            let post_words = if window.is_empty() {
                HashSet::new()
            } else {
                content_words(mentions, post.text)
            };
            let linked: Vec<&Attribution> = window
                .iter()
                .filter(|a| {
                    next_block_is_post(article, a.block, post)
                        || overlap(&content_words(mentions, a.paragraph), &post_words) >= 3
                })
                .collect();
            previous_end = post.span.end;
            let Some(nearest) = linked.last() else {
                continue;
            };
            if linked.iter().any(|a| same_author(a, post, text)) {
                continue;
            }
            out.push(diagnostic(text, nearest, post));
        }
        for d in out {
            cx.report(d);
        }
    }
}

/// A sentence naming who posted something.
#[derive(Debug)]
struct Attribution {
    /// The name or handle as written.
    span: Span,
    /// The name's normalized words (`darlene`, `superville`); empty for a
    /// handle.
    words: Vec<String>,
    /// The handle, folded and without `@` (`jroe`), when the article names
    /// one (`posted by @jroe`).
    handle: Option<String>,
    /// The block it is in.
    block: u32,
    /// The paragraph's span.
    paragraph: Span,
}

/// Every name the article gives as the author of a post, in text order.
fn find_attributions(article: &Article, m: &Mentions, text: &str) -> Vec<Attribution> {
    let mut out = Vec::new();
    // Built on first need: most articles have no posting sentence.
    let full_surnames = std::cell::OnceCell::new();
    let full_surnames = || {
        full_surnames.get_or_init(|| {
            m.runs
                .iter()
                .filter_map(|r| m.person_name(r))
                .filter(|n| n.first.is_some())
                .map(|n| m.surname_text(&n))
                .collect::<HashSet<String>>()
        })
    };
    let mut cursor = 0;
    for (b, block) in article.blocks.iter().enumerate() {
        if block.kind != BlockKind::Paragraph {
            continue;
        }
        for sentence in article.block_sentences(block) {
            // Sentences and words are both in text order: walk forward.
            while cursor < m.words.len() && m.words[cursor].span.start < sentence.span.start {
                cursor += 1;
            }
            let first = cursor;
            while cursor < m.words.len() && m.words[cursor].span.start < sentence.span.end {
                cursor += 1;
            }
            let last = cursor;
            let words = &m.words[first..last];
            if !is_about_posting(m, words) {
                continue;
            }
            for name in posting_names(m, full_surnames(), first, words) {
                let name_words = m.slice(&name.words);
                out.push(Attribution {
                    span: name.span,
                    words: name_words
                        .iter()
                        .filter(|w| w.shape != Shape::Initial)
                        .map(|w| fold(m.norm(w)))
                        .collect(),
                    handle: None,
                    block: b as u32,
                    paragraph: block.span,
                });
            }
            for handle in posting_handles(article, m, text, sentence.span) {
                out.push(Attribution {
                    span: handle,
                    words: Vec::new(),
                    handle: Some(fold(handle.text(text))),
                    block: b as u32,
                    paragraph: block.span,
                });
            }
        }
    }
    out.sort_by_key(|a| a.span.start);
    out
}

/// Whether a sentence is about publishing a post: a platform after `on` or
/// `via`, or a posting verb or noun (`tweeted`, `Roe’s post`).
fn is_about_posting(m: &Mentions, words: &[NameWord]) -> bool {
    let mut prev = "";
    words.iter().any(|w| {
        let norm = m.norm(w);
        let found = match w.shape {
            Shape::Lower => matches!(norm, "tweeted" | "retweeted") || POST_NOUNS.contains(&norm),
            _ => matches!(prev, "on" | "via") && PLATFORMS.contains(&norm),
        };
        prev = norm;
        found
    })
}

/// The names given as posting in a sentence: after `by` (`on Twitter by AP
/// journalist Jane Roe`), before a posting or speech verb (`Roe wrote`), or
/// possessive before a post noun (`Roe’s tweet`).
fn posting_names(
    m: &Mentions,
    full_surnames: &HashSet<String>,
    first: usize,
    words: &[NameWord],
) -> Vec<PersonName> {
    let mut out = Vec::new();
    let runs = m.runs_in(Span::new(
        words.first().map_or(0, |w| w.span.start),
        words.last().map_or(0, |w| w.span.end),
    ));
    for run in runs {
        let Some(name) = m.person_name(run) else {
            continue;
        };
        // A surname alone must be the surname of someone the article names
        // in full (`Mayor Tom Alvarez … Alvarez tweeted`), so `Officials
        // tweeted` is no name.
        if name.first.is_none() && !full_surnames.contains(&m.surname_text(&name)) {
            continue;
        }
        let start = run.words.start as usize - first;
        let end = run.words.end as usize - first;
        // `by [role words] Name`: up to three lowercase words or acronyms
        // between `by` and the run.
        let after_by = (1..=4).any(|back| {
            start.checked_sub(back).is_some_and(|b| {
                matches!(m.norm(&words[b]), "by" | "from")
                    && words[b + 1..start]
                        .iter()
                        .all(|w| w.shape == Shape::Lower || w.shape == Shape::Acronym)
            })
        });
        let before_verb = words.get(end).is_some_and(|w| {
            let norm = m.norm(w);
            w.joined && (POST_VERBS.contains(&norm) || super::mentions::is_speech_verb(norm))
        });
        let last = &m.words[run.words.end as usize - 1];
        let possessive = words
            .get(end)
            .is_some_and(|w| POST_NOUNS.contains(&m.norm(w)))
            && last.span.len() > m.norm(last).len() as u32;
        if after_by || before_verb || possessive {
            out.push(name);
        }
    }
    out
}

/// The handles a posting sentence gives as a post's author: `by @jroe`,
/// `by AP's @jroe`, `@jroe tweeted`.
fn posting_handles(article: &Article, m: &Mentions, text: &str, sentence: Span) -> Vec<Span> {
    let only_space = |from: u32, to: u32| {
        text.get(from as usize..to as usize)
            .is_some_and(|gap| gap.chars().all(char::is_whitespace))
    };
    let tokens = article.tokens_in(sentence);
    let mut out = Vec::new();
    for token in &article.tokens[tokens.start as usize..tokens.end as usize] {
        if token.kind != TokenKind::Handle {
            continue;
        }
        let next = m.word_at_or_after(token.span.end) as usize;
        // `by [role words] @handle`
        let after_by = (1..=4).any(|back| {
            next.checked_sub(back).is_some_and(|b| {
                let between = &m.words[b + 1..next];
                matches!(m.norm(&m.words[b]), "by" | "from")
                    && m.words[b].span.start >= sentence.start
                    && between
                        .iter()
                        .all(|w| w.joined && matches!(w.shape, Shape::Lower | Shape::Acronym))
                    && only_space(m.words[next - 1].span.end, token.span.start)
            })
        });
        let before_verb = m.words.get(next).is_some_and(|w| {
            let norm = m.norm(w);
            w.span.end <= sentence.end
                && only_space(token.span.end, w.span.start)
                && (POST_VERBS.contains(&norm) || super::mentions::is_speech_verb(norm))
        });
        if after_by || before_verb {
            out.push(token.span);
        }
    }
    out
}

/// Whether the block right after `block` (skipping section labels) is the
/// post's text.
fn next_block_is_post(article: &Article, block: u32, post: &Post) -> bool {
    article.blocks[block as usize + 1..]
        .iter()
        .find(|b| b.kind != BlockKind::SectionLabel)
        .is_some_and(|b| b.span.start >= post.text.start && b.span.end <= post.span.end)
}

/// The distinct content words of `span`: four letters or more, not
/// stopwords, folded.
fn content_words(m: &Mentions, span: Span) -> HashSet<String> {
    let first = m.word_at_or_after(span.start) as usize;
    let last = m.word_at_or_after(span.end) as usize;
    m.words[first..last.max(first)]
        .iter()
        .map(|w| m.norm(w))
        .filter(|n| n.chars().count() >= 4 && !STOPWORDS.contains(n))
        .map(|n| stem(&fold(n)))
        .collect()
}

/// A crude stem, enough to match `border` with `borders`.
fn stem(word: &str) -> String {
    let word = word.strip_suffix('s').unwrap_or(word);
    word.to_string()
}

fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> usize {
    a.intersection(b).count()
}

/// The words of a signature's display name, folded.
fn author_words(text: &str, post: &Post) -> Vec<String> {
    post.author
        .map(|a| {
            a.text(text)
                .split(|c: char| c.is_whitespace() || c == '-' || c == '.')
                .map(fold)
                .filter(|w| !w.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// Whether the name `words` (folded, initials dropped) can be the post's
/// author: the same words, the surname among the display name's words, or
/// the surname inside the handle.
fn same_author(attribution: &Attribution, post: &Post, text: &str) -> bool {
    let post_handle = post
        .handle
        .map(|h| fold(h.text(text).trim_start_matches('@')));
    if let Some(handle) = &attribution.handle {
        // A handle is compared with the handle only; no handle, no verdict.
        return post_handle.is_none_or(|p| p == *handle);
    }
    let Some(surname) = attribution.words.last() else {
        return true;
    };
    let author = author_words(text, post);
    if author.contains(surname) {
        return true;
    }
    // A display name written as one word (`darlenesuperville`).
    if author
        .iter()
        .any(|a| a.len() > surname.len() && a.contains(surname.as_str()))
    {
        return true;
    }
    let handle = post_handle.unwrap_or_default();
    surname.len() >= 3 && handle.contains(surname.as_str())
}

fn diagnostic(text: &str, attribution: &Attribution, post: &Post) -> Diagnostic {
    let named = attribution.span.text(text);
    let named = named
        .strip_suffix("’s")
        .or_else(|| named.strip_suffix("'s"))
        .unwrap_or(named);
    let signed = match (post.author, post.handle) {
        (Some(a), Some(h)) => format!("{} ({})", a.text(text), h.text(text)),
        (Some(a), None) => a.text(text).to_string(),
        (None, Some(h)) => h.text(text).to_string(),
        (None, None) => String::new(),
    };
    let signature = post.author.or(post.handle).unwrap_or(post.signature);
    Diagnostic::new(
        PostAttributionMismatch::CODE,
        PostAttributionMismatch::NAME,
        PostAttributionMismatch::SEVERITY,
        attribution.span,
        format!("the article credits `{named}` with a post signed `{signed}`"),
    )
    .primary_label("named as the post's author")
    .label(signature, format!("signed `{signed}`"))
    .help("check who wrote the post, then name that person in the text or embed the right post")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::check_text;

    fn flagged(text: &str) -> Vec<(String, String)> {
        check_text(&PostAttributionMismatch, text)
            .iter()
            .map(|d| (d.span.text(text).to_string(), d.message.clone()))
            .collect()
    }

    #[test]
    fn a_mismatch_is_reported_on_the_name() {
        let text = "Talks set\n\nThe talks were announced on Twitter by AP journalist Jane Roe.\n\nTalks set for Sunday, White House says\n— john doe (@jdoe) December 31, 2021\n";
        let found = check_text(&PostAttributionMismatch, text);
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!(d.span.text(text), "Jane Roe");
        assert_eq!(
            d.message,
            "the article credits `Jane Roe` with a post signed `john doe (@jdoe)`"
        );
        assert_eq!(d.labels[1].span.text(text), "john doe");
    }

    #[test]
    fn matching_names_handles_and_surnames() {
        let post = "\n\nTalks set for Sunday, White House says\n— darlene superville (@dsupervilleap) December 31, 2021\n";
        for lead in [
            "It was reported on Twitter by AP journalist Darlene Superville.",
            "It was reported on Twitter by AP journalist DARLENE SUPERVILLE.",
            "Superville tweeted the news.",
            "Superville’s tweet said so.",
        ] {
            let text = format!("Talks\n\n{lead}{post}");
            assert_eq!(flagged(&text), [], "{lead}");
        }
        let handle_only = "Talks\n\nJane Roe wrote on X that talks are set.\n\nTalks set for Sunday\n— Roe Reports (@roereports) December 31, 2021\n";
        assert_eq!(flagged(handle_only), []);
        let text = "Talks\n\nThe news came on X from Jane Roe, who tweeted it.\n\nTalks set\n— jdoe (@jdoe) May 2, 2024\n";
        assert_eq!(flagged(text).len(), 1);
    }

    #[test]
    fn handles_in_the_text() {
        let post = "\n\nTalks set for Sunday\n— john doe (@jdoe) December 31, 2021\n";
        let text = format!("Talks\n\nThe news was posted on X by @jroe this morning.{post}");
        let found = check_text(&PostAttributionMismatch, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(&text), "@jroe");
        assert_eq!(
            found[0].message,
            "the article credits `@jroe` with a post signed `john doe (@jdoe)`"
        );
        for lead in [
            "The news was posted on X by @JDoe this morning.",
            "@jdoe tweeted the news this morning.",
            "Jane Roe replied to @jroe on X, and @jdoe posted the news.",
        ] {
            let text = format!("Talks\n\n{lead}{post}");
            assert_eq!(flagged(&text), [], "{lead}");
        }
    }

    #[test]
    fn unrelated_embeds_are_not_linked() {
        // The posting sentence is two paragraphs before an embed about
        // something else.
        let text = "Vote\n\nSenator Jane Roe tweeted that the bill is dead.\n\nThe council met on Monday about the harbour budget.\n\nHarbour budget approved tonight\n— john doe (@jdoe) May 2, 2024\n";
        assert_eq!(flagged(text), []);
        // One of several named posters matches.
        let text = "Vote\n\nJane Roe tweeted about it, and John Doe posted on X as well.\n\nBill is dead\n— john doe (@jdoe) May 2, 2024\n";
        assert_eq!(flagged(text), []);
    }

    #[test]
    fn distant_sentences_link_through_shared_words() {
        let text = "Talks\n\nBiden will hold talks with Zelensky on Sunday about the military buildup. This was reported on Twitter by AP journalist Jane Roe.\n\nDetails\n\nMore about the call.\n\nBiden will speak with Zelensky on Sunday to discuss the military buildup\n— john doe (@jdoe) December 31, 2021\n";
        assert_eq!(flagged(text).len(), 1);
    }
}
