//! `jobfam.toml`: finding it, reading it into [`Settings`], and saying exactly where it is
//! wrong.
//!
//! The file is parsed into a table that keeps the byte span of every key and value, then read
//! key by key, so every problem (a TOML syntax error, an unknown key, a wrong type, a rule id
//! that does not exist, a path that leads nowhere) is a diagnostic at its exact spot, with
//! "did you mean" where a known name is close. All problems are collected, not just the first.

use super::Settings;
use super::keys::{self, Choice};
use crate::diagnostic::{FileReport, Placer, error_ids};
use crate::document::Span;
use crate::globs::Globs;
use crate::paths::absolute;
use crate::rules::enabled::{Level, Override};
use crate::rules::{GROUPS, RuleMeta, Severity};
use crate::source::{FileKind, ReadError, Source};
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The names a config file may have, in the order they are looked for in each folder.
pub const NAMES: [&str; 2] = ["jobfam.toml", ".jobfam.toml"];

/// The config file that applies to work in `dir`: the first of [`NAMES`] in `dir` or the
/// nearest folder above it.
///
/// The path is relative to the current folder when the file is in it or below it, as paths
/// in diagnostics are.
pub fn find(dir: &Path) -> Option<PathBuf> {
    let found = absolute(dir)
        .ancestors()
        .flat_map(|d| NAMES.iter().map(move |name| d.join(name)))
        // Anything there but a folder: a named pipe or a device called jobfam.toml is
        // reported by `load`, not passed over for a config further up.
        .find(|p| std::fs::metadata(p).is_ok_and(|m| !m.is_dir()))?;
    let cwd = std::env::current_dir().ok().map(|c| absolute(&c));
    match cwd.and_then(|c| found.strip_prefix(c).ok().map(Path::to_path_buf)) {
        Some(relative) => Some(relative),
        None => Some(found),
    }
}

/// The settings of the config file that applies to work in `dir` ([`find`]), or the defaults
/// when there is none.
pub fn nearest(dir: &Path) -> Result<Settings, ConfigFileError> {
    find(dir).map_or_else(|| Ok(Settings::default()), |path| load(&path))
}

/// A config file that cannot be used, with every problem found in it.
#[derive(Debug)]
pub struct ConfigFileError {
    /// The file.
    pub path: PathBuf,
    /// Its text, when it could be read.
    source: Option<Source>,
    /// What is wrong, in file order.
    pub problems: Vec<Problem>,
}

/// One thing wrong in a config file.
#[derive(Clone, Debug)]
pub struct Problem {
    /// Bytes of the config text the problem is about.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl ConfigFileError {
    /// The problems as diagnostics in the config file, for any reporter.
    pub fn report(&self) -> FileReport {
        let path = crate::diagnostic::display_path(&self.path);
        let Some(source) = &self.source else {
            let diagnostics = self
                .problems
                .iter()
                .map(|p| {
                    let mut d =
                        crate::diagnostic::path_error(&path, error_ids::CONFIG, p.message.clone());
                    d.help.clone_from(&p.help);
                    d
                })
                .collect();
            return FileReport {
                path,
                text: None,
                diagnostics,
            };
        };
        let placer = Placer::new(source);
        let diagnostics = self
            .problems
            .iter()
            .map(|p| {
                let mut d = placer.fatal(
                    error_ids::CONFIG,
                    Span::new(p.span.start, p.span.end),
                    p.message.clone(),
                );
                d.help.clone_from(&p.help);
                d
            })
            .collect();
        FileReport {
            path,
            text: Some(source.text.clone()),
            diagnostics,
        }
    }
}

impl std::fmt::Display for ConfigFileError {
    /// The first problem as `path:line:col: message`, and how many more there are.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let report = self.report();
        let Some(first) = report.diagnostics.first() else {
            return write!(f, "{}: cannot be used", report.path);
        };
        write!(
            f,
            "{}:{}:{}: {}",
            report.path, first.line, first.column, first.message
        )?;
        if let Some(help) = &first.help {
            write!(f, " ({help})")?;
        }
        match report.diagnostics.len() {
            1 => Ok(()),
            n => write!(
                f,
                "; and {} more problem{}",
                n - 1,
                if n == 2 { "" } else { "s" }
            ),
        }
    }
}

impl std::error::Error for ConfigFileError {}

