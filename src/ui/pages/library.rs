//! The library: reusable snippets for hard conversations and 1:1 agendas (a built-in starter
//! set plus the organisation's own), and the peer case reviews of each cohort.

use crate::sort::StableSort as _;
use leptos::prelude::*;

use crate::content::snippets::{Starter, STARTER_SNIPPETS};
use crate::logic::actions::Action;
use crate::logic::records::Record;
use crate::model::{CaseReview, Id, RecordKind, Snippet, SnippetCategory, Timestamp};
use crate::ui::browser;
use crate::ui::forms::{
    AreaField, ChoiceField, DateField, DeleteEntry, DraftForm, FormButtons, FormDraft, TextField,
};
use crate::ui::state::use_app;
use crate::ui::widgets::{date_value, fmt_date, parse_date};

fn categories() -> Vec<(String, String)> {
    SnippetCategory::ALL
        .iter()
        .map(|c| (c.code().to_string(), c.label().to_string()))
        .collect()
}

#[derive(Clone, Copy)]
struct SnippetForm {
    title: RwSignal<String>,
    category: RwSignal<String>,
    body: RwSignal<String>,
}

impl SnippetForm {
    fn new(s: Option<&Snippet>) -> Self {
        SnippetForm {
            title: RwSignal::new(s.map(|s| s.title.clone()).unwrap_or_default()),
            category: RwSignal::new(
                s.map_or(SnippetCategory::Agenda, |s| s.category)
                    .code()
                    .to_string(),
            ),
            body: RwSignal::new(s.map(|s| s.body.clone()).unwrap_or_default()),
        }
    }

    fn record(self, id: Id) -> Snippet {
        Snippet {
            id,
            title: self.title.get_untracked().trim().to_string(),
            category: SnippetCategory::from_code(&self.category.get_untracked())
                .unwrap_or(SnippetCategory::Other),
            body: self.body.get_untracked().trim().to_string(),
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
        }
    }

    fn view(self) -> impl IntoView {
        view! {
            <TextField label="Title" value=self.title required=true wide=true/>
            <ChoiceField label="Kind" value=self.category options=categories()/>
            <AreaField label="Text" value=self.body rows=6/>
        }
    }
}

#[component]
pub fn LibraryPage() -> impl IntoView {
    let app = use_app();
    let form = SnippetForm::new(None);
    let draft = FormDraft::new("snippet/new", "New snippet");
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if draft
            .save(
                Action::Put(Record::Snippet(form.record(Id::nil()))),
                "Added the snippet to your library.",
            )
            .is_some()
        {
            form.title.set(String::new());
            form.body.set(String::new());
        }
    };
    let own = move || {
        app.ws.with(|ws| {
            let mut l = ws.snippets.clone();
            l.stable_sort_by_key(|s| (s.category, s.title.to_lowercase()));
            l
        })
    };
    view! {
        <section class="page">
            <h1>"Library"</h1>
            <p class="lead">"Texts to start from in a hard conversation or a 1:1, and what the cohorts learned from real cases. Any snippet can be added to a 1:1's agenda from the 1:1 form."</p>
            <h2>"Your organisation's snippets"</h2>
            <details class="panel" open=draft.has_draft()>
                <summary>"Write a snippet"</summary>
                <DraftForm draft=draft label="New snippet" on_submit=add>
                    {form.view()}
                    <FormButtons save_label="Save snippet"/>
                </DraftForm>
            </details>
            <ul class="entries">
                <For each=own key=|s| (s.id, s.updated_at) let:s>
                    <SnippetCard s=s/>
                </For>
            </ul>
            {move || own().is_empty().then(|| view! { <p class="muted">"None yet. Write one, or copy a starter below and make it yours."</p> })}
            <h2>"Starter snippets"</h2>
            <p class="muted">"Written for Runway as a place to begin. Copy one to edit it for your organisation."</p>
            <ul class="entries">
                {STARTER_SNIPPETS.iter().map(|s| view! { <StarterCard s=*s/> }).collect_view()}
            </ul>
            <CaseReviews/>
        </section>
    }
}

#[component]
fn StarterCard(s: Starter) -> impl IntoView {
    let app = use_app();
    let copy = move |_| {
        let snippet = Snippet {
            id: Id::nil(),
            title: s.title.to_string(),
            category: s.category,
            body: s.body.to_string(),
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
        };
        app.act(
            Action::Put(Record::Snippet(snippet)),
            "Copied into your organisation's snippets, where you can edit it.",
        );
    };
    view! {
        <li class="card entry">
            <h3>{s.title}</h3>
            <p class="meta"><span class="badge muted">{s.category.label()}</span><span class="badge">"Starter"</span></p>
            <p class="body">{s.body}</p>
            <p class="row-actions"><button type="button" class="link" aria-label=format!("Copy to edit: {}", s.title) on:click=copy disabled=move || app.is_read_only()>"Copy to edit"</button></p>
        </li>
    }
}

