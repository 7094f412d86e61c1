//! Modification and Draft Proposals: every `MP…`, `DP…` and `SECMP…` mention with the
//! quoted title after it, which of them open a paragraph of the summary, and the count
//! the note states ("This included five Modification Proposals").
//!
//! Separate because `find_proposals` is also used by rules on other texts, and the
//! proposal grammar has nothing to do with document references.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::sections::{Line, SectionKind, bullet_text, heading_text};
use super::text::{cells, contains_ci, quoted_after};
use super::{ProposalKind, ProposalMention, StatedCount, SummaryClaim};
use crate::parse::dates::find_dates;

static PROPOSAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"SECMP[ \t]?\d{1,5}|[MD]P\d{1,5}[A-Z]?").expect("MP regex"));

/// Every Modification or Draft Proposal mentioned in `text`, with the title in quotes
/// that follows it on the same line (a title that a line break cuts, as in text
/// extracted from PDF, is not taken). Used for release notes, and by rules for any other
/// text that names proposals (version-control tables, newsletters).
pub fn find_proposals(text: &str) -> Vec<ProposalMention> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for m in PROPOSAL.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        if s > 0 && b[s - 1].is_ascii_alphanumeric() {
            continue;
        }
        let mut raw = m.as_str();
        let mut e = e;
        let mut suffix = None;
        if raw.as_bytes()[raw.len() - 1].is_ascii_uppercase() {
            // MP102A: the letter is a suffix only if the word ends there. "MP211Faster
            // Enrolment…": a pasted table's id glued to the title cell after it.
            // Read so only where the id opens a line, as a table's first cell does:
            // "MP211Faster …" (no suffix), "MP214ACharging …" (suffix A, a title word),
            // "MP214DCC Services" (no suffix, a title in capitals).
            let opens_line = text[..s]
                .rsplit('\n')
                .next()
                .is_some_and(|l| l.trim().is_empty());
            let glued = e < b.len() && b[e].is_ascii_alphanumeric();
            let after = b.get(e + 1).copied().unwrap_or(b' ');
            if glued
                && opens_line
                && (b[e].is_ascii_lowercase()
                    || (b[e].is_ascii_uppercase() && after.is_ascii_uppercase()))
            {
                raw = &raw[..raw.len() - 1];
                e -= 1;
            } else if glued
                && !(opens_line && b[e].is_ascii_uppercase() && after.is_ascii_lowercase())
            {
                continue;
            } else {
                suffix = Some(raw.as_bytes()[raw.len() - 1] as char);
            }
        } else if e < b.len() && b[e].is_ascii_alphanumeric() {
            continue;
        }
        let (kind, prefix, digits) = if let Some(d) = raw.strip_prefix("SECMP") {
            (ProposalKind::Modification, "SECMP", d.trim_start())
        } else if let Some(d) = raw.strip_prefix("MP") {
            (ProposalKind::Modification, "MP", d)
        } else {
            (ProposalKind::Draft, "DP", &raw[2..])
        };
        let digits = digits.trim_end_matches(|c: char| c.is_ascii_uppercase());
        let Ok(number) = digits.parse::<u32>() else {
            continue;
        };
        let mut id = String::with_capacity(prefix.len() + digits.len() + 1);
        id.push_str(prefix);
        id.push_str(digits);
        id.extend(suffix);
        let title = quoted_after(text, e);
        out.push(ProposalMention {
            id,
            kind,
            number,
            suffix,
            span: s..e,
            title: title.as_ref().map(|t| text[t.clone()].to_string()),
            title_span: title,
        });
    }
    out
}

/// Titles of proposals listed in a table of the note (`| MP211 | Faster Enrolment |
/// Implemented |`): the cell after the id, for a mention with no quoted title. Only in
/// release notes: in a version-control table the cell after an id is an overview.
pub(super) fn titles_from_cells(text: &str, proposals: &mut [ProposalMention]) {
    for p in proposals.iter_mut().filter(|p| p.title.is_none()) {
        if let Some(t) = title_cell(text, p.span.start, p.span.end)
            .or_else(|| glued_title(text, p.span.start, p.span.end))
        {
            p.title = Some(text[t.clone()].to_string());
            p.title_span = Some(t);
        }
    }
}

