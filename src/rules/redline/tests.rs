//! The comparison, the word diff and the bumps on small texts, then RED001–RED006 run
//! together on small corpora.

use super::compare::Divergence;
use super::word_diff::WordDiff;
use super::*;
use crate::model::DocumentLog;
use crate::parse::redline::parse;
use std::time::Duration;

/// Compares one side of `redline` with `expected`.
fn diverges(redline: &str, side: Side, expected: &str) -> Option<Divergence> {
    let r = parse(redline);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    compare(&Text::of_side(&r, redline, side), &Text::of_file(expected))
}

/// The word diff of one side of `redline` and `expected`, with the usual time for the
/// diff, or with the deadline already past.
fn diff(redline: &str, side: Side, expected: &str, deadline_past: bool) -> WordDiff {
    let r = parse(redline);
    let got = Text::of_side(&r, redline, side);
    let exp = Text::of_file(expected);
    let div = compare(&got, &exp).expect("the texts differ");
    let deadline = if deadline_past {
        Instant::now() - Duration::from_millis(1)
    } else {
        Instant::now() + DIFF_TIME
    };
    word_diff(&got, &exp, div, deadline)
}

#[test]
fn both_sides_equal_their_texts() {
    let r = "A {++new ++}clause {--old --}and {~~Charges~>Payment~~}{>>MP1<<} {==kept==}.\n";
    assert_eq!(
        diverges(r, Side::Before, "A clause old and Charges kept.\n"),
        None
    );
    assert_eq!(
        diverges(r, Side::After, "A new clause and Payment kept.\n"),
        None
    );
}

#[test]
fn crlf_counts_as_lf_but_a_lone_cr_does_not() {
    // Redline in LF, text in CRLF, and the other way round.
    assert_eq!(
        diverges("a\n{++x\n++}b\n", Side::Before, "a\r\nb\r\n"),
        None
    );
    assert_eq!(
        diverges("a\r\n{++x\r\n++}b\r\n", Side::After, "a\nx\nb\n"),
        None
    );
    // A CR LF split by a mark: the CR ends one chunk, the LF starts the next.
    assert_eq!(diverges("a\r{--gone--}\nb", Side::After, "a\nb"), None);
    assert_eq!(diverges("a\r{++\n++}b", Side::Before, "a\rb"), None);
    // A CR that ends no line is text.
    let d = diverges("a\rb", Side::After, "a\nb").unwrap();
    assert_eq!((d.at, d.got, d.expected), (1, 1, 1));
}

#[test]
fn whitespace_at_the_very_end_is_ignored_and_nowhere_else() {
    assert_eq!(diverges("text{++ ++}\n\n", Side::After, "text"), None);
    assert_eq!(diverges("text", Side::After, "text \t\r\n\n"), None);
    assert!(diverges("a  b", Side::After, "a b").is_some());
    let wd = diff("a  b", Side::After, "a b", false);
    assert_eq!(
        (quoted(&wd.got), quoted(&wd.expected)),
        ("2 spaces".into(), "one space".into())
    );
    assert!(diverges("text\n", Side::After, "text\nmore\n").is_some());
}

#[test]
fn divergence_at_the_start() {
    let d = diverges("{~~b~>a~~}bc", Side::After, "xbc").unwrap();
    // The first differing character is the new side of the substitution.
    assert_eq!((d.at, d.got, d.expected), (0, 6, 0));
}

#[test]
fn divergence_in_the_middle_points_into_the_right_chunk() {
    let r = "once in each {~~quarter.~>week.~~}\n";
    let d = diverges(r, Side::Before, "once in each month.\n").unwrap();
    assert_eq!(d.at, "once in each ".len());
    assert_eq!(&r[d.got..d.got + 7], "quarter");
    assert_eq!(d.expected, "once in each ".len());
    // A multi-byte character that differs in its second byte: point at its start.
    let d = diverges("caf\u{e9}", Side::After, "caf\u{e8}").unwrap();
    assert_eq!((d.at, d.got, d.expected), (3, 3, 3));
}

