//! AC002 `paraphrase-drift`: reported speech that changes a meaning-bearing
//! word of its source (a number, a date, a negation, a modal, a name, a
//! loaded word) when the source is in the article or a `--source` file.

use super::align::{
    self,
    passage::{CAPITALISED, NUMBER, SENTENCE_END, STOP},
    EditKind, Found, Gap, GapKind, Passages, RefKind, Reference, Seq, Target, Thresholds,
    WordStore,
};
use super::quote_mismatch::{describe, excerpt, shorten, words_text, Speakers};
use super::{Rule, RuleContext};
use crate::claims::{Claim, ClaimKind};
use crate::diagnostic::Diagnostic;
#[cfg(test)]
use crate::diagnostic::Severity;
use crate::lexicon::{Lexicon, LoadedKind};
use crate::source::Span;
use std::collections::HashSet;

declare_rule! {
    /// ## What it does
    /// Flags reported speech that changes a word carrying the meaning of its
    /// source, when the source is in the document: an embedded post, a
    /// `--source` document, or a direct quotation of the same speaker.
    ///
    /// Reported speech is a paraphrase, or the unquoted part of a sentence
    /// that mixes paraphrase and quotation. The words that carry the
    /// meaning are:
    ///
    /// - a **number** (`20` → `30`) or a **date** (`Sunday` → `Monday`,
    ///   `March` → `May`);
    /// - a **negation** added or dropped (`not`, `no`, `never`, `n’t`);
    /// - the **modality**: a hedge dropped (`may close` → `close`), or a
    ///   substitution of `rules/lexicons/loaded-words.json` (`may` → `will`,
    ///   `engagements` → `clashes`, `said` → `admitted`);
    /// - a **name**: one person put for another (both in the names list of
    ///   `rules/lexicons/names.json`, or both speakers in the article).
    ///
    /// The source passage is found as for `quote-mismatch` (AC001), with the
    /// same index and word alignment, for each clause of the reported speech
    /// (split before `and that`, `but that`, as one sentence often reports
    /// two statements): a passage counts when the similarity of the aligned
    /// words is at least 0.50 (0.40 when the article names that post, or a
    /// post signed by the speaker, as the claim's source), with at least
    /// three equal content words and two consecutive equal words. A negation
    /// or hedge in the three source words before the passage (“We are not
    /// planning …”) counts as part of it. Rewording that keeps the meaning
    /// (`build-up on Ukraine’s borders` → `buildup on the borders of
    /// Ukraine`), tense shifts of reported speech (`will` → `would`) and
    /// words the paraphrase adds or leaves out, other than negations and
    /// hedges, are not reported. Quoted words inside the sentence are left to
    /// `quote-mismatch`.
    ///
    /// ## Why is this bad?
    /// Readers take reported speech as a faithful summary. A paraphrase that
    /// turns a possibility into a certainty, a meeting into a clash, or 20
    /// into 30 misreports the source while still naming it, and the source
    /// is one click away for anyone checking.
    ///
    /// ## Example
    /// ```text
    /// The mayor wrote that the ferry will stop running on Monday.
    ///
    /// The ferry may stop running on Monday if the strike goes ahead.
    /// — Ana Ruiz (@mayorruiz) March 3, 2023
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The mayor wrote that the ferry may stop running on Monday if the
    /// strike goes ahead.
    /// ```
    ///
    /// ## Known problems
    /// Only substitutions the lists know are loaded; a new euphemism or
    /// escalation is not found. A paraphrase reworded so much that fewer than
    /// half its words align with the source is not compared. Names outside
    /// the names list and the article's speakers are not compared, so a
    /// place or an institution put for another is not reported. Needs the
    /// claim extractor to tell reported speech from narration.
    pub ParaphraseDrift, code = "AC002", name = "paraphrase-drift", severity = Warning
}

/// Reported speech with fewer (unquoted) words is not compared.
pub const MIN_PARAPHRASE_WORDS: usize = 5;

/// Longer reported speech is not compared.
pub const MAX_PARAPHRASE_WORDS: usize = 2000;

/// What a passage needs to count as the source of reported speech.
pub const THRESHOLDS: Thresholds = Thresholds {
    min_score: 0.5,
    min_matched_content: 3,
    min_run: 2,
    relaxed_score: 0.75,
};

/// The lower similarity accepted when the article names the source.
pub const LINKED_MIN_SCORE: f32 = 0.4;

/// Negations: adding or dropping one reverses the meaning. Sorted.
const NEGATIONS: &[&str] = &[
    "aren't",
    "can't",
    "cannot",
    "couldn't",
    "didn't",
    "doesn't",
    "don't",
    "hadn't",
    "hasn't",
    "haven't",
    "isn't",
    "neither",
    "never",
    "no",
    "nobody",
    "none",
    "nor",
    "not",
    "nothing",
    "shouldn't",
    "wasn't",
    "weren't",
    "won't",
    "wouldn't",
];

