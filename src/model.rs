//! The corpus as plain data: files, the Document Log, document versions, redlines and
//! release notes. Built once by [`crate::load`], read by every rule; nothing here knows
//! of rules or output.

use crate::clause;
use crate::hash::FxHashMap;
use crate::names::{DocumentId, Version};
pub use crate::parse::dates::DateMention;
use crate::parse::definitions::Definition;
pub use crate::parse::document::{Clause, ClauseHeading, Heading};
pub use crate::parse::log::LogRow;
use crate::parse::log::MalformedRow;
use crate::parse::redline::Redline;
pub use crate::parse::redline::{Segment, Side};
use crate::parse::references::Reference;
pub use crate::parse::release_note::SummaryClaim;
use crate::parse::release_note::{ProposalMention, ReleaseNote};
pub use crate::parse::suppressions::{Scope as SuppressionScope, Suppression};
pub use crate::parse::version_table::VersionTable;
use crate::source::{DecodeProblem, FileId, SourceFile, Span};
use crate::store::CorpusFile;
use std::sync::Arc;

/// Whether the folder follows the corpus contract (`document-log.csv`, `documents/`, …)
/// or is a loose folder of published files classified by their content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Contract,
    Loose,
}

#[derive(Debug)]
pub struct Corpus {
    pub layout: Layout,
    /// Every file read, sorted by path; [`FileId`] indexes this.
    pub files: Vec<CorpusFile>,
    pub log: Option<DocumentLog>,
    pub documents: Vec<DocumentVersion>,
    pub redlines: Vec<RedlineFile>,
    pub release_notes: Vec<ReleaseNoteFile>,
    /// Version-control tables on their own, as extracted from PDF (loose folders only).
    pub version_tables: Vec<VersionTableFile>,
    /// Every date written in a document, release note, table or other text (not in the
    /// log, the config or redlines: a redline's dates are its document's), by file.
    pub dates: Vec<FileDates>,
    /// Files read but neither a document, a note, a table nor a redline (loose folders only).
    pub others: Vec<OtherFile>,
    /// Problems met while reading: bad bytes, unreachable files, parser panics.
    pub read_problems: Vec<ReadProblem>,
    /// The settings files as read: the corpus's `seccheck.toml` (or `--config`, or the
    /// nearest one above the corpus) first, then each file it `extend`s in turn. Empty
    /// when there is none.
    pub configs: Vec<ConfigFile>,
    /// Inline suppressions, by file (files that have some).
    pub suppressions: Vec<(FileId, Vec<Suppression>)>,
    /// document → version → index in `documents` of its first file, for
    /// [`Corpus::document`] (nested so that a lookup clones no key).
    pub(crate) document_index: FxHashMap<DocumentId, FxHashMap<Version, usize>>,
}

/// One settings file (`seccheck.toml`).
#[derive(Debug)]
pub struct ConfigFile {
    pub file: FileId,
    pub parsed: crate::parse::config::ConfigFile,
    /// Why its `extend` could not be followed, when it could not.
    pub extend_problem: Option<ExtendProblem>,
}

/// Why a settings file's `extend` was not followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtendProblem {
    /// The named file is not a readable file (`path` as the report names it).
    Unreadable { path: String, why: String },
    /// It names a file already in the chain.
    Loop { path: String },
    /// A settings file held in memory names no folder to resolve a path from.
    NotOnDisk,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadProblem {
    pub file: FileId,
    pub kind: ReadProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadProblemKind {
    /// Found but not reachable (symlink loop, permissions) or not readable.
    Unreadable(String),
    /// The bytes are not clean text: invalid UTF-8, binary, empty, too large.
    Decode(DecodeProblem),
    /// Under a corpus folder but not named as the contract says; the hint says how.
    NotInLayout(String),
    /// Gives the same document version, redline or release as this earlier path.
    Duplicate(String),
    /// The parser failed on this file; the message is the panic's.
    ParserPanic(String),
    /// A Word file that could not be read.
    Word(crate::word::WordProblem),
    /// A Word file that was read, with a caveat.
    WordCaveat(WordCaveat),
}

/// What to know about a Word file that was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordCaveat {
    /// It holds macros (never run; its text was read).
    Macros,
    /// A clean text holding this many tracked changes: read with every change accepted.
    TrackedChanges(usize),
}

