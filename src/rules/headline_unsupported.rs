//! AC006 `headline-unsupported`: names, figures and dates in the headline
//! that the body never mentions.

use super::calendar::{article_date, article_year, days_from_civil, weekday_name};
use super::figures::{figure_at, is_vague_number_word, number_word, Figure};
use super::mentions::{
    fold, is_determiner, without_possessive, FxHashMap, FxHashSet, Mentions, NameWord, Shape,
};
use super::{Rule, RuleContext};
use crate::diagnostic::Diagnostic;
use crate::lexicon::Names;
use crate::parse::{date::month_number, date::weekday_number, weekday_of, DateMention};
use crate::source::Span;
use std::sync::OnceLock;

declare_rule! {
    /// ## What it does
    /// Flags a name, figure or date in the headline that the body of the
    /// article never mentions.
    ///
    /// The body is everything after the headline: dateline, paragraphs,
    /// captions and embedded posts. Mentions are compared after
    /// normalisation:
    ///
    /// - **Names** (runs of capitalised words): the run's last word decides
    ///   (`Joe Biden` is supported by `Biden`, `Biden` by `Joe Biden` or
    ///   `Biden’s`), case-insensitively, with possessives stripped and
    ///   accents folded. Word forms of one stem count (`Canadian` ↔
    ///   `Canada`, `Greek` ↔ `Greece`, and a short list of irregular ones
    ///   such as `French` ↔ `France`); every spelling of one person in the
    ///   names list counts (`Zelensky` ↔ `Zelenskyy`); an acronym is
    ///   supported by the words it abbreviates (`UN` ↔ `United Nations`), a
    ///   compound by its parts (`Russia-Ukraine`), and a capital standing
    ///   for its government by its country (`Moscow` ↔ `Russia`, `Kremlin`).
    /// - **Figures**: `3`, `three` and `third` are one value; `1.2 million`
    ///   is supported by `1,200,000` and by any count that rounds to it;
    ///   a round count (`900`) by any count that rounds to it (`907`), and
    ///   any figure by the sum of two figures of one body paragraph (`700
    ///   rescued by fishermen … 200 by the navy` supports `900 rescued`).
    /// - **Dates**: `January 2`, `Jan. 2` and `2 January` are one date; a
    ///   headline date is also supported by its weekday (`on Sunday`) when
    ///   it falls within a week of the article's own date.
    ///
    /// ## Why is this bad?
    /// Many readers see only the headline. A name, number or date there that
    /// the story does not support is a claim with no source at all — the
    /// reader cannot tell where it came from, and the editor cannot check it.
    ///
    /// ## Example
    /// ```text
    /// Three days after talks with Putin: Biden will call Zelensky on January 2
    ///
    /// President Joe Biden will hold talks with President Volodymyr Zelensky
    /// on January 2, the White House said.
    /// ```
    /// `Putin` is not in the body.
    ///
    /// ## Use instead
    /// ```text
    /// Biden will call Zelensky on January 2
    /// ```
    /// or report the talks with Putin, with their source, in the body.
    ///
    /// ## Known problems
    /// Policies chosen to keep the rule quiet where an editor would not act:
    ///
    /// - A capitalised word at the start of the headline or after a colon
    ///   counts as a name only when it is followed by another capitalised
    ///   word or is a surname in the names list: `Three days after …` and
    ///   `Greek court rules …` are sentence-case capitals, not names.
    /// - In a headline written in Title Case or in capitals (a function
    ///   word such as `In` or `With` capitalised inside it, or two
    ///   capitalised words the body writes in lowercase), only surnames
    ///   from the names list are checked.
    /// - Relative time spans (`three days after`, `two weeks before`, `a
    ///   year ago`) are not checked: the editor computes them from dates, and
    ///   the event they point to is checked on its own.
    /// - `one`, `first`, `second` and vague counts (`hundreds`, `dozens`) are
    ///   not figures.
    /// - Figures are compared by value only: a headline `3` is supported by
    ///   any `three` in the body, whatever it counts.
    /// - Only names spelled out in the body count; a person referred to only
    ///   by role (`the Russian president`) is reported.
    pub HeadlineUnsupported, code = "AC006", name = "headline-unsupported", severity = Warning
}

