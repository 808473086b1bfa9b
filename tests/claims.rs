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

#[test]
fn speaker_before_the_quote() {
    check(
        "speaker_before_quote.txt",
        &[
            "direct/explicit | Senate Majority Leader Dana Whitfield | said | \"We did our job tonight, and we did it together.\"",
            "direct/explicit | The minority leader, Sen. Paul Okafor, | told | \"Nobody got everything they wanted. That is what a compromise looks like.\"",
            "mixed/explicit | Treasury Secretary Helen Marsh | said in a statement | that \"the markets needed certainty, and tonight they got it.\"",
        ],
    );
}

#[test]
fn speaker_after_the_quote_inverted_and_split() {
    check(
        "speaker_after_quote.txt",
        &[
            "direct/explicit | Gov. Laura Brenner | said | \"This map was drawn in a back room, and the voters deserve better,\"",
            "direct/explicit | House Speaker Tom Aldana, a Republican from Cedar County | said | \"We will override it,\"",
            "direct/explicit | Aldana → Tom Aldana | added | \"The governor had the map for three weeks,\" … \"She never asked a single question.\"",
            "direct/explicit | a spokeswoman for the state party | said | \"We expected this,\" … \"and we are ready for the fight in court.\"",
            "direct/explicit | she → a spokeswoman for the state party | said | \"It's politics\"",
        ],
    );
}

#[test]
fn quote_continued_over_paragraphs() {
    check(
        "multi_paragraph_quote.txt",
        &[
            // Defending something is taking a position on it (PolNeAR).
            "indirect/explicit | Mayor | defends | budget cuts",
            "indirect/explicit | Mayor Ruth Calloway | defended | the cuts at a news conference",
            "direct/explicit | she → Ruth Calloway | said | \"Nobody likes closing a library branch. I grew up two blocks from one. … \"But we had a choice between that and laying off firefighters, and I will not gamble with public safety,\" … \"The numbers are the numbers.\"",
        ],
    );
}

#[test]
fn according_to_before_after_and_inside() {
    check(
        "according_to.txt",
        &[
            "indirect/explicit | the Foreign Ministry | According to | the talks will resume after the holiday",
            "indirect/explicit | preliminary figures from the election commission | according to | Turnout reached 61 percent",
            "indirect/explicit | two officials briefed on the plan | according to | The new checkpoint … will open in March",
            "indirect/explicit | AP | according to | The convoy was turned back at the border",
        ],
    );
}

#[test]
fn reported_speech_with_and_without_that() {
    check(
        "reported_speech.txt",
        &[
            "indirect/explicit | Trade Minister Oskar Lind | said | that the tariffs would be lifted by the end of the year",
            "indirect/explicit | Finance Minister Anna Petrova | argued | the plan would cost consumers billions",
            "indirect/explicit | Opposition leader Mark Dunmore | warned | that the measure could trigger a trade war",
            "indirect/explicit | The central bank governor | insisted | the economy was strong enough to absorb the shock",
            "indirect/explicit | Lind → Oskar Lind | acknowledged | that the timing was difficult",
            "indirect/explicit | Petrova → Anna Petrova | told | the government had not consulted industry",
            "indirect/explicit | Dunmore → Mark Dunmore | said | The plan … was written for a handful of exporters",
            "indirect/explicit | economists (anonymous) | said | Prices will rise by spring",
            "mixed/explicit | The president | wrote on Twitter | that the deal was \"a win for our farmers and our workers.\"",
            "indirect/explicit | The senator | tweeted | that she would vote against the bill",
        ],
    );
}

#[test]
fn beliefs_and_intentions() {
    check(
        "beliefs_intentions.txt",
        &[
            "indirect/explicit | Prime Minister Elena Varga | believes | the coalition can survive until the autumn",
            "indirect/explicit | The junior partner | wants | to hold an early election in June",
            "indirect/explicit | Party officials (anonymous) | plan | to meet again on Thursday",
            "indirect/explicit | Varga → Elena Varga | hopes | that the budget will pass before the summer recess",
            "indirect/explicit | her → Elena Varga | view | the opposition has no majority of its own",
            "indirect/explicit | The finance minister | is confident | the deficit will shrink next year",
        ],
    );
}

#[test]
fn pronouns_and_surnames_resolve() {
    check(
        "pronouns.txt",
        &[
            "indirect/explicit | She → Miriam Costa | said | the talks had been \"frank and useful.\"",
            "indirect/explicit | It → The Defense Ministry | said | no agreement had been reached",
            "indirect/explicit | Costa → Miriam Costa | said | she expected a second round within weeks",
        ],
    );
}

#[test]
fn long_descriptors_are_part_of_the_source() {
    check(
        "long_descriptors.txt",
        &[
            "indirect/explicit | Dana Ortiz of the Open Ledger Project, a watchdog group, | said | the campaign had failed to report dozens of donations",
            "indirect/explicit | Jorge Alvarez, a former election commissioner who now teaches at Marlow University, | said | the rules were clear",
            "direct/explicit | Ortiz, who has tracked campaign finance for a decade → Dana Ortiz | said | \"These are not small sums,\"",
            "indirect/explicit | White House Deputy Press Secretary Kim Lee | said | the campaign would review the filings",
        ],
    );
    // A relative clause ending an inverted tag belongs to the source phrase.
    assert_eq!(
        unattributed("long_descriptors.txt"),
        ["unattributed/none | - | - | Watchdog questions campaign spending"]
    );
    let (text, claims) = extract("long_descriptors.txt");
    let ortiz = claims[1].speaker.as_ref().unwrap();
    assert_eq!(ortiz.name.unwrap().text(&text), "Dana Ortiz");
    let lee = claims.last().unwrap().speaker.as_ref().unwrap();
    assert_eq!(lee.name.unwrap().text(&text), "Kim Lee");
    assert_eq!(
        lee.role.unwrap().text(&text),
        "White House Deputy Press Secretary"
    );
}

