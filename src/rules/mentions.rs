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
use crate::lexicon::matcher::{word_hash, word_hash_bytes};
use crate::source::Span;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::OnceLock;

/// A fast, non-cryptographic hasher for word sets (FxHash): the rules hash
/// many short words and need no protection against crafted collisions.
#[derive(Clone, Copy, Default)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut v = [0u8; 8];
            v.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(v)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashSet` with [`FxHasher`].
pub type FxHashSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

/// A `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A hasher for keys that are already well-mixed hashes ([`word_hash`]):
/// it passes the `u64` through.
#[derive(Clone, Copy, Default)]
struct HashedKey(u64);

impl Hasher for HashedKey {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // Only `u64` keys are hashed with this; anything else still works.
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

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

/// One word of the article, as the name rules see it. Its normalized form
/// is [`Mentions::norm`].
#[derive(Clone, Copy, Debug)]
pub struct NameWord {
    /// Where the word is written (a possessive `’s` included).
    pub span: Span,
    /// Where its normalized form is in [`Mentions`]' buffer.
    norm_start: u32,
    norm_len: u16,
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
    /// Whether a comma comes right before it (`Roe, 42,`).
    pub after_comma: bool,
}

impl NameWord {
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
/// Built once per article ([`super::RuleContext::mentions`]) and shared by
/// the rules about names.
#[derive(Clone, Debug, Default)]
pub struct Mentions {
    /// Every word in text order.
    pub words: Vec<NameWord>,
    /// Every run of capitalised words, in text order.
    pub runs: Vec<Run>,
    /// The word stream's normalized forms ([`Words::norm_buffer`]):
    /// lowercase, plain apostrophes; a word's slice leaves out a possessive
    /// `'s`.
    norms: String,
    /// The [`word_hash`] of every word the article writes in lowercase
    /// somewhere (`later`, `yesterday`): capitalised at a sentence start, it
    /// is no name.
    lower: HashSet<u64, BuildHasherDefault<HashedKey>>,
}

/// The largest char boundary of `s` at or below `max`.
fn floor_char_boundary(s: &str, max: usize) -> usize {
    if max >= s.len() {
        return s.len();
    }
    (0..=max)
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0)
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
    "responded",
    "said",
    "says",
    "spoke",
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

/// A word list as a hash set, built once: one hash and one comparison per
/// lookup, where a binary search makes several comparisons.
macro_rules! word_set {
    ($list:ident, $word:expr) => {{
        static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
        SET.get_or_init(|| $list.iter().copied().collect())
            .contains($word)
    }};
}

/// Whether `norm` (a normalized word) is a title or role word.
pub fn is_title(norm: &str) -> bool {
    word_set!(TITLES, norm)
}

/// Whether `norm` is a speech or posting verb (`said`, `tweeted`).
pub fn is_speech_verb(norm: &str) -> bool {
    word_set!(SPEECH_VERBS, norm)
}

/// Whether `norm` is a name particle (`von`, `de`, `al`).
pub fn is_particle(norm: &str) -> bool {
    norm.len() <= 5 && word_set!(PARTICLES, norm)
}

/// Whether `norm` is a determiner (`the`, `this`).
pub fn is_determiner(norm: &str) -> bool {
    norm.len() <= 5 && word_set!(DETERMINERS, norm)
}

/// The shape of a word as written.
fn shape(word: &str) -> Shape {
    let bytes = word.as_bytes();
    // Most words start with an ASCII lowercase letter or a digit: decided
    // by the first byte, as the full tests below would decide them.
    match bytes.first() {
        Some(b) if b.is_ascii_digit() => return Shape::Number,
        Some(b) if b.is_ascii() && !b.is_ascii_uppercase() => return Shape::Lower,
        _ => {}
    }
    if word.is_ascii() {
        return match bytes.first() {
            None => Shape::Lower,
            Some(b) if b.is_ascii_digit() => Shape::Number,
            Some(b) if !b.is_ascii_uppercase() => Shape::Lower,
            Some(_) => {
                let mut letters = 0;
                let mut all_upper = true;
                for b in bytes {
                    if b.is_ascii_alphabetic() {
                        letters += 1;
                        all_upper &= b.is_ascii_uppercase();
                    }
                }
                match (letters, all_upper) {
                    (1, _) => Shape::Initial,
                    (_, true) => Shape::Acronym,
                    _ => Shape::Capitalised,
                }
            }
        };
    }
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

impl Mentions {
    /// The words and runs of `words`, the article's word stream over `text`.
    ///
    /// The normalized forms are the word stream's, copied in one piece
    /// (possessives are stripped by shortening the slice), and the
    /// lowercase set reuses the stream's word hashes.
    pub fn new(text: &str, words: &Words) -> Self {
        let items = words.items();
        let mut out = Mentions {
            words: Vec::with_capacity(items.len()),
            runs: Vec::new(),
            norms: words.norm_buffer().to_owned(),
            lower: HashSet::default(),
        };
        out.lower.reserve(items.len() / 2);
        let bytes = text.as_bytes();
        let norms = words.norm_buffer().as_bytes();
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
                    // Bytes, not `str` slices: no char-boundary checks per word.
                    let written = bytes
                        .get(item.span.start as usize..item.span.end as usize)
                        .unwrap_or(&[]);
                    // The word stream splits `1,200` at the comma; the
                    // groups of a number are one word here.
                    if let Some(prev) = out.words.last_mut() {
                        if prev.shape == Shape::Number
                            && written.len() >= 3
                            && written[..3].iter().all(u8::is_ascii_digit)
                            && bytes.get(prev.span.end as usize..item.span.start as usize)
                                == Some(b",")
                        {
                            prev.span.end = item.span.end;
                            initial = false;
                            joined = true;
                            after = None;
                            continue;
                        }
                    }
                    let range = item.norm_range();
                    let full = norms.get(range.clone()).unwrap_or(&[]);
                    // `strip_possessive`, on bytes.
                    let mut len = full.len();
                    if len > 2 && full.ends_with(b"'s") {
                        len -= 2;
                    }
                    let shape = match written.first() {
                        Some(b) if b.is_ascii_digit() => Shape::Number,
                        Some(b) if b.is_ascii() && !b.is_ascii_uppercase() => Shape::Lower,
                        _ => shape(item.span.text(text)),
                    };
                    if shape == Shape::Lower {
                        debug_assert_eq!(item.norm_hash(), word_hash_bytes(full));
                        let hash = if len == full.len() {
                            item.norm_hash()
                        } else {
                            word_hash_bytes(&full[..len])
                        };
                        out.lower.insert(hash);
                    }
                    if len > usize::from(u16::MAX) {
                        // A word longer than 64 KiB is no name: keep its start.
                        let norm = out.norms.get(range.start..range.start + len).unwrap_or("");
                        len = floor_char_boundary(norm, usize::from(u16::MAX));
                    }
                    out.words.push(NameWord {
                        span: item.span,
                        norm_start: range.start as u32,
                        norm_len: len as u16,
                        shape,
                        initial,
                        joined,
                        after_comma: after == Some(','),
                    });
                    prev_short_upper = matches!(shape, Shape::Initial | Shape::Acronym)
                        || (shape == Shape::Capitalised && len <= 3);
                    initial = false;
                    joined = true;
                    after = None;
                }
            }
        }
        out.runs = find_runs(&out);
        out
    }