/// A table pasted with its cells glued, a row to a line: "MP211Faster Enrolment of
/// DevicesImplemented". The title runs from the id to the end of the line, less a status
/// glued to its end; only when the id opens the line.
fn glued_title(text: &str, s: usize, e: usize) -> Option<Range<usize>> {
    let line_start = text[..s].rfind('\n').map_or(0, |i| i + 1);
    if !text[line_start..s].trim().is_empty()
        || !text[e..].starts_with(|c: char| c.is_ascii_uppercase())
    {
        return None;
    }
    let line_end = text[e..].find(['\n', '\r']).map_or(text.len(), |i| e + i);
    let cell = text[e..line_end].trim_end();
    let mut end = e + cell.len();
    for word in [
        "Implemented",
        "Included",
        "Approved",
        "Deferred",
        "Withdrawn",
        "Rejected",
        "Pending",
        "Postponed",
    ] {
        let t = &text[e..end];
        if let Some(rest) = t.strip_suffix(word)
            && rest.ends_with(|c: char| c.is_lowercase() || c == ')')
        {
            end -= word.len();
            break;
        }
    }
    (end > e).then_some(e..end)
}

/// In a table pasted as text (`| MP211 | Faster Enrolment | Implemented |`, or cells split
/// by tabs), the cell after a proposal id that fills its own cell: the proposal's title,
/// without quotes; not a status word or a date.
fn title_cell(text: &str, s: usize, e: usize) -> Option<Range<usize>> {
    let line_start = text[..s].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..s].trim_end_matches([' ', '\t']);
    let opens_cell = before.is_empty() || before.ends_with('|') || text[..s].ends_with('\t');
    let after = &text[e..];
    let gap = after.len() - after.trim_start_matches([' ']).len();
    let sep = after[gap..]
        .chars()
        .next()
        .filter(|c| matches!(c, '|' | '\t'))?;
    if !opens_cell {
        return None;
    }
    let from = e + gap + sep.len_utf8();
    let line_end = text[from..].find('\n').map_or(text.len(), |i| from + i);
    let cell = cells(text, from..line_end).into_iter().next().or_else(|| {
        // The last cell of a row without an outer pipe: no separator after it.
        let t = text[from..line_end].trim();
        let lead = text[from..line_end].len() - text[from..line_end].trim_start().len();
        (!t.is_empty()).then(|| from + lead..from + lead + t.len())
    })?;
    if cell.start >= line_end
        || status_of(&text[cell.clone()]).is_some()
        || !find_dates(&text[cell.clone()]).is_empty()
    {
        return None;
    }
    // A title in quotes inside its cell: the quotes are no part of it.
    Some(
        quoted_after(text, cell.start)
            .filter(|q| q.end < cell.end)
            .unwrap_or(cell),
    )
}

/// A status cell or a status glued after a title: what it says the release did.
fn status_of(word: &str) -> Option<SummaryClaim> {
    let w = word.trim().trim_end_matches('.').to_ascii_lowercase();
    match w.as_str() {
        "implemented" | "included" => Some(SummaryClaim::Implemented),
        "approved" | "deferred" | "withdrawn" | "rejected" | "not implemented" | "pending"
        | "postponed" | "to be implemented" => Some(SummaryClaim::NotImplemented),
        _ => None,
    }
}

/// A row of a table of proposals pasted as text: its first cell holds a proposal id
/// (`| MP211 | Faster Enrolment | Implemented |`, `MP211<tab>Faster Enrolment`). The
/// start of that cell.
fn proposal_row(text: &str, line: &Line) -> Option<usize> {
    let first = cells(text, line.trimmed()).into_iter().next()?;
    let t = text[first.clone()].trim_start_matches(['*', '_']);
    PROPOSAL
        .find(t)
        .is_some_and(|m| m.start() == 0)
        .then_some(first.start)
}

