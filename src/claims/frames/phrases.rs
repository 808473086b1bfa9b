//! Noun phrases and clause boundaries around a cue: the source before
//! or after it (with appositions and adjuncts), the subject of an
//! utterance, where reported content ends.

use super::*;

/// The longest stretch of items [`Reader::clause_end`] and
/// `Reader::object_end` read looking for a clause boundary (a long news sentence has about 100).
pub(super) const MAX_CLAUSE: usize = 400;
impl<'a, 'l> Reader<'a, 'l> {
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
                    // `Biden visits Ohio, says …`: in a headline, a lowercase
                    // `-s` word after a name is its verb.
                    if self.headline
                        && !head
                        && !it.cap
                        && it.flags == 0
                        && i > self.lo
                        && self.items[i - 1].cap
                        && it.text(self.text).ends_with('s')
                        && !it.text(self.text).ends_with("ss")
                    {
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
                            w.speaker.has(W::Title)
                                || w.text(self.text).len() <= 2 && w.cap
                                || party_tag(w.text(self.text))
                        });
                    // `Raymond Ochoa, D-N.M.,`: a party tag may end the phrase
                    // with its period.
                    let party = || {
                        let mut k = i;
                        while k > self.lo && self.items[k - 1].span.end == self.items[k].span.start
                        {
                            k -= 1;
                        }
                        party_tag(
                            &self.text[self.items[k].span.start as usize..it.span.end as usize],
                        )
                    };
                    if glued && (s != end || party()) {
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
        // A phrase of determiners only is no noun phrase, but a lone
        // quantifier is a pronoun (`One said`, `Some told reporters`).
        (s < end
            && (self.items[s..end]
                .iter()
                .any(|it| it.is_word() && !it.has(DET))
                || s + 1 == end && self.items[s].has(QUANT)))
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
                    // `Biden visits Ohio, says …`: in a headline, a lowercase
                    // `-s` word after a name is its verb.
                    if self.headline
                        && e > start
                        && !it.cap
                        && it.flags == 0
                        && self.items[e - 1].cap
                        && it.text(self.text).ends_with('s')
                        && !it.text(self.text).ends_with("ss")
                    {
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
    pub(super) fn apposition_right(&self, np: Range<usize>, to_end: bool) -> Range<usize> {
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
    pub(super) fn segment_start(&self, end: usize) -> usize {
        let mut s = end;
        while s > self.lo && !self.is_boundary(s - 1) && end - s < 30 {
            s -= 1;
        }
        s
    }

    /// Whether the segment `range` is an adjunct rather than a noun phrase
    /// (`in remarks to al-Ikhbariya television`, `speaking to reporters`).
    pub(super) fn adjunct_segment(&self, range: Range<usize>) -> bool {
        self.word(range.start).is_some_and(|w| {
            let t = w.text(self.text);
            (w.has(PREP | SUBORD | TIME | CONNECTIVE) && !w.has(DET))
                || (w.has(ADV) && !w.has(DET))
                || (!w.cap && super::ing_form(t))
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
                // `Lopez, 54, said`: an age between commas.
                if seg_end == seg_start + 1
                    && self.items[seg_start].kind == ItemKind::Number
                    && seg_start > self.lo + 1
                    && self.punct(seg_start - 1, ',')
                    && self.word(seg_start - 2).is_some_and(|w| {
                        w.cap
                            || w.speaker.has(W::Role)
                            || w.speaker.has(W::Title)
                            || w.speaker.has(W::Unnamed)
                    })
                {
                    speaker_end.get_or_insert(end);
                    end = seg_start;
                    continue;
                }
                // `A person familiar with the talks, who spoke on condition
                // of anonymity, said`: a relative clause describes the source.
                // `The poll, conducted by Gallup, found`: so does a participle
                // with its agent.
                let participle = self
                    .word(seg_start)
                    .is_some_and(|w| !w.cap && w.flags == 0 && w.text(self.text).ends_with("ed"))
                    && self.is(seg_start + 1, "by");
                if (self
                    .word(seg_start)
                    .is_some_and(|w| w.has(REL) && !w.has(DET))
                    || participle)
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
                    .find(|&k| {
                        self.word(k).is_some_and(|w| {
                            w.has(REL) && !w.has(DET)
                                // `a watchdog group that first flagged …`
                                || w.has(REL)
                                    && self.word(k - 1).is_some_and(|p| {
                                        p.flags == 0 && !p.cap && p.senses.is_empty()
                                    })
                                    && self.word(k + 1).is_some_and(|n| {
                                        !n.has(DET | POSS | PRON) && !n.cap
                                    })
                        })
                    })
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
                                            || party_tag(w.text(self.text))
                                            || (!w.cap
                                                && (w.speaker.has(W::Role)
                                                    || w.speaker.has(W::Title)))
                                    })
                                };
                                // `…,” Khaled Al-Maeena, editor at large,
                                // said` or `…, a spokesman, Jane Doe, said`.
                                let bounded_left =
                                    prev_start == self.lo || self.is_boundary(prev_start - 1);
                                // `…,” the senator, a Democrat from Ohio, told`:
                                // a role described again.
                                let role_head = |r: Range<usize>| {
                                    self.word(r.end - 1).is_some_and(|w| {
                                        w.speaker.has(W::Role) || w.speaker.has(W::Title)
                                    }) && self.word(r.start).is_some_and(|w| w.has(DET))
                                };
                                if prev.start == prev_start
                                    && bounded_left
                                    && (is_name(prev.clone()) && description(np.start)
                                        || is_name(np.clone()) && description(prev.start)
                                        || role_head(prev.clone())
                                            && self.word(np.start).is_some_and(|w| w.has(DET)))
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
    pub(super) fn starts_clause(&self, i: usize) -> bool {
        i == self.lo
            || self
                .word(i - 1)
                .is_some_and(|w| w.has(CONJ | SUBORD | CONNECTIVE) && !w.has(PREP) || w.has(SUBORD))
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
    ///
    /// The scan reads at most [`MAX_CLAUSE`] items: every cue of a sentence
    /// reads its complement, so on a sentence without end (a hard-wrapped
    /// text with no punctuation) an unbounded scan is quadratic. A clause
    /// with no boundary that long is not prose; its content runs to `end`.
    pub(super) fn clause_end(&self, start: usize, end: usize) -> usize {
        let end_of_scan = end.min(start.saturating_add(MAX_CLAUSE));
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
        while k < end_of_scan {
            let it = &self.items[k];
            match it.kind {
                ItemKind::Punct(';') | ItemKind::Dash => return k,
                ItemKind::Punct(',')
                    if self
                        .word(k + 1)
                        .is_some_and(|w| w.senses.iter().any(|s| s.class == CueClass::Citing)) =>
                {
                    // `…, citing national security concerns`: the reason
                    // given is not what was said.
                    return k;
                }
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
    pub(super) fn words_until_boundary(&self, j: usize) -> usize {
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
    pub(super) fn clause_start(&self, end: usize) -> usize {
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
    pub(super) fn skip_lead(&self, mut s: usize, end: usize) -> usize {
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
}

/// A US party-and-state tag after a legislator's name (`D-Calif.`,
/// `R-Texas`, `I-Vt.`): the party letter, a hyphen, a capital.
pub(super) fn party_tag(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 3 && matches!(b[0], b'D' | b'R' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}