/// Reads the config file at `path` into settings; relative paths in it are relative to its
/// folder.
pub fn load(path: &Path) -> Result<Settings, ConfigFileError> {
    let fail = |source, problem: Problem| ConfigFileError {
        path: path.to_path_buf(),
        source,
        problems: vec![problem],
    };
    let source = Source::read(path).map_err(|e| {
        let message = match e {
            ReadError::Io { source } => format!("cannot read config file: {source}"),
            ReadError::InvalidUtf8 { line, .. } => {
                format!("config file is not valid UTF-8 (line {line})")
            }
            ReadError::Binary { .. } => "config file is binary, not TOML".to_string(),
            e @ (ReadError::NotAFile { .. } | ReadError::TooLarge { .. }) => {
                format!("config file {e}")
            }
        };
        fail(
            None,
            Problem {
                span: 0..0,
                message,
                help: Some("fix or replace the file, or pass --no-config".into()),
            },
        )
    })?;
    let text = source.text.clone();
    let (table, errors) = DeTable::parse_recoverable(&text);
    let mut problems: Vec<Problem> = errors
        .iter()
        .map(|e| Problem {
            span: e.span().unwrap_or(0..0),
            message: format!("TOML syntax: {}", e.message().trim_end()),
            help: Some("see https://toml.io for the syntax".into()),
        })
        .collect();
    let mut settings = Settings {
        config: Some(path.to_path_buf()),
        ..Settings::default()
    };
    if problems.is_empty() {
        let dir = absolute(path)
            .parent()
            .map_or_else(|| PathBuf::from("/"), Path::to_path_buf);
        let mut reader = Reader {
            dir,
            problems: Vec::new(),
        };
        reader.document(table.get_ref(), &mut settings);
        problems = reader.problems;
    }
    if problems.is_empty() {
        return Ok(settings);
    }
    problems.sort_by_key(|p| (p.span.start, p.span.end));
    problems.dedup_by(|a, b| a.span == b.span && a.message == b.message);
    Err(ConfigFileError {
        path: path.to_path_buf(),
        source: Some(source),
        problems,
    })
}

pub(crate) type Value<'i> = Spanned<DeValue<'i>>;

/// Keys of an `[[overrides]]` entry (the settings' keys are in [`keys`]).
const OVERRIDE: &[&str] = &["files", "rules"];
const LEVELS: &[Choice] = &[
    choice("off"),
    choice("info"),
    choice("warning"),
    choice("error"),
];

const fn choice(name: &'static str) -> Choice {
    Choice {
        name,
        aliases: &[],
        help: "",
    }
}

/// Reads a parsed config file into [`Settings`], collecting every problem.
pub(crate) struct Reader {
    /// The config file's folder, absolute.
    pub(crate) dir: PathBuf,
    problems: Vec<Problem>,
}

impl Reader {
    pub(crate) fn problem(&mut self, span: Range<usize>, message: String, help: Option<String>) {
        self.problems.push(Problem {
            span,
            message,
            help,
        });
    }

    fn document(&mut self, table: &DeTable<'_>, settings: &mut Settings) {
        self.known_keys(table, "", &keys::of(""));
        self.settings(table, "", settings);
        if let Some(v) = table.get("rules") {
            if let Some(t) = self.table(v, "rules") {
                settings.levels = self.levels(t);
            }
        }
        if let Some(v) = table.get("overrides") {
            settings.overrides = self.overrides(v);
        }
        for &name in keys::SETTING_TABLES {
            if let Some(t) = table.get(name).and_then(|v| self.table(v, name)) {
                self.known_keys(t, name, &keys::of(name));
                self.settings(t, name, settings);
            }
        }
    }

    /// Reads the settings of one table, each as its declaration in [`keys`] says.
    fn settings(&mut self, t: &DeTable<'_>, table: &str, settings: &mut Settings) {
        for key in keys::in_table(table) {
            if let Some(v) = t.get(key.name) {
                (key.read)(self, v, settings);
            }
        }
    }

    /// `[rules]` or an override's `rules`: groups first, then ids, so an id's setting wins over
    /// its group's whatever the order in the file.
    fn levels(&mut self, t: &DeTable<'_>) -> Vec<(&'static RuleMeta, Level)> {
        let mut groups = Vec::new();
        let mut ids = Vec::new();
        for (key, value) in t.iter() {
            let selector = key.get_ref().as_ref();
            let rules = crate::rules::matching(selector);
            if rules.is_empty() {
                let hint = super::closest(selector);
                self.problem(
                    key.span(),
                    match hint {
                        Some(h) => format!("unknown rule `{selector}`; did you mean `{h}`?"),
                        None => format!("unknown rule `{selector}`"),
                    },
                    Some("keys are rule ids or groups; `jobfam rules` lists them".into()),
                );
                continue;
            }
            if let DeValue::Table(_) = value.get_ref() {
                self.problem(
                    value.span(),
                    format!("`{selector}` must be a severity, not a table"),
                    Some(format!(
                        "quote rule ids, as in \"{selector}/…\" = \"off\"; `rules.{selector}.x` is a table"
                    )),
                );
                continue;
            }
            let Some(level) = self.choice(value, selector, LEVELS) else {
                continue;
            };
            let level = match level {
                "error" => Some(Severity::Error),
                "warning" => Some(Severity::Warning),
                "info" => Some(Severity::Info),
                _ => None,
            };
            let list = if GROUPS.contains(&selector) {
                &mut groups
            } else {
                &mut ids
            };
            list.extend(rules.into_iter().map(|r| (r, level)));
        }
        groups.extend(ids);
        groups
    }

