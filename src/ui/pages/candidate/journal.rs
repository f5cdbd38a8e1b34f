//! The learning journal: dated entries with tags and a visibility. Private entries are marked
//! as such wherever they show, and stay out of shared files unless the person includes them.

use crate::sort::StableSort as _;
use leptos::prelude::*;

use crate::logic::actions::Action;
use crate::logic::journey::journal_tags;
use crate::logic::records::Record;
use crate::model::{Id, JournalEntry, RecordKind, Timestamp, Visibility};
use crate::ui::browser;
use crate::ui::forms::{
    AreaField, ChoiceField, DateField, DeleteEntry, DraftForm, Folding, FormButtons, FormDraft,
    TextField,
};
use crate::ui::state::use_app;
use crate::ui::widgets::{date_value, fmt_date, focus_saved, parse_date};

/// The badge a journal entry carries everywhere it is shown.
#[component]
pub fn VisibilityBadge(visibility: Visibility) -> impl IntoView {
    let (class, text) = match visibility {
        Visibility::Private => ("badge private", "Private"),
        Visibility::Coach => ("badge muted", "Coach can read"),
        Visibility::Sponsor => ("badge muted", "Coach and sponsor can read"),
    };
    view! { <span class=class>{text}</span> }
}

/// The inputs of a journal entry, as typed.
#[derive(Clone, Copy)]
struct JournalForm {
    on: RwSignal<String>,
    title: RwSignal<String>,
    body: RwSignal<String>,
    tags: RwSignal<String>,
    visibility: RwSignal<String>,
}

impl JournalForm {
    fn new(e: Option<&JournalEntry>) -> Self {
        JournalForm {
            on: RwSignal::new(date_value(Some(e.map_or_else(browser::today, |e| e.on)))),
            title: RwSignal::new(e.map(|e| e.title.clone()).unwrap_or_default()),
            body: RwSignal::new(e.map(|e| e.body.clone()).unwrap_or_default()),
            tags: RwSignal::new(e.map(|e| e.tags.join(", ")).unwrap_or_default()),
            visibility: RwSignal::new(
                e.map_or(Visibility::Private, |e| e.visibility)
                    .code()
                    .to_string(),
            ),
        }
    }

    /// The entry as it would be saved (a nil id makes a new one), or what is wrong.
    fn entry(
        self,
        id: Id,
        candidate_id: Id,
        author_id: Option<Id>,
    ) -> Result<JournalEntry, String> {
        let on = parse_date(&self.on.get_untracked())
            .ok_or("Please enter the entry's date.".to_string())?;
        let mut tags: Vec<String> = Vec::new();
        for t in self.tags.get_untracked().split(',') {
            let t = t.trim().to_lowercase();
            if !t.is_empty() && !tags.contains(&t) {
                tags.push(t);
            }
        }
        Ok(JournalEntry {
            id,
            candidate_id,
            author_id,
            on,
            title: self.title.get_untracked().trim().to_string(),
            body: self.body.get_untracked().trim().to_string(),
            tags,
            visibility: Visibility::from_code(&self.visibility.get_untracked())
                .unwrap_or(Visibility::Private),
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
        })
    }

    fn view(self) -> impl IntoView {
        let visibility = Visibility::ALL
            .iter()
            .map(|v| (v.code().to_string(), v.label().to_string()))
            .collect();
        view! {
            <DateField label="Date" value=self.on required=true/>
            <TextField label="Title" value=self.title required=true wide=true field="title"/>
            <AreaField label="What happened, what I learned" value=self.body rows=5/>
            <TextField label="Tags (separated by commas)" value=self.tags placeholder="feedback, 1:1s"/>
            <ChoiceField label="Who can read it" value=self.visibility options=visibility/>
        }
    }
}

