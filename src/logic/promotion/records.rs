//! The rules of the promotion kinds: cases, documents, letters and debrief reads.

use std::collections::HashSet;

use crate::logic::journey::day_text;
use crate::logic::records::{
    blank, forget_in, forget_opt, problem, unique, Entry, FieldProblem, Link,
};
use crate::model::*;

impl Entry for PromotionCase {
    const FIELDS: &'static [&'static str] = &[
        "from_level+to_level",
        "sponsor_id",
        "skip_level_reason",
        "eligible_on",
        "cycle",
        "steps",
        "slots",
        "debrief",
        "reasons",
        "plan",
        "sponsor_lesson",
    ];
    fn owners(&self) -> Vec<Link> {
        vec![Link::new("person_id", RecordKind::Person, self.person_id)]
    }
    fn problems(&self, _ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if !self.to_level.is_manager() {
            out.push(problem(
                "to_level",
                format!(
                    "a promotion case on the management track goes to a manager level (M1–M3), not {}",
                    self.to_level.code()
                ),
            ));
        } else if self.to_level <= self.from_level {
            out.push(problem(
                "to_level",
                format!(
                    "a promotion goes up: {} is not above {}",
                    self.to_level.code(),
                    self.from_level.code()
                ),
            ));
        }
        if self.steps.windows(2).any(|w| w[1].on < w[0].on) {
            out.push(problem("steps", "the steps are not in date order".into()));
        }
        if !unique(self.slots.iter().map(|s| s.id)) || !unique(self.plan.iter().map(|g| g.id)) {
            out.push(problem("slots", "two parts share an id".into()));
        }
        if self.slots.iter().any(|s| s.kind == LetterKind::Sponsor) {
            out.push(problem(
                "slots",
                "the sponsor's letter is written here, not asked for in a slot".into(),
            ));
        }
        if self.sponsor_id == Some(self.person_id) {
            out.push(problem(
                "sponsor_id",
                "the applicant cannot sponsor their own case".into(),
            ));
        }
        out
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if !self.status().is_closed()
            && ws.promotions.iter().any(|o| {
                o.id != self.id && o.person_id == self.person_id && !o.status().is_closed()
            })
        {
            out.push(problem(
                "person_id",
                format!(
                    "{} already has a case in progress: finish or withdraw it first",
                    ws.person_name(self.person_id)
                ),
            ));
        }
        if let (Some(s), Some(m)) = (self.sponsor_id, super::direct_manager(ws, self.person_id)) {
            if s != m && blank(&self.skip_level_reason) {
                out.push(problem(
                    "skip_level_reason",
                    format!(
                        "{} is not their direct manager ({} manages their team): a skip-level sponsor needs a reason",
                        ws.person_name(s),
                        ws.person_name(m)
                    ),
                ));
            }
        }
        if self.sponsor_id.is_none() {
            out.push(problem(
                "sponsor_id",
                "choose the sponsor: normally their direct manager".into(),
            ));
        }
        for (i, s) in self.slots.iter().enumerate() {
            if let (Some(a), Some(d)) = (s.requested_on, s.due_on) {
                if d < a {
                    out.push(problem(
                        format!("slots[{i}].due_on"),
                        format!(
                            "the letter is due before it was asked for ({})",
                            day_text(a)
                        ),
                    ));
                }
            }
        }
        if self.debrief.revealed {
            if let Some(why) = super::reveal_refusal(ws, self) {
                // Revealing is refused until every read is in; once revealed it stays.
                let was = ws
                    .promotions
                    .iter()
                    .find(|o| o.id == self.id)
                    .is_some_and(|o| o.debrief.revealed);
                if !was {
                    out.push(problem("debrief", why));
                }
            }
        }
        out
    }
    fn fill_withheld(&self, theirs: &Self) -> Option<Self> {
        // The applicant's file leaves out the sponsor's lesson and the discussion notes: a
        // merge of it back keeps them.
        let lesson = blank(&theirs.sponsor_lesson) && !blank(&self.sponsor_lesson);
        let notes = blank(&theirs.debrief.notes) && !blank(&self.debrief.notes);
        if !lesson && !notes {
            return None;
        }
        let mut t = theirs.clone();
        if lesson {
            t.sponsor_lesson = self.sponsor_lesson.clone();
        }
        if notes {
            t.debrief.notes = self.debrief.notes.clone();
        }
        Some(t)
    }
    fn stamp(&mut self, now: Timestamp) {
        if !self.debrief.revealed {
            self.debrief.revealed_at = None;
        } else if self.debrief.revealed_at.is_none() {
            self.debrief.revealed_at = Some(now);
        }
    }
    fn title(&self) -> String {
        format!(
            "Promotion case {} → {}",
            self.from_level.code(),
            self.to_level.code()
        )
    }
    fn title_in(&self, ws: &Workspace) -> String {
        format!(
            "{}: promotion case {} → {}",
            ws.person_name(self.person_id),
            self.from_level.code(),
            self.to_level.code()
        )
    }
    fn field_label(field: &str) -> Option<&'static str> {
        Some(match field {
            "from_level+to_level" => "levels",
            "sponsor_id" => "sponsor",
            "skip_level_reason" => "reason for a skip-level sponsor",
            "eligible_on" => "eligible since",
            "cycle" => "target cycle",
            "slots" => "letter slots",
            "plan" => "plan to close the gaps",
            "sponsor_lesson" => "sponsor's lesson",
            "reasons" => "decision's reasons",
            _ => return None,
        })
    }
    fn show(&self, field: &str, ws: &Workspace) -> Option<String> {
        Some(match field {
            "from_level+to_level" => {
                format!("{} → {}", self.from_level.code(), self.to_level.code())
            }
            "sponsor_id" => self
                .sponsor_id
                .map_or("—".into(), |p| ws.person_name(p).to_string()),
            "steps" => self
                .steps
                .iter()
                .map(|s| format!("{} ({})", s.status.label(), s.on))
                .collect::<Vec<_>>()
                .join(", "),
            "slots" => format!("{} slots", self.slots.len()),
            "plan" => format!("{} gaps", self.plan.len()),
            "debrief" => format!(
                "{} participants{}",
                self.debrief.participants.len(),
                if self.debrief.revealed {
                    ", revealed"
                } else {
                    ""
                }
            ),
            _ => return None,
        })
    }
    fn not_after_today(&self) -> Vec<(&'static str, Date)> {
        // A step is taken, not planned: the newest cannot be ahead of today (the debrief's
        // day and the eligibility may be).
        self.steps
            .last()
            .map(|s| ("on", s.on))
            .into_iter()
            .collect()
    }
    fn days(&self) -> Vec<Date> {
        let mut d: Vec<Date> = self.steps.iter().map(|s| s.on).collect();
        d.extend(self.eligible_on);
        d.extend(self.debrief.on);
        d
    }
    fn forget(&mut self, gone: &HashSet<Id>) -> bool {
        let mut changed = forget_opt(&mut self.sponsor_id, gone);
        changed |= forget_in(&mut self.debrief.participants, gone);
        for s in &mut self.steps {
            changed |= forget_opt(&mut s.by, gone);
        }
        for g in &mut self.plan {
            changed |= forget_opt(&mut g.owner_id, gone);
        }
        changed
    }
}

