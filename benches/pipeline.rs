//! Throughput of each stage and of the whole pipeline, in bytes per second.
//!
//! The target is 100 MB/s per core for `check_file` (parse + claims + all
//! rules). The corpus is the seed article and every fixture in the
//! repository, repeated to about 4 MiB so the numbers are not dominated by
//! per-file setup; run with `cargo bench --bench pipeline`.

#![allow(missing_docs)] // criterion_group! generates undocumented items

use attrcheck::source::SourceFile;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;

/// Reads every `.txt`/`.md` under `dir`, recursively, in sorted order.
fn collect(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "md")
        ) {
            if let Ok(text) = std::fs::read_to_string(&path) {
                out.push(text);
            }
        }
    }
}

/// One large article-like text: every corpus article separated by blank lines.
fn corpus(target_len: usize) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut articles = Vec::new();
    collect(&root.join("seeds"), &mut articles);
    collect(&root.join("fixtures"), &mut articles);
    let mut text = String::with_capacity(target_len + 64 * 1024);
    while text.len() < target_len {
        for article in &articles {
            text.push_str(article);
            text.push_str("\n\n");
        }
    }
    text
}

fn stages(c: &mut Criterion) {
    let text = corpus(4 << 20);
    let settings = attrcheck::Settings::default();
    let source = SourceFile::new("corpus.txt", text.clone()).expect("corpus fits in u32");
    let article = attrcheck::parse::parse_article(&text);

    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("parse", |b| {
        b.iter(|| attrcheck::parse::parse_article(black_box(&text)))
    });
    group.bench_function("claims", |b| {
        b.iter(|| {
            attrcheck::claims::extract(black_box(&text), black_box(&article), settings.lexicon)
        })
    });
    group.bench_function("check_file", |b| {
        b.iter(|| attrcheck::check_file(black_box(&source), &settings))
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
