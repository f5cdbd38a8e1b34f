//! "Ready for the next level?" as plain data: for one manager, the next level's outcomes on
//! the management track with the dated evidence against each, the span that evidence covers,
//! the current level's outcomes (criteria are cumulative), and what is missing. The promotion
//! package starts from this.

use crate::content::frameworks::MANAGEMENT_TRACK;
use crate::model::*;
use crate::sort::StableSort as _;

use super::{next_manager_level, standing, tenure_note, Standing};

/// The evidence span a move to the next level asks for, in months (the goal is 6–12+).
pub const SPAN_GOAL_MONTHS: (u32, u32) = (6, 12);

/// The management-track framework in use: the newest copy of the built-in one in this
/// workspace (a coach's edits), else the built-in one.
pub fn track_framework(ws: &Workspace) -> Framework {
    crate::logic::evaluation::frameworks::in_use(ws, MANAGEMENT_TRACK).unwrap_or_else(|| {
        Framework {
            id: MANAGEMENT_TRACK,
            name: "Management track".into(),
            summary: String::new(),
            domains: Vec::new(),
            levels: Vec::new(),
            descriptors: Vec::new(),
            based_on: None,
            created_at: Timestamp::default(),
            updated_at: Timestamp::default(),
            merge_bases: Vec::new(),
        }
    })
}

/// The framework level for a track level: the framework's active levels in order are M1, M2,
/// M3.
pub fn framework_level(fw: &Framework, level: TrackLevel) -> Option<&Level> {
    let i = match level {
        TrackLevel::M1 => 0,
        TrackLevel::M2 => 1,
        TrackLevel::M3 => 2,
        _ => return None,
    };
    fw.active_levels().nth(i)
}

/// One outcome (a domain at a level) and the evidence for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub domain_id: Id,
    pub domain: String,
    pub level_id: Id,
    pub descriptor: String,
    /// `(day, note, evidence id)`, oldest first.
    pub evidence: Vec<(Date, String, Id)>,
}

impl Outcome {
    pub fn first(&self) -> Option<Date> {
        self.evidence.first().map(|e| e.0)
    }
    pub fn last(&self) -> Option<Date> {
        self.evidence.last().map(|e| e.0)
    }
    /// Whole months between the first and the last evidence.
    pub fn span_months(&self) -> u32 {
        match (self.first(), self.last()) {
            (Some(a), Some(b)) => months_between(a, b),
            _ => 0,
        }
    }
}

/// Whole calendar months from `a` to `b` (1 Jan → 1 Jul is 6; 0 when `b` is not after `a`).
pub fn months_between(a: Date, b: Date) -> u32 {
    let mut months = 0;
    // At most a century: evidence spans are years, not ages.
    while months < 1200
        && a.checked_add_months(chrono::Months::new(months + 1))
            .is_some_and(|d| d <= b)
    {
        months += 1;
    }
    months
}

/// Where a manager stands against the next level.
#[derive(Clone, Debug, PartialEq)]
pub struct NextLevel {
    pub person_id: Id,
    pub standing: Standing,
    pub next: TrackLevel,
    pub framework: String,
    /// The next level's outcomes, one per active domain.
    pub outcomes: Vec<Outcome>,
    /// The current level's outcomes (they stay met).
    pub current: Vec<Outcome>,
    /// First and last day of evidence for any next-level outcome.
    pub span: Option<(Date, Date)>,
    pub span_months: u32,
    /// What is missing, in words.
    pub gaps: Vec<String>,
    /// Time at level against the usual range; says tenure alone is not readiness.
    pub tenure: Option<String>,
}

fn outcomes_at(fw: &Framework, ws: &Workspace, person_id: Id, level: &Level) -> Vec<Outcome> {
    fw.active_domains()
        .map(|d| {
            let mut evidence: Vec<(Date, String, Id)> = ws
                .track_evidence
                .iter()
                .filter(|e| {
                    e.person_id == person_id && e.domain_id == d.id && e.level_id == level.id
                })
                .map(|e| (e.on, e.note.clone(), e.id))
                .collect();
            evidence.stable_sort();
            Outcome {
                domain_id: d.id,
                domain: d.name.clone(),
                level_id: level.id,
                descriptor: fw.descriptor(d.id, level.id).to_string(),
                evidence,
            }
        })
        .collect()
}

/// The next-level view for a manager on `today`; `None` for someone not at M1 or M2 (an
/// engineer's way in is the program itself; M3 is the top of the track), and for someone still
/// in their trial (they are learning the level they stepped into; the next one waits until the
/// trial is confirmed).
pub fn next_level(ws: &Workspace, person_id: Id, today: Date) -> Option<NextLevel> {
    if super::trials::open_trial(ws, person_id).is_some() {
        return None;
    }
    let standing = standing(ws, person_id, today)?;
    let next = next_manager_level(standing.level)?;
    let fw = track_framework(ws);
    let next_fw = framework_level(&fw, next)?;
    let current_fw = framework_level(&fw, standing.level)?;
    let outcomes = outcomes_at(&fw, ws, person_id, next_fw);
    let current = outcomes_at(&fw, ws, person_id, current_fw);
    let first = outcomes.iter().filter_map(Outcome::first).min();
    let last = outcomes.iter().filter_map(Outcome::last).max();
    let span = first.zip(last);
    let span_months = span.map_or(0, |(a, b)| months_between(a, b));
    let mut gaps = Vec::new();
    for o in &outcomes {
        if o.evidence.is_empty() {
            gaps.push(format!("{} at {}: no evidence yet", o.domain, next.code()));
        } else if o.span_months() < SPAN_GOAL_MONTHS.0 {
            gaps.push(format!(
                "{} at {}: evidence covers {} — the goal is {} months or more",
                o.domain,
                next.code(),
                months_text(o.span_months()),
                SPAN_GOAL_MONTHS.0
            ));
        }
    }
    let year_ago = today - chrono::Days::new(365);
    for o in &current {
        if o.last().is_none_or(|d| d < year_ago) {
            gaps.push(format!(
                "{} at {}: nothing in the last year shows it still holds",
                o.domain,
                standing.level.code()
            ));
        }
    }
    if outcomes.iter().all(|o| !o.evidence.is_empty()) && span_months < SPAN_GOAL_MONTHS.0 {
        gaps.push(format!(
            "working at {} shows for {} so far — the goal is {}–{} months or more",
            next.code(),
            months_text(span_months),
            SPAN_GOAL_MONTHS.0,
            SPAN_GOAL_MONTHS.1
        ));
    }
    let tenure = tenure_note(&standing);
    Some(NextLevel {
        person_id,
        standing,
        next,
        framework: fw.name.clone(),
        outcomes,
        current,
        span,
        span_months,
        gaps,
        tenure,
    })
}

/// "1 month", "7 months", "less than a month".
pub fn months_text(m: u32) -> String {
    match m {
        0 => "less than a month".into(),
        1 => "1 month".into(),
        n => format!("{n} months"),
    }
}
