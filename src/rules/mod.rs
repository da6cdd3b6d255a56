//! The rule registry, and what every rule takes and returns.
//!
//! A rule is a `static RuleMeta` declared with [`declare_rule!`] in its own file, listed once in
//! [`RULES`]. Rules see only an [`Input`] (the parsed [`Page`], where its links lead, the
//! verdicts on its words) and the per-run [`Context`]; they never read files or print. Their output is [`Finding`]s, which hold byte spans, not lines.

pub mod enabled;
pub mod grades;
pub mod grammar;
mod input;
pub mod links;
pub mod markdown;
pub mod spelling;
pub mod structure;
pub mod style;

use crate::document::Span;
use crate::schema::Schema;
pub use input::Input;
use serde::Serialize;
use std::sync::LazyLock;

/// How serious a finding is. Error findings make `check` exit 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks a merge.
    Error,
    /// Worth fixing; does not fail the run.
    Warning,
    /// For information.
    Info,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Whether a rule can offer an automatic fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixAvailability {
    /// Every finding carries a fix.
    Always,
    /// Only findings where the fix is certain carry one.
    Sometimes,
    /// The rule never fixes.
    Never,
}

/// Whether `--fix` may apply a fix without anyone reading it first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Certain: `--fix` applies it.
    Safe,
    /// Probably right, but another reading is plausible: shown in reports, applied only with
    /// `--unsafe-fixes`.
    Unsafe,
}

/// Which kinds of fix a rule offers, as its declaration states (`jobfam rules` shows it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixSafety {
    /// Every fix it offers is safe.
    Safe,
    /// Every fix it offers is unsafe.
    Unsafe,
    /// Some fixes are safe, others unsafe.
    Mixed,
}

impl FixSafety {
    /// Whether a fix of `applicability` agrees with the declaration.
    pub fn allows(self, applicability: Applicability) -> bool {
        matches!(
            (self, applicability),
            (FixSafety::Mixed, _)
                | (FixSafety::Safe, Applicability::Safe)
                | (FixSafety::Unsafe, Applicability::Unsafe)
        )
    }
}

/// A run-level rule's function: the pages that enable it, in run order, to each finding with
/// the index of its page.
pub type RunCheck = fn(&[RunPage<'_>], &Context) -> Vec<(usize, Finding)>;

/// How a rule produces findings.
#[derive(Clone, Copy)]
pub enum Check {
    /// A function over the page.
    Code(fn(&Input, &Context) -> Vec<Finding>),
    /// A run-level rule: after every page's own rules, a function over all the pages of the
    /// run that enable it (the ladders, the anchors), returning each finding with the index of
    /// its page in the slice.
    Run(RunCheck),
    /// Failures of the JSON Schema whose `x-rule` names this rule.
    Schema,
    /// Made by a pipeline step after the other rules (inline suppressions).
    Pipeline,
}

/// One page as a run-level rule sees it.
#[derive(Clone, Copy)]
pub struct RunPage<'a> {
    /// The page's path, as given or discovered.
    pub path: &'a std::path::Path,
    /// The page and what the run learned about it.
    pub input: &'a Input,
}

/// What kind of rule a rule is: where in the pipeline it runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Over one page at a time.
    Page,
    /// Over every page of the run, after the per-page rules.
    Run,
    /// From the JSON Schema, with the per-page rules.
    Schema,
    /// Made by a pipeline step (suppressions).
    Pipeline,
}

/// A rule's identity, documentation and check.
pub struct RuleMeta {
    /// Permanent id, `group/kebab-name`.
    pub id: &'static str,
    /// CamelCase name of the declaration.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Whether it fixes.
    pub fix: FixAvailability,
    /// Whether its fixes are safe; `None` for a rule that never fixes.
    pub fix_safety: Option<FixSafety>,
    /// The Markdown doc: What it does, Why is this bad?, Example, Fix.
    pub doc: &'static str,
    /// What runs.
    pub check: Check,
    /// Whether it runs unless configured off; an opt-in rule (`default: off`) runs when the
    /// config sets a severity for it or `--select` names its id.
    pub default_on: bool,
}

impl RuleMeta {
    /// The default setting as `jobfam rules` shows it: the severity, or `off (warning)`.
    pub fn default_word(&self) -> String {
        if self.default_on {
            self.severity.as_str().to_string()
        } else {
            format!("off ({})", self.severity.as_str())
        }
    }
}

