//! Version-control tables: against themselves, against the document version that holds
//! them and against the Document Log.
//!
//! The tables come from two places: each document version's own table
//! (`corpus.documents[i].version_table`) and, in a loose folder, tables published on their
//! own (`corpus.version_tables`, text extracted from PDF). A table whose rows the parser
//! could not all read ([`readable`]) is left alone: a missing or half-read row would make
//! every comparison around it a false alarm.

use crate::date::Date;
use crate::history::{History, first_in_effect};
use crate::model::{Corpus, DocumentVersion, LogRow};
use crate::names::Version;
use crate::parse::version_table::{VersionRow, VersionTable};
use crate::source::FileId;
use std::collections::BTreeMap;

pub mod vct001;
pub mod vct002;
pub mod vct003;
pub mod vct004;
pub mod vct005;
pub mod vct006;
pub mod vct007;

/// A table to check: where it is and, for a document's own table, the document version.
pub(crate) struct Table<'a> {
    pub file: FileId,
    pub table: &'a VersionTable,
    pub doc: Option<&'a DocumentVersion>,
}

/// Every readable table of the corpus: the documents' own, then the loose ones.
pub(crate) fn tables(corpus: &Corpus) -> Vec<Table<'_>> {
    let own = corpus.documents.iter().filter_map(|doc| {
        Some(Table {
            file: doc.file,
            table: doc.version_table.as_ref()?,
            doc: Some(doc),
        })
    });
    let loose = corpus.version_tables.iter().map(|t| Table {
        file: t.file,
        table: &t.table,
        doc: None,
    });
    own.chain(loose)
        .filter(|t| !corpus.unreadable(t.file) && t.table.complete)
        .collect()
}

/// The newest row: the one with the highest version (the first, if two rows share it).
pub(crate) fn newest(table: &VersionTable) -> Option<&VersionRow> {
    table
        .rows
        .iter()
        .rev()
        .max_by(|a, b| a.version.cmp(&b.version))
}

/// Whether the table runs from the oldest version to the newest (the usual order), as
/// most of its neighbouring rows say. A table written newest first is read that way.
pub(crate) fn ascending(table: &VersionTable) -> bool {
    let (mut up, mut down) = (0usize, 0usize);
    for w in table.rows.windows(2) {
        match w[0].version.cmp(&w[1].version) {
            std::cmp::Ordering::Less => up += 1,
            std::cmp::Ordering::Greater => down += 1,
            std::cmp::Ordering::Equal => {}
        }
    }
    up >= down
}

/// A table's rows in version order, built once per table so that looking up a row's
/// predecessor or a version is not a scan of the table (a long table would otherwise be
/// quadratic).
pub(crate) struct Versions<'a> {
    /// Sorted by version; rows of equal version keep table order.
    sorted: Vec<&'a VersionRow>,
}

impl<'a> Versions<'a> {
    pub(crate) fn new(table: &'a VersionTable) -> Versions<'a> {
        let mut sorted: Vec<&VersionRow> = table.rows.iter().collect();
        sorted.sort_by(|a, b| a.version.cmp(&b.version));
        Versions { sorted }
    }

    /// The version before `version` among the table's rows: the highest lower one (the
    /// last such row in table order when several give it).
    pub(crate) fn predecessor(&self, version: &Version) -> Option<&'a VersionRow> {
        let lower = self.sorted.partition_point(|r| &r.version < version);
        lower.checked_sub(1).map(|i| self.sorted[i])
    }

    /// Whether a row gives `version`.
    pub(crate) fn has(&self, version: &Version) -> bool {
        self.sorted
            .binary_search_by(|r| r.version.cmp(version))
            .is_ok()
    }

    /// Whether every row's version is lower than `version`.
    pub(crate) fn all_below(&self, version: &Version) -> bool {
        self.sorted.last().is_none_or(|r| &r.version < version)
    }
}

