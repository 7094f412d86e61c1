//! REL012 unchanged-but-changed: a release note says a document or part is unchanged
//! ("The rules in Section H4 are unchanged by this release", "No changes were made to
//! Appendix AB"), but the release changes it.
//!
//! Which sentences are such claims is the note parser's (`UnchangedClaim`: qualified
//! sentences — "except", "other than", "only", "since" … — are not claims). Each
//! citation in a claim's sentence is judged against the release of the note:
//! - a document the log does not bump at the release: the claim holds;
//! - a document it bumps, claimed unchanged as a whole: reported, unless both versions'
//!   texts are in the corpus and read the same (a bump with no change is RED005's);
//! - a part or clause of a bumped document: the text of that part (the clause and every
//!   clause under it, white space folded) in the version before and the version the
//!   release puts in effect is compared; reported where they differ, with the first
//!   clause that differs as the related place. Without both texts nothing is judged (the
//!   missing file is LOG001's);
//! - a range of clauses, a placeholder, a quotation: not judged.

use super::{note_name, release_of};
use crate::diagnostic::Diagnostic;
use crate::history::{Change, History};
use crate::model::{Corpus, DocumentVersion};
use crate::parse::references::Target;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;
use crate::title::squeeze;

pub const RULE: Rule = Rule {
    code: "REL012",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

/// The text of `clause` and everything under it in `doc`, white space folded, and where
/// each clause of it starts: `None` when the version does not number it.
fn part_text(
    corpus: &Corpus,
    doc: &DocumentVersion,
    clause: &str,
) -> Option<Vec<(String, String, Span)>> {
    let source = corpus.source(doc.file);
    let parts: Vec<(String, String, Span)> = doc
        .clauses
        .iter()
        .filter(|c| c.number.as_str() == clause || c.number.is_under(clause))
        .map(|c| {
            // The clause's own words: up to the next clause, whatever its level.
            let own_end = doc
                .clauses
                .iter()
                .map(|n| n.span.start)
                .find(|&s| s > c.span.start)
                .map_or(c.body.end, |s| s.min(c.body.end));
            let text = source
                .text
                .get(c.span.start as usize..own_end as usize)
                .unwrap_or_default();
            (c.number.as_str().to_string(), squeeze(text), c.span)
        })
        .collect();
    (!parts.is_empty()).then_some(parts)
}

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    let history = History::new(log);
    for nf in &corpus.release_notes {
        if corpus.unreadable(nf.file) || nf.note.unchanged.is_empty() {
            continue;
        }
        let Some(release) = release_of(nf).and_then(|r| history.find(r)) else {
            continue;
        };
        for claim in &nf.note.unchanged {
            for r in nf.references.iter().filter(|r| {
                r.span.start >= claim.sentence.start
                    && r.span.end <= claim.sentence.end
                    && !r.quoted
            }) {
                let Some(document) = &r.document else {
                    continue;
                };
                let Change::Bumped { row, prev } = history.change(release, document) else {
                    continue;
                };
                let new = corpus.document(document, &row.version);
                let old = corpus.document(document, &prev.version);
                let at = Span::from(r.span.clone());
                match &r.target {
                    Target::Document => {
                        if let (Some(new), Some(old)) = (new, old)
                            && squeeze(&corpus.source(new.file).text)
                                == squeeze(&corpus.source(old.file).text)
                        {
                            continue;
                        }
                        out.push(
                            Diagnostic::new(
                                RULE.code,
                                format!(
                                    "{} says {document} is unchanged, but the Document Log moves it from version {} to {} at release {release}",
                                    note_name(nf),
                                    prev.version,
                                    row.version
                                ),
                            )
                            .at(nf.file, at, "said to be unchanged")
                            .related(log.file, row.span, format!("version {} at {release}", row.version))
                            .related(log.file, prev.span, format!("version {} at {}", prev.version, prev.release))
                            .help(format!(
                                "say what changed in {document}, or correct the log if {document} did not change at {release}"
                            )),
                        );
                    }
                    Target::Clause { clause, .. } => {
                        let (Some(new), Some(old)) = (new, old) else {
                            continue;
                        };
                        let (Some(after), Some(before)) = (
                            part_text(corpus, new, clause.as_str()),
                            part_text(corpus, old, clause.as_str()),
                        ) else {
                            // A part one version does not number: REF002/REF004 speak of it.
                            continue;
                        };
                        let same = after.len() == before.len()
                            && after
                                .iter()
                                .zip(&before)
                                .all(|(a, b)| a.0 == b.0 && a.1 == b.1);
                        if same {
                            continue;
                        }
                        // The first clause of the new version that differs (or is new).
                        let differs = after
                            .iter()
                            .find(|a| !before.iter().any(|b| b.0 == a.0 && b.1 == a.1))
                            .unwrap_or(&after[0]);
                        let name = if document.kind == crate::names::DocumentKind::Section {
                            format!("Section {}", clause.as_str())
                        } else {
                            format!("paragraph {} of {document}", clause.as_str())
                        };
                        out.push(
                            Diagnostic::new(
                                RULE.code,
                                format!(
                                    "{} says {name} is unchanged, but {document} version {} changes it (from version {})",
                                    note_name(nf),
                                    row.version,
                                    prev.version
                                ),
                            )
                            .at(nf.file, at, "said to be unchanged")
                            .related(
                                new.file,
                                differs.2,
                                format!("{} differs from version {}", differs.0, prev.version),
                            )
                            .help(format!(
                                "say what changed in {name}, or correct version {} of {document} if {name} should not have changed",
                                row.version
                            )),
                        );
                    }
                    _ => {}
                }
            }
        }
    }
}