impl ReadProblemKind {
    /// Whether the file's text was lost (not read, or not all of it): the rules judge
    /// nothing in it. Text read from an invalid encoding, or a Word file read with a
    /// caveat, is text.
    pub fn loses_text(&self) -> bool {
        !matches!(
            self,
            ReadProblemKind::Decode(DecodeProblem::InvalidUtf8 { .. })
                | ReadProblemKind::WordCaveat(_)
        )
    }
}

impl Corpus {
    /// What each file was read as, in file order: for the report of a loose folder.
    pub fn file_kinds(&self) -> Vec<(FileId, &'static str)> {
        let mut kinds: Vec<(FileId, &'static str)> = Vec::new();
        kinds.extend(self.documents.iter().map(|d| (d.file, "document")));
        kinds.extend(self.release_notes.iter().map(|n| (n.file, "release note")));
        kinds.extend(self.redlines.iter().map(|r| (r.file, "redline")));
        kinds.extend(
            self.version_tables
                .iter()
                .map(|t| (t.file, "version-control table")),
        );
        kinds.extend(self.others.iter().map(|o| (o.file, "other text")));
        if let Some(log) = &self.log {
            kinds.push((log.file, "Document Log"));
        }
        kinds.extend(self.configs.iter().map(|c| (c.file, "settings")));
        kinds.sort();
        kinds
    }

    pub fn file(&self, id: FileId) -> &CorpusFile {
        &self.files[id.0 as usize]
    }

    /// One file's text and line index (read again from disk for documents and redlines:
    /// hold the result while working on the file, not across the corpus).
    pub fn source(&self, id: FileId) -> std::sync::Arc<SourceFile> {
        self.file(id).source()
    }

    /// Whether a file's text could not be read (unreachable, binary, empty, a parser
    /// panic, …): rules say nothing about its content, `refs` did not search it. A file
    /// that was not valid UTF-8 was still read (decoded the likeliest way) and counts as
    /// read.
    pub fn unreadable(&self, file: FileId) -> bool {
        self.read_problems
            .iter()
            .any(|p| p.file == file && p.kind.loses_text())
    }

    /// The clean text of one document version, if the corpus has it.
    pub fn document(&self, document: &DocumentId, version: &Version) -> Option<&DocumentVersion> {
        self.document_index
            .get(document)
            .and_then(|v| v.get(version))
            .map(|&i| &self.documents[i])
    }
}

#[derive(Debug)]
pub struct DocumentLog {
    pub file: FileId,
    /// Well-formed rows in file order.
    pub rows: Vec<LogRow>,
    /// Rows that could not be read; left out of `rows`.
    pub malformed: Vec<MalformedRow>,
    /// release → document → index of its first row: resolution asks this once per
    /// citation and release, so it must not scan the log (nor clone a key).
    by_release: FxHashMap<Version, FxHashMap<DocumentId, usize>>,
    /// document → version → indexes of the rows naming it, in file order.
    by_version: FxHashMap<DocumentId, FxHashMap<Version, Vec<usize>>>,
}

impl DocumentLog {
    pub fn new(file: FileId, rows: Vec<LogRow>, malformed: Vec<MalformedRow>) -> DocumentLog {
        let mut by_release: FxHashMap<Version, FxHashMap<DocumentId, usize>> = Default::default();
        let mut by_version: FxHashMap<DocumentId, FxHashMap<Version, Vec<usize>>> =
            Default::default();
        for (i, r) in rows.iter().enumerate() {
            by_release
                .entry(r.release.clone())
                .or_default()
                .entry(r.document.clone())
                .or_insert(i);
            by_version
                .entry(r.document.clone())
                .or_default()
                .entry(r.version.clone())
                .or_default()
                .push(i);
        }
        DocumentLog {
            file,
            rows,
            malformed,
            by_release,
            by_version,
        }
    }

