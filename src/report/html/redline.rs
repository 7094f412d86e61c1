//! The side-by-side redline view of one document a release changed: the redline's two
//! sides (every change rejected, every change accepted) aligned paragraph by paragraph
//! with similar's diff, then word by word within changed paragraphs. Long unchanged
//! stretches fold; findings are pinned on the paragraph they concern.

use super::Finding;
use crate::diagnostic::Diagnostic;
use crate::model::{Corpus, RedlineFile, Side};
use crate::names::Version;
use crate::refs::Effect;
use crate::source::FileId;
use similar::{Algorithm, ChangeTag, DiffTag, TextDiff};
use std::collections::HashMap;
use std::time::Duration;

/// Unchanged rows in a run at least this long are folded.
const FOLD: usize = 3;
/// Deleted clauses searched for citations on a page: each search is a citation pass over
/// the corpus (about 0.1 s at 64 MiB), so a release that deletes hundreds lists the first.
pub(crate) const DELETED_SEARCHED: usize = 10;

pub(crate) struct RedlineView {
    pub id: String,
    pub document: String,
    pub path: String,
    pub previous: String,
    pub version: String,
    pub blocks: Vec<Block>,
    /// Findings on the document that no paragraph could be found for.
    pub unplaced: Vec<Pin>,
    pub inserted: usize,
    pub deleted: usize,
}

/// A run of rows; `folded` runs are unchanged and shown collapsed.
pub(crate) struct Block {
    pub folded: bool,
    pub rows: Vec<Row>,
}

pub(crate) struct Row {
    pub id: String,
    pub clause: Option<String>,
    pub left: Vec<Piece>,
    pub right: Vec<Piece>,
    pub changed: bool,
    pub pins: Vec<Pin>,
    /// For a deleted clause: the citations of it still in effect at the release.
    pub cited_by: Vec<String>,
}

pub(crate) struct Piece {
    pub text: String,
    /// `""`, `"ins"` or `"del"`.
    pub kind: &'static str,
}

#[derive(Clone)]
pub(crate) struct Pin {
    pub id: String,
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
}

/// The run's findings, and which of them lie in each file.
pub(crate) struct Found<'a> {
    pub diagnostics: &'a [Diagnostic],
    pub by_file: HashMap<FileId, Vec<usize>>,
}

