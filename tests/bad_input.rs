//! Bad input, one damaged file at a time: each case copies the clean fixture corpus
//! (`tests/fixtures/clean/`), plants one known finding in another file (the sentinel: a
//! citation of a clause that does not exist, REF002 at `documents/section-t/3.0.md:27`),
//! damages one file, and asserts the exact finding (code, file, line) for the damage,
//! that the sentinel is still reported (every other file was still checked), and a bound
//! on the output. Expected lines were counted by hand from the fixture files (their line
//! counts are asserted, so a fixture edit shows here first).

use assert_cmd::Command;
use std::fs;
use std::path::Path;

const LOG: &str = "document-log.csv";
const DOC: &str = "documents/section-l/5.2.md";
const REDLINE: &str = "redlines/section-h/7.1.md";
const NOTE: &str = "releases/57.0.md";
const CONFIG: &str = "seccheck.toml";
const SENTINEL: (&str, &str, usize) = ("REF002", "documents/section-t/3.0.md", 27);

/// Lines of the fixture files as committed (each ends in a line feed).
const LOG_LINES: usize = 27;
const DOC_LINES: usize = 30;
const REDLINE_LINES: usize = 54;

fn seccheck() -> Command {
    let mut cmd = Command::cargo_bin("seccheck").unwrap();
    for var in ["COLUMNS", "FORCE_COLOR", "CLICOLOR_FORCE"] {
        cmd.env_remove(var);
    }
    cmd
}

fn copy(from: &Path, to: &Path) {
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            fs::create_dir_all(&dest).unwrap();
            copy(&e.path(), &dest);
        } else if e.file_name() != "README.md" {
            fs::copy(e.path(), dest).unwrap();
        }
    }
}

/// The clean corpus with the sentinel planted.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean"),
        dir.path(),
    );
    let t = dir.path().join(SENTINEL.1);
    let mut text = fs::read_to_string(&t).unwrap();
    assert_eq!(text.lines().count(), 25);
    // Line 26 blank, line 27 the citation.
    text.push_str("\nT9.1 The DCC shall act under Section H99.99.\n");
    fs::write(t, text).unwrap();
    for (rel, lines) in [(LOG, LOG_LINES), (DOC, DOC_LINES), (REDLINE, REDLINE_LINES)] {
        let t = fs::read_to_string(dir.path().join(rel)).unwrap();
        assert_eq!(t.lines().count(), lines, "{rel}");
        assert!(t.ends_with('\n'), "{rel}");
    }
    dir
}

fn original(dir: &Path, rel: &str) -> Vec<u8> {
    fs::read(dir.join(rel)).unwrap()
}

fn put(dir: &Path, rel: &str, bytes: &[u8]) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, bytes).unwrap();
}

/// One finding of the concise format: (code, path, line).
type Finding = (String, String, usize);

struct Outcome {
    findings: Vec<Finding>,
    stdout: String,
    code: i32,
}

fn run(dir: &Path, args: &[&str]) -> Outcome {
    let out = seccheck()
        .args(["--format", "concise"])
        .args(args)
        .arg(dir)
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    // `path:line:col: CODE severity message`; the path may hold spaces, so the location
    // is read from its right.
    let findings = stdout
        .lines()
        .filter_map(|l| {
            let (place, rest) = l.split_once(": ")?;
            let code = rest.split(' ').next()?.to_string();
            let mut it = place.rsplitn(3, ':');
            let _col = it.next()?;
            let line = it.next()?.parse().ok()?;
            Some((code, it.next()?.to_string(), line))
        })
        .collect();
    Outcome {
        findings,
        stdout,
        code: out.status.code().unwrap_or(-1),
    }
}

fn f(code: &str, path: &str, line: usize) -> Finding {
    (code.to_string(), path.to_string(), line)
}

