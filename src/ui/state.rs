//! The app's state and the one door for changing it. Every edit goes through
//! [`AppState::dispatch`] (an [`Action`]) or one of the whole-workspace operations (import,
//! undo import, load sample); each change is saved to browser storage within half a second and
//! flushed at once when the tab is hidden or closed.

use std::time::Duration;

use leptos::prelude::*;

use crate::file::{self, Decoded};
use crate::logic::actions::{apply_checked, Action, ActionError};
use crate::model::{Id, Workspace};
use crate::storage::browser::{self as stored, BrowserStore, Written};
use crate::storage::{self, Revision, Startup, Store, StoreError, BACKUP_KEY};

/// Remembers whether the backup is from before an import or before an undo.
const BACKUP_NOTE_KEY: &str = "runway.backup.note";
/// How many changes were made here since the backup was kept (so *Undo import* can say).
const BACKUP_EDITS_KEY: &str = "runway.backup.edits";
/// Whose Runway this browser is: a person id. Kept in this browser only, never in a file.
pub const ME_KEY: &str = "runway.me";
/// Who "me" was before the sample replaced the workspace, for *Undo import*.
pub const ME_BEFORE_KEY: &str = "runway.me.before";
use crate::ui::browser;
use crate::ui::widgets::count;

/// How long after the last change the workspace is written.
const SAVE_DELAY: Duration = Duration::from_millis(300);

#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Everything is in browser storage.
    Saved,
    /// A change is waiting for the save timer.
    Pending,
    /// The last save failed; the work is only in this tab's memory.
    Failed(StoreError),
    /// Saving is switched off for this session (read-only or storage unavailable).
    Off,
}

/// Why the workspace cannot be edited, when it cannot.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadOnly {
    /// Stored data comes from a newer Runway.
    Newer { found: u32 },
    /// Stored data is unreadable and could not be moved aside.
    Unreadable { error: String, why: String },
}

/// Something to tell the person about how the app started.
#[derive(Clone, Debug, PartialEq)]
pub enum StartNotice {
    Quarantined { kept_under: String, error: String },
    StorageUnavailable(String),
}

/// Why a workspace is kept aside for "Undo import".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// The workspace an import (or the sample) replaced: "Undo import" brings it back.
    BeforeImport,
    /// The imported workspace an undo replaced: "Redo import" brings it back.
    BeforeUndo,
}

impl Kept {
    fn code(self) -> &'static str {
        match self {
            Kept::BeforeImport => "before_import",
            Kept::BeforeUndo => "before_undo",
        }
    }

    pub fn button(self) -> &'static str {
        match self {
            Kept::BeforeImport => "Undo import",
            Kept::BeforeUndo => "Redo import",
        }
    }
}

