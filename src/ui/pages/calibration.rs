//! Monthly calibration: a cohort's sessions, the reveal of raters' ratings side by side, the
//! calibrated levels, and the reminder when a month has none. The rules (what a session
//! covers, spreads, leniency, the reminder) are in `logic::evaluation::calibration`.

use crate::sort::StableSort as _;
use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::logic::actions::Action;
use crate::logic::evaluation::calibration::{
    apply_cell_edits, calibrated_warning, covered_per_rater, grid, is_running, leniency,
    leniency_text, prefills, reminders, sessions_this_month, CandidateGrid, Cell, Leniency,
    Prefill, DISAGREEMENT,
};
use crate::logic::evaluation::frameworks::{self, MIT_RUBRIC};
use crate::logic::records::Record;
use crate::model::{Calibrated, Calibration, Framework, Id, RecordKind, Timestamp, Workspace};
use crate::storage::drafts::FieldValue;
use crate::ui::browser;
use crate::ui::forms::{
    person_value, AreaField, Bound, ChoiceField, DateField, DeleteEntry, DraftForm, FormDraft,
    PeopleField,
};
use crate::ui::link;
use crate::ui::pages::candidate::section_href;
use crate::ui::pages::{existing_route_id, Missing};
use crate::ui::state::use_app;
use crate::ui::widgets::{count, date_value, fmt_date, parse_date};

fn framework_name(ws: &Workspace, id: Id) -> String {
    frameworks::find(ws, id).map_or_else(|| "a framework no longer here".into(), |f| f.name)
}

fn candidate_name(ws: &Workspace, id: Id) -> String {
    ws.candidate_name(id)
        .unwrap_or("A candidate no longer here")
        .to_string()
}

/// `/cohorts/:id/calibration`.
#[component]
pub fn CalibrationPage() -> impl IntoView {
    let found = existing_route_id(|ws, id| ws.cohort(id).is_some());
    move || match found.get().0 {
        None => view! { <Missing what="cohort" back="/cohorts" back_label="Back to cohorts"/> }
            .into_any(),
        Some(id) => view! { <Sessions id=id/> }.into_any(),
    }
}