#[test]
fn colon_labels_and_colons_before_quotes() {
    check(
        "colons_and_labels.txt",
        &[
            "direct/explicit | Zelensky | : | \"We will not trade territory for peace\"",
            "direct/explicit | he → Zelensky | said | \"Every village matters. Every family matters.\"",
        ],
    );
    assert_eq!(
        unattributed("colons_and_labels.txt"),
        [
            "unattributed/none | - | - | The president's message to parliament was blunt: the war will not end with a frozen front",
            "unattributed/none | - | - | Analysis: The sanctions have not worked as planned",
        ]
    );
}

#[test]
fn a_colon_ending_a_paragraph_introduces_the_next() {
    check(
        "colon_paragraphs.txt",
        &[
            "indirect/explicit | Ministry | rejects | spying accusations",
            "direct/inherited | the Foreign Ministry | said | \"We categorically reject these accusations. They have no basis in fact.\"",
            "indirect/inherited | The embassy | added | No diplomat was involved in the incident",
        ],
    );
}

#[test]
fn passives_and_hearsay_adverbs_have_no_source() {
    check(
        "passives.txt",
        &[
            "indirect/explicit | - | is said | The minister … to be considering her resignation",
            "indirect/explicit | - | is widely believed | that the deal will collapse before the summit",
            "indirect/explicit | - | reportedly | The contract was … signed without a tender",
            "indirect/explicit | the association of local councils | was criticised | The bill",
        ],
    );
}

#[test]
fn chains_through_media_and_cited_sources() {
    check(
        "chains.txt",
        &[
            "indirect/inherited | the regional broadcaster NRT | was reported | The dock workers' union will return to work on Monday",
            "indirect/explicit | A senior official (anonymous) | told | that the government would not raise the offer",
            "indirect/explicit | Port director Ivan Sokol | said | the backlog would clear within a week",
        ],
    );
    let (text, claims) = extract("chains.txt");
    let chain = |i: usize| -> Vec<(String, String, bool)> {
        claims[i]
            .chain
            .iter()
            .map(|l| {
                (
                    format!("{:?}", l.role),
                    l.span.text(&text).to_owned(),
                    l.anonymous,
                )
            })
            .collect()
    };
    let link = |role: &str, t: &str, anonymous: bool| (role.to_owned(), t.to_owned(), anonymous);
    assert_eq!(
        chain(1),
        [
            link("Medium", "the regional broadcaster NRT", false),
            link("Source", "a union official", true),
        ]
    );
    assert_eq!(
        chain(2),
        [
            link("Medium", "Reuters", false),
            link("Source", "A senior official", true),
        ]
    );
    assert_eq!(
        chain(3),
        [
            link("Medium", "the Harbor Gazette", false),
            link("Source", "Port director Ivan Sokol", false),
        ]
    );
    let (text, claims) = extract("according_to.txt");
    let ap = claims.last().unwrap();
    let links: Vec<&str> = ap.chain.iter().map(|l| l.span.text(&text)).collect();
    assert_eq!(links, ["AP", "local officials"]);
    assert!(ap.chain[1].anonymous);
}

#[test]
fn unattributed_sentences_side_clauses_and_scare_quotes() {
    check(
        "unattributed.txt",
        &[
            "indirect/explicit | the governor's | opinion | which … had been neglected for years",
            // `called X a "Y"` is the residents' verdict, not a scare quote.
            "indirect/explicit | Residents | called | the new sea wall a \"white elephant.\"",
        ],
    );
    assert_eq!(
        unattributed("unattributed.txt"),
        [
            "unattributed/none | - | - | Storm season begins",
            "unattributed/none | - | - | The storm made landfall early Sunday near the fishing town of Port Ellis",
            "unattributed/none | - | - | Power was out for 40,000 homes by noon",
            "unattributed/none | - | - | The state sent emergency crews and generators to the coast",
            "unattributed/none | - | - | The festival's slogan, \"Stronger Than the Storm,\" was printed on every banner",
        ]
    );
}

#[test]
fn tags_followed_by_adjuncts_and_descriptions() {
    check(
        "tags_with_adjuncts.txt",
        &[
            "direct/explicit | she | said | \"It is a disaster,\"",
            "direct/explicit | Smith | said at a rally | \"We will win,\"",
            "direct/explicit | he | told | \"Nobody wants this,\"",
            "direct/explicit | Sen. Maria Lopez, D-Calif., who leads the panel | said | \"This is not over,\"",
            "direct/explicit | one official (anonymous) | said | \"It's a mess,\"",
            "indirect/explicit | The senator | said | the vote would be close",
            "direct/explicit | the mayor | told | \"We're not going anywhere,\"",
            "direct/explicit | the spokesman | said | \"We don't comment on leaks.\"",
            "direct/explicit | Jones | said | \"I don't know,\"",
            "mixed/explicit | Chancellor Berg | warned | that \"the window is closing.\"",
        ],
    );
    // Recipients, adjuncts and descriptions after a tag are not the writer's
    // own statements.
    assert_eq!(
        unattributed("tags_with_adjuncts.txt"),
        ["unattributed/none | - | - | Lawmakers react to panel report"]
    );
}

