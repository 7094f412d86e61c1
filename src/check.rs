//! The whole run: discover → load → rules → sorted diagnostics. Rendering is the
//! caller's ([`crate::report`]).

use crate::catalogue;
use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, MAX_PER_FILE, Severity};
use crate::discover::{self, Found};
use crate::load::{self, guarded};
use crate::model::{Corpus, Layout};
use crate::rules::citing::{CitationRun, Citer, with_citing};
use crate::rules::suppression::Suppressed;
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

/// A rule switched off for this run, and by what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disabled {
    pub code: &'static str,
    /// `seccheck.toml`, `--select`, `--ignore`.
    pub by: &'static str,
    /// Off only for the files this `[per-path]` glob matches; `None`: everywhere.
    pub paths: Option<String>,
}

/// Which rules a run takes, as the command line says (`seccheck.toml` is read from the
/// corpus): codes or families (`REF`, `REL005`); empty `select` is every rule.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// How many findings of one rule one file may list before one finding counts the
    /// rest: [`MAX_PER_FILE`] when `None`, no limit when `Some(0)`.
    pub max_per_file: Option<usize>,
    /// The configuration to use instead of the corpus's `seccheck.toml` (`--config`).
    pub config: Option<std::path::PathBuf>,
}

impl Selection {
    fn names(list: &[String], code: &str) -> bool {
        list.iter()
            .any(|s| s.eq_ignore_ascii_case(code) || s.eq_ignore_ascii_case(rules::family(code)))
    }

    /// Why `code` is off, if the command line switches it off.
    fn off(&self, code: &str) -> Option<&'static str> {
        if Self::names(&self.ignore, code) {
            Some("--ignore")
        } else if !self.select.is_empty() && !Self::names(&self.select, code) {
            Some("--select")
        } else {
            None
        }
    }

    /// The names given that are neither a rule code nor a family.
    pub fn unknown(&self) -> Vec<&str> {
        self.select
            .iter()
            .chain(&self.ignore)
            .filter(|s| {
                !RULES
                    .iter()
                    .any(|r| Self::names(std::slice::from_ref(*s), r.code))
            })
            .map(String::as_str)
            .collect()
    }
}

#[derive(Debug)]
pub struct Outcome {
    pub corpus: Corpus,
    /// Sorted by file, position, code: the same whatever the thread count.
    pub diagnostics: Vec<Diagnostic>,
    pub skipped: Vec<Skipped>,
    /// Rules switched off by the configuration or the command line: listed in every
    /// report, so that nothing is silently off.
    pub disabled: Vec<Disabled>,
    /// Findings an inline suppression accepted, with its reason, in report order.
    pub suppressed: Vec<Suppressed>,
}

/// Checks the corpus at `root` (a folder, or a single file). Fails only when `root`
/// itself cannot be read; every problem inside it is a diagnostic.
pub fn check_path(root: &Path) -> std::io::Result<Outcome> {
    check_path_with(root, &Selection::default())
}

/// [`check_path`] with the rules the command line selects.
pub fn check_path_with(root: &Path, selection: &Selection) -> std::io::Result<Outcome> {
    check_path_following(root, selection, false)
}

/// [`check_path_with`], following symbolic links out of the corpus folder when
/// `follow_outside` (see [`discover::discover_with`]).
pub fn check_path_following(
    root: &Path,
    selection: &Selection,
    follow_outside: bool,
) -> std::io::Result<Outcome> {
    let found = discover::discover_with(root, follow_outside)?;
    Ok(check_found_in(root, found, selection))
}

/// Checks files found under the corpus folder `root` (or held in memory for it), with
/// the settings a run on `root` reads: `--config`, else the corpus's own seccheck.toml
/// (among `found`), else the nearest one above the corpus ([`discover::settings_above`]).
pub fn check_found_in(root: &Path, found: Vec<Found>, selection: &Selection) -> Outcome {
    let config = match &selection.config {
        Some(path) => Some(Found {
            path: path.to_string_lossy().replace('\\', "/"),
            content: discover::Content::Disk(path.clone()),
        }),
        None if root.is_dir() && !found.iter().any(|f| f.path == "seccheck.toml") => {
            discover::settings_above(root)
        }
        None => None,
    };
    let started = std::time::Instant::now();
    let corpus = load::load_with_config(found, config);
    timing("load", started);
    let outcome = check_loaded(corpus, selection);
    timing_read();
    outcome
}

