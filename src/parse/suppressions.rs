//! Inline suppressions: a finding accepted on purpose, with the reason written beside it.
//!
//! ```text
//! <!-- seccheck-ignore REF002 — the clause is reinstated by MP210 -->      the next line
//! <!-- seccheck-ignore-file DEF003 — terms kept for Appendix AT -->        the whole file
//! 57.0,2022-02-24,section-h,9.2,DCC Services,seccheck-ignore LOG006: …   this CSV row
//! ```
//!
//! In Markdown, text and web pages the mark sits in an HTML comment. A comment alone on
//! its line(s) covers the next line that is not blank; a comment after other text on a
//! line covers that line. `seccheck-ignore-file` covers the whole file. In the Document
//! Log (a CSV file) the mark sits anywhere in a row, usually a trailing `notes` column,
//! and covers that row. In a Word file it is the text of a comment, covering the paragraph
//! the comment is anchored on (see [`in_comment`]).
//!
//! After the mark come one or more rule codes (or families), separated by commas or
//! spaces, then the reason, after a dash (`—`, `–`, `-`) or a colon. The parser only reads;
//! whether a code exists, and whether a suppression was used, is for the runner and
//! SUP001.

use std::ops::Range;

/// What a suppression covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// A line of the text (0-based).
    Line(usize),
    /// A paragraph of a Word file (1-based, as places are given).
    Paragraph(u32),
    File,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The mark and what follows it, in the file's text.
    pub span: Range<usize>,
    /// The codes as written, with their spans.
    pub codes: Vec<(String, Range<usize>)>,
    /// The reason, trimmed; `None` when none is written.
    pub reason: Option<String>,
    pub scope: Scope,
}

const MARK: &str = "seccheck-ignore";

/// The suppressions in a text file: HTML comments, or (`csv`) marks in rows.
pub fn in_text(text: &str, csv: bool) -> Vec<Suppression> {
    let mut out = Vec::new();
    if !text.contains(MARK) {
        return out;
    }
    let line_of = |at: usize| text[..at].bytes().filter(|&b| b == b'\n').count();
    for (at, _) in text.match_indices(MARK) {
        let (body_end, line_scope) = if csv {
            let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            (end, Scope::Line(line_of(at)))
        } else {
            // Inside an HTML comment: `<!--` before it on the same comment, `-->` after.
            let Some(open) = text[..at].rfind("<!--") else {
                continue;
            };
            if text[open..at].contains("-->") {
                continue;
            }
            let Some(close) = text[at..].find("-->").map(|i| at + i) else {
                continue;
            };
            let line_start = text[..open].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[close..].find('\n').map_or(text.len(), |i| close + i);
            let alone = text[line_start..open].trim().is_empty()
                && text[close + 3..line_end].trim().is_empty();
            let scope = if alone {
                // The next line that is not blank, after the comment's last line.
                let mut line = line_of(close) + 1;
                for l in text[(line_end + 1).min(text.len())..].split('\n') {
                    if !l.trim().is_empty() {
                        break;
                    }
                    line += 1;
                }
                Scope::Line(line)
            } else {
                Scope::Line(line_of(at))
            };
            (close, scope)
        };
        out.push(read(text, at, body_end, line_scope));
    }
    out
}

/// A Word comment's text, anchored on paragraph `paragraph`. Its spans are empty: the
/// comment is not in the rendered text.
pub fn in_comment(text: &str, paragraph: u32) -> Option<Suppression> {
    let at = text.find(MARK)?;
    let mut s = read(text, at, text.len(), Scope::Paragraph(paragraph));
    s.span = 0..0;
    s.codes.iter_mut().for_each(|(_, r)| *r = 0..0);
    Some(s)
}

