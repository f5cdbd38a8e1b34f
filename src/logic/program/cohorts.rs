//! Cohorts: one run of the program, with its phases, success signals, interview scenarios and
//! standard week.

use std::collections::HashSet;

use super::people::check_person;
use crate::content::program::DEFAULT_SUCCESS_SIGNALS;
use crate::logic::actions::{cohort_mut, require_text, ActionError, CohortFields};
use crate::logic::program::phases::{default_phases, shift_phases};
use crate::logic::program::MAX_PROTECTED_HOURS;
use crate::logic::records::{blank, forget_in, forget_opt, problem, Entry, FieldProblem};
use crate::model::{Cohort, Id, PhaseKind, Workspace};
use crate::model::{Date, SuccessSignal, Timestamp, WeekPlan};

impl Entry for Cohort {
    const FIELDS: &'static [&'static str] = &[
        "name",
        "sponsor_id",
        "coach_ids",
        "phases",
        "success_signals",
        "scenarios",
        "week",
    ];
    fn problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if blank(&self.name) {
            out.push(problem("name", "the name is empty".into()));
        }
        if let Some(sponsor) = self.sponsor_id {
            if ws.person(sponsor).is_none() {
                out.push(problem(
                    "sponsor_id",
                    format!("no person has the id {sponsor}"),
                ));
            }
        }
        let mut coaches = HashSet::new();
        for (j, coach) in self.coach_ids.iter().enumerate() {
            if ws.person(*coach).is_none() {
                out.push(problem(
                    format!("coach_ids[{j}]"),
                    format!("no person has the id {coach}"),
                ));
            } else if !coaches.insert(coach) {
                out.push(problem(
                    format!("coach_ids[{j}]"),
                    "this coach is listed twice".into(),
                ));
            }
        }
        let kinds: Vec<PhaseKind> = self.phases.iter().map(|p| p.kind).collect();
        if kinds != PhaseKind::ALL {
            out.push(problem(
                "phases",
                "expected the four phases in order: prepare, shadow, practice, lead_with_support"
                    .into(),
            ));
        }
        for (j, phase) in self.phases.iter().enumerate() {
            if phase.ends_on < phase.starts_on {
                out.push(problem(
                    format!("phases[{j}].ends_on"),
                    "before the phase starts".into(),
                ));
            }
            if j > 0 && phase.starts_on <= self.phases[j - 1].ends_on {
                out.push(problem(
                    format!("phases[{j}].starts_on"),
                    "overlaps the phase before it".into(),
                ));
            }
        }
        out.extend(unique_parts(
            "success_signals",
            self.success_signals.iter().map(|s| s.id),
        ));
        for (j, signal) in self.success_signals.iter().enumerate() {
            if blank(&signal.text) {
                out.push(problem(
                    format!("success_signals[{j}].text"),
                    "the text is empty".into(),
                ));
            }
        }
        out.extend(unique_parts(
            "scenarios",
            self.scenarios.iter().map(|s| s.id),
        ));
        for (j, s) in self.scenarios.iter().enumerate() {
            if blank(&s.title) {
                out.push(problem(
                    format!("scenarios[{j}].title"),
                    "the title is empty".into(),
                ));
            }
        }
        let w = &self.week;
        if !(w.assignment_hours_min.is_finite()
            && w.assignment_hours_max.is_finite()
            && w.assignment_hours_min >= 0.0
            && w.assignment_hours_min <= w.assignment_hours_max)
        {
            out.push(problem(
                "week",
                "micro-assignment hours must be a range from a smaller to a larger number".into(),
            ));
        }
        out
    }
    fn title(&self) -> String {
        self.name.clone()
    }
    fn field_label(field: &str) -> Option<&'static str> {
        Some(match field {
            "coach_ids" => "coaches",
            "scenarios" => "interview scenarios",
            "week" => "standard week",
            _ => return None,
        })
    }
    fn show(&self, field: &str, ws: &Workspace) -> Option<String> {
        Some(match field {
            "phases" => self
                .phases
                .iter()
                .map(|p| format!("{} {}–{}", p.kind.name(), p.starts_on, p.ends_on))
                .collect::<Vec<_>>()
                .join("; "),
            "success_signals" => self
                .success_signals
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" | "),
            "scenarios" => self
                .scenarios
                .iter()
                .map(|s| format!("{}: {}", s.title, s.prompt))
                .collect::<Vec<_>>()
                .join(" | "),
            "week" => crate::logic::journey::week_plan_line(&self.week),
            "sponsor_id" => self
                .sponsor_id
                .map_or("—".into(), |s| ws.person_name(s).to_string()),
            _ => return None,
        })
    }
    fn forget(&mut self, gone: &HashSet<Id>) -> bool {
        forget_opt(&mut self.sponsor_id, gone) | forget_in(&mut self.coach_ids, gone)
    }
}

/// Ids of a record's parts seen twice (`success_signals[3].id`).
fn unique_parts(list: &str, ids: impl Iterator<Item = Id>) -> Vec<FieldProblem> {
    let mut seen: std::collections::HashMap<Id, usize> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for (i, id) in ids.enumerate() {
        if let Some(first) = seen.insert(id, i) {
            out.push(problem(
                format!("{list}[{i}].id"),
                format!("the same id as {list}[{first}] ({id})"),
            ));
        }
    }
    out
}

