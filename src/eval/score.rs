//! Matching predictions to gold attributions and the metrics built on it.
//!
//! Both sides become [`Item`]s (kind, content fragments, source, cue, as byte
//! spans). Every metric is a predicate on a (prediction, gold) pair, and all
//! four require the contents to overlap, so only overlapping pairs are ever
//! compared: they are found with a sorted index of gold fragments, not by
//! comparing every pair.
//!
//! Precision counts predictions (a prediction is correct when it matches some
//! gold item), recall counts gold items (a gold item is found when some
//! prediction matches it); this is not a one-to-one matching, so two
//! predictions over one gold quote both count as correct. The one-to-one
//! figures (a maximum bipartite matching) are reported beside them.

use crate::source::Span;
use serde::{Deserialize, Serialize};

/// The kind of an attribution or a prediction (unattributed claims are not
/// predictions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The whole content is a quotation.
    Direct,
    /// Reported speech with no quotation marks.
    Indirect,
    /// Reported speech containing quoted words.
    Mixed,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 3] = [Kind::Direct, Kind::Indirect, Kind::Mixed];

    /// The kind's name as in the gold file.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
            Kind::Mixed => "mixed",
        }
    }
}

/// Which items a score is computed over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Scope {
    /// Gold and predictions of kind `direct` only.
    Direct,
    /// Every gold attribution and every prediction.
    All,
}

impl Scope {
    /// Both scopes, in report order.
    pub const ALL: [Scope; 2] = [Scope::Direct, Scope::All];

    /// The scope's name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Scope::Direct => "direct",
            Scope::All => "all",
        }
    }

    /// Whether an item of `kind` is scored in this scope.
    pub fn admits(self, kind: Kind) -> bool {
        match self {
            Scope::Direct => kind == Kind::Direct,
            Scope::All => true,
        }
    }
}

/// The four match criteria.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Metric {
    /// Some predicted content fragment overlaps some gold content fragment
    #[value(name = "overlap")]
    ContentOverlap,
    /// Content overlap, and the content texts are equal once trimmed of edge
    /// quotes and punctuation and lowercased
    #[value(name = "exact")]
    ContentExact,
    /// Content overlap, and the speaker overlaps the gold source (none
    /// predicted where the gold has none)
    #[value(name = "speaker")]
    SpeakerContent,
    /// Content overlap, and the cue overlaps the gold cue
    #[value(name = "cue")]
    CueContent,
}

impl Metric {
    /// Every metric, in report order.
    pub const ALL: [Metric; 4] = [
        Metric::ContentOverlap,
        Metric::ContentExact,
        Metric::SpeakerContent,
        Metric::CueContent,
    ];

    /// The metric's key in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            Metric::ContentOverlap => "content_overlap",
            Metric::ContentExact => "content_exact",
            Metric::SpeakerContent => "speaker_content",
            Metric::CueContent => "cue_content",
        }
    }

    /// The metric's label in the human table.
    pub fn label(self) -> &'static str {
        match self {
            Metric::ContentOverlap => "content overlap",
            Metric::ContentExact => "content exact",
            Metric::SpeakerContent => "speaker+content",
            Metric::CueContent => "cue+content",
        }
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A gold attribution or a prediction, with byte spans into the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The kind.
    pub kind: Kind,
    /// The content fragments, in text order.
    pub content: Vec<Span>,
    /// The source (gold) or speaker (prediction); empty when there is none.
    pub source: Vec<Span>,
    /// The cue; empty when there is none.
    pub cue: Vec<Span>,
    /// The content text normalised for the exact metric.
    pub normalized: String,
}

impl Item {
    /// An item over `text`; the content is sorted and its normalised text
    /// computed.
    pub fn new(
        text: &str,
        kind: Kind,
        mut content: Vec<Span>,
        source: Vec<Span>,
        cue: Vec<Span>,
    ) -> Item {
        content.sort();
        let normalized = normalize_content(text, &content);
        Item {
            kind,
            content,
            source,
            cue,
            normalized,
        }
    }

    /// Where the item's content starts (for ordering).
    pub fn start(&self) -> u32 {
        self.content.first().map_or(u32::MAX, |span| span.start)
    }
}

