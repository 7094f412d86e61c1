//! Inline suppressions end to end: what they accept leaves the report, is counted and
//! listed with its reason; in Markdown, in a Word comment, and in a Document Log row.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(path: &Path, args: &[&str]) -> (String, Value) {
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .arg(path)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let human = Command::cargo_bin("seccheck")
        .unwrap()
        .arg(path)
        .args(args)
        .output()
        .unwrap();
    (String::from_utf8(human.stdout).unwrap(), json)
}

#[test]
fn suppressed_findings_are_counted_and_listed_with_their_reasons() {
    let pass = root().join("tests/fixtures/rules/SUP001/pass");
    let (human, json) = run(&pass, &["--show-suppressed", "--color", "never"]);
    assert_eq!(json["summary"]["suppressed"], 3);
    let suppressed: Vec<(String, String, u64, String)> = json["suppressed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["code"].as_str().unwrap().to_string(),
                s["path"].as_str().unwrap().to_string(),
                s["line"].as_u64().unwrap(),
                s["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        suppressed,
        [
            (
                "REF002".into(),
                "documents/section-h/1.0.md".into(),
                7,
                "the clause is reinstated by MP210".into()
            ),
            (
                "REF002".into(),
                "documents/section-h/1.0.md".into(),
                9,
                "both reinstated by MP210".into()
            ),
            // The Word comment on paragraph 2 (J1.1).
            (
                "REF002".into(),
                "documents/section-j/1.0.docx".into(),
                2,
                "reinstated by MP210".into()
            ),
        ]
    );
    // J1.2's REF002 is covered by nothing: still reported.
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["REF002"]);
    assert!(
        human.contains("suppressed inline:\n  documents/section-h/1.0.md:7:38: REF002 "),
        "{human}"
    );
    assert!(
        human.contains(" — because: reinstated by MP210\n"),
        "{human}"
    );
    assert!(
        human.ends_with("1 error, 0 warnings, 0 infos; 3 suppressed.\n"),
        "{human}"
    );
    // Without --show-suppressed, one line says how many.
    let (human, _) = run(&pass, &["--color", "never"]);
    assert!(
        human.contains("note: 3 findings were suppressed inline (--show-suppressed lists them)\n"),
        "{human}"
    );
    assert!(!human.contains("because:"));
}

#[test]
fn a_document_log_row_suppresses_its_finding() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    copy_dir(&root().join("corpus"), &corpus);
    let log = std::fs::read_to_string(corpus.join("document-log.csv")).unwrap();
    let mut lines: Vec<String> = log.lines().map(String::from).collect();
    lines[0].push_str(",notes");
    // Row 19 gives release 40.0 a date the other rows do not (LOG006).
    assert!(lines[18].starts_with("40.0,2021-06-23,"), "{}", lines[18]);
    lines[18].push_str(",seccheck-ignore LOG006: published with this date; the Panel accepted it");
    std::fs::write(corpus.join("document-log.csv"), lines.join("\n") + "\n").unwrap();
    let (_, json) = run(&corpus, &[]);
    let codes_at = |v: &Value| -> Vec<(String, u64)> {
        v.as_array()
            .unwrap()
            .iter()
            .filter(|d| d["path"] == "document-log.csv")
            .map(|d| {
                (
                    d["code"].as_str().unwrap().to_string(),
                    d["line"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    assert!(!codes_at(&json["diagnostics"]).contains(&("LOG006".into(), 19)));
    assert_eq!(codes_at(&json["suppressed"]), [("LOG006".to_string(), 19)]);
    assert_eq!(json["summary"]["errors"], 31);
    assert_eq!(json["summary"]["suppressed"], 1);
    assert!(
        !json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "SUP001"),
        "{json:#}"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}
