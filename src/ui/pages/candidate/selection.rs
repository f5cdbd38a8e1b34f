//! Selection: how the person was put forward, the readiness signals seen, what referees say,
//! the blind interview scorecards, and the decision.

use crate::sort::StableSort as _;
use leptos::prelude::*;

use crate::logic::actions::Action;
use crate::logic::records::Record;
use crate::logic::selection::{scoreboard, verdict_line, Cell, Scoreboard};
use crate::model::{
    score_label, Answer, Decision, GreenFlag, Id, Nomination, NominationKind, RecordKind,
    Reference, Scorecard, Timestamp, Verdict, WantsToManage, SCORE_MAX, SCORE_MIN,
};
use crate::ui::browser;
use crate::ui::drafts::{draft_field, Bound};
use crate::ui::forms::{
    id_value, person_value, AreaField, ChoiceField, DateField, DeleteEntry, DraftForm, Folding,
    FormButtons, FormDraft, PersonField, TextField,
};
use crate::ui::state::use_app;
use crate::ui::widgets::{date_value, fmt_date, parse_date, person_choices, ConfirmDialog};

#[component]
pub fn SelectionSection(id: Id) -> impl IntoView {
    view! {
        <p class="muted">"Everything that goes into choosing this person: how they were put forward, the readiness signals people have seen, what referees say, the scenario interview, and the decision. Mindset and willingness to learn count for more than a polished answer."</p>
        <section class="sel-part" aria-labelledby="sel-nomination-h">
            <h2 id="sel-nomination-h">"Nomination and readiness"</h2>
            <NominationForm id=id/>
        </section>
        <section class="sel-part" aria-labelledby="sel-references-h">
            <h2 id="sel-references-h">"References"</h2>
            <References id=id/>
        </section>
        <section class="sel-part" aria-labelledby="sel-interview-h">
            <h2 id="sel-interview-h">"Scenario interview"</h2>
            <Interviews id=id/>
        </section>
        <section class="sel-part" aria-labelledby="sel-decision-h">
            <h2 id="sel-decision-h">"Decision"</h2>
            <DecisionPart id=id/>
        </section>
    }
}

// ---------------------------------------------------------------------------------------------
// Nomination, green flags, "do they want to manage?"

