use leptos::prelude::*;

use crate::ui::link;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::logic::actions::Action;
use crate::logic::phases::{describe_position, position_on, Position};
use crate::logic::scope::Scope;
use crate::model::Id;
use crate::ui::browser;
use crate::ui::pages::share::ScopedExport;
use crate::ui::pages::{existing_route_id, Missing};
use crate::ui::state::use_app;
use crate::ui::widgets::{fmt_date, CandidateInputs, ConfirmDialog, StatusBadge};

#[component]
pub fn CandidatePage() -> impl IntoView {
    let found = existing_route_id(|ws, id| ws.candidate(id).is_some());
    move || match found.get().0 {
        None => view! { <Missing what="candidate" back="/cohorts" back_label="Back to cohorts"/> }
            .into_any(),
        Some(id) => view! { <CandidateDetail id=id/> }.into_any(),
    }
}

#[component]
fn CandidateDetail(id: Id) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let today = browser::today();
    // Built once per candidate; only the text below follows edits, so the form keeps focus.
    let Some((person_id, cohort_id, status0, hours0)) = app.ws.with_untracked(|ws| {
        ws.candidate(id).map(|c| {
            (
                c.person_id,
                c.cohort_id,
                c.status,
                c.protected_hours_per_week,
            )
        })
    }) else {
        return view! { <Missing what="candidate" back="/cohorts" back_label="Back to cohorts"/> }
            .into_any();
    };
    let candidate = move || app.ws.with(|ws| ws.candidate(id).cloned());
    let person_name = move || app.ws.with(|ws| ws.person_name(person_id).to_string());
    let cohort_name = move || {
        app.ws.with(|ws| {
            ws.cohort(cohort_id)
                .map(|c| c.name.clone())
                .unwrap_or_default()
        })
    };
    let about = move || {
        app.ws.with(|ws| {
            ws.person(person_id).map(|p| {
                format!(
                    "{} · {}",
                    p.level.code(),
                    if p.team.is_empty() {
                        "no team"
                    } else {
                        &p.team
                    }
                )
            })
        })
    };
    let now = move || {
        app.ws.with(|ws| match ws.cohort(cohort_id) {
            Some(c) => match position_on(c, today) {
                Position::Finished => format!("The cohort finished on {}.", fmt_date(c.ends_on())),
                Position::BeforeStart { .. } => format!(
                    "{} ({}).",
                    describe_position(c, today),
                    fmt_date(c.starts_on())
                ),
                _ => format!("{}.", describe_position(c, today)),
            },
            None => String::new(),
        })
    };
    let inputs = CandidateInputs::new(status0, hours0);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = match inputs.fields() {
            Ok(f) => f,
            Err(e) => return app.warn(&e),
        };
        app.act(
            Action::UpdateCandidate { id, fields },
            "Saved the candidate.",
        );
    };
    let open = RwSignal::new(false);
    let intro = Signal::derive(move || {
        format!(
            "{} stays in People; only their place in {} goes.",
            person_name(),
            cohort_name()
        )
    });
    let remove = Callback::new(move |_| {
        if app
            .act(
                Action::RemoveCandidate { id },
                "Removed the candidate from the cohort.",
            )
            .is_some()
        {
            navigate(&format!("/cohorts/{cohort_id}"), Default::default());
        }
    });
    view! {
        <section class="page">
            <p class="crumbs"><A href=link("/cohorts")>"Cohorts"</A> " / " <A href=link(&format!("/cohorts/{cohort_id}"))>{cohort_name}</A> " / "</p>
            <h1>{person_name}</h1>
            <p class="lead">"Candidate in " <A href=link(&format!("/cohorts/{cohort_id}"))>{cohort_name}</A> " · "
                {move || candidate().map(|c| view! { <StatusBadge status=c.status/> })}
            </p>
            <dl class="facts">
                <div><dt>"Now"</dt><dd>{now}</dd></div>
                <div><dt>"Protected time"</dt><dd>{move || candidate().map(|c| format!("{} hours a week", c.protected_hours_per_week))}</dd></div>
                <div><dt>"Level · team"</dt><dd>{about}</dd></div>
                <div><dt>"Enrolled"</dt><dd>{move || candidate().map(|c| fmt_date(c.created_at.date_naive()))}</dd></div>
                <div><dt>"Person"</dt><dd><A href=link(&format!("/people/{person_id}"))>{move || format!("{}'s record", person_name())}</A></dd></div>
            </dl>
            <h2>"Status and protected time"</h2>
            <form class="form inline" on:submit=save>
                {inputs.view()}
                <button type="submit" disabled=move || app.is_read_only()>"Save candidate"</button>
            </form>
            <p class="muted">"Protected hours are taken off the candidate's delivery work so the program has real time. Agree them with the sponsor."</p>
            <ScopedExport scope=Scope::Candidate(id) for_whom="the candidate"/>
            <h2>"Remove"</h2>
            <button type="button" class="danger" on:click=move |_| open.set(true) disabled=move || app.is_read_only()>"Remove from cohort…"</button>
            <ConfirmDialog open=open title="Remove this candidate?" intro=intro lines=Signal::derive(Vec::new) confirm_label="Remove candidate" on_confirm=remove/>
        </section>
    }
    .into_any()
}
