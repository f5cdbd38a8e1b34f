//! 360 feedback rounds (shown in aggregate) and team health checks.
//!
//! A response's answers are never shown again once saved: the page shows counts per group and
//! the aggregate that `logic::evaluation::feedback::aggregate` allows under the anonymity threshold.

use crate::sort::StableSort as _;
use leptos::prelude::*;

use crate::logic::actions::Action;
use crate::logic::evaluation::feedback::{
    aggregate, health_nudge, health_trends, rounds_of, score_text, threshold_rule,
    DEFAULT_QUESTIONS,
};
use crate::logic::journey::day_text;
use crate::logic::records::Record;
use crate::model::{
    Answer360, FeedbackGroup, FeedbackRound, HealthCheck, HealthDimension, HealthScore, Id,
    Question, RecordKind, Response360, Timestamp, FEEDBACK_MAX, FEEDBACK_MIN, HEALTH_MAX,
    HEALTH_MIN,
};
use crate::ui::browser;
use crate::ui::charts::{LineChart, LinePoint, Series, TableData};
use crate::ui::drafts::{field_problem, problem_view};
use crate::ui::forms::{
    AreaField, ChoiceField, DateField, DeleteEntry, DraftForm, Folding, FormButtons, FormDraft,
    NumberField, TextField,
};
use crate::ui::pages::candidate::feedback_files::{
    HealthRequest, ImportInto, ResponseImport, RoundRequest,
};
use crate::ui::pages::readiness::{candidate_name, RoundResults};
use crate::ui::state::use_app;
use crate::ui::widgets::{count, date_value, fmt_date, parse_date};

const SCALE_WORDS: [&str; 5] = [
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
];

fn score_options(none: &str) -> Vec<(String, String)> {
    let mut out = vec![(String::new(), none.to_string())];
    for s in FEEDBACK_MIN..=FEEDBACK_MAX {
        let word = SCALE_WORDS.get(usize::from(s - 1)).copied().unwrap_or("");
        out.push((s.to_string(), format!("{s} — {word}")));
    }
    out
}

#[component]
pub fn FeedbackSection(id: Id) -> impl IntoView {
    view! {
        <FeedbackRounds id=id/>
        <HealthChecks id=id/>
    }
}

// ---------------------------------------------------------------------------------------------
// 360 rounds
// ---------------------------------------------------------------------------------------------

#[component]
fn FeedbackRounds(id: Id) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let title = RwSignal::new(format!("360 feedback — {}", today.format("%B %Y")));
    let opened = RwSignal::new(date_value(Some(today)));
    let questions = RwSignal::new(DEFAULT_QUESTIONS.join("\n"));
    let draft = FormDraft::new(format!("feedback-round/{id}/new"), "New 360 round");
    // The form closes once the round is open, so a second click does not open a twin; a
    // draft left from before opens it, to be seen.
    let form_open = RwSignal::new(draft.has_draft());
    let open_round = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(on) = parse_date(&opened.get_untracked()) else {
            app.warn("Give the day the round opens.");
            return;
        };
        let qs: Vec<Question> = questions
            .get_untracked()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|text| Question {
                id: Id::nil(),
                text: text.to_string(),
            })
            .collect();
        // No questions is refused by the round's rule, next to the questions.
        let round = FeedbackRound {
            id: Id::nil(),
            candidate_id: id,
            title: title.get_untracked().trim().to_string(),
            opened_on: on,
            questions: qs,
            responses: Vec::new(),
            aggregates: Vec::new(),
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
        };
        if draft
            .save(
                Action::Put(Record::FeedbackRound(round)),
                "Opened the 360 round.",
            )
            .is_some()
        {
            form_open.set(false);
        }
    };
    let list = move || {
        app.ws.with(|ws| {
            rounds_of(ws, id)
                .into_iter()
                .cloned()
                .collect::<Vec<FeedbackRound>>()
        })
    };
    view! {
        <h2>"360 feedback"</h2>
        <p class="muted">"Ask the people around the candidate — their direct reports, peers and stakeholders — a few stated questions on a scale of 1 to 5, with room for a comment. Send each group a request file and import the response files together, or type in answers given on paper. Responses are anonymous: only the group is kept, and once a response is saved its answers are not shown again; imported files are kept only as totals."</p>
        <p class="threshold-rule"><strong>"Anonymity rule. "</strong>{threshold_rule()}</p>
        <Folding open=form_open summary=|| "Open a 360 round">
            <DraftForm draft=draft label="New 360 round" on_submit=open_round>
                <TextField label="Title" value=title required=true field="title"/>
                <DateField label="Opens on" value=opened required=true field="opened_on"/>
                <AreaField label="Questions (one a line)" value=questions rows=6 field="questions"/>
                <FormButtons save_label="Open round"/>
            </DraftForm>
        </Folding>
        <div class="rounds">
            // Keyed by id alone: a saved response redraws the results, not the card, so the
            // "Enter a response" form stays open for the next paper answer.
            <For each=list key=|r| r.id let:r>
                <RoundCard r=r/>
            </For>
        </div>
        {move || list().is_empty().then(|| view! { <p class="muted">"No 360 rounds yet."</p> })}
    }
}

