//! Definitions in Section A: a defined term, set off in bold or quotes at the start of a
//! paragraph, followed by the verb that defines it.
//!
//! ```text
//! definition := line-start [bullet | "|"] TERM [WS "|"] WS VERB rest-of-paragraph
//! TERM       := "**" words "**" | "__" words "__" | ‘words’ | “words” | 'words' | "words"
//! VERB       := "means" | "shall mean" | "has the meaning" | "have the meaning"
//!             | "shall have the meaning"
//! ```
//!
//! `words` is one line of at most 150 bytes that starts with a capital letter or a digit.
//! The paragraph runs to the first blank line, or to the next line that starts another
//! definition, a Markdown heading or a numbered clause (`A1.2`, `3.1`), whichever comes
//! first.
//!
//! A term written without delimiters ("Acceptance Testing means …", as PDF and Word text
//! give it) is read only inside the definitions part (from a heading or clause line that
//! names "Definitions", such as `## A1 Definitions`, to the next part), and only when its
//! line starts a paragraph (after a blank line, a heading, a clause line, or a line
//! ending a sentence) with capitalised words (small joining words such as "of" and "and"
//! allowed; not a determiner such as "The" or "Each") right before the verb.
//!
//! The parser only says what the text defines. Which clause a "has the meaning given … in
//! Section T3.34" definition points to is the citation inside [`Definition::body`], found
//! by the citation grammar ([`crate::parse::references`]).

use crate::clause;
use std::ops::Range;

/// How the term is defined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefinitionKind {
    /// "X means …": the definition itself is the meaning.
    Means,
    /// "X has the meaning given to that expression in Section T3.34": the meaning is in
    /// the clause the body cites.
    MeaningGiven,
}

/// One defined term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    /// The term as written, white space runs folded to one space.
    pub term: String,
    /// The term's bytes, inside its bold markers or quotes.
    pub term_span: Range<usize>,
    pub kind: DefinitionKind,
    /// The defining verb ("means", "has the meaning").
    pub verb_span: Range<usize>,
    /// From the verb's end to the end of the paragraph (trailing white space left out).
    pub body: Range<usize>,
    /// The whole definition: from the opening delimiter of the term to the end of `body`.
    pub span: Range<usize>,
}

const MAX_TERM: usize = 150;

const VERBS: [(&str, DefinitionKind); 5] = [
    ("means", DefinitionKind::Means),
    ("shall mean", DefinitionKind::Means),
    ("has the meaning", DefinitionKind::MeaningGiven),
    ("have the meaning", DefinitionKind::MeaningGiven),
    ("shall have the meaning", DefinitionKind::MeaningGiven),
];

const DELIMITERS: [(&str, &str); 6] = [
    ("**", "**"),
    ("__", "__"),
    ("‘", "’"),
    ("“", "”"),
    ("'", "'"),
    ("\"", "\""),
];

/// Every definition in `text`, in text order. Lines inside `skip` (the version-control
/// table) are not read.
pub fn parse_definitions(text: &str, skip: Option<Range<usize>>) -> Vec<Definition> {
    let lines: Vec<(usize, &str)> = crate::source::lines_with_offsets(text).collect();
    let mut out: Vec<Definition> = Vec::new();
    let skipped = |at: usize| skip.as_ref().is_some_and(|s| s.contains(&at));
    let part = definitions_part(&lines);
    let mut i = 0;
    while i < lines.len() {
        let (at, line) = lines[i];
        i += 1;
        if skipped(at) {
            continue;
        }
        let in_part = part.as_ref().is_some_and(|p| p.contains(&(i - 1)));
        let opens_paragraph = i == 1 || {
            let prev = lines[i - 2].1.trim_end();
            prev.trim().is_empty() || starts_block(prev) || prev.ends_with(['.', ';', ':'])
        };
        let Some(start) = definition_start(line).or_else(|| {
            (in_part && opens_paragraph)
                .then(|| plain_definition_start(line))
                .flatten()
        }) else {
            continue;
        };
        // The paragraph: following lines until a blank line or the start of something else.
        let mut end_line = i - 1;
        while end_line + 1 < lines.len() {
            let (next_at, next) = lines[end_line + 1];
            let prev_ends_sentence = lines[end_line].1.trim_end().ends_with(['.', ';']);
            if next.trim().is_empty()
                || skipped(next_at)
                || definition_start(next).is_some()
                || (prev_ends_sentence && plain_definition_start(next).is_some())
                || starts_block(next)
            {
                break;
            }
            end_line += 1;
        }
        i = end_line + 1;
        let (last_at, last) = lines[end_line];
        let para_end = last_at + last.trim_end().len();
        let term_span = at + start.term.start..at + start.term.end;
        let verb_span = at + start.verb.start..at + start.verb.end;
        let body_start = verb_span.end.min(para_end);
        out.push(Definition {
            term: crate::title::squeeze(&text[term_span.clone()]),
            term_span,
            kind: start.kind,
            verb_span: verb_span.clone(),
            body: body_start..para_end.max(body_start),
            span: at + start.open..para_end.max(verb_span.end),
        });
    }
    out
}

