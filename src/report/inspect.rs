//! `seccheck inspect`: what seccheck read from each file, so a person can see why it
//! judged as it did (documented in docs/inspect-format.md). Reads the model only; no
//! rule runs.

use crate::history::History;
use crate::model::SummaryClaim;
use crate::model::{
    Corpus, DateMention, DocumentVersion, ReadProblemKind, ReleaseNoteFile, Segment, VersionTable,
};
use crate::source::FileId;
use crate::title::squeeze;
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Serialize)]
struct Report<'a> {
    schema: u32,
    kind: &'static str,
    files: Vec<FileFacts<'a>>,
}

#[derive(Serialize)]
struct FileFacts<'a> {
    path: &'a str,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    release_note: Option<NoteFacts<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<DocumentFacts<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    redline: Option<RedlineFacts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    version_table: Option<Vec<RowFacts>>,
    /// For a `version-table` file: whether every row was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    version_table_complete: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    document_log: Option<LogFacts>,
    /// For an `unread` file: why.
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<String>,
}

#[derive(Serialize)]
struct NoteFacts<'a> {
    version: Option<String>,
    /// The versions named as the one replaced or built on.
    previous_versions: Vec<String>,
    effective_date: Option<String>,
    published_date: Option<String>,
    stated_count: Option<u32>,
    proposals: Vec<ProposalFacts<'a>>,
    summarised: Vec<&'a str>,
    /// What each summary's first sentence says of its proposal, one per `summarised`.
    summary_claims: Vec<&'static str>,
    /// Whether every row of a table of proposals in the summary was read (when `false`,
    /// REL005 does not count the summary, and IO007 says so).
    summary_complete: bool,
    affected: Option<Vec<AffectedFacts<'a>>>,
    affected_complete: bool,
}

#[derive(Serialize)]
struct ProposalFacts<'a> {
    id: &'a str,
    title: Option<&'a str>,
}

#[derive(Serialize)]
struct AffectedFacts<'a> {
    document: Option<String>,
    title: Option<&'a str>,
}

#[derive(Serialize)]
struct DocumentFacts<'a> {
    document: String,
    version: Option<String>,
    title: Option<&'a str>,
    clauses: Vec<&'a str>,
    headings: Vec<HeadingFacts<'a>>,
    version_table: Option<Vec<RowFacts>>,
    version_table_complete: Option<bool>,
    definitions: Vec<&'a str>,
}

/// A part's or clause's heading read whole (what REF007 compares cited titles with).
#[derive(Serialize)]
struct HeadingFacts<'a> {
    clause: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct RowFacts {
    version: String,
    date: Option<String>,
}

#[derive(Serialize)]
struct RedlineFacts {
    document: String,
    version: String,
    insertions: usize,
    deletions: usize,
    substitutions: usize,
    markup_errors: usize,
}

#[derive(Serialize)]
struct LogFacts {
    rows: usize,
    malformed_rows: usize,
    releases: Vec<String>,
}

/// Everything read, one entry a file in path order.
fn facts(corpus: &Corpus) -> Vec<FileFacts<'_>> {
    let mut out: Vec<FileFacts> = corpus
        .files
        .iter()
        .map(|f| FileFacts {
            path: &f.path,
            kind: "other",
            release_note: None,
            document: None,
            redline: None,
            version_table: None,
            version_table_complete: None,
            document_log: None,
            problem: None,
        })
        .collect();
    let at = |f: FileId| f.0 as usize;
    for nf in &corpus.release_notes {
        let e = &mut out[at(nf.file)];
        e.kind = "release-note";
        e.release_note = Some(note_facts(nf));
    }
    for d in &corpus.documents {
        let e = &mut out[at(d.file)];
        e.kind = "document";
        e.document = Some(document_facts(d));
    }
    for r in &corpus.redlines {
        let (mut ins, mut del, mut sub) = (0, 0, 0);
        for s in &r.redline.segments {
            match s {
                Segment::Insert(_) => ins += 1,
                Segment::Delete(_) => del += 1,
                Segment::Substitute { .. } => sub += 1,
                _ => {}
            }
        }
        let e = &mut out[at(r.file)];
        e.kind = "redline";
        e.redline = Some(RedlineFacts {
            document: r.document.key(),
            version: r.version.to_string(),
            insertions: ins,
            deletions: del,
            substitutions: sub,
            markup_errors: r.redline.errors.len(),
        });
    }
    for t in &corpus.version_tables {
        let e = &mut out[at(t.file)];
        e.kind = "version-table";
        e.version_table = Some(rows(&t.table));
        e.version_table_complete = Some(t.table.complete);
    }
    if let Some(log) = &corpus.log {
        let e = &mut out[at(log.file)];
        e.kind = "document-log";
        e.document_log = Some(LogFacts {
            rows: log.rows.len(),
            malformed_rows: log.malformed.len(),
            releases: History::new(log)
                .releases()
                .iter()
                .map(|r| r.to_string())
                .collect(),
        });
    }
    for c in &corpus.configs {
        out[at(c.file)].kind = "config";
    }
    for p in &corpus.read_problems {
        if corpus.unreadable(p.file) {
            let e = &mut out[at(p.file)];
            e.kind = "unread";
            e.problem = Some(describe_problem(&p.kind));
        }
    }
    out
}

