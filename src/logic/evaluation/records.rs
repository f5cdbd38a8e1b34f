//! The evaluation's records: frameworks, assessments, evidence, calibration sessions, 360
//! rounds and team health checks.

use crate::sort::StableSort as _;
use std::collections::HashSet;

use chrono::Datelike;

use super::requests::BATCH_MIN;
use super::tallies::{combine_aggregates, combine_health, health_means};
use crate::logic::records::{
    blank, candidate_name, entry_label, forget_in, forget_opt, problem, unique, Entry,
    FieldProblem, Link,
};
use crate::model::{
    Assessment, Calibration, Date, Evidence, EvidenceKind, FeedbackRound, Framework, HealthCheck,
    Id, RaterRole, RecordKind, Timestamp, Workspace, FEEDBACK_MAX, FEEDBACK_MIN, HEALTH_MAX,
    HEALTH_MIN,
};

/// Whether a link is safe to put in an `href`: web addresses only.
pub fn is_web_link(link: &str) -> bool {
    let l = link.trim().to_ascii_lowercase();
    (l.starts_with("https://") || l.starts_with("http://")) && l.len() > 8 && !l.contains(' ')
}

impl Entry for Framework {
    // Domains, levels and descriptors refer to each other, so they merge as one.
    const FIELDS: &'static [&'static str] =
        &["name", "summary", "domains+levels+descriptors", "based_on"];
    fn problems(&self, _: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if blank(&self.name) {
            out.push(problem("name", "the framework has no name".into()));
        }
        if self.domains.iter().any(|d| blank(&d.name)) {
            out.push(problem("domains", "a domain has no name".into()));
        }
        if self.levels.iter().any(|l| blank(&l.name)) {
            out.push(problem("levels", "a level has no name".into()));
        }
        if !unique(self.domains.iter().map(|d| d.id)) {
            out.push(problem("domains", "two domains have the same id".into()));
        }
        if !unique(self.levels.iter().map(|l| l.id)) {
            out.push(problem("levels", "two levels have the same id".into()));
        }
        if self
            .descriptors
            .iter()
            .any(|d| self.domain(d.domain_id).is_none() || self.level(d.level_id).is_none())
        {
            out.push(problem(
                "descriptors",
                "a descriptor names a domain or level the framework does not have".into(),
            ));
        }
        out
    }
    fn save_problems(&self, _: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if self.active_domains().next().is_none() {
            out.push(problem(
                "domains",
                "a framework needs at least one domain".into(),
            ));
        }
        if self.active_levels().count() < 2 {
            out.push(problem(
                "levels",
                "a framework needs at least two levels".into(),
            ));
        }
        let names = |v: Vec<&str>| unique(v.into_iter().map(|n| n.trim().to_lowercase()));
        if !names(self.active_domains().map(|d| d.name.as_str()).collect()) {
            out.push(problem("domains", "two domains have the same name".into()));
        }
        if !names(self.active_levels().map(|l| l.name.as_str()).collect()) {
            out.push(problem("levels", "two levels have the same name".into()));
        }
        out
    }
    fn title(&self) -> String {
        self.name.clone()
    }
    fn fresh_ids(&mut self, new_id: &mut dyn FnMut() -> Id) {
        // New parts get ids. A descriptor of a new part (nil id) can only say which part it
        // belongs to when there is one new part; with several, the editor must give them ids
        // (the browser's `new_id`), and such descriptors are left for the rules to refuse
        // rather than guessed.
        let new_domains = self.domains.iter().filter(|d| d.id.is_nil()).count();
        for d in &mut self.domains {
            if d.id.is_nil() {
                d.id = new_id();
                if new_domains == 1 {
                    for x in &mut self.descriptors {
                        if x.domain_id.is_nil() {
                            x.domain_id = d.id;
                        }
                    }
                }
            }
        }
        let new_levels = self.levels.iter().filter(|l| l.id.is_nil()).count();
        for l in &mut self.levels {
            if l.id.is_nil() {
                l.id = new_id();
                if new_levels == 1 {
                    for x in &mut self.descriptors {
                        if x.level_id.is_nil() {
                            x.level_id = l.id;
                        }
                    }
                }
            }
        }
    }
    fn delete_refusal(ws: &Workspace, id: Id) -> Option<String> {
        let (assessments, calibrations) = crate::logic::evaluation::frameworks::usage(ws, id);
        (assessments + calibrations > 0).then(|| format!(
            "This framework is in use by {assessments} assessment(s) and {calibrations} calibration(s), so deleting it would leave them unreadable. Retire its domains or levels instead, or delete those first."
        ))
    }
    fn keep_from(&mut self, old: &Self, ws: &Workspace) {
        let used = crate::logic::evaluation::frameworks::used_ids(ws, self.id);
        crate::logic::evaluation::frameworks::keep_used(self, old, &used);
    }
}

