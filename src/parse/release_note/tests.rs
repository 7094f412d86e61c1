//! Release notes in the three shapes (Markdown, plain text, breadcrumb web page), the
//! change heuristic's decoys, and edge cases (CRLF, byte order mark, missing parts).

use super::*;
use crate::date::Date;

const MD_63: &str = include_str!("../../../tests/fixtures/extract/release-63.0.md");
const TXT_59: &str = include_str!("../../../tests/fixtures/extract/release-59.0.txt");
const TXT_36: &str = include_str!("../../../tests/fixtures/extract/release-36.0.txt");

fn doc(name: &str) -> DocumentId {
    DocumentId::from_name(name).unwrap()
}

/// (id, kind, number, suffix, text at span, title, text at title span)
type P<'a> = (
    String,
    ProposalKind,
    u32,
    Option<char>,
    &'a str,
    Option<String>,
    Option<&'a str>,
);

fn proposals<'a>(text: &'a str, n: &ReleaseNote) -> Vec<P<'a>> {
    n.proposals
        .iter()
        .map(|p| {
            (
                p.id.clone(),
                p.kind,
                p.number,
                p.suffix,
                &text[p.span.clone()],
                p.title.clone(),
                p.title_span.clone().map(|s| &text[s]),
            )
        })
        .collect()
}

fn p<'a>(
    id: &str,
    kind: ProposalKind,
    number: u32,
    suffix: Option<char>,
    at: &'a str,
    title: Option<&'a str>,
) -> P<'a> {
    (
        id.to_string(),
        kind,
        number,
        suffix,
        at,
        title.map(str::to_string),
        title,
    )
}

/// (document, text at document span, title, text at title span, note, line)
type E<'a> = (
    Option<String>,
    Option<&'a str>,
    Option<String>,
    Option<&'a str>,
    Option<&'a str>,
    &'a str,
);

fn affected<'a>(text: &'a str, n: &ReleaseNote) -> Vec<E<'a>> {
    n.affected
        .iter()
        .map(|a| {
            (
                a.document.as_ref().map(|d| d.to_string()),
                a.document_span.clone().map(|s| &text[s]),
                a.title.clone(),
                a.title_span.clone().map(|s| &text[s]),
                a.note_span.clone().map(|s| &text[s]),
                &text[a.line_span.clone()],
            )
        })
        .collect()
}

/// (document, text at span, title, text at verb span)
fn changed<'a>(
    text: &'a str,
    n: &ReleaseNote,
) -> Vec<(DocumentId, &'a str, Option<&'a str>, &'a str)> {
    n.changed_mentions
        .iter()
        .map(|c| {
            assert_eq!(c.title.as_deref(), c.title_span.clone().map(|s| &text[s]));
            (
                c.document.clone(),
                &text[c.span.clone()],
                c.title_span.clone().map(|s| &text[s]),
                &text[c.verb_span.clone()],
            )
        })
        .collect()
}

fn entry<'a>(d: &str, title: &'a str, note: Option<&'a str>, line: &'a str) -> E<'a> {
    let span = line.strip_prefix("SEC ").unwrap_or(line);
    let span = &span[..d.len()];
    (
        Some(d.to_string()),
        Some(span),
        Some(title.to_string()),
        Some(title),
        note,
        line,
    )
}

use ProposalKind::{Draft, Modification};

