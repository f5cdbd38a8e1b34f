//! Settings: whose Runway this browser is (and acting for someone else), the organisation's
//! name, and the whole-workspace actions (the sample program, clearing this browser).

use leptos::prelude::*;

use crate::logic::actions::{Action, PersonFields};
use crate::logic::program::roles::roles_of;
use crate::model::{Id, Workspace};
use crate::ui::state::{use_app, AppState};
use crate::ui::widgets::{person_choices, ConfirmDialog};

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Settings"</h1>
            <WhoAmI/>
            <ActFor/>
            <Organisation/>
            <WholeWorkspace/>
        </section>
    }
}

/// "This is …'s Runway": pick yourself from the people here, or add yourself.
#[component]
pub fn WhoAmI() -> impl IntoView {
    let app = use_app();
    let chosen = RwSignal::new(
        app.me
            .get_untracked()
            .map(|p| p.to_string())
            .unwrap_or_default(),
    );
    Effect::new(move |_| chosen.set(app.me.get().map(|p| p.to_string()).unwrap_or_default()));
    let new_name = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let current = move || {
        app.me.get().and_then(|p| {
            app.ws.with(|ws| {
                ws.person(p)
                    .map(|person| (person.name.clone(), roles_of(ws, p).describe(ws)))
            })
        })
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Id::parse_str(&chosen.get_untracked()) {
            Ok(p) => {
                app.set_me(Some(p));
                problem.set(None);
                let name = app.ws.with_untracked(|ws| ws.person_name(p).to_string());
                app.say(&format!("This is now {name}'s Runway."));
            }
            Err(_) => problem.set(Some(
                "Pick yourself from the list, or add yourself below.".into(),
            )),
        }
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked().trim().to_string();
        if name.is_empty() {
            problem.set(Some("Type your name to add yourself.".into()));
            return;
        }
        let fields = PersonFields {
            name: name.clone(),
            email: None,
            team: String::new(),
            role_title: String::new(),
            level: None,
            joined_on: None,
            left_on: None,
        };
        match app.try_dispatch(Action::AddPerson(fields)) {
            Ok(Some(id)) => {
                app.set_me(Some(id));
                new_name.set(String::new());
                problem.set(None);
                app.say(&format!("Added you as {name}: this is now your Runway."));
            }
            Ok(None) => {}
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    view! {
        <section aria-labelledby="me-h">
            <h2 id="me-h">"Whose Runway this is"</h2>
            <p>{move || match current() {
                Some((name, roles)) => format!("This is {name}'s Runway ({roles})."),
                None => "This browser does not know who you are yet.".to_string(),
            }}</p>
            <p class="muted">"Say who you are once. Runway then fills you in as the author of journal entries and 1:1s, the rater of new assessments and the interviewer of scorecards, and shows the pages for what you do. It is kept in this browser only: no file carries it."</p>
            <form class="form inline" on:submit=save aria-label="Choose who you are">
                <label class="grow">"I am"
                    <select prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                        <option value="">"— pick yourself —"</option>
                        {move || app.ws.with(person_choices).into_iter().map(|(id, label)| view! { <option value=id.to_string()>{label}</option> }).collect_view()}
                    </select>
                </label>
                <button type="submit" disabled=move || app.is_read_only()>"This is me"</button>
            </form>
            <form class="form inline" on:submit=add aria-label="Add yourself">
                <label class="grow">"Not in the list? Your name" <input type="text" autocomplete="name" bind:value=new_name/></label>
                <button type="submit" class="secondary" disabled=move || app.is_read_only()>"Add me"</button>
            </form>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <Show when=move || app.me.get().is_some()>
                <button type="button" class="secondary small" on:click=move |_| { app.set_me(None); app.say("This browser no longer says who you are."); }>"Forget who I am in this browser"</button>
            </Show>
        </section>
    }
}

/// Acting for someone else: on purpose, shown in the header, for this tab only.
#[component]
fn ActFor() -> impl IntoView {
    let app = use_app();
    let chosen = RwSignal::new(String::new());
    let act = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Ok(p) = Id::parse_str(&chosen.get_untracked()) {
            app.acting_for.set(Some(p));
            let name = app.ws.with_untracked(|ws| ws.person_name(p).to_string());
            app.say(&format!(
                "Acting for {name} in this tab: what you save is in their name."
            ));
        }
    };
    view! {
        <section aria-labelledby="act-h">
            <h2 id="act-h">"Acting for someone else"</h2>
            <p class="muted">"Typing in someone's paper ratings or a 1:1 they ran? Act for them: Runway then fills in their name instead of yours, shows their blind ratings as theirs, and says so at the top of every page until you stop. It lasts for this tab only."</p>
            <form class="form inline" on:submit=act aria-label="Act for someone else">
                <label class="grow">"Act for"
                    <select prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                        <option value="">"— pick a person —"</option>
                        {move || {
                            let me = app.me.get();
                            app.ws.with(person_choices).into_iter().filter(|(id, _)| Some(*id) != me).map(|(id, label)| view! { <option value=id.to_string()>{label}</option> }).collect_view()
                        }}
                    </select>
                </label>
                <button type="submit" class="secondary" disabled=move || chosen.get().is_empty()>"Act for them"</button>
            </form>
        </section>
    }
}

#[component]
fn Organisation() -> impl IntoView {
    let app = use_app();
    let name = RwSignal::new(app.ws.with_untracked(|ws| ws.organisation.clone()));
    Effect::new(move |_| name.set(app.ws.with(|ws| ws.organisation.clone())));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        app.act(
            Action::SetOrganisation(name.get_untracked()),
            "Saved the organisation name.",
        );
    };
    view! {
        <section aria-labelledby="org-h">
            <h2 id="org-h">"Organisation"</h2>
            <form class="form inline" on:submit=save>
                <label class="grow">"Organisation name" <input type="text" bind:value=name required/></label>
                <button type="submit" disabled=move || app.is_read_only()>"Save name"</button>
            </form>
            <Values/>
        </section>
    }
}

