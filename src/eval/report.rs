//! Rendering an [`Evaluation`]: readable tables, or one JSON object whose
//! shape (version 1) is documented in `docs/accuracy.md`.

use super::listing::{failures, Failure, Reason, Side};
use super::score::{Counts, Item, Metric, Scope};
use super::{target, CharIndex, EvalArgs, Evaluation, KindCounts, Show};
use crate::source::{LineIndex, Span};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Version of the JSON shape; bumped on any incompatible change.
pub const JSON_VERSION: u32 = 1;

/// Longest content shown in a human listing entry, in chars.
const SHOWN_CHARS: usize = 160;

fn side_of(show: Show) -> Option<Side> {
    match show {
        Show::Fp => Some(Side::Fp),
        Show::Fn => Some(Side::Fn),
        Show::All => None,
    }
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("{:.1}", v * 100.0))
}

/// Writes the readable report.
pub fn human(evaluation: &Evaluation, args: &EvalArgs, out: &mut dyn Write) -> io::Result<()> {
    let gold = evaluation.gold_by_kind();
    let predicted = evaluation.predicted_by_kind();
    writeln!(out, "gold file   {}", evaluation.gold.name)?;
    writeln!(
        out,
        "documents   {} scored, {} crashed",
        evaluation.docs.len(),
        evaluation.crashed()
    )?;
    writeln!(
        out,
        "gold        {} attributions: {} direct, {} indirect, {} mixed",
        gold.attributed(),
        gold.direct,
        gold.indirect,
        gold.mixed
    )?;
    writeln!(
        out,
        "predicted   {} claims: {} direct, {} indirect, {} mixed ({} unattributed, not scored)",
        predicted.attributed(),
        predicted.direct,
        predicted.indirect,
        predicted.mixed,
        predicted.unattributed
    )?;
    let invalid: usize = evaluation.docs.iter().map(|d| d.invalid_spans).sum();
    if invalid > 0 {
        writeln!(
            out,
            "warning     {invalid} predicted spans are empty, out of the text or off char boundaries"
        )?;
    }
    for (doc, result) in evaluation.gold.docs.iter().zip(&evaluation.docs) {
        if let Some(message) = &result.crash {
            writeln!(out, "crashed     {} (line {}): {message}", doc.id, doc.line)?;
        }
    }

    let scopes: &[Scope] = match args.kind {
        Some(Scope::Direct) => &[Scope::Direct],
        Some(Scope::All) => &[Scope::All],
        None => &Scope::ALL,
    };
    for &scope in scopes {
        let first = evaluation.counts(scope, Metric::ContentOverlap);
        writeln!(out)?;
        writeln!(
            out,
            "{} (gold {}, predicted {})",
            scope_title(scope),
            first.gold,
            first.predicted
        )?;
        writeln!(
            out,
            "  {:<16} {:>6} {:>6} {:>6}  {:>13}  {:>11}  {:>6}  target F1",
            "metric", "P", "R", "F1", "matched/pred", "found/gold", "1:1 F1"
        )?;
        for metric in Metric::ALL {
            let c = evaluation.counts(scope, metric);
            let target = match target(scope, metric) {
                Some(t) => {
                    let met = c.f1().is_some_and(|f1| f1 >= t);
                    format!("≥{:.0} {}", t * 100.0, if met { "met" } else { "below" })
                }
                None => String::new(),
            };
            let row = format!(
                "  {:<16} {:>6} {:>6} {:>6}  {:>13}  {:>11}  {:>6}  {}",
                metric.label(),
                percent(c.precision()),
                percent(c.recall()),
                percent(c.f1()),
                format!("{}/{}", c.predicted_matched, c.predicted),
                format!("{}/{}", c.gold_found, c.gold),
                percent(c.one_to_one_prf().2),
                target
            );
            writeln!(out, "{}", row.trim_end())?;
        }
    }

    let scope = args.kind.unwrap_or(Scope::All);
    if args.per_doc {
        writeln!(out)?;
        writeln!(out, "per document ({}, F1)", scope_title(scope))?;
        let width = evaluation
            .gold
            .docs
            .iter()
            .map(|d| d.id.chars().count())
            .max()
            .unwrap_or(2)
            .max(2);
        writeln!(
            out,
            "  {:<width$} {:>5} {:>5} {:>8} {:>8} {:>8} {:>8}",
            "id", "gold", "pred", "overlap", "exact", "speaker", "cue"
        )?;
        for (doc, result) in evaluation.gold.docs.iter().zip(&evaluation.docs) {
            let row = &result.counts[scope as usize];
            let c = row[0];
            write!(out, "  {:<width$} {:>5} {:>5}", doc.id, c.gold, c.predicted)?;
            for counts in row {
                write!(out, " {:>8}", percent(counts.f1()))?;
            }
            if result.crash.is_some() {
                write!(out, "  crashed")?;
            }
            writeln!(out)?;
        }
    }

    if let Some(show) = args.show {
        let listed = failures(evaluation, scope, args.metric, side_of(show));
        for side in [Side::Fp, Side::Fn] {
            if side_of(show).is_some_and(|s| s != side) {
                continue;
            }
            let of_side: Vec<&Failure> = listed.iter().filter(|f| f.side == side).collect();
            writeln!(out)?;
            writeln!(
                out,
                "{} ({}, {}): {}",
                match side {
                    Side::Fp => "false positives",
                    Side::Fn => "false negatives",
                },
                scope_title(scope),
                args.metric.label(),
                of_side.len()
            )?;
            let mut indexes = Indexes::new(evaluation);
            for failure in &of_side {
                let (lines, _) = indexes.get(failure.doc);
                write_failure(out, evaluation, failure, lines)?;
            }
            let mut reasons: BTreeMap<Reason, usize> = BTreeMap::new();
            for failure in &of_side {
                *reasons.entry(failure.reason).or_default() += 1;
            }
            if !reasons.is_empty() {
                let summary: Vec<String> = reasons
                    .iter()
                    .map(|(reason, n)| format!("{} {n}", reason.name()))
                    .collect();
                writeln!(out, "  by reason: {}", summary.join(", "))?;
            }
        }
    }
    Ok(())
}

