//! Writes a file whole without damaging it: how `check --fix` writes pages and `--output` writes
//! reports.
//!
//! It comes at the end of the flow and knows nothing of pages or reports, only paths and bytes.
//! A regular file is replaced by a temporary file written beside it and renamed over it, so a
//! reader sees the old file or the new one, never half of one, and a failed write leaves the old
//! one. The temporary file has a random name and is created exclusively, so a link planted in the
//! folder cannot send the write elsewhere. The new file gets the old one's mode, owner, group and
//! extended attributes; when it cannot have them all (the file has other hard links, or belongs to
//! someone this user cannot give files to), the file is written in place instead, as vim's
//! `backupcopy=auto` does, since a rename would break the links or change the owner. A symbolic
//! link is written through to its target and stays a link, and what is not a regular file (a FIFO,
//! a terminal, `/dev/stdout`) is written straight to, never replaced.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::Path;
use tempfile::NamedTempFile;

/// Why a file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file no longer holds what the caller read; it is left as the other writer left it.
    #[error("the file changed while it was being written")]
    Changed,
    /// Reading, writing or renaming failed.
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// Temporary files are `.jobfam-XXXXXX.tmp`: hidden, and plainly jobfam's if one is ever left.
const PREFIX: &str = ".jobfam-";
const SUFFIX: &str = ".tmp";

/// Writes `bytes` to the file at `path`, replacing what it holds (a report).
///
/// A path that is this process's standard output or error (`--output /dev/stdout`, even when
/// that is redirected to a file) is written through that stream, in order with what else goes
/// there. A file that does not exist is created with the usual mode, `0o666` less the umask, as
/// `File::create` would.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(stream) = standard_stream(path) {
        return match stream {
            Stream::Out => io::stdout().lock().write_all(bytes),
            Stream::Err => io::stderr().lock().write_all(bytes),
        };
    }
    write(path, bytes, None, &mut || {}).map_err(|e| match e {
        WriteError::Io(e) => e,
        changed @ WriteError::Changed => io::Error::other(changed.to_string()),
    })
}

/// Writes `after` to the regular file at `path` if it still holds `before` (a fixed page).
///
/// The comparison comes as late as it can. On Linux the new file is swapped in with
/// `renameat2(RENAME_EXCHANGE)` and the file swapped out is compared, so an edit that lands any
/// time before the swap (an editor saving in place, or renaming its own file over the page) is
/// noticed and swapped back in. Elsewhere, or on a filesystem that cannot swap, the file is
/// compared right before the rename, and a file written in place right before it is written.
/// Either way [`WriteError::Changed`] says the other writer's version was kept.
pub fn replace_unchanged(path: &Path, before: &[u8], after: &[u8]) -> Result<(), WriteError> {
    write(path, after, Some(before), &mut || {})
}

