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
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
    assert_eq!(
        n["summary_claims"],
        json!(["implemented", "implemented"]),
        "{n}"
    );
    assert_eq!(n["affected"], affected(), "{n}");
    assert_eq!(n["affected_complete"], true, "{n}");
}

// ---------------------------------------------------------------------------------------
// Release notes

#[test]
fn base_is_clean() {
    clean(corpus("_base").path());
}

#[test]
fn title_only_version() {
    // The version only in the title ("released to implement …"); "took effect today"
    // dates the release by the date line.
    let d = corpus("title-only-version");
    let n = facts(d.path(), NOTE);
    assert_eq!(n["version"], "58.0");
    assert_eq!(n["effective_date"], "2022-06-23");
    assert_eq!(n["stated_count"], 2);
    // The ids in the title are named too, without titles.
    assert_eq!(
        n["proposals"],
        json!([
            {"id": "MP211", "title": null},
            {"id": "MP214", "title": null},
            {"id": "MP211", "title": "Faster Enrolment of Devices"},
            {"id": "MP214", "title": "Charging Statement Timing"}
        ])
    );
    assert_eq!(n["summarised"], json!(["MP211", "MP214"]));
    assert_eq!(n["affected"], affected());
    clean(d.path());
    // Other title wordings give the same version.
    for title in [
        "SEC Version 58.0 Designated",
        "SEC 58.0 Designation – 23rd June 2022",
        "SEC v58.0 published for the June 2022 SEC Release",
    ] {
        let d = corpus("title-only-version");
        plant(
            d.path(),
            NOTE,
            "SEC v58.0 released to implement MP211 and MP214",
            title,
        );
        assert_eq!(facts(d.path(), NOTE)["version"], "58.0", "{title}");
        clean(d.path());
    }
    plant(d.path(), NOTE, "SEC v58.0 released", "SEC v59.0 released");
    one(d.path(), "REL002", NOTE, 1);
}

#[test]
fn breadcrumb_above_the_title() {
    let d = corpus("breadcrumb");
    assert_note(&facts(d.path(), NOTE), Some("2022-06-23"), "2022-06-23");
    clean(d.path());
    // Near-miss: the tail of the previous item's title left above, naming another release.
    let near = corpus("breadcrumb");
    plant(
        near.path(),
        NOTE,
        "SEC Releases » June 2022 SEC Release »",
        "SEC v57.0 published for the February 2022 SEC Release »",
    );
    assert_eq!(facts(near.path(), NOTE)["version"], "58.0");
    clean(near.path());
    // The tail of the previous item's title, with or without a blank line under it.
    for tail in ["and re-designating Appendix AC\n", "…Designated\n\n"] {
        let near = corpus("breadcrumb");
        plant(
            near.path(),
            NOTE,
            "SEC Releases » June 2022 SEC Release »\n",
            tail,
        );
        assert_note(&facts(near.path(), NOTE), Some("2022-06-23"), "2022-06-23");
        clean(near.path());
    }
    plant(
        d.path(),
        NOTE,
        "  • Appendix AC ‘Inventory, Enrolment and Decommissioning Procedures’\n",
        "",
    );
    one(d.path(), "REL003", NOTE, 12);
}

#[test]
fn publication_date_and_effect_sentence() {
    // The date line is the publication date (a Monday, four days later); the effect
    // sentence dates the release.
    let d = corpus("publication-vs-effect");
    assert_note(&facts(d.path(), NOTE), Some("2022-06-23"), "2022-06-27");
    clean(d.path());
    plant(
        d.path(),
        NOTE,
        "into effect on 23 June",
        "into effect on 22 June",
    );
    one(d.path(), "REL001", NOTE, 5);
}

#[test]
fn publication_date_only() {
    // No effect sentence: the date line is not taken for the effective date, so a note
    // published days after its release is not judged on it.
    let d = corpus("publication-only");
    assert_note(&facts(d.path(), NOTE), None, "2022-06-23");
    clean(d.path());
    let later = corpus("publication-only");
    plant(later.path(), NOTE, "\n23 June 2022\n", "\n27 June 2022\n");
    clean(later.path());
    plant(
        d.path(),
        NOTE,
        "SEC Version 58.0 Designated",
        "SEC Version 59.0 Designated",
    );
    one(d.path(), "REL002", NOTE, 1);
}

