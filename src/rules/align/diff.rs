//! Word-by-word alignment of a quotation (or paraphrase) with a window of
//! its source, with the `similar` crate's Myers diff over word hashes, and
//! the reading of the diff as an editor would: edges trimmed (a partial
//! quotation is an excerpt), editorial cuts forgiven, hyphenation and
//! compounds equal, and what is left listed as substituted, dropped or
//! added words.

use super::passage::{Gap, GapKind, Word, WordStore, MINOR, PAUSE, SENTENCE_END, STOP};
use similar::algorithms::{diff_slices, Capture, Replace};
use similar::{Algorithm, DiffOp};
use std::ops::Range;

/// How far (in words) to look for a word the quotation carries over from
/// the source sentence around the passage, and for the end of that sentence.
const SENTENCE_REACH: u32 = 40;

/// A bracketed insertion (`[the president]`) stands for at most this many
/// source words.
const BRACKET_REACH: usize = 8;

/// What changed between the source and the compared text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditKind {
    /// Source words replaced by other words.
    Substituted,
    /// Source words left out, with no editorial cut marking it.
    Dropped,
    /// Words that are not in the source.
    Added,
}

/// One difference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// What changed.
    pub kind: EditKind,
    /// The source words (store indices); empty for [`EditKind::Added`],
    /// placed where the words would go.
    pub source: Range<u32>,
    /// The compared text's words (indices into its store); empty for
    /// [`EditKind::Dropped`], placed where the words would go.
    pub query: Range<u32>,
    /// Only function words differ (`the` added, `Ukraine’s` for `Ukraine`).
    pub minor: bool,
}

/// A compared text lined up with its source passage.
#[derive(Clone, Debug, PartialEq)]
pub struct Alignment {
    /// The source words the text corresponds to (store indices), without
    /// the window's unmatched edges.
    pub passage: Range<u32>,
    /// The differences, in text order.
    pub edits: Vec<Edit>,
    /// Words of the text equal to source words.
    pub matched: u32,
    /// Of those, the words that are not [`STOP`] words.
    pub matched_content: u32,
    /// The longest run of consecutive equal words.
    pub longest_run: u32,
    /// Words of the text that are compared (those the source sentence
    /// supplies just outside the passage are not: `will` in “will consider”
    /// when the source reads “Biden will speak … and review”).
    pub compared: u32,
    /// Dice coefficient of the word alignment: `2 × matched / (compared +
    /// passage length)`, from 0 to 1; source words cut at an ellipsis or
    /// replaced by a bracket are not counted in the passage length.
    pub score: f32,
    /// The source words from the end of the passage to the end of its
    /// sentence, when the passage stops inside a clause.
    pub rest_of_sentence: Option<Range<u32>>,
}

/// A sequence of words in a store.
#[derive(Clone, Copy, Debug)]
pub struct Seq<'a> {
    /// The store holding the words.
    pub store: &'a WordStore,
    /// The words, as store indices.
    pub range: (u32, u32),
}

impl<'a> Seq<'a> {
    /// The words `range` of `store`.
    pub fn new(store: &'a WordStore, range: Range<u32>) -> Self {
        Seq {
            store,
            range: (range.start, range.end),
        }
    }

    fn words(&self) -> &'a [Word] {
        self.store
            .words()
            .get(self.range.0 as usize..self.range.1 as usize)
            .unwrap_or(&[])
    }

    fn norm(&self, i: u32) -> &'a str {
        self.store.norm((self.range.0 + i) as usize)
    }
}

