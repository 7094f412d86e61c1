//! IO001 unreadable-file: a file was found but could not be read, or changed on disk
//! while seccheck was checking it.
//!
//! Runs last: a document or redline is read again by the rules that need its text, and
//! a file whose length or modification time changed since it was parsed reads as blanks
//! (its spans no longer fit it; see `store`). Only once every rule has run is it known
//! which files changed.

use super::report;
use crate::diagnostic::Diagnostic;
use crate::model::{Corpus, ReadProblemKind};
use crate::rules::{Check, Needs, Rule};
use crate::source::{FileId, Span};

pub const RULE: Rule = Rule {
    code: "IO001",
    needs: Needs::Nothing,
    check: Check::Last(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    report(corpus, out, RULE.code, |path, kind| match kind {
        ReadProblemKind::Unreadable(why) => Some((
            Span::default(),
            format!("{path} could not be read: {why}"),
            "not read".into(),
            "check the file's permissions and links; the other files were still checked".into(),
        )),
        _ => None,
    });
    for (i, f) in corpus.files.iter().enumerate() {
        if f.changed() {
            out.push(
                Diagnostic::new(
                    RULE.code,
                    format!("{} changed on disk while seccheck was checking it", f.path),
                )
                .at(FileId(i as u32), Span::default(), "changed")
                .help("findings in this file may be wrong: run seccheck again once the file is no longer being written"),
            );
        }
    }
}
