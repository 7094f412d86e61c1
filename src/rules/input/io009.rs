//! IO009 word-file-caveat: a `.docx` was read, but not as cleanly as its role wants: a
//! clean text holding tracked changes (read with every change accepted), or a file that
//! holds macros (never run).

use super::report;
use crate::model::{ReadProblemKind, WordCaveat};
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "IO009",
    needs: Needs::Nothing,
    check: Check::Corpus(|corpus, out| {
        report(corpus, out, RULE.code, |path, kind| {
            match kind {
            ReadProblemKind::WordCaveat(WordCaveat::TrackedChanges(n)) => Some((
                Span::default(),
                format!(
                    "{path} is a clean text but holds {n} tracked change{}; it was read with every change accepted",
                    if *n == 1 { "" } else { "s" }
                ),
                "tracked changes".into(),
                "accept or reject every change in Word (Review › Accept › Accept All Changes) and save the clean text; the redline belongs under redlines/".into(),
            )),
            ReadProblemKind::WordCaveat(WordCaveat::Macros) => Some((
                Span::default(),
                format!("{path} holds macros; seccheck read its text and ran none of them"),
                "macros".into(),
                "save the published text as a Word Document (.docx) without macros".into(),
            )),
            _ => None,
        }
        })
    }),
};
