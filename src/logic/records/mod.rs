//! What every record shares, written once for every kind: the record trait ([`Entry`]), the
//! registry-generated [`Record`] enum and list visitor, links between records, cascades on
//! delete ([`cascade`]), validation, merge, scoped files and deletion impact.
//!
//! A record kind is added by its model struct, one line in [`crate::record_kinds!`], an
//! `impl Entry` with its rules (in its domain's module), and a migration when the file
//! changes. Forgetting the `impl` fails to compile (the visitor calls it for every registered
//! type); a workspace list that is not registered fails `every_list_is_registered` in the host
//! tests.
//!
//! References between records come in two strengths:
//! - **owner** ([`Entry::owners`]: a candidacy's person and cohort, a 1:1's candidacy, an
//!   assessment's rater): the record cannot exist without it; deleting the owner deletes the
//!   record (with a tombstone), through any chain, until nothing more changes;
//! - **soft** ([`Entry::forget`]: participants, "nominated by", the other person in a 1:1,
//!   evidence links, a cohort's sponsor and coaches): may point at something not in this copy
//!   (left out of a shared file) and is shown as such; it is cleared only when its target is
//!   deleted here.

pub mod audience;
pub mod cascade;
pub mod impact;
pub mod merge;
pub mod validate;

use std::collections::HashSet;

use chrono::Datelike;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::model::*;

pub use cascade::{cascade, purge, rehome_all};

/// A required reference: the record cannot exist without the record it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    /// The field that holds it, by its name in the file (`candidate_id`).
    pub field: &'static str,
    pub kind: RecordKind,
    pub id: Id,
}

impl Link {
    pub fn new(field: &'static str, kind: RecordKind, id: Id) -> Self {
        Link { field, kind, id }
    }
}

/// A rule broken by a record: the field (by its path in the record, `phases[2].ends_on`) and
/// what is wrong, in words that can follow the field's name.
pub type FieldProblem = (String, String);

/// A [`FieldProblem`].
pub fn problem(field: impl Into<String>, message: String) -> FieldProblem {
    (field.into(), message)
}

/// What the registry gives every kind: its kind, its list, and its version stamps. Generated
/// for each line of [`crate::record_kinds!`]; never written by hand.
pub trait Registered: Sized {
    const KIND: RecordKind;
    /// The key of this list in the file (`activities`).
    const LIST: &'static str;
    fn list(ws: &Workspace) -> &Vec<Self>;
    fn list_mut(ws: &mut Workspace) -> &mut Vec<Self>;
    fn id(&self) -> Id;
    fn set_id(&mut self, id: Id);
    fn created_at(&self) -> Timestamp;
    fn set_created_at(&mut self, at: Timestamp);
    fn updated_at(&self) -> Timestamp;
    fn set_updated_at(&mut self, at: Timestamp);
    /// Versions known to be shared with another copy (see `merge_bases` in the model).
    fn bases(&self) -> &[Timestamp];
    fn bases_mut(&mut self) -> &mut Vec<Timestamp>;
    /// The record as the edit door takes it.
    fn into_record(self) -> Record;
}

