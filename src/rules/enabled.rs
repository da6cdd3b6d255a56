//! Which rules run on a page, and at what severity.
//!
//! Four layers decide it, each over the one before: the rules' default severities, the
//! config's `[rules]`, the `[[overrides]]` whose `files` match the page, and `--select` /
//! `--ignore`, which narrow what the others leave on.

use super::{RULES, RuleMeta, Severity};
use crate::globs::Globs;
use std::borrow::Cow;
use std::path::Path;

/// A rule's setting: a severity, or `None` for off.
pub type Level = Option<Severity>;

/// The rules that run on one page, with their severities, in registry order.
#[derive(Clone, Debug, Default)]
pub struct Enabled(Vec<(&'static RuleMeta, Severity)>);

impl Enabled {
    /// The severity `rule` reports at, or `None` when it is off.
    pub fn severity(&self, rule: &RuleMeta) -> Option<Severity> {
        self.0
            .iter()
            .find(|(r, _)| r.id == rule.id)
            .map(|(_, s)| *s)
    }

    /// The rules that run, with their severities.
    pub fn iter(&self) -> impl Iterator<Item = (&'static RuleMeta, Severity)> + '_ {
        self.0.iter().copied()
    }

    /// These rules on a page of `kind`: on any page but a job page, without the rules that
    /// judge what only a job page must have ([`RuleMeta::job_pages_only`]).
    pub fn on<'a>(
        enabled: Cow<'a, Enabled>,
        kind: &crate::document::kind::PageKind,
    ) -> Cow<'a, Enabled> {
        if kind.is_job() || !enabled.0.iter().any(|(r, _)| r.job_pages_only()) {
            return enabled;
        }
        Cow::Owned(Enabled(
            enabled
                .0
                .iter()
                .copied()
                .filter(|(r, _)| !r.job_pages_only())
                .collect(),
        ))
    }

    /// Whether a rule that reads spelling verdicts runs.
    pub fn spells(&self) -> bool {
        self.0
            .iter()
            .any(|(r, _)| super::spelling::needs_dictionary(r))
    }
}

/// Severities for the pages that match `files`.
#[derive(Clone, Debug)]
pub struct Override {
    /// Which pages.
    pub files: Globs,
    /// Settings applied in order, over the config's `[rules]`.
    pub levels: Vec<(&'static RuleMeta, Level)>,
}

/// Every layer, resolved once per run.
#[derive(Clone, Debug)]
pub struct RuleTable {
    /// One level per rule in [`RULES`], after `[rules]`.
    levels: Vec<Level>,
    /// One flag per rule in [`RULES`]: whether `--select` / `--ignore` leave it on.
    allowed: Vec<bool>,
    overrides: Vec<Override>,
    /// The rules that run on a page no override matches.
    base: Enabled,
}

impl Default for RuleTable {
    fn default() -> RuleTable {
        RuleTable::new(&[], |_| true, Vec::new())
    }
}

impl RuleTable {
    /// A table from the config's settings (applied in order over the defaults), the rules
    /// `allowed` leaves on, and the overrides.
    pub fn new(
        settings: &[(&'static RuleMeta, Level)],
        allowed: impl Fn(&RuleMeta) -> bool,
        overrides: Vec<Override>,
    ) -> RuleTable {
        let mut levels: Vec<Level> = RULES
            .iter()
            .map(|r| r.default_on.then_some(r.severity))
            .collect();
        apply(&mut levels, settings);
        let allowed: Vec<bool> = RULES.iter().map(|r| allowed(r)).collect();
        let base = enabled(&levels, &allowed);
        RuleTable {
            levels,
            allowed,
            overrides,
            base,
        }
    }

    /// The rules that run on a page no override matches.
    pub fn base(&self) -> &Enabled {
        &self.base
    }

    /// The rules that run on the page at `path`.
    pub fn at(&self, path: &Path) -> Cow<'_, Enabled> {
        let mut matching = self
            .overrides
            .iter()
            .filter(|o| o.files.matches(path))
            .peekable();
        if matching.peek().is_none() {
            return Cow::Borrowed(&self.base);
        }
        let mut levels = self.levels.clone();
        for o in matching {
            apply(&mut levels, &o.levels);
        }
        Cow::Owned(enabled(&levels, &self.allowed))
    }

    /// Whether some page may run a rule that needs the dictionary.
    pub fn may_spell(&self) -> bool {
        self.base.spells()
            || self.overrides.iter().any(|o| {
                o.levels.iter().any(|(r, level)| {
                    level.is_some() && super::spelling::needs_dictionary(r) && self.allows(r)
                })
            })
    }

    fn allows(&self, rule: &RuleMeta) -> bool {
        RULES
            .iter()
            .position(|r| r.id == rule.id)
            .is_some_and(|i| self.allowed[i])
    }
}

fn apply(levels: &mut [Level], settings: &[(&'static RuleMeta, Level)]) {
    for (rule, level) in settings {
        if let Some(i) = RULES.iter().position(|r| r.id == rule.id) {
            levels[i] = *level;
        }
    }
}

fn enabled(levels: &[Level], allowed: &[bool]) -> Enabled {
    Enabled(
        RULES
            .iter()
            .zip(levels)
            .zip(allowed)
            .filter_map(|((rule, level), allowed)| Some((*rule, (*level)?)).filter(|_| *allowed))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::find;

    #[test]
    fn overrides_apply_to_matching_paths_only() {
        let placeholder = find("structure/placeholder").unwrap();
        let misspelling = find("spelling/misspelling").unwrap();
        let files = Globs::new(Path::new("/repo"), &["legacy/**".into()]).unwrap();
        let table = RuleTable::new(
            &[(placeholder, Some(Severity::Warning))],
            |r| r.id != "links/malformed",
            vec![Override {
                files,
                levels: vec![(placeholder, None), (misspelling, Some(Severity::Info))],
            }],
        );
        let base = table.at(Path::new("/repo/new/a.md"));
        assert_eq!(base.severity(placeholder), Some(Severity::Warning));
        assert_eq!(base.severity(find("links/malformed").unwrap()), None);
        let legacy = table.at(Path::new("/repo/legacy/a.md"));
        assert_eq!(legacy.severity(placeholder), None);
        assert_eq!(legacy.severity(misspelling), Some(Severity::Info));
        assert_eq!(legacy.severity(find("links/malformed").unwrap()), None);
    }
}
