//! One fixture and one reviewed snapshot per rule, in the manner of ruff.
//!
//! `tests/fixtures/rules/<CODE>/fail/` is a small corpus on which the rule fires, in each
//! of the distinct ways its docs describe; `pass/` holds the near-misses that must stay
//! silent. Each is checked as a user would check it (`check_path`, then the JSON report),
//! and the findings are written in a compact form (code, severity, path:line:col, message,
//! label, related labels, help) that is compared with `snapshots/`. Every snapshot was
//! read line by line when it was accepted: a finding at the wrong span or with a garbled
//! message changes it.
//!
//! Beyond the snapshot, the test asserts what must hold whatever the snapshot says: the
//! failing corpus yields the rule at least once, the passing one never.
//!
//! Two rules cannot be fixtures at rest, and are tested at the end of this file (see the
//! README in their fixture folders): IO001 (an unreadable file) needs symbolic links that
//! loop or point nowhere, which git does not keep reliably, so its corpora are built in a
//! temporary folder; IO005 (seccheck failed) has no input known to produce it, so only
//! its near-misses, inputs at the edge of every parser, are checked.

use seccheck::check::{Outcome, check_path};
use seccheck::report::json;
use seccheck::rules::RULES;
use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// The JSON report's findings, one block each, in report order.
fn compact(outcome: &Outcome) -> String {
    let report: Value =
        serde_json::from_str(&json::render(outcome)).expect("the JSON report parses");
    let mut out = String::new();
    let summary = &report["summary"];
    writeln!(
        out,
        "{} errors, {} warnings, {} infos",
        summary["errors"], summary["warnings"], summary["infos"]
    )
    .unwrap();
    let at = |d: &Value| {
        format!(
            "{}:{}:{}-{}:{}",
            d["path"].as_str().unwrap_or("?"),
            d["line"],
            d["column"],
            d["end_line"],
            d["end_column"]
        )
    };
    for d in report["diagnostics"].as_array().into_iter().flatten() {
        writeln!(
            out,
            "\n{} {} {}\n  message: {}",
            d["code"].as_str().unwrap_or("?"),
            d["severity"].as_str().unwrap_or("?"),
            at(d),
            d["message"].as_str().unwrap_or("")
        )
        .unwrap();
        if let Some(label) = d["label"].as_str() {
            writeln!(out, "  label: {label}").unwrap();
        }
        for r in d["related"].as_array().into_iter().flatten() {
            writeln!(
                out,
                "  related {}: {}",
                at(r),
                r["label"].as_str().unwrap_or("")
            )
            .unwrap();
        }
        if let Some(help) = d["help"].as_str() {
            writeln!(out, "  help: {help}").unwrap();
        }
    }
    out
}

fn codes(outcome: &Outcome) -> Vec<&str> {
    outcome.diagnostics.iter().map(|d| d.code).collect()
}

/// Checks `<CODE>/fail` and `<CODE>/pass` against their snapshots.
fn run(code: &str) {
    let dir = fixtures().join(code);
    for side in ["fail", "pass"] {
        let root = dir.join(side);
        assert!(root.is_dir(), "{} is missing", root.display());
        let outcome = check_path(&root).unwrap();
        assert_outcome(code, side, &outcome);
    }
}

fn assert_outcome(code: &str, side: &str, outcome: &Outcome) {
    let found = codes(outcome);
    match side {
        "fail" => assert!(
            found.contains(&code),
            "{code}/fail should yield {code}, got {found:?}"
        ),
        _ => assert!(
            !found.contains(&code),
            "{code}/pass should not yield {code}, got {found:?}"
        ),
    }
    insta::with_settings!({ snapshot_path => "snapshots/rules", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(format!("{code}-{side}"), compact(outcome));
    });
}

#[test]
fn every_rule_has_a_fixture_folder() {
    let missing: Vec<&str> = RULES
        .iter()
        .map(|r| r.code)
        .filter(|c| !fixtures().join(c).is_dir())
        .collect();
    assert!(
        missing.is_empty(),
        "rules without tests/fixtures/rules/<CODE>/: {missing:?}"
    );
}

