//! The evidence a candidate has per domain, the records that can be evidence, and the live
//! warning for a top-level rating without dated evidence.

use crate::model::{Date, Evidence, EvidenceKind, Framework, Id, Visibility, Workspace};
use crate::sort::StableSort as _;

/// Domains rated at the framework's top level that have no dated evidence on or before `on`:
/// the ones a save would refuse (the rule is `frameworks::rating_problems`).
pub fn top_without_evidence(
    ws: &Workspace,
    candidate_id: Id,
    fw: &Framework,
    on: Date,
    rated: &[(Id, Id)],
) -> Vec<Id> {
    let Some(top) = fw.top_level().map(|l| l.id) else {
        return Vec::new();
    };
    rated
        .iter()
        .filter(|(d, l)| {
            *l == top
                && crate::logic::evaluation::frameworks::dated_evidence(ws, candidate_id, *d, on)
                    .is_empty()
        })
        .map(|(d, _)| *d)
        .collect()
}

/// A candidate's evidence per active domain of a framework (newest first within a domain).
pub fn evidence_by_domain<'a>(
    ws: &'a Workspace,
    candidate_id: Id,
    fw: &Framework,
) -> Vec<(Id, Vec<&'a Evidence>)> {
    fw.active_domains()
        .map(|d| {
            let mut list: Vec<&Evidence> = ws
                .evidence
                .iter()
                .filter(|e| e.candidate_id == candidate_id && e.domain_ids.contains(&d.id))
                .collect();
            list.stable_sort_by(|a, b| b.on.cmp(&a.on).then(b.created_at.cmp(&a.created_at)));
            (d.id, list)
        })
        .collect()
}

/// Active domains of a framework with no dated evidence for the candidate at all.
pub fn domains_without_dated_evidence(ws: &Workspace, candidate_id: Id, fw: &Framework) -> Vec<Id> {
    fw.active_domains()
        .filter(|d| {
            !ws.evidence.iter().any(|e| {
                e.candidate_id == candidate_id && e.domain_ids.contains(&d.id) && e.on.is_some()
            })
        })
        .map(|d| d.id)
        .collect()
}

/// A record an evidence item can point at.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: Id,
    /// The day and the title, for choosing: "2 Feb 2027 — Planning went well".
    pub label: String,
    /// The title alone, for showing next to an evidence item's own date.
    pub title: String,
    pub on: Date,
    /// A journal entry private to the candidate: it does not go into shared files.
    pub private: bool,
}

/// The candidate's records of a kind that evidence can point at, newest first (none for a
/// free note).
pub fn sources(ws: &Workspace, candidate_id: Id, kind: EvidenceKind) -> Vec<Source> {
    let source = |id: Id, on: Date, title: String, private: bool| Source {
        id,
        label: format!("{} — {title}", crate::logic::journey::day_text(on)),
        title,
        on,
        private,
    };
    let mut out: Vec<Source> = match kind {
        // Sessions that have happened: a planned one shows nothing yet.
        EvidenceKind::Activity => ws
            .activities
            .iter()
            .filter(|a| a.involves(candidate_id) && a.done)
            .map(|a| source(a.id, a.on, a.title.clone(), false))
            .collect(),
        EvidenceKind::MicroAssignment => ws
            .assignments
            .iter()
            .filter(|a| a.candidate_id == candidate_id)
            .map(|a| source(a.id, a.ends_on, a.title.clone(), false))
            .collect(),
        EvidenceKind::OneOnOne => ws
            .one_on_ones
            .iter()
            .filter(|o| o.candidate_id == candidate_id)
            .map(|o| {
                let with = o.with_id.map_or("someone", |p| ws.person_name(p));
                source(o.id, o.held_on, format!("1:1 with {with}"), false)
            })
            .collect(),
        EvidenceKind::Journal => ws
            .journal
            .iter()
            .filter(|j| j.candidate_id == candidate_id)
            .map(|j| {
                let private = j.visibility == Visibility::Private;
                let title = format!("{}{}", j.title, if private { " (Private)" } else { "" });
                source(j.id, j.on, title, private)
            })
            .collect(),
        EvidenceKind::Feedback => ws
            .feedback_rounds
            .iter()
            .filter(|f| f.candidate_id == candidate_id)
            .map(|f| source(f.id, f.opened_on, f.title.clone(), false))
            .collect(),
        EvidenceKind::Note => Vec::new(),
    };
    out.stable_sort_by(|a, b| b.on.cmp(&a.on).then(a.label.cmp(&b.label)));
    out
}

/// The source an evidence item points at, if it is in this workspace.
pub fn source_of(ws: &Workspace, e: &Evidence) -> Option<Source> {
    let id = e.source_id?;
    sources(ws, e.candidate_id, e.kind)
        .into_iter()
        .find(|s| s.id == id)
}
