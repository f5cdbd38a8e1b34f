//! Drafts: whatever is typed into a form made with [`DraftForm`] is kept beside the workspace
//! until it is saved, so a reload, a switch to another section or a crashed tab loses nothing;
//! and the problems of a refused save, shown next to their fields ([`FormDraft::save`]).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use leptos::prelude::*;

use crate::logic::actions::Action;
use crate::model::{Id, Timestamp};
use crate::storage::drafts::{self, Draft, Drafts, FieldValue};
use crate::storage::local::LocalStore;
use crate::ui::browser;
use crate::ui::state::use_app;

/// How long after the last keystroke a draft is written.
const DRAFT_DELAY: Duration = Duration::from_millis(400);

/// The drafts of this tab: which forms have one (for the header) and those typed but not
/// written yet. Provided once by the app shell ([`provide_drafts`]).
#[derive(Clone, Copy)]
pub struct DraftBook {
    keys: RwSignal<BTreeSet<String>>,
    pending: StoredValue<Drafts>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// The last write was refused (storage full or blocked): drafts live only in this tab.
    pub failed: RwSignal<bool>,
}

/// Starts the drafts of this tab: reads which forms have one, writes pending ones when the tab
/// is hidden or closed, and follows other tabs' changes.
pub fn provide_drafts() {
    let book = DraftBook {
        keys: RwSignal::new(drafts::load(&LocalStore).into_keys().collect()),
        pending: StoredValue::new(Drafts::new()),
        timer: StoredValue::new(None),
        failed: RwSignal::new(false),
    };
    window_event_listener(leptos::ev::pagehide, move |_| book.flush());
    window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            book.flush();
        }
    });
    window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(drafts::DRAFTS_KEY) {
            let mut keys: BTreeSet<String> = drafts::load(&LocalStore).into_keys().collect();
            book.pending.with_value(|p| keys.extend(p.keys().cloned()));
            book.keys.set(keys);
        }
    });
    provide_context(book);
}

pub fn use_drafts() -> Option<DraftBook> {
    use_context::<DraftBook>()
}

impl DraftBook {
    /// How many forms hold a draft not saved yet.
    pub fn count(self) -> usize {
        self.keys.with(BTreeSet::len)
    }

    fn get(self, key: &str) -> Option<Draft> {
        self.pending
            .with_value(|p| p.get(key).cloned())
            .or_else(|| drafts::load(&LocalStore).remove(key))
    }

    fn put(self, key: &str, draft: Draft) {
        self.pending.update_value(|p| {
            p.insert(key.to_string(), draft);
        });
        if !self.keys.with_untracked(|k| k.contains(key)) {
            self.keys.update(|k| {
                k.insert(key.to_string());
            });
        }
        if let Some(t) = self.timer.get_value() {
            t.clear();
        }
        let handle = set_timeout_with_handle(move || self.flush(), DRAFT_DELAY).ok();
        self.timer.set_value(handle);
    }

    fn remove(self, key: &str) {
        self.pending.update_value(|p| {
            p.remove(key);
        });
        if self.keys.with_untracked(|k| k.contains(key)) {
            self.keys.update(|k| {
                k.remove(key);
            });
        }
        if let Err(e) = drafts::remove(&LocalStore, key) {
            warn(&format!("Runway could not remove a draft: {e}"));
        }
    }

    /// Writes the drafts typed since the last write. A refusal keeps them in this tab (and
    /// tries again with the next keystroke); the form goes on working.
    pub fn flush(self) {
        if let Some(t) = self.timer.get_value() {
            t.clear();
        }
        self.timer.set_value(None);
        let pending = self.pending.with_value(Clone::clone);
        if pending.is_empty() {
            return;
        }
        match drafts::put(&LocalStore, &pending) {
            Ok(()) => {
                self.pending.update_value(|p| p.clear());
                if self.failed.get_untracked() {
                    self.failed.set(false);
                }
            }
            Err(e) => {
                warn(&format!("Runway could not keep a draft: {e}"));
                if !self.failed.get_untracked() {
                    self.failed.set(true);
                }
            }
        }
    }
}

fn warn(text: &str) {
    web_sys::console::warn_1(&wasm_bindgen::JsValue::from_str(text));
}

/// A form input a draft can read and fill.
#[derive(Clone, Copy)]
pub enum Bound {
    Text(RwSignal<String>),
    Flag(RwSignal<bool>),
    People(RwSignal<Vec<Id>>),
    /// Any other input: how to read it and how to fill it.
    Custom(Callback<(), FieldValue>, Callback<FieldValue>),
}

