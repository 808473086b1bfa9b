//! AC003 `unsourced-claim`: a check-worthy statement the writer makes with
//! no source, explicit or inherited.

use super::figures::{number_word, scale_word};
use super::mentions::{is_determiner, FxHashSet, Mentions, NameWord, Shape};
use super::voice::{has_caption_credit, is_question, Voice};
use super::words::Words;
use super::{Rule, RuleContext};
use crate::claims::{Attribution, Claim, ClaimKind};
use crate::diagnostic::Diagnostic;
use crate::lexicon::{grammar, CheckWorthy, CueClass, Cues, Frame, WorthKind};
use crate::parse::{Article, BlockKind};
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Flags a check-worthy statement (a figure, a date, a cause, a
    /// party's position) that the article makes with no source. The
    /// statement names no source in its sentence and inherits none from
    /// the sentences around it (`This was reported by …`, a continued
    /// quotation, a following `he said`; see `docs/claims.md`).
    ///
    /// A statement is **check-worthy** when the writer's own words in it
    /// hold at least one of:
    ///
    /// - **a figure**: a count, amount or percentage in digits (`900`,
    ///   `$1.5 billion`, `8%`), a number word from two up that counts
    ///   something (`three people`, not `the two leaders` or `two years
    ///   ago`), or a quantity phrase (`dozens of`, `percent`);
    /// - **a stated position of a named party**: a named possessor before a
    ///   noun of the check-worthiness list (`Moscow’s demands`, `Apple’s
    ///   plans`), which reports what someone wants without saying where
    ///   they said it;
    /// - **a dated event**: a calendar date (`On December 17`, `May 2`) or a
    ///   year (`in 1999`) in a statement that names an actor (a person,
    ///   organisation or country);
    /// - **a causal claim**: a connective of the list (`because`, `led to`,
    ///   `due to`, `in order to`, `caused`) in a statement that names an
    ///   actor.
    ///
    /// These are the statements fact-checkers pick first: they can be
    /// verified, and they are wrong in ways that matter. The word lists are
    /// data (`rules/lexicons/check-worthy.json`).
    ///
    /// Not flagged, because they need no source or have one:
    ///
    /// - the headline, byline, date lines, section labels, photo captions
    ///   (a sentence with a credit such as `Image: NASA` or `from file,
    ///   2008`, or a short paragraph starting in lowercase, cut from its
    ///   picture) and the text and
    ///   signature of embedded posts (the post author's words, shown as
    ///   evidence);
    /// - questions, and anything inside quotation marks (quoted words are
    ///   someone else's; a quotation with no speaker is
    ///   `quote-without-speaker`'s);
    /// - sentences that carry an attribution (`…, the ministry said`,
    ///   `According to …`, `This was reported by …`), or inherit one; and,
    ///   to stay on the safe side, statements whose words hold a speech tag
    ///   the claim extractor did not link (`…, the fire service said on
    ///   Tuesday, and …`: a speech verb at most six words after a comma);
    /// - interviews from the first question on (the answers are the
    ///   interviewee's), sentences of an interview's introduction about the
    ///   interview itself (`sat down for an interview`, `answered five
    ///   questions`), and paragraphs in the first or second person
    ///   (`I`, `we`, `you`), which are someone speaking, not the writer
    ///   reporting;
    /// - plain narration and scene-setting without figures, dates, causes
    ///   or positions (`The leaders met in Geneva.`, `Myanmar is mainly
    ///   Buddhist.`);
    /// - numbers that are times, ordinals, decades, codes (`81P`), ages
    ///   (`42-year-old`, `at the age of 40`, `when she was six`), labels
    ///   (`No. 10`, `chapter 3`; the label words are data), part of a name
    ///   (`Apollo 11`), or a year naming an event (`the 2013 election`);
    ///   number words that count nothing (`the other two`, `all three`);
    /// - lists of sources, links and categories (after a `Sources` or
    ///   `External links` label, or a `Categories:` line; the headings are
    ///   data).
    ///
    /// One finding per sentence. The primary label is on the words that make
    /// the statement check-worthy (the figure, the date, the connective, the
    /// position), other reasons get labels too, and a label covers the
    /// writer's statement.
    ///
    /// ## Why is this bad?
    /// A figure, a date, a cause or a party's position stated with no source
    /// asks readers to take the publication's word for it, and gives editors
    /// nothing to check it against. When the fact comes from an agency, a
    /// ministry or a document, saying so lets readers weigh it and lets the
    /// newsroom correct it when the source does.
    ///
    /// ## Example
    /// ```text
    /// On December 17, Russia sent the United States and NATO proposals on
    /// security in Eastern Europe. Moscow’s demands include a ban on Ukraine
    /// joining NATO.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// On December 17, Russia sent the United States and NATO proposals on
    /// security in Eastern Europe, the Russian Foreign Ministry said. The
    /// demands published by the ministry include a ban on Ukraine joining
    /// NATO.
    /// ```
    ///
    /// ## Known problems
    /// The rule cannot know what the reporter saw or checked: an event the
    /// reporter witnessed, or common knowledge, is flagged when it carries a
    /// figure or a date. A source named in an earlier paragraph for a
    /// series of statements (`The report found …` followed by its findings
    /// as plain sentences) is not carried over unless the claim extractor
    /// links them. Actors are recognised by capitalisation: a name that
    /// only ever opens sentences is not seen as a name, and a capitalised
    /// common word inside a sentence is. An interview is recognised by two
    /// paragraphs ending in a question (or one, with `interview` in the
    /// headline); a news article with two question paragraphs is read as an
    /// interview from the first one on.
    pub UnsourcedClaim, code = "AC003", name = "unsourced-claim", severity = Warning
}

