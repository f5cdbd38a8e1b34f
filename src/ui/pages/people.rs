use crate::sort::StableSort as _;
use leptos::prelude::*;

use crate::ui::link;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::logic::actions::{Action, PersonFields};
use crate::logic::records::impact::person_deletion_impact;
use crate::model::{Person, TrackLevel};
use crate::ui::forms::{ChoiceField, DateField, DraftForm, FormDraft, TextField};
use crate::ui::pages::people_import::PeopleImport;
use crate::ui::pages::{existing_route_id, Missing};
use crate::ui::state::use_app;
use crate::ui::widgets::{date_value, fmt_date, parse_date, ConfirmDialog};

fn fields_of(p: &Person) -> PersonFields {
    PersonFields {
        name: p.name.clone(),
        email: p.email.clone(),
        team: p.team.clone(),
        role_title: p.role_title.clone(),
        level: None,
        joined_on: p.joined_on,
        left_on: p.left_on,
    }
}

fn blank() -> PersonFields {
    PersonFields {
        name: String::new(),
        email: None,
        team: String::new(),
        role_title: String::new(),
        level: Some(TrackLevel::IC3),
        joined_on: None,
        left_on: None,
    }
}

/// Add or edit a person. `on_submit` saves through the form's draft (so a refusal shows next
/// to its fields) and returns true when the edit was accepted.
#[component]
fn PersonForm(
    initial: PersonFields,
    #[prop(into)] submit_label: String,
    on_submit: Callback<(PersonFields, FormDraft), bool>,
    #[prop(default = false)] reset_after: bool,
    /// Which form this is, for its draft ("person/new", "person/<id>").
    #[prop(into)]
    draft_key: String,
) -> impl IntoView {
    let draft = FormDraft::new(draft_key, submit_label.clone());
    let name = RwSignal::new(initial.name.clone());
    let email = RwSignal::new(initial.email.clone().unwrap_or_default());
    let team = RwSignal::new(initial.team.clone());
    let role = RwSignal::new(initial.role_title.clone());
    // The level is asked only of a new person (their first level move); afterwards it
    // changes by recording a move in their level history.
    let asks_level = initial.level.is_some();
    let level = RwSignal::new(initial.level.unwrap_or_default().code().to_string());
    let joined = RwSignal::new(date_value(initial.joined_on));
    let left = RwSignal::new(date_value(initial.left_on));
    let joined_input = NodeRef::<leptos::html::Input>::new();
    let left_input = NodeRef::<leptos::html::Input>::new();
    let app = use_app();
    let levels: Vec<(String, String)> = TrackLevel::ALL
        .into_iter()
        .map(|l| (l.code().to_string(), l.code().to_string()))
        .collect();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // A half-typed date reads as "" — refuse it rather than erase the stored date.
        for (input, what) in [(joined_input, "Joined on"), (left_input, "Left on")] {
            if input
                .get_untracked()
                .is_some_and(|i| i.validity().bad_input())
            {
                app.warn(&format!(
                    "{what} is not a complete date. Finish it or clear it."
                ));
                return;
            }
        }
        let fields = PersonFields {
            name: name.get_untracked(),
            email: Some(email.get_untracked()),
            team: team.get_untracked(),
            role_title: role.get_untracked(),
            level: asks_level
                .then(|| TrackLevel::from_code(&level.get_untracked()))
                .flatten(),
            joined_on: parse_date(&joined.get_untracked()),
            left_on: parse_date(&left.get_untracked()),
        };
        if !on_submit.run((fields, draft)) {
            return;
        }
        draft.saved();
        if reset_after {
            for s in [name, email, team, role, joined, left] {
                s.set(String::new());
            }
        }
    };
    view! {
        <DraftForm draft=draft label=submit_label.clone() on_submit=submit>
            <TextField label="Name" value=name required=true autocomplete="off" field="name"/>
            <TextField label="Email (optional)" value=email kind="email" autocomplete="off" field="email"/>
            <TextField label="Team" value=team/>
            <TextField label="Role title" value=role/>
            {asks_level.then(|| view! { <ChoiceField label="Track level when they joined" value=level options=levels.clone()/> })}
            <DateField label="Joined on" value=joined input_ref=joined_input/>
            <DateField label="Left on (if they left)" value=left input_ref=left_input field="left_on"/>
            <div class="actions"><button type="submit" disabled=move || app.is_read_only()>{submit_label}</button></div>
        </DraftForm>
    }
}

