//! Attribution frames inside one utterance: a cue, its source and its
//! content, found by reading the items around each cue.
//!
//! The patterns (details in `docs/claims.md`):
//!
//! - verb cues with the source before them and the content after
//!   (`X said (that) …`, `X told reporters …`, `X wants to …`, `X said: …`,
//!   `X said, “…”`), or the content before them (`…, X said.`,
//!   `“…,” X said.`, inverted `“…,” said X.`), or around them
//!   (`The plan, X said, will fail.`, `“A,” she said, “B.”`);
//! - passives (`This was reported by X`, `it is believed that …`,
//!   `X is said to …`);
//! - `according to X`, `in the words of X`, `citing X` (a chain link);
//! - nominal and adjectival cues (`in its opinion`, `her hope is that …`,
//!   `I am sure that …`) and hearsay adverbs (`reportedly`);
//! - a speaker label before a colon (`Zelensky: “…”`) and a dash signature
//!   after a quotation (`“…” — Jane Doe`).
//!
//! Then [`resolve`] keeps the outermost attributions: a cue inside another
//! one's content is nested and dropped, unless it is coordinated
//! (`X said A, and Y said B`); a report tag around an attribution
//! (`X said A, Reuters reported`) becomes a medium of its chain.

// Content is a list of item ranges; a list of one is the common case.
#![allow(clippy::single_range_in_vec_init)]

use super::units::{Item, ItemKind};
use super::CueKind;
use crate::lexicon::grammar::*;
use crate::lexicon::{CueClass, Frame as F, Lexicon, Recipient, Sense, SpeakerWordKind as W};
use crate::source::Span;
use std::ops::Range;

/// Where the content lies relative to the cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// After the cue (`X said that …`).
    After,
    /// Before the cue, which tags it (`…, X said.`).
    Before,
    /// On both sides (`The plan, X said, will fail.`).
    Around,
}

/// One attribution found in an utterance.
#[derive(Clone, Debug)]
pub struct Found {
    /// The cue phrase.
    pub cue: Span,
    /// Its class.
    pub cue_kind: CueKind,
    /// The item of the cue's head word, for ordering.
    pub at: usize,
    /// First item of the cue group (auxiliaries included).
    pub group_start: usize,
    /// The source phrase, as items.
    pub speaker: Option<Range<usize>>,
    /// The content fragments, as items.
    pub content: Vec<Range<usize>>,
    /// Where the content lies.
    pub placement: Placement,
    /// Sources cited by this one (`citing X`).
    pub cited: Vec<Range<usize>>,
    /// Media this attribution came through, outermost first (`…, Reuters
    /// reported`, `told Reuters`), with the cue that names each when there is one.
    pub outer: Vec<(Range<usize>, Option<Span>)>,
    /// The channel (`on Twitter`, `in a statement`).
    pub channel: Option<Range<usize>>,
    /// The content is an anaphor for earlier sentences (`This was reported by X`).
    pub anaphoric: bool,
    /// The source is a relative pronoun; its antecedent ends before this item.
    pub relative: bool,
    /// The cue is a participle after a comma (`…, adding that …`): it shares
    /// the source of the clause before it.
    pub participle: bool,
    /// Item where a coordinated clause starts (`, and Y said …`): earlier
    /// content stops before it.
    pub coordinated_at: Option<usize>,
    /// The cue ends its utterance with a colon (`The ministry said:`): the
    /// content is the next sentence or paragraph.
    pub forward: bool,
}

/// The reader of one utterance.
pub struct Reader<'a, 'l> {
    /// The article text.
    pub text: &'a str,
    /// The block's items.
    pub items: &'a [Item<'l>],
    /// First item of the utterance.
    pub lo: usize,
    /// One past the last item of the utterance.
    pub hi: usize,
    /// The lexicons.
    pub lexicon: &'l Lexicon,
    /// Whether the utterance is a headline, where verbs may be capitalised.
    pub headline: bool,
}

/// Longest source phrase, in items.
const MAX_NP: usize = 16;

impl<'a, 'l> Reader<'a, 'l> {
    fn word(&self, i: usize) -> Option<&'a Item<'l>> {
        self.items
            .get(i)
            .filter(|it| i >= self.lo && i < self.hi && it.is_word())
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.word(i)
            .is_some_and(|it| it.text(self.text).eq_ignore_ascii_case(word))
    }

    fn punct(&self, i: usize, c: char) -> bool {
        i >= self.lo && i < self.hi && self.items[i].is_punct(c)
    }

    fn quote(&self, i: usize) -> bool {
        i >= self.lo && i < self.hi && self.items[i].is_quote()
    }

    /// Whether item `i` ends the utterance (the end, or a final `.`/`?`/`!`
    /// with nothing after it but closing brackets).
    fn at_end(&self, i: usize) -> bool {
        if i >= self.hi {
            return true;
        }
        let mut j = i;
        while j < self.hi && matches!(self.items[j].kind, ItemKind::Punct('.' | '?' | '!' | ')')) {
            j += 1;
        }
        j >= self.hi && j > i
    }

    /// The end of the content that runs to the end of the utterance: the
    /// final period is left out (unless inside quotation marks, which a
    /// quotation item keeps).
    fn content_end(&self) -> usize {
        let mut e = self.hi;
        while e > self.lo
            && matches!(
                self.items[e - 1].kind,
                ItemKind::Punct('.' | ',' | ';' | ':')
            )
        {
            e -= 1;
        }
        e
    }

    /// Whether item `i` is a boundary a phrase cannot cross.
    fn is_boundary(&self, i: usize) -> bool {
        i < self.lo
            || i >= self.hi
            || match self.items[i].kind {
                ItemKind::Word | ItemKind::Number => false,
                ItemKind::Punct(c) => c != '.' && c != '&' && c != '\'',
                _ => true,
            }
    }

    /// Whether the word at `i` is used as a verb of some cue.
    fn verb_sense(&self, i: usize) -> bool {
        self.word(i).is_some_and(|it| {
            it.senses.iter().any(|s| {
                matches!(
                    s.class,
                    CueClass::Speech
                        | CueClass::Report
                        | CueClass::Knowledge
                        | CueClass::Belief
                        | CueClass::Intention
                )
            })
        }) && !self.noun_position(i)
            && !self.capitalised_inside(i)
    }

    /// Whether a word at `i` stands where a noun does: after a determiner,
    /// possessive or preposition other than `to`.
    fn noun_position(&self, i: usize) -> bool {
        i > self.lo
            && self.word(i - 1).is_some_and(|p| {
                p.has(DET | POSS) && !p.has(REL | PRON)
                    || p.possessive
                    || p.has(PREP) && !p.text(self.text).eq_ignore_ascii_case("to")
            })
    }

    /// Whether the word at `i` looks like a finite or past verb that is not
    /// part of a noun phrase (`failed`, `is`, `will`).
    fn verbish(&self, i: usize) -> bool {
        let Some(it) = self.word(i) else {
            return false;
        };
        if it.has(AUX | MODAL | VERB | LINKING) && !it.has(PRON) {
            return true;
        }
        let t = it.text(self.text);
        !it.cap && t.len() > 4 && t.ends_with("ed") && !self.noun_position(i)
    }

    // ---- noun phrases ----------------------------------------------------