    /// The normalized form of a word of [`Mentions::words`].
    #[inline]
    pub fn norm(&self, word: &NameWord) -> &str {
        let start = word.norm_start as usize;
        self.norms
            .get(start..start + usize::from(word.norm_len))
            .unwrap_or("")
    }

    /// The normalized form of word `index`.
    #[inline]
    pub fn norm_at(&self, index: u32) -> &str {
        self.words.get(index as usize).map_or("", |w| self.norm(w))
    }

    /// Whether the article writes `norm` in lowercase somewhere.
    pub fn written_lowercase(&self, norm: &str) -> bool {
        self.lower.contains(&word_hash(norm))
    }

    /// The words of a run or name.
    pub fn slice(&self, range: &Range<u32>) -> &[NameWord] {
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
            if i + 1 < words.len() && is_title(self.norm(w)) {
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
                || is_determiner(self.norm(w))
                || (w.initial && start + 1 < words.len() && self.written_lowercase(self.norm(w)));
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
            titled = before.is_some_and(|b| b.shape == Shape::Lower && is_title(self.norm(b)));
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

    /// [`Mentions::surname_text`], borrowed when the surname is one word
    /// (most are), so that it can key a map without an allocation.
    pub fn surname_key(&self, name: &PersonName) -> std::borrow::Cow<'_, str> {
        match self.slice(&name.surname) {
            [one] => std::borrow::Cow::Borrowed(self.norm(one)),
            _ => std::borrow::Cow::Owned(self.surname_text(name)),
        }
    }

    /// The normalized surname of a name, particles included (`von der leyen`).
    pub fn surname_text(&self, name: &PersonName) -> String {
        let mut out = String::new();
        for w in self.slice(&name.surname) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(self.norm(w));
        }
        out
    }

    /// Whether the word before word `index` is a determiner (`the Council`).
    pub fn after_determiner(&self, index: u32) -> bool {
        let Some(prev) = (index as usize).checked_sub(1) else {
            return false;
        };
        let w = &self.words[index as usize];
        w.joined && is_determiner(self.norm_at(prev as u32))
    }

    /// Whether a speech verb is next to the words `range`: right after them
    /// (`Roe said`), or right before (`said Roe`).
    pub fn next_to_speech_verb(&self, range: &Range<u32>) -> bool {
        let after = self.words.get(range.end as usize);
        let after_ok = after.is_some_and(|w| w.joined && is_speech_verb(self.norm(w)));
        let before = (range.start as usize)
            .checked_sub(1)
            .and_then(|i| self.words.get(i));
        let first_joined = self
            .words
            .get(range.start as usize)
            .is_some_and(|w| w.joined);
        after_ok || (first_joined && before.is_some_and(|w| is_speech_verb(self.norm(w))))
    }
}

