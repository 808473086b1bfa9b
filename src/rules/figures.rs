//! Figures as news prose writes them: digits (`107`, `1,200`, `3.5`,
//! `30th`), number words (`three`, `twelve`, `twenty-five`, `thirtieth`)
//! and scale words (`1.2 million`), read into one comparable value.
//!
//! Values are kept in thousandths (`u128`), so `3.5` and `1.2 million` are
//! exact and no float comparison is needed.

use super::mentions::{Mentions, NameWord, Shape};

/// One thousandth: the unit of [`Figure::value`].
pub const UNIT: u128 = 1000;

/// A figure read from one or two words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figure {
    /// The value in thousandths (`3.5` → 3500).
    pub value: u128,
    /// How many words it takes (2 for `1.2 million`).
    pub len: usize,
    /// The rounding the writing implies, in thousandths: `900` and `1.2
    /// million` may stand for a nearby exact count (100 and 100,000 000
    /// thousandths); `107` and `three` stand for themselves (0).
    pub rounding: u128,
    /// Written as a word (`three`) rather than digits.
    pub spelled: bool,
}

/// Reads the digits of a number token: `107`, `1,200`, `3.5`, `30th`,
/// `2,500.75`. Trailing letters (ordinal suffixes, units glued on) are
/// ignored. Returns the value in thousandths and the number of decimals.
pub fn digits_value(written: &str) -> Option<(u128, u32)> {
    let mut int: u128 = 0;
    let mut frac: u128 = 0;
    let mut decimals = 0u32;
    let mut in_frac = false;
    let mut any = false;
    let bytes = written.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                any = true;
                let d = u128::from(b - b'0');
                if in_frac {
                    if decimals < 3 {
                        frac = frac * 10 + d;
                        decimals += 1;
                    }
                } else {
                    int = int.checked_mul(10)?.checked_add(d)?;
                }
            }
            // A thousands separator sits between digits.
            b',' if !in_frac && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => {}
            b'.' if !in_frac && any && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                in_frac = true;
            }
            _ => break,
        }
    }
    if !any {
        return None;
    }
    let frac_thousandths = frac * 10u128.pow(3 - decimals);
    Some((
        int.checked_mul(UNIT)?.checked_add(frac_thousandths)?,
        decimals,
    ))
}

/// The value of a number word (`three` → 3, `twelfth` → 12, `twenty-five`
/// → 25), and whether it is an ordinal.
pub fn number_word(norm: &str) -> Option<(u64, bool)> {
    if norm.len() > 6 && norm.as_bytes()[..7].contains(&b'-') {
        let (tens, units) = norm.split_once('-')?;
        let (t, t_ord) = simple_number_word(tens)?;
        let (u, ordinal) = simple_number_word(units)?;
        return (!t_ord && (20..=90).contains(&t) && t % 10 == 0 && (1..=9).contains(&u))
            .then_some((t + u, ordinal));
    }
    simple_number_word(norm)
}

fn simple_number_word(norm: &str) -> Option<(u64, bool)> {
    // Most words are rejected by their first letter or length alone.
    if !(3..=11).contains(&norm.len())
        || !matches!(
            norm.as_bytes()[0],
            b'e' | b'f' | b'n' | b'o' | b's' | b't' | b'z'
        )
    {
        return None;
    }
    Some(match norm {
        "zero" => (0, false),
        "one" => (1, false),
        "two" => (2, false),
        "three" => (3, false),
        "four" => (4, false),
        "five" => (5, false),
        "six" => (6, false),
        "seven" => (7, false),
        "eight" => (8, false),
        "nine" => (9, false),
        "ten" => (10, false),
        "eleven" => (11, false),
        "twelve" => (12, false),
        "thirteen" => (13, false),
        "fourteen" => (14, false),
        "fifteen" => (15, false),
        "sixteen" => (16, false),
        "seventeen" => (17, false),
        "eighteen" => (18, false),
        "nineteen" => (19, false),
        "twenty" => (20, false),
        "thirty" => (30, false),
        "forty" => (40, false),
        "fifty" => (50, false),
        "sixty" => (60, false),
        "seventy" => (70, false),
        "eighty" => (80, false),
        "ninety" => (90, false),
        "zeroth" => (0, true),
        "first" => (1, true),
        "second" => (2, true),
        "third" => (3, true),
        "fourth" => (4, true),
        "fifth" => (5, true),
        "sixth" => (6, true),
        "seventh" => (7, true),
        "eighth" => (8, true),
        "ninth" => (9, true),
        "tenth" => (10, true),
        "eleventh" => (11, true),
        "twelfth" => (12, true),
        "thirteenth" => (13, true),
        "fourteenth" => (14, true),
        "fifteenth" => (15, true),
        "sixteenth" => (16, true),
        "seventeenth" => (17, true),
        "eighteenth" => (18, true),
        "nineteenth" => (19, true),
        "twentieth" => (20, true),
        "thirtieth" => (30, true),
        "fortieth" => (40, true),
        "fiftieth" => (50, true),
        "sixtieth" => (60, true),
        "seventieth" => (70, true),
        "eightieth" => (80, true),
        "ninetieth" => (90, true),
        _ => return None,
    })
}

/// The multiplier of a scale word after a figure (`million`, `bn`).
pub fn scale_word(norm: &str) -> Option<u128> {
    Some(match norm {
        "hundred" => 100,
        "thousand" => 1_000,
        "million" | "mln" | "m" => 1_000_000,
        "billion" | "bn" | "b" => 1_000_000_000,
        "trillion" | "tn" => 1_000_000_000_000,
        _ => return None,
    })
}