#[test]
fn markdown_note_with_five_proposals() {
    let text = MD_63;
    let n = parse_release_note(text);
    assert_eq!(
        &text[n.title_span.clone().unwrap()],
        "SEC v63.0 published for the November 2022 SEC Release"
    );
    let versions: Vec<(&str, &str)> = n
        .version_mentions
        .iter()
        .map(|(v, s)| (v.as_str(), &text[s.clone()]))
        .collect();
    assert_eq!(versions, [("63.0", "63.0"), ("63.0", "63.0")]);
    let (v, s) = n.version.clone().unwrap();
    assert_eq!(v, Version::parse("63.0").unwrap());
    assert!(text[..s.end].ends_with("SEC v63.0"));

    let eff = n.effective_date.clone().unwrap();
    assert_eq!(eff.date, Date::new(2022, 11, 3));
    assert_eq!(&text[eff.span.clone()], "3 November 2022");
    assert!(text[..eff.span.start].ends_with("came into effect on "));
    let line = n.date_line.clone().unwrap();
    assert_eq!(line.date, Date::new(2022, 11, 3));
    assert_eq!(&text[line.span.clone()], "3 November 2022");
    assert!(text[..line.span.start].ends_with("Release\n\n"));

    assert_eq!(
        proposals(text, &n),
        [
            p(
                "MP201",
                Modification,
                201,
                None,
                "MP201",
                Some("Meter Reading Retry Limits")
            ),
            p(
                "MP204A",
                Modification,
                204,
                Some('A'),
                "MP204A",
                Some("Anomaly Threshold Reporting (Alternative)")
            ),
            p("MP204", Modification, 204, None, "MP204", None),
            p(
                "MP208",
                Modification,
                208,
                None,
                "MP208",
                Some("Communications Hub Returns Window")
            ),
            p(
                "MP211",
                Modification,
                211,
                None,
                "MP211",
                Some("Device Log Housekeeping")
            ),
            p(
                "MP215",
                Modification,
                215,
                None,
                "MP215",
                Some("Outage Alert Timing")
            ),
            p("DP215", Draft, 215, None, "DP215", None),
        ]
    );

    let c = n.stated_count.clone().unwrap();
    assert_eq!((c.value, &text[c.span.clone()]), (5, "five"));
    assert_eq!(&text[c.phrase_span], "five Modification Proposals");

    assert_eq!(
        &text[n.affected_heading.clone().unwrap()],
        "What parts of the SEC were affected?"
    );
    assert_eq!(
        affected(text, &n),
        [
            entry(
                "Section A",
                "Definitions and Interpretation",
                None,
                "Section A ‘Definitions and Interpretation’"
            ),
            entry(
                "Section F",
                "Smart Metering System Requirements",
                None,
                "Section F ‘Smart Metering System Requirements’"
            ),
            entry(
                "Section H",
                "DCC Services",
                None,
                "Section H ‘DCC Services’"
            ),
            entry(
                "Schedule 9",
                "SMETS2 v5.1",
                None,
                "Schedule 9 – SMETS2 v5.1"
            ),
            entry(
                "Schedule 11",
                "TS Applicability Tables",
                None,
                "Schedule 11 ‘TS Applicability Tables’"
            ),
            entry(
                "Appendix AC",
                "Inventory, Enrolment and Decommissioning Procedures",
                None,
                "Appendix AC ‘Inventory, Enrolment and Decommissioning Procedures’"
            ),
            entry(
                "Appendix AD",
                "DCC User Interface Specification",
                None,
                "Appendix AD ‘DCC User Interface Specification’"
            ),
            entry(
                "Appendix AF",
                "Message Mapping Catalogue",
                None,
                "Appendix AF ‘Message Mapping Catalogue’"
            ),
        ]
    );

    // Section F (cited "As required by"), Schedule 11 (too far from "removes"), and the
    // legal-text section ("Section H, which amend …", "redlining for … Appendix AC") do
    // not count.
    assert_eq!(
        changed(text, &n),
        [
            (doc("Section H"), "Section H4.22", None, "amend"),
            (doc("Section A"), "Sections A", None, "amendments"),
            (doc("Section H"), "H", None, "amendments"),
            (
                doc("Appendix AC"),
                "Appendix AC",
                Some("Inventory, Enrolment and Decommissioning Procedures"),
                "inserts"
            ),
        ]
    );
}

#[test]
fn designation_note_without_proposals() {
    let text = TXT_59;
    let n = parse_release_note(text);
    assert_eq!(
        &text[n.title_span.clone().unwrap()],
        "SEC v59.0 implemented to bring in the SMETS1 migration procedures"
    );
    let (v, s) = n.version.clone().unwrap();
    assert_eq!((v.as_str(), &text[s]), ("59.0", "59.0"));
    assert_eq!(n.version_mentions.len(), 1);

    // The effective date comes from "On 13 April 2022, a revised SEC came into effect",
    // not from the date line.
    let eff = n.effective_date.clone().unwrap();
    assert_eq!(eff.date, Date::new(2022, 4, 13));
    assert_eq!(&text[eff.span.clone()], "13 April 2022");
    assert!(text[..eff.span.start].ends_with("\n\nOn "));
    let line = n.date_line.clone().unwrap();
    assert_eq!(&text[line.span.clone()], "13 April 2022");
    assert!(line.span.start < eff.span.start);

    assert!(n.proposals.is_empty());
    assert!(n.stated_count.is_none());

    assert_eq!(
        affected(text, &n),
        [
            entry(
                "Section N",
                "SMETS1 Meters",
                None,
                "SEC Section N ‘SMETS1 Meters’"
            ),
            entry(
                "Appendix AM",
                "SMETS1 Supporting Requirements",
                None,
                "SEC Appendix AM ‘SMETS1 Supporting Requirements’"
            ),
            entry(
                "Appendix AU",
                "SMETS1 Device Migration Procedures",
                None,
                "SEC Appendix AU ‘SMETS1 Device Migration Procedures’"
            ),
        ]
    );

    // "Under SEC Section N … 6.4, the DCC consulted … changes to …" is a citation, not a
    // change.
    assert_eq!(
        changed(text, &n),
        [
            (
                doc("Appendix AU"),
                "Appendix AU",
                Some("SMETS1 Device Migration Procedures"),
                "designating"
            ),
            (
                doc("Section N"),
                "Section N",
                Some("SMETS1 Meters"),
                "changes to"
            ),
            (
                doc("Appendix AM"),
                "Appendix AM",
                Some("SMETS1 Supporting Requirements"),
                "re-designated"
            ),
            (doc("Appendix AU"), "Appendix AU", None, "designated"),
        ]
    );
    let under = text.find("Under SEC Section N").unwrap();
    assert!(
        n.changed_mentions
            .iter()
            .all(|c| c.span.start != under + 10)
    );
}

