//! LOG004 duplicate-log-entry: one release lists the same document twice.

use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::model::{Corpus, LogRow};
use crate::names::DocumentId;
use crate::rules::{Check, Needs, Rule};
use std::collections::BTreeMap;

pub const RULE: Rule = Rule {
    code: "LOG004",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    let history = History::new(log);
    for rel in history.grouped() {
        let mut first: BTreeMap<&DocumentId, &LogRow> = BTreeMap::new();
        for row in &rel.rows {
            let Some(prev) = first.get(&row.document) else {
                first.insert(&row.document, row);
                continue;
            };
            let (message, label) = if prev.version == row.version {
                (
                    format!("release {} lists {} twice", row.release, row.document),
                    "listed again".to_string(),
                )
            } else {
                (
                    format!(
                        "release {} lists {} at two versions, {} and {}",
                        row.release, row.document, prev.version, row.version
                    ),
                    format!("version {} here", row.version),
                )
            };
            out.push(
                Diagnostic::new(RULE.code, message)
                    .at(log.file, row.span, label)
                    .related(log.file, prev.span, format!("version {} first", prev.version))
                    .help("a release puts exactly one version of each document in effect: remove one row"),
            );
        }
    }
}