#[test]
fn wire_story_with_many_quotes() {
    check(
        "wire_budget_deal.txt",
        &[
            "indirect/explicit | officials (anonymous) | said | President Ellen Hart and House Speaker Ray Dolan reached a tentative agreement on Saturday to raise the nation's debt ceiling",
            "direct/explicit | Hart → Ellen Hart | said in a statement | \"The agreement represents a compromise, which means not everyone gets what they want,\" … \"That's the responsibility of governing.\"",
            "mixed/explicit | Dolan → Ray Dolan | told | that the deal was \"worthy of the support of the American people.\"",
            "indirect/explicit | He → Ray Dolan | said | he expected a vote on Wednesday",
            "indirect/explicit | The White House | declined to comment on | the details",
            "indirect/explicit | A person familiar with the talks, who spoke on condition of anonymity to discuss the private negotiations, (anonymous) | said | the agreement would cap spending for two years",
            "direct/explicit | he → Ned Carver | tweeted | \"This deal is a surrender,\"",
            "mixed/explicit | he → Ned Carver | adding | that he would fight it \"with every tool at my disposal.\"",
            "indirect/explicit | Rep. Lena Ortiz, who chairs the Congressional Progressive Caucus, | said | she had \"serious concerns\" about new work requirements for food aid",
            "direct/explicit | Senate Majority Leader Paul Brandt | said Sunday on CNN's \"State of the Union.\" | \"I think we're going to get there,\" … \"But it's not going to be easy.\"",
            "indirect/explicit | Treasury Secretary Maria Kohl | has warned | that the government could run out of money to pay its bills as soon as June 5",
            "mixed/explicit | she → Maria Kohl | said | the estimate was based on \"the most recently available data.\"",
            "indirect/explicit | - | Asked | whether he trusted Dolan",
            "direct/explicit | Hart → Ellen Hart | replied | \"Yes. He's been straightforward.\"",
            "indirect/explicit | a summary circulated among House Republicans | According to | the bill would also claw back unspent pandemic relief funds",
            "indirect/explicit | Conservatives | have threatened | to derail it",
            "indirect/explicit | some progressives | say | they cannot support it",
        ],
    );
    let (text, claims) = extract("wire_budget_deal.txt");
    let anonymous = claims
        .iter()
        .find(|c| {
            c.speaker
                .as_ref()
                .is_some_and(|s| s.span.text(&text).starts_with("A person"))
        })
        .unwrap();
    assert!(anonymous.speaker.as_ref().unwrap().anonymous);
}

#[test]
fn wire_story_with_tags_and_coordination() {
    check(
        "wire_sanctions.txt",
        &[
            "indirect/explicit | diplomatic sources (anonymous) | told | European Union envoys agreed on Wednesday to impose a sixth package of sanctions on Russia",
            "indirect/explicit | three EU diplomats (anonymous) | said | The package, which still needs formal approval by governments, includes a ban on seaborne crude imports",
            "direct/explicit | Varro → Tamas Varro | said in a video posted on Facebook | \"We have managed to get an exemption,\" … \"Families can sleep peacefully tonight.\"",
            "indirect/explicit | European Commission President Anke Vollmer | welcomed | the agreement",
            "direct/explicit | she → Anke Vollmer | wrote on Twitter | \"This will cut around 90% of our oil imports from Russia by the end of the year,\"",
            "indirect/explicit | Estonia's prime minister, Liis Tamm, | told | the exemptions were \"a bad precedent,\"",
            "indirect/explicit | Lithuanian officials (anonymous) | privately complained | that the embargo had been watered down",
            "direct/explicit | Tamm → Liis Tamm | said | \"We need to be honest with ourselves,\" … \"Every euro we pay for Russian oil is a euro for the Kremlin's war machine. … \"And we are still paying.\"",
            "indirect/explicit | A spokesman for the Kremlin, Oleg Marin, | said | the sanctions would hurt Europe more than Russia",
            "indirect/explicit | Moscow | has repeatedly denied | that its forces target civilians",
            "indirect/explicit | Ukraine | says | more than 12,000 civilians have been killed",
        ],
    );
    let (text, claims) = extract("wire_sanctions.txt");
    // `told Reuters` under a Reuters dateline: Reuters is the publisher.
    let links: Vec<&str> = claims[1].chain.iter().map(|l| l.span.text(&text)).collect();
    assert_eq!(links, ["Reuters", "diplomatic sources"]);
}

#[test]
fn a_team_extends_the_cue_lexicon() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lexicons")).unwrap();
    std::fs::write(
        dir.path().join("lexicons/cues.json"),
        r#"{"description": "house cues", "entries": [
            {"cue": "opine", "kind": "belief", "forms": ["opine", "opines", "opined"], "frames": ["that", "tag"]}
        ]}"#,
    )
    .unwrap();
    let team = Lexicon::with_rules_dir(dir.path()).expect("valid team lexicon");
    let text = "The treasurer opined that the budget was too lean.";
    let article = attrcheck::parse::parse_article(text);
    let before = claims::extract(text, &article, Lexicon::builtin());
    assert_eq!(before[0].kind, ClaimKind::Unattributed);
    let after = claims::extract(text, &article, &team);
    assert_eq!(
        line(text, &after[0]),
        "indirect/explicit | The treasurer | opined | that the budget was too lean"
    );
}

// ---- totality ---------------------------------------------------------------

