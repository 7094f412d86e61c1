//! CriticMarkup redlines: `{++inserted++}`, `{--deleted--}`, `{~~old~>new~~}`, with
//! `{>>comments<<}` and `{==highlights==}` carrying no change.
//!
//! The parse keeps only spans into the redline's own text; the text before (reject all)
//! and after (accept all) is never built whole but read chunk by chunk ([`Redline::chunks`]),
//! so verifying a 5 MB redline costs one pass and no copy. The comparison itself, and what
//! it ignores, belongs to the redline rules (`rules::redline`).

use crate::source::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment {
    /// Unmarked text, in both versions.
    Plain(Span),
    Insert(Span),
    Delete(Span),
    Substitute {
        old: Span,
        new: Span,
    },
    /// A comment: in neither version.
    Comment(Span),
    /// Highlighted text: in both versions, like plain text.
    Highlight(Span),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkupErrorKind {
    /// An opening mark with no closing mark.
    Unclosed(&'static str),
    /// A mark opened inside another.
    Nested,
    /// A closing mark or `~>` outside any mark.
    Stray(&'static str),
    /// A substitution without exactly one `~>`.
    BadSubstitution,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupError {
    pub span: Span,
    pub kind: MarkupErrorKind,
}

#[derive(Debug, Clone, Default)]
pub struct Redline {
    pub segments: Vec<Segment>,
    pub errors: Vec<MarkupError>,
}

/// Which version a redline is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Every change rejected: the previous version.
    Before,
    /// Every change accepted: this version.
    After,
}

const OPENERS: [(&str, &str, &str); 5] = [
    ("{++", "++}", "{++"),
    ("{--", "--}", "{--"),
    ("{~~", "~~}", "{~~"),
    ("{>>", "<<}", "{>>"),
    ("{==", "==}", "{=="),
];

fn opener_at(bytes: &[u8], i: usize) -> Option<usize> {
    OPENERS
        .iter()
        .position(|(open, _, _)| bytes[i..].starts_with(open.as_bytes()))
}

pub fn parse(text: &str) -> Redline {
    let bytes = text.as_bytes();
    let mut segments = Vec::new();
    let mut errors = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    // For each kind of mark, a position after which its closing mark is known not to
    // occur: many unclosed marks must not each scan to the end of the file again.
    let mut no_close_from = [usize::MAX; OPENERS.len()];
    while let Some(found) = memchr::memchr(b'{', &bytes[i..]) {
        let at = i + found;
        let Some(kind) = opener_at(bytes, at) else {
            i = at + 1;
            continue;
        };
        let (open, close, _) = OPENERS[kind];
        let body_start = at + open.len();
        let found_close = if body_start >= no_close_from[kind] {
            None
        } else {
            memchr::memmem::find(&bytes[body_start..], close.as_bytes())
        };
        let Some(rel_close) = found_close else {
            no_close_from[kind] = no_close_from[kind].min(body_start);
            errors.push(MarkupError {
                span: Span::new(at, body_start),
                kind: MarkupErrorKind::Unclosed(open),
            });
            i = body_start;
            continue;
        };
        let body_end = body_start + rel_close;
        // A mark opened inside this one: report it; the outer mark still stands.
        let mut j = body_start;
        while let Some(f) = memchr::memchr(b'{', &bytes[j..body_end]) {
            if opener_at(bytes, j + f).is_some() {
                errors.push(MarkupError {
                    span: Span::new(j + f, j + f + 3),
                    kind: MarkupErrorKind::Nested,
                });
            }
            j += f + 1;
        }
        if plain_start < at {
            segments.push(Segment::Plain(Span::new(plain_start, at)));
        }
        let body = Span::new(body_start, body_end);
        segments.push(match kind {
            0 => Segment::Insert(body),
            1 => Segment::Delete(body),
            2 => {
                let inner = &text[body_start..body_end];
                let arrows: Vec<usize> =
                    memchr::memmem::find_iter(inner.as_bytes(), "~>").collect();
                if arrows.len() == 1 {
                    let a = body_start + arrows[0];
                    Segment::Substitute {
                        old: Span::new(body_start, a),
                        new: Span::new(a + 2, body_end),
                    }
                } else {
                    errors.push(MarkupError {
                        span: Span::new(at, body_end + close.len()),
                        kind: MarkupErrorKind::BadSubstitution,
                    });
                    Segment::Substitute {
                        old: body,
                        new: body,
                    }
                }
            }
            3 => Segment::Comment(body),
            _ => Segment::Highlight(body),
        });
        i = body_end + close.len();
        plain_start = i;
    }
    if plain_start < text.len() {
        segments.push(Segment::Plain(Span::new(plain_start, text.len())));
    }
    // Where a substitution was opened and never closed: a `~>` after it is part of that
    // one mistake, not a second one.
    let unclosed_subs: Vec<usize> = errors
        .iter()
        .filter(|e| e.kind == MarkupErrorKind::Unclosed("{~~"))
        .map(|e| e.span.start as usize)
        .collect();
    for seg in &segments {
        if let Segment::Plain(span) = seg {
            find_stray(text, *span, &unclosed_subs, &mut errors);
        }
    }
    errors.sort_by_key(|e| e.span);
    Redline { segments, errors }
}

/// Closing marks and `~>` in plain text. `unclosed_subs` (sorted) are the offsets of
/// unclosed `{~~`: a `~>` after one in the same plain text belongs to it.
fn find_stray(text: &str, span: Span, unclosed_subs: &[usize], errors: &mut Vec<MarkupError>) {
    const STRAYS: [&str; 6] = ["++}", "--}", "~~}", "<<}", "==}", "~>"];
    let plain = &text[span.range()];
    for stray in STRAYS {
        for at in memchr::memmem::find_iter(plain.as_bytes(), stray) {
            let start = span.start as usize + at;
            let i = unclosed_subs.partition_point(|&u| u < start);
            if stray == "~>" && i > 0 && unclosed_subs[i - 1] >= span.start as usize {
                continue;
            }
            errors.push(MarkupError {
                span: Span::new(start, start + stray.len()),
                kind: MarkupErrorKind::Stray(stray),
            });
        }
    }
}

impl Redline {
    /// The spans of the redline's text that make up one side, in order.
    pub fn chunks(&self, side: Side) -> impl Iterator<Item = Span> + '_ {
        self.segments.iter().filter_map(move |s| match (s, side) {
            (Segment::Plain(x) | Segment::Highlight(x), _) => Some(*x),
            (Segment::Insert(x), Side::After) | (Segment::Delete(x), Side::Before) => Some(*x),
            (Segment::Substitute { old, .. }, Side::Before) => Some(*old),
            (Segment::Substitute { new, .. }, Side::After) => Some(*new),
            _ => None,
        })
    }

    /// Builds one side in full: for messages and tests, not for verification.
    pub fn render(&self, text: &str, side: Side) -> String {
        let mut out = String::new();
        for c in self.chunks(side) {
            out.push_str(&text[c.range()]);
        }
        out
    }

    pub fn has_changes(&self) -> bool {
        self.segments.iter().any(|s| {
            matches!(
                s,
                Segment::Insert(_) | Segment::Delete(_) | Segment::Substitute { .. }
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "A {++new ++}clause {--old--} and {~~Charges~>Payment of Charges~~}{>>MP1<<} {==kept==}.";

    #[test]
    fn reconstructs_both_sides() {
        let r = parse(SAMPLE);
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        assert_eq!(
            r.render(SAMPLE, Side::Before),
            "A clause old and Charges kept."
        );
        assert_eq!(
            r.render(SAMPLE, Side::After),
            "A new clause  and Payment of Charges kept."
        );
        assert!(r.has_changes());
    }

    fn errors(text: &str) -> Vec<(&str, MarkupErrorKind)> {
        parse(text)
            .errors
            .into_iter()
            .map(|e| (&text[e.span.range()], e.kind))
            .collect()
    }

    #[test]
    fn unclosed_nested_and_stray_marks() {
        assert_eq!(
            errors("a {++b c\nd"),
            vec![("{++", MarkupErrorKind::Unclosed("{++"))]
        );
        assert_eq!(
            errors("{--e {++f++} g--}"),
            vec![("{++", MarkupErrorKind::Nested)]
        );
        assert_eq!(
            errors("h ~> i ++} j"),
            vec![
                ("~>", MarkupErrorKind::Stray("~>")),
                ("++}", MarkupErrorKind::Stray("++}"))
            ]
        );
        assert_eq!(
            errors("{~~x~~}"),
            vec![("{~~x~~}", MarkupErrorKind::BadSubstitution)]
        );
        // An unclosed substitution is one mistake: its `~>` is not reported again, but a
        // `~>` before it is.
        assert_eq!(
            errors("a ~> b {~~c~>d"),
            vec![
                ("~>", MarkupErrorKind::Stray("~>")),
                ("{~~", MarkupErrorKind::Unclosed("{~~"))
            ]
        );
    }

    #[test]
    fn many_unclosed_marks_are_each_reported_once() {
        // Each unclosed mark must not rescan the rest of the file (that was quadratic).
        let text = "{++ a ".repeat(50_000);
        let r = parse(&text);
        assert_eq!(r.errors.len(), 50_000);
        assert!(
            r.errors
                .iter()
                .all(|e| e.kind == MarkupErrorKind::Unclosed("{++"))
        );
        // A mark of another kind after them is still read.
        let text = format!("{text}{{--x--}}");
        let r = parse(&text);
        assert_eq!(r.errors.len(), 50_000);
        assert!(r.has_changes());
    }

    #[test]
    fn plain_text_with_braces_is_not_markup() {
        let text = "Use {curly} braces and {+ one plus +}.";
        let r = parse(text);
        assert!(r.errors.is_empty());
        assert!(!r.has_changes());
        assert_eq!(r.render(text, Side::After), text);
    }
}
