//! Release notes: the prose SECAS publishes with each SEC release.
//!
//! The shape, in `.txt` (plain lines, `•` bullets) or `.md` (`#` headings, `-`/`*`
//! bullets): an optional breadcrumb line ending in `»`, a title line naming the SEC
//! version ("SEC v57.0 published for …"), a date line, an opening paragraph ("SEC version
//! 57.0 came into effect on 24 February 2022 … This included five Modification
//! Proposals."), a summary per Modification Proposal, a "What parts of the SEC were
//! affected?" list, then "Where can I access the legal text?" and further information.
//!
//! [`parse_release_note`] never fails: whatever is missing is `None` or empty.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::names::{DocumentId, DocumentKind, Version, kind_from_word};
use crate::parse::dates::{DateMention, find_dates};

/// What a release note says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReleaseNote {
    /// The title line (without a Markdown `#`), after any breadcrumb line.
    pub title_span: Option<Range<usize>>,
    /// The SEC version the note is about: the first of `version_mentions`.
    pub version: Option<(Version, Range<usize>)>,
    /// Every "SEC version X" / "SEC vX" in the title and the opening paragraphs (before the
    /// first section heading); the span covers the number only.
    pub version_mentions: Vec<(Version, Range<usize>)>,
    /// The date the release took effect: from "came into effect on <date>", else from
    /// "On <date>, … came into effect" (one sentence), else the date line.
    pub effective_date: Option<DateMention>,
    /// A line under the title that holds nothing but a date.
    pub date_line: Option<DateMention>,
    /// Every Modification or Draft Proposal mentioned anywhere, in text order.
    pub proposals: Vec<ProposalMention>,
    /// "This included five Modification Proposals": the first such statement.
    pub stated_count: Option<StatedCount>,
    /// The Modification Proposals the note summarises: indices into `proposals` of each
    /// one that opens a paragraph or bullet of the summary, in text order. The summary is
    /// every section whose heading names it ("Summary of changes"); a note without such a
    /// heading is read from the title down to the affected list. "MP204A … is the
    /// alternative solution to MP204" summarises MP204A only, and a proposal under another
    /// heading ("Implementation of the SECMP0007 CTSD legal text") is not counted.
    pub summarised: Vec<usize>,
    /// The "What parts of the SEC were affected?" heading line.
    pub affected_heading: Option<Range<usize>>,
    /// The bullets under it.
    pub affected: Vec<AffectedEntry>,
    /// Documents the prose says were changed; see [`parse_release_note`] for the heuristic.
    pub changed_mentions: Vec<ChangedMention>,
}

/// A Draft Proposal becomes a Modification Proposal with the same number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProposalKind {
    /// `MP116`, `MP102A`, and the older `SECMP0007`.
    Modification,
    /// `DP189`.
    Draft,
}

/// One mention of a proposal, with the title in quotes that follows it, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProposalMention {
    /// Normalised: `MP116`, `MP102A`, `DP189`, `SECMP0001` (also for "SECMP 0001").
    pub id: String,
    pub kind: ProposalKind,
    /// The number as a value: `MP0096` and `MP96` are both 96.
    pub number: u32,
    /// The alternative-solution letter of `MP102A`.
    pub suffix: Option<char>,
    pub span: Range<usize>,
    /// The title without its quotes.
    pub title: Option<String>,
    pub title_span: Option<Range<usize>>,
}

/// "five Modification Proposals": the value and the span of the number word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatedCount {
    pub value: u32,
    pub span: Range<usize>,
    /// The whole phrase, number to "Proposals".
    pub phrase_span: Range<usize>,
}

/// One bullet of the "What parts of the SEC were affected?" list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AffectedEntry {
    /// `None` when the bullet does not start by naming a Section, Schedule or Appendix.
    pub document: Option<DocumentId>,
    /// "Section A", "Appendix AC", "Schedule 9" (an "SEC " in front is not included).
    pub document_span: Option<Range<usize>>,
    /// The title in quotes, or after a dash or colon ("Schedule 9 – SMETS2 v4.0"), or the
    /// rest of the bullet when it is neither quoted nor in brackets.
    pub title: Option<String>,
    pub title_span: Option<Range<usize>>,
    /// Text after the title, such as "(not currently available on CodeWorks)".
    pub note_span: Option<Range<usize>>,
    /// The bullet's text, without the bullet mark.
    pub line_span: Range<usize>,
}

/// A document the prose says was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedMention {
    pub document: DocumentId,
    /// The reference as written: "Section H8.16" (an "SEC " in front is not included); for
    /// the second and later items of "Sections A and J", the bare designator.
    pub span: Range<usize>,
    /// A title in quotes right after the reference.
    pub title: Option<String>,
    pub title_span: Option<Range<usize>>,
    /// The change verb the mention was attributed to ("amend", "re-designated", …).
    pub verb_span: Range<usize>,
}