/// [`replace`] or [`replace_unchanged`]; `before_commit` runs at the last moment before the
/// file is compared and replaced, so a test can edit the file there.
fn write(
    path: &Path,
    bytes: &[u8],
    before: Option<&[u8]>,
    before_commit: &mut dyn FnMut(),
) -> Result<(), WriteError> {
    let metadata = match fs::metadata(path) {
        Ok(metadata) => metadata,
        // A page that was read is gone: whoever moved or deleted it meant to.
        Err(e) if e.kind() == io::ErrorKind::NotFound && before.is_some() => {
            return Err(WriteError::Changed);
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(create(path, bytes)?),
        Err(e) => return Err(e.into()),
    };
    if !metadata.is_file() {
        if before.is_some() {
            let e = io::Error::new(io::ErrorKind::InvalidInput, "it is not a regular file");
            return Err(e.into());
        }
        return Ok(straight(path, bytes)?);
    }
    // Through any symbolic link to the file itself, so the rename replaces the file and the
    // link stays. It must be the file `metadata` describes, or a link changed on the way.
    let real = fs::canonicalize(path)?;
    if !same_file(&fs::metadata(&real)?, &metadata) {
        return Err(WriteError::Changed);
    }
    if links(&metadata) > 1 {
        return in_place(&real, &metadata, bytes, before, before_commit);
    }
    let folder = real.parent().unwrap_or(Path::new("."));
    // Private until it has the old file's mode: a copy of a private page must not be readable.
    let mut temp = temporary_in(folder, 0o600)?;
    temp.as_file_mut().write_all(bytes)?;
    if !keep_attributes(&real, &metadata, temp.as_file()) {
        drop(temp);
        return in_place(&real, &metadata, bytes, before, before_commit);
    }
    temp.as_file().sync_all()?;
    before_commit();
    match before {
        Some(before) => commit_checked(temp, &real, before),
        None => Ok(temp.persist(&real).map(drop).map_err(|e| e.error)?),
    }
}

/// A new, empty file with a random name in `folder`, created with `O_EXCL` (never through a
/// link) and with `mode` (less the umask).
fn temporary_in(folder: &Path, mode: u32) -> io::Result<NamedTempFile> {
    #[cfg(not(unix))]
    let _ = mode;
    // `make_in` rather than `tempfile_in`: the latter adds the temporary file's name to its
    // errors, which would tell the user about a file they never asked for.
    tempfile::Builder::new()
        .prefix(PREFIX)
        .suffix(SUFFIX)
        .make_in(folder, |path| {
            let mut options = OpenOptions::new();
            options.read(true).write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
            options.open(path)
        })
}

/// Creates the file at `path`, which does not exist.
fn create(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        // A link to nothing yet: its target is created through it, as `File::create` would, so
        // the kernel's rules for following links (fs.protected_symlinks) still apply.
        let mut file = File::create(path)?;
        file.write_all(bytes)?;
        return file.sync_all();
    }
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let mut temp = temporary_in(folder, 0o666)?;
    temp.as_file_mut().write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map(drop).map_err(|e| e.error)
}

/// Writes to what is not a regular file (a FIFO, a terminal): replacing it would put a regular
/// file where the device or pipe was.
fn straight(path: &Path, bytes: &[u8]) -> io::Result<()> {
    OpenOptions::new().write(true).open(path)?.write_all(bytes)
}

/// Overwrites the file at `real` (described by `metadata`), which keeps its inode and so its
/// other names, owner and attributes; it must still hold `before`, if given.
fn in_place(
    real: &Path,
    metadata: &Metadata,
    bytes: &[u8],
    before: Option<&[u8]>,
    before_commit: &mut dyn FnMut(),
) -> Result<(), WriteError> {
    let mut file = OpenOptions::new()
        .read(before.is_some())
        .write(true)
        .open(real)?;
    if !same_file(&file.metadata()?, metadata) {
        return Err(WriteError::Changed);
    }
    before_commit();
    if let Some(before) = before {
        let mut now = Vec::new();
        file.read_to_end(&mut now)?;
        if now != before {
            return Err(WriteError::Changed);
        }
    }
    // A full disk should stop the write before the first byte changes, not halfway.
    reserve(&file, bytes.len())?;
    if let Err(e) = overwrite(&mut file, bytes) {
        if let Some(before) = before {
            // Best effort: the old text back is better than half the new one.
            let _ = overwrite(&mut file, before);
        }
        return Err(e.into());
    }
    Ok(())
}

fn overwrite(file: &mut File, bytes: &[u8]) -> io::Result<()> {
    file.rewind()?;
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)?;
    file.sync_all()
}

/// Allocates `len` bytes for `file` up front, so a full disk or quota fails here.
#[cfg(target_os = "linux")]
fn reserve(file: &File, len: usize) -> io::Result<()> {
    use rustix::fs::{FallocateFlags, fallocate};
    use rustix::io::Errno;
    match fallocate(file, FallocateFlags::KEEP_SIZE, 0, len as u64) {
        Err(e) if e == Errno::NOSPC || e == Errno::DQUOT => Err(e.into()),
        // Not every filesystem can allocate ahead; writing finds out the same thing later.
        _ => Ok(()),
    }
}