/// The normalisation behind "content exact".
///
/// Each fragment is trimmed at both ends of whitespace, quotation marks and
/// punctuation (repeatedly, so `,”` and `“…` go); empty fragments are
/// dropped; the rest are joined with one space; every run of whitespace
/// becomes one space; the result is lowercased (`str::to_lowercase`, Unicode
/// lowercase mapping, not full case folding). Inner punctuation is kept.
/// A fragment that is not on char boundaries counts as empty.
pub fn normalize_content(text: &str, fragments: &[Span]) -> String {
    let mut out = String::new();
    for fragment in fragments {
        let trimmed = fragment.text(text).trim_matches(is_edge_char);
        for word in trimmed.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

/// Whitespace, quotation marks and punctuation, trimmed from fragment edges.
fn is_edge_char(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            '“' | '”'
                | '‘'
                | '’'
                | '‚'
                | '„'
                | '‟'
                | '‛'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '「'
                | '」'
                | '『'
                | '』'
                | '′'
                | '″'
                | '‐'
                | '‑'
                | '‒'
                | '–'
                | '—'
                | '―'
                | '…'
                | '¡'
                | '¿'
                | '·'
        )
}

/// Whether a predicted source or cue matches the gold one.
///
/// When the gold has one, the prediction must have one that overlaps it.
/// When the gold has none (a passive, `reportedly`, `was credited with`),
/// the prediction matches only when it has none either: the missing source
/// is itself the finding the rules report (a claim resting on no named
/// source), and a speaker invented there would hide it.
pub fn role_matches(predicted: &[Span], gold: &[Span]) -> bool {
    if gold.is_empty() {
        return predicted.is_empty();
    }
    any_overlap(predicted, gold)
}

fn any_overlap(a: &[Span], b: &[Span]) -> bool {
    a.iter().any(|x| b.iter().any(|y| x.overlaps(*y)))
}

/// One pair of overlapping contents and the metrics it satisfies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge {
    /// Index of the prediction.
    pub predicted: u32,
    /// Index of the gold item.
    pub gold: u32,
    mask: u8,
}

impl Edge {
    /// Whether the pair matches under `metric`.
    pub fn satisfies(self, metric: Metric) -> bool {
        self.mask & metric.bit() != 0
    }
}

/// All overlapping (prediction, gold) pairs of one document.
#[derive(Clone, Debug, Default)]
pub struct Matches {
    /// The pairs, sorted by prediction then gold.
    pub edges: Vec<Edge>,
}

impl Matches {
    /// Finds every pair whose contents overlap, and which metrics it meets.
    ///
    /// Gold fragments are sorted by start; a predicted fragment can only
    /// overlap those starting in `(start - longest gold fragment, end)`,
    /// found by binary search, so the cost follows the number of
    /// overlapping pairs, not the product of the two counts.
    pub fn new(gold: &[Item], predicted: &[Item]) -> Matches {
        let mut fragments: Vec<(Span, u32)> = gold
            .iter()
            .enumerate()
            .flat_map(|(g, item)| item.content.iter().map(move |&span| (span, g as u32)))
            .filter(|(span, _)| !span.is_empty())
            .collect();
        fragments.sort_unstable();
        let longest = fragments.iter().map(|(s, _)| s.len()).max().unwrap_or(0);

        let mut edges = Vec::new();
        let mut partners = Vec::new();
        for (p, item) in predicted.iter().enumerate() {
            partners.clear();
            for &span in &item.content {
                // A fragment starting at or before `span.start - longest`
                // ends at or before `span.start`.
                let lo = match span.start.checked_sub(longest) {
                    Some(from) => fragments.partition_point(|(s, _)| s.start <= from),
                    None => 0,
                };
                let hi = fragments.partition_point(|(s, _)| s.start < span.end);
                partners.extend(
                    fragments[lo.min(hi)..hi]
                        .iter()
                        .filter(|(s, _)| s.overlaps(span))
                        .map(|&(_, g)| g),
                );
            }
            partners.sort_unstable();
            partners.dedup();
            for &g in &partners {
                let gold_item = &gold[g as usize];
                let mut mask = Metric::ContentOverlap.bit();
                if !item.normalized.is_empty() && item.normalized == gold_item.normalized {
                    mask |= Metric::ContentExact.bit();
                }
                if role_matches(&item.source, &gold_item.source) {
                    mask |= Metric::SpeakerContent.bit();
                }
                if role_matches(&item.cue, &gold_item.cue) {
                    mask |= Metric::CueContent.bit();
                }
                edges.push(Edge {
                    predicted: p as u32,
                    gold: g,
                    mask,
                });
            }
        }
        Matches { edges }
    }

