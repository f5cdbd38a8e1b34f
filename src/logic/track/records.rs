//! The rules of the track's record kinds: level moves, trials and track evidence.

use crate::sort::StableSort as _;
use std::collections::HashSet;

use crate::logic::records::{blank, forget_opt, problem, Entry, FieldProblem, Link};
use crate::model::*;

use super::{level_on, team_on};

/// The rules one move breaks against the person's other moves (`others`: their moves other
/// than this one): two on one day, and a jump from engineering past M1 with no reason given.
fn against_history(m: &LevelMove, others: &[&LevelMove], ws: &Workspace) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    if others.iter().any(|o| o.on == m.on) {
        out.push(problem(
            "on",
            format!(
                "there is already a level move on {}: one move a day (edit that one instead)",
                crate::logic::journey::day_text(m.on)
            ),
        ));
    }
    // The history starts with their hiring (or the level on record): nothing comes before it.
    // (A move before the day they joined is said once, by `problems`.)
    let before_joining = ws
        .person(m.person_id)
        .and_then(|p| p.joined_on)
        .is_some_and(|j| m.on < j);
    if let Some(start) = (!before_joining).then_some(()).and(
        others
            .iter()
            .filter(|o| matches!(o.kind, MoveKind::Hired | MoveKind::Recorded) && o.on > m.on)
            .min_by_key(|o| o.on),
    ) {
        out.push(problem(
            "on",
            format!(
                "{} is before the start of their history ({} on {}): change that day first if it is wrong",
                crate::logic::journey::day_text(m.on),
                start.kind.label().to_lowercase(),
                crate::logic::journey::day_text(start.on)
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

/// Whether the kind of a move fits the level before it, checked when a move is typed (a file
/// or a merge may hold any sequence two copies made).
fn kind_problems(m: &LevelMove, others: &[&LevelMove]) -> Vec<FieldProblem> {
    let before = others.iter().filter(|o| o.on < m.on).max_by_key(|o| o.on);
    let code = |l: TrackLevel| l.code();
    let wrong = |why: String| vec![problem("kind", why)];
    match (m.kind, before) {
        (MoveKind::Hired | MoveKind::Recorded, Some(b)) => wrong(format!(
            "“{}” starts a history, and theirs starts earlier ({} on {}): choose another kind, or change that move",
            m.kind.label(),
            b.kind.label().to_lowercase(),
            crate::logic::journey::day_text(b.on)
        )),
        (MoveKind::Promoted, Some(b))
            if b.level.is_manager() != m.level.is_manager() || m.level <= b.level =>
        {
            wrong(format!(
                "a promotion goes up within a track, and {} to {} does not: choose “Moved between tracks”, “Returned to engineering” or “Level corrected”",
                code(b.level),
                code(m.level)
            ))
        }
        (MoveKind::BetweenTracks, Some(b)) if b.level.is_manager() == m.level.is_manager() => {
            wrong(format!(
                "{} to {} stays on the same track: choose “Promoted” or “Level corrected”",
                code(b.level),
                code(m.level)
            ))
        }
        (MoveKind::Returned, Some(b)) if !b.level.is_manager() => wrong(format!(
            "a return to engineering comes after managing, and they were {} before it",
            code(b.level)
        )),
        (MoveKind::TrialStarted, Some(b)) if b.level.is_manager() => wrong(format!(
            "a trial is a first step into managing, and they were already {} before it",
            code(b.level)
        )),
        (MoveKind::TrialConfirmed, b) if b.is_none_or(|b| b.level != m.level) => wrong(format!(
            "a confirmed trial keeps the level the trial was at ({}): start the trial first, or choose another kind",
            b.map_or("none yet", |b| code(b.level))
        )),
        _ => Vec::new(),
    }
}

impl Entry for LevelMove {
    const FIELDS: &'static [&'static str] = &["on", "kind", "level", "team", "note"];
    fn owners(&self) -> Vec<Link> {
        vec![Link::new("person_id", RecordKind::Person, self.person_id)]
    }
    fn problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        out.extend(super::before_joining(ws, self.person_id, self.on));
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
    fn list_problems(list: &[Self], ws: &Workspace) -> Vec<(usize, FieldProblem)> {
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
                    against_history(&list[i], &others, ws)
                        .into_iter()
                        .map(|p| (i, p)),
                );
            }
        }
        out.stable_sort_by_key(|(i, _)| *i);
        out
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let others: Vec<&LevelMove> = ws
            .levels
            .iter()
            .filter(|m| m.person_id == self.person_id && m.id != self.id)
            .collect();
        let mut out = against_history(self, &others, ws);
        out.extend(kind_problems(self, &others));
        out
    }
    fn not_after_today(&self) -> Vec<(&'static str, Date)> {
        vec![("on", self.on)]
    }
    fn after_save(ws: &mut Workspace, id: Id, now: Timestamp) {
        // The latest move that names a team says where they work now.
        let Some(m) = ws.levels.iter().find(|m| m.id == id).cloned() else {
            return;
        };
        let later = ws.levels.iter().any(|o| {
            o.person_id == m.person_id && o.id != m.id && o.on > m.on && !o.team.trim().is_empty()
        });
        if !m.team.trim().is_empty() && !later {
            super::move_team(ws, m.person_id, &m.team, now);
        }
    }
    fn delete_refusal(ws: &Workspace, id: Id) -> Option<String> {
        let m = ws.levels.iter().find(|m| m.id == id)?;
        let open = super::trials::open_trial(ws, m.person_id)?;
        (m.kind == MoveKind::TrialStarted && m.on == open.starts_on).then(|| {
            "This move starts a trial still in progress: decide the trial (or delete it) first."
                .to_string()
        })
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
        "from_team",
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
        for (i, c) in self.checkpoints.iter().enumerate() {
            if c.held_on.is_some_and(|h| h < self.starts_on) {
                out.push(problem(
                    format!("checkpoints[{i}].held_on"),
                    "a checkpoint was held before the trial started".into(),
                ));
            }
        }
        out
    }
    fn not_after_today(&self) -> Vec<(&'static str, Date)> {
        self.outcomes
            .iter()
            .map(|o| ("on", o.on))
            .chain(
                self.checkpoints
                    .iter()
                    .filter_map(|c| c.held_on.map(|h| ("checkpoints", h))),
            )
            .collect()
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
    fn fill_withheld(&self, theirs: &Self) -> Option<Self> {
        // The person's own file leaves out the supporting manager's notes (see `audience`); a
        // merge of it back must not clear them.
        let mut t = theirs.clone();
        let mut filled = false;
        for c in &mut t.checkpoints {
            let mine = self.checkpoints.iter().find(|m| m.id == c.id);
            if let Some(m) =
                mine.filter(|m| c.support_note.is_empty() && !m.support_note.is_empty())
            {
                c.support_note = m.support_note.clone();
                filled = true;
            }
        }
        filled.then_some(t)
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

    /// The team they worked in before the trial: as recorded when it started, else (a trial
    /// not yet saved) their team on the day before it starts.
    pub fn old_team(&self, ws: &Workspace) -> String {
        if !self.from_team.trim().is_empty() || !self.id.is_nil() {
            return self.from_team.clone();
        }
        let Some(p) = ws.person(self.person_id) else {
            return String::new();
        };
        let before = self.starts_on.pred_opt().unwrap_or(self.starts_on);
        team_on(ws, p, before)
    }

    /// Whether the team is the one the person worked in just before the trial.
    pub fn manages_old_team(&self, ws: &Workspace) -> bool {
        let old = self.old_team(ws);
        !old.trim().is_empty() && old.trim().eq_ignore_ascii_case(self.team.trim())
    }
}

impl Entry for TrackEvidence {
    const FIELDS: &'static [&'static str] = &["domain_id+level_id", "on", "note", "link"];
    fn owners(&self) -> Vec<Link> {
        vec![Link::new("person_id", RecordKind::Person, self.person_id)]
    }
    fn problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if blank(&self.note) {
            out.push(problem("note", "say what the evidence shows".into()));
        }
        out.extend(super::before_joining(ws, self.person_id, self.on));
        // The same rule as any evidence link: it goes into an `href`.
        let link = self.link.trim();
        if !link.is_empty() && !crate::logic::evaluation::is_web_link(link) {
            out.push(problem(
                "link",
                "a link starts with https:// (or http://)".into(),
            ));
        }
        out
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let fw = super::readiness::track_framework(ws);
        let mut out = Vec::new();
        if fw.domain(self.domain_id).is_none() || fw.level(self.level_id).is_none() {
            out.push(problem(
                "domain_id+level_id",
                format!("choose one of the outcomes of {}", fw.name),
            ));
        }
        // Evidence of managing starts when they started managing.
        let first_managing = super::moves_of(ws, self.person_id)
            .into_iter()
            .find(|m| m.level.is_manager())
            .map(|m| m.on);
        if let Some(f) = first_managing.filter(|f| self.on < *f) {
            out.push(problem(
                "on",
                format!(
                    "{} is before they started managing ({}): evidence of an outcome comes from their time as a manager",
                    crate::logic::journey::day_text(self.on),
                    crate::logic::journey::day_text(f)
                ),
            ));
        }
        out
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

/// After a merge: two moves of one person on one day (each copy recorded the same step, or
/// two different ones) become one — the one changed last — with the other's note added to
/// it when it differs, and the other tombstoned. Returns a line per repair.
pub fn dedupe_same_day_moves(ws: &mut Workspace, now: Timestamp) -> Vec<String> {
    let mut lines = Vec::new();
    let mut order: Vec<usize> = (0..ws.levels.len()).collect();
    order.stable_sort_by_key(|i| {
        let m = &ws.levels[*i];
        (m.person_id, m.on, std::cmp::Reverse(m.updated_at), m.id)
    });
    let mut drop: Vec<(usize, usize)> = Vec::new(); // (dropped, kept)
    for w in order.windows(2) {
        let (a, b) = (&ws.levels[w[0]], &ws.levels[w[1]]);
        if a.person_id == b.person_id && a.on == b.on {
            let kept = drop
                .iter()
                .find(|(d, _)| *d == w[0])
                .map_or(w[0], |(_, k)| *k);
            drop.push((w[1], kept));
        }
    }
    for (d, k) in &drop {
        let gone = ws.levels[*d].clone();
        let kept = &mut ws.levels[*k];
        let note = gone.note.trim();
        if !note.is_empty() && !kept.note.contains(note) {
            kept.note = if kept.note.trim().is_empty() {
                note.to_string()
            } else {
                format!("{} (The other copy said: {note})", kept.note.trim())
            };
            kept.updated_at = now;
        }
        lines.push(format!(
            "Two level moves of {} on {} came together: the one changed last ({} {}) stays{}.",
            ws.person_name(gone.person_id),
            gone.on,
            ws.levels[*k].kind.label().to_lowercase(),
            ws.levels[*k].level.code(),
            if gone.level != ws.levels[*k].level || gone.kind != ws.levels[*k].kind {
                format!(
                    ", the other ({} {}) went: check the history",
                    gone.kind.label().to_lowercase(),
                    gone.level.code()
                )
            } else {
                String::new()
            }
        ));
        ws.deleted.push(Tombstone {
            id: gone.id,
            kind: RecordKind::LevelMove,
            deleted_at: now,
            version: Some(gone.updated_at),
        });
    }
    let mut dropped: Vec<usize> = drop.into_iter().map(|(d, _)| d).collect();
    dropped.stable_sort();
    for i in dropped.into_iter().rev() {
        ws.levels.remove(i);
    }
    lines
}
