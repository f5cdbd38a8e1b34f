//! Micro-assignments: small, real pieces of leadership work with a timebox, written up with the
//! program's template, a status, an outcome and optionally a number they set out to move.
//! Overdue ones come first and stand out.

use crate::sort::StableSort as _;
use chrono::Days;
use leptos::prelude::*;

use crate::logic::actions::Action;
use crate::logic::journey::{assignment_overdue, metric_change, trim_float};
use crate::logic::records::Record;
use crate::model::{
    ActivityKind, Date, Id, Metric, MicroAssignment, MicroAssignmentStatus, RecordKind, Timestamp,
};
use crate::ui::browser;
use crate::ui::forms::{
    AreaField, ChoiceField, DateField, DeleteEntry, DraftForm, Folding, FormButtons, FormDraft,
    NumberField, TextField,
};
use crate::ui::state::use_app;
use crate::ui::widgets::{assignment_badge_class, count, date_value, fmt_date, parse_date};

/// A metric value as shown in an input ("14", "2.5").
fn number_value(v: Option<f64>) -> String {
    v.map(|v| {
        if v.fract() == 0.0 {
            format!("{v:.0}")
        } else {
            v.to_string()
        }
    })
    .unwrap_or_default()
}

/// Reads an optional number as typed ("14", "2.5", "2,5"; empty is none).
fn parse_number(text: &str, what: &str) -> Result<Option<f64>, String> {
    let t = text.trim().replace(',', ".").replace('−', "-");
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or(format!(
            "{what} must be a number, e.g. 14 or 2.5 (leave it empty if not measured yet)."
        ))
}

/// The inputs of a micro-assignment, as typed.
#[derive(Clone, Copy)]
struct AssignmentForm {
    title: RwSignal<String>,
    objective: RwSignal<String>,
    scope: RwSignal<String>,
    stakeholders: RwSignal<String>,
    success: RwSignal<String>,
    starts: RwSignal<String>,
    ends: RwSignal<String>,
    handoff: RwSignal<String>,
    status: RwSignal<String>,
    outcome: RwSignal<String>,
    metric: RwSignal<String>,
    before: RwSignal<String>,
    after: RwSignal<String>,
}

impl AssignmentForm {
    /// `timebox_days`: a new assignment's default length (a week in a pilot, two otherwise).
    fn new(a: Option<&MicroAssignment>, timebox_days: u64) -> Self {
        let today = browser::today();
        let timebox_end = today
            .checked_add_days(Days::new(timebox_days))
            .unwrap_or(today);
        let text = |f: fn(&MicroAssignment) -> &String| {
            RwSignal::new(a.map(f).cloned().unwrap_or_default())
        };
        let m = a.and_then(|a| a.metric.as_ref());
        AssignmentForm {
            title: text(|a| &a.title),
            objective: text(|a| &a.objective),
            scope: text(|a| &a.scope),
            stakeholders: text(|a| &a.stakeholders),
            success: text(|a| &a.success_criteria),
            starts: RwSignal::new(date_value(Some(a.map_or(today, |a| a.starts_on)))),
            ends: RwSignal::new(date_value(Some(a.map_or(timebox_end, |a| a.ends_on)))),
            handoff: text(|a| &a.handoff),
            status: RwSignal::new(
                a.map_or(MicroAssignmentStatus::Planned, |a| a.status)
                    .code()
                    .to_string(),
            ),
            outcome: text(|a| &a.outcome),
            metric: RwSignal::new(m.map(|m| m.name.clone()).unwrap_or_default()),
            before: RwSignal::new(number_value(m.and_then(|m| m.before))),
            after: RwSignal::new(number_value(m.and_then(|m| m.after))),
        }
    }

    fn reset(self) {
        for s in [
            self.title,
            self.objective,
            self.scope,
            self.stakeholders,
            self.success,
            self.handoff,
            self.outcome,
            self.metric,
            self.before,
            self.after,
        ] {
            s.set(String::new());
        }
        self.status
            .set(MicroAssignmentStatus::Planned.code().to_string());
    }