impl Entry for PromotionDocument {
    const FIELDS: &'static [&'static str] = &[
        "background",
        "intent",
        "alignment",
        "projects",
        "technical",
        "mentoring",
        "mentees",
        "scope",
        "cross_functional",
        "values",
        "summary",
    ];
    fn owners(&self) -> Vec<Link> {
        vec![Link::new("case_id", RecordKind::Promotion, self.case_id)]
    }
    fn problems(&self, _ws: &Workspace) -> Vec<FieldProblem> {
        if unique(self.projects.iter().map(|p| p.id)) {
            Vec::new()
        } else {
            vec![problem("projects", "two projects share an id".into())]
        }
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if ws
            .promotion_documents
            .iter()
            .any(|d| d.id != self.id && d.case_id == self.case_id)
        {
            out.push(problem(
                "case_id",
                "this case has its document already: edit that one".into(),
            ));
        }
        for (i, p) in self.projects.iter().enumerate() {
            if blank(&p.title) {
                out.push(problem(
                    format!("projects[{i}].title"),
                    "give the project a title".into(),
                ));
            }
        }
        for (i, m) in self.mentees.iter().enumerate() {
            if blank(&m.name) {
                out.push(problem(
                    format!("mentees[{i}].name"),
                    "name the person (or take the line out)".into(),
                ));
            }
        }
        out
    }
    fn title(&self) -> String {
        "Promotion document".into()
    }
    fn title_in(&self, ws: &Workspace) -> String {
        let who =
            super::case(ws, self.case_id).map_or("(unknown case)", |c| ws.person_name(c.person_id));
        format!("{who}: promotion document")
    }
    fn field_label(field: &str) -> Option<&'static str> {
        super::SECTIONS
            .iter()
            .find(|s| s.field == field)
            .map(|s| s.title)
            .or(match field {
                "projects" => Some("selected projects"),
                "mentees" => Some("people mentored"),
                _ => None,
            })
    }
    fn show(&self, field: &str, _ws: &Workspace) -> Option<String> {
        Some(match field {
            "projects" => self
                .projects
                .iter()
                .map(|p| p.title.clone())
                .collect::<Vec<_>>()
                .join(", "),
            "mentees" => self
                .mentees
                .iter()
                .map(|m| format!("{} ({})", m.name, m.kind.label()))
                .collect::<Vec<_>>()
                .join(", "),
            _ => return None,
        })
    }
    fn fresh_ids(&mut self, new_id: &mut dyn FnMut() -> Id) {
        for p in &mut self.projects {
            if p.id.is_nil() {
                p.id = new_id();
            }
        }
    }
}