/// Reads a release note.
///
/// # Changed documents: the heuristic
///
/// Precision over recall: a document is reported only when the sentence says plainly that
/// it changed.
///
/// * **Where.** Only prose paragraphs are read: the opening paragraphs and the sections
///   under headings other than the affected list, "Where can I access …" (and any heading
///   about redlines) and "Where can I find …". Headings, the title and the date line are
///   not read. A sentence that mentions redlines, "can be found", the Document Log or
///   CodeWorks is skipped.
/// * **What.** A document reference is "Section H", "Section H8.16", "Section J1.2(b)",
///   "Schedule 11", "Appendix AC", optionally after "SEC"; lists after a plural ("Sections A
///   and J", "Appendices A, B and C") give one mention per item. External instruments
///   ("section 88(1) of the Energy Act 2008") are not references. Quoted text (titles of
///   documents and proposals) is masked: neither verbs nor references inside quotes count.
/// * **Change verbs.** implement, amend(ment), insert, remove, delete, replace, renumber, designate / re-designate /
///   designation, modify, "changes to/in", "made to", in their inflected forms.
/// * **Attribution.** A reference counts when a change verb *precedes* it in the same
///   sentence within 12 words, with no `;`, no clause word ("so", "which", "where",
///   "because", "while", "whereas", "although", "if", "unless", "when", "but") and no comma
///   other than a list comma (one right after another reference or its quoted title) in
///   between ("MP146 will remove the date … from SEC Section H8.16"; "amend Section A,
///   Section I and Section M"; not "Section M was amended, and Section P …"); or when a
///   *passive* change verb ("has also been implemented", "has been re-designated": one of
///   be/been/being/is/are/was/were among the three words before the verb) *follows* it
///   within 15 words with no comma, `;` or clause word in between ("The SEC Appendix R
///   ‘…’ (CTSD) legal text … has also been implemented").
/// * **Blocked.** A reference right after "required by", "pursuant to", "in accordance
///   with", "set out in", "defined in", "referred to in", "under", "in line with",
///   "consistent with", "as per", "according to", "described in", "specified in", "see",
///   "governed by", "permitted by" or "directed by" never counts ("As required by SEC
///   Section L ‘…’ 14.8, the DCC has consulted …").
pub fn parse_release_note(text: &str) -> ReleaseNote {
    let lines = split_lines(text);
    let mut note = ReleaseNote::default();

    // Title, after a breadcrumb line ending in "»".
    let mut non_blank = lines.iter().enumerate().filter(|(_, l)| !l.is_blank());
    let mut title_idx = non_blank.next().map(|(i, _)| i);
    if let Some(i) = title_idx
        && is_breadcrumb(&text[lines[i].trimmed()])
    {
        title_idx = non_blank.next().map(|(i, _)| i);
    }
    let skip_until = title_idx.map_or(0, |i| i + 1);
    note.title_span = title_idx.map(|i| heading_text(text, &lines[i]));

    // Sections: headings split the rest of the note.
    let mut headings: Vec<(usize, SectionKind)> = Vec::new();
    for i in skip_until..lines.len() {
        if is_heading(text, &lines, i) {
            let h = &text[heading_text(text, &lines[i])];
            headings.push((i, section_kind(h)));
        }
    }
    let head_end_line = headings.first().map_or(lines.len(), |h| h.0);
    let head_end = lines.get(head_end_line).map_or(text.len(), |l| l.start);

    // Versions: the title line and the opening paragraphs.
    if let Some(i) = title_idx {
        let t = lines[i].trimmed();
        collect_versions(text, t.start..t.end, &mut note.version_mentions);
    }
    let body_start = title_idx.map_or(0, |i| lines[i].end);
    if body_start < head_end {
        collect_versions(text, body_start..head_end, &mut note.version_mentions);
    }
    note.version = note.version_mentions.first().cloned();

    // Dates in the opening part.
    let head_dates: Vec<DateMention> = find_dates(&text[body_start.min(head_end)..head_end])
        .into_iter()
        .map(|m| shift_mention(m, body_start.min(head_end)))
        .collect();
    note.date_line = head_dates
        .iter()
        .find(|m| {
            lines[skip_until..head_end_line.max(skip_until)]
                .iter()
                .any(|l| !l.is_blank() && l.trimmed() == m.full_span())
        })
        .cloned();
    note.effective_date = head_dates
        .iter()
        .find(|m| stated_effect_on(text, m))
        .or_else(|| {
            head_dates
                .iter()
                .find(|m| on_date_came_into_effect(text, m))
        })
        .cloned()
        .or_else(|| note.date_line.clone());

    note.proposals = find_proposals(text);
    note.stated_count = find_stated_count(text);
    note.summarised = summarised(text, &lines, skip_until, &headings, &note.proposals);

    // The affected list.
    if let Some(&(h, _)) = headings.iter().find(|h| h.1 == SectionKind::Affected) {
        note.affected_heading = Some(heading_text(text, &lines[h]));
        for line in &lines[h + 1..] {
            if line.is_blank() {
                continue;
            }
            match bullet_text(text, line) {
                Some(b) => note.affected.push(affected_entry(text, b)),
                None => break,
            }
        }
    }

    // Changed documents, from the prose paragraphs.
    let mut kind = SectionKind::Prose;
    let mut next_heading = headings.iter().peekable();
    let mut para: Option<Range<usize>> = None;
    let flush = |para: &mut Option<Range<usize>>, out: &mut Vec<ChangedMention>| {
        if let Some(p) = para.take() {
            changed_in_paragraph(text, p, out);
        }
    };
    for (i, line) in lines.iter().enumerate().skip(skip_until) {
        if next_heading.peek().is_some_and(|h| h.0 == i) {
            flush(&mut para, &mut note.changed_mentions);
            kind = next_heading.next().map_or(SectionKind::Prose, |h| h.1);
            continue;
        }
        if kind != SectionKind::Prose
            || line.is_blank()
            || note
                .date_line
                .as_ref()
                .is_some_and(|d| line.trimmed() == d.full_span())
        {
            flush(&mut para, &mut note.changed_mentions);
            continue;
        }
        if let Some(b) = bullet_text(text, line) {
            flush(&mut para, &mut note.changed_mentions);
            changed_in_paragraph(text, b, &mut note.changed_mentions);
            continue;
        }
        let t = line.trimmed();
        para = Some(para.map_or(t.clone(), |p| p.start..t.end));
    }
    flush(&mut para, &mut note.changed_mentions);
    note
}

// ---------------------------------------------------------------------------------------
// Lines and sections

/// "June 2021 SEC Release »": a navigation trail left above the title by the web page.
fn is_breadcrumb(line: &str) -> bool {
    line.ends_with(['»', '›']) || line.ends_with(" >")
}

struct Line {
    start: usize,
    /// End of the content, before `\r\n`.
    end: usize,
    /// The content without surrounding white space.
    tstart: usize,
    tend: usize,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.tstart == self.tend
    }
    fn trimmed(&self) -> Range<usize> {
        self.tstart..self.tend
    }
}

fn split_lines(text: &str) -> Vec<Line> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    if text.starts_with('\u{feff}') {
        pos = 3;
    }
    while pos < b.len() {
        let nl = memchr::memchr(b'\n', &b[pos..]).map_or(b.len(), |i| pos + i);
        let mut end = nl;
        if end > pos && b[end - 1] == b'\r' {
            end -= 1;
        }
        let s = &text[pos..end];
        let tstart = pos + (s.len() - s.trim_start().len());
        let tend = tstart + s.trim().len();
        out.push(Line {
            start: pos,
            end,
            tstart,
            tend,
        });
        pos = nl + 1;
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SectionKind {
    /// Summary and other prose: read for changed documents.
    Prose,
    Affected,
    /// "Where can I access the legal text?" and anything about redlines.
    LegalText,
    /// "Where can I find further information?"
    FurtherInfo,
}

fn section_kind(heading: &str) -> SectionKind {
    let h = heading.to_ascii_lowercase();
    if h.contains("what parts") && h.contains("affected") {
        SectionKind::Affected
    } else if h.starts_with("where can i access") || h.contains("redlin") {
        SectionKind::LegalText
    } else if h.starts_with("where can i") || h.contains("further information") {
        SectionKind::FurtherInfo
    } else {
        SectionKind::Prose
    }
}

/// The heading's words: without a Markdown `#` prefix or `**` emphasis.
fn heading_text(text: &str, line: &Line) -> Range<usize> {
    let mut r = line.trimmed();
    let s = &text[r.clone()];
    let hashes = s.len() - s.trim_start_matches('#').len();
    if hashes > 0 {
        r.start += hashes;
    }
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    r.start += lead;
    let s = &text[r.clone()];
    if s.len() > 4 && s.starts_with("**") && s.ends_with("**") {
        r = r.start + 2..r.end - 2;
    }
    let s = &text[r.clone()];
    let t = s.trim_end_matches('#').trim_end();
    r.start..r.start + t.len()
}

/// A Markdown heading, or in plain text a short stand-alone line that does not read as a
/// sentence: between blank lines, capitalised, no final `.`, `:`, `,` or `;`, not a
/// bullet and not just a date.
fn is_heading(text: &str, lines: &[Line], i: usize) -> bool {
    let line = &lines[i];
    if line.is_blank() {
        return false;
    }
    let s = &text[line.trimmed()];
    if s.starts_with('#') {
        return true;
    }
    if bullet_text(text, line).is_some() {
        return false;
    }
    let h = &text[heading_text(text, line)];
    let lower = h.to_ascii_lowercase();
    let known = [
        "summary of changes",
        "what parts of the sec",
        "where can i ",
    ]
    .iter()
    .any(|k| lower.starts_with(k));
    let alone = (i == 0 || lines[i - 1].is_blank()) && lines.get(i + 1).is_none_or(Line::is_blank);
    // A known heading needs no blank lines around it (text pasted without them).
    if known && (alone || (h.len() <= 60 && !h.ends_with(['.', ',', ';']))) {
        return true;
    }
    alone
        && h.len() <= 90
        && h.split_whitespace().count() <= 12
        && h.chars().next().is_some_and(char::is_uppercase)
        && !h.ends_with(['.', ':', ',', ';'])
        && find_dates(h)
            .first()
            .is_none_or(|m| m.full_span() != (0..h.len()))
}

/// The text of a bullet line after its mark (`•`, `-`, `*`, `‣`, `◦`, `▪`), if it is one.
fn bullet_text(text: &str, line: &Line) -> Option<Range<usize>> {
    let s = &text[line.trimmed()];
    let mark = ['•', '-', '*', '‣', '◦', '▪']
        .into_iter()
        .find(|&m| s.starts_with(m))?;
    let rest = &s[mark.len_utf8()..];
    if !rest.starts_with(char::is_whitespace) || (mark == '*' && rest.trim_start().starts_with('*'))
    {
        return None;
    }
    let start = line.tstart + mark.len_utf8() + (rest.len() - rest.trim_start().len());
    (start < line.tend).then_some(start..line.tend)
}

// ---------------------------------------------------------------------------------------
// Versions and dates

static SEC_VERSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bSEC\s+(?:[Vv]ersion\s+|[Vv]\.?\s?)(\d+(?:\.\d+)+)\b").expect("version regex")
});