/// A set of spans answering "does any overlap this one?" by binary
/// search, so a rule can ask it once per mention and stay linear.
#[derive(Clone, Debug, Default)]
pub struct SpanSet {
    /// Sorted by start; each element also records the largest end so far.
    spans: Vec<(Span, u32)>,
}

impl SpanSet {
    /// The set of `spans`, in any order.
    pub fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut sorted: Vec<Span> = spans.into_iter().collect();
        sorted.sort_unstable();
        let mut max_end = 0;
        let spans = sorted
            .into_iter()
            .map(|s| {
                max_end = max_end.max(s.end);
                (s, max_end)
            })
            .collect();
        SpanSet { spans }
    }

    /// The spans, sorted.
    pub fn spans(&self) -> Vec<Span> {
        self.spans.iter().map(|&(s, _)| s).collect()
    }

    /// Whether some span of the set overlaps `span`.
    pub fn overlaps(&self, span: Span) -> bool {
        // Spans starting before `span` ends; the last of them reaching past
        // `span.start` (by the running maximum) overlaps.
        let i = self.spans.partition_point(|(s, _)| s.start < span.end);
        i > 0 && self.spans[i - 1].1 > span.start
    }

    /// Whether some span of the set contains `span` entirely.
    pub fn contains(&self, span: Span) -> bool {
        let i = self.spans.partition_point(|(s, _)| s.start <= span.start);
        // Spans are usually disjoint; look back a few for nested ones.
        self.spans[..i]
            .iter()
            .rev()
            .take(4)
            .any(|(s, _)| s.contains(span))
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
fn find_runs(m: &Mentions) -> Vec<Run> {
    let words = &m.words;
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
                .is_some_and(|w| w.joined && w.shape == Shape::Lower && is_particle(m.norm(w)))
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
    fn word_lists_are_sorted_and_distinct() {
        assert!(lists_are_sorted(TITLES));
        assert!(lists_are_sorted(SPEECH_VERBS));
        assert!(lists_are_sorted(PARTICLES));
        assert!(lists_are_sorted(DETERMINERS));
        assert!(is_title("secretary-general") && !is_title("secretaries"));
        assert!(is_speech_verb("said") && is_particle("von") && is_determiner("the"));
    }

    #[test]
    fn shapes_of_ascii_and_other_words() {
        let cases = [
            ("said", Shape::Lower),
            ("café", Shape::Lower),
            ("élan", Shape::Lower),
            ("'s", Shape::Lower),
            ("", Shape::Lower),
            ("107", Shape::Number),
            ("١٠٧", Shape::Number),
            ("Putin", Shape::Capitalised),
            ("Éric", Shape::Capitalised),
            ("McGuire", Shape::Capitalised),
            ("NATO", Shape::Acronym),
            ("U.S", Shape::Acronym),
            ("ÉCOLE", Shape::Acronym),
            ("J", Shape::Initial),
            ("Ž", Shape::Initial),
        ];
        for (word, expected) in cases {
            assert_eq!(shape(word), expected, "{word:?}");
        }
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
                    n.first.map(|f| m.norm_at(f).to_string()),
                    m.surname_text(&n),
                    n.titled,
                )
            })
            .collect()
    }

    #[test]
    fn span_sets() {
        let set = SpanSet::new([Span::new(10, 20), Span::new(0, 5), Span::new(30, 40)]);
        assert!(set.overlaps(Span::new(4, 6)));
        assert!(set.overlaps(Span::new(15, 35)));
        assert!(!set.overlaps(Span::new(5, 10)));
        assert!(!set.overlaps(Span::new(20, 30)));
        assert!(!set.overlaps(Span::new(41, 50)));
        assert!(set.contains(Span::new(11, 19)));
        assert!(set.contains(Span::new(30, 40)));
        assert!(!set.contains(Span::new(18, 22)));
        assert!(!SpanSet::default().overlaps(Span::new(0, 1)));
        // A long span before short ones still overlaps later spans.
        let set = SpanSet::new([Span::new(0, 100), Span::new(10, 12)]);
        assert!(set.overlaps(Span::new(50, 51)));
    }

    #[test]
    fn words_stay_small() {
        assert!(std::mem::size_of::<NameWord>() <= 20);
        assert_eq!(floor_char_boundary("aé", 2), 1);
        assert_eq!(floor_char_boundary("abc", 9), 3);
    }

    #[test]
    fn shapes() {
        for (word, want) in [
            ("said", Shape::Lower),
            ("Putin", Shape::Capitalised),
            ("McGuire", Shape::Capitalised),
            ("NATO", Shape::Acronym),
            ("U.S", Shape::Acronym),
            ("J", Shape::Initial),
            ("107", Shape::Number),
            ("Ölz", Shape::Capitalised),
            ("ÉÜ", Shape::Acronym),
            ("É", Shape::Initial),
            ("ürün", Shape::Lower),
            ("", Shape::Lower),
        ] {
            assert_eq!(shape(word), want, "{word}");
        }
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