/// Line and code-point indexes of the documents, each built on first use.
struct Indexes<'a> {
    evaluation: &'a Evaluation,
    built: Vec<Option<(LineIndex, CharIndex)>>,
}

impl<'a> Indexes<'a> {
    fn new(evaluation: &'a Evaluation) -> Self {
        Indexes {
            evaluation,
            built: vec![None; evaluation.docs.len()],
        }
    }

    fn get(&mut self, doc: usize) -> &(LineIndex, CharIndex) {
        let text = &self.evaluation.gold.docs[doc].text;
        self.built[doc].get_or_insert_with(|| (LineIndex::new(text), CharIndex::new(text)))
    }
}

fn scope_title(scope: Scope) -> &'static str {
    match scope {
        Scope::Direct => "direct quotes",
        Scope::All => "all kinds",
    }
}

/// The two items of a failure: (prediction, gold).
fn pair<'a>(evaluation: &'a Evaluation, failure: &Failure) -> (Option<&'a Item>, Option<&'a Item>) {
    let doc = &evaluation.gold.docs[failure.doc];
    let result = &evaluation.docs[failure.doc];
    match failure.side {
        Side::Fp => (
            result.predicted.get(failure.item),
            failure.counterpart.and_then(|g| doc.attributions.get(g)),
        ),
        Side::Fn => (
            failure.counterpart.and_then(|p| result.predicted.get(p)),
            doc.attributions.get(failure.item),
        ),
    }
}

