//! Citations resolved against the version in effect.
//!
//! A document version is in effect at every release whose Document Log rows name it;
//! each of its citations must resolve at each of those releases, against the version of
//! the cited document that the log puts in effect there. A release note's citations must
//! resolve at the note's release or the one before (a note describes what its release
//! changes, deletions included). Citations in Markdown block quotes are quoted wording and
//! are not resolved.
//!
//! Without a log, what can be resolved is resolved against the folder's own files: a
//! clause (REF002, DEF002) or a title (REF003, REF007) against the one copy of the cited document
//! that the folder holds. REF001 (in effect?) and REF004 (deleted by this release?) need
//! the log; REF005 and REF006 need nothing but the citation. (DEF003 needs the log too:
//! only a whole SEC can show that a term is used nowhere.)

use crate::clause::ClauseNumber;
use crate::model::{Corpus, DocumentLog, DocumentVersion, LogRow};
use crate::names::{DocumentId, DocumentKind};
use crate::parse::references::{CitedTitle, Reference, Target};
use crate::rules::citing::{CitationRun, Citer};
use crate::rules::citing::{CitedAt, Citing};
pub(crate) use crate::rules::resolve::{FOLDER_NOTE, Folder, clauses_known, named, target_at};
use crate::source::FileId;
use std::ops::Range;

pub mod ref001;
pub mod ref002;
pub mod ref003;
pub mod ref004;
pub mod ref005;
pub mod ref006;
pub mod ref007;
pub mod ref008;

/// The clauses a citation names, with where each is written: one for a clause, both
/// ends for a range. An end in another Section than the cited document ("Sections H10.9
/// to J1.2") is left out: it is not that document's to have, and REF005 reports the range.
pub(crate) fn cited_clauses(r: &Reference) -> Vec<(&str, Range<usize>)> {
    let own = |c: &ClauseNumber| match (&r.document, c.section_letter()) {
        (Some(d), Some(letter)) if d.kind == DocumentKind::Section => {
            d.designator.starts_with(letter)
        }
        _ => true,
    };
    match &r.target {
        Target::Clause { clause, span } => vec![(clause.as_str(), span.clone())],
        Target::Range {
            start,
            start_span,
            end,
            end_span,
        } => [(start, start_span), (end, end_span)]
            .into_iter()
            .filter(|(c, _)| own(c))
            .map(|(c, span)| (c.as_str(), span.clone()))
            .collect(),
        Target::Document | Target::Placeholder => vec![],
    }
}

/// The title a citation gives its *document*: `None` when it has no title, or when the
/// title follows a clause number ("Section T3.34 (Additional Interface Testing)",
/// "Section G7.16(a) ‘Duties’"), where it names the clause. A title before the number
/// ("Section L ‘…’ 14.8") or after the document ("paragraph 3.2 of Appendix AC ‘…’")
/// names the document. A bracketed abbreviation ("Section L (SMKI and DCCKI)") is not a
/// title either.
pub(crate) fn document_title<'r>(text: &str, r: &'r Reference) -> Option<&'r CitedTitle> {
    let title = r.cited_title.as_ref()?;
    let clause_end = match &r.target {
        Target::Clause { span, .. } => Some(span.end),
        Target::Range { end_span, .. } => Some(end_span.end),
        Target::Document | Target::Placeholder => None,
    };
    if let Some(end) = clause_end
        && end <= title.span.start
        && text.get(end..title.span.start).is_some_and(|between| {
            between
                .chars()
                .all(|c| c.is_whitespace() || "(‘“'\"".contains(c))
        })
    {
        return None;
    }
    let bracketed = text
        .get(..title.span.start)
        .is_some_and(|before| before.trim_end().ends_with('('));
    let abbreviation = title.text.split_whitespace().all(|w| {
        w.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            || ["and", "&", "of", "or"].contains(&w)
    });
    if bracketed && abbreviation {
        return None;
    }
    Some(title)
}

/// A citation of an SEC document that can be resolved: not an external instrument, not
/// a placeholder, and not the citing document itself.
pub(crate) fn resolvable(r: &Reference) -> Option<&DocumentId> {
    if r.external || matches!(r.target, Target::Placeholder) {
        return None;
    }
    r.document.as_ref()
}

/// A cited clause missing from the version in effect at some release.
pub(crate) struct Missing<'a> {
    /// The citing file: a document version or a release note.
    pub file: FileId,
    /// The citing text in words: "Section J" or "the 57.0 release note".
    pub citer: String,
    /// Set for a release note, whose citation resolves at its own release or the one
    /// before: `at` then lists both, and the clause is in neither.
    pub note: bool,
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
/// grouped per citation and by whether a release's own change deleted it: citations in
/// document versions at every release where the version is in effect, and citations in
/// release notes at the note's release or the one before.
pub(crate) fn missing_clauses<'a>(citing: &Citing<'a>, log: &'a DocumentLog) -> Vec<Missing<'a>> {
    let run = citing.run;
    let corpus = run.corpus;
    let history = run
        .history
        .as_ref()
        .expect("missing clauses are resolved with a log");
    let mut out = Vec::new();
    match citing.of {
        Citer::Document(doc) => {
            for r in citing.references {
                let Some(target) = resolvable(r) else {
                    continue;
                };
                if r.quoted {
                    continue;
                }
                let per_release = citing.cited_at(target);
                for (clause, clause_span) in cited_clauses(r) {
                    missing_in_document(
                        corpus,
                        doc,
                        &per_release,
                        target,
                        clause,
                        clause_span,
                        &mut out,
                    );
                }
            }
        }
        Citer::Note(note) => {
            let at = history.note_releases(note.release.as_ref());
            let Some(own) = at.first() else {
                return out;
            };
            for r in citing.references {
                let Some(target) = resolvable(r) else {
                    continue;
                };
                if r.quoted {
                    continue;
                }
                for (clause, clause_span) in cited_clauses(r) {
                    let mut checked: Vec<&LogRow> = Vec::new();
                    let mut found = false;
                    for release in &at {
                        let Some((t_row, Some(t_doc))) = target_at(corpus, log, release, target)
                        else {
                            continue;
                        };
                        if t_doc.has_clause(corpus, clause) {
                            found = true;
                            break;
                        }
                        checked.push(t_row);
                    }
                    if !found && !checked.is_empty() {
                        out.push(Missing {
                            file: note.file,
                            citer: format!("the {own} release note"),
                            note: true,
                            clause,
                            clause_span: clause_span.clone(),
                            target,
                            at: checked,
                            deleted_after: None,
                        });
                    }
                }
            }
        }
    }
    out
}

