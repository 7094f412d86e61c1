//! CFG defects: a `seccheck.toml` that names a rule that does not exist.

use super::Planter;

/// CFG001: an unknown rule code in `[rules]` (one per corpus: there is one config file).
pub const CFG001: Planter = Planter {
    code: "CFG001",
    plant: |ctx| {
        if !ctx.claim(&[], &["config".to_string()]) {
            return false;
        }
        let text = "# Written by seccheck-gen: the code below is a planted defect (no such rule).\n[rules]\nXYZ001 = \"off\"\n";
        ctx.write("seccheck.toml", text.to_string(), Some(3));
        true
    },
};
