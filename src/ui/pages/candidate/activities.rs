//! The candidate's activities: workshops, shadowing sessions, coaching labs and the rest, planned
//! ahead or logged after. Each shows the phase it falls in; planned ones whose day has passed
//! are marked overdue and can be marked done in one click.

use crate::sort::StableSort as _;
use leptos::prelude::*;

use crate::logic::actions::Action;
use crate::logic::journey::groups::{active_candidates, group_line, Repeat, MAX_WEEKLY_SESSIONS};
use crate::logic::journey::{activity_overdue, phase_of};
use crate::logic::records::Record;
use crate::model::{Activity, ActivityKind, Id, RecordKind, Timestamp, Visibility, Workspace};
use crate::ui::browser;
use crate::ui::drafts::{draft_field, field_problem, problem_view, Bound};
use crate::ui::forms::{
    id_value, person_value, AreaField, CheckField, ChoiceField, DateField, DeleteEntry, DraftForm,
    Folding, FormButtons, FormDraft, NumberField, PeopleField, TextField, TimeField,
};
use crate::ui::pages::candidate::section_href;
use crate::ui::state::use_app;
use crate::ui::widgets::{date_value, fmt_date, parse_date};

/// The title a new activity of this kind starts with.
pub fn default_title(kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::Workshop => "Foundations workshop",
        ActivityKind::Shadowing => "Shadowing session",
        ActivityKind::PairedLeadership => "Co-led a team meeting",
        ActivityKind::CoachingLab => "Coaching lab role-play",
        ActivityKind::StakeholderRotation => "Time with a partner team",
        ActivityKind::Reflection => "Reflection with my coach",
        ActivityKind::PracticeOneOnOne => "Practice 1:1",
        ActivityKind::Dispute => "Disagreement worked through with my coach",
        ActivityKind::AssignmentWork => "Micro-assignment work",
    }
}

/// "45 min", "1 h", "1 h 30 min".
pub fn fmt_minutes(m: u32) -> String {
    match (m / 60, m % 60) {
        (0, r) => format!("{r} min"),
        (h, 0) => format!("{h} h"),
        (h, r) => format!("{h} h {r} min"),
    }
}

/// The candidate's assignments as select options, soonest deadline first.
fn assignment_choices(ws: &Workspace, candidate_id: Id) -> Vec<(Id, String)> {
    let mut list: Vec<_> = ws
        .assignments
        .iter()
        .filter(|a| a.candidate_id == candidate_id)
        .collect();
    list.stable_sort_by_key(|a| (a.ends_on, a.title.to_lowercase()));
    list.into_iter().map(|a| (a.id, a.title.clone())).collect()
}

/// The inputs of an activity, as typed.
#[derive(Clone, Copy)]
struct ActivityForm {
    candidate_id: Id,
    kind: RwSignal<String>,
    title: RwSignal<String>,
    on: RwSignal<String>,
    at: RwSignal<String>,
    minutes: RwSignal<String>,
    done: RwSignal<bool>,
    with: RwSignal<Vec<Id>>,
    notes: RwSignal<String>,
    noticed: RwSignal<String>,
    differently: RwSignal<String>,
    assignment: RwSignal<String>,
    journal: RwSignal<Vec<Id>>,
    /// The other candidacies taking part (a group session).
    group: RwSignal<Vec<Id>>,
    /// Offered only for a new session.
    repeat: Option<RepeatInputs>,
}

/// "Repeat weekly": how (not, a number of sessions, until a day), as typed.
#[derive(Clone, Copy)]
pub(crate) struct RepeatInputs {
    mode: RwSignal<String>,
    count: RwSignal<String>,
    until: RwSignal<String>,
}

impl RepeatInputs {
    pub(crate) fn new() -> Self {
        RepeatInputs {
            mode: RwSignal::new("none".into()),
            count: RwSignal::new("4".into()),
            until: RwSignal::new(String::new()),
        }
    }

    pub(crate) fn reset(self) {
        self.mode.set("none".into());
    }

