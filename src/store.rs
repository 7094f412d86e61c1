//! The corpus's files after loading: each keeps its path, and its text only while someone
//! reads it.
//!
//! The whole SEC history is about a gigabyte of text, and the model needs little of it
//! once parsed. So the text of a document version or redline read from disk is dropped
//! after parsing and read again (from the page cache, in practice) when a rule or a
//! renderer asks for it ([`CorpusFile::source`]); while one holder keeps the returned
//! [`Arc`], others share it. Small files (the log, release notes, the configuration) and
//! files held in memory keep their text for the whole run.
//!
//! A Word file's text is rendered from its XML, which costs far more than reading text:
//! it is held deflated instead ([`CorpusFile::packed`], about a tenth of its size) and
//! inflated when asked for, with the map of its paragraphs.
//!
//! A file that changed on disk between the two reads would move every span the parsers
//! took from it. Its length and modification time are compared; when they differ, the
//! text is read as that many spaces (so no span can fall outside it or inside a
//! character) and the file is marked [changed](CorpusFile::changed), which the run reports.

use crate::source::{FileId, Paragraphs, SourceFile, decode};
use flate2::Compression;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::SystemTime;

/// One file of the corpus.
#[derive(Debug)]
pub struct CorpusFile {
    /// Path relative to the corpus root, with `/` separators: what every report shows.
    pub path: String,
    text: Text,
    changed: AtomicBool,
    /// Bytes of a UTF-8 byte-order mark at the start of the file, which the text leaves
    /// out (0 or 3): a report's byte offsets count them, to be offsets in the file as
    /// written ([`CorpusFile::as_written`]).
    pub bom: u8,
}

#[derive(Debug)]
enum Text {
    Kept(Arc<SourceFile>),
    /// A Word file's rendered text, deflated (a tenth of its size, or less), with where
    /// its paragraphs lie: reading the XML again would cost far more than inflating.
    Packed {
        packed: Vec<u8>,
        /// The text's length, for one allocation when it is inflated.
        len: usize,
        paragraphs: Option<Arc<Paragraphs>>,
        cache: Mutex<Weak<SourceFile>>,
    },
    OnDisk {
        disk: PathBuf,
        /// Length of the decoded text when it was parsed.
        len: usize,
        modified: Option<SystemTime>,
        cache: Mutex<Weak<SourceFile>>,
    },
}

impl CorpusFile {
    /// A file whose text stays in memory.
    pub fn kept(source: SourceFile) -> CorpusFile {
        CorpusFile {
            path: source.path.clone(),
            text: Text::Kept(Arc::new(source)),
            changed: AtomicBool::new(false),
            bom: 0,
        }
    }

    /// A file whose text, parsed from `disk` (last modified at `modified`), is read again
    /// when asked for.
    pub fn on_disk(source: SourceFile, disk: PathBuf, modified: Option<SystemTime>) -> CorpusFile {
        CorpusFile {
            path: source.path,
            text: Text::OnDisk {
                disk,
                len: source.text.len(),
                modified,
                cache: Mutex::new(Weak::new()),
            },
            changed: AtomicBool::new(false),
            bom: 0,
        }
    }

    /// A Word file whose rendered text is held deflated until asked for.
    pub fn packed(source: SourceFile) -> CorpusFile {
        let mut packer = DeflateEncoder::new(
            Vec::with_capacity(source.text.len() / 8),
            Compression::fast(),
        );
        let packed = packer
            .write_all(source.text.as_bytes())
            .and_then(|_| packer.finish());
        match packed {
            Ok(packed) => CorpusFile {
                path: source.path.clone(),
                text: Text::Packed {
                    packed,
                    len: source.text.len(),
                    paragraphs: source.paragraphs().cloned(),
                    cache: Mutex::new(Weak::new()),
                },
                changed: AtomicBool::new(false),
                bom: 0,
            },
            Err(_) => CorpusFile::kept(source),
        }
    }

    /// The same file, whose bytes begin with a UTF-8 byte-order mark of `bom` bytes.
    pub fn with_bom(mut self, bom: u8) -> CorpusFile {
        self.bom = bom;
        self
    }

