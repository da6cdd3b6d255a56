//! Paths, globs and ignore files → the ordered list of pages to check.
//!
//! Never reads a page. A file named on the command line is checked unless an `exclude` pattern
//! covers it; a directory is walked with `.gitignore` respected, keeping files that match the
//! include patterns and skipping excluded folders without entering them.

use crate::globs::{self, Globs};
use crate::paths;
use std::path::{Path, PathBuf};

/// Which files a run takes.
#[derive(Clone, Debug, Default)]
pub struct Files {
    /// Include patterns for directory walks; empty means [`DEFAULT_INCLUDE`].
    pub include: Vec<String>,
    /// The folder include patterns are relative to (the config file's); `None`: the folder
    /// being walked.
    pub include_base: Option<PathBuf>,
    /// Files and folders never checked, even when named on the command line (so a pre-commit
    /// hook, which names staged files, skips them too).
    pub exclude: Globs,
}

/// The default include pattern: `index.html.md` matches it too; `.html.md.erb` pages are taken
/// besides when the walk finds a Middleman handbook.
pub const DEFAULT_INCLUDE: &str = "**/*.md";

/// A path argument that led to no page.
#[derive(Debug, thiserror::Error)]
pub enum DiscoverError {
    /// The path does not exist and is not a glob pattern.
    #[error("no such file or directory; check the path")]
    NotFound {
        /// The argument.
        path: String,
    },
    /// The path is a symbolic link to nothing.
    #[error("is a symbolic link to `{target}`, which does not exist; fix the link or exclude it")]
    BrokenLink {
        /// The argument.
        path: String,
        /// Where the link points.
        target: String,
    },
    /// A folder on the way to the path, or being walked, cannot be entered.
    #[error(
        "cannot enter folder {folder}: permission denied; check its permissions, or exclude it"
    )]
    NoEntry {
        /// The argument or file.
        path: String,
        /// The folder that cannot be entered.
        folder: String,
    },
    /// The path cannot be looked at for another reason (a file where a folder should be, a
    /// link loop).
    #[error("cannot reach it: {message}; check the path")]
    Unreachable {
        /// The argument.
        path: String,
        /// What the system said.
        message: String,
    },
    /// A file whose name is not UTF-8: its path could not be shown or matched faithfully.
    #[error("file name is not valid UTF-8, so jobfam cannot check it; rename it or exclude it")]
    NotUtf8 {
        /// The path, lossily.
        path: String,
    },
    /// A glob pattern that matched nothing or is malformed.
    #[error("glob pattern {problem}")]
    Glob {
        /// The argument.
        path: String,
        /// What went wrong.
        problem: String,
    },
    /// A directory with no page in it.
    #[error("no pages matching {patterns} in this directory; pass files directly or add --include")]
    NoPages {
        /// The directory.
        path: String,
        /// The include patterns, joined.
        patterns: String,
    },
    /// A directory entry that could not be read while walking.
    #[error("cannot walk directory: {message}")]
    Walk {
        /// Where.
        path: String,
        /// What the walker said.
        message: String,
    },
}

impl DiscoverError {
    /// The argument or path the error is about.
    pub fn path(&self) -> &str {
        match self {
            DiscoverError::NotFound { path }
            | DiscoverError::BrokenLink { path, .. }
            | DiscoverError::NoEntry { path, .. }
            | DiscoverError::Unreachable { path, .. }
            | DiscoverError::NotUtf8 { path }
            | DiscoverError::Glob { path, .. }
            | DiscoverError::NoPages { path, .. }
            | DiscoverError::Walk { path, .. } => path,
        }
    }

    /// Why `path` (an argument, or a file met walking) could not be looked at: `metadata`
    /// said `error`. `Path::exists` and `is_file` would hide this and say "no such file".
    fn unreachable(path: &Path, error: &std::io::Error) -> DiscoverError {
        let shown = paths_shown(path);
        match error.kind() {
            std::io::ErrorKind::NotFound => match std::fs::read_link(path) {
                Ok(target) => DiscoverError::BrokenLink {
                    path: shown,
                    target: target.display().to_string(),
                },
                Err(_) => DiscoverError::NotFound { path: shown },
            },
            std::io::ErrorKind::PermissionDenied => DiscoverError::NoEntry {
                folder: closed_folder(path),
                path: shown,
            },
            _ => DiscoverError::Unreachable {
                path: shown,
                message: error.to_string(),
            },
        }
    }
}

/// A path as diagnostics show it.
fn paths_shown(path: &Path) -> String {
    crate::paths::display_path(path)
}

/// The folder that stops `path` from being looked at: the deepest folder above it that can
/// be looked at itself, since what is inside it cannot.
fn closed_folder(path: &Path) -> String {
    path.ancestors()
        .skip(1)
        .filter(|a| !a.as_os_str().is_empty())
        .find(|a| std::fs::metadata(a).is_ok())
        .map_or_else(|| ".".to_string(), paths_shown)
}

