use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::file::{crypt, requests, DecodeError, Decoded, MAX_FILE_BYTES};
use crate::logic::records::merge::{merge, Change, ConflictKind, MergeReport, Resolutions, Side};
use crate::model::{Id, RecordKind, Workspace};
use crate::storage::{self, browser::BrowserStore, Store, WORKSPACE_KEY};
use crate::ui::browser;
use crate::ui::pages::share::deliver;
use crate::ui::state::{decode_import, use_app, Kept};
use crate::ui::widgets::{fmt_date, ConfirmDialog};

fn kb(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else if bytes < 1024 * 1024 * 1024 {
        format!("{:.2} MB", bytes as f64 / 1_048_576.0)
    } else {
        format!("{:.1} GB", bytes as f64 / 1_073_741_824.0)
    }
}

#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Data"</h1>
            <p class="lead">"Everything lives in this browser. A backup is for you; a file to share carries only what its readers may see. To share with a sponsor or a candidate, use “Share” on the cohort's or the candidate's page: those files are cut for them."</p>
            <ExportImport/>
            <Stored/>
        </section>
    }
}

#[component]
fn ExportImport() -> impl IntoView {
    let app = use_app();
    let pending = RwSignal::new(None::<Decoded>);
    // An encrypted file waiting for its passphrase: (file name, text).
    let locked = RwSignal::new(None::<(String, String)>);
    // A decoded file the person chose to merge (rather than replace with).
    let merging = RwSignal::new(None::<Workspace>);
    let error = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);

    let navigate = leptos_router::hooks::use_navigate();
    let go = Callback::new(move |path: String| navigate(&path, Default::default()));
    let take_file = move |file: web_sys::File| {
        error.set(None);
        pending.set(None);
        locked.set(None);
        merging.set(None);
        browser::mark("runway:pick");
        let name = file.name();
        // Refuse an oversized file before reading it into memory.
        let size = file.size();
        if size > MAX_FILE_BYTES as f64 {
            let e = DecodeError::TooLarge {
                bytes: size as usize,
                limit: MAX_FILE_BYTES,
            };
            error.set(Some(format!(
                "{name} was not imported. {e} Your workspace has not changed."
            )));
            return;
        }
        spawn_local(async move {
            match browser::read_file(file).await {
                Err(e) => error.set(Some(format!("{name}: {e}"))),
                Ok(bytes) => {
                    let text = std::str::from_utf8(&bytes).ok();
                    if let Some(text) = text.filter(|t| crypt::is_encrypted(t)) {
                        locked.set(Some((name, text.to_string())));
                        return;
                    }
                    // A request file is answered, not imported: off to the answer page.
                    if requests::is_request(&bytes) {
                        match requests::decode_request(&bytes) {
                            Ok(_) => {
                                crate::ui::pages::answer::open_request(text.unwrap_or_default());
                                go.run("/answer".to_string());
                            }
                            Err(e) => error.set(Some(format!(
                                "{name} is a request file, but it could not be opened. {e} Your workspace has not changed."
                            ))),
                        }
                        return;
                    }
                    // A letter request is written to, not imported: off to the writer's page,
                    // leaving this browser's workspace alone.
                    if crate::file::letters::is_letter_request(&bytes) {
                        match crate::file::letters::decode_letter_request(&bytes) {
                            Ok(_) => {
                                crate::ui::pages::promotion::writer::open_letter_request(text.unwrap_or_default());
                                go.run("/letter".to_string());
                            }
                            Err(e) => error.set(Some(format!(
                                "{name} is a letter request, but it could not be opened. {e} Your workspace has not changed."
                            ))),
                        }
                        return;
                    }
                    if requests::peek_format(&bytes).as_deref()
                        == Some(crate::file::letters::LETTER_FORMAT)
                    {
                        error.set(Some(format!(
                            "{name} is a recommendation letter, not a workspace. Add it with “Add letter files” in the Letters section of the promotion case. Your workspace has not changed."
                        )));
                        return;
                    }
                    if requests::peek_format(&bytes).as_deref() == Some(requests::RESPONSE_FORMAT) {
                        error.set(Some(format!(
                            "{name} is a response file (someone's answers), not a workspace. Import response files with “Import responses” on the candidate's Feedback section, all of a group's files at once. Your workspace has not changed."
                        )));
                        return;
                    }
                    match decode_import(&bytes) {
                        Ok(d) => pending.set(Some(d)),
                        Err(e) => error.set(Some(format!(
                            "{name} was not imported. {e} Your workspace has not changed."
                        ))),
                    }
                }
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            take_file(file);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            take_file(file);
        }
    };
    let start_merge = move |_| {
        if let Some(d) = pending.get_untracked() {
            merging.set(Some(d.workspace));
            pending.set(None);
        }
    };
    let confirm = move |_| {
        if let Some(d) = pending.get_untracked() {
            let org = d.workspace.organisation.clone();
            let what = if org.trim().is_empty() {
                "the file".to_string()
            } else {
                org
            };
            match app.replace(d.workspace) {
                Ok(None) if app.kept.get_untracked().is_some() => app.say(&format!(
                    "Imported {what}. “Undo import” brings back what you had."
                )),
                Ok(None) => app.say(&format!("Imported {what}.")),
                Ok(Some(warning)) | Err(warning) => app.warn(&warning),
            }
            pending.set(None);
        }
    };
    let undo = move || {
        let redo = app.kept.get_untracked() == Some(Kept::BeforeUndo);
        match app.undo_import() {
            Ok(None) if redo => app.say("Redone: the imported workspace is back."),
            Ok(None) => app.say("Undone: your workspace is back as it was before the import. “Redo import” brings the imported one back."),
            Ok(Some(warning)) | Err(warning) => app.warn(&warning),
        }
    };
    // An undo that would also take back changes made since says so first.
    let asking = RwSignal::new(false);
    let since = move || app.edits_since_kept.get();
    let ask_or_undo = move |_| {
        if since() > 0 {
            asking.set(true);
        } else {
            undo();
        }
    };
    let undo_anyway = Callback::new(move |_| undo());
    let since_text = move || {
        let n = since();
        let what = if app.kept.get() == Some(Kept::BeforeUndo) {
            "the undo"
        } else {
            "the import"
        };
        (n > 0).then(|| {
            format!(
                "The {} made since {what} will be undone with it (what you deleted stays deleted). Your workspace as it is now is kept in turn, so you can come back to it.",
                if n == 1 { "1 change".to_string() } else { format!("{n} changes") }
            )
        })
    };
    // What the kept workspace holds, read when it changes.
    let kept_summary = move || {
        app.kept.track();
        app.backup_summary()
    };

    view! {
        <h2>"Back up everything, for yourself"</h2>
        <p>"A backup holds everything in this browser, everyone's private journal entries and 1:1 notes included. It is for you, to keep somewhere safe or to move to another computer: not to send to anyone. Protect it with a passphrase."</p>
        {move || {
            let goes = app.ws.with(|ws| {
                crate::logic::records::audience::share(ws, crate::logic::records::audience::Audience::Backup, None, false)
                    .map(|b| b.goes)
                    .unwrap_or_default()
            });
            (!goes.is_empty()).then(|| view! {
                <p class="muted small">{format!("It carries {}.", goes.join(", "))}</p>
            })
        }}
        <EncryptedExport/>
        <p><button type="button" class="secondary" on:click=move |_| app.download_export()>"Download backup without a passphrase"</button></p>
        <crate::ui::pages::share::SharedExport audience=crate::logic::records::audience::Audience::Everyone for_whom="the program's coaches"/>

        <h2>"Import"</h2>
        <p>"Opens a workspace file from Runway. You will see what it contains before anything changes, and you can undo it afterwards. A request file someone sent you for your answers opens on the “Answer a request” page instead, and a letter request on the “Write a letter” page; neither changes your workspace."</p>
        <div class="dropzone" class:over=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <label class="file">"Choose a workspace file to import"
                <input type="file" accept=".json,application/json" on:change=on_pick disabled=move || app.is_read_only()/>
            </label>
            <p class="muted">"…or drop the file here."</p>
        </div>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        {move || locked.get().map(|(name, text)| view! { <Unlock name=name text=text locked=locked pending=pending/> })}
        {move || merging.get().map(|theirs| view! { <MergePreview theirs=theirs merging=merging/> })}
        {move || pending.get().map(|d| {
            let c = d.workspace.counts();
            view! {
                <div class="panel confirm-import" role="region" aria-label="Import preview">
                    <h3>"Ready to import"</h3>
                    <dl class="facts">
                        <div><dt>"Organisation"</dt><dd>{d.workspace.organisation.clone()}</dd></div>
                        <div><dt>"People"</dt><dd>{c.people}</dd></div>
                        <div><dt>"Cohorts"</dt><dd>{c.cohorts}</dd></div>
                        <div><dt>"Candidates"</dt><dd>{c.candidates}</dd></div>
                        <div><dt>"Journey and evaluation records"</dt><dd>{crate::logic::records::counts(&d.workspace).into_iter().filter(|(k, _)| !matches!(k, RecordKind::Person | RecordKind::Cohort | RecordKind::Candidate)).map(|(_, n)| n).sum::<usize>()}</dd></div>
                        <div><dt>"Exported"</dt><dd>{d.exported_at.as_deref().and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok()).map_or_else(|| "unknown".to_string(), |t| fmt_date(t.date_naive()))}</dd></div>
                    </dl>
                    <p>"Replace: this browser's workspace becomes the file's. Merge: the file's additions and changes are brought into yours, and you choose where both changed the same thing. Either way your current workspace is kept for “Undo import”."</p>
                    <div class="actions">
                        <button type="button" on:click=start_merge>"Merge into my workspace…"</button>
                        <button type="button" class="secondary" on:click=confirm>"Replace my workspace"</button>
                        <button type="button" class="secondary" on:click=move |_| pending.set(None)>"Cancel"</button>
                    </div>
                </div>
            }
        })}
        {move || app.kept.get().map(|why| {
            let what = match why {
                Kept::BeforeImport => "The workspace from before the last import is kept",
                Kept::BeforeUndo => "The imported workspace you undid is kept",
            };
            view! {
                <div class="panel" role="region" aria-label="Kept workspace">
                    <p>{what} {move || kept_summary().map(|s| format!(": {s}.")).unwrap_or_else(|| ".".into())}</p>
                    {move || since_text().map(|t| view! { <p class="warning">{t}</p> })}
                    <button type="button" on:click=ask_or_undo disabled=move || app.is_read_only()>{why.button()}</button>
                    <ConfirmDialog open=asking title=why.button() intro=Signal::derive(move || since_text().unwrap_or_default()) lines=Signal::derive(Vec::new) confirm_label=why.button() on_confirm=undo_anyway/>
                </div>
            }
        })}
        <p class="muted">"The sample program, and clearing this browser, are in " <leptos_router::components::A href=crate::ui::link("/settings")>"Settings"</leptos_router::components::A> "."</p>
    }
}