#[test]
fn breadcrumb_note_with_secmp_paragraph() {
    let text = TXT_36;
    let n = parse_release_note(text);
    // The breadcrumb line is skipped.
    assert_eq!(
        &text[n.title_span.clone().unwrap()],
        "SEC v36.0 published for the February 2021 SEC Release"
    );
    let versions: Vec<&str> = n.version_mentions.iter().map(|(v, _)| v.as_str()).collect();
    assert_eq!(versions, ["36.0", "36.0"]);
    let eff = n.effective_date.clone().unwrap();
    assert_eq!(eff.date, Date::new(2021, 2, 25));
    assert_eq!(&text[eff.span.clone()], "25 February 2021");
    assert!(text[..eff.span.start].ends_with("came into effect on "));
    assert_eq!(&text[n.date_line.clone().unwrap().span], "25 February 2021");

    assert_eq!(
        proposals(text, &n),
        [
            p("MP118", Modification, 118, None, "MP118", None),
            p("MP122A", Modification, 122, Some('A'), "MP122A", None),
            p("MP125", Modification, 125, None, "MP125", None),
            p("MP131", Modification, 131, None, "MP131", None),
            p("SECMP0009", Modification, 9, None, "SECMP 0009", None),
            p(
                "SECMP0009",
                Modification,
                9,
                None,
                "SECMP0009",
                Some("Test Certificates for Device Manufacturers")
            ),
            p("SECMP0009", Modification, 9, None, "SECMP0009", None),
            p("MP131", Modification, 131, None, "MP131", None),
        ]
    );
    let c = n.stated_count.clone().unwrap();
    assert_eq!((c.value, &text[c.span.clone()]), (4, "four"));

    assert_eq!(
        affected(text, &n),
        [
            entry(
                "Section E",
                "Registration Data",
                None,
                "Section E ‘Registration Data’"
            ),
            entry("Section G", "Security", None, "Section G ‘Security’"),
            entry("Section X", "Transition", None, "Section X ‘Transition’"),
            entry(
                "Appendix J",
                "Enduring Testing Approach Document",
                None,
                "Appendix J ‘Enduring Testing Approach Document’"
            ),
            entry(
                "Appendix Q",
                "IKI Certificate Policy",
                Some("(not currently available on CodeWorks)"),
                "Appendix Q ‘IKI Certificate Policy’ (not currently available on CodeWorks)"
            ),
        ]
    );

    assert_eq!(
        changed(text, &n),
        [
            (doc("Section G"), "Section G", Some("Security"), "amend"),
            (doc("Section E"), "Section E2.9", None, "insert"),
            (doc("Section X"), "Section X3.4", None, "remove"),
            (
                doc("Appendix J"),
                "Appendix J",
                Some("Enduring Testing Approach Document"),
                "implemented"
            ),
        ]
    );
    // The weekday in "Tuesday, 2 February 2021" is not the effective date.
    assert_ne!(eff.date, Date::new(2021, 2, 2));
}

#[test]
fn delete_replace_and_renumber_are_change_verbs() {
    let text = "SEC Release\n\nMP210 will delete Section H4.9. MP211 replaces \
                Appendix AC. MP212 renumbers Section J1.2.\n";
    let n = parse_release_note(text);
    assert_eq!(
        changed(text, &n),
        [
            (doc("Section H"), "Section H4.9", None, "delete"),
            (doc("Appendix AC"), "Appendix AC", None, "replaces"),
            (doc("Section J"), "Section J1.2", None, "renumbers"),
        ]
    );
}

#[test]
fn crlf_gives_the_same_fields() {
    for text in [MD_63, TXT_59, TXT_36] {
        let crlf = text.replace('\n', "\r\n");
        let a = parse_release_note(text);
        let b = parse_release_note(&crlf);
        let strs = |t: &str, n: &ReleaseNote| -> Vec<String> {
            let mut v: Vec<String> = Vec::new();
            v.extend(n.title_span.clone().map(|s| t[s].to_string()));
            v.extend(
                n.version_mentions
                    .iter()
                    .map(|(_, s)| t[s.clone()].to_string()),
            );
            v.extend(
                n.effective_date
                    .iter()
                    .map(|d| t[d.span.clone()].to_string()),
            );
            v.extend(n.date_line.iter().map(|d| t[d.span.clone()].to_string()));
            v.extend(
                n.proposals
                    .iter()
                    .map(|p| format!("{} {:?}", &t[p.span.clone()], p.title)),
            );
            v.extend(n.stated_count.iter().map(|c| t[c.span.clone()].to_string()));
            v.extend(
                n.affected
                    .iter()
                    .map(|e| t[e.line_span.clone()].to_string()),
            );
            v.extend(
                n.affected
                    .iter()
                    .map(|e| format!("{:?}", e.title_span.clone().map(|s| &t[s]))),
            );
            v.extend(
                n.changed_mentions
                    .iter()
                    .map(|c| t[c.span.clone()].to_string()),
            );
            v
        };
        assert_eq!(strs(text, &a), strs(&crlf, &b));
        assert_eq!(a.affected.len(), b.affected.len());
        assert_eq!(a.changed_mentions.len(), b.changed_mentions.len());
        assert_eq!(a.summarised, b.summarised);
    }
}

#[test]
fn proposal_ids_titles_and_decoys() {
    let text = "Under SECMP 0001 ‘Panel membership’ and SECMP0012, MP102A “Alt solution” \
                replaced MP102; DP189 'Supplier's orders' and MP7 \"Straight title\" follow. \
                Not XMP12, MP12B3, SMETS2, MPAN, DP or pre-SMETS2 v4.2 Devices. \
                MP140 ‘Authority’s review’ ends.";
    let n = parse_release_note(text);
    assert_eq!(
        proposals(text, &n),
        [
            p(
                "SECMP0001",
                Modification,
                1,
                None,
                "SECMP 0001",
                Some("Panel membership")
            ),
            p("SECMP0012", Modification, 12, None, "SECMP0012", None),
            p(
                "MP102A",
                Modification,
                102,
                Some('A'),
                "MP102A",
                Some("Alt solution")
            ),
            p("MP102", Modification, 102, None, "MP102", None),
            p(
                "DP189",
                Draft,
                189,
                None,
                "DP189",
                Some("Supplier's orders")
            ),
            p("MP7", Modification, 7, None, "MP7", Some("Straight title")),
            p(
                "MP140",
                Modification,
                140,
                None,
                "MP140",
                Some("Authority’s review")
            ),
        ]
    );
}

