//! Resolution: which text a citation is checked against. With a Document Log, the version
//! of the cited document in effect at a release ([`target_at`]); without one, the one copy
//! of it that the folder holds ([`Folder`]). Shared by the REF and DEF rules; the release
//! history itself is [`crate::history`]'s.

use crate::model::{Corpus, DocumentLog, DocumentVersion, LogRow};
use crate::names::{DocumentId, Version};
use std::collections::HashMap;

/// A cited document's row and text at one release, as [`target_at`] gives it.
pub(crate) type TargetAt<'a> = Option<(&'a LogRow, Option<&'a DocumentVersion>)>;

/// The version of `target` that the log puts in effect at `release`, and its text if the
/// corpus has one to look clauses up in (see [`clauses_known`]). A release listing the
/// document twice (LOG004) counts its first row.
pub(crate) fn target_at<'a>(
    corpus: &'a Corpus,
    log: &'a DocumentLog,
    release: &Version,
    target: &DocumentId,
) -> Option<(&'a LogRow, Option<&'a DocumentVersion>)> {
    let row = log.row(release, target)?;
    let doc = corpus
        .document(target, &row.version)
        .filter(|d| clauses_known(corpus, d));
    Some((row, doc))
}

/// Whether a missing clause in `doc` means something: its file was read (an empty,
/// binary or unreadable file is reported by the IO rules, not as every clause missing),
/// and it has numbered clauses at all (a text whose numbering was not recognised proves
/// nothing about one clause).
pub(crate) fn clauses_known(corpus: &Corpus, doc: &DocumentVersion) -> bool {
    !doc.clauses.is_empty() && !corpus.unreadable(doc.file)
}

/// The help's note for a finding resolved without a log.
pub(crate) const FOLDER_NOTE: &str =
    "resolved against the files in this folder; there is no Document Log";

/// The folder's copies of each document, for resolving without a log: built once per
/// rule run, so that each citation is a lookup rather than a scan of every document.
#[derive(Default)]
pub(crate) struct Folder<'a> {
    /// Each document's only copy; `None` when the folder holds several.
    only: HashMap<&'a DocumentId, Option<&'a DocumentVersion>>,
}

impl<'a> Folder<'a> {
    pub(crate) fn new(corpus: &'a Corpus) -> Folder<'a> {
        let mut only: HashMap<&DocumentId, Option<&DocumentVersion>> = HashMap::new();
        // An unreadable file is no copy: the IO rules report it.
        for d in corpus
            .documents
            .iter()
            .filter(|d| !corpus.unreadable(d.file))
        {
            only.entry(&d.document)
                .and_modify(|o| *o = None)
                .or_insert(Some(d));
        }
        Folder { only }
    }

    /// The one copy of `target` the folder holds: `citing` itself when it cites its own
    /// document, else the only file of that document (none when there are several
    /// versions, which the folder cannot order without a log).
    pub(crate) fn copy(
        &self,
        citing: Option<&'a DocumentVersion>,
        target: &DocumentId,
    ) -> Option<&'a DocumentVersion> {
        if let Some(c) = citing.filter(|c| &c.document == target) {
            return Some(c);
        }
        self.only.get(target).copied().flatten()
    }
}

/// A document version named for a message: "Section H version 9.0", or "Section H" in a
/// loose folder.
pub(crate) fn named(doc: &DocumentVersion) -> String {
    match &doc.version {
        Some(v) => format!("{} version {v}", doc.document),
        None => doc.document.to_string(),
    }
}