fn describe_problem(kind: &ReadProblemKind) -> String {
    use ReadProblemKind as K;
    match kind {
        K::Unreadable(why) => format!("could not be read: {why}"),
        K::Decode(d) => format!("not read as text: {d:?}"),
        K::NotInLayout(hint) => format!("not in the corpus layout: {hint}"),
        K::Duplicate(other) => format!("gives the same version as {other}"),
        K::ParserPanic(msg) => format!("seccheck failed reading it: {msg}"),
        K::Word(problem) => format!("not read as a Word file: {problem}"),
        K::WordCaveat(c) => format!("read, with a caveat: {c:?}"),
    }
}

fn note_facts(nf: &ReleaseNoteFile) -> NoteFacts<'_> {
    let n = &nf.note;
    let date = |m: &Option<DateMention>| m.as_ref().and_then(|m| m.date).map(|d| d.to_string());
    NoteFacts {
        version: n.version.as_ref().map(|(v, _)| v.to_string()),
        previous_versions: n
            .previous_versions
            .iter()
            .map(|(v, _)| v.to_string())
            .collect(),
        effective_date: date(&n.effective_date),
        published_date: date(&n.date_line),
        stated_count: n.stated_count.as_ref().map(|c| c.value),
        proposals: n
            .proposals
            .iter()
            .map(|p| ProposalFacts {
                id: &p.id,
                title: p.title.as_deref(),
            })
            .collect(),
        summarised: n
            .summarised
            .iter()
            .filter_map(|&i| n.proposals.get(i).map(|p| p.id.as_str()))
            .collect(),
        summary_claims: n.summary_claims.iter().map(|&c| claim_word(c)).collect(),
        summary_complete: n.summary_unread.is_empty(),
        affected: n.affected_heading.as_ref().map(|_| {
            n.affected
                .iter()
                .map(|a| AffectedFacts {
                    document: a.document.as_ref().map(|d| d.key()),
                    title: a.title.as_deref(),
                })
                .collect()
        }),
        affected_complete: n.affected_complete(),
    }
}

fn rows(table: &VersionTable) -> Vec<RowFacts> {
    table
        .rows
        .iter()
        .map(|r| RowFacts {
            version: r.version.to_string(),
            date: r.date.map(|d| d.to_string()),
        })
        .collect()
}

fn document_facts(d: &DocumentVersion) -> DocumentFacts<'_> {
    DocumentFacts {
        document: d.document.key(),
        version: d.version.as_ref().map(|v| v.to_string()),
        title: d.heading.as_ref().map(|h| h.title.as_str()),
        clauses: d.clauses.iter().map(|c| c.number.as_str()).collect(),
        headings: d
            .clauses
            .iter()
            .filter_map(|c| {
                c.heading.as_ref().map(|h| HeadingFacts {
                    clause: c.number.as_str(),
                    title: h.title.as_str(),
                })
            })
            .collect(),
        version_table: d.version_table.as_ref().map(rows),
        version_table_complete: d.version_table.as_ref().map(|t| t.complete),
        definitions: d.definitions.iter().map(|x| x.term.as_str()).collect(),
    }
}

/// The JSON form: `{"schema":1,"kind":"inspect","files":[…]}`.
pub fn json(corpus: &Corpus) -> String {
    let report = Report {
        schema: 1,
        kind: "inspect",
        files: facts(corpus),
    };
    let mut s = serde_json::to_string_pretty(&report).expect("plain data serialises");
    s.push('\n');
    s
}

