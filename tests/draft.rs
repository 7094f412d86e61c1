//! `seccheck draft-note RELEASE`: the affected list and the credited proposals drawn from
//! the Document Log and the new version-control rows of `corpus/`.

use assert_cmd::Command;
use std::path::Path;

fn draft(release: &str) -> (i32, String, String) {
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .args(["draft-note", release])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Checked against corpus/document-log.csv: 57.0 bumps Sections A, G, H, J, L, Schedule 7,
/// Appendices A and AC; Section T stays at 4.0 (the REL004 plant), Schedule 11 goes down
/// (LOG003) and the Appendix AB row cannot be read (LOG008). The proposals are those of
/// the new rows of the version-control tables (Schedule 7 2.0 has no file; Appendix A
/// 1.6 has no row for itself).
#[test]
fn the_57_0_note_as_the_record_gives_it() {
    let (status, out, err) = draft("57.0");
    assert_eq!(status, 0);
    assert_eq!(
        out,
        "What parts of the SEC were affected?

- Section A ‘Definitions and Interpretation’
- Section G ‘Security’
- Section H ‘DCC Services’
- Section J ‘Charges’
- Section L ‘Smart Metering Key Infrastructure and DCC Key Infrastructure’
- Schedule 7 ‘Specimen Enabling Services Agreement’
- Appendix A ‘Device Certificate Policy’
- Appendix AC ‘Inventory, Enrolment and Decommissioning Procedures’

Modification Proposals credited in the new versions' version-control tables (4):

- MP175 ‘SMKI Document Set Tidy-Up’ (Section L)
- MP181 ‘Retiring Legacy Service Request Routing’ (Section A and Section H)
- MP186 ‘Decommissioning Terminology for SMETS1 Devices’ (Section A, Section G, Section H and Appendix AC)
- MP190 ‘Explicit Charging for Test Environments’ (Section J)
"
    );
    assert_eq!(
        err,
        "note: line 50 of the Document Log, a row for Appendix AB, could not be read (LOG008): if it bumps Appendix AB at 57.0, add Appendix AB to the list
note: Schedule 7 version 2.0 has no file in the corpus: its proposals are not listed
note: Appendix A version 1.6's version-control table has no row for 1.6: its proposals are not listed
"
    );
}

#[test]
fn the_40_0_note_credits_a_proposal_to_each_document_that_names_it() {
    let (status, out, _) = draft("40.0");
    assert_eq!(status, 0);
    assert!(out.starts_with(
        "What parts of the SEC were affected?\n\n- Section A ‘Definitions and Interpretation’\n- Section H ‘DCC Services’\n- Section J ‘Charges’\n- Schedule 11 ‘TS Applicability Tables’\n- Appendix AC ‘Inventory, Enrolment and Withdrawal Procedures’\n- Appendix AM ‘SMETS1 Supporting Requirements’\n\n"
    ), "{out}");
    assert!(
        out.contains("- MP164 ‘Enrolment Failure Notifications’ (Section A and Appendix AC)\n")
    );
}

/// The log's unreadable row says it is of 57.0: drafts of other releases do not mention it.
/// A release whose new versions credit no proposal says so.
#[test]
fn an_unreadable_row_of_another_release_is_no_gap() {
    let (status, out, err) = draft("54.0");
    assert_eq!(status, 0);
    assert!(!err.contains("LOG008"), "{err}");
    assert_eq!(
        err,
        "note: Schedule 11 version 2.1 has no version-control table: its proposals are not listed\n"
    );
    assert!(
        out.ends_with("version-control tables (0):\n\n(none)\n"),
        "{out}"
    );
}

#[test]
fn a_release_the_log_does_not_have_is_refused() {
    let (status, out, err) = draft("58.0");
    assert_eq!(status, 2);
    assert!(out.is_empty());
    assert_eq!(
        err,
        "error: the Document Log has no release 58.0 (it has 5.16, 40.0, 54.0, 57.0)\n"
    );
    let (status, _, err) = draft("latest");
    assert_eq!(status, 2);
    assert_eq!(
        err,
        "error: `latest` is not a release number such as 57.0\n"
    );
}