pub(crate) fn view(
    corpus: &Corpus,
    r: &RedlineFile,
    previous: Option<&Version>,
    release: &str,
    found: &Found<'_>,
    findings: &mut [Finding],
    searches: &mut usize,
) -> RedlineView {
    let source = corpus.source(r.file);
    let text = &source.text;
    let before = r.redline.render(text, Side::Before);
    let after = r.redline.render(text, Side::After);
    let old = paragraphs(&before);
    let new = paragraphs(&after);
    let id = format!("redline-{release}-{}", r.document.key());
    let doc = corpus.document(&r.document, &r.version);
    let prev_doc = previous.and_then(|v| corpus.document(&r.document, v));
    let mut rows: Vec<Row> = Vec::new();
    // Row of each paragraph on either side, for pinning findings.
    let mut old_row = vec![0; old.len()];
    let mut new_row = vec![0; new.len()];
    let (mut inserted, mut deleted) = (0, 0);
    let old_texts: Vec<&str> = old.iter().map(|p| p.1).collect();
    let new_texts: Vec<&str> = new.iter().map(|p| p.1).collect();
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .timeout(Duration::from_secs(1))
        .diff_slices(&old_texts, &new_texts);
    let mut push =
        |rows: &mut Vec<Row>, o: Option<usize>, n: Option<usize>, left, right, changed| {
            if let Some(o) = o {
                old_row[o] = rows.len();
            }
            if let Some(n) = n {
                new_row[n] = rows.len();
            }
            let para = n
                .map(|n| new_texts[n])
                .or(o.map(|o| old_texts[o]))
                .unwrap_or("");
            // A deleted paragraph's clause is in the previous version's index.
            let index = if n.is_some() { doc } else { prev_doc };
            rows.push(Row {
                id: format!("{id}-p{}", rows.len() + 1),
                clause: clause_of(para).filter(|c| index.is_none_or(|d| d.clause(c).is_some())),
                left,
                right,
                changed,
                pins: Vec::new(),
                cited_by: Vec::new(),
            });
        };
    for op in diff.ops() {
        let (tag, os, ns) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                for (o, n) in os.zip(ns) {
                    push(
                        &mut rows,
                        Some(o),
                        Some(n),
                        plain(old_texts[o]),
                        plain(new_texts[n]),
                        false,
                    );
                }
            }
            _ => {
                let pairs = os.len().max(ns.len());
                for k in 0..pairs {
                    let o = os.clone().nth(k);
                    let n = ns.clone().nth(k);
                    let (left, right) = match (o, n) {
                        (Some(o), Some(n)) => words(old_texts[o], new_texts[n]),
                        (Some(o), None) => (one(old_texts[o], "del"), Vec::new()),
                        (None, Some(n)) => (Vec::new(), one(new_texts[n], "ins")),
                        (None, None) => unreachable!("k is below the longer range"),
                    };
                    deleted += left.iter().filter(|p| p.kind == "del").count();
                    inserted += right.iter().filter(|p| p.kind == "ins").count();
                    push(&mut rows, o, n, left, right, true);
                }
            }
        }
    }
    // Pin the findings: in the redline by where its offset falls in the accepted side;
    // in either version by the paragraph that holds the finding's line.
    let mut unplaced = Vec::new();
    let files = [Some(r.file), doc.map(|d| d.file), prev_doc.map(|d| d.file)];
    for (which, file) in files.iter().enumerate() {
        let Some(file) = file else { continue };
        let Some(list) = found.by_file.get(file) else {
            continue;
        };
        let file_text = corpus.source(*file);
        for &i in list {
            let d = &found.diagnostics[i];
            let start = d.primary.as_ref().map_or(0, |l| l.span.start as usize);
            let row = match which {
                0 => para_at(&new, after_offset(r, start)).map(|p| new_row[p]),
                _ => {
                    let line = file_text.line_index(start);
                    let needle = file_text.text[file_text.line_range(line)].trim();
                    let (side, map) = if which == 1 {
                        (&new, &new_row)
                    } else {
                        (&old, &old_row)
                    };
                    (!needle.is_empty())
                        .then(|| side.iter().position(|p| p.1.contains(needle)))
                        .flatten()
                        .map(|p| map[p])
                }
            };
            let f = &mut findings[i];
            let pin = Pin {
                id: f.id.clone(),
                code: f.code,
                severity: f.severity,
                message: f.message.clone(),
            };
            match row {
                Some(row) => {
                    f.anchor.get_or_insert_with(|| rows[row].id.clone());
                    rows[row].pins.push(pin);
                }
                None => {
                    f.anchor.get_or_insert_with(|| id.clone());
                    unplaced.push(pin);
                }
            }
        }
    }
    // A budget for the whole page: a release deleting clauses in many documents must
    // not cost a citation pass each.
    let deleted_clauses = rows
        .iter_mut()
        .filter(|r| r.right.is_empty() && r.clause.is_some());
    for row in deleted_clauses.take(*searches) {
        *searches -= 1;
        row.cited_by = citations_of(
            corpus,
            r,
            row.clause.as_deref().unwrap_or_default(),
            release,
        );
    }
    RedlineView {
        document: r.document.to_string(),
        path: corpus.file(r.file).path.clone(),
        previous: previous.map_or("none".into(), |v| v.to_string()),
        version: r.version.to_string(),
        blocks: fold(rows),
        unplaced,
        inserted,
        deleted,
        id,
    }
}

