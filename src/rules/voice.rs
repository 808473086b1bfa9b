//! Whose words each block of an article holds, for the sourcing rules
//! (`unsourced-claim`, `anonymous-source`, `secondhand-source`,
//! `quote-without-speaker`): the writer's narration, a photo caption, an
//! interview's questions and answers, someone speaking in the first person,
//! or a part that states nothing (headline, byline, date line, section
//! label, embedded post).
//!
//! Built once per article in one pass over its blocks and tokens.

use crate::lexicon::grammar::{self, FIRST};
use crate::lexicon::{CheckWorthy, CueClass, Cues, Frame};
use crate::parse::{Article, BlockKind, Sentence, TokenKind};
use crate::source::Span;

/// Whose words a block holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    /// The writer's own narration: a body paragraph.
    Narration,
    /// A photo caption (`… Image: NASA.`): a description of a picture.
    Caption,
    /// A paragraph of an interview, from its first question on: the
    /// interviewer's questions and the interviewee's answers.
    Interview,
    /// A paragraph in the first or second person (`I`, `we`, `you`) outside
    /// quotation marks: someone speaking, not the writer reporting.
    Speech,
    /// The headline, byline, a date line, a section label, or an embedded
    /// post's text or signature: nothing the writer states in the body.
    Apart,
}

/// The voice of every block of an article.
#[derive(Clone, Debug, Default)]
pub struct Voices {
    blocks: Vec<Voice>,
    interview: bool,
}

/// Headline words that announce an interview.
const INTERVIEW_WORDS: &[&str] = &["interview", "interviews", "interviewed"];

/// Words of a sentence that describes the interview itself (`sat down for
/// an interview`, `answered five questions`): the publication's own doing.
const ABOUT_INTERVIEW: &[&str] = &["interview", "interviewed", "questions"];

/// Paragraphs ending in a question that make an article an interview.
const INTERVIEW_QUESTIONS: usize = 2;

impl Voices {
    /// The voices of `article`'s blocks; `lexicon` names caption credits.
    pub fn new(text: &str, article: &Article, lexicon: &CheckWorthy) -> Self {
        let mut blocks = Vec::with_capacity(article.blocks.len());
        let mut questions = Vec::new();
        // Under a `Sources` or `External links` label, paragraphs list
        // sources and links; they state nothing.
        let mut listing = false;
        for (b, block) in article.blocks.iter().enumerate() {
            let body = block.span.text(text);
            if block.kind == BlockKind::SectionLabel {
                listing = lexicon.is_source_section(body);
            }
            let lead = body.split_once(':').map(|(lead, _)| lead);
            if block.kind != BlockKind::Paragraph
                || listing
                || lead.is_some_and(|l| l.len() < 40 && lexicon.is_source_section(l))
            {
                blocks.push(Voice::Apart);
                continue;
            }
            let sentences = article.block_sentences(block);
            // A caption cut from its picture starts mid-sentence
            // (`pilgrims at the Grand Mosque in 2008.`).
            if sentences.len() <= 2 && body.starts_with(|c: char| c.is_lowercase()) {
                blocks.push(Voice::Caption);
                continue;
            }
            if sentences
                .last()
                .is_some_and(|s| is_question(text, article, s))
            {
                questions.push(b);
            }
            let tokens = article
                .tokens
                .get(article.tokens_in(block.span).start as usize..)
                .unwrap_or(&[]);
            let tokens = &tokens[..tokens.partition_point(|t| t.span.end <= block.span.end)];
            let mut voice = Voice::Narration;
            let may_be_caption = sentences.len() <= 3;
            for (i, token) in tokens.iter().enumerate() {
                if token.kind != TokenKind::Word {
                    continue;
                }
                if may_be_caption && is_caption_credit(text, tokens, i, lexicon) {
                    voice = Voice::Caption;
                    break;
                }
                if voice == Voice::Narration
                    && is_first_person(text, token)
                    && is_person_pronoun(text, tokens, i)
                    && article.quote_at(token.span.start).is_none()
                {
                    voice = Voice::Speech;
                    // Only a caption's credit could still change it.
                    if !may_be_caption {
                        break;
                    }
                }
            }
            blocks.push(voice);
        }
        let headline_says_interview = article.headline.is_some_and(|h| {
            h.text(text)
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| INTERVIEW_WORDS.iter().any(|i| w.eq_ignore_ascii_case(i)))
        });
        let interview = questions.len() >= INTERVIEW_QUESTIONS
            || (headline_says_interview && !questions.is_empty());
        if interview {
            for voice in &mut blocks[questions[0]..] {
                if matches!(voice, Voice::Narration | Voice::Speech) {
                    *voice = Voice::Interview;
                }
            }
        }
        Voices { blocks, interview }
    }

    /// The voice of block `block` ([`Voice::Apart`] when out of range).
    pub fn of_block(&self, block: u32) -> Voice {
        self.blocks
            .get(block as usize)
            .copied()
            .unwrap_or(Voice::Apart)
    }

    /// The voice of the block holding sentence `sentence`.
    pub fn of_sentence(&self, article: &Article, sentence: u32) -> Voice {
        article
            .sentences
            .get(sentence as usize)
            .map_or(Voice::Apart, |s| self.of_block(s.block))
    }

    /// Whether the article is an interview: two or more paragraphs end in a
    /// question, or the headline says `interview` and one does.
    pub fn is_interview(&self) -> bool {
        self.interview
    }

    /// Whether `sentence` of an interview describes the interview itself
    /// (`On March 13, the professor sat down with our reporter for an
    /// interview`): the publication reports its own doing.
    pub fn about_interview(&self, text: &str, article: &Article, sentence: &Sentence) -> bool {
        self.interview
            && article.sentence_tokens(sentence).iter().any(|t| {
                t.kind == TokenKind::Word
                    && ABOUT_INTERVIEW
                        .iter()
                        .any(|w| t.text(text).eq_ignore_ascii_case(w))
            })
    }
}