/// Compiled include patterns.
pub struct Includes {
    patterns: Vec<glob::Pattern>,
    text: String,
    base: Option<PathBuf>,
}

impl Includes {
    /// Compiles `patterns`; an empty list means [`DEFAULT_INCLUDE`].
    pub fn new(patterns: &[String]) -> Result<Includes, DiscoverError> {
        let defaults = [DEFAULT_INCLUDE.to_string()];
        let patterns = if patterns.is_empty() {
            &defaults[..]
        } else {
            patterns
        };
        let compiled = patterns
            .iter()
            .map(|p| {
                globs::compile(p).map_err(|e| DiscoverError::Glob {
                    path: p.clone(),
                    problem: format!("is malformed: {}", e.message),
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Includes {
            patterns: compiled,
            text: patterns.join(", "),
            base: None,
        })
    }

    /// Whether the file at `path`, found walking `dir`, is included.
    ///
    /// Patterns from a config match relative to its folder; a file outside that folder (or any
    /// file, for `--include`) is matched relative to the folder walked.
    fn takes(&self, dir: &Path, path: &Path) -> bool {
        if let Some(base) = &self.base {
            if let Ok(relative) = paths::absolute(path).strip_prefix(base) {
                return self.matches(relative);
            }
        }
        self.matches(path.strip_prefix(dir).unwrap_or(path))
    }

    fn matches(&self, relative: &Path) -> bool {
        self.patterns
            .iter()
            .any(|p| p.matches_path_with(relative, globs::OPTIONS))
    }
}

/// Resolves command-line arguments into pages, sorted and without duplicates, plus the
/// arguments that led nowhere.
///
/// A named file that is not a regular file (a named pipe, a device) is passed on, so the
/// reader refuses it and says what it is; a walk takes regular files only, as ripgrep does.
pub fn discover(args: &[String], files: &Files) -> (Vec<PathBuf>, Vec<DiscoverError>) {
    let mut includes = match Includes::new(&files.include) {
        Ok(includes) => includes,
        Err(e) => return (Vec::new(), vec![e]),
    };
    includes.base = files.include_base.as_deref().map(paths::absolute);
    let walker = Walker {
        includes,
        exclude: &files.exclude,
        middleman_erb: files.include.is_empty(),
    };
    let mut pages = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        let path = Path::new(arg);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walker.walk(path, &mut pages, &mut errors),
            Ok(_) => {
                if !files.exclude.matches(path) {
                    pages.push(path.to_path_buf());
                }
            }
            Err(_) if arg.contains(['*', '?', '[']) => {
                walker.expand(arg, &mut pages, &mut errors);
            }
            Err(e) => errors.push(DiscoverError::unreachable(path, &e)),
        }
    }
    pages.sort();
    pages.dedup();
    // `check . a.md` names a.md twice: keep the first spelling of each file.
    let mut seen = std::collections::HashSet::new();
    pages.retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    (pages, errors)
}

struct Walker<'a> {
    includes: Includes,
    exclude: &'a Globs,
    /// Whether a walk of a Middleman handbook also takes its `*.html.md.erb` pages (with the
    /// default include pattern only).
    middleman_erb: bool,
}

/// Whether `path` is named as a Middleman page (`index.html.md`), the naming the slug preset
/// takes for a Middleman handbook.
fn middleman_page(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".html.md"))
}

/// One component of a glob pattern argument.
enum Part {
    /// A name without wildcards (or `..`), joined as it is.
    Literal(std::ffi::OsString),
    /// A name with wildcards, matched against each entry of the folder.
    Wild(glob::Pattern),
    /// `**`: this folder and every folder below it.
    Any,
}