/// Why a statement is check-worthy, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// A count, amount or percentage.
    Figure,
    /// A named party's stated position (`Moscow’s demands`).
    Position,
    /// A calendar date or a year tied to a named actor.
    Date,
    /// A causal connective in a statement naming an actor.
    Cause,
}

impl Reason {
    fn message(self) -> &'static str {
        match self {
            Reason::Figure => "statement with a figure has no source",
            Reason::Position => "statement of a party’s position has no source",
            Reason::Date => "dated statement has no source",
            Reason::Cause => "causal claim has no source",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Reason::Figure => "figure",
            Reason::Position => "stated position",
            Reason::Date => "date",
            Reason::Cause => "causal claim",
        }
    }

    fn help(self) -> &'static str {
        match self {
            Reason::Figure => {
                "name where the figure comes from, e.g. `…, according to the health ministry`"
            }
            Reason::Position => {
                "name where the party stated it, e.g. `…, the ministry said in a statement`"
            }
            Reason::Date => "name who reported it, e.g. `…, the ministry said` or `according to …`",
            Reason::Cause => "name who makes the causal claim, e.g. `…, investigators said`",
        }
    }
}

/// One piece of evidence that a statement is check-worthy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// What kind of evidence.
    pub reason: Reason,
    /// The words that show it (`900`, `December 17`, `Moscow’s demands`).
    pub span: Span,
}

/// Words after a number that make it a time of day.
const TIME_SUFFIXES: &[&str] = &["am", "pm", "a.m", "p.m", "gmt", "utc", "cet", "est", "edt"];

/// Units after a number word that make it a span of time (`two years
/// ago`), not a count.
const TIME_UNITS: &[&str] = &[
    "seconds",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "decades",
    "centuries",
    "times",
];

/// Units glued to digits that keep them a figure (`5km`, `20kg`, `3bn`);
/// any other letters make a code or a decade (`81P`, `4G`, `1960s`).
const GLUED_UNITS: &[&str] = &[
    "k", "m", "bn", "mn", "tn", "km", "kg", "mph", "kmh", "mw", "gw", "kw", "t", "cm", "mm",
];

/// Words that may follow the verb of a speech tag before it ends (`…, the
/// fire service said on Tuesday`).
const TAG_ADJUNCTS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "yesterday",
    "today",
    "tonight",
    "last",
    "this",
    "earlier",
    "later",
    "late",
    "when",
    "while",
    "afterwards",
    "recently",
];

/// Currency signs that open an amount.
const CURRENCY: &[char] = &['$', '€', '£', '¥', '₴', '₽', '₹'];

/// The check-worthiness classifier: what in a span of the writer's words
/// makes it worth a source. Built once per article.
pub struct Classifier<'a> {
    text: &'a str,
    article: &'a Article,
    mentions: &'a Mentions,
    lexicon: &'a CheckWorthy,
    /// Causal, position and quantity phrases, by start.
    hits: Vec<(Span, WorthKind)>,
    /// Words the body writes capitalised inside a sentence: names, even
    /// where they open one.
    names: FxHashSet<&'a str>,
}