macro_rules! rule_fixtures {
    ($($test:ident => $code:literal),* $(,)?) => {
        $( #[test] fn $test() { run($code); } )*

        #[test]
        fn every_rule_has_a_fixture_test() {
            // IO001 and IO005 are tested below, without a static failing corpus.
            let tested = [$($code,)* "IO001", "IO005"];
            let untested: Vec<&str> = RULES
                .iter()
                .map(|r| r.code)
                .filter(|c| !tested.contains(c))
                .collect();
            assert!(untested.is_empty(), "rules without a fixture test: {untested:?}");
        }
    };
}

rule_fixtures! {
    cfg001 => "CFG001",
    date001 => "DATE001",
    date002 => "DATE002",
    def001 => "DEF001",
    def002 => "DEF002",
    def003 => "DEF003",
    def004 => "DEF004",
    def005 => "DEF005",
    def006 => "DEF006",
    doc001 => "DOC001",
    doc002 => "DOC002",
    io002 => "IO002",
    io003 => "IO003",
    io008 => "IO008",
    io009 => "IO009",
    sup001 => "SUP001",
    io004 => "IO004",
    io006 => "IO006",
    io007 => "IO007",
    log001 => "LOG001",
    log002 => "LOG002",
    log003 => "LOG003",
    log004 => "LOG004",
    log005 => "LOG005",
    log006 => "LOG006",
    log007 => "LOG007",
    log008 => "LOG008",
    red001 => "RED001",
    red002 => "RED002",
    red003 => "RED003",
    red004 => "RED004",
    red005 => "RED005",
    red006 => "RED006",
    ref001 => "REF001",
    ref002 => "REF002",
    ref003 => "REF003",
    ref004 => "REF004",
    ref005 => "REF005",
    ref006 => "REF006",
    ref007 => "REF007",
    ref008 => "REF008",
    rel001 => "REL001",
    rel002 => "REL002",
    rel003 => "REL003",
    rel004 => "REL004",
    rel005 => "REL005",
    rel006 => "REL006",
    rel007 => "REL007",
    rel008 => "REL008",
    rel009 => "REL009",
    rel010 => "REL010",
    rel011 => "REL011",
    rel012 => "REL012",
    vct001 => "VCT001",
    vct002 => "VCT002",
    vct003 => "VCT003",
    vct004 => "VCT004",
    vct005 => "VCT005",
    vct006 => "VCT006",
    vct007 => "VCT007",
}

// ---- IO001 and IO005: corpora that cannot be files at rest ----

fn write(root: &Path, path: &str, text: &str) {
    let p = root.join(path);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const LOG: &str = "release,effective_date,document,version,title\n\
                   40.0,2021-06-24,section-h,12.0,DCC Services\n\
                   40.0,2021-06-24,section-j,3.0,Charges\n";

const SECTION_H: &str = "# Section H: DCC Services\n\n## H8 Service Management\n\n\
                         H8.16 The DCC shall refresh the WAN Coverage Database each week.\n";

const SECTION_J: &str = "# Section J: Charges\n\n## J1 Determining Charges\n\n\
                         J1.2 Each invoice shall set out the Fixed Charges.\n";

const NOTE: &str = "SEC v40.0 published for the June 2021 SEC Release\n\n24 June 2021\n\n\
                    SEC version 40.0 came into effect on 24 June 2021.\n\n\
                    What parts of the SEC were affected?\n\n  \
                    \u{2022} Section H \u{2018}DCC Services\u{2019}\n  \
                    \u{2022} Section J \u{2018}Charges\u{2019}\n";

/// A clean corpus: IO001's cases are added to it, so every finding is theirs.
fn clean_corpus(root: &Path) {
    write(root, "document-log.csv", LOG);
    write(root, "documents/section-h/12.0.md", SECTION_H);
    write(root, "documents/section-j/3.0.md", SECTION_J);
    write(root, "releases/40.0.md", NOTE);
}

/// IO001 fires: a link back to the corpus root, a link back to the folder that holds it,
/// and a logged version whose file is a link to a file that does not exist.
#[cfg(unix)]
#[test]
fn io001_fail() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    clean_corpus(root);
    // An absolute link to the corpus root.
    symlink(root, root.join("releases/archive")).unwrap();
    // A relative link to its own folder's parent, deeper down.
    std::fs::create_dir_all(root.join("redlines/section-h")).unwrap();
    symlink("..", root.join("redlines/section-h/previous")).unwrap();
    // A logged version whose file is a link to a file that was moved away.
    std::fs::remove_file(root.join("documents/section-j/3.0.md")).unwrap();
    symlink(
        "../../exports/section-j-3.0.md",
        root.join("documents/section-j/3.0.md"),
    )
    .unwrap();
    let outcome = check_path(root).unwrap();
    assert_outcome("IO001", "fail", &outcome);
}

/// IO001 stays quiet: links that resolve (to a file and to a folder outside the corpus
/// folders, with no loop), and a hidden dangling link at the root (an editor's lock file).
#[cfg(unix)]
#[test]
fn io001_pass() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "document-log.csv", LOG);
    write(root, "exports/section-h-12.0.md", SECTION_H);
    write(root, "exports/section-j/3.0.md", SECTION_J);
    write(root, "releases/40.0.md", NOTE);
    std::fs::create_dir_all(root.join("documents/section-h")).unwrap();
    symlink(
        "../../exports/section-h-12.0.md",
        root.join("documents/section-h/12.0.md"),
    )
    .unwrap();
    symlink("../exports/section-j", root.join("documents/section-j")).unwrap();
    // Hidden dangling links (an editor's lock files), at the root and below it.
    symlink("root@host.1234:1700000000", root.join(".#document-log.csv")).unwrap();
    symlink(
        "root@host.1234:1700000000",
        root.join("documents/section-h/.#12.0.md"),
    )
    .unwrap();
    let outcome = check_path(root).unwrap();
    assert_outcome("IO001", "pass", &outcome);
}

/// IO005 cannot be made to fire from any known input; inputs at the edge of the parsers
/// must not make it fire either.
#[test]
fn io005_pass() {
    let outcome = check_path(&fixtures().join("IO005/pass")).unwrap();
    assert_outcome("IO005", "pass", &outcome);
}
