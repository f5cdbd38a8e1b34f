//! The managers page: the organisation's bench at a glance — its shape against the healthy
//! range over the years, how people came into management, the trials under way, every
//! manager's development ledger, and who is working towards the next level.

use crate::sort::StableSort as _;
use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::logic::charts::{num, percent_range};
use crate::logic::ladder::targets;
use crate::logic::ladder::{ledgers, Ledger};
use crate::logic::track::readiness::{months_text, next_level, NextLevel, SPAN_GOAL_MONTHS};
use crate::logic::track::trials::{all_reminders, next_checkpoint};
use crate::logic::track::{
    current_level, distribution, employed_on, entry_paths, manager_teams, trend_days, typical_text,
    Distribution, BANDS, USUAL_ENTRY,
};
use crate::model::{Date, Id, TrackLevel, Workspace};
use crate::ui::browser;
use crate::ui::charts::{BandCategory, BandChart, BandSeries};
use crate::ui::link;
use crate::ui::state::use_app;
use crate::ui::widgets::{count, date_value, fmt_date, parse_date};

/// How many years back the bench's trend reaches.
const TREND_YEARS: u32 = 3;

/// The trend's reach in words.
fn trend_years_text() -> &'static str {
    match TREND_YEARS {
        1 => "the year",
        2 => "each of the two years",
        3 => "each of the three years",
        4 => "each of the four years",
        _ => "each of the years",
    }
}

/// Below this many managers, shares swing with every single move.
const FEW_MANAGERS: usize = 5;

fn person_href(id: Id) -> String {
    link(&format!("/people/{id}"))
}

#[component]
pub fn ManagersPage() -> impl IntoView {
    let today = browser::today();
    view! {
        <section class="page managers">
            <h1>"Managers"</h1>
            <p class="lead">"How healthy the management bench is, who is getting close to the next level, and who needs time for their own development."</p>
            <Bench today=today/>
            <EntryPaths/>
            <Trials today=today/>
            <Development today=today/>
            <NextLevels today=today/>
        </section>
    }
}

// ---------------------------------------------------------------------------------------------
// The bench's shape
// ---------------------------------------------------------------------------------------------

fn series_of(d: &Distribution) -> BandSeries {
    BandSeries {
        label: fmt_date(d.on),
        key: date_value(Some(d.on)),
        counts: d.counts.to_vec(),
        shares: (0..3).map(|i| d.share(i)).collect(),
    }
}

/// A caution for small numbers, where one person moves a share by a lot.
fn small_numbers(total: usize, whose: &str) -> Option<String> {
    match total {
        0 => None,
        1 => Some(format!(
            "There is only one manager in {whose}, so every share is either 0 % or 100 %: the healthy ranges say little at this size."
        )),
        n if n < FEW_MANAGERS => Some(format!(
            "With only {n} managers in {whose}, one person joining, leaving or moving up shifts a share by about {} points. Read these shares as a rough picture, not a verdict.",
            (100.0 / n as f64).round()
        )),
        _ => None,
    }
}

