//! The record as it is really published (`../shared/REAL-SHAPES.md`), shape by shape.
//!
//! Each shape is a folder of `tests/fixtures/shapes/<shape>/` laid over the small corpus
//! in `_base/` (two releases, three documents, their redlines and an agreeing Document
//! Log; a file of the shape replaces the base's file of the same version). For each shape:
//! `seccheck inspect --format json` gives the facts checked by hand, the corpus gives no
//! finding, and one planted inconsistency gives exactly its finding (code, file, line).
//! Near-misses (text in the shape that must not be judged) stay silent. All the text is
//! written for this project.

use assert_cmd::Command;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn shapes() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shapes")
}

fn copy_into(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
            continue;
        }
        // A file of the shape replaces the base's file of the same version, whatever its
        // extension (`1.0.txt` for `1.0.md`).
        if let (Some(dir), Some(stem)) = (dest.parent(), dest.file_stem())
            && let Ok(entries) = std::fs::read_dir(dir)
        {
            for other in entries.flatten() {
                if other.path().file_stem() == Some(stem) && other.path() != dest {
                    std::fs::remove_file(other.path()).unwrap();
                }
            }
        }
        std::fs::copy(e.path(), &dest).unwrap();
    }
}

/// The base corpus with the shape's files laid over it, in a temporary folder.
fn corpus(shape: &str) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_into(&shapes().join("_base"), dir.path());
    copy_into(&shapes().join(shape), dir.path());
    dir
}

/// Replaces `from` (which must occur exactly once) by `to` in a file of the corpus.
fn plant(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from:?} once in {file}");
    std::fs::write(&path, text.replace(from, to)).unwrap();
}

fn inspect(dir: &Path) -> Value {
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .args(["inspect", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The facts read from one file of the corpus (the object named after its kind).
fn facts(dir: &Path, path: &str) -> Value {
    let v = inspect(dir);
    let f = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("{path} not listed"))
        .clone();
    let key = match f["kind"].as_str().unwrap() {
        "release-note" => "release_note",
        "document" => "document",
        "document-log" => "document_log",
        "version-table" => "version_table",
        other => panic!("{path} read as {other}"),
    };
    f[key].clone()
}

/// Every finding of a check of the corpus: (code, file, line).
fn findings(dir: &Path) -> Vec<(String, String, i64)> {
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .args(["--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["path"].as_str().unwrap().to_string(),
                d["line"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn clean(dir: &Path) {
    assert_eq!(findings(dir), [], "the shape is clean");
}

fn one(dir: &Path, code: &str, file: &str, line: i64) {
    assert_eq!(
        findings(dir),
        [(code.to_string(), file.to_string(), line)],
        "exactly the planted finding"
    );
}

const NOTE: &str = "releases/58.0.txt";

/// The two proposals and two documents every note of the base release names.
fn proposals() -> Value {
    json!([
        {"id": "MP211", "title": "Faster Enrolment of Devices"},
        {"id": "MP214", "title": "Charging Statement Timing"}
    ])
}

fn affected() -> Value {
    json!([
        {"document": "section-h", "title": "DCC Services"},
        {"document": "appendix-ac", "title": "Inventory, Enrolment and Decommissioning Procedures"}
    ])
}

/// The facts every note of the base release should give, with the given dates.
fn assert_note(n: &Value, effective: Option<&str>, published: &str) {
    assert_eq!(n["version"], "58.0", "{n}");
    assert_eq!(n["effective_date"], json!(effective), "{n}");
    assert_eq!(n["published_date"], published, "{n}");
    assert_eq!(n["stated_count"], 2, "{n}");
    assert_eq!(n["proposals"], proposals(), "{n}");
    assert_eq!(n["summarised"], json!(["MP211", "MP214"]), "{n}");
    assert_eq!(n["summary_claims"], json!(["implemented", "implemented"]), "{n}");
    assert_eq!(n["affected"], affected(), "{n}");
    assert_eq!(n["affected_complete"], true, "{n}");
}

// ---------------------------------------------------------------------------------------
// Release notes

#[test]
fn base_is_clean() {
    clean(&corpus("_base"));
}