/// A row of a document version's table is dated otherwise than the release that first
/// puts the row's version in effect: the newest row (VCT002) or an older one (VCT006).
/// Other rules that compare the same date (VCT004, VCT005, VCT007) stay quiet when this
/// is found: the log says which date is right.
pub(crate) struct DateMismatch<'a> {
    pub row: &'a VersionRow,
    /// The row's date.
    pub date: Date,
    /// The first release whose log rows name the row's version, and its effective date.
    pub release: &'a Version,
    pub release_date: Date,
    /// The log row to point at: this document's row at that release, or (when that row
    /// itself gives a stray date, LOG006) the row that gives the release's date.
    pub log_row: &'a LogRow,
    /// The release is the first in the log: the version may be older than the log, so
    /// only a date after the release is wrong.
    pub first_in_log: bool,
}

impl DateMismatch<'_> {
    /// The finding VCT002 and VCT006 share, worded with `message`: at the row's date,
    /// the log row related, the approval date related when the row gives that instead,
    /// and a help that says which date to write.
    pub(crate) fn finding(
        &self,
        code: &'static str,
        log: FileId,
        file: FileId,
        message: String,
    ) -> crate::diagnostic::Diagnostic {
        let (m, version) = (self, &self.row.version);
        let approval = m
            .row
            .reasons
            .iter()
            .find_map(|re| re.approval_date.as_ref().filter(|(d, _)| *d == m.date));
        let help = match approval {
            Some(_) => format!(
                "{} is the date the change was approved; the Implementation Date column gives the date the version took effect: write {}",
                m.date.long(),
                m.release_date.long()
            ),
            None => format!(
                "write the date release {} took effect, {}, or check the Document Log if the table is right",
                m.release,
                m.release_date.long()
            ),
        };
        let mut d = crate::diagnostic::Diagnostic::new(code, message)
            .at(
                file,
                crate::source::Span::from(m.row.date_span.clone()),
                format!("version {version} dated {}", m.date.long()),
            )
            .related(
                log,
                m.log_row.date_span,
                format!(
                    "release {} takes effect on {}",
                    m.release,
                    m.release_date.long()
                ),
            );
        if let Some((_, span)) = approval {
            d = d.related(
                file,
                crate::source::Span::from(span.clone()),
                "the approval date, not the implementation date",
            );
        }
        d.help(help)
    }
}

/// Each release's effective date (see [`History::effective_dates`]), when the corpus has a log:
/// computed once per rule run.
pub(crate) type ReleaseDates<'a> = Option<BTreeMap<&'a Version, (Date, &'a LogRow)>>;

pub(crate) fn release_dates_of(corpus: &Corpus) -> ReleaseDates<'_> {
    corpus
        .log
        .as_ref()
        .map(|log| History::new(log).effective_dates())
}

/// The table of `doc` when the rules may read it: the file was read and every row of the
/// table too.
fn readable_table<'a>(corpus: &Corpus, doc: &'a DocumentVersion) -> Option<&'a VersionTable> {
    let table = doc.version_table.as_ref()?;
    (!corpus.unreadable(doc.file) && table.complete).then_some(table)
}

/// The comparison of one row of `doc`'s table with the log; `None` when it holds or
/// cannot be made (no log, no readable date, a version no log row names).
fn row_date_mismatch<'a>(
    corpus: &'a Corpus,
    dates: &ReleaseDates<'a>,
    doc: &'a DocumentVersion,
    row: &'a VersionRow,
) -> Option<DateMismatch<'a>> {
    let log = corpus.log.as_ref()?;
    let dates = dates.as_ref()?;
    let date = row.date?;
    let release = first_in_effect(log, &doc.document, &row.version)?;
    let &(release_date, majority) = dates.get(release)?;
    let first_in_log = dates.keys().next() == Some(&release);
    if date == release_date || (first_in_log && date < release_date) {
        return None;
    }
    // A row dated on the date its own reason gives the change effect from explains itself.
    if row
        .reasons
        .iter()
        .any(|re| re.effect_dates.iter().any(|(d, _)| *d == date))
    {
        return None;
    }
    let log_row = log
        .row(release, &doc.document)
        .filter(|r| r.effective_date == release_date)
        .unwrap_or(majority);
    Some(DateMismatch {
        row,
        date,
        release,
        release_date,
        log_row,
        first_in_log,
    })
}

