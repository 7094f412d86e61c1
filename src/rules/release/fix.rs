//! Edits a release note's affected list can take, for the fixes REL003 and REL004 offer:
//! an entry added in SEC order, shaped like its neighbours, or an entry's line removed.
//!
//! A fix is offered only where the edit is plain: a text or Markdown note (not a web
//! page's markup, not a Word file), a list read whole, and entries one to a line with
//! nothing but a bullet before them. Anything else — a table, a list written as a
//! sentence — gets no fix; the finding's help still says what to write.

use crate::model::{Corpus, ReleaseNoteFile};
use crate::names::DocumentId;
use crate::parse::release_note::AffectedEntry;
use crate::source::Span;
use std::ops::Range;

/// Where one entry's line lies.
struct EntryLine {
    /// From the line's start to its end, without the line end.
    line: Range<usize>,
    /// The line with its line end: what removing the entry removes.
    whole: Range<usize>,
}

/// A bullet as lists write it: a mark (`-`, `*`, `•`, Word's private-use bullet, `o`), a
/// number with `.` or `)`, or nothing.
fn is_bullet(prefix: &str) -> bool {
    let p = prefix.trim();
    p.is_empty()
        || matches!(
            p,
            "-" | "*" | "+" | "•" | "·" | "▪" | "◦" | "‣" | "o" | "\u{F0B7}"
        )
        || p.strip_suffix(['.', ')'])
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The line `entry` is written on, when it is alone there.
fn entry_line(text: &str, entry: &AffectedEntry) -> Option<EntryLine> {
    let start = text[..entry.line_span.start]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let end = text[entry.line_span.end..]
        .find('\n')
        .map_or(text.len(), |i| entry.line_span.end + i);
    let line_end = end - usize::from(text[..end].ends_with('\r'));
    let prefix = &text[start..entry.line_span.start];
    let suffix = &text[entry.line_span.end..line_end];
    if !is_bullet(prefix) || !suffix.trim().is_empty() {
        return None;
    }
    let whole_end = if end < text.len() { end + 1 } else { end };
    Some(EntryLine {
        line: start..line_end,
        whole: start..whole_end,
    })
}

/// The note's list, when every entry is alone on its line and the list was read whole.
fn list_lines<'a>(
    corpus: &Corpus,
    nf: &'a ReleaseNoteFile,
    text: &str,
) -> Option<Vec<(&'a AffectedEntry, EntryLine)>> {
    if !nf.note.affected_complete()
        || crate::rules::edit::markup(corpus, nf.file) != Some(crate::rules::edit::Markup::Plain)
    {
        return None;
    }
    nf.note
        .affected
        .iter()
        .map(|e| entry_line(text, e).map(|l| (e, l)))
        .collect()
}

/// Removing `entry` from the note's list: its line, line end included. `None` when the
/// list is not one entry a line, or when it is the list's only entry (an empty list is
/// no fix).
pub(super) fn remove_entry(
    corpus: &Corpus,
    nf: &ReleaseNoteFile,
    entry: &AffectedEntry,
) -> Option<(Span, String)> {
    let source = corpus.source(nf.file);
    let lines = list_lines(corpus, nf, &source.text)?;
    if lines.len() < 2 {
        return None;
    }
    let (_, line) = lines.into_iter().find(|(e, _)| std::ptr::eq(*e, entry))?;
    Some((Span::from(line.whole), String::new()))
}