/// Checks `dir` and asserts exactly `want` besides the sentinel, and at most `max_bytes`
/// of output.
fn expect(dir: &Path, args: &[&str], want: &[Finding], max_bytes: usize) -> Outcome {
    let out = run(dir, args);
    let mut want: Vec<Finding> = want.to_vec();
    want.push(f(SENTINEL.0, SENTINEL.1, SENTINEL.2));
    want.sort();
    let mut got = out.findings.clone();
    got.sort();
    assert_eq!(got, want, "output:\n{}", out.stdout);
    assert!(
        out.stdout.len() <= max_bytes,
        "{} bytes of output",
        out.stdout.len()
    );
    assert_eq!(out.code, 1, "{}", out.stdout);
    out
}

fn utf16le(bytes: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(bytes)
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect()
}

fn with_bom(bom: &[u8], body: Vec<u8>) -> Vec<u8> {
    bom.iter().copied().chain(body).collect()
}

fn crlf(bytes: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(bytes)
        .replace('\n', "\r\n")
        .into_bytes()
}

fn lone_cr(bytes: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(bytes)
        .replace('\n', "\r")
        .into_bytes()
}

/// Each kind of text file with each damage that leaves its text readable in full: no
/// finding at all besides the sentinel (the file was read, and judged clean).
#[test]
fn readable_damage_leaves_every_file_judged() {
    for rel in [LOG, DOC, REDLINE, NOTE] {
        for (name, damage) in [
            (
                "bom",
                (|b: &[u8]| with_bom(b"\xEF\xBB\xBF", b.to_vec())) as fn(&[u8]) -> Vec<u8>,
            ),
            ("crlf", crlf),
            ("lone cr", lone_cr),
        ] {
            let dir = corpus();
            let bytes = damage(&original(dir.path(), rel));
            put(dir.path(), rel, &bytes);
            eprintln!("{rel}: {name}");
            expect(dir.path(), &[], &[], 4_000);
        }
    }
}

/// Lone CR line ends are line ends: the sentinel's file written with CR alone still gives
/// its finding on line 27.
#[test]
fn lone_cr_counts_lines() {
    let dir = corpus();
    let bytes = lone_cr(&original(dir.path(), SENTINEL.1));
    put(dir.path(), SENTINEL.1, &bytes);
    expect(dir.path(), &[], &[], 4_000);
}

/// UTF-16, with and without a byte-order mark, is read (IO002 at 1, the text still
/// judged: nothing else is reported for it).
#[test]
fn utf16_with_and_without_bom() {
    for rel in [LOG, DOC, REDLINE, NOTE, CONFIG] {
        for bom in [&b"\xFF\xFE"[..], &b""[..]] {
            let dir = corpus();
            let body = if rel == CONFIG {
                b"[rules]\n".to_vec()
            } else {
                original(dir.path(), rel)
            };
            put(dir.path(), rel, &with_bom(bom, utf16le(&body)));
            eprintln!("{rel}: {bom:?}");
            expect(dir.path(), &[], &[f("IO002", rel, 1)], 4_000);
        }
    }
}

/// An odd last byte of UTF-16 is reported where the text ends (after the last line
/// feed: one line past the file's lines), not dropped and not taken for binary.
#[test]
fn utf16_with_an_odd_last_byte() {
    for bom in [&b"\xFF\xFE"[..], &b""[..]] {
        let dir = corpus();
        let mut bytes = with_bom(bom, utf16le(&original(dir.path(), DOC)));
        bytes.push(b'x');
        put(dir.path(), DOC, &bytes);
        let out = expect(dir.path(), &[], &[f("IO002", DOC, DOC_LINES + 1)], 4_000);
        assert!(out.stdout.contains("half a character"), "{}", out.stdout);
    }
}

