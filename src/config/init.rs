//! `jobfam init`: a commented starter config.

use std::io::Write;
use std::path::Path;

/// The starter config: every setting, commented out, with what it does.
pub const STARTER: &str = include_str!("starter.toml");

/// Why the starter config was not written.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The file is there and `--force` was not given.
    #[error("{0} already exists; pass --force to replace it")]
    Exists(String),
    /// The other name is there: a new file would silently take its place.
    #[error(
        "{other} already configures jobfam here, and a new {path} would take its place; edit {other}, or pass --force"
    )]
    Shadows {
        /// The file that would be written.
        path: String,
        /// The config already there.
        other: String,
    },
    /// The file could not be written.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

/// Writes [`STARTER`] to `path`; an existing file is replaced only when `force` is set.
pub fn write(path: &Path, force: bool) -> Result<(), InitError> {
    let shown = path.display().to_string();
    let io = |source| InitError::Io {
        path: shown.clone(),
        source,
    };
    let other = path.with_file_name(super::file::NAMES[1]);
    if !force && other.is_file() {
        return Err(InitError::Shadows {
            path: shown,
            other: other.display().to_string(),
        });
    }
    let mut file = if force {
        std::fs::File::create(path).map_err(io)?
    } else {
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
        {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(InitError::Exists(shown));
            }
            Err(e) => return Err(io(e)),
        }
    };
    file.write_all(STARTER.as_bytes()).map_err(io)
}
