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

use super::{all_ids, cascade, each_kind, entry_label, field_label, Entry, ListVisitor};
use crate::model::{Date, Id, RecordKind, Timestamp, Tombstone, Workspace};

/// Which side's value to keep for one field of a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

/// One field that differs in a conflict, shown to the person as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDiff {
    /// The field's key in the file (what [`Resolutions`] name).
    pub field: &'static str,
    /// The field's name for people ("follow-ups", "role title").
    pub label: String,
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

/// A field's value as a person reads it: text as is, ids of people as their names, lists
/// joined, records by their text or title.
fn describe(v: &Value, ws: &Workspace) -> String {
    match v {
        Value::Null => "—".into(),
        Value::Bool(b) => if *b { "yes" } else { "no" }.into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => match Id::parse_str(s).ok().and_then(|id| ws.person(id)) {
            Some(p) => p.name.clone(),
            // Days read as everywhere else in the app ("1 Dec 2026").
            None => match Date::parse_from_str(s, "%Y-%m-%d") {
                Ok(d) => crate::logic::journey::day_text(d),
                Err(_) => s.clone(),
            },
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

/// The fields of a record, read from its file form (or as the kind shows them). A `FIELDS`
/// entry may join keys that only make sense together with `+` (an activity's kind and its
/// debrief): they are shown, compared and taken as one.
fn entry_fields<T: Entry>(r: &T, ws: &Workspace) -> Vec<(&'static str, String)> {
    let v = crate::file::json::to_value(&r);
    T::FIELDS
        .iter()
        .map(|f| {
            if let Some(shown) = r.show(f, ws) {
                return (*f, shown);
            }
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
        crate::file::json::to_value(&a),
        crate::file::json::to_value(&b),
    );
    field.split('+').all(|k| va.get(k) == vb.get(k))
}

/// Copies one (possibly joined) field of a journey record from `other` through its file form.
fn entry_take<T: Entry>(r: &mut T, field: &str, other: &T) {
    let (mut mine, theirs) = (
        crate::file::json::to_value(&*r),
        crate::file::json::to_value(other),
    );
    if let Value::Object(map) = &mut mine {
        for key in field.split('+') {
            match theirs.get(key) {
                Some(v) => map.insert(key.to_string(), v.clone()),
                None => map.remove(key),
            };
        }
    }
    if let Ok(next) = crate::file::json::from_value(&mine) {
        *r = next;
    }
}

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

fn relate<T: Entry>(mine: &T, theirs: &T) -> Relation {
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
fn strip<T: Entry>(r: &T) -> T {
    let mut r = r.clone();
    r.set_updated_at(Timestamp::MIN_UTC);
    r.bases_mut().clear();
    r
}

/// Their record as it comes in: their version, now shared with this copy.
fn arrived<T: Entry>(t: &T) -> T {
    let mut r = t.clone();
    note_base(r.bases_mut(), t.updated_at());
    r
}

fn label_of(ws: &Workspace, other: &Workspace, kind: RecordKind, id: Id) -> String {
    entry_label(ws, id)
        .or_else(|| entry_label(other, id))
        .map_or_else(|| format!("a {}", kind.name()), |(_, title)| title)
}

struct Merger<'a> {
    mine: &'a Workspace,
    theirs: &'a Workspace,
    resolutions: &'a Resolutions,
    now: Timestamp,
    report: MergeReport,
    tombstones: Vec<Tombstone>,
    /// Records kept here although the other copy deleted them (a conflict settled for mine).
    /// What their deletion took with it there (a person's level history) stays with them
    /// here; owners come before what they own in the registry, so this is filled in time.
    kept: std::collections::HashSet<Id>,
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
    fn diffs<T: Entry>(&self, m: &T, t: &T) -> Vec<FieldDiff> {
        entry_fields(m, self.mine)
            .into_iter()
            .zip(entry_fields(t, self.theirs))
            .filter(|(a, _)| !entry_field_eq(m, a.0, t))
            .map(|(a, b)| FieldDiff {
                field: a.0,
                label: field_label::<T>(a.0),
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
    fn list<T: Entry>(&mut self, mine: &[T], theirs: &[T]) -> Vec<T> {
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
                    // Gone there with an owner that stays here: it stays too.
                    Some(tomb) if m.owners().iter().any(|l| self.kept.contains(&l.id)) => {
                        let mut r = m.clone();
                        note_base(r.bases_mut(), tomb.deleted_at);
                        self.kept.insert(id);
                        out.push(r);
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
                            self.kept.insert(id);
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
                        self.kept.insert(id);
                        out.push(arrived(t));
                    } else {
                        // Kept deleted on purpose: the deletion now covers their version.
                        self.tombstones.push(Tombstone {
                            version: Some(t.updated_at()),
                            ..tomb.clone()
                        });
                    }
                }
                // Deleted here with an owner that their copy brings back: it comes back too.
                Some(_) if t.owners().iter().any(|l| self.kept.contains(&l.id)) => {
                    self.kept.insert(id);
                    self.report.added.push(self.change(kind, id));
                    out.push(arrived(t));
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

    fn both<T: Entry>(&mut self, m: &T, t: &T) -> T {
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
                    diffs.drain(..).partition(|d| r.combine_field(d.field, t));
                let diffs = ask;
                for d in &diffs {
                    if self.choice(id, d.field) == Side::Theirs {
                        entry_take(&mut r, d.field, t);
                    }
                }
                if !combined.is_empty() {
                    let shown: HashMap<&str, String> =
                        entry_fields(&r, self.mine).into_iter().collect();
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
        kept: Default::default(),
    };
    struct Lists<'a, 'b> {
        mg: &'b mut Merger<'a>,
        out: Workspace,
    }
    impl ListVisitor for Lists<'_, '_> {
        fn visit<T: Entry>(&mut self) {
            let merged = self.mg.list(T::list(self.mg.mine), T::list(self.mg.theirs));
            *T::list_mut(&mut self.out) = merged;
        }
    }
    let mut lists = Lists {
        mg: &mut mg,
        out: Workspace::default(),
    };
    each_kind(&mut lists);
    let mut ws = lists.out;
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
    ws.organisation = if mine.organisation.trim().is_empty() {
        theirs.organisation.clone()
    } else {
        mine.organisation.clone()
    };
    // The values are set once, by whoever sets them first: a copy that has none takes theirs.
    ws.values = if mine.values.is_empty() {
        theirs.values.clone()
    } else {
        mine.values.clone()
    };
    ws.deleted = deleted;
    let alive: std::collections::HashSet<Id> = all_ids(&ws).into_iter().collect();
    ws.deleted.retain(|t| !alive.contains(&t.id));
    keep_frameworks_in_use(&mut ws, mine, theirs, &mut mg.report);
    repair(&mut ws, &mut mg.report, now);
    settle_repaired(&mut ws, theirs, &alive);
    // Removals that were already gone on both sides are not news.
    let report = mg.report;
    (ws, report)
}

/// What the repair removed (a group session whose candidates went, some in each copy) is
/// settled for the version their copy holds, so merging the same file again asks nothing.
fn settle_repaired(ws: &mut Workspace, theirs: &Workspace, alive: &std::collections::HashSet<Id>) {
    struct Versions<'a>(&'a Workspace, HashMap<Id, Timestamp>);
    impl ListVisitor for Versions<'_> {
        fn visit<T: Entry>(&mut self) {
            let v: Vec<_> = T::list(self.0)
                .iter()
                .map(|r| (r.id(), r.updated_at()))
                .collect();
            self.1.extend(v);
        }
    }
    let mut v = Versions(theirs, HashMap::new());
    each_kind(&mut v);
    for t in ws.deleted.iter_mut().filter(|t| alive.contains(&t.id)) {
        if let Some(version) = v.1.get(&t.id) {
            t.version = Some(*version);
        }
    }
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
        if crate::logic::evaluation::frameworks::is_builtin(id)
            || ws.frameworks.iter().any(|f| f.id == id)
        {
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
        let in_use = crate::logic::evaluation::frameworks::used_ids(ws, id);
        let fw = &mut ws.frameworks[i];
        let before = (fw.domains.len(), fw.levels.len());
        for old in mine
            .frameworks
            .iter()
            .chain(theirs.frameworks.iter())
            .filter(|f| f.id == id)
        {
            crate::logic::evaluation::frameworks::keep_used(fw, old, &in_use);
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
        super::rehome_all(ws, id, kept, now);
        let clashing = ws
            .calibrations
            .iter()
            .flat_map(|c| &c.outcomes)
            .filter(|o| o.candidate_id == id)
            .count();
        if clashing > 0 {
            report.repairs.push(format!(
                "{clashing} calibrated level{} of the second candidacy were for domains the first already has a level for in the same session; the first's stay.",
                if clashing == 1 { "" } else { "s" }
            ));
        }
        ws.deleted.push(Tombstone {
            id,
            kind: RecordKind::Candidate,
            deleted_at: now,
            version: Some(version),
        });
    }
    // Two level moves of one person on one day (each copy recorded the step): one stays, the
    // one changed last; the other's note is kept in it, so nothing typed is lost.
    report
        .repairs
        .extend(crate::logic::track::records::dedupe_same_day_moves(ws, now));
    // What belonged to something deleted in either copy goes with it, through any chain, and
    // soft links to anything deleted are cleared.
    let gone: Vec<Id> = ws.deleted.iter().map(|t| t.id).collect();
    for line in cascade(ws, &gone, now) {
        report.repairs.push(format!(
            "Left out the {line}: what it belonged to was deleted."
        ));
    }
    // A follow-up handed on by a delete in one copy while the other kept its 1:1 would be
    // there twice.
    report
        .repairs
        .extend(crate::logic::journey::dedupe_follow_ups(ws, now));
}

/// Marks what is about to be sent (exported): every record remembers its current version as
/// shared, so a copy that grows from this file can later be recognised as having done so.
/// `only` limits it to the records a scoped file holds.
/// Returns whether anything changed.
pub fn mark_sent(ws: &mut Workspace, only: Option<&std::collections::HashSet<Id>>) -> bool {
    let sent = |id: Id| only.is_none_or(|o| o.contains(&id));
    let changed = false;
    struct Mark<'a, F: Fn(Id) -> bool> {
        ws: &'a mut Workspace,
        sent: F,
        changed: bool,
    }
    impl<F: Fn(Id) -> bool> ListVisitor for Mark<'_, F> {
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
    each_kind(&mut m);
    m.changed
}
