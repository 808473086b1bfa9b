//! Measurements that criterion does not make: peak memory per input byte,
//! one stage run once for an instruction profiler, and how the pipeline
//! scales on pathological inputs.
//!
//! ```text
//! cargo bench --bench stages -- memory
//! cargo bench --bench stages -- run STAGE [INPUT] [KIB]
//! cargo bench --bench stages -- scaling [INPUT…]
//! cargo bench --bench stages -- list
//! ```
//!
//! `STAGE` is `parse`, `words`, `claims`, `rules` or `check_file`; `INPUT` is
//! `corpus` (the news corpus article by article, the default), `one-text`
//! (the corpus as one text) or a pathological input name
//! (`support::PATHOLOGICAL`). `run` does its setup, then calls the stage
//! once inside `measured_*` functions, so that
//! `valgrind --tool=callgrind --toggle-collect='*measured*'` counts only the
//! stage (see `benches/scaling.sh` and `docs/performance.md`).

mod support;

use attrcheck::claims::Claim;
use attrcheck::parse::Article;
use attrcheck::rules::words::Words;
use attrcheck::rules::RuleContext;
use attrcheck::source::SourceFile;
use attrcheck::Settings;
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// The system allocator, counting live and peak heap bytes.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call forwards to `System` with the caller's arguments; the
// counters only observe sizes.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            grow(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Relaxed);
            grow(new_size);
        }
        p
    }
}