    /// The repeat asked for (`None`: just this one), or what is wrong with what was typed.
    pub(crate) fn repeat(self) -> Result<Option<Repeat>, String> {
        match self.mode.get_untracked().as_str() {
            "count" => {
                let text = self.count.get_untracked();
                text.trim()
                    .parse::<u32>()
                    .map(|n| Some(Repeat::Times(n)))
                    .map_err(|_| format!("“How many sessions” must be a whole number, e.g. 4 (at most {MAX_WEEKLY_SESSIONS})."))
            }
            "until" => parse_date(&self.until.get_untracked())
                .map(|d| Some(Repeat::Until(d)))
                .ok_or_else(|| "Please enter the day to repeat until.".to_string()),
            _ => Ok(None),
        }
    }

    pub(crate) fn view(self) -> impl IntoView {
        let options = vec![
            ("none".to_string(), "Just this once".to_string()),
            ("count".to_string(), "Weekly, a number of times".to_string()),
            ("until".to_string(), "Weekly, until a day".to_string()),
        ];
        let mode = self.mode;
        view! {
            <fieldset class="repeat wide">
                <legend>"Repeat weekly"</legend>
                <p class="muted">"Each week gets its own planned session on the same weekday, so each can be logged or changed on its own. Up to the cohort's last day, and at most half a year at once."</p>
                <ChoiceField label="Repeat" value=mode options=options/>
                {move || match mode.get().as_str() {
                    "count" => view! { <NumberField label="How many sessions, this one included" value=self.count field="repeat"/> }.into_any(),
                    "until" => view! { <DateField label="Repeat until (included)" value=self.until field="repeat"/> }.into_any(),
                    _ => ().into_any(),
                }}
            </fieldset>
        }
    }
}

/// "Who takes part": checkboxes of the cohort's candidates (but `exclude`, the one the session
/// is filed under), for a group session. A fieldset with a legend; plain checkboxes, so Tab and
/// Space work. Candidates already ticked stay offered even if no longer in the program.
#[component]
pub(crate) fn CandidatePicks(
    #[prop(into)] legend: String,
    #[prop(into)] hint: String,
    cohort_id: Id,
    #[prop(optional)] exclude: Option<Id>,
    value: RwSignal<Vec<Id>>,
) -> impl IntoView {
    let app = use_app();
    let people: Vec<(Id, String)> = app.ws.with_untracked(|ws| {
        let ticked = value.get_untracked();
        ws.candidates_in(cohort_id)
            .filter(|c| Some(c.id) != exclude)
            .filter(|c| {
                active_candidates(ws, cohort_id)
                    .iter()
                    .any(|a| a.id == c.id)
                    || ticked.contains(&c.id)
            })
            .map(|c| (c.id, ws.person_name(c.person_id).to_string()))
            .collect()
    });
    let touch = draft_field(&legend, Bound::People(value));
    let (problem, pid) = field_problem(Some("group"));
    let described = pid.clone();
    view! {
        <fieldset class="people wide" aria-describedby=move || problem.with(Option::is_some).then(|| described.clone())>
            <legend>{legend}</legend>
            <p class="muted">{hint}</p>
            {people.is_empty().then(|| view! { <p class="muted">"No other candidates in this cohort take part in the program now."</p> })}
            <div class="people-list">
                {people.into_iter().map(|(cid, name)| view! {
                    <label class="check">
                        <input type="checkbox"
                            prop:checked=move || value.with(|v| v.contains(&cid))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                value.update(|v| {
                                    v.retain(|x| *x != cid);
                                    if on { v.push(cid); }
                                });
                                touch();
                            }/>
                        {name}
                    </label>
                }).collect_view()}
            </div>
            {problem_view(problem, pid)}
        </fieldset>
    }
}

