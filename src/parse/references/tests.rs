//! Exact-span tests of the citation grammar: each gives a text and the spans, targets,
//! documents, titles and instruments it must yield.

use aho_corasick::{AhoCorasickBuilder, MatchKind};

use super::scan::{STEMS, TRIGGERS, Triggers};
use super::*;

/// The byte range of the `n`th (0-based) occurrence of `needle` in `text`.
fn nth(text: &str, needle: &str, n: usize) -> Range<usize> {
    let i = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("{needle:?} #{n} not in text"))
        .0;
    i..i + needle.len()
}

fn at(text: &str, needle: &str) -> Range<usize> {
    nth(text, needle, 0)
}

fn doc(name: &str) -> Option<DocumentId> {
    Some(DocumentId::from_name(name).expect("valid name"))
}

fn spans<'t>(text: &'t str, refs: &[Reference]) -> Vec<&'t str> {
    refs.iter().map(|r| &text[r.span.clone()]).collect()
}

fn clause<'t, 'r>(text: &'t str, r: &'r Reference) -> (&'r str, &'t str) {
    match &r.target {
        Target::Clause { clause, span } => (clause.as_str(), &text[span.clone()]),
        other => panic!("not a clause: {other:?}"),
    }
}

fn one(text: &str) -> Reference {
    let refs = extract(text);
    assert_eq!(refs.len(), 1, "{text:?} gave {refs:#?}");
    refs.into_iter().next().unwrap()
}

fn title_of<'t>(text: &'t str, r: &Reference) -> (&'t str, String) {
    let t = r.cited_title.as_ref().expect("a cited title");
    (&text[t.span.clone()], t.text.clone())
}

#[test]
fn document_refs_with_and_without_sec() {
    let text = "See Section H, SEC Section H and Appendix AC; also Schedule 11 \
                and SEC Appendix AT.";
    let refs = extract(text);
    assert_eq!(
        spans(text, &refs),
        [
            "Section H",
            "SEC Section H",
            "Appendix AC",
            "Schedule 11",
            "SEC Appendix AT"
        ]
    );
    assert_eq!(refs[0].span, at(text, "Section H"));
    assert_eq!(refs[1].span, at(text, "SEC Section H"));
    let docs: Vec<_> = refs.iter().map(|r| r.document.clone()).collect();
    assert_eq!(
        docs,
        [
            doc("Section H"),
            doc("Section H"),
            doc("Appendix AC"),
            doc("Schedule 11"),
            doc("Appendix AT")
        ]
    );
    assert!(
        refs.iter()
            .all(|r| r.target == Target::Document && !r.external)
    );
    assert!(refs.iter().all(|r| r.cited_title.is_none()));
}

#[test]
fn clause_refs_in_sections() {
    for (text, want, doc_name) in [
        ("under Section H8.16 the DCC", "H8.16", "Section H"),
        ("as Section J1.2(b) says", "J1.2(b)", "Section J"),
        ("see Section G7.16(a)(ii).", "G7.16(a)(ii)", "Section G"),
        ("in Section N4A.2, a", "N4A.2", "Section N"),
        ("activation of SEC Section F2.", "F2", "Section F"),
        ("SECTION X5.4 applies", "X5.4", "Section X"),
        ("under Section H1.1000 the DCC", "H1.1000", "Section H"),
        ("under Section H12345.1 the DCC", "H12345.1", "Section H"),
    ] {
        let r = one(text);
        let head = if text.contains("SEC Section") {
            "SEC Section "
        } else if text.contains("SECTION") {
            "SECTION "
        } else {
            "Section "
        };
        assert_eq!(&text[r.span.clone()], format!("{head}{want}"), "{text}");
        assert_eq!(clause(text, &r), (want, want));
        assert_eq!(r.document, doc(doc_name));
    }
}