#[test]
fn previous_version_mentions() {
    let d = corpus("previous-version");
    let n = facts(d.path(), NOTE);
    assert_note(&n, Some("2022-06-23"), "2022-06-23");
    assert_eq!(n["previous_versions"], json!(["57.0", "57.0"]));
    clean(d.path());
    plant(
        d.path(),
        NOTE,
        "SEC version 58.0 came",
        "SEC version 59.0 came",
    );
    one(d.path(), "REL002", NOTE, 5);
}

#[test]
fn count_sentence_ending_in_a_colon() {
    let d = corpus("count-colon");
    assert_note(&facts(d.path(), NOTE), Some("2022-06-23"), "2022-06-23");
    clean(d.path());
    plant(d.path(), NOTE, "two Modification", "three Modification");
    one(d.path(), "REL005", NOTE, 5);
}

#[test]
fn proposals_one_per_line_with_glued_status_words() {
    let d = corpus("one-per-line");
    assert_note(&facts(d.path(), NOTE), Some("2022-06-23"), "2022-06-23");
    clean(d.path());
    // Near-miss: a deferred proposal listed with them, left out of the count of two.
    let near = corpus("one-per-line");
    plant(
        near.path(),
        NOTE,
        "Timing’Implemented\n",
        "Timing’Implemented\nMP209 ‘Alert Retention Period’Deferred\n",
    );
    let n = facts(near.path(), NOTE);
    assert_eq!(n["summarised"], json!(["MP211", "MP214", "MP209"]));
    assert_eq!(
        n["summary_claims"],
        json!(["implemented", "implemented", "not implemented"])
    );
    clean(near.path());
    // The title glued to its status is read whole: another title is found.
    plant(d.path(), NOTE, "Devices’Implemented", "Meters’Implemented");
    one(d.path(), "REL006", "documents/section-h/1.1.md", 6);
}

#[test]
fn introducing_sentence_before_the_affected_list() {
    let d = corpus("introducing-sentence");
    assert_note(&facts(d.path(), NOTE), Some("2022-06-23"), "2022-06-23");
    clean(d.path());
    // In the singular, before one entry.
    let single = corpus("introducing-sentence");
    plant(
        single.path(),
        NOTE,
        "The following parts of the SEC were affected:",
        "The following part of the SEC was affected:",
    );
    assert_eq!(facts(single.path(), NOTE)["affected"], affected());
    plant(
        d.path(),
        NOTE,
        "Appendix AC ‘Inventory, Enrolment and Decommissioning Procedures’\n",
        "",
    );
    one(d.path(), "REL003", NOTE, 11);
}

#[test]
fn every_bullet_style() {
    for mark in ["•", "-", "*", "·", "o", "▪", "1.", "\u{f0b7}", ""] {
        let d = corpus("bullet-styles");
        let text_of = |m: &str| {
            if m == "\u{f0b7}" {
                // Word's Symbol-font bullet, glued to the text.
                "\u{f0b7}".to_string()
            } else if m.is_empty() {
                String::new()
            } else {
                format!("{m} ")
            }
        };
        plant(
            d.path(),
            NOTE,
            "  • Section H",
            &format!("  {}Section H", text_of(mark)),
        );
        let second = if mark == "1." { "2. " } else { &text_of(mark) };
        plant(
            d.path(),
            NOTE,
            "  • Appendix AC",
            &format!("  {second}Appendix AC"),
        );
        let n = facts(d.path(), NOTE);
        assert_note(&n, Some("2022-06-23"), "2022-06-23");
        clean(d.path());
        plant(d.path(), NOTE, "‘DCC Services’", "‘DCC Service’");
        one(d.path(), "REL008", NOTE, 13);
    }
}

