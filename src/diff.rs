//! `seccheck diff --from 54.0 --to 57.0`: the findings a stretch of releases introduced,
//! resolved and kept.
//!
//! The corpus is checked twice, as it stood at each of the two releases: the files of
//! later releases left out (their notes, the document versions the log first puts in
//! effect after it, and those versions' redlines) and the Document Log cut to its rows up
//! to that release. Findings are matched by the baseline's fingerprint (code, document
//! without its version, the quoted text), which survives a version bumped to a new file
//! with the same text (see [`pair`] for what counts as introduced, resolved and kept).
//!
//! Assumptions (docs/ci.md): a document version or redline the log never names belongs
//! to no release and is in both views; a file of no kind (an "other" text, the config) is
//! in both; the log's malformed rows are kept in both, so LOG008 about them is "kept".

use crate::check::{self, Outcome, Selection};
use crate::diagnostic::Diagnostic;
use crate::discover::{Content, Found};
use crate::history::History;
use crate::model::Corpus;
use crate::names::Version;
use crate::store::Held;
use std::collections::HashSet;
use std::path::Path;

/// The two checks and how their findings pair up.
pub struct Diff {
    pub from: Version,
    pub to: Version,
    /// The corpus as it stood at `from`, checked.
    pub at_from: Outcome,
    /// The corpus as it stood at `to`, checked.
    pub at_to: Outcome,
    /// Indexes into `at_to.diagnostics`: findings `from` did not have.
    pub introduced: Vec<usize>,
    /// Indexes into `at_from.diagnostics`: findings `to` no longer has.
    pub resolved: Vec<usize>,
    /// Findings both have.
    pub kept: usize,
}

/// Checks the corpus at `root` as it stood at `from` and at `to`. `Err` says why it
/// cannot (no Document Log, a release the log does not list, `from` not before `to`).
pub fn diff(
    root: &Path,
    from: &Version,
    to: &Version,
    selection: &Selection,
    follow_outside: bool,
) -> Result<Diff, String> {
    let found = || {
        crate::discover::discover_with(root, follow_outside)
            .map_err(|e| format!("cannot read the corpus at {}: {e}", root.display()))
    };
    let whole = crate::load::load(found()?);
    let log = whole
        .log
        .as_ref()
        .ok_or("a diff between releases needs the Document Log, and this corpus has none")?;
    let history = History::new(log);
    history.require(from)?;
    history.require(to)?;
    if from >= to {
        return Err(format!("--from {from} must be a release before --to {to}"));
    }
    // The same settings as `check` on this corpus.
    let at_from = check::check_found_in(root, as_at(&whole, &history, from, found()?), selection);
    let at_to = check::check_found_in(root, as_at(&whole, &history, to, found()?), selection);
    let (introduced, resolved, kept) = pair(&at_from, from, &at_to, to);
    Ok(Diff {
        from: from.clone(),
        to: to.clone(),
        at_from,
        at_to,
        introduced,
        resolved,
        kept,
    })
}

/// The newest release of the log (for `--since`).
pub fn newest(root: &Path) -> Option<Version> {
    let whole = crate::load::load(crate::discover::discover(root).ok()?);
    let log = whole.log.as_ref()?;
    History::new(log).releases().last().map(|v| (*v).clone())
}

