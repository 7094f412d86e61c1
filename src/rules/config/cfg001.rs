//! CFG001 invalid-config: `seccheck.toml` cannot be read or names what does not exist.

use crate::config::{SettingProblem, resolve};
use crate::diagnostic::Diagnostic;
use crate::model::{ConfigFile, Corpus, ExtendProblem};
use crate::parse::config::ConfigProblem;
use crate::rules::{Check, Needs, Rule};

pub const RULE: Rule = Rule {
    code: "CFG001",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    for config in &corpus.configs {
        check_file(config, out);
    }
}

fn check_file(config: &ConfigFile, out: &mut Vec<Diagnostic>) {
    let file = config.file;
    for p in &config.parsed.problems {
        let (message, help) = match p {
            ConfigProblem::InvalidToml { message, .. } => (
                format!("seccheck.toml is not valid TOML: {message}"),
                "see docs/corpus-format.md for the form of seccheck.toml".to_string(),
            ),
            ConfigProblem::UnknownTable { name, .. } => (
                format!("seccheck.toml has an unknown table `{name}`"),
                "the keys read are `extend`, `[rules]` and `[per-path]`".to_string(),
            ),
            ConfigProblem::NotATable { name, .. } => (
                format!("`{name}` must be a table of rule codes"),
                match *name {
                    "rules" => "write `[rules]` and then lines such as `DEF003 = \"off\"`",
                    _ => "write `[per-path]` and then lines such as `\"documents/**\" = { REF002 = \"off\" }`",
                }
                .to_string(),
            ),
            ConfigProblem::ExtendNotAPath { .. } => (
                "`extend` must be the path of another settings file".to_string(),
                "write `extend = \"../seccheck.toml\"` (relative to this file's folder)".to_string(),
            ),
            ConfigProblem::GlobNotATable { glob, .. } => (
                format!("the [per-path] glob `{glob}` must be given a table of rule codes"),
                format!("write `\"{glob}\" = {{ REF002 = \"off\" }}`"),
            ),
        };
        out.push(
            Diagnostic::new(RULE.code, message)
                .at(file, p.span(), "here")
                .help(help),
        );
    }
    if let (Some(problem), Some((_, span))) = (&config.extend_problem, &config.parsed.extend) {
        let (message, help) = match problem {
            ExtendProblem::Unreadable { path, why } => (
                format!("`extend` names {path}, which cannot be read: {why}"),
                "give the path of a settings file relative to this file's folder; its settings were not applied".to_string(),
            ),
            ExtendProblem::Loop { path } => (
                format!("`extend` names {path}, which was already read: the settings files extend each other in a loop"),
                "remove `extend` from one of the files; each file's settings were applied once".to_string(),
            ),
            ExtendProblem::NotOnDisk => (
                "`extend` cannot be followed from settings not read from a file".to_string(),
                "run seccheck on the corpus folder".to_string(),
            ),
        };
        out.push(
            Diagnostic::new(RULE.code, message)
                .at(file, *span, "named here")
                .help(help),
        );
    }
    let (_, problems) = resolve(&config.parsed, &crate::rules::codes());
    for p in problems {
        let d = match p {
            SettingProblem::UnknownCode(s) => Diagnostic::new(
                RULE.code,
                format!(
                    "seccheck.toml names `{}`, which is neither a rule nor a family",
                    s.code
                ),
            )
            .at(file, s.code_span, "here")
            .help(if s.code == "extend" {
                "`extend` is read only at the top of the file: move it above the first table"
            } else {
                "`seccheck rules` lists every rule code; a family is a code's letters (`REF`)"
            }),
            SettingProblem::BadGlob(p, message) => Diagnostic::new(
                RULE.code,
                format!("`{}` is not a valid glob: {message}", p.glob),
            )
            .at(file, p.glob_span, "here")
            .help("globs are relative to the corpus folder: `*` within a folder, `**` across folders, `{a,b}` either"),
            SettingProblem::NotASeverity(s) => Diagnostic::new(
                RULE.code,
                format!(
                    "`{}` is set to {}, which is not a severity",
                    s.code, s.value_text
                ),
            )
            .at(file, s.code_span, "here")
            .help("use \"error\", \"warning\", \"info\" or \"off\""),
        };
        out.push(d);
    }
}