#[test]
fn affected_list_as_a_table() {
    // Piped (as the fixture), tabbed, and glued as a pasted table gives them.
    let tabbed = [
        (
            "| Document | Redline available | Clean version available |\n|---|---|---|\n",
            "Document\tRedline available\tClean version available\n",
        ),
        (
            "| Section H ‘DCC Services’ | Yes | Yes |",
            "Section H ‘DCC Services’\tYes\tYes",
        ),
        (
            "| Appendix AC ‘Inventory, Enrolment and Decommissioning Procedures’ | Yes | No |",
            "Appendix AC ‘Inventory, Enrolment and Decommissioning Procedures’\tYes\tNo",
        ),
    ];
    let glued = [
        (
            "| Document | Redline available | Clean version available |\n|---|---|---|\n",
            "DocumentRedline availableClean version available\n",
        ),
        (
            "| Section H ‘DCC Services’ | Yes | Yes |",
            "Section H ‘DCC Services’YesYes",
        ),
        (
            "| Appendix AC ‘Inventory, Enrolment and Decommissioning Procedures’ | Yes | No |",
            "Appendix AC ‘Inventory, Enrolment and Decommissioning Procedures’YesNo",
        ),
    ];
    for (shape, edits) in [
        ("piped", &[][..]),
        ("tabbed", &tabbed[..]),
        ("glued", &glued[..]),
    ] {
        let d = corpus("affected-table");
        for (from, to) in edits {
            plant(d.path(), NOTE, from, to);
        }
        // "makes changes to the inventory rules": no document named, no claim.
        assert_note(&facts(d.path(), NOTE), Some("2022-06-23"), "2022-06-23");
        clean(d.path());
        let last = if edits.is_empty() {
            "| Appendix AC ‘Inventory, Enrolment and Decommissioning Procedures’ | Yes | No |\n"
        } else {
            edits[2].1
        };
        let text = std::fs::read_to_string(d.path().join(NOTE)).unwrap();
        std::fs::write(d.path().join(NOTE), text.replace(last.trim_end(), "")).unwrap();
        assert_eq!(
            findings(d.path()),
            [("REL003".to_string(), NOTE.to_string(), 11)],
            "{shape}"
        );
    }
}

#[test]
fn documents_that_also_became_effective() {
    let d = corpus("also-became-effective");
    let n = facts(d.path(), NOTE);
    assert_eq!(n["stated_count"], 1);
    assert_eq!(n["affected"], affected());
    clean(d.path());
    // The sentence below the list names a document the list leaves out.
    plant(
        d.path(),
        NOTE,
        "Changes to Appendix AC",
        "Changes to Section A",
    );
    one(d.path(), "REL007", NOTE, 14);
}

#[test]
fn a_count_with_nothing_listed() {
    // "the following two modifications:" — then the summaries, or nothing at all.
    let d = corpus("count-nothing-listed");
    assert_note(&facts(d.path(), NOTE), Some("2022-06-23"), "2022-06-23");
    clean(d.path());
    plant(
        d.path(),
        NOTE,
        "MP211 ‘Faster Enrolment of Devices’ shortens the time the DCC takes to enrol a Device.\n\n\
         MP214 ‘Charging Statement Timing’ moves the day on which the charging statement is issued.\n\n",
        "",
    );
    let n = facts(d.path(), NOTE);
    assert_eq!(
        (n["stated_count"].clone(), n["proposals"].clone()),
        (json!(2), json!([]))
    );
    one(d.path(), "REL009", NOTE, 5);
}

#[test]
fn designation_notice() {
    // Classified as a release note, its date read, and no affected list invented from
    // the bullets that describe the changes.
    let d = corpus("designation-notice");
    let n = facts(d.path(), NOTE);
    assert_eq!(n["version"], "58.0");
    assert_eq!(n["effective_date"], "2022-06-23");
    assert_eq!(n["published_date"], "2022-06-23");
    assert_eq!(n["stated_count"], Value::Null);
    assert_eq!(n["proposals"], json!([]));
    assert_eq!(n["affected"], Value::Null);
    clean(d.path());
    // Near-miss: a bullet about a document the Log did not change is no list entry.
    let near = corpus("designation-notice");
    plant(
        near.path(),
        NOTE,
        "• The changes to Section H",
        "• The changes to Section A",
    );
    clean(near.path());
    // In a loose folder too, it is a release note.
    let loose = tempfile::tempdir().unwrap();
    std::fs::copy(d.path().join(NOTE), loose.path().join("notice.txt")).unwrap();
    assert_eq!(facts(loose.path(), "notice.txt")["version"], "58.0");
    plant(d.path(), NOTE, "On 23 June", "On 22 June");
    one(d.path(), "REL001", NOTE, 5);
}

#[test]
fn where_can_i_access_the_legal_text() {
    // Its sentences name documents (Section A among them) without claiming a change.
    let d = corpus("legal-text-section");
    assert_note(&facts(d.path(), NOTE), Some("2022-06-23"), "2022-06-23");
    clean(d.path());
    // The same claim in the summary is one.
    plant(
        d.path(),
        NOTE,
        "enrol a Device.",
        "enrol a Device and amends Section A.",
    );
    one(d.path(), "REL007", NOTE, 7);
}

