//! Quarterly leadership retrospectives of the candidate: what worked, the people challenges,
//! what to try next quarter, and the support needed.

use crate::sort::StableSort as _;
use leptos::prelude::*;

use crate::logic::actions::Action;
use crate::logic::journey::quarter_of;
use crate::logic::records::Record;
use crate::model::{Id, RecordKind, Retrospective, Timestamp};
use crate::ui::browser;
use crate::ui::forms::{
    AreaField, ChoiceField, DeleteEntry, DraftForm, FormButtons, FormDraft, NumberField,
};
use crate::ui::state::use_app;

#[derive(Clone, Copy)]
struct RetroForm {
    year: RwSignal<String>,
    quarter: RwSignal<String>,
    worked: RwSignal<String>,
    challenges: RwSignal<String>,
    try_next: RwSignal<String>,
    support: RwSignal<String>,
}

impl RetroForm {
    fn new(r: Option<&Retrospective>) -> Self {
        let (y, q) = r.map_or_else(|| quarter_of(browser::today()), |r| (r.year, r.quarter));
        let text = |f: fn(&Retrospective) -> &String| {
            RwSignal::new(r.map(|r| f(r).clone()).unwrap_or_default())
        };
        RetroForm {
            year: RwSignal::new(y.to_string()),
            quarter: RwSignal::new(q.to_string()),
            worked: text(|r| &r.worked),
            challenges: text(|r| &r.challenges),
            try_next: text(|r| &r.try_next),
            support: text(|r| &r.support),
        }
    }

    fn record(self, id: Id, person_id: Id) -> Result<Retrospective, String> {
        let year: i32 = self
            .year
            .get_untracked()
            .trim()
            .parse()
            .map_err(|_| "The year must be a number like 2026.".to_string())?;
        let quarter: u8 = self.quarter.get_untracked().parse().unwrap_or(1);
        Ok(Retrospective {
            id,
            person_id,
            year,
            quarter,
            worked: self.worked.get_untracked().trim().to_string(),
            challenges: self.challenges.get_untracked().trim().to_string(),
            try_next: self.try_next.get_untracked().trim().to_string(),
            support: self.support.get_untracked().trim().to_string(),
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
        })
    }

    fn view(self) -> impl IntoView {
        let quarters = (1..=4).map(|q| (q.to_string(), format!("Q{q}"))).collect();
        view! {
            <NumberField label="Year" value=self.year required=true/>
            <ChoiceField label="Quarter" value=self.quarter options=quarters/>
            <AreaField label="What worked" value=self.worked/>
            <AreaField label="People challenges that came up" value=self.challenges/>
            <AreaField label="What to try next quarter" value=self.try_next/>
            <AreaField label="Support needed" value=self.support/>
        }
    }
}

#[component]
pub fn RetrosSection(id: Id) -> impl IntoView {
    let app = use_app();
    let Some(person_id) = app
        .ws
        .with_untracked(|ws| ws.candidate(id).map(|c| c.person_id))
    else {
        return view! { <p>"This candidate no longer exists."</p> }.into_any();
    };
    let form = RetroForm::new(None);
    let draft = FormDraft::new(format!("retro/{id}/new"), "New retrospective");
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.record(Id::nil(), person_id) {
            Ok(r) => {
                if draft
                    .save(Action::Put(Record::Retro(r)), "Saved the retrospective.")
                    .is_some()
                {
                    for s in [form.worked, form.challenges, form.try_next, form.support] {
                        s.set(String::new());
                    }
                }
            }
            Err(e) => app.warn(&e),
        }
    };
    let list = move || {
        app.ws.with(|ws| {
            let mut l: Vec<Retrospective> = ws
                .retros
                .iter()
                .filter(|r| r.person_id == person_id)
                .cloned()
                .collect();
            l.stable_sort_by_key(|r| std::cmp::Reverse((r.year, r.quarter)));
            l
        })
    };
    view! {
        <p class="muted">"Once a quarter, look back on leading: what worked, what was hard with people, what to try next and what help you need. Retrospectives belong to the person and follow them after the program."</p>
        <details class="panel" open=draft.has_draft()>
            <summary>"Write a retrospective"</summary>
            <DraftForm draft=draft label="New retrospective" on_submit=add>
                {form.view()}
                <FormButtons save_label="Save retrospective"/>
            </DraftForm>
        </details>
        <ul class="entries">
            <For each=list key=|r| (r.id, r.updated_at) let:r>
                <RetroCard r=r/>
            </For>
        </ul>
        {move || list().is_empty().then(|| view! { <p class="muted">"No retrospectives yet."</p> })}
    }
    .into_any()
}

#[component]
fn RetroCard(r: Retrospective) -> impl IntoView {
    let app = use_app();
    let editing = RwSignal::new(false);
    let form = RetroForm::new(Some(&r));
    let draft = FormDraft::new(format!("retro/{}", r.id), "Edit a retrospective");
    if draft.has_draft() {
        editing.set(true);
    }
    let (id, person_id) = (r.id, r.person_id);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.record(id, person_id) {
            Ok(x) => {
                if draft
                    .save(Action::Put(Record::Retro(x)), "Saved the retrospective.")
                    .is_some()
                {}
            }
            Err(e) => app.warn(&e),
        }
    };
    let cancel = Callback::new(move |_| editing.set(false));
    let title = format!("{} Q{} retrospective", r.year, r.quarter);
    let form_title = title.clone();
    view! {
        <li class="card entry" id=format!("r-{id}")>
            <Show when=move || editing.get() fallback={
                let r = r.clone();
                let title = title.clone();
                move || view! {
                    <h3>{title.clone()}</h3>
                    <dl class="sections">
                        <dt>"What worked"</dt><dd class="body">{r.worked.clone()}</dd>
                        <dt>"People challenges"</dt><dd class="body">{r.challenges.clone()}</dd>
                        <dt>"To try next quarter"</dt><dd class="body">{r.try_next.clone()}</dd>
                        <dt>"Support needed"</dt><dd class="body">{r.support.clone()}</dd>
                    </dl>
                    <p class="row-actions">
                        <button type="button" class="link" aria-label=format!("Edit the {title}") on:click=move |_| editing.set(true) disabled=move || app.is_read_only()>"Edit"</button>
                        <DeleteEntry kind=RecordKind::Retro id=id what=format!("the {title}")/>
                    </p>
                }
            }>
                <DraftForm draft=draft label=format!("Edit the {form_title}") on_submit=save>
                    {form.view()}
                    <FormButtons save_label="Save retrospective" on_cancel=cancel/>
                </DraftForm>
            </Show>
        </li>
    }
}