    /// The log row that puts `document` in effect at `release` (the first, if a release
    /// lists it twice).
    pub fn row(&self, release: &Version, document: &DocumentId) -> Option<&LogRow> {
        self.by_release
            .get(release)
            .and_then(|d| d.get(document))
            .map(|&i| &self.rows[i])
    }

    /// Whether a malformed row (LOG008, left out of `rows`) seems to name this document
    /// version: then the log's silence about it is that row's fault.
    pub fn named_by_malformed_row(&self, document: &DocumentId, version: &Version) -> bool {
        self.malformed.iter().any(|m| {
            m.said.document.as_ref() == Some(document) && m.said.version.as_ref() == Some(version)
        })
    }

    /// Whether a malformed row seems to give `document` a row at `release` (its release
    /// field names that release or could not be read): then the log is not read whole
    /// there, and no rule concludes anything from `document`'s absence at `release`.
    pub fn maybe_row(&self, release: &Version, document: &DocumentId) -> bool {
        self.malformed.iter().any(|m| {
            m.said.document.as_ref() == Some(document)
                && m.said.release.as_ref().is_none_or(|r| r == release)
        })
    }

    /// Rows naming this document, any version (grouped by version, not in file order).
    pub fn rows_of<'a>(&'a self, document: &DocumentId) -> impl Iterator<Item = &'a LogRow> + 'a {
        self.by_version
            .get(document)
            .into_iter()
            .flat_map(|v| v.values())
            .flatten()
            .map(|&i| &self.rows[i])
    }

    /// Rows naming this document version: the releases it is in effect at.
    pub fn rows_for<'a>(
        &'a self,
        document: &'a DocumentId,
        version: &'a Version,
    ) -> impl Iterator<Item = &'a LogRow> + 'a {
        self.by_version
            .get(document)
            .and_then(|v| v.get(version))
            .into_iter()
            .flatten()
            .map(|&i| &self.rows[i])
    }
}

#[derive(Debug)]
pub struct DocumentVersion {
    pub file: FileId,
    /// From the path in a contract corpus, from the heading in a loose folder.
    pub document: DocumentId,
    /// From the path; `None` in a loose folder.
    pub version: Option<Version>,
    pub heading: Option<Heading>,
    pub clauses: Vec<Clause>,
    /// The Markdown version-control table's lines, if any. The version's citations are
    /// not held here: see [`crate::rules::citing`].
    pub table_block: Option<Span>,
    /// The document's own version-control table, when it has one.
    pub version_table: Option<VersionTable>,
    /// The digest of its text as compared with a redline's side or another version
    /// ([`crate::digest`]); `None` when it was not read as a document version.
    pub digest: Option<crate::digest::Digest>,
    /// Defined terms, in text order (Section A only; empty for every other document).
    pub definitions: Vec<Definition>,
    /// Acronyms with the expansion written for each, in text order.
    pub acronyms: Vec<crate::parse::acronyms::Expansion>,
    /// Every clause number and every part or parent it is numbered under ("H8" and
    /// "H8.16" for "H8.16(a)"), packed ([`pack_number`]) into an open-addressing hash
    /// table (0 is an empty slot; no packed number is 0): a citation is resolved with
    /// one or two memory reads, not a scan of every clause. Numbers longer than eight
    /// bytes are not in it (they are found by a scan). Built by
    /// [`DocumentVersion::index_clauses`].
    pub(crate) numbers: Vec<u64>,
    /// Whether `numbers` was built.
    pub(crate) indexed: bool,
    /// The indexes in `clauses` of those with a heading, sorted by number: for
    /// [`DocumentVersion::heading`]. Built by [`DocumentVersion::index_clauses`].
    pub(crate) headed: Vec<u32>,
    /// The indexes in `clauses` of every clause, sorted by number (in text order among
    /// equals): for [`DocumentVersion::clause`]. Built by
    /// [`DocumentVersion::index_clauses`].
    pub(crate) by_number: Vec<u32>,
    /// The numbers longer than eight bytes (`H12.345(a)`) and every part or parent they
    /// are numbered under, as sorted 64-bit hashes ([`long_key`]): what `numbers` cannot
    /// hold, found by a binary search rather than a scan of the clauses (a scan per
    /// citation grows with the citations times the clauses: quadratic in a long
    /// document). Eight bytes a number, not a string each; two numbers of one document
    /// version sharing a 64-bit hash is taken not to happen.
    pub(crate) long_numbers: Vec<u64>,
}

