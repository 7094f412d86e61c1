//! Both shapes read from fixtures: the PDF table's forty rows, reasons and overviews,
//! decoy lines, where the table ends, CRLF, and the Markdown table.

use super::pdf::is_table_end;
use super::*;

const PDF: &str = include_str!("../../../tests/fixtures/extract/version-control-pdf.txt");
const MD: &str = include_str!("../../../tests/fixtures/extract/version-control.md");

fn v(s: &str) -> Version {
    Version::parse(s).unwrap()
}

fn iso(d: Option<Date>) -> String {
    d.map_or_else(|| "-".to_string(), |d| d.to_string())
}

fn pdf() -> VersionTable {
    parse_version_table(PDF).expect("table")
}

fn row<'a>(t: &'a VersionTable, version: &str) -> &'a VersionRow {
    t.rows
        .iter()
        .find(|r| r.version.as_str() == version)
        .unwrap()
}

const PDF_ROWS: [(&str, &str); 40] = [
    ("1.0", "2013-10-07"),
    ("2.0", "2014-04-03"),
    ("2.1", "2014-04-09"),
    ("2.2", "2014-06-02"),
    ("3.0", "2014-08-04"),
    ("3.1", "2014-10-22"),
    ("4.0", "2015-01-19"),
    ("4.1", "2015-01-29"),
    ("4.2", "2015-03-23"),
    ("4.3", "2015-07-06"),
    ("4.4", "2015-09-16"),
    ("4.5", "2015-09-30"),
    ("4.6", "2015-10-26"),
    ("4.7", "2016-02-11"),
    ("4.8", "2016-02-15"),
    ("4.9", "2016-03-14"),
    ("4.10", "2016-04-21"),
    ("4.11", "2016-06-08"),
    ("4.12", "2016-06-17"),
    ("4.13", "2016-07-07"),
    ("4.14", "2016-07-14"),
    ("4.15", "2016-08-19"),
    ("4.16", "2016-10-24"),
    ("4.17", "2016-10-31"),
    ("5.0", "2016-11-10"),
    ("5.1", "2016-12-15"),
    ("5.2", "2016-12-22"),
    ("5.3", "2017-01-30"),
    ("5.4", "2017-02-13"),
    ("5.5", "2017-03-16"),
    ("5.6", "2017-04-03"),
    ("5.7", "2017-05-12"),
    ("5.8", "2017-07-14"),
    ("5.9", "2017-07-24"),
    ("5.10", "2017-09-15"),
    ("5.11", "2017-11-07"),
    ("5.12", "2017-11-23"),
    ("5.13", "2018-02-02"),
    ("5.14", "2018-02-23"),
    ("5.15", "2018-05-29"),
];

#[test]
fn pdf_table_gives_forty_rows_with_versions_and_dates() {
    let t = pdf();
    assert_eq!(t.shape, TableShape::PdfText);
    let got: Vec<(String, String)> = t
        .rows
        .iter()
        .map(|r| (r.version.as_str().to_string(), iso(r.date)))
        .collect();
    let want: Vec<(String, String)> = PDF_ROWS
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
    for r in &t.rows {
        assert_eq!(&PDF[r.version_span.clone()], r.version.as_str());
        assert!(PDF[r.span.clone()].starts_with(r.version.as_str()));
        assert!(r.span.start <= r.date_span.start && r.date_span.end <= r.span.end);
    }
}

#[test]
fn pdf_dates_keep_their_line_breaks_in_the_span() {
    let t = pdf();
    let date_text = |ver: &str| &PDF[row(&t, ver).date_span.clone()];
    assert_eq!(date_text("1.0"), "7th October \n\n2013");
    assert_eq!(date_text("2.0"), "3rd April 2014");
    assert_eq!(date_text("4.4"), "16th September \n\n2015");
    assert_eq!(date_text("4.15"), "19th August \n\n2016");
    assert_eq!(date_text("5.9"), "24th July 2017");
    assert_eq!(date_text("5.15"), "29th May 2018");
}

#[test]
fn rows_after_a_page_break_have_a_leading_space() {
    let t = pdf();
    for ver in ["4.2", "5.1", "5.12"] {
        let r = row(&t, ver);
        assert_eq!(
            &PDF[r.version_span.start - 2..r.version_span.start],
            "\n ",
            "{ver}"
        );
    }
}