impl<'a> Classifier<'a> {
    /// The classifier of an article, from the shared word streams.
    pub fn new(
        text: &'a str,
        article: &'a Article,
        words: &'a Words,
        mentions: &'a Mentions,
        lexicon: &'a CheckWorthy,
    ) -> Self {
        let items = words.items();
        let hits = words
            .find(lexicon.matcher())
            .into_iter()
            .filter_map(|hit| {
                let range = words.word_range_items(hit.start..hit.end)?;
                let span = items[range.start].span.cover(items[range.end - 1].span);
                let kind = lexicon.phrases().get(hit.phrase as usize)?.kind;
                Some((span, kind))
            })
            .collect();
        let headline = article.headline.unwrap_or_default();
        let names = mentions
            .words
            .iter()
            .filter(|w| {
                !w.initial
                    && matches!(w.shape, Shape::Capitalised | Shape::Acronym)
                    && !headline.overlaps(w.span)
            })
            .map(|w| mentions.norm(w))
            .collect();
        Classifier {
            text,
            article,
            mentions,
            lexicon,
            hits,
            names,
        }
    }

    /// The evidence that the writer's words `content` are check-worthy,
    /// strongest reason first, then in text order. Empty when they are not.
    pub fn evidence(&self, content: &[Span]) -> Vec<Evidence> {
        let mut found = Vec::new();
        let mut named = false;
        for &span in content {
            let mut i = self.mentions.word_at_or_after(span.start) as usize;
            while let Some(w) = self.mentions.words.get(i) {
                if w.span.end > span.end {
                    break;
                }
                if !self.quoted(w.span) {
                    named |= self.is_name(w);
                    if let Some(e) = self.number(i) {
                        found.push(e);
                    }
                }
                i += 1;
            }
            for date in self.dates_in(span) {
                if !self.quoted(date) {
                    found.push(Evidence {
                        reason: Reason::Date,
                        span: date,
                    });
                }
            }
            let from = self.hits.partition_point(|(s, _)| s.start < span.start);
            for &(hit, kind) in self.hits[from..]
                .iter()
                .take_while(|(s, _)| s.start < span.end)
            {
                if hit.end > span.end || self.quoted(hit) {
                    continue;
                }
                let evidence = match kind {
                    WorthKind::Quantity => Some(Evidence {
                        reason: Reason::Figure,
                        span: hit,
                    }),
                    WorthKind::Causal => Some(Evidence {
                        reason: Reason::Cause,
                        span: hit,
                    }),
                    WorthKind::Position => self.possessor(hit).map(|owner| Evidence {
                        reason: Reason::Position,
                        span: owner.cover(hit),
                    }),
                    WorthKind::Label | WorthKind::Caption | WorthKind::Section => None,
                };
                found.extend(evidence);
            }
        }
        if !named {
            found.retain(|e| !matches!(e.reason, Reason::Date | Reason::Cause));
        }
        found.sort_by_key(|e| (e.reason, e.span.start));
        // A year inside a figure's span or a quantity phrase counted twice
        // is one piece of evidence.
        found.dedup_by(|b, a| a.span.start <= b.span.start && b.span.end <= a.span.end);
        found
    }

