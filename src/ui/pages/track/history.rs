//! A person's level history: where they stand (level, time at level against the usual range,
//! the level's focus and question), the timeline of their moves, and recording a move.

use leptos::prelude::*;

use crate::logic::actions::Action;
use crate::logic::records::Record;
use crate::logic::track::{
    self, days_managing, moves_of, return_expectation, standing, typical_text,
};
use crate::model::{Id, LevelMove, MoveKind, RecordKind, Timestamp, TrackLevel};
use crate::ui::browser;
use crate::ui::forms::{
    AreaField, ChoiceField, DateField, DeleteEntry, DraftForm, Folding, FormButtons, FormDraft,
    TextField,
};
use crate::ui::state::use_app;
use crate::ui::widgets::{date_value, fmt_date, parse_date};

#[derive(Clone, Copy)]
struct MoveForm {
    on: RwSignal<String>,
    kind: RwSignal<String>,
    level: RwSignal<String>,
    team: RwSignal<String>,
    note: RwSignal<String>,
}

impl MoveForm {
    fn new(m: Option<&LevelMove>, current: Option<TrackLevel>) -> Self {
        MoveForm {
            on: RwSignal::new(date_value(Some(m.map_or_else(browser::today, |m| m.on)))),
            kind: RwSignal::new(m.map_or(MoveKind::Promoted, |m| m.kind).code().to_string()),
            level: RwSignal::new(
                m.map(|m| m.level)
                    .or(current)
                    .unwrap_or_default()
                    .code()
                    .to_string(),
            ),
            team: RwSignal::new(m.map(|m| m.team.clone()).unwrap_or_default()),
            note: RwSignal::new(m.map(|m| m.note.clone()).unwrap_or_default()),
        }
    }

    fn record(self, id: Id, person_id: Id) -> Result<LevelMove, String> {
        let on = parse_date(&self.on.get_untracked())
            .ok_or_else(|| "Enter the day of the move.".to_string())?;
        Ok(LevelMove {
            id,
            person_id,
            on,
            kind: MoveKind::from_code(&self.kind.get_untracked()).unwrap_or(MoveKind::Promoted),
            level: TrackLevel::from_code(&self.level.get_untracked()).unwrap_or_default(),
            team: self.team.get_untracked().trim().to_string(),
            note: self.note.get_untracked().trim().to_string(),
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
        })
    }

    fn view(self, person_id: Id, editing: Option<Id>) -> impl IntoView {
        let app = use_app();
        let kinds: Vec<(String, String)> = MoveKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), k.label().to_string()))
            .collect();
        let levels: Vec<(String, String)> = TrackLevel::ALL
            .iter()
            .map(|l| (l.code().to_string(), l.code().to_string()))
            .collect();
        // What the move means, said while it is being written: the way back from managing,
        // or a jump past M1 that needs a reason.
        let hint = move || {
            let level = TrackLevel::from_code(&self.level.get())?;
            let on = parse_date(&self.on.get()).unwrap_or_else(browser::today);
            app.ws.with(|ws| {
                let before = moves_of(ws, person_id)
                    .into_iter()
                    .rfind(|m| m.on < on && Some(m.id) != editing)
                    .map(|m| m.level)?;
                if before.is_manager() && !level.is_manager() {
                    let years = days_managing(ws, person_id, on) as f64 / 365.25;
                    Some(format!(
                        "Back to engineering after {:.1} years managing. {}",
                        years,
                        return_expectation(years, before)
                    ))
                } else if !before.is_manager() && level > TrackLevel::M1 {
                    Some(format!(
                        "From {} straight to {} skips M1: say why in the note.",
                        before.code(),
                        level.code()
                    ))
                } else if !before.is_manager() && level.is_manager() {
                    Some("A first step into managing is best recorded as a trial (below), with its guaranteed way back.".into())
                } else {
                    None
                }
            })
        };
        view! {
            <DateField label="Day of the move" value=self.on required=true field="on"/>
            <ChoiceField label="Kind of move" value=self.kind options=kinds field="kind"/>
            <ChoiceField label="Level from that day" value=self.level options=levels field="level"/>
            <TextField label="Team from that day (if it changed)" value=self.team field="team"/>
            <AreaField label="Note" value=self.note field="note" rows=2/>
            {move || hint().map(|h| view! { <p class="hint wide">{h}</p> })}
        }
    }
}

