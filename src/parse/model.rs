//! The parsed article: every node with an exact byte span into the text.

use crate::source::Span;
use serde::Serialize;
use std::ops::Range;

/// An article split into its parts. All vectors are in text order and refer
/// to each other by `u32` index.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Article {
    /// The headline, when the first block is a single short line.
    pub headline: Option<Span>,
    /// The byline (`By Jane Doe`), with the name span.
    pub byline: Option<Byline>,
    /// The wire dateline (`KIEV. December, 31st. UNN.`, `LONDON, Dec 31 (Reuters) -`).
    pub dateline: Option<Dateline>,
    /// Every block (run of lines) in order.
    pub blocks: Vec<Block>,
    /// Every sentence in order; each belongs to one block.
    pub sentences: Vec<Sentence>,
    /// Every token in order. Whitespace is not tokenised.
    pub tokens: Vec<Token>,
    /// Every quotation in order of its opening mark (nested ones after their parent).
    pub quotes: Vec<Quote>,
    /// Embedded social posts.
    pub posts: Vec<Post>,
    /// Calendar dates mentioned anywhere in the text.
    pub dates: Vec<DateMention>,
    /// Odd text found while parsing (unclosed quotation marks, …).
    pub issues: Vec<ParseIssue>,
}

/// What a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// The article's title.
    Headline,
    /// `By Jane Doe`.
    Byline,
    /// A standalone date line (`Monday, May 18, 2015`).
    Dateline,
    /// A short standalone label (`Quote`, `Details`, `Context`).
    SectionLabel,
    /// Body text.
    Paragraph,
    /// The text of an embedded social post.
    PostText,
    /// The signature line of an embedded post (`— name (@handle) date`).
    PostSignature,
}

/// A paragraph-level unit of the article.
#[derive(Clone, Debug, Serialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The block's text, without surrounding blank lines or trailing spaces.
    pub span: Span,
    /// The sentences inside, as indices into [`Article::sentences`].
    pub sentences: Range<u32>,
}

/// One sentence.
#[derive(Clone, Debug, Serialize)]
pub struct Sentence {
    /// The sentence's text, trimmed of surrounding whitespace.
    pub span: Span,
    /// Index of the block it belongs to.
    pub block: u32,
    /// Its tokens, as indices into [`Article::tokens`].
    pub tokens: Range<u32>,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods
    /// (`Ukraine’s`, `build-up`, `U.S.`).
    Word,
    /// Digits, possibly with separators and ordinal suffixes (`1,200`, `3.5`, `31st`).
    Number,
    /// A quotation mark that opens or closes a quotation.
    QuoteMark,
    /// A dash used as punctuation (`—`, `–`, ` - `).
    Dash,
    /// A social handle, `@name`.
    Handle,
    /// A URL.
    Url,
    /// Any other punctuation or symbol.
    Punct,
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// The token's text.
    pub span: Span,
}

/// A pair of quotation marks and the text between them.
#[derive(Clone, Debug, Serialize)]
pub struct Quote {
    /// From the opening mark to the closing mark, both included. An unclosed
    /// quotation ends where its paragraph ends.
    pub span: Span,
    /// The text between the marks.
    pub inner: Span,
    /// The kind of marks.
    pub style: QuoteStyle,
    /// 0 for an outermost quotation, 1 for one nested inside it, ….
    pub depth: u8,
    /// Index of the enclosing quotation, for nested ones.
    pub parent: Option<u32>,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// For a quotation re-opened at the start of a paragraph after an unclosed
    /// one (the multi-paragraph convention): the index of the previous part.
    pub continues: Option<u32>,
    /// Editorial insertions inside the quote: `[...]`, `(January 2 – ed.)`, `…`.
    pub insertions: Vec<Span>,
}

/// The marks a quotation uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteStyle {
    /// `"…"`
    StraightDouble,
    /// `'…'`
    StraightSingle,
    /// `“…”`
    CurlyDouble,
    /// `‘…’`
    CurlySingle,
    /// `«…»` (also `»…«`)
    Guillemet,
    /// `‹…›`
    SingleGuillemet,
    /// `„…“` or `„…”`
    LowDouble,
    /// `‚…‘`
    LowSingle,
    /// ``` ``…'' ```
    Backtick,
}

