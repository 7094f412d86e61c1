//! IO005 internal-error: seccheck failed on a file. A bug in seccheck, never in the
//! corpus; reported instead of crashing so every other file is still checked.

use super::report;
use crate::model::ReadProblemKind;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "IO005",
    needs: Needs::Nothing,
    check: Check::Corpus(|corpus, out| {
        report(corpus, out, RULE.code, |path, kind| {
            match kind {
            ReadProblemKind::ParserPanic(msg) => Some((
                Span::default(),
                format!("seccheck failed while reading {path}: {msg}"),
                "not checked".into(),
                "this is a bug in seccheck: please report it with this file; the other files were still checked"
                    .into(),
            )),
            _ => None,
        }
        })
    }),
};
