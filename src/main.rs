//! The `seccheck` command line: `seccheck [check] CORPUS`, `seccheck refs TARGET CORPUS`,
//! `seccheck rules`, `seccheck explain CODE`.

use clap::{Parser, Subcommand, ValueEnum};
use seccheck::catalogue;
use seccheck::check::{self, Outcome};
use seccheck::refs;
use seccheck::report::{self, Summary, human::HumanOptions};
use seccheck::{discover, load, word};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "seccheck",
    version,
    about = "Checks that a release of the Smart Energy Code is consistent before it is published.",
    after_help = "With no subcommand, `seccheck CORPUS` is `seccheck check CORPUS`.\nExit status: 0 no errors, 1 errors found (or warnings with --deny warnings), 2 usage or I/O failure.\n`seccheck refs`: 0 citations found, 1 none found, 2 bad target or unreadable corpus."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a corpus folder (or one file) and report every inconsistency.
    Check(CheckArgs),
    /// Write the HTML report (`-o report.html`): summary, releases newest first, the
    /// redlines of one release side by side (`--release N`, default the newest), and
    /// every finding, filterable. The terminal gets the summary line.
    Report(CheckArgs),
    /// List every citation of a clause or document: what to look at before deleting or
    /// renumbering it.
    #[command(after_help = REFS_HELP)]
    Refs(RefsArgs),
    /// The findings a stretch of releases introduced, resolved and kept: the corpus is
    /// checked as it stood at --from and as it stood at --to.
    Diff(DiffArgs),
    /// Draft a release note's "What parts of the SEC were affected?" list from the
    /// Document Log (titles at the release, in SEC order) and the proposals the new
    /// versions' version-control rows credit, to paste into the note.
    DraftNote(DraftArgs),
    /// Show what seccheck read from each file (release notes' versions, dates, proposals
    /// and affected lists; documents' headings, clauses, tables and definitions; …),
    /// without checking anything.
    Inspect(InspectArgs),
    /// Print the text seccheck reads from a Word file (.docx): the clean text, one side
    /// of its tracked changes, or the redline as CriticMarkup. Diff it with any tool to
    /// see exactly what was compared.
    Export(ExportArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) to standard
    /// output, e.g. `seccheck completions bash > /etc/bash_completion.d/seccheck`.
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff) to standard output, e.g.
    /// `seccheck man > /usr/local/share/man/man1/seccheck.1`.
    Man,
    /// List every rule: code, default severity, name and summary.
    Rules,
    /// Explain one rule, with a failing and a passing example.
    Explain {
        /// A rule code such as LOG001.
        code: String,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// The corpus folder (see docs/corpus-format.md), or files: each file inside a corpus
    /// is checked with its corpus, and only its findings are reported. Several paths
    /// must lie in one corpus.
    #[arg(default_value = "corpus", num_args = 1..)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Read the settings from this file instead of the corpus's seccheck.toml (which is
    /// then not read).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Worker threads (default: one per core). Output is the same for any number.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Treat warnings as errors for the exit status.
    #[arg(long, value_enum, value_name = "KIND")]
    deny: Option<Deny>,
    /// Run only these rules: codes or families, comma-separated (`REF,REL005`).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    select: Vec<String>,
    /// Do not run these rules: codes or families, comma-separated (`DEF003,DATE`).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    ignore: Vec<String>,
    /// Exit 0 even when errors are found (the report still lists them).
    #[arg(long)]
    exit_zero: bool,
    /// Report only findings that are not in this baseline (written by --write-baseline),
    /// and say which of its entries no longer occur.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Write today's findings to FILE as a baseline, and exit 0.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Report only findings in what this release adds or changes (its note, the versions
    /// it bumps and their redlines, its log rows); the whole corpus is still checked.
    #[arg(long, value_name = "RELEASE")]
    release: Option<String>,
    /// Colour in the human format.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// List the findings that inline suppressions (`seccheck-ignore`) accepted, with
    /// their reasons (JSON always lists them).
    #[arg(long)]
    show_suppressed: bool,
    /// Follow symbolic links that lead out of the corpus folder (by default each is
    /// reported and not read).
    #[arg(long)]
    follow_outside: bool,
    /// List at most N findings of one rule in one file, then one that counts the rest
    /// (default 100; 0: no limit).
    #[arg(long, value_name = "N")]
    max_per_file: Option<usize>,
    /// Report only findings of this severity or above.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    min_severity: Option<MinSeverity>,
    /// Print the findings only: no summary line and no notes (human and concise formats).
    #[arg(long, short)]
    quiet: bool,
    /// Print how many findings each rule gave (code, count, severity, name), most first,
    /// instead of the findings.
    #[arg(long)]
    statistics: bool,
    /// Write the report in `--format` to FILE, and print the human report to the
    /// terminal (FILE may not lie inside the corpus folder).
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Print the fixes the findings offer (an affected-list entry added or removed, a
    /// title, a count, a weekday) as a unified diff instead of the report; nothing is
    /// written. Exit 1 when there is something to fix.
    #[arg(long, conflicts_with_all = ["statistics", "output"])]
    diff: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum MinSeverity {
    Info,
    Warning,
    Error,
}

#[derive(clap::Args)]
struct ExportArgs {
    /// The Word file.
    path: PathBuf,
    /// Every tracked change accepted: the version the redline produces (the default).
    #[arg(long, group = "side")]
    accept: bool,
    /// Every tracked change rejected: the version the redline started from.
    #[arg(long, group = "side")]
    reject: bool,
    /// The tracked changes as CriticMarkup (`{++inserted++}`, `{--deleted--}`): what
    /// seccheck reads from a redline.
    #[arg(long, group = "side")]
    markup: bool,
}

#[derive(clap::Args)]
struct RefsArgs {
    /// The clause or document: `H8.16`, `J1.2(b)`, `section-h`, `Appendix AT`,
    /// `appendix-ac:3.2`.
    target: String,
    /// The corpus folder (see docs/corpus-format.md) or a single file.
    #[arg(default_value = "corpus")]
    path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    format: ListFormat,
}

#[derive(clap::Args)]
struct DiffArgs {
    /// The corpus folder (with its Document Log).
    #[arg(default_value = "corpus")]
    path: PathBuf,
    /// The earlier release (as the Document Log names it, e.g. 54.0).
    #[arg(long, value_name = "RELEASE", required_unless_present = "since")]
    from: Option<String>,
    /// The later release (default: the log's newest).
    #[arg(long, value_name = "RELEASE")]
    to: Option<String>,
    /// Short for `--from RELEASE --to <the newest release>`.
    #[arg(long, value_name = "RELEASE", conflicts_with = "from")]
    since: Option<String>,
    /// Output format (JSON: `"kind": "diff"`, docs/json-format.md).
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    format: ListFormat,
    /// Run only these rules: codes or families, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    select: Vec<String>,
    /// Do not run these rules: codes or families, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    ignore: Vec<String>,
    /// Treat introduced warnings as errors for the exit status.
    #[arg(long, value_enum, value_name = "KIND")]
    deny: Option<Deny>,
    /// Colour in the human format.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(clap::Args)]
struct DraftArgs {
    /// The release, as the Document Log names it (57.0).
    release: String,
    /// The corpus folder (with its Document Log).
    #[arg(default_value = "corpus")]
    path: PathBuf,
}

#[derive(clap::Args)]
struct InspectArgs {
    /// The corpus folder (see docs/corpus-format.md) or a single file.
    #[arg(default_value = "corpus")]
    path: PathBuf,
    /// Output format (JSON: docs/inspect-format.md).
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    format: ListFormat,
}

const REFS_HELP: &str = "\
TARGET is a Section clause (H8.16, J1.2(b), N4A.2, 'Section H8.16'), a document
(section-h, appendix-at, schedule-11, 'Section H', 'Appendix AT'), or a paragraph of
an Appendix or Schedule (appendix-ac:3.2, 'Appendix AC 3.2').

A clause matches citations of itself, of anything under it (H8.16(a)), and ranges that
include it (H8.10 to H8.20). A citation of the enclosing part (Section H8) is not listed.
A document matches every citation of it. Document versions, release notes and other
texts are searched; each citation shows the releases at which the citing file is in
effect, or what kind of text it is.

Exit status: 0 citations found, 1 none found, 2 bad target or unreadable corpus.";

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Human,
    Json,
    /// One line a finding: `path:line:column: CODE severity message`.
    Concise,
    /// JSON Lines: one finding a line, as the JSON report's `diagnostics`.
    Jsonl,
    /// GitHub Actions annotations (`::error file=…,line=…::message`), paths from where
    /// seccheck runs.
    Github,
    /// JUnit XML: one test case a rule, failing with its findings.
    Junit,
    /// SARIF 2.1.0 for code scanning (GitHub's among others), paths from where seccheck
    /// runs.
    Sarif,
    /// One self-contained HTML page (what `seccheck report` writes).
    Html,
}

/// The formats of `refs` and `inspect`.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ListFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Deny {
    Warnings,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Color {
    Auto,
    Always,
    Never,
}

const SUBCOMMANDS: [&str; 13] = [
    "export",
    "report",
    "draft-note",
    "diff",
    "completions",
    "man",
    "check",
    "refs",
    "inspect",
    "rules",
    "explain",
    "help",
    "--help",
];

fn main() -> ExitCode {
    // A panic in a parser or a rule is caught and reported as a finding (IO005), so the
    // default hook would print it twice; any other panic is printed as usual.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !seccheck::load::in_guarded() {
            default_hook(info);
        }
    }));
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // `seccheck corpus/` means `seccheck check corpus/`.
    let first = args.get(1).and_then(|a| a.to_str()).unwrap_or("");
    let is_global_flag = matches!(first, "-h" | "--help" | "-V" | "--version");
    if !SUBCOMMANDS.contains(&first) && !is_global_flag {
        args.insert(1, "check".into());
    }
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Check(a) => run_check(a, false),
        Command::Report(mut a) => {
            a.format = Format::Html;
            run_check(a, true)
        }
        Command::Refs(a) => run_refs(a),
        Command::Diff(a) => run_diff(a),
        Command::DraftNote(a) => {
            let release = match release_arg(&a.release) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            };
            let corpus = match read_corpus(&a.path) {
                Ok(c) => c,
                Err(code) => return code,
            };
            match seccheck::draft::draft(&corpus, &release) {
                Ok(d) => {
                    for gap in &d.gaps {
                        eprintln!("note: {gap}");
                    }
                    print(&seccheck::draft::render(&d))
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Inspect(a) => match read_corpus(&a.path) {
            Ok(corpus) => print(&match a.format {
                ListFormat::Json => report::inspect::json(&corpus),
                ListFormat::Human => report::inspect::human(&corpus),
            }),
            Err(code) => code,
        },
        Command::Export(a) => export(&a),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "seccheck",
                &mut out,
            );
            print(&String::from_utf8_lossy(&out))
        }
        Command::Man => {
            let mut out = Vec::new();
            match clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut out) {
                Ok(()) => print(&String::from_utf8_lossy(&out)),
                Err(e) => {
                    eprintln!("error: cannot write the manual page: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Rules => {
            let mut out = String::new();
            for e in catalogue::ENTRIES.iter() {
                out.push_str(&format!(
                    "{:<8} {:<8} {:<40} {}\n",
                    e.code,
                    e.severity.as_str(),
                    e.name,
                    e.summary
                ));
            }
            print(&out)
        }
        Command::Explain { code } => match catalogue::get(&code) {
            Some(e) => print(&seccheck::catalogue::explain(e)),
            None => {
                eprintln!("error: `{code}` is not a rule code; `seccheck rules` lists them");
                ExitCode::from(2)
            }
        },
    }
}