#[component]
pub fn JournalSection(id: Id) -> impl IntoView {
    let app = use_app();
    let form = JournalForm::new(None);
    let draft_key = format!("journal/{id}/new");
    // A draft left from before opens the form, to be seen.
    let adding = RwSignal::new(FormDraft::exists(&draft_key));
    let draft = FormDraft::new(draft_key, "New journal entry");
    let tag = RwSignal::new(String::new());
    let toggle = NodeRef::<leptos::html::Summary>::new();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.entry(Id::nil(), id, app.person_untracked()) {
            Ok(e) => {
                if let Some(saved) = draft.save(
                    Action::Put(Record::JournalEntry(e)),
                    "Saved the journal entry.",
                ) {
                    form.title.set(String::new());
                    form.body.set(String::new());
                    form.tags.set(String::new());
                    adding.set(false);
                    focus_saved(saved, Some(toggle));
                }
            }
            Err(e) => app.warn(&e),
        }
    };
    let entries = move || {
        let t = tag.get();
        app.ws.with(|ws| {
            // A tag no entry carries any more (its entries were edited or deleted) shows all.
            let t = if journal_tags(ws, id).contains_key(&t) {
                t
            } else {
                String::new()
            };
            let mut list: Vec<JournalEntry> = ws
                .journal
                .iter()
                .filter(|j| j.candidate_id == id && (t.is_empty() || j.tags.contains(&t)))
                .cloned()
                .collect();
            list.stable_sort_by(|a, b| b.on.cmp(&a.on).then(b.created_at.cmp(&a.created_at)));
            list
        })
    };
    let tags = move || app.ws.with(|ws| journal_tags(ws, id));
    view! {
        <p class="muted">"Dated notes on what happened and what you learned. An entry is private unless you share it. A private entry goes into a shared file only when you tick “Include … private journal entries” while exporting."</p>
        <Folding open=adding summary_ref=toggle summary=|| "Write a journal entry">
            <DraftForm draft=draft label="New journal entry" on_submit=add>
                {form.view()}
                <FormButtons save_label="Save entry"/>
            </DraftForm>
        </Folding>
        {move || {
            let t = tags();
            (!t.is_empty()).then(|| {
                let mut options = vec![(String::new(), "any tag (all entries)".to_string())];
                options.extend(t.into_iter().map(|(k, n)| (k.clone(), format!("{k} ({n})"))));
                view! { <div class="form inline"><ChoiceField label="Show entries tagged" value=tag options=options/></div> }
            })
        }}
        <ul class="entries">
            <For each=entries key=|e| (e.id, e.updated_at) let:entry>
                <JournalCard entry=entry/>
            </For>
        </ul>
        {move || entries().is_empty().then(|| view! { <p class="muted">"No journal entries yet."</p> })}
    }
}

#[component]
fn JournalCard(entry: JournalEntry) -> impl IntoView {
    let app = use_app();
    let (id, candidate_id) = (entry.id, entry.candidate_id);
    let draft_key = format!("journal/{id}");
    let editing = RwSignal::new(FormDraft::exists(&draft_key));
    let form = JournalForm::new(Some(&entry));
    let draft = FormDraft::new(
        draft_key,
        format!("Edit the journal entry “{}”", entry.title),
    );
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.entry(id, candidate_id, entry.author_id) {
            Ok(e) => {
                // The card is drawn anew with the saved entry; focus follows it there.
                if draft
                    .save(
                        Action::Put(Record::JournalEntry(e)),
                        "Saved the journal entry.",
                    )
                    .is_some()
                {
                    focus_saved(id, None);
                }
            }
            Err(e) => app.warn(&e),
        }
    };
    let cancel = Callback::new(move |_| editing.set(false));
    let what = format!("the journal entry “{}”", entry.title);
    let form_what = what.clone();
    let edit_label = format!("Edit the journal entry “{}”", entry.title);
    view! {
        <li class="card entry" id=format!("r-{id}") class:private=entry.visibility == Visibility::Private>
            <Show when=move || editing.get() fallback={
                let entry = entry.clone();
                let what = what.clone();
                let edit_label = edit_label.clone();
                move || view! {
                    <header>
                        <h3>{entry.title.clone()}</h3>
                        <p class="meta"><time datetime=entry.on.to_string()>{fmt_date(entry.on)}</time>
                            <VisibilityBadge visibility=entry.visibility/>
                            {entry.tags.iter().map(|t| view! { <span class="tag">{format!("#{t}")}</span> }).collect_view()}
                        </p>
                    </header>
                    <p class="body">{entry.body.clone()}</p>
                    <p class="row-actions">
                        <button type="button" class="link" aria-label=edit_label.clone() on:click=move |_| editing.set(true) disabled=move || app.is_read_only()>"Edit"</button>
                        <DeleteEntry kind=RecordKind::JournalEntry id=id what=what.clone()/>
                    </p>
                }
            }>
                <DraftForm draft=draft label=format!("Edit {form_what}") on_submit=save>
                    {form.view()}
                    <FormButtons save_label="Save entry" on_cancel=cancel/>
                </DraftForm>
            </Show>
        </li>
    }
}