impl Bound {
    /// The value now (`None` once the input's signal is gone).
    fn read(self) -> Option<FieldValue> {
        match self {
            Bound::Text(s) => s.try_get_untracked().map(FieldValue::Text),
            Bound::Flag(s) => s.try_get_untracked().map(FieldValue::Flag),
            Bound::People(s) => s
                .try_get_untracked()
                .map(|v| FieldValue::List(v.iter().map(Id::to_string).collect())),
            Bound::Custom(get, _) => get.try_run(()),
        }
    }

    fn write(self, v: &FieldValue) {
        match (self, v) {
            (Bound::Text(s), FieldValue::Text(t)) => {
                s.try_set(t.clone());
            }
            (Bound::Flag(s), FieldValue::Flag(b)) => {
                s.try_set(*b);
            }
            (Bound::People(s), FieldValue::List(ids)) => {
                s.try_set(ids.iter().filter_map(|i| Id::parse_str(i).ok()).collect());
            }
            (Bound::Custom(_, set), v) => {
                set.try_run(v.clone());
            }
            // A value of another kind (the form changed since): leave the input as it is.
            _ => {}
        }
    }
}

struct Slot {
    id: u64,
    name: String,
    bound: Bound,
}

#[derive(Default)]
struct DraftInner {
    key: String,
    label: String,
    /// The stored draft found when the form opened, put into its fields as they appear
    /// (until the person types).
    to_restore: Option<Draft>,
    slots: Vec<Slot>,
    next_id: u64,
    /// Each field's value before any draft or typing: a draft equal to it is no draft.
    baseline: BTreeMap<String, FieldValue>,
    /// The draft's values (also of fields not shown at the moment).
    values: BTreeMap<String, FieldValue>,
    typed: bool,
    /// When the form keeps a draft (a form that also edits saved records keeps none while it
    /// does: the draft is of the new record).
    active: Option<Signal<bool>>,
}

/// One form's draft: the fields registered with it and what is stored for it.
#[derive(Clone, Copy)]
pub struct FormDraft {
    inner: StoredValue<DraftInner>,
    /// When the restored draft was typed, while the form shows a restored draft.
    restored: RwSignal<Option<Timestamp>>,
    /// The note shows a moment after the form, so the live region announces it.
    note: RwSignal<Option<Timestamp>>,
    /// Found when made: event handlers have no context to look in.
    book: Option<DraftBook>,
    app: crate::ui::state::AppState,
    /// The problems of the last refused save, by field (the record's key, `title`), shown
    /// next to each field and listed at the top of the form.
    problems: RwSignal<Vec<(String, String)>>,
}

impl FormDraft {
    /// The draft of the form `key` (page and record: "journal/<candidate>/new",
    /// "one-on-one/<id>"); `label` names it in words.
    pub fn new(key: impl Into<String>, label: impl Into<String>) -> Self {
        let key = key.into();
        let book = use_drafts();
        let to_restore = book.and_then(|b| b.get(&key));
        FormDraft {
            inner: StoredValue::new(DraftInner {
                key,
                label: label.into(),
                to_restore,
                ..Default::default()
            }),
            restored: RwSignal::new(None),
            note: RwSignal::new(None),
            book,
            app: use_app(),
            problems: RwSignal::new(Vec::new()),
        }
    }

    /// Saves the form's record through the edit door. Saved: says `done`, and the draft goes
    /// ([`FormDraft::saved`]). Refused: each problem shows next to its field (and is listed,
    /// announced, at the top of the form), focus moves to the first field named, and the
    /// message also goes to the flash line. Returns the saved record's id.
    pub fn save(self, action: Action, done: &str) -> Option<Id> {
        let saved = self.submit(action, done);
        if saved.is_some() {
            self.saved();
        }
        saved
    }

    /// Like [`FormDraft::save`], but leaves the draft to the page (a form whose draft is of a
    /// new record only, while it edits a saved one).
    pub fn submit(self, action: Action, done: &str) -> Option<Id> {
        match self.app.try_dispatch(action) {
            Ok(id) => {
                self.problems.set(Vec::new());
                self.app.say(done);
                Some(id.unwrap_or_default())
            }
            Err(e) => {
                let problems: Vec<(String, String)> = e
                    .fields()
                    .iter()
                    .map(|(f, m)| (f.clone(), crate::logic::actions::sentence(m)))
                    .collect();
                let named = !problems.is_empty();
                self.problems.set(problems);
                self.app.warn(&e.to_string());
                if named {
                    // After the fields have drawn their messages.
                    set_timeout(focus_first_invalid, Duration::ZERO);
                }
                None
            }
        }
    }

