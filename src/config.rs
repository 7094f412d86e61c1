//! The run's settings from `seccheck.toml` (at the corpus root, `--config`, or the nearest
//! above the corpus in its repository; with the files it `extend`s): switch
//! rules off or change their severity, for the whole corpus (`[rules]`) or for the files
//! a glob matches (`[per-path]`). The file is parsed once, by the loader
//! ([`crate::parse::config`]); this module says what its settings mean, given the codes
//! that exist.
//!
//! ```toml
//! [rules]
//! DEF003 = "off"
//! REF = "warning"          # a family: every REF rule; a code beats its family
//!
//! [per-path]
//! "documents/appendix-*/**" = { REF002 = "off" }
//! ```

use crate::diagnostic::Severity;
use crate::parse::config::{ConfigFile, PathSettings, Setting};
use std::collections::BTreeMap;

/// Code → severity; `None` switches the rule off.
pub type RuleSettings = BTreeMap<String, Option<Severity>>;

#[derive(Debug, Default, Clone)]
pub struct Config {
    pub rules: RuleSettings,
    /// `[per-path]` in file order: a later glob that matches overrides an earlier one.
    pub per_path: Vec<PathRules>,
}

/// The settings for the files one glob matches.
#[derive(Debug, Clone)]
pub struct PathRules {
    /// As written, for reports.
    pub glob: String,
    matcher: globset::GlobMatcher,
    pub rules: RuleSettings,
}

impl Config {
    /// The severity of `code` for a finding in the file at `path` (relative to the corpus
    /// root), when `[per-path]` changes it: `Some(None)` switches it off there.
    pub fn for_path(&self, code: &str, path: &str) -> Option<(Option<Severity>, &str)> {
        self.per_path
            .iter()
            .rev()
            .filter(|p| p.matcher.is_match(path))
            .find_map(|p| p.rules.get(code).map(|s| (*s, p.glob.as_str())))
    }
}

