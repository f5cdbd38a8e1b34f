//! A case's letters: the slots by kind with who is asked and what came in, the request file
//! for each, adding letter files, a writer's second letter, and the sponsor's own letter.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::file::letters::{decode_letter, encode_letter_request, letter_request_file_name};
use crate::logic::actions::Action;
use crate::logic::promotion::{self as promo, letters as rules};
use crate::logic::records::Record;
use crate::model::{Id, Letter, LetterKind, LetterSlot, RecordKind, Timestamp};
use crate::ui::browser;
use crate::ui::forms::{
    ChoiceField, DateField, DeleteEntry, DraftForm, Folding, FormButtons, FormDraft, TextField,
};
use crate::ui::state::use_app;
use crate::ui::widgets::{date_value, fmt_date, parse_date};

use super::{case_signal, runs_case, CountedArea};

#[component]
pub fn LettersSection(id: Id) -> impl IntoView {
    let app = use_app();
    let case = case_signal(id);
    let today = browser::today();
    let gaps = move || case().map_or(Vec::new(), |c| app.ws.with(|ws| promo::letter_gaps(ws, &c)));
    let slots = move || {
        case().map_or(Vec::new(), |c| {
            app.ws.with(|ws| promo::slots(ws, &c, today))
        })
    };
    let runs = move || case().is_some_and(|c| runs_case(&c));
    let applicant = move || case().is_some_and(|c| app.person() == Some(c.person_id));
    let closed = move || case().is_some_and(|c| c.status().is_closed());
    view! {
        <section aria-labelledby="letters-heading">
            <h2 id="letters-heading">"Letters"</h2>
            <p class="muted">"At least three letters, one of each kind below, and the sponsor's own. The applicant suggests who to ask; the sponsor sends each writer a request file, and adds the letter file that comes back. Letters are confidential: the applicant's files never carry them."</p>
            {move || {
                let g = gaps();
                let late: Vec<String> = slots().into_iter().filter(|s| s.overdue).map(|s| {
                    format!("{}'s letter was due {}", s.slot.writer, s.slot.due_on.map(fmt_date).unwrap_or_default())
                }).collect();
                (!g.is_empty() || !late.is_empty()).then(|| view! {
                    <div class="letter-gaps" role="region" aria-label="Letters missing">
                        {(!g.is_empty()).then(|| view! {
                            <p><strong>"Missing: "</strong>{g.iter().map(|x| crate::logic::actions::sentence(x)).collect::<Vec<_>>().join(" ")}</p>
                        })}
                        {(!late.is_empty()).then(|| view! {
                            <p class="overdue"><strong>"Overdue: "</strong>{late.join("; ")}"."</p>
                        })}
                    </div>
                })
            }}
            <Show when=move || runs() && !closed()>
                <AddLetterFile id=id/>
            </Show>
            <ul class="slots">
                <For each=slots key=|st| serde_json::to_string(&(&st.slot, &st.letters, st.overdue)).unwrap_or_default() let:st>
                    <SlotCard id=id entry=st.slot.clone() letters=st.letters.clone() overdue=st.overdue/>
                </For>
            </ul>
            <Show when=move || (runs() || applicant()) && !closed()>
                <AddSlot id=id/>
            </Show>
            <SponsorLetter id=id/>
        </section>
    }
}