#[test]
fn proposals_listed_in_a_table() {
    let tabbed = [
        (
            "| Modification | Title | Status |\n|---|---|---|\n",
            "Modification\tTitle\tStatus\n",
        ),
        (
            "| MP211 | Faster Enrolment of Devices | Implemented |",
            "MP211\tFaster Enrolment of Devices\tImplemented",
        ),
        (
            "| MP214 | Charging Statement Timing | Implemented |",
            "MP214\tCharging Statement Timing\tImplemented",
        ),
    ];
    // Glued as a pasted table gives them: the id to its title, the title to its status.
    let glued = [
        (
            "| Modification | Title | Status |\n|---|---|---|\n",
            "ModificationTitleStatus\n",
        ),
        (
            "| MP211 | Faster Enrolment of Devices | Implemented |",
            "MP211Faster Enrolment of DevicesImplemented",
        ),
        (
            "| MP214 | Charging Statement Timing | Implemented |",
            "MP214Charging Statement TimingImplemented",
        ),
    ];
    for edits in [&[][..], &tabbed[..], &glued[..]] {
        let d = corpus("proposals-table");
        for (from, to) in edits {
            plant(d.path(), NOTE, from, to);
        }
        assert_note(&facts(d.path(), NOTE), Some("2022-06-23"), "2022-06-23");
        clean(d.path());
        let text = std::fs::read_to_string(d.path().join(NOTE)).unwrap();
        std::fs::write(
            d.path().join(NOTE),
            text.replace("Faster Enrolment of Devices", "Faster Enrolment of Meters"),
        )
        .unwrap();
        one(d.path(), "REL006", "documents/section-h/1.1.md", 6);
    }
    // A third row, deferred: the count of two still agrees; a count of four does not.
    let d = corpus("proposals-table");
    plant(
        d.path(),
        NOTE,
        "| MP214 | Charging Statement Timing | Implemented |",
        "| MP214 | Charging Statement Timing | Implemented |\n| MP209 | Alert Retention Period | Deferred |",
    );
    clean(d.path());
    plant(d.path(), NOTE, "two Modification", "four Modification");
    one(d.path(), "REL005", NOTE, 5);
}

#[test]
fn release_note_saved_as_a_web_page() {
    // Navigation, a cookie banner, a script and the footer name documents; only the
    // page's text is read.
    let d = corpus("html-page");
    let n = facts(d.path(), "releases/58.0.html");
    assert_note(&n, Some("2022-06-23"), "2022-06-23");
    clean(d.path());
    // Findings point at the line of the page's source.
    plant(
        d.path(),
        "releases/58.0.html",
        "into effect on 23 June",
        "into effect on 22 June",
    );
    one(d.path(), "REL001", "releases/58.0.html", 15);
}

#[test]
fn web_page_with_tables_of_proposals_and_documents() {
    let page = "releases/58.0.html";
    let d = corpus("html-page");
    plant(
        d.path(),
        page,
        "<p>MP211 &lsquo;Faster Enrolment of Devices&rsquo; shortens the time the DCC takes to enrol a Device.</p>\n\
         <p>MP214 &lsquo;Charging Statement Timing&rsquo; moves the day on which the charging\n\
         statement is issued.</p>",
        "<table>\n<tr><th>Modification</th><th>Title</th><th>Status</th></tr>\n\
         <tr><td>MP211</td><td>Faster Enrolment of Devices</td><td>Implemented</td></tr>\n\
         <tr><td>MP214</td><td>Charging Statement Timing</td><td>Implemented</td></tr>\n</table>",
    );
    plant(
        d.path(),
        page,
        "<ul>\n  <li>Section H &lsquo;DCC Services&rsquo;</li>\n\
         \x20 <li>Appendix AC &lsquo;Inventory, Enrolment and Decommissioning Procedures&rsquo;</li>\n</ul>",
        "<table>\n<tr><th>Document</th><th>Redline available</th><th>Clean version available</th></tr>\n\
         <tr><td>Section H &lsquo;DCC Services&rsquo;</td><td>Yes</td><td>Yes</td></tr>\n\
         <tr><td>Appendix AC &lsquo;Inventory, Enrolment and Decommissioning Procedures&rsquo;</td><td>Yes</td><td>No</td></tr>\n</table>",
    );
    assert_note(&facts(d.path(), page), Some("2022-06-23"), "2022-06-23");
    clean(d.path());
    plant(
        d.path(),
        page,
        "<td>Faster Enrolment of Devices</td>",
        "<td>Faster Enrolment of Meters</td>",
    );
    one(d.path(), "REL006", "documents/section-h/1.1.md", 6);
}

