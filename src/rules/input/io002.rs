//! IO002 invalid-utf8: a file is not valid UTF-8.

use super::report;
use crate::model::ReadProblemKind;
use crate::rules::{Needs, Rule};
use crate::source::{DecodeProblem, Span};

pub const RULE: Rule = Rule {
    code: "IO002",
    needs: Needs::Nothing,
    check: |corpus, out| {
        report(corpus, out, RULE.code, |path, kind| match kind {
            ReadProblemKind::Decode(DecodeProblem::InvalidUtf8 { offset, count }) => Some((
                // U+FFFD, which replaced the first invalid sequence, is three bytes.
                Span::new(*offset, *offset + 3),
                format!(
                    "{path} is not valid UTF-8 ({count} invalid sequence{})",
                    if *count == 1 { "" } else { "s" }
                ),
                "first invalid bytes, shown as �".into(),
                "save the file as UTF-8; it was checked with each invalid sequence replaced by �"
                    .into(),
            )),
            _ => None,
        })
    },
};
