//! RED006 malformed-redline: CriticMarkup that cannot be read one way only — a mark
//! never closed, a mark inside another, a closing mark or `~>` with no mark, or a
//! substitution without exactly one `~>`.

use crate::diagnostic::Diagnostic;
use crate::model::{Corpus, RedlineFile};
use crate::parse::redline::{MarkupErrorKind, Segment};
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "RED006",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

/// What a mark is called, from its opening or closing mark.
fn mark_name(mark: &str) -> &'static str {
    match mark {
        "{++" | "++}" => "insertion",
        "{--" | "--}" => "deletion",
        "{~~" | "~~}" | "~>" => "substitution",
        "{>>" | "<<}" => "comment",
        _ => "highlight",
    }
}

fn closer(open: &str) -> &'static str {
    match open {
        "{++" => "++}",
        "{--" => "--}",
        "{~~" => "~~}",
        "{>>" => "<<}",
        _ => "==}",
    }
}

/// The mark's name with its article: "an insertion".
fn a_mark(mark: &str) -> String {
    let name = mark_name(mark);
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}

/// The opening mark of the mark whose body holds `span`.
fn enclosing_opener(r: &RedlineFile, span: Span) -> Option<Span> {
    r.redline.segments.iter().find_map(|s| {
        let body = match *s {
            Segment::Insert(b)
            | Segment::Delete(b)
            | Segment::Comment(b)
            | Segment::Highlight(b) => b,
            Segment::Substitute { old, new } => Span {
                start: old.start,
                end: new.end.max(old.end),
            },
            Segment::Plain(_) => return None,
        };
        (body.start <= span.start && span.end <= body.end && body.start >= 3)
            .then(|| Span::new(body.start as usize - 3, body.start as usize))
    })
}

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    for r in &corpus.redlines {
        if corpus.unreadable(r.file) || r.redline.errors.is_empty() {
            continue;
        }
        let text_source = corpus.source(r.file);
        let text = text_source.text.as_str();
        for e in &r.redline.errors {
            let d = match &e.kind {
                MarkupErrorKind::Unclosed(open) => Diagnostic::new(
                    RULE.code,
                    format!(
                        "this {} opens with `{open}` but is never closed",
                        mark_name(open)
                    ),
                )
                .at(r.file, e.span, "never closed")
                .help(format!(
                    "write `{}` where the {} ends; until then the redline cannot be compared with the clean texts",
                    closer(open),
                    mark_name(open)
                )),
                MarkupErrorKind::Nested => {
                    let inner = &text[e.span.range()];
                    let mut d = Diagnostic::new(
                        RULE.code,
                        format!(
                            "{} opens inside another mark; CriticMarkup marks cannot be nested",
                            a_mark(inner)
                        ),
                    )
                    .at(r.file, e.span, "opened inside another mark");
                    if let Some(outer) = enclosing_opener(r, e.span) {
                        d = d.related(
                            r.file,
                            outer,
                            format!("this {} is still open", mark_name(&text[outer.range()])),
                        );
                    }
                    d.help("close the outer mark before opening the next one, or merge the two changes into one mark")
                }
                MarkupErrorKind::Stray(mark) if *mark == "~>" => Diagnostic::new(
                    RULE.code,
                    "`~>` separates old and new text only inside a substitution `{~~old~>new~~}`",
                )
                .at(r.file, e.span, "outside any substitution")
                .help("open the substitution with `{~~` before the old text, or remove the `~>`"),
                MarkupErrorKind::Stray(mark) => Diagnostic::new(
                    RULE.code,
                    format!(
                        "`{mark}` closes {} that was never opened",
                        a_mark(mark)
                    ),
                )
                .at(r.file, e.span, "nothing to close")
                .help(format!(
                    "open the {} where it starts, or remove the `{mark}`",
                    mark_name(mark)
                )),
                MarkupErrorKind::BadSubstitution => {
                    let arrows = memchr::memmem::find_iter(text[e.span.range()].as_bytes(), "~>").count();
                    Diagnostic::new(
                        RULE.code,
                        if arrows == 0 {
                            "this substitution has no `~>` between the old and the new text".to_string()
                        } else {
                            format!("this substitution has {arrows} `~>`; it needs exactly one, between the old and the new text")
                        },
                    )
                    .at(r.file, e.span, "cannot tell the old text from the new")
                    .help("write a substitution as `{~~old text~>new text~~}`, or use `{--…--}` and `{++…++}`")
                }
            };
            out.push(d);
        }
    }
}
