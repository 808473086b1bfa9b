//! Parser tests: span invariants on every fixture, the seed and the Wikinews
//! dev texts; exact expectations on the seed and the fixtures; a readable
//! snapshot of each parse; property tests on arbitrary text; a throughput
//! measurement (`cargo test --release --test parse -- --ignored --nocapture`).

use attrcheck::parse::{parse_article, Article, BlockKind, ParseIssueKind, QuoteStyle, TokenKind};
use attrcheck::source::Span;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seed() -> String {
    read(&root().join("seeds/unn-2021-12-31-biden-zelensky.txt"))
}

fn fixture(name: &str) -> String {
    read(&root().join("fixtures/parse").join(name))
}

/// The `.txt` files of a directory, sorted.
fn texts_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
}

/// The Wikinews dev texts, read from `../shared/eval/` (never copied here).
fn wikinews() -> Vec<PathBuf> {
    let dir = root().join("../shared/eval/wikinews-dev");
    let paths = texts_in(&dir);
    if paths.is_empty() {
        eprintln!("skipping Wikinews texts: {} is absent", dir.display());
    }
    paths
}

// ---------------------------------------------------------------- invariants

/// Checks that a span is in bounds, on char boundaries and (if `nonempty`)
/// covers at least one byte.
fn check_span(text: &str, span: Span, nonempty: bool, what: &str) -> Result<(), String> {
    let (s, e) = (span.start as usize, span.end as usize);
    if s > e || e > text.len() {
        return Err(format!("{what} {span:?} out of bounds ({})", text.len()));
    }
    if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return Err(format!("{what} {span:?} not on char boundaries"));
    }
    if nonempty && s == e {
        return Err(format!("{what} {span:?} is empty"));
    }
    Ok(())
}

fn ensure(ok: bool, message: impl FnOnce() -> String) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(message())
    }
}