fn collect_versions(text: &str, r: Range<usize>, out: &mut Vec<(Version, Range<usize>)>) {
    for c in SEC_VERSION.captures_iter(&text[r.clone()]) {
        if let Some(g) = c.get(1)
            && let Some(v) = Version::parse(g.as_str())
        {
            out.push((v, r.start + g.start()..r.start + g.end()));
        }
    }
}

fn shift_mention(mut m: DateMention, by: usize) -> DateMention {
    m.span = m.span.start + by..m.span.end + by;
    if let Some((_, w)) = m.weekday.as_mut() {
        *w = w.start + by..w.end + by;
    }
    m
}

fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.is_char_boundary(s.len() - suffix.len())
        && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// "… came into effect on <date>", "… took effect on", "effective from", "with effect from".
fn stated_effect_on(text: &str, m: &DateMention) -> bool {
    let before = text[..m.full_span().start].trim_end();
    [
        "into effect on",
        "took effect on",
        "effective from",
        "effective on",
        "effect from",
    ]
    .iter()
    .any(|p| ends_with_ci(before, p))
}

/// "On <date>, <anything> came into effect" in one sentence.
fn on_date_came_into_effect(text: &str, m: &DateMention) -> bool {
    let start = m.full_span().start;
    let before = text[..start].trim_end();
    if !before.ends_with("On") {
        return false;
    }
    let pre = before[..before.len() - 2].trim_end_matches([' ', '\t']);
    if !(pre.is_empty() || pre.ends_with(['\n', '.', '#'])) {
        return false;
    }
    let mut limit = (m.span.end + 1000).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let after = &text[m.span.end..limit];
    let sentence_end = after
        .find(". ")
        .or_else(|| after.find('\n'))
        .unwrap_or(after.len());
    let sentence = &after[..sentence_end];
    after.starts_with(',') && (sentence.contains("into effect") || sentence.contains("took effect"))
}

// ---------------------------------------------------------------------------------------
// Proposals

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

/// A quoted title starting after spaces at `pos`, on the same line: the span of what is
/// inside the quotes.
fn quoted_after(text: &str, pos: usize) -> Option<Range<usize>> {
    let rest = &text[pos..];
    let ws = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let open = pos + ws;
    let (inner_start, close) = quote_at(text, open)?;
    let inner = text[inner_start..close].trim();
    if inner.is_empty() {
        return None;
    }
    let lead = text[inner_start..close].len() - text[inner_start..close].trim_start().len();
    Some(inner_start + lead..inner_start + lead + inner.len())
}

/// If a quote opens at `open`, the start of its content and the position of its closing
/// quote on the same line. A `’` or `'` followed by a letter is an apostrophe, not a close.
fn quote_at(text: &str, open: usize) -> Option<(usize, usize)> {
    let c = text[open..].chars().next()?;
    let closer = match c {
        '‘' => '’',
        '“' => '”',
        '\'' => '\'',
        '"' => '"',
        _ => return None,
    };
    let start = open + c.len_utf8();
    let mut limit = (start + MAX_QUOTE_BYTES).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let line_end = text[start..limit].find('\n').map_or(limit, |i| start + i);
    let mut from = start;
    while let Some(i) = text[from..line_end].find(closer) {
        let at = from + i;
        let after = text[at + closer.len_utf8()..].chars().next();
        let apostrophe = matches!(closer, '’' | '\'') && after.is_some_and(char::is_alphabetic);
        if !apostrophe {
            return Some((start, at));
        }
        from = at + closer.len_utf8();
    }
    None
}

/// Indices into `proposals` of the Modification Proposals that open a paragraph or a
/// bullet of the summary; see [`ReleaseNote::summarised`].
fn summarised(
    text: &str,
    lines: &[Line],
    skip_until: usize,
    headings: &[(usize, SectionKind)],
    proposals: &[ProposalMention],
) -> Vec<usize> {
    let is_summary = |i: usize| contains_ci(&text[heading_text(text, &lines[i])], "summary");
    let any_summary = headings.iter().any(|h| is_summary(h.0));
    // Line ranges to read: the summary sections, or the prose above the affected list.
    let mut regions: Vec<Range<usize>> = Vec::new();
    if any_summary {
        for (k, h) in headings.iter().enumerate() {
            if h.1 == SectionKind::Prose && is_summary(h.0) {
                let end = headings.get(k + 1).map_or(lines.len(), |n| n.0);
                regions.push(h.0 + 1..end);
            }
        }
    } else {
        let end = headings
            .iter()
            .find(|h| h.1 != SectionKind::Prose)
            .map_or(lines.len(), |h| h.0);
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
                // without blank lines.
                None if i == 0
                    || lines[i - 1].is_blank()
                    || headings.iter().any(|h| h.0 == i - 1)
                    || text[lines[i - 1].trimmed()].ends_with(['.', ':']) =>
                {
                    line.tstart
                }
                None => continue,
            };
            // Past Markdown emphasis: "**MP210** …".
            let start =
                start + text[start..].len() - text[start..].trim_start_matches(['*', '_']).len();
            if let Some(k) = proposals
                .iter()
                .position(|p| p.span.start == start && p.kind == ProposalKind::Modification)
            {
                out.push(k);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Stated count

static STATED_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|\d{1,3})\s+(?:new\s+)?Modification\s+Proposals?(?-u:\b)",
    )
    .expect("count regex")
});

const NUMBER_WORDS: [&str; 20] = [
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

fn find_stated_count(text: &str) -> Option<StatedCount> {
    let c = STATED_COUNT.captures(text)?;
    let n = c.get(1)?;
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

// ---------------------------------------------------------------------------------------
// The affected list

static ENTRY_DOC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:SEC\s+)?(Section|Schedule|Appendix)\s+([A-Z]{1,2}|[1-9]\d{0,2})(?:$|[^A-Za-z0-9])",
    )
    .expect("entry regex")
});

