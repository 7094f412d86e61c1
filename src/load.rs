//! Reads and parses every found file in parallel and assembles the [`Corpus`].
//!
//! Each file is read once. What a file is comes from its path in a contract corpus and
//! from its content in a loose folder. A panic in one file's parser becomes a
//! [`ReadProblemKind::ParserPanic`] for that file; every other file is still parsed.

use crate::digest;
use crate::discover::{Content, Found};
use crate::model::{
    ConfigFile, Corpus, DocumentLog, DocumentVersion, ExtendProblem, FileDates, Layout, OtherFile,
    ReadProblem, ReadProblemKind, RedlineFile, ReleaseNoteFile, VersionTableFile, WordCaveat,
};
use crate::names::{DocumentId, Version};
use crate::parse::dates::{DateMention, find_dates};
use crate::parse::redline::Side;
use crate::parse::references::{Reference, extract};
use crate::parse::release_note::ProposalMention;
use crate::parse::release_note::{ReleaseNote, parse_release_note};
use crate::parse::suppressions::Suppression;
use crate::parse::version_table::{VersionTable, parse_version_table};
use crate::parse::{self, classify::Kind, log::ParsedLog, redline::Redline};
use crate::source::{FileId, SourceFile, decode};
use crate::store::CorpusFile;
use crate::word::{self, View};
use rayon::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

mod page;

/// What the path says a file is, in a contract corpus.
#[derive(Debug, Clone)]
enum Role {
    Log,
    Config,
    ReleaseNote(Version),
    Document(DocumentId, Version),
    Redline(DocumentId, Version),
    /// Loose folder: decided by content.
    Unknown,
    /// Under a corpus folder but misnamed.
    Misplaced(String),
    /// Says what an earlier file (this path) already says.
    Duplicate(String),
}

/// Whether these paths follow the corpus contract.
pub fn layout_of(found: &[Found]) -> Layout {
    let contract = found.iter().any(|f| {
        f.path == "document-log.csv"
            || ["documents/", "releases/", "redlines/"]
                .iter()
                .any(|d| f.path.starts_with(d))
    });
    if contract {
        Layout::Contract
    } else {
        Layout::Loose
    }
}

/// The role of a path in a contract corpus; `None` for files the contract ignores.
fn role_of(path: &str) -> Option<Role> {
    if path == "document-log.csv" {
        return Some(Role::Log);
    }
    if path == "seccheck.toml" {
        return Some(Role::Config);
    }
    let parts: Vec<&str> = path.split('/').collect();
    // Capitals in a key or an extension (`Appendix-AC`, `9.0.MD`) name the same file on
    // the file systems that ignore case, so they are read as such.
    let stem_version = |file: &str, exts: &[&str]| -> Option<Version> {
        let (stem, ext) = file.rsplit_once('.')?;
        exts.contains(&ext.to_ascii_lowercase().as_str())
            .then_some(())?;
        Version::parse(stem)
    };
    match parts.as_slice() {
        // A note saved from the website as a page (`57.0.html`) is read like its text.
        ["releases", file] => Some(match stem_version(file, &["md", "txt", "html", "htm"]) {
            Some(v) => Role::ReleaseNote(v),
            None => Role::Misplaced(
                "a release note is named after its SEC release, e.g. `releases/57.0.md`".into(),
            ),
        }),
        ["documents", key, file] | ["redlines", key, file] => {
            let is_doc = parts[0] == "documents";
            match (
                DocumentId::from_key(&key.to_ascii_lowercase()),
                stem_version(file, &["md", "txt", "docx"]),
            ) {
                (Some(d), Some(v)) if is_doc => Some(Role::Document(d, v)),
                (Some(d), Some(v)) => Some(Role::Redline(d, v)),
                _ => Some(Role::Misplaced(format!(
                    "a {} is `{}/<document>/<version>.md` (or `.txt`, `.docx`), with a key such as `section-h` and a version such as `3.1`",
                    if is_doc {
                        "document version"
                    } else {
                        "redline"
                    },
                    parts[0],
                ))),
            }
        }
        [top, ..] if ["releases", "documents", "redlines"].contains(top) => Some(Role::Misplaced(
            "see docs/corpus-format.md for where each kind of file goes".into(),
        )),
        _ => None,
    }
}