struct Start {
    /// Offset of the opening delimiter in the line.
    open: usize,
    term: Range<usize>,
    verb: Range<usize>,
    kind: DefinitionKind,
}

/// Whether the line starts a definition, and where its parts are (offsets in the line).
fn definition_start(line: &str) -> Option<Start> {
    let mut p = skip_ws(line, 0);
    // A table cell or a bullet may come first.
    for lead in ["|", "- ", "* ", "• "] {
        if line[p..].starts_with(lead) {
            p = skip_ws(line, p + lead.len());
            break;
        }
    }
    let (open, close) = DELIMITERS.iter().find(|(o, _)| line[p..].starts_with(o))?;
    let term_start = p + open.len();
    let rest = &line[term_start..];
    let close_at = rest.find(close)?;
    if close_at == 0 || close_at > MAX_TERM {
        return None;
    }
    let term = &rest[..close_at];
    let first = term.chars().next()?;
    if !(first.is_uppercase() || first.is_ascii_digit())
        || term.trim() != term
        || !term.chars().any(char::is_alphabetic)
    {
        return None;
    }
    let term_end = term_start + close_at;
    let mut q = term_end + close.len();
    // "| **Term** | means …": the cell ends before the verb.
    let after = skip_ws(line, q);
    if line[after..].starts_with('|') {
        q = after + 1;
    }
    let v = skip_ws(line, q);
    if v == q && q < line.len() {
        return None; // "**Term**means" or "**Term**s"
    }
    let (verb, kind) = VERBS.iter().find_map(|(w, k)| {
        // The verb first: only then is its end a character boundary to slice at.
        if !line[v..].starts_with(w) {
            return None;
        }
        let e = v + w.len();
        let next = line[e..].chars().next();
        (!next.is_some_and(char::is_alphanumeric)).then_some((e, *k))
    })?;
    Some(Start {
        open: p,
        term: term_start..term_end,
        verb: v..verb,
        kind,
    })
}

/// The lines of the definitions part: from a heading or clause line naming "Definitions"
/// (`## A1 Definitions`, `A1 DEFINITIONS`) to the next part heading or part number.
fn definitions_part(lines: &[(usize, &str)]) -> Option<Range<usize>> {
    let part_number = |l: &str| {
        let t = l.trim_start().trim_start_matches('#').trim_start();
        clause::line_number_len(t.as_bytes(), 2)
            .filter(|&(letters, len)| letters > 0 && !t[..len].contains('.'))
            .map(|(_, len)| t[..len].to_string())
    };
    // The document's own heading ("# Section A: Definitions and Interpretation") names
    // the word too, but opens the whole document, not its definitions part.
    let names_document = |t: &str| {
        let h = t.trim_start_matches('#').trim_start();
        let h = h.strip_prefix("SEC ").unwrap_or(h);
        h.get(..8)
            .is_some_and(|w| w.eq_ignore_ascii_case("section "))
    };
    let start = lines.iter().position(|(_, l)| {
        let t = l.trim();
        let lower = t.to_ascii_lowercase();
        lower.contains("definitions")
            && ((t.starts_with('#') && !names_document(t)) || part_number(t).is_some())
            && t.len() <= 80
    })?;
    let own = part_number(lines[start].1);
    let end = lines[start + 1..]
        .iter()
        .position(|(_, l)| {
            let t = l.trim_start();
            (t.starts_with("# ") || t.starts_with("## "))
                || part_number(l).is_some_and(|n| Some(&n) != own.as_ref())
        })
        .map_or(lines.len(), |k| start + 1 + k);
    Some(start + 1..end)
}

/// Words that may stand inside a plain term but not start it, and determiners that start
/// prose rather than a term.
const JOINING: [&str; 10] = ["of", "and", "or", "the", "for", "to", "in", "on", "by", "a"];
const NOT_A_TERM: [&str; 12] = [
    "The", "A", "An", "Each", "Any", "Every", "This", "That", "It", "Where", "No", "All",
];