fn affected_entry(text: &str, line: Range<usize>) -> AffectedEntry {
    let s = &text[line.clone()];
    let mut entry = AffectedEntry {
        document: None,
        document_span: None,
        title: None,
        title_span: None,
        note_span: None,
        line_span: line.clone(),
    };
    let Some(c) = ENTRY_DOC.captures(s) else {
        return entry;
    };
    let (Some(word), Some(des)) = (c.get(1), c.get(2)) else {
        return entry;
    };
    let Some(kind) = kind_from_word(word.as_str()) else {
        return entry;
    };
    let is_schedule = kind == DocumentKind::Schedule;
    if is_schedule != des.as_str().as_bytes()[0].is_ascii_digit()
        || (kind == DocumentKind::Section && des.as_str().len() != 1)
    {
        return entry;
    }
    entry.document = DocumentId::new(kind, des.as_str());
    entry.document_span = Some(line.start + word.start()..line.start + des.end());
    let after = line.start + des.end();
    let rest = &text[after..line.end];
    let rest_t = rest.trim_start();
    let rest_start = after + (rest.len() - rest_t.len());
    let title = if let Some(t) = quoted_after(text, rest_start) {
        Some(t)
    } else if let Some(sep) = ['–', '—', '-', ':']
        .into_iter()
        .find(|&c| rest_t.starts_with(c))
    {
        let r = rest_start + sep.len_utf8();
        let t = &text[r..line.end];
        let lead = t.len() - t.trim_start().len();
        (!t.trim().is_empty()).then(|| r + lead..r + lead + t.trim().len())
    } else if !rest_t.is_empty() && !rest_t.starts_with('(') {
        Some(rest_start..line.end)
    } else {
        None
    };
    if let Some(t) = title {
        entry.title = Some(text[t.clone()].to_string());
        // Skip a closing quote after the title, then anything left is a note.
        let mut after_title = t.end;
        if let Some(c) = text[after_title..line.end].chars().next()
            && "’”'\"".contains(c)
        {
            after_title += c.len_utf8();
        }
        let n = &text[after_title..line.end];
        if !n.trim().is_empty() {
            let lead = n.len() - n.trim_start().len();
            entry.note_span = Some(after_title + lead..line.end);
        }
        entry.title_span = Some(t);
    } else if !rest_t.is_empty() {
        entry.note_span = Some(rest_start..line.end);
    }
    entry
}

// ---------------------------------------------------------------------------------------
// Changed documents

static CHANGE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:implement(?:s|ed|ing)?|amend(?:s|ed|ing|ment|ments)?|insert(?:s|ed|ing)?|remov(?:e|es|ed|ing)|delet(?:e|es|ed|ing)|replac(?:e|es|ed|ing)|renumber(?:s|ed|ing)?|(?:re-?)?designat(?:e|es|ed|ing|ion)|changes\s+(?:to|in)|made\s+to|modif(?:y|ies|ied|ying))(?-u:\b)",
    )
    .expect("verb regex")
});

static DOC_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(Sections?|Schedules?|Appendix|Appendices)[ \t\u{a0}]+").expect("doc regex")
});

const BLOCKERS: &[&str] = &[
    "required by",
    "pursuant to",
    "accordance with",
    "set out in",
    "defined in",
    "referred to in",
    "under",
    "in line with",
    "consistent with",
    "as per",
    "according to",
    "described in",
    "specified in",
    "see",
    "governed by",
    "permitted by",
    "directed by",
];

const CLAUSE_WORDS: &[&str] = &[
    "so", "which", "where", "because", "while", "whereas", "although", "if", "unless", "when",
    "but",
];

const AUXILIARIES: &[&str] = &["be", "been", "being", "is", "are", "was", "were"];

/// No verb is attributed to a reference further away than this (it bounds the work on
/// pathological paragraphs; the word limits are far tighter in practice).
const MAX_GAP_BYTES: usize = 600;

/// Quoted titles longer than this are not looked for.
const MAX_QUOTE_BYTES: usize = 400;

struct DocRef {
    document: DocumentId,
    span: Range<usize>,
    /// Where the reference's phrase starts (the family word), for the blocker check.
    phrase_start: usize,
}

fn changed_in_paragraph(text: &str, para: Range<usize>, out: &mut Vec<ChangedMention>) {
    for sentence in sentences(text, para) {
        changed_in_sentence(text, sentence, out);
    }
}

/// Sentence ranges: a `.`, `?` or `!` followed by white space and a capital, digit or
/// quote ends a sentence ("H8.16" and "e.g. the" do not).
fn sentences(text: &str, para: Range<usize>) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = para.start;
    let mut i = para.start;
    while i < para.end {
        if matches!(b[i], b'.' | b'?' | b'!') && i + 1 < para.end && b[i + 1].is_ascii_whitespace()
        {
            let mut j = i + 1;
            while j < para.end && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let next = text[j..para.end].chars().next();
            if next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "‘“'\"(".contains(c))
            {
                out.push(start..i + 1);
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < para.end {
        out.push(start..para.end);
    }
    out
}

fn changed_in_sentence(text: &str, s: Range<usize>, out: &mut Vec<ChangedMention>) {
    let sentence = &text[s.clone()];
    for skip in ["redlin", "can be found", "document log", "codeworks"] {
        if contains_ci(sentence, skip) {
            return;
        }
    }
    let quotes = quoted_regions(text, s.clone());
    let in_quotes = |p: usize| {
        let k = quotes.partition_point(|q| q.end <= p);
        quotes.get(k).is_some_and(|q| q.contains(&p))
    };
    let verbs: Vec<Range<usize>> = CHANGE_VERB
        .find_iter(sentence)
        .map(|m| s.start + m.start()..s.start + m.end())
        .filter(|v| !in_quotes(v.start))
        .collect();
    if verbs.is_empty() {
        return;
    }
    let refs: Vec<DocRef> = doc_refs(text, s.clone())
        .into_iter()
        .filter(|r| !in_quotes(r.span.start))
        .collect();
    // A comma is a list comma when a reference (and perhaps its quoted title) ends just
    // before it: "amend Section A ‘…’, Section I and Section M".
    let list_comma = |c: usize| {
        let k = refs.partition_point(|r| r.span.end <= c);
        k > 0 && words_outside(text, refs[k - 1].span.end..c, &quotes).is_empty()
    };
    for r in &refs {
        if blocked(text, s.start, r.phrase_start) {
            continue;
        }
        let before = verbs.partition_point(|v| v.end <= r.phrase_start);
        let active = verbs[..before]
            .iter()
            .rev()
            .take_while(|v| r.phrase_start - v.end <= MAX_GAP_BYTES)
            .find(|v| {
                let gap = words_outside(text, v.end..r.phrase_start, &quotes);
                gap.len() <= 12
                    && !gap.iter().any(|w| w.contains(';') || is_clause_word(w))
                    && commas_outside(text, v.end..r.phrase_start, &quotes).all(&list_comma)
            });
        let passive = || {
            let after = verbs.partition_point(|v| v.start < r.span.end);
            verbs[after..]
                .iter()
                .take_while(|v| v.start - r.span.end <= MAX_GAP_BYTES)
                .find(|v| {
                    let gap = words_outside(text, r.span.end..v.start, &quotes);
                    let n = gap.len();
                    n <= 15
                        && gap[n.saturating_sub(3)..]
                            .iter()
                            .any(|w| AUXILIARIES.iter().any(|a| a.eq_ignore_ascii_case(w)))
                        && !gap
                            .iter()
                            .any(|w| w.contains([',', ';']) || is_clause_word(w))
                })
        };
        let Some(verb) = active.or_else(passive) else {
            continue;
        };
        let title = quoted_after(text, r.span.end);
        out.push(ChangedMention {
            document: r.document.clone(),
            span: r.span.clone(),
            title: title.as_ref().map(|t| text[t.clone()].to_string()),
            title_span: title,
            verb_span: verb.clone(),
        });
    }
}

fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    h.len() >= n.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

fn is_clause_word(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    CLAUSE_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w))
}

