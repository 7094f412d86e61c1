//! The cargo-fuzz parser harnesses (`fuzz/src/harness.rs`, the very functions the
//! `fuzz/fuzz_targets/*` call) run on stable in every `cargo test`, for a bounded number
//! of generated inputs each, so CI exercises them on every change (issue 13). The whole
//! check (the `check` target) is `tests/fuzz_check.rs`'s.
//!
//! Inputs are structure-aware: the committed seeds (`fuzz/corpus/<target>/seed-*`), and
//! text from a small grammar of each format, damaged by a few mutations each (bits
//! flipped, bytes cut at any kind of boundary, ranges deleted, doubled or spliced from
//! another seed, format tokens and awkward characters dropped in: curly quotes, dashes,
//! no-break and line separators, BOMs, lone CRs, characters whose case changes their
//! length, UTF-16). A fixed-seed generator makes every case reproducible; a failing input
//! is written under `target/tmp/fuzz_parsers/` and its case number printed.
//!
//! `SECCHECK_FUZZ_CASES` sets the cases a target (default 1,000; `word` a quarter of it),
//! `SECCHECK_FUZZ_SEED` the seed (default fixed).

// The whole-check harness is `tests/fuzz_check.rs`'s.
#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod fuzz_support;

use fuzz_support::harness;
use std::io::{Read as _, Write as _};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

const DEFAULT_CASES: u64 = 1000;

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

fn env_u64(name: &str) -> Option<u64> {
    let v = std::env::var(name).ok()?;
    let v = v.trim();
    match v.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => v.parse().ok(),
    }
}

/// Characters and pieces that trip offset arithmetic, whatever the format.
const AWKWARD: &[&str] = &[
    "‘", "’", "“", "”", "–", "—", "\u{a0}", "\u{2028}", "\u{2029}", "\u{feff}", "\u{200b}",
    "\u{301}", "\r", "\r\n", "\n", "\n\n", "\t", " ", "é", "🙂", "İ", "\u{212a}", "ß", "ﬁ", "Σ",
    "\u{0}", "\\", "\"", "|", "*", "#",
];

/// A format's grammar: fragments joined into lines; `{n}` becomes a number, `{d}` a
/// date in one of the shapes SEC texts use, `{w}` a word.
#[derive(Clone, Copy)]
struct Grammar {
    /// Whole-line shapes (a line is one of these, then maybe more fragments).
    lines: &'static [&'static str],
    /// Pieces appended within a line.
    pieces: &'static [&'static str],
}

const WORDS: &[&str] = &[
    "the",
    "DCC",
    "shall",
    "Party",
    "Services",
    "Definitions",
    "and",
    "of",
    "SEC",
    "version",
    "Energy",
    "Act",
    "Smart",
    "Metering",
    "Change",
    "Board",
    "vote",
    "on",
    "Title",
    "as",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "June",
    "July",
    "September",
    "December",
    "Jan",
    "Sept",
    "Dec",
    "july",
    "JUNE",
    "Juy",
];

fn number(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => "0".into(),
        1 => "99999999999999999999999".into(),
        2 => format!("{}", rng.below(1_000_000)),
        3 => format!("0{}", rng.below(10)),
        _ => format!("{}", 1 + rng.below(60)),
    }
}

fn date(rng: &mut Rng) -> String {
    let y = [2013, 2021, 2022, 1999, 0, 99999][rng.below(6)];
    let m = 1 + rng.below(13);
    let d = rng.below(33);
    let month = rng.pick(MONTHS);
    let sep = rng.pick(&[" ", "\u{a0}", "\n", "  ", "-"]);
    match rng.below(7) {
        0 => format!("{y:04}-{m:02}-{d:02}"),
        1 => format!("{d}{sep}{month}{sep}{y}"),
        2 => format!("{d}th {month} {y}"),
        3 => format!("{month} {y}"),
        4 => format!("{d}/{m}/{y}"),
        5 => format!("{y}-{m}-{d}"),
        _ => format!("{d}{sep}{month}"),
    }
}