    /// The counts for one scope and metric.
    pub fn counts(
        &self,
        gold: &[Item],
        predicted: &[Item],
        scope: Scope,
        metric: Metric,
    ) -> Counts {
        let in_scope = |e: &&Edge| {
            e.satisfies(metric)
                && scope.admits(gold[e.gold as usize].kind)
                && scope.admits(predicted[e.predicted as usize].kind)
        };
        let mut predicted_hit = vec![false; predicted.len()];
        let mut gold_hit = vec![false; gold.len()];
        for edge in self.edges.iter().filter(in_scope) {
            predicted_hit[edge.predicted as usize] = true;
            gold_hit[edge.gold as usize] = true;
        }
        let edges: Vec<Edge> = self.edges.iter().filter(in_scope).copied().collect();
        Counts {
            predicted: predicted.iter().filter(|i| scope.admits(i.kind)).count(),
            predicted_matched: predicted_hit.iter().filter(|&&hit| hit).count(),
            gold: gold.iter().filter(|i| scope.admits(i.kind)).count(),
            gold_found: gold_hit.iter().filter(|&&hit| hit).count(),
            one_to_one: maximum_matching(&edges, predicted.len(), gold.len()),
        }
    }
}

/// The size of a maximum matching in the bipartite graph `edges` (sorted by
/// prediction), by augmenting paths (Kuhn), iteratively so that no input can
/// exhaust the stack.
fn maximum_matching(edges: &[Edge], predicted: usize, gold: usize) -> usize {
    // Adjacency as ranges into `edges`, which are grouped by prediction.
    let mut first = vec![0usize; predicted + 1];
    for edge in edges {
        first[edge.predicted as usize + 1] += 1;
    }
    for p in 0..predicted {
        first[p + 1] += first[p];
    }
    let neighbours = |p: usize| &edges[first[p]..first[p + 1]];

    let mut owner: Vec<Option<usize>> = vec![None; gold];
    let mut visited = vec![0u32; gold];
    let mut size = 0;
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for (round, root) in (1u32..).zip(0..predicted) {
        stack.clear();
        stack.push((root, 0));
        while let Some(&mut (p, ref mut next)) = stack.last_mut() {
            let Some(edge) = neighbours(p).get(*next) else {
                stack.pop();
                continue;
            };
            *next += 1;
            let g = edge.gold as usize;
            if visited[g] == round {
                continue;
            }
            visited[g] = round;
            match owner[g] {
                Some(q) => stack.push((q, 0)),
                None => {
                    // Augment: each prediction on the stack takes the gold
                    // item it reached the next level through.
                    for &(p, next) in &stack {
                        owner[neighbours(p)[next - 1].gold as usize] = Some(p);
                    }
                    size += 1;
                    break;
                }
            }
        }
    }
    size
}

/// The counts behind one precision / recall / F1 triple.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predictions in scope.
    pub predicted: usize,
    /// Predictions that match some gold item.
    pub predicted_matched: usize,
    /// Gold items in scope.
    pub gold: usize,
    /// Gold items that some prediction matches.
    pub gold_found: usize,
    /// Size of a maximum one-to-one matching.
    pub one_to_one: usize,
}

impl Counts {
    /// `predicted_matched / predicted`; `None` with no prediction.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.predicted_matched, self.predicted)
    }

    /// `gold_found / gold`; `None` with no gold item.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.gold_found, self.gold)
    }

    /// The harmonic mean of precision and recall; `None` when there is
    /// neither a prediction nor a gold item, 0 when only one side is empty.
    pub fn f1(&self) -> Option<f64> {
        f1(self.precision(), self.recall())
    }

    /// Precision, recall and F1 of the one-to-one matching.
    pub fn one_to_one_prf(&self) -> (Option<f64>, Option<f64>, Option<f64>) {
        let p = ratio(self.one_to_one, self.predicted);
        let r = ratio(self.one_to_one, self.gold);
        (p, r, f1(p, r))
    }

    /// Sums counts (micro-averaging over documents).
    pub fn add(&mut self, other: &Counts) {
        self.predicted += other.predicted;
        self.predicted_matched += other.predicted_matched;
        self.gold += other.gold;
        self.gold_found += other.gold_found;
        self.one_to_one += other.one_to_one;
    }
}

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

