//! LOG003 version-decreases: a document's version goes down from one release to the next.

use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::model::{Corpus, LogRow};
use crate::names::DocumentId;
use crate::rules::{Check, Needs, Rule};
use std::collections::BTreeMap;

pub const RULE: Rule = Rule {
    code: "LOG003",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    // The highest version seen so far for each document, walking releases in order.
    let mut highest: BTreeMap<&DocumentId, &LogRow> = BTreeMap::new();
    let history = History::new(log);
    for rel in history.grouped() {
        for row in &rel.rows {
            match highest.get(&row.document) {
                Some(prev) if row.version < prev.version && prev.release != row.release => {
                    out.push(
                        Diagnostic::new(
                            RULE.code,
                            format!(
                                "{} goes down from version {} at release {} to version {} at release {}",
                                row.document, prev.version, prev.release, row.version, row.release
                            ),
                        )
                        .at(log.file, row.version_span, "lower than before")
                        .related(
                            log.file,
                            prev.version_span,
                            format!("version {} at release {}", prev.version, prev.release),
                        )
                        .help("a document's version never decreases: correct one of the two rows"),
                    );
                }
                Some(prev) if row.version <= prev.version => {}
                _ => {
                    highest.insert(&row.document, row);
                }
            }
        }
    }
}