fn fill(rng: &mut Rng, shape: &str, out: &mut String) {
    let mut rest = shape;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let (with, len) = match tail.get(..3) {
            Some("{n}") => (number(rng), 3),
            Some("{d}") => (date(rng), 3),
            Some("{w}") => (rng.pick(WORDS).to_string(), 3),
            _ => ("{".to_string(), 1),
        };
        out.push_str(&with);
        rest = &tail[len..];
    }
    out.push_str(rest);
}

impl Grammar {
    fn generate(&self, rng: &mut Rng) -> String {
        let mut out = String::new();
        for _ in 0..1 + rng.below(24) {
            if !self.lines.is_empty() && rng.chance(70) {
                let shape = rng.pick(self.lines);
                fill(rng, shape, &mut out);
            }
            for _ in 0..rng.below(4) {
                if rng.chance(80) {
                    let piece = rng.pick(self.pieces);
                    fill(rng, piece, &mut out);
                } else {
                    out.push_str(rng.pick(AWKWARD));
                }
            }
            out.push_str(rng.pick(&["\n", "\n", "\n", "\r\n", "\r", "\n\n", ""]));
        }
        out
    }
}

/// Prose of SEC texts: citations, clause numbers, quoted titles.
const PROSE: &[&str] = &[
    " {w}",
    " {w} {w}",
    " Section H{n}.{n}",
    " Section {n}",
    " Sections H{n} and J{n}.{n}",
    " Section A ‘Definitions and Interpretation’",
    " Appendix AC ‘{w} {w}’",
    " Appendix A{n}",
    " Schedule {n}",
    " Schedule 11 ‘TS Applicability Tables’",
    " MP{n} ‘{w}",
    " MP{n}",
    " SECMP{n}",
    " version {n}.{n}",
    " v{n}.{n}",
    " paragraph {n}.{n}({n})",
    " Clause {n}.{n}(a)(ii)",
    " H{n}.{n}",
    " X5.4",
    " on {d}",
    " {d}",
    " “{w}”",
    " ‘{w}’",
    " '{w}'",
    " \"{w}\"",
    " **{w}**",
    " (a)",
    " (iv)",
    ",",
    ".",
    ";",
    " and",
    " to",
    " –",
];

const DOCUMENT: Grammar = Grammar {
    lines: &[
        "# Section H: DCC Services",
        "# Appendix AC – {w} {w}",
        "# Schedule 11: {w}",
        "SECTION H – DCC SERVICES",
        "APPENDIX AC",
        "| Version | Implementation Date | Reason for Change | Overview of Modifications |",
        "|---|---|---|---|",
        "| {n}.{n} | {d} | {w} {w} | MP{n} ‘{w}’ |",
        "| {n}.{n} | {d} |",
        "VERSION CONTROL",
        "{n}.{n} {d} {w}",
        "## H{n} {w} {w}",
        "### H{n}.{n} {w}",
        "H{n}.{n} {w}",
        "{n}.{n} {w}",
        "{n}. {w}",
        "(a) {w}",
        "(ii) {w}",
        "**{n}.{n}** {w}",
        "- {w}",
        "",
    ],
    pieces: PROSE,
};

const DEFINITIONS: Grammar = Grammar {
    lines: &[
        "# Section A: Definitions and Interpretation",
        "## A1 Definitions",
        "A1.1 In this Code:",
        "**{w}** means {w} {w};",
        "“{w}” means {w};",
        "| **{w}** | means {w} {w}; |",
        "| {w} {w} | has the meaning given to that expression in Section H{n}.{n}; |",
        "**{w} {w}** has the meaning given to it in Section {n};",
        "{w} means",
        "(a) {w}; and",
        "|---|---|",
        "",
    ],
    pieces: PROSE,
};

