//! Shared set-up for the micro-benchmarks: a generated corpus in a temporary folder.
#![allow(dead_code)] // each bench uses part of it

use seccheck::generate::{Options, generate};
use std::path::Path;

/// Generates a corpus of `size` bytes with `defects` planted defects.
pub fn corpus(size: u64, defects: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    generate(
        dir.path(),
        &Options {
            size,
            seed: 7,
            defects,
            shape: Default::default(),
        },
    )
    .expect("the generator writes the corpus");
    dir
}

/// The largest file under `root/sub`.
pub fn largest(root: &Path, sub: &str) -> String {
    let mut best = (0, String::new());
    for e in walkdir::WalkDir::new(root.join(sub)) {
        let e = e.expect("readable");
        if e.file_type().is_file() {
            let len = e.metadata().expect("metadata").len();
            if len > best.0 {
                best = (len, std::fs::read_to_string(e.path()).expect("text"));
            }
        }
    }
    best.1
}