fn grow(size: usize) {
    let live = LIVE.fetch_add(size, Relaxed) + size;
    PEAK.fetch_max(live, Relaxed);
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` and returns its result with the heap it used at its peak and
/// the heap its result keeps, both above what was live before.
fn heap<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let out = f();
    let peak = PEAK.load(Relaxed) - before;
    let kept = LIVE.load(Relaxed).saturating_sub(before);
    (out, peak, kept)
}

/// The inputs of one measurement: texts, parsed articles and claims.
struct Inputs {
    sources: Vec<SourceFile>,
}

impl Inputs {
    fn new(input: &str, kib: usize) -> Inputs {
        let len = kib << 10;
        let texts: Vec<String> = match input {
            "corpus" => support::repeated(&support::articles(), len)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            "one-text" => vec![support::joined(&support::articles(), len)],
            name => vec![support::pathological(name, len)],
        };
        Inputs {
            sources: texts
                .into_iter()
                .map(|t| SourceFile::new("input.txt", t).expect("fits in u32"))
                .collect(),
        }
    }

    fn bytes(&self) -> usize {
        self.sources.iter().map(|s| s.text().len()).sum()
    }

    fn parsed(&self) -> Vec<Article> {
        self.sources
            .iter()
            .map(|s| attrcheck::parse::parse_article(s.text()))
            .collect()
    }
}

fn claims_of(inputs: &Inputs, articles: &[Article], settings: &Settings) -> Vec<Vec<Claim>> {
    inputs
        .sources
        .iter()
        .zip(articles)
        .map(|(s, a)| attrcheck::claims::extract(s.text(), a, settings.lexicon))
        .collect()
}

#[inline(never)]
fn measured_parse(inputs: &Inputs) -> usize {
    inputs
        .sources
        .iter()
        .map(|s| {
            attrcheck::parse::parse_article(black_box(s.text()))
                .tokens
                .len()
        })
        .sum()
}

#[inline(never)]
fn measured_words(inputs: &Inputs, articles: &[Article]) -> usize {
    inputs
        .sources
        .iter()
        .zip(articles)
        .map(|(s, a)| Words::new(black_box(s.text()), a).items().len())
        .sum()
}

#[inline(never)]
fn measured_claims(inputs: &Inputs, articles: &[Article], settings: &Settings) -> usize {
    inputs
        .sources
        .iter()
        .zip(articles)
        .map(|(s, a)| attrcheck::claims::extract(s.text(), black_box(a), settings.lexicon).len())
        .sum()
}

#[inline(never)]
fn measured_rules(
    inputs: &Inputs,
    articles: &[Article],
    claims: &[Vec<Claim>],
    settings: &Settings,
) -> usize {
    let mut found = 0;
    for ((source, article), claims) in inputs.sources.iter().zip(articles).zip(claims) {
        let mut cx = RuleContext::new(source, article, claims, settings.lexicon)
            .with_sources(&settings.sources);
        for rule in &settings.rules {
            rule.check(&mut cx);
        }
        found += cx.into_diagnostics().len();
    }
    found
}

#[inline(never)]
fn measured_check_file(inputs: &Inputs, settings: &Settings) -> usize {
    inputs
        .sources
        .iter()
        .map(|s| {
            attrcheck::check_file(black_box(s), settings)
                .diagnostics
                .len()
        })
        .sum()
}

/// Runs `stage` once over `inputs` (setup excluded from `measured_*`).
fn run_stage(stage: &str, inputs: &Inputs, settings: &Settings) -> usize {
    match stage {
        "parse" => measured_parse(inputs),
        "words" => measured_words(inputs, &inputs.parsed()),
        "claims" => measured_claims(inputs, &inputs.parsed(), settings),
        "rules" => {
            let articles = inputs.parsed();
            let claims = claims_of(inputs, &articles, settings);
            measured_rules(inputs, &articles, &claims, settings)
        }
        "check_file" => measured_check_file(inputs, settings),
        other => {
            eprintln!("unknown stage {other}: parse, words, claims, rules, check_file");
            std::process::exit(2);
        }
    }
}

/// `memory`: peak heap per input byte of each stage, on the corpus article
/// by article (the largest ratio of any article) and as one text.
fn memory(settings: &Settings) {
    // Load the lexicons and rules before measuring: they are loaded once
    // per process, not per article.
    let warm = SourceFile::new("warm.txt", "“Warm up,” he said.").expect("small");
    black_box(attrcheck::check_file(&warm, settings));
    println!("peak heap above the input, in bytes per input byte (kept = what the result holds)");
    for input in ["corpus", "one-text"] {
        let inputs = Inputs::new(input, 4096);
        let mut worst: [(f64, f64); 3] = [(0.0, 0.0); 3];
        let mut total: [(usize, usize); 3] = [(0, 0); 3];
        for source in &inputs.sources {
            let len = source.text().len() as f64;
            let (article, p_peak, p_kept) = heap(|| attrcheck::parse::parse_article(source.text()));
            let (words, w_peak, w_kept) = heap(|| Words::new(source.text(), &article));
            drop(words);
            drop(article);
            let (report, c_peak, c_kept) = heap(|| attrcheck::check_file(source, settings));
            drop(report);
            for (k, (peak, kept)) in [(p_peak, p_kept), (w_peak, w_kept), (c_peak, c_kept)]
                .into_iter()
                .enumerate()
            {
                worst[k].0 = worst[k].0.max(peak as f64 / len);
                worst[k].1 = worst[k].1.max(kept as f64 / len);
                total[k].0 += peak;
                total[k].1 += kept;
            }
        }
        let bytes = inputs.bytes() as f64;
        for (k, stage) in ["parse", "words", "check_file"].iter().enumerate() {
            if input == "corpus" {
                println!(
                    "{input:>8} {stage:<10} mean peak {:5.2} B/B, kept {:5.2} B/B; worst article peak {:5.2} B/B, kept {:5.2} B/B",
                    total[k].0 as f64 / bytes,
                    total[k].1 as f64 / bytes,
                    worst[k].0,
                    worst[k].1
                );
            } else {
                println!(
                    "{input:>8} {stage:<10} {:.1} MiB: peak {:5.2} B/B, kept {:5.2} B/B",
                    bytes / f64::from(1 << 20),
                    worst[k].0,
                    worst[k].1
                );
            }
        }
    }
}

/// `scaling`: check_file on each pathological input at 1, 2 and 4 MiB; prints
/// ns per byte (best of 3) and the growth ratio from 1 to 4 MiB, which stays
/// near 1 for linear work. Wall-clock, so noisy on a shared machine;
/// `benches/scaling.sh` does the same with instruction counts.
fn scaling(settings: &Settings, names: &[String]) {
    let names: Vec<&str> = if names.is_empty() {
        support::PATHOLOGICAL.to_vec()
    } else {
        names.iter().map(String::as_str).collect()
    };
    println!("check_file, ns per byte at 1 / 2 / 4 MiB (best of 3), and the 4-to-1 ratio");
    let mut worst = (0.0f64, "");
    for name in names {
        let mut per_byte = Vec::new();
        for mib in [1, 2, 4] {
            let text = support::pathological(name, mib << 20);
            let source = SourceFile::new("input.txt", text).expect("fits in u32");
            let mut best = f64::MAX;
            for _ in 0..3 {
                let start = Instant::now();
                black_box(attrcheck::check_file(&source, settings));
                best = best.min(start.elapsed().as_secs_f64());
            }
            per_byte.push(best * 1e9 / source.text().len() as f64);
        }
        let ratio = per_byte[2] / per_byte[0];
        if ratio > worst.0 {
            worst = (ratio, name);
        }
        println!(
            "{name:<28} {:7.2} {:7.2} {:7.2}  x{ratio:.2}",
            per_byte[0], per_byte[1], per_byte[2]
        );
    }
    println!("largest ratio: x{:.2} ({})", worst.0, worst.1);
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let mut settings = Settings::default();
    // `ATTRCHECK_BENCH_RULES=name-spelling,AC006` keeps only those rules (by
    // name or code), to measure one rule with what it builds lazily.
    if let Ok(only) = std::env::var("ATTRCHECK_BENCH_RULES") {
        let only: Vec<&str> = only.split(',').map(str::trim).collect();
        settings.rules.retain(|rule| {
            let meta = rule.meta();
            only.contains(&meta.name) || only.contains(&meta.code)
        });
    }
    match args.first().map(String::as_str) {
        Some("memory") | None => memory(&settings),
        Some("run") => {
            let stage = args.get(1).map_or("check_file", String::as_str);
            let input = args.get(2).map_or("corpus", String::as_str);
            let kib = args.get(3).and_then(|m| m.parse().ok()).unwrap_or(4096);
            let inputs = Inputs::new(input, kib);
            let out = run_stage(stage, &inputs, &settings);
            println!("{stage} over {input}: {} bytes ({out})", inputs.bytes());
        }
        Some("scaling") => scaling(&settings, &args[1..]),
        Some("list") => {
            for name in support::PATHOLOGICAL {
                println!("{name}");
            }
        }
        Some(other) => {
            eprintln!("unknown command {other}: memory, run, scaling, list");
            std::process::exit(2);
        }
    }
}
