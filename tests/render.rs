//! Snapshot of the human format on a small corpus with one finding of most LOG rules.
//! The snapshot was read line by line when it was accepted: each label sits under the
//! span it names, related spans appear in their own file, and the summary counts match.

use seccheck::check::check_path;
use seccheck::report::human::{HumanOptions, render};
use std::path::Path;

#[test]
fn human_format_of_log_errors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/log-errors");
    let outcome = check_path(&root).unwrap();
    let text = render(
        &outcome,
        &HumanOptions {
            color: false,
            width: 100,
            show_suppressed: false,
            quiet: false,
        },
    );
    insta::assert_snapshot!(text);
}
