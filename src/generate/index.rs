//! What the generator wrote, kept small: releases with their log rows, document versions
//! with their paths, lines a planter may change, and clause numbers that disappeared.
//! The defect planters read this instead of re-reading the corpus.

use super::cite::CoreClause;
use crate::date::Date;
use crate::names::DocumentKind;

#[derive(Debug, Default)]
pub struct Index {
    pub releases: Vec<ReleaseInfo>,
    pub docs: Vec<DocInfo>,
    pub vanished: Vec<VanishInfo>,
    /// Section A's definitions at the first release. Definitions are never changed or
    /// removed, so each is a whole line of every version of Section A and of every
    /// redline of it, shown unchanged.
    pub terms: Vec<TermInfo>,
}

#[derive(Debug)]
pub struct ReleaseInfo {
    pub number: String,
    pub date: Date,
    /// `releases/<number>.md` or `.txt`.
    pub note: String,
    pub rows: Vec<RowInfo>,
    /// Documents changed from a previous version (indexes into `Index::docs`).
    pub changed: Vec<usize>,
    /// Documents designated by this release.
    pub new: Vec<usize>,
}

#[derive(Debug)]
pub struct RowInfo {
    pub doc: usize,
    pub version: String,
    /// 1-based line in `document-log.csv`.
    pub line: usize,
    pub text: String,
}

#[derive(Debug)]
pub struct DocInfo {
    pub kind: DocumentKind,
    pub designator: String,
    pub key: String,
    pub title: String,
    /// The release that designated it; `usize::MAX` if none did.
    pub designated: usize,
    pub versions: Vec<VersionInfo>,
    pub core: Vec<CoreClause>,
    pub heading: String,
}

impl DocInfo {
    pub fn name(&self) -> String {
        format!("{} {}", self.kind.word(), self.designator)
    }

    pub fn is_section_a(&self) -> bool {
        self.kind == DocumentKind::Section && self.designator == "A"
    }
}

#[derive(Debug)]
pub struct VersionInfo {
    pub version: String,
    /// `documents/<key>/<version>.md`.
    pub path: String,
    /// First and last release (indexes) at which it is in effect.
    pub first: usize,
    pub last: usize,
    /// `redlines/<key>/<version>.md`, when a previous version exists.
    pub redline: Option<String>,
    /// The newest version-control row, as written.
    pub newest_row: String,
    /// A sample of core clause lines (one-line clauses that end a sentence): 1-based
    /// line and text. These lines are unchanged in every redline, so a planter can edit
    /// them in the document and its redlines alike.
    pub stable: Vec<(usize, String)>,
}

#[derive(Debug)]
pub struct VanishInfo {
    pub doc: usize,
    pub number: String,
    /// Since when the number had existed.
    pub born: usize,
    /// The release whose new version no longer has it.
    pub at: usize,
}

#[derive(Debug)]
pub struct TermInfo {
    pub term: String,
    /// The definition's line, as written.
    pub line: String,
    /// For a term a Section defines ("has the meaning given … in Section H8.16"): that
    /// Section (an index into `Index::docs`) and the clause.
    pub given_in: Option<(usize, String)>,
}
