//! Figures as news prose writes them: digits (`107`, `1,200`, `3.5`,
//! `30th`), number words (`three`, `twelve`, `twenty-five`, `thirtieth`)
//! and scale words (`1.2 million`), read into one comparable value.
//!
//! Values are kept in thousandths (`u128`), so `3.5` and `1.2 million` are
//! exact and no float comparison is needed.

use super::mentions::{NameWord, Shape};

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
    if let Some((tens, units)) = norm.split_once('-') {
        let (t, t_ord) = simple_number_word(tens)?;
        let (u, ordinal) = simple_number_word(units)?;
        return (!t_ord && (20..=90).contains(&t) && t % 10 == 0 && (1..=9).contains(&u))
            .then_some((t + u, ordinal));
    }
    simple_number_word(norm)
}

fn simple_number_word(norm: &str) -> Option<(u64, bool)> {
    const CARDINALS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const ORDINALS: &[&str] = &[
        "zeroth",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS: &[(&str, &str, u64)] = &[
        ("twenty", "twentieth", 20),
        ("thirty", "thirtieth", 30),
        ("forty", "fortieth", 40),
        ("fifty", "fiftieth", 50),
        ("sixty", "sixtieth", 60),
        ("seventy", "seventieth", 70),
        ("eighty", "eightieth", 80),
        ("ninety", "ninetieth", 90),
    ];
    if let Some(i) = CARDINALS.iter().position(|w| *w == norm) {
        return Some((i as u64, false));
    }
    if let Some(i) = ORDINALS.iter().position(|w| *w == norm) {
        return Some((i as u64, true));
    }
    TENS.iter().find_map(|&(c, o, v)| {
        if c == norm {
            Some((v, false))
        } else if o == norm {
            Some((v, true))
        } else {
            None
        }
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

/// Number words too vague or too common to be a figure someone checks:
/// `one` (a pronoun as often as a count), `first` and `second` (order and a
/// unit of time), `zero`.
pub fn is_vague_number_word(norm: &str) -> bool {
    matches!(norm, "one" | "first" | "second" | "zero" | "zeroth")
}

/// Reads the figure starting at `words[0]`, with a scale word after it
/// (`1.2 million`, `three million`). `None` when the word is no figure.
pub fn figure_at(words: &[NameWord<'_>], text: &str) -> Option<Figure> {
    let first = words.first()?;
    let (mut value, decimals, spelled) = if first.shape == Shape::Number {
        let (v, d) = digits_value(first.span.text(text))?;
        (v, d, false)
    } else {
        let (v, _) = number_word(first.norm)?;
        (u128::from(v) * UNIT, 0, true)
    };
    let mut len = 1;
    let mut rounding = 0;
    if let Some(scale) = words
        .get(1)
        .filter(|w| w.joined && w.shape == Shape::Lower)
        .and_then(|w| scale_word(w.norm))
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
        figure_at(&m.words, text)
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
        let f = figure("Three days").unwrap();
        assert_eq!((f.value, f.spelled), (3_000, true));
        assert_eq!(figure("Biden"), None);
    }
}
