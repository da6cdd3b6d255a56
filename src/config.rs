//! Resolved settings for one run, built from the command line before any work starts.
//!
//! The library never sees a clap type: `main.rs` turns the raw arguments into [`Settings`].
//! (The `jobfam.toml` config file will be read here too.)

use crate::document::slug::Preset;
use crate::rules::{self, Context, GROUPS, RuleMeta};
use crate::schema::{Schema, SchemaError};
use crate::site::Site;
use crate::spelling::check::{WordsError, read_list};
use crate::spelling::{Locale, SpellCheck, Vocabulary};
use std::path::PathBuf;

/// What a check run does.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// Paths, directories or glob patterns; empty means `.`.
    pub paths: Vec<String>,
    /// Include patterns for directory walks; empty means the default.
    pub include: Vec<String>,
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
}

impl Settings {
    /// Whether a rule that needs the dictionary will run, so it can start loading early.
    pub fn spells(&self) -> bool {
        self.selected()
            .into_iter()
            .any(rules::spelling::needs_dictionary)
    }

    /// The rules `select` and `ignore` leave on (a selector that names nothing selects nothing).
    fn selected(&self) -> Vec<&'static RuleMeta> {
        let chosen = |r: &RuleMeta, list: &[String]| {
            list.iter().any(|s| resolve(s).iter().any(|x| x.id == r.id))
        };
        rules::RULES
            .iter()
            .copied()
            .filter(|r| self.select.is_empty() || chosen(r, &self.select))
            .filter(|r| !chosen(r, &self.ignore))
            .collect()
    }

    /// Compiles the schema and resolves rule selection into a per-run [`Context`].
    pub fn context(&self) -> Result<Context, ConfigError> {
        for selector in self.select.iter().chain(&self.ignore) {
            if resolve(selector).is_empty() {
                return Err(ConfigError::UnknownRule {
                    selector: selector.clone(),
                    suggestion: closest(selector),
                });
            }
        }
        let enabled = self
            .selected()
            .into_iter()
            .map(|r| (r, r.severity))
            .collect();
        let schema = match &self.schema {
            Some(path) => Schema::from_file(path)?,
            None => Schema::builtin(),
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
            .filter(|u| !(u.starts_with("https://") || u.starts_with("http://")))
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
        let mut words = Vocabulary::default();
        for path in &self.words {
            words.merge(read_list(path)?);
        }
        Ok(Context {
            schema,
            enabled,
            site,
            spelling: SpellCheck::new(self.locale, words),
        })
    }
}

/// The rules a selector names: an id, or a group.
fn resolve(selector: &str) -> Vec<&'static RuleMeta> {
    rules::RULES
        .iter()
        .copied()
        .filter(|r| r.id == selector || r.group() == selector)
        .collect()
}

/// The known id or group closest to `word`, if any is close.
pub fn closest(word: &str) -> Option<String> {
    let candidates = rules::RULES
        .iter()
        .map(|r| r.id)
        .chain(GROUPS.iter().copied());
    crate::similar::closest(word, candidates).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_and_suggestions() {
        let s = Settings {
            select: vec!["structure".into()],
            ignore: vec!["structure/placeholder".into()],
            ..Settings::default()
        };
        let ctx = s.context().unwrap();
        assert!(
            ctx.enabled
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