#[test]
fn summarised_proposals_open_paragraphs_of_the_summary() {
    let ids = |t: &str| {
        let n = parse_release_note(t);
        n.summarised
            .iter()
            .map(|&i| n.proposals[i].id.clone())
            .collect::<Vec<_>>()
    };
    // "is the alternative solution to MP204" and "began life as DP215" are not
    // summaries of their own.
    assert_eq!(ids(MD_63), ["MP201", "MP204A", "MP208", "MP211", "MP215"]);
    // SECMP0009 sits under its own heading, not under "Summary of changes".
    assert_eq!(ids(TXT_36), ["MP118", "MP122A", "MP125", "MP131"]);
    assert!(ids(TXT_59).is_empty());
    // Without a summary heading: paragraphs and bullets above the first heading; a
    // paragraph's second line and a Draft Proposal do not count.
    let text = "# SEC v72.0 published\n\n1 March 2023\n\n\
                SEC version 72.0 came into effect. It included three Modification Proposals:\n\n\
                - MP301 ‘First’ amends Section H.\n\
                * MP302 amends Section J, replacing\n\
                MP299 entirely.\n\n\
                DP310 was raised.\n\n\
                SECMP0040 ‘Old style’ amends Appendix AC.\n\n\
                ## What parts of the SEC were affected?\n\n\
                - Section H\n\n\
                ## Further information\n\n\
                MP303 is next.\n";
    assert_eq!(ids(text), ["MP301", "MP302", "SECMP0040"]);
    // One per line, the status glued to the title: each line opens a paragraph, and the
    // title ends at its closing quote.
    let text = "SEC v74.0\n\nIt included two Modification Proposals:\n\
                MP330 ‘Faster Enrolment’Implemented\nMP331 ‘Party’s Charges’Approved\n";
    assert_eq!(ids(text), ["MP330", "MP331"]);
    let titles: Vec<Option<String>> = parse_release_note(text)
        .proposals
        .into_iter()
        .map(|p| p.title)
        .collect();
    assert_eq!(
        titles,
        [
            Some("Faster Enrolment".into()),
            Some("Party’s Charges".into())
        ]
    );
    // A paragraph's second line that starts with a proposal is no new paragraph.
    let text = "SEC v75.0\n\nMP340 amends Section A, and\nMP341 amends Section B.\n";
    assert_eq!(ids(text), ["MP340"]);
    // A heading line straight above the paragraph also opens it.
    let text = "SEC v73.0\n\n## Summary of changes\nMP320 ‘X’ amends Section A.\n";
    assert_eq!(ids(text), ["MP320"]);
}

#[test]
fn stated_counts() {
    let count = |t: &str| {
        parse_release_note(t)
            .stated_count
            .map(|c| (c.value, c.span))
    };
    assert_eq!(
        count("It implemented 2 Modification Proposals."),
        Some((2, 15..16))
    );
    assert_eq!(
        count("Twelve Modification Proposals went live."),
        Some((12, 0..6))
    );
    assert_eq!(
        count("This included one Modification Proposal"),
        Some((1, 14..17))
    );
    assert_eq!(count("Seven new Draft Proposals were raised."), None);
    assert_eq!(count("The Modification Proposals listed below."), None);
}

#[test]
fn stated_counts_past_twenty_and_zero() {
    let count = |t: &str| {
        parse_release_note(t)
            .stated_count
            .map(|c| (c.value, c.span))
    };
    // "twenty-two" was read as its last word, 2.
    assert_eq!(
        count("It implemented twenty-two Modification Proposals."),
        Some((22, 15..25))
    );
    assert_eq!(
        count("Twenty one Modification Proposals went live."),
        Some((21, 0..10))
    );
    assert_eq!(
        count("the following ninety-nine modifications"),
        Some((99, 14..25))
    );
    assert_eq!(
        count("It implemented one hundred and twenty-two Modification Proposals."),
        Some((122, 15..41))
    );
    assert_eq!(
        count("Two hundred Modification Proposals"),
        Some((200, 0..11))
    );
    assert_eq!(
        count("This included zero Modification Proposals"),
        Some((0, 14..18))
    );
    assert_eq!(
        count("This included seventeen Modification Proposals"),
        Some((17, 14..23))
    );
    assert_eq!(
        count("It implemented 1234 Modification Proposals."),
        Some((1234, 15..19))
    );
    // Digits past u32 are still a stated count, one no release can match.
    assert_eq!(
        count("It implemented 99999999999999999999 Modification Proposals."),
        Some((u32::MAX, 15..35))
    );
}