    /// The noun phrase ending just before `end`, walking left.
    pub fn np_left(&self, end: usize) -> Option<Range<usize>> {
        let mut s = end;
        while s > self.lo && end - s < MAX_NP {
            let i = s - 1;
            let it = &self.items[i];
            match it.kind {
                ItemKind::Word => {
                    let head = s == end;
                    if it.has(CONJ) {
                        // `Smith and Jones`, `Bos and colleagues`.
                        let right = self.word(s);
                        let left = self.word(i.wrapping_sub(1));
                        let np_like = |w: &Item<'_>| {
                            w.cap || w.speaker.has(W::Unnamed) || w.speaker.has(W::Role)
                        };
                        let content_word = |k: usize, w: &Item<'_>| {
                            w.flags == 0 && !self.verbish(k) && !self.verb_sense(k)
                        };
                        if !head
                            && right.is_some_and(|w| {
                                np_like(w) || w.has(DET | POSS) || content_word(s, w)
                            })
                            && left.is_some_and(|w| {
                                (np_like(w) || content_word(i - 1, w)) && !w.has(PRON)
                            })
                        {
                            s -= 1;
                            continue;
                        }
                        break;
                    }
                    if it.has(SUBORD | WH | AUX | MODAL | NEG | REL) && !it.has(PREP | DET) {
                        break;
                    }
                    if it.has(REL) && !head {
                        break;
                    }
                    if it.has(PRON | OBJ) && !it.has(POSS) && !head {
                        break;
                    }
                    if head
                        && (it.has(PREP | CONJ | SUBORD | DET | CONNECTIVE | ADV | VERB | LINKING)
                            && !it.has(QUANT)
                            || self.verbish(i))
                    {
                        return None;
                    }
                    // `Photos released of the scene`: a participle between a
                    // noun and a preposition is part of the phrase.
                    let reduced = !it.cap
                        && !it.has(AUX | MODAL | VERB)
                        && it.senses.is_empty()
                        && self.word(i + 1).is_some_and(|n| n.has(PREP))
                        && i > self.lo
                        && self
                            .word(i - 1)
                            .is_some_and(|p| p.flags == 0 && !p.possessive);
                    if !head && (self.verb_sense(i) || self.verbish(i)) && !reduced {
                        break;
                    }
                    if !head && it.has(CONNECTIVE) && !it.has(CONJ) {
                        break;
                    }
                    s -= 1;
                }
                ItemKind::Number => s -= 1,
                ItemKind::Punct('.') => {
                    // `Gov. Smith`, `Antony J. Blinken`: a period glued to a
                    // title or an initial.
                    let glued = i > self.lo
                        && self.items[i - 1].span.end == it.span.start
                        && self.word(i - 1).is_some_and(|w| {
                            w.speaker.has(W::Title) || w.text(self.text).len() <= 2 && w.cap
                        });
                    if glued && s != end {
                        s -= 1;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        // Leading connectives, conjunctions, time words and adverbs are not
        // part of the phrase (`But the minister`, `Yesterday Smith`).
        while s < end
            && self.word(s).is_some_and(|w| {
                (w.has(CONNECTIVE | CONJ | TIME | ADV) && !w.has(DET | QUANT))
                    || w.has(SUBORD) && !w.has(PREP)
            })
        {
            s += 1;
        }
        // A leading prepositional phrase without a comma (`In a statement
        // the ministry`): the phrase starts at the last determiner that does
        // not follow a preposition.
        if self.word(s).is_some_and(|w| w.has(PREP)) {
            // `In the paper Bos and colleagues`: or at a capitalised word
            // after a lowercase noun.
            let restart = (s + 1..end).rev().find(|&i| {
                let prev = self.word(i - 1);
                self.word(i).is_some_and(|w| w.has(DET | POSS))
                    && !prev.is_some_and(|p| p.has(PREP))
                    || self.word(i).is_some_and(|w| w.cap && w.flags == 0)
                        && prev.is_some_and(|p| !p.cap && p.flags == 0)
            });
            s = restart?;
        }
        (s < end
            && self.items[s..end]
                .iter()
                .any(|it| it.is_word() && !it.has(DET)))
        .then_some(s..end)
    }

    /// The noun phrase starting at `start`, walking right (`according to X`,
    /// `said Smith`, `by X`).
    pub fn np_right(&self, start: usize) -> Option<Range<usize>> {
        let mut e = start;
        while e < self.hi && e - start < MAX_NP {
            let it = &self.items[e];
            match it.kind {
                ItemKind::Word => {
                    if it.has(CONJ) {
                        let right = self.word(e + 1);
                        if e > start
                            && right.is_some_and(|w| w.cap || w.speaker.has(W::Unnamed))
                            && self.items[e - 1].cap
                        {
                            e += 1;
                            continue;
                        }
                        break;
                    }
                    if e > start && (it.has(SUBORD | WH | AUX | MODAL | NEG) && !it.has(PREP))
                        || (it.has(REL) && !it.has(DET))
                        || (e > start && it.has(REL))
                    {
                        break;
                    }
                    if e > start
                        && (self.verb_sense(e) || it.has(VERB | LINKING) || self.verbish(e))
                    {
                        break;
                    }
                    if it.senses.iter().any(|s| s.class == CueClass::Citing) {
                        break;
                    }
                    if e > start && !it.cap && it.has(TIME) {
                        break;
                    }
                    // `Russia sent …`: an unknown lowercase word after a name
                    // is more likely its verb than part of it.
                    if e > start
                        && !it.cap
                        && it.flags == 0
                        && it.speaker.is_empty()
                        && self.items[e - 1].cap
                        && !self.items[e - 1].has(DET | PREP)
                        && !self.items[e - 1].possessive
                        && self.items.get(e + 1).is_some_and(|n| {
                            e + 1 < self.hi
                                && (n.has(DET | POSS | OBJ | PRON | QUANT)
                                    || n.kind == ItemKind::Number
                                    || n.cap)
                        })
                    {
                        break;
                    }
                    e += 1;
                }
                ItemKind::Number => e += 1,
                ItemKind::Punct('.')
                    if e > start
                        && !self.at_end(e)
                        && self.items[e].span.start == self.items[e - 1].span.end =>
                {
                    e += 1
                }
                _ => break,
            }
        }
        (e > start).then_some(start..e)
    }

    /// Extends a source phrase on its right over an apposition that runs to
    /// the end of the utterance or to a second comma (`said Jane Doe, a
    /// spokeswoman for X.`).
    fn apposition_right(&self, np: Range<usize>, to_end: bool) -> Range<usize> {
        let mut end = np.end;
        let mut result_end = np.end;
        // A description takes a name (`the Crown prosecutor, Mark Tedeschi,
        // QC,`), a name takes a description (`Jane Doe, a spokeswoman,`).
        let mut described = !self.items[np.start].cap || self.items[np.start].has(DET);
        for _ in 0..3 {
            if !self.punct(end, ',') {
                break;
            }
            let start = end + 1;
            let (Some(app), Some(w)) = (self.np_right(start), self.word(start)) else {
                break;
            };
            let description =
                w.has(DET | POSS) || w.speaker.has(W::Role) || w.speaker.has(W::Title);
            let name = w.cap
                && !w.has(DET)
                && self.items[app.clone()]
                    .iter()
                    .all(|it| it.cap || !it.is_word());
            if !(description || name && described) {
                break;
            }
            described |= description;
            if to_end && self.at_end(app.end) {
                return np.start..app.end;
            }
            if self.punct(app.end, ',') {
                end = app.end;
                result_end = app.end + 1;
                continue;
            }
            break;
        }
        np.start..result_end
    }

    /// The segment between two boundaries ending at `end` (exclusive): its start.
    fn segment_start(&self, end: usize) -> usize {
        let mut s = end;
        while s > self.lo && !self.is_boundary(s - 1) && end - s < 30 {
            s -= 1;
        }
        s
    }

    /// Whether the segment `range` is an adjunct rather than a noun phrase
    /// (`in remarks to al-Ikhbariya television`, `speaking to reporters`).
    fn adjunct_segment(&self, range: Range<usize>) -> bool {
        self.word(range.start).is_some_and(|w| {
            let t = w.text(self.text);
            (w.has(PREP | SUBORD | TIME | CONNECTIVE) && !w.has(DET))
                || (w.has(ADV) && !w.has(DET))
                || (!w.cap && t.ends_with("ing"))
        })
    }

    /// The source before a cue group starting at `gs`. With `bounded`, the
    /// phrase must start right after a boundary (a comma, a quotation, a
    /// dash or the utterance start), as in a speech tag.
    pub fn speaker_left(&self, gs: usize, bounded: bool) -> Option<(Range<usize>, bool)> {
        if gs <= self.lo {
            return None;
        }
        let last = &self.items[gs - 1];
        if last.is_word() && last.has(REL) {
            return Some((gs - 1..gs, true));
        }
        if last.is_word() && last.has(PRON) {
            let ok = !bounded
                || gs - 1 == self.lo
                || self.is_boundary(gs - 2)
                || self.starts_clause(gs - 1);
            return ok.then_some((gs - 1..gs, false));
        }
        // Walk over comma-separated segments: appositions are kept,
        // adjuncts next to the cue are skipped.
        let mut end = gs;
        let mut speaker_end = None;
        let mut speaker_start = None;
        let mut segments = 0;
        loop {
            segments += 1;
            if segments > 4 {
                break;
            }
            if self.punct(end - 1, ',') && end - 1 > self.lo {
                let seg_end = end - 1;
                let seg_start = self.segment_start(seg_end);
                if seg_start == seg_end {
                    break;
                }
                // `A person familiar with the talks, who spoke on condition
                // of anonymity, said`: a relative clause describes the source.
                if self
                    .word(seg_start)
                    .is_some_and(|w| w.has(REL) && !w.has(DET))
                    && seg_start > self.lo
                    && self.punct(seg_start - 1, ',')
                {
                    speaker_end.get_or_insert(end);
                    end = seg_start;
                    continue;
                }
                if speaker_end.is_none() && self.adjunct_segment(seg_start..seg_end) {
                    // Skip an adjunct next to the cue.
                    if seg_start <= self.lo || !self.punct(seg_start - 1, ',') {
                        return None;
                    }
                    end = seg_start;
                    continue;
                }
                if speaker_end.is_some() && self.adjunct_segment(seg_start..seg_end) {
                    // `Speaking in the parents' defense, Tom Molomby, SC, said`
                    break;
                }
                // `Jorge Alvarez, a former commissioner who now teaches at
                // Marlow University, said`: a relative clause inside an
                // apposition ends at its comma.
                let np_end = (seg_start + 1..seg_end)
                    .find(|&k| self.word(k).is_some_and(|w| w.has(REL) && !w.has(DET)))
                    .filter(|_| speaker_end.is_none() || !bounded)
                    .unwrap_or(seg_end);
                match self.np_left(np_end).map(|np| {
                    if np_end < seg_end {
                        np.start..seg_end
                    } else {
                        np
                    }
                }) {
                    Some(np) if np.start == seg_start => {
                        speaker_end.get_or_insert(end);
                        speaker_start = Some(np.start);
                        if np.start > self.lo && self.punct(np.start - 1, ',') && !bounded {
                            end = np.start;
                            continue;
                        }
                        if np.start > self.lo && self.punct(np.start - 1, ',') && bounded {
                            // Is the segment before another apposition or the content?
                            let prev_start = self.segment_start(np.start - 1);
                            if let Some(prev) = self.np_left(np.start - 1) {
                                let is_name = |r: Range<usize>| {
                                    self.items[r]
                                        .iter()
                                        .all(|it| !it.is_word() || it.cap && !it.has(DET | PRON))
                                };
                                let description = |k: usize| {
                                    self.word(k).is_some_and(|w| {
                                        w.has(DET | POSS)
                                            || (!w.cap
                                                && (w.speaker.has(W::Role)
                                                    || w.speaker.has(W::Title)))
                                    })
                                };
                                // `…,” Khaled Al-Maeena, editor at large,
                                // said` or `…, a spokesman, Jane Doe, said`.
                                let bounded_left =
                                    prev_start == self.lo || self.is_boundary(prev_start - 1);
                                if prev.start == prev_start
                                    && bounded_left
                                    && (is_name(prev.clone()) && description(np.start)
                                        || is_name(np.clone()) && description(prev.start))
                                {
                                    end = np.start;
                                    continue;
                                }
                            }
                        }
                        break;
                    }
                    _ => break,
                }
            } else {
                let np = self.np_left(end)?;
                speaker_end.get_or_insert(end);
                speaker_start = Some(np.start);
                break;
            }
        }
        let start = speaker_start?;
        let mut end = speaker_end?;
        // A trailing comma belongs to a paired apposition (`Jane Doe, a
        // spokeswoman,`), not to a lone head before an adjunct.
        if end > start && self.punct(end - 1, ',') {
            let inner_comma = (start..end - 1).any(|i| self.punct(i, ','));
            if !inner_comma {
                end -= 1;
            }
        }
        if bounded && start > self.lo && !self.is_boundary(start - 1) && !self.starts_clause(start)
        {
            return None;
        }
        Some((start..end, false))
    }

    /// Whether a clause starts at `i` (after `and`, `but`, `as`, `while`, …).
    fn starts_clause(&self, i: usize) -> bool {
        i == self.lo
            || self
                .word(i - 1)
                .is_some_and(|w| w.has(CONJ | SUBORD | CONNECTIVE) && !w.has(PREP) || w.has(SUBORD))
    }

    // ---- complements -----------------------------------------------------

    /// Whether a finite clause starts at `j` (`the plan failed`, `Russia
    /// wants peace`, `it is over`).
    fn clause_at(&self, j: usize) -> bool {
        let Some(first) = self.word(j).or_else(|| {
            self.items
                .get(j)
                .filter(|it| j < self.hi && it.kind == ItemKind::Number)
        }) else {
            return false;
        };
        if first.is_word()
            && (first.has(PREP | CONJ | SUBORD | NEG | CONNECTIVE)
                || (first.has(AUX | MODAL) && !first.has(PRON)))
        {
            return false;
        }
        if first.has(PRON) && first.has(AUX | MODAL) {
            return true;
        }
        let mut prev_np = first.has(PRON) || first.cap;
        let mut commas = 0;
        for k in j + 1..(j + 18).min(self.hi) {
            let it = &self.items[k];
            match it.kind {
                ItemKind::Word => {
                    if it.has(AUX | MODAL | VERB | LINKING) || self.verb_sense(k) {
                        return true;
                    }
                    let t = it.text(self.text);
                    if !it.cap && t.len() > 3 && t.ends_with("ed") && !self.noun_position(k) {
                        return true;
                    }
                    if prev_np
                        && !it.cap
                        && t.len() > 2
                        && t.ends_with('s')
                        && !t.ends_with("ss")
                        && it.flags == 0
                        && !it.possessive
                    {
                        return true;
                    }
                    prev_np = (it.cap && !it.has(DET)) || it.has(PRON);
                }
                ItemKind::Number => prev_np = true,
                ItemKind::Punct(',')
                    if commas == 1
                        || commas == 0
                            && self.word(k + 1).is_some_and(|w| w.has(DET | POSS) || w.cap)
                            && (k + 2..(k + 10).min(self.hi)).any(|c| self.punct(c, ',')) =>
                {
                    // `John Kerry, the Secretary of State, contacted …`: a
                    // paired apposition after the subject.
                    commas += 1;
                    prev_np = false;
                }
                ItemKind::Punct(',' | ';' | ':') | ItemKind::Dash => return false,
                _ => {}
            }
        }
        false
    }

    /// After a verb cue ending before `j`: time and channel adjuncts
    /// (`on Monday`, `on Twitter`, `in a statement`, `last week`). Returns
    /// the end of the adjuncts and the channel phrase if one was named.
    fn adjuncts(&self, mut j: usize) -> (usize, Option<Range<usize>>) {
        let mut channel = None;
        while let Some(w) = self.word(j) {
            if w.has(TIME) || (w.has(ADV) && !w.has(CONJ)) {
                j += 1;
                continue;
            }
            if w.has(PREP)
                && matches!(
                    w.text(self.text).to_ascii_lowercase().as_str(),
                    "on" | "in" | "at" | "during" | "via" | "through" | "over"
                )
            {
                // A short phrase naming a time, channel, document or medium.
                let mut e = j + 1;
                let mut named = false;
                let mut is_channel = false;
                while e < self.hi && e - j <= 6 {
                    let Some(x) = self.word(e) else {
                        if self.items[e].kind == ItemKind::Number {
                            e += 1;
                            named = true;
                            continue;
                        }
                        // `on CNN's “State of the Union”`: a programme's title.
                        if self.quote(e)
                            && self.word(e - 1).is_some_and(|p| {
                                p.possessive || p.speaker.has(W::Media) || p.speaker.has(W::Channel)
                            })
                        {
                            e += 1;
                            named = true;
                            is_channel = true;
                        }
                        break;
                    };
                    if x.has(TIME)
                        || x.speaker.has(W::Channel)
                        || x.speaker.has(W::Document)
                        || x.speaker.has(W::Media)
                    {
                        named = true;
                        is_channel |= !x.has(TIME);
                        e += 1;
                        continue;
                    }
                    if (x.has(DET | POSS) && !x.has(REL)) || (x.flags == 0 && !named) || x.cap {
                        e += 1;
                        continue;
                    }
                    if x.is_word() && x.text(self.text).eq_ignore_ascii_case("with") {
                        // `in an interview with CNN`
                        e += 1;
                        continue;
                    }
                    if named && !x.cap && x.flags == 0 && self.verbish(e) {
                        // `in a video posted on Facebook`: the participle's
                        // own phrase follows as another adjunct.
                        e += 1;
                    }
                    break;
                }
                // A place (`at the Capitol`) counts when the complement
                // follows it directly.
                let place = !named
                    && e > j + 1
                    && (self.is(e, "that")
                        || self.quote(e)
                        || self.punct(e, ':')
                        || self.punct(e, ','));
                if named || place {
                    if is_channel {
                        channel.get_or_insert(j..e);
                    }
                    j = e;
                    continue;
                }
            }
            break;
        }
        (j, channel)
    }

    /// A recipient after a verb (`told reporters`, `told him`, `warned
    /// Congress`): its range.
    fn recipient(&self, j: usize) -> Option<Range<usize>> {
        let w = self.word(j)?;
        if w.has(OBJ) && !w.has(POSS)
            || w.has(OBJ | POSS) && self.word(j + 1).is_none_or(|n| !n.cap && n.flags != 0)
        {
            return Some(j..j + 1);
        }
        if w.has(PREP | CONJ | SUBORD | REL | WH | AUX | MODAL) && !w.has(DET) || w.has(REL) {
            return None;
        }
        let np = self.np_right(j)?;
        // A recipient is short and is not a clause subject: `told CBC News
        // the department will …` has recipient `CBC News`.
        let mut e = j + 1;
        while e < np.end && e - j < 6 {
            let it = &self.items[e];
            if self.is(e, "of") {
                e += 1;
                continue;
            }
            let new_np = it.is_word() && it.has(DET | POSS | PRON | PREP) && !it.has(OBJ);
            let name_ends = self.items[e - 1].cap && !it.cap && !self.is(e, "of");
            if new_np || name_ends {
                break;
            }
            e += 1;
        }
        Some(j..e)
    }

    /// The complement of a verb at `j`, given the verb's frames.
    fn complement(&self, j: usize, frames: crate::lexicon::Frames) -> Complement {
        if self.quote(j) && frames.has(F::Quote) {
            return Complement::Quote(j);
        }
        if (self.punct(j, ',') || self.punct(j, ':')) && self.quote(j + 1) && frames.has(F::Quote) {
            return Complement::Quote(j + 1);
        }
        if self.punct(j, ':') && (frames.has(F::Colon) || frames.has(F::Quote)) {
            return if j + 1 < self.content_end() {
                Complement::After(j + 1)
            } else {
                Complement::Forward
            };
        }
        if let Some(w) = self.word(j) {
            let t = w.text(self.text);
            if t.eq_ignore_ascii_case("that") && frames.has(F::That) {
                return Complement::After(j);
            }
            if t.eq_ignore_ascii_case("to")
                && frames.has(F::To)
                && self
                    .word(j + 1)
                    .is_some_and(|n| !n.cap && !n.has(DET | POSS | PRON | OBJ | PREP) || n.has(NEG))
            {
                return Complement::After(j);
            }
            // `asked them not to …`
            if w.has(NEG)
                && frames.has(F::To)
                && self.is(j + 1, "to")
                && self
                    .word(j + 2)
                    .is_some_and(|n| !n.cap && !n.has(DET | POSS | PRON))
            {
                return Complement::After(j);
            }
            if t.eq_ignore_ascii_case("of") && frames.has(F::Of) {
                return Complement::After(j);
            }
            if w.has(WH) && frames.has(F::Wh) && !self.is(j, "when") {
                return Complement::After(j);
            }
            if frames.has(F::Clause) && self.clause_at(j) {
                return Complement::After(j);
            }
            // Speech verbs rarely take a plain object: `said the combined
            // lapses raise questions` is a clause even when no verb form
            // gives it away.
            if frames.has(F::NoObject)
                && (w.has(DET | POSS | PRON | QUANT) || w.cap)
                && !w.has(REL | WH | OBJ)
                && self.words_until_boundary(j) >= 4
            {
                return Complement::After(j);
            }
            if frames.has(F::Object)
                && (w.has(DET | POSS | QUANT) || w.cap || w.flags == 0 && !w.has(ADV))
                && !w.has(PREP | CONJ | SUBORD | PRON | REL)
            {
                return Complement::Object(j);
            }
            return Complement::None;
        }
        if self
            .items
            .get(j)
            .is_some_and(|it| it.kind == ItemKind::Number)
            && j < self.hi
        {
            if frames.has(F::Clause) && self.clause_at(j) {
                return Complement::After(j);
            }
            if frames.has(F::Object) {
                return Complement::Object(j);
            }
            return Complement::None;
        }
        if frames.has(F::Tag)
            && (self.at_end(j)
                || self.punct(j, ',')
                || self.punct(j, ';')
                || self.punct(j, ')')
                || self
                    .items
                    .get(j)
                    .is_some_and(|it| j < self.hi && it.kind == ItemKind::Dash))
        {
            return Complement::Tag(j);
        }
        Complement::None
    }

    // ---- frames ------------------------------------------------------------

    /// Every attribution frame in the utterance, in order of the cue.
    pub fn frames(&self) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = self.lo;
        while i < self.hi {
            let it = &self.items[i];
            if it.is_word() && !it.senses.is_empty() {
                if let Some((found, next)) = self.cue_at(i) {
                    // Go on after the whole cue (`said in a video posted on
                    // Facebook` holds no second cue).
                    let mut next = next.max(i + 1);
                    while next < self.hi && self.items[next].span.start < found.cue.end {
                        next += 1;
                    }
                    out.push(found);
                    i = next;
                    continue;
                }
            }
            i += 1;
        }
        if let Some(f) = self.colon_label() {
            out.insert(0, f);
        }
        if let Some(f) = self.dash_signature() {
            out.push(f);
        }
        out.sort_by_key(|f| f.at);
        out
    }

    /// The frame of the cue whose head word is at `i`, if it is one, and
    /// where to continue.
    fn cue_at(&self, i: usize) -> Option<(Found, usize)> {
        let it = &self.items[i];
        let fits = |s: &Sense| {
            s.rest.iter().enumerate().all(|(k, w)| {
                self.word(i + 1 + k)
                    .is_some_and(|x| crate::lexicon::wordtable::norm_eq(x.text(self.text), w))
            })
        };
        // Longer forms first (`point out` before `point`), then in lexicon
        // order; a word has a handful of senses at most.
        let longest = it.senses.iter().map(|s| s.rest.len()).max().unwrap_or(0);
        let by_length = (0..=longest)
            .rev()
            .flat_map(|n| it.senses.iter().filter(move |s| s.rest.len() == n));
        for sense in by_length.filter(|s| fits(s)) {
            let len = sense.rest.len() + 1;
            let end = i + len;
            let found = match sense.class {
                CueClass::Speech
                | CueClass::Report
                | CueClass::Knowledge
                | CueClass::Belief
                | CueClass::Intention
                | CueClass::Document => self.verb_frame(i, end, sense),
                CueClass::According => self.according_frame(i, end),
                CueClass::Citing => self.citing_frame(i, end),
                CueClass::Adverb => self.adverb_frame(i),
                CueClass::Nominal => self.nominal_frame(i, end),
                CueClass::Adjective => self.adjective_frame(i, end, sense),
            };
            if let Some(f) = found {
                return Some((f, end));
            }
        }
        None
    }

    fn new_found(&self, cue: Range<usize>, at: usize, kind: CueKind) -> Found {
        Found {
            cue: super::speaker::span_of(self.items, cue.clone()),
            cue_kind: kind,
            at,
            group_start: cue.start,
            speaker: None,
            content: Vec::new(),
            placement: Placement::After,
            cited: Vec::new(),
            outer: Vec::new(),
            channel: None,
            anaphoric: false,
            relative: false,
            participle: false,
            coordinated_at: None,
            forward: false,
        }
    }

    /// A verb cue: `X said …`, `“…,” X said`, `said X`, passives.
    fn verb_frame(&self, i: usize, end: usize, sense: &Sense) -> Option<Found> {
        if self.noun_position(i) || self.capitalised_inside(i) {
            return None;
        }
        // The verb group: auxiliaries, modals, negation, adverbs before the verb.
        let mut gs = i;
        while gs > self.lo
            && self.word(gs - 1).is_some_and(|w| {
                w.has(AUX | MODAL | NEG | ADV | FUTURE)
                    || w.has(CONNECTIVE) && !w.cap && !w.has(CONJ)
            })
            && !self
                .word(gs - 1)
                .is_some_and(|w| w.has(PRON | CONJ | DET | REL))
        {
            gs -= 1;
        }
        // `it’s` and `I’m` carry the source and the auxiliary in one word.
        let group = &self.items[gs..i];
        let future = group.iter().any(|w| w.has(FUTURE))
            || (gs > self.lo && self.word(gs - 1).is_some_and(|w| w.has(FUTURE)));
        let mut be = i;
        while be > self.lo
            && self
                .word(be - 1)
                .is_some_and(|w| w.has(ADV | NEG) && !w.has(BE))
        {
            be -= 1;
        }
        let passive = be > self.lo
            && self.word(be - 1).is_some_and(|w| w.has(BE | LINKING))
            && !sense.gerund
            && {
                let t = self.items[i].text(self.text).to_ascii_lowercase();
                t.ends_with("ed")
                    || matches!(
                        t.as_str(),
                        "said"
                            | "told"
                            | "known"
                            | "thought"
                            | "understood"
                            | "shown"
                            | "seen"
                            | "heard"
                            | "found"
                            | "written"
                    )
            };
        let kind = cue_kind(sense.class);
        if sense.class == CueClass::Document {
            // `reads` is a cue only after a document (`the message reads`).
            let (np, _) = self.speaker_left(gs, false)?;
            let head = (np.start..np.end)
                .rev()
                .find(|&k| self.items[k].is_word())?;
            let h = &self.items[head];
            if !(h.speaker.has(W::Document) || h.speaker.has(W::Post)) {
                return None;
            }
        }
        // `“…,” said Smith`: a verb right after a comma or quotation with a
        // source after it, when the source is not before it (`Paul Dewar,
        // an MP, said the lapses …`).
        let after_boundary = gs > self.lo
            && (self.punct(gs - 1, ',') || self.quote(gs - 1))
            && sense.frames.has(F::Tag)
            && !sense.gerund
            && group.is_empty();
        let normal = self.verb_complement(i, end, sense, gs, kind, future, passive);
        if normal.is_none() && after_boundary {
            return self.inverted(self.new_found(gs..end, i, kind), gs, end);
        }
        normal
    }

    /// A verb cue read forward: adjuncts, recipient and complement, then
    /// the source before it (or after it, for tags).
    #[allow(clippy::too_many_arguments)]
    fn verb_complement(
        &self,
        i: usize,
        end: usize,
        sense: &Sense,
        gs: usize,
        kind: CueKind,
        future: bool,
        passive: bool,
    ) -> Option<Found> {
        let (mut j, channel) = self.adjuncts(end);
        let cue_end = if channel.is_some() { j } else { end };
        let mut f = self.new_found(gs..cue_end, i, kind);
        f.channel = channel;
        if passive {
            return self.passive_frame(f, gs, j, sense);
        }
        if sense.gerund && gs > self.lo && self.punct(gs - 1, ',') {
            f.participle = true;
        }
        let mut recipient = None;
        if sense.recipient != Recipient::None {
            if let Some(r) = self.recipient(j) {
                recipient = Some(r.clone());
                j = r.end;
                let (after, ch) = self.adjuncts(j);
                j = after;
                if f.channel.is_none() {
                    f.channel = ch;
                }
            } else if sense.recipient == Recipient::Required {
                return None;
            }
        }
        // `, citing X,` between the verb and its complement.
        let mut complement = self.complement(j, sense.frames);
        if let Complement::Tag(t) = complement {
            let citing = self
                .word(t + 1)
                .is_some_and(|w| w.senses.iter().any(|s| s.class == CueClass::Citing));
            let cited = self
                .np_right(t + 2)
                .filter(|np| citing && self.punct(t, ',') && self.punct(np.end, ','));
            if let Some(np) = cited {
                f.cited.push(np.clone());
                let next = self.complement(np.end + 1, sense.frames);
                if matches!(next, Complement::After(_) | Complement::Quote(_)) {
                    complement = next;
                }
            }
        }
        if let Some(r) = &recipient {
            if super::speaker::contains_kind(
                self.text,
                self.items,
                r.clone(),
                self.lexicon,
                W::Media,
            ) {
                f.outer.push((r.clone(), None));
            }
        }
        if let Some(ch) = &f.channel {
            // `in an interview with CNN`: the medium is a chain link.
            let media: Option<usize> = ch
                .clone()
                .find(|&k| self.items[k].speaker.has(W::Media) && self.items[k].cap);
            if let Some(m) = media {
                if let Some(np) = self.np_right(m) {
                    f.outer.push((np.start..np.end.min(ch.end), None));
                }
            }
        }
        match complement {
            Complement::After(c) | Complement::Object(c) => {
                if matches!(complement, Complement::Object(_)) && future {
                    return None;
                }
                f.placement = Placement::After;
                let end = self.clause_end(c, self.content_end());
                f.content.push(c..end.max(c + 1));
                if f.participle {
                    return Some(f);
                }
                let Some((sp, rel)) = self.speaker_left(gs, false) else {
                    // `The ministry rejected the claims and said that …`:
                    // a verb coordinated with an earlier one shares its
                    // subject, found by `resolve`.
                    let shared = gs > self.lo
                        && self.word(gs - 1).is_some_and(|w| {
                            matches!(
                                w.text(self.text).to_ascii_lowercase().as_str(),
                                "and" | "but"
                            )
                        });
                    if shared {
                        f.participle = true;
                        return Some(f);
                    }
                    return None;
                };
                if self.interrogative(sp.start) {
                    return None;
                }
                // `countries like Russia`: a preposition that is also a verb
                // takes an object only after a pronoun or an auxiliary.
                if matches!(complement, Complement::Object(_))
                    && self.items[i].has(PREP)
                    && gs == i
                    && !self.items[sp.clone()].iter().all(|w| w.has(PRON))
                    && !self
                        .word(i - 1)
                        .is_some_and(|w| w.has(PRON | AUX | MODAL | NEG | ADV))
                {
                    return None;
                }
                f.coordinated_at = self.coordination(sp.start);
                f.relative = rel;
                f.speaker = Some(sp);
                Some(f)
            }
            Complement::Quote(q) => {
                f.placement = Placement::After;
                let mut e = q + 1;
                while self.quote(e) {
                    e += 1;
                }
                if self.word(e).is_some_and(|w| w.flags == 0) {
                    // `tells of 'self-medicating' ants`: the quotation opens
                    // a longer content.
                    e = self.content_end().max(e);
                }
                f.content.push(q..e);
                if f.participle {
                    return Some(f);
                }
                let (sp, rel) = self.speaker_left(gs, false)?;
                // `“A,” she said, “B.”`: the quotation before the source is
                // the first fragment.
                let before = sp
                    .start
                    .checked_sub(1 + usize::from(self.punct(sp.start.wrapping_sub(1), ',')));
                if let Some(b) = before.filter(|&b| b >= self.lo && self.quote(b)) {
                    f.content.insert(0, b..b + 1);
                    f.placement = Placement::Around;
                }
                f.relative = rel;
                f.coordinated_at = self.coordination(sp.start);
                f.speaker = Some(sp);
                Some(f)
            }
            Complement::Forward => {
                let (sp, rel) = self.speaker_left(gs, false)?;
                f.speaker = Some(sp);
                f.relative = rel;
                f.forward = true;
                Some(f)
            }
            Complement::Tag(t) => {
                debug_assert_eq!(t, j);
                if !sense.frames.has(F::Tag) {
                    return None;
                }
                // Inverted (`“…,” said Smith`, `…, reports UNN`) or normal
                // (`“…,” Smith said`, `…, officials said`).
                let after_boundary = gs == self.lo
                    || self.punct(gs - 1, ',')
                    || self.quote(gs - 1)
                    || self
                        .items
                        .get(gs - 1)
                        .is_some_and(|p| p.kind == ItemKind::Dash);
                self.tag_frame(f, gs, t, after_boundary)
            }
            Complement::None => {
                // Inverted with the source right after the verb.
                let after_boundary = gs > self.lo
                    && (self.punct(gs - 1, ',') || self.quote(gs - 1))
                    && sense.frames.has(F::Tag);
                if after_boundary {
                    return self.inverted(f, gs, end);
                }
                None
            }
        }
    }

    /// Whether the word at `i` is capitalised inside a sentence, so a name
    /// rather than a verb (`the US State Department`); headlines may
    /// capitalise every word.
    fn capitalised_inside(&self, i: usize) -> bool {
        !self.headline
            && self.items[i].cap
            && i > self.lo
            && !matches!(
                self.items[i - 1].kind,
                ItemKind::Quote { .. } | ItemKind::Punct(':' | '(') | ItemKind::Dash
            )
    }

    /// `Do you think …?`: an auxiliary before the source at the start of a question.
    fn interrogative(&self, speaker_start: usize) -> bool {
        let question = self.hi > self.lo && self.items[self.hi - 1].is_punct('?');
        if !question {
            return false;
        }
        // `you` asked about (`What do you think …?`), or an auxiliary before
        // the source (`Do they believe …?`).
        self.word(speaker_start)
            .is_some_and(|w| w.text(self.text).eq_ignore_ascii_case("you"))
            || (self.lo..speaker_start).rev().take(4).any(|k| {
                self.word(k)
                    .is_some_and(|w| w.has(AUX | MODAL) && !w.has(PRON))
            })
    }

    /// Where a clause coordinated with an earlier one starts, when the source
    /// at `sp` follows `, and`, `, but`, `;`, `, while`.
    fn coordination(&self, sp: usize) -> Option<usize> {
        if sp <= self.lo + 1 {
            return None;
        }
        if self.punct(sp - 1, ';') {
            return Some(sp - 1);
        }
        let conj = self.word(sp - 1)?;
        let t = conj.text(self.text).to_ascii_lowercase();
        if matches!(t.as_str(), "and" | "but" | "while" | "whereas" | "yet")
            && (self.punct(sp - 2, ',') || self.quote_ends_with_comma(sp - 2))
        {
            return Some(sp - 1);
        }
        None
    }

    /// Whether item `i` is a quotation whose last char inside the marks is
    /// a comma (`“a bad precedent,” while …`).
    fn quote_ends_with_comma(&self, i: usize) -> bool {
        self.quote(i) && {
            let t = self.items[i].text(self.text);
            t.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ',')
                .ends_with(',')
        }
    }

