//! Page furniture: what a Word or PDF export repeats on every page and that is no part of
//! the text — page numbers ("Page 12 of 80", "12 of 80", "- 12 -") and running headers
//! or footers that name the document and its version ("SEC Section H v9.1", "Smart Energy
//! Code – Appendix AC – Version 2.0 – Page 3 of 40"), and lines repeated whole on many
//! pages.
//!
//! Separate because every reader of exported text meets it where a page broke (in the
//! middle of a table, a sentence or a list), and each must step over it the same way
//! rather than take it for a heading, a row or the end of a table.

use std::sync::LazyLock;

use regex::Regex;

/// "Page 12", "Page 12 of 80", "12 of 80", "12/80", "- 12 -": a line that is only a page
/// number. A bare number ("12", "2008") is not taken: a PDF cell wraps numbers onto lines
/// of their own.
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s*(?:of|/)\s*\d{1,4}|[-–—]\s*\d{1,4}\s*[-–—])$",
    )
    .expect("page number regex")
});

/// A running header or footer: the document's name and its version, with the Code's
/// name, a title and a page number around them ("SEC Section H v9.1", "SECTION H – DCC
/// SERVICES – VERSION 9.1 – PAGE 3 OF 40").
static RUNNING_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:smart\s+energy\s+code\s*[-–—:|]?\s*)?(?:SEC\s+)?(?:section|schedule|appendix)\s+[A-Z0-9]{1,3}(?:\s+[^.;:?!]{0,80}?)?\s*[-–—|,]?\s*(?:v|version\s*)\d{1,3}(?:\.\d{1,3})+(?:\s*[-–—|,]?\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)?$",
    )
    .expect("running header regex")
});

/// Whether the line (white space around it ignored, and a form feed) is page furniture
/// by its shape alone: a page number or a running header naming the document's version.
pub fn is_page_furniture(line: &str) -> bool {
    let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
    !t.is_empty() && t.len() <= 160 && (PAGE_NUMBER.is_match(t) || RUNNING_HEADER.is_match(t))
}

/// Whether `line` (trimmed) stands whole on at least three lines of `text`: a running
/// header or footer repeated on every page ("SECTION H – DCC SERVICES"). Costs a search
/// of the text: call it only for a line that would otherwise end or break what is read.
pub fn repeats_on_pages(text: &str, line: &str) -> bool {
    let t = line.trim();
    if t.len() < 6 {
        return false;
    }
    let b = text.as_bytes();
    let mut count = 0;
    for at in memchr::memmem::find_iter(b, t.as_bytes()) {
        let before = b[..at]
            .iter()
            .rev()
            .find(|c| !matches!(c, b' ' | b'\t' | b'\x0c'));
        let after = b[at + t.len()..]
            .iter()
            .find(|c| !matches!(c, b' ' | b'\t' | b'\r' | b'\x0c'));
        if before.is_none_or(|c| *c == b'\n') && after.is_none_or(|c| *c == b'\n') {
            count += 1;
            if count >= 3 {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_and_running_headers() {
        for l in [
            "Page 12 of 80",
            "  page 3  ",
            "12 of 80",
            "3/40",
            "- 12 -",
            "\u{c}Page 2 of 9",
            "SEC Section H v9.1",
            "SEC SECTION H V2.1",
            "Section H – DCC Services – Version 9.1",
            "Smart Energy Code – Appendix AC – v2.0 – Page 3 of 40",
            "Appendix AC Version 2.0 Page 3",
            "Schedule 11 v1.0 | 4",
        ] {
            assert!(is_page_furniture(l), "{l}");
        }
        for l in [
            "12",
            "2008",
            "88(1) of the Energy Act",
            "Section H",
            "SECTION H – DCC SERVICES",
            "Modifications to SEC version 4.7",
            "H1.1 The DCC shall act. Section H v9.1",
            "Section H8.16 applies from version 9.1 onwards; see v9.1",
            "1.1 2nd May 2020",
        ] {
            assert!(!is_page_furniture(l), "{l}");
        }
    }

    #[test]
    fn lines_repeated_whole_on_pages() {
        let text = "SECTION H – DCC SERVICES\nA\nSECTION H – DCC SERVICES\nB\n  SECTION H – DCC SERVICES\r\nC SECTION H – DCC SERVICES\n";
        assert!(repeats_on_pages(text, "SECTION H – DCC SERVICES"));
        let twice =
            "SECTION H – DCC SERVICES\nA\nSECTION H – DCC SERVICES\nSee SECTION H – DCC SERVICES\n";
        assert!(!repeats_on_pages(twice, "SECTION H – DCC SERVICES"));
    }
}