#[test]
fn change_heuristic_decoys() {
    let text = "SEC v70.0 published\n\n\
                Summary of changes\n\n\
                MP300 ‘Changes to Section K reporting’ affects charging only. \
                As required by Section L, the DCC amended its policy. \
                The DCC will follow Section G when it amends its processes. \
                MP301 amends the process so that Users follow Section F rules. \
                MP302 makes changes to Appendices A, B and C; nothing else. \
                Section M was amended, and Section P is unchanged. \
                The redlining for Section T, which implements MP303, is published. \
                MP304 amends Section H10.9 and section 88(1) of the Energy Act 2008. \
                MP305 will amend Section A ‘Definitions’, Section I and SEC Section N.\n\n\
                What parts of the SEC were affected?\n\n\
                • Section K ‘Charging Methodology’ is amended\n\n\
                Where can I access the legal text?\n\n\
                The changes to Section J are shown in the redlines.\n";
    let n = parse_release_note(text);
    assert_eq!(
        changed(text, &n),
        [
            (doc("Appendix A"), "Appendices A", None, "changes to"),
            (doc("Appendix B"), "B", None, "changes to"),
            (doc("Appendix C"), "C", None, "changes to"),
            (doc("Section M"), "Section M", None, "amended"),
            (doc("Section H"), "Section H10.9", None, "amends"),
            (doc("Section A"), "Section A", Some("Definitions"), "amend"),
            (doc("Section I"), "Section I", None, "amend"),
            (doc("Section N"), "Section N", None, "amend"),
        ]
    );
    assert_eq!(n.affected.len(), 1);
    assert_eq!(n.affected[0].title.as_deref(), Some("Charging Methodology"));
    assert_eq!(
        n.affected[0].note_span.clone().map(|s| &text[s]),
        Some("is amended")
    );
}

#[test]
fn affected_list_shapes_and_end() {
    let text = "# SEC v71.0 published\n\n## What parts of the SEC were affected?\n\n\
                * SEC Section C: Governance\n\
                \t- Appendix AT\n\
                - Schedule 8 GB Companion Specification\n\
                - Appendix AB (not currently available on CodeWorks)\n\
                - The Document Log\n\n\
                These documents changed.\n\n\
                - Section Z ‘Alt HAN Arrangements’\n";
    let n = parse_release_note(text);
    let got: Vec<(Option<String>, Option<String>, Option<&str>)> = n
        .affected
        .iter()
        .map(|a| {
            (
                a.document.as_ref().map(|d| d.to_string()),
                a.title.clone(),
                a.note_span.clone().map(|s| &text[s]),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Some("Section C".into()), Some("Governance".into()), None),
            (Some("Appendix AT".into()), None, None),
            (
                Some("Schedule 8".into()),
                Some("GB Companion Specification".into()),
                None
            ),
            (
                Some("Appendix AB".into()),
                None,
                Some("(not currently available on CodeWorks)")
            ),
            (None, None, None),
            // Bullets after a line of prose are still under the heading: read, and the
            // prose is a line of the list that could not be read.
            (
                Some("Section Z".into()),
                Some("Alt HAN Arrangements".into()),
                None
            ),
        ]
    );
    assert_eq!(&text[n.affected[4].line_span.clone()], "The Document Log");
    let unread: Vec<&str> = n.affected_unread.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(unread, ["The Document Log", "These documents changed."]);
    assert!(!n.affected_complete());
    assert_eq!(
        &text[n.affected[0].document_span.clone().unwrap()],
        "Section C"
    );
}

#[test]
fn byte_order_mark_is_skipped() {
    let text = format!("\u{feff}{TXT_59}");
    let n = parse_release_note(&text);
    assert_eq!(
        &text[n.title_span.clone().unwrap()],
        "SEC v59.0 implemented to bring in the SMETS1 migration procedures"
    );
    assert_eq!(n.affected.len(), 3);
}

#[test]
fn missing_parts_are_none() {
    let n = parse_release_note("");
    assert_eq!(n, ReleaseNote::default());
    let n = parse_release_note("Just a line of prose with 27 April and v4.2 in it.");
    assert!(n.version.is_none());
    assert!(n.effective_date.is_none());
    assert!(n.date_line.is_none());
    assert!(n.proposals.is_empty());
    assert!(n.affected_heading.is_none());
}

/// The documents an affected list was read as, and whether it was read whole.
fn listed(text: &str) -> (Vec<String>, Vec<Option<String>>, bool) {
    let n = parse_release_note(text);
    (
        n.affected
            .iter()
            .map(|a| a.document.as_ref().map_or("?".into(), |d| d.to_string()))
            .collect(),
        n.affected.iter().map(|a| a.title.clone()).collect(),
        n.affected_complete(),
    )
}