#[test]
fn an_affected_list_not_read_whole_is_not_judged() {
    // A line of the list that names no document: REL003 does not conclude that Appendix
    // AC is missing, and IO007 says why the list was not judged.
    let d = corpus("bullet-styles");
    plant(
        d.path(),
        NOTE,
        "  • Appendix AC ‘Inventory, Enrolment and Decommissioning Procedures’ (not currently available on CodeWorks)",
        "  • Various consequential changes",
    );
    let n = facts(d.path(), NOTE);
    assert_eq!(n["affected_complete"], false);
    assert_eq!(
        n["affected"],
        json!([{"document": "section-h", "title": "DCC Services"}, {"document": null, "title": null}])
    );
    one(d.path(), "IO007", NOTE, 14);
}

// ---------------------------------------------------------------------------------------
// Documents exported from Word or PDF (Section A 1.0 of the base, in each shape)

const A_TXT: &str = "documents/section-a/1.0.txt";
const A_MD: &str = "documents/section-a/1.0.md";

fn rows(pairs: &[(&str, &str)]) -> Value {
    Value::Array(
        pairs
            .iter()
            .map(|(v, d)| json!({"version": v, "date": d}))
            .collect(),
    )
}

#[test]
fn heading_after_cover_lines() {
    // Cover lines (the Code's name, a running header, a date) before the heading, a
    // tab-separated table with numeric dates, and a body that mentions an SEC version
    // coming into effect (no release statement: the heading decides what it is).
    let d = corpus("cover-lines-heading");
    let a = facts(d.path(), A_TXT);
    assert_eq!(a["document"], "section-a");
    assert_eq!(a["title"], "Definitions and Interpretation");
    assert_eq!(a["clauses"], json!(["A1", "A1.1"]));
    assert_eq!(
        a["headings"],
        json!([{"clause": "A1", "title": "Interpretation"}])
    );
    assert_eq!(
        a["version_table"],
        rows(&[("0.9", "2020-11-04"), ("1.0", "2022-02-24")])
    );
    assert_eq!(a["version_table_complete"], true);
    clean(d.path());
    // In a loose folder it is a document, not a release note.
    let loose = tempfile::tempdir().unwrap();
    std::fs::copy(d.path().join(A_TXT), loose.path().join("section-a.txt")).unwrap();
    assert_eq!(
        facts(loose.path(), "section-a.txt")["document"],
        "section-a"
    );
    plant(
        d.path(),
        A_TXT,
        "Section A – Definitions and Interpretation",
        "Section A – Definitions",
    );
    one(d.path(), "LOG007", A_TXT, 7);
}

#[test]
fn heading_split_over_two_lines_and_other_markup() {
    let d = corpus("split-heading");
    let a = facts(d.path(), A_TXT);
    assert_eq!(a["title"], "DEFINITIONS AND INTERPRETATION");
    // "Amendment Record", a pipe table without outer pipes, dates in prose.
    assert_eq!(
        a["version_table"],
        rows(&[("0.9", "2020-11-04"), ("1.0", "2022-02-24")])
    );
    assert_eq!(a["version_table_complete"], true);
    clean(d.path());
    // A setext heading and a bold line give the same heading.
    for heading in [
        "Section A: Definitions and Interpretation\n=========================================",
        "**Section A – Definitions and Interpretation**",
    ] {
        let v = corpus("split-heading");
        plant(
            v.path(),
            A_TXT,
            "SECTION A\nDEFINITIONS AND INTERPRETATION",
            heading,
        );
        assert_eq!(
            facts(v.path(), A_TXT)["title"],
            "Definitions and Interpretation",
            "{heading}"
        );
        clean(v.path());
    }
    plant(
        d.path(),
        A_TXT,
        "DEFINITIONS AND INTERPRETATION",
        "DEFINITIONS",
    );
    one(d.path(), "LOG007", A_TXT, 4);
}