impl ActivityForm {
    fn new(candidate_id: Id, a: Option<&Activity>) -> Self {
        let kind = a.map_or(ActivityKind::Workshop, |a| a.kind);
        let form = ActivityForm {
            candidate_id,
            kind: RwSignal::new(kind.code().to_string()),
            title: RwSignal::new(a.map_or(default_title(kind).to_string(), |a| a.title.clone())),
            on: RwSignal::new(date_value(Some(a.map_or_else(browser::today, |a| a.on)))),
            at: RwSignal::new(
                a.and_then(|a| a.at)
                    .map(|t| t.format("%H:%M").to_string())
                    .unwrap_or_default(),
            ),
            minutes: RwSignal::new(a.map_or(60, |a| a.minutes).to_string()),
            done: RwSignal::new(a.is_some_and(|a| a.done)),
            with: RwSignal::new(a.map(|a| a.with.clone()).unwrap_or_default()),
            notes: RwSignal::new(a.map(|a| a.notes.clone()).unwrap_or_default()),
            noticed: RwSignal::new(a.map(|a| a.noticed.clone()).unwrap_or_default()),
            differently: RwSignal::new(a.map(|a| a.differently.clone()).unwrap_or_default()),
            assignment: RwSignal::new(id_value(a.and_then(|a| a.assignment_id))),
            journal: RwSignal::new(a.map(|a| a.journal_ids.clone()).unwrap_or_default()),
            group: RwSignal::new(a.map(|a| a.group.clone()).unwrap_or_default()),
            repeat: a.is_none().then(RepeatInputs::new),
        };
        // Changing the kind swaps the title too, unless the person wrote their own.
        let (kind_s, title_s) = (form.kind, form.title);
        Effect::new(move |prev: Option<String>| {
            let now = kind_s.get();
            if let Some(prev) = prev {
                let old = ActivityKind::from_code(&prev).map(default_title);
                let typed = title_s.get_untracked();
                if prev != now && (typed.trim().is_empty() || old == Some(typed.trim())) {
                    if let Some(k) = ActivityKind::from_code(&now) {
                        title_s.set(default_title(k).to_string());
                    }
                }
            }
            now
        });
        form
    }

    fn kind(self) -> ActivityKind {
        ActivityKind::from_code(&self.kind.get_untracked()).unwrap_or(ActivityKind::Workshop)
    }

    /// Empties the inputs for the next new activity (keeps the kind and the day).
    fn reset(self) {
        self.title.set(default_title(self.kind()).to_string());
        self.at.set(String::new());
        self.done.set(false);
        self.with.set(Vec::new());
        self.notes.set(String::new());
        self.noticed.set(String::new());
        self.differently.set(String::new());
        self.journal.set(Vec::new());
        if let Some(r) = self.repeat {
            r.reset();
        }
    }

    /// The activity as it would be saved (a nil id makes a new one), or what is wrong.
    fn activity(self, id: Id) -> Result<Activity, String> {
        let kind = self.kind();
        let title = self.title.get_untracked().trim().to_string();
        let on = parse_date(&self.on.get_untracked())
            .ok_or("Please enter the activity's date.".to_string())?;
        let at = crate::logic::journey::parse_start(&self.at.get_untracked())?;
        let minutes = crate::logic::journey::parse_minutes(&self.minutes.get_untracked())?;
        let shadowing = kind == ActivityKind::Shadowing;
        let debrief = |s: RwSignal<String>| {
            if shadowing {
                s.get_untracked().trim().to_string()
            } else {
                String::new()
            }
        };
        Ok(Activity {
            id,
            candidate_id: self.candidate_id,
            group: self.group.get_untracked(),
            kind,
            title,
            on,
            at,
            minutes,
            done: self.done.get_untracked(),
            with: self.with.get_untracked(),
            notes: self.notes.get_untracked().trim().to_string(),
            noticed: debrief(self.noticed),
            differently: debrief(self.differently),
            assignment_id: (kind == ActivityKind::AssignmentWork)
                .then(|| person_value(&self.assignment.get_untracked()))
                .flatten(),
            journal_ids: if kind == ActivityKind::Reflection {
                self.journal.get_untracked()
            } else {
                Vec::new()
            },
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
        })
    }

