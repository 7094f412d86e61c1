//! The Document Log read as a history of releases: their order, the release before a
//! release, what each release does to each document (new, bumped, kept, lowered,
//! withdrawn), the first bump to each document version, the releases a document version
//! is in effect at, and runs of consecutive releases. The one owner of release order:
//! rules and `refs` ask here, never sort or scan the log themselves.
//!
//! Plain queries over [`DocumentLog`]; nothing here reports anything. A release that lists
//! a document twice counts its first row, everywhere (LOG004 reports the rest).

use crate::date::Date;
use crate::model::{DocumentLog, DocumentVersion, LogRow};
use crate::names::{DocumentId, Version};
use std::collections::BTreeMap;

/// The log seen release by release.
#[derive(Debug)]
pub struct History<'a> {
    pub log: &'a DocumentLog,
    /// Every release in the log, in order.
    order: Vec<&'a Version>,
    /// The rows of each release (in file order), releases in order.
    grouped: Vec<LogRelease<'a>>,
}

/// A release as the log states it, with the rows that make it up.
#[derive(Debug)]
pub struct LogRelease<'a> {
    pub release: &'a Version,
    pub rows: Vec<&'a LogRow>,
}

/// What the Document Log does to one document at one release, compared with the release
/// before it in the log.
#[derive(Debug, Clone, Copy)]
pub enum Change<'a> {
    /// In effect at the release and not at the one before (everything is new at the
    /// log's first release).
    New(&'a LogRow),
    /// At a higher version than at the release before.
    Bumped { row: &'a LogRow, prev: &'a LogRow },
    /// At the same version as at the release before.
    Kept { row: &'a LogRow, prev: &'a LogRow },
    /// At a lower version than at the release before (LOG003's business; not a bump).
    Lowered { row: &'a LogRow, prev: &'a LogRow },
    /// In effect at the release before but not at this one: withdrawn.
    Removed,
    /// In effect at neither.
    Absent,
}

impl Change<'_> {
    /// New or at a higher version: the release changed the document.
    pub fn is_bump(&self) -> bool {
        matches!(self, Change::New(_) | Change::Bumped { .. })
    }
}

/// A release at which the log bumps a document: the document is new there, or its
/// version is higher than at the release before.
#[derive(Debug, Clone, Copy)]
pub struct Bump<'a> {
    /// The row that puts the new version in effect.
    pub row: &'a LogRow,
    /// The document's row at the release before; `None` when the document is new there.
    pub previous: Option<&'a LogRow>,
}

impl<'a> History<'a> {
    pub fn new(log: &'a DocumentLog) -> History<'a> {
        let mut by_release: BTreeMap<&Version, Vec<&LogRow>> = BTreeMap::new();
        for row in &log.rows {
            by_release.entry(&row.release).or_default().push(row);
        }
        let grouped: Vec<LogRelease<'a>> = by_release
            .into_iter()
            .map(|(release, rows)| LogRelease { release, rows })
            .collect();
        History {
            log,
            order: grouped.iter().map(|r| r.release).collect(),
            grouped,
        }
    }

    /// The log grouped by release, releases in order.
    pub fn grouped(&self) -> &[LogRelease<'a>] {
        &self.grouped
    }

    /// Each release's effective date: the one most of its rows give (the first row's
    /// among equals), with the first row that gives it. LOG006 reports the others.
    pub fn effective_dates(&self) -> BTreeMap<&'a Version, (Date, &'a LogRow)> {
        let mut out = BTreeMap::new();
        for rel in &self.grouped {
            let mut counts: Vec<(Date, usize, &LogRow)> = Vec::new();
            for &row in &rel.rows {
                match counts.iter_mut().find(|(d, _, _)| *d == row.effective_date) {
                    Some(c) => c.1 += 1,
                    None => counts.push((row.effective_date, 1, row)),
                }
            }
            // max_by_key keeps the last maximum; reverse so the first row wins ties.
            let (date, _, row) = counts
                .into_iter()
                .rev()
                .max_by_key(|(_, n, _)| *n)
                .expect("a release has at least one row");
            out.insert(rel.release, (date, row));
        }
        out
    }

    /// Every release in the log, in order.
    pub fn releases(&self) -> &[&'a Version] {
        &self.order
    }

    pub fn contains(&self, release: &Version) -> bool {
        self.order.binary_search(&release).is_ok()
    }

    /// `Ok` when the log has `release`; else why not, naming the releases it has (for a
    /// command given a release the log does not list).
    pub fn require(&self, release: &Version) -> Result<(), String> {
        if self.contains(release) {
            return Ok(());
        }
        let all: Vec<String> = self.order.iter().map(|r| r.to_string()).collect();
        Err(format!(
            "the Document Log has no release {release} (it has {})",
            all.join(", ")
        ))
    }

