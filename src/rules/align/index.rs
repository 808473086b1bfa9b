//! The texts a quotation may come from, and the index that finds the
//! candidate passages in time linear in the article: every content word of
//! every reference text is posted under its hash; a query looks up each of
//! its content words, keeps a bounded number of postings per word, and
//! votes for the densest stretch of each reference.

use super::passage::{Gap, GapKind, WordStore, STOP};
use crate::lexicon::Equivalents;
use crate::parse::{Article, TokenKind};
use crate::source::{LineIndex, SourceFile, Span};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// Postings kept per query word in the article: the nearest ones to the
/// query, so a word that recurs in every paragraph costs the same as a
/// rare one.
pub const NEAREST_POSTINGS: usize = 8;

/// A word posted more often than this in the `--source` documents is too
/// common there to locate a passage, and is skipped (as a search engine
/// skips stop words).
pub const MAX_DOCUMENT_POSTINGS: usize = 64;

/// Quotations with fewer words (in a single paragraph) are not indexed.
pub const MIN_REFERENCE_WORDS: usize = 4;

/// Candidate passages aligned per query, best voted first.
pub const MAX_CANDIDATES: usize = 3;

/// What a reference text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    /// The text of `article.posts[i]`.
    Post(u32),
    /// A quotation, `article.quotes[i]` with the paragraphs that continue it.
    Quote(u32),
    /// The `i`-th `--source` document.
    Document(u16),
}

/// A text that quotations and paraphrases may come from.
#[derive(Clone, Debug)]
pub struct Reference {
    /// What it is.
    pub kind: RefKind,
    /// Where it is written, in its own text (a quotation: from its opening
    /// mark to the closing mark of its last paragraph).
    pub span: Span,
    /// Its words, as indices into its store.
    pub words: Range<u32>,
    /// The editorial insertions in it (quotations only), numbered from its
    /// first word.
    pub gaps: Vec<Gap>,
}

/// Hasher for keys that are already word hashes.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type Postings<T> = HashMap<u64, Vec<T>, BuildHasherDefault<IdHasher>>;

/// The reference texts inside one article (posts and quotations), their
/// words and the index over them.
#[derive(Debug, Default)]
pub struct ArticleRefs {
    store: WordStore,
    refs: Vec<Reference>,
    /// Word index → index of the reference holding it.
    word_ref: Vec<u32>,
    /// Content-word hash → (byte position, word index), sorted by position
    /// in the text.
    postings: Postings<(u32, u32)>,
    /// Buffers reused by every query of the article.
    scratch: std::cell::RefCell<Scratch>,
}

/// Buffers a query reuses instead of allocating: the posting hits, the
/// per-query-word counts of [`densest`], and the `accept` answers per
/// reference, valid while their stamp is the query's.
#[derive(Debug, Default)]
struct Scratch {
    stamp: u32,
    accepted: Vec<(u32, bool)>,
    hits: Vec<Hit>,
    counts: Vec<u32>,
}

