//! Document URIs → file paths: `file:///home/me/a%20b.md` → `/home/me/a b.md`.
//!
//! lsp-types carries URIs as parsed strings with no file-path conversion, and the `url` crate
//! would be a large dependency for one small function. Pages are looked up by path (relative
//! links, `.jobfam-words.txt`), so a document whose URI is not a local file (`untitled:`) is
//! checked under a made-up name and its relative links resolve against the current folder.

use lsp_types::Uri;
use std::path::PathBuf;

/// The local file a `file:` URI names, or `None` for another scheme or a remote host.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s
        .get(..5)
        .filter(|scheme| scheme.eq_ignore_ascii_case("file:"))
        .and_then(|_| s.get(5..))?;
    let rest = match rest.strip_prefix("//") {
        Some(after) => {
            let slash = after.find('/').unwrap_or(after.len());
            let host = after.get(..slash)?;
            if !(host.is_empty() || host.eq_ignore_ascii_case("localhost")) {
                return None;
            }
            after.get(slash..)?
        }
        None => rest,
    };
    let end = rest.find(['?', '#']).unwrap_or(rest.len());
    let encoded = rest.get(..end)?;
    if !crate::paths::is_percent_encoded(encoded) {
        return None;
    }
    let path = String::from_utf8(percent_encoding::percent_decode_str(encoded).collect()).ok()?;
    if path.is_empty() {
        return None;
    }
    Some(PathBuf::from(native(path)))
}

/// A decoded URI path as the platform writes it: `/C:/x` is `C:/x` on Windows.
fn native(path: String) -> String {
    let bytes = path.as_bytes();
    let drive =
        bytes.len() >= 3 && bytes[0] == b'/' && bytes[1].is_ascii_alphabetic() && bytes[2] == b':';
    if cfg!(windows) && drive {
        path[1..].to_string()
    } else {
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(uri: &str) -> Option<PathBuf> {
        to_path(&uri.parse().unwrap())
    }

    #[test]
    fn file_uris_become_paths() {
        assert_eq!(
            path("file:///home/me/a%20b/Caf%C3%A9.md"),
            Some(PathBuf::from("/home/me/a b/Café.md"))
        );
        assert_eq!(path("file://localhost/x.md"), Some(PathBuf::from("/x.md")));
        assert_eq!(path("FILE:///x.md#frag"), Some(PathBuf::from("/x.md")));
        // Escapes that are not two hex digits (`%zz`, `%+1`) do not parse as a `Uri`, and
        // `paths::is_percent_encoded` refuses them again (tested there).
    }

    #[test]
    fn other_uris_name_no_path() {
        assert_eq!(path("untitled:Untitled-1"), None);
        assert_eq!(path("file://server/share/x.md"), None);
        assert_eq!(path("https://example.com/x.md"), None);
    }
}
