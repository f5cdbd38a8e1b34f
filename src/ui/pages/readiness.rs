//! Readiness across a cohort (the evidence coverage grid), the readiness summary shared by the
//! candidate's Readiness section and the printable one-page candidate summary.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::logic::charts::num;
use crate::logic::evaluation::feedback::{aggregate, health_trends, rounds_of, FeedbackAggregate};
use crate::logic::evaluation::frameworks;
use crate::logic::evaluation::readiness::{
    coverage, evidence_counts, month_text, over_months, summary, DomainStatus, Summary,
    DEFAULT_FRAMEWORK,
};
use crate::logic::program::phases::describe_position;
use crate::model::{Id, Workspace};
use crate::ui::browser;
use crate::ui::charts::{
    CoverageGrid, LineChart, LinePoint, RadarAxis, RadarChart, Series, TableData,
};
use crate::ui::forms::ChoiceField;
use crate::ui::link;
use crate::ui::pages::{existing_route_id, Missing};
use crate::ui::state::use_app;
use crate::ui::widgets::{count, fmt_date, StatusBadge};

pub use crate::ui::widgets::framework_choices;

fn picked(text: &str) -> Id {
    Id::parse_str(text).unwrap_or(DEFAULT_FRAMEWORK)
}

fn status_text(s: DomainStatus) -> &'static str {
    match s {
        DomainStatus::Ready => "ready",
        DomainStatus::ReadyNoEvidence => "no-evidence",
        DomainStatus::Lagging => "lagging",
        DomainStatus::NotCalibrated => "not-calibrated",
    }
}

