//! `seccheck check --diff`: the fixes rules offer, applied to a copy of each file's text in
//! memory and shown as one unified diff (seccheck never writes into the corpus). The diff
//! is of the text as seccheck read it — decoded to UTF-8, a web page's source as it is —
//! so `git apply` or `patch` takes it for UTF-8 files.

use crate::check::Outcome;
use crate::diagnostic::Fix;
use crate::source::FileId;
use std::collections::BTreeMap;

/// What [`render`] made: the diff and its counts.
#[derive(Debug, Default)]
pub struct FixDiff {
    pub diff: String,
    /// Fixes applied, and the files they change.
    pub applied: usize,
    pub files: usize,
    /// Fixes left out because an earlier one changes the same text.
    pub overlapping: usize,
    /// Findings with no fix to offer.
    pub without: usize,
}

pub fn render(outcome: &Outcome) -> FixDiff {
    let corpus = &outcome.corpus;
    let mut by_file: BTreeMap<FileId, Vec<&Fix>> = BTreeMap::new();
    let mut out = FixDiff::default();
    for d in &outcome.diagnostics {
        match &d.fix {
            Some(f) => by_file.entry(f.file).or_default().push(f),
            None => out.without += 1,
        }
    }
    // Files in path order, as the report lists them.
    let mut files: Vec<(FileId, Vec<&Fix>)> = by_file.into_iter().collect();
    files.sort_by(|a, b| corpus.file(a.0).path.cmp(&corpus.file(b.0).path));
    for (file, mut fixes) in files {
        let source = corpus.source(file);
        let old = source.text.as_str();
        // Stable: insertions at one place keep the order the findings came in.
        fixes.sort_by_key(|f| (f.span.start, f.span.end));
        let mut new = String::with_capacity(old.len());
        let mut at = 0usize;
        let mut applied = 0;
        for f in fixes {
            let (start, end) = (f.span.start as usize, f.span.end as usize);
            let fits = start >= at
                && end <= old.len()
                && old.is_char_boundary(start)
                && old.is_char_boundary(end);
            // Two fixes of the same text: the first stands; an insertion right where a
            // replacement ends is fine.
            if !fits || (start == end && start < at) {
                out.overlapping += 1;
                continue;
            }
            new.push_str(&old[at..start]);
            new.push_str(&f.replacement);
            at = end;
            applied += 1;
        }
        new.push_str(&old[at..]);
        if applied == 0 || new == old {
            continue;
        }
        out.applied += applied;
        out.files += 1;
        let path = &corpus.file(file).path;
        let diff = similar::TextDiff::from_lines(old, &new);
        out.diff.push_str(
            &diff
                .unified_diff()
                .context_radius(3)
                .header(&format!("a/{path}"), &format!("b/{path}"))
                .to_string(),
        );
    }
    out
}
