//! The assembled package out of Runway: one outline of blocks ([`package`]) that becomes a
//! Markdown file ([`to_markdown`]) and the print view (the UI draws the same blocks), so the
//! two never say different things.
//!
//! What people typed is written as text, never as markup: a line of theirs cannot become a
//! heading (a leading `#`, a line of `---` or `===`) or HTML, so the headings stay in the
//! package's order in every viewer. Lines they start with "- " stay list items.

use crate::logic::journey::day_text;
use crate::logic::records::blank;
use crate::model::*;
use crate::sort::StableSort as _;

use super::document::{self, PROJECTS_AFTER, SECTIONS};

/// One block of the package.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading, level 1–5.
    Heading(u8, String),
    /// Text someone wrote: paragraphs split by blank lines, "- " lines kept as list items.
    Text(String),
    /// A list of short lines of Runway's own.
    Items(Vec<String>),
    /// Where a part was left empty, said in Runway's words.
    Missing(String),
}

/// The file name: `runway-promotion-<person>-<date>.md`.
pub fn file_name(ws: &Workspace, c: &PromotionCase, today: Date) -> String {
    format!(
        "runway-promotion-{}-{}.md",
        crate::file::requests::slug_or(ws.person_name(c.person_id), "applicant"),
        today
    )
}

fn text_or_missing(out: &mut Vec<Block>, text: &str) {
    if blank(text) {
        out.push(Block::Missing("Not written yet.".into()));
    } else {
        out.push(Block::Text(text.trim().to_string()));
    }
}

/// The package as blocks: the case, the evidence summary, the document in its order, the
/// letters and the sponsor's letter (when `letters`), and the decision with its plan.
pub fn package(ws: &Workspace, c: &PromotionCase, letters: bool) -> Vec<Block> {
    let who = ws.person_name(c.person_id);
    let mut out = vec![Block::Heading(
        1,
        format!(
            "Promotion package: {who}, {} → {}",
            c.from_level.code(),
            c.to_level.code()
        ),
    )];
    let mut facts = vec![
        format!("Organisation: {}", or_dash(&ws.organisation)),
        format!(
            "Sponsor: {}",
            c.sponsor_id.map_or("—", |p| ws.person_name(p))
        ),
    ];
    if !blank(&c.skip_level_reason) {
        facts.push(format!(
            "Skip-level sponsor, because: {}",
            c.skip_level_reason.trim()
        ));
    }
    facts.push(format!(
        "Eligible since: {}",
        c.eligible_on.map_or("—".into(), day_text)
    ));
    facts.push(format!("Target cycle: {}", or_dash(&c.cycle)));
    facts.push(format!("Status: {}", c.status().label()));
    out.push(Block::Items(facts));
    out.push(Block::Heading(2, "Steps".into()));
    out.push(Block::Items(
        c.steps
            .iter()
            .map(|s| {
                let by =
                    s.by.map(|p| format!(", by {}", ws.person_name(p)))
                        .unwrap_or_default();
                let note = if blank(&s.note) {
                    String::new()
                } else {
                    format!(": {}", s.note.trim())
                };
                format!("{}: {}{by}{note}", day_text(s.on), s.status.label())
            })
            .collect(),
    ));

    out.push(Block::Heading(2, "Evidence summary".into()));
    out.extend(evidence_summary(ws, c));

    out.push(Block::Heading(2, "The applicant's document".into()));
    match super::document_of(ws, c.id) {
        None => out.push(Block::Missing("The document is not started.".into())),
        Some(d) => document_blocks(&mut out, d),
    }

    if letters {
        out.push(Block::Heading(2, "Recommendation letters".into()));
        let list: Vec<&Letter> = super::letters_of(ws, c.id)
            .into_iter()
            .filter(|l| l.kind != LetterKind::Sponsor)
            .collect();
        if list.is_empty() {
            out.push(Block::Missing("No letters yet.".into()));
        }
        for l in list {
            out.push(Block::Heading(3, letter_heading(l)));
            out.push(Block::Text(l.body.trim().to_string()));
        }
        out.push(Block::Heading(2, "The sponsor's letter".into()));
        match super::sponsor_letter(ws, c.id) {
            Some(l) => {
                out.push(Block::Items(vec![format!(
                    "{}, {}",
                    l.writer.trim(),
                    day_text(l.written_on)
                )]));
                out.push(Block::Text(l.body.trim().to_string()));
            }
            None => out.push(Block::Missing("Not written yet.".into())),
        }
    }

    out.push(Block::Heading(2, "Decision".into()));
    out.extend(decision_blocks(ws, c));
    out
}