/// Every span of every claim lies on char boundaries inside the text, and
/// content fragments are non-empty.
fn assert_spans_valid(text: &str, claims: &[Claim]) {
    let ok = |s: attrcheck::source::Span| text.get(s.range()).is_some();
    for c in claims {
        assert!(ok(c.span), "claim span {:?}", c.span);
        for f in &c.content {
            assert!(ok(*f) && !f.is_empty(), "content {f:?}");
        }
        if let Some(s) = &c.speaker {
            assert!(ok(s.span) && !s.span.is_empty());
            for x in [s.name, s.role, s.resolved].into_iter().flatten() {
                assert!(ok(x));
            }
        }
        if let Some(q) = &c.cue {
            assert!(ok(q.span) && !q.span.is_empty());
        }
        for l in &c.chain {
            assert!(ok(l.span));
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Extraction never panics on news-like word salad, with quotation
    /// marks, colons, dashes and paragraph breaks anywhere.
    #[test]
    fn extraction_is_total(words in proptest::collection::vec(proptest::sample::select(vec![
        "said", "says", "told", "according", "to", "citing", "reportedly", "that", "the", "a",
        "minister", "officials", "Smith", "Jane", "Doe", "he", "she", "it", "who", "which",
        "This", "was", "reported", "by", "in", "his", "opinion", "believes", "wants", "is",
        "sure", "\u{201c}", "\u{201d}", "\"", "'", ",", ".", ":", ";", "\u{2014}", "-", "(", ")",
        "\n\n", "\n", "Reuters", "AP", "added", "asked", "not", "should", "But", "\u{2019}s",
        "message", "reads", "post", "Ukraine\u{2019}s", "Ж", "é", "?", "!",
    ]), 0..80)) {
        let text = words.join(" ");
        let article = attrcheck::parse::parse_article(&text);
        let claims = claims::extract(&text, &article, Lexicon::builtin());
        assert_spans_valid(&text, &claims);
    }
}

#[test]
fn spans_are_valid_on_every_fixture_and_the_seed() {
    let mut texts = texts_in(&repo().join("fixtures/claims"));
    texts.extend(texts_in(&repo().join("fixtures/claims/political")));
    texts.extend(texts_in(&repo().join("fixtures/claims/outlets")));
    texts.extend(texts_in(&repo().join("fixtures/parse")));
    texts.extend(texts_in(&repo().join("seeds")));
    for text in &texts {
        let article = attrcheck::parse::parse_article(text);
        assert_spans_valid(text, &claims::extract(text, &article, Lexicon::builtin()));
    }
}

// ---- speed ------------------------------------------------------------------

/// Every `.txt` under `dir`, sorted.
fn texts_in(dir: &std::path::Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

// ---- the political news set -------------------------------------------------
//
// `fixtures/claims/political/*.ann` are wire-style political articles
// composed for this test set, annotated inline after
// `../shared/eval/ANNOTATION.md`: `{sN:…}` a source, `{cN:…}` a cue,
// `{tN:…}` a content fragment of attribution `N` (`{s4,5:…}` a source
// shared by two). The markup is the single source of truth: the test
// derives the plain articles (`political/*.txt`, to run `attrcheck` on) and
// the gold file (`political/gold.jsonl`, the dev set's format, for
// `attrcheck eval --gold`) from it, checks they are up to date
// (`UPDATE_GOLD=1 cargo test --test claims political` rewrites them), then
// scores the extractor on it with the eval harness.

/// One annotated attribution: code-point spans of its parts.
#[derive(Default)]
struct Annotated {
    source: Vec<[usize; 2]>,
    cue: Vec<[usize; 2]>,
    content: Vec<[usize; 2]>,
}

/// The plain text of an annotated article and its attributions by number.
fn read_annotated(name: &str, src: &str) -> (String, std::collections::BTreeMap<u32, Annotated>) {
    let mut text = String::new();
    let mut chars = 0usize;
    let mut found: std::collections::BTreeMap<u32, Annotated> = Default::default();
    let mut rest = src;
    while let Some(open) = rest.find('{') {
        let before = &rest[..open];
        text.push_str(before);
        chars += before.chars().count();
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .unwrap_or_else(|| panic!("{name}: unclosed `{{`"));
        let (head, body) = after[..close]
            .split_once(':')
            .unwrap_or_else(|| panic!("{name}: `{{{}` has no `:`", &after[..close]));
        let (role, ids) = head.split_at(1);
        let span = [chars, chars + body.chars().count()];
        for id in ids.split(',') {
            let id: u32 = id
                .parse()
                .unwrap_or_else(|_| panic!("{name}: bad id in `{head}`"));
            let a = found.entry(id).or_default();
            match role {
                "s" => a.source.push(span),
                "c" => a.cue.push(span),
                "t" => a.content.push(span),
                _ => panic!("{name}: unknown role `{role}`"),
            }
        }
        text.push_str(body);
        chars = span[1];
        rest = &after[close + 1..];
    }
    text.push_str(rest);
    for (id, a) in &found {
        assert!(
            !a.content.is_empty(),
            "{name}: attribution {id} has no content"
        );
        assert!(a.cue.len() <= 1, "{name}: attribution {id} has a split cue");
    }
    (text, found)
}

/// The kind of an attribution, mechanically from its content (ANNOTATION.md):
/// direct when every fragment opens with a quotation mark, mixed when a
/// quotation mark is inside, else indirect.
fn annotated_kind(fragments: &[&str]) -> &'static str {
    let opens = |f: &str| f.starts_with(['"', '“', '‘', '\''].as_slice());
    if fragments.iter().all(|f| opens(f)) {
        return "direct";
    }
    let quoted = fragments.iter().any(|f| {
        f.contains(['"', '“', '”', '‘'].as_slice())
            || f.char_indices()
                .any(|(i, c)| c == '\'' && f[..i].chars().last().is_none_or(char::is_whitespace))
    });
    if quoted {
        "mixed"
    } else {
        "indirect"
    }
}

/// The gold line of an annotated article (`dev.jsonl`'s format).
fn gold_line(id: &str, text: &str, found: &std::collections::BTreeMap<u32, Annotated>) -> String {
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: &[usize; 2]| chars[s[0]..s[1]].iter().collect::<String>();
    let joined = |spans: &[[usize; 2]]| {
        (!spans.is_empty()).then(|| spans.iter().map(slice).collect::<Vec<_>>().join(" "))
    };
    let attributions: Vec<Value> = found
        .values()
        .map(|a| {
            let fragments: Vec<String> = a.content.iter().map(slice).collect();
            let fragments: Vec<&str> = fragments.iter().map(String::as_str).collect();
            serde_json::json!({
                "kind": annotated_kind(&fragments),
                "source_spans": a.source,
                "cue_spans": a.cue,
                "content_spans": a.content,
                "source_text": joined(&a.source),
                "cue_text": joined(&a.cue),
                "content_text": joined(&a.content),
            })
        })
        .collect();
    serde_json::json!({"id": id, "text": text, "attributions": attributions}).to_string()
}

/// Compares `path` with `expected`, or rewrites it under `UPDATE_GOLD=1`.
fn derived_file(set: &str, path: &std::path::Path, expected: &str) {
    if std::env::var_os("UPDATE_GOLD").is_some() {
        std::fs::write(path, expected).unwrap();
        return;
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "{} is out of date with its annotations: run `UPDATE_GOLD=1 cargo test --test claims {set}`",
        path.display()
    );
}

#[test]
fn political_set_gold_matches_its_annotations() {
    composed_set_gold_matches_its_annotations("political", 5);
}

/// Derives the plain articles and the gold file of the composed set in
/// `fixtures/claims/{set}/` (at least `min` articles) from its `*.ann`
/// files, and checks the derived files are up to date.
fn composed_set_gold_matches_its_annotations(set: &str, min: usize) {
    let dir = repo().join("fixtures/claims").join(set);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".ann")?.to_owned())
        })
        .collect();
    names.sort();
    assert!(names.len() >= min, "{names:?}");
    let mut gold = String::new();
    for name in &names {
        let src = std::fs::read_to_string(dir.join(format!("{name}.ann"))).unwrap();
        let (text, found) = read_annotated(name, &src);
        derived_file(set, &dir.join(format!("{name}.txt")), &text);
        gold.push_str(&gold_line(&format!("{set}/{name}"), &text, &found));
        gold.push('\n');
    }
    derived_file(set, &dir.join("gold.jsonl"), &gold);
}

