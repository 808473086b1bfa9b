//! AC007 `name-spelling`: a person's name spelled as the names list says it
//! should not be, or spelled two slightly different ways in one article.

use super::mentions::{
    without_possessive, FxHashMap, FxHashSet, Mentions, PersonName, Shape, SpanSet,
};
use super::{Rule, RuleContext};
use crate::diagnostic::Diagnostic;
use crate::lexicon::{FormKind, NameEntry, Names};
use crate::parse::BlockKind;
use crate::source::Span;
use std::borrow::Cow;

declare_rule! {
    /// ## What it does
    /// Flags a person's name written as a listed misspelling, or spelled two
    /// slightly different ways in one article.
    ///
    /// - Listed misspellings and transliterations are in
    ///   `rules/lexicons/names.json` (`Anthony Blinken` for `Antony Blinken`,
    ///   `Vladimir Zelensky` for `Volodymyr Zelensky`); accepted house-style
    ///   variants (`Zelenskyy`, `Zelenskiy`) are not flagged.
    /// - Two spellings in one article (`Darlene Superville`, later
    ///   `Supervile`) differ by one letter added, dropped, changed or swapped,
    ///   in a name of five letters or more.
    ///
    /// For a listed misspelling, the help gives the listed spelling and a
    /// fix replaces it. For two spellings in the article, the rarer one is
    /// flagged, with a fix when one spelling is clearly the usual one.
    ///
    /// ## Why is this bad?
    /// A misspelled name makes the attribution doubtful: readers and search
    /// engines cannot tell whether two spellings are one person, and the
    /// person quoted sees that the newsroom did not check. For people from
    /// Ukraine, the Russian form of the first name (`Vladimir` for
    /// `Volodymyr`) is a misspelling, not a variant: it names them in the
    /// language of the country at war with theirs.
    ///
    /// ## Example
    /// ```text
    /// US Secretary of State Anthony Blinken spoke with AP journalist Darlene
    /// Superville. Supervile later posted the readout.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// US Secretary of State Antony Blinken spoke with AP journalist Darlene
    /// Superville. Superville later posted the readout.
    /// ```
    ///
    /// ## Known problems
    /// Within one article, two similar spellings can be two people (`Jake
    /// Sullivan` and `Jack Sullivan`). To stay quiet on those:
    ///
    /// - names are compared only when the run looks like a person: a title
    ///   or role before it (`President`, `journalist`), a speech verb next to
    ///   it (`Roe said`), a listed name, a speaker found by claim
    ///   extraction, an age after it (`Roe, 42,`), or a later mention by
    ///   surname alone;
    /// - first names are compared only between mentions with the same
    ///   surname, and must differ by one letter with five letters or more
    ///   (`Anthony`/`Antony`, not `Jake`/`Jack`);
    /// - surnames are compared only when the first names are the same or one
    ///   mention is the surname alone;
    /// - names that differ only in their last letter by a vowel, `y` or `s`
    ///   are taken as different people or forms (`Zelensky`/`Zelenska`,
    ///   `Ivanov`/`Ivanova`, `Sullivan`/`Sullivans`), and two spellings that
    ///   are both listed (for one person or two) are never compared.
    ///
    /// Russian forms of Ukrainian first names are listed as misspellings
    /// (`Vladimir Zelensky`, `Dmitry Kuleba`), following the Ukrainian
    /// government's romanisation and the usage of AP, Reuters and the BBC;
    /// the seed article gets this finding on purpose. A newsroom whose house
    /// style keeps them can list them as `variants` in its own names list
    /// (`--rules-dir DIR`, `DIR/lexicons/names.json` with `"mode":
    /// "replace"`).
    ///
    /// Names in embedded posts and their signatures are the post author's
    /// writing and are not checked. Only listed misspellings are flagged
    /// against the names list: a spelling close to a listed name but not
    /// listed (`Mark Carey` near `Mark Carney`) may be someone else.
    pub NameSpelling, code = "AC007", name = "name-spelling", severity = Warning
}

/// Shortest name (in chars) whose one-letter differences are compared.
const MIN_LEN: usize = 5;

