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

/// Mixes one 8-byte chunk of normalized bytes into the hash.
#[inline(always)]
fn mix(h: u64, chunk: u64) -> u64 {
    (h.rotate_left(5) ^ chunk).wrapping_mul(K)
}

/// Lowercases the ASCII capitals of 8 bytes at once (SWAR); other bytes
/// pass unchanged.
#[inline(always)]
fn lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let ascii = !x & (ONES * 0x80);
    let x7 = x & (ONES * 0x7F);
    // High bit per byte: byte >= 'A' and byte <= 'Z' (7-bit, no carries).
    let ge_a = x7 + ONES * u64::from(0x80 - b'A');
    let gt_z = x7 + ONES * u64::from(0x7F - b'Z');
    let upper = ge_a & !gt_z & ascii;
    x | (upper >> 2)
}

/// The hash of the normalized form of `word`, computed without allocating:
/// the normalized bytes are read as little-endian 8-byte chunks (the last
/// one zero-padded) mixed in turn. ASCII words, the common case, are
/// lowercased eight bytes at a time.
#[inline]
pub fn norm_hash(word: &str) -> u64 {
    let mut h = 0u64;
    if word.is_ascii() {
        let bytes = word.as_bytes();
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            h = mix(h, lower8(u64::from_le_bytes(b)));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            h = mix(h, lower8(u64::from_le_bytes(b)));
        }
    } else {
        let mut chunk = [0u8; 8];
        let mut n = 0;
        for_each_norm_byte(word, |b| {
            chunk[n] = b;
            n += 1;
            if n == 8 {
                h = mix(h, u64::from_le_bytes(chunk));
                chunk = [0; 8];
                n = 0;
            }
        });
        if n > 0 {
            h = mix(h, u64::from_le_bytes(chunk));
        }
    }
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
    /// One bit per hash value modulo its size, set for every key: most
    /// words of a text are in no table, and the bit rejects them without a
    /// probe.
    filter: Box<[u64]>,
}

/// Bits in a [`WordTable`]'s filter: 2^16 (8 KiB), a few percent false
/// positives at a thousand keys.
const FILTER_BITS: u64 = 1 << 16;

#[inline(always)]
fn filter_bit(hash: u64) -> (usize, u64) {
    let bit = (hash >> 7) % FILTER_BITS;
    ((bit / 64) as usize, 1 << (bit % 64))
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
            filter: vec![0; (FILTER_BITS / 64) as usize].into_boxed_slice(),
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
        let (word, bit) = filter_bit(hash);
        self.filter[word] |= bit;
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
        self.get_hashed(word, norm_hash(word))
    }

    /// [`WordTable::get`] with the word's [`norm_hash`] already computed, so
    /// several tables can share one hash of a word.
    #[inline]
    pub fn get_hashed(&self, word: &str, hash: u64) -> Option<&T> {
        if word.len() > self.max_len + 2 {
            // `’` is three bytes where the key has one `'`.
            return None;
        }
        let (word_index, bit) = filter_bit(hash);
        if self.filter[word_index] & bit == 0 {
            return None;
        }
        let mut at = *self.index.get(&hash)?;
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
    fn ascii_and_general_hashes_agree() {
        for word in [
            "said",
            "SAID",
            "Acknowledged",
            "spokeswomen",
            "x",
            "a-very-long-word",
        ] {
            assert_eq!(norm_hash(word), norm_hash(&normalize(word)), "{word}");
        }
        // The general path (non-ASCII) hashes the same bytes the same way.
        assert_eq!(norm_hash("don’t"), norm_hash("don't"));
        assert_eq!(norm_hash("ÉTAT"), norm_hash("état"));
        assert_ne!(norm_hash("said"), norm_hash("says"));
        assert_eq!(
            lower8(u64::from_le_bytes(*b"AZ@[az`{")),
            u64::from_le_bytes(*b"az@[az`{")
        );
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