#[component]
fn SnippetCard(s: Snippet) -> impl IntoView {
    let app = use_app();
    let editing = RwSignal::new(false);
    let form = SnippetForm::new(Some(&s));
    let draft = FormDraft::new(
        format!("snippet/{}", s.id),
        format!("Edit the snippet “{}”", s.title),
    );
    if draft.has_draft() {
        editing.set(true);
    }
    let id = s.id;
    let form_title = s.title.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if draft
            .save(
                Action::Put(Record::Snippet(form.record(id))),
                "Saved the snippet.",
            )
            .is_some()
        {}
    };
    let cancel = Callback::new(move |_| editing.set(false));
    view! {
        <li class="card entry" id=format!("r-{id}")>
            <Show when=move || editing.get() fallback={
                let s = s.clone();
                move || view! {
                    <h3>{s.title.clone()}</h3>
                    <p class="meta"><span class="badge muted">{s.category.label()}</span></p>
                    <p class="body">{s.body.clone()}</p>
                    <p class="row-actions">
                        <button type="button" class="link" aria-label=format!("Edit the snippet “{}”", s.title) on:click=move |_| editing.set(true) disabled=move || app.is_read_only()>"Edit"</button>
                        <DeleteEntry kind=RecordKind::Snippet id=id what=format!("the snippet “{}”", s.title)/>
                    </p>
                }
            }>
                <DraftForm draft=draft label=format!("Edit the snippet “{form_title}”") on_submit=save>
                    {form.view()}
                    <FormButtons save_label="Save snippet" on_cancel=cancel/>
                </DraftForm>
            </Show>
        </li>
    }
}

#[derive(Clone, Copy)]
struct CaseForm {
    cohort: RwSignal<String>,
    on: RwSignal<String>,
    title: RwSignal<String>,
    scenario: RwSignal<String>,
    suggestions: RwSignal<String>,
    tried: RwSignal<String>,
    outcome: RwSignal<String>,
    lessons: RwSignal<String>,
}

impl CaseForm {
    fn new(c: Option<&CaseReview>, cohort: Option<Id>) -> Self {
        let text = |f: fn(&CaseReview) -> &String| {
            RwSignal::new(c.map(|c| f(c).clone()).unwrap_or_default())
        };
        CaseForm {
            cohort: RwSignal::new(
                c.map(|c| c.cohort_id)
                    .or(cohort)
                    .map(|i| i.to_string())
                    .unwrap_or_default(),
            ),
            on: RwSignal::new(date_value(Some(c.map_or_else(browser::today, |c| c.on)))),
            title: text(|c| &c.title),
            scenario: text(|c| &c.scenario),
            suggestions: text(|c| &c.suggestions),
            tried: text(|c| &c.tried),
            outcome: text(|c| &c.outcome),
            lessons: text(|c| &c.lessons),
        }
    }

    fn record(self, id: Id) -> Result<CaseReview, String> {
        let cohort_id = Id::parse_str(&self.cohort.get_untracked())
            .map_err(|_| "Please choose the cohort the case was reviewed in.".to_string())?;
        let on = parse_date(&self.on.get_untracked())
            .ok_or("Please enter the day of the review.".to_string())?;
        let t = |s: RwSignal<String>| s.get_untracked().trim().to_string();
        Ok(CaseReview {
            id,
            cohort_id,
            on,
            title: t(self.title),
            scenario: t(self.scenario),
            suggestions: t(self.suggestions),
            tried: t(self.tried),
            outcome: t(self.outcome),
            lessons: t(self.lessons),
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
        })
    }

    fn view(self) -> impl IntoView {
        let app = use_app();
        let cohorts: Vec<(String, String)> = app.ws.with_untracked(|ws| {
            ws.cohorts
                .iter()
                .map(|c| (c.id.to_string(), c.name.clone()))
                .collect()
        });
        view! {
            <ChoiceField label="Cohort" value=self.cohort options=cohorts/>
            <DateField label="Day" value=self.on required=true/>
            <TextField label="Title" value=self.title required=true wide=true/>
            <AreaField label="The situation, without names" value=self.scenario/>
            <AreaField label="What peers suggested" value=self.suggestions/>
            <AreaField label="What was tried" value=self.tried/>
            <AreaField label="How it went" value=self.outcome/>
            <AreaField label="Lessons" value=self.lessons/>
        }
    }
}