/// Hedges: dropping one turns a possibility into a fact. Sorted.
const HEDGES: &[&str] = &[
    "could", "likely", "may", "maybe", "might", "perhaps", "possibly", "probably",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const SEASONS: &[&str] = &["autumn", "fall", "spring", "summer", "winter"];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Number words (after `equivalents.json`, `2` reads `two`).
const NUMBER_WORDS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("hundred", 100),
    ("thousand", 1000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
];

impl Rule for ParaphraseDrift {
    fn check(&self, cx: &mut RuleContext<'_>) {
        let reported = |c: &Claim| {
            matches!(c.kind, ClaimKind::Indirect | ClaimKind::Mixed) && c.speaker.is_some()
        };
        if !cx.claims.iter().any(reported) {
            return;
        }
        let passages = cx.passages();
        let text = cx.text();
        let speakers = Speakers::new(text, cx.article, cx.claims);
        let people = People::new(cx.lexicon, &speakers, cx.claims);
        // Which claims can have a source at all: a document or a post may
        // be any claim's; a quotation only its own speaker's. Claims with
        // none are not tokenised and looked up.
        let any_source = !passages.sources.docs().is_empty()
            || passages
                .article
                .refs()
                .iter()
                .any(|r| matches!(r.kind, RefKind::Post(_)));
        let quoted: HashSet<&str> = passages
            .article
            .refs()
            .iter()
            .filter_map(|r| match r.kind {
                RefKind::Quote(q) => speakers.of_quote(q),
                _ => None,
            })
            .collect();
        let mut store = WordStore::default();
        let mut found = Vec::new();
        for claim in cx.claims.iter().filter(|c| reported(c)) {
            let speaker = speakers.key(claim);
            if !any_source && !speaker.as_deref().is_some_and(|s| quoted.contains(s)) {
                continue;
            }
            let start = store.len() as u32;
            let gaps = paraphrase_words(text, cx, claim, &mut store);
            let range = start..store.len() as u32;
            if !(MIN_PARAPHRASE_WORDS..=MAX_PARAPHRASE_WORDS).contains(&range.len()) {
                continue;
            }
            let accept = |_: Target, candidate: &Reference| match candidate.kind {
                RefKind::Quote(q) => {
                    !candidate.span.overlaps(claim.span)
                        && speaker.is_some()
                        && speaker.as_deref() == speakers.of_quote(q)
                }
                RefKind::Post(_) => !candidate.span.overlaps(claim.span),
                RefKind::Document(_) => true,
            };
            let thresholds = Thresholds {
                min_score: LINKED_MIN_SCORE,
                ..THRESHOLDS
            };
            let mut parts = Vec::new();
            for clause in clauses(&store, range.clone()) {
                // The gaps of this clause, numbered from its first word.
                let offset = clause.start - range.start;
                let clause_gaps: Vec<Gap> = gaps
                    .iter()
                    .filter(|g| (offset..=offset + clause.len() as u32).contains(&g.at))
                    .map(|g| Gap {
                        at: g.at - offset,
                        ..*g
                    })
                    .collect();
                let seq = Seq::new(&store, clause.clone());
                let Some(source) =
                    passages.find(seq, &clause_gaps, claim.span.start, &accept, thresholds)
                else {
                    continue;
                };
                let linked = passages
                    .reference(source.target)
                    .is_some_and(|r| speakers.claim_links(claim, r));
                if !linked && source.alignment.score < THRESHOLDS.min_score {
                    continue;
                }
                let drifts = drifts(&passages, cx.lexicon, &people, &store, clause, &source);
                if !drifts.is_empty() {
                    parts.push((source, drifts));
                }
            }
            if !parts.is_empty() {
                found.push(diagnostic(&passages, cx, &store, range, &parts));
            }
        }
        for d in found {
            cx.report(d);
        }
    }
}

/// The clauses of reported speech that may come from different places of
/// the source: split before `and that` / `but that` (“said the budget had
/// grown, and that the wards would follow”). A clause shorter than
/// [`MIN_PARAPHRASE_WORDS`] stays with the one before.
fn clauses(store: &WordStore, range: std::ops::Range<u32>) -> Vec<std::ops::Range<u32>> {
    let mut out: Vec<std::ops::Range<u32>> = Vec::new();
    let mut start = range.start;
    for i in range.start + 1..range.end.saturating_sub(1) {
        let conjunction = matches!(store.norm(i as usize), "and" | "but");
        if conjunction
            && store.norm(i as usize + 1) == "that"
            && (i - start) as usize >= MIN_PARAPHRASE_WORDS
            && (range.end - i) as usize >= MIN_PARAPHRASE_WORDS
        {
            out.push(start..i);
            start = i;
        }
    }
    out.push(start..range.end);
    out
}

/// Appends the words of a claim's content outside its quotations to
/// `store`; each quotation leaves an ellipsis gap (its words are
/// `quote-mismatch`'s to compare).
fn paraphrase_words(
    text: &str,
    cx: &RuleContext<'_>,
    claim: &Claim,
    store: &mut WordStore,
) -> Vec<Gap> {
    let start = store.len() as u32;
    let mut gaps = Vec::new();
    let quotes = &cx.article.quotes;
    let equivalents = &cx.lexicon.equivalents;
    for &fragment in &claim.content {
        let mut from = fragment.start;
        // The outermost quotations overlapping the fragment, in order: the
        // one open at its start (if any), then those opening inside.
        let first = quotes
            .partition_point(|q| q.span.start < fragment.start)
            .saturating_sub(1);
        let overlapping = quotes[first..]
            .iter()
            .take_while(|q| q.span.start < fragment.end)
            .filter(|q| q.depth == 0 && q.span.end > fragment.start);
        for quote in overlapping {
            if quote.span.end <= from {
                continue;
            }
            if quote.span.start > from {
                store.push_article(
                    text,
                    cx.article,
                    Span::new(from, quote.span.start),
                    equivalents,
                );
            }
            gaps.push(Gap {
                at: store.len() as u32 - start,
                kind: GapKind::Ellipsis,
                span: quote.span,
            });
            from = quote.span.end;
        }
        if from < fragment.end {
            store.push_article(text, cx.article, Span::new(from, fragment.end), equivalents);
        }
    }
    gaps
}

/// What kind of meaning changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DriftKind {
    Number,
    Date,
    Negation,
    Hedge,
    Name,
    Loaded(LoadedKind),
}