impl Entry for Assessment {
    fn days(&self) -> Vec<Date> {
        vec![self.on]
    }
    crate::owned_by_candidate!(rater_id: Person);
    const FIELDS: &'static [&'static str] = &["framework_id+ratings", "on", "rater_id", "role"];
    fn problems(&self, _ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if !unique(self.ratings.iter().map(|r| r.domain_id)) {
            out.push(problem("ratings", "a domain is rated twice".into()));
        }
        out
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let by_candidate = ws
            .candidate(self.candidate_id)
            .is_some_and(|c| c.person_id == self.rater_id);
        let role = match (self.role == RaterRole::SelfRating, by_candidate) {
            (true, false) => Some(format!(
                "a self-assessment is the candidate's own, but the rater is {}: choose the candidate as rater, or another role",
                ws.person_name(self.rater_id)
            )),
            (false, true) => Some(
                "the candidate rating themselves is a self-assessment: choose the role Self".into(),
            ),
            _ => None,
        };
        role.map(|r| problem("role", r))
            .into_iter()
            .chain(
                crate::logic::evaluation::frameworks::rating_problems(
                    ws,
                    self.candidate_id,
                    self.framework_id,
                    self.on,
                    self.ratings
                        .iter()
                        .filter_map(|r| r.level_id.map(|l| (r.domain_id, l))),
                )
                .into_iter()
                .map(|p| problem("ratings", p)),
            )
            .collect()
    }
    fn title(&self) -> String {
        format!("{} assessment on {}", self.role.label(), self.on)
    }
    fn keep_from(&mut self, old: &Self, ws: &Workspace) {
        // An editor offers only the framework's active domains: a rating of a domain retired
        // since stays as it was.
        if old.framework_id != self.framework_id {
            return;
        }
        let Some(fw) = crate::logic::evaluation::frameworks::find(ws, self.framework_id) else {
            return;
        };
        for r in &old.ratings {
            let retired = fw.domain(r.domain_id).is_some_and(|d| d.retired);
            if retired && !self.ratings.iter().any(|x| x.domain_id == r.domain_id) {
                self.ratings.push(r.clone());
            }
        }
    }
    fn title_in(&self, ws: &Workspace) -> String {
        format!(
            "{}'s assessment of {} on {}",
            ws.person_name(self.rater_id),
            candidate_name(ws, self.candidate_id),
            self.on
        )
    }
}

impl Entry for Evidence {
    fn deletion_notes(&self, ws: &Workspace) -> Vec<String> {
        let mut lines = Vec::new();
        let e = self;
        for d in crate::logic::evaluation::frameworks::unbacked_by_removing(ws, e) {
            lines.push(format!(
            "the only dated evidence for {d}, which is rated at the top level: that rating would rest on nothing"
        ));
        }
        lines
    }
    fn days(&self) -> Vec<Date> {
        self.on.into_iter().collect()
    }
    crate::owned_by_candidate!();
    const FIELDS: &'static [&'static str] = &["kind+source_id", "on", "domain_ids", "note", "link"];
    fn problems(&self, _: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if self.domain_ids.is_empty() {
            out.push(problem(
                "domain_ids",
                "the evidence is not linked to any domain".into(),
            ));
        }
        if !self.link.is_empty() && !is_web_link(&self.link) {
            out.push(problem(
                "link",
                "the link is not a web address (it must start with https:// or http://)".into(),
            ));
        }
        out
    }
    fn save_problems(&self, _: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if self.kind == EvidenceKind::Note && blank(&self.note) && self.link.is_empty() {
            out.push(problem("note", "a note needs some text or a link".into()));
        }
        // Feedback may be a 360 round or words someone said, written down as the note.
        let free_feedback = self.kind == EvidenceKind::Feedback && !blank(&self.note);
        if self.kind != EvidenceKind::Note && self.source_id.is_none() && !free_feedback {
            out.push(problem(
                "source_id",
                format!(
                    "pick the {} this evidence comes from",
                    self.kind.label().to_lowercase()
                ),
            ));
        }
        out
    }
    fn title(&self) -> String {
        if blank(&self.note) {
            format!("{} evidence", self.kind.label())
        } else {
            self.note.lines().next().unwrap_or_default().to_string()
        }
    }
    fn title_in(&self, ws: &Workspace) -> String {
        match self.source_id.and_then(|s| entry_label(ws, s)) {
            Some((_, label)) if blank(&self.note) => label,
            _ => self.title(),
        }
    }
    fn forget(&mut self, gone: &HashSet<Id>) -> bool {
        forget_opt(&mut self.source_id, gone)
    }
}

