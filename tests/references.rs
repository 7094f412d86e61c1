//! Citations and definitions resolved across releases, in release notes and in loose
//! folders, on small corpora held in memory. Only the REF and DEF families are looked at,
//! so that other families' findings on these small corpora do not matter here.

use seccheck::check::check_memory;

/// One finding: code, path, 1-based line, message, help, and the related labels' paths.
#[derive(Debug)]
struct Found {
    code: String,
    path: String,
    line: usize,
    message: String,
    help: String,
    related: Vec<String>,
}

fn run(files: &[(&str, &str)]) -> Vec<Found> {
    let outcome = check_memory(
        files
            .iter()
            .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
            .collect(),
    );
    outcome
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with("REF") || d.code.starts_with("DEF"))
        .map(|d| {
            let p = d.primary.as_ref().expect("a place");
            let file = outcome.corpus.source(p.file);
            Found {
                code: d.code.to_string(),
                path: file.path.clone(),
                line: file.line_col(p.span.start as usize).0,
                message: d.message.clone(),
                help: d.help.clone().unwrap_or_default(),
                related: d
                    .related
                    .iter()
                    .map(|l| outcome.corpus.file(l.file).path.clone())
                    .collect(),
            }
        })
        .collect()
}

fn codes(found: &[Found]) -> Vec<(&str, &str, usize)> {
    found
        .iter()
        .map(|f| (f.code.as_str(), f.path.as_str(), f.line))
        .collect()
}

const LOG: &str = "release,effective_date,document,version,title
40.0,2021-06-24,section-h,1.0,DCC Services
40.0,2021-06-24,section-j,1.0,Charges
40.0,2021-06-24,appendix-am,1.0,SMETS1 Supporting Requirements
54.0,2021-12-17,section-h,1.0,DCC Services
54.0,2021-12-17,section-j,1.0,Charges
57.0,2022-02-24,section-h,1.1,DCC Services
57.0,2022-02-24,section-j,1.0,Charges
";

const H10: &str = "# Section H: DCC Services

H4.8 The DCC shall keep records.

H4.9 The DCC shall publish a report.
";

const H11: &str = "# Section H: DCC Services

H4.8 The DCC shall keep records.

H5.2 The DCC shall publish a summary of each report.
";

const AM10: &str = "# Appendix AM – SMETS1 Supporting Requirements

1.1 This document sets out requirements for SMETS1 Devices.
";

#[test]
fn a_clause_added_later_is_broken_only_at_the_earlier_releases() {
    let j = "# Section J: Charges

J1.1 No charge applies to the summary described in Section H5.2.
";
    let found = run(&[
        ("document-log.csv", LOG),
        ("documents/section-h/1.0.md", H10),
        ("documents/section-h/1.1.md", H11),
        ("documents/section-j/1.0.md", j),
        ("documents/appendix-am/1.0.md", AM10),
    ]);
    assert_eq!(codes(&found), [("REF002", "documents/section-j/1.0.md", 3)]);
    let m = &found[0].message;
    assert!(m.contains("H5.2"), "{m}");
    assert!(m.contains("releases 40.0 and 54.0"), "{m}");
    assert!(!m.contains("57.0"), "{m}");
}

#[test]
fn release_notes_resolve_at_their_release_or_the_one_before() {
    let j = "# Section J: Charges

J1.1 No charge applies to the records described in Section H4.8.
";
    // H4.9 is deleted by 57.0 itself: the note may describe it. H4.7 is in no version,
    // and Appendix AM left the log after 40.0.
    let note = "# SEC v57.0

24 February 2022

MP181 will delete Section H4.9 and adds Section H5.2. It does not touch Section H4.7.
It also retires Appendix AM ‘SMETS1 Supporting Requirements’.
";
    let found = run(&[
        ("document-log.csv", LOG),
        ("documents/section-h/1.0.md", H10),
        ("documents/section-h/1.1.md", H11),
        ("documents/section-j/1.0.md", j),
        ("documents/appendix-am/1.0.md", AM10),
        ("releases/57.0.md", note),
    ]);
    assert_eq!(
        codes(&found),
        [
            ("REF002", "releases/57.0.md", 5),
            ("REF001", "releases/57.0.md", 6),
        ]
    );
    assert_eq!(
        found[0].message,
        "the 57.0 release note cites Section H4.7, which exists in neither Section H version 1.1 \
         (release 57.0) nor version 1.0 (release 54.0)"
    );
    assert_eq!(
        found[1].message,
        "the 57.0 release note cites Appendix AM, which is not in effect at release 57.0 or 54.0"
    );
}

