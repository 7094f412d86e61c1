//! LOG002 unlogged-version-file: a document version file that no log row names.

use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule, document_anchor};

pub const RULE: Rule = Rule {
    code: "LOG002",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    for doc in &corpus.documents {
        let Some(version) = &doc.version else {
            continue;
        };
        // A row that could not be read may be the one that names it (LOG008 says so).
        if log.rows_for(&doc.document, version).next().is_some()
            || log.named_by_malformed_row(&doc.document, version)
        {
            continue;
        }
        let d = Diagnostic::new(
            RULE.code,
            format!(
                "{} version {version} is in the corpus, but no Document Log row puts it in effect",
                doc.document
            ),
        )
        .at(doc.file, document_anchor(corpus, doc), "not in the Document Log")
        .help(
            "add rows for this version at the releases it is in effect for, or remove the file if it is a draft",
        );
        out.push(crate::rules::log::note_latest_row(d, log, &doc.document));
    }
}