/// A radio group over `(value, label)` options; the signal holds the chosen value.
#[component]
fn RadioGroup(
    #[prop(into)] legend: String,
    #[prop(into)] name: String,
    value: RwSignal<String>,
    options: Vec<(String, String)>,
) -> impl IntoView {
    // Kept in the surrounding form's draft, if it has one.
    let touch = draft_field(&legend, Bound::Text(value));
    view! {
        <fieldset class="radios wide">
            <legend>{legend}</legend>
            <div class="radio-row">
                {options.into_iter().map(|(v, l)| {
                    let mine = v.clone();
                    view! {
                        <label class="check">
                            <input type="radio" name=name.clone() value=v.clone()
                                prop:checked=move || value.with(|x| *x == mine)
                                on:change=move |_| { value.set(v.clone()); touch(); }/>
                            {l}
                        </label>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

#[component]
fn NominationForm(id: Id) -> impl IntoView {
    let app = use_app();
    // Filled once: saving other parts of the page must not reset what is typed here.
    let (nomination, flags, wants, person_id) = app.ws.with_untracked(|ws| {
        ws.candidate(id)
            .map(|c| {
                (
                    c.nomination.clone(),
                    c.green_flags.clone(),
                    c.wants_to_manage,
                    Some(c.person_id),
                )
            })
            .unwrap_or_default()
    });
    let kind = RwSignal::new(
        nomination
            .as_ref()
            .map(|n| n.kind.code().to_string())
            .unwrap_or_default(),
    );
    let by = RwSignal::new(id_value(nomination.as_ref().and_then(|n| n.by)));
    let rationale = RwSignal::new(
        nomination
            .as_ref()
            .map(|n| n.rationale.clone())
            .unwrap_or_default(),
    );
    let on = RwSignal::new(date_value(nomination.as_ref().and_then(|n| n.on)));
    let flags = RwSignal::new(flags);
    let wants = RwSignal::new(wants.map(|w| w.code().to_string()).unwrap_or_default());
    let draft = FormDraft::new(format!("selection/{id}"), "Selection notes");

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let kind_v = NominationKind::from_code(&kind.get_untracked());
        let by_v = person_value(&by.get_untracked());
        let rationale_v = rationale.get_untracked();
        let on_text = on.get_untracked();
        let on_v = parse_date(&on_text);
        if !on_text.trim().is_empty() && on_v.is_none() {
            app.warn("Please enter a complete nomination date, or leave it empty.");
            return;
        }
        let nomination = match kind_v {
            Some(k) => Some(Nomination {
                kind: k,
                // A self-nomination is by the person themselves unless someone else is named.
                by: by_v.or(if k == NominationKind::SelfNominated {
                    person_id
                } else {
                    None
                }),
                rationale: rationale_v,
                on: on_v,
            }),
            None => {
                if by_v.is_some() || !rationale_v.trim().is_empty() || on_v.is_some() {
                    app.warn(
                        "Please choose whether this was a self-nomination or a manager nomination.",
                    );
                    return;
                }
                None
            }
        };
        if app
            .act(
                Action::SetSelection {
                    candidate_id: id,
                    nomination,
                    green_flags: flags.get_untracked(),
                    wants_to_manage: WantsToManage::from_code(&wants.get_untracked()),
                },
                "Saved the selection notes.",
            )
            .is_some()
        {
            draft.saved();
            // Show what was stored (a self-nomination names the person).
            if let Some(b) = app.ws.with_untracked(|ws| {
                ws.candidate(id)
                    .and_then(|c| c.nomination.as_ref().and_then(|n| n.by))
            }) {
                by.set(b.to_string());
            }
        }
    };

    let mut kinds = vec![(String::new(), "— not recorded yet —".to_string())];
    kinds.extend(
        NominationKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), k.label().to_string())),
    );
    let mut wants_options: Vec<(String, String)> = WantsToManage::ALL
        .iter()
        .map(|w| (w.code().to_string(), w.label().to_string()))
        .collect();
    wants_options.push((String::new(), "Not asked yet".to_string()));
    let flag_count = move || flags.with(Vec::len);
    view! {
        <DraftForm draft=draft label="Selection notes" on_submit=save>
            <ChoiceField label="How they were put forward" value=kind options=kinds/>
            <PersonField label="Nominated by" value=by none_label="— not recorded —"/>
            <DateField label="Nominated on" value=on/>
            <AreaField label="Why they were put forward (the written rationale)" value=rationale rows=4/>
            <fieldset class="flags wide">
                <legend>{move || format!("Green flags seen ({} of {})", flag_count(), GreenFlag::ALL.len())}</legend>
                <div class="flag-list">
                    {GreenFlag::ALL.iter().copied().map(|f| view! {
                        <label class="check">
                            <input type="checkbox"
                                prop:checked=move || flags.with(|v| v.contains(&f))
                                on:change=move |ev| {
                                    let checked = event_target_checked(&ev);
                                    flags.update(|v| {
                                        v.retain(|x| *x != f);
                                        if checked { v.push(f); }
                                    });
                                }/>
                            {f.label()}
                        </label>
                    }).collect_view()}
                </div>
            </fieldset>
            <RadioGroup legend="Do they want to manage people? Ask them directly." name=format!("wants-{id}") value=wants options=wants_options/>
            <FormButtons save_label="Save selection notes"/>
        </DraftForm>
    }
}

// ---------------------------------------------------------------------------------------------
// References

#[derive(Clone, Copy)]
struct ReferenceForm {
    who: RwSignal<String>,
    relation: RwSignal<String>,
    collaboration: RwSignal<String>,
    curiosity: RwSignal<String>,
    ownership: RwSignal<String>,
    on: RwSignal<String>,
}

impl ReferenceForm {
    fn new(r: Option<&Reference>) -> Self {
        let text = |f: fn(&Reference) -> &String| r.map(|r| f(r).clone()).unwrap_or_default();
        ReferenceForm {
            who: RwSignal::new(text(|r| &r.who)),
            relation: RwSignal::new(text(|r| &r.relation)),
            collaboration: RwSignal::new(text(|r| &r.collaboration)),
            curiosity: RwSignal::new(text(|r| &r.curiosity)),
            ownership: RwSignal::new(text(|r| &r.ownership)),
            on: RwSignal::new(date_value(match r {
                Some(r) => r.on,
                None => Some(browser::today()),
            })),
        }
    }

    fn clear(self) {
        for s in [
            self.who,
            self.relation,
            self.collaboration,
            self.curiosity,
            self.ownership,
        ] {
            s.set(String::new());
        }
        self.on.set(date_value(Some(browser::today())));
    }

    fn entry(self, id: Id, candidate_id: Id) -> Result<Reference, String> {
        let on_text = self.on.get_untracked();
        let on = parse_date(&on_text);
        if !on_text.trim().is_empty() && on.is_none() {
            return Err(
                "Please enter a complete date for the reference, or leave it empty.".into(),
            );
        }
        let who = self.who.get_untracked().trim().to_string();
        let t = |s: RwSignal<String>| s.get_untracked().trim().to_string();
        Ok(Reference {
            id,
            candidate_id,
            who,
            relation: t(self.relation),
            collaboration: t(self.collaboration),
            curiosity: t(self.curiosity),
            ownership: t(self.ownership),
            on,
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
        })
    }

    fn view(self) -> impl IntoView {
        view! {
            <TextField label="Who gave it" value=self.who required=true field="who"/>
            <TextField label="Their working relation" value=self.relation placeholder="manager, peer on Payments…"/>
            <DateField label="Date" value=self.on/>
            <AreaField label="How they collaborate" value=self.collaboration/>
            <AreaField label="Curiosity about people work" value=self.curiosity/>
            <AreaField label="Ownership beyond their own code" value=self.ownership/>
        }
    }
}

#[component]
fn References(id: Id) -> impl IntoView {
    let app = use_app();
    let form = ReferenceForm::new(None);
    let draft = FormDraft::new(format!("reference/{id}/new"), "New reference");
    let adding = RwSignal::new(draft.has_draft());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.entry(Id::nil(), id) {
            Ok(r) => {
                if draft
                    .save(Action::Put(Record::Reference(r)), "Saved the reference.")
                    .is_some()
                {
                    form.clear();
                    adding.set(false);
                }
            }
            Err(e) => app.warn(&e),
        }
    };
    let list = move || {
        app.ws.with(|ws| {
            let mut list: Vec<Reference> = ws
                .references
                .iter()
                .filter(|r| r.candidate_id == id)
                .cloned()
                .collect();
            list.stable_sort_by(|a, b| a.on.cmp(&b.on).then(a.created_at.cmp(&b.created_at)));
            list
        })
    };
    view! {
        <p class="muted">"Ask a manager and a peer or two. Three things matter most: how the person works with others, whether they are curious about people work, and whether they take ownership beyond their own code."</p>
        <ul class="entries">
            <For each=list key=|r| (r.id, r.updated_at) let:reference>
                <ReferenceCard reference=reference/>
            </For>
        </ul>
        {move || list().is_empty().then(|| view! { <p class="muted">"No references yet."</p> })}
        <Folding open=adding summary=|| "Add a reference">
            <DraftForm draft=draft label="New reference" on_submit=add>
                {form.view()}
                <FormButtons save_label="Save reference"/>
            </DraftForm>
        </Folding>
    }
}

#[component]
fn ReferenceCard(reference: Reference) -> impl IntoView {
    let app = use_app();
    let editing = RwSignal::new(false);
    let form = ReferenceForm::new(Some(&reference));
    let draft = FormDraft::new(format!("reference/{}", reference.id), "Edit a reference");
    if draft.has_draft() {
        editing.set(true);
    }
    let (id, candidate_id) = (reference.id, reference.candidate_id);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.entry(id, candidate_id) {
            Ok(r) => {
                if draft
                    .save(Action::Put(Record::Reference(r)), "Saved the reference.")
                    .is_some()
                {}
            }
            Err(e) => app.warn(&e),
        }
    };
    let cancel = Callback::new(move |_| editing.set(false));
    let what = format!("the reference from {}", reference.who);
    let edit_label = format!("Edit the reference from {}", reference.who);
    view! {
        <li class="card entry" id=format!("r-{id}")>
            <Show when=move || editing.get() fallback={
                let r = reference.clone();
                let what = what.clone();
                let edit_label = edit_label.clone();
                move || {
                    let notes = [
                        ("How they collaborate", r.collaboration.clone()),
                        ("Curiosity about people work", r.curiosity.clone()),
                        ("Ownership beyond their own code", r.ownership.clone()),
                    ];
                    view! {
                        <header>
                            <h3>{format!("Reference from {}", r.who)}</h3>
                            <p class="meta">
                                {(!r.relation.is_empty()).then(|| view! { <span>{r.relation.clone()}</span> })}
                                {r.on.map(|d| view! { <time datetime=d.to_string()>{fmt_date(d)}</time> })}
                            </p>
                        </header>
                        <dl class="notes">
                            {notes.into_iter().map(|(label, text)| {
                                let empty = text.is_empty();
                                view! {
                                    <dt>{label}</dt>
                                    <dd class:muted=empty>{if empty { "Not asked or not noted.".to_string() } else { text }}</dd>
                                }
                            }).collect_view()}
                        </dl>
                        <p class="row-actions">
                            <button type="button" class="link" aria-label=edit_label.clone() on:click=move |_| editing.set(true) disabled=move || app.is_read_only()>"Edit"</button>
                            <DeleteEntry kind=RecordKind::Reference id=id what=what.clone()/>
                        </p>
                    }
                }
            }>
                <DraftForm draft=draft label="Edit reference" on_submit=save>
                    {form.view()}
                    <FormButtons save_label="Save reference" on_cancel=cancel/>
                </DraftForm>
            </Show>
        </li>
    }
}

