//! Collecting 360 and team health answers by file: making a request file, and importing the
//! response files as a batch (kept only as totals, see `logic::evaluation::requests`).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::file::requests::{encode_request, request_file_name, Request};
use crate::logic::actions::Action;
use crate::logic::evaluation::requests::{
    batch_rule, import_360, import_health, request_360, request_health, Refusal,
};
use crate::logic::records::Record;
use crate::model::{FeedbackGroup, Id};
use crate::ui::browser;
use crate::ui::forms::{ChoiceField, DateField, TextField};
use crate::ui::state::use_app;
use crate::ui::widgets::parse_date;

/// Where the privacy advice is the same for both kinds.
const SEND_ADVICE: &str = "Send the file to each person you ask. Their answers come back as response files without a name — but whoever receives a file can read it. Ask people to send their response to someone other than you (the sponsor or HR, say), who passes them all on together, so you cannot tell whose file is whose.";

fn download_request(app: crate::ui::state::AppState, r: &Request) {
    match browser::download(
        &request_file_name(r),
        &encode_request(r),
        "application/json",
    ) {
        Ok(()) => app.say(&format!(
            "Downloaded {}. It holds only the questions, {}'s first name and the days — nothing else from your workspace.",
            request_file_name(r),
            if r.about.is_empty() { "the candidate" } else { &r.about }
        )),
        Err(e) => app.warn(&format!("The request file was not saved: {e}.")),
    }
}

/// "Make a request file" for one group of a 360 round.
#[component]
pub fn RoundRequest(rid: Id) -> impl IntoView {
    let app = use_app();
    let group = RwSignal::new(FeedbackGroup::DirectReport.code().to_string());
    let due = RwSignal::new(String::new());
    let groups: Vec<(String, String)> = FeedbackGroup::ALL
        .iter()
        .map(|g| (g.code().to_string(), g.label().to_string()))
        .collect();
    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(g) = FeedbackGroup::from_code(&group.get_untracked()) else {
            app.warn("Choose the group to ask.");
            return;
        };
        let due_on = parse_date(&due.get_untracked());
        let request = app.ws.with_untracked(|ws| {
            ws.feedback_rounds
                .iter()
                .find(|r| r.id == rid)
                .map(|round| request_360(ws, round, g, browser::today(), due_on))
        });
        match request {
            Some(r) => download_request(app, &r),
            None => app.warn("This round no longer exists."),
        }
    };
    view! {
        <p class="muted">"One file per group: the file says which group it asks, so nobody has to say which group they belong to, and answers from direct reports, peers and stakeholders stay apart. "{SEND_ADVICE}</p>
        <form class="form grid request-form" aria-label="Make a request file" on:submit=make>
            <ChoiceField label="Group to ask" value=group options=groups/>
            <DateField label="Answers due (optional)" value=due/>
            <div class="actions"><button type="submit">"Make a request file"</button></div>
        </form>
    }
}

/// "Make a request file" for a team health check.
#[component]
pub fn HealthRequest(id: Id, team: RwSignal<String>) -> impl IntoView {
    let app = use_app();
    let due = RwSignal::new(String::new());
    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let due_on = parse_date(&due.get_untracked());
        let team_name = team.get_untracked();
        if team_name.trim().is_empty() {
            app.warn("Give the team's name: it tells people which team the questions are about.");
            return;
        }
        let r = app.ws.with_untracked(|ws| {
            request_health(
                ws,
                id,
                &team_name,
                browser::today(),
                due_on,
                browser::new_id(),
            )
        });
        download_request(app, &r);
    };
    view! {
        <p class="muted">"Asks the team the five health questions on a scale of 1 to 5, with room for a comment. "{SEND_ADVICE}</p>
        <form class="form grid request-form" aria-label="Make a team health request file" on:submit=make>
            <TextField label="Team" value=team/>
            <DateField label="Answers due (optional)" value=due/>
            <div class="actions"><button type="submit">"Make a request file"</button></div>
        </form>
    }
}

/// What the import takes the files into.
#[derive(Clone, Copy)]
pub enum ImportInto {
    /// A 360 round.
    Round(Id),
    /// The candidate's team health checks.
    Health(Id),
}

/// "Import responses": several response files at once, taken only as a batch.
#[component]
pub fn ResponseImport(into: ImportInto) -> impl IntoView {
    let app = use_app();
    let outcome = RwSignal::new(None::<Result<String, Vec<String>>>);
    let busy = RwSignal::new(false);
    let on_pick = move |ev: leptos::ev::Event| {
        let files = browser::take_picked(&ev);
        if files.is_empty() {
            return;
        }
        outcome.set(None);
        busy.set(true);
        spawn_local(async move {
            let mut read = Vec::new();
            let mut failed = Vec::new();
            for f in files {
                let name = f.name();
                if f.size() > crate::file::MAX_FILE_BYTES as f64 {
                    failed.push(format!("{name}: this file is too large to be a response."));
                    continue;
                }
                match browser::read_file(f).await {
                    Ok(bytes) => read.push((name, bytes)),
                    Err(e) => failed.push(format!("{name}: {e}.")),
                }
            }
            busy.set(false);
            if !failed.is_empty() {
                outcome.set(Some(Err(failed)));
                return;
            }
            let planned: Option<Result<(Action, String), Refusal>> =
                app.ws.with_untracked(|ws| match into {
                    ImportInto::Round(rid) => {
                        let round = ws.feedback_rounds.iter().find(|r| r.id == rid)?;
                        Some(
                            import_360(round, &read)
                                .map(|t| (Action::Put(Record::FeedbackRound(t.record)), t.message)),
                        )
                    }
                    ImportInto::Health(cid) => Some(
                        import_health(ws, cid, &read)
                            .map(|t| (Action::Put(Record::HealthCheck(t.record)), t.message)),
                    ),
                });
            let result = match planned {
                None => Err(vec!["This round no longer exists.".to_string()]),
                Some(Err(refusal)) => Err(refusal.problems),
                Some(Ok((action, message))) => match app.try_dispatch(action) {
                    Ok(_) => Ok(message),
                    Err(e) => Err(vec![e.to_string()]),
                },
            };
            match &result {
                Ok(m) => app.say(m),
                Err(_) => {
                    app.warn("The responses were not imported: see why next to “Import responses”.")
                }
            }
            outcome.set(Some(result));
        });
    };
    view! {
        <div class="response-import">
            <p class="threshold-rule">{batch_rule()}</p>
            <label class="file">"Import responses"
                <input type="file" accept=".json,application/json" multiple=true on:change=on_pick
                    disabled=move || app.is_read_only() || busy.get()/>
            </label>
            <div role="status" class="import-status">
                {move || busy.get().then(|| view! { <p>"Reading the files…"</p> })}
                {move || match outcome.get() {
                    Some(Ok(m)) => Some(view! { <p class="done">{m}</p> }.into_any()),
                    _ => None,
                }}
            </div>
            {move || match outcome.get() {
                Some(Err(problems)) => Some(view! {
                    <div class="error import-refused" role="alert">
                        <p><strong>"Nothing was imported."</strong></p>
                        <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                }),
                _ => None,
            }}
        </div>
    }
}