#[test]
fn running_headers_footers_and_page_numbers() {
    // A page break inside the version table (the heading repeated as a running header,
    // the document's version, "Page 2 of 4", the table's header again) and between
    // clauses; a word hyphenated across a line end.
    let d = corpus("running-headers");
    let a = facts(d.path(), A_TXT);
    assert_eq!(a["title"], "DEFINITIONS AND INTERPRETATION");
    assert_eq!(
        a["version_table"],
        rows(&[
            ("0.8", "2020-03-02"),
            ("0.9", "2020-11-04"),
            ("1.0", "2022-02-24")
        ])
    );
    assert_eq!(a["version_table_complete"], true);
    assert_eq!(a["clauses"], json!(["A1", "A1.1", "A1.2"]));
    clean(d.path());
    // The first page's running header and number above the heading are not the heading.
    let first = corpus("running-headers");
    plant(
        first.path(),
        A_TXT,
        "Smart Energy Code\n",
        "SEC Section A v1.0\nPage 1 of 4\n",
    );
    assert_eq!(
        facts(first.path(), A_TXT)["title"],
        "DEFINITIONS AND INTERPRETATION"
    );
    clean(first.path());
    // The row after the page break is read and judged.
    plant(
        d.path(),
        A_TXT,
        "1.0 24th February 2022",
        "1.0 25th February 2022",
    );
    one(d.path(), "VCT002", A_TXT, 17);
}

#[test]
fn plain_text_definitions() {
    // No bold, no quotes: terms that open a paragraph of the definitions part.
    let d = corpus("plain-definitions");
    let a = facts(d.path(), A_MD);
    assert_eq!(
        a["definitions"],
        json!(["Device", "Enrolment Sub-Committee", "Forecast", "Services"])
    );
    clean(d.path());
    plant(
        d.path(),
        A_MD,
        "Enrolment Sub-Committee means",
        "Device means any equipment.\n\nEnrolment Sub-Committee means",
    );
    one(d.path(), "DEF001", A_MD, 13);
}

#[test]
fn words_hyphenated_at_line_ends() {
    // "Enrolment Sub-" / "Committee." is a use of the term "Enrolment Sub-Committee": the
    // corpus is clean (above); without that use, the term is unused.
    let d = corpus("plain-definitions");
    plant(
        d.path(),
        A_MD,
        "Enrolment Sub-\nCommittee.",
        "Enrolment Panel.",
    );
    one(d.path(), "DEF003", A_MD, 13);
}

#[test]
fn version_table_headings_of_every_kind_and_the_pdf_shape_in_markdown() {
    for heading in [
        "VERSION CONTROL",
        "Version Control",
        "Document History",
        "Version History",
        "Amendment Record",
        "Change Record",
    ] {
        let d = corpus("pdf-table-in-md");
        plant(d.path(), A_MD, "VERSION CONTROL", heading);
        let a = facts(d.path(), A_MD);
        assert_eq!(
            a["version_table"],
            rows(&[("0.9", "2020-11-04"), ("1.0", "2022-02-24")]),
            "{heading}"
        );
        assert_eq!(a["version_table_complete"], true, "{heading}");
        clean(d.path());
        plant(
            d.path(),
            A_MD,
            "0.9 4th November 2020",
            "0.9 4th November 2022",
        );
        one(d.path(), "VCT004", A_MD, 8);
    }
}

#[test]
fn tables_without_outer_pipes_and_tab_separated() {
    let tabbed = [
        (
            "Version | Implementation Date | Reason for Change | Overview of Modifications\n--- | --- | --- | ---\n",
            "Version\tImplementation Date\tReason for Change\tOverview of Modifications\n",
        ),
        (
            "0.9 | 04.11.2020 | Designation by the Secretary of State | First version for consultation",
            "0.9\t04.11.2020\tDesignation by the Secretary of State\tFirst version for consultation",
        ),
        (
            "1.0 | 24/02/2022 | Modifications to SEC version 0.9 in accordance with SEC Section X5.4 and Condition 22 of the DCC Licence | First publication",
            "1.0\t24/02/2022\tModifications to SEC version 0.9 in accordance with SEC Section X5.4 and Condition 22 of the DCC Licence\tFirst publication",
        ),
    ];
    for (edits, line) in [(&[][..], 6), (&tabbed[..], 5)] {
        let d = corpus("tables-without-pipes");
        for (from, to) in edits {
            plant(d.path(), A_MD, from, to);
        }
        let a = facts(d.path(), A_MD);
        // Numeric UK dates, day first, with slashes and with dots.
        assert_eq!(
            a["version_table"],
            rows(&[("0.9", "2020-11-04"), ("1.0", "2022-02-24")])
        );
        assert_eq!(a["version_table_complete"], true);
        // The reason's "SEC Section X5.4" cites history, not a document in effect.
        clean(d.path());
        plant(d.path(), A_MD, "24/02/2022", "25/02/2022");
        one(d.path(), "VCT002", A_MD, line);
    }
}

