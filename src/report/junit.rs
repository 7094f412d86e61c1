//! The JUnit XML format (`--format junit`), for CI systems that show test results: one
//! test suite, `seccheck`, and one test case a rule, named by its code and name. A rule
//! that found nothing passes; one that found something fails, its failure listing each
//! finding (`path:line:column: message`, then the help); a rule switched off, or skipped
//! for want of a Document Log, is skipped, with the reason.

use crate::check::Outcome;
use crate::rules::RULES;
use crate::store::Held;
use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
use std::fmt::Write as _;

pub fn render(outcome: &Outcome) -> String {
    let corpus = &outcome.corpus;
    let held = Held::new(&corpus.files);
    let mut suite = TestSuite::new("seccheck");
    for rule in RULES {
        let name = match crate::catalogue::get(rule.code) {
            Some(e) => format!("{} {}", rule.code, e.name),
            None => rule.code.to_string(),
        };
        let off = outcome
            .disabled
            .iter()
            .find(|d| d.code == rule.code && d.paths.is_none())
            .map(|d| format!("switched off by {}", d.by))
            .or_else(|| {
                outcome
                    .skipped
                    .iter()
                    .find(|s| s.codes.contains(&rule.code))
                    .map(|s| format!("skipped: {}", s.reason))
            });
        let findings: Vec<_> = outcome
            .diagnostics
            .iter()
            .filter(|d| d.code == rule.code)
            .collect();
        let status = if let Some(why) = off {
            let mut s = TestCaseStatus::skipped();
            s.set_message(why);
            s
        } else if findings.is_empty() {
            TestCaseStatus::success()
        } else {
            let mut text = String::new();
            for d in &findings {
                let place = d.primary.as_ref().map(|l| {
                    let (line, column) = held.get(l.file).line_col(l.span.start as usize);
                    format!("{}:{line}:{column}: ", corpus.file(l.file).path)
                });
                let _ = writeln!(
                    text,
                    "{}{} {}",
                    place.unwrap_or_default(),
                    d.severity.as_str(),
                    d.message
                );
                if let Some(help) = &d.help {
                    let _ = writeln!(text, "  help: {help}");
                }
            }
            let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
            s.set_message(format!(
                "{} finding{}",
                findings.len(),
                if findings.len() == 1 { "" } else { "s" }
            ));
            s.set_type(rule.code);
            s.set_description(text);
            s
        };
        let mut case = TestCase::new(name, status);
        case.set_classname("seccheck");
        suite.add_test_case(case);
    }
    let mut report = Report::new("seccheck");
    report.add_test_suite(suite);
    report.to_string().unwrap_or_default()
}
