//! DEF005 acronym-expanded-differently: one acronym spelled out with two meanings in the
//! documents in effect at one release ("Installation Validity Period (IVP)" in Section H,
//! "Initial Verification Procedure (IVP)" in Appendix AB), or a meaning that contradicts
//! Section A's definition of the acronym. How expansions are found is
//! [`crate::parse::acronyms`]; what is compared, and when, is [`super::acronym`].

use super::acronym::{Authority, Compare, Disagreement, disagreements};
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::resolve::named;
use crate::rules::{Check, Needs, Rule};

pub const RULE: Rule = Rule {
    code: "DEF005",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    for d in disagreements(corpus, Compare::Meaning) {
        out.push(diagnostic(&d));
    }
}

fn diagnostic(d: &Disagreement<'_>) -> Diagnostic {
    let acronym = d.acronym;
    let here = &d.primary.e.written;
    let reference = &d.reference.e.written;
    let (there, reference_label, as_written) = match d.authority {
        Authority::Defined => (
            "in Section A's definition".to_string(),
            format!("Section A defines ‘{acronym}’ as ‘{reference}’"),
            "as Section A defines it".to_string(),
        ),
        Authority::Most(n) => (
            format!("in {}", named(d.reference.doc)),
            format!("‘{acronym}’ expanded as ‘{reference}’"),
            if n > 1 {
                format!("as {n} documents do")
            } else {
                format!("as {} does", named(d.reference.doc))
            },
        ),
    };
    let diagnostic = d.placed(
        Diagnostic::new(
            "DEF005",
            format!(
                "‘{acronym}’ stands for ‘{here}’ here, but for ‘{reference}’ {there}{}",
                d.when()
            ),
        ),
        format!("‘{acronym}’ expanded as ‘{here}’"),
        reference_label,
        |w| format!("also expanded as ‘{w}’"),
    );
    let both = match d.authority {
        Authority::Defined => String::new(),
        Authority::Most(_) => format!(
            "; if ‘{acronym}’ is meant to have both meanings, define it with each in Section A"
        ),
    };
    diagnostic.help(format!(
        "write ‘{reference} ({acronym})’ {as_written}, or give ‘{here}’ an acronym of its own{both}"
    ))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::primary_texts;

    const LOG: &str = "release,effective_date,document,version,title\n\
        40.0,2021-06-24,section-a,1.0,Definitions and Interpretation\n\
        40.0,2021-06-24,section-h,1.0,DCC Services\n\
        40.0,2021-06-24,appendix-ab,1.0,Service Request Processing Document\n\
        54.0,2021-12-17,section-a,1.0,Definitions and Interpretation\n\
        54.0,2021-12-17,section-h,1.1,DCC Services\n\
        54.0,2021-12-17,appendix-ab,1.0,Service Request Processing Document\n";

    fn found(h10: &str, h11: &str, ab: &str, a: &str) -> Vec<(String, String)> {
        primary_texts(
            "DEF005",
            &[
                ("document-log.csv", LOG),
                ("documents/section-a/1.0.md", a),
                ("documents/section-h/1.0.md", h10),
                ("documents/section-h/1.1.md", h11),
                ("documents/appendix-ab/1.0.md", ab),
            ],
        )
    }

    const A: &str = "# Section A: Definitions and Interpretation\n\nA1.1 Terms.\n";
    const H: &str =
        "# Section H: DCC Services\n\nH1.1 Each Installation Validity Period (IVP) is recorded.\n";
    const H_OTHER: &str = "# Section H: DCC Services\n\nH1.1 Each Initial Verification Procedure (IVP) is recorded.\n";
    const AB: &str = "# Appendix AB: Service Request Processing Document\n\n1.1 The Installation Validity Period (IVP) of a Device.\n";

    #[test]
    fn two_meanings_in_effect_together() {
        let got = found(H_OTHER, H_OTHER, AB, A);
        assert_eq!(got.len(), 1, "{got:?}");
        // A tie (one document each): the first in SEC order is the reference.
        assert_eq!(got[0].0, "Installation Validity Period");
        assert!(got[0].1.contains("at release 40.0"), "{}", got[0].1);
    }

    #[test]
    fn a_meaning_new_at_a_later_release_is_reported_there_once() {
        let got = found(H, H_OTHER, AB, A);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Initial Verification Procedure");
        assert!(got[0].1.contains("at release 54.0"), "{}", got[0].1);
    }

    #[test]
    fn section_a_decides_and_may_allow_two_meanings() {
        let a = "# Section A: Definitions and Interpretation\n\n**IVP** means the Initial Verification Procedure.\n";
        let got = found(H, H, AB, a);
        // Section H and Appendix AB agree with each other, not with Section A.
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Installation Validity Period");
        assert!(got[0].1.contains("Section A's definition"), "{}", got[0].1);
        let both = "# Section A: Definitions and Interpretation\n\n**IVP** means the Installation Validity Period or, in Section H, the Initial Verification Procedure.\n";
        assert!(found(H_OTHER, H_OTHER, AB, both).is_empty());
    }

    #[test]
    fn near_misses_stay_silent() {
        // Never in effect together: Section H 1.0 at 40.0 only, 1.1 at 54.0 only.
        let ab_plain = "# Appendix AB: Service Request Processing Document\n\n1.1 A Device.\n";
        assert!(found(H, H_OTHER, ab_plain, A).is_empty());
        // Case, hyphens and plurals are DEF006's.
        let h_case = "# Section H: DCC Services\n\nH1.1 Each Installation validity periods (IVP) is recorded.\n";
        assert!(found(h_case, h_case, AB, A).is_empty());
        // Unmatched words are not an expansion; one expansion has nothing to differ from.
        let h_loose =
            "# Section H: DCC Services\n\nH1.1 Each period of validity (IVP) is recorded.\n";
        assert!(found(h_loose, h_loose, AB, A).is_empty());
    }
}