#[test]
fn pdf_modifies_chain() {
    let t = pdf();
    let got: Vec<(String, Vec<Option<String>>)> = t
        .rows
        .iter()
        .map(|r| {
            let m = r
                .reasons
                .iter()
                .map(|re| re.modifies.as_ref().map(|(v, _)| v.as_str().to_string()))
                .collect();
            (r.version.as_str().to_string(), m)
        })
        .collect();
    let s = |x: &str| Some(x.to_string());
    let want: Vec<(String, Vec<Option<String>>)> = vec![
        ("1.0", vec![None]),
        ("2.0", vec![s("1.0")]),
        ("2.1", vec![s("2.0")]),
        ("2.2", vec![s("2.1")]),
        ("3.0", vec![s("2.2")]),
        ("3.1", vec![s("3.0")]),
        ("4.0", vec![s("3.1")]),
        ("4.1", vec![s("4.0")]),
        ("4.2", vec![s("4.1")]),
        ("4.3", vec![s("4.2")]),
        ("4.4", vec![s("4.3")]),
        ("4.5", vec![s("4.4")]),
        ("4.6", vec![s("4.5")]),
        ("4.7", vec![s("4.6")]),
        ("4.8", vec![s("4.7"), s("4.6")]),
        ("4.9", vec![s("4.8")]),
        ("4.10", vec![s("4.9")]),
        ("4.11", vec![s("4.10")]),
        ("4.12", vec![s("4.11")]),
        ("4.13", vec![s("4.12")]),
        ("4.14", vec![s("4.13")]),
        ("4.15", vec![s("4.14"), s("4.14")]),
        ("4.16", vec![s("4.15")]),
        ("4.17", vec![s("4.16")]),
        ("5.0", vec![s("4.17")]),
        ("5.1", vec![None]),
        ("5.2", vec![s("5.1")]),
        ("5.3", vec![s("5.2")]),
        ("5.4", vec![s("5.3"), None]),
        ("5.5", vec![None]),
        ("5.6", vec![None]),
        ("5.7", vec![None]),
        ("5.8", vec![None]),
        ("5.9", vec![s("5.8")]),
        ("5.10", vec![None]),
        ("5.11", vec![s("5.10")]),
        ("5.12", vec![None]),
        ("5.13", vec![s("5.12")]),
        ("5.14", vec![s("5.13"), s("5.13")]),
        ("5.15", vec![None]),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b))
    .collect();
    assert_eq!(got, want);
    // Every "modifies" span points at the version number in the text.
    for r in &t.rows {
        for re in &r.reasons {
            if let Some((ver, span)) = &re.modifies {
                assert_eq!(&PDF[span.clone()], ver.as_str());
                assert!(PDF[span.start - 8..span.start].ends_with("version "));
            }
        }
    }
}

#[test]
fn two_reason_rows() {
    let t = pdf();
    let r = row(&t, "5.14");
    assert_eq!(r.reasons.len(), 2);
    assert_eq!(
        r.reasons[0].text,
        "Modifications to SEC version 5.13 as directed by the Secretary of State pursuant \
         to Section 88(1) of the Energy Act 2008"
    );
    assert_eq!(
        r.reasons[1].text,
        "Modifications to SEC version 5.13 as directed by the Secretary of State pursuant \
         to SEC Section X5"
    );
    assert_eq!(r.reasons[0].modifies.as_ref().unwrap().0, v("5.13"));
    assert_eq!(r.reasons[1].modifies.as_ref().unwrap().0, v("5.13"));
    assert!(r.reasons[0].span.end < r.reasons[1].span.start);
    assert_eq!(
        r.overview,
        "Section A definitions updated Appendix AJ (SEC Variation Testing Approach \
         Document) designated"
    );

    // 4.8: the second reason is finished after a page break, below overview lines.
    let r = row(&t, "4.8");
    assert_eq!(r.reasons.len(), 2);
    let second = &r.reasons[1];
    assert_eq!(
        second.text,
        "Modifications to SEC version 4.6 as directed by the Secretary of State in \
         accordance with SEC Section X5.4 and Condition 22 of the DCC Licence"
    );
    assert_eq!(second.pieces.len(), 7);
    assert_eq!(&PDF[second.pieces[3].clone()], "State in accordance");
    assert_eq!(&PDF[second.pieces[6].clone()], "DCC Licence");
    assert!(PDF[second.span.clone()].contains("maintenance guidance"));
    assert_eq!(
        r.overview,
        "More Communications Hub provisions. Designating the CH install and maintenance \
         guidance."
    );

    // 4.15: a Secretary of State direction and a Panel direction with an effect date.
    let r = row(&t, "4.15");
    assert_eq!(r.reasons.len(), 2);
    assert!(
        r.reasons[0]
            .text
            .ends_with("and pursuant to SEC Appendix J.")
    );
    let (d, span) = &r.reasons[1].effect_dates[0];
    assert_eq!(
        (d.to_string().as_str(), &PDF[span.clone()]),
        ("2016-08-16", "16th August 2016")
    );
    assert_eq!(r.reasons[1].effect_dates.len(), 1);
    assert!(r.reasons[1].approval_date.is_none());

    // 5.4: the second reason names no version.
    let r = row(&t, "5.4");
    assert_eq!(
        r.reasons[1].text,
        "Modifications as directed by the Secretary of State pursuant to SEC Section X5."
    );
    assert!(r.reasons[1].modifies.is_none());
}

