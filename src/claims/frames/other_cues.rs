//! Cues that are not verbs: `according to`, `citing`, hearsay adverbs,
//! nominal and adjectival cues, speaker labels and dash signatures.

use super::*;

impl<'a, 'l> Reader<'a, 'l> {
    /// `according to X, …` / `…, according to X.` / `A, according to X, B`.
    pub(super) fn according_frame(&self, i: usize, end: usize) -> Option<Found> {
        // `per a party aide` is a cue only as a sentence adjunct before a
        // determined or named source (not `$5 per gallon`, `per capita`).
        if end == i + 1 && self.is(i, "per") {
            let adjunct = i == self.lo || self.punct(i - 1, ',') || self.quote(i - 1);
            let source = self.word(i + 1).is_some_and(|w| {
                (w.has(DET | POSS | QUANT) || w.cap) && !w.has(PRON) && !w.has(REL)
            });
            if !(adjunct && source) {
                return None;
            }
        }
        let mut np = self.np_right(end)?;
        // `according to two officials briefed on the plan`: a participle
        // after the noun belongs to the source.
        while self.word(np.end).is_some_and(|w| {
            let t = w.text(self.text);
            !w.cap && w.flags == 0 && (t.ends_with("ed") || super::ing_form(t))
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
            // `According to Senate leader Ana Ruiz the vote …`: so does a
            // determiner or pronoun after the name, opening the content.
            match (np.start + 1..np.end).find(|&k| {
                self.items[k - 1].cap
                    && self.word(k).is_some_and(|w| {
                        w.has(PREP)
                            && !matches!(
                                w.text(self.text).to_ascii_lowercase().as_str(),
                                "of" | "for"
                            )
                            || !w.cap && w.has(DET | PRON) && !w.has(REL)
                    })
            }) {
                Some(cut) => np.start..cut,
                None => np,
            }
        };
        // `According to the Citation Index Professor Chomsky is …`: with a
        // verb right after the phrase, a title and a name after a
        // determined name (or after a one-word name: `Reuters`) open the
        // content's subject.
        let verb_next =
            self.verbish(np.end) || self.word(np.end).is_some_and(|w| w.has(AUX | BE | MODAL));
        let determined = self.word(np.start).is_some_and(|w| w.has(DET));
        let np = if !self.punct(np.end, ',') && verb_next {
            match (np.start + 1..np.end).rev().find(|&k| {
                (determined || k == np.start + 1)
                    && k > np.start + usize::from(determined)
                    && self.word(k + 1).is_some_and(|n| n.cap)
                    && self.items[k].speaker.has(W::Title)
                    && self.items[k - 1].cap
                    && !self.items[k - 1].speaker.has(W::Title)
                    && !self.items[k - 1].speaker.has(W::Role)
            }) {
                Some(cut) => np.start..cut,
                None => np,
            }
        } else {
            np
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
    pub(super) fn citing_frame(&self, i: usize, end: usize) -> Option<Found> {
        let np = self.np_right(end)?;
        let mut f = self.new_found(i..end, i, CueKind::According);
        f.cited.push(np);
        f.placement = Placement::After;
        f.speaker = None;
        f.content = Vec::new();
        Some(f)
    }

    /// `reportedly`, `allegedly`: no source; the clause around is the content.
    pub(super) fn adverb_frame(&self, i: usize) -> Option<Found> {
        let mut f = self.new_found(i..i + 1, i, CueKind::Report);
        let b_start = self.skip_lead(self.lo, i);
        let mut b_end = i;
        while b_end > b_start && self.punct(b_end - 1, ',') {
            b_end -= 1;
        }
        if !self.push_around(&mut f, b_start..b_end, i + 1) {
            return None;
        }
        f.placement = Placement::Around;
        Some(f)
    }

    /// `in his opinion`, `in the view of X`, `her hope is that …`.
    pub(super) fn nominal_frame(&self, i: usize, end: usize) -> Option<Found> {
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

    /// Pushes the content around a parenthetical cue: `before`, and from
    /// `after` (past commas) to the content's end. Whether `f` has content.
    fn push_around(&self, f: &mut Found, before: Range<usize>, mut after: usize) -> bool {
        while self.punct(after, ',') {
            after += 1;
        }
        let end = self.content_end();
        if before.start < before.end {
            f.content.push(before);
        }
        if after < end {
            f.content.push(after..end);
        }
        !f.content.is_empty()
    }

    /// A parenthetical attribution phrase over items `start..end` (`in its
    /// opinion`): the content is the clause around it.
    pub(super) fn parenthetical(&self, mut f: Found, start: usize, end: usize) -> Option<Found> {
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
        if !self.push_around(&mut f, b_start..b_end, end) {
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
    pub(super) fn adjective_frame(&self, i: usize, end: usize, sense: &Sense) -> Option<Found> {
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
        // `pleased with the choice`, `opposed to the plan`: an adjective
        // whose form ends in a preposition takes a noun-phrase object.
        let (mut c, object) = match self.complement(end, sense.frames) {
            Complement::After(c) => (c, false),
            Complement::Object(c) if !sense.rest.is_empty() => (c, true),
            _ => return None,
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
        let content_end = if object {
            self.object_end(c, self.clause_end(c, self.content_end()))
        } else {
            self.content_end()
        };
        f.content = vec![c..content_end];
        Some(f)
    }

    /// `Ochoa had a simple message: “…”`, `The senator put it bluntly:
    /// “…”` — a clause about a person ending in a colon that introduces a
    /// quotation ending the sentence: the subject is the source, the colon
    /// the cue.
    pub(super) fn colon_clause(&self) -> Option<Found> {
        let colon = (self.lo..self.hi).find(|&k| self.punct(k, ':'))?;
        if !self.quote(colon + 1) || !(colon + 2 >= self.hi || self.at_end(colon + 2)) {
            return None;
        }
        let sp = self.subject()?;
        let first = self.word(sp.start)?;
        let head = self.word(sp.end - 1)?;
        let person = first.cap && first.flags == 0
            || first.has(PRON) && first.has(PERSONAL)
            || head.speaker.has(W::Role)
            || head.speaker.has(W::Title)
            || head.speaker.has(W::Unnamed);
        // A clause: the subject, then its verb, then more before the colon.
        if !person
            || head.speaker.has(W::Document)
            || head.speaker.has(W::Post)
            || sp.end + 1 >= colon
            || !self.verbish(sp.end)
            || (sp.end..colon).any(|k| self.quote(k) || self.has_cue_sense(k))
        {
            return None;
        }
        let mut f = self.new_found(colon..colon + 1, colon, CueKind::Punctuation);
        f.content = vec![colon + 1..colon + 2];
        // The clause between source and colon frames the quotation; it is
        // not the writer's own statement.
        f.group_start = sp.end;
        f.core_end = Some(colon + 1);
        f.speaker = Some(sp);
        Some(f)
    }

    /// `Zelensky: “…”`, `Jane Doe, minister: …` — a speaker label before a colon.
    pub(super) fn colon_label(&self) -> Option<Found> {
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
        // Not a cue verb before the colon: that is the verb frame's; nor a
        // clause (`The senator put it bluntly:`): that is `colon_clause`'s.
        if words.iter().any(|w| !w.senses.is_empty()) || (self.lo..colon).any(|k| self.verbish(k)) {
            return None;
        }
        let mut f = self.new_found(colon..colon + 1, colon, CueKind::Punctuation);
        f.speaker = Some(label);
        f.content = vec![colon + 1..self.content_end()];
        Some(f)
    }

    /// `“…” — Jane Doe`: a dash and a name after a quotation.
    pub(super) fn dash_signature(&self) -> Option<Found> {
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

    /// `“… It will pass.” — Senator Ana Ruiz, on the vote.`: a signature
    /// opening its own utterance after a quotation that ends a sentence. A
    /// bare tag (no content): it attributes the quotation before it.
    pub(super) fn dash_tag(&self) -> Option<Found> {
        let dash = self.lo;
        if self.items.get(dash).map(|it| it.kind) != Some(ItemKind::Dash) {
            return None;
        }
        let np = self.np_right(dash + 1)?;
        let signed = self.at_end(np.end) || self.punct(np.end, ',');
        if !signed || !self.items[np.start].cap || self.word(np.start)?.has(PRON | DET) {
            return None;
        }
        let mut f = self.new_found(dash..dash + 1, dash, CueKind::Punctuation);
        f.speaker = Some(np);
        f.placement = Placement::Before;
        Some(f)
    }
}
