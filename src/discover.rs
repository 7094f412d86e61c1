//! Finds the files of a corpus. Knows nothing of what they hold: it lists paths in a
//! stable order and records the ones it could not reach.

use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// One file of the corpus as found, before it is read.
#[derive(Debug)]
pub struct Found {
    /// Relative to the corpus root, `/`-separated.
    pub path: String,
    pub content: Content,
}

#[derive(Debug)]
pub enum Content {
    /// Read it from here.
    Disk(PathBuf),
    /// Already in memory (catalogue examples, tests).
    Memory(Vec<u8>),
    /// Could not be reached: a symlink loop, a permission error.
    Unreachable(String),
}

/// Lists every file under `root` (or `root` itself when it is a file), sorted by path,
/// skipping hidden files and folders. Fails only when `root` itself cannot be read.
/// Symbolic links that lead out of `root` are not followed: see [`discover_with`].
pub fn discover(root: &Path) -> std::io::Result<Vec<Found>> {
    discover_with(root, false)
}

/// What a path that is neither a file nor a folder is, for the finding that says so.
fn special_kind(ft: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a named pipe";
        }
        if ft.is_socket() {
            return "a socket";
        }
        if ft.is_block_device() || ft.is_char_device() {
            return "a device";
        }
    }
    let _ = ft;
    "neither a file nor a folder"
}

/// [`discover`], and with `follow_outside`, symbolic links that lead out of `root` are
/// followed too. Otherwise each is listed as unreachable, saying where it leads, and not
/// read: a corpus is what its folder holds. A path that is neither a file nor a folder
/// (a named pipe, a device, or a link to one) is listed as unreachable and never opened.
pub fn discover_with(root: &Path, follow_outside: bool) -> std::io::Result<Vec<Found>> {
    let meta = std::fs::metadata(root)?;
    if !meta.is_file() && !meta.is_dir() {
        return Err(std::io::Error::other(format!(
            "it is {}, not a folder or a file",
            special_kind(&meta.file_type())
        )));
    }
    if meta.is_file() {
        let name = root.file_name().map_or_else(
            || root.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        return Ok(vec![Found {
            path: name,
            content: Content::Disk(root.to_path_buf()),
        }]);
    }
    let mut found = Vec::new();
    let canonical_root = std::fs::canonicalize(root)?;
    let outside = std::cell::RefCell::new(Vec::new());
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.') {
                return false;
            }
            if follow_outside || !e.path_is_symlink() {
                return true;
            }
            match std::fs::canonicalize(e.path()) {
                Ok(target) if !target.starts_with(&canonical_root) => {
                    outside.borrow_mut().push(Found {
                        path: relative(root, e.path()),
                        content: Content::Unreachable(format!(
                            "it is a symbolic link to {}, outside the corpus folder, so it was not read (--follow-outside reads it)",
                            target.display()
                        )),
                    });
                    false
                }
                _ => true,
            }
        });
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => found.push(Found {
                path: relative(root, e.path()),
                content: Content::Disk(e.path().to_path_buf()),
            }),
            Ok(e) if !e.file_type().is_dir() => found.push(Found {
                path: relative(root, e.path()),
                content: Content::Unreachable(format!(
                    "it is {}, not a file, so it was not opened",
                    special_kind(&e.file_type())
                )),
            }),
            Ok(_) => {}
            Err(err) => {
                let path = err
                    .path()
                    .map_or_else(|| root.display().to_string(), |p| relative(root, p));
                // With links followed, walkdir reports a broken link before `filter_entry`
                // sees it: a hidden one (an editor's lock file, `.#12.0.md`) is skipped here.
                if path
                    .split('/')
                    .any(|c| c.starts_with('.') && c != "." && c != "..")
                {
                    continue;
                }
                let why = if err.loop_ancestor().is_some() {
                    "it is a symbolic link that loops back to a folder above it".to_string()
                } else {
                    err.io_error()
                        .map_or_else(|| err.to_string(), |e| e.to_string())
                };
                found.push(Found {
                    path,
                    content: Content::Unreachable(why),
                });
            }
        }
    }
    found.extend(outside.into_inner());
    // walkdir sorts per folder; a global sort by the `/` path keeps every platform alike.
    found.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(found)
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
