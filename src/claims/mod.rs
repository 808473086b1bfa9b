//! Claim extraction: [`Article`] + [`Lexicon`] → [`Claim`]s.
//!
//! One pass over the article's blocks. Each block is read into items
//! ([`units`]: words with their classes, punctuation, and every outermost
//! quotation as one item) and cut into utterances (sentences held together
//! by a quotation). In each utterance [`frames`] finds the attributions — a
//! cue, its source, its content — and keeps the outermost ones. The block
//! reader here then applies the rules that look across sentences:
//!
//! - a quotation that continues a quoted claim (the next sentence, the next
//!   paragraph) becomes another fragment of that claim;
//! - a bare tag (`he said.`) after a quotation attributes it;
//! - `This was reported by X` attributes the sentences before it in its paragraph;
//! - a sentence right after reported speech that carries the reported
//!   voice (`But Moscow should …`, a backshifted or obligation modal) is
//!   inherited from it;
//! - pronouns resolve to an antecedent in the sentence or the last named
//!   source, document references (`the message`) to an embedded post;
//! - every sentence whose own statement is not attributed yields an
//!   `unattributed` claim.
//!
//! The policy and its limits are documented in `docs/claims.md`.

mod frames;

mod model;
mod speaker;
mod units;

pub use model::*;

use crate::lexicon::{grammar, Lexicon, SpeakerWordKind};
use crate::parse::{Article, BlockKind};
use crate::source::Span;
use frames::{Found, Placement, Reader};
use std::collections::HashMap;
use std::ops::Range;
use units::{Item, ItemKind, Utterance};

/// Extracts the claims of `article` (parsed from `text`): every attribution
/// and every unattributed statement, in text order.
pub fn extract(text: &str, article: &Article, lexicon: &Lexicon) -> Vec<Claim> {
    let mut ex = Extractor::new(text, article, lexicon);
    let mut items = Vec::new();
    let mut utterances = Vec::new();
    for (b, block) in article.blocks.iter().enumerate() {
        // A short line ending in a colon is read as a section label by the
        // parser, but `The embassy added:` introduces the next paragraph.
        let introduction = block.kind == BlockKind::SectionLabel
            && block.span.text(text).trim_end().ends_with(':');
        if !matches!(
            block.kind,
            BlockKind::Headline | BlockKind::Paragraph | BlockKind::PostText
        ) && !introduction
        {
            continue;
        }
        if introduction {
            units::read_block(text, article, block, lexicon, &mut items, &mut utterances);
            ex.introduction(&items, &utterances);
            continue;
        }
        units::read_block(text, article, block, lexicon, &mut items, &mut utterances);
        ex.block(b as u32, &items, &utterances);
    }
    ex.finish()
}

/// A claim under construction, before ids are given.
struct Draft {
    claim: Claim,
    /// The claim's content reaches the end of its utterance after the cue
    /// (reported speech that a following sentence may continue).
    open_ended: bool,
    /// Merged into a later claim (the opening paragraphs of a quotation
    /// whose speaker is named at its end).
    removed: bool,
}

impl Draft {
    /// A claim that no later sentence continues.
    fn closed(claim: Claim) -> Draft {
        Draft {
            claim,
            open_ended: false,
            removed: false,
        }
    }
}

/// The state carried through the article.
struct Extractor<'a, 'l> {
    text: &'a str,
    article: &'a Article,
    lexicon: &'l Lexicon,
    drafts: Vec<Draft>,
    /// The publisher link from the dateline.
    publisher: Option<ChainLink>,
    /// The last named person source: (full phrase, name).
    last_person: Option<Span>,
    /// The last organisation, medium or document source.
    last_body: Option<Span>,
    /// Surnames of named persons → the full name's span.
    surnames: HashMap<String, Span>,
    /// Quotation index → the draft whose content holds it.
    quote_owner: QuoteOwners,
    /// Drafts of the previous text block (for cross-paragraph rules).
    prev_block: Range<usize>,
    /// Per item of the current utterance: whether an attribution covers it.
    marks: Vec<bool>,
    /// Sources recorded so far (to tell whether an utterance named one).
    remembered: usize,
    /// A cue ending the previous sentence with a colon.
    forward: Option<Forward>,
    /// Scratch buffer for lowercased names.
    name_buf: String,
}

impl<'a, 'l> Extractor<'a, 'l> {
    fn new(text: &'a str, article: &'a Article, lexicon: &'l Lexicon) -> Self {
        let publisher = article
            .dateline
            .as_ref()
            .and_then(|d| d.agency)
            .map(|span| ChainLink {
                role: ChainRole::Publisher,
                span,
                anonymous: false,
                cue: None,
                channel: None,
            });
        Extractor {
            text,
            article,
            lexicon,
            drafts: Vec::with_capacity(article.sentences.len() + 8),
            publisher,
            last_person: None,
            last_body: None,
            surnames: HashMap::new(),
            quote_owner: QuoteOwners::default(),
            prev_block: 0..0,
            marks: Vec::new(),
            remembered: 0,
            forward: None,
            name_buf: String::new(),
        }
    }

    fn finish(mut self) -> Vec<Claim> {
        // Drafts come almost in order; an unattributed rest of a sentence
        // may start before the attribution found in it.
        let key = |d: &Draft| (d.claim.span.start, d.claim.span.end);
        if !self.drafts.is_sorted_by_key(key) {
            self.drafts.sort_by_key(key);
        }
        self.drafts
            .into_iter()
            .filter(|d| !d.removed)
            .enumerate()
            .map(|(i, d)| {
                let mut claim = d.claim;
                claim.id = i as u32;
                claim
            })
            .collect()
    }

