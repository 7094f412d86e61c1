//! Citations in SEC text: the one grammar that finds them, with exact byte spans.
//!
//! `WS` below is spaces, tabs, NBSP and at most two line breaks (one blank line, as PDF
//! extraction leaves between wrapped lines); `\r\n` counts as one line break.
//!
//! ```text
//! citation := ["SEC" WS] DOC WS item (SEP item)* [instrument]
//!           | ["SEC" WS] DOC WS designator [title] [","] WS PARA WS num-list
//!                                                      "Appendix AB paragraph 3.2"
//!           | ["SEC" WS] "Section" WS letter title num  "SEC Section L ‘…’ 14.8" = L14.8
//!           | PARA WS num-list WS ("of"|"in") WS ["the" WS] ["SEC" WS] DOC WS designator
//!                 [title] [instrument]                 "paragraph 3.2 of Appendix AB"
//!           | "Section" WS num-list WS "of" WS … (as PARA)   "Section 4.2 of Appendix AB"
//!           | PARA WS clause (SEP clause)*             "clauses H3.2 and H3.4"
//!           | ["Licence" WS] CONDITION WS num (SEP num)* [instrument]
//!           | clause-with-dot (SEP clause-with-dot)*   bare: "in H8.16"
//! DOC       = Section(s) | Appendix | Appendices | Schedule(s)    PARA = paragraph(s) | clause(s)
//! item     := (clause | designator | placeholder | num) [range] [title]
//! clause   := [A-Z] [0-9]{1,2} [A-Z]? ("." [0-9]{1,3} [A-Z]?)? sub*   H8.16 N4A.2 H15 J1.2(b)
//! num      := [0-9]{1,3} [A-Z]? ("." [0-9]{1,3}){0,3} [A-Z]? sub*    3.2  22.33  88(1)
//! sub      := "(" ([a-z]{1,4} | [0-9]{1,3} | [A-Z]) ")"
//! designator := [A-Z] (Section) | [A-Z]{1,2} (Appendix) | [1-9][0-9]{0,2} (Schedule)
//! placeholder := "[" … "]"                                        [TBC]  [X]
//! range    := ("-" | "–" | "—" | WS "to" WS) item of the same kind
//! SEP      := "," | "and" | "or" | ", and" | ", or"
//! title    := ‘…’ | “…” | '…' | "…" | "(" Title Words ")" | dash Title Words (documents only)
//! instrument := ("of"|"to"|"under") WS "the" WS Name ("Act" [year] | "Licence"
//!               | "Regulations" [year] | "Order" [year])
//! ```
//!
//! Span conventions. A reference's `span` covers the whole citation: the leading
//! `SEC`/`Licence` and head word, the designator or clause, any range end, and any cited
//! title with its closing quote or bracket. In a list ("Sections H3 and H4") the first
//! item's span starts at the head word ("Sections H3") and each later item covers only its
//! own text ("H4"); a shared tail ("of Appendix AB", "of the Energy Act 2008") belongs to
//! the last item, and a title in that tail is given to every item (so for the earlier
//! items it lies outside their span). `CitedTitle::span` covers the title text only
//! (inside the quotes), and `CitedTitle::text` is that text with white space runs folded
//! to one space. A clause target's string is the clause as written without white space
//! (`88 (1)` -> `88(1)`); when the document is a Section and the text gave only the
//! number ("Section L ‘…’ 14.8", "paragraph 3 of Section H") the letter is prefixed
//! (`L14.8`), so the string may differ from the bytes of its span.
//!
//! External instruments (Acts, licences, regulations, orders) are recognised by the tail
//! `of the … Act 2008`, `to the … Act 1989`, `of the … Licence`, by a `Licence Condition`
//! head, or by a lower-case `section` with a number; they carry `external: true`,
//! `document: None` and the number (or designator) as a clause target.
//!
//! Deliberately not recognised (precision over recall):
//! - a Section number without a letter and without an instrument tail ("Section 5"),
//!   a lower-case `section`/`appendix`/`schedule` with a bare letter ("section A", "in this
//!   section I"), or a `Condition` with neither `Licence` before nor an instrument after;
//! - a paragraph or clause number with no document ("paragraph 3.2 of this Appendix");
//! - bare clauses without a dot ("H8", "F3") unless they continue a list or range, bare
//!   clauses at the start of a line (that is where a document numbers its own clauses),
//!   bare clauses with the letter `V` ("V4.2"), after a version word, after a word ending
//!   in a digit ("SMETS2", "DP189"), after an all-capitals acronym other than `SEC`, or
//!   after Table/Figure/Annex/Step/Page and the like; numbers with a zero component
//!   ("H2.0"), three-level clauses ("H8.16.1") and clauses glued to other characters;
//! - letter ranges of documents ("Appendices A–C" yields only "Appendices A"), lists of
//!   bare letters after a singular head ("Section A and B"), titles after a colon, titles
//!   with no delimiter ("Schedule 8 GB Companion"), and dash titles after clause numbers;
//! - a dash title that breaks over a line is continued only while the next line reads as
//!   a title (capitalised words and connectors) or the line ended unfinished (on a comma
//!   or a connector such as "and"); it stops at the first word that is not title-like.
//!
//! Layout: `scan` (the byte cursor, its literals and the head-word prefilter), `grammar`
//! (head words, clause numbers and designators, ranges, lists), `citations` (the
//! citation forms and building `Reference`s), `titles` (cited titles), `external`
//! (Acts, licences, Licence Conditions), `bare` (clauses cited without a head word, and
//! their decoys), `tests` (exact spans).