impl Walker<'_> {
    /// Whether `path` is excluded; a name that is not UTF-8 is matched as it is shown, so
    /// "exclude it" works for it too.
    fn excluded(&self, path: &Path) -> bool {
        self.exclude.matches(path)
            || (path.to_str().is_none()
                && self
                    .exclude
                    .matches(Path::new(path.to_string_lossy().as_ref())))
    }

    /// Expands a quoted glob pattern the way a shell does, component by component. `**`
    /// does not enter symbolically linked folders (as bash's globstar and zsh's `**`), so a
    /// link to a folder above it cannot make the expansion endless; the glob crate's own
    /// walker follows them.
    fn expand(&self, pattern: &str, pages: &mut Vec<PathBuf>, errors: &mut Vec<DiscoverError>) {
        if let Err(e) = glob::Pattern::new(pattern) {
            errors.push(DiscoverError::Glob {
                path: pattern.to_string(),
                problem: format!("is malformed: {e}"),
            });
            return;
        }
        let mut start = PathBuf::new();
        let mut parts = Vec::new();
        for component in Path::new(pattern).components() {
            use std::path::Component;
            match component {
                Component::Prefix(_) | Component::RootDir => start.push(component),
                // `./pages/*.md` finds `pages/a.md`, as the glob crate did.
                Component::CurDir => {}
                Component::ParentDir => parts.push(Part::Literal("..".into())),
                Component::Normal(name) => {
                    let text = name.to_string_lossy();
                    parts.push(match text.as_ref() {
                        "**" => Part::Any,
                        t if t.contains(['*', '?', '[']) => match glob::Pattern::new(t) {
                            Ok(p) => Part::Wild(p),
                            Err(_) => Part::Literal(name.to_os_string()),
                        },
                        _ => Part::Literal(name.to_os_string()),
                    });
                }
            }
        }
        let mut found = Vec::new();
        let errors_before = errors.len();
        self.matches(start, &parts, &mut found, errors);
        found.sort();
        found.dedup();
        if found.is_empty() && errors.len() == errors_before {
            errors.push(DiscoverError::Glob {
                path: pattern.to_string(),
                problem:
                    "matched no files; check the pattern, and quote it so the shell leaves it alone"
                        .into(),
            });
        }
        for p in found {
            if self.excluded(&p) {
                continue;
            }
            if p.to_str().is_none() {
                errors.push(DiscoverError::NotUtf8 {
                    path: paths_shown(&p),
                });
            } else if std::fs::metadata(&p).is_ok_and(|m| m.is_dir()) {
                self.walk(&p, pages, errors);
            } else {
                pages.push(p);
            }
        }
    }

    /// Adds to `found` the paths under `dir` that match `parts`.
    fn matches(
        &self,
        dir: PathBuf,
        parts: &[Part],
        found: &mut Vec<PathBuf>,
        errors: &mut Vec<DiscoverError>,
    ) {
        let Some((part, rest)) = parts.split_first() else {
            // Literal parts are not checked as they are joined: check the whole path once.
            if std::fs::symlink_metadata(&dir).is_ok() {
                found.push(dir);
            }
            return;
        };
        match part {
            Part::Literal(name) => self.matches(dir.join(name), rest, found, errors),
            Part::Wild(pattern) => {
                for (path, _) in self.entries(&dir, errors) {
                    let Some(name) = path.file_name() else {
                        continue;
                    };
                    if !pattern.matches_with(&name.to_string_lossy(), globs::OPTIONS) {
                        continue;
                    }
                    // A folder the pattern goes on into may be a link: bounded by the
                    // pattern's length, so it cannot loop.
                    if rest.is_empty() || std::fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
                        self.matches(path, rest, found, errors);
                    }
                }
            }
            Part::Any => {
                let rest = match rest.iter().position(|p| !matches!(p, Part::Any)) {
                    Some(i) => &rest[i..],
                    None => &[],
                };
                if rest.is_empty() {
                    // `dir/**` is the folder and all below it: walking it takes them all.
                    let dir = if dir.as_os_str().is_empty() {
                        PathBuf::from(".")
                    } else {
                        dir
                    };
                    if std::fs::metadata(&dir).is_ok_and(|m| m.is_dir()) {
                        found.push(dir);
                    }
                    return;
                }
                self.matches(dir.clone(), rest, found, errors);
                for (path, is_dir) in self.entries(&dir, errors) {
                    if is_dir && !self.excluded(&path) {
                        self.matches(path, parts, found, errors);
                    }
                }
            }
        }
    }

    /// The entries of `dir`, sorted, each with whether it is a folder itself (not a link to
    /// one). A folder that does not exist has none; one that cannot be read is reported.
    fn entries(&self, dir: &Path, errors: &mut Vec<DiscoverError>) -> Vec<(PathBuf, bool)> {
        let listed = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let read = match std::fs::read_dir(listed) {
            Ok(read) => read,
            Err(e) => {
                if e.kind() == std::io::ErrorKind::PermissionDenied {
                    errors.push(DiscoverError::NoEntry {
                        path: paths_shown(listed),
                        folder: paths_shown(listed),
                    });
                }
                return Vec::new();
            }
        };
        let mut entries: Vec<(PathBuf, bool)> = read
            .filter_map(Result::ok)
            .map(|e| {
                let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
                (dir.join(e.file_name()), is_dir)
            })
            .collect();
        entries.sort();
        entries
    }

    fn walk(&self, root: &Path, pages: &mut Vec<PathBuf>, errors: &mut Vec<DiscoverError>) {
        if self.exclude.matches(root) {
            return;
        }
        let before = pages.len();
        let errors_before = errors.len();
        // `*.html.md.erb` pages, taken when the walk finds a Middleman handbook.
        let mut erb = Vec::new();
        let exclude = self.exclude.clone();
        let skipped = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let skipped_in_walk = skipped.clone();
        let walker = ignore::WalkBuilder::new(root)
            .require_git(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .filter_entry(move |e| {
                let path = e.path();
                let excluded = e.depth() > 0
                    && (exclude.matches(path)
                        || (path.to_str().is_none()
                            && exclude.matches(Path::new(path.to_string_lossy().as_ref()))));
                if excluded {
                    skipped_in_walk.store(true, std::sync::atomic::Ordering::Relaxed);
                }
                !excluded
            })
            .build();
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                    if let Some(name) = e.path().to_str() {
                        if self.includes.takes(root, e.path()) {
                            pages.push(e.into_path());
                        } else if self.middleman_erb && name.ends_with(".html.md.erb") {
                            erb.push(e.into_path());
                        }
                    } else {
                        // Include patterns match text: match the name as it is shown, and
                        // report a page jobfam would have taken rather than skip it.
                        let shown = PathBuf::from(e.path().to_string_lossy().as_ref());
                        if self.includes.takes(root, &shown) {
                            errors.push(DiscoverError::NotUtf8 {
                                path: paths_shown(&shown),
                            });
                        }
                    }
                }
                Ok(_) => {}
                Err(e) => errors.push(walk_error(root, &e)),
            }
        }
        if pages[before..].iter().any(|p| middleman_page(p)) {
            pages.extend(erb);
        }
        // A folder whose pages are all excluded is not a mistake: it was excluded on purpose,
        // and one that could not be read is already reported.
        if pages.len() == before
            && errors.len() == errors_before
            && !skipped.load(std::sync::atomic::Ordering::Relaxed)
        {
            errors.push(DiscoverError::NoPages {
                path: paths_shown(root),
                patterns: self.includes.text.clone(),
            });
        }
    }
}

