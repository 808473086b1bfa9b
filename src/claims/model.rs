//! Attributed claims: who said what, through which cue and chain.

use crate::parse::Article;
use crate::source::Span;
use serde::Serialize;

/// One claim: a sentence or quotation and where it comes from.
#[derive(Clone, Debug, Serialize)]
pub struct Claim {
    /// Position of the claim in the article's claim list (0-based).
    pub id: u32,
    /// How the content is reported.
    pub kind: ClaimKind,
    /// Covering span of the claim (content, speaker and cue).
    pub span: Span,
    /// The attributed words, one span per fragment; a quote broken by
    /// `she said` has two.
    pub content: Vec<Span>,
    /// Who the claim is attributed to, as written.
    pub speaker: Option<Speaker>,
    /// The attribution phrase.
    pub cue: Option<Cue>,
    /// The path the claim travelled, outermost first: publisher → medium or
    /// reporter → original source.
    pub chain: Vec<ChainLink>,
    /// Whether the attribution is in the sentence, inherited, or absent.
    pub attribution: Attribution,
    /// Index of the sentence the claim starts in.
    pub sentence: u32,
    /// Indices of the quotations inside the content.
    pub quotes: Vec<u32>,
}

/// How a claim's content is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimKind {
    /// The content is a quotation.
    Direct,
    /// Reported speech with no quotation marks.
    Indirect,
    /// Reported speech containing a partial quotation.
    Mixed,
    /// A statement with no source.
    Unattributed,
}

/// Where a claim's attribution comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Attribution {
    /// Speaker and cue are in the claim's own sentence.
    Explicit,
    /// Taken from context: `This was reported by …`, `the message reads`, a
    /// following `he said`, a pronoun, or a quote continued across sentences.
    Inherited,
    /// No source at all.
    None,
}

/// The source of a claim as written.
#[derive(Clone, Debug, Serialize)]
pub struct Speaker {
    /// The full noun phrase (`NATO Secretary General Jens Stoltenberg`).
    pub span: Span,
    /// The person's or body's name inside it (`Jens Stoltenberg`).
    pub name: Option<Span>,
    /// The role or title inside it (`NATO Secretary General`).
    pub role: Option<Span>,
    /// Whether the source is unnamed (`a source in the White House`, `officials`).
    pub anonymous: bool,
    /// What kind of source it is.
    pub kind: SpeakerKind,
    /// For a pronoun or a document reference (`he`, `the message`): the span
    /// of what it resolves to (an earlier speaker's name or a post's text).
    pub resolved: Option<Span>,
}

/// The kinds of [`Speaker`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpeakerKind {
    /// A named or described person.
    Person,
    /// An organisation, office or government (`the US State Department`).
    Organization,
    /// A news outlet or agency (`AP`, `Reuters`, `ABC News`).
    Media,
    /// A document, post or message (`the message`, `a statement`, `the report`).
    Document,
    /// A pronoun (`he`, `she`, `they`, `I`).
    Pronoun,
    /// An unnamed person or group (`a source`, `officials`, `experts`).
    Unnamed,
}

/// The attribution phrase.
#[derive(Clone, Debug, Serialize)]
pub struct Cue {
    /// Where the cue is written (`said that`, `according to`, `the message reads`).
    pub span: Span,
    /// The cue's class.
    pub kind: CueKind,
}

/// The kinds of [`Cue`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CueKind {
    /// A speech verb (`said`, `told`, `noted`, `wrote`).
    Speech,
    /// A prepositional cue (`according to`, `citing`, `in the words of`).
    According,
    /// A report by a medium (`reports`, `reported`).
    Report,
    /// A belief or attitude (`believes`, `thinks`, `fears`, `is confident`,
    /// `in his opinion`).
    Belief,
    /// Knowledge, perception or evidence (`knows`, `saw`, `found`, `the poll shows`).
    Knowledge,
    /// An intention or desire (`wants`, `plans`, `hopes`, `decided`).
    Intention,
    /// A document's words (`the message reads`, `the statement says`).
    Document,
    /// Punctuation that introduces speech (`:`, a dash before a name).
    Punctuation,
}

/// One step of a claim's chain.
#[derive(Clone, Debug, Serialize)]
pub struct ChainLink {
    /// The role of this step.
    pub role: ChainRole,
    /// Where the step is named in the text.
    pub span: Span,
    /// Whether this step is an unnamed source.
    pub anonymous: bool,
    /// The cue that introduces this step, when the text names one
    /// (`reported`, `citing`, `according to`, `told`).
    pub cue: Option<Span>,
    /// The channel this step spoke through (`on Twitter`, `in a statement`).
    pub channel: Option<Span>,
}