    /// A tag: the content is before the cue (`…, X said.`), or around it.
    fn tag_frame(&self, mut f: Found, gs: usize, j: usize, after_boundary: bool) -> Option<Found> {
        if after_boundary && gs > self.lo {
            if let Some(inv) = self.inverted(f.clone(), gs, j) {
                return Some(inv);
            }
        }
        let (sp, rel) = self.speaker_left(gs, true)?;
        if rel {
            return None;
        }
        f.speaker = Some(sp.clone());
        let before_end = sp.start;
        self.place_around(f, before_end, j)
    }

    /// Sets the content of a tag whose source starts at `before_end` and
    /// whose cue phrase (with source, when inverted) ends at `after`.
    fn place_around(&self, mut f: Found, before_end: usize, after: usize) -> Option<Found> {
        // Content before: from the utterance start (after a leading
        // connective) to the boundary before the source.
        let mut b_end = before_end;
        while b_end > self.lo
            && matches!(
                self.items[b_end - 1].kind,
                ItemKind::Punct(',' | ':') | ItemKind::Dash
            )
        {
            b_end -= 1;
        }
        let b_start = self.skip_lead(self.clause_start(b_end), b_end);
        let before = (b_start < b_end).then_some(b_start..b_end);
        // Content after: `, “B.”`, `; and, later, “B.”` or `, will fail.`
        let mut after_range = None;
        if !self.at_end(after)
            && (self.punct(after, ',') || self.punct(after, ';') || self.quote(after))
        {
            let mut a_start = after;
            while a_start < self.hi
                && (self.punct(a_start, ',')
                    || self.punct(a_start, ';')
                    || self
                        .word(a_start)
                        .is_some_and(|w| w.has(CONJ | TIME) || w.has(ADV) && !w.has(DET)))
            {
                a_start += 1;
            }
            let skipped_conj = (after..a_start).any(|k| self.word(k).is_some_and(|w| w.has(CONJ)));
            let a_end = self.content_end();
            if self.quote(a_start) {
                let mut e = a_start;
                while self.quote(e) {
                    e += 1;
                }
                after_range = Some(a_start..e);
            } else if !skipped_conj
                && !self.punct(after, ';')
                && self.word(a_start).is_some_and(|w| {
                    // `The plan, she said, will fail`: the clause goes on
                    // with its verb; `…, officials said, after weeks of
                    // talks` is the writer's.
                    !w.cap
                        && !w.has(REL | PREP | SUBORD | CONJ)
                        && (w.has(AUX | MODAL | VERB | LINKING | ADV | NEG | DET | POSS | PRON)
                            || self.verbish(a_start)
                            || w.flags == 0)
                })
            {
                // A participle or a new cue after the tag is its own frame.
                let participle = self.word(a_start).is_some_and(|w| {
                    w.senses
                        .iter()
                        .any(|s| s.gerund || s.class == CueClass::Citing)
                });
                if !participle && a_start < a_end {
                    after_range = Some(a_start..a_end);
                }
            }
        } else if !self.at_end(after) {
            return None;
        }
        match (before, after_range) {
            (Some(b), Some(a)) => {
                f.placement = Placement::Around;
                f.content = vec![b, a];
            }
            (Some(b), None) => {
                f.placement = Placement::Before;
                f.content = vec![b];
            }
            (None, Some(a)) if self.lo < before_end && self.is(self.lo, "as") => {
                // `As X noted, …`
                f.placement = Placement::After;
                f.content = vec![a];
            }
            (None, _) => {
                // A bare tag (`he said.`): attached to a preceding quotation
                // by the paragraph reader.
                f.placement = Placement::Before;
                f.content = Vec::new();
            }
        }
        Some(f)
    }