#[test]
fn reasons_of_every_era_in_the_pdf_shape() {
    // Secretary of State directions under the Energy Act, X5.4 and the DCC Licence,
    // Change Board votes, Authority decisions, SECMP numbers, counts of proposals; a
    // date split over two lines, a date wrapped with the reason's words, numeric dates;
    // a row that names two earlier versions.
    let d = corpus("reasons-of-every-era");
    let a = facts(d.path(), A_TXT);
    assert_eq!(
        a["version_table"],
        rows(&[
            ("0.1", "2013-09-23"),
            ("0.2", "2014-04-01"),
            ("0.3", "2015-09-14"),
            ("0.4", "2016-05-02"),
            ("0.5", "2017-11-01"),
            ("0.6", "2018-02-22"),
            ("0.7", "2021-06-24"),
            ("1.0", "2022-02-24"),
        ])
    );
    assert_eq!(a["version_table_complete"], true);
    assert_eq!(a["clauses"], json!(["A1", "A1.1"]));
    // "SEC versions 0.2 and 0.3": the row before is one of them.
    clean(d.path());
    // The day alone on the row's line, the month opening the next.
    let split = corpus("reasons-of-every-era");
    plant(
        split.path(),
        A_TXT,
        "0.6 22nd February 2018 Implementation",
        "0.6 22nd\nFebruary 2018 Implementation",
    );
    assert_eq!(
        facts(split.path(), A_TXT)["version_table"],
        a["version_table"]
    );
    assert_eq!(facts(split.path(), A_TXT)["version_table_complete"], true);
    clean(split.path());
    // A date whose year cannot be found: the table is not read whole, and says so.
    let lost = corpus("reasons-of-every-era");
    plant(
        lost.path(),
        A_TXT,
        "2016 directed by the Secretary of State",
        "directed by the Secretary of State in 2016",
    );
    assert_eq!(facts(lost.path(), A_TXT)["version_table_complete"], false);
    // IO007 points at the row whose date was lost.
    one(lost.path(), "IO007", A_TXT, 17);
    plant(
        d.path(),
        A_TXT,
        "versions 0.2 and 0.3",
        "versions 0.1 and 0.2",
    );
    one(d.path(), "VCT003", A_TXT, 17);
}

// ---------------------------------------------------------------------------------------
// The Document Log exported from a spreadsheet

#[test]
fn document_log_from_a_spreadsheet() {
    // Capitalised headers, an extra column, display names, UK dates in three forms and
    // ISO, a title with a comma and a line break inside quotes.
    let d = corpus("spreadsheet-log");
    let log = facts(d.path(), "document-log.csv");
    assert_eq!(log["rows"], 6);
    assert_eq!(log["malformed_rows"], 0);
    assert_eq!(log["releases"], json!(["57.0", "58.0"]));
    clean(d.path());
    plant(
        d.path(),
        "document-log.csv",
        "58.0,2022-06-23,appendix-ac",
        "58.0,2022-06-24,appendix-ac",
    );
    one(d.path(), "LOG006", "document-log.csv", 8);
}

#[test]
fn quote_styles_and_heading_wordings() {
    // Titles in ‘…’, '…', “…” or "…"; the affected list's heading worded otherwise.
    for (open, close) in [("'", "'"), ("“", "”"), ("\"", "\"")] {
        for heading in [
            "Which parts of the SEC have changed?",
            "Documents affected",
            "SEC documents impacted",
        ] {
            let d = corpus("count-colon");
            let text = std::fs::read_to_string(d.path().join(NOTE)).unwrap();
            let text = text
                .replace('‘', open)
                .replace('’', close)
                .replace("What parts of the SEC were affected?", heading);
            std::fs::write(d.path().join(NOTE), text).unwrap();
            assert_note(&facts(d.path(), NOTE), Some("2022-06-23"), "2022-06-23");
            clean(d.path());
        }
    }
}

#[test]
fn web_page_saved_as_htm() {
    let d = corpus("html-page");
    std::fs::rename(
        d.path().join("releases/58.0.html"),
        d.path().join("releases/58.0.htm"),
    )
    .unwrap();
    assert_note(
        &facts(d.path(), "releases/58.0.htm"),
        Some("2022-06-23"),
        "2022-06-23",
    );
    clean(d.path());
}