impl ArticleRefs {
    /// Tokenises the article's posts and outermost quotations (each with the
    /// paragraphs that continue it) and indexes their content words.
    pub fn new(text: &str, article: &Article, equivalents: &Equivalents) -> Self {
        let mut this = ArticleRefs::default();
        let quoted: usize = article
            .posts
            .iter()
            .map(|p| p.text.len() as usize)
            .chain(
                article
                    .quotes
                    .iter()
                    .filter(|q| q.depth == 0)
                    .map(|q| q.span.len() as usize),
            )
            .sum();
        this.store.reserve(quoted);
        for (i, post) in article.posts.iter().enumerate() {
            let start = this.store.len() as u32;
            this.store
                .push_article(text, article, post.text, equivalents);
            this.refs.push(Reference {
                kind: RefKind::Post(i as u32),
                span: post.text,
                words: start..this.store.len() as u32,
                gaps: Vec::new(),
            });
        }
        // Each quotation's continuation, if another paragraph continues it.
        let mut next: Vec<Option<u32>> = vec![None; article.quotes.len()];
        for (i, quote) in article.quotes.iter().enumerate() {
            if let Some(prev) = quote.continues {
                if let Some(slot) = next.get_mut(prev as usize) {
                    *slot = Some(i as u32);
                }
            }
        }
        for (i, head) in article.quotes.iter().enumerate() {
            if head.depth != 0 || head.continues.is_some() {
                continue;
            }
            // A quotation of a few words (a scare quote, a title) is neither
            // checked nor the fuller source of another.
            let continued = next[i].is_some();
            let tokens = article.tokens_in(head.inner);
            let words = article.tokens[tokens.start as usize..tokens.end as usize]
                .iter()
                .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
                .count();
            if !continued && words < MIN_REFERENCE_WORDS {
                continue;
            }
            let start = this.store.len() as u32;
            let mut gaps = Vec::new();
            let mut span = head.span;
            let mut part = Some(i as u32);
            // Bounded: a chain visits each quotation once, in text order.
            let mut steps = 0;
            while let Some(p) = part.filter(|_| steps <= article.quotes.len()) {
                steps += 1;
                let Some(quote) = article.quotes.get(p as usize) else {
                    break;
                };
                span = span.cover(quote.span);
                let mut from = quote.inner.start;
                for insertion in &quote.insertions {
                    if insertion.start < from || !quote.inner.contains(*insertion) {
                        continue;
                    }
                    this.store.push_article(
                        text,
                        article,
                        Span::new(from, insertion.start),
                        equivalents,
                    );
                    gaps.push(Gap {
                        at: this.store.len() as u32 - start,
                        kind: GapKind::of(insertion.text(text)),
                        span: *insertion,
                    });
                    from = insertion.end;
                }
                this.store.push_article(
                    text,
                    article,
                    Span::new(from, quote.inner.end),
                    equivalents,
                );
                part = next[p as usize].filter(|&n| n > p);
            }
            this.refs.push(Reference {
                kind: RefKind::Quote(i as u32),
                span,
                words: start..this.store.len() as u32,
                gaps,
            });
        }
        this.word_ref = Vec::with_capacity(this.store.len());
        for (r, reference) in this.refs.iter().enumerate() {
            this.word_ref
                .extend(std::iter::repeat_n(r as u32, reference.words.len()));
        }
        for (i, word) in this.store.words().iter().enumerate() {
            if !word.is(STOP) {
                this.postings
                    .entry(word.hash)
                    .or_default()
                    .push((word.span.start, i as u32));
            }
        }
        // Posts come before quotations in the store; order each list by
        // position in the text for the nearest-postings search.
        for list in this.postings.values_mut() {
            list.sort_unstable();
        }
        this
    }

    /// The words of every reference.
    pub fn store(&self) -> &WordStore {
        &self.store
    }

    /// The references: posts first, then quotations, in text order.
    pub fn refs(&self) -> &[Reference] {
        &self.refs
    }

    /// The reference made of quotation `quote` (and its continuations), if
    /// it is an outermost one.
    pub fn quote_ref(&self, quote: u32) -> Option<u32> {
        self.refs
            .iter()
            .position(|r| r.kind == RefKind::Quote(quote))
            .map(|i| i as u32)
    }

    /// The reference holding word `word`.
    fn ref_of(&self, word: u32) -> u32 {
        self.word_ref
            .get(word as usize)
            .copied()
            .unwrap_or(u32::MAX)
    }
}

/// One `--source` document.
#[derive(Debug)]
pub struct Document {
    /// The file.
    pub file: SourceFile,
    /// Its line index, for `file:line` in findings.
    pub lines: LineIndex,
    /// Its words.
    pub store: WordStore,
    /// The whole document as a reference.
    pub reference: Reference,
}

/// The documents given with `--source FILE`: transcripts, press releases,
/// readouts that quotations in every article are compared with. Tokenised
/// and indexed once per run.
#[derive(Debug, Default)]
pub struct Sources {
    docs: Vec<Document>,
    postings: Postings<(u16, u32)>,
}

impl Sources {
    /// Tokenises and indexes `files`. At most 65,535 documents are used.
    pub fn new(files: Vec<SourceFile>, equivalents: &Equivalents) -> Self {
        let mut sources = Sources::default();
        for (d, file) in files.into_iter().take(u16::MAX as usize).enumerate() {
            let mut store = WordStore::default();
            let whole = Span::from_range(0..file.text().len());
            store.push_text(file.text(), whole, equivalents);
            for (i, word) in store.words().iter().enumerate() {
                if !word.is(STOP) {
                    sources
                        .postings
                        .entry(word.hash)
                        .or_default()
                        .push((d as u16, i as u32));
                }
            }
            let reference = Reference {
                kind: RefKind::Document(d as u16),
                span: whole,
                words: 0..store.len() as u32,
                gaps: Vec::new(),
            };
            sources.docs.push(Document {
                lines: LineIndex::new(file.text()),
                file,
                store,
                reference,
            });
        }
        sources
    }