/// A record kind's own rules. Everything but `FIELDS`, `problems` and `title` has a default.
pub trait Entry:
    Registered + Clone + PartialEq + Serialize + DeserializeOwned + audience::Carried
{
    /// The fields a person edits, by their name in the file (for merge conflicts). Keys that
    /// only make sense together are joined with `+` and merge as one.
    const FIELDS: &'static [&'static str];
    /// Records this one cannot exist without.
    fn owners(&self) -> Vec<Link> {
        Vec::new()
    }
    /// Rules that hold for every file (a load refuses a file that breaks them).
    fn problems(&self, ws: &Workspace) -> Vec<FieldProblem>;
    /// Rules over the whole list at once (two candidacies of one person in one cohort), for
    /// `validate`: `(index in the list, problem)`. Checked in one pass, not per record.
    fn list_problems(_list: &[Self], _ws: &Workspace) -> Vec<(usize, FieldProblem)> {
        Vec::new()
    }
    /// Rules checked only when a record is saved here, not when a file is loaded: two copies
    /// may each have made one (two scorecards by one interviewer), and a merge keeps both.
    fn save_problems(&self, _ws: &Workspace) -> Vec<FieldProblem> {
        Vec::new()
    }
    /// A short name for lists and merge previews.
    fn title(&self) -> String;
    /// A name that can use the workspace (people's names) for previews.
    fn title_in(&self, _ws: &Workspace) -> String {
        self.title()
    }
    /// Days that cannot be later than today when saved here (a level move, logged training),
    /// by field. Files may hold any day: another machine's clock may run ahead.
    fn not_after_today(&self) -> Vec<(&'static str, Date)> {
        Vec::new()
    }
    /// The days the record is dated by, for the plausibility check on save.
    fn days(&self) -> Vec<Date> {
        Vec::new()
    }
    /// A field's name for people, where the generic one (`role_title` → "role title") reads
    /// badly.
    fn field_label(_field: &str) -> Option<&'static str> {
        None
    }
    /// A field's value for people, where the generic one (from the file form) reads badly.
    fn show(&self, _field: &str, _ws: &Workspace) -> Option<String> {
        None
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
    /// Moves the record from candidacy `from` to `to` (when two copies enrolled the same person
    /// separately and a merge keeps one); returns whether it moved.
    fn rehome(&mut self, _from: Id, _to: Id) -> bool {
        false
    }
    /// When an owner is gone (`live` holds every record still here), lets another take the
    /// record over instead of it going too (a group session moves to the next candidate
    /// taking part); returns whether it moved. The cascade asks before it removes anything.
    fn adopt(&mut self, _live: &HashSet<(RecordKind, Id)>) -> bool {
        false
    }
    /// Clears soft references to records in `gone`; returns whether anything changed.
    fn forget(&mut self, _gone: &HashSet<Id>) -> bool {
        false
    }
    /// Refuses a delete that would leave other records unreadable (a framework ratings use).
    fn delete_refusal(_ws: &Workspace, _id: Id) -> Option<String> {
        None
    }
    /// Runs just after the record is saved here (a level move that names a team moves the
    /// person into it).
    fn after_save(_ws: &mut Workspace, _id: Id, _now: Timestamp) {}
    /// Runs just before the record is deleted (a 1:1 hands its open follow-ups on).
    fn on_delete(_ws: &mut Workspace, _id: Id, _now: Timestamp) {}
    /// Lines for the delete dialog beyond what the cascade removes (follow-ups that move on,
    /// scores that change a panel's spread).
    fn deletion_notes(&self, _ws: &Workspace) -> Vec<String> {
        Vec::new()
    }
}

/// Runs a generic function over every registered record list.
pub trait ListVisitor {
    fn visit<T: Entry>(&mut self);
}

/// A generic function over one record of any kind (see [`Record::visit`]).
pub trait RecordVisitor {
    type Out;
    fn visit<T: Entry>(&mut self, record: T) -> Self::Out;
}

/// Generates [`Record`], [`each_kind`] and the [`Registered`] impls from the registry.
#[macro_export]
#[doc(hidden)]
macro_rules! define_records {
    ($($kind:ident: $ty:ident, $list:ident, $name:literal;)+) => {
        /// Any record, as the UI hands it to [`Action::Put`](crate::logic::Action::Put).
        #[derive(Clone, Debug, PartialEq)]
        pub enum Record {
            $($kind($ty),)+
        }

        impl Record {
            pub fn kind(&self) -> RecordKind {
                match self {
                    $(Record::$kind(_) => RecordKind::$kind,)+
                }
            }
            /// Calls `v` with the record inside.
            pub fn visit<V: RecordVisitor>(self, v: &mut V) -> V::Out {
                match self {
                    $(Record::$kind(r) => v.visit(r),)+
                }
            }
        }

        $(
            impl From<$ty> for Record {
                fn from(r: $ty) -> Self {
                    Record::$kind(r)
                }
            }

            impl Registered for $ty {
                const KIND: RecordKind = RecordKind::$kind;
                const LIST: &'static str = stringify!($list);
                fn list(ws: &Workspace) -> &Vec<Self> {
                    &ws.$list
                }
                fn list_mut(ws: &mut Workspace) -> &mut Vec<Self> {
                    &mut ws.$list
                }
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
                fn into_record(self) -> Record {
                    Record::$kind(self)
                }
            }
        )+

        /// Calls `v.visit::<T>()` once for each registered record type, in the registry's
        /// order (people, cohorts and candidates first).
        pub fn each_kind(v: &mut impl ListVisitor) {
            $(v.visit::<$ty>();)+
        }
    };
}

crate::record_kinds!(define_records);