/// Every structural invariant of an [`Article`].
fn invariants(text: &str, a: &Article) -> Result<(), String> {
    let slice = |span: Span| span.text(text);
    // Blocks: in order, disjoint, trimmed, covering every non-blank char.
    let mut prev_end = 0;
    for (b, block) in a.blocks.iter().enumerate() {
        check_span(text, block.span, true, "block")?;
        ensure(block.span.start >= prev_end, || {
            format!("block {b} overlaps")
        })?;
        ensure(slice(block.span).trim() == slice(block.span), || {
            format!("block {b} not trimmed")
        })?;
        ensure(
            text[prev_end as usize..block.span.start as usize]
                .trim()
                .is_empty(),
            || format!("text before block {b} is in no block"),
        )?;
        prev_end = block.span.end;
        for s in block.sentences.clone() {
            let sentence = a.sentences.get(s as usize).ok_or("sentence index")?;
            ensure(sentence.block == b as u32, || format!("sentence {s} block"))?;
            ensure(block.span.contains(sentence.span), || {
                format!("sentence {s} outside block {b}")
            })?;
        }
    }
    ensure(text[prev_end as usize..].trim().is_empty(), || {
        "text after the last block".into()
    })?;
    // Sentences: in order, disjoint, each spanning exactly its tokens.
    let mut prev_end = 0;
    let mut next_token = 0;
    for (s, sentence) in a.sentences.iter().enumerate() {
        check_span(text, sentence.span, true, "sentence")?;
        ensure(sentence.span.start >= prev_end, || {
            format!("sentence {s} overlaps")
        })?;
        prev_end = sentence.span.end;
        let tokens = a.sentence_tokens(sentence);
        ensure(!tokens.is_empty(), || format!("sentence {s} has no tokens"))?;
        ensure(sentence.tokens.start >= next_token, || {
            format!("sentence {s} token order")
        })?;
        next_token = sentence.tokens.end;
        ensure(tokens[0].span.start == sentence.span.start, || {
            format!("sentence {s} does not start at its first token")
        })?;
        ensure(
            tokens[tokens.len() - 1].span.end == sentence.span.end,
            || format!("sentence {s} does not end at its last token"),
        )?;
        let block = &a.blocks[sentence.block as usize];
        ensure(block.sentences.contains(&(s as u32)), || {
            format!("sentence {s} not listed")
        })?;
    }
    // Tokens: in order, disjoint, no whitespace inside, covering every
    // printable char of every block.
    let mut prev_end = 0u32;
    for (t, token) in a.tokens.iter().enumerate() {
        check_span(text, token.span, true, "token")?;
        ensure(token.span.start >= prev_end, || {
            format!("token {t} overlaps")
        })?;
        let gap = &text[prev_end as usize..token.span.start as usize];
        ensure(
            gap.chars().all(|c| c.is_whitespace() || c.is_control()),
            || format!("untokenised text {gap:?} before token {t}"),
        )?;
        ensure(!slice(token.span).contains(char::is_whitespace), || {
            format!("token {t} {:?} contains whitespace", slice(token.span))
        })?;
        prev_end = token.span.end;
        let b = a.block_at(token.span.start).ok_or("token outside blocks")?;
        ensure(a.blocks[b as usize].span.contains(token.span), || {
            format!("token {t} crosses a block")
        })?;
    }
    // Quotes: properly nested, marks where they claim to be.
    for (q, quote) in a.quotes.iter().enumerate() {
        check_span(text, quote.span, true, "quote")?;
        check_span(text, quote.inner, false, "quote inner")?;
        ensure(quote.span.contains(quote.inner), || {
            format!("quote {q} inner outside")
        })?;
        ensure(quote.span.start < quote.inner.start, || {
            format!("quote {q} has no opening mark")
        })?;
        if quote.closed {
            ensure(quote.inner.end < quote.span.end, || {
                format!("quote {q} has no closing mark")
            })?;
        }
        let b = a.block_at(quote.span.start).ok_or("quote outside blocks")?;
        ensure(a.blocks[b as usize].span.contains(quote.span), || {
            format!("quote {q} crosses a block")
        })?;
        for (kind, mark) in [("opening", Span::new(quote.span.start, quote.inner.start))]
            .into_iter()
            .chain(
                quote
                    .closed
                    .then(|| ("closing", Span::new(quote.inner.end, quote.span.end))),
            )
        {
            let t = a.token_at(mark.start).ok_or("mark token")?;
            let token = a.tokens[t as usize];
            ensure(
                token.span == mark && token.kind == TokenKind::QuoteMark,
                || format!("quote {q} {kind} mark {mark:?} is not a quote-mark token"),
            )?;
        }
        if let Some(p) = quote.parent {
            let parent = a.quotes.get(p as usize).ok_or("parent index")?;
            ensure((p as usize) < q, || format!("quote {q} parent after it"))?;
            ensure(parent.inner.contains(quote.span), || {
                format!("quote {q} outside parent")
            })?;
            ensure(quote.depth == parent.depth + 1, || {
                format!("quote {q} depth")
            })?;
        } else {
            ensure(quote.depth == 0, || {
                format!("quote {q} depth without parent")
            })?;
        }
        if let Some(c) = quote.continues {
            let previous = a.quotes.get(c as usize).ok_or("continues index")?;
            ensure((c as usize) < q && !previous.closed, || {
                format!("quote {q} continues")
            })?;
        }
        for insertion in &quote.insertions {
            check_span(text, *insertion, true, "insertion")?;
            ensure(quote.inner.contains(*insertion), || {
                format!("quote {q} insertion outside")
            })?;
        }
        // Later quotes either nest in this one or start after it.
        if let Some(next) = a.quotes.get(q + 1) {
            ensure(
                next.span.start >= quote.span.end || quote.span.contains(next.span),
                || format!("quotes {q} and {} cross", q + 1),
            )?;
            ensure(next.span.start > quote.span.start, || {
                format!("quote {q} order")
            })?;
        }
    }
    // Every quote-mark token is a mark of a quote or a stray one with an issue.
    for token in a.tokens.iter().filter(|t| t.kind == TokenKind::QuoteMark) {
        let of_quote = a.quotes.iter().any(|q| {
            q.span.start == token.span.start || (q.closed && q.span.end == token.span.end)
        });
        let stray = a.issues.iter().any(|i| i.span == token.span);
        ensure(of_quote || stray, || {
            format!("orphan quote mark {:?}", token.span)
        })?;
    }
    for issue in &a.issues {
        check_span(text, issue.span, true, "issue")?;
    }
    for post in &a.posts {
        for (what, span) in [
            ("post", post.span),
            ("post text", post.text),
            ("signature", post.signature),
        ] {
            check_span(text, span, true, what)?;
        }
        ensure(
            post.span.contains(post.text) && post.span.contains(post.signature),
            || "post parts".into(),
        )?;
        for span in post.author.iter().chain(&post.handle) {
            ensure(post.signature.contains(*span), || {
                "signature part outside".into()
            })?;
        }
        if let Some(handle) = post.handle {
            ensure(slice(handle).starts_with('@'), || "handle without @".into())?;
        }
    }
    for date in a
        .dates
        .iter()
        .chain(a.posts.iter().filter_map(|p| p.date.as_ref()))
    {
        check_span(text, date.span, true, "date")?;
        ensure(
            (1..=12).contains(&date.month) && (1..=31).contains(&date.day),
            || format!("date {:?} values", date.span),
        )?;
        if let Some(w) = date.weekday {
            ensure(date.span.contains(w.span) && w.weekday < 7, || {
                "weekday".into()
            })?;
        }
    }
    ensure(
        a.dates.windows(2).all(|w| w[0].span.end <= w[1].span.start),
        || "dates overlap or out of order".into(),
    )?;
    if let Some(d) = &a.dateline {
        check_span(text, d.span, true, "dateline")?;
        let b = a.block_at(d.span.start).ok_or("dateline outside blocks")?;
        ensure(a.blocks[b as usize].span.start == d.span.start, || {
            "dateline does not start its block".into()
        })?;
        for span in d
            .place
            .iter()
            .chain(d.agency.iter())
            .chain(d.date.iter().map(|m| &m.span))
        {
            ensure(d.span.contains(*span), || "dateline part outside".into())?;
        }
        ensure(a.sentences.iter().all(|s| !s.span.overlaps(d.span)), || {
            "a sentence overlaps the dateline".into()
        })?;
    }
    if let Some(h) = a.headline {
        ensure(
            a.blocks
                .first()
                .is_some_and(|b| b.span == h && b.kind == BlockKind::Headline),
            || "headline is not the first block".into(),
        )?;
    }
    Ok(())
}