    /// The message for `field` from the last refused save, if any.
    pub fn problem(self, field: &str) -> Option<String> {
        self.problems.with(|p| {
            p.iter()
                .find(|(f, _)| {
                    f == field
                        || f.starts_with(&format!("{field}["))
                        || f.starts_with(&format!("{field}."))
                })
                .map(|(_, m)| m.clone())
        })
    }

    /// Keeps a draft only while `when` holds (say, while the form is not editing a saved
    /// record); otherwise typing keeps nothing and *Cancel* leaves the draft alone.
    pub fn only_when(self, when: impl Fn() -> bool + Send + Sync + 'static) -> Self {
        self.inner
            .update_value(|i| i.active = Some(Signal::derive(when)));
        self
    }

    /// Whether the form keeps a draft at the moment (see [`FormDraft::only_when`]).
    pub fn is_active_now(self) -> bool {
        self.is_active()
    }

    fn is_active(self) -> bool {
        self.inner
            .try_with_value(|i| i.active.is_none_or(|a| a.get_untracked()))
            .unwrap_or(false)
    }

    /// Whether this form was opened with a stored draft (an editor with one opens by itself).
    pub fn has_draft(self) -> bool {
        self.inner
            .try_with_value(|i| i.to_restore.is_some())
            .unwrap_or(false)
    }

    /// Whether a draft is stored for the form `key` (an editor with one opens by itself).
    pub fn exists(key: &str) -> bool {
        use_drafts().is_some_and(|b| b.keys.with_untracked(|k| k.contains(key)))
    }

    fn register(self, label: &str, bound: Bound) -> Option<u64> {
        let mut restored_from = None;
        let id = self.inner.try_update_value(|inner| {
            let mut name = label.to_string();
            let mut n = 1;
            while inner.slots.iter().any(|s| s.name == name) {
                n += 1;
                name = format!("{label} ({n})");
            }
            let now = bound.read();
            if let Some(now) = &now {
                inner
                    .baseline
                    .entry(name.clone())
                    .or_insert_with(|| now.clone());
            }
            if !inner.typed {
                if let Some(d) = inner.to_restore.as_mut() {
                    if let Some(v) = d.fields.remove(&name) {
                        if now.as_ref() != Some(&v) {
                            bound.write(&v);
                            restored_from = Some(d.saved_at);
                        }
                        inner.values.insert(name.clone(), v);
                    }
                }
            }
            inner.next_id += 1;
            let id = inner.next_id;
            inner.slots.push(Slot { id, name, bound });
            id
        })?;
        if let Some(at) = restored_from {
            if self.restored.get_untracked().is_none() {
                self.restored.set(Some(at));
                let note = self.note;
                set_timeout(
                    move || {
                        note.try_set(Some(at));
                    },
                    Duration::from_millis(50),
                );
            }
        }
        Some(id)
    }

    /// Registers an input of the form that is not one of the kit's fields (for as long as the
    /// current component lives); returns what to call when the person changes it.
    pub fn field(self, label: &str, bound: Bound) -> impl Fn() + Copy + 'static {
        if let Some(id) = self.register(label, bound) {
            on_cleanup(move || self.unregister(id));
        }
        move || self.touched()
    }

    fn unregister(self, id: u64) {
        self.inner
            .try_update_value(|inner| inner.slots.retain(|s| s.id != id));
    }

    /// Something was typed: keeps the form's values as its draft (or drops the draft when
    /// everything is back as it was).
    pub fn touched(self) {
        let Some(book) = self.book else { return };
        if self.app.read_only.with_untracked(Option::is_some) || !self.is_active() {
            return;
        }
        let Some((key, draft)) = self.inner.try_update_value(|inner| {
            inner.typed = true;
            inner.to_restore = None;
            for s in &inner.slots {
                if let Some(v) = s.bound.read() {
                    inner.values.insert(s.name.clone(), v);
                }
            }
            let changed = inner
                .values
                .iter()
                .any(|(name, v)| inner.baseline.get(name) != Some(v));
            let draft = changed.then(|| Draft {
                label: inner.label.clone(),
                path: browser::app_path(),
                saved_at: browser::now(),
                fields: inner.values.clone(),
            });
            (inner.key.clone(), draft)
        }) else {
            return;
        };
        match draft {
            Some(d) => book.put(&key, d),
            None => book.remove(&key),
        }
    }

    fn forget(self) {
        if let Some(key) = self.inner.try_update_value(|inner| {
            inner.typed = false;
            inner.to_restore = None;
            inner.values.clear();
            inner.key.clone()
        }) {
            if let Some(book) = self.book {
                book.remove(&key);
            }
        }
        self.restored.try_set(None);
        self.note.try_set(None);
    }

    /// The form's record was saved: its draft goes, and what the form shows next (emptied for
    /// the next record, or the saved values) is the new starting point.
    pub fn saved(self) {
        self.forget();
        let inner = self.inner;
        // After the page has reset its fields.
        set_timeout(
            move || {
                inner.try_update_value(|inner| {
                    inner.baseline = inner
                        .slots
                        .iter()
                        .filter_map(|s| s.bound.read().map(|v| (s.name.clone(), v)))
                        .collect();
                });
            },
            Duration::ZERO,
        );
    }

    /// Gives up the draft: the fields go back to what they held before it.
    pub fn discard(self) {
        if !self.is_active() {
            return;
        }
        let back: Vec<(Bound, FieldValue)> = self
            .inner
            .try_with_value(|inner| {
                inner
                    .slots
                    .iter()
                    .filter_map(|s| inner.baseline.get(&s.name).map(|v| (s.bound, v.clone())))
                    .collect()
            })
            .unwrap_or_default();
        for (bound, v) in back {
            bound.write(&v);
        }
        self.forget();
    }
}