#[test]
fn approval_dates_including_ones_split_over_lines() {
    let t = pdf();
    let got: Vec<(&str, String, &str)> = t
        .rows
        .iter()
        .flat_map(|r| r.reasons.iter().map(move |re| (r, re)))
        .filter_map(|(r, re)| {
            let (d, span) = re.approval_date.as_ref()?;
            Some((r.version.as_str(), d.to_string(), &PDF[span.clone()]))
        })
        .collect();
    assert_eq!(
        got,
        [
            ("5.1", "2016-11-23".to_string(), "23rd November 2016"),
            ("5.5", "2017-02-22".to_string(), "22nd \n\nFebruary 2017"),
            ("5.6", "2017-01-18".to_string(), "18th \n\nJanuary 2017"),
            ("5.7", "2017-04-19".to_string(), "19th \n\nApril 2017"),
            ("5.8", "2017-06-21".to_string(), "21st \n\nJune 2017"),
            ("5.10", "2017-08-23".to_string(), "23rd August 2017"),
            ("5.12", "2017-10-25".to_string(), "25th \n\nOctober 2017"),
            ("5.15", "2018-05-01".to_string(), "1st May \n\n2018"),
        ]
    );
    let r = row(&t, "5.12");
    assert_eq!(
        r.reasons[0].text,
        "Implementation of a Modification Proposal approved via the Change Board on 25th \
         October 2017."
    );
    // No other row carries a date in its reasons.
    assert!(
        t.rows
            .iter()
            .flat_map(|r| &r.reasons)
            .all(|re| re.other_dates.is_empty())
    );
}

#[test]
fn reasons_keep_legal_fragments_and_overviews_keep_the_rest() {
    let t = pdf();
    let r = row(&t, "1.0");
    assert_eq!(
        r.reasons[0].text,
        "Designation by the Secretary of State pursuant to section 88(1) of the Energy Act 2008"
    );
    assert_eq!(r.overview, "Initial designation of the Code");
    assert_eq!(
        &PDF[r.reasons[0].span.clone()],
        "Designation by the \n\nSecretary of State \n\npursuant to section \n\n88(1) of the \
         Energy Act \n\n2008"
    );

    let r = row(&t, "2.2");
    assert_eq!(
        r.reasons[0].text,
        "Modification to SEC version 2.1 as directed by the SEC Panel pursuant to SECMP 0002"
    );
    assert_eq!(
        r.overview,
        "Removing references to a consumer body that has been dissolved"
    );

    // The reason resumes after overview lines; "Section X as directed by the" after the
    // closed reason is overview.
    let r = row(&t, "5.13");
    assert_eq!(r.reasons.len(), 1);
    assert_eq!(
        r.reasons[0].text,
        "Modifications to SEC version 5.12 as directed by the Secretary of State pursuant \
         to section 89 of the Energy Act 2008"
    );
    assert_eq!(
        r.overview,
        "Section P – Production Proving designated; edits to Section A, C, Section E, \
         Section H, Section J, Section K and Section X as directed by the Secretary of \
         State."
    );

    // A reason half closed after "Section X6": "(Section X9)." stays in the overview.
    let r = row(&t, "4.10");
    assert!(r.reasons[0].text.ends_with("with SEC Section X6"));
    assert_eq!(
        r.overview,
        "Arrangements for interim device and user testing (Section X9)."
    );

    // The page-break fragment "Sections X3.1, X5, and / X6" joins the open reason.
    let r = row(&t, "4.14");
    assert!(
        r.reasons[0]
            .text
            .ends_with("the Energy Act 2008, and pursuant to SEC Sections X3.1, X5, and X6")
    );
    assert_eq!(
        r.overview,
        "Designating Section Z - Alt HAN Arrangements. Designating Appendix T - DCCKI \
         Interface Design Specification. Appendices A, B and C re-designated."
    );

    let r = row(&t, "5.1");
    assert_eq!(
        r.overview,
        "Implementation of Modification Proposals: • Amendment to Section L due to \
         SECMP0024 “Widening SMKI PMA membership” • Amendments to Schedule 5 due to \
         SECMP0021 “Publishing Party identifiers”"
    );
}