    /// Reads one text block.
    fn block(&mut self, b: u32, items: &[Item<'l>], utterances: &[Utterance]) {
        let block_start = self.drafts.len();
        self.note_names(items);
        let post = self.post_of(b);
        // The draft of the previous utterance when it is open-ended reported
        // speech, for continuations.
        let mut open: Option<usize> = None;
        // The subject that opened the previous utterance, applied when that
        // utterance named no source of its own.
        let mut pending: Option<(Subject, usize)> = None;
        // The draft of a prose sentence introduced by a colon ending the
        // previous paragraph: the rest of its paragraph belongs to it.
        let mut forwarded: Option<usize> = None;
        for (u_index, u) in utterances.iter().enumerate() {
            if let Some((subject, before)) = pending.take() {
                if self.remembered == before {
                    self.remember_subject(subject);
                }
            }
            let r = Reader {
                text: self.text,
                items,
                lo: u.items.start,
                hi: u.items.end,
                lexicon: self.lexicon,
                headline: self.article.blocks[b as usize].kind == BlockKind::Headline,
            };
            pending = lead_subject(self.text, self.lexicon, items, u.items.clone())
                .map(|subject| (subject, self.remembered));
            if let Some(forward) = self.forward.take() {
                // `The ministry said:` ¶ `“…”`: the sentence after the colon
                // is the content.
                let quote_only = is_quote_only(items, u.items.clone());
                // A candidate whose cue words make no frame (`certified by
                // the state`) is plain content too.
                if quote_only || !u.candidate || r.frames().is_empty() {
                    forwarded = self
                        .forward_claim(forward, items, u, quote_only)
                        .filter(|_| !quote_only && u_index == 0);
                    open = None;
                    continue;
                }
            }
            if let Some(d) = forwarded {
                let plain = !u.candidate || r.frames().is_empty();
                if plain && !items[u.items.clone()].iter().any(|it| it.is_quote()) {
                    let content = utterance_content(items, u.items.clone());
                    let c = &mut self.drafts[d].claim;
                    if let Some(last) = c.content.last_mut() {
                        *last = last.cover(content);
                    }
                    c.span = c.span.cover(content);
                    continue;
                }
                forwarded = None;
            }
            if !u.candidate {
                // No cue, quotation or colon: the sentence continues reported
                // speech, belongs to a post's author, or is unattributed.
                open = match open.filter(|_| self.continues(&r)) {
                    Some(prev) => Some(self.continuation(prev, items, u)),
                    None => {
                        match post {
                            Some(p) => self.post_sentence(items, u, p),
                            None => self.unattributed(items, u),
                        }
                        None
                    }
                };
                continue;
            }
            let found = frames::resolve(&r, r.frames());
            let utt_start = self.drafts.len();
            self.marks.clear();
            self.marks.resize(u.items.len(), false);
            let total = word_count(items, u.items.clone());
            let mut covered = 0usize;
            let mut content_words = 0usize;
            let mut anaphoric: Option<Found> = None;
            let mut bare_tag: Option<Found> = None;
            let mut next_open = None;
            for f in found {
                if f.anaphoric {
                    covered = total;
                    anaphoric = Some(f);
                    continue;
                }
                if f.forward {
                    covered = total;
                    let (speaker, chain) = self.source_of(&r, &f, post);
                    let cue = match f.forward_cue {
                        Some(span) => Cue {
                            span,
                            kind: CueKind::Punctuation,
                        },
                        None => Cue {
                            span: f.cue,
                            kind: f.cue_kind,
                        },
                    };
                    self.forward = Some(Forward {
                        speaker,
                        cue,
                        chain,
                    });
                    if f.content.is_empty() {
                        continue;
                    }
                }
                if f.content.is_empty() {
                    bare_tag = Some(f);
                    continue;
                }
                let (c, a) = coverage(items, &f);
                covered += a;
                content_words += c;
                mark(items, &f, u.items.start, &mut self.marks);
                let d = self.draft_from(&r, &f, u, post);
                let open_ended = d.open_ended;
                let idx = self.push(d);
                if open_ended {
                    next_open = Some(idx);
                }
            }
            let had_claims = self.drafts.len() > utt_start;
            let quote_only = is_quote_only(items, u.items.clone());
            if let Some(tag) = bare_tag.filter(|_| !had_claims) {
                // `“…” He said.`: a bare tag after a quotation.
                if let Some(prev) = self.drafts.len().checked_sub(1).filter(|&p| {
                    let c = &self.drafts[p].claim;
                    p >= block_start
                        && c.speaker.is_none()
                        && !c.quotes.is_empty()
                        && c.content.len() == c.quotes.len()
                }) {
                    self.attach_tag(prev, &r, &tag, post);
                    covered = total;
                }
            }
            if !had_claims && quote_only {
                self.quote_utterance(items, u, block_start, u_index == 0, post);
                open = None;
                continue;
            }
            if let Some(f) = anaphoric {
                self.apply_anaphoric(&r, &f, post, block_start);
            }
            if had_claims || covered >= total {
                if had_claims
                    && total > covered + content_words
                    && total - covered - content_words > content_words
                {
                    // The sentence says more than it attributes (`Russia sent
                    // proposals, which, in its opinion, are necessary`): its
                    // own words are an unattributed claim.
                    self.unattributed_rest(items, u, utt_start);
                }
                open = next_open;
                continue;
            }
            if let Some(prev) = open.filter(|_| self.continues(&r)) {
                let idx = self.continuation(prev, items, u);
                open = Some(idx);
                continue;
            }
            if let Some(p) = post {
                self.post_sentence(items, u, p);
                open = None;
                continue;
            }
            self.unattributed(items, u);
            open = None;
        }
        if let Some((subject, before)) = pending {
            if self.remembered == before {
                self.remember_subject(subject);
            }
        }
        self.prev_block = block_start..self.drafts.len();
    }

    /// Notes every written full name (two capitalised words or more) by its
    /// last word, so a later bare surname is known for a person (`House
    /// Speaker Ray Dolan` … `Dolan told reporters`).
    fn note_names(&mut self, items: &[Item<'l>]) {
        let name_word = |it: &Item<'_>| it.is_word() && it.cap && it.flags == 0 && !it.acronym;
        let mut k = 0;
        while k < items.len() {
            if !name_word(&items[k]) {
                k += 1;
                continue;
            }
            let start = k;
            while k < items.len()
                && (name_word(&items[k])
                    || items[k].is_punct('.') && k > start && items[k - 1].span.len() <= 2)
            {
                k += 1;
            }
            if k - start < 2 {
                continue;
            }
            // Titles before the name are not part of it (`House Speaker`).
            let title = |it: &Item<'_>| {
                self.lexicon
                    .speakers
                    .get_hashed(it.text(self.text), it.hash)
                    .is_some_and(|i| {
                        i.kinds.has(SpeakerWordKind::Title) || i.kinds.has(SpeakerWordKind::Role)
                    })
            };
            let mut start = (start..k)
                .rev()
                .find(|&i| items[i].is_word() && title(&items[i]))
                .map_or(start, |i| i + 1);
            while start < k && items[start].is_punct('.') {
                start += 1;
            }
            let words = items[start..k].iter().filter(|it| it.is_word()).count();
            if words >= 2 && items[k - 1].is_word() {
                let last = units::strip_possessive(items[k - 1].text(self.text));
                self.name_buf.clear();
                self.name_buf
                    .extend(last.chars().flat_map(char::to_lowercase));
                if !self.surnames.contains_key(self.name_buf.as_str()) {
                    let span = speaker::span_of(items, start..k);
                    self.surnames.insert(self.name_buf.clone(), span);
                }
            }
        }
    }

    /// Records the subject of a sentence that named no source, for later
    /// pronouns and surnames (`Special envoy Miriam Costa returned …` ¶
    /// `She said …`).
    fn remember_subject(&mut self, subject: Subject) {
        match subject {
            Subject::Person(name) => {
                let text = name.text(self.text);
                if let Some(last) = text.split_whitespace().last() {
                    if text.split_whitespace().nth(1).is_some() {
                        self.surnames.insert(last.to_lowercase(), name);
                    }
                }
                self.last_person = Some(name);
            }
            Subject::Body(span) => self.last_body = Some(span),
        }
    }

    fn push(&mut self, mut d: Draft) -> usize {
        let idx = self.drafts.len();
        self.merge_opening(&mut d);
        for &q in &d.claim.quotes {
            self.quote_owner.insert(q, idx);
        }
        self.drafts.push(d);
        idx
    }

    /// A quoted claim whose first quotation continues an earlier one that
    /// nobody was named for (`“A.` ¶ `“B,” she said.`): the earlier
    /// paragraphs become its first fragments.
    fn merge_opening(&mut self, d: &mut Draft) {
        if d.claim.speaker.is_none() {
            return;
        }
        while let Some(&first) = d.claim.quotes.first() {
            let Some(prev) = self
                .article
                .quotes
                .get(first as usize)
                .and_then(|q| q.continues)
            else {
                return;
            };
            let Some(owner) = self.quote_owner.get(prev) else {
                return;
            };
            let o = &mut self.drafts[owner];
            let orphan = !o.removed
                && o.claim.speaker.is_none()
                && o.claim.content.len() == o.claim.quotes.len()
                && d.claim
                    .content
                    .first()
                    .is_some_and(|c| self.article.quotes[first as usize].span == *c);
            if !orphan {
                return;
            }
            o.removed = true;
            let mut content = std::mem::take(&mut o.claim.content);
            let mut quotes = std::mem::take(&mut o.claim.quotes);
            d.claim.span = d.claim.span.cover(o.claim.span);
            d.claim.sentence = o.claim.sentence;
            content.append(&mut d.claim.content);
            quotes.append(&mut d.claim.quotes);
            d.claim.content = content;
            d.claim.quotes = quotes;
        }
    }

    /// The post whose text block is `b`: (index, author span).
    fn post_of(&self, b: u32) -> Option<(usize, Option<Span>)> {
        let block = self.article.blocks.get(b as usize)?;
        if block.kind != BlockKind::PostText {
            return None;
        }
        let posts = &self.article.posts;
        let i = posts.partition_point(|p| p.text.end <= block.span.start);
        posts
            .get(i)
            .filter(|p| p.text.overlaps(block.span))
            .map(|p| (i, p.author))
    }

    // ---- building claims ---------------------------------------------------

    /// A draft claim from an attribution frame.
    fn draft_from(
        &mut self,
        r: &Reader<'_, 'l>,
        f: &Found,
        u: &Utterance,
        post: Option<(usize, Option<Span>)>,
    ) -> Draft {
        let items = r.items;
        let (content, quotes, kind) = content_of(items, &f.content);
        let (speaker, chain) = self.source_of(r, f, post);
        let cue = Some(Cue {
            span: f.cue,
            kind: f.cue_kind,
        });
        let mut span = cover(&content);
        if let Some(s) = &speaker {
            span = span.cover(s.span);
        }
        span = span.cover(f.cue);
        let sentence = self.sentence_in(u, content.first().map_or(span.start, |c| c.start));
        Draft {
            removed: false,
            open_ended: f.placement == Placement::After
                && kind != ClaimKind::Direct
                && f.content
                    .last()
                    .is_some_and(|c| c.end >= r.hi.saturating_sub(1)),
            claim: Claim {
                id: 0,
                kind,
                span,
                content,
                speaker,
                cue,
                chain,
                attribution: Attribution::Explicit,
                sentence,
                quotes,
            },
        }
    }

    /// The sentence of utterance `u` holding byte `offset`.
    fn sentence_in(&self, u: &Utterance, offset: u32) -> u32 {
        u.sentences
            .clone()
            .find(|&s| {
                self.article
                    .sentences
                    .get(s as usize)
                    .is_some_and(|x| offset < x.span.end)
            })
            .unwrap_or(u.sentences.start)
    }

    /// The speaker of a source phrase, described and resolved.
    fn speaker(&mut self, r: &Reader<'_, 'l>, range: Range<usize>, relative: bool) -> Speaker {
        let items = r.items;
        let d = speaker::describe(self.text, items, range.clone(), self.lexicon);
        let span = speaker::span_of(items, range.clone());
        let mut kind = d.kind;
        let mut resolved = None;
        match kind {
            SpeakerKind::Pronoun => {
                resolved = self.antecedent(r, range.clone(), relative);
            }
            SpeakerKind::Document => {
                let post_noun = contains_kind(r, range.clone(), SpeakerWordKind::Post);
                if post_noun {
                    resolved = self.nearest_post(span);
                }
            }
            SpeakerKind::Organization => {
                // A bare surname of a person named before (`Sullivan`).
                if let Some(name) = d.name {
                    let key = name.text(self.text).to_lowercase();
                    if let Some(&full) = self.surnames.get(&key) {
                        if full != name {
                            kind = SpeakerKind::Person;
                            resolved = Some(full);
                        }
                    } else if self.lexicon_knows_person(name) {
                        kind = SpeakerKind::Person;
                    }
                }
            }
            _ => {}
        }
        Speaker {
            span,
            name: d.name,
            role: d.role,
            anonymous: d.anonymous,
            kind,
            resolved,
        }
    }

    /// Whether `names.json` lists a person with this short form (`Putin`).
    fn lexicon_knows_person(&self, name: Span) -> bool {
        let word = units::strip_possessive(name.text(self.text));
        self.lexicon
            .speakers
            .known_person(word, &self.lexicon.names)
    }

    /// The speaker and chain of frame `f`, the speaker remembered for
    /// later pronouns and surnames.
    fn source_of(
        &mut self,
        r: &Reader<'_, 'l>,
        f: &Found,
        post: Option<(usize, Option<Span>)>,
    ) -> (Option<Speaker>, Vec<ChainLink>) {
        let speaker = f
            .speaker
            .clone()
            .map(|range| self.speaker(r, range, f.relative));
        let chain = self.chain(r, f, speaker.as_ref(), post);
        if let Some(s) = &speaker {
            self.remember(s);
        }
        (speaker, chain)
    }

    /// Records a source for later pronouns and surnames.
    fn remember(&mut self, s: &Speaker) {
        self.remembered += 1;
        match s.kind {
            SpeakerKind::Person => {
                if let Some(name) = s.name {
                    let words: Vec<&str> = name.text(self.text).split_whitespace().collect();
                    if words.len() >= 2 {
                        if let Some(last) = words.last() {
                            self.surnames.insert(last.to_lowercase(), name);
                        }
                    }
                    self.last_person = Some(s.resolved.unwrap_or(name));
                } else if !s.anonymous {
                    self.last_person = Some(s.span);
                }
            }
            SpeakerKind::Organization | SpeakerKind::Media | SpeakerKind::Document => {
                self.last_body = Some(s.span);
            }
            _ => {}
        }
    }

    /// What a pronoun source refers to: an antecedent in its own sentence
    /// (the subject, or the phrase before a relative pronoun), else the last
    /// named source of the right kind. First and second person: nothing.
    fn antecedent(&self, r: &Reader<'_, 'l>, range: Range<usize>, relative: bool) -> Option<Span> {
        let it = &r.items[range.start];
        if it.has(grammar::FIRST) {
            return None;
        }
        if relative {
            // `…, which …`: the phrase before the comma.
            let end = if range.start > r.lo && r.items[range.start - 1].is_punct(',') {
                range.start - 1
            } else {
                range.start
            };
            return r.np_left(end).map(|np| speaker::span_of(r.items, np));
        }
        let personal = it.has(grammar::PERSONAL);
        // The subject of the utterance, when it comes before the pronoun.
        if let Some(subject) = r.subject() {
            if subject.end <= range.start {
                let d = speaker::describe(self.text, r.items, subject.clone(), self.lexicon);
                let fits = if personal {
                    d.kind == SpeakerKind::Person && d.name.is_some()
                } else {
                    matches!(d.kind, SpeakerKind::Organization | SpeakerKind::Media)
                        || d.name.is_some()
                };
                if fits {
                    return Some(d.name.unwrap_or_else(|| speaker::span_of(r.items, subject)));
                }
            }
        }
        if personal {
            self.last_person
        } else {
            self.last_body.or(self.last_person)
        }
    }

    /// The embedded post nearest to `span`: its text.
    fn nearest_post(&self, span: Span) -> Option<Span> {
        self.article
            .posts
            .iter()
            .min_by_key(|p| {
                if p.span.start >= span.end {
                    p.span.start - span.end
                } else {
                    span.start.saturating_sub(p.span.end)
                }
            })
            .map(|p| p.text)
    }

    /// The chain: publisher, media outermost first, the source, then the
    /// sources it cites.
    fn chain(
        &self,
        r: &Reader<'_, 'l>,
        f: &Found,
        speaker: Option<&Speaker>,
        post: Option<(usize, Option<Span>)>,
    ) -> Vec<ChainLink> {
        let mut chain: Vec<ChainLink> = self.publisher.iter().cloned().collect();
        let publisher_text = self.publisher.as_ref().map(|p| p.span.text(self.text));
        for (o, cue) in &f.outer {
            let span = speaker::span_of(r.items, o.clone());
            let same = publisher_text.is_some_and(|p| p.eq_ignore_ascii_case(span.text(self.text)));
            if same {
                // `…, reports UNN` under a UNN dateline: the publisher's own cue.
                if let Some(first) = chain.first_mut() {
                    first.cue = first.cue.or(*cue);
                }
                continue;
            }
            chain.push(ChainLink {
                role: ChainRole::Medium,
                span,
                anonymous: false,
                cue: *cue,
                channel: None,
            });
        }
        if let Some((_, Some(author))) = post {
            chain.push(ChainLink {
                role: ChainRole::Medium,
                span: author,
                anonymous: false,
                cue: None,
                channel: None,
            });
        }
        let channel = f.channel.clone().map(|c| speaker::span_of(r.items, c));
        if let Some(s) = speaker {
            chain.push(ChainLink {
                role: if f.cited.is_empty() {
                    ChainRole::Source
                } else {
                    ChainRole::Medium
                },
                span: s.span,
                anonymous: s.anonymous,
                cue: Some(f.cue),
                channel,
            });
        }
        for c in &f.cited {
            let d = speaker::describe(self.text, r.items, c.clone(), self.lexicon);
            let cue = c
                .start
                .checked_sub(1)
                .filter(|&k| k >= r.lo && r.items[k].is_word())
                .map(|k| r.items[k].span);
            chain.push(ChainLink {
                role: ChainRole::Source,
                span: speaker::span_of(r.items, c.clone()),
                anonymous: d.anonymous,
                cue,
                channel: None,
            });
        }
        chain
    }

    // ---- rules across sentences -------------------------------------------------

    /// A label-like line ending in a colon: only a cue that opens the next
    /// paragraph (`The embassy added:`) counts; a plain label yields nothing.
    fn introduction(&mut self, items: &[Item<'l>], utterances: &[Utterance]) {
        let Some(u) = utterances.last() else {
            return;
        };
        let r = Reader {
            text: self.text,
            items,
            lo: u.items.start,
            hi: u.items.end,
            lexicon: self.lexicon,
            headline: false,
        };
        let Some(f) = frames::resolve(&r, r.frames())
            .into_iter()
            .find(|f| f.forward)
        else {
            return;
        };
        let (speaker, chain) = self.source_of(&r, &f, None);
        self.forward = Some(Forward {
            speaker,
            cue: Cue {
                span: f.cue,
                kind: f.cue_kind,
            },
            chain,
        });
    }

    /// The claim of the sentence after a cue ending in a colon: its
    /// quotations (direct) or its whole text.
    fn forward_claim(
        &mut self,
        forward: Forward,
        items: &[Item<'l>],
        u: &Utterance,
        quote_only: bool,
    ) -> Option<usize> {
        let (content, quotes, kind) = if quote_only {
            let quotes: Vec<u32> = quotes_in(items, u.items.clone());
            let spans = items[u.items.clone()]
                .iter()
                .filter(|it| it.is_quote())
                .map(|it| it.span)
                .collect();
            (spans, quotes, ClaimKind::Direct)
        } else {
            let quotes = quotes_in(items, u.items.clone());
            let kind = kind_of_quotes(self.article, &quotes);
            (
                vec![utterance_content(items, u.items.clone())],
                quotes,
                kind,
            )
        };
        if content.iter().all(|c: &Span| c.is_empty()) {
            return None;
        }
        let claim = Claim {
            id: 0,
            kind,
            span: cover(&content),
            content,
            speaker: forward.speaker,
            cue: Some(forward.cue),
            chain: forward.chain,
            attribution: Attribution::Inherited,
            sentence: u.sentences.start,
            quotes,
        };
        Some(self.push(Draft::closed(claim)))
    }

    /// An utterance of quotations only (`“It failed.”`): further fragments
    /// of the quoted claim it continues, else a quotation of its own.
    fn quote_utterance(
        &mut self,
        items: &[Item<'l>],
        u: &Utterance,
        block_start: usize,
        first_in_block: bool,
        post: Option<(usize, Option<Span>)>,
    ) {
        for item in &items[u.items.clone()] {
            let Some((q, _words)) = item.quote() else {
                continue;
            };
            let quote = &self.article.quotes[q as usize];
            // A quotation re-opened after an unclosed one, or the next quote
            // after a quoted claim (in this block, or at the start of a block
            // after a block that ended with one).
            let owner = quote
                .continues
                .and_then(|prev| self.quote_owner.get(prev))
                .or_else(|| {
                    let last = self.drafts.len().checked_sub(1)?;
                    let d = &self.drafts[last];
                    let quoted = matches!(d.claim.kind, ClaimKind::Direct | ClaimKind::Mixed)
                        && d.claim.speaker.is_some();
                    let near =
                        last >= block_start || (first_in_block && self.prev_block.contains(&last));
                    (quoted
                        && near
                        && d.claim.content.last().is_some_and(|c| {
                            self.article.quote_at(c.end.saturating_sub(1)).is_some()
                        }))
                    .then_some(last)
                });
            if let Some(owner) = owner {
                let d = &mut self.drafts[owner];
                d.claim.content.push(item.span);
                d.claim.quotes.push(q);
                d.claim.span = d.claim.span.cover(item.span);
                self.quote_owner.insert(q, owner);
                continue;
            }
            // A quotation after reported speech in the same paragraph is
            // taken from the same source.
            let inherit =
                self.drafts.len().checked_sub(1).filter(|&last| {
                    last >= block_start && self.drafts[last].claim.speaker.is_some()
                });
            let sentence = self.article.sentence_at(item.span.start).unwrap_or(0);
            // Nobody is named for it: an unattributed claim whose content is
            // the quotation.
            let mut claim = Claim {
                id: 0,
                kind: ClaimKind::Unattributed,
                span: item.span,
                content: vec![item.span],
                speaker: None,
                cue: None,
                chain: Vec::new(),
                attribution: Attribution::None,
                sentence,
                quotes: vec![q],
            };
            if let Some(last) = inherit {
                claim.kind = ClaimKind::Direct;
                let from = &self.drafts[last].claim;
                claim.speaker = from.speaker.clone();
                claim.cue = from.cue.clone();
                claim.chain = from.chain.clone();
                claim.attribution = Attribution::Inherited;
            } else if let Some((_, Some(author))) = post {
                claim.kind = ClaimKind::Direct;
                claim.speaker = Some(self.post_author(author));
                claim.attribution = Attribution::Inherited;
                claim.chain = self.post_chain(author);
            }
            self.push(Draft::closed(claim));
        }
    }

    /// A bare tag (`He said.`) attributing the quotation before it.
    fn attach_tag(
        &mut self,
        prev: usize,
        r: &Reader<'_, 'l>,
        tag: &Found,
        post: Option<(usize, Option<Span>)>,
    ) {
        let (speaker, chain) = self.source_of(r, tag, post);
        let d = &mut self.drafts[prev].claim;
        d.kind = ClaimKind::Direct;
        d.speaker = speaker;
        d.cue = Some(Cue {
            span: tag.cue,
            kind: tag.cue_kind,
        });
        d.chain = chain;
        d.attribution = Attribution::Inherited;
    }

    /// `This was reported by X`: the unattributed sentences before it in
    /// its paragraph (or, when it opens a paragraph, in the paragraph
    /// before) are attributed to X.
    fn apply_anaphoric(
        &mut self,
        r: &Reader<'_, 'l>,
        f: &Found,
        post: Option<(usize, Option<Span>)>,
        block_start: usize,
    ) {
        let (speaker, chain) = self.source_of(r, f, post);
        let range = if self.drafts.len() > block_start {
            block_start..self.drafts.len()
        } else {
            self.prev_block.clone()
        };
        // The unattributed sentences directly before, back to the first
        // attributed one.
        for k in range.rev() {
            let d = &mut self.drafts[k];
            if d.claim.kind != ClaimKind::Unattributed {
                break;
            }
            d.claim.kind = kind_of_quotes(self.article, &d.claim.quotes);
            d.claim.speaker = speaker.clone();
            d.claim.cue = Some(Cue {
                span: f.cue,
                kind: f.cue_kind,
            });
            d.claim.chain = chain.clone();
            d.claim.attribution = Attribution::Inherited;
        }
    }

    /// Whether an utterance carries the reported voice of the reported
    /// speech before it: after an optional connective, a modal of
    /// obligation or backshift (`should`, `must`, `would`, `could`) in its
    /// first clause.
    fn continues(&self, r: &Reader<'_, 'l>) -> bool {
        if r.items[r.lo..r.hi].iter().any(|it| it.is_quote()) {
            return false;
        }
        let mut k = r.lo;
        while k < r.hi
            && (r.items[k].is_punct(',')
                || r.items[k].is_word() && r.items[k].has(grammar::CONJ | grammar::CONNECTIVE))
        {
            k += 1;
        }
        // The first clause: up to its first comma, at most 10 items.
        let start = k;
        while k < r.hi && k - start < 10 {
            let it = &r.items[k];
            if it.is_punct(',') || it.is_punct(';') || it.is_punct(':') {
                break;
            }
            if it.is_word() && it.has(grammar::REPORTED_MODAL) {
                // A subject must come first: `Moscow should`, not `Should …?`.
                return k > start;
            }
            k += 1;
        }
        false
    }

    /// A sentence inheriting the reported speech of draft `prev`.
    fn continuation(&mut self, prev: usize, items: &[Item<'l>], u: &Utterance) -> usize {
        let content = utterance_content(items, u.items.clone());
        let from = &self.drafts[prev].claim;
        let claim = Claim {
            id: 0,
            kind: ClaimKind::Indirect,
            span: content,
            content: vec![content],
            speaker: from.speaker.clone(),
            cue: from.cue.clone(),
            chain: from.chain.clone(),
            attribution: Attribution::Inherited,
            sentence: u.sentences.start,
            quotes: Vec::new(),
        };
        self.push(Draft {
            claim,
            open_ended: true,
            removed: false,
        })
    }

    /// A sentence of an embedded post without a cue of its own: the post's
    /// author says it.
    fn post_sentence(&mut self, items: &[Item<'l>], u: &Utterance, post: (usize, Option<Span>)) {
        let Some(author) = post.1 else {
            self.unattributed(items, u);
            return;
        };
        let content = utterance_content(items, u.items.clone());
        let speaker = self.post_author(author);
        let chain = self.post_chain(author);
        let quotes = quotes_in(items, u.items.clone());
        let claim = Claim {
            id: 0,
            kind: kind_of_quotes(self.article, &quotes),
            span: content,
            content: vec![content],
            speaker: Some(speaker),
            cue: None,
            chain,
            attribution: Attribution::Inherited,
            sentence: u.sentences.start,
            quotes,
        };
        self.push(Draft::closed(claim));
    }

    /// The chain of a post's own words: the publisher, then the author.
    fn post_chain(&self, author: Span) -> Vec<ChainLink> {
        let mut chain: Vec<ChainLink> = self.publisher.iter().cloned().collect();
        chain.push(ChainLink {
            role: ChainRole::Source,
            span: author,
            anonymous: false,
            cue: None,
            channel: None,
        });
        chain
    }

    fn post_author(&self, author: Span) -> Speaker {
        Speaker {
            span: author,
            name: Some(author),
            role: None,
            anonymous: false,
            kind: SpeakerKind::Person,
            resolved: None,
        }
    }

    /// An unattributed claim made of the words of an utterance that no
    /// attribution covers (runs of two words or more).
    fn unattributed_rest(&mut self, items: &[Item<'l>], u: &Utterance, utt_start: usize) {
        let mut content = Vec::new();
        let mut k = u.items.start;
        while k < u.items.end {
            if self.marks[k - u.items.start] {
                k += 1;
                continue;
            }
            let start = k;
            while k < u.items.end && !self.marks[k - u.items.start] {
                k += 1;
            }
            let mut s = start;
            let mut e = k;
            while s < e
                && !matches!(
                    items[s].kind,
                    ItemKind::Word | ItemKind::Number | ItemKind::Quote { .. }
                )
            {
                s += 1;
            }
            while e > s
                && !matches!(
                    items[e - 1].kind,
                    ItemKind::Word | ItemKind::Number | ItemKind::Quote { .. }
                )
            {
                e -= 1;
            }
            if word_count(items, s..e) >= 2 {
                content.push(speaker::span_of(items, s..e));
            }
        }
        if content.is_empty() {
            return;
        }
        let quotes = items[u.items.clone()]
            .iter()
            .filter_map(|it| {
                it.quote()
                    .filter(|_| content.iter().any(|c| c.contains(it.span)))
                    .map(|(q, _)| q)
            })
            .collect();
        let claim = Claim {
            id: 0,
            kind: ClaimKind::Unattributed,
            span: cover(&content),
            content,
            speaker: None,
            cue: None,
            chain: Vec::new(),
            attribution: Attribution::None,
            sentence: u.sentences.start,
            quotes,
        };
        // Keep the drafts in text order: the rest may start before the
        // attribution found in the sentence.
        let start = claim.span.start;
        let at = self.drafts[utt_start..]
            .iter()
            .position(|d| d.claim.span.start > start)
            .map_or(self.drafts.len(), |k| utt_start + k);
        self.drafts.insert(at, Draft::closed(claim));
        for k in at..self.drafts.len() {
            for &q in &self.drafts[k].claim.quotes {
                self.quote_owner.insert(q, k);
            }
        }
    }

    /// An unattributed claim for the whole utterance.
    fn unattributed(&mut self, items: &[Item<'l>], u: &Utterance) {
        let content = utterance_content(items, u.items.clone());
        // Nothing to state without a word (a bare link, a stray mark).
        if content.is_empty() || word_count(items, u.items.clone()) == 0 {
            return;
        }
        let quotes = quotes_in(items, u.items.clone());
        let claim = Claim {
            id: 0,
            kind: ClaimKind::Unattributed,
            span: content,
            content: vec![content],
            speaker: None,
            cue: None,
            chain: Vec::new(),
            attribution: Attribution::None,
            sentence: u.sentences.start,
            quotes,
        };
        self.push(Draft::closed(claim));
    }
}

/// A cue ending its sentence with a colon, waiting for its content.
struct Forward {
    speaker: Option<Speaker>,
    cue: Cue,
    chain: Vec<ChainLink>,
}

/// The named subject opening a sentence.
enum Subject {
    /// A person's name (`Miriam Costa` in `Special envoy Miriam Costa returned`).
    Person(Span),
    /// An organisation (`The Defense Ministry`).
    Body(Span),
}

/// The subject opening an utterance when it is a name: a run of
/// capitalised words and role words after an optional determiner. A run
/// ending in an organisation word is a body; two capitalised words or more
/// after the roles are a person.
fn lead_subject(
    text: &str,
    lexicon: &Lexicon,
    items: &[Item<'_>],
    range: Range<usize>,
) -> Option<Subject> {
    let mut k = range.start;
    let first = items.get(k)?;
    if !first.is_word() || !first.cap {
        return None;
    }
    let det = first.has(grammar::DET);
    if det {
        k += 1;
    }
    let start = k;
    let mut last_role = None;
    while k < range.end && k - start < 8 {
        let it = &items[k];
        if it.is_punct('.') && last_role == Some(k - 1) {
            // `Rep.`, `Gov.`
            k += 1;
            continue;
        }
        if !it.is_word() || it.flags != 0 {
            break;
        }
        let kinds = lexicon
            .speakers
            .get_hashed(it.text(text), it.hash)
            .map(|i| i.kinds)
            .unwrap_or_default();
        let role = kinds.has(SpeakerWordKind::Role) || kinds.has(SpeakerWordKind::Title);
        if role {
            last_role = Some(k);
        } else if !it.cap {
            break;
        }
        k += 1;
    }
    if k == start || k >= range.end || items[k].cap {
        return None;
    }
    let end = k;
    let last = &items[end - 1];
    let org = lexicon
        .speakers
        .get_hashed(last.text(text), last.hash)
        .is_some_and(|i| {
            i.kinds.has(SpeakerWordKind::Organization) || i.kinds.has(SpeakerWordKind::Media)
        });
    if org {
        return Some(Subject::Body(speaker::span_of(items, range.start..end)));
    }
    let mut name_start = last_role.map_or(start, |r| r + 1);
    while name_start < end && items[name_start].is_punct('.') {
        name_start += 1;
    }
    let names = end.saturating_sub(name_start);
    if det || names == 0 || (names < 2 && last_role.is_none()) {
        return None;
    }
    Some(Subject::Person(speaker::span_of(items, name_start..end)))
}

/// Quotation index → the draft holding it, for quotations continued later.
#[derive(Default)]
struct QuoteOwners(Vec<u32>);

impl QuoteOwners {
    fn insert(&mut self, quote: u32, draft: usize) {
        let q = quote as usize;
        if self.0.len() <= q {
            self.0.resize(q + 1, u32::MAX);
        }
        self.0[q] = draft as u32;
    }

    fn get(&self, quote: u32) -> Option<usize> {
        self.0
            .get(quote as usize)
            .filter(|&&d| d != u32::MAX)
            .map(|&d| d as usize)
    }
}

/// Whether the speaker range holds a word or phrase of `kind`.
fn contains_kind(r: &Reader<'_, '_>, range: Range<usize>, kind: SpeakerWordKind) -> bool {
    speaker::contains_kind(r.text, r.items, range, r.lexicon, kind)
}

/// The words of `range` (for the coverage rule).
fn word_count(items: &[Item<'_>], range: Range<usize>) -> usize {
    items[range]
        .iter()
        .map(|it| match it.kind {
            ItemKind::Word | ItemKind::Number => 1,
            ItemKind::Quote { words, .. } => words as usize,
            _ => 0,
        })
        .sum()
}

/// (content words, source and cue words) of a frame.
fn coverage(items: &[Item<'_>], f: &Found) -> (usize, usize) {
    let content: usize = f.content.iter().map(|c| word_count(items, c.clone())).sum();
    let speaker = f.speaker.clone().map_or(0, |s| word_count(items, s));
    let cue = speaker::items_in(items, f.cue)
        .filter(|it| it.is_word())
        .count()
        .min(8);
    (content, speaker + cue.max(1))
}

/// Marks the items of a frame (content, source, cue) in `marks`, indexed
/// from the utterance's first item `base`.
fn mark(items: &[Item<'_>], f: &Found, base: usize, marks: &mut [bool]) {
    let mut set = |k: usize| {
        if let Some(m) = k.checked_sub(base).and_then(|i| marks.get_mut(i)) {
            *m = true;
        }
    };
    for c in &f.content {
        c.clone().for_each(&mut set);
    }
    if let Some(sp) = &f.speaker {
        sp.clone().for_each(&mut set);
    }
    if let Some(end) = f.core_end {
        (f.group_start..end).for_each(&mut set);
    }
    let from = f.group_start.min(f.at);
    for (k, item) in items.iter().enumerate().skip(from) {
        if item.span.start >= f.cue.end {
            break;
        }
        if f.cue.contains(item.span) {
            set(k);
        }
    }
}

/// Whether an utterance holds only quotations and punctuation.
fn is_quote_only(items: &[Item<'_>], range: Range<usize>) -> bool {
    let mut any = false;
    for it in &items[range] {
        match it.kind {
            ItemKind::Quote { .. } => any = true,
            ItemKind::Punct(_) | ItemKind::Dash => {}
            _ => return false,
        }
    }
    any
}

/// The quotation indices of the items in `range`.
fn quotes_in(items: &[Item<'_>], range: Range<usize>) -> Vec<u32> {
    items[range]
        .iter()
        .filter_map(|it| it.quote().map(|(q, _)| q))
        .collect()
}

/// An utterance's text without its final period (kept inside quotation marks).
fn utterance_content(items: &[Item<'_>], range: Range<usize>) -> Span {
    let mut end = range.end;
    while end > range.start && matches!(items[end - 1].kind, ItemKind::Punct('.' | ',' | ';' | ':'))
    {
        end -= 1;
    }
    if end == range.start {
        return Span::default();
    }
    speaker::span_of(items, range.start..end)
}

/// The kind of a claim whose content holds these quotations: mixed with a
/// partial quote of four words or more, else indirect.
fn kind_of_quotes(article: &Article, quotes: &[u32]) -> ClaimKind {
    let long = quotes.iter().any(|&q| {
        article.quotes.get(q as usize).is_some_and(|quote| {
            article
                .tokens_in(quote.inner)
                .filter(|&t| article.tokens[t as usize].kind == crate::parse::TokenKind::Word)
                .count()
                >= 4
        })
    });
    if long {
        ClaimKind::Mixed
    } else {
        ClaimKind::Indirect
    }
}

/// Content spans, quotations and kind of a frame's content ranges. A range
/// that is one quotation (with trailing punctuation outside the marks) is
/// that quotation exactly; every fragment a quotation makes a direct claim,
/// a quotation of four words or more inside reported speech a mixed one.
fn content_of(items: &[Item<'_>], ranges: &[Range<usize>]) -> (Vec<Span>, Vec<u32>, ClaimKind) {
    let mut spans = Vec::with_capacity(ranges.len());
    let mut quotes = Vec::new();
    let mut all_quoted = true;
    let mut long_partial = false;
    for range in ranges {
        let mut s = range.start;
        let mut e = range.end;
        while s < e
            && matches!(
                items[s].kind,
                ItemKind::Punct(',' | ':' | ';') | ItemKind::Dash
            )
        {
            s += 1;
        }
        while e > s
            && matches!(
                items[e - 1].kind,
                ItemKind::Punct(',' | ':' | ';' | '.') | ItemKind::Dash
            )
        {
            e -= 1;
        }
        if s >= e {
            continue;
        }
        let quoted: Vec<(u32, u32)> = items[s..e].iter().filter_map(Item::quote).collect();
        let only_quotes = items[s..e].iter().all(|it| it.is_quote());
        if only_quotes {
            for it in &items[s..e] {
                spans.push(it.span);
            }
        } else {
            all_quoted = false;
            long_partial |= quoted.iter().any(|&(_, w)| w >= 4);
            spans.push(speaker::span_of(items, s..e));
        }
        quotes.extend(quoted.iter().map(|&(q, _)| q));
    }
    let kind = if all_quoted && !spans.is_empty() {
        ClaimKind::Direct
    } else if long_partial {
        ClaimKind::Mixed
    } else {
        ClaimKind::Indirect
    };
    (spans, quotes, kind)
}

/// The span covering all `spans`.
fn cover(spans: &[Span]) -> Span {
    let mut it = spans.iter();
    let Some(&first) = it.next() else {
        return Span::default();
    };
    it.fold(first, |acc, &s| acc.cover(s))
}
