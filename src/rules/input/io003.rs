//! IO003 binary-file: a file holds NUL bytes and is not text.

use super::report;
use crate::model::ReadProblemKind;
use crate::rules::{Check, Needs, Rule};
use crate::source::{DecodeProblem, Span};

pub const RULE: Rule = Rule {
    code: "IO003",
    needs: Needs::Nothing,
    check: Check::Corpus(|corpus, out| {
        report(corpus, out, RULE.code, |path, kind| {
            match kind {
            ReadProblemKind::Decode(DecodeProblem::Binary { offset }) => Some((
                Span::default(),
                format!("{path} is a binary file (a NUL byte at byte {offset}) and was not read"),
                "binary".into(),
                "seccheck reads text: convert the file (e.g. a PDF) to UTF-8 text, or move it out of the corpus"
                    .into(),
            )),
            ReadProblemKind::Decode(DecodeProblem::TooLarge) => Some((
                Span::default(),
                format!("{path} is larger than 4 GiB and was not read"),
                "too large".into(),
                "split the file; no SEC document comes near this size".into(),
            )),
            _ => None,
        }
        })
    }),
};
