//! `/letter`, *Write a letter*: a letter writer opens a letter request file, with no workspace
//! and no account, writes the letter (kept as a draft in this browser until they are done) and
//! downloads a letter file for the sponsor. The request is kept beside the workspace (never in
//! it), and opening one here leaves any workspace in this browser alone.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::file::letters::{
    decode_letter_request, encode_letter, letter_file_name, LetterFile, LetterRequest,
};
use crate::logic::promotion::word_count;
use crate::ui::browser;
use crate::ui::drafts::{Bound, DraftForm, FormDraft};
use crate::ui::forms::{DateField, TextField};
use crate::ui::state::use_app;
use crate::ui::widgets::{count, date_value, fmt_date, parse_date};

/// Where the request being written to is kept (beside the workspace, never in it).
pub const WRITING_KEY: &str = "runway.writing";

/// Keeps a letter request's text for the writer's page (the Data page calls this first).
pub fn open_letter_request(text: &str) {
    browser::local_set(WRITING_KEY, text);
}

fn stored() -> Option<LetterRequest> {
    browser::local_get(WRITING_KEY).and_then(|t| decode_letter_request(t.as_bytes()).ok())
}

#[component]
pub fn WriterPage() -> impl IntoView {
    let request = RwSignal::new(stored());
    let error = RwSignal::new(None::<String>);
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_picked(&ev).into_iter().next() else {
            return;
        };
        error.set(None);
        let name = file.name();
        if file.size() > crate::file::MAX_FILE_BYTES as f64 {
            error.set(Some(format!("{name} is too large to be a letter request.")));
            return;
        }
        spawn_local(async move {
            match browser::read_file(file).await {
                Err(e) => error.set(Some(format!("{name}: {e}."))),
                Ok(bytes) => match decode_letter_request(&bytes) {
                    Ok(r) => {
                        open_letter_request(&String::from_utf8_lossy(&bytes));
                        request.set(Some(r));
                    }
                    Err(e) => error.set(Some(format!("{name} could not be opened. {e}"))),
                },
            }
        });
    };
    let forget = Callback::new(move |()| {
        browser::local_remove(WRITING_KEY);
        request.set(None);
    });
    view! {
        <section class="page writer-page">
            <h1>"Write a letter"</h1>
            <p>"You were asked for a recommendation letter with a Runway letter request file. Open it here, write the letter, and download it as a file to send back to the sponsor. You need no workspace or account: nothing you write is added to this browser's Runway data, and the letter stays only in this browser (as a draft) until you are done."</p>
            <label class="file">"Open a letter request"
                <input type="file" accept=".json,application/json" on:change=on_pick/>
            </label>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || request.get().map(|r| view! { <LetterForm r=r forget=forget/> })}
        </section>
    }
}

#[component]
fn LetterForm(r: LetterRequest, forget: Callback<()>) -> impl IntoView {
    let app = use_app();
    let writer = RwSignal::new(r.writer.clone());
    let role = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let on = RwSignal::new(date_value(Some(browser::today())));
    let problem = RwSignal::new(None::<String>);
    let sent = RwSignal::new(None::<String>);
    let draft = FormDraft::new(
        format!("letter/{}", r.slot_id),
        "Your recommendation letter",
    );
    let touch_body = draft.field("Your letter", Bound::Text(body));
    let request = r.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = parse_date(&on.get_untracked()) else {
            problem.set(Some("Enter the day you wrote it.".into()));
            return;
        };
        if body.get_untracked().trim().is_empty() {
            problem.set(Some("The letter is empty: write it first.".into()));
            return;
        }
        if writer.get_untracked().trim().is_empty() {
            problem.set(Some("Sign the letter with your name.".into()));
            return;
        }
        problem.set(None);
        let letter = LetterFile::to(
            &request,
            &writer.get_untracked(),
            &role.get_untracked(),
            &body.get_untracked(),
            day,
            browser::new_id(),
        );
        let name = letter_file_name(&letter);
        match browser::download(&name, &encode_letter(&letter), "application/json") {
            Ok(()) => sent.set(Some(name)),
            Err(e) => app.warn(&format!("Your letter was not saved: {e}.")),
        }
    };
    let done = move |_| {
        draft.saved();
        forget.run(());
    };
    let words = move || count(word_count(&body.get()), "word", "words");
    let due = r
        .due_on
        .map(|d| format!(" Please send it by {}.", fmt_date(d)));
    view! {
        <div class="letter-writer">
            <h2>{format!("A letter for {}", r.applicant)}</h2>
            <p>{format!("{} is put forward for {}{}. You are asked as: {}.", r.applicant, r.role, if r.organisation.is_empty() { String::new() } else { format!(" at {}", r.organisation) }, r.kind.short())}{due}</p>
            <div class="panel" role="note" aria-label="What the letter should speak to">
                <p><strong>"What the letter should speak to: "</strong>{r.speaks_to.clone()}</p>
                <p class="muted small">"Concrete beats general: a situation you saw, what they did, what changed. The letter is confidential: the sponsor and the promotion committee read it, the applicant does not."</p>
            </div>
            <DraftForm draft=draft label="Your recommendation letter" class="form letter-form" on_submit=submit>
                <TextField label="Your name" value=writer/>
                <TextField label="Your role" value=role placeholder="e.g. Staff engineer, Routing"/>
                <DateField label="Written on" value=on required=true/>
                <label class="wide">"Your letter"
                    <textarea rows="16" prop:value=move || body.get() on:input=move |ev| { body.set(event_target_value(&ev)); touch_body(); }></textarea>
                </label>
                <p class="word-count muted small">{words}</p>
                {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
                <div class="actions wide">
                    <button type="submit">"Download my letter"</button>
                </div>
            </DraftForm>
            <div role="status">
                {move || sent.get().map(|f| view! {
                    <div class="panel done">
                        <p><strong>{format!("Your letter was saved as {f}.")}</strong></p>
                        <p>"Send that file to the sponsor who asked you. If you change the letter, download it again: the sponsor sees both and keeps the newer one. When you are done, let this browser forget the letter."</p>
                        <button type="button" class="secondary" on:click=done>"I'm done: forget this letter"</button>
                    </div>
                })}
            </div>
        </div>
    }
}
