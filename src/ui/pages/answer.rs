//! `/answer`: answering a request file, with no workspace needed. The request is kept in the
//! browser beside the workspace (never in it) while it is being answered, the answers as a
//! draft; "Download my answers" saves a response file and forgets both. Nothing is added to
//! the workspace.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::file::requests::{
    decode_request, encode_response, response_file_name, Request, RequestKind, Response,
    ResponseAnswer,
};
use crate::model::{HealthDimension, FEEDBACK_MAX, FEEDBACK_MIN};
use crate::ui::browser;
use crate::ui::drafts::{Bound, DraftForm, FormDraft};
use crate::ui::forms::AreaField;
use crate::ui::state::use_app;
use crate::ui::widgets::fmt_date;

/// Where the request being answered is kept (beside the workspace, never in it).
pub const ANSWERING_KEY: &str = "runway.answering";

/// Keeps the request file's text for the answer page (the Data page calls this before sending
/// the person there).
pub fn open_request(text: &str) {
    browser::local_set(ANSWERING_KEY, text);
}

fn stored_request() -> Option<Request> {
    browser::local_get(ANSWERING_KEY).and_then(|t| decode_request(t.as_bytes()).ok())
}

const AGREE: [&str; 5] = [
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
];

/// The words for each point of the scale of one question.
fn scale(kind: RequestKind, question: &str) -> Vec<(u8, String)> {
    (FEEDBACK_MIN..=FEEDBACK_MAX)
        .map(|s| {
            let i = usize::from(s - 1);
            let words = match kind {
                RequestKind::Feedback360 => AGREE.get(i).copied().unwrap_or(""),
                RequestKind::Health => {
                    let workload =
                        HealthDimension::from_code(question) == Some(HealthDimension::Workload);
                    match (s, workload) {
                        (1, true) => "overloaded",
                        (5, true) => "sustainable",
                        (1, false) => "poor",
                        (5, false) => "great",
                        _ => "",
                    }
                }
            };
            let text = if words.is_empty() {
                s.to_string()
            } else {
                format!("{s} — {words}")
            };
            (s, text)
        })
        .collect()
}

#[component]
pub fn AnswerPage() -> impl IntoView {
    let request = RwSignal::new(stored_request());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_picked(&ev).into_iter().next() else {
            return;
        };
        error.set(None);
        done.set(None);
        let name = file.name();
        if file.size() > crate::file::MAX_FILE_BYTES as f64 {
            error.set(Some(format!("{name} is too large to be a request file.")));
            return;
        }
        spawn_local(async move {
            match browser::read_file(file).await {
                Err(e) => error.set(Some(format!("{name}: {e}."))),
                Ok(bytes) => match decode_request(&bytes) {
                    Ok(r) => {
                        open_request(&String::from_utf8_lossy(&bytes));
                        request.set(Some(r));
                    }
                    Err(e) => error.set(Some(format!("{name} could not be opened. {e}"))),
                },
            }
        });
    };
    let finished = Callback::new(move |file_name: String| {
        browser::local_remove(ANSWERING_KEY);
        request.set(None);
        done.set(Some(file_name));
    });
    view! {
        <section class="page answer-page">
            <h1>"Answer a request"</h1>
            <p>"Someone asked you for feedback with a Runway request file. Open it here, answer, and download your answers as a file to send back. You need no workspace: nothing you answer is added to this browser's Runway data, and your answers stay only in this browser (as a draft) until you download them."</p>
            <label class="file">"Open a request file"
                <input type="file" accept=".json,application/json" on:change=on_pick/>
            </label>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div role="status">
                {move || done.get().map(|f| view! {
                    <div class="panel done">
                        <p><strong>{format!("Your answers were saved as {f}.")}</strong></p>
                        <p>"Send that file on as you were asked — ideally to someone other than the coach who collects the answers (the sponsor or HR, say), who passes them on together with the others. Thank you."</p>
                    </div>
                })}
            </div>
            {move || request.get().map(|r| view! { <AnswerForm r=r finished=finished/> })}
        </section>
    }
}

