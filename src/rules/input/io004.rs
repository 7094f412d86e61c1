//! IO004 empty-file: a file has no text.

use super::report;
use crate::model::ReadProblemKind;
use crate::rules::{Check, Needs, Rule};
use crate::source::{DecodeProblem, Span};

pub const RULE: Rule = Rule {
    code: "IO004",
    needs: Needs::Nothing,
    check: Check::Corpus(|corpus, out| {
        report(corpus, out, RULE.code, |path, kind| match kind {
            ReadProblemKind::Decode(DecodeProblem::Empty) => Some((
                Span::default(),
                format!("{path} is empty"),
                "empty".into(),
                "give the file its text, or remove it".into(),
            )),
            _ => None,
        })
    }),
};
