//! The release report (`seccheck report`, `check --format html`): one self-contained HTML
//! page for the people who approve a release — a summary, each release's note beside
//! what the Document Log bumped, a side-by-side view of every document the reported
//! release changed with the findings pinned on its paragraphs, and every finding,
//! filterable. Inline CSS and a little plain JavaScript (filters); everything is visible
//! without it. Texts are escaped by the template engine (askama).

mod sides;

use crate::check::Outcome;
use crate::history::{Change, History};
use crate::model::Corpus;
use crate::names::Version;
use crate::source::FileId;
use crate::store::Held;
use askama::Template;
use sides::{Block, Piece, Row};
use std::collections::{BTreeMap, HashMap};

/// What the page reports.
pub struct HtmlOptions {
    /// The corpus as the user named it.
    pub corpus: String,
    /// The release whose changed documents get the side-by-side view; the log's newest
    /// when `None`.
    pub release: Option<Version>,
}

struct Bar {
    code: String,
    name: String,
    count: usize,
    y: usize,
    width: usize,
}

struct AffectedView {
    name: String,
    title: String,
    /// Whether the log bumps the document at the release (`None`: no log).
    bumped: Option<bool>,
}

struct BumpView {
    name: String,
    from: String,
    to: String,
    /// Whether the note's affected list names it (`None`: no list read whole).
    listed: Option<bool>,
    /// The side-by-side view's anchor, when the page shows one.
    view: Option<String>,
}

struct ReleaseView {
    version: String,
    date: String,
    note_path: String,
    note_date: String,
    proposals: Vec<(String, String)>,
    affected: Vec<AffectedView>,
    /// Why the affected list is not judged, if it is not.
    affected_state: String,
    bumps: Vec<BumpView>,
}

struct PinView {
    /// The side it is pinned on: `l` (the version before) or `r`.
    side: &'static str,
    id: String,
    /// The finding's id in the list.
    finding: String,
    code: String,
    severity: &'static str,
    message: String,
}

struct RowView {
    kind: &'static str,
    left: Vec<Piece>,
    right: Vec<Piece>,
    anchor: String,
    pins: Vec<PinView>,
}

struct BlockView {
    folded: bool,
    rows: Vec<RowView>,
}

struct DocView {
    anchor: String,
    name: String,
    from: String,
    to: String,
    left_path: String,
    right_path: String,
    changes: usize,
    blocks: Vec<BlockView>,
}

struct FindingView {
    id: String,
    code: String,
    name: String,
    severity: &'static str,
    message: String,
    help: String,
    place: String,
    snippet: String,
    document: String,
    release: String,
    /// Where the finding is pinned in a side-by-side view.
    link: String,
    explain: String,
}

#[derive(Template)]
#[template(path = "report.html")]
struct Page {
    corpus: String,
    version: &'static str,
    summary_line: String,
    errors: usize,
    warnings: usize,
    infos: usize,
    suppressed: usize,
    bars: Vec<Bar>,
    chart_height: usize,
    disabled: Vec<String>,
    skipped: Vec<String>,
    release: String,
    releases: Vec<ReleaseView>,
    docs: Vec<DocView>,
    gaps: Vec<String>,
    findings: Vec<FindingView>,
    codes: Vec<String>,
    data: String,
    css: &'static str,
    script: &'static str,
}

