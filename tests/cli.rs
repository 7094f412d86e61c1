//! The command line as a user meets it: exit codes, formats, bad input, determinism.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

/// The binary, with none of the environment that changes the human report's look.
fn seccheck() -> Command {
    let mut cmd = Command::cargo_bin("seccheck").unwrap();
    for var in ["COLUMNS", "FORCE_COLOR", "CLICOLOR_FORCE"] {
        cmd.env_remove(var);
    }
    cmd
}

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, bytes).unwrap();
}

const LOG: &str = "release,effective_date,document,version,title\n\
    40.0,2021-06-24,section-h,1.0,DCC Services\n\
    54.0,2021-12-17,section-h,1.1,DCC Services\n";
const H10: &str = "# Section H: DCC Services\n\nH1.1 The DCC shall provide the Services.\n";
const H11: &str =
    "# Section H: DCC Services\n\nH1.1 The DCC shall provide the Services promptly.\n";
const H11_REDLINE: &str =
    "# Section H: DCC Services\n\nH1.1 The DCC shall provide the Services{++ promptly++}.\n";

/// A corpus every rule is content with.
fn clean_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "document-log.csv", LOG.as_bytes());
    write(dir.path(), "documents/section-h/1.0.md", H10.as_bytes());
    write(dir.path(), "documents/section-h/1.1.md", H11.as_bytes());
    write(
        dir.path(),
        "redlines/section-h/1.1.md",
        H11_REDLINE.as_bytes(),
    );
    dir
}

fn json(dir: &Path, extra: &[&str]) -> (Value, i32) {
    let out = seccheck()
        .arg(dir)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    (v, out.status.code().unwrap())
}

/// Two string fields of each finding, in report order.
fn pairs(v: &Value, a: &str, b: &str) -> Vec<(String, String)> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d[a].as_str().unwrap().to_string(),
                d[b].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn codes(v: &Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_clean_corpus_exits_0_with_a_summary() {
    let dir = clean_corpus();
    let out = seccheck().arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout,
        "Checked 4 files (1 document, 2 releases): 0 errors, 0 warnings, 0 infos.\n"
    );
}

#[test]
fn errors_exit_1_and_warnings_only_with_deny() {
    let dir = clean_corpus();
    // An unlogged draft version is a warning (LOG002).
    write(dir.path(), "documents/section-h/1.2.md", H11.as_bytes());
    let (v, code) = json(dir.path(), &[]);
    assert_eq!(codes(&v), vec!["LOG002"]);
    assert_eq!(code, 0);
    let (_, code) = json(dir.path(), &["--deny", "warnings"]);
    assert_eq!(code, 1);
    // A logged version without a file is an error (LOG001).
    fs::remove_file(dir.path().join("documents/section-h/1.1.md")).unwrap();
    let (v, code) = json(dir.path(), &[]);
    assert_eq!(codes(&v), vec!["LOG001", "LOG002"]);
    assert_eq!(code, 1);
}