const REDLINE: Grammar = Grammar {
    lines: &[
        "{++{w} {w}++}",
        "{--{w}--}",
        "{~~{w}~>{w}~~}",
        "{>>{w}<<}",
        "{=={w}==}",
        "{++",
        "++}",
        "| {n}.{n} | {d} | {w} |",
        "{++| {n}.{n} | {d} | {w} |++}",
        "H{n}.{n} {w}",
        "# Section H: DCC Services",
        "",
    ],
    pieces: &[
        " {w}",
        "{++{w}++}",
        "{++\n++}",
        "{--{w}--}",
        "{~~{w}~>{w}~~}",
        "{~~",
        "~>",
        "~~}",
        "{++",
        "++}",
        "{--",
        "--}",
        "{>>",
        "<<}",
        "{==",
        "==}",
        "{+",
        "+}",
        "{",
        "}",
        " Section H{n}.{n}",
        " ‘{w}’",
    ],
};

const RELEASE_NOTE: Grammar = Grammar {
    lines: &[
        "# SEC v{n}.{n} implemented {w} {w}",
        "# SEC Release {n}.{n}",
        "{d}",
        "SEC version {n}.{n} came into effect on {d} to {w}",
        "## Summary of changes",
        "## What parts of the SEC were affected?",
        "## Where can I access the legal text?",
        "- SEC Section {n} ‘{w} {w}’",
        "- SEC Section H ‘{w}",
        "- SEC Appendix AC ‘{w}’ (new)",
        "- {w}’",
        "- Section H",
        "* Schedule {n}",
        "MP{n} ‘{w} {w}’",
        "This release affected {n} documents.",
        "The following {n} SEC documents were affected:",
        "{n} parts of the SEC",
        "three SEC Sections and one hundred and two Appendices",
        "",
    ],
    pieces: PROSE,
};

const LOG: Grammar = Grammar {
    lines: &[
        "release,effective_date,document,version,title",
        "{n}.{n},{d},section-h,{n}.{n},{w} {w}",
        "{n}.{n},{d},appendix-ac,{n}.{n},\"{w}, {w}\"",
        "{n}.{n},{d},schedule-{n},{n}.{n},\"{w} \"\"{w}\"\" {w}\"",
        "{n}.{n},{d},section-{w},{n},\"{w}",
        "{n},{d},,,",
        ",,,,",
        "{n}.{n},{d},section-a,{n}.{n},{w},extra",
        "\"{n}.{n}\",\"{d}\",\"section-h\",\"{n}.{n}\",\"{w}\"",
        "",
    ],
    pieces: &[
        ",",
        "\"",
        "\"\"",
        ",\"",
        "\",",
        " {w}",
        "{n}",
        ".{n}",
        "{d}",
        "section-",
        "appendix-",
    ],
};

const VERSION_TABLE_MARKDOWN: Grammar = Grammar {
    lines: &[
        "| {n}.{n} | {d} | {w} {w} |",
        "| {n}.{n} | {d} | MP{n} |",
        "| {n} | {d} |",
        "|{n}.{n}|{d}|{w}|{w}|{w}|",
        "| {n}.{n} | {d} | {w} |",
        "| | | |",
        "|---|---|---|",
        "| **{n}.{n}** | **{d}** | {w} |",
        "| {n}.{n} | {d}<br>{d} | {w} |",
        "| {n}.{n} | TBC | {w} |",
        "",
    ],
    pieces: &[" {w}", " |", "|", " {d}", " {n}.{n}", "\\|", "**", "<br>"],
};

const VERSION_TABLE_PDF: Grammar = Grammar {
    lines: &[
        "Version Implementation Date Reason for Change",
        "Version Implementation",
        "Date",
        "{n}.{n} {d} {w} {w}",
        "{n}.{n} {d}",
        "{n}.{n} {n}",
        "{n}.{n}",
        "{n}",
        "{w} {w}",
        "{n} {w}",
        "{w} {n}",
        "",
    ],
    pieces: &[" {w}", " {d}", " {n}", "\u{a0}{n}", " {n}.{n}", "\u{a0}"],
};

