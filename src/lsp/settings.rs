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

/// The settings for pages under `root`: a workspace folder, or the page's own folder when it
/// is in none (`None`: no folder at all, as for an unsaved buffer).
///
/// They are what `jobfam check` run in `root` would use: the `jobfam.toml` or `.jobfam.toml`
/// in `root` or the nearest folder above it, else the defaults. An error (a config file that
/// cannot be used) is shown to the user, and the server falls back to the defaults until the
/// file changes again.
pub fn settings_for(root: Option<&Path>) -> Result<Settings, ConfigError> {
    match root.and_then(crate::config::find) {
        Some(path) => Ok(crate::config::load(&path)?),
        None => Ok(Settings::default()),
    }
}