/// Moves focus to the first `<select>` of the form that sent `ev`.
fn focus_first_select(ev: &leptos::ev::SubmitEvent) {
    use wasm_bindgen::JsCast;
    let select = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|form| form.query_selector("select").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = select {
        el.focus().ok();
    }
}

#[component]
fn RoundCard(r: FeedbackRound) -> impl IntoView {
    let r_candidate = r.candidate_id;
    let app = use_app();
    let rid = r.id;
    let heading = format!("{} · opened {}", r.title, fmt_date(r.opened_on));
    let group = RwSignal::new(FeedbackGroup::DirectReport.code().to_string());
    let scores: Vec<(Id, String, RwSignal<String>)> = r
        .questions
        .iter()
        .map(|q| (q.id, q.text.clone(), RwSignal::new(String::new())))
        .collect();
    let comment = RwSignal::new(String::new());
    let groups: Vec<(String, String)> = FeedbackGroup::ALL
        .iter()
        .map(|g| (g.code().to_string(), g.label().to_string()))
        .collect();
    let form_scores = scores.clone();
    let draft = FormDraft::new(
        format!("feedback-response/{rid}/new"),
        format!("A response to the 360 round “{}”", r.title),
    );
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(g) = FeedbackGroup::from_code(&group.get_untracked()) else {
            app.warn("Choose who the response is from.");
            return;
        };
        let answers: Vec<Answer360> = form_scores
            .iter()
            .map(|(qid, _, s)| Answer360 {
                question_id: *qid,
                score: s.get_untracked().parse().ok(),
            })
            .collect();
        // An empty response is refused by the round's save rule, with its message.
        let Some(mut round) = app
            .ws
            .with_untracked(|ws| ws.feedback_rounds.iter().find(|x| x.id == rid).cloned())
        else {
            app.warn("This round no longer exists.");
            return;
        };
        round.responses.push(Response360 {
            id: Id::nil(),
            group: g,
            answers,
            comment: comment.get_untracked().trim().to_string(),
        });
        let n = round.responses.len();
        let said = format!(
            "Response saved ({n} so far). It counts in the results; its answers are not shown on their own."
        );
        if draft
            .save(Action::Put(Record::FeedbackRound(round)), &said)
            .is_some()
        {
            // Ready for the next one: answers cleared, the group kept and focused.
            for (_, _, s) in &form_scores {
                s.set(String::new());
            }
            comment.set(String::new());
            focus_first_select(&ev);
        }
    };
    let title_for_results = r.title.clone();
    let what = format!("the 360 round “{}”", r.title);
    view! {
        <article class="card round" aria-label=r.title.clone()>
            <h3>{heading}</h3>
            <details>
                <summary>{format!("The questions ({})", r.questions.len())}</summary>
                <ol class="questions">{r.questions.iter().map(|q| view! { <li>{q.text.clone()}</li> }).collect_view()}</ol>
                <p class="muted small">{format!("Scale: {FEEDBACK_MIN} (strongly disagree) to {FEEDBACK_MAX} (strongly agree).")}</p>
            </details>
            {move || {
                let a = app.ws.with(|ws| ws.feedback_rounds.iter().find(|x| x.id == rid).map(aggregate));
                a.map(|a| view! { <RoundResults a=a title=title_for_results.clone()/> })
            }}
            // The coaches collect answers (never the candidate they are about).
            <Show when=move || app.runs_candidacy(r_candidate)>
                <details class="panel by-file">
                    <summary>"Collect answers by file"</summary>
                    <RoundRequest rid=rid/>
                    <ResponseImport into=ImportInto::Round(rid)/>
                </details>
            </Show>
            // A draft left from before opens the form, to be seen.
            <details class="panel" open=draft.has_draft()>
                <summary>"Enter a response"</summary>
                <DraftForm draft=draft label=format!("Response to {}", r.title) on_submit=save>
                    <ChoiceField label="Response from" value=group options=groups/>
                    {scores.into_iter().map(|(_, text, s)| view! {
                        <ChoiceField label=text value=s options=score_options("No answer")/>
                    }).collect_view()}
                    <AreaField label="Comment (optional)" value=comment field="responses"/>
                    <FormButtons save_label="Save response"/>
                </DraftForm>
            </details>
            <p class="row-actions">
                <DeleteEntry kind=RecordKind::FeedbackRound id=rid what=what/>
            </p>
        </article>
    }
}

