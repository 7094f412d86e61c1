//! The redline verifier on a large change: a 5 MB document with 10,000 changes must
//! parse and verify in both directions well under a second. The verification is timed
//! as seccheck runs it: a whole check of a three-file release (log, two versions, the
//! redline), so RED001/RED002 compare the redline with both clean texts.
//!
//! `cargo bench --bench redline`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use seccheck::check::check_memory;
use seccheck::parse::redline::parse;
use std::hint::black_box;

/// The release around the redline: Section H 1.0 at 40.0, bumped to 1.1 at 54.0.
fn release(red: &str, old: &str, new: &str) -> Vec<(String, Vec<u8>)> {
    let heading = "# Section H: DCC Services\n\n";
    let log = "release,effective_date,document,version,title\n\
               40.0,2021-06-24,section-h,1.0,DCC Services\n\
               54.0,2021-12-17,section-h,1.1,DCC Services\n";
    [
        ("document-log.csv", log.to_string()),
        ("documents/section-h/1.0.md", format!("{heading}{old}")),
        ("documents/section-h/1.1.md", format!("{heading}{new}")),
        ("redlines/section-h/1.1.md", format!("{heading}{red}")),
    ]
    .into_iter()
    .map(|(p, t)| (p.to_string(), t.into_bytes()))
    .collect()
}

/// (redline, text before, text after): about 5 MB, 10,000 changes of every kind.
fn big_redline() -> (String, String, String) {
    let (mut red, mut old, mut new) = (String::new(), String::new(), String::new());
    let mut n = 0;
    let mut clause = 0;
    while n < 10_000 {
        clause += 1;
        let head = format!("H{}.{} ", clause / 40 + 1, clause % 40 + 1);
        let body = "The DCC shall maintain the Smart Metering Inventory and shall record in it, for each Device, its Device type and its status, in accordance with Section H8.16 and the procedures that the Panel publishes on the Website. ";
        let plain = format!("{head}{body}{body}\n\n");
        red.push_str(&plain);
        old.push_str(&plain);
        new.push_str(&plain);
        let (r, o, w) = match clause % 4 {
            0 => (
                "Each Supplier Party shall {~~notify~>tell~~} the DCC.\n\n".to_string(),
                "Each Supplier Party shall notify the DCC.\n\n",
                "Each Supplier Party shall tell the DCC.\n\n",
            ),
            1 => (
                "{++A new obligation applies from the next release.\n\n++}".to_string(),
                "",
                "A new obligation applies from the next release.\n\n",
            ),
            2 => (
                "{--An obligation that no longer applies.\n\n--}".to_string(),
                "An obligation that no longer applies.\n\n",
                "",
            ),
            _ => (
                "The Panel {==may==} agree{>>MP123<<} a longer period.\n\n".to_string(),
                "The Panel may agree a longer period.\n\n",
                "The Panel may agree a longer period.\n\n",
            ),
        };
        if clause % 4 != 3 {
            n += 1;
        }
        red.push_str(&r);
        old.push_str(o);
        new.push_str(w);
    }
    (red, old, new)
}

fn redline(c: &mut Criterion) {
    let (red, old, new) = big_redline();
    assert!(red.len() > 5_000_000, "{} bytes", red.len());
    let parsed = parse(&red);
    assert!(parsed.errors.is_empty());
    let files = release(&red, &old, &new);
    let outcome = check_memory(files.clone());
    let red_findings: Vec<_> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with("RED"))
        .map(|d| (d.code, d.message.clone()))
        .collect();
    assert!(red_findings.is_empty(), "{red_findings:?}");

    let mut g = c.benchmark_group("redline");
    g.throughput(Throughput::Bytes(red.len() as u64));
    g.sample_size(20);
    g.bench_function(
        "check the release: parse + verify both sides (5 MB, 10,000 changes)",
        |b| b.iter(|| check_memory(black_box(files.clone())).diagnostics.len()),
    );
    g.bench_function("parse only (5 MB, 10,000 changes)", |b| {
        b.iter(|| parse(black_box(&red)).segments.len())
    });
    g.finish();
}

criterion_group!(benches, redline);
criterion_main!(benches);
