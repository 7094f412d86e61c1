//! The rule catalogue and the rule table stay in step, and every catalogue example does
//! what it says: the failing example yields only its rule's code, the passing one nothing.

use seccheck::catalogue::{self, Entry};
use seccheck::check::check_memory;
use seccheck::rules::RULES;
use std::collections::BTreeSet;

fn run(files: &std::collections::BTreeMap<String, catalogue::ExampleFile>) -> Vec<String> {
    let files = files
        .iter()
        .map(|(p, f)| (p.clone(), f.to_bytes()))
        .collect();
    check_memory(files)
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code, d.message))
        .collect()
}

#[test]
fn every_rule_has_an_entry_and_every_entry_a_rule() {
    let implemented: BTreeSet<&str> = RULES.iter().map(|r| r.code).collect();
    let documented: BTreeSet<&str> = catalogue::ENTRIES.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        implemented.difference(&documented).collect::<Vec<_>>(),
        Vec::<&&str>::new(),
        "rules without a rules/<CODE>.toml entry"
    );
    assert_eq!(
        documented.difference(&implemented).collect::<Vec<_>>(),
        Vec::<&&str>::new(),
        "catalogue entries without a rule in src/rules/mod.rs"
    );
    assert_eq!(implemented.len(), RULES.len(), "a code is in RULES twice");
}

#[test]
fn entry_files_are_named_after_their_code() {
    let codes: BTreeSet<&str> = catalogue::ENTRIES.iter().map(|e| e.code.as_str()).collect();
    for stem in catalogue::stems() {
        assert!(codes.contains(stem), "rules/{stem}.toml holds another code");
    }
}

fn check_entry(e: &Entry) -> Result<(), String> {
    if e.fail.is_empty() || e.pass.is_empty() {
        return match &e.untestable {
            Some(_) => Ok(()),
            None => Err(format!("{} has no failing or passing example", e.code)),
        };
    }
    let failing = run(&e.fail);
    if failing.is_empty()
        || failing
            .iter()
            .any(|d| !d.starts_with(&format!("{} ", e.code)))
    {
        return Err(format!(
            "{}: the failing example should yield only {} and at least once, got {failing:#?}",
            e.code, e.code
        ));
    }
    let passing = run(&e.pass);
    if !passing.is_empty() {
        return Err(format!(
            "{}: the passing example should yield nothing, got {passing:#?}",
            e.code
        ));
    }
    Ok(())
}

#[test]
fn every_example_does_what_it_says() {
    let errors: Vec<String> = catalogue::ENTRIES
        .iter()
        .filter_map(|e| check_entry(e).err())
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n\n"));
}

#[test]
fn entries_are_complete() {
    for e in catalogue::ENTRIES.iter() {
        assert!(
            !e.name.is_empty()
                && e.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
            "{}: name should be kebab-case",
            e.code
        );
        assert!(
            e.summary.ends_with('.'),
            "{}: summary should be a sentence",
            e.code
        );
        assert!(
            e.explanation.trim().len() > 40,
            "{}: explanation too short",
            e.code
        );
    }
}
