//! The program overview: every cohort at a glance, managers in trial, promotion cases in
//! flight, the pitfalls the records show and the program's metrics side by side, each with its
//! count and period. Every metric's table downloads as CSV; the page prints as a report.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::logic::program::overview::{
    overview, CaseGlance, CohortGlance, FixAt, Metric, Pitfall, TrialGlance, SMALL_N,
};
use crate::model::Date;
use crate::ui::browser;
use crate::ui::link;
use crate::ui::pages::candidate::section_href;
use crate::ui::state::use_app;
use crate::ui::widgets::fmt_date;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let data = Memo::new(move |_| app.ws.with(|ws| overview(ws, today)));
    let org = move || app.ws.with(|ws| ws.organisation.clone());
    let cohorts = move || data.with(|o| o.cohorts.clone());
    let trials = move || data.with(|o| o.trials.clone());
    let cases = move || data.with(|o| o.cases.clone());
    let pitfalls = move || data.with(|o| o.pitfalls.clone());
    let metrics = move || data.with(|o| o.metrics.clone());
    view! {
        <section class="page overview">
            <h1>"Program overview"</h1>
            <p class="lead">{move || {
                let o = org();
                if o.is_empty() { format!("As of {}", fmt_date(today)) } else { format!("{o} · as of {}", fmt_date(today)) }
            }}</p>
            <div class="actions no-print">
                <button type="button" on:click=move |_| { let _ = window().print(); }>"Print the report"</button>
            </div>

            <h2>"Cohorts"</h2>
            <Show when=move || !cohorts().is_empty() fallback=|| view! {
                <p class="muted">"No cohorts yet. " <A href=link("/cohorts/new")>"Start a cohort"</A> "."</p>
            }>
                <div class="table-wrap">
                    <table class="glance">
                        <caption class="sr-only">"Every cohort at a glance"</caption>
                        <thead><tr>
                            <th scope="col">"Cohort"</th>
                            <th scope="col">"Now"</th>
                            <th scope="col">"Candidates"</th>
                            <th scope="col">"Calibration"</th>
                            <th scope="col">"Behind this week"</th>
                            <th scope="col">"Micro-assignments past their end"</th>
                        </tr></thead>
                        <tbody>
                            {move || cohorts().into_iter().map(|c| view! { <CohortRow c=c today=today/> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>

            <h2>"Managers in trial"</h2>
            <Show when=move || !trials().is_empty() fallback=|| view! { <p class="muted">"Nobody is in a management trial."</p> }>
                <div class="table-wrap">
                    <table class="glance">
                        <caption class="sr-only">"Managers in trial and their next checkpoint"</caption>
                        <thead><tr>
                            <th scope="col">"Manager"</th>
                            <th scope="col">"Team"</th>
                            <th scope="col">"Trial"</th>
                            <th scope="col">"Next checkpoint"</th>
                        </tr></thead>
                        <tbody>
                            {move || trials().into_iter().map(|t| view! { <TrialRow t=t today=today/> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>

            <h2>"Promotion cases in flight"</h2>
            <Show when=move || !cases().is_empty() fallback=|| view! { <p class="muted">"No promotion case is open."</p> }>
                <div class="table-wrap">
                    <table class="glance">
                        <caption class="sr-only">"Promotion cases in flight and what each is waiting for"</caption>
                        <thead><tr>
                            <th scope="col">"Case"</th>
                            <th scope="col">"Stage"</th>
                            <th scope="col">"Waiting for"</th>
                        </tr></thead>
                        <tbody>
                            {move || cases().into_iter().map(|c| view! { <CaseRow c=c/> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>

            <h2>"Pitfalls"</h2>
            <Show when=move || !pitfalls().is_empty() fallback=|| view! { <p class="muted">"The records show none of the usual pitfalls: too theoretical, too little coaching, promotion by assumption, no timeline or no protected time."</p> }>
                <ul class="pitfalls">
                    {move || pitfalls().into_iter().map(|p| view! { <PitfallLine p=p/> }).collect_view()}
                </ul>
            </Show>

            <h2>"Metrics"</h2>
            <p class="muted">{format!("Side by side, so that no single number carries the story. Each says how many it counts; below {SMALL_N} it comes with a caution.")}</p>
            <div class="metrics">
                {move || metrics().into_iter().map(|m| view! { <MetricCard m=m today=today/> }).collect_view()}
            </div>
        </section>
    }
}

#[component]
fn CohortRow(c: CohortGlance, today: Date) -> impl IntoView {
    let id = c.id;
    let statuses = if c.statuses.is_empty() {
        "none yet".to_string()
    } else {
        c.statuses
            .iter()
            .map(|(s, n)| format!("{n} {}", s.label().to_lowercase()))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let calibration = match c.calibration {
        None => view! { "—" }.into_any(),
        Some(d) => {
            let on = if d.on == today {
                "today".to_string()
            } else {
                fmt_date(d.on)
            };
            view! { <A href=link(&format!("/cohorts/{id}/calibration"))>{format!("{on}: {}", d.what)}</A> }
                .into_any()
        }
    };
    let in_cohort = format!(" in {}", c.name);
    let behind = if c.behind == 0 {
        view! { "nobody" }.into_any()
    } else {
        view! { <A href=link(&format!("/cohorts/{id}/week"))>{format!("{} behind", c.behind)}<span class="sr-only">{in_cohort}</span></A> }.into_any()
    };
    view! {
        <tr>
            <th scope="row"><A href=link(&format!("/cohorts/{id}"))>{c.name.clone()}</A></th>
            <td data-label="Now">{c.now.clone()}</td>
            <td data-label="Candidates">{statuses}</td>
            <td data-label="Calibration">{calibration}</td>
            <td data-label="Behind">{behind}</td>
            <td data-label="Past their end">{if c.overdue == 0 { "none".to_string() } else { c.overdue.to_string() }}</td>
        </tr>
    }
}

#[component]
fn TrialRow(t: TrialGlance, today: Date) -> impl IntoView {
    let next = match t.next_checkpoint {
        None => "none planned".to_string(),
        Some(d) if d < today => format!("{} (overdue)", fmt_date(d)),
        Some(d) => fmt_date(d),
    };
    view! {
        <tr>
            <th scope="row"><A href=link(&format!("/people/{}", t.person_id))>{t.name.clone()}</A></th>
            <td data-label="Team">{t.team.clone()}</td>
            <td data-label="Trial">{format!("{} to {}", fmt_date(t.starts_on), fmt_date(t.last_day))}</td>
            <td data-label="Next checkpoint">{next}</td>
        </tr>
    }
}

#[component]
fn CaseRow(c: CaseGlance) -> impl IntoView {
    view! {
        <tr>
            <th scope="row"><A href=link(&format!("/promotions/{}", c.case_id))>{c.name.clone()}</A></th>
            <td data-label="Stage">{c.status.label()}</td>
            <td data-label="Waiting for">{c.waiting_for.clone()}</td>
        </tr>
    }
}

#[component]
fn PitfallLine(p: Pitfall) -> impl IntoView {
    let (at, says) = p.fix();
    let href = match at {
        FixAt::Cohort(id) => link(&format!("/cohorts/{id}")),
        FixAt::Candidate(id, section) => section_href(id, section),
    };
    view! {
        <li>
            <strong>{p.kind()}</strong> ": " {p.trigger()} " — " <A href=href>{says}<span class="sr-only">{format!(" ({})", p.subject())}</span></A>
        </li>
    }
}

#[component]
fn MetricCard(m: Metric, today: Date) -> impl IntoView {
    let app = use_app();
    let csv = m.csv();
    let file = format!(
        "{}-{}.csv",
        m.name.to_lowercase().replace(' ', "-"),
        today.format("%Y-%m-%d")
    );
    let download = move |_| match browser::download(&file, &csv, "text/csv") {
        Ok(()) => app.say(&format!("Downloaded {file}.")),
        Err(e) => app.warn(&format!("The CSV file could not be saved: {e}")),
    };
    let heading = m.name;
    view! {
        <article class="metric panel" aria-label=heading>
            <h3>{m.name}</h3>
            <p class="muted">{m.measures}</p>
            <p class="metric-value">{m.value.clone()}</p>
            <p class="muted">{format!("Counted: {} · {}", m.n, m.period)}</p>
            {m.caution.clone().map(|c| view! { <p class="notice caution">{c}</p> })}
            {(!m.rows.is_empty()).then(|| view! {
                <div class="table-wrap">
                    <table>
                        <caption class="sr-only">{format!("{} in detail", m.name)}</caption>
                        <thead><tr><th scope="col">{m.row_label}</th><th scope="col">"Counted"</th><th scope="col">"Value"</th></tr></thead>
                        <tbody>
                            {m.rows.iter().map(|r| view! {
                                <tr><th scope="row">{r.label.clone()}</th><td>{r.n}</td><td>{r.value.clone()}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
            <button type="button" class="secondary no-print" on:click=download>
                "Download CSV"<span class="sr-only">{format!(" of {}", m.name)}</span>
            </button>
        </article>
    }
}
