//! Selection: references and interview scorecards (the nomination, green flags and decision
//! are facts kept on the candidacy).

use crate::logic::records::{blank, candidate_name, problem, Entry, FieldProblem};
use crate::model::{Date, Reference, Scorecard, Workspace, SCORE_MAX, SCORE_MIN};

impl Entry for Reference {
    fn days(&self) -> Vec<Date> {
        self.on.into_iter().collect()
    }
    crate::owned_by_candidate!();
    const FIELDS: &'static [&'static str] = &[
        "who",
        "relation",
        "collaboration",
        "curiosity",
        "ownership",
        "on",
    ];
    fn problems(&self, _: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if blank(&self.who) {
            out.push(problem("who", "who gave the reference is empty".into()));
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

impl Entry for Scorecard {
    fn deletion_notes(&self, ws: &Workspace) -> Vec<String> {
        let mut lines = Vec::new();
        let i = self;
        lines.push(format!(
            "{}'s scores: the panel's spread and mean change",
            ws.person_name(i.interviewer_id)
        ));
        lines
    }
    fn days(&self) -> Vec<Date> {
        self.held_on.into_iter().collect()
    }
    crate::owned_by_candidate!(interviewer_id: Person);
    const FIELDS: &'static [&'static str] = &["interviewer_id", "held_on", "answers"];
    fn problems(&self, _ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if self
            .answers
            .iter()
            .filter_map(|a| a.score)
            .any(|s| !(SCORE_MIN..=SCORE_MAX).contains(&s))
        {
            out.push(problem(
                "answers",
                format!("a score is outside the scale {SCORE_MIN}–{SCORE_MAX}"),
            ));
        }
        out
    }
    fn save_problems(&self, ws: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if ws.interviews.iter().any(|o| {
            o.id != self.id
                && o.candidate_id == self.candidate_id
                && o.interviewer_id == self.interviewer_id
        }) {
            out.push(problem(
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
}
