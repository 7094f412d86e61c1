//! DEF006 acronym-spelled-differently: one acronym spelled out with the same words in
//! another case, hyphenation or number ("Pre-Payment Meter (PPM)", "Prepayment meters
//! (PPM)") in the documents in effect at one release. An info: the meaning is one, the
//! wording is not. What is compared, and when, is [`super::acronym`].

use super::acronym::{Authority, Compare, disagreements};
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::resolve::named;
use crate::rules::{Check, Needs, Rule};

pub const RULE: Rule = Rule {
    code: "DEF006",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    for d in disagreements(corpus, Compare::Spelling) {
        let acronym = d.acronym;
        let here = &d.primary.e.written;
        let reference = &d.reference.e.written;
        let (there, label) = match d.authority {
            Authority::Defined => (
                "in Section A's definition".to_string(),
                format!("Section A defines ‘{acronym}’ as ‘{reference}’"),
            ),
            Authority::Most(_) => (
                format!("in {}", named(d.reference.doc)),
                format!("spelled out ‘{reference}’"),
            ),
        };
        let diagnostic = d.placed(
            Diagnostic::new(
                "DEF006",
                format!(
                    "‘{acronym}’ is spelled out ‘{here}’ here but ‘{reference}’ {there}{}: the same words in another case, hyphenation or number",
                    d.when()
                ),
            ),
            format!("spelled out ‘{here}’"),
            label,
            |w| format!("also spelled out ‘{w}’"),
        );
        out.push(diagnostic.help(format!(
            "write ‘{reference}’, so that ‘{acronym}’ is spelled out one way throughout"
        )));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::primary_texts;

    fn found(h: &str, ab: &str) -> Vec<(String, String)> {
        primary_texts(
            "DEF006",
            &[
                ("documents/section-g/1.0.md", G),
                ("documents/section-h/1.0.md", h),
                ("documents/appendix-ab/1.0.md", ab),
            ],
        )
    }

    const G: &str = "# Section G: Security\n\nG1.1 A Pre-Payment Meter (PPM).\n";
    const AB: &str = "# Appendix AB: Service Request Processing Document\n\n1.1 Each Pre-Payment Meter (PPM) and each Pre-Payment Meter (PPM).\n";

    #[test]
    fn case_hyphens_and_plurals_are_one_meaning_spelled_two_ways() {
        let h = "# Section H: DCC Services\n\nH1.1 A Pre-payment meters (PPM) list.\n";
        let got = found(h, AB);
        assert_eq!(got.len(), 1, "{got:?}");
        // No log: the folder's documents are in effect together; two of three write it so.
        // The first of those two is the reference.
        assert_eq!(got[0].0, "Pre-payment meters");
        assert!(
            got[0].1.contains("‘Pre-Payment Meter’ in Section G"),
            "{}",
            got[0].1
        );
    }

    #[test]
    fn another_meaning_or_one_spelling_stays_silent() {
        // Another meaning is DEF005's; the same spelling is no finding.
        let h = "# Section H: DCC Services\n\nH1.1 A Post-Payment Meter (PPM) list.\n";
        assert!(found(h, AB).is_empty());
        let h = "# Section H: DCC Services\n\nH1.1 A Pre-Payment Meter (PPM) list.\n";
        assert!(found(h, AB).is_empty());
    }
}
