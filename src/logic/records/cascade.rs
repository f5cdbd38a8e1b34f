//! Deletes that reach everything: a record goes with whatever it cannot exist without, through
//! any chain (a letter owned by a package owned by a person), until nothing more changes; soft
//! links to anything that went are cleared; every removal leaves a tombstone.

use std::collections::HashSet;

use super::{each_kind, Entry, ListVisitor};
use crate::model::{Id, RecordKind, Timestamp, Tombstone, Workspace};

/// Records a deletion as a tombstone (once), so a later merge does not bring the record back.
pub fn bury(ws: &mut Workspace, kind: RecordKind, id: Id, version: Timestamp, now: Timestamp) {
    if !ws.deleted.iter().any(|t| t.id == id) {
        ws.deleted.push(Tombstone {
            id,
            kind,
            deleted_at: now,
            version: Some(version),
        });
    }
}

/// Every live record, by kind and id.
pub(crate) fn live(ws: &Workspace) -> HashSet<(RecordKind, Id)> {
    struct Live<'a>(&'a Workspace, HashSet<(RecordKind, Id)>);
    impl ListVisitor for Live<'_> {
        fn visit<T: Entry>(&mut self) {
            let ids: Vec<_> = T::list(self.0).iter().map(|r| (T::KIND, r.id())).collect();
            self.1.extend(ids);
        }
    }
    let mut v = Live(ws, HashSet::new());
    each_kind(&mut v);
    v.1
}

/// After the records `gone` were deleted (or found missing by a merge): removes every record
/// whose owner is gone, through any chain, until nothing more changes; clears soft links to
/// anything gone; tombstones what it removes. A record whose owner went but that another can
/// take over ([`Entry::adopt`]: a group session) stays, moved to it. Soft links are cleared only for ids that went
/// (`gone` and what this removes): a link to something simply not in this copy stays.
/// Returns one line per record removed ("1:1 “1:1 on 2026-11-03”").
pub fn cascade(ws: &mut Workspace, gone: &[Id], now: Timestamp) -> Vec<String> {
    struct Round<'a> {
        ws: &'a mut Workspace,
        live: HashSet<(RecordKind, Id)>,
        fresh: HashSet<Id>,
        removed: Vec<(RecordKind, Id, Timestamp)>,
        lines: Vec<String>,
        now: Timestamp,
    }
    impl ListVisitor for Round<'_> {
        fn visit<T: Entry>(&mut self) {
            let list = std::mem::take(T::list_mut(self.ws));
            let mut kept = Vec::with_capacity(list.len());
            for mut r in list {
                if r.adopt(&self.live) {
                    r.set_updated_at(self.now);
                }
                let orphan = r
                    .owners()
                    .iter()
                    .any(|l| !self.live.contains(&(l.kind, l.id)));
                if orphan {
                    self.removed.push((T::KIND, r.id(), r.updated_at()));
                    let title = r.title_in(self.ws);
                    self.lines.push(format!("{} “{title}”", T::KIND.name()));
                    continue;
                }
                if !self.fresh.is_empty() && r.forget(&self.fresh) {
                    r.set_updated_at(self.now);
                }
                kept.push(r);
            }
            *T::list_mut(self.ws) = kept;
        }
    }
    let mut fresh: HashSet<Id> = gone.iter().copied().collect();
    let mut lines = Vec::new();
    let mut buried = Vec::new();
    loop {
        let mut round = Round {
            live: live(ws),
            ws,
            fresh,
            removed: Vec::new(),
            lines: Vec::new(),
            now,
        };
        each_kind(&mut round);
        let (removed, more) = (round.removed, round.lines);
        lines.extend(more);
        if removed.is_empty() {
            break;
        }
        fresh = removed.iter().map(|(_, id, _)| *id).collect();
        buried.extend(removed);
    }
    for (kind, id, version) in buried {
        bury(ws, kind, id, version, now);
    }
    lines
}

/// Deletes the records with these ids (of any kind, tombstoned) and everything that goes with
/// them. Ids not here are passed over. Used to keep a kept copy (the backup for *Undo import*)
/// free of what a later delete removed.
pub fn purge(ws: &mut Workspace, ids: &HashSet<Id>, now: Timestamp) {
    struct Take<'a> {
        ws: &'a mut Workspace,
        ids: &'a HashSet<Id>,
        taken: Vec<(RecordKind, Id, Timestamp)>,
    }
    impl ListVisitor for Take<'_> {
        fn visit<T: Entry>(&mut self) {
            let ids = self.ids;
            let mut taken = Vec::new();
            T::list_mut(self.ws).retain(|r| {
                let go = ids.contains(&r.id());
                if go {
                    taken.push((T::KIND, r.id(), r.updated_at()));
                }
                !go
            });
            self.taken.extend(taken);
        }
    }
    let mut t = Take {
        ws,
        ids,
        taken: Vec::new(),
    };
    each_kind(&mut t);
    let taken = t.taken;
    for (kind, id, version) in &taken {
        bury(ws, *kind, *id, *version, now);
    }
    let gone: Vec<Id> = ids.iter().copied().collect();
    cascade(ws, &gone, now);
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
