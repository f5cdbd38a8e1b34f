use leptos::prelude::*;

use crate::ui::link;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::file::calendar::{calendar, upcoming_count};
use crate::logic::actions::Action;
use crate::logic::journey::{timeline, ItemKind, ItemState, TimelineItem};
use crate::logic::program::phases::{describe_position, position_on, Position};
use crate::logic::records::audience::Audience;
use crate::model::Id;
use crate::ui::browser;
use crate::ui::pages::candidate::section_href;
use crate::ui::pages::share::SharedExport;
use crate::ui::pages::Missing;
use crate::ui::state::use_app;
use crate::ui::widgets::{assignment_badge_class, count, fmt_date, CandidateInputs, ConfirmDialog};

#[component]
pub fn Overview(id: Id) -> impl IntoView {
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
    // Whether this is the candidate's own browser (memoised: the share panel is rebuilt only
    // when that changes).
    let mine = Memo::new(move |_| {
        app.me_here().is_some() && app.me_here() == candidate().map(|c| c.person_id)
    });
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
                    crate::logic::track::level_code(ws, p.id),
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
    let impact = Signal::derive(move || {
        app.ws.with(|ws| {
            let held = crate::logic::records::impact::owned_summary(ws, id);
            let mut lines = Vec::new();
            if !held.is_empty() {
                lines.push(format!("everything recorded for this candidacy{held}"));
            }
            lines.extend(crate::logic::records::impact::group_sessions_kept(ws, id));
            lines
        })
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
        <div>
            <dl class="facts">
                <div><dt>"Now"</dt><dd>{now}</dd></div>
                <div><dt>"Protected time"</dt><dd>{move || candidate().map(|c| format!("{} hours a week", c.protected_hours_per_week))}</dd></div>
                <div><dt>"Level · team"</dt><dd>{about}</dd></div>
                <div><dt>"Enrolled"</dt><dd>{move || candidate().map(|c| fmt_date(c.created_at.date_naive()))}</dd></div>
                <div><dt>"Person"</dt><dd><A href=link(&format!("/people/{person_id}"))>{move || format!("{}'s record", person_name())}</A></dd></div>
            </dl>
            <Story id=id/>
            <Show when=move || app.runs_candidacy(id) fallback=move || view! {
                <p class="muted">"The coaches set the status and protected time. Their controls are hidden here, as this is not a cohort you coach: hidden is not secret, and this browser holds only what was shared with you."</p>
            }>
                <h2>"Status and protected time"</h2>
                <form class="form inline" on:submit=save>
                    {inputs.view()}
                    <button type="submit" disabled=move || app.is_read_only()>"Save candidate"</button>
                </form>
                <p class="muted">"Protected hours are taken off the candidate's delivery work so the program has real time. Agree them with the sponsor."</p>
            </Show>
            {move || {
                if mine.get() {
                    view! { <SharedExport audience=Audience::Candidate(id) for_whom="your coach"/> }.into_any()
                } else {
                    view! { <SharedExport audience=Audience::Candidate(id) for_whom="the candidate"/> }.into_any()
                }
            }}
            <Show when=move || app.runs_candidacy(id)>
                <h2>"Remove"</h2>
                <button type="button" class="danger" on:click=move |_| open.set(true) disabled=move || app.is_read_only()>"Remove from cohort…"</button>
            </Show>
            <ConfirmDialog open=open title="Remove this candidate?" intro=intro lines=impact confirm_label="Remove candidate" on_confirm=remove/>
        </div>
    }
    .into_any()
}

/// Where a timeline item lives on the candidate's page.
fn item_section(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Activity(_) => "activities",
        ItemKind::MicroAssignment => "assignments",
        ItemKind::OneOnOne => "one-on-ones",
        ItemKind::Journal(_) => "journal",
        ItemKind::Decision => "selection",
    }
}

fn item_kind_label(kind: ItemKind) -> String {
    match kind {
        ItemKind::Activity(k) => k.label().to_string(),
        ItemKind::MicroAssignment => "Micro-assignment".into(),
        ItemKind::OneOnOne => "1:1".into(),
        ItemKind::Journal(v) => match v {
            crate::model::Visibility::Private => "Journal (private)".into(),
            _ => "Journal".into(),
        },
        ItemKind::Decision => "Selection".into(),
    }
}

