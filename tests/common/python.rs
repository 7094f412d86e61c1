//! Reading a report back with the Python package its consumers use (a SARIF schema
//! validator, a JUnit parser): shared by the tests of those formats.

use std::ffi::OsStr;

/// The lines a Python `script` prints when run with `args`. A script exits 3 when
/// `package` cannot be imported: then `None` outside CI (the check is skipped, with a
/// note), and a failure in CI, where `.ci/run` installs it (`SECCHECK_CI` is set).
pub fn lines(script: &str, args: &[&OsStr], package: &str) -> Option<Vec<String>> {
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 is needed to read the report back");
    if out.status.code() == Some(3) {
        assert!(
            std::env::var_os("SECCHECK_CI").is_none(),
            "Python's {package} is missing: `pip install {package}` (.ci/run installs it)"
        );
        eprintln!("{package} is missing (pip install {package}): the report is not read back");
        return None;
    }
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(String::from)
            .collect(),
    )
}