/// Aligns `query` (with its editorial `gaps`, numbered from the query's
/// first word) with the source words `window` of `source`, where `bounds`
/// is the whole source text the window lies in (for the surrounding
/// sentence). `None` when no word is shared.
pub fn align(
    source: &WordStore,
    bounds: Range<u32>,
    window: Range<u32>,
    query: Seq<'_>,
    gaps: &[Gap],
) -> Option<Alignment> {
    let window = window.start.max(bounds.start)..window.end.min(bounds.end);
    let old_words = source
        .words()
        .get(window.start as usize..window.end as usize)?;
    let new_words = query.words();
    if gaps.is_empty() {
        if let Some(exact) = exact(source, bounds.clone(), window.clone(), query) {
            return Some(exact);
        }
    }
    let old: Vec<u64> = old_words.iter().map(|w| w.hash).collect();
    let new: Vec<u64> = new_words.iter().map(|w| w.hash).collect();
    // Myers diff with adjacent deletions and insertions merged into
    // replacements (no `Compact` pass: it only slides runs of equal words,
    // which the edge handling below does not need).
    let mut hook = Replace::new(Capture::new());
    if diff_slices(Algorithm::Myers, &mut hook, &old, &new).is_err() {
        return None;
    }
    let ops = hook.into_inner().into_ops();
    let (first, last) = anchors(&ops, old_words, new_words)?;
    let (
        DiffOp::Equal {
            old_index: o0,
            new_index: n0,
            ..
        },
        DiffOp::Equal {
            old_index: last_old,
            new_index: last_new,
            len: last_len,
        },
    ) = (ops[first], ops[last])
    else {
        return None;
    };
    let (mut o0, mut n0) = (o0, n0);
    let (mut o1, mut n1) = (last_old + last_len, last_new + last_len);
    let at = |i: usize| window.start + i as u32;
    let src = Side {
        store: source,
        bounds: bounds.clone(),
    };

    let mut out = Builder::default();
    // The diff may have matched the words next to the anchors elsewhere
    // (the quotation's `The` with an earlier `the`): equal neighbours
    // belong to the passage.
    while o0 > 0 && n0 > 0 && old[o0 - 1] == new[n0 - 1] {
        o0 -= 1;
        n0 -= 1;
        out.equal(&new_words[n0..n0 + 1]);
    }
    while o1 < old.len() && n1 < new.len() && old[o1] == new[n1] {
        out.equal(&new_words[n1..n1 + 1]);
        o1 += 1;
        n1 += 1;
    }

    // Leading edge: pair content words back from the first match; the
    // quotation's other words are added unless the source sentence has them
    // just before (carried over); the source's other words are outside.
    let pairs =
        edge_pairs((0..o0.min(n0)).map(|k| (&old_words[o0 - 1 - k], &new_words[n0 - 1 - k])));
    let passage_start = at(o0 - pairs);
    for q in (0..n0 - pairs).rev() {
        if src.in_sentence_before(passage_start, new_words[q].hash) {
            out.carried += 1;
        } else {
            out.added_word(q as u32, passage_start, &new_words[q]);
        }
    }
    out.flush_added();
    // Walked backwards: put the leading additions in text order.
    out.edits.reverse();
    if pairs > 0 {
        out.substituted(
            passage_start..at(o0),
            (n0 - pairs) as u32..n0 as u32,
            &src,
            query,
        );
    }

    for op in &ops[first..=last] {
        match *op {
            DiffOp::Equal { new_index, len, .. } => {
                out.equal(&new_words[new_index..new_index + len])
            }
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => {
                let forgiven = gaps.iter().any(|g| {
                    g.at as usize == new_index
                        && match g.kind {
                            GapKind::Ellipsis => true,
                            GapKind::Bracket => old_len <= BRACKET_REACH,
                            GapKind::Note => false,
                        }
                });
                if forgiven {
                    out.forgiven += old_len as u32;
                } else {
                    out.edit(
                        EditKind::Dropped,
                        at(old_index)..at(old_index + old_len),
                        new_index as u32..new_index as u32,
                        all_minor(&old_words[old_index..old_index + old_len]),
                    );
                }
            }
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => out.edit(
                EditKind::Added,
                at(old_index)..at(old_index),
                new_index as u32..(new_index + new_len) as u32,
                all_minor(&new_words[new_index..new_index + new_len]),
            ),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let old_range = at(old_index)..at(old_index + old_len);
                let new_range = new_index as u32..(new_index + new_len) as u32;
                if same_compound(&src, old_range.clone(), query, new_range.clone()) {
                    out.equal(&new_words[new_index..new_index + new_len]);
                } else {
                    out.substituted(old_range, new_range, &src, query);
                }
            }
        }
    }

    // Trailing edge, mirrored.
    let pairs = edge_pairs(
        (0..(old_words.len() - o1).min(new_words.len() - n1))
            .map(|k| (&old_words[o1 + k], &new_words[n1 + k])),
    );
    let passage_end = at(o1 + pairs);
    if pairs > 0 {
        out.substituted(
            at(o1)..passage_end,
            n1 as u32..(n1 + pairs) as u32,
            &src,
            query,
        );
    }
    for (q, word) in new_words.iter().enumerate().skip(n1 + pairs) {
        if src.in_sentence_after(passage_end, word.hash) {
            out.carried += 1;
        } else {
            out.added_word(q as u32, passage_end, word);
        }
    }
    out.flush_added();

    if out.edits.len() > 1 {
        mark_moves(&mut out.edits, source, query);
    }
    let passage = passage_start..passage_end;
    let compared = new_words.len() as u32 - out.carried;
    // Words cut at an ellipsis are not compared either.
    let total = compared + passage.len() as u32 - out.forgiven;
    let score = if total == 0 {
        0.0
    } else {
        2.0 * out.matched as f32 / total as f32
    };
    Some(Alignment {
        rest_of_sentence: src.rest_of_sentence(passage.end),
        passage,
        edits: out.edits,
        matched: out.matched,
        matched_content: out.matched_content,
        longest_run: out.longest_run,
        compared,
        score,
    })
}