/// An embedded social-media post and its signature line.
#[derive(Clone, Debug, Serialize)]
pub struct Post {
    /// The whole embed: text and signature.
    pub span: Span,
    /// The post's own words.
    pub text: Span,
    /// The signature line (`— darlene superville (@dsupervilleap) December 31, 2021`).
    pub signature: Span,
    /// The author's display name as written in the signature.
    pub author: Option<Span>,
    /// The handle including `@`.
    pub handle: Option<Span>,
    /// The date in the signature.
    pub date: Option<DateMention>,
}

/// A wire-service dateline.
#[derive(Clone, Debug, Serialize)]
pub struct Dateline {
    /// The whole dateline, up to and including its closing punctuation or dash.
    pub span: Span,
    /// The place (`KIEV`, `WASHINGTON`, `KYIV, Ukraine`).
    pub place: Option<Span>,
    /// The date, when the dateline has one.
    pub date: Option<DateMention>,
    /// The agency or publisher (`UNN`, `AP`, `Reuters`, `AFP`).
    pub agency: Option<Span>,
}

/// A byline.
#[derive(Clone, Debug, Serialize)]
pub struct Byline {
    /// The whole line.
    pub span: Span,
    /// The author name(s) (`Jane Doe and John Roe`).
    pub name: Span,
    /// What follows the names (`Associated Press` in `By Jane Doe, Associated Press`).
    pub affiliation: Option<Span>,
}

/// A calendar date as written in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// The date as written (`December, 31st`, `Dec. 31, 2021`, `January 2`).
    pub span: Span,
    /// Year when written in the date itself.
    pub year: Option<i32>,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
    /// A weekday written next to the date (`January 2, Sunday`, `Sunday, Jan. 2`).
    pub weekday: Option<WeekdayMention>,
}

/// A weekday name next to a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct WeekdayMention {
    /// Where the weekday is written.
    pub span: Span,
    /// 0 = Monday … 6 = Sunday.
    pub weekday: u8,
}

/// Something odd in the text, found while parsing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParseIssue {
    /// What was found.
    pub kind: ParseIssueKind,
    /// Where (for an unclosed quotation: the opening mark).
    pub span: Span,
}

/// The kinds of [`ParseIssue`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ParseIssueKind {
    /// An opening quotation mark with no closing mark before the paragraph
    /// ends, and no re-opening at the next paragraph.
    UnclosedQuote,
    /// A closing quotation mark with no opening mark.
    UnopenedQuote,
    /// A closing quotation mark of another kind than the opening one
    /// (`'Thank you."`); the two are paired all the same. The span is the
    /// closing mark.
    MismatchedQuote,
}

