//! The `seccheck` command line: `seccheck [check] CORPUS`, `seccheck refs TARGET CORPUS`,
//! `seccheck rules`, `seccheck explain CODE`.

use clap::{Parser, Subcommand, ValueEnum};
use seccheck::catalogue;
use seccheck::check::{self, Outcome};
use seccheck::model::{Corpus, ReadProblemKind};
use seccheck::names::DocumentKind;
use seccheck::refs::{self, Effect, RefTarget, Refs};
use seccheck::report::{self, Summary, human::HumanOptions};
use seccheck::source::DecodeProblem;
use seccheck::store::Held;
use seccheck::{discover, load};
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
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
    /// List every citation of a clause or document: what to look at before deleting or
    /// renumbering it.
    #[command(after_help = REFS_HELP)]
    Refs(RefsArgs),
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
    /// The corpus folder (see docs/corpus-format.md) or a single file.
    #[arg(default_value = "corpus")]
    path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Worker threads (default: one per core). Output is the same for any number.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Treat warnings as errors for the exit status.
    #[arg(long, value_enum, value_name = "KIND")]
    deny: Option<Deny>,
    /// Colour in the human format.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
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
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

const REFS_HELP: &str = "\
TARGET is a Section clause (H8.16, J1.2(b), N4A.2, 'Section H8.16'), a document
(section-h, appendix-at, schedule-11, 'Section H', 'Appendix AT'), or a paragraph of
an Appendix or Schedule (appendix-ac:3.2, 'Appendix AC 3.2').

A clause matches citations of itself, of anything under it (H8.16(a)), and ranges that
include it (H8.10 to H8.20). A citation of the enclosing part (Section H8) is not listed.
A document matches every citation of it. Document versions and release notes are
searched; each citation shows the releases at which the citing file is in effect.

Exit status: 0 citations found, 1 none found, 2 bad target or unreadable corpus.";

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
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

const SUBCOMMANDS: [&str; 6] = ["check", "refs", "rules", "explain", "help", "--help"];

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
        Command::Check(a) => run_check(a),
        Command::Refs(a) => run_refs(a),
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