#[test]
fn affected_lists_in_every_published_shape() {
    let head = "SEC v58.0 published for the June 2022 SEC Release\n\n23 June 2022\n\n";
    let want = vec!["Section A".to_string(), "Appendix AC".to_string()];
    let titles = vec![
        Some("Definitions and Interpretation".to_string()),
        Some("Inventory, Enrolment and Decommissioning Procedures".to_string()),
    ];
    for (shape, list) in [
        (
            "an introducing sentence",
            "What parts of the SEC were affected?\n\nThe following parts of the SEC were affected:\n\n\
             \u{2022} Section A \u{2018}Definitions and Interpretation\u{2019}\n\
             \u{2022} Appendix AC \u{2018}Inventory, Enrolment and Decommissioning Procedures\u{2019}\n",
        ),
        (
            "indented middle dots",
            "Which parts of the SEC have changed?\n\n  \u{b7} Section A \u{2018}Definitions and Interpretation\u{2019}\n  \
             \u{b7} Appendix AC \u{2018}Inventory, Enrolment and Decommissioning Procedures\u{2019}\n",
        ),
        (
            "Word's Symbol bullet, glued",
            "Documents affected\n\n\u{f0b7}Section A \u{2018}Definitions and Interpretation\u{2019}\n\
             \u{f0b7}\tAppendix AC \u{2018}Inventory, Enrolment and Decommissioning Procedures\u{2019}\n",
        ),
        (
            "Word's o bullets",
            "SEC documents impacted\n\no Section A \u{2018}Definitions and Interpretation\u{2019}\n\
             o Appendix AC \u{2018}Inventory, Enrolment and Decommissioning Procedures\u{2019}\n",
        ),
        (
            "numbers",
            "What parts of the SEC were affected?\n\n1. Section A \u{2018}Definitions and Interpretation\u{2019}\n\
             2) Appendix AC \u{2018}Inventory, Enrolment and Decommissioning Procedures\u{2019}\n",
        ),
        (
            "no bullets, blank lines between",
            "What parts of the SEC were affected?\n\nSection A \u{2018}Definitions and Interpretation\u{2019}\n\n\
             SEC Appendix AC \u{2018}Inventory, Enrolment and Decommissioning Procedures\u{2019}\n",
        ),
        (
            "a table pasted with glued cells",
            "What parts of the SEC were affected?\n\nSEC documentRedline availableClean version available\n\
             Section A \u{2018}Definitions and Interpretation\u{2019}YesYes\n\
             Appendix AC \u{2018}Inventory, Enrolment and Decommissioning Procedures\u{2019}YesNo\n",
        ),
        (
            "a tab-separated table with a header",
            "What parts of the SEC were affected?\n\nDocument\tRedline available\tClean version available\n\
             Section A \u{2018}Definitions and Interpretation\u{2019}\tYes\tYes\n\
             Appendix AC \u{2018}Inventory, Enrolment and Decommissioning Procedures\u{2019}\tYes\tNo\n",
        ),
        (
            "a pipe table",
            "## What parts of the SEC were affected?\n\n| Document | Redline | Clean |\n|---|---|---|\n\
             | Section A \u{2018}Definitions and Interpretation\u{2019} | Yes | Yes |\n\
             | Appendix AC \u{2018}Inventory, Enrolment and Decommissioning Procedures\u{2019} | Yes | No |\n",
        ),
        (
            "unquoted titles glued to cells",
            "What parts of the SEC were affected?\n\nSEC documentRedlineClean\n\
             Section A Definitions and InterpretationYesYes\n\
             Appendix AC Inventory, Enrolment and Decommissioning ProceduresYesNo\n",
        ),
    ] {
        let text = format!(
            "{head}{list}\nWhere can I access the legal text?\n\nThe redlines of Section B are on the website.\n"
        );
        let (docs, got_titles, complete) = listed(&text);
        assert_eq!(docs, want, "{shape}");
        assert_eq!(got_titles, titles, "{shape}");
        assert!(complete, "{shape}: read whole");
    }
}

#[test]
fn a_list_not_read_whole_says_so() {
    let head = "SEC v58.0 published\n\n## What parts of the SEC were affected?\n\n";
    // A heading with nothing under it: nothing read is not an empty list.
    let n = parse_release_note(&format!(
        "{head}## Where can I access the legal text?\n\nOn the website.\n"
    ));
    assert!(n.affected.is_empty() && !n.affected_complete());
    // A sentence that is neither an entry nor an introduction.
    let (docs, _, complete) = listed(&format!("{head}All Sections from A to F.\n"));
    assert!(docs.is_empty() && !complete);
    // A bullet that names no document.
    let (docs, _, complete) = listed(&format!("{head}- Section A\n- Consequential changes\n"));
    assert_eq!(docs, ["Section A", "?"]);
    assert!(!complete);
    // Prose after the entries ends the list; the list was read whole.
    let (docs, _, complete) = listed(&format!(
        "{head}- Section A\n\nChanges to Appendix B previously designated also became effective.\n"
    ));
    assert_eq!(docs, ["Section A"]);
    assert!(complete);
    // A table headed "Document | Title": the header is no entry left unread.
    let (docs, _, complete) = listed(&format!(
        "{head}| Document | Title |\n|---|---|\n| Section H | DCC Services |\n| Appendix AC | Inventory Procedures |\n"
    ));
    assert_eq!(docs, ["Section H", "Appendix AC"]);
    assert!(complete);
    // A first row naming no document and no column is not a header: not read.
    let (docs, _, complete) = listed(&format!(
        "{head}| All Sections | Consequential changes |\n| Section H | DCC Services |\n"
    ));
    assert_eq!(docs, ["Section H"]);
    assert!(!complete);
}

#[test]
fn counts_in_words_to_ninety_nine_and_digits_of_any_size() {
    let count = |sentence: &str| {
        parse_release_note(&format!("SEC v61.0 published\n\n{sentence}\n"))
            .stated_count
            .map(|c| c.value)
    };
    assert_eq!(
        count("It included twenty-two Modification Proposals."),
        Some(22)
    );
    assert_eq!(
        count("It included Twenty two Modification Proposals."),
        Some(22)
    );
    assert_eq!(
        count("It included ninety-nine Modification Proposals."),
        Some(99)
    );
    assert_eq!(
        count("It included thirty Modification Proposals."),
        Some(30)
    );
    assert_eq!(
        count("It included seventeen Modification Proposals."),
        Some(17)
    );
    assert_eq!(
        count("It included 1000 Modification Proposals."),
        Some(1000)
    );
    assert_eq!(count("It included zero Modification Proposals."), Some(0));
    assert_eq!(
        count("The release implemented the following twenty-one modifications:"),
        Some(21)
    );
    // Never the "two" of "twenty-two" alone, nor a number glued to letters.
    assert_eq!(
        count("It included twenty-twoish Modification Proposals."),
        None
    );
    assert_eq!(count("See MP22 Modification Proposals page."), None);
    assert_eq!(
        count("It included twenty-ten Modification Proposals."),
        None
    );
}