impl Entry for Letter {
    const FIELDS: &'static [&'static str] =
        &["kind", "slot_id", "writer", "role", "body", "written_on"];
    fn owners(&self) -> Vec<Link> {
        let mut out = vec![Link::new("case_id", RecordKind::Promotion, self.case_id)];
        if let Some(w) = self.writer_id {
            out.push(Link::new("writer_id", RecordKind::Person, w));
        }
        out
    }
    fn problems(&self, _ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if blank(&self.body) {
            out.push(problem("body", "the letter is empty".into()));
        }
        if blank(&self.writer) {
            out.push(problem(
                "writer",
                "the letter is not signed with a name".into(),
            ));
        }
        if (self.kind == LetterKind::Sponsor) != self.slot_id.is_none() {
            out.push(problem(
                "slot_id",
                "a letter fills a slot, and only the sponsor's letter has none".into(),
            ));
        }
        out
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        let Some(c) = super::case(ws, self.case_id) else {
            return out;
        };
        if c.status().is_closed() {
            out.push(problem(
                "case_id",
                format!(
                    "this case was closed ({} on {}): letters are no longer added or changed",
                    c.status().label().to_lowercase(),
                    c.steps.last().map_or("—".into(), |s| day_text(s.on))
                ),
            ));
        }
        if let Some(slot) = self.slot_id {
            if !c.slots.iter().any(|s| s.id == slot) {
                out.push(problem(
                    "slot_id",
                    "the slot this letter was asked for is no longer in the case".into(),
                ));
            }
        }
        if self.kind == LetterKind::Sponsor
            && ws.letters.iter().any(|l| {
                l.id != self.id && l.case_id == self.case_id && l.kind == LetterKind::Sponsor
            })
        {
            out.push(problem(
                "kind",
                "the case has its sponsor's letter already: edit that one".into(),
            ));
        }
        out
    }
    fn title(&self) -> String {
        format!("Letter from {}", self.writer.trim())
    }
    fn title_in(&self, ws: &Workspace) -> String {
        let who =
            super::case(ws, self.case_id).map_or("(unknown case)", |c| ws.person_name(c.person_id));
        format!("{who}: letter from {}", self.writer.trim())
    }
    fn field_label(field: &str) -> Option<&'static str> {
        Some(match field {
            "written_on" => "written on",
            "body" => "letter",
            _ => return None,
        })
    }
    fn show(&self, field: &str, _ws: &Workspace) -> Option<String> {
        (field == "kind").then(|| self.kind.short().to_string())
    }
    fn days(&self) -> Vec<Date> {
        vec![self.written_on]
    }
    fn not_after_today(&self) -> Vec<(&'static str, Date)> {
        vec![("written_on", self.written_on)]
    }
}

impl Entry for DebriefRead {
    const FIELDS: &'static [&'static str] = &["verdict", "why"];
    fn owners(&self) -> Vec<Link> {
        vec![
            Link::new("case_id", RecordKind::Promotion, self.case_id),
            Link::new("reader_id", RecordKind::Person, self.reader_id),
        ]
    }
    fn problems(&self, _ws: &Workspace) -> Vec<FieldProblem> {
        Vec::new()
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if blank(&self.why) {
            out.push(problem(
                "why",
                "say why, in your own words: the debrief starts from it".into(),
            ));
        }
        let Some(c) = super::case(ws, self.case_id) else {
            return out;
        };
        if !c.debrief.participants.contains(&self.reader_id) {
            out.push(problem(
                "reader_id",
                format!(
                    "{} is not a participant of this debrief",
                    ws.person_name(self.reader_id)
                ),
            ));
        }
        if c.debrief.revealed {
            out.push(problem(
                "verdict",
                "the reads were revealed: a read no longer changes (say what changed your mind in the discussion notes)".into(),
            ));
        }
        if !matches!(c.status(), CaseStatus::Submitted | CaseStatus::Debrief) {
            out.push(problem(
                "case_id",
                format!(
                    "reads are recorded once the package is submitted, and this case is “{}”",
                    c.status().label()
                ),
            ));
        }
        if ws
            .debrief_reads
            .iter()
            .any(|r| r.id != self.id && r.case_id == self.case_id && r.reader_id == self.reader_id)
        {
            out.push(problem(
                "reader_id",
                "this participant has recorded a read already: edit that one".into(),
            ));
        }
        out
    }
    fn title(&self) -> String {
        format!("Debrief read: {}", self.verdict.label())
    }
    fn title_in(&self, ws: &Workspace) -> String {
        format!("{}'s debrief read", ws.person_name(self.reader_id))
    }
}
