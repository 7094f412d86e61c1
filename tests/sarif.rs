//! `--format sarif`: validated against the SARIF 2.1.0 JSON schema, and compared finding by
//! finding with the JSON report.
//!
//! The schema is the OASIS SARIF 2.1.0 schema (`Schemata/sarif-schema-2.1.0.json` of
//! github.com/oasis-tcs/sarif-spec) as the `serde-sarif` crate ships it (`src/schema.json`,
//! the schema its types are generated from); the test finds it through `cargo metadata`,
//! so no copy is kept here. `$SECCHECK_SARIF_SCHEMA` names another copy to use instead:
//! on 2026-12-05 these tests also passed against the OASIS errata 01 schema
//! (`sarif-2.1/schema/sarif-schema-2.1.0.json` of oasis-tcs/sarif-spec at e058381, draft-04,
//! which differs from the crate's copy in 10 of 52 definitions).
//! It is checked with Python's `jsonschema`, which `.ci/run` installs when missing; in CI
//! (`SECCHECK_CI`) a missing validator fails the test, elsewhere the test says so and
//! checks only the report's contents.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

#[path = "common/python.rs"]
mod python;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(dir: &Path, args: &[&str]) -> Value {
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn schema() -> PathBuf {
    if let Some(p) = std::env::var_os("SECCHECK_SARIF_SCHEMA") {
        return p.into();
    }
    let out = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(root())
        .output()
        .unwrap();
    let meta: Value = serde_json::from_slice(&out.stdout).unwrap();
    let manifest = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "serde-sarif")
        .expect("serde-sarif is a dependency")["manifest_path"]
        .as_str()
        .unwrap()
        .to_string();
    Path::new(&manifest).with_file_name("src/schema.json")
}

/// The schema's complaints about `report` (empty: valid); `None` when Python's
/// `jsonschema` is missing outside CI.
fn schema_errors(report: &Value) -> Option<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.sarif");
    std::fs::write(&file, serde_json::to_vec(report).unwrap()).unwrap();
    let script = r#"
import json, sys
try:
    import jsonschema
except ImportError:
    sys.exit(3)
schema = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
validator = jsonschema.validators.validator_for(schema)(schema)
for e in validator.iter_errors(report):
    print("/".join(str(p) for p in e.absolute_path), e.message)
"#;
    python::lines(
        script,
        &[schema().as_os_str(), file.as_os_str()],
        "jsonschema",
    )
}

#[test]
fn the_report_of_the_sample_corpus_is_valid_sarif() {
    let sarif = run(root(), &["corpus", "--format", "sarif"]);
    if let Some(errors) = schema_errors(&sarif) {
        assert!(errors.is_empty(), "{errors:#?}");
    }
    // The validator can fail: a level SARIF does not know is refused.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    if let Some(errors) = schema_errors(&broken) {
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(
            errors[0].starts_with("runs/0/results/0/level "),
            "{errors:#?}"
        );
    }
}