/// Jaro–Winkler similarity two spellings of one name reach at least.
const MIN_SIMILARITY: f64 = 0.9;

/// At most this many spellings share one deletion key before the key is
/// ignored: a key shared by many words is noise, and the cap keeps the
/// comparison linear.
const MAX_PER_KEY: usize = 8;

impl Rule for NameSpelling {
    fn check(&self, cx: &mut RuleContext<'_>) {
        let text = cx.text();
        let article = cx.article;
        let words = cx.words();
        let names = &cx.lexicon.names;
        let posts = SpanSet::new(
            article
                .blocks
                .iter()
                .filter(|b| matches!(b.kind, BlockKind::PostText | BlockKind::PostSignature))
                .map(|b| b.span),
        );

        let mut out = Vec::new();
        // Listed spellings, found in one pass.
        let mut listed: Vec<Span> = Vec::new();
        let mut misspelled: Vec<Span> = Vec::new();
        for hit in words.find(names.matcher()) {
            let (Some(form), Some(items)) = (
                names.form(hit.phrase),
                words.word_range_items(hit.start..hit.end),
            ) else {
                continue;
            };
            let span = words.items()[items.start]
                .span
                .cover(words.items()[items.end - 1].span);
            if posts.overlaps(span) {
                continue;
            }
            if form.kind == FormKind::Misspelling {
                misspelled.push(span);
                out.push(listed_misspelling(text, span, form.entry, form.text));
            } else {
                listed.push(span);
            }
        }

        // Spellings compared inside the article.
        let mentions = cx.mentions();
        let speakers = SpanSet::new(cx.claims.iter().filter_map(|c| c.speaker.as_ref()?.name));
        let listed = SpanSet::new(listed);
        // Listed misspellings are reported above, and are no reference.
        let skipped = SpanSet::new(posts_and(&posts, misspelled));
        let people = People::collect(mentions, &speakers, &listed, &skipped, names);
        out.extend(people.compare().iter().map(|f| f.diagnostic(text)));
        for d in out {
            cx.report(d);
        }
    }
}

/// The spans of `posts` and `more` together.
fn posts_and(posts: &SpanSet, more: Vec<Span>) -> Vec<Span> {
    let mut all = posts.spans();
    all.extend(more);
    all
}

/// The finding for a listed misspelling at `span`.
fn listed_misspelling(text: &str, span: Span, entry: &NameEntry, form: &str) -> Diagnostic {
    let suggestion = suggestion(entry, form);
    let fix_span = without_possessive(text, span);
    let mut d = Diagnostic::new(
        NameSpelling::CODE,
        NameSpelling::NAME,
        NameSpelling::SEVERITY,
        span,
        format!(
            "`{}` differs from the listed spelling `{suggestion}`",
            fix_span.text(text)
        ),
    )
    .primary_label(format!("listed as `{suggestion}`"))
    .help(format!("write `{suggestion}`"))
    .fix(fix_span, suggestion);
    if let Some(note) = &entry.note {
        d = d.note(note.clone());
    }
    d
}

/// The spelling to suggest for a misspelling: the canonical one, or the
/// accepted variant with as many words, when the canonical has a different
/// number (`Anthony J. Blinken` → `Antony J. Blinken`).
fn suggestion<'e>(entry: &'e NameEntry, form: &str) -> &'e str {
    let count = |s: &str| s.split_whitespace().count();
    let n = count(form);
    if count(&entry.canonical) == n {
        return &entry.canonical;
    }
    entry
        .variants
        .iter()
        .find(|v| count(v) == n)
        .map_or(entry.canonical.as_str(), String::as_str)
}

/// One spelling of a name part (a first name or a surname) and where it
/// is written.
#[derive(Debug, Default)]
struct Spelling {
    /// Every place it is written, in text order.
    spans: Vec<Span>,
    /// Whether it is a listed spelling (canonical or variant) of someone.
    listed: bool,
}