/// The most worker threads a run takes: more only add overhead (and thousands exhaust
/// the machine).
fn thread_cap() -> usize {
    4 * std::thread::available_parallelism().map_or(1, usize::from)
}

/// The corpus the command line's paths lie in, and the files to report on (`None`: the
/// whole corpus). A file inside a corpus stands for its corpus (found upward); a folder or
/// a file in no corpus is a corpus itself. `Err` when the paths lie in different corpora.
fn corpus_of_paths(paths: &[PathBuf]) -> Result<(PathBuf, Option<Vec<String>>), String> {
    let mut root: Option<(PathBuf, &PathBuf)> = None;
    let mut files: Option<Vec<String>> = Some(Vec::new());
    for p in paths {
        let (r, file) = match p.is_file().then(|| seccheck::scope::corpus_of(p)).flatten() {
            Some((r, f)) => (r, Some(f)),
            None => (p.clone(), None),
        };
        let same = |a: &PathBuf, b: &PathBuf| match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => a == b,
        };
        match &root {
            Some((first, by)) if !same(first, &r) => {
                return Err(format!(
                    "{} and {} lie in different corpora ({} and {}); run seccheck once for each corpus",
                    by.display(),
                    p.display(),
                    first.display(),
                    r.display()
                ));
            }
            Some(_) => {}
            None => root = Some((r, p)),
        }
        match (file, files.as_mut()) {
            (Some(f), Some(list)) => list.push(f),
            // A corpus folder given: the whole corpus is reported.
            _ => files = None,
        }
    }
    let (root, _) = root.expect("clap gives at least one path");
    Ok((root, files))
}

