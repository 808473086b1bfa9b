//! What a source noun phrase says about its source: the person's or body's
//! name and role (`NATO Secretary General` / `Jens Stoltenberg`), its kind
//! (person, organisation, medium, document, pronoun, unnamed) and whether
//! it is anonymous.

use super::units::{Item, ItemKind};
use super::{SpeakerKind, SpeakerKind as SK};
use crate::lexicon::grammar::{ANAPHOR, DET, FIRST, OBJ, POSS, PREP, PRON, QUANT, REL};
use crate::lexicon::{Lexicon, SpeakerWordKind as W};
use crate::source::Span;
use std::ops::Range;

/// The analysis of a speaker phrase.
#[derive(Clone, Debug)]
pub struct Described {
    /// The name inside the phrase.
    pub name: Option<Span>,
    /// The role or title inside the phrase.
    pub role: Option<Span>,
    /// What kind of source it is.
    pub kind: SpeakerKind,
    /// Whether the source is unnamed.
    pub anonymous: bool,
}

/// Particles that may sit inside a name (`al-Amr`, `de Gaulle`, `van der Leyen`).
fn name_particle(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "al" | "el"
            | "bin"
            | "ibn"
            | "de"
            | "del"
            | "della"
            | "di"
            | "da"
            | "van"
            | "von"
            | "der"
            | "den"
            | "la"
            | "le"
            | "du"
            | "dos"
            | "das"
            | "ter"
            | "y"
    ) || lower.starts_with("al-")
        || lower.starts_with("el-")
}

/// Whether item `i` can be part of a written name.
fn name_word(text: &str, it: &Item<'_>) -> bool {
    match it.kind {
        ItemKind::Word => {
            (it.cap && it.flags & (DET | PRON | PREP | POSS) == 0) || name_particle(it.text(text))
        }
        // `J.` in `Antony J. Blinken`, `Jr.` after a name.
        ItemKind::Punct('.') => true,
        _ => false,
    }
}

/// Whether the item is a role or title word.
fn role_word(it: &Item<'_>) -> bool {
    it.is_word() && (it.speaker.has(W::Role) || it.speaker.has(W::Title))
}

