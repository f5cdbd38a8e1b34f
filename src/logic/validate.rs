//! Whole-workspace checks: the rules a file must meet before it replaces anything.
//! Each problem names the place in the file, e.g. `candidates[2].person_id`.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::logic::entries::{all_entry_ids, each_kind, owner_exists, Entry, ListVisitor, Owner};
use crate::model::{Id, PhaseKind, Workspace};

/// Most hours a week a candidate can have protected for the program.
pub const MAX_PROTECTED_HOURS: f32 = 40.0;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where in the file, e.g. `cohorts[0].phases[2].ends_on`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn report(&mut self, path: String, message: impl Into<String>) {
        self.problems.push(Problem {
            path,
            message: message.into(),
        });
    }

    /// Reports ids seen twice in one list.
    fn unique_ids(&mut self, list: &str, ids: impl Iterator<Item = Id>) {
        let mut seen: HashMap<Id, usize> = HashMap::new();
        for (i, id) in ids.enumerate() {
            if let Some(first) = seen.insert(id, i) {
                self.report(
                    format!("{list}[{i}].id"),
                    format!("the same id as {list}[{first}] ({id})"),
                );
            }
        }
    }

    fn not_blank(&mut self, path: String, text: &str, what: &str) {
        if text.trim().is_empty() {
            self.report(path, format!("{what} is empty"));
        }
    }
}