/// Whether the words before the reference (an "SEC" or "the" aside) end in a phrase that
/// cites rather than changes.
fn blocked(text: &str, sentence_start: usize, phrase_start: usize) -> bool {
    let mut before = text[sentence_start..phrase_start].trim_end();
    for filler in ["SEC", "the", "The"] {
        if let Some(b) = before.strip_suffix(filler)
            && (b.is_empty() || b.ends_with(char::is_whitespace))
        {
            before = b.trim_end();
        }
    }
    BLOCKERS.iter().any(|p| {
        ends_with_ci(before, p) && {
            let head = &before[..before.len() - p.len()];
            head.chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        }
    })
}

/// Quoted stretches in the sentence, quotes included.
fn quoted_regions(text: &str, s: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = s.start;
    while i < s.end {
        let c = text[i..].chars().next().unwrap_or(' ');
        let opens = match c {
            '‘' | '“' | '"' => true,
            // A straight single quote opens only after a space or bracket.
            '\'' => text[..i]
                .chars()
                .next_back()
                .is_none_or(|p| p.is_whitespace() || p == '('),
            _ => false,
        };
        if opens
            && let Some((_, close)) = quote_at(text, i)
            && close < s.end
        {
            let close_len = text[close..].chars().next().map_or(1, char::len_utf8);
            out.push(i..close + close_len);
            i = close + close_len;
            continue;
        }
        i += c.len_utf8();
    }
    out
}

/// Positions of the commas in `text[r]` outside the quoted regions.
fn commas_outside<'a>(
    text: &'a str,
    r: Range<usize>,
    quotes: &'a [Range<usize>],
) -> impl Iterator<Item = usize> + 'a {
    let start = r.start;
    text[r]
        .match_indices(',')
        .map(move |(i, _)| start + i)
        .filter(move |c| {
            let k = quotes.partition_point(|q| q.end <= *c);
            quotes.get(k).is_none_or(|q| !q.contains(c))
        })
}

/// The words of `text[r]` outside the quoted regions.
fn words_outside<'a>(text: &'a str, r: Range<usize>, quotes: &[Range<usize>]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut pos = r.start;
    let mut pieces = Vec::new();
    let first = quotes.partition_point(|q| q.end <= r.start);
    for q in quotes[first..].iter().take_while(|q| q.start < r.end) {
        if q.start > pos {
            pieces.push(pos..q.start);
        }
        pos = pos.max(q.end);
    }
    if pos < r.end {
        pieces.push(pos..r.end);
    }
    for p in pieces {
        out.extend(text[p].split_whitespace());
    }
    out
}

/// Document references in `r`: "Section H8.16", "SEC Appendix AC", "Schedule 11",
/// "Sections A and J".
fn doc_refs(text: &str, r: Range<usize>) -> Vec<DocRef> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for c in DOC_WORD.captures_iter(&text[r.clone()]) {
        let (Some(all), Some(word)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let phrase_start = r.start + all.start();
        if phrase_start > 0 && b[phrase_start - 1].is_ascii_alphanumeric() {
            continue;
        }
        let Some(kind) = kind_from_word(word.as_str()) else {
            continue;
        };
        let plural = word.as_str().ends_with('s');
        let mut pos = r.start + all.end();
        let mut first = true;
        while let Some((des, end)) = designator(text, pos, r.end, kind) {
            if let Some(document) = DocumentId::new(kind, &text[des.clone()]) {
                out.push(DocRef {
                    document,
                    span: if first {
                        phrase_start..end
                    } else {
                        des.start..end
                    },
                    phrase_start,
                });
            }
            first = false;
            if !plural {
                break;
            }
            // ", B", " and C", " & D"
            let rest = &text[end..r.end];
            let sep = [", and ", ", ", " and ", " & "]
                .into_iter()
                .find(|s| rest.starts_with(s));
            match sep {
                Some(s) => pos = end + s.len(),
                None => break,
            }
        }
    }
    out
}