#[test]
fn inserted_clause_letters() {
    let text = "Section H14.36A and paragraph 2.4B of Appendix AB, not H14.36AB";
    let refs = extract(text);
    assert_eq!(
        spans(text, &refs),
        ["Section H14.36A", "paragraph 2.4B of Appendix AB"]
    );
    assert_eq!(clause(text, &refs[0]), ("H14.36A", "H14.36A"));
}

#[test]
fn bare_clauses() {
    let text = "The DCC shall act in H8.16 and, where clauses H3.2 and H3.4 apply, \
                as in (X5.4).";
    let refs = extract(text);
    assert_eq!(
        spans(text, &refs),
        ["H8.16", "clauses H3.2", "H3.4", "X5.4"]
    );
    assert_eq!(refs[0].span, at(text, "H8.16"));
    assert_eq!(refs[0].document, doc("Section H"));
    assert_eq!(clause(text, &refs[2]), ("H3.4", "H3.4"));
    assert_eq!(refs[3].document, doc("Section X"));
}

#[test]
fn bare_clause_lists_and_ranges() {
    let text = "read with A1.1, A1.4 and H10.9 – H10.13 together";
    let refs = extract(text);
    assert_eq!(spans(text, &refs), ["A1.1", "A1.4", "H10.9 – H10.13"]);
    match &refs[2].target {
        Target::Range {
            start,
            start_span,
            end,
            end_span,
        } => {
            assert_eq!((start.as_str(), end.as_str()), ("H10.9", "H10.13"));
            assert_eq!(*start_span, at(text, "H10.9"));
            assert_eq!(*end_span, at(text, "H10.13"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn bare_clause_at_line_start_numbers_a_clause() {
    let text = "## H8 Service Management\n\nH8.16 The DCC shall comply with H8.17.\n\
                # H8.18 heading\n- H8.19 is cited in a bullet\n";
    let refs = extract(text);
    assert_eq!(spans(text, &refs), ["H8.17", "H8.19"]);
}

#[test]
fn decoys_are_not_clauses() {
    let text = "Under SRV 4.4.3 and Service Request 12.1, MP116 and DP189 changed \
                SMETS2 v4.2 and GBCS v3.0 Devices in version 5.16 of the SEC (SEC4.2 \
                too). Firmware V1.2, Table A1.2, Figure B2.3, CHTS H1.1, MP102A, E2.0, \
                H8.16.1, www.example.com/H8.16, the release of 24.2.2022, 1.2.3, \
                section of our website, sections already in force, Condition 3 above, \
                Section 5 of this note, Section: none, appendix A of it, \
                and the Licence Conditions. Only Section H8.16 and (H3.4) count.";
    let refs = extract(text);
    assert_eq!(spans(text, &refs), ["Section H8.16", "H3.4"]);
    assert_eq!(refs[0].span, at(text, "Section H8.16"));
    assert_eq!(refs[1].span, nth(text, "H3.4", 0));
}

#[test]
fn numbers_in_tables_and_service_requests_are_not_sec_clauses() {
    let text = "| Service Request | SRV | SMETS1 |\n|---|---|---|\n\
                | Read Inventory | 8.2 | Applicable |\n| Read Device Log | 4.4.3 | No |\n\
                Service Requests 8.1 and 8.2, SRV 4.4.3 and SRVs 12.1 to 12.3, DUIS \
                version 2.0, the SMETS1 Supporting Requirements version 2.0, GBCS \
                v4.0 clause 10.2.2, section 3.2 of the DUIS, paragraph 3.2 above and \
                MP181 ‘Retiring H4 Routing’ apply.";
    let sec: Vec<&str> = extract(text)
        .iter()
        .filter(|r| !r.external)
        .map(|r| &text[r.span.clone()])
        .collect();
    assert_eq!(sec, Vec::<&str>::new());
}

#[test]
fn lower_case_section_with_clause_is_sec() {
    let text = "as required by section H8.16 and sections H3 and H4, not section I.";
    let refs = extract(text);
    assert_eq!(spans(text, &refs), ["section H8.16", "sections H3", "H4"]);
    assert!(
        refs.iter()
            .all(|r| !r.external && r.document == doc("Section H"))
    );
}

#[test]
fn paragraphs_of_appendices_and_schedules() {
    let text = "under paragraph 3.2 of Appendix AB, Clause 5 of Schedule 11 and \
                Appendix AB paragraph 3.4.";
    let refs = extract(text);
    assert_eq!(
        spans(text, &refs),
        [
            "paragraph 3.2 of Appendix AB",
            "Clause 5 of Schedule 11",
            "Appendix AB paragraph 3.4"
        ]
    );
    assert_eq!(refs[0].document, doc("Appendix AB"));
    assert_eq!(clause(text, &refs[0]), ("3.2", "3.2"));
    assert_eq!(refs[1].document, doc("Schedule 11"));
    assert_eq!(clause(text, &refs[1]), ("5", "5"));
    assert_eq!(refs[2].document, doc("Appendix AB"));
    assert_eq!(clause(text, &refs[2]), ("3.4", "3.4"));
    assert_eq!(refs[2].span, at(text, "Appendix AB paragraph 3.4"));
}

#[test]
fn paragraph_lists_share_the_document() {
    let text = "paragraphs 2.1, 2.3 and 4.1(a) of Schedule 7 ‘Specimen Agreement’ apply";
    let refs = extract(text);
    assert_eq!(
        spans(text, &refs),
        [
            "paragraphs 2.1",
            "2.3",
            "4.1(a) of Schedule 7 ‘Specimen Agreement’"
        ]
    );
    assert!(refs.iter().all(|r| r.document == doc("Schedule 7")));
    assert_eq!(clause(text, &refs[2]), ("4.1(a)", "4.1(a)"));
    for r in &refs {
        assert_eq!(
            title_of(text, r),
            ("Specimen Agreement", "Specimen Agreement".to_string())
        );
    }
}

#[test]
fn numbered_sections_of_other_documents() {
    let text = "see Section 4.2 of Appendix AB and Section 3 of this Document";
    let r = one(text);
    assert_eq!(&text[r.span.clone()], "Section 4.2 of Appendix AB");
    assert_eq!(r.document, doc("Appendix AB"));
    assert_eq!(clause(text, &r), ("4.2", "4.2"));
    assert!(!r.external);
}

#[test]
fn redline_markup_around_clauses() {
    let text = "{++H8.17 The DCC shall++} act under {--H8.16--}{++H8.18++} and \
                {~~Section H8.2~>Section H8.3~~}.\n";
    let refs = extract(text);
    assert_eq!(
        spans(text, &refs),
        ["H8.16", "H8.18", "Section H8.2", "Section H8.3"]
    );
}

#[test]
fn paragraph_without_document_is_not_a_reference() {
    assert!(extract("as paragraph 3.2 of this Appendix sets out").is_empty());
    assert!(extract("see paragraph 4 above").is_empty());
}

#[test]
fn paragraph_of_a_section_gets_the_letter() {
    let text = "paragraph 3.2 of Section H";
    let r = one(text);
    assert_eq!(clause(text, &r), ("H3.2", "3.2"));
}

#[test]
fn section_title_then_clause_number() {
    let text = "The Panel reviews the policy under SEC Section L ‘Smart Metering Key \
                Infrastructure and DCC Key Infrastructure’ 14.8 every year.";
    let r = one(text);
    let whole = "SEC Section L ‘Smart Metering Key \
                 Infrastructure and DCC Key Infrastructure’ 14.8";
    assert_eq!(&text[r.span.clone()], whole);
    assert_eq!(r.document, doc("Section L"));
    assert_eq!(clause(text, &r), ("L14.8", "14.8"));
    let (raw, norm) = title_of(text, &r);
    assert_eq!(
        raw,
        "Smart Metering Key Infrastructure and DCC Key Infrastructure"
    );
    assert_eq!(
        norm,
        "Smart Metering Key Infrastructure and DCC Key Infrastructure"
    );
}

#[test]
fn ranges() {
    for (text, span, s, e) in [
        (
            "see Sections H10.9-H10.13 now",
            "Sections H10.9-H10.13",
            "H10.9",
            "H10.13",
        ),
        (
            "see Sections H10.9 to H10.13 now",
            "Sections H10.9 to H10.13",
            "H10.9",
            "H10.13",
        ),
        (
            "see Section H10.9 – H10.13 now",
            "Section H10.9 – H10.13",
            "H10.9",
            "H10.13",
        ),
        // Both ends are kept as written, even across documents or backwards.
        (
            "see Sections H10.13-J1.2 now",
            "Sections H10.13-J1.2",
            "H10.13",
            "J1.2",
        ),
        (
            "paragraphs 3.5 to 3.2 of Appendix AB",
            "paragraphs 3.5 to 3.2 of Appendix AB",
            "3.5",
            "3.2",
        ),
    ] {
        let r = one(text);
        assert_eq!(&text[r.span.clone()], span);
        match &r.target {
            Target::Range {
                start,
                start_span,
                end,
                end_span,
            } => {
                assert_eq!((start.as_str(), end.as_str()), (s, e));
                assert_eq!(&text[start_span.clone()], s);
                assert_eq!(&text[end_span.clone()], e);
            }
            other => panic!("{text}: {other:?}"),
        }
    }
}

#[test]
fn lists_give_one_reference_per_item() {
    let text = "Sections H3 and H4; Appendices A, B and C; Sections H3.1, H3.4 and H5.2; \
                Schedules 8 and 11; Sections A and J.";
    let refs = extract(text);
    assert_eq!(
        spans(text, &refs),
        [
            "Sections H3",
            "H4",
            "Appendices A",
            "B",
            "C",
            "Sections H3.1",
            "H3.4",
            "H5.2",
            "Schedules 8",
            "11",
            "Sections A",
            "J"
        ]
    );
    assert_eq!(refs[1].span, at(text, "H4"));
    assert_eq!(refs[4].document, doc("Appendix C"));
    let c = at(text, "C;").start;
    assert_eq!(refs[4].span, c..c + 1);
    assert_eq!(clause(text, &refs[6]), ("H3.4", "H3.4"));
    assert_eq!(refs[9].document, doc("Schedule 11"));
    assert_eq!(refs[11].document, doc("Section J"));
}

#[test]
fn wrapped_lists_from_pdf_tables() {
    let text = "Switching on Sections H4, H6 and \n\nH7.12 \n\nunder SEC \n\n\
                Section X2.3, X7 and \n\nCondition 22.14 of the \n\nDCC Licence ";
    let refs = extract(text);
    assert_eq!(
        spans(text, &refs),
        [
            "Sections H4",
            "H6",
            "H7.12",
            "SEC \n\nSection X2.3",
            "X7",
            "Condition 22.14 of the \n\nDCC Licence"
        ]
    );
    assert!(refs[5].external);
    assert_eq!(refs[5].instrument.as_deref(), Some("DCC Licence"));
}

#[test]
fn singular_head_does_not_list_bare_letters() {
    let text = "Section A and I agree; Appendix B and C differ";
    let refs = extract(text);
    assert_eq!(spans(text, &refs), ["Section A", "Appendix B"]);
}

#[test]
fn quoted_titles() {
    let text = "Appendix AT ‘SMETS1 Cryptographic Key Management Policy’, \
                Section J “Payment of Charges”, Schedule 11 'TS Applicability Tables' \
                and Appendix X \"Registration Data Interface Specification\".";
    let refs = extract(text);
    let want = [
        "SMETS1 Cryptographic Key Management Policy",
        "Payment of Charges",
        "TS Applicability Tables",
        "Registration Data Interface Specification",
    ];
    assert_eq!(refs.len(), 4);
    for (r, w) in refs.iter().zip(want) {
        assert_eq!(title_of(text, r), (w, w.to_string()));
        assert_eq!(r.cited_title.as_ref().unwrap().span, at(text, w));
    }
    assert_eq!(
        refs[0].span,
        at(
            text,
            "Appendix AT ‘SMETS1 Cryptographic Key Management Policy’"
        )
    );
    assert_eq!(
        refs[2].span,
        at(text, "Schedule 11 'TS Applicability Tables'")
    );
}

#[test]
fn apostrophes_are_not_quotes() {
    let text = "Appendix A's scope and the Section H’s text; Appendix AC ‘Supplier’s \
                Guide’ here";
    let refs = extract(text);
    assert_eq!(refs.len(), 3);
    assert!(refs[0].cited_title.is_none() && refs[1].cited_title.is_none());
    assert_eq!(title_of(text, &refs[2]).0, "Supplier’s Guide");
}

#[test]
fn dash_titles() {
    let text = "We reissued Appendix AC – Inventory Enrolment and Withdrawal \
                Procedures (issue 4); then Appendix AD — DCC User Interface \
                Specification which governs, then Section Z - Alt HAN Arrangements. \
                Appendix T - DCCKI Interface Design Specification, Appendix U- DCCKI \
                Repository Interface Design Specification";
    let refs = extract(text);
    let titles: Vec<_> = refs
        .iter()
        .map(|r| r.cited_title.as_ref().map(|t| t.text.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            Some("Inventory Enrolment and Withdrawal Procedures"),
            Some("DCC User Interface Specification"),
            Some("Alt HAN Arrangements"),
            Some("DCCKI Interface Design Specification"),
            Some("DCCKI Repository Interface Design Specification"),
        ]
    );
    assert_eq!(
        refs[0].span,
        at(
            text,
            "Appendix AC – Inventory Enrolment and Withdrawal Procedures"
        )
    );
    assert_eq!(
        refs[0].cited_title.as_ref().unwrap().span,
        at(text, "Inventory Enrolment and Withdrawal Procedures")
    );
    assert_eq!(refs[4].document, doc("Appendix U"));
}

#[test]
fn dash_title_wrapped_over_pdf_lines() {
    let text = "Reissue of Appendix AC – \n\nInventory, Enrolment and \n\n\
                Withdrawal Procedures  \n\n7.1 3rd March \n\n\
                plus Appendix AD – DCC User \n\nInterface Specification \n\n(issue 2.4).\n\
                • Appendix E - DCC \n\nUser Interface Services \n\nSchedule \n\n\
                • Appendix H - CH Support Materials\n\
                • Appendix Q - IKI Repository \n\nof Certificates \n\n 6.2 3rd March\n";
    let refs = extract(text);
    let titles: Vec<_> = refs
        .iter()
        .map(|r| r.cited_title.as_ref().map(|t| t.text.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            Some("Inventory, Enrolment and Withdrawal Procedures"),
            Some("DCC User Interface Specification"),
            Some("DCC User Interface Services Schedule"),
            Some("CH Support Materials"),
            Some("IKI Repository of Certificates"),
        ]
    );
    let t = refs[0].cited_title.as_ref().unwrap();
    assert_eq!(
        &text[t.span.clone()],
        "Inventory, Enrolment and \n\nWithdrawal Procedures"
    );
}

#[test]
fn dash_title_stops_at_prose() {
    let text = "under Appendix AC – Inventory Enrolment and Withdrawal Procedures\n\
                The DCC shall publish it. Also Section H – the DCC services.";
    let refs = extract(text);
    assert_eq!(refs.len(), 2);
    assert_eq!(
        refs[0].cited_title.as_ref().unwrap().text,
        "Inventory Enrolment and Withdrawal Procedures"
    );
    assert_eq!(refs[1].cited_title, None);
    assert_eq!(&text[refs[1].span.clone()], "Section H");
}

#[test]
fn bracketed_titles() {
    let text = "has the meaning given in Section T3.34 (Additional Interface Testing), \
                unlike Section J1.2(b) (as amended) or Section L (SMKI) or \
                Section H (DCC Services).";
    let refs = extract(text);
    assert_eq!(
        spans(text, &refs),
        [
            "Section T3.34 (Additional Interface Testing)",
            "Section J1.2(b)",
            "Section L",
            "Section H (DCC Services)"
        ]
    );
    assert_eq!(title_of(text, &refs[0]).0, "Additional Interface Testing");
    assert_eq!(clause(text, &refs[1]), ("J1.2(b)", "J1.2(b)"));
    assert_eq!(refs[1].cited_title, None);
    assert_eq!(refs[2].cited_title, None);
    assert_eq!(title_of(text, &refs[3]).0, "DCC Services");
}

#[test]
fn line_breaks_inside_references() {
    let text = "as set out in Section\nH8.16 and in Appendix AT ‘SMETS1 Cryptographic Key\n\
                Management Policy’ too";
    let refs = extract(text);
    assert_eq!(spans(text, &refs)[0], "Section\nH8.16");
    assert_eq!(clause(text, &refs[0]), ("H8.16", "H8.16"));
    let (raw, norm) = title_of(text, &refs[1]);
    assert_eq!(raw, "SMETS1 Cryptographic Key\nManagement Policy");
    assert_eq!(norm, "SMETS1 Cryptographic Key Management Policy");
    assert_eq!(
        refs[1].span,
        at(
            text,
            "Appendix AT ‘SMETS1 Cryptographic Key\nManagement Policy’"
        )
    );
}

#[test]
fn crlf_text_works_the_same() {
    let lf = "see Section\nH8.16, Appendix AC –\nInventory Enrolment and\nWithdrawal \
              Procedures\nand Appendix AT ‘SMETS1 Key\nPolicy’ and section 88(1) of the\n\
              Energy Act 2008.\n";
    let crlf = lf.replace('\n', "\r\n");
    let a = extract(lf);
    let b = extract(&crlf);
    assert_eq!(a.len(), 4);
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(
            lf[x.span.clone()].replace('\n', "\r\n"),
            &crlf[y.span.clone()]
        );
        assert_eq!(
            x.cited_title.as_ref().map(|t| &t.text),
            y.cited_title.as_ref().map(|t| &t.text)
        );
        assert_eq!(x.target_clause(), y.target_clause());
        assert_eq!(x.instrument, y.instrument);
    }
    assert_eq!(
        b[1].cited_title.as_ref().unwrap().text,
        "Inventory Enrolment and Withdrawal Procedures"
    );
}

impl Reference {
    fn target_clause(&self) -> Option<&str> {
        match &self.target {
            Target::Clause { clause, .. } => Some(clause),
            _ => None,
        }
    }
}

#[test]
fn external_instruments() {
    for (text, span, num, inst) in [
        (
            "pursuant to section 88(1) of the Energy Act 2008.",
            "section 88(1) of the Energy Act 2008",
            "88(1)",
            Some("Energy Act 2008"),
        ),
        (
            "pursuant to Section 88(1) of the Energy Act 2008.",
            "Section 88(1) of the Energy Act 2008",
            "88(1)",
            Some("Energy Act 2008"),
        ),
        (
            "pursuant to section 89 of the \n\nEnergy Act 2008.",
            "section 89 of the \n\nEnergy Act 2008",
            "89",
            Some("Energy Act 2008"),
        ),
        (
            "with Condition 22 of the DCC Licence and",
            "Condition 22 of the DCC Licence",
            "22",
            Some("DCC Licence"),
        ),
        (
            "see Licence Condition 22.33 of the Smart Meter Communications Licence.",
            "Licence Condition 22.33 of the Smart Meter Communications Licence",
            "22.33",
            Some("Smart Meter Communications Licence"),
        ),
        (
            "under Schedule 2 to the Electricity Act 1989,",
            "Schedule 2 to the Electricity Act 1989",
            "2",
            Some("Electricity Act 1989"),
        ),
        (
            "under paragraph 5 of Schedule 2 to the Electricity Act 1989,",
            "paragraph 5 of Schedule 2 to the Electricity Act 1989",
            "5",
            Some("Electricity Act 1989"),
        ),
        (
            "under section \n\n89 of the Gas Act \n\n1986 \n\nand",
            "section \n\n89 of the Gas Act \n\n1986",
            "89",
            Some("Gas Act 1986"),
        ),
        ("as section 5 says", "section 5", "5", None),
        (
            "under Licence Condition 22 alone",
            "Licence Condition 22",
            "22",
            None,
        ),
    ] {
        let r = one(text);
        assert_eq!(&text[r.span.clone()], span, "{text}");
        assert!(r.external, "{text}");
        assert_eq!(r.document, None);
        assert_eq!(r.target_clause(), Some(num), "{text}");
        assert_eq!(r.instrument.as_deref(), inst, "{text}");
    }
}

#[test]
fn external_lists() {
    let text = "Directed under \n\nSection 88 (2) and 90 of \n\nthe Energy Act 2008, and \
                Conditions 21 and 23 of the DCC Licence.";
    let refs = extract(text);
    assert_eq!(
        spans(text, &refs),
        [
            "Section 88 (2)",
            "90 of \n\nthe Energy Act 2008",
            "Conditions 21",
            "23 of the DCC Licence"
        ]
    );
    assert!(refs.iter().all(|r| r.external && r.document.is_none()));
    assert_eq!(refs[0].target_clause(), Some("88(2)"));
    assert_eq!(refs[0].instrument.as_deref(), Some("Energy Act 2008"));
    assert_eq!(refs[3].instrument.as_deref(), Some("DCC Licence"));
}

#[test]
fn placeholders() {
    let text = "in Appendix [TBC] and Section [X], and paragraph [x] of Appendix AB";
    let refs = extract(text);
    assert_eq!(
        spans(text, &refs),
        [
            "Appendix [TBC]",
            "Section [X]",
            "paragraph [x] of Appendix AB"
        ]
    );
    assert!(refs.iter().all(|r| r.target == Target::Placeholder));
    assert_eq!(refs[0].document, None);
    assert_eq!(refs[2].document, doc("Appendix AB"));
}

#[test]
fn release_note_bullets() {
    let text = "Documents changed:\n\n  • Section J ‘Charges’\n  • Schedule 10 \
                ‘Communications Hub Technical Specifications’\n  • Appendix AC \
                ‘Inventory Enrolment and Decommissioning Procedures’\n\nMarked-up copies \
                of SEC Appendix A, Appendix B and Appendix M are attached.\n";
    let refs = extract(text);
    assert_eq!(refs.len(), 6);
    assert_eq!(
        refs[2].cited_title.as_ref().unwrap().text,
        "Inventory Enrolment and Decommissioning Procedures"
    );
    assert_eq!(
        spans(text, &refs)[3..],
        ["SEC Appendix A", "Appendix B", "Appendix M"]
    );
}

#[test]
fn titles_in_lists() {
    let text = "Sections A ‘Definitions and Interpretation’ and J ‘Charges’ changed";
    let refs = extract(text);
    assert_eq!(
        spans(text, &refs),
        ["Sections A ‘Definitions and Interpretation’", "J ‘Charges’"]
    );
    assert_eq!(refs[1].cited_title.as_ref().unwrap().text, "Charges");
}

#[test]
fn multibyte_text_around_references_is_safe() {
    let text = "€ “Section H8.16” — Appendix AC – Ünïcödé ‘x’ Schedule\u{a0}11 ‘€ Tables’ é";
    let refs = extract(text);
    assert_eq!(
        spans(text, &refs),
        ["Section H8.16", "Appendix AC", "Schedule\u{a0}11"]
    );
    // Every span and title span lies on char boundaries (slicing would panic).
    for r in &refs {
        let _ = &text[r.span.clone()];
    }
    for i in 0..text.len() {
        if text.is_char_boundary(i) {
            let _ = extract(&text[i..]);
        }
    }
}

#[test]
fn fallback_automaton_finds_the_same_triggers() {
    let text = "Section x, SECTIONS, sections, Appendices APPENDIX appendix Schedule \
                paragraphs CLAUSE clause Conditions condition SeCtion subsection";
    let automaton = Triggers::Automaton(
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(STEMS)
            .unwrap(),
    );
    let all: Vec<usize> = automaton.starts(text).collect();
    let fast: Vec<usize> = TRIGGERS.starts(text).collect();
    // The automaton also finds odd casings ("SeCtion"), which `head_word` rejects.
    let odd = at(text, "SeCtion").start;
    let wanted: Vec<usize> = all.iter().copied().filter(|&i| i != odd).collect();
    assert_eq!(fast, wanted);
    assert_eq!(fast.len(), 13);
}

#[test]
fn empty_and_tiny_inputs() {
    for t in [
        "",
        "Section",
        "Section ",
        "H8.",
        "H8.1",
        ".",
        "Appendix [",
        "(",
        "‘",
    ] {
        let _ = extract(t);
    }
    assert!(extract("Section").is_empty());
    assert_eq!(extract("see H8.1").len(), 1);
}

#[test]
fn citations_in_block_quotes_are_marked_quoted() {
    let text = "H4.1 See Section H4.9.\n> H4.1 The old text cited Section H4.2.\n  > nested Section H4.3 and Section H4.4\nSection H4.5 \tno> quote";
    let quoted: Vec<(&str, bool)> = extract(text)
        .iter()
        .map(|r| (&text[r.span.clone()], r.quoted))
        .collect();
    assert_eq!(
        quoted,
        [
            ("Section H4.9", false),
            ("Section H4.2", true),
            ("Section H4.3", true),
            ("Section H4.4", true),
            ("Section H4.5", false),
        ]
    );
}

#[test]
fn a_placeholder_later_in_a_list_is_read() {
    let text = "As Sections H3.1 and [TBC] set out, and Appendices A and [X].";
    let refs = extract(text);
    let got: Vec<(&str, bool)> = refs
        .iter()
        .map(|r| {
            (
                &text[r.span.clone()],
                matches!(r.target, Target::Placeholder),
            )
        })
        .collect();
    assert!(
        got.iter().any(|(t, p)| *p && t.contains("[TBC]")),
        "{got:?}"
    );
    assert!(got.iter().any(|(t, p)| *p && t.contains("[X]")), "{got:?}");
    // A single Section does not start a list: "Section H3.1 and [TBC]" is one citation.
    let one = extract("Section H3.1 and [TBC] apply.");
    assert_eq!(one.len(), 1);
}

#[test]
fn clause_numbers_with_many_digits() {
    // Four or more digits in a part or a clause were not recognised: `H1.1000` gave no
    // citation, so it was never checked.
    let text = "See Section H1.1000, and H12345.1 and H1.123456 apply; not H1.1234567.";
    let refs = extract(text);
    assert_eq!(
        spans(text, &refs),
        ["Section H1.1000", "H12345.1", "H1.123456"]
    );
    assert_eq!(clause(text, &refs[0]), ("H1.1000", "H1.1000"));
    assert_eq!(refs[1].span, at(text, "H12345.1"));
    assert_eq!(refs[1].document, doc("Section H"));
    assert_eq!(clause(text, &refs[2]), ("H1.123456", "H1.123456"));
}