// ---------------------------------------------------------------------------------------------
// Team health
// ---------------------------------------------------------------------------------------------

/// The ends of a dimension's scale in words: workload runs from overloaded to sustainable, the
/// others from poor to great.
fn scale_ends(d: HealthDimension) -> (&'static str, &'static str) {
    match d {
        HealthDimension::Workload => ("overloaded", "sustainable"),
        _ => ("poor", "great"),
    }
}

fn health_options(d: HealthDimension) -> Vec<(String, String)> {
    let (low, high) = scale_ends(d);
    let mut out = vec![(String::new(), "Not asked".to_string())];
    out.extend((HEALTH_MIN..=HEALTH_MAX).map(|s| {
        let text = match s {
            HEALTH_MIN => format!("{s} — {low}"),
            HEALTH_MAX => format!("{s} — {high}"),
            _ => s.to_string(),
        };
        (s.to_string(), text)
    }));
    out
}

#[component]
fn HealthChecks(id: Id) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let last_team = app.ws.with_untracked(|ws| {
        ws.health_checks
            .iter()
            .filter(|h| h.candidate_id == id)
            .max_by_key(|h| h.on)
            .map(|h| h.team.clone())
            .unwrap_or_default()
    });
    let on = RwSignal::new(date_value(Some(today)));
    let team = RwSignal::new(last_team);
    let answered = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let scores: Vec<(HealthDimension, RwSignal<String>)> = HealthDimension::ALL
        .iter()
        .map(|d| (*d, RwSignal::new(String::new())))
        .collect();
    let form_scores = scores.clone();
    let draft = FormDraft::new(format!("health/{id}/new"), "New team health check");
    // A draft left from before opens the form, to be seen.
    let adding = RwSignal::new(draft.has_draft());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = parse_date(&on.get_untracked()) else {
            app.warn("Give the day of the check.");
            return;
        };
        let answered_text = answered.get_untracked();
        let answered_n = match answered_text.trim() {
            "" => None,
            t => match t.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    app.warn("“How many answered” must be a whole number, like 6.");
                    return;
                }
            },
        };
        let picked: Vec<HealthScore> = form_scores
            .iter()
            .filter_map(|(d, s)| {
                s.get_untracked()
                    .parse::<u8>()
                    .ok()
                    .map(|score| HealthScore {
                        dimension: *d,
                        score: f32::from(score),
                    })
            })
            .collect();
        // No scores is refused by the check's rule, next to the scores.
        let check = HealthCheck {
            id: Id::nil(),
            candidate_id: id,
            on: day,
            team: team.get_untracked().trim().to_string(),
            scores: picked,
            answered: answered_n,
            note: note.get_untracked().trim().to_string(),
            tally: None,
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
        };
        if draft
            .save(
                Action::Put(Record::HealthCheck(check)),
                "Saved the health check.",
            )
            .is_some()
        {
            for (_, s) in &form_scores {
                s.set(String::new());
            }
            note.set(String::new());
            answered.set(String::new());
        }
    };
    let nudge = move || app.ws.with(|ws| health_nudge(ws, id, today));
    let checks = move || {
        app.ws.with(|ws| {
            let mut l: Vec<HealthCheck> = ws
                .health_checks
                .iter()
                .filter(|h| h.candidate_id == id)
                .cloned()
                .collect();
            l.stable_sort_by_key(|h| std::cmp::Reverse((h.on, h.created_at)));
            l
        })
    };
    view! {
        <h2>"Team health"</h2>
        <p class="muted">{format!("While the candidate leads a team with support, ask the team every week or two how it is doing, each dimension on a scale of {HEALTH_MIN} (poor) to {HEALTH_MAX} (great); for workload, {HEALTH_MIN} means overloaded and {HEALTH_MAX} sustainable. Ask the team with a request file (the check then holds the team's exact means), or type a check in yourself. Round the team's average to a whole number.")}</p>
        {move || nudge().map(|n| view! { <p class="hint nudge" role="note">{n}</p> })}
        <Show when=move || app.runs_candidacy(id)>
            <details class="panel by-file">
                <summary>"Collect answers by file"</summary>
                <HealthRequest id=id team=team/>
                <ResponseImport into=ImportInto::Health(id)/>
            </details>
        </Show>
        <Folding open=adding summary=|| "Add a health check">
            <DraftForm draft=draft label="New health check" on_submit=add>
                <DateField label="Checked on" value=on required=true field="on"/>
                <TextField label="Team" value=team field="team"/>
                {scores.into_iter().map(|(d, s)| view! {
                    <ChoiceField label=d.label() value=s options=health_options(d)/>
                }).collect_view()}
                <ScoresProblem/>
                <NumberField label="How many answered" value=answered field="answered"/>
                <AreaField label="Note" value=note rows=2 field="note"/>
                <FormButtons save_label="Save health check"/>
            </DraftForm>
        </Folding>
        <HealthTrends id=id/>
        <ul class="entries health-list">
            <For each=checks key=|h| (h.id, h.updated_at) let:h>
                <HealthCard h=h/>
            </For>
        </ul>
        {move || checks().is_empty().then(|| view! { <p class="muted">"No health checks yet."</p> })}
    }
}

