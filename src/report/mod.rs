//! Rendering: the human format (miette, rustc-style) and the JSON format. Renderers read
//! diagnostics and the corpus's sources; they never change what was found.

pub mod concise;
pub mod fixes;
pub mod github;
pub mod html;
pub mod human;
pub mod inspect;
pub mod json;
pub mod junit;
pub mod refs;
pub mod sarif;

use crate::check::Outcome;
use crate::diagnostic::Severity;
use std::collections::BTreeSet;

/// A corpus path as seen from where seccheck runs: `prefix` is the corpus folder as given
/// on the command line (in CI, relative to the repository's root), so that annotations
/// and code-scanning results land on the file.
pub fn from_run_dir(prefix: &str, path: &str) -> String {
    let prefix = prefix.trim_end_matches('/');
    if prefix.is_empty() || prefix == "." {
        path.to_string()
    } else {
        format!("{prefix}/{path}")
    }
}

/// The closing counts of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub documents: usize,
    pub document_versions: usize,
    pub releases: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings inline suppressions accepted (not in the counts above).
    pub suppressed: usize,
}

impl Summary {
    pub fn of(outcome: &Outcome) -> Summary {
        let c = &outcome.corpus;
        let count = |s| {
            outcome
                .diagnostics
                .iter()
                .filter(|d| d.severity == s)
                .count()
        };
        let mut releases: BTreeSet<String> = BTreeSet::new();
        if let Some(log) = &c.log {
            releases.extend(log.rows.iter().map(|r| r.release.to_string()));
        }
        releases.extend(
            c.release_notes
                .iter()
                .filter_map(|n| n.release.as_ref().map(|r| r.to_string())),
        );
        // Loose notes carry no release key yet: count them one each.
        let loose_notes = c
            .release_notes
            .iter()
            .filter(|n| n.release.is_none())
            .count();
        Summary {
            files: c.files.len(),
            documents: c
                .documents
                .iter()
                .map(|d| &d.document)
                .collect::<BTreeSet<_>>()
                .len(),
            document_versions: c.documents.len(),
            releases: releases.len() + loose_notes,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            suppressed: outcome.suppressed.len(),
        }
    }

    /// `Checked 57 files (14 documents, 4 releases): 3 errors, 2 warnings, 0 infos.`
    pub fn line(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let suppressed = match self.suppressed {
            0 => String::new(),
            n => format!("; {n} suppressed"),
        };
        format!(
            "Checked {} ({}, {}): {}, {}, {}{suppressed}.",
            plural(self.files, "file"),
            plural(self.documents, "document"),
            plural(self.releases, "release"),
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.infos, "info"),
        )
    }
}

/// `--statistics`: how many findings each rule gave, most first (then by code), with its
/// severity and name, then the summary line.
pub fn statistics(outcome: &Outcome) -> String {
    use std::fmt::Write as _;
    let mut counts: Vec<(&'static str, crate::diagnostic::Severity, usize)> = Vec::new();
    for d in &outcome.diagnostics {
        match counts
            .iter_mut()
            .find(|(c, s, _)| *c == d.code && *s == d.severity)
        {
            Some((_, _, n)) => *n += 1,
            None => counts.push((d.code, d.severity, 1)),
        }
    }
    counts.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    let mut out = String::new();
    for (code, severity, n) in counts {
        let name = crate::catalogue::get(code).map_or("", |e| e.name.as_str());
        let _ = writeln!(out, "{n:>6}  {code:<7} {:<7}  {name}", severity.as_str());
    }
    let _ = writeln!(out, "{}", Summary::of(outcome).line());
    out
}