/// An id made of letters, digits and `-`: `c-section-h-H8.16(a)` → `c-section-h-H8-16-a`.
fn anchor(parts: &[&str]) -> String {
    let mut out = String::new();
    for p in parts {
        if !out.is_empty() {
            out.push('-');
        }
        for ch in p.chars() {
            if ch.is_ascii_alphanumeric() {
                out.push(ch);
            } else if !out.ends_with('-') {
                out.push('-');
            }
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The release each file belongs to: a note's own, a document version's or redline's
/// first in the log.
fn file_releases(corpus: &Corpus) -> HashMap<FileId, String> {
    let mut out = HashMap::new();
    for n in &corpus.release_notes {
        if let Some(r) = n.release_of() {
            out.insert(n.file, r.to_string());
        }
    }
    if let Some(log) = &corpus.log {
        for d in &corpus.documents {
            if let Some(r) = d
                .version
                .as_ref()
                .and_then(|v| crate::history::first_in_effect(log, &d.document, v))
            {
                out.insert(d.file, r.to_string());
            }
        }
        for r in &corpus.redlines {
            if let Some(v) = crate::history::first_in_effect(log, &r.document, &r.version) {
                out.insert(r.file, v.to_string());
            }
        }
    }
    out
}

fn file_documents(corpus: &Corpus) -> HashMap<FileId, String> {
    let mut out = HashMap::new();
    for d in &corpus.documents {
        out.insert(d.file, d.document.to_string());
    }
    for r in &corpus.redlines {
        out.insert(r.file, r.document.to_string());
    }
    out
}

/// Each release's facts, newest first; `views` are the side-by-side views (by document
/// key) of the release `shown`.
fn releases(
    corpus: &Corpus,
    history: Option<&History<'_>>,
    shown: Option<&Version>,
    views: &HashMap<String, String>,
) -> Vec<ReleaseView> {
    let mut keys: Vec<Version> = history
        .map(|h| h.releases().iter().map(|v| (*v).clone()).collect())
        .unwrap_or_default();
    for n in &corpus.release_notes {
        if let Some(r) = n.release_of()
            && !keys.contains(r)
        {
            keys.push(r.clone());
        }
    }
    keys.sort();
    keys.reverse();
    let dates = history.map(|h| h.effective_dates()).unwrap_or_default();
    keys.iter()
        .map(|release| {
            let note = corpus
                .release_notes
                .iter()
                .find(|n| n.release_of() == Some(release));
            let changes: Vec<Change<'_>> = history
                .filter(|h| h.contains(release))
                .map(|h| h.bumped(release))
                .unwrap_or_default();
            let complete = note.is_some_and(|n| n.note.affected_complete());
            let bumped_docs: Vec<_> = changes
                .iter()
                .filter_map(|c| match c {
                    Change::New(row) | Change::Bumped { row, .. } => Some(&row.document),
                    _ => None,
                })
                .collect();
            let bumps = changes
                .iter()
                .filter_map(|c| {
                    let (row, from) = match c {
                        Change::New(row) => (row, "new".to_string()),
                        Change::Bumped { row, prev } => (row, prev.version.to_string()),
                        _ => return None,
                    };
                    let key = row.document.key();
                    Some(BumpView {
                        name: row.document.to_string(),
                        from,
                        to: row.version.to_string(),
                        listed: complete.then(|| {
                            note.is_some_and(|n| {
                                n.note
                                    .affected
                                    .iter()
                                    .any(|a| a.document.as_ref() == Some(&row.document))
                            })
                        }),
                        view: (shown == Some(release))
                            .then(|| views.get(&key).cloned())
                            .flatten(),
                    })
                })
                .collect();
            let (note_path, note_date, proposals, affected, affected_state) = match note {
                None => (
                    String::new(),
                    String::new(),
                    Vec::new(),
                    Vec::new(),
                    "no release note in the corpus".to_string(),
                ),
                Some(n) => {
                    let summarised: Vec<(String, String)> = n
                        .note
                        .summarised
                        .iter()
                        .filter_map(|&i| n.note.proposals.get(i))
                        .map(|p| (p.id.clone(), p.title.clone().unwrap_or_default()))
                        .collect();
                    let affected = n
                        .note
                        .affected
                        .iter()
                        .map(|a| AffectedView {
                            name: a
                                .document
                                .as_ref()
                                .map_or_else(String::new, |d| d.to_string()),
                            title: a.title.clone().unwrap_or_default(),
                            bumped: history.map(|_| {
                                a.document
                                    .as_ref()
                                    .is_some_and(|d| bumped_docs.contains(&d))
                            }),
                        })
                        .collect();
                    let state = if n.note.affected_heading.is_none() {
                        "the note has no affected list".to_string()
                    } else if !complete {
                        "the affected list was not read whole: it is not compared with the log"
                            .to_string()
                    } else {
                        String::new()
                    };
                    (
                        corpus.file(n.file).path.clone(),
                        n.note
                            .effective_date
                            .as_ref()
                            .and_then(|d| d.date)
                            .map(|d| d.long())
                            .unwrap_or_default(),
                        summarised,
                        affected,
                        state,
                    )
                }
            };
            ReleaseView {
                version: release.to_string(),
                date: dates
                    .get(release)
                    .map(|(d, _)| d.long())
                    .unwrap_or_default(),
                note_path,
                note_date,
                proposals,
                affected,
                affected_state,
                bumps,
            }
        })
        .collect()
}

pub fn render(outcome: &Outcome, options: &HtmlOptions) -> String {
    let corpus = &outcome.corpus;
    let held = Held::new(&corpus.files);
    let history = corpus.log.as_ref().map(History::new);
    let release = options.release.clone().or_else(|| {
        history
            .as_ref()
            .and_then(|h| h.releases().last().map(|v| (*v).clone()))
    });
    let f_release = file_releases(corpus);
    let f_document = file_documents(corpus);

    // Findings first: the views pin them.
    let mut findings: Vec<FindingView> = outcome
        .diagnostics
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let (place, snippet, file) = match &d.primary {
                Some(l) => {
                    let source = held.get(l.file);
                    let (line, col) = source.line_col(l.span.start as usize);
                    let start = source.text[..(l.span.start as usize).min(source.text.len())]
                        .rfind('\n')
                        .map_or(0, |k| k + 1);
                    let end = source.text[start..]
                        .find('\n')
                        .map_or(source.text.len(), |k| start + k);
                    let snippet: String = source.text[start..end].chars().take(240).collect();
                    (
                        format!("{}:{line}:{col}", corpus.file(l.file).path),
                        snippet,
                        Some(l.file),
                    )
                }
                None => (String::new(), String::new(), None),
            };
            let entry = crate::catalogue::get(d.code);
            FindingView {
                id: format!("f{}", i + 1),
                code: d.code.to_string(),
                name: entry.map(|e| e.name.clone()).unwrap_or_default(),
                severity: d.severity.as_str(),
                message: d.message.clone(),
                help: d.help.clone().unwrap_or_default(),
                place,
                snippet,
                document: file
                    .and_then(|f| f_document.get(&f).cloned())
                    .unwrap_or_default(),
                release: file
                    .and_then(|f| f_release.get(&f).cloned())
                    .unwrap_or_default(),
                link: String::new(),
                explain: entry.map(crate::catalogue::explain).unwrap_or_default(),
            }
        })
        .collect();

    // The side-by-side views of the reported release.
    let mut docs = Vec::new();
    let mut gaps = Vec::new();
    let mut views: HashMap<String, String> = HashMap::new();
    if let (Some(h), Some(release)) = (&history, &release) {
        for change in h.bumped(release) {
            let Change::Bumped { row, prev } = change else {
                continue;
            };
            let name = row.document.to_string();
            let (new, old) = (
                corpus.document(&row.document, &row.version),
                corpus.document(&row.document, &prev.version),
            );
            let (Some(new), Some(old)) = (new, old) else {
                let missing: Vec<String> = [(old, &prev.version), (new, &row.version)]
                    .iter()
                    .filter(|(d, _)| d.is_none())
                    .map(|(_, v)| v.to_string())
                    .collect();
                gaps.push(format!(
                    "{name}: version {} has no text in the corpus, so the change from {} to {} is not shown side by side",
                    missing.join(" nor "),
                    prev.version,
                    row.version
                ));
                continue;
            };
            if corpus.unreadable(new.file) || corpus.unreadable(old.file) {
                gaps.push(format!(
                    "{name}: a version could not be read, so it is not shown side by side"
                ));
                continue;
            }
            let key = row.document.key();
            let doc_anchor = anchor(&["doc", &key]);
            views.insert(key.clone(), doc_anchor.clone());
            let (left, right) = (held.get(old.file), held.get(new.file));
            let rows = sides::rows(&left.text, &right.text);
            let changes = rows.iter().filter(|r| r.kind != "same").count();
            let mut pinned: Vec<usize> = Vec::new();
            let view_row = |r: Row, pinned: &mut Vec<usize>, findings: &mut Vec<FindingView>| {
                let clause = new
                    .clauses
                    .iter()
                    .find(|c| {
                        !r.right.is_empty()
                            && (c.span.start as usize) >= r.right.span.start
                            && (c.span.start as usize) < r.right.span.end
                    })
                    .map(|c| anchor(&["c", &key, c.number.as_str()]))
                    .unwrap_or_default();
                let mut pins = Vec::new();
                for (i, d) in outcome.diagnostics.iter().enumerate() {
                    let Some(l) = &d.primary else { continue };
                    let at = l.span.start as usize;
                    let side = if l.file == new.file
                        && !r.right.is_empty()
                        && r.right.span.start <= at
                        && at <= r.right.span.end
                    {
                        "r"
                    } else if l.file == old.file
                        && !r.left.is_empty()
                        && r.left.span.start <= at
                        && at <= r.left.span.end
                    {
                        "l"
                    } else {
                        continue;
                    };
                    if !pinned.contains(&i) {
                        pinned.push(i);
                        let id = format!("pin-f{}", i + 1);
                        findings[i].link = format!("#{id}");
                        pins.push(PinView {
                            side,
                            id,
                            finding: format!("f{}", i + 1),
                            code: d.code.to_string(),
                            severity: d.severity.as_str(),
                            message: d.message.clone(),
                        });
                    }
                }
                RowView {
                    kind: r.kind,
                    left: r.left.pieces,
                    right: r.right.pieces,
                    anchor: clause,
                    pins,
                }
            };
            let blocks = sides::fold(rows)
                .into_iter()
                .map(|b| match b {
                    Block::Rows(rows) => BlockView {
                        folded: false,
                        rows: rows
                            .into_iter()
                            .map(|r| view_row(r, &mut pinned, &mut findings))
                            .collect(),
                    },
                    Block::Folded(rows) => BlockView {
                        folded: true,
                        rows: rows
                            .into_iter()
                            .map(|r| view_row(r, &mut pinned, &mut findings))
                            .collect(),
                    },
                })
                .collect();
            docs.push(DocView {
                anchor: doc_anchor,
                name,
                from: prev.version.to_string(),
                to: row.version.to_string(),
                left_path: corpus.file(old.file).path.clone(),
                right_path: corpus.file(new.file).path.clone(),
                changes,
                blocks,
            });
        }
    }

    // The summary.
    let summary = super::Summary::of(outcome);
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &outcome.diagnostics {
        *by_rule.entry(d.code).or_default() += 1;
    }
    let mut counts: Vec<(&str, usize)> = by_rule.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let most = counts.first().map_or(1, |c| c.1.max(1));
    let bars: Vec<Bar> = counts
        .iter()
        .enumerate()
        .map(|(i, (code, n))| Bar {
            code: code.to_string(),
            name: crate::catalogue::get(code)
                .map(|e| e.name.clone())
                .unwrap_or_default(),
            count: *n,
            y: i * 22,
            width: 4 + 300 * n / most,
        })
        .collect();
    let mut disabled: Vec<String> = outcome
        .disabled
        .iter()
        .map(|d| match &d.paths {
            Some(g) => format!("{} (off by {} for {g})", d.code, d.by),
            None => format!("{} (off by {})", d.code, d.by),
        })
        .collect();
    disabled.dedup();
    let skipped = outcome
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.codes.join(", "), s.reason))
        .collect();
    let mut codes: Vec<String> = findings.iter().map(|f| f.code.clone()).collect();
    codes.sort();
    codes.dedup();
    // The filters' data: what each finding row is, by id.
    let data: Vec<serde_json::Value> = findings
        .iter()
        .map(|f| {
            serde_json::json!({
                "id": f.id, "code": f.code, "severity": f.severity,
                "document": f.document, "release": f.release,
            })
        })
        .collect();
    let data = serde_json::to_string(&data)
        .expect("plain data")
        // Inside <script>, "</" could end the element.
        .replace("</", "<\\/");
    let page = Page {
        corpus: options.corpus.clone(),
        version: env!("CARGO_PKG_VERSION"),
        summary_line: summary.line(),
        errors: summary.errors,
        warnings: summary.warnings,
        infos: summary.infos,
        suppressed: summary.suppressed,
        chart_height: bars.len() * 22 + 4,
        bars,
        disabled,
        skipped,
        releases: releases(corpus, history.as_ref(), release.as_ref(), &views),
        release: release.map(|r| r.to_string()).unwrap_or_default(),
        docs,
        gaps,
        findings,
        codes,
        data,
        css: include_str!("../../../templates/report.css"),
        script: include_str!("../../../templates/report.js"),
    };
    page.render().expect("the report template renders")
}

#[cfg(test)]
mod tests {
    use super::anchor;

    #[test]
    fn anchors_are_plain() {
        assert_eq!(
            anchor(&["c", "section-h", "H8.16(a)"]),
            "c-section-h-H8-16-a"
        );
        assert_eq!(anchor(&["doc", "appendix-ac"]), "doc-appendix-ac");
    }
}
