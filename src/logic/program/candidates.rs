//! Candidates: a person enrolled in a cohort, with their status, protected hours, selection
//! facts and success signals.

use crate::sort::StableSort as _;
use std::collections::HashSet;

use super::people::check_person;
use crate::logic::actions::cohort_mut;
use crate::logic::actions::{ActionError, CandidateFields};
use crate::logic::records::{forget_in, forget_opt, problem, Entry, FieldProblem, Link};
use crate::model::Timestamp;
use crate::model::{Candidate, CandidateStatus, Id, Person, RecordKind, Workspace};

/// Most hours a week a candidate can have protected for the program.
pub const MAX_PROTECTED_HOURS: f32 = 40.0;

impl Entry for Candidate {
    const FIELDS: &'static [&'static str] = &[
        "status",
        "protected_hours_per_week",
        "nomination",
        "green_flags",
        "wants_to_manage",
        "decision",
        "signals",
    ];
    fn owners(&self) -> Vec<Link> {
        vec![
            Link::new("cohort_id", RecordKind::Cohort, self.cohort_id),
            Link::new("person_id", RecordKind::Person, self.person_id),
        ]
    }
    fn problems(&self, _ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        let h = self.protected_hours_per_week;
        if !h.is_finite() || !(0.0..=MAX_PROTECTED_HOURS).contains(&h) {
            out.push(problem(
                "protected_hours_per_week",
                format!("must be between 0 and {MAX_PROTECTED_HOURS} hours"),
            ));
        }
        out
    }
    fn list_problems(list: &[Self], _ws: &Workspace) -> Vec<(usize, FieldProblem)> {
        // Of two candidacies of one person in one cohort, the later reports it.
        let mut first: std::collections::HashMap<(Id, Id), usize> = Default::default();
        let mut out = Vec::new();
        for (i, c) in list.iter().enumerate() {
            if let Some(f) = first.insert((c.cohort_id, c.person_id), i) {
                first.insert((c.cohort_id, c.person_id), f);
                out.push((
                    i,
                    problem(
                        "person_id",
                        format!(
                            "this person is already a candidate in the same cohort (candidates[{f}])"
                        ),
                    ),
                ));
            }
        }
        out
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let twice = ws.candidates.iter().any(|c| {
            c.id != self.id && c.cohort_id == self.cohort_id && c.person_id == self.person_id
        });
        if twice {
            vec![problem(
                "person_id",
                format!(
                    "{} is already a candidate in this cohort",
                    ws.person_name(self.person_id)
                ),
            )]
        } else {
            Vec::new()
        }
    }
    fn title(&self) -> String {
        "Candidacy".into()
    }
    fn title_in(&self, ws: &Workspace) -> String {
        let cohort = ws
            .cohort(self.cohort_id)
            .map_or("(unknown cohort)", |c| c.name.as_str());
        format!("{} in {cohort}", ws.person_name(self.person_id))
    }
    fn field_label(field: &str) -> Option<&'static str> {
        Some(match field {
            "protected_hours_per_week" => "protected hours",
            "signals" => "success signals",
            _ => return None,
        })
    }
    fn show(&self, field: &str, ws: &Workspace) -> Option<String> {
        Some(match field {
            "status" => self.status.label().into(),
            "green_flags" if self.green_flags.is_empty() => "—".into(),
            "green_flags" => self
                .green_flags
                .iter()
                .map(|f| f.label())
                .collect::<Vec<_>>()
                .join("; "),
            "wants_to_manage" => self
                .wants_to_manage
                .map_or("—".into(), |w| w.label().into()),
            "signals" => self
                .signals
                .iter()
                .map(|m| {
                    let text = ws
                        .cohort(self.cohort_id)
                        .and_then(|c| c.success_signals.iter().find(|s| s.id == m.signal_id))
                        .map_or("(a removed signal)", |s| s.text.as_str());
                    let state = m
                        .met_on
                        .map_or("not yet".to_string(), |d| format!("met {d}"));
                    format!("{text}: {state}, {} evidence", m.evidence.len())
                })
                .collect::<Vec<_>>()
                .join("; "),
            _ => return None,
        })
    }
    fn fill_withheld(&self, theirs: &Self) -> Option<Self> {
        // A candidate's file leaves out the coach's notes on the candidacy (see `scope`); a
        // merge of it back must not clear them.
        let mut t = theirs.clone();
        let mut filled = false;
        if let (Some(mine), Some(their)) = (&self.decision, &mut t.decision) {
            if their.reason.is_empty()
                && !mine.reason.is_empty()
                && (their.verdict, their.on) == (mine.verdict, mine.on)
            {
                their.reason = mine.reason.clone();
                filled = true;
            }
        }
        if t.green_flags.is_empty() && !self.green_flags.is_empty() {
            t.green_flags = self.green_flags.clone();
            filled = true;
        }
        if let (Some(mine), Some(their)) = (&self.nomination, &mut t.nomination) {
            if their.rationale.is_empty()
                && !mine.rationale.is_empty()
                && their.kind == crate::model::NominationKind::Manager
                && mine.kind == their.kind
            {
                their.rationale = mine.rationale.clone();
                filled = true;
            }
        }
        filled.then_some(t)
    }
    fn forget(&mut self, gone: &HashSet<Id>) -> bool {
        let mut changed = false;
        if let Some(n) = &mut self.nomination {
            changed |= forget_opt(&mut n.by, gone);
        }
        for s in &mut self.signals {
            changed |= forget_in(&mut s.evidence, gone);
        }
        changed
    }
}