#[component]
fn SlotCard(id: Id, entry: LetterSlot, letters: Vec<Id>, overdue: bool) -> impl IntoView {
    let slot = entry;
    let app = use_app();
    let case = case_signal(id);
    let runs = move || case().is_some_and(|c| runs_case(&c));
    let applicant = move || case().is_some_and(|c| app.person() == Some(c.person_id));
    let closed = move || case().is_some_and(|c| c.status().is_closed());
    let received: Vec<Letter> = app.ws.with_untracked(|ws| {
        letters
            .iter()
            .filter_map(|l| ws.letters.iter().find(|x| x.id == *l).cloned())
            .collect()
    });
    let state = if !received.is_empty() {
        format!(
            "In: {}",
            received
                .iter()
                .map(|l| format!("{} ({})", l.writer, fmt_date(l.written_on)))
                .collect::<Vec<_>>()
                .join(", ")
        )
    } else if overdue {
        format!(
            "Overdue: asked {}, due {}",
            slot.requested_on.map(fmt_date).unwrap_or_default(),
            slot.due_on.map(fmt_date).unwrap_or_default()
        )
    } else if let Some(a) = slot.requested_on {
        format!(
            "Asked {}{}",
            fmt_date(a),
            slot.due_on
                .map(|d| format!(", due {}", fmt_date(d)))
                .unwrap_or_default()
        )
    } else if slot.writer.is_empty() {
        "Nobody named yet".to_string()
    } else {
        "Not asked yet".to_string()
    };
    let who = if slot.writer.is_empty() {
        "—".to_string()
    } else if slot.role.is_empty() {
        slot.writer.clone()
    } else {
        format!("{}, {}", slot.writer, slot.role)
    };
    let slot_id = slot.id;
    let make_request = move |_| {
        let Some(c) = case() else { return };
        let today = browser::today();
        let marked = rules::mark_requested(&c, slot_id, today, app.person_untracked());
        let req = app
            .ws
            .with_untracked(|ws| rules::request(ws, &marked, slot_id, today));
        match req {
            Err(e) => app.warn(&e),
            Ok(r) => {
                if app
                    .act(
                        Action::Put(Record::Promotion(marked)),
                        "Marked the letter as asked for.",
                    )
                    .is_none()
                {
                    return;
                }
                let name = letter_request_file_name(&r);
                match browser::download(&name, &encode_letter_request(&r), "application/json") {
                    Ok(()) => app.say(&format!(
                        "Downloaded {name}: send it to {}. They open it in Runway (Write a letter) and send back a letter file.",
                        r.writer
                    )),
                    Err(e) => app.warn(&format!("The request file could not be saved: {e}")),
                }
            }
        }
    };
    let two = received.len() > 1;
    let newest = received.last().map(|l| l.id);
    let older: Vec<Id> = received
        .iter()
        .filter(|l| Some(l.id) != newest)
        .map(|l| l.id)
        .collect();
    let keep_newest = move |_| {
        for o in &older {
            if app
                .dispatch(Action::Remove {
                    kind: RecordKind::Letter,
                    id: *o,
                })
                .is_err()
            {
                return;
            }
        }
        app.say("Kept the newer letter only.");
    };
    let kind_label = slot.kind.label();
    let request_label = format!(
        "Download the request file for {}",
        if slot.writer.is_empty() {
            "this slot".to_string()
        } else {
            slot.writer.clone()
        }
    );
    let edit_entry = slot.clone();
    let has_writer = !slot.writer.is_empty();
    let filled = !received.is_empty();
    let shown_letters = received.clone();
    view! {
        <li class="card slot" class:overdue=overdue class:filled=!received.is_empty() aria-label=format!("Letter slot: {}", slot.kind.short())>
            <h3>{slot.kind.short()}</h3>
            <p class="muted small">{kind_label}</p>
            <dl class="facts">
                <div><dt>"Writer"</dt><dd>{who}</dd></div>
                <div><dt>"State"</dt><dd class="slot-state">{state}</dd></div>
            </dl>
            {(!slot.speaks_to.is_empty()).then(|| view! { <p class="small">{format!("Speaks to: {}", slot.speaks_to)}</p> })}
            {two.then(|| view! {
                <div class="notice" role="note">
                    <p>{format!("{} letters came in for this slot. Both are kept until you choose.", shown_letters.len())}</p>
                    <Show when=runs>
                        <button type="button" on:click=keep_newest.clone()>"Keep the newer letter only"</button>
                    </Show>
                </div>
            })}
            <Show when=move || !applicant()>
                {shown_letters.clone().into_iter().map(|l| {
                    let what = format!("the letter from {}", l.writer);
                    view! {
                        <details class="letter">
                            <summary>{format!("Read the letter from {} ({})", l.writer, fmt_date(l.written_on))}</summary>
                            <div class="letter-body">{l.body.clone()}</div>
                            <Show when=runs><DeleteEntry kind=RecordKind::Letter id=l.id what=what.clone()/></Show>
                        </details>
                    }
                }).collect_view()}
            </Show>
            <Show when=move || runs() && !closed() && has_writer && !filled>
                <p class="actions">
                    <button type="button" on:click=make_request disabled=move || app.is_read_only()>
                        {request_label.clone()}
                    </button>
                </p>
            </Show>
            <Show when=move || (runs() || applicant()) && !closed()>
                <EditSlot id=id entry=edit_entry.clone()/>
            </Show>
        </li>
    }
}