/// Indices into `proposals` of the Modification Proposals that open a paragraph or a
/// bullet of the summary, with what the paragraph's first sentence says of each; see
/// [`ReleaseNote::summarised`](super::ReleaseNote::summarised).
pub(super) fn summarised(
    text: &str,
    lines: &[Line],
    skip_until: usize,
    headings: &[(usize, SectionKind)],
    proposals: &[ProposalMention],
) -> (Vec<(usize, SummaryClaim)>, Vec<Range<usize>>) {
    let is_summary = |i: usize| contains_ci(&text[heading_text(text, &lines[i])], "summary");
    let any_summary = headings.iter().any(|h| is_summary(h.0));
    // Line ranges to read: the summary sections, or the opening paragraphs.
    let mut regions: Vec<Range<usize>> = Vec::new();
    if any_summary {
        for (k, h) in headings.iter().enumerate() {
            if h.1 == SectionKind::Prose && is_summary(h.0) {
                let end = headings.get(k + 1).map_or(lines.len(), |n| n.0);
                regions.push(h.0 + 1..end);
            }
        }
    } else {
        // Without a summary heading, the opening paragraphs: a proposal under a heading of
        // its own ("Implementation of the SECMP0009 legal text") is not summarised.
        let end = headings.first().map_or(lines.len(), |h| h.0);
        regions.push(skip_until..end);
    }
    let mut out = Vec::new();
    let mut unread = Vec::new();
    for region in regions {
        unread.extend(unread_table_rows(text, lines, region.clone()));
        for i in region {
            let line = &lines[i];
            if line.is_blank() || headings.iter().any(|h| h.0 == i) {
                continue;
            }
            let start = match bullet_text(text, line) {
                Some(b) => b.start,
                // A row of a table of proposals: each row is one proposal.
                None if proposal_row(text, line).is_some() => {
                    proposal_row(text, line).unwrap_or(line.tstart)
                }
                // A line after a finished sentence opens a paragraph too: text pasted
                // without blank lines; so does each line of a list of proposals written
                // one per line ("MP080 ‘Title’Implemented").
                None if i == 0
                    || lines[i - 1].is_blank()
                    || headings.iter().any(|h| h.0 == i - 1)
                    || text[lines[i - 1].trimmed()].ends_with(['.', ':'])
                    || (opens_with_proposal(text, &lines[i - 1])
                        && !runs_on(&text[lines[i - 1].trimmed()])
                        && opens_with_proposal(text, line))
                    // The first of such a list, under a line that is no sentence (a
                    // pasted table's header, "ModificationTitleStatus").
                    || (opens_with_proposal(text, line)
                        && !runs_on(&text[line.trimmed()])
                        && lines.get(i + 1).is_some_and(|n| opens_with_proposal(text, n))) =>
                {
                    line.tstart
                }
                None => continue,
            };
            // Past Markdown emphasis: "**MP210** …".
            let start =
                start + text[start..].len() - text[start..].trim_start_matches(['*', '_']).len();
            // Proposals are in text order: found by halving, not a scan (a note listing
            // tens of thousands would otherwise be quadratic).
            let k = proposals.partition_point(|p| p.span.start < start);
            if let Some(p) = proposals
                .get(k)
                .filter(|p| p.span.start == start && p.kind == ProposalKind::Modification)
            {
                out.push((k, claim(text, lines, i, headings, p)));
            }
        }
    }
    (out, unread)
}