    fn view(self) -> impl IntoView {
        let app = use_app();
        let kinds = ActivityKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), k.label().to_string()))
            .collect();
        let form = self;
        let kind = move || ActivityKind::from_code(&form.kind.get());
        let extra = move || match kind() {
            Some(ActivityKind::Shadowing) => view! {
                <AreaField label="Debrief: what I noticed" value=form.noticed field="noticed"/>
                <AreaField label="Debrief: what I would do differently" value=form.differently/>
            }
            .into_any(),
            Some(ActivityKind::AssignmentWork) => {
                let mut options = vec![(String::new(), "— not linked —".to_string())];
                options.extend(app.ws.with_untracked(|ws| {
                    assignment_choices(ws, form.candidate_id)
                        .into_iter()
                        .map(|(id, t)| (id.to_string(), t))
                }));
                view! { <ChoiceField label="For the micro-assignment" value=form.assignment options=options/> }
                    .into_any()
            }
            Some(ActivityKind::Reflection) => view! { <JournalPicks form=form/> }.into_any(),
            _ => ().into_any(),
        };
        view! {
            <ChoiceField label="Kind" value=self.kind options=kinds/>
            <TextField label="Title" value=self.title required=true wide=true field="title"/>
            <DateField label="Date" value=self.on required=true/>
            <TimeField label="Start time (optional)" value=self.at/>
            <NumberField label="Duration (minutes)" value=self.minutes required=true field="minutes"/>
            <CheckField label="Done (it took place)" value=self.done/>
            {
                let (cohort, name) = app.ws.with_untracked(|ws| (
                    ws.candidate(form.candidate_id).map(|c| c.cohort_id),
                    crate::logic::records::candidate_name(ws, form.candidate_id).to_string(),
                ));
                cohort.map(|cohort_id| view! {
                    <CandidatePicks legend="Who takes part" cohort_id=cohort_id exclude=form.candidate_id value=self.group
                        hint=format!("Filed under {name}. Tick other candidates of the cohort to make it a group session: one session for everyone, so a change shows for all.")/>
                })
            }
            <PeopleField legend="Who else took part" value=self.with exclude=app.ws.with_untracked(|ws| ws.candidate(form.candidate_id).map(|c| c.person_id)).unwrap_or_default()/>
            <AreaField label="Notes" value=self.notes/>
            {extra}
            {self.repeat.map(RepeatInputs::view)}
            {move || {
                // Only a shadowing session has a debrief: say so before it is dropped on save.
                let typed = !form.noticed.get().trim().is_empty()
                    || !form.differently.get().trim().is_empty();
                (typed && kind() != Some(ActivityKind::Shadowing)).then(|| view! {
                    <p class="error" role="status">"Only a shadowing session keeps a debrief: saving as this kind removes the debrief written for it. Switch the kind back to Shadowing session to keep it."</p>
                })
            }}
        }
    }
}

/// Checkboxes of the candidate's journal entries, for a reflection session.
#[component]
fn JournalPicks(form: ActivityForm) -> impl IntoView {
    let app = use_app();
    let entries = app.ws.with_untracked(|ws| {
        let mut list: Vec<_> = ws
            .journal
            .iter()
            .filter(|j| j.candidate_id == form.candidate_id)
            .map(|j| (j.id, j.on, j.title.clone(), j.visibility))
            .collect();
        list.stable_sort_by_key(|j| std::cmp::Reverse(j.1));
        list
    });
    let value = form.journal;
    view! {
        <fieldset class="people wide">
            <legend>"Journal entries to discuss"</legend>
            {entries.is_empty().then(|| view! { <p class="muted">"No journal entries yet: write some under Journal to pick them here."</p> })}
            <div class="people-list">
                {entries.into_iter().map(|(jid, on, title, vis)| view! {
                    <label class="check">
                        <input type="checkbox"
                            prop:checked=move || value.with(|v| v.contains(&jid))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                value.update(|v| {
                                    v.retain(|x| *x != jid);
                                    if on { v.push(jid); }
                                });
                            }/>
                        {format!("{} — {title}", fmt_date(on))}
                        {(vis == Visibility::Private).then(|| view! { <span class="badge private">"Private"</span> })}
                    </label>
                }).collect_view()}
            </div>
        </fieldset>
    }
}

