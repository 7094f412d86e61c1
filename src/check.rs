//! The whole run: discover → load → rules → sorted diagnostics. Rendering is the
//! caller's ([`crate::report`]).

use crate::catalogue;
use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Severity};
use crate::discover::{self, Found};
use crate::load::{self, guarded};
use crate::model::{Corpus, Layout};
use crate::rules::citing::{CitationRun, Citer, with_citing};
use crate::rules::{self, Check, Needs, RULES, Rule};
use rayon::prelude::*;
use std::path::Path;

/// A rule family that did not run, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub family: String,
    pub codes: Vec<&'static str>,
    pub reason: String,
}

#[derive(Debug)]
pub struct Outcome {
    pub corpus: Corpus,
    /// Sorted by file, position, code: the same whatever the thread count.
    pub diagnostics: Vec<Diagnostic>,
    pub skipped: Vec<Skipped>,
}

/// Checks the corpus at `root` (a folder, or a single file). Fails only when `root`
/// itself cannot be read; every problem inside it is a diagnostic.
pub fn check_path(root: &Path) -> std::io::Result<Outcome> {
    Ok(check_found(discover::discover(root)?))
}

/// Checks files already found (or held in memory).
pub fn check_found(found: Vec<Found>) -> Outcome {
    let started = std::time::Instant::now();
    let corpus = load::load(found);
    timing("load", started);
    let config = corpus
        .config
        .map(|f| config::parse(&corpus.source(f).text, |c| rules::get(c).is_some()).0)
        .unwrap_or_default();
    let (diagnostics, skipped) = run_rules(&corpus, &config);
    Outcome {
        corpus,
        diagnostics,
        skipped,
    }
}