impl Entry for Calibration {
    fn deletion_notes(&self, ws: &Workspace) -> Vec<String> {
        let mut lines = Vec::new();
        let c = self;
        if !c.outcomes.is_empty() {
            lines.push(format!(
                "the {} calibrated level{} it recorded (readiness goes back to the session before)",
                c.outcomes.len(),
                if c.outcomes.len() == 1 { "" } else { "s" }
            ));
        }
        let covered = crate::logic::evaluation::calibration::covered(ws, c).len();
        if c.revealed && covered > 0 {
            lines.push(format!(
                "the reveal: {covered} assessment{} it covers become blind again",
                if covered == 1 { "" } else { "s" }
            ));
        }
        lines
    }
    fn days(&self) -> Vec<Date> {
        vec![self.on]
    }
    const FIELDS: &'static [&'static str] = &[
        "framework_id+outcomes",
        "on",
        "revealed+revealed_at",
        "participants",
        "notes",
    ];
    fn owners(&self) -> Vec<Link> {
        vec![Link::new("cohort_id", RecordKind::Cohort, self.cohort_id)]
    }
    fn problems(&self, _: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if !unique(self.outcomes.iter().map(|o| (o.candidate_id, o.domain_id))) {
            out.push(problem(
                "outcomes",
                "a candidate's domain is calibrated twice".into(),
            ));
        }
        out
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if ws.calibrations.iter().any(|o| {
            o.id != self.id
                && o.cohort_id == self.cohort_id
                && o.framework_id == self.framework_id
                && (o.on.year(), o.on.month()) == (self.on.year(), self.on.month())
        }) {
            out.push(problem(
                "on",
                format!(
                    "this cohort already has a calibration for {} with this framework",
                    self.on.format("%B %Y")
                ),
            ));
        }
        let mut candidates: Vec<Id> = self.outcomes.iter().map(|o| o.candidate_id).collect();
        candidates.stable_sort();
        candidates.dedup();
        for c in candidates {
            let rated = self
                .outcomes
                .iter()
                .filter(|o| o.candidate_id == c)
                .map(|o| (o.domain_id, o.level_id));
            for p in crate::logic::evaluation::frameworks::rating_problems(
                ws,
                c,
                self.framework_id,
                self.on,
                rated,
            ) {
                out.push(problem(
                    "outcomes",
                    format!("{}: {p}", candidate_name(ws, c)),
                ));
            }
        }
        out
    }
    fn title(&self) -> String {
        format!("Calibration on {}", self.on)
    }
    fn title_in(&self, ws: &Workspace) -> String {
        let cohort = ws
            .cohort(self.cohort_id)
            .map_or("a cohort", |c| c.name.as_str());
        format!("Calibration of {cohort} on {}", self.on)
    }
    fn rehome(&mut self, from: Id, to: Id) -> bool {
        // A merge keeps one of two candidacies of one person: their calibrated levels move
        // with them, except a domain the kept candidacy has a level for already (that stays,
        // and the merge says so).
        let mut moved = false;
        let taken: HashSet<Id> = self
            .outcomes
            .iter()
            .filter(|o| o.candidate_id == to)
            .map(|o| o.domain_id)
            .collect();
        for o in &mut self.outcomes {
            if o.candidate_id == from && !taken.contains(&o.domain_id) {
                o.candidate_id = to;
                moved = true;
            }
        }
        moved
    }
    fn forget(&mut self, gone: &HashSet<Id>) -> bool {
        let before = self.outcomes.len();
        self.outcomes.retain(|o| !gone.contains(&o.candidate_id));
        (before != self.outcomes.len()) | forget_in(&mut self.participants, gone)
    }
    fn stamp(&mut self, now: Timestamp) {
        if !self.revealed {
            self.revealed_at = None;
        } else if self.revealed_at.is_none() {
            self.revealed_at = Some(now);
        }
    }
    fn fill_withheld(&self, theirs: &Self) -> Option<Self> {
        // A candidate's file carries a session with only their own levels and no notes; a
        // merge of it back must not clear the rest. (Clearing every level of a candidate in
        // another copy is not possible in the editor, so nothing real is undone by this.)
        let mut t = theirs.clone();
        let mut filled = false;
        if t.notes.is_empty() && !self.notes.is_empty() {
            t.notes = self.notes.clone();
            filled = true;
        }
        let theirs_have: std::collections::HashSet<Id> =
            t.outcomes.iter().map(|o| o.candidate_id).collect();
        for o in &self.outcomes {
            if !theirs_have.contains(&o.candidate_id) {
                t.outcomes.push(o.clone());
                filled = true;
            }
        }
        filled.then_some(t)
    }
}