/// The first and last equal runs that anchor the alignment. A run of
/// function words only is a chance match, and does not anchor, when more
/// than [`DETACHED_GAP`] differing words or a sentence end of the source
/// lie between it and the rest (`will` of “Biden will speak … and review”
/// for the `will` of “will consider”; `the` of “with the children’s
/// hospital. The hospital” for the quotation's first `The`).
fn anchors(ops: &[DiffOp], old_words: &[Word], new_words: &[Word]) -> Option<(usize, usize)> {
    let weak = |op: &DiffOp| match *op {
        DiffOp::Equal { new_index, len, .. } => new_words[new_index..new_index + len]
            .iter()
            .all(|w| w.is(STOP)),
        _ => false,
    };
    let old_range = |op: &DiffOp| match *op {
        DiffOp::Equal { old_index, len, .. } => old_index..old_index + len,
        DiffOp::Delete {
            old_index, old_len, ..
        }
        | DiffOp::Replace {
            old_index, old_len, ..
        } => old_index..old_index + old_len,
        DiffOp::Insert { old_index, .. } => old_index..old_index,
    };
    let new_len = |op: &DiffOp| match *op {
        DiffOp::Insert { new_len, .. } | DiffOp::Replace { new_len, .. } => new_len,
        _ => 0,
    };
    let equal = |op: &DiffOp| matches!(op, DiffOp::Equal { .. });
    // Whether the weak run `i` is cut off from the next equal run in its
    // direction: the differing ops in between, and the source words from
    // the run's first word (forward) or the previous run's last word
    // (backward) up to the other end.
    let detached = |i: usize, forward: bool| -> bool {
        let between: Vec<&DiffOp> = if forward {
            ops[i + 1..].iter().take_while(|op| !equal(op)).collect()
        } else {
            ops[..i].iter().rev().take_while(|op| !equal(op)).collect()
        };
        let old: usize = between.iter().map(|op| old_range(op).len()).sum();
        let new: usize = between.iter().map(|op| new_len(op)).sum();
        if old.max(new) > DETACHED_GAP {
            return true;
        }
        let run = old_range(&ops[i]);
        let span = if forward {
            run.start..run.end + old
        } else {
            run.start.saturating_sub(old + 1)..run.start
        };
        old_words[span.start..span.end.min(old_words.len())]
            .iter()
            .any(|w| w.is(SENTENCE_END))
    };
    let first = (0..ops.len())
        .filter(|&i| equal(&ops[i]))
        .find(|&i| !weak(&ops[i]) || !detached(i, true))
        .or_else(|| ops.iter().position(equal))?;
    let last = (first..ops.len())
        .rev()
        .filter(|&i| equal(&ops[i]))
        .find(|&i| i == first || !weak(&ops[i]) || !detached(i, false))
        .unwrap_or(first);
    Some((first, last))
}

/// See [`anchors`].
const DETACHED_GAP: usize = 3;

