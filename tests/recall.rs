//! Recall at scale, in miniature: a generated corpus with planted defects of every rule
//! that has a planter must give exactly those findings (code, file, line), and the same
//! corpus without defects must give none. `seccheck-gen --check DIR` runs the same
//! comparison on a corpus of any size.
#![cfg(feature = "generator")]

use seccheck::generate::{Options, Shape, generate, recall};
use std::collections::BTreeSet;

fn generated(defects: usize, seed: u64) -> (tempfile::TempDir, seccheck::generate::Summary) {
    generated_shape(defects, seed, Shape::Standard, 500_000)
}

fn generated_shape(
    defects: usize,
    seed: u64,
    shape: Shape,
    size: u64,
) -> (tempfile::TempDir, seccheck::generate::Summary) {
    let dir = tempfile::tempdir().unwrap();
    let summary = generate(
        dir.path(),
        &Options {
            size,
            seed,
            defects,
            shape,
        },
    )
    .unwrap();
    (dir, summary)
}

/// The check of a corpus that must give no finding, asserted so.
fn clean(dir: &std::path::Path) -> seccheck::check::Outcome {
    let outcome = seccheck::check::check_path(dir).unwrap();
    let found: Vec<String> = outcome
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    assert!(found.is_empty(), "{found:#?}");
    outcome
}

#[test]
fn a_clean_generated_corpus_gives_no_finding() {
    let (dir, summary) = generated(0, 7);
    assert!(summary.bytes >= 500_000, "{summary:?}");
    assert!(summary.releases >= 4);
    let outcome = clean(dir.path());
    assert!(outcome.skipped.is_empty());
}

/// Every planted defect of the corpus in `dir` found at its place, and nothing else.
fn assert_recall(dir: &std::path::Path, summary: &seccheck::generate::Summary, what: &str) {
    let r = recall(dir).unwrap();
    assert!(
        r.missing.is_empty() && r.unexpected.is_empty(),
        "{what}: missed {:#?}\nunexpected {:#?}",
        r.missing,
        r.unexpected
    );
    assert_eq!(r.planted, summary.planted.len());
}

#[test]
fn every_planted_defect_is_found_at_its_place_and_nothing_else() {
    for seed in [7, 11] {
        let (dir, summary) = generated(60, seed);
        assert_recall(dir.path(), &summary, &format!("seed {seed}"));
        // Every planter found a place: the test covers every rule that has one.
        let codes: BTreeSet<&str> = summary.planted.iter().map(|p| p.code.as_str()).collect();
        let planters: BTreeSet<&str> = seccheck::generate::defects::PLANTERS
            .iter()
            .map(|p| p.code)
            .collect();
        assert_eq!(codes, planters, "seed {seed}");
    }
}

#[test]
fn the_same_seed_gives_the_same_corpus() {
    let (a, _) = generated(20, 5);
    let (b, _) = generated(20, 5);
    let files = |d: &std::path::Path| -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        for e in walkdir::WalkDir::new(d).sort_by_file_name() {
            let e = e.unwrap();
            if e.file_type().is_file() {
                let rel = e
                    .path()
                    .strip_prefix(d)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.push((rel, std::fs::read(e.path()).unwrap()));
            }
        }
        out
    };
    let (fa, fb) = (files(a.path()), files(b.path()));
    assert!(fa.len() > 50);
    assert!(fa == fb, "two runs with seed 5 differ");
}

#[test]
fn the_wide_shape_is_clean_and_its_planted_defects_are_found() {
    // Twenty documents, a long Section A: no finding when clean; with defects, exactly
    // the planted ones.
    let (dir, summary) = generated_shape(0, 3, Shape::Wide, 4_000_000);
    assert_eq!(summary.documents, 20, "{summary:?}");
    let outcome = clean(dir.path());
    let definitions: usize = outcome
        .corpus
        .documents
        .iter()
        .filter(|d| d.document.to_string() == "Section A")
        .map(|d| d.definitions.len())
        .max()
        .unwrap();
    assert!(definitions >= 100, "Section A defines {definitions} terms");
    let (dir, summary) = generated_shape(60, 3, Shape::Wide, 4_000_000);
    assert_recall(dir.path(), &summary, "wide");
}
