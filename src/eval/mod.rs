//! `attrcheck eval`: scores claim extraction against gold attributions.
//!
//! The gold file ([`gold`]) gives, per document, the attributions a reader
//! finds (kind, source, cue, content; code-point offsets). Each document's
//! text goes through [`crate::parse::parse_article`] and
//! [`crate::claims::extract`] exactly as in a normal run; every claim whose
//! kind is not `unattributed` is a prediction. [`score`] matches predictions
//! to gold and counts; [`report`] prints the table (human or JSON) and the
//! error listing. The metrics and their exact definitions are documented in
//! `docs/accuracy.md`.

pub mod gold;
pub mod listing;
pub mod report;
pub mod score;
#[cfg(test)]
mod tests;

use crate::claims::{Claim, ClaimKind};
use crate::lexicon::Lexicon;
pub use gold::{load_gold, parse_gold, CharIndex, GoldDoc, GoldSet};
pub use score::{Counts, Item, Kind, Matches, Metric, Scope};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

/// The arguments of `attrcheck eval`.
#[derive(Clone, Debug, clap::Args)]
pub struct EvalArgs {
    /// Gold annotations: one JSON document per line (`{"id","text","attributions"}`)
    #[arg(long, value_name = "FILE.jsonl")]
    pub gold: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = EvalFormat::Human)]
    pub format: EvalFormat,
    /// Scope of the human table, the per-document table and the error listing
    /// [default: both scopes in the table, `all` elsewhere]
    #[arg(long, value_enum)]
    pub kind: Option<Scope>,
    /// List false positives, false negatives or both, for development
    #[arg(long, value_enum)]
    pub show: Option<Show>,
    /// The metric that decides what `--show` lists as an error
    #[arg(long, value_enum, default_value_t = Metric::SpeakerContent)]
    pub metric: Metric,
    /// Score only the document with this id (or whose id ends in `/ID`)
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,
    /// Add a table of scores per document
    #[arg(long)]
    pub per_doc: bool,
}

/// Output formats of `attrcheck eval`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum EvalFormat {
    /// Readable tables.
    Human,
    /// One JSON object (shape documented in `docs/accuracy.md`).
    Json,
}

/// What `--show` lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Show {
    /// Predictions that match no gold attribution.
    Fp,
    /// Gold attributions that no prediction matches.
    Fn,
    /// Both.
    All,
}

/// The targets of issue 4, as (scope, metric, minimum F1).
pub const TARGETS: &[(Scope, Metric, f64)] = &[
    (Scope::Direct, Metric::SpeakerContent, 0.90),
    (Scope::Direct, Metric::ContentOverlap, 0.95),
    (Scope::All, Metric::ContentOverlap, 0.85),
    (Scope::All, Metric::SpeakerContent, 0.80),
    (Scope::All, Metric::CueContent, 0.80),
    (Scope::All, Metric::ContentExact, 0.60),
];

/// The target F1 for a scope and metric, if issue 4 sets one.
pub fn target(scope: Scope, metric: Metric) -> Option<f64> {
    TARGETS
        .iter()
        .find(|&&(s, m, _)| s == scope && m == metric)
        .map(|&(_, _, f1)| f1)
}

