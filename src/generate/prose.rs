//! The words the generator writes clauses, titles and summaries with. All of it is this
//! project's own prose in the register of the SEC; none of it is published text.
//!
//! Nothing here may look like a citation by accident: no `H8.16`-like tokens, no
//! capitalised `Section`/`Appendix`/`Schedule` words, no dates (those are written on
//! purpose by the callers).

use super::rng::Rng;
use std::collections::HashSet;

pub const SUBJECTS: &[&str] = &[
    "The DCC",
    "Each Supplier Party",
    "Each Network Party",
    "A User",
    "The Panel",
    "The Code Administrator",
    "The Change Board",
    "The SMKI PMA",
    "The Security Sub-Committee",
    "Each Party",
    "An Other User",
    "The Technical Sub-Committee",
    "Each Registration Data Provider",
    "The Operations Group",
];

pub const VERBS: &[&str] = &[
    "shall maintain",
    "shall publish",
    "shall review",
    "shall provide",
    "shall keep",
    "shall update",
    "shall record",
    "may request",
    "shall retain",
    "shall make available",
    "shall assess",
    "shall submit",
    "shall test",
    "shall monitor",
];

pub const OBJECTS: &[&str] = &[
    "a record of each Service Request it sends",
    "the Smart Metering Inventory",
    "the list of Communications Hub types",
    "each Incident report",
    "the Registration Data it holds",
    "the business continuity plan",
    "every Device Alert it receives",
    "the charging statement",
    "the security controls framework",
    "the forecast of Service Request volumes",
    "the register of Anomaly Detection Thresholds",
    "the performance report",
    "its User Identifiers",
    "the list of Eligible Users",
    "the Threshold Anomaly Detection procedures",
    "the information on which the Panel relies",
    "the test results for each Device Model",
    "the Parse and Correlate software",
];

/// Timing phrases: each distinct and written once per clause, so rewording a clause is
/// replacing its timing phrase with another.
pub const TIMINGS: &[&str] = &[
    "within five Working Days",
    "within ten Working Days",
    "at least once in each month",
    "at least once in each quarter",
    "as soon as reasonably practicable",
    "without undue delay",
    "before the end of each Regulatory Year",
    "no later than twenty Working Days after a request",
    "on each Working Day",
    "at least once in each year",
    "within one hour of becoming aware of it",
    "by the date the Panel sets",
];

pub const EXTRAS: &[&str] = &[
    "This obligation does not apply to any Device that the Smart Metering Inventory records as decommissioned.",
    "The Panel may agree a longer period where the DCC shows that it cannot reasonably comply.",
    "Any dispute about this obligation shall be referred to the Panel for determination.",
    "The DCC shall bear its own costs of complying with this obligation.",
    "A Party that fails to comply shall notify the Code Administrator as soon as reasonably practicable.",
    "Nothing in this obligation requires a Party to disclose information that it is not permitted to disclose by law.",
    "The information shall be provided in the format that the Panel publishes on the Website.",
    "Where a Working Day is not a business day for the DCC Systems, the next Working Day applies instead.",
];

/// Numbers that look like clauses but are not: the extractor must leave them alone.
pub const NOT_CLAUSES: &[&str] = &[
    "Service Request 12.1",
    "Service Request 8.14",
    "SRV 4.4.3",
    "SRV 6.24.1",
    "SMETS2 v4.2",
    "GBCS v3.0",
    "CHTS v1.1",
];

pub const PART_TITLES: &[&str] = &[
    "General",
    "Service Management",
    "Business Continuity",
    "Testing Services",
    "Registration",
    "Charges",
    "Enrolment",
    "Security Obligations",
    "Incident Management",
    "Reporting",
    "Information Requirements",
    "Access Control",
    "Communications Hubs",
    "Service Requests",
    "Threshold Anomaly Detection",
    "Forecasting",
    "Release Management",
    "Disaster Recovery",
    "Supply of Devices",
    "Interface Testing",
    "Data Retention",
    "Audit",
    "Performance Standards",
    "Key Management",
    "Certificate Management",
    "Withdrawal",
    "Suspension",
    "Change Control",
    "Notices",
    "Liabilities",
];