fn assert_invariants(name: &str, text: &str) -> Article {
    let article = parse_article(text);
    if let Err(message) = invariants(text, &article) {
        panic!("{name}: {message}");
    }
    article
}

// ---------------------------------------------------------------- dump

/// One line per node: kind, span, text.
fn dump(text: &str, a: &Article) -> String {
    let q = |span: Span| format!("{:?}", span.text(text));
    let mut out = String::new();
    if let Some(h) = a.headline {
        writeln!(out, "headline {h:?} {}", q(h)).unwrap();
    }
    if let Some(b) = &a.byline {
        let aff = b.affiliation.map_or("-".into(), q);
        writeln!(
            out,
            "byline {:?} name={} affiliation={aff}",
            b.span,
            q(b.name)
        )
        .unwrap();
    }
    if let Some(d) = &a.dateline {
        writeln!(
            out,
            "dateline {:?} {} place={} date={} agency={}",
            d.span,
            q(d.span),
            d.place.map_or("-".into(), q),
            d.date.as_ref().map_or("-".into(), |m| q(m.span)),
            d.agency.map_or("-".into(), q),
        )
        .unwrap();
    }
    for block in &a.blocks {
        writeln!(out, "{:?} {:?}", block.kind, block.span).unwrap();
        for sentence in a.block_sentences(block) {
            writeln!(out, "  sentence {:?} {}", sentence.span, q(sentence.span)).unwrap();
            let tokens: Vec<String> = a
                .sentence_tokens(sentence)
                .iter()
                .map(|t| {
                    let kind = match t.kind {
                        TokenKind::Word => "",
                        TokenKind::Number => "#",
                        TokenKind::QuoteMark => "q:",
                        TokenKind::Dash => "d:",
                        TokenKind::Handle => "h:",
                        TokenKind::Url => "u:",
                        TokenKind::Punct => "p:",
                    };
                    format!("{kind}{}", t.span.text(text))
                })
                .collect();
            writeln!(out, "    {}", tokens.join(" ")).unwrap();
        }
    }
    for (i, quote) in a.quotes.iter().enumerate() {
        writeln!(
            out,
            "quote {i} {:?} {:?} depth={} parent={:?} closed={} continues={:?} {}",
            quote.style,
            quote.span,
            quote.depth,
            quote.parent,
            quote.closed,
            quote.continues,
            q(quote.span)
        )
        .unwrap();
        for insertion in &quote.insertions {
            writeln!(out, "  insertion {insertion:?} {}", q(*insertion)).unwrap();
        }
    }
    for post in &a.posts {
        writeln!(
            out,
            "post {:?} author={} handle={} date={} text={}",
            post.span,
            post.author.map_or("-".into(), q),
            post.handle.map_or("-".into(), q),
            post.date.as_ref().map_or("-".into(), |d| format!(
                "{}-{:02}-{:02}",
                d.year.map_or("?".into(), |y| y.to_string()),
                d.month,
                d.day
            )),
            q(post.text)
        )
        .unwrap();
    }
    for date in &a.dates {
        writeln!(
            out,
            "date {:?} {} = {}-{:02}-{:02}{}",
            date.span,
            q(date.span),
            date.year.map_or("????".into(), |y| y.to_string()),
            date.month,
            date.day,
            date.weekday.map_or(String::new(), |w| format!(
                " weekday={} {}",
                w.weekday,
                q(w.span)
            ))
        )
        .unwrap();
    }
    for issue in &a.issues {
        writeln!(
            out,
            "issue {:?} {:?} {}",
            issue.kind,
            issue.span,
            q(issue.span)
        )
        .unwrap();
    }
    writeln!(
        out,
        "year-hint {:?} month-hint {:?}",
        a.year_hint(),
        a.month_hint()
    )
    .unwrap();
    out
}

