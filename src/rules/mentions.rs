//! Proper-name mentions, shared by the rules about names (`headline-unsupported`,
//! `name-spelling`, `post-attribution-mismatch`): the article's words with
//! their shape and position, runs of capitalised words, and the person name
//! inside a run (`NATO Secretary General Jens Stoltenberg` → `Jens
//! Stoltenberg`, first name `Jens`, surname `Stoltenberg`).
//!
//! Everything is built in one pass over [`Words`]; lookups afterwards are
//! by index or hash. The small word lists here (titles, particles, speech
//! verbs) only shape *where a name is*, never what is flagged.

use super::words::{ItemKind, Words};
use crate::lexicon::matcher::strip_possessive;
use crate::source::Span;
use std::collections::HashSet;
use std::ops::Range;

/// How a word is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Starts with a lowercase letter (`said`, `de`).
    Lower,
    /// Starts with an uppercase letter, not all capitals (`Putin`, `McGuire`).
    Capitalised,
    /// Two or more letters, all capitals (`NATO`, `U.S`); a single capital
    /// letter (`J` in `Antony J. Blinken`) is [`Shape::Initial`].
    Acronym,
    /// One capital letter (an initial).
    Initial,
    /// Starts with a digit (`107`, `30th`, `1,200`).
    Number,
}

/// One word of the article, as the name rules see it.
#[derive(Clone, Copy, Debug)]
pub struct NameWord<'w> {
    /// Where the word is written (a possessive `’s` included).
    pub span: Span,
    /// Normalized: lowercase, plain apostrophes, possessive `'s` stripped.
    pub norm: &'w str,
    /// How it is written.
    pub shape: Shape,
    /// The first word of its sentence or block (after any opening quotation
    /// mark or bracket), or the first after a colon or a dash: a capital
    /// there says nothing about a name.
    pub initial: bool,
    /// Whether it follows the previous word with nothing between them but
    /// spaces, or the period of an initial or abbreviation (`J. Blinken`,
    /// `Mr. Smith`): it can continue a name.
    pub joined: bool,
    /// The punctuation mark right before it, if any (`,`, `(`, `“`).
    pub after: Option<char>,
}

impl NameWord<'_> {
    /// Whether the word is written with a capital (capitalised, acronym or
    /// initial).
    pub fn is_upper(&self) -> bool {
        matches!(
            self.shape,
            Shape::Capitalised | Shape::Acronym | Shape::Initial
        )
    }
}

/// A run of capitalised words (`White House National Security Adviser Jake
/// Sullivan`), possibly with name particles inside (`Ursula von der Leyen`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Indices into [`Mentions::words`].
    pub words: Range<u32>,
    /// From the first word to the last.
    pub span: Span,
}

/// A person's name inside a run: the words after the last title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonName {
    /// Indices into [`Mentions::words`] of the whole name (first name,
    /// middle names and initials, particles, surname).
    pub words: Range<u32>,
    /// The first name, when the name has more than one word.
    pub first: Option<u32>,
    /// The surname's words: the last word with the particles before it
    /// (`von der Leyen`).
    pub surname: Range<u32>,
    /// Whether a title or role word introduces the name (`President`,
    /// `journalist`, `Mr.`): the run is a person, not a place or a body.
    pub titled: bool,
    /// From the first name to the surname.
    pub span: Span,
}

/// The words of an article and the runs of capitalised words among them.
#[derive(Clone, Debug, Default)]
pub struct Mentions<'w> {
    /// Every word in text order.
    pub words: Vec<NameWord<'w>>,
    /// Every run of capitalised words, in text order.
    pub runs: Vec<Run>,
    /// Every word the article writes in lowercase somewhere (`later`,
    /// `yesterday`): capitalised at a sentence start, it is no name.
    lower: HashSet<&'w str>,
}

/// Name particles: lowercase words that can sit inside a name between
/// capitalised words (`Ursula von der Leyen`, `Lula da Silva`).
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "el", "ibn",
    "la", "le", "ter", "van", "von",
];