const DATES: Grammar = Grammar {
    lines: &[
        "{d}",
        "on {d}, {d} and {d}",
        "{d} to {d}",
        "{n} {w} {n}",
        "",
    ],
    pieces: &[
        " {d}",
        " {d}",
        "{d}",
        ", ",
        " and ",
        " on ",
        "st",
        "nd",
        "th",
        " of ",
        " {n}",
        "-{n}",
        "/{n}",
        " 29 February 2021",
        " 31 June 2022",
        " 2021-02-30",
        " 1st",
    ],
};

const CONFIG: Grammar = Grammar {
    lines: &[
        "[rules]",
        "[per-path]",
        "[per-path.\"redlines/**\"]",
        "[checks]",
        "[rules",
        "REF002 = \"warning\"",
        "REF = \"off\"",
        "LOG00{n} = \"error\"",
        "DATE002 = {n}",
        "\"DEF\" = \"info\"",
        "\"documents/appendix-*/**\" = {{ REF002 = \"off\", DEF = \"info\" }}",
        "\"releases/*\" = {n}",
        "extend = \"a.toml\"",
        "extend = [\"a.toml\"]",
        "rules = {n}",
        "# {w}",
        "x = '''{w}",
        "",
    ],
    pieces: &[
        " = ",
        "\"",
        "'",
        "[",
        "]",
        "{",
        "}",
        ",",
        " # {w}",
        "{w}",
        "\"\\u{n}\"",
        "\\",
    ],
};

const REFS_TARGET: Grammar = Grammar {
    lines: &[],
    pieces: &[
        "H{n}.{n}",
        "H{n}",
        "Section H",
        "Section ",
        "AC {n}.{n}",
        "Appendix AC {n}.{n}",
        "Appendix ",
        "Schedule {n}",
        "A{n}",
        "X{n}.{n}({n})",
        " ",
        ".",
        "(a)",
        "{n}",
        "section-h",
        "appendix-ac",
    ],
};

/// All the formats at once: what `classify` must tell apart.
fn any_format(rng: &mut Rng) -> String {
    let g = rng.pick(&[
        DOCUMENT,
        DEFINITIONS,
        REDLINE,
        RELEASE_NOTE,
        LOG,
        VERSION_TABLE_MARKDOWN,
        VERSION_TABLE_PDF,
        CONFIG,
    ]);
    g.generate(rng)
}

fn decode_bytes(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    match rng.below(4) {
        0 => out.extend_from_slice(b"\xEF\xBB\xBF"),
        1 => out.extend_from_slice(b"\xFF\xFE"),
        2 => out.extend_from_slice(b"\xFE\xFF"),
        _ => {}
    }
    for _ in 0..rng.below(40) {
        match rng.below(6) {
            0 => out.push(rng.next() as u8),
            1 => out.extend_from_slice(rng.pick(&[b"\r".as_slice(), b"\n", b"\r\n", b"\n\r"])),
            2 => out.extend_from_slice(rng.pick(&[
                b"\0".as_slice(),
                b"\xFF",
                b"\xC3",
                b"\xED\xA0\x80",
            ])),
            _ => out.extend_from_slice(rng.pick(AWKWARD).as_bytes()),
        }
    }
    out
}