/// The organisation's values, one a line: a promotion document speaks to each.
#[component]
fn Values() -> impl IntoView {
    let app = use_app();
    let text = RwSignal::new(app.ws.with_untracked(|ws| ws.values.join("\n")));
    let draft = crate::ui::forms::FormDraft::new("settings/values", "The organisation's values");
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let values = text.get_untracked().lines().map(str::to_owned).collect();
        draft.save(
            Action::SetValues(values),
            "Saved the organisation's values.",
        );
    };
    view! {
        <crate::ui::forms::DraftForm draft=draft label="The organisation's values" class="form" on_submit=save>
            <crate::ui::forms::AreaField label="The organisation's values, one a line (a promotion document speaks to each)" value=text rows=4 field="values"/>
            <div class="buttons"><button type="submit" disabled=move || app.is_read_only()>"Save values"</button></div>
        </crate::ui::forms::DraftForm>
    }
}

/// The sample program and clearing this browser, both undoable with "Undo import".
#[component]
fn WholeWorkspace() -> impl IntoView {
    let app = use_app();
    let sample_open = RwSignal::new(false);
    let clear_open = RwSignal::new(false);
    let has_data = move || app.ws.with(|ws| !ws.is_empty());
    let load = Callback::new(move |_| load_sample(app));
    let clear = Callback::new(move |_| match app.replace(Workspace::default()) {
        Ok(None) => app.say(
            "Cleared this browser's workspace. “Undo import” on the Data page brings it back.",
        ),
        Ok(Some(w)) | Err(w) => app.warn(&w),
    });
    view! {
        <section aria-labelledby="ws-h">
            <h2 id="ws-h">"This browser's workspace"</h2>
            <p class="muted">"The sample is an invented organisation with a cohort under way, to see what Runway does. Loading it, or clearing this browser, keeps your workspace for “Undo import” on the Data page; export it first if you want a copy of your own."</p>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| if has_data() { sample_open.set(true) } else { load_sample(app) } disabled=move || app.is_read_only()>"Load sample program…"</button>
                <Show when=has_data>
                    <button type="button" class="danger" on:click=move |_| clear_open.set(true) disabled=move || app.is_read_only()>"Clear this browser's workspace…"</button>
                </Show>
            </div>
            <ConfirmDialog open=sample_open title="Load the sample program?" intro=Signal::derive(|| "Your workspace is kept: “Undo import” on the Data page brings it back.".to_string()) lines=Signal::derive(Vec::new) confirm_label="Load sample program" on_confirm=load/>
            <ConfirmDialog open=clear_open title="Clear this browser's workspace?" intro=Signal::derive(|| "Everything in this browser's workspace goes; it is kept once for “Undo import” on the Data page, until the next import. Export a backup first to be safe.".to_string()) lines=Signal::derive(Vec::new) confirm_label="Clear the workspace" on_confirm=clear/>
        </section>
    }
}

/// Loads the sample in place of the workspace. Someone trying it who has not said who they
/// are becomes the sample's coach, so the pages show what a coach does (and say so).
/// Replaces the workspace with the sample program, whose code (and text) is a chunk of its
/// own, fetched when asked for.
pub fn load_sample(app: AppState) {
    leptos::task::spawn_local(async move {
        match crate::ui::lazy::sample_program().await {
            Ok(ws) => show_sample(app, ws),
            Err(_) => app.warn("The sample program could not be loaded: part of Runway did not arrive, most likely because the connection dropped. Check the connection and try again."),
        }
    });
}

fn show_sample(app: AppState, ws: crate::model::Workspace) {
    let coach = ws
        .cohorts
        .first()
        .and_then(|c| c.coach_ids.first().copied());
    let coach_name = coach.map(|c| ws.person_name(c).to_string());
    match app.replace(ws) {
        Ok(None) => {
            let me = app.me.get_untracked();
            let known = me.is_some_and(|p| app.ws.with_untracked(|ws| ws.person(p).is_some()));
            if !known {
                if let (Some(c), Some(name)) = (coach, coach_name) {
                    app.set_me_for_replacement(c);
                    app.say(&format!("Loaded the sample program. You are {name}, its coach; choose someone else in Settings. “Undo import” brings your workspace back."));
                    return;
                }
            }
            app.say("Loaded the sample program. “Undo import” on the Data page brings your workspace back.")
        }
        Ok(Some(warning)) | Err(warning) => app.warn(&warning),
    }
}