#[test]
fn quoted_text_is_not_resolved() {
    let j = "# Section J: Charges

J1.1 Before 57.0 this clause read:

> J1.1 No charge applies to the report described in Section H4.9 or Section H4.7.

J1.2 No charge applies to the records described in Section H4.8.
";
    let found = run(&[
        ("document-log.csv", LOG),
        ("documents/section-h/1.0.md", H10),
        ("documents/section-h/1.1.md", H11),
        ("documents/section-j/1.0.md", j),
        ("documents/appendix-am/1.0.md", AM10),
    ]);
    assert_eq!(codes(&found), []);
}

#[test]
fn a_title_is_checked_at_each_release_where_the_citing_version_is_in_effect() {
    let log = "release,effective_date,document,version,title
54.0,2021-12-17,section-l,6.0,Smart Metering Key Infrastructure and DCC Key Infrastructure
54.0,2021-12-17,appendix-ac,1.3,\"Inventory, Enrolment and Withdrawal Procedures\"
57.0,2022-02-24,section-l,6.0,Smart Metering Key Infrastructure and DCC Key Infrastructure
57.0,2022-02-24,appendix-ac,2.0,\"Inventory, Enrolment and Decommissioning Procedures\"
";
    let ac = |title: &str| {
        format!("# Appendix AC – Inventory, Enrolment and {title} Procedures\n\n3.2 Enrolment.\n")
    };
    let l = "# Section L: Smart Metering Key Infrastructure and DCC Key Infrastructure

L14.1 Devices enrolled under paragraph 3.2 of Appendix AC ‘Inventory, Enrolment and Withdrawal Procedures’.

L14.2 Devices enrolled under Section L14.1 (Cryptographic Material) and Appendix AC – Inventory Enrolment and Withdrawal Procedures Version 3.
";
    let found = run(&[
        ("document-log.csv", log),
        ("documents/appendix-ac/1.3.md", &ac("Withdrawal")),
        ("documents/appendix-ac/2.0.md", &ac("Decommissioning")),
        ("documents/section-l/6.0.md", l),
    ]);
    // Right at 54.0, wrong at 57.0; both citations, each once.
    assert_eq!(
        codes(&found),
        [
            ("REF003", "documents/section-l/6.0.md", 3),
            ("REF003", "documents/section-l/6.0.md", 5),
        ]
    );
    assert!(found[0].message.contains("its title at release 57.0 is"));
    assert!(
        found[0].help.contains("until release 54.0"),
        "{}",
        found[0].help
    );
    assert_eq!(found[0].related, ["document-log.csv"]);
}

#[test]
fn one_document_under_two_titles_in_one_file() {
    let t = "# Section T: Testing During Transition

T1.1 See Section X (Transition) and Section X ‘Transitional Arrangements’, then Section X – Transition again.
";
    let x = "# Section X: Transition\n\nX1.1 Text.\n";
    // No log: the titles are compared with the folder's copy, and with each other.
    let found = run(&[("t.md", t), ("x.md", x)]);
    assert_eq!(codes(&found), [("REF003", "t.md", 3)]);
    assert!(found[0].message.contains("headed ‘Transition’"));
    assert!(found[0].help.contains("there is no Document Log"));
    // Without the copy, the second title is reported as a second title.
    let found = run(&[("t.md", t)]);
    assert_eq!(codes(&found), [("REF003", "t.md", 3)]);
    assert!(
        found[0].message.contains("under two titles"),
        "{}",
        found[0].message
    );
}