    /// No document.
    pub fn empty() -> &'static Sources {
        static EMPTY: std::sync::OnceLock<Sources> = std::sync::OnceLock::new();
        EMPTY.get_or_init(Sources::default)
    }

    /// The documents, in command-line order.
    pub fn docs(&self) -> &[Document] {
        &self.docs
    }

    /// Whether there is no document.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }
}

/// Where a candidate passage is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// `ArticleRefs::refs()[i]`.
    Article(u32),
    /// `Sources::docs()[i]`.
    Document(u16),
}

/// A stretch of a reference that shares content words with a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The reference.
    pub target: Target,
    /// The words to align with (store indices), the voted stretch widened
    /// by the query's length on both sides and clipped to the reference.
    pub window: Range<u32>,
    /// How many distinct content words of the query the stretch holds.
    pub votes: u32,
}

/// One posting hit: (target key, word position, query word).
type Hit = (u32, u32, u32);

const DOCUMENT_KEY: u32 = 1 << 31;

/// Finds the candidate passages for a query of `query_hashes` (one per
/// word; `None` for a word too common to look up) written at byte `anchor`
/// of the article. `accept` filters the references. Cost: O(q × (K +
/// postings skipped) + hits log hits), for q query words and K =
/// [`NEAREST_POSTINGS`]; it never depends on the article's length beyond
/// a binary search.
pub fn candidates(
    article: &ArticleRefs,
    sources: &Sources,
    query_hashes: &[Option<u64>],
    anchor: u32,
    accept: &dyn Fn(Target, &Reference) -> bool,
) -> Vec<Candidate> {
    let mut scratch = article.scratch.borrow_mut();
    let scratch = &mut *scratch;
    collect_hits(article, sources, query_hashes, anchor, accept, scratch);
    scratch.hits.sort_unstable();
    let qlen = query_hashes.len() as u32;
    scratch.counts.clear();
    scratch.counts.resize(query_hashes.len(), 0);
    let mut found = Vec::new();
    for group in scratch.hits.chunk_by(|a, b| a.0 == b.0) {
        let key = group[0].0;
        let (target, bounds) = if key & DOCUMENT_KEY != 0 {
            let d = (key & !DOCUMENT_KEY) as u16;
            let Some(doc) = sources.docs.get(d as usize) else {
                continue;
            };
            (Target::Document(d), doc.reference.words.clone())
        } else {
            let Some(r) = article.refs.get(key as usize) else {
                continue;
            };
            (Target::Article(key), r.words.clone())
        };
        let Some((votes, stretch)) = densest(group, qlen + qlen / 2 + 8, &mut scratch.counts)
        else {
            continue;
        };
        let (first, last) = (&group[stretch.start], &group[stretch.end - 1]);
        let (min_q, max_q) = group[stretch.clone()]
            .iter()
            .fold((u32::MAX, 0), |(lo, hi), h| (lo.min(h.2), hi.max(h.2)));
        // Room for source words the quotation left out at its edges.
        let margin = 4;
        let start = first.1.saturating_sub(min_q + margin).max(bounds.start);
        let end = (last.1 + 1)
            .saturating_add(qlen - max_q + margin)
            .min(bounds.end);
        found.push(Candidate {
            target,
            window: start..end,
            votes,
        });
    }
    // Most votes first; among equals, the reference nearest the query.
    found.sort_by_key(|c| {
        let distance = match c.target {
            Target::Article(r) => article.refs[r as usize].span.start.abs_diff(anchor),
            Target::Document(_) => u32::MAX,
        };
        (std::cmp::Reverse(c.votes), distance)
    });
    found.truncate(MAX_CANDIDATES);
    found
}