    /// The utterance's first noun phrase after a leading adjunct (`On
    /// December 17, Russia sent …` → `Russia`).
    pub fn subject(&self) -> Option<Range<usize>> {
        let mut start = self.skip_lead(self.lo, self.hi);
        let first = self.items.get(start).filter(|_| start < self.hi)?;
        if first.is_word()
            && (first.has(PREP | SUBORD | CONNECTIVE | TIME)
                || self.adjunct_segment(start..start + 1))
        {
            let comma = (start..self.hi.min(start + 12)).find(|&k| self.items[k].is_punct(','))?;
            start = comma + 1;
        }
        self.np_right(start)
    }

    /// Where reported content starting at `start` ends, at the latest at
    /// `end`: before a semicolon or dash, or before a new clause joined by
    /// a comma (`…, but this number is very uncertain`, `…, they can take
    /// …`). A comma right after a leading subordinate clause (`that, as
    /// the parents came from India, …, they should …`) does not end it.
    fn clause_end(&self, start: usize, end: usize) -> usize {
        let mut first = start;
        if self.is(first, "that") {
            first += 1;
        }
        while self.punct(first, ',') {
            first += 1;
        }
        let mut subordinate = self
            .word(first)
            .is_some_and(|w| w.has(SUBORD) || w.has(WH) && !w.has(REL));
        let mut k = start + 1;
        while k < end {
            let it = &self.items[k];
            match it.kind {
                ItemKind::Punct(';') | ItemKind::Dash => return k,
                ItemKind::Punct(',') => {
                    let mut m = k + 1;
                    let conj = self
                        .word(m)
                        .filter(|w| w.has(CONJ) && !w.has(PREP))
                        .map(|w| w.text(self.text).to_ascii_lowercase());
                    if conj.is_some() {
                        m += 1;
                    }
                    let pronoun_clause = self.word(m).is_some_and(|w| {
                        w.has(PRON) && !w.has(REL | ANAPHOR) || w.has(PRON) && w.has(AUX)
                    }) && (self.word(m).is_some_and(|w| w.has(AUX | MODAL))
                        || self.word(m + 1).is_some_and(|w| !w.has(PREP | CONJ | REL)));
                    let contrast = conj
                        .as_deref()
                        .is_some_and(|c| matches!(c, "but" | "so" | "yet"))
                        && !self.quote(m);
                    if (pronoun_clause || contrast) && !subordinate {
                        return k;
                    }
                    subordinate = false;
                }
                _ => {}
            }
            k += 1;
        }
        end
    }

