//! The settings the language server checks a workspace with.
//!
//! Every `Context` the server builds comes from [`settings_for`], and it builds them again
//! whenever a watched file ([`WATCHED`]) changes, so this is the one place that decides what an
//! editor's jobfam checks.

use crate::config::{ConfigError, Settings};
use std::path::Path;

/// Files whose change can change findings on open pages: the server asks the client to watch
/// them and rebuilds its settings when one changes. Markdown pages are among them because a
/// link into another page is judged by that page's headings, which are cached per settings.
pub const WATCHED: &[&str] = &[
    "**/jobfam.toml",
    "**/.jobfam.toml",
    "**/.jobfam-words.txt",
    "**/*.md",
];

/// The settings from the config file at `config`, or the defaults when there is none: what
/// `jobfam check` would use for a page that config applies to.
///
/// An error (a config file that cannot be used) is shown to the user, and the server falls
/// back to the defaults until the file changes again.
pub fn settings_for(config: Option<&Path>) -> Result<Settings, ConfigError> {
    match config {
        Some(path) => Ok(crate::config::load(path)?),
        None => Ok(Settings::default()),
    }
}