/// What the walker said, with the folder it could not enter when that is the trouble.
fn walk_error(root: &Path, e: &ignore::Error) -> DiscoverError {
    let mut inner = e;
    let mut at = None;
    loop {
        match inner {
            ignore::Error::WithPath { path, err } => {
                at = Some(path.clone());
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner = err;
            }
            _ => break,
        }
    }
    if let (Some(folder), Some(io)) = (&at, e.io_error()) {
        if io.kind() == std::io::ErrorKind::PermissionDenied {
            return DiscoverError::NoEntry {
                path: paths_shown(folder),
                folder: paths_shown(folder),
            };
        }
    }
    DiscoverError::Walk {
        path: at.as_deref().map_or_else(|| paths_shown(root), paths_shown),
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A default walk of a Middleman handbook (pages named `index.html.md`) takes its
    /// `index.html.md.erb` pages too; of any other tree, it does not.
    #[test]
    fn a_middleman_walk_takes_erb_pages() {
        let dir = tempfile::TempDir::new().unwrap();
        let at = |p: &str| dir.path().join(p);
        std::fs::create_dir_all(at("hugo/a")).unwrap();
        std::fs::create_dir_all(at("mm/sales/b")).unwrap();
        std::fs::create_dir_all(at("mm/sales/c")).unwrap();
        std::fs::write(at("hugo/a/_index.md"), "x").unwrap();
        std::fs::write(at("hugo/a/page.html.md.erb"), "x").unwrap();
        std::fs::write(at("mm/sales/b/index.html.md"), "x").unwrap();
        std::fs::write(at("mm/sales/c/index.html.md.erb"), "x").unwrap();
        std::fs::write(at("mm/sales/c/notes.erb"), "x").unwrap();
        let files = Files::default();
        let names = |root: &str| {
            let (pages, errors) = discover(&[at(root).display().to_string()], &files);
            assert!(errors.is_empty(), "{errors:?}");
            pages
                .iter()
                .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(names("hugo"), ["hugo/a/_index.md"]);
        assert_eq!(
            names("mm"),
            ["mm/sales/b/index.html.md", "mm/sales/c/index.html.md.erb"]
        );
        // An include pattern of the user's own decides alone.
        let files = Files {
            include: vec!["**/*.md".into()],
            ..Files::default()
        };
        let (pages, _) = discover(&[at("mm").display().to_string()], &files);
        assert_eq!(pages.len(), 1);
    }

    #[test]
    fn default_include_takes_index_html_md_not_erb() {
        let inc = Includes::new(&[]).unwrap();
        assert!(inc.matches(Path::new("a.md")));
        assert!(inc.matches(Path::new("sales/x/index.html.md")));
        assert!(!inc.matches(Path::new("sales/x/index.html.md.erb")));
        let inc = Includes::new(&["**/*.md".into(), "**/*.md.erb".into()]).unwrap();
        assert!(inc.matches(Path::new("sales/x/index.html.md.erb")));
    }
}
