//! Parser throughput on generated text: citations, documents (heading and clauses),
//! version-control tables, release notes, the Document Log, dates.
//!
//! `cargo bench --bench parsers`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use seccheck::names::DocumentId;
use seccheck::parse;
use std::hint::black_box;

mod common;

fn parsers(c: &mut Criterion) {
    let dir = common::corpus(48 << 20, 0);
    let doc = common::largest(dir.path(), "documents");
    let note = common::largest(dir.path(), "releases");
    let log = std::fs::read_to_string(dir.path().join("document-log.csv")).unwrap();
    let pdf_table = include_str!("../tests/fixtures/extract/version-control-pdf.txt");
    let key = DocumentId::from_key("section-h");

    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(doc.len() as u64));
    g.bench_function("references::extract (largest document)", |b| {
        b.iter(|| parse::references::extract(black_box(&doc)))
    });
    g.bench_function("parse_document (largest document)", |b| {
        b.iter(|| parse::parse_document(black_box(&doc), true, key.as_ref()))
    });
    g.bench_function("dates::find_dates (largest document)", |b| {
        b.iter(|| parse::dates::find_dates(black_box(&doc)))
    });
    g.bench_function("version_table (Markdown, largest document)", |b| {
        b.iter(|| parse::version_table::parse_version_table(black_box(&doc)))
    });
    g.throughput(Throughput::Bytes(pdf_table.len() as u64));
    g.bench_function("version_table (PDF-extracted fixture)", |b| {
        b.iter(|| parse::version_table::parse_version_table(black_box(pdf_table)))
    });
    g.throughput(Throughput::Bytes(note.len() as u64));
    g.bench_function("release_note (largest note)", |b| {
        b.iter(|| parse::release_note::parse_release_note(black_box(&note)))
    });
    g.throughput(Throughput::Bytes(log.len() as u64));
    g.bench_function("log (whole Document Log)", |b| {
        b.iter(|| parse::log::parse(black_box(&log)))
    });
    g.finish();
}

criterion_group!(benches, parsers);
criterion_main!(benches);