/// Checks files already found (or held in memory).
pub fn check_found(found: Vec<Found>) -> Outcome {
    let started = std::time::Instant::now();
    let corpus = load::load(found);
    timing("load", started);
    check_loaded(corpus, &Selection::default())
}

fn check_loaded(corpus: Corpus, selection: &Selection) -> Outcome {
    let config = config::resolve_chain(corpus.configs.iter().map(|c| &c.parsed), &rules::codes());
    let (diagnostics, skipped, disabled, suppressed) = run_rules(&corpus, &config, selection);
    Outcome {
        corpus,
        diagnostics,
        skipped,
        disabled,
        suppressed,
    }
}

/// Plans which rules run, runs them in parallel, then the rules that run last; applies
/// the inline suppressions and runs the rules about them; findings sorted, exact
/// duplicates dropped.
fn run_rules(
    corpus: &Corpus,
    config: &Config,
    selection: &Selection,
) -> (
    Vec<Diagnostic>,
    Vec<Skipped>,
    Vec<Disabled>,
    Vec<Suppressed>,
) {
    let plan = Plan::new(corpus, config, selection);
    let mut diagnostics = execute(corpus, &plan);
    for &(rule, severity) in &plan.last {
        if let Check::Last(check) = rule.check {
            diagnostics.extend(run_corpus_rule(corpus, rule, severity, check));
        }
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
    per_path(corpus, config, &mut diagnostics);
    let ran = |code: &str| {
        [&plan.corpus, &plan.citations, &plan.last]
            .iter()
            .any(|pass| pass.iter().any(|(r, _)| r.code == code))
    };
    let (suppressed, uses) = rules::suppression::apply(corpus, &mut diagnostics, ran);
    for &(rule, severity) in &plan.suppressions {
        if let Check::Suppressions(check) = rule.check {
            let mut out = Vec::new();
            let result = guarded(|| check(corpus, &uses, &mut out));
            diagnostics.extend(finish(rule, severity, out, result.err(), None));
        }
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let limit = match selection.max_per_file {
        None => MAX_PER_FILE,
        Some(0) => usize::MAX,
        Some(n) => n,
    };
    let diagnostics = cap_floods(diagnostics, limit);
    (diagnostics, plan.skipped, plan.disabled, suppressed)
}

/// Applies `[per-path]`: a finding placed in a file a glob matches takes that glob's
/// severity for its code, or is dropped where the code is off.
fn per_path(corpus: &Corpus, config: &Config, diagnostics: &mut Vec<Diagnostic>) {
    if config.per_path.is_empty() {
        return;
    }
    diagnostics.retain_mut(|d| {
        let Some(l) = &d.primary else { return true };
        match config.for_path(d.code, &corpus.file(l.file).path) {
            None => true,
            Some((None, _)) => false,
            Some((Some(severity), _)) => {
                d.severity = severity;
                true
            }
        }
    });
}

/// Keeps the first `limit` findings of each rule in each file (in report order) and puts
/// one finding in place of the rest.
fn cap_floods(diagnostics: Vec<Diagnostic>, limit: usize) -> Vec<Diagnostic> {
    use std::collections::HashMap;
    let file_of = |d: &Diagnostic| d.primary.as_ref().map(|l| l.file);
    let mut count: HashMap<(&'static str, Option<crate::source::FileId>), usize> = HashMap::new();
    for d in &diagnostics {
        *count.entry((d.code, file_of(d))).or_default() += 1;
    }
    if count.values().all(|&n| n <= limit) {
        return diagnostics;
    }
    let mut seen: HashMap<(&'static str, Option<crate::source::FileId>), usize> = HashMap::new();
    let mut out = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let key = (d.code, file_of(&d));
        let k = seen.entry(key).or_default();
        *k += 1;
        if *k <= limit {
            out.push(d);
        } else if *k == limit.saturating_add(1) {
            let more = count[&key] - limit;
            let mut note = Diagnostic::new(
                d.code,
                format!("{more} more {} findings in this file are not listed", d.code),
            )
            .help("fix the findings above and run seccheck again; they are often one mistake repeated");
            note.primary = d.primary.clone();
            note.severity = d.severity;
            if let Some(l) = note.primary.as_mut() {
                l.message = "and more from here on".into();
            }
            out.push(note);
        }
    }
    out
}

/// Which rules run, at what severity, and in which pass.
struct Plan {
    /// `Check::Corpus` rules: one parallel job each.
    corpus: Vec<(&'static Rule, Severity)>,
    /// `Check::Citations` rules: run together, one parallel job per citing file.
    citations: Vec<(&'static Rule, Severity)>,
    /// `Check::Last` rules: after the others.
    last: Vec<(&'static Rule, Severity)>,
    /// `Check::Suppressions` rules: after the suppressions were applied.
    suppressions: Vec<(&'static Rule, Severity)>,
    /// Families skipped for want of what they need, with why.
    skipped: Vec<Skipped>,
    /// Rules switched off, and by what.
    disabled: Vec<Disabled>,
}

impl Plan {
    fn new(corpus: &Corpus, config: &Config, selection: &Selection) -> Plan {
        let mut plan = Plan {
            corpus: Vec::new(),
            citations: Vec::new(),
            last: Vec::new(),
            suppressions: Vec::new(),
            skipped: Vec::new(),
            disabled: Vec::new(),
        };
        for rule in RULES {
            let off = |by| Disabled {
                code: rule.code,
                by,
                paths: None,
            };
            // Off for some files only: the rule runs, and the report says where it is off.
            for p in &config.per_path {
                if p.rules.get(rule.code) == Some(&None) {
                    plan.disabled.push(Disabled {
                        code: rule.code,
                        by: "seccheck.toml",
                        paths: Some(p.glob.clone()),
                    });
                }
            }
            if let Some(by) = selection.off(rule.code) {
                plan.disabled.push(off(by));
                continue;
            }
            let severity = match config.rules.get(rule.code) {
                Some(None) => {
                    plan.disabled.push(off("seccheck.toml"));
                    continue;
                }
                Some(Some(s)) => *s,
                None => default_severity(rule.code),
            };
            if rule.needs == Needs::Log && corpus.log.is_none() {
                plan.skip(corpus, rule);
                continue;
            }
            let pass = match rule.check {
                Check::Corpus(_) => &mut plan.corpus,
                Check::Citations(_) => &mut plan.citations,
                Check::Last(_) => &mut plan.last,
                Check::Suppressions(_) => &mut plan.suppressions,
            };
            pass.push((rule, severity));
        }
        plan
    }

    /// Records `rule` as skipped with its family, for want of a Document Log.
    fn skip(&mut self, corpus: &Corpus, rule: &'static Rule) {
        let family = rules::family(rule.code);
        if let Some(s) = self.skipped.iter_mut().find(|s| s.family == family) {
            s.codes.push(rule.code);
            return;
        }
        let reason = match corpus.layout {
            Layout::Loose => {
                "there is no document-log.csv: this is a loose folder, whose files were classified by their content"
            }
            Layout::Contract if corpus.files.iter().any(|f| f.path == "document-log.csv") => {
                "document-log.csv could not be read (see above)"
            }
            Layout::Contract => "the corpus has no document-log.csv",
        };
        self.skipped.push(Skipped {
            family: family.to_string(),
            codes: vec![rule.code],
            reason: reason.to_string(),
        });
    }
}

/// A unit of the rules' parallel work.
enum Job<'a> {
    Rule(&'static Rule, Severity, fn(&Corpus, &mut Vec<Diagnostic>)),
    Citing(Citer<'a>),
}

/// The corpus rules, one job each, and the citation rules, one job per citing file (see
/// `rules::citing`), interleaved so that every job is small and both cores stay busy.
fn execute(corpus: &Corpus, plan: &Plan) -> Vec<Diagnostic> {
    let run = CitationRun::new(corpus);
    let mut jobs: Vec<Job<'_>> = Vec::new();
    for &(rule, severity) in &plan.corpus {
        if let Check::Corpus(check) = rule.check {
            jobs.push(Job::Rule(rule, severity, check));
        }
    }
    if !plan.citations.is_empty() {
        jobs.extend(run.citing_files().map(Job::Citing));
    }
    jobs.par_iter()
        .flat_map_iter(|job| match *job {
            Job::Rule(rule, severity, check) => run_corpus_rule(corpus, rule, severity, check),
            Job::Citing(of) => run_citation_rules(corpus, &run, of, &plan.citations),
        })
        .collect()
}

fn run_corpus_rule(
    corpus: &Corpus,
    rule: &Rule,
    severity: Severity,
    check: fn(&Corpus, &mut Vec<Diagnostic>),
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let started = std::time::Instant::now();
    let result = guarded(|| check(corpus, &mut out));
    timing(rule.code, started);
    finish(rule, severity, out, result.err(), None)
}

/// Every citation rule on one citing file, its citations extracted once for all of them.
fn run_citation_rules(
    corpus: &Corpus,
    run: &CitationRun<'_>,
    of: Citer<'_>,
    rules: &[(&'static Rule, Severity)],
) -> Vec<Diagnostic> {
    let path = &corpus.file(of.file()).path;
    let found = guarded(|| {
        with_citing(run, of, |citing| {
            let mut all = Vec::new();
            for &(rule, severity) in rules {
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
    found.unwrap_or_else(|panic| vec![rules::citations_failed(path, &panic)])
}

/// A rule's findings with their severity, or, if it panicked (`failed`), the IO005
/// finding that says so (naming the file, for a citation rule).
fn finish(
    rule: &Rule,
    severity: Severity,
    mut out: Vec<Diagnostic>,
    failed: Option<String>,
    file: Option<&str>,
) -> Vec<Diagnostic> {
    if let Some(panic) = failed {
        return vec![rules::rule_failed(rule.code, file, &panic)];
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

/// With `SECCHECK_TIMINGS` set, writes the bytes this process has read so far (`rchar`
/// of `/proc/self/io`, Linux only: page cache hits included), to compare with the
/// corpus's size: how many times the run read it.
pub fn timing_read() {
    if std::env::var_os("SECCHECK_TIMINGS").is_none() {
        return;
    }
    if let Some(rchar) = std::fs::read_to_string("/proc/self/io")
        .ok()
        .and_then(|io| {
            io.lines()
                .find_map(|l| l.strip_prefix("rchar: ").map(|n| n.trim().to_string()))
        })
    {
        eprintln!("timing read {rchar} bytes");
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flood_of_one_rule_in_one_file_is_capped() {
        let d = |i: u32| {
            Diagnostic::new("RED006", format!("mark {i}")).at(
                crate::source::FileId(0),
                crate::source::Span::new(i as usize, i as usize + 1),
                "here",
            )
        };
        let other = Diagnostic::new("RED006", "elsewhere").at(
            crate::source::FileId(1),
            crate::source::Span::new(0, 1),
            "here",
        );
        let mut all: Vec<Diagnostic> = (0..250).map(d).collect();
        all.push(other);
        let out = cap_floods(all, MAX_PER_FILE);
        assert_eq!(out.len(), MAX_PER_FILE + 2);
        assert_eq!(
            out[MAX_PER_FILE].message,
            "150 more RED006 findings in this file are not listed"
        );
        assert_eq!(out[MAX_PER_FILE].primary.as_ref().unwrap().span.start, 100);
        assert_eq!(out[MAX_PER_FILE + 1].message, "elsewhere");
        // Below the cap nothing changes.
        let few: Vec<Diagnostic> = (0..10).map(d).collect();
        assert_eq!(cap_floods(few.clone(), MAX_PER_FILE), few);
    }

    /// A document whose file changes between parsing and the rules' second read.
    fn changed_corpus() -> (tempfile::TempDir, Corpus) {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("documents/section-h");
        std::fs::create_dir_all(&doc).unwrap();
        std::fs::write(
            doc.join("1.0.md"),
            "# Section H: Services\n\nH1.1 See Section H1.2.\n\nH1.2 Text.\n",
        )
        .unwrap();
        let corpus = load::load(discover::discover(dir.path()).unwrap());
        std::fs::write(
            doc.join("1.0.md"),
            "# Section H: Services\n\nH1.1 Rewritten meanwhile.\n",
        )
        .unwrap();
        (dir, corpus)
    }

    #[test]
    fn a_file_changed_while_checked_is_reported_at_io001s_configured_severity() {
        let (_dir, corpus) = changed_corpus();
        let (found, _, _, _) = run_rules(&corpus, &Config::default(), &Selection::default());
        let io001: Vec<&Diagnostic> = found.iter().filter(|d| d.code == "IO001").collect();
        assert_eq!(io001.len(), 1, "{found:#?}");
        assert!(
            io001[0]
                .message
                .contains("documents/section-h/1.0.md changed on disk")
        );
        assert_eq!(io001[0].severity, Severity::Error);

        let mut config = Config::default();
        config.rules.insert("IO001".into(), Some(Severity::Warning));
        let (found, _, _, _) = run_rules(&corpus, &config, &Selection::default());
        let d = found.iter().find(|d| d.code == "IO001").unwrap();
        assert_eq!(d.severity, Severity::Warning);

        config.rules.insert("IO001".into(), None);
        let (found, _, _, _) = run_rules(&corpus, &config, &Selection::default());
        assert!(found.iter().all(|d| d.code != "IO001"), "{found:#?}");
    }
}
