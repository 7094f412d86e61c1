//! Citations resolved against the version in effect.
//!
//! A document version is in effect at every release whose Document Log rows name it;
//! each of its citations must resolve at each of those releases, against the version of
//! the cited document that the log puts in effect there.

use crate::hash::FxHashMap;
use crate::model::{Corpus, DocumentLog, DocumentVersion, LogRow};
use crate::names::{DocumentId, Version};
use crate::parse::references::{Reference, Target};
use rayon::prelude::*;
use std::ops::Range;

pub mod ref001;
pub mod ref002;
pub mod ref004;
pub mod ref005;
pub mod ref006;

/// The clauses a citation names, with where each is written: one for a clause, both
/// ends for a range.
pub(crate) fn cited_clauses(r: &Reference) -> Vec<(&str, Range<usize>)> {
    match &r.target {
        Target::Clause { clause, span } => vec![(clause.as_str(), span.clone())],
        Target::Range {
            start,
            start_span,
            end,
            end_span,
        } => vec![
            (start.as_str(), start_span.clone()),
            (end.as_str(), end_span.clone()),
        ],
        Target::Document | Target::Placeholder => vec![],
    }
}

/// A citation of an SEC document that can be resolved: not an external instrument, not
/// a placeholder, and not the citing document itself.
pub(crate) fn resolvable(r: &Reference) -> Option<&DocumentId> {
    if r.external || matches!(r.target, Target::Placeholder) {
        return None;
    }
    r.document.as_ref()
}

/// The log rows that put `doc` in effect (one per release), in release order.
pub(crate) fn in_effect<'a>(log: &'a DocumentLog, doc: &'a DocumentVersion) -> Vec<&'a LogRow> {
    let Some(version) = &doc.version else {
        return vec![];
    };
    let mut rows: Vec<&LogRow> = log.rows_for(&doc.document, version).collect();
    rows.sort_by(|a, b| a.release.cmp(&b.release));
    rows.dedup_by(|a, b| a.release == b.release);
    rows
}

/// The version of `target` that the log puts in effect at `release`, and its text if the
/// corpus has it. A release listing the document twice (LOG004) counts its first row.
pub(crate) fn target_at<'a>(
    corpus: &'a Corpus,
    log: &'a DocumentLog,
    release: &Version,
    target: &DocumentId,
) -> Option<(&'a LogRow, Option<&'a DocumentVersion>)> {
    let row = log.row(release, target)?;
    Some((row, corpus.document(target, &row.version)))
}

/// A cited clause missing from the version in effect at some release.
pub(crate) struct Missing<'a> {
    pub doc: &'a DocumentVersion,
    pub clause: &'a str,
    pub clause_span: Range<usize>,
    pub target: &'a DocumentId,
    /// The releases where it is missing, with the target's row there.
    pub at: Vec<&'a LogRow>,
    /// Set when the clause existed at the release before and this release's new version
    /// of the target dropped it: the row of that earlier release.
    pub deleted_after: Option<&'a LogRow>,
}

/// Every cited clause that does not exist in the cited document's version in effect,
/// grouped per citation and by whether a release's own change deleted it.
///
/// A citing version is in effect at a run of releases, and the cited document changes
/// version only now and then during it; so each citation is checked once per *run* of
/// consecutive releases with the same cited version, not once per release. Documents
/// are checked in parallel; the result is in document order.
pub(crate) fn missing_clauses<'a>(corpus: &'a Corpus, log: &'a DocumentLog) -> Vec<Missing<'a>> {
    let releases: Vec<&Version> = log.releases().into_iter().map(|r| r.release).collect();
    let position: FxHashMap<&Version, usize> =
        releases.iter().enumerate().map(|(i, v)| (*v, i)).collect();
    let per_document: Vec<Vec<Missing<'a>>> = corpus
        .documents
        .par_iter()
        .map(|doc| missing_in(corpus, log, &releases, &position, doc))
        .collect();
    per_document.into_iter().flatten().collect()
}

