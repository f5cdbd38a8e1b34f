//! The journey's records: activities, micro-assignments, 1:1s, journal entries, snippets,
//! peer case reviews and leadership retrospectives.

use crate::sort::StableSort as _;
use std::collections::HashSet;

use crate::logic::records::{
    blank, candidate_name, forget_in, forget_opt, problem, Entry, FieldProblem, Link,
};
use crate::model::{
    Activity, ActivityKind, CaseReview, Date, Id, JournalEntry, MicroAssignment, OneOnOne,
    RecordKind, Retrospective, Snippet, Timestamp, Workspace,
};

/// Longest activity that can be logged, in minutes (a full day and a night).
pub const MAX_ACTIVITY_MINUTES: u32 = 16 * 60;

impl Entry for Activity {
    fn days(&self) -> Vec<Date> {
        vec![self.on]
    }
    fn owners(&self) -> Vec<Link> {
        vec![Link::new(
            "candidate_id",
            RecordKind::Candidate,
            self.candidate_id,
        )]
    }
    // The kind and what only some kinds have travel together, so a merge never pairs one
    // side's kind with the other side's debrief.
    const FIELDS: &'static [&'static str] = &[
        "kind+noticed+differently+assignment_id+journal_ids",
        "title",
        "on",
        "at",
        "minutes",
        "done",
        // Who takes part merges as one: the candidacy it is filed under and the others (a
        // delete in one copy moves a group session to the next candidate in the group).
        "candidate_id+group",
        "with",
        "notes",
    ];
    fn field_label(field: &str) -> Option<&'static str> {
        (field == "candidate_id+group").then_some("who takes part")
    }
    fn show(&self, field: &str, ws: &Workspace) -> Option<String> {
        (field == "candidate_id+group").then(|| super::groups::taking_part_names(ws, self))
    }
    fn problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if blank(&self.title) {
            out.push(problem("title", "the title is empty".into()));
        }
        if self.minutes == 0 || self.minutes > MAX_ACTIVITY_MINUTES {
            out.push(problem(
                "minutes",
                format!(
                    "the duration must be between 1 minute and {} hours",
                    MAX_ACTIVITY_MINUTES / 60
                ),
            ));
        }
        if self.kind != ActivityKind::Shadowing
            && !(self.noticed.is_empty() && self.differently.is_empty())
        {
            out.push(problem(
                "noticed",
                "only a shadowing session has a debrief".into(),
            ));
        }
        out.extend(group_problems(self, ws));
        out
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        // A shared file may leave other candidacies out; a save here adds only ones present.
        // Members this copy never had (a candidate's file holds a group session without the
        // others' candidacies) stay as they were, so the candidate can still log the session.
        let before: HashSet<Id> = ws
            .activities
            .iter()
            .find(|a| a.id == self.id)
            .map(|a| a.candidates().collect())
            .unwrap_or_default();
        let missing = self
            .group
            .iter()
            .filter(|g| ws.candidate(**g).is_none() && !before.contains(g))
            .count();
        if missing > 0 {
            vec![problem(
                "group",
                format!(
                    "{missing} of the candidates ticked to take part {} no longer in this workspace: untick {}",
                    if missing == 1 { "is" } else { "are" },
                    if missing == 1 { "it" } else { "them" }
                ),
            )]
        } else {
            Vec::new()
        }
    }
    fn title(&self) -> String {
        self.title.clone()
    }
    fn forget(&mut self, gone: &HashSet<Id>) -> bool {
        forget_in(&mut self.group, gone)
            | forget_in(&mut self.with, gone)
            | forget_opt(&mut self.assignment_id, gone)
            | forget_in(&mut self.journal_ids, gone)
    }
    fn rehome(&mut self, from: Id, to: Id) -> bool {
        let before = (self.candidate_id, self.group.clone());
        if self.candidate_id == from {
            self.candidate_id = to;
        }
        for g in &mut self.group {
            if *g == from {
                *g = to;
            }
        }
        // The two candidacies were one person: they take part once.
        let filed = self.candidate_id;
        let mut seen = Vec::new();
        self.group.retain(|g| {
            let keep = *g != filed && !seen.contains(g);
            seen.push(*g);
            keep
        });
        (self.candidate_id, &self.group) != (before.0, &before.1)
    }
    fn fill_withheld(&self, theirs: &Self) -> Option<Self> {
        // A candidate's file files a group session under that candidate (the one it was filed
        // under may be left out, see `audience`); the same people taking part is no change.
        let mine: HashSet<Id> = self.candidates().collect();
        let their: HashSet<Id> = theirs.candidates().collect();
        (mine == their && (self.candidate_id, &self.group) != (theirs.candidate_id, &theirs.group))
            .then(|| Self {
                candidate_id: self.candidate_id,
                group: self.group.clone(),
                ..theirs.clone()
            })
    }
    fn adopt(&mut self, live: &HashSet<(RecordKind, Id)>) -> bool {
        // A group session stays for the others: the first member still here takes it over.
        let here = |c: Id| live.contains(&(RecordKind::Candidate, c));
        if here(self.candidate_id) {
            return false;
        }
        let Some(i) = self.group.iter().position(|g| here(*g)) else {
            return false;
        };
        self.candidate_id = self.group.remove(i);
        true
    }
    fn deletion_notes(&self, ws: &Workspace) -> Vec<String> {
        if self.group.is_empty() {
            return Vec::new();
        }
        let names: Vec<&str> = self.candidates().map(|c| candidate_name(ws, c)).collect();
        vec![format!(
            "the session for everyone taking part ({}): it is one record for all of them",
            names.join(", ")
        )]
    }
}