/// Fills `scratch.hits` with the postings of the query's words: (target
/// key, word position, query word), at most [`NEAREST_POSTINGS`] per word in
/// the article and [`MAX_DOCUMENT_POSTINGS`] in the documents, of the
/// references `accept` keeps (asked once per reference).
fn collect_hits(
    article: &ArticleRefs,
    sources: &Sources,
    query_hashes: &[Option<u64>],
    anchor: u32,
    accept: &dyn Fn(Target, &Reference) -> bool,
    scratch: &mut Scratch,
) {
    let Scratch {
        stamp,
        accepted,
        hits,
        ..
    } = scratch;
    hits.clear();
    *stamp = stamp.wrapping_add(1);
    if *stamp == 0 {
        // Wrapped: forget every answer.
        accepted.clear();
        *stamp = 1;
    }
    let refs = article.refs.len();
    accepted.resize(refs + sources.docs.len(), (0, false));
    let stamp = *stamp;
    let mut accepts = |key: u32| -> bool {
        let slot = if key & DOCUMENT_KEY != 0 {
            refs + (key & !DOCUMENT_KEY) as usize
        } else {
            key as usize
        };
        let Some(cached) = accepted.get_mut(slot) else {
            return false;
        };
        if cached.0 != stamp {
            let answer = if key & DOCUMENT_KEY != 0 {
                let d = (key & !DOCUMENT_KEY) as u16;
                sources
                    .docs
                    .get(d as usize)
                    .is_some_and(|doc| accept(Target::Document(d), &doc.reference))
            } else {
                article
                    .refs
                    .get(key as usize)
                    .is_some_and(|r| accept(Target::Article(key), r))
            };
            *cached = (stamp, answer);
        }
        cached.1
    };
    for (qi, hash) in query_hashes.iter().enumerate() {
        let Some(hash) = *hash else { continue };
        if let Some(list) = article.postings.get(&hash) {
            for (_, i) in nearest(list, anchor) {
                let r = article.ref_of(i);
                if accepts(r) {
                    hits.push((r, i, qi as u32));
                }
            }
        }
        if let Some(list) = sources.postings.get(&hash) {
            if list.len() <= MAX_DOCUMENT_POSTINGS {
                for &(d, i) in list {
                    let key = DOCUMENT_KEY | u32::from(d);
                    if accepts(key) {
                        hits.push((key, i, qi as u32));
                    }
                }
            }
        }
    }
}

/// The K postings nearest `anchor`, from a list of (position, word)
/// sorted by position.
fn nearest(list: &[(u32, u32)], anchor: u32) -> impl Iterator<Item = (u32, u32)> + '_ {
    let split = list.partition_point(|&(p, _)| p < anchor);
    let (mut lo, mut hi) = (split, split);
    std::iter::from_fn(move || {
        let take_low = match (lo.checked_sub(1), list.get(hi)) {
            (Some(l), Some(h)) => anchor - list[l].0 <= h.0 - anchor,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return None,
        };
        if take_low {
            lo -= 1;
            Some(list[lo])
        } else {
            hi += 1;
            Some(list[hi - 1])
        }
    })
    .take(NEAREST_POSTINGS)
}

