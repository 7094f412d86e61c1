//! `seccheck refs TARGET CORPUS` as a drafter meets it: the citations listed, their
//! release ranges, the JSON fields, and the exit status. Expected (file, line) pairs on
//! the sample corpus were checked by hand with grep.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn seccheck() -> Command {
    Command::cargo_bin("seccheck").unwrap()
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

fn human(target: &str, root: &Path) -> (String, String, i32) {
    let out = seccheck()
        .args(["refs", target])
        .arg(root)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

fn json(target: &str, root: &Path) -> (Value, i32) {
    let out = seccheck()
        .args(["refs", target])
        .arg(root)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    (v, out.status.code().unwrap())
}

/// (path, line) of each citation, in output order.
fn places(v: &Value) -> Vec<(String, u64)> {
    v["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["path"].as_str().unwrap().to_string(),
                c["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    list.iter().map(|(p, l)| (p.to_string(), *l)).collect()
}

fn field<'a>(v: &'a Value, key: &str) -> Vec<&'a str> {
    v["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c[key].as_str().unwrap())
        .collect()
}

#[test]
fn a_clause_lists_each_citation_with_its_releases() {
    // grep -rn 'H4\.9' corpus/documents corpus/releases, less the clause's own line
    // (section-h/9.0.md:23, 9.1.md:24): those number it, they do not cite it.
    let (out, _, code) = human("H4.9", &corpus());
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "\
documents/section-g/4.0.md:15:113  Section H4.9  (in effect at 5.16–54.0)
documents/section-g/4.1.md:16:113  Section H4.9  (in effect at 57.0)
documents/section-h/9.0.md:19:127  Section H4.9  (in effect at 5.16)
documents/section-h/9.1.md:20:127  Section H4.9  (in effect at 40.0–54.0)
releases/57.0.md:11:61             Section H4.9  (release note for 57.0)

5 citations of Section H4.9 in 5 files.
Searched 30 document versions and 4 release notes.
H4.9 is in Section H versions 9.0 and 9.1; not in version 9.2.
"
    );
    // Every spelling of the same clause gives the same list.
    let (v, _) = json("H4.9", &corpus());
    for other in ["Section H4.9", "h4.9", "section-h:4.9", "Section H 4.9"] {
        assert_eq!(places(&json(other, &corpus()).0), places(&v), "{other}");
    }
}

#[test]
fn a_document_lists_every_citation_of_it() {
    let (v, code) = json("appendix-at", &corpus());
    assert_eq!(code, 0);
    // grep -rn 'Appendix AT\|Appendices A and AT' corpus/documents corpus/releases,
    // less the heading of appendix-at/1.0.md.
    assert_eq!(
        places(&v),
        pairs(&[
            ("documents/appendix-a/1.5.md", 34),
            ("documents/appendix-a/1.6.md", 34),
            ("documents/appendix-am/1.0.md", 23),
            ("documents/appendix-am/2.0.md", 26),
            ("documents/appendix-am/2.0.md", 28),
            ("documents/section-a/3.2.md", 27),
            ("documents/section-a/3.3.md", 30),
            ("documents/section-l/6.1.md", 14),
            ("releases/54.0.md", 5),
            ("releases/54.0.md", 9),
            ("releases/54.0.md", 21),
        ])
    );
    assert!(field(&v, "match").iter().all(|m| *m == "document"));
    // The paragraph cited is kept; a whole-document citation has none.
    assert_eq!(v["citations"][3]["cited"], "3.1");
    assert_eq!(v["citations"][0]["cited"], Value::Null);
    assert_eq!(v["versions"], Value::Array(vec![]));
    // The display name is the same target.
    assert_eq!(places(&json("Appendix AT", &corpus()).0), places(&v));
}

#[test]
fn ranges_that_contain_the_clause_match() {
    let (v, code) = json("H10.11", &corpus());
    assert_eq!(code, 0);
    assert!(field(&v, "match").iter().all(|m| *m == "range"));
    let cited = field(&v, "cited");
    assert_eq!(cited.len(), 13);
    // The backwards range (the REF005 plant) is read the way it was meant.
    assert_eq!(cited[0], "H10.13 to H10.9");
    assert_eq!(v["citations"][0]["path"], "documents/appendix-ac/1.2.md");
    assert_eq!(v["citations"][0]["line"], 19);
    assert!(cited[1..].iter().all(|c| c.starts_with("H10.9 to H10.1")));
    // H10.13 ends some ranges and lies outside "H10.9 to H10.12"; H10.14 is in none.
    let (v, _) = json("H10.13", &corpus());
    assert_eq!(field(&v, "cited").len(), 10);
    assert!(!field(&v, "cited").contains(&"H10.9 to H10.12"));
    let (_, code) = json("H10.14", &corpus());
    assert_eq!(code, 1);
}

#[test]
fn sub_clauses_match_their_clause_but_not_the_reverse() {
    let (v, _) = json("J1.2", &corpus());
    // grep -rn 'J1\.2' corpus/documents corpus/releases: only ever cited as J1.2(b).
    assert_eq!(
        places(&v),
        pairs(&[
            ("documents/section-a/3.0.md", 15),
            ("documents/section-a/3.1.md", 16),
            ("documents/section-a/3.2.md", 17),
            ("documents/section-a/3.3.md", 18),
            ("releases/40.0.txt", 14),
        ])
    );
    assert!(field(&v, "match").iter().all(|m| *m == "sub_clause"));
    assert!(field(&v, "cited").iter().all(|c| *c == "J1.2(b)"));
    let (v, _) = json("J1.2(b)", &corpus());
    assert!(field(&v, "match").iter().all(|m| *m == "exact"));
    // A citation of the part around the clause ("Sections H3 and H4") is not listed.
    let (v, _) = json("H4.9", &corpus());
    assert!(!field(&v, "cited").contains(&"H4"));
}

#[test]
fn appendix_paragraphs() {
    let (v, code) = json("appendix-ac:3.2", &corpus());
    assert_eq!(code, 0);
    assert_eq!(v["target"]["name"], "paragraph 3.2 of Appendix AC");
    assert_eq!(
        places(&v),
        pairs(&[
            ("documents/section-a/3.2.md", 23),
            ("documents/section-a/3.3.md", 24),
            ("documents/section-h/9.0.md", 21),
            ("documents/section-h/9.1.md", 22),
            ("documents/section-h/9.2.md", 25),
            ("releases/40.0.txt", 12),
        ])
    );
}

#[test]
fn json_has_the_documented_fields() {
    let (v, _) = json("H4.9", &corpus());
    assert_eq!(v["schema"], 1);
    assert_eq!(v["target"]["input"], "H4.9");
    assert_eq!(v["target"]["name"], "Section H4.9");
    assert_eq!(v["target"]["document"], "section-h");
    assert_eq!(v["target"]["clause"], "H4.9");
    assert_eq!(v["summary"]["citations"], 5);
    assert_eq!(v["summary"]["files"], 5);
    let versions: Vec<(&str, bool, Value)> = v["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["version"].as_str().unwrap(),
                p["has_clause"].as_bool().unwrap(),
                p["line"].clone(),
            )
        })
        .collect();
    assert_eq!(
        versions,
        vec![
            ("9.0", true, Value::from(23)),
            ("9.1", true, Value::from(24)),
            ("9.2", false, Value::Null),
        ]
    );
    let c = &v["citations"][0];
    assert_eq!(c["path"], "documents/section-g/4.0.md");
    assert_eq!(
        (c["line"].as_u64(), c["column"].as_u64()),
        (Some(15), Some(113))
    );
    assert_eq!(
        (c["end_line"].as_u64(), c["end_column"].as_u64()),
        (Some(15), Some(125))
    );
    let text = fs::read_to_string(corpus().join("documents/section-g/4.0.md")).unwrap();
    let (s, e) = (
        c["span"]["start"].as_u64().unwrap() as usize,
        c["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "Section H4.9");
    assert_eq!(c["text"], "Section H4.9");
    assert_eq!(c["cited"], "H4.9");
    assert_eq!(c["match"], "exact");
    assert_eq!(c["in_effect"]["status"], "logged");
    assert_eq!(
        c["in_effect"]["releases"],
        serde_json::json!(["5.16", "40.0", "54.0"])
    );
    let note = &v["citations"][4];
    assert_eq!(note["in_effect"]["status"], "release_note");
    assert_eq!(note["in_effect"]["releases"], serde_json::json!(["57.0"]));
}

#[test]
fn unlogged_versions_and_loose_folders() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "document-log.csv",
        "release,effective_date,document,version,title\n\
         40.0,2021-06-24,section-g,1.0,Security\n\
         54.0,2021-12-17,section-g,1.0,Security\n\
         57.0,2022-02-24,section-g,1.0,Security\n",
    );
    let g = "# Section G: Security\n\nG1.1 As Section H8.16 and\nSections H8.10 to H8.20 say.\n";
    write(dir.path(), "documents/section-g/1.0.md", g);
    write(dir.path(), "documents/section-g/1.1.md", g);
    let (out, _, code) = human("H8.16", dir.path());
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "\
documents/section-g/1.0.md:3:9  Section H8.16            (in effect at 40.0–57.0)
documents/section-g/1.0.md:4:1  Sections H8.10 to H8.20  (in effect at 40.0–57.0)
documents/section-g/1.1.md:3:9  Section H8.16            (not in the log)
documents/section-g/1.1.md:4:1  Sections H8.10 to H8.20  (not in the log)