    /// The words from `j` to the next boundary.
    fn words_until_boundary(&self, j: usize) -> usize {
        let mut n = 0;
        let mut k = j;
        while k < self.hi && !self.is_boundary(k) {
            n += usize::from(self.items[k].is_word());
            k += 1;
        }
        n
    }

    /// Where the clause holding item `end - 1` starts: after the last
    /// `, and`, `, but`, `;` or `, while` before it, else the utterance start.
    fn clause_start(&self, end: usize) -> usize {
        let mut k = end;
        while k > self.lo + 1 {
            k -= 1;
            if self.punct(k, ';') {
                return k + 1;
            }
            if self.punct(k - 1, ',')
                && self.word(k).is_some_and(|w| {
                    matches!(
                        w.text(self.text).to_ascii_lowercase().as_str(),
                        "and" | "but" | "while" | "whereas"
                    )
                })
                && !self.quote(k + 1)
            {
                return k;
            }
        }
        self.lo
    }

    /// Skips leading connectives, conjunctions and commas of a content region.
    fn skip_lead(&self, mut s: usize, end: usize) -> usize {
        while s < end
            && (self
                .word(s)
                .is_some_and(|w| w.has(CONJ) || w.has(CONNECTIVE) && !w.has(ADV))
                || self.punct(s, ','))
        {
            s += 1;
        }
        s
    }

