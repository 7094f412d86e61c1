//! REL011 proposal-title-reused: one title given to two proposal numbers, across release
//! notes, version-control tables and other texts: the converse of REL006, and the mark of
//! a number typed wrong ("MP191 ‘Explicit Charges for Test Environment Access’" where the
//! note calls MP190 by that title).
//!
//! Titled mentions are REL006's (a title in quotes right after the identifier, on the same
//! line; [`super::titled`]), compared with [`title::same`]. Decisions:
//! - **One number, one proposal.** Ids with the same number are never compared:
//!   `MP102A` is the alternative solution to `MP102` and may share its root title,
//!   `DP189` becomes `MP189`, `MP0096` is `MP96`, and an old `SECMP0033` is not told apart
//!   from a later `MP33`.
//! - **A title must identify a proposal.** A title with fewer than three words that are
//!   neither small joining words ("and", "of", "for" …) nor generic ("SEC", "Changes",
//!   "Housekeeping", "Minor", "Amendments", "Updates", "Tidy", "Corrections" …) is not
//!   judged: "SEC Housekeeping Changes" or "Hub Charges" may honestly name several
//!   proposals.
//! - **Re-raised proposals.** When a text names both numbers in one paragraph (no blank
//!   line between, at most 400 bytes apart) with a word that links them ("re-raised",
//!   "replaced", "supersedes", "formerly", "merged", "withdrawn" …), the reuse is
//!   explained and not reported.
//! - **Which number owns the title.** The number that carries it most often; on a tie the
//!   one a release note gives it first (by release), else the first in file order. Every
//!   mention of another number with that title is reported (a warning, since the slip
//!   may be in the title rather than the number), with the owner's reference mention
//!   (its first in the notes, else its first) related. REL006 leaves these mentions to
//!   this rule.

use super::titled::{Mention, describe, note_release, order, reference, titled_mentions};
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::parse::release_note::ProposalMention;
use crate::rules::{Check, Needs, Rule};
use crate::source::{FileId, Span};
use crate::title;
use std::collections::{BTreeMap, HashMap};

