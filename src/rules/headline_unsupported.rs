//! AC006 `headline-unsupported`: names, figures and dates in the headline
//! that the body never mentions.

use super::calendar::{article_date, article_year, days_from_civil, weekday_name};
use super::figures::{figure_at, is_vague_number_word, Figure};
use super::mentions::{fold, is_determiner, without_possessive, Mentions, NameWord, Shape};
use super::{Rule, RuleContext};
use crate::diagnostic::Diagnostic;
use crate::lexicon::Names;
use crate::parse::{date::month_number, date::weekday_number, weekday_of, DateMention};
use crate::source::Span;
use std::collections::HashSet;

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
    ///   `Biden’s`), case-insensitively, with possessives stripped. Word
    ///   forms of one stem count (`Canadian` ↔ `Canada`, `Greek` ↔ `Greece`,
    ///   and a short list of irregular ones such as `French` ↔ `France`),
    ///   every spelling of one person in the names list counts (`Zelensky`
    ///   ↔ `Zelenskyy`), and an acronym is supported by the words it
    ///   abbreviates (`UN` ↔ `United Nations`).
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
    /// - In a headline written in Title Case (most long words capitalised)
    ///   or in capitals, only surnames from the names list are checked.
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
        let words = cx.words();
        let mentions = Mentions::new(text, words);
        let split = mentions.word_at_or_after(headline.end) as usize;
        let first = mentions.word_at_or_after(headline.start) as usize;
        let (head, body) = (&mentions.words[first..split], &mentions.words[split..]);
        if head.is_empty() {
            return;
        }
        let body_words = BodyWords::new(text, cx.article, body, &mentions.words[..first]);
        let names = &cx.lexicon.names;
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

        let title_case = is_title_case(head, &body_words);
        // Figures.
        let mut i = 0;
        while i < head.len() {
            let w = &head[i];
            if in_date(w.span) || (w.shape != Shape::Number && is_vague_number_word(w.norm)) {
                i += 1;
                continue;
            }
            let Some(figure) = figure_at(&head[i..], text) else {
                i += 1;
                continue;
            };
            let span = w.span.cover(head[i + figure.len - 1].span);
            if !is_relative_span(&head[i + figure.len..]) && !body_words.has_figure(figure) {
                found.push(Finding::figure(span));
            }
            i += figure.len;
        }

        // Names: the last word of each run decides; in a Title Case
        // headline, only listed surnames are names.
        let keys: Vec<&NameWord<'_>> = if title_case {
            head.iter()
                .filter(|w| w.shape == Shape::Capitalised && is_listed_surname(names, w.norm))
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
                        .take_while(|w| is_determiner(w.norm))
                        .count();
                    let alone_at_start = run_words[0].initial && run_words.len() - lead <= 1;
                    let word = &run_words[key];
                    (!alone_at_start || is_listed_surname(names, word.norm)).then_some(word)
                })
                .collect()
        };
        for word in keys {
            if in_date(word.span) || is_calendar_word(word.span.text(text)) {
                continue;
            }
            if body_words.has_name(word, names, text, body) {
                continue;
            }
            let near = body_words
                .closest(word.norm)
                .map(|span| without_possessive(text, span));
            found.push(Finding::name(word.span, near));
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

/// The body's words, ready for the lookups the headline needs.
struct BodyWords<'w> {
    /// Every normalized body word (`putin`, `us` for `U.S.`).
    set: HashSet<&'w str>,
    /// The distinct normalized body words, sorted, for stem lookups.
    sorted: Vec<&'w str>,
    /// Distinct capitalised body words, for near-miss suggestions.
    capitalised: Vec<(&'w str, Span)>,
    /// Every figure in the body, and every sum of two figures of one
    /// paragraph (`700 rescued … 200 more` supports `900`), sorted by value.
    figures: Vec<u128>,
    /// Body words written in lowercase somewhere.
    lower: HashSet<&'w str>,
    /// The body's words with letters outside ASCII, accents folded
    /// (`wiśniewska` → `wisniewska`).
    folded: HashSet<String>,
}

impl<'w> BodyWords<'w> {
    fn new(
        text: &str,
        article: &crate::parse::Article,
        body: &'w [NameWord<'w>],
        before: &'w [NameWord<'w>],
    ) -> Self {
        let mut set = HashSet::with_capacity(body.len() / 2 + before.len());
        let mut lower = HashSet::new();
        let mut capitalised = Vec::new();
        let mut figures = Vec::new();
        // (block, value) of each figure, for the sums.
        let mut placed: Vec<(Option<u32>, u128)> = Vec::new();
        let all = before.iter().chain(body);
        for (i, w) in all.enumerate() {
            set.insert(w.norm);
            if w.shape == Shape::Lower {
                lower.insert(w.norm);
            }
            if w.shape == Shape::Capitalised {
                capitalised.push((w.norm, w.span));
            }
            let rest = if i < before.len() {
                &before[i..]
            } else {
                &body[i - before.len()..]
            };
            if w.shape == Shape::Number || w.shape == Shape::Lower {
                if let Some(f) = figure_at(rest, text) {
                    figures.push(f.value);
                    placed.push((article.block_at(w.span.start), f.value));
                    // `1.2 million` also counts as the bare `1.2`.
                    if f.len == 2 {
                        if let Some(f) = figure_at(&rest[..1], text) {
                            figures.push(f.value);
                        }
                    }
                }
            }
        }
        let mut sorted: Vec<&str> = set.iter().copied().collect();
        sorted.sort_unstable();
        // Sums of two figures of one paragraph; at most 16 figures of a
        // paragraph are paired, so this stays linear.
        for group in placed.chunk_by(|a, b| a.0 == b.0) {
            let group = &group[..group.len().min(16)];
            for (i, a) in group.iter().enumerate() {
                for b in &group[i + 1..] {
                    figures.push(a.1.saturating_add(b.1));
                }
            }
        }
        figures.sort_unstable();
        figures.dedup();
        capitalised.sort_unstable_by_key(|c| c.0);
        capitalised.dedup_by_key(|c| c.0);
        let folded = set
            .iter()
            .filter(|w| !w.is_ascii())
            .map(|w| fold(w))
            .collect();
        BodyWords {
            set,
            sorted,
            capitalised,
            figures,
            lower,
            folded,
        }
    }

    /// Whether the body has `norm`, ignoring periods inside it (`US` ↔ `U.S.`).
    fn has_word(&self, norm: &str) -> bool {
        if self.set.contains(norm) {
            return true;
        }
        // Accents: `Wiśniewska` ↔ `Wisniewska`, either way.
        if !norm.is_ascii() || !self.folded.is_empty() {
            let folded = fold(norm);
            if self.set.contains(folded.as_str()) || self.folded.contains(&folded) {
                return true;
            }
        }
        if norm.len() <= 6 && !norm.contains('.') {
            // A short acronym may be written with periods in the body.
            let mut dotted = String::with_capacity(norm.len() * 2);
            for (i, c) in norm.chars().enumerate() {
                if i > 0 {
                    dotted.push('.');
                }
                dotted.push(c);
            }
            return self.set.contains(dotted.as_str());
        }
        if norm.contains('.') {
            let plain: String = norm.chars().filter(|&c| c != '.').collect();
            return self.set.contains(plain.as_str());
        }
        false
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

    /// Whether a headline name word is mentioned in the body.
    fn has_name(
        &self,
        word: &NameWord<'_>,
        names: &Names,
        text: &str,
        body: &[NameWord<'_>],
    ) -> bool {
        let norm = word.norm;
        if self.has_word(norm) || self.has_stem(norm) {
            return true;
        }
        if IRREGULAR_FORMS
            .iter()
            .any(|&(a, b)| (a == norm && self.has_word(b)) || (b == norm && self.has_word(a)))
        {
            return true;
        }
        if lexicon_aliases(names, norm)
            .iter()
            .any(|a| self.has_word(a))
        {
            return true;
        }
        word.shape == Shape::Acronym && has_expansion(word.span.text(text), body)
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
    /// enough to be the same name spelled differently.
    fn closest(&self, norm: &str) -> Option<Span> {
        if norm.chars().count() < 4 {
            return None;
        }
        let first = norm.chars().next();
        self.capitalised
            .iter()
            .filter(|(w, _)| w.chars().next() == first)
            .map(|&(w, span)| (strsim::jaro_winkler(norm, w), span))
            .filter(|&(score, _)| score >= 0.88)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, span)| span)
    }
}

