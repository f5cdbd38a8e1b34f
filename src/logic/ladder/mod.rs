//! The leadership ladder: every manager's rung (set, or suggested by their track level), the
//! training ledger against the rung's yearly hours and practice cadence, and what Runway
//! already records that the rung is assessed by. Development is expected of every manager, so
//! a manager with an empty ledger is listed as behind, not left out.

use crate::content::frameworks::LEADERSHIP_LADDER;
use crate::logic::records::{problem, Entry, FieldProblem, Link};
use crate::logic::track::{current_level, employed_on, managing_since};
use crate::model::*;
use crate::sort::StableSort as _;

/// How often a rung expects practice.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cadence {
    /// Hours of practice each week.
    HoursWeekly(f32),
    /// Hours of practice each quarter.
    HoursQuarterly(f32),
    /// At least one entry of a kind within a number of days.
    Every(TrainingKind, i64),
}

impl Cadence {
    /// " h" when practice is counted in hours, "" when in sessions.
    pub fn unit(self) -> &'static str {
        match self {
            Cadence::HoursWeekly(_) | Cadence::HoursQuarterly(_) => " h",
            Cadence::Every(..) => "",
        }
    }

    pub fn text(self) -> String {
        let h = |v: f32| crate::logic::charts::num(v as f64);
        match self {
            Cadence::HoursWeekly(v) => format!("{} h of practice a week", h(v)),
            Cadence::HoursQuarterly(v) => format!("{} h of practice a quarter", h(v)),
            Cadence::Every(TrainingKind::PeerReview, _) => "a peer review every month".into(),
            Cadence::Every(TrainingKind::Strategy, _) => "a strategy session every quarter".into(),
            Cadence::Every(k, days) => format!("{} every {days} days", k.label().to_lowercase()),
        }
    }
}

/// What a rung asks in numbers: training hours a year and the practice cadence (8 / 12 / 16 /
/// 20 h; 2 h a week, 4 h a quarter, a monthly peer review, a quarterly strategy session). What
/// the rung means in words is the ladder framework's, editable like any framework.
pub fn targets(level: LadderLevel) -> (f32, Cadence) {
    match level {
        LadderLevel::Junior => (8.0, Cadence::HoursWeekly(2.0)),
        LadderLevel::MidLevel => (12.0, Cadence::HoursQuarterly(4.0)),
        LadderLevel::Senior => (16.0, Cadence::Every(TrainingKind::PeerReview, 31)),
        LadderLevel::Staff => (20.0, Cadence::Every(TrainingKind::Strategy, 92)),
    }
}

/// The leadership ladder in use: the newest copy of the built-in one here, else the built-in.
pub fn ladder_framework(ws: &Workspace) -> Option<Framework> {
    crate::logic::evaluation::frameworks::in_use(ws, LEADERSHIP_LADDER)
}

/// A rung's level in the ladder framework (its active levels in order are the four rungs).
pub fn framework_rung(fw: &Framework, level: LadderLevel) -> Option<&Level> {
    let i = LadderLevel::ALL.iter().position(|l| *l == level)?;
    fw.active_levels().nth(i)
}

/// The most hours one entry may log: a day's worth.
pub const MAX_HOURS: f32 = 24.0;

impl Entry for TrainingEntry {
    const FIELDS: &'static [&'static str] = &["on", "kind", "hours", "topic"];
    fn owners(&self) -> Vec<Link> {
        vec![Link::new("person_id", RecordKind::Person, self.person_id)]
    }
    fn problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        out.extend(crate::logic::track::before_joining(
            ws,
            self.person_id,
            self.on,
        ));
        if !self.hours.is_finite() || self.hours < 0.0 {
            out.push(problem("hours", "hours cannot be below zero".into()));
        } else if self.hours > MAX_HOURS {
            out.push(problem(
                "hours",
                format!(
                    "{} h is more than a day's worth in one entry: log each day on its own",
                    self.hours
                ),
            ));
        }
        out
    }
    fn save_problems(&self, _: &Workspace) -> Vec<FieldProblem> {
        if self.hours == 0.0 {
            vec![problem("hours", "enter how many hours it took".into())]
        } else {
            Vec::new()
        }
    }
    fn not_after_today(&self) -> Vec<(&'static str, Date)> {
        vec![("on", self.on)]
    }
    fn title(&self) -> String {
        let what = if self.topic.trim().is_empty() {
            self.kind.label().to_string()
        } else {
            self.topic.trim().to_string()
        };
        format!("{what} ({} h) on {}", self.hours, self.on)
    }
    fn title_in(&self, ws: &Workspace) -> String {
        format!("{}: {}", ws.person_name(self.person_id), self.title())
    }
    fn days(&self) -> Vec<Date> {
        vec![self.on]
    }
}