/// Empty and white-space-only files: IO004 at 1, for every kind.
#[test]
fn empty_and_white_space_only() {
    for rel in [DOC, REDLINE, NOTE, CONFIG] {
        for body in [&b""[..], &b"  \n\n\t \r\n"[..]] {
            let dir = corpus();
            put(dir.path(), rel, body);
            eprintln!("{rel}: {body:?}");
            let out = run(dir.path(), &[]);
            assert!(out.findings.contains(&f("IO004", rel, 1)), "{}", out.stdout);
            assert!(
                out.findings
                    .contains(&f(SENTINEL.0, SENTINEL.1, SENTINEL.2))
            );
            assert!(out.stdout.len() < 4_000);
        }
    }
    // An empty log: nothing is in effect anywhere, so no citation can be judged (the
    // sentinel too); only the log's emptiness is reported.
    let dir = corpus();
    put(dir.path(), LOG, b"");
    let out = run(dir.path(), &[]);
    assert_eq!(out.findings, [f("IO004", LOG, 1)], "{}", out.stdout);
}

/// A NUL byte: IO003 at 1, the file not read, for every kind.
#[test]
fn binary() {
    for rel in [LOG, DOC, REDLINE, NOTE, CONFIG] {
        let dir = corpus();
        put(dir.path(), rel, b"PK\x03\x04\x00\x00binary");
        eprintln!("{rel}");
        let out = run(dir.path(), &[]);
        assert!(out.findings.contains(&f("IO003", rel, 1)), "{}", out.stdout);
        assert!(out.stdout.len() < 20_000);
        if rel != LOG {
            assert!(
                out.findings
                    .contains(&f(SENTINEL.0, SENTINEL.1, SENTINEL.2))
            );
        }
    }
}

/// One invalid byte at the start of line 3: IO002 there, the text still read.
#[test]
fn invalid_utf8() {
    for rel in [DOC, REDLINE] {
        let dir = corpus();
        let text = original(dir.path(), rel);
        let third = text
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(1)
            .unwrap()
            .0
            + 1;
        let mut bytes = text[..third].to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice(&text[third..]);
        put(dir.path(), rel, &bytes);
        eprintln!("{rel}");
        let out = run(dir.path(), &[]);
        assert!(out.findings.contains(&f("IO002", rel, 3)), "{}", out.stdout);
        assert!(
            out.findings
                .contains(&f(SENTINEL.0, SENTINEL.1, SENTINEL.2))
        );
        assert!(out.stdout.len() < 4_000);
    }
}

/// A 50 MB line at the end of a document: read, nothing to report in it, quickly enough,
/// and the output stays small.
#[test]
fn a_fifty_megabyte_line() {
    let dir = corpus();
    let mut bytes = original(dir.path(), DOC);
    bytes.extend(std::iter::repeat_n(b'x', 50_000_000));
    bytes.push(b'\n');
    put(dir.path(), DOC, &bytes);
    expect(dir.path(), &[], &[], 4_000);
}

/// CriticMarkup opened and never closed, or closed and never opened: RED006 on the line
/// (the redline's 54 lines, a blank one, then the damaged line 56).
#[test]
fn unclosed_and_stray_critic_markup() {
    for line in [
        "H9.9 New text {++ never closed\n",
        "H9.9 New text ++} stray\n",
    ] {
        let dir = corpus();
        let mut bytes = original(dir.path(), REDLINE);
        bytes.extend_from_slice(b"\n");
        bytes.extend_from_slice(line.as_bytes());
        put(dir.path(), REDLINE, &bytes);
        expect(
            dir.path(),
            &[],
            &[f("RED006", REDLINE, REDLINE_LINES + 2)],
            4_000,
        );
    }
}