/// One file after parsing, before assembly.
enum Parsed {
    Log(ParsedLog),
    /// A settings file, and why its `extend` was not followed (set by [`follow_extends`]).
    Config(parse::config::ConfigFile, Option<ExtendProblem>),
    Document {
        document: DocumentId,
        version: Option<Version>,
        parsed: Box<parse::ParsedDocument>,
    },
    Redline(DocumentId, Version, Redline),
    ReleaseNote(Option<Version>, Box<ReleaseNote>, Vec<Reference>),
    VersionTable(VersionTable),
    /// None of the kinds: the titled proposals it names.
    Other(Vec<ProposalMention>),
    Nothing,
}

struct FileResult {
    file: CorpusFile,
    problems: Vec<ReadProblemKind>,
    parsed: Parsed,
    dates: Vec<DateMention>,
    suppressions: Vec<Suppression>,
    digests: Digests,
}

/// The digests taken of a file's text at load ([`crate::digest`]).
enum Digests {
    None,
    Document(digest::Digest),
    /// Every change rejected, every change accepted.
    Redline(digest::Digest, digest::Digest),
}

/// Reads and parses `found` (sorted by path) into the corpus model, in parallel.
pub fn load(found: Vec<Found>) -> Corpus {
    load_with_config(found, None)
}

/// [`load`], with the configuration read from `config` (`--config`; its path as the
/// user gave it) instead of the corpus's own `seccheck.toml`, which is then not read.
pub fn load_with_config(found: Vec<Found>, config: Option<Found>) -> Corpus {
    let layout = layout_of(&found);
    let given = config.is_some();
    let mut roles: Vec<(Found, Role)> = config
        .map(|c| (c, Role::Config))
        .into_iter()
        .chain(found.into_iter().filter_map(|f| {
            let role = match layout {
                _ if given && f.path == "seccheck.toml" => return None,
                Layout::Contract => role_of(&f.path)?,
                Layout::Loose if f.path == "seccheck.toml" => Role::Config,
                Layout::Loose => Role::Unknown,
            };
            Some((f, role))
        }))
        .collect();
    mark_duplicates(&mut roles);
    // The settings file's place on disk, for the files it `extend`s.
    let settings = roles
        .iter()
        .find(|(_, role)| matches!(role, Role::Config))
        .map(|(f, _)| match &f.content {
            Content::Disk(p) => (f.path.clone(), Some(p.clone())),
            _ => (f.path.clone(), None),
        });
    let mut results: Vec<FileResult> = roles
        .into_par_iter()
        .map(|(f, role)| read_and_parse(f, role))
        .collect();
    if let Some((shown, disk)) = settings {
        follow_extends(&mut results, shown, disk);
    }
    assemble(layout, results)
}

/// Reads the chain of settings files that `extend` names, starting from the settings file
/// shown as `shown` (read from `disk`), and appends each to `results` in chain order, so
/// the corpus lists them nearest first. A path is relative to the folder of the file
/// that names it. The chain stops at a file that cannot be read or that was already read
/// (a loop), and the file naming it records why.
fn follow_extends(results: &mut Vec<FileResult>, mut shown: String, mut disk: Option<PathBuf>) {
    let Some(mut at) = results
        .iter()
        .position(|r| r.file.path == shown && matches!(r.parsed, Parsed::Config(..)))
    else {
        return;
    };
    let mut seen: Vec<PathBuf> = disk
        .iter()
        .filter_map(|d| std::fs::canonicalize(d).ok())
        .collect();
    loop {
        let Parsed::Config(parsed, _) = &results[at].parsed else {
            return;
        };
        let Some((target, _)) = parsed.extend.clone() else {
            return;
        };
        let next_shown = lexical_join(&shown, &target);
        let problem = match &disk {
            None => Some(ExtendProblem::NotOnDisk),
            Some(d) => {
                let next = d.parent().unwrap_or(Path::new("")).join(&target);
                match std::fs::canonicalize(&next) {
                    Err(e) => Some(ExtendProblem::Unreadable {
                        path: next_shown.clone(),
                        why: crate::discover::plain_io(&e),
                    }),
                    Ok(c) if seen.contains(&c) => Some(ExtendProblem::Loop {
                        path: next_shown.clone(),
                    }),
                    Ok(c) if !c.is_file() => Some(ExtendProblem::Unreadable {
                        path: next_shown.clone(),
                        why: "it is not a file".to_string(),
                    }),
                    Ok(c) => {
                        seen.push(c);
                        results.push(read_and_parse(
                            Found {
                                path: next_shown.clone(),
                                content: Content::Disk(next.clone()),
                            },
                            Role::Config,
                        ));
                        at = results.len() - 1;
                        disk = Some(next);
                        shown = next_shown;
                        None
                    }
                }
            }
        };
        if let Some(p) = problem {
            if let Parsed::Config(_, slot) = &mut results[at].parsed {
                *slot = Some(p);
            }
            return;
        }
    }
}

