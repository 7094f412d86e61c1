//! IO001 unreadable-file: a file was found but could not be read.

use super::report;
use crate::model::ReadProblemKind;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "IO001",
    needs: Needs::Nothing,
    check: Check::Corpus(|corpus, out| {
        report(corpus, out, RULE.code, |path, kind| match kind {
            ReadProblemKind::Unreadable(why) => Some((
                Span::default(),
                format!("{path} could not be read: {why}"),
                "not read".into(),
                "check the file's permissions and links; the other files were still checked".into(),
            )),
            _ => None,
        })
    }),
};