/// `found` without the files of releases after `release`, and with the log cut to its
/// rows up to it.
fn as_at(
    whole: &Corpus,
    history: &History<'_>,
    release: &Version,
    found: Vec<Found>,
) -> Vec<Found> {
    let later = |document, version| {
        history
            .first_in_effect(document, version)
            .is_some_and(|first| first > release)
    };
    let mut dropped: HashSet<&str> = HashSet::new();
    for d in &whole.documents {
        if let Some(v) = &d.version
            && later(&d.document, v)
        {
            dropped.insert(&whole.file(d.file).path);
        }
    }
    for r in &whole.redlines {
        if later(&r.document, &r.version) {
            dropped.insert(&whole.file(r.file).path);
        }
    }
    for n in &whole.release_notes {
        if n.release.as_ref().is_some_and(|r| r > release) {
            dropped.insert(&whole.file(n.file).path);
        }
    }
    let log = whole.log.as_ref().expect("diff checked the log is there");
    let log_path = &whole.file(log.file).path;
    let held = Held::new(&whole.files);
    let text = held.get(log.file).text.clone();
    let mut cut = String::with_capacity(text.len());
    let mut at = 0;
    for row in log.rows.iter().filter(|r| &r.release > release) {
        let start = row.span.start as usize;
        // The row with its line end.
        let end = text[row.span.end as usize..]
            .find('\n')
            .map_or(text.len(), |i| row.span.end as usize + i + 1);
        cut.push_str(&text[at..start]);
        at = end;
    }
    cut.push_str(&text[at..]);
    found
        .into_iter()
        .filter(|f| !dropped.contains(f.path.as_str()))
        .map(|f| {
            if &f.path == log_path {
                Found {
                    path: f.path,
                    content: Content::Memory(cut.clone().into_bytes()),
                }
            } else {
                f
            }
        })
        .collect()
}

/// Whether each finding of `o` lies in text current at `release`: a document version is
/// current unless the log puts another version in effect at that release and the corpus
/// has that version's text; every other file is current — a redline or a release note
/// records its release's change for good. Superseded versions stay in the record, and so
/// do their findings.
fn current(o: &Outcome, release: &Version) -> Vec<bool> {
    use crate::source::FileId;
    let corpus = &o.corpus;
    let mut superseded: HashSet<FileId> = HashSet::new();
    if let Some(log) = &corpus.log {
        let texts: HashSet<(&crate::names::DocumentId, &Version)> = corpus
            .documents
            .iter()
            .filter_map(|d| Some((&d.document, d.version.as_ref()?)))
            .collect();
        // Superseded: the log puts another version in effect at the release, and the
        // corpus has its text (without it, nobody can say the finding is gone).
        let superseded_by = |document, version: &Version| {
            log.row(release, document)
                .is_some_and(|r| &r.version != version && texts.contains(&(document, &r.version)))
                && crate::history::first_in_effect(log, document, version).is_some()
        };
        for d in &corpus.documents {
            if let Some(v) = &d.version
                && superseded_by(&d.document, v)
            {
                superseded.insert(d.file);
            }
        }
    }
    o.diagnostics
        .iter()
        .map(|d| {
            d.primary
                .as_ref()
                .is_none_or(|l| !superseded.contains(&l.file))
        })
        .collect()
}

/// Pairs the findings of the two views by fingerprint:
/// - introduced: findings at `to` whose fingerprint no finding at `from` has;
/// - resolved: findings at `from` in text current at `from` whose fingerprint no finding
///   at `to` has in text current at `to` (a citation mended in the new version, though the
///   old version keeps it in the record);
/// - kept: the other findings at `to`.
fn pair(
    from: &Outcome,
    from_release: &Version,
    to: &Outcome,
    to_release: &Version,
) -> (Vec<usize>, Vec<usize>, usize) {
    let prints = |o: &Outcome| -> Vec<String> {
        let held = Held::new(&o.corpus.files);
        o.diagnostics
            .iter()
            .map(|d: &Diagnostic| crate::baseline::fingerprint(&o.corpus, &held, d))
            .collect()
    };
    let (before, after) = (prints(from), prints(to));
    let (live_before, live_after) = (current(from, from_release), current(to, to_release));
    let had: HashSet<&str> = before.iter().map(String::as_str).collect();
    let has_live: HashSet<&str> = after
        .iter()
        .zip(&live_after)
        .filter(|(_, live)| **live)
        .map(|(p, _)| p.as_str())
        .collect();
    let introduced: Vec<usize> = (0..after.len())
        .filter(|&i| !had.contains(after[i].as_str()))
        .collect();
    let resolved: Vec<usize> = (0..before.len())
        .filter(|&i| live_before[i] && !has_live.contains(before[i].as_str()))
        .collect();
    let kept = after.len() - introduced.len();
    (introduced, resolved, kept)
}
