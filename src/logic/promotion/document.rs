//! The applicant's written document: its sections in order with our guidance, word counts,
//! the completeness check that blocks *Submit*, and the text Runway pre-fills from what it
//! already holds (evidence, micro-assignments, 1:1s and activities). Pre-filled text is plain
//! editable text: nothing is linked live.

use crate::logic::journey::day_text;
use crate::logic::records::blank;
use crate::logic::track::readiness::{framework_level, track_framework};
use crate::model::*;
use crate::sort::StableSort as _;

/// A text section of the document (projects and mentees are lists of their own).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    /// The field in the file.
    pub field: &'static str,
    /// The heading (a sub-heading under its group where `group` is set).
    pub title: &'static str,
    /// The heading it sits under, for Overview's two parts.
    pub group: Option<&'static str>,
    pub guidance: &'static str,
}

/// The text sections, in the order the committee reads them. The projects come after
/// "Alignment" ([`PROJECTS_AFTER`]).
pub const SECTIONS: [Section; 9] = [
    Section {
        field: "background",
        title: "Background",
        group: Some("Overview"),
        guidance: "Where you have worked and led so far, in a paragraph: the teams, how long, and what you were known for. The committee may not know you.",
    },
    Section {
        field: "intent",
        title: "Statement of intent",
        group: Some("Overview"),
        guidance: "Why this level, why now, and what you would do with the wider scope. Write it in the first person; a few sentences are enough.",
    },
    Section {
        field: "alignment",
        title: "Alignment with the competency framework",
        group: None,
        guidance: "For each domain of the next level, the dated evidence that you already work there. Runway starts this from your track evidence; cut what is weak and say what each item shows.",
    },
    Section {
        field: "technical",
        title: "Technical leadership across components",
        group: None,
        guidance: "Decisions you shaped beyond your own team's code: designs you reviewed or steered, standards you set, risks you called early. Name the systems.",
    },
    Section {
        field: "mentoring",
        title: "Mentoring and coaching",
        group: None,
        guidance: "Who you helped grow and how you know it worked. List the people below (at least two new-grad hires and one intern); cite 1:1s and sessions where they help.",
    },
    Section {
        field: "scope",
        title: "Scope of responsibilities",
        group: None,
        guidance: "The product areas you own and the teams you lead: their size, what they deliver, and what changed since you took them on.",
    },
    Section {
        field: "cross_functional",
        title: "Cross-functional collaboration",
        group: None,
        guidance: "How you work with product, design, support, sales or operations: a situation, what you did, what it changed for them.",
    },
    Section {
        field: "values",
        title: "Alignment with the organisation's values",
        group: None,
        guidance: "One short example for each of the organisation's values. Runway lists them as headings to start from.",
    },
    Section {
        field: "summary",
        title: "Summary",
        group: None,
        guidance: "Three or four sentences the committee can remember you by: the case in brief.",
    },
];

/// The index in [`SECTIONS`] after which the selected projects come.
pub const PROJECTS_AFTER: usize = 2;

/// Guidance for the selected projects.
pub const PROJECTS_GUIDANCE: &str = "At least two pieces of work that show the next level. For each: an overview (the problem and why it mattered), your role and what others did, and the results, measured where you can. Start one from a micro-assignment to bring its objective, stakeholders and metric along.";

/// A section's text in a document.
pub fn text<'a>(d: &'a PromotionDocument, field: &str) -> &'a str {
    match field {
        "background" => &d.background,
        "intent" => &d.intent,
        "alignment" => &d.alignment,
        "technical" => &d.technical,
        "mentoring" => &d.mentoring,
        "scope" => &d.scope,
        "cross_functional" => &d.cross_functional,
        "values" => &d.values,
        "summary" => &d.summary,
        _ => "",
    }
}

