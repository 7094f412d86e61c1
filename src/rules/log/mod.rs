//! The Document Log against itself and against the document files.

use crate::diagnostic::Diagnostic;
use crate::model::DocumentLog;
use crate::names::Version;

pub mod log001;
pub mod log002;
pub mod log003;
pub mod log004;
pub mod log005;
pub mod log006;
pub mod log007;
pub mod log008;

/// Each release's effective date: the date most of its rows give (the first such row
/// on a tie), with that row. One stray date must not move the whole release.
/// Adds a note at the log's latest row for `document` (what the log says instead of a
/// version it does not name), when the log has one.
pub(crate) fn note_latest_row(
    d: Diagnostic,
    log: &DocumentLog,
    document: &crate::names::DocumentId,
) -> Diagnostic {
    match log
        .rows
        .iter()
        .filter(|row| &row.document == document)
        .max_by(|a, b| a.release.cmp(&b.release))
    {
        Some(row) => d.related(
            log.file,
            row.version_span,
            format!(
                "the log's latest {document} is version {} at release {}",
                row.version, row.release
            ),
        ),
        None => d,
    }
}

/// "release 57.0 and 2 others" style list of releases.
pub(crate) fn list_releases<'a>(releases: impl IntoIterator<Item = &'a Version>) -> String {
    let v: Vec<String> = releases.into_iter().map(|r| r.to_string()).collect();
    match v.len() {
        0 => String::new(),
        1 => format!("release {}", v[0]),
        _ => format!(
            "releases {} and {}",
            v[..v.len() - 1].join(", "),
            v[v.len() - 1]
        ),
    }
}