/// Titles and roles that introduce a name, lowercase (`President Joe
/// Biden`, `AP journalist Darlene Superville`). A name is the words after
/// the last of these in its run.
const TITLES: &[&str] = &[
    "adm",
    "admiral",
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "archbishop",
    "attorney",
    "author",
    "ayatollah",
    "bishop",
    "capt",
    "captain",
    "cardinal",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "col",
    "colonel",
    "columnist",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "correspondent",
    "councillor",
    "councilman",
    "councilwoman",
    "dame",
    "deputy",
    "director",
    "dr",
    "editor",
    "emir",
    "envoy",
    "executive",
    "founder",
    "gen",
    "general",
    "gov",
    "governor",
    "head",
    "journalist",
    "judge",
    "justice",
    "king",
    "lawmaker",
    "lawyer",
    "leader",
    "lord",
    "lt",
    "mayor",
    "minister",
    "miss",
    "mp",
    "mr",
    "mrs",
    "ms",
    "officer",
    "official",
    "pope",
    "premier",
    "presenter",
    "president",
    "prince",
    "princess",
    "prof",
    "professor",
    "prosecutor",
    "queen",
    "rep",
    "reporter",
    "representative",
    "rev",
    "reverend",
    "secretary",
    "secretary-general",
    "sen",
    "senator",
    "sgt",
    "sheikh",
    "sir",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "state",
    "writer",
];

/// Speech and posting verbs that follow or precede a person's name
/// (`Roe said`, `said Roe`).
const SPEECH_VERBS: &[&str] = &[
    "added",
    "announced",
    "argued",
    "asked",
    "claimed",
    "commented",
    "confirmed",
    "continued",
    "declared",
    "denied",
    "explained",
    "insisted",
    "noted",
    "posted",
    "recalled",
    "replied",
    "reported",
    "said",
    "says",
    "stated",
    "stressed",
    "tells",
    "told",
    "tweeted",
    "warned",
    "writes",
    "wrote",
];

/// Determiners: a capitalised word after one is a thing (`the Council`), not
/// a person's second reference.
const DETERMINERS: &[&str] = &[
    "a", "an", "its", "our", "that", "the", "their", "these", "this", "those",
];

/// Whether `norm` (a normalized word) is a title or role word.
pub fn is_title(norm: &str) -> bool {
    TITLES.binary_search(&norm).is_ok()
}

/// Whether `norm` is a speech or posting verb (`said`, `tweeted`).
pub fn is_speech_verb(norm: &str) -> bool {
    SPEECH_VERBS.binary_search(&norm).is_ok()
}

/// Whether `norm` is a name particle (`von`, `de`, `al`).
pub fn is_particle(norm: &str) -> bool {
    PARTICLES.binary_search(&norm).is_ok()
}

/// Whether `norm` is a determiner (`the`, `this`).
pub fn is_determiner(norm: &str) -> bool {
    DETERMINERS.binary_search(&norm).is_ok()
}

/// The shape of a word as written.
fn shape(word: &str) -> Shape {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Shape::Lower;
    };
    if first.is_numeric() {
        return Shape::Number;
    }
    if !first.is_uppercase() {
        return Shape::Lower;
    }
    let mut letters = 1;
    let mut all_upper = true;
    for c in chars {
        if c.is_alphabetic() {
            letters += 1;
            all_upper &= c.is_uppercase();
        }
    }
    match (letters, all_upper) {
        (1, _) => Shape::Initial,
        (_, true) => Shape::Acronym,
        _ => Shape::Capitalised,
    }
}