pub const RULE: Rule = Rule {
    code: "REL011",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

/// Words that never identify a proposal: joining words, and words every housekeeping
/// proposal uses.
const NOT_IDENTIFYING: &[&str] = &[
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "or",
    "the",
    "to",
    "under",
    "via",
    "with",
    "sec",
    "smart",
    "energy",
    "code",
    "change",
    "changes",
    "modification",
    "modifications",
    "proposal",
    "proposals",
    "housekeeping",
    "tidy",
    "up",
    "minor",
    "amendment",
    "amendments",
    "update",
    "updates",
    "various",
    "miscellaneous",
    "correction",
    "corrections",
    "fix",
    "fixes",
    "error",
    "errors",
    "typographical",
    "consequential",
    "general",
    "misc",
];

/// How many identifying words a title needs.
const MIN_IDENTIFYING: usize = 3;

/// How far apart (in bytes) two mentions may be and still be linked by the words between.
const LINK_REACH: usize = 400;

/// Words that explain why two numbers carry one title.
const LINKING: &[&str] = &[
    "re-raised",
    "reraised",
    "raised again",
    "re-submitted",
    "resubmitted",
    "replace",
    "supersede",
    "succeed",
    "formerly",
    "previously",
    "renumber",
    "merge",
    "combine",
    "became",
    "become",
    "split",
    "in place of",
    "instead of",
    "taken forward as",
    "withdrawn",
];

/// Whether a folded title has enough identifying words.
pub(crate) fn identifying(folded: &str) -> bool {
    folded
        .split(' ')
        .filter(|w| !w.is_empty() && !NOT_IDENTIFYING.contains(w))
        .count()
        >= MIN_IDENTIFYING
}

/// A mention that gives another number's title: indexes into the mentions.
pub(crate) struct Slip {
    pub mention: usize,
    /// The owner's reference mention.
    pub owner: usize,
}

/// Every mention whose title belongs to another number (see the module comment).
pub(crate) fn number_slips(corpus: &Corpus, mentions: &[Mention]) -> Vec<Slip> {
    let mut by_title: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (k, m) in mentions.iter().enumerate() {
        let folded = title::fold(m.title);
        if identifying(&folded) {
            by_title.entry(folded).or_default().push(k);
        }
    }
    let mut out = Vec::new();
    let mut links = Links::default();
    for ks in by_title.into_values() {
        let first = mentions[ks[0]].number;
        if ks.iter().all(|&k| mentions[k].number == first) {
            continue;
        }
        // The owner: most mentions, then the first in the notes by release, then the first.
        let mut counts: HashMap<u32, usize> = HashMap::new();
        for &k in &ks {
            *counts.entry(mentions[k].number).or_default() += 1;
        }
        let most = counts.values().copied().max().unwrap_or(0);
        let tied: Vec<usize> = ks
            .iter()
            .copied()
            .filter(|&k| counts[&mentions[k].number] == most)
            .collect();
        let owner_number = mentions[reference(corpus, mentions, &tied)].number;
        let owned: Vec<usize> = ks
            .iter()
            .copied()
            .filter(|&k| mentions[k].number == owner_number)
            .collect();
        let owner = reference(corpus, mentions, &owned);
        for &k in &ks {
            let number = mentions[k].number;
            if number != owner_number && !links.linked(corpus, owner_number, number) {
                out.push(Slip { mention: k, owner });
            }
        }
    }
    out
}

/// Which pairs of numbers some text links (worked out once per pair).
#[derive(Default)]
struct Links {
    known: HashMap<(u32, u32), bool>,
}

impl Links {
    fn linked(&mut self, corpus: &Corpus, a: u32, b: u32) -> bool {
        let key = (a.min(b), a.max(b));
        if let Some(&l) = self.known.get(&key) {
            return l;
        }
        let l = every_text(corpus).any(|(file, proposals)| links_in(corpus, file, proposals, a, b));
        self.known.insert(key, l);
        l
    }
}

/// Every readable text that names proposals, with its mentions (titled or not).
fn every_text(corpus: &Corpus) -> impl Iterator<Item = (FileId, &[ProposalMention])> {
    let notes = corpus
        .release_notes
        .iter()
        .map(|n| (n.file, n.note.proposals.as_slice()));
    let docs = corpus.documents.iter().filter_map(|d| {
        d.version_table
            .as_ref()
            .map(|t| (d.file, t.proposals.as_slice()))
    });
    let tables = corpus
        .version_tables
        .iter()
        .map(|t| (t.file, t.table.proposals.as_slice()));
    let others = corpus
        .others
        .iter()
        .map(|o| (o.file, o.proposals.as_slice()));
    notes
        .chain(docs)
        .chain(tables)
        .chain(others)
        .filter(|(f, _)| !corpus.unreadable(*f))
}

/// Whether `file` names proposals `a` and `b` in one paragraph with a linking word
/// between them.
fn links_in(corpus: &Corpus, file: FileId, proposals: &[ProposalMention], a: u32, b: u32) -> bool {
    let of = |n: u32| proposals.iter().filter(move |p| p.number == n);
    if of(a).next().is_none() || of(b).next().is_none() {
        return false;
    }
    let source = corpus.source(file);
    let text = source.text.as_str();
    of(a).any(|p| {
        of(b).any(|q| {
            let (x, y) = if p.span.start < q.span.start {
                (p, q)
            } else {
                (q, p)
            };
            let Some(between) = text.get(x.span.end..y.span.start) else {
                return false;
            };
            between.len() <= LINK_REACH && !blank_line(between) && {
                let lower = between.to_lowercase();
                LINKING.iter().any(|w| lower.contains(w))
            }
        })
    })
}

/// Whether text holds an empty line (a paragraph break).
fn blank_line(text: &str) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    lines.len() > 2
        && lines[1..lines.len() - 1]
            .iter()
            .any(|l| l.trim().is_empty())
}

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let mentions = titled_mentions(corpus);
    for slip in number_slips(corpus, &mentions) {
        let (m, o) = (&mentions[slip.mention], &mentions[slip.owner]);
        let here = describe(corpus, m.source, true);
        let there = if m.file == o.file {
            "the same file".to_string()
        } else {
            describe(corpus, o.source, false)
        };
        // This number's own title elsewhere, if some text gives it one.
        let own = mentions
            .iter()
            .enumerate()
            .filter(|(_, x)| x.number == m.number && !title::same(x.title, m.title))
            .min_by(|(i, x), (j, y)| {
                order(note_release(corpus, x), note_release(corpus, y)).then(i.cmp(j))
            })
            .map(|(_, x)| x);
        let mut help = format!(
            "one title names one proposal: if this is {}, write {} here; if {} is another proposal, give it its own title",
            o.id, o.id, m.id
        );
        if let Some(x) = own {
            help.push_str(&format!(
                " ({} calls {} ‘{}’)",
                describe(corpus, x.source, false),
                x.id,
                x.title
            ));
        }
        out.push(
            Diagnostic::new(
                RULE.code,
                format!(
                    "{here} gives {} the title ‘{}’, which {there} gives {}",
                    m.id, m.title, o.id
                ),
            )
            .at(
                m.file,
                Span::from(m.span.clone()),
                format!("‘{}’ is {}'s title", m.title, o.id),
            )
            .related(
                o.file,
                Span::from(o.span.clone()),
                format!("{} titled ‘{}’ here", o.id, o.title),
            )
            .help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_identifies_with_three_words_of_its_own() {
        let id = |t: &str| identifying(&title::fold(t));
        assert!(id("Explicit Charges for Test Environment Access"));
        assert!(id("Enrolment Failure Notifications"));
        assert!(!id("SEC Housekeeping Changes"));
        assert!(!id("Hub Charges"));
        assert!(!id("Minor Amendments to the SEC"));
        assert!(!id("Tidy-Up of Section X"));
    }

    #[test]
    fn loose_texts_and_links() {
        use crate::rules::release::run;
        let note = "# SEC v57.0 published\n\nSEC version 57.0 came into effect today.\n\n\
                    ## Summary of changes\n\n\
                    MP181 ‘Retiring Legacy Request Routing’ removes the legacy routing.\n\n\
                    ## What parts of the SEC were affected?\n\n- Section H ‘DCC Services’\n";
        let news = "SEC Newsletter\n\nMP186 ‘Retiring Legacy Request Routing’ goes live.\n\n\
                    MP150 ‘Interim Meter Reporting Obligations’ was withdrawn.\n\n\
                    MP162 ‘Interim Meter Reporting Obligations’ is out for consultation.\n\n\
                    MP163 ‘Annual Panel Governance Review’ was re-raised as\n\
                    MP164 ‘Annual Panel Governance Review’.\n";
        let got = run("REL011", &[("a-note.txt", note), ("b-news.txt", news)]);
        // MP186 takes MP181's title; MP150 and MP162 share one across a blank line (not
        // linked: the newsletter's first mention owns it); MP163 and MP164 are linked.
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!((got[0].0.as_str(), got[0].1), ("b-news.txt", 3));
        assert_eq!(
            got[0].2,
            "this text gives MP186 the title ‘Retiring Legacy Request Routing’, which the 57.0 release note gives MP181"
        );
        assert_eq!(got[0].3, [("a-note.txt".to_string(), 7)]);
        assert_eq!((got[1].0.as_str(), got[1].1), ("b-news.txt", 7));
        assert!(
            got[1].2.contains("which the same file gives MP150"),
            "{}",
            got[1].2
        );
        // REL006 says nothing of MP186: it has no other title.
        assert!(run("REL006", &[("a-note.txt", note), ("b-news.txt", news)]).is_empty());
    }

    #[test]
    fn paragraph_breaks() {
        assert!(!blank_line(" ‘A’ was re-raised as "));
        assert!(!blank_line(" ‘A’Withdrawn\n"));
        assert!(blank_line(" ‘A’.\n\nThen "));
        assert!(blank_line(" ‘A’.\n  \t\nThen "));
    }
}
