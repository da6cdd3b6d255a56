//! `spelling/term-case`: a known product or term written in the wrong case.

use super::{judged, replace_word};
use crate::document::words::{Kind, Word};
use crate::document::{Page, Span};
use crate::rules::{Check, Context, Finding, Fix, Input, declare_rule};
use crate::spelling::Verdict;

declare_rule! {
    /// ## What it does
    /// Flags a term with one right spelling written in another case: `Gitlab` or `gitlab` for
    /// `GitLab`, `Github`, `Devops`, `Javascript`, `Postgresql`. The terms are those of the
    /// built-in vocabulary and of your word lists that have a capital letter. A word that is
    /// also ordinary English in that case (`slack`, `go`) is never flagged, and neither are
    /// URLs, code or ALL-CAPS text. All lower case is only flagged when the term has a capital
    /// inside (`gitlab`, `devops`): `jenkins` or `splunk` is often the command or package, and
    /// so is a lower-case part of a compound (`gitlab-org`).
    ///
    /// A term that ends in capitals is also flagged when it is split before them: `circle CI`
    /// or `Circle CI` for `CircleCI`, `Graph QL` for `GraphQL`, `Open API` inside a sentence for
    /// `OpenAPI`. Other splits are left alone: "we work" and "in Design reviews" are English,
    /// not WeWork or InDesign, and so are "an open API", "my SQL skills" and "core DNS".
    ///
    /// ## Why is this bad?
    /// Product and company names are part of the company's voice; the handbook is public and
    /// candidates notice. "Gitlab" on GitLab's own job page looks careless.
    ///
    /// ## Example
    /// ```markdown
    /// Experience with Github Actions, Javascript and Kubernetes.
    /// ```
    /// Use instead:
    /// ```markdown
    /// Experience with GitHub Actions, JavaScript and Kubernetes.
    /// ```
    ///
    /// ## Fix
    /// Always: the word is replaced by the term's spelling, keeping a possessive or plural.
    TERM_CASE { id: "spelling/term-case", severity: Error, fix: Always(Safe), check: Check::Code(check) }
}

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    let mut findings = split_terms(page);
    findings.extend(judged(input)
        .filter_map(|(word, verdict)| {
            let Verdict::WrongCase(term) = verdict else {
                return None;
            };
            let mut finding = Finding::new(
                &TERM_CASE,
                word.span,
                format!("`{}` is written `{term}`", word.text),
            )
            .with_help(format!("write `{term}`"));
            finding.fix = Some(replace_word(page, word, term));
            Some(finding)
        }));
    findings.sort_by_key(|f| f.span.start);
    findings
}

/// Words that modify capitals in ordinary English ("an open API", "core DNS services"): in
/// lower case before the capitals that end a term, they are not the term split in two.
const MODIFIERS: &[&str] = &[
    "active", "big", "cloud", "core", "document", "fast", "gen", "key", "my", "new", "no", "open",
    "rapid", "strong", "swift", "test", "type", "web", "work",
];

/// Terms with a capital inside written as two words split at that capital: `circle CI`.
fn split_terms(page: &Page) -> Vec<Finding> {
    let vocabulary = crate::spelling::builtin().vocabulary();
    let mut out = Vec::new();
    for pair in page.words.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let plain = |w: &Word| w.kind != Kind::Digits && !w.quoted && w.compound.is_none();
        if !plain(a) || !plain(b) || !b.follows_space || page.text.get(a.span.end..b.span.start) != Some(" ")
        {
            continue;
        }
        let joined = format!("{}{}", a.text, b.text);
        let Some(term) = vocabulary.term_spelt(&joined.to_lowercase()) else {
            continue;
        };
        // Split where the term has its inner capital, before a part in capitals written as the
        // term writes it (`CI`, `SQL`): "we work" or "in Design reviews" are English, not
        // WeWork or InDesign.
        let at = a.text.len();
        if b.kind != Kind::Acronym
            || b.text.len() < 2
            || !term.is_char_boundary(at)
            || term[at..] != b.text
        {
            continue;
        }
        // "an open API", "a fast API", "no SQL": English when the first part modifies the
        // capitals; a capital inside a sentence ("with Open API standards") makes it a name.
        let lower = a.text.to_lowercase();
        let capitalised = a.text != lower;
        let name = if capitalised {
            a.mid_sentence || !crate::spelling::is_common(&lower)
        } else {
            !MODIFIERS.contains(&lower.as_str())
        };
        if !name {
            continue;
        }
        let span = Span {
            start: a.span.start,
            end: b.span.end,
        };
        let written = page.slice(span);
        let mut finding = Finding::new(&TERM_CASE, span, format!("`{written}` is written `{term}`"))
            .with_help(format!("write `{term}`, one word"));
        finding.fix = Some(Fix::safe(span, term));
        out.push(finding);
    }
    out
}