/// The stretch of `hits` (sorted by position) at most `width` words wide
/// holding the most distinct query words: (count, index range into hits).
fn densest(hits: &[Hit], width: u32, counts: &mut [u32]) -> Option<(u32, Range<usize>)> {
    let mut best: Option<(u32, Range<usize>)> = None;
    let mut distinct = 0;
    let mut lo = 0;
    for hi in 0..hits.len() {
        let q = hits[hi].2 as usize;
        if counts[q] == 0 {
            distinct += 1;
        }
        counts[q] += 1;
        while hits[hi].1 - hits[lo].1 > width {
            let q = hits[lo].2 as usize;
            counts[q] -= 1;
            if counts[q] == 0 {
                distinct -= 1;
            }
            lo += 1;
        }
        if best.as_ref().is_none_or(|(n, _)| distinct > *n) {
            best = Some((distinct, lo..hi + 1));
        }
    }
    for hit in &hits[lo..] {
        counts[hit.2 as usize] = 0;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::parse::parse_article;

    fn hashes(store: &WordStore, range: Range<u32>) -> Vec<Option<u64>> {
        store.words()[range.start as usize..range.end as usize]
            .iter()
            .map(|w| (!w.is(STOP)).then_some(w.hash))
            .collect()
    }

    #[test]
    fn nearest_postings_alternate_around_the_anchor() {
        let list: Vec<(u32, u32)> = (0..100).map(|i| (i * 10, i)).collect();
        let got: Vec<u32> = nearest(&list, 503).take(5).map(|(p, _)| p).collect();
        assert_eq!(got, [500, 510, 490, 520, 480]);
        assert_eq!(nearest(&list, 0).count(), NEAREST_POSTINGS);
        assert_eq!(nearest(&[], 7).count(), 0);
    }

    #[test]
    fn densest_stretch_counts_distinct_query_words() {
        // (key, position, query word)
        let hits = [
            (0, 1, 0),
            (0, 2, 0),
            (0, 50, 0),
            (0, 51, 1),
            (0, 53, 2),
            (0, 90, 3),
        ];
        let mut counts = vec![0; 4];
        let (votes, range) = densest(&hits, 10, &mut counts).unwrap();
        assert_eq!((votes, range), (3, 2..5));
        assert!(counts.iter().all(|&c| c == 0), "counts are reset");
    }

    #[test]
    fn a_quotation_finds_its_post_and_not_itself() {
        let text = "Ferry fares will rise\n\n\
                    “Fares will rise by a fifth on Monday to cover fuel,” the post reads.\n\n\
                    Fares rise by a fifth on Monday to cover the fuel bill, and we regret it.\n\
                    — Tom Alvarez (@mayoralvarez) March 3, 2023\n";
        let article = parse_article(text);
        assert_eq!(article.posts.len(), 1);
        let refs = ArticleRefs::new(text, &article, &Lexicon::builtin().equivalents);
        assert_eq!(refs.refs().len(), 2);
        let quote = refs.quote_ref(0).unwrap();
        let query = refs.refs()[quote as usize].clone();
        let found = candidates(
            &refs,
            Sources::empty(),
            &hashes(refs.store(), query.words.clone()),
            query.span.start,
            &|target, _| target != Target::Article(quote),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].target, Target::Article(0));
        // fares, rise, fifth, monday, cover, fuel.
        assert_eq!(found[0].votes, 6, "{found:?}");
    }

    #[test]
    fn postings_per_query_word_are_bounded() {
        // 3,000 quotations sharing every content word: a query reads at most
        // NEAREST_POSTINGS postings per word, not 3,000.
        let mut text = String::from("Many quotations\n\n");
        for i in 0..3000 {
            text.push_str(&format!(
                "“Ukraine needs more support now,” minister {i} said.\n\n"
            ));
        }
        let article = parse_article(&text);
        let refs = ArticleRefs::new(&text, &article, &Lexicon::builtin().equivalents);
        assert_eq!(refs.refs().len(), 3000);
        let query = refs.refs()[1500].clone();
        let hashes = hashes(refs.store(), query.words.clone());
        let content = hashes.iter().flatten().count();
        assert_eq!(content, 3, "ukraine, needs, support");
        let all = |_: Target, _: &Reference| true;
        let mut scratch = Scratch::default();
        collect_hits(
            &refs,
            Sources::empty(),
            &hashes,
            query.span.start,
            &all,
            &mut scratch,
        );
        let hits = &scratch.hits;
        assert_eq!(hits.len(), content * NEAREST_POSTINGS);
        // The nearest ones: the 4 quotations on each side of the query.
        assert!(hits.iter().all(|h| h.0.abs_diff(1500) <= 4), "{hits:?}");
        let found = candidates(&refs, Sources::empty(), &hashes, query.span.start, &all);
        assert_eq!(found.len(), MAX_CANDIDATES);
        assert!(found.iter().all(|c| c.votes == 3));
    }

    #[test]
    fn documents_are_searched_and_common_words_skipped() {
        let mut transcript = String::from("The minister spoke about the harbour budget today.\n");
        for _ in 0..(MAX_DOCUMENT_POSTINGS + 1) {
            transcript.push_str("Minister: thank you.\n");
        }
        let sources = Sources::new(
            vec![SourceFile::new("t.txt", transcript).unwrap()],
            &Lexicon::builtin().equivalents,
        );
        let text = "“The minister spoke about the harbour budget,” it said.";
        let article = parse_article(text);
        let refs = ArticleRefs::new(text, &article, &Lexicon::builtin().equivalents);
        let query = refs.refs()[0].clone();
        let found = candidates(
            &refs,
            &sources,
            &hashes(refs.store(), query.words.clone()),
            0,
            &|target, _| matches!(target, Target::Document(_)),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].target, Target::Document(0));
        // `minister` is posted 66 times and skipped: harbour, budget, spoke.
        assert_eq!(found[0].votes, 3);
        assert_eq!(found[0].window.start, 0);
    }
}