impl DriftKind {
    fn name(self) -> &'static str {
        match self {
            DriftKind::Number => "number",
            DriftKind::Date => "date",
            DriftKind::Negation => "negation",
            DriftKind::Hedge | DriftKind::Loaded(LoadedKind::Modality) => "modality",
            DriftKind::Name => "name",
            DriftKind::Loaded(LoadedKind::Certainty) => "certainty",
            DriftKind::Loaded(LoadedKind::Quantity) => "quantity",
            DriftKind::Loaded(LoadedKind::Escalation) => "escalation",
            DriftKind::Loaded(LoadedKind::Judgement) => "judgement",
            DriftKind::Loaded(LoadedKind::Verdict) => "verdict",
            DriftKind::Loaded(LoadedKind::Pressure) => "pressure",
        }
    }
}

/// One change of meaning.
#[derive(Clone, Debug)]
struct Drift {
    kind: DriftKind,
    /// Where the source passage is.
    target: Target,
    /// The source words shown (indices in the target's store).
    source: std::ops::Range<u32>,
    /// The paraphrase words shown (indices in the paraphrase store); empty
    /// for a drop, placed where the words would be.
    query: std::ops::Range<u32>,
    /// How the words changed.
    edit: EditKind,
    /// For a negation: the negation word and whether the paraphrase adds it.
    negation: Option<(String, bool)>,
    /// The lexicon's explanation, when there is one.
    note: Option<String>,
}

/// The people a name substitution is checked against: the names list's
/// short forms and the article's speakers, each with an identity.
///
/// The names list's index is built once with the lexicon; the speakers'
/// keys only when a substitution is first checked (most articles never
/// get there).
struct People<'a> {
    names: &'a crate::lexicon::Names,
    speakers: &'a Speakers<'a>,
    claims: &'a [Claim],
    speaker_keys: std::cell::OnceCell<HashSet<String>>,
}

/// Who a word names: a listed person, or a speaker of the article (by key)
/// outside the names list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Identity<'k> {
    Listed(u32),
    Speaker(&'k str),
}

impl<'a> People<'a> {
    fn new(lexicon: &'a Lexicon, speakers: &'a Speakers<'a>, claims: &'a [Claim]) -> Self {
        People {
            names: &lexicon.names,
            speakers,
            claims,
            speaker_keys: std::cell::OnceCell::new(),
        }
    }

    fn identity<'f>(&self, form: &'f str) -> Option<Identity<'f>> {
        let bare = crate::lexicon::matcher::strip_possessive(form);
        if let Some(entry) = self.names.person(bare) {
            return Some(Identity::Listed(entry));
        }
        let keys = self.speaker_keys.get_or_init(|| {
            self.claims
                .iter()
                .filter_map(|c| self.speakers.key(c))
                .collect()
        });
        keys.contains(bare).then_some(Identity::Speaker(bare))
    }
}