/// The text of a section to write into.
pub fn text_mut<'a>(d: &'a mut PromotionDocument, field: &str) -> Option<&'a mut String> {
    Some(match field {
        "background" => &mut d.background,
        "intent" => &mut d.intent,
        "alignment" => &mut d.alignment,
        "technical" => &mut d.technical,
        "mentoring" => &mut d.mentoring,
        "scope" => &mut d.scope,
        "cross_functional" => &mut d.cross_functional,
        "values" => &mut d.values,
        "summary" => &mut d.summary,
        _ => return None,
    })
}

/// Words in a text (runs of non-space).
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Words in the whole document.
pub fn total_words(d: &PromotionDocument) -> usize {
    SECTIONS
        .iter()
        .map(|s| word_count(text(d, s.field)))
        .sum::<usize>()
        + d.projects
            .iter()
            .map(|p| {
                word_count(&p.title)
                    + word_count(&p.overview)
                    + word_count(&p.roles)
                    + word_count(&p.results)
            })
            .sum::<usize>()
}

/// Whether a project has all three parts written.
pub fn project_complete(p: &DocProject) -> bool {
    !blank(&p.title) && !blank(&p.overview) && !blank(&p.roles) && !blank(&p.results)
}

/// An empty document for a case (nil id).
pub fn empty(case_id: Id, now: Timestamp) -> PromotionDocument {
    PromotionDocument {
        id: Id::nil(),
        case_id,
        background: String::new(),
        intent: String::new(),
        alignment: String::new(),
        projects: Vec::new(),
        technical: String::new(),
        mentoring: String::new(),
        mentees: Vec::new(),
        scope: String::new(),
        cross_functional: String::new(),
        values: String::new(),
        summary: String::new(),
        created_at: now,
        updated_at: now,
        merge_bases: Vec::new(),
    }
}

/// What keeps the package from being submitted, as a list a person can work through: missing
/// sections, fewer than two complete projects, fewer than two new-grad mentees and one intern,
/// the required letter kinds not yet covered, no sponsor's letter. Empty: it can be submitted.
pub fn completeness(ws: &Workspace, c: &PromotionCase) -> Vec<String> {
    let mut out = Vec::new();
    match super::document_of(ws, c.id) {
        None => out.push("the applicant's document is not started".to_string()),
        Some(d) => {
            for (i, s) in SECTIONS.iter().enumerate() {
                if blank(text(d, s.field)) {
                    out.push(format!("section “{}” is empty", s.title));
                }
                if i == PROJECTS_AFTER {
                    let done = d.projects.iter().filter(|p| project_complete(p)).count();
                    if done < 2 {
                        let half = d.projects.len() - done;
                        out.push(format!(
                            "{done} of at least 2 selected projects written in full{}",
                            if half > 0 {
                                format!(
                                    " ({half} more {} an overview, roles or results)",
                                    if half == 1 { "lacks" } else { "lack" }
                                )
                            } else {
                                String::new()
                            }
                        ));
                    }
                }
            }
            let grads = d
                .mentees
                .iter()
                .filter(|m| m.kind == MenteeKind::NewGrad && !blank(&m.name))
                .count();
            let interns = d
                .mentees
                .iter()
                .filter(|m| m.kind == MenteeKind::Intern && !blank(&m.name))
                .count();
            if grads < 2 {
                out.push(format!("{grads} of at least 2 new-grad mentees named"));
            }
            if interns < 1 {
                out.push("no intern mentee named".into());
            }
        }
    }
    out.extend(super::letter_gaps(ws, c));
    out
}