/// A plain definition: "Acceptance Testing means …", "Alt HAN Forum has the meaning …".
fn plain_definition_start(line: &str) -> Option<Start> {
    let p = skip_ws(line, 0);
    let rest = &line[p..];
    let (verb_at, verb, kind) = VERBS
        .iter()
        .filter_map(|(w, k)| {
            let at = rest.find(&format!(" {w}"))? + 1;
            let e = at + w.len();
            let next = rest[e.min(rest.len())..].chars().next();
            (!next.is_some_and(char::is_alphanumeric)).then_some((at, e, *k))
        })
        .min_by_key(|&(at, _, _)| at)?;
    let term = rest[..verb_at].trim_end();
    if term.is_empty() || term.len() > MAX_TERM {
        return None;
    }
    let words: Vec<&str> = term.split_whitespace().collect();
    let capital = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let ok = words.len() <= 12
        && capital(words[0])
        && !NOT_A_TERM.contains(&words[0])
        && words.last().is_some_and(|w| capital(w))
        && words.iter().all(|w| {
            (capital(w) || JOINING.contains(w))
                && w.chars()
                    .all(|c| c.is_alphanumeric() || "-’'()/&".contains(c))
        });
    if !ok {
        return None;
    }
    Some(Start {
        open: p,
        term: p..p + term.len(),
        verb: p + verb_at..p + verb,
        kind,
    })
}

fn skip_ws(line: &str, mut p: usize) -> usize {
    while let Some(c) = line[p..].chars().next() {
        if !c.is_whitespace() {
            break;
        }
        p += c.len_utf8();
    }
    p
}

