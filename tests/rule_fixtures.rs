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
//! A rule whose finding cannot be produced by files at rest (a file that changes between
//! two reads, an unreadable file) builds its corpus in a temporary folder: see
//! `built_fixtures` below, and the README in its fixture folder.

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
    let report: Value = serde_json::from_str(&json::render(outcome)).expect("the JSON report parses");
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
            let tested = [$($code),*];
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
    doc001 => "DOC001",
    doc002 => "DOC002",
    io001 => "IO001",
    io002 => "IO002",
    io003 => "IO003",
    io004 => "IO004",
    io005 => "IO005",
    io006 => "IO006",
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
    rel001 => "REL001",
    rel002 => "REL002",
    rel003 => "REL003",
    rel004 => "REL004",
    rel005 => "REL005",
    rel006 => "REL006",
    rel007 => "REL007",
    rel008 => "REL008",
    vct001 => "VCT001",
    vct002 => "VCT002",
    vct003 => "VCT003",
    vct004 => "VCT004",
    vct005 => "VCT005",
}
