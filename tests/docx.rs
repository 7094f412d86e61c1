//! Word files: the Word twin of `corpus/` (`tests/fixtures/corpus-docx/`, built by its
//! `build.py`) reads as the same text and gives the same findings, placed by paragraph;
//! the small fixtures of `tests/fixtures/docx/` read as their expected exports.

use assert_cmd::Command;
use seccheck::parse::redline::{self, Side};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn twin() -> PathBuf {
    root().join("tests/fixtures/corpus-docx/corpus")
}

fn export(path: &Path, side: &str) -> String {
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .args(["export", path.to_str().unwrap(), side])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "export {} failed: {:?}",
        path.display(),
        out
    );
    String::from_utf8(out.stdout).unwrap()
}

fn docx_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            docx_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "docx") {
            out.push(p);
        }
    }
}

/// Each document of the twin exports as its Markdown; each redline's accepted and
/// rejected sides as the Markdown redline's.
#[test]
fn the_twin_reads_as_the_markdown_it_was_built_from() {
    let mut files = Vec::new();
    docx_files(&twin().join("documents"), &mut files);
    docx_files(&twin().join("redlines"), &mut files);
    files.sort();
    assert_eq!(files.len(), 47, "the twin holds every document and redline");
    for f in files {
        let rel = f.strip_prefix(twin()).unwrap().with_extension("md");
        let md = std::fs::read_to_string(root().join("corpus").join(&rel)).unwrap();
        if rel.starts_with("redlines") {
            let parsed = redline::parse(&md);
            assert_eq!(
                export(&f, "--accept"),
                parsed.render(&md, Side::After),
                "{}",
                rel.display()
            );
            assert_eq!(
                export(&f, "--reject"),
                parsed.render(&md, Side::Before),
                "{}",
                rel.display()
            );
        } else {
            assert_eq!(export(&f, "--accept"), md, "{}", rel.display());
        }
    }
}