/// Whether word `tokens[i]` credits a photo caption: a credit word before a
/// colon (`Image: NASA`) or after `from` before a comma (`from file, 2008`).
fn is_caption_credit(
    text: &str,
    tokens: &[crate::parse::Token],
    i: usize,
    lexicon: &CheckWorthy,
) -> bool {
    let punct = |k: usize, p: &str| {
        tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.text(text) == p)
    };
    // The punctuation first: it rules out almost every word without a
    // lexicon lookup.
    (punct(i + 1, ":")
        || (punct(i + 1, ",")
            && i.checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|t| t.text(text).eq_ignore_ascii_case("from"))))
        && lexicon.is_caption(tokens[i].text(text))
}

/// Whether a sentence holds a photo caption's credit (`…; from file,
/// 2008.` glued to the paragraph after it).
pub fn has_caption_credit(
    text: &str,
    article: &Article,
    sentence: &Sentence,
    lexicon: &CheckWorthy,
) -> bool {
    let tokens = article.sentence_tokens(sentence);
    (0..tokens.len()).any(|i| is_caption_credit(text, tokens, i, lexicon))
}

/// Whether the words of `spans` outside quotation marks hold a speech or
/// report verb (`said`, `told`, `reported`): an attribution the claim
/// extractor did not link, which the sourcing rules take as a source
/// rather than risk a false finding.
pub fn has_speech_verb(text: &str, article: &Article, spans: &[Span], cues: &Cues) -> bool {
    spans.iter().any(|&span| {
        let range = article.tokens_in(span);
        article.tokens[range.start as usize..range.end as usize]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .filter(|t| {
                !article
                    .quote_at(t.span.start)
                    .and_then(|q| article.quotes.get(q as usize))
                    .is_some_and(|q| q.inner.start <= t.span.start && t.span.end <= q.inner.end)
            })
            .any(|t| {
                cues.senses(t.text(text)).iter().any(|s| {
                    matches!(s.class, CueClass::Speech | CueClass::Report)
                        && s.frames.has(Frame::Tag)
                })
            })
    })
}

/// Whether word `token` is a first- or second-person word (`I`, `we`,
/// `your`), most words being ruled out by their length and first letter.
#[inline]
fn is_first_person(text: &str, token: &crate::parse::Token) -> bool {
    let word = token.text(text);
    grammar::may_be_first(word) && grammar::flags(word) & FIRST != 0
}