#[component]
fn EditSlot(id: Id, entry: LetterSlot) -> impl IntoView {
    let slot = entry;
    let app = use_app();
    let case = case_signal(id);
    let writer = RwSignal::new(slot.writer.clone());
    let role = RwSignal::new(slot.role.clone());
    let speaks = RwSignal::new(slot.speaks_to.clone());
    let due = RwSignal::new(date_value(slot.due_on));
    let draft = FormDraft::new(format!("promotion/{id}/slot/{}", slot.id), "A letter slot");
    let open = RwSignal::new(draft.has_draft());
    let slot_id = slot.id;
    let placeholder = rules::default_speaks_to(slot.kind);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut c) = case() else { return };
        let Some(s) = c.slots.iter_mut().find(|s| s.id == slot_id) else {
            return;
        };
        s.writer = writer.get_untracked().trim().to_string();
        s.role = role.get_untracked().trim().to_string();
        s.speaks_to = speaks.get_untracked().trim().to_string();
        s.due_on = parse_date(&due.get_untracked());
        if draft
            .save(Action::Put(Record::Promotion(c)), "Saved the letter slot.")
            .is_some()
        {
            open.set(false);
        }
    };
    let remove = move |_| {
        let Some(mut c) = case() else { return };
        c.slots.retain(|s| s.id != slot_id);
        app.act(
            Action::Put(Record::Promotion(c)),
            "Took the slot out of the case.",
        );
    };
    let has_letter = app
        .ws
        .with_untracked(|ws| !promo::letters_for_slot(ws, id, slot_id).is_empty());
    view! {
        <Folding open=open summary=|| "Edit who is asked">
            <DraftForm draft=draft label="Who is asked for this letter" on_submit=submit>
                <TextField label="Writer's name" value=writer/>
                <TextField label="Their role" value=role placeholder="e.g. Staff engineer, Routing"/>
                <crate::ui::forms::AreaField label="What the letter should speak to" value=speaks rows=2 placeholder=placeholder/>
                <DateField label="Due on" value=due field="slots"/>
                <FormButtons save_label="Save the slot"/>
            </DraftForm>
            {(!has_letter).then(|| view! {
                <button type="button" class="secondary" on:click=remove>"Take this slot out"</button>
            })}
        </Folding>
    }
}

#[component]
fn AddSlot(id: Id) -> impl IntoView {
    let app = use_app();
    let case = case_signal(id);
    let kind = RwSignal::new(LetterKind::Optional.code().to_string());
    let options: Vec<(String, String)> = LetterKind::ALL
        .iter()
        .filter(|k| **k != LetterKind::Sponsor)
        .map(|k| (k.code().to_string(), k.short().to_string()))
        .collect();
    let add = move |_| {
        let Some(mut c) = case() else { return };
        let k = LetterKind::from_code(&kind.get_untracked()).unwrap_or(LetterKind::Optional);
        c.slots.push(LetterSlot {
            id: browser::new_id(),
            kind: k,
            writer: String::new(),
            role: String::new(),
            speaks_to: String::new(),
            requested_on: None,
            due_on: None,
        });
        app.act(Action::Put(Record::Promotion(c)), "Added a letter slot.");
    };
    view! {
        <div class="form inline add-slot">
            <ChoiceField label="Kind of letter" value=kind options=options/>
            <button type="button" class="secondary" on:click=add disabled=move || app.is_read_only()>"Add a letter slot"</button>
        </div>
    }
}

#[component]
fn AddLetterFile(id: Id) -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let on_pick = move |ev: leptos::ev::Event| {
        let files = browser::take_picked(&ev);
        error.set(None);
        for file in files {
            let name = file.name();
            if file.size() > crate::file::MAX_FILE_BYTES as f64 {
                error.set(Some(format!(
                    "{name} is too large to be a letter file. Nothing was added."
                )));
                continue;
            }
            spawn_local(async move {
                let bytes = match browser::read_file(file).await {
                    Ok(b) => b,
                    Err(e) => {
                        error.set(Some(format!("{name}: {e}. Nothing was added.")));
                        return;
                    }
                };
                let letter = match decode_letter(&bytes) {
                    Ok(l) => l,
                    Err(e) => {
                        error.set(Some(format!("{name} could not be added. {e}")));
                        return;
                    }
                };
                let incoming = app
                    .ws
                    .with_untracked(|ws| rules::receive(ws, id, &letter, browser::now()));
                match incoming {
                    Err(e) => error.set(Some(format!("{name}: {e}"))),
                    Ok(inc) => {
                        let second = !inc.earlier.is_empty();
                        let writer = inc.letter.writer.clone();
                        let done = if second {
                            format!("Added a second letter from {writer}: both show until you keep one.")
                        } else {
                            format!("Added the letter from {writer}.")
                        };
                        if let Err(e) = app.dispatch(Action::Add(Record::Letter(inc.letter))) {
                            error.set(Some(format!("{name}: {e}")));
                        } else {
                            app.say(&done);
                        }
                    }
                }
            });
        }
    };
    view! {
        <div class="add-letter">
            <label class="file">"Add letter files"
                <input type="file" multiple=true accept=".json,application/json" on:change=on_pick/>
            </label>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </div>
    }
}