#[test]
fn divergence_at_the_end() {
    // This side runs out: point at the end of its last chunk, not of the file.
    let r = "abc{--def--}{>>note<<}";
    let d = diverges(r, Side::After, "abcdef").unwrap();
    assert_eq!((d.at, d.got, d.expected), (3, 3, 3));
    // The other text runs out.
    let d = diverges("abc{++def++}", Side::After, "abc").unwrap();
    assert_eq!((d.at, d.got, d.expected), (3, 6, 3));
}

#[test]
fn empty_texts() {
    assert_eq!(diverges("", Side::After, ""), None);
    assert_eq!(diverges("{++ ++}", Side::After, "\n"), None);
    assert_eq!(diverges("{--all--}", Side::After, ""), None);
    let d = diverges("", Side::After, "a").unwrap();
    assert_eq!((d.at, d.got, d.expected), (0, 0, 0));
    let d = diverges("{++a++}", Side::Before, "b").unwrap();
    assert_eq!((d.at, d.got, d.expected), (0, 0, 0));
}

#[test]
fn word_diff_names_the_words_and_their_spans() {
    let r = "H8.16 The DCC shall refresh it at least once in each {~~quarter.~>week.~~}\n\nH8.17 Next.\n";
    let e = "H8.16 The DCC shall refresh it at least once in each month.\n\nH8.17 Next.\n";
    let wd = diff(r, Side::Before, e, false);
    assert_eq!(
        (wd.got.as_str(), wd.expected.as_str()),
        ("quarter.", "month.")
    );
    assert_eq!(&r[wd.got_span.range()], "quarter.");
    assert_eq!(&e[wd.expected_span.range()], "month.");
    let lines = wd.lines("Section H 9.0", "changes rejected");
    assert_eq!(
        lines,
        "     Section H 9.0: …it at least once in each ‹month.›¶¶H8.17 Next.¶\n  \
         changes rejected: …it at least once in each ‹quarter.›¶¶H8.17 Next.¶"
    );
}

#[test]
fn a_span_starts_at_the_first_word_and_stops_at_the_markup() {
    // The differing word runs on past the closing mark: only the side quoted is
    // underlined, not `~>week~~}`.
    let r = "H1.1 Once in each {~~quarter~>week~~}.\n";
    let e = "H1.1 Once in each month.\n";
    let wd = diff(r, Side::Before, e, false);
    assert_eq!(wd.got, "quarter.");
    assert_eq!(&r[wd.got_span.range()], "quarter");
    let wd = diff(r, Side::After, e, false);
    assert_eq!(wd.got, "week.");
    assert_eq!(&r[wd.got_span.range()], "week");
    // A paragraph added after a line break: its words are underlined, not the break.
    let r = "1.1 Devices.\n\n1.2 A table applies.\n";
    let wd = diff(r, Side::Before, "1.1 Devices.\n", false);
    assert_eq!(wd.got.trim(), "1.2 A table applies.");
    assert_eq!(&r[wd.got_span.range()], "1.2 A table applies.");
    let wd = diff("1.1 Devices.\n", Side::Before, r, false);
    assert_eq!(&r[wd.expected_span.range()], "1.2 A table applies.");
    // A difference of white space only keeps its white space.
    let r = "E1.1 Data.{--\n--}\nE1.2 Next.\n";
    let e = "E1.1 Data.\n\nE1.2 Next.\n";
    let wd = diff(r, Side::After, e, false);
    assert!(!wd.got_span.is_empty());
    assert!(r[wd.got_span.range()].trim().is_empty());
}

#[test]
fn word_diff_of_text_missing_on_one_side() {
    // The redline side leaves out a sentence: nothing on its side, an empty span.
    let r = "One. {--Two. --}Three.";
    let wd = diff(r, Side::After, "One. Two. Three.", false);
    assert_eq!(wd.got, "");
    assert!(wd.got_span.is_empty());
    assert_eq!(wd.expected.trim(), "Two.");
    assert_eq!(quoted(&wd.got), "nothing");
    // The spans of a CRLF text map back past the left-out CRs.
    let e = "One.\r\nTwo.\r\nThree.\r\n";
    let wd = diff("One.\nTwo.\nFour.\n", Side::After, e, false);
    assert_eq!(&e[wd.expected_span.range()], "Three.");
}