fn utf16(text: &[u8], big_endian: bool) -> Vec<u8> {
    let text = String::from_utf8_lossy(text);
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

/// A place to cut or insert at: any byte, a character boundary, a line's end or start, a
/// word's edge.
fn boundary(rng: &mut Rng, bytes: &[u8]) -> usize {
    if bytes.is_empty() {
        return 0;
    }
    let at = rng.below(bytes.len() + 1);
    let kinds: &[fn(u8) -> bool] = &[
        |b| b == b'\n',
        |b| b == b'\r',
        |b| b == b' ',
        |b| b == b'|' || b == b',' || b == b'.',
        |b| b >= 0x80,
        |b| b.is_ascii_digit(),
        |b| b == b'{' || b == b'}' || b == b'~' || b == b'+',
    ];
    match rng.below(4) {
        0 => at,
        1 => {
            // The nearest character boundary at or after `at`.
            let mut i = at;
            while i < bytes.len() && (bytes[i] & 0xC0) == 0x80 {
                i += 1;
            }
            i
        }
        _ => {
            let kind = rng.pick(kinds);
            let found = bytes[at.min(bytes.len())..].iter().position(|b| kind(*b));
            match found {
                Some(p) => at + p + rng.below(2),
                None => at,
            }
            .min(bytes.len())
        }
    }
}

fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>, donors: &[Vec<u8>], tokens: &Grammar) {
    for _ in 0..1 + rng.below(5) {
        let at = boundary(rng, bytes);
        match rng.below(14) {
            0 if !bytes.is_empty() => {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
            1 if !bytes.is_empty() => {
                let i = rng.below(bytes.len());
                bytes[i] = rng.next() as u8;
            }
            2 => bytes.truncate(at),
            3 | 4 => {
                let t = rng.pick(AWKWARD);
                bytes.splice(at..at, t.bytes());
            }
            5 | 6 => {
                let mut t = String::new();
                let pieces = if tokens.lines.is_empty() || rng.chance(50) {
                    tokens.pieces
                } else {
                    tokens.lines
                };
                let piece = rng.pick(pieces);
                fill(rng, piece, &mut t);
                bytes.splice(at..at, t.bytes());
            }
            7 => {
                // A range from another input spliced in, over a range of this one.
                let donor = &donors[rng.below(donors.len())];
                let from = boundary(rng, donor);
                let to = (from + rng.below(200)).min(donor.len());
                let end = (at + rng.below(40)).min(bytes.len());
                bytes.splice(at..end, donor[from..to].iter().copied());
            }
            8 => {
                let end = (at + 1 + rng.below(80)).min(bytes.len());
                bytes.drain(at..end);
            }
            9 => {
                let end = (at + 1 + rng.below(80)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(end..end, copy);
            }
            10 => {
                // Line ends: every LF, or one, becomes CR LF or a lone CR.
                let with: &[u8] =
                    rng.pick(&[b"\r\n".as_slice(), b"\r", b"\n\r", "\u{2028}".as_bytes()]);
                let every = rng.chance(50);
                let mut out = Vec::with_capacity(bytes.len());
                let mut done = false;
                for &b in bytes.iter() {
                    if b == b'\n' && !done {
                        out.extend_from_slice(with);
                        done = !every;
                    } else {
                        out.push(b);
                    }
                }
                *bytes = out;
            }
            11 => {
                let bom: &[u8] = rng.pick(&[b"\xEF\xBB\xBF".as_slice(), b"\xFF\xFE", b"\xFE\xFF"]);
                bytes.splice(0..0, bom.iter().copied());
            }
            12 if rng.chance(30) => *bytes = utf16(bytes, rng.chance(50)),
            _ => {
                // A space or a line feed swapped for a look-alike.
                if let Some(p) = bytes[at..].iter().position(|b| *b == b' ' || *b == b'\n') {
                    let with = rng.pick(&["\u{a0}", "\u{2028}", "\t", "\u{2029}", "  ", "\r"]);
                    bytes.splice(at + p..at + p + 1, with.bytes());
                }
            }
        }
    }
}

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("seed-"))
        })
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no seeds in {}", dir.display());
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// Runs `harness` on `cases` inputs made by `input` (given the case's generator); on a
/// panic, writes the input out and fails naming it.
fn run(target: &str, cases: u64, input: impl Fn(&mut Rng) -> Vec<u8>, harness: fn(&[u8])) {
    let seed = env_u64("SECCHECK_FUZZ_SEED").unwrap_or(0x5EC_C4EC);
    let salt = target.bytes().fold(0xCBF2_9CE4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01B3)
    });
    for case in 0..cases {
        let mut rng = Rng::new(seed ^ salt ^ case.wrapping_mul(0x9E37_79B9));
        let data = input(&mut rng);
        if catch_unwind(AssertUnwindSafe(|| harness(&data))).is_err() {
            let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz_parsers");
            std::fs::create_dir_all(&dir).unwrap();
            let file = dir.join(format!("{target}-case-{case}.bin"));
            std::fs::write(&file, &data).unwrap();
            let shown: String = String::from_utf8_lossy(&data).chars().take(400).collect();
            panic!(
                "fuzz target `{target}`, case {case} (SECCHECK_FUZZ_SEED={seed:#x}) failed; \
                 input written to {} (`cd fuzz && cargo +nightly fuzz run {target} <file>`):\n{shown:?}",
                file.display()
            );
        }
    }
}