/// Why the evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The gold file could not be read.
    #[error("cannot read `{path}`: {source}")]
    Read {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A line of the gold file is malformed.
    #[error("{path}:{line}: {message}")]
    Gold {
        /// The file.
        path: String,
        /// The 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// `--doc` named no document of the gold file.
    #[error("no document `{0}` in the gold file")]
    NoSuchDoc(String),
    /// The report could not be written.
    #[error("cannot write the report: {0}")]
    Write(#[from] std::io::Error),
}

/// Counts of items by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct KindCounts {
    /// `direct`.
    pub direct: usize,
    /// `indirect`.
    pub indirect: usize,
    /// `mixed`.
    pub mixed: usize,
    /// Claims of kind `unattributed` (predictions only; never scored).
    pub unattributed: usize,
}

impl KindCounts {
    fn count(&mut self, kind: Option<Kind>) {
        match kind {
            Some(Kind::Direct) => self.direct += 1,
            Some(Kind::Indirect) => self.indirect += 1,
            Some(Kind::Mixed) => self.mixed += 1,
            None => self.unattributed += 1,
        }
    }

    fn add(&mut self, other: &KindCounts) {
        self.direct += other.direct;
        self.indirect += other.indirect;
        self.mixed += other.mixed;
        self.unattributed += other.unattributed;
    }

    /// Direct + indirect + mixed (the scored ones).
    pub fn attributed(&self) -> usize {
        self.direct + self.indirect + self.mixed
    }
}

/// Counts for every scope and metric, indexed `[scope][metric]` in the
/// order of [`Scope::ALL`] and [`Metric::ALL`].
pub type ScoreTable = [[Counts; 4]; 2];

/// The result for one document.
#[derive(Clone, Debug)]
pub struct DocResult {
    /// The predictions (claims not `unattributed`), sorted by content start.
    pub predicted: Vec<Item>,
    /// Predictions by kind, unattributed claims included.
    pub predicted_by_kind: KindCounts,
    /// The panic message, when parsing or extraction panicked (the
    /// document then has no prediction).
    pub crash: Option<String>,
    /// Predicted spans that are out of the text or not on char boundaries.
    pub invalid_spans: usize,
    /// The overlapping (prediction, gold) pairs.
    pub matches: Matches,
    /// The document's counts.
    pub counts: ScoreTable,
}

/// The result of a whole run.
#[derive(Clone, Debug)]
pub struct Evaluation {
    /// The gold documents scored.
    pub gold: GoldSet,
    /// One result per gold document, in the same order.
    pub docs: Vec<DocResult>,
    /// The counts summed over documents (micro-average).
    pub totals: ScoreTable,
}

impl Evaluation {
    /// The summed counts for a scope and metric.
    pub fn counts(&self, scope: Scope, metric: Metric) -> Counts {
        self.totals[scope as usize][metric as usize]
    }

    /// How many documents crashed.
    pub fn crashed(&self) -> usize {
        self.docs.iter().filter(|d| d.crash.is_some()).count()
    }

    /// Gold attributions by kind.
    pub fn gold_by_kind(&self) -> KindCounts {
        let mut counts = KindCounts::default();
        for item in self.gold.docs.iter().flat_map(|d| &d.attributions) {
            counts.count(Some(item.kind));
        }
        counts
    }

    /// Predictions by kind, unattributed claims included.
    pub fn predicted_by_kind(&self) -> KindCounts {
        let mut counts = KindCounts::default();
        for doc in &self.docs {
            counts.add(&doc.predicted_by_kind);
        }
        counts
    }
}

/// Scores every document of `gold` with the real pipeline
/// ([`crate::parse::parse_article`] then [`crate::claims::extract`]).
pub fn evaluate(gold: GoldSet, lexicon: &Lexicon) -> Evaluation {
    evaluate_with(gold, &|text: &str| {
        let article = crate::parse::parse_article(text);
        crate::claims::extract(text, &article, lexicon)
    })
}

/// Scores every document of `gold` with the claims `extract` returns for
/// its text; never skips one. A panic inside `extract` is caught and
/// recorded as the document's crash (the document then has no prediction).
pub fn evaluate_with(gold: GoldSet, extract: &dyn Fn(&str) -> Vec<Claim>) -> Evaluation {
    let mut totals = ScoreTable::default();
    let docs: Vec<DocResult> = gold
        .docs
        .iter()
        .map(|doc| {
            let result = evaluate_doc(doc, extract);
            for (total, counts) in totals.iter_mut().zip(&result.counts) {
                for (total, counts) in total.iter_mut().zip(counts) {
                    total.add(counts);
                }
            }
            result
        })
        .collect();
    Evaluation { gold, docs, totals }
}

fn evaluate_doc(doc: &GoldDoc, extract: &dyn Fn(&str) -> Vec<Claim>) -> DocResult {
    let text = doc.text.as_str();
    let extracted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(text)));
    let (claims, crash) = match extracted {
        Ok(claims) => (claims, None),
        Err(payload) => (Vec::new(), Some(panic_message(payload.as_ref()))),
    };
    let mut predicted_by_kind = KindCounts::default();
    let mut invalid_spans = 0;
    let mut predicted = Vec::new();
    for claim in &claims {
        predicted_by_kind.count(prediction_kind(claim.kind));
        let speaker = claim.speaker.as_ref().map(|s| s.span);
        let cue = claim.cue.as_ref().map(|c| c.span);
        invalid_spans += claim
            .content
            .iter()
            .copied()
            .chain(speaker)
            .chain(cue)
            .filter(|span| span.is_empty() || text.get(span.range()).is_none())
            .count();
        predicted.extend(prediction(text, claim));
    }
    predicted.sort_by_key(Item::start);
    let matches = Matches::new(&doc.attributions, &predicted);
    let mut counts = ScoreTable::default();
    for scope in Scope::ALL {
        for metric in Metric::ALL {
            counts[scope as usize][metric as usize] =
                matches.counts(&doc.attributions, &predicted, scope, metric);
        }
    }
    DocResult {
        predicted,
        predicted_by_kind,
        crash,
        invalid_spans,
        matches,
        counts,
    }
}

