//! The whole check on a small corpus held in memory: the input is split into a log, two
//! document versions, a redline and a release note (at NUL bytes, `\0`), checked, and
//! rendered in the human and JSON formats. Every finding lies inside its file's text, on
//! character boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;
use seccheck::check::check_memory;
use seccheck::report::{self, human::HumanOptions};
use seccheck::store::Held;

const PATHS: [&str; 5] = [
    "document-log.csv",
    "documents/section-h/1.0.md",
    "documents/section-h/1.1.md",
    "redlines/section-h/1.1.md",
    "releases/54.0.md",
];

fuzz_target!(|data: &[u8]| {
    let files: Vec<(String, Vec<u8>)> = data
        .split(|b| *b == 0)
        .zip(PATHS)
        .map(|(bytes, path)| (path.to_string(), bytes.to_vec()))
        .collect();
    let outcome = check_memory(files);
    let held = Held::new(&outcome.corpus.files);
    for d in &outcome.diagnostics {
        for l in d.primary.iter().chain(&d.related) {
            let text = &held.get(l.file).text;
            let (a, b) = (l.span.start as usize, l.span.end as usize);
            assert!(a <= b && b <= text.len(), "{} span {a}..{b}", d.code);
            assert!(
                text.is_char_boundary(a) && text.is_char_boundary(b),
                "{}",
                d.code
            );
        }
    }
    let human = report::human::render(
        &outcome,
        &HumanOptions {
            color: false,
            width: 100,
            show_suppressed: true,
            quiet: false,
        },
    );
    assert!(human.contains("Checked "));
    let json = report::json::render(&outcome);
    assert!(json.starts_with('{'));
});
