//! Baselines: accept today's findings so that CI fails only on new ones.
//!
//! A finding's fingerprint must survive what SEC files go through: lines added above it,
//! and a document version bumped to a new file with the same text. So it is made of the
//! rule's code, the file's identity *without its version* (`documents/section-h`, not
//! `documents/section-h/9.1.md`), and the text the finding points at (white space
//! squeezed), with its related places likewise — never line numbers, byte offsets, version
//! file names or the message (which names versions and releases). Two findings with the
//! same fingerprint are counted: a baseline accepts as many as it recorded.

use crate::check::Outcome;
use crate::diagnostic::{Diagnostic, Label};
use crate::hash::FxHasher;
use crate::model::Corpus;
use crate::store::Held;
use crate::title::squeeze;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::Hasher;

/// One accepted finding as the baseline file records it (what a person reads, and the
/// fingerprint that matches it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub fingerprint: String,
    pub code: String,
    pub path: String,
    pub line: usize,
    pub message: String,
}

/// The baseline file: `{"schema":1,"kind":"baseline","findings":[…]}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Baseline {
    pub schema: u32,
    pub kind: String,
    pub findings: Vec<Entry>,
}

/// What applying a baseline did.
#[derive(Debug, Clone, Default)]
pub struct Applied {
    /// Findings the baseline accepts, left out of the report.
    pub accepted: usize,
    /// Baseline entries that no longer occur: fixed, so the baseline can shrink.
    pub gone: Vec<Entry>,
}

/// A file's identity without its version: `documents/section-h` for
/// `documents/section-h/9.1.md`, `redlines/section-h` likewise; other paths as they are.
fn identity(path: &str) -> &str {
    let mut parts = path.splitn(3, '/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("documents" | "redlines"), Some(_), Some(file)) if !file.contains('/') => {
            &path[..path.len() - file.len() - 1]
        }
        _ => path,
    }
}

/// The fingerprint of `d`: 16 hex digits.
pub fn fingerprint(corpus: &Corpus, held: &Held<'_>, d: &Diagnostic) -> String {
    let place = |l: &Label| {
        let source = held.get(l.file);
        let text = source.text.get(l.span.range()).unwrap_or_default();
        format!(
            "{}\u{1f}{}",
            identity(&corpus.file(l.file).path),
            squeeze(text)
        )
    };
    let mut h = FxHasher::default();
    h.write(d.code.as_bytes());
    for l in d.primary.iter().chain(&d.related) {
        h.write(&[0x1e]);
        h.write(place(l).as_bytes());
    }
    format!("{:016x}", h.finish())
}

/// The baseline of an outcome: every finding, in report order.
pub fn record(outcome: &Outcome) -> Baseline {
    let corpus = &outcome.corpus;
    let held = Held::new(&corpus.files);
    let findings = outcome
        .diagnostics
        .iter()
        .map(|d| {
            let (path, line) = match &d.primary {
                Some(l) => (
                    corpus.file(l.file).path.clone(),
                    held.get(l.file).line_col(l.span.start as usize).0,
                ),
                None => (String::new(), 0),
            };
            Entry {
                fingerprint: fingerprint(corpus, &held, d),
                code: d.code.to_string(),
                path,
                line,
                message: d.message.clone(),
            }
        })
        .collect();
    Baseline {
        schema: 1,
        kind: "baseline".into(),
        findings,
    }
}

/// Leaves out of `outcome` the findings `baseline` accepts.
pub fn apply(outcome: &mut Outcome, baseline: &Baseline) -> Applied {
    let mut left: HashMap<&str, Vec<&Entry>> = HashMap::new();
    for e in &baseline.findings {
        left.entry(e.fingerprint.as_str()).or_default().push(e);
    }
    let corpus = &outcome.corpus;
    let held = Held::new(&corpus.files);
    let mut accepted = 0;
    let mut keep = Vec::with_capacity(outcome.diagnostics.len());
    for d in std::mem::take(&mut outcome.diagnostics) {
        let f = fingerprint(corpus, &held, &d);
        match left.get_mut(f.as_str()).and_then(|v| v.pop()) {
            Some(_) => accepted += 1,
            None => keep.push(d),
        }
    }
    outcome.diagnostics = keep;
    let mut gone: Vec<Entry> = left.into_values().flatten().cloned().collect();
    gone.sort_by(|a, b| (&a.path, a.line, &a.code).cmp(&(&b.path, b.line, &b.code)));
    Applied { accepted, gone }
}

#[cfg(test)]
mod tests {
    use super::identity;

    #[test]
    fn a_file_is_known_without_its_version() {
        assert_eq!(
            identity("documents/section-h/9.1.md"),
            "documents/section-h"
        );
        assert_eq!(
            identity("redlines/appendix-ac/2.0.txt"),
            "redlines/appendix-ac"
        );
        assert_eq!(identity("releases/57.0.md"), "releases/57.0.md");
        assert_eq!(identity("document-log.csv"), "document-log.csv");
        assert_eq!(identity("documents/x/y/z.md"), "documents/x/y/z.md");
    }
}
