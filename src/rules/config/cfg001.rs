//! CFG001 invalid-config: `seccheck.toml` cannot be read or names what does not exist.

use crate::config::{SettingProblem, resolve};
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::parse::config::ConfigProblem;
use crate::rules::{Check, Needs, Rule};

pub const RULE: Rule = Rule {
    code: "CFG001",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(config) = &corpus.config else { return };
    let file = config.file;
    for p in &config.parsed.problems {
        let (message, help) = match p {
            ConfigProblem::InvalidToml { message, .. } => (
                format!("seccheck.toml is not valid TOML: {message}"),
                "see docs/corpus-format.md for the form of seccheck.toml".to_string(),
            ),
            ConfigProblem::UnknownTable { name, .. } => (
                format!("seccheck.toml has an unknown table `{name}`"),
                "the only table read is `[rules]`".to_string(),
            ),
            ConfigProblem::RulesNotATable { .. } => (
                "`rules` must be a table of rule codes".to_string(),
                "write `[rules]` and then lines such as `DEF003 = \"off\"`".to_string(),
            ),
        };
        out.push(
            Diagnostic::new(RULE.code, message)
                .at(file, p.span(), "here")
                .help(help),
        );
    }
    let (_, problems) = resolve(&config.parsed, |c| crate::rules::get(c).is_some());
    for p in problems {
        let d = match p {
            SettingProblem::UnknownCode(s) => Diagnostic::new(
                RULE.code,
                format!("seccheck.toml names `{}`, which is not a rule", s.code),
            )
            .at(file, s.code_span, "here")
            .help("`seccheck rules` lists every rule code"),
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