/// `report`: the HTML page to `--output` (or stdout), only the summary line to the
/// terminal.
fn run_check(a: CheckArgs, report: bool) -> ExitCode {
    // What messages name: the path as given (the first, when there are several).
    let path = &a.paths[0];
    let threads = match a.threads {
        Some(0) => {
            eprintln!("error: --threads must be at least 1");
            return ExitCode::from(2);
        }
        Some(n) if n > thread_cap() => {
            eprintln!(
                "note: --threads {n} is more than this machine can use; running {} threads",
                thread_cap()
            );
            thread_cap()
        }
        Some(n) => n,
        None => 0,
    };
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: cannot start worker threads: {e}");
            return ExitCode::from(2);
        }
    };
    let selection = check::Selection {
        select: a.select.clone(),
        ignore: a.ignore.clone(),
        max_per_file: a.max_per_file,
        config: a.config.clone(),
    };
    if let Some(c) = &a.config
        && !c.is_file()
    {
        eprintln!(
            "error: --config {}: no such file (give the path of a seccheck.toml)",
            c.display()
        );
        return ExitCode::from(2);
    }
    if let [first, ..] = selection.unknown()[..] {
        eprintln!(
            "error: `{first}` is neither a rule code nor a family; `seccheck rules` lists them"
        );
        return ExitCode::from(2);
    }
    // A file inside a corpus is checked with its corpus; only its findings are reported.
    // Several paths must lie in one corpus (a pre-commit hook passes the changed files).
    let (root, within) = match corpus_of_paths(&a.paths) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut outcome: Outcome =
        match pool.install(|| check::check_path_following(&root, &selection, a.follow_outside)) {
            Ok(o) => o,
            Err(e) => {
                eprintln!("error: cannot read the corpus at {}: {e}", path.display());
                return ExitCode::from(2);
            }
        };
    corpus_below_hint(path, &outcome);
    if let Some(c) = &a.config
        && root.join("seccheck.toml").is_file()
    {
        eprintln!(
            "note: {} is not read: --config {} gives the settings",
            root.join("seccheck.toml").display(),
            c.display()
        );
    }
    // Settings found above the corpus apply silently otherwise: say where they came from.
    if a.config.is_none()
        && let Some(c) = outcome.corpus.configs.first()
        && outcome.corpus.file(c.file).path.starts_with("../")
    {
        eprintln!(
            "note: using the settings in {}, found above the corpus folder",
            root.join(&outcome.corpus.file(c.file).path).display()
        );
    }
    // Nothing to check is no pass: a wrong path or an empty folder must not look green.
    if outcome.corpus.files.is_empty() {
        eprintln!(
            "error: {} holds no file to check; give the corpus folder (with document-log.csv, documents/, releases/) or a folder of published texts",
            path.display()
        );
        return ExitCode::from(2);
    }
    if let Some(files) = &within {
        let s = seccheck::scope::to_files(&mut outcome, files);
        eprintln!(
            "note: checked {} with the corpus at {}; {} findings in other files were left out",
            files.join(", "),
            root.display(),
            s.left_out
        );
    }
    if let Some(r) = &a.release {
        let scoped = release_arg(r).and_then(|v| seccheck::scope::to_release(&mut outcome, &v));
        match scoped {
            Ok(s) => eprintln!(
                "note: reporting release {r} only; {} findings elsewhere were left out",
                s.left_out
            ),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    }
    if let Some(file) = &a.write_baseline {
        // seccheck never writes into the corpus: a baseline inside it would be read back.
        if inside_corpus(file, &root) {
            eprintln!(
                "error: {} is inside the corpus, and seccheck never writes into the corpus; write the baseline beside it (e.g. seccheck-baseline.json next to the corpus folder)",
                file.display()
            );
            return ExitCode::from(2);
        }
        let b = seccheck::baseline::record(&outcome);
        let mut json = serde_json::to_string_pretty(&b).expect("plain data serialises");
        json.push('\n');
        if let Err(e) = std::fs::write(file, json) {
            eprintln!("error: cannot write the baseline {}: {e}", file.display());
            return ExitCode::from(2);
        }
        eprintln!(
            "note: wrote {} findings to the baseline {}",
            b.findings.len(),
            file.display()
        );
        return ExitCode::SUCCESS;
    }
    if let Some(file) = &a.baseline {
        let read = std::fs::read_to_string(file)
            .map_err(|e| e.to_string())
            .and_then(|t| {
                serde_json::from_str::<seccheck::baseline::Baseline>(&t).map_err(|e| e.to_string())
            });
        let b = match read {
            Ok(b) => b,
            Err(e) => {
                eprintln!(
                    "error: cannot read the baseline {}: {e} (write one with --write-baseline)",
                    file.display()
                );
                return ExitCode::from(2);
            }
        };
        let applied = seccheck::baseline::apply(&mut outcome, &b);
        eprintln!(
            "note: {} findings are in the baseline {} and not listed",
            applied.accepted,
            file.display()
        );
        if !applied.gone.is_empty() {
            eprintln!(
                "note: {} baseline entries no longer occur (fixed; write the baseline again to drop them):",
                applied.gone.len()
            );
            for e in applied.gone.iter().take(20) {
                eprintln!("  {}:{}: {} {}", e.path, e.line, e.code, e.message);
            }
        }
    }
    if let Some(min) = a.min_severity {
        let min = match min {
            MinSeverity::Info => seccheck::diagnostic::Severity::Info,
            MinSeverity::Warning => seccheck::diagnostic::Severity::Warning,
            MinSeverity::Error => seccheck::diagnostic::Severity::Error,
        };
        // Severities order from the most serious: error < warning < info.
        outcome.diagnostics.retain(|d| d.severity <= min);
    }
    if a.diff {
        let fixes = report::fixes::render(&outcome);
        print(&fixes.diff);
        if !a.quiet {
            let mut line = format!(
                "{} fixes in {} files; {} findings have no fix to offer",
                fixes.applied, fixes.files, fixes.without
            );
            if fixes.overlapping > 0 {
                line.push_str(&format!(
                    "; {} fixes overlap an earlier one and are left out",
                    fixes.overlapping
                ));
            }
            eprintln!("{line}");
        }
        return ExitCode::from(u8::from(fixes.applied > 0));
    }
    // Paths in the report are relative to the corpus folder (a file's corpus, or a single
    // file's own folder): annotations and code scanning need them from where seccheck runs.
    let run_dir = || {
        let base = if within.is_some() {
            root.as_path()
        } else if path.is_file() {
            path.parent().unwrap_or(path)
        } else {
            path
        };
        base.to_string_lossy().replace('\\', "/")
    };
    // Concise and JSON Lines are written a finding at a time; the other formats are one
    // document, rendered whole.
    let text = match a.format {
        _ if a.statistics => Report::Text(report::statistics(&outcome)),
        Format::Json => Report::Text(report::json::render(&outcome)),
        Format::Concise => Report::Concise { summary: !a.quiet },
        Format::Jsonl => Report::Jsonl,
        Format::Junit => Report::Text(report::junit::render(&outcome)),
        Format::Github => Report::Text(report::github::render(&outcome, &run_dir())),
        Format::Sarif => Report::Text(report::sarif::render(&outcome, &run_dir())),
        Format::Html => Report::Text(report::html::render(
            &outcome,
            a.release
                .as_deref()
                .and_then(seccheck::names::Version::parse)
                .as_ref(),
        )),
        Format::Human => {
            let color = match a.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => auto_color(),
            };
            Report::Text(report::human::render(
                &outcome,
                &HumanOptions {
                    color,
                    width: report_width(),
                    show_suppressed: a.show_suppressed,
                    quiet: a.quiet,
                },
            ))
        }
    };
    let code = match &a.output {
        None => print_report(&text, &outcome),
        Some(file) if inside_corpus(file, &root) => {
            eprintln!(
                "error: {} is inside the corpus, and seccheck never writes into the corpus; write the report beside it",
                file.display()
            );
            return ExitCode::from(2);
        }
        Some(file) => match write_report(file, &text, &outcome) {
            Err(e) => {
                eprintln!("error: cannot write the report {}: {e}", file.display());
                return ExitCode::from(2);
            }
            Ok(()) if report => {
                eprintln!("{}", Summary::of(&outcome).line());
                eprintln!("note: wrote the report to {}", file.display());
                ExitCode::SUCCESS
            }
            // The file has the chosen format; the terminal, the human report.
            Ok(()) => print(&report::human::render(
                &outcome,
                &HumanOptions {
                    color: match a.color {
                        Color::Always => true,
                        Color::Never => false,
                        Color::Auto => auto_color(),
                    },
                    width: report_width(),
                    show_suppressed: a.show_suppressed,
                    quiet: a.quiet,
                },
            )),
        },
    };
    if code != ExitCode::SUCCESS {
        return code;
    }
    let s = Summary::of(&outcome);
    if !a.exit_zero && (s.errors > 0 || (a.deny == Some(Deny::Warnings) && s.warnings > 0)) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_diff(a: DiffArgs) -> ExitCode {
    let selection = check::Selection {
        select: a.select.clone(),
        ignore: a.ignore.clone(),
        ..Default::default()
    };
    if let [first, ..] = selection.unknown()[..] {
        eprintln!(
            "error: `{first}` is neither a rule code nor a family; `seccheck rules` lists them"
        );
        return ExitCode::from(2);
    }
    let releases = release_arg(a.from.as_deref().or(a.since.as_deref()).unwrap_or_default())
        .and_then(|from| {
            let to = match &a.to {
                Some(t) => release_arg(t)?,
                None => seccheck::diff::newest(&a.path).ok_or_else(|| {
                    format!(
                        "cannot find the newest release: {} has no readable Document Log",
                        a.path.display()
                    )
                })?,
            };
            Ok((from, to))
        });
    let diff = releases
        .and_then(|(from, to)| seccheck::diff::diff(&a.path, &from, &to, &selection, false));
    let mut d = match diff {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let introduced: Vec<_> = d
        .introduced
        .iter()
        .map(|&i| d.at_to.diagnostics[i].clone())
        .collect();
    let denied = |s: seccheck::diagnostic::Severity| {
        s == seccheck::diagnostic::Severity::Error
            || (a.deny == Some(Deny::Warnings) && s == seccheck::diagnostic::Severity::Warning)
    };
    let failed = introduced.iter().any(|x| denied(x.severity));
    let text = match a.format {
        ListFormat::Json => report::json::render_diff(&d),
        ListFormat::Human => {
            let line = format!(
                "Releases {} to {}: {} introduced, {} resolved, {} kept.\n",
                d.from,
                d.to,
                d.introduced.len(),
                d.resolved.len(),
                d.kept
            );
            let resolved: Vec<_> = d
                .resolved
                .iter()
                .map(|&i| d.at_from.diagnostics[i].clone())
                .collect();
            d.at_from.diagnostics = resolved;
            let mut gone = report::concise::render(&d.at_from);
            // The concise report's last line is its summary.
            gone.truncate(gone.trim_end().rfind('\n').map_or(0, |i| i + 1));
            d.at_to.diagnostics = introduced;
            let mut text = report::human::render(
                &d.at_to,
                &HumanOptions {
                    color: match a.color {
                        Color::Always => true,
                        Color::Never => false,
                        Color::Auto => auto_color(),
                    },
                    width: report_width(),
                    show_suppressed: false,
                    quiet: true,
                },
            );
            if !gone.is_empty() {
                text.push_str(&format!("Resolved since {}:\n{gone}", d.from));
            }
            text.push_str(&line);
            text
        }
    };
    match print(&text) {
        c if c != ExitCode::SUCCESS => c,
        _ if failed => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}

/// A release number given on the command line (`57.0`).
fn release_arg(r: &str) -> Result<seccheck::names::Version, String> {
    seccheck::names::Version::parse(r)
        .ok_or_else(|| format!("`{r}` is not a release number such as 57.0"))
}

/// The corpus at `path`, read and parsed; when it cannot be read, the error is printed
/// and the exit status returned.
fn read_corpus(path: &std::path::Path) -> Result<seccheck::model::Corpus, ExitCode> {
    match discover::discover(path) {
        Ok(found) => Ok(load::load(found)),
        Err(e) => {
            eprintln!("error: cannot read the corpus at {}: {e}", path.display());
            Err(ExitCode::from(2))
        }
    }
}

fn run_refs(a: RefsArgs) -> ExitCode {
    let target = match refs::parse_target(&a.target) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let corpus = match read_corpus(&a.path) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let found = refs::find(&corpus, &target);
    let text = match a.format {
        ListFormat::Json => report::refs::json(&corpus, &a.target, &target, &found),
        ListFormat::Human => report::refs::human(&corpus, &a.path, &target, &found),
    };
    if a.format == ListFormat::Human
        && let Some(note) = report::refs::unsearched_note(&corpus)
    {
        eprintln!("{note}");
    }
    let code = print(&text);
    if code != ExitCode::SUCCESS {
        return code;
    }
    if found.citations.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error worth a panic.
/// A check's report: rendered whole, or written a finding at a time.
enum Report {
    Text(String),
    Concise { summary: bool },
    Jsonl,
}

impl Report {
    fn write(&self, outcome: &Outcome, out: &mut dyn Write) -> std::io::Result<()> {
        match self {
            Report::Text(text) => out.write_all(text.as_bytes()),
            Report::Concise { summary } => report::concise::write(outcome, *summary, out),
            Report::Jsonl => report::json::write_lines(outcome, out),
        }
    }
}

/// Writes the report to a file (never inside the corpus: the caller checked).
fn write_report(file: &std::path::Path, report: &Report, outcome: &Outcome) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(file)?);
    report.write(outcome, &mut out)?;
    out.flush()
}

/// Writes the report to standard output; a reader that stops early (`| head`) is no error.
fn print_report(report: &Report, outcome: &Outcome) -> ExitCode {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match report.write(outcome, &mut out).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write the report: {e}");
            ExitCode::from(2)
        }
    }
}

