//! `seccheck inspect`: the facts read from each file of a small corpus in published
//! shapes (a note copied from a web page, a document exported from Word with cover lines
//! and a two-line heading, a log with UK dates), checked field by field; the same corpus
//! gives no finding, and one planted inconsistency gives exactly its finding.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inspect")
}

fn inspect(path: &Path, format: &str) -> String {
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .args(["inspect", "--format", format])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn file<'a>(v: &'a Value, path: &str) -> &'a Value {
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("{path} not listed"))
}

#[test]
fn facts_of_each_file() {
    let v: Value = serde_json::from_str(&inspect(&fixture(), "json")).unwrap();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["kind"], "inspect");
    let note = file(&v, "releases/58.0.txt");
    assert_eq!(note["kind"], "release-note");
    let n = &note["release_note"];
    assert_eq!(n["version"], "58.0");
    assert_eq!(n["previous_versions"], serde_json::json!(["57.0"]));
    // The effect sentence's date, not the publication date under the title.
    assert_eq!(n["effective_date"], "2022-06-23");
    assert_eq!(n["published_date"], "2022-06-24");
    assert_eq!(n["stated_count"], 2);
    assert_eq!(
        n["proposals"],
        serde_json::json!([
            {"id": "MP211", "title": "Faster Enrolment of Devices"},
            {"id": "MP214", "title": "Charging Statement Timing"}
        ])
    );
    assert_eq!(n["summarised"], serde_json::json!(["MP211", "MP214"]));
    assert_eq!(
        n["summary_claims"],
        serde_json::json!(["implemented", "implemented"])
    );
    assert_eq!(
        n["affected"],
        serde_json::json!([{"document": "section-h", "title": "DCC Services"}])
    );
    assert_eq!(n["affected_complete"], true);

    let h = &file(&v, "documents/section-h/1.1.md")["document"];
    assert_eq!(h["document"], "section-h");
    assert_eq!(h["version"], "1.1");
    assert_eq!(h["title"], "DCC SERVICES");
    assert_eq!(h["clauses"], serde_json::json!(["H1", "H1.1", "H1.2"]));
    // A part number with title words alone on its line, as a PDF export gives it.
    assert_eq!(
        h["headings"],
        serde_json::json!([{"clause": "H1", "title": "General"}])
    );
    assert_eq!(
        h["version_table"],
        serde_json::json!([
            {"version": "1.0", "date": "2022-02-24"},
            {"version": "1.1", "date": "2022-06-23"}
        ])
    );
    assert_eq!(h["version_table_complete"], true);

    let a = &file(&v, "documents/section-a/1.0.md")["document"];
    assert_eq!(a["title"], "DEFINITIONS AND INTERPRETATION");
    assert_eq!(
        a["definitions"],
        serde_json::json!(["DCC Services", "Forecast"])
    );

    let log = &file(&v, "document-log.csv")["document_log"];
    assert_eq!(log["rows"], 4);
    assert_eq!(log["releases"], serde_json::json!(["57.0", "58.0"]));
    let r = &file(&v, "redlines/section-h/1.1.md")["redline"];
    assert_eq!(
        (r["insertions"].as_u64(), r["deletions"].as_u64()),
        (Some(2), Some(0))
    );
}

#[test]
fn the_human_form_says_what_was_not_read_whole() {
    let text = inspect(&fixture(), "human");
    assert!(text.contains("releases/58.0.txt  (release note)\n  SEC version: 58.0\n  replaces: 57.0\n  effective date: 2022-06-23\n  published: 2022-06-24\n"), "{text}");
    assert!(
        text.contains("  affected list (read whole):\n    section-h ‘DCC Services’\n"),
        "{text}"
    );
    // A list with a line it cannot read says so.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("note.txt"),
        "SEC v58.0 published\n\nWhat parts of the SEC were affected?\n\n- Section H\n- Various other changes\n",
    )
    .unwrap();
    let text = inspect(dir.path(), "human");
    assert!(text.contains("affected list (NOT read whole: REL003 and REL007 do not judge it):\n    section-h\n    ?\n"), "{text}");
}

fn check_json(path: &Path) -> Value {
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .args(["--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn clean_and_with_one_planted_inconsistency() {
    let v = check_json(&fixture());
    assert_eq!(
        v["diagnostics"],
        serde_json::json!([]),
        "the fixture is clean"
    );
    // Copy it and plant one inconsistency: the note's effective date.
    let dir = tempfile::tempdir().unwrap();
    for e in walkdir::WalkDir::new(fixture()) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(fixture()).unwrap();
        let to = dir.path().join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
    let note = dir.path().join("releases/58.0.txt");
    let text = std::fs::read_to_string(&note).unwrap();
    std::fs::write(
        &note,
        text.replace(
            "came into effect on 23 June 2022",
            "came into effect on 22 June 2022",
        ),
    )
    .unwrap();
    let v = check_json(dir.path());
    let found: Vec<(&str, i64)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["line"].as_i64().unwrap()))
        .collect();
    assert_eq!(found, [("REL001", 6)]);
}