#[test]
fn decoy_lines_are_not_rows() {
    let t = pdf();
    // "2008", "88(1) of the Energy Act", "2018.", "2.3 and 2.4 of Appendix J.",
    // "Authority on 1st May" and "Section 88 (1) and 89 of" all occur in the fixture.
    for decoy in [
        "\n2008  \n",
        "\n88(1) of the Energy Act \n",
        "\n2018. \n",
        "\n2.3 and 2.4 of",
    ] {
        assert!(PDF.contains(decoy), "{decoy:?}");
    }
    assert_eq!(t.rows.len(), 40);
    assert!(
        row(&t, "5.4")
            .overview
            .ends_with("paragraphs 2.3 and 2.4 of Appendix J.")
    );
    assert!(t.rows.iter().all(|r| r.version.parts()[0] <= 5));

    let text = "VERSION CONTROL\n\n1.0 1st May 2020 Designation by the\n2008\n\
                88(1) of the Energy Act\n2.3 1st Line Support\n2.4 and 2.5 amended\n\
                1st May 2021 reviewed\n1.1 2nd June 2021 Modifications to SEC\nversion 1.0\n";
    let t = parse_version_table(text).unwrap();
    let got: Vec<(&str, String)> = t
        .rows
        .iter()
        .map(|r| (r.version.as_str(), iso(r.date)))
        .collect();
    assert_eq!(
        got,
        [
            ("1.0", "2020-05-01".to_string()),
            ("1.1", "2021-06-02".to_string())
        ]
    );
}

#[test]
fn table_span_stops_at_the_next_heading() {
    let t = pdf();
    assert!(PDF[t.span.clone()].starts_with("VERSION CONTROL"));
    assert!(PDF[t.span.clone()].ends_with("protection updates”."));
    assert!(PDF[t.span.end..].contains("SECTION A: DEFINITIONS"));
    let last = t.rows.last().unwrap();
    assert_eq!(last.span.end, t.span.end);
    assert_eq!(
        last.overview,
        "Amendments to Sections A, I and M for SECMP0046 “Data protection updates”."
    );
}

