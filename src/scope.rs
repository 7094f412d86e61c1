//! Release-scoped runs (`--release 57.0`): the whole corpus is checked (citations and the
//! log need it), but only the findings whose place is in what that release adds or
//! changes are reported — its release note, the document versions it bumps and their
//! redlines, and its rows of the Document Log. What CI runs on each document release.
//!
//! File-scoped runs (`seccheck corpus/documents/section-h/9.1.md`): a file inside a
//! corpus is checked with its corpus (found upward, [`corpus_of`]), and only the findings
//! placed in it are reported.

use crate::check::Outcome;
use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::model::Corpus;
use crate::names::Version;
use crate::source::FileId;
use std::collections::HashSet;

/// What scoping a run to a release left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scoped {
    /// Findings placed elsewhere, not reported.
    pub left_out: usize,
}

/// Keeps the findings of `outcome` that are placed in what `release` adds or changes.
/// `Err` when the corpus has no Document Log, or the log no such release.
pub fn to_release(outcome: &mut Outcome, release: &Version) -> Result<Scoped, String> {
    let ours = placed_in(&outcome.corpus, release)?;
    let before = outcome.diagnostics.len();
    let kept: Vec<_> = std::mem::take(&mut outcome.diagnostics)
        .into_iter()
        .filter(|d| ours(d))
        .collect();
    let left_out = before - kept.len();
    outcome.diagnostics = kept;
    Ok(Scoped { left_out })
}

/// Whether a finding is placed in what `release` adds or changes: its release note, the
/// document versions it bumps and their redlines, its rows of the Document Log. Shared by
/// `--release` and the HTML report's release filter.
pub fn placed_in<'c>(
    corpus: &'c Corpus,
    release: &Version,
) -> Result<impl Fn(&Diagnostic) -> bool + 'c, String> {
    let log = corpus
        .log
        .as_ref()
        .ok_or("a release-scoped run needs the Document Log, and this corpus has none")?;
    let history = History::new(log);
    history.require(release)?;
    // The document versions the release bumps, then their files and redlines.
    let bumped: HashSet<(String, String)> = history
        .bumped(release)
        .iter()
        .filter_map(|c| match c {
            crate::history::Change::New(r) | crate::history::Change::Bumped { row: r, .. } => {
                Some((r.document.key(), r.version.to_string()))
            }
            _ => None,
        })
        .collect();
    let mut files: HashSet<FileId> = HashSet::new();
    for d in &corpus.documents {
        if let Some(v) = &d.version
            && bumped.contains(&(d.document.key(), v.to_string()))
        {
            files.insert(d.file);
        }
    }
    for r in &corpus.redlines {
        if bumped.contains(&(r.document.key(), r.version.to_string())) {
            files.insert(r.file);
        }
    }
    for n in &corpus.release_notes {
        if n.release.as_ref() == Some(release) {
            files.insert(n.file);
        }
    }
    // In the log, the release's own rows.
    let rows: Vec<(u32, u32)> = log
        .rows
        .iter()
        .filter(|r| &r.release == release)
        .map(|r| (r.span.start, r.span.end))
        .collect();
    let log_file = log.file;
    Ok(move |d: &Diagnostic| {
        d.primary.as_ref().is_some_and(|l| {
            files.contains(&l.file)
                || (l.file == log_file
                    && rows
                        .iter()
                        .any(|&(s, e)| l.span.start >= s && l.span.start <= e))
        })
    })
}

/// The corpus folder a file lies in: the nearest folder above it holding
/// `document-log.csv` or one of `documents/`, `releases/`, `redlines/` with the file under
/// it, with the file's path relative to that folder. `None` for a file in no corpus.
pub fn corpus_of(file: &std::path::Path) -> Option<(std::path::PathBuf, String)> {
    let file = std::fs::canonicalize(file).ok()?;
    let mut dir = file.parent()?;
    loop {
        let rel = file.strip_prefix(dir).ok()?;
        let first = rel.components().next()?.as_os_str().to_string_lossy();
        let layout_folder = ["documents", "releases", "redlines"].contains(&first.as_ref());
        if dir.join("document-log.csv").is_file() || (layout_folder && rel.components().count() > 1)
        {
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            return Some((dir.to_path_buf(), rel));
        }
        dir = dir.parent()?;
    }
}

/// Keeps the findings placed in the files at `paths` (relative to the corpus root);
/// returns how many were left out.
pub fn to_files(outcome: &mut Outcome, paths: &[String]) -> Scoped {
    let files: HashSet<FileId> = outcome
        .corpus
        .files
        .iter()
        .enumerate()
        .filter(|(_, f)| paths.contains(&f.path))
        .map(|(i, _)| FileId(i as u32))
        .collect();
    let before = outcome.diagnostics.len();
    outcome
        .diagnostics
        .retain(|d| d.primary.as_ref().is_some_and(|l| files.contains(&l.file)));
    Scoped {
        left_out: before - outcome.diagnostics.len(),
    }
}