/// The citations of a clause the release deleted, in what is in effect at the release
/// (`seccheck refs`'s query).
fn citations_of(corpus: &Corpus, r: &RedlineFile, clause: &str, release: &str) -> Vec<String> {
    // A Section's clauses name their document (`H4.9`); other documents' paragraphs don't.
    let target = if clause.starts_with(|c: char| c.is_ascii_alphabetic()) {
        clause.to_string()
    } else {
        format!("{}:{clause}", r.document.key())
    };
    let Ok(target) = crate::refs::parse_target(&target) else {
        return Vec::new();
    };
    let found = crate::refs::find(corpus, &target);
    found
        .citations
        .iter()
        .filter(|c| match &c.effect {
            Effect::Logged(at) => at.iter().any(|v| v.to_string() == release),
            Effect::ReleaseNote(v) => v.to_string() == release,
            _ => true,
        })
        .map(|c| {
            let source = corpus.source(c.file);
            let (line, column) = source.line_col(c.span.start as usize);
            let when = crate::refs::describe(&c.effect, &found.releases);
            format!(
                "{}:{line}:{column}: {} ({when})",
                corpus.file(c.file).path,
                c.text
            )
        })
        .collect()
}

/// Paragraphs (separated by blank lines) with their offsets.
fn paragraphs(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for part in text.split("\n\n") {
        let trimmed = part.trim();
        if !trimmed.is_empty() {
            out.push((at + (part.len() - part.trim_start().len()), trimmed));
        }
        at += part.len() + 2;
    }
    out
}

/// The paragraph holding `offset`, or the one after it.
fn para_at(paras: &[(usize, &str)], offset: usize) -> Option<usize> {
    let i = paras.partition_point(|p| p.0 <= offset);
    Some(i.saturating_sub(1)).filter(|_| !paras.is_empty())
}

/// Where an offset into the redline's text falls in its accepted side (a place in
/// deleted text falls where the deletion was).
fn after_offset(r: &RedlineFile, offset: usize) -> usize {
    let mut at = 0;
    for c in r.redline.chunks(Side::After) {
        let c = c.range();
        if offset < c.start {
            return at;
        }
        if offset < c.end {
            return at + offset - c.start;
        }
        at += c.len();
    }
    at
}

/// The clause number a paragraph opens with (`H4.9`, `## H3 …`), if the document has it.
fn clause_of(para: &str) -> Option<String> {
    let t = para.trim_start_matches(['#', '*', ' ']);
    let word = t.split_whitespace().next()?.trim_end_matches(['.', '*']);
    (word.chars().any(|c| c.is_ascii_digit()) && word.len() < 24).then(|| word.to_string())
}

fn plain(t: &str) -> Vec<Piece> {
    one(t, "")
}

fn one(t: &str, kind: &'static str) -> Vec<Piece> {
    vec![Piece {
        text: t.to_string(),
        kind,
    }]
}

/// A changed paragraph word by word: deletions on the left, insertions on the right.
fn words(old: &str, new: &str) -> (Vec<Piece>, Vec<Piece>) {
    let diff = TextDiff::configure()
        .timeout(Duration::from_millis(200))
        .diff_words(old, new);
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for c in diff.iter_all_changes() {
        let (side, kind) = match c.tag() {
            ChangeTag::Equal => {
                add(&mut left, c.value(), "");
                (&mut right, "")
            }
            ChangeTag::Delete => (&mut left, "del"),
            ChangeTag::Insert => (&mut right, "ins"),
        };
        add(side, c.value(), kind);
    }
    (left, right)
}

/// Appends, merging with the last piece of the same kind (white space joins a change).
fn add(pieces: &mut Vec<Piece>, text: &str, kind: &'static str) {
    match pieces.last_mut() {
        Some(p) if p.kind == kind || (text.trim().is_empty() && !p.kind.is_empty()) => {
            p.text.push_str(text)
        }
        _ => pieces.push(Piece {
            text: text.to_string(),
            kind,
        }),
    }
}

/// Runs of unchanged rows without findings, at least `FOLD` long, fold.
fn fold(rows: Vec<Row>) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    for row in rows {
        let quiet = !row.changed && row.pins.is_empty();
        match blocks.last_mut() {
            Some(b) if b.folded == quiet => b.rows.push(row),
            _ => blocks.push(Block {
                folded: quiet,
                rows: vec![row],
            }),
        }
    }
    // Short quiet runs stay open.
    for b in &mut blocks {
        if b.folded && b.rows.len() < FOLD {
            b.folded = false;
        }
    }
    blocks
}
