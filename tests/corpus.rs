//! The sample corpus stays the demo: for every implemented rule, `seccheck corpus/`
//! reports exactly the rows of `corpus/README.md`'s table, and the clean fixture reports
//! nothing at all.

use seccheck::check::check_path;
use seccheck::rules::RULES;
use std::collections::BTreeSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// (code, file, line) for each row of the README's table of deliberate inconsistencies.
fn planted() -> Vec<(String, String, usize)> {
    let readme = std::fs::read_to_string(root().join("corpus/README.md")).unwrap();
    let table = readme
        .split("## Deliberate inconsistencies")
        .nth(1)
        .expect("the README has the section");
    table
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            // | CODE | `file` | line | what |
            if cells.len() < 5
                || !cells[1].chars().next()?.is_ascii_uppercase()
                || cells[1] == "Code"
            {
                return None;
            }
            Some((
                cells[1].to_string(),
                cells[2].trim_matches('`').to_string(),
                cells[3].parse().ok()?,
            ))
        })
        .collect()
}

#[test]
fn the_readme_lists_what_the_corpus_reports() {
    let implemented: BTreeSet<&str> = RULES.iter().map(|r| r.code).collect();
    let expected: Vec<_> = planted()
        .into_iter()
        .filter(|(code, _, _)| implemented.contains(code.as_str()))
        .collect();
    assert!(
        expected.len() >= 7,
        "the table should list the LOG plants: {expected:?}"
    );
    let outcome = check_path(&root().join("corpus")).unwrap();
    let mut reported: Vec<(String, String, usize)> = outcome
        .diagnostics
        .iter()
        .map(|d| {
            let p = d.primary.as_ref().expect("corpus findings have a place");
            let file = outcome.corpus.source(p.file);
            (
                d.code.to_string(),
                file.path.clone(),
                file.line_col(p.span.start as usize).0,
            )
        })
        .collect();
    let mut expected = expected;
    expected.sort();
    reported.sort();
    assert_eq!(reported, expected);
}

#[test]
fn the_clean_fixture_reports_nothing() {
    let outcome = check_path(&root().join("tests/fixtures/clean")).unwrap();
    let found: Vec<String> = outcome
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    assert_eq!(found, Vec::<String>::new());
    assert!(outcome.corpus.documents.len() >= 8);
}
