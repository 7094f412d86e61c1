//! The run's settings from `seccheck.toml` at the corpus root: switch rules off or change
//! their severity. The file is parsed once, by the loader ([`crate::parse::config`]); this
//! module says what its settings mean, given the codes that exist.
//!
//! ```toml
//! [rules]
//! DEF003 = "off"
//! DATE002 = "error"
//! ```

use crate::diagnostic::Severity;
use crate::parse::config::{ConfigFile, Setting};
use std::collections::BTreeMap;

#[derive(Debug, Default, Clone)]
pub struct Config {
    /// Code → severity; `None` switches the rule off.
    pub rules: BTreeMap<String, Option<Severity>>,
}

/// A setting that cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingProblem<'a> {
    /// The code names no rule.
    UnknownCode(&'a Setting),
    /// The value is not "error", "warning", "info" or "off".
    NotASeverity(&'a Setting),
}

/// The settings that apply, and those that cannot. `known` says whether a code exists
/// (codes are matched in any case). A code set twice is TOML's error, not ours.
pub fn resolve(
    file: &ConfigFile,
    known: impl Fn(&str) -> bool,
) -> (Config, Vec<SettingProblem<'_>>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    for s in &file.settings {
        let code = s.code.to_ascii_uppercase();
        if !known(&code) {
            problems.push(SettingProblem::UnknownCode(s));
            continue;
        }
        let severity = match s.value.as_deref() {
            Some("off") => None,
            Some(v) if Severity::parse(v).is_some() => Severity::parse(v),
            _ => {
                problems.push(SettingProblem::NotASeverity(s));
                continue;
            }
        };
        config.rules.insert(code, severity);
    }
    (config, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::config::parse;

    fn known(c: &str) -> bool {
        ["LOG001", "DEF003"].contains(&c)
    }

    #[test]
    fn reads_overrides() {
        let file = parse("[rules]\nDEF003 = \"off\"\nlog001 = \"warning\"\n");
        let (c, p) = resolve(&file, known);
        assert!(p.is_empty());
        assert_eq!(c.rules["DEF003"], None);
        assert_eq!(c.rules["LOG001"], Some(Severity::Warning));
    }

    #[test]
    fn reports_unknown_codes_and_bad_values() {
        let text = "[rules]\nLOG999 = \"off\"\nLOG001 = \"loud\"\nDEF003 = 1\n";
        let file = parse(text);
        let (c, p) = resolve(&file, known);
        assert!(c.rules.is_empty());
        let got: Vec<(bool, &str)> = p
            .iter()
            .map(|p| match p {
                SettingProblem::UnknownCode(s) => (true, &text[s.code_span.range()]),
                SettingProblem::NotASeverity(s) => (false, &text[s.code_span.range()]),
            })
            .collect();
        assert_eq!(
            got,
            [(true, "LOG999"), (false, "LOG001"), (false, "DEF003")]
        );
    }
}