/// The rows of a table of proposals that name no proposal in their first cell
/// (`| TBC | Smart Meter Tweaks | Implemented |`): a table is a run of lines holding `|`
/// or tabs, and it is one of proposals when a row opens with an id. Its first line (the
/// header) and rule lines are not rows. While any is left, the summary was not read whole.
fn unread_table_rows(text: &str, lines: &[Line], region: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = region.start;
    while i < region.end {
        let is_row =
            |k: usize| !lines[k].is_blank() && text[lines[k].trimmed()].contains(['|', '\t']);
        if !is_row(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < region.end && is_row(i) {
            i += 1;
        }
        let block = start..i;
        if !block
            .clone()
            .any(|k| proposal_row(text, &lines[k]).is_some())
        {
            continue;
        }
        for k in block.skip(1) {
            let t = &text[lines[k].trimmed()];
            let rule = t.contains('-')
                && t.chars()
                    .all(|c| matches!(c, '|' | '-' | ':' | '+' | ' ' | '\t'));
            if !rule && proposal_row(text, &lines[k]).is_none() {
                out.push(lines[k].trimmed());
            }
        }
    }
    out
}

/// The longest sentence read for a proposal's claim, in bytes.
const MAX_SENTENCE: usize = 1000;

/// What the first sentence of the paragraph that line `i` opens with proposal `p` says the
/// release did with it (see [`SummaryClaim`]).
fn claim(
    text: &str,
    lines: &[Line],
    i: usize,
    headings: &[(usize, SectionKind)],
    p: &ProposalMention,
) -> SummaryClaim {
    // After the title and its closing quote, or after the id.
    let mut from = p.title_span.as_ref().map_or(p.span.end, |t| t.end);
    if let Some(q) = text[from..].chars().next().filter(|c| "’”'\"".contains(*c)) {
        from += q.len_utf8();
    }
    // A table row: a cell of the row that is a status word says it; otherwise the row's
    // other cells are read as the summary sentence.
    if proposal_row(text, &lines[i]).is_some() {
        let row = cells(text, lines[i].trimmed());
        if let Some(c) = row.iter().find_map(|c| status_of(&text[c.clone()])) {
            return c;
        }
    }
    // A status glued to the title in a pasted list: "‘Title’Implemented".
    if p.title_span.is_some() {
        let word: &str = &text[from..lines[i].end];
        let word = &word[..word
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(word.len())];
        if word.starts_with(char::is_uppercase) {
            return status_of(word).unwrap_or(SummaryClaim::NotImplemented);
        }
    }
    let sentence = sentence(text, lines, i, headings, from);
    let main = main_clause(sentence);
    if NOT_IMPLEMENTED.is_match(main) {
        SummaryClaim::NotImplemented
    } else if PHASE.is_match(main)
        || (CORRECTION.is_match(main) && CORRECTED_TEXT.is_match(main))
        || EARLIER.is_match(sentence)
    {
        SummaryClaim::FollowUp
    } else {
        SummaryClaim::Implemented
    }
}

/// The main clause of a summary sentence (what it says of the proposal): up to the first
/// subordinate clause ("… so that a request is rejected" says nothing of the proposal),
/// looked for past a parenthesis or an aside between commas right after the title ("MP201
/// ‘…’, which the DCC raised, has been deferred").
fn main_clause(sentence: &str) -> &str {
    let s = sentence.trim_start();
    let close = match s.chars().next() {
        Some('(') => Some(')'),
        Some(',') => Some(','),
        _ => None,
    };
    // The aside is kept (it may say "(Part 2)"), but no clause is cut inside it.
    let aside = close
        .and_then(|c| s[1..].find(c).filter(|&k| k < 300).map(|k| k + 2))
        .unwrap_or(0);
    let lower = s[aside..].to_ascii_lowercase();
    let cut = [
        " so that ",
        " so as ",
        " which ",
        " where ",
        " when ",
        " because ",
        " if ",
        " unless ",
        " while ",
        " whereby ",
        " in order to ",
        "; ",
    ]
    .iter()
    .filter_map(|m| lower.find(m))
    .min()
    .unwrap_or(lower.len());
    &s[..aside + cut]
}

/// The rest of the sentence that starts on line `i` at `from`: up to a full stop (or `!`,
/// `?`) followed by white space or the end of a line; it runs on over the next lines of the
/// paragraph (not over a blank line, a heading, a bullet or a line that opens with a
/// proposal), up to [`MAX_SENTENCE`] bytes.
fn sentence<'t>(
    text: &'t str,
    lines: &[Line],
    i: usize,
    headings: &[(usize, SectionKind)],
    from: usize,
) -> &'t str {
    let mut end = lines[i].end;
    for (j, line) in lines.iter().enumerate().skip(i) {
        let start = if j == i {
            from.min(line.end)
        } else {
            line.start
        };
        if j > i
            && (line.is_blank()
                || headings.iter().any(|h| h.0 == j)
                || bullet_text(text, line).is_some()
                || opens_with_proposal(text, line))
        {
            break;
        }
        let s = &text[start..line.end];
        let b = s.as_bytes();
        let stop = b.iter().enumerate().position(|(k, c)| {
            matches!(c, b'.' | b'!' | b'?') && b.get(k + 1).is_none_or(|n| n.is_ascii_whitespace())
        });
        end = match stop {
            Some(k) => start + k,
            None => line.end,
        };
        if stop.is_some() || end.saturating_sub(from) >= MAX_SENTENCE {
            break;
        }
    }
    let mut end = end.min(from + MAX_SENTENCE).max(from);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[from..end]
}