/// The role of a [`ChainLink`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChainRole {
    /// The publisher from the dateline (`UNN`).
    Publisher,
    /// A medium or reporter the claim came through (`AP journalist Darlene Superville on Twitter`).
    Medium,
    /// The original source (`a source in the White House`).
    Source,
}

impl Claim {
    /// Whether the claim has any attribution.
    pub fn is_attributed(&self) -> bool {
        self.attribution != Attribution::None
    }

    /// The original source: the last link of the chain that is not the
    /// publisher (`a source in the White House` behind `AP journalist …`).
    pub fn origin(&self) -> Option<&ChainLink> {
        self.chain
            .iter()
            .rev()
            .find(|link| link.role != ChainRole::Publisher)
    }

    /// Whether the claim comes through a medium or a reporter before its
    /// source (`X told Reuters`, `… citing officials`, `…, AP reported`).
    pub fn is_secondhand(&self) -> bool {
        self.chain.iter().any(|link| link.role == ChainRole::Medium)
    }

    /// Whether the claim rests on an unnamed source: its speaker or its
    /// original source is anonymous.
    pub fn rests_on_anonymous(&self) -> bool {
        self.speaker.as_ref().is_some_and(|s| s.anonymous)
            || self.origin().is_some_and(|link| link.anonymous)
    }

    /// Whether the claim is a quotation nobody is named for: an
    /// unattributed claim whose content is exactly its quotations.
    pub fn is_unsourced_quotation(&self, article: &Article) -> bool {
        self.kind == ClaimKind::Unattributed
            && !self.quotes.is_empty()
            && self.content.len() == self.quotes.len()
            && self
                .quotes
                .iter()
                .zip(&self.content)
                .all(|(&q, &c)| article.quotes.get(q as usize).is_some_and(|q| q.span == c))
    }
}

/// The cue spans of a list of claims, sorted, for overlap queries in
/// O(log n) (a rule asking "is this word a claim's cue?" for every match).
#[derive(Clone, Debug, Default)]
pub struct CueIndex {
    /// Distinct cue spans by start.
    spans: Vec<Span>,
    /// The longest cue, to bound the search to the left.
    longest: u32,
}

impl CueIndex {
    /// Indexes the cues of `claims`.
    pub fn new(claims: &[Claim]) -> Self {
        let mut spans: Vec<Span> = claims
            .iter()
            .filter_map(|c| c.cue.as_ref().map(|q| q.span))
            .collect();
        spans.sort_unstable();
        spans.dedup();
        let longest = spans.iter().map(|s| s.len()).max().unwrap_or(0);
        CueIndex { spans, longest }
    }

    /// Whether some cue shares a byte with `span`.
    pub fn overlaps(&self, span: Span) -> bool {
        let from = self
            .spans
            .partition_point(|s| s.start + self.longest <= span.start);
        self.spans[from..]
            .iter()
            .take_while(|s| s.start < span.end)
            .any(|s| s.overlaps(span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(cue: Option<Span>) -> Claim {
        Claim {
            id: 0,
            kind: ClaimKind::Indirect,
            span: Span::new(0, 1),
            content: vec![Span::new(0, 1)],
            speaker: None,
            cue: cue.map(|span| Cue {
                span,
                kind: CueKind::Speech,
            }),
            chain: Vec::new(),
            attribution: Attribution::Explicit,
            sentence: 0,
            quotes: Vec::new(),
        }
    }

    #[test]
    fn cue_index_answers_overlaps() {
        let claims = [
            claim(Some(Span::new(10, 14))),
            claim(None),
            claim(Some(Span::new(40, 60))),
            claim(Some(Span::new(10, 14))),
        ];
        let index = CueIndex::new(&claims);
        assert!(index.overlaps(Span::new(12, 13)));
        assert!(index.overlaps(Span::new(55, 70)));
        assert!(index.overlaps(Span::new(0, 11)));
        assert!(!index.overlaps(Span::new(14, 40)));
        assert!(!index.overlaps(Span::new(60, 61)));
        assert!(!CueIndex::default().overlaps(Span::new(0, 5)));
    }

    #[test]
    fn origin_and_secondhand_read_the_chain() {
        let link = |role, anonymous| ChainLink {
            role,
            span: Span::new(0, 1),
            anonymous,
            cue: None,
            channel: None,
        };
        let mut c = claim(None);
        c.chain = vec![
            link(ChainRole::Publisher, false),
            link(ChainRole::Medium, false),
            link(ChainRole::Source, true),
        ];
        assert!(c.is_secondhand());
        assert!(c.rests_on_anonymous());
        assert_eq!(c.origin().map(|l| l.role), Some(ChainRole::Source));
        c.chain.truncate(1);
        assert!(c.origin().is_none() && !c.is_secondhand() && !c.rests_on_anonymous());
    }
}