#[test]
fn crlf_text_gives_the_same_table() {
    let crlf = PDF.replace('\n', "\r\n");
    let a = pdf();
    let b = parse_version_table(&crlf).unwrap();
    assert_eq!(a.rows.len(), b.rows.len());
    for (x, y) in a.rows.iter().zip(&b.rows) {
        assert_eq!(x.version, y.version);
        assert_eq!(x.date, y.date);
        assert_eq!(x.overview, y.overview);
        assert_eq!(
            PDF[x.date_span.clone()].replace('\n', "\r\n"),
            &crlf[y.date_span.clone()]
        );
        let texts = |r: &VersionRow| {
            r.reasons
                .iter()
                .map(|re| re.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(x), texts(y));
        for (rx, ry) in x.reasons.iter().zip(&y.reasons) {
            assert_eq!(
                rx.modifies.as_ref().map(|m| &PDF[m.1.clone()]),
                ry.modifies.as_ref().map(|m| &crlf[m.1.clone()])
            );
        }
    }
}

#[test]
fn markdown_table() {
    let t = parse_version_table(MD).unwrap();
    assert_eq!(t.shape, TableShape::Markdown);
    assert!(MD[t.span.clone()].starts_with("| Version | Implementation Date |"));
    assert!(MD[t.span.clone()].ends_with("| Two small fixes |"));
    let got: Vec<(&str, &str, String)> = t
        .rows
        .iter()
        .map(|r| {
            (
                &MD[r.version_span.clone()],
                &MD[r.date_span.clone()],
                iso(r.date),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("1.0", "2016-11-10", "2016-11-10".to_string()),
            ("1.1", "21st July 2017", "2017-07-21".to_string()),
            ("2.0", "2019-06-27", "2019-06-27".to_string()),
            ("2.1", "2020-11-05", "2020-11-05".to_string()),
            ("3.0", "31st June 2021", "-".to_string()),
            ("3.1", "2022-02-24", "2022-02-24".to_string()),
        ]
    );
    let r = &t.rows[0];
    assert_eq!(
        r.reasons[0].text,
        "Designation by the Secretary of State pursuant to Section X5"
    );
    assert_eq!(r.overview, "First version of the procedures");
    assert!(MD[r.span.clone()].starts_with("| 1.0 |"));

    let r = &t.rows[2];
    let (d, span) = r.reasons[0].approval_date.as_ref().unwrap();
    assert_eq!(
        (d.to_string().as_str(), &MD[span.clone()]),
        ("2019-05-02", "2nd May 2019")
    );

    // Two reasons split at <br>, the second with an effect date; an escaped pipe.
    let r = &t.rows[3];
    assert_eq!(r.reasons.len(), 2);
    assert_eq!(
        r.reasons[1].text,
        "Modifications to SEC version 31.0 as directed by the SEC Panel with effect 4th \
         November 2020"
    );
    for re in &r.reasons {
        let (ver, span) = re.modifies.as_ref().unwrap();
        assert_eq!((ver.as_str(), &MD[span.clone()]), ("31.0", "31.0"));
    }
    let (d, span) = &r.reasons[1].effect_dates[0];
    assert_eq!(
        (d.to_string().as_str(), &MD[span.clone()]),
        ("2020-11-04", "4th November 2020")
    );
    assert_eq!(r.overview, "Device status table | renumbered");

    // Two reasons in one cell without <br>, split where the second begins.
    let r = &t.rows[5];
    let texts: Vec<&str> = r.reasons.iter().map(|re| re.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Modifications to SEC version 56.0 as directed by the Secretary of State.",
            "Modifications to SEC version 56.0 as directed by the SEC Panel pursuant to SECMP0018."
        ]
    );
    for re in &r.reasons {
        assert_eq!(&MD[re.span.clone()], re.text);
    }
}

#[test]
fn table_ends_at_the_document_body() {
    let body = [
        "H8 Service Management\nH8.1 The DCC shall …\n",
        "1.1 This document sets out the steps.\n",
        "CONTENTS PAGE\n",
        "# Section H: DCC Services\n",
    ];
    for b in body {
        let text = format!(
            "VERSION CONTROL\n\n1.0 3rd May 2021 Designation by the\nSecretary of State\nFirst issue\n\n{b}more body text\n"
        );
        let t = parse_version_table(&text).unwrap();
        assert_eq!(t.rows.len(), 1, "{b:?}");
        assert_eq!(t.rows[0].overview, "First issue", "{b:?}");
        assert!(text[t.span.clone()].ends_with("First issue"), "{b:?}");
    }
    // Fragments that look like headings but are not.
    for line in [
        "X6 Design Specification, and",
        "H3.22",
        "SMKI RAPP.",
        "2.3 and 2.4 of Appendix J.",
    ] {
        assert!(!is_table_end(line), "{line:?}");
    }
}

#[test]
fn no_table() {
    assert!(parse_version_table("").is_none());
    assert!(parse_version_table("Just prose about version 4.2 on 18th March 2015.").is_none());
    assert!(parse_version_table("| a | b |\n|---|---|\n| 1 | 2 |\n").is_none());
    let t = parse_version_table("VERSION CONTROL\n\nVersion Number\n").unwrap();
    assert!(t.rows.is_empty());
}

#[test]
fn titled_proposals_are_kept_with_the_table() {
    let md = "# Section H: DCC Services\n\n\
        | Version | Implementation Date | Reason for Change | Overview of Modifications |\n\
        |---|---|---|---|\n\
        | 1.0 | 2021-06-24 | Designation | First publication |\n\
        | 1.1 | 2021-12-17 | Implementation of MP164 approved via Change Board vote on 26 May 2021 | MP164 ‘Enrolment Failure Notifications’; DP170 |\n\n\
        H1.1 MP999 ‘Outside the table’ is not the table's.\n";
    let t = parse_version_table(md).unwrap();
    let got: Vec<(&str, &str, &str)> = t
        .proposals
        .iter()
        .map(|p| {
            (
                p.id.as_str(),
                &md[p.span.clone()],
                p.title.as_deref().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, [("MP164", "MP164", "Enrolment Failure Notifications")]);
    assert_eq!(
        &md[t.proposals[0].title_span.clone().unwrap()],
        "Enrolment Failure Notifications"
    );
    let pdf = "VERSION CONTROL\n\nVersion Date Reason for Change Overview\n\
        1.0 24th June 2021 Implementation of MP116 ‘Faster Enrolment’ First publication\n\
        1.1 17th December 2021 Implementation of MP120 Charging\n\nA1.1 Text.\n";
    let t = parse_version_table(pdf).unwrap();
    let ids: Vec<(&str, Option<&str>)> = t
        .proposals
        .iter()
        .map(|p| (&pdf[p.span.clone()], p.title.as_deref()))
        .collect();
    assert_eq!(ids, [("MP116", Some("Faster Enrolment"))]);
}

/// (version, ISO date) of each row, and whether the table was read whole.
fn versions_of(text: &str) -> (Vec<(String, String)>, bool) {
    let t = parse_version_table(text).expect("a table");
    (
        t.rows
            .iter()
            .map(|r| (r.version.to_string(), iso(r.date)))
            .collect(),
        t.complete,
    )
}

#[test]
fn tables_in_every_exported_shape() {
    let want = vec![
        ("1.0".to_string(), "2021-06-24".to_string()),
        ("1.1".to_string(), "2021-12-17".to_string()),
    ];
    // Without outer pipes.
    let no_outer = "Version | Implementation Date | Reason for Change | Overview of Modifications\n\
        --- | --- | --- | ---\n\
        1.0 | 24/06/2021 | Designation by the Secretary of State | First publication\n\
        1.1 | 17/12/2021 | Implementation of MP164 approved via Change Board vote on 26 May 2021 | Notifications\n\n\
        H1.1 Text.\n";
    assert_eq!(versions_of(no_outer), (want.clone(), true));
    // Tab-separated, dates as published.
    let tabbed = "Version History\n\n\
        Version\tImplementation Date\tReason for Change\tOverview of Modifications\n\
        1.0\t24th June 2021\tDesignation by the Secretary of State\tFirst publication\n\
        1.1\t17.12.2021\tImplementation of SECMP0046\tNotifications\n\n\
        H1.1 Text.\n";
    assert_eq!(versions_of(tabbed), (want.clone(), true));
    assert_eq!(
        parse_version_table(tabbed).unwrap().rows[1].reasons[0].text,
        "Implementation of SECMP0046"
    );
}

#[test]
fn table_headings_of_every_kind() {
    for heading in [
        "VERSION CONTROL",
        "Version Control",
        "Document History",
        "## Version History",
        "**Amendment Record**",
        "CHANGE RECORD",
    ] {
        assert!(is_table_heading(heading), "{heading}");
        let text = format!(
            "{heading}\n\nVersion Implementation Date Reason for Change Overview\n\
             1.0 24th June 2021 Designation by the Secretary of State First publication\n\
             1.1 17th December 2021 Implementation of MP164 Notifications\n\nH1 General\n"
        );
        let (rows, _) = versions_of(&text);
        assert_eq!(rows.len(), 2, "{heading}");
    }
    for not in [
        "Version control of the DCC systems is required.",
        "History",
        "Our document history and more",
    ] {
        assert!(!is_table_heading(not), "{not}");
    }
}

#[test]
fn reasons_of_later_eras_are_not_cut_into_the_overview() {
    let text = "VERSION CONTROL\n\n\
        Version Implementation Date Reason for Change Overview of Modifications\n\
        10.0 24th June 2021 Implementation of SECMP0046\n\
        as directed by the Authority following\n\
        its decision of 3 March 2021\n\
        Changes to the charging statement\n\
        10.1 17th December 2021 Implementation of MP164\n\
        approved via Change Board vote on 26 May 2021\n\
        Enrolment notifications\n\n\
        H1 General\n";
    let t = parse_version_table(text).unwrap();
    let got: Vec<(String, Vec<String>, String)> = t
        .rows
        .iter()
        .map(|r| {
            (
                r.version.to_string(),
                r.reasons.iter().map(|x| x.text.clone()).collect(),
                r.overview.clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "10.0".to_string(),
                vec!["Implementation of SECMP0046 as directed by the Authority following its decision of 3 March 2021".to_string()],
                "Changes to the charging statement".to_string()
            ),
            (
                "10.1".to_string(),
                vec!["Implementation of MP164 approved via Change Board vote on 26 May 2021".to_string()],
                "Enrolment notifications".to_string()
            ),
        ]
    );
}

#[test]
fn a_row_start_before_a_multibyte_character_is_read_safely() {
    // Was a panic: the ordinal's two bytes fell inside the curly quote.
    for text in [
        "VERSION CONTROL\n1.0 4\u{2018}\n",
        "VERSION CONTROL\n1.0 7 \u{2013} October\n",
    ] {
        // No month after the day: no row, and no panic.
        assert!(
            parse_version_table(text).is_none_or(|t| t.rows.is_empty()),
            "{text}"
        );
    }
}

#[test]
fn a_reason_naming_several_earlier_versions_keeps_them_all() {
    let names = |r: &crate::parse::version_table::Reason| -> Vec<String> {
        r.modifies
            .iter()
            .chain(&r.modifies_also)
            .map(|(v, _)| v.to_string())
            .collect()
    };
    let md = "| Version | Implementation Date | Reason for Change | Overview of Modifications |\n|---|---|---|---|\n\
        | 1.0 | 2020-01-02 | Designation | First |\n\
        | 1.1 | 2021-01-02 | Modifications to SEC version 0.9 and 1.0 as directed by the Secretary of State | Second |\n\
        | 1.2 | 2021-06-02 | Modifications to SEC versions 0.9, 1.0 and 1.1 | Third |\n\
        | 1.3 | 2021-09-02 | Modifications to SEC version 1.2 and 24.06.2021 | Fourth |\n";
    let t = parse_version_table(md).unwrap();
    let got: Vec<Vec<String>> = t.rows[1..].iter().map(|r| names(&r.reasons[0])).collect();
    assert_eq!(
        got,
        [vec!["0.9", "1.0"], vec!["0.9", "1.0", "1.1"], vec!["1.2"]]
    );
    // Each span points at its number.
    for r in &t.rows {
        for re in &r.reasons {
            for (v, span) in re.modifies.iter().chain(&re.modifies_also) {
                assert_eq!(&md[span.clone()], v.as_str());
            }
        }
    }
    // Wrapped as a PDF export wraps it.
    let pdf = "VERSION CONTROL\n\n\
        1.0 4th March 2019 Designation by the Secretary of State\n\
        1.1 2nd May 2020 Modifications to SEC versions 0.9 and\n\
        1.0 as directed by the Secretary of State\n\
        New charging dates\n";
    let t = parse_version_table(pdf).unwrap();
    assert_eq!(t.rows.len(), 2);
    assert_eq!(names(&t.rows[1].reasons[0]), ["0.9", "1.0"]);
    assert_eq!(t.rows[1].overview, "New charging dates");
}

#[test]
fn a_date_wrapped_with_the_next_cell_is_read_or_the_table_is_not_complete() {
    // The year wrapped to the start of the next line, after the reason's first words.
    let text = "Version Control\n\n\
        1.0 4th March 2019 Designation by the Secretary of State First version\n\
        1.1 2nd May Modifications to SEC version 1.0 as\n\
        2020 directed by the Secretary of State\n\
        Second version\n\
        1.2 01/10/2020 Implementation of MP101 approved via Change Board vote on 2 September 2020\n\
        Third version\n";
    let t = parse_version_table(text).unwrap();
    let got: Vec<(String, String)> = t
        .rows
        .iter()
        .map(|r| (r.version.to_string(), iso(r.date)))
        .collect();
    assert_eq!(
        got,
        [
            ("1.0".to_string(), "2019-03-04".to_string()),
            ("1.1".to_string(), "2020-05-02".to_string()),
            ("1.2".to_string(), "2020-10-01".to_string()),
        ]
    );
    assert!(t.complete);
    let r = &t.rows[1];
    assert_eq!(&text[r.date_span.clone()], "2nd May");
    assert_eq!(
        r.reasons[0].text,
        "Modifications to SEC version 1.0 as directed by the Secretary of State"
    );
    assert_eq!(r.overview, "Second version");
    assert_eq!(
        t.rows[2].reasons[0]
            .approval_date
            .as_ref()
            .map(|d| d.0.to_string()),
        Some("2020-09-02".to_string())
    );

    // No year to be found: the date is not read, and the table says so.
    for lost in [
        "1.1 2nd May Modifications to SEC version 1.0 as\ndirected by the Secretary of State 2020\n",
        "1.1 2nd Modifications to SEC version 1.0 as\nMay 2020 directed by the Secretary of State\n",
    ] {
        let text = format!(
            "Version Control\n\n1.0 4th March 2019 Designation by the Secretary of State\n{lost}"
        );
        let t = parse_version_table(&text).unwrap();
        assert!(!t.complete, "{lost}");
        assert!(
            t.rows.iter().all(|r| r.date.is_some()) || !t.complete,
            "never complete with a null date"
        );
    }
    // The day alone on the row's line, the month opening the next, the year after it or
    // opening the line after.
    for (wrapped, reason) in [
        (
            "1.1 2nd\nMay Modifications to SEC version 1.0\n2020 as directed by the Secretary of State\n",
            "Modifications to SEC version 1.0 as directed by the Secretary of State",
        ),
        (
            "1.1 2nd\nMay 2020 Modifications to SEC version 1.0\n",
            "Modifications to SEC version 1.0",
        ),
    ] {
        let text = format!(
            "Version Control\n\n1.0 4th March 2019 Designation by the Secretary of State\n{wrapped}"
        );
        let t = parse_version_table(&text).unwrap();
        assert!(t.complete, "{wrapped}");
        assert_eq!(iso(t.rows[1].date), "2020-05-02", "{wrapped}");
        assert_eq!(t.rows[1].reasons[0].text, reason, "{wrapped}");
    }
    // An impossible date is read as written: the table is complete, DATE001 speaks.
    let text = "Version Control\n\n1.0 4th March 2019 Designation\n1.1 31st June 2020 Modifications to SEC version 1.0\n";
    let t = parse_version_table(text).unwrap();
    assert!(t.complete && t.rows[1].date.is_none());
}

#[test]
fn a_page_break_inside_a_table_does_not_end_it() {
    let piped = "SECTION H – DCC SERVICES\n\nDocument History\n\n\
        | Version | Implementation Date | Reason for Change | Overview of Modifications |\n\
        |---|---|---|---|\n\
        | 1.0 | 04/03/2019 | Designation by the Secretary of State | First version |\n\
        | 2.0 | 02/05/2020 | Modifications to SEC version 1.0 | New enrolment rules |\n\n\
        SECTION H – DCC SERVICES\n\
        Page 2 of 9\n\n\
        | Version | Implementation Date | Reason for Change | Overview of Modifications |\n\
        |---|---|---|---|\n\
        | 2.1 | 24/02/2022 | Implementation of MP101 | Forecast timing |\n\n\
        H1 General\n\nH1.1 Text.\n\nSECTION H – DCC SERVICES\nPage 3 of 9\n\nH1.2 More.\n";
    let (rows, complete) = versions_of(piped);
    assert_eq!(
        rows.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
        ["1.0", "2.0", "2.1"]
    );
    assert!(complete);
    let tabbed = "Version History\n\n\
        Version\tImplementation Date\tReason for Change\tOverview of Modifications\n\
        1.0\t24th June 2021\tDesignation by the Secretary of State\tFirst publication\n\
        SEC Section H v1.1\n\
        Page 2 of 3\n\
        1.1\t17.12.2021\tImplementation of SECMP0046\tNotifications\n\n\
        H1.1 Text.\n";
    let (rows, complete) = versions_of(tabbed);
    assert_eq!(rows.len(), 2);
    assert!(complete);
    // The PDF shape: a running header in capitals and a page number between rows.
    let pdf = "Smart Energy Code\n\nSECTION H – DCC SERVICES\n\nVERSION CONTROL\n\n\
        1.0 4th March 2019 Designation by the Secretary of State First version\n\
        2.0 2nd May 2020 Modifications to SEC version 1.0 as directed by the\n\
        Secretary of State\n\
        SECTION H – DCC SERVICES\n\
        Page 2 of 9\n\
        New enrolment rules\n\
        2.1 24th February 2022 Implementation of MP101\n\
        Forecast timing\n\n\
        H1 General\n\nH1.1 The DCC shall act.\n\nSECTION H – DCC SERVICES\nPage 3 of 9\n";
    let t = parse_version_table(pdf).unwrap();
    assert_eq!(t.rows.len(), 3);
    assert!(t.complete);
    assert_eq!(t.rows[1].overview, "New enrolment rules");
    // A line that is no furniture still ends a Markdown table.
    let ended = piped.replace("Page 2 of 9", "The rest of the table was lost.");
    assert_eq!(versions_of(&ended).0.len(), 2);
}

/// Found by `cargo fuzz run version_table_pdf`: a day cell ending in a no-break space
/// (`31\u{a0}`) with the month on the next line made the next line start inside that
/// space, and the parser panicked. The fuzzer's input, decoded as the loader does.
#[test]
fn a_no_break_space_before_a_wrapped_month() {
    let bytes = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/bad/version-table-pdf-nbsp.bin"),
    )
    .unwrap();
    let body = crate::source::decode(bytes).0.unwrap();
    let text = format!("VERSION CONTROL\n{body}");
    let _ = parse_version_table(&text);
    let small =
        "VERSION CONTROL\nVersion Implementation Date Reason\n1.0 31\u{a0}\nJuly 2020 First\n";
    let _ = parse_version_table(small);
}
