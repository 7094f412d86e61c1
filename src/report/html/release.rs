//! The "by release" section: what each release note says beside what the Document Log
//! bumped, disagreements marked, and, for the release shown in full, its redlines.

use super::Finding;
use super::redline::{self, RedlineView};
use crate::diagnostic::Diagnostic;
use crate::history::{Change, History};
use crate::model::Corpus;
use crate::names::Version;

pub(crate) struct ReleaseView {
    pub id: String,
    pub release: String,
    pub date: Option<String>,
    pub note: Option<NoteFacts>,
    pub bumps: Vec<BumpRow>,
    pub redlines: Vec<RedlineView>,
    pub findings: usize,
}

pub(crate) struct NoteFacts {
    pub path: String,
    pub version: Option<String>,
    pub version_differs: bool,
    pub date: Option<String>,
    pub date_differs: bool,
    pub proposals: Vec<(String, String)>,
    /// Each document the note lists as affected, and whether the log bumps it.
    pub affected: Vec<(String, bool)>,
}

pub(crate) struct BumpRow {
    pub document: String,
    pub title: String,
    pub previous: Option<String>,
    pub version: String,
    /// Whether the note's affected list names it (`None`: no note, or no list).
    pub in_note: Option<bool>,
    /// The redline view's id, when the page shows it.
    pub redline: Option<String>,
}

/// Every release of the log, newest first; `shown` carries the redline views.
pub(crate) fn views(
    corpus: &Corpus,
    history: &History<'_>,
    shown: Option<&Version>,
    diagnostics: &[Diagnostic],
    findings: &mut [Finding],
) -> Vec<ReleaseView> {
    let dates = history.effective_dates();
    let found = redline::Found {
        diagnostics,
        by_file: super::by_file(diagnostics),
    };
    let mut out = Vec::new();
    let mut searches = redline::DELETED_SEARCHED;
    for &release in history.releases().iter().rev() {
        let name = release.to_string();
        let date = dates.get(release).map(|(d, _)| d.to_string());
        let note = corpus
            .release_notes
            .iter()
            .find(|n| n.release.as_ref() == Some(release));
        let changes = history.bumped(release);
        let rows: Vec<_> = changes
            .iter()
            .filter_map(|c| match *c {
                Change::New(row) => Some((row, None)),
                Change::Bumped { row, prev } => Some((row, Some(prev))),
                _ => None,
            })
            .collect();
        let facts = note.map(|n| {
            let text = corpus.source(n.file);
            let version = n.note.version.as_ref().map(|(v, _)| v.to_string());
            let noted_date = n
                .note
                .effective_date
                .as_ref()
                .and_then(|m| m.date)
                .map(|d| d.to_string());
            NoteFacts {
                path: corpus.file(n.file).path.clone(),
                version_differs: version.as_deref().is_some_and(|v| v != name),
                version,
                date_differs: matches!((&noted_date, &date), (Some(a), Some(b)) if a != b),
                date: noted_date,
                proposals: n
                    .note
                    .proposals
                    .iter()
                    .map(|p| (p.id.clone(), p.title.clone().unwrap_or_default()))
                    .collect(),
                affected: n
                    .note
                    .affected
                    .iter()
                    .map(|a| {
                        let bumped = a
                            .document
                            .as_ref()
                            .is_some_and(|d| rows.iter().any(|(r, _)| &r.document == d));
                        // A web page's spans lie in its markup: name the entry as read.
                        let name = match (&a.document, &a.title) {
                            (Some(d), Some(t)) => format!("{d} ‘{t}’"),
                            (Some(d), None) => d.to_string(),
                            _ => text.text.get(a.line_span.clone()).unwrap_or("").to_string(),
                        };
                        (name, bumped)
                    })
                    .collect(),
            }
        });
        let mut redlines = Vec::new();
        let bumps = rows
            .iter()
            .map(|(row, prev)| {
                let in_note = note.filter(|n| !n.note.affected.is_empty()).map(|n| {
                    n.note
                        .affected
                        .iter()
                        .any(|a| a.document.as_ref() == Some(&row.document))
                });
                let mut id = None;
                if shown == Some(release)
                    && let Some(r) = corpus
                        .redlines
                        .iter()
                        .find(|r| r.document == row.document && r.version == row.version)
                {
                    let view = redline::view(
                        corpus,
                        r,
                        prev.map(|p| &p.version),
                        &name,
                        &found,
                        findings,
                        &mut searches,
                    );
                    id = Some(view.id.clone());
                    redlines.push(view);
                }
                BumpRow {
                    document: row.document.to_string(),
                    title: row.title.clone(),
                    previous: prev.map(|p| p.version.to_string()),
                    version: row.version.to_string(),
                    in_note,
                    redline: id,
                }
            })
            .collect();
        out.push(ReleaseView {
            id: format!("release-{name}"),
            findings: findings
                .iter()
                .filter(|f| f.releases.contains(&name))
                .count(),
            release: name,
            date,
            note: facts,
            bumps,
            redlines,
        });
    }
    out
}
