//! Citations resolved against the version in effect.
//!
//! A document version is in effect at every release whose Document Log rows name it;
//! each of its citations must resolve at each of those releases, against the version of
//! the cited document that the log puts in effect there.

use crate::model::{Corpus, DocumentLog, DocumentVersion, LogRow};
use crate::names::{DocumentId, Version};
use crate::parse::references::{Reference, Target};
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

pub(crate) use crate::model::in_effect;

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
pub(crate) fn missing_clauses<'a>(corpus: &'a Corpus, log: &'a DocumentLog) -> Vec<Missing<'a>> {
    let releases: Vec<&Version> = log.releases().into_iter().map(|r| r.release).collect();
    let mut out = Vec::new();
    for doc in &corpus.documents {
        let rows = in_effect(log, doc);
        for r in &doc.references {
            let Some(target) = resolvable(r) else {
                continue;
            };
            for (clause, clause_span) in cited_clauses(r) {
                let mut plain: Vec<&LogRow> = Vec::new();
                for row in &rows {
                    let Some((t_row, Some(t_doc))) = target_at(corpus, log, &row.release, target)
                    else {
                        continue; // not in effect (REF001) or no text (LOG001)
                    };
                    let t_text = &corpus.file(t_doc.file).text;
                    if t_doc.has_clause(clause, t_text) {
                        continue;
                    }
                    // Did the release before have it, in another version?
                    let prev = releases
                        .iter()
                        .position(|v| *v == &row.release)
                        .and_then(|i| i.checked_sub(1))
                        .and_then(|i| target_at(corpus, log, releases[i], target));
                    match prev {
                        Some((p_row, Some(p_doc)))
                            if p_row.version != t_row.version
                                && p_doc.has_clause(clause, &corpus.file(p_doc.file).text) =>
                        {
                            out.push(Missing {
                                doc,
                                clause,
                                clause_span: clause_span.clone(),
                                target,
                                at: vec![t_row],
                                deleted_after: Some(p_row),
                            });
                        }
                        _ => plain.push(t_row),
                    }
                }
                if !plain.is_empty() {
                    out.push(Missing {
                        doc,
                        clause,
                        clause_span: clause_span.clone(),
                        target,
                        at: plain,
                        deleted_after: None,
                    });
                }
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