#[test]
fn annotation_markup_reads_spans_in_code_points() {
    let (text, found) = read_annotated("t", "{t2:“Oui,”} {s1,2:Zoë} {c1:said}: {t1:“Ça va.”}");
    assert_eq!(text, "“Oui,” Zoë said: “Ça va.”");
    assert_eq!(found[&1].source, [[7, 10]]);
    assert_eq!(found[&2].source, [[7, 10]]);
    assert_eq!(found[&1].cue, [[11, 15]]);
    assert!(found[&2].cue.is_empty());
    assert_eq!(found[&1].content, [[17, 25]]);
    assert_eq!(found[&2].content, [[0, 6]]);
    assert_eq!(annotated_kind(&["“Ça va.”"]), "direct");
    assert_eq!(annotated_kind(&["the plan was “dead”"]), "mixed");
    assert_eq!(annotated_kind(&["economy 'rigged' now"]), "mixed");
    assert_eq!(annotated_kind(&["the workers' union won"]), "indirect");
}

type Floors = [(attrcheck::eval::Scope, attrcheck::eval::Metric, f64)];

/// Scores the extractor on a gold file with the eval harness and asserts
/// every F1 floor.
fn assert_floors(path: &std::path::Path, floors: &Floors) {
    use attrcheck::eval;
    let gold = eval::load_gold(path).expect("gold file");
    let evaluation = eval::evaluate(gold, Lexicon::builtin());
    assert_eq!(evaluation.crashed(), 0);
    assert!(evaluation.docs.iter().all(|d| d.invalid_spans == 0));
    let mut report = String::new();
    let mut below = Vec::new();
    for (scope, metric, min) in floors {
        let f1 = evaluation.counts(*scope, *metric).f1().unwrap_or(0.0);
        report.push_str(&format!("{scope:?} {metric:?}: {:.1}\n", f1 * 100.0));
        if f1 < *min {
            below.push(format!(
                "{scope:?} {metric:?} {:.1} < {:.1}",
                f1 * 100.0,
                min * 100.0
            ));
        }
    }
    println!("{report}");
    assert!(below.is_empty(), "{below:?}\n{report}");
}

/// The extractor on the political set.
#[test]
fn political_set_scores() {
    assert_floors(
        &repo().join("fixtures/claims/political/gold.jsonl"),
        POLITICAL_FLOORS,
    );
}

// `fixtures/claims/outlets/*.ann` is a second composed set in the same
// markup, written blind (its authors never read the extractor, its rules or
// the other fixtures) in the house styles of different kinds of outlet, to
// estimate the accuracy on held-out real political news. Its first scores
// are the blind estimate; the misses it showed were then fixed with general
// patterns (each with its own fixture), so its floors guard against
// regressions like the political set's.

#[test]
fn outlets_set_gold_matches_its_annotations() {
    composed_set_gold_matches_its_annotations("outlets", 10);
}

/// The extractor on the outlets set: every document scored, none crashed,
/// and the scores above the floors (`cargo test --test claims outlets --
/// --nocapture` prints them).
#[test]
fn outlets_set_scores() {
    let path = repo().join("fixtures/claims/outlets/gold.jsonl");
    let gold = attrcheck::eval::load_gold(&path).expect("gold file");
    assert!(gold.docs.len() >= 10, "{} documents", gold.docs.len());
    assert_floors(&path, OUTLETS_FLOORS);
}