/// Demonyms and place names too irregular for the shared-stem test.
const IRREGULAR_FORMS: &[(&str, &str)] = &[
    ("afghan", "afghanistan"),
    ("american", "america"),
    ("american", "us"),
    ("argentine", "argentina"),
    ("belgian", "belgium"),
    ("british", "britain"),
    ("british", "uk"),
    ("cypriot", "cyprus"),
    ("danish", "denmark"),
    ("dutch", "holland"),
    ("dutch", "netherlands"),
    ("english", "england"),
    ("filipino", "philippines"),
    ("finnish", "finland"),
    ("french", "france"),
    ("irish", "ireland"),
    ("lebanese", "lebanon"),
    ("mexican", "mexico"),
    ("norwegian", "norway"),
    ("peruvian", "peru"),
    ("polish", "poland"),
    ("portuguese", "portugal"),
    ("scottish", "scotland"),
    ("spanish", "spain"),
    ("swiss", "switzerland"),
    ("tajik", "tajikistan"),
    ("thai", "thailand"),
    ("turkish", "turkey"),
    ("uzbek", "uzbekistan"),
    ("welsh", "wales"),
];

/// Capitals that headlines use for their country's government (`Moscow
/// says …`), with the body words that support them.
const CAPITALS: &[(&str, &[&str])] = &[
    ("ankara", &["turkey", "turkish", "türkiye"]),
    ("athens", &["greece", "greek"]),
    ("baghdad", &["iraq", "iraqi"]),
    ("beijing", &["china", "chinese"]),
    ("berlin", &["germany", "german"]),
    (
        "brussels",
        &["eu", "european", "nato", "belgium", "belgian"],
    ),
    ("cairo", &["egypt", "egyptian"]),
    ("canberra", &["australia", "australian"]),
    ("damascus", &["syria", "syrian"]),
    ("delhi", &["india", "indian"]),
    ("islamabad", &["pakistan", "pakistani"]),
    ("jerusalem", &["israel", "israeli"]),
    ("kabul", &["afghanistan", "afghan", "taliban"]),
    ("kiev", &["ukraine", "ukrainian", "kyiv"]),
    (
        "kremlin",
        &["russia", "russian", "moscow", "putin", "peskov"],
    ),
    ("kyiv", &["ukraine", "ukrainian", "kiev"]),
    ("london", &["britain", "british", "uk"]),
    ("madrid", &["spain", "spanish"]),
    ("minsk", &["belarus", "belarusian"]),
    ("moscow", &["russia", "russian", "kremlin"]),
    ("ottawa", &["canada", "canadian"]),
    ("paris", &["france", "french", "élysée", "elysee"]),
    ("pentagon", &["defense", "defence", "military"]),
    ("pyongyang", &["korea", "korean", "dprk"]),
    ("riyadh", &["saudi"]),
    ("rome", &["italy", "italian"]),
    ("seoul", &["korea", "korean"]),
    ("taipei", &["taiwan", "taiwanese"]),
    ("tehran", &["iran", "iranian"]),
    ("tokyo", &["japan", "japanese"]),
    ("warsaw", &["poland", "polish"]),
    (
        "washington",
        &["us", "u.s", "american", "america", "united"],
    ),
];

/// Words a sentence-case headline never capitalises inside it.
const FUNCTION_WORDS: &[&str] = &[
    "a", "after", "an", "and", "are", "as", "at", "by", "for", "from", "in", "into", "is", "near",
    "of", "on", "or", "over", "says", "than", "that", "the", "to", "was", "will", "with",
];

/// Words after a time unit that make a figure a relative time span.
const RELATIVE: &[&str] = &["after", "ago", "before", "earlier", "later", "since"];

/// Time units of a relative time span.
const TIME_UNITS: &[&str] = &[
    "day", "days", "decade", "decades", "hour", "hours", "minute", "minutes", "month", "months",
    "week", "weeks", "year", "years",
];