/// The rung a track level suggests when none is set: M1 a junior manager, M2 mid-level, M3
/// senior. (Staff is only ever set by hand.)
pub fn suggested(level: TrackLevel) -> Option<LadderLevel> {
    match level {
        TrackLevel::M1 => Some(LadderLevel::Junior),
        TrackLevel::M2 => Some(LadderLevel::MidLevel),
        TrackLevel::M3 => Some(LadderLevel::Senior),
        _ => None,
    }
}

/// A manager's rung: the one set on their record, else the one their level suggests. The
/// second value says whether it was set.
pub fn rung_of(ws: &Workspace, person: &Person) -> Option<(LadderLevel, bool)> {
    if let Some(l) = person.ladder {
        return Some((l, true));
    }
    suggested(current_level(ws, person.id)?).map(|l| (l, false))
}

/// One manager's ledger against their rung, over the last year (or since they became a
/// manager, when that is shorter).
#[derive(Clone, Debug, PartialEq)]
pub struct Ledger {
    pub person_id: Id,
    pub name: String,
    pub rung: LadderLevel,
    pub rung_set: bool,
    /// The window's first day.
    pub from: Date,
    pub training_hours: f32,
    /// The yearly target, pro rata for a shorter window.
    pub training_due: f32,
    pub training_target: f32,
    /// What the cadence counts over its own period: practice hours, or entries.
    pub practice_done: f32,
    pub practice_due: f32,
    pub cadence: String,
    pub entries: usize,
    pub behind_training: bool,
    pub behind_practice: bool,
}

impl Ledger {
    /// Behind on training or practice; a manager with nothing logged at all counts as behind
    /// too, even before anything is due.
    pub fn behind(&self) -> bool {
        self.behind_training || self.behind_practice || self.entries == 0
    }

    /// A line on where they stand.
    pub fn summary(&self) -> String {
        if self.entries == 0 {
            return "No training or practice logged yet.".into();
        }
        let unit = targets(self.rung).1.unit();
        format!(
            "Training: {} h logged, {} h due by now. Practice: {} of {}{unit} ({}).",
            num(self.training_hours),
            num(self.training_due),
            num(self.practice_done),
            num(self.practice_due),
            self.cadence
        )
    }
}

fn num(v: f32) -> String {
    crate::logic::charts::num(v as f64)
}

/// Rounds to the nearest half hour.
fn half(v: f32) -> f32 {
    (v * 2.0).round() / 2.0
}

pub fn ledger(ws: &Workspace, person: &Person, today: Date) -> Option<Ledger> {
    let (rung_level, rung_set) = rung_of(ws, person)?;
    let (target, cadence) = targets(rung_level);
    // Days in the current run of managing (a second stint starts afresh).
    let managing = managing_since(ws, person.id, today)
        .map_or(1, |d| (today - d).num_days())
        .max(1);
    let window = managing.min(365);
    let from = today - chrono::Days::new(window as u64);
    let entries: Vec<&TrainingEntry> = ws
        .training
        .iter()
        .filter(|e| e.person_id == person.id)
        .collect();
    let in_window = |e: &&&TrainingEntry, days: i64| {
        e.on > today - chrono::Days::new(days as u64) && e.on <= today
    };
    let training_hours: f32 = entries
        .iter()
        .filter(|e| in_window(e, window) && e.kind == TrainingKind::Training)
        .map(|e| e.hours)
        .sum();
    let training_due = half(target * window as f32 / 365.0);
    let (practice_done, practice_due) = match cadence {
        Cadence::HoursWeekly(h) => {
            // The last four weeks (or since they started managing).
            let days = managing.min(28);
            let done: f32 = entries
                .iter()
                .filter(|e| in_window(e, days) && e.kind == TrainingKind::Practice)
                .map(|e| e.hours)
                .sum();
            (done, half(h * days as f32 / 7.0))
        }
        Cadence::HoursQuarterly(h) => {
            let days = managing.min(91);
            let done: f32 = entries
                .iter()
                .filter(|e| in_window(e, days) && e.kind == TrainingKind::Practice)
                .map(|e| e.hours)
                .sum();
            (done, half(h * days as f32 / 91.0))
        }
        Cadence::Every(kind, days) => {
            let done = entries
                .iter()
                .filter(|e| in_window(e, days) && e.kind == kind)
                .count() as f32;
            // Nobody is behind on a monthly session before their first month is out.
            (done, if managing >= days { 1.0 } else { 0.0 })
        }
    };
    Some(Ledger {
        person_id: person.id,
        name: person.name.clone(),
        rung: rung_level,
        rung_set,
        from,
        training_hours,
        training_due,
        training_target: target,
        practice_done,
        practice_due,
        cadence: cadence.text(),
        entries: entries.len(),
        behind_training: training_hours < training_due,
        behind_practice: practice_done < practice_due,
    })
}