#[test]
fn title_only_versions_and_counts_in_other_words() {
    let n = parse_release_note(
        "SEC 5.5 Designation \u{2013} 15th March 2017\n\nThe Secretary of State designated changes to Section A.\n",
    );
    assert_eq!(n.version.as_ref().map(|(v, _)| v.as_str()), Some("5.5"));
    let n = parse_release_note(
        "SEC v61.0 released to implement MP204\n\n2 November 2022\n\nThe release implemented the following ten modifications:\n",
    );
    assert_eq!(n.version.as_ref().map(|(v, _)| v.as_str()), Some("61.0"));
    assert_eq!(n.stated_count.as_ref().map(|c| c.value), Some(10));
    // "two modifications to Section H" in prose is no stated count.
    let n =
        parse_release_note("SEC v61.0 published\n\nMP204 makes two modifications to Section H.\n");
    assert!(n.stated_count.is_none());
}

#[test]
fn what_each_summary_sentence_says_of_its_proposal() {
    use super::SummaryClaim::{FollowUp, Implemented, NotImplemented};
    let claims = |summary: &str| {
        let text = format!(
            "# SEC v63.0 published\n\n3 November 2022\n\n## Summary of changes\n\n{summary}\n\n## What parts of the SEC were affected?\n\n- Section H ‘DCC Services’\n"
        );
        let note = parse_release_note(&text);
        assert_eq!(note.summarised.len(), note.summary_claims.len());
        note.summarised
            .iter()
            .zip(&note.summary_claims)
            .map(|(&k, &c)| (note.proposals[k].id.clone(), c))
            .collect::<Vec<_>>()
    };
    let one = |s: &str| claims(s)[0].1;
    // Plain summaries; the title's own words ("Further", "Correction") are not read.
    assert_eq!(
        one(
            "MP296 ‘Further Retry Extension for SMETS2 v4.2 Hubs’ extends the retry window by a quarter from its previous end."
        ),
        Implemented
    );
    assert_eq!(
        one("MP230 ‘Correction of Party Details’ lets a Party correct its details."),
        Implemented
    );
    assert_eq!(
        one("MP231 ‘Fixed Charges’ sets the fixed charges."),
        Implemented
    );
    // The first sentence only: a later sentence about something else does not count.
    assert_eq!(
        one("MP232 ‘Retry Limits’ caps retries. A correction to MP150 is also included."),
        Implemented
    );
    // Follow-ups.
    for s in [
        "MP201 ‘Retry Limits’ implements the second phase of the caps.",
        "MP201 ‘Retry Limits’ (Part 2) extends the caps.",
        "MP201 ‘Retry Limits’ phase two extends the caps.",
        "MP201 ‘Retry Limits’ delivers the remaining changes.",
        "MP201 ‘Retry Limits’ corrects the legal text.",
        "MP201 ‘Retry Limits’ makes a correction to the legal text.",
        "MP201 ‘Retry Limits’ fixes a cross-reference introduced by MP150.",
        "MP201 ‘Retry Limits’ fixes a drafting error.",
        "MP201 ‘Retry Limits’, already implemented in June, is extended to SMETS1.",
        "MP201 ‘Retry Limits’, implemented in the previous release, is tidied.",
        "MP201 ‘Retry Limits’ implements the first phase of the caps.",
        "SECMP0033 ‘Handover Materials’ is now complete: its last legal text is in force.",
        "MP201 ‘Retry Limits’ completes the caps with the final legal text.",
    ] {
        assert_eq!(one(s), FollowUp, "{s}");
    }
    // Not implemented here.
    for s in [
        "MP201 ‘Retry Limits’ will be implemented in the February 2023 release.",
        "MP201 ‘Retry Limits’ has been deferred to a later release.",
        "MP201 ‘Retry Limits’ was withdrawn by its Proposer.",
        "MP201 ‘Retry Limits’ has not been implemented.",
        "MP201 ‘Retry Limits’ is scheduled for the June 2023 SEC Release.",
    ] {
        assert_eq!(one(s), NotImplemented, "{s}");
    }
    // A pasted list, one per line, the status glued to the title; the sentence of a line
    // stops before the next line's proposal.
    assert_eq!(
        claims(
            "It included two Modification Proposals:\nMP330 ‘Faster Enrolment’Implemented\nMP331 ‘Party’s Charges’Approved\nMP332 ‘Retries’ will be implemented later.\nMP333 ‘Returns’ caps returns"
        ),
        [
            ("MP330".to_string(), Implemented),
            ("MP331".to_string(), NotImplemented),
            ("MP332".to_string(), NotImplemented),
            ("MP333".to_string(), Implemented),
        ]
    );
    // A sentence wrapped over two lines is read whole.
    assert_eq!(
        one("MP240 ‘Retry Limits’ implements, for SMETS1 Devices,\nthe second phase of the caps."),
        FollowUp
    );
    // A version number's dot does not end the sentence.
    assert_eq!(
        one("MP241 ‘Devices’ extends v4.2 Devices to the second phase."),
        FollowUp
    );
}

