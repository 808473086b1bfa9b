//! Claim extraction: the seed's acceptance test on the `--format json`
//! output (issue 2), a snapshot of its `--claims` table, and one fixture per
//! pattern of news prose (`fixtures/claims/*.txt`) with its exact expected
//! claims.

use attrcheck::claims::{self, Attribution, Claim, ClaimKind};
use attrcheck::lexicon::Lexicon;
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

const SEED: &str = "seeds/unn-2021-12-31-biden-zelensky.txt";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn attrcheck(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_attrcheck"))
        .args(args)
        .current_dir(repo())
        .env("TERM", "dumb")
        .output()
        .expect("attrcheck runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn text(v: &Value) -> &str {
    v["text"].as_str().unwrap_or("")
}

fn contents(claim: &Value) -> Vec<&str> {
    claim["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect()
}

fn chain(claim: &Value) -> Vec<(String, String, bool)> {
    claim["chain"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["role"].as_str().unwrap().to_owned(),
                text(l).to_owned(),
                l["anonymous"].as_bool().unwrap(),
            )
        })
        .collect()
}

/// The claim whose first content fragment starts with `prefix`.
fn claim<'a>(claims: &'a [Value], prefix: &str) -> &'a Value {
    claims
        .iter()
        .find(|c| contents(c).first().is_some_and(|t| t.starts_with(prefix)))
        .unwrap_or_else(|| panic!("no claim starting with {prefix:?}"))
}

fn link(role: &str, text: &str, anonymous: bool) -> (String, String, bool) {
    (role.to_owned(), text.to_owned(), anonymous)
}

#[test]
fn seed_acceptance_on_the_json_output() {
    let out = attrcheck(&["--format", "json", SEED]);
    let doc: Value = serde_json::from_str(&out).expect("JSON");
    let article = &doc["files"][0]["article"];
    let claims = article["claims"].as_array().unwrap();

    // The first paragraph: two sentences inherited from `This was reported
    // on Twitter by …, citing …, reports UNN`, with a three-step chain.
    for prefix in [
        "American leader Joe Biden will hold talks",
        "The leaders will discuss the military buildup",
    ] {
        let c = claim(claims, prefix);
        assert_eq!(c["kind"], "indirect", "{prefix}");
        assert_eq!(c["attribution"], "inherited", "{prefix}");
        assert_eq!(text(&c["speaker"]), "AP journalist Darlene Superville");
        assert_eq!(text(&c["speaker"]["name"]), "Darlene Superville");
        assert_eq!(text(&c["speaker"]["role"]), "AP journalist");
        assert_eq!(c["speaker"]["anonymous"], false);
        assert_eq!(text(&c["cue"]), "was reported on Twitter");
        assert_eq!(
            chain(c),
            [
                link("publisher", "UNN", false),
                link("medium", "AP journalist Darlene Superville", false),
                link("source", "a source in the White House", true),
            ]
        );
        let links = c["chain"].as_array().unwrap();
        assert_eq!(text(&links[0]["cue"]), "reports");
        assert_eq!(text(&links[1]["channel"]), "on Twitter");
        assert_eq!(text(&links[2]["cue"]), "citing");
    }
    let first = claim(claims, "American leader");
    assert_eq!(
        contents(first),
        ["American leader Joe Biden will hold talks with Ukrainian President Vladimir Zelensky on January 2, Sunday"]
    );
    // The attribution sentence itself is no claim of its own.
    assert!(claims.iter().all(|c| !contents(c)
        .iter()
        .any(|t| t.starts_with("This was reported"))));

    // `Quote`: a direct claim whose speaker is the message, resolved to the post.
    let quote = claim(claims, "“The White House informs");
    assert_eq!(quote["kind"], "direct");
    assert_eq!(quote["attribution"], "explicit");
    assert_eq!(
        contents(quote),
        ["“The White House informs that Biden will hold talks with the leader of Ukraine on Sunday (January 2 – ed.) to confirm US support for the sovereignty/territorial integrity of Ukraine,”"]
    );
    assert_eq!(text(&quote["speaker"]), "the message");
    assert_eq!(quote["speaker"]["kind"], "document");
    assert_eq!(
        quote["speaker"]["resolved"], article["posts"][0]["text"],
        "the message is the embedded post"
    );
    assert_eq!(text(&quote["cue"]), "reads");

    // `Details`: reported speech with the partial quote — mixed.
    let details = claim(claims, "that the parties will discuss");
    assert_eq!(details["kind"], "mixed");
    assert_eq!(text(&details["speaker"]), "The journalist’s post");
    assert_eq!(details["speaker"]["resolved"], article["posts"][0]["text"]);
    assert_eq!(text(&details["cue"]), "also says");
    let content = contents(details)[0];
    assert!(
        content.ends_with("and “will consider preparations for the upcoming diplomatic clashes.”"),
        "{content}"
    );

    // `According to the press service of the State Department`: indirect.
    let according = claim(claims, "the Alliance is ready for a meaningful dialogue");
    assert_eq!(according["kind"], "indirect");
    assert_eq!(
        text(&according["speaker"]),
        "the press service of the State Department"
    );
    assert_eq!(according["speaker"]["kind"], "organization");
    assert_eq!(text(&according["cue"]), "According to");
    assert_eq!(
        contents(according),
        ["the Alliance is ready for a meaningful dialogue with Moscow, and at the same time is united in deterring further aggression against Ukraine"]
    );

    // Stoltenberg: indirect, name and role split; `“proposals”` is a scare quote.
    let nato = claim(claims, "that the Alliance has received");
    assert_eq!(nato["kind"], "indirect");
    assert_eq!(
        text(&nato["speaker"]),
        "NATO Secretary General Jens Stoltenberg"
    );
    assert_eq!(text(&nato["speaker"]["name"]), "Jens Stoltenberg");
    assert_eq!(text(&nato["speaker"]["role"]), "NATO Secretary General");
    assert_eq!(text(&nato["cue"]), "said");
    assert!(claims
        .iter()
        .filter(|c| c["kind"] == "direct")
        .all(|c| contents(c).iter().all(|t| !t.contains("proposals"))));

    // Sullivan, then `But Moscow should …` inherited from him.
    let sullivan = claim(claims, "that the United States is ready to negotiate");
    assert_eq!(sullivan["kind"], "indirect");
    assert_eq!(sullivan["attribution"], "explicit");
    assert_eq!(
        text(&sullivan["speaker"]),
        "White House National Security Adviser Jake Sullivan"
    );
    assert_eq!(text(&sullivan["speaker"]["name"]), "Jake Sullivan");
    let but = claim(claims, "But Moscow should remove");
    assert_eq!(but["kind"], "indirect");
    assert_eq!(but["attribution"], "inherited");
    assert_eq!(but["speaker"], sullivan["speaker"]);
    assert_eq!(but["cue"], sullivan["cue"]);

    // The State Department noted: indirect.
    let noted = claim(claims, "that the United States plans to start");
    assert_eq!(noted["kind"], "indirect");
    assert_eq!(text(&noted["speaker"]), "The US State Department");
    assert_eq!(noted["speaker"]["kind"], "organization");
    assert_eq!(text(&noted["cue"]), "noted");

    // The Context paragraph: both sentences unattributed; the side clause
    // `which, in its opinion, are necessary` is attributed on its own.
    let context = claim(claims, "On December 17, Russia sent");
    assert_eq!(context["kind"], "unattributed");
    assert_eq!(context["attribution"], "none");
    assert_eq!(context["speaker"], Value::Null);
    assert_eq!(
        contents(context),
        ["On December 17, Russia sent the United States and NATO proposals on security in Eastern Europe"]
    );
    let demands = claim(claims, "Moscow’s demands include");
    assert_eq!(demands["kind"], "unattributed");
    let opinion = claim(claims, "which");
    assert_eq!(
        contents(opinion),
        ["which", "are necessary to ease tensions around Ukraine"]
    );
    assert_eq!(text(&opinion["speaker"]), "its");
    assert_eq!(text(&opinion["speaker"]["resolved"]), "Russia");

    // The post's own words: `WH says …`, through the post's author.
    let wh = claim(claims, "Biden will speak w Ukraine’s leader");
    assert_eq!(text(&wh["speaker"]), "WH");
    assert_eq!(
        chain(wh),
        [
            link("publisher", "UNN", false),
            link("medium", "darlene superville", false),
            link("source", "WH", false),
        ]
    );
    // Section labels are no claims; ids follow the text.
    assert!(claims
        .iter()
        .all(|c| !["Quote", "Details", "Add", "Context"].contains(&contents(c)[0])));
    for (i, c) in claims.iter().enumerate() {
        assert_eq!(c["id"], i);
    }
}