/// Every manager employed today with their ledger; those behind first, then by name.
pub fn ledgers(ws: &Workspace, today: Date) -> Vec<Ledger> {
    let mut out: Vec<Ledger> = ws
        .people
        .iter()
        .filter(|p| employed_on(p, today))
        .filter(|p| current_level(ws, p.id).is_some_and(TrackLevel::is_manager))
        .filter_map(|p| ledger(ws, p, today))
        .collect();
    out.stable_sort_by(|a, b| b.behind().cmp(&a.behind()).then(a.name.cmp(&b.name)));
    out
}

/// What Runway already records that a rung is assessed by, for one manager: `(what, how
/// many, the latest day, a line)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub what: &'static str,
    pub count: usize,
    pub latest: Option<Date>,
    pub detail: String,
}

pub fn assessment_sources(ws: &Workspace, person: &Person, level: LadderLevel) -> Vec<Source> {
    let candidacies: Vec<Id> = ws.candidacies_of(person.id).map(|k| k.id).collect();
    let cohorts: Vec<Id> = ws.candidacies_of(person.id).map(|k| k.cohort_id).collect();
    let mut out = Vec::new();
    let rounds: Vec<&FeedbackRound> = ws
        .feedback_rounds
        .iter()
        .filter(|r| candidacies.contains(&r.candidate_id))
        .collect();
    let checks: Vec<&HealthCheck> = ws
        .health_checks
        .iter()
        .filter(|h| {
            candidacies.contains(&h.candidate_id)
                || (!person.team.trim().is_empty()
                    && h.team.trim().eq_ignore_ascii_case(person.team.trim()))
        })
        .collect();
    let reviews: Vec<&CaseReview> = ws
        .case_reviews
        .iter()
        .filter(|c| cohorts.contains(&c.cohort_id))
        .collect();
    let retros: Vec<&Retrospective> = ws
        .retros
        .iter()
        .filter(|r| r.person_id == person.id)
        .collect();
    let disputes: Vec<&Activity> = ws
        .activities
        .iter()
        .filter(|a| {
            a.kind == ActivityKind::Dispute && a.candidates().any(|c| candidacies.contains(&c))
        })
        .collect();
    let r360 = Source {
        what: "360 rounds",
        count: rounds.len(),
        latest: rounds.iter().map(|r| r.opened_on).max(),
        detail: format!(
            "{} responses in all",
            rounds.iter().map(|r| r.response_count()).sum::<usize>()
        ),
    };
    let latest_check = checks.iter().max_by_key(|h| h.on);
    let health = Source {
        what: "Team health checks",
        count: checks.len(),
        latest: latest_check.map(|h| h.on),
        detail: latest_check
            .and_then(|h| h.score(HealthDimension::Safety))
            .map_or_else(
                || "no psychological-safety score yet".into(),
                |s| format!("psychological safety {} at the latest", num(s)),
            ),
    };
    let case = Source {
        what: "Peer case reviews",
        count: reviews.len(),
        latest: reviews.iter().map(|c| c.on).max(),
        detail: "in their cohorts".into(),
    };
    let retro = Source {
        what: "Leadership retrospectives",
        count: retros.len(),
        latest: None,
        detail: retros
            .iter()
            .max_by_key(|r| (r.year, r.quarter))
            .map_or_else(
                || "none yet".into(),
                |r| format!("latest Q{} {}", r.quarter, r.year),
            ),
    };
    let dispute = Source {
        what: "Disputes logged",
        count: disputes.len(),
        latest: disputes.iter().map(|a| a.on).max(),
        detail: "conflicts resolved with a coach present".into(),
    };
    match level {
        LadderLevel::Junior => out.extend([r360, retro, case]),
        LadderLevel::MidLevel => out.extend([health, dispute, retro, case]),
        LadderLevel::Senior | LadderLevel::Staff => out.extend([health, r360, retro, case]),
    }
    out
}