/// Checks protected hours are a number of hours in range.
pub fn check_hours(f: &CandidateFields) -> Result<(), ActionError> {
    let h = f.protected_hours_per_week;
    if h.is_finite() && (0.0..=MAX_PROTECTED_HOURS).contains(&h) {
        Ok(())
    } else {
        Err(ActionError::Invalid(format!(
            "Protected hours must be a number from 0 to {MAX_PROTECTED_HOURS}."
        )))
    }
}

/// People who can still be enrolled in a cohort (not already candidates there), by name.
pub fn enrollable(ws: &Workspace, cohort_id: Id) -> Vec<&Person> {
    let leads = |id: Id| {
        ws.cohort(cohort_id)
            .is_some_and(|c| c.sponsor_id == Some(id) || c.coach_ids.contains(&id))
    };
    let mut out: Vec<_> = ws
        .people
        .iter()
        .filter(|p| !ws.candidates_in(cohort_id).any(|c| c.person_id == p.id) && !leads(p.id))
        .collect();
    out.stable_sort_by_key(|p| p.name.to_lowercase());
    out
}

/// Reads protected hours as typed in a form ("6", "6.5", "6,5").
pub fn parse_hours(text: &str) -> Result<f32, ActionError> {
    let h: f32 = text.trim().replace(',', ".").parse().map_err(|_| {
        ActionError::Invalid("Protected hours must be a number of hours, e.g. 6 or 6.5.".into())
    })?;
    check_hours(&CandidateFields {
        status: CandidateStatus::Nominated,
        protected_hours_per_week: h,
    })?;
    Ok(h)
}

pub(crate) fn add(
    ws: &mut Workspace,
    cohort_id: Id,
    person_id: Id,
    fields: CandidateFields,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Option<Id>, ActionError> {
    check_hours(&fields)?;
    check_person(ws, person_id)?;
    let cohort = cohort_mut(ws, cohort_id)?;
    if cohort.sponsor_id == Some(person_id) || cohort.coach_ids.contains(&person_id) {
        return Err(ActionError::Invalid(format!(
            "{} is this cohort's sponsor or coach, so cannot also be one of its candidates.",
            ws.person_name(person_id)
        )));
    }
    if ws
        .candidates
        .iter()
        .any(|c| c.cohort_id == cohort_id && c.person_id == person_id)
    {
        return Err(ActionError::Invalid(format!(
            "{} is already a candidate in this cohort.",
            ws.person_name(person_id)
        )));
    }
    let id = new_id();
    ws.candidates.push(Candidate {
        id,
        cohort_id,
        person_id,
        status: fields.status,
        protected_hours_per_week: fields.protected_hours_per_week,
        nomination: None,
        green_flags: Vec::new(),
        wants_to_manage: None,
        decision: None,
        signals: Vec::new(),
        created_at: now,
        updated_at: now,
        merge_bases: Vec::new(),
    });
    Ok(Some(id))
}

pub(crate) fn update(
    ws: &mut Workspace,
    id: Id,
    fields: CandidateFields,
    now: Timestamp,
) -> Result<Option<Id>, ActionError> {
    check_hours(&fields)?;
    let c = ws
        .candidates
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or(ActionError::Missing("candidate"))?;
    c.status = fields.status;
    c.protected_hours_per_week = fields.protected_hours_per_week;
    c.updated_at = now;
    Ok(None)
}