/// Where a person stands and how they got there.
#[component]
pub fn LevelHistory(person_id: Id) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    // Each move with the level before it (its label says "IC3 → M1"), so an item is redrawn
    // when a move before it changes.
    let moves = move || {
        app.ws.with(|ws| {
            let list = moves_of(ws, person_id);
            list.iter()
                .enumerate()
                .map(|(i, m)| ((*m).clone(), i.checked_sub(1).map(|j| list[j].level)))
                .collect::<Vec<_>>()
        })
    };
    let now = move || app.ws.with(|ws| standing(ws, person_id, today));
    let form = MoveForm::new(
        None,
        app.ws
            .with_untracked(|ws| track::current_level(ws, person_id)),
    );
    let draft = FormDraft::new(format!("level/{person_id}/new"), "Record a level move");
    let open = RwSignal::new(draft.has_draft());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.record(Id::nil(), person_id) {
            Ok(m) => {
                let done = format!(
                    "Recorded: {} {} on {}.",
                    m.kind.label(),
                    m.level.code(),
                    fmt_date(m.on)
                );
                if draft
                    .save(Action::Put(Record::LevelMove(m)), &done)
                    .is_some()
                {
                    form.note.set(String::new());
                    form.team.set(String::new());
                    open.set(false);
                }
            }
            Err(e) => app.warn(&e),
        }
    };
    view! {
        <section class="track-history" aria-labelledby="level-history">
            <h2 id="level-history">"Level"</h2>
            {move || match now() {
                None if !moves().is_empty() => view! { <p class="muted">{move || moves().first().map(|(m, _)| format!("Their history starts on {}.", fmt_date(m.on)))}</p> }.into_any(),
                None => view! { <p class="muted">"No level history in this copy. A file shared with you may have left it out (each person's history goes only to their own files); if this is your own data, record the level they joined at, or hold now, as a level on record."</p> }.into_any(),
                Some(s) => {
                    let range = typical_text(s.level);
                    // The level's focus and core question, in the track framework's words (a
                    // copy edited here wins).
                    let f = app.ws.with(|ws| {
                        let fw = track::readiness::track_framework(ws);
                        track::readiness::framework_level(&fw, s.level).map(|l| (l.name.clone(), l.guidance.clone()))
                    });
                    view! {
                        <p class="standing">
                            <strong>{s.level.code()}</strong>
                            {format!(" since {} · {} at this level", fmt_date(s.since), track::years_text(s.years()))}
                            {range.map(|r| view! { <span class="muted">{format!(" (usually {r} before the next)")}</span> })}
                        </p>
                        {f.map(|(name, guidance)| view! {
                            <p class="focus"><strong>{name}</strong>{(!guidance.is_empty()).then(|| format!(". {guidance}"))}</p>
                        })}
                    }.into_any()
                }
            }}
            <h3>"History"</h3>
            <ol class="level-moves">
                <For each=moves key=|(m, before)| (m.id, m.updated_at, *before) let:item>
                    <MoveItem m=item.0 before=item.1/>
                </For>
            </ol>
            // Moves are recorded by others (a coach, their manager), not by the person they are
            // about; hiding is a courtesy, the files carry the guarantees.
            <Show when=move || app.person() != Some(person_id)>
                <Folding open=open summary=|| "Record a level move">
                    <DraftForm draft=draft label="Record a level move" on_submit=add>
                        {form.view(person_id, None)}
                        <FormButtons save_label="Record the move"/>
                    </DraftForm>
                </Folding>
            </Show>
        </section>
    }
}

#[component]
fn MoveItem(m: LevelMove, before: Option<TrackLevel>) -> impl IntoView {
    let app = use_app();
    let editing = RwSignal::new(false);
    let form = MoveForm::new(Some(&m), None);
    let draft = FormDraft::new(format!("level/{}", m.id), "Edit a level move");
    if draft.has_draft() {
        editing.set(true);
    }
    let (id, person_id) = (m.id, m.person_id);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.record(id, person_id) {
            Ok(x) => {
                if draft
                    .save(Action::Put(Record::LevelMove(x)), "Saved the level move.")
                    .is_some()
                {
                    editing.set(false);
                }
            }
            Err(e) => app.warn(&e),
        }
    };
    let cancel = Callback::new(move |_| editing.set(false));
    // The level before, and what a return means, from the history as it stands.
    let back = before
        .filter(|b| b.is_manager() && !m.level.is_manager())
        .map(|b| {
            let years =
                app.ws
                    .with_untracked(|ws| days_managing(ws, person_id, m.on)) as f64
                    / 365.25;
            return_expectation(years, b)
        });
    let what = format!(
        "{} {} on {}",
        m.kind.label().to_lowercase(),
        m.level.code(),
        fmt_date(m.on)
    );
    let step = match before {
        Some(b) if b != m.level => format!("{} → {}", b.code(), m.level.code()),
        _ => m.level.code().to_string(),
    };
    let returned = m.kind == MoveKind::Returned;
    view! {
        <li class="move" class:returned=returned>
            <Show when=move || editing.get() fallback={
                let m = m.clone();
                let what = what.clone();
                let step = step.clone();
                move || view! {
                    <p class="move-head">
                        <time datetime=date_value(Some(m.on))>{fmt_date(m.on)}</time>
                        " · " <strong>{m.kind.label()}</strong> " " {step.clone()}
                        {(!m.team.is_empty()).then(|| format!(" · {}", m.team))}
                    </p>
                    {(!m.note.is_empty()).then(|| view! { <p class="body">{m.note.clone()}</p> })}
                    {back.map(|b| view! { <p class="hint">{b}</p> })}
                    {(app.person() != Some(person_id)).then(|| view! {
                        <p class="row-actions">
                            <button type="button" class="link" aria-label=format!("Edit the move: {what}") on:click=move |_| editing.set(true) disabled=move || app.is_read_only()>"Edit"</button>
                            <DeleteEntry kind=RecordKind::LevelMove id=id what=format!("the move: {what}")/>
                        </p>
                    })}
                }
            }>
                <DraftForm draft=draft label="Edit the level move" on_submit=save>
                    {form.view(person_id, Some(id))}
                    <FormButtons save_label="Save the move" on_cancel=cancel/>
                </DraftForm>
            </Show>
        </li>
    }
}