/// Whether the first- or second-person word `tokens[i]` is a pronoun as
/// written: not `US` (the country), not the numeral in `World War I`.
fn is_person_pronoun(text: &str, tokens: &[crate::parse::Token], i: usize) -> bool {
    let word = tokens[i].text(text);
    if word == "I" {
        // A numeral follows a capitalised word inside a name (`World War
        // I`, `Queen Elizabeth I`); the pronoun may follow a capitalised
        // word that opens its sentence (`Then I left`).
        let word_at = |k: Option<usize>| {
            k.and_then(|k| tokens.get(k))
                .is_some_and(|t| t.kind == TokenKind::Word)
        };
        let numeral = i
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|p| p.kind == TokenKind::Word && p.is_capitalised(text))
            && word_at(i.checked_sub(2));
        return !numeral;
    }
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let first_upper = letters.next().is_some_and(char::is_uppercase);
    // `We`, `You` open sentences; `US`, `ME` are abbreviations.
    !(first_upper && letters.clone().count() > 0 && letters.all(char::is_uppercase))
}

/// Whether a sentence is a question: its last token, or its last before
/// closing quotation marks, is `?`.
pub fn is_question(text: &str, article: &Article, sentence: &Sentence) -> bool {
    article
        .sentence_tokens(sentence)
        .iter()
        .rev()
        .find(|t| t.kind != TokenKind::QuoteMark)
        .is_some_and(|t| t.text(text).ends_with('?'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::parse::parse_article;

    fn voices(text: &str) -> (Vec<Voice>, bool) {
        let article = parse_article(text);
        let v = Voices::new(text, &article, &Lexicon::builtin().check_worthy);
        (
            (0..article.blocks.len() as u32)
                .map(|b| v.of_block(b))
                .collect(),
            v.is_interview(),
        )
    }

    #[test]
    fn narration_captions_and_speech_are_told_apart() {
        let text = "Bridge reopens after repairs\n\n\
                    The bridge reopened on Monday after two years of repairs.\n\n\
                    The old bridge in 1932. Image: City Archive.\n\n\
                    I walked across it every day, and you could feel it shake.\n\n\
                    “I am glad,” said the mayor, who crossed it first.";
        let (v, interview) = voices(text);
        assert_eq!(
            v,
            [
                Voice::Apart,
                Voice::Narration,
                Voice::Caption,
                Voice::Speech,
                Voice::Narration
            ]
        );
        assert!(!interview);
    }

    #[test]
    fn source_lists_and_cut_captions_state_nothing() {
        let text = "Bridge reopens after repairs\n\n\
                    pilgrims on the old bridge in 1932.\n\n\
                    The bridge reopened on Monday.\n\n\
                    Sources\n\n\
                    \"Bridge reopens\" — City Post, May 2, 2022\n\n\
                    Categories: May 2, 2022 Transport";
        let (v, _) = voices(text);
        assert_eq!(
            v,
            [
                Voice::Apart,
                Voice::Caption,
                Voice::Narration,
                Voice::Apart,
                Voice::Apart,
                Voice::Apart
            ]
        );
    }

    #[test]
    fn a_credit_after_from_marks_a_caption_sentence() {
        let text = "Jane Roe of the Labour Party; from file, 2008. She won 5,000 votes.";
        let article = parse_article(text);
        let lexicon = &Lexicon::builtin().check_worthy;
        let s = &article.sentences;
        assert!(has_caption_credit(text, &article, &s[0], lexicon));
        assert!(!has_caption_credit(text, &article, &s[1], lexicon));
    }

    #[test]
    fn an_interview_starts_at_its_first_question() {
        let text = "Ant researcher talks about medicine\n\n\
                    Nick Ros studies ants at the University of Lund.\n\n\
                    What first drew you to ants?\n\n\
                    My father kept them. The colonies were large.\n\n\
                    How reliable are the results?\n\n\
                    The results are very reliable.";
        let (v, interview) = voices(text);
        assert!(interview);
        assert_eq!(v[1], Voice::Narration);
        assert!(v[2..].iter().all(|&x| x == Voice::Interview), "{v:?}");
    }

    #[test]
    fn one_rhetorical_question_is_no_interview() {
        let text = "Council debates budget\n\n\
                    Who pays for the new library?\n\n\
                    The council voted 7 to 2 on Monday to raise the levy.";
        let (v, interview) = voices(text);
        assert!(!interview);
        assert_eq!(v[2], Voice::Narration);
    }

    #[test]
    fn questions_end_in_a_question_mark_before_closing_quotes() {
        let text = "What about the adage, “Those who forget history are doomed”? It holds.";
        let article = parse_article(text);
        let s = &article.sentences;
        assert!(is_question(text, &article, &s[0]));
        assert!(!is_question(text, &article, &s[1]));
    }
}