/// The alignment of `query` when it appears word for word in `window` (the
/// common case of a faithful quotation, answered without a diff).
pub fn exact(
    source: &WordStore,
    bounds: Range<u32>,
    window: Range<u32>,
    query: Seq<'_>,
) -> Option<Alignment> {
    let window = window.start.max(bounds.start)..window.end.min(bounds.end);
    let old_words = source
        .words()
        .get(window.start as usize..window.end as usize)?;
    let new_words = query.words();
    let at = exact_excerpt(old_words, new_words)?;
    let start = window.start + at as u32;
    let passage = start..start + new_words.len() as u32;
    let src = Side {
        store: source,
        bounds,
    };
    Some(Alignment {
        rest_of_sentence: src.rest_of_sentence(passage.end),
        passage,
        edits: Vec::new(),
        matched: new_words.len() as u32,
        matched_content: new_words.iter().filter(|w| !w.is(STOP)).count() as u32,
        longest_run: new_words.len() as u32,
        compared: new_words.len() as u32,
        score: 1.0,
    })
}

/// Where `query` appears word for word in `window`, if it does.
fn exact_excerpt(window: &[Word], query: &[Word]) -> Option<usize> {
    let first = query.first()?.hash;
    if query.len() > window.len() {
        return None;
    }
    (0..=window.len() - query.len()).find(|&at| {
        window[at].hash == first
            && window[at..at + query.len()]
                .iter()
                .zip(query)
                .all(|(a, b)| a.hash == b.hash)
    })
}

/// How many pairs next to the anchor (from the match outwards) are content
/// words on both sides, or function words on both sides: an edge
/// substitution (`consider` for `review`, `a` for `the`).
/// The pairs are of one class, that of the first pair.
fn edge_pairs<'w>(pairs: impl Iterator<Item = (&'w Word, &'w Word)>) -> usize {
    let mut class = None;
    pairs
        .take_while(|(s, q)| {
            let this = if !s.is(STOP) && !q.is(STOP) {
                Some(true)
            } else if s.is(MINOR) && q.is(MINOR) {
                Some(false)
            } else {
                None
            };
            s.hash != q.hash && this.is_some() && *class.get_or_insert(this) == this
        })
        .count()
}

fn all_minor(words: &[Word]) -> bool {
    words.iter().all(|w| w.is(MINOR))
}

/// The source text around a window.
struct Side<'a> {
    store: &'a WordStore,
    bounds: Range<u32>,
}

impl Side<'_> {
    fn word(&self, i: u32) -> &Word {
        &self.store.words()[i as usize]
    }

    /// Whether a word with `hash` is in the source sentence before `start`.
    fn in_sentence_before(&self, start: u32, hash: u64) -> bool {
        let floor = start.saturating_sub(SENTENCE_REACH).max(self.bounds.start);
        for i in (floor..start).rev() {
            let word = self.word(i);
            if word.is(SENTENCE_END) {
                return false;
            }
            if word.hash == hash {
                return true;
            }
        }
        false
    }

    /// Whether a word with `hash` is in the source sentence from `end` on.
    fn in_sentence_after(&self, end: u32, hash: u64) -> bool {
        if end > self.bounds.start && self.word(end - 1).is(SENTENCE_END) {
            return false;
        }
        let ceiling = end.saturating_add(SENTENCE_REACH).min(self.bounds.end);
        for i in end..ceiling {
            let word = self.word(i);
            if word.hash == hash {
                return true;
            }
            if word.is(SENTENCE_END) {
                return false;
            }
        }
        false
    }

    /// The words from `end` to the end of the sentence, when `end` is
    /// inside a clause (no punctuation follows the word before it: `talks
    /// to help`, not `jobs, he said`) and the sentence ends within reach.
    fn rest_of_sentence(&self, end: u32) -> Option<Range<u32>> {
        if end <= self.bounds.start
            || end >= self.bounds.end
            || self.word(end - 1).is(SENTENCE_END)
            || self.word(end - 1).is(PAUSE)
        {
            return None;
        }
        let ceiling = end.saturating_add(SENTENCE_REACH).min(self.bounds.end);
        (end..ceiling)
            .find(|&i| self.word(i).is(SENTENCE_END) || i + 1 == self.bounds.end)
            .map(|last| end..last + 1)
    }
}

