//! `seccheck draft-note RELEASE`: what a release's note should say, drawn from the record —
//! the documents the Document Log bumps at the release, each with its title at the
//! release, in the order the SEC lists documents (Sections, Schedules, Appendices), and
//! the Modification Proposals the bumped versions' new version-control rows credit. The
//! drafter pastes it; seccheck writes nothing into the corpus.

use crate::history::{Change, History};
use crate::model::Corpus;
use crate::names::{DocumentId, Version};
use std::collections::BTreeMap;

/// One document the release changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Affected {
    pub document: DocumentId,
    /// The title the log gives it at the release, else its text's heading; `None` when
    /// neither has one.
    pub title: Option<String>,
    pub version: Version,
    /// The version before the release; `None` when the document is new at it.
    pub previous: Option<Version>,
}

/// A proposal a bumped version's new version-control row credits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credited {
    pub id: String,
    /// The proposal's number (`MP0096` and `MP96` are 96), for the order of the list.
    pub number: u32,
    pub title: Option<String>,
    /// The documents whose rows credit it, in SEC order.
    pub documents: Vec<DocumentId>,
}

/// The note's facts for a release, and what could not be read for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub release: Version,
    pub affected: Vec<Affected>,
    pub proposals: Vec<Credited>,
    /// What may be missing: log rows that could not be read (a document they bump), and
    /// bumped versions without a file, without a row for themselves, or with a table not
    /// read whole (their proposals).
    pub gaps: Vec<String>,
}

pub fn draft(corpus: &Corpus, release: &Version) -> Result<Draft, String> {
    let log = corpus
        .log
        .as_ref()
        .ok_or("a release note is drafted from the Document Log, and this corpus has none")?;
    let history = History::new(log);
    history.require(release)?;
    let mut affected = Vec::new();
    let mut proposals: BTreeMap<String, Credited> = BTreeMap::new();
    let mut gaps = Vec::new();
    for change in history.bumped(release) {
        let (row, previous) = match change {
            Change::New(row) => (row, None),
            Change::Bumped { row, prev } => (row, Some(prev.version.clone())),
            _ => continue,
        };
        let text = corpus.document(&row.document, &row.version);
        let title = Some(row.title.trim())
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .or_else(|| {
                text.and_then(|d| d.heading.as_ref())
                    .map(|h| h.title.clone())
            });
        affected.push(Affected {
            document: row.document.clone(),
            title,
            version: row.version.clone(),
            previous,
        });
        let name = format!("{} version {}", row.document, row.version);
        let Some(doc) = text else {
            gaps.push(format!(
                "{name} has no file in the corpus: its proposals are not listed"
            ));
            continue;
        };
        let Some(table) = &doc.version_table else {
            gaps.push(format!(
                "{name} has no version-control table: its proposals are not listed"
            ));
            continue;
        };
        if !table.complete {
            gaps.push(format!(
                "{name}'s version-control table was not read whole: its proposals may be missing"
            ));
        }
        let Some(own) = table.rows.iter().find(|r| r.version == row.version) else {
            gaps.push(format!(
                "{name}'s version-control table has no row for {}: its proposals are not listed",
                row.version
            ));
            continue;
        };
        for p in table
            .proposals
            .iter()
            .filter(|p| p.span.start >= own.span.start && p.span.end <= own.span.end)
        {
            let entry = proposals.entry(p.id.clone()).or_insert_with(|| Credited {
                id: p.id.clone(),
                number: p.number,
                title: None,
                documents: Vec::new(),
            });
            if entry.title.is_none() {
                entry.title.clone_from(&p.title);
            }
            if !entry.documents.contains(&row.document) {
                entry.documents.push(row.document.clone());
            }
        }
    }
    // Rows that could not be read, unless they say they are of another release: each may
    // bump a document this list then lacks.
    let source = corpus.source(log.file);
    let unread: Vec<String> = log
        .malformed
        .iter()
        .filter(|m| m.said.release.as_ref().is_none_or(|r| r == release))
        .map(|m| {
            let line = source.line_col(m.span.start as usize).0;
            match &m.said.document {
                Some(d) => format!(
                    "line {line} of the Document Log, a row for {d}, could not be read (LOG008): if it bumps {d} at {release}, add {d} to the list"
                ),
                None => format!(
                    "line {line} of the Document Log could not be read (LOG008): a document it bumps at {release} may be missing from the list"
                ),
            }
        })
        .collect();
    gaps.splice(0..0, unread);
    affected.sort_by(|a, b| a.document.cmp(&b.document));
    let mut proposals: Vec<Credited> = proposals.into_values().collect();
    for p in &mut proposals {
        p.documents.sort();
    }
    proposals.sort_by(|a, b| (a.number, &a.id).cmp(&(b.number, &b.id)));
    Ok(Draft {
        release: release.clone(),
        affected,
        proposals,
        gaps,
    })
}

/// The draft as text to paste: the affected list in the published shape, then the
/// proposals.
pub fn render(d: &Draft) -> String {
    let mut out = String::from("What parts of the SEC were affected?\n\n");
    for a in &d.affected {
        match &a.title {
            Some(t) => out.push_str(&format!("- {} ‘{t}’\n", a.document)),
            None => out.push_str(&format!("- {}\n", a.document)),
        }
    }
    if d.affected.is_empty() {
        out.push_str("(the Document Log bumps no document at this release)\n");
    }
    out.push_str(&format!(
        "\nModification Proposals credited in the new versions' version-control tables ({}):\n\n",
        d.proposals.len()
    ));
    if d.proposals.is_empty() {
        out.push_str("(none)\n");
    }
    for p in &d.proposals {
        let docs: Vec<String> = p.documents.iter().map(|d| d.to_string()).collect();
        match &p.title {
            Some(t) => out.push_str(&format!(
                "- {} ‘{t}’ ({})\n",
                p.id,
                crate::diagnostic::and_list(&docs)
            )),
            None => out.push_str(&format!(
                "- {} ({})\n",
                p.id,
                crate::diagnostic::and_list(&docs)
            )),
        }
    }
    out
}