impl<'w> Mentions<'w> {
    /// The words and runs of `words`, the article's word stream over `text`.
    pub fn new(text: &str, words: &'w Words) -> Self {
        let items = words.items();
        let mut out = Mentions {
            words: Vec::with_capacity(items.len()),
            runs: Vec::new(),
            lower: HashSet::new(),
        };
        // State since the previous word.
        let mut initial = true;
        let mut joined = false;
        let mut after: Option<char> = None;
        let mut prev_short_upper = false;
        for item in items {
            match item.kind {
                ItemKind::Break => {
                    initial = true;
                    joined = false;
                    after = None;
                }
                ItemKind::Quote { mark, .. } => {
                    joined = false;
                    after = Some(mark);
                }
                ItemKind::Punct(c) => {
                    // The period of an initial or abbreviation keeps a name
                    // together (`Antony J. Blinken`, `Mr. Smith`).
                    joined = c == '.' && joined && prev_short_upper;
                    if matches!(c, ':' | '—' | '–') {
                        initial = true;
                    }
                    after = Some(c);
                }
                ItemKind::Word => {
                    let written = item.span.text(text);
                    // The word stream splits `1,200` at the comma; the
                    // groups of a number are one word here.
                    if let Some(prev) = out.words.last_mut() {
                        let comma = prev.span.end as usize..item.span.start as usize;
                        if prev.shape == Shape::Number
                            && text.get(comma) == Some(",")
                            && written.len() >= 3
                            && written.as_bytes()[..3].iter().all(u8::is_ascii_digit)
                        {
                            prev.span.end = item.span.end;
                            initial = false;
                            joined = true;
                            after = None;
                            continue;
                        }
                    }
                    let norm = strip_possessive(words.norm(item));
                    let shape = shape(written);
                    if shape == Shape::Lower {
                        out.lower.insert(norm);
                    }
                    out.words.push(NameWord {
                        span: item.span,
                        norm,
                        shape,
                        initial,
                        joined,
                        after,
                    });
                    prev_short_upper = matches!(shape, Shape::Initial | Shape::Acronym)
                        || (shape == Shape::Capitalised && norm.len() <= 3);
                    initial = false;
                    joined = true;
                    after = None;
                }
            }
        }
        out.runs = find_runs(&out.words);
        out
    }

    /// The words of a run or name.
    pub fn slice(&self, range: &Range<u32>) -> &[NameWord<'w>] {
        self.words
            .get(range.start as usize..range.end as usize)
            .unwrap_or(&[])
    }

    /// The index of the first word starting at or after byte `offset`.
    pub fn word_at_or_after(&self, offset: u32) -> u32 {
        self.words.partition_point(|w| w.span.start < offset) as u32
    }

    /// The runs lying inside `span`, by binary search.
    pub fn runs_in(&self, span: Span) -> &[Run] {
        let start = self.runs.partition_point(|r| r.span.start < span.start);
        let end = start + self.runs[start..].partition_point(|r| r.span.end <= span.end);
        &self.runs[start..end]
    }

    /// The person's name inside `run`, if the run can hold one: the words
    /// after its last title (`NATO Secretary General Jens Stoltenberg` →
    /// `Jens Stoltenberg`), without leading acronyms (`AP`, `US`). `None`
    /// when nothing name-like is left.
    pub fn person_name(&self, run: &Run) -> Option<PersonName> {
        let words = self.slice(&run.words);
        let base = run.words.start;
        // The name starts after the last title that is not the run's last word.
        let mut start = 0;
        let mut titled = false;
        for (i, w) in words.iter().enumerate() {
            if i + 1 < words.len() && is_title(w.norm) {
                start = i + 1;
                titled = true;
            }
        }
        // Leading acronyms (`AP`, `US`), determiners (`The`) and a
        // sentence-initial word the article also writes in lowercase
        // (`Later Smith said`) are not part of the name.
        while start < words.len() {
            let w = &words[start];
            let drop = w.shape == Shape::Acronym
                || is_determiner(w.norm)
                || (w.initial && start + 1 < words.len() && self.lower.contains(w.norm));
            if !drop {
                break;
            }
            start += 1;
        }
        let name = &words[start..];
        let last = name.len().checked_sub(1)?;
        if !matches!(name[last].shape, Shape::Capitalised) {
            return None;
        }
        // Particles before the surname belong to it.
        let mut surname_start = last;
        while surname_start > 0 && name[surname_start - 1].shape == Shape::Lower {
            surname_start -= 1;
        }
        // A lowercase role word right before the run also introduces a name
        // (`journalist Darlene Superville`).
        if !titled && start == 0 {
            let before = (base as usize)
                .checked_sub(1)
                .and_then(|i| self.words.get(i));
            titled = before.is_some_and(|b| b.shape == Shape::Lower && is_title(b.norm));
        }
        let first = name[..surname_start]
            .iter()
            .position(|w| w.shape == Shape::Capitalised)
            .map(|i| base + (start + i) as u32);
        let from = base + start as u32;
        let to = base + name.len() as u32 + start as u32;
        Some(PersonName {
            words: from..to,
            first,
            surname: base + (start + surname_start) as u32..to,
            titled,
            span: self.words[from as usize]
                .span
                .cover(self.words[to as usize - 1].span),
        })
    }

