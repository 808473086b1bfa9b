//! Word-level phrase matching: an Aho–Corasick automaton whose alphabet is
//! words, so every listed phrase is found in one pass over a word stream.
//!
//! Texts are split into words the same way everywhere ([`split_words`]):
//! a word is a run of letters and digits, possibly joined by an inner
//! apostrophe, hyphen or period (`Ukraine’s`, `build-up`, `U.S`). Words are
//! compared after [`normalize_word`] (lowercase, `’` → `'`), so matching is
//! case-insensitive. A period never separates phrase words (`J.D. Vance`,
//! `Antony J. Blinken`), every other punctuation mark does.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// One piece of text as seen by the matcher.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece {
    /// A word; the range is its bytes in the split text.
    Word(usize, usize),
    /// One punctuation or symbol character at this byte offset.
    Punct(usize, char),
}

/// Whether `c` can join two word characters into one word (`it’s`, `build-up`, `U.S`).
#[inline]
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.')
}

/// Splits `text` into words and punctuation characters; whitespace is dropped.
///
/// A joiner (`'`, `’`, `-`, `‐`, `.`) belongs to a word only between two
/// alphanumeric characters, so `“Kyiv’s` yields `“` and `Kyiv’s`, and
/// `say.` yields `say` and `.`.
pub fn split_words(text: &str) -> impl Iterator<Item = Piece> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || loop {
        let (start, c) = chars.next()?;
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            return Some(Piece::Punct(start, c));
        }
        let mut end = start + c.len_utf8();
        loop {
            match chars.peek().copied() {
                Some((i, next)) if next.is_alphanumeric() => {
                    chars.next();
                    end = i + next.len_utf8();
                }
                Some((i, next)) if is_joiner(next) => {
                    // Look one further: the joiner stays only before an alphanumeric.
                    let after = text[i + next.len_utf8()..].chars().next();
                    if after.is_some_and(char::is_alphanumeric) {
                        chars.next();
                        end = i + next.len_utf8();
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        return Some(Piece::Word(start, end));
    })
}

/// Writes the comparison form of `word` into `out` (cleared first):
/// lowercase, typographic apostrophes and hyphens made plain.
pub fn normalize_word(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '’' | '‘' => out.push('\''),
            '‐' => out.push('-'),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Strips a possessive ending (`’s`, `'s`) from a normalized word.
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .filter(|w| !w.is_empty())
        .unwrap_or(word)
}

/// The normalized words of a phrase as written in a rules file. Punctuation
/// other than periods is not allowed in phrases; [`phrase_problem`] reports it.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    let mut buf = String::new();
    split_words(phrase)
        .filter_map(|piece| match piece {
            Piece::Word(s, e) => {
                normalize_word(&phrase[s..e], &mut buf);
                Some(buf.clone())
            }
            Piece::Punct(..) => None,
        })
        .collect()
}

/// Why a phrase cannot be matched, if it cannot: no word at all, or a
/// punctuation mark (which always separates phrases in the text).
pub fn phrase_problem(phrase: &str) -> Option<String> {
    let mut words = 0;
    for piece in split_words(phrase) {
        match piece {
            Piece::Word(..) => words += 1,
            Piece::Punct(_, '.') => {}
            Piece::Punct(_, c) => {
                return Some(format!(
                    "`{c}` separates words in the text, so this phrase can never match"
                ))
            }
        }
    }
    (words == 0).then(|| "phrase has no word".to_string())
}

/// One element of a pre-hashed word stream ([`PhraseMatcher::find_all_steps`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// A word, with its [`word_hash`].
    Word(u64),
    /// A mark that neither counts as a word nor breaks a phrase (a period).
    Skip,
    /// A break: no phrase spans it.
    Break,
}

/// A match of phrase `phrase` over words `start..end` of the searched stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index of the phrase, in the order given to [`PhraseMatcher::new`].
    pub phrase: u32,
    /// Index of the first word (counting only words, not breaks).
    pub start: u32,
    /// One past the last word.
    pub end: u32,
}

/// FxHash-style hasher for the matcher's tables, whose keys are word hashes
/// (used as they are) and `(state, symbol)` pairs.
#[derive(Default, Clone, Copy)]
struct WordHasher(u64);

