//! IO006 not-in-layout: a file under `documents/`, `releases/` or `redlines/` is not
//! named as the corpus contract says, so nothing knows what it is; or it is a second file
//! for a version another file already gives.

use super::report;
use crate::model::ReadProblemKind;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "IO006",
    needs: Needs::Nothing,
    check: Check::Corpus(|corpus, out| {
        report(corpus, out, RULE.code, |path, kind| match kind {
            ReadProblemKind::NotInLayout(hint) => Some((
                Span::default(),
                format!(
                    "{path} is not where the corpus layout puts any file, so it was not checked"
                ),
                "not read".into(),
                format!("rename or move it: {hint}"),
            )),
            ReadProblemKind::Duplicate(first) => Some((
                Span::default(),
                format!("{path} gives the same version as {first}, so it was not checked"),
                "not read".into(),
                format!("keep one of the two files; {first} is the one that was checked"),
            )),
            _ => None,
        })
    }),
};
