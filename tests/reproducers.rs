//! The performance reproducers of issue 13, at a tenth of their size or less, each with a
//! bound on the report's size in the human and JSON formats. At full size (8,000 broken
//! citations on one line, 6,000 different missing clauses, a release note summarising
//! 50,000 proposals under two titles each) each once took from seconds to minutes and
//! wrote hundreds of megabytes; BENCHMARKS.md's "Hostile inputs" gives their times now.
//! No test here is timed: the bound is on output, which grows with work done per finding.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// Section H with clauses H1.1 to H1.39.
fn section_h(root: &Path) {
    let mut h = String::from("# Section H: DCC Services\n\n");
    for k in 1..40 {
        h.push_str(&format!("H1.{k} The DCC shall keep record {k}.\n\n"));
    }
    write(root, "documents/section-h/1.0.md", &h);
}

/// The report in `format`: (stdout, exit code).
fn report(root: &Path, format: &str) -> (String, i32) {
    let mut cmd = Command::cargo_bin("seccheck").unwrap();
    // None of the environment that changes the human report's look.
    for var in ["COLUMNS", "FORCE_COLOR", "CLICOLOR_FORCE"] {
        cmd.env_remove(var);
    }
    let out = cmd
        .arg(root)
        .args(["--format", format])
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

/// Checks both formats: exit 1, at most `max_bytes` of report each, `listed` findings of
/// `code` listed and one more that says how many are not. Returns the JSON report.
fn bounded(root: &Path, code: &str, listed: usize, not_listed: usize, max_bytes: usize) -> Value {
    let (human, status) = report(root, "human");
    assert_eq!(status, 1);
    assert!(
        human.len() <= max_bytes,
        "human report of {} bytes",
        human.len()
    );
    assert_eq!(human.matches(&format!("error[{code}]")).count(), listed + 1);
    let more = format!("{not_listed} more {code} findings in this file are not listed");
    assert!(human.contains(&more), "no “{more}”");
    let (json, status) = report(root, "json");
    assert_eq!(status, 1);
    assert!(
        json.len() <= max_bytes,
        "JSON report of {} bytes",
        json.len()
    );
    let v: Value = serde_json::from_str(&json).unwrap();
    let found = v["diagnostics"].as_array().unwrap();
    assert_eq!(
        found.iter().filter(|d| d["code"] == code).count(),
        listed + 1
    );
    assert_eq!(found.last().unwrap()["message"], more.as_str());
    v
}

#[test]
fn broken_citations_on_one_long_line() {
    // 800 citations of a missing clause on one line of 15 KB, and a good citation on a
    // line nearby: the snippet shows a window of the long line once per finding, never
    // the line whole for each related label.
    let dir = tempfile::tempdir().unwrap();
    section_h(dir.path());
    let line = "see Section H1.99; ".repeat(800);
    write(
        dir.path(),
        "documents/section-g/1.0.md",
        &format!("# Section G: Security\n\nG1.1 {line}\n\nG1.2 As Section H1.1 says.\n"),
    );
    let v = bounded(dir.path(), "REF002", 100, 700, 120_000);
    // Columns count characters on the long line: the 100th citation's clause number is
    // 99 repeats of 19 characters in, after "G1.1 " and "see Section ".
    let last_listed = &v["diagnostics"].as_array().unwrap()[99];
    assert_eq!(last_listed["line"], 3);
    assert_eq!(last_listed["column"], 6 + 99 * 19 + 12);
}

#[test]
fn many_different_missing_clauses() {
    // 600 citations of clauses Section H does not have, each a different number: each
    // gets a suggestion from the clauses that exist, found without comparing every
    // missing citation with every clause.
    let dir = tempfile::tempdir().unwrap();
    section_h(dir.path());
    let mut g = String::from("# Section G: Security\n\n");
    for k in 1..=600 {
        g.push_str(&format!(
            "G1.{k} As Section H{}.{k} requires.\n\n",
            k % 90 + 2
        ));
    }
    write(dir.path(), "documents/section-g/1.0.md", &g);
    let v = bounded(dir.path(), "REF002", 100, 500, 120_000);
    let first = &v["diagnostics"].as_array().unwrap()[0];
    assert_eq!(
        first["message"],
        "Section G version 1.0 cites Section H3.1, which this folder's copy of Section H does not have"
    );
    assert!(
        first["help"]
            .as_str()
            .unwrap()
            .starts_with("did you mean Section H1.1?"),
        "{}",
        first["help"]
    );
}

#[test]
fn a_note_summarising_thousands_of_proposals_under_two_titles() {
    // 5,000 proposals, each summarised twice under two titles: the parser, REL006's
    // comparison and the report stay linear.
    let dir = tempfile::tempdir().unwrap();
    section_h(dir.path());
    let mut note = String::from(
        "# SEC v57.0 published\n\n24 February 2022\n\nSEC version 57.0 came into effect on 24 February 2022. This included 5000 Modification Proposals.\n\n## Summary of changes\n\n",
    );
    for k in 1..=5000 {
        note.push_str(&format!(
            "MP{k} ‘Alpha Change {k}’ amends Section H1.1.\n\nMP{k} ‘Beta Change {k}’ amends Section H1.2.\n\n"
        ));
    }
    note.push_str("## What parts of the SEC were affected?\n\n- Section H ‘DCC Services’\n");
    write(dir.path(), "releases/57.0.md", &note);
    let v = bounded(dir.path(), "REL006", 100, 4900, 150_000);
    let found = v["diagnostics"].as_array().unwrap();
    // Only the title disagreements: the count the note states is right.
    assert!(found.iter().all(|d| d["code"] == "REL006"));
}