/// The changes of meaning in the alignment of paraphrase words `query`
/// with its source.
fn drifts(
    passages: &Passages<'_>,
    lexicon: &Lexicon,
    people: &People,
    store: &WordStore,
    query: std::ops::Range<u32>,
    source: &Found,
) -> Vec<Drift> {
    let sstore = passages.store(source.target);
    let stext = passages.text(source.target);
    let side = |s: &WordStore, r: std::ops::Range<u32>| -> Vec<(u8, String)> {
        r.map(|i| (s.words()[i as usize].flags, s.norm(i as usize).to_string()))
            .collect()
    };
    let is_negation = |w: &str| NEGATIONS.binary_search(&w).is_ok();
    let mut out = Vec::new();
    let mut balance = 0i32;
    let mut first_negation: Option<Drift> = None;
    for edit in &source.alignment.edits {
        let q = query.start + edit.query.start..query.start + edit.query.end;
        let old = side(sstore, edit.source.clone());
        let new = side(store, q.clone());
        let count = |words: &[(u8, String)]| words.iter().filter(|(_, w)| is_negation(w)).count();
        let delta = count(&new) as i32 - count(&old) as i32;
        let drift = |kind: DriftKind, words: Option<(usize, usize)>, note: Option<String>| {
            let (source_words, query_words) = match words {
                Some((s, w)) => (
                    edit.source.start + s as u32..edit.source.start + s as u32 + 1,
                    q.start + w as u32..q.start + w as u32 + 1,
                ),
                None => (edit.source.clone(), q.clone()),
            };
            Drift {
                kind,
                target: source.target,
                source: source_words,
                query: query_words,
                edit: edit.kind,
                negation: None,
                note,
            }
        };
        if delta != 0 && first_negation.is_none() {
            let added = delta > 0;
            let word = if added { &new } else { &old }
                .iter()
                .find(|(_, w)| is_negation(w))
                .map(|(_, w)| w.clone())
                .unwrap_or_default();
            let mut d = drift(DriftKind::Negation, None, None);
            d.negation = Some((word, added));
            first_negation = Some(d);
        }
        balance += delta;
        match edit.kind {
            EditKind::Substituted => {
                let old_text = words_text(stext, sstore, edit.source.clone());
                let new_text = words_text(passages.text, store, q.clone());
                if let Some((kind, note, words)) = loaded(lexicon, old_text, new_text, &old, &new) {
                    out.push(drift(DriftKind::Loaded(kind), words, note));
                } else if let (Some((i, a)), Some((j, b))) = (number(&old), number(&new)) {
                    if a != b {
                        out.push(drift(DriftKind::Number, Some((i, j)), None));
                    }
                } else if let Some(words) = differs(&old, &new, WEEKDAYS, 0)
                    .or_else(|| differs(&old, &new, MONTHS, CAPITALISED))
                    .or_else(|| differs(&old, &new, SEASONS, 0))
                {
                    out.push(drift(DriftKind::Date, Some(words), None));
                } else if drops_hedge(&old, &new) {
                    out.push(drift(DriftKind::Hedge, None, None));
                } else if other_person(people, &old, &new) {
                    out.push(drift(DriftKind::Name, None, None));
                }
            }
            EditKind::Dropped if drops_hedge(&old, &new) => {
                out.push(drift(DriftKind::Hedge, None, None));
            }
            EditKind::Dropped | EditKind::Added => {}
        }
    }
    // A negation or hedge just before the passage (“We are not | planning
    // to cut”) governs it, though the alignment leaves it out as an edge.
    let lead = lead_words(passages, source);
    let query_lead = source
        .alignment
        .edits
        .first()
        .filter(|e| e.kind == EditKind::Added && e.query.start == 0)
        .map_or(query.start..query.start, |e| {
            query.start + e.query.start..query.start + e.query.end
        });
    let lead_side = side(sstore, lead.clone());
    let query_side = side(store, query_lead.clone());
    let dropped = |word: &(u8, String), kind: DriftKind| Drift {
        kind,
        target: source.target,
        source: lead.start..lead.end,
        query: query_lead.end..query_lead.end,
        edit: EditKind::Dropped,
        negation: (kind == DriftKind::Negation).then(|| (word.1.clone(), false)),
        note: None,
    };
    if let Some(word) = lead_side.iter().find(|(_, w)| is_negation(w)) {
        balance -= 1;
        if first_negation.is_none() && !query_side.iter().any(|(_, w)| is_negation(w)) {
            first_negation = Some(dropped(word, DriftKind::Negation));
        }
    }
    if balance != 0 {
        out.extend(first_negation);
    }
    if drops_hedge(&lead_side, &query_side) {
        if let Some(word) = lead_side
            .iter()
            .find(|(_, w)| HEDGES.binary_search(&w.as_str()).is_ok())
        {
            out.push(dropped(word, DriftKind::Hedge));
        }
    }
    out.sort_by_key(|d| (d.query.start, d.source.start));
    out
}

/// The source words just before a passage, up to three and within its
/// sentence (store indices of the target).
fn lead_words(passages: &Passages<'_>, source: &Found) -> std::ops::Range<u32> {
    let start = source.alignment.passage.start;
    let Some(reference) = passages.reference(source.target) else {
        return start..start;
    };
    let words = passages.store(source.target).words();
    let floor = start.saturating_sub(3).max(reference.words.start);
    let mut first = start;
    while first > floor && !words[first as usize - 1].is(SENTENCE_END) {
        first -= 1;
    }
    first..start
}