const FX: u64 = 0x517c_c1b7_2722_0a95;

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u8(b);
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(FX);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        // Keys that are already word hashes are used as they are.
        self.0 = if self.0 == 0 {
            i
        } else {
            (self.0.rotate_left(5) ^ i).wrapping_mul(FX)
        };
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The high and low halves of the 128-bit product, folded: the mixing step
/// of wyhash/foldhash.
#[inline(always)]
fn fold_mul(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

#[inline(always)]
fn read8(b: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(word)
}

/// The hash of a normalized word, as the matchers look it up. Computed once
/// per word of an article ([`crate::rules::words::Words`]) and shared by
/// every matcher.
///
/// A word of up to 8 bytes is one little-endian value (zero-padded), up to 16
/// bytes two overlapping loads, mixed by one 128-bit multiplication (the
/// wyhash/foldhash scheme), so a word costs a few cycles whatever its
/// length; longer words fold 16 bytes per step. Equal hashes are always
/// confirmed by comparing the words.
#[inline]
pub fn word_hash(word: &str) -> u64 {
    word_hash_bytes(word.as_bytes())
}

const P0: u64 = 0xa076_1d64_78bd_642f;
const P1: u64 = 0xe703_7ed1_a0b4_28db;

/// [`word_hash`] of a word's UTF-8 bytes.
#[inline]
pub fn word_hash_bytes(b: &[u8]) -> u64 {
    let n = b.len();
    if n <= 8 {
        let mut word = [0u8; 8];
        for (to, from) in word.iter_mut().zip(b) {
            *to = *from;
        }
        return short_word_hash(u64::from_le_bytes(word), n);
    }
    let (lo, hi) = if n <= 16 {
        (read8(b, 0), read8(b, n - 8))
    } else {
        let mut seed = P0;
        let mut at = 0;
        while at + 16 < n {
            seed = fold_mul(read8(b, at) ^ P1, read8(b, at + 8) ^ seed);
            at += 16;
        }
        (read8(b, n - 16) ^ seed, read8(b, n - 8))
    };
    fold_mul(lo ^ P1, hi ^ P0 ^ n as u64)
}

/// [`word_hash`] of a word of `n <= 8` bytes given as one little-endian value,
/// zero-padded (so a stream can hash a word straight from an 8-byte load).
#[inline(always)]
pub fn short_word_hash(value: u64, n: usize) -> u64 {
    debug_assert!(n <= 8);
    fold_mul(value ^ P1, P0 ^ n as u64)
}

/// A normalized word and its [`word_hash`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// The normalized word.
    pub text: &'a str,
    /// Its hash.
    pub hash: u64,
}

impl<'a> From<&'a str> for Word<'a> {
    #[inline]
    fn from(text: &'a str) -> Self {
        Word {
            text,
            hash: word_hash(text),
        }
    }
}

/// A word as [`PhraseMatcher::find`] reads it: its [`word_hash`], and its
/// normalized text, which the matcher asks for only to confirm a hash hit
/// (or to strip a possessive), so that a stream can hand out words without
/// slicing each one.
pub trait MatchWord<'w> {
    /// The [`word_hash`] of the normalized word.
    fn hash(&self) -> u64;
    /// The normalized word.
    fn text(&self) -> &'w str;
}

impl<'w> MatchWord<'w> for Word<'w> {
    #[inline]
    fn hash(&self) -> u64 {
        self.hash
    }

    #[inline]
    fn text(&self) -> &'w str {
        self.text
    }
}

impl<'w> MatchWord<'w> for &'w str {
    #[inline]
    fn hash(&self) -> u64 {
        word_hash(self)
    }

    #[inline]
    fn text(&self) -> &'w str {
        self
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A set of phrases compiled into a word-level Aho–Corasick automaton.
///
/// Building costs O(total phrase words); searching costs O(words searched)
/// plus the matches, whatever the number of phrases.
#[derive(Clone, Debug, Default)]
pub struct PhraseMatcher {
    /// Word hash → symbol: an open-addressing table (linear probing, at most
    /// a quarter full, indexed by the hash's top bits) of `(hash, symbol +
    /// 1)`, `0` marking an empty slot. Most words of a text are in no phrase
    /// and end their probe at the first, empty, slot. Words whose hashes
    /// collide get slots of their own; the word is compared on every hash hit.
    slots: Vec<(u64, u32)>,
    /// `64 - log2(slots.len())`: the shift that turns a hash into a slot.
    shift: u32,
    /// One bit per value of a hash's top bits, set for every symbol's hash:
    /// 16 bits per slot, so that a word in no phrase finds its bit clear
    /// (in a table that fits the cache) but for about one word in 64,
    /// where an empty home slot lets through one in four.
    filter: Vec<u64>,
    /// `64 - log2(filter bits)`: the shift that turns a hash into a bit.
    filter_shift: u32,
    /// Symbol → word, to confirm a hash hit.
    symbols: Vec<Box<str>>,
    /// Symbol → its word's hash, to rebuild `slots`.
    symbol_hashes: Vec<u64>,
    /// Symbol → the state after the root on it (`0`: no phrase starts with
    /// it), so that most steps need no `goto` probe.
    root: Vec<u32>,
    /// (state, symbol) → state: the trie edges below the root.
    goto: FastMap<(u32, u32), u32>,
    /// Failure link of each state (state 0 is the root).
    fail: Vec<u32>,
    /// Phrases ending at each state, including through failure links.
    out: Vec<Vec<u32>>,
    /// Length in words of each phrase.
    lens: Vec<u32>,
    /// Whether possessive endings are stripped from searched words.
    possessive: bool,
}

