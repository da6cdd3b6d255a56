//! Paths by their text alone: `.` and `..` resolved without touching the disk, so they work
//! for files that do not exist (yet) and never follow a symlink.

use std::path::{Component, Path, PathBuf};

/// `a/./b/../c` → `a/c`. A `..` with nothing left to go up from is kept (`../x`), except at
/// the root, which has no parent.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                // `a/..` is nothing; a `..` that is already there (`../..`) stays.
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                // Above the root is the root.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(".."),
            },
            other => out.push(other),
        }
    }
    out
}

/// `path` made absolute against the current folder, then [`normalize`]d.
pub fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        return normalize(path);
    }
    match std::env::current_dir() {
        Ok(cwd) => normalize(&cwd.join(path)),
        Err(_) => normalize(path),
    }
}

/// A path as people write it: `/` separators on every platform.
pub fn display_path(path: &Path) -> String {
    let s = path.display().to_string();
    if std::path::MAIN_SEPARATOR == '\\' {
        s.replace('\\', "/")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dots_are_resolved_by_text() {
        assert_eq!(normalize(Path::new("a/b/../c/./d")), PathBuf::from("a/c/d"));
        assert_eq!(normalize(Path::new("../x/../y")), PathBuf::from("../y"));
        assert_eq!(normalize(Path::new("/a/../../b")), PathBuf::from("/b"));
        // A `..` that cannot be resolved stays, and the next one does not undo it.
        assert_eq!(normalize(Path::new("../../x")), PathBuf::from("../../x"));
        assert_eq!(
            normalize(Path::new("a/../../../x")),
            PathBuf::from("../../x")
        );
        assert!(absolute(Path::new("x/../y")).is_absolute());
        assert!(absolute(Path::new("x/../y")).ends_with("y"));
    }
}