fn print(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write the report: {e}");
            ExitCode::from(2)
        }
    }
}

/// `seccheck export`: a Word file's text as seccheck reads it.
fn export(a: &ExportArgs) -> ExitCode {
    let view = if a.reject {
        word::View::Reject
    } else if a.markup {
        word::View::Markup
    } else {
        word::View::Accept
    };
    let bytes = match std::fs::read(&a.path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", a.path.display());
            return ExitCode::from(2);
        }
    };
    match load::guarded(|| word::read(&bytes, view)) {
        Ok(Ok(read)) => print(&read.text),
        Err(panic) => {
            eprintln!(
                "error: seccheck failed reading {} (a bug in seccheck, please report it): {panic}",
                a.path.display()
            );
            ExitCode::from(2)
        }
        Ok(Err(problem)) => {
            eprintln!(
                "error: {} could not be read as a Word file: {problem}",
                a.path.display()
            );
            ExitCode::from(2)
        }
    }
}

/// Colour when `--color auto`: `FORCE_COLOR` or `CLICOLOR_FORCE` (set, not empty, not
/// `0`) turn it on, as CI systems set them for logs that show colour; then `NO_COLOR`
/// (set, not empty) turns it off; otherwise colour only on a terminal.
fn auto_color() -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    if set("FORCE_COLOR") || set("CLICOLOR_FORCE") {
        return true;
    }
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return false;
    }
    std::io::stdout().is_terminal()
}