#[component]
pub fn PeoplePage() -> impl IntoView {
    let app = use_app();
    let filter = RwSignal::new(String::new());
    let rows = move || {
        let q = filter.get().to_lowercase();
        app.ws.with(|ws| {
            let mut people: Vec<_> = ws
                .people
                .iter()
                .filter(|p| {
                    q.is_empty()
                        || p.name.to_lowercase().contains(&q)
                        || p.team.to_lowercase().contains(&q)
                })
                .map(|p| {
                    let cands = ws.candidacies_of(p.id).count();
                    (
                        p.id,
                        p.name.clone(),
                        p.team.clone(),
                        p.role_title.clone(),
                        crate::logic::track::level_code(ws, p.id),
                        p.left_on,
                        cands,
                    )
                })
                .collect();
            people.stable_sort_by_key(|r| r.1.to_lowercase());
            people
        })
    };
    let add = Callback::new(move |(fields, draft): (PersonFields, FormDraft)| {
        let name = fields.name.trim().to_string();
        draft
            .submit(Action::AddPerson(fields), &format!("Added {name}."))
            .is_some()
    });
    view! {
        <section class="page">
            <h1>"People"</h1>
            <details class="panel" open=app.ws.with_untracked(|ws| ws.people.is_empty()) || FormDraft::exists("person/new")>
                <summary>"Add a person"</summary>
                <PersonForm initial=blank() submit_label="Add person" on_submit=add reset_after=true draft_key="person/new"/>
            </details>
            <details class="panel">
                <summary>"Import people from a spreadsheet (CSV)"</summary>
                <PeopleImport/>
            </details>
            <label class="filter">"Filter by name or team" <input type="search" bind:value=filter/></label>
            <Show when=move || !rows().is_empty() fallback=|| view! { <p class="muted">"No people yet."</p> }>
                <div class="table-wrap">
                    <table>
                        <caption class="sr-only">"People in this workspace"</caption>
                        <thead><tr><th scope="col">"Name"</th><th scope="col">"Team"</th><th scope="col">"Role"</th><th scope="col">"Level"</th><th scope="col">"Candidacies"</th></tr></thead>
                        <tbody>
                            <For each=rows key=|r| (r.0, r.1.clone(), r.2.clone(), r.3.clone(), r.4, r.5, r.6) let((id, name, team, role, level, left, cands))>
                                <tr>
                                    <td>
                                        <A href=link(&format!("/people/{id}"))>{name}</A>
                                        {left.map(|d| view! { <span class="badge muted">{format!("left {}", fmt_date(d))}</span> })}
                                    </td>
                                    <td>{team}</td>
                                    <td>{role}</td>
                                    <td>{level}</td>
                                    <td>{cands}</td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

#[component]
pub fn PersonPage() -> impl IntoView {
    let app = use_app();
    let found = existing_route_id(|ws, id| ws.person(id).is_some());
    move || {
        let person = found
            .get()
            .0
            .and_then(|id| app.ws.with_untracked(|ws| ws.person(id).cloned()));
        match person {
            None => view! { <Missing what="person" back="/people" back_label="Back to people"/> }
                .into_any(),
            Some(p) => view! { <PersonDetail person=p/> }.into_any(),
        }
    }
}

#[component]
fn PersonDetail(person: Person) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let pid = person.id;
    let current = move || app.ws.with(|ws| ws.person(pid).cloned());
    let save = Callback::new(move |(fields, draft): (PersonFields, FormDraft)| {
        // Say when a date goes away, so a slip of the keyboard doesn't pass unnoticed.
        let mut done = "Saved changes.".to_string();
        if let Some(before) = current() {
            for (had, has, what) in [
                (before.joined_on, fields.joined_on, "joined"),
                (before.left_on, fields.left_on, "left"),
            ] {
                if had.is_some() && has.is_none() {
                    done.push_str(&format!(" The {what} date was cleared."));
                }
            }
        }
        draft
            .submit(Action::UpdatePerson { id: pid, fields }, &done)
            .is_some()
    });
    let confirm = RwSignal::new(false);
    // Worked out only while the dialog is open (it walks every record), once per change.
    let impact = Memo::new(move |_| {
        if confirm.get() {
            app.ws.with(|ws| person_deletion_impact(ws, pid).lines)
        } else {
            Vec::new()
        }
    });
    let intro = Signal::derive(move || {
        let name = current().map(|p| p.name).unwrap_or_default();
        {
            if impact.with(|l| l.is_empty()) {
                format!(
                    "{name} is not a candidate, sponsor or coach anywhere. Only their record goes."
                )
            } else {
                format!("Deleting {name} also removes:")
            }
        }
    });
    let delete = Callback::new(move |_| {
        if app
            .act(Action::DeletePerson { id: pid }, "Deleted.")
            .is_some()
        {
            navigate("/people", Default::default());
        }
    });
    let candidacies = move || {
        app.ws.with(|ws| {
            ws.candidacies_of(pid)
                .map(|c| {
                    let cohort = ws
                        .cohort(c.cohort_id)
                        .map(|k| k.name.clone())
                        .unwrap_or_default();
                    (c.id, cohort, c.status)
                })
                .collect::<Vec<_>>()
        })
    };
    // Where this person leads or takes part, each with a link where there is a page for it.
    let roles = move || {
        app.ws.with(|ws| {
            let mut out: Vec<(Option<String>, String)> = Vec::new();
            for c in &ws.cohorts {
                if c.sponsor_id == Some(pid) {
                    out.push((
                        Some(link(&format!("/cohorts/{}", c.id))),
                        format!("Sponsor of {}", c.name),
                    ));
                }
                if c.coach_ids.contains(&pid) {
                    out.push((
                        Some(link(&format!("/cohorts/{}", c.id))),
                        format!("Coach of {}", c.name),
                    ));
                }
            }
            for i in ws.interviews.iter().filter(|i| i.interviewer_id == pid) {
                if let Some(k) = ws.candidate(i.candidate_id) {
                    out.push((
                        Some(link(&format!("/candidates/{}/selection", k.id))),
                        format!("Interviewer of {}", ws.person_name(k.person_id)),
                    ));
                }
            }
            for k in ws.candidates.iter().filter(|k| {
                k.person_id != pid && k.nomination.as_ref().is_some_and(|n| n.by == Some(pid))
            }) {
                out.push((
                    Some(link(&format!("/candidates/{}/selection", k.id))),
                    format!("Nominated {}", ws.person_name(k.person_id)),
                ));
            }
            let retros = ws.retros.iter().filter(|r| r.person_id == pid).count();
            if retros > 0 {
                out.push((
                    None,
                    format!(
                        "{retros} leadership retrospective{}",
                        if retros == 1 { "" } else { "s" }
                    ),
                ));
            }
            out
        })
    };
    view! {
        <section class="page">
            <p class="crumbs"><A href=link("/people")>"People"</A> " / "</p>
            <h1>{move || current().map(|p| p.name)}</h1>
            <p class="muted">{move || current().map(|p| format!("{} · {} · {}", app.ws.with(|ws| crate::logic::track::level_code(ws, p.id)), if p.role_title.is_empty() { "No role title" } else { &p.role_title }, if p.team.is_empty() { "No team" } else { &p.team }))}</p>
            <crate::ui::pages::track::history::LevelHistory person_id=pid/>
            <crate::ui::pages::track::trial::TrialPanel person_id=pid/>
            <crate::ui::pages::track::next_level::NextLevelPanel person_id=pid/>
            <crate::ui::pages::track::ladder::LadderPanel person_id=pid/>
            <crate::ui::pages::promotion::PromotionPanel person_id=pid/>
            <Show when=move || !candidacies().is_empty()>
                <h2>"Candidacies"</h2>
                <ul>
                    {move || candidacies().into_iter().map(|(cid, cohort, status)| view! {
                        <li><A href=link(&format!("/candidates/{cid}"))>{cohort}</A> " — " {status.label()}</li>
                    }).collect_view()}
                </ul>
            </Show>
            <Show when=move || !roles().is_empty()>
                <h2>"Roles in the program"</h2>
                <ul>
                    {move || roles().into_iter().map(|(href, text)| match href {
                        Some(h) => view! { <li><A href=h>{text}</A></li> }.into_any(),
                        None => view! { <li>{text}</li> }.into_any(),
                    }).collect_view()}
                </ul>
                <p class="hint">"Sponsors and coaches are set on a cohort's page (Settings); interviewers add their scorecard in a candidate's Selection section."</p>
            </Show>
            <h2>"Details"</h2>
            <PersonForm initial=fields_of(&person) submit_label="Save changes" on_submit=save draft_key=format!("person/{}", person.id)/>
            <h2>"Delete"</h2>
            <p>"Deleting a person removes them everywhere in this workspace. You will see what goes with them first."</p>
            <button type="button" class="danger" on:click=move |_| confirm.set(true) disabled=move || app.is_read_only()>"Delete person…"</button>
            <ConfirmDialog open=confirm title="Delete this person?" intro=intro lines=impact confirm_label="Delete person" on_confirm=delete/>
        </section>
    }
}