fn write_failure(
    out: &mut dyn Write,
    evaluation: &Evaluation,
    failure: &Failure,
    index: &LineIndex,
) -> io::Result<()> {
    let doc = &evaluation.gold.docs[failure.doc];
    let text = doc.text.as_str();
    let (predicted, gold) = pair(evaluation, failure);
    let subject = match failure.side {
        Side::Fp => predicted,
        Side::Fn => gold,
    };
    let Some(subject) = subject else {
        return Ok(());
    };
    let line = index
        .position(text, subject.start().min(text.len() as u32))
        .line;
    let kind = |item: Option<&Item>| item.map_or("—", |i| i.kind.name());
    writeln!(
        out,
        "  {} {}:{}  {}  (predicted {}, gold {})",
        match failure.side {
            Side::Fp => "FP",
            Side::Fn => "FN",
        },
        doc.id,
        line,
        failure.reason.name(),
        kind(predicted),
        kind(gold)
    )?;
    writeln!(out, "      content    {}", shown(text, &subject.content))?;
    if let Some(other) = match failure.side {
        Side::Fp => gold,
        Side::Fn => predicted,
    } {
        let label = match failure.side {
            Side::Fp => "gold",
            Side::Fn => "predicted",
        };
        if other.content != subject.content {
            writeln!(out, "      {label:<10} {}", shown(text, &other.content))?;
        }
    }
    let role = |item: Option<&Item>, spans: fn(&Item) -> &[Span]| match item {
        None => "—".to_string(),
        Some(item) if spans(item).is_empty() => "(none)".to_string(),
        Some(item) => shown(text, spans(item)),
    };
    writeln!(
        out,
        "      speaker    predicted {}  gold {}",
        role(predicted, |i| &i.source),
        role(gold, |i| &i.source)
    )?;
    writeln!(
        out,
        "      cue        predicted {}  gold {}",
        role(predicted, |i| &i.cue),
        role(gold, |i| &i.cue)
    )
}

