//! `seccheck.toml`, read as written: each `[rules]` setting and each `[per-path]` glob
//! with its settings, with the spans of codes, values and globs, and what could not be
//! read. Which codes exist, what a value means and whether a glob is valid is
//! [`crate::config`]'s business; wording a problem is CFG001's.
//!
//! ```toml
//! extend = "../seccheck.toml"     # settings read first; this file's win
//!
//! [rules]
//! DEF003 = "off"
//! REF = "warning"                 # a family: every REF rule
//!
//! [per-path]
//! "documents/appendix-*/**" = { REF002 = "off" }
//! ```

use crate::source::Span;
use toml::de::{DeTable, DeValue};

/// One setting: `LOG001 = "warning"` (a code or a family).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    /// The code or family as written (any case).
    pub code: String,
    pub code_span: Span,
    /// The value when it is a string; `None` for a number, a table, …
    pub value: Option<String>,
    /// The value as written, for messages.
    pub value_text: String,
    pub value_span: Span,
}

/// One `[per-path]` entry: a glob (relative to the corpus root) and its settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathSettings {
    pub glob: String,
    pub glob_span: Span,
    pub settings: Vec<Setting>,
}

/// What made part of the file unreadable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// Not TOML at all; the parser's message.
    InvalidToml { span: Span, message: String },
    /// A top-level key other than `rules` and `per-path`.
    UnknownTable { span: Span, name: String },
    /// `rules` or `per-path` is given a value, not a table.
    NotATable { span: Span, name: &'static str },
    /// A `[per-path]` glob is given a value, not a table of settings.
    GlobNotATable { span: Span, glob: String },
    /// `extend` is given something other than a path (a string).
    ExtendNotAPath { span: Span },
}

impl ConfigProblem {
    pub fn span(&self) -> Span {
        match self {
            ConfigProblem::InvalidToml { span, .. }
            | ConfigProblem::UnknownTable { span, .. }
            | ConfigProblem::NotATable { span, .. }
            | ConfigProblem::GlobNotATable { span, .. }
            | ConfigProblem::ExtendNotAPath { span } => *span,
        }
    }
}

/// A `seccheck.toml` as read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfigFile {
    /// `[rules]`, in file order.
    pub settings: Vec<Setting>,
    /// `[per-path]`, in file order.
    pub per_path: Vec<PathSettings>,
    /// `extend = "…"`: the file whose settings this one builds on (relative to this
    /// file's folder), with the span of the value.
    pub extend: Option<(String, Span)>,
    pub problems: Vec<ConfigProblem>,
}

/// The settings of a table, in file order.
fn settings<'a>(text: &str, table: &DeTable<'a>) -> Vec<Setting> {
    let mut out: Vec<Setting> = table
        .iter()
        .map(|(code, setting)| {
            let value_span = Span::from(setting.span());
            Setting {
                code: code.get_ref().to_string(),
                code_span: Span::from(code.span()),
                value: setting.get_ref().as_str().map(str::to_string),
                value_text: text.get(value_span.range()).unwrap_or_default().to_string(),
                value_span,
            }
        })
        .collect();
    // A table is keyed in sorted order: give everything in file order.
    out.sort_by_key(|s| s.code_span.start);
    out
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
        let name = match key.get_ref().as_ref() {
            "extend" => {
                let span = Span::from(value.span());
                match value.get_ref().as_str() {
                    Some(path) => out.extend = Some((path.to_string(), span)),
                    None => out.problems.push(ConfigProblem::ExtendNotAPath { span }),
                }
                continue;
            }
            "rules" => "rules",
            "per-path" => "per-path",
            other => {
                out.problems.push(ConfigProblem::UnknownTable {
                    span: key_span,
                    name: other.to_string(),
                });
                continue;
            }
        };
        let DeValue::Table(inner) = value.get_ref() else {
            out.problems.push(ConfigProblem::NotATable {
                span: key_span,
                name,
            });
            continue;
        };
        if name == "rules" {
            out.settings = settings(text, inner);
            continue;
        }
        for (glob, entry) in inner {
            let glob_span = Span::from(glob.span());
            let DeValue::Table(entry) = entry.get_ref() else {
                out.problems.push(ConfigProblem::GlobNotATable {
                    span: glob_span,
                    glob: glob.get_ref().to_string(),
                });
                continue;
            };
            out.per_path.push(PathSettings {
                glob: glob.get_ref().to_string(),
                glob_span,
                settings: settings(text, entry),
            });
        }
    }
    out.per_path.sort_by_key(|p| p.glob_span.start);
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
            ConfigProblem::NotATable { name: "rules", .. }
        ));
    }

    #[test]
    fn extend_names_a_file_by_a_string_only() {
        let text = "extend = \"../shared/seccheck.toml\"\n[rules]\nREF = \"off\"\n";
        let c = parse(text);
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        let (path, span) = c.extend.expect("extend read");
        assert_eq!(path, "../shared/seccheck.toml");
        assert_eq!(&text[span.range()], "\"../shared/seccheck.toml\"");
        assert_eq!(c.settings.len(), 1);

        let text = "extend = [\"a.toml\"]\n";
        let c = parse(text);
        assert_eq!(c.extend, None);
        assert!(matches!(
            c.problems[..],
            [ConfigProblem::ExtendNotAPath { .. }]
        ));
        assert_eq!(&text[c.problems[0].span().range()], "[\"a.toml\"]");
    }

    #[test]
    fn per_path_globs_with_their_settings() {
        let text = "[rules]\nREF = \"warning\"\n\n[per-path]\n\"documents/appendix-*/**\" = { REF002 = \"off\", DEF = \"info\" }\n\"releases/*\" = 3\n\n[per-path.\"redlines/**\"]\nRED001 = \"off\"\n";
        let c = parse(text);
        assert_eq!(c.settings.len(), 1);
        assert_eq!(c.settings[0].code, "REF");
        type Entry<'a> = (&'a str, &'a str, Vec<(&'a str, Option<&'a str>)>);
        let got: Vec<Entry<'_>> = c
            .per_path
            .iter()
            .map(|p| {
                (
                    p.glob.as_str(),
                    &text[p.glob_span.range()],
                    p.settings
                        .iter()
                        .map(|s| (s.code.as_str(), s.value.as_deref()))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "documents/appendix-*/**",
                    "\"documents/appendix-*/**\"",
                    vec![("REF002", Some("off")), ("DEF", Some("info"))]
                ),
                (
                    "redlines/**",
                    "\"redlines/**\"",
                    vec![("RED001", Some("off"))]
                ),
            ]
        );
        assert_eq!(c.problems.len(), 1);
        assert!(matches!(
            &c.problems[0],
            ConfigProblem::GlobNotATable { glob, .. } if glob == "releases/*"
        ));
        assert_eq!(&text[c.problems[0].span().range()], "\"releases/*\"");
    }
}
