//! `seccheck-gen`: writes a generated SEC corpus for tests and benchmarks, or checks one.
//!
//! ```text
//! seccheck-gen OUT_DIR --size 256MiB --seed 7 [--defects N] [--force]
//! seccheck-gen --check OUT_DIR
//! ```

use clap::Parser;
use seccheck::generate::{self, GENERATED, Options, PLANTED_FILE, Shape, parse_size};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Parser)]
#[command(
    name = "seccheck-gen",
    about = "Writes a deterministic SEC corpus of a given size, with planted defects listed in planted-defects.csv; or, with --check, runs seccheck on one and compares its findings with that list."
)]
struct Cli {
    /// The folder to write (or, with --check, to check).
    out: PathBuf,
    /// Approximate size: 300KB, 256MiB, 1GiB.
    #[arg(long, default_value = "256MiB", value_parser = size)]
    size: u64,
    /// The same seed and size give the same corpus, byte for byte.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// How many defects to plant (taking turns over every rule that has a planter).
    #[arg(long, default_value_t = 0)]
    defects: usize,
    /// How the bytes are spread: `standard` (documents up to 256 KiB, as many as fit),
    /// or `wide` (twenty large documents, thirty to forty releases, a long Section A).
    #[arg(long, value_enum, default_value_t = ShapeArg::Standard)]
    shape: ShapeArg,
    /// Replace a corpus already in OUT_DIR (only the generated files are removed).
    #[arg(long)]
    force: bool,
    /// Check OUT_DIR: every planted defect reported at its place, nothing else.
    #[arg(long)]
    check: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ShapeArg {
    Standard,
    Wide,
}

fn size(s: &str) -> Result<u64, String> {
    parse_size(s).ok_or_else(|| format!("`{s}` is not a size such as 300KB, 256MiB or 1GiB"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.check {
        return check(&cli.out);
    }
    if let Err(e) = prepare(&cli.out, cli.force) {
        eprintln!("seccheck-gen: {e}");
        return ExitCode::from(2);
    }
    let start = Instant::now();
    let opts = Options {
        size: cli.size,
        seed: cli.seed,
        defects: cli.defects,
        shape: match cli.shape {
            ShapeArg::Standard => Shape::Standard,
            ShapeArg::Wide => Shape::Wide,
        },
    };
    match generate::generate(&cli.out, &opts) {
        Ok(s) => {
            eprintln!(
                "wrote {}: {} bytes in {} files ({} releases, {} documents, {} versions), {} defects planted, in {:.1}s",
                cli.out.display(),
                s.bytes,
                s.files,
                s.releases,
                s.documents,
                s.versions,
                s.planted.len(),
                start.elapsed().as_secs_f64()
            );
            if s.planted.len() < cli.defects {
                eprintln!(
                    "note: asked for {} defects; every planter ran out of places after {}",
                    cli.defects,
                    s.planted.len()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("seccheck-gen: {e}");
            ExitCode::from(2)
        }
    }
}

/// Refuses a folder with files in it unless `force`; with `force`, removes only what a
/// generator run writes.
fn prepare(out: &Path, force: bool) -> Result<(), String> {
    let Ok(entries) = std::fs::read_dir(out) else {
        return Ok(()); // does not exist yet
    };
    let names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if names.is_empty() {
        return Ok(());
    }
    if !force {
        return Err(format!(
            "{} is not empty; pass --force to replace a generated corpus there",
            out.display()
        ));
    }
    for name in GENERATED {
        let p = out.join(name);
        let r = if p.is_dir() {
            std::fs::remove_dir_all(&p)
        } else if p.exists() {
            std::fs::remove_file(&p)
        } else {
            Ok(())
        };
        r.map_err(|e| format!("{}: {e}", p.display()))?;
    }
    Ok(())
}

fn check(root: &Path) -> ExitCode {
    let start = Instant::now();
    match generate::recall(root) {
        Ok(r) => {
            println!(
                "{} planted, {} reported, {} found at their place, in {:.1}s",
                r.planted,
                r.reported,
                r.planted - r.missing.len(),
                start.elapsed().as_secs_f64()
            );
            for p in &r.missing {
                println!("missed:     {} {}:{}", p.code, p.path, p.line);
            }
            for p in &r.unexpected {
                println!("unexpected: {} {}:{}", p.code, p.path, p.line);
            }
            if r.missing.is_empty() && r.unexpected.is_empty() {
                println!("recall 100%, no finding that was not planted");
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => {
            eprintln!(
                "seccheck-gen: {}: {e} (is it a generated corpus with {PLANTED_FILE}?)",
                root.display()
            );
            ExitCode::from(2)
        }
    }
}
