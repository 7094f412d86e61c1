//! The HTML report (`seccheck report`, `--format html`): one self-contained page for the
//! people who approve a release. Summary, releases newest first, a side-by-side redline
//! view of the documents one release changed, and every finding, filterable. The page is
//! an askama template (`templates/report.html`), so every text is escaped; the findings'
//! filter data is embedded as JSON for a few lines of plain JavaScript.

mod redline;
mod release;

use crate::check::Outcome;
use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::model::Corpus;
use crate::names::Version;
use crate::source::FileId;
use crate::store::Held;
use askama::Template;
use std::collections::{BTreeMap, HashMap};

/// A finding as the page shows it.
pub(crate) struct Finding {
    pub id: String,
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
    /// `path:line:column`, as the other formats place it.
    pub place: String,
    pub snippet: String,
    pub help: Option<String>,
    pub related: Vec<String>,
    /// The redline paragraph it is pinned on, when the page shows one.
    pub anchor: Option<String>,
    pub document: String,
    pub releases: Vec<String>,
}

struct Bar {
    code: &'static str,
    name: String,
    severity: &'static str,
    count: usize,
    y: usize,
    width: usize,
}

#[derive(Template)]
#[template(path = "report.html")]
struct Page<'a> {
    summary_line: String,
    scoped: Option<String>,
    redline_release: Option<String>,
    severities: [(&'static str, usize); 3],
    bars: Vec<Bar>,
    chart_height: usize,
    disabled: Vec<(&'static str, &'static str)>,
    skipped: Vec<(String, String)>,
    suppressed: Vec<(String, String, String)>,
    releases: Vec<release::ReleaseView>,
    findings: &'a [Finding],
    documents: Vec<String>,
    codes: Vec<&'static str>,
    release_names: Vec<String>,
    rules: Vec<(&'static str, String, String)>,
    data: String,
}

/// Renders the page. `scoped`: the release `--release` narrowed the findings to, which
/// is also the one whose redlines are shown; otherwise the newest release in the log.
pub fn render(outcome: &Outcome, scoped: Option<&Version>) -> String {
    let corpus = &outcome.corpus;
    let held = Held::new(&corpus.files);
    let history = corpus.log.as_ref().map(History::new);
    let order: Vec<&Version> = history
        .as_ref()
        .map_or(Vec::new(), |h| h.releases().to_vec());
    let shown = scoped.or(order.last().copied());
    let mut findings: Vec<Finding> = outcome
        .diagnostics
        .iter()
        .enumerate()
        .map(|(i, d)| finding(corpus, &held, i, d))
        .collect();
    // Which releases each finding lies in: the same test as `--release`.
    for r in &order {
        if let Ok(ours) = crate::scope::placed_in(corpus, r) {
            for (f, d) in findings.iter_mut().zip(&outcome.diagnostics) {
                if ours(d) {
                    f.releases.push(r.to_string());
                }
            }
        }
    }
    let releases = match &history {
        Some(h) => release::views(corpus, h, shown, &outcome.diagnostics, &mut findings),
        None => Vec::new(),
    };
    let summary = super::Summary::of(outcome);
    let mut counts: BTreeMap<(&'static str, &'static str), usize> = BTreeMap::new();
    for d in &outcome.diagnostics {
        *counts.entry((d.code, d.severity.as_str())).or_default() += 1;
    }
    let most = counts.values().copied().max().unwrap_or(1);
    // Most findings first, as `--statistics` lists them.
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let bars: Vec<Bar> = counts
        .into_iter()
        .enumerate()
        .map(|(i, ((code, severity), count))| Bar {
            code,
            name: crate::catalogue::get(code).map_or(String::new(), |e| e.name.clone()),
            severity,
            count,
            y: i * 22,
            width: 1 + count * 400 / most,
        })
        .collect();
    let mut documents: Vec<String> = findings.iter().map(|f| f.document.clone()).collect();
    documents.sort();
    documents.dedup();
    let mut codes: Vec<&'static str> = findings.iter().map(|f| f.code).collect();
    codes.sort();
    codes.dedup();
    let rules = codes
        .iter()
        .filter_map(|c| {
            crate::catalogue::get(c).map(|e| (*c, e.name.clone(), crate::catalogue::explain(e)))
        })
        .collect();
    let page = Page {
        summary_line: summary.line(),
        scoped: scoped.map(|v| v.to_string()),
        redline_release: shown.map(|v| v.to_string()),
        severities: [
            ("error", summary.errors),
            ("warning", summary.warnings),
            ("info", summary.infos),
        ],
        chart_height: bars.len() * 22 + 4,
        bars,
        disabled: outcome.disabled.iter().map(|d| (d.code, d.by)).collect(),
        skipped: outcome
            .skipped
            .iter()
            .map(|s| {
                (
                    format!("{} ({})", s.family, s.codes.join(", ")),
                    s.reason.clone(),
                )
            })
            .collect(),
        suppressed: outcome
            .suppressed
            .iter()
            .map(|s| {
                let f = finding(corpus, &held, 0, &s.diagnostic);
                (
                    format!("{} {}", f.code, f.message),
                    f.place,
                    s.reason.clone(),
                )
            })
            .collect(),
        releases,
        documents,
        codes,
        release_names: order.iter().rev().map(|r| r.to_string()).collect(),
        rules,
        data: data_json(&findings),
        findings: &findings,
    };
    page.render().expect("the template renders plain data")
}

fn finding(corpus: &Corpus, held: &Held<'_>, i: usize, d: &Diagnostic) -> Finding {
    let place = |file: FileId, start: u32| {
        let (line, column) = held.get(file).line_col(start as usize);
        format!("{}:{line}:{column}", corpus.file(file).path)
    };
    let (place_text, snippet, document) = match &d.primary {
        Some(l) => {
            let source = held.get(l.file);
            let line = source.line_index(l.span.start as usize);
            let text: String = source.text[source.line_range(line)]
                .chars()
                .take(400)
                .collect();
            (
                place(l.file, l.span.start),
                text.trim_end().to_string(),
                document_of(corpus, l.file),
            )
        }
        None => (String::new(), String::new(), String::new()),
    };
    Finding {
        id: format!("f{}", i + 1),
        code: d.code,
        severity: d.severity.as_str(),
        message: d.message.clone(),
        place: place_text,
        snippet,
        help: d.help.clone(),
        related: d
            .related
            .iter()
            .map(|l| format!("{}: {}", place(l.file, l.span.start), l.message))
            .collect(),
        anchor: None,
        document,
        releases: Vec::new(),
    }
}

/// The document a file is a version or redline of, else the file's path.
fn document_of(corpus: &Corpus, file: FileId) -> String {
    corpus
        .documents
        .iter()
        .find(|d| d.file == file)
        .map(|d| d.document.to_string())
        .or_else(|| {
            corpus
                .redlines
                .iter()
                .find(|r| r.file == file)
                .map(|r| r.document.to_string())
        })
        .unwrap_or_else(|| corpus.file(file).path.clone())
}

/// What the filters read, as JSON safe inside a `<script>` element: `<`, `>` and `&`
/// escaped, so no text can close the element.
fn data_json(findings: &[Finding]) -> String {
    #[derive(serde::Serialize)]
    struct Row<'a> {
        id: &'a str,
        code: &'a str,
        severity: &'a str,
        document: &'a str,
        releases: &'a [String],
    }
    let rows: Vec<Row> = findings
        .iter()
        .map(|f| Row {
            id: &f.id,
            code: f.code,
            severity: f.severity,
            document: &f.document,
            releases: &f.releases,
        })
        .collect();
    serde_json::to_string(&rows)
        .expect("plain data")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Findings by the file they are placed in, for pinning them on paragraphs.
pub(crate) fn by_file(diagnostics: &[Diagnostic]) -> HashMap<FileId, Vec<usize>> {
    let mut out: HashMap<FileId, Vec<usize>> = HashMap::new();
    for (i, d) in diagnostics.iter().enumerate() {
        if let Some(l) = &d.primary {
            out.entry(l.file).or_default().push(i);
        }
    }
    out
}
