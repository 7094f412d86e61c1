//! `document-log.csv`: `release,effective_date,document,version,title`, one row per
//! document in effect after each release.
//!
//! A small hand-written CSV reader (RFC 4180 quoting, one record per line) keeps the byte
//! span of every field, which a general CSV crate does not give back.

use crate::date::Date;
use crate::model::LogRow;
use crate::names::{DocumentId, Version};
use crate::source::{Span, lines_with_offsets};

pub const HEADER: [&str; 5] = ["release", "effective_date", "document", "version", "title"];

/// A row that could not be read, with why.
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

pub fn parse(text: &str) -> ParsedLog {
    let mut out = ParsedLog::default();
    let mut lines = lines_with_offsets(text).filter(|(_, l)| !l.trim().is_empty());
    let Some((h_start, header)) = lines.next() else {
        return out;
    };
    let header_span = Span::new(h_start, h_start + header.len());
    let names: Vec<String> = match split_fields(header, h_start) {
        Ok(f) => f
            .iter()
            .map(|f| f.value.trim().to_ascii_lowercase())
            .collect(),
        Err(_) => vec![],
    };
    if names != HEADER {
        out.malformed.push(MalformedRow {
            span: header_span,
            message: format!(
                "the Document Log header is `{header}`, not `{}`",
                HEADER.join(",")
            ),
            help: format!(
                "make the first line `{}`; rows are read in that column order",
                HEADER.join(",")
            ),
        });
    }
    for (start, line) in lines {
        match parse_row(line, start) {
            Ok(row) => out.rows.push(row),
            Err(m) => out.malformed.push(m),
        }
    }
    out
}

fn parse_row(line: &str, start: usize) -> Result<LogRow, MalformedRow> {
    let row_span = Span::new(start, start + line.len());
    let fields = split_fields(line, start).map_err(|q| MalformedRow {
        span: Span::new(q, start + line.len()),
        message: "this row has a quote that is never closed".into(),
        help: "close the quoted field with `\"`; a quote inside it is written `\"\"`".into(),
    })?;
    if fields.len() != 5 {
        return Err(MalformedRow {
            span: row_span,
            message: format!("this row has {} fields, not 5", fields.len()),
            help: format!(
                "give every row the five fields `{}`; quote a title that holds a comma",
                HEADER.join(",")
            ),
        });
    }
    let bad = |f: &Field, message: String, help: &str| MalformedRow {
        span: f.span,
        message,
        help: help.to_string(),
    };
    let [release, date, document, version, title] = &fields[..] else {
        unreachable!("checked: five fields")
    };
    let release_v = Version::parse(release.value.trim()).ok_or_else(|| {
        bad(
            release,
            format!("`{}` is not an SEC release number", release.value),
            "write the SEC version as digits and dots, e.g. `57.0`",
        )
    })?;
    let date_v = Date::parse_iso(date.value.trim()).ok_or_else(|| {
        bad(
            date,
            format!("`{}` is not a valid ISO date", date.value),
            "write the effective date as YYYY-MM-DD, e.g. `2022-02-24`, and check the day exists",
        )
    })?;
    let document_v = DocumentId::from_key(document.value.trim()).ok_or_else(|| {
        bad(
            document,
            format!("`{}` is not a document key", document.value),
            "use `section-<letter>`, `schedule-<number>` or `appendix-<letters>`, lower case, e.g. `appendix-ac`",
        )
    })?;
    let version_v = Version::parse(version.value.trim()).ok_or_else(|| {
        bad(
            version,
            format!("`{}` is not a document version", version.value),
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
}