#[component]
pub fn ActivitiesSection(id: Id) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let form = ActivityForm::new(id, None);
    let draft = FormDraft::new(format!("activity/{id}/new"), "New activity");
    let adding = RwSignal::new(draft.has_draft());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let repeat = match form.repeat.map_or(Ok(None), RepeatInputs::repeat) {
            Ok(r) => r,
            Err(e) => return app.warn(&e),
        };
        match form.activity(Id::nil()) {
            Ok(a) => {
                let (action, done) = match repeat {
                    Some(repeat) => (
                        Action::PlanWeekly {
                            activity: a,
                            repeat,
                        },
                        "Planned the weekly sessions.",
                    ),
                    None if a.done => (Action::Put(Record::Activity(a)), "Logged the activity."),
                    None => (Action::Put(Record::Activity(a)), "Planned the activity."),
                };
                if draft.save(action, done).is_some() {
                    form.reset();
                    adding.set(false);
                }
            }
            Err(e) => app.warn(&e),
        }
    };
    let list = move |want_done: bool| {
        app.ws.with(|ws| {
            let mut list: Vec<Activity> = ws
                .activities
                .iter()
                .filter(|a| a.involves(id) && a.done == want_done)
                .cloned()
                .collect();
            list.stable_sort_by_key(|a| (a.on, a.at, a.created_at));
            if want_done {
                list.reverse();
            }
            list
        })
    };
    let planned = move || list(false);
    let logged = move || list(true);
    view! {
        <p class="muted">"Plan sessions ahead, or log them once they took place. Each one shows the phase of the program it falls in."</p>
        <Folding open=adding summary=|| "Plan or log an activity">
            <DraftForm draft=draft label="New activity" on_submit=add>
                {form.view()}
                <FormButtons save_label="Save activity"/>
            </DraftForm>
        </Folding>
        <h2 id="planned-h">"Planned"</h2>
        {move || planned().is_empty().then(|| view! { <p class="muted">"Nothing planned. Plan the week's workshop, shadowing session and coaching lab above."</p> })}
        <ul class="entries" aria-labelledby="planned-h">
            <For each=planned key=|a| (a.id, a.updated_at) let:activity>
                <ActivityCard activity=activity today=today viewer=id/>
            </For>
        </ul>
        <h2 id="logged-h">"Done"</h2>
        {move || logged().is_empty().then(|| view! { <p class="muted">"Nothing logged yet."</p> })}
        <ul class="entries" aria-labelledby="logged-h">
            <For each=logged key=|a| (a.id, a.updated_at) let:activity>
                <ActivityCard activity=activity today=today viewer=id/>
            </For>
        </ul>
    }
}