/// Whether a record of `kind` with `id` is in the workspace.
pub fn exists(ws: &Workspace, kind: RecordKind, id: Id) -> bool {
    struct Has<'a>(&'a Workspace, RecordKind, Id, bool);
    impl ListVisitor for Has<'_> {
        fn visit<T: Entry>(&mut self) {
            if T::KIND == self.1 {
                self.3 = T::list(self.0).iter().any(|r| r.id() == self.2);
            }
        }
    }
    let mut v = Has(ws, kind, id, false);
    each_kind(&mut v);
    v.3
}

/// The first required link of `r` whose record is missing.
pub fn missing_owner<T: Entry>(ws: &Workspace, r: &T) -> Option<Link> {
    r.owners().into_iter().find(|l| !exists(ws, l.kind, l.id))
}

/// Ids of every record in the workspace, of every kind.
pub fn all_ids(ws: &Workspace) -> Vec<Id> {
    struct Ids<'a>(&'a Workspace, Vec<Id>);
    impl ListVisitor for Ids<'_> {
        fn visit<T: Entry>(&mut self) {
            let ids: Vec<Id> = T::list(self.0).iter().map(Registered::id).collect();
            self.1.extend(ids);
        }
    }
    let mut v = Ids(ws, Vec::new());
    each_kind(&mut v);
    v.1
}

/// How many records of each kind the workspace holds, in the registry's order.
pub fn counts(ws: &Workspace) -> Vec<(RecordKind, usize)> {
    struct Count<'a>(&'a Workspace, Vec<(RecordKind, usize)>);
    impl ListVisitor for Count<'_> {
        fn visit<T: Entry>(&mut self) {
            self.1.push((T::KIND, T::list(self.0).len()));
        }
    }
    let mut v = Count(ws, Vec::new());
    each_kind(&mut v);
    v.1
}

/// A name for any record by id, for evidence links and previews.
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

/// A field's name for people: the kind's own label, or the file's key in words
/// (`role_title` → "role title", `starts_on+ends_on` → "starts on and ends on").
pub fn field_label<T: Entry>(field: &str) -> String {
    if let Some(l) = T::field_label(field) {
        return l.to_string();
    }
    let words: Vec<String> = field
        .split('+')
        .map(|k| {
            k.trim_end_matches("_ids")
                .trim_end_matches("_id")
                .replace('_', " ")
        })
        .collect();
    match words.as_slice() {
        [one] => one.clone(),
        [first, ..] if field.contains("kind") || field.contains("framework") => first.clone(),
        _ => words.join(" and "),
    }
}

/// Whether a year is plausible for something typed here (0026 and 20266 are slips).
pub fn plausible_day(d: Date) -> bool {
    (1990..=2100).contains(&d.year())
}

/// Whether the text is blank.
pub fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Removes `gone` ids from a list of soft references; returns whether any went.
pub fn forget_in(list: &mut Vec<Id>, gone: &HashSet<Id>) -> bool {
    let before = list.len();
    list.retain(|i| !gone.contains(i));
    list.len() != before
}

/// Clears a soft reference to a `gone` id; returns whether it did.
pub fn forget_opt(slot: &mut Option<Id>, gone: &HashSet<Id>) -> bool {
    if slot.is_some_and(|s| gone.contains(&s)) {
        *slot = None;
        true
    } else {
        false
    }
}

/// Whether all items differ.
pub fn unique<T: PartialEq>(items: impl Iterator<Item = T>) -> bool {
    let items: Vec<T> = items.collect();
    items
        .iter()
        .enumerate()
        .all(|(i, a)| !items[..i].contains(a))
}

/// The name of a candidacy's person, for titles.
pub fn candidate_name(ws: &Workspace, candidate_id: Id) -> &str {
    ws.candidate_name(candidate_id)
        .unwrap_or("(unknown candidate)")
}

/// The owner of a record kept per candidacy (and any other required people), and moving it
/// to another candidacy.
#[macro_export]
#[doc(hidden)]
macro_rules! owned_by_candidate {
    ($($field:ident: $kind:ident),*) => {
        fn owners(&self) -> Vec<$crate::logic::records::Link> {
            vec![
                $crate::logic::records::Link::new(
                    "candidate_id",
                    $crate::model::RecordKind::Candidate,
                    self.candidate_id,
                ),
                $($crate::logic::records::Link::new(
                    stringify!($field),
                    $crate::model::RecordKind::$kind,
                    self.$field,
                ),)*
            ]
        }
        fn rehome(&mut self, from: $crate::model::Id, to: $crate::model::Id) -> bool {
            let moves = self.candidate_id == from;
            if moves {
                self.candidate_id = to;
            }
            moves
        }
    };
}