impl Rule for HeadlineUnsupported {
    fn check(&self, cx: &mut RuleContext<'_>) {
        let Some(headline) = cx.article.headline else {
            return;
        };
        let text = cx.text();
        let mentions = cx.mentions();
        let split = mentions.word_at_or_after(headline.end) as usize;
        let first = mentions.word_at_or_after(headline.start) as usize;
        let (head, body) = (&mentions.words[first..split], &mentions.words[split..]);
        if head.is_empty() {
            return;
        }
        let names = &cx.lexicon.names;
        let wanted = Wanted::new(mentions, head, names);
        let has_figures = head
            .iter()
            .any(|w| w.shape == Shape::Number || number_word(mentions.norm(w)).is_some());
        let body_words = BodyWords::new(
            text,
            cx.article,
            mentions,
            [&mentions.words[..first], body],
            &wanted,
            has_figures,
        );
        let mut found = Vec::new();

        // Dates first: their words are not checked again as names or figures.
        let head_dates: Vec<&DateMention> = cx
            .article
            .dates
            .iter()
            .filter(|d| headline.contains(d.span))
            .collect();
        let in_date = |span: Span| head_dates.iter().any(|d| d.span.contains(span));
        for &date in &head_dates {
            if !date_supported(cx.article, date, headline, body, text) {
                found.push(Finding::date(date.span));
            }
        }

        let title_case = is_title_case(mentions, head, &body_words);
        // Figures.
        let mut i = 0;
        while i < head.len() {
            let w = &head[i];
            let norm = mentions.norm(w);
            if in_date(w.span) || (w.shape != Shape::Number && is_vague_number_word(norm)) {
                i += 1;
                continue;
            }
            let Some(figure) = figure_at(mentions, &head[i..], text) else {
                i += 1;
                continue;
            };
            let span = w.span.cover(head[i + figure.len - 1].span);
            if !is_relative_span(mentions, &head[i + figure.len..])
                && !body_words.has_figure(figure)
            {
                found.push(Finding::figure(span));
            }
            i += figure.len;
        }

        // Names: the last word of each run decides; in a Title Case
        // headline, only listed surnames are names.
        let keys: Vec<&NameWord> = if title_case {
            head.iter()
                .filter(|w| {
                    w.shape == Shape::Capitalised && is_listed_surname(names, mentions.norm(w))
                })
                .collect()
        } else {
            mentions
                .runs_in(headline)
                .iter()
                .filter_map(|run| {
                    let run_words = mentions.slice(&run.words);
                    let key = run_words
                        .iter()
                        .rposition(|w| matches!(w.shape, Shape::Capitalised | Shape::Acronym))?;
                    // `An Interview` after a colon is one sentence-case word.
                    let lead = run_words
                        .iter()
                        .take_while(|w| is_determiner(mentions.norm(w)))
                        .count();
                    let alone_at_start = run_words[0].initial && run_words.len() - lead <= 1;
                    let word = &run_words[key];
                    (!alone_at_start || is_listed_surname(names, mentions.norm(word)))
                        .then_some(word)
                })
                .collect()
        };
        for word in keys {
            let span = without_possessive(text, word.span);
            if in_date(word.span) || is_calendar_word(span.text(text)) {
                continue;
            }
            if body_words.has_name(word, names, text) {
                continue;
            }
            let near = body_words
                .closest(mentions.norm(word))
                .map(|span| without_possessive(text, span));
            found.push(Finding::name(span, near));
        }

        found.sort_by_key(|f| f.span.start);
        for f in found {
            cx.report(f.diagnostic(text));
        }
    }
}

/// What kind of headline item is unsupported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Name,
    Figure,
    Date,
}

/// One unsupported headline item.
struct Finding {
    kind: Kind,
    span: Span,
    /// A similar spelling in the body, for a name.
    near: Option<Span>,
}

impl Finding {
    fn name(span: Span, near: Option<Span>) -> Self {
        Finding {
            kind: Kind::Name,
            span,
            near,
        }
    }

    fn figure(span: Span) -> Self {
        Finding {
            kind: Kind::Figure,
            span,
            near: None,
        }
    }

    fn date(span: Span) -> Self {
        Finding {
            kind: Kind::Date,
            span,
            near: None,
        }
    }

    fn diagnostic(&self, text: &str) -> Diagnostic {
        let written = self.span.text(text);
        let (message, help) = match self.kind {
            Kind::Name => (
                format!("`{written}` in the headline is not mentioned in the body"),
                match self.near {
                    Some(near) => format!(
                        "spell it as the body does (`{}`), or mention `{written}` in the body",
                        near.text(text)
                    ),
                    None => format!(
                        "mention `{written}` in the body with the source for it, or drop it from the headline"
                    ),
                },
            ),
            Kind::Figure => (
                format!("figure `{written}` in the headline is not in the body"),
                "give the figure and its source in the body, or correct the headline".to_string(),
            ),
            Kind::Date => (
                format!("date `{written}` in the headline is not in the body"),
                "give the date in the body, or correct the headline".to_string(),
            ),
        };
        let mut d = Diagnostic::new(
            HeadlineUnsupported::CODE,
            HeadlineUnsupported::NAME,
            HeadlineUnsupported::SEVERITY,
            self.span,
            message,
        )
        .primary_label("not in the body")
        .help(help);
        if let Some(near) = self.near {
            d = d.label(near, "similar name in the body");
        }
        d
    }
}

