//! Merging a colleague's copy of the workspace into this one.
//!
//! Records are matched by id. Each record carries `merge_bases`: versions (`updated_at`) known
//! to be shared with another copy (exports add the version they send, merges the version they
//! settle on). For a record both sides have:
//!
//! - same `updated_at` → the same version: nothing to do;
//! - my version is among their shared versions → theirs grew from mine: take theirs;
//! - their version is among mine → keep mine;
//! - otherwise both changed since they last agreed → a conflict, resolved field by field
//!   (keep mine / take theirs) unless the contents are equal anyway.
//!
//! Deletions travel as tombstones and are never silently undone: a record deleted here stays
//! deleted (unless they changed it after the deletion: then the person decides), and a record
//! deleted there is removed here unless it changed here after that deletion (then too).
//! Every resolved record remembers their version as shared, so merging the same file again
//! changes nothing.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use crate::logic::entries::{entry_label, prune, Entry};
use crate::model::{
    Activity, Assessment, Assignment, Calibration, Candidate, CaseReview, Cohort, Evidence,
    FeedbackRound, Framework, HealthCheck, Id, Interview, JournalEntry, OneOnOne, Person,
    RecordKind, Reference, Retro, Snippet, Timestamp, Tombstone, Workspace,
};

/// Which side's value to keep for one field of a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

/// One field that differs in a conflict, shown to the person as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDiff {
    pub field: &'static str,
    pub mine: String,
    pub theirs: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConflictKind {
    /// Both sides changed the record: choose per field.
    BothChanged(Vec<FieldDiff>),
    /// Deleted here, changed there after the deletion: keep it deleted, or restore theirs.
    DeletedHereChangedThere,
    /// Deleted there, changed here after that: keep mine, or delete it.
    DeletedThereChangedHere,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub id: Id,
    pub kind: RecordKind,
    /// A name for the record ("Priya Raman", "MiT 2026 Q4", "Priya Raman in MiT 2026 Q4").
    pub label: String,
    pub what: ConflictKind,
}

/// One line of the preview: a record and what happens to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub id: Id,
    pub kind: RecordKind,
    pub label: String,
    /// For an update: each field that changes, from mine to theirs.
    pub details: Vec<FieldDiff>,
}

/// What a merge does, listed before anything changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: Vec<Change>,
    pub updated: Vec<Change>,
    /// Removed here because they deleted them (and nothing changed here since).
    pub removed: Vec<Change>,
    /// In their file but deleted here: they stay deleted.
    pub kept_deleted: Vec<Change>,
    pub conflicts: Vec<Conflict>,
    /// Adjustments so no reference dangles (e.g. their new candidate for a person deleted here).
    pub repairs: Vec<String>,
}

impl MergeReport {
    /// Nothing would change.
    pub fn is_noop(&self) -> bool {
        self.added.is_empty()
            && self.updated.is_empty()
            && self.removed.is_empty()
            && self.conflicts.is_empty()
            && self.repairs.is_empty()
    }
}

/// The person's choices for conflicts: per record, per field (`"record"` for the deletion
/// conflicts). Anything not chosen keeps this side's value.
pub type Resolutions = HashMap<Id, BTreeMap<&'static str, Side>>;