/// "Alignment" written from the applicant's track evidence: a heading per domain of the next
/// level's outcomes, each item dated, with its link.
pub fn alignment_from_evidence(ws: &Workspace, c: &PromotionCase) -> String {
    let fw = track_framework(ws);
    let Some(level) = framework_level(&fw, c.to_level) else {
        return String::new();
    };
    let mut out = String::new();
    for domain in fw.active_domains() {
        let mut items: Vec<&TrackEvidence> = ws
            .track_evidence
            .iter()
            .filter(|e| {
                e.person_id == c.person_id && e.domain_id == domain.id && e.level_id == level.id
            })
            .collect();
        items.stable_sort_by_key(|e| e.on);
        out.push_str(&format!("{}\n", domain.name));
        if items.is_empty() {
            out.push_str("- (no dated evidence yet)\n");
        }
        for e in items {
            out.push_str(&format!("- {}: {}", day_text(e.on), e.note.trim()));
            if !blank(&e.link) {
                out.push_str(&format!(" ({})", e.link.trim()));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    out.trim_end().to_string()
}

/// A project started from a micro-assignment: the objective and scope into the overview, the
/// stakeholders into the roles, the outcome and the metric before → after into the results.
pub fn project_from_assignment(a: &MicroAssignment, id: Id) -> DocProject {
    let mut overview = a.objective.trim().to_string();
    if !blank(&a.scope) {
        if !overview.is_empty() {
            overview.push_str("\n\n");
        }
        overview.push_str(&format!("Scope: {}", a.scope.trim()));
    }
    let roles = if blank(&a.stakeholders) {
        String::new()
    } else {
        format!("Stakeholders: {}", a.stakeholders.trim())
    };
    let mut results = a.outcome.trim().to_string();
    if let Some(m) = &a.metric {
        let num = |v: Option<f64>| v.map_or("?".to_string(), |v| format!("{v}"));
        if !results.is_empty() {
            results.push_str("\n\n");
        }
        results.push_str(&format!(
            "{}: {} → {}",
            m.name.trim(),
            num(m.before),
            num(m.after)
        ));
    }
    DocProject {
        id,
        title: a.title.trim().to_string(),
        overview,
        roles,
        results,
        assignment_id: Some(a.id),
    }
}

/// The micro-assignments of the applicant (any of their candidacies), newest first.
pub fn assignments_of(ws: &Workspace, person_id: Id) -> Vec<&MicroAssignment> {
    let mine: Vec<Id> = ws.candidacies_of(person_id).map(|k| k.id).collect();
    let mut out: Vec<&MicroAssignment> = ws
        .assignments
        .iter()
        .filter(|a| mine.contains(&a.candidate_id))
        .collect();
    out.stable_sort_by_key(|b| std::cmp::Reverse(b.starts_on));
    out
}

/// Lines citing the applicant's coaching and mentoring work Runway knows of: practice 1:1s,
/// coaching labs, paired leadership and shadowing sessions that took place, and 1:1s with a
/// development goal. Oldest first.
pub fn mentoring_citations(ws: &Workspace, person_id: Id) -> Vec<String> {
    let mine: Vec<Id> = ws.candidacies_of(person_id).map(|k| k.id).collect();
    let mut lines: Vec<(Date, String)> = Vec::new();
    for a in &ws.activities {
        let takes_part = mine.iter().any(|k| a.involves(*k));
        let kind_counts = matches!(
            a.kind,
            ActivityKind::PracticeOneOnOne
                | ActivityKind::CoachingLab
                | ActivityKind::PairedLeadership
                | ActivityKind::Shadowing
        );
        if takes_part && kind_counts && a.done {
            lines.push((
                a.on,
                format!(
                    "- {}: {} ({})",
                    day_text(a.on),
                    a.title.trim(),
                    a.kind.label()
                ),
            ));
        }
    }
    for o in &ws.one_on_ones {
        if mine.contains(&o.candidate_id) && !blank(&o.goal) {
            let with = o
                .with_id
                .map(|p| format!(" with {}", ws.person_name(p)))
                .unwrap_or_default();
            lines.push((
                o.held_on,
                format!(
                    "- {}: 1:1{with}, goal: {}",
                    day_text(o.held_on),
                    o.goal.trim()
                ),
            ));
        }
    }
    lines.stable_sort();
    lines.into_iter().map(|(_, l)| l).collect()
}

/// The organisation's values as headings to write under.
pub fn values_outline(ws: &Workspace) -> String {
    ws.values
        .iter()
        .filter(|v| !blank(v))
        .map(|v| format!("{}\n- ", v.trim()))
        .collect::<Vec<_>>()
        .join("\n\n")
}