/// `target` (a path as `extend` gives it) seen from the file shown as `from`: joined to
/// `from`'s folder, `a/../` pairs folded, `/`-separated. An absolute `target` is kept.
fn lexical_join(from: &str, target: &str) -> String {
    let target = target.replace('\\', "/");
    if Path::new(&target).is_absolute() {
        return target;
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for p in target.split('/') {
        match p {
            "" | "." => {}
            ".." if parts.last().is_some_and(|l| *l != "..") => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// A second file for the same document version, redline or release note (`9.1.md` and
/// `9.1.txt`, or `9.1.0.md`) is not read: the first, in path order, is the one checked.
fn mark_duplicates(roles: &mut [(Found, Role)]) {
    let mut first: std::collections::HashMap<(u8, String, Version), String> =
        std::collections::HashMap::new();
    for (f, role) in roles.iter_mut() {
        let key = match role {
            Role::ReleaseNote(v) => (0, String::new(), v.clone()),
            Role::Document(d, v) => (1, d.key(), v.clone()),
            Role::Redline(d, v) => (2, d.key(), v.clone()),
            _ => continue,
        };
        match first.entry(key) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(f.path.clone());
            }
            std::collections::hash_map::Entry::Occupied(e) => {
                *role = Role::Duplicate(e.get().clone());
            }
        }
    }
}

fn read_and_parse(found: Found, role: Role) -> FileResult {
    let mut problems = Vec::new();
    let mut disk = None;
    let bytes = match found.content {
        Content::Memory(b) => Some(b),
        Content::Disk(p) => match std::fs::read(&p) {
            Ok(b) => {
                let modified = std::fs::metadata(&p).ok().and_then(|m| m.modified().ok());
                disk = Some((p, modified));
                Some(b)
            }
            Err(e) => {
                problems.push(ReadProblemKind::Unreadable(e.to_string()));
                None
            }
        },
        Content::Unreachable(why) => {
            problems.push(ReadProblemKind::Unreadable(why));
            None
        }
    };
    // An unreachable path (a symlink loop) is reported as such, not also as misplaced.
    let not_read = match (&role, &bytes) {
        (Role::Misplaced(hint), Some(_)) => Some(ReadProblemKind::NotInLayout(hint.clone())),
        (Role::Duplicate(first), Some(_)) => Some(ReadProblemKind::Duplicate(first.clone())),
        _ => None,
    };
    if let Some(problem) = not_read {
        problems.push(problem);
        return FileResult {
            file: CorpusFile::kept(SourceFile::new(found.path, String::new())),
            problems,
            parsed: Parsed::Nothing,
            dates: Vec::new(),
            suppressions: Vec::new(),
            digests: Digests::None,
        };
    }
    let word_view = word::is_word_path(&found.path).then(|| view_of(&role));
    let mut suppressions = Vec::new();
    let mut bom = 0;
    let source = match (bytes, word_view) {
        // A panic in the Word reader is this file's problem, as a parser's is.
        (Some(b), Some(view)) => match guarded(|| word::read(&b, view)) {
            Err(msg) => {
                problems.push(ReadProblemKind::ParserPanic(msg));
                SourceFile::new(found.path, String::new())
            }
            Ok(Ok(read)) => {
                if read.macros {
                    problems.push(ReadProblemKind::WordCaveat(WordCaveat::Macros));
                }
                if view == View::Accept && read.revisions > 0 && matches!(role, Role::Document(..))
                {
                    problems.push(ReadProblemKind::WordCaveat(WordCaveat::TrackedChanges(
                        read.revisions,
                    )));
                }
                // A comment's suppression points at the start of its paragraph.
                for c in &read.comments {
                    if let Some(mut s) = parse::suppressions::in_comment(&c.text, c.paragraph) {
                        let at = read
                            .paragraphs
                            .starts
                            .iter()
                            .find(|&&(_, n)| n == c.paragraph)
                            .map_or(0, |&(start, _)| start as usize);
                        s.span = at..at;
                        suppressions.push(s);
                    }
                }
                SourceFile::with_paragraphs(found.path, read.text, read.paragraphs.into())
            }
            Ok(Err(problem)) => {
                problems.push(ReadProblemKind::Word(problem));
                SourceFile::new(found.path, String::new())
            }
        },
        (bytes, _) => {
            // Only a UTF-8 mark keeps the text's offsets a fixed distance from the file's.
            if bytes.as_ref().is_some_and(|b| {
                b.starts_with(&[0xEF, 0xBB, 0xBF]) && std::str::from_utf8(b).is_ok()
            }) {
                bom = 3;
            }
            let text = bytes.and_then(|b| {
                let (text, decode_problems) = decode(b);
                problems.extend(decode_problems.into_iter().map(ReadProblemKind::Decode));
                text
            });
            let source = SourceFile::new(found.path, text.unwrap_or_default());
            let csv = source.path.to_ascii_lowercase().ends_with(".csv");
            suppressions = parse::suppressions::in_text(&source.text, csv);
            source
        }
    };
    // Parsing empty text is harmless and keeps the file's role (a logged version whose
    // file is binary is still "there" for the log rules).
    let parsed = match guarded(|| {
        // A web page is read as the text it shows; what is read from it is then placed
        // back in its source, which stays the file's text (findings quote it).
        let page = parse::html::is_html_path(&source.path)
            .then(|| parse::html::html_to_text(&source.text));
        let text = page
            .as_ref()
            .map_or(source.text.as_str(), |p| p.text.as_str());
        // Text rendered from a Word file is Markdown (headings, bold, tables).
        let markdown = page.is_some()
            || word_view.is_some()
            || source.path.to_ascii_lowercase().ends_with(".md");
        let mut parsed = parse_file(text, markdown, role);
        let mut dates = match parsed {
            Parsed::Log(_) | Parsed::Config(..) | Parsed::Redline(..) | Parsed::Nothing => {
                Vec::new()
            }
            _ => find_dates(text),
        };
        if let Some(page) = &page {
            for d in &mut dates {
                page::date(&page.map, d);
            }
            match &mut parsed {
                Parsed::ReleaseNote(_, note, references) => {
                    page::note(&page.map, note);
                    page::references(&page.map, references);
                }
                // A document or table read from a page would be read again from its
                // source (citations, clause text): not read as one.
                Parsed::Document { .. } | Parsed::VersionTable(_) => {
                    parsed = Parsed::Other(Vec::new())
                }
                // Proposals in a page of no kind are not placed in its source: not kept.
                Parsed::Other(proposals) => proposals.clear(),
                _ => {}
            }
        }
        (parsed, dates)
    }) {
        Ok(p) => p,
        Err(msg) => {
            problems.push(ReadProblemKind::ParserPanic(msg));
            (Parsed::Nothing, Vec::new())
        }
    };
    // Digests of what rules compare, while the text is here: RED001, RED002 and RED005
    // then read a version again only to explain a difference.
    let digests = match &parsed.0 {
        Parsed::Document { .. } => Digests::Document(digest::of_text(&source.text)),
        Parsed::Redline(_, _, redline) => {
            let side = |side| {
                digest::digest(&digest::compared_pieces(
                    redline
                        .chunks(side)
                        .map(|c| (c.start as usize, &source.text[c.range()])),
                ))
            };
            Digests::Redline(side(Side::Before), side(Side::After))
        }
        _ => Digests::None,
    };
    // The bulk of a corpus, documents and redlines, is read again when needed rather than
    // held (see `store`).
    let bulky = matches!(parsed.0, Parsed::Document { .. } | Parsed::Redline(..));
    let file = match disk {
        // Reading a Word file again would cost its XML again: its text is held packed.
        _ if bulky && source.is_word() => CorpusFile::packed(source),
        Some((disk, modified)) if bulky && !source.text.is_empty() => {
            CorpusFile::on_disk(source, disk, modified)
        }
        _ => CorpusFile::kept(source),
    }
    .with_bom(bom);
    FileResult {
        file,
        problems,
        parsed: parsed.0,
        dates: parsed.1,
        suppressions,
        digests,
    }
}

/// How a Word file is read in its role: a redline with its tracked changes, anything
/// else as it reads with every change accepted.
fn view_of(role: &Role) -> View {
    match role {
        Role::Redline(..) => View::Markup,
        _ => View::Accept,
    }
}

thread_local! {
    /// How many [`guarded`] calls this thread is inside.
    static GUARDED: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Whether this thread is inside [`guarded`], whose panics become findings: the panic
/// hook stays quiet there and speaks everywhere else.
pub fn in_guarded() -> bool {
    GUARDED.with(|g| g.get() > 0)
}

/// Runs `f`, turning a panic into its message.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    GUARDED.with(|g| g.set(g.get() + 1));
    let result = catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(g.get() - 1));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into())
    })
}