    /// The release before `release` in the log, if any (by halving: this is asked once
    /// per citation and release on a long history).
    pub fn before(&self, release: &Version) -> Option<&'a Version> {
        let i = self.order.binary_search(&release).ok()?;
        i.checked_sub(1).map(|j| self.order[j])
    }

    /// Where `release` stands in [`History::releases`], if the log has it.
    pub fn position(&self, release: &Version) -> Option<usize> {
        self.order.binary_search(&release).ok()
    }

    /// The log's own copy of `release`, if it has that release.
    pub fn find(&self, release: &Version) -> Option<&'a Version> {
        let i = self.order.binary_search(&release).ok()?;
        Some(self.order[i])
    }

    /// What the log does to `document` at `release`.
    pub fn change(&self, release: &Version, document: &DocumentId) -> Change<'a> {
        let row = self.log.row(release, document);
        let prev = self.before(release).and_then(|p| self.log.row(p, document));
        match (row, prev) {
            (Some(row), None) => Change::New(row),
            (Some(row), Some(prev)) if row.version > prev.version => Change::Bumped { row, prev },
            (Some(row), Some(prev)) if row.version == prev.version => Change::Kept { row, prev },
            (Some(row), Some(prev)) => Change::Lowered { row, prev },
            (None, Some(_)) => Change::Removed,
            (None, None) => Change::Absent,
        }
    }

    /// The documents the log bumps at `release`, in log order.
    pub fn bumped(&self, release: &Version) -> Vec<Change<'a>> {
        let mut seen: Vec<&DocumentId> = Vec::new();
        let mut out = Vec::new();
        for row in self.log.rows.iter().filter(|r| &r.release == release) {
            if seen.contains(&&row.document) {
                continue;
            }
            seen.push(&row.document);
            let c = self.change(release, &row.document);
            if c.is_bump() {
                out.push(c);
            }
        }
        out
    }

    /// The first bump to each (document, version), releases in order.
    pub fn bumps(&self) -> BTreeMap<(&'a DocumentId, &'a Version), Bump<'a>> {
        let mut out = BTreeMap::new();
        for rel in &self.grouped {
            for row in &rel.rows {
                let bump = match self.change(&row.release, &row.document) {
                    Change::New(first) => Bump {
                        row: first,
                        previous: None,
                    },
                    Change::Bumped { row: first, prev } => Bump {
                        row: first,
                        previous: Some(prev),
                    },
                    _ => continue,
                };
                // Only the release's first row for the document counts.
                if std::ptr::eq(bump.row, *row) {
                    out.entry((&row.document, &row.version)).or_insert(bump);
                }
            }
        }
        out
    }

    /// The first release at which the log names `version` of `document`: the release
    /// that first put that version in effect. `None` for a version the log never names.
    pub fn first_in_effect(
        &self,
        document: &'a DocumentId,
        version: &'a Version,
    ) -> Option<&'a Version> {
        first_in_effect(self.log, document, version)
    }

    /// The log rows that put `doc` in effect (one per release), in release order.
    pub fn in_effect(&self, doc: &'a DocumentVersion) -> Vec<&'a LogRow> {
        in_effect(self.log, doc)
    }

    /// The releases a release note's citations are resolved at: its own and the one
    /// before (a note may describe what its release changes or deletes). Empty when the
    /// note has no release or the log does not list it.
    pub fn note_releases(&self, release: Option<&Version>) -> Vec<&'a Version> {
        let Some(own) = release.and_then(|r| self.find(r)) else {
            return vec![];
        };
        let mut out = vec![own];
        out.extend(self.before(own));
        out
    }

    /// `releases` (in release order) grouped into runs of consecutive releases of the
    /// log: `[5.16, 40.0, 57.0]` of `[5.16, 40.0, 54.0, 57.0]` gives
    /// `[(5.16, 40.0), (57.0, 57.0)]`.
    pub fn runs<'v>(&self, releases: &'v [Version]) -> Vec<(&'v Version, &'v Version)> {
        runs(releases, &self.order)
    }
}

/// [`History::runs`] over a plain list of the log's releases.
pub fn runs<'v, V: std::borrow::Borrow<Version>>(
    releases: &'v [Version],
    all: &[V],
) -> Vec<(&'v Version, &'v Version)> {
    let index = |v: &Version| all.binary_search_by(|a| a.borrow().cmp(v)).ok();
    let mut out: Vec<(&Version, &Version)> = Vec::new();
    for v in releases {
        match out.last_mut() {
            Some((_, last)) if index(last).zip(index(v)).is_some_and(|(a, b)| b == a + 1) => {
                *last = v;
            }
            _ => out.push((v, v)),
        }
    }
    out
}

/// [`History::first_in_effect`] without building the history: the lowest release of the
/// rows that name the version (index lookups, no scan of the log). A release's second row
/// for the document (LOG004) puts nothing in effect.
pub fn first_in_effect<'a>(
    log: &'a DocumentLog,
    document: &'a DocumentId,
    version: &'a Version,
) -> Option<&'a Version> {
    log.rows_for(document, version)
        .filter(|r| {
            log.row(&r.release, document)
                .is_some_and(|first| std::ptr::eq(first, *r))
        })
        .map(|r| &r.release)
        .min()
}

