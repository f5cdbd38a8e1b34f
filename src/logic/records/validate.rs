//! Whole-workspace checks: the rules a file must meet before it replaces anything.
//! Each problem names the place in the file, e.g. `candidates[2].person_id`.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::{all_ids, each_kind, Entry, ListVisitor, Registered};
use crate::model::{Id, RecordKind, Workspace};

pub use crate::logic::program::MAX_PROTECTED_HOURS;

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
}

/// Checks every rule; returns all problems found (empty when the workspace is sound).
pub fn validate(ws: &Workspace) -> Vec<Problem> {
    struct Lists<'a> {
        ws: &'a Workspace,
        live: HashSet<(RecordKind, Id)>,
        c: &'a mut Checker,
    }
    impl ListVisitor for Lists<'_> {
        fn visit<T: Entry>(&mut self) {
            let list = T::list(self.ws);
            self.c.unique_ids(T::LIST, list.iter().map(Registered::id));
            for (i, r) in list.iter().enumerate() {
                let at = || format!("{}[{i}]", T::LIST);
                for l in r
                    .owners()
                    .into_iter()
                    .filter(|l| !self.live.contains(&(l.kind, l.id)))
                {
                    self.c.report(
                        format!("{}.{}", at(), l.field),
                        format!("no {} has the id {}", l.kind.name(), l.id),
                    );
                }
                for (field, problem) in r.problems(self.ws) {
                    self.c.report(format!("{}.{field}", at()), problem);
                }
            }
            for (i, (field, problem)) in T::list_problems(list, self.ws) {
                self.c.report(format!("{}[{i}].{field}", T::LIST), problem);
            }
        }
    }
    let mut c = Checker {
        problems: Vec::new(),
    };
    // Owners are looked up in one set of every live record, not list by list.
    let live = super::cascade::live(ws);
    each_kind(&mut Lists {
        ws,
        live,
        c: &mut c,
    });
    let live: HashSet<Id> = all_ids(ws).into_iter().collect();
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