/// VCT002's comparison for one document version: its newest row, when that row is for
/// the document's own version; `None` when it holds or cannot be made (see
/// [`row_date_mismatch`]; also no version, no table, a newest row for another version).
pub(crate) fn newest_date_mismatch<'a>(
    corpus: &'a Corpus,
    dates: &ReleaseDates<'a>,
    doc: &'a DocumentVersion,
) -> Option<DateMismatch<'a>> {
    let version = doc.version.as_ref()?;
    let row = newest(readable_table(corpus, doc)?)?;
    if &row.version != version {
        return None;
    }
    row_date_mismatch(corpus, dates, doc, row)
}

/// VCT006's comparisons for one document version: every row for a version older than the
/// document's own, in table order. The newest row for the document's own version is
/// VCT002's; a row for the document's own or a later version that is not the newest is
/// VCT001's business.
pub(crate) fn older_date_mismatches<'a>(
    corpus: &'a Corpus,
    dates: &ReleaseDates<'a>,
    doc: &'a DocumentVersion,
) -> Vec<DateMismatch<'a>> {
    let (Some(version), Some(table)) = (doc.version.as_ref(), readable_table(corpus, doc)) else {
        return Vec::new();
    };
    if corpus.log.is_none() {
        return Vec::new();
    }
    table
        .rows
        .iter()
        .filter(|r| &r.version < version)
        .filter_map(|r| row_date_mismatch(corpus, dates, doc, r))
        .collect()
}

/// The rows of one table whose dates VCT002 or VCT006 report (the other rules that read
/// a row's date then leave it alone), by where their version number starts.
pub(crate) struct Disputed(Vec<usize>);

impl Disputed {
    /// Whether `row` is one of them.
    pub(crate) fn has(&self, row: &VersionRow) -> bool {
        self.0.binary_search(&row.version_span.start).is_ok()
    }
}

