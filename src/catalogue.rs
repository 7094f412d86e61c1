//! The rule catalogue: one TOML file per rule in `rules/`, embedded at build time.
//!
//! Each entry documents a rule (name, default severity, summary, explanation) and gives
//! a failing and a passing example corpus, which the test suite runs.

use crate::diagnostic::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/catalogue_sources.rs"));
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub code: String,
    pub name: String,
    pub severity: Severity,
    pub summary: String,
    pub explanation: String,
    /// Why the rule has no examples (it reports what no example file can cause).
    #[serde(default)]
    pub untestable: Option<String>,
    /// Files of a small corpus that must produce this rule's code (and only it).
    #[serde(default)]
    pub fail: BTreeMap<String, ExampleFile>,
    /// The same corpus put right: must produce no finding at all.
    #[serde(default)]
    pub pass: BTreeMap<String, ExampleFile>,
}

/// An example file: text, or raw bytes for inputs TOML cannot spell (invalid UTF-8).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum ExampleFile {
    Text(String),
    Bytes { bytes: Vec<u8> },
}

impl ExampleFile {
    pub fn to_bytes(&self) -> Vec<u8> {
        match self {
            ExampleFile::Text(t) => t.clone().into_bytes(),
            ExampleFile::Bytes { bytes } => bytes.clone(),
        }
    }
}

/// Every entry, sorted by code. A malformed entry is a build defect: the test suite
/// parses them all, so this panics only on a catalogue no test has run.
pub static ENTRIES: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    let mut entries: Vec<Entry> = embedded::SOURCES
        .iter()
        .map(|(stem, src)| {
            toml::from_str(src).unwrap_or_else(|e| panic!("rules/{stem}.toml is malformed: {e}"))
        })
        .collect();
    entries.sort_by(|a, b| a.code.cmp(&b.code));
    entries
});

/// The file stem of each embedded entry, for the test that names match codes.
pub fn stems() -> impl Iterator<Item = &'static str> {
    embedded::SOURCES.iter().map(|(stem, _)| *stem)
}

pub fn get(code: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.code.eq_ignore_ascii_case(code))
}

/// The text `seccheck explain CODE` prints.
pub fn explain(e: &Entry) -> String {
    let mut out = format!(
        "{} ({}) — default severity: {}\n\n{}\n\n{}\n",
        e.code,
        e.name,
        e.severity.as_str(),
        e.summary,
        e.explanation.trim_end()
    );
    for (title, files) in [("Fails", &e.fail), ("Passes", &e.pass)] {
        if files.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{title}:\n"));
        for (path, file) in files {
            match file {
                ExampleFile::Text(t) => {
                    out.push_str(&format!("\n  {path}\n"));
                    for line in t.lines() {
                        out.push_str(&format!("    {line}\n"));
                    }
                }
                ExampleFile::Bytes { bytes } => {
                    out.push_str(&format!("\n  {path} ({} raw bytes)\n", bytes.len()));
                }
            }
        }
    }
    out
}