    /// Whether the writer's words `content` hold a speech tag the claim
    /// extractor did not read as one (`…, the fire service said on Tuesday,
    /// and …`): a speech or report verb that can end a tag, a comma at most
    /// six words before it. Such a statement has a source, so the rule stays
    /// silent rather than risk a false finding.
    pub fn has_tag(&self, content: &[Span], cues: &Cues) -> bool {
        const REACH: usize = 6;
        let words = &self.mentions.words;
        content.iter().any(|&span| {
            let from = self.mentions.word_at_or_after(span.start) as usize;
            let to = from + words[from..].partition_point(|w| w.span.end <= span.end);
            (from..to).any(|i| {
                let tag_verb = cues.senses(self.mentions.norm(&words[i])).iter().any(|s| {
                    matches!(s.class, CueClass::Speech | CueClass::Report)
                        && s.frames.has(Frame::Tag)
                        && !s.gerund
                });
                // `the damage is estimated at`: a passive names no source.
                let passive = i > from
                    && matches!(
                        self.mentions.norm(&words[i - 1]),
                        "is" | "are" | "was" | "were" | "be" | "been" | "being"
                    );
                // A tag ends at the verb, or runs on with a time or place
                // (`said on Tuesday,`); `Russia sent the United States …`
                // goes on with an object.
                let ends = match words.get(i + 1) {
                    None => true,
                    Some(next) => {
                        let between = self.text
                            [words[i].span.end as usize..next.span.start as usize]
                            .trim_start();
                        between.starts_with([',', '.', ';', ')'])
                            || (between.is_empty()
                                && TAG_ADJUNCTS.contains(&self.mentions.norm(next)))
                    }
                };
                tag_verb
                    && ends
                    && !passive
                    && words[from.max(i.saturating_sub(REACH))..=i]
                        .iter()
                        .any(|w| w.after_comma)
                    && !self.quoted(words[i].span)
            })
        })
    }

    /// Whether `span` lies inside a quotation.
    fn quoted(&self, span: Span) -> bool {
        self.article
            .quote_at(span.start)
            .and_then(|q| self.article.quotes.get(q as usize))
            .is_some_and(|q| q.inner.start <= span.start && span.end <= q.inner.end)
    }