// ---------------------------------------------------------------------------------------------
// Interview scorecards

/// The scale as one line, for the page.
fn scale_line() -> String {
    (SCORE_MIN..=SCORE_MAX)
        .map(score_label)
        .collect::<Vec<_>>()
        .join(" · ")
}

/// What a cell of the scoreboard says.
fn cell_text(cell: Cell) -> String {
    match cell {
        Cell::Score(s) => score_label(s).to_string(),
        Cell::Hidden => "hidden until all have scored".into(),
        Cell::Missing => "not scored yet".into(),
    }
}

/// The board as this page shows it, and whether the viewer is about to score: someone who
/// picked themselves as an interviewer but has not started a scorecard sees no one's scores
/// (the rule is in `logic::selection::scoreboard`), and is told why.
fn board_for(ws: &crate::model::Workspace, id: Id, viewer: Option<Id>) -> (Scoreboard, bool) {
    let board = scoreboard(ws, id, viewer);
    let complete_panel =
        !board.interviewers.is_empty() && board.complete == board.interviewers.len();
    let newcomer = viewer.is_some_and(|v| !board.interviewers.iter().any(|(_, i)| *i == v));
    (board, newcomer && complete_panel)
}

/// The inputs for one scenario of a scorecard.
#[derive(Clone)]
struct AnswerInputs {
    scenario_id: Id,
    title: String,
    prompt: String,
    context: RwSignal<String>,
    action: RwSignal<String>,
    result: RwSignal<String>,
    score: RwSignal<String>,
}

