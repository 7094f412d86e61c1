//! The redline verifier on a large change: a 5 MB document with 10,000 changes must
//! parse and verify in both directions well under a second.
//!
//! `cargo bench --bench redline`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use seccheck::parse::redline::{Side, parse};
use std::hint::black_box;

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
    assert_eq!(parsed.diverges(&red, Side::Before, &old), None);
    assert_eq!(parsed.diverges(&red, Side::After, &new), None);

    let mut g = c.benchmark_group("redline");
    g.throughput(Throughput::Bytes(red.len() as u64));
    g.sample_size(20);
    g.bench_function("parse + verify both sides (5 MB, 10,000 changes)", |b| {
        b.iter(|| {
            let r = parse(black_box(&red));
            let before = r.diverges(&red, Side::Before, black_box(&old));
            let after = r.diverges(&red, Side::After, black_box(&new));
            (r.segments.len(), before, after)
        })
    });
    g.bench_function("parse only (5 MB, 10,000 changes)", |b| {
        b.iter(|| parse(black_box(&red)).segments.len())
    });
    g.finish();
}

criterion_group!(benches, redline);
criterion_main!(benches);