/// A short message about the last thing done (shown in a polite live region).
#[derive(Clone, Debug, PartialEq)]
pub struct Flash {
    pub text: String,
    pub is_error: bool,
    /// When it was shown (ms since the epoch): a message from an earlier page is let go when
    /// the person moves on.
    pub at: f64,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub ws: RwSignal<Workspace>,
    pub read_only: RwSignal<Option<ReadOnly>>,
    pub save: RwSignal<SaveState>,
    pub notice: RwSignal<Option<StartNotice>>,
    pub flash: RwSignal<Option<Flash>>,
    /// Why a workspace is kept for "Undo import", if one is.
    pub kept: RwSignal<Option<Kept>>,
    /// A new version of the app has been installed while this page was open.
    pub update_ready: RwSignal<bool>,
    /// Counts changes taken in from other tabs; pages built from a snapshot rebuild on it.
    pub outside_changes: RwSignal<u64>,
    /// Whether the browser agreed to keep this site's data (`None` until known).
    pub persisted: RwSignal<Option<bool>>,
    backup: StoredValue<Option<Workspace>>,
    /// Whose Runway this browser is (`runway.me`), once they said.
    pub me: RwSignal<Option<Id>>,
    /// Someone this browser's person acts for, chosen on purpose and shown in the header; for
    /// this tab only (a reload ends it).
    pub acting_for: RwSignal<Option<Id>>,
    /// Changes made since the kept workspace was kept: *Undo import* says it undoes them.
    pub edits_since_kept: RwSignal<u32>,
    /// What this tab last read from or wrote to storage, to notice other tabs' saves.
    last_seen: StoredValue<Option<Revision>>,
    /// Set while taking in another tab's change, so it is not saved back (and echoed).
    taking_in: StoredValue<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

pub fn use_app() -> AppState {
    // Provided by `App` before any page renders; a missing context is a programming error
    // caught by every browser test.
    expect_context::<AppState>()
}

impl AppState {
    /// Loads from browser storage and starts saving changes.
    pub fn start() -> Self {
        browser::mark("runway:load-start");
        let startup = storage::load(&BrowserStore, browser::now());
        browser::mark("runway:load-end");
        browser::measure("runway:load", "runway:load-start", "runway:load-end");

        let may_save = startup.may_save();
        let (ws, read_only, notice) = match startup {
            Startup::Empty => (Workspace::default(), None, None),
            Startup::Ready(ws) => (ws, None, None),
            Startup::Quarantined { kept_under, error } => (
                Workspace::default(),
                None,
                Some(StartNotice::Quarantined {
                    kept_under,
                    error: error.to_string(),
                }),
            ),
            Startup::Unreadable {
                error,
                why_not_moved,
            } => (
                Workspace::default(),
                Some(ReadOnly::Unreadable {
                    error: error.to_string(),
                    why: why_not_moved.to_string(),
                }),
                None,
            ),
            Startup::TooNew { found, view } => (view, Some(ReadOnly::Newer { found }), None),
            Startup::Unavailable(e) => (
                Workspace::default(),
                None,
                Some(StartNotice::StorageUnavailable(e.to_string())),
            ),
        };
        let kept = match BrowserStore.get(BACKUP_KEY) {
            Ok(Some(_)) => Some(match BrowserStore.get(BACKUP_NOTE_KEY) {
                Ok(Some(code)) if code == Kept::BeforeUndo.code() => Kept::BeforeUndo,
                _ => Kept::BeforeImport,
            }),
            _ => None,
        };
        let state = AppState {
            ws: RwSignal::new(ws),
            read_only: RwSignal::new(read_only),
            save: RwSignal::new(if may_save {
                SaveState::Saved
            } else {
                SaveState::Off
            }),
            notice: RwSignal::new(notice),
            flash: RwSignal::new(None),
            kept: RwSignal::new(kept),
            backup: StoredValue::new(None),
            me: RwSignal::new(
                BrowserStore
                    .get(ME_KEY)
                    .ok()
                    .flatten()
                    .and_then(|t| Id::parse_str(t.trim()).ok()),
            ),
            acting_for: RwSignal::new(None),
            edits_since_kept: RwSignal::new(
                BrowserStore
                    .get(BACKUP_EDITS_KEY)
                    .ok()
                    .flatten()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0),
            ),
            timer: StoredValue::new(None),
            update_ready: RwSignal::new(false),
            outside_changes: RwSignal::new(0),
            last_seen: StoredValue::new(storage::current_revision(&BrowserStore).ok().flatten()),
            taking_in: StoredValue::new(false),
            persisted: RwSignal::new(None),
        };
        if may_save {
            state.watch_changes();
        }
        state
    }