impl Entry for FeedbackRound {
    fn deletion_notes(&self, _ws: &Workspace) -> Vec<String> {
        let mut lines = Vec::new();
        let n = self.response_count();
        if n > 0 {
            lines.push(format!(
                "its {n} response{} (they are not kept anywhere else)",
                if n == 1 { "" } else { "s" }
            ));
        }
        lines
    }
    fn days(&self) -> Vec<Date> {
        vec![self.opened_on]
    }
    crate::owned_by_candidate!();
    const FIELDS: &'static [&'static str] =
        &["title", "opened_on", "questions", "responses", "aggregates"];
    fn problems(&self, _: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if blank(&self.title) {
            out.push(problem("title", "the round has no title".into()));
        }
        if self.questions.is_empty() || self.questions.iter().any(|q| blank(&q.text)) {
            out.push(problem(
                "questions",
                "every question needs its text, and a round at least one".into(),
            ));
        }
        if !unique(self.questions.iter().map(|q| q.id)) {
            out.push(problem(
                "questions",
                "two questions have the same id".into(),
            ));
        }
        if !unique(self.responses.iter().map(|r| r.id)) {
            out.push(problem(
                "responses",
                "two responses have the same id".into(),
            ));
        }
        if self
            .responses
            .iter()
            .flat_map(|r| r.answers.iter().filter_map(|a| a.score))
            .any(|s| !(FEEDBACK_MIN..=FEEDBACK_MAX).contains(&s))
        {
            out.push(problem(
                "responses",
                format!("an answer is outside the scale {FEEDBACK_MIN}–{FEEDBACK_MAX}"),
            ));
        }
        out.extend(aggregate_problems(self));
        out
    }
    fn save_problems(&self, _: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if self
            .responses
            .iter()
            .any(|r| r.answers.iter().all(|a| a.score.is_none()) && blank(&r.comment))
        {
            out.push(problem("responses",
                "a response has no answers and no comment: score at least one question or write a comment".into(),
            ));
        }
        out
    }
    fn title(&self) -> String {
        self.title.clone()
    }
    fn combine_field(&mut self, field: &str, theirs: &Self) -> bool {
        if field == "aggregates" {
            // Totals imported in either copy: added up when they share no response, the
            // larger kept when one holds the other; otherwise the person chooses.
            return match combine_aggregates(&self.aggregates, &theirs.aggregates) {
                Some(a) => {
                    self.aggregates = a;
                    true
                }
                None => false,
            };
        }
        if field != "responses" {
            return false;
        }
        // Responses entered in either copy, matched by id.
        for t in &theirs.responses {
            if !self.responses.iter().any(|r| r.id == t.id) {
                self.responses.push(t.clone());
            }
        }
        true
    }
    fn fresh_ids(&mut self, new_id: &mut dyn FnMut() -> Id) {
        for q in &mut self.questions {
            if q.id.is_nil() {
                q.id = new_id();
            }
        }
        for r in &mut self.responses {
            if r.id.is_nil() {
                r.id = new_id();
            }
        }
    }
}