#[component]
fn Item(id: Id, item: TimelineItem) -> impl IntoView {
    let href = format!(
        "{}#r-{}",
        section_href(id, item_section(item.kind)),
        item.id
    );
    let app = use_app();
    // A micro-assignment that is not finished yet is "Planned" or "Active": its own status
    // says which, in the same badge as on its card.
    let assignment_status = (item.kind == ItemKind::MicroAssignment)
        .then(|| {
            app.ws.with_untracked(|ws| {
                ws.assignments
                    .iter()
                    .find(|a| a.id == item.id)
                    .map(|a| a.status)
            })
        })
        .flatten();
    let state = match (item.state, assignment_status) {
        (ItemState::Done, _) => None,
        (ItemState::Planned, Some(status)) => {
            Some((assignment_badge_class(status), status.label()))
        }
        (ItemState::Planned, None) => Some(("badge muted", "Planned")),
        (ItemState::Overdue, _) => Some(("badge late", "Overdue")),
    };
    view! {
        <li>
            <time datetime=item.on.to_string()>{fmt_date(item.on)}</time>
            <span class="kind">{item_kind_label(item.kind)}</span>
            <a href=href>{item.title}</a>
            {state.map(|(class, text)| view! { <span class=class>{text}</span> })}
        </li>
    }
}

/// The candidate's story: what is overdue, what is next, and everything by phase.
#[component]
fn Story(id: Id) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let story = Memo::new(move |_| app.ws.with(|ws| timeline(ws, id, today)));
    let upcoming = move || app.ws.with(|ws| upcoming_count(ws, &[id], today));
    let export_calendar = move |_| {
        let (text, name) = app.ws.with_untracked(|ws| {
            let who = ws.candidate(id).map_or("candidate".to_string(), |c| {
                ws.person_name(c.person_id).to_string()
            });
            (
                calendar(ws, &[id], today, browser::now(), true),
                crate::file::export_file_name(&format!("{who} sessions"), today)
                    .replace(".json", ".ics"),
            )
        });
        match browser::download(&name, &text, "text/calendar") {
            Ok(()) => app.say(&format!("Exported {name}.")),
            Err(e) => app.warn(&e),
        }
    };
    view! {
        <div class="story">
            {move || {
                let s = story.get();
                (!s.overdue.is_empty()).then(|| view! {
                    <section class="callout late" aria-labelledby="overdue-h">
                        <h2 id="overdue-h">"Overdue"</h2>
                        <ul class="story-list">{s.overdue.into_iter().map(|i| view! { <Item id=id item=i/> }).collect_view()}</ul>
                    </section>
                })
            }}
            <h2>"Next up"</h2>
            {move || {
                let s = story.get();
                if s.next.is_empty() {
                    view! { <p class="muted">"Nothing planned yet. Plan sessions under Activities, or a micro-assignment."</p> }.into_any()
                } else {
                    view! { <ul class="story-list">{s.next.into_iter().map(|i| view! { <Item id=id item=i/> }).collect_view()}</ul> }.into_any()
                }
            }}
            <p>
                <button type="button" class="secondary" on:click=export_calendar disabled=move || upcoming() == 0>"Export upcoming sessions (.ics)"</button>
                <span class="muted">{move || format!(" {} planned from today, for your calendar app.", count(upcoming(), "session", "sessions"))}</span>
            </p>
            <h2>"Timeline"</h2>
            {move || {
                let s = story.get();
                if s.groups.is_empty() {
                    view! { <p class="muted">"Nothing recorded yet. Activities, micro-assignments, 1:1s and journal entries appear here by phase."</p> }.into_any()
                } else {
                    s.groups.into_iter().map(|(phase, items)| {
                        let heading = phase.map_or("Outside the phases".to_string(), |p| p.name().to_string());
                        view! {
                            <h3>{heading}</h3>
                            <ul class="story-list">{items.into_iter().map(|i| view! { <Item id=id item=i/> }).collect_view()}</ul>
                        }
                    }).collect_view().into_any()
                }
            }}
        </div>
    }
}