/// The readiness summary, explained: what is Ready with evidence, what lags, which signals are
/// met, and what is missing before a promotion decision.
#[component]
pub fn ReadinessSummary(s: Summary) -> impl IntoView {
    let ready: Vec<_> = s.with_status(DomainStatus::Ready).cloned().collect();
    let unbacked: Vec<_> = s
        .with_status(DomainStatus::ReadyNoEvidence)
        .cloned()
        .collect();
    let lagging: Vec<_> = s
        .domains
        .iter()
        .filter(|d| {
            matches!(
                d.status,
                DomainStatus::Lagging | DomainStatus::NotCalibrated
            )
        })
        .cloned()
        .collect();
    let top = s.top.clone();
    let verb = |n: usize| if n == 1 { "is" } else { "are" };
    let lead = format!(
        "Against the {}: {} of {} domains {} {} with dated evidence; {} of {} success signals {} met.",
        s.framework_name,
        ready.len(),
        s.domains.len(),
        verb(ready.len()),
        top,
        s.signals_met(),
        s.signals.len(),
        verb(s.signals_met())
    );
    let top2 = top.clone();
    let top3 = top.clone();
    view! {
        <div class="readiness-summary">
            <p class="lead summary-lead">{lead}</p>
            <div class="summary-grid">
                <section class="rs-ready" aria-labelledby="rs-ready">
                    <h3 id="rs-ready">{format!("{top} with evidence")}</h3>
                    {if ready.is_empty() {
                        view! { <p class="muted">{format!("No domain is {top} with evidence yet.")}</p> }.into_any()
                    } else {
                        view! { <ul class="domains">{ready.into_iter().map(|d| view! {
                            <li data-status=status_text(d.status)><strong>{d.name.clone()}</strong>
                                {format!(" — calibrated {}, {}", d.calibrated_on.map(fmt_date).unwrap_or_default(),
                                    count(d.evidence, "dated evidence item", "dated evidence items"))}</li>
                        }).collect_view()}</ul> }.into_any()
                    }}
                    {(!unbacked.is_empty()).then(|| view! {
                        <p class="flag"><strong>{format!("{top2} without evidence: ")}</strong>
                            {unbacked.iter().map(|d| d.name.clone()).collect::<Vec<_>>().join(", ")}
                            {". A top-level rating needs at least one dated evidence item; add one or recalibrate."}</p>
                    })}
                </section>
                <section class="rs-lag" aria-labelledby="rs-lag">
                    <h3 id="rs-lag">"Lagging"</h3>
                    {if lagging.is_empty() {
                        view! { <p class="muted">"Nothing lags."</p> }.into_any()
                    } else {
                        view! { <ul class="domains">{lagging.into_iter().map(|d| {
                            let where_ = match (&d.level, d.calibrated_on) {
                                (Some(l), Some(on)) => format!(" — {l} (calibrated {}), not {top3}", fmt_date(on)),
                                _ => " — not calibrated yet".to_string(),
                            };
                            view! { <li data-status=status_text(d.status)><strong>{d.name.clone()}</strong>{where_}</li> }
                        }).collect_view()}</ul> }.into_any()
                    }}
                </section>
                <section class="rs-signals" aria-labelledby="rs-signals">
                    <h3 id="rs-signals">{format!("Success signals ({} of {} met)", s.signals_met(), s.signals.len())}</h3>
                    {if s.signals.is_empty() {
                        view! { <p class="muted">"The cohort has no success signals."</p> }.into_any()
                    } else {
                        view! { <ul class="signals">{s.signals.iter().map(|x| view! {
                            <li class:met=x.met_on.is_some()>
                                {match x.met_on { Some(d) => format!("Met {}: ", fmt_date(d)), None => "Not yet: ".to_string() }}
                                {x.text.clone()}
                            </li>
                        }).collect_view()}</ul> }.into_any()
                    }}
                </section>
            </div>
            <section class="missing" aria-labelledby="rs-missing">
                <h3 id="rs-missing">"What’s missing before a promotion decision"</h3>
                {if s.missing.is_empty() {
                    view! { <p>"Nothing: every domain is at the top level with evidence, the success signals are met, and there is 360 feedback."</p> }.into_any()
                } else {
                    view! { <ul>{s.missing.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul> }.into_any()
                }}
            </section>
        </div>
    }
}

/// The candidate's name, as charts name whom they are about.
pub fn candidate_name(ws: &Workspace, candidate: Id) -> String {
    ws.candidate_name(candidate).unwrap_or_default().to_string()
}

/// The radar of latest calibrated levels for a candidate (`who`).
pub fn radar_view(s: &Summary, who: &str) -> impl IntoView {
    let axes: Vec<RadarAxis> = s
        .domains
        .iter()
        .map(|d| RadarAxis {
            name: d.name.clone(),
            level: d.rank.map(|r| r + 1),
            level_name: d.level.clone().unwrap_or_default(),
        })
        .collect();
    view! { <RadarChart title=format!("Latest calibrated levels — {}", s.framework_name) about=who.to_string() axes=axes levels=s.levels.clone()/> }
}

/// Readiness over months as a line, or a line of text when there is nothing to draw.
pub fn months_view(ws: &Workspace, candidate: Id, s: &Summary) -> AnyView {
    let points = over_months(ws, candidate, s.framework_id);
    if points.is_empty() {
        return view! { <p class="muted">"Readiness over months appears after the first calibration."</p> }
            .into_any();
    }
    let domains = s.domains.len();
    let series = vec![Series {
        name: format!("Domains at {}", s.top),
        points: points
            .iter()
            .map(|p| LinePoint {
                x: f64::from(chrono::Datelike::year(&p.month)) * 12.0
                    + f64::from(chrono::Datelike::month(&p.month)),
                x_label: month_text(p.month),
                y: p.ready as f64,
            })
            .collect(),
    }];
    let table = TableData {
        headers: vec![
            "Month".into(),
            format!("Domains at {}", s.top),
            "Share".into(),
            "Mean level".into(),
        ],
        rows: points
            .iter()
            .map(|p| {
                vec![
                    month_text(p.month),
                    format!("{} of {}", p.ready, p.domains),
                    format!("{}%", (p.share * 100.0).round()),
                    format!("{} of {}", num(p.mean_level), s.levels.len()),
                ]
            })
            .collect(),
    };
    let ticks = (0..=domains).map(|v| (v as f64, v.to_string())).collect();
    view! {
        <LineChart title=format!("Readiness over months — domains at {}", s.top) about=candidate_name(ws, candidate) series=series
            y_range=(0.0, domains.max(1) as f64) y_ticks=ticks table=table/>
    }
    .into_any()
}

/// "3 responses: 2 from direct reports, 1 from a peer".
fn counts_text(a: &FeedbackAggregate) -> String {
    let parts: Vec<String> = a
        .counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(g, n)| format!("{n} from {}", g.label().to_lowercase()))
        .collect();
    if parts.is_empty() {
        "No responses yet.".into()
    } else {
        format!(
            "{}: {}.",
            count(a.responses, "response", "responses"),
            parts.join(", ")
        )
    }
}