/// Focuses the first field a refused save marked invalid, so its message is read out.
fn focus_first_invalid() {
    use wasm_bindgen::JsCast;
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[aria-invalid='true']").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        el.focus().ok();
    }
}

/// A kit field's problem from its form's last refused save: the message (a signal), and the
/// id of the element that shows it (for `aria-describedby`).
pub(crate) fn field_problem(field: Option<&'static str>) -> (Signal<Option<String>>, String) {
    let form = use_context::<FormDraft>();
    let id = format!("problem-{}", browser::new_id().simple());
    let message = Signal::derive(move || match (form, field) {
        (Some(f), Some(name)) => f.problem(name),
        _ => None,
    });
    (message, id)
}

/// The message under a field, when its form's last save was refused for it. It is the
/// field's description (`aria-describedby`) and kept out of its name.
pub(crate) fn problem_view(message: Signal<Option<String>>, id: String) -> impl IntoView {
    view! {
        <span class="field-problem" id=id aria-hidden="true" hidden=move || message.with(Option::is_none)>
            {move || message.get()}
        </span>
    }
}

/// Registers a kit field with the form's draft, if it has one; returns what to call when the
/// person changes the field.
pub fn draft_field(label: &str, bound: Bound) -> impl Fn() + Copy + 'static {
    let touch = use_context::<FormDraft>().map(|d| d.field(label, bound));
    move || {
        if let Some(t) = touch {
            t();
        }
    }
}

/// A form whose fields are kept as a draft until saved. Shows "Restored draft" (announced)
/// with a *Discard draft* button when it was filled from one.
#[component]
pub fn DraftForm<F>(
    draft: FormDraft,
    /// The form's accessible name.
    #[prop(optional, into)]
    label: Option<String>,
    /// Or the id of the element that names it.
    #[prop(optional, into)]
    labelledby: Option<String>,
    #[prop(default = "form grid")] class: &'static str,
    on_submit: F,
    children: Children,
) -> impl IntoView
where
    F: FnMut(leptos::ev::SubmitEvent) + 'static,
{
    view! {
        <form class=class aria-label=label aria-labelledby=labelledby on:submit=on_submit>
            <leptos::context::Provider value=draft>
                <DraftNote draft=draft/>
                <div class="form-problems wide" role="alert">
                    {move || {
                        let p = draft.problems.get();
                        (!p.is_empty()).then(|| view! {
                            <p class="error">{format!("Not saved: {}", p.iter().map(|(_, m)| m.as_str()).collect::<Vec<_>>().join(" "))}</p>
                        })
                    }}
                </div>
                {children()}
            </leptos::context::Provider>
        </form>
    }
}

/// "Restored draft" and its *Discard draft* button, in a status region.
#[component]
fn DraftNote(draft: FormDraft) -> impl IntoView {
    view! {
        <div class="draft-region wide" role="status">
            {move || draft.note.get().map(|at| {
                let when = at.with_timezone(&chrono::Local).format("%-d %b, %H:%M").to_string();
                view! {
                    <p class="draft-note">
                        <span>{format!("Restored draft — what you typed on {when} and had not saved yet.")}</span>
                        <button type="button" class="secondary small" on:click=move |_| draft.discard()>"Discard draft"</button>
                    </p>
                }
            })}
        </div>
    }
}
