//! The rules of the track's record kinds: level moves, trials and track evidence.

use std::collections::HashSet;

use crate::logic::records::{blank, forget_opt, problem, Entry, FieldProblem, Link};
use crate::model::*;

use super::{level_on, team_on};

/// The rules one move breaks against the person's other moves (`others`: their moves other
/// than this one): two on one day, and a jump from engineering past M1 with no reason given.
fn against_history(m: &LevelMove, others: &[&LevelMove]) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    if others.iter().any(|o| o.on == m.on) {
        out.push(problem(
            "on",
            format!(
                "there is already a level move on {}: one move a day (edit that one instead)",
                m.on
            ),
        ));
    }
    let before = others
        .iter()
        .filter(|o| o.on < m.on)
        .max_by_key(|o| o.on)
        .map(|o| o.level);
    if let Some(b) = before {
        if !b.is_manager() && m.level > TrackLevel::M1 && blank(&m.note) {
            out.push(problem(
                "note",
                format!(
                    "a move from {} straight to {} skips M1: say why in the note",
                    b.code(),
                    m.level.code()
                ),
            ));
        }
    }
    out
}

impl Entry for LevelMove {
    const FIELDS: &'static [&'static str] = &["on", "kind", "level", "team", "note"];
    fn owners(&self) -> Vec<Link> {
        vec![Link::new("person_id", RecordKind::Person, self.person_id)]
    }
    fn problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if let Some(p) = ws.person(self.person_id) {
            if let Some(j) = p.joined_on.filter(|j| self.on < *j) {
                out.push(problem(
                    "on",
                    format!("{} is before {} joined ({j})", self.on, p.name),
                ));
            }
        }
        match self.kind {
            MoveKind::Returned if self.level.is_manager() => out.push(problem(
                "level",
                "a return to engineering goes to an engineering level (IC1–IC5)".into(),
            )),
            MoveKind::TrialStarted | MoveKind::TrialConfirmed if !self.level.is_manager() => out
                .push(problem(
                    "level",
                    "a trial in management is at a manager level (M1–M3)".into(),
                )),
            _ => {}
        }
        out
    }
    fn list_problems(list: &[Self], _: &Workspace) -> Vec<(usize, FieldProblem)> {
        let mut by_person: std::collections::HashMap<Id, Vec<usize>> = Default::default();
        for (i, m) in list.iter().enumerate() {
            by_person.entry(m.person_id).or_default().push(i);
        }
        let mut out = Vec::new();
        for idx in by_person.values() {
            for &i in idx {
                let others: Vec<&LevelMove> =
                    idx.iter().filter(|j| **j != i).map(|j| &list[*j]).collect();
                out.extend(
                    against_history(&list[i], &others)
                        .into_iter()
                        .map(|p| (i, p)),
                );
            }
        }
        out.sort_by_key(|(i, _)| *i);
        out
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let others: Vec<&LevelMove> = ws
            .levels
            .iter()
            .filter(|m| m.person_id == self.person_id && m.id != self.id)
            .collect();
        against_history(self, &others)
    }
    fn not_after_today(&self) -> Vec<(&'static str, Date)> {
        vec![("on", self.on)]
    }
    fn title(&self) -> String {
        format!("{} {} on {}", self.kind.label(), self.level.code(), self.on)
    }
    fn title_in(&self, ws: &Workspace) -> String {
        format!(
            "{}: {} {} on {}",
            ws.person_name(self.person_id),
            self.kind.label().to_lowercase(),
            self.level.code(),
            self.on
        )
    }
    fn days(&self) -> Vec<Date> {
        vec![self.on]
    }
}

/// The last day of a trial of `months` from `starts_on` (the day before the same date that
/// many months on).
pub fn trial_last_day(starts_on: Date, months: u32) -> Date {
    starts_on
        .checked_add_months(chrono::Months::new(months))
        .and_then(|d| d.pred_opt())
        .unwrap_or(starts_on)
}

