//! RED001 rejected-text-differs: rejecting every change in a redline does not give the
//! clean text of the version it changes (the version the log has in effect at the
//! release before the one that first bumps the document to the redline's version).

use super::{comparable, mismatch, readable_document, same_side};
use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::model::Corpus;
use crate::parse::redline::Side;
use crate::rules::{Check, Needs, Rule};

pub const RULE: Rule = Rule {
    code: "RED001",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    let bumps = History::new(log).bumps();
    for r in &corpus.redlines {
        if !comparable(corpus, r) {
            continue;
        }
        // A version the log never bumps to (RED004), or a document new at that release,
        // has no previous version to compare with.
        let Some(previous) = bumps
            .get(&(&r.document, &r.version))
            .and_then(|b| b.previous)
        else {
            continue;
        };
        // Without the previous text, LOG001 has said what is missing.
        let Some(doc) = readable_document(corpus, &r.document, &previous.version) else {
            continue;
        };
        // The same digest, the same text: nothing to read again.
        if same_side(r, doc, Side::Before) {
            continue;
        }
        out.extend(mismatch(
            corpus,
            RULE.code,
            r,
            Side::Before,
            doc,
            &previous.version,
        ));
    }
}
