//! People: everyone the program touches.

use std::collections::HashSet;

use crate::logic::records::{blank, problem, Entry, FieldProblem};
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