impl PhraseMatcher {
    /// Compiles `phrases`; phrase `i` is reported as `Hit { phrase: i, .. }`.
    /// A phrase with no word never matches.
    pub fn new<S: AsRef<str>>(phrases: impl IntoIterator<Item = S>) -> Self {
        let mut m = PhraseMatcher {
            fail: vec![0],
            out: vec![Vec::new()],
            ..PhraseMatcher::default()
        };
        for (id, phrase) in phrases.into_iter().enumerate() {
            let words = phrase_words(phrase.as_ref());
            m.lens.push(words.len() as u32);
            if words.is_empty() {
                continue;
            }
            let mut state = 0u32;
            for word in words {
                let symbol = m.intern(word);
                state = match m.edge(state, symbol) {
                    Some(next) => next,
                    None => {
                        let next = m.fail.len() as u32;
                        m.fail.push(0);
                        m.out.push(Vec::new());
                        if state == 0 {
                            m.root[symbol as usize] = next;
                        } else {
                            m.goto.insert((state, symbol), next);
                        }
                        next
                    }
                };
            }
            m.out[state as usize].push(id as u32);
        }
        m.link();
        m
    }

    /// The symbol of `word`, allocated on first sight.
    fn intern(&mut self, word: String) -> u32 {
        let hash = word_hash(&word);
        self.intern_hashed(word, hash)
    }

    /// [`Self::intern`] with the word's hash given (tests force collisions).
    fn intern_hashed(&mut self, word: String, hash: u64) -> u32 {
        if let Some(symbol) = self.lookup(hash, || &word) {
            return symbol;
        }
        let symbol = self.symbols.len() as u32;
        self.symbols.push(word.into_boxed_str());
        self.symbol_hashes.push(hash);
        self.root.push(0);
        if 4 * self.symbols.len() > self.slots.len() {
            self.rehash();
        } else {
            self.place(hash, symbol);
        }
        symbol
    }

    /// Rebuilds the slot table for the current symbols, at most a quarter full.
    fn rehash(&mut self) {
        let len = (4 * self.symbols.len()).next_power_of_two().max(16);
        self.slots = vec![(0, 0); len];
        self.shift = 64 - len.trailing_zeros();
        let bits = 16 * len;
        self.filter = vec![0; bits / 64];
        self.filter_shift = 64 - bits.trailing_zeros();
        for symbol in 0..self.symbols.len() {
            self.place(self.symbol_hashes[symbol], symbol as u32);
        }
    }

    /// Puts `symbol` in the first free slot from its hash's home slot.
    fn place(&mut self, hash: u64, symbol: u32) {
        let mask = self.slots.len() - 1;
        let mut i = (hash >> self.shift) as usize & mask;
        while self.slots[i].1 != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = (hash, symbol + 1);
        let bit = hash >> self.filter_shift;
        self.filter[(bit / 64) as usize] |= 1 << (bit % 64);
    }

    /// Whether `hash` may be a symbol's: false for most words, which no
    /// phrase uses. The filter is not empty when `slots` is not.
    #[inline(always)]
    fn may_be_symbol(&self, hash: u64) -> bool {
        let bit = hash >> self.filter_shift;
        self.filter
            .get((bit / 64) as usize)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }

    /// The symbol of the word `text()` whose hash is `hash`, if some phrase
    /// uses it; `text` is called only on a hash hit.
    #[inline]
    fn lookup<'t>(&self, hash: u64, text: impl Fn() -> &'t str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = (hash >> self.shift) as usize & mask;
        loop {
            let (h, s) = self.slots[i];
            if s == 0 {
                return None;
            }
            if h == hash
                && self
                    .symbols
                    .get(s as usize - 1)
                    .is_some_and(|w| **w == *text())
            {
                return Some(s - 1);
            }
            i = (i + 1) & mask;
        }
    }

    /// The trie edge from `state` on `symbol`.
    #[inline]
    fn edge(&self, state: u32, symbol: u32) -> Option<u32> {
        if state == 0 {
            self.root.get(symbol as usize).copied().filter(|&s| s != 0)
        } else {
            self.goto.get(&(state, symbol)).copied()
        }
    }

    /// Treats `Putin’s` as `Putin` when searching (for name lists).
    pub fn strip_possessives(mut self) -> Self {
        self.possessive = true;
        self
    }

    /// Computes failure links breadth-first and merges outputs along them.
    fn link(&mut self) {
        let mut children: Vec<Vec<(u32, u32)>> = vec![Vec::new(); self.fail.len()];
        for (symbol, &next) in self.root.iter().enumerate() {
            if next != 0 {
                children[0].push((symbol as u32, next));
            }
        }
        for (&(state, symbol), &next) in &self.goto {
            children[state as usize].push((symbol, next));
        }
        for list in &mut children {
            list.sort_unstable();
        }
        let mut queue = std::collections::VecDeque::new();
        for &(_, child) in &children[0] {
            self.fail[child as usize] = 0;
            queue.push_back(child);
        }
        while let Some(state) = queue.pop_front() {
            for &(symbol, child) in &children[state as usize] {
                let mut f = self.fail[state as usize];
                let target = loop {
                    if let Some(t) = self.edge(f, symbol) {
                        break t;
                    }
                    if f == 0 {
                        break 0;
                    }
                    f = self.fail[f as usize];
                };
                self.fail[child as usize] = target;
                let inherited = self.out[target as usize].clone();
                self.out[child as usize].extend(inherited);
                queue.push_back(child);
            }
        }
    }

    /// The number of phrases compiled.
    pub fn len(&self) -> usize {
        self.lens.len()
    }

    /// Whether no phrase was compiled.
    pub fn is_empty(&self) -> bool {
        self.lens.is_empty()
    }

    /// The length in words of phrase `phrase`.
    pub fn phrase_len(&self, phrase: u32) -> u32 {
        self.lens.get(phrase as usize).copied().unwrap_or(0)
    }

    /// The symbol of a normalized word, if some phrase uses it.
    #[inline]
    fn symbol<'w>(&self, word: &impl MatchWord<'w>) -> Option<u32> {
        if self.possessive {
            let text = word.text();
            let stripped = strip_possessive(text);
            if stripped.len() != text.len() {
                return self.lookup(word_hash(stripped), || stripped);
            }
        }
        self.lookup(word.hash(), || word.text())
    }

    /// Every match, overlapping ones included, in order of their end.
    ///
    /// `words` yields `Some(normalized word)` (a `&str`, a [`Word`] with
    /// its precomputed hash, or any [`MatchWord`]) for each word and `None` where
    /// the text breaks (punctuation, a sentence end): no match spans a break.
    /// Word indices in the hits count only the `Some` items.
    pub fn find_all<'w, W: MatchWord<'w>>(
        &self,
        words: impl IntoIterator<Item = Option<W>>,
    ) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut state = 0u32;
        let mut index = 0u32;
        for word in words {
            let Some(word) = word else {
                state = 0;
                continue;
            };
            index += 1;
            state = match self.symbol(&word) {
                Some(symbol) => self.step(state, symbol, index, &mut hits),
                None => 0,
            };
        }
        hits
    }

    /// [`Self::find_all`] over a pre-hashed stream: `steps` yields, for each
    /// word, [`Step::Word`] with its [`word_hash`], and breaks and skipped
    /// marks as such; `text(i)` is the normalized text of word `i` (counting
    /// words only), asked for only to confirm a hash hit or strip a
    /// possessive. The loop of a stream that has hashed its words once.
    pub fn find_all_steps<'t>(
        &self,
        steps: impl IntoIterator<Item = Step>,
        text: impl Fn(u32) -> &'t str,
    ) -> Vec<Hit> {
        let mut hits = Vec::new();
        if self.slots.is_empty() {
            return hits;
        }
        let mut state = 0u32;
        let mut index = 0u32;
        for step in steps {
            let hash = match step {
                Step::Word(hash) => hash,
                Step::Skip => continue,
                Step::Break => {
                    state = 0;
                    continue;
                }
            };
            index += 1;
            // Most words are in no phrase: their filter bit is clear. With
            // possessives stripped, a word ending in `'s` may still be one.
            if !self.may_be_symbol(hash) && (!self.possessive || !text(index - 1).ends_with("'s")) {
                state = 0;
                continue;
            }
            state = self.word_step(state, hash, index, &text, &mut hits);
        }
        hits
    }

    /// The rest of [`Self::find_all_steps`] for a word that may be in a
    /// phrase, kept out of the hot loop.
    #[inline(never)]
    fn word_step<'t>(
        &self,
        state: u32,
        hash: u64,
        index: u32,
        text: &impl Fn(u32) -> &'t str,
        hits: &mut Vec<Hit>,
    ) -> u32 {
        let symbol = if self.possessive {
            self.symbol(&Word {
                text: text(index - 1),
                hash,
            })
        } else {
            self.lookup(hash, || text(index - 1))
        };
        match symbol {
            Some(symbol) => self.step(state, symbol, index, hits),
            None => 0,
        }
    }

    /// Moves from `state` on `symbol`, the word ending at word index `index`,
    /// and records the phrases that end there.
    #[inline]
    fn step(&self, mut state: u32, symbol: u32, index: u32, hits: &mut Vec<Hit>) -> u32 {
        state = loop {
            if let Some(next) = self.edge(state, symbol) {
                break next;
            }
            if state == 0 {
                break 0;
            }
            state = self.fail[state as usize];
        };
        for &phrase in &self.out[state as usize] {
            let len = self.lens[phrase as usize];
            hits.push(Hit {
                phrase,
                start: index - len,
                end: index,
            });
        }
        state
    }

    /// The leftmost-longest non-overlapping matches, in text order.
    pub fn find<'w, W: MatchWord<'w>>(
        &self,
        words: impl IntoIterator<Item = Option<W>>,
    ) -> Vec<Hit> {
        leftmost_longest(self.find_all(words))
    }
}

