//! SARIF 2.1.0 (`--format sarif`), for code-scanning services (GitHub's among them): one
//! run whose tool lists every rule of the catalogue (summary, explanation, default
//! level), and one result a finding, with its primary and related spans, the help, and
//! the baseline's fingerprint as a partial fingerprint so that a service tracks a finding
//! across commits. Suppressed findings are included with their reason as an in-source
//! suppression (services show them as dismissed); rules switched off are configuration
//! overrides, skipped families notifications: nothing is silently off here either.
//!
//! Paths are given from where seccheck runs (`prefix`, as for the GitHub format), which
//! in CI is the repository's root. Columns count characters (`unicodeCodePoints`), as
//! every other format does.

use crate::check::Outcome;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::rules::RULES;
use crate::source::{FileId, Span};
use crate::store::Held;
use serde_sarif::sarif;
use std::collections::BTreeMap;

/// The key of the fingerprint in `partialFingerprints`; the suffix names its version, to
/// be raised if `baseline::fingerprint` ever changes what it hashes.
const FINGERPRINT: &str = "seccheck/v1";

fn level(s: Severity) -> sarif::ResultLevel {
    match s {
        Severity::Error => sarif::ResultLevel::Error,
        Severity::Warning => sarif::ResultLevel::Warning,
        Severity::Info => sarif::ResultLevel::Note,
    }
}

fn text(s: impl Into<String>) -> sarif::Message {
    sarif::Message::builder().text(s.into()).build()
}

fn multiformat(s: impl Into<String>) -> sarif::MultiformatMessageString {
    sarif::MultiformatMessageString::builder()
        .text(s.into())
        .build()
}

/// A relative path as a URI reference: every byte outside the unreserved set and `/` is
/// percent-encoded (a space, `#`, `%` or a non-ASCII letter in a file name).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

struct Context<'a> {
    outcome: &'a Outcome,
    held: Held<'a>,
    prefix: &'a str,
}

impl Context<'_> {
    fn region(&self, file: FileId, span: Span) -> sarif::Region {
        let source = self.held.get(file);
        let (start_line, start_column) = source.line_col(span.start as usize);
        let (end_line, end_column) = source.line_col(span.end as usize);
        let mut region = sarif::Region::builder()
            .start_line(start_line as i64)
            .start_column(start_column as i64)
            .end_line(end_line as i64)
            .end_column(end_column as i64)
            .build();
        // In a Word file lines are paragraphs and spans lie in the text read from it, not
        // in the file's bytes: byte offsets would point into the zip.
        if source.paragraph_at(span.start as usize).is_none() {
            let (start, _) = self.outcome.corpus.file(file).as_written(span);
            region.byte_offset = Some(start as i64);
            region.byte_length = Some((span.end - span.start) as i64);
        }
        region
    }

    fn artifact(&self, file: FileId) -> sarif::ArtifactLocation {
        let path = super::from_run_dir(self.prefix, &self.outcome.corpus.file(file).path);
        sarif::ArtifactLocation::builder().uri(uri(&path)).build()
    }

    fn location(&self, label: &Label, id: Option<i64>) -> sarif::Location {
        let physical = sarif::PhysicalLocation::builder()
            .artifact_location(self.artifact(label.file))
            .region(self.region(label.file, label.span))
            .build();
        let mut location = sarif::Location::builder()
            .physical_location(physical)
            .message(text(label.message.clone()))
            .build();
        location.id = id;
        location
    }

    fn result(&self, d: &Diagnostic, suppressed: Option<&str>) -> sarif::Result {
        let corpus = &self.outcome.corpus;
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let fingerprint = crate::baseline::fingerprint(corpus, &self.held, d);
        let mut result = sarif::Result::builder()
            .rule_id(d.code)
            .level(level(d.severity))
            .message(text(message))
            .locations(
                d.primary
                    .iter()
                    .map(|l| self.location(l, None))
                    .collect::<Vec<_>>(),
            )
            .related_locations(
                d.related
                    .iter()
                    .zip(1..)
                    .map(|(l, id)| self.location(l, Some(id)))
                    .collect::<Vec<_>>(),
            )
            .partial_fingerprints(BTreeMap::from([(FINGERPRINT.to_string(), fingerprint)]))
            .build();
        result.rule_index = RULES
            .iter()
            .position(|r| r.code == d.code)
            .map(|i| i as i64);
        // A fix as SARIF gives one: the region to replace (empty: insert) and the text.
        result.fixes = d.fix.as_ref().map(|f| {
            let replacement = sarif::Replacement::builder()
                .deleted_region(self.region(f.file, f.span))
                .inserted_content(
                    sarif::ArtifactContent::builder()
                        .text(f.replacement.clone())
                        .build(),
                )
                .build();
            vec![
                sarif::Fix::builder()
                    .artifact_changes(vec![
                        sarif::ArtifactChange::builder()
                            .artifact_location(self.artifact(f.file))
                            .replacements(vec![replacement])
                            .build(),
                    ])
                    .build(),
            ]
        });
        result.suppressions = suppressed.map(|reason| {
            vec![
                sarif::Suppression::builder()
                    .kind(serde_json::json!("inSource"))
                    .justification(reason)
                    .build(),
            ]
        });
        result
    }
}

