//! A person's trial in management: starting one (with the guaranteed way back filled in), its
//! checkpoints with the early signals Runway already holds, and the decision at the end.

use crate::sort::StableSort as _;
use leptos::prelude::*;

use crate::logic::actions::Action;
use crate::logic::records::Record;
use crate::logic::track::level_on;
use crate::logic::track::trials::{self, reminders, signals, trials_of, warnings};
use crate::model::{
    Checkpoint, Date, Id, RecordKind, TrackLevel, Trial, TrialDecision, TrialOutcome,
};
use crate::ui::browser;
use crate::ui::forms::{
    person_value, AreaField, CheckField, ChoiceField, DateField, DeleteEntry, DraftForm, Folding,
    FormButtons, FormDraft, NumberField, PersonField, TextField,
};
use crate::ui::state::use_app;
use crate::ui::widgets::{date_value, fmt_date, parse_date};

fn ic_levels() -> Vec<(String, String)> {
    TrackLevel::ALL
        .iter()
        .filter(|l| !l.is_manager())
        .map(|l| (l.code().to_string(), l.code().to_string()))
        .collect()
}

/// The trial panel of a person's page.
#[component]
pub fn TrialPanel(person_id: Id) -> impl IntoView {
    let app = use_app();
    let list = move || {
        app.ws.with(|ws| {
            trials_of(ws, person_id)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    // A trial is a first step into managing: offered to someone not managing now.
    let can_start = move || {
        app.person() != Some(person_id) && app.ws.with(|ws| trials::can_start(ws, person_id))
    };
    view! {
        <section aria-labelledby="trial-heading">
            <h2 id="trial-heading">"Trial in management"</h2>
            {move || (list().is_empty() && !can_start()).then(|| view! {
                <p class="muted">"No trial recorded. A trial is how an engineer first steps into managing, with a guaranteed way back."</p>
            })}
            <For each=list key=|t| (t.id, t.updated_at) let:t>
                <TrialCard t=t/>
            </For>
            <Show when=can_start>
                <StartTrial person_id=person_id/>
            </Show>
        </section>
    }
}

#[component]
fn StartTrial(person_id: Id) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let base = app
        .ws
        .with_untracked(|ws| trials::draft(ws, person_id, today));
    let start = RwSignal::new(date_value(Some(today)));
    let months = RwSignal::new(trials::DEFAULT_MONTHS.to_string());
    let team = RwSignal::new(String::new());
    let supporter = RwSignal::new(String::new());
    let back = RwSignal::new(base.return_level.code().to_string());
    let band = RwSignal::new(String::new());
    let no_coding = RwSignal::new(false);
    let draft = FormDraft::new(format!("trial/{person_id}/new"), "Start a trial");
    let open = RwSignal::new(draft.has_draft());
    let trial = move || -> Result<Trial, String> {
        let starts_on = parse_date(&start.get())
            .ok_or_else(|| "Enter the day the trial starts.".to_string())?;
        // A length that is not a whole number is refused at its field by the core's rule
        // (between 1 and 24 months).
        let months: u32 = months.get().trim().parse().unwrap_or(0);
        let mut t = app.ws.with(|ws| trials::draft(ws, person_id, starts_on));
        t.months = months;
        t.checkpoints = trials::monthly_checkpoints(starts_on, months);
        t.team = team.get().trim().to_string();
        t.supporter_id = person_value(&supporter.get());
        t.return_level = TrackLevel::from_code(&back.get()).unwrap_or(t.return_level);
        t.return_band = band.get().trim().to_string();
        t.no_coding_expected = no_coding.get();
        Ok(t)
    };
    let live = move || {
        trial()
            .ok()
            .map(|t| app.ws.with(|ws| warnings(ws, &t)))
            .unwrap_or_default()
    };
    let held_before = move || {
        let on = parse_date(&start.get()).unwrap_or(today);
        app.ws.with(|ws| {
            on.pred_opt()
                .and_then(|d| level_on(ws, person_id, d))
                .map(|l| l.code())
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match trial() {
            Ok(t) => {
                let done = format!(
                    "Trial started: {} months with {}, with a guaranteed return to {}.",
                    t.months,
                    if t.team.is_empty() {
                        "the team".to_string()
                    } else {
                        t.team.clone()
                    },
                    t.return_level.code()
                );
                if draft
                    .save(
                        Action::StartTrial {
                            trial: t,
                            level: TrackLevel::M1,
                        },
                        &done,
                    )
                    .is_some()
                {
                    open.set(false);
                }
            }
            Err(e) => app.warn(&e),
        }
    };
    view! {
        <Folding open=open summary=|| "Start a trial in management">
            <p class="hint">"A first step into managing works best as a trial of about six months, with the way back agreed before it starts: the same engineering level and pay, no questions asked."</p>
            <DraftForm draft=draft label="Start a trial in management" on_submit=submit>
                <DateField label="Starts on" value=start required=true field="starts_on"/>
                <NumberField label="Length in months" value=months required=true field="months"/>
                <TextField label="Team they will manage" value=team required=true field="team"/>
                <PersonField label="Supporting senior manager" value=supporter exclude=person_id/>
                <ChoiceField label="Guaranteed level on return" value=back options=ic_levels() field="return_level"/>
                <TextField label="Guaranteed pay band on return" value=band placeholder="e.g. E3"/>
                <CheckField label="Coding is not expected of them (needed when they manage the team they worked in)" value=no_coding/>
                <p class="hint wide">{move || held_before().map_or_else(
                    || "No level is recorded before the start: set the guaranteed level by hand.".to_string(),
                    |l| format!("They hold {l} before the trial: that is the level they return to if the trial ends that way."))}</p>
                {move || {
                    let w = live();
                    (!w.is_empty()).then(|| view! {
                        <ul class="warnings wide" aria-live="polite">{w.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
                    })
                }}
                <FormButtons save_label="Start the trial"/>
            </DraftForm>
        </Folding>
    }
}

#[component]
fn TrialCard(t: Trial) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let names = app.ws.with_untracked(|ws| {
        (
            t.supporter_id.map(|s| ws.person_name(s).to_string()),
            ws.person_name(t.person_id).to_string(),
        )
    });
    let (supporter, name) = names;
    let due = app.ws.with_untracked(|ws| reminders(ws, &t, today));
    let ended = t.end().cloned();
    let open = ended.is_none();
    let mut checkpoints = t.checkpoints.clone();
    checkpoints.stable_sort_by_key(|c| c.on);
    let t_store = StoredValue::new(t.clone());
    let own = app.person() == Some(t.person_id);
    let heading = format!(
        "{} months from {} to {}",
        t.months,
        fmt_date(t.starts_on),
        fmt_date(t.last_day())
    );
    view! {
        <article class="card trial" aria-label=format!("Trial: {heading}")>
            <h3>{heading.clone()}</h3>
            <dl class="facts">
                <div><dt>"Team"</dt><dd>{if t.team.is_empty() { "—".to_string() } else { t.team.clone() }}</dd></div>
                <div><dt>"Supporting manager"</dt><dd>{supporter.unwrap_or_else(|| "none yet".into())}</dd></div>
                <div><dt>"Guaranteed return"</dt><dd>{format!("{}{}", t.return_level.code(), if t.return_band.is_empty() { String::new() } else { format!(", pay band {}", t.return_band) })}</dd></div>
                {t.no_coding_expected.then(|| view! { <div><dt>"Coding"</dt><dd>"Not expected of them: they manage the team they worked in."</dd></div> })}
            </dl>
            {ended.clone().map(|e| view! {
                <p class="outcome" class:returned=e.decision == TrialDecision::Returned>
                    <strong>{e.decision.label()}</strong>
                    {format!(" on {}", fmt_date(e.on))}
                    {(!e.team.is_empty()).then(|| format!(" · {}", e.team))}
                    {(!e.note.is_empty()).then(|| format!(" — {}", e.note))}
                </p>
            })}
            {t.outcomes.iter().filter(|o| o.decision == TrialDecision::Extended).map(|o| view! {
                <p class="muted">{format!("Extended on {} to {} months{}", fmt_date(o.on), o.months.unwrap_or_default(), if o.note.is_empty() { String::new() } else { format!(" — {}", o.note) })}</p>
            }).collect_view()}
            {(!due.is_empty()).then(|| view! {
                <ul class="reminders" aria-label="Coming up">
                    {due.iter().map(|r| view! {
                        <li class:overdue=r.overdue>{format!("{}: {}", when(r, today), r.text)}</li>
                    }).collect_view()}
                </ul>
            })}
            <h4>"Checkpoints"</h4>
            <ol class="checkpoints">
                {checkpoints.iter().enumerate().map(|(i, c)| {
                    let from = if i == 0 { t.starts_on } else { checkpoints[i - 1].on };
                    view! { <CheckpointItem trial=t_store checkpoint=c.clone() from=from editable=open && !own/> }
                }).collect_view()}
            </ol>
            // The trial is decided by others: the person it is about reads it, and does not edit,
            // decide or delete it (hiding is a courtesy; what files carry is the guarantee).
            {(open && !own).then(|| view! { <EditTrial trial=t_store/> <Decide trial=t_store name=name.clone()/> })}
            {(!own).then(|| view! {
                <p class="row-actions"><DeleteEntry kind=RecordKind::Trial id=t.id what=format!("the trial from {} (the level moves it recorded stay in the history)", fmt_date(t.starts_on))/></p>
            })}
        </article>
    }
}

#[component]
fn CheckpointItem(
    trial: StoredValue<Trial>,
    checkpoint: Checkpoint,
    from: Date,
    /// The trial is open and the person reading is not the one it is about.
    editable: bool,
) -> impl IntoView {
    let app = use_app();
    let editing = RwSignal::new(false);
    let c = checkpoint.clone();
    let held = RwSignal::new(date_value(Some(c.held_on.unwrap_or_else(browser::today))));
    let delivery = RwSignal::new(c.delivery.clone());
    let feedback = RwSignal::new(c.feedback.clone());
    let note = RwSignal::new(c.support_note.clone());
    let draft = FormDraft::new(format!("checkpoint/{}", c.id), "Record a checkpoint");
    if draft.has_draft() {
        editing.set(true);
    }
    let seen = app
        .ws
        .with_untracked(|ws| signals(ws, &trial.get_value(), from, c.on));
    let cid = c.id;
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(on) = parse_date(&held.get_untracked()) else {
            app.warn("Enter the day the checkpoint was held.");
            return;
        };
        let Some(mut t) = app.ws.with_untracked(|ws| {
            ws.trials
                .iter()
                .find(|x| x.id == trial.get_value().id)
                .cloned()
        }) else {
            app.warn("That trial no longer exists.");
            return;
        };
        if let Some(x) = t.checkpoints.iter_mut().find(|x| x.id == cid) {
            x.held_on = Some(on);
            x.delivery = delivery.get_untracked().trim().to_string();
            x.feedback = feedback.get_untracked().trim().to_string();
            x.support_note = note.get_untracked().trim().to_string();
        }
        if draft
            .save(Action::Put(Record::Trial(t)), "Saved the checkpoint.")
            .is_some()
        {
            editing.set(false);
        }
    };
    let cancel = Callback::new(move |_| editing.set(false));
    let label = format!("checkpoint of {}", fmt_date(c.on));
    let form_label = format!("Record the checkpoint of {}", fmt_date(c.on));
    view! {
        <li class="checkpoint" class:held=c.held_on.is_some()>
            <p>
                <strong>{fmt_date(c.on)}</strong>
                {match c.held_on { Some(h) => format!(" · held {}", fmt_date(h)), None => " · not held yet".to_string() }}
            </p>
            {(!seen.health.is_empty() || !seen.rounds.is_empty()).then(|| view! {
                <ul class="signals" aria-label=format!("What Runway holds up to {}", fmt_date(c.on))>
                    {seen.health.iter().map(|(d, team, s, n)| view! {
                        <li>{format!("Team health check {} ({}): psychological safety {}{}", fmt_date(*d), team, s.map_or("—".to_string(), |s| crate::logic::charts::num(s as f64)), n.map_or(String::new(), |n| format!(", {n} answered")))}</li>
                    }).collect_view()}
                    {seen.rounds.iter().map(|(d, title, n)| view! {
                        <li>{format!("360 round “{title}” opened {}: {n} responses", fmt_date(*d))}</li>
                    }).collect_view()}
                </ul>
            })}
            <Show when=move || editing.get() fallback={
                let c = c.clone();
                let label = label.clone();
                move || view! {
                    {(!c.delivery.is_empty()).then(|| view! { <p><span class="muted">"Delivery: "</span>{c.delivery.clone()}</p> })}
                    {(!c.feedback.is_empty()).then(|| view! { <p><span class="muted">"Feedback by and about them: "</span>{c.feedback.clone()}</p> })}
                    {(!c.support_note.is_empty()).then(|| view! { <p><span class="muted">"Supporting manager: "</span>{c.support_note.clone()}</p> })}
                    {editable.then(|| view! {
                        <button type="button" class="link" aria-label=format!("{}: {label}", if c.held_on.is_some() { "Edit" } else { "Record it" }) on:click=move |_| editing.set(true) disabled=move || app.is_read_only()>{if c.held_on.is_some() { "Edit" } else { "Record it" }}</button>
                    })}
                }
            }>
                <DraftForm draft=draft label=form_label.clone() on_submit=save>
                    // The day's problems are the trial's `checkpoints[i].held_on`.
                    <DateField label="Held on" value=held required=true field="checkpoints"/>
                    <AreaField label="Delivery against the team's usual measures" value=delivery rows=2/>
                    <AreaField label="Feedback given by and about them" value=feedback rows=2/>
                    <AreaField label="The supporting manager's note" value=note rows=2/>
                    <FormButtons save_label="Save the checkpoint" on_cancel=cancel/>
                </DraftForm>
            </Show>
        </li>
    }
}

#[component]
fn Decide(trial: StoredValue<Trial>, name: String) -> impl IntoView {
    let app = use_app();
    let t = trial.get_value();
    let decision = RwSignal::new(TrialDecision::Confirmed.code().to_string());
    let on = RwSignal::new(date_value(Some(browser::today())));
    let months = RwSignal::new((t.months + 3).to_string());
    let team = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let draft = FormDraft::new(format!("trial/{}/decide", t.id), "Decide the trial");
    let options: Vec<(String, String)> = [
        (TrialDecision::Confirmed, "Confirm: they stay a manager"),
        (TrialDecision::Extended, "Extend: more time before deciding"),
        (
            TrialDecision::Returned,
            "Return to engineering at the guaranteed level",
        ),
    ]
    .into_iter()
    .map(|(d, l)| (d.code().to_string(), l.to_string()))
    .collect();
    let chosen =
        move || TrialDecision::from_code(&decision.get()).unwrap_or(TrialDecision::Confirmed);
    let back = format!(
        "{}{}",
        t.return_level.code(),
        if t.return_band.is_empty() {
            String::new()
        } else {
            format!(" at pay band {}", t.return_band)
        }
    );
    let explain = {
        let back = back.clone();
        let name = name.clone();
        move || {
            match chosen() {
            TrialDecision::Confirmed => format!("{name}'s level history records the trial as confirmed; their candidacy (if any) is marked promoted."),
            TrialDecision::Extended => "The trial runs longer, with monthly checkpoints up to the new end.".to_string(),
            TrialDecision::Returned => format!("{name} goes back to engineering as {back}, as agreed at the start. This is a move like any other: it is recorded in their history with the team and day, and their candidacy (if any) is marked returned to engineering. Nobody leaves because a trial ended this way."),
        }
        }
    };
    let tid = t.id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = parse_date(&on.get_untracked()) else {
            app.warn("Enter the day of the decision.");
            return;
        };
        let d = chosen();
        let m = if d == TrialDecision::Extended {
            match months.get_untracked().trim().parse::<u32>() {
                Ok(m) => Some(m),
                Err(_) => {
                    app.warn("The new length is a whole number of months, like 9.");
                    return;
                }
            }
        } else {
            None
        };
        let outcome = TrialOutcome {
            decision: d,
            on: day,
            months: m,
            team: team.get_untracked(),
            note: note.get_untracked(),
        };
        let done = match d {
            TrialDecision::Confirmed => "Trial confirmed.",
            TrialDecision::Extended => "Trial extended.",
            TrialDecision::Returned => "Recorded the return to engineering.",
        };
        draft.save(
            Action::DecideTrial {
                trial_id: tid,
                outcome,
            },
            done,
        );
    };
    view! {
        <details class="panel">
            <summary>"Decide: confirm, extend or return"</summary>
            <DraftForm draft=draft label="Decide the trial" on_submit=submit>
                <ChoiceField label="What is decided" value=decision options=options field="decision"/>
                <DateField label="Day of the decision" value=on required=true field="on"/>
                <Show when=move || chosen() == TrialDecision::Extended>
                    <NumberField label="New length in months (from the start)" value=months field="months"/>
                </Show>
                <Show when=move || chosen() != TrialDecision::Extended>
                    <TextField label="Team from that day (if it changes)" value=team field="team"/>
                </Show>
                <AreaField label="Note" value=note rows=2/>
                <p class="hint wide">{explain}</p>
                <FormButtons save_label="Record the decision"/>
            </DraftForm>
        </details>
    }
}

/// On the start page: what is due on trials in management (checkpoints, lapsed team health
/// checks, ends), with the way to each.
#[component]
pub fn TrialReminders() -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let list = move || app.ws.with(|ws| trials::all_reminders(ws, today));
    move || {
        let l = list();
        (!l.is_empty()).then(|| {
            view! {
                <section class="callout trial-reminders" aria-labelledby="trial-rem-h">
                    <h2 id="trial-rem-h">"Trials in management"</h2>
                    <ul>
                        {l.into_iter().map(|r| view! {
                            <li class:overdue=r.overdue>
                                {format!("{}: {}", when(&r, today), r.text)}
                                " " <leptos_router::components::A href=crate::ui::link(&format!("/people/{}", r.person_id))>"Open"<span class="sr-only">{format!(": {}", r.text)}</span></leptos_router::components::A>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// When a reminder is due, in words: "Now", "Overdue since 3 Nov 2026", or its day.
fn when(r: &trials::Reminder, today: Date) -> String {
    if r.on == today {
        "Now".to_string()
    } else if r.overdue {
        format!("Overdue since {}", fmt_date(r.on))
    } else {
        fmt_date(r.on)
    }
}

/// Changing a trial after it started: the team, the supporting manager, the guaranteed return.
/// Its length changes by extending it; its start by recording it again.
#[component]
fn EditTrial(trial: StoredValue<Trial>) -> impl IntoView {
    let app = use_app();
    let t = trial.get_value();
    let team = RwSignal::new(t.team.clone());
    let supporter = RwSignal::new(t.supporter_id.map(|s| s.to_string()).unwrap_or_default());
    let back = RwSignal::new(t.return_level.code().to_string());
    let band = RwSignal::new(t.return_band.clone());
    let no_coding = RwSignal::new(t.no_coding_expected);
    let draft = FormDraft::new(format!("trial/{}", t.id), "Edit the trial");
    let open = RwSignal::new(draft.has_draft());
    let tid = t.id;
    let person_id = t.person_id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut x) = app
            .ws
            .with_untracked(|ws| ws.trials.iter().find(|x| x.id == tid).cloned())
        else {
            app.warn("That trial no longer exists.");
            return;
        };
        x.team = team.get_untracked().trim().to_string();
        x.supporter_id = person_value(&supporter.get_untracked());
        x.return_level = TrackLevel::from_code(&back.get_untracked()).unwrap_or(x.return_level);
        x.return_band = band.get_untracked().trim().to_string();
        x.no_coding_expected = no_coding.get_untracked();
        if draft
            .save(Action::Put(Record::Trial(x)), "Saved the trial.")
            .is_some()
        {
            open.set(false);
        }
    };
    view! {
        <Folding open=open summary=|| "Edit the trial">
            <DraftForm draft=draft label="Edit the trial" on_submit=submit>
                <TextField label="Team they manage" value=team required=true field="team"/>
                <PersonField label="Supporting senior manager" value=supporter exclude=person_id/>
                <ChoiceField label="Guaranteed level on return" value=back options=ic_levels() field="return_level"/>
                <TextField label="Guaranteed pay band on return" value=band/>
                <CheckField label="Coding is not expected of them (needed when they manage the team they worked in)" value=no_coding/>
                <FormButtons save_label="Save the trial"/>
            </DraftForm>
        </Folding>
    }
}
