//! `document-log.csv`: `release,effective_date,document,version,title`, one row per
//! document in effect after each release.
//!
//! A small hand-written CSV reader (RFC 4180 quoting, one record per line) keeps the byte
//! span of every field, which a general CSV crate does not give back.

use crate::date::Date;
use crate::names::{DocumentId, Version};
use crate::parse::dates::{CellDate, parse_cell_date};
use crate::source::{Span, lines_with_offsets};

pub const HEADER: [&str; 5] = ["release", "effective_date", "document", "version", "title"];

/// A row that could not be read, with why.
#[derive(Debug, Clone)]
pub struct LogRow {
    /// The whole row, without its line end.
    pub span: Span,
    pub release: Version,
    pub release_span: Span,
    pub effective_date: Date,
    pub date_span: Span,
    pub document: DocumentId,
    pub document_span: Span,
    pub version: Version,
    pub version_span: Span,
    pub title: String,
    /// `title` folded ([`crate::title::fold`]) once, when the row is read: resolution
    /// compares it with the title of every citation of this document.
    pub folded_title: String,
    pub title_span: Span,
}

/// A row (or the header) that could not be read. The parser says what it found; LOG008
/// words it for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MalformedRow {
    /// The offending field, or the whole row.
    pub span: Span,
    pub problem: RowProblem,
    /// What the row seems to say, field by field, read by the header's columns where a
    /// field reads well: a log silent about a document at a release may owe it to this
    /// row, and then no rule concludes anything from that silence.
    pub said: RowSaid,
}

/// The fields of a malformed row that could be read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowSaid {
    pub release: Option<Version>,
    pub document: Option<DocumentId>,
    pub version: Option<Version>,
}

/// What is wrong with a malformed row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// The first line reads as a row: the header is missing (the row is still read).
    NoHeader,
    /// The first line is neither the header nor a row; it holds this text.
    WrongHeader(String),
    /// A quoted field is never closed.
    UnclosedQuote,
    /// The row has `found` fields; the header has `width` columns.
    FieldCount {
        found: usize,
        width: usize,
    },
    /// This field does not read as what its column holds.
    BadRelease(String),
    BadDate(String),
    BadDocument(String),
    BadVersion(String),
    /// The title field is empty.
    NoTitle,
}

#[derive(Debug, Default)]
pub struct ParsedLog {
    pub rows: Vec<LogRow>,
    pub malformed: Vec<MalformedRow>,
}

struct Field<'a> {
    value: std::borrow::Cow<'a, str>,
    span: Span,
}

/// Splits one CSV line into fields with their spans (the span of a quoted field includes
/// its quotes). `Err` carries the offset of an unterminated quote.
fn split_fields(line: &str, base: usize) -> Result<Vec<Field<'_>>, usize> {
    let bytes = line.as_bytes();
    let mut fields = Vec::with_capacity(5);
    let mut i = 0;
    loop {
        let start = i;
        if bytes.get(i) == Some(&b'"') {
            let mut value = String::new();
            let mut j = i + 1;
            loop {
                match memchr::memchr(b'"', &bytes[j..]) {
                    None => return Err(base + start),
                    Some(q) => {
                        value.push_str(&line[j..j + q]);
                        j += q + 1;
                        if bytes.get(j) == Some(&b'"') {
                            value.push('"');
                            j += 1;
                        } else {
                            break;
                        }
                    }
                }
            }
            // Anything between the closing quote and the comma is kept in the span.
            let end = memchr::memchr(b',', &bytes[j..]).map_or(line.len(), |c| j + c);
            fields.push(Field {
                value: value.into(),
                span: Span::new(base + start, base + end),
            });
            i = end;
        } else {
            let end = memchr::memchr(b',', &bytes[i..]).map_or(line.len(), |c| i + c);
            fields.push(Field {
                value: line[i..end].into(),
                span: Span::new(base + start, base + end),
            });
            i = end;
        }
        if i >= line.len() {
            return Ok(fields);
        }
        i += 1; // the comma
        if i == line.len() {
            fields.push(Field {
                value: "".into(),
                span: Span::new(base + i, base + i),
            });
            return Ok(fields);
        }
    }
}

/// Where each of the five columns sits in a row, read from the header.
struct Columns {
    /// Field index of release, effective_date, document, version, title.
    index: [usize; 5],
    /// How many fields the header has; a row may not have more.
    width: usize,
}

impl Columns {
    const STANDARD: Columns = Columns {
        index: [0, 1, 2, 3, 4],
        width: 5,
    };

