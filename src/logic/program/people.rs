//! People: everyone the program touches.

use std::collections::HashSet;

use crate::logic::actions::{ActionError, PersonFields};
use crate::logic::records::{blank, problem, Entry, FieldProblem};
use crate::model::Timestamp;
use crate::model::{Date, Id, LevelMove, MoveKind, Person, Workspace};

impl Entry for Person {
    const FIELDS: &'static [&'static str] = &[
        "name",
        "email",
        "team",
        "role_title",
        "ladder",
        "joined_on",
        "left_on",
    ];
    fn problems(&self, _: &Workspace) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if blank(&self.name) {
            out.push(problem("name", "the name is empty".into()));
        }
        if let Some(email) = &self.email {
            if !email.is_empty() && !email.contains('@') {
                out.push(problem("email", "not an email address".into()));
            }
        }
        if let (Some(joined), Some(left)) = (self.joined_on, self.left_on) {
            if left < joined {
                out.push(problem("left_on", "before the day they joined".into()));
            }
        }
        out
    }
    fn title(&self) -> String {
        self.name.clone()
    }
    fn days(&self) -> Vec<Date> {
        self.joined_on.into_iter().chain(self.left_on).collect()
    }
    fn forget(&mut self, _gone: &HashSet<Id>) -> bool {
        false
    }
}

pub(crate) fn check_person(ws: &Workspace, id: Id) -> Result<(), ActionError> {
    ws.person(id)
        .map(|_| ())
        .ok_or(ActionError::Missing("person"))
}

pub(crate) fn clean_person(f: PersonFields) -> Result<PersonFields, ActionError> {
    // Every problem at once, each addressed to its field, so the form shows them where they are.
    let mut problems = Vec::new();
    let name = f.name.trim().to_string();
    if name.is_empty() {
        problems.push(("name".to_string(), "enter a name".to_string()));
    }
    let email = f
        .email
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty());
    if let Some(e) = &email {
        if !e.contains('@') {
            problems.push(("email".into(), format!("“{e}” is not an email address")));
        }
    }
    if let (Some(j), Some(l)) = (f.joined_on, f.left_on) {
        if l < j {
            problems.push((
                "left_on".into(),
                "the left date is before the joined date".into(),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(ActionError::Problems(problems));
    }
    Ok(PersonFields {
        name,
        email,
        team: f.team.trim().to_string(),
        role_title: f.role_title.trim().to_string(),
        ..f
    })
}

pub(crate) fn add(
    ws: &mut Workspace,
    fields: PersonFields,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Option<Id>, ActionError> {
    let f = clean_person(fields)?;
    let id = new_id();
    let on = f.joined_on.unwrap_or_else(|| now.date_naive());
    ws.people.push(Person {
        id,
        name: f.name,
        email: f.email,
        team: f.team.clone(),
        role_title: f.role_title,
        ladder: None,
        joined_on: f.joined_on,
        left_on: f.left_on,
        created_at: now,
        updated_at: now,
        merge_bases: Vec::new(),
    });
    if let Some(level) = f.level {
        let mut m = LevelMove::new(id, on, MoveKind::Hired, level, &f.team, "", now);
        m.id = new_id();
        ws.levels.push(m);
    }
    Ok(Some(id))
}

pub(crate) fn update(
    ws: &mut Workspace,
    id: Id,
    fields: PersonFields,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Option<Id>, ActionError> {
    let f = clean_person(fields)?;
    if let Some(l) = f.level {
        if crate::logic::track::current_level(ws, id).is_some_and(|c| c != l) {
            return Err(ActionError::Problems(vec![(
                "level".into(),
                "a level changes by recording a level move (promoted, moved between tracks, …)"
                    .into(),
            )]));
        }
    }
    // The "hired at" move made on the day they joined moves with that day (a typo fixed in
    // the joined date fixes the history too); any other first move bounds it.
    let old_joined = ws.person(id).and_then(|p| p.joined_on);
    let (first, second) = {
        let moves = crate::logic::track::moves_of(ws, id);
        (
            moves.first().map(|m| (m.id, m.on, m.kind)),
            moves.get(1).map(|m| m.on),
        )
    };
    let mut carry = None;
    if let (Some(j), Some((first_id, first_on, kind))) = (f.joined_on, first) {
        // Made on the day they joined, or (no joined day was known) on the day they were
        // added: either way it stands for their joining.
        let hired_on_joining = matches!(kind, MoveKind::Hired | MoveKind::Recorded)
            && (old_joined.is_none() || Some(first_on) == old_joined);
        let bound = if hired_on_joining {
            second
        } else {
            Some(first_on)
        };
        if let Some(b) = bound.filter(|b| j > *b) {
            return Err(ActionError::Problems(vec![(
                "joined_on".into(),
                format!("their level history has a move on {b}: they cannot have joined after it"),
            )]));
        }
        if hired_on_joining && j != first_on {
            carry = Some((first_id, j));
        }
    }
    if let Some((move_id, j)) = carry {
        if let Some(m) = ws.levels.iter_mut().find(|m| m.id == move_id) {
            m.on = j;
            m.updated_at = now;
        }
    }
    let p = ws
        .people
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or(ActionError::Missing("person"))?;
    p.name = f.name;
    p.email = f.email;
    p.team = f.team.clone();
    p.role_title = f.role_title;
    p.joined_on = f.joined_on;
    p.left_on = f.left_on;
    p.updated_at = now;
    // Someone whose history this copy does not hold (a shared file left it out, or an old
    // record) gets one when a level is given.
    if let Some(level) = f
        .level
        .filter(|_| crate::logic::track::current_level(ws, id).is_none())
    {
        let on = f.joined_on.unwrap_or_else(|| now.date_naive());
        let mut m = LevelMove::new(id, on, MoveKind::Hired, level, &f.team, "", now);
        m.id = new_id();
        ws.levels.push(m);
    }
    Ok(None)
}