/// A substitution of the loaded-words list: the whole phrases, else a word
/// pair of a short substitution. Returns the kind, the lexicon's note and,
/// for a word pair, the two words' offsets.
#[allow(clippy::type_complexity)]
fn loaded(
    lexicon: &Lexicon,
    old_text: &str,
    new_text: &str,
    old: &[(u8, String)],
    new: &[(u8, String)],
) -> Option<(LoadedKind, Option<String>, Option<(usize, usize)>)> {
    let hit = |from: &str, to: &str| {
        lexicon
            .loaded_words
            .get(from, to)
            .map(|w| (w.kind, w.note.clone()))
    };
    if let Some((kind, note)) = hit(old_text, new_text) {
        return Some((kind, note, None));
    }
    if old.len() > 3 || new.len() > 3 {
        return None;
    }
    old.iter()
        .enumerate()
        .flat_map(|(i, (_, a))| new.iter().enumerate().map(move |(j, (_, b))| (i, a, j, b)))
        .find_map(|(i, a, j, b)| hit(a, b).map(|(kind, note)| (kind, note, Some((i, j)))))
}

/// The offset and value of the first number in `words`, if any.
fn number(words: &[(u8, String)]) -> Option<(usize, u64)> {
    words.iter().enumerate().find_map(|(i, (flags, w))| {
        let value = if flags & NUMBER != 0 {
            let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        } else {
            NUMBER_WORDS
                .iter()
                .find(|(name, _)| name == w)
                .map(|&(_, v)| v)
        };
        value.map(|v| (i, v))
    })
}

/// The offsets of the members of `class` (weekdays, months) both sides
/// name, when they differ; written with `flags` (months capitalised: `may`
/// is a modal).
fn differs(
    old: &[(u8, String)],
    new: &[(u8, String)],
    class: &[&str],
    flags: u8,
) -> Option<(usize, usize)> {
    let pick = |words: &[(u8, String)]| {
        words
            .iter()
            .position(|(f, w)| f & flags == flags && class.contains(&w.as_str()))
    };
    let (i, j) = (pick(old)?, pick(new)?);
    (old[i].1 != new[j].1).then_some((i, j))
}

/// Whether the source side has a hedge the other side lacks entirely.
fn drops_hedge(old: &[(u8, String)], new: &[(u8, String)]) -> bool {
    let hedged = |words: &[(u8, String)]| {
        words
            .iter()
            .any(|(_, w)| HEDGES.binary_search(&w.as_str()).is_ok() || w == "would")
    };
    old.iter()
        .any(|(_, w)| HEDGES.binary_search(&w.as_str()).is_ok())
        && !hedged(new)
}

/// Whether a one-word substitution puts one known person for another.
fn other_person(people: &People, old: &[(u8, String)], new: &[(u8, String)]) -> bool {
    let [(of, o)] = old else { return false };
    let [(nf, n)] = new else { return false };
    // Capitalised and not a function word; a sentence's first word counts
    // too, as the lookup below only knows people.
    let name = |flags: u8| flags & CAPITALISED != 0 && flags & STOP == 0;
    if !name(*of) || !name(*nf) {
        return false;
    }
    let (Some(a), Some(b)) = (people.identity(o), people.identity(n)) else {
        return false;
    };
    // Spelling variants are `name-spelling`'s business.
    a != b && strsim::jaro_winkler(o, n) < 0.85
}

