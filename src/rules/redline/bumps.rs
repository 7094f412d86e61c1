//! The log read for redlines: the first release that bumps each document to each
//! version (and the row before it), and whether a malformed row seems to name a version
//! the log is otherwise silent about.
//!
//! Separate because it is the only part of the redline rules that reads the Document
//! Log; everything else compares texts.

use crate::model::{Corpus, DocumentLog, LogRow};
use crate::names::{DocumentId, Version};
use std::collections::BTreeMap;

/// A release at which the log bumps a document: the document is new there, or its
/// version is higher than at the release before.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bump<'a> {
    /// The row that puts the new version in effect (a release's first row for the
    /// document counts, as everywhere else).
    pub row: &'a LogRow,
    /// The document's row at the release before; `None` when the document is new there
    /// (at the log's first release everything is new).
    pub previous: Option<&'a LogRow>,
}

/// The first bump to each (document, version), in log order of releases.
pub(crate) fn bumps(log: &DocumentLog) -> BTreeMap<(&DocumentId, &Version), Bump<'_>> {
    let mut out = BTreeMap::new();
    let releases = log.releases();
    for (i, rel) in releases.iter().enumerate() {
        for row in &rel.rows {
            // Only the release's first row for the document counts (LOG004 reports the rest).
            if !log
                .row(rel.release, &row.document)
                .is_some_and(|first| std::ptr::eq(first, *row))
            {
                continue;
            }
            let previous = i
                .checked_sub(1)
                .and_then(|p| log.row(releases[p].release, &row.document));
            if previous.is_some_and(|p| p.version >= row.version) {
                continue;
            }
            out.entry((&row.document, &row.version))
                .or_insert(Bump { row, previous });
        }
    }
    out
}

/// Whether a malformed log row (LOG008, left out of the log) seems to name this document
/// version: then the log's silence about it is that row's fault, not the redline's.
pub(crate) fn named_by_malformed_row(
    corpus: &Corpus,
    log: &DocumentLog,
    document: &DocumentId,
    version: &Version,
) -> bool {
    let file = corpus.source(log.file);
    let key = document.key();
    log.malformed.iter().any(|m| {
        let line = file.line_range(file.line_index(m.span.start as usize));
        let fields: Vec<&str> = file.text[line].split(',').map(str::trim).collect();
        fields.get(2) == Some(&key.as_str())
            && fields
                .get(3)
                .and_then(|v| Version::parse(v))
                .is_some_and(|v| &v == version)
    })
}