/// What the rules use of a text of no known kind.
fn other(text: &str) -> Vec<ProposalMention> {
    parse::version_table::titled_proposals(text, 0..text.len())
}

/// Parses `text`, a file's text (or, for a web page, the text it shows), as `role`.
fn parse_file(text: &str, markdown: bool, role: Role) -> Parsed {
    match role {
        Role::Log => Parsed::Log(parse::log::parse(text)),
        Role::Config => Parsed::Config(parse::config::parse(text), None),
        Role::ReleaseNote(v) => release_note(text, Some(v)),
        Role::Document(document, version) => {
            let parsed = Box::new(parse::parse_document(text, markdown, Some(&document)));
            Parsed::Document {
                document,
                version: Some(version),
                parsed,
            }
        }
        Role::Redline(d, v) => Parsed::Redline(d, v, parse::redline::parse(text)),
        Role::Unknown => {
            let heading = parse::document::parse_heading(text, markdown);
            match parse::classify::classify(text, heading.is_some()) {
                Kind::ReleaseNote => release_note(text, None),
                Kind::Document => {
                    let document = heading.as_ref().map(|h| h.document.clone());
                    let parsed = Box::new(parse::parse_document(text, markdown, document.as_ref()));
                    match document {
                        Some(document) => Parsed::Document {
                            document,
                            version: None,
                            parsed,
                        },
                        None => Parsed::Other(other(text)),
                    }
                }
                Kind::VersionTable => match parse_version_table(text) {
                    Some(table) => Parsed::VersionTable(table),
                    None => Parsed::Other(other(text)),
                },
                Kind::Other => Parsed::Other(other(text)),
            }
        }
        Role::Misplaced(_) | Role::Duplicate(_) => Parsed::Nothing,
    }
}

