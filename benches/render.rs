//! Rendering 10,000 findings: the human format (miette, with snippets) and JSON.
//!
//! `cargo bench --bench render`

use criterion::{Criterion, criterion_group, criterion_main};
use seccheck::report::{self, human::HumanOptions};
use std::hint::black_box;

mod common;

fn render(c: &mut Criterion) {
    // A corpus large enough to hold 10,000 defects that do not collide.
    let dir = common::corpus(96 << 20, 10_000);
    let mut outcome = seccheck::check::check_path(dir.path()).unwrap();
    outcome.diagnostics.truncate(10_000);
    assert_eq!(outcome.diagnostics.len(), 10_000);

    let mut g = c.benchmark_group("render 10,000 findings");
    g.sample_size(10);
    g.bench_function("human", |b| {
        b.iter(|| {
            report::human::render(
                black_box(&outcome),
                &HumanOptions {
                    color: false,
                    width: 100,
                    show_suppressed: false,
                    quiet: false,
                },
            )
            .len()
        })
    });
    g.bench_function("json", |b| {
        b.iter(|| report::json::render(black_box(&outcome)).len())
    });
    g.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
