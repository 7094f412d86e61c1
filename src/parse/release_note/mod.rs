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
//!
//! Layout: `sections` (lines, headings, bullets), `opening` (the SEC version and the
//! dates of the title and opening paragraphs), `proposals` (Modification Proposals and
//! the stated count), `affected` (the "What parts of the SEC were affected?" list),
//! `changed` (documents the prose says were changed), `text` (quote and
//! case-insensitive helpers shared by them), `tests`.

mod affected;
mod changed;
mod opening;
mod proposals;
mod sections;
mod text;
mod unchanged;

use std::ops::Range;

use crate::names::{DocumentId, Version};
use crate::parse::dates::{DateMention, find_dates};

use affected::read_list;
use changed::changed_in_paragraph;
use opening::{
    collect_title_versions, collect_versions, on_date_came_into_effect, shift_mention,
    stated_effect_on,
};
#[cfg(feature = "generator")]
pub(crate) use proposals::count_from_words;
pub(crate) use proposals::count_in_words;
pub use proposals::find_proposals;
use proposals::{find_stated_count, summarised, titles_from_cells};
use sections::{
    SectionKind, bullet_text, heading_text, is_breadcrumb, is_heading, section_kind, split_lines,
};
pub use unchanged::UnchangedClaim;

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
    /// SEC versions named as the one this release replaced or built on ("replacing SEC
    /// version 56.0", "Modifications to SEC version 5.13"): not the note's own version.
    pub previous_versions: Vec<(Version, Range<usize>)>,
    /// The date the release took effect, as an effect sentence states it: "came into
    /// effect on <date>", else "On <date>, … came into effect" (one sentence), else the
    /// date line when the opening says the release came into effect "today". Otherwise
    /// the date line is not taken for it: it is the publication date, often but not
    /// always the day the release took effect.
    pub effective_date: Option<DateMention>,
    /// A line under the title that holds nothing but a date: the publication date.
    pub date_line: Option<DateMention>,
    /// Every Modification or Draft Proposal mentioned anywhere, in text order.
    pub proposals: Vec<ProposalMention>,
    /// "This included five Modification Proposals": the first such statement.
    pub stated_count: Option<StatedCount>,
    /// The Modification Proposals the note summarises: indices into `proposals` of each
    /// one that opens a paragraph or bullet of the summary, in text order. The summary is
    /// every section whose heading names it ("Summary of changes"); a note without such a
    /// heading is read from the title down to its first heading; a list of proposals one per line
    /// (no bullets, no blank lines) opens a paragraph at each line, and so does each row
    /// of a table of proposals (`| MP211 | Title | Implemented |`, or tabbed: the title
    /// from the cell after the id, the claim from a status cell). "MP204A … is the
    /// alternative solution to MP204" summarises MP204A only, and a proposal under another
    /// heading ("Implementation of the SECMP0007 CTSD legal text") is not counted.
    pub summarised: Vec<usize>,
    /// What the sentence that opens each summarised paragraph says the release did with its
    /// proposal, one per entry of `summarised`: implemented it, implemented a further phase
    /// or a correction of it, or did not implement it (see [`SummaryClaim`]).
    pub summary_claims: Vec<SummaryClaim>,
    /// Rows of a table of proposals in the summary that name no proposal (`| TBC | … |`):
    /// while any is left, the summary was not read whole, and no rule may count it.
    pub summary_unread: Vec<Range<usize>>,
    /// The "What parts of the SEC were affected?" heading line.
    pub affected_heading: Option<Range<usize>>,
    /// The entries read under it (bullets, unbulleted lines, table rows).
    pub affected: Vec<AffectedEntry>,
    /// Lines of the affected list that could not be read as entries (and the heading
    /// itself when nothing under it could be read): while any is left, the list is not
    /// complete, and no rule may conclude that a document is missing from it.
    pub affected_unread: Vec<Range<usize>>,
    /// Documents the prose says were changed; see [`parse_release_note`] for the heuristic.
    pub changed_mentions: Vec<ChangedMention>,
    /// Sentences that say the parts they cite are unchanged (see `unchanged.rs`).
    pub unchanged: Vec<UnchangedClaim>,
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

/// What the sentence opening a proposal's summary paragraph says the release did with the
/// proposal. Read from that sentence only (after the proposal's title), so words in the
/// title ("‘Further Retry Extension’") or in a later sentence about another matter do not
/// count; the words are listed in `proposals.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SummaryClaim {
    /// The plain summary: the release implements (includes) the proposal ("MP216 ‘…’
    /// removes …", a pasted list's "‘Title’Implemented").
    Implemented,
    /// A phase, part or stage of it, its remaining changes, a correction or fix of its legal
    /// text or implementation, or a change to what was implemented earlier ("implements
    /// the second phase of MP210", "corrects the legal text of MP210"): not the proposal's
    /// own implementation. A correction the proposal makes to the Code ("makes minor
    /// corrections to Section L") is a plain summary.
    FollowUp,
    /// Not implemented by this release: "will be implemented in the June release", "has
    /// been deferred", "was withdrawn", or a status other than Implemented glued to the
    /// title in a pasted list ("‘Title’Approved").
    NotImplemented,
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

/// "came into effect today", "takes effect today": the opening dates the release by the
/// date line.
fn effect_today(opening: &str) -> bool {
    let lower = opening.to_ascii_lowercase();
    [
        "into effect today",
        "took effect today",
        "takes effect today",
        "effective today",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

impl ReleaseNote {
    /// Whether the note has an affected list and every line of it was read as an entry.
    pub fn affected_complete(&self) -> bool {
        self.affected_heading.is_some() && self.affected_unread.is_empty()
    }
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
        collect_title_versions(
            text,
            t.start..t.end,
            &mut note.version_mentions,
            &mut note.previous_versions,
        );
    }
    let body_start = title_idx.map_or(0, |i| lines[i].end);
    if body_start < head_end {
        collect_versions(
            text,
            body_start..head_end,
            &mut note.version_mentions,
            &mut note.previous_versions,
        );
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
        .or_else(|| {
            effect_today(&text[body_start.min(head_end)..head_end])
                .then(|| note.date_line.clone())
                .flatten()
        });

    note.proposals = find_proposals(text);
    titles_from_cells(text, &mut note.proposals);
    note.stated_count = find_stated_count(text);
    let (summary, unread) = summarised(text, &lines, skip_until, &headings, &note.proposals);
    (note.summarised, note.summary_claims) = summary.into_iter().unzip();
    note.summary_unread = unread;

    // The affected list.
    if let Some(k) = headings.iter().position(|h| h.1 == SectionKind::Affected) {
        let h = headings[k].0;
        let end = headings.get(k + 1).map_or(lines.len(), |next| next.0);
        note.affected_heading = Some(heading_text(text, &lines[h]));
        let list = read_list(text, &lines, h, end);
        (note.affected, note.affected_unread) = (list.entries, list.unread);
        // Prose after the list ("… also became effective") says what else changed.
        for line in list.after {
            changed_in_paragraph(text, line, &mut note.changed_mentions);
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
    note.changed_mentions.sort_by_key(|m| m.span.start);
    note.unchanged = unchanged::unchanged_claims(
        text,
        lines
            .get(skip_until)
            .map_or(text.len(), |l| l.trimmed().start),
    );
    note
}

#[cfg(test)]
mod tests;