/// The scale glued to a figure: `1.5bn`, `3tn`, and `20m`, `5k` after a
/// currency sign (`€20m`; a bare `100m` is more often metres).
fn glued_scale(written: &str, before: Option<char>) -> Option<u128> {
    let suffix = written.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    let currency = before.is_some_and(|c| matches!(c, '$' | '€' | '£' | '¥' | '₴' | '₽'));
    match suffix {
        "bn" => Some(1_000_000_000),
        "tn" | "trn" => Some(1_000_000_000_000),
        "m" | "mn" | "mln" if currency => Some(1_000_000),
        "k" if currency => Some(1_000),
        _ => None,
    }
}

/// Number words too vague or too common to be a figure someone checks:
/// `one` (a pronoun as often as a count), `first` and `second` (order and a
/// unit of time), `zero`.
pub fn is_vague_number_word(norm: &str) -> bool {
    matches!(norm, "one" | "first" | "second" | "zero" | "zeroth")
}

/// Reads the figure starting at `words[0]`, with a scale word after it
/// (`1.2 million`, `three million`). `None` when the word is no figure.
pub fn figure_at(m: &Mentions, words: &[NameWord], text: &str) -> Option<Figure> {
    let first = words.first()?;
    let (mut value, decimals, spelled) = if first.shape == Shape::Number {
        let written = first.span.text(text);
        let (v, d) = digits_value(written)?;
        let before = text[..first.span.start as usize].chars().next_back();
        match glued_scale(written, before) {
            // `$1.5bn` is rounded like `1.5 billion`.
            Some(scale) => {
                let value = v.checked_mul(scale)?;
                let rounding = scale / 10u128.pow(d) * UNIT;
                return Some(Figure {
                    value,
                    len: 1,
                    rounding,
                    spelled: false,
                });
            }
            None => (v, d, false),
        }
    } else {
        let (v, _) = number_word(m.norm(first))?;
        (u128::from(v) * UNIT, 0, true)
    };
    let mut len = 1;
    let mut rounding = 0;
    if let Some(scale) = words
        .get(1)
        .filter(|w| w.joined && w.shape == Shape::Lower)
        .and_then(|w| scale_word(m.norm(w)))
    {
        value = value.checked_mul(scale)?;
        len = 2;
        // `1.2 million` is rounded to its last written digit.
        rounding = scale / 10u128.pow(decimals) * UNIT;
    } else if !spelled && decimals == 0 {
        // `900`, `2,500`: a round count of three or more digits stands for
        // the nearby exact one, to its last non-zero digit.
        let int = value / UNIT;
        if int >= 100 {
            let mut unit = 1u128;
            let mut n = int;
            while n % 10 == 0 && n > 0 {
                n /= 10;
                unit *= 10;
            }
            if unit >= 100 {
                rounding = unit * UNIT;
            }
        }
    }
    Some(Figure {
        value,
        len,
        rounding,
        spelled,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits() {
        assert_eq!(digits_value("107"), Some((107_000, 0)));
        assert_eq!(digits_value("1,200"), Some((1_200_000, 0)));
        assert_eq!(digits_value("3.5"), Some((3_500, 1)));
        assert_eq!(digits_value("30th"), Some((30_000, 0)));
        assert_eq!(digits_value("2,500.75"), Some((2_500_750, 2)));
        assert_eq!(digits_value("2008."), Some((2_008_000, 0)));
        assert_eq!(digits_value("5G"), Some((5_000, 0)));
        assert_eq!(digits_value("x"), None);
        assert_eq!(digits_value(""), None);
        // Absurdly long digit runs do not overflow.
        assert_eq!(digits_value(&"9".repeat(60)), None);
    }

    #[test]
    fn words() {
        assert_eq!(number_word("three"), Some((3, false)));
        assert_eq!(number_word("twelve"), Some((12, false)));
        assert_eq!(number_word("twelfth"), Some((12, true)));
        assert_eq!(number_word("thirtieth"), Some((30, true)));
        assert_eq!(number_word("twenty-five"), Some((25, false)));
        assert_eq!(number_word("twenty-first"), Some((21, true)));
        assert_eq!(number_word("five-year"), None);
        assert_eq!(number_word("two-thirds"), None);
        assert_eq!(number_word("threes"), None);
    }

    fn figure(text: &str) -> Option<Figure> {
        let article = crate::parse::parse_article(text);
        let words = crate::rules::words::Words::new(text, &article);
        let m = crate::rules::mentions::Mentions::new(text, &words);
        figure_at(&m, &m.words, text)
    }

    #[test]
    fn figures_with_scale_and_rounding() {
        let f = figure("1.2 million people").unwrap();
        assert_eq!((f.value, f.len), (1_200_000_000, 2));
        assert_eq!(f.rounding, 100_000_000);
        let f = figure("3 million").unwrap();
        assert_eq!((f.value, f.rounding), (3_000_000_000, 1_000_000_000));
        let f = figure("900 seekers").unwrap();
        assert_eq!((f.value, f.len, f.rounding), (900_000, 1, 100_000));
        let f = figure("2,500").unwrap();
        assert_eq!(f.rounding, 100_000);
        let f = figure("107 killed").unwrap();
        assert_eq!(f.rounding, 0);
        let f = figure("30th anniversary").unwrap();
        assert_eq!((f.value, f.rounding), (30_000, 0));
        let f = figure("$1.5bn for").unwrap();
        assert_eq!(
            (f.value, f.len, f.rounding),
            (1_500_000_000_000, 1, 100_000_000_000)
        );
        let f = figure("€20m for").unwrap();
        assert_eq!(f.value, 20_000_000_000);
        let f = figure("100m race").unwrap();
        assert_eq!(f.value, 100_000);
        let f = figure("Three days").unwrap();
        assert_eq!((f.value, f.spelled), (3_000, true));
        assert_eq!(figure("Biden"), None);
    }
}
