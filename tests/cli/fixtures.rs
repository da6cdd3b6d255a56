//! Every rule against its fixtures: each bad page fires (snapshotted), each good page is clean.

use crate::{check_file, compact};
use jobfam::config::Settings;
use jobfam::diagnostic::{Diagnostic, FileReport};
use jobfam::rules::{FixAvailability, RULES, RuleMeta};
use jobfam::spelling::Locale;
use std::path::{Path, PathBuf};

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

#[test]
fn every_rule_fires_on_each_bad_fixture() {
    for rule in RULES {
        let dir = fixture_dir(rule.id);
        let bad = pages(&dir, "bad");
        assert!(
            !bad.is_empty(),
            "{}: no bad*.md in {}",
            rule.id,
            dir.display()
        );
        for page in bad {
            let settings = Settings {
                select: vec![rule.id.to_string()],
                schema: schema_for(&dir),
                locale: locale_of(&page),
                ..Settings::default()
            };
            let report = check_file(&page, &settings);
            assert!(
                !report.diagnostics.is_empty(),
                "{} does not fire on {}",
                rule.id,
                page.display()
            );
            assert!(report.diagnostics.iter().all(|d| d.rule == rule.id));
            for d in &report.diagnostics {
                fix_agrees_with_the_declaration(rule, d);
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
    }
}

/// A finding's fix is what its rule declares: always there for `Always`, never for `Never`,
/// and safe or unsafe as the declared safety allows.
fn fix_agrees_with_the_declaration(rule: &RuleMeta, d: &Diagnostic) {
    let at = format!("{} at {}:{}", rule.id, d.path, d.line);
    match (rule.fix, &d.fix) {
        (FixAvailability::Always, None) => panic!("{at}: declared Always, but has no fix"),
        (FixAvailability::Never, Some(_)) => panic!("{at}: declared Never, but has a fix"),
        (_, Some(fix)) => {
            let safety = rule
                .fix_safety
                .expect("a rule that fixes declares its safety");
            assert!(
                safety.allows(fix.applicability),
                "{at}: a {:?} fix, but the rule declares {safety:?}",
                fix.applicability
            );
        }
        _ => {}
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

#[test]
fn every_good_fixture_is_clean_under_all_rules() {
    for rule in RULES {
        let dir = fixture_dir(rule.id);
        let good = pages(&dir, "good");
        assert!(
            !good.is_empty(),
            "{}: no good*.md in {}",
            rule.id,
            dir.display()
        );
        for page in good {
            let settings = Settings {
                schema: schema_for(&dir),
                locale: locale_of(&page),
                ..Settings::default()
            };
            let report = check_file(&page, &settings);
            assert_eq!(compact(&report), "", "{} is not clean", page.display());
        }
    }
}

#[test]
fn every_fixture_folder_belongs_to_a_rule() {
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
            assert!(
                jobfam::rules::find(&id).is_some(),
                "fixtures/{id} belongs to no rule"
            );
        }
    }
}

#[test]
fn site_pages_are_clean() {
    for page in [
        "fixtures/sites/middleman/job-families/product/product-manager/index.html.md",
        "fixtures/sites/hugo/job-families/backend-engineer.md",
    ] {
        let report = check_file(Path::new(page), &Settings::default());
        assert_eq!(compact(&report), "", "{page} is not clean");
    }
}
