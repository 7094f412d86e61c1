//! DOC002 heading-names-other-document: the heading names another document than the
//! file's path does.

use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};

pub const RULE: Rule = Rule {
    code: "DOC002",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    for doc in &corpus.documents {
        let Some(h) = &doc.heading else { continue };
        if h.document == doc.document {
            continue;
        }
        out.push(
            Diagnostic::new(
                RULE.code,
                format!(
                    "{} is filed as {} but its heading names {}",
                    corpus.file(doc.file).path,
                    doc.document,
                    h.document
                ),
            )
            .at(
                doc.file,
                h.document_span,
                format!("should be {}", doc.document),
            )
            .help(format!(
                "correct the heading, or move the file to documents/{}/",
                h.document.key()
            )),
        );
    }
}