fn release_note(text: &str, release: Option<Version>) -> Parsed {
    Parsed::ReleaseNote(release, Box::new(parse_release_note(text)), extract(text))
}

fn assemble(layout: Layout, results: Vec<FileResult>) -> Corpus {
    let mut corpus = Corpus {
        layout,
        files: Vec::with_capacity(results.len()),
        log: None,
        documents: Vec::new(),
        redlines: Vec::new(),
        release_notes: Vec::new(),
        version_tables: Vec::new(),
        dates: Vec::new(),
        others: Vec::new(),
        document_index: Default::default(),
        read_problems: Vec::new(),
        configs: Vec::new(),
        suppressions: Vec::new(),
    };
    for (i, r) in results.into_iter().enumerate() {
        let file = FileId(i as u32);
        // Text the IO rules reject (empty, binary, unreadable) says nothing.
        let no_text = r.problems.iter().any(ReadProblemKind::loses_text);
        corpus.files.push(r.file);
        corpus.read_problems.extend(
            r.problems
                .into_iter()
                .map(|kind| ReadProblem { file, kind }),
        );
        if !r.suppressions.is_empty() {
            corpus.suppressions.push((file, r.suppressions));
        }
        if !r.dates.is_empty() {
            corpus.dates.push(FileDates {
                file,
                mentions: r.dates,
            });
        }
        match r.parsed {
            // An empty or unreadable log is no log: the rules that need one are skipped
            // (and say why) rather than finding every document missing from it.
            Parsed::Log(_) if no_text => {}
            Parsed::Log(log) => corpus.log = Some(DocumentLog::new(file, log.rows, log.malformed)),
            Parsed::Config(parsed, extend_problem) => corpus.configs.push(ConfigFile {
                file,
                parsed,
                extend_problem,
            }),
            Parsed::Document {
                document,
                version,
                parsed,
            } => corpus.documents.push(DocumentVersion {
                file,
                document,
                version,
                heading: parsed.heading,
                clauses: parsed.clauses,
                table_block: parsed.table_block,
                version_table: parsed.version_table,
                definitions: parsed.definitions,
                acronyms: parsed.acronyms,
                digest: match r.digests {
                    Digests::Document(d) => Some(d),
                    _ => None,
                },
                numbers: Vec::new(), // built below, in parallel
                indexed: false,
                headed: Vec::new(),
                by_number: Vec::new(),
                long_numbers: Vec::new(),
            }),
            Parsed::Redline(document, version, redline) => corpus.redlines.push(RedlineFile {
                file,
                document,
                version,
                redline,
                sides: match r.digests {
                    Digests::Redline(before, after) => Some((before, after)),
                    _ => None,
                },
            }),
            Parsed::ReleaseNote(release, note, references) => {
                corpus.release_notes.push(ReleaseNoteFile {
                    file,
                    release,
                    note: *note,
                    references,
                })
            }
            Parsed::VersionTable(table) => {
                corpus.version_tables.push(VersionTableFile { file, table })
            }
            Parsed::Other(proposals) => corpus.others.push(OtherFile { file, proposals }),
            Parsed::Nothing => {}
        }
    }
    corpus
        .documents
        .par_iter_mut()
        .for_each(DocumentVersion::index_clauses);
    for (i, d) in corpus.documents.iter().enumerate() {
        if let Some(v) = &d.version {
            corpus
                .document_index
                .entry(d.document.clone())
                .or_default()
                .entry(v.clone())
                .or_insert(i);
        }
    }
    corpus
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_path_named_by_extend_is_shown_from_the_corpus_folder() {
        assert_eq!(lexical_join("seccheck.toml", "../x.toml"), "../x.toml");
        assert_eq!(
            lexical_join("../seccheck.toml", "shared/base.toml"),
            "../shared/base.toml"
        );
        assert_eq!(
            lexical_join("../shared/base.toml", "../seccheck.toml"),
            "../seccheck.toml"
        );
        assert_eq!(lexical_join("ci/a.toml", "./b.toml"), "ci/b.toml");
        assert_eq!(lexical_join("a.toml", "/etc/b.toml"), "/etc/b.toml");
    }

    use super::*;

    #[test]
    fn a_panic_becomes_its_message() {
        assert_eq!(guarded(|| 1), Ok(1));
        let r: Result<(), String> = guarded(|| panic!("bad {}", "row"));
        assert_eq!(r, Err("bad row".into()));
    }

    #[test]
    fn roles_from_paths() {
        assert!(matches!(role_of("document-log.csv"), Some(Role::Log)));
        assert!(matches!(
            role_of("documents/section-h/12.0.md"),
            Some(Role::Document(..))
        ));
        assert!(matches!(
            role_of("documents/section-h/draft.md"),
            Some(Role::Misplaced(_))
        ));
        assert!(matches!(
            role_of("redlines/section-h/12.0.txt"),
            Some(Role::Redline(..))
        ));
        assert!(matches!(
            role_of("redlines/section-h/12.0.docx"),
            Some(Role::Redline(..))
        ));
        assert!(matches!(
            role_of("documents/section-h/12.0.DOCX"),
            Some(Role::Document(..))
        ));
        assert!(matches!(
            role_of("documents/section-h/12.0.doc"),
            Some(Role::Misplaced(_))
        ));
        assert!(matches!(
            role_of("documents/Appendix-AC/1.0.MD"),
            Some(Role::Document(d, _)) if d.key() == "appendix-ac"
        ));
        assert!(matches!(
            role_of("releases/57.0.txt"),
            Some(Role::ReleaseNote(_))
        ));
        assert!(matches!(
            role_of("releases/57.0.html"),
            Some(Role::ReleaseNote(_))
        ));
        assert!(matches!(
            role_of("releases/57.0.HTM"),
            Some(Role::ReleaseNote(_))
        ));
        assert!(matches!(
            role_of("documents/section-h/12.0.html"),
            Some(Role::Misplaced(_))
        ));
        assert!(role_of("README.md").is_none());
        assert!(role_of("notes/x.md").is_none());
    }
}
