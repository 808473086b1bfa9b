//! Finding the passage a quotation or a paraphrase comes from, and how its
//! words differ from it: the shared machinery of `quote-mismatch` (AC001)
//! and `paraphrase-drift` (AC002).
//!
//! Three steps, each linear in the size of the texts:
//!
//! 1. [`passage`]: texts become words in their comparison form (lowercase,
//!    plain apostrophes, no hyphens, abbreviations of
//!    `rules/lexicons/equivalents.json` expanded), with spans and flags.
//! 2. [`index`]: the reference texts (embedded posts, outermost quotations,
//!    `--source` documents) are indexed by content word; a query collects a
//!    bounded number of postings per word and votes for the densest stretch
//!    of each reference ([`candidates`]).
//! 3. [`diff`]: each of the best few stretches is aligned word by word with
//!    the query (Myers diff from the `similar` crate), edges trimmed,
//!    editorial cuts forgiven; the best-scoring alignment that passes the
//!    caller's [`Thresholds`] is the source passage.

pub mod diff;
pub mod index;
pub mod passage;

pub use diff::{align, Alignment, Edit, EditKind, Seq};
pub use index::{
    candidates, ArticleRefs, Candidate, Document, RefKind, Reference, Sources, Target,
};
pub use passage::{Gap, GapKind, Word, WordStore};

use crate::source::Span;
use std::ops::Range;

/// The share (in percent) of a query's looked-up content words a candidate
/// stretch must hold to be aligned.
pub const MIN_VOTE_SHARE_PERCENT: u32 = 40;

/// At most this many content words of a query are looked up in the index.
pub const MAX_LOOKUPS: u32 = 10;

/// What it takes for an alignment to count as the source of a text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// The lowest [`Alignment::score`] accepted.
    pub min_score: f32,
    /// The fewest equal content (non-stop) words.
    pub min_matched_content: u32,
    /// The shortest longest run of consecutive equal words.
    pub min_run: u32,
    /// With one equal content word fewer than `min_matched_content`, an
    /// alignment still passes when its longest run is one longer than
    /// `min_run` and its score reaches this (a short quotation with one
    /// changed figure: “will receive compensation of £50”).
    pub relaxed_score: f32,
}

impl Thresholds {
    /// Whether `alignment` passes.
    pub fn pass(&self, alignment: &Alignment) -> bool {
        alignment.score >= self.min_score
            && alignment.longest_run >= self.min_run
            && (alignment.matched_content >= self.min_matched_content
                || (alignment.matched_content + 1 >= self.min_matched_content
                    && alignment.longest_run > self.min_run
                    && alignment.score >= self.relaxed_score))
    }

    /// The fewest equal content words an alignment can pass with.
    fn least_content(&self) -> u32 {
        self.min_matched_content.saturating_sub(1).max(1)
    }
}

/// The source passage found for a text.
#[derive(Clone, Debug)]
pub struct Found {
    /// The reference it is in.
    pub target: Target,
    /// The alignment with it.
    pub alignment: Alignment,
}

/// Everything a text of one article can be compared with: the article's
/// own posts and quotations, and the run's `--source` documents.
#[derive(Clone, Copy)]
pub struct Passages<'a> {
    /// The article's text.
    pub text: &'a str,
    /// The article's posts and quotations.
    pub article: &'a ArticleRefs,
    /// The `--source` documents.
    pub sources: &'a Sources,
}

impl<'a> Passages<'a> {
    /// The words of a target's text.
    pub fn store(&self, target: Target) -> &'a WordStore {
        match target {
            Target::Article(_) => self.article.store(),
            Target::Document(d) => self
                .sources
                .docs()
                .get(d as usize)
                .map_or(self.article.store(), |doc| &doc.store),
        }
    }

    /// The text a target's spans point into.
    pub fn text(&self, target: Target) -> &'a str {
        match target {
            Target::Article(_) => self.text,
            Target::Document(d) => self
                .sources
                .docs()
                .get(d as usize)
                .map_or("", |doc| doc.file.text()),
        }
    }

    /// The reference a target names.
    pub fn reference(&self, target: Target) -> Option<&'a Reference> {
        match target {
            Target::Article(r) => self.article.refs().get(r as usize),
            Target::Document(d) => self
                .sources
                .docs()
                .get(d as usize)
                .map(|doc| &doc.reference),
        }
    }

    /// The source passage of `query` (with its editorial `gaps`), written at
    /// byte `anchor` of the article: the best-scoring alignment, among the
    /// best-voted candidates of the references `accept` keeps, that passes
    /// `thresholds`.
    pub fn find(
        &self,
        query: Seq<'_>,
        gaps: &[Gap],
        anchor: u32,
        accept: &dyn Fn(Target, &Reference) -> bool,
        thresholds: Thresholds,
    ) -> Option<Found> {
        let words = &query.store.words()[query.range.0 as usize..query.range.1 as usize];
        let content = words.iter().filter(|w| !w.is(passage::STOP)).count() as u32;
        if content < thresholds.least_content() {
            return None;
        }
        // The content words looked up: all of them, or every k-th of a long
        // query (enough to locate its passage; the alignment reads them all).
        let step = content.div_ceil(MAX_LOOKUPS);
        let mut seen = 0;
        let hashes: Vec<Option<u64>> = words
            .iter()
            .map(|w| {
                if w.is(passage::STOP) {
                    return None;
                }
                seen += 1;
                ((seen - 1) % step == 0).then_some(w.hash)
            })
            .collect();
        let looked_up = hashes.iter().flatten().count() as u32;
        // A stretch holding fewer of the looked-up words than this is a
        // passage on the same subject, not the quoted one: not aligned.
        let least_votes = thresholds
            .least_content()
            .min(looked_up)
            .max((looked_up * MIN_VOTE_SHARE_PERCENT).div_ceil(100));
        let mut found = candidates(self.article, self.sources, &hashes, anchor, accept);
        found.retain(|c| c.votes >= least_votes && self.reference(c.target).is_some());
        // An exact excerpt of any candidate cannot be beaten: look for one
        // first, without a diff.
        if gaps.is_empty() {
            for candidate in &found {
                let Some(reference) = self.reference(candidate.target) else {
                    continue;
                };
                let exact = diff::exact(
                    self.store(candidate.target),
                    reference.words.clone(),
                    candidate.window.clone(),
                    query,
                );
                if let Some(alignment) = exact.filter(|a| thresholds.pass(a)) {
                    return Some(Found {
                        target: candidate.target,
                        alignment,
                    });
                }
            }
        }
        let mut best: Option<Found> = None;
        for candidate in found {
            let Some(reference) = self.reference(candidate.target) else {
                continue;
            };
            let Some(alignment) = align(
                self.store(candidate.target),
                reference.words.clone(),
                candidate.window,
                query,
                gaps,
            ) else {
                continue;
            };
            if thresholds.pass(&alignment)
                && best
                    .as_ref()
                    .is_none_or(|b| alignment.score > b.alignment.score)
            {
                best = Some(Found {
                    target: candidate.target,
                    alignment,
                });
            }
        }
        best
    }
}

/// The span from the first to the last word of `range` in `store`.
pub fn span_of(store: &WordStore, range: Range<u32>) -> Option<Span> {
    let words = store
        .words()
        .get(range.start as usize..range.end as usize)?;
    Some(words.first()?.span.cover(words.last()?.span))
}
