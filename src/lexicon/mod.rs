//! Lexicons: the word lists behind claim extraction and the rules, loaded
//! once from `rules/lexicons/*.json` (embedded in the binary) into lookup
//! tables.

use std::sync::OnceLock;

/// All lexicons, loaded once and shared read-only by every file's analysis.
#[derive(Debug, Default)]
pub struct Lexicon {}

impl Lexicon {
    /// The built-in lexicons embedded in the binary, parsed on first use.
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN: OnceLock<Lexicon> = OnceLock::new();
        BUILTIN.get_or_init(Lexicon::default)
    }
}
