//! A candidate's page: a header, a row of section links, and one section at a time
//! (`/candidates/:id` is the overview; `/candidates/:id/<section>` the others).

mod activities;
mod assessments;
mod assignments;
mod feedback;
mod feedback_files;
mod journal;
mod one_on_ones;
mod overview;
mod readiness;
mod retros;
mod selection;
mod signals;
mod week;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::model::Id;
use crate::ui::link;
use crate::ui::pages::{existing_route_id, Missing};
use crate::ui::state::use_app;
use crate::ui::widgets::StatusBadge;

/// The cohort page's editor of the standard week.
pub(crate) use activities::{default_title, CandidatePicks, RepeatInputs};
pub use week::StandardWeek;

/// The sections of a candidate's page: (path segment, link text).
pub const SECTIONS: [(&str, &str); 12] = [
    ("", "Overview"),
    ("selection", "Selection"),
    ("week", "Week"),
    ("activities", "Activities"),
    ("assignments", "Micro-assignments"),
    ("one-on-ones", "1:1s"),
    ("journal", "Journal"),
    ("signals", "Success signals"),
    ("retros", "Retrospectives"),
    ("assessments", "Assessments"),
    ("feedback", "Feedback and health"),
    ("readiness", "Readiness"),
];

/// The link to a section of a candidate's page.
pub fn section_href(id: Id, section: &str) -> String {
    if section.is_empty() {
        link(&format!("/candidates/{id}"))
    } else {
        link(&format!("/candidates/{id}/{section}"))
    }
}

#[component]
pub fn CandidatePage() -> impl IntoView {
    let found = existing_route_id(|ws, id| ws.candidate(id).is_some());
    let params = use_params_map();
    let section = Memo::new(move |_| params.read().get("section").unwrap_or_default());
    move || match found.get().0 {
        None => view! { <Missing what="candidate" back="/cohorts" back_label="Back to cohorts"/> }
            .into_any(),
        Some(id) => {
            let s = section.get();
            view! { <CandidateFrame id=id section=s/> }.into_any()
        }
    }
}

#[component]
fn CandidateFrame(id: Id, section: String) -> impl IntoView {
    let app = use_app();
    let Some((person_id, cohort_id)) = app
        .ws
        .with_untracked(|ws| ws.candidate(id).map(|c| (c.person_id, c.cohort_id)))
    else {
        return view! { <Missing what="candidate" back="/cohorts" back_label="Back to cohorts"/> }
            .into_any();
    };
    let known = SECTIONS.iter().any(|(s, _)| *s == section);
    let person_name = move || app.ws.with(|ws| ws.person_name(person_id).to_string());
    let cohort_name = move || {
        app.ws.with(|ws| {
            ws.cohort(cohort_id)
                .map(|c| c.name.clone())
                .unwrap_or_default()
        })
    };
    let status = move || app.ws.with(|ws| ws.candidate(id).map(|c| c.status));
    let heading = SECTIONS
        .iter()
        .find(|(s, _)| *s == section)
        .map_or("", |(_, l)| *l);
    let body = match section.as_str() {
        "" => view! { <overview::Overview id=id/> }.into_any(),
        "selection" => view! { <selection::SelectionSection id=id/> }.into_any(),
        "week" => view! { <week::WeekSection id=id/> }.into_any(),
        "activities" => view! { <activities::ActivitiesSection id=id/> }.into_any(),
        "assignments" => view! { <assignments::AssignmentsSection id=id/> }.into_any(),
        "one-on-ones" => view! { <one_on_ones::OneOnOnesSection id=id/> }.into_any(),
        "journal" => view! { <journal::JournalSection id=id/> }.into_any(),
        "signals" => view! { <signals::SignalsSection id=id/> }.into_any(),
        "retros" => view! { <retros::RetrosSection id=id/> }.into_any(),
        "assessments" => view! { <assessments::AssessmentsSection id=id/> }.into_any(),
        "feedback" => view! { <feedback::FeedbackSection id=id/> }.into_any(),
        "readiness" => view! { <readiness::ReadinessSection id=id/> }.into_any(),
        _ => view! { <p>"There is no such section. Pick one above."</p> }.into_any(),
    };
    let title = move || {
        if heading.is_empty() || heading == "Overview" {
            person_name()
        } else {
            format!("{} — {heading}", person_name())
        }
    };
    // The candidate's own page leaves out selection (the coaches' notes on choosing them).
    let own = app.person_untracked().is_some()
        && app.person_untracked()
            == app
                .ws
                .with_untracked(|ws| ws.candidate(id).map(|c| c.person_id));
    view! {
        <section class="page">
            <p class="crumbs"><A href=link("/cohorts")>"Cohorts"</A> " / " <A href=link(&format!("/cohorts/{cohort_id}"))>{cohort_name}</A> " / "</p>
            <h1>{title}</h1>
            <p class="lead">"Candidate in " <A href=link(&format!("/cohorts/{cohort_id}"))>{cohort_name}</A> " · "
                {move || status().map(|s| view! { <StatusBadge status=s/> })}
            </p>
            <nav class="tabs" aria-label="Candidate sections">
                <ul>
                    {SECTIONS.iter().filter(|(s, _)| !(own && *s == "selection")).map(|(s, label)| {
                        let current = *s == section || (!known && s.is_empty());
                        view! {
                            <li><a href=section_href(id, s) aria-current=current.then_some("page")>{*label}</a></li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
            {body}
        </section>
    }
    .into_any()
}
