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
use super::text::{contains_ci, quoted_after};
use super::{ProposalKind, ProposalMention, StatedCount};

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
        let raw = m.as_str();
        let mut suffix = None;
        if raw.as_bytes()[raw.len() - 1].is_ascii_uppercase() {
            // MP102A: the letter is a suffix only if the word ends there.
            if e < b.len() && b[e].is_ascii_alphanumeric() {
                continue;
            }
            suffix = Some(raw.as_bytes()[raw.len() - 1] as char);
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

/// Indices into `proposals` of the Modification Proposals that open a paragraph or a
/// bullet of the summary; see [`ReleaseNote::summarised`](super::ReleaseNote::summarised).
pub(super) fn summarised(
    text: &str,
    lines: &[Line],
    skip_until: usize,
    headings: &[(usize, SectionKind)],
    proposals: &[ProposalMention],
) -> Vec<usize> {
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
    for region in regions {
        for i in region {
            let line = &lines[i];
            if line.is_blank() || headings.iter().any(|h| h.0 == i) {
                continue;
            }
            let start = match bullet_text(text, line) {
                Some(b) => b.start,
                // A line after a finished sentence opens a paragraph too: text pasted
                // without blank lines; so does each line of a list of proposals written
                // one per line ("MP080 ‘Title’Implemented").
                None if i == 0
                    || lines[i - 1].is_blank()
                    || headings.iter().any(|h| h.0 == i - 1)
                    || text[lines[i - 1].trimmed()].ends_with(['.', ':'])
                    || (opens_with_proposal(text, &lines[i - 1])
                        && !runs_on(&text[lines[i - 1].trimmed()])
                        && opens_with_proposal(text, line)) =>
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
            if proposals
                .get(k)
                .is_some_and(|p| p.span.start == start && p.kind == ProposalKind::Modification)
            {
                out.push(k);
            }
        }
    }
    out
}

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

static STATED_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|\d{1,3})\s+(?:new\s+)?Modification\s+Proposals?|following\s+(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|\d{1,3})\s+modifications?)(?-u:\b)",
    )
    .expect("count regex")
});

/// "one" to "twenty", as notes write a count of proposals.
pub(crate) const NUMBER_WORDS: [&str; 20] = [
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
    "twenty",
];

pub(super) fn find_stated_count(text: &str) -> Option<StatedCount> {
    let c = STATED_COUNT.captures(text)?;
    // "five Modification Proposals", or "the following ten modifications".
    let n = c.get(1).or_else(|| c.get(2))?;
    let w = n.as_str();
    let value = match w.parse::<u32>() {
        Ok(v) => v,
        Err(_) => {
            NUMBER_WORDS
                .iter()
                .position(|x| x.eq_ignore_ascii_case(w))? as u32
                + 1
        }
    };
    Some(StatedCount {
        value,
        span: n.range(),
        phrase_span: c.get(0)?.range(),
    })
}
