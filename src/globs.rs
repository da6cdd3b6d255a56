//! Glob patterns for paths, written the `.gitignore` way, matched relative to a folder.
//!
//! `include`, `exclude` and `[[overrides]] files` use these, relative to the config file's
//! folder (`--include` and `--exclude`: the folder walked and the current folder). A pattern
//! with a `/` is anchored at that folder (`legacy/**/*.md`, `./drafts`); one without (`drafts`,
//! `*.tmp.md`) matches a file or folder of that name at any depth. `*` does not cross `/`; `**`
//! does.

use crate::paths::absolute;
use std::path::{Path, PathBuf};

/// Compiled patterns, each with the folder it is relative to.
#[derive(Clone, Debug, Default)]
pub struct Globs {
    patterns: Vec<(PathBuf, glob::Pattern)>,
}

/// A pattern that does not compile.
#[derive(Debug, thiserror::Error)]
#[error("`{pattern}` is not a glob pattern: {message}")]
pub struct GlobError {
    /// The pattern as written.
    pub pattern: String,
    /// Why it does not compile.
    pub message: String,
}

/// How every pattern matches: `*` stays within a folder, dot files are not special.
pub const OPTIONS: glob::MatchOptions = glob::MatchOptions {
    case_sensitive: true,
    require_literal_separator: true,
    require_literal_leading_dot: false,
};

impl Globs {
    /// Compiles `patterns`, relative to the folder `base`.
    pub fn new(base: &Path, patterns: &[String]) -> Result<Globs, GlobError> {
        let base = absolute(base);
        let patterns = patterns
            .iter()
            .map(|p| Ok((base.clone(), compile(p)?)))
            .collect::<Result<_, GlobError>>()?;
        Ok(Globs { patterns })
    }

    /// Adds the patterns of `other`, which keep their own folders.
    pub fn extend(&mut self, other: Globs) {
        self.patterns.extend(other.patterns);
    }

    /// Whether there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Whether `path`, or a folder it is in, matches. A path outside the base folder matches
    /// nothing.
    pub fn matches(&self, path: &Path) -> bool {
        if self.patterns.is_empty() {
            return false;
        }
        let absolute = absolute(path);
        self.patterns.iter().any(|(base, pattern)| {
            let Ok(relative) = absolute.strip_prefix(base) else {
                return false;
            };
            // The path itself, then each folder it is in: `legacy/**` and `drafts` cover what
            // is inside them.
            relative
                .ancestors()
                .filter(|p| !p.as_os_str().is_empty())
                .any(|p| pattern.matches_path_with(p, OPTIONS))
        })
    }
}

/// One pattern, as a glob for paths relative to the folder it is anchored at.
pub fn compile(pattern: &str) -> Result<glob::Pattern, GlobError> {
    let error = |message: &str| GlobError {
        pattern: pattern.to_string(),
        message: message.to_string(),
    };
    let trimmed = pattern.trim_end_matches('/');
    let anchored = trimmed.contains('/');
    let mut body = trimmed;
    while let Some(rest) = body.strip_prefix("./") {
        body = rest;
    }
    let body = body.trim_start_matches('/');
    if body.is_empty() || body == "." {
        return Err(error("it names no file or folder"));
    }
    if body.split('/').any(|part| part == "..") {
        return Err(error(
            "`..` cannot reach outside the folder patterns are relative to",
        ));
    }
    let form = if anchored {
        body.to_string()
    } else {
        format!("**/{body}")
    };
    glob::Pattern::new(&form).map_err(|e| error(e.msg))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn globs(patterns: &[&str]) -> Globs {
        let patterns: Vec<String> = patterns.iter().map(|p| p.to_string()).collect();
        Globs::new(Path::new("/repo"), &patterns).unwrap()
    }

    #[test]
    fn anchored_and_unanchored_patterns() {
        let g = globs(&["legacy/**", "drafts", "*.wip.md"]);
        assert!(g.matches(Path::new("/repo/legacy/a.md")));
        assert!(g.matches(Path::new("/repo/legacy/x/a.md")));
        assert!(!g.matches(Path::new("/repo/sales/legacy/a.md")));
        assert!(g.matches(Path::new("/repo/sales/drafts/a.md")));
        assert!(g.matches(Path::new("/repo/drafts")));
        assert!(g.matches(Path::new("/repo/x/y/page.wip.md")));
        assert!(!g.matches(Path::new("/repo/x/page.md")));
        assert!(!g.matches(Path::new("/elsewhere/legacy/a.md")));
    }

    #[test]
    fn star_does_not_cross_folders() {
        let g = globs(&["sales/*.md"]);
        assert!(g.matches(Path::new("/repo/sales/a.md")));
        assert!(!g.matches(Path::new("/repo/sales/x/a.md")));
        assert!(globs(&["sales/**/*.md"]).matches(Path::new("/repo/sales/x/a.md")));
    }

    #[test]
    fn relative_paths_resolve_against_the_current_folder() {
        let cwd = std::env::current_dir().unwrap();
        let g = Globs::new(&cwd, &["docs/**".to_string()]).unwrap();
        assert!(g.matches(Path::new("docs/a.md")));
        assert!(g.matches(Path::new("./x/../docs/a.md")));
        assert!(!g.matches(Path::new("src/a.md")));
    }

    #[test]
    fn malformed_pattern_is_an_error() {
        let e = Globs::new(Path::new("/"), &["a/[b".to_string()]).unwrap_err();
        assert!(e.to_string().contains("`a/[b`"), "{e}");
        for empty in ["", "/", "./", "."] {
            let e = compile(empty).unwrap_err().to_string();
            assert!(e.contains("names no file or folder"), "{empty:?}: {e}");
        }
        assert!(compile("../x/**").unwrap_err().to_string().contains("`..`"));
    }

    #[test]
    fn dot_slash_and_leading_slash_anchor() {
        let g = globs(&["./drafts", "/old"]);
        assert!(g.matches(Path::new("/repo/drafts/a.md")));
        assert!(!g.matches(Path::new("/repo/sales/drafts/a.md")));
        assert!(g.matches(Path::new("/repo/old/a.md")));
        assert!(!g.matches(Path::new("/repo/x/old/a.md")));
    }
}