fn cases() -> u64 {
    env_u64("SECCHECK_FUZZ_CASES").unwrap_or(DEFAULT_CASES)
}

/// Text targets: a third of the cases a seed damaged, a third the grammar's text, a third
/// the grammar's text damaged with seeds as donors.
fn text_target(target: &str, grammar: fn(&mut Rng) -> String, harness: fn(&[u8])) {
    let seeds = seeds(target);
    let mut donors = seeds.clone();
    // The other formats' seeds, for splices across formats.
    for other in ["document", "redline", "release_note", "log"] {
        if other != target {
            donors.extend(self::seeds(other));
        }
    }
    for s in &seeds {
        harness(s);
    }
    let tokens = tokens_of(target);
    run(
        target,
        cases(),
        |rng| match rng.below(3) {
            0 => {
                let mut b = seeds[rng.below(seeds.len())].clone();
                mutate(rng, &mut b, &donors, tokens);
                b
            }
            1 => grammar(rng).into_bytes(),
            _ => {
                let mut b = grammar(rng).into_bytes();
                mutate(rng, &mut b, &donors, tokens);
                b
            }
        },
        harness,
    );
}

fn tokens_of(target: &str) -> &'static Grammar {
    match target {
        "log" => &LOG,
        "definitions" => &DEFINITIONS,
        "redline" => &REDLINE,
        "release_note" => &RELEASE_NOTE,
        "version_table_markdown" => &VERSION_TABLE_MARKDOWN,
        "version_table_pdf" => &VERSION_TABLE_PDF,
        "dates" => &DATES,
        "config" => &CONFIG,
        "refs_target" => &REFS_TARGET,
        _ => &DOCUMENT,
    }
}

#[test]
fn log() {
    text_target("log", |r| LOG.generate(r), harness::log);
}

#[test]
fn document() {
    text_target("document", |r| DOCUMENT.generate(r), harness::document);
}

#[test]
fn definitions() {
    text_target(
        "definitions",
        |r| DEFINITIONS.generate(r),
        harness::definitions,
    );
}

#[test]
fn references() {
    text_target("references", |r| DOCUMENT.generate(r), harness::references);
}

#[test]
fn redline() {
    text_target("redline", |r| REDLINE.generate(r), harness::redline);
}

#[test]
fn release_note() {
    text_target(
        "release_note",
        |r| RELEASE_NOTE.generate(r),
        harness::release_note,
    );
}

#[test]
fn version_table_markdown() {
    text_target(
        "version_table_markdown",
        |r| VERSION_TABLE_MARKDOWN.generate(r),
        harness::version_table_markdown,
    );
}

#[test]
fn version_table_pdf() {
    text_target(
        "version_table_pdf",
        |r| VERSION_TABLE_PDF.generate(r),
        harness::version_table_pdf,
    );
}

#[test]
fn dates() {
    text_target("dates", |r| DATES.generate(r), harness::dates);
}