/// A setting that cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingProblem<'a> {
    /// The code names no rule and no family.
    UnknownCode(&'a Setting),
    /// The value is not "error", "warning", "info" or "off".
    NotASeverity(&'a Setting),
    /// A `[per-path]` glob that is not a valid glob; the glob parser's message.
    BadGlob(&'a PathSettings, String),
}

/// The settings of one table, families expanded to their codes (a code's own setting
/// wins over its family's, wherever it is written).
fn resolve_table<'a>(
    settings: &'a [Setting],
    codes: &[&'static str],
    problems: &mut Vec<SettingProblem<'a>>,
) -> RuleSettings {
    let mut by_family = RuleSettings::new();
    let mut by_code = RuleSettings::new();
    for s in settings {
        let name = s.code.to_ascii_uppercase();
        let is_code = codes.contains(&name.as_str());
        let is_family = !is_code && codes.iter().any(|c| crate::diagnostic::family(c) == name);
        if !is_code && !is_family {
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
        if is_code {
            by_code.insert(name, severity);
        } else {
            for c in codes
                .iter()
                .filter(|c| crate::diagnostic::family(c) == name)
            {
                by_family.insert(c.to_string(), severity);
            }
        }
    }
    by_family.extend(by_code);
    by_family
}

/// The settings that apply, and those that cannot. `codes` are every rule's code (codes
/// and families are matched in any case). A code set twice is TOML's error, not ours.
pub fn resolve<'a>(
    file: &'a ConfigFile,
    codes: &[&'static str],
) -> (Config, Vec<SettingProblem<'a>>) {
    let mut problems = Vec::new();
    let rules = resolve_table(&file.settings, codes, &mut problems);
    let mut per_path = Vec::new();
    for p in &file.per_path {
        let rules = resolve_table(&p.settings, codes, &mut problems);
        // `*` stays inside one folder; `**` crosses folders, as in .gitignore.
        match globset::GlobBuilder::new(&p.glob)
            .literal_separator(true)
            .build()
        {
            Ok(glob) => per_path.push(PathRules {
                glob: p.glob.clone(),
                matcher: glob.compile_matcher(),
                rules,
            }),
            Err(e) => problems.push(SettingProblem::BadGlob(p, e.kind().to_string())),
        }
    }
    (Config { rules, per_path }, problems)
}

/// The settings of a chain of files, `files` nearest first (the corpus's own, then what
/// it `extend`s, and so on): each file's settings override those of the files it
/// extends, a family setting included, and its `[per-path]` globs come after theirs, so
/// they win where both match. Problems are left to CFG001, file by file.
pub fn resolve_chain<'a>(
    files: impl DoubleEndedIterator<Item = &'a ConfigFile>,
    codes: &[&'static str],
) -> Config {
    let mut out = Config::default();
    for file in files.rev() {
        let (layer, _) = resolve(file, codes);
        out.rules.extend(layer.rules);
        out.per_path.extend(layer.per_path);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::config::parse;

    const CODES: &[&str] = &["LOG001", "LOG002", "DEF003"];

    #[test]
    fn reads_overrides() {
        let file = parse("[rules]\nDEF003 = \"off\"\nlog001 = \"warning\"\n");
        let (c, p) = resolve(&file, CODES);
        assert!(p.is_empty());
        assert_eq!(c.rules["DEF003"], None);
        assert_eq!(c.rules["LOG001"], Some(Severity::Warning));
    }

    #[test]
    fn reports_unknown_codes_and_bad_values() {
        let text = "[rules]\nLOG999 = \"off\"\nLOG001 = \"loud\"\nDEF003 = 1\n";
        let file = parse(text);
        let (c, p) = resolve(&file, CODES);
        assert!(c.rules.is_empty());
        let got: Vec<(bool, &str)> = p
            .iter()
            .map(|p| match p {
                SettingProblem::UnknownCode(s) => (true, &text[s.code_span.range()]),
                SettingProblem::NotASeverity(s) => (false, &text[s.code_span.range()]),
                SettingProblem::BadGlob(..) => unreachable!(),
            })
            .collect();
        assert_eq!(
            got,
            [(true, "LOG999"), (false, "LOG001"), (false, "DEF003")]
        );
    }

    #[test]
    fn a_nearer_file_wins_over_the_file_it_extends() {
        let base = parse(
            "[rules]\nLOG001 = \"off\"\nLOG002 = \"info\"\n[per-path]\n\"a/**\" = { DEF003 = \"off\" }\n",
        );
        let near = parse(
            "extend = \"base.toml\"\n[rules]\nLOG = \"warning\"\n[per-path]\n\"a/**\" = { DEF003 = \"info\" }\n",
        );
        let c = resolve_chain([&near, &base].into_iter(), CODES);
        // The nearer file's family setting overrides the base's code settings.
        assert_eq!(c.rules["LOG001"], Some(Severity::Warning));
        assert_eq!(c.rules["LOG002"], Some(Severity::Warning));
        assert_eq!(
            c.for_path("DEF003", "a/b.md"),
            Some((Some(Severity::Info), "a/**"))
        );
        // Alone, the base switches LOG001 off and DEF003 off under a/.
        let c = resolve_chain([&base].into_iter(), CODES);
        assert_eq!(c.rules["LOG001"], None);
        assert_eq!(c.for_path("DEF003", "a/b.md"), Some((None, "a/**")));
    }

    #[test]
    fn families_expand_and_codes_win() {
        let file = parse("[rules]\nLOG002 = \"info\"\nlog = \"off\"\n");
        let (c, p) = resolve(&file, CODES);
        assert!(p.is_empty());
        assert_eq!(c.rules["LOG001"], None);
        assert_eq!(c.rules["LOG002"], Some(Severity::Info));
        assert!(!c.rules.contains_key("DEF003"));
    }

    #[test]
    fn per_path_settings_match_globs_later_ones_winning() {
        let text = "[per-path]\n\"documents/**\" = { DEF = \"off\" }\n\"documents/section-a/*.md\" = { DEF003 = \"warning\" }\n\"[x\" = { LOG001 = \"off\" }\n";
        let file = parse(text);
        let (c, p) = resolve(&file, CODES);
        assert_eq!(p.len(), 1);
        assert!(matches!(&p[0], SettingProblem::BadGlob(g, _) if g.glob == "[x"));
        assert_eq!(
            c.for_path("DEF003", "documents/section-a/3.2.md"),
            Some((Some(Severity::Warning), "documents/section-a/*.md"))
        );
        assert_eq!(
            c.for_path("DEF003", "documents/section-h/9.1.md"),
            Some((None, "documents/**"))
        );
        // `*` does not cross folders.
        assert_eq!(
            c.for_path("DEF003", "documents/section-a/old/3.2.md")
                .map(|x| x.1),
            Some("documents/**")
        );
        assert_eq!(c.for_path("DEF003", "releases/57.0.md"), None);
        assert_eq!(c.for_path("LOG001", "documents/section-h/9.1.md"), None);
    }
}
