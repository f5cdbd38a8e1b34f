use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::logic::actions::{Action, CandidateFields};
use crate::logic::phases::{position_on, Position};
use crate::model::{CandidateStatus, Id};
use crate::ui::browser;
use crate::ui::pages::{route_id, Missing};
use crate::ui::state::use_app;
use crate::ui::widgets::{fmt_date, ConfirmDialog, StatusBadge};

#[component]
pub fn CandidatePage() -> impl IntoView {
    let app = use_app();
    let id = route_id();
    let found = Memo::new(move |_| {
        id.get()
            .filter(|id| app.ws.with(|ws| ws.candidate(*id).is_some()))
    });
    move || match found.get() {
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
    let info = move || {
        app.ws.with(|ws| {
            let c = ws.candidate(id)?;
            let p = ws.person(c.person_id)?;
            let cohort = ws.cohort(c.cohort_id)?;
            let phase = match position_on(cohort, today) {
                Position::BeforeStart { days_to_go } => format!(
                    "The cohort starts in {days_to_go} days ({}).",
                    fmt_date(cohort.starts_on())
                ),
                Position::In {
                    kind, day, of_days, ..
                } => format!("{}: day {day} of {of_days}.", kind.name()),
                Position::Between { .. } => "Between phases.".into(),
                Position::Finished => {
                    format!("The cohort finished on {}.", fmt_date(cohort.ends_on()))
                }
            };
            Some((c.clone(), p.clone(), cohort.id, cohort.name.clone(), phase))
        })
    };
    let initial = app.ws.with_untracked(|ws| {
        ws.candidate(id)
            .map(|c| (c.status, c.protected_hours_per_week))
    });
    let status = RwSignal::new(initial.map(|i| i.0).unwrap_or_default().code().to_string());
    let hours = RwSignal::new(initial.map(|i| i.1.to_string()).unwrap_or_default());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(h) = hours.get_untracked().trim().parse::<f32>() else {
            app.warn("Protected hours must be a number, e.g. 6.");
            return;
        };
        let fields = CandidateFields {
            status: CandidateStatus::from_code(&status.get_untracked()).unwrap_or_default(),
            protected_hours_per_week: h,
        };
        app.act(
            Action::UpdateCandidate { id, fields },
            "Saved the candidate.",
        );
    };
    let open = RwSignal::new(false);
    let cohort_id = StoredValue::new(None::<Id>);
    let remove = Callback::new(move |_| {
        let back = cohort_id.get_value();
        if app
            .act(
                Action::RemoveCandidate { id },
                "Removed the candidate from the cohort.",
            )
            .is_some()
        {
            let to = back
                .map(|c| format!("/cohorts/{c}"))
                .unwrap_or_else(|| "/cohorts".into());
            navigate(&to, Default::default());
        }
    });
    move || {
        info().map(|(c, p, cid, cohort_name, phase)| {
            cohort_id.set_value(Some(cid));
            let intro = format!("{} stays in People; only their place in {cohort_name} goes.", p.name);
            let cohort_name2 = cohort_name.clone();
            view! {
                <section class="page">
                    <p class="crumbs"><A href="/cohorts">"Cohorts"</A> " / " <A href=format!("/cohorts/{cid}")>{cohort_name}</A> " / "</p>
                    <h1>{p.name.clone()}</h1>
                    <p class="lead">"Candidate in " <A href=format!("/cohorts/{cid}")>{cohort_name2}</A> " · " <StatusBadge status=c.status/></p>
                    <dl class="facts">
                        <div><dt>"Now"</dt><dd>{phase}</dd></div>
                        <div><dt>"Protected time"</dt><dd>{format!("{} hours a week", c.protected_hours_per_week)}</dd></div>
                        <div><dt>"Level · team"</dt><dd>{format!("{} · {}", p.level.code(), p.team)}</dd></div>
                        <div><dt>"Enrolled"</dt><dd>{fmt_date(c.created_at.date_naive())}</dd></div>
                        <div><dt>"Person"</dt><dd><A href=format!("/people/{}", p.id)>{format!("{}'s record", p.name)}</A></dd></div>
                    </dl>
                    <h2>"Status and protected time"</h2>
                    <form class="form inline" on:submit=save>
                        <label>"Status"
                            <select prop:value=move || status.get() on:change=move |ev| status.set(event_target_value(&ev))>
                                {CandidateStatus::ALL.into_iter().map(|s| view! { <option value=s.code()>{s.label()}</option> }).collect_view()}
                            </select>
                        </label>
                        <label>"Protected hours / week" <input type="number" min="0" max="40" step="0.5" bind:value=hours/></label>
                        <button type="submit">"Save candidate"</button>
                    </form>
                    <p class="muted">"Protected hours are taken off the candidate's delivery work so the program has real time. Agree them with the sponsor."</p>
                    <h2>"Remove"</h2>
                    <button type="button" class="danger" on:click=move |_| open.set(true)>"Remove from cohort…"</button>
                    <ConfirmDialog open=open title="Remove this candidate?" intro=intro lines=Signal::derive(Vec::new) confirm_label="Remove candidate" on_confirm=remove/>
                </section>
            }
        })
    }
}
