//! The journey's own records (references, scorecards, activities, micro-assignments, 1:1s,
//! journal entries, snippets, case reviews, retrospectives, and the evaluation's frameworks,
//! assessments, evidence, calibrations, 360 rounds and team health checks) handled in one way: the [`Entry`]
//! trait gives each its list in the workspace, its owner and its rules, so saving, deleting,
//! validating, merging and scoping need no code per type.
//!
//! References between records come in two strengths:
//! - **owner** (`candidate_id`, `cohort_id`, a retro's `person_id`, an interviewer): the record
//!   cannot exist without it; deleting the owner deletes the record (with a tombstone);
//! - **soft** (participants, "nominated by", the other person in a 1:1, evidence links, journal
//!   picks, the assignment an activity worked on): may point at something not in this copy
//!   (left out of a shared file, or deleted) and is shown as such; never a validation error.

use serde::de::DeserializeOwned;
use serde::Serialize;

use chrono::Datelike;

use crate::model::{
    Activity, ActivityKind, Assessment, Assignment, Calibration, CaseReview, Evidence,
    EvidenceKind, FeedbackRound, Framework, HealthCheck, Id, Interview, JournalEntry, OneOnOne,
    RaterRole, RecordKind, Reference, Retro, Snippet, Timestamp, Workspace, FEEDBACK_MAX,
    FEEDBACK_MIN, HEALTH_MAX, HEALTH_MIN, SCORE_MAX, SCORE_MIN,
};

/// What a record belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    Candidate(Id),
    Cohort(Id),
    Person(Id),
    Organisation,
}

/// A journey record type.
pub trait Entry: Clone + PartialEq + Serialize + DeserializeOwned {
    const KIND: RecordKind;
    /// The fields a person edits, by their name in the file (for merge conflicts).
    const FIELDS: &'static [&'static str];
    fn id(&self) -> Id;
    fn set_id(&mut self, id: Id);
    fn created_at(&self) -> Timestamp;
    fn set_created_at(&mut self, at: Timestamp);
    fn updated_at(&self) -> Timestamp;
    fn set_updated_at(&mut self, at: Timestamp);
    fn bases(&self) -> &[Timestamp];
    fn bases_mut(&mut self) -> &mut Vec<Timestamp>;
    fn list(ws: &Workspace) -> &Vec<Self>;
    fn list_mut(ws: &mut Workspace) -> &mut Vec<Self>;
    /// The key of this list in the file (`activities`).
    const LIST: &'static str;
    fn owner(&self) -> Owner;
    /// Rules beyond the owner existing: `(field, problem)` pairs, empty when sound.
    fn problems(&self, ws: &Workspace) -> Vec<(&'static str, String)>;
    /// A short name for lists and merge previews.
    fn title(&self) -> String;
    /// The days the record is dated by, for the plausibility check on save.
    fn days(&self) -> Vec<crate::model::Date> {
        Vec::new()
    }
    /// Rules checked only when a record is saved here, not when a file is loaded: two copies
    /// may each have made one (two scorecards by one interviewer), and a merge keeps both.
    fn save_problems(&self, _ws: &Workspace) -> Vec<(&'static str, String)> {
        Vec::new()
    }
    /// A name that can use the workspace (people's names) for previews.
    fn title_in(&self, _ws: &Workspace) -> String {
        self.title()
    }
    /// Settles a field both copies changed without asking, when the two can be combined
    /// (a 1:1's follow-ups: each side's additions and ticks). Returns whether it did.
    fn combine_field(&mut self, _field: &str, _theirs: &Self) -> bool {
        false
    }
    /// Gives new parts (a 1:1's new follow-ups) their ids.
    fn fresh_ids(&mut self, _new_id: &mut dyn FnMut() -> Id) {}
    /// Carries over from the saved version what an edit must not drop (a framework's domains
    /// and levels that ratings use).
    fn keep_from(&mut self, _old: &Self, _ws: &Workspace) {}
    /// Sets what the save itself decides (when a calibration was revealed).
    fn stamp(&mut self, _now: Timestamp) {}
    /// `theirs` with what a scoped file withheld from them filled in from this version (a
    /// calibration's notes and other candidates' levels), or `None` when nothing was withheld.
    fn fill_withheld(&self, _theirs: &Self) -> Option<Self> {
        None
    }
    /// People the record cannot exist without besides its owner (an interviewer).
    fn helpers(&self) -> Vec<Id> {
        Vec::new()
    }
    /// Moves the record from candidacy `from` to `to` (when two copies enrolled the same person
    /// separately and a merge keeps one); returns whether it moved.
    fn rehome(&mut self, _from: Id, _to: Id) -> bool {
        false
    }
    /// Clears soft references to `gone`; returns whether anything changed.
    fn forget(&mut self, _gone: Id) -> bool {
        false
    }
}

