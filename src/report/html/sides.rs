//! The side-by-side view of one document a release changed: the previous version on the
//! left, this version on the right, aligned paragraph by paragraph (similar's diff over
//! paragraphs), words compared within a changed pair, long unchanged stretches folded.

use similar::{ChangeTag, DiffTag, TextDiff};
use std::ops::Range;

/// A piece of a paragraph as shown: unchanged, inserted (right) or deleted (left).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// `same`, `ins` or `del`: the class the template gives it.
    pub kind: &'static str,
}

/// One side of a row: a paragraph's pieces and where the paragraph lies in its file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Side {
    pub pieces: Vec<Piece>,
    pub span: Range<usize>,
}

impl Side {
    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }
}

/// One aligned row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// `same`, `changed`, `inserted` or `deleted`.
    pub kind: &'static str,
    pub left: Side,
    pub right: Side,
}

/// Rows as shown: shown ones, and stretches of unchanged rows folded behind a summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Rows(Vec<Row>),
    Folded(Vec<Row>),
}

/// Unchanged rows kept open on each side of a change; a longer stretch is folded.
const CONTEXT: usize = 2;

/// The paragraphs of `text`: runs of lines separated by blank lines, with their spans
/// (white space at their ends left out).
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end();
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(s..end);
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            start.get_or_insert(at + lead);
            end = at + content.len();
        }
        at += line.len();
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}

fn whole(text: &str, span: Range<usize>, kind: &'static str) -> Side {
    Side {
        pieces: vec![Piece {
            text: text[span.clone()].to_string(),
            kind,
        }],
        span,
    }
}

/// The rows of the two texts, aligned.
pub fn rows(old: &str, new: &str) -> Vec<Row> {
    let left = paragraphs(old);
    let right = paragraphs(new);
    let l: Vec<&str> = left.iter().map(|r| &old[r.clone()]).collect();
    let r: Vec<&str> = right.iter().map(|r| &new[r.clone()]).collect();
    let diff = similar::capture_diff_slices(similar::Algorithm::Myers, &l, &r);
    let mut out = Vec::new();
    for op in diff {
        let (tag, lo, ro) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                for (a, b) in lo.zip(ro) {
                    out.push(Row {
                        kind: "same",
                        left: whole(old, left[a].clone(), "same"),
                        right: whole(new, right[b].clone(), "same"),
                    });
                }
            }
            DiffTag::Delete => {
                for a in lo {
                    out.push(Row {
                        kind: "deleted",
                        left: whole(old, left[a].clone(), "del"),
                        right: Side::default(),
                    });
                }
            }
            DiffTag::Insert => {
                for b in ro {
                    out.push(Row {
                        kind: "inserted",
                        left: Side::default(),
                        right: whole(new, right[b].clone(), "ins"),
                    });
                }
            }
            DiffTag::Replace => {
                // Pair the paragraphs in order; the longer side's rest stands alone.
                let (lo, ro): (Vec<usize>, Vec<usize>) = (lo.collect(), ro.collect());
                for k in 0..lo.len().max(ro.len()) {
                    match (lo.get(k), ro.get(k)) {
                        (Some(&a), Some(&b)) => {
                            out.push(words(old, left[a].clone(), new, right[b].clone()))
                        }
                        (Some(&a), None) => out.push(Row {
                            kind: "deleted",
                            left: whole(old, left[a].clone(), "del"),
                            right: Side::default(),
                        }),
                        (None, Some(&b)) => out.push(Row {
                            kind: "inserted",
                            left: Side::default(),
                            right: whole(new, right[b].clone(), "ins"),
                        }),
                        (None, None) => {}
                    }
                }
            }
        }
    }
    out
}