/// Reads the mark at `at` up to `end`.
fn read(text: &str, at: usize, end: usize, line_scope: Scope) -> Suppression {
    let mut i = at + MARK.len();
    let mut scope = line_scope;
    if text[i..end].starts_with("-file") {
        i += "-file".len();
        scope = Scope::File;
    }
    let mut codes = Vec::new();
    let bytes = text.as_bytes();
    loop {
        while i < end && (bytes[i] == b' ' || bytes[i] == b',' || bytes[i] == b'\t') {
            i += 1;
        }
        let start = i;
        while i < end && (bytes[i].is_ascii_uppercase() || bytes[i].is_ascii_digit()) {
            i += 1;
        }
        // A code is capitals then digits (`REF002`), or a family (`REF`); it ends at a
        // separator, not inside a word.
        let word_ends = i == end || !bytes[i].is_ascii_alphanumeric();
        if i == start || !word_ends || !bytes[start].is_ascii_uppercase() {
            i = start;
            break;
        }
        codes.push((text[start..i].to_string(), start..i));
    }
    let rest = text[i..end].trim_start();
    let reason = ["—", "–", "-", ":"]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))
        .map(|r| r.trim().trim_end_matches("-->").trim().to_string())
        .filter(|r| !r.is_empty());
    Suppression {
        span: at..end,
        codes,
        reason,
        scope,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(s: &Suppression) -> Vec<&str> {
        s.codes.iter().map(|(c, _)| c.as_str()).collect()
    }

    #[test]
    fn a_comment_alone_covers_the_next_line_that_is_not_blank() {
        let text = "# Section H\n\n<!-- seccheck-ignore REF002 — reinstated by MP210 -->\n\nH1.1 See Section H9.9.\n";
        let s = in_text(text, false);
        assert_eq!(s.len(), 1);
        assert_eq!(codes(&s[0]), ["REF002"]);
        assert_eq!(s[0].reason.as_deref(), Some("reinstated by MP210"));
        assert_eq!(s[0].scope, Scope::Line(4));
    }

    #[test]
    fn a_comment_after_text_covers_its_line() {
        let text = "H1.1 See Section H9.9. <!-- seccheck-ignore REF002, REF004: both known -->\nH1.2 Next.\n";
        let s = in_text(text, false);
        assert_eq!(codes(&s[0]), ["REF002", "REF004"]);
        assert_eq!(s[0].reason.as_deref(), Some("both known"));
        assert_eq!(s[0].scope, Scope::Line(0));
    }

    #[test]
    fn file_scope_families_and_missing_reasons() {
        let s = in_text(
            "<!-- seccheck-ignore-file DEF - kept for later -->\ntext\n",
            false,
        );
        assert_eq!((codes(&s[0]), s[0].scope), (vec!["DEF"], Scope::File));
        let s = in_text("<!-- seccheck-ignore REF002 -->\ntext\n", false);
        assert_eq!((codes(&s[0]), s[0].reason.clone()), (vec!["REF002"], None));
        let s = in_text("<!-- seccheck-ignore — no code given -->\ntext\n", false);
        assert!(s[0].codes.is_empty());
    }

    #[test]
    fn near_misses_are_not_suppressions() {
        // Not in a comment; a closed comment before the mark; prose about the mark.
        assert!(in_text("Write seccheck-ignore REF002 in a comment.\n", false).is_empty());
        assert!(in_text("<!-- note --> seccheck-ignore REF002 — x\n", false).is_empty());
        assert!(in_text("no mark here\n", true).is_empty());
        // A word that only starts like a code is not one.
        let s = in_text("<!-- seccheck-ignore REFERENCES — x -->\nt\n", false);
        assert_eq!(codes(&s[0]), ["REFERENCES"]);
        let s = in_text("<!-- seccheck-ignore Ref002 — x -->\nt\n", false);
        assert!(s[0].codes.is_empty());
    }

    #[test]
    fn a_csv_mark_covers_its_row() {
        let text = "release,effective_date,document,version,title,notes\n57.0,2022-02-23,section-h,9.2,DCC Services,seccheck-ignore LOG006: published so\n";
        let s = in_text(text, true);
        assert_eq!((codes(&s[0]), s[0].scope), (vec!["LOG006"], Scope::Line(1)));
        assert_eq!(s[0].reason.as_deref(), Some("published so"));
    }

    #[test]
    fn a_word_comment_covers_its_paragraph() {
        let s = in_comment("seccheck-ignore REF002 — reinstated by MP210", 57).unwrap();
        assert_eq!((codes(&s), s.scope), (vec!["REF002"], Scope::Paragraph(57)));
        assert!(in_comment("A reviewer's remark", 3).is_none());
    }
}