#[test]
fn past_the_deadline_the_diff_is_still_short() {
    // Two texts that differ in many words: with the deadline already past, the diff
    // gives up at once, and the help is still two short lines.
    let a: String = (0..2000).map(|i| format!("w{i} ")).collect();
    let b: String = (0..2000).map(|i| format!("w{} ", i * 7 % 2000)).collect();
    let wd = diff(&b, Side::After, &a, true);
    assert!(!wd.got.is_empty() && !wd.expected.is_empty());
    let lines = wd.lines("Section H 1.0", "changes accepted");
    assert_eq!(lines.lines().count(), 2);
    assert!(lines.lines().all(|l| l.chars().count() < 120), "{lines}");
}

#[test]
fn a_large_text_gives_a_short_diff() {
    // 5 MB of text with one difference in the middle.
    let para = "H1.1 The DCC shall provide the Services in accordance with this Section.\n\n";
    let n = 5_000_000 / para.len();
    let mut expected = para.repeat(n);
    let mut redline = para.repeat(n / 2);
    redline.push_str("H1.1 The DCC shall {~~supply~>provide~~} the Services in accordance with this Section.\n\n");
    redline.push_str(&para.repeat(n - n / 2 - 1));
    assert_eq!(diverges(&redline, Side::After, &expected), None);
    let wd = diff(&redline, Side::Before, &expected, false);
    assert_eq!(
        (wd.got.as_str(), wd.expected.as_str()),
        ("supply", "provide")
    );
    let lines = wd.lines("Section H 1.0", "changes rejected");
    assert!(lines.len() < 300, "{lines}");
    // The same text with one word more at the very end.
    expected.push_str("Extra.");
    let d = diverges(&redline, Side::After, &expected).unwrap();
    assert_eq!(d.got, redline.len());
}

#[test]
fn bumps_follow_the_log() {
    let text = "release,effective_date,document,version,title\n\
        40.0,2021-06-24,section-h,1.0,DCC Services\n\
        40.0,2021-06-24,section-j,2.0,Charges\n\
        54.0,2021-12-17,section-h,1.1,DCC Services\n\
        54.0,2021-12-17,section-h,1.0,DCC Services\n\
        54.0,2021-12-17,section-j,1.0,Charges\n\
        54.0,2021-12-17,appendix-at,1.0,Policy\n\
        57.0,2022-02-24,section-h,1.1,DCC Services\n\
        57.0,2022-02-24,section-j,2.0,Charges\n";
    let parsed = crate::parse::log::parse(text);
    let log = DocumentLog::new(FileId(0), parsed.rows, parsed.malformed);
    let bumps = crate::history::History::new(&log).bumps();
    let show: Vec<String> = bumps
        .iter()
        .map(|((d, v), b)| {
            format!(
                "{d} {v} at {} from {}",
                b.row.release,
                b.previous.map_or("-".into(), |p| p.version.to_string())
            )
        })
        .collect();
    // Section J going down at 54.0 is no bump, and 2.0 again at 57.0 is no new bump
    // to 2.0 (its first bump is at the first release). Appendix AT is new at 54.0.
    assert_eq!(
        show,
        vec![
            "Section H 1.0 at 40.0 from -",
            "Section H 1.1 at 54.0 from 1.0",
            "Section J 2.0 at 40.0 from -",
            "Appendix AT 1.0 at 54.0 from -",
        ]
    );
}

/// (code, path, line, primary label) of every finding for these files.
fn run(files: &[(&str, &str)]) -> Vec<(String, String, usize, String)> {
    let outcome = crate::rules::testing::check_strs(files);
    outcome
        .diagnostics
        .iter()
        .map(|d| {
            let p = d.primary.as_ref().unwrap();
            let f = outcome.corpus.source(p.file);
            (
                d.code.to_string(),
                f.path.clone(),
                f.line_col(p.span.start as usize).0,
                p.message.clone(),
            )
        })
        .collect()
}

const LOG3: &str = "release,effective_date,document,version,title\n\
    40.0,2021-06-24,section-h,1.0,DCC Services\n\
    54.0,2021-12-17,section-h,1.1,DCC Services\n\
    54.0,2021-12-17,appendix-at,1.0,Policy\n";
const H10: &str = "# Section H: DCC Services\n\nH1.1 The DCC shall act monthly.\n";
const H11: &str = "# Section H: DCC Services\n\nH1.1 The DCC shall act weekly.\n";
const AT10: &str = "# Appendix AT – Policy\n\n1.1 Keys.\n";