/// Marks as minor the edits that only move words: every content word they
/// take from the source is added elsewhere, and every content word they add
/// is taken from elsewhere (`the leader of Ukraine` for `Ukraine’s leader`).
/// Possessive endings are ignored.
fn mark_moves(edits: &mut [Edit], source: &WordStore, query: Seq<'_>) {
    use std::collections::HashMap;
    let bare = |w: &str| crate::lexicon::matcher::strip_possessive(w).to_owned();
    let content = |store: &WordStore, range: &Range<u32>, offset: u32| -> Vec<String> {
        range
            .clone()
            .filter(|&i| !store.words()[(offset + i) as usize].is(STOP))
            .map(|i| bare(store.norm((offset + i) as usize)))
            .collect()
    };
    let sides: Vec<(Vec<String>, Vec<String>)> = edits
        .iter()
        .map(|e| {
            (
                content(source, &e.source, 0),
                content(query.store, &e.query, query.range.0),
            )
        })
        .collect();
    // Word → the edits it appears in, per side.
    let mut taken: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut added: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (from, to)) in sides.iter().enumerate() {
        for w in from {
            taken.entry(w).or_default().push(i);
        }
        for w in to {
            added.entry(w).or_default().push(i);
        }
    }
    let elsewhere = |map: &HashMap<&str, Vec<usize>>, w: &str, i: usize| {
        map.get(w).is_some_and(|list| list.iter().any(|&j| j != i))
    };
    for (i, edit) in edits.iter_mut().enumerate() {
        let (from, to) = &sides[i];
        if edit.minor || (from.is_empty() && to.is_empty()) {
            continue;
        }
        if from.iter().all(|w| elsewhere(&added, w, i))
            && to.iter().all(|w| elsewhere(&taken, w, i))
        {
            edit.minor = true;
        }
    }
}

/// Whether two word runs are the same compound written differently
/// (`build up` / `buildup`, `de-escalate` / `de escalate`).
fn same_compound(src: &Side<'_>, old: Range<u32>, query: Seq<'_>, new: Range<u32>) -> bool {
    if old.len() == new.len() {
        return false;
    }
    let a = old.map(|i| src.store.norm(i as usize));
    let b = new.map(|i| query.norm(i));
    a.flat_map(str::chars).eq(b.flat_map(str::chars))
}

/// Collects edits and counts while the diff is read.
#[derive(Default)]
struct Builder {
    edits: Vec<Edit>,
    matched: u32,
    matched_content: u32,
    longest_run: u32,
    carried: u32,
    forgiven: u32,
    /// Added edge words waiting to be grouped: (query range, source position, minor).
    pending: Option<(Range<u32>, u32, bool)>,
}

impl Builder {
    fn equal(&mut self, words: &[Word]) {
        self.matched += words.len() as u32;
        self.matched_content += words.iter().filter(|w| !w.is(STOP)).count() as u32;
        self.longest_run = self.longest_run.max(words.len() as u32);
    }

    fn edit(&mut self, kind: EditKind, source: Range<u32>, query: Range<u32>, minor: bool) {
        self.edits.push(Edit {
            kind,
            source,
            query,
            minor,
        });
    }

    fn substituted(&mut self, old: Range<u32>, new: Range<u32>, src: &Side<'_>, query: Seq<'_>) {
        let old_words = &src.store.words()[old.start as usize..old.end as usize];
        let new_words = &query.words()[new.start as usize..new.end as usize];
        let possessive_only = old.len() == 1 && new.len() == 1 && {
            let a = src.store.norm(old.start as usize);
            let b = query.norm(new.start);
            a.trim_end_matches("'s") == b.trim_end_matches("'s")
        };
        let minor = possessive_only || (all_minor(old_words) && all_minor(new_words));
        self.edit(EditKind::Substituted, old, new, minor);
    }

    /// Adds one edge word, grouping neighbours into one edit.
    fn added_word(&mut self, q: u32, at: u32, word: &Word) {
        let minor = word.is(MINOR);
        match &mut self.pending {
            Some((range, _, all)) if range.start == q + 1 => {
                range.start = q;
                *all &= minor;
            }
            Some((range, _, all)) if range.end == q => {
                range.end = q + 1;
                *all &= minor;
            }
            _ => {
                self.flush_added();
                self.pending = Some((q..q + 1, at, minor));
            }
        }
    }