fn run_check(a: CheckArgs) -> ExitCode {
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(a.threads.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: cannot start worker threads: {e}");
            return ExitCode::from(2);
        }
    };
    let outcome: Outcome = match pool.install(|| check::check_path(&a.path)) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: cannot read the corpus at {}: {e}", a.path.display());
            return ExitCode::from(2);
        }
    };
    let text = match a.format {
        Format::Json => report::json::render(&outcome),
        Format::Human => {
            let color = match a.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            report::human::render(&outcome, &HumanOptions { color, width: 100 })
        }
    };
    let code = print(&text);
    if code != ExitCode::SUCCESS {
        return code;
    }
    let s = Summary::of(&outcome);
    if s.errors > 0 || (a.deny == Some(Deny::Warnings) && s.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
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
    let corpus = match discover::discover(&a.path) {
        Ok(found) => load::load(found),
        Err(e) => {
            eprintln!("error: cannot read the corpus at {}: {e}", a.path.display());
            return ExitCode::from(2);
        }
    };
    let found = refs::find(&corpus, &target);
    let text = match a.format {
        Format::Json => refs_json(&corpus, &a.target, &target, &found),
        Format::Human => refs_human(&corpus, &a.path, &target, &found),
    };
    // Files whose citations could not be searched.
    let unread = corpus
        .read_problems
        .iter()
        .filter(|p| {
            !matches!(
                p.kind,
                ReadProblemKind::Decode(DecodeProblem::InvalidUtf8 { .. } | DecodeProblem::Empty)
            )
        })
        .map(|p| p.file)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    if unread > 0 && a.format == Format::Human {
        eprintln!(
            "note: {unread} file{} could not be read or sit outside the corpus layout; citations in them are not listed (`seccheck check` says why)",
            if unread == 1 { "" } else { "s" }
        );
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

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One line per citation, `path:line:column  cited text  (in effect at …)`, then a
/// summary and which versions of the document have the clause.
fn refs_human(corpus: &Corpus, root: &Path, target: &RefTarget, found: &Refs) -> String {
    let held = Held::new(&corpus.files);
    let rows: Vec<(String, &str, String)> = found
        .citations
        .iter()
        .map(|c| {
            let (line, col) = held.get(c.file).line_col(c.span.start as usize);
            let effect = refs::describe(&c.effect, &found.releases);
            (
                format!("{}:{line}:{col}", corpus.file(c.file).path),
                c.text.as_str(),
                effect,
            )
        })
        .collect();
    let loc_w = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    let text_w = rows
        .iter()
        .map(|r| r.1.chars().count())
        .max()
        .unwrap_or(0)
        .min(60);
    let mut out = String::new();
    for (loc, text, effect) in &rows {
        let line = if effect.is_empty() {
            format!("{loc:<loc_w$}  {text}")
        } else {
            format!("{loc:<loc_w$}  {text:<text_w$}  ({effect})")
        };
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if rows.is_empty() {
        out.push_str(&format!(
            "No citations of {target} in {}.\n",
            root.display()
        ));
    } else {
        let files: std::collections::BTreeSet<_> = found.citations.iter().map(|c| c.file).collect();
        out.push_str(&format!(
            "\n{} of {target} in {}.\n",
            plural(rows.len(), "citation", "citations"),
            plural(files.len(), "file", "files")
        ));
    }
    if found.releases.is_empty() && !rows.is_empty() {
        out.push_str("There is no Document Log, so no release ranges are shown.\n");
    }
    if let Some(clause) = target.clause() {
        let doc = target.document();
        let what = if doc.kind == DocumentKind::Section {
            clause.to_string()
        } else {
            format!("paragraph {clause}")
        };
        let name = |p: &refs::Presence| match &p.version {
            Some(v) => v.to_string(),
            None => corpus.file(p.file).path.clone(),
        };
        let has: Vec<String> = found
            .versions
            .iter()
            .filter(|p| p.has_clause)
            .map(name)
            .collect();
        let lacks: Vec<String> = found
            .versions
            .iter()
            .filter(|p| !p.has_clause)
            .map(name)
            .collect();
        let line = if found.versions.is_empty() {
            format!("The corpus has no text of {doc}.")
        } else if has.is_empty() {
            format!(
                "No version of {doc} in the corpus has {what} ({}).",
                lacks.join(", ")
            )
        } else if lacks.is_empty() {
            format!("{} is in {doc} {}.", capitalised(&what), versions(&has))
        } else {
            format!(
                "{} is in {doc} {}; not in {}.",
                capitalised(&what),
                versions(&has),
                versions(&lacks)
            )
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// "version 9.2", "versions 9.0 and 9.1", as the check's messages name versions.
fn versions(list: &[String]) -> String {
    match list {
        [one] => format!("version {one}"),
        [init @ .., last] => format!("versions {} and {last}", init.join(", ")),
        [] => String::new(),
    }
}

/// The `refs` JSON object, documented in docs/json-format.md. Field order is part of
/// the contract.
fn refs_json(corpus: &Corpus, input: &str, target: &RefTarget, found: &Refs) -> String {
    #[derive(Serialize)]
    struct Report<'a> {
        schema: u32,
        target: TargetJson<'a>,
        summary: SummaryJson,
        versions: Vec<VersionJson<'a>>,
        citations: Vec<CitationJson<'a>>,
    }
    #[derive(Serialize)]
    struct TargetJson<'a> {
        input: &'a str,
        name: String,
        document: String,
        clause: Option<&'a str>,
    }
    #[derive(Serialize)]
    struct SummaryJson {
        citations: usize,
        files: usize,
    }
    #[derive(Serialize)]
    struct VersionJson<'a> {
        path: &'a str,
        version: Option<&'a str>,
        has_clause: bool,
        line: Option<usize>,
    }
    #[derive(Serialize)]
    struct CitationJson<'a> {
        path: &'a str,
        line: usize,
        column: usize,
        end_line: usize,
        end_column: usize,
        span: SpanJson,
        text: &'a str,
        cited: Option<&'a str>,
        #[serde(rename = "match")]
        matched: &'static str,
        in_effect: EffectJson<'a>,
    }
    #[derive(Serialize)]
    struct SpanJson {
        start: u32,
        end: u32,
    }
    #[derive(Serialize)]
    struct EffectJson<'a> {
        status: &'static str,
        releases: Vec<&'a str>,
    }
    let held = Held::new(&corpus.files);
    let citations: Vec<CitationJson> = found
        .citations
        .iter()
        .map(|c| {
            let source = held.get(c.file);
            let (line, column) = source.line_col(c.span.start as usize);
            let (end_line, end_column) = source.line_col(c.span.end as usize);
            let (status, releases) = match &c.effect {
                Effect::Logged(v) => ("logged", v.iter().map(|r| r.as_str()).collect()),
                Effect::NotInLog => ("not_in_log", vec![]),
                Effect::ReleaseNote(v) => ("release_note", vec![v.as_str()]),
                Effect::NoLog => ("no_log", vec![]),
            };
            CitationJson {
                path: &corpus.file(c.file).path,
                line,
                column,
                end_line,
                end_column,
                span: SpanJson {
                    start: c.span.start,
                    end: c.span.end,
                },
                text: &c.text,
                cited: c.cited.as_deref(),
                matched: c.matched.as_str(),
                in_effect: EffectJson { status, releases },
            }
        })
        .collect();
    let files: std::collections::BTreeSet<_> = found.citations.iter().map(|c| c.file).collect();
    let report = Report {
        schema: 1,
        target: TargetJson {
            input,
            name: target.to_string(),
            document: target.document().key(),
            clause: target.clause().map(|c| c.as_str()),
        },
        summary: SummaryJson {
            citations: citations.len(),
            files: files.len(),
        },
        versions: found
            .versions
            .iter()
            .map(|p| VersionJson {
                path: &corpus.file(p.file).path,
                version: p.version.as_ref().map(|v| v.as_str()),
                has_clause: p.has_clause,
                line: p
                    .span
                    .map(|s| held.get(p.file).line_col(s.start as usize).0),
            })
            .collect(),
        citations,
    };
    let mut s = serde_json::to_string_pretty(&report).expect("plain data serialises");
    s.push('\n');
    s
}

/// Writes to stdout; a closed pipe (`| head`) is not an error worth a panic.
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