impl RuleMeta {
    /// Where in the pipeline the rule runs.
    pub fn kind(&self) -> Kind {
        match self.check {
            Check::Code(_) => Kind::Page,
            Check::Run(_) => Kind::Run,
            Check::Schema => Kind::Schema,
            Check::Pipeline => Kind::Pipeline,
        }
    }

    /// Whether the rule judges what only a job page must have, so it runs on job pages only:
    /// the schema, `structure` and `grades`. The prose rules (`spelling`, `links`, `style`)
    /// run on every page.
    pub fn job_pages_only(&self) -> bool {
        self.kind() == Kind::Schema || matches!(self.group(), "structure" | "grades")
    }

    /// The group: the part of the id before `/`.
    pub fn group(&self) -> &'static str {
        self.id.split_once('/').map_or(self.id, |(g, _)| g)
    }

    /// The doc as Markdown: each line without the space `///` leaves before it.
    pub fn doc_markdown(&self) -> String {
        let lines: Vec<&str> = self
            .doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect();
        lines.join("\n")
    }

    /// The whole *What it does* section, on one line.
    pub fn what_it_does(&self) -> String {
        what_it_does(self.doc)
    }

    /// `fix`, `some-fix`, `unsafe-fix`, `some-unsafe-fix`, `mixed-fix` or `no-fix`: whether
    /// the rule fixes, and whether `--fix` applies its fixes (`unsafe` ones need
    /// `--unsafe-fixes`).
    pub fn fix_word(&self) -> &'static str {
        use {FixAvailability as A, FixSafety as S};
        match (self.fix, self.fix_safety) {
            (A::Never, _) | (_, None) => "no-fix",
            (_, Some(S::Mixed)) => "mixed-fix",
            (A::Always, Some(S::Safe)) => "fix",
            (A::Sometimes, Some(S::Safe)) => "some-fix",
            (A::Always, Some(S::Unsafe)) => "unsafe-fix",
            (A::Sometimes, Some(S::Unsafe)) => "some-unsafe-fix",
        }
    }

    /// The first sentence of *What it does*, on one line.
    pub fn summary(&self) -> String {
        let paragraph: Vec<&str> = self
            .doc
            .lines()
            .map(str::trim)
            .skip_while(|l| l.is_empty() || l.starts_with('#'))
            .take_while(|l| !l.is_empty())
            .collect();
        let text = paragraph.join(" ");
        match text.find(". ") {
            Some(end) => text[..=end].to_string(),
            None => text,
        }
    }
}

fn what_it_does(doc: &str) -> String {
    let lines: Vec<&str> = doc
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty() || l.starts_with('#'))
        .take_while(|l| !l.starts_with('#'))
        .filter(|l| !l.is_empty())
        .collect();
    lines.join(" ")
}

/// The rules a selector names: a rule id, or a group (every rule in it).
pub fn matching(selector: &str) -> Vec<&'static RuleMeta> {
    RULES
        .iter()
        .copied()
        .filter(|r| r.id == selector || r.group() == selector)
        .collect()
}

impl std::fmt::Debug for RuleMeta {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id)
    }
}

/// The rule groups: the first half of every id.
pub const GROUPS: &[&str] = &[
    "grades",
    "grammar",
    "links",
    "markdown",
    "spelling",
    "structure",
    "style",
];

/// What the registry says of an `x-rule` id in a schema (see [`crate::schema::KnownRule`]).
pub fn schema_rule(id: &str) -> Option<bool> {
    find(id).map(|rule| matches!(rule.check, Check::Schema))
}

/// Schema failures as findings of the rules they name (`structure/schema` when none), each
/// reported once.
fn schema_findings(failures: Vec<crate::schema::Failure>) -> Vec<Finding> {
    let mut findings: Vec<Finding> = Vec::new();
    for failure in failures {
        let rule = failure
            .rule
            .as_deref()
            .and_then(find)
            .unwrap_or(&structure::schema::SCHEMA);
        let seen = findings.iter().any(|f| {
            f.rule.id == rule.id && f.span == failure.span && f.message == failure.message
        });
        if !seen {
            findings.push(Finding {
                rule,
                span: failure.span,
                message: failure.message,
                help: failure.help,
                labels: Vec::new(),
                fix: None,
            });
        }
    }
    findings
}

/// The known rule id or group closest to `word`, if any is close: for "did you mean" on a
/// mistyped selector (config, command line, suppression comments).
pub fn closest_selector(word: &str) -> Option<String> {
    let candidates = RULES.iter().map(|r| r.id).chain(GROUPS.iter().copied());
    crate::similar::closest(word, candidates).map(str::to_string)
}

