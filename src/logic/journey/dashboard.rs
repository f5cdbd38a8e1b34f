//! The coach's week: for each candidate taking part in a cohort, this week against the plan,
//! the protected time used, what is overdue, how long since the last coaching 1:1 and the last
//! journal entry, the open follow-ups; who is behind, and why; and what comes up in the next two
//! weeks (phase starts, calibration, assignments ending, team health checks).

use crate::sort::StableSort as _;
use chrono::Days;

use super::groups::active_candidates;
use super::week::{assignment_overdue, week_summary, WeekSummary};
use crate::logic::program::phases::monday_on_or_before;
use crate::model::{Candidate, Cohort, Date, Id, MicroAssignmentStatus, OneOnOne, Workspace};

/// A coaching 1:1 is due at least this often: a longer gap marks the candidate as behind.
pub const ONE_ON_ONE_GAP_DAYS: i64 = 14;
/// The journal is written in at least this often.
pub const JOURNAL_GAP_DAYS: i64 = 14;
/// Protected time counts as unused when last week used less than this share of it.
pub const UNUSED_SHARE: f32 = 0.5;
/// Calibration is monthly: due again this many days after the last session.
pub const CALIBRATION_EVERY_DAYS: i64 = 31;
/// A team health check is due again this many days after the last one (quarterly).
pub const HEALTH_EVERY_DAYS: i64 = 91;
/// How far ahead "coming up" looks.
pub const AHEAD_DAYS: u64 = 14;

/// Why a candidate is behind. Each names the candidate section where it is put right.
#[derive(Clone, Debug, PartialEq)]
pub enum Behind {
    /// No coaching 1:1 for this many days; `None` when there has been none at all.
    OneOnOne(Option<i64>),
    /// No journal entry for this many days; `None` when there has been none at all.
    Journal(Option<i64>),
    /// Micro-assignments still open after their timebox ended.
    Overdue(usize),
    /// Last week's protected time barely used: hours used of the hours protected.
    UnusedTime { used: f32, protected: f32 },
}

impl Behind {
    pub fn text(&self) -> String {
        match self {
            Behind::OneOnOne(Some(d)) => format!("No 1:1 with a coach for {d} days"),
            Behind::OneOnOne(None) => "No 1:1 with a coach yet".to_string(),
            Behind::Journal(Some(d)) => format!("No journal entry you can see for {d} days"),
            Behind::Journal(None) => "No journal entry you can see yet".to_string(),
            Behind::Overdue(1) => "1 micro-assignment past its end".to_string(),
            Behind::Overdue(n) => format!("{n} micro-assignments past their end"),
            Behind::UnusedTime { used, protected } => format!(
                "Last week used {} of {} protected hours",
                super::trim_float(*used),
                super::trim_float(*protected)
            ),
        }
    }

    /// The candidate section (`/candidates/:id/<section>`) where it is fixed.
    pub fn section(&self) -> &'static str {
        match self {
            Behind::OneOnOne(_) => "one-on-ones",
            Behind::Journal(_) => "journal",
            Behind::Overdue(_) => "assignments",
            Behind::UnusedTime { .. } => "week",
        }
    }

    /// What the link to the section says.
    pub fn fix(&self) -> &'static str {
        match self {
            Behind::OneOnOne(_) => "Plan or log a 1:1",
            Behind::Journal(_) => "Open the journal",
            Behind::Overdue(_) => "Close or extend them",
            Behind::UnusedTime { .. } => "Plan the week",
        }
    }
}

/// One candidate's line on the coach's week.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateWeek {
    pub candidate_id: Id,
    pub name: String,
    /// This week (Monday to Sunday) against the cohort's standard week.
    pub week: WeekSummary,
    /// Open micro-assignments past their end: (id, title).
    pub overdue: Vec<(Id, String)>,
    pub last_one_on_one: Option<Date>,
    pub last_journal: Option<Date>,
    /// Follow-ups agreed in coaching 1:1s and not yet ticked.
    pub open_follow_ups: usize,
    pub behind: Vec<Behind>,
}