    fn flush_added(&mut self) {
        if let Some((range, at, minor)) = self.pending.take() {
            self.edit(EditKind::Added, at..at, range, minor);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::source::Span;

    /// Aligns `quote` with the whole of `source`; gaps are written `…`,
    /// `[…]`, `[x]` or `(x – ed.)` in the quote and cut out here.
    fn run(source: &str, quote: &str) -> (Alignment, String) {
        let eq = &Lexicon::builtin().equivalents;
        let mut src = WordStore::default();
        src.push_text(source, Span::from_range(0..source.len()), eq);
        let mut q = WordStore::default();
        let mut gaps = Vec::new();
        let mut rest = 0;
        let bytes = quote.as_bytes();
        let mut i = 0;
        while i < quote.len() {
            let close = match bytes[i] {
                b'[' => quote[i..].find(']').map(|j| i + j + 1),
                b'(' => quote[i..].find(')').map(|j| i + j + 1),
                _ if quote[i..].starts_with('…') => Some(i + '…'.len_utf8()),
                _ => None,
            };
            if let Some(end) = close {
                q.push_text(quote, Span::from_range(rest..i), eq);
                gaps.push(Gap {
                    at: q.len() as u32,
                    kind: GapKind::of(&quote[i..end]),
                    span: Span::from_range(i..end),
                });
                rest = end;
                i = end;
            } else {
                i += quote[i..].chars().next().map_or(1, char::len_utf8);
            }
        }
        q.push_text(quote, Span::from_range(rest..quote.len()), eq);
        let n = src.len() as u32;
        let a = align(&src, 0..n, 0..n, Seq::new(&q, 0..q.len() as u32), &gaps)
            .expect("some word in common");
        let shown = a
            .edits
            .iter()
            .map(|e| {
                let words = |store: &WordStore, r: &Range<u32>| {
                    r.clone()
                        .map(|i| store.norm(i as usize).to_string())
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                let minor = if e.minor { " (minor)" } else { "" };
                match e.kind {
                    EditKind::Substituted => format!(
                        "{} for {}{minor}",
                        words(&q, &e.query),
                        words(&src, &e.source)
                    ),
                    EditKind::Dropped => format!("drops {}{minor}", words(&src, &e.source)),
                    EditKind::Added => format!("adds {}{minor}", words(&q, &e.query)),
                }
            })
            .collect::<Vec<_>>()
            .join("; ");
        (a, shown)
    }

    #[test]
    fn an_exact_excerpt_has_no_edit() {
        let (a, shown) = run(
            "The mayor said: we will rebuild the bridge by spring, and we will pay for it.",
            "We will rebuild the bridge by spring,",
        );
        assert_eq!(shown, "");
        assert_eq!(a.score, 1.0);
        assert_eq!(a.passage, 3..10);
        assert_eq!(a.rest_of_sentence, None, "the quotation ends at a comma");
        let (a, _) = run(
            "The mayor said: we will rebuild the bridge by spring and pay for it.",
            "We will rebuild the bridge by spring",
        );
        assert_eq!((a.passage, a.rest_of_sentence), (3..10, Some(10..14)));
    }

    #[test]
    fn substitutions_drops_and_additions_are_told_apart() {
        let (a, shown) = run(
            "We will rebuild the old bridge by spring and reopen the ferry.",
            "We will repair the bridge by spring and quickly reopen the ferry.",
        );
        assert_eq!(shown, "repair for rebuild; drops old; adds quickly");
        assert_eq!(a.matched, 10);
        assert_eq!(a.longest_run, 4);
    }

    #[test]
    fn case_punctuation_quote_marks_and_hyphens_are_not_differences() {
        let (a, shown) = run(
            "Russia's military build-up on Ukraine's borders, officials said.",
            "RUSSIA’S “military” buildup — on Ukraine’s borders",
        );
        assert_eq!(shown, "");
        assert_eq!(a.score, 1.0);
        let (_, shown) = run("the de-escalation plan", "the de escalation plan");
        assert_eq!(shown, "", "a compound split in two is the same word");
    }

    #[test]
    fn editorial_cuts_and_insertions_are_not_differences() {
        let source =
            "We will, as I said yesterday, rebuild the bridge. He knows the budget is tight.";
        assert_eq!(run(source, "We will … rebuild the bridge.").1, "");
        assert_eq!(run(source, "We will [...] rebuild the bridge.").1, "");
        assert_eq!(
            run(source, "[The mayor] knows the budget is tight").1,
            "",
            "a bracket stands for the words it replaces"
        );
        assert_eq!(
            run(
                source,
                "We will rebuild (the Elm Street bridge – ed.) the bridge"
            )
            .1,
            "",
            "an editor's note adds, cuts nothing"
        );
        // A note does not excuse a cut, and without the ellipsis the cut is
        // a difference.
        let source = "The mayor will, as I said yesterday, rebuild the bridge.";
        assert_eq!(
            run(
                source,
                "The mayor will (on Monday – ed.) rebuild the bridge"
            )
            .1,
            "drops as i said yesterday"
        );
        assert_eq!(
            run(source, "The mayor will rebuild the bridge.").1,
            "drops as i said yesterday"
        );
    }

    #[test]
    fn abbreviations_of_posts_compare_equal_to_their_words() {
        let (a, shown) = run(
            "WH says Biden will speak w Ukraine’s leader on Sunday",
            "The White House says Biden will speak with Ukraine's leader on Sunday",
        );
        assert_eq!(shown, "adds the (minor)");
        assert!(a.score > 0.9, "{}", a.score);
    }

    #[test]
    fn edges_pair_content_words_and_carry_over_the_sentence() {
        // The seed's second quotation against the post.
        let post = "WH says Biden will speak w Ukraine’s leader on Sunday to reaffirm US support \
                    for Ukraine’s sovereignty/territorial integrity, discuss Russia’s military \
                    build-up on Ukraine’s borders, and review preparations for upcoming diplomatic \
                    engagements to help de-escalate regional tension.";
        let (a, shown) = run(
            post,
            "will consider preparations for the upcoming diplomatic clashes.",
        );
        assert_eq!(
            shown,
            "consider for review; adds the (minor); clashes for engagements"
        );
        assert_eq!((a.matched, a.matched_content), (4, 3));
        assert_eq!(
            a.compared, 7,
            "`will` comes from “Biden will speak … and review”"
        );
        assert!((a.score - 8.0 / 13.0).abs() < 1e-6, "{}", a.score);
        let rest = a.rest_of_sentence.clone().expect("the sentence goes on");
        assert_eq!(rest.len(), 5, "to help de-escalate regional tension");
    }

    #[test]
    fn the_seed_quotation_names_confirm_for_reaffirm() {
        let post = "WH says Biden will speak w Ukraine’s leader on Sunday to reaffirm US support \
                    for Ukraine’s sovereignty/territorial integrity, discuss Russia’s military \
                    build-up on Ukraine’s borders.";
        let (a, shown) = run(
            post,
            "The White House informs that Biden will hold talks with the leader of Ukraine on \
             Sunday (January 2 – ed.) to confirm US support for the sovereignty/territorial \
             integrity of Ukraine,",
        );
        assert!(shown.contains("confirm for reaffirm"), "{shown}");
        assert!(shown.contains("hold talks for speak"), "{shown}");
        assert!(
            !shown.contains("january"),
            "the editor's note is not compared: {shown}"
        );
        assert!(a.score > 0.6 && a.score < 0.75, "{}", a.score);
    }

    #[test]
    fn a_function_word_far_from_the_rest_does_not_anchor() {
        // `we` and `will` match words four apart from the rest: the quotation
        // is read as starting at `rebuild`, the sentence supplying the two.
        let (a, shown) = run(
            "We will, as I said yesterday, rebuild the bridge.",
            "We will rebuild the bridge.",
        );
        assert_eq!(shown, "");
        assert_eq!((a.passage, a.compared), (6..9, 3));
    }

    #[test]
    fn possessive_and_function_word_changes_are_minor() {
        let (_, shown) = run("the leader of Ukraine's army", "a leader of Ukraine army");
        assert_eq!(shown, "a for the (minor); ukraine for ukraine's (minor)");
    }

    #[test]
    fn moved_words_are_minor() {
        let (_, shown) = run(
            "Biden will speak with Ukraine's leader on Sunday about the border",
            "Biden will speak with the leader of Ukraine on Sunday about the border",
        );
        assert_eq!(shown, "the for ukraine's (minor); adds of ukraine (minor)");
        // A word that is only taken is not a move.
        let (_, shown) = run(
            "Biden will speak with Ukraine's leader on Sunday about the border",
            "Biden will speak with the leader on Sunday about the border",
        );
        assert_eq!(shown, "the for ukraine's");
    }
}