    fn overrides(&mut self, v: &Value<'_>) -> Vec<Override> {
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(v, "overrides", "an array of tables ([[overrides]])");
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            let Some(t) = self.table(item, "overrides") else {
                continue;
            };
            let typos = self.known_keys(t, "overrides", OVERRIDE);
            let Some(files) = t.get("files") else {
                if typos {
                    continue; // `file = …` is already reported, with "did you mean".
                }
                self.problem(
                    item.span(),
                    "this override has no `files`".into(),
                    Some("add files = [\"glob/**\"] for the pages it applies to".into()),
                );
                continue;
            };
            let files = self.globs(files, "files").filter(|globs| {
                if globs.is_empty() {
                    self.problem(
                        t["files"].span(),
                        "`files` is empty, so this override applies to nothing".into(),
                        None,
                    );
                }
                !globs.is_empty()
            });
            let levels = match t.get("rules") {
                Some(r) => self.table(r, "rules").map(|t| self.levels(t)),
                None => {
                    self.problem(
                        item.span(),
                        "this override sets no `rules`".into(),
                        Some("add rules = { \"grades\" = \"off\" } or similar".into()),
                    );
                    None
                }
            };
            if let (Some(files), Some(levels)) = (files, levels) {
                out.push(Override { files, levels });
            }
        }
        out
    }

    /// Reports the keys of `t` that are not in `known`; whether there was any.
    fn known_keys(&mut self, t: &DeTable<'_>, section: &str, known: &[&str]) -> bool {
        let mut any = false;
        for key in t.keys() {
            let name = key.get_ref().as_ref();
            if known.contains(&name) {
                continue;
            }
            let place = if section.is_empty() {
                String::new()
            } else {
                format!(" in [{section}]")
            };
            let hint = crate::similar::closest(name, known.iter().copied());
            let message = match hint {
                Some(h) => format!("unknown key `{name}`{place}; did you mean `{h}`?"),
                None => format!("unknown key `{name}`{place}"),
            };
            let home = keys::home(name);
            let help = match home {
                Some(home) => format!("`{name}` belongs in the [{home}] table"),
                None => format!("known keys{place}: {}", known.join(", ")),
            };
            self.problem(key.span(), message, Some(help));
            any = true;
        }
        any
    }

    fn table<'v, 'i>(&mut self, v: &'v Value<'i>, key: &str) -> Option<&'v DeTable<'i>> {
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(v, key, "a table");
                None
            }
        }
    }

    pub(crate) fn string(&mut self, v: &Value<'_>, key: &str) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.wrong_type(v, key, "a string");
                None
            }
        }
    }

    pub(crate) fn boolean(&mut self, v: &Value<'_>, key: &str) -> Option<bool> {
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(v, key, "true or false");
                None
            }
        }
    }

    /// A size: bytes, or a string with a K, M or G suffix.
    pub(crate) fn size(&mut self, v: &Value<'_>, key: &str) -> Option<u64> {
        let text = match v.get_ref() {
            DeValue::Integer(i) => u64::from_str_radix(i.as_str(), i.radix())
                .map_or_else(|_| i.as_str().to_string(), |n| n.to_string()),
            DeValue::String(s) => s.to_string(),
            _ => {
                self.wrong_type(v, key, "a size in bytes, or a string like \"16M\"");
                return None;
            }
        };
        match crate::source::parse_size(&text) {
            Ok(bytes) => Some(bytes),
            Err(message) => {
                self.problem(
                    v.span(),
                    format!("`{key}`: {message}"),
                    Some("write bytes (16777216) or a string with K, M or G (\"16M\")".into()),
                );
                None
            }
        }
    }

    /// A table whose values are strings or arrays of strings: `{ "name" = ["A", "B"] }`.
    pub(crate) fn string_lists(
        &mut self,
        v: &Value<'_>,
        key: &str,
    ) -> Option<Vec<(String, Vec<String>)>> {
        let table = self.table(v, key)?;
        let mut out = Vec::new();
        for (name, value) in table.iter() {
            let values = self.strings(value, key)?;
            out.push((
                name.get_ref().to_string(),
                values.into_iter().map(|s| s.into_inner()).collect(),
            ));
        }
        Some(out)
    }

    /// A string or an array of strings.
    pub(crate) fn strings(&mut self, v: &Value<'_>, key: &str) -> Option<Vec<Spanned<String>>> {
        match v.get_ref() {
            DeValue::String(s) => Some(vec![Spanned::new(v.span(), s.to_string())]),
            DeValue::Array(items) => {
                let mut out = Vec::new();
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => out.push(Spanned::new(item.span(), s.to_string())),
                        _ => self.wrong_type(item, key, "a string"),
                    }
                }
                Some(out)
            }
            _ => {
                self.wrong_type(v, key, "a string or an array of strings");
                None
            }
        }
    }

    /// A string that must be one of `choices`.
    pub(crate) fn choice(
        &mut self,
        v: &Value<'_>,
        key: &str,
        choices: &[Choice],
    ) -> Option<&'static str> {
        let s = self.string(v, key)?;
        if let Some(c) = choices.iter().find(|c| c.name == s) {
            return Some(c.name);
        }
        let names = || choices.iter().map(|c| c.name);
        let hint = crate::similar::closest(&s, names())
            .or_else(|| names().find(|c| c.starts_with(s.as_str())));
        let message = match hint {
            Some(h) => format!("`{s}` is not a value of `{key}`; did you mean `{h}`?"),
            None => format!("`{s}` is not a value of `{key}`"),
        };
        self.problem(
            v.span(),
            message,
            Some(format!(
                "use one of: {}",
                names().collect::<Vec<_>>().join(", ")
            )),
        );
        None
    }

    pub(crate) fn globs(&mut self, v: &Value<'_>, key: &str) -> Option<Globs> {
        let patterns = self.strings(v, key)?;
        let mut globs = Globs::default();
        for p in patterns {
            match Globs::new(&self.dir, std::slice::from_ref(p.get_ref())) {
                Ok(g) => globs.extend(g),
                Err(e) => self.problem(p.span(), e.to_string(), None),
            }
        }
        Some(globs)
    }

    pub(crate) fn path(&mut self, v: &Value<'_>, key: &str, kind: Kind) -> Option<PathBuf> {
        let s = self.string(v, key)?;
        self.resolve_path(&Spanned::new(v.span(), s), kind)
    }

    /// `path` relative to the config file's folder, which must hold a file or folder there.
    pub(crate) fn resolve_path(&mut self, path: &Spanned<String>, kind: Kind) -> Option<PathBuf> {
        let resolved = self.dir.join(path.get_ref());
        let metadata = std::fs::metadata(&resolved).ok();
        let ok = match kind {
            Kind::File => metadata.as_ref().is_some_and(std::fs::Metadata::is_file),
            Kind::Folder => metadata.as_ref().is_some_and(std::fs::Metadata::is_dir),
        };
        if ok {
            return Some(resolved);
        }
        if let (Kind::File, Some(other)) = (kind, metadata.as_ref().and_then(FileKind::of)) {
            self.problem(
                path.span(),
                format!("`{}` is {other}, not a file", path.get_ref()),
                Some("name a regular file".into()),
            );
            return None;
        }
        let what = match kind {
            Kind::File => "file",
            Kind::Folder => "folder",
        };
        self.problem(
            path.span(),
            format!("no {what} at `{}`", path.get_ref()),
            Some(format!(
                "paths are relative to the config file's folder; this one resolves to {}",
                resolved.display()
            )),
        );
        None
    }

    fn wrong_type(&mut self, v: &Value<'_>, key: &str, expected: &str) {
        let found = match v.get_ref() {
            DeValue::String(_) => "a string",
            DeValue::Integer(_) => "an integer",
            DeValue::Float(_) => "a float",
            DeValue::Boolean(_) => "a boolean",
            DeValue::Datetime(_) => "a date",
            DeValue::Array(_) => "an array",
            DeValue::Table(_) => "a table",
        };
        self.problem(
            v.span(),
            format!("`{key}` must be {expected}, not {found}"),
            None,
        );
    }
}

/// What a path in the config must lead to.
#[derive(Clone, Copy)]
pub(crate) enum Kind {
    File,
    Folder,
}