    /// The calendar dates lying inside `span`, by binary search.
    fn dates_in(&self, span: Span) -> impl Iterator<Item = Span> + '_ {
        let dates = &self.article.dates;
        let from = dates.partition_point(|d| d.span.start < span.start);
        dates[from..]
            .iter()
            .take_while(move |d| d.span.start < span.end)
            .filter(move |d| d.span.end <= span.end)
            .map(|d| d.span)
    }

    /// Whether `span` is inside a calendar date (`17` in `December 17`).
    fn in_date(&self, span: Span) -> bool {
        let dates = &self.article.dates;
        let i = dates.partition_point(|d| d.span.start <= span.start);
        i.checked_sub(1)
            .and_then(|i| dates.get(i))
            .is_some_and(|d| span.end <= d.span.end)
    }

    /// Whether a word names an actor: capitalised, not a function or time
    /// word, and, where it opens a sentence, written capitalised inside one
    /// elsewhere in the body (`Russia`, not `Infected`).
    fn is_name(&self, w: &NameWord) -> bool {
        if !matches!(w.shape, Shape::Capitalised | Shape::Acronym) {
            return false;
        }
        let norm = self.mentions.norm(w);
        grammar::flags(norm) == 0
            && !self.lexicon.is_caption(norm)
            && (!w.initial || self.names.contains(norm))
    }

    /// The word `i` as a figure (or, for a year, a date), if it is one.
    fn number(&self, i: usize) -> Option<Evidence> {
        let words = &self.mentions.words;
        let w = &words[i];
        let prev = i
            .checked_sub(1)
            .and_then(|p| words.get(p))
            .filter(|_| !w.initial);
        let next = words.get(i + 1).filter(|n| !n.initial);
        if w.shape != Shape::Number {
            return self.number_word(w, prev, next);
        }
        let written = w.span.text(self.text);
        let digits_end = written
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(written.len());
        let suffix = &written[digits_end..];
        let after = &self.text[w.span.end as usize..];
        // Times (`10:30`), ordinals (`31st`), decades (`1960s`), codes
        // (`81P`, `4G`), ages (`42-year-old`) and dates are not figures.
        let before = &self.text[..w.span.start as usize];
        let time = (after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
            || (before.ends_with(':')
                && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit()));
        let glued = suffix.starts_with(|c: char| c.is_alphabetic())
            && !GLUED_UNITS.contains(&suffix.to_ascii_lowercase().as_str());
        if suffix.starts_with(':')
            || time
            || glued
            || suffix.starts_with("-year")
            || self.in_date(w.span)
        {
            return None;
        }
        if let Some(p) = prev {
            let norm = self.mentions.norm(p);
            let label = self.lexicon.is_label(norm) || self.age_of(i);
            // `Apollo 11`, `Boeing 747`: the number ends a name.
            let name_part = p.is_upper() && w.joined && grammar::flags(norm) == 0;
            if label || name_part {
                return None;
            }
        }
        if let Some(n) = next {
            if TIME_SUFFIXES.contains(&self.mentions.norm(n).trim_end_matches('.')) {
                return None;
            }
        }
        // `Jane Roe, 42, …`: an age in apposition.
        if w.after_comma && prev.is_some_and(|p| p.is_upper()) && after.starts_with(',') {
            return None;
        }
        let digits = &written[..digits_end];
        if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) && suffix.is_empty() {
            let year: u32 = digits.parse().ok()?;
            // `the 2013 election`: the year names the event, it does not
            // date the statement.
            let modifier = prev.is_some_and(|p| is_determiner(self.mentions.norm(p)));
            if modifier && (1000..=2100).contains(&year) {
                return None;
            }
            if (1000..=2100).contains(&year) {
                return Some(Evidence {
                    reason: Reason::Date,
                    span: w.span,
                });
            }
        }
        let mut span = w.span;
        let before = self.text[..span.start as usize].chars().next_back();
        if let Some(c) = before.filter(|c| CURRENCY.contains(c)) {
            span.start -= c.len_utf8() as u32;
        }
        if after.starts_with('%') {
            span.end += 1;
        } else if let Some(n) = next.filter(|n| scale_word(self.mentions.norm(n)).is_some()) {
            span.end = n.span.end;
        }
        Some(Evidence {
            reason: Reason::Figure,
            span,
        })
    }

    /// Whether word `i` is an age after `age of` or `aged` two words back
    /// (`at the age of 40`).
    fn age_of(&self, i: usize) -> bool {
        let words = &self.mentions.words;
        let norm = |k: usize| words.get(k).map_or("", |w| self.mentions.norm(w));
        i >= 2 && norm(i - 1) == "of" && self.lexicon.is_label(norm(i - 2))
    }

    /// A number word that counts something (`three people`), as a figure.
    fn number_word(
        &self,
        w: &NameWord,
        prev: Option<&NameWord>,
        next: Option<&NameWord>,
    ) -> Option<Evidence> {
        let norm = self.mentions.norm(w);
        let (value, ordinal) = number_word(norm)?;
        if ordinal || value < 2 {
            return None;
        }
        // `the two leaders`, `its three members`, `all three`, `the other
        // two`: a reference, not a count; `two years ago`: a time; `at age
        // seventeen`, `when she was six`: an age, which counts nothing.
        let reference = prev.is_some_and(|p| {
            let n = self.mentions.norm(p);
            is_determiner(n)
                || n == "other"
                || self.lexicon.is_label(n)
                || grammar::flags(n) & (grammar::DET | grammar::POSS | grammar::QUANT) != 0
        });
        let time = next.is_some_and(|n| TIME_UNITS.contains(&self.mentions.norm(n)));
        let counts = next.is_some_and(|n| {
            let between = &self.text[w.span.end as usize..n.span.start as usize];
            between.trim().is_empty() && grammar::flags(self.mentions.norm(n)) == 0
        });
        let age = self.age_of(self.mentions.word_at_or_after(w.span.start) as usize);
        (!reference && !time && !age && counts).then_some(Evidence {
            reason: Reason::Figure,
            span: w.span,
        })
    }

    /// The named possessor right before a position noun (`Moscow’s` in
    /// `Moscow’s demands`, `Russia’s latest proposals`).
    fn possessor(&self, noun: Span) -> Option<Span> {
        let words = &self.mentions.words;
        let at = self.mentions.word_at_or_after(noun.start) as usize;
        let mut k = at.checked_sub(1)?;
        let first = words.get(at)?;
        if first.initial {
            return None;
        }
        // One adjective may stand between (`Moscow’s latest demands`).
        if words[k].shape == Shape::Lower && at - k == 1 && !words[k].initial {
            let adjective = self.mentions.norm(&words[k]);
            if grammar::flags(adjective) == 0 {
                k = k.checked_sub(1)?;
            }
        }
        let owner = &words[k];
        let written = owner.span.text(self.text);
        let possessive = ["’s", "'s", "s’", "s'"]
            .iter()
            .any(|p| written.ends_with(p));
        (possessive && self.is_name(owner)).then_some(owner.span)
    }
}