    /// The assignment as it would be saved (a nil id makes a new one), or what is wrong.
    fn assignment(self, id: Id, candidate_id: Id) -> Result<MicroAssignment, String> {
        // Only parsing here: the rules (a title, a timebox that ends after it starts, a named
        // metric) are the core's, and a refusal shows next to its field.
        let title = self.title.get_untracked().trim().to_string();
        let starts_on = parse_date(&self.starts.get_untracked())
            .ok_or("Please enter the day the timebox starts.".to_string())?;
        let ends_on = parse_date(&self.ends.get_untracked())
            .ok_or("Please enter the day the timebox ends.".to_string())?;
        let name = self.metric.get_untracked().trim().to_string();
        let before = parse_number(&self.before.get_untracked(), "The metric's value before")?;
        let after = parse_number(&self.after.get_untracked(), "The metric's value after")?;
        let metric = if name.is_empty() && before.is_none() && after.is_none() {
            None
        } else {
            Some(Metric {
                name,
                before,
                after,
            })
        };
        let text = |s: RwSignal<String>| s.get_untracked().trim().to_string();
        Ok(MicroAssignment {
            id,
            candidate_id,
            title,
            objective: text(self.objective),
            scope: text(self.scope),
            stakeholders: text(self.stakeholders),
            success_criteria: text(self.success),
            starts_on,
            ends_on,
            handoff: text(self.handoff),
            status: MicroAssignmentStatus::from_code(&self.status.get_untracked())
                .unwrap_or(MicroAssignmentStatus::Planned),
            outcome: text(self.outcome),
            metric,
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
        })
    }

    fn view(self) -> impl IntoView {
        let statuses = MicroAssignmentStatus::ALL
            .iter()
            .map(|s| (s.code().to_string(), s.label().to_string()))
            .collect();
        view! {
            <TextField label="Title" value=self.title required=true wide=true field="title"/>
            <AreaField label="Objective: what should be better afterwards" value=self.objective rows=2/>
            <AreaField label="Scope: what is in, what is out" value=self.scope rows=2/>
            <TextField label="Stakeholders" value=self.stakeholders wide=true placeholder="Who cares about the result, who must agree"/>
            <AreaField label="Success criteria" value=self.success rows=2/>
            <DateField label="Timebox starts" value=self.starts required=true field="starts_on"/>
            <DateField label="Timebox ends" value=self.ends required=true field="ends_on"/>
            <ChoiceField label="Status" value=self.status options=statuses/>
            <AreaField label="Handoff plan: who owns it afterwards" value=self.handoff rows=2/>
            <AreaField label="Outcome" value=self.outcome rows=2/>
            <fieldset class="metric wide">
                <legend>"Metric (optional)"</legend>
                <div class="form inline">
                    <TextField label="What is measured, with its unit" value=self.metric placeholder="pages per week" field="metric"/>
                    <NumberField label="Value before" value=self.before/>
                    <NumberField label="Value after" value=self.after/>
                </div>
            </fieldset>
        }
    }
}

/// Order on the page: overdue first, then open ones by deadline, then finished ones, latest first.
fn order_key(a: &MicroAssignment, today: Date) -> (u8, i64) {
    let days = a.ends_on.signed_duration_since(Date::MIN).num_days();
    if assignment_overdue(a, today) {
        (0, days)
    } else if matches!(
        a.status,
        MicroAssignmentStatus::Planned | MicroAssignmentStatus::Active
    ) {
        (1, days)
    } else {
        (2, -days)
    }
}

#[component]
pub fn AssignmentsSection(id: Id) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let timebox = app.ws.with_untracked(|ws| {
        ws.candidate(id)
            .and_then(|c| ws.cohort(c.cohort_id))
            .map_or(14, crate::logic::program::phases::assignment_timebox_days)
    });
    let form = AssignmentForm::new(None, timebox);
    let draft = FormDraft::new(format!("assignment/{id}/new"), "New micro-assignment");
    let adding = RwSignal::new(draft.has_draft());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.assignment(Id::nil(), id) {
            Ok(a) => {
                if draft
                    .save(
                        Action::Put(Record::Assignment(a)),
                        "Saved the micro-assignment.",
                    )
                    .is_some()
                {
                    form.reset();
                    adding.set(false);
                }
            }
            Err(e) => app.warn(&e),
        }
    };
    let list = move || {
        app.ws.with(|ws| {
            let mut list: Vec<(MicroAssignment, u32, usize)> = ws
                .assignments
                .iter()
                .filter(|a| a.candidate_id == id)
                .map(|a| {
                    let work: Vec<_> = ws
                        .activities
                        .iter()
                        .filter(|w| {
                            w.done
                                && w.kind == ActivityKind::AssignmentWork
                                && w.assignment_id == Some(a.id)
                        })
                        .collect();
                    (
                        a.clone(),
                        work.iter().map(|w| w.minutes).sum::<u32>(),
                        work.len(),
                    )
                })
                .collect();
            list.stable_sort_by_key(|(a, _, _)| (order_key(a, today), a.created_at));
            list
        })
    };
    view! {
        <p class="muted">"A micro-assignment is a small, real piece of leadership work with a timebox: an objective, a scope, the people it touches, how you will know it worked, and who takes it over afterwards."</p>
        <Folding open=adding summary=|| "Start a micro-assignment">
            <DraftForm draft=draft label="New micro-assignment" on_submit=add>
                {form.view()}
                <FormButtons save_label="Save micro-assignment"/>
            </DraftForm>
        </Folding>
        {move || list().is_empty().then(|| view! {
            <p class="muted">"No micro-assignments yet. Ideas: redesign the on-call rotation, run a retrospective on a problem that keeps coming back, or own a small piece of hiring."</p>
        })}
        <ul class="entries">
            <For each=list key=|(a, minutes, _)| (a.id, a.updated_at, *minutes) let:item>
                <AssignmentCard assignment=item.0 minutes=item.1 sessions=item.2 today=today/>
            </For>
        </ul>
    }
}