/// Log rows inserted as line 4 or appended as line 28 (after the 27 lines), each
/// malformed: LOG008 on that line.
#[test]
fn malformed_log_rows() {
    for (row, at_end) in [
        // An unterminated quote: the rest of the file would be one field.
        ("40.0,2021-06-24,section-q,1.0,\"Unterminated title", false),
        // Absurd release number, version, date.
        (
            "99999999999999999999.0,2021-06-24,section-a,2.1,Definitions and Interpretation",
            true,
        ),
        (
            "60.0,2022-01-01,section-a,99999999999999999999.0,Definitions and Interpretation",
            true,
        ),
        (
            "60.0,9999-99-99,section-a,2.1,Definitions and Interpretation",
            true,
        ),
    ] {
        let dir = corpus();
        let text = String::from_utf8(original(dir.path(), LOG)).unwrap();
        let text = if at_end {
            format!("{text}{row}\n")
        } else {
            let mut lines: Vec<&str> = text.lines().collect();
            lines.insert(3, row);
            lines.join("\n") + "\n"
        };
        put(dir.path(), LOG, text.as_bytes());
        let line = if at_end { LOG_LINES + 1 } else { 4 };
        eprintln!("{row}");
        expect(dir.path(), &[], &[f("LOG008", LOG, line)], 4_000);
    }
}

/// A log of 100,000 more rows (a release each, for a document the corpus lacks): one
/// LOG001 for it, on the first of them (line 28), a message cut short, and the output
/// small.
#[test]
fn a_log_of_a_hundred_thousand_rows() {
    let dir = corpus();
    let mut text = String::from_utf8(original(dir.path(), LOG)).unwrap();
    for i in 0..100_000 {
        text.push_str(&format!("{}.0,2030-01-01,section-q,1.0,Title\n", 100 + i));
    }
    put(dir.path(), LOG, text.as_bytes());
    expect(dir.path(), &[], &[f("LOG001", LOG, LOG_LINES + 1)], 4_000);
}

/// A broken `seccheck.toml`: CFG001 where TOML stops making sense (line 1).
#[test]
fn a_broken_config() {
    let dir = corpus();
    put(dir.path(), CONFIG, b"[rules\nfoo = \n");
    expect(dir.path(), &[], &[f("CFG001", CONFIG, 1)], 4_000);
}

#[cfg(unix)]
mod paths {
    use super::*;
    use std::os::unix::fs::symlink;

