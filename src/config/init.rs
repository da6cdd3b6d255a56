//! `jobfam init`: a commented starter config.

use super::keys;
use std::io::Write;
use std::path::Path;

const HEADER: &str = "\
# jobfam configuration. jobfam reads the first jobfam.toml or .jobfam.toml it finds in the
# current folder or a folder above it; `--config FILE` names one, `--no-config` ignores it.
# Paths here are relative to this file. Options on the command line win over this file.
# Every setting below is commented out, so this file changes nothing until you edit it.
";

const RULES: &str = "\
# Severity of rules and groups: \"off\", \"info\", \"warning\" or \"error\". A rule's own setting
# wins over its group's. `jobfam rules` lists them; `jobfam explain RULE` says what each checks.
[rules]
# \"spelling\" = \"warning\"
# \"structure/placeholder\" = \"error\"
# \"links/ambiguous-fragment\" = \"off\"

# Other severities for some files. Later overrides win over earlier ones.
# [[overrides]]
# files = [\"legacy/**\"]
# rules = { \"grades\" = \"off\", \"spelling\" = \"info\" }
";

/// The starter config: every setting of [`keys::KEYS`], commented out, with what it does.
pub fn starter() -> String {
    let comment = |text: &str| -> String { text.lines().map(|l| format!("# {l}\n")).collect() };
    let setting =
        |key: &keys::Key| format!("{}# {} = {}\n", comment(key.doc), key.name, key.example);
    let mut out = String::from(HEADER);
    for key in keys::in_table("") {
        out.push('\n');
        out.push_str(&setting(key));
    }
    out.push('\n');
    out.push_str(RULES);
    for table in keys::SETTING_TABLES {
        out.push_str(&format!("\n[{table}]\n"));
        for key in keys::in_table(table) {
            out.push_str(&setting(key));
        }
    }
    out
}

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

/// Writes the [`starter`] to `path`; an existing file is replaced only when `force` is set.
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
    file.write_all(starter().as_bytes()).map_err(io)
}