const TERM_HEADS: &[&str] = &[
    "Alert",
    "Anomaly",
    "Device",
    "Gateway",
    "Hub",
    "Incident",
    "Inventory",
    "Key",
    "Meter",
    "Network",
    "Outage",
    "Recovery",
    "Registration",
    "Routing",
    "Security",
    "Service",
    "Supply",
    "Tariff",
    "Threshold",
    "Usage",
    "Validation",
    "Firmware",
    "Enrolment",
    "Consumption",
    "Credential",
    "Install",
    "Commissioning",
    "Migration",
    "Settlement",
    "Billing",
];

const TERM_MIDS: &[&str] = &[
    "Coverage",
    "Retention",
    "Forecast",
    "Response",
    "Exception",
    "Escalation",
    "Correlation",
    "Assurance",
    "Notification",
    "Allocation",
    "Continuity",
    "Calibration",
    "Rejection",
    "Reconciliation",
    "Activation",
    "Transfer",
    "Replacement",
    "Acceptance",
    "Review",
    "Suspension",
];

const TERM_TAILS: &[&str] = &[
    "Database",
    "Register",
    "Plan",
    "Report",
    "Log",
    "Notice",
    "Table",
    "Statement",
    "Procedure",
    "Window",
    "Period",
    "Record",
    "Catalogue",
    "Certificate",
];

/// A new defined term ("Alert Retention Register") not used before and neither containing
/// nor contained in any term used before.
pub fn term(rng: &mut Rng, used: &mut HashSet<String>) -> String {
    loop {
        let t = format!(
            "{} {} {}",
            rng.pick(TERM_HEADS),
            rng.pick(TERM_MIDS),
            rng.pick(TERM_TAILS)
        );
        if used
            .iter()
            .any(|u| u.contains(&t) || t.contains(u.as_str()))
        {
            continue;
        }
        used.insert(t.clone());
        return t;
    }
}

const MP_WORDS_A: &[&str] = &[
    "Enduring",
    "Interim",
    "Revised",
    "Further",
    "Improved",
    "Simplified",
    "Extended",
    "Central",
    "Consolidated",
    "Annual",
    "Quarterly",
    "Automated",
    "Clarified",
    "Aligned",
    "Mandatory",
    "Optional",
    "Secure",
    "Streamlined",
    "Targeted",
    "Transitional",
];

const MP_WORDS_B: &[&str] = &[
    "Alert",
    "Anomaly Detection",
    "Certificate",
    "Change Board",
    "Communications Hub",
    "Consumer Data",
    "DCC User",
    "Device",
    "Firmware",
    "Incident",
    "Install Code",
    "Meter",
    "Panel",
    "Performance",
    "Registration Data",
    "Release",
    "Security",
    "Service Request",
    "SMKI",
    "Supplier",
    "Testing",
    "Threshold",
    "WAN Coverage",
    "Network Operator",
];

const MP_WORDS_C: &[&str] = &[
    "Reporting",
    "Arrangements",
    "Obligations",
    "Notifications",
    "Forecasting",
    "Governance",
    "Charging",
    "Assurance",
    "Procedures",
    "Requirements",
    "Refresh Frequency",
    "Retention",
    "Timescales",
    "Escalation",
    "Publication",
    "Access",
    "Withdrawal",
    "Recovery",
];

/// A Modification Proposal title not used before.
pub fn mp_title(rng: &mut Rng, used: &mut HashSet<String>) -> String {
    loop {
        let mut t = format!(
            "{} {} {}",
            rng.pick(MP_WORDS_A),
            rng.pick(MP_WORDS_B),
            rng.pick(MP_WORDS_C)
        );
        if rng.chance(30) {
            t = format!(
                "{t} for {}",
                rng.pick(&[
                    "SMETS1 Devices",
                    "SMETS2 Devices",
                    "Network Parties",
                    "Other Users",
                    "Large Suppliers"
                ])
            );
        }
        if used.insert(t.clone()) {
            return t;
        }
    }
}

/// What a Modification Proposal does, for the summary in a release note: completes
/// "MP123 ‘…’ will amend Section H so that …".
pub const CONSEQUENCES: &[&str] = &[
    "the DCC publishes the information every week rather than every month",
    "each Supplier Party receives a notice when a request is rejected",
    "Users can ask for the report in a machine-readable format",
    "the Panel reviews the arrangements at least once in each year",
    "the timescales for responding to an Incident are shorter",
    "the obligations on Network Parties match those on Supplier Parties",
    "the costs of the service are recovered through an Explicit Charge",
    "obsolete transitional wording is removed",
    "the register is kept for seven years rather than three",
    "the DCC consults the Parties before it changes the procedures",
];