/// Which multi-word phrase of kind `kind` starts at `i`, as its length in items.
fn phrase_at(text: &str, items: &[Item<'_>], i: usize, lexicon: &Lexicon, kind: W) -> usize {
    let it = &items[i];
    let info = if it.possessive {
        lexicon
            .speakers
            .get(super::units::strip_possessive(it.text(text)))
    } else {
        lexicon.speakers.get_hashed(it.text(text), it.hash)
    };
    let Some(info) = info.filter(|i| !i.phrases.is_empty()) else {
        return 0;
    };
    let mut best = 0;
    for phrase in info.phrases.iter().filter(|p| p.kind == kind) {
        let n = phrase.rest.len();
        let fits = items.get(i + 1..i + 1 + n).is_some_and(|next| {
            next.iter().zip(phrase.rest.iter()).all(|(it, w)| {
                it.is_word()
                    && crate::lexicon::wordtable::norm_eq(
                        super::units::strip_possessive(it.text(text)),
                        w,
                    )
            })
        });
        if fits {
            best = best.max(n + 1);
        }
    }
    best
}

/// Whether any word or phrase in `range` is of kind `kind`.
pub fn contains_kind(
    text: &str,
    items: &[Item<'_>],
    range: Range<usize>,
    lexicon: &Lexicon,
    kind: W,
) -> bool {
    range.clone().any(|i| {
        (items[i].is_word() && items[i].speaker.has(kind))
            || phrase_at(text, items, i, lexicon, kind) > 0
    })
}

/// Describes the speaker phrase `range` of `items`.
pub fn describe(
    text: &str,
    items: &[Item<'_>],
    range: Range<usize>,
    lexicon: &Lexicon,
) -> Described {
    let none = Described {
        name: None,
        role: None,
        kind: SK::Person,
        anonymous: false,
    };
    let Some(first) = items.get(range.start) else {
        return none;
    };
    if range.len() == 1 && first.is_word() && first.has(PRON | REL | POSS | OBJ | ANAPHOR) {
        return Described {
            kind: SK::Pronoun,
            ..none
        };
    }
    // Split at commas: the core, then appositions.
    let mut parts: Vec<Range<usize>> = Vec::new();
    let mut start = range.start;
    for i in range.clone() {
        if items[i].is_punct(',') {
            if i > start {
                parts.push(start..i);
            }
            start = i + 1;
        }
    }
    if range.end > start {
        parts.push(start..range.end);
    }
    let Some(core) = parts.first().cloned() else {
        return none;
    };

    // The head region: the core up to a preposition that starts a modifier
    // (`of the`, `in the`, `familiar with`), but not one inside a title
    // (`Secretary of State`, `Governor of Washington`).
    let mut head_end = core.end;
    for i in core.clone().skip(1) {
        let it = &items[i];
        if it.is_word() && it.has(PREP) && !role_word(&items[i - 1]) {
            head_end = i;
            break;
        }
    }
    let head = core.start..head_end;
    let head_word = (head.start..head.end)
        .rev()
        .find(|&i| items[i].is_word())
        .map(|i| &items[i]);

    let doc = head_word.is_some_and(|w| w.speaker.has(W::Document) || w.speaker.has(W::Post))
        && (head.len() > 1 || !head_word.is_some_and(|w| w.cap));
    let media = contains_kind(text, items, core.clone(), lexicon, W::Media);
    let org_head = head_word.is_some_and(|w| w.speaker.has(W::Organization))
        || (head.start..head.end)
            .any(|i| phrase_at(text, items, i, lexicon, W::Organization) + i == head.end);
    // `officials`, `a spokesman`; but `the spokesman` is someone the story
    // has in view.
    let definite = items[head.start].is_word()
        && (items[head.start].has(POSS)
            || items[head.start].possessive
            || items[head.start].text(text).eq_ignore_ascii_case("the"));
    let unnamed_head = head_word.is_some_and(|w| {
        (w.speaker.has(W::Unnamed) || w.has(QUANT))
            && !w.cap
            && !w.acronym
            && !(definite && (w.speaker.has(W::Role) || w.speaker.has(W::Title)))
    });
    let indefinite = items[head.start].is_word()
        && matches!(
            items[head.start].text(text).to_ascii_lowercase().as_str(),
            "a" | "an" | "some" | "several" | "many" | "one" | "two" | "three" | "other"
        );
    let role_head = head_word.is_some_and(role_word) && !head_word.is_some_and(|w| w.cap);

    // Name and role inside the core.
    let (mut name, mut role) = name_and_role(text, items, head.clone());
    // Appositions: a name after a role (`Malaysia's Prime Minister, Najib
    // Razak`) or a role after a name (`Jeff Rathke, the State Department
    // Spokesperson,`).
    for part in parts.iter().skip(1).filter(|p| {
        // A relative clause (`who has tracked …`) is neither name nor role.
        !items[p.start].is_word() || !items[p.start].has(REL) || items[p.start].has(DET)
    }) {
        let all_name = part.clone().all(|i| name_word(text, &items[i]))
            && !part.clone().any(|i| role_word(&items[i]));
        if all_name && name.is_none() {
            name = Some(span_of(items, part.clone()));
        } else if role.is_none() && !all_name {
            let start = skip_det(items, part.clone());
            if start < part.end {
                role = Some(span_of(items, start..part.end));
            }
        }
    }

    let anonymous_phrase = name.is_none() && anonymous_match(text, items, range.clone(), lexicon);
    let unnamed = name.is_none() && (unnamed_head || (role_head && indefinite) || anonymous_phrase);
    let kind = if doc {
        SK::Document
    } else if unnamed {
        SK::Unnamed
    } else if org_head && role.is_none() {
        SK::Organization
    } else if media && !role_head && role.is_none() {
        SK::Media
    } else if role.is_some() || role_head {
        SK::Person
    } else if let Some(n) = name {
        // A bare name: a person when it has two words or more; a single
        // word in capitals or an unknown single word is more often a body
        // or a place (`NATO`, `Moscow`); the caller upgrades known surnames.
        let words = items_in(items, n).filter(|it| it.is_word()).count();
        let acronym = items_in(items, n).all(|it| it.acronym || !it.is_word());
        if words >= 2 && !acronym {
            SK::Person
        } else {
            SK::Organization
        }
    } else {
        SK::Person
    };
    if kind == SK::Organization || kind == SK::Media {
        // A body's name is the capitalised run itself (`US State Department`).
        if name.is_none() {
            name = caps_run(text, items, core.clone());
        }
    }
    if unnamed {
        name = None;
    }
    if kind == SK::Document {
        // `the journalist’s post`: a document has no name or role of its own.
        name = None;
        role = None;
    }
    Described {
        name,
        role,
        kind,
        anonymous: unnamed,
    }
}

/// Whether an unnamed-source phrase of `anonymous-sources.json` occurs in `range`.
fn anonymous_match(text: &str, items: &[Item<'_>], range: Range<usize>, lexicon: &Lexicon) -> bool {
    let mut buf = String::new();
    let words: Vec<Option<String>> = items[range]
        .iter()
        .filter(|it| !it.is_punct('.'))
        .map(|it| {
            it.is_word().then(|| {
                crate::lexicon::matcher::normalize_word(it.text(text), &mut buf);
                buf.clone()
            })
        })
        .collect();
    !lexicon
        .anonymous_sources
        .matcher()
        .find_all(words.iter().map(|w| w.as_deref()))
        .is_empty()
}

/// The first capitalised run of words in `range`, determiners skipped.
fn caps_run(text: &str, items: &[Item<'_>], range: Range<usize>) -> Option<Span> {
    let mut i = range.start;
    while i < range.end && !(items[i].is_word() && name_word(text, &items[i])) {
        i += 1;
    }
    let start = i;
    while i < range.end && (name_word(text, &items[i]) || items[i].possessive && items[i].cap) {
        i += 1;
    }
    (i > start).then(|| span_of(items, start..i))
}

/// Splits a head region into name and role: the role runs to the last role
/// or title word (with an `of`-phrase inside a title), the name is the run of
/// capitalised words after it; without a role word, the name is the
/// capitalised run ending the region.
fn name_and_role(
    text: &str,
    items: &[Item<'_>],
    head: Range<usize>,
) -> (Option<Span>, Option<Span>) {
    let last_role = head.clone().rev().find(|&i| role_word(&items[i]));
    let start = skip_det(items, head.clone());
    match last_role {
        Some(r) => {
            let mut name_start = r + 1;
            // `Sen. Maria Lopez`: the title's period is not the name's.
            while name_start < head.end && items[name_start].is_punct('.') {
                name_start += 1;
            }
            let role_end = name_start;
            let mut of_title = false;
            if items.get(name_start).is_some_and(|it| {
                it.is_word() && it.text(text).eq_ignore_ascii_case("of") && name_start < head.end
            }) {
                name_start += 1;
                of_title = true;
            }
            let run_end = {
                let mut e = name_start;
                while e < head.end && name_word(text, &items[e]) {
                    e += 1;
                }
                e
            };
            let run_words = (name_start..run_end)
                .filter(|&i| items[i].is_word())
                .count();
            if of_title {
                // `Secretary of State Anthony Blinken`: the place or office
                // after `of` stays in the role; the name is the last two words
                // (three with an initial).
                if run_words < 2 || run_end != head.end {
                    return (None, Some(span_of(items, start..head.end)));
                }
                let mut keep = 2.min(run_words - 1);
                let words: Vec<usize> = (name_start..run_end)
                    .filter(|&i| items[i].is_word())
                    .collect();
                if words.len() >= 3 && items[words[words.len() - 2]].text(text).len() == 1 {
                    keep = 3.min(words.len() - 1);
                }
                let name_from = words[words.len() - keep];
                return (
                    Some(span_of(items, name_from..run_end)),
                    Some(span_of(items, start..name_from)),
                );
            }
            let role = (start <= r).then(|| span_of(items, start..role_end));
            if run_end > name_start && run_end == head.end {
                (Some(span_of(items, name_start..run_end)), role)
            } else {
                (None, Some(span_of(items, start..head.end)))
            }
        }
        None => {
            // `Dana Ortiz`, `The US State Department`: the capitalised run at
            // the end of the head region.
            let mut s = head.end;
            while s > start && name_word(text, &items[s - 1]) {
                s -= 1;
            }
            // A possessive before the name belongs to a modifier
            // (`Malaysia's`), so is a leading period.
            while s < head.end && items[s].is_punct('.') {
                s += 1;
            }
            (s < head.end)
                .then(|| span_of(items, s..head.end))
                .map_or((None, None), |n| {
                    let role = (start < s).then(|| span_of(items, start..s));
                    (Some(n), role.filter(|_| false))
                })
        }
    }
}

/// The first index of `range` after leading determiners.
fn skip_det(items: &[Item<'_>], range: Range<usize>) -> usize {
    let mut i = range.start;
    while i < range.end && items[i].is_word() && items[i].has(DET) && !items[i].has(FIRST) {
        i += 1;
    }
    i
}

/// The span from the first to the last item of `range`.
pub fn span_of(items: &[Item<'_>], range: Range<usize>) -> Span {
    let first = items[range.start].span;
    let last = items[range.end - 1].span;
    Span::new(first.start, last.end)
}

/// The items inside `span`. Items are in text order and do not overlap, so
/// a binary search finds the first; the cost is that of the items returned,
/// not of the block.
pub fn items_in<'a, 'l>(items: &'a [Item<'l>], span: Span) -> impl Iterator<Item = &'a Item<'l>> {
    let first = items.partition_point(|it| it.span.start < span.start);
    items[first..]
        .iter()
        .take_while(move |it| it.span.start < span.end)
        .filter(move |it| span.contains(it.span))
}
