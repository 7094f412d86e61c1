//! LOG001 logged-version-without-file: the log puts a document version in effect but the
//! corpus has no clean text for it.

use super::list_releases;
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};
use std::collections::BTreeMap;

pub const RULE: Rule = Rule {
    code: "LOG001",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    let mut seen = BTreeMap::new();
    for row in &log.rows {
        seen.entry((&row.document, &row.version))
            .or_insert_with(Vec::new)
            .push(row);
    }
    for ((document, version), rows) in seen {
        if corpus.document(document, version).is_some() {
            continue;
        }
        let first = rows[0];
        let path = format!("documents/{}/{}.md", document.key(), version);
        out.push(
            Diagnostic::new(
                RULE.code,
                format!(
                    "the Document Log puts {document} version {version} in effect at {}, but the corpus has no text for it",
                    list_releases(rows.iter().map(|r| &r.release))
                ),
            )
            .at(log.file, first.version_span, format!("no {path}"))
            .help(format!(
                "add {path} (or the Word file, `.docx`) with the clean text of this version, or correct the version in the log"
            )),
        );
    }
}