/// A heading, a numbered clause or a table separator ends a definition's paragraph.
fn starts_block(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with('#') || t.starts_with("|---") || t.starts_with("| ---") {
        return true;
    }
    // A clause number: "A1.2 …", "3.1 …", "3.1. …" (with a dot, then a space).
    let b = t.as_bytes();
    let Some((_, mut k)) = clause::line_number_len(b, 2) else {
        return false;
    };
    let dotted = b[..k].contains(&b'.');
    if b.get(k) == Some(&b'.') {
        k += 1;
    }
    dotted && (k == b.len() || b[k] == b' ' || b[k] == b'\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> Range<usize> {
        let i = text.find(needle).expect("needle in text");
        i..i + needle.len()
    }

    #[test]
    fn bold_and_quoted_terms() {
        let text = "## A1 Definitions\n\n\
                    **Acceptance Testing** means the testing described in Section T.\n\n\
                    **Additional Interface Testing** has the meaning given to that expression \
                    in Section T3.34 (Additional Interface Testing).\n\n\
                    ‘Device Log’ shall mean the log kept by a Device.\n\n\
                    \"Party\" means a person bound by this Code.\n";
        let defs = parse_definitions(text, None);
        let terms: Vec<&str> = defs.iter().map(|d| d.term.as_str()).collect();
        assert_eq!(
            terms,
            [
                "Acceptance Testing",
                "Additional Interface Testing",
                "Device Log",
                "Party"
            ]
        );
        assert_eq!(defs[0].term_span, at(text, "Acceptance Testing"));
        assert_eq!(defs[0].kind, DefinitionKind::Means);
        assert_eq!(defs[1].kind, DefinitionKind::MeaningGiven);
        assert_eq!(&text[defs[1].verb_span.clone()], "has the meaning");
        assert_eq!(
            &text[defs[1].body.clone()],
            " given to that expression in Section T3.34 (Additional Interface Testing)."
        );
        assert_eq!(
            &text[defs[0].span.clone()],
            "**Acceptance Testing** means the testing described in Section T."
        );
        assert_eq!(defs[2].kind, DefinitionKind::Means);
        assert_eq!(&text[defs[2].verb_span.clone()], "shall mean");
    }

    #[test]
    fn a_paragraph_runs_over_wrapped_lines_and_stops_at_the_next_block() {
        let text = "**WAN Coverage Database** has the meaning given to that\n\
                    expression in Section H8.16.\n\
                    **Testing Services** means the services in\nSection H14.\n\
                    A1.2 Where an expression is used it has that meaning.\n";
        let defs = parse_definitions(text, None);
        assert_eq!(defs.len(), 2);
        assert_eq!(
            &text[defs[0].body.clone()],
            " given to that\nexpression in Section H8.16."
        );
        assert_eq!(
            &text[defs[1].span.clone()],
            "**Testing Services** means the services in\nSection H14."
        );
    }

    #[test]
    fn crlf_and_table_cells_and_bullets() {
        let text = "| **Smart Metering Inventory** | means the inventory kept by the DCC. |\r\n\
                    - “Service Request” means a request.\r\n\r\n\
                    • **User**  has the meaning given in Section H1.1.\r\n";
        let defs = parse_definitions(text, None);
        let terms: Vec<&str> = defs.iter().map(|d| d.term.as_str()).collect();
        assert_eq!(
            terms,
            ["Smart Metering Inventory", "Service Request", "User"]
        );
        assert_eq!(defs[2].term_span, at(text, "User"));
        assert!(!text[defs[1].span.clone()].contains('\r'));
    }

    #[test]
    fn not_definitions() {
        for text in [
            "The **WAN Coverage Database** means the database.", // not at line start
            "**Note**: this means nothing.",                     // a colon, not a verb
            "**lower case** means something.",                   // not a term
            "**Term**means glued.",
            "**Term** meanwhile differs.",
            "H8.16 The DCC shall maintain a database (the **WAN Coverage Database**).",
            "‘Unclosed term means nothing.",
            "**** means nothing.",
            "",
            "**",
            "‘",
        ] {
            assert_eq!(parse_definitions(text, None), vec![], "{text:?}");
        }
    }

    #[test]
    fn skipped_lines_are_not_read() {
        let text = "**Term** means x\n\n**Term** means y.\n";
        let second = text.rfind("Term").unwrap();
        let defs = parse_definitions(text, Some(0..10));
        assert_eq!(defs.len(), 1);
        assert_eq!(defs[0].term_span, second..second + 4);
        assert_eq!(parse_definitions(text, None).len(), 2);
    }

    #[test]
    fn multibyte_lines_are_safe() {
        let text = "**Ünïcödé Term** means é.\n‘€’ means x\n**É** means y\n";
        let defs = parse_definitions(text, None);
        assert_eq!(defs[0].term, "Ünïcödé Term");
        for i in 0..text.len() {
            if text.is_char_boundary(i) {
                let _ = parse_definitions(&text[i..], None);
            }
        }
    }

    #[test]
    fn the_document_heading_is_not_the_definitions_part() {
        let text = "# Section A: Definitions and Interpretation\n\n## A1 Definitions\n\n\
                    A1.1 In this Code:\n\nDevice means a meter.\n\n## A2 Interpretation\n\n\
                    A2.1 Headings do not count.\n";
        let terms: Vec<String> = parse_definitions(text, None)
            .into_iter()
            .map(|d| d.term)
            .collect();
        assert_eq!(terms, ["Device"]);
    }

    #[test]
    fn plain_terms_inside_the_definitions_part() {
        let text = "Section A: Definitions and Interpretation\n\n\
            A1 DEFINITIONS\n\n\
            A1.1 In this Code the following expressions have the meanings given below:\n\n\
            Acceptance Testing means the tests set out in\n\
            Section T.\n\
            Additional Interface Testing has the meaning given to that expression in Section T3.34.\n\
            Alt HAN Forum means the forum of that name.\n\
            The Panel means nothing here: a determiner starts prose.\n\
            Each Party means nothing either.\n\n\
            A2 INTERPRETATION\n\n\
            Working Day means a day outside the definitions part: not read.\n";
        let d = parse_definitions(text, None);
        let terms: Vec<(&str, DefinitionKind, &str)> = d
            .iter()
            .map(|d| (d.term.as_str(), d.kind, &text[d.body.clone()]))
            .collect();
        assert_eq!(
            terms,
            [
                (
                    "Acceptance Testing",
                    DefinitionKind::Means,
                    " the tests set out in\nSection T."
                ),
                (
                    "Additional Interface Testing",
                    DefinitionKind::MeaningGiven,
                    " given to that expression in Section T3.34."
                ),
                // Lines that start no term continue the paragraph.
                (
                    "Alt HAN Forum",
                    DefinitionKind::Means,
                    " the forum of that name.\nThe Panel means nothing here: a determiner starts prose.\nEach Party means nothing either."
                ),
            ]
        );
        assert_eq!(&text[d[0].term_span.clone()], "Acceptance Testing");
        // A Markdown part heading works the same; a wrapped line is no new term.
        let md =
            "## A1 Definitions\n\nSmart Meter means a meter that\nCommunications Hub means more.\n";
        let terms: Vec<String> = parse_definitions(md, None)
            .into_iter()
            .map(|d| d.term)
            .collect();
        assert_eq!(terms, ["Smart Meter"]);
    }

    #[test]
    fn a_term_before_a_multibyte_character_is_read_safely() {
        // Was a panic: the verb's end fell inside the curly quote.
        assert!(parse_definitions("**A** abcd\u{2018}\n", None).is_empty());
        assert!(
            parse_definitions("**Supplier Party** is \u{2018}a Party\u{2019}.\n", None).is_empty()
        );
    }
}
