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

/// Edit distance with adjacent transpositions (H8.61 is one edit from H8.16), exact up
/// to 2; a larger distance is reported as 3. "Did you mean" only offers clauses within 2
/// edits, and it compares every clause of a cited version, so the table is a band of
/// width 5 on the stack.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    const K: usize = 2;
    const FAR: usize = K + 1;
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > K {
        return FAR;
    }
    // Clause numbers are ASCII; anything else takes the general path.
    const MAX: usize = 32;
    if a.len() >= MAX || b.len() >= MAX || !a.is_ascii() || !b.is_ascii() {
        return edit_distance_chars(a, b).min(FAR);
    }
    // Row i is kept at i % 3 (two rows back are needed for transpositions); cells outside
    // the band |i - j| <= K stay FAR.
    let mut rows = [[FAR; MAX]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(b.len().min(K) + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (prev2, prev, cur) = ((i + 1) % 3, (i - 1) % 3, i % 3);
        rows[cur] = [FAR; MAX];
        if i <= K {
            rows[cur][0] = i;
        }
        let (lo, hi) = (i.saturating_sub(K).max(1), (i + K).min(b.len()));
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d.min(FAR);
        }
    }
    rows[a.len() % 3][b.len()]
}

fn edit_distance_chars(a: &[u8], b: &[u8]) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (
        String::from_utf8_lossy(a).chars().collect(),
        String::from_utf8_lossy(b).chars().collect(),
    );
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
    use super::{edit_distance, edit_distance_chars};

    #[test]
    fn transpositions_are_one_edit() {
        assert_eq!(edit_distance("H8.61", "H8.16"), 1);
        assert_eq!(edit_distance("H8.16", "H8.16"), 0);
        assert_eq!(edit_distance("H8.1", "H8.16"), 1);
        assert_eq!(edit_distance("3.2", "4.10"), 3);
        assert_eq!(edit_distance("", "H8"), 2);
        assert_eq!(edit_distance("H8.16(a)", "H8.16"), 3);
        // Beyond 2, only "far" is reported.
        assert_eq!(edit_distance("H8.16", "H8.16(a)(iii)"), 3);
        assert_eq!(edit_distance("H1.1", "J9.9"), 3);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("N4A.2", "N4A.2"), 0);
        assert_eq!(edit_distance("§1.2", "§2.1"), 2);
        // The fast rows agree with the full table wherever both apply.
        let mut seed = 7u64;
        let mut word = |n: u64| -> String {
            (0..n)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    b"H81.6(ab)"[(seed >> 33) as usize % 9] as char
                })
                .collect()
        };
        for k in 0..2000u64 {
            let (a, b) = (word(k % 7), word((k / 7) % 8));
            assert_eq!(
                edit_distance(&a, &b).min(3),
                edit_distance_chars(a.as_bytes(), b.as_bytes()).min(3),
                "{a} {b}"
            );
        }
        for (a, b) in [
            ("H10.13", "H10.31"),
            ("H8.1", "H18"),
            ("3.2.1", "3.12"),
            ("J1.2(b)", "J1.2b"),
        ] {
            assert_eq!(
                edit_distance(a, b),
                edit_distance_chars(a.as_bytes(), b.as_bytes()).min(3),
                "{a} {b}"
            );
        }
    }
}
