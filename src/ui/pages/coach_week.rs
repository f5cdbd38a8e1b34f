//! The coach's week for a cohort: one line per candidate taking part, who is behind first with
//! what to do about it, and what comes up in the next two weeks.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::logic::journey::{
    coach_week, trim_float, CandidateWeek, Due, DueAt, JOURNAL_GAP_DAYS, ONE_ON_ONE_GAP_DAYS,
};
use crate::model::{Date, Id};
use crate::ui::browser;
use crate::ui::link;
use crate::ui::pages::candidate::section_href;
use crate::ui::pages::{existing_route_id, Missing};
use crate::ui::state::use_app;
use crate::ui::widgets::{count, fmt_date};

#[component]
pub fn CoachWeekPage() -> impl IntoView {
    let found = existing_route_id(|ws, id| ws.cohort(id).is_some());
    move || match found.get().0 {
        None => view! { <Missing what="cohort" back="/cohorts" back_label="Back to cohorts"/> }
            .into_any(),
        Some(id) => view! { <Week id=id/> }.into_any(),
    }
}

/// "20 Nov 2026 (5 days ago)", "today", or what to say when there is none.
fn when(d: Option<Date>, today: Date, none: &str) -> String {
    match d {
        None => none.to_string(),
        Some(d) if d == today => "today".to_string(),
        Some(d) => {
            let n = (today - d).num_days();
            format!(
                "{} ({})",
                fmt_date(d),
                if n == 1 {
                    "yesterday".to_string()
                } else {
                    format!("{n} days ago")
                }
            )
        }
    }
}

#[component]
fn Week(id: Id) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let data = Memo::new(move |_| app.ws.with(|ws| coach_week(ws, id, today)));
    let cohort_name = move || {
        app.ws
            .with(|ws| ws.cohort(id).map(|c| c.name.clone()).unwrap_or_default())
    };
    let lead = move || {
        data.with(|w| {
            w.as_ref().map_or(String::new(), |w| {
                format!(
                    "Week of {} · {} taking part · {} behind",
                    fmt_date(w.monday),
                    w.candidates.len(),
                    w.behind()
                )
            })
        })
    };
    let lines = move || data.with(|w| w.as_ref().map_or(vec![], |w| w.candidates.clone()));
    let due = move || data.with(|w| w.as_ref().map_or(vec![], |w| w.due.clone()));
    view! {
        <section class="page">
            <p class="crumbs"><A href=link("/cohorts")>"Cohorts"</A> " / " <A href=link(&format!("/cohorts/{id}"))>{cohort_name}</A> " / "</p>
            <h1>"This week"</h1>
            <p class="lead">{lead}</p>
            <p class="muted">{format!("Behind means one of: no 1:1 with a coach for more than {ONE_ON_ONE_GAP_DAYS} days, no journal entry you can see for more than {JOURNAL_GAP_DAYS} days (private entries stay in the candidate's browser), a micro-assignment open past its end, or less than half of last week's protected time used. Each reason links to where it is put right.")}</p>
            <Show when=move || !lines().is_empty() fallback=move || view! {
                <p class="muted">"Nobody takes part in this cohort yet: selected candidates and those in the program show here. Enrol and select people on the " <A href=link(&format!("/cohorts/{id}"))>"cohort page"</A> "."</p>
            }>
                <div class="table-wrap">
                    <table class="coach-week">
                        <caption class="sr-only">"Candidates this week"</caption>
                        <thead><tr>
                            <th scope="col">"Candidate"</th>
                            <th scope="col">"This week's sessions (done of planned)"</th>
                            <th scope="col">"Protected time this week"</th>
                            <th scope="col">"Micro-assignments past their end"</th>
                            <th scope="col">"Last 1:1 with a coach"</th>
                            <th scope="col">"Last journal entry"</th>
                            <th scope="col">"Open follow-ups"</th>
                        </tr></thead>
                        <tbody>
                            {move || lines().into_iter().map(|l| view! { <Line l=l today=today/> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
            <h2>"Coming up"</h2>
            <Show when=move || !due().is_empty() fallback=|| view! { <p class="muted">"Nothing due in the next two weeks."</p> }>
                <ul class="coming-up">
                    {move || due().into_iter().map(|d| view! { <DueLine d=d cohort=id today=today/> }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn Line(l: CandidateWeek, today: Date) -> impl IntoView {
    let behind = !l.behind.is_empty();
    let sessions: Vec<String> = l
        .week
        .rows()
        .into_iter()
        .filter(|(_, planned, done)| *planned > 0 || *done > 0)
        .map(|(kind, planned, done)| format!("{}: {done} of {planned}", kind.label()))
        .collect();
    let hours = format!(
        "{} of {} h",
        trim_float(l.week.hours_used),
        trim_float(l.week.protected_hours)
    );
    let overdue = if l.overdue.is_empty() {
        "none".to_string()
    } else {
        l.overdue
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let cid = l.candidate_id;
    let for_name = format!(" for {}", l.name);
    let reasons = l
        .behind
        .clone()
        .into_iter()
        .map(|b| {
            let sr = for_name.clone();
            view! {
                <li>{b.text()} " — " <A href=section_href(cid, b.section())>{b.fix()}<span class="sr-only">{sr}</span></A></li>
            }
        })
        .collect_view();
    view! {
        <tr class:behind=behind>
            <th scope="row">
                <A href=section_href(cid, "")>{l.name.clone()}</A>
                {behind.then(|| view! {
                    " " <span class="behind-tag">"Behind"</span>
                    <ul class="reasons">{reasons}</ul>
                })}
            </th>
            <td data-label="Sessions">{if sessions.is_empty() {
                view! { "none planned" }.into_any()
            } else {
                view! { <ul class="plain">{sessions.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }.into_any()
            }}</td>
            <td data-label="Protected time">{hours}</td>
            <td data-label="Past their end">{overdue}</td>
            <td data-label="Last 1:1">{when(l.last_one_on_one, today, "none yet")}</td>
            <td data-label="Last journal entry">{when(l.last_journal, today, "none yet")}</td>
            <td data-label="Open follow-ups">{l.open_follow_ups}</td>
        </tr>
    }
}

#[component]
fn DueLine(d: Due, cohort: Id, today: Date) -> impl IntoView {
    let href = match d.at {
        DueAt::Calibration => link(&format!("/cohorts/{cohort}/calibration")),
        DueAt::Cohort => link(&format!("/cohorts/{cohort}")),
        DueAt::Candidate(c, section) => section_href(c, section),
    };
    let day = if d.on == today {
        "Today".to_string()
    } else {
        let n = (d.on - today).num_days();
        format!(
            "{} (in {})",
            fmt_date(d.on),
            count(n as usize, "day", "days")
        )
    };
    view! {
        <li><span class="when">{day}</span> " — " <A href=href>{d.what}</A></li>
    }
}
