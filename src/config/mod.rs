//! Resolved settings for one run, built before any work starts.
//!
//! [`file`] reads a `jobfam.toml` into [`Settings`]; `main.rs` lays the command line over them.
//! The library never sees a clap type or a TOML value.

pub mod file;
pub mod init;
pub mod keys;
pub mod resolve;

use crate::discover::Files;
use crate::document::slug::Preset;
use crate::rules::enabled::{Level, Override, RuleTable};
use crate::rules::grades::GradeSettings;
use crate::rules::{self, Context, RuleMeta};
use crate::schema::{Schema, SchemaError};
use crate::site::Site;
use crate::source::DEFAULT_MAX_FILE_SIZE;
use crate::spelling::check::{WordsError, read_list};
use crate::spelling::{Locale, SpellCheck, Vocabulary};
use std::path::PathBuf;

pub use file::{ConfigFileError, find, load, nearest};

/// What a check run does.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// The config file these settings came from, if any.
    pub config: Option<PathBuf>,
    /// Paths, directories or glob patterns; empty means `.`.
    pub paths: Vec<String>,
    /// Which files walks take and which are never checked.
    pub files: Files,
    /// Rule settings from the config's `[rules]`, applied in order over the defaults.
    pub levels: Vec<(&'static RuleMeta, Level)>,
    /// The config's `[[overrides]]`.
    pub overrides: Vec<Override>,
    /// The config's `job_pages`: which pages are job pages; `None` detects each page's kind.
    pub job_pages: Option<crate::globs::Globs>,
    /// A schema file replacing the built-in one.
    pub schema: Option<PathBuf>,
    /// Rule ids or groups to run; empty means all.
    pub select: Vec<String>,
    /// Rule ids or groups not to run.
    pub ignore: Vec<String>,
    /// Folders served at the site's `/` (several for a monorepo).
    pub site_roots: Vec<PathBuf>,
    /// The site's own origin, so absolute links to it are checked like site-root links.
    pub site_url: Option<String>,
    /// Only site paths with one of these prefixes are judged.
    pub site_prefixes: Vec<String>,
    /// The slug preset; `None` detects each page's generator.
    pub slug: Option<Preset>,
    /// Which English spelling is right.
    pub locale: Locale,
    /// Word lists to accept, besides the built-in ones and `.jobfam-words.txt` files.
    pub words: Vec<PathBuf>,
    /// Words and terms written in the config itself.
    pub vocabulary: Vocabulary,
    /// `[grades]`.
    pub grades: GradeSettings,
    /// The most bytes read from one file; `None`: [`DEFAULT_MAX_FILE_SIZE`].
    pub max_file_size: Option<u64>,
    /// `partials`: the headings each partial renders, where its file is not in the checkout.
    pub partials: std::collections::BTreeMap<String, Vec<String>>,
}