fn or_dash(s: &str) -> &str {
    if blank(s) {
        "—"
    } else {
        s.trim()
    }
}

fn letter_heading(l: &Letter) -> String {
    let role = if blank(&l.role) {
        String::new()
    } else {
        format!(", {}", l.role.trim())
    };
    format!(
        "{}: {}{role} ({})",
        l.kind.short(),
        l.writer.trim(),
        day_text(l.written_on)
    )
}

/// Per outcome of the level asked for: how much dated evidence, over what span.
fn evidence_summary(ws: &Workspace, c: &PromotionCase) -> Vec<Block> {
    use crate::logic::track::readiness::{framework_level, months_between, track_framework};
    let fw = track_framework(ws);
    let Some(level) = framework_level(&fw, c.to_level) else {
        return vec![Block::Missing(format!(
            "The track framework has no {} level.",
            c.to_level.code()
        ))];
    };
    let mut items = Vec::new();
    for d in fw.active_domains() {
        let mut days: Vec<Date> = ws
            .track_evidence
            .iter()
            .filter(|e| e.person_id == c.person_id && e.domain_id == d.id && e.level_id == level.id)
            .map(|e| e.on)
            .collect();
        days.stable_sort();
        items.push(match (days.first(), days.last()) {
            (Some(a), Some(b)) => format!(
                "{}: {} dated {}, {} to {} ({} months)",
                d.name,
                days.len(),
                if days.len() == 1 { "item" } else { "items" },
                day_text(*a),
                day_text(*b),
                months_between(*a, *b)
            ),
            _ => format!("{}: no dated evidence", d.name),
        });
    }
    vec![Block::Items(items)]
}

fn document_blocks(out: &mut Vec<Block>, d: &PromotionDocument) {
    let mut group = None;
    for (i, s) in SECTIONS.iter().enumerate() {
        match s.group {
            Some(g) => {
                if group != Some(g) {
                    out.push(Block::Heading(3, g.to_string()));
                    group = Some(g);
                }
                out.push(Block::Heading(4, s.title.to_string()));
            }
            None => {
                group = None;
                out.push(Block::Heading(3, s.title.to_string()));
            }
        }
        text_or_missing(out, document::text(d, s.field));
        if s.field == "mentoring" && !d.mentees.is_empty() {
            out.push(Block::Items(
                d.mentees
                    .iter()
                    .map(|m| format!("{} ({})", m.name.trim(), m.kind.label()))
                    .collect(),
            ));
        }
        if i == PROJECTS_AFTER {
            out.push(Block::Heading(
                3,
                "Selected projects and initiatives".into(),
            ));
            if d.projects.is_empty() {
                out.push(Block::Missing("No projects yet.".into()));
            }
            for (n, p) in d.projects.iter().enumerate() {
                out.push(Block::Heading(
                    4,
                    format!("Project {}: {}", n + 1, p.title.trim()),
                ));
                for (title, text) in [
                    ("Overview", &p.overview),
                    ("Roles and responsibilities", &p.roles),
                    ("Results and impact", &p.results),
                ] {
                    out.push(Block::Heading(5, title.into()));
                    text_or_missing(out, text);
                }
            }
        }
    }
}

