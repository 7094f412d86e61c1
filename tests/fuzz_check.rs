//! Bounded fuzzing of the whole check on stable, in every `cargo test`: the sample corpus
//! (and its Word twin) with one file damaged at a time (bytes flipped, cut, spliced from
//! another file, or SEC-shaped tokens dropped in: quotes, clause numbers, CriticMarkup,
//! table pipes, bold marks, multi-byte characters), checked in memory and rendered in
//! every format. For every case: no panic, no finding placed outside its file's text
//! or inside a character, and every finding's code is a rule's. A fixed-seed generator
//! makes each case reproducible (the failing case's number is printed).

use seccheck::report;
use std::path::Path;

// The harnesses of `fuzz/`, shared with the cargo-fuzz targets (it has no libFuzzer
// dependency); this test uses the whole-check one, `tests/fuzz_parsers.rs` the others.
#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod fuzz_support;

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

const TOKENS: [&str; 22] = [
    "‘",
    "’",
    "“",
    "Section H8.16",
    "Appendix AC ‘",
    "{++",
    "++}",
    "{--",
    "~>",
    "{~~",
    "|",
    "\n|",
    "**",
    "\n\n",
    "\r",
    "é",
    "🙂",
    "Schedule 11",
    "MP1234 ‘",
    "version 99.99",
    " 2021-02-30",
    "\u{0}",
];

fn files(dir: &Path, root: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, root, out);
        } else {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, std::fs::read(&p).unwrap()));
        }
    }
}

fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>, donor: &[u8]) {
    if bytes.is_empty() {
        bytes.extend_from_slice(b"x");
    }
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len());
        match rng.below(5) {
            0 => bytes[at] ^= 1 << rng.below(8),
            1 => bytes.truncate(at),
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                bytes.splice(at..at, t.bytes());
            }
            3 if !donor.is_empty() => {
                let from = rng.below(donor.len());
                let len = rng.below(200).min(donor.len() - from);
                bytes.splice(at..at, donor[from..from + len].iter().copied());
            }
            _ => {
                let len = rng.below(64).min(bytes.len() - at);
                bytes.drain(at..at + len);
            }
        }
        if bytes.is_empty() {
            bytes.push(b'\n');
        }
    }
}

/// One damaged corpus: the fuzz target's checks ([`fuzz_support::harness::check`]), and
/// the JSON report read back with every finding.
fn check_case(files: Vec<(String, Vec<u8>)>, case: usize) {
    let outcome = fuzz_support::harness::check(files, &format!("case {case}"));
    let json: serde_json::Value = serde_json::from_str(&report::json::render(&outcome)).unwrap();
    assert_eq!(
        json["diagnostics"].as_array().unwrap().len(),
        outcome.diagnostics.len(),
        "case {case}"
    );
}

fn fuzz(corpus: &str, seed: u64, cases: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(corpus);
    let mut base = Vec::new();
    files(&root, &root, &mut base);
    base.sort();
    let mut rng = Rng(seed);
    for case in 0..cases {
        let mut case_files = base.clone();
        let target = rng.below(case_files.len());
        let donor = base[rng.below(base.len())].1.clone();
        mutate(&mut rng, &mut case_files[target].1, &donor);
        check_case(case_files, case);
    }
}

#[test]
fn damaged_text_files_never_break_the_check() {
    fuzz("corpus", 0x5EC_0001, cases(20));
}

#[test]
fn damaged_word_files_never_break_the_check() {
    fuzz("tests/fixtures/corpus-docx/corpus", 0x5EC_0002, cases(10));
}

/// The number of cases: `default`, or `SECCHECK_FUZZ_CASES` for a longer run
/// (`SECCHECK_FUZZ_CASES=5000 cargo test --release --test fuzz_check`).
fn cases(default: usize) -> usize {
    std::env::var("SECCHECK_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}