#[test]
fn usage_and_missing_corpus_exit_2() {
    let out = seccheck().arg("/no/such/corpus").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("cannot read the corpus at /no/such/corpus"),
        "{err}"
    );
    let out = seccheck()
        .args(["check", "--format", "xml", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = seccheck().args(["explain", "NOPE1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    // An empty folder is nothing checked, not a pass.
    let empty = tempfile::tempdir().unwrap();
    let out = seccheck().arg(empty.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("holds no file to check"), "{err}");
    // No threads is a usage error; too many are capped with a note, not spawned.
    let dir = clean_corpus();
    let out = seccheck()
        .args(["--threads", "0"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = seccheck()
        .args(["--threads", "100000"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("is more than this machine can use; running"),
        "{err}"
    );
}

#[test]
fn json_has_the_documented_fields() {
    let dir = clean_corpus();
    let log = LOG.replace("54.0,2021-12-17", "54.0,2021-12-32");
    write(dir.path(), "document-log.csv", log.as_bytes());
    let (v, code) = json(dir.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(v["schema"], 1);
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "LOG008");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["message"], "`2021-12-32` is a day that does not exist");
    assert_eq!(d["path"], "document-log.csv");
    assert_eq!(d["line"], 3);
    assert_eq!(d["column"], 6);
    // Byte offsets: header (46) + first row (43) + "54.0," (5).
    assert_eq!(d["span"]["start"], 46 + 43 + 5);
    assert_eq!(d["span"]["end"], 46 + 43 + 5 + 10);
    assert!(d["help"].as_str().unwrap().contains("day first"));
    // The unreadable row was 54.0's, naming version 1.1: no second finding says 1.1 is
    // unlogged.
    assert_eq!(codes(&v), vec!["LOG008"]);
    assert_eq!(v["summary"]["errors"], 1);
    assert_eq!(v["summary"]["warnings"], 0);
}

#[test]
fn related_spans_point_into_the_other_file() {
    let dir = clean_corpus();
    write(
        dir.path(),
        "documents/section-h/1.1.md",
        H11.replace("DCC Services", "Services of the DCC")
            .as_bytes(),
    );
    let (v, _) = json(dir.path(), &[]);
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "LOG007");
    assert_eq!(d["path"], "documents/section-h/1.1.md");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(14))
    );
    let r = &d["related"][0];
    assert_eq!(r["path"], "document-log.csv");
    assert_eq!(r["line"], 3);
    assert_eq!(r["label"], "title in the log at release 54.0");
}

#[test]
fn bad_input_is_reported_and_the_rest_still_checked() {
    let dir = clean_corpus();
    // BOM and CRLF are fine; the log with them must still be read.
    let log = format!("\u{feff}{}", LOG.replace('\n', "\r\n"));
    write(dir.path(), "document-log.csv", log.as_bytes());
    write(
        dir.path(),
        "documents/section-a/1.0.md",
        b"# Section A: Definitions\n\ncaf\xe9\n",
    );
    write(dir.path(), "documents/section-b/1.0.md", b"");
    write(dir.path(), "documents/section-c/1.0.md", b"%PDF\x00\x01");
    write(dir.path(), "documents/section-h/notes.md", b"draft");
    let (v, code) = json(dir.path(), &[]);
    assert_eq!(code, 1);
    let found: Vec<(String, String, u64)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().into(),
                d["path"].as_str().unwrap().into(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let expect = |c: &str, p: &str, l: u64| (c.to_string(), p.to_string(), l);
    assert_eq!(
        found,
        vec![
            expect("LOG002", "documents/section-a/1.0.md", 1),
            expect("IO002", "documents/section-a/1.0.md", 3),
            expect("IO004", "documents/section-b/1.0.md", 1),
            expect("LOG002", "documents/section-b/1.0.md", 1),
            expect("IO003", "documents/section-c/1.0.md", 1),
            expect("LOG002", "documents/section-c/1.0.md", 1),
            expect("IO006", "documents/section-h/notes.md", 1),
        ]
    );
}

#[test]
fn a_windows_1252_or_utf16_file_is_read_as_such_and_reported_once() {
    let dir = clean_corpus();
    let text = "# Section H: DCC Services\n\nH1.1 The DCC shall provide the ‘Services’ promptly.\n";
    let redline =
        "# Section H: DCC Services\n\nH1.1 The DCC shall provide the ‘Services’{++ promptly++}.\n";
    let h10 = "# Section H: DCC Services\n\nH1.1 The DCC shall provide the ‘Services’.\n";
    // Smart quotes as Word saves them in Windows-1252: 0x91 and 0x92.
    let cp1252 = text.replace('‘', "\u{91}").replace('’', "\u{92}");
    let cp1252: Vec<u8> = cp1252.chars().map(|c| c as u32 as u8).collect();
    write(dir.path(), "documents/section-h/1.1.md", &cp1252);
    write(dir.path(), "redlines/section-h/1.1.md", redline.as_bytes());
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(h10.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    write(dir.path(), "documents/section-h/1.0.md", &utf16);
    let (v, _) = json(dir.path(), &[]);
    assert_eq!(codes(&v), vec!["IO002", "IO002"], "{v:#}");
    assert_eq!(
        v["diagnostics"][1]["message"],
        "documents/section-h/1.1.md is not UTF-8 but Windows-1252 (2 characters outside ASCII)"
    );
    assert_eq!(v["diagnostics"][1]["line"], 3);
    assert_eq!(v["diagnostics"][1]["column"], 32);
}

#[test]
fn a_malformed_row_leaves_the_rest_of_the_log_in_use() {
    let dir = clean_corpus();
    let log = format!("{LOG}57.0,2022-02-24,section-h\n");
    write(dir.path(), "document-log.csv", log.as_bytes());
    let (v, _) = json(dir.path(), &[]);
    assert_eq!(codes(&v), vec!["LOG008"]);
    assert_eq!(v["diagnostics"][0]["line"], 4);
}

#[test]
fn a_txt_redline_is_read_and_a_second_copy_of_a_version_is_reported_once() {
    let dir = clean_corpus();
    fs::remove_file(dir.path().join("redlines/section-h/1.1.md")).unwrap();
    write(
        dir.path(),
        "redlines/section-h/1.1.txt",
        H11_REDLINE.as_bytes(),
    );
    let (v, code) = json(dir.path(), &[]);
    assert_eq!(codes(&v), Vec::<String>::new(), "{v:#}");
    assert_eq!(code, 0);
    // The same version twice (here with a different text): the first in path order is
    // checked, the second is reported and not read, so its text raises nothing else.
    write(
        dir.path(),
        "documents/section-h/1.1.txt",
        b"# Section H: Something Else\n\nH1.1 Other words.\n",
    );
    let (v, _) = json(dir.path(), &[]);
    assert_eq!(codes(&v), vec!["IO006"], "{v:#}");
    let d = &v["diagnostics"][0];
    assert_eq!(d["path"], "documents/section-h/1.1.txt");
    assert_eq!(
        d["message"],
        "documents/section-h/1.1.txt gives the same version as documents/section-h/1.1.md, so it was not checked"
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_not_followed_forever() {
    let dir = clean_corpus();
    fs::create_dir_all(dir.path().join("releases")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("releases/loop")).unwrap();
    let (v, code) = json(dir.path(), &[]);
    assert_eq!(codes(&v), vec!["IO001"]);
    assert_eq!(v["diagnostics"][0]["path"], "releases/loop");
    assert_eq!(code, 1);
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let run = |threads: &str| {
        seccheck()
            .arg(&root)
            .args(["--format", "json", "--threads", threads])
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    for n in ["2", "8"] {
        assert_eq!(one, run(n), "--threads {n} differs from --threads 1");
    }
}

#[test]
fn the_corpus_is_never_written() {
    let dir = clean_corpus();
    write(dir.path(), "documents/section-h/1.2.md", H11.as_bytes());
    let listing = |p: &Path| {
        let mut v: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(p)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| (e.path().display().to_string(), fs::read(e.path()).unwrap()))
            .collect();
        v.sort();
        v
    };
    let before = listing(dir.path());
    seccheck().arg(dir.path()).output().unwrap();
    seccheck()
        .arg(dir.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(before, listing(dir.path()));
}

#[test]
fn a_loose_folder_says_what_it_skipped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "note.txt", "SEC v40.0 published for the June 2021 SEC Release\n\nSEC version 40.0 came into effect on 24 June 2021.\n".as_bytes());
    write(dir.path(), "section.txt", H10.as_bytes());
    let (v, code) = json(dir.path(), &[]);
    assert_eq!(code, 0);
    let log = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["family"] == "LOG")
        .expect("the LOG family is skipped");
    assert!(
        log["reason"]
            .as_str()
            .unwrap()
            .contains("no document-log.csv")
    );
    let out = seccheck().arg(dir.path()).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("note: skipped DEF003, LOG001–LOG008, RED001–RED005, REF001, REF004"),
        "{text}"
    );
}

#[test]
fn an_empty_log_or_cited_document_is_reported_once_not_as_everything_missing() {
    let dir = clean_corpus();
    // Section G cites H1.1; Section H 1.1 is empty. The empty file is IO004 and nothing
    // else: its clauses are unknown, not all deleted.
    let log = format!("{LOG}54.0,2021-12-17,section-g,1.0,Security\n");
    write(dir.path(), "document-log.csv", log.as_bytes());
    write(
        dir.path(),
        "documents/section-g/1.0.md",
        b"# Section G: Security\n\nG1.1 The DCC shall act as Section H1.1 says.\n",
    );
    write(dir.path(), "documents/section-h/1.1.md", b"\n");
    write(dir.path(), "redlines/section-h/1.1.md", b"");
    let (v, _) = json(dir.path(), &[]);
    assert_eq!(codes(&v), vec!["IO004", "IO004"], "{v:#}");
    // An empty log is no log: the rules that need one are skipped, with the reason.
    write(dir.path(), "document-log.csv", b"");
    let (v, _) = json(dir.path(), &[]);
    assert_eq!(codes(&v), vec!["IO004", "IO004", "IO004"], "{v:#}");
    assert_eq!(v["diagnostics"][0]["path"], "document-log.csv");
    let reasons: Vec<&str> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["reason"].as_str().unwrap())
        .collect();
    assert!(!reasons.is_empty());
    assert!(
        reasons
            .iter()
            .all(|r| *r == "document-log.csv could not be read (see above)"),
        "{reasons:?}"
    );
}

#[test]
fn a_long_line_is_shown_as_a_window_and_checked_in_linear_time() {
    // One line of 20,000 impossible dates (a PDF extraction can put a document on one
    // line): each is reported, the snippet shows a window of the line, and the columns
    // are characters. Rendering it once panicked (a label beyond column 65,535) and
    // counting columns from the line start was quadratic.
    let dir = tempfile::tempdir().unwrap();
    let line = "‘x’ 31 February 2021; ".repeat(20_000);
    write(
        dir.path(),
        "x.txt",
        format!("# Section X: Transition\n{line}\n").as_bytes(),
    );
    let out = seccheck()
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    // The first 100 are listed, then one finding stands for the other 19,900.
    assert_eq!(text.matches("error[DATE001]").count(), 101);
    assert!(text.contains("19900 more DATE001 findings in this file are not listed"));
    assert!(text.lines().all(|l| l.chars().count() < 300));
    // The 101st date starts after 100 repeats of 22 characters, at column 5.
    let last = format!("[x.txt:2:{}]", 100 * 22 + 5);
    assert!(text.contains(&last), "no {last}");
    let (v, _) = json(dir.path(), &[]);
    let d = v["diagnostics"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(d["column"], 100 * 22 + 5);
    assert_eq!(
        d["message"],
        "19900 more DATE001 findings in this file are not listed"
    );
}

#[test]
fn long_tables_lists_and_definitions_finish_promptly() {
    // Each of these was once quadratic: a version-control table with many rows that
    // break the chain, a release note's affected list with many citations, Section A with
    // many definitions pointing to missing clauses.
    let n: usize = 20_000;
    let dir = clean_corpus();
    let mut table = String::from(
        "# Section H: DCC Services\n\n| Version | Implementation Date | Reason for Change | Overview of Modifications |\n|---|---|---|---|\n",
    );
    for i in 1..=n {
        table.push_str(&format!(
            "| {i}.0 | 2020-01-01 | Modifications to SEC version {}.0 | x |\n",
            i.saturating_sub(2)
        ));
    }
    write(dir.path(), "documents/section-h/2.0.md", table.as_bytes());
    let mut note = String::from(
        "SEC version 54.0 came into effect on 17 December 2021.\n\nWhat parts of the SEC were affected?\n\n",
    );
    for _ in 0..n {
        note.push_str(
            "- Section H ‘DCC Services’, see Section H1.1 and Section H ‘DCC Services’\n",
        );
    }
    write(dir.path(), "releases/54.0.md", note.as_bytes());
    let mut defs =
        String::from("# Section A: Definitions and Interpretation\n\nA1.1 In this Code:\n\n");
    for i in 0..n {
        defs.push_str(&format!(
            "**Term {i}** has the meaning given to that expression in Section H{}.{}.\n\n",
            i % 90 + 2,
            i / 90 + 1
        ));
    }
    write(dir.path(), "documents/section-a/1.0.md", defs.as_bytes());
    let log = format!("{LOG}54.0,2021-12-17,section-a,1.0,Definitions and Interpretation\n");
    write(dir.path(), "document-log.csv", log.as_bytes());
    let out = seccheck()
        .arg(dir.path())
        .args(["--format", "json"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "timed out or failed");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let count = |code: &str| codes(&v).iter().filter(|c| *c == code).count();
    // Each rule lists 100 findings for the file, then one that counts the rest.
    assert_eq!(count("VCT003"), 101);
    assert_eq!(count("DEF002"), 101);
    let said = |code: &str, more: usize| {
        v["diagnostics"].as_array().unwrap().iter().any(|d| {
            d["code"] == code
                && d["message"]
                    == format!("{more} more {code} findings in this file are not listed")
        })
    };
    assert!(said("VCT003", n - 1 - 100) && said("DEF002", n - 100));
    // --max-per-file changes the limit; 0 lists every finding.
    let run = |limit: &str| -> Value {
        let out = seccheck()
            .arg(dir.path())
            .args(["--format", "json", "--max-per-file", limit])
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let v5 = run("5");
    assert_eq!(codes(&v5).iter().filter(|c| *c == "DEF002").count(), 6);
    let all = run("0");
    assert_eq!(codes(&all).iter().filter(|c| *c == "DEF002").count(), n);
}

#[test]
fn a_release_note_without_blank_lines_reads_as_one_with_them() {
    // Notes pasted from a web page often lose their blank lines. Headings and the
    // proposals that open the summary's paragraphs must still be found: two proposals
    // stated and summarised, one document said to change but not listed.
    let note = "SEC v61.0 published for the June 2023 SEC Release\n\
        SEC version 61.0 came into effect on 29 June 2023. This included two Modification Proposals.\n\
        Summary of changes\n\
        MP201 ‘Alert Routing Review’ will amend Section H3.2 so that alerts reach the right User.\n\
        MP202 ‘Charging Statement Timing’ will amend Section K2.4 so that statements are issued earlier.\n\
        What parts of the SEC were affected?\n\
        \x20 • Section H ‘DCC Services’\n\
        Where can I find further information?\n\
        Please contact the SECAS Helpdesk.\n";
    for (name, text) in [
        ("squeezed", note.to_string()),
        ("spaced", note.replace('\n', "\n\n")),
    ] {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "note.txt", text.as_bytes());
        let (v, _) = json(dir.path(), &[]);
        let found: Vec<(String, String)> = pairs(&v, "code", "message");
        assert_eq!(
            found,
            vec![(
                "REL007".to_string(),
                "the 61.0 release note says Section K is changed, but its affected list does not include Section K".to_string()
            )],
            "{name}"
        );
    }
}

#[test]
fn proposals_in_bold_bullets_are_counted() {
    let note = "# SEC v61.0 published\n\n\
        SEC version 61.0 came into effect on 29 June 2023. It included three Modification Proposals.\n\n\
        ## Summary of changes\n\n\
        - **MP201** \"Alert Routing Review\" amends Section H3.2.\n\
        - __MP202__ \"Alert Thresholds\" amends Section H3.3.\n\n\
        ## What parts of the SEC were affected?\n\n\
        - Section H – DCC Services\n";
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "note.md", note.as_bytes());
    let (v, _) = json(dir.path(), &[]);
    assert_eq!(codes(&v), vec!["REL005"], "{v:#}");
    assert_eq!(
        v["diagnostics"][0]["message"],
        "the 61.0 release note says three Modification Proposals but summarises two: MP201 and MP202"
    );
}

#[test]
fn config_switches_rules_off_and_changes_severity() {
    let dir = clean_corpus();
    write(dir.path(), "documents/section-h/1.2.md", H11.as_bytes());
    write(
        dir.path(),
        "seccheck.toml",
        b"[rules]\nLOG002 = \"error\"\n",
    );
    let (v, code) = json(dir.path(), &[]);
    assert_eq!(v["diagnostics"][0]["severity"], "error");
    assert_eq!(code, 1);
    write(dir.path(), "seccheck.toml", b"[rules]\nLOG002 = \"off\"\n");
    let (v, code) = json(dir.path(), &[]);
    assert_eq!(codes(&v), Vec::<String>::new());
    assert_eq!(code, 0);
}

#[test]
fn rules_and_explain() {
    let out = seccheck().arg("rules").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("LOG001") && l.contains("error"))
    );
    let out = seccheck().args(["explain", "log007"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("LOG007 (heading-title-mismatch) — default severity: error"));
    assert!(text.contains("Fails:") && text.contains("Passes:"));
}

#[test]
fn selection_exit_zero_and_the_concise_format() {
    let dir = clean_corpus();
    // An unlogged draft (LOG002, a warning) and a logged version without a file (LOG001).
    write(dir.path(), "documents/section-h/1.2.md", H11.as_bytes());
    fs::remove_file(dir.path().join("documents/section-h/1.1.md")).unwrap();
    let out = seccheck()
        .args(["--format", "concise"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("document-log.csv:3:"), "{text}");
    assert!(
        lines[0].contains(": LOG001 error the Document Log puts Section H version 1.1"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("documents/section-h/1.2.md:1:1: LOG002 warning "),
        "{text}"
    );
    assert!(lines[2].starts_with("Checked "), "{text}");
    // --ignore a code, or a family; --select; what is off is listed.
    let (v, code) = json(dir.path(), &["--ignore", "LOG001"]);
    assert_eq!(codes(&v), vec!["LOG002"]);
    assert_eq!(code, 0);
    assert_eq!(
        v["disabled"],
        serde_json::json!([{"code": "LOG001", "by": "--ignore"}])
    );
    let (v, _) = json(dir.path(), &["--select", "RED,LOG002"]);
    assert_eq!(codes(&v), vec!["LOG002"]);
    let off = v["disabled"].as_array().unwrap();
    assert!(
        off.iter()
            .any(|d| d["code"] == "LOG001" && d["by"] == "--select")
    );
    assert!(
        !off.iter()
            .any(|d| d["code"] == "RED001" || d["code"] == "LOG002")
    );
    let out = seccheck()
        .args(["--ignore", "LOG001"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("note: switched off by --ignore: LOG001\n"),
        "{text}"
    );
    // An unknown name is a usage error, not a silent no-op.
    let out = seccheck()
        .args(["--select", "LOG01"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // --exit-zero: errors still listed, exit 0.
    let (v, code) = json(dir.path(), &["--exit-zero"]);
    assert_eq!(code, 0);
    assert_eq!(codes(&v), vec!["LOG001", "LOG002"]);
}

#[test]
fn github_annotations_and_json_lines() {
    let dir = clean_corpus();
    fs::remove_file(dir.path().join("documents/section-h/1.1.md")).unwrap();
    let root = dir.path().to_str().unwrap();
    let out = seccheck()
        .args(["--format", "github", root])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().next().unwrap();
    // Character by character: the command, the properties (path from where seccheck
    // runs, `:` and `,` escaped), the title, the message with help after an escaped
    // line break.
    let want = format!(
        "::error file={root}/document-log.csv,line=3,col=27,endLine=3,endColumn=30,title=LOG001::the Document Log puts Section H version 1.1 in effect at release 54.0, but the corpus has no text for it%0Ahelp: add documents/section-h/1.1.md (or the Word file, `.docx`) with the clean text of this version, or correct the version in the log"
    );
    assert_eq!(line, want);
    // JSON Lines: one object a line, the JSON report's diagnostics.
    let out = seccheck()
        .args(["--format", "jsonl", root])
        .output()
        .unwrap();
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let (v, _) = json(dir.path(), &[]);
    assert_eq!(serde_json::Value::Array(lines), v["diagnostics"]);
}

/// `seccheck --format json EXTRA… ROOT`: the report, the exit status and stderr.
fn run_in(root: &Path, extra: &[&str]) -> (Value, Option<i32>, String) {
    let out = seccheck()
        .args(["--format", "json"])
        .args(extra)
        .arg(root)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (v, out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_baseline_survives_moves_renumbering_and_version_bumps_and_lets_new_findings_fail() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let log = |g: &str| {
        format!(
            "release,effective_date,document,version,title\n\
             40.0,2021-06-24,section-h,1.0,DCC Services\n\
             40.0,2021-06-24,section-g,{g},Security\n"
        )
    };
    let h = "# Section H: DCC Services\n\nH1.1 The DCC shall provide the Services.\n";
    let g = "# Section G: Security\n\nG1.1 As Section H9.9 requires, the DCC shall act.\n";
    write(root, "document-log.csv", log("1.0").as_bytes());
    write(root, "documents/section-h/1.0.md", h.as_bytes());
    write(root, "documents/section-g/1.0.md", g.as_bytes());
    // Beside the corpus: seccheck never writes into it.
    let outside = tempfile::tempdir().unwrap();
    let baseline = outside.path().join("baseline.json");
    let (_, code, err) = run_in(
        root,
        &["--write-baseline", root.join("b.json").to_str().unwrap()],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("never writes into the corpus"), "{err}");
    assert!(!root.join("b.json").exists());
    let run = |extra: &[&str]| run_in(root, extra);
    let b = baseline.to_str().unwrap();
    let (_, code, err) = run(&["--write-baseline", b]);
    assert_eq!(code, Some(0));
    assert!(err.contains("wrote 1 findings to the baseline"), "{err}");
    // Accepted: nothing listed, exit 0.
    let (v, code, _) = run(&["--baseline", b]);
    assert_eq!((codes(&v), code), (vec![], Some(0)));
    // Lines added above it, and the version renamed to a new file with the same text.
    fs::remove_file(root.join("documents/section-g/1.0.md")).unwrap();
    write(root, "document-log.csv", log("1.1").as_bytes());
    write(
        root,
        "documents/section-g/1.1.md",
        g.replace("\n\nG1.1", "\n\nSome words the editor added.\n\nG1.1")
            .as_bytes(),
    );
    let (v, code, err) = run(&["--baseline", b]);
    assert_eq!((codes(&v), code), (vec![], Some(0)), "{err}");
    assert!(err.contains("1 findings are in the baseline"), "{err}");
    // The clause renumbered (a new G1.1 inserted before it, the old one now G1.2): the
    // fingerprint holds the citation's text, not the clause's number.
    write(
        root,
        "documents/section-g/1.1.md",
        g.replace("G1.1 As", "G1.1 The DCC shall keep records.\n\nG1.2 As")
            .as_bytes(),
    );
    let (v, code, err) = run(&["--baseline", b]);
    assert_eq!((codes(&v), code), (vec![], Some(0)), "{err}");
    assert!(err.contains("1 findings are in the baseline"), "{err}");
    let (v, _, _) = run(&[]);
    assert_eq!(codes(&v), vec!["REF002"]);
    assert_eq!(v["diagnostics"][0]["line"], 5);
    // A new finding still fails, and only it is listed.
    write(
        root,
        "documents/section-g/1.1.md",
        format!("{g}\nG1.2 As Section H9.8 requires.\n").as_bytes(),
    );
    let (v, code, _) = run(&["--baseline", b]);
    assert_eq!(code, Some(1));
    assert_eq!(codes(&v), vec!["REF002"]);
    assert!(
        v["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("H9.8")
    );
    // Fixed: the baseline entry no longer occurs, and the run says so.
    write(
        root,
        "documents/section-g/1.1.md",
        b"# Section G: Security\n\nG1.1 The DCC shall act.\n",
    );
    let (v, code, err) = run(&["--baseline", b]);
    assert_eq!((codes(&v), code), (vec![], Some(0)));
    assert!(err.contains("1 baseline entries no longer occur"), "{err}");
    assert!(
        err.contains("documents/section-g/1.0.md:3: REF002"),
        "{err}"
    );
    // An unreadable baseline is a usage error.
    let (_, code, _) = run(&["--baseline", "/no/such/baseline.json"]);
    assert_eq!(code, Some(2));
}

#[test]
fn a_release_scoped_run_reports_what_that_release_changed() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let at = |release: &str| {
        let (v, _, err) = run_in(&corpus, &["--release", release]);
        let found: Vec<(String, String)> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().into(),
                    d["path"].as_str().unwrap().into(),
                )
            })
            .collect();
        (found, err)
    };
    // The 57.0 note lists Section T, which 57.0 keeps: reported for 57.0, not for 54.0.
    let rel004 = ("REL004".to_string(), "releases/57.0.md".to_string());
    let (at57, err) = at("57.0");
    assert!(at57.contains(&rel004), "{at57:?}");
    assert!(err.contains("findings elsewhere were left out"), "{err}");
    let (at54, _) = at("54.0");
    assert!(!at54.contains(&rel004), "{at54:?}");
    // 54.0's own note is reported for 54.0 only.
    assert!(
        at54.iter()
            .any(|(c, p)| c == "REL001" && p == "releases/54.0.md")
    );
    assert!(!at57.iter().any(|(_, p)| p == "releases/54.0.md"));
    // Every finding of a scoped run is in what that release changed.
    assert!(at57.iter().all(|(_, p)| p == "releases/57.0.md"
        || p == "document-log.csv"
        || p.starts_with("documents/")
        || p.starts_with("redlines/")));
    // A release the log lacks is a usage error.
    let out = seccheck()
        .args(["--release", "99.0"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn colour_follows_force_color_then_no_color() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let run = |env: &[(&str, &str)]| {
        let mut cmd = seccheck();
        cmd.arg(&corpus).env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    // Not a terminal: no colour unless forced.
    assert!(!run(&[]).contains('\u{1b}'));
    assert!(run(&[("FORCE_COLOR", "1")]).contains("\u{1b}["));
    assert!(run(&[("CLICOLOR_FORCE", "1")]).contains("\u{1b}["));
    assert!(!run(&[("CLICOLOR_FORCE", "0")]).contains('\u{1b}'));
    // Forcing wins over NO_COLOR (CI sets the one for logs that show colour); --color
    // wins over both.
    assert!(run(&[("FORCE_COLOR", "1"), ("NO_COLOR", "1")]).contains("\u{1b}["));
    let mut cmd = seccheck();
    cmd.arg(&corpus)
        .args(["--color", "never"])
        .env("FORCE_COLOR", "1");
    assert!(
        !String::from_utf8(cmd.output().unwrap().stdout)
            .unwrap()
            .contains('\u{1b}')
    );
}

#[test]
fn the_report_is_wrapped_at_columns() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let widest = |columns: &str| {
        let out = seccheck()
            .arg(&corpus)
            .env("COLUMNS", columns)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        // Help lines are wrapped at the width (snippet lines are the file's own).
        text.lines()
            .filter(|l| l.trim_start().starts_with("help:"))
            .map(|l| l.chars().count())
            .max()
            .unwrap()
    };
    assert!(widest("70") <= 70, "{}", widest("70"));
    assert!(widest("200") > 100, "{}", widest("200"));
}

#[test]
fn a_folder_holding_a_corpus_below_it_says_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "corpus/document-log.csv",
        b"release,effective_date,document,version,title\n",
    );
    write(dir.path(), "README.md", b"# A repository\n");
    let out = seccheck().arg(dir.path()).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let corpus = dir.path().join("corpus");
    assert!(
        stderr.contains(&format!(
            "holds a Document Log: to check that corpus, run `seccheck {}`",
            corpus.display()
        )),
        "{stderr}"
    );
    // A corpus folder itself gets no such note.
    let out = seccheck().arg(&corpus).output().unwrap();
    assert!(
        !String::from_utf8(out.stderr)
            .unwrap()
            .contains("holds a Document Log")
    );
}

#[test]
fn completions_and_the_manual_page_are_generated() {
    let out = seccheck().args(["completions", "bash"]).output().unwrap();
    assert!(out.status.success());
    let script = String::from_utf8(out.stdout).unwrap();
    for sub in [
        "check",
        "refs",
        "inspect",
        "export",
        "explain",
        "--show-suppressed",
    ] {
        assert!(script.contains(sub), "bash completion lacks {sub}");
    }
    // The script is valid bash.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seccheck.bash");
    fs::write(&path, &script).unwrap();
    if let Ok(bash) = std::process::Command::new("bash")
        .arg("-n")
        .arg(&path)
        .output()
    {
        assert!(
            bash.status.success(),
            "{}",
            String::from_utf8_lossy(&bash.stderr)
        );
    }
    let out = seccheck().arg("man").output().unwrap();
    let man = String::from_utf8(out.stdout).unwrap();
    assert!(man.contains(".TH seccheck 1"), "{man}");
    assert!(man.contains("Smart Energy Code"));
    let out = seccheck().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// A named pipe is never opened (a read would block forever) and a link out of the
/// corpus folder is not followed unless asked: each is reported, the rest still checked.
#[cfg(unix)]
#[test]
fn special_files_and_links_leaving_the_corpus_are_reported_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let outside = dir.path().join("outside.md");
    fs::write(&outside, "# Section H: DCC Services\n\nH1.1 Text.\n").unwrap();
    write(
        &corpus,
        "documents/section-h/9.0.md",
        b"# Section H: DCC Services\n\nH1.1 Text.\n",
    );
    std::os::unix::fs::symlink(&outside, corpus.join("documents/section-h/9.1.md")).unwrap();
    let fifo = corpus.join("documents/section-h/9.2.md");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let (v, code) = json(&corpus, &[]);
    assert_eq!(code, 1);
    let messages: Vec<(String, String)> = pairs(&v, "code", "message");
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert_eq!(messages[0].0, "IO001");
    assert!(
        messages[0]
            .1
            .starts_with("documents/section-h/9.1.md could not be read: it is a symbolic link to ")
    );
    assert!(
        messages[0].1.ends_with(
            ", outside the corpus folder, so it was not read (--follow-outside reads it)"
        )
    );
    assert_eq!(
        messages[1],
        (
            "IO001".to_string(),
            "documents/section-h/9.2.md could not be read: it is a named pipe, not a file, so it was not opened".to_string()
        )
    );
    // Followed when asked: only the pipe is left.
    let (v, _) = json(&corpus, &["--follow-outside"]);
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 1);
    // A corpus path that is a pipe is a usage failure.
    let out = seccheck().arg(&fifo).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("it is a named pipe, not a folder or a file")
    );
}

/// Several files of one corpus (what a pre-commit hook passes): the corpus is checked
/// once and the findings of those files reported; a corpus folder among them reports the
/// whole corpus; paths in two corpora are refused.
#[test]
fn several_paths_in_one_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = seccheck()
        .current_dir(root)
        .args([
            "corpus/documents/section-h/9.2.md",
            "corpus/releases/57.0.md",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    // corpus/README.md: REF003 in Section H 9.2; REL002 and REL004 in the 57.0 note.
    assert_eq!(
        pairs(&v, "code", "path"),
        [
            (
                "REF003".to_string(),
                "documents/section-h/9.2.md".to_string()
            ),
            ("REL002".to_string(), "releases/57.0.md".to_string()),
            ("REL004".to_string(), "releases/57.0.md".to_string()),
        ]
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "note: checked documents/section-h/9.2.md, releases/57.0.md with the corpus at "
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("; 35 findings in other files were left out"),
        "{stderr}"
    );

    let out = seccheck()
        .current_dir(root)
        .args(["corpus/releases/57.0.md", "corpus", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 38);

    let other = tempfile::tempdir().unwrap();
    fs::write(
        other.path().join("document-log.csv"),
        "release,effective_date,document,version,title\n",
    )
    .unwrap();
    let out = seccheck()
        .current_dir(root)
        .arg("corpus/releases/57.0.md")
        .arg(other.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("error: corpus/releases/57.0.md and ")
            && stderr.contains(" lie in different corpora (")
            && stderr.ends_with("); run seccheck once for each corpus\n"),
        "{stderr}"
    );
}

/// A file inside a corpus is checked with its corpus (found upward), and only its own
/// findings are reported; a file in no corpus is checked alone.
#[test]
fn a_file_inside_a_corpus_is_checked_with_its_corpus() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/documents/section-h/9.2.md");
    let out = seccheck()
        .arg(&file)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(String, String)> = pairs(&v, "code", "path");
    // Its one finding needs the Document Log (the cited title at release 57.0).
    assert_eq!(
        found,
        [(
            "REF003".to_string(),
            "documents/section-h/9.2.md".to_string()
        )]
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("note: checked documents/section-h/9.2.md with the corpus at "),
        "{stderr}"
    );
    assert!(
        stderr.contains("; 37 findings in other files were left out"),
        "{stderr}"
    );
    assert!(
        v["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("but its title at release 57.0 is")
    );
    // Alone, the same text has no log: only the file's own disagreement is seen.
    let dir = tempfile::tempdir().unwrap();
    let alone = dir.path().join("9.2.md");
    fs::copy(&file, &alone).unwrap();
    let (v, _) = json(&alone, &[]);
    let messages: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.iter().all(|m| !m.contains("at release 57.0")),
        "{messages:?}"
    );
}

#[test]
fn statistics_quiet_and_minimum_severity() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let run = |args: &[&str]| {
        let out = seccheck().arg(&corpus).args(args).output().unwrap();
        (String::from_utf8(out.stdout).unwrap(), out.status.code())
    };
    // corpus/: 32 errors, 5 warnings, 1 info; REF003 twice, every other rule once.
    let (stats, code) = run(&["--statistics"]);
    assert_eq!(code, Some(1));
    let lines: Vec<&str> = stats.lines().collect();
    assert_eq!(lines[0], "     2  REF003  error    cited-title-differs");
    assert_eq!(lines[1], "     1  DATE001 error    impossible-date");
    assert_eq!(lines.len(), 37 + 1);
    assert_eq!(
        lines[37],
        "Checked 53 files (13 documents, 4 releases): 32 errors, 5 warnings, 1 info."
    );
    // Warnings and errors only; the info (DEF003) is left out, and so from the counts.
    let (concise, _) = run(&["--format", "concise", "--min-severity", "warning"]);
    assert!(!concise.contains(" DEF003 "));
    assert!(
        concise.ends_with("32 errors, 5 warnings, 0 infos.\n"),
        "{concise}"
    );
    let (errors, code) = run(&["--format", "concise", "--min-severity", "error", "--quiet"]);
    assert_eq!(code, Some(1));
    assert_eq!(errors.lines().count(), 32);
    assert!(errors.lines().all(|l| l.contains(" error ")));
    // Quiet human output ends with the last finding, no notes, no summary.
    let (human, _) = run(&["--quiet", "--color", "never"]);
    assert!(!human.contains("Checked 53 files"));
    // (A finding's related places are its own "  note:" lines; the run's notes start a
    // line.)
    assert!(!human.lines().any(|l| l.starts_with("note: ")));
    assert!(run(&["--color", "never"]).0.contains("Checked 53 files"));
    // Reports say which report they are.
    let (json, _) = run(&["--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["kind"], "check");
}

/// `--output FILE` writes the chosen format there and the human report to the terminal;
/// never a file inside the corpus.
#[test]
fn output_writes_the_format_to_a_file_and_the_human_report_to_the_terminal() {
    let dir = clean_corpus();
    let out_dir = tempfile::tempdir().unwrap();
    let file = out_dir.path().join("report.xml");
    let out = seccheck()
        .arg(dir.path())
        .args(["--format", "junit", "--color", "never", "--output"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let xml = fs::read_to_string(&file).unwrap();
    assert!(xml.starts_with("<?xml"), "{xml}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("Checked "), "{stdout}");
    // Inside the corpus: refused, nothing written.
    let inside = dir.path().join("report.json");
    let out = seccheck()
        .arg(dir.path())
        .args(["--format", "json", "-o"])
        .arg(&inside)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!inside.exists());
}

/// `--config FILE` replaces the corpus's seccheck.toml; `[rules]` takes families (a code
/// beats its family); `[per-path]` changes severities or switches rules off for the files
/// a glob matches, and the report says where a rule is off.
#[test]
fn config_file_families_and_per_path_settings() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("ci.toml");
    fs::write(
        &config,
        "[rules]\nREF = \"warning\"\nREF004 = \"error\"\n\n[per-path]\n\"documents/section-[gh]/**\" = { REF003 = \"off\" }\n\"releases/*.md\" = { REL = \"info\" }\n",
    )
    .unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let out = seccheck()
        .arg(&corpus)
        .arg("--config")
        .arg(&config)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(String, String, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"].as_str().unwrap().starts_with("RE"))
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                d["path"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |code: &str, severity: &str, path: &str| {
        found.contains(&(code.to_string(), severity.to_string(), path.to_string()))
    };
    // REF family → warning; REF004's own setting wins.
    assert!(
        has("REF002", "warning", "documents/section-j/3.0.md"),
        "{found:#?}"
    );
    assert!(
        has("REF004", "error", "documents/section-g/4.1.md"),
        "{found:#?}"
    );
    // REF003 off in Sections G and H only.
    assert!(
        !found
            .iter()
            .any(|f| f.0 == "REF003" && f.2.starts_with("documents/section-h/"))
    );
    assert!(
        has("REF003", "warning", "documents/section-l/6.1.md"),
        "{found:#?}"
    );
    // REL → info in Markdown notes; the .txt note keeps its severities.
    assert!(has("REL004", "info", "releases/57.0.md"), "{found:#?}");
    assert!(has("REL005", "error", "releases/40.0.txt"), "{found:#?}");
    // The corpus's own seccheck.toml is not read, and a note says so.
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("seccheck.toml is not read: --config "),
        "{stderr}"
    );
    assert_eq!(
        v["disabled"],
        serde_json::json!([{ "code": "REF003", "by": "seccheck.toml", "paths": "documents/section-[gh]/**" }])
    );
    let human = seccheck()
        .arg(&corpus)
        .arg("--config")
        .arg(&config)
        .args(["--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(
        text.contains(
            "note: switched off by seccheck.toml for documents/section-[gh]/**: REF003\n"
        ),
        "{text}"
    );
    // A --config that does not exist is refused.
    let out = seccheck()
        .arg(&corpus)
        .args(["--config", "no-such.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: --config no-such.toml: no such file (give the path of a seccheck.toml)\n"
    );
}

/// The walk leaves out what `.ignore` names, and what `.gitignore` names inside a Git work
/// tree (a build's `target/` beside a corpus in a repository), as ripgrep does; the
/// summary counts only the files read.
#[test]
fn ignore_files_leave_files_out() {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let p = dir.path().join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    };
    // A loose folder: every file found is read.
    write(
        "section-h.md",
        "# Section H: DCC Services\n\nH1.1 The DCC shall act.\n",
    );
    // Binary junk that would be IO003 if read.
    write("target/debug/build.bin", "\u{0}\u{1}\u{2}junk");
    write("scratch/notes.bin", "\u{0}\u{1}\u{2}junk");
    write(".ignore", "target/\n");
    write(".gitignore", "scratch/\n");
    let files = |v: &Value| -> Vec<String> {
        v["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_string())
            .collect()
    };
    // Not a Git work tree: .gitignore is not read (as in ripgrep); .ignore is.
    let (v, _) = json(dir.path(), &[]);
    assert_eq!(files(&v), ["scratch/notes.bin", "section-h.md"], "{v:#}");
    assert_eq!(v["diagnostics"][0]["code"], "IO003");
    // In a Git work tree, .gitignore is read too.
    fs::create_dir(dir.path().join(".git")).unwrap();
    let (v, _) = json(dir.path(), &[]);
    assert_eq!(files(&v), ["section-h.md"], "{v:#}");
    assert_eq!(v["summary"]["files"], 1);
    assert!(
        !v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "IO003")
    );
}

/// Copies the sample corpus to `to`, without its own seccheck.toml.
fn sample_without_settings(to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    for e in walkdir::WalkDir::new(&from) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(&from).unwrap();
        if e.file_type().is_dir() {
            fs::create_dir_all(to.join(rel)).unwrap();
        } else if rel != Path::new("seccheck.toml") {
            fs::copy(e.path(), to.join(rel)).unwrap();
        }
    }
}

/// Codes and severities of a JSON report, with the stderr.
fn codes_of(out: &std::process::Output) -> (Vec<(String, String, String)>, String) {
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                format!("{}:{}", d["path"].as_str().unwrap(), d["line"]),
            )
        })
        .collect();
    (found, String::from_utf8(out.stderr.clone()).unwrap())
}

/// A corpus without its own seccheck.toml takes the nearest one above it, up to the root
/// of its Git repository and never beyond; `extend` layers settings files (the nearer
/// wins, a family setting included) and a missing or looping `extend` is CFG001.
#[test]
fn settings_found_above_the_corpus_and_extended() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    let corpus = repo.join("corpus");
    sample_without_settings(&corpus);
    fs::create_dir_all(repo.join("shared")).unwrap();
    fs::write(
        repo.join("shared/base.toml"),
        "[rules]\nREF = \"off\"\nREL004 = \"off\"\n",
    )
    .unwrap();
    fs::write(
        repo.join("seccheck.toml"),
        "extend = \"shared/base.toml\"\n[rules]\nREF002 = \"warning\"\n",
    )
    .unwrap();
    let run = || {
        seccheck()
            .arg(&corpus)
            .args(["--format", "json"])
            .output()
            .unwrap()
    };
    let has = |found: &[(String, String, String)], code: &str| {
        found.iter().filter(|f| f.0 == code).count()
    };
    let concise = || {
        let out = seccheck()
            .arg(&corpus)
            .args(["--format", "concise"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };

    // Not in a Git repository: the settings above are not read.
    let (found, stderr) = codes_of(&run());
    assert_eq!(has(&found, "REF003"), 2, "{found:?}");
    assert_eq!(has(&found, "REL004"), 1);
    assert!(!stderr.contains("note: using the settings"), "{stderr}");

    // In a repository: ../seccheck.toml and the base it extends apply.
    fs::create_dir(repo.join(".git")).unwrap();
    let out = run();
    let (found, stderr) = codes_of(&out);
    assert_eq!(has(&found, "REF003"), 0, "{found:?}");
    assert_eq!(has(&found, "REF004"), 0);
    assert_eq!(has(&found, "REL004"), 0);
    assert!(
        found.contains(&(
            "REF002".into(),
            "warning".into(),
            "documents/section-j/3.0.md:25".into()
        )),
        "{found:?}"
    );
    assert!(!found.iter().any(|f| f.0 == "CFG001"), "{found:?}");
    assert!(
        stderr.contains("note: using the settings in ")
            && stderr.contains("../seccheck.toml, found above the corpus folder"),
        "{stderr}"
    );
    // The sample's own setting (DOC001 = "error") is not there: DOC001 is not raised.
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["path"].as_str())
        .filter(|p| p.ends_with(".toml"))
        .collect();
    assert_eq!(files, ["../seccheck.toml", "../shared/base.toml"]);

    // `diff` reads the same settings: REL004, off, is not introduced at 57.0.
    let out = seccheck()
        .arg("diff")
        .arg(&corpus)
        .args(["--since", "54.0", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let introduced: Vec<&str> = v["introduced"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(introduced.contains(&"REL002"), "{introduced:?}");
    assert!(!introduced.contains(&"REL004"), "{introduced:?}");
    assert!(!introduced.contains(&"REF003"), "{introduced:?}");

    // The corpus's own seccheck.toml wins over the one above: only it is read.
    fs::write(corpus.join("seccheck.toml"), "[rules]\nREF003 = \"info\"\n").unwrap();
    let (found, stderr) = codes_of(&run());
    assert_eq!(has(&found, "REF004"), 1);
    assert!(
        found
            .iter()
            .filter(|f| f.0 == "REF003")
            .all(|f| f.1 == "info")
    );
    assert!(!stderr.contains("note: using the settings"), "{stderr}");
    fs::remove_file(corpus.join("seccheck.toml")).unwrap();

    // A missing file named by `extend`: CFG001 at its name; the nearer settings still apply.
    fs::write(
        repo.join("seccheck.toml"),
        "# shared settings\nextend = \"nope.toml\"\n[rules]\nREF002 = \"warning\"\n",
    )
    .unwrap();
    let text = concise();
    assert!(
        text.contains("../seccheck.toml:2:10: CFG001 error `extend` names ../nope.toml, which cannot be read: No such file or directory (os error 2)\n"),
        "{text}"
    );
    assert!(text.contains(": REF002 warning "), "{text}");

    // Files that extend each other: CFG001 where the loop closes; each applied once.
    fs::write(
        repo.join("seccheck.toml"),
        "extend = \"shared/base.toml\"\n[rules]\nREF002 = \"warning\"\n",
    )
    .unwrap();
    fs::write(
        repo.join("shared/base.toml"),
        "extend = \"../seccheck.toml\"\n[rules]\nREL004 = \"off\"\n",
    )
    .unwrap();
    let text = concise();
    assert!(
        text.contains("../shared/base.toml:1:10: CFG001 error `extend` names ../seccheck.toml, which was already read: the settings files extend each other in a loop\n"),
        "{text}"
    );
    assert!(!text.contains(" REL004 "), "{text}");
    assert!(text.contains(": REF002 warning "), "{text}");
}

/// `--diff` shows the fixes findings offer as a unified diff; applied with `git apply` to
/// a copy of the sample corpus, the findings they fix are gone and nothing new appears.
#[test]
fn fixes_as_a_diff_resolve_their_findings() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    sample_without_settings(&corpus);
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/seccheck.toml"),
        corpus.join("seccheck.toml"),
    )
    .unwrap();
    let before = fs::read_to_string(corpus.join("releases/57.0.md")).unwrap();
    let out = seccheck().arg(&corpus).arg("--diff").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "5 fixes in 3 files; 33 findings have no fix to offer\n"
    );
    // Nothing was written.
    assert_eq!(
        fs::read_to_string(corpus.join("releases/57.0.md")).unwrap(),
        before
    );
    for line in [
        "--- a/releases/40.0.txt\n+++ b/releases/40.0.txt\n",
        "-SEC version 40.0 came into effect on 24 June 2021 to implement the June 2021 SEC Release. This included five Modification Proposals:\n+SEC version 40.0 came into effect on 24 June 2021 to implement the June 2021 SEC Release. This included four Modification Proposals:\n",
        "   • Section H ‘DCC Services’\n+  • Section J ‘Charges’\n   • Schedule 11 ‘TS Applicability Tables’\n",
        "-  • Appendix AC ‘Inventory, Enrolment and Decommissioning Procedures’\n+  • Appendix AC ‘Inventory, Enrolment and Withdrawal Procedures’\n",
        "+The SMKI PMA will consider the first report on key rotation at its meeting on Tuesday 21 December 2021.\n",
        " - Section L ‘Smart Metering Key Infrastructure and DCC Key Infrastructure’\n-- Section T ‘Testing During Transition’\n - Schedule 7 ‘Specimen Enabling Services Agreement’\n",
    ] {
        assert!(diff.contains(line), "{line}\nnot in\n{diff}");
    }
    let found = |corpus: &Path| {
        let (v, _, _) = run_in(corpus, &[]);
        let mut f: Vec<String> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                format!(
                    "{} {}",
                    d["code"].as_str().unwrap(),
                    d["path"].as_str().unwrap()
                )
            })
            .collect();
        f.sort();
        f
    };
    let mut expected = found(&corpus);
    let applied = std::process::Command::new("git")
        .args(["apply", "--verbose", "-"])
        .current_dir(&corpus)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(diff.as_bytes())?;
            child.wait()
        })
        .unwrap();
    assert!(applied.success());
    for fixed in [
        "REL005 releases/40.0.txt",
        "REL003 releases/40.0.txt",
        // Section J, listed by REL003's fix, is also what REL007 found missing.
        "REL007 releases/40.0.txt",
        "REL008 releases/40.0.txt",
        "DATE002 releases/54.0.md",
        "REL004 releases/57.0.md",
    ] {
        let i = expected.iter().position(|f| f == fixed).unwrap();
        expected.remove(i);
    }
    assert_eq!(found(&corpus), expected);
    // Nothing left to fix: no diff, exit 0.
    let out = seccheck().arg(&corpus).arg("--diff").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn streamed_formats_write_the_same_report_to_a_file_and_to_a_pipe() {
    // Concise and JSON Lines are written a finding at a time: to standard output and to
    // `--output` alike, and a reader that stops after one line is no error.
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let out_dir = tempfile::tempdir().unwrap();
    for format in ["concise", "jsonl"] {
        let stdout = seccheck()
            .arg(&corpus)
            .args(["--format", format])
            .output()
            .unwrap();
        assert_eq!(stdout.status.code(), Some(1));
        let text = String::from_utf8(stdout.stdout).unwrap();
        // 38 findings in the sample corpus; concise adds the summary line.
        let findings = text.lines().filter(|l| !l.starts_with("Checked")).count();
        assert_eq!(findings, 38, "{format}");
        let file = out_dir.path().join(format!("report.{format}"));
        let to_file = seccheck()
            .arg(&corpus)
            .args(["--format", format, "--output"])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(to_file.status.code(), Some(1));
        assert_eq!(fs::read_to_string(&file).unwrap(), text, "{format}");
    }
    // A pipe closed after the first line.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("seccheck"))
        .arg(&corpus)
        .args(["--format", "jsonl"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut first,
    )
    .unwrap();
    assert!(first.starts_with("{\"code\":"), "{first}");
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

#[test]
fn spans_count_bytes_of_the_file_as_written() {
    // A UTF-8 byte-order mark and CR LF line ends: the JSON span (and SARIF's byteOffset)
    // point at the citation's bytes in the file; the column counts characters of the line.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "documents/section-h/1.0.md",
        b"# Section H: DCC Services\r\n\r\nH1.1 Text.\r\n",
    );
    let g = "\u{feff}# Section G: Security\r\n\r\nG1.1 As Section H1.9 says.\r\n";
    write(dir.path(), "documents/section-g/1.0.md", g.as_bytes());
    let (v, _) = json(dir.path(), &[]);
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "REF002");
    let (start, end) = (
        d["span"]["start"].as_u64().unwrap() as usize,
        d["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&g.as_bytes()[start..end], b"H1.9");
    assert_eq!(
        (d["line"].clone(), d["column"].clone()),
        (serde_json::json!(3), serde_json::json!(17))
    );
    let sarif = seccheck()
        .arg(dir.path())
        .args(["--format", "sarif"])
        .output()
        .unwrap();
    let s: Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let region = &s["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["byteOffset"], start as u64);
}
