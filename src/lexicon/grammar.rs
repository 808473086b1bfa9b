//! The closed word classes of English the extractor needs to read a
//! sentence's shape: determiners, pronouns, prepositions, auxiliaries,
//! conjunctions, adverbs that sit inside a verb group, time words.
//!
//! These are grammar, not editorial choices, so they live in code rather
//! than in `rules/lexicons/` (which holds what an editor may want to extend:
//! cue verbs, roles, media, documents). The cue lexicon's word table carries
//! each word's flags ([`crate::lexicon::Cues::word`]), so claim extraction
//! looks every word up once.

use crate::lexicon::wordtable::WordTable;
use std::sync::OnceLock;

/// A bit set of word classes.
pub type Flags = u32;

/// `the`, `a`, `an`, `this`, `these`, `those`, `that` (as determiner), `some`, ….
pub const DET: Flags = 1 << 0;
/// Possessive determiners: `his`, `her`, `its`, `their`, `our`, `my`, `your`.
pub const POSS: Flags = 1 << 1;
/// Subject pronouns and their contractions: `he`, `she`, `I`, `we`, `they`, `I’m`, `he’s`.
pub const PRON: Flags = 1 << 2;
/// Object pronouns: `him`, `her`, `them`, `me`, `us`, `you`, `it`.
pub const OBJ: Flags = 1 << 3;
/// Relative pronouns: `who`, `which`, `that`, `whom`.
pub const REL: Flags = 1 << 4;
/// Prepositions.
pub const PREP: Flags = 1 << 5;
/// Coordinating conjunctions: `and`, `or`, `but`, `nor`, `yet`.
pub const CONJ: Flags = 1 << 6;
/// Subordinators: `because`, `although`, `while`, `when`, `if`, `as`, ….
pub const SUBORD: Flags = 1 << 7;
/// Forms of `be`, `have`, `do`, and contractions carrying them.
pub const AUX: Flags = 1 << 8;
/// Modals: `will`, `would`, `can`, `could`, `may`, `might`, `shall`, `should`, `must`.
pub const MODAL: Flags = 1 << 9;
/// Negation: `not`, `never`, `n’t` forms.
pub const NEG: Flags = 1 << 10;
/// Question words that open a complement: `what`, `why`, `how`, `whether`, `if`, ….
pub const WH: Flags = 1 << 11;
/// Adverbs found inside verb groups (`also`, `repeatedly`, `later`).
pub const ADV: Flags = 1 << 12;
/// Sentence connectives: `however`, `meanwhile`, `moreover`, `instead`, ….
pub const CONNECTIVE: Flags = 1 << 13;
/// Time words: weekdays, months, `yesterday`, `today`, `week`, ….
pub const TIME: Flags = 1 << 14;
/// Forms of `be` (subset of [`AUX`]); copulas before adjectival cues.
pub const BE: Flags = 1 << 15;
/// Anaphors that can stand for earlier sentences: `this`, `that`, `it`, `these`.
pub const ANAPHOR: Flags = 1 << 16;
/// Third-person singular masculine/feminine pronouns (`he`, `she`, `his`, `her`).
pub const PERSONAL: Flags = 1 << 17;
/// First- and second-person pronouns (`I`, `we`, `you`, `my`, `our`): never resolved.
pub const FIRST: Flags = 1 << 18;
/// Modals and semi-modals that mark reported (backshifted or obligated)
/// speech in a sentence following reported speech: `should`, `must`, `would`, ….
pub const REPORTED_MODAL: Flags = 1 << 19;
/// Quantifiers that can head a source (`some`, `many`, `others`).
pub const QUANT: Flags = 1 << 20;
/// `have`, `has`, `had` (subset of [`AUX`]).
pub const HAVE: Flags = 1 << 21;
/// `will`, `’ll`, `going` — the future, which is not an attribution of a
/// desire or a saying (`the leaders will discuss`).
pub const FUTURE: Flags = 1 << 22;
/// Irregular past forms and common finite verbs that no suffix reveals
/// (`became`, `sent`, `went`): a noun phrase stops at them.
pub const VERB: Flags = 1 << 23;
/// Linking verbs that make a passive like `be` does (`became known`, `got told`).
pub const LINKING: Flags = 1 << 24;