impl Article {
    /// The tokens of a sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        self.tokens
            .get(sentence.tokens.start as usize..sentence.tokens.end as usize)
            .unwrap_or(&[])
    }

    /// The sentences of a block.
    pub fn block_sentences(&self, block: &Block) -> &[Sentence] {
        self.sentences
            .get(block.sentences.start as usize..block.sentences.end as usize)
            .unwrap_or(&[])
    }

    /// The index of the sentence containing byte `offset`, by binary search.
    pub fn sentence_at(&self, offset: u32) -> Option<u32> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        self.sentences
            .get(i)
            .filter(|s| s.span.start <= offset)
            .map(|_| i as u32)
    }

    /// The index of the block containing byte `offset`, by binary search.
    pub fn block_at(&self, offset: u32) -> Option<u32> {
        let i = self.blocks.partition_point(|b| b.span.end <= offset);
        self.blocks
            .get(i)
            .filter(|b| b.span.start <= offset)
            .map(|_| i as u32)
    }

    /// The index of the token containing byte `offset`, by binary search.
    pub fn token_at(&self, offset: u32) -> Option<u32> {
        let i = self.tokens.partition_point(|t| t.span.end <= offset);
        self.tokens
            .get(i)
            .filter(|t| t.span.start <= offset)
            .map(|_| i as u32)
    }

    /// The indices of the tokens lying inside `span`, by binary search.
    pub fn tokens_in(&self, span: Span) -> Range<u32> {
        let start = self.tokens.partition_point(|t| t.span.start < span.start);
        let end = start + self.tokens[start..].partition_point(|t| t.span.end <= span.end);
        start as u32..end as u32
    }

    /// The quotations lying entirely inside `span`, in order: O(log n + k)
    /// where k counts the quotations opening inside `span`.
    pub fn quotes_in(&self, span: Span) -> impl Iterator<Item = (u32, &Quote)> + '_ {
        let first = self.quotes.partition_point(|q| q.span.start < span.start);
        self.quotes[first..]
            .iter()
            .take_while(move |q| q.span.start < span.end)
            .enumerate()
            .filter(move |(_, q)| q.span.end <= span.end)
            .map(move |(i, q)| ((first + i) as u32, q))
    }

    /// The innermost quotation whose span contains byte `offset`: a binary
    /// search, then a walk up the parents (quotations nest properly).
    pub fn quote_at(&self, offset: u32) -> Option<u32> {
        let i = self.quotes.partition_point(|q| q.span.start <= offset);
        let mut index = i.checked_sub(1)? as u32;
        loop {
            let quote = self.quotes.get(index as usize)?;
            if quote.span.start <= offset && offset < quote.span.end {
                return Some(index);
            }
            index = quote.parent?;
        }
    }

    /// The article's year, for dates written without one. Taken from, in
    /// order: the dateline's date, the latest dated post signature, a
    /// standalone date line (`Monday, May 18, 2015`), then the latest full
    /// date with a year anywhere in the text. Bare years (`in 2019`) are not
    /// used: articles mention past and target years freely.
    pub fn year_hint(&self) -> Option<i32> {
        self.year_source()?.year
    }

    /// The article's month, for [`crate::parse::resolve_year`]: the month of
    /// the dateline's date (even without a year), else of the date that gave
    /// [`Article::year_hint`].
    pub fn month_hint(&self) -> Option<u8> {
        self.reference_date()
            .or_else(|| self.year_source())
            .map(|d| d.month)
    }

    /// The dated mention [`Article::year_hint`] takes its year from.
    fn year_source(&self) -> Option<&DateMention> {
        self.reference_date()
            .filter(|d| d.year.is_some())
            .or_else(|| latest_dated(self.posts.iter().filter_map(|p| p.date.as_ref())))
            .or_else(|| self.date_line().filter(|d| d.year.is_some()))
            .or_else(|| latest_dated(self.dates.iter()))
    }

    /// The dateline's date, when the dateline has one.
    fn reference_date(&self) -> Option<&DateMention> {
        self.dateline.as_ref()?.date.as_ref()
    }

    /// The date of the first standalone date line block.
    fn date_line(&self) -> Option<&DateMention> {
        let block = self.blocks.iter().find(|b| b.kind == BlockKind::Dateline)?;
        let i = self
            .dates
            .partition_point(|d| d.span.start < block.span.start);
        self.dates.get(i).filter(|d| block.span.contains(d.span))
    }
}

/// The latest of the mentions that have a year.
fn latest_dated<'a>(dates: impl Iterator<Item = &'a DateMention>) -> Option<&'a DateMention> {
    dates
        .filter(|d| d.year.is_some())
        .max_by_key(|d| (d.year, d.month, d.day))
}

impl Token {
    /// The token's text.
    #[inline]
    pub fn text(self, source: &str) -> &str {
        self.span.text(source)
    }

    /// Whether the token's text equals `word`, ignoring ASCII case.
    #[inline]
    pub fn is(self, source: &str, word: &str) -> bool {
        self.text(source).eq_ignore_ascii_case(word)
    }

    /// Whether the token starts with an uppercase letter.
    #[inline]
    pub fn is_capitalised(self, source: &str) -> bool {
        self.text(source)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}
