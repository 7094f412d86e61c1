//! DOC001 missing-heading: a document version whose first heading does not name it.

use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule, document_anchor};

pub const RULE: Rule = Rule {
    code: "DOC001",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    for doc in &corpus.documents {
        if doc.heading.is_some() || corpus.unreadable(doc.file) {
            continue;
        }
        out.push(
            Diagnostic::new(
                RULE.code,
                format!(
                    "{} has no heading naming {} and its title",
                    corpus.file(doc.file).path,
                    doc.document
                ),
                )
                .at(doc.file, document_anchor(corpus, doc), "expected a heading here")
                .help(format!(
                    "start the file with `# {}: <title>`; without it the title cannot be checked against the Document Log",
                    doc.document
                )),
        );
    }
}
