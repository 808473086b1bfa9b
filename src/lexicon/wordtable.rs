//! A word → value table for the claim extractor's per-token lookups: the
//! key is a word's normalized form (ASCII lowercase, `’`/`‘` as `'`), hashed
//! straight from the token's bytes, so a lookup allocates nothing.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Passes a precomputed `u64` through as the hash.
#[derive(Default, Clone, Copy)]
pub struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Calls `f` with each byte of the normalized form of `word`: ASCII letters
/// lowercased, `’` and `‘` as `'`, other chars lowercased.
#[inline]
fn for_each_norm_byte(word: &str, mut f: impl FnMut(u8)) {
    if word.is_ascii() {
        for &b in word.as_bytes() {
            f(b.to_ascii_lowercase());
        }
        return;
    }
    for c in word.chars() {
        match c {
            '’' | '‘' => f(b'\''),
            c if c.is_ascii() => f((c as u8).to_ascii_lowercase()),
            c => {
                for lower in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    for &b in lower.encode_utf8(&mut buf).as_bytes() {
                        f(b);
                    }
                }
            }
        }
    }
}

/// The hash of the normalized form of `word`, computed without allocating.
#[inline]
pub fn norm_hash(word: &str) -> u64 {
    let mut h = 0u64;
    for_each_norm_byte(word, |b| {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K)
    });
    h ^ (h >> 29)
}

/// Whether the normalized form of `word` equals `norm` (already normalized).
#[inline]
pub fn norm_eq(word: &str, norm: &str) -> bool {
    if word.is_ascii() {
        return word.len() == norm.len() && word.eq_ignore_ascii_case(norm);
    }
    let mut expected = norm.bytes();
    let mut same = true;
    for_each_norm_byte(word, |b| same &= expected.next() == Some(b));
    same && expected.next().is_none()
}

/// The normalized form of `word`, as an owned string (for building tables).
pub fn normalize(word: &str) -> String {
    let mut bytes = Vec::with_capacity(word.len());
    for_each_norm_byte(word, |b| bytes.push(b));
    String::from_utf8(bytes).unwrap_or_default()
}

/// A table from normalized words to values of type `T`.
#[derive(Clone, Debug)]
pub struct WordTable<T> {
    index: HashMap<u64, u32, BuildHasherDefault<IdentityHasher>>,
    /// (normalized word, value), indexed by the map; words whose hash
    /// collides with an earlier one are chained through `next`.
    slots: Vec<Slot<T>>,
    /// Longest key in bytes: longer words are not looked up.
    max_len: usize,
}

#[derive(Clone, Debug)]
struct Slot<T> {
    word: Box<str>,
    value: T,
    next: Option<u32>,
}

impl<T> Default for WordTable<T> {
    fn default() -> Self {
        WordTable {
            index: HashMap::default(),
            slots: Vec::new(),
            max_len: 0,
        }
    }
}

impl<T> WordTable<T> {
    /// The value stored for `word` (any case), inserting `make()` first if absent.
    pub fn entry(&mut self, word: &str, make: impl FnOnce() -> T) -> &mut T {
        let norm = normalize(word);
        let hash = norm_hash(&norm);
        let mut at = self.index.get(&hash).copied();
        let mut last = None;
        while let Some(i) = at {
            if *self.slots[i as usize].word == *norm {
                return &mut self.slots[i as usize].value;
            }
            last = Some(i);
            at = self.slots[i as usize].next;
        }
        let i = self.slots.len() as u32;
        self.max_len = self.max_len.max(norm.len());
        self.slots.push(Slot {
            word: norm.into_boxed_str(),
            value: make(),
            next: None,
        });
        match last {
            Some(prev) => self.slots[prev as usize].next = Some(i),
            None => {
                self.index.insert(hash, i);
            }
        }
        &mut self.slots[i as usize].value
    }

    /// The value for `word` as written in the text (any case, either apostrophe).
    #[inline]
    pub fn get(&self, word: &str) -> Option<&T> {
        if word.len() > self.max_len + 2 {
            // `’` is three bytes where the key has one `'`.
            return None;
        }
        let mut at = *self.index.get(&norm_hash(word))?;
        loop {
            let slot = &self.slots[at as usize];
            if norm_eq(word, &slot.word) {
                return Some(&slot.value);
            }
            at = slot.next?;
        }
    }

    /// Number of words stored.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_ignore_case_and_apostrophe_style() {
        let mut table = WordTable::default();
        *table.entry("Don't", || 0) += 1;
        *table.entry("said", || 0) += 5;
        *table.entry("ERDOĞAN", || 0) += 7;
        assert_eq!(table.get("DON’T"), Some(&1));
        assert_eq!(table.get("don't"), Some(&1));
        assert_eq!(table.get("Said"), Some(&5));
        assert_eq!(table.get("erdoğan"), Some(&7));
        assert_eq!(table.get("says"), None);
        assert_eq!(table.get("sai"), None);
        assert_eq!(table.len(), 3);
    }

    #[test]
    fn colliding_hashes_are_chained() {
        let mut table: WordTable<u32> = WordTable::default();
        table.entry("alpha", || 1);
        // Force a collision: point `beta`'s hash at alpha's slot chain.
        let alpha = table.index[&norm_hash("alpha")];
        table.index.insert(norm_hash("beta"), alpha);
        table.slots[alpha as usize].next = None;
        table.entry("beta", || 2);
        assert_eq!(table.get("alpha"), Some(&1));
        assert_eq!(table.get("beta"), Some(&2));
        assert_eq!(table.get("gamma"), None);
    }
}