/// The person names of an article, grouped for comparison; the names are
/// borrowed from [`Mentions`] (a surname of several words is built).
struct People<'m> {
    /// Surname → its spellings' data, for surnames of people.
    surnames: FxHashMap<Cow<'m, str>, Spelling>,
    /// Surname → first name → spelling data.
    firsts: FxHashMap<Cow<'m, str>, FxHashMap<&'m str, Spelling>>,
    /// Surname → the first names written with it (for the compatibility test).
    first_of: FxHashMap<Cow<'m, str>, FxHashSet<&'m str>>,
}

impl<'m> People<'m> {
    /// Collects the person names of the article (outside posts), with
    /// enough evidence that they are people.
    fn collect(
        m: &'m Mentions,
        speakers: &SpanSet,
        listed: &SpanSet,
        skipped: &SpanSet,
        names: &Names,
    ) -> People<'m> {
        let candidates: Vec<PersonName> = m
            .runs
            .iter()
            .filter(|r| !skipped.overlaps(r.span))
            .filter_map(|r| m.person_name(r))
            .collect();
        // Surnames written alone as a second reference (`Herrick said`),
        // not after a determiner (`the Council`), not sentence-initial.
        let mut alone: FxHashSet<&str> = FxHashSet::default();
        let mut full: FxHashSet<Cow<'m, str>> = FxHashSet::default();
        for name in &candidates {
            if name.first.is_none() && name.surname.len() == 1 {
                let w = &m.words[name.surname.start as usize];
                if !w.initial && !m.after_determiner(name.surname.start) {
                    alone.insert(m.norm(w));
                }
            } else if name.first.is_some() {
                full.insert(m.surname_key(name));
            }
        }
        let mut people = People {
            surnames: FxHashMap::default(),
            firsts: FxHashMap::default(),
            first_of: FxHashMap::default(),
        };
        for name in &candidates {
            let surname = m.surname_key(name);
            if surname.chars().count() < 2 {
                continue;
            }
            let is_listed = listed.overlaps(name.span);
            let evidence = name.titled
                || is_listed
                || m.next_to_speech_verb(&name.words)
                || speakers.overlaps(name.span)
                || has_age_after(m, name)
                || (name.first.is_some() && alone.contains(surname.as_ref()))
                || (name.first.is_none() && full.contains(&surname));
            if !evidence {
                continue;
            }
            // A lone capitalised word at a sentence start is a surname only
            // when the article also writes it after a first name, or when
            // a speech verb follows and the article never writes it in
            // lowercase (`Jonhson spoke`, not `Officials said`).
            if name.first.is_none() && m.words[name.surname.start as usize].initial {
                let norm = m.norm_at(name.surname.start);
                let speaks = m.next_to_speech_verb(&name.words) && !m.written_lowercase(norm);
                if !full.contains(&surname) && !speaks {
                    continue;
                }
            }
            let surname_span = m.words[name.surname.start as usize]
                .span
                .cover(m.words[name.surname.end as usize - 1].span);
            let listed_surname = names.is_accepted_surname(&surname);
            let entry = people.surnames.entry(surname.clone()).or_default();
            entry.spans.push(surname_span);
            entry.listed |= listed_surname;
            if let Some(first) = name.first {
                let w = &m.words[first as usize];
                let f = people
                    .firsts
                    .entry(surname.clone())
                    .or_default()
                    .entry(m.norm(w))
                    .or_default();
                f.spans.push(w.span);
                f.listed |= is_listed;
                people
                    .first_of
                    .entry(surname)
                    .or_default()
                    .insert(m.norm(w));
            }
        }
        people
    }

    /// Compares the spellings and returns one finding per odd spelling.
    fn compare(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        // First names under one surname.
        let mut surnames: Vec<&Cow<str>> = self.firsts.keys().collect();
        surnames.sort();
        for surname in surnames {
            let firsts = &self.firsts[surname];
            let mut list: Vec<(&str, &Spelling)> = firsts.iter().map(|(f, s)| (*f, s)).collect();
            list.sort_by(|(fa, sa), (fb, sb)| {
                (sa.spans[0].start, fa).cmp(&(sb.spans[0].start, fb))
            });
            list.truncate(16);
            for (i, a) in list.iter().enumerate() {
                for b in &list[i + 1..] {
                    if let Some(f) = Finding::between(a.0, a.1, b.0, b.1, Part::First) {
                        findings.push(f);
                    }
                }
            }
        }
        // Surnames one letter apart, found through shared deletion keys.
        let mut spellings: Vec<(&str, &Spelling)> = self
            .surnames
            .iter()
            .map(|(s, sp)| (s.as_ref(), sp))
            .filter(|(s, _)| s.chars().count() >= MIN_LEN)
            .collect();
        spellings.sort_by(|(a, pa), (b, pb)| (pa.spans[0].start, a).cmp(&(pb.spans[0].start, b)));
        let mut keys: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, (s, _)) in spellings.iter().enumerate() {
            for key in deletion_keys(s) {
                let list = keys.entry(key).or_default();
                if list.len() <= MAX_PER_KEY && !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for list in keys.values() {
            if list.len() > MAX_PER_KEY {
                continue;
            }
            for (k, &a) in list.iter().enumerate() {
                for &b in &list[k + 1..] {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        for (a, b) in pairs {
            let (sa, pa) = spellings[a];
            let (sb, pb) = spellings[b];
            if !self.compatible_firsts(sa, sb) {
                continue;
            }
            if let Some(f) = Finding::between(sa, pa, sb, pb, Part::Surname) {
                findings.push(f);
            }
        }
        findings.sort_by_key(|f| f.flagged.start);
        findings
    }

    /// Whether two surnames can be one person's: they share a first name,
    /// or one of them is never written with one.
    fn compatible_firsts(&self, a: &str, b: &str) -> bool {
        match (self.first_of.get(a), self.first_of.get(b)) {
            (Some(x), Some(y)) => x.intersection(y).next().is_some(),
            _ => true,
        }
    }
}

/// Whether an age follows the name (`Thomas Sam, 42,`).
fn has_age_after(m: &Mentions, name: &PersonName) -> bool {
    m.words
        .get(name.words.end as usize)
        .is_some_and(|w| w.shape == Shape::Number && w.after_comma && m.norm(w).len() <= 3)
}

/// The word itself and every form of it with one char deleted: two words
/// one edit apart (insertion, deletion, substitution or transposition)
/// always share a key.
fn deletion_keys(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut keys = Vec::with_capacity(chars.len() + 1);
    keys.push(word.to_string());
    for skip in 0..chars.len() {
        keys.push(
            chars
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != skip)
                .map(|(_, c)| c)
                .collect(),
        );
    }
    keys
}

/// Whether two spellings differ only in their last letter by a vowel, `y`
/// or `s` (`zelensky`/`zelenska`, `ivanov`/`ivanova`, `sullivan`/`sullivans`):
/// grammatical forms or relatives, not misspellings.
fn differ_by_ending(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let ending = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 's');
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() == short.len() + 1 {
        return long[..short.len()] == short[..] && ending(long[short.len()]);
    }
    if long.len() == short.len() && !long.is_empty() {
        let n = long.len() - 1;
        return long[..n] == short[..n] && ending(long[n]) && ending(short[n]);
    }
    false
}

/// Which part of a name differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    First,
    Surname,
}