/// Keeps, from left to right, the longest match starting at each point that
/// does not overlap a match already kept.
pub fn leftmost_longest(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_unstable_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.phrase));
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    for hit in hits {
        if kept.last().is_none_or(|last| hit.start >= last.end) {
            kept.push(hit);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Option<String>> {
        let mut buf = String::new();
        split_words(text)
            .filter_map(|p| match p {
                Piece::Word(s, e) => {
                    normalize_word(&text[s..e], &mut buf);
                    Some(Some(buf.clone()))
                }
                Piece::Punct(_, '.') => None,
                Piece::Punct(..) => Some(None),
            })
            .collect()
    }

    fn find(m: &PhraseMatcher, text: &str) -> Vec<(u32, u32, u32)> {
        let w = words(text);
        m.find(w.iter().map(|w| w.as_deref()))
            .into_iter()
            .map(|h| (h.phrase, h.start, h.end))
            .collect()
    }

    #[test]
    fn splits_words_with_inner_joiners_only() {
        let text = "“Kyiv’s build-up,” U.S. say. - ok";
        let pieces: Vec<String> = split_words(text)
            .map(|p| match p {
                Piece::Word(s, e) => format!("w:{}", &text[s..e]),
                Piece::Punct(i, c) => format!("p{i}:{c}"),
            })
            .collect();
        assert_eq!(
            pieces,
            [
                "p0:“",
                "w:Kyiv’s",
                "w:build-up",
                "p20:,",
                "p21:”",
                "w:U.S",
                "p28:.",
                "w:say",
                "p33:.",
                "p35:-",
                "w:ok"
            ]
        );
    }

    #[test]
    fn normalizes_case_and_apostrophes() {
        let mut out = String::new();
        normalize_word("It’S", &mut out);
        assert_eq!(out, "it's");
        normalize_word("ERDOĞAN", &mut out);
        assert_eq!(out, "erdoğan");
        assert_eq!(strip_possessive("putin's"), "putin");
        assert_eq!(strip_possessive("'s"), "'s");
    }

    #[test]
    fn finds_every_phrase_in_one_pass() {
        let m = PhraseMatcher::new(["experts say", "it is said", "is said to", "say"]);
        // Overlapping phrases: leftmost-longest keeps `it is said`, then nothing
        // overlapping it; `say` inside `experts say` loses to the longer match.
        assert_eq!(
            find(&m, "Experts say it is said to work"),
            [(0, 0, 2), (1, 2, 5)]
        );
        let all: Vec<_> = m
            .find_all(words("it is said to").iter().map(|w| w.as_deref()))
            .into_iter()
            .map(|h| (h.phrase, h.start, h.end))
            .collect();
        assert_eq!(all, [(1, 0, 3), (2, 1, 4)]);
    }

    #[test]
    fn failure_links_recover_partial_matches() {
        // `a a b` must find `a b` after the first `a` leads nowhere.
        let m = PhraseMatcher::new(["a b", "b c d", "a b c d e"]);
        assert_eq!(find(&m, "a a b c d"), [(0, 1, 3)]);
        let all: Vec<_> = m
            .find_all(words("a a b c d").iter().map(|w| w.as_deref()))
            .into_iter()
            .map(|h| (h.phrase, h.start, h.end))
            .collect();
        assert_eq!(all, [(0, 1, 3), (1, 2, 5)]);
    }

    #[test]
    fn punctuation_breaks_phrases_but_periods_do_not() {
        let m = PhraseMatcher::new(["experts say", "J.D. Vance", "Antony J. Blinken"]);
        assert_eq!(find(&m, "experts, say"), []);
        assert_eq!(find(&m, "experts — say"), []);
        assert_eq!(find(&m, "Sen. J.D. Vance"), [(1, 1, 3)]);
        assert_eq!(find(&m, "ANTONY J. BLINKEN"), [(2, 0, 3)]);
        assert_eq!(find(&m, "expertsay"), []);
    }

    #[test]
    fn possessives_are_stripped_only_on_request() {
        let m = PhraseMatcher::new(["Vladimir Putin"]);
        assert_eq!(find(&m, "Vladimir Putin’s"), []);
        let m = m.strip_possessives();
        assert_eq!(find(&m, "Vladimir Putin’s"), [(0, 0, 2)]);
    }

    #[test]
    fn hash_hits_are_confirmed_by_the_word() {
        let mut m = PhraseMatcher::new(["alpha beta"]);
        let alpha = m.symbol(&Word::from("alpha")).unwrap();
        // Force `gamma` to collide with `alpha`: each keeps its own symbol,
        // and a third word with the same hash is no match.
        let hash = word_hash("alpha");
        let gamma = m.intern_hashed("gamma".into(), hash);
        assert_ne!(gamma, alpha);
        let with = |text| Word { text, hash };
        assert_eq!(m.symbol(&with("alpha")), Some(alpha));
        assert_eq!(m.symbol(&with("gamma")), Some(gamma));
        assert_eq!(m.symbol(&with("delta")), None);
        assert_eq!(m.symbol(&Word::from("gamma")), None);
        assert_eq!(find(&m, "alpha beta"), [(0, 0, 2)]);
        // Growing the table keeps every symbol.
        for i in 0..100 {
            m.intern(format!("w{i}"));
        }
        assert_eq!(m.symbol(&with("gamma")), Some(gamma));
        assert_eq!(m.symbol(&Word::from("w99")), Some(gamma + 100));
        assert_eq!(find(&m, "x alpha beta"), [(0, 1, 3)]);
    }

    #[test]
    fn word_hash_reads_every_byte() {
        let base: Vec<u8> = (0..40u8).map(|i| b'a' + i % 26).collect();
        let mut seen = std::collections::HashSet::new();
        for n in 0..=base.len() {
            let word = std::str::from_utf8(&base[..n]).unwrap();
            assert!(seen.insert(word_hash(word)), "length {n}");
            for k in 0..n {
                let mut changed = base[..n].to_vec();
                changed[k] = b'0';
                let changed = std::str::from_utf8(&changed).unwrap();
                assert_ne!(word_hash(changed), word_hash(word), "byte {k} of {n}");
            }
        }
        // Lengths are part of the hash: a word and its zero-padded form differ.
        assert_ne!(word_hash("ab"), word_hash("ab\0"));
    }

    #[test]
    fn reports_unmatchable_phrases() {
        assert_eq!(phrase_problem("experts say"), None);
        assert_eq!(phrase_problem("J.D. Vance"), None);
        assert!(phrase_problem("experts, say").is_some());
        assert!(phrase_problem("  ").is_some());
        let m = PhraseMatcher::new(["", "x"]);
        assert_eq!(m.len(), 2);
        assert_eq!(find(&m, "x"), [(1, 0, 1)]);
    }
}