/// The message under the scores when a save was refused for them (the selects are not kit
/// fields with a record field of their own).
#[component]
fn ScoresProblem() -> impl IntoView {
    let (message, id) = field_problem(Some("scores"));
    problem_view(message, id)
}

/// The health trends chart with one line per dimension, and the latest move of each.
#[component]
pub fn HealthTrends(id: Id) -> impl IntoView {
    let app = use_app();
    move || {
        let (trends, who) = app
            .ws
            .with(|ws| (health_trends(ws, id), candidate_name(ws, id)));
        let scored: Vec<_> = trends.iter().filter(|t| !t.points.is_empty()).collect();
        if scored.is_empty() {
            return None;
        }
        let series: Vec<Series> = scored
            .iter()
            .map(|t| Series {
                name: t.dimension.label().to_string(),
                points: t
                    .points
                    .iter()
                    .map(|(d, s)| LinePoint {
                        x: f64::from(chrono::Datelike::num_days_from_ce(d)),
                        x_label: day_text(*d),
                        y: f64::from(*s),
                    })
                    .collect(),
            })
            .collect();
        let mut days: Vec<_> = scored
            .iter()
            .flat_map(|t| t.points.iter().map(|p| p.0))
            .collect();
        days.stable_sort();
        days.dedup();
        let mut headers = vec!["Day".to_string()];
        headers.extend(scored.iter().map(|t| t.dimension.label().to_string()));
        let rows = days
            .iter()
            .map(|d| {
                let mut r = vec![day_text(*d)];
                r.extend(scored.iter().map(|t| {
                    t.points
                        .iter()
                        .rev()
                        .find(|p| p.0 == *d)
                        .map_or("—".to_string(), |p| score_text(p.1))
                }));
                r
            })
            .collect();
        let ticks = (HEALTH_MIN..=HEALTH_MAX)
            .map(|v| (f64::from(v), v.to_string()))
            .collect();
        let moves: Vec<String> = scored.iter().filter_map(|t| t.move_text()).collect();
        Some(view! {
            <h3>"Trends"</h3>
            <ul class="trend-moves">{moves.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
            <LineChart title="Team health trends" about=who series=series y_range=(f64::from(HEALTH_MIN), f64::from(HEALTH_MAX))
                y_ticks=ticks table=TableData { headers, rows }/>
        })
    }
}

#[component]
fn HealthCard(h: HealthCheck) -> impl IntoView {
    let title = if h.team.is_empty() {
        format!("Health check on {}", fmt_date(h.on))
    } else {
        format!("{} — health check on {}", h.team, fmt_date(h.on))
    };
    let what = format!("the health check of {}", fmt_date(h.on));
    view! {
        <li class="card entry">
            <h3>{title}</h3>
            <ul class="scores">
                {h.scores.iter().map(|s| view! { <li>{format!("{}: {}", s.dimension.label(), score_text(s.score))}</li> }).collect_view()}
            </ul>
            {h.answered.map(|n| view! { <p class="muted">{format!("{} answered.", count(n as usize, "person", "people"))}</p> })}
            {h.tally.as_ref().map(|t| view! {
                <p class="muted">{format!("Made from {} response files: only their totals are kept, and each score is the team's mean.", t.responses)}</p>
                {(!t.comments.is_empty()).then(|| view! {
                    <h4>"Comments"</h4>
                    <ul class="comments">{t.comments.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                })}
            })}
            {(!h.note.is_empty()).then(|| view! { <p class="body">{h.note.clone()}</p> })}
            <p class="row-actions"><DeleteEntry kind=RecordKind::HealthCheck id=h.id what=what/></p>
        </li>
    }
}