#[component]
fn AnswerForm(r: Request, finished: Callback<String>) -> impl IntoView {
    let app = use_app();
    let kind = r.kind;
    let who = if r.about.is_empty() {
        "a colleague".to_string()
    } else {
        r.about.clone()
    };
    let heading = match kind {
        RequestKind::Feedback360 => format!("Feedback about {who}"),
        RequestKind::Health => match r.team.clone().filter(|t| !t.trim().is_empty()) {
            Some(team) => format!("Team health: {team}"),
            None => "Team health".to_string(),
        },
    };
    let asked = match (kind, r.group) {
        (RequestKind::Feedback360, Some(g)) => format!(
            "You are asked as one of {who}'s {}.",
            g.label().to_lowercase()
        ),
        (RequestKind::Health, _) => format!("You are asked as a member of the team {who} leads."),
        _ => String::new(),
    };
    let due = r
        .due_on
        .map(|d| format!("Please answer by {}.", fmt_date(d)));
    let draft = FormDraft::new(
        format!("answer/{}", r.request_id),
        "Your answers to a request",
    );
    let answers: Vec<(String, String, RwSignal<String>)> = r
        .questions
        .iter()
        .map(|q| (q.id.clone(), q.text.clone(), RwSignal::new(String::new())))
        .collect();
    let comment = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let to_send = answers.clone();
    let request = r.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let picked: Vec<ResponseAnswer> = to_send
            .iter()
            .map(|(id, _, s)| ResponseAnswer {
                question: id.clone(),
                score: s.get_untracked().parse().ok(),
            })
            .collect();
        let response = Response::to(
            &request,
            picked,
            &comment.get_untracked(),
            browser::new_id(),
        );
        if response.is_empty() {
            problem.set(Some(
                "Choose an answer to at least one question, or write a comment, first.".into(),
            ));
            return;
        }
        problem.set(None);
        let name = response_file_name(&response);
        match browser::download(&name, &encode_response(&response), "application/json") {
            Ok(()) => {
                draft.saved();
                finished.run(name);
            }
            Err(e) => app.warn(&format!("Your answers were not saved: {e}.")),
        }
    };
    let prefix = r.request_id.simple().to_string();
    view! {
        <div class="answer">
            <h2>{heading}</h2>
            <p><strong>{r.title.clone()}</strong>" · "{asked}{due.map(|d| format!(" {d}"))}</p>
            <div class="panel privacy" role="note" aria-label="Who can read your answers">
                <p><strong>"Your response carries no name"</strong>" — only your answers, your comment and a random number that keeps it from being counted twice. But whoever receives the file can read it. Send it to someone other than the coach who collects the answers (the sponsor or HR, say), who passes all the responses on together. The coach sees only totals, and only once at least three people have answered; a comment is shown as you write it, so leave out anything that would tell who you are."</p>
            </div>
            <DraftForm draft=draft label="Your answers" class="form answer-form" on_submit=submit>
                {answers.into_iter().enumerate().map(|(i, (qid, text, value))| {
                    let touch = draft.field(&format!("Question {}", i + 1), Bound::Text(value));
                    let name = format!("q-{prefix}-{i}");
                    let options = scale(kind, &qid);
                    view! {
                        <fieldset class="answer-scale">
                            <legend>{format!("{}. {text}", i + 1)}</legend>
                            <div class="scale-choices">
                                {options.into_iter().map(|(s, label)| {
                                    let v = s.to_string();
                                    let v2 = v.clone();
                                    view! {
                                        <label class="check scale-choice">
                                            <input type="radio" name=name.clone() value=v.clone()
                                                prop:checked=move || value.get() == v
                                                on:change=move |_| { value.set(v2.clone()); touch(); }/>
                                            {label}
                                        </label>
                                    }
                                }).collect_view()}
                                <label class="check scale-choice scale-none">
                                    <input type="radio" name=name.clone() value=""
                                        prop:checked=move || value.get().is_empty()
                                        on:change=move |_| { value.set(String::new()); touch(); }/>
                                    "No answer"
                                </label>
                            </div>
                        </fieldset>
                    }
                }).collect_view()}
                <AreaField label="Comment (optional)" value=comment rows=4/>
                {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
                <div class="actions">
                    <button type="submit">"Download my answers"</button>
                </div>
            </DraftForm>
        </div>
    }
}
