//! People: everyone the program touches.

use std::collections::HashSet;

use crate::logic::actions::{ActionError, PersonFields};
use crate::logic::records::{blank, problem, Entry, FieldProblem};
use crate::model::Timestamp;
use crate::model::{Date, Id, Person, Workspace};

impl Entry for Person {
    const FIELDS: &'static [&'static str] = &[
        "name",
        "email",
        "team",
        "role_title",
        "level",
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
    ws.people.push(Person {
        id,
        name: f.name,
        email: f.email,
        team: f.team,
        role_title: f.role_title,
        level: f.level,
        joined_on: f.joined_on,
        left_on: f.left_on,
        created_at: now,
        updated_at: now,
        merge_bases: Vec::new(),
    });
    Ok(Some(id))
}

pub(crate) fn update(
    ws: &mut Workspace,
    id: Id,
    fields: PersonFields,
    now: Timestamp,
) -> Result<Option<Id>, ActionError> {
    let f = clean_person(fields)?;
    let p = ws
        .people
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or(ActionError::Missing("person"))?;
    p.name = f.name;
    p.email = f.email;
    p.team = f.team;
    p.role_title = f.role_title;
    p.level = f.level;
    p.joined_on = f.joined_on;
    p.left_on = f.left_on;
    p.updated_at = now;
    Ok(None)
}