    /// The normalized surname of a name, particles included (`von der leyen`).
    pub fn surname_text(&self, name: &PersonName) -> String {
        let mut out = String::new();
        for w in self.slice(&name.surname) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w.norm);
        }
        out
    }

    /// Whether the word before word `index` is a determiner (`the Council`).
    pub fn after_determiner(&self, index: u32) -> bool {
        let Some(prev) = (index as usize).checked_sub(1) else {
            return false;
        };
        let w = &self.words[index as usize];
        w.joined && is_determiner(self.words[prev].norm)
    }

    /// Whether a speech verb is next to the words `range`: right after them
    /// (`Roe said`), or right before (`said Roe`).
    pub fn next_to_speech_verb(&self, range: &Range<u32>) -> bool {
        let after = self.words.get(range.end as usize);
        let after_ok = after.is_some_and(|w| w.joined && is_speech_verb(w.norm));
        let before = (range.start as usize)
            .checked_sub(1)
            .and_then(|i| self.words.get(i));
        let first_joined = self
            .words
            .get(range.start as usize)
            .is_some_and(|w| w.joined);
        after_ok || (first_joined && before.is_some_and(|w| is_speech_verb(w.norm)))
    }
}

/// `span` without a possessive ending (`Blinken’s` → `Blinken`).
pub fn without_possessive(text: &str, span: Span) -> Span {
    let written = span.text(text);
    for suffix in ["’s", "'s", "’S", "'S"] {
        if let Some(stem) = written.strip_suffix(suffix) {
            if !stem.is_empty() {
                return Span::new(span.start, span.end - suffix.len() as u32);
            }
        }
    }
    span
}

/// Lowercase ASCII letters and digits of a name word, with common accents
/// folded (`José` → `jose`, `Erdoğan` → `erdogan`).
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ğ' => 'g',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
            'ł' | 'ľ' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ř' => 'r',
            'ś' | 'š' | 'ş' => 's',
            'ť' | 'ţ' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            c => c,
        };
        if base.is_alphanumeric() {
            out.push(base);
        }
    }
    out
}

