//! The title and opening paragraphs: the SEC versions they name ("SEC v57.0", "SEC
//! version 57.0") and the sentence that says when the release came into effect.
//!
//! Separate because these are the note's facts about the release itself, read only from
//! the part above the first heading.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::text::ends_with_ci;
use crate::names::Version;
use crate::parse::dates::DateMention;

static SEC_VERSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bSEC\s+(?:[Vv]ersion\s+|[Vv]\.?\s?)(\d+(?:\.\d+)+)\b").expect("version regex")
});

pub(super) fn collect_versions(
    text: &str,
    r: Range<usize>,
    out: &mut Vec<(Version, Range<usize>)>,
) {
    for c in SEC_VERSION.captures_iter(&text[r.clone()]) {
        if let Some(g) = c.get(1)
            && let Some(v) = Version::parse(g.as_str())
        {
            out.push((v, r.start + g.start()..r.start + g.end()));
        }
    }
}

pub(super) fn shift_mention(mut m: DateMention, by: usize) -> DateMention {
    m.span = m.span.start + by..m.span.end + by;
    if let Some((_, w)) = m.weekday.as_mut() {
        *w = w.start + by..w.end + by;
    }
    m
}

/// "… came into effect on <date>", "… took effect on", "effective from", "with effect from".
pub(super) fn stated_effect_on(text: &str, m: &DateMention) -> bool {
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
pub(super) fn on_date_came_into_effect(text: &str, m: &DateMention) -> bool {
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
