//! Every rule against its fixtures, one test case per rule, made from the registry: each bad
//! page fires (snapshotted with its help and fix), each good page is clean under all rules.
//! A custom harness (libtest-mimic) so that a new rule gets its cases without a line here,
//! and one rule's failure does not hide another's. Filter as usual: `cargo test --test rules
//! -- links/`.
#![allow(clippy::unwrap_used, clippy::print_stderr, clippy::disallowed_methods)]

mod common;

use common::{check_file, compact};
use jobfam::config::Settings;
use jobfam::diagnostic::{Diagnostic, FileReport};
use jobfam::rules::{FixAvailability, RULES, RuleMeta};
use jobfam::spelling::Locale;
use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    for rule in RULES.iter().copied() {
        trials.push(Trial::test(format!("{}::bad", rule.id), move || {
            bad_fixtures_fire(rule)
        }));
        trials.push(Trial::test(format!("{}::good", rule.id), move || {
            good_fixtures_are_clean(rule)
        }));
    }
    trials.push(Trial::test(
        "every_fixture_folder_belongs_to_a_rule",
        every_fixture_folder_belongs_to_a_rule,
    ));
    trials.push(Trial::test("site_pages_are_clean", site_pages_are_clean));
    libtest_mimic::run(&args, trials).exit();
}

fn fixture_dir(id: &str) -> PathBuf {
    Path::new("fixtures").join(id)
}

fn pages(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(prefix) && name.ends_with(".md")
        })
        .collect();
    v.sort();
    v
}

/// The locale a page names after its last dot (`bad.en-GB.md`), else the default.
fn locale_of(page: &Path) -> Locale {
    let stem = page.file_stem().unwrap().to_string_lossy().to_string();
    stem.rsplit_once('.')
        .and_then(|(_, l)| Locale::parse(l))
        .unwrap_or_default()
}

/// The folder's `schema.json`, when a rule needs a schema of its own.
fn schema_for(dir: &Path) -> Option<PathBuf> {
    let p = dir.join("schema.json");
    p.exists().then_some(p)
}

fn bad_fixtures_fire(rule: &'static RuleMeta) -> Result<(), Failed> {
    let dir = fixture_dir(rule.id);
    let bad = pages(&dir, "bad");
    if bad.is_empty() {
        return Err(format!("{}: no bad*.md in {}", rule.id, dir.display()).into());
    }
    for page in bad {
        let settings = Settings {
            select: vec![rule.id.to_string()],
            schema: schema_for(&dir),
            locale: locale_of(&page),
            ..Settings::default()
        };
        let report = check_file(&page, &settings);
        if report.diagnostics.is_empty() {
            return Err(format!("{} does not fire on {}", rule.id, page.display()).into());
        }
        if let Some(other) = report.diagnostics.iter().find(|d| d.rule != rule.id) {
            return Err(
                format!("{} reported {} on {}", rule.id, other.rule, page.display()).into(),
            );
        }
        for d in &report.diagnostics {
            fix_agrees_with_the_declaration(rule, d)?;
        }
        let name = format!(
            "{}__{}",
            rule.id.replace('/', "__"),
            page.file_stem().unwrap().to_string_lossy()
        );
        insta::assert_snapshot!(name.clone(), compact(&report));
        let text = std::fs::read_to_string(&page).unwrap();
        insta::assert_snapshot!(
            format!("{name}__help_and_fix"),
            help_and_fix(&report, &text)
        );
    }
    Ok(())
}

/// A finding's fix is what its rule declares: always there for `Always`, never for `Never`,
/// and safe or unsafe as the declared safety allows.
fn fix_agrees_with_the_declaration(rule: &RuleMeta, d: &Diagnostic) -> Result<(), Failed> {
    let at = format!("{} at {}:{}", rule.id, d.path, d.line);
    match (rule.fix, &d.fix) {
        (FixAvailability::Always, None) => {
            Err(format!("{at}: declared Always, but has no fix").into())
        }
        (FixAvailability::Never, Some(_)) => {
            Err(format!("{at}: declared Never, but has a fix").into())
        }
        (_, Some(fix)) => match rule.fix_safety {
            None => Err(format!("{at}: fixes, but declares no safety").into()),
            Some(safety) if !safety.allows(fix.applicability) => Err(format!(
                "{at}: a {:?} fix, but the rule declares {safety:?}",
                fix.applicability
            )
            .into()),
            Some(_) => Ok(()),
        },
        _ => Ok(()),
    }
}

/// Each finding's help and fix: the fix as the bytes it replaces and what replaces them.
fn help_and_fix(report: &FileReport, text: &str) -> String {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let mut out = format!("{}:{} {}\n", d.line, d.column, d.message);
            if let Some(help) = &d.help {
                out.push_str(&format!("  help: {help}\n"));
            }
            if let Some(fix) = &d.fix {
                let old = text.get(fix.offset..fix.offset + fix.length).unwrap_or("?");
                out.push_str(&format!(
                    "  fix ({:?}): {old:?} -> {:?}\n",
                    fix.applicability, fix.replacement
                ));
            }
            out
        })
        .collect()
}

fn good_fixtures_are_clean(rule: &'static RuleMeta) -> Result<(), Failed> {
    let dir = fixture_dir(rule.id);
    let good = pages(&dir, "good");
    if good.is_empty() {
        return Err(format!("{}: no good*.md in {}", rule.id, dir.display()).into());
    }
    for page in good {
        let settings = Settings {
            schema: schema_for(&dir),
            locale: locale_of(&page),
            ..Settings::default()
        };
        let found = compact(&check_file(&page, &settings));
        if !found.is_empty() {
            return Err(format!("{} is not clean:\n{found}", page.display()).into());
        }
    }
    Ok(())
}

fn every_fixture_folder_belongs_to_a_rule() -> Result<(), Failed> {
    for group in std::fs::read_dir("fixtures").unwrap() {
        let group = group.unwrap().path();
        let group_name = group.file_name().unwrap().to_string_lossy().to_string();
        if group_name == "sites" {
            continue;
        }
        for rule in std::fs::read_dir(&group).unwrap() {
            let id = format!(
                "{group_name}/{}",
                rule.unwrap().file_name().to_string_lossy()
            );
            if jobfam::rules::find(&id).is_none() {
                return Err(format!("fixtures/{id} belongs to no rule").into());
            }
        }
    }
    Ok(())
}

fn site_pages_are_clean() -> Result<(), Failed> {
    for page in [
        "fixtures/sites/middleman/job-families/product/product-manager/index.html.md",
        "fixtures/sites/hugo/job-families/backend-engineer.md",
    ] {
        let found = compact(&check_file(Path::new(page), &Settings::default()));
        if !found.is_empty() {
            return Err(format!("{page} is not clean:\n{found}").into());
        }
    }
    Ok(())
}