#[test]
fn a_summary_claim_is_read_from_the_main_clause() {
    use super::SummaryClaim::{FollowUp, Implemented, NotImplemented};
    let one = |summary: &str| {
        let text = format!("# SEC v63.0 published\n\n## Summary of changes\n\n{summary}\n");
        parse_release_note(&text).summary_claims[0]
    };
    // What the change does to others is not what the note says of the proposal.
    assert_eq!(
        one(
            "MP243 ‘Hub Access’ will amend Appendix E so that each Supplier receives a notice when a request is rejected."
        ),
        Implemented
    );
    assert_eq!(
        one(
            "MP244 ‘Error Handling’ will amend Section H so that the DCC corrects errors within a day."
        ),
        Implemented
    );
    // A correction the proposal makes to the Code, not to a proposal's legal text.
    assert_eq!(
        one(
            "MP175 ‘Tidy-Up’ makes minor corrections and clarifications to Section L and Appendix A."
        ),
        Implemented
    );
    // An aside after the title is passed over.
    assert_eq!(
        one("MP245 ‘Retries’, raised by the DCC, has been deferred."),
        NotImplemented
    );
    assert_eq!(
        one("MP246 ‘Retries’ (the alternative) was withdrawn."),
        NotImplemented
    );
    assert_eq!(
        one("MP248 ‘Retries’, which the DCC raised, has been deferred."),
        NotImplemented
    );
    // An earlier implementation named in a relative clause.
    assert_eq!(
        one("MP247 ‘Retries’, which was implemented in June, is extended to SMETS1."),
        FollowUp
    );
}

#[test]
fn proposals_listed_in_a_table() {
    let head = "SEC v58.0 published for the June 2022 SEC Release\n\n24 June 2022\n\n\
        SEC version 58.0 came into effect on 24 June 2022. This included three Modification Proposals:\n\n";
    let tail = "\nWhat parts of the SEC were affected?\n\n- Section H ‘DCC Services’\n";
    let read = |table: &str| {
        let text = format!("{head}{table}{tail}");
        let n = parse_release_note(&text);
        let ids: Vec<(String, Option<String>)> = n
            .proposals
            .iter()
            .map(|p| (p.id.clone(), p.title.clone()))
            .collect();
        let summarised: Vec<&str> = n
            .summarised
            .iter()
            .map(|&k| n.proposals[k].id.as_str())
            .collect();
        (
            ids,
            summarised.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            n.summary_claims.clone(),
        )
    };
    let want_ids = |t3: &str| {
        vec![
            (
                "MP211".to_string(),
                Some("Faster Enrolment of Devices".to_string()),
            ),
            (
                "MP214".to_string(),
                Some("Charging Statement Timing".to_string()),
            ),
            ("MP215A".to_string(), Some(t3.to_string())),
        ]
    };
    let all = vec![
        "MP211".to_string(),
        "MP214".to_string(),
        "MP215A".to_string(),
    ];
    use SummaryClaim::{Implemented as I, NotImplemented as N};
    // Piped, with a header and a rule line.
    let piped = "| Modification | Title | Status |\n|---|---|---|\n\
        | MP211 | Faster Enrolment of Devices | Implemented |\n\
        | MP214 | ‘Charging Statement Timing’ | Implemented |\n\
        | MP215A | Alert Retention | Deferred |\n";
    assert_eq!(
        read(piped),
        (want_ids("Alert Retention"), all.clone(), vec![I, I, N])
    );
    // Tabbed, without a status column: each row is a plain summary.
    let tabbed = "Proposal\tTitle\n\
        MP211\tFaster Enrolment of Devices\n\
        MP214\tCharging Statement Timing\n\
        MP215A\tAlert Retention\n";
    assert_eq!(
        read(tabbed),
        (want_ids("Alert Retention"), all.clone(), vec![I, I, I])
    );
    // Pipes without outer pipes, and a summary column read as the sentence.
    let inner = "MP211 | Faster Enrolment of Devices | Shortens the enrolment window.\n\
        MP214 | Charging Statement Timing | Moves the statement date.\n\
        MP215A | Alert Retention | Will be implemented in the November 2022 release.\n";
    assert_eq!(
        read(inner),
        (want_ids("Alert Retention"), all, vec![I, I, N])
    );
    // A version-control table's cell after an id is an overview, never a title.
    let vct = "| 1.1 | 2022-06-24 | MP211 | Enrolment changes |\n";
    assert!(find_proposals(vct)[0].title.is_none());
}

#[test]
fn a_proposal_id_glued_to_its_title() {
    // A pasted table whose cells lost their separators.
    let text = "SEC v58.0 published\n\n24 June 2022\n\nThis included two Modification Proposals:\n\n\
        ModificationTitleStatus\n\
        MP211Faster Enrolment of DevicesImplemented\n\
        MP214ACharging Statement TimingDeferred\n";
    let n = parse_release_note(text);
    let got: Vec<(String, Option<String>)> = n
        .proposals
        .iter()
        .map(|p| (p.id.clone(), p.title.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "MP211".to_string(),
                Some("Faster Enrolment of Devices".to_string())
            ),
            (
                "MP214A".to_string(),
                Some("Charging Statement Timing".to_string())
            ),
        ]
    );
    assert_eq!(n.summarised, [0, 1]);
    assert_eq!(
        n.summary_claims,
        [SummaryClaim::Implemented, SummaryClaim::NotImplemented]
    );
    let caps = find_proposals("MP216DCC Services ChangesImplemented\n");
    assert_eq!((caps[0].id.as_str(), caps[0].suffix), ("MP216", None));
    // In running text an id glued to a word is no mention ("MP211s").
    assert!(find_proposals("the MP211s and DP12x").is_empty());
}
