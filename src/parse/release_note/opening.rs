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

/// The SEC versions named in `text[r]`: the release's own into `out`, and those named as
/// the version it replaced or built on ("replacing SEC version 56.0", "Modifications to
/// SEC version 5.13", "since SEC version 56.0") into `previous`.
/// "SEC 5.5 Designation", "SEC 5.5: …": a version without "version" or "v", read in a
/// title line only (in prose "SEC 5.5" is too loose to be sure of).
static TITLE_VERSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bSEC\s+(\d+\.\d+)\s*(?:[:–—-]|Designat|designat|released|published)")
        .expect("title version regex")
});

/// The versions a title line names: as [`collect_versions`], and "SEC 5.5 Designation".
pub(super) fn collect_title_versions(
    text: &str,
    r: Range<usize>,
    out: &mut Vec<(Version, Range<usize>)>,
    previous: &mut Vec<(Version, Range<usize>)>,
) {
    let before = out.len() + previous.len();
    collect_versions(text, r.clone(), out, previous);
    if out.len() + previous.len() > before {
        return;
    }
    if let Some(g) = TITLE_VERSION
        .captures(&text[r.clone()])
        .and_then(|c| c.get(1))
        && let Some(v) = Version::parse(g.as_str())
    {
        out.push((v, r.start + g.start()..r.start + g.end()));
    }
}

pub(super) fn collect_versions(
    text: &str,
    r: Range<usize>,
    out: &mut Vec<(Version, Range<usize>)>,
    previous: &mut Vec<(Version, Range<usize>)>,
) {
    for c in SEC_VERSION.captures_iter(&text[r.clone()]) {
        let (Some(whole), Some(g)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let Some(v) = Version::parse(g.as_str()) else {
            continue;
        };
        let span = r.start + g.start()..r.start + g.end();
        if names_previous(&text[r.start..r.start + whole.start()]) {
            previous.push((v, span));
        } else {
            out.push((v, span));
        }
    }
}

/// Whether the words right before a version mention make it the version replaced or
/// built on: "replacing", "replaced", "superseding", "previous", "prior", "since",
/// "from" (as in "from SEC version 56.0 to 57.0"), "modifications to", "changes to".
fn names_previous(before: &str) -> bool {
    let tail: String = before
        .rsplit(['.', '\n', ';'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let words: Vec<&str> = tail
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    // "replacing", "replacing the", "the previous": the key word is one of the last two;
    // "from" and "since" only right before ("from SEC version 56.0 to SEC version 57.0").
    let last_two = &words[words.len().saturating_sub(2)..];
    let key = |w: &str| {
        w.starts_with("replac")
            || w.starts_with("supersed")
            || matches!(w, "previous" | "prior" | "preceding" | "earlier")
    };
    last_two.iter().any(|w| key(w))
        || matches!(words.last(), Some(&("from" | "since")))
        || matches!(
            words.as_slice(),
            [
                ..,
                "modifications" | "modification" | "changes" | "amendments",
                "to"
            ] | [
                ..,
                "modifications" | "modification" | "changes" | "amendments",
                "to",
                "the"
            ]
        )
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

#[cfg(test)]
mod tests {
    use super::names_previous;

    #[test]
    fn previous_versions_are_told_apart() {
        for before in [
            "SEC version 57.0 came into effect on 24 February 2022, replacing ",
            "It replaced the previous ",
            "This designates Modifications to ",
            "the changes to the ",
            "The Code was updated from ",
            "the first release since ",
        ] {
            assert!(names_previous(before), "{before}");
        }
        for before in [
            "",
            "# ",
            "The Code was updated from version 56.0 to ",
            "On 24 February 2022, ",
            "replacing version 56.0. The new ",
        ] {
            assert!(!names_previous(before), "{before}");
        }
    }
}