/// The strings the headline's lookups can ask for, so the body scan keeps
/// only the body words that matter: every headline word's normalized form
/// and its derived forms (parts of a compound, accents folded, periods
/// added or removed, irregular demonyms, capitals' countries, the names
/// list's other spellings), and their first three letters, for stems.
#[derive(Default)]
struct Wanted {
    exact: FxHashSet<String>,
    prefixes: FxHashSet<String>,
    /// Bit `len` (capped at 63) of `shapes[first byte]` is set when some
    /// exact form starts with that byte and has that length: a cheap test
    /// that spares most body words the hashing.
    shapes: Vec<u64>,
    /// Bit set for the first byte of every prefix.
    prefix_firsts: [u64; 4],
    /// A buffer for the forms built while adding.
    scratch: String,
}

/// The slot of a word's first byte and length in [`Wanted::shapes`].
fn shape_bit(word: &str) -> Option<(usize, u64)> {
    let first = *word.as_bytes().first()?;
    Some((usize::from(first), 1u64 << word.len().min(63)))
}

impl Wanted {
    fn new(m: &Mentions, head: &[NameWord], names: &Names) -> Self {
        let mut wanted = Wanted::default();
        // About three forms per word (itself, dotted, and one more).
        wanted.exact.reserve(head.len() * 3);
        wanted.prefixes.reserve(head.len() * 3);
        for w in head {
            let norm = m.norm(w);
            wanted.add(norm);
            for part in compound_parts(norm) {
                wanted.add(part);
            }
            for alias in lexicon_aliases(names, norm) {
                wanted.add(alias);
            }
        }
        wanted
    }

    /// Adds `norm` and its other forms. Most forms equal `norm` or one
    /// already added; only new ones are allocated and hashed.
    fn add(&mut self, norm: &str) {
        if self.shapes.is_empty() {
            self.shapes = vec![0; 256];
        }
        self.add_form(norm);
        // `fold` keeps lowercase ASCII letters and digits as they are.
        if !norm
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            self.add_form(&fold(norm));
        }
        if norm.contains('.') {
            self.add_form(&undotted(norm));
        }
        let mut scratch = std::mem::take(&mut self.scratch);
        dotted_into(norm, &mut scratch);
        self.add_form(&scratch);
        self.scratch = scratch;
        for form in related_forms(norm) {
            self.add_form(form);
        }
    }

    /// Adds one form, its prefix and its shape bit.
    fn add_form(&mut self, form: &str) {
        if self.exact.contains(form) {
            return;
        }
        if let Some(prefix) = prefix3(form) {
            let b = prefix.as_bytes()[0];
            self.prefix_firsts[usize::from(b / 64)] |= 1 << (b % 64);
            if !self.prefixes.contains(prefix) {
                self.prefixes.insert(prefix.to_string());
            }
        }
        if let Some((slot, bit)) = shape_bit(form) {
            self.shapes[slot] |= bit;
        }
        self.exact.insert(form.to_string());
    }

    /// Whether a body word can answer one of the lookups: the exact forms
    /// for any word, stems only for capitalised ones (names).
    fn keeps(&self, norm: &str, capitalised: bool) -> bool {
        let Some((slot, bit)) = shape_bit(norm) else {
            return false;
        };
        let exact =
            self.shapes.get(slot).is_some_and(|s| s & bit != 0) && self.exact.contains(norm);
        let b = norm.as_bytes()[0];
        exact
            || (capitalised
                && self.prefix_firsts[usize::from(b / 64)] & (1 << (b % 64)) != 0
                && prefix3(norm).is_some_and(|p| self.prefixes.contains(p)))
    }
}

/// The first three letters of a word of four letters or more.
fn prefix3(norm: &str) -> Option<&str> {
    let mut ends = norm.char_indices().map(|(i, _)| i);
    let end = ends.nth(3)?;
    Some(&norm[..end])
}

/// `u.s` → `us`.
fn undotted(norm: &str) -> String {
    norm.chars().filter(|&c| c != '.').collect()
}

/// `us` → `u.s` (the word stream drops the final period).
fn dotted(norm: &str) -> String {
    let mut out = String::with_capacity(norm.len() * 2);
    dotted_into(norm, &mut out);
    out
}

/// [`dotted`] into `out`, which is cleared first.
fn dotted_into(norm: &str, out: &mut String) {
    out.clear();
    for (i, c) in norm.chars().enumerate() {
        if i > 0 {
            out.push('.');
        }
        out.push(c);
    }
}

/// The forms [`IRREGULAR_FORMS`] and [`CAPITALS`] relate to `norm` (the
/// other member of its pairs, a capital's countries), from a map built once
/// from the two lists: one lookup where a scan compared every entry.
fn related_forms(norm: &str) -> &'static [&'static str] {
    static RELATED: OnceLock<FxHashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    RELATED
        .get_or_init(|| {
            let mut map: FxHashMap<&'static str, Vec<&'static str>> = FxHashMap::default();
            for &(a, b) in IRREGULAR_FORMS {
                map.entry(a).or_default().push(b);
                map.entry(b).or_default().push(a);
            }
            for &(capital, countries) in CAPITALS {
                map.entry(capital).or_default().extend(countries);
            }
            map
        })
        .get(norm)
        .map_or(&[], Vec::as_slice)
}

