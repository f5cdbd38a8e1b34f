//! What a delete takes with it or changes elsewhere, said before it happens. The lines come
//! from each kind's [`Entry::deletion_notes`] and from what the cascade would remove; where a
//! deleted person's name stays in text others wrote, the dialog says where, so someone can
//! review it (Runway never edits other people's words).

use std::collections::HashSet;

use super::{each_kind, Entry, ListVisitor};
use crate::model::{Id, RecordKind, Workspace};

/// What deleting a record would take with it, said before it happens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Impact {
    /// One line per consequence, e.g. "their candidacy in Spring 2026 cohort".
    pub lines: Vec<String>,
}

impl Impact {
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// What deleting a person removes or changes.
pub fn person_deletion_impact(ws: &Workspace, id: Id) -> Impact {
    let mut lines = Vec::new();
    for cand in ws.candidacies_of(id) {
        let cohort = ws
            .cohort(cand.cohort_id)
            .map_or("an unknown cohort", |c| &c.name);
        lines.push(format!(
            "their candidacy in “{cohort}” ({}){}",
            cand.status.label(),
            owned_summary(ws, cand.id)
        ));
        lines.extend(group_sessions_kept(ws, cand.id));
    }
    let cards = ws
        .interviews
        .iter()
        .filter(|i| i.interviewer_id == id)
        .count();
    if cards > 0 {
        lines.push(format!(
            "{cards} interview scorecard{} they wrote",
            if cards == 1 { "" } else { "s" }
        ));
    }
    let rated = ws
        .assessments
        .iter()
        .filter(|a| {
            a.rater_id == id
                && ws
                    .candidate(a.candidate_id)
                    .is_some_and(|c| c.person_id != id)
        })
        .count();
    if rated > 0 {
        lines.push(format!(
            "{rated} assessment{} they made of candidates",
            if rated == 1 { "" } else { "s" }
        ));
    }
    let nominated = ws
        .candidates
        .iter()
        .filter(|c| c.nomination.as_ref().is_some_and(|n| n.by == Some(id)) && c.person_id != id)
        .count();
    if nominated > 0 {
        lines.push(format!(
            "their name as nominator of {nominated} candidate{} (the nominations stay)",
            if nominated == 1 { "" } else { "s" }
        ));
    }
    let sessions = ws
        .activities
        .iter()
        .filter(|a| a.with.contains(&id))
        .count();
    let talks = ws
        .one_on_ones
        .iter()
        .filter(|o| o.with_id == Some(id))
        .count();
    if sessions + talks > 0 {
        lines.push(format!(
            "their name on {sessions} activit{} and {talks} 1:1{} they took part in (the records stay)",
            if sessions == 1 { "y" } else { "ies" },
            if talks == 1 { "" } else { "s" }
        ));
    }
    let retros = ws.retros.iter().filter(|r| r.person_id == id).count();
    if retros > 0 {
        lines.push(format!(
            "{retros} leadership retrospective{}",
            if retros == 1 { "" } else { "s" }
        ));
    }
    let calibrated = calibrated_levels_of(ws, &ws.candidacies_of(id).map(|c| c.id).collect());
    if calibrated > 0 {
        lines.push(calibrated_line(calibrated));
    }
    for cohort in &ws.cohorts {
        if cohort.sponsor_id == Some(id) {
            lines.push(format!(
                "their role as sponsor of “{}” (it will have no sponsor)",
                cohort.name
            ));
        }
        if cohort.coach_ids.contains(&id) {
            lines.push(format!("their role as coach of “{}”", cohort.name));
        }
    }
    lines.extend(mentions_line(ws, id));
    Impact { lines }
}

/// How many calibrated levels the sessions hold for these candidacies.
fn calibrated_levels_of(ws: &Workspace, candidacies: &HashSet<Id>) -> usize {
    ws.calibrations
        .iter()
        .flat_map(|c| &c.outcomes)
        .filter(|o| candidacies.contains(&o.candidate_id))
        .count()
}

fn calibrated_line(n: usize) -> String {
    format!(
        "{n} calibrated level{} and rationale{} recorded for them in calibration sessions",
        if n == 1 { "" } else { "s" },
        if n == 1 { "" } else { "s" }
    )
}

/// Records that stay but mention the person in their free text (a reference's words, a 1:1's
/// notes): the delete says where, so someone can review them. Matches the full name, and the
/// first name when nobody else here has it, as whole words; ids, dates and codes are not text.
/// Records that go with the person are not listed.
pub fn mentions(ws: &Workspace, person_id: Id) -> Vec<String> {
    let Some(person) = ws.person(person_id) else {
        return Vec::new();
    };
    let full = person.name.trim().to_lowercase();
    let first = full.split_whitespace().next().unwrap_or("").to_string();
    let first_is_theirs = first.chars().count() >= 3
        && first != full
        && !ws.people.iter().any(|p| {
            p.id != person_id
                && p.name.trim().to_lowercase().split_whitespace().next() == Some(first.as_str())
        });
    let mut needles = vec![full];
    if first_is_theirs {
        needles.push(first);
    }
    needles.retain(|n| n.chars().count() >= 3);
    if needles.is_empty() {
        return Vec::new();
    }
    // What stays after the delete.
    let mut after = ws.clone();
    after.people.retain(|p| p.id != person_id);
    super::cascade(
        &mut after,
        &[person_id],
        chrono::DateTime::<chrono::Utc>::MIN_UTC,
    );
    struct Find<'a> {
        ws: &'a Workspace,
        needles: &'a [String],
        found: Vec<String>,
    }
    impl ListVisitor for Find<'_> {
        fn visit<T: Entry>(&mut self) {
            for r in T::list(self.ws) {
                let v = crate::file::json::to_value(&r);
                let mut texts = Vec::new();
                for key in T::FIELDS.iter().flat_map(|f| f.split('+')) {
                    if let Some(x) = v.get(key) {
                        free_texts(x, &mut texts);
                    }
                }
                if texts
                    .iter()
                    .any(|t| self.needles.iter().any(|n| has_word(t, n)))
                {
                    self.found.push(r.title_in(self.ws));
                }
            }
        }
    }
    let mut f = Find {
        ws: &after,
        needles: &needles,
        found: Vec::new(),
    };
    each_kind(&mut f);
    f.found
}