#[component]
fn Stored() -> impl IntoView {
    let app = use_app();
    let usage = move || {
        app.save.track();
        app.kept.track();
        storage::usage(&BrowserStore)
    };
    let kept = move || {
        app.notice.track();
        storage::quarantined_keys(&BrowserStore)
    };
    let estimate = RwSignal::new(None::<(f64, f64)>);
    spawn_local(async move { estimate.set(browser::storage_estimate().await) });
    let download_key = move |key: String| match BrowserStore.get(&key) {
        Ok(Some(text)) => {
            let name = format!("{}.json", key.replace('.', "-"));
            if let Err(e) = browser::download(&name, &text, "application/json") {
                app.warn(&e);
            }
        }
        _ => app.warn("That stored entry is no longer there."),
    };
    view! {
        <h2>"Stored in this browser"</h2>
        <div class="table-wrap">
            <table>
                <caption class="sr-only">"What Runway stores in this browser"</caption>
                <thead><tr><th scope="col">"Entry"</th><th scope="col">"Size"</th></tr></thead>
                <tbody>
                    {move || usage().into_iter().map(|u| {
                        let what = match u.key.as_str() {
                            storage::WORKSPACE_KEY => "Your workspace".to_string(),
                            storage::BACKUP_KEY => "Backup from before the last import".to_string(),
                            "runway.backup.note" => "Note on what the backup is".to_string(),
                            "runway.backup.edits" => "Changes made since the backup".to_string(),
                            crate::storage::drafts::DRAFTS_KEY => "Drafts of forms not saved yet".to_string(),
                            crate::ui::state::ME_KEY => "Whose Runway this is (this browser only)".to_string(),
                            crate::ui::state::ME_BEFORE_KEY => "Who you were before the sample (for “Undo import”)".to_string(),
                            crate::ui::pages::answer::ANSWERING_KEY => "A request you are answering".to_string(),
                            k if k.starts_with(storage::QUARANTINE_PREFIX) => format!("Unreadable data kept aside ({k})"),
                            k => k.to_string(),
                        };
                        view! { <tr><td>{what}</td><td>{kb(u.bytes)}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p class="muted">{move || match storage::browser::why_not_database() {
            None => format!("In all {}. The workspace, its backup and anything kept aside are in the browser's database (IndexedDB), which holds far more than the 5 MB of simple storage; settings and drafts are in simple storage.", kb(usage().iter().map(|u| u.bytes).sum())),
            Some(why) => format!("In all {} of the roughly 5 MB a browser gives each site: this browser's database could not be used ({why}), so everything is in simple storage (localStorage).", kb(usage().iter().map(|u| u.bytes).sum())),
        }}</p>
        {move || estimate.get().map(|(used, quota)| view! {
            <p class="muted">{format!("The browser counts {} used by this site (all its storage and offline files), of {} it allows.", kb(used as usize), kb(quota as usize))}</p>
        })}
        <h3>"Keeping your data"</h3>
        <p>{move || match app.persisted.get() {
            Some(true) => "This browser has agreed to keep Runway's data: it will not clear it to free space.",
            Some(false) => "The browser may clear Runway's data if it runs short of space. Ask it to keep the data, and export regularly.",
            None => "This browser does not say whether it will keep Runway's data. Export regularly.",
        }}</p>
        <Show when=move || app.persisted.get() == Some(false)>
            <button type="button" class="secondary" on:click=move |_| app.ask_persistent()>"Ask the browser to keep Runway's data"</button>
        </Show>
        <Show when=move || !kept().is_empty()>
            <h3>"Data kept aside"</h3>
            <p>"This data was in the browser but could not be read. It has not been changed. Download it to look at it or to send it to someone who can help."</p>
            <ul class="kept">
                {move || kept().into_iter().map(|k| {
                    let key = k.clone();
                    view! { <li><code>{k.clone()}</code> " " <button type="button" class="secondary small" on:click=move |_| download_key(key.clone())>{format!("Download {k}")}</button></li> }
                }).collect_view()}
            </ul>
        </Show>
        <Show when=move || app.is_read_only()>
            <h3>"Stored data this version cannot change"</h3>
            <button type="button" on:click=move |_| download_key(WORKSPACE_KEY.to_string())>"Download stored data as it is"</button>
        </Show>
    }
}

/// Asks for the passphrase of an encrypted file, then hands the opened file to the preview.
#[component]
fn Unlock(
    name: String,
    text: String,
    locked: RwSignal<Option<(String, String)>>,
    pending: RwSignal<Option<Decoded>>,
) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let text = StoredValue::new(text);
    let file_name = name.clone();
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problem.set(None);
        busy.set(true);
        let file_name = file_name.clone();
        // Let "Opening…" show before the key derivation (about a second) starts.
        set_timeout(
            move || {
                let opened = crypt::decrypt(&text.get_value(), &passphrase.get_untracked());
                busy.set(false);
                match opened {
                    Err(e) => problem.set(Some(e.to_string())),
                    Ok(plain) => match decode_import(plain.as_bytes()) {
                        Ok(d) => {
                            locked.set(None);
                            pending.set(Some(d));
                        }
                        Err(e) => problem.set(Some(format!("{file_name} opened but was not imported. {e} Your workspace has not changed."))),
                    },
                }
            },
            std::time::Duration::from_millis(30),
        );
    };
    view! {
        <form class="panel form inline" on:submit=open aria-label="Open an encrypted file">
            <p class="grow">{format!("{name} is protected with a passphrase.")}</p>
            <label class="grow">"Passphrase" <input type="password" autocomplete="current-password" bind:value=passphrase required/></label>
            <button type="submit" disabled=move || busy.get()>"Open file"</button>
            <p class="muted" role="status">{move || busy.get().then_some("Opening…")}</p>
            <button type="button" class="secondary" on:click=move |_| locked.set(None)>"Cancel"</button>
            {move || problem.get().map(|p| view! { <p class="error grow" role="alert">{p}</p> })}
        </form>
    }
}

/// Export protected with a passphrase (AES-GCM, key from PBKDF2).
#[component]
fn EncryptedExport() -> impl IntoView {
    let app = use_app();
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if first.get_untracked() != again.get_untracked() {
            problem.set(Some("The two passphrases are not the same.".into()));
            return;
        }
        problem.set(None);
        busy.set(true);
        set_timeout(
            move || {
                let (name, text) = app.export();
                let delivered = deliver(
                    name,
                    text,
                    Some((first.get_untracked(), again.get_untracked())),
                );
                busy.set(false);
                match delivered {
                    Ok(name) => {
                        first.set(String::new());
                        again.set(String::new());
                        app.say(&format!("Exported {name}. Without the passphrase nobody can open it — Runway cannot recover it either."));
                    }
                    Err(e) => problem.set(Some(e)),
                }
            },
            std::time::Duration::from_millis(30),
        );
    };
    view! {
        <div class="panel">
            <p>"With a passphrase, the backup opens only with it; Runway cannot recover it. Keep the passphrase apart from the file."</p>
            <form class="form inline" on:submit=submit aria-label="Back up with a passphrase">
                <label class="grow">"Passphrase (8 characters or more)" <input type="password" autocomplete="new-password" minlength="8" bind:value=first required/></label>
                <label class="grow">"Passphrase again" <input type="password" autocomplete="new-password" bind:value=again required/></label>
                <button type="submit" disabled=move || busy.get()>"Download encrypted backup"</button>
            </form>
            <p class="muted" role="status">{move || busy.get().then_some("Encrypting…")}</p>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
        </div>
    }
}

/// A kind's name as the start of a line ("Level move", "Candidacy").
fn kind_word(kind: RecordKind) -> String {
    let name = match kind {
        RecordKind::Candidate => "candidacy",
        k => k.name(),
    };
    let mut c = name.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A record's name in the merge preview: "Person: Priya Raman", but "1:1 of Priya with Sam on
/// …" rather than "1:1: 1:1 of …" when the label already says what it is.
fn record_title(kind: RecordKind, label: &str) -> String {
    let word = kind_word(kind);
    if label.to_lowercase().starts_with(&word.to_lowercase()) {
        label.to_string()
    } else {
        format!("{word}: {label}")
    }
}

/// What a merge will add, update and remove, with a choice for every conflict.
#[component]
fn MergePreview(theirs: Workspace, merging: RwSignal<Option<Workspace>>) -> impl IntoView {
    let app = use_app();
    let theirs = StoredValue::new(theirs);
    let choices = RwSignal::new(Resolutions::new());
    let now = browser::now();
    let outcome = Memo::new(move |_| {
        let chosen = choices.get();
        app.ws
            .with(|mine| theirs.with_value(|t| merge(mine, t, &chosen, now)))
    });
    let report = move || outcome.with(|o| o.1.clone());
    let list = move |title: &'static str, pick: fn(&MergeReport) -> &Vec<Change>| {
        move || {
            let items = outcome.with(|o| pick(&o.1).clone());
            (!items.is_empty()).then(|| {
                view! {
                    <h4>{format!("{title} ({})", items.len())}</h4>
                    <ul>{items.into_iter().map(|c| view! {
                        <li>
                            {record_title(c.kind, &c.label)}
                            {(!c.details.is_empty()).then(|| view! {
                                <ul class="details">{c.details.into_iter().map(|d| view! {
                                    <li>{format!("{}: {} → {}", d.label, d.mine, d.theirs)}</li>
                                }).collect_view()}</ul>
                            })}
                        </li>
                    }).collect_view()}</ul>
                }
            })
        }
    };
    let choose = move |id: Id, field: &'static str, side: Side| {
        choices.update(|c| {
            c.entry(id).or_default().insert(field, side);
        });
    };
    let apply_merge = move |_| {
        let (merged, report) = outcome.get_untracked();
        let problems = crate::logic::validate(&merged);
        if !problems.is_empty() {
            app.warn(&format!(
                "The merge was not applied: it would break a rule ({}).",
                problems[0]
            ));
            return;
        }
        let summary = format!(
            "Merged: {} added, {} updated, {} removed, {} conflicts settled. “Undo import” brings back what you had.",
            report.added.len(), report.updated.len(), report.removed.len(), report.conflicts.len()
        );
        match app.replace(merged) {
            Ok(None) => app.say(&summary),
            Ok(Some(warning)) | Err(warning) => app.warn(&warning),
        }
        merging.set(None);
    };
    view! {
        <div class="panel merge" role="region" aria-label="Merge preview">
            <h3>"Merge preview"</h3>
            {move || report().is_noop().then(|| view! { <p>"Nothing to merge: your workspace already has everything in this file."</p> })}
            {list("Will be added", |r| &r.added)}
            {list("Will be updated with their changes", |r| &r.updated)}
            {list("Will be removed (deleted in their file)", |r| &r.removed)}
            {list("Stay deleted (deleted here, still in their file)", |r| &r.kept_deleted)}
            {move || {
                let repairs = report().repairs;
                (!repairs.is_empty()).then(|| view! {
                    <h4>"Adjusted so nothing points at a deleted record"</h4>
                    <ul>{repairs.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                })
            }}
            {move || {
                let conflicts = report().conflicts;
                (!conflicts.is_empty()).then(|| view! {
                    <h4>{format!("Changed on both sides: choose ({})", conflicts.len())}</h4>
                    {conflicts.into_iter().map(|c| {
                        let id = c.id;
                        let title = record_title(c.kind, &c.label);
                        let rows: Vec<(&'static str, String, String, String)> = match c.what {
                            ConflictKind::BothChanged(diffs) => diffs.into_iter().map(|d| (d.field, d.label, d.mine, d.theirs)).collect(),
                            ConflictKind::DeletedHereChangedThere => vec![("record", "record".into(), "deleted here".into(), "changed in their file after that".into())],
                            ConflictKind::DeletedThereChangedHere => vec![("record", "record".into(), "changed here after their deletion".into(), "deleted in their file".into())],
                        };
                        view! {
                            <fieldset class="conflict">
                                <legend>{title.clone()}</legend>
                                {rows.into_iter().map(|(field, label, mine, theirs_value)| {
                                    let group = format!("merge-{id}-{field}");
                                    let is = move |side: Side| choices.with(|c| c.get(&id).and_then(|m| m.get(field)).copied().unwrap_or(Side::Mine) == side);
                                    view! {
                                        <div class="choice" role="radiogroup" aria-label=format!("{title}: {label}")>
                                            <span class="field">{label.clone()}</span>
                                            <label class="check"><input type="radio" name=group.clone() prop:checked=move || is(Side::Mine) on:change=move |_| choose(id, field, Side::Mine)/>{format!("Keep mine: {mine}")}</label>
                                            <label class="check"><input type="radio" name=group prop:checked=move || is(Side::Theirs) on:change=move |_| choose(id, field, Side::Theirs)/>{format!("Take theirs: {theirs_value}")}</label>
                                        </div>
                                    }
                                }).collect_view()}
                            </fieldset>
                        }
                    }).collect_view()}
                })
            }}
            <div class="actions">
                <button type="button" on:click=apply_merge disabled=move || app.is_read_only()>"Apply merge"</button>
                <button type="button" class="secondary" on:click=move |_| merging.set(None)>"Cancel"</button>
            </div>
        </div>
    }
}