/// A changed pair of paragraphs, compared word by word.
fn words(old: &str, a: Range<usize>, new: &str, b: Range<usize>) -> Row {
    let diff = TextDiff::from_words(&old[a.clone()], &new[b.clone()]);
    let mut left = Side {
        pieces: Vec::new(),
        span: a,
    };
    let mut right = Side {
        pieces: Vec::new(),
        span: b,
    };
    let push = |side: &mut Side, text: &str, kind: &'static str| match side.pieces.last_mut() {
        Some(p) if p.kind == kind => p.text.push_str(text),
        _ => side.pieces.push(Piece {
            text: text.to_string(),
            kind,
        }),
    };
    for change in diff.iter_all_changes() {
        let text = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                push(&mut left, text, "same");
                push(&mut right, text, "same");
            }
            ChangeTag::Delete => push(&mut left, text, "del"),
            ChangeTag::Insert => push(&mut right, text, "ins"),
        }
    }
    Row {
        kind: "changed",
        left,
        right,
    }
}

/// The rows with each stretch of more than `2 × CONTEXT + 1` unchanged rows folded,
/// keeping `CONTEXT` open next to each change (and at the ends, none).
pub fn fold(rows: Vec<Row>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut open: Vec<Row> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        if rows[i].kind != "same" {
            open.push(rows[i].clone());
            i += 1;
            continue;
        }
        let end = (i..rows.len())
            .find(|&k| rows[k].kind != "same")
            .unwrap_or(rows.len());
        let keep_before = if i == 0 { 0 } else { CONTEXT };
        let keep_after = if end == rows.len() { 0 } else { CONTEXT };
        if end - i > keep_before + keep_after + 1 {
            open.extend(rows[i..i + keep_before].iter().cloned());
            if !open.is_empty() {
                out.push(Block::Rows(std::mem::take(&mut open)));
            }
            out.push(Block::Folded(
                rows[i + keep_before..end - keep_after].to_vec(),
            ));
            open.extend(rows[end - keep_after..end].iter().cloned());
        } else {
            open.extend(rows[i..end].iter().cloned());
        }
        i = end;
    }
    if !open.is_empty() {
        out.push(Block::Rows(open));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_split_at_blank_lines() {
        let text = "# H\n\nH1.1 One\ncontinued.\n\n  \nH1.2 Two\n";
        let p: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(p, ["# H", "H1.1 One\ncontinued.", "H1.2 Two"]);
    }

    #[test]
    fn changed_paragraphs_are_compared_word_by_word() {
        let old = "# H\n\nH1.1 within five days.\n\nH1.2 Gone.\n";
        let new = "# H\n\nH1.1 within three Working Days.\n\nH1.3 New.\n\nH1.4 Also new.\n";
        let rows = rows(old, new);
        let kinds: Vec<&str> = rows.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, ["same", "changed", "changed", "inserted"]);
        let right: Vec<(&str, &str)> = rows[1]
            .right
            .pieces
            .iter()
            .map(|p| (p.kind, p.text.as_str()))
            .collect();
        assert_eq!(
            right,
            [
                ("same", "H1.1 within "),
                ("ins", "three Working Days"),
                ("same", ".")
            ]
        );
        let left: Vec<(&str, &str)> = rows[1]
            .left
            .pieces
            .iter()
            .map(|p| (p.kind, p.text.as_str()))
            .collect();
        assert_eq!(
            left,
            [
                ("same", "H1.1 within "),
                ("del", "five days"),
                ("same", ".")
            ]
        );
    }

    #[test]
    fn long_unchanged_stretches_are_folded_with_context() {
        let old: String = (1..=20).map(|i| format!("P{i}.\n\n")).collect();
        let new = old.replace("P10.", "P10 changed.");
        let blocks = fold(rows(&old, &new));
        let shape: Vec<(bool, usize)> = blocks
            .iter()
            .map(|b| match b {
                Block::Rows(r) => (false, r.len()),
                Block::Folded(r) => (true, r.len()),
            })
            .collect();
        // 9 unchanged before (7 folded, 2 open), the change, 10 after (2 open, 8 folded).
        assert_eq!(shape, [(true, 7), (false, 5), (true, 8)]);
    }
}