fn decision_blocks(ws: &Workspace, c: &PromotionCase) -> Vec<Block> {
    let mut out = Vec::new();
    let decided = matches!(
        c.status(),
        CaseStatus::ApprovedLeadership | CaseStatus::ApprovedExecutive | CaseStatus::NotYet
    );
    if !decided {
        out.push(Block::Missing("No decision yet.".into()));
        return out;
    }
    out.push(Block::Items(vec![format!(
        "{} on {}",
        c.status().label(),
        c.steps.last().map_or("—".into(), |s| day_text(s.on))
    )]));
    if !blank(&c.reasons) {
        out.push(Block::Heading(3, "Reasons".into()));
        out.push(Block::Text(c.reasons.trim().to_string()));
    }
    if !c.plan.is_empty() {
        out.push(Block::Heading(3, "Plan to close the gaps".into()));
        out.push(Block::Items(plan_lines(ws, c)));
    }
    out
}

/// The plan's gaps as lines: the data point, the next step, its owner and cycle, and whether
/// it is done.
pub fn plan_lines(ws: &Workspace, c: &PromotionCase) -> Vec<String> {
    let fw = crate::logic::track::readiness::track_framework(ws);
    c.plan
        .iter()
        .map(|g| {
            let domain = g
                .domain_id
                .and_then(|d| fw.domains.iter().find(|x| x.id == d))
                .map(|d| format!(" [{}]", d.name))
                .unwrap_or_default();
            let step = if blank(&g.next_step) {
                "next step to be agreed".to_string()
            } else {
                format!("next: {}", g.next_step.trim())
            };
            let owner = g
                .owner_id
                .map(|p| format!(", owner {}", ws.person_name(p)))
                .unwrap_or_default();
            let cycle = if blank(&g.cycle) {
                String::new()
            } else {
                format!(", by {}", g.cycle.trim())
            };
            let done = g
                .done_on
                .map(|d| format!(" (done {})", day_text(d)))
                .unwrap_or_default();
            format!(
                "{}{domain}: {step}{owner}{cycle}{done}",
                g.data_point.trim()
            )
        })
        .collect()
}

/// Escapes what would turn a person's line into markup: a leading `#`, `>`, `+`, `=` or
/// a line of dashes; HTML; and a number followed by a dot (an ordered list). A "- " line
/// stays a list item.
fn escape_line(line: &str) -> String {
    let mut s = line
        .replace('\\', "\\\\")
        .replace('<', "\\<")
        .replace('>', "\\>");
    let trimmed = s.trim_start();
    let indent = s.len() - trimmed.len();
    let only = |c: char| !trimmed.is_empty() && trimmed.chars().all(|x| x == c || x == ' ');
    let first = trimmed.chars().next();
    let needs = matches!(first, Some('#' | '+' | '=' | '|' | '`' | '~'))
        || only('-')
        || only('*')
        || only('_')
        || (trimmed.starts_with('*') && !trimmed.starts_with("**"));
    // "1." or "1)" starts an ordered list: the escape goes before the dot (a backslash before
    // a digit is no escape, and would show).
    let number = trimmed.split_once(['.', ')']).and_then(|(n, _)| {
        (!n.is_empty() && n.chars().all(|c| c.is_ascii_digit())).then_some(n.len())
    });
    if needs {
        s.insert(indent, '\\');
    } else if let Some(n) = number {
        s.insert(indent + n, '\\');
    }
    // Four spaces in would make a code block.
    if indent >= 4 {
        s = s.trim_start().to_string();
    }
    s
}

fn escape_inline(text: &str) -> String {
    let s = escape_line(text.trim());
    s.replace('\n', " ")
}

/// The blocks as Markdown (CommonMark).
pub fn to_markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Heading(n, t) => {
                out.push_str(&"#".repeat(usize::from((*n).clamp(1, 6))));
                out.push(' ');
                out.push_str(&escape_inline(t));
                out.push_str("\n\n");
            }
            Block::Text(t) => {
                for line in t.lines() {
                    out.push_str(&escape_line(line.trim_end()));
                    out.push('\n');
                }
                out.push('\n');
            }
            Block::Items(items) => {
                for i in items {
                    out.push_str("- ");
                    out.push_str(&escape_inline(i));
                    out.push('\n');
                }
                out.push('\n');
            }
            Block::Missing(t) => {
                out.push('*');
                out.push_str(&escape_inline(t));
                out.push_str("*\n\n");
            }
        }
    }
    out.trim_end().to_string() + "\n"
}