macro_rules! entry_common {
    ($kind:ident, $list:ident) => {
        const KIND: RecordKind = RecordKind::$kind;
        const LIST: &'static str = stringify!($list);
        fn id(&self) -> Id {
            self.id
        }
        fn set_id(&mut self, id: Id) {
            self.id = id;
        }
        fn created_at(&self) -> Timestamp {
            self.created_at
        }
        fn set_created_at(&mut self, at: Timestamp) {
            self.created_at = at;
        }
        fn updated_at(&self) -> Timestamp {
            self.updated_at
        }
        fn set_updated_at(&mut self, at: Timestamp) {
            self.updated_at = at;
        }
        fn bases(&self) -> &[Timestamp] {
            &self.merge_bases
        }
        fn bases_mut(&mut self) -> &mut Vec<Timestamp> {
            &mut self.merge_bases
        }
        fn list(ws: &Workspace) -> &Vec<Self> {
            &ws.$list
        }
        fn list_mut(ws: &mut Workspace) -> &mut Vec<Self> {
            &mut ws.$list
        }
    };
}

/// The name of a candidate's person, for titles.
fn candidate_name(ws: &Workspace, candidate_id: Id) -> &str {
    ws.candidate_name(candidate_id)
        .unwrap_or("(unknown candidate)")
}

/// The owner of a record kept per candidacy, and moving it to another candidacy.
macro_rules! owned_by_candidate {
    () => {
        fn owner(&self) -> Owner {
            Owner::Candidate(self.candidate_id)
        }
        fn rehome(&mut self, from: Id, to: Id) -> bool {
            let moves = self.candidate_id == from;
            if moves {
                self.candidate_id = to;
            }
            moves
        }
    };
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

fn forget_in(list: &mut Vec<Id>, gone: Id) -> bool {
    let before = list.len();
    list.retain(|i| *i != gone);
    list.len() != before
}

fn forget_opt(slot: &mut Option<Id>, gone: Id) -> bool {
    if *slot == Some(gone) {
        *slot = None;
        true
    } else {
        false
    }
}

impl Entry for Reference {
    fn days(&self) -> Vec<crate::model::Date> {
        self.on.into_iter().collect()
    }
    owned_by_candidate!();
    entry_common!(Reference, references);
    const FIELDS: &'static [&'static str] = &[
        "who",
        "relation",
        "collaboration",
        "curiosity",
        "ownership",
        "on",
    ];
    fn problems(&self, _: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if blank(&self.who) {
            out.push(("who", "who gave the reference is empty".into()));
        }
        out
    }
    fn title(&self) -> String {
        format!("Reference from {}", self.who)
    }
    fn title_in(&self, ws: &Workspace) -> String {
        format!(
            "Reference from {} for {}",
            self.who,
            candidate_name(ws, self.candidate_id)
        )
    }
}