/// Two spellings of one name in the article.
#[derive(Debug)]
struct Finding {
    part: Part,
    /// The first place the odd spelling is written.
    flagged: Span,
    /// How many times it is written.
    flagged_count: usize,
    /// The first place the other spelling is written.
    other: Span,
    /// How many times the other spelling is written.
    other_count: usize,
    /// The Jaro–Winkler similarity of the two spellings.
    similarity: f64,
    /// Whether the other spelling is clearly the usual one (more frequent,
    /// or listed), so a fix can be offered.
    certain: bool,
}

impl Finding {
    /// The finding for spellings `a` and `b`, when they are one letter
    /// apart and long enough; the rarer one is flagged.
    fn between(a: &str, pa: &Spelling, b: &str, pb: &Spelling, part: Part) -> Option<Finding> {
        if pa.listed && pb.listed {
            return None;
        }
        let (la, lb) = (a.chars().count(), b.chars().count());
        if la < MIN_LEN || lb < MIN_LEN || a.chars().next() != b.chars().next() {
            return None;
        }
        if strsim::osa_distance(a, b) != 1 || differ_by_ending(a, b) {
            return None;
        }
        let similarity = strsim::jaro_winkler(a, b);
        if similarity < MIN_SIMILARITY {
            return None;
        }
        // Flag the rarer; on a tie the unlisted, then the later one.
        let a_first = pa.spans[0].start <= pb.spans[0].start;
        let flag_a = match pa.spans.len().cmp(&pb.spans.len()) {
            std::cmp::Ordering::Less => true,
            std::cmp::Ordering::Greater => false,
            std::cmp::Ordering::Equal if pa.listed != pb.listed => pb.listed,
            std::cmp::Ordering::Equal => !a_first,
        };
        let (flagged, other) = if flag_a { (pa, pb) } else { (pb, pa) };
        Some(Finding {
            part,
            flagged: flagged.spans[0],
            flagged_count: flagged.spans.len(),
            other: other.spans[0],
            other_count: other.spans.len(),
            similarity,
            certain: other.listed || other.spans.len() > flagged.spans.len(),
        })
    }