    /// `…, said Smith.` / `“…,” said the minister, a veteran diplomat.`
    fn inverted(&self, mut f: Found, gs: usize, after_cue: usize) -> Option<Found> {
        let np = self.np_right(after_cue)?;
        // `said Bolden to the gathered crowd`: the source ends before an
        // adjunct, which runs to the next boundary.
        let cut = (np.start + 1..np.end).find(|&k| {
            self.word(k).is_some_and(|w| {
                w.has(PREP)
                    && matches!(
                        w.text(self.text).to_ascii_lowercase().as_str(),
                        "to" | "in"
                            | "at"
                            | "on"
                            | "during"
                            | "after"
                            | "before"
                            | "while"
                            | "with"
                            | "from"
                    )
            })
        });
        let np = match cut {
            Some(c) => np.start..c,
            None => self.apposition_right(np, true),
        };
        let mut after = np.end;
        if cut.is_some() {
            while after < self.hi && !self.is_boundary(after) {
                after += 1;
            }
        }
        if !(self.at_end(after)
            || self.punct(after, ',')
            || self.punct(after, ';')
            || self.quote(after))
        {
            return None;
        }
        // The source is a name, a described person or a pronoun (`said he`).
        let first = self.word(np.start)?;
        let described = first.has(DET | POSS) && np.len() >= 2 && !first.has(REL);
        let pronoun = np.len() == 1 && first.has(PRON) && !first.has(ANAPHOR);
        if !((first.cap && !first.has(DET | REL | PRON))
            || described
            || pronoun
            || first.speaker.has(W::Unnamed))
        {
            return None;
        }
        f.speaker = Some(np.clone());
        let before_end = gs;
        let mut g = self.place_around(f, before_end, after)?;
        if g.content.is_empty() {
            return None;
        }
        g.group_start = gs;
        Some(g)
    }

