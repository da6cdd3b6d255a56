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

/// `%20` → ` `, the one percent-decoder of jobfam (link paths and fragments, LSP file URIs):
/// an escape that is not `%` and two hex digits is kept as written, and bytes that decode to
/// no UTF-8 leave the text as it is.
pub fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .map_or_else(|_| text.to_string(), std::borrow::Cow::into_owned)
}

/// Whether every `%` in `text` starts an escape of two hex digits: URIs from a client must be
/// exact, where a page's link may be sloppy.
pub fn is_percent_encoded(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| {
        b != b'%'
            || (bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    })
}

/// A path written as a URI path: everything outside the unreserved set (`A-Z a-z 0-9 - . _ ~`)
/// and `/` percent-encoded.
pub fn percent_encode_path(path: &str) -> String {
    const KEEP: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~')
        .remove(b'/');
    percent_encoding::utf8_percent_encode(path, KEEP).to_string()
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

    #[test]
    fn percent_escapes() {
        assert_eq!(percent_decode("c%2B%2B%20x"), "c++ x");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("a%20b%zz"), "a b%zz");
        assert_eq!(percent_decode("%ff"), "%ff");
        assert!(
            is_percent_encoded("a%20b")
                && !is_percent_encoded("a%zz")
                && !is_percent_encoded("a%2")
        );
        assert!(!is_percent_encoded("a%+1"));
        assert!(!is_percent_encoded("a%"));
        assert_eq!(
            percent_encode_path("jobs/r&d#1 é.md"),
            "jobs/r%26d%231%20%C3%A9.md"
        );
    }
}