#[test]
fn decode_lines() {
    let seeds = seeds("decode_lines");
    for s in &seeds {
        harness::decode_lines(s);
    }
    run(
        "decode_lines",
        cases(),
        |rng| {
            let mut b = match rng.below(3) {
                0 => seeds[rng.below(seeds.len())].clone(),
                1 => decode_bytes(rng),
                _ => any_format(rng).into_bytes(),
            };
            mutate(rng, &mut b, &seeds, &DOCUMENT);
            b
        },
        harness::decode_lines,
    );
}

#[test]
fn classify() {
    text_target("classify", any_format, harness::classify);
}

#[test]
fn config() {
    text_target("config", |r| CONFIG.generate(r), harness::config);
}

#[test]
fn refs_target() {
    text_target(
        "refs_target",
        |r| {
            let mut s = String::new();
            for _ in 0..1 + r.below(4) {
                let piece = r.pick(REFS_TARGET.pieces);
                fill(r, piece, &mut s);
            }
            s
        },
        harness::refs_target,
    );
}

/// Word-processing XML pieces dropped into `word/document.xml`.
const WORD_XML: &[&str] = &[
    "<w:p>",
    "</w:p>",
    "<w:p><w:r><w:t>Section H8.16</w:t></w:r></w:p>",
    "<w:r><w:t xml:space=\"preserve\"> ‘Title’ </w:t></w:r>",
    "<w:r><w:t>",
    "</w:t></w:r>",
    "<w:ins w:id=\"1\" w:author=\"A\"><w:r><w:t>new</w:t></w:r></w:ins>",
    "<w:del w:id=\"2\" w:author=\"A\"><w:r><w:delText>old</w:delText></w:r></w:del>",
    "<w:ins w:id=\"3\" w:author=\"A\">",
    "</w:ins>",
    "<w:del w:id=\"4\" w:author=\"A\">",
    "</w:del>",
    "<w:pPr><w:rPr><w:ins w:id=\"5\" w:author=\"A\"/></w:rPr></w:pPr>",
    "<w:pPr><w:rPr><w:del w:id=\"6\" w:author=\"A\"/></w:rPr></w:pPr>",
    "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>",
    "<w:tab/>",
    "<w:br/>",
    "<w:cr/>",
    "<w:noBreakHyphen/>",
    "<w:sym w:char=\"F0B7\"/>",
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1.0</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    "<w:tr>",
    "</w:tc>",
    "<w:fldSimple w:instr=\"REF x\"><w:r><w:t>1</w:t></w:r></w:fldSimple>",
    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>",
    "<w:r><w:instrText>PAGE</w:instrText></w:r>",
    "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
    "&amp;",
    "&#10;",
    "&#xD800;",
    "&#1114112;",
    "&bogus;",
    "<![CDATA[x]]>",
    "<!-- c -->",
    "<",
    ">",
    "\"",
];

fn unzip(docx: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().unwrap().to_string(), bytes)
        })
        .collect()
}