impl Entry for Trial {
    const FIELDS: &'static [&'static str] = &[
        "starts_on+months",
        "return_level+return_band",
        "team+no_coding_expected",
        "supporter_id",
        "candidate_id",
        "checkpoints",
        "outcomes",
    ];
    fn owners(&self) -> Vec<Link> {
        vec![Link::new("person_id", RecordKind::Person, self.person_id)]
    }
    fn problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if !(1..=24).contains(&self.months) {
            out.push(problem(
                "months",
                "a trial lasts between 1 and 24 months".into(),
            ));
        }
        if self.return_level.is_manager() {
            out.push(problem(
                "return_level",
                "the guaranteed return is to an engineering level (IC1–IC5)".into(),
            ));
        } else if let Some(held) = self
            .starts_on
            .pred_opt()
            .and_then(|d| level_on(ws, self.person_id, d))
            .filter(|l| !l.is_manager())
        {
            if self.return_level > held {
                out.push(problem(
                    "return_level",
                    format!(
                        "{} is above {}, the level held before the trial: the guarantee is the level they had",
                        self.return_level.code(),
                        held.code()
                    ),
                ));
            }
        }
        for (i, c) in self.checkpoints.iter().enumerate() {
            if c.on < self.starts_on {
                out.push(problem(
                    format!("checkpoints[{i}].on"),
                    "a checkpoint is before the trial starts".into(),
                ));
            }
        }
        for (i, o) in self.outcomes.iter().enumerate() {
            if o.on < self.starts_on {
                out.push(problem(
                    format!("outcomes[{i}].on"),
                    "a decision is dated before the trial starts".into(),
                ));
            }
            if o.decision == TrialDecision::Extended && o.months.is_none_or(|m| m > 24) {
                out.push(problem(
                    format!("outcomes[{i}].months"),
                    "an extension says the new length (up to 24 months)".into(),
                ));
            }
        }
        if self.supporter_id == Some(self.person_id) {
            out.push(problem(
                "supporter_id",
                "the supporting manager is someone else".into(),
            ));
        }
        out
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if blank(&self.team) {
            out.push(problem("team", "enter the team they will manage".into()));
        } else if !self.no_coding_expected && self.manages_old_team(ws) {
            out.push(problem(
                "team",
                format!(
                    "{} is the team they worked in as an engineer. Managing former peers is hard: choose another team if you can, or tick that coding is not expected of them",
                    self.team.trim()
                ),
            ));
        }
        let open_elsewhere = ws
            .trials
            .iter()
            .any(|t| t.person_id == self.person_id && t.id != self.id && t.end().is_none());
        if open_elsewhere && self.end().is_none() {
            out.push(problem(
                "starts_on",
                "they already have a trial in progress: end that one first".into(),
            ));
        }
        out
    }
    fn not_after_today(&self) -> Vec<(&'static str, Date)> {
        self.outcomes.iter().map(|o| ("outcomes", o.on)).collect()
    }
    fn title(&self) -> String {
        format!("Trial from {}", self.starts_on)
    }
    fn title_in(&self, ws: &Workspace) -> String {
        format!(
            "{}'s trial in management from {}",
            ws.person_name(self.person_id),
            self.starts_on
        )
    }
    fn days(&self) -> Vec<Date> {
        std::iter::once(self.starts_on)
            .chain(self.checkpoints.iter().map(|c| c.on))
            .chain(self.outcomes.iter().map(|o| o.on))
            .collect()
    }
    fn field_label(field: &str) -> Option<&'static str> {
        Some(match field {
            "starts_on+months" => "start and length",
            "return_level+return_band" => "guaranteed return",
            "team+no_coding_expected" => "team",
            "supporter_id" => "supporting manager",
            "candidate_id" => "candidacy",
            _ => return None,
        })
    }
    fn fresh_ids(&mut self, new_id: &mut dyn FnMut() -> Id) {
        for c in &mut self.checkpoints {
            if c.id.is_nil() {
                c.id = new_id();
            }
        }
    }
    fn forget(&mut self, gone: &HashSet<Id>) -> bool {
        let a = forget_opt(&mut self.candidate_id, gone);
        let b = forget_opt(&mut self.supporter_id, gone);
        a || b
    }
}

impl Trial {
    /// The last day of the trial at its current length.
    pub fn last_day(&self) -> Date {
        trial_last_day(self.starts_on, self.months)
    }

    /// Whether the team is the one the person worked in just before the trial.
    pub fn manages_old_team(&self, ws: &Workspace) -> bool {
        let Some(p) = ws.person(self.person_id) else {
            return false;
        };
        let before = self.starts_on.pred_opt().unwrap_or(self.starts_on);
        let old = team_on(ws, p, before);
        !old.trim().is_empty() && old.trim().eq_ignore_ascii_case(self.team.trim())
    }
}

impl Entry for TrackEvidence {
    const FIELDS: &'static [&'static str] = &["domain_id+level_id", "on", "note", "link"];
    fn owners(&self) -> Vec<Link> {
        vec![Link::new("person_id", RecordKind::Person, self.person_id)]
    }
    fn problems(&self, _: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if blank(&self.note) {
            out.push(problem("note", "say what the evidence shows".into()));
        }
        let link = self.link.trim();
        if !(link.is_empty() || link.starts_with("https://") || link.starts_with("http://")) {
            out.push(problem(
                "link",
                "a link starts with https:// (or http://)".into(),
            ));
        }
        out
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let fw = super::readiness::track_framework(ws);
        if fw.domain(self.domain_id).is_none() || fw.level(self.level_id).is_none() {
            vec![problem(
                "domain_id+level_id",
                format!("choose one of the outcomes of {}", fw.name),
            )]
        } else {
            Vec::new()
        }
    }
    fn not_after_today(&self) -> Vec<(&'static str, Date)> {
        vec![("on", self.on)]
    }
    fn title(&self) -> String {
        let mut t: String = self.note.chars().take(60).collect();
        if self.note.chars().count() > 60 {
            t.push('…');
        }
        t
    }
    fn title_in(&self, ws: &Workspace) -> String {
        format!("{}: {}", ws.person_name(self.person_id), self.title())
    }
    fn days(&self) -> Vec<Date> {
        vec![self.on]
    }
    fn field_label(field: &str) -> Option<&'static str> {
        (field == "domain_id+level_id").then_some("outcome")
    }
}
