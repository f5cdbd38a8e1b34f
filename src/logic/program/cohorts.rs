//! Cohorts: one run of the program, with its phases, success signals, interview scenarios and
//! standard week.

use std::collections::HashSet;

use crate::logic::records::{blank, forget_in, forget_opt, problem, Entry, FieldProblem};
use crate::model::{Cohort, Id, PhaseKind, Workspace};

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
