//! The `seccheck` command line: `seccheck [check] CORPUS`, `seccheck rules`,
//! `seccheck explain CODE`.

use clap::{Parser, Subcommand, ValueEnum};
use seccheck::catalogue;
use seccheck::check::{self, Outcome};
use seccheck::report::{self, Summary, human::HumanOptions};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "seccheck",
    version,
    about = "Checks that a release of the Smart Energy Code is consistent before it is published.",
    after_help = "With no subcommand, `seccheck CORPUS` is `seccheck check CORPUS`.\nExit status: 0 no errors, 1 errors found (or warnings with --deny warnings), 2 usage or I/O failure."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a corpus folder (or one file) and report every inconsistency.
    Check(CheckArgs),
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

const SUBCOMMANDS: [&str; 5] = ["check", "rules", "explain", "help", "--help"];

fn main() -> ExitCode {
    // Panics are caught and reported as findings; the default hook would also print them.
    std::panic::set_hook(Box::new(|_| {}));
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