/// A summary's main clause that says the release does not implement the proposal.
static NOT_IMPLEMENTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:will|shall|is\s+to|are\s+to|(?:is|are)\s+(?:due|scheduled|expected|planned|intended)\s+to)\s+be\s+(?:implemented|included|delivered|introduced)|(?:was|were|is|are|been)\s+(?:deferred|postponed|withdrawn|rejected|removed\s+from\s+(?:this|the)\s+release)|not\s+(?:yet\s+)?(?:been\s+)?(?:implemented|included)|scheduled\s+for\s+(?:implementation|inclusion|the\s+\w+\s+(?:\d{4}\s+)?(?:SEC\s+)?release))(?-u:\b)",
    )
    .expect("not implemented regex")
});

/// A summary's main clause that says the release implements a phase, part or stage of
/// the proposal, or its remaining or last changes, or completes it ("is now complete: its
/// last legal text is in force").
static PHASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:first|second|third|fourth|final|last|next|further|remaining|later|subsequent|another)\s+(?:phase|part|stage|tranche|instalment|step)s?|(?:phase|part|stage|tranche)\s+(?:\d+|one|two|three|four|five|i|ii|iii|iv|v)|remaining\s+(?:changes|legal\s+text|elements|provisions|requirements)|further\s+(?:changes|amendments)|follow[- ](?:up|on)|(?:last|final)\s+(?:legal\s+text|changes|provisions|elements)|(?:is|are|now)\s+complete|completes|completing|completion\s+of)(?-u:\b)",
    )
    .expect("phase regex")
});

/// A correction or a fix ("corrects", "a correction to", "fixes", "errata")…
static CORRECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:correct(?:s|ed|ing|ion|ions)|to\s+correct|rectif(?:y|ies|ied|ication)|errat(?:a|um)|fix|fixes|fixing)(?-u:\b)",
    )
    .expect("correction regex")
});

/// … of a proposal's legal text or implementation, not a correction the proposal makes to
/// the Code ("makes minor corrections to Section L" is a plain summary).
static CORRECTED_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:legal\s+text|implementation|implemented|introduced|changes\s+made|made\s+by|previous|earlier|drafting|(?:SEC)?MP\s?\d+[A-Z]?)(?-u:\b)",
    )
    .expect("corrected text regex")
});

/// A summary sentence that says the proposal was implemented before this release.
static EARLIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:already|previously|originally)\s+(?:been\s+)?implemented|implemented\s+(?:in|at|by|with)\s+(?:the\s+)?(?:previous|last|earlier|prior)|(?:which|that)\s+(?:was|were|had\s+been)\s+implemented)(?-u:\b)",
    )
    .expect("earlier regex")
});