#[cfg(not(target_os = "linux"))]
fn reserve(_file: &File, _len: usize) -> io::Result<()> {
    Ok(())
}

/// Renames `temp` over `real` if `real` still holds `before`.
fn commit_checked(temp: NamedTempFile, real: &Path, before: &[u8]) -> Result<(), WriteError> {
    #[cfg(target_os = "linux")]
    {
        use rustix::io::Errno;
        match exchange(temp.path(), real) {
            Ok(()) => return check_swapped_out(temp, real, before),
            Err(e) if e == Errno::NOENT => return Err(WriteError::Changed),
            // The filesystem cannot swap, or a sandbox refuses renameat2: compare, then rename.
            Err(e) if [Errno::INVAL, Errno::NOSYS, Errno::OPNOTSUPP, Errno::PERM].contains(&e) => {}
            Err(e) => return Err(io::Error::from(e).into()),
        }
    }
    commit_compared(temp, real, before)
}

/// Compares `real` with `before`, then renames `temp` over it: an edit can still land between
/// the two, but only in that instant.
fn commit_compared(temp: NamedTempFile, real: &Path, before: &[u8]) -> Result<(), WriteError> {
    match read(real) {
        Ok(now) if now == before => Ok(temp.persist(real).map(drop).map_err(|e| e.error)?),
        Ok(_) => Err(WriteError::Changed),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(WriteError::Changed),
        Err(e) => Err(e.into()),
    }
}

/// After the swap, `temp`'s path names the file that was at `real`: it is deleted if it holds
/// `before`, else swapped back, so the other writer's version stays.
#[cfg(target_os = "linux")]
fn check_swapped_out(temp: NamedTempFile, real: &Path, before: &[u8]) -> Result<(), WriteError> {
    let swapped_out = read(temp.path());
    if swapped_out.as_deref().is_ok_and(|old| old == before) {
        // Deletes the old file. Should that fail, the page is still written; a stray
        // `.jobfam-*.tmp` holding the old text is all that is left.
        let _ = temp.close();
        return Ok(());
    }
    if let Err(e) = exchange(temp.path(), real) {
        // The other version must not be deleted with the temporary file: say where it is.
        let kept = temp.path().to_path_buf();
        let _ = temp.keep();
        return Err(io::Error::other(format!(
            "the file changed while it was being written, and the changed version could not be \
             put back ({e}); it is in {}",
            kept.display()
        ))
        .into());
    }
    match swapped_out {
        Ok(_) => Err(WriteError::Changed),
        Err(e) => Err(e.into()),
    }
}

/// Swaps the files at `a` and `b`, atomically.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> rustix::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE)
}

/// The bytes of a file, to compare with what the caller read.
fn read(path: &Path) -> io::Result<Vec<u8>> {
    #[expect(
        clippy::disallowed_methods,
        reason = "compares the bytes on disk; nothing here is checked as a page"
    )]
    fs::read(path)
}

/// Gives `temp` the mode, owner, group and extended attributes of the file at `real`
/// (described by `old`); false when it cannot have them all.
#[cfg(unix)]
fn keep_attributes(real: &Path, old: &Metadata, temp: &File) -> bool {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, fchown};
    let owner = (old.uid(), old.gid());
    let Ok(new) = temp.metadata() else {
        return false;
    };
    // Changing the owner clears the set-user-ID and set-group-ID bits, so it goes first.
    if (new.uid(), new.gid()) != owner && fchown(temp, Some(owner.0), Some(owner.1)).is_err() {
        return false;
    }
    if !copy_extended_attributes(real, temp) {
        return false;
    }
    // Last, as setting an access ACL above also sets the group bits.
    let mode = old.mode() & 0o7777;
    temp.set_permissions(fs::Permissions::from_mode(mode))
        .is_ok()
        // The set-group-ID bit is dropped, silently, for a group this user is not in.
        && temp
            .metadata()
            .is_ok_and(|m| m.mode() & 0o7777 == mode && (m.uid(), m.gid()) == owner)
}