#[test]
fn each_finding_is_a_result_with_the_json_reports_place_and_fingerprint() {
    let sarif = run(root(), &["corpus", "--format", "sarif"]);
    let json = run(root(), &["corpus", "--format", "json"]);
    let run0 = &sarif["runs"][0];
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), seccheck::rules::RULES.len());
    let results = run0["results"].as_array().unwrap();
    let findings = json["diagnostics"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    assert_eq!(results.len(), 38);
    for (r, f) in results.iter().zip(findings) {
        let code = f["code"].as_str().unwrap();
        assert_eq!(r["ruleId"], code);
        // ruleIndex points at the rule's descriptor.
        let rule = &rules[r["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], code);
        let level = match f["severity"].as_str().unwrap() {
            "info" => "note",
            other => other,
        };
        assert_eq!(r["level"], level);
        assert!(
            r["message"]["text"]
                .as_str()
                .unwrap()
                .starts_with(f["message"].as_str().unwrap())
        );
        assert_eq!(r["partialFingerprints"]["seccheck/v1"], f["fingerprint"]);
        let place = &r["locations"][0]["physicalLocation"];
        // Paths from where seccheck runs: the corpus folder as given, then the path.
        assert_eq!(
            place["artifactLocation"]["uri"],
            format!("corpus/{}", f["path"].as_str().unwrap())
        );
        let region = &place["region"];
        for (sarif_key, json_key) in [
            ("startLine", "line"),
            ("startColumn", "column"),
            ("endLine", "end_line"),
            ("endColumn", "end_column"),
        ] {
            assert_eq!(region[sarif_key], f[json_key], "{code} {sarif_key}");
        }
        assert_eq!(region["byteOffset"], f["span"]["start"]);
        assert_eq!(
            r["relatedLocations"].as_array().unwrap().len(),
            f["related"].as_array().unwrap().len()
        );
        // A fix is the JSON report's, as a replacement of a region.
        match (&r["fixes"], &f["fix"]) {
            (Value::Null, Value::Null) => {}
            (fixes, fix) => {
                let change = &fixes[0]["artifactChanges"][0];
                assert_eq!(
                    change["artifactLocation"]["uri"],
                    format!("corpus/{}", fix["path"].as_str().unwrap())
                );
                let replacement = &change["replacements"][0];
                assert_eq!(replacement["insertedContent"]["text"], fix["replacement"]);
                let deleted = &replacement["deletedRegion"];
                assert_eq!(deleted["startLine"], fix["line"], "{code}");
                assert_eq!(deleted["endColumn"], fix["end_column"], "{code}");
                assert_eq!(deleted["byteOffset"], fix["span"]["start"], "{code}");
            }
        }
    }
    // Five findings of the sample corpus offer a fix (see tests/cli.rs, --diff).
    assert_eq!(results.iter().filter(|r| r["fixes"].is_array()).count(), 5);
    // One finding in full, checked by hand: LOG006 on line 19 of the log, its other side
    // on line 13.
    let log006 = results.iter().find(|r| r["ruleId"] == "LOG006").unwrap();
    assert_eq!(
        log006["locations"][0]["physicalLocation"]["region"]["startLine"],
        19
    );
    let related = &log006["relatedLocations"][0];
    assert_eq!(related["id"], 1);
    assert_eq!(related["message"]["text"], "2021-06-24 here");
    assert_eq!(related["physicalLocation"]["region"]["startLine"], 13);
    let rule = &rules[log006["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["defaultConfiguration"]["level"], "error");
    assert!(
        rule["help"]["text"]
            .as_str()
            .unwrap()
            .starts_with("LOG006 (")
    );
}

#[test]
fn rules_switched_off_suppressed_findings_and_skipped_families_are_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("documents/section-h/1.0.md");
    std::fs::create_dir_all(doc.parent().unwrap()).unwrap();
    std::fs::write(
        &doc,
        "# Section H: DCC Services\n\n\
         <!-- seccheck-ignore REF002 — H9 is added by a later release -->\n\
         H1.1 The DCC shall act under Section H9.1.\n\n\
         H1.2 See Section H7.7.\n",
    )
    .unwrap();
    let sarif = run(
        dir.path(),
        &[".", "--format", "sarif", "--ignore", "DEF001"],
    );
    if let Some(errors) = schema_errors(&sarif) {
        assert!(errors.is_empty(), "{errors:#?}");
    }
    let run0 = &sarif["runs"][0];
    let results = run0["results"].as_array().unwrap();
    let ref002: Vec<_> = results.iter().filter(|r| r["ruleId"] == "REF002").collect();
    assert_eq!(ref002.len(), 2, "{results:#?}");
    // The reported one first, then the suppressed one with its reason.
    assert!(ref002[0].get("suppressions").is_none());
    assert_eq!(
        ref002[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        6
    );
    assert_eq!(ref002[1]["suppressions"][0]["kind"], "inSource");
    assert_eq!(
        ref002[1]["suppressions"][0]["justification"],
        "H9 is added by a later release"
    );
    // `.` as the corpus: paths as they are.
    assert_eq!(
        ref002[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "documents/section-h/1.0.md"
    );
    let invocation = &run0["invocations"][0];
    let overrides = invocation["ruleConfigurationOverrides"].as_array().unwrap();
    assert_eq!(overrides.len(), 1);
    assert_eq!(overrides[0]["descriptor"]["id"], "DEF001");
    assert_eq!(overrides[0]["configuration"]["enabled"], false);
    assert_eq!(
        overrides[0]["configuration"]["properties"]["switchedOffBy"],
        "--ignore"
    );
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert!(
        notes.iter().any(|n| n["associatedRule"]["id"] == "LOG001"
            && n["message"]["text"]
                .as_str()
                .unwrap()
                .contains("no document-log.csv")),
        "{notes:#?}"
    );
}
