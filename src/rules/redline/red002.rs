//! RED002 accepted-text-differs: accepting every change in a redline does not give the
//! clean text of the version it produces.

use super::{comparable, mismatch, readable_document, same_side};
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::parse::redline::Side;
use crate::rules::{Check, Needs, Rule};

pub const RULE: Rule = Rule {
    code: "RED002",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    for r in &corpus.redlines {
        // A version the log never lists is RED004's; without its text, LOG001's.
        if !comparable(corpus, r) || log.rows_for(&r.document, &r.version).next().is_none() {
            continue;
        }
        let Some(doc) = readable_document(corpus, &r.document, &r.version) else {
            continue;
        };
        if same_side(r, doc, Side::After) {
            continue;
        }
        out.extend(mismatch(corpus, RULE.code, r, Side::After, doc, &r.version));
    }
}