#[test]
fn a_new_document_needs_no_redline_and_a_crlf_redline_is_exact() {
    let red = "# Section H: DCC Services\r\n\r\nH1.1 The DCC shall act {~~monthly~>weekly~~}.\r\n";
    let found = run(&[
        ("document-log.csv", LOG3),
        ("documents/section-h/1.0.md", H10),
        ("documents/section-h/1.1.md", H11),
        ("documents/appendix-at/1.0.md", AT10),
        ("redlines/section-h/1.1.md", red),
    ]);
    assert_eq!(found, vec![]);
}

#[test]
fn a_redline_for_a_new_document_is_checked_when_accepted_only() {
    // Appendix AT is new at 54.0: no earlier text, so rejecting is not compared.
    let red = "# Appendix AT – Policy\n\n1.1 {++Keys and certificates.++}\n";
    let found = run(&[
        ("document-log.csv", LOG3),
        ("documents/section-h/1.0.md", H10),
        ("documents/section-h/1.1.md", H11),
        ("documents/appendix-at/1.0.md", AT10),
        (
            "redlines/section-h/1.1.md",
            "# Section H: DCC Services\n\nH1.1 The DCC shall act {~~monthly~>weekly~~}.\n",
        ),
        ("redlines/appendix-at/1.0.md", red),
    ]);
    assert_eq!(
        found,
        vec![(
            "RED002".into(),
            "redlines/appendix-at/1.0.md".into(),
            3,
            "accepting the changes gives ‘Keys and certificates.’".into()
        )]
    );
}

#[test]
fn a_malformed_redline_is_not_compared() {
    let red = "# Section H: DCC Services\n\nH1.1 The DCC shall act {~~quarterly~>daily.\n";
    let found = run(&[
        ("document-log.csv", LOG3),
        ("documents/section-h/1.0.md", H10),
        ("documents/section-h/1.1.md", H11),
        ("documents/appendix-at/1.0.md", AT10),
        ("redlines/section-h/1.1.md", red),
    ]);
    assert_eq!(
        found,
        vec![(
            "RED006".into(),
            "redlines/section-h/1.1.md".into(),
            3,
            "never closed".into()
        )]
    );
}

#[test]
fn an_unchanged_version_without_one_of_its_files_is_told_by_its_redline() {
    // 1.1 has no file (LOG001); the redline marks no change (RED005), and accepting
    // cannot be compared.
    let found = run(&[
        ("document-log.csv", LOG3),
        ("documents/section-h/1.0.md", H10),
        ("documents/appendix-at/1.0.md", AT10),
        ("redlines/section-h/1.1.md", H10),
    ]);
    let codes: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(codes, vec!["LOG001", "RED005"]);
    assert_eq!(found[1].3, "this redline marks no change");
}

#[test]
fn a_redline_for_a_version_only_a_malformed_row_names_is_left_to_log008() {
    let log = LOG3.replace("54.0,2021-12-17,section-h", "54.0,2021-12-32,section-h");
    let found = run(&[
        ("document-log.csv", &log),
        ("documents/section-h/1.0.md", H10),
        ("documents/appendix-at/1.0.md", AT10),
        (
            "redlines/section-h/1.1.md",
            "# Section H: DCC Services\n\nH1.1 The DCC shall act {~~monthly~>weekly~~}.\n",
        ),
    ]);
    let codes: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(codes, vec!["LOG008"]);
    // With a readable log that does not name 1.1, RED004 reports it.
    let log = LOG3.replace(
        "54.0,2021-12-17,section-h,1.1",
        "54.0,2021-12-17,section-h,1.0",
    );
    let found = run(&[
        ("document-log.csv", &log),
        ("documents/section-h/1.0.md", H10),
        ("documents/appendix-at/1.0.md", AT10),
        (
            "redlines/section-h/1.1.md",
            "# Section H: DCC Services\n\nH1.1 The DCC shall act {~~monthly~>weekly~~}.\n",
        ),
    ]);
    assert_eq!(
        found,
        vec![(
            "RED004".into(),
            "redlines/section-h/1.1.md".into(),
            1,
            "Section H version 1.1 is in no release".into()
        )]
    );
}
