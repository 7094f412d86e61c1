//! Planted defects: each planter makes one known inconsistency at a random place in the
//! clean corpus and says where seccheck must report it. LOG, RED, VCT, REF, DOC, DATE and
//! CFG rules have planters; IO rules do not (odd bytes would hide a document's other
//! findings), nor RED005 (see `redline.rs`: it cannot fire alone).
//!
//! # Adding a rule family
//! Write `defects/<family>.rs` with one `pub const <CODE>: Planter` per rule and add one
//! row per rule to [`PLANTERS`]. A planter's `plant` picks a random site from the
//! [`Index`], takes [claims](Ctx::claim) on what its defect depends on, queues edits
//! with the finding's place, and returns `true`; or returns `false` when the site does
//! not suit (the driver tries again elsewhere, and retires the planter when no site is
//! left).
//!
//! # Defects must not collide
//! One defect must give exactly its one finding, whatever else is planted. Claims keep
//! planters apart: a key taken *exclusively* (a document whose versions a defect
//! changes, a release whose date it moves, a line it rewrites) cannot be taken again; a
//! key taken *shared* (a document a citation depends on) can be shared but not then
//! taken exclusively. Planters that change a document line change it in the redlines
//! too ([`Ctx::edit_version_line`]), so redlines stay exact.
//!
//! Edits are queued and applied at the end, one pass per file; the finding's line is
//! computed after every edit of its file, so inserted log rows shift later findings
//! correctly.

mod config;
mod date;
mod definition;
mod document;
mod log;
mod redline;
mod reference;
mod release;
mod version_table;

use super::index::Index;
use super::rng::Rng;
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io;
use std::path::Path;

/// A defect as seccheck must report it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Planted {
    pub code: String,
    pub path: String,
    pub line: usize,
}

pub struct Planter {
    pub code: &'static str,
    pub plant: fn(&mut Ctx) -> bool,
}

/// Every planter, in the order the driver takes turns: those that need a whole document
/// or release to themselves come first, before shared claims fill the corpus.
pub static PLANTERS: &[Planter] = &[
    log::LOG005,
    log::LOG003,
    log::LOG001,
    log::LOG002,
    log::LOG006,
    log::LOG004,
    log::LOG008,
    log::LOG007,
    redline::RED003,
    document::DOC001,
    document::DOC002,
    reference::REF001,
    reference::REF002,
    reference::REF003,
    reference::REF004,
    reference::REF005,
    reference::REF006,
    reference::REF007,
    reference::REF008,
    redline::RED001,
    redline::RED002,
    redline::RED004,
    redline::RED006,
    version_table::VCT001,
    version_table::VCT002,
    version_table::VCT003,
    version_table::VCT004,
    version_table::VCT005,
    version_table::VCT006,
    version_table::VCT007,
    date::DATE001,
    date::DATE002,
    release::REL001,
    release::REL002,
    release::REL003,
    release::REL004,
    release::REL005,
    release::REL006,
    release::REL007,
    release::REL008,
    release::REL010,
    release::REL011,
    release::REL012,
    definition::DEF001,
    definition::DEF002,
    definition::DEF003,
    definition::DEF004,
    definition::DEF005,
    definition::DEF006,
    config::CFG001,
];

/// How many random sites a planter tries before it is retired.
const ATTEMPTS: usize = 80;

enum Claim {
    Shared,
    Exclusive,
}

