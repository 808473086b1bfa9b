//! Throughput of each stage and of the whole pipeline, in bytes per second.
//!
//! The target is 100 MB/s per core for `check_file` (parse + claims + all
//! rules). The corpus (`support::articles`) is the seed, the fixture
//! articles and the Wikinews development texts when present, repeated to
//! 4 MiB. Each stage runs article by article, as the CLI does:
//!
//! - `parse`: text → `Article`;
//! - `words`: the rules' shared word stream (`rules::words::Words`);
//! - `claims`: claim extraction over parsed articles;
//! - `rules`: every enabled rule over parsed articles and claims, the word
//!   stream included (it is built lazily by the first rule that needs it);
//! - `check_file`: all of the above, with sorting and deduplication;
//! - `check_file_one_text`: the same corpus as one 4 MiB text.
//!
//! Times are on-CPU time of the benchmark thread (`/proc/thread-self/schedstat`),
//! not wall-clock time, so that other processes on a shared machine do not
//! count against the pipeline; set `ATTRCHECK_BENCH_WALL=1` for wall-clock time.
//!
//! Run with `cargo bench --bench pipeline`; `docs/performance.md` has the
//! figures and the other measurements (memory, instructions, CLI).

#![allow(missing_docs)] // criterion_group! generates undocumented items

mod support;

use attrcheck::rules::words::Words;
use attrcheck::rules::RuleContext;
use attrcheck::source::SourceFile;
use attrcheck::Settings;
use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Instant;

const CORPUS_BYTES: usize = 4 << 20;

/// On-CPU time of the current thread in nanoseconds, from the kernel's
/// scheduler statistics; `None` where they are not available or when
/// `ATTRCHECK_BENCH_WALL` is set.
fn thread_cpu_ns() -> Option<f64> {
    if std::env::var_os("ATTRCHECK_BENCH_WALL").is_some() {
        return None;
    }
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// A criterion measurement of on-CPU time (wall-clock time as a fallback),
/// in nanoseconds, formatted like criterion's own wall-clock time.
struct OnCpu {
    wall: WallTime,
}

impl Measurement for OnCpu {
    type Intermediate = (Option<f64>, Instant);
    type Value = f64;

    fn start(&self) -> Self::Intermediate {
        (thread_cpu_ns(), Instant::now())
    }

    fn end(&self, (cpu, wall): Self::Intermediate) -> f64 {
        match (cpu, thread_cpu_ns()) {
            (Some(start), Some(end)) => end - start,
            _ => wall.elapsed().as_nanos() as f64,
        }
    }

    fn add(&self, a: &f64, b: &f64) -> f64 {
        a + b
    }

    fn zero(&self) -> f64 {
        0.0
    }

    fn to_f64(&self, value: &f64) -> f64 {
        *value
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        self.wall.formatter()
    }
}

fn stages(c: &mut Criterion<OnCpu>) {
    let corpus = support::articles();
    let texts = support::repeated(&corpus, CORPUS_BYTES);
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let settings = Settings::default();
    let sources: Vec<SourceFile> = texts
        .iter()
        .map(|t| SourceFile::new("article.txt", *t).expect("article fits in u32"))
        .collect();
    let articles: Vec<_> = texts
        .iter()
        .map(|t| attrcheck::parse::parse_article(t))
        .collect();
    let claims: Vec<_> = articles
        .iter()
        .zip(&texts)
        .map(|(a, t)| attrcheck::claims::extract(t, a, settings.lexicon))
        .collect();
    let one_text = support::joined(&corpus, CORPUS_BYTES);
    let one_source = SourceFile::new("corpus.txt", one_text.as_str()).expect("fits in u32");

    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("parse", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| attrcheck::parse::parse_article(black_box(t)).tokens.len())
                .sum::<usize>()
        })
    });
    group.bench_function("words", |b| {
        b.iter(|| {
            texts
                .iter()
                .zip(&articles)
                .map(|(t, a)| Words::new(black_box(t), a).items().len())
                .sum::<usize>()
        })
    });
    group.bench_function("claims", |b| {
        b.iter(|| {
            articles
                .iter()
                .zip(&texts)
                .map(|(a, t)| attrcheck::claims::extract(t, black_box(a), settings.lexicon).len())
                .sum::<usize>()
        })
    });
    group.bench_function("rules", |b| {
        b.iter(|| {
            let mut found = 0;
            for ((source, article), claims) in sources.iter().zip(&articles).zip(&claims) {
                let mut cx = RuleContext::new(source, article, claims, settings.lexicon)
                    .with_sources(&settings.sources);
                for rule in &settings.rules {
                    rule.check(&mut cx);
                }
                found += cx.into_diagnostics().len();
            }
            found
        })
    });
    group.bench_function("check_file", |b| {
        b.iter(|| {
            sources
                .iter()
                .map(|s| {
                    attrcheck::check_file(black_box(s), &settings)
                        .diagnostics
                        .len()
                })
                .sum::<usize>()
        })
    });
    group.throughput(Throughput::Bytes(one_text.len() as u64));
    group.bench_function("check_file_one_text", |b| {
        b.iter(|| attrcheck::check_file(black_box(&one_source), &settings))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(OnCpu { wall: WallTime });
    targets = stages
}
criterion_main!(benches);