    /// The columns a header names, in any order and case, with `Effective Date` read as
    /// `effective_date`; extra columns are allowed. `None` unless all five are named once.
    fn from_header(names: &[String]) -> Option<Columns> {
        let mut index = [0; 5];
        for (i, want) in HEADER.iter().enumerate() {
            let mut at = names
                .iter()
                .enumerate()
                .filter(|(_, n)| n.as_str() == *want);
            let (j, _) = at.next()?;
            if at.next().is_some() {
                return None;
            }
            index[i] = j;
        }
        Some(Columns {
            index,
            width: names.len(),
        })
    }
}

/// A header cell as compared with [`HEADER`]: trimmed, lower case, spaces and hyphens as `_`.
fn column_name(cell: &str) -> String {
    cell.trim()
        .to_ascii_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

pub fn parse(text: &str) -> ParsedLog {
    let mut out = ParsedLog::default();
    // Blank lines, and rows of empty fields (`,,,,` as spreadsheets export them), are skipped.
    let mut lines = records(text).filter(|(_, l)| {
        !l.split(',')
            .all(|f| f.trim().trim_matches('"').trim().is_empty())
    });
    let Some((h_start, header)) = lines.next() else {
        return out;
    };
    let header_span = Span::new(h_start, h_start + header.len());
    let names: Vec<String> = match split_fields(header, h_start) {
        Ok(f) => f.iter().map(|f| column_name(&f.value)).collect(),
        Err(_) => vec![],
    };
    let columns = match Columns::from_header(&names) {
        Some(columns) => columns,
        None => {
            // A first line that reads as a row is a row: the header is missing, not wrong.
            let first_row = parse_row(header, h_start, &Columns::STANDARD).ok();
            let problem = match first_row {
                Some(_) => RowProblem::NoHeader,
                None => RowProblem::WrongHeader(header.to_string()),
            };
            out.malformed.push(MalformedRow {
                span: header_span,
                problem,
                said: RowSaid::default(),
            });
            out.rows.extend(first_row);
            Columns::STANDARD
        }
    };
    for (start, line) in lines {
        match parse_row(line, start, &columns) {
            Ok(row) => out.rows.push(row),
            Err(m) => out.malformed.push(*m),
        }
    }
    out
}

/// The records of the file: one a line, except that a quoted field may hold line breaks
/// (RFC 4180), so a line whose quotes do not balance goes on to the next ones until they
/// do. A quote never closed keeps its line as a record of its own (LOG008 says so).
fn records(text: &str) -> impl Iterator<Item = (usize, &str)> {
    /// How many lines one quoted field may span before it is taken as never closed.
    const MAX_LINES: usize = 50;
    let lines: Vec<(usize, &str)> = lines_with_offsets(text).collect();
    let quotes = |l: &str| l.bytes().filter(|&b| b == b'"').count();
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let (start, line) = lines[i];
        let mut n = quotes(line);
        let mut last = i;
        while n % 2 == 1 && last + 1 < lines.len() && last - i < MAX_LINES {
            last += 1;
            n += quotes(lines[last].1);
        }
        if n % 2 == 1 {
            last = i;
        }
        let (end_start, end_line) = lines[last];
        out.push((start, &text[start..end_start + end_line.len()]));
        i = last + 1;
    }
    out.into_iter()
}

/// The document field: the key as the contract writes it (`appendix-ac`); `Appendix AC`
/// and `Appendix-AC` name the same document without doubt, so they are read too.
fn document_field(value: &str) -> Option<DocumentId> {
    let text = value.trim();
    DocumentId::from_key(text)
        .or_else(|| DocumentId::from_key(&text.to_ascii_lowercase()))
        .or_else(|| DocumentId::from_name(text))
}