#[component]
fn SponsorLetter(id: Id) -> impl IntoView {
    let app = use_app();
    let case = case_signal(id);
    let existing = app
        .ws
        .with_untracked(|ws| promo::sponsor_letter(ws, id).cloned());
    let sponsor = untrack(case).and_then(|c| c.sponsor_id);
    let sponsor_name = app.ws.with_untracked(|ws| {
        sponsor
            .map(|s| ws.person_name(s).to_string())
            .unwrap_or_default()
    });
    let writer = RwSignal::new(existing.as_ref().map_or(sponsor_name, |l| l.writer.clone()));
    let role = RwSignal::new(
        existing
            .as_ref()
            .map(|l| l.role.clone())
            .unwrap_or_default(),
    );
    let body = RwSignal::new(
        existing
            .as_ref()
            .map(|l| l.body.clone())
            .unwrap_or_default(),
    );
    let on = RwSignal::new(date_value(Some(
        existing.as_ref().map_or(browser::today(), |l| l.written_on),
    )));
    let draft = FormDraft::new(
        format!("promotion/{id}/sponsor-letter"),
        "The sponsor's letter",
    );
    let open = RwSignal::new(draft.has_draft() || existing.is_none());
    let is_sponsor = move || sponsor.is_some() && app.person() == sponsor;
    let runs = move || case().is_some_and(|c| runs_case(&c));
    let closed = move || case().is_some_and(|c| c.status().is_closed());
    let current = move || app.ws.with(|ws| promo::sponsor_letter(ws, id).cloned());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = parse_date(&on.get_untracked()) else {
            app.warn("Enter the day the letter was written.");
            return;
        };
        let base = current();
        let letter = Letter {
            id: base.as_ref().map_or(Id::nil(), |l| l.id),
            case_id: id,
            slot_id: None,
            kind: LetterKind::Sponsor,
            writer: writer.get_untracked().trim().to_string(),
            role: role.get_untracked().trim().to_string(),
            writer_id: sponsor,
            body: body.get_untracked(),
            written_on: day,
            created_at: base
                .as_ref()
                .map_or(Timestamp::UNIX_EPOCH, |l| l.created_at),
            updated_at: base
                .as_ref()
                .map_or(Timestamp::UNIX_EPOCH, |l| l.updated_at),
            merge_bases: base.map(|l| l.merge_bases).unwrap_or_default(),
        };
        if draft
            .save(
                Action::Put(Record::Letter(letter)),
                "Saved the sponsor's letter.",
            )
            .is_some()
        {
            open.set(false);
        }
    };
    view! {
        <section aria-labelledby="sponsor-letter-heading" class="sponsor-letter">
            <h3 id="sponsor-letter-heading">"The sponsor's letter"</h3>
            {move || match current() {
                Some(l) => view! {
                    <p class="muted">{format!("Written by {} on {} · {}", l.writer, fmt_date(l.written_on), crate::ui::widgets::count(promo::word_count(&l.body), "word", "words"))}</p>
                }.into_any(),
                None => view! { <p class="muted">"Not written yet."</p> }.into_any(),
            }}
            <Show when=move || (is_sponsor() || runs()) && !closed()>
                <Folding open=open summary=move || if current().is_some() { "Edit the sponsor's letter" } else { "Write the sponsor's letter" }>
                    <p class="hint">"What you have seen the applicant do at the next level, how they grew while you sponsored them, and what the committee should weigh. Name the evidence; a letter that only praises helps nobody."</p>
                    <DraftForm draft=draft label="The sponsor's letter" on_submit=submit>
                        <TextField label="Signed by" value=writer field="writer"/>
                        <TextField label="Role" value=role/>
                        <DateField label="Written on" value=on required=true field="written_on"/>
                        <CountedArea label="Letter" value=body rows=10 field="body"/>
                        <FormButtons save_label="Save the sponsor's letter"/>
                    </DraftForm>
                </Folding>
            </Show>
        </section>
    }
}