#[cfg(not(unix))]
fn keep_attributes(_real: &Path, old: &Metadata, temp: &File) -> bool {
    temp.set_permissions(old.permissions()).is_ok()
}

/// Makes `temp`'s extended attributes (ACLs among them) those of the file at `real`.
#[cfg(target_os = "linux")]
fn copy_extended_attributes(real: &Path, temp: &File) -> bool {
    use rustix::fs::{
        XattrFlags, fgetxattr, fgetxattr_query, flistxattr, flistxattr_query, fremovexattr,
        fsetxattr, getxattr, getxattr_query, listxattr, listxattr_query,
    };
    let (Some(old), Some(new)) = (
        names(sized(|| listxattr_query(real), |b| listxattr(real, b))),
        names(sized(|| flistxattr_query(temp), |b| flistxattr(temp, b))),
    ) else {
        return false;
    };
    // Such as an ACL the folder hands down to new files, which the old file did not have.
    for name in new.iter().filter(|n| !old.contains(n)) {
        if fremovexattr(temp, name.as_slice()).is_err() {
            return false;
        }
    }
    old.iter().all(|name| {
        let name = name.as_slice();
        let Ok(value) = sized(|| getxattr_query(real, name), |b| getxattr(real, name, b)) else {
            return false;
        };
        let now = sized(|| fgetxattr_query(temp, name), |b| fgetxattr(temp, name, b));
        // A security label the kernel gave the new file may be the old one already.
        now.is_ok_and(|now| now == value)
            || fsetxattr(temp, name, &value, XattrFlags::empty()).is_ok()
    })
}

/// A list of attribute names, or none on a filesystem without attributes.
#[cfg(target_os = "linux")]
fn names(list: rustix::io::Result<Vec<u8>>) -> Option<Vec<Vec<u8>>> {
    match list {
        Ok(list) => Some(
            list.split(|&b| b == 0)
                .filter(|name| !name.is_empty())
                .map(<[u8]>::to_vec)
                .collect(),
        ),
        Err(e) if e == rustix::io::Errno::OPNOTSUPP => Some(Vec::new()),
        Err(_) => None,
    }
}

/// An attribute value or name list: its size, then its bytes.
#[cfg(target_os = "linux")]
fn sized(
    query: impl Fn() -> rustix::io::Result<usize>,
    read: impl Fn(&mut Vec<u8>) -> rustix::io::Result<usize>,
) -> rustix::io::Result<Vec<u8>> {
    let mut buffer = vec![0; query()?];
    // An empty buffer would make the read a size query.
    if !buffer.is_empty() {
        let len = read(&mut buffer)?;
        buffer.truncate(len);
    }
    Ok(buffer)
}

#[cfg(all(unix, not(target_os = "linux")))]
fn copy_extended_attributes(_real: &Path, _temp: &File) -> bool {
    // Not copied here: writing in place is the way to keep them.
    false
}

/// Whether two metadata describe one file.
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (a.dev(), a.ino()) == (b.dev(), b.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        true
    }
}

/// How many names the file has.
fn links(metadata: &Metadata) -> u64 {
    #[cfg(unix)]
    {
        std::os::unix::fs::MetadataExt::nlink(metadata)
    }
    #[cfg(not(unix))]
    {
        let _ = metadata;
        1
    }
}

/// This process's standard output or error.
#[cfg_attr(
    not(unix),
    allow(dead_code, reason = "only Unix names its streams by path")
)]
enum Stream {
    Out,
    Err,
}

