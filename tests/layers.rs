//! The boundaries ARCHITECTURE.md states, held by a test: each module's `crate::` paths
//! (in `use` lines and in code, outside `#[cfg(test)]` and comments) name only the
//! modules its layer may use. Adding `use crate::report::…` to a rule fails here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The leaf vocabulary: imports nothing above itself.
const LEAF: &[&str] = &[
    "clause", "date", "digest", "hash", "names", "source", "title", "word",
];

/// Module → the top-level modules it may name besides itself and the leaf vocabulary.
/// A module missing here may name anything (`check`, `main`, the generator).
const ALLOWED: &[(&str, &[&str])] = &[
    ("diagnostic", &[]),
    ("discover", &[]),
    ("parse", &[]),
    ("store", &[]),
    ("catalogue", &["diagnostic"]),
    ("model", &["parse", "store"]),
    ("history", &["model", "parse"]),
    ("config", &["diagnostic", "parse"]),
    ("load", &["discover", "model", "parse", "store"]),
    (
        "rules",
        &[
            "config",
            "diagnostic",
            "history",
            "load",
            "model",
            "parse",
            "store",
        ],
    ),
    ("refs", &["history", "model", "parse", "rules", "store"]),
    (
        "report",
        &[
            "baseline",
            // Rules' names and docs, for reports that show them (`--statistics`).
            "catalogue",
            "check",
            "diagnostic",
            // `seccheck diff`'s two outcomes, rendered as one report.
            "diff",
            "history",
            "load",
            "model",
            "refs",
            "rules",
            // Which findings lie in a release (the HTML report's release filter).
            "scope",
            "store",
        ],
    ),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level module a file under `src/` belongs to: `rules` for
/// `src/rules/log/log001.rs`, `names` for `src/names.rs`.
fn module_of(path: &Path) -> String {
    let rel = path.strip_prefix(src()).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// The top-level modules a file's code names through `crate::`, with the line of each:
/// `use crate::{a, b}` counts both; text from `#[cfg(test)]` on, and comments, do not.
fn named_modules(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("#[cfg(test)]") {
            break;
        }
        if code.starts_with("//") {
            continue;
        }
        let code = code.split("//").next().unwrap_or(code);
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                // `crate::{a::b, c}`: the first word of each item.
                let inner = group.split('}').next().unwrap_or("");
                for item in inner.split(',') {
                    let word: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !word.is_empty() && word != "self" {
                        out.push((n + 1, word));
                    }
                }
                continue;
            }
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !word.is_empty() {
                out.push((n + 1, word));
            }
        }
    }
    out
}

/// What `module` may not name of what `text` names: `(line, module named)`.
fn violations(module: &str, text: &str) -> Vec<(usize, String)> {
    let leaf = LEAF.contains(&module);
    let allowed: Option<&[&str]> = if leaf {
        Some(&[])
    } else {
        ALLOWED.iter().find(|(m, _)| *m == module).map(|(_, a)| *a)
    };
    let Some(allowed) = allowed else {
        return Vec::new();
    };
    named_modules(text)
        .into_iter()
        .filter(|(_, m)| {
            m != module && !LEAF.contains(&m.as_str()) && !allowed.contains(&m.as_str())
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_module_stays_in_its_layer() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut broken = Vec::new();
    let mut seen = BTreeSet::new();
    for f in &files {
        let module = module_of(f);
        seen.insert(module.clone());
        let text = std::fs::read_to_string(f).unwrap();
        for (line, named) in violations(&module, &text) {
            broken.push(format!(
                "{}:{line}: `{module}` may not use `crate::{named}`",
                f.strip_prefix(src()).unwrap().display()
            ));
        }
    }
    assert!(
        broken.is_empty(),
        "layer boundaries crossed:\n{}",
        broken.join("\n")
    );
    // The table names real modules: a renamed module is not silently unchecked.
    for (m, _) in ALLOWED {
        assert!(
            seen.contains(*m),
            "ALLOWED names `{m}`, which is not a module"
        );
    }
    for m in LEAF {
        assert!(seen.contains(*m), "LEAF names `{m}`, which is not a module");
    }
}

#[test]
fn a_rule_that_uses_the_report_is_caught() {
    let rule = "//! LOG001\nuse crate::diagnostic::Diagnostic;\nuse crate::report::json;\n\
                fn f() { crate::check::run(); }\n#[cfg(test)]\nmod tests { use crate::check::check_memory; }\n";
    let found = violations("rules", rule);
    assert_eq!(
        found,
        [(3, "report".to_string()), (4, "check".to_string())],
        "the test module's import of `check` is allowed; the others are not"
    );
}

#[test]
fn the_leaf_vocabulary_and_the_parsers_name_nothing_above_them() {
    assert_eq!(
        violations("names", "use crate::{date::Date, model::Corpus};\n"),
        [(1, "model".to_string())]
    );
    assert_eq!(
        violations(
            "parse",
            "use crate::model::Clause; // parse must not know the model\n"
        ),
        [(1, "model".to_string())]
    );
    assert!(violations("parse", "use crate::clause::ClauseNumber;\n").is_empty());
    // A path in a comment is no import.
    assert!(violations("source", "/// See [`crate::model::Corpus`].\n").is_empty());
}