    fn mkfifo(p: &Path) {
        let status = std::process::Command::new("mkfifo")
            .arg(p)
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// A named pipe where a document is expected: IO001 saying so, never opened (opening
    /// it would hang), and no LOG001 for the version it stands for.
    #[test]
    fn a_fifo_is_reported_never_opened() {
        let dir = corpus();
        fs::remove_file(dir.path().join(DOC)).unwrap();
        mkfifo(&dir.path().join(DOC));
        let out = expect(dir.path(), &[], &[f("IO001", DOC, 1)], 4_000);
        assert!(out.stdout.contains("is a named pipe, not a file"));
    }

    /// A link to a device, and a link out of the corpus: IO001, not followed; with
    /// `--follow-outside` the outside file is read (and is clean).
    #[test]
    fn links_to_devices_and_outside() {
        let dir = corpus();
        fs::remove_file(dir.path().join(DOC)).unwrap();
        symlink("/dev/null", dir.path().join(DOC)).unwrap();
        expect(dir.path(), &[], &[f("IO001", DOC, 1)], 4_000);
        let dir = corpus();
        let outside = tempfile::tempdir().unwrap();
        let moved = outside.path().join("5.2.md");
        fs::rename(dir.path().join(DOC), &moved).unwrap();
        symlink(&moved, dir.path().join(DOC)).unwrap();
        let out = expect(dir.path(), &[], &[f("IO001", DOC, 1)], 4_000);
        assert!(out.stdout.contains("outside the corpus folder"));
        expect(dir.path(), &["--follow-outside"], &[], 4_000);
    }

    /// Two links that point at each other: IO001 for each, the rest checked.
    #[test]
    fn a_symlink_loop() {
        let dir = corpus();
        symlink("loop2", dir.path().join("documents/loop1")).unwrap();
        symlink("loop1", dir.path().join("documents/loop2")).unwrap();
        expect(
            dir.path(),
            &[],
            &[
                f("IO001", "documents/loop1", 1),
                f("IO001", "documents/loop2", 1),
            ],
            4_000,
        );
    }

    /// A folder named like the document file: IO001 "is a folder", and no LOG001 that
    /// says the corpus has no text for that version (it was skipped silently before).
    #[test]
    fn a_folder_named_like_a_file() {
        let dir = corpus();
        fs::remove_file(dir.path().join(DOC)).unwrap();
        fs::create_dir(dir.path().join(DOC)).unwrap();
        let out = expect(dir.path(), &[], &[f("IO001", DOC, 1)], 4_000);
        assert!(out.stdout.contains("it is a folder, not a file"));
    }

    /// Odd names (a space, a line feed, a byte that is not UTF-8) are not the layout's:
    /// IO006 for each, named so a reader can find it.
    #[test]
    fn odd_file_names() {
        use std::os::unix::ffi::OsStrExt;
        let dir = corpus();
        let body = original(dir.path(), DOC);
        let folder = dir.path().join("documents/section-l");
        fs::write(folder.join("5 2.md"), &body).unwrap();
        fs::write(folder.join("new\nline.md"), &body).unwrap();
        fs::write(
            folder.join(std::ffi::OsStr::from_bytes(b"bad\xFFname.md")),
            &body,
        )
        .unwrap();
        let out = run(dir.path(), &[]);
        for name in ["5 2.md", "bad\u{FFFD}name.md"] {
            assert!(
                out.findings
                    .contains(&f("IO006", &format!("documents/section-l/{name}"), 1)),
                "{name}: {}",
                out.stdout
            );
        }
        // The line feed in a name is printed as is in the concise format: the finding
        // starts on one line and goes on in the next.
        assert!(
            out.stdout
                .contains("documents/section-l/new\nline.md:1:1: IO006"),
            "{}",
            out.stdout
        );
        assert!(
            out.findings
                .contains(&f(SENTINEL.0, SENTINEL.1, SENTINEL.2))
        );
    }

    /// A corpus path that is a named pipe, a device, missing, or an empty folder: exit 2
    /// with a message, nothing checked.
    #[test]
    fn corpus_paths_that_are_no_corpus() {
        let tmp = tempfile::tempdir().unwrap();
        let fifo = tmp.path().join("pipe");
        mkfifo(&fifo);
        let empty = tmp.path().join("empty");
        fs::create_dir(&empty).unwrap();
        for (path, says) in [
            (fifo.as_path(), "it is a named pipe, not a folder or a file"),
            (
                Path::new("/dev/null"),
                "it is a device, not a folder or a file",
            ),
            (&tmp.path().join("missing"), "No such file or directory"),
            (empty.as_path(), "holds no file to check"),
        ] {
            let out = seccheck()
                .arg(path)
                .timeout(std::time::Duration::from_secs(30))
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2), "{path:?}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.contains(says), "{path:?}: {stderr}");
            assert!(out.stdout.is_empty());
        }
    }

    /// A corpus path that is a file of the corpus: that file is checked, with the rest
    /// of its corpus as context, and the sentinel elsewhere is left out (said so).
    #[test]
    fn a_corpus_path_that_is_a_file() {
        let dir = corpus();
        let out = seccheck()
            .args(["--format", "concise"])
            .arg(dir.path().join(DOC))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("1 findings in other files were left out"),
            "{stderr}"
        );
    }
}

/// Found by `cargo fuzz run release_note`: an affected-list entry whose quoted title closes
/// on a later line panicked (the note became IO005 and its findings were lost). The note
/// is now read: no IO005 for it.
#[test]
fn fuzz_release_note_title_past_its_line() {
    let dir = corpus();
    let bytes = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/bad/release-note-title-past-line.md"),
    )
    .unwrap();
    put(dir.path(), NOTE, &bytes);
    let out = run(dir.path(), &[]);
    assert!(
        !out.findings.iter().any(|(code, _, _)| code == "IO005"),
        "{}",
        out.stdout
    );
    assert!(
        out.findings
            .contains(&f(SENTINEL.0, SENTINEL.1, SENTINEL.2))
    );
    assert!(out.stdout.len() < 20_000);
}