/// Whether `norm` is the surname of someone in the names list (the last
/// word, or the `surname`, of any of their spellings).
fn is_listed_surname(names: &Names, norm: &str) -> bool {
    names.entries().iter().any(|e| {
        e.short_form().eq_ignore_ascii_case(norm)
            || std::iter::once(&e.canonical)
                .chain(&e.variants)
                .chain(&e.misspellings)
                .any(|f| last_word(f).eq_ignore_ascii_case(norm))
    })
}

/// Every surname spelling of the people in the names list whose spellings
/// end in `norm` (`zelensky` → `zelenskyy`, `zelenskiy`, `zelenski`, …).
fn lexicon_aliases(names: &Names, norm: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in names.entries() {
        let forms = || {
            std::iter::once(&e.canonical)
                .chain(&e.variants)
                .chain(&e.misspellings)
        };
        if forms().any(|f| last_word(f).eq_ignore_ascii_case(norm))
            || e.short_form().eq_ignore_ascii_case(norm)
        {
            out.extend(forms().map(|f| last_word(f).to_lowercase()));
            out.push(e.short_form().to_lowercase());
        }
    }
    out
}

fn last_word(form: &str) -> &str {
    form.rsplit(' ').next().unwrap_or(form)
}

/// Whether the body spells out an acronym: capitalised words whose
/// initials make it, with `of`, `the`, `and`, `for` skipped (`United
/// Nations` → `UN`, `Democratic People’s Republic of Korea` → `DPRK`).
fn has_expansion(acronym: &str, body: &[NameWord<'_>]) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if letters.len() < 2 {
        return false;
    }
    let skip = |w: &NameWord<'_>| matches!(w.norm, "of" | "the" | "and" | "for" | "on");
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
            if w.shape != Shape::Capitalised || !w.norm.starts_with(letters[k]) {
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
fn is_relative_span(after: &[NameWord<'_>]) -> bool {
    match after {
        [unit, rel, ..] => {
            TIME_UNITS.contains(&unit.norm) && RELATIVE.contains(&rel.norm) && rel.joined
        }
        _ => false,
    }
}

/// Whether the headline is written in Title Case or in capitals: a
/// function word capitalised inside it (`In`, `With`), or two capitalised
/// words that the body writes in lowercase.
fn is_title_case(head: &[NameWord<'_>], body: &BodyWords<'_>) -> bool {
    let inner = || head.iter().filter(|w| !w.initial && w.is_upper());
    inner().any(|w| FUNCTION_WORDS.contains(&w.norm))
        || inner()
            .filter(|w| w.norm.len() >= 4 && body.lower.contains(w.norm))
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
    body: &[NameWord<'_>],
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
