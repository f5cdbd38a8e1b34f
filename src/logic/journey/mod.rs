//! Rules of the program journey, as pure functions: where an activity falls, which 1:1
//! follow-ups carry over, when interview scores may be seen, what is overdue, how a week went,
//! the selection board, the candidate's timeline, the calendar file and the coach's week.

mod dashboard;
pub(crate) mod follow_ups;
pub mod groups;
mod records;
pub(crate) mod signals;
mod timeline;
mod week;

pub use dashboard::*;
pub use follow_ups::*;
pub use records::MAX_ACTIVITY_MINUTES;
pub use timeline::*;
pub use week::*;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveTime};

use crate::logic::program::phases::phase_on;
use crate::model::{Candidate, Cohort, Date, Id, PhaseKind, WeekPlan, Workspace};

/// A day as people read it: "21 Nov 2026".
pub fn day_text(d: Date) -> String {
    d.format("%-d %b %Y").to_string()
}

/// The phase an activity (or anything dated) falls in, from the cohort's phases.
pub fn phase_of(cohort: &Cohort, day: Date) -> Option<PhaseKind> {
    phase_on(cohort, day)
}

/// One week's planned sessions, for the "standard week" text.
pub fn week_plan_line(p: &WeekPlan) -> String {
    format!(
        "{} workshop{}, {} shadowing session{}, {} coaching lab{}, {}–{} h of micro-assignment work",
        p.workshops,
        if p.workshops == 1 { "" } else { "s" },
        p.shadowing,
        if p.shadowing == 1 { "" } else { "s" },
        p.coaching_labs,
        if p.coaching_labs == 1 { "" } else { "s" },
        trim_float(p.assignment_hours_min),
        trim_float(p.assignment_hours_max)
    )
}

/// "3" for 3.0, "2.5" for 2.5.
pub fn trim_float(v: f32) -> String {
    // An empty sum of f32 is -0.0; nobody wants to read "-0 h".
    let v = if v == 0.0 { 0.0 } else { v };
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// A metric's change as text: "12 → 5 (−58 %)".
pub fn metric_change(before: Option<f64>, after: Option<f64>) -> Option<String> {
    let fmt = |v: f64| {
        if v.fract() == 0.0 {
            format!("{v:.0}")
        } else {
            format!("{v:.1}")
        }
    };
    match (before, after) {
        (Some(b), Some(a)) => {
            let pct = if b != 0.0 {
                let p = (a - b) / b.abs() * 100.0;
                format!(" ({}{:.0} %)", if p >= 0.0 { "+" } else { "−" }, p.abs())
            } else {
                String::new()
            };
            Some(format!("{} → {}{pct}", fmt(b), fmt(a)))
        }
        (Some(b), None) => Some(format!("{} → not measured yet", fmt(b))),
        (None, Some(a)) => Some(format!("now {}", fmt(a))),
        (None, None) => None,
    }
}

/// A time as typed in an `<input type="time">` ("09:30").
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

/// A session's start as typed: empty is all day, otherwise hours and minutes.
pub fn parse_start(text: &str) -> Result<Option<NaiveTime>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_time(text).map(Some).ok_or(format!(
        "“{}” is not a time of day: use hours and minutes, e.g. 09:30.",
        text.trim()
    ))
}

/// A session's length as typed, in whole minutes (the save checks the upper bound).
pub fn parse_minutes(text: &str) -> Result<u32, String> {
    text.trim().parse::<u32>().map_err(|_| {
        format!(
            "The duration must be a whole number of minutes, e.g. 45 or 90 (at most {}).",
            records::MAX_ACTIVITY_MINUTES
        )
    })
}

/// How many of a candidate's signals are met: (met, of).
pub fn signals_met(ws: &Workspace, candidate: &Candidate) -> (usize, usize) {
    let Some(cohort) = ws.cohort(candidate.cohort_id) else {
        return (0, 0);
    };
    let met = cohort
        .success_signals
        .iter()
        .filter(|s| {
            candidate
                .signals
                .iter()
                .any(|m| m.signal_id == s.id && m.met_on.is_some())
        })
        .count();
    (met, cohort.success_signals.len())
}

/// Journal entries grouped by tag, for the tag filter: tag → count.
pub fn journal_tags(ws: &Workspace, candidate_id: Id) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for j in ws.journal.iter().filter(|j| j.candidate_id == candidate_id) {
        for t in &j.tags {
            *out.entry(t.clone()).or_insert(0) += 1;
        }
    }
    out
}

/// "2026 Q4" for a day.
pub fn quarter_of(day: Date) -> (i32, u8) {
    (day.year(), (day.month0() / 3 + 1) as u8)
}