/// Whether a line starts with a proposal id (`MP080`, `SECMP0007`, `**MP210**`).
fn opens_with_proposal(text: &str, line: &Line) -> bool {
    let t = text[line.trimmed()].trim_start_matches(['*', '_']);
    PROPOSAL.find(t).is_some_and(|m| m.start() == 0)
}

/// Whether a line breaks off mid-sentence ("… amends Section A, and"): the next line goes
/// on with it.
fn runs_on(line: &str) -> bool {
    let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
    line.ends_with([',', ';', '-', '–'])
        || [
            "and", "or", "of", "the", "to", "by", "with", "for", "in", "a", "an",
        ]
        .contains(&last)
}

/// A count as notes write it: digits of any size, or words from "zero" to "ninety-nine",
/// with hundreds ("one hundred and twenty-two"). Teens and tens come before the units so
/// "seventeen" is not read as "seven".
const COUNT: &str = r"(?:\d+|zero|(?:BELOW)\s+hundred(?:\s+(?:and\s+)?(?:BELOW))?|BELOW)";
const BELOW_HUNDRED: &str = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine";

static STATED_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    let count = COUNT.replace("BELOW", BELOW_HUNDRED);
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:({count})\s+(?:new\s+)?Modification\s+Proposals?|following\s+({count})\s+modifications?)(?-u:\b)"
    ))
    .expect("count regex")
});

/// "one" to "nineteen".
pub(crate) const NUMBER_WORDS: [&str; 19] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// "twenty" to "ninety".
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The value of a count matched by [`COUNT`]; digits too large for a `u32` saturate (no
/// real count comes near, so the comparison still fails as it should).
fn count_value(written: &str) -> Option<u32> {
    if written.bytes().all(|b| b.is_ascii_digit()) {
        return Some(written.parse::<u32>().unwrap_or(u32::MAX));
    }
    let (mut total, mut current) = (0u32, 0u32);
    for word in written.split(|c: char| c == '-' || c.is_whitespace()) {
        let word = word.to_ascii_lowercase();
        if word.is_empty() || word == "and" || word == "zero" {
            continue;
        }
        if word == "hundred" {
            total += current * 100;
            current = 0;
        } else if let Some(i) = TENS.iter().position(|t| *t == word) {
            current += 20 + 10 * i as u32;
        } else {
            current += NUMBER_WORDS.iter().position(|x| *x == word)? as u32 + 1;
        }
    }
    Some(total + current)
}

/// A count written in words ("five", "twenty-two"), as [`find_stated_count`] reads it.
#[cfg(feature = "generator")]
pub(crate) fn count_from_words(words: &str) -> Option<u32> {
    (!words.bytes().all(|b| b.is_ascii_digit()))
        .then(|| count_value(words))
        .flatten()
}

/// `n` in words, as a note writes a count ("four", "twenty-two"); `None` past ninety-nine.
pub(crate) fn count_in_words(n: usize) -> Option<String> {
    match n {
        0 => Some("zero".to_string()),
        1..=19 => Some(NUMBER_WORDS[n - 1].to_string()),
        20..=99 if n.is_multiple_of(10) => Some(TENS[n / 10 - 2].to_string()),
        20..=99 => Some(format!("{}-{}", TENS[n / 10 - 2], NUMBER_WORDS[n % 10 - 1])),
        _ => None,
    }
}

pub(super) fn find_stated_count(text: &str) -> Option<StatedCount> {
    // "five Modification Proposals", or "the following ten modifications"; never a
    // number glued to what comes before it (the "22" of "MP22").
    let c = STATED_COUNT.captures_iter(text).find(|c| {
        let start = c.get(1).or_else(|| c.get(2)).map_or(0, |m| m.start());
        !text[..start]
            .chars()
            .next_back()
            .is_some_and(|p| p == '-' || p.is_alphanumeric())
    })?;
    let n = c.get(1).or_else(|| c.get(2))?;
    let value = count_value(n.as_str())?;
    Some(StatedCount {
        value,
        span: n.range(),
        phrase_span: c.get(0)?.range(),
    })
}