/// The strings inside a field's value that are text a person wrote: not ids, days, times or
/// codes (`in_program`).
fn free_texts(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => {
            let code = s
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            let id = Id::parse_str(s).is_ok();
            let day = s.len() >= 10 && s.as_bytes()[4] == b'-' && s[..4].parse::<u32>().is_ok();
            if !(code || id || day) {
                out.push(s.to_lowercase());
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| free_texts(x, out)),
        serde_json::Value::Object(m) => m.values().for_each(|x| free_texts(x, out)),
        _ => {}
    }
}

/// Whether `text` holds `word` as a whole word (or words).
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, m)| {
        let before = text[..i].chars().next_back();
        let after = text[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn mentions_line(ws: &Workspace, person_id: Id) -> Option<String> {
    let found = mentions(ws, person_id);
    if found.is_empty() {
        return None;
    }
    let shown: Vec<&str> = found.iter().take(5).map(String::as_str).collect();
    let more = found.len().saturating_sub(shown.len());
    Some(format!(
        "their name stays in text others wrote, which Runway does not change — review it: {}{}",
        shown.join("; "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    ))
}

/// What deleting a cohort removes.
pub fn cohort_deletion_impact(ws: &Workspace, id: Id) -> Impact {
    let mut lines: Vec<String> = ws
        .candidates_in(id)
        .map(|c| {
            format!(
                "the candidacy of {} ({}){}",
                ws.person_name(c.person_id),
                c.status.label(),
                owned_summary(ws, c.id)
            )
        })
        .collect();
    let groups = ws
        .activities
        .iter()
        .filter(|a| {
            !a.group.is_empty()
                && ws
                    .candidate(a.candidate_id)
                    .is_some_and(|c| c.cohort_id == id)
        })
        .count();
    if groups > 0 {
        lines.push(format!(
            "{groups} group session{}",
            if groups == 1 { "" } else { "s" }
        ));
    }
    let reviews = ws.case_reviews.iter().filter(|r| r.cohort_id == id).count();
    if reviews > 0 {
        lines.push(format!(
            "{reviews} peer case review{}",
            if reviews == 1 { "" } else { "s" }
        ));
    }
    let sessions = ws.calibrations.iter().filter(|c| c.cohort_id == id).count();
    if sessions > 0 {
        lines.push(format!(
            "{sessions} calibration session{} and the levels they recorded",
            if sessions == 1 { "" } else { "s" }
        ));
    }
    Impact { lines }
}

/// The group sessions a candidacy takes part in, which stay for the others when it goes
/// (moved to the next candidate taking part when they were filed under it).
pub fn group_sessions_kept(ws: &Workspace, candidate_id: Id) -> Option<String> {
    let kept = ws
        .activities
        .iter()
        .filter(|a| a.involves(candidate_id) && a.candidates().any(|c| c != candidate_id))
        .count();
    (kept > 0).then(|| {
        format!(
            "their place in {kept} group session{} (the session{} stay{} for the others taking part)",
            if kept == 1 { "" } else { "s" },
            if kept == 1 { "" } else { "s" },
            if kept == 1 { "s" } else { "" }
        )
    })
}

/// What a candidacy holds, for deletion warnings: ", with 5 activities and 2 journal entries".
pub fn owned_summary(ws: &Workspace, candidate_id: Id) -> String {
    let n = |count: usize, one: &str, many: &str| {
        (count > 0).then(|| format!("{count} {}", if count == 1 { one } else { many }))
    };
    let mine = |c: Id| c == candidate_id;
    let parts: Vec<String> = [
        // A group session filed here stays for the others (see `group_sessions_kept`).
        n(
            ws.activities
                .iter()
                .filter(|a| mine(a.candidate_id) && a.group.is_empty())
                .count(),
            "activity",
            "activities",
        ),
        n(
            ws.assignments
                .iter()
                .filter(|a| mine(a.candidate_id))
                .count(),
            "micro-assignment",
            "micro-assignments",
        ),
        n(
            ws.one_on_ones
                .iter()
                .filter(|a| mine(a.candidate_id))
                .count(),
            "1:1",
            "1:1s",
        ),
        n(
            ws.journal.iter().filter(|a| mine(a.candidate_id)).count(),
            "journal entry",
            "journal entries",
        ),
        n(
            ws.references
                .iter()
                .filter(|a| mine(a.candidate_id))
                .count()
                + ws.interviews
                    .iter()
                    .filter(|a| mine(a.candidate_id))
                    .count(),
            "selection note",
            "selection notes",
        ),
        n(
            ws.assessments
                .iter()
                .filter(|a| mine(a.candidate_id))
                .count(),
            "assessment",
            "assessments",
        ),
        n(
            ws.evidence.iter().filter(|a| mine(a.candidate_id)).count(),
            "evidence item",
            "evidence items",
        ),
        n(
            ws.feedback_rounds
                .iter()
                .filter(|a| mine(a.candidate_id))
                .count(),
            "round of 360 feedback",
            "rounds of 360 feedback",
        ),
        n(
            ws.health_checks
                .iter()
                .filter(|a| mine(a.candidate_id))
                .count(),
            "team health check",
            "team health checks",
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    match parts.as_slice() {
        [] => String::new(),
        [one] => format!(", with {one}"),
        [rest @ .., last] => format!(", with {} and {last}", rest.join(", ")),
    }
}

/// What deleting a journey record takes with it or changes elsewhere, said before it happens.
pub fn entry_deletion_impact(ws: &Workspace, kind: RecordKind, id: Id) -> Impact {
    struct Notes<'a>(&'a Workspace, RecordKind, Id, Vec<String>);
    impl ListVisitor for Notes<'_> {
        fn visit<T: Entry>(&mut self) {
            if T::KIND == self.1 {
                if let Some(r) = T::list(self.0).iter().find(|r| r.id() == self.2) {
                    self.3 = r.deletion_notes(self.0);
                }
            }
        }
    }
    let mut notes = Notes(ws, kind, id, Vec::new());
    each_kind(&mut notes);
    let mut lines = notes.3;
    let sourced = ws
        .evidence
        .iter()
        .filter(|e| e.source_id == Some(id))
        .count();
    if sourced > 0 {
        lines.push(format!(
            "the link from {sourced} evidence item{} to it (the item{} and {} note stay)",
            if sourced == 1 { "" } else { "s" },
            if sourced == 1 { "" } else { "s" },
            if sourced == 1 { "its" } else { "their" }
        ));
    }
    for c in &ws.candidates {
        for m in c.signals.iter().filter(|m| m.evidence.contains(&id)) {
            let text = ws
                .cohort(c.cohort_id)
                .and_then(|k| k.success_signals.iter().find(|s| s.id == m.signal_id))
                .map_or("(a removed signal)", |s| s.text.as_str());
            lines.push(format!(
                "the evidence it gives for {}'s success signal “{text}”{}",
                ws.person_name(c.person_id),
                if m.met_on.is_some() {
                    " (the signal stays marked met: check it)"
                } else {
                    ""
                }
            ));
        }
    }
    let linked = ws
        .activities
        .iter()
        .filter(|a| a.assignment_id == Some(id))
        .count();
    if linked > 0 {
        lines.push(format!(
            "the link from {linked} micro-assignment work session{} (the sessions stay)",
            if linked == 1 { "" } else { "s" }
        ));
    }
    let picked = ws
        .activities
        .iter()
        .filter(|a| a.journal_ids.contains(&id))
        .count();
    if picked > 0 {
        lines.push(format!(
            "its place on the list of {picked} reflection session{}",
            if picked == 1 { "" } else { "s" }
        ));
    }
    Impact { lines }
}