/// Whether a claim is the writer's own statement: no attribution, and not
/// a quotation (whose missing speaker is `quote-without-speaker`'s).
fn is_writers_statement(claim: &Claim, article: &Article) -> bool {
    claim.kind == ClaimKind::Unattributed
        && claim.attribution == Attribution::None
        && !claim.is_unsourced_quotation(article)
}

impl Rule for UnsourcedClaim {
    fn check(&self, cx: &mut RuleContext<'_>) {
        let article = cx.article;
        let text = cx.text();
        let candidates: Vec<&Claim> = cx
            .claims
            .iter()
            .filter(|c| is_writers_statement(c, article))
            .filter(|c| {
                article
                    .sentences
                    .get(c.sentence as usize)
                    .and_then(|s| article.blocks.get(s.block as usize))
                    .is_some_and(|b| b.kind == BlockKind::Paragraph)
            })
            .collect();
        if candidates.is_empty() {
            return;
        }
        let lexicon = &cx.lexicon.check_worthy;
        let voices = cx.voices();
        let mut found = Vec::new();
        {
            let classifier = Classifier::new(text, article, cx.words(), cx.mentions(), lexicon);
            let mut last_sentence = None;
            for claim in candidates {
                let Some(sentence) = article.sentences.get(claim.sentence as usize) else {
                    continue;
                };
                if last_sentence == Some(claim.sentence)
                    || voices.of_block(sentence.block) != Voice::Narration
                    || is_question(text, article, sentence)
                    || has_caption_credit(text, article, sentence, lexicon)
                    || voices.about_interview(text, article, sentence)
                {
                    continue;
                }
                let evidence = classifier.evidence(&claim.content);
                if evidence.is_empty() || classifier.has_tag(&claim.content, &cx.lexicon.cues) {
                    continue;
                }
                last_sentence = Some(claim.sentence);
                found.push(diagnostic(claim, &evidence));
            }
        }
        for d in found {
            cx.report(d);
        }
    }
}

