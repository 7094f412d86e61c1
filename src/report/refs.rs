//! `seccheck refs`: every citation of a clause or document, as text for a person (one
//! line a citation, then where the clause is) or as JSON (documented in
//! docs/json-format.md; its places are the check report's, [`Place`]).

use super::json::Place;
use crate::diagnostic::and_list;
use crate::model::Corpus;
use crate::names::DocumentKind;
use crate::refs::{self, Effect, RefTarget, Refs};
use crate::store::Held;
use serde::Serialize;
use std::path::Path;

/// The note for a person when some files were not searched: those that could not be
/// read (empty files aside, which hold no citation); `None` when every file was.
pub fn unsearched_note(corpus: &Corpus) -> Option<String> {
    let empty = |f| {
        corpus.read_problems.iter().any(|p| {
            p.file == f
                && p.kind
                    == crate::model::ReadProblemKind::Decode(crate::source::DecodeProblem::Empty)
        })
    };
    let unread = (0..corpus.files.len() as u32)
        .map(crate::source::FileId)
        .filter(|&f| corpus.unreadable(f) && !empty(f))
        .count();
    (unread > 0).then(|| {
        format!(
            "note: {unread} file{} could not be read or sit outside the corpus layout; citations in them are not listed (`seccheck check` says why)",
            if unread == 1 { "" } else { "s" }
        )
    })
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
pub fn human(corpus: &Corpus, root: &Path, target: &RefTarget, found: &Refs) -> String {
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
    let s = &found.searched;
    let mut searched = vec![
        plural(s.documents, "document version", "document versions"),
        plural(s.release_notes, "release note", "release notes"),
    ];
    if s.other > 0 {
        searched.push(plural(s.other, "other text", "other texts"));
    }
    out.push_str(&format!("Searched {}.\n", and_list(&searched)));
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
pub fn json(corpus: &Corpus, input: &str, target: &RefTarget, found: &Refs) -> String {
    #[derive(Serialize)]
    struct Report<'a> {
        schema: u32,
        kind: &'static str,
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
        searched: SearchedJson,
    }
    #[derive(Serialize)]
    struct SearchedJson {
        documents: usize,
        release_notes: usize,
        other: usize,
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
        #[serde(flatten)]
        place: Place<'a>,
        text: &'a str,
        cited: Option<&'a str>,
        #[serde(rename = "match")]
        matched: &'static str,
        in_effect: EffectJson<'a>,
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
            let (status, releases) = match &c.effect {
                Effect::Logged(v) => ("logged", v.iter().map(|r| r.as_str()).collect()),
                Effect::NotInLog => ("not_in_log", vec![]),
                Effect::ReleaseNote(v) => ("release_note", vec![v.as_str()]),
                Effect::NoLog => ("no_log", vec![]),
                Effect::Text(_) => ("other_text", vec![]),
            };
            CitationJson {
                place: Place::of(corpus, &held, c.file, c.span),
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
        kind: "refs",
        target: TargetJson {
            input,
            name: target.to_string(),
            document: target.document().key(),
            clause: target.clause().map(|c| c.as_str()),
        },
        summary: SummaryJson {
            citations: citations.len(),
            files: files.len(),
            searched: SearchedJson {
                documents: found.searched.documents,
                release_notes: found.searched.release_notes,
                other: found.searched.other,
            },
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