impl Entry for Interview {
    fn days(&self) -> Vec<crate::model::Date> {
        self.held_on.into_iter().collect()
    }
    owned_by_candidate!();
    entry_common!(Interview, interviews);
    const FIELDS: &'static [&'static str] = &["interviewer_id", "held_on", "answers"];
    fn problems(&self, ws: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if ws.person(self.interviewer_id).is_none() {
            out.push((
                "interviewer_id",
                format!("no person has the id {}", self.interviewer_id),
            ));
        }
        if self
            .answers
            .iter()
            .filter_map(|a| a.score)
            .any(|s| !(SCORE_MIN..=SCORE_MAX).contains(&s))
        {
            out.push((
                "answers",
                format!("a score is outside the scale {SCORE_MIN}–{SCORE_MAX}"),
            ));
        }
        out
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if ws.interviews.iter().any(|o| {
            o.id != self.id
                && o.candidate_id == self.candidate_id
                && o.interviewer_id == self.interviewer_id
        }) {
            out.push((
                "interviewer_id",
                format!(
                    "{} already has a scorecard for this candidate",
                    ws.person_name(self.interviewer_id)
                ),
            ));
        }
        out
    }
    fn title(&self) -> String {
        "Interview scorecard".into()
    }
    fn title_in(&self, ws: &Workspace) -> String {
        format!(
            "{}'s scorecard for {}",
            ws.person_name(self.interviewer_id),
            candidate_name(ws, self.candidate_id)
        )
    }
    fn helpers(&self) -> Vec<Id> {
        vec![self.interviewer_id]
    }
}

/// Longest activity that can be logged, in minutes (a full day and a night).
pub const MAX_ACTIVITY_MINUTES: u32 = 16 * 60;

impl Entry for Activity {
    fn days(&self) -> Vec<crate::model::Date> {
        vec![self.on]
    }
    owned_by_candidate!();
    entry_common!(Activity, activities);
    // The kind and what only some kinds have travel together, so a merge never pairs one
    // side's kind with the other side's debrief.
    const FIELDS: &'static [&'static str] = &[
        "kind+noticed+differently+assignment_id+journal_ids",
        "title",
        "on",
        "at",
        "minutes",
        "done",
        "with",
        "notes",
    ];
    fn problems(&self, _: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if blank(&self.title) {
            out.push(("title", "the title is empty".into()));
        }
        if self.minutes == 0 || self.minutes > MAX_ACTIVITY_MINUTES {
            out.push((
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
            out.push(("noticed", "only a shadowing session has a debrief".into()));
        }
        out
    }
    fn title(&self) -> String {
        self.title.clone()
    }
    fn forget(&mut self, gone: Id) -> bool {
        forget_in(&mut self.with, gone)
            | forget_opt(&mut self.assignment_id, gone)
            | forget_in(&mut self.journal_ids, gone)
    }
}

impl Entry for Assignment {
    fn days(&self) -> Vec<crate::model::Date> {
        vec![self.starts_on, self.ends_on]
    }
    owned_by_candidate!();
    entry_common!(Assignment, assignments);
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
    fn problems(&self, _: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if blank(&self.title) {
            out.push(("title", "the title is empty".into()));
        }
        if self.ends_on < self.starts_on {
            out.push(("ends_on", "the timebox ends before it starts".into()));
        }
        if let Some(m) = &self.metric {
            if blank(&m.name) {
                out.push(("metric", "the metric has values but no name".into()));
            }
            if [m.before, m.after]
                .into_iter()
                .flatten()
                .any(|v| !v.is_finite())
            {
                out.push(("metric", "a metric value is not a number".into()));
            }
        }
        out
    }
    fn title(&self) -> String {
        self.title.clone()
    }
}

impl Entry for OneOnOne {
    fn days(&self) -> Vec<crate::model::Date> {
        vec![self.held_on]
    }
    owned_by_candidate!();
    entry_common!(OneOnOne, one_on_ones);
    const FIELDS: &'static [&'static str] = &[
        "with_id",
        "held_on",
        "agenda",
        "questions",
        "goal",
        "notes",
        "follow_ups",
    ];
    fn problems(&self, _: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self.follow_ups.iter().any(|f| blank(&f.text)) {
            out.push(("follow_ups", "a follow-up has no text".into()));
        }
        let mut ids: Vec<Id> = self.follow_ups.iter().map(|f| f.id).collect();
        ids.sort();
        ids.dedup();
        if ids.len() != self.follow_ups.len() {
            out.push(("follow_ups", "two follow-ups have the same id".into()));
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
    fn forget(&mut self, gone: Id) -> bool {
        forget_opt(&mut self.with_id, gone)
    }
}

impl Entry for JournalEntry {
    fn days(&self) -> Vec<crate::model::Date> {
        vec![self.on]
    }
    owned_by_candidate!();
    entry_common!(JournalEntry, journal);
    const FIELDS: &'static [&'static str] = &["on", "title", "body", "tags", "visibility"];
    fn problems(&self, _: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if blank(&self.title) {
            out.push(("title", "the title is empty".into()));
        }
        out
    }
    fn title(&self) -> String {
        self.title.clone()
    }
}

impl Entry for Snippet {
    entry_common!(Snippet, snippets);
    const FIELDS: &'static [&'static str] = &["title", "category", "body"];
    fn owner(&self) -> Owner {
        Owner::Organisation
    }
    fn problems(&self, _: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if blank(&self.title) {
            out.push(("title", "the title is empty".into()));
        }
        if blank(&self.body) {
            out.push(("body", "the text is empty".into()));
        }
        out
    }
    fn title(&self) -> String {
        self.title.clone()
    }
}

