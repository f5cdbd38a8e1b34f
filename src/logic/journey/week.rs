//! What is overdue, and how a week went against the cohort's standard week.

use crate::sort::StableSort as _;
use chrono::Days;

use crate::logic::program::phases::monday_on_or_before;
use crate::model::{
    Activity, ActivityKind, Date, Id, MicroAssignment, MicroAssignmentStatus, WeekPlan, Workspace,
};

/// Still open (planned or active) after its timebox ended.
pub fn assignment_overdue(a: &MicroAssignment, today: Date) -> bool {
    matches!(
        a.status,
        MicroAssignmentStatus::Planned | MicroAssignmentStatus::Active
    ) && a.ends_on < today
}

/// Planned for a day that has passed and not logged as done.
pub fn activity_overdue(a: &Activity, today: Date) -> bool {
    !a.done && a.on < today
}

#[derive(Clone, Debug, PartialEq)]
pub struct WeekSummary {
    pub monday: Date,
    pub plan: WeekPlan,
    /// Done sessions of each planned kind this week: workshops, shadowing, coaching labs.
    pub workshops: u32,
    pub shadowing: u32,
    pub coaching_labs: u32,
    /// Hours of micro-assignment work logged as done.
    pub assignment_hours: f32,
    /// Hours of every done activity: the protected time used.
    pub hours_used: f32,
    pub protected_hours: f32,
    /// Every activity dated this week (planned and done), by day.
    pub activities: Vec<Activity>,
}

impl WeekSummary {
    /// The planned sessions still to do this week, for each kind: (kind, planned, done).
    pub fn rows(&self) -> Vec<(ActivityKind, u32, u32)> {
        vec![
            (
                ActivityKind::Workshop,
                u32::from(self.plan.workshops),
                self.workshops,
            ),
            (
                ActivityKind::Shadowing,
                u32::from(self.plan.shadowing),
                self.shadowing,
            ),
            (
                ActivityKind::CoachingLab,
                u32::from(self.plan.coaching_labs),
                self.coaching_labs,
            ),
        ]
    }
}

fn hours(minutes: u32) -> f32 {
    minutes as f32 / 60.0
}

/// Planned against done for the week (Monday to Sunday) containing `day`.
pub fn week_summary(ws: &Workspace, candidate_id: Id, day: Date) -> Option<WeekSummary> {
    let cand = ws.candidate(candidate_id)?;
    let cohort = ws.cohort(cand.cohort_id)?;
    let monday = monday_on_or_before(day);
    let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
    let mut activities: Vec<Activity> = ws
        .activities
        .iter()
        .filter(|a| a.involves(candidate_id) && a.on >= monday && a.on <= sunday)
        .cloned()
        .collect();
    activities.stable_sort_by_key(|a| (a.on, a.at));
    let done = |k: ActivityKind| activities.iter().filter(|a| a.done && a.kind == k).count() as u32;
    // Whole minutes are added up first, so 9 × 20 min is exactly 3 h.
    let assignment_hours = hours(
        activities
            .iter()
            .filter(|a| a.done && a.kind == ActivityKind::AssignmentWork)
            .map(|a| a.minutes)
            .sum(),
    );
    let hours_used = hours(
        activities
            .iter()
            .filter(|a| a.done)
            .map(|a| a.minutes)
            .sum(),
    );
    Some(WeekSummary {
        monday,
        plan: cohort.week.clone(),
        workshops: done(ActivityKind::Workshop),
        shadowing: done(ActivityKind::Shadowing),
        coaching_labs: done(ActivityKind::CoachingLab),
        assignment_hours,
        hours_used,
        protected_hours: cand.protected_hours_per_week,
        activities,
    })
}