/// The log rows that put `doc` in effect (one per release), in release order; none for
/// a version the log does not name or a document without a version (loose folders).
pub fn in_effect<'a>(log: &'a DocumentLog, doc: &'a DocumentVersion) -> Vec<&'a LogRow> {
    let Some(version) = &doc.version else {
        return vec![];
    };
    let mut rows: Vec<&LogRow> = log.rows_for(&doc.document, version).collect();
    rows.sort_by(|a, b| a.release.cmp(&b.release));
    rows.dedup_by(|a, b| a.release == b.release);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    fn log(csv: &str) -> DocumentLog {
        let parsed = crate::parse::log::parse(csv);
        DocumentLog::new(FileId(0), parsed.rows, parsed.malformed)
    }

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap()
    }

    const LOG: &str = "release,effective_date,document,version,title\n\
        5.16,2021-03-01,section-h,1.0,DCC Services\n\
        5.16,2021-03-01,section-j,2.0,Charges\n\
        40.0,2021-06-24,section-h,1.1,DCC Services\n\
        40.0,2021-06-24,section-j,2.0,Charges\n\
        40.0,2021-06-24,section-h,1.2,DCC Services\n\
        54.0,2021-12-17,section-h,1.0,DCC Services\n\
        54.0,2021-12-17,appendix-ac,1.0,Inventory\n";

    #[test]
    fn order_and_before() {
        let log = log(LOG);
        let h = History::new(&log);
        let got: Vec<&str> = h.releases().iter().map(|r| r.as_str()).collect();
        assert_eq!(got, ["5.16", "40.0", "54.0"]);
        assert_eq!(h.before(&v("40.0")).map(|r| r.as_str()), Some("5.16"));
        assert_eq!(h.before(&v("5.16")), None);
        assert_eq!(h.before(&v("41.0")), None);
        assert!(h.contains(&v("54.0")) && !h.contains(&v("57.0")));
        let notes: Vec<&str> = h
            .note_releases(Some(&v("54.0")))
            .iter()
            .map(|r| r.as_str())
            .collect();
        assert_eq!(notes, ["54.0", "40.0"]);
        assert!(h.note_releases(Some(&v("57.0"))).is_empty());
    }

    #[test]
    fn changes_release_by_release() {
        let log = log(LOG);
        let h = History::new(&log);
        let (sh, sj, ac) = (
            DocumentId::from_key("section-h").unwrap(),
            DocumentId::from_key("section-j").unwrap(),
            DocumentId::from_key("appendix-ac").unwrap(),
        );
        assert!(matches!(h.change(&v("5.16"), &sh), Change::New(_)));
        // The first of 40.0's two rows for Section H counts: 1.1.
        assert!(
            matches!(h.change(&v("40.0"), &sh), Change::Bumped { row, .. } if row.version == v("1.1"))
        );
        assert!(matches!(h.change(&v("40.0"), &sj), Change::Kept { .. }));
        assert!(matches!(h.change(&v("54.0"), &sh), Change::Lowered { .. }));
        assert!(matches!(h.change(&v("54.0"), &sj), Change::Removed));
        assert!(matches!(h.change(&v("40.0"), &ac), Change::Absent));
        // The first release to put each version in effect; 40.0's second row for Section
        // H (1.2) puts nothing in effect.
        let first = |d: &DocumentId, ver: &str| {
            let ver = v(ver);
            h.first_in_effect(d, &ver).map(|r| r.to_string())
        };
        assert_eq!(first(&sh, "1.0").as_deref(), Some("5.16"));
        assert_eq!(first(&sh, "1.1").as_deref(), Some("40.0"));
        assert_eq!(first(&sh, "1.2"), None);
        assert_eq!(first(&ac, "2.0"), None);
        let bumped: Vec<String> = h
            .bumped(&v("54.0"))
            .iter()
            .map(|c| match c {
                Change::New(r) | Change::Bumped { row: r, .. } => r.document.to_string(),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(bumped, ["Appendix AC"]);
        let bumps = h.bumps();
        let keys: Vec<String> = bumps.keys().map(|(d, ver)| format!("{d} {ver}")).collect();
        assert_eq!(
            keys,
            [
                "Section H 1.0",
                "Section H 1.1",
                "Section J 2.0",
                "Appendix AC 1.0"
            ]
        );
        let b = bumps[&(&sh, &v("1.1"))];
        assert_eq!(b.previous.map(|p| p.version.as_str()), Some("1.0"));
    }

    #[test]
    fn runs_of_consecutive_releases() {
        let all: Vec<Version> = ["5.16", "40.0", "54.0", "57.0"].map(v).to_vec();
        let some: Vec<Version> = ["5.16", "40.0", "57.0"].map(v).to_vec();
        let got: Vec<(&str, &str)> = runs(&some, &all)
            .into_iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(got, [("5.16", "40.0"), ("57.0", "57.0")]);
    }
}
