//! Verb cues: the verb group, adjuncts and recipient after it, the
//! complement that makes it an attribution, and the tag, inverted and
//! passive frames.

use super::*;

impl<'a, 'l> Reader<'a, 'l> {
    /// Whether a finite clause starts at `j` (`the plan failed`, `Russia
    /// wants peace`, `it is over`).
    pub(super) fn clause_at(&self, j: usize) -> bool {
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
        // A plural noun (`voters`, `Democrats`) whose verb has no ending
        // gives itself away by the word after it (`voters deserve better`).
        let plural = |it: &Item<'_>| {
            let t = it.text(self.text);
            it.is_word()
                && it.flags == 0
                && !it.possessive
                && t.len() > 3
                && t.ends_with('s')
                && !t.ends_with("ss")
        };
        let mut prev_plural = plural(first);
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
                    if prev_plural
                        && k == j + 1
                        && !it.cap
                        && it.flags == 0
                        && it.senses.is_empty()
                        && !it.possessive
                        && t.len() > 2
                        && !t.ends_with('s')
                        && !t.ends_with("ly")
                        && !t.ends_with("ing")
                        && self.word(k + 1).is_some()
                    {
                        return true;
                    }
                    prev_plural = false;
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
                // `said the standoff “made all of us look …”`: a quotation
                // starting in lowercase right after a noun phrase holds the
                // clause's verb.
                ItemKind::Quote { .. }
                    if self.word(k - 1).is_some_and(|p| !p.has(DET | POSS | PREP))
                        && it
                            .text(self.text)
                            .chars()
                            .find(|c| c.is_alphabetic())
                            .is_some_and(char::is_lowercase) =>
                {
                    return true;
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
    pub(super) fn adjuncts(&self, mut j: usize) -> (usize, Option<Range<usize>>) {
        let mut channel = None;
        while let Some(w) = self.word(j) {
            if w.has(TIME) || (w.has(ADV) && !w.has(CONJ)) {
                j += 1;
                continue;
            }
            if w.has(PREP)
                && matches!(
                    w.text(self.text).to_ascii_lowercase().as_str(),
                    "on" | "in" | "at" | "during" | "via" | "through" | "over" | "aboard"
                )
            {
                // A short phrase naming a time, channel, document or medium.
                let mut e = j + 1;
                let mut named = false;
                let mut is_channel = false;
                // `told reporters in Geneva the rebels had …`: a clause after
                // the phrase ends it.
                let mut clause_after = false;
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
                    if e > j + 1
                        && x.has(DET | POSS | PRON)
                        && !x.has(REL | OBJ)
                        && !x.cap
                        && self.items[e - 1].cap
                        && self.clause_at(e)
                    {
                        clause_after = true;
                        break;
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
                    && (clause_after
                        // `told a crowd in Erie on Saturday that …`
                        || (self.is(e, "on") || self.is(e, "at"))
                            && (e + 2..(e + 6).min(self.hi)).any(|k| self.is(k, "that"))
                        || self.is(e, "that")
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

    /// The longest run of trailing adjuncts [`Self::before_trailing_adjuncts`]
    /// leaves out of an object, in items (`in a statement on Monday night`).
    const MAX_ADJUNCTS: usize = 14;

    /// Where an object running from `c` to `end` ends once the time and
    /// channel adjuncts closing it are left out (`criticized [the
    /// proposal] on Tuesday`, `condemned [the attack] in a statement on
    /// Monday`): they belong to the verb, not to what was said.
    pub(super) fn before_trailing_adjuncts(&self, c: usize, end: usize) -> usize {
        // Bounded: the adjuncts are read within the object's last few
        // items only, so this stays linear in the sentence.
        let within = Reader { hi: end, ..*self };
        (end.saturating_sub(Self::MAX_ADJUNCTS).max(c + 1)..end)
            .find(|&k| {
                self.word(k).is_some_and(|w| {
                    !w.cap
                        && (w.has(TIME)
                            || w.has(PREP)
                                && matches!(
                                    w.text(self.text).to_ascii_lowercase().as_str(),
                                    "on" | "in" | "at" | "during" | "via"
                                ))
                }) && within.adjuncts(k).0 == end
                    // A time, channel or document, not a place (`proposed
                    // a zone in the region`).
                    && (k..end).any(|m| {
                        self.word(m).is_some_and(|w| {
                            w.has(TIME)
                                || w.speaker.has(W::Channel)
                                || w.speaker.has(W::Document)
                                || w.speaker.has(W::Media)
                        })
                    })
            })
            .unwrap_or(end)
    }

    /// A recipient after a verb (`told reporters`, `told him`, `warned
    /// Congress`): its range.
    pub(super) fn recipient(&self, j: usize) -> Option<Range<usize>> {
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
            // `Ms. Castellanos`: np_right took the title's period in.
            if self.is(e, "of") || it.is_punct('.') {
                e += 1;
                continue;
            }
            let new_np = it.is_word()
                && it.has(DET | POSS | PRON | PREP)
                && !it.has(OBJ)
                && !(self.is(e - 1, "of") && it.has(QUANT));
            let name_ends = self.items[e - 1].cap && !it.cap && !self.is(e, "of");
            if new_np || name_ends {
                break;
            }
            e += 1;
        }
        Some(j..e)
    }

    /// The complement of a verb at `j`, given the verb's frames.
    pub(super) fn complement(&self, j: usize, frames: crate::lexicon::Frames) -> Complement {
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
            if frames.has(F::Predicate) && self.object_predicate(j) {
                return Complement::Object(j);
            }
            if frames.has(F::Object)
                && (w.has(DET | POSS | QUANT) || w.cap || w.flags == 0 && !w.has(ADV))
                && !w.has(PREP | CONJ | SUBORD | PRON | REL)
            {
                return Complement::Object(j);
            }
            // `they want it`, `Republicans oppose them`: a pronoun object
            // closing the clause stands for what is wanted or opposed.
            let closes = |k: usize| {
                self.at_end(k)
                    || self.punct(k, ',')
                    || self.punct(k, ';')
                    || self.word(k).is_some_and(|n| n.has(CONJ) && !n.has(PREP))
            };
            if frames.has(F::Object)
                && (t.eq_ignore_ascii_case("it") || t.eq_ignore_ascii_case("them"))
                && closes(j + 1)
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

    /// Whether an object at `j` is followed by a predicate saying what it
    /// is called: `the plan a disaster`, `them “thugs”`, `it a mistake`
    /// (not `the police`, `a meeting`).
    fn object_predicate(&self, j: usize) -> bool {
        let starts = self.word(j).is_some_and(|w| {
            // Headlines drop the article: `calls transit plan a disaster`.
            (w.has(DET | POSS | OBJ) || w.cap || self.headline && w.flags == 0)
                && !w.has(PREP | CONJ | SUBORD | REL | WH)
        });
        if !starts {
            return false;
        }
        for k in j + 1..self.hi.min(j + 8) {
            if self.quote(k) {
                return true;
            }
            let Some(w) = self.word(k) else {
                return false;
            };
            let t = w.text(self.text);
            if t.eq_ignore_ascii_case("a") || t.eq_ignore_ascii_case("an") {
                return true;
            }
            // (A cue word may sit inside the object: `the transit plan`.)
            if w.has(VERB | AUX | MODAL | PREP | CONJ | SUBORD | REL) {
                return false;
            }
        }
        false
    }

    /// A verb cue: `X said …`, `“…,” X said`, `said X`, passives.
    pub(super) fn verb_frame(&self, i: usize, end: usize, sense: &Sense) -> Option<Found> {
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
        // `I was hauled in and told that …`: a participle of a verb taking
        // a recipient, coordinated with an earlier passive, shares its
        // auxiliary (not `was asked and said that …`).
        let coordinated_passive = || {
            sense.recipient != Recipient::None
                && be > self.lo + 2
                && self.is(be - 1, "and")
                && (self.is(i + 1, "that") || self.is(i + 1, "to"))
                && (self.lo..be - 1).rev().take(6).any(|k| {
                    self.word(k).is_some_and(|w| w.has(BE))
                        && self
                            .word(k + 1)
                            .is_some_and(|n| n.text(self.text).ends_with("ed") || n.has(ADV))
                })
        };
        let passive = be > self.lo
            && (self.word(be - 1).is_some_and(|w| w.has(BE | LINKING)) || coordinated_passive())
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
        if let Some(f) = self.question_put(i, end, sense, gs, kind) {
            return Some(f);
        }
        let normal = self.verb_complement(i, end, sense, gs, kind, future, passive);
        if normal.is_none() && after_boundary {
            return self.inverted(self.new_found(gs..end, i, kind), gs, end);
        }
        normal
    }

    /// `Asked whether the talks had failed, the minister said …`, `When
    /// asked if …`, `Pressed on whether …`: a participle opening the sentence
    /// reports a question put to its subject by someone unnamed. The
    /// question (`whether …`, `on whether …`) up to the comma is the content;
    /// there is no source.
    fn question_put(
        &self,
        i: usize,
        end: usize,
        sense: &Sense,
        gs: usize,
        kind: CueKind,
    ) -> Option<Found> {
        let opens = gs == self.lo
            || gs == self.lo + 1
                && self.word(self.lo).is_some_and(|w| {
                    matches!(
                        w.text(self.text).to_ascii_lowercase().as_str(),
                        "when" | "if" | "once" | "after"
                    )
                });
        let participle = self.items[i].text(self.text).ends_with("ed");
        if !opens || !participle || sense.recipient == Recipient::None || !sense.frames.has(F::Wh) {
            return None;
        }
        let (j, _) = self.adjuncts(end);
        // A question with its proposition (`whether …`, `on whether …`),
        // not a topic (`Asked about the criticism, he shrugged`).
        let question = self.word(j).is_some_and(|w| w.has(WH))
            || (self.is(j, "about") || self.is(j, "on"))
                && self.word(j + 1).is_some_and(|w| w.has(WH));
        if !question {
            return None;
        }
        let comma = (j + 1..self.content_end().min(j + super::phrases::MAX_CLAUSE))
            .find(|&k| self.punct(k, ','))?;
        let mut f = self.new_found(gs..end, i, kind);
        f.placement = Placement::After;
        f.content = vec![j..comma];
        Some(f)
    }

    /// A verb cue read forward: adjuncts, recipient and complement, then
    /// the source before it (or after it, for tags).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn verb_complement(
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
            if let Some(mut r) = self.recipient(j) {
                // `accused Democrats of playing politics`: `of` starts the
                // complement, not a longer recipient.
                if sense.frames.has(F::Of) {
                    if let Some(of) = (r.start + 1..r.end).find(|&k| self.is(k, "of")) {
                        r.end = of;
                    }
                }
                recipient = Some(r.clone());
                j = r.end;
                f.core_end = Some(r.end);
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
            if crate::claims::speaker::contains_kind(
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
                // `support for further sanctions`: a degree adverb right
                // before the object modifies it (not `-ly` manner adverbs).
                let c = match complement {
                    Complement::Object(c)
                        if c > f.group_start + 1
                            && self.items[c - 1].span.end >= f.cue.end
                            && self.word(c - 1).is_some_and(|w| {
                                w.has(ADV)
                                    && !w.cap
                                    && matches!(
                                        w.text(self.text).to_ascii_lowercase().as_str(),
                                        "further" | "more" | "less" | "fewer"
                                    )
                            }) =>
                    {
                        c - 1
                    }
                    _ => c,
                };
                // A pronoun object (`want it`) is the whole content.
                let pronoun = matches!(complement, Complement::Object(_))
                    && !sense.frames.has(F::Predicate)
                    && self.word(c).is_some_and(|w| w.has(OBJ) && !w.has(POSS));
                let end = if pronoun {
                    c + 1
                } else if matches!(complement, Complement::Object(_)) {
                    let end = self.object_end(c, self.clause_end(c, self.content_end()));
                    self.before_trailing_adjuncts(c, end)
                } else {
                    self.clause_end(c, self.content_end())
                };
                // `the ministry denied the allegations:` closing the
                // utterance: the object is the verb's content, and the colon
                // introduces the next sentence as a second claim (its cue,
                // as in `Ochoa had a simple message: “…”`).
                if matches!(complement, Complement::Object(_))
                    && end == self.content_end()
                    && self.punct(end, ':')
                    && end + 1 == self.hi
                    && !f.participle
                {
                    let (sp, rel) = self.speaker_left(gs, false)?;
                    f.speaker = Some(sp);
                    f.relative = rel;
                    f.forward = true;
                    f.forward_cue = Some(self.items[end].span);
                    f.content.push(c..end);
                    return Some(f);
                }
                // `accused [the majority of “raw partisanship”]`: the person
                // accused is part of what is attributed.
                let c = match &recipient {
                    Some(r) if self.is(c, "of") && r.end == c => r.start,
                    _ => c,
                };
                f.content.push(c..end.max(c + 1));
                if f.participle {
                    return Some(f);
                }
                let Some((sp, rel)) = self.speaker_left(gs, false) else {
                    // `The ministry rejected the claims and said that …`:
                    // a verb coordinated with an earlier one shares its
                    // subject, found by `resolve`.
                    // Headlines coordinate with a bare comma (`Hale rallies
                    // in Pennsylvania, says economy 'rigged'`).
                    let shared = gs > self.lo
                        && (self.word(gs - 1).is_some_and(|w| {
                            matches!(
                                w.text(self.text).to_ascii_lowercase().as_str(),
                                "and" | "but"
                            )
                        }) || self.headline
                            && (self.punct(gs - 1, ',') || self.punct(gs - 1, ';')));
                    if shared {
                        f.participle = true;
                        return Some(f);
                    }
                    return None;
                };
                // `Imagine having detailed …`: a lone gerund is no source.
                let gerund = |w: &Item<'_>| {
                    let t = w.text(self.text);
                    !w.cap && w.flags == 0 && super::ing_form(t)
                };
                if sp.len() == 1 && self.word(sp.start).is_some_and(gerund) {
                    return None;
                }
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
                let Some((sp, rel)) = self.speaker_left(gs, false) else {
                    // `… but added: ‘…’`: shares the earlier verb's subject.
                    if gs > self.lo && (self.is(gs - 1, "and") || self.is(gs - 1, "but")) {
                        f.participle = true;
                        return Some(f);
                    }
                    return None;
                };
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
                    if let Some(g) = self.inverted(f.clone(), gs, end) {
                        return Some(g);
                    }
                }
                // `“…,” X, D-N.M., said on the floor.`, `“…,” she said of the plan.`, `“…,” Jones said when
                // asked …`: an adjunct ends the tag.
                if let Some(g) = self.relative_object(f.clone(), gs, j, sense) {
                    return Some(g);
                }
                if sense.frames.has(F::Tag) && self.adjunct_tail(j) {
                    f.core_end = Some(self.hi);
                    return self.tag_frame(f, gs, self.hi, false);
                }
                None
            }
        }
    }

    /// `the plan, which the governor describes as a reform, …`: an object
    /// verb whose object is the relative pronoun before its subject. The
    /// pronoun and the `as` phrase up to the next comma or `but` are the
    /// content, the
    /// subject the source.
    fn relative_object(&self, mut f: Found, gs: usize, j: usize, sense: &Sense) -> Option<Found> {
        if !sense.frames.has(F::Object) || sense.gerund || !self.is(j, "as") {
            return None;
        }
        let (sp, rel) = self.speaker_left(gs, false)?;
        let r = sp.start.checked_sub(1).filter(|&r| r >= self.lo)?;
        // Non-restrictive only (`, which`): its end is the next comma.
        let relative = !rel && self.is(r, "which") && r > self.lo && self.punct(r - 1, ',');
        let end = self.clause_end(j, self.content_end());
        let end = (j + 1..end)
            .find(|&k| self.punct(k, ',') || self.is(k, "but"))
            .unwrap_or(end);
        if !relative || j + 1 >= end || self.word(sp.start).is_some_and(|w| w.has(REL)) {
            return None;
        }
        f.content = vec![r..r + 1, j..end];
        f.placement = Placement::Around;
        f.speaker = Some(sp);
        Some(f)
    }

    /// Whether the word at `i` is capitalised inside a sentence, so a name
    /// rather than a verb (`the US State Department`); headlines may
    /// capitalise every word.
    pub(super) fn capitalised_inside(&self, i: usize) -> bool {
        !self.headline
            && self.items[i].cap
            && i > self.lo
            && !matches!(
                self.items[i - 1].kind,
                ItemKind::Quote { .. } | ItemKind::Punct(':' | '(') | ItemKind::Dash
            )
    }

    /// Whether the rest of the utterance from `j` is an adjunct of the verb
    /// before it: a prepositional, time or `when …` phrase or a participle,
    /// with no quotation after it.
    pub(super) fn adjunct_tail(&self, j: usize) -> bool {
        let starts = self.word(j).is_some_and(|w| {
            let t = w.text(self.text);
            w.has(PREP | SUBORD | TIME | ADV) && !w.has(DET | REL)
                || (!w.cap && w.flags == 0 && super::ing_form(t))
        }) || (self.punct(j, ',')
            && self
                .word(j + 1)
                .is_some_and(|w| !w.cap && super::ing_form(w.text(self.text))));
        starts && !(j..self.hi).any(|k| self.quote(k))
    }

    /// `Do you think …?`: an auxiliary before the source at the start of a question.
    pub(super) fn interrogative(&self, speaker_start: usize) -> bool {
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
    pub(super) fn coordination(&self, sp: usize) -> Option<usize> {
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
    pub(super) fn quote_ends_with_comma(&self, i: usize) -> bool {
        self.quote(i) && {
            let t = self.items[i].text(self.text);
            t.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ',')
                .ends_with(',')
        }
    }

    /// A tag: the content is before the cue (`…, X said.`), or around it.
    pub(super) fn tag_frame(
        &self,
        mut f: Found,
        gs: usize,
        j: usize,
        after_boundary: bool,
    ) -> Option<Found> {
        if after_boundary && gs > self.lo {
            if let Some(inv) = self.inverted(f.clone(), gs, j) {
                return Some(inv);
            }
        }
        let (sp, rel) = self
            .speaker_left(gs, true)
            .or_else(|| self.first_person_tag(&f, gs, j))?;
        if rel {
            return None;
        }
        // `…, a claim the army denied`: an object relative; the noun before
        // the second determiner is the content, the rest the source.
        let second = (sp.start + 2..sp.end).find(|&k| {
            self.word(k)
                .is_some_and(|w| w.has(DET) && !w.has(REL | QUANT))
                && self.word(k - 1).is_some_and(|p| p.flags == 0 && !p.cap)
                && self.word(sp.start).is_some_and(|w| w.has(DET))
        });
        if let Some(k) = second {
            if j >= self.content_end() {
                f.speaker = Some(k..sp.end);
                f.content = vec![sp.start..k];
                f.placement = Placement::Before;
                return Some(f);
            }
        }
        f.speaker = Some(sp.clone());
        let before_end = sp.start;
        self.place_around(f, before_end, j)
    }

    /// Where a noun-phrase object ends: before a comma that opens an
    /// adjunct or a new clause rather than a list item or an apposition
    /// (`planned hearings as part of the review, with the first set for
    /// May`, `the systems in Eastern Europe, it was a provocation`).
    pub(super) fn object_end(&self, c: usize, end: usize) -> usize {
        // Bounded like `clause_end`: every verb of an endless sentence reads
        // its object, so an unbounded scan is quadratic.
        (c + 1..end.min(c.saturating_add(super::phrases::MAX_CLAUSE)))
            .find(|&k| {
                self.punct(k, ',')
                    && self.word(k + 1).is_some_and(|w| {
                        let t = w.text(self.text);
                        // `products, including auto parts` goes on listing.
                        let listing = ["including", "excluding", "like", "such", "notably"]
                            .iter()
                            .any(|l| t.eq_ignore_ascii_case(l));
                        !w.cap
                            && !listing
                            && (w.has(PREP | PRON | SUBORD) || w.flags == 0 && super::ing_form(t))
                    })
            })
            .unwrap_or(end)
    }

    /// `This was in my third year I think.`: in conversational prose a
    /// first-person belief closes its sentence without a comma. Only `I` or
    /// `we` with a belief verb at the very end, after at least two words.
    fn first_person_tag(&self, f: &Found, gs: usize, j: usize) -> Option<(Range<usize>, bool)> {
        let p = gs.checked_sub(1)?;
        let first_person = self.word(p).is_some_and(|w| {
            let t = w.text(self.text);
            t == "I" || t.eq_ignore_ascii_case("we")
        });
        let ok = f.cue_kind == CueKind::Belief
            && first_person
            && self.at_end(j)
            && p >= self.lo + 2
            && self
                .word(p - 1)
                .is_some_and(|w| !w.has(CONJ | SUBORD | REL | WH | PREP));
        ok.then_some((p..gs, false))
    }

    /// Sets the content of a tag whose source starts at `before_end` and
    /// whose cue phrase (with source, when inverted) ends at `after`.
    pub(super) fn place_around(
        &self,
        mut f: Found,
        before_end: usize,
        after: usize,
    ) -> Option<Found> {
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
                // A participle after the tag is its own frame (`adding that
                // …`) or the writer's (`speaking on condition of anonymity`).
                let participle = self.word(a_start).is_some_and(|w| {
                    w.senses
                        .iter()
                        .any(|s| s.gerund || s.class == CueClass::Citing)
                        || !w.cap && w.flags == 0 && super::ing_form(w.text(self.text))
                });
                if !participle && a_start < a_end {
                    after_range = Some(a_start..a_end);
                } else if participle && self.word(a_start).is_some_and(|w| w.senses.is_empty()) {
                    // `…, speaking on condition of anonymity`: about the
                    // source, not the writer's own statement.
                    f.core_end = Some(self.hi);
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

    /// `…, said Smith.` / `“…,” said the minister, a veteran diplomat.`
    pub(super) fn inverted(&self, mut f: Found, gs: usize, after_cue: usize) -> Option<Found> {
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
        // `said Sen. Maria Lopez, D-Calif., who leads the panel.`: a
        // relative clause ending the sentence describes the source.
        let mut np = np;
        if self.punct(after, ',')
            && self.word(after + 1).is_some_and(|w| {
                (w.has(REL) && !w.has(DET) || w.cap) && !w.senses.iter().any(|s| s.gerund)
            })
            && !(after + 1..self.hi).any(|k| self.quote(k))
        {
            after = self.hi;
            np = np.start..self.content_end();
        }
        if cut.is_some() || after == self.hi {
            f.core_end = Some(self.hi);
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
    pub(super) fn passive_frame(
        &self,
        mut f: Found,
        gs: usize,
        j: usize,
        sense: &Sense,
    ) -> Option<Found> {
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
        // `The parents are accused of …`, `The plan was criticised as too
        // costly`, `Delgado was considered vulnerable`, `No injuries were
        // reported`: agentless, the subject is a content fragment and the
        // complement (from `of`/`as`) another.
        if let Some(subject) = subject
            .clone()
            .filter(|s| !(expletive || s.len() <= 2 && self.items[s.end - 1].has(ANAPHOR | PRON)))
        {
            let end = self.content_end();
            let of = self.is(j, "of") && sense.frames.has(F::Of);
            let as_ = self.is(j, "as")
                && matches!(
                    sense.class,
                    CueClass::Speech | CueClass::Belief | CueClass::Knowledge | CueClass::Report
                )
                && self
                    .word(j + 1)
                    .is_some_and(|w| !w.has(SUBORD | PRON) || w.has(DET));
            let belief_complement = sense.class == CueClass::Belief
                && self.word(j).is_some_and(|w| {
                    !w.cap && w.flags == 0 && w.senses.is_empty() && !self.verbish(j)
                });
            let reported = sense.class == CueClass::Report
                && (j >= end || self.word(j).is_some_and(|w| w.has(PREP) && !w.has(SUBORD)));
            // The complement ends with its clause (`… were reported in the
            // attacks, but South Korea evacuated …`).
            let end = if j < end {
                self.clause_end(j, end)
            } else {
                end
            };
            if (of || as_ || belief_complement) && j + 1 < end {
                f.content = vec![subject, j..end];
                f.placement = Placement::Around;
                return Some(f);
            }
            if reported {
                f.content = if j < end {
                    vec![subject, j..end]
                } else {
                    vec![subject]
                };
                f.placement = if j < end {
                    Placement::Around
                } else {
                    Placement::Before
                };
                return Some(f);
            }
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
}