#[test]
fn a_loose_folder_resolves_against_its_own_files() {
    let h = "# Section H: DCC Services\n\nH8.16 The DCC shall keep the **WAN Coverage Database**.\n\nH8.17 A Party may rely on it.\n";
    let j = "# Section J: Charges\n\nJ2.4 No charge applies where Section H8.61 applies, nor under Section H8.17.\n";
    let a = "# Section A: Definitions and Interpretation

**WAN Coverage Database** has the meaning given to that expression in Section H8.17.

**Charges** means the charges set out in Section J.
";
    let found = run(&[("a.md", a), ("h.md", h), ("j.md", j)]);
    assert_eq!(
        codes(&found),
        [("DEF002", "a.md", 3), ("REF002", "j.md", 3)]
    );
    assert!(found[0].help.contains("did you mean Section H8.16?"));
    assert!(found[1].message.contains("this folder's copy of Section H"));
    assert_eq!(
        found[1].help,
        "did you mean Section H8.16? (resolved against the files in this folder; there is no Document Log)"
    );
    assert_eq!(found[1].related, ["h.md"]);
    // A release note may cite what its release deletes: without a log it is not resolved.
    let note = "SEC version 57.0 came into effect on 24 February 2022. It deletes Section H8.61.\n";
    let found = run(&[("h.md", h), ("note.md", note)]);
    assert_eq!(codes(&found), []);
    // Two copies of Section H: the folder cannot tell which one is meant, so it says nothing.
    let found = run(&[("a.md", a), ("h.md", h), ("h2.md", h), ("j.md", j)]);
    assert_eq!(codes(&found), []);
}

#[test]
fn a_definition_pointing_nowhere_is_def002_and_a_deleted_one_ref004() {
    let a = |clause: &str| {
        format!(
            "# Section A: Definitions and Interpretation\n\n\
             **Legacy Report** has the meaning given to that expression in Section {clause}.\n"
        )
    };
    let log = "release,effective_date,document,version,title
54.0,2021-12-17,section-a,1.0,Definitions and Interpretation
54.0,2021-12-17,section-h,1.0,DCC Services
57.0,2022-02-24,section-a,1.0,Definitions and Interpretation
57.0,2022-02-24,section-h,1.1,DCC Services
";
    let h10 = "# Section H: DCC Services\n\nH4.8 The DCC shall keep records.\n\nH4.9 The DCC shall publish a **Legacy Report**.\n";
    let h11 =
        "# Section H: DCC Services\n\nH4.8 The DCC shall keep records of each Legacy Report.\n";
    // H4.7 exists in neither version: DEF002, not REF002 as well.
    let found = run(&[
        ("document-log.csv", log),
        ("documents/section-a/1.0.md", &a("H4.7")),
        ("documents/section-h/1.0.md", h10),
        ("documents/section-h/1.1.md", h11),
    ]);
    assert_eq!(codes(&found), [("DEF002", "documents/section-a/1.0.md", 3)]);
    assert!(
        found[0].message.contains(
            "does not exist in Section H version 1.0 or 1.1 in effect at releases 54.0 and 57.0"
        ),
        "{}",
        found[0].message
    );
    // H4.9 is deleted at 57.0: REF004 says so; DEF002 does not repeat it.
    let found = run(&[
        ("document-log.csv", log),
        ("documents/section-a/1.0.md", &a("H4.9")),
        ("documents/section-h/1.0.md", h10),
        ("documents/section-h/1.1.md", h11),
    ]);
    assert_eq!(codes(&found), [("REF004", "documents/section-a/1.0.md", 3)]);
}

