//! Release notes in the published prose form: title line, date line, the opening
//! paragraph with the SEC version, date and count of Modification Proposals, a summary
//! per proposal, "What parts of the SEC were affected?", and where the legal text is.
//! Written as Markdown (`#` headings, `-` bullets) or as plain text (`•` bullets).

use super::prose::CONSEQUENCES;
use super::releases::Proposal;
use super::rng::Rng;
use crate::date::{Date, MONTHS};

/// A document as the note names it.
pub struct Named {
    /// "Section H".
    pub name: String,
    pub title: String,
    /// A core clause to cite in a summary ("H8.16"), for Sections.
    pub clause: Option<String>,
}

pub struct Note<'a> {
    pub release: &'a str,
    pub date: Date,
    pub markdown: bool,
    /// The first release of the log: everything in effect is listed.
    pub first: bool,
    pub proposals: &'a [(Proposal, Vec<Named>)],
    /// Documents designated by this release.
    pub designated: &'a [Named],
    /// Every document bumped by the release, in log order.
    pub affected: &'a [Named],
}

/// The date as the note writes it: with its weekday in the opening paragraph, without on
/// the date line.
pub fn date_phrases(date: Date) -> (String, String) {
    (
        format!("{} {}", date.weekday_name(), date.long()),
        date.long(),
    )
}

const COUNT_WORDS: [&str; 10] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

fn named_list(items: &[Named], clause: bool) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|n| match (&n.clause, clause) {
            (Some(c), true) => format!("Section {c}"),
            _ => format!("{} ‘{}’", n.name, n.title),
        })
        .collect();
    match parts.len() {
        0 => String::new(),
        1 => parts[0].clone(),
        n => format!("{} and {}", parts[..n - 1].join(", "), parts[n - 1]),
    }
}

pub fn render(rng: &mut Rng, note: &Note) -> String {
    let (with_day, plain) = date_phrases(note.date);
    let month = format!(
        "{} {}",
        MONTHS[note.date.month() as usize - 1],
        note.date.year()
    );
    let h = |s: &str| -> String {
        if note.markdown {
            format!("## {s}\n\n")
        } else {
            format!("{s}\n\n")
        }
    };
    let bullet = if note.markdown { "- " } else { "  • " };
    let mut s = String::with_capacity(2048);
    if note.markdown {
        s.push_str("# ");
    }
    s.push_str(&format!(
        "SEC v{} published for the {month} SEC Release\n\n{plain}\n\n",
        note.release
    ));
    s.push_str(&format!(
        "SEC version {} came into effect on {with_day} to implement the {month} SEC Release.",
        note.release
    ));
    let n = note.proposals.len();
    if n > 0 {
        s.push_str(&format!(
            " This included {} Modification Proposal{}.",
            COUNT_WORDS[n - 1],
            if n == 1 { "" } else { "s" }
        ));
    }
    s.push_str("\n\n");
    if !note.markdown {
        s.push('\n');
    }
    s.push_str(&h("Summary of changes"));
    if note.first {
        s.push_str("This is the first release recorded in this Document Log, so every document in effect is listed below.\n\n");
    }
    for (p, docs) in note.proposals {
        let clause = rng.chance(50);
        s.push_str(&format!(
            "{} will amend {} so that {}.\n\n",
            p.named(),
            named_list(docs, clause),
            rng.pick(CONSEQUENCES)
        ));
    }
    for d in note.designated {
        s.push_str(&format!(
            "The Secretary of State has designated {} ‘{}’ as a new SEC Subsidiary Document, with a consequential definition in Section A.\n\n",
            d.name, d.title
        ));
    }
    if !note.markdown {
        s.push('\n');
    }
    s.push_str(&h("What parts of the SEC were affected?"));
    for a in note.affected {
        s.push_str(&format!("{bullet}{} ‘{}’\n", a.name, a.title));
    }
    s.push('\n');
    if !note.markdown {
        s.push('\n');
    }
    s.push_str(&h("Where can I access the legal text?"));
    s.push_str("The redlined changes for each affected document are published with this release.\n\nOur Document Log lists the versions of each SEC document now in effect following this release.\n");
    s
}