fn f1(p: Option<f64>, r: Option<f64>) -> Option<f64> {
    if p.is_none() && r.is_none() {
        return None;
    }
    let (p, r) = (p.unwrap_or(0.0), r.unwrap_or(0.0));
    Some(if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `"A," he said. "B." She thinks C. D, it was reported.`
    const TEXT: &str = "\"A,\" he said. \"B.\" She thinks C. D, it was reported.";

    fn at(needle: &str) -> Span {
        let start = TEXT.find(needle).unwrap();
        Span::from_range(start..start + needle.len())
    }

    fn item(kind: Kind, content: &[&str], source: Option<&str>, cue: Option<&str>) -> Item {
        Item::new(
            TEXT,
            kind,
            content.iter().map(|c| at(c)).collect(),
            source.map(at).into_iter().collect(),
            cue.map(at).into_iter().collect(),
        )
    }

    fn gold() -> Vec<Item> {
        vec![
            item(
                Kind::Direct,
                &["\"A,\"", "\"B.\""],
                Some("he"),
                Some("said"),
            ),
            item(Kind::Indirect, &["C"], Some("She"), Some("thinks")),
            item(Kind::Indirect, &["D"], None, Some("was reported")),
        ]
    }

    fn counts(predicted: &[Item], scope: Scope, metric: Metric) -> Counts {
        let gold = gold();
        Matches::new(&gold, predicted).counts(&gold, predicted, scope, metric)
    }

    fn close(value: Option<f64>, expected: f64) {
        let value = value.expect("defined");
        assert!((value - expected).abs() < 1e-12, "{value} != {expected}");
    }

    #[test]
    fn precision_counts_predictions_recall_counts_gold() {
        let predicted = vec![
            // Only the second fragment, right speaker: overlap, not exact.
            item(Kind::Direct, &["B."], Some("he"), Some("said")),
            // A second prediction over the same gold quote, wrong speaker.
            item(Kind::Direct, &["A"], Some("She"), None),
            // Exact content with outer quotes dropped, wrong kind for `direct`.
            item(Kind::Indirect, &["C"], Some("She"), Some("thinks")),
            // Spurious.
            item(Kind::Indirect, &["it"], None, None),
        ];
        let all = counts(&predicted, Scope::All, Metric::ContentOverlap);
        assert_eq!(
            all,
            Counts {
                predicted: 4,
                predicted_matched: 3,
                gold: 3,
                gold_found: 2,
                one_to_one: 2,
            }
        );
        close(all.precision(), 0.75);
        close(all.recall(), 2.0 / 3.0);
        close(all.f1(), 2.0 * 0.75 * (2.0 / 3.0) / (0.75 + 2.0 / 3.0));
        let (p, r, f) = all.one_to_one_prf();
        close(p, 0.5);
        close(r, 2.0 / 3.0);
        close(f, 4.0 / 7.0);

        let speaker = counts(&predicted, Scope::All, Metric::SpeakerContent);
        assert_eq!((speaker.predicted_matched, speaker.gold_found), (2, 2));
        let cue = counts(&predicted, Scope::All, Metric::CueContent);
        assert_eq!((cue.predicted_matched, cue.gold_found), (2, 2));
        let exact = counts(&predicted, Scope::All, Metric::ContentExact);
        assert_eq!((exact.predicted_matched, exact.gold_found), (1, 1));

        let direct = counts(&predicted, Scope::Direct, Metric::ContentOverlap);
        assert_eq!(
            direct,
            Counts {
                predicted: 2,
                predicted_matched: 2,
                gold: 1,
                gold_found: 1,
                one_to_one: 1,
            }
        );
        close(direct.precision(), 1.0);
        close(direct.recall(), 1.0);
        close(direct.f1(), 1.0);
        let direct_speaker = counts(&predicted, Scope::Direct, Metric::SpeakerContent);
        close(direct_speaker.precision(), 0.5);
        close(direct_speaker.f1(), 2.0 / 3.0);
    }

    #[test]
    fn null_gold_source_matches_only_a_prediction_without_speaker() {
        let none = [item(Kind::Indirect, &["D"], None, Some("was reported"))];
        let some = [item(Kind::Indirect, &["D"], Some("it"), Some("reported"))];
        assert_eq!(
            counts(&none, Scope::All, Metric::SpeakerContent).gold_found,
            1
        );
        assert_eq!(
            counts(&some, Scope::All, Metric::SpeakerContent).gold_found,
            0
        );
        assert_eq!(counts(&some, Scope::All, Metric::CueContent).gold_found, 1);
        // A gold source is not matched by a prediction without speaker.
        let no_speaker = [item(Kind::Indirect, &["C"], None, Some("thinks"))];
        assert_eq!(
            counts(&no_speaker, Scope::All, Metric::SpeakerContent).gold_found,
            0
        );
    }

    #[test]
    fn exact_content_joins_fragments_and_trims_quotes() {
        let joined = [item(Kind::Direct, &["A", "B"], Some("he"), Some("said"))];
        let c = counts(&joined, Scope::Direct, Metric::ContentExact);
        assert_eq!((c.predicted_matched, c.gold_found), (1, 1));
        // Same words at the same place but one fragment missing: not exact.
        let partial = [item(Kind::Direct, &["\"A,\""], Some("he"), Some("said"))];
        assert_eq!(
            counts(&partial, Scope::Direct, Metric::ContentExact).gold_found,
            0
        );
    }

    #[test]
    fn empty_sides_give_undefined_or_zero_scores() {
        let nothing = counts(&[], Scope::All, Metric::ContentOverlap);
        assert_eq!(nothing.precision(), None);
        close(nothing.recall(), 0.0);
        close(nothing.f1(), 0.0);
        let empty = Counts::default();
        assert_eq!(
            (empty.precision(), empty.recall(), empty.f1()),
            (None, None, None)
        );
    }

    #[test]
    fn one_to_one_matching_finds_the_maximum() {
        // p0 overlaps g0 and g1, p1 only g0: greedy p0→g0 would give 1.
        let text = "aaaa bbbb";
        let gold = vec![
            Item::new(text, Kind::Indirect, vec![Span::new(0, 4)], vec![], vec![]),
            Item::new(text, Kind::Indirect, vec![Span::new(5, 9)], vec![], vec![]),
        ];
        let predicted = vec![
            Item::new(text, Kind::Indirect, vec![Span::new(2, 7)], vec![], vec![]),
            Item::new(text, Kind::Indirect, vec![Span::new(0, 1)], vec![], vec![]),
        ];
        let matches = Matches::new(&gold, &predicted);
        assert_eq!(matches.edges.len(), 3);
        let c = matches.counts(&gold, &predicted, Scope::All, Metric::ContentOverlap);
        assert_eq!(c.one_to_one, 2);
    }

    #[test]
    fn overlap_index_finds_fragments_that_start_long_before() {
        let text = "x".repeat(100);
        let gold = vec![
            Item::new(
                &text,
                Kind::Indirect,
                vec![Span::new(0, 90)],
                vec![],
                vec![],
            ),
            Item::new(
                &text,
                Kind::Indirect,
                vec![Span::new(10, 20)],
                vec![],
                vec![],
            ),
            Item::new(
                &text,
                Kind::Indirect,
                vec![Span::new(95, 99)],
                vec![],
                vec![],
            ),
        ];
        let predicted = vec![Item::new(
            &text,
            Kind::Indirect,
            vec![Span::new(80, 96)],
            vec![],
            vec![],
        )];
        let gold_hit: Vec<u32> = Matches::new(&gold, &predicted)
            .edges
            .iter()
            .map(|e| e.gold)
            .collect();
        assert_eq!(gold_hit, vec![0, 2]);
        // Touching spans do not overlap (end-exclusive).
        let touching = vec![Item::new(
            &text,
            Kind::Indirect,
            vec![Span::new(90, 95)],
            vec![],
            vec![],
        )];
        assert!(Matches::new(&gold, &touching).edges.is_empty());
    }

    #[test]
    fn normalisation_trims_edges_folds_case_and_spaces() {
        let text = "“We TRIED,” she said. “It\n  failed…”";
        let first = Span::new(0, text.find(" she").unwrap() as u32);
        let second_start = text.rfind('“').unwrap();
        let second = Span::from_range(second_start..text.len());
        assert_eq!(
            normalize_content(text, &[first, second]),
            "we tried it failed"
        );
        let whole = |t: &str| [Span::from_range(0..t.len())];
        let french = "'Café, s’il vous plaît!'";
        assert_eq!(
            normalize_content(french, &whole(french)),
            "café, s’il vous plaît"
        );
        let emoji = "(“Ünïcode 👍 …”)";
        assert_eq!(normalize_content(emoji, &whole(emoji)), "ünïcode 👍");
        let nothing = "— “…” —";
        assert_eq!(normalize_content(nothing, &whole(nothing)), "");
        // A span off char boundaries reads as empty, never panics.
        assert_eq!(normalize_content("“x”", &[Span::new(1, 4)]), "");
    }
}