/// The finding for one claim: its drifts, found in one or more clauses.
fn diagnostic(
    passages: &Passages<'_>,
    cx: &RuleContext<'_>,
    store: &WordStore,
    paraphrase: std::ops::Range<u32>,
    parts: &[(Found, Vec<Drift>)],
) -> Diagnostic {
    let text = passages.text;
    let drifts: Vec<&Drift> = parts.iter().flat_map(|(_, d)| d).collect();
    let descs: Vec<String> = parts
        .iter()
        .map(|(found, _)| describe(passages, cx.article, found.target, false))
        .collect();
    let desc = if descs.iter().all(|d| *d == descs[0]) {
        format!("what {} says", descs[0])
    } else {
        "what its sources say".to_string()
    };
    let source_words = |d: &Drift| {
        shorten(
            words_text(
                passages.text(d.target),
                passages.store(d.target),
                d.source.clone(),
            ),
            40,
        )
    };
    let at = |d: &Drift| {
        align::span_of(store, d.query.clone()).unwrap_or_else(|| {
            // A drop: the paraphrase word before it, else after.
            let i = d
                .query
                .start
                .checked_sub(1)
                .filter(|&i| i >= paraphrase.start)
                .unwrap_or(d.query.start)
                .min(paraphrase.end - 1);
            store.words()[i as usize].span
        })
    };
    let item = |d: &Drift| {
        let old = source_words(d);
        let new = shorten(words_text(text, store, d.query.clone()), 40);
        match (&d.negation, d.edit) {
            (Some((word, true)), _) => format!("adds “{word}”"),
            (Some((word, false)), _) => format!("drops “{word}”"),
            (None, EditKind::Dropped) => format!("drops “{old}”"),
            _ => format!("“{new}” for “{old}” ({})", d.kind.name()),
        }
    };
    let caption = |d: &Drift| match &d.negation {
        Some((_, true)) => "not in the source".to_string(),
        Some((word, false)) => format!("source has “{word}” here"),
        None => format!("source has “{}”", source_words(d)),
    };
    let items: Vec<String> = drifts.iter().map(|d| item(d)).collect();
    let message = format!("paraphrase changes {desc}: {}", items.join(", "));
    let first = drifts[0];
    let mut d = Diagnostic::new(
        ParaphraseDrift::CODE,
        ParaphraseDrift::NAME,
        ParaphraseDrift::SEVERITY,
        at(first),
        message,
    )
    .primary_label(caption(first));
    for drift in &drifts[1..] {
        d = d.label(at(drift), caption(drift));
    }
    let mut exact = Vec::new();
    let mut notes: Vec<String> = drifts.iter().filter_map(|d| d.note.clone()).collect();
    notes.dedup();
    let mut similarity = Vec::new();
    for ((found, part), desc) in parts.iter().zip(&descs) {
        let sstore = passages.store(found.target);
        let passage = align::span_of(sstore, found.alignment.passage.clone());
        if let (Target::Article(_), Some(span)) = (found.target, passage) {
            if !d.labels.iter().any(|l| l.span == span) {
                d = d.label(span, format!("{desc} reads this"));
            }
        }
        if let Some(span) = passage {
            let first_source = part
                .iter()
                .filter_map(|d| align::span_of(sstore, d.source.clone()))
                .min();
            exact.push(excerpt(passages.text(found.target), span, first_source));
        }
        similarity.push(format!("{:.2} with {desc}", found.alignment.score));
    }
    d = d.help(format!(
        "report what the source says, or quote it: “{}”",
        exact.join("” … “")
    ));
    notes.push(format!(
        "similarity {}; compared from {:.2} ({:.2} when the article names the source)",
        similarity.join(", "),
        THRESHOLDS.min_score,
        LINKED_MIN_SCORE
    ));
    d.note(notes.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Attribution, Speaker, SpeakerKind};
    use crate::parse::parse_article;
    use crate::source::SourceFile;

    fn span(text: &str, needle: &str) -> Span {
        let start = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in text"));
        Span::from_range(start..start + needle.len())
    }

    /// Runs the rule with one claim per `(kind, content, speaker)`, and
    /// `sources` as `--source` documents.
    fn check(text: &str, claims: &[(ClaimKind, &str, &str)], sources: &[&str]) -> Vec<Diagnostic> {
        let article = parse_article(text);
        let claims: Vec<Claim> = claims
            .iter()
            .enumerate()
            .map(|(i, &(kind, content, speaker))| {
                let content = span(text, content);
                let who = span(text, speaker);
                Claim {
                    id: i as u32,
                    kind,
                    span: content.cover(who),
                    content: vec![content],
                    speaker: Some(Speaker {
                        span: who,
                        name: Some(who),
                        role: None,
                        anonymous: false,
                        kind: SpeakerKind::Person,
                        resolved: None,
                    }),
                    cue: None,
                    chain: Vec::new(),
                    attribution: Attribution::Explicit,
                    sentence: 0,
                    quotes: article.quotes_in(content).map(|(q, _)| q).collect(),
                }
            })
            .collect();
        let lexicon = Lexicon::builtin();
        let sources = crate::rules::Sources::new(
            sources
                .iter()
                .enumerate()
                .map(|(i, t)| SourceFile::new(format!("source-{i}.txt"), *t).unwrap())
                .collect(),
            &lexicon.equivalents,
        );
        let source = SourceFile::new("t.txt", text).unwrap();
        let mut cx = RuleContext::new(&source, &article, &claims, lexicon).with_sources(&sources);
        ParaphraseDrift.check(&mut cx);
        cx.into_diagnostics()
    }

    const POST: &str = "Ferry service update\n\n\
        {PARAPHRASE}\n\n\
        The night ferry may stop running on Sunday if the strike goes ahead, and 1,200 \
        passengers would then need another way home.\n\
        — Ana Ruiz (@mayorruiz) March 3, 2023\n";

    fn with_post(paraphrase: &str) -> String {
        POST.replace("{PARAPHRASE}", paraphrase)
    }

    #[test]
    fn a_modal_made_certain_is_drift() {
        let text = with_post(
            "Mayor Ana Ruiz wrote that the night ferry will stop running on Sunday if the strike goes ahead.",
        );
        let found = check(
            &text,
            &[(
                ClaimKind::Indirect,
                "the night ferry will stop running on Sunday if the strike goes ahead",
                "Mayor Ana Ruiz",
            )],
            &[],
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        let d = &found[0];
        assert_eq!((d.code.as_str(), d.severity), ("AC002", Severity::Warning));
        assert_eq!(
            d.message,
            "paraphrase changes what the embedded post says: “will” for “may” (modality)"
        );
        assert_eq!(d.span.text(&text), "will");
        assert_eq!(d.labels[0].message, "source has “may”");
        assert_eq!(
            d.labels[1].span.text(&text),
            "The night ferry may stop running on Sunday if the strike goes ahead"
        );
        assert!(d
            .note
            .as_deref()
            .unwrap()
            .starts_with("a possibility became a certainty"));
    }

    #[test]
    fn numbers_dates_and_dropped_hedges_are_drift() {
        let text = with_post(
            "The mayor, Ana Ruiz, wrote that the night ferry stops running on Monday if the strike goes ahead, and that 2,000 passengers would need another way home.",
        );
        let found = check(
            &text,
            &[(
                ClaimKind::Indirect,
                "the night ferry stops running on Monday if the strike goes ahead, and that 2,000 passengers would need another way home",
                "Ana Ruiz",
            )],
            &[],
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "paraphrase changes what the embedded post says: “stops” for “may stop” (modality), “Monday” for “Sunday” (date), “2,000” for “1,200” (number)"
        );
    }

    #[test]
    fn an_added_negation_is_drift() {
        let text = "Council tax\n\n\
            Councillor Maria Keane said the council would not raise taxes this year to pay for the new bridge.\n";
        let transcript = "KEANE: The council will raise taxes this year to pay for the new bridge. There is no other way.";
        let found = check(
            text,
            &[(
                ClaimKind::Indirect,
                "the council would not raise taxes this year to pay for the new bridge",
                "Councillor Maria Keane",
            )],
            &[transcript],
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "paraphrase changes what `source-0.txt` says: adds “not”"
        );
        assert_eq!(found[0].labels.len(), 1, "no label in another file");
    }

    #[test]
    fn each_reported_clause_finds_its_own_passage() {
        let text = "Budget\n\n\
            Ortiz said the budget had gone up by about twelve percent because of steel prices, and that the rest of the wards would follow within six months.\n";
        let transcript = "ORTIZ: The rest of the wards will follow within three months. \
            We opened two wards today.\n\nREPORTER: And the budget?\n\n\
            ORTIZ: The budget has gone up by about eight percent because of steel prices.";
        let found = check(
            text,
            &[(
                ClaimKind::Indirect,
                "the budget had gone up by about twelve percent because of steel prices, and that the rest of the wards would follow within six months",
                "Ortiz",
            )],
            &[transcript],
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "paraphrase changes what `source-0.txt` says: “twelve” for “eight” (number), “six” for “three” (number)"
        );
        assert_eq!(found[0].labels.len(), 2);
        assert!(found[0].help.as_deref().unwrap().contains("” … “"));
    }

    #[test]
    fn a_negation_just_before_the_passage_counts() {
        let text = "Routes\n\n\
            “We are not planning to cut any routes this year,” director Ines Vogel said.\n\n\
            Vogel said that the company was planning to cut routes this year.\n";
        let claims = [(
            ClaimKind::Indirect,
            "that the company was planning to cut routes this year",
            "Vogel said",
        )];
        // The direct quotation is only compared when it has the same speaker.
        assert!(check(text, &claims, &[]).is_empty());
        let article = parse_article(text);
        let quote = span(text, "“We are not planning to cut any routes this year,”");
        let who = span(text, "director Ines Vogel");
        let mut all = vec![Claim {
            id: 0,
            kind: ClaimKind::Direct,
            span: quote.cover(who),
            content: vec![quote],
            speaker: Some(Speaker {
                span: who,
                name: Some(span(text, "Ines Vogel")),
                role: None,
                anonymous: false,
                kind: SpeakerKind::Person,
                resolved: None,
            }),
            cue: None,
            chain: Vec::new(),
            attribution: Attribution::Explicit,
            sentence: 1,
            quotes: vec![0],
        }];
        let content = span(
            text,
            "that the company was planning to cut routes this year",
        );
        let vogel = span(text, "Vogel said");
        all.push(Claim {
            id: 1,
            kind: ClaimKind::Indirect,
            span: vogel.cover(content),
            content: vec![content],
            speaker: Some(Speaker {
                span: Span::new(vogel.start, vogel.start + 5),
                name: Some(Span::new(vogel.start, vogel.start + 5)),
                role: None,
                anonymous: false,
                kind: SpeakerKind::Person,
                resolved: None,
            }),
            cue: None,
            chain: Vec::new(),
            attribution: Attribution::Explicit,
            sentence: 2,
            quotes: Vec::new(),
        });
        let source = SourceFile::new("t.txt", text).unwrap();
        let mut cx = RuleContext::new(&source, &article, &all, Lexicon::builtin());
        ParaphraseDrift.check(&mut cx);
        let found = cx.into_diagnostics();
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "paraphrase changes what the quotation says: drops “not”"
        );
        assert_eq!(found[0].span.text(text), "was");
        assert_eq!(found[0].labels[0].message, "source has “not” here");
    }

    #[test]
    fn a_person_put_for_another_is_drift() {
        let text = "Call on Sunday\n\n\
            The White House said Blinken will call Zelensky on Sunday to discuss security guarantees.\n\n\
            WH says Biden will call Zelensky on Sunday to discuss security guarantees.\n\
            — darlene superville (@dsupervilleap) December 31, 2021\n";
        let found = check(
            text,
            &[(
                ClaimKind::Indirect,
                "Blinken will call Zelensky on Sunday to discuss security guarantees",
                "The White House",
            )],
            &[],
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "paraphrase changes what the embedded post says: “Blinken” for “Biden” (name)"
        );
    }

    #[test]
    fn a_faithful_paraphrase_is_not_drift() {
        let text = "Build-up\n\n\
            The journalist’s post also says that the parties will discuss Russia’s military buildup on the borders of Ukraine, and “will consider preparations for the upcoming diplomatic clashes.”\n\n\
            WH says Biden will speak w Ukraine’s leader on Sunday to reaffirm US support for Ukraine’s sovereignty/territorial integrity, discuss Russia’s military build-up on Ukraine’s borders, and review preparations for upcoming diplomatic engagements to help de-escalate regional tension.\n\
            — darlene superville (@dsupervilleap) December 31, 2021\n";
        // The quoted `clashes` for `engagements` is quote-mismatch's.
        let found = check(
            text,
            &[(
                ClaimKind::Mixed,
                "the parties will discuss Russia’s military buildup on the borders of Ukraine, and “will consider preparations for the upcoming diplomatic clashes.”",
                "The journalist’s post",
            )],
            &[],
        );
        assert!(found.is_empty(), "{found:#?}");
        // Reported-speech tense shifts keep the meaning.
        let text = with_post(
            "Ana Ruiz wrote that the night ferry might stop running on Sunday if the strike went ahead.",
        );
        let found = check(
            &text,
            &[(
                ClaimKind::Indirect,
                "the night ferry might stop running on Sunday if the strike went ahead",
                "Ana Ruiz",
            )],
            &[],
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn unattributed_or_unrelated_text_is_not_compared() {
        let text =
            with_post("The night ferry will stop running on Sunday if the strike goes ahead.");
        let article = parse_article(&text);
        let source = SourceFile::new("t.txt", text.as_str()).unwrap();
        let claims = crate::claims::extract(&text, &article, Lexicon::builtin());
        let mut cx = RuleContext::new(&source, &article, &claims, Lexicon::builtin());
        ParaphraseDrift.check(&mut cx);
        assert!(
            cx.into_diagnostics().is_empty(),
            "a sentence with no speaker"
        );
        let text = with_post("Ana Ruiz wrote that the harbour will get new cranes by Sunday.");
        let found = check(
            &text,
            &[(
                ClaimKind::Indirect,
                "the harbour will get new cranes by Sunday",
                "Ana Ruiz",
            )],
            &[],
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    fn words(list: &[&str]) -> Vec<(u8, String)> {
        list.iter()
            .map(|w| {
                let flags = if w.starts_with(|c: char| c.is_ascii_digit()) {
                    NUMBER
                } else {
                    0
                };
                (flags, w.to_string())
            })
            .collect()
    }

    #[test]
    fn numbers_compare_by_value() {
        assert_eq!(
            number(&words(&["about", "1200", "troops"])),
            Some((1, 1200))
        );
        assert_eq!(number(&words(&["two"])), Some((0, 2)));
        assert_eq!(number(&words(&["2nd"])), Some((0, 2)));
        assert_eq!(number(&words(&["troops"])), None);
    }

    #[test]
    fn dates_and_hedges() {
        assert_eq!(
            differs(
                &words(&["on", "sunday"]),
                &words(&["on", "monday"]),
                WEEKDAYS,
                0
            ),
            Some((1, 1))
        );
        assert_eq!(
            differs(
                &words(&["sunday"]),
                &words(&["sunday", "night"]),
                WEEKDAYS,
                0
            ),
            None
        );
        assert_eq!(
            differs(&words(&["may"]), &words(&["june"]), MONTHS, CAPITALISED),
            None,
            "lowercase `may` is a modal"
        );
        assert!(drops_hedge(&words(&["may", "close"]), &words(&["closes"])));
        assert!(!drops_hedge(
            &words(&["may", "close"]),
            &words(&["might", "close"])
        ));
        assert!(
            !drops_hedge(&words(&["may"]), &words(&["would"])),
            "reported-speech backshift"
        );
    }

    #[test]
    fn word_lists_are_sorted() {
        assert!(NEGATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(HEDGES.windows(2).all(|w| w[0] < w[1]));
    }
}
