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

/// The default include pattern: `index.html.md` matches it too; `.md.erb` pages only when added.
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
            | DiscoverError::Glob { path, .. }
            | DiscoverError::NoPages { path, .. }
            | DiscoverError::Walk { path, .. } => path,
        }
    }
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
pub fn discover(args: &[String], files: &Files) -> (Vec<PathBuf>, Vec<DiscoverError>) {
    let mut includes = match Includes::new(&files.include) {
        Ok(includes) => includes,
        Err(e) => return (Vec::new(), vec![e]),
    };
    includes.base = files.include_base.as_deref().map(paths::absolute);
    let walker = Walker {
        includes,
        exclude: &files.exclude,
    };
    let mut pages = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        let path = Path::new(arg);
        if path.is_file() {
            if !files.exclude.matches(path) {
                pages.push(path.to_path_buf());
            }
        } else if path.is_dir() {
            walker.walk(arg, &mut pages, &mut errors);
        } else if arg.contains(['*', '?', '[']) {
            walker.expand(arg, &mut pages, &mut errors);
        } else {
            errors.push(DiscoverError::NotFound { path: arg.clone() });
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
}

impl Walker<'_> {
    fn expand(&self, pattern: &str, pages: &mut Vec<PathBuf>, errors: &mut Vec<DiscoverError>) {
        let paths = match glob::glob(pattern) {
            Ok(paths) => paths,
            Err(e) => {
                errors.push(DiscoverError::Glob {
                    path: pattern.to_string(),
                    problem: format!("is malformed: {e}"),
                });
                return;
            }
        };
        let mut matched = false;
        for entry in paths {
            matched = true;
            match entry {
                Ok(p) if self.exclude.matches(&p) => {}
                Ok(p) if p.is_dir() => self.walk(&p.display().to_string(), pages, errors),
                Ok(p) => pages.push(p),
                Err(e) => errors.push(DiscoverError::Walk {
                    path: e.path().display().to_string(),
                    message: e.error().to_string(),
                }),
            }
        }
        if !matched {
            errors.push(DiscoverError::Glob {
                path: pattern.to_string(),
                problem:
                    "matched no files; check the pattern, and quote it so the shell leaves it alone"
                        .into(),
            });
        }
    }

    fn walk(&self, dir: &str, pages: &mut Vec<PathBuf>, errors: &mut Vec<DiscoverError>) {
        let root = Path::new(dir);
        if self.exclude.matches(root) {
            return;
        }
        let before = pages.len();
        let exclude = self.exclude.clone();
        let skipped = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let skipped_in_walk = skipped.clone();
        let walker = ignore::WalkBuilder::new(dir)
            .require_git(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .filter_entry(move |e| {
                let excluded = e.depth() > 0 && exclude.matches(e.path());
                if excluded {
                    skipped_in_walk.store(true, std::sync::atomic::Ordering::Relaxed);
                }
                !excluded
            })
            .build();
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                    if self.includes.takes(root, e.path()) {
                        pages.push(e.into_path());
                    }
                }
                Ok(_) => {}
                Err(e) => errors.push(DiscoverError::Walk {
                    path: dir.to_string(),
                    message: e.to_string(),
                }),
            }
        }
        // A folder whose pages are all excluded is not a mistake: it was excluded on purpose.
        if pages.len() == before && !skipped.load(std::sync::atomic::Ordering::Relaxed) {
            errors.push(DiscoverError::NoPages {
                path: dir.to_string(),
                patterns: self.includes.text.clone(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
