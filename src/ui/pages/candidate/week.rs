//! The week view: the cohort's standard week against what the candidate planned and did, the
//! protected hours used, and the week's activities day by day. Also the editor of a cohort's
//! standard week, shown on the cohort page.

use chrono::{Datelike, Days};
use leptos::prelude::*;

use crate::logic::actions::Action;
use crate::logic::journey::{activity_overdue, trim_float, week_plan_line, week_summary};
use crate::logic::program::phases::monday_on_or_before;
use crate::model::{ActivityKind, Date, Id, WeekPlan};
use crate::ui::browser;
use crate::ui::forms::NumberField;
use crate::ui::pages::candidate::activities::fmt_minutes;
use crate::ui::pages::candidate::section_href;
use crate::ui::state::use_app;
use crate::ui::widgets::fmt_date;

/// "1 coaching lab", "2 coaching labs".
fn sessions(kind: ActivityKind, n: u32) -> String {
    let (one, many) = match kind {
        ActivityKind::Workshop => ("workshop", "workshops"),
        ActivityKind::Shadowing => ("shadowing session", "shadowing sessions"),
        ActivityKind::CoachingLab => ("coaching lab", "coaching labs"),
        _ => ("session", "sessions"),
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "16–22 Nov 2026" (or across months and years as needed).
fn week_label(monday: Date) -> String {
    let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
    if monday.year() != sunday.year() {
        format!("{} – {}", fmt_date(monday), fmt_date(sunday))
    } else if monday.month() != sunday.month() {
        format!(
            "{} – {}",
            monday.format("%-d %b"),
            sunday.format("%-d %b %Y")
        )
    } else {
        format!("{}–{}", monday.format("%-d"), sunday.format("%-d %b %Y"))
    }
}

/// Hours as text; a sum over nothing is -0.0, which must read "0".
fn h(v: f32) -> String {
    trim_float(v + 0.0)
}

/// A bar filled to `share` (0 to 1), for the eye only: the text next to it says the same.
fn bar(share: f32, over: bool) -> impl IntoView {
    let pct = if share.is_finite() {
        (share.clamp(0.0, 1.0) * 100.0).round()
    } else {
        0.0
    };
    let full = share >= 1.0;
    view! {
        <span class="bar" class:full=full class:over=over aria-hidden="true">
            <span style=format!("width:{pct}%")></span>
        </span>
    }
}

#[component]
pub fn WeekSection(id: Id) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let this_monday = monday_on_or_before(today);
    let monday = RwSignal::new(this_monday);
    let summary = Memo::new(move |_| {
        let m = monday.get();
        app.ws.with(|ws| week_summary(ws, id, m))
    });
    let shift = move |weeks: i64| {
        monday.update(|m| {
            let days = Days::new(7 * weeks.unsigned_abs());
            let next = if weeks < 0 {
                m.checked_sub_days(days)
            } else {
                m.checked_add_days(days)
            };
            if let Some(n) = next {
                *m = n;
            }
        })
    };
    let heading = move || {
        let m = monday.get();
        let when = if m == this_monday {
            "This week"
        } else if m < this_monday {
            "Past week"
        } else {
            "Coming week"
        };
        format!("{when}: {}", week_label(m))
    };
    view! {
        <div class="week-nav" role="group" aria-label="Choose the week">
            <button type="button" class="secondary" on:click=move |_| shift(-1)>"← Previous week"</button>
            <button type="button" class="secondary" on:click=move |_| monday.set(this_monday) disabled=move || monday.get() == this_monday>"This week"</button>
            <button type="button" class="secondary" on:click=move |_| shift(1)>"Next week →"</button>
        </div>
        <h2 class="week-heading" aria-live="polite">{heading}</h2>
        {move || match summary.get() {
            None => view! { <p class="muted">"This candidate's cohort is missing, so there is no standard week to compare with."</p> }.into_any(),
            Some(s) => {
                let plan_line = week_plan_line(&s.plan);
                let rows = s.rows();
                let scheduled = |k: ActivityKind| s.activities.iter().filter(|a| a.kind == k && !a.done).count() as u32;
                let rows_view = rows.into_iter().map(|(kind, planned, done)| {
                    let open = scheduled(kind);
                    let missing = planned.saturating_sub(done);
                    let status = if planned == 0 {
                        "not in the standard week".to_string()
                    } else if missing == 0 {
                        "done for this week".to_string()
                    } else if open > 0 {
                        format!("{} still to do ({} planned)", sessions(kind, missing), open)
                    } else {
                        format!("{} still to do, none planned yet", sessions(kind, missing))
                    };
                    let share = if planned == 0 { 1.0 } else { done as f32 / planned as f32 };
                    view! {
                        <li class:met=missing == 0>
                            <span class="what">{kind.label()}</span>
                            {bar(share, false)}
                            <span class="figure">{format!("{done} of {planned} done")}</span>
                            <span class="status">{status}</span>
                        </li>
                    }
                }).collect_view();
                let (min, max, got) = (s.plan.assignment_hours_min, s.plan.assignment_hours_max, s.assignment_hours);
                let hours_status = if got < min {
                    format!("{} h more to reach the minimum", h(min - got))
                } else if got > max {
                    format!("{} h over the plan", h(got - max))
                } else {
                    "within the plan".to_string()
                };
                let hours_share = if max > 0.0 { got / max } else { 1.0 };
                let (used, protected) = (s.hours_used, s.protected_hours);
                let protected_status = if protected <= 0.0 {
                    "no protected hours agreed: set them on the overview".to_string()
                } else if used > protected {
                    format!("{} h over the protected time", h(used - protected))
                } else {
                    format!("{} h left", h(protected - used))
                };
                let protected_share = if protected > 0.0 { used / protected } else { 0.0 };
                let days = (0..7u64).map(|i| {
                    let day = s.monday.checked_add_days(Days::new(i)).unwrap_or(s.monday);
                    let items: Vec<_> = s.activities.iter().filter(|a| a.on == day).cloned().collect();
                    let is_today = day == today;
                    view! {
                        <li class="day" class:today=is_today>
                            <h3><time datetime=day.to_string()>{day.format("%A").to_string()} " " <span class="muted">{day.format("%-d %b").to_string()}</span></time>
                                {is_today.then(|| view! { " " <span class="badge now">"today"</span> })}</h3>
                            {if items.is_empty() {
                                view! { <p class="muted nothing">"Nothing planned"</p> }.into_any()
                            } else {
                                view! {
                                    <ul>
                                        {items.into_iter().map(|a| {
                                            let state = if a.done {
                                                view! { <span class="badge ok">"Done"</span> }.into_any()
                                            } else if activity_overdue(&a, today) {
                                                view! { <span class="badge late">"Overdue"</span> }.into_any()
                                            } else {
                                                view! { <span class="badge muted">"Planned"</span> }.into_any()
                                            };
                                            let when = a.at.map(|t| format!("{} · ", t.format("%H:%M"))).unwrap_or_default();
                                            let group = app.ws.with_untracked(|ws| crate::logic::journey::groups::group_line(ws, &a, Some(id)));
                                            view! {
                                                <li class:done=a.done>
                                                    <a href=format!("{}#r-{}", section_href(id, "activities"), a.id)>{a.title.clone()}</a>
                                                    <span class="muted small-text">{format!("{}{} · {}", when, a.kind.label(), fmt_minutes(a.minutes))}{group.map(|g| format!(" · {g}"))}</span>
                                                    {state}
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </li>
                    }
                }).collect_view();
                let (hours_met, hours_over) = (got >= min, got > max);
                let (time_ok, time_over) = (used <= protected, used > protected);
                view! {
                    <p class="muted">"The cohort's standard week: " {plan_line} "."</p>
                    <ul class="week-goals" aria-label="Planned against done">
                        {rows_view}
                        <li class:met=hours_met>
                            <span class="what">"Micro-assignment work"</span>
                            {bar(hours_share, hours_over)}
                            <span class="figure">{format!("{} h of {}–{} h", h(got), h(min), h(max))}</span>
                            <span class="status">{hours_status}</span>
                        </li>
                        <li class:met=time_ok class:over=time_over>
                            <span class="what">"Protected time used"</span>
                            {bar(protected_share, time_over)}
                            <span class="figure">{format!("{} h of {} h", h(used), h(protected))}</span>
                            <span class="status">{protected_status}</span>
                        </li>
                    </ul>
                    <p class="muted small-text">"Only sessions marked done count. Plan and log them under "
                        <a href=section_href(id, "activities")>"Activities"</a> "."</p>
                    <h2>"Day by day"</h2>
                    <ol class="week-days">{days}</ol>
                }.into_any()
            }
        }}
    }
}

/// Reads a count of sessions a week (0 to 10).
fn parse_count(text: &str, what: &str) -> Result<u8, String> {
    text.trim()
        .parse::<u8>()
        .ok()
        .filter(|n| *n <= 10)
        .ok_or(format!("{what} must be a whole number from 0 to 10."))
}

/// Reads hours as typed ("3", "2.5", "2,5").
fn parse_plan_hours(text: &str, what: &str) -> Result<f32, String> {
    text.trim()
        .replace(',', ".")
        .parse::<f32>()
        .ok()
        .filter(|h| h.is_finite() && *h >= 0.0)
        .ok_or(format!("{what} must be a number of hours, e.g. 3 or 4.5."))
}

/// The cohort's standard week, editable (on the cohort page).
#[component]
pub fn StandardWeek(cohort_id: Id) -> impl IntoView {
    let app = use_app();
    let plan0 = app
        .ws
        .with_untracked(|ws| ws.cohort(cohort_id).map(|c| c.week.clone()))
        .unwrap_or_default();
    let workshops = RwSignal::new(plan0.workshops.to_string());
    let shadowing = RwSignal::new(plan0.shadowing.to_string());
    let labs = RwSignal::new(plan0.coaching_labs.to_string());
    let min = RwSignal::new(trim_float(plan0.assignment_hours_min));
    let max = RwSignal::new(trim_float(plan0.assignment_hours_max));
    let line = move || {
        app.ws.with(|ws| {
            ws.cohort(cohort_id)
                .map(|c| week_plan_line(&c.week))
                .unwrap_or_default()
        })
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let plan = (|| -> Result<WeekPlan, String> {
            let plan = WeekPlan {
                workshops: parse_count(&workshops.get_untracked(), "Workshops a week")?,
                shadowing: parse_count(&shadowing.get_untracked(), "Shadowing sessions a week")?,
                coaching_labs: parse_count(&labs.get_untracked(), "Coaching labs a week")?,
                assignment_hours_min: parse_plan_hours(
                    &min.get_untracked(),
                    "The fewest micro-assignment hours",
                )?,
                assignment_hours_max: parse_plan_hours(
                    &max.get_untracked(),
                    "The most micro-assignment hours",
                )?,
            };
            if plan.assignment_hours_min > plan.assignment_hours_max {
                return Err(
                    "The fewest micro-assignment hours must not be more than the most.".into(),
                );
            }
            Ok(plan)
        })();
        match plan {
            Ok(plan) => {
                app.act(
                    Action::SetWeekPlan { cohort_id, plan },
                    "Saved the standard week.",
                );
            }
            Err(e) => app.warn(&e),
        }
    };
    view! {
        <h2 id="standard-week-h">"Standard week"</h2>
        <p>"Every candidate in this cohort plans for: " <strong>{line}</strong> "."</p>
        <form class="form inline standard-week" on:submit=save aria-labelledby="standard-week-h">
            <NumberField label="Workshops a week" value=workshops required=true/>
            <NumberField label="Shadowing sessions a week" value=shadowing required=true/>
            <NumberField label="Coaching labs a week" value=labs required=true/>
            <NumberField label="Micro-assignment hours, at least" value=min required=true/>
            <NumberField label="Micro-assignment hours, at most" value=max required=true/>
            <button type="submit" disabled=move || app.is_read_only()>"Save standard week"</button>
        </form>
    }
}