    fn diagnostic(&self, text: &str) -> Diagnostic {
        let flagged = without_possessive(text, self.flagged);
        let other = without_possessive(text, self.other);
        let (written, usual) = (flagged.text(text), other.text(text));
        let what = match self.part {
            Part::First => "first name",
            Part::Surname => "name",
        };
        let times = |n: usize| match n {
            1 => "once".to_string(),
            2 => "twice".to_string(),
            n => format!("{n} times"),
        };
        let mut d = Diagnostic::new(
            NameSpelling::CODE,
            NameSpelling::NAME,
            NameSpelling::SEVERITY,
            self.flagged,
            format!("{what} `{written}` is spelled `{usual}` elsewhere in the article"),
        )
        .primary_label(format!("spelled `{usual}` elsewhere"))
        .label(self.other, format!("spelled `{usual}` here"))
        .help(if self.certain {
            format!("write `{usual}`")
        } else {
            format!("if this is the same person, use one spelling: `{usual}` or `{written}`")
        })
        .note(format!(
            "`{written}` is written {}, `{usual}` {}; similarity {:.2} (Jaro–Winkler)",
            times(self.flagged_count),
            times(self.other_count),
            self.similarity
        ));
        if self.certain {
            d = d.fix(flagged, usual);
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::check_text;
    use std::collections::HashSet;

    fn flagged(text: &str) -> Vec<(String, String)> {
        check_text(&NameSpelling, text)
            .iter()
            .map(|d| (d.span.text(text).to_string(), d.message.clone()))
            .collect()
    }

    #[test]
    fn deletion_keys_meet_for_one_edit() {
        let share = |a: &str, b: &str| {
            let ka: HashSet<String> = deletion_keys(a).into_iter().collect();
            deletion_keys(b).iter().any(|k| ka.contains(k))
        };
        assert!(share("superville", "supervile")); // deletion
        assert!(share("blinken", "blinkin")); // substitution
        assert!(share("stoltenberg", "stoltneberg")); // transposition
        assert!(share("sullivan", "sulliwan"));
        assert!(!share("sullivan", "sullivanov"));
        assert_eq!(deletion_keys("abc"), ["abc", "bc", "ac", "ab"]);
    }

    #[test]
    fn endings_that_mark_other_forms() {
        assert!(differ_by_ending("zelensky", "zelenska"));
        assert!(differ_by_ending("ivanov", "ivanova"));
        assert!(differ_by_ending("sullivans", "sullivan"));
        assert!(!differ_by_ending("superville", "supervile"));
        assert!(!differ_by_ending("blinken", "blinkin"));
    }

    #[test]
    fn listed_misspellings_get_the_listed_spelling() {
        let text = "Talks\n\nUS Secretary of State Anthony Blinken’s call with Antony J. Blinken’s aide.\n";
        let found = check_text(&NameSpelling, text);
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!(d.span.text(text), "Anthony Blinken’s");
        assert_eq!(
            d.message,
            "`Anthony Blinken` differs from the listed spelling `Antony Blinken`"
        );
        assert_eq!(d.labels[0].message, "listed as `Antony Blinken`");
        let fix = d.fix.as_ref().unwrap();
        assert_eq!(fix.span.text(text), "Anthony Blinken");
        assert_eq!(fix.replacement, "Antony Blinken");
        assert_eq!(
            d.note.as_deref(),
            Some("his first name is spelled Antony, without an h")
        );
        let text = "Talks\n\nAnthony J. Blinken met Vladimir Zelensky.\n";
        let found = check_text(&NameSpelling, text);
        assert_eq!(
            found[0].fix.as_ref().unwrap().replacement,
            "Antony J. Blinken"
        );
        assert_eq!(
            found[1].fix.as_ref().unwrap().replacement,
            "Volodymyr Zelensky"
        );
    }

    #[test]
    fn variants_are_accepted() {
        assert_eq!(
            flagged("Talks\n\nPresident Volodymyr Zelenskyy spoke. Zelenskiy later said Zelensky agreed.\n"),
            []
        );
    }

    #[test]
    fn two_spellings_in_one_article() {
        let text = "Talks\n\nAP journalist Darlene Superville reported the call. Superville said it went well. Later, Supervile posted a photo.\n";
        let found = check_text(&NameSpelling, text);
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!(d.span.text(text), "Supervile");
        assert_eq!(
            d.message,
            "name `Supervile` is spelled `Superville` elsewhere in the article"
        );
        assert_eq!(d.labels[1].span.text(text), "Superville");
        assert_eq!(d.fix.as_ref().unwrap().replacement, "Superville");
        assert_eq!(
            d.note.as_deref(),
            Some("`Supervile` is written once, `Superville` twice; similarity 0.98 (Jaro–Winkler)")
        );
    }

    #[test]
    fn first_names_one_letter_apart() {
        let text =
            "Talks\n\nMinister Katharina Holm spoke first. Then Minister Katarina Holm said no.\n";
        let found = check_text(&NameSpelling, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(text), "Katarina");
        // A tie offers no fix.
        assert!(found[0].fix.is_none());
        assert!(found[0]
            .help
            .as_deref()
            .unwrap()
            .starts_with("if this is the same person"));
    }

    #[test]
    fn different_people_are_left_alone() {
        // Short first names: two people.
        assert_eq!(
            flagged(
                "Talks\n\nAdviser Jake Sullivan met reporter Jack Sullivan, who said little.\n"
            ),
            []
        );
        // Different first names with similar surnames.
        assert_eq!(
            flagged("Talks\n\nGovernor Mark Carney met Senator Alice Carey. Carney said yes.\n"),
            []
        );
        // A feminine form.
        assert_eq!(
            flagged("Talks\n\nPresident Volodymyr Zelensky and first lady Olena Zelenska spoke.\n"),
            []
        );
        // Not people: no evidence.
        assert_eq!(
            flagged("Talks\n\nThe White House and the White Horse pub are near Russia and Russian towns.\n"),
            []
        );
    }

    #[test]
    fn listed_misspellings_are_reported_once_and_lone_surnames_count() {
        let text = "Talks\n\nChancellor Rishi Sunack resigned. Sunak said standards mattered. Prime Minister Boris Johnson stayed. Jonhson spoke outside.\n";
        let found = flagged(text);
        assert_eq!(
            found,
            [
                (
                    "Rishi Sunack".to_string(),
                    "`Rishi Sunack` differs from the listed spelling `Rishi Sunak`".to_string()
                ),
                (
                    "Jonhson".to_string(),
                    "name `Jonhson` is spelled `Johnson` elsewhere in the article".to_string()
                ),
            ]
        );
        // A sentence-initial word the article also writes in lowercase is
        // no surname.
        let text =
            "Talks\n\nPresident Anna Officia spoke. Officials said no. The officials left.\n";
        assert_eq!(flagged(text), []);
    }

    #[test]
    fn posts_are_not_checked() {
        let text = "Talks\n\nAP journalist Darlene Superville posted it.\n\nSupervile and Anthony Blinken agree\n— darlene superville (@dsupervilleap) December 31, 2021\n";
        assert_eq!(flagged(text), []);
    }
}