/// The catalogue as SARIF rules, in the order of `RULES` (results point into it by index).
fn rules() -> Vec<sarif::ReportingDescriptor> {
    RULES
        .iter()
        .map(|rule| {
            let descriptor = sarif::ReportingDescriptor::builder().id(rule.code);
            let Some(e) = crate::catalogue::get(rule.code) else {
                return descriptor.build();
            };
            let level = match e.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "note",
            };
            descriptor
                .name(e.name.clone())
                .short_description(multiformat(e.summary.clone()))
                .full_description(multiformat(e.explanation.trim_end()))
                .help(multiformat(crate::catalogue::explain(e)))
                .default_configuration(
                    sarif::ReportingConfiguration::builder()
                        .level(serde_json::json!(level))
                        .build(),
                )
                .build()
        })
        .collect()
}

/// What the run did not do: rules switched off, families skipped.
fn invocation(outcome: &Outcome) -> sarif::Invocation {
    let reference = |code: &str| {
        let mut r = sarif::ReportingDescriptorReference::builder()
            .id(code.to_string())
            .build();
        r.index = RULES.iter().position(|r| r.code == code).map(|i| i as i64);
        r
    };
    let overrides: Vec<_> = outcome
        .disabled
        .iter()
        .map(|d| {
            let mut configuration =
                sarif::ReportingConfiguration::builder()
                    .properties(
                        sarif::PropertyBag::builder()
                            .additional_properties(BTreeMap::from_iter(
                                [("switchedOffBy".to_string(), serde_json::json!(d.by))]
                                    .into_iter()
                                    .chain(d.paths.as_ref().map(|g| {
                                        ("offForPaths".to_string(), serde_json::json!(g))
                                    })),
                            ))
                            .build(),
                    )
                    .build();
            // Off for some files only: still enabled, the glob says where it is not.
            configuration.enabled = d.paths.is_none().then_some(false);
            sarif::ConfigurationOverride::builder()
                .descriptor(reference(d.code))
                .configuration(configuration)
                .build()
        })
        .collect();
    let notifications: Vec<_> = outcome
        .skipped
        .iter()
        .flat_map(|s| {
            s.codes.iter().map(move |code| {
                sarif::Notification::builder()
                    .level(serde_json::json!("note"))
                    .message(text(format!("{code} did not run: {}", s.reason)))
                    .associated_rule(reference(code))
                    .build()
            })
        })
        .collect();
    let mut invocation = sarif::Invocation::builder()
        .execution_successful(true)
        .build();
    if !overrides.is_empty() {
        invocation.rule_configuration_overrides = Some(overrides);
    }
    if !notifications.is_empty() {
        invocation.tool_execution_notifications = Some(notifications);
    }
    invocation
}

pub fn render(outcome: &Outcome, prefix: &str) -> String {
    let cx = Context {
        outcome,
        held: Held::new(&outcome.corpus.files),
        prefix,
    };
    let mut results: Vec<_> = outcome
        .diagnostics
        .iter()
        .map(|d| cx.result(d, None))
        .collect();
    results.extend(
        outcome
            .suppressed
            .iter()
            .map(|s| cx.result(&s.diagnostic, Some(&s.reason))),
    );
    let driver = sarif::ToolComponent::builder()
        .name("seccheck")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(rules())
        .build();
    let run = sarif::Run::builder()
        .tool(sarif::Tool::builder().driver(driver).build())
        .column_kind(serde_json::json!("unicodeCodePoints"))
        .invocations(vec![invocation(outcome)])
        .results(results)
        .build();
    let log = sarif::Sarif::builder()
        .schema("https://json.schemastore.org/sarif-2.1.0.json")
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build();
    let mut s = serde_json::to_string_pretty(&log).expect("plain data serialises");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(
            uri("documents/section-h/9.2.md"),
            "documents/section-h/9.2.md"
        );
        assert_eq!(uri("notes/SEC 5.0 #1.md"), "notes/SEC%205.0%20%231.md");
        assert_eq!(uri("a/é%.md"), "a/%C3%A9%25.md");
    }
}