// ---------------------------------------------------------------- the seed

#[test]
fn seed_dump() {
    let text = seed();
    let a = assert_invariants("seed", &text);
    println!("{}", dump(&text, &a));
}

#[test]
fn wikinews_invariants() {
    for path in wikinews() {
        let text = read(&path);
        let a = assert_invariants(&path.display().to_string(), &text);
        if std::env::var_os("DUMP_PARSE").is_some() {
            let out = std::env::temp_dir()
                .join(path.file_name().unwrap())
                .with_extension("dump");
            std::fs::write(out, dump(&text, &a)).unwrap();
        }
    }
}

/// Parser throughput on ~20 MB of news text (the seed, the fixtures and the
/// Wikinews texts when present, repeated). Run in release:
/// `cargo test --release --test parse -- --ignored --nocapture throughput`.
#[test]
#[ignore = "measurement; run in release"]
fn throughput() {
    let mut corpus = vec![seed()];
    corpus.extend(
        texts_in(&root().join("fixtures/parse"))
            .iter()
            .map(|p| read(p)),
    );
    corpus.extend(wikinews().iter().map(|p| read(p)));
    let mut articles = Vec::new();
    let mut total = 0;
    while total < 20 << 20 {
        for text in &corpus {
            total += text.len();
            articles.push(text.as_str());
        }
    }
    let joined = articles.join("\n\n");
    let measure = |label: &str, run: &dyn Fn() -> usize| {
        let (mut wall, mut cpu) = (f64::MAX, f64::MAX);
        let mut sink = 0;
        for _ in 0..5 {
            let (start, cpu_start) = (std::time::Instant::now(), thread_cpu_seconds());
            sink += run();
            wall = wall.min(start.elapsed().as_secs_f64());
            cpu = cpu.min(thread_cpu_seconds() - cpu_start);
        }
        let mb = joined.len() as f64 / 1e6;
        println!(
            "{label}: {mb:.1} MB, best of 5: wall {:.0} ms = {:.0} MB/s, on-CPU {:.0} ms = {:.0} MB/s ({sink} tokens)",
            wall * 1e3,
            mb / wall,
            cpu * 1e3,
            mb / cpu
        );
    };
    // Reference points for this machine: a plain whitespace split.
    measure("baseline str::split_whitespace", &|| {
        joined.split_whitespace().count()
    });
    measure("one 20 MB text", &|| parse_article(&joined).tokens.len());
    measure("article by article", &|| {
        articles.iter().map(|a| parse_article(a).tokens.len()).sum()
    });
}

/// Time this thread has spent on a CPU (Linux `schedstat`), so that the
/// figure is not skewed by other processes on a shared machine; wall-clock
/// time elsewhere.
fn thread_cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or_else(
            || {
                static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
                START
                    .get_or_init(std::time::Instant::now)
                    .elapsed()
                    .as_secs_f64()
            },
            |ns| ns / 1e9,
        )
}