/// Which standard stream, if any, `path` is.
fn standard_stream(path: &Path) -> Option<Stream> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let target = fs::metadata(path).ok()?;
        let is = |fd: std::os::fd::BorrowedFd<'_>| {
            fd.try_clone_to_owned()
                .map(File::from)
                .and_then(|f| f.metadata())
                .is_ok_and(|m| same_file(&m, &target))
        };
        if is(io::stdout().as_fd()) {
            return Some(Stream::Out);
        }
        if is(io::stderr().as_fd()) {
            return Some(Stream::Err);
        }
        None
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods, reason = "tests read what was written")]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// A folder holding `page.md` with `old`.
    fn page(old: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.md");
        fs::write(&path, old).unwrap();
        (dir, path)
    }

    /// The names in `dir`, sorted: a write must leave no temporary file behind.
    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    /// Writes `new` over `path`, which should hold `old`, with `edit` run at the last moment.
    fn fix(path: &Path, edit: &mut dyn FnMut()) -> Result<(), WriteError> {
        write(path, b"new", Some(b"old"), edit)
    }

    #[test]
    fn an_unchanged_file_is_replaced() {
        let (dir, path) = page("old");
        fix(&path, &mut || {}).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(names_in(dir.path()), ["page.md"]);
    }

    #[test]
    fn an_edit_saved_in_place_while_writing_is_kept() {
        let (dir, path) = page("old");
        let result = fix(&path, &mut || fs::write(&path, "edit").unwrap());
        assert!(matches!(result, Err(WriteError::Changed)), "{result:?}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "edit");
        assert_eq!(names_in(dir.path()), ["page.md"]);
    }

    #[test]
    fn an_edit_renamed_over_the_file_while_writing_is_kept() {
        let (dir, path) = page("old");
        let saved = dir.path().join("page.md~");
        let result = fix(&path, &mut || {
            fs::write(&saved, "edit").unwrap();
            fs::rename(&saved, &path).unwrap();
        });
        assert!(matches!(result, Err(WriteError::Changed)), "{result:?}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "edit");
        assert_eq!(names_in(dir.path()), ["page.md"]);
    }

    #[test]
    fn a_file_deleted_while_writing_stays_deleted() {
        let (dir, path) = page("old");
        let result = fix(&path, &mut || fs::remove_file(&path).unwrap());
        assert!(matches!(result, Err(WriteError::Changed)), "{result:?}");
        assert!(names_in(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn an_edit_to_a_hard_linked_file_while_writing_is_kept() {
        let (dir, path) = page("old");
        let other = dir.path().join("other.md");
        fs::hard_link(&path, &other).unwrap();
        let result = fix(&path, &mut || fs::write(&other, "edit").unwrap());
        assert!(matches!(result, Err(WriteError::Changed)), "{result:?}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "edit");
        // Unedited, it is written in place, through both names.
        fs::write(&path, "old").unwrap();
        fix(&path, &mut || {}).unwrap();
        assert_eq!(fs::read_to_string(&other).unwrap(), "new");
        assert_eq!(names_in(dir.path()), ["other.md", "page.md"]);
    }

    #[test]
    fn without_a_swap_the_file_is_compared_right_before_the_rename() {
        let (dir, path) = page("old");
        let temp = || {
            let mut temp = temporary_in(dir.path(), 0o600).unwrap();
            temp.write_all(b"new").unwrap();
            temp
        };
        fs::write(&path, "edit").unwrap();
        let result = commit_compared(temp(), &path, b"old");
        assert!(matches!(result, Err(WriteError::Changed)), "{result:?}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "edit");
        commit_compared(temp(), &path, b"edit").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(names_in(dir.path()), ["page.md"]);
    }

    #[test]
    fn a_report_replaces_whatever_is_there() {
        let (dir, path) = page("stale report");
        replace(&path, b"report").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "report");
        let new = dir.path().join("new.json");
        replace(&new, b"fresh").unwrap();
        assert_eq!(fs::read_to_string(&new).unwrap(), "fresh");
        assert_eq!(names_in(dir.path()), ["new.json", "page.md"]);
    }
}
