//! Release notes saved from the website as web pages (`tests/fixtures/html/`), checked in
//! a contract corpus: read like their text twins, with findings placed in the page's
//! source as an editor shows it.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

fn page(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/html")
        .join(name);
    fs::read_to_string(p).unwrap()
}

const A: &str = "# Section A: Definitions and Interpretation\n\nA1.1 In this Code, words have the meanings given";
const H: &str = "# Section H: DCC Services\n\nH1.1 The DCC shall provide the Services";
const AC: &str = "# Appendix AC – Inventory, Enrolment and Withdrawal Procedures\n\n1.1 A Supplier shall enrol each device";

const NOTE_56: &str = "# SEC v56.0 published for the November 2021 SEC Release

4 November 2021

SEC version 56.0 came into effect on 4 November 2021.

## What parts of the SEC were affected?

- Section A ‘Definitions and Interpretation’
- Section H ‘DCC Services’
- Appendix AC ‘Inventory, Enrolment and Withdrawal Procedures’
";

/// Releases 56.0 and 57.0; 57.0 changes Section A and Appendix AC, as every page says,
/// and also Section H when `bump_h`, which no page lists. The 57.0 note is `page`.
fn corpus(page: &str, bump_h: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let h57 = if bump_h { "1.1" } else { "1.0" };
    write(
        root,
        "document-log.csv",
        &format!(
            "release,effective_date,document,version,title\n\
             56.0,2021-11-04,section-a,2.0,Definitions and Interpretation\n\
             56.0,2021-11-04,section-h,1.0,DCC Services\n\
             56.0,2021-11-04,appendix-ac,1.0,\"Inventory, Enrolment and Withdrawal Procedures\"\n\
             57.0,2022-02-24,section-a,2.1,Definitions and Interpretation\n\
             57.0,2022-02-24,section-h,{h57},DCC Services\n\
             57.0,2022-02-24,appendix-ac,1.1,\"Inventory, Enrolment and Withdrawal Procedures\"\n"
        ),
    );
    let mut versions = vec![
        ("section-a", "2.0", A, " here.\n", ""),
        ("section-a", "2.1", A, " below.\n", "{~~ here~> below~~}.\n"),
        ("section-h", "1.0", H, ".\n", ""),
        ("appendix-ac", "1.0", AC, ".\n", ""),
        (
            "appendix-ac",
            "1.1",
            AC,
            " promptly.\n",
            "{++ promptly++}.\n",
        ),
    ];
    if bump_h {
        versions.push(("section-h", "1.1", H, " promptly.\n", "{++ promptly++}.\n"));
    }
    for (doc, v, body, tail, change) in versions {
        write(
            root,
            &format!("documents/{doc}/{v}.md"),
            &format!("{body}{tail}"),
        );
        if !change.is_empty() {
            write(
                root,
                &format!("redlines/{doc}/{v}.md"),
                &format!("{body}{change}"),
            );
        }
    }
    write(root, "releases/56.0.md", NOTE_56);
    write(root, "releases/57.0.html", page);
    dir
}

fn check(dir: &Path) -> Value {
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .arg(dir)
        .args(["--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

fn diagnostics(v: &Value) -> &Vec<Value> {
    v["diagnostics"].as_array().unwrap()
}

const PAGES: [&str; 3] = ["list.html", "table.html", "br.html"];

#[test]
fn a_page_that_agrees_with_the_log_gives_no_finding() {
    for name in PAGES {
        let dir = corpus(&page(name), false);
        let v = check(dir.path());
        assert!(diagnostics(&v).is_empty(), "{name}: {:#}", v["diagnostics"]);
        let kinds: Vec<(&str, &str)> = v["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["path"].as_str().unwrap(), f["kind"].as_str().unwrap()))
            .collect();
        assert!(
            kinds.contains(&("releases/57.0.html", "release note")),
            "{kinds:?}"
        );
    }
}

/// The one REL003 finding: the page's affected-list heading, as (line, column, end
/// column), counted by hand in the fixture (1-based, characters, end exclusive).
#[test]
fn a_document_the_page_omits_is_found_at_the_heading_in_the_page() {
    // list.html line 36: `    <h2>What parts of the SEC were affected?</h2>`: four
    // spaces and `<h2>` before the heading's 36 characters.
    // table.html line 13: `<h3>What parts …</h3>`.
    // br.html line 7: `<p><b>What parts …</b><br>` (a CR LF file).
    let expected = [
        ("list.html", 36, 9, 45),
        ("table.html", 13, 5, 41),
        ("br.html", 7, 7, 43),
    ];
    for (name, line, column, end_column) in expected {
        let html = page(name);
        let dir = corpus(&html, true);
        let v = check(dir.path());
        let found = diagnostics(&v);
        assert_eq!(found.len(), 1, "{name}: {:#}", v["diagnostics"]);
        let d = &found[0];
        assert_eq!(d["code"], "REL003");
        assert_eq!(d["path"], "releases/57.0.html");
        assert_eq!(
            (&d["line"], &d["column"], &d["end_line"], &d["end_column"]),
            (
                &Value::from(line),
                &Value::from(column),
                &Value::from(line),
                &Value::from(end_column)
            ),
            "{name}: {d:#}"
        );
        // The span is the heading's text in the source itself.
        let (s, e) = (
            d["span"]["start"].as_u64().unwrap() as usize,
            d["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&html[s..e], "What parts of the SEC were affected?");
        assert!(
            d["message"]
                .as_str()
                .unwrap()
                .starts_with("the Document Log moves Section H from version 1.0 to 1.1")
        );
    }
}

#[test]
fn a_page_and_a_text_of_the_same_release_are_duplicates() {
    let dir = corpus(&page("list.html"), false);
    write(dir.path(), "releases/57.0.md", &page("list.html"));
    let v = check(dir.path());
    let found = diagnostics(&v);
    assert_eq!(found.len(), 1, "{:#}", v["diagnostics"]);
    // In path order `57.0.html` comes first and is the one read.
    assert_eq!(found[0]["code"], "IO006");
    assert_eq!(found[0]["path"], "releases/57.0.md");
}

#[test]
fn in_a_loose_folder_a_page_is_classified_by_the_text_it_shows() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "saved/note.htm", &page("table.html"));
    // Its markup names no release; its text does.
    write(
        dir.path(),
        "saved/other.html",
        "<html><body><p>SECAS newsletter: events this month.</p></body></html>",
    );
    let v = check(dir.path());
    let kinds: Vec<(&str, &str)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap(), f["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(kinds[0], ("saved/note.htm", "release note"));
    assert_ne!(kinds[1].1, "release note", "{kinds:?}");
}
