//! `seccheck.toml` at the corpus root, read as written: each `[rules]` setting with the
//! span of its code and value, and what could not be read. Which codes exist, and what a
//! value means, is [`crate::config`]'s business; wording a problem is CFG001's.

use crate::source::Span;
use toml::de::{DeTable, DeValue};

/// One setting under `[rules]`: `LOG001 = "warning"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    /// The code as written (any case).
    pub code: String,
    pub code_span: Span,
    /// The value when it is a string; `None` for a number, a table, …
    pub value: Option<String>,
    /// The value as written, for messages.
    pub value_text: String,
    pub value_span: Span,
}

/// What made part of the file unreadable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// Not TOML at all; the parser's message.
    InvalidToml { span: Span, message: String },
    /// A top-level key other than `rules`.
    UnknownTable { span: Span, name: String },
    /// `rules` is given a value, not a table.
    RulesNotATable { span: Span },
}

impl ConfigProblem {
    pub fn span(&self) -> Span {
        match self {
            ConfigProblem::InvalidToml { span, .. }
            | ConfigProblem::UnknownTable { span, .. }
            | ConfigProblem::RulesNotATable { span } => *span,
        }
    }
}

/// A `seccheck.toml` as read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfigFile {
    /// In file order.
    pub settings: Vec<Setting>,
    pub problems: Vec<ConfigProblem>,
}

pub fn parse(text: &str) -> ConfigFile {
    let mut out = ConfigFile::default();
    let table = match DeTable::parse(text) {
        Ok(t) => t.into_inner(),
        Err(e) => {
            out.problems.push(ConfigProblem::InvalidToml {
                span: e.span().map_or(Span::new(0, 0), Span::from),
                message: e.message().to_string(),
            });
            return out;
        }
    };
    for (key, value) in &table {
        let key_span = Span::from(key.span());
        if key.get_ref().as_ref() != "rules" {
            out.problems.push(ConfigProblem::UnknownTable {
                span: key_span,
                name: key.get_ref().to_string(),
            });
            continue;
        }
        let DeValue::Table(rules) = value.get_ref() else {
            out.problems
                .push(ConfigProblem::RulesNotATable { span: key_span });
            continue;
        };
        for (code, setting) in rules {
            let value_span = Span::from(setting.span());
            out.settings.push(Setting {
                code: code.get_ref().to_string(),
                code_span: Span::from(code.span()),
                value: setting.get_ref().as_str().map(str::to_string),
                value_text: text.get(value_span.range()).unwrap_or_default().to_string(),
                value_span,
            });
        }
    }
    // The table is keyed in sorted order: give everything in file order.
    out.settings.sort_by_key(|s| s.code_span.start);
    out.problems.sort_by_key(|p| p.span().start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_with_exact_spans() {
        let text = "[rules]\nLOG001 = \"warning\"\nLOG00 = \"off\"\n\"DATE002\" = 3\n";
        let c = parse(text);
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        let got: Vec<(&str, &str, Option<&str>, &str)> = c
            .settings
            .iter()
            .map(|s| {
                (
                    s.code.as_str(),
                    &text[s.code_span.range()],
                    s.value.as_deref(),
                    &text[s.value_span.range()],
                )
            })
            .collect();
        // `LOG00` is found on its own line, not inside `LOG001`.
        assert_eq!(
            got,
            [
                ("LOG001", "LOG001", Some("warning"), "\"warning\""),
                ("LOG00", "LOG00", Some("off"), "\"off\""),
                ("DATE002", "\"DATE002\"", None, "3"),
            ]
        );
        assert_eq!(c.settings[1].code_span.start, 27);
    }

    #[test]
    fn problems() {
        let c = parse("[rules\n");
        assert!(matches!(
            c.problems[..],
            [ConfigProblem::InvalidToml { .. }]
        ));
        let text = "rules = 3\n[checks]\nx = 1\n";
        let c = parse(text);
        let spans: Vec<&str> = c.problems.iter().map(|p| &text[p.span().range()]).collect();
        assert_eq!(spans, ["rules", "checks"]);
        assert!(matches!(
            c.problems[0],
            ConfigProblem::RulesNotATable { .. }
        ));
    }
}
