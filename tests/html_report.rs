//! The HTML report (`seccheck report`, `--format html`) read as text: its structure, that
//! every text is escaped, its size for the sample corpus, and that every finding of the
//! JSON report is in it with its code and place. tests/browser.rs looks at it in Chromium.

use assert_cmd::Command;
use std::path::Path;

fn corpus() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
}

fn report(path: &Path, args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let run = Command::cargo_bin("seccheck")
        .unwrap()
        .arg("report")
        .arg(path)
        .arg("-o")
        .arg(&out)
        .args(args)
        .output()
        .unwrap();
    assert!(
        run.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::read_to_string(out).unwrap()
}

fn json(path: &Path) -> serde_json::Value {
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .arg(path)
        .args(["--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_sample_report_is_one_small_self_contained_page() {
    let html = report(corpus(), &[]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.len() < 1_000_000, "{} bytes", html.len());
    for part in [
        r#"<html lang="en">"#,
        r#"<section id="summary""#,
        r#"<section id="releases""#,
        r#"<section id="findings""#,
        "<svg role=\"img\"",
        r#"<th scope="col">"#,
        r#"id="release-57.0""#,
        r#"<section class="redline" id="redline-57.0-section-h""#,
        "<ins>",
        "<del>",
        r#"<details class="fold">"#,
        "@media print",
        r#"<form id="filters" hidden"#,
    ] {
        assert!(html.contains(part), "no {part}");
    }
    // Nothing is fetched: no external script, style, font or image.
    for bad in ["<link", "src=\"http", "url(", "@import", "<img"] {
        assert!(!html.contains(bad), "{bad}");
    }
    // Under the clause the release deleted, what still cites it.
    let deleted = html.find(r#"id="redline-57.0-section-h-H4.9""#).unwrap();
    let cited = &html[deleted..];
    assert!(cited.contains("<del>H4.9 Where a Service Request"));
    assert!(cited.contains("Still cited at release 57.0:"));
    assert!(cited.contains("documents/section-g/4.1.md:16:113: Section H4.9 (in effect at 57.0)"));
    // Only the release shown carries redlines (the newest by default).
    assert!(!html.contains(r#"id="redline-54.0-"#));
    assert_eq!(html.matches("</script>").count(), 2);
}

#[test]
fn every_finding_of_the_json_report_is_listed_with_its_code_and_place() {
    let html = report(corpus(), &[]);
    let diagnostics = json(corpus())["diagnostics"].as_array().unwrap().clone();
    assert!(diagnostics.len() > 20);
    let items: Vec<&str> = html.split(r#"<li class="finding"#).skip(1).collect();
    assert_eq!(items.len(), diagnostics.len());
    for (i, (d, item)) in diagnostics.iter().zip(&items).enumerate() {
        let code = d["code"].as_str().unwrap();
        let place = format!(
            "{}:{}:{}",
            d["path"].as_str().unwrap(),
            d["line"],
            d["column"]
        );
        assert!(
            item.contains(&format!(r#"id="f{}" data-code="{code}""#, i + 1)),
            "{item}"
        );
        assert!(item.contains(&place), "{place} not in {item}");
    }
}

#[test]
fn every_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    copy(corpus(), &root);
    let log = root.join("document-log.csv");
    let text = std::fs::read_to_string(&log).unwrap().replace(
        ",DCC Services",
        r#","DCC <script>alert(1)</script> Services & <marquee>"""#,
    );
    std::fs::write(&log, text).unwrap();
    let html = report(&root, &[]);
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<marquee"));
    assert!(html.contains(
        "DCC &#60;script&#62;alert(1)&#60;/script&#62; Services &#38; &#60;marquee&#62;"
    ));
    assert_eq!(html.matches("</script>").count(), 2);
}

#[test]
fn a_release_asked_for_scopes_the_findings_and_carries_the_redlines() {
    let html = report(corpus(), &["--release", "54.0"]);
    assert!(html.contains(r#"id="redline-54.0-"#));
    assert!(!html.contains(r#"id="redline-57.0-"#));
    assert!(html.contains("Only the findings placed in what release <strong>54.0</strong>"));
}

#[test]
fn check_writes_the_same_page_with_format_html() {
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .arg(corpus())
        .args(["--format", "html"])
        .output()
        .unwrap();
    let page = String::from_utf8(out.stdout).unwrap();
    assert_eq!(page, report(corpus(), &[]));
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}