/// Checks every rule; returns all problems found (empty when the workspace is sound).
pub fn validate(ws: &Workspace) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    let people: HashSet<Id> = ws.people.iter().map(|p| p.id).collect();
    let cohorts: HashSet<Id> = ws.cohorts.iter().map(|c| c.id).collect();

    c.unique_ids("people", ws.people.iter().map(|p| p.id));
    for (i, p) in ws.people.iter().enumerate() {
        c.not_blank(format!("people[{i}].name"), &p.name, "the name");
        if let Some(email) = &p.email {
            if !email.is_empty() && !email.contains('@') {
                c.report(format!("people[{i}].email"), "not an email address");
            }
        }
        if let (Some(joined), Some(left)) = (p.joined_on, p.left_on) {
            if left < joined {
                c.report(format!("people[{i}].left_on"), "before the day they joined");
            }
        }
    }

    c.unique_ids("cohorts", ws.cohorts.iter().map(|c| c.id));
    for (i, cohort) in ws.cohorts.iter().enumerate() {
        let at = format!("cohorts[{i}]");
        c.not_blank(format!("{at}.name"), &cohort.name, "the name");
        if let Some(sponsor) = cohort.sponsor_id {
            if !people.contains(&sponsor) {
                c.report(
                    format!("{at}.sponsor_id"),
                    format!("no person has the id {sponsor}"),
                );
            }
        }
        let mut coaches = HashSet::new();
        for (j, coach) in cohort.coach_ids.iter().enumerate() {
            if !people.contains(coach) {
                c.report(
                    format!("{at}.coach_ids[{j}]"),
                    format!("no person has the id {coach}"),
                );
            } else if !coaches.insert(coach) {
                c.report(format!("{at}.coach_ids[{j}]"), "this coach is listed twice");
            }
        }
        let kinds: Vec<PhaseKind> = cohort.phases.iter().map(|p| p.kind).collect();
        if kinds != PhaseKind::ALL {
            c.report(
                format!("{at}.phases"),
                "expected the four phases in order: prepare, shadow, practice, lead_with_support",
            );
        }
        for (j, phase) in cohort.phases.iter().enumerate() {
            if phase.ends_on < phase.starts_on {
                c.report(
                    format!("{at}.phases[{j}].ends_on"),
                    "before the phase starts",
                );
            }
            if j > 0 && phase.starts_on <= cohort.phases[j - 1].ends_on {
                c.report(
                    format!("{at}.phases[{j}].starts_on"),
                    "overlaps the phase before it",
                );
            }
        }
        c.unique_ids(
            &format!("{at}.success_signals"),
            cohort.success_signals.iter().map(|s| s.id),
        );
        for (j, signal) in cohort.success_signals.iter().enumerate() {
            c.not_blank(
                format!("{at}.success_signals[{j}].text"),
                &signal.text,
                "the text",
            );
        }
    }

    c.unique_ids("candidates", ws.candidates.iter().map(|c| c.id));
    let mut enrolled: HashMap<(Id, Id), usize> = HashMap::new();
    for (i, cand) in ws.candidates.iter().enumerate() {
        let at = format!("candidates[{i}]");
        if !cohorts.contains(&cand.cohort_id) {
            c.report(
                format!("{at}.cohort_id"),
                format!("no cohort has the id {}", cand.cohort_id),
            );
        }
        if !people.contains(&cand.person_id) {
            c.report(
                format!("{at}.person_id"),
                format!("no person has the id {}", cand.person_id),
            );
        }
        if let Some(first) = enrolled.insert((cand.cohort_id, cand.person_id), i) {
            c.report(
                format!("{at}.person_id"),
                format!(
                    "this person is already a candidate in the same cohort (candidates[{first}])"
                ),
            );
        }
        let h = cand.protected_hours_per_week;
        if !h.is_finite() || !(0.0..=MAX_PROTECTED_HOURS).contains(&h) {
            c.report(
                format!("{at}.protected_hours_per_week"),
                format!("must be between 0 and {MAX_PROTECTED_HOURS} hours"),
            );
        }
    }
    for (i, cohort) in ws.cohorts.iter().enumerate() {
        let at = format!("cohorts[{i}]");
        c.unique_ids(
            &format!("{at}.scenarios"),
            cohort.scenarios.iter().map(|s| s.id),
        );
        for (j, s) in cohort.scenarios.iter().enumerate() {
            c.not_blank(format!("{at}.scenarios[{j}].title"), &s.title, "the title");
        }
        let w = &cohort.week;
        if !(w.assignment_hours_min.is_finite()
            && w.assignment_hours_max.is_finite()
            && w.assignment_hours_min >= 0.0
            && w.assignment_hours_min <= w.assignment_hours_max)
        {
            c.report(
                format!("{at}.week"),
                "micro-assignment hours must be a range from a smaller to a larger number",
            );
        }
    }
    {
        struct Entries<'a> {
            ws: &'a Workspace,
            c: &'a mut Checker,
        }
        impl ListVisitor for Entries<'_> {
            fn visit<T: Entry>(&mut self) {
                let list = T::list(self.ws);
                self.c.unique_ids(T::LIST, list.iter().map(Entry::id));
                for (i, r) in list.iter().enumerate() {
                    let at = format!("{}[{i}]", T::LIST);
                    if !owner_exists(self.ws, r.owner()) {
                        let (field, what) = match r.owner() {
                            Owner::Candidate(id) => {
                                ("candidate_id", format!("no candidate has the id {id}"))
                            }
                            Owner::Cohort(id) => {
                                ("cohort_id", format!("no cohort has the id {id}"))
                            }
                            Owner::Person(id) => {
                                ("person_id", format!("no person has the id {id}"))
                            }
                            Owner::Organisation => ("id", String::new()),
                        };
                        self.c.report(format!("{at}.{field}"), what);
                    }
                    for (field, problem) in r.problems(self.ws) {
                        self.c.report(format!("{at}.{field}"), problem);
                    }
                }
            }
        }
        let mut v = Entries { ws, c: &mut c };
        each_kind(&mut v);
    }
    let mut live: HashSet<Id> = people
        .iter()
        .chain(cohorts.iter())
        .copied()
        .chain(ws.candidates.iter().map(|c| c.id))
        .collect();
    live.extend(all_entry_ids(ws));
    for (i, t) in ws.deleted.iter().enumerate() {
        if live.contains(&t.id) {
            c.report(
                format!("deleted[{i}].id"),
                format!(
                    "the {} {} is marked deleted but still present",
                    t.kind.name(),
                    t.id
                ),
            );
        }
    }
    c.problems
}