/// The group rules: other candidacies of the same cohort, each once. A candidacy not in this
/// copy (left out of a shared file) is not checked.
fn group_problems(a: &Activity, ws: &Workspace) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    if a.group.contains(&a.candidate_id) {
        out.push(problem(
            "group",
            format!(
                "{} is the candidate the session is filed under, so is not listed again among the others",
                candidate_name(ws, a.candidate_id)
            ),
        ));
    }
    if !crate::logic::records::unique(a.group.iter()) {
        out.push(problem(
            "group",
            "a candidate is listed twice among who takes part".into(),
        ));
    }
    if let Some(cohort) = ws.candidate(a.candidate_id).map(|c| c.cohort_id) {
        for g in &a.group {
            if ws.candidate(*g).is_some_and(|c| c.cohort_id != cohort) {
                out.push(problem(
                    "group",
                    format!(
                        "{} is in another cohort: a group session is for candidates of one cohort",
                        candidate_name(ws, *g)
                    ),
                ));
            }
        }
    }
    out
}

impl Entry for MicroAssignment {
    fn days(&self) -> Vec<Date> {
        vec![self.starts_on, self.ends_on]
    }
    crate::owned_by_candidate!();
    const FIELDS: &'static [&'static str] = &[
        "title",
        "objective",
        "scope",
        "stakeholders",
        "success_criteria",
        "starts_on+ends_on",
        "handoff",
        "status",
        "outcome",
        "metric",
    ];
    fn problems(&self, _: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if blank(&self.title) {
            out.push(problem("title", "the title is empty".into()));
        }
        if self.ends_on < self.starts_on {
            out.push(problem(
                "ends_on",
                "the timebox ends before it starts".into(),
            ));
        }
        if let Some(m) = &self.metric {
            if blank(&m.name) {
                out.push(problem(
                    "metric",
                    "the metric has values but no name: name what is measured, with its unit"
                        .into(),
                ));
            }
            if [m.before, m.after]
                .into_iter()
                .flatten()
                .any(|v| !v.is_finite())
            {
                out.push(problem("metric", "a metric value is not a number".into()));
            }
        }
        out
    }
    fn title(&self) -> String {
        self.title.clone()
    }
}