    /// Passives: `This was reported by X`, `X was announced by Y`,
    /// `it is believed that …`, `X is said to …`.
    fn passive_frame(&self, mut f: Found, gs: usize, j: usize, sense: &Sense) -> Option<Found> {
        // The subject before the group.
        let subject = self.np_left(gs).or_else(|| {
            self.word(gs.wrapping_sub(1))
                .filter(|w| w.has(PRON | ANAPHOR))
                .map(|_| gs - 1..gs)
        });
        if self.is(j, "by") {
            let agent = self.np_right(j + 1)?;
            f.speaker = Some(agent.clone());
            let mut k = agent.end;
            // `, citing X`
            while self.punct(k, ',') {
                let Some(w) = self.word(k + 1) else { break };
                if w.senses.iter().any(|s| s.class == CueClass::Citing) {
                    let Some(np) = self.np_right(k + 2) else {
                        break;
                    };
                    f.cited.push(np.clone());
                    k = np.end;
                } else {
                    break;
                }
            }
            let subject = subject?;
            if subject.len() <= 2 && self.items[subject.end - 1].has(ANAPHOR)
                || subject.len() <= 2 && self.is(subject.end - 1, "information")
            {
                f.anaphoric = true;
                f.content = vec![subject];
            } else {
                f.content = vec![subject];
            }
            f.placement = Placement::Before;
            return Some(f);
        }
        // Agentless: `it is believed that …`, `I was told that …` (the
        // subject is the recipient, not the content).
        let expletive = subject
            .as_ref()
            .is_some_and(|s| s.len() == 1 && self.is(s.start, "it"));
        if self.is(j, "that") {
            f.content = vec![j..self.content_end()];
            f.placement = Placement::After;
            return Some(f);
        }
        // `Residents were advised to leave`, `I was told to …`: the subject
        // is the recipient; the source is unnamed.
        if sense.recipient != Recipient::None
            && self.is(j, "to")
            && self
                .word(j + 1)
                .is_some_and(|w| !w.cap && !w.has(DET | POSS | PRON))
        {
            f.content = vec![j..self.content_end()];
            f.placement = Placement::After;
            return Some(f);
        }
        // `X is said to …`, `X is believed to …`: hearsay and belief verbs
        // only (`he was admitted to hospital` is no attribution).
        let hearsay = matches!(
            sense.class,
            CueClass::Belief | CueClass::Knowledge | CueClass::Report
        ) || self
            .lexicon
            .cues
            .entries()
            .get(sense.entry as usize)
            .is_some_and(|e| matches!(e.cue.as_str(), "say" | "allege" | "claim"));
        if let Some(subject) = subject.filter(|_| hearsay) {
            if self.is(j, "to")
                && !expletive
                && self.word(j + 1).is_some_and(|w| {
                    !w.cap && !w.has(DET | POSS | PREP | OBJ) && w.speaker.is_empty()
                })
            {
                f.content = vec![subject, j..self.content_end()];
                f.placement = Placement::Around;
                return Some(f);
            }
        }
        None
    }

    /// `according to X, …` / `…, according to X.` / `A, according to X, B`.
    fn according_frame(&self, i: usize, end: usize) -> Option<Found> {
        let mut np = self.np_right(end)?;
        // `according to two officials briefed on the plan`: a participle
        // after the noun belongs to the source.
        while self.word(np.end).is_some_and(|w| {
            let t = w.text(self.text);
            !w.cap && w.flags == 0 && (t.ends_with("ed") || t.ends_with("ing"))
        }) {
            match self.np_right(np.end + 1) {
                Some(more) => np = np.start..more.end,
                None => break,
            }
        }
        let np = self.apposition_right(np, false);
        // `According to the Saudi Interior Ministry over 345 pilgrims …`:
        // without a comma, the source ends at a preposition after its name.
        let np = if self.punct(np.end, ',') || self.at_end(np.end) {
            np
        } else {
            match (np.start + 1..np.end).find(|&k| {
                self.items[k - 1].cap
                    && self.word(k).is_some_and(|w| {
                        w.has(PREP)
                            && !matches!(
                                w.text(self.text).to_ascii_lowercase().as_str(),
                                "of" | "for"
                            )
                    })
            }) {
                Some(cut) => np.start..cut,
                None => np,
            }
        };
        // A trailing comma of the apposition is not the source's.
        let np = if np.end > np.start + 1
            && self.punct(np.end - 1, ',')
            && !self.at_end(np.end)
            && !self.punct(np.end, ',')
        {
            np.start..np.end - 1
        } else {
            np
        };
        let mut f = self.new_found(i..end, i, CueKind::According);
        f.speaker = Some(np.clone());
        let mut after = np.end;
        while self.punct(after, ',') {
            let Some(w) = self.word(after + 1) else { break };
            if w.senses.iter().any(|s| s.class == CueClass::Citing) {
                let Some(c) = self.np_right(after + 2) else {
                    break;
                };
                f.cited.push(c.clone());
                after = c.end;
            } else {
                break;
            }
        }
        let mut before_end = i;
        if before_end > self.lo && self.is(before_end - 1, "as") {
            before_end -= 1;
        }
        if self.word(after).is_some() && self.skip_lead(self.lo, before_end) == before_end {
            // Opening the sentence without a comma: the rest is the content.
            let a_end = self.content_end();
            if after < a_end {
                f.content = vec![after..a_end];
                f.placement = Placement::After;
                return Some(f);
            }
        }
        let f = self.place_around(f, before_end, after)?;
        if f.content.is_empty() {
            // `According to X, …` at the start.
            if self.punct(after, ',') || self.punct(after, ':') {
                let mut g = f;
                let a_end = self.content_end();
                if after + 1 < a_end {
                    g.content = vec![after + 1..a_end];
                    g.placement = Placement::After;
                    return Some(g);
                }
            }
            return None;
        }
        Some(f)
    }

    /// `citing X` on its own is a chain link for the frame before it, found
    /// by [`resolve`].
    fn citing_frame(&self, i: usize, end: usize) -> Option<Found> {
        let np = self.np_right(end)?;
        let mut f = self.new_found(i..end, i, CueKind::According);
        f.cited.push(np);
        f.placement = Placement::After;
        f.speaker = None;
        f.content = Vec::new();
        Some(f)
    }

    /// `reportedly`, `allegedly`: no source; the clause around is the content.
    fn adverb_frame(&self, i: usize) -> Option<Found> {
        let mut f = self.new_found(i..i + 1, i, CueKind::Report);
        let b_start = self.skip_lead(self.lo, i);
        let mut b_end = i;
        while b_end > b_start && self.punct(b_end - 1, ',') {
            b_end -= 1;
        }
        let mut a_start = i + 1;
        while self.punct(a_start, ',') {
            a_start += 1;
        }
        let a_end = self.content_end();
        if b_start < b_end {
            f.content.push(b_start..b_end);
        }
        if a_start < a_end {
            f.content.push(a_start..a_end);
        }
        if f.content.is_empty() {
            return None;
        }
        f.placement = Placement::Around;
        Some(f)
    }

    /// `in his opinion`, `in the view of X`, `her hope is that …`.
    fn nominal_frame(&self, i: usize, end: usize) -> Option<Found> {
        // `POSS N is/was that|to|:`
        let poss = i > self.lo
            && self
                .word(i - 1)
                .is_some_and(|w| w.has(POSS) && !w.has(DET) || w.possessive);
        if poss && self.word(end).is_some_and(|w| w.has(BE)) {
            let c = end + 1;
            let complement = self.is(c, "that") || self.is(c, "to") || self.punct(c, ':');
            if complement {
                let mut f = self.new_found(i..end + 1, i, CueKind::Belief);
                f.speaker = Some(i - 1..i);
                let start = if self.punct(c, ':') { c + 1 } else { c };
                f.content = vec![start..self.content_end()];
                f.placement = Placement::After;
                return Some(f);
            }
        }
        // `in POSS N`, `in the governor's N` / `in the N of X`
        if poss {
            let mut k = i - 1;
            while k > self.lo
                && k + 4 > i
                && self
                    .word(k - 1)
                    .is_some_and(|w| w.has(DET) || w.flags == 0 && !w.possessive)
                && !self.is(k - 1, "in")
            {
                k -= 1;
            }
            if k > self.lo && self.is(k - 1, "in") {
                let mut f = self.new_found(i..end, i, CueKind::Belief);
                f.speaker = Some(k..i);
                return self.parenthetical(f, k - 1, end);
            }
        }
        if i >= self.lo + 2 && self.is(i - 1, "the") && self.is(i - 2, "in") && self.is(end, "of") {
            let np = self.np_right(end + 1)?;
            let mut f = self.new_found(i..end, i, CueKind::Belief);
            f.speaker = Some(np.clone());
            return self.parenthetical(f, i - 2, np.end);
        }
        None
    }

    /// A parenthetical attribution phrase over items `start..end` (`in its
    /// opinion`): the content is the clause around it.
    fn parenthetical(&self, mut f: Found, start: usize, end: usize) -> Option<Found> {
        // Before: back to the previous comma's segment start, or the
        // utterance start; after: to the end.
        let mut b_end = start;
        while b_end > self.lo && self.punct(b_end - 1, ',') {
            b_end -= 1;
        }
        let b_start = if b_end == start {
            // No comma before: the phrase opens the clause.
            b_end
        } else {
            self.skip_lead(self.segment_start(b_end), b_end)
        };
        let mut a_start = end;
        while self.punct(a_start, ',') {
            a_start += 1;
        }
        let a_end = self.content_end();
        if b_start < b_end {
            f.content.push(b_start..b_end);
        }
        if a_start < a_end {
            f.content.push(a_start..a_end);
        }
        if f.content.is_empty() {
            return None;
        }
        f.placement = if f.content.len() == 2 {
            Placement::Around
        } else {
            Placement::After
        };
        Some(f)
    }