/// The parts of a hyphenated compound worth checking (`russia-ukraine` →
/// `russia`, `ukraine`; `pro-kremlin` → `kremlin`); empty for other words.
fn compound_parts(norm: &str) -> Vec<&str> {
    if !norm.contains('-') {
        return Vec::new();
    }
    norm.split('-')
        .filter(|p| p.chars().count() >= 3)
        .filter(|p| {
            !matches!(
                *p,
                "pro" | "anti" | "non" | "post" | "pre" | "neo" | "mid" | "ex"
            )
        })
        .collect()
}

/// The body's words, ready for the lookups the headline needs.
struct BodyWords<'w> {
    /// The kept normalized body words (see [`Wanted`]).
    set: FxHashSet<&'w str>,
    /// The same, sorted, for stem lookups.
    sorted: Vec<&'w str>,
    /// Kept body words written in lowercase somewhere.
    lower: FxHashSet<&'w str>,
    /// Kept body words with letters outside ASCII, accents folded
    /// (`wiśniewska` → `wisniewska`).
    folded: FxHashSet<String>,
    /// Every figure in the body, and every sum of two figures of one
    /// paragraph (`700 rescued … 200 more` supports `900`), sorted by value.
    figures: Vec<u128>,
    /// The words outside the headline, for the rare full scans.
    outside: [&'w [NameWord]; 2],
    /// The article's words.
    m: &'w Mentions,
}