/// What a row's fields say, where they are there and read well.
fn said(fields: &[Field<'_>], columns: &Columns) -> RowSaid {
    let field = |k: usize| fields.get(columns.index[k]).map(|f| f.value.trim());
    RowSaid {
        release: field(0).and_then(Version::parse),
        document: field(2).and_then(document_field),
        version: field(3).and_then(Version::parse),
    }
}

/// A row, or why it cannot be read (boxed: a malformed row is the rare case).
fn parse_row(line: &str, start: usize, columns: &Columns) -> Result<LogRow, Box<MalformedRow>> {
    let row_span = Span::new(start, start + line.len());
    let fields = split_fields(line, start).map_err(|q| {
        Box::new(MalformedRow {
            span: Span::new(q, start + line.len()),
            problem: RowProblem::UnclosedQuote,
            said: RowSaid::default(),
        })
    })?;
    let said = said(&fields, columns);
    // A row may leave off empty columns after the five it needs, never have more than the
    // header.
    let needed = columns.index.iter().max().map_or(5, |m| m + 1);
    if fields.len() < needed || fields.len() > columns.width {
        return Err(Box::new(MalformedRow {
            span: row_span,
            problem: RowProblem::FieldCount {
                found: fields.len(),
                width: columns.width,
            },
            said,
        }));
    }
    let [release, date, document, version, title] = columns.index.map(|i| &fields[i]);
    let bad = |f: &Field, problem: fn(String) -> RowProblem| {
        Box::new(MalformedRow {
            span: f.span,
            problem: problem(f.value.trim().to_string()),
            said: said.clone(),
        })
    };
    let release_v =
        Version::parse(release.value.trim()).ok_or_else(|| bad(release, RowProblem::BadRelease))?;
    let date_v = match parse_cell_date(&date.value) {
        CellDate::Date(d) => d,
        _ => return Err(bad(date, RowProblem::BadDate)),
    };
    // The key as the contract writes it (`appendix-ac`); `Appendix AC` and `Appendix-AC`
    // name the same document without doubt, so they are read too.
    let document_v =
        document_field(&document.value).ok_or_else(|| bad(document, RowProblem::BadDocument))?;
    let version_v =
        Version::parse(version.value.trim()).ok_or_else(|| bad(version, RowProblem::BadVersion))?;
    // A title broken over lines in its quotes reads as one line.
    let title_v = crate::title::squeeze(&title.value);
    if title_v.is_empty() {
        return Err(bad(title, |_| RowProblem::NoTitle));
    }
    Ok(LogRow {
        span: row_span,
        release: release_v,
        release_span: release.span,
        effective_date: date_v,
        date_span: date.span,
        document: document_v,
        document_span: document.span,
        version: version_v,
        version_span: version.span,
        folded_title: crate::title::fold(&title_v),
        title: title_v,
        title_span: title.span,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = "release,effective_date,document,version,title\r\n\
        57.0,2022-02-24,appendix-ac,4.0,\"Inventory, Enrolment and Decommissioning Procedures\"\r\n\
        \r\n\
        57.0,2022-02-31,section-h,12.0,DCC Services\r\n\
        57.0,2022-02-24,section-hh,12.0,DCC Services\r\n\
        57.0,2022-02-24,section-j,3.0\r\n\
        57.0,2022-02-24,section-j,3.0,\"Charges\r\n\
        57.0,2022-02-24,section-j,3.0,\"Say \"\"hi\"\"\",\r\n";

    #[test]
    fn reads_rows_with_field_spans() {
        let log = parse(LOG);
        assert_eq!(log.rows.len(), 1);
        let row = &log.rows[0];
        assert_eq!(row.release.as_str(), "57.0");
        assert_eq!(row.document.key(), "appendix-ac");
        assert_eq!(
            row.title,
            "Inventory, Enrolment and Decommissioning Procedures"
        );
        assert_eq!(&LOG[row.version_span.range()], "4.0");
        assert_eq!(
            &LOG[row.title_span.range()],
            "\"Inventory, Enrolment and Decommissioning Procedures\""
        );
        assert!(!LOG[row.span.range()].ends_with('\r'));
    }

    #[test]
    fn reports_each_malformed_row_and_keeps_going() {
        let log = parse(LOG);
        let found: Vec<(&str, &RowProblem)> = log
            .malformed
            .iter()
            .map(|m| (&LOG[m.span.range()], &m.problem))
            .collect();
        let count = |found, width| RowProblem::FieldCount { found, width };
        assert_eq!(
            found,
            vec![
                ("2022-02-31", &RowProblem::BadDate("2022-02-31".into())),
                ("section-hh", &RowProblem::BadDocument("section-hh".into())),
                ("57.0,2022-02-24,section-j,3.0", &count(4, 5)),
                ("\"Charges", &RowProblem::UnclosedQuote),
                (
                    "57.0,2022-02-24,section-j,3.0,\"Say \"\"hi\"\"\",",
                    &count(6, 5)
                ),
            ]
        );
        // A row whose document and version read well names them, whatever else is wrong.
        let named: Vec<Option<String>> = log
            .malformed
            .iter()
            .map(|m| {
                let s = &m.said;
                s.document
                    .as_ref()
                    .zip(s.version.as_ref())
                    .map(|(d, v)| format!("{d} {v}"))
            })
            .collect();
        assert_eq!(
            named,
            [
                Some("Section H 12.0".to_string()),
                None,
                Some("Section J 3.0".to_string()),
                None,
                Some("Section J 3.0".to_string()),
            ]
        );
    }

    #[test]
    fn a_wrong_header_is_reported_once() {
        let log = parse(
            "release,date,document,version,title\n40.0,2021-06-24,section-a,1.0,Definitions\n",
        );
        assert_eq!(log.malformed.len(), 1);
        assert!(matches!(
            log.malformed[0].problem,
            RowProblem::WrongHeader(_)
        ));
        assert_eq!(log.rows.len(), 1);
    }

    #[test]
    fn columns_are_read_by_their_header_names() {
        let text = "Document,Version,Release,Effective Date,Title,Notes\n\
            appendix-ac,3.1,40.0,2021-06-24,\"Inventory, Enrolment and Withdrawal Procedures\",\n\
            section-h,9.1,40.0,2021-06-24,DCC Services,re-issued\n\
            section-j,3.1,40.0,2021-06-24,Charges,a,b\n";
        let log = parse(text);
        let rows: Vec<(String, &str, &str)> = log
            .rows
            .iter()
            .map(|r| (r.document.key(), r.version.as_str(), r.release.as_str()))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("appendix-ac".to_string(), "3.1", "40.0"),
                ("section-h".to_string(), "9.1", "40.0")
            ]
        );
        assert_eq!(&text[log.rows[0].release_span.range()], "40.0");
        // Only the row with more fields than the header is malformed; the header is fine.
        let problems: Vec<&RowProblem> = log.malformed.iter().map(|m| &m.problem).collect();
        assert_eq!(problems, [&RowProblem::FieldCount { found: 7, width: 6 }]);
    }

    #[test]
    fn a_missing_header_loses_no_row() {
        let log = parse(
            "40.0,2021-06-24,section-a,1.0,Definitions\n40.0,2021-06-24,section-h,1.0,DCC Services\n",
        );
        assert_eq!(log.rows.len(), 2);
        assert_eq!(log.malformed.len(), 1);
        assert_eq!(log.malformed[0].problem, RowProblem::NoHeader);
    }

    #[test]
    fn empty_rows_and_display_names_are_read() {
        let log = parse(
            "release,effective_date,document,version,title\n\
             40.0,2021-06-24,Section H,1.0,DCC Services\n\
             40.0,2021-06-24,Appendix-AC,1.0,Inventory\n\
             40.0 , 2021-13-01,section-a,1.0,Definitions\n\
             ,,,,\n\
             \"\",,, ,\n",
        );
        let keys: Vec<String> = log.rows.iter().map(|r| r.document.key()).collect();
        assert_eq!(keys, vec!["section-h", "appendix-ac"]);
        let problems: Vec<&RowProblem> = log.malformed.iter().map(|m| &m.problem).collect();
        assert_eq!(problems, [&RowProblem::BadDate("2021-13-01".into())]);
    }

    #[test]
    fn a_quoted_title_may_span_lines() {
        let text = "release,effective_date,document,version,title\r\n\
            40.0,24/06/2021,appendix-ac,2.0,\"Inventory, Enrolment and\r\nDecommissioning Procedures\"\r\n\
            40.0,24/06/2021,section-h,1.0,DCC Services\r\n\
            54.0,17/12/2021,section-j,3.0,\"Charges\r\n";
        let log = parse(text);
        let got: Vec<(String, &str)> = log
            .rows
            .iter()
            .map(|r| (r.document.key(), r.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "appendix-ac".to_string(),
                    "Inventory, Enrolment and Decommissioning Procedures"
                ),
                ("section-h".to_string(), "DCC Services"),
            ]
        );
        assert_eq!(
            &text[log.rows[0].title_span.range()],
            "\"Inventory, Enrolment and\r\nDecommissioning Procedures\""
        );
        // The row after it starts on its own line; a quote never closed stays one record.
        assert_eq!(
            &text[log.rows[1].span.range()],
            "40.0,24/06/2021,section-h,1.0,DCC Services"
        );
        assert_eq!(log.malformed.len(), 1);
        assert_eq!(log.malformed[0].problem, RowProblem::UnclosedQuote);
        assert_eq!(&text[log.malformed[0].span.range()], "\"Charges");
    }
}