/// The designator at `pos` for a document of `kind`, and the end of the whole reference
/// (with a clause number for Sections: "H8.16", "J1.2(b)", "N4A").
fn designator(
    text: &str,
    pos: usize,
    limit: usize,
    kind: DocumentKind,
) -> Option<(Range<usize>, usize)> {
    let b = &text.as_bytes()[..limit];
    let at = |i: usize| b.get(i).copied().unwrap_or(b' ');
    match kind {
        DocumentKind::Section => {
            if !at(pos).is_ascii_uppercase() {
                return None;
            }
            let mut e = pos + 1;
            if at(e).is_ascii_digit() {
                while at(e).is_ascii_digit()
                    || (at(e) == b'.' && at(e + 1).is_ascii_digit())
                    || (at(e).is_ascii_uppercase() && at(e - 1).is_ascii_digit())
                {
                    e += 1;
                }
                while at(e) == b'(' {
                    let close = (e + 1..b.len().min(e + 8)).find(|&k| b[k] == b')')?;
                    if !b[e + 1..close].iter().all(u8::is_ascii_alphanumeric) {
                        break;
                    }
                    e = close + 1;
                }
            } else if at(e).is_ascii_alphanumeric() {
                return None;
            }
            Some((pos..pos + 1, e))
        }
        DocumentKind::Appendix => {
            let mut e = pos;
            while e < pos + 2 && at(e).is_ascii_uppercase() {
                e += 1;
            }
            (e > pos && !at(e).is_ascii_alphanumeric()).then_some((pos..e, e))
        }
        DocumentKind::Schedule => {
            let mut e = pos;
            while e < pos + 3 && at(e).is_ascii_digit() {
                e += 1;
            }
            let ok = e > pos
                && !at(e).is_ascii_alphanumeric()
                && !(at(e) == b'.' && at(e + 1).is_ascii_digit());
            ok.then_some((pos..e, e))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    const MD_63: &str = include_str!("../../tests/fixtures/extract/release-63.0.md");
    const TXT_59: &str = include_str!("../../tests/fixtures/extract/release-59.0.txt");
    const TXT_36: &str = include_str!("../../tests/fixtures/extract/release-36.0.txt");

    fn doc(name: &str) -> DocumentId {
        DocumentId::from_name(name).unwrap()
    }

    /// (id, kind, number, suffix, text at span, title, text at title span)
    type P<'a> = (
        String,
        ProposalKind,
        u32,
        Option<char>,
        &'a str,
        Option<String>,
        Option<&'a str>,
    );

    fn proposals<'a>(text: &'a str, n: &ReleaseNote) -> Vec<P<'a>> {
        n.proposals
            .iter()
            .map(|p| {
                (
                    p.id.clone(),
                    p.kind,
                    p.number,
                    p.suffix,
                    &text[p.span.clone()],
                    p.title.clone(),
                    p.title_span.clone().map(|s| &text[s]),
                )
            })
            .collect()
    }

    fn p<'a>(
        id: &str,
        kind: ProposalKind,
        number: u32,
        suffix: Option<char>,
        at: &'a str,
        title: Option<&'a str>,
    ) -> P<'a> {
        (
            id.to_string(),
            kind,
            number,
            suffix,
            at,
            title.map(str::to_string),
            title,
        )
    }

    /// (document, text at document span, title, text at title span, note, line)
    type E<'a> = (
        Option<String>,
        Option<&'a str>,
        Option<String>,
        Option<&'a str>,
        Option<&'a str>,
        &'a str,
    );

    fn affected<'a>(text: &'a str, n: &ReleaseNote) -> Vec<E<'a>> {
        n.affected
            .iter()
            .map(|a| {
                (
                    a.document.as_ref().map(|d| d.to_string()),
                    a.document_span.clone().map(|s| &text[s]),
                    a.title.clone(),
                    a.title_span.clone().map(|s| &text[s]),
                    a.note_span.clone().map(|s| &text[s]),
                    &text[a.line_span.clone()],
                )
            })
            .collect()
    }

    /// (document, text at span, title, text at verb span)
    fn changed<'a>(
        text: &'a str,
        n: &ReleaseNote,
    ) -> Vec<(DocumentId, &'a str, Option<&'a str>, &'a str)> {
        n.changed_mentions
            .iter()
            .map(|c| {
                assert_eq!(c.title.as_deref(), c.title_span.clone().map(|s| &text[s]));
                (
                    c.document.clone(),
                    &text[c.span.clone()],
                    c.title_span.clone().map(|s| &text[s]),
                    &text[c.verb_span.clone()],
                )
            })
            .collect()
    }

    fn entry<'a>(d: &str, title: &'a str, note: Option<&'a str>, line: &'a str) -> E<'a> {
        let span = line.strip_prefix("SEC ").unwrap_or(line);
        let span = &span[..d.len()];
        (
            Some(d.to_string()),
            Some(span),
            Some(title.to_string()),
            Some(title),
            note,
            line,
        )
    }

    use ProposalKind::{Draft, Modification};

    #[test]
    fn markdown_note_with_five_proposals() {
        let text = MD_63;
        let n = parse_release_note(text);
        assert_eq!(
            &text[n.title_span.clone().unwrap()],
            "SEC v63.0 published for the November 2022 SEC Release"
        );
        let versions: Vec<(&str, &str)> = n
            .version_mentions
            .iter()
            .map(|(v, s)| (v.as_str(), &text[s.clone()]))
            .collect();
        assert_eq!(versions, [("63.0", "63.0"), ("63.0", "63.0")]);
        let (v, s) = n.version.clone().unwrap();
        assert_eq!(v, Version::parse("63.0").unwrap());
        assert!(text[..s.end].ends_with("SEC v63.0"));

        let eff = n.effective_date.clone().unwrap();
        assert_eq!(eff.date, Date::new(2022, 11, 3));
        assert_eq!(&text[eff.span.clone()], "3 November 2022");
        assert!(text[..eff.span.start].ends_with("came into effect on "));
        let line = n.date_line.clone().unwrap();
        assert_eq!(line.date, Date::new(2022, 11, 3));
        assert_eq!(&text[line.span.clone()], "3 November 2022");
        assert!(text[..line.span.start].ends_with("Release\n\n"));

        assert_eq!(
            proposals(text, &n),
            [
                p(
                    "MP201",
                    Modification,
                    201,
                    None,
                    "MP201",
                    Some("Meter Reading Retry Limits")
                ),
                p(
                    "MP204A",
                    Modification,
                    204,
                    Some('A'),
                    "MP204A",
                    Some("Anomaly Threshold Reporting (Alternative)")
                ),
                p("MP204", Modification, 204, None, "MP204", None),
                p(
                    "MP208",
                    Modification,
                    208,
                    None,
                    "MP208",
                    Some("Communications Hub Returns Window")
                ),
                p(
                    "MP211",
                    Modification,
                    211,
                    None,
                    "MP211",
                    Some("Device Log Housekeeping")
                ),
                p(
                    "MP215",
                    Modification,
                    215,
                    None,
                    "MP215",
                    Some("Outage Alert Timing")
                ),
                p("DP215", Draft, 215, None, "DP215", None),
            ]
        );

        let c = n.stated_count.clone().unwrap();
        assert_eq!((c.value, &text[c.span.clone()]), (5, "five"));
        assert_eq!(&text[c.phrase_span], "five Modification Proposals");

        assert_eq!(
            &text[n.affected_heading.clone().unwrap()],
            "What parts of the SEC were affected?"
        );
        assert_eq!(
            affected(text, &n),
            [
                entry(
                    "Section A",
                    "Definitions and Interpretation",
                    None,
                    "Section A ‘Definitions and Interpretation’"
                ),
                entry(
                    "Section F",
                    "Smart Metering System Requirements",
                    None,
                    "Section F ‘Smart Metering System Requirements’"
                ),
                entry(
                    "Section H",
                    "DCC Services",
                    None,
                    "Section H ‘DCC Services’"
                ),
                entry(
                    "Schedule 9",
                    "SMETS2 v5.1",
                    None,
                    "Schedule 9 – SMETS2 v5.1"
                ),
                entry(
                    "Schedule 11",
                    "TS Applicability Tables",
                    None,
                    "Schedule 11 ‘TS Applicability Tables’"
                ),
                entry(
                    "Appendix AC",
                    "Inventory, Enrolment and Decommissioning Procedures",
                    None,
                    "Appendix AC ‘Inventory, Enrolment and Decommissioning Procedures’"
                ),
                entry(
                    "Appendix AD",
                    "DCC User Interface Specification",
                    None,
                    "Appendix AD ‘DCC User Interface Specification’"
                ),
                entry(
                    "Appendix AF",
                    "Message Mapping Catalogue",
                    None,
                    "Appendix AF ‘Message Mapping Catalogue’"
                ),
            ]
        );

        // Section F (cited "As required by"), Schedule 11 (too far from "removes"), and the
        // legal-text section ("Section H, which amend …", "redlining for … Appendix AC") do
        // not count.
        assert_eq!(
            changed(text, &n),
            [
                (doc("Section H"), "Section H4.22", None, "amend"),
                (doc("Section A"), "Sections A", None, "amendments"),
                (doc("Section H"), "H", None, "amendments"),
                (
                    doc("Appendix AC"),
                    "Appendix AC",
                    Some("Inventory, Enrolment and Decommissioning Procedures"),
                    "inserts"
                ),
            ]
        );
    }

    #[test]
    fn designation_note_without_proposals() {
        let text = TXT_59;
        let n = parse_release_note(text);
        assert_eq!(
            &text[n.title_span.clone().unwrap()],
            "SEC v59.0 implemented to bring in the SMETS1 migration procedures"
        );
        let (v, s) = n.version.clone().unwrap();
        assert_eq!((v.as_str(), &text[s]), ("59.0", "59.0"));
        assert_eq!(n.version_mentions.len(), 1);

        // The effective date comes from "On 13 April 2022, a revised SEC came into effect",
        // not from the date line.
        let eff = n.effective_date.clone().unwrap();
        assert_eq!(eff.date, Date::new(2022, 4, 13));
        assert_eq!(&text[eff.span.clone()], "13 April 2022");
        assert!(text[..eff.span.start].ends_with("\n\nOn "));
        let line = n.date_line.clone().unwrap();
        assert_eq!(&text[line.span.clone()], "13 April 2022");
        assert!(line.span.start < eff.span.start);

        assert!(n.proposals.is_empty());
        assert!(n.stated_count.is_none());

        assert_eq!(
            affected(text, &n),
            [
                entry(
                    "Section N",
                    "SMETS1 Meters",
                    None,
                    "SEC Section N ‘SMETS1 Meters’"
                ),
                entry(
                    "Appendix AM",
                    "SMETS1 Supporting Requirements",
                    None,
                    "SEC Appendix AM ‘SMETS1 Supporting Requirements’"
                ),
                entry(
                    "Appendix AU",
                    "SMETS1 Device Migration Procedures",
                    None,
                    "SEC Appendix AU ‘SMETS1 Device Migration Procedures’"
                ),
            ]
        );

        // "Under SEC Section N … 6.4, the DCC consulted … changes to …" is a citation, not a
        // change.
        assert_eq!(
            changed(text, &n),
            [
                (
                    doc("Appendix AU"),
                    "Appendix AU",
                    Some("SMETS1 Device Migration Procedures"),
                    "designating"
                ),
                (
                    doc("Section N"),
                    "Section N",
                    Some("SMETS1 Meters"),
                    "changes to"
                ),
                (
                    doc("Appendix AM"),
                    "Appendix AM",
                    Some("SMETS1 Supporting Requirements"),
                    "re-designated"
                ),
                (doc("Appendix AU"), "Appendix AU", None, "designated"),
            ]
        );
        let under = text.find("Under SEC Section N").unwrap();
        assert!(
            n.changed_mentions
                .iter()
                .all(|c| c.span.start != under + 10)
        );
    }

    #[test]
    fn breadcrumb_note_with_secmp_paragraph() {
        let text = TXT_36;
        let n = parse_release_note(text);
        // The breadcrumb line is skipped.
        assert_eq!(
            &text[n.title_span.clone().unwrap()],
            "SEC v36.0 published for the February 2021 SEC Release"
        );
        let versions: Vec<&str> = n.version_mentions.iter().map(|(v, _)| v.as_str()).collect();
        assert_eq!(versions, ["36.0", "36.0"]);
        let eff = n.effective_date.clone().unwrap();
        assert_eq!(eff.date, Date::new(2021, 2, 25));
        assert_eq!(&text[eff.span.clone()], "25 February 2021");
        assert!(text[..eff.span.start].ends_with("came into effect on "));
        assert_eq!(&text[n.date_line.clone().unwrap().span], "25 February 2021");

        assert_eq!(
            proposals(text, &n),
            [
                p("MP118", Modification, 118, None, "MP118", None),
                p("MP122A", Modification, 122, Some('A'), "MP122A", None),
                p("MP125", Modification, 125, None, "MP125", None),
                p("MP131", Modification, 131, None, "MP131", None),
                p("SECMP0009", Modification, 9, None, "SECMP 0009", None),
                p(
                    "SECMP0009",
                    Modification,
                    9,
                    None,
                    "SECMP0009",
                    Some("Test Certificates for Device Manufacturers")
                ),
                p("SECMP0009", Modification, 9, None, "SECMP0009", None),
                p("MP131", Modification, 131, None, "MP131", None),
            ]
        );
        let c = n.stated_count.clone().unwrap();
        assert_eq!((c.value, &text[c.span.clone()]), (4, "four"));

        assert_eq!(
            affected(text, &n),
            [
                entry(
                    "Section E",
                    "Registration Data",
                    None,
                    "Section E ‘Registration Data’"
                ),
                entry("Section G", "Security", None, "Section G ‘Security’"),
                entry("Section X", "Transition", None, "Section X ‘Transition’"),
                entry(
                    "Appendix J",
                    "Enduring Testing Approach Document",
                    None,
                    "Appendix J ‘Enduring Testing Approach Document’"
                ),
                entry(
                    "Appendix Q",
                    "IKI Certificate Policy",
                    Some("(not currently available on CodeWorks)"),
                    "Appendix Q ‘IKI Certificate Policy’ (not currently available on CodeWorks)"
                ),
            ]
        );

        assert_eq!(
            changed(text, &n),
            [
                (doc("Section G"), "Section G", Some("Security"), "amend"),
                (doc("Section E"), "Section E2.9", None, "insert"),
                (doc("Section X"), "Section X3.4", None, "remove"),
                (
                    doc("Appendix J"),
                    "Appendix J",
                    Some("Enduring Testing Approach Document"),
                    "implemented"
                ),
            ]
        );
        // The weekday in "Tuesday, 2 February 2021" is not the effective date.
        assert_ne!(eff.date, Date::new(2021, 2, 2));
    }

    #[test]
    fn delete_replace_and_renumber_are_change_verbs() {
        let text = "SEC Release\n\nMP210 will delete Section H4.9. MP211 replaces \
                    Appendix AC. MP212 renumbers Section J1.2.\n";
        let n = parse_release_note(text);
        assert_eq!(
            changed(text, &n),
            [
                (doc("Section H"), "Section H4.9", None, "delete"),
                (doc("Appendix AC"), "Appendix AC", None, "replaces"),
                (doc("Section J"), "Section J1.2", None, "renumbers"),
            ]
        );
    }

    #[test]
    fn crlf_gives_the_same_fields() {
        for text in [MD_63, TXT_59, TXT_36] {
            let crlf = text.replace('\n', "\r\n");
            let a = parse_release_note(text);
            let b = parse_release_note(&crlf);
            let strs = |t: &str, n: &ReleaseNote| -> Vec<String> {
                let mut v: Vec<String> = Vec::new();
                v.extend(n.title_span.clone().map(|s| t[s].to_string()));
                v.extend(
                    n.version_mentions
                        .iter()
                        .map(|(_, s)| t[s.clone()].to_string()),
                );
                v.extend(
                    n.effective_date
                        .iter()
                        .map(|d| t[d.span.clone()].to_string()),
                );
                v.extend(n.date_line.iter().map(|d| t[d.span.clone()].to_string()));
                v.extend(
                    n.proposals
                        .iter()
                        .map(|p| format!("{} {:?}", &t[p.span.clone()], p.title)),
                );
                v.extend(n.stated_count.iter().map(|c| t[c.span.clone()].to_string()));
                v.extend(
                    n.affected
                        .iter()
                        .map(|e| t[e.line_span.clone()].to_string()),
                );
                v.extend(
                    n.affected
                        .iter()
                        .map(|e| format!("{:?}", e.title_span.clone().map(|s| &t[s]))),
                );
                v.extend(
                    n.changed_mentions
                        .iter()
                        .map(|c| t[c.span.clone()].to_string()),
                );
                v
            };
            assert_eq!(strs(text, &a), strs(&crlf, &b));
            assert_eq!(a.affected.len(), b.affected.len());
            assert_eq!(a.changed_mentions.len(), b.changed_mentions.len());
            assert_eq!(a.summarised, b.summarised);
        }
    }

    #[test]
    fn proposal_ids_titles_and_decoys() {
        let text = "Under SECMP 0001 ‘Panel membership’ and SECMP0012, MP102A “Alt solution” \
                    replaced MP102; DP189 'Supplier's orders' and MP7 \"Straight title\" follow. \
                    Not XMP12, MP12B3, SMETS2, MPAN, DP or pre-SMETS2 v4.2 Devices. \
                    MP140 ‘Authority’s review’ ends.";
        let n = parse_release_note(text);
        assert_eq!(
            proposals(text, &n),
            [
                p(
                    "SECMP0001",
                    Modification,
                    1,
                    None,
                    "SECMP 0001",
                    Some("Panel membership")
                ),
                p("SECMP0012", Modification, 12, None, "SECMP0012", None),
                p(
                    "MP102A",
                    Modification,
                    102,
                    Some('A'),
                    "MP102A",
                    Some("Alt solution")
                ),
                p("MP102", Modification, 102, None, "MP102", None),
                p(
                    "DP189",
                    Draft,
                    189,
                    None,
                    "DP189",
                    Some("Supplier's orders")
                ),
                p("MP7", Modification, 7, None, "MP7", Some("Straight title")),
                p(
                    "MP140",
                    Modification,
                    140,
                    None,
                    "MP140",
                    Some("Authority’s review")
                ),
            ]
        );
    }

    #[test]
    fn summarised_proposals_open_paragraphs_of_the_summary() {
        let ids = |t: &str| {
            let n = parse_release_note(t);
            n.summarised
                .iter()
                .map(|&i| n.proposals[i].id.clone())
                .collect::<Vec<_>>()
        };
        // "is the alternative solution to MP204" and "began life as DP215" are not
        // summaries of their own.
        assert_eq!(ids(MD_63), ["MP201", "MP204A", "MP208", "MP211", "MP215"]);
        // SECMP0009 sits under its own heading, not under "Summary of changes".
        assert_eq!(ids(TXT_36), ["MP118", "MP122A", "MP125", "MP131"]);
        assert!(ids(TXT_59).is_empty());
        // Without a summary heading: paragraphs and bullets above the affected list; a
        // paragraph's second line and a Draft Proposal do not count.
        let text = "# SEC v72.0 published\n\n1 March 2023\n\n\
                    SEC version 72.0 came into effect. It included three Modification Proposals:\n\n\
                    - MP301 ‘First’ amends Section H.\n\
                    * MP302 amends Section J, replacing\n\
                    MP299 entirely.\n\n\
                    DP310 was raised.\n\n\
                    SECMP0040 ‘Old style’ amends Appendix AC.\n\n\
                    ## What parts of the SEC were affected?\n\n\
                    - Section H\n\n\
                    ## Further information\n\n\
                    MP303 is next.\n";
        assert_eq!(ids(text), ["MP301", "MP302", "SECMP0040"]);
        // A heading line straight above the paragraph also opens it.
        let text = "SEC v73.0\n\n## Summary of changes\nMP320 ‘X’ amends Section A.\n";
        assert_eq!(ids(text), ["MP320"]);
    }

    #[test]
    fn stated_counts() {
        let count = |t: &str| {
            parse_release_note(t)
                .stated_count
                .map(|c| (c.value, c.span))
        };
        assert_eq!(
            count("It implemented 2 Modification Proposals."),
            Some((2, 15..16))
        );
        assert_eq!(
            count("Twelve Modification Proposals went live."),
            Some((12, 0..6))
        );
        assert_eq!(
            count("This included one Modification Proposal"),
            Some((1, 14..17))
        );
        assert_eq!(count("Seven new Draft Proposals were raised."), None);
        assert_eq!(count("The Modification Proposals listed below."), None);
    }

    #[test]
    fn change_heuristic_decoys() {
        let text = "SEC v70.0 published\n\n\
                    Summary of changes\n\n\
                    MP300 ‘Changes to Section K reporting’ affects charging only. \
                    As required by Section L, the DCC amended its policy. \
                    The DCC will follow Section G when it amends its processes. \
                    MP301 amends the process so that Users follow Section F rules. \
                    MP302 makes changes to Appendices A, B and C; nothing else. \
                    Section M was amended, and Section P is unchanged. \
                    The redlining for Section T, which implements MP303, is published. \
                    MP304 amends Section H10.9 and section 88(1) of the Energy Act 2008. \
                    MP305 will amend Section A ‘Definitions’, Section I and SEC Section N.\n\n\
                    What parts of the SEC were affected?\n\n\
                    • Section K ‘Charging Methodology’ is amended\n\n\
                    Where can I access the legal text?\n\n\
                    The changes to Section J are shown in the redlines.\n";
        let n = parse_release_note(text);
        assert_eq!(
            changed(text, &n),
            [
                (doc("Appendix A"), "Appendices A", None, "changes to"),
                (doc("Appendix B"), "B", None, "changes to"),
                (doc("Appendix C"), "C", None, "changes to"),
                (doc("Section M"), "Section M", None, "amended"),
                (doc("Section H"), "Section H10.9", None, "amends"),
                (doc("Section A"), "Section A", Some("Definitions"), "amend"),
                (doc("Section I"), "Section I", None, "amend"),
                (doc("Section N"), "Section N", None, "amend"),
            ]
        );
        assert_eq!(n.affected.len(), 1);
        assert_eq!(n.affected[0].title.as_deref(), Some("Charging Methodology"));
        assert_eq!(
            n.affected[0].note_span.clone().map(|s| &text[s]),
            Some("is amended")
        );
    }

    #[test]
    fn affected_list_shapes_and_end() {
        let text = "# SEC v71.0 published\n\n## What parts of the SEC were affected?\n\n\
                    * SEC Section C: Governance\n\
                    \t- Appendix AT\n\
                    - Schedule 8 GB Companion Specification\n\
                    - Appendix AB (not currently available on CodeWorks)\n\
                    - The Document Log\n\n\
                    These documents changed.\n\n\
                    - Section Z ‘Alt HAN Arrangements’\n";
        let n = parse_release_note(text);
        let got: Vec<(Option<String>, Option<String>, Option<&str>)> = n
            .affected
            .iter()
            .map(|a| {
                (
                    a.document.as_ref().map(|d| d.to_string()),
                    a.title.clone(),
                    a.note_span.clone().map(|s| &text[s]),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some("Section C".into()), Some("Governance".into()), None),
                (Some("Appendix AT".into()), None, None),
                (
                    Some("Schedule 8".into()),
                    Some("GB Companion Specification".into()),
                    None
                ),
                (
                    Some("Appendix AB".into()),
                    None,
                    Some("(not currently available on CodeWorks)")
                ),
                (None, None, None),
            ]
        );
        assert_eq!(&text[n.affected[4].line_span.clone()], "The Document Log");
        assert_eq!(
            &text[n.affected[0].document_span.clone().unwrap()],
            "Section C"
        );
    }

    #[test]
    fn byte_order_mark_is_skipped() {
        let text = format!("\u{feff}{TXT_59}");
        let n = parse_release_note(&text);
        assert_eq!(
            &text[n.title_span.clone().unwrap()],
            "SEC v59.0 implemented to bring in the SMETS1 migration procedures"
        );
        assert_eq!(n.affected.len(), 3);
    }

    #[test]
    fn missing_parts_are_none() {
        let n = parse_release_note("");
        assert_eq!(n, ReleaseNote::default());
        let n = parse_release_note("Just a line of prose with 27 April and v4.2 in it.");
        assert!(n.version.is_none());
        assert!(n.effective_date.is_none());
        assert!(n.date_line.is_none());
        assert!(n.proposals.is_empty());
        assert!(n.affected_heading.is_none());
    }
}