/// The finding for a statement and its evidence (strongest first).
fn diagnostic(claim: &Claim, evidence: &[Evidence]) -> Diagnostic {
    let primary = evidence[0];
    let mut d = Diagnostic::new(
        UnsourcedClaim::CODE,
        UnsourcedClaim::NAME,
        UnsourcedClaim::SEVERITY,
        primary.span,
        primary.reason.message(),
    )
    .primary_label(primary.reason.label());
    // At most one more label per reason, so a sentence full of figures
    // stays readable.
    let mut shown = vec![primary.reason];
    for e in &evidence[1..] {
        if !shown.contains(&e.reason) {
            shown.push(e.reason);
            d = d.label(e.span, e.reason.label());
        }
    }
    let statement = claim
        .content
        .iter()
        .copied()
        .reduce(Span::cover)
        .unwrap_or(claim.span);
    d.label(statement, "stated without a source")
        .help(primary.reason.help())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::rules::check_text;

    /// The evidence in `text`'s first sentence, as (reason, words).
    fn evidence(text: &str) -> Vec<(Reason, String)> {
        let article = crate::parse::parse_article(text);
        let words = Words::new(text, &article);
        let mentions = Mentions::new(text, &words);
        let lexicon = &Lexicon::builtin().check_worthy;
        let classifier = Classifier::new(text, &article, &words, &mentions, lexicon);
        let sentence = article.sentences[0].span;
        classifier
            .evidence(&[sentence])
            .into_iter()
            .map(|e| (e.reason, e.span.text(text).to_string()))
            .collect()
    }

    fn reasons(text: &str) -> Vec<Reason> {
        evidence(text).into_iter().map(|(r, _)| r).collect()
    }

    #[test]
    fn figures_are_counts_amounts_and_percentages() {
        assert_eq!(
            evidence("Fishermen rescued over 700 asylum seekers on Friday."),
            [(Reason::Figure, "700".to_string())]
        );
        assert_eq!(
            evidence("The fund lost $1.5 billion and 8% of its members."),
            [
                (Reason::Figure, "$1.5 billion".to_string()),
                (Reason::Figure, "8%".to_string())
            ]
        );
        assert_eq!(
            evidence("Three people died in the fire."),
            [(Reason::Figure, "Three".to_string())]
        );
        assert_eq!(
            evidence("Dozens of houses burned."),
            [(Reason::Figure, "Dozens of".to_string())]
        );
    }

    #[test]
    fn numbers_that_are_no_figures_are_skipped() {
        for text in [
            "The two leaders met again.",
            "The plant closed two years ago.",
            "The meeting starts at 10 a.m. in the hall.",
            "The last ballot was cast at 2:30 the next day.",
            "At the age of 40 he left the company.",
            "In 1995, at age seventeen, she joined the church.",
            "Her parents moved when she was six so they could work.",
            "Comet 81P was photographed in the 1960s by NASA.",
            "The other two candidates were Hui and Chan.",
            "She lives at No. 10 with her aunt.",
            "The rule is in chapter 3 of the code.",
            "Apollo 11 landed on the Moon.",
            "It was the 60th meeting of the club.",
            "The council met on the first floor.",
            "A 42-year-old man was arrested.",
            "Jane Roe, 42, was arrested.",
            "One of them left.",
        ] {
            assert_eq!(reasons(text), [], "{text}");
        }
    }

    #[test]
    fn dates_and_causes_need_a_named_actor() {
        assert_eq!(
            evidence("On December 17, Russia sent the United States proposals."),
            [(Reason::Date, "December 17".to_string())]
        );
        assert_eq!(
            reasons("On December 17, the weather was cold across the region."),
            []
        );
        assert_eq!(
            evidence("Prices rose because Gazprom cut supplies."),
            [(Reason::Cause, "because".to_string())]
        );
        assert_eq!(reasons("The game was delayed because of rain."), []);
        assert_eq!(
            evidence("In 1999, a cyclone hit the coast of Odisha."),
            [(Reason::Date, "1999".to_string())]
        );
    }

    #[test]
    fn a_named_partys_position_is_check_worthy() {
        let text = "Talks resumed. Moscow’s demands include a ban on Ukraine joining NATO. \
                    The proposals of Moscow were sent. Then Russia’s latest proposals arrived.";
        let article = crate::parse::parse_article(text);
        let words = Words::new(text, &article);
        let mentions = Mentions::new(text, &words);
        let classifier = Classifier::new(
            text,
            &article,
            &words,
            &mentions,
            &Lexicon::builtin().check_worthy,
        );
        let found = |i: usize| -> Vec<(Reason, &str)> {
            classifier
                .evidence(&[article.sentences[i].span])
                .into_iter()
                .map(|e| (e.reason, e.span.text(text)))
                .collect()
        };
        assert_eq!(found(1), [(Reason::Position, "Moscow’s demands")]);
        assert_eq!(found(2), []);
        assert_eq!(found(3), [(Reason::Position, "Russia’s latest proposals")]);
    }

    #[test]
    fn plain_narration_and_quoted_words_are_not_check_worthy() {
        assert_eq!(reasons("The leaders met in Geneva after the summit."), []);
        assert_eq!(reasons("Myanmar is mainly Buddhist."), []);
        assert_eq!(
            reasons("The sign read “300 killed because of the war” in red letters."),
            []
        );
    }

    #[test]
    fn one_finding_per_sentence_with_labels_on_every_reason() {
        let text = "Storm hits coast\n\n\
                    On May 2, the storm killed 12 people in Odisha because the levees failed.";
        let found = check_text(&UnsourcedClaim, text);
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!(d.message, "statement with a figure has no source");
        assert_eq!(d.span.text(text), "12");
        let labels: Vec<(&str, &str)> = d
            .labels
            .iter()
            .map(|l| (l.span.text(text), l.message.as_str()))
            .collect();
        assert_eq!(
            labels,
            [
                ("12", "figure"),
                ("May 2", "date"),
                ("because", "causal claim"),
                (
                    "On May 2, the storm killed 12 people in Odisha because the levees failed",
                    "stated without a source"
                ),
            ]
        );
        assert!(d
            .help
            .as_deref()
            .unwrap()
            .starts_with("name where the figure"));
    }

    #[test]
    fn attributed_questioned_and_captioned_statements_are_clean() {
        for text in [
            "Storm hits coast\n\nThe storm killed 12 people, police said.",
            "Storm hits coast\n\nDid the storm kill 12 people?",
            "Storm hits coast\n\nThe levee in 1999. Image: Odisha Archive.",
            "Storm hits coast\n\nWe counted 12 boats on the beach.",
        ] {
            assert_eq!(check_text(&UnsourcedClaim, text), [], "{text}");
        }
    }
}
