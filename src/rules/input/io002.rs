//! IO002 invalid-utf8: a file is not valid UTF-8.

use super::report;
use crate::model::ReadProblemKind;
use crate::rules::{Check, Needs, Rule};
use crate::source::{DecodeProblem, Encoding, Span};

pub const RULE: Rule = Rule {
    code: "IO002",
    needs: Needs::Nothing,
    check: Check::Corpus(|corpus, out| {
        report(corpus, out, RULE.code, |path, kind| {
            match kind {
            ReadProblemKind::Decode(DecodeProblem::InvalidUtf8 {
                offset,
                len,
                count,
                read_as,
            }) => Some(match read_as {
                Encoding::Utf8Lossy => (
                    Span::new(*offset, *offset + len),
                    format!(
                        "{path} is not valid UTF-8 ({count} invalid sequence{})",
                        if *count == 1 { "" } else { "s" }
                    ),
                    "first invalid bytes, shown as �".into(),
                    "save the file as UTF-8; it was checked with each invalid sequence replaced by �"
                        .into(),
                ),
                Encoding::Windows1252 => (
                    Span::new(*offset, *offset + len),
                    format!(
                        "{path} is not UTF-8 but Windows-1252 ({count} character{} outside ASCII)",
                        if *count == 1 { "" } else { "s" }
                    ),
                    "first character outside ASCII".into(),
                    "save the file as UTF-8; it was checked as Windows-1252 text".into(),
                ),
                // An odd last byte: half a character, read as the � at `offset`.
                Encoding::Utf16 if *count > 0 => (
                    Span::new(*offset, *offset + len),
                    format!("{path} is UTF-16, not UTF-8, and ends in half a character (an odd last byte)"),
                    "the odd last byte, shown as �".into(),
                    "save the file as UTF-8; it was checked as UTF-16 text".into(),
                ),
                Encoding::Utf16 => (
                    Span::default(),
                    format!("{path} is UTF-16, not UTF-8"),
                    "UTF-16".into(),
                    "save the file as UTF-8; it was checked as UTF-16 text".into(),
                ),
            }),
            _ => None,
        }
        })
    }),
};