#[component]
fn Interviews(id: Id) -> impl IntoView {
    let app = use_app();
    // Whoever uses this browser is the interviewer by default (not the candidate).
    let me = app.person_untracked().filter(|p| {
        app.ws
            .with_untracked(|ws| ws.candidate(id).map(|c| c.person_id))
            != Some(*p)
    });
    let viewer = RwSignal::new(me.map(|p| p.to_string()).unwrap_or_default());
    let viewer_id = move || person_value(&viewer.get());
    let person_id = app
        .ws
        .with_untracked(|ws| ws.candidate(id).map(|c| c.person_id));
    let mut options = vec![(
        String::new(),
        "— just reading (not on the panel) —".to_string(),
    )];
    options.extend(app.ws.with_untracked(|ws| {
        person_choices(ws)
            .into_iter()
            .filter(|(p, _)| Some(*p) != person_id)
            .map(|(p, l)| (p.to_string(), l))
    }));
    let board = move || app.ws.with(|ws| board_for(ws, id, viewer_id()));
    // The viewer's own scorecard (and the scenarios it covers): the editor is rebuilt only when
    // these change, so saving elsewhere on the page keeps what is being typed.
    let mine = Memo::new(move |_| {
        let v = viewer_id()?;
        app.ws.with(|ws| {
            let card = ws
                .interviews
                .iter()
                .find(|i| i.candidate_id == id && i.interviewer_id == v)?;
            let scenarios: Vec<Id> = ws
                .candidate(id)
                .and_then(|c| ws.cohort(c.cohort_id))
                .map(|c| c.scenarios.iter().map(|s| s.id).collect())
                .unwrap_or_default();
            Some((card.id, scenarios))
        })
    });
    let add_mine = move |_| {
        let Some(v) = viewer_id() else {
            app.warn("Choose who is scoring first.");
            return;
        };
        let answers = app.ws.with_untracked(|ws| {
            ws.candidate(id)
                .and_then(|c| ws.cohort(c.cohort_id))
                .map(|c| {
                    c.scenarios
                        .iter()
                        .map(|s| Answer {
                            scenario_id: s.id,
                            ..Answer::default()
                        })
                        .collect()
                })
                .unwrap_or_default()
        });
        let card = Scorecard {
            id: Id::nil(),
            candidate_id: id,
            interviewer_id: v,
            held_on: Some(browser::today()),
            answers,
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
        };
        app.act(
            Action::Put(Record::Interview(card)),
            "Started your scorecard.",
        );
    };
    let names = move |ids: &[(Id, Id)]| {
        app.ws.with(|ws| {
            ids.iter()
                .map(|(_, p)| ws.person_name(*p).to_string())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <p class="muted">"Each interviewer talks the person through the cohort's scenarios, notes the answer as context, action and result, and scores it. Scores stay hidden from the other interviewers until every scorecard is complete, so nobody anchors on someone else's view."</p>
        <p class="scale"><strong>"Scale: "</strong>{scale_line()}</p>
        <div class="form inline">
            <ChoiceField label="Scoring as" value=viewer options=options/>
            {move || {
                let show = viewer_id().is_some() && mine.get().is_none();
                show.then(|| view! {
                    <button type="button" on:click=add_mine disabled=move || app.is_read_only()>"Add my scorecard"</button>
                })
            }}
        </div>
        <p class="muted small">"Who is scoring is remembered on this page only; it is not saved."</p>
        {move || {
            let (b, newcomer) = board();
            let who = names(&b.interviewers);
            let me = viewer_id();
            let state = if b.interviewers.is_empty() {
                "No scorecards yet.".to_string()
            } else if newcomer {
                "Add your scorecard and score every scenario: the others' scores are shown once yours is complete too.".to_string()
            } else if b.revealed && b.interviewers.len() == 1 {
                "The only scorecard is complete: its scores are shown. Scores from anyone who joins the panel later stay hidden until they have scored.".to_string()
            } else if b.revealed {
                format!("All {} scorecards are complete: the scores are shown side by side.", b.interviewers.len())
            } else {
                format!("{} of {} scorecards complete. Scores are shown once all are.", b.complete, b.interviewers.len())
            };
            let revealed = b.revealed;
            view! {
                <p class="board-state" role="status">{state}</p>
                {(!b.interviewers.is_empty() && !b.rows.is_empty()).then(|| view! {
                    <div class="table-wrap">
                        <table class="scoreboard">
                            <caption class="sr-only">"Interview scores"</caption>
                            <thead><tr>
                                <th scope="col">"Scenario"</th>
                                {b.interviewers.iter().zip(who).map(|((_, p), n)| {
                                    let you = Some(*p) == me;
                                    view! { <th scope="col">{n}{you.then_some(" (you)")}</th> }
                                }).collect_view()}
                                {revealed.then(|| view! { <th scope="col">"Spread"</th><th scope="col">"Mean"</th> })}
                            </tr></thead>
                            <tbody>
                                {b.rows.into_iter().map(|r| {
                                    let split = r.spread.is_some_and(|s| s >= 2);
                                    view! {
                                        <tr class:split=split>
                                            <th scope="row">{r.scenario.title.clone()}</th>
                                            {r.cells.iter().map(|c| {
                                                let class = match c { Cell::Score(_) => "cell score", Cell::Hidden => "cell hidden", Cell::Missing => "cell missing" };
                                                view! { <td class=class>{cell_text(*c)}</td> }
                                            }).collect_view()}
                                            {revealed.then(|| view! {
                                                <td class="spread">{r.spread.map(|s| s.to_string()).unwrap_or_default()}
                                                    {split.then(|| view! { " " <span class="badge split-badge">"talk it through"</span> })}
                                                </td>
                                                <td>{r.mean.map(|m| format!("{m:.1}")).unwrap_or_default()}</td>
                                            })}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {revealed.then(|| view! { <p class="muted small">"A spread of 2 or more means the interviewers saw that answer differently: talk it through before deciding."</p> })}
                })}
            }
        }}
        {move || mine.get().map(|(card_id, _)| view! { <MyScorecard card_id=card_id/> })}
        <OtherScorecards id=id viewer=Signal::derive(viewer_id)/>
    }
}

/// The viewer's own scorecard, editable.
#[component]
fn MyScorecard(card_id: Id) -> impl IntoView {
    let app = use_app();
    let Some((card, scenarios)) = app.ws.with_untracked(|ws| {
        let card = ws.interviews.iter().find(|i| i.id == card_id)?.clone();
        let scenarios = ws
            .candidate(card.candidate_id)
            .and_then(|c| ws.cohort(c.cohort_id))
            .map(|c| c.scenarios.clone())
            .unwrap_or_default();
        Some((card, scenarios))
    }) else {
        return ().into_any();
    };
    let held_on = RwSignal::new(date_value(card.held_on));
    let inputs: Vec<AnswerInputs> = scenarios
        .iter()
        .map(|s| {
            let a = card.answers.iter().find(|a| a.scenario_id == s.id);
            let text = |f: fn(&Answer) -> &String| a.map(|a| f(a).clone()).unwrap_or_default();
            AnswerInputs {
                scenario_id: s.id,
                title: s.title.clone(),
                prompt: s.prompt.clone(),
                context: RwSignal::new(text(|a| &a.context)),
                action: RwSignal::new(text(|a| &a.action)),
                result: RwSignal::new(text(|a| &a.result)),
                score: RwSignal::new(
                    a.and_then(|a| a.score)
                        .map(|s| s.to_string())
                        .unwrap_or_default(),
                ),
            }
        })
        .collect();
    let stored = StoredValue::new(inputs.clone());
    let base = StoredValue::new(card.clone());
    let draft = FormDraft::new(format!("scorecard/{card_id}"), "Your scorecard");
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let held_text = held_on.get_untracked();
        let held = parse_date(&held_text);
        if !held_text.trim().is_empty() && held.is_none() {
            app.warn("Please enter a complete interview date, or leave it empty.");
            return;
        }
        let mut card = base.get_value();
        card.held_on = held;
        let inputs = stored.get_value();
        // Answers to scenarios no longer in the cohort are kept as they were.
        card.answers
            .retain(|a| !inputs.iter().any(|i| i.scenario_id == a.scenario_id));
        for i in &inputs {
            let score = i.score.get_untracked().trim().parse::<u8>().ok();
            card.answers.push(Answer {
                scenario_id: i.scenario_id,
                context: i.context.get_untracked().trim().to_string(),
                action: i.action.get_untracked().trim().to_string(),
                result: i.result.get_untracked().trim().to_string(),
                score: score.filter(|s| (SCORE_MIN..=SCORE_MAX).contains(s)),
            });
        }
        if let Some(new_id) = draft.save(
            Action::Put(Record::Interview(card.clone())),
            "Saved your scorecard.",
        ) {
            if let Some(saved) = app
                .ws
                .with_untracked(|ws| ws.interviews.iter().find(|i| i.id == new_id).cloned())
            {
                base.set_value(saved);
            }
        }
    };
    let mut score_options = vec![(String::new(), "— not scored yet —".to_string())];
    score_options
        .extend((SCORE_MIN..=SCORE_MAX).map(|s| (s.to_string(), score_label(s).to_string())));
    let who = app
        .ws
        .with_untracked(|ws| ws.person_name(card.interviewer_id).to_string());
    let what = format!("{who}'s scorecard");
    view! {
        <article class="card scorecard mine" id=format!("r-{card_id}") aria-labelledby="my-card-h">
            <h3 id="my-card-h">{format!("Your scorecard ({who})")}</h3>
            {scenarios.is_empty().then(|| view! { <p class="muted">"This cohort has no interview scenarios. Add some on the cohort page."</p> })}
            <DraftForm draft=draft label="Your scorecard" on_submit=save>
                <DateField label="Interview date" value=held_on field="held_on"/>
                {inputs.into_iter().map(|i| {
                    let options = score_options.clone();
                    view! {
                        <fieldset class="answer wide">
                            <legend>{i.title.clone()}</legend>
                            {(!i.prompt.is_empty()).then(|| view! { <p class="prompt">{i.prompt.clone()}</p> })}
                            <div class="car">
                                <AreaField label=format!("Context — {}", i.title) value=i.context rows=2/>
                                <AreaField label=format!("Action — {}", i.title) value=i.action rows=2/>
                                <AreaField label=format!("Result — {}", i.title) value=i.result rows=2/>
                            </div>
                            <ChoiceField label=format!("Score — {}", i.title) value=i.score options=options/>
                        </fieldset>
                    }
                }).collect_view()}
                <FormButtons save_label="Save my scorecard"/>
            </DraftForm>
            <p class="row-actions"><DeleteEntry kind=RecordKind::Interview id=card_id what=what/></p>
        </article>
    }
    .into_any()
}

/// Everyone else's scorecards: notes and scores once every scorecard is complete; before that,
/// only how far each has got.
#[component]
fn OtherScorecards(id: Id, viewer: Signal<Option<Id>>) -> impl IntoView {
    let app = use_app();
    let cards = move || {
        let v = viewer.get();
        app.ws.with(|ws| {
            let (board, _) = board_for(ws, id, v);
            let scenarios = ws
                .candidate(id)
                .and_then(|c| ws.cohort(c.cohort_id))
                .map(|c| c.scenarios.clone())
                .unwrap_or_default();
            let mut list: Vec<Scorecard> = ws
                .interviews
                .iter()
                .filter(|i| i.candidate_id == id && Some(i.interviewer_id) != v)
                .cloned()
                .collect();
            list.stable_sort_by_key(|i| i.created_at);
            list.into_iter()
                .map(|i| {
                    let scored = scenarios
                        .iter()
                        .filter(|s| {
                            i.answers
                                .iter()
                                .any(|a| a.scenario_id == s.id && a.score.is_some())
                        })
                        .count();
                    let name = ws.person_name(i.interviewer_id).to_string();
                    (i, name, scored, scenarios.clone(), board.revealed)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        {move || {
            let list = cards();
            (!list.is_empty()).then(|| view! {
                <h3>{if viewer.get().is_some() { "The other scorecards" } else { "Scorecards" }}</h3>
                <ul class="entries">
                    {list.into_iter().map(|(card, name, scored, scenarios, revealed)| {
                        let card_id = card.id;
                        let what = format!("{name}'s scorecard");
                        view! {
                            <li class="card scorecard" id=format!("r-{card_id}")>
                                <h4>{format!("{name}'s scorecard")}</h4>
                                <p class="meta">
                                    {card.held_on.map(|d| view! { <time datetime=d.to_string()>{fmt_date(d)}</time> " · " })}
                                    {format!("{scored} of {} scenarios scored", scenarios.len())}
                                </p>
                                {if revealed {
                                    view! {
                                        <dl class="notes">
                                            {scenarios.iter().map(|s| {
                                                let a = card.answers.iter().find(|a| a.scenario_id == s.id).cloned().unwrap_or_default();
                                                view! {
                                                    <dt>{s.title.clone()}{a.score.map(|v| view! { " " <span class="badge">{score_label(v)}</span> })}</dt>
                                                    <dd>
                                                        <p><strong>"Context: "</strong>{a.context}</p>
                                                        <p><strong>"Action: "</strong>{a.action}</p>
                                                        <p><strong>"Result: "</strong>{a.result}</p>
                                                    </dd>
                                                }
                                            }).collect_view()}
                                        </dl>
                                    }.into_any()
                                } else {
                                    view! { <p class="muted">"Notes and scores stay hidden until every scorecard is complete."</p> }.into_any()
                                }}
                                <p class="row-actions"><DeleteEntry kind=RecordKind::Interview id=card_id what=what/></p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })
        }}
    }
}

// ---------------------------------------------------------------------------------------------
// Decision

#[component]
fn DecisionPart(id: Id) -> impl IntoView {
    let app = use_app();
    let current = move || {
        app.ws
            .with(|ws| ws.candidate(id).and_then(|c| c.decision.clone()))
    };
    let initial = current_untracked(app, id);
    let verdict = RwSignal::new(
        initial
            .as_ref()
            .map(|d| d.verdict.code().to_string())
            .unwrap_or_default(),
    );
    let reason = RwSignal::new(
        initial
            .as_ref()
            .map(|d| d.reason.clone())
            .unwrap_or_default(),
    );
    let feedback = RwSignal::new(
        initial
            .as_ref()
            .map(|d| d.feedback.clone())
            .unwrap_or_default(),
    );
    let on = RwSignal::new(date_value(Some(
        initial.as_ref().map_or_else(browser::today, |d| d.on),
    )));
    let draft = FormDraft::new(format!("decision/{id}"), "Decision");
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(v) = Verdict::from_code(&verdict.get_untracked()) else {
            app.warn("Please choose Selected or Not now.");
            return;
        };
        let Some(day) = parse_date(&on.get_untracked()) else {
            app.warn("Please enter the date of the decision.");
            return;
        };
        if reason.get_untracked().trim().is_empty() {
            app.warn("Please enter a reason for the decision.");
            return;
        }
        draft.save(
            Action::Decide {
                candidate_id: id,
                decision: Some(Decision {
                    verdict: v,
                    reason: reason.get_untracked(),
                    feedback: feedback.get_untracked(),
                    on: day,
                }),
            },
            "Saved the decision.",
        );
    };
    let open = RwSignal::new(false);
    let withdraw = Callback::new(move |_| {
        if app
            .act(
                Action::Decide {
                    candidate_id: id,
                    decision: None,
                },
                "Withdrew the decision.",
            )
            .is_some()
        {
            verdict.set(String::new());
            reason.set(String::new());
            feedback.set(String::new());
            // What was typed for the withdrawn decision goes with it.
            draft.saved();
        }
    });
    let verdicts = Verdict::ALL
        .iter()
        .map(|v| (v.code().to_string(), v.label().to_string()))
        .collect();
    let not_now = move || verdict.with(|v| v == Verdict::NotNow.code());
    view! {
        {move || match current() {
            None => view! { <p class="muted">"No decision yet."</p> }.into_any(),
            Some(d) => {
                view! {
                    <div class="card decision" id=format!("r-{id}") class:not-now=d.verdict == Verdict::NotNow>
                        <p class="verdict">{verdict_line(d.verdict)}
                            " · " <time datetime=d.on.to_string()>{fmt_date(d.on)}</time></p>
                        <dl class="notes">
                            <dt>"Reason"</dt><dd>{d.reason.clone()}</dd>
                            {(!d.feedback.is_empty()).then(|| view! { <dt>"Feedback for the person"</dt><dd>{d.feedback.clone()}</dd> })}
                        </dl>
                        <p class="row-actions">
                            <button type="button" class="link danger-text" on:click=move |_| open.set(true) disabled=move || app.is_read_only()>"Withdraw the decision"</button>
                        </p>
                    </div>
                }.into_any()
            }
        }}
        <ConfirmDialog open=open title="Withdraw the decision?"
            intro=Signal::derive(|| "The person goes back to nominated. The reason and feedback are removed.".to_string())
            lines=Signal::derive(Vec::new) confirm_label="Withdraw" on_confirm=withdraw/>
        <h3>{move || if current().is_some() { "Change the decision" } else { "Record the decision" }}</h3>
        <DraftForm draft=draft label="Decision" on_submit=save>
            <RadioGroup legend="Outcome" name=format!("verdict-{id}") value=verdict options=verdicts/>
            <AreaField label="Reason (required)" value=reason rows=3/>
            <AreaField label="Feedback for the person" value=feedback rows=3
                placeholder="What they should hear, and what would change the answer next time"/>
            {move || not_now().then(|| view! { <p class="hint wide">"For “not now”, the feedback is kept for the conversation with the person and for the next round."</p> })}
            <DateField label="Decided on" value=on required=true/>
            <FormButtons save_label="Save decision"/>
        </DraftForm>
    }
}

fn current_untracked(app: crate::ui::state::AppState, id: Id) -> Option<Decision> {
    app.ws
        .with_untracked(|ws| ws.candidate(id).and_then(|c| c.decision.clone()))
}
