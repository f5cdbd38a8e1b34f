//! The 1:1 log, on the checklist: an agenda, two coaching questions, one development goal and
//! follow-ups. Open follow-ups come back on the next 1:1 with the same person until ticked.
//! A snippet from the library can be dropped into the agenda.

use crate::sort::StableSort as _;
use leptos::prelude::*;

use crate::content::snippets::STARTER_SNIPPETS;
use crate::logic::actions::Action;
use crate::logic::journey::{carried_over, checklist_gaps, follow_ups_from_lines, open_follow_ups};
use crate::logic::records::Record;
use crate::model::{Date, FollowUp, Id, OneOnOne, RecordKind, Timestamp};
use crate::ui::browser;
use crate::ui::forms::{
    id_value, person_value, AreaField, DateField, DeleteEntry, DraftForm, FormButtons, FormDraft,
    PersonField, TextField,
};
use crate::ui::state::use_app;
use crate::ui::widgets::{date_value, fmt_date, parse_date};

/// The person of a candidacy (nil when it is gone).
fn person_of(candidate_id: Id) -> Id {
    use_app().ws.with_untracked(|ws| {
        ws.candidate(candidate_id)
            .map_or(Id::nil(), |c| c.person_id)
    })
}

/// Snippets to offer for an agenda: (key, title, body), the organisation's own first.
fn snippet_choices(ws: &crate::model::Workspace) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = ws
        .snippets
        .iter()
        .map(|s| (s.id.to_string(), s.title.clone(), s.body.clone()))
        .collect();
    out.extend(
        STARTER_SNIPPETS
            .iter()
            .map(|s| (s.key.to_string(), s.title.to_string(), s.body.to_string())),
    );
    out
}

#[derive(Clone, Copy)]
struct OneOnOneForm {
    with: RwSignal<String>,
    on: RwSignal<String>,
    agenda: RwSignal<String>,
    q1: RwSignal<String>,
    q2: RwSignal<String>,
    goal: RwSignal<String>,
    notes: RwSignal<String>,
    /// The notes' author, when it is someone other than who uses this browser: the notes are
    /// private to them, so this form neither shows an input for them nor changes them.
    notes_by: Option<Id>,
    follow_ups: RwSignal<String>,
    snippet: RwSignal<String>,
}