const WORDS: &[(&str, Flags)] = &[
    ("the", DET),
    ("a", DET),
    ("an", DET),
    ("this", DET | ANAPHOR),
    ("these", DET | ANAPHOR),
    ("those", DET),
    ("that", DET | REL | ANAPHOR),
    ("every", DET),
    ("each", DET),
    ("any", DET),
    ("no", DET),
    ("another", DET),
    ("such", DET),
    ("some", DET | QUANT),
    ("many", DET | QUANT),
    ("most", DET | QUANT),
    ("several", DET | QUANT),
    ("few", DET | QUANT),
    ("both", DET | QUANT),
    ("all", DET | QUANT),
    ("others", QUANT),
    // Cardinals open a described source like a determiner (`said one
    // former minister`, `two officials said`).
    ("one", DET | QUANT),
    ("two", DET | QUANT),
    ("three", DET | QUANT),
    ("four", DET | QUANT),
    ("five", DET | QUANT),
    ("six", DET | QUANT),
    ("seven", DET | QUANT),
    ("eight", DET | QUANT),
    ("nine", DET | QUANT),
    ("ten", DET | QUANT),
    ("his", POSS | PERSONAL),
    ("her", POSS | OBJ | PERSONAL),
    ("its", POSS),
    ("their", POSS),
    ("our", POSS | FIRST),
    ("my", POSS | FIRST),
    ("your", POSS | FIRST),
    ("he", PRON | PERSONAL),
    ("she", PRON | PERSONAL),
    ("it", PRON | OBJ | ANAPHOR),
    ("they", PRON),
    ("we", PRON | FIRST),
    ("i", PRON | FIRST),
    ("you", PRON | OBJ | FIRST),
    ("him", OBJ),
    ("them", OBJ),
    ("me", OBJ | FIRST),
    ("us", OBJ | FIRST),
    ("i'm", PRON | FIRST | AUX | BE),
    ("i've", PRON | FIRST | AUX | HAVE),
    ("i'd", PRON | FIRST | AUX | MODAL),
    ("i'll", PRON | FIRST | AUX | MODAL | FUTURE),
    ("we're", PRON | FIRST | AUX | BE),
    ("we've", PRON | FIRST | AUX | HAVE),
    ("we'd", PRON | FIRST | AUX | MODAL),
    ("we'll", PRON | FIRST | AUX | MODAL | FUTURE),
    ("you're", PRON | FIRST | AUX | BE),
    ("you've", PRON | FIRST | AUX | HAVE),
    ("you'd", PRON | FIRST | AUX | MODAL),
    ("you'll", PRON | FIRST | AUX | MODAL | FUTURE),
    ("he's", PRON | PERSONAL | AUX | BE),
    ("he'd", PRON | PERSONAL | AUX | MODAL),
    ("he'll", PRON | PERSONAL | AUX | MODAL | FUTURE),
    ("she's", PRON | PERSONAL | AUX | BE),
    ("she'd", PRON | PERSONAL | AUX | MODAL),
    ("she'll", PRON | PERSONAL | AUX | MODAL | FUTURE),
    ("it's", PRON | AUX | BE),
    ("they're", PRON | AUX | BE),
    ("they've", PRON | AUX | HAVE),
    ("they'd", PRON | AUX | MODAL),
    ("they'll", PRON | AUX | MODAL | FUTURE),
    ("that's", PRON | AUX | BE | ANAPHOR),
    ("there's", PRON | AUX | BE),
    ("here's", PRON | AUX | BE),
    ("what's", WH | AUX | BE),
    ("who's", REL | WH | AUX | BE),
    ("there", PRON),
    ("who", REL | WH),
    ("whom", REL),
    ("which", REL | WH),
    ("whose", REL),
    ("what", WH),
    ("why", WH),
    ("how", WH),
    ("where", WH | SUBORD),
    ("when", WH | SUBORD),
    ("whether", WH),
    ("if", WH | SUBORD),
    ("of", PREP),
    ("in", PREP),
    ("on", PREP),
    ("at", PREP),
    ("for", PREP),
    ("with", PREP),
    ("from", PREP),
    ("by", PREP),
    ("to", PREP),
    ("into", PREP),
    ("onto", PREP),
    ("about", PREP),
    ("against", PREP),
    ("over", PREP),
    ("under", PREP),
    ("during", PREP),
    ("after", PREP | SUBORD),
    ("before", PREP | SUBORD),
    ("since", PREP | SUBORD),
    ("until", PREP | SUBORD),
    ("through", PREP),
    ("throughout", PREP),
    ("via", PREP),
    ("within", PREP),
    ("without", PREP),
    ("among", PREP),
    ("between", PREP),
    ("amid", PREP),
    ("despite", PREP),
    ("towards", PREP),
    ("toward", PREP),
    ("near", PREP),
    ("across", PREP),
    ("aboard", PREP),
    ("behind", PREP),
    ("beyond", PREP),
    ("upon", PREP),
    ("per", PREP),
    ("like", PREP),
    ("outside", PREP),
    ("inside", PREP),
    ("and", CONJ),
    ("or", CONJ),
    ("but", CONJ | CONNECTIVE),
    ("nor", CONJ),
    ("yet", CONJ | CONNECTIVE),
    ("so", CONJ | CONNECTIVE),
    ("because", SUBORD),
    ("although", SUBORD),
    ("though", SUBORD),
    ("while", SUBORD),
    ("whereas", SUBORD),
    ("as", SUBORD | PREP),
    ("unless", SUBORD),
    ("than", SUBORD),
    ("once", SUBORD | ADV),
    ("is", AUX | BE),
    ("are", AUX | BE),
    ("was", AUX | BE),
    ("were", AUX | BE),
    ("be", AUX | BE),
    ("been", AUX | BE),
    ("being", AUX | BE),
    ("am", AUX | BE),
    ("'s", AUX | BE),
    ("'re", AUX | BE),
    ("'m", AUX | BE),
    ("isn't", AUX | BE | NEG),
    ("aren't", AUX | BE | NEG),
    ("wasn't", AUX | BE | NEG),
    ("weren't", AUX | BE | NEG),
    ("has", AUX | HAVE),
    ("have", AUX | HAVE),
    ("had", AUX | HAVE),
    ("hasn't", AUX | HAVE | NEG),
    ("haven't", AUX | HAVE | NEG),
    ("hadn't", AUX | HAVE | NEG),
    ("'ve", AUX | HAVE),
    ("do", AUX),
    ("does", AUX),
    ("did", AUX),
    ("don't", AUX | NEG),
    ("doesn't", AUX | NEG),
    ("didn't", AUX | NEG),
    ("will", MODAL | FUTURE),
    ("'ll", MODAL | FUTURE),
    ("won't", MODAL | NEG | FUTURE),
    ("would", MODAL | REPORTED_MODAL),
    ("'d", MODAL | REPORTED_MODAL),
    ("wouldn't", MODAL | NEG | REPORTED_MODAL),
    ("can", MODAL),
    ("can't", MODAL | NEG),
    ("cannot", MODAL | NEG),
    ("could", MODAL | REPORTED_MODAL),
    ("couldn't", MODAL | NEG | REPORTED_MODAL),
    ("may", MODAL),
    ("might", MODAL | REPORTED_MODAL),
    ("shall", MODAL),
    ("should", MODAL | REPORTED_MODAL),
    ("shouldn't", MODAL | NEG | REPORTED_MODAL),
    ("must", MODAL | REPORTED_MODAL),
    ("mustn't", MODAL | NEG | REPORTED_MODAL),
    ("ought", MODAL | REPORTED_MODAL),
    ("going", FUTURE),
    ("became", LINKING | VERB),
    ("become", LINKING),
    ("becomes", LINKING | VERB),
    ("got", LINKING | VERB),
    ("gets", LINKING | VERB),
    ("seemed", LINKING | VERB),
    ("seems", LINKING | VERB),
    ("appeared", LINKING | VERB),
    ("appears", LINKING | VERB),
    ("remained", LINKING | VERB),
    ("remains", LINKING | VERB),
    ("went", VERB),
    ("came", VERB),
    ("made", VERB),
    ("took", VERB),
    ("gave", VERB),
    ("left", VERB),
    ("sent", VERB),
    ("put", VERB),
    ("set", VERB),
    ("brought", VERB),
    ("began", VERB),
    ("ran", VERB),
    ("held", VERB),
    ("kept", VERB),
    ("met", VERB),
    ("paid", VERB),
    ("sold", VERB),
    ("spent", VERB),
    ("stood", VERB),
    ("won", VERB),
    ("lost", VERB),
    ("built", VERB),
    ("fell", VERB),
    ("led", VERB),
    ("meant", VERB),
    ("grew", VERB),
    ("drew", VERB),
    ("flew", VERB),
    ("threw", VERB),
    ("rose", VERB),
    ("wore", VERB),
    ("chose", VERB),
    ("spoke", VERB),
    ("broke", VERB),
    ("froze", VERB),
    ("stole", VERB),
    ("drove", VERB),
    ("rode", VERB),
    ("struck", VERB),
    ("hit", VERB),
    ("cut", VERB),
    ("shut", VERB),
    ("quit", VERB),
    ("sat", VERB),
    ("fought", VERB),
    ("caught", VERB),
    ("taught", VERB),
    ("bought", VERB),
    ("forgot", VERB),
    ("hid", VERB),
    ("bit", VERB),
    ("shook", VERB),
    ("overcame", VERB),
    ("withdrew", VERB),
    ("undertook", VERB),
    ("arose", VERB),
    ("awoke", VERB),
    ("bore", VERB),
    ("beat", VERB),
    ("bent", VERB),
    ("bled", VERB),
    ("blew", VERB),
    ("bred", VERB),
    ("burst", VERB),
    ("cast", VERB),
    ("clung", VERB),
    ("crept", VERB),
    ("dealt", VERB),
    ("dug", VERB),
    ("dove", VERB),
    ("fed", VERB),
    ("fled", VERB),
    ("flung", VERB),
    ("forbade", VERB),
    ("forgave", VERB),
    ("forsook", VERB),
    ("froze", VERB),
    ("ground", VERB),
    ("hung", VERB),
    ("knelt", VERB),
    ("laid", VERB),
    ("lay", VERB),
    ("leapt", VERB),
    ("lent", VERB),
    ("lit", VERB),
    ("mistook", VERB),
    ("rang", VERB),
    ("sang", VERB),
    ("sank", VERB),
    ("slept", VERB),
    ("slid", VERB),
    ("slung", VERB),
    ("slit", VERB),
    ("smote", VERB),
    ("sought", VERB),
    ("sped", VERB),
    ("spun", VERB),
    ("spat", VERB),
    ("split", VERB),
    ("spread", VERB),
    ("sprang", VERB),
    ("stank", VERB),
    ("stuck", VERB),
    ("stung", VERB),
    ("strode", VERB),
    ("strove", VERB),
    ("swore", VERB),
    ("swept", VERB),
    ("swam", VERB),
    ("swung", VERB),
    ("tore", VERB),
    ("thrust", VERB),
    ("trod", VERB),
    ("wove", VERB),
    ("wept", VERB),
    ("wound", VERB),
    ("wrung", VERB),
    ("goes", VERB),
    ("makes", VERB),
    ("takes", VERB),
    ("gives", VERB),
    ("wants", VERB),
    ("needs", VERB),
    ("very", ADV),
    ("quite", ADV),
    ("rather", ADV),
    ("clearly", ADV),
    ("simply", ADV),
    ("let", VERB),
    ("not", NEG),
    ("never", NEG | ADV),
    ("n't", NEG),
    ("also", ADV | CONNECTIVE),
    ("again", ADV),
    ("already", ADV),
    ("always", ADV),
    ("often", ADV),
    // `have long complained`, `has long argued`.
    ("long", ADV),
    ("still", ADV | CONNECTIVE),
    ("just", ADV),
    ("even", ADV),
    ("then", ADV | CONNECTIVE),
    ("now", ADV | TIME),
    ("later", ADV | TIME),
    ("earlier", ADV | TIME),
    ("previously", ADV | TIME),
    ("recently", ADV | TIME),
    ("first", ADV),
    ("further", ADV),
    ("too", ADV),
    ("however", CONNECTIVE),
    ("meanwhile", CONNECTIVE),
    ("moreover", CONNECTIVE),
    ("furthermore", CONNECTIVE),
    ("instead", CONNECTIVE),
    ("nevertheless", CONNECTIVE),
    ("nonetheless", CONNECTIVE),
    ("besides", CONNECTIVE),
    ("thus", CONNECTIVE),
    ("therefore", CONNECTIVE),
    ("indeed", CONNECTIVE),
    ("otherwise", CONNECTIVE),
    ("likewise", CONNECTIVE),
    ("similarly", CONNECTIVE),
    ("separately", CONNECTIVE | ADV),
    ("additionally", CONNECTIVE | ADV),
    ("finally", CONNECTIVE | ADV),
    ("today", TIME),
    ("yesterday", TIME),
    ("tomorrow", TIME),
    ("tonight", TIME),
    ("monday", TIME),
    ("tuesday", TIME),
    ("wednesday", TIME),
    ("thursday", TIME),
    ("friday", TIME),
    ("saturday", TIME),
    ("sunday", TIME),
    ("january", TIME),
    ("february", TIME),
    ("march", TIME),
    ("april", TIME),
    ("june", TIME),
    ("july", TIME),
    ("august", TIME),
    ("september", TIME),
    ("october", TIME),
    ("november", TIME),
    ("december", TIME),
    ("jan", TIME),
    ("feb", TIME),
    ("aug", TIME),
    ("sept", TIME),
    ("sep", TIME),
    ("oct", TIME),
    ("nov", TIME),
    ("dec", TIME),
    ("week", TIME),
    ("weekend", TIME),
    ("month", TIME),
    ("year", TIME),
    ("morning", TIME),
    ("afternoon", TIME),
    ("evening", TIME),
    ("night", TIME),
    ("last", TIME),
    ("next", TIME),
    ("day", TIME),
    ("days", TIME),
    ("ago", TIME),
    ("late", TIME),
    ("early", TIME),
];