impl DocumentVersion {
    /// Builds the clause index; call after `clauses` is set.
    pub fn index_clauses(&mut self) {
        let mut numbers = Vec::with_capacity(self.clauses.len() * 2);
        let mut long: Vec<u64> = Vec::new();
        for c in &self.clauses {
            for n in c.number.ancestors().chain([c.number.as_str()]) {
                match pack_number(n) {
                    Some(key) => numbers.push(key),
                    None => long.push(long_key(n)),
                }
            }
        }
        long.sort_unstable();
        long.dedup();
        self.long_numbers = long;
        numbers.sort_unstable();
        numbers.dedup();
        // Load at most 3/4 (linear probing stays short), at least 3/8.
        let mut table = vec![0u64; (numbers.len() * 4 / 3 + 1).next_power_of_two().max(8)];
        let mask = table.len() - 1;
        for key in numbers {
            let mut i = slot(key, mask);
            while table[i] != 0 {
                i = (i + 1) & mask;
            }
            table[i] = key;
        }
        self.numbers = table;
        self.indexed = true;
        // Sorted by each number's first eight bytes as an integer (the order of the
        // strings, zero-padded), then the whole string where a number is longer, then
        // text order: the order of a stable sort by number, without a string compare
        // for most pairs.
        let mut keyed: Vec<(u64, u32)> = self
            .clauses
            .iter()
            .enumerate()
            .map(|(i, c)| (prefix_key(c.number.as_str()), i as u32))
            .collect();
        keyed.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| {
                    let (x, y) = (
                        &self.clauses[a.1 as usize].number,
                        &self.clauses[b.1 as usize].number,
                    );
                    if x.as_str().len() > 8 || y.as_str().len() > 8 {
                        x.as_str().cmp(y.as_str())
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                .then(a.1.cmp(&b.1))
        });
        let by_number: Vec<u32> = keyed.into_iter().map(|(_, i)| i).collect();
        self.headed = by_number
            .iter()
            .copied()
            .filter(|&i| self.clauses[i as usize].heading.is_some())
            .collect();
        self.by_number = by_number;
    }

    /// The first clause of `index` (indexes sorted by number) numbered `number`.
    fn first_numbered(&self, index: &[u32], number: &str) -> Option<&Clause> {
        let at = index.partition_point(|&i| self.clauses[i as usize].number.as_str() < number);
        let c = &self.clauses[*index.get(at)? as usize];
        (c.number == number).then_some(c)
    }

    /// The heading of clause or part `number`, when its line is a heading read whole (a
    /// binary search: no scan of the clauses). The first, if two clauses share a number.
    pub fn heading(&self, number: &str) -> Option<&ClauseHeading> {
        self.first_numbered(&self.headed, number)?
            .heading
            .as_deref()
    }

    /// The clauses sorted by number, in text order among equal numbers: two versions'
    /// clause lists compared in one pass, without a map.
    pub fn clauses_by_number(&self) -> Vec<&Clause> {
        if self.indexed {
            return self
                .by_number
                .iter()
                .map(|&i| &self.clauses[i as usize])
                .collect();
        }
        let mut all: Vec<&Clause> = self.clauses.iter().collect();
        all.sort_by(|a, b| a.number.as_str().cmp(b.number.as_str()));
        all
    }