/// Declares a rule: its doc comment becomes the text `jobfam explain` prints.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        $name:ident { id: $id:literal, severity: $sev:ident, fix: $fix:ident $(($safety:ident))?, check: $check:expr $(, default: $default:ident)? $(,)? }
    ) => {
        $(#[doc = $doc])+
        pub static $name: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            id: $id,
            name: stringify!($name),
            severity: $crate::rules::Severity::$sev,
            fix: $crate::rules::FixAvailability::$fix,
            fix_safety: $crate::rules::declare_rule!(@safety $($safety)?),
            doc: concat!($($doc, "\n"),+),
            check: $check,
            default_on: $crate::rules::declare_rule!(@default $($default)?),
        };
    };
    (@default) => { true };
    (@default off) => { false };
    (@safety) => { None };
    (@safety $safety:ident) => { Some($crate::rules::FixSafety::$safety) };
}
pub(crate) use declare_rule;

/// Declares a group's rules, one line per rule (`module::RULE`): the line is both the
/// module's `mod` item and its entry in the registry, [`RULES`].
macro_rules! register {
    ($($module:ident :: $rule:ident),* $(,)?) => {
        $(pub mod $module;)*

        /// The group's rules, as [`crate::rules::RULES`] takes them.
        pub(crate) static RULES: &[&$crate::rules::RuleMeta] = &[$(&$module::$rule),*];
    };
}
pub(crate) use register;

/// Every rule, sorted by id: the groups' [`register!`] lists.
pub static RULES: LazyLock<Vec<&'static RuleMeta>> = LazyLock::new(|| {
    let mut rules: Vec<&'static RuleMeta> = [
        grades::RULES,
        grammar::RULES,
        links::RULES,
        markdown::RULES,
        spelling::RULES,
        structure::RULES,
        style::RULES,
    ]
    .concat();
    rules.sort_by_key(|r| r.id);
    rules
});

/// The README's table of rules: id, default severity, fix and the first sentence of its doc.
pub fn markdown_table() -> String {
    let mut out = String::from("| rule | default | fix | what it flags |\n|---|---|---|---|\n");
    for rule in RULES.iter() {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            rule.id,
            rule.default_word(),
            rule.fix_word(),
            rule.summary().replace('|', "\\|")
        ));
    }
    out
}

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static RuleMeta> {
    RULES.iter().copied().find(|r| r.id == id)
}

/// An edit that fixes a finding: replace `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// The bytes to replace.
    pub span: Span,
    /// What goes there.
    pub replacement: String,
    /// Whether `--fix` applies it unseen.
    pub applicability: Applicability,
}

impl Fix {
    /// A certain fix.
    pub fn safe(span: Span, replacement: impl Into<String>) -> Fix {
        Fix {
            span,
            replacement: replacement.into(),
            applicability: Applicability::Safe,
        }
    }

    /// A fix that is probably right but could be wrong.
    pub fn unsafe_fix(span: Span, replacement: impl Into<String>) -> Fix {
        Fix {
            span,
            replacement: replacement.into(),
            applicability: Applicability::Unsafe,
        }
    }

    /// This fix, applicable as `applicability`.
    pub fn with_applicability(mut self, applicability: Applicability) -> Fix {
        self.applicability = applicability;
        self
    }
}

/// One defect a rule found.
#[derive(Clone, Debug)]
pub struct Finding {
    /// The rule that found it.
    pub rule: &'static RuleMeta,
    /// Where the defect is.
    pub span: Span,
    /// What is wrong, quoting the value: lowercase, no trailing period.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// Further spans worth showing, each with a short label.
    pub labels: Vec<(Span, String)>,
    /// A fix, if there is one.
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding with no help, labels or fix.
    pub fn new(rule: &'static RuleMeta, span: Span, message: impl Into<String>) -> Finding {
        Finding {
            rule,
            span,
            message: message.into(),
            help: None,
            labels: Vec::new(),
            fix: None,
        }
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }
}

/// What is built once per run and shared by every file's checks.
pub struct Context {
    /// The compiled page schema.
    pub schema: Schema,
    /// The rules that run on each page, with the severity each reports at.
    pub rules: enabled::RuleTable,
    /// Where links lead.
    pub site: crate::site::Site,
    /// Locale, user words and caches of the spell checker.
    pub spelling: crate::spelling::SpellCheck,
    /// `[grades]` settings.
    pub grades: grades::GradeSettings,
    /// The config's `job_pages`; `None`: each page's kind is detected from the page.
    pub job_pages: Option<crate::globs::Globs>,
    /// Partials' sections: their files, read once, and the config's `partials`.
    pub partials: crate::partials::Partials,
}

