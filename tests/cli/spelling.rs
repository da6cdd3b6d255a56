//! Spelling: injected typos, fixes, user word lists and locales.

use crate::{check_in, diagnostics_of, jobfam};
use jobfam::document::words::Kind;
use jobfam::source::Source;
use jobfam::spelling::{Locale, Speller, builtin};

/// The slips a typist makes in `word` at letter `i`, by name.
fn slips(word: &str, i: usize) -> Vec<(&'static str, String)> {
    let c: Vec<char> = word.chars().collect();
    let at = |v: Vec<char>| v.into_iter().collect::<String>();
    let mut out = Vec::new();
    if i < c.len() {
        let mut v = c.clone();
        v.remove(i);
        out.push(("dropped letter", at(v)));
        let mut v = c.clone();
        v.insert(i, c[i]);
        out.push(("doubled letter", at(v)));
    }
    if i + 1 < c.len() && c[i] != c[i + 1] {
        let mut v = c.clone();
        v.swap(i, i + 1);
        out.push(("swapped pair", at(v)));
    }
    // An extra letter: the first common letter that is neither neighbour.
    let extra = "etaoinshrdlu"
        .chars()
        .find(|l| Some(l) != c.get(i) && (i == 0 || Some(l) != c.get(i - 1)));
    if let (Some(l), true) = (extra, i <= c.len()) {
        let mut v = c.clone();
        v.insert(i, l);
        out.push(("extra letter", at(v)));
    }
    out
}

/// Every good fixture page: prose that must stay clean.
fn good_pages() -> Vec<std::path::PathBuf> {
    let mut pages: Vec<_> = glob::glob("fixtures/**/good*.md")
        .unwrap()
        .map(Result::unwrap)
        .collect();
    pages.sort();
    pages
}

/// Every slip, at every letter, of every ordinary English word of six letters or more in the
/// prose of the good fixtures is reported as a misspelling of that word, and nothing else is.
#[test]
fn every_injected_typo_is_found_and_nothing_else() {
    let speller = Speller::new(builtin(), Locale::En, &[]);
    let (mut injected, mut skipped, mut words) = (0, 0, 0);
    for path in good_pages() {
        let source = Source::read(&path).unwrap();
        let text = source.text.to_string();
        // Suppression comments would silence the injected typos on their lines.
        if text.contains("jobfam-disable") {
            continue;
        }
        let page = jobfam::document::parse(&source).unwrap();
        let ordinary: Vec<_> = page
            .words
            .iter()
            .filter(|w| {
                w.kind == Kind::Word
                    && w.text.len() >= 6
                    && w.text.chars().all(|c| c.is_ascii_lowercase())
                    && speller.knows(&w.text)
                    // Words only SCOWL's larger lists know (`roundtable`) are accepted but
                    // never suggested: a typo of one is not expected to be found.
                    && !jobfam::spelling::lists::extra_knows(&w.text)
            })
            .collect();
        if ordinary.is_empty() {
            continue;
        }
        words += ordinary.len();
        assert!(
            diagnostics_of(&text, "spelling").is_empty(),
            "{}: a good page must be clean to start with",
            path.display()
        );
        let longest = ordinary.iter().map(|w| w.text.len()).max().unwrap();
        for kind in [
            "dropped letter",
            "doubled letter",
            "swapped pair",
            "extra letter",
        ] {
            for i in 0..=longest {
                // One page per slip and letter: every word gets the slip at letter `i`.
                let mut typos = Vec::new();
                let mut edited = text.clone();
                for word in ordinary.iter().rev() {
                    let Some((_, typo)) =
                        slips(&word.text, i).into_iter().find(|(k, _)| *k == kind)
                    else {
                        continue;
                    };
                    // A slip that makes another word cannot be caught by a spell checker.
                    if speller.knows(&typo) {
                        skipped += 1;
                        continue;
                    }
                    edited.replace_range(word.span.start..word.span.end, &typo);
                    typos.push((typo, word.text.clone()));
                }
                injected += typos.len();
                let found = diagnostics_of(&edited, "spelling");
                let at = format!("{}: {kind} at letter {i}", path.display());
                for d in &found {
                    assert_eq!(d.rule, "spelling/misspelling", "{at}: {}", d.message);
                }
                for (typo, original) in &typos {
                    let d = found
                        .iter()
                        .find(|d| d.message.contains(&format!("`{typo}`")))
                        .unwrap_or_else(|| panic!("{at}: `{typo}` ({original}) not found"));
                    let suggested = format!("{} {}", d.message, d.help.clone().unwrap_or_default());
                    assert!(
                        suggested.contains(&format!("`{original}`")),
                        "{at}: `{typo}` does not suggest `{original}`: {suggested}"
                    );
                }
                assert_eq!(found.len(), typos.len(), "{at}: findings besides the typos");
            }
        }
    }
    eprintln!(
        "{words} words, {injected} typos injected ({skipped} slips that make other words left out)"
    );
    assert!(words > 150, "only {words} words");
    assert!(injected > 5000, "only {injected} typos injected");
}