    /// A span of the text as byte offsets in the file as written: after the byte-order
    /// mark the text leaves out. (In a file read as UTF-16 or Windows-1252, or a Word
    /// file, offsets stay in the text as read: there is no byte of the file to point at.)
    pub fn as_written(&self, span: crate::source::Span) -> (usize, usize) {
        let bom = usize::from(self.bom);
        (span.start as usize + bom, span.end as usize + bom)
    }

    /// The file's text and line index, as parsed.
    pub fn source(&self) -> Arc<SourceFile> {
        let (disk, len, modified, cache) = match &self.text {
            Text::Kept(s) => return Arc::clone(s),
            Text::Packed {
                packed,
                len,
                paragraphs,
                cache,
            } => return self.unpack(packed, *len, paragraphs, cache),
            Text::OnDisk {
                disk,
                len,
                modified,
                cache,
            } => (disk, *len, modified, cache),
        };
        let mut cached = cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(s) = cached.upgrade() {
            return s;
        }
        let source = match read_again(disk, len, *modified) {
            Some(text) => SourceFile::new(self.path.clone(), text),
            None => {
                self.changed.store(true, Ordering::Relaxed);
                SourceFile::new(self.path.clone(), " ".repeat(len))
            }
        };
        let source = Arc::new(source);
        *cached = Arc::downgrade(&source);
        source
    }

    fn unpack(
        &self,
        packed: &[u8],
        len: usize,
        paragraphs: &Option<Arc<Paragraphs>>,
        cache: &Mutex<Weak<SourceFile>>,
    ) -> Arc<SourceFile> {
        let mut cached = cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(s) = cached.upgrade() {
            return s;
        }
        let mut text = String::with_capacity(len);
        // Packed from a `String` by this process: it inflates to UTF-8.
        let _ = DeflateDecoder::new(packed).read_to_string(&mut text);
        let source = Arc::new(match paragraphs {
            Some(p) => SourceFile::with_paragraphs(self.path.clone(), text, Arc::clone(p)),
            None => SourceFile::new(self.path.clone(), text),
        });
        *cached = Arc::downgrade(&source);
        source
    }

    /// Whether the file was found changed on disk when read again: findings in it may be
    /// wrong.
    pub fn changed(&self) -> bool {
        self.changed.load(Ordering::Relaxed)
    }
}

/// The text of `disk` if it is still what was parsed: same modification time, same
/// decoded length.
fn read_again(disk: &Path, len: usize, modified: Option<SystemTime>) -> Option<String> {
    let now = std::fs::metadata(disk).ok()?.modified().ok();
    if now != modified {
        return None;
    }
    let text = decode(std::fs::read(disk).ok()?).0?;
    (text.len() == len).then_some(text)
}

/// Sources read once and held for a while: by a rule that visits the same files
/// again and again, or a renderer working through findings sorted by file. At most
/// `capacity` files are held; when one more is asked for, all are let go (findings and
/// citations come sorted by file, so the files in hand are rarely needed again).
pub struct Held<'c> {
    files: &'c [CorpusFile],
    capacity: usize,
    held: std::cell::RefCell<crate::hash::FxHashMap<FileId, Arc<SourceFile>>>,
}