#[component]
fn Bench(today: Date) -> impl IntoView {
    let app = use_app();
    let as_of = RwSignal::new(today);
    let team = RwSignal::new(String::new());
    let date_input = NodeRef::<leptos::html::Input>::new();
    let any_manager = move || {
        app.ws.with(|ws| {
            ws.levels
                .iter()
                .any(|m| m.level.is_manager() && ws.person(m.person_id).is_some())
        })
    };
    let teams = move || {
        let on = as_of.get();
        let picked = team.get();
        app.ws.with(|ws| {
            let mut set: BTreeSet<String> = trend_days(on, TREND_YEARS)
                .into_iter()
                .flat_map(|d| manager_teams(ws, d))
                .collect();
            if !picked.is_empty() {
                set.insert(picked);
            }
            set.into_iter().collect::<Vec<_>>()
        })
    };
    let dists = Memo::new(move |_| {
        let on = as_of.get();
        let picked = team.get();
        let t = (!picked.is_empty()).then_some(picked.as_str());
        app.ws.with(|ws| {
            trend_days(on, TREND_YEARS)
                .into_iter()
                .map(|d| distribution(ws, d, t))
                .collect::<Vec<_>>()
        })
    });
    // Said next to the date while what is typed is not a day the chart can show.
    let date_note = RwSignal::new(None::<String>);
    let read_date = move |ev: leptos::ev::Event| {
        // A half-typed date is not a day yet: keep showing the last whole one, and say so.
        match parse_date(&event_target_value(&ev)) {
            Some(d) if d > today => {
                date_note.set(Some(format!(
                    "{} is after today: the bench is shown as it stands today.",
                    fmt_date(d)
                )));
                as_of.set(today);
            }
            Some(d) => {
                date_note.set(None);
                if as_of.get_untracked() != d {
                    as_of.set(d);
                }
            }
            None => date_note.set(Some(format!(
                "Not a whole date yet: still showing {}.",
                fmt_date(as_of.get_untracked())
            ))),
        }
    };
    let back_to_today = move |_| {
        date_note.set(None);
        as_of.set(today);
        if let Some(el) = date_input.get_untracked() {
            el.set_value(&date_value(Some(today)));
        }
    };
    let whose = move || {
        let t = team.get();
        if t.is_empty() {
            app.ws.with(|ws| {
                if ws.organisation.trim().is_empty() {
                    "the organisation".to_string()
                } else {
                    ws.organisation.trim().to_string()
                }
            })
        } else {
            t
        }
    };
    // Said when the team or the day changes (the chart itself is redrawn, so it cannot be the
    // live region).
    let status = move || {
        if !any_manager() {
            return None;
        }
        let list = dists.get();
        let now = list.last()?;
        Some(format!(
            "Showing {} in {} on {}.",
            count(now.total(), "manager", "managers"),
            whose(),
            fmt_date(now.on)
        ))
    };
    let body = move || {
        let list = dists.get();
        let on = as_of.get();
        let whose = whose();
        if !any_manager() {
            return view! {
                <p class="empty-note">"Nobody in this workspace is a manager yet. Once someone's level history reaches M1, M2 or M3 — recorded on their page, or by starting a management trial — the bench shows here."</p>
            }
            .into_any();
        }
        if list.iter().all(|d| d.total() == 0) {
            return view! {
                <p class="empty-note">{format!("Nobody in {whose} was a manager on {}, or on the same day in {} before. Pick another day or team.", fmt_date(on), trend_years_text())}</p>
            }
            .into_any();
        }
        let Some(now) = list.last().cloned() else {
            return ().into_any();
        };
        let categories: Vec<BandCategory> = BANDS
            .iter()
            .map(|(level, lo, hi)| BandCategory {
                name: level.code().to_string(),
                band: (*lo, *hi),
            })
            .collect();
        let series: Vec<BandSeries> = list.iter().map(series_of).collect();
        let title = format!("Managers by level in {whose}, {}", fmt_date(on));
        let outside = now.out_of_band();
        let verdict = if now.total() == 0 {
            view! { <p>{format!("Nobody in {whose} was a manager on {}; the bars show the years before.", fmt_date(on))}</p> }.into_any()
        } else if outside.is_empty() {
            view! { <p class="in-band">{format!("On {}, every level in {whose} is inside its healthy range.", fmt_date(on))}</p> }.into_any()
        } else {
            let how_many = match outside.len() {
                1 => "one of the three levels is".to_string(),
                2 => "two of the three levels are".to_string(),
                _ => "all three levels are".to_string(),
            };
            view! {
                <p>{format!("On {}, {how_many} outside the healthy range in {whose}:", fmt_date(on))}</p>
                <ul class="out-of-band">{outside.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            }
            .into_any()
        };
        let caution = small_numbers(now.total(), &whose)
            .map(|c| view! { <p class="caution"><strong>"Small numbers. "</strong>{c}</p> });
        let names = now
            .names
            .iter()
            .zip(BANDS.iter())
            .filter(|(n, _)| !n.is_empty())
            .map(|(n, (level, _, _))| format!("{}: {}", level.code(), n.join(", ")))
            .collect::<Vec<_>>();
        view! {
            <div class="bench-body">
            <BandChart title=title categories=categories series=series series_heading="As of" counted="managers"
                earlier="The same day in earlier years"/>
            <div class="bench-notes">
                {verdict}
                {caution}
                {(!names.is_empty()).then(|| view! {
                    <details class="who">
                        <summary>{format!("Who is counted on {} ({})", fmt_date(on), count(now.total(), "manager", "managers"))}</summary>
                        <ul>{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    </details>
                })}
            </div>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="bench" aria-labelledby="bench-h">
            <h2 id="bench-h">"The shape of the bench"</h2>
            <p class="hint">{format!("A healthy bench has most managers at M1 ({}), about a third at M2 ({}) and only a few at M3 ({}). The bars compare a day with the same day in {} before.",
                percent_range(BANDS[0].1, BANDS[0].2),
                percent_range(BANDS[1].1, BANDS[1].2),
                percent_range(BANDS[2].1, BANDS[2].2),
                trend_years_text())}</p>
            <Show when=any_manager>
            <div class="form inline bench-controls">
                <label>"Whose managers"
                    <select prop:value=move || team.get() on:change=move |ev| team.set(event_target_value(&ev))>
                        <option value="" selected=move || team.get().is_empty()>"The whole organisation"</option>
                        {move || teams().into_iter().map(|t| {
                            let selected = team.get_untracked() == t;
                            view! { <option value=t.clone() selected=selected>{t.clone()}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>"As of"
                    <input type="date" node_ref=date_input value=date_value(Some(today)) max=date_value(Some(today))
                        aria-describedby="as-of-note"
                        on:input=read_date on:change=read_date/>
                </label>
                <span id="as-of-note" class="hint" aria-live="polite">{move || date_note.get()}</span>
                <Show when=move || as_of.get() != today>
                    <button type="button" class="secondary small" on:click=back_to_today>"Back to today"</button>
                </Show>
            </div>
            </Show>
            <p class="sr-only" role="status">{status}</p>
            {body}
        </section>
    }
}

// ---------------------------------------------------------------------------------------------
// Entry paths
// ---------------------------------------------------------------------------------------------

#[component]
fn EntryPaths() -> impl IntoView {
    let app = use_app();
    let body = move || {
        app.ws.with(|ws| {
            let paths = entry_paths(ws);
            if paths.total() == 0 {
                return view! { <p class="empty-note">"Nobody has moved into management yet."</p> }.into_any();
            }
            let rest = 100u32.saturating_sub(USUAL_ENTRY.0 + USUAL_ENTRY.1);
            let rows = [
                ("From IC3", paths.from_ic3, format!("about {}\u{a0}%", USUAL_ENTRY.0)),
                ("From IC4", paths.from_ic4, format!("about {}\u{a0}%", USUAL_ENTRY.1)),
                ("Another way (another level, or hired as a manager)", paths.other, format!("about {rest}\u{a0}%")),
            ];
            let entries = paths
                .entries
                .iter()
                .map(|(person, from, to, on)| {
                    let name = ws.person_name(*person).to_string();
                    let how = match from {
                        Some(f) => format!("{} → {}", f.code(), to.code()),
                        None => format!("started here as {}", to.code()),
                    };
                    (*person, name, how, *on)
                })
                .collect::<Vec<_>>();
            let n = entries.len();
            let returns = match paths.returns {
                0 => "Nobody has gone back from management to engineering.".to_string(),
                1 => "1 move back from management to engineering. Moving between the tracks is normal, and a way back should always be open.".to_string(),
                r => format!("{r} moves back from management to engineering. Moving between the tracks is normal, and a way back should always be open."),
            };
            view! {
                <div class="table-wrap">
                    <table class="entry-paths">
                        <caption>"Where managers came from"</caption>
                        <thead><tr><th scope="col">"Came in"</th><th scope="col">"People"</th><th scope="col">"Share"</th><th scope="col">"Usually"</th></tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(what, k, usual)| view! {
                                <tr><th scope="row">{what}</th><td>{k}</td><td>{format!("{}\u{a0}%", paths.percent(k))}</td><td>{usual}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="returns">{returns}</p>
                {(paths.total() < 10).then(|| view! {
                    <p class="hint">{format!("{} in all: a handful of moves makes a sketch, not a pattern.", count(paths.total(), "move into management", "moves into management"))}</p>
                })}
                <details class="entries-list">
                    <summary>{format!("Every move into management ({n})")}</summary>
                    <ul>
                        {entries.into_iter().map(|(id, name, how, on)| view! {
                            <li><A href=person_href(id)>{name}</A>{format!(": {how}, {}", fmt_date(on))}</li>
                        }).collect_view()}
                    </ul>
                </details>
            }
            .into_any()
        })
    };
    view! {
        <section aria-labelledby="entry-h">
            <h2 id="entry-h">"How people came into management"</h2>
            {body}
        </section>
    }
}

// ---------------------------------------------------------------------------------------------
// Trials
// ---------------------------------------------------------------------------------------------

#[component]
fn Trials(today: Date) -> impl IntoView {
    let app = use_app();
    let body = move || {
        app.ws.with(|ws| {
            let mut open: Vec<_> = ws.trials.iter().filter(|t| t.end().is_none()).collect();
            open.stable_sort_by_key(|t| t.starts_on);
            if open.is_empty() {
                return view! { <p class="empty-note">"No management trial is under way."</p> }.into_any();
            }
            let rows = open
                .iter()
                .map(|t| {
                    let name = ws.person_name(t.person_id).to_string();
                    let team = if t.team.trim().is_empty() { "—".to_string() } else { t.team.trim().to_string() };
                    let next = next_checkpoint(t).map_or_else(|| "None left".to_string(), |c| fmt_date(c.on));
                    let supporter = match t.supporter_id {
                        Some(s) => ws.person(s).map_or_else(|| "Not in this copy".to_string(), |p| p.name.clone()),
                        None => "No one yet".to_string(),
                    };
                    view! {
                        <tr>
                            <th scope="row"><A href=person_href(t.person_id)>{name}</A></th>
                            <td>{team}</td>
                            <td>{fmt_date(t.starts_on)}</td>
                            <td>{fmt_date(t.last_day())}</td>
                            <td>{next}</td>
                            <td>{supporter}</td>
                        </tr>
                    }
                })
                .collect_view();
            let reminders = all_reminders(ws, today);
            view! {
                <div class="table-wrap" tabindex="0" role="group" aria-label="Trials under way">
                    <table class="trials">
                        <caption>"Trials under way"</caption>
                        <thead><tr>
                            <th scope="col">"Person"</th><th scope="col">"Team they manage"</th><th scope="col">"Started"</th>
                            <th scope="col">"Ends"</th><th scope="col">"Next checkpoint"</th><th scope="col">"Supporting manager"</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <h3 id="trial-reminders-h">"Coming up"</h3>
                {if reminders.is_empty() {
                    view! { <p class="muted">"Nothing is overdue, and nothing falls due in the next two weeks."</p> }.into_any()
                } else {
                    view! {
                        <ul class="reminders" aria-labelledby="trial-reminders-h">
                            {reminders.into_iter().map(|r| view! {
                                <li class:overdue=r.overdue>
                                    {if r.overdue {
                                        view! { <span class="badge late">"Overdue"</span> }.into_any()
                                    } else {
                                        view! { <span class="badge">"Due"</span> }.into_any()
                                    }}
                                    " "<time datetime=date_value(Some(r.on))>{fmt_date(r.on)}</time>": "
                                    <A href=person_href(r.person_id)>{r.text.clone()}</A>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            }
            .into_any()
        })
    };
    view! {
        <section aria-labelledby="trials-h">
            <h2 id="trials-h">"Trials in progress"</h2>
            {body}
        </section>
    }
}

// ---------------------------------------------------------------------------------------------
// Development
// ---------------------------------------------------------------------------------------------

fn behind_text(l: &Ledger) -> &'static str {
    match (l.entries == 0, l.behind_training, l.behind_practice) {
        (true, _, _) => "nothing logged",
        (_, true, true) => "on training and practice",
        (_, true, false) => "on training",
        (_, false, true) => "on practice",
        _ => "",
    }
}

#[component]
fn Development(today: Date) -> impl IntoView {
    let app = use_app();
    let body = move || {
        app.ws.with(|ws| {
            let list = ledgers(ws, today);
            if list.is_empty() {
                return view! { <p class="empty-note">"There are no managers yet, so no training ledgers."</p> }.into_any();
            }
            let behind = list.iter().filter(|l| l.behind()).count();
            let summary = format!(
                "{behind} of {} {} behind on their development.",
                list.len(),
                if list.len() == 1 { "manager is" } else { "managers are" }
            );
            let rows = list
                .into_iter()
                .map(|l| {
                    let rung_text = l.rung.label().to_string();
                    let suggested = (!l.rung_set).then(|| view! { <span class="sub">"(suggested from level)"</span> });
                    let cells = if l.entries == 0 {
                        view! { <td colspan="2" class="nothing">"Nothing logged yet"</td> }.into_any()
                    } else {
                        let unit = targets(l.rung).1.unit();
                        view! {
                            <td>
                                {format!("{} of {} h", num(l.training_hours as f64), num(l.training_due as f64))}
                                <span class="sub">{format!("{} h a year", num(l.training_target as f64))}</span>
                            </td>
                            <td>
                                {format!("{} of {}{unit}", num(l.practice_done as f64), num(l.practice_due as f64))}
                                <span class="sub">{l.cadence.clone()}</span>
                            </td>
                        }
                        .into_any()
                    };
                    let status = if l.behind() {
                        view! { <span class="badge late">"Behind"</span><span class="sub">{behind_text(&l)}</span> }.into_any()
                    } else {
                        view! { <span class="badge ok">"On track"</span> }.into_any()
                    };
                    let (name, behind) = (l.name.clone(), l.behind());
                    let row_name = name.clone();
                    view! {
                        <tr class:behind=behind data-person=row_name>
                            <th scope="row"><A href=person_href(l.person_id)>{name}</A></th>
                            <td>{status}</td>
                            <td>{rung_text}{suggested}</td>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <p class="summary-line">{summary}</p>
                <div class="table-wrap" tabindex="0" role="group" aria-label="Training and practice by manager">
                    <table class="ledgers">
                        <caption>"Training and practice over the last year, by manager"</caption>
                        <thead><tr>
                            <th scope="col">"Manager"</th><th scope="col">"Where they stand"</th><th scope="col">"Ladder rung"</th>
                            <th scope="col">"Training (due so far)"</th><th scope="col">"Practice (due so far)"</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <p class="hint">"Training counts the last twelve months, or the time since someone became a manager when that is shorter. Each rung keeps up its own practice, counted over that practice's own period."</p>
            }
            .into_any()
        })
    };
    view! {
        <section aria-labelledby="dev-h">
            <h2 id="dev-h">"Development"</h2>
            {body}
        </section>
    }
}

// ---------------------------------------------------------------------------------------------
// Next level
// ---------------------------------------------------------------------------------------------

fn next_levels(ws: &Workspace, today: Date) -> Vec<(String, NextLevel)> {
    let mut out: Vec<(String, NextLevel)> = ws
        .people
        .iter()
        .filter(|p| employed_on(p, today))
        .filter(|p| {
            matches!(
                current_level(ws, p.id),
                Some(TrackLevel::M1 | TrackLevel::M2)
            )
        })
        .filter_map(|p| Some((p.name.clone(), next_level(ws, p.id, today)?)))
        .collect();
    out.stable_sort_by(|a, b| {
        a.1.gaps
            .len()
            .cmp(&b.1.gaps.len())
            .then(b.1.span_months.cmp(&a.1.span_months))
            .then(a.0.cmp(&b.0))
    });
    out
}

#[component]
fn NextLevels(today: Date) -> impl IntoView {
    let app = use_app();
    let body = move || {
        app.ws.with(|ws| {
            let list = next_levels(ws, today);
            if list.is_empty() {
                return view! { <p class="empty-note">"Nobody is at M1 or M2 today."</p> }.into_any();
            }
            let goal = format!("{}–{}+ months", SPAN_GOAL_MONTHS.0, SPAN_GOAL_MONTHS.1);
            let rows = list
                .into_iter()
                .map(|(name, n)| {
                    let level = n.standing.level;
                    let usual = typical_text(level).map(|t| format!("usually {t}"));
                    let span = if n.span.is_none() {
                        "None yet".to_string()
                    } else {
                        months_text(n.span_months)
                    };
                    let gaps = n.gaps.clone();
                    let gap_view = if gaps.is_empty() {
                        view! { "Nothing missing" }.into_any()
                    } else {
                        view! {
                            <details class="gaps">
                                <summary>{count(gaps.len(), "gap", "gaps")}<span class="sr-only">{format!(" for {name}")}</span></summary>
                                <ul>{gaps.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
                            </details>
                        }
                        .into_any()
                    };
                    view! {
                        <tr>
                            <th scope="row"><A href=person_href(n.person_id)>{name.clone()}</A></th>
                            <td class="level">{format!("{} → {}", level.code(), n.next.code())}</td>
                            <td>{crate::logic::track::years_text(n.standing.years())}{usual.map(|u| view! { <span class="sub">{u}</span> })}</td>
                            <td>{span}</td>
                            <td>{gap_view}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-wrap" tabindex="0" role="group" aria-label="Managers at M1 and M2">
                    <table class="next-levels">
                        <caption>"Managers at M1 and M2, nearest to the next level first"</caption>
                        <thead><tr>
                            <th scope="col">"Manager"</th><th scope="col">"Level"</th><th scope="col">"Time at level"</th>
                            <th scope="col">{format!("Next-level evidence (goal {goal})")}</th><th scope="col">"What is missing"</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <p class="hint">"Time at a level does not make anyone ready: a move up asks for dated evidence of working at the next level for six to twelve months or more. Each person's page has the detail. Managers still in a trial are not listed: they are learning the level they stepped into."</p>
            }
            .into_any()
        })
    };
    view! {
        <section aria-labelledby="next-h">
            <h2 id="next-h">"Towards the next level"</h2>
            {body}
        </section>
    }
}