#[test]
fn fixes_keep_case_and_apostrophes() {
    let found = diagnostics_of(
        "## Responsibilties\n\nThe team’s Gitlab’s roadmap with the the Commmunications team.\n",
        "spelling",
    );
    let fixes: Vec<(String, Option<String>)> = found
        .iter()
        .map(|d| {
            (
                d.rule.clone(),
                d.fix.as_ref().map(|f| f.replacement.clone()),
            )
        })
        .collect();
    assert_eq!(
        fixes,
        [
            (
                "spelling/misspelling".into(),
                Some("Responsibilities".into())
            ),
            ("spelling/term-case".into(), Some("GitLab’s".into())),
            ("spelling/repeated-word".into(), Some(String::new())),
            ("spelling/misspelling".into(), Some("Communications".into())),
        ]
    );
}

#[test]
fn a_guess_between_two_words_is_not_fixed() {
    let found = diagnostics_of("We will reprt on it.\n", "spelling/misspelling");
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "unknown word `reprt`: did you mean `report`?"
    );
    assert!(found[0].fix.is_none());
}

#[test]
fn words_files_and_the_words_flag() {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team");
    std::fs::create_dir(&team).unwrap();
    let page = team.join("page.md");
    std::fs::write(&page, "Use the teamwrk board with ZorbLab.\n").unwrap();
    let select = ["--select", "spelling"];
    let (code, out, _) = check_in(dir.path(), &select);
    assert_eq!(
        (code, out.as_str()),
        (
            1,
            "./team/page.md:1:9: error spelling/misspelling: unknown word `teamwrk`: did you mean `teamwork`?\n"
        )
    );

    // A list in a folder above the page applies.
    std::fs::write(
        dir.path().join(".jobfam-words.txt"),
        "# ours\nteamwrk\nZorbLab\n",
    )
    .unwrap();
    let (code, out, _) = check_in(dir.path(), &select);
    assert_eq!((code, out.as_str()), (0, ""));

    // An entry with a capital is a term: other casings are reported.
    std::fs::write(&page, "Use the Zorblab.\n").unwrap();
    let (_, out, _) = check_in(dir.path(), &select);
    assert_eq!(
        out,
        "./team/page.md:1:9: error spelling/term-case: `Zorblab` is written `ZorbLab`\n"
    );

    // --words adds a list; a missing one is a usage error.
    std::fs::remove_file(dir.path().join(".jobfam-words.txt")).unwrap();
    std::fs::write(&page, "Use the teamwrk board.\n").unwrap();
    std::fs::write(dir.path().join("extra.txt"), "teamwrk\n").unwrap();
    let (code, _, _) = check_in(
        dir.path(),
        &["--words", "extra.txt", "--select", "spelling"],
    );
    assert_eq!(code, 0);
    let (code, _, err) = check_in(dir.path(), &["--words", "nope.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("nope.txt"), "{err}");
}

#[test]
fn locale_flag() {
    let page = "fixtures/spelling/variant/bad.en-US.md";
    let run = |locale: &str| {
        jobfam()
            .args(["check", "--format", "compact", "--select", "spelling"])
            .args(["--locale", locale, page])
            .output()
            .unwrap()
    };
    assert!(run("en").stdout.is_empty());
    let us = String::from_utf8(run("en-US").stdout).unwrap();
    assert_eq!(us.lines().count(), 4, "{us}");
    let bad = run("fr");
    assert_eq!(bad.status.code(), Some(2));
}

/// What an acceptance run on fresh pages found, each pinned.
#[test]
fn names_edge_cases_and_locales() {
    let page = "---\ntitle: \"Ping @managment_bot managment\"\n---\n\n\
                ## Senior Enginering Manager\n\n\
                Meet Marek, Kwame and Sameer in Paris. Microsoft Certifed staff.\n\
                Bora Bora, very very good, and Respon*sibil*ities and more.\n\
                A soft\u{ad}ware word, a zero\u{200b}width one and naïve café.\n";
    let found: Vec<String> = diagnostics_of(page, "spelling")
        .iter()
        .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
        .collect();
    assert_eq!(
        found,
        [
            "2:29 unknown word `managment`: did you mean `management`?",
            "5:11 unknown word `Enginering`: did you mean `Engineering`?",
            "7:50 unknown word `Certifed`: did you mean `Certified`?",
        ]
    );

    // en-US reports British spellings as variants, not typos; user words win over the locale.
    let settings = |words: Vec<std::path::PathBuf>| jobfam::config::Settings {
        select: vec!["spelling".into()],
        locale: Locale::EnUs,
        words,
        ..jobfam::config::Settings::default()
    };
    let text = "We practise our enquiries, learnt it and operationalised Snowplow.\n";
    let ctx = settings(Vec::new()).context().unwrap();
    let found: Vec<String> = jobfam::check_text("page.md", text, &ctx)
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.rule, d.message))
        .collect();
    assert_eq!(
        found,
        [
            "spelling/variant `practise` is not en-US spelling: write `practice`",
            "spelling/variant `enquiries` is not en-US spelling: write `inquiries`",
            "spelling/variant `learnt` is not en-US spelling: write `learned`",
            "spelling/variant `operationalised` is not en-US spelling: write `operationalized`",
        ]
    );
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("words.txt");
    std::fs::write(&list, "Trust Center\n").unwrap();
    let ctx = jobfam::config::Settings {
        locale: Locale::EnGb,
        ..settings(vec![list])
    }
    .context()
    .unwrap();
    let report = jobfam::check_text("page.md", "Visit the Trust Center.\n", &ctx);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
}

#[test]
fn a_very_long_word_is_not_searched() {
    let word = "abc".repeat(3000);
    assert!(diagnostics_of(&format!("A {word} here.\n"), "spelling").is_empty());
}