#[component]
fn Sessions(id: Id) -> impl IntoView {
    let app = use_app();
    let name = move || {
        app.ws
            .with(|ws| ws.cohort(id).map(|c| c.name.clone()).unwrap_or_default())
    };
    // The sessions, newest first (ids and their titles).
    let list = Memo::new(move |_| {
        app.ws.with(|ws| {
            let mut l: Vec<&Calibration> = ws
                .calibrations
                .iter()
                .filter(|c| c.cohort_id == id)
                .collect();
            l.stable_sort_by_key(|c| std::cmp::Reverse((c.on, c.id)));
            l.into_iter()
                .map(|c| {
                    (
                        c.id,
                        format!(
                            "{} — {}",
                            fmt_date(c.on),
                            framework_name(ws, c.framework_id)
                        ),
                        c.revealed,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let picked: RwSignal<Option<Id>> = RwSignal::new(None);
    let shown = Memo::new(move |_| {
        let l = list.get();
        picked
            .get()
            .filter(|p| l.iter().any(|(i, _, _)| i == p))
            .or_else(|| l.first().map(|(i, _, _)| *i))
    });
    view! {
        <section class="page">
            <p class="crumbs"><A href=link("/cohorts")>"Cohorts"</A> " / " <A href=link(&format!("/cohorts/{id}"))>{name}</A> " / "</p>
            <h1>{move || format!("Calibration — {}", name())}</h1>
            <p class="lead">"Once a month the raters meet. Until then each rater sees only their own ratings; in the session they are revealed side by side, disagreements and each rater's leniency are talked through, and the group records a calibrated level per domain with a short rationale."</p>
            <Show when=move || app.runs(id) fallback=|| view! {
                <p class="hint">"The cohort's coaches start, reveal and record the sessions; here you read what their files brought."</p>
            }>
                <StartSession id=id picked=picked/>
            </Show>
            <h2>"Sessions"</h2>
            {move || {
                let l = list.get();
                if l.is_empty() {
                    view! { <p class="muted">"No sessions yet."</p> }.into_any()
                } else {
                    view! {
                        <ul class="cal-sessions">
                            {l.into_iter().map(|(sid, title, revealed)| {
                                let current = move || shown.get() == Some(sid);
                                view! {
                                    <li>
                                        <button type="button" class="link" aria-current=move || current().then_some("true")
                                            on:click=move |_| picked.set(Some(sid))>{title}</button>
                                        " · " {if revealed { "ratings revealed" } else { "ratings hidden" }}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            {move || shown.get().map(|sid| view! { <Session id=sid/> })}
        </section>
    }
}

/// "Start this month's session": framework, day and who takes part.
#[component]
fn StartSession(id: Id, picked: RwSignal<Option<Id>>) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let (frameworks, team) = app.ws.with_untracked(|ws| {
        let fws = crate::ui::widgets::framework_choices(ws);
        let team: Vec<Id> = ws
            .cohort(id)
            .map(|c| c.coach_ids.iter().copied().chain(c.sponsor_id).collect())
            .unwrap_or_default();
        (fws, team)
    });
    let framework = RwSignal::new(MIT_RUBRIC.to_string());
    let on = RwSignal::new(date_value(Some(today)));
    let people = RwSignal::new(team);
    let draft = FormDraft::new(format!("calibration/{id}/new"), "New calibration session");
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = parse_date(&on.get_untracked()) else {
            app.warn("Please enter the day of the session.");
            return;
        };
        let session = Calibration {
            id: Id::nil(),
            cohort_id: id,
            framework_id: person_value(&framework.get_untracked()).unwrap_or(MIT_RUBRIC),
            on: day,
            revealed: false,
            revealed_at: None,
            participants: people.get_untracked(),
            outcomes: Vec::new(),
            notes: String::new(),
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
        };
        if let Some(new_id) = draft.save(
            Action::Put(Record::Calibration(session)),
            "Started the calibration session.",
        ) {
            picked.set(Some(new_id));
        }
    };
    let month = today.format("%B %Y").to_string();
    view! {
        // Open when the month has no session yet, or a draft left from before is to be seen.
        <details class="panel" open=move || draft.has_draft() || app.ws.with(|ws| sessions_this_month(ws, id, today).is_empty())>
            <summary>{format!("Start this month's session ({month})")}</summary>
            <DraftForm draft=draft label="New calibration session" on_submit=start>
                <ChoiceField label="Framework" value=framework options=frameworks/>
                <DateField label="Day of the session" value=on required=true field="on"/>
                <PeopleField legend="Who takes part" value=people/>
                <div class="actions wide">
                    <button type="submit" disabled=move || app.is_read_only()>"Start this month's session"</button>
                </div>
            </DraftForm>
        </details>
    }
}

/// One session: counts before the reveal; the grid, leniency and the calibrated levels after.
#[component]
fn Session(id: Id) -> impl IntoView {
    let app = use_app();
    // Rebuilt only when the session appears, goes or is revealed: what is typed survives
    // other saves.
    let state = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.calibrations
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.revealed)
        })
    });
    move || match state.get() {
        None => ().into_any(),
        Some(false) => view! { <BeforeReveal id=id/> }.into_any(),
        Some(true) => view! { <Revealed id=id/> }.into_any(),
    }
}

/// Whether this browser's person runs the session's cohort (the coaches reveal and record).
fn runs_session(app: crate::ui::state::AppState, id: Id) -> bool {
    app.ws
        .with(|ws| {
            ws.calibrations
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.cohort_id)
        })
        .is_some_and(|c| app.runs(c))
}

fn session_of(ws: &Workspace, id: Id) -> Option<Calibration> {
    ws.calibrations.iter().find(|c| c.id == id).cloned()
}

fn session_heading(ws: &Workspace, s: &Calibration) -> String {
    format!(
        "Session of {} — {}",
        fmt_date(s.on),
        framework_name(ws, s.framework_id)
    )
}

#[component]
fn BeforeReveal(id: Id) -> impl IntoView {
    let app = use_app();
    let data = move || {
        app.ws.with(|ws| {
            let s = session_of(ws, id)?;
            let counts: Vec<(String, usize)> = covered_per_rater(ws, &s)
                .into_iter()
                .map(|(r, n)| (ws.person_name(r).to_string(), n))
                .collect();
            Some((session_heading(ws, &s), counts))
        })
    };
    let confirming = RwSignal::new(false);
    let reveal = move |()| {
        let Some(mut s) = app.ws.with_untracked(|ws| session_of(ws, id)) else {
            return;
        };
        s.revealed = true;
        app.act(
            Action::Put(Record::Calibration(s)),
            "Revealed the ratings side by side.",
        );
    };
    view! {
        <article class="cal-session" aria-labelledby="cal-session-h">
            {move || data().map(|(heading, counts)| view! {
                <h2 id="cal-session-h">{heading}</h2>
                <p class="board-state" role="status">"Ratings are hidden until you reveal them in the session. Each rater still sees only their own."</p>
                {if counts.is_empty() {
                    view! { <p class="muted">"No assessments fall in this session yet: they count when dated after the previous session and on or before this one's day."</p> }.into_any()
                } else {
                    view! {
                        <h3>"Assessments this session covers"</h3>
                        <ul>
                            {counts.into_iter().map(|(n, c)| view! { <li>{format!("{n}: {}", count(c, "assessment", "assessments"))}</li> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            })}
            <Show when=move || runs_session(app, id) fallback=|| view! { <p class="hint">"The cohort's coaches reveal the ratings, in the session."</p> }>
                <p><button type="button" on:click=move |_| confirming.set(true) disabled=move || app.is_read_only()>"Reveal ratings"</button></p>
            </Show>
            <crate::ui::widgets::ConfirmDialog
                open=confirming
                title="Reveal the ratings?"
                intro=Signal::derive(|| "Every rater's levels and comments for this session will show side by side to everyone who uses this workspace, and go back to hidden only if the session is deleted.".to_string())
                lines=Signal::derive(move || if confirming.get() { data().map(|(_, counts)| counts.into_iter().map(|(n, c)| format!("{n}: {}", count(c, "assessment", "assessments"))).collect()).unwrap_or_default() } else { Vec::new() })
                confirm_label="Reveal ratings"
                on_confirm=Callback::new(reveal)
            />
            <SessionRecord id=id revealed=false/>
        </article>
    }
}

#[component]
fn Revealed(id: Id) -> impl IntoView {
    let app = use_app();
    let heading = move || {
        app.ws.with(|ws| {
            session_of(ws, id)
                .map(|s| view! { <h2 id="cal-session-h">{session_heading(ws, &s)}</h2> })
        })
    };
    view! {
        <article class="cal-session" aria-labelledby="cal-session-h">
            {heading}
            <p class="board-state" role="status">"Ratings revealed side by side."</p>
            <SessionRecord id=id revealed=true/>
        </article>
    }
}

/// A grid row as text: domain, (level, comment) per rater, spread, disagreement.
type GridLine = (String, Vec<(String, String)>, Option<usize>, bool);

fn level_name(fw: &Framework, level: Option<Id>) -> String {
    level
        .and_then(|l| fw.level(l))
        .map_or_else(|| "—".into(), |l| l.name.clone())
}

/// The words that mark a disagreement wherever it shows (not colour alone).
const SPLIT: &str = "Disagreement — talk it through";

/// One candidate's ratings: domains as rows, raters as columns, with the spread. A
/// disagreement is named next to the domain, so it shows on a phone without scrolling.
fn grid_table(ws: &Workspace, fw: &Framework, c: &CandidateGrid) -> impl IntoView {
    let name = candidate_name(ws, c.candidate_id);
    let raters: Vec<String> = c
        .raters
        .iter()
        .map(|(r, role)| format!("{} ({})", ws.person_name(*r), role.label()))
        .collect();
    let rows: Vec<GridLine> = c
        .rows
        .iter()
        .map(|r| {
            let d = fw
                .domain(r.domain_id)
                .map_or_else(String::new, |d| d.name.clone());
            let cells = r
                .cells
                .iter()
                .map(|x| (level_name(fw, x.level_id), x.comment.clone()))
                .collect();
            (d, cells, r.spread, r.disagreement)
        })
        .collect();
    let caption = format!("Ratings of {name}");
    view! {
        <div class="table-wrap">
            <table class="scoreboard cal-grid">
                <caption class="sr-only">{caption}</caption>
                <thead><tr>
                    <th scope="col">"Domain"</th>
                    {raters.into_iter().map(|r| view! { <th scope="col">{r}</th> }).collect_view()}
                    <th scope="col">"Spread"</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|(d, cells, spread, split)| view! {
                        <tr class:split=split>
                            <th scope="row">{d}{split.then(|| view! { " " <span class="badge split-badge">{SPLIT}</span> })}</th>
                            {cells.into_iter().map(|(l, c)| view! {
                                <td class="cell score">{l}{(!c.is_empty()).then(|| view! { <span class="cal-comment">{c}</span> })}</td>
                            }).collect_view()}
                            <td class="spread">{spread.map_or_else(|| "—".to_string(), |s| count(s, "level", "levels"))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn leniency_table(ws: &Workspace, l: &[Leniency]) -> impl IntoView {
    let rows: Vec<(String, usize, String, String, bool)> = l
        .iter()
        .map(|x| {
            let (value, reading) = match x.value {
                None => (
                    "—".to_string(),
                    "Rated no domain alongside another rater".to_string(),
                ),
                Some(v) if x.flagged && v > 0.0 => {
                    (leniency_text(v), "More lenient than the group".to_string())
                }
                Some(v) if x.flagged => (leniency_text(v), "Stricter than the group".to_string()),
                Some(v) => (leniency_text(v), "In line with the group".to_string()),
            };
            (
                ws.person_name(x.rater_id).to_string(),
                x.cells,
                value,
                reading,
                x.flagged,
            )
        })
        .collect();
    view! {
        <h3>"Leniency per rater"</h3>
        <p class="muted small">{format!("For each domain a rater rated alongside others: their level minus the others' average, averaged over those domains. Positive is more lenient than the group, negative stricter; {:.1} or more either way is flagged. A spread of {DISAGREEMENT} or more levels in one domain is a disagreement.", crate::logic::evaluation::calibration::LENIENCY_FLAG)}</p>
        <div class="table-wrap">
            <table class="scoreboard cal-leniency">
                <caption class="sr-only">"Leniency per rater"</caption>
                <thead><tr>
                    <th scope="col">"Rater"</th>
                    <th scope="col">"Domains compared"</th>
                    <th scope="col">"Leniency (levels)"</th>
                    <th scope="col">"Reading"</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|(n, cells, v, reading, flagged)| view! {
                        <tr class:split=flagged>
                            <th scope="row">{n}</th>
                            <td>{cells}</td>
                            <td>{v}</td>
                            <td>{reading}{flagged.then(|| view! { " " <span class="badge split-badge">"Flagged"</span> })}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// What the coach has changed in the session's record and not saved yet. Everything else the
/// form shows is the record as it is now (a change from another tab or a merge shows at
/// once), and a save starts from the record as it is then and applies only these changes.
#[derive(Clone, Copy)]
struct Changes {
    /// Calibrated levels chosen (an empty string: "not settled").
    levels: RwSignal<HashMap<Cell, String>>,
    reasons: RwSignal<HashMap<Cell, String>>,
    /// Who took part and the notes as typed, and as they were when last taken from the record:
    /// they differ once the coach edits them.
    people: RwSignal<Vec<Id>>,
    people_base: StoredValue<Vec<Id>>,
    notes: RwSignal<String>,
    notes_base: StoredValue<String>,
}

impl Changes {
    fn new(s: Option<&Calibration>) -> Self {
        let people = s.map(|s| s.participants.clone()).unwrap_or_default();
        let notes = s.map(|s| s.notes.clone()).unwrap_or_default();
        Changes {
            levels: RwSignal::new(HashMap::new()),
            reasons: RwSignal::new(HashMap::new()),
            people: RwSignal::new(people.clone()),
            people_base: StoredValue::new(people),
            notes: RwSignal::new(notes.clone()),
            notes_base: StoredValue::new(notes),
        }
    }

    /// Takes in the record's participants and notes where the coach has not changed them.
    fn follow(self, participants: Vec<Id>, notes: String) {
        if self
            .people
            .with_untracked(|p| self.people_base.with_value(|b| p == b))
        {
            self.people.set(participants.clone());
        }
        self.people_base.set_value(participants);
        if self
            .notes
            .with_untracked(|n| self.notes_base.with_value(|b| n == b))
        {
            self.notes.set(notes.clone());
        }
        self.notes_base.set_value(notes);
    }

    /// The record as it is now with the coach's changes (and the pre-filled levels) applied;
    /// an error names a rationale left without a level.
    fn apply(
        self,
        ws: &Workspace,
        mut s: Calibration,
        revealed: bool,
    ) -> Result<Calibration, String> {
        if revealed {
            let levels: HashMap<Cell, Option<Id>> = self
                .levels
                .get_untracked()
                .into_iter()
                .map(|(k, v)| (k, person_value(&v)))
                .collect();
            s = apply_cell_edits(ws, s, &levels, &self.reasons.get_untracked())?;
        }
        let people = self.people.get_untracked();
        if self.people_base.with_value(|b| *b != people) {
            s.participants = people;
        }
        let notes = self.notes.get_untracked();
        if self.notes_base.with_value(|b| *b != notes) {
            s.notes = notes.trim().to_string();
        }
        Ok(s)
    }

    fn saved(self) {
        self.levels.set(HashMap::new());
        self.reasons.set(HashMap::new());
        self.people_base.set_value(self.people.get_untracked());
        self.notes_base.set_value(self.notes.get_untracked());
    }
}

/// What the revealed part of the form is drawn from: rebuilt when the grid changes (a new
/// assessment, a candidate added), not on every save elsewhere.
#[derive(Clone, PartialEq)]
struct Reveal {
    fw: Framework,
    /// Each candidate's grid with the candidate's name.
    grids: Vec<(CandidateGrid, String)>,
    leniency: Vec<Leniency>,
}

/// The session's record: once revealed, each candidate's ratings followed by the calibrated
/// level and rationale per domain; then who took part and notes; all saved with one action.
#[component]
fn SessionRecord(id: Id, revealed: bool) -> impl IntoView {
    let app = use_app();
    let changes = Changes::new(app.ws.with_untracked(|ws| session_of(ws, id)).as_ref());
    // What is typed here (levels, rationales, who took part, notes) is kept as a draft of the
    // session until saved; the same draft before and after the reveal.
    let draft = FormDraft::new(
        format!("calibration-session/{id}"),
        app.ws.with_untracked(|ws| {
            session_of(ws, id).map_or_else(
                || "A calibration session".to_string(),
                |s| format!("The calibration session of {}", fmt_date(s.on)),
            )
        }),
    );
    // The participants and notes follow the record until the coach edits them.
    let record_head = Memo::new(move |_| {
        app.ws
            .with(|ws| session_of(ws, id).map(|s| (s.participants.clone(), s.notes.clone())))
    });
    Effect::new(move |_| {
        if let Some((participants, notes)) = record_head.get() {
            changes.follow(participants, notes);
        }
    });
    // The recorded outcomes and the pre-filled levels, as they are now.
    let held = Memo::new(move |_| {
        app.ws
            .with(|ws| session_of(ws, id).map(|s| s.outcomes).unwrap_or_default())
    });
    let agreed = Memo::new(move |_| {
        app.ws.with(|ws| {
            session_of(ws, id)
                .map(|s| prefills(ws, &s))
                .unwrap_or_default()
        })
    });
    let reveal = Memo::new(move |_| {
        if !revealed {
            return None;
        }
        app.ws.with(|ws| {
            let s = session_of(ws, id)?;
            let fw = frameworks::find(ws, s.framework_id)?;
            let g = grid(ws, &s);
            let leniency = leniency(&g);
            let grids = g
                .into_iter()
                .map(|c| {
                    let name = candidate_name(ws, c.candidate_id);
                    (c, name)
                })
                .collect();
            Some(Reveal {
                fw,
                grids,
                leniency,
            })
        })
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let made = app.ws.with_untracked(|ws| {
            session_of(ws, id)
                .ok_or_else(|| "This session no longer exists.".to_string())
                .and_then(|s| changes.apply(ws, s, revealed))
        });
        match made {
            Err(e) => app.warn(&e),
            Ok(s) => {
                if draft
                    .save(
                        Action::Put(Record::Calibration(s)),
                        "Saved the calibration session.",
                    )
                    .is_some()
                {
                    changes.saved();
                }
            }
        }
    };
    let what = app.ws.with_untracked(|ws| {
        session_of(ws, id).map_or_else(
            || "the calibration session".to_string(),
            |s| format!("the calibration session of {}", fmt_date(s.on)),
        )
    });
    let body = move || {
        let r = reveal.get()?;
        let Reveal {
            fw,
            grids,
            leniency: l,
        } = r;
        let empty = grids.is_empty();
        let sections = app.ws.with_untracked(|ws| {
            grids
                .into_iter()
                .map(|(c, name)| {
                    let href = section_href(c.candidate_id, "assessments");
                    let table = grid_table(ws, &fw, &c);
                    let shown = name.clone();
                    view! {
                        <section class="cal-candidate">
                            <h3><A href=href>{shown}</A></h3>
                            {table}
                            <CandidateOutcomes id=id fw=fw.clone() grid=c name=name changes=changes held=held agreed=agreed/>
                        </section>
                    }
                })
                .collect_view()
        });
        let lenient = (!l.is_empty()).then(|| app.ws.with_untracked(|ws| leniency_table(ws, &l)));
        Some(view! {
            {empty.then(|| view! { <p class="muted">"No assessments fall in this session."</p> })}
            {(!empty).then(|| view! {
                <p class="muted small">"Under each candidate's ratings: the level the group settles on for each domain, with the reason in a sentence. Where every rater gave the same level it is filled in for you. A calibrated top level needs dated evidence too."</p>
            })}
            {sections}
            {lenient}
        })
    };
    view! {
        <DraftForm draft=draft class="form cal-record" label="Session record" on_submit=save>
            {move || if revealed && reveal.with(Option::is_none) {
                Some(view! { <p class="muted">"This session's framework is not in the workspace any more."</p> })
            } else {
                None
            }}
            {body}
            <PeopleField legend="Who took part" value=changes.people/>
            <AreaField label="Session notes" value=changes.notes rows=2 field="notes"/>
            <div class="actions">
                <button type="submit" disabled=move || app.is_read_only() || !runs_session(app, id)>"Save calibration"</button>
                {move || runs_session(app, id).then(|| view! { <DeleteEntry kind=RecordKind::Calibration id=id what=what.clone()/> })}
            </div>
        </DraftForm>
    }
}

/// One candidate's calibrated levels, right under their ratings: per domain the level (the
/// coach's choice, else the record's, else the level all raters agree on) and the rationale,
/// with a hint where the level was pre-filled and a warning where it needs evidence.
#[component]
fn CandidateOutcomes(
    id: Id,
    fw: Framework,
    grid: CandidateGrid,
    name: String,
    changes: Changes,
    held: Memo<Vec<Calibrated>>,
    agreed: Memo<Vec<Prefill>>,
) -> impl IntoView {
    let app = use_app();
    let cid = grid.candidate_id;
    let options: Vec<(String, String)> = fw
        .active_levels()
        .map(|l| (l.id.to_string(), l.name.clone()))
        .collect();
    let rows: Vec<(Id, String, bool)> = grid
        .rows
        .iter()
        .filter_map(|r| {
            fw.domain(r.domain_id)
                .map(|d| (d.id, d.name.clone(), r.disagreement))
        })
        .collect();
    view! {
        <fieldset class="cal-outcomes">
            <legend>{format!("Calibrated levels — {name}")}</legend>
            {rows.into_iter().map(|(did, dname, split)| {
                let key = (cid, did);
                let options = options.clone();
                // The record's outcome and the agreement, as they are now.
                let held = Memo::new(move |_| held.with(|h| {
                    h.iter().find(|o| (o.candidate_id, o.domain_id) == key).cloned()
                }));
                let pre = Memo::new(move |_| agreed.with(|a| {
                    a.iter().find(|p| (p.candidate_id, p.domain_id) == key).cloned()
                }));
                let level = move || {
                    changes.levels.with(|l| l.get(&key).cloned()).unwrap_or_else(|| {
                        held.get()
                            .map(|o| o.level_id)
                            .or_else(|| pre.get().map(|p| p.level_id))
                            .map_or_else(String::new, |l| l.to_string())
                    })
                };
                let reason = move || {
                    changes.reasons.with(|r| r.get(&key).cloned())
                        .unwrap_or_else(|| held.get().map(|o| o.rationale).unwrap_or_default())
                };
                let hint = move || {
                    let untouched = changes.levels.with(|l| !l.contains_key(&key));
                    (untouched && held.with(Option::is_none))
                        .then(|| pre.get().map(|p| format!("{} — filled in from their agreement; saving records it.", p.hint)))
                        .flatten()
                };
                let warning = move || {
                    let chosen = person_value(&level())?;
                    app.ws.with(|ws| {
                        let s = session_of(ws, id)?;
                        calibrated_warning(ws, &s, cid, did, chosen)
                    })
                };
                let label_tail = format!(" — {name}, {dname}");
                let reason_tail = label_tail.clone();
                let (touch_level, touch_reason) = outcome_draft(&label_tail, key, changes, level, reason);
                view! {
                    <div class="cal-outcome">
                        <p class="cal-outcome-domain">{dname}{split.then(|| view! { " " <span class="badge split-badge">"Disagreement"</span> })}</p>
                        <label>"Calibrated level"<span class="sr-only">{label_tail}</span>
                            <select prop:value=level
                                on:change=move |ev| { let v = event_target_value(&ev); changes.levels.update(|l| { l.insert(key, v); }); touch_level(); }>
                                <option value="">"— not settled —"</option>
                                {options.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
                            </select>
                        </label>
                        <label class="grow">"Rationale"<span class="sr-only">{reason_tail}</span>
                            <input type="text" prop:value=reason
                                on:input=move |ev| { let v = event_target_value(&ev); changes.reasons.update(|r| { r.insert(key, v); }); touch_reason(); }/>
                        </label>
                        {move || hint().map(|h| view! { <p class="cal-prefill">{h}</p> })}
                        {move || warning().map(|w| view! { <p class="cal-warn" role="status">{w}</p> })}
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// Registers one domain's calibrated level and rationale with the session's draft (they are
/// not kit fields); returns what to call when each is changed.
fn outcome_draft(
    tail: &str,
    key: Cell,
    changes: Changes,
    level: impl Fn() -> String + Copy + Send + Sync + 'static,
    reason: impl Fn() -> String + Copy + Send + Sync + 'static,
) -> (impl Fn() + Copy + 'static, impl Fn() + Copy + 'static) {
    let draft = use_context::<FormDraft>();
    let text = |f: fn(Changes, Cell, String)| {
        Callback::new(move |v: FieldValue| {
            if let FieldValue::Text(t) = v {
                f(changes, key, t);
            }
        })
    };
    let level_bound = Bound::Custom(
        Callback::new(move |()| FieldValue::Text(untrack(level))),
        text(|c, k, t| {
            c.levels.update(|l| {
                l.insert(k, t);
            })
        }),
    );
    let reason_bound = Bound::Custom(
        Callback::new(move |()| FieldValue::Text(untrack(reason))),
        text(|c, k, t| {
            c.reasons.update(|r| {
                r.insert(k, t);
            })
        }),
    );
    let touch_level = draft.map(|d| d.field(&format!("Calibrated level{tail}"), level_bound));
    let touch_reason = draft.map(|d| d.field(&format!("Rationale{tail}"), reason_bound));
    (
        move || {
            if let Some(t) = touch_level {
                t();
            }
        },
        move || {
            if let Some(t) = touch_reason {
                t();
            }
        },
    )
}

/// The cohort page's calibration panel: this month's session or a reminder.
#[component]
pub fn CohortCalibration(id: Id) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let state = move || {
        app.ws.with(|ws| {
            let running = ws.cohort(id).is_some_and(|c| is_running(c, today));
            let this_month: Vec<String> = sessions_this_month(ws, id, today)
                .into_iter()
                .map(|s| {
                    format!(
                        "{} session on {} — {}",
                        framework_name(ws, s.framework_id),
                        fmt_date(s.on),
                        if s.revealed {
                            "ratings revealed"
                        } else {
                            "ratings not revealed yet"
                        }
                    )
                })
                .collect();
            (running, this_month)
        })
    };
    let href = link(&format!("/cohorts/{id}/calibration"));
    view! {
        <section class="cal-panel" aria-labelledby="cal-panel-h">
            <h2 id="cal-panel-h">"Calibration"</h2>
            {move || {
                let (running, this_month) = state();
                let href = href.clone();
                if !this_month.is_empty() {
                    view! {
                        <ul>{this_month.into_iter().map(|t| view! { <li>{format!("This month: {t}")}</li> }).collect_view()}</ul>
                        <p><A href=href>"Open calibration"</A></p>
                    }.into_any()
                } else if running {
                    view! { <p class="cal-reminder">"No calibration yet this month — " <A href=href>"start one"</A></p> }.into_any()
                } else {
                    view! { <p><A href=href>"Calibration sessions"</A></p> }.into_any()
                }
            }}
        </section>
    }
}

/// The start page's reminders: cohorts with no calibration this month.
#[component]
pub fn CalibrationReminders() -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let list = move || app.ws.with(|ws| reminders(ws, today));
    move || {
        let l = list();
        (!l.is_empty()).then(|| {
            view! {
                <section class="callout cal-reminders" aria-labelledby="cal-rem-h">
                    <h2 id="cal-rem-h">"Calibration due"</h2>
                    <ul>
                        {l.into_iter().map(|r| view! {
                            <li>{r.text}" " <A href=link(&format!("/cohorts/{}/calibration", r.cohort_id))>"Start a session"</A></li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