impl Entry for OneOnOne {
    fn deletion_notes(&self, ws: &Workspace) -> Vec<String> {
        let mut lines = Vec::new();
        let o = self;
        let open = o.follow_ups.iter().filter(|f| f.done_on.is_none()).count();
        if !o.follow_ups.is_empty() {
            let mut line = format!(
                "its {} follow-up{}",
                o.follow_ups.len(),
                if o.follow_ups.len() == 1 { "" } else { "s" }
            );
            if open > 0 {
                let next = super::next_one_on_one(ws, o);
                line.push_str(&match next {
                    Some(n) => format!(
                        " — {open} still open, which move{} to the 1:1 of {}",
                        if open == 1 { "s" } else { "" },
                        crate::logic::journey::day_text(n.held_on)
                    ),
                    None => {
                        format!(" — {open} still open, which will no longer come up in later 1:1s")
                    }
                });
            }
            lines.push(line);
        }
        lines
    }
    fn days(&self) -> Vec<Date> {
        vec![self.held_on]
    }
    crate::owned_by_candidate!();
    const FIELDS: &'static [&'static str] = &[
        "with_id",
        "author_id",
        "held_on",
        "agenda",
        "questions",
        "goal",
        "notes",
        "follow_ups",
    ];
    fn problems(&self, _: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if self.follow_ups.iter().any(|f| blank(&f.text)) {
            out.push(problem("follow_ups", "a follow-up has no text".into()));
        }
        let mut ids: Vec<Id> = self.follow_ups.iter().map(|f| f.id).collect();
        ids.stable_sort();
        ids.dedup();
        if ids.len() != self.follow_ups.len() {
            out.push(problem(
                "follow_ups",
                "two follow-ups have the same id".into(),
            ));
        }
        out
    }
    fn title(&self) -> String {
        format!("1:1 on {}", self.held_on)
    }
    fn title_in(&self, ws: &Workspace) -> String {
        let with = self.with_id.map_or("someone", |p| ws.person_name(p));
        format!(
            "1:1 of {} with {with} on {}",
            candidate_name(ws, self.candidate_id),
            self.held_on
        )
    }
    fn combine_field(&mut self, field: &str, theirs: &Self) -> bool {
        if field != "follow_ups" {
            return false;
        }
        // Every follow-up either side has, matched by id; ticked if either side ticked it
        // (on the earlier day); the wording stays this side's.
        for t in &theirs.follow_ups {
            match self.follow_ups.iter_mut().find(|f| f.id == t.id) {
                Some(f) => {
                    f.done_on = match (f.done_on, t.done_on) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    }
                }
                None => self.follow_ups.push(t.clone()),
            }
        }
        true
    }
    fn fresh_ids(&mut self, new_id: &mut dyn FnMut() -> Id) {
        for f in &mut self.follow_ups {
            if f.id.is_nil() {
                f.id = new_id();
            }
        }
    }
    fn forget(&mut self, gone: &HashSet<Id>) -> bool {
        forget_opt(&mut self.with_id, gone) | forget_opt(&mut self.author_id, gone)
    }
    fn fill_withheld(&self, theirs: &Self) -> Option<Self> {
        // A shared file leaves out a 1:1's notes (private to their author, see `audience`);
        // a merge of it back must not clear them.
        (theirs.notes.is_empty() && !self.notes.is_empty()).then(|| Self {
            notes: self.notes.clone(),
            ..theirs.clone()
        })
    }
    fn on_delete(ws: &mut Workspace, id: Id, now: Timestamp) {
        super::hand_on_open_follow_ups(ws, id, now);
    }
    fn field_label(field: &str) -> Option<&'static str> {
        Some(match field {
            "with_id" => "with",
            "held_on" => "day",
            "questions" => "coaching questions",
            "follow_ups" => "follow-ups",
            _ => return None,
        })
    }
    fn show(&self, field: &str, ws: &Workspace) -> Option<String> {
        match field {
            "follow_ups" if self.follow_ups.is_empty() => Some("—".into()),
            "follow_ups" => Some(
                self.follow_ups
                    .iter()
                    .map(|f| match f.done_on {
                        Some(d) => format!("{} (done {})", f.text, super::day_text(d)),
                        None => f.text.clone(),
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            "with_id" => Some(
                self.with_id
                    .map_or("—".into(), |p| ws.person_name(p).into()),
            ),
            _ => None,
        }
    }
}

impl Entry for JournalEntry {
    fn days(&self) -> Vec<Date> {
        vec![self.on]
    }
    crate::owned_by_candidate!();
    const FIELDS: &'static [&'static str] =
        &["on", "title", "body", "tags", "visibility", "author_id"];
    fn forget(&mut self, gone: &HashSet<Id>) -> bool {
        forget_opt(&mut self.author_id, gone)
    }
    fn problems(&self, _: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if blank(&self.title) {
            out.push(problem("title", "the title is empty".into()));
        }
        out
    }
    fn title(&self) -> String {
        self.title.clone()
    }
}

impl Entry for Snippet {
    const FIELDS: &'static [&'static str] = &["title", "category", "body"];
    fn problems(&self, _: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if blank(&self.title) {
            out.push(problem("title", "the title is empty".into()));
        }
        if blank(&self.body) {
            out.push(problem("body", "the text is empty".into()));
        }
        out
    }
    fn title(&self) -> String {
        self.title.clone()
    }
}

impl Entry for CaseReview {
    fn days(&self) -> Vec<Date> {
        vec![self.on]
    }
    const FIELDS: &'static [&'static str] = &[
        "on",
        "title",
        "scenario",
        "suggestions",
        "tried",
        "outcome",
        "lessons",
    ];
    fn owners(&self) -> Vec<Link> {
        vec![Link::new("cohort_id", RecordKind::Cohort, self.cohort_id)]
    }
    fn problems(&self, _: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if blank(&self.title) {
            out.push(problem("title", "the title is empty".into()));
        }
        out
    }
    fn title(&self) -> String {
        self.title.clone()
    }
}

impl Entry for Retrospective {
    const FIELDS: &'static [&'static str] = &[
        "year+quarter",
        "worked",
        "challenges",
        "try_next",
        "support",
    ];
    fn owners(&self) -> Vec<Link> {
        vec![Link::new("person_id", RecordKind::Person, self.person_id)]
    }
    fn problems(&self, _: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if !(1..=4).contains(&self.quarter) {
            out.push(problem(
                "quarter",
                "the quarter must be 1, 2, 3 or 4".into(),
            ));
        }
        if !(2000..=2100).contains(&self.year) {
            out.push(problem(
                "year",
                "the year is not between 2000 and 2100".into(),
            ));
        }
        out
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if [
            &self.worked,
            &self.challenges,
            &self.try_next,
            &self.support,
        ]
        .iter()
        .all(|t| blank(t))
        {
            out.push(problem(
                "worked",
                "the retrospective is empty: write at least one part".into(),
            ));
        }
        if ws.retros.iter().any(|o| {
            o.id != self.id
                && o.person_id == self.person_id
                && (o.year, o.quarter) == (self.year, self.quarter)
        }) {
            out.push(problem(
                "quarter",
                format!(
                    "{} already has a retrospective for {} Q{}",
                    ws.person_name(self.person_id),
                    self.year,
                    self.quarter
                ),
            ));
        }
        out
    }
    fn title(&self) -> String {
        format!("{} Q{} retrospective", self.year, self.quarter)
    }
}