    /// `I am sure that …`, `she is confident the deal will pass`.
    fn adjective_frame(&self, i: usize, end: usize, sense: &Sense) -> Option<Found> {
        let mut k = i;
        while k > self.lo
            && self
                .word(k - 1)
                .is_some_and(|w| w.has(ADV | NEG) && !w.has(BE))
        {
            k -= 1;
        }
        let cop = self.word(k.checked_sub(1)?)?;
        if !cop.has(BE) {
            return None;
        }
        let c = self.complement(end, sense.frames);
        let Complement::After(mut c) = c else {
            return None;
        };
        // `critical of X`: the preposition belongs to the cue.
        let mut end = end;
        if self.is(c, "of") {
            c += 1;
            end = c;
            if c >= self.content_end() {
                return None;
            }
        }
        let (cue_start, speaker) = if cop.has(PRON) {
            (k, Some((k - 1..k, false)))
        } else {
            let mut gs = k - 1;
            while gs > self.lo
                && self
                    .word(gs - 1)
                    .is_some_and(|w| w.has(AUX | MODAL | NEG | ADV) && !w.has(PRON))
            {
                gs -= 1;
            }
            (gs, self.speaker_left(gs, false))
        };
        let (sp, rel) = speaker?;
        let mut f = self.new_found(cue_start..end, i, CueKind::Belief);
        f.speaker = Some(sp);
        f.relative = rel;
        f.content = vec![c..self.content_end()];
        Some(f)
    }

    /// `Zelensky: “…”`, `Jane Doe, minister: …` — a speaker label before a colon.
    fn colon_label(&self) -> Option<Found> {
        let colon = (self.lo..self.hi.min(self.lo + 8)).find(|&k| self.punct(k, ':'))?;
        if colon == self.lo || colon + 1 >= self.content_end() {
            return None;
        }
        let label = self.lo..colon;
        let words: Vec<&Item<'_>> = self.items[label.clone()]
            .iter()
            .filter(|it| it.is_word())
            .collect();
        if words.is_empty() || words.len() > 6 {
            return None;
        }
        if self.items[label.clone()]
            .iter()
            .any(|it| !(it.is_word() || it.is_punct('.') || it.is_punct(',')))
        {
            return None;
        }
        let caps = words.iter().filter(|w| w.cap).count();
        let role = words
            .iter()
            .any(|w| w.speaker.has(W::Role) || w.speaker.has(W::Title));
        let pron = words.len() == 1 && words[0].has(PRON);
        let quote_after = self.quote(colon + 1);
        let name_like = caps == words.len() && !words[0].has(DET | PREP | CONJ | SUBORD);
        if !(pron
            || (name_like && (words.len() >= 2 || quote_after))
            || (role && caps >= 1 && quote_after))
        {
            return None;
        }
        // Not a cue verb before the colon: that is the verb frame's.
        if words.iter().any(|w| !w.senses.is_empty()) {
            return None;
        }
        let mut f = self.new_found(colon..colon + 1, colon, CueKind::Punctuation);
        f.speaker = Some(label);
        f.content = vec![colon + 1..self.content_end()];
        Some(f)
    }

    /// `“…” — Jane Doe`: a dash and a name after a quotation.
    fn dash_signature(&self) -> Option<Found> {
        let q = (self.lo..self.hi).find(|&k| self.quote(k))?;
        let dash = q + 1 + usize::from(self.punct(q + 1, ','));
        if !self
            .items
            .get(dash)
            .is_some_and(|it| dash < self.hi && it.kind == ItemKind::Dash)
        {
            return None;
        }
        let np = self.np_right(dash + 1)?;
        if !self.at_end(np.end) || !self.items[np.start].cap {
            return None;
        }
        let mut f = self.new_found(dash..dash + 1, dash, CueKind::Punctuation);
        f.speaker = Some(np);
        f.content = vec![q..q + 1];
        f.placement = Placement::Before;
        Some(f)
    }
}

/// What follows a verb cue.
#[derive(Clone, Copy, Debug)]
enum Complement {
    /// A quotation at this item.
    Quote(usize),
    /// A clause starting at this item (`that …`, `to …`, a bare clause).
    After(usize),
    /// A noun-phrase object starting here.
    Object(usize),
    /// A boundary here: the content is before the cue.
    Tag(usize),
    /// A colon ending the utterance: the content follows in the next one.
    Forward,
    /// Nothing that makes an attribution.
    None,
}

/// The model's cue kind for a lexicon class.
fn cue_kind(class: CueClass) -> CueKind {
    match class {
        CueClass::Speech => CueKind::Speech,
        CueClass::Report | CueClass::Adverb => CueKind::Report,
        CueClass::Knowledge => CueKind::Knowledge,
        CueClass::Belief | CueClass::Nominal | CueClass::Adjective => CueKind::Belief,
        CueClass::Intention => CueKind::Intention,
        CueClass::Document => CueKind::Document,
        CueClass::According | CueClass::Citing => CueKind::According,
    }
}

/// Keeps the outermost attributions of an utterance (see the module doc).
pub fn resolve(r: &Reader<'_, '_>, frames: Vec<Found>) -> Vec<Found> {
    let mut accepted: Vec<Found> = Vec::new();
    for f in frames {
        // `citing X` alone: a chain link of the attribution before it.
        if f.speaker.is_none() && f.content.is_empty() && !f.cited.is_empty() {
            if let Some(prev) = accepted.last_mut() {
                if prev.at < f.at {
                    for c in f.cited {
                        if !prev
                            .cited
                            .iter()
                            .any(|p| p.start <= c.start && c.start < p.end.max(p.start + 1))
                        {
                            prev.cited.push(c);
                        }
                    }
                }
            }
            continue;
        }
        let inside = |a: &Found, at: usize| a.content.iter().any(|c| c.contains(&at));
        match f.placement {
            Placement::After => {
                if let Some(pos) = accepted
                    .iter()
                    .position(|a| inside(a, f.group_start) || inside(a, f.at))
                {
                    let boundary = f
                        .coordinated_at
                        .or_else(|| f.participle.then(|| f.group_start.saturating_sub(1)));
                    if let Some(b) = boundary {
                        let a = &mut accepted[pos];
                        for c in &mut a.content {
                            if c.contains(&b) {
                                c.end = b;
                            }
                        }
                        a.content.retain(|c| !c.is_empty());
                        let mut f = f;
                        if f.participle && f.speaker.is_none() {
                            f.speaker = a.speaker.clone();
                            f.relative = a.relative;
                        }
                        accepted.push(f);
                    }
                    continue;
                }
                let mut f = f;
                if f.participle && f.speaker.is_none() {
                    // `“…,” he tweeted, adding that …`: the source of the
                    // attribution before; `The ministry issued a statement,
                    // saying …`: the clause's subject.
                    if let Some(prev) = accepted.last().filter(|a| a.speaker.is_some()) {
                        f.speaker = prev.speaker.clone();
                        f.relative = prev.relative;
                        accepted.push(f);
                        continue;
                    }
                    f.speaker = r.subject();
                    if f.speaker.as_ref().is_some_and(|s| s.end > f.group_start) {
                        f.speaker = None;
                    }
                    if f.speaker.is_none() {
                        continue;
                    }
                }
                accepted.push(f);
            }
            Placement::Around
                if accepted
                    .iter()
                    .any(|a| inside(a, f.group_start) || inside(a, f.at)) =>
            {
                // A parenthetical or passive inside another's content.
            }
            Placement::Before | Placement::Around => {
                let region_end = f
                    .speaker
                    .as_ref()
                    .map_or(f.group_start, |s| s.start.min(f.group_start));
                let inner: Vec<usize> = accepted
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| a.at < region_end)
                    .map(|(k, _)| k)
                    .collect();
                let report = matches!(f.cue_kind, CueKind::Report)
                    || f.speaker.as_ref().is_some_and(|s| {
                        super::speaker::contains_kind(
                            r.text,
                            r.items,
                            s.clone(),
                            r.lexicon,
                            W::Media,
                        )
                    });
                if !inner.is_empty() && f.content.len() <= 1 {
                    if report {
                        // `X said A, Reuters reported`: Reuters is a medium,
                        // and A ends before the tag.
                        if let Some(sp) = f.speaker.clone() {
                            let tag_start = f.group_start.min(sp.start);
                            for &k in &inner {
                                let a = &mut accepted[k];
                                a.outer.insert(0, (sp.clone(), Some(f.cue)));
                                for c in &mut a.content {
                                    if c.end > tag_start {
                                        c.end = tag_start.max(c.start);
                                        while c.end > c.start && r.punct(c.end - 1, ',') {
                                            c.end -= 1;
                                        }
                                    }
                                }
                                a.content.retain(|c| !c.is_empty());
                            }
                        }
                        continue;
                    }
                    // `The company wants to expand, its CEO said`: the
                    // inner cue is part of the content.
                    for &k in inner.iter().rev() {
                        accepted.remove(k);
                    }
                }
                accepted.push(f);
            }
        }
    }
    // A relative source's content stops at the comma closing the clause
    // (`Smith, who said the plan failed, resigned`).
    for a in &mut accepted {
        if a.relative && a.placement == Placement::After {
            if let Some(sp) = &a.speaker {
                if sp.start > r.lo && r.punct(sp.start - 1, ',') {
                    for c in &mut a.content {
                        if let Some(comma) = (c.start..c.end).find(|&k| r.punct(k, ',')) {
                            c.end = comma;
                        }
                    }
                }
            }
        }
    }
    accepted
}