#[test]
fn seed_claims_table() {
    insta::assert_snapshot!("seed_claims_table", attrcheck(&["--claims", SEED]));
}

// ---- fixtures -----------------------------------------------------------------

/// One claim as a line: `kind/attribution | speaker [→ resolved] | cue | content … content`.
fn line(text: &str, c: &Claim) -> String {
    let kind = match c.kind {
        ClaimKind::Direct => "direct",
        ClaimKind::Indirect => "indirect",
        ClaimKind::Mixed => "mixed",
        ClaimKind::Unattributed => "unattributed",
    };
    let attribution = match c.attribution {
        Attribution::Explicit => "explicit",
        Attribution::Inherited => "inherited",
        Attribution::None => "none",
    };
    let speaker = c.speaker.as_ref().map_or("-".to_owned(), |s| {
        let mut out = s.span.text(text).to_owned();
        if let Some(r) = s.resolved {
            out.push_str(" → ");
            out.push_str(r.text(text));
        }
        if s.anonymous {
            out.push_str(" (anonymous)");
        }
        out
    });
    let cue = c.cue.as_ref().map_or("-", |q| q.span.text(text));
    let content: Vec<&str> = c.content.iter().map(|s| s.text(text)).collect();
    format!(
        "{kind}/{attribution} | {speaker} | {cue} | {}",
        content.join(" … ")
    )
}

fn extract(name: &str) -> (String, Vec<Claim>) {
    let path = repo().join("fixtures/claims").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let article = attrcheck::parse::parse_article(&text);
    let claims = claims::extract(&text, &article, Lexicon::builtin());
    for c in &claims {
        for span in c.content.iter().chain(c.speaker.as_ref().map(|s| &s.span)) {
            assert!(
                text.get(span.range()).is_some() && !span.is_empty(),
                "{name}: bad span {span:?}"
            );
        }
    }
    (text, claims)
}

/// Asserts the attributed claims of a fixture (unattributed ones are
/// checked by `unattributed` where they matter).
fn check(name: &str, expected: &[&str]) {
    let (text, claims) = extract(name);
    let got: Vec<String> = claims
        .iter()
        .filter(|c| c.kind != ClaimKind::Unattributed)
        .map(|c| line(&text, c))
        .collect();
    assert_eq!(got, expected, "{name}");
}

/// The unattributed claims of a fixture.
fn unattributed(name: &str) -> Vec<String> {
    let (text, claims) = extract(name);
    claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Unattributed)
        .map(|c| line(&text, c))
        .collect()
}