#[component]
fn CaseReviews() -> impl IntoView {
    let app = use_app();
    let first_cohort = app.ws.with_untracked(|ws| ws.cohorts.first().map(|c| c.id));
    let form = CaseForm::new(None, first_cohort);
    let draft = FormDraft::new("case-review/new", "New case review");
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.record(Id::nil()) {
            Ok(c) => {
                if draft
                    .save(Action::Put(Record::CaseReview(c)), "Saved the case review.")
                    .is_some()
                {
                    for s in [
                        form.title,
                        form.scenario,
                        form.suggestions,
                        form.tried,
                        form.outcome,
                        form.lessons,
                    ] {
                        s.set(String::new());
                    }
                }
            }
            Err(e) => app.warn(&e),
        }
    };
    let list = move || {
        app.ws.with(|ws| {
            let mut l = ws.case_reviews.clone();
            l.stable_sort_by_key(|c| std::cmp::Reverse(c.on));
            l
        })
    };
    let has_cohorts = move || app.ws.with(|ws| !ws.cohorts.is_empty());
    view! {
        <h2>"Peer case reviews"</h2>
        <p class="muted">"A hard people situation, told without names; peers suggest approaches, the presenter says what they tried and how it went, and the group writes down the lessons."</p>
        <Show when=has_cohorts fallback=|| view! { <p class="muted">"Case reviews belong to a cohort: create a cohort first."</p> }>
            <details class="panel" open=draft.has_draft()>
                <summary>"Record a case review"</summary>
                <DraftForm draft=draft label="New case review" on_submit=add>
                    {form.view()}
                    <FormButtons save_label="Save case review"/>
                </DraftForm>
            </details>
        </Show>
        <ul class="entries">
            <For each=list key=|c| (c.id, c.updated_at) let:c>
                <CaseCard c=c/>
            </For>
        </ul>
    }
}

#[component]
fn CaseCard(c: CaseReview) -> impl IntoView {
    let app = use_app();
    let editing = RwSignal::new(false);
    let form = CaseForm::new(Some(&c), None);
    let draft = FormDraft::new(
        format!("case-review/{}", c.id),
        format!("Edit the case review “{}”", c.title),
    );
    if draft.has_draft() {
        editing.set(true);
    }
    let id = c.id;
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.record(id) {
            Ok(x) => {
                if draft
                    .save(Action::Put(Record::CaseReview(x)), "Saved the case review.")
                    .is_some()
                {}
            }
            Err(e) => app.warn(&e),
        }
    };
    let cancel = Callback::new(move |_| editing.set(false));
    let cohort = app.ws.with_untracked(|ws| {
        ws.cohort(c.cohort_id)
            .map(|k| k.name.clone())
            .unwrap_or_default()
    });
    let form_title = c.title.clone();
    view! {
        <li class="card entry" id=format!("r-{id}")>
            <Show when=move || editing.get() fallback={
                let c = c.clone();
                let cohort = cohort.clone();
                move || view! {
                    <h3>{c.title.clone()}</h3>
                    <p class="meta"><time datetime=c.on.to_string()>{fmt_date(c.on)}</time><span class="badge muted">{cohort.clone()}</span></p>
                    <dl class="sections">
                        <dt>"Situation"</dt><dd class="body">{c.scenario.clone()}</dd>
                        <dt>"Suggestions"</dt><dd class="body">{c.suggestions.clone()}</dd>
                        <dt>"Tried"</dt><dd class="body">{c.tried.clone()}</dd>
                        <dt>"Outcome"</dt><dd class="body">{c.outcome.clone()}</dd>
                        <dt>"Lessons"</dt><dd class="body">{c.lessons.clone()}</dd>
                    </dl>
                    <p class="row-actions">
                        <button type="button" class="link" aria-label=format!("Edit the case review “{}”", c.title) on:click=move |_| editing.set(true) disabled=move || app.is_read_only()>"Edit"</button>
                        <DeleteEntry kind=RecordKind::CaseReview id=id what=format!("the case review “{}”", c.title)/>
                    </p>
                }
            }>
                <DraftForm draft=draft label=format!("Edit the case review “{form_title}”") on_submit=save>
                    {form.view()}
                    <FormButtons save_label="Save case review" on_cancel=cancel/>
                </DraftForm>
            </Show>
        </li>
    }
}