/// One cited clause of a document version, checked at each release where the version is
/// in effect (`per_release`: the cited document there and at the release before).
fn missing_in_document<'a>(
    corpus: &'a Corpus,
    doc: &DocumentVersion,
    per_release: &[CitedAt<'a>],
    target: &'a DocumentId,
    clause: &'a str,
    clause_span: Range<usize>,
    out: &mut Vec<Missing<'a>>,
) {
    let mut plain: Vec<&LogRow> = Vec::new();
    // Consecutive releases usually share the cited version: ask it once.
    let mut last: Option<(*const DocumentVersion, bool)> = None;
    for CitedAt { now, before, .. } in per_release {
        let Some((t_row, Some(t_doc))) = *now else {
            continue; // not in effect (REF001) or no text (LOG001)
        };
        let has = match last {
            Some((p, has)) if std::ptr::eq(p, t_doc) => has,
            _ => {
                let has = t_doc.has_clause(corpus, clause);
                last = Some((t_doc, has));
                has
            }
        };
        if has {
            continue;
        }
        // Did the release before have it, in another version?
        match *before {
            Some((p_row, Some(p_doc)))
                if p_row.version != t_row.version && p_doc.has_clause(corpus, clause) =>
            {
                out.push(Missing {
                    file: doc.file,
                    citer: named(doc),
                    note: false,
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
            file: doc.file,
            citer: named(doc),
            note: false,
            clause,
            clause_span,
            target,
            at: plain,
            deleted_after: None,
        });
    }
}

/// A cited clause that the folder's one copy of the cited document does not have (no log).
pub(crate) struct FolderMissing<'a> {
    pub file: FileId,
    pub citer: String,
    pub clause: &'a str,
    pub clause_span: Range<usize>,
    pub target: &'a DocumentId,
    pub copy: &'a DocumentVersion,
}

/// Without a log: every cited clause missing from the folder's copy of the cited
/// document, in documents. Nothing is said of a document the folder holds no copy of, or
/// several; nor of release notes, which describe a change and may cite what it deletes
/// (with no log, the folder cannot tell the version before the change from the one after).
pub(crate) fn missing_in_folder<'a>(
    run: &CitationRun<'a>,
    citing: &'a DocumentVersion,
    references: &'a [Reference],
) -> Vec<FolderMissing<'a>> {
    let corpus = run.corpus;
    let mut out = Vec::new();
    for r in references {
        let Some(target) = resolvable(r) else {
            continue;
        };
        if r.quoted {
            continue;
        }
        let Some(copy) = run
            .folder
            .copy(Some(citing), target)
            .filter(|c| clauses_known(corpus, c))
        else {
            continue;
        };
        for (clause, clause_span) in cited_clauses(r) {
            if !copy.has_clause(corpus, clause) {
                out.push(FolderMissing {
                    file: citing.file,
                    citer: named(citing),
                    clause,
                    clause_span,
                    target,
                    copy,
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
    use super::{document_title, edit_distance};
    use crate::parse::references::extract;

    /// The document titles in `text`, one per citation (`None` where there is none).
    fn titles(text: &str) -> Vec<Option<String>> {
        extract(text)
            .iter()
            .map(|r| document_title(text, r).map(|t| t.text.clone()))
            .collect()
    }

    #[test]
    fn a_title_after_a_clause_names_the_clause() {
        let text = "under Section T3.34 (Additional Interface Testing), Section G7.16(a) \
                    (Duties and Powers of the Security Sub-Committee), Section H8.16 \
                    ‘WAN Coverage Database’ and Sections H10.9 to H10.13 (Business Continuity)";
        assert_eq!(titles(text), [None, None, None, None]);
    }

    #[test]
    fn a_title_after_the_document_names_the_document() {
        let text = "SEC Section L ‘Smart Metering Key Infrastructure’ 14.8, paragraph 3.2 of \
                    Appendix AC ‘Inventory’, Section X (Transition), Appendix AC – Inventory \
                    Procedures, Appendix AB ‘Service Request Processing Document’ paragraph 3.2 \
                    and Section L (SMKI and DCCKI).";
        let want = [
            Some("Smart Metering Key Infrastructure"),
            Some("Inventory"),
            Some("Transition"),
            Some("Inventory Procedures"),
            Some("Service Request Processing Document"),
            None,
        ];
        assert_eq!(titles(text), want.map(|t| t.map(String::from)).to_vec());
    }

    #[test]
    fn transpositions_are_one_edit() {
        assert_eq!(edit_distance("H8.61", "H8.16"), 1);
        assert_eq!(edit_distance("H8.16", "H8.16"), 0);
        assert_eq!(edit_distance("H8.1", "H8.16"), 1);
        assert_eq!(edit_distance("3.2", "4.10"), 3);
    }
}