/// What the command line says, laid over a config file's settings by [`Settings::apply`].
#[derive(Clone, Debug, Default)]
pub struct CommandLine {
    /// Paths, directories or glob patterns; empty means `.`.
    pub paths: Vec<String>,
    /// `--select`: narrows the rules the config leaves on.
    pub select: Vec<String>,
    /// `--ignore`: turns rules off.
    pub ignore: Vec<String>,
    /// The settings' flags that were given, each with its values in order.
    pub given: Vec<(&'static keys::Key, Vec<String>)>,
}

/// A setting that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A rule selector that names no rule or group.
    #[error("`{selector}` is not a rule id or group{}; `jobfam rules` lists them", suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
    UnknownRule {
        /// What the user wrote.
        selector: String,
        /// The closest id or group.
        suggestion: Option<String>,
    },
    /// A site setting that cannot work.
    #[error("{0}")]
    Site(String),
    /// The schema could not be loaded.
    #[error(transparent)]
    Schema(#[from] SchemaError),
    /// A word list could not be read.
    #[error(transparent)]
    Words(#[from] WordsError),
    /// The config file cannot be used.
    #[error(transparent)]
    File(#[from] ConfigFileError),
    /// An `--exclude` pattern that does not compile.
    #[error("--exclude {0}")]
    Glob(#[from] crate::globs::GlobError),
}

impl Settings {
    /// These settings with the command line's laid over them, each flag as its declaration in
    /// [`keys`] says: a value given there replaces the config's, except `--exclude` and
    /// `--words`, which add to it.
    pub fn apply(mut self, cli: CommandLine) -> Result<Settings, ConfigError> {
        self.paths = if cli.paths.is_empty() {
            vec![".".into()]
        } else {
            cli.paths
        };
        self.select = cli.select;
        self.ignore = cli.ignore;
        for (key, values) in cli.given {
            if let Some(flag) = key.flag {
                (flag.apply)(&mut self, values)?;
            }
        }
        Ok(self)
    }

    /// The most bytes read from one file.
    pub fn max_file_size(&self) -> u64 {
        self.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE)
    }

    /// Whether a rule that needs the dictionary may run, so it can start loading early.
    pub fn spells(&self) -> bool {
        self.rule_table().may_spell()
    }

    /// Whether `select` and `ignore` leave `rule` on (a selector that names nothing selects
    /// nothing).
    fn selected(&self, rule: &RuleMeta) -> bool {
        let chosen = |list: &[String]| {
            list.iter()
                .any(|s| rules::matching(s).iter().any(|x| x.id == rule.id))
        };
        (self.select.is_empty() || chosen(&self.select)) && !chosen(&self.ignore)
    }

    fn rule_table(&self) -> RuleTable {
        // `--select` naming an opt-in rule by its id turns it on.
        let mut levels = self.levels.clone();
        levels.extend(
            rules::RULES
                .iter()
                .filter(|r| !r.default_on && self.select.iter().any(|s| s == r.id))
                .map(|r| (*r, Some(r.severity))),
        );
        RuleTable::new(&levels, |r| self.selected(r), self.overrides.clone())
    }

    /// Compiles the schema and resolves rule selection into a per-run [`Context`].
    pub fn context(&self) -> Result<Context, ConfigError> {
        for selector in self.select.iter().chain(&self.ignore) {
            if rules::matching(selector).is_empty() {
                return Err(ConfigError::UnknownRule {
                    selector: selector.clone(),
                    suggestion: closest(selector),
                });
            }
        }
        let schema = match &self.schema {
            Some(path) => Schema::from_file(path, rules::schema_rule)?,
            None => Schema::builtin(rules::schema_rule),
        };
        if let Some(root) = self.site_roots.iter().find(|r| !r.is_dir()) {
            return Err(ConfigError::Site(format!(
                "--site-root {} is not a folder; give the folder served at the site's /",
                root.display()
            )));
        }
        if let Some(url) = self
            .site_url
            .as_ref()
            .filter(|u| !crate::site::is_origin(u))
        {
            return Err(ConfigError::Site(format!(
                "--site-url {url} is not an http(s) origin; write it like https://about.gitlab.com"
            )));
        }
        if let Some(prefix) = self.site_prefixes.iter().find(|p| !p.starts_with('/')) {
            return Err(ConfigError::Site(format!(
                "--site-prefix {prefix} is not a site path; write it like /job-families/"
            )));
        }
        let site = Site::new(
            self.site_roots.clone(),
            self.site_prefixes.clone(),
            self.site_url.clone(),
            self.slug,
        );
        let mut words = self.vocabulary.clone();
        for path in &self.words {
            words.merge(read_list(path)?);
        }
        Ok(Context {
            schema,
            rules: self.rule_table(),
            site,
            spelling: SpellCheck::new(self.locale, words),
            grades: self.grades.clone(),
            job_pages: self.job_pages.clone(),
            partials: crate::partials::Partials::new(self.partials.clone()),
        })
    }
}

pub use crate::rules::closest_selector as closest;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_schema_compiles_against_the_registry() {
        let _ = Schema::builtin(rules::schema_rule);
    }

    #[test]
    fn selection_and_suggestions() {
        let s = Settings {
            select: vec!["structure".into()],
            ignore: vec!["structure/placeholder".into()],
            ..Settings::default()
        };
        let ctx = s.context().unwrap();
        let enabled: Vec<_> = ctx.rules.base().iter().collect();
        assert!(!enabled.is_empty());
        assert!(
            enabled
                .iter()
                .all(|(r, _)| r.group() == "structure" && r.id != "structure/placeholder")
        );
        let s = Settings {
            select: vec!["structure/placeholdr".into()],
            ..Settings::default()
        };
        let e = s.context().err().unwrap().to_string();
        assert!(e.contains("did you mean `structure/placeholder`"), "{e}");
    }
}
