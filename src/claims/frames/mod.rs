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

mod other_cues;
mod phrases;
mod verbs;

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
    /// The colon after a verb's object that introduces the next sentence
    /// (`denied the allegations:`): the forward claim's cue, while the
    /// object stays this frame's own content.
    pub forward_cue: Option<Span>,
    /// One past the last item of the attribution phrase itself (cue,
    /// recipient, trailing adjuncts: `told a crowd of supporters Saturday
    /// night`), when it runs past the cue: covered, so not the writer's.
    pub core_end: Option<usize>,
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

    /// Whether the word at `i` starts some cue of the lexicon, its other
    /// words included (`spoke` alone is no `spoke out against`).
    fn has_cue_sense(&self, i: usize) -> bool {
        self.items[i].senses.iter().any(|s| {
            s.rest.iter().enumerate().all(|(k, w)| {
                self.word(i + 1 + k)
                    .is_some_and(|x| crate::lexicon::wordtable::norm_eq(x.text(self.text), w))
            })
        })
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
        // `One said`, `Some say`, `Two told reporters`: a quantifier before
        // a past or speech form is the pronoun subject of a verb.
        let quantifier_subject = || {
            self.word(i - 1).is_some_and(|p| p.has(QUANT))
                && self.word(i).is_some_and(|w| {
                    let t = w.text(self.text).to_ascii_lowercase();
                    t.ends_with("ed")
                        || matches!(
                            t.as_str(),
                            "said" | "say" | "told" | "wrote" | "thought" | "knew" | "felt"
                        )
                })
        };
        i > self.lo
            && !quantifier_subject()
            && self.word(i - 1).is_some_and(|p| {
                p.has(DET | POSS) && !p.has(REL | PRON)
                    || p.possessive
                    || p.has(PREP) && !p.text(self.text).eq_ignore_ascii_case("to")
                    // `called that claim “nonsense”`, `said that claims …`:
                    // after a verb, `that` is a determiner or opens a
                    // clause, and the word after it is a noun either way.
                    || p.has(DET | REL)
                        && p.text(self.text).eq_ignore_ascii_case("that")
                        && i > self.lo + 1
                        && (self.verbish(i - 2) || self.verb_sense(i - 2))
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
        } else if out.is_empty() {
            out.extend(self.colon_clause());
        }
        if let Some(f) = self.dash_signature().or_else(|| self.dash_tag()) {
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
            forward_cue: None,
            core_end: None,
        }
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
pub fn resolve(r: &Reader<'_, '_>, mut frames: Vec<Found>) -> Vec<Found> {
    // A relative source's content stops at the comma closing the clause
    // (`Smith, who said the plan failed, resigned`; `X, a group that
    // proposed the levy, said …`), before it can swallow the main cue.
    for a in &mut frames {
        if a.relative && a.placement == Placement::After {
            if let Some(sp) = &a.speaker {
                if sp.start > r.lo && r.punct(sp.start - 1, ',')
                    || sp.start > r.lo + 1
                        && r.word(sp.start - 1).is_some_and(|w| !w.cap && w.flags == 0)
                        && (r.lo..sp.start).any(|k| r.punct(k, ','))
                {
                    for c in &mut a.content {
                        if let Some(comma) = (c.start..c.end).find(|&k| r.punct(k, ',')) {
                            c.end = comma;
                        }
                    }
                }
            }
        }
    }
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
        // A cue inside another attribution's source describes that source
        // (`according to a draft seen by Reuters`, `said one diplomat, who
        // asked not to be named`); it attributes nothing of its own.
        if accepted.iter().any(|a| {
            a.speaker
                .as_ref()
                .is_some_and(|s| s.contains(&f.at) || s.contains(&f.group_start))
        }) {
            continue;
        }
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
                    .filter(|(_, a)| {
                        // Only cues inside this tag's content (not `the
                        // rebels claimed …, a claim the army denied`).
                        a.at < region_end
                            && (f.content.is_empty() || f.content.iter().any(|c| c.contains(&a.at)))
                    })
                    .map(|(k, _)| k)
                    .collect();
                // A medium heads the source (`…, according to Reuters`), not
                // a phrase after its head (`a draft seen by Reuters`).
                let report = matches!(f.cue_kind, CueKind::Report)
                    || f.speaker.as_ref().is_some_and(|s| {
                        let head_end = (s.start + 1..s.end)
                            .find(|&k| r.word(k).is_some_and(|w| w.has(PREP)) || r.verbish(k))
                            .unwrap_or(s.end);
                        super::speaker::contains_kind(
                            r.text,
                            r.items,
                            s.start..head_end,
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
                // `The union claimed …, a figure the company disputed`: the
                // earlier content ends where this one's begins.
                if let Some(fs) = f.content.first().map(|c| c.start) {
                    for a in accepted.iter_mut().filter(|a| a.at < fs) {
                        for c in &mut a.content {
                            if c.start < fs && c.end > fs {
                                c.end = fs;
                                while c.end > c.start && r.punct(c.end - 1, ',') {
                                    c.end -= 1;
                                }
                            }
                        }
                    }
                }
                accepted.push(f);
            }
        }
    }
    accepted
}

/// Whether `word` looks like an `-ing` participle or gerund (`speaking`,
/// `adding`), not a pronoun like `nothing` or `something` nor a short noun
/// (`king`, `ring`).
pub(super) fn ing_form(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ing") && !word.ends_with("thing")
}