/// Runs of capitalised words: a capitalised word, an acronym or an initial
/// starts or continues a run; a particle continues it when a capitalised
/// word follows; anything else (a lowercase word, punctuation, a break)
/// ends it. Numbers end it too.
fn find_runs(words: &[NameWord<'_>]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words[i].is_upper() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while let Some(next) = words.get(end) {
            if !next.joined {
                break;
            }
            if next.is_upper() {
                end += 1;
                continue;
            }
            // Particles: `von der Leyen`, `bin Salman`.
            let mut j = end;
            while words
                .get(j)
                .is_some_and(|w| w.joined && w.shape == Shape::Lower && is_particle(w.norm))
            {
                j += 1;
            }
            if j > end
                && words
                    .get(j)
                    .is_some_and(|w| w.joined && w.shape == Shape::Capitalised)
            {
                end = j + 1;
                continue;
            }
            break;
        }
        runs.push(Run {
            words: start as u32..end as u32,
            span: words[start].span.cover(words[end - 1].span),
        });
        i = end;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_article;

    fn lists_are_sorted(list: &[&str]) -> bool {
        list.windows(2).all(|w| w[0] < w[1])
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        assert!(lists_are_sorted(TITLES));
        assert!(lists_are_sorted(SPEECH_VERBS));
        assert!(lists_are_sorted(PARTICLES));
        assert!(lists_are_sorted(DETERMINERS));
    }

    fn runs(text: &str) -> Vec<String> {
        let article = parse_article(text);
        let words = Words::new(text, &article);
        let m = Mentions::new(text, &words);
        m.runs
            .iter()
            .map(|r| r.span.text(text).to_string())
            .collect()
    }

    fn names(text: &str) -> Vec<(String, Option<String>, String, bool)> {
        let article = parse_article(text);
        let words = Words::new(text, &article);
        let m = Mentions::new(text, &words);
        m.runs
            .iter()
            .filter_map(|r| m.person_name(r))
            .map(|n| {
                (
                    n.span.text(text).to_string(),
                    n.first.map(|f| m.words[f as usize].norm.to_string()),
                    m.surname_text(&n),
                    n.titled,
                )
            })
            .collect()
    }

    #[test]
    fn folding() {
        assert_eq!(fold("José"), "jose");
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("O'Neil"), "oneil");
        assert_eq!(fold("WIŚNIEWSKA"), "wisniewska");
    }

    #[test]
    fn runs_of_capitalised_words() {
        assert_eq!(
            runs("Yesterday White House National Security Adviser Jake Sullivan, in a call with Russian presidential aide Yuri Ushakov, spoke."),
            [
                "Yesterday White House National Security Adviser Jake Sullivan",
                "Russian",
                "Yuri Ushakov"
            ]
        );
        assert_eq!(
            runs("He met Ursula von der Leyen and Antony J. Blinken in the U.S. capital."),
            ["He", "Ursula von der Leyen", "Antony J. Blinken", "U.S"]
        );
        // A particle needs a capitalised word after it.
        assert_eq!(runs("Then Smith de facto resigned."), ["Then Smith"]);
    }

    #[test]
    fn person_names_follow_the_last_title() {
        let found = names("NATO Secretary General Jens Stoltenberg met AP journalist Darlene Superville and Ursula von der Leyen’s aide.");
        assert_eq!(
            found,
            [
                (
                    "Jens Stoltenberg".to_string(),
                    Some("jens".to_string()),
                    "stoltenberg".to_string(),
                    true
                ),
                (
                    "Darlene Superville".to_string(),
                    Some("darlene".to_string()),
                    "superville".to_string(),
                    true
                ),
                (
                    "Ursula von der Leyen’s".to_string(),
                    Some("ursula".to_string()),
                    "von der leyen".to_string(),
                    false
                ),
            ]
        );
        // A title as the last word is a surname (`John Major`), and a run
        // that is only acronyms holds no name.
        let found = names("Prime Minister John Major met NATO.");
        assert_eq!(found[0].0, "John Major");
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn initial_words_and_joins() {
        let text = "“Biden will call,” she said: Zelensky agreed. Mr. Smith";
        let article = parse_article(text);
        let words = Words::new(text, &article);
        let m = Mentions::new(text, &words);
        let flags: Vec<(&str, bool, bool)> = m
            .words
            .iter()
            .map(|w| (w.span.text(text), w.initial, w.joined))
            .collect();
        assert_eq!(
            flags,
            [
                ("Biden", true, false),
                ("will", false, true),
                ("call", false, true),
                ("she", false, false),
                ("said", false, true),
                ("Zelensky", true, false),
                ("agreed", false, true),
                ("Mr", true, false),
                ("Smith", false, true),
            ]
        );
    }
}