impl Context {
    /// Whether some page may run a rule that reads spelling verdicts.
    pub fn spells(&self) -> bool {
        self.rules.may_spell()
    }

    /// Runs the `enabled` rules over a page, in registry order.
    pub fn check(&self, input: &Input, enabled: &enabled::Enabled) -> Vec<Finding> {
        let page = &input.page;
        let mut findings = Vec::new();
        let mut schema_ran = false;
        for (rule, _) in enabled.iter() {
            match rule.check {
                Check::Code(check) => findings.extend(check(input, self)),
                Check::Schema if !schema_ran => {
                    schema_ran = true;
                    findings.extend(
                        schema_findings(self.schema.validate(page))
                            .into_iter()
                            .filter(|f| enabled.severity(f.rule).is_some()),
                    );
                }
                Check::Schema | Check::Run(_) | Check::Pipeline => {}
            }
        }
        findings
    }

    /// Runs the run-level rules, each over the pages that enable it (`pages` holds each page
    /// with the rules enabled for it); returns each finding with its page's index in `pages`.
    pub fn check_run(&self, pages: &[(RunPage<'_>, &enabled::Enabled)]) -> Vec<(usize, Finding)> {
        let mut findings = Vec::new();
        for rule in RULES.iter().copied() {
            let Check::Run(run) = rule.check else {
                continue;
            };
            let (indices, selected): (Vec<usize>, Vec<RunPage<'_>>) = pages
                .iter()
                .enumerate()
                .filter(|(_, (_, enabled))| enabled.severity(rule).is_some())
                .map(|(i, (page, _))| (i, *page))
                .unzip();
            if selected.is_empty() {
                continue;
            }
            findings.extend(
                run(&selected, self)
                    .into_iter()
                    .map(|(i, f)| (indices[i], f)),
            );
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_says_where_each_rule_runs() {
        let of = |kind: Kind| -> Vec<&str> {
            RULES
                .iter()
                .filter(|r| r.kind() == kind)
                .map(|r| r.id)
                .collect()
        };
        assert_eq!(
            of(Kind::Run),
            [
                "grades/conflict",
                "grades/outlier",
                "links/broken-page-fragment"
            ]
        );
        assert_eq!(of(Kind::Pipeline), ["style/unused-suppression"]);
        assert_eq!(
            of(Kind::Page).len() + of(Kind::Schema).len() + 4,
            RULES.len()
        );
    }

    #[test]
    fn what_it_does_is_the_whole_section() {
        let doc =
            "## What it does\nFlags a thing\nover two lines.\n\n## Why is this bad?\nBecause.";
        assert_eq!(what_it_does(doc), "Flags a thing over two lines.");
    }

    #[test]
    fn ids_are_unique_sorted_and_well_formed() {
        let ids: Vec<_> = RULES.iter().map(|r| r.id).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(
            ids, sorted,
            "RULES must be sorted by id, without duplicates"
        );
        let kebab = regex::Regex::new(r"^[a-z]+/[a-z]+(-[a-z]+)*$").unwrap();
        for rule in RULES.iter() {
            assert!(
                kebab.is_match(rule.id),
                "{} is not group/kebab-name",
                rule.id
            );
            assert!(
                GROUPS.contains(&rule.group()),
                "{} has an unknown group",
                rule.id
            );
            let camel: String = rule
                .id
                .split_once('/')
                .unwrap()
                .1
                .split('-')
                .map(|w| {
                    let mut c = w.chars();
                    c.next().unwrap().to_ascii_uppercase().to_string() + c.as_str()
                })
                .collect::<String>()
                .to_uppercase();
            assert_eq!(
                rule.name.replace('_', ""),
                camel,
                "{}: the static's name must be the id's",
                rule.id
            );
        }
    }

    #[test]
    fn every_rule_is_documented() {
        for rule in RULES.iter() {
            let mut at = 0;
            for section in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Fix",
            ] {
                let found = rule.doc[at..].find(section);
                assert!(
                    found.is_some(),
                    "{}: doc lacks `{section}` (or it is out of order)",
                    rule.id
                );
                at += found.unwrap();
            }
            assert!(!rule.summary().is_empty(), "{}: empty summary", rule.id);
        }
    }
}
