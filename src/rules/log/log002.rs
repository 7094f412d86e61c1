//! LOG002 unlogged-version-file: a document version file that no log row names.

use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::{Needs, Rule, document_anchor};

pub const RULE: Rule = Rule {
    code: "LOG002",
    needs: Needs::Log,
    check,
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    for doc in &corpus.documents {
        let Some(version) = &doc.version else {
            continue;
        };
        if log.rows_for(&doc.document, version).next().is_some() {
            continue;
        }
        let mut d = Diagnostic::new(
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
        // The newest row of the same document shows what the log says instead.
        if let Some(row) = log
            .rows
            .iter()
            .filter(|r| r.document == doc.document)
            .max_by(|a, b| a.release.cmp(&b.release))
        {
            d = d.related(
                log.file,
                row.version_span,
                format!(
                    "the log's latest {} is version {} at release {}",
                    doc.document, row.version, row.release
                ),
            );
        }
        out.push(d);
    }
}