impl Entry for CaseReview {
    fn days(&self) -> Vec<crate::model::Date> {
        vec![self.on]
    }
    entry_common!(CaseReview, case_reviews);
    const FIELDS: &'static [&'static str] = &[
        "on",
        "title",
        "scenario",
        "suggestions",
        "tried",
        "outcome",
        "lessons",
    ];
    fn owner(&self) -> Owner {
        Owner::Cohort(self.cohort_id)
    }
    fn problems(&self, _: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if blank(&self.title) {
            out.push(("title", "the title is empty".into()));
        }
        out
    }
    fn title(&self) -> String {
        self.title.clone()
    }
}

impl Entry for Retro {
    entry_common!(Retro, retros);
    const FIELDS: &'static [&'static str] = &[
        "year+quarter",
        "worked",
        "challenges",
        "try_next",
        "support",
    ];
    fn owner(&self) -> Owner {
        Owner::Person(self.person_id)
    }
    fn problems(&self, _: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !(1..=4).contains(&self.quarter) {
            out.push(("quarter", "the quarter must be 1, 2, 3 or 4".into()));
        }
        if !(2000..=2100).contains(&self.year) {
            out.push(("year", "the year is not between 2000 and 2100".into()));
        }
        out
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<(&'static str, String)> {
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
            out.push((
                "worked",
                "the retrospective is empty: write at least one part".into(),
            ));
        }
        if ws.retros.iter().any(|o| {
            o.id != self.id
                && o.person_id == self.person_id
                && (o.year, o.quarter) == (self.year, self.quarter)
        }) {
            out.push((
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

// ---- Evaluation records -------------------------------------------------------------------

/// Whether a link is safe to put in an `href`: web addresses only.
pub fn is_web_link(link: &str) -> bool {
    let l = link.trim().to_ascii_lowercase();
    (l.starts_with("https://") || l.starts_with("http://")) && l.len() > 8 && !l.contains(' ')
}

fn unique<T: PartialEq>(items: impl Iterator<Item = T>) -> bool {
    let items: Vec<T> = items.collect();
    items
        .iter()
        .enumerate()
        .all(|(i, a)| !items[..i].contains(a))
}

impl Entry for Framework {
    entry_common!(Framework, frameworks);
    // Domains, levels and descriptors refer to each other, so they merge as one.
    const FIELDS: &'static [&'static str] =
        &["name", "summary", "domains+levels+descriptors", "based_on"];
    fn owner(&self) -> Owner {
        Owner::Organisation
    }
    fn problems(&self, _: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if blank(&self.name) {
            out.push(("name", "the framework has no name".into()));
        }
        if self.domains.iter().any(|d| blank(&d.name)) {
            out.push(("domains", "a domain has no name".into()));
        }
        if self.levels.iter().any(|l| blank(&l.name)) {
            out.push(("levels", "a level has no name".into()));
        }
        if !unique(self.domains.iter().map(|d| d.id)) {
            out.push(("domains", "two domains have the same id".into()));
        }
        if !unique(self.levels.iter().map(|l| l.id)) {
            out.push(("levels", "two levels have the same id".into()));
        }
        if self
            .descriptors
            .iter()
            .any(|d| self.domain(d.domain_id).is_none() || self.level(d.level_id).is_none())
        {
            out.push((
                "descriptors",
                "a descriptor names a domain or level the framework does not have".into(),
            ));
        }
        out
    }
    fn save_problems(&self, _: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self.active_domains().next().is_none() {
            out.push(("domains", "a framework needs at least one domain".into()));
        }
        if self.active_levels().count() < 2 {
            out.push(("levels", "a framework needs at least two levels".into()));
        }
        let names = |v: Vec<&str>| unique(v.into_iter().map(|n| n.trim().to_lowercase()));
        if !names(self.active_domains().map(|d| d.name.as_str()).collect()) {
            out.push(("domains", "two domains have the same name".into()));
        }
        if !names(self.active_levels().map(|l| l.name.as_str()).collect()) {
            out.push(("levels", "two levels have the same name".into()));
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
    fn keep_from(&mut self, old: &Self, ws: &Workspace) {
        let used = crate::logic::frameworks::used_ids(ws, self.id);
        crate::logic::frameworks::keep_used(self, old, &used);
    }
}

impl Entry for Assessment {
    fn days(&self) -> Vec<crate::model::Date> {
        vec![self.on]
    }
    owned_by_candidate!();
    entry_common!(Assessment, assessments);
    const FIELDS: &'static [&'static str] = &["framework_id+ratings", "on", "rater_id", "role"];
    fn problems(&self, ws: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if ws.person(self.rater_id).is_none() {
            out.push((
                "rater_id",
                format!("no person has the id {}", self.rater_id),
            ));
        }
        if !unique(self.ratings.iter().map(|r| r.domain_id)) {
            out.push(("ratings", "a domain is rated twice".into()));
        }
        out
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<(&'static str, String)> {
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
        role.map(|r| ("role", r))
            .into_iter()
            .chain(
                crate::logic::frameworks::rating_problems(
                    ws,
                    self.candidate_id,
                    self.framework_id,
                    self.on,
                    self.ratings
                        .iter()
                        .filter_map(|r| r.level_id.map(|l| (r.domain_id, l))),
                )
                .into_iter()
                .map(|p| ("ratings", p)),
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
        let Some(fw) = crate::logic::frameworks::find(ws, self.framework_id) else {
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
    fn helpers(&self) -> Vec<Id> {
        vec![self.rater_id]
    }
}

impl Entry for Evidence {
    fn days(&self) -> Vec<crate::model::Date> {
        self.on.into_iter().collect()
    }
    owned_by_candidate!();
    entry_common!(Evidence, evidence);
    const FIELDS: &'static [&'static str] = &["kind+source_id", "on", "domain_ids", "note", "link"];
    fn problems(&self, _: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self.domain_ids.is_empty() {
            out.push((
                "domain_ids",
                "the evidence is not linked to any domain".into(),
            ));
        }
        if !self.link.is_empty() && !is_web_link(&self.link) {
            out.push((
                "link",
                "the link is not a web address (it must start with https:// or http://)".into(),
            ));
        }
        out
    }
    fn save_problems(&self, _: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self.kind == EvidenceKind::Note && blank(&self.note) && self.link.is_empty() {
            out.push(("note", "a note needs some text or a link".into()));
        }
        // Feedback may be a 360 round or words someone said, written down as the note.
        let free_feedback = self.kind == EvidenceKind::Feedback && !blank(&self.note);
        if self.kind != EvidenceKind::Note && self.source_id.is_none() && !free_feedback {
            out.push((
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
    fn forget(&mut self, gone: Id) -> bool {
        forget_opt(&mut self.source_id, gone)
    }
}

impl Entry for Calibration {
    fn days(&self) -> Vec<crate::model::Date> {
        vec![self.on]
    }
    entry_common!(Calibration, calibrations);
    const FIELDS: &'static [&'static str] = &[
        "framework_id+outcomes",
        "on",
        "revealed+revealed_at",
        "participants",
        "notes",
    ];
    fn owner(&self) -> Owner {
        Owner::Cohort(self.cohort_id)
    }
    fn problems(&self, _: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !unique(self.outcomes.iter().map(|o| (o.candidate_id, o.domain_id))) {
            out.push((
                "outcomes",
                "a candidate's domain is calibrated twice".into(),
            ));
        }
        out
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if ws.calibrations.iter().any(|o| {
            o.id != self.id
                && o.cohort_id == self.cohort_id
                && o.framework_id == self.framework_id
                && (o.on.year(), o.on.month()) == (self.on.year(), self.on.month())
        }) {
            out.push((
                "on",
                format!(
                    "this cohort already has a calibration for {} with this framework",
                    self.on.format("%B %Y")
                ),
            ));
        }
        let mut candidates: Vec<Id> = self.outcomes.iter().map(|o| o.candidate_id).collect();
        candidates.sort();
        candidates.dedup();
        for c in candidates {
            let rated = self
                .outcomes
                .iter()
                .filter(|o| o.candidate_id == c)
                .map(|o| (o.domain_id, o.level_id));
            for p in
                crate::logic::frameworks::rating_problems(ws, c, self.framework_id, self.on, rated)
            {
                out.push(("outcomes", format!("{}: {p}", candidate_name(ws, c))));
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
    fn forget(&mut self, gone: Id) -> bool {
        let before = self.outcomes.len();
        self.outcomes.retain(|o| o.candidate_id != gone);
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
    fn days(&self) -> Vec<crate::model::Date> {
        vec![self.opened_on]
    }
    owned_by_candidate!();
    entry_common!(FeedbackRound, feedback_rounds);
    const FIELDS: &'static [&'static str] = &["title", "opened_on", "questions", "responses"];
    fn problems(&self, _: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if blank(&self.title) {
            out.push(("title", "the round has no title".into()));
        }
        if self.questions.is_empty() || self.questions.iter().any(|q| blank(&q.text)) {
            out.push((
                "questions",
                "every question needs its text, and a round at least one".into(),
            ));
        }
        if !unique(self.questions.iter().map(|q| q.id)) {
            out.push(("questions", "two questions have the same id".into()));
        }
        if !unique(self.responses.iter().map(|r| r.id)) {
            out.push(("responses", "two responses have the same id".into()));
        }
        if self
            .responses
            .iter()
            .flat_map(|r| r.answers.iter().filter_map(|a| a.score))
            .any(|s| !(FEEDBACK_MIN..=FEEDBACK_MAX).contains(&s))
        {
            out.push((
                "responses",
                format!("an answer is outside the scale {FEEDBACK_MIN}–{FEEDBACK_MAX}"),
            ));
        }
        out
    }
    fn save_problems(&self, _: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self
            .responses
            .iter()
            .any(|r| r.answers.iter().all(|a| a.score.is_none()) && blank(&r.comment))
        {
            out.push((
                "responses",
                "a response has no answers and no comment: score at least one question or write a comment".into(),
            ));
        }
        out
    }
    fn title(&self) -> String {
        self.title.clone()
    }
    fn combine_field(&mut self, field: &str, theirs: &Self) -> bool {
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

impl Entry for HealthCheck {
    fn days(&self) -> Vec<crate::model::Date> {
        vec![self.on]
    }
    owned_by_candidate!();
    entry_common!(HealthCheck, health_checks);
    const FIELDS: &'static [&'static str] = &["on", "team", "scores", "answered", "note"];
    fn problems(&self, _: &Workspace) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self.scores.is_empty() {
            out.push(("scores", "the check has no scores".into()));
        }
        if self
            .scores
            .iter()
            .any(|s| !(HEALTH_MIN..=HEALTH_MAX).contains(&s.score))
        {
            out.push((
                "scores",
                format!("a score is outside the scale {HEALTH_MIN}–{HEALTH_MAX}"),
            ));
        }
        if !unique(self.scores.iter().map(|s| s.dimension)) {
            out.push(("scores", "a dimension is scored twice".into()));
        }
        out
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

/// Any journey record, as the UI hands it to [`Action::Put`](crate::logic::Action::Put).
#[derive(Clone, Debug, PartialEq)]
pub enum Record {
    Reference(Reference),
    Interview(Interview),
    Activity(Activity),
    Assignment(Assignment),
    OneOnOne(OneOnOne),
    JournalEntry(JournalEntry),
    Snippet(Snippet),
    CaseReview(CaseReview),
    Retro(Retro),
    Framework(Framework),
    Assessment(Assessment),
    Evidence(Evidence),
    Calibration(Calibration),
    FeedbackRound(FeedbackRound),
    HealthCheck(HealthCheck),
}

/// Calls `$body` with `$r` bound to the record inside any [`Record`] variant.
macro_rules! with_record {
    ($rec:expr, $r:ident => $body:expr) => {
        match $rec {
            Record::Reference($r) => $body,
            Record::Interview($r) => $body,
            Record::Activity($r) => $body,
            Record::Assignment($r) => $body,
            Record::OneOnOne($r) => $body,
            Record::JournalEntry($r) => $body,
            Record::Snippet($r) => $body,
            Record::CaseReview($r) => $body,
            Record::Retro($r) => $body,
            Record::Framework($r) => $body,
            Record::Assessment($r) => $body,
            Record::Evidence($r) => $body,
            Record::Calibration($r) => $body,
            Record::FeedbackRound($r) => $body,
            Record::HealthCheck($r) => $body,
        }
    };
}
pub(crate) use with_record;

/// Runs a generic function over every entry list of a workspace.
pub trait ListVisitor {
    fn visit<T: Entry>(&mut self);
}

/// Calls `v.visit::<T>()` once for each journey record type.
pub fn each_kind(v: &mut impl ListVisitor) {
    v.visit::<Reference>();
    v.visit::<Interview>();
    v.visit::<Activity>();
    v.visit::<Assignment>();
    v.visit::<OneOnOne>();
    v.visit::<JournalEntry>();
    v.visit::<Snippet>();
    v.visit::<CaseReview>();
    v.visit::<Retro>();
    v.visit::<Framework>();
    v.visit::<Assessment>();
    v.visit::<Evidence>();
    v.visit::<Calibration>();
    v.visit::<FeedbackRound>();
    v.visit::<HealthCheck>();
}

/// Whether the owner of a record exists in the workspace.
pub fn owner_exists(ws: &Workspace, owner: Owner) -> bool {
    match owner {
        Owner::Candidate(id) => ws.candidate(id).is_some(),
        Owner::Cohort(id) => ws.cohort(id).is_some(),
        Owner::Person(id) => ws.person(id).is_some(),
        Owner::Organisation => true,
    }
}

/// Moves every record of candidacy `from` to candidacy `to`, stamping what moved.
pub fn rehome_all(ws: &mut Workspace, from: Id, to: Id, now: Timestamp) {
    struct Move<'a>(&'a mut Workspace, Id, Id, Timestamp);
    impl ListVisitor for Move<'_> {
        fn visit<T: Entry>(&mut self) {
            for r in T::list_mut(self.0) {
                if r.rehome(self.1, self.2) {
                    r.set_updated_at(self.3);
                }
            }
        }
    }
    each_kind(&mut Move(ws, from, to, now));
}

/// Ids of every journey record in the workspace.
pub fn all_entry_ids(ws: &Workspace) -> Vec<Id> {
    struct Ids<'a>(&'a Workspace, Vec<Id>);
    impl ListVisitor for Ids<'_> {
        fn visit<T: Entry>(&mut self) {
            let ids: Vec<Id> = T::list(self.0).iter().map(Entry::id).collect();
            self.1.extend(ids);
        }
    }
    let mut v = Ids(ws, Vec::new());
    each_kind(&mut v);
    v.1
}

/// A name for any journey record by id, for evidence links and previews.
pub fn entry_label(ws: &Workspace, id: Id) -> Option<(RecordKind, String)> {
    struct Find<'a>(&'a Workspace, Id, Option<(RecordKind, String)>);
    impl ListVisitor for Find<'_> {
        fn visit<T: Entry>(&mut self) {
            if self.2.is_none() {
                if let Some(r) = T::list(self.0).iter().find(|r| r.id() == self.1) {
                    self.2 = Some((T::KIND, r.title_in(self.0)));
                }
            }
        }
    }
    let mut v = Find(ws, id, None);
    each_kind(&mut v);
    v.2
}

/// Removes records whose owner is gone (remembering each in `buried`, with its version),
/// an interviewer's scorecards when the interviewer is gone, and soft references to records
/// that are gone. Soft references are only cleared for ids in `gone`: a reference to something
/// simply not in this copy stays. Returns one line per record removed.
pub fn prune(
    ws: &mut Workspace,
    gone: &[Id],
    now: Timestamp,
    buried: &mut Vec<(RecordKind, Id, Timestamp)>,
) -> Vec<String> {
    struct Prune<'a> {
        ws: &'a mut Workspace,
        gone: &'a [Id],
        now: Timestamp,
        buried: &'a mut Vec<(RecordKind, Id, Timestamp)>,
        lines: Vec<String>,
    }
    impl ListVisitor for Prune<'_> {
        fn visit<T: Entry>(&mut self) {
            let list = std::mem::take(T::list_mut(self.ws));
            let mut kept = Vec::with_capacity(list.len());
            for mut r in list {
                let orphan = !owner_exists(self.ws, r.owner())
                    || r.helpers().iter().any(|p| self.ws.person(*p).is_none());
                if orphan {
                    self.buried.push((T::KIND, r.id(), r.updated_at()));
                    self.lines
                        .push(format!("{} “{}”", T::KIND.name(), r.title()));
                    continue;
                }
                let mut changed = false;
                for g in self.gone {
                    changed |= r.forget(*g);
                }
                if changed {
                    r.set_updated_at(self.now);
                }
                kept.push(r);
            }
            *T::list_mut(self.ws) = kept;
        }
    }
    let lines = {
        let mut v = Prune {
            ws,
            gone,
            now,
            buried,
            lines: Vec::new(),
        };
        each_kind(&mut v);
        v.lines
    };
    // Candidate-level soft references: nomination by, signal evidence.
    for c in &mut ws.candidates {
        let mut changed = false;
        if let Some(n) = &mut c.nomination {
            for g in gone {
                changed |= forget_opt(&mut n.by, *g);
            }
        }
        for s in &mut c.signals {
            for g in gone {
                changed |= forget_in(&mut s.evidence, *g);
            }
        }
        if changed {
            c.updated_at = now;
        }
    }
    lines
}