fn mean_text(mean: Option<f64>, n: usize) -> String {
    match mean {
        Some(m) => format!("{} ({})", num(m), count(n, "answer", "answers")),
        None if n == 0 => "—".into(),
        None => format!("not shown ({})", count(n, "answer", "answers")),
    }
}

/// A round's results in aggregate: counts, the notes on what is held back, the table of
/// means and the comments of groups large enough to show. Also used by the one-page summary.
#[component]
pub fn RoundResults(a: FeedbackAggregate, #[prop(into)] title: String) -> impl IntoView {
    let counts = counts_text(&a);
    let has_answers = a.responses > 0;
    let group_heads: Vec<String> = a
        .groups
        .iter()
        .map(|g| g.group.label().to_string())
        .collect();
    let rows = a.questions.clone();
    let groups = a.groups.clone();
    view! {
        <p class="counts">{counts}</p>
        {(!a.notes.is_empty()).then(|| view! {
            <ul class="held-back">{a.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
        })}
        {has_answers.then(|| view! {
            <div class="table-wrap" tabindex="0" role="group" aria-label=format!("Results of {title} (scrolls sideways)")>
                <table class="results">
                    <caption>{format!("Results of {title}")}</caption>
                    <thead><tr>
                        <th scope="col">"Question"</th>
                        <th scope="col">"All responses"</th>
                        {group_heads.iter().map(|g| view! { <th scope="col">{g.clone()}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|q| view! {
                            <tr>
                                <th scope="row">{q.text.clone()}</th>
                                <td data-value=q.overall.mean.map(num).unwrap_or_default()>{mean_text(q.overall.mean, q.overall.count)}</td>
                                {q.by_group.iter().map(|m| view! {
                                    <td data-value=m.mean.map(num).unwrap_or_default()>{mean_text(m.mean, m.count)}</td>
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })}
        {groups.into_iter().filter(|g| !g.comments.is_empty()).map(|g| view! {
            <h4>{format!("Comments from {}", g.group.label().to_lowercase())}</h4>
            <ul class="comments">{g.comments.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
        }).collect_view()}
    }
}

// ---------------------------------------------------------------------------------------------
// The cohort's evidence coverage
// ---------------------------------------------------------------------------------------------

/// The cohort page's evidence coverage grid (candidates × domains).
#[component]
pub fn CohortCoverage(id: Id) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let fw = RwSignal::new(DEFAULT_FRAMEWORK.to_string());
    let choices = app.ws.with_untracked(framework_choices);
    let grid = move || {
        app.ws.with(|ws| {
            let framework = frameworks::find(ws, picked(&fw.get()))?;
            let c = coverage(ws, id, &framework, today);
            if c.rows.is_empty() {
                return Some(view! { <p class="muted">"No candidates yet."</p> }.into_any());
            }
            let columns = c.domains.iter().map(|d| d.1.clone()).collect();
            let rows = c.rows.iter().map(|r| (r.name.clone(), r.counts.clone())).collect();
            let cohort = ws.cohort(id).map(|c| c.name.clone()).unwrap_or_default();
            Some(view! {
                <CoverageGrid title=format!("Evidence coverage — {}", framework.name) about=cohort columns=columns rows=rows/>
            }.into_any())
        })
    };
    view! {
        <section class="coverage-section" aria-labelledby="coverage-h">
            <h2 id="coverage-h">"Evidence coverage"</h2>
            <p class="muted">"How many dated evidence items each candidate has per domain. Gaps show where to look for practice before the next calibration."</p>
            <div class="form inline"><ChoiceField label="Framework" value=fw options=choices/></div>
            {grid}
        </section>
    }
}

// ---------------------------------------------------------------------------------------------
// The one-page summary
// ---------------------------------------------------------------------------------------------

/// `/candidates/:id/summary`: one printable page for the sponsor.
#[component]
pub fn SummaryPage() -> impl IntoView {
    let found = existing_route_id(|ws, id| ws.candidate(id).is_some());
    move || match found.get().0 {
        None => view! { <Missing what="candidate" back="/cohorts" back_label="Back to cohorts"/> }
            .into_any(),
        Some(id) => view! { <OnePage id=id/> }.into_any(),
    }
}

#[component]
fn OnePage(id: Id) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let print = move |_| {
        window().print().ok();
    };
    // `?framework=<id>` carries the Readiness section's "Judge against" choice.
    let query = leptos_router::hooks::use_query_map();
    let framework = move || {
        query
            .read()
            .get("framework")
            .and_then(|f| Id::parse_str(&f).ok())
            .unwrap_or(DEFAULT_FRAMEWORK)
    };
    let body = move || {
        let framework = framework();
        app.ws.with(|ws| {
            let cand = ws.candidate(id)?;
            let cohort = ws.cohort(cand.cohort_id);
            let name = ws.person_name(cand.person_id).to_string();
            let s = summary(ws, id, framework, today)?;
            let fw = frameworks::find(ws, framework)?;
            let phase = cohort.map(|c| describe_position(c, today)).unwrap_or_default();
            let cohort_name = cohort.map(|c| c.name.clone()).unwrap_or_default();
            let status = cand.status;
            // The newest round anyone has answered: a round just opened has nothing to show.
            let latest_round = rounds_of(ws, id)
                .into_iter()
                .find(|r| r.response_count() > 0)
                .cloned();
            let trends: Vec<_> = health_trends(ws, id)
                .into_iter()
                .filter(|t| t.latest.is_some())
                .collect();
            let last_check = ws
                .health_checks
                .iter()
                .filter(|h| h.candidate_id == id)
                .map(|h| h.on)
                .max();
            let counts = evidence_counts(ws, id, &fw, today);
            let radar = radar_view(&s, &name);
            Some(view! {
                <p class="crumbs no-print"><A href=link(&format!("/candidates/{id}/readiness"))>{format!("Back to {name}")}</A></p>
                <h1>{format!("{name} — readiness summary")}</h1>
                <dl class="facts">
                    <div><dt>"Cohort"</dt><dd>{cohort_name}</dd></div>
                    <div><dt>"Phase"</dt><dd>{phase}</dd></div>
                    <div><dt>"Status"</dt><dd><StatusBadge status=status/></dd></div>
                    <div><dt>"As of"</dt><dd>{fmt_date(today)}</dd></div>
                </dl>
                <div class="actions no-print">
                    <button type="button" on:click=print>"Print"</button>
                </div>
                <div class="one-page-top">
                    <ReadinessSummary s=s.clone()/>
                    <div class="one-page-radar">{radar}</div>
                </div>
                <div class="one-page-bottom">
                    <section class="op-360" aria-labelledby="op-360">
                        <h2 id="op-360">"Latest 360 feedback"</h2>
                        {match latest_round {
                            None => view! { <p class="muted">"No 360 round yet."</p> }.into_any(),
                            Some(r) => {
                                let a = aggregate(&r);
                                let title = format!("{} ({})", r.title, fmt_date(r.opened_on));
                                view! {
                                    <p><strong>{title.clone()}</strong></p>
                                    <RoundResults a=a title=title/>
                                }.into_any()
                            }
                        }}
                    </section>
                    <section class="op-health" aria-labelledby="op-health">
                        <h2 id="op-health">"Latest team health"</h2>
                        {match last_check {
                            None => view! { <p class="muted">"No team health check yet."</p> }.into_any(),
                            Some(on) => view! {
                                <p>{format!("Last check {}.", fmt_date(on))}</p>
                                <ul class="trend-moves">{trends.into_iter().filter_map(|t| t.move_text()).map(|m| {
                                    view! { <li>{m}</li> }
                                }).collect_view()}</ul>
                            }.into_any(),
                        }}
                    </section>
                    <section class="op-evidence" aria-labelledby="op-evidence">
                        <h2 id="op-evidence">"Dated evidence per domain"</h2>
                        <table class="compact">
                            <caption class="sr-only">"Dated evidence per domain"</caption>
                            <thead><tr><th scope="col">"Domain"</th><th scope="col">"Items"</th></tr></thead>
                            <tbody>{counts.into_iter().map(|(d, n)| view! {
                                <tr><th scope="row">{d}</th><td data-value=n.to_string()>{n}</td></tr>
                            }).collect_view()}</tbody>
                        </table>
                    </section>
                </div>
            })
        })
    };
    view! { <section class="page one-page">{body}</section> }
}