impl<'c> Held<'c> {
    /// Holds up to 16 files.
    pub fn new(files: &'c [CorpusFile]) -> Held<'c> {
        Held::with_capacity(files, 16)
    }

    pub fn with_capacity(files: &'c [CorpusFile], capacity: usize) -> Held<'c> {
        Held {
            files,
            capacity: capacity.max(1),
            held: Default::default(),
        }
    }

    pub fn get(&self, id: FileId) -> Arc<SourceFile> {
        let mut held = self.held.borrow_mut();
        if let Some(s) = held.get(&id) {
            return Arc::clone(s);
        }
        if held.len() >= self.capacity {
            held.clear();
        }
        let source = self.files[id.0 as usize].source();
        held.insert(id, Arc::clone(&source));
        source
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    #[test]
    fn a_packed_word_text_reads_back_whole_with_its_paragraphs() {
        let paragraphs = Arc::new(Paragraphs {
            starts: vec![(0, 1), (9, 2)],
            clauses: vec![None, Some("H1.1".into())],
            marks: vec![Span::new(0, 2), Span::new(7, 9)],
        });
        let text = "# Title\n\nH1.1 The DCC shall… ‘quoted’.\n".repeat(50);
        let file = CorpusFile::packed(SourceFile::with_paragraphs(
            "documents/section-h/1.0.docx".into(),
            text.clone(),
            Arc::clone(&paragraphs),
        ));
        assert!(
            matches!(file.text, Text::Packed { ref packed, .. } if packed.len() < text.len() / 4)
        );
        let a = file.source();
        assert_eq!(a.text, text);
        assert_eq!(
            a.paragraph_at(12)
                .map(|p| (p.paragraph, p.column, p.clause)),
            Some((2, 4, Some("H1.1")))
        );
        // While one holder keeps it, others share it.
        assert!(Arc::ptr_eq(&a, &file.source()));
    }

    fn on_disk(dir: &std::path::Path, text: &str) -> CorpusFile {
        let disk = dir.join("9.0.md");
        std::fs::write(&disk, text).unwrap();
        let modified = std::fs::metadata(&disk).unwrap().modified().ok();
        CorpusFile::on_disk(
            SourceFile::new("9.0.md".into(), text.into()),
            disk,
            modified,
        )
    }

    #[test]
    fn text_read_again_is_shared_while_held_and_dropped_after() {
        let dir = tempfile::tempdir().unwrap();
        let f = on_disk(dir.path(), "# Section H\nH1.1 text\n");
        let a = f.source();
        let b = f.source();
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(a.line_col(14), (2, 3));
        let weak = Arc::downgrade(&a);
        drop((a, b));
        assert!(
            weak.upgrade().is_none(),
            "no one holds the text: it is freed"
        );
        assert_eq!(f.source().text, "# Section H\nH1.1 text\n");
        assert!(!f.changed());
    }

    #[test]
    fn held_sources_are_read_once_up_to_the_capacity() {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<CorpusFile> = (0..3)
            .map(|i| {
                let disk = dir.path().join(format!("{i}.md"));
                std::fs::write(&disk, format!("file {i}\n")).unwrap();
                let modified = std::fs::metadata(&disk).unwrap().modified().ok();
                let source = SourceFile::new(format!("{i}.md"), format!("file {i}\n"));
                CorpusFile::on_disk(source, disk, modified)
            })
            .collect();
        let held = Held::with_capacity(&files, 2);
        let a = held.get(FileId(0));
        assert!(Arc::ptr_eq(&a, &held.get(FileId(0))));
        assert_eq!(held.get(FileId(1)).text, "file 1\n");
        drop(a);
        // A third file lets the first two go: file 0 is read again.
        assert_eq!(held.get(FileId(2)).text, "file 2\n");
        let weak = Arc::downgrade(&held.get(FileId(2)));
        assert!(weak.upgrade().is_some());
        assert_eq!(held.held.borrow().len(), 1);
    }

    #[test]
    fn a_file_changed_on_disk_reads_as_spaces_and_is_marked() {
        let dir = tempfile::tempdir().unwrap();
        let f = on_disk(dir.path(), "H1.1 é\n");
        std::fs::write(dir.path().join("9.0.md"), "H1.1 changed later\n").unwrap();
        let s = f.source();
        assert_eq!(s.text, " ".repeat("H1.1 é\n".len()));
        assert!(f.changed());
    }

    #[test]
    fn a_file_removed_from_disk_is_marked_changed() {
        let dir = tempfile::tempdir().unwrap();
        let f = on_disk(dir.path(), "H1.1\n");
        std::fs::remove_file(dir.path().join("9.0.md")).unwrap();
        assert_eq!(f.source().text.len(), 5);
        assert!(f.changed());
    }
}