4 citations of Section H8.16 in 2 files.
Searched 2 document versions and 0 release notes.
The corpus has no text of Section H.
"
    );
    let (v, _) = json("H8.16", dir.path());
    assert_eq!(v["citations"][2]["in_effect"]["status"], "not_in_log");

    // A loose folder has no log: no ranges.
    let loose = tempfile::tempdir().unwrap();
    write(loose.path(), "g.txt", g);
    let (out, _, code) = human("H8.16", loose.path());
    assert_eq!(code, 0);
    assert!(
        out.starts_with("g.txt:3:9  Section H8.16\ng.txt:4:1  Sections H8.10 to H8.20\n"),
        "{out}"
    );
    assert!(out.contains("There is no Document Log, so no release ranges are shown."));
    let (v, _) = json("H8.16", loose.path());
    assert_eq!(v["citations"][0]["in_effect"]["status"], "no_log");
    // A newsletter in the folder is searched too, and shown with its kind.
    write(
        loose.path(),
        "newsletter.txt",
        "SEC Newsletter\n\nThe Panel discussed Section H8.16 in December.\n",
    );
    let (out, _, _) = human("H8.16", loose.path());
    assert!(
        out.contains("newsletter.txt:3:21  Section H8.16            (other text)\n"),
        "{out}"
    );
    assert!(
        out.contains("Searched 1 document version, 0 release notes and 1 other text.\n"),
        "{out}"
    );
    let (v, _) = json("H8.16", loose.path());
    assert_eq!(
        v["summary"]["searched"],
        serde_json::json!({"documents": 1, "release_notes": 0, "other": 1})
    );
    assert_eq!(v["citations"][2]["in_effect"]["status"], "other_text");
    assert_eq!(
        v["citations"][0]["in_effect"]["releases"],
        serde_json::json!([])
    );
}

