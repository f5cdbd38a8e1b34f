use leptos::prelude::*;

use crate::ui::link;
use leptos_router::components::A;

use crate::logic::program::phases::{describe_position, position_on, Position};
use crate::model::{CandidateStatus, Id};
use crate::ui::browser;
use crate::ui::state::use_app;
use crate::ui::widgets::{count, fmt_date};

#[component]
pub fn Home() -> impl IntoView {
    let app = use_app();
    let empty = move || app.ws.with(|ws| ws.is_empty());
    let load_sample = move |_| crate::ui::pages::settings::load_sample(app);
    view! {
        <section class="page">
            <Show when=empty fallback=move || view! { <Overview/> }>
                <div class="empty">
                    <h1>"Welcome to Runway"</h1>
                    <p class="lead">"Grow engineering managers from inside your organisation: run a Manager-in-Training cohort through its phases, with candidates, coaches and a sponsor, all kept in this browser."</p>
                    <div class="actions">
                        <A href=link("/cohorts/new") attr:class="button">"Create a cohort"</A>
                        <button type="button" class="secondary" on:click=load_sample disabled=move || app.is_read_only()>"Load sample program"</button>
                    </div>
                    <p class="hint">"Have a file from a colleague? Import it on the " <A href=link("/data")>"Data"</A> " page."</p>
                    <p class="hint">"Asked for feedback with a request file? " <A href=link("/answer")>"Answer a request"</A> " — no workspace needed."</p>
                    <p class="hint">"Asked for a recommendation letter? " <A href=link("/letter")>"Write a letter"</A> " — no workspace needed either."</p>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn Overview() -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let org = move || {
        app.ws.with(|ws| {
            if ws.organisation.is_empty() {
                "Your program".to_string()
            } else {
                ws.organisation.clone()
            }
        })
    };
    let counts = move || app.ws.with(|ws| ws.counts());
    let cohorts = move || {
        app.ws.with(|ws| {
            ws.cohorts
                .iter()
                .map(|c| {
                    let where_now = match position_on(c, today) {
                        Position::Finished => format!("Finished {}", fmt_date(c.ends_on())),
                        _ => describe_position(c, today),
                    };
                    let active = ws
                        .candidates_in(c.id)
                        .filter(|k| k.status == CandidateStatus::InProgram)
                        .count();
                    let total = ws.candidates_in(c.id).count();
                    (c.id, c.name.clone(), where_now, active, total)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h1>{org}</h1>
        <p class="lead">
            {move || { let c = counts(); format!("{} · {} · {}", count(c.people, "person", "people"), count(c.cohorts, "cohort", "cohorts"), count(c.candidates, "candidate", "candidates")) }}
        </p>
        <YourPart/>
        <crate::ui::pages::calibration::CalibrationReminders/>
        <crate::ui::pages::track::trial::TrialReminders/>
        <h2>"Cohorts"</h2>
        <Show when=move || !cohorts().is_empty() fallback=|| view! {
            <p>"No cohorts yet. " <A href=link("/cohorts/new")>"Create a cohort"</A></p>
        }>
            <ul class="cards">
                {move || cohorts().into_iter().map(|(id, name, where_now, active, total)| view! {
                    <li class="card">
                        <h3><A href=link(&format!("/cohorts/{id}"))>{name}</A></h3>
                        <p>{where_now}</p>
                        <p class="muted">{format!("{active} in program · {}", count(total, "candidate", "candidates"))}</p>
                    </li>
                }).collect_view()}
            </ul>
        </Show>
    }
}

/// What this browser's person does in the program, with the way to each part.
#[component]
fn YourPart() -> impl IntoView {
    let app = use_app();
    let part = move || {
        let me = app.person()?;
        app.ws.with(|ws| {
            let roles = crate::logic::program::roles::roles_of(ws, me);
            let cohort_name = |id: Id| ws.cohort(id).map_or(String::new(), |c| c.name.clone());
            let mut links: Vec<(String, String)> = Vec::new();
            for k in &roles.candidacies {
                if let Some(c) = ws.candidate(*k) {
                    links.push((
                        format!("/candidates/{k}"),
                        format!("Your journey in {}", cohort_name(c.cohort_id)),
                    ));
                }
            }
            for c in &roles.coach_of {
                links.push((
                    format!("/cohorts/{c}"),
                    format!("{}, which you coach", cohort_name(*c)),
                ));
            }
            for c in &roles.sponsor_of {
                links.push((
                    format!("/cohorts/{c}"),
                    format!("{}, which you sponsor", cohort_name(*c)),
                ));
            }
            Some((ws.person_name(me).to_string(), roles.describe(ws), links))
        })
    };
    view! {
        {move || part().map(|(name, roles, links)| view! {
            <section class="panel your-part" aria-labelledby="part-h">
                <h2 id="part-h">{format!("{name}: {roles}")}</h2>
                {(!links.is_empty()).then(|| view! {
                    <ul>{links.into_iter().map(|(href, text)| view! { <li><A href=link(&href)>{text}</A></li> }).collect_view()}</ul>
                })}
            </section>
        })}
    }
}