/// Floors for the outlets set (F1), a little under the measured figures
/// (`docs/accuracy.md`: 97.7 / 97.7 direct, 93.1 / 73.9 / 88.3 / 87.1
/// all). The set was blind when first scored (87.5 / 69.5 / 80.8 / 81.5);
/// its failures have been worked on since, so these are regression floors.
const OUTLETS_FLOORS: &Floors = {
    use attrcheck::eval::{Metric::*, Scope::*};
    &[
        (Direct, SpeakerContent, 0.95),
        (Direct, ContentOverlap, 0.95),
        (All, ContentOverlap, 0.91),
        (All, ContentExact, 0.71),
        (All, SpeakerContent, 0.86),
        (All, CueContent, 0.85),
    ]
};

/// Floors for the political set (F1), a little under the measured figures
/// (`docs/accuracy.md`: 100 / 100 direct, 97.5 / 94.4 / 97.5 / 97.2 all),
/// so that a regression fails.
const POLITICAL_FLOORS: &Floors = {
    use attrcheck::eval::{Metric::*, Scope::*};
    &[
        (Direct, SpeakerContent, 0.97),
        (Direct, ContentOverlap, 0.97),
        (All, ContentOverlap, 0.94),
        (All, ContentExact, 0.90),
        (All, SpeakerContent, 0.94),
        (All, CueContent, 0.93),
    ]
};

/// The extractor on the Wikinews dev set, when it is present next to the
/// repository (`../shared/eval/`, never copied in).
#[test]
fn dev_set_scores() {
    let path = repo().join("../shared/eval/dev.jsonl");
    if !path.is_file() {
        println!(
            "skipped: {} not found (the dev set lives outside the repository)",
            path.display()
        );
        return;
    }
    assert_floors(&path, DEV_FLOORS);
}

/// Floors for the dev set (F1), a little under the measured figures
/// (`docs/accuracy.md`: 92.1 / 92.1 direct, 81.6 / 62.9 / 79.9 / 79.1 all).
const DEV_FLOORS: &Floors = {
    use attrcheck::eval::{Metric::*, Scope::*};
    &[
        (Direct, SpeakerContent, 0.91),
        (Direct, ContentOverlap, 0.91),
        (All, ContentOverlap, 0.80),
        (All, ContentExact, 0.615),
        (All, SpeakerContent, 0.785),
        (All, CueContent, 0.775),
    ]
};

#[test]
fn source_descriptions_do_not_hide_or_make_cues() {
    // A cardinal opens an inverted source; a cue inside a source (`who
    // asked`, `seen by`) describes it and is no attribution; `long` is an
    // adverb of the verb group; a role may take a second description, a
    // name its age.
    check(
        "source_descriptions.txt",
        &[
            "direct/explicit | one former minister (anonymous) | said | “We were promised a vote, and we got a stunt,”",
            "direct/explicit | two senior aides, who asked not to be named because the talks are private (anonymous) | said | “Everyone is tired of waiting,”",
            "indirect/explicit | a draft seen by Reuters | according to | The bill would fund 4,000 new agents",
            "indirect/explicit | Opposition leaders (anonymous) | have long complained | that the border budget is too small",
            "direct/explicit | the senator, a Democrat from Ohio, | told | “We are not going anywhere,”",
            "indirect/explicit | The mayor, 61, | told | she would not run again",
        ],
    );
}

#[test]
fn legislators_tags_and_charges() {
    // A party-and-state tag is an apposition of the name; a plural
    // subject with a bare verb is reported speech without `that`; a place
    // after the recipient does not end the cue's reach; the accused is
    // part of an accusation; an adjunct after a tagged name; a clause about
    // a person ending in a colon introduces their quotation; `aboard` is a
    // place; a participle with its agent describes the source.
    check(
        "legislators.txt",
        &[
            "direct/explicit | Sen. Maria Lopez, D-Calif., | said | “We will not back down on crop insurance,”",
            "direct/explicit | Rep. Dale Osgood, R-N.M., | said | “The votes are not there,”",
            "indirect/explicit | Lopez → Maria Lopez | said | farmers deserve a straight answer from the leadership",
            "indirect/explicit | The majority leader | told | the vote would slip to next week",
            "indirect/explicit | Osgood → Dale Osgood | accused | Democrats of holding the bill hostage",
            "direct/explicit | Senate Agriculture Chairman Tom Reddy, R-Kan., | said | “Farmers cannot plant on promises,”",
            "direct/explicit | Reddy → Tom Reddy | : | “Vote for it or explain it at home.”",
            "indirect/explicit | The president | told | that he would sign the bill",
            "indirect/explicit | The survey, conducted by Marlow University, | found | that most farmers back the bill",
        ],
    );
}

#[test]
fn positions_refusals_and_appositions() {
    // A relative `that` inside an apposition ends its own claim at the
    // comma; `that` after a verb makes the next word a noun (`called that
    // claim`), so the coordinated `said` keeps the subject; multiword cues
    // of refusal and attitude; an object relative (`a figure the company
    // disputed`) is its own claim and ends the one before; `but added:`
    // shares the subject; a reason given (`, citing …`) is not content.
    check(
        "positions.txt",
        &[
            "indirect/explicit | Marta Quill of the Riders Alliance, a group that first proposed the levy in 2019, | said | the vote was overdue",
            "indirect/explicit | that → a group | first proposed | the levy in 2019",
            "indirect/explicit | Councilman Ed Farrow | said | voters will reject the levy",
            "indirect/explicit | The mayor | declined to say | whether she would sign the measure",
            "indirect/explicit | Budget officials (anonymous) | expressed confidence | that the levy would raise $40 million a year",
            "indirect/explicit | Bond investors | bet | that the city will keep its credit rating",
            "indirect/explicit | The union | claimed | to have signed up 5,000 new members",
            "indirect/explicit | the company | disputed | a figure",
            "indirect/explicit | A spokesman (anonymous) | said | he would not discuss the talks",
            "direct/explicit | A spokesman (anonymous) | added | “We remain at the table.”",
            "indirect/explicit | The council | proposed | a new levy on parking",
        ],
    );
}