    fn watch_changes(self) {
        // Runs once now (to subscribe) and after every change.
        let first = StoredValue::new(true);
        Effect::new(move |_| {
            self.ws.track();
            if first.get_value() {
                first.set_value(false);
                return;
            }
            if self.taking_in.get_value() {
                self.taking_in.set_value(false);
                return;
            }
            self.schedule_save();
        });
        // As the page goes away the last change is handed to IndexedDB, and kept in
        // localStorage too until it has committed (IndexedDB may not finish after unload).
        window_event_listener(leptos::ev::pagehide, move |_| {
            self.flush();
            stored::keep_unsaved();
        });
        let backup_changed = move || {
            self.backup.set_value(None);
            self.kept.set(match BrowserStore.get(BACKUP_KEY) {
                Ok(Some(_)) => Some(self.kept.get_untracked().unwrap_or(Kept::BeforeImport)),
                _ => None,
            });
        };
        // Another tab's save: the workspace and its backup come over IndexedDB's channel
        // (localStorage's `storage` event where the database is not used).
        window_event_listener(leptos::ev::storage, move |ev| match ev.key().as_deref() {
            Some(storage::WORKSPACE_KEY) if !stored::uses_database() => {
                self.take_in(ev.new_value())
            }
            Some(BACKUP_KEY) | Some(BACKUP_NOTE_KEY) => backup_changed(),
            Some(k) if stored::is_unsaved_key(k) && ev.new_value().is_some() => {
                leptos::task::spawn_local(stored::adopt_unsaved(browser::now()))
            }
            _ => {}
        });
        stored::on_outside_change(move |key, text| match key {
            storage::WORKSPACE_KEY => self.take_in(text),
            BACKUP_KEY => backup_changed(),
            _ => {}
        });
        // A save is done when IndexedDB has committed it.
        stored::on_written(move |written| match written {
            Written::Saved(keys) => {
                if keys.iter().any(|k| k == storage::WORKSPACE_KEY)
                    && self.save.get_untracked() == SaveState::Pending
                    && self.timer.get_value().is_none()
                    && !stored::workspace_pending()
                {
                    browser::mark("runway:saved");
                    browser::measure("runway:commit", "runway:save-start", "runway:saved");
                    self.save.set(SaveState::Saved);
                }
            }
            Written::Failed(keys, e) => {
                if keys
                    .iter()
                    .any(|k| k.starts_with(storage::QUARANTINE_PREFIX))
                    && keys.iter().any(|k| k == storage::WORKSPACE_KEY)
                {
                    // Unreadable data could not be moved aside after all: it stays where it
                    // is, and nothing may be saved over it (as when the move fails at once).
                    self.notice.set(None);
                    self.read_only.set(Some(ReadOnly::Unreadable {
                        error: "the data stored in this browser could not be read".into(),
                        why: e.to_string(),
                    }));
                    self.save.set(SaveState::Off);
                    return;
                }
                if keys.iter().any(|k| k == storage::WORKSPACE_KEY) {
                    // Nothing was written. Unless another tab wrote first, the stored copy is
                    // the one this tab last saw, and trying again may write over it.
                    if *e != StoreError::ChangedElsewhere {
                        self.last_seen
                            .set_value(storage::current_revision(&BrowserStore).ok().flatten());
                    } else if let Some(found) = storage::newer_stored_schema(&BrowserStore) {
                        // The other tab runs a newer Runway: stop rather than write over it.
                        self.read_only.set(Some(ReadOnly::Newer { found }));
                        self.save.set(SaveState::Off);
                        return;
                    }
                    self.save.set(SaveState::Failed(e.clone()));
                }
                if keys.iter().any(|k| k == BACKUP_KEY) {
                    self.warn(&format!(
                        "The copy kept for “Undo import” could not be stored ({e}). Export your workspace to keep a copy."
                    ));
                    backup_changed();
                }
            }
        });
        // Closing the tab with a change that could not be saved: let the browser ask first.
        // A change still on its way into IndexedDB that localStorage cannot hold a copy of
        // (a very large workspace) is not safe yet either.
        window_event_listener(leptos::ev::beforeunload, move |ev| {
            self.flush();
            let unsafe_to_go = matches!(self.save.get_untracked(), SaveState::Failed(_))
                || (stored::workspace_pending() && !stored::keep_unsaved());
            if unsafe_to_go {
                ev.prevent_default();
                ev.set_return_value("Your last change is not saved. Export it first?");
            }
        });
        // Hidden is not gone: the write is handed over, and no copy is kept (another tab
        // would take the copy in while this one is still writing it).
        window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                self.flush();
            }
        });
    }

    /// Another tab saved the workspace. Without unsaved changes here, show its version; with
    /// them, stop and let the person choose, so neither tab's work is written over.
    fn take_in(self, text: Option<String>) {
        if matches!(
            self.save.get_untracked(),
            SaveState::Pending | SaveState::Failed(_)
        ) {
            if let Some(t) = self.timer.get_value() {
                t.clear();
            }
            self.save
                .set(SaveState::Failed(StoreError::ChangedElsewhere));
            return;
        }
        let Some(text) = text else {
            // Cleared in another tab: keep what is shown; the next save writes it back.
            self.last_seen.set_value(None);
            return;
        };
        match file::decode_str(&text) {
            Ok(decoded) => {
                self.last_seen.set_value(Some(Revision::of(&text)));
                self.taking_in.set_value(true);
                self.ws.set(decoded.workspace);
                self.outside_changes.update(|n| *n += 1);
                self.say("Updated with a change made in another tab.");
            }
            Err(file::DecodeError::TooNew { found, .. }) => {
                self.read_only.set(Some(ReadOnly::Newer { found }));
                self.save.set(SaveState::Off);
            }
            // Unreadable: leave it for the next start to keep aside; don't save over it.
            Err(_) => self
                .save
                .set(SaveState::Failed(StoreError::ChangedElsewhere)),
        }
    }

    /// After another tab's save: show the stored version. This tab's version is kept for
    /// "Undo import", so choosing wrong costs nothing.
    pub fn load_other_tabs_version(self) {
        match BrowserStore.get(storage::WORKSPACE_KEY) {
            Ok(Some(text)) => {
                let warning = self.keep(self.ws.get_untracked(), Kept::BeforeImport);
                self.save.set(SaveState::Saved);
                self.take_in(Some(text));
                self.say_or_warn(warning, "Loaded the other tab's version. This tab's version is kept: “Undo import” on the Data page brings it back.");
            }
            _ => self.warn("There is no stored version to load."),
        }
    }

    /// After another tab's save: write this tab's version over it, on the person's word. The
    /// other tab's version is kept for "Undo import".
    pub fn keep_this_tabs_version(self) {
        let stored = BrowserStore
            .get(storage::WORKSPACE_KEY)
            .ok()
            .flatten()
            .and_then(|t| file::decode_str(&t).ok());
        let warning = stored.and_then(|d| self.keep(d.workspace, Kept::BeforeImport));
        self.last_seen
            .set_value(storage::current_revision(&BrowserStore).ok().flatten());
        self.flush_soon();
        self.say_or_warn(warning, "Saved this tab's version. The other tab's version is kept: “Undo import” on the Data page brings it back.");
    }

    fn say_or_warn(self, warning: Option<String>, done: &str) {
        match warning {
            Some(w) => self.warn(&w),
            None => self.say(done),
        }
    }

    fn schedule_save(self) {
        self.save.set(SaveState::Pending);
        if let Some(t) = self.timer.get_value() {
            t.clear();
        }
        let handle = set_timeout_with_handle(move || self.flush(), SAVE_DELAY).ok();
        self.timer.set_value(handle);
    }

    /// Writes the workspace now if a change is waiting (or the last save failed).
    pub fn flush(self) {
        if matches!(self.save.get_untracked(), SaveState::Saved | SaveState::Off) {
            return;
        }
        if self.timer.get_value().is_none()
            && self.save.get_untracked() == SaveState::Pending
            && stored::workspace_pending()
        {
            // The last change is on its way into IndexedDB already.
            return;
        }
        if let Some(t) = self.timer.get_value() {
            t.clear();
        }
        self.timer.set_value(None);
        browser::mark("runway:save-start");
        let last_seen = self.last_seen.get_value();
        let result = self.ws.with_untracked(|ws| {
            storage::save_guarded(&BrowserStore, ws, browser::now(), last_seen)
        });
        browser::mark("runway:save-end");
        browser::measure("runway:save", "runway:save-start", "runway:save-end");
        match result {
            Ok(revision) => {
                self.last_seen.set_value(Some(revision));
                // IndexedDB commits a moment later (`on_written` says Saved then).
                self.save.set(if stored::workspace_pending() {
                    SaveState::Pending
                } else {
                    SaveState::Saved
                });
            }
            Err(StoreError::NewerData { found }) => {
                // Another tab runs a newer Runway: stop here rather than write over its data.
                self.read_only.set(Some(ReadOnly::Newer { found }));
                self.save.set(SaveState::Off);
            }
            Err(e) => self.save.set(SaveState::Failed(e)),
        }
    }

    /// Starts offline support and learns whether storage is persistent. Asks the browser to
    /// keep the data once there is data worth keeping.
    pub fn start_offline_support(self) {
        browser::register_service_worker(move || self.update_ready.set(true));
        let has_data = self.ws.with_untracked(|ws| !ws.is_empty());
        leptos::task::spawn_local(async move {
            let mut persisted = browser::storage_persisted().await;
            if persisted == Some(false) && has_data {
                persisted = browser::request_persistent_storage().await;
            }
            self.persisted.set(persisted);
        });
    }

    /// Asks the browser again to keep this site's data.
    pub fn ask_persistent(self) {
        leptos::task::spawn_local(async move {
            let granted = browser::request_persistent_storage().await;
            self.persisted.set(granted);
            match granted {
                Some(true) => self.say("The browser will keep Runway's data."),
                _ => self.warn(
                    "The browser did not agree to keep Runway's data for sure. It usually agrees \
                     once you use the site often or install it. Export regularly to be safe.",
                ),
            }
        });
    }

    /// The person this browser speaks for now: whom it acts for, else whose Runway it is.
    /// `None` until someone says who they are (or when they are no longer in the workspace).
    pub fn person(self) -> Option<Id> {
        let ws = self.ws;
        self.acting_for
            .get()
            .or_else(|| self.me.get())
            .filter(|p| ws.with(|ws| ws.person(*p).is_some()))
    }

    /// Whose Runway this browser is, while that person is in the workspace; acting for someone
    /// else does not change it. The maker of every file this browser exports.
    pub fn me_here(self) -> Option<Id> {
        let ws = self.ws;
        self.me
            .get()
            .filter(|p| ws.with(|ws| ws.person(*p).is_some()))
    }

    /// As [`person`](Self::person), without tracking.
    pub fn person_untracked(self) -> Option<Id> {
        untrack(|| self.person())
    }

    /// Whether the person here runs (coaches) a cohort; everything shows for someone who has
    /// not said who they are.
    pub fn runs(self, cohort_id: Id) -> bool {
        let p = self.person();
        self.ws
            .with(|ws| crate::logic::program::roles::runs(ws, p, cohort_id))
    }

    /// Whether the person here runs the cohort of a candidacy.
    pub fn runs_candidacy(self, candidate_id: Id) -> bool {
        let p = self.person();
        self.ws
            .with(|ws| crate::logic::program::roles::runs_candidacy(ws, p, candidate_id))
    }

    /// Says whose Runway this browser is (kept in this browser only), or forgets it.
    pub fn set_me(self, person: Option<Id>) {
        let stored = match person {
            Some(p) => BrowserStore.set(ME_KEY, &p.to_string()),
            None => BrowserStore.remove(ME_KEY),
        };
        if let Err(e) = stored {
            self.warn(&format!(
                "This browser could not remember who you are ({e}); it holds for this tab only."
            ));
        }
        self.acting_for.set(None);
        self.me.set(person);
    }

    pub fn is_read_only(self) -> bool {
        self.read_only.with(Option::is_some)
    }

    fn refuse_if_read_only(self) -> Result<(), String> {
        if self.read_only.with_untracked(Option::is_some) {
            Err("This workspace is open read-only, so changes are not possible here.".into())
        } else {
            Ok(())
        }
    }

    /// Applies one edit. On refusal the workspace is unchanged and the message says why.
    pub fn dispatch(self, action: Action) -> Result<Option<Id>, String> {
        self.try_dispatch(action).map_err(|e| e.to_string())
    }

    /// Like [`dispatch`](Self::dispatch), keeping the refusal as the core gave it: its
    /// problems addressed to fields, for a form to show next to each.
    pub fn try_dispatch(self, action: Action) -> Result<Option<Id>, ActionError> {
        self.refuse_if_read_only().map_err(ActionError::Invalid)?;
        let mut result = Err(ActionError::Invalid(String::new()));
        let mut buried = std::collections::HashSet::new();
        self.ws.maybe_update(|ws| {
            let before = ws.deleted.len();
            result = apply_checked(ws, action, browser::now(), &mut browser::new_id);
            buried = ws.deleted.iter().skip(before).map(|t| t.id).collect();
            result.is_ok()
        });
        if result.is_ok() && self.kept.get_untracked().is_some() {
            self.after_edit(&buried);
        }
        result
    }

    /// After an edit while a workspace is kept for *Undo import*: counts it, and cleanses the
    /// kept copy of what a delete removed here, so an undo never brings a deleted person's
    /// records back.
    fn after_edit(self, buried: &std::collections::HashSet<Id>) {
        let n = self.edits_since_kept.get_untracked() + 1;
        self.edits_since_kept.set(n);
        BrowserStore.set(BACKUP_EDITS_KEY, &n.to_string()).ok();
        if buried.is_empty() {
            return;
        }
        let Some(mut kept) = self
            .backup
            .get_value()
            .or_else(|| storage::load_backup(&BrowserStore))
        else {
            return;
        };
        let now = browser::now();
        crate::logic::records::purge(&mut kept, buried, now);
        if storage::save_backup(&BrowserStore, &kept, now).is_err() {
            // The stored copy still holds what was deleted: drop it rather than keep it.
            storage::clear_backup(&BrowserStore).ok();
        }
        self.backup.set_value(Some(kept));
    }

    /// Like [`dispatch`](Self::dispatch), but reports the outcome in the flash message.
    pub fn act(self, action: Action, done: &str) -> Option<Id> {
        match self.dispatch(action) {
            Ok(id) => {
                self.say(done);
                Some(id.unwrap_or_default())
            }
            Err(e) => {
                self.warn(&e);
                None
            }
        }
    }

    pub fn say(self, text: &str) {
        self.show_flash(text, false, Duration::from_secs(6));
    }

    /// Shows an error; it stays until dismissed or replaced.
    pub fn warn(self, text: &str) {
        self.flash.set(Some(Flash {
            text: text.to_string(),
            is_error: true,
            at: js_sys::Date::now(),
        }));
    }

    /// On moving to another page: a success message shown more than a moment ago is done
    /// (it would sit over the new page's controls); errors stay until dismissed.
    pub fn page_changed(self) {
        let stale = self.flash.with_untracked(|f| {
            f.as_ref()
                .is_some_and(|f| !f.is_error && js_sys::Date::now() - f.at > 1000.0)
        });
        if stale {
            self.flash.set(None);
        }
    }

    /// Shows a message, and hides it after `for_how_long` unless another replaced it.
    fn show_flash(self, text: &str, is_error: bool, for_how_long: Duration) {
        let flash = Flash {
            text: text.to_string(),
            is_error,
            at: js_sys::Date::now(),
        };
        self.flash.set(Some(flash.clone()));
        let signal = self.flash;
        set_timeout(
            move || {
                if signal.with_untracked(|f| f.as_ref() == Some(&flash)) {
                    signal.set(None);
                }
            },
            for_how_long,
        );
    }

    /// Replaces the whole workspace (import or sample). The one it replaces is kept (in memory,
    /// and in browser storage when there is room) for "Undo import". Returns a warning to show
    /// instead of a success message when the kept copy could not be stored.
    pub fn replace(self, incoming: Workspace) -> Result<Option<String>, String> {
        self.refuse_if_read_only()?;
        let current = self.ws.get_untracked();
        let warning = self.keep(current, Kept::BeforeImport);
        self.ws.set(incoming);
        self.flush_soon();
        Ok(warning)
    }

    /// Swaps the workspace with the kept one. Nothing is lost: what was showing is kept in turn,
    /// so an undo can itself be undone ("Redo import").
    pub fn undo_import(self) -> Result<Option<String>, String> {
        self.refuse_if_read_only()?;
        let kept = self
            .backup
            .get_value()
            .or_else(|| storage::load_backup(&BrowserStore))
            .ok_or("There is no earlier workspace to go back to.")?;
        let next = match self.kept.get_untracked() {
            Some(Kept::BeforeUndo) => Kept::BeforeImport,
            _ => Kept::BeforeUndo,
        };
        let current = self.ws.get_untracked();
        let warning = self.keep(current, next);
        // Whose Runway this is follows the workspace back: the sample made its coach "me",
        // the person before is remembered (and swapped again on a redo).
        let before = BrowserStore
            .get(ME_BEFORE_KEY)
            .ok()
            .flatten()
            .and_then(|t| Id::parse_str(t.trim()).ok());
        let me = self.me.get_untracked();
        if let Some(b) = before.filter(|b| kept.person(*b).is_some()) {
            if me.is_none_or(|m| kept.person(m).is_none()) {
                match me {
                    Some(m) => BrowserStore.set(ME_BEFORE_KEY, &m.to_string()).ok(),
                    None => BrowserStore.remove(ME_BEFORE_KEY).ok(),
                };
                self.set_me(Some(b));
            }
        }
        self.ws.set(kept);
        self.flush_soon();
        Ok(warning)
    }

    /// Makes someone else "me" for a workspace that replaces this one (the sample), keeping
    /// the person before for *Undo import*.
    pub fn set_me_for_replacement(self, person: Id) {
        if let Some(m) = self.me.get_untracked() {
            BrowserStore.set(ME_BEFORE_KEY, &m.to_string()).ok();
        }
        self.set_me(Some(person));
    }

    /// Keeps `ws` as the backup, or clears the backup when `ws` holds nothing.
    fn keep(self, ws: Workspace, why: Kept) -> Option<String> {
        self.edits_since_kept.set(0);
        BrowserStore.remove(BACKUP_EDITS_KEY).ok();
        if ws.is_empty() && ws.organisation.is_empty() {
            self.backup.set_value(None);
            self.kept.set(None);
            storage::clear_backup(&BrowserStore).ok();
            BrowserStore.remove(BACKUP_NOTE_KEY).ok();
            return None;
        }
        let stored = storage::save_backup(&BrowserStore, &ws, browser::now())
            .and_then(|()| BrowserStore.set(BACKUP_NOTE_KEY, why.code()));
        self.backup.set_value(Some(ws));
        self.kept.set(Some(why));
        stored.err().map(|e| {
            format!(
                "Done. The previous workspace could not be kept in browser storage ({e}), so \
                 “Undo import” works only until you close this tab. Export it if you need it."
            )
        })
    }

    /// "Northwind Logistics — 13 people, 1 cohort, 4 candidates" for the kept workspace.
    pub fn backup_summary(self) -> Option<String> {
        let ws = self
            .backup
            .get_value()
            .or_else(|| storage::load_backup(&BrowserStore))?;
        let c = ws.counts();
        let org = if ws.organisation.is_empty() {
            "Unnamed workspace"
        } else {
            &ws.organisation
        };
        Some(format!(
            "{org} — {}, {}, {}",
            count(c.people, "person", "people"),
            count(c.cohorts, "cohort", "cohorts"),
            count(c.candidates, "candidate", "candidates")
        ))
    }

    /// Tries again after a failed save.
    pub fn flush_retry(self) {
        self.flush_soon();
    }

    fn flush_soon(self) {
        if self.save.get_untracked() == SaveState::Off {
            return;
        }
        self.save.set(SaveState::Pending);
        self.flush();
    }

    /// Notes that these records (all, or a scoped file's) are being sent, so a copy that grows
    /// from the file is recognised when it comes back to be merged.
    pub fn mark_sent(self, only: Option<&std::collections::HashSet<crate::model::Id>>) {
        if self.read_only.with_untracked(Option::is_none) {
            self.ws
                .maybe_update(|ws| crate::logic::records::merge::mark_sent(ws, only));
        }
    }

    /// The export file's name and text for the current workspace.
    pub fn export(self) -> (String, String) {
        self.mark_sent(None);
        self.ws.with_untracked(|ws| {
            (
                file::export_file_name(&ws.organisation, browser::today()),
                file::encode_pretty(ws, browser::now()),
            )
        })
    }

    /// Downloads the current workspace as a file.
    pub fn download_export(self) {
        let (name, text) = self.export();
        match browser::download(&name, &text, "application/json") {
            Ok(()) => self.say(&format!("Exported {name}.")),
            Err(e) => self.warn(&format!("Export failed: {e}")),
        }
    }
}

/// Decodes an imported file, timing it for the benchmark.
pub fn decode_import(bytes: &[u8]) -> Result<Decoded, file::DecodeError> {
    browser::mark("runway:import-start");
    let result = file::decode(bytes);
    browser::mark("runway:import-end");
    browser::measure("runway:import", "runway:import-start", "runway:import-end");
    result
}

/// A message for a storage error with what to do about it.
pub fn storage_advice(e: &StoreError) -> String {
    match e {
        StoreError::QuotaExceeded => format!(
            "Not saved: {e}. Your work is safe in this tab for now — export it, then free space \
             (for example remove old data on the Data page)."
        ),
        _ => {
            format!("Not saved: {e}. Your work is safe in this tab for now — export it to keep it.")
        }
    }
}