impl OneOnOneForm {
    fn new(o: Option<&OneOnOne>, default_with: Option<Id>) -> Self {
        let q = |i: usize| {
            o.and_then(|o| o.questions.get(i).cloned())
                .unwrap_or_default()
        };
        let here = crate::ui::state::use_app().person_untracked();
        OneOnOneForm {
            notes_by: o.and_then(|o| o.author_id).filter(|a| Some(*a) != here),
            with: RwSignal::new(id_value(o.map_or(default_with, |o| o.with_id))),
            on: RwSignal::new(date_value(Some(
                o.map_or_else(browser::today, |o| o.held_on),
            ))),
            agenda: RwSignal::new(o.map(|o| o.agenda.clone()).unwrap_or_default()),
            q1: RwSignal::new(q(0)),
            q2: RwSignal::new(q(1)),
            goal: RwSignal::new(o.map(|o| o.goal.clone()).unwrap_or_default()),
            notes: RwSignal::new(o.map(|o| o.notes.clone()).unwrap_or_default()),
            follow_ups: RwSignal::new(
                o.map(|o| {
                    o.follow_ups
                        .iter()
                        .map(|f| f.text.as_str())
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .unwrap_or_default(),
            ),
            snippet: RwSignal::new(String::new()),
        }
    }

    /// Fills the inputs from a saved 1:1.
    fn load(self, o: &OneOnOne) {
        let fresh = OneOnOneForm::new(Some(o), None);
        for (to, from) in [
            (self.with, fresh.with),
            (self.on, fresh.on),
            (self.agenda, fresh.agenda),
            (self.q1, fresh.q1),
            (self.q2, fresh.q2),
            (self.goal, fresh.goal),
            (self.notes, fresh.notes),
            (self.follow_ups, fresh.follow_ups),
        ] {
            to.set(from.get_untracked());
        }
    }

    /// The 1:1 as it would be saved. Follow-ups are one per line; a line that matches an
    /// existing follow-up keeps its id and whether it was ticked.
    fn record(self, base: Option<&OneOnOne>, candidate_id: Id) -> Result<OneOnOne, String> {
        let author_here = || crate::ui::state::use_app().person_untracked();
        let held_on = parse_date(&self.on.get_untracked())
            .ok_or("Please enter the day of the 1:1.".to_string())?;
        let old: &[FollowUp] = base.map_or(&[], |b| b.follow_ups.as_slice());
        let follow_ups = follow_ups_from_lines(old, &self.follow_ups.get_untracked());
        let questions = [self.q1.get_untracked(), self.q2.get_untracked()]
            .into_iter()
            .map(|q| q.trim().to_string())
            .filter(|q| !q.is_empty())
            .collect();
        Ok(OneOnOne {
            id: base.map_or(Id::nil(), |b| b.id),
            candidate_id,
            // The author stays who wrote it; a new 1:1 is this browser's person's.
            author_id: base.map_or_else(author_here, |b| b.author_id),
            with_id: person_value(&self.with.get_untracked()),
            held_on,
            agenda: self.agenda.get_untracked().trim().to_string(),
            questions,
            goal: self.goal.get_untracked().trim().to_string(),
            // Someone else's notes are kept as they are (in a shared copy, withheld: empty).
            notes: match (self.notes_by, base) {
                (Some(_), Some(b)) => b.notes.clone(),
                _ => self.notes.get_untracked().trim().to_string(),
            },
            follow_ups,
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
        })
    }

    /// The inputs; `candidate_person` is left out of "With" (nobody holds a 1:1 with themself).
    fn view(self, candidate_person: Id) -> impl IntoView {
        let app = use_app();
        let snippets = app.ws.with_untracked(snippet_choices);
        let options = snippets.clone();
        let draft = use_context::<FormDraft>();
        let insert = move |_| {
            let key = self.snippet.get_untracked();
            if let Some((_, _, body)) = snippets.iter().find(|(k, _, _)| *k == key) {
                self.agenda.update(|a| {
                    if !a.trim().is_empty() {
                        a.push_str("\n\n");
                    }
                    a.push_str(body);
                });
                if let Some(d) = draft {
                    d.touched();
                }
            }
        };
        let snippet = self.snippet;
        view! {
            <PersonField label="With" value=self.with none_label="— someone not in Runway —" exclude=candidate_person/>
            <DateField label="Day" value=self.on required=true/>
            <AreaField label="Agenda" value=self.agenda rows=5/>
            <div class="snippet-insert wide">
                <label>"Snippet from the library"
                    <select prop:value=move || snippet.get() on:change=move |ev| snippet.set(event_target_value(&ev))>
                        <option value="">"— choose a snippet —"</option>
                        {options.into_iter().map(|(k, title, _)| view! { <option value=k>{title}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" class="secondary" on:click=insert disabled=move || snippet.get().is_empty()>"Add to agenda"</button>
            </div>
            <TextField label="Coaching question 1" value=self.q1 wide=true placeholder="What would make this week a good one for you?"/>
            <TextField label="Coaching question 2" value=self.q2 wide=true/>
            <TextField label="Development goal" value=self.goal wide=true/>
            {match self.notes_by {
                None => view! { <AreaField label="Notes" value=self.notes rows=3/> }.into_any(),
                Some(author) => {
                    let name = app.ws.with_untracked(|ws| ws.person_name(author).to_string());
                    view! { <p class="muted wide">{format!("The notes of this 1:1 are {name}'s own: only they can see or change them.")}</p> }.into_any()
                }
            }}
            <AreaField label="Follow-ups (one per line)" value=self.follow_ups rows=3 field="follow_ups"/>
        }
    }
}

/// A follow-up with its tick box. Ticking records the day it was done: `on`.
#[component]
fn FollowUpTick(
    one_on_one_id: Id,
    follow_up: FollowUp,
    on: Date,
    #[prop(optional, into)] from: String,
) -> impl IntoView {
    let app = use_app();
    let done = follow_up.done_on.is_some();
    let label = if from.is_empty() {
        follow_up.text.clone()
    } else {
        format!("{} (from {from})", follow_up.text)
    };
    let fid = follow_up.id;
    view! {
        <li>
            <label class="check">
                <input type="checkbox" checked=done disabled=move || app.is_read_only()
                    on:change=move |ev| {
                        let tick = event_target_checked(&ev);
                        app.act(
                            Action::TickFollowUp { one_on_one_id, follow_up_id: fid, done_on: tick.then_some(on) },
                            if tick { "Ticked off the follow-up." } else { "Opened the follow-up again." },
                        );
                    }/>
                <span class:done=done>{label}</span>
            </label>
            {follow_up.done_on.map(|d| view! { <span class="muted">{format!(" done {}", fmt_date(d))}</span> })}
        </li>
    }
}

/// Open editors, kept by the section rather than by each card: a card is redrawn when its 1:1
/// changes (a follow-up ticked on a later 1:1), and what is being typed must survive that.
#[derive(Clone, Copy)]
struct Edits {
    open: StoredValue<std::collections::HashMap<Id, (RwSignal<bool>, OneOnOneForm)>>,
    owner: StoredValue<Option<Owner>>,
}

impl Edits {
    fn new() -> Self {
        Edits {
            open: StoredValue::new(Default::default()),
            owner: StoredValue::new(Owner::current()),
        }
    }

    /// The editing flag and form of a 1:1, made once (owned by the section) and then reused.
    fn for_record(self, o: &OneOnOne) -> (RwSignal<bool>, OneOnOneForm) {
        if let Some(found) = self.open.with_value(|m| m.get(&o.id).copied()) {
            return found;
        }
        // A draft left from before opens the editor, to be seen.
        let has_draft = FormDraft::exists(&draft_key(o.id));
        let make = || (RwSignal::new(has_draft), OneOnOneForm::new(Some(o), None));
        let made = match self.owner.get_value() {
            Some(owner) => owner.with(make),
            None => make(),
        };
        self.open.update_value(|m| {
            m.insert(o.id, made);
        });
        made
    }
}

/// The draft of the editor of the 1:1 `id`.
fn draft_key(id: Id) -> String {
    format!("one-on-one/{id}")
}

#[component]
pub fn OneOnOnesSection(id: Id) -> impl IntoView {
    let app = use_app();
    let edits = Edits::new();
    // The other side of a candidate's 1:1.
    let me = app.person_untracked();
    let default_with = app.ws.with_untracked(|ws| {
        let coaches = ws
            .candidate(id)
            .and_then(|c| ws.cohort(c.cohort_id))
            .map(|c| c.coach_ids.clone())
            .unwrap_or_default();
        // Whoever logs it held it (a coach, or the sponsor), unless it is the candidate, whose
        // 1:1 is with their coach.
        let candidate_person = ws.candidate(id).map(|c| c.person_id);
        me.filter(|m| Some(*m) != candidate_person)
            .or_else(|| coaches.first().copied())
    });
    let form = OneOnOneForm::new(None, default_with);
    let new_key = format!("one-on-one/{id}/new");
    let has_draft = FormDraft::exists(&new_key);
    let draft = FormDraft::new(new_key, "New 1:1");
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.record(None, id) {
            Ok(o) => {
                if draft
                    .save(Action::Put(Record::OneOnOne(o)), "Saved the 1:1.")
                    .is_some()
                {
                    for s in [
                        form.agenda,
                        form.q1,
                        form.q2,
                        form.goal,
                        form.notes,
                        form.follow_ups,
                    ] {
                        s.set(String::new());
                    }
                }
            }
            Err(e) => app.warn(&e),
        }
    };
    // Follow-ups still open with the person chosen in the form, as of the form's day.
    let open = move || {
        let with = person_value(&form.with.get());
        let on = parse_date(&form.on.get()).unwrap_or_else(browser::today);
        app.ws.with(|ws| {
            open_follow_ups(ws, id, with, on)
                .into_iter()
                .map(|c| (c.from.id, c.follow_up.clone(), fmt_date(c.from.held_on)))
                .collect::<Vec<_>>()
        })
    };
    // The open next steps of a "not yet" plan for this candidate's person.
    let plan_steps = move || {
        app.ws.with(|ws| {
            ws.candidate(id).map_or(Vec::new(), |k| {
                crate::logic::promotion::plan_follow_ups(ws, k.person_id, id)
            })
        })
    };
    let list = move || {
        app.ws.with(|ws| {
            let mut l: Vec<OneOnOne> = ws
                .one_on_ones
                .iter()
                .filter(|o| o.candidate_id == id)
                .cloned()
                .collect();
            l.stable_sort_by(|a, b| {
                b.held_on
                    .cmp(&a.held_on)
                    .then(b.created_at.cmp(&a.created_at))
            });
            l
        })
    };
    view! {
        <p class="muted">"Each 1:1 follows the checklist: an agenda, two coaching questions, one development goal and the follow-ups agreed. Open follow-ups come back on the next 1:1 with the same person until someone ticks them off."</p>
        <details class="panel" open=has_draft>
            <summary>"Log a 1:1"</summary>
            {move || {
                let items = open();
                let on = parse_date(&form.on.get()).unwrap_or_else(browser::today);
                (!items.is_empty()).then(|| view! {
                    <section class="carried" aria-label="Open follow-ups">
                        <h2>"Open follow-ups from earlier 1:1s"</h2>
                        <ul class="follow-ups">
                            {items.into_iter().map(|(oid, f, from)| view! { <FollowUpTick one_on_one_id=oid follow_up=f on=on from=from/> }).collect_view()}
                        </ul>
                    </section>
                })
            }}
            {move || {
                let plan = plan_steps();
                (!plan.is_empty()).then(|| view! {
                    <section class="carried plan-steps" aria-label="From the promotion plan">
                        <h2>"From the promotion plan"</h2>
                        <p class="muted small">"Next steps agreed after a “not yet”, to come back to until the gap is closed."</p>
                        <ul>{plan.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
                        <button type="button" class="secondary" on:click=move |_| {
                            form.follow_ups.update(|f| {
                                for line in plan_steps() {
                                    if !f.lines().any(|l| l.trim() == line) {
                                        if !f.trim().is_empty() { f.push('\n'); }
                                        f.push_str(&line);
                                    }
                                }
                            });
                        }>"Add them to this 1:1's follow-ups"</button>
                    </section>
                })
            }}
            <DraftForm draft=draft label="New 1:1" on_submit=add>
                {form.view(person_of(id))}
                <FormButtons save_label="Save 1:1"/>
            </DraftForm>
        </details>
        <ul class="entries">
            <For each=list key=|o| (o.id, o.updated_at) let:o>
                <OneOnOneCard o=o edits=edits/>
            </For>
        </ul>
        {move || list().is_empty().then(|| view! { <p class="muted">"No 1:1s logged yet."</p> })}
    }
}

#[component]
fn OneOnOneCard(o: OneOnOne, edits: Edits) -> impl IntoView {
    let app = use_app();
    let (editing, form) = edits.for_record(&o);
    let oid_for_save = o.id;
    let draft = FormDraft::new(
        draft_key(o.id),
        format!("Edit the 1:1 on {}", fmt_date(o.held_on)),
    );
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // The 1:1 as it is now (a follow-up may have been ticked meanwhile), with the edits.
        let Some(base) = app.ws.with_untracked(|ws| {
            ws.one_on_ones
                .iter()
                .find(|x| x.id == oid_for_save)
                .cloned()
        }) else {
            return app.warn("This 1:1 no longer exists (it may have been deleted).");
        };
        match form.record(Some(&base), base.candidate_id) {
            Ok(r) => {
                if draft
                    .save(Action::Put(Record::OneOnOne(r)), "Saved the 1:1.")
                    .is_some()
                {
                    editing.set(false);
                }
            }
            Err(e) => app.warn(&e),
        }
    };
    let cancel = Callback::new(move |_| editing.set(false));
    let with = app.ws.with_untracked(|ws| {
        o.with_id.map_or("someone not in Runway".to_string(), |p| {
            ws.person_name(p).to_string()
        })
    });
    let title = format!("1:1 with {with} on {}", fmt_date(o.held_on));
    let form_title = title.clone();
    let oid = o.id;
    let carried = move || {
        app.ws.with(|ws| {
            ws.one_on_ones
                .iter()
                .find(|x| x.id == oid)
                .map(|me| {
                    carried_over(ws, me)
                        .into_iter()
                        .map(|c| (c.from.id, c.follow_up.clone(), fmt_date(c.from.held_on)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let held_on = o.held_on;
    view! {
        <li class="card entry" id=format!("r-{oid}")>
            <Show when=move || editing.get() fallback={
                let o = o.clone();
                let title = title.clone();
                move || {
                    let today = browser::today();
                    view! {
                        <header><h3>{title.clone()}</h3></header>
                        {(!o.agenda.is_empty()).then(|| view! { <h4>"Agenda"</h4><p class="body">{o.agenda.clone()}</p> })}
                        {(!o.questions.is_empty()).then(|| view! {
                            <h4>"Coaching questions"</h4>
                            <ol>{o.questions.iter().map(|q| view! { <li>{q.clone()}</li> }).collect_view()}</ol>
                        })}
                        {(!o.goal.is_empty()).then(|| view! { <p><strong>"Development goal: "</strong>{o.goal.clone()}</p> })}
                        {
                            let gaps = checklist_gaps(&o);
                            (!gaps.is_empty()).then(|| view! { <p class="muted">{format!("Checklist: {}.", gaps.join(", "))}</p> })
                        }
                        {(!o.notes.is_empty()).then(|| view! { <p class="body">{o.notes.clone()}</p> })}
                        {move || {
                            let c = carried();
                            (!c.is_empty()).then(|| view! {
                                <h4>"Carried over"</h4>
                                <ul class="follow-ups">{c.into_iter().map(|(from_id, f, from)| view! { <FollowUpTick one_on_one_id=from_id follow_up=f on=held_on from=from/> }).collect_view()}</ul>
                            })
                        }}
                        {(!o.follow_ups.is_empty()).then(|| view! {
                            <h4>"Follow-ups"</h4>
                            <ul class="follow-ups">{o.follow_ups.iter().map(|f| view! { <FollowUpTick one_on_one_id=oid follow_up=f.clone() on=today/> }).collect_view()}</ul>
                        })}
                        <p class="row-actions">
                            <button type="button" class="link" aria-label=format!("Edit the {title}") on:click=move |_| {
                                // Start from the 1:1 as it is now.
                                if let Some(now) = app.ws.with_untracked(|ws| ws.one_on_ones.iter().find(|x| x.id == oid).cloned()) {
                                    form.load(&now);
                                }
                                editing.set(true);
                            } disabled=move || app.is_read_only()>"Edit"</button>
                            <DeleteEntry kind=RecordKind::OneOnOne id=oid what=format!("the {title}")/>
                        </p>
                    }
                }
            }>
                <DraftForm draft=draft label=format!("Edit the {form_title}") on_submit=save>
                    {form.view(person_of(o.candidate_id))}
                    <FormButtons save_label="Save 1:1" on_cancel=cancel/>
                </DraftForm>
            </Show>
        </li>
    }
}
