//! `--format junit`, read back by a real JUnit parser (Python's `junitparser`): one test
//! case a rule, failing with its findings, skipped when the rule did not run.
//!
//! `.ci/run` installs junitparser when missing and sets `SECCHECK_CI`, so in CI these
//! tests always run. Elsewhere, without junitparser, they say so and check only what
//! Rust can (the XML's counts).

use assert_cmd::Command;
use std::path::Path;

#[path = "common/python.rs"]
mod python;

fn junit(path: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .arg(path)
        .args(["--format", "junit"])
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// What junitparser reads: per case, `name|result|message`, and the totals; `None` when
/// junitparser is missing outside CI.
fn parse(xml: &str) -> Option<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.xml");
    std::fs::write(&file, xml).unwrap();
    let script = r#"
import sys
try:
    from junitparser import JUnitXml, Failure, Skipped
except ImportError:
    sys.exit(3)
xml = JUnitXml.fromfile(sys.argv[1])
for suite in xml:
    print(f"suite|{suite.name}|{suite.tests}|{suite.failures}|{suite.skipped}")
    for case in suite:
        result = case.result[0] if case.result else None
        kind = "failure" if isinstance(result, Failure) else "skipped" if isinstance(result, Skipped) else "passed"
        print(f"{case.name}|{kind}|{result.message if result is not None else ''}")
"#;
    python::lines(script, &[file.as_os_str()], "junitparser")
}

#[test]
fn the_report_of_the_sample_corpus_reads_back() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let xml = junit(&corpus, &[]);
    let rules = seccheck::rules::RULES.len();
    assert!(xml.contains(&format!(
        "<testsuites name=\"seccheck\" tests=\"{rules}\" skipped=\"0\" failures=\"37\" errors=\"0\">"
    )));
    let Some(lines) = parse(&xml) else { return };
    // corpus/ has 38 findings of 37 rules (REF003 twice); every rule runs.
    assert_eq!(lines[0], format!("suite|seccheck|{rules}|37|0"));
    assert_eq!(lines.len(), rules + 1);
    assert!(lines.contains(&"REF003 cited-title-differs|failure|2 findings".to_string()));
    assert!(lines.contains(&"CFG001 invalid-config|passed|".to_string()));
    assert!(lines.contains(&"DATE001 impossible-date|failure|1 finding".to_string()));
}

#[test]
fn rules_that_did_not_run_are_skipped_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("documents/section-h/1.0.md");
    std::fs::create_dir_all(doc.parent().unwrap()).unwrap();
    std::fs::write(
        &doc,
        "# Section H: DCC Services\n\nH1.1 The DCC shall act.\n",
    )
    .unwrap();
    let xml = junit(dir.path(), &["--ignore", "DEF"]);
    assert!(
        xml.contains("<skipped message=\"switched off by --ignore\""),
        "{xml}"
    );
    let Some(lines) = parse(&xml) else { return };
    assert!(
        lines.contains(&"DEF001 duplicate-definition|skipped|switched off by --ignore".to_string()),
        "{lines:#?}"
    );
    assert!(
        lines.contains(
            &"LOG001 logged-version-without-file|skipped|skipped: the corpus has no document-log.csv"
                .to_string()
        ),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("REF002 ") && l.ends_with("|passed|"))
    );
}