#[test]
fn no_citations_exits_1() {
    let (out, err, code) = human("H99.1", &corpus());
    assert_eq!(code, 1);
    assert!(
        out.starts_with("No citations of Section H99.1 in "),
        "{out}"
    );
    assert!(out.contains("No version of Section H in the corpus has H99.1 (9.0, 9.1, 9.2)."));
    assert_eq!(err, "");
    let (v, code) = json("appendix-ab", &corpus());
    assert_eq!(code, 1);
    assert_eq!(v["citations"], Value::Array(vec![]));
    assert_eq!(v["summary"]["citations"], 0);
}

#[test]
fn bad_input_exits_2() {
    for target in [
        "foo",
        "H",
        "8.16",
        "Annex A",
        "appendix-ac:x",
        "section-h:J1.2",
    ] {
        let (out, err, code) = human(target, &corpus());
        assert_eq!(code, 2, "{target}");
        assert_eq!(out, "", "{target}");
        assert!(err.starts_with("error: "), "{target}: {err}");
    }
    let (_, err, _) = human("foo", &corpus());
    assert!(
        err.contains("expected a Section clause (`H8.16`")
            && err.contains("a document (`section-h`")
            && err.contains("`appendix-ac:3.2`"),
        "{err}"
    );
    let (_, err, code) = human("H4.9", Path::new("/no/such/corpus"));
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot read the corpus at /no/such/corpus"),
        "{err}"
    );
    // No target at all is a usage error.
    let out = seccheck().arg("refs").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn unreadable_files_are_mentioned() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "documents/section-g/1.0.md",
        "# Section G: Security\n\nG1.1 See Section H8.16.\n",
    );
    fs::write(dir.path().join("documents/section-g/1.1.md"), b"%PDF\x00").unwrap();
    let (out, err, code) = human("H8.16", dir.path());
    assert_eq!(code, 0);
    assert!(
        out.starts_with("documents/section-g/1.0.md:3:10  Section H8.16\n"),
        "{out}"
    );
    assert!(err.contains("note: 1 file could not be read"), "{err}");
}

#[test]
fn help_documents_targets_and_exit_status() {
    let out = seccheck().args(["refs", "--help"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("appendix-ac:3.2"), "{text}");
    assert!(
        text.contains("Exit status: 0 citations found, 1 none found, 2"),
        "{text}"
    );
}