/// The rows of `t` whose dates disagree with the log (see [`Disputed`]); none for a loose
/// table or without a log.
pub(crate) fn disputed_rows<'a>(
    corpus: &'a Corpus,
    dates: &ReleaseDates<'a>,
    t: &Table<'a>,
) -> Disputed {
    let Some(doc) = t.doc else {
        return Disputed(Vec::new());
    };
    let mut starts: Vec<usize> = older_date_mismatches(corpus, dates, doc)
        .iter()
        .chain(newest_date_mismatch(corpus, dates, doc).as_ref())
        .map(|m| m.row.version_span.start)
        .collect();
    starts.sort_unstable();
    Disputed(starts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::version_table::parse_version_table;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap()
    }

    const MD: &str = "| Version | Implementation Date | Reason for Change | Overview of Modifications |\n\
                      |---|---|---|---|\n\
                      | 1.0 | 2020-01-02 | Designation | First |\n\
                      | 1.2 | 2021-01-02 | Modifications to SEC version 1.0 | Second |\n\
                      | 1.1 | 2020-06-02 | Modifications to SEC version 1.0 | Third |\n";

    #[test]
    fn newest_is_the_highest_version_and_order_is_read_from_the_majority() {
        let t = parse_version_table(MD).unwrap();
        assert_eq!(newest(&t).unwrap().version, v("1.2"));
        assert!(
            ascending(&t),
            "one step up, one down: ascending wins the tie"
        );
        let versions = Versions::new(&t);
        assert_eq!(versions.predecessor(&v("1.2")).unwrap().version, v("1.1"));
        assert!(versions.predecessor(&v("1.0")).is_none());
        assert_eq!(versions.predecessor(&v("9.0")).unwrap().version, v("1.2"));
        assert!(versions.has(&v("1.1")) && !versions.has(&v("1.3")));
        assert!(versions.all_below(&v("1.3")) && !versions.all_below(&v("1.2")));
        let rev = "| Version | Date | Reason |\n|---|---|---|\n| 3.0 | 2022-01-01 | x |\n\
                   | 2.0 | 2021-01-01 | x |\n| 1.0 | 2020-01-01 | x |\n";
        assert!(!ascending(&parse_version_table(rev).unwrap()));
    }

    #[test]
    fn a_markdown_row_without_a_version_makes_the_table_unreadable() {
        let t = parse_version_table(MD).unwrap();
        assert!(t.complete);
        let bad = MD.replace("| 1.1 |", "| v1.1 draft |");
        let t = parse_version_table(&bad).unwrap();
        assert_eq!(t.rows.len(), 2);
        assert!(!t.complete);
        let empty = "| Version | Date | Reason |\n|---|---|---|\n";
        assert!(!parse_version_table(empty).unwrap().complete);
    }

    #[test]
    fn a_pdf_row_split_before_its_month_is_read_or_makes_the_table_unreadable() {
        let good = "VERSION CONTROL\n\n1.0 1st May 2020 Designation by the\nSecretary of State\n\
                    1.1 2nd June 2021 Modifications to SEC\nversion 1.0\n\
                    1.2 3rd July 2021 Modifications to SEC\nversion 1.1\n";
        let t = parse_version_table(good).unwrap();
        assert_eq!(t.rows.len(), 3);
        assert!(t.complete);
        // The month opening the next line: the row is read.
        let split = good.replace("1.1 2nd June 2021", "1.1 2nd\nJune 2021");
        let t = parse_version_table(&split).unwrap();
        assert_eq!(t.rows.len(), 3);
        assert!(t.complete);
        assert_eq!(
            t.rows[1].date.map(|d| d.to_string()),
            Some("2021-06-02".into())
        );
        // The month further down, after the reason's words: the row is lost.
        let lost = good.replace(
            "1.1 2nd June 2021 Modifications to SEC\nversion 1.0\n",
            "1.1 2nd\nModifications to SEC\nJune 2021 version 1.0\n",
        );
        let t = parse_version_table(&lost).unwrap();
        assert_eq!(t.rows.len(), 2, "the 1.1 row is lost");
        assert!(!t.complete);
    }

    #[test]
    fn the_fixture_pdf_table_is_readable() {
        let text = include_str!("../../../tests/fixtures/extract/version-control-pdf.txt");
        let t = parse_version_table(text).unwrap();
        assert!(t.complete);
        assert!(ascending(&t));
    }

    #[test]
    fn no_table_rule_speaks_about_a_table_it_could_not_read() {
        // Every row is wrong in some way, but one row's version cell is unreadable.
        let doc = "# Section T: Testing During Transition\n\n| Version | Implementation Date | Reason for Change | Overview of Modifications |\n|---|---|---|---|\n| 1.0 | 2014-07-31 | Designation | First |\n| 3.0 | 2013-06-16 | Modifications to SEC version 1.5 with effect 1st January 2020 | x |\n| v2.0 (draft) | 2015-09-14 | Modifications to SEC version 1.0 | y |\n\nT1.1 Testing applies.\n";
        let out = crate::check::check_memory(vec![(
            "documents/section-t/4.0.md".into(),
            doc.as_bytes().to_vec(),
        )]);
        let codes: Vec<&str> = out.diagnostics.iter().map(|d| d.code).collect();
        assert!(codes.iter().all(|c| !c.starts_with("VCT")), "{codes:?}");
        // The same table without the unreadable row is reported.
        let fixed = doc.replace(
            "| v2.0 (draft) | 2015-09-14 | Modifications to SEC version 1.0 | y |\n",
            "",
        );
        let out = crate::check::check_memory(vec![(
            "documents/section-t/4.0.md".into(),
            fixed.into_bytes(),
        )]);
        let mut codes: Vec<&str> = out.diagnostics.iter().map(|d| d.code).collect();
        codes.sort();
        assert_eq!(codes, ["VCT001", "VCT003", "VCT004", "VCT005"]);
    }
}