#[test]
fn agentless_passives_keep_their_subject() {
    // No agent: no speaker; the subject and the complement (`of …`, `as
    // …`, a predicate) are the content's fragments (ANNOTATION.md).
    check(
        "agentless_passives.txt",
        &[
            "indirect/explicit | - | is accused | The congressman … of steering contracts to a relative's firm",
            "indirect/explicit | - | was widely criticized | The spending plan … as a giveaway to donors",
            "indirect/explicit | - | is considered | The district … safe for the incumbent",
            "indirect/explicit | - | were reported | No arrests … at the protest",
            "indirect/explicit | Critics | charge | that the inquiry is a distraction",
        ],
    );
}

#[test]
fn headline_verbs_coordinated_by_a_comma() {
    // Headlines drop `and`: the second verb shares the first one's subject,
    // and the first verb is not part of that subject.
    check(
        "headline_coordination.txt",
        &["indirect/explicit | Governor | says | the state will cover repairs"],
    );
}

#[test]
fn headline_verbs_coordinated_by_a_semicolon() {
    // A semicolon coordinates headline verbs like a comma.
    check(
        "headline_semicolon.txt",
        &["indirect/explicit | Governor | announces | new funds for rural schools"],
    );
}

#[test]
fn object_cues_and_a_colon_after_an_object() {
    // Speech verbs whose noun-phrase object is what was said (`pointed
    // out`, `pointed to`, `detailed`, `characterized … as`, `spoke out
    // against`); `encouraged X to …` like `urged`; a verb and its object
    // closing a paragraph with a colon introduce the next sentence, even
    // when that sentence holds a cue word (`by the state`), with the rest of
    // its paragraph (cue: the colon; the object is the verb's own
    // content). An object ends
    // before a comma opening an adjunct (`, with …`), not before a list
    // (`, including …`).
    check(
        "object_cues.txt",
        &[
            "indirect/explicit | The state audit | detailed | repeated failures in the county's vote-counting software",
            "indirect/explicit | Councilwoman Irene Tabor | pointed out | the gaps in the county's testing schedule",
            "indirect/explicit | She → Irene Tabor | pointed to | the delayed certification of the 2022 results",
            "indirect/explicit | Opposition leaders (anonymous) | have characterized | the measure as a giveaway to software vendors",
            "indirect/explicit | Her predecessor | had spoken out against | the contract",
            "indirect/explicit | The county clerk | encouraged | to check their registration before the deadline",
            "indirect/explicit | the vendor | denied | the allegations",
            "indirect/inherited | the vendor | : | The software was certified by the state. Every ballot was counted twice",
            "indirect/explicit | The clerk's office | has planned | four public hearings on the audit",
            "indirect/explicit | The auditor | detailed | new checks on 400 precincts, including the rural ones",
        ],
    );
}

#[test]
fn stance_verbs_and_adjectives_with_a_preposition() {
    // Political stance verbs whose object is the content (`referred to X
    // as`, `pushed for`, `lobbied for`, `endorsed`, `hailed … as`,
    // `slammed`, `blamed X for`, `ruled out`), and attitude adjectives
    // whose form ends in a preposition taking a noun-phrase or gerund object
    // (`frustrated with`, `concerned about`, `opposed to`, `interested in`,
    // `in favor of`, `pleased with`). The passive `was pushed through` and
    // the bare adjectives (`are tired`, `was happy`) are no attributions.
    check(
        "attitudes_and_stances.txt",
        &[
            "indirect/explicit | The governor | referred to | the tariff bill as a tax on working families",
            "indirect/explicit | Farm groups | have pushed for | a delay of the vote",
            "indirect/explicit | the chamber of commerce | lobbied for | an exemption for small importers",
            "indirect/explicit | Senator Lena Voss | endorsed | the measure",
            "indirect/explicit | Her allies | hailed | the vote as a turning point",
            "indirect/explicit | Union leaders (anonymous) | slammed | the decision",
            "indirect/explicit | Union leaders (anonymous) | blamed | the governor for the delays",
            "indirect/explicit | Many rural voters (anonymous) | are frustrated with | the pace of the talks",
            "indirect/explicit | Republicans | are concerned about | the cost of the bill",
            "indirect/explicit | The treasurer | is opposed to | the new tariffs",
            "indirect/explicit | The mayor | was interested in | building a coalition",
            "indirect/explicit | The minister | is in favor of | lower taxes",
            "indirect/explicit | Supporters | were pleased with | the final vote count",
            "indirect/explicit | The governor's office | ruled out | a special session",
        ],
    );
}

#[test]
fn relative_pronoun_as_the_object() {
    // `, which X describes as Y`: the relative pronoun is the object of an
    // object verb; it and the `as` phrase (to the next comma or `but`) are
    // the content, X the source. Not a subject relative (`which passed as`)
    // nor a restrictive `that`.
    check(
        "relative_object.txt",
        &[
            "indirect/explicit | the governor | describes | which … as a necessary reform",
            "indirect/explicit | Republicans | have criticized | which … as too costly",
            "indirect/explicit | the port authority | describes | which … as a safe harbor",
        ],
    );
}