/// A record type that can be merged: its version stamps, a name, and its fields.
trait Mergeable: Clone + PartialEq {
    const KIND: RecordKind;
    fn id(&self) -> Id;
    fn updated_at(&self) -> Timestamp;
    fn set_updated_at(&mut self, at: Timestamp);
    /// Versions known to be shared with another copy (see `merge_bases` in the model).
    fn bases(&self) -> &[Timestamp];
    fn bases_mut(&mut self) -> &mut Vec<Timestamp>;
    /// Fields the person can choose between: (name, display value).
    fn fields(&self, ws: &Workspace) -> Vec<(&'static str, String)>;
    /// Copies one field from `other`.
    fn take_field(&mut self, field: &str, other: &Self);
    /// Whether one field holds the same value on both sides. Compares values, not the text
    /// shown (which may summarise: "3 of 7"). `None`: compare the shown text.
    fn field_eq(&self, _field: &str, _other: &Self) -> Option<bool> {
        None
    }
    /// Their version with what a scoped file withheld from them (see `scope`) filled in from
    /// mine, or `None` when nothing was withheld: a file that never held a note cannot clear it.
    fn fill_withheld(&self, _theirs: &Self) -> Option<Self> {
        None
    }
    /// Settles a field both sides changed by combining them, when that loses nothing.
    fn combine(&mut self, _field: &str, _theirs: &Self) -> bool {
        false
    }
}

/// The version accessors every record type has the same way.
macro_rules! versions {
    ($kind:ident) => {
        const KIND: RecordKind = RecordKind::$kind;
        fn id(&self) -> Id {
            self.id
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
    };
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref()
        .map(ToString::to_string)
        .unwrap_or_else(|| "—".into())
}

impl Mergeable for Person {
    versions!(Person);
    fn fields(&self, _: &Workspace) -> Vec<(&'static str, String)> {
        vec![
            ("name", self.name.clone()),
            ("email", opt(&self.email)),
            ("team", self.team.clone()),
            ("role title", self.role_title.clone()),
            ("level", self.level.code().into()),
            ("joined on", opt(&self.joined_on)),
            ("left on", opt(&self.left_on)),
        ]
    }
    fn take_field(&mut self, field: &str, o: &Self) {
        match field {
            "name" => self.name = o.name.clone(),
            "email" => self.email = o.email.clone(),
            "team" => self.team = o.team.clone(),
            "role title" => self.role_title = o.role_title.clone(),
            "level" => self.level = o.level,
            "joined on" => self.joined_on = o.joined_on,
            "left on" => self.left_on = o.left_on,
            _ => {}
        }
    }
}

impl Mergeable for Cohort {
    versions!(Cohort);
    fn fields(&self, ws: &Workspace) -> Vec<(&'static str, String)> {
        let names = |ids: &[Id]| {
            ids.iter()
                .map(|i| ws.person_name(*i))
                .collect::<Vec<_>>()
                .join(", ")
        };
        vec![
            ("name", self.name.clone()),
            (
                "sponsor",
                self.sponsor_id
                    .map_or("—".into(), |s| ws.person_name(s).to_string()),
            ),
            ("coaches", names(&self.coach_ids)),
            (
                "phases",
                self.phases
                    .iter()
                    .map(|p| format!("{} {}–{}", p.kind.name(), p.starts_on, p.ends_on))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            (
                "success signals",
                self.success_signals
                    .iter()
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" | "),
            ),
            (
                "interview scenarios",
                self.scenarios
                    .iter()
                    .map(|s| format!("{}: {}", s.title, s.prompt))
                    .collect::<Vec<_>>()
                    .join(" | "),
            ),
            (
                "standard week",
                crate::logic::journey::week_plan_line(&self.week),
            ),
        ]
    }
    fn take_field(&mut self, field: &str, o: &Self) {
        match field {
            "name" => self.name = o.name.clone(),
            "interview scenarios" => self.scenarios = o.scenarios.clone(),
            "standard week" => self.week = o.week.clone(),
            "sponsor" => self.sponsor_id = o.sponsor_id,
            "coaches" => self.coach_ids = o.coach_ids.clone(),
            "phases" => self.phases = o.phases.clone(),
            "success signals" => self.success_signals = o.success_signals.clone(),
            _ => {}
        }
    }
}

impl Mergeable for Candidate {
    versions!(Candidate);
    fn fields(&self, ws: &Workspace) -> Vec<(&'static str, String)> {
        let json = |v: &dyn erased::Json| describe(&v.value(), ws);
        vec![
            ("status", self.status.label().into()),
            ("protected hours", self.protected_hours_per_week.to_string()),
            ("nomination", json(&self.nomination)),
            (
                "green flags",
                if self.green_flags.is_empty() {
                    "—".into()
                } else {
                    self.green_flags
                        .iter()
                        .map(|f| f.label())
                        .collect::<Vec<_>>()
                        .join("; ")
                },
            ),
            (
                "wants to manage",
                self.wants_to_manage
                    .map_or("—".into(), |w| w.label().into()),
            ),
            ("decision", json(&self.decision)),
            (
                "success signals",
                self.signals
                    .iter()
                    .map(|m| {
                        let text = ws
                            .cohort(self.cohort_id)
                            .and_then(|c| c.success_signals.iter().find(|s| s.id == m.signal_id))
                            .map_or("(a removed signal)", |s| s.text.as_str());
                        let state = m
                            .met_on
                            .map_or("not yet".to_string(), |d| format!("met {d}"));
                        format!("{text}: {state}, {} evidence", m.evidence.len())
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        ]
    }
    fn fill_withheld(&self, theirs: &Self) -> Option<Self> {
        let mut t = theirs.clone();
        let mut filled = false;
        if let (Some(mine), Some(their)) = (&self.decision, &mut t.decision) {
            if their.reason.is_empty()
                && !mine.reason.is_empty()
                && (their.verdict, their.on) == (mine.verdict, mine.on)
            {
                their.reason = mine.reason.clone();
                filled = true;
            }
        }
        if t.green_flags.is_empty() && !self.green_flags.is_empty() {
            t.green_flags = self.green_flags.clone();
            filled = true;
        }
        if let (Some(mine), Some(their)) = (&self.nomination, &mut t.nomination) {
            if their.rationale.is_empty()
                && !mine.rationale.is_empty()
                && their.kind == crate::model::NominationKind::Manager
                && mine.kind == their.kind
            {
                their.rationale = mine.rationale.clone();
                filled = true;
            }
        }
        filled.then_some(t)
    }
    fn field_eq(&self, field: &str, o: &Self) -> Option<bool> {
        Some(match field {
            "status" => self.status == o.status,
            "protected hours" => self.protected_hours_per_week == o.protected_hours_per_week,
            "nomination" => self.nomination == o.nomination,
            "green flags" => self.green_flags == o.green_flags,
            "wants to manage" => self.wants_to_manage == o.wants_to_manage,
            "decision" => self.decision == o.decision,
            "success signals" => self.signals == o.signals,
            _ => return None,
        })
    }
    fn take_field(&mut self, field: &str, o: &Self) {
        match field {
            "status" => self.status = o.status,
            "protected hours" => self.protected_hours_per_week = o.protected_hours_per_week,
            "nomination" => self.nomination = o.nomination.clone(),
            "green flags" => self.green_flags = o.green_flags.clone(),
            "wants to manage" => self.wants_to_manage = o.wants_to_manage,
            "decision" => self.decision = o.decision.clone(),
            "success signals" => self.signals = o.signals.clone(),
            _ => {}
        }
    }
}

/// Serialising any field to a JSON value, for the generic field display.
mod erased {
    pub trait Json {
        fn value(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Json for T {
        fn value(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
        }
    }
}

/// A field's value as a person reads it: text as is, ids of people as their names, lists
/// joined, records by their text or title.
fn describe(v: &Value, ws: &Workspace) -> String {
    match v {
        Value::Null => "—".into(),
        Value::Bool(b) => if *b { "yes" } else { "no" }.into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => match Id::parse_str(s).ok().and_then(|id| ws.person(id)) {
            Some(p) => p.name.clone(),
            None => s.clone(),
        },
        Value::Array(items) if items.is_empty() => "—".into(),
        Value::Array(items) => items
            .iter()
            .map(|i| describe(i, ws))
            .collect::<Vec<_>>()
            .join("; "),
        Value::Object(map) => {
            let mut parts = Vec::new();
            for (k, v) in map {
                if k == "id"
                    || k.ends_with("_id")
                        && Id::parse_str(v.as_str().unwrap_or(""))
                            .is_ok_and(|i| ws.person(i).is_none())
                {
                    continue;
                }
                parts.push(format!("{}: {}", k.replace('_', " "), describe(v, ws)));
            }
            parts.join(", ")
        }
    }
}

/// The fields of a journey record, read from its file form. A `FIELDS` entry may join keys
/// that only make sense together with `+` (an activity's kind and its debrief): they are shown,
/// compared and taken as one.
fn entry_fields<T: Entry>(r: &T, ws: &Workspace) -> Vec<(&'static str, String)> {
    let v = serde_json::to_value(r).unwrap_or(Value::Null);
    T::FIELDS
        .iter()
        .map(|f| {
            let shown: Vec<String> = f
                .split('+')
                .map(|k| describe(v.get(k).unwrap_or(&Value::Null), ws))
                .filter(|d| d != "—")
                .collect();
            let shown = if shown.is_empty() {
                "—".to_string()
            } else {
                shown.join(" · ")
            };
            (*f, shown)
        })
        .collect()
}

/// Whether one (possibly joined) field of two journey records holds the same values.
fn entry_field_eq<T: Entry>(a: &T, field: &str, b: &T) -> bool {
    let (va, vb) = (
        serde_json::to_value(a).unwrap_or(Value::Null),
        serde_json::to_value(b).unwrap_or(Value::Null),
    );
    field.split('+').all(|k| va.get(k) == vb.get(k))
}

/// Copies one (possibly joined) field of a journey record from `other` through its file form.
fn entry_take<T: Entry>(r: &mut T, field: &str, other: &T) {
    let (Ok(mut mine), Ok(theirs)) = (serde_json::to_value(&*r), serde_json::to_value(other))
    else {
        return;
    };
    if let Value::Object(map) = &mut mine {
        for key in field.split('+') {
            match theirs.get(key) {
                Some(v) => map.insert(key.to_string(), v.clone()),
                None => map.remove(key),
            };
        }
    }
    if let Ok(next) = serde_json::from_value(mine) {
        *r = next;
    }
}

macro_rules! mergeable_entry {
    ($($t:ident),+) => {$(
        impl Mergeable for $t {
            versions!($t);
            fn fields(&self, ws: &Workspace) -> Vec<(&'static str, String)> {
                entry_fields(self, ws)
            }
            fn take_field(&mut self, field: &str, o: &Self) {
                entry_take(self, field, o)
            }
            fn field_eq(&self, field: &str, o: &Self) -> Option<bool> {
                Some(entry_field_eq(self, field, o))
            }
            fn combine(&mut self, field: &str, o: &Self) -> bool {
                self.combine_field(field, o)
            }
            fn fill_withheld(&self, theirs: &Self) -> Option<Self> {
                <Self as Entry>::fill_withheld(self, theirs)
            }
        }
    )+};
}

mergeable_entry!(
    Reference,
    Interview,
    Activity,
    Assignment,
    OneOnOne,
    JournalEntry,
    Snippet,
    CaseReview,
    Retro,
    Framework,
    Assessment,
    Evidence,
    Calibration,
    FeedbackRound,
    HealthCheck
);

/// How many shared versions a record remembers.
const MAX_BASES: usize = 4;

/// Remembers `version` as shared with another copy.
fn note_base(bases: &mut Vec<Timestamp>, version: Timestamp) -> bool {
    if bases.contains(&version) {
        return false;
    }
    bases.push(version);
    if bases.len() > MAX_BASES {
        bases.remove(0);
    }
    true
}

/// How two versions of one record relate.
enum Relation {
    Same,
    TakeTheirs,
    KeepMine,
    Conflict,
}

fn relate<T: Mergeable>(mine: &T, theirs: &T) -> Relation {
    let (m, t) = (mine.updated_at(), theirs.updated_at());
    if m == t {
        Relation::Same
    } else if theirs.bases().contains(&m) {
        // My version was shared with them and theirs grew from it.
        Relation::TakeTheirs
    } else if mine.bases().contains(&t) {
        Relation::KeepMine
    } else if strip(mine) == strip(theirs) {
        Relation::Same
    } else {
        // Changed on both sides, or no shared version is known: the person decides.
        Relation::Conflict
    }
}

/// A record with its version stamps cleared, to compare contents.
fn strip<T: Mergeable>(r: &T) -> T {
    let mut r = r.clone();
    r.set_updated_at(Timestamp::MIN_UTC);
    r.bases_mut().clear();
    r
}

/// Their record as it comes in: their version, now shared with this copy.
fn arrived<T: Mergeable>(t: &T) -> T {
    let mut r = t.clone();
    note_base(r.bases_mut(), t.updated_at());
    r
}

fn label_of(ws: &Workspace, other: &Workspace, kind: RecordKind, id: Id) -> String {
    let name = |id: Id| {
        ws.person(id)
            .or_else(|| other.person(id))
            .map_or("(unknown person)".to_string(), |p| p.name.clone())
    };
    let cohort = |id: Id| {
        ws.cohort(id)
            .or_else(|| other.cohort(id))
            .map_or("(unknown cohort)".to_string(), |c| c.name.clone())
    };
    match kind {
        RecordKind::Person => name(id),
        RecordKind::Cohort => cohort(id),
        RecordKind::Candidate => ws
            .candidate(id)
            .or_else(|| other.candidate(id))
            .map_or("(unknown candidate)".into(), |c| {
                format!("{} in {}", name(c.person_id), cohort(c.cohort_id))
            }),
        _ => entry_label(ws, id)
            .or_else(|| entry_label(other, id))
            .map_or_else(|| format!("a {}", kind.name()), |(_, title)| title),
    }
}

struct Merger<'a> {
    mine: &'a Workspace,
    theirs: &'a Workspace,
    resolutions: &'a Resolutions,
    now: Timestamp,
    report: MergeReport,
    tombstones: Vec<Tombstone>,
}

impl Merger<'_> {
    fn change(&self, kind: RecordKind, id: Id) -> Change {
        Change {
            id,
            kind,
            label: label_of(self.mine, self.theirs, kind, id),
            details: Vec::new(),
        }
    }

    /// The fields that differ between my and their version of a record.
    fn diffs<T: Mergeable>(&self, m: &T, t: &T) -> Vec<FieldDiff> {
        m.fields(self.mine)
            .into_iter()
            .zip(t.fields(self.theirs))
            .filter(|(a, b)| !m.field_eq(a.0, t).unwrap_or(a.1 == b.1))
            .map(|(a, b)| FieldDiff {
                field: a.0,
                mine: a.1,
                theirs: b.1,
            })
            .collect()
    }

    fn tomb(list: &[Tombstone], id: Id) -> Option<&Tombstone> {
        list.iter().find(|t| t.id == id)
    }

    fn choice(&self, id: Id, field: &str) -> Side {
        self.resolutions
            .get(&id)
            .and_then(|m| m.get(field))
            .copied()
            .unwrap_or(Side::Mine)
    }

    /// Merges one list of records; returns the merged list.
    fn list<T: Mergeable>(&mut self, mine: &[T], theirs: &[T]) -> Vec<T> {
        let kind = T::KIND;
        let theirs_by_id: HashMap<Id, &T> = theirs.iter().map(|r| (r.id(), r)).collect();
        let mut out = Vec::with_capacity(mine.len() + theirs.len());
        for m in mine {
            let id = m.id();
            match theirs_by_id.get(&id) {
                Some(t) => out.push(self.both(m, t)),
                None => match Self::tomb(&self.theirs.deleted, id) {
                    // Their deletion was already weighed here (kept on purpose): nothing new.
                    Some(tomb) if m.bases().contains(&tomb.deleted_at) => {
                        out.push(m.clone());
                    }
                    // They deleted exactly the version I have: remove it. Changed here
                    // since (or unknown) → ask.
                    Some(tomb) if tomb.version == Some(m.updated_at()) => {
                        self.report.removed.push(self.change(kind, id));
                        self.tombstones.push(tomb.clone());
                    }
                    Some(tomb) => {
                        self.report.conflicts.push(Conflict {
                            id,
                            kind,
                            label: label_of(self.mine, self.theirs, kind, id),
                            what: ConflictKind::DeletedThereChangedHere,
                        });
                        if self.choice(id, "record") == Side::Theirs {
                            self.tombstones.push(tomb.clone());
                        } else {
                            // Kept on purpose: remember that their deletion was seen.
                            let mut r = m.clone();
                            note_base(r.bases_mut(), tomb.deleted_at);
                            out.push(r);
                        }
                    }
                    None => out.push(m.clone()),
                },
            }
        }
        for t in theirs {
            let id = t.id();
            if mine.iter().any(|m| m.id() == id) {
                continue;
            }
            match Self::tomb(&self.mine.deleted, id) {
                // Deleted here: stays deleted if theirs is the version I deleted; if they
                // changed it (or the version is unknown), the person may bring it back.
                Some(tomb) if tomb.version != Some(t.updated_at()) => {
                    self.report.conflicts.push(Conflict {
                        id,
                        kind,
                        label: label_of(self.mine, self.theirs, kind, id),
                        what: ConflictKind::DeletedHereChangedThere,
                    });
                    if self.choice(id, "record") == Side::Theirs {
                        out.push(arrived(t));
                    } else {
                        // Kept deleted on purpose: the deletion now covers their version.
                        self.tombstones.push(Tombstone {
                            version: Some(t.updated_at()),
                            ..tomb.clone()
                        });
                    }
                }
                Some(_) => self.report.kept_deleted.push(self.change(kind, id)),
                None => {
                    self.report.added.push(self.change(kind, id));
                    out.push(arrived(t));
                }
            }
        }
        out
    }

    fn both<T: Mergeable>(&mut self, m: &T, t: &T) -> T {
        let kind = T::KIND;
        let id = m.id();
        let filled = m.fill_withheld(t);
        let t = filled.as_ref().unwrap_or(t);
        match relate(m, t) {
            Relation::Same | Relation::KeepMine => {
                let mut r = m.clone();
                // Their (different) version is now known here: a second merge finds nothing new.
                if m.updated_at() != t.updated_at() {
                    note_base(r.bases_mut(), t.updated_at());
                }
                r
            }
            Relation::TakeTheirs => {
                let change = Change {
                    details: self.diffs(m, t),
                    ..self.change(kind, id)
                };
                self.report.updated.push(change);
                arrived(t)
            }
            Relation::Conflict => {
                let mut diffs = self.diffs(m, t);
                let mut r = m.clone();
                // Fields that combine without loss are settled, and shown as an update.
                let (combined, ask): (Vec<FieldDiff>, Vec<FieldDiff>) =
                    diffs.drain(..).partition(|d| r.combine(d.field, t));
                let diffs = ask;
                for d in &diffs {
                    if self.choice(id, d.field) == Side::Theirs {
                        r.take_field(d.field, t);
                    }
                }
                if !combined.is_empty() {
                    let shown: HashMap<&str, String> = r.fields(self.mine).into_iter().collect();
                    let details = combined
                        .into_iter()
                        .map(|d| FieldDiff {
                            theirs: shown.get(d.field).cloned().unwrap_or(d.theirs),
                            ..d
                        })
                        .collect();
                    self.report.updated.push(Change {
                        details,
                        ..self.change(kind, id)
                    });
                }
                if !diffs.is_empty() {
                    self.report.conflicts.push(Conflict {
                        id,
                        kind,
                        label: label_of(self.mine, self.theirs, kind, id),
                        what: ConflictKind::BothChanged(diffs),
                    });
                }
                // Seen their version: a second merge of the same file finds nothing new.
                if strip(&r) == strip(t) {
                    r = arrived(t);
                } else {
                    if strip(&r) != strip(m) {
                        r.set_updated_at(self.now);
                    }
                    note_base(r.bases_mut(), t.updated_at());
                }
                r
            }
        }
    }
}

/// Merges `theirs` into `mine` with the person's `resolutions` (unchosen fields keep mine).
/// Returns the merged workspace and the report of what it did; the result always validates.
pub fn merge(
    mine: &Workspace,
    theirs: &Workspace,
    resolutions: &Resolutions,
    now: Timestamp,
) -> (Workspace, MergeReport) {
    let mut mg = Merger {
        mine,
        theirs,
        resolutions,
        now,
        report: MergeReport::default(),
        tombstones: Vec::new(),
    };
    let people = mg.list(&mine.people, &theirs.people);
    let cohorts = mg.list(&mine.cohorts, &theirs.cohorts);
    let candidates = mg.list(&mine.candidates, &theirs.candidates);
    let references = mg.list(&mine.references, &theirs.references);
    let interviews = mg.list(&mine.interviews, &theirs.interviews);
    let activities = mg.list(&mine.activities, &theirs.activities);
    let assignments = mg.list(&mine.assignments, &theirs.assignments);
    let one_on_ones = mg.list(&mine.one_on_ones, &theirs.one_on_ones);
    let journal = mg.list(&mine.journal, &theirs.journal);
    let snippets = mg.list(&mine.snippets, &theirs.snippets);
    let case_reviews = mg.list(&mine.case_reviews, &theirs.case_reviews);
    let retros = mg.list(&mine.retros, &theirs.retros);
    let frameworks = mg.list(&mine.frameworks, &theirs.frameworks);
    let assessments = mg.list(&mine.assessments, &theirs.assessments);
    let evidence = mg.list(&mine.evidence, &theirs.evidence);
    let calibrations = mg.list(&mine.calibrations, &theirs.calibrations);
    let feedback_rounds = mg.list(&mine.feedback_rounds, &theirs.feedback_rounds);
    let health_checks = mg.list(&mine.health_checks, &theirs.health_checks);

    // Tombstones: ours, theirs, and those a removal used; minus anything alive again.
    let mut deleted = mine.deleted.clone();
    for t in &theirs.deleted {
        match deleted.iter_mut().find(|d| d.id == t.id) {
            Some(d) => d.deleted_at = d.deleted_at.max(t.deleted_at),
            None => deleted.push(t.clone()),
        }
    }
    // This merge's own decisions (removals, "keep it deleted") win over what either side had.
    for t in mg.tombstones.drain(..) {
        match deleted.iter_mut().find(|d| d.id == t.id) {
            Some(d) => *d = t,
            None => deleted.push(t),
        }
    }
    let mut ws = Workspace {
        organisation: if mine.organisation.trim().is_empty() {
            theirs.organisation.clone()
        } else {
            mine.organisation.clone()
        },
        people,
        cohorts,
        candidates,
        references,
        interviews,
        activities,
        assignments,
        one_on_ones,
        journal,
        snippets,
        case_reviews,
        retros,
        frameworks,
        assessments,
        evidence,
        calibrations,
        feedback_rounds,
        health_checks,
        deleted,
    };
    let alive: std::collections::HashSet<Id> = ws
        .people
        .iter()
        .map(|p| p.id)
        .chain(ws.cohorts.iter().map(|c| c.id))
        .chain(ws.candidates.iter().map(|c| c.id))
        .chain(crate::logic::entries::all_entry_ids(&ws))
        .collect();
    ws.deleted.retain(|t| !alive.contains(&t.id));
    keep_frameworks_in_use(&mut ws, mine, theirs, &mut mg.report);
    repair(&mut ws, &mut mg.report, now);
    // Removals that were already gone on both sides are not news.
    let report = mg.report;
    (ws, report)
}

/// A framework that ratings use survives a merge whole: deleted in one copy, it is kept (the
/// other copy's ratings need it); edited in one copy to drop a domain or level the other copy
/// rates against, the part comes back retired, as an edit here would have kept it.
fn keep_frameworks_in_use(
    ws: &mut Workspace,
    mine: &Workspace,
    theirs: &Workspace,
    report: &mut MergeReport,
) {
    let used: std::collections::HashSet<Id> = ws
        .assessments
        .iter()
        .map(|a| a.framework_id)
        .chain(ws.calibrations.iter().map(|c| c.framework_id))
        .collect();
    for id in used {
        if crate::logic::frameworks::is_builtin(id) || ws.frameworks.iter().any(|f| f.id == id) {
            continue;
        }
        let old = mine
            .frameworks
            .iter()
            .chain(theirs.frameworks.iter())
            .find(|f| f.id == id);
        if let Some(old) = old {
            ws.frameworks.push(old.clone());
            ws.deleted.retain(|t| t.id != id);
            report.repairs.push(format!(
                "The framework “{}” was deleted in one copy, but ratings in the other use it, so it was kept.",
                old.name
            ));
        }
    }
    for i in 0..ws.frameworks.len() {
        let id = ws.frameworks[i].id;
        let in_use = crate::logic::frameworks::used_ids(ws, id);
        let fw = &mut ws.frameworks[i];
        let before = (fw.domains.len(), fw.levels.len());
        for old in mine
            .frameworks
            .iter()
            .chain(theirs.frameworks.iter())
            .filter(|f| f.id == id)
        {
            crate::logic::frameworks::keep_used(fw, old, &in_use);
        }
        if (fw.domains.len(), fw.levels.len()) != before {
            report.repairs.push(format!(
                "“{}”: a domain or level that ratings use was dropped in one copy; it is kept as retired.",
                fw.name
            ));
        }
    }
}

/// Makes references whole after a merge: drops candidates whose person or cohort is gone,
/// clears sponsors and coaches who are gone, and says what it did.
fn repair(ws: &mut Workspace, report: &mut MergeReport, now: Timestamp) {
    let people: std::collections::HashSet<Id> = ws.people.iter().map(|p| p.id).collect();
    let cohorts: std::collections::HashSet<Id> = ws.cohorts.iter().map(|c| c.id).collect();
    let mut dropped = Vec::new();
    ws.candidates.retain(|c| {
        let ok = people.contains(&c.person_id) && cohorts.contains(&c.cohort_id);
        if !ok {
            dropped.push((c.id, c.updated_at));
        }
        ok
    });
    for (id, version) in dropped {
        report
            .repairs
            .push("A candidacy was left out: its person or cohort was deleted.".to_string());
        if !ws.deleted.iter().any(|t| t.id == id) {
            ws.deleted.push(Tombstone {
                id,
                kind: RecordKind::Candidate,
                deleted_at: now,
                version: Some(version),
            });
        }
    }
    for c in &mut ws.cohorts {
        let was = (c.sponsor_id, c.coach_ids.len());
        if c.sponsor_id.is_some_and(|s| !people.contains(&s)) {
            c.sponsor_id = None;
            report.repairs.push(format!(
                "“{}” has no sponsor now: the sponsor was deleted.",
                c.name
            ));
        }
        let before = c.coach_ids.len();
        c.coach_ids.retain(|k| people.contains(k));
        if c.coach_ids.len() != before {
            report.repairs.push(format!(
                "A coach of “{}” was deleted, so is no longer listed.",
                c.name
            ));
        }
        if was != (c.sponsor_id, c.coach_ids.len()) {
            // A changed record is a new version, so copies can tell it apart.
            c.updated_at = now;
        }
    }
    // Two candidacies of one person in one cohort (made separately on each side): keep the
    // first, and move what was recorded on the other to it, so nothing typed is lost.
    let mut seen: HashMap<(Id, Id), Id> = HashMap::new();
    let mut doubles = Vec::new();
    ws.candidates
        .retain(|c| match seen.get(&(c.cohort_id, c.person_id)) {
            Some(kept) => {
                doubles.push((c.id, c.updated_at, *kept));
                false
            }
            None => {
                seen.insert((c.cohort_id, c.person_id), c.id);
                true
            }
        });
    for (id, version, kept) in doubles {
        report.repairs.push(
            "A second candidacy of the same person in the same cohort was merged into the first."
                .into(),
        );
        crate::logic::entries::rehome_all(ws, id, kept, now);
        ws.deleted.push(Tombstone {
            id,
            kind: RecordKind::Candidate,
            deleted_at: now,
            version: Some(version),
        });
    }
    // Journey records whose candidate, cohort or person is gone go with them.
    let mut buried = Vec::new();
    for line in prune(ws, &[], now, &mut buried) {
        report.repairs.push(format!(
            "Left out the {line}: what it belonged to was deleted."
        ));
    }
    for (kind, id, version) in buried {
        if !ws.deleted.iter().any(|t| t.id == id) {
            ws.deleted.push(Tombstone {
                id,
                kind,
                deleted_at: now,
                version: Some(version),
            });
        }
    }
}

/// Marks what is about to be sent (exported): every record remembers its current version as
/// shared, so a copy that grows from this file can later be recognised as having done so.
/// `only` limits it to the records a scoped file holds.
/// Returns whether anything changed.
pub fn mark_sent(ws: &mut Workspace, only: Option<&std::collections::HashSet<Id>>) -> bool {
    let sent = |id: Id| only.is_none_or(|o| o.contains(&id));
    let mut changed = false;
    for p in ws.people.iter_mut().filter(|p| sent(p.id)) {
        changed |= note_base(&mut p.merge_bases, p.updated_at);
    }
    for c in ws.cohorts.iter_mut().filter(|c| sent(c.id)) {
        changed |= note_base(&mut c.merge_bases, c.updated_at);
    }
    for c in ws.candidates.iter_mut().filter(|c| sent(c.id)) {
        changed |= note_base(&mut c.merge_bases, c.updated_at);
    }
    struct Mark<'a, F: Fn(Id) -> bool> {
        ws: &'a mut Workspace,
        sent: F,
        changed: bool,
    }
    impl<F: Fn(Id) -> bool> crate::logic::entries::ListVisitor for Mark<'_, F> {
        fn visit<T: Entry>(&mut self) {
            for r in T::list_mut(self.ws) {
                if (self.sent)(r.id()) {
                    let at = r.updated_at();
                    self.changed |= note_base(r.bases_mut(), at);
                }
            }
        }
    }
    let mut m = Mark { ws, sent, changed };
    crate::logic::entries::each_kind(&mut m);
    m.changed
}