/// Releases in a row at which the cited document has one version with a text.
struct Run<'a> {
    target: &'a DocumentVersion,
    /// The cited document's row at each release of the run, in order.
    rows: Vec<&'a LogRow>,
    /// The cited document at the release before the run's first, when it has a text.
    before: Option<(&'a LogRow, &'a DocumentVersion)>,
}

fn runs<'a>(
    corpus: &'a Corpus,
    log: &'a DocumentLog,
    releases: &[&Version],
    position: &FxHashMap<&Version, usize>,
    citing: &[&'a LogRow],
    target: &DocumentId,
) -> Vec<Run<'a>> {
    let mut out: Vec<Run<'a>> = Vec::new();
    let mut last: Option<(usize, &Version)> = None;
    for row in citing {
        let p = position[&row.release];
        let Some((t_row, Some(t_doc))) = target_at(corpus, log, &row.release, target) else {
            last = None; // not in effect (REF001) or no text (LOG001)
            continue;
        };
        match (last, out.last_mut()) {
            (Some((lp, lv)), Some(run)) if lp + 1 == p && *lv == t_row.version => {
                run.rows.push(t_row)
            }
            _ => {
                let before = p
                    .checked_sub(1)
                    .and_then(|i| target_at(corpus, log, releases[i], target))
                    .and_then(|(r, d)| d.map(|d| (r, d)));
                out.push(Run {
                    target: t_doc,
                    rows: vec![t_row],
                    before,
                });
            }
        }
        last = Some((p, &t_row.version));
    }
    out
}

fn missing_in<'a>(
    corpus: &'a Corpus,
    log: &'a DocumentLog,
    releases: &[&Version],
    position: &FxHashMap<&Version, usize>,
    doc: &'a DocumentVersion,
) -> Vec<Missing<'a>> {
    let has = |d: &DocumentVersion, clause: &str| d.has_clause(clause, &corpus.file(d.file).text);
    let mut out = Vec::new();
    if doc.references.is_empty() {
        return out;
    }
    let rows = in_effect(log, doc);
    if rows.is_empty() {
        return out;
    }
    let mut by_target: FxHashMap<&DocumentId, Vec<Run<'a>>> = FxHashMap::default();
    for r in &doc.references {
        let Some(target) = resolvable(r) else {
            continue;
        };
        let clauses = cited_clauses(r);
        if clauses.is_empty() {
            continue;
        }
        let runs = by_target
            .entry(target)
            .or_insert_with(|| runs(corpus, log, releases, position, &rows, target));
        for (clause, clause_span) in clauses {
            let mut plain: Vec<&LogRow> = Vec::new();
            for run in runs.iter() {
                if has(run.target, clause) {
                    continue;
                }
                // Only the first release of a run can follow another version.
                let first = run.rows[0];
                let rest = match run.before {
                    Some((p_row, p_doc))
                        if p_row.version != first.version && has(p_doc, clause) =>
                    {
                        out.push(Missing {
                            doc,
                            clause,
                            clause_span: clause_span.clone(),
                            target,
                            at: vec![first],
                            deleted_after: Some(p_row),
                        });
                        &run.rows[1..]
                    }
                    _ => &run.rows[..],
                };
                plain.extend(rest);
            }
            if !plain.is_empty() {
                out.push(Missing {
                    doc,
                    clause,
                    clause_span,
                    target,
                    at: plain,
                    deleted_after: None,
                });
            }
        }
    }
    out
}

/// Edit distance with adjacent transpositions (H8.61 is one edit from H8.16).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn transpositions_are_one_edit() {
        assert_eq!(edit_distance("H8.61", "H8.16"), 1);
        assert_eq!(edit_distance("H8.16", "H8.16"), 0);
        assert_eq!(edit_distance("H8.1", "H8.16"), 1);
        assert_eq!(edit_distance("3.2", "4.10"), 3);
    }
}