#[test]
fn a_recipient_verb_coordinated_with_a_passive() {
    // `was questioned … and told to …`: the participle of a verb taking a
    // recipient shares the earlier passive's auxiliary, so the claim has no
    // source. An active verb after `and` keeps the subject (`was in Dayton
    // and told reporters that`, `was asked … and said that`).
    check(
        "coordinated_passive.txt",
        &[
            "indirect/explicit | - | told | to leave the building",
            "indirect/explicit | the aide | said | I was basically hauled in and told that my contract had ended",
            "indirect/explicit | The campaign manager | told | that the aide had resigned",
            "indirect/explicit | The candidate | said | that it was a staff matter",
        ],
    );
}

#[test]
fn dash_signatures_and_first_person_tags() {
    // A dash and a name opening the sentence after a quotation sign it; a
    // dash before a lowercase word does not. `I think` / `we believe` may
    // close a sentence without a comma, but not after `what`.
    check(
        "signatures_and_tags.txt",
        &[
            "direct/inherited | Senator Ana Ruiz | — | \"We have the votes. The bill will pass on Thursday.\"",
            "indirect/explicit | I | think | It began in a church basement in Dayton",
            "indirect/explicit | Nobody | asked | what we think",
            "indirect/explicit | we | believe | It was the wrong call",
        ],
    );
}

#[test]
fn pronoun_objects_and_planned_objects() {
    // `plan` takes a noun-phrase object; a pronoun object closing its
    // clause (`oppose it`, `want them`) is the whole content, even before a
    // conjunction; a lone gerund (`having`) is no source; a degree adverb
    // before the object belongs to it (`further sanctions`).
    check(
        "pronoun_objects.txt",
        &[
            "indirect/explicit | The county | has planned | three public hearings on the levy before the vote",
            "indirect/explicit | Suburban mayors | oppose | it",
            "indirect/explicit | Riders | want | them",
            "indirect/explicit | Two council members (anonymous) | were defending | it",
            "indirect/explicit | The senator | expressed support for | further sanctions on the vendor",
            "indirect/explicit | The mayor | wants | more hearings",
        ],
    );
}

#[test]
fn according_to_without_a_comma_before_a_titled_subject() {
    // Without a comma, a title and a name after the source's name start
    // the content's subject when a verb follows them.
    check(
        "according_titles.txt",
        &[
            "indirect/explicit | the Marlow County Election Board | According to | Governor Ana Ruiz has won the primary by 12 points",
            "indirect/explicit | Reuters | According to | President Tom Hale will sign the bill on Friday",
            "indirect/explicit | the election board | According to | the turnout was 41 percent",
        ],
    );
}

/// Verdict verbs take an object and what it is called (`called the plan a
/// disaster`; not `called the police`), `called on X to` urges, a negated
/// object (`said nothing`) is no tag, `According to NAME the …` without a
/// comma ends the source at the determiner, time and channel adjuncts
/// closing an object are the verb's, and a quotation opened with `'` and
/// closed with `"` is still a quotation.
#[test]
fn verdicts_adjuncts_and_mismatched_marks() {
    check(
        "verdicts_and_adjuncts.txt",
        &[
            "indirect/explicit | Governor | calls | transit plan a disaster",
            "indirect/explicit | who → The governor | has called | the transit plan a disaster",
            "indirect/explicit | Senator Ada Brennan | called | the report \"a whitewash\"",
            "indirect/explicit | Opposition leaders (anonymous) | branded | him a liar",
            "indirect/explicit | The senator | called on | to pass the bill before the recess",
            "indirect/explicit | Senate Majority Leader Tom Ruiz | According to | the vote will take place on Friday",
            "indirect/explicit | The council member | criticized | the proposal",
            "direct/explicit | a resident (anonymous) | said | 'We were never consulted.\"",
        ],
    );
}

/// Briefing and wire patterns: a source with a party tag before `said NP
/// “…”` (the quotation holds the clause's verb), a lowercase quotation
/// after the subject of reported speech, quantifier sources (`Two told`,
/// `one said`), questions put to the subject (`Asked whether …`, `Pressed
/// on whether …`; not a topic: `asked about the timeline`), object cues of
/// stance and refusal (`dismissed X as`, `congratulated X on`, `has not
/// commented publicly on`, `declined to explain why`), a title's period
/// inside a recipient (`accused Ms. Adler of`), and `per` as a source
/// adjunct (not `$3 per ton`).
#[test]
fn briefing_patterns() {
    check(
        "briefing_patterns.txt",
        &[
            "mixed/explicit | One of the committee members, Rep. Dana Ortiz, D-Minn., | said | the contract \"looked like a favor to a donor.\"",
            "indirect/explicit | City Hall | said | the mayor \"has full confidence\" in the harbor board",
            "mixed/explicit | Two | told | that the bidding had been \"rushed from the start\"",
            "indirect/explicit | - | Asked | whether the contract would be reviewed",
            "indirect/explicit | the minister | said | an audit was under way",
            "indirect/explicit | - | Pressed | on whether she had met the bidder",
            "indirect/explicit | The opposition leader | dismissed | the audit as a \"whitewash\"",
            "indirect/explicit | The harbor board | congratulated | the winning bidder on its offer",
            "indirect/explicit | The bidder | has not commented publicly on | the award",
            "indirect/explicit | The ministry | declined to explain | why the tender closed early",
            "indirect/explicit | The chairman, Paul Reyes, | has accused | Ms. Adler of hiding the bids",
            "indirect/explicit | a person close to the board (anonymous) | per | At least four board members are expected to resign",
            "indirect/explicit | the port authority | per | Prices rose by $3 per ton",
            "direct/explicit | one (anonymous) | said | “Nobody read the bids,”",
        ],
    );
}
