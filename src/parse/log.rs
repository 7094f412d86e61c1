//! `document-log.csv`: `release,effective_date,document,version,title`, one row per
//! document in effect after each release.
//!
//! A small hand-written CSV reader (RFC 4180 quoting, one record per line) keeps the byte
//! span of every field, which a general CSV crate does not give back.

use crate::date::Date;
use crate::names::{DocumentId, Version};
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
    pub title_span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MalformedRow {
    /// The offending field, or the whole row.
    pub span: Span,
    pub message: String,
    pub help: String,
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
    let mut lines = lines_with_offsets(text).filter(|(_, l)| {
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
            let message = match first_row {
                Some(_) => "the Document Log has no header line".to_string(),
                None => format!(
                    "the Document Log header is `{header}`, not `{}`",
                    HEADER.join(",")
                ),
            };
            out.malformed.push(MalformedRow {
                span: header_span,
                message,
                help: format!(
                    "make the first line `{}`; rows are read in that column order",
                    HEADER.join(",")
                ),
            });
            out.rows.extend(first_row);
            Columns::STANDARD
        }
    };
    for (start, line) in lines {
        match parse_row(line, start, &columns) {
            Ok(row) => out.rows.push(row),
            Err(m) => out.malformed.push(m),
        }
    }
    out
}

fn parse_row(line: &str, start: usize, columns: &Columns) -> Result<LogRow, MalformedRow> {
    let row_span = Span::new(start, start + line.len());
    let fields = split_fields(line, start).map_err(|q| MalformedRow {
        span: Span::new(q, start + line.len()),
        message: "this row has a quote that is never closed".into(),
        help: "close the quoted field with `\"`; a quote inside it is written `\"\"`".into(),
    })?;
    // A row may leave off empty columns after the five it needs, never have more than the
    // header.
    let needed = columns.index.iter().max().map_or(5, |m| m + 1);
    if fields.len() < needed || fields.len() > columns.width {
        let expected = if columns.width == 5 {
            "5".to_string()
        } else {
            format!("{} (the header's columns)", columns.width)
        };
        return Err(MalformedRow {
            span: row_span,
            message: format!("this row has {} fields, not {expected}", fields.len()),
            help: format!(
                "give every row the five fields `{}`; quote a title that holds a comma",
                HEADER.join(",")
            ),
        });
    }
    let [release, date, document, version, title] = columns.index.map(|i| &fields[i]);
    let bad = |f: &Field, message: String, help: &str| MalformedRow {
        span: f.span,
        message,
        help: help.to_string(),
    };
    let release_v = Version::parse(release.value.trim()).ok_or_else(|| {
        bad(
            release,
            format!("`{}` is not an SEC release number", release.value.trim()),
            "write the SEC version as digits and dots, e.g. `57.0`",
        )
    })?;
    let date_v = Date::parse_iso(date.value.trim()).ok_or_else(|| {
        bad(
            date,
            format!("`{}` is not a valid ISO date", date.value.trim()),
            "write the effective date as YYYY-MM-DD, e.g. `2022-02-24`, and check the day exists",
        )
    })?;
    // The key as the contract writes it (`appendix-ac`); `Appendix AC` and `Appendix-AC`
    // name the same document without doubt, so they are read too.
    let doc_text = document.value.trim();
    let document_v = DocumentId::from_key(doc_text)
        .or_else(|| DocumentId::from_key(&doc_text.to_ascii_lowercase()))
        .or_else(|| DocumentId::from_name(doc_text))
        .ok_or_else(|| {
        bad(
            document,
            format!("`{}` is not a document key", document.value.trim()),
            "use `section-<letter>`, `schedule-<number>` or `appendix-<letters>`, lower case, e.g. `appendix-ac`",
        )
    })?;
    let version_v = Version::parse(version.value.trim()).ok_or_else(|| {
        bad(
            version,
            format!("`{}` is not a document version", version.value.trim()),
            "write the document's version as digits and dots, e.g. `3.1`",
        )
    })?;
    let title_v = title.value.trim();
    if title_v.is_empty() {
        return Err(bad(
            title,
            "this row has no title".into(),
            "give the document's title at this release, without the `Section H` prefix",
        ));
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
        title: title_v.to_string(),
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
        let found: Vec<(&str, &str)> = log
            .malformed
            .iter()
            .map(|m| (&LOG[m.span.range()], m.message.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                ("2022-02-31", "`2022-02-31` is not a valid ISO date"),
                ("section-hh", "`section-hh` is not a document key"),
                (
                    "57.0,2022-02-24,section-j,3.0",
                    "this row has 4 fields, not 5"
                ),
                ("\"Charges", "this row has a quote that is never closed"),
                (
                    "57.0,2022-02-24,section-j,3.0,\"Say \"\"hi\"\"\",",
                    "this row has 6 fields, not 5"
                ),
            ]
        );
    }

    #[test]
    fn a_wrong_header_is_reported_once() {
        let log = parse(
            "release,date,document,version,title\n40.0,2021-06-24,section-a,1.0,Definitions\n",
        );
        assert_eq!(log.malformed.len(), 1);
        assert!(log.malformed[0].message.contains("header"));
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
        let messages: Vec<&str> = log.malformed.iter().map(|m| m.message.as_str()).collect();
        assert_eq!(
            messages,
            vec!["this row has 7 fields, not 6 (the header's columns)"]
        );
    }

    #[test]
    fn a_missing_header_loses_no_row() {
        let log = parse(
            "40.0,2021-06-24,section-a,1.0,Definitions\n40.0,2021-06-24,section-h,1.0,DCC Services\n",
        );
        assert_eq!(log.rows.len(), 2);
        assert_eq!(log.malformed.len(), 1);
        assert_eq!(
            log.malformed[0].message,
            "the Document Log has no header line"
        );
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
        let messages: Vec<&str> = log.malformed.iter().map(|m| m.message.as_str()).collect();
        assert_eq!(messages, vec!["`2021-13-01` is not a valid ISO date"]);
    }
}