/// Packs the parts again: stored, mostly (deflate in a debug build is slow), sometimes
/// deflated as Word does.
fn rezip(parts: &[(String, Vec<u8>)], deflate: bool) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    });
    for (name, bytes) in parts {
        z.start_file(name.as_str(), options).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// The package with its style sheet cut to the styles the body names (and the default
/// ones), and the parts the reader never looks at dropped: a Word seed's styles run to
/// hundreds of kilobytes, read three times a case.
fn slim(parts: &[(String, Vec<u8>)]) -> Vec<(String, Vec<u8>)> {
    let body = parts
        .iter()
        .find(|(n, _)| n == "word/document.xml")
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    let mut out = Vec::new();
    for (name, bytes) in parts {
        match name.as_str() {
            "word/stylesWithEffects.xml" | "docProps/thumbnail.jpeg" => {}
            "word/styles.xml" => {
                let styles = String::from_utf8_lossy(bytes);
                let head_end = styles
                    .find("<w:latentStyles")
                    .or_else(|| styles.find("<w:style "))
                    .unwrap_or(styles.len());
                let attr = |style: &str, name: &str| -> String {
                    style
                        .split(&format!("{name}=\""))
                        .nth(1)
                        .and_then(|s| s.split('"').next())
                        .unwrap_or("")
                        .to_string()
                };
                // Every style: its id, its parent, its text.
                let mut all = Vec::new();
                let mut rest = &styles[head_end..];
                while let Some(at) = rest.find("<w:style ") {
                    let Some(len) = rest[at..].find("</w:style>") else {
                        break;
                    };
                    let style = &rest[at..at + len + "</w:style>".len()];
                    let parent = style
                        .find("<w:basedOn ")
                        .map(|b| attr(&style[b..], "w:val"))
                        .unwrap_or_default();
                    all.push((attr(style, "w:styleId"), parent, style));
                    rest = &rest[at + style.len()..];
                }
                // The default styles, those the body names, and their parents.
                let mut wanted: Vec<String> = all
                    .iter()
                    .filter(|(id, _, style)| {
                        style.contains("w:default=\"1\"") || body.contains(&format!("\"{id}\""))
                    })
                    .map(|(id, _, _)| id.clone())
                    .collect();
                let mut i = 0;
                while i < wanted.len() {
                    if let Some((_, parent, _)) = all.iter().find(|(id, _, _)| *id == wanted[i])
                        && !parent.is_empty()
                        && !wanted.contains(parent)
                    {
                        wanted.push(parent.clone());
                    }
                    i += 1;
                }
                let mut kept = styles[..head_end].to_string();
                for (id, _, style) in &all {
                    if wanted.contains(id) {
                        kept.push_str(style);
                    }
                }
                kept.push_str("</w:styles>");
                out.push((name.clone(), kept.into_bytes()));
            }
            _ => out.push((name.clone(), bytes.clone())),
        }
    }
    out
}

#[test]
fn word() {
    let seeds = seeds("word");
    for s in &seeds {
        harness::word(s);
    }
    let full: Vec<_> = seeds.iter().map(|s| unzip(s)).collect();
    let packages: Vec<_> = full.iter().map(|p| slim(p)).collect();
    for (p, s) in packages.iter().zip(&seeds) {
        let slim = rezip(p, true);
        harness::word(&slim);
        // Slimming loses nothing the reader reads.
        let read = |b: &[u8]| {
            seccheck::word::read(b, seccheck::word::View::Markup)
                .unwrap()
                .text
        };
        assert_eq!(read(&slim), read(s));
    }
    let xml = Grammar {
        lines: &[],
        pieces: WORD_XML,
    };
    let text_donors = self::seeds("document");
    run(
        "word",
        (cases() / 4).max(1),
        |rng| {
            let i = rng.below(packages.len());
            let mut parts = if rng.chance(5) {
                full[i].clone()
            } else {
                packages[i].clone()
            };
            if rng.chance(80) {
                // Damage the XML of a part (most often the body), then package it again.
                let i = parts
                    .iter()
                    .position(|(n, _)| n == "word/document.xml" && rng.chance(75))
                    .unwrap_or_else(|| rng.below(parts.len()));
                let mut donors = text_donors.clone();
                donors.extend(parts.iter().map(|(_, b)| b.clone()));
                mutate(rng, &mut parts[i].1, &donors, &xml);
                for _ in 0..rng.below(4) {
                    let b = &mut parts[i].1;
                    let at = boundary(rng, b);
                    b.splice(at..at, rng.pick(WORD_XML).bytes());
                }
            }
            if rng.chance(20) {
                parts.remove(rng.below(parts.len()));
            }
            let mut bytes = rezip(&parts, rng.chance(5));
            if rng.chance(20) {
                // The package's own bytes damaged.
                let at = rng.below(bytes.len());
                match rng.below(3) {
                    0 => bytes[at] ^= 1 << rng.below(8),
                    1 => bytes.truncate(at),
                    _ => {
                        bytes.drain(at..(at + 1 + rng.below(64)).min(bytes.len()));
                    }
                }
            }
            bytes
        },
        harness::word,
    );
}