#[component]
fn AssignmentCard(
    assignment: MicroAssignment,
    minutes: u32,
    sessions: usize,
    today: Date,
) -> impl IntoView {
    let app = use_app();
    let editing = RwSignal::new(false);
    let a = assignment;
    let (id, candidate_id) = (a.id, a.candidate_id);
    let form = AssignmentForm::new(Some(&a), 14);
    let draft = FormDraft::new(
        format!("assignment/{id}"),
        format!("Edit the micro-assignment “{}”", a.title),
    );
    if draft.has_draft() {
        editing.set(true);
    }
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.assignment(id, candidate_id) {
            Ok(a) => {
                if draft
                    .save(
                        Action::Put(Record::Assignment(a)),
                        "Saved the micro-assignment.",
                    )
                    .is_some()
                {}
            }
            Err(e) => app.warn(&e),
        }
    };
    let cancel = Callback::new(move |_| editing.set(false));
    let overdue = assignment_overdue(&a, today);
    let what = format!("the micro-assignment “{}”", a.title);
    let edit_label = format!("Edit the micro-assignment “{}”", a.title);
    let finished = matches!(
        a.status,
        MicroAssignmentStatus::Done | MicroAssignmentStatus::Dropped
    );
    view! {
        <li class="card entry assignment" id=format!("r-{id}") class:late=overdue class:finished=finished>
            <Show when=move || editing.get() fallback={
                let a = a.clone();
                let what = what.clone();
                let edit_label = edit_label.clone();
                move || {
                    let status_class = assignment_badge_class(a.status);
                    let hours = if sessions == 0 {
                        "No work logged yet".to_string()
                    } else {
                        format!("{} h logged in {}", trim_float(minutes as f32 / 60.0), count(sessions, "session", "sessions"))
                    };
                    let fields: Vec<(&str, String)> = [
                        ("Objective", &a.objective),
                        ("Scope", &a.scope),
                        ("Stakeholders", &a.stakeholders),
                        ("Success criteria", &a.success_criteria),
                        ("Handoff plan", &a.handoff),
                        ("Outcome", &a.outcome),
                    ]
                    .into_iter()
                    .filter(|(_, v)| !v.is_empty())
                    .map(|(k, v)| (k, v.clone()))
                    .collect();
                    let metric = a.metric.clone().map(|m| {
                        let change = metric_change(m.before, m.after).unwrap_or_else(|| "not measured yet".into());
                        (m.name, change)
                    });
                    view! {
                        <header>
                            <h3>{a.title.clone()}</h3>
                            <p class="meta">
                                <span>"Timebox " <time datetime=a.starts_on.to_string()>{fmt_date(a.starts_on)}</time> " – " <time datetime=a.ends_on.to_string()>{fmt_date(a.ends_on)}</time></span>
                                <span class=status_class>{a.status.label()}</span>
                                {overdue.then(|| view! { <span class="badge late">"Overdue"</span> })}
                            </p>
                        </header>
                        {metric.map(|(name, change)| view! {
                            <p class="metric-line"><strong>{name}": "</strong><span class="change">{change}</span></p>
                        })}
                        <p class="hours">{hours}</p>
                        {(!fields.is_empty()).then(|| view! {
                            <dl class="template">
                                {fields.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                            </dl>
                        })}
                        <p class="row-actions">
                            <button type="button" class="link" aria-label=edit_label.clone() on:click=move |_| editing.set(true) disabled=move || app.is_read_only()>"Edit"</button>
                            <DeleteEntry kind=RecordKind::Assignment id=id what=what.clone()/>
                        </p>
                    }
                }
            }>
                <DraftForm draft=draft label="Edit micro-assignment" on_submit=save>
                    {form.view()}
                    <FormButtons save_label="Save micro-assignment" on_cancel=cancel/>
                </DraftForm>
            </Show>
        </li>
    }
}