/// Adverbs in `-ly` that are not adverbs.
const NOT_LY_ADVERBS: &[&str] = &[
    "reply", "supply", "apply", "ally", "rally", "comply", "imply", "multiply", "fly", "family",
    "assembly", "anomaly", "monopoly", "belly", "bully", "folly", "holy", "july", "italy", "only",
    "early", "daily", "weekly", "monthly", "yearly", "friendly", "elderly", "likely", "unlikely",
    "lonely", "lovely", "ugly", "silly", "jelly", "rely",
];

/// Every closed-class word with its flags.
pub fn words() -> &'static [(&'static str, Flags)] {
    WORDS
}

/// The table of closed-class words, built on first use.
pub fn table() -> &'static WordTable<Flags> {
    static TABLE: OnceLock<WordTable<Flags>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = WordTable::default();
        for &(word, flags) in WORDS {
            *table.entry(word, || 0) |= flags;
        }
        table
    })
}

/// Whether a lowercase word in `-ly` reads as an adverb (`repeatedly`, `publicly`).
pub fn is_ly_adverb(word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ly")
        && word.as_bytes()[0].is_ascii_lowercase()
        && !NOT_LY_ADVERBS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The longest first- or second-person word ([`FIRST`]) in bytes, as
/// written in text: the longest in the table, plus two for a typographic
/// apostrophe (`we’re`; the lookup reads `’` as `'`). Callers testing many
/// words for [`FIRST`] skip the lookup for longer ones.
pub const FIRST_MAX_LEN: usize = longest_with(FIRST) + 2;

/// The first bytes (ASCII lowercase) of the words with [`FIRST`], one bit
/// per byte value.
const FIRST_INITIALS: u128 = initials_with(FIRST);

/// Whether `word` can have the flag [`FIRST`], decided without a lookup:
/// false when it is longer than [`FIRST_MAX_LEN`] or starts with an ASCII
/// byte no first- or second-person word starts with (most words). Callers
/// testing every word of a text for [`FIRST`] ask this first.
#[inline]
pub fn may_be_first(word: &str) -> bool {
    word.len() <= FIRST_MAX_LEN
        && match word.as_bytes().first() {
            // The lookup lowercases an ASCII first byte and nothing else
            // maps to one: a non-ASCII start is left to the lookup.
            Some(&b) if b.is_ascii() => FIRST_INITIALS >> b.to_ascii_lowercase() & 1 != 0,
            Some(_) => true,
            None => false,
        }
}

/// The set of first bytes, lowercased, of the words with a flag of `flag`.
const fn initials_with(flag: Flags) -> u128 {
    let (mut i, mut set) = (0, 0u128);
    while i < WORDS.len() {
        if WORDS[i].1 & flag != 0 {
            let first = WORDS[i].0.as_bytes()[0];
            if first.is_ascii() {
                set |= 1 << first.to_ascii_lowercase();
            }
        }
        i += 1;
    }
    set
}

/// The length of the longest word of the table with a flag of `flag`.
const fn longest_with(flag: Flags) -> usize {
    let (mut i, mut longest) = (0, 0);
    while i < WORDS.len() {
        if WORDS[i].1 & flag != 0 && WORDS[i].0.len() > longest {
            longest = WORDS[i].0.len();
        }
        i += 1;
    }
    longest
}

/// The flags of a word (0 when it is in no class).
#[inline]
pub fn flags(word: &str) -> Flags {
    let mut f = table().get(word).copied().unwrap_or(0);
    if f == 0 && is_ly_adverb(word) {
        f = ADV;
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_person_words_fit_first_max_len() {
        for (word, _) in WORDS.iter().filter(|(_, f)| f & FIRST != 0) {
            let typographic = word.replace('\'', "’");
            assert!(typographic.len() <= FIRST_MAX_LEN, "{word}");
            assert_ne!(flags(&typographic) & FIRST, 0, "{typographic}");
            assert!(may_be_first(word) && may_be_first(&typographic), "{word}");
        }
    }

    #[test]
    fn classes_are_found_in_any_case_and_apostrophe() {
        assert_eq!(flags("The") & DET, DET);
        assert_ne!(flags("I’m") & (PRON | BE), 0);
        assert_ne!(flags("didn’t") & NEG, 0);
        assert_eq!(flags("repeatedly"), ADV);
        assert_eq!(flags("reply"), 0);
        assert_eq!(flags("Sullivan"), 0);
    }
}
