//! A release note saved as a web page: what was read from the page's text
//! ([`crate::parse::html`]) is placed back in the page's source, so that every finding's
//! line and column are the ones an editor shows for the `.html` file.
//!
//! Every span is translated: the destructuring below names every field, so a span added
//! to these types later does not compile until it is translated here too.

use std::ops::Range;

use crate::parse::dates::DateMention;
use crate::parse::html::OffsetMap;
use crate::parse::references::{CitedTitle, Reference, Target};
use crate::parse::release_note::{
    AffectedEntry, ChangedMention, ProposalMention, ReleaseNote, StatedCount,
};

fn span(map: &OffsetMap, r: &mut Range<usize>) {
    *r = map.span(r);
}

fn opt(map: &OffsetMap, r: &mut Option<Range<usize>>) {
    if let Some(r) = r {
        span(map, r);
    }
}

pub(super) fn date(map: &OffsetMap, d: &mut DateMention) {
    let DateMention {
        span: s,
        date: _,
        day: _,
        month: _,
        year: _,
        weekday,
    } = d;
    span(map, s);
    if let Some((_, w)) = weekday {
        span(map, w);
    }
}

/// Places a note read from a page's text in the page's source.
pub(super) fn note(map: &OffsetMap, note: &mut ReleaseNote) {
    let ReleaseNote {
        title_span,
        version,
        version_mentions,
        previous_versions,
        effective_date,
        date_line,
        proposals,
        stated_count,
        summarised: _,     // indices into `proposals`
        summary_claims: _, // no spans
        summary_unread,
        affected_heading,
        affected,
        affected_unread,
        changed_mentions,
        unchanged,
    } = note;
    for c in unchanged {
        span(map, &mut c.sentence);
        span(map, &mut c.phrase);
    }
    opt(map, title_span);
    for (_, r) in version
        .iter_mut()
        .chain(version_mentions.iter_mut())
        .chain(previous_versions.iter_mut())
    {
        span(map, r);
    }
    for d in effective_date.iter_mut().chain(date_line.iter_mut()) {
        date(map, d);
    }
    for p in proposals {
        let ProposalMention {
            id: _,
            kind: _,
            number: _,
            suffix: _,
            span: s,
            title: _,
            title_span,
        } = p;
        span(map, s);
        opt(map, title_span);
    }
    if let Some(StatedCount {
        value: _,
        span: s,
        phrase_span,
    }) = stated_count
    {
        span(map, s);
        span(map, phrase_span);
    }
    opt(map, affected_heading);
    for a in affected {
        let AffectedEntry {
            document: _,
            document_span,
            title: _,
            title_span,
            note_span,
            line_span,
        } = a;
        opt(map, document_span);
        opt(map, title_span);
        opt(map, note_span);
        span(map, line_span);
    }
    for r in affected_unread.iter_mut().chain(summary_unread.iter_mut()) {
        span(map, r);
    }
    for c in changed_mentions {
        let ChangedMention {
            document: _,
            span: s,
            title: _,
            title_span,
            verb_span,
        } = c;
        span(map, s);
        opt(map, title_span);
        span(map, verb_span);
    }
}

/// Places citations read from a page's text in the page's source.
pub(super) fn references(map: &OffsetMap, references: &mut [Reference]) {
    for r in references {
        let Reference {
            span: s,
            document: _,
            target,
            cited_title,
            external: _,
            instrument: _,
            quoted: _,
        } = r;
        span(map, s);
        match target {
            Target::Document | Target::Placeholder => {}
            Target::Clause { clause: _, span: c } => span(map, c),
            Target::Range {
                start: _,
                start_span,
                end: _,
                end_span,
            } => {
                span(map, start_span);
                span(map, end_span);
            }
        }
        if let Some(CitedTitle { text: _, span: t }) = cited_title {
            span(map, t);
        }
    }
}