#[test]
fn uses_in_notes_tables_and_own_definitions_do_not_count() {
    let a = "# Section A: Definitions and Interpretation

| Version | Implementation Date | Reason for Change | Overview of Modifications |
|---|---|---|---|
| 1.0 | 2022-02-24 | Implementation of MP181 | Definition of the Legacy Routing Table and the Device Log |

**Legacy Routing Table** means the Legacy Routing Table kept under the old arrangements.

**Device Log** means a log kept by a Device.
";
    let older =
        "# Section A: Definitions and Interpretation\n\n**Legacy Routing Table** means a table.\n";
    let h = "# Section H: DCC Services\n\nH4.8 The DCC shall read each device\nlog daily.\n";
    let note = "# SEC v57.0\n\nSEC version 57.0 came into effect on 24 February 2022. It defines the Legacy Routing Table.\n";
    let log = "release,effective_date,document,version,title
54.0,2021-12-17,section-a,1.0,Definitions and Interpretation
54.0,2021-12-17,section-h,1.0,DCC Services
57.0,2022-02-24,section-a,1.1,Definitions and Interpretation
57.0,2022-02-24,section-h,1.0,DCC Services
";
    let found = run(&[
        ("document-log.csv", log),
        ("documents/section-a/1.0.md", older),
        ("documents/section-a/1.1.md", a),
        ("documents/section-h/1.0.md", h),
        ("releases/57.0.md", note),
    ]);
    // Reported once, at the newest version; "device\nlog" is a use of Device Log.
    assert_eq!(codes(&found), [("DEF003", "documents/section-a/1.1.md", 7)]);
    // A loose folder is a selection of files: nothing is said of unused terms there.
    let found = run(&[("a.md", a)]);
    assert_eq!(codes(&found), []);
}

/// The clean fixture stays dense: it holds every title form and definitions of both kinds
/// and both delimiters, and still reports nothing (tests/corpus.rs checks that).
#[test]
fn the_clean_fixture_has_every_title_form_and_definition_shape() {
    use seccheck::discover::discover;
    use seccheck::load::load;
    use seccheck::names::DocumentId;
    use seccheck::parse::definitions::DefinitionKind;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean");
    let corpus = load(discover(&root).unwrap());
    let mut titles: Vec<String> = Vec::new();
    for d in &corpus.documents {
        let (source, references) = seccheck::rules::citing::document_citations(&corpus, d);
        let text = &source.text;
        for r in &references {
            if let Some(t) = &r.cited_title {
                // The character before the title says how it is set off.
                let before = text[..t.span.start].trim_end().chars().last().unwrap();
                titles.push(format!("{before}{}", t.text));
            }
        }
    }
    for want in [
        "‘Smart Metering Key Infrastructure and DCC Key Infrastructure", // curly single
        "“TS Applicability Tables",                                      // curly double
        "'TS Applicability Tables",                                      // straight single
        "\"Testing During Transition",                                   // straight double
        "(Testing During Transition",                                    // bracketed document title
        "–Inventory Enrolment and Withdrawal Procedures",                // dash
        "(Additional Interface Testing",                                 // clause title, brackets
        "‘Testing Services",                                             // clause title, quotes
        "(SMKI and DCCKI",                                               // abbreviation
    ] {
        assert!(
            titles.contains(&want.to_string()),
            "{want} not in {titles:#?}"
        );
    }
    let a = DocumentId::from_key("section-a").unwrap();
    for d in corpus.documents.iter().filter(|d| d.document == a) {
        let source = corpus.source(d.file);
        let text = &source.text;
        let opens: Vec<&str> = d
            .definitions
            .iter()
            .map(|def| &text[def.span.start..def.term_span.start])
            .collect();
        for open in ["**", "“", "'"] {
            assert!(opens.contains(&open), "{open} in {opens:?}");
        }
        assert!(
            d.definitions
                .iter()
                .any(|x| x.kind == DefinitionKind::Means)
        );
        assert!(
            d.definitions
                .iter()
                .any(|x| x.kind == DefinitionKind::MeaningGiven)
        );
        assert!(d.definitions.len() >= 8);
    }
}