pub(crate) fn clean_cohort(ws: &Workspace, f: CohortFields) -> Result<CohortFields, ActionError> {
    let name = f.name.trim().to_string();
    if name.is_empty() {
        return Err(ActionError::Problems(vec![(
            "name".into(),
            "enter a name for the cohort".into(),
        )]));
    }
    if let Some(s) = f.sponsor_id {
        check_person(ws, s)?;
    }
    let mut coach_ids: Vec<Id> = Vec::new();
    for c in f.coach_ids {
        check_person(ws, c)?;
        if !coach_ids.contains(&c) {
            coach_ids.push(c);
        }
    }
    Ok(CohortFields {
        name,
        coach_ids,
        ..f
    })
}

pub(crate) fn add(
    ws: &mut Workspace,
    fields: CohortFields,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Option<Id>, ActionError> {
    let f = clean_cohort(ws, fields)?;
    let id = new_id();
    let success_signals = DEFAULT_SUCCESS_SIGNALS
        .iter()
        .map(|text| SuccessSignal {
            id: new_id(),
            text: (*text).to_string(),
        })
        .collect();
    ws.cohorts.push(Cohort {
        id,
        name: f.name,
        sponsor_id: f.sponsor_id,
        coach_ids: f.coach_ids,
        phases: f.template.phases(f.starts_on),
        success_signals,
        scenarios: crate::content::program::standard_scenarios(),
        week: WeekPlan::default(),
        created_at: now,
        updated_at: now,
        merge_bases: Vec::new(),
    });
    Ok(Some(id))
}

pub(crate) fn update(
    ws: &mut Workspace,
    id: Id,
    fields: CohortFields,
    now: Timestamp,
) -> Result<Option<Id>, ActionError> {
    let f = clean_cohort(ws, fields)?;
    let c = cohort_mut(ws, id)?;
    c.name = f.name;
    c.sponsor_id = f.sponsor_id;
    c.coach_ids = f.coach_ids;
    if f.starts_on != c.starts_on() {
        c.phases = shift_phases(&c.phases, f.starts_on);
    }
    c.updated_at = now;
    Ok(None)
}

pub(crate) fn set_phase_ends(
    ws: &mut Workspace,
    cohort_id: Id,
    ends: Vec<Date>,
    now: Timestamp,
) -> Result<Option<Id>, ActionError> {
    let c = cohort_mut(ws, cohort_id)?;
    let phases = super::phases::set_phase_ends(&c.phases, &ends).map_err(|i| {
        let name = c.phases.get(i).map_or("A phase", |p| p.kind.name());
        ActionError::Problems(vec![(
            format!("phases[{i}].ends_on"),
            format!("{name} cannot end before it starts: nothing was changed"),
        )])
    })?;
    if phases == c.phases {
        // Nothing changed: no new version, no change to undo.
        return Ok(None);
    }
    c.phases = phases;
    c.updated_at = now;
    Ok(None)
}

pub(crate) fn reset_phases(
    ws: &mut Workspace,
    cohort_id: Id,
    now: Timestamp,
) -> Result<Option<Id>, ActionError> {
    let c = cohort_mut(ws, cohort_id)?;
    // A pilot resets to a pilot's layout, a full program to the six months.
    c.phases = if crate::logic::program::phases::assignment_timebox_days(c) == 7 {
        crate::logic::program::phases::pilot_phases(c.starts_on())
    } else {
        default_phases(c.starts_on())
    };
    c.updated_at = now;
    Ok(None)
}

pub(crate) fn add_signal(
    ws: &mut Workspace,
    cohort_id: Id,
    text: String,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Option<Id>, ActionError> {
    let text = require_text(&text, "the signal's text")?;
    let id = new_id();
    let c = cohort_mut(ws, cohort_id)?;
    c.success_signals.push(SuccessSignal { id, text });
    c.updated_at = now;
    Ok(Some(id))
}

pub(crate) fn update_signal(
    ws: &mut Workspace,
    cohort_id: Id,
    signal_id: Id,
    text: String,
    now: Timestamp,
) -> Result<Option<Id>, ActionError> {
    let text = require_text(&text, "the signal's text")?;
    let c = cohort_mut(ws, cohort_id)?;
    let s = c
        .success_signals
        .iter_mut()
        .find(|s| s.id == signal_id)
        .ok_or(ActionError::Missing("success signal"))?;
    s.text = text;
    c.updated_at = now;
    Ok(None)
}

pub(crate) fn remove_signal(
    ws: &mut Workspace,
    cohort_id: Id,
    signal_id: Id,
    now: Timestamp,
) -> Result<Option<Id>, ActionError> {
    let c = cohort_mut(ws, cohort_id)?;
    let before = c.success_signals.len();
    c.success_signals.retain(|s| s.id != signal_id);
    if c.success_signals.len() == before {
        return Err(ActionError::Missing("success signal"));
    }
    c.updated_at = now;
    Ok(None)
}

pub(crate) fn set_week_plan(
    ws: &mut Workspace,
    cohort_id: Id,
    plan: WeekPlan,
    now: Timestamp,
) -> Result<Option<Id>, ActionError> {
    let p = &plan;
    if !(p.assignment_hours_min.is_finite()
        && p.assignment_hours_max.is_finite()
        && p.assignment_hours_min >= 0.0
        && p.assignment_hours_min <= p.assignment_hours_max
        && p.assignment_hours_max <= MAX_PROTECTED_HOURS)
    {
        return Err(ActionError::Invalid(format!(
            "Micro-assignment hours must be a range from 0 to {MAX_PROTECTED_HOURS}, the first no more than the second."
        )));
    }
    if [p.workshops, p.shadowing, p.coaching_labs]
        .iter()
        .any(|n| *n > 10)
    {
        return Err(ActionError::Invalid(
            "A week can plan at most 10 sessions of one kind.".into(),
        ));
    }
    let c = cohort_mut(ws, cohort_id)?;
    c.week = plan;
    c.updated_at = now;
    Ok(None)
}