fn check(path: &Path) -> Value {
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .args([path.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn findings(report: &Value) -> Vec<(String, String, String)> {
    let mut out: Vec<_> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let md = |v: &Value| v.as_str().unwrap_or("").replace(".docx", ".md");
            (md(&d["code"]), md(&d["path"]), md(&d["message"]))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_twin_gives_the_same_findings_placed_by_paragraph() {
    let md = check(&root().join("corpus"));
    let docx = check(&twin());
    assert_eq!(findings(&docx), findings(&md));
    assert_eq!(docx["summary"], md["summary"]);
    let at = |code: &str, path: &str| {
        docx["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == code && d["path"] == path)
            .cloned()
            .unwrap_or_else(|| panic!("no {code} in {path}"))
    };
    // Checked by hand: the heading is ¶1; the table's header row is ¶2–5 and each row
    // four paragraphs more, so the fourth row's version cell is ¶18, character 1.
    let vct = at("VCT001", "documents/appendix-a/1.6.docx");
    assert_eq!(
        (vct["line"].as_u64(), vct["column"].as_u64()),
        (Some(18), Some(1))
    );
    assert_eq!(vct["paragraph"].as_u64(), Some(18));
    // The heading's title starts at character 12 of "Section J: Charges…" in Word: the
    // Markdown's "# " is a heading style, not text.
    let log = at("LOG007", "documents/section-j/3.2.docx");
    assert_eq!(
        (log["line"].as_u64(), log["column"].as_u64()),
        (Some(1), Some(12))
    );
    // Findings name the clause they sit in: typed (Section H 9.2's H3.4) or list
    // numbering (Appendix AM 1.0's 3.2, rendered from `%1.%2`); none in a table cell.
    assert_eq!(
        at("REF003", "documents/section-h/9.2.docx")["clause"].as_str(),
        Some("H3.4")
    );
    assert_eq!(
        at("REF001", "documents/appendix-am/1.0.docx")["clause"].as_str(),
        Some("3.2")
    );
    assert_eq!(vct.get("clause"), None);
}

fn fixtures() -> PathBuf {
    root().join("tests/fixtures/docx")
}

/// Each fixture exports as its expected text, checked by hand (`expected/`), in every
/// view it has; a redline's markup reads back, through the CriticMarkup parser, as its
/// accepted and rejected exports.
#[test]
fn each_fixture_exports_as_checked_by_hand() {
    let mut checked = 0;
    for e in std::fs::read_dir(fixtures().join("expected")).unwrap() {
        let expected_path = e.unwrap().path();
        let name = expected_path.file_name().unwrap().to_str().unwrap();
        let (stem, view) = name
            .strip_suffix(".md")
            .and_then(|n| n.rsplit_once('.'))
            .unwrap();
        let docx = if stem == "lists" {
            fixtures().join("libreoffice/lists.docx")
        } else {
            fixtures().join(format!("{stem}.docx"))
        };
        let expected = std::fs::read_to_string(&expected_path).unwrap();
        assert_eq!(export(&docx, &format!("--{view}")), expected, "{name}");
        if view == "markup" {
            let parsed = redline::parse(&expected);
            assert!(parsed.errors.is_empty(), "{name}: {:?}", parsed.errors);
            let accept = export(&docx, "--accept");
            let reject = export(&docx, "--reject");
            assert_eq!(parsed.render(&expected, Side::After), accept, "{name}");
            assert_eq!(parsed.render(&expected, Side::Before), reject, "{name}");
        }
        checked += 1;
    }
    assert_eq!(checked, 14);
}

/// Text without layout, as `oracles.py` compares it (see there for why each step).
fn normalise(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let line = line.trim_start_matches('#');
        let mut kept = String::new();
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            // pandoc's grid rules (`+---+`) and rules of three dashes or more.
            if c == '+' && matches!(chars.peek(), Some('-' | '=' | '+')) {
                while matches!(chars.peek(), Some('-' | '=' | '+')) {
                    chars.next();
                }
                continue;
            }
            if c == '-' && chars.peek() == Some(&'-') {
                let mut n = 1;
                while chars.peek() == Some(&'-') {
                    chars.next();
                    n += 1;
                }
                if n < 3 {
                    kept.push_str(&"-".repeat(n));
                }
                continue;
            }
            kept.push(c);
        }
        if kept
            .chars()
            .all(|c| matches!(c, '|' | '-' | '=' | '+') || c.is_whitespace())
        {
            continue;
        }
        out.push_str(&kept.replace("**", "").replace('|', ""));
    }
    out.chars()
        .filter_map(|c| match c {
            '\u{FEFF}' | '\u{AD}' | '•' | '\u{F000}'..='\u{F0FF}' => None,
            '\u{2011}' => Some('-'),
            c if c.is_whitespace() => None,
            c => Some(c),
        })
        .collect()
}

/// What pandoc and LibreOffice read from each fixture (recorded by `oracles.py`) is what
/// seccheck reads, layout aside.
#[test]
fn exports_agree_with_pandoc_and_libreoffice() {
    let mut compared = 0;
    for e in std::fs::read_dir(fixtures().join("oracles")).unwrap() {
        let record = e.unwrap().path();
        let name = record.file_name().unwrap().to_str().unwrap().to_string();
        let (file, oracle) = name.split_once(".docx.").unwrap();
        let side = oracle.trim_end_matches(".txt").rsplit_once('-').unwrap().1;
        let docx = root().join(format!("{}.docx", file.replace("__", "/")));
        let theirs = std::fs::read_to_string(&record).unwrap();
        let ours = export(&docx, &format!("--{side}"));
        assert_eq!(normalise(&ours), normalise(&theirs), "{name}");
        compared += 1;
    }
    assert_eq!(compared, 55);
}

/// Every bad Word file gives its finding, naming the file and what is wrong, and every
/// other file is still checked.
#[test]
fn bad_word_files_are_reported_and_nothing_else_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path();
    let put = |rel: &str, bytes: &[u8]| {
        let p = corpus.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    };
    let bad = |name: &str| std::fs::read(fixtures().join("bad").join(name)).unwrap();
    let cases = [
        ("encrypted.docx", "1.0", "encrypted (password-protected)"),
        (
            "not-a-zip.docx",
            "1.1",
            "not a Word .docx file (not a zip package)",
        ),
        ("truncated.docx", "1.2", "damaged or cut short"),
        (
            "no-document.docx",
            "1.3",
            "no main document part (`word/document.xml` is missing)",
        ),
        (
            "malformed.docx",
            "1.4",
            "`word/document.xml` is not well-formed XML at byte",
        ),
        (
            "bomb.docx",
            "1.5",
            "`word/document.xml` inflates past 256 MiB",
        ),
    ];
    for (name, version, _) in &cases {
        put(&format!("documents/section-h/{version}.docx"), &bad(name));
    }
    put("documents/section-h/2.0.docx", &bad("macros.docx"));
    // A clean text holding tracked changes.
    put(
        "documents/section-h/3.0.docx",
        &std::fs::read(fixtures().join("redline.docx")).unwrap(),
    );
    // A good file beside them, with a finding of its own: Section L's text filed as
    // Section J.
    put(
        "documents/section-j/1.0.docx",
        &std::fs::read(fixtures().join("together-clean.docx")).unwrap(),
    );
    let report = check(corpus);
    let findings = report["diagnostics"].as_array().unwrap();
    for (_, version, words) in &cases {
        let path = format!("documents/section-h/{version}.docx");
        let f = findings
            .iter()
            .find(|d| d["path"] == path.as_str())
            .unwrap_or_else(|| panic!("nothing reported for {path}"));
        assert_eq!(f["code"], "IO008", "{path}");
        let message = f["message"].as_str().unwrap();
        assert!(
            message.starts_with(&format!("{path} could not be read as a Word file: "))
                && message.contains(words),
            "{path}: {message}"
        );
    }
    let io009: Vec<&str> = findings
        .iter()
        .filter(|d| d["code"] == "IO009")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        io009,
        [
            "documents/section-h/2.0.docx holds macros; seccheck read its text and ran none of them",
            "documents/section-h/3.0.docx is a clean text but holds 22 tracked changes; it was read with every change accepted",
        ]
    );
    // The good file was read and checked.
    assert!(
        findings
            .iter()
            .any(|d| d["path"] == "documents/section-j/1.0.docx" && d["code"] == "DOC002"),
        "{findings:#?}"
    );
}

/// In a loose folder a Word file is read, then classified by its text like any file.
#[test]
fn a_word_file_in_a_loose_folder_is_classified_by_its_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixtures().join("table.docx"),
        dir.path().join("charges.docx"),
    )
    .unwrap();
    std::fs::copy(
        fixtures().join("fields.docx"),
        dir.path().join("services.docx"),
    )
    .unwrap();
    let report = check(dir.path());
    let kinds: Vec<(String, String)> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("charges.docx".to_string(), "document".to_string()),
            ("services.docx".to_string(), "document".to_string()),
        ]
    );
}

/// `seccheck export` on a file it cannot read says why, naming it, and exits 2.
#[test]
fn export_of_a_bad_file_says_why() {
    let path = fixtures().join("bad/not-a-zip.docx");
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .args(["export", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("not-a-zip.docx could not be read as a Word file: it is not a Word .docx file (not a zip package)"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

/// Comments are not body text, but they are read, each with the paragraph it is
/// anchored on (for suppressions by comment).
#[test]
fn comments_are_read_with_their_paragraph_and_left_out_of_the_text() {
    let bytes = std::fs::read(fixtures().join("fields.docx")).unwrap();
    let read = seccheck::word::read(&bytes, seccheck::word::View::Accept).unwrap();
    assert_eq!(
        read.comments,
        [seccheck::word::Comment {
            paragraph: 9,
            text: "seccheck-ignore REF002 — reinstated by MP210".into(),
        }]
    );
    assert!(!read.text.contains("seccheck-ignore"));
    assert!(!read.text.contains("Page header"));
    assert_eq!(read.revisions, 0);
}
