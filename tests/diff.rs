//! `seccheck diff --from A --to B`: the findings a stretch of releases introduced,
//! resolved and kept, on `corpus/` and on a small corpus written here.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The JSON report and the exit status.
fn diff(corpus: &Path, args: &[&str]) -> (Value, i32) {
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .arg("diff")
        .arg(corpus)
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (v, out.status.code().unwrap())
}

/// `CODE path:line` of each finding in `list`.
fn places(v: &Value, list: &str) -> Vec<String> {
    v[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {}:{}",
                d["code"].as_str().unwrap(),
                d["path"].as_str().unwrap(),
                d["line"]
            )
        })
        .collect()
}

#[test]
fn a_finding_introduced_at_57_is_reported_for_57_and_not_for_54() {
    let corpus = root().join("corpus");
    let (at57, status) = diff(&corpus, &["--from", "54.0", "--to", "57.0"]);
    assert_eq!(status, 1, "errors were introduced");
    assert_eq!(at57["kind"], "diff");
    assert_eq!(
        (at57["from"].as_str(), at57["to"].as_str()),
        (Some("54.0"), Some("57.0"))
    );
    let introduced = places(&at57, "introduced");
    // corpus/README.md: REL004 at 57.0 (Section T listed but not bumped).
    assert!(
        introduced.contains(&"REL004 releases/57.0.md:24".to_string()),
        "{introduced:#?}"
    );
    assert_eq!(introduced.len(), 16, "{introduced:#?}");
    // Section A 3.3 no longer defines ‘SMETS1 Supporting Requirements’ twice.
    assert_eq!(
        places(&at57, "resolved"),
        ["DEF001 documents/section-a/3.2.md:31"]
    );
    // 38 findings at 57.0 (the whole corpus): 16 new, 22 carried.
    assert_eq!(at57["kept"], 22);

    let (at54, _) = diff(&corpus, &["--from", "40.0", "--to", "54.0"]);
    let introduced = places(&at54, "introduced");
    assert!(
        !introduced.iter().any(|p| p.contains("57.0")),
        "{introduced:#?}"
    );
    assert!(introduced.contains(&"REL001 releases/54.0.md:3".to_string()));
    assert_eq!(introduced.len(), 5, "{introduced:#?}");

    // --since is --from up to the newest release.
    let (since, _) = diff(&corpus, &["--since", "54.0"]);
    assert_eq!(since, at57);
}

/// Section H over three releases: 1.0 cites H9.1 and H7.7 (neither exists), 1.1 mends
/// H9.1 and keeps H7.7, 1.2 adds a citation of H8.8.
fn three_releases() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(
        "document-log.csv",
        "release,effective_date,document,version,title\n\
         1.0,2020-01-01,section-h,1.0,DCC Services\n\
         2.0,2020-06-01,section-h,1.1,DCC Services\n\
         3.0,2020-09-01,section-h,1.2,DCC Services\n",
    );
    let v10 = "# Section H: DCC Services\n\nH1.1 The DCC shall act under Section H9.1.\n\nH1.2 The DCC shall report under Section H7.7.\n";
    let v11 = v10.replace("H9.1", "H1.2");
    write("documents/section-h/1.0.md", v10);
    write("documents/section-h/1.1.md", &v11);
    write(
        "documents/section-h/1.2.md",
        &format!("{v11}\nH1.3 See Section H8.8.\n"),
    );
    write(
        "redlines/section-h/1.1.md",
        &v10.replace("H9.1", "{--H9.1--}{++H1.2++}"),
    );
    dir
}

#[test]
fn a_mended_citation_is_resolved_and_a_carried_one_is_kept() {
    let dir = three_releases();
    let (v, status) = diff(dir.path(), &["--from", "1.0", "--to", "2.0"]);
    assert_eq!(places(&v, "introduced"), Vec::<String>::new());
    // H9.1 is mended in 1.1; 1.0 keeps it in the record, but it is no longer in effect.
    assert_eq!(
        places(&v, "resolved"),
        ["REF002 documents/section-h/1.0.md:3"]
    );
    // H7.7 in 1.0 and again in 1.1 (the same text in the next version: one fingerprint),
    // and 1.0's H9.1, which stays in the record.
    assert_eq!(v["kept"], 3);
    assert_eq!(status, 0, "nothing was introduced");

    let (v, status) = diff(dir.path(), &["--from", "2.0", "--to", "3.0"]);
    // 1.2 has no redline (RED003 on its log row) and cites H8.8.
    assert_eq!(
        places(&v, "introduced"),
        [
            "RED003 document-log.csv:4",
            "REF002 documents/section-h/1.2.md:7"
        ]
    );
    assert_eq!(places(&v, "resolved"), Vec::<String>::new());
    assert_eq!(status, 1);
}

#[test]
fn bad_releases_are_refused_with_the_reason() {
    let dir = three_releases();
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("seccheck")
            .unwrap()
            .arg("diff")
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    assert_eq!(
        run(&["--from", "9.0"]),
        (
            2,
            "error: the Document Log has no release 9.0 (it has 1.0, 2.0, 3.0)\n".into()
        )
    );
    assert_eq!(
        run(&["--from", "3.0", "--to", "1.0"]),
        (
            2,
            "error: --from 3.0 must be a release before --to 1.0\n".into()
        )
    );
    assert_eq!(
        run(&["--from", "x"]),
        (
            2,
            "error: `x` is not a release number such as 57.0\n".into()
        )
    );
    std::fs::remove_file(dir.path().join("document-log.csv")).unwrap();
    assert_eq!(
        run(&["--from", "1.0", "--to", "2.0"]),
        (
            2,
            "error: a diff between releases needs the Document Log, and this corpus has none\n"
                .into()
        )
    );
}

#[test]
fn the_human_report_lists_what_was_introduced_and_resolved() {
    let dir = three_releases();
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .args(["diff"])
        .arg(dir.path())
        .args(["--from", "1.0", "--to", "3.0", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // Introduced: 1.2's citation of H8.8 and its missing redline (RED003).
    assert!(text.contains("error[REF002]"), "{text}");
    assert!(text.contains("error[RED003]"), "{text}");
    assert!(text.contains("cites Section H8.8"), "{text}");
    assert!(
        !text.contains("cites Section H7.7"),
        "kept findings are not listed: {text}"
    );
    assert!(
        text.contains(
            "Resolved since 1.0:\ndocuments/section-h/1.0.md:3:38: REF002 error Section H version 1.0 cites Section H9.1"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("Releases 1.0 to 3.0: 2 introduced, 1 resolved, 4 kept.\n"),
        "{text}"
    );
}