/// The width the human report is wrapped at: `COLUMNS` if set, else the terminal's width,
/// else 100; kept between 60 and 240.
fn report_width() -> usize {
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .or_else(|| {
            std::io::stdout()
                .is_terminal()
                .then(terminal_size::terminal_size)
                .flatten()
                .map(|(w, _)| w.0 as usize)
        })
        .unwrap_or(100);
    width.clamp(60, 240)
}

/// A folder that is not a corpus but holds one below it (a repository root holding
/// `corpus/document-log.csv`) is checked as a loose folder, which is rarely what was
/// meant: say where the corpus is.
fn corpus_below_hint(path: &std::path::Path, outcome: &Outcome) {
    if outcome.corpus.layout != seccheck::model::Layout::Loose {
        return;
    }
    let below: Vec<&str> = outcome
        .corpus
        .files
        .iter()
        .filter_map(|f| f.path.strip_suffix("/document-log.csv"))
        .collect();
    if let Some(first) = below.first() {
        let corpus = path.join(first);
        eprintln!(
            "note: {} is not a corpus folder, but {} holds a Document Log: to check that corpus, run `seccheck {}`",
            path.display(),
            corpus.display(),
            corpus.display()
        );
    }
}

/// Whether `file` would be written inside the corpus folder `root`: seccheck never
/// writes into the corpus (a report or baseline there would be read back as a file).
fn inside_corpus(file: &std::path::Path, root: &std::path::Path) -> bool {
    let dir = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    match (dir.canonicalize(), root.canonicalize()) {
        (Ok(d), Ok(root)) => root.is_dir() && d.starts_with(&root),
        _ => false,
    }
}