enum Op {
    /// Replace `old` (a whole line when `line`, else a substring; exactly one
    /// occurrence) with `new`; the finding, if any, is at that byte of `new`.
    Replace {
        old: String,
        new: String,
        line: bool,
        finding: Option<(&'static str, usize)>,
    },
    /// Insert `text` after the whole line `anchor`.
    InsertAfter {
        anchor: String,
        text: String,
        /// The finding's code and its byte offset in `text`.
        finding: Option<(&'static str, usize)>,
    },
    /// No change: the finding is on the whole line `anchor`.
    Mark {
        anchor: String,
        code: &'static str,
    },
    Delete,
    /// Write the whole file (new or existing); the finding, if any, is on that line.
    Write {
        text: String,
        finding: Option<(&'static str, usize)>,
    },
}

pub struct Ctx<'a> {
    pub root: &'a Path,
    pub index: &'a Index,
    pub rng: Rng,
    /// The code of the planter running now.
    pub code: &'static str,
    claims: HashMap<String, Claim>,
    ops: BTreeMap<String, Vec<Op>>,
}

impl<'a> Ctx<'a> {
    /// A random document and one of its versions, by index; `None` when the document
    /// drawn has no version (or is Section A, unless `section_a`).
    pub(super) fn random_version(&mut self, section_a: bool) -> Option<(usize, usize)> {
        let i = self.rng.below(self.index.docs.len());
        let d = &self.index.docs[i];
        if (!section_a && d.is_section_a()) || d.versions.is_empty() {
            return None;
        }
        Some((i, self.rng.below(d.versions.len())))
    }

    fn new(root: &'a Path, index: &'a Index, seed: u64) -> Ctx<'a> {
        Ctx {
            root,
            index,
            rng: Rng::fork(seed, 3),
            code: "",
            claims: HashMap::new(),
            ops: BTreeMap::new(),
        }
    }

    /// Takes every key or none: `false` when an exclusive key is taken in any way, or a
    /// shared key is taken exclusively.
    pub fn claim(&mut self, shared: &[String], exclusive: &[String]) -> bool {
        let free = shared
            .iter()
            .all(|k| !matches!(self.claims.get(k), Some(Claim::Exclusive)))
            && exclusive.iter().all(|k| !self.claims.contains_key(k));
        if free {
            for k in shared {
                self.claims.entry(k.clone()).or_insert(Claim::Shared);
            }
            for k in exclusive {
                self.claims.insert(k.clone(), Claim::Exclusive);
            }
        }
        free
    }

    fn push(&mut self, path: &str, op: Op) {
        self.ops.entry(path.to_string()).or_default().push(op);
    }

    /// Replaces a whole line; the finding (this planter's code) is on it.
    pub fn replace_line(&mut self, path: &str, old: &str, new: &str, finding: bool) {
        let finding = finding.then_some((self.code, 0));
        self.push(
            path,
            Op::Replace {
                old: old.into(),
                new: new.into(),
                line: true,
                finding,
            },
        );
    }

    /// Replaces the one occurrence of `old` in the file.
    pub fn replace_text(&mut self, path: &str, old: &str, new: &str) {
        self.push(
            path,
            Op::Replace {
                old: old.into(),
                new: new.into(),
                line: false,
                finding: None,
            },
        );
    }

    /// Replaces the one occurrence of `old` in the file; the finding (this planter's
    /// code) is on the line where it starts.
    pub fn replace_text_found(&mut self, path: &str, old: &str, new: &str) {
        let finding = Some((self.code, 0));
        self.push(
            path,
            Op::Replace {
                old: old.into(),
                new: new.into(),
                line: false,
                finding,
            },
        );
    }

    /// Inserts a line after the whole line `anchor`; the finding is on the new line.
    pub fn insert_line_after(&mut self, path: &str, anchor: &str, line: &str) {
        let code = self.code;
        self.push(
            path,
            Op::InsertAfter {
                anchor: anchor.into(),
                text: format!("{line}\n"),
                finding: Some((code, 0)),
            },
        );
    }

    /// Inserts `line` as a paragraph of its own (a blank line before it) after the whole
    /// line `anchor`; the finding is on the new line.
    pub fn insert_paragraph_after(&mut self, path: &str, anchor: &str, line: &str) {
        let code = self.code;
        self.push(
            path,
            Op::InsertAfter {
                anchor: anchor.into(),
                text: format!("\n{line}\n"),
                finding: Some((code, 1)),
            },
        );
    }

    /// The finding is on the whole line `anchor`, which is not changed.
    pub fn mark(&mut self, path: &str, anchor: &str) {
        let code = self.code;
        self.push(
            path,
            Op::Mark {
                anchor: anchor.into(),
                code,
            },
        );
    }

    pub fn delete(&mut self, path: &str) {
        self.push(path, Op::Delete);
    }

    /// Writes a file whole; `finding_line` (1-based) carries this planter's finding.
    pub fn write(&mut self, path: &str, text: String, finding_line: Option<usize>) {
        let finding = finding_line.map(|l| (self.code, l));
        self.push(path, Op::Write { text, finding });
    }

    pub fn read(&self, path: &str) -> io::Result<String> {
        fs::read_to_string(self.root.join(path))
    }

    /// The claim keys for editing line `line` (its text) of version `vi` of document
    /// `doc`: the document file's line and the same line in the two redlines that
    /// show it (this version's, and the next version's).
    pub fn line_keys(&self, doc: usize, vi: usize, line: &str) -> Vec<String> {
        let mut keys = vec![
            format!("line:{doc}:{vi}:{line}"),
            format!("rl:{doc}:{vi}:{line}"),
        ];
        if vi + 1 < self.index.docs[doc].versions.len() {
            keys.push(format!("rl:{doc}:{}:{line}", vi + 1));
        }
        keys
    }

    /// Changes a line that every redline shows unchanged (a core clause, the heading)
    /// in version `vi` only: in the document, in its redline as a substitution from the
    /// previous version, and in the next version's redline as a substitution back. The
    /// finding is on the line in the document.
    pub fn edit_version_line(&mut self, doc: usize, vi: usize, old: &str, new: &str) {
        let versions = &self.index.docs[doc].versions;
        let path = versions[vi].path.clone();
        let this_redline = versions[vi].redline.clone();
        let next_redline = versions.get(vi + 1).and_then(|v| v.redline.clone());
        self.replace_line(&path, old, new, true);
        if let Some(r) = this_redline {
            self.replace_line(&r, old, &format!("{{~~{old}~>{new}~~}}"), false);
        }
        if let Some(r) = next_redline {
            self.replace_line(&r, old, &format!("{{~~{new}~>{old}~~}}"), false);
        }
    }
}

/// Plants `n` defects, taking turns over [`PLANTERS`], and applies the edits.
pub fn plant(root: &Path, index: &Index, seed: u64, n: usize) -> io::Result<Vec<Planted>> {
    if n == 0 {
        return Ok(Vec::new());
    }
    let mut ctx = Ctx::new(root, index, seed);
    let mut alive = vec![true; PLANTERS.len()];
    let mut count = 0;
    while count < n && alive.iter().any(|&a| a) {
        for (i, p) in PLANTERS.iter().enumerate() {
            if count == n {
                break;
            }
            if !alive[i] {
                continue;
            }
            ctx.code = p.code;
            if (0..ATTEMPTS).any(|_| (p.plant)(&mut ctx)) {
                count += 1;
            } else {
                alive[i] = false;
            }
        }
    }
    apply(root, ctx.ops)
}

/// Applies the queued edits, one pass per file, and returns where each finding is.
fn apply(root: &Path, ops: BTreeMap<String, Vec<Op>>) -> io::Result<Vec<Planted>> {
    let mut planted = Vec::new();
    for (path, ops) in ops {
        let full = root.join(&path);
        if ops.iter().any(|o| matches!(o, Op::Delete)) {
            debug_assert_eq!(ops.len(), 1, "{path}: a deleted file has no other edit");
            fs::remove_file(&full)?;
            continue;
        }
        if let Some(Op::Write { text, finding }) =
            ops.iter().find(|o| matches!(o, Op::Write { .. }))
        {
            debug_assert_eq!(ops.len(), 1, "{path}: a written file has no other edit");
            if let Some(dir) = full.parent() {
                fs::create_dir_all(dir)?;
            }
            fs::write(&full, text)?;
            if let Some((code, line)) = finding {
                planted.push(Planted {
                    code: code.to_string(),
                    path,
                    line: *line,
                });
            }
            continue;
        }
        let text = fs::read_to_string(&full)?;
        let mut edits: Vec<Edit> = Vec::new();
        for op in ops {
            match op {
                Op::Replace {
                    old,
                    new,
                    line,
                    finding,
                } => {
                    let at = find_one(&text, &old, line, &path)?;
                    edits.push(Edit {
                        start: at,
                        end: at + old.len(),
                        rank: 2,
                        new,
                        finding,
                    });
                }
                Op::InsertAfter {
                    anchor,
                    text: ins,
                    finding,
                } => {
                    let at = find_one(&text, &anchor, true, &path)? + anchor.len() + 1;
                    edits.push(Edit {
                        start: at,
                        end: at,
                        rank: 0,
                        new: ins,
                        finding,
                    });
                }
                Op::Mark { anchor, code } => {
                    let at = find_one(&text, &anchor, true, &path)?;
                    edits.push(Edit {
                        start: at,
                        end: at,
                        rank: 1,
                        new: String::new(),
                        finding: Some((code, 0)),
                    });
                }
                Op::Delete | Op::Write { .. } => unreachable!("handled above"),
            }
        }
        edits.sort_by_key(|e| (e.start, e.end, e.rank));
        let mut out = String::with_capacity(text.len() + 4096);
        let mut pos = 0;
        let mut line = 1;
        for Edit {
            start,
            end,
            new,
            finding,
            ..
        } in edits
        {
            if start < pos {
                return Err(io::Error::other(format!(
                    "{path}: two planted defects edit the same text (a claim is missing)"
                )));
            }
            line += memchr::memchr_iter(b'\n', &text.as_bytes()[pos..start]).count();
            out.push_str(&text[pos..start]);
            if let Some((code, off)) = finding {
                let l = line + memchr::memchr_iter(b'\n', &new.as_bytes()[..off]).count();
                planted.push(Planted {
                    code: code.to_string(),
                    path: path.clone(),
                    line: l,
                });
            }
            line += memchr::memchr_iter(b'\n', new.as_bytes()).count();
            out.push_str(&new);
            pos = end;
        }
        out.push_str(&text[pos..]);
        fs::write(&full, out)?;
    }
    planted.sort();
    Ok(planted)
}

/// One resolved edit of a file's text. At one place, inserted lines (rank 0) come
/// before a marked line (rank 1), which is the line after them, and both before a
/// replacement (rank 2).
struct Edit {
    start: usize,
    end: usize,
    rank: u8,
    new: String,
    /// The finding's code and its byte offset in `new`.
    finding: Option<(&'static str, usize)>,
}

/// The offset of the one occurrence of `needle` (as a whole line when `line`).
fn find_one(text: &str, needle: &str, line: bool, path: &str) -> io::Result<usize> {
    let mut found = None;
    for at in memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()) {
        if line {
            let starts = at == 0 || text.as_bytes()[at - 1] == b'\n';
            let end = at + needle.len();
            let ends = end == text.len() || text.as_bytes()[end] == b'\n';
            if !(starts && ends) {
                continue;
            }
        }
        if found.is_some() {
            return Err(io::Error::other(format!(
                "{path}: `{needle}` occurs more than once"
            )));
        }
        found = Some(at);
    }
    found.ok_or_else(|| io::Error::other(format!("{path}: `{needle}` not found")))
}

/// Writes the list as `code,path,line`.
pub fn write_planted(path: &Path, planted: &[Planted]) -> io::Result<()> {
    let mut s = String::from("code,path,line\n");
    for p in planted {
        s.push_str(&format!("{},{},{}\n", p.code, p.path, p.line));
    }
    fs::write(path, s)
}

/// Reads a list written by [`write_planted`].
pub fn read_planted(path: &Path) -> io::Result<Vec<Planted>> {
    let text = fs::read_to_string(path)?;
    let mut out = Vec::new();
    for (i, l) in text.lines().enumerate().skip(1) {
        let mut f = l.splitn(3, ',');
        let (Some(code), Some(p), Some(line)) = (f.next(), f.next(), f.next()) else {
            return Err(io::Error::other(format!(
                "{}:{}: not code,path,line",
                path.display(),
                i + 1
            )));
        };
        out.push(Planted {
            code: code.into(),
            path: p.into(),
            line: line
                .parse()
                .map_err(|_| io::Error::other(format!("{}:{}: bad line", path.display(), i + 1)))?,
        });
    }
    Ok(out)
}

/// Keys shared by every defect in a version file: the file and its document.
pub(crate) fn in_version(doc: usize, path: &str) -> Vec<String> {
    vec![format!("file:{path}"), format!("doc:{doc}")]
}