/// Where a coming-up item is seen to.
#[derive(Clone, Debug, PartialEq)]
pub enum DueAt {
    /// The cohort's calibration sessions.
    Calibration,
    /// The cohort page (its phases).
    Cohort,
    /// A candidate's section.
    Candidate(Id, &'static str),
}

/// Something that comes up in the next two weeks (or is already due).
#[derive(Clone, Debug, PartialEq)]
pub struct Due {
    pub on: Date,
    pub what: String,
    pub at: DueAt,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CoachWeek {
    pub monday: Date,
    pub candidates: Vec<CandidateWeek>,
    pub due: Vec<Due>,
}

impl CoachWeek {
    pub fn behind(&self) -> usize {
        self.candidates
            .iter()
            .filter(|c| !c.behind.is_empty())
            .count()
    }
}

fn days(from: Date, to: Date) -> i64 {
    (to - from).num_days()
}

/// A 1:1 with one of the cohort's coaches (or with someone not recorded): not a practice 1:1
/// the candidate holds with a report.
fn coaching(cohort: &Cohort, o: &OneOnOne) -> bool {
    o.with_id.is_none_or(|w| cohort.coach_ids.contains(&w))
}

/// A gap since `last` (or since the cohort started, when there is none) longer than `limit`.
fn gap(last: Option<Date>, started: Date, today: Date, limit: i64) -> Option<Option<i64>> {
    let since = last.unwrap_or(started);
    (since <= today && days(since, today) > limit).then(|| last.map(|d| days(d, today)))
}

fn candidate_week(ws: &Workspace, cohort: &Cohort, c: &Candidate, today: Date) -> CandidateWeek {
    // A cohort without phases has no timeline to be behind on (the pitfall says so instead),
    // and once a cohort has ended nobody is behind on its rhythm.
    let started =
        (!cohort.phases.is_empty() && today <= cohort.ends_on()).then(|| cohort.starts_on());
    let coaching_ones: Vec<&OneOnOne> = ws
        .one_on_ones
        .iter()
        .filter(|o| o.candidate_id == c.id && coaching(cohort, o))
        .collect();
    let last_one_on_one = coaching_ones
        .iter()
        .map(|o| o.held_on)
        .filter(|d| *d <= today)
        .max();
    let open_follow_ups = coaching_ones
        .iter()
        .flat_map(|o| o.follow_ups.iter())
        .filter(|f| f.done_on.is_none())
        .count();
    let last_journal = ws
        .journal
        .iter()
        .filter(|j| j.candidate_id == c.id && j.on <= today)
        .map(|j| j.on)
        .max();
    let mut overdue: Vec<(Id, String)> = ws
        .assignments
        .iter()
        .filter(|a| a.candidate_id == c.id && assignment_overdue(a, today))
        .map(|a| (a.id, a.title.clone()))
        .collect();
    overdue.stable_sort_by(|a, b| a.1.cmp(&b.1));
    let week = week_summary(ws, c.id, today).unwrap_or_else(|| WeekSummary {
        monday: monday_on_or_before(today),
        plan: cohort.week.clone(),
        workshops: 0,
        shadowing: 0,
        coaching_labs: 0,
        assignment_hours: 0.0,
        hours_used: 0.0,
        protected_hours: c.protected_hours_per_week,
        activities: vec![],
    });

    let mut behind = Vec::new();
    if let Some(started) = started.filter(|s| *s <= today) {
        if let Some(g) = gap(last_one_on_one, started, today, ONE_ON_ONE_GAP_DAYS) {
            behind.push(Behind::OneOnOne(g));
        }
        if let Some(g) = gap(last_journal, started, today, JOURNAL_GAP_DAYS) {
            behind.push(Behind::Journal(g));
        }
    }
    if !overdue.is_empty() {
        behind.push(Behind::Overdue(overdue.len()));
    }
    // Last week, when all of it was in the program: a cohort that starts on a Thursday is not
    // judged on its first three days.
    let last_monday = week.monday - Days::new(7);
    if started.is_some_and(|s| last_monday >= s) && c.protected_hours_per_week > 0.0 {
        if let Some(last) = week_summary(ws, c.id, last_monday) {
            if last.hours_used < UNUSED_SHARE * last.protected_hours {
                behind.push(Behind::UnusedTime {
                    used: last.hours_used,
                    protected: last.protected_hours,
                });
            }
        }
    }
    CandidateWeek {
        candidate_id: c.id,
        name: ws.person_name(c.person_id).to_string(),
        week,
        overdue,
        last_one_on_one,
        last_journal,
        open_follow_ups,
        behind,
    }
}

/// The cohort's next calibration: the session planned, or (while the cohort runs) one due a
/// month after the last, or after the start when none was held. A session planned for later
/// than that does not hide one that is already overdue.
pub fn calibration_due(ws: &Workspace, cohort: &Cohort, today: Date) -> Option<Due> {
    let sessions: Vec<Date> = ws
        .calibrations
        .iter()
        .filter(|s| s.cohort_id == cohort.id)
        .map(|s| s.on)
        .collect();
    let running =
        !cohort.phases.is_empty() && cohort.starts_on() <= today && today <= cohort.ends_on();
    let next = sessions.iter().filter(|d| **d >= today).min().copied();
    let last = sessions.iter().filter(|d| **d < today).max().copied();
    let due_on = running
        .then(|| last.unwrap_or(cohort.starts_on()) + Days::new(CALIBRATION_EVERY_DAYS as u64));
    let overdue = |planned: Option<Date>| {
        let since = match last {
            Some(d) => format!("the last session was {} days ago", days(d, today)),
            None => "none held yet".to_string(),
        };
        match planned {
            Some(p) => format!(
                "Calibration overdue: {since}; the next is planned for {}",
                super::day_text(p)
            ),
            None => format!("Calibration due: {since}"),
        }
    };
    match (next, due_on) {
        (Some(n), Some(d)) if d < today && n > today => Some(Due {
            on: today,
            what: overdue(Some(n)),
            at: DueAt::Calibration,
        }),
        (Some(n), _) => Some(Due {
            on: n,
            what: "Calibration session".to_string(),
            at: DueAt::Calibration,
        }),
        (None, Some(d)) => Some(Due {
            on: d.max(today),
            what: overdue(None),
            at: DueAt::Calibration,
        }),
        (None, None) => None,
    }
}

fn due_items(ws: &Workspace, cohort: &Cohort, lines: &[CandidateWeek], today: Date) -> Vec<Due> {
    let horizon = today + Days::new(AHEAD_DAYS);
    let mut due = Vec::new();
    for p in cohort.phases.iter().skip(1) {
        if p.starts_on > today && p.starts_on <= horizon {
            due.push(Due {
                on: p.starts_on,
                what: format!("{} phase starts", p.kind.name()),
                at: DueAt::Cohort,
            });
        }
    }
    if let Some(d) = calibration_due(ws, cohort, today).filter(|d| d.on <= horizon) {
        due.push(d);
    }
    for line in lines {
        for a in ws.assignments.iter().filter(|a| {
            a.candidate_id == line.candidate_id
                && matches!(
                    a.status,
                    MicroAssignmentStatus::Planned | MicroAssignmentStatus::Active
                )
                && a.ends_on >= today
                && a.ends_on <= horizon
        }) {
            due.push(Due {
                on: a.ends_on,
                what: format!("{}: “{}” ends", line.name, a.title),
                at: DueAt::Candidate(line.candidate_id, "assignments"),
            });
        }
        // Team health, quarterly, for candidates who already check a team's health.
        if let Some(last) = ws
            .health_checks
            .iter()
            .filter(|h| h.candidate_id == line.candidate_id && h.on <= today)
            .map(|h| h.on)
            .max()
        {
            let on = last + Days::new(HEALTH_EVERY_DAYS as u64);
            if on <= horizon {
                due.push(Due {
                    on: on.max(today),
                    what: format!("{}: team health check due", line.name),
                    at: DueAt::Candidate(line.candidate_id, "feedback"),
                });
            }
        }
    }
    due.stable_sort_by(|a, b| a.on.cmp(&b.on));
    due
}

/// The coach's week for a cohort on `today`; `None` for a cohort not in the workspace.
pub fn coach_week(ws: &Workspace, cohort_id: Id, today: Date) -> Option<CoachWeek> {
    let cohort = ws.cohort(cohort_id)?;
    let mut candidates: Vec<CandidateWeek> = active_candidates(ws, cohort_id)
        .into_iter()
        .map(|c| candidate_week(ws, cohort, c, today))
        .collect();
    // Who is behind first (most reasons first), then by name.
    candidates.stable_sort_by(|a, b| {
        b.behind
            .len()
            .cmp(&a.behind.len())
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    let due = due_items(ws, cohort, &candidates, today);
    Some(CoachWeek {
        monday: monday_on_or_before(today),
        candidates,
        due,
    })
}
