//! A candidate's timeline: everything by phase, what is overdue and what is next.

use super::{activity_overdue, assignment_overdue, phase_of};
use crate::model::{
    ActivityKind, Date, Id, MicroAssignmentStatus, PhaseKind, Visibility, Workspace,
};
use crate::sort::StableSort as _;

use crate::logic::selection::verdict_line;

/// What kind of thing a timeline item is, and where it lives on the candidate page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Activity(ActivityKind),
    MicroAssignment,
    OneOnOne,
    Journal(Visibility),
    Decision,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemState {
    Done,
    Planned,
    Overdue,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineItem {
    pub id: Id,
    pub on: Date,
    pub kind: ItemKind,
    pub title: String,
    pub state: ItemState,
}

/// A candidate's story: everything dated, grouped by phase (`None`: before or after the
/// phases, or between them).
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    pub groups: Vec<(Option<PhaseKind>, Vec<TimelineItem>)>,
    /// The next few planned things, soonest first.
    pub next: Vec<TimelineItem>,
    pub overdue: Vec<TimelineItem>,
}

/// How many planned items "what's next" lists.
const NEXT_COUNT: usize = 5;

pub fn timeline(ws: &Workspace, candidate_id: Id, today: Date) -> Timeline {
    let mut items = Vec::new();
    let state_of = |done: bool, overdue: bool| {
        if done {
            ItemState::Done
        } else if overdue {
            ItemState::Overdue
        } else {
            ItemState::Planned
        }
    };
    for a in ws.activities.iter().filter(|a| a.involves(candidate_id)) {
        items.push(TimelineItem {
            id: a.id,
            on: a.on,
            kind: ItemKind::Activity(a.kind),
            title: a.title.clone(),
            state: state_of(a.done, activity_overdue(a, today)),
        });
    }
    for a in ws
        .assignments
        .iter()
        .filter(|a| a.candidate_id == candidate_id)
    {
        let finished = matches!(
            a.status,
            MicroAssignmentStatus::Done | MicroAssignmentStatus::Dropped
        );
        items.push(TimelineItem {
            id: a.id,
            // Dated by its deadline: that is when it needs attention.
            on: a.ends_on,
            kind: ItemKind::MicroAssignment,
            title: format!("{} ({})", a.title, a.status.label().to_lowercase()),
            state: state_of(finished, assignment_overdue(a, today)),
        });
    }
    for o in ws
        .one_on_ones
        .iter()
        .filter(|o| o.candidate_id == candidate_id)
    {
        let with = o
            .with_id
            .map_or("someone".to_string(), |p| ws.person_name(p).to_string());
        items.push(TimelineItem {
            id: o.id,
            on: o.held_on,
            kind: ItemKind::OneOnOne,
            title: format!("1:1 with {with}"),
            state: if o.held_on > today {
                ItemState::Planned
            } else {
                ItemState::Done
            },
        });
    }
    for j in ws.journal.iter().filter(|j| j.candidate_id == candidate_id) {
        items.push(TimelineItem {
            id: j.id,
            on: j.on,
            kind: ItemKind::Journal(j.visibility),
            title: j.title.clone(),
            state: ItemState::Done,
        });
    }
    let cand = ws.candidate(candidate_id);
    if let Some((c, d)) = cand.and_then(|c| c.decision.as_ref().map(|d| (c, d))) {
        items.push(TimelineItem {
            id: c.id,
            on: d.on,
            kind: ItemKind::Decision,
            title: verdict_line(d.verdict).into(),
            state: ItemState::Done,
        });
    }
    items.stable_sort_by(|a, b| a.on.cmp(&b.on).then_with(|| a.title.cmp(&b.title)));
    let cohort = cand.and_then(|c| ws.cohort(c.cohort_id));
    let mut groups: Vec<(Option<PhaseKind>, Vec<TimelineItem>)> = Vec::new();
    for item in &items {
        let phase = cohort.and_then(|c| phase_of(c, item.on));
        match groups.last_mut() {
            Some((p, list)) if *p == phase => list.push(item.clone()),
            _ => groups.push((phase, vec![item.clone()])),
        }
    }
    let mut next: Vec<TimelineItem> = items
        .iter()
        .filter(|i| i.state == ItemState::Planned)
        .cloned()
        .collect();
    next.truncate(NEXT_COUNT);
    let overdue = items
        .iter()
        .filter(|i| i.state == ItemState::Overdue)
        .cloned()
        .collect();
    Timeline {
        groups,
        next,
        overdue,
    }
}