#[component]
fn ActivityCard(
    activity: Activity,
    today: crate::model::Date,
    /// The candidate whose page shows the card.
    viewer: Id,
) -> impl IntoView {
    let app = use_app();
    let editing = RwSignal::new(false);
    let a = activity;
    let (id, candidate_id) = (a.id, a.candidate_id);
    let form = ActivityForm::new(candidate_id, Some(&a));
    let draft = FormDraft::new(
        format!("activity/{id}"),
        format!("Edit the activity “{}”", a.title),
    );
    if draft.has_draft() {
        editing.set(true);
    }
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.activity(id) {
            Ok(a) => {
                if draft
                    .save(Action::Put(Record::Activity(a)), "Saved the activity.")
                    .is_some()
                {}
            }
            Err(e) => app.warn(&e),
        }
    };
    let cancel = Callback::new(move |_| editing.set(false));
    let overdue = activity_overdue(&a, today);
    let mark_done = {
        let a = a.clone();
        move |_| {
            let mut a = a.clone();
            a.done = true;
            app.act(
                Action::Put(Record::Activity(a)),
                "Marked the activity done.",
            );
        }
    };
    // Names and links, read once: the card is rebuilt whenever the activity changes.
    let group = app.ws.with_untracked(|ws| group_line(ws, &a, Some(viewer)));
    let is_group = !a.group.is_empty();
    let (phase, with, assignment, journal) = app.ws.with_untracked(|ws| {
        let phase = ws
            .candidate(candidate_id)
            .and_then(|c| ws.cohort(c.cohort_id))
            .and_then(|c| phase_of(c, a.on));
        let with: Vec<String> = a
            .with
            .iter()
            .map(|p| ws.person_name(*p).to_string())
            .collect();
        let assignment = a
            .assignment_id
            .and_then(|x| ws.assignments.iter().find(|s| s.id == x))
            .map(|s| (s.id, s.title.clone()));
        let journal: Vec<_> = a
            .journal_ids
            .iter()
            .filter_map(|j| ws.journal.iter().find(|e| e.id == *j))
            .map(|e| (e.id, e.title.clone(), e.visibility))
            .collect();
        (phase, with, assignment, journal)
    });
    let what = format!("the activity “{}”", a.title);
    let edit_label = format!("Edit the activity “{}”", a.title);
    let done_label = format!("Mark done: {}", a.title);
    view! {
        <li class="card entry activity" id=format!("r-{id}") class:late=overdue class:done=a.done>
            <Show when=move || editing.get() fallback={
                let a = a.clone();
                let what = what.clone();
                let edit_label = edit_label.clone();
                let done_label = done_label.clone();
                let with = with.clone();
                let assignment = assignment.clone();
                let journal = journal.clone();
                let mark_done = mark_done.clone();
                move || {
                    let state = if a.done {
                        view! { <span class="badge ok">"Done"</span> }.into_any()
                    } else if overdue {
                        view! { <span class="badge late">"Overdue"</span> }.into_any()
                    } else {
                        view! { <span class="badge muted">"Planned"</span> }.into_any()
                    };
                    let when = match a.at {
                        Some(t) => format!("{} at {}", fmt_date(a.on), t.format("%H:%M")),
                        None => fmt_date(a.on),
                    };
                    view! {
                        <header>
                            <p class="kind">{a.kind.label()}</p>
                            <h3>{a.title.clone()}</h3>
                            <p class="meta">
                                <time datetime=a.on.to_string()>{when}</time>
                                <span>{fmt_minutes(a.minutes)}</span>
                                <span class="phase">{phase.map_or("Outside the phases".to_string(), |p| format!("{} phase", p.name()))}</span>
                                {state}
                            </p>
                        </header>
                        {group.clone().map(|g| view! { <p class="group-line"><span class="badge group">"Group session"</span> " " {g}</p> })}
                        {(!with.is_empty()).then(|| view! { <p><strong>"With: "</strong>{with.join(", ")}</p> })}
                        {(!a.notes.is_empty()).then(|| view! { <p class="body">{a.notes.clone()}</p> })}
                        {(!(a.noticed.is_empty() && a.differently.is_empty())).then(|| view! {
                            <dl class="debrief">
                                <div><dt>"What I noticed"</dt><dd>{a.noticed.clone()}</dd></div>
                                <div><dt>"What I would do differently"</dt><dd>{a.differently.clone()}</dd></div>
                            </dl>
                        })}
                        {assignment.clone().map(|(aid, t)| view! {
                            <p>"For " <a href=format!("{}#r-{aid}", section_href(candidate_id, "assignments"))>{t}</a></p>
                        })}
                        {(!journal.is_empty()).then(|| view! {
                            <p><strong>"To discuss: "</strong>
                                {journal.iter().enumerate().map(|(i, (jid, t, vis))| view! {
                                    {(i > 0).then_some(", ")}
                                    <a href=format!("{}#r-{jid}", section_href(candidate_id, "journal"))>{t.clone()}</a>
                                    {(*vis == Visibility::Private).then(|| view! { <span class="badge private">"Private"</span> })}
                                }).collect_view()}
                            </p>
                        })}
                        <p class="row-actions">
                            {(!a.done).then(|| view! {
                                <button type="button" class="small" aria-label=done_label.clone() on:click=mark_done.clone() disabled=move || app.is_read_only()>"Mark done"</button>
                            })}
                            <button type="button" class="link" aria-label=edit_label.clone() on:click=move |_| editing.set(true) disabled=move || app.is_read_only()>"Edit"</button>
                            // A group session goes for everyone taking part: only the coaches
                            // delete one.
                            {(!is_group || app.runs_candidacy(candidate_id)).then(|| view! {
                                <DeleteEntry kind=RecordKind::Activity id=id what=what.clone()/>
                            })}
                        </p>
                    }
                }
            }>
                <DraftForm draft=draft label="Edit activity" on_submit=save>
                    {form.view()}
                    <FormButtons save_label="Save activity" on_cancel=cancel/>
                </DraftForm>
            </Show>
        </li>
    }
}
