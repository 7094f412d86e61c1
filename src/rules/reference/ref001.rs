//! REF001 document-not-in-effect: a citation of a document that the Document Log does
//! not put in effect at a release where the citing version is in effect, or, in a
//! release note, at neither the note's release nor the one before.

use super::resolvable;
use crate::diagnostic::Diagnostic;
use crate::hash::FxHashMap;
use crate::history::History;
use crate::model::{DocumentLog, DocumentVersion, ReleaseNoteFile};
use crate::names::{DocumentId, Version};
use crate::parse::references::Reference;
use crate::rules::citing::{Citer, Citing};
use crate::rules::log::list_releases;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;
use std::collections::BTreeSet;

pub const RULE: Rule = Rule {
    code: "REF001",
    needs: Needs::Log,
    check: Check::Citations(check),
};

fn check(citing: &Citing<'_>, out: &mut Vec<Diagnostic>) {
    let Some(log) = &citing.corpus().log else {
        return;
    };
    match citing.of {
        Citer::Document(doc) => in_document(citing, log, doc, out),
        Citer::Note(note) => {
            if let Some(history) = &citing.run.history {
                in_note(log, history, note, citing.references, out)
            }
        }
    }
}

fn in_document<'a>(
    citing: &Citing<'a>,
    log: &DocumentLog,
    doc: &DocumentVersion,
    out: &mut Vec<Diagnostic>,
) {
    if citing.in_effect().is_empty() {
        return;
    }
    // Where each cited document is not in effect: worked out once per document cited.
    let mut not_in_effect: FxHashMap<&DocumentId, Vec<&Version>> = FxHashMap::default();
    for r in citing.references {
        let Some(target) = resolvable(r) else {
            continue;
        };
        if *target == doc.document || r.quoted {
            continue;
        }
        let broken = not_in_effect.entry(target).or_insert_with(|| {
            // A log row that could not be read may put it in effect (LOG008 says so).
            citing
                .cited_at(target)
                .iter()
                .filter(|c| c.now.is_none() && !log.maybe_row(&c.row.release, target))
                .map(|c| &c.row.release)
                .collect()
        });
        if broken.is_empty() {
            continue;
        }
        let citer = format!(
            "{} version {}",
            doc.document,
            doc.version.as_ref().map_or("", |v| v.as_str())
        );
        let (message, help) = explain(
            log,
            &citer,
            target,
            &list_releases(broken.clone()),
            "remove the citation from this version",
        );
        out.push(
            Diagnostic::new(RULE.code, message)
                .at(doc.file, Span::from(r.span.clone()), "cited here")
                .help(help),
        );
    }
}

fn in_note(
    log: &DocumentLog,
    history: &History<'_>,
    note: &ReleaseNoteFile,
    references: &[Reference],
    out: &mut Vec<Diagnostic>,
) {
    let at = history.note_releases(note.release.as_ref());
    let Some(own) = at.first() else {
        return;
    };
    for r in references {
        let Some(target) = resolvable(r) else {
            continue;
        };
        if r.quoted
            || at
                .iter()
                .any(|v| log.row(v, target).is_some() || log.maybe_row(v, target))
        {
            continue;
        }
        let when = match at.get(1) {
            Some(before) => format!("release {own} or {before}"),
            None => format!("release {own}"),
        };
        let (message, help) = explain(
            log,
            &format!("the {own} release note"),
            target,
            &when,
            "correct the citation",
        );
        out.push(
            Diagnostic::new(RULE.code, message)
                .at(note.file, Span::from(r.span.clone()), "cited here")
                .help(help),
        );
    }
}

/// The message and help for `citer` citing `target`, which is not in effect `when`;
/// `fix` says what to do with the citation.
fn explain(
    log: &DocumentLog,
    citer: &str,
    target: &DocumentId,
    when: &str,
    fix: &str,
) -> (String, String) {
    let ever: BTreeSet<&Version> = log
        .rows
        .iter()
        .filter(|row| &row.document == target)
        .map(|row| &row.release)
        .collect();
    if ever.is_empty() {
        let citer = citer.split(" version ").next().unwrap_or(citer);
        (
            format!("{citer} cites {target}, which the Document Log does not list at any release"),
            format!(
                "check the designator: no release in the log has {target}; cite the document meant, or add it to the log if it is being designated"
            ),
        )
    } else {
        (
            format!("{citer} cites {target}, which is not in effect at {when}"),
            format!(
                "{target} is in effect at {} only: {fix}, or bring {target} in at the same release",
                list_releases(ever.iter().copied())
            ),
        )
    }
}