/// Adding `document` (with `title`, when the log gives one) to the note's list: a new
/// line shaped like the entry it is put after (its bullet, its quotes or dash, without
/// any remark after its title), in SEC order (Sections, Schedules, Appendices). `None`
/// when the list is not one entry a line or its entries do not all name a document.
pub(super) fn insert_entry(
    corpus: &Corpus,
    nf: &ReleaseNoteFile,
    document: &DocumentId,
    title: &str,
) -> Option<(Span, String)> {
    let source = corpus.source(nf.file);
    let text = source.text.as_str();
    let lines = list_lines(corpus, nf, text)?;
    if lines.iter().any(|(e, _)| e.document.is_none()) {
        return None;
    }
    // After the last entry that comes before it in SEC order; before the first if none.
    let after = lines
        .iter()
        .rposition(|(e, _)| e.document.as_ref().is_some_and(|d| d < document));
    let (model, model_line) = &lines[after.unwrap_or(0)];
    let doc = model.document_span.clone()?;
    let bullet = &text[model_line.line.start..doc.start];
    // A numbered list would need renumbering: no fix.
    if bullet.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut shaped = format!("{bullet}{document}");
    // Neighbours without titles: the document's name alone, like them.
    if let Some(t) = &model.title_span {
        shaped.push_str(&text[doc.end..t.start]);
        shaped.push_str(title);
        // What closes the title (a quote), not a remark after it.
        let close_end = model
            .note_span
            .as_ref()
            .map_or(model.line_span.end, |n| n.start);
        shaped.push_str(text[t.end..close_end].trim_end());
    }
    let line_end = if text.contains("\r\n") { "\r\n" } else { "\n" };
    Some(match after {
        Some(i) => {
            let at = lines[i].1.line.end;
            (Span::new(at, at), format!("{line_end}{shaped}"))
        }
        None => {
            let at = lines[0].1.line.start;
            (Span::new(at, at), format!("{shaped}{line_end}"))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::is_bullet;
    use crate::rules::testing::check_strs;

    #[test]
    fn bullets_and_what_is_not_one() {
        for b in ["", "- ", "* ", "• ", "\u{F0B7}\t", "o ", "1. ", "12) "] {
            assert!(is_bullet(b), "{b:?}");
        }
        for b in ["| ", "Also ", "a. ", "1 ", "<li>"] {
            assert!(!is_bullet(b), "{b:?}");
        }
    }

    const LOG: &str = "release,effective_date,document,version,title\n\
        40.0,2021-06-24,section-h,1.0,DCC Services\n\
        40.0,2021-06-24,section-j,1.0,Charges & Payment\n\
        40.0,2021-06-24,appendix-ac,1.0,Inventory Procedures\n\
        54.0,2021-12-17,section-a,1.0,Definitions\n\
        54.0,2021-12-17,section-h,1.0,DCC Services\n\
        54.0,2021-12-17,section-j,1.1,Charges & Payment\n\
        54.0,2021-12-17,appendix-ac,1.1,Inventory Procedures\n";

    fn note(list: &str) -> String {
        format!(
            "# SEC v54.0 published\n\n## What parts of the SEC were affected?\n\n{list}\n\nAll other parts are unchanged.\n"
        )
    }

    /// The 54.0 note (at `path`) with the fixes of `code` applied; `None` when the rule
    /// finds something and offers no fix. Panics when it finds nothing.
    fn fixed(code: &str, path: &str, text: &str) -> Option<String> {
        let out = check_strs(&[("document-log.csv", LOG), (path, text)]);
        let found: Vec<_> = out.diagnostics.iter().filter(|d| d.code == code).collect();
        assert!(!found.is_empty(), "no {code} in {text}");
        let mut fixes: Vec<_> = found.iter().filter_map(|d| d.fix.as_ref()).collect();
        if fixes.is_empty() {
            return None;
        }
        fixes.sort_by_key(|f| std::cmp::Reverse(f.span.start));
        let mut t = text.to_string();
        for f in fixes {
            t.replace_range(f.span.range(), &f.replacement);
        }
        Some(t)
    }

    #[test]
    fn a_missing_entry_is_added_in_sec_order_shaped_like_its_neighbour() {
        // Section A goes first; Section J after H, its remark not copied.
        let got = fixed(
            "REL003",
            "releases/54.0.md",
            &note(
                "  • Section H ‘DCC Services’ (not available on CodeWorks)\n  • Appendix AC ‘Inventory Procedures’",
            ),
        );
        assert_eq!(
            got.unwrap(),
            note(
                "  • Section A ‘Definitions’\n  • Section H ‘DCC Services’ (not available on CodeWorks)\n  • Section J ‘Charges & Payment’\n  • Appendix AC ‘Inventory Procedures’"
            )
        );
        // A dash title, CRLF line ends.
        let crlf = note("- Section H – DCC Services\r\n- Appendix AC – Inventory Procedures")
            .replace("\n\n", "\r\n\r\n");
        let got = fixed("REL003", "releases/54.0.md", &crlf).unwrap();
        assert!(
            got.contains("- Section A – Definitions\r\n- Section H – DCC Services\r\n- Section J – Charges & Payment\r\n- Appendix AC"),
            "{got:?}"
        );
    }

    #[test]
    fn no_list_fix_where_the_edit_is_not_plain() {
        let list = "- Section H ‘DCC Services’\n- Appendix AC ‘Inventory Procedures’";
        // A numbered list (it would need renumbering), a table, a web page.
        let numbered = note("1. Section H ‘DCC Services’\n2. Appendix AC ‘Inventory Procedures’");
        assert_eq!(fixed("REL003", "releases/54.0.md", &numbered), None);
        let table = note(
            "| Document | Title |\n|---|---|\n| Section H | DCC Services |\n| Appendix AC | Inventory Procedures |",
        );
        assert_eq!(fixed("REL003", "releases/54.0.md", &table), None);
        let page = format!(
            "<html><body><h1>SEC v54.0 published</h1><h2>What parts of the SEC were affected?</h2><ul>{}</ul></body></html>",
            list.lines()
                .map(|l| format!("<li>{}</li>", &l[2..]))
                .collect::<String>()
        );
        assert_eq!(fixed("REL003", "releases/54.0.html", &page), None);
    }

    #[test]
    fn an_entry_not_bumped_is_removed_with_its_line_but_never_the_last_one() {
        const LOG2: &str = "release,effective_date,document,version,title\n\
            40.0,2021-06-24,section-h,1.0,DCC Services\n\
            40.0,2021-06-24,section-t,1.0,Testing\n\
            54.0,2021-12-17,section-h,1.1,DCC Services\n\
            54.0,2021-12-17,section-t,1.0,Testing\n";
        let run = |list: &str| {
            let text = note(list);
            let out = check_strs(&[("document-log.csv", LOG2), ("releases/54.0.md", &text)]);
            let d = out
                .diagnostics
                .iter()
                .find(|d| d.code == "REL004")
                .expect("REL004");
            d.fix.as_ref().map(|f| {
                let mut t = text.clone();
                t.replace_range(f.span.range(), &f.replacement);
                t
            })
        };
        assert_eq!(
            run("- Section H ‘DCC Services’\n- Section T ‘Testing’").unwrap(),
            note("- Section H ‘DCC Services’")
        );
        // Its only entry: removing it would leave an empty list.
        assert_eq!(run("- Section T ‘Testing’"), None);
    }

    #[test]
    fn a_title_written_into_a_web_page_is_escaped_and_a_word_count_keeps_its_style() {
        let page = "<html><body><h1>SEC v54.0 published</h1><h2>What parts of the SEC were affected?</h2>\
            <ul><li>Section A ‘Definitions’</li><li>Section H ‘DCC Services’</li><li>Section J ‘Charges and Invoices’</li><li>Appendix AC ‘Inventory Procedures’</li></ul></body></html>";
        let got = fixed("REL008", "releases/54.0.html", page).unwrap();
        assert!(got.contains("Section J ‘Charges &amp; Payment’"), "{got}");
        let count = |stated: &str| {
            let text = format!(
                "# SEC v54.0 published\n\nIt included {stated} Modification Proposals.\n\n## Summary of changes\n\n\
                 MP201 ‘Retry Limits’ caps retries.\n\nMP208 ‘Returns Window’ lengthens the window.\n"
            );
            let got = fixed("REL005", "releases/54.0.md", &text).unwrap();
            got.lines().nth(2).unwrap().to_string()
        };
        assert_eq!(count("three"), "It included two Modification Proposals.");
        assert_eq!(count("3"), "It included 2 Modification Proposals.");
        assert_eq!(count("Three"), "It included Two Modification Proposals.");
    }
}