/// The form for a person: each file, what it was read as, and the facts read.
pub fn human(corpus: &Corpus) -> String {
    let mut out = String::new();
    let list = |items: Vec<String>| {
        if items.is_empty() {
            "none".to_string()
        } else {
            items.join(", ")
        }
    };
    let or_none = |s: Option<String>| s.unwrap_or_else(|| "not read".to_string());
    for f in facts(corpus) {
        let _ = writeln!(out, "{}  ({})", f.path, f.kind.replace('-', " "));
        if let Some(p) = &f.problem {
            let _ = writeln!(out, "  {p}");
        }
        if let Some(n) = &f.release_note {
            let _ = writeln!(out, "  SEC version: {}", or_none(n.version.clone()));
            if !n.previous_versions.is_empty() {
                let _ = writeln!(out, "  replaces: {}", n.previous_versions.join(", "));
            }
            let _ = writeln!(
                out,
                "  effective date: {}",
                or_none(n.effective_date.clone())
            );
            let _ = writeln!(out, "  published: {}", or_none(n.published_date.clone()));
            let _ = writeln!(
                out,
                "  stated count: {}",
                or_none(n.stated_count.map(|c| c.to_string()))
            );
            let proposals: Vec<String> = n
                .proposals
                .iter()
                .map(|p| match p.title {
                    Some(t) => format!("{} ‘{}’", p.id, squeeze(t)),
                    None => p.id.to_string(),
                })
                .collect();
            let _ = writeln!(out, "  proposals named: {}", list(proposals));
            let summarised: Vec<String> = n
                .summarised
                .iter()
                .zip(&n.summary_claims)
                .map(|(s, &c)| match c {
                    "implemented" => s.to_string(),
                    _ => format!("{s} ({c})"),
                })
                .collect();
            let whole = if n.summary_complete {
                ""
            } else {
                " (NOT read whole: REL005 does not count them)"
            };
            let _ = writeln!(out, "  proposals summarised{whole}: {}", list(summarised));
            match &n.affected {
                None => {
                    let _ = writeln!(out, "  affected list: none");
                }
                Some(entries) => {
                    let _ = writeln!(
                        out,
                        "  affected list ({}):",
                        if n.affected_complete {
                            "read whole"
                        } else {
                            "NOT read whole: REL003 and REL007 do not judge it"
                        }
                    );
                    for a in entries {
                        let doc = a.document.clone().unwrap_or_else(|| "?".into());
                        let _ = match a.title {
                            Some(t) => writeln!(out, "    {doc} ‘{}’", squeeze(t)),
                            None => writeln!(out, "    {doc}"),
                        };
                    }
                }
            }
        }
        if let Some(d) = &f.document {
            let _ = writeln!(
                out,
                "  {} {}: {}",
                d.document,
                d.version.clone().unwrap_or_default(),
                d.title.map_or("no heading read".to_string(), squeeze)
            );
            let _ = writeln!(out, "  clauses: {}", clauses_line(&d.clauses));
            if !d.headings.is_empty() {
                let h: Vec<String> = d
                    .headings
                    .iter()
                    .map(|h| format!("{} ‘{}’", h.clause, h.title))
                    .collect();
                let _ = writeln!(
                    out,
                    "  headings: {}",
                    clauses_line(&h.iter().map(String::as_str).collect::<Vec<_>>())
                );
            }
            if let Some(t) = &d.version_table {
                let _ = writeln!(
                    out,
                    "  version table ({}): {}",
                    if d.version_table_complete == Some(true) {
                        "read whole"
                    } else {
                        "NOT read whole: VCT rules do not judge it"
                    },
                    list(t.iter().map(row_line).collect())
                );
            }
            if !d.definitions.is_empty() {
                let _ = writeln!(out, "  definitions: {}", d.definitions.len());
            }
        }
        if let Some(r) = &f.redline {
            let _ = writeln!(
                out,
                "  {} {}: {} insertions, {} deletions, {} substitutions, {} markup errors",
                r.document, r.version, r.insertions, r.deletions, r.substitutions, r.markup_errors
            );
        }
        if let Some(t) = &f.version_table {
            let whole = if f.version_table_complete == Some(true) {
                "read whole"
            } else {
                "NOT read whole: VCT rules do not judge it"
            };
            let _ = writeln!(
                out,
                "  rows ({whole}): {}",
                list(t.iter().map(row_line).collect())
            );
        }
        if let Some(l) = &f.document_log {
            let _ = writeln!(
                out,
                "  {} rows ({} malformed), releases: {}",
                l.rows,
                l.malformed_rows,
                list(l.releases.clone())
            );
        }
    }
    out
}

fn row_line(r: &RowFacts) -> String {
    match &r.date {
        Some(d) => format!("{} ({d})", r.version),
        None => format!("{} (no date)", r.version),
    }
}

/// "H1.1 … H8.16 (42)": the first and last clause and how many.
fn clauses_line(clauses: &[&str]) -> String {
    match clauses {
        [] => "none read".to_string(),
        [one] => (*one).to_string(),
        [first, .., last] => format!("{first} … {last} ({})", clauses.len()),
    }
}

/// How `seccheck inspect` names what a summary says of its proposal.
fn claim_word(c: SummaryClaim) -> &'static str {
    match c {
        SummaryClaim::Implemented => "implemented",
        SummaryClaim::FollowUp => "follow-up",
        SummaryClaim::NotImplemented => "not implemented",
    }
}
