//! IO008 unreadable-word-file: a `.docx` that could not be read (encrypted, not a zip,
//! damaged or cut short, a zip bomb, no main document, malformed XML).

use super::report;
use crate::model::ReadProblemKind;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;
use crate::word::WordProblem;

pub const RULE: Rule = Rule {
    code: "IO008",
    needs: Needs::Nothing,
    check: Check::Corpus(|corpus, out| {
        report(corpus, out, RULE.code, |path, kind| {
            let ReadProblemKind::Word(problem) = kind else {
                return None;
            };
            let help = match problem {
                WordProblem::Encrypted => {
                    "remove the password (File › Info › Protect Document) or save it as a Word Document (.docx), then check it again"
                }
                WordProblem::NotZip | WordProblem::NoDocument(_) => {
                    "open it in Word and save it as a Word Document (.docx); if it is another kind of file, rename it"
                }
                WordProblem::Corrupt(_) | WordProblem::BadXml { .. } => {
                    "the file is damaged: copy it again from where it was published, or open it in Word (which may repair it) and save it again"
                }
                WordProblem::TooManyEntries(_) | WordProblem::TooLarge(_) => {
                    "this is not a real SEC document: remove it from the corpus"
                }
            };
            Some((
                Span::default(),
                format!("{path} could not be read as a Word file: {problem}"),
                "not read".into(),
                help.into(),
            ))
        })
    }),
};
