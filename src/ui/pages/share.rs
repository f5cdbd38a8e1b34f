//! "Share": a file cut down to one cohort or one candidate, with what it leaves out said first.

use leptos::prelude::*;

use crate::file;
use crate::file::crypt;
use crate::logic::records::audience::{share, Audience};
use crate::ui::browser;
use crate::ui::state::use_app;

/// A file for one audience: what it carries and what it leaves out, said before it is made;
/// the maker's own private entries only with their tick.
#[component]
pub fn SharedExport(audience: Audience, #[prop(into)] for_whom: String) -> impl IntoView {
    let app = use_app();
    let include_private = RwSignal::new(false);
    // The maker is whose browser this is, even while acting for someone else: nobody's
    // private entries go because someone acts for their author.
    let preview = move || {
        let me = app.me_here();
        app.ws
            .with(|ws| share(ws, audience, me, include_private.get()))
    };
    let own_private = move || preview().map_or(0, |s| s.own_private);
    let protect = RwSignal::new(false);
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let for_whom_file = StoredValue::new(for_whom.clone());
    let make_file = move || {
        let for_whom_file = for_whom_file.get_value();
        // Mark what is sent first, then cut the file from the marked workspace, so the file
        // carries the versions the recipient's later merges are checked against.
        let Some(ids) = untrack(preview).map(|s| s.record_ids()) else {
            app.warn("There is nothing to share: this record no longer exists.");
            return;
        };
        app.mark_sent(Some(&ids));
        let Some(s) = untrack(preview) else { return };
        // The name says which way it goes, so two files crossing by e-mail never share one.
        // A candidate's own file is from them; every other file is for its audience.
        let me = untrack(|| app.me_here());
        let from_candidate = app.ws.with_untracked(|ws| match audience {
            Audience::Candidate(k) => me
                .filter(|m| ws.candidate(k).map(|c| c.person_id) == Some(*m))
                .map(|m| ws.person_name(m).to_string()),
            // The applicant's own file, sent back with their document; a committee member's
            // file, sent back with their read.
            Audience::Applicant(c) | Audience::Committee(c) => me
                .filter(|m| {
                    let case = crate::logic::promotion::case(ws, c);
                    case.is_some_and(|x| {
                        x.person_id == *m
                            || (matches!(audience, Audience::Committee(_))
                                && x.debrief.participants.contains(m)
                                && x.sponsor_id != Some(*m))
                    })
                })
                .map(|m| ws.person_name(m).to_string()),
            _ => None,
        });
        let way = match from_candidate {
            Some(name) => format!("from {name}"),
            None => format!("for {for_whom_file}"),
        };
        let base = [
            s.workspace.organisation.as_str(),
            s.name.as_str(),
            way.as_str(),
        ]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
        let name = file::export_file_name(&base, browser::today());
        let text = file::encode_pretty(&s.workspace, browser::now());
        let passphrase = protect
            .get_untracked()
            .then(|| (first.get_untracked(), again.get_untracked()));
        match deliver(name, text, passphrase) {
            Ok(name) => {
                first.set(String::new());
                again.set(String::new());
                app.say(&format!("Exported {name}."));
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    let download = move |_| {
        if protect.get_untracked() && first.get_untracked() != again.get_untracked() {
            problem.set(Some("The two passphrases are not the same.".into()));
            return;
        }
        problem.set(None);
        busy.set(true);
        // Let "Preparing…" show before a passphrase's key derivation (about a second).
        set_timeout(
            move || {
                make_file();
                busy.set(false);
            },
            std::time::Duration::from_millis(30),
        );
    };
    let title = format!("Share with {for_whom}");
    view! {
        <h2>{title.clone()}</h2>
        <details class="panel">
            <summary>{format!("Export a file for {for_whom}…")}</summary>
            <div role="region" aria-label="Share preview">
            {move || preview().map(|s| view! {
                <div class="share-lists">
                    <div>
                        <h3 id="share-goes-h">"The file carries"</h3>
                        <ul aria-labelledby="share-goes-h">{s.goes.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    </div>
                    {(!s.left_out.is_empty()).then(|| view! {
                        <div>
                            <h3 id="share-left-h">"Left out"</h3>
                            <ul aria-labelledby="share-left-h">{s.left_out.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        </div>
                    })}
                </div>
            })}
            {move || {
                let n = own_private();
                (n > 0).then(move || view! {
                    <label class="check"><input type="checkbox" bind:checked=include_private/>
                        {format!("Include my own private entries and 1:1 notes ({n}) in this file")}
                    </label>
                })
            }}
            <p class="muted small">"Nobody else's private entries can go: they belong to their authors. Whoever receives the file can read everything in it."</p>
            <label class="check"><input type="checkbox" bind:checked=protect/>"Protect with a passphrase (best when sending by email)"</label>
            <Show when=move || protect.get()>
                <div class="form inline">
                    <label class="grow">"Passphrase (8 characters or more)" <input type="password" autocomplete="new-password" minlength="8" bind:value=first/></label>
                    <label class="grow">"Passphrase again" <input type="password" autocomplete="new-password" bind:value=again/></label>
                </div>
            </Show>
            <button type="button" on:click=download disabled=move || busy.get()>"Download shared file"</button>
            <p class="muted" role="status">{move || busy.get().then_some("Preparing…")}</p>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            </div>
        </details>
    }
}

/// Seals a file's text with a passphrase (typed twice); returns the file name and sealed text.
/// Takes about a second (the key derivation): call it after showing that work is under way.
fn seal(name: &str, text: &str, first: &str, again: &str) -> Result<(String, String), String> {
    if first != again {
        return Err("The two passphrases are not the same.".into());
    }
    let (Some(salt), Some(iv)) = (
        browser::secure_random::<16>(),
        browser::secure_random::<12>(),
    ) else {
        return Err("This browser has no secure random source, so it cannot encrypt.".into());
    };
    let sealed = crypt::encrypt(text, first, salt, iv, crypt::DEFAULT_ITERATIONS)
        .map_err(|e| e.to_string())?;
    Ok((
        name.trim_end_matches(".json").to_string() + "-encrypted.json",
        sealed,
    ))
}

/// Hands a finished export to the browser, sealed first when a passphrase (typed twice) is
/// given. Returns the downloaded file's name, or what went wrong.
pub(crate) fn deliver(
    name: String,
    text: String,
    passphrase: Option<(String, String)>,
) -> Result<String, String> {
    let (name, text) = match passphrase {
        Some((first, again)) => seal(&name, &text, &first, &again)?,
        None => (name, text),
    };
    browser::download(&name, &text, "application/json")?;
    Ok(name)
}
