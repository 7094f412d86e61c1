//! `seccheck.toml` at the corpus root: switch rules off or change their severity.
//!
//! ```toml
//! [rules]
//! LOG009 = "off"
//! DATE002 = "error"
//! ```

use crate::diagnostic::Severity;
use crate::source::Span;
use std::collections::BTreeMap;

#[derive(Debug, Default, Clone)]
pub struct Config {
    /// Code → severity; `None` switches the rule off.
    pub rules: BTreeMap<String, Option<Severity>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub span: Span,
    pub message: String,
    pub help: String,
}

/// Parses the configuration; problems are returned with what could be read.
/// `known` says whether a rule code exists.
pub fn parse(text: &str, known: impl Fn(&str) -> bool) -> (Config, Vec<ConfigProblem>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    let doc: toml::Spanned<toml::Table> = match toml::from_str(text) {
        Ok(d) => d,
        Err(e) => {
            let span = e.span().map_or(Span::new(0, 0), Span::from);
            problems.push(ConfigProblem {
                span,
                message: format!("seccheck.toml is not valid TOML: {}", e.message()),
                help: "see docs/corpus-format.md for the form of seccheck.toml".into(),
            });
            return (config, problems);
        }
    };
    let table = doc.into_inner();
    for (key, value) in &table {
        if key != "rules" {
            problems.push(ConfigProblem {
                span: find_key(text, key),
                message: format!("seccheck.toml has an unknown table `{key}`"),
                help: "the only table read is `[rules]`".into(),
            });
            continue;
        }
        let Some(rules) = value.as_table() else {
            problems.push(ConfigProblem {
                span: find_key(text, key),
                message: "`rules` must be a table of rule codes".into(),
                help: "write `[rules]` and then lines such as `LOG009 = \"off\"`".into(),
            });
            continue;
        };
        for (code, setting) in rules {
            let span = find_key(text, code);
            let code_upper = code.to_ascii_uppercase();
            if !known(&code_upper) {
                problems.push(ConfigProblem {
                    span,
                    message: format!("seccheck.toml names `{code}`, which is not a rule"),
                    help: "`seccheck rules` lists every rule code".into(),
                });
                continue;
            }
            let severity = match setting.as_str() {
                Some("off") => None,
                Some(s) if Severity::parse(s).is_some() => Severity::parse(s),
                _ => {
                    problems.push(ConfigProblem {
                        span,
                        message: format!("`{code}` is set to {setting}, which is not a severity"),
                        help: "use \"error\", \"warning\", \"info\" or \"off\"".into(),
                    });
                    continue;
                }
            };
            config.rules.insert(code_upper, severity);
        }
    }
    (config, problems)
}

/// Where a key is written, for pointing at it (the first occurrence at a line start).
fn find_key(text: &str, key: &str) -> Span {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        let bare = t.strip_prefix('[').unwrap_or(t);
        let lead = line.len() - bare.len();
        if bare.starts_with(key) || t.starts_with(&format!("\"{key}\"")) {
            let start = offset + if bare.starts_with(key) { lead } else { indent };
            let len = if bare.starts_with(key) {
                key.len()
            } else {
                key.len() + 2
            };
            return Span::new(start, start + len);
        }
        offset += line.len();
    }
    Span::new(0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(c: &str) -> bool {
        ["LOG001", "LOG009"].contains(&c)
    }

    #[test]
    fn reads_overrides() {
        let (c, p) = parse("[rules]\nLOG009 = \"off\"\nLOG001 = \"warning\"\n", known);
        assert!(p.is_empty());
        assert_eq!(c.rules["LOG009"], None);
        assert_eq!(c.rules["LOG001"], Some(Severity::Warning));
    }

    #[test]
    fn reports_unknown_codes_bad_values_and_bad_toml() {
        let text = "[rules]\nLOG999 = \"off\"\nLOG001 = \"loud\"\n";
        let (c, p) = parse(text, known);
        assert!(c.rules.is_empty());
        let spans: Vec<&str> = p.iter().map(|p| &text[p.span.range()]).collect();
        assert_eq!(spans, vec!["LOG001", "LOG999"]);
        let (_, p) = parse("[rules\n", known);
        assert_eq!(p.len(), 1);
        assert!(p[0].message.contains("not valid TOML"));
    }
}