#[test]
fn sub_clauses_beyond_xii_and_word_bullets_in_a_document() {
    // Roman labels up to (xiv), then (b); items bulleted with U+F0B7 (tab after it), `·`,
    // `o` and `•`; a citation of (a)(xiii) resolves.
    let d = corpus("sub-clauses");
    let a = facts(d.path(), A_TXT);
    let mut want = vec!["A1", "A1.1", "A1.1(a)"];
    let romans = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
    ];
    let subs: Vec<String> = romans.iter().map(|r| format!("A1.1(a)({r})")).collect();
    want.extend(subs.iter().map(String::as_str));
    want.extend(["A1.1(b)", "A1.2"]);
    assert_eq!(a["clauses"], json!(want));
    clean(d.path());
    plant(
        d.path(),
        A_TXT,
        "Section A1.1(a)(xiii)",
        "Section A1.1(a)(xv)",
    );
    one(d.path(), "REF002", A_TXT, 36);
}

#[test]
fn proposal_ids_of_every_kind() {
    // An alternative solution (MP215A), an older id (SECMP0046) and a draft (DP230,
    // named but not summarised: it is no Modification Proposal yet).
    let d = corpus("count-colon");
    plant(
        d.path(),
        NOTE,
        "This included two Modification Proposals:",
        "This included four Modification Proposals:",
    );
    plant(
        d.path(),
        NOTE,
        "charging statement is issued.\n",
        "charging statement is issued.\n\n\
         MP215A ‘Alert Retention Period (Alternative)’ is the alternative solution to MP215 and keeps alerts for a year.\n\n\
         SECMP0046 ‘Privacy Assessment Charges’ charges the Other User for a privacy assessment.\n\n\
         DP230 ‘Retention of Alerts’ has been raised and will be considered next month.\n",
    );
    let n = facts(d.path(), NOTE);
    let ids: Vec<&str> = n["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["MP211", "MP214", "MP215A", "MP215", "SECMP0046", "DP230"]
    );
    assert_eq!(
        n["summarised"],
        json!(["MP211", "MP214", "MP215A", "SECMP0046"])
    );
    clean(d.path());
    plant(d.path(), NOTE, "four Modification", "five Modification");
    one(d.path(), "REL005", NOTE, 5);
}

#[test]
fn a_table_of_proposals_not_read_whole_is_not_counted() {
    // A row whose first cell names no proposal: the count of three is not compared with
    // the two rows read, and IO007 says why.
    let d = corpus("proposals-table");
    plant(d.path(), NOTE, "two Modification", "three Modification");
    plant(
        d.path(),
        NOTE,
        "| MP214 | Charging Statement Timing | Implemented |",
        "| MP214 | Charging Statement Timing | Implemented |\n| TBC | Smart Meter Tweaks | Implemented |",
    );
    let n = facts(d.path(), NOTE);
    assert_eq!(n["summarised"], json!(["MP211", "MP214"]));
    assert_eq!(n["summary_complete"], false);
    one(d.path(), "IO007", NOTE, 11);
}

#[test]
fn an_affected_list_written_as_a_sentence_is_not_judged() {
    // "Section H ‘…’ and Appendix AC ‘…’ were changed.": one line naming two documents is
    // not one entry read whole, so Appendix AC is not reported as unlisted.
    let d = corpus("count-colon");
    plant(
        d.path(),
        NOTE,
        "• Section H ‘DCC Services’\n• Appendix AC ‘Inventory, Enrolment and Decommissioning Procedures’",
        "Section H ‘DCC Services’ and Appendix AC ‘Inventory, Enrolment and Decommissioning Procedures’ were changed.",
    );
    assert_eq!(facts(d.path(), NOTE)["affected_complete"], false);
    one(d.path(), "IO007", NOTE, 13);
}

#[test]
fn a_table_of_contents_is_not_the_parts() {
    // "A1 Interpretation<tab>2", "A2 Notices .......... 3": page numbers after the parts'
    // titles, not headings (it gave the heading 'Interpretation 2' and a false REF007).
    let d = corpus("contents-page");
    let a = facts(d.path(), A_TXT);
    assert_eq!(a["clauses"], json!(["A1", "A1.1", "A2", "A2.1"]));
    assert_eq!(
        a["headings"],
        json!([{"clause": "A1", "title": "Interpretation"}, {"clause": "A2", "title": "Notices"}])
    );
    clean(d.path());
    plant(
        d.path(),
        A_TXT,
        "Section A1 (Interpretation)",
        "Section A1 (Definitions)",
    );
    one(d.path(), "REF007", A_TXT, 19);
}