/// The fragments' text joined by ` … `, whitespace collapsed, cut to
/// [`SHOWN_CHARS`], in corner brackets so edges are visible.
fn shown(text: &str, spans: &[Span]) -> String {
    let joined = spans
        .iter()
        .map(|s| {
            s.text(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join(" … ");
    let mut chars = joined.chars();
    let mut cut: String = chars.by_ref().take(SHOWN_CHARS).collect();
    if chars.next().is_some() {
        cut.push('…');
    }
    format!("⌜{cut}⌝")
}

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    gold_file: &'a str,
    documents: usize,
    crashed: usize,
    invalid_spans: usize,
    gold_by_kind: GoldKinds,
    predicted_by_kind: KindCounts,
    scopes: JsonScopes,
    per_doc: Vec<JsonDoc<'a>>,
    listing: Option<JsonListing>,
}

#[derive(Serialize)]
struct GoldKinds {
    direct: usize,
    indirect: usize,
    mixed: usize,
}

#[derive(Serialize)]
struct JsonScopes {
    direct: JsonScope,
    all: JsonScope,
}

#[derive(Serialize)]
struct JsonScope {
    gold: usize,
    predicted: usize,
    content_overlap: JsonMetric,
    content_exact: JsonMetric,
    speaker_content: JsonMetric,
    cue_content: JsonMetric,
}

#[derive(Serialize)]
struct JsonMetric {
    precision: Option<f64>,
    recall: Option<f64>,
    f1: Option<f64>,
    predicted_matched: usize,
    gold_found: usize,
    one_to_one: JsonOneToOne,
    target_f1: Option<f64>,
}

#[derive(Serialize)]
struct JsonOneToOne {
    matched: usize,
    precision: Option<f64>,
    recall: Option<f64>,
    f1: Option<f64>,
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    id: &'a str,
    line: usize,
    crash: Option<&'a str>,
    invalid_spans: usize,
    predicted_by_kind: KindCounts,
    scopes: JsonScopes,
}

#[derive(Serialize)]
struct JsonListing {
    scope: &'static str,
    metric: &'static str,
    failures: Vec<JsonFailure>,
}

#[derive(Serialize)]
struct JsonFailure {
    side: Side,
    doc: String,
    line: u32,
    reason: Reason,
    predicted: Option<JsonItem>,
    gold: Option<JsonItem>,
}

/// An item with code-point spans (as in the gold file) and their texts.
#[derive(Serialize)]
struct JsonItem {
    kind: &'static str,
    content_spans: Vec<(usize, usize)>,
    content_text: String,
    source_spans: Vec<(usize, usize)>,
    source_text: Option<String>,
    cue_spans: Vec<(usize, usize)>,
    cue_text: Option<String>,
}

fn json_scopes(table: &super::ScoreTable) -> JsonScopes {
    let scope = |scope: Scope| {
        let row = &table[scope as usize];
        let metric = |metric: Metric| json_metric(&row[metric as usize], target(scope, metric));
        JsonScope {
            gold: row[0].gold,
            predicted: row[0].predicted,
            content_overlap: metric(Metric::ContentOverlap),
            content_exact: metric(Metric::ContentExact),
            speaker_content: metric(Metric::SpeakerContent),
            cue_content: metric(Metric::CueContent),
        }
    };
    JsonScopes {
        direct: scope(Scope::Direct),
        all: scope(Scope::All),
    }
}

fn json_metric(c: &Counts, target_f1: Option<f64>) -> JsonMetric {
    let (precision, recall, f1) = c.one_to_one_prf();
    JsonMetric {
        precision: c.precision(),
        recall: c.recall(),
        f1: c.f1(),
        predicted_matched: c.predicted_matched,
        gold_found: c.gold_found,
        one_to_one: JsonOneToOne {
            matched: c.one_to_one,
            precision,
            recall,
            f1,
        },
        target_f1,
    }
}

fn json_item(text: &str, index: &CharIndex, item: &Item) -> JsonItem {
    let spans = |spans: &[Span]| spans.iter().map(|&s| index.chars_of(s)).collect();
    let joined = |spans: &[Span]| {
        (!spans.is_empty()).then(|| {
            spans
                .iter()
                .map(|s| s.text(text))
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    JsonItem {
        kind: item.kind.name(),
        content_spans: spans(&item.content),
        content_text: joined(&item.content).unwrap_or_default(),
        source_spans: spans(&item.source),
        source_text: joined(&item.source),
        cue_spans: spans(&item.cue),
        cue_text: joined(&item.cue),
    }
}

/// Writes the JSON report (one object and a newline).
pub fn json(evaluation: &Evaluation, args: &EvalArgs, out: &mut dyn Write) -> io::Result<()> {
    let gold = evaluation.gold_by_kind();
    let listing = args.show.map(|show| {
        let scope = args.kind.unwrap_or(Scope::All);
        let mut indexes = Indexes::new(evaluation);
        let failures = failures(evaluation, scope, args.metric, side_of(show))
            .iter()
            .filter_map(|failure| {
                let doc = &evaluation.gold.docs[failure.doc];
                let (lines, chars) = indexes.get(failure.doc);
                let (predicted, gold) = pair(evaluation, failure);
                let subject = match failure.side {
                    Side::Fp => predicted?,
                    Side::Fn => gold?,
                };
                let offset = subject.start().min(doc.text.len() as u32);
                Some(JsonFailure {
                    side: failure.side,
                    doc: doc.id.clone(),
                    line: lines.position(&doc.text, offset).line,
                    reason: failure.reason,
                    predicted: predicted.map(|i| json_item(&doc.text, chars, i)),
                    gold: gold.map(|i| json_item(&doc.text, chars, i)),
                })
            })
            .collect();
        JsonListing {
            scope: scope.name(),
            metric: args.metric.key(),
            failures,
        }
    });
    let report = JsonReport {
        version: JSON_VERSION,
        gold_file: &evaluation.gold.name,
        documents: evaluation.docs.len(),
        crashed: evaluation.crashed(),
        invalid_spans: evaluation.docs.iter().map(|d| d.invalid_spans).sum(),
        gold_by_kind: GoldKinds {
            direct: gold.direct,
            indirect: gold.indirect,
            mixed: gold.mixed,
        },
        predicted_by_kind: evaluation.predicted_by_kind(),
        scopes: json_scopes(&evaluation.totals),
        per_doc: evaluation
            .gold
            .docs
            .iter()
            .zip(&evaluation.docs)
            .map(|(doc, result)| JsonDoc {
                id: &doc.id,
                line: doc.line,
                crash: result.crash.as_deref(),
                invalid_spans: result.invalid_spans,
                predicted_by_kind: result.predicted_by_kind,
                scopes: json_scopes(&result.counts),
            })
            .collect(),
        listing,
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
