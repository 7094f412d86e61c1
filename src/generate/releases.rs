//! Releases and the Document Log: release numbers and effective dates, the Modification
//! Proposals each release implements, and the log's rows.

use super::prose;
use super::rng::Rng;
use crate::date::Date;
use std::collections::HashSet;

pub const LOG_HEADER: &str = "release,effective_date,document,version,title";

/// Release numbers and dates, one after another: mostly a new major version, sometimes
/// an ad-hoc minor one, a week to six weeks apart.
pub struct Calendar {
    major: u32,
    minor: u32,
    pub date: Date,
}

impl Calendar {
    pub fn new() -> Calendar {
        Calendar {
            major: 1,
            minor: 0,
            date: Date::new(2015, 2, 26).expect("valid"),
        }
    }

    pub fn number(&self) -> String {
        format!("{}.{}", self.major, self.minor)
    }

    pub fn advance(&mut self, rng: &mut Rng) {
        if rng.chance(75) {
            self.major += 1;
            self.minor = 0;
        } else {
            self.minor += 1;
        }
        self.date = self.date.add_days(rng.range(7, 42) as i64);
    }
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar::new()
    }
}

/// A Modification Proposal implemented by a release.
#[derive(Clone, Debug)]
pub struct Proposal {
    pub id: String,
    pub title: String,
    /// The Change Board vote or Authority decision.
    pub decided: Date,
    pub by_authority: bool,
    /// Indexes of the documents it changes.
    pub docs: Vec<usize>,
}

impl Proposal {
    /// "Implementation of MP123 approved via Change Board vote on 26 May 2021".
    pub fn reason(&self) -> String {
        if self.by_authority {
            format!(
                "Implementation of {} approved by the Authority on {}",
                self.id,
                self.decided.long()
            )
        } else {
            format!(
                "Implementation of {} approved via Change Board vote on {}",
                self.id,
                self.decided.long()
            )
        }
    }

    /// "MP123 ‘Title’".
    pub fn named(&self) -> String {
        format!("{} ‘{}’", self.id, self.title)
    }
}

/// Proposal numbers and titles, unique across the corpus.
pub struct Proposals {
    next: u32,
    titles: HashSet<String>,
}

impl Proposals {
    pub fn new() -> Proposals {
        Proposals {
            next: 100,
            titles: HashSet::new(),
        }
    }

    /// Splits `docs` among one to five new proposals.
    pub fn assign(&mut self, rng: &mut Rng, docs: &[usize], release_date: Date) -> Vec<Proposal> {
        let k = rng.range(1, docs.len().clamp(1, 5));
        let mut out: Vec<Proposal> = (0..k)
            .map(|_| {
                self.next += rng.range(1, 6) as u32;
                let id = if rng.chance(5) {
                    format!("MP{}A", self.next)
                } else {
                    format!("MP{}", self.next)
                };
                Proposal {
                    id,
                    title: prose::mp_title(rng, &mut self.titles),
                    // Months before: a release date moved by a planted defect stays after it.
                    decided: release_date.add_days(-(rng.range(90, 130) as i64)),
                    by_authority: rng.chance(20),
                    docs: Vec::new(),
                }
            })
            .collect();
        for (i, &d) in docs.iter().enumerate() {
            let p = if i < k { i } else { rng.below(k) };
            out[p].docs.push(d);
        }
        for p in &mut out {
            p.docs.sort_unstable();
        }
        out
    }
}

impl Default for Proposals {
    fn default() -> Self {
        Proposals::new()
    }
}

/// One log row, quoted as RFC 4180 says when the title has a comma or a quote.
pub fn log_row(release: &str, date: Date, key: &str, version: &str, title: &str) -> String {
    let title = if title.contains([',', '"']) {
        format!("\"{}\"", title.replace('"', "\"\""))
    } else {
        title.to_string()
    };
    format!("{release},{date},{key},{version},{title}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_quote_titles_with_commas() {
        let d = Date::new(2021, 6, 24).unwrap();
        assert_eq!(
            log_row("40.0", d, "appendix-ac", "3.1", "Inventory, Enrolment"),
            "40.0,2021-06-24,appendix-ac,3.1,\"Inventory, Enrolment\""
        );
    }
}