/// A 360 round's imported totals: one per group, each from at least [`BATCH_MIN`] responses,
/// about the round's own questions, counting no more answers than responses.
fn aggregate_problems(r: &FeedbackRound) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    if !unique(r.aggregates.iter().map(|a| a.group)) {
        out.push(problem(
            "aggregates",
            "a group's imported totals appear twice".into(),
        ));
    }
    for (i, a) in r.aggregates.iter().enumerate() {
        let at = format!("aggregates[{i}]");
        if (a.responses as usize) < BATCH_MIN {
            out.push(problem(
                &at,
                format!("imported totals must come from at least {BATCH_MIN} responses"),
            ));
        }
        if a.questions
            .iter()
            .any(|q| !r.questions.iter().any(|x| x.id == q.question_id))
        {
            out.push(problem(
                &at,
                "imported totals answer a question the round does not ask".into(),
            ));
        }
        if a.questions
            .iter()
            .any(|q| q.counts.iter().sum::<u32>() > a.responses)
            || !unique(a.questions.iter().map(|q| q.question_id))
        {
            out.push(problem(
                &at,
                "imported totals count more answers than responses".into(),
            ));
        }
    }
    out
}

impl Entry for HealthCheck {
    fn days(&self) -> Vec<Date> {
        vec![self.on]
    }
    fn fill_withheld(&self, theirs: &Self) -> Option<Self> {
        // The sponsor's and the candidate's files leave the team's comments out (see
        // `audience`); a merge of such a file back must not clear them.
        let (Some(mine), Some(their)) = (&self.tally, &theirs.tally) else {
            return None;
        };
        let same = (mine.request_id, mine.responses) == (their.request_id, their.responses);
        (same && their.comments.is_empty() && !mine.comments.is_empty()).then(|| {
            let mut t = theirs.clone();
            if let Some(x) = &mut t.tally {
                x.comments = mine.comments.clone();
            }
            t
        })
    }
    crate::owned_by_candidate!();
    // A check made from response files works its scores and count out of its totals: the
    // three merge as one.
    const FIELDS: &'static [&'static str] = &["on", "team", "scores+answered+tally", "note"];
    fn problems(&self, _: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if self.scores.is_empty() {
            out.push(problem("scores", "the check has no scores".into()));
        }
        let (low, high) = (f32::from(HEALTH_MIN), f32::from(HEALTH_MAX));
        if self
            .scores
            .iter()
            .any(|s| !s.score.is_finite() || s.score < low || s.score > high)
        {
            out.push(problem(
                "scores",
                format!("a score is outside the scale {HEALTH_MIN}–{HEALTH_MAX}"),
            ));
        }
        if !unique(self.scores.iter().map(|s| s.dimension)) {
            out.push(problem("scores", "a dimension is scored twice".into()));
        }
        if let Some(t) = &self.tally {
            if (t.responses as usize) < BATCH_MIN {
                out.push(problem(
                    "tally",
                    format!("imported answers must come from at least {BATCH_MIN} responses"),
                ));
            }
            if t.dimensions
                .iter()
                .any(|d| d.counts.iter().sum::<u32>() > t.responses)
                || !unique(t.dimensions.iter().map(|d| d.dimension))
            {
                out.push(problem(
                    "tally",
                    "the imported totals count more answers than responses".into(),
                ));
            }
        }
        out
    }
    fn combine_field(&mut self, field: &str, theirs: &Self) -> bool {
        if field != "scores+answered+tally" {
            return false;
        }
        let (Some(m), Some(t)) = (&self.tally, &theirs.tally) else {
            return false;
        };
        let Some(combined) = combine_health(m, t) else {
            return false;
        };
        self.scores = health_means(&combined);
        self.answered = Some(combined.responses);
        self.tally = Some(combined);
        true
    }
    fn title(&self) -> String {
        format!("Team health check on {}", self.on)
    }
    fn title_in(&self, ws: &Workspace) -> String {
        format!(
            "Team health check for {} on {}",
            candidate_name(ws, self.candidate_id),
            self.on
        )
    }
}