mod bare;
mod citations;
mod external;
mod grammar;
mod scan;
mod titles;

use crate::clause::ClauseNumber;
use std::ops::Range;

use crate::names::DocumentId;

use scan::{Scan, TRIGGERS};

/// One citation found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The whole citation, including a cited title (see the module comment for lists).
    pub span: Range<usize>,
    /// The SEC document cited; `None` for external instruments and for placeholders
    /// such as "Appendix [TBC]" (a placeholder inside "paragraph [X] of Appendix AB"
    /// keeps its document).
    pub document: Option<DocumentId>,
    pub target: Target,
    /// A title quoted, bracketed or dashed right after the reference.
    pub cited_title: Option<CitedTitle>,
    /// True for citations of instruments outside the SEC ("section 88(1) of the Energy
    /// Act 2008"): never resolved against the corpus.
    pub external: bool,
    /// The external instrument's name as written, white space folded ("Energy Act
    /// 2008", "DCC Licence"), when the text names it.
    pub instrument: Option<String>,
    /// True in a Markdown block quote (`> …`): quoted wording, often of an earlier
    /// version, which rules do not resolve.
    pub quoted: bool,
}

/// A title cited with a reference: `text` is white-space-normalised, `span` covers the
/// original bytes of the title text only (not its quotes or brackets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitedTitle {
    pub text: String,
    pub span: Range<usize>,
}

/// What inside the document is cited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The document as a whole: "Appendix AC", "Schedule 11".
    Document,
    /// One clause or paragraph: "H8.16", "J1.2(b)", "N4A.2"; "3.2" in an Appendix.
    Clause {
        clause: ClauseNumber,
        span: Range<usize>,
    },
    /// A run of clauses, both ends as written (they may name different Sections or run
    /// backwards; that is for rules to report).
    Range {
        start: ClauseNumber,
        start_span: Range<usize>,
        end: ClauseNumber,
        end_span: Range<usize>,
    },
    /// "Appendix [TBC]", "Section [X]".
    Placeholder,
}

/// Finds every citation in `text`, in order of position.
pub fn extract(text: &str) -> Vec<Reference> {
    let sc = Scan {
        text,
        b: text.as_bytes(),
    };
    let mut out = Vec::new();
    let mut consumed = 0usize;
    let mut triggers = TRIGGERS.starts(text).peekable();
    let mut bares = memchr::memchr_iter(b'.', sc.b)
        .filter_map(|d| sc.bare_start(d))
        .peekable();
    loop {
        let (pos, is_trigger) = match (triggers.peek(), bares.peek()) {
            (None, None) => break,
            (Some(&t), Some(&l)) if l < t => (l, false),
            (Some(&t), _) => (t, true),
            (None, Some(&l)) => (l, false),
        };
        if is_trigger {
            triggers.next();
        } else {
            bares.next();
        }
        if pos < consumed {
            continue;
        }
        let found = if is_trigger {
            sc.at_trigger(pos, consumed)
        } else {
            sc.bare(pos)
        };
        if let Some((refs, end)) = found {
            consumed = end;
            out.extend(refs);
        }
    }
    mark_quoted(text, &mut out);
    out
}

/// Sets [`Reference::quoted`]. Citations come in text order, so each line start is
/// found once (a long line with many citations stays linear).
fn mark_quoted(text: &str, refs: &mut [Reference]) {
    let b = text.as_bytes();
    let (mut scanned, mut quoted) = (0usize, None::<bool>);
    for r in refs {
        let at = r.span.start.min(b.len());
        let from = scanned.min(at);
        if let Some(i) = memchr::memrchr(b'\n', &b[from..at]) {
            quoted = Some(is_quote_line(&text[from + i + 1..]));
        } else if quoted.is_none() {
            let start = memchr::memrchr(b'\n', &b[..at]).map_or(0, |i| i + 1);
            quoted = Some(is_quote_line(&text[start..]));
        }
        scanned = scanned.max(at);
        r.quoted = quoted == Some(true);
    }
}

fn is_quote_line(from_line_start: &str) -> bool {
    from_line_start
        .trim_start_matches([' ', '\t'])
        .starts_with('>')
}

#[cfg(test)]
mod tests;