impl<'w> BodyWords<'w> {
    /// One pass over the words outside the headline (`before` it and the
    /// `body` after it), keeping what `wanted` can ask for, and the figures
    /// when `figures` is set.
    fn new(
        text: &str,
        article: &crate::parse::Article,
        m: &'w Mentions,
        outside: [&'w [NameWord]; 2],
        wanted: &Wanted,
        figures: bool,
    ) -> Self {
        let mut set = FxHashSet::default();
        let mut lower = FxHashSet::default();
        let mut folded = FxHashSet::default();
        let mut values = Vec::new();
        // (block, value) of each figure, for the sums.
        let mut placed: Vec<(Option<u32>, u128)> = Vec::new();
        for part in outside {
            for (i, w) in part.iter().enumerate() {
                let norm = m.norm(w);
                let capitalised = w.shape != Shape::Lower && w.shape != Shape::Number;
                if wanted.keeps(norm, capitalised) {
                    set.insert(norm);
                    if w.shape == Shape::Lower {
                        lower.insert(norm);
                    }
                }
                if !norm.is_ascii() {
                    let f = fold(norm);
                    if wanted.keeps(&f, capitalised) {
                        folded.insert(f);
                    }
                }
                if figures && matches!(w.shape, Shape::Number | Shape::Lower) {
                    if let Some(f) = figure_at(m, &part[i..], text) {
                        values.push(f.value);
                        placed.push((article.block_at(w.span.start), f.value));
                        // `1.2 million` also counts as the bare `1.2`.
                        if f.len == 2 {
                            if let Some(bare) = figure_at(m, &part[i..i + 1], text) {
                                values.push(bare.value);
                            }
                        }
                    }
                }
            }
        }
        // Sums of two figures of one paragraph; at most 16 figures of a
        // paragraph are paired, so this stays linear.
        for group in placed.chunk_by(|a, b| a.0 == b.0) {
            let group = &group[..group.len().min(16)];
            for (i, a) in group.iter().enumerate() {
                for b in &group[i + 1..] {
                    values.push(a.1.saturating_add(b.1));
                }
            }
        }
        values.sort_unstable();
        values.dedup();
        let mut sorted: Vec<&str> = set.iter().copied().collect();
        sorted.sort_unstable();
        BodyWords {
            set,
            sorted,
            lower,
            folded,
            figures: values,
            outside,
            m,
        }
    }

    /// Whether the body has `norm`, ignoring periods inside it (`US` ↔
    /// `U.S.`) and accents (`Wiśniewska` ↔ `Wisniewska`).
    fn has_word(&self, norm: &str) -> bool {
        if self.set.contains(norm) {
            return true;
        }
        let folded = fold(norm);
        if self.set.contains(folded.as_str()) || self.folded.contains(&folded) {
            return true;
        }
        if norm.contains('.') {
            return self.set.contains(undotted(norm).as_str());
        }
        norm.chars().count() <= 6 && self.set.contains(dotted(norm).as_str())
    }

    /// Whether the body has another form of the word: one of them is the
    /// other's first letters, give or take its last letter, followed by at
    /// most four more (`canadian` ↔ `canada`, `greek` ↔ `greece`,
    /// `ukrainian` ↔ `ukraine`; not `austria` ↔ `australia`, `phalin` ↔
    /// `phailin`). Both have four letters or more.
    fn has_stem(&self, norm: &str) -> bool {
        let chars: Vec<char> = norm.chars().collect();
        let n = chars.len();
        if n < 4 {
            return false;
        }
        let related = |b: &str| {
            let len = b.chars().count();
            let common = b.chars().zip(&chars).take_while(|(x, y)| x == *y).count();
            len >= 4 && common + 1 >= len.min(n) && len.max(n) - common <= 4
        };
        // A related word shares at least the first `len.min(n) - 1 >= 3`
        // letters: look it up by each such prefix.
        (3..n).rev().any(|k| {
            let prefix: String = chars[..k].iter().collect();
            let start = self.sorted.partition_point(|w| *w < prefix.as_str());
            self.sorted[start..]
                .iter()
                .take_while(|w| w.starts_with(prefix.as_str()))
                .take(64)
                .any(|w| related(w))
        })
    }

    /// Whether one word is mentioned in the body, in any of the forms the
    /// rule accepts.
    fn has_form(&self, norm: &str, names: &Names) -> bool {
        self.has_word(norm)
            || self.has_stem(norm)
            || related_forms(norm).iter().any(|f| self.has_word(f))
            || lexicon_aliases(names, norm).any(|a| self.has_word(a))
    }

    /// Whether a headline name word is mentioned in the body.
    fn has_name(&self, word: &NameWord, names: &Names, text: &str) -> bool {
        let norm = self.m.norm(word);
        let parts = compound_parts(norm);
        self.has_form(norm, names)
            || (!parts.is_empty() && parts.iter().all(|p| self.has_form(p, names)))
            || (word.shape == Shape::Acronym
                && self
                    .outside
                    .iter()
                    .any(|part| has_expansion(self.m, word.span.text(text), part)))
    }

    /// Whether the body has a figure `figure` stands for: the same value, or
    /// one that rounds to it.
    fn has_figure(&self, figure: Figure) -> bool {
        let half = figure.rounding / 2;
        let low = figure.value.saturating_sub(half);
        let high = figure.value.saturating_add(half);
        let i = self.figures.partition_point(|&v| v < low);
        self.figures.get(i).is_some_and(|&v| v <= high)
    }

    /// The body's capitalised word closest in spelling to `norm`, if close
    /// enough to be the same name spelled differently. A full scan, run
    /// only for an unsupported name.
    fn closest(&self, norm: &str) -> Option<Span> {
        if norm.chars().count() < 4 {
            return None;
        }
        let first = norm.chars().next();
        let mut seen = FxHashSet::default();
        self.outside
            .iter()
            .flat_map(|part| part.iter())
            .map(|w| (w, self.m.norm(w)))
            .filter(|(w, n)| w.shape == Shape::Capitalised && n.chars().next() == first)
            .filter(|(_, n)| seen.insert(*n))
            .map(|(w, n)| (strsim::jaro_winkler(norm, n), w.span))
            .filter(|&(score, _)| score >= 0.88)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, span)| span)
    }
}

/// Whether `norm` is the surname of someone in the names list (the last
/// word, or the `surname`, of any of their spellings).
fn is_listed_surname(names: &Names, norm: &str) -> bool {
    names.is_surname(norm)
}

/// Every surname spelling of the people in the names list whose spellings
/// end in `norm` (`zelensky` → `zelenskyy`, `zelenskiy`, `zelenski`, …).
fn lexicon_aliases<'n>(names: &'n Names, norm: &str) -> impl Iterator<Item = &'n str> {
    names.surname_aliases(norm)
}

/// Whether the body spells out an acronym: capitalised words whose
/// initials make it, with `of`, `the`, `and`, `for` skipped (`United
/// Nations` → `UN`, `Democratic People’s Republic of Korea` → `DPRK`).
fn has_expansion(m: &Mentions, acronym: &str, body: &[NameWord]) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if letters.len() < 2 {
        return false;
    }
    let skip = |w: &NameWord| matches!(m.norm(w), "of" | "the" | "and" | "for" | "on");
    for start in 0..body.len() {
        let mut k = 0;
        let mut j = start;
        while k < letters.len() {
            let Some(w) = body.get(j) else { break };
            if j > start && !w.joined {
                break;
            }
            if j > start && skip(w) {
                j += 1;
                continue;
            }
            if w.shape != Shape::Capitalised || !m.norm(w).starts_with(letters[k]) {
                break;
            }
            k += 1;
            j += 1;
        }
        if k == letters.len() {
            return true;
        }
    }
    false
}

