//! RED004 redline-for-unlogged-version: a redline names a version of its document that
//! the Document Log never lists.

use super::first_line;
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::names::Version;
use crate::rules::{Check, Needs, Rule};

pub const RULE: Rule = Rule {
    code: "RED004",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    for r in &corpus.redlines {
        if log.rows_for(&r.document, &r.version).next().is_some()
            || log.named_by_malformed_row(&r.document, &r.version)
        {
            continue;
        }
        let mut versions: Vec<&Version> = log
            .rows
            .iter()
            .filter(|row| row.document == r.document)
            .map(|row| &row.version)
            .collect();
        versions.sort();
        versions.dedup();
        let listed = match versions.as_slice() {
            [] => format!("the log does not list {} at all", r.document),
            [one] => format!("the log lists {} at version {one} only", r.document),
            [init @ .., last] => format!(
                "the log lists {} at versions {} and {last}",
                r.document,
                init.iter()
                    .map(|v| v.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let d = Diagnostic::new(
            RULE.code,
            format!(
                "this redline produces {} version {}, which the Document Log never lists",
                r.document, r.version
            ),
        )
        .at(
            r.file,
            first_line(corpus, r.file),
            format!("{} version {} is in no release", r.document, r.version),
        )
        .help(format!(
            "{listed}: name the redline after the version it produces, add that version to the log, or remove the redline if it is a draft"
        ));
        out.push(crate::rules::log::note_latest_row(d, log, &r.document));
    }
}
