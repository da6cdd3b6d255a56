//! `spelling/misspelling`: a word no dictionary knows, one typing slip from one that it does.

use super::{add_word_help, judged, replace_word};
use crate::rules::Applicability;
use crate::rules::{Check, Context, Finding, Input, declare_rule};
use crate::spelling::{Verdict, clear_best, has_rival};
use std::collections::HashMap;

declare_rule! {
    /// ## What it does
    /// Flags a word that is in none of jobfam's dictionaries (SCOWL's en_US dictionary, British
    /// spellings, the built-in vocabulary of DevOps, business, HR and product names, and your
    /// own word lists) when one typing slip would turn it into a word they know: a dropped,
    /// extra, doubled or wrong letter, or two letters swapped. In a word of seven letters or
    /// more that no single slip explains, two slips are tried ("Cusomter", "lifycle",
    /// "Volitality"): the word is reported when one or two common words are that close, and
    /// it is not two words run together ("workback", "timebound").
    ///
    /// A few English words that a job page never means are flagged too, each a slip for one
    /// word: "Manger" for "Manager", "costumer" for "customer", "pubic" for "public"
    /// (`data/words/corrections.txt`).
    ///
    /// A word with one capital typed inside it (`ExperIence`, `manaGement`) is flagged too,
    /// unless the capital joins two words (`BlackBerry`, `PlayBook`), as names do.
    ///
    /// The message names the likeliest correction: the word a writer most probably meant,
    /// weighing how common each candidate is (word frequencies from wordfreq) against how
    /// likely its slip is. A swapped pair or a tripled letter comes first; otherwise "thet"
    /// is "the" rather than "theft", "Auxillary" "Auxiliary" rather than the rare "Axillary",
    /// "Exends" "Extends" rather than "Expends". The help names the runners-up, and a word two
    /// neighbouring letters away that is nearly as common ("Provisiong": "Provision" or
    /// "Provisioning").
    ///
    /// What counts as a word: SCOWL's en_US dictionary, and SCOWL's larger American and
    /// British lists ("hotspots", "centricity", "interdependencies"), less the rare words one
    /// slip from a far commoner one ("goup", "wons"). Words only the larger lists know are
    /// accepted but never suggested.
    ///
    /// Only prose is read: not code, URLs, link targets, HTML, e-mail addresses, handles, file
    /// names, tokens with digits, acronyms (`OKRs`), CamelCase names (`GitLab`) or capitalised
    /// words in quotes. Unknown words that are no slip away from a known word (names, jargon)
    /// are left alone: a checker that cries wolf gets switched off. So are words with letters
    /// outside ASCII (`Sofía`), and capitalised words that look like names: every correction is
    /// a name (`Kaela`: Karla), or, inside a sentence, a short word that no dropped letter,
    /// swapped pair or doubled letter explains (`Marek`: Mark) or a word only two slips explain
    /// (`Impartner`: Importer). Headings, titles and sentence starts are always checked.
    ///
    /// ## Why is this bad?
    /// A job-family page is read by every candidate for the job. "Responsibilties" under a
    /// heading, or "Archtiect" in the title, says nobody read it.
    ///
    /// ## Example
    /// ```markdown
    /// ## Responsibilties
    /// - Lead the Commmunications team
    /// ```
    /// Use instead:
    /// ```markdown
    /// ## Responsibilities
    /// - Lead the Communications team
    /// ```
    /// A word that is right but unknown (a product, a team's name) goes in a
    /// `.jobfam-words.txt` file beside the pages, one word per line, or in a file passed with
    /// `--words FILE`.
    ///
    /// ## Fix
    /// Sometimes: when one correction is clearly the likeliest, the word is replaced by it. That
    /// is the only correction explained by a swapped pair or a tripled letter, or, in a word of
    /// eight letters or more, the only one explained by a dropped or extra letter. Shorter words
    /// have too many neighbours for a guess to be applied unseen.
    ///
    /// The fix is safe unless another common word is nearly as likely: two neighbouring
    /// letters dropped, a word two slips away that is ten times as common, or, for a fix that
    /// adds or drops a letter, a neighbouring key struck. A correction two slips away, or one
    /// that needs a wrong letter, is never applied unseen.
    /// "Provisiong" is one letter from "Provision" and two from "Provisioning", and
    /// "operatea" is "operate" with an extra letter or "operates" with `a` for `s`, so their
    /// fixes are unsafe: shown in the report, applied only with `--unsafe-fixes`. So is a fix
    /// in a heading without a `{#custom-id}`: it changes the heading's id, and links to the
    /// old id from other pages would break.
    MISSPELLING { id: "spelling/misspelling", severity: Error, fix: Sometimes(Mixed), check: Check::Code(check) }
}

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    // Looking for a rival takes thousands of lookups: once per word and correction.
    let mut rivals: HashMap<(String, String), bool> = HashMap::new();
    judged(input)
        .filter_map(|(word, verdict)| {
            let suggestions = match verdict {
                Verdict::Unknown(suggestions) => suggestions,
                Verdict::Slip(right) => {
                    let mut finding = Finding::new(
                        &MISSPELLING,
                        word.span,
                        format!(
                            "`{}` is a word, but not one a job page means: did you mean `{right}`?",
                            word.text
                        ),
                    )
                    .with_help(add_word_help(&word.text));
                    finding.fix = Some(replace_word(page, word, right));
                    return Some(finding);
                }
                _ => return None,
            };
            // Empty for words too short to correct (`spelling::check::MIN_LETTERS`).
            let best = suggestions.first()?;
            let mut finding = Finding::new(
                &MISSPELLING,
                word.span,
                format!(
                    "unknown word `{}`: did you mean `{}`?",
                    word.text, best.word
                ),
            );
            let others: Vec<String> = suggestions[1..]
                .iter()
                .take(4)
                .map(|s| format!("`{}`", s.word))
                .collect();
            finding.help = Some(if others.is_empty() {
                add_word_help(&word.text)
            } else {
                format!("or {}; {}", others.join(", "), add_word_help(&word.text))
            });
            if let Some(clear) = clear_best(&word.text, suggestions) {
                // "Provisiong": one letter too many for "Provision", two too few for
                // "Provisioning". Either is plausible, so the fix is shown, not applied.
                let rival = *rivals
                    .entry((word.text.to_lowercase(), clear.word.to_lowercase()))
                    .or_insert_with(|| has_rival(&word.text, &clear.word));
                let fix = replace_word(page, word, &clear.word);
                finding.fix = Some(if rival {
                    fix.with_applicability(Applicability::Unsafe)
                } else {
                    fix
                });
            }
            Some(finding)
        })
        .collect()
}