/// The scored kind of a claim; `None` for `unattributed`.
fn prediction_kind(kind: ClaimKind) -> Option<Kind> {
    match kind {
        ClaimKind::Direct => Some(Kind::Direct),
        ClaimKind::Indirect => Some(Kind::Indirect),
        ClaimKind::Mixed => Some(Kind::Mixed),
        ClaimKind::Unattributed => None,
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(message) = payload.downcast_ref::<&str>() {
        (*message).to_string()
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message.clone()
    } else {
        "panic with a non-string payload".to_string()
    }
}

/// What a run found, for the exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Documents scored.
    pub documents: usize,
    /// Documents whose parsing or extraction panicked.
    pub crashed: usize,
}

/// Runs `attrcheck eval`: loads the gold file, scores, and writes the report
/// to `out`. A crashed document is reported, not an error; the caller
/// decides the exit code from the [`Outcome`].
pub fn run(args: &EvalArgs, out: &mut dyn Write) -> Result<Outcome, EvalError> {
    let mut gold = load_gold(&args.gold)?;
    if let Some(id) = &args.doc {
        gold.docs.retain(|doc| doc_id_matches(&doc.id, id));
        if gold.docs.is_empty() {
            return Err(EvalError::NoSuchDoc(id.clone()));
        }
    }
    let evaluation = evaluate(gold, Lexicon::builtin());
    match args.format {
        EvalFormat::Human => report::human(&evaluation, args, out)?,
        EvalFormat::Json => report::json(&evaluation, args, out)?,
    }
    Ok(Outcome {
        documents: evaluation.docs.len(),
        crashed: evaluation.crashed(),
    })
}

fn doc_id_matches(id: &str, wanted: &str) -> bool {
    id == wanted
        || id
            .strip_suffix(wanted)
            .is_some_and(|rest| rest.ends_with('/'))
}

/// A claim's content, speaker and cue as an [`Item`]; `None` for an
/// unattributed claim, which is not a prediction.
fn prediction(text: &str, claim: &Claim) -> Option<Item> {
    let kind = prediction_kind(claim.kind)?;
    Some(Item::new(
        text,
        kind,
        claim.content.clone(),
        claim.speaker.iter().map(|s| s.span).collect(),
        claim.cue.iter().map(|c| c.span).collect(),
    ))
}
