//! The cost of `quote-mismatch` (AC001) and `paraphrase-drift` (AC002) on a
//! large article: `check_file` with no rule (parse + claims) against
//! `check_file` with the two rules, and with the two rules plus a
//! `--source` document. The corpus is the pipeline bench's (the seed and
//! every fixture, repeated to about 4 MiB, as one article), so it holds
//! hundreds of posts and quotations that match each other; run with
//! `cargo bench --bench quotes`.

#![allow(missing_docs)] // criterion_group! generates undocumented items

use attrcheck::rules::{registry, select, Sources};
use attrcheck::source::SourceFile;
use attrcheck::Settings;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;

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

fn settings(codes: &[&str], sources: Vec<SourceFile>) -> Settings {
    let lexicon = attrcheck::lexicon::Lexicon::builtin();
    let codes: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
    let rules = if codes.is_empty() {
        Vec::new()
    } else {
        select(registry(), &codes, &[]).expect("known codes")
    };
    Settings {
        lexicon,
        rules,
        sources: Sources::new(sources, &lexicon.equivalents),
    }
}

fn quotes(c: &mut Criterion) {
    let text = corpus(4 << 20);
    let source = SourceFile::new("corpus.txt", text.clone()).expect("corpus fits in u32");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let transcript =
        std::fs::read_to_string(root.join("fixtures/rules/AC001/fail_transcript.source.txt"))
            .expect("fixture");
    let none = settings(&[], Vec::new());
    let two = settings(&["AC001", "AC002"], Vec::new());
    let with_source = settings(
        &["AC001", "AC002"],
        vec![SourceFile::new("transcript.txt", transcript).expect("small")],
    );

    let mut group = c.benchmark_group("quotes");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("check_file/no_rules", |b| {
        b.iter(|| attrcheck::check_file(black_box(&source), &none))
    });
    group.bench_function("check_file/AC001+AC002", |b| {
        b.iter(|| attrcheck::check_file(black_box(&source), &two))
    });
    group.bench_function("check_file/AC001+AC002+source", |b| {
        b.iter(|| attrcheck::check_file(black_box(&source), &with_source))
    });
    group.finish();
}

criterion_group!(benches, quotes);
criterion_main!(benches);
