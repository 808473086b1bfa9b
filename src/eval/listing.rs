//! The error listing behind `--show`: every false positive and false
//! negative under one scope and metric, each with its closest counterpart and
//! a first classification of the failure.

use super::score::{Edge, Metric, Scope};
use super::Evaluation;
use serde::Serialize;

/// Which side of the matching a failure is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// A prediction that matches no gold attribution.
    Fp,
    /// A gold attribution that no prediction matches.
    Fn,
}

/// A first classification of a failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// False positive: no gold content overlaps the prediction at all.
    Spurious,
    /// False negative: no prediction overlaps the gold content at all.
    Missed,
    /// Contents overlap, but only with items of another kind than the scope
    /// admits (a quote predicted `direct` where the gold says `mixed`).
    KindDiffers,
    /// Contents overlap but the normalised texts differ (metric `exact`).
    TextDiffers,
    /// Contents overlap but the speaker does not match the gold source.
    SpeakerDiffers,
    /// Contents overlap but the cue does not match the gold cue.
    CueDiffers,
}

impl Reason {
    /// The reason's name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Reason::Spurious => "spurious",
            Reason::Missed => "missed",
            Reason::KindDiffers => "kind-differs",
            Reason::TextDiffers => "text-differs",
            Reason::SpeakerDiffers => "speaker-differs",
            Reason::CueDiffers => "cue-differs",
        }
    }

    fn for_metric(metric: Metric) -> Reason {
        match metric {
            // Unreachable in practice: an overlapping in-scope pair matches.
            Metric::ContentOverlap => Reason::KindDiffers,
            Metric::ContentExact => Reason::TextDiffers,
            Metric::SpeakerContent => Reason::SpeakerDiffers,
            Metric::CueContent => Reason::CueDiffers,
        }
    }
}

/// One false positive or false negative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Failure {
    /// False positive or false negative.
    pub side: Side,
    /// Index of the document in [`Evaluation::docs`].
    pub doc: usize,
    /// Index of the failing item: a prediction for `Fp`, a gold attribution
    /// for `Fn`.
    pub item: usize,
    /// The closest item on the other side (an overlapping one, preferably in
    /// scope), if any.
    pub counterpart: Option<usize>,
    /// Why it failed.
    pub reason: Reason,
}

/// Every failure of `side` (both when `None`) under `scope` and `metric`, in
/// document order; within a document, false positives first, each side in
/// text order.
pub fn failures(
    evaluation: &Evaluation,
    scope: Scope,
    metric: Metric,
    side: Option<Side>,
) -> Vec<Failure> {
    let mut out = Vec::new();
    for (d, (doc, result)) in evaluation
        .gold
        .docs
        .iter()
        .zip(&evaluation.docs)
        .enumerate()
    {
        let gold = &doc.attributions;
        let predicted = &result.predicted;
        let mut by_predicted: Vec<Vec<Edge>> = vec![Vec::new(); predicted.len()];
        let mut by_gold: Vec<Vec<Edge>> = vec![Vec::new(); gold.len()];
        for &edge in &result.matches.edges {
            by_predicted[edge.predicted as usize].push(edge);
            by_gold[edge.gold as usize].push(edge);
        }
        let in_scope = |edge: &Edge| {
            scope.admits(gold[edge.gold as usize].kind)
                && scope.admits(predicted[edge.predicted as usize].kind)
        };
        // `None` when one of `edges` is a match; otherwise the closest item
        // on the other side (in scope first) and the reason.
        let classify = |edges: &[Edge], other: fn(&Edge) -> usize, none: Reason| {
            if edges.iter().any(|e| in_scope(e) && e.satisfies(metric)) {
                return None;
            }
            Some(match edges.iter().find(|e| in_scope(e)) {
                Some(e) => (Some(other(e)), Reason::for_metric(metric)),
                None => match edges.first() {
                    Some(e) => (Some(other(e)), Reason::KindDiffers),
                    None => (None, none),
                },
            })
        };
        let mut push = |side: Side, item: usize, found: Option<(Option<usize>, Reason)>| {
            if let Some((counterpart, reason)) = found {
                out.push(Failure {
                    side,
                    doc: d,
                    item,
                    counterpart,
                    reason,
                });
            }
        };
        if side != Some(Side::Fn) {
            for (p, item) in predicted.iter().enumerate() {
                if scope.admits(item.kind) {
                    let found = classify(&by_predicted[p], |e| e.gold as usize, Reason::Spurious);
                    push(Side::Fp, p, found);
                }
            }
        }
        if side != Some(Side::Fp) {
            for (g, item) in gold.iter().enumerate() {
                if scope.admits(item.kind) {
                    let found = classify(&by_gold[g], |e| e.predicted as usize, Reason::Missed);
                    push(Side::Fn, g, found);
                }
            }
        }
    }
    out
}