    pub fn clause(&self, number: &str) -> Option<&Clause> {
        if !self.indexed {
            return self.clauses.iter().find(|c| c.number == number);
        }
        self.first_numbered(&self.by_number, number)
    }

    /// Whether a cited clause exists: numbered as such, or a part whose clauses are
    /// (`H3` when `H3.1` exists). A sub-clause that the text writes inline rather than on
    /// its own line ("… as follows: (a) …; (b) …") counts when its parent's body has it.
    /// The text (`corpus`'s copy of this version's file) is read only for that last case.
    pub fn has_clause(&self, corpus: &Corpus, number: &str) -> bool {
        self.has_clause_in(number, || corpus.source(self.file))
    }

    /// [`Self::has_clause`], with this version's text from `source`.
    fn has_clause_in(&self, number: &str, source: impl FnOnce() -> Arc<SourceFile>) -> bool {
        let exists = match pack_number(number) {
            Some(key) if self.indexed => {
                let mask = self.numbers.len() - 1;
                let mut i = slot(key, mask);
                loop {
                    match self.numbers[i] {
                        0 => break false,
                        k if k == key => break true,
                        _ => i = (i + 1) & mask,
                    }
                }
            }
            None if self.indexed => self.long_numbers.binary_search(&long_key(number)).is_ok(),
            _ => self
                .clauses
                .iter()
                .any(|c| c.number == number || c.number.is_under(number)),
        };
        if exists {
            return true;
        }
        // Inline sub-clauses: the parent exists and its body holds "(a)" and "(ii)".
        let (parent, subs) = clause::split_sub_clauses(number);
        if subs.is_empty() {
            return false;
        }
        self.clause(parent).is_some_and(|p| {
            let source = source();
            source
                .text
                .get(p.body.range())
                .is_some_and(|body| subs.split_inclusive(')').all(|sub| body.contains(sub)))
        })
    }
}

#[derive(Debug)]
pub struct RedlineFile {
    pub file: FileId,
    pub document: DocumentId,
    pub version: Version,
    pub redline: Redline,
    /// The digests of its two sides as compared ([`crate::digest`]): every change
    /// rejected, every change accepted.
    pub sides: Option<(crate::digest::Digest, crate::digest::Digest)>,
}

#[derive(Debug)]
pub struct ReleaseNoteFile {
    pub file: FileId,
    /// From the file name in a contract corpus.
    pub release: Option<Version>,
    /// What the note says: its version, date, proposals, count and affected list.
    pub note: ReleaseNote,
    /// Citations anywhere in the note, in text order.
    pub references: Vec<Reference>,
}

impl ReleaseNoteFile {
    /// The release the note is about: its file name's (`releases/57.0.md`), else, in a
    /// loose folder, the SEC version it states first.
    pub fn release_of(&self) -> Option<&Version> {
        self.release
            .as_ref()
            .or(self.note.version.as_ref().map(|(v, _)| v))
    }
}

/// A text that is none of the corpus's kinds (a newsletter, minutes): what the rules use
/// of it, read when it was loaded.
#[derive(Debug)]
pub struct OtherFile {
    pub file: FileId,
    /// Proposals named with a title in quotes (REL006 compares their titles).
    pub proposals: Vec<ProposalMention>,
}

/// A version-control table on its own (text extracted from a PDF), in a loose folder.
#[derive(Debug)]
pub struct VersionTableFile {
    pub file: FileId,
    pub table: VersionTable,
}

/// The dates written in one file, in text order.
#[derive(Debug)]
pub struct FileDates {
    pub file: FileId,
    pub mentions: Vec<DateMention>,
}

/// The home slot of a packed number in a table of `mask + 1` slots.
fn slot(key: u64, mask: usize) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask
}

