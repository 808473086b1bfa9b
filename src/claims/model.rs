//! Attributed claims: who said what, through which cue and chain.

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
}