/// Whether the words after a figure make it a relative time span (`days
/// after`, `weeks before`, `years ago`).
fn is_relative_span(m: &Mentions, after: &[NameWord]) -> bool {
    match after {
        [unit, rel, ..] => {
            TIME_UNITS.contains(&m.norm(unit)) && RELATIVE.contains(&m.norm(rel)) && rel.joined
        }
        _ => false,
    }
}

/// Whether the headline is written in Title Case or in capitals: a
/// function word capitalised inside it (`In`, `With`), or two capitalised
/// words that the body writes in lowercase.
fn is_title_case(m: &Mentions, head: &[NameWord], body: &BodyWords<'_>) -> bool {
    let inner = || {
        head.iter()
            .filter(|w| !w.initial && w.is_upper())
            .map(|w| m.norm(w))
    };
    inner().any(|n| FUNCTION_WORDS.contains(&n))
        || inner()
            .filter(|n| n.len() >= 4 && body.lower.contains(n))
            .count()
            >= 2
}

/// Month and weekday names are dates, not names.
fn is_calendar_word(written: &str) -> bool {
    month_number(written).is_some() || weekday_number(written).is_some()
}

/// Whether a headline date is in the body: the same month and day (and the
/// same year, when both are known), or its weekday named in the body when
/// it falls within a week of the article's own date.
fn date_supported(
    article: &crate::parse::Article,
    date: &DateMention,
    headline: Span,
    body: &[NameWord],
    text: &str,
) -> bool {
    let year = article_year(article);
    let year_of = |d: &DateMention| year.map(|y| y.year_of(d)).or(d.year);
    let same = article.dates.iter().any(|b| {
        !headline.contains(b.span)
            && (b.month, b.day) == (date.month, date.day)
            && match (year_of(b), year_of(date)) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            }
    });
    if same {
        return true;
    }
    let (Some(own), Some(y)) = (article_date(article), year_of(date)) else {
        return false;
    };
    let distance = days_from_civil(y, date.month, date.day) - days_from_civil(own.0, own.1, own.2);
    let Some(weekday) = weekday_of(y, date.month, date.day) else {
        return false;
    };
    let name = weekday_name(weekday);
    (-7..=7).contains(&distance)
        && body
            .iter()
            .any(|w| w.shape == Shape::Capitalised && w.span.text(text) == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::check_text;

    fn flagged(text: &str) -> Vec<String> {
        check_text(&HeadlineUnsupported, text)
            .iter()
            .map(|d| d.span.text(text).to_string())
            .collect()
    }

    #[test]
    fn names_missing_from_the_body() {
        let text = "Biden to call Zelensky after talks with Putin\n\nPresident Joe Biden will call President Volodymyr Zelenskyy on Sunday, the White House said.\n";
        assert_eq!(flagged(text), ["Putin"]);
        let found = check_text(&HeadlineUnsupported, text);
        assert_eq!(
            found[0].message,
            "`Putin` in the headline is not mentioned in the body"
        );
        assert_eq!(found[0].labels[0].message, "not in the body");
    }

    #[test]
    fn possessives_stems_and_acronyms_support_names() {
        let text = "Canadian minister meets UN chief in Greek capital\n\nCanada’s foreign minister met the head of the United Nations in Athens, Greece’s capital.\n";
        assert_eq!(flagged(text), Vec::<String>::new());
        let text = "French envoy visits\n\nThe envoy from France arrived.\n";
        assert_eq!(flagged(text), Vec::<String>::new());
        let text = "Talks with Erdoğan and Wisniewska\n\nErdogan met Dorota Wiśniewska.\n";
        assert_eq!(flagged(text), Vec::<String>::new());
        let text =
            "Ukrainian and Australian envoys visit\n\nEnvoys from Ukraine and Australia arrived.\n";
        assert_eq!(flagged(text), Vec::<String>::new());
        let text = "Talks with Austrian envoy\n\nThe envoy from Australia arrived.\n";
        assert_eq!(flagged(text), ["Austrian"]);
    }

    #[test]
    fn compounds_and_capitals_stand_for_their_parts_and_countries() {
        let text = "Russia-Ukraine talks: Moscow and Kyiv agree on pro-Kremlin monitors\n\nRussian and Ukrainian negotiators agreed on monitors, officials in Russia said.\n";
        assert_eq!(flagged(text), Vec::<String>::new());
        let text = "Talks as Moscow waits\n\nUkrainian negotiators met in Geneva.\n";
        assert_eq!(flagged(text), ["Moscow"]);
    }

    #[test]
    fn possessives_are_left_out_of_the_finding() {
        let text = "Monday's vote on Warhol's photos\n\nThe museum opened on Tuesday.\n";
        let found = check_text(&HeadlineUnsupported, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(text), "Warhol");
        assert_eq!(
            found[0].message,
            "`Warhol` in the headline is not mentioned in the body"
        );
    }

    #[test]
    fn near_spellings_are_pointed_at() {
        let text =
            "Experts on Cyclone Phalin\n\nCyclone Phailin has winds of 200 km/h, experts said.\n";
        let found = check_text(&HeadlineUnsupported, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(text), "Phalin");
        assert_eq!(found[0].labels[1].span.text(text), "Phailin");
        assert_eq!(
            found[0].help.as_deref(),
            Some("spell it as the body does (`Phailin`), or mention `Phalin` in the body")
        );
    }

    #[test]
    fn figures() {
        let text = "At least 107 killed, 3 missing and 1.2 million displaced\n\nOfficials said 107 people died, three are missing and 1,187,000 left their homes.\n";
        assert_eq!(flagged(text), Vec::<String>::new());
        let text = "Over 900 rescued; 12 arrested\n\nFishermen rescued 907 people. Police held eleven men.\n";
        assert_eq!(flagged(text), ["12"]);
        let text = "Fund gets $1.5bn and €20m; 100m race\n\nThe fund gets 1.5 billion dollars and 20 million euros, and the 100 metres race goes on.\n";
        assert_eq!(flagged(text), Vec::<String>::new());
        let text = "Twelve years in prison\n\nShe was jailed for 12 years.\n";
        assert_eq!(flagged(text), Vec::<String>::new());
        let text = "Twelve years in prison\n\nShe was jailed for a decade.\n";
        assert_eq!(flagged(text), ["Twelve"]);
    }

    #[test]
    fn sums_of_two_figures_in_a_paragraph() {
        let text =
            "Over 900 rescued\n\nFishermen rescued over 700 people, and the navy saved 200 more.\n";
        assert_eq!(flagged(text), Vec::<String>::new());
        let text =
            "Over 900 rescued\n\nFishermen rescued over 700 people.\n\nThe navy saved 200 more.\n";
        assert_eq!(flagged(text), ["900"]);
    }

    #[test]
    fn relative_time_spans_and_vague_counts_are_not_figures() {
        let text = "Three days after the vote, one party leads; hundreds protest\n\nThe party leads, officials said.\n";
        assert_eq!(flagged(text), Vec::<String>::new());
    }

    #[test]
    fn dates() {
        let text =
            "Talks on January 2\n\nLONDON, Dec 31, 2021 (Reuters) - Talks will be held on 2 Jan.\n";
        assert_eq!(flagged(text), Vec::<String>::new());
        let text =
            "Talks on January 3\n\nLONDON, Dec 31, 2021 (Reuters) - Talks will be held on 2 Jan.\n";
        assert_eq!(flagged(text), ["January 3"]);
        // The weekday of a date near the article's own date supports it.
        let text = "Talks on January 2\n\nLONDON, Dec 31, 2021 (Reuters) - Talks will be held on Sunday.\n";
        assert_eq!(flagged(text), Vec::<String>::new());
        let text = "Talks on January 2\n\nLONDON, Dec 31, 2021 (Reuters) - Talks will be held on Monday.\n";
        assert_eq!(flagged(text), ["January 2"]);
    }

    #[test]
    fn sentence_case_and_title_case_capitals_are_not_names() {
        let text = "Greek court rules worship is legal\n\nA court in Athens ruled on Monday.\n";
        assert_eq!(flagged(text), Vec::<String>::new());
        let text = "Jane Roe: An Interview with the poet\n\nWe talked to Jane Roe.\n";
        assert_eq!(flagged(text), Vec::<String>::new());
        let text = "Hundreds Dead In Hajj Stampede Near Mecca\n\nPilgrims died in a crush.\n";
        assert_eq!(flagged(text), Vec::<String>::new());
        let text = "Hundreds Dead After Hajj Stampede\n\nHundreds are dead after a stampede.\n";
        assert_eq!(flagged(text), Vec::<String>::new());
        // Listed surnames are names even there.
        let text = "Putin Meets Leaders In Moscow Today\n\nThe leaders met in Moscow.\n";
        assert_eq!(flagged(text), ["Putin"]);
    }

    #[test]
    fn no_headline_no_finding() {
        assert!(flagged("Putin met Biden on Monday. They talked.").is_empty());
    }
}