/// A clause number longer than eight bytes as a 64-bit hash, for
/// [`DocumentVersion::long_numbers`].
fn long_key(number: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(number.as_bytes())
}

/// A clause number of at most eight bytes as an integer that orders as the text does;
/// `None` for a longer one.
/// The first eight bytes of `number` as a big-endian integer, zero-padded: integers in
/// the order of the strings, up to their eighth byte.
fn prefix_key(number: &str) -> u64 {
    let b = number.as_bytes();
    let n = b.len().min(8);
    let mut buf = [0u8; 8];
    buf[..n].copy_from_slice(&b[..n]);
    u64::from_be_bytes(buf)
}

pub fn pack_number(number: &str) -> Option<u64> {
    let b = number.as_bytes();
    (!b.is_empty() && b.len() <= 8).then(|| {
        let mut buf = [0u8; 8];
        buf[..b.len()].copy_from_slice(b);
        u64::from_be_bytes(buf)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::document::parse_clauses;

    fn version(text: &str, indexed: bool) -> DocumentVersion {
        let document = DocumentId::from_key("section-h").unwrap();
        let mut d = DocumentVersion {
            file: FileId(0),
            clauses: parse_clauses(text, &document, None),
            document,
            version: None,
            heading: None,
            table_block: None,
            version_table: None,
            definitions: Vec::new(),
            acronyms: Vec::new(),
            digest: None,
            numbers: Vec::new(),
            indexed: false,
            headed: Vec::new(),
            by_number: Vec::new(),
            long_numbers: Vec::new(),
        };
        if indexed {
            d.index_clauses();
        }
        d
    }

    #[test]
    fn the_clause_index_answers_as_the_scan_does() {
        let text = "## H3 Part\nH3.1 A:\n(a) one;\n(b) two, as follows: (i) x; (ii) y.\nH3.10 B.\nH30.1 C.\nH3.2A D.\n## H8 Other\nH8.16 E.\nH8.17 F:\n(a) G:\n(ii) H.\nH8.16 E again.\n## H12 Long\nH12.345 I:\n(a) J;\n(b) K, as follows: (i) x.\n";
        let (plain, fast) = (version(text, false), version(text, true));
        let source = || Arc::new(SourceFile::new("h.md".into(), text.into()));
        for n in [
            "H3",
            "H3.1",
            "H3.1(a)",
            "H3.1(b)(ii)",
            "H3.1(c)",
            "H3.10",
            "H3.2",
            "H3.2A",
            "H30",
            "H30.1",
            "H30.2",
            "H8",
            "H8.1",
            "H8.16",
            "H4",
            "H",
            "H3.1(b)(iii)",
            "H8.17(a)",
            "H8.17(a)(ii)",
            "H8.17(a)(i)",
            "H8.17(b)",
            // Longer than eight bytes: the sorted list, not the packed table.
            "H12.345",
            "H12.345(a)",
            "H12.345(b)",
            "H12.345(b)(i)",
            "H12.345(b)(ii)",
            "H12.345(c)",
            "H12.346",
            "H12.34",
            "H12",
        ] {
            assert_eq!(
                plain.has_clause_in(n, source),
                fast.has_clause_in(n, source),
                "{n}"
            );
            assert_eq!(
                plain.clause(n).map(|c| c.span),
                fast.clause(n).map(|c| c.span),
                "{n}"
            );
        }
        assert!(fast.has_clause_in("H3", source) && fast.has_clause_in("H3.1(b)(ii)", source));
        assert!(!fast.has_clause_in("H3.2", source) && !fast.has_clause_in("H4", source));
        assert!(
            fast.has_clause_in("H12.345(a)", source) && fast.has_clause_in("H12.345(b)(i)", source)
        );
        assert!(!fast.has_clause_in("H12.345(c)", source));
        // Two clauses numbered alike: the first.
        assert_eq!(
            fast.clause("H8.16").map(|c| c.span),
            plain.clause("H8.16").map(|c| c.span)
        );
    }
}