fn run_rules(corpus: &Corpus, config: &Config) -> (Vec<Diagnostic>, Vec<Skipped>) {
    let has_log = corpus.log.is_some();
    let mut skipped: Vec<Skipped> = Vec::new();
    let mut active = Vec::new();
    for rule in RULES {
        let severity = match config.rules.get(rule.code) {
            Some(None) => continue,
            Some(Some(s)) => *s,
            None => default_severity(rule.code),
        };
        if rule.needs == Needs::Log && !has_log {
            let family = rules::family(rule.code).to_string();
            match skipped.iter_mut().find(|s| s.family == family) {
                Some(s) => s.codes.push(rule.code),
                None => skipped.push(Skipped {
                    family,
                    codes: vec![rule.code],
                    reason: match corpus.layout {
                        Layout::Loose => "there is no document-log.csv: this is a loose folder, whose files were classified by their content".into(),
                        Layout::Contract
                            if corpus.files.iter().any(|f| f.path == "document-log.csv") =>
                        {
                            "document-log.csv could not be read (see above)".into()
                        }
                        Layout::Contract => "the corpus has no document-log.csv".into(),
                    },
                }),
            }
            continue;
        }
        active.push((rule, severity));
    }
    // Corpus rules run one job each; citation rules run together, one job per citing
    // file (see `rules::citing`), so that every job is small and both cores stay busy.
    let run = CitationRun::new(corpus);
    let citation_rules: Vec<(&Rule, Severity)> = active
        .iter()
        .filter(|(r, _)| matches!(r.check, Check::Citations(_)))
        .copied()
        .collect();
    let mut jobs: Vec<Job<'_>> = active
        .iter()
        .filter(|(r, _)| matches!(r.check, Check::Corpus(_)))
        .map(|&(rule, severity)| Job::Rule(rule, severity))
        .collect();
    if !citation_rules.is_empty() {
        jobs.extend(run.citing_files().map(Job::Citing));
    }
    let mut diagnostics: Vec<Diagnostic> = jobs
        .par_iter()
        .flat_map_iter(|job| match *job {
            Job::Rule(rule, severity) => {
                let mut out = Vec::new();
                let started = std::time::Instant::now();
                let result = match rule.check {
                    Check::Corpus(check) => guarded(|| check(corpus, &mut out)),
                    Check::Citations(_) => Ok(()),
                };
                timing(rule.code, started);
                finish(rule, severity, out, result.err(), None)
            }
            Job::Citing(of) => {
                let path = &corpus.file(of.file()).path;
                let found = guarded(|| {
                    with_citing(&run, of, |citing| {
                        let mut all = Vec::new();
                        for &(rule, severity) in &citation_rules {
                            let Check::Citations(check) = rule.check else {
                                continue;
                            };
                            let mut out = Vec::new();
                            let result = guarded(|| check(citing, &mut out));
                            all.extend(finish(rule, severity, out, result.err(), Some(path)));
                        }
                        all
                    })
                });
                found.unwrap_or_else(|msg| {
                    vec![internal_error(&format!(
                        "seccheck failed reading the citations of {path}: {msg}"
                    ))]
                })
            }
        })
        .collect();
    // A document or redline read again for the rules but changed on disk since it was
    // parsed: its spans no longer fit its text (see `store`).
    for (i, f) in corpus.files.iter().enumerate() {
        if f.changed() {
            diagnostics.push(
                Diagnostic::new(
                    "IO001",
                    format!("{} changed on disk while seccheck was checking it", f.path),
                )
                .at(crate::source::FileId(i as u32), Default::default(), "changed")
                .help("findings in this file may be wrong: run seccheck again once the file is no longer being written"),
            );
        }
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
    (diagnostics, skipped)
}

/// A unit of the rules' parallel work.
enum Job<'a> {
    Rule(&'static Rule, Severity),
    Citing(Citer<'a>),
}

/// A rule's findings with their severity, or, if it panicked (`failed`), the internal
/// error that says so (naming the file, for a citation rule).
fn finish(
    rule: &Rule,
    severity: Severity,
    mut out: Vec<Diagnostic>,
    failed: Option<String>,
    file: Option<&str>,
) -> Vec<Diagnostic> {
    if let Some(msg) = failed {
        let on = file.map(|f| format!(" on {f}")).unwrap_or_default();
        return vec![internal_error(&format!(
            "seccheck's rule {} failed{on}: {msg}",
            rule.code
        ))];
    }
    for d in &mut out {
        // A rule's own findings take its severity; anything else stays an error.
        d.severity = if d.code == rule.code {
            severity
        } else {
            Severity::Error
        };
    }
    out
}

fn internal_error(message: &str) -> Diagnostic {
    let mut d = Diagnostic::new("IO005", message.to_string())
        .help("this is a bug in seccheck: please report it; the other rules still ran");
    d.severity = Severity::Error;
    d
}

/// With `SECCHECK_TIMINGS` set, writes how long a stage or rule took to stderr: for
/// profiling (BENCHMARKS.md), never part of a report.
pub fn timing(what: &str, started: std::time::Instant) {
    static ON: std::sync::LazyLock<bool> =
        std::sync::LazyLock::new(|| std::env::var_os("SECCHECK_TIMINGS").is_some());
    if *ON {
        eprintln!(
            "timing {what} {:.1} ms",
            started.elapsed().as_secs_f64() * 1e3
        );
    }
}

/// The catalogue's severity for a code; `error` for a code without an entry (a test
/// keeps the catalogue and the rule table in step).
pub fn default_severity(code: &str) -> Severity {
    catalogue::get(code).map_or(Severity::Error, |e| e.severity)
}

/// Checks files held in memory, as `(path relative to the root, bytes)`: for catalogue
/// examples and tests. Paths are sorted as discovery would sort them.
pub fn check_memory(files: Vec<(String, Vec<u8>)>) -> Outcome {
    let mut found: Vec<Found> = files
        .into_iter()
        .map(|(path, bytes)| Found {
            path,
            content: crate::discover::Content::Memory(bytes),
        })
        .collect();
    found.sort_by(|a, b| a.path.cmp(&b.path));
    check_found(found)
}
