//! Finds the files of a corpus. Knows nothing of what they hold: it lists paths in a
//! stable order and records the ones it could not reach.

use std::path::{Path, PathBuf};

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
/// skipping hidden files and folders and what `.gitignore` (inside a Git work tree),
/// `.ignore` and `.git/info/exclude` leave out. Fails only when `root` itself cannot be
/// read.
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
    let outside = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let walker = {
        let root = root.to_path_buf();
        let outside = std::sync::Arc::clone(&outside);
        ignore::WalkBuilder::new(&root)
            .follow_links(true)
            // Hidden files and folders, and what `.gitignore` (in a Git work tree),
            // `.ignore` and `.git/info/exclude` leave out — a build's `target/`. Not the
            // user's global Git excludes: the same corpus must give the same files on
            // every machine.
            .hidden(true)
            .git_global(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .filter_entry(move |e| {
                if follow_outside || !e.path_is_symlink() {
                    return true;
                }
                match std::fs::canonicalize(e.path()) {
                    Ok(target) if !target.starts_with(&canonical_root) => {
                        outside.lock().expect("not poisoned").push(Found {
                            path: relative(&root, e.path()),
                            content: Content::Unreachable(format!(
                                "it is a symbolic link to {}, outside the corpus folder, so it was not read (--follow-outside reads it)",
                                target.display()
                            )),
                        });
                        false
                    }
                    _ => true,
                }
            })
            .build()
    };
    for entry in walker {
        match entry {
            Ok(e) if e.depth() == 0 => {}
            Ok(e) => match e.file_type() {
                Some(t) if t.is_file() => found.push(Found {
                    path: relative(root, e.path()),
                    content: Content::Disk(e.path().to_path_buf()),
                }),
                // A folder named like a file seccheck reads (`5.2.md/`) is where that file
                // was expected: said so, not skipped (the version would seem missing).
                Some(t) if t.is_dir() && named_like_a_file(e.path()) => found.push(Found {
                    path: relative(root, e.path()),
                    content: Content::Unreachable("it is a folder, not a file".into()),
                }),
                Some(t) if t.is_dir() => {}
                Some(t) => found.push(Found {
                    path: relative(root, e.path()),
                    content: Content::Unreachable(format!(
                        "it is {}, not a file, so it was not opened",
                        special_kind(&t)
                    )),
                }),
                None => {}
            },
            Err(err) => {
                let (path, looped) = walk_error_place(&err);
                let path = path.map_or_else(|| root.display().to_string(), |p| relative(root, p));
                // With links followed, a broken link is an error before any filter sees
                // it: a hidden one (an editor's lock file, `.#12.0.md`) is skipped here.
                if path
                    .split('/')
                    .any(|c| c.starts_with('.') && c != "." && c != "..")
                    && !path.ends_with("ignore")
                {
                    continue;
                }
                let why = if looped {
                    "it is a symbolic link that loops back to a folder above it".to_string()
                } else {
                    err.io_error().map_or_else(|| err.to_string(), plain_io)
                };
                found.push(Found {
                    path,
                    content: Content::Unreachable(why),
                });
            }
        }
    }
    found.extend(std::mem::take(&mut *outside.lock().expect("not poisoned")));
    // The walk sorts per folder; a global sort by the `/` path keeps every platform alike.
    found.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(found)
}

/// The nearest `seccheck.toml` in a folder above the corpus folder `root`, searched up to
/// the root of the Git repository `root` lies in (the folder holding `.git`). `None`
/// outside a repository: a run never picks up settings from a user's home folder, so the
/// same corpus gives the same findings on every machine. Its path is shown from the
/// corpus folder (`../seccheck.toml`). The corpus's own `seccheck.toml` is in the walk.
pub fn settings_above(root: &Path) -> Option<Found> {
    let root = std::fs::canonicalize(root).ok()?;
    let repository = root.ancestors().position(|d| d.join(".git").exists())?;
    root.ancestors()
        .enumerate()
        .skip(1)
        .take(repository)
        .find_map(|(up, dir)| {
            let file = dir.join("seccheck.toml");
            file.is_file().then(|| Found {
                path: format!("{}seccheck.toml", "../".repeat(up)),
                content: Content::Disk(file),
            })
        })
}

/// Whether a path ends in the extension of a kind of file seccheck reads.
fn named_like_a_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["md", "txt", "docx", "csv", "html", "htm", "toml"]
            .contains(&e.to_ascii_lowercase().as_str())
    })
}

/// An I/O error's own words, without the walk's wrapping ("IO error for operation on
/// <path>: …"): the finding names the file already.
pub(crate) fn plain_io(e: &std::io::Error) -> String {
    if let Some(code) = e.raw_os_error() {
        return std::io::Error::from_raw_os_error(code).to_string();
    }
    match e.get_ref().and_then(std::error::Error::source) {
        Some(inner) => inner.to_string(),
        None => e.to_string(),
    }
}

/// The path a walk error is about, and whether it is a symbolic link loop.
fn walk_error_place(err: &ignore::Error) -> (Option<&Path>, bool) {
    match err {
        ignore::Error::WithPath { path, err } => (Some(path), walk_error_place(err).1),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_place(err)
        }
        ignore::Error::Loop { child, .. } => (Some(child), true),
        ignore::Error::Partial(errs) => errs.first().map_or((None, false), walk_error_place),
        _ => (None, false),
    }
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
