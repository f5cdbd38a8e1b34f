//! A candidate's assessments (rater, role, a level and comment per domain), the evidence
//! behind them, and their history by month. Ratings are blind: the rules are in
//! `logic::evaluation::calibration` (who may see what), and the evidence rule for top-level ratings in
//! `logic::evaluation::frameworks::rating_problems`, which refuses the save with a message.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::logic::actions::Action;
use crate::logic::evaluation::calibration::{assessments_for, history, Seen};
use crate::logic::evaluation::evidence::{
    domains_without_dated_evidence, evidence_by_domain, source_of, sources, top_without_evidence,
};
use crate::logic::evaluation::frameworks::{self, MIT_RUBRIC};
use crate::logic::records::Record;
use crate::model::{
    Assessment, Evidence, EvidenceKind, Framework, Id, RaterRole, Rating, RecordKind, Timestamp,
    Workspace,
};
use crate::storage::drafts::FieldValue;
use crate::ui::browser;
use crate::ui::forms::{
    draft_field, id_value, person_value, AreaField, Bound, ChoiceField, DateField, DeleteEntry,
    DraftForm, Folding, FormButtons, FormDraft, PersonField, TextField,
};
use crate::ui::state::use_app;
use crate::ui::widgets::{date_value, fmt_date, parse_date, person_choices};

/// What the whole section shares: who is looking and which framework the page is about.
#[derive(Clone, Copy)]
struct Page {
    candidate: Id,
    person: Option<Id>,
    viewer: RwSignal<String>,
    framework: RwSignal<String>,
}

impl Page {
    fn viewer_id(self) -> Option<Id> {
        person_value(&self.viewer.get())
    }
    fn viewer_id_untracked(self) -> Option<Id> {
        person_value(&self.viewer.get_untracked())
    }
    fn framework_id(self) -> Id {
        person_value(&self.framework.get()).unwrap_or(MIT_RUBRIC)
    }
}

fn framework_of(ws: &Workspace, id: Id) -> Option<Framework> {
    frameworks::find(ws, id)
}

#[component]
pub fn AssessmentsSection(id: Id) -> impl IntoView {
    let app = use_app();
    let person = app
        .ws
        .with_untracked(|ws| ws.candidate(id).map(|c| c.person_id));
    // Viewing as whoever uses this browser (or acts for someone): never quietly as a coach.
    let page = Page {
        candidate: id,
        person,
        viewer: RwSignal::new(id_value(app.person_untracked())),
        framework: RwSignal::new(MIT_RUBRIC.to_string()),
    };
    let mut viewers = vec![(String::new(), "— just reading —".to_string())];
    viewers.extend(
        app.ws
            .with_untracked(person_choices)
            .into_iter()
            .map(|(p, l)| (p.to_string(), l)),
    );
    // Viewing as someone else is acting for them: app-wide, and said in the header, so it is
    // never a quiet change on one page. Choosing yourself (or "just reading") stops it.
    Effect::new(move |prev: Option<String>| {
        let v = page.viewer.get();
        if prev.is_some_and(|p| p != v) {
            let me = app.me.get_untracked();
            let chosen = person_value(&v);
            match chosen {
                Some(p) if Some(p) != me => app.acting_for.set(Some(p)),
                _ => app.acting_for.set(None),
            }
        }
        v
    });
    Effect::new(move |prev: Option<Option<Id>>| {
        let p = app.person();
        if prev.is_some_and(|q| q != p) {
            page.viewer.set(id_value(p));
        }
        p
    });
    let frameworks = app.ws.with_untracked(crate::ui::widgets::framework_choices);
    view! {
        <p class="muted">"Each rater judges the candidate against a framework, domain by domain, with a comment. Ratings are blind: until the cohort's monthly calibration reveals them, only the rater (and, for a self-assessment, the candidate) sees the levels. A top-level rating needs dated evidence for its domain."</p>
        <div class="form inline cal-viewing">
            <ChoiceField label="Viewing as" value=page.viewer options=viewers/>
            <ChoiceField label="Framework" value=page.framework options=frameworks/>
        </div>
        {move || {
            let v = page.viewer_id();
            let here = app.person();
            match (v, here) {
                (Some(v), _) if app.acting_for.get() == Some(v) => {
                    let name = app.ws.with(|ws| ws.person_name(v).to_string());
                    view! { <p class="warning" role="status">{format!("You are acting for {name}: you see their blind ratings, and a new assessment is saved in their name. Choose yourself, or “Stop acting” at the top, to stop.")}</p> }.into_any()
                }
                (Some(_), None) => view! { <p class="muted small">"Who is viewing is remembered on this page only. Say who you are in Settings, and this page opens as you."</p> }.into_any(),
                _ => view! { <p class="muted small">"Who is viewing is remembered on this page only; it is not saved."</p> }.into_any(),
            }
        }}
        <section class="sel-part" aria-labelledby="as-list-h">
            <h2 id="as-list-h">"Assessments"</h2>
            <AssessmentEditor page=page/>
        </section>
        <section class="sel-part" aria-labelledby="as-evidence-h">
            <h2 id="as-evidence-h">"Evidence"</h2>
            <EvidencePart page=page/>
        </section>
        <section class="sel-part" aria-labelledby="as-history-h">
            <h2 id="as-history-h">"History by month"</h2>
            <History page=page/>
        </section>
    }
}

// ---------------------------------------------------------------------------------------------
// Assessments: the form (new or editing one's own) and the list

/// The assessment form's values. Levels and comments are kept per domain id, so switching
/// framework and back (or to a copy, which shares domain ids) keeps what was chosen.
#[derive(Clone, Copy)]
struct Form {
    editing: RwSignal<Option<Id>>,
    /// The form is folded away until someone adds or edits an assessment.
    open: RwSignal<bool>,
    on: RwSignal<String>,
    rater: RwSignal<String>,
    role: RwSignal<String>,
    levels: RwSignal<HashMap<Id, String>>,
    comments: RwSignal<HashMap<Id, String>>,
}

impl Form {
    fn clear(self, page: Page) {
        self.editing.set(None);
        self.on.set(date_value(Some(browser::today())));
        self.rater.set(page.viewer.get_untracked());
        // The role follows the rater again (the effect below only runs when the rater changes).
        let role = page.viewer_id_untracked().map_or(RaterRole::Coach, |p| {
            use_app().ws.with_untracked(|ws| {
                crate::logic::evaluation::calibration::role_for(ws, page.candidate, p)
            })
        });
        self.role.set(role.code().to_string());
        self.levels.set(HashMap::new());
        self.comments.set(HashMap::new());
    }

    fn load(self, page: Page, a: &Assessment) {
        self.editing.set(Some(a.id));
        self.open.set(true);
        page.framework.set(a.framework_id.to_string());
        self.on.set(date_value(Some(a.on)));
        self.rater.set(a.rater_id.to_string());
        self.role.set(a.role.code().to_string());
        self.levels.set(
            a.ratings
                .iter()
                .filter_map(|r| r.level_id.map(|l| (r.domain_id, l.to_string())))
                .collect(),
        );
        self.comments.set(
            a.ratings
                .iter()
                .map(|r| (r.domain_id, r.comment.clone()))
                .collect(),
        );
    }

    /// The ratings typed for a framework's active domains, as (domain, level) pairs.
    fn rated(self, fw: &Framework) -> Vec<(Id, Id)> {
        self.levels.with(|l| {
            fw.active_domains()
                .filter_map(|d| {
                    l.get(&d.id)
                        .and_then(|v| person_value(v))
                        .map(|lv| (d.id, lv))
                })
                .collect()
        })
    }
}

#[component]
fn AssessmentEditor(page: Page) -> impl IntoView {
    let app = use_app();
    let form = Form {
        editing: RwSignal::new(None),
        open: RwSignal::new(false),
        on: RwSignal::new(date_value(Some(browser::today()))),
        rater: RwSignal::new(page.viewer.get_untracked()),
        role: RwSignal::new(RaterRole::Coach.code().to_string()),
        levels: RwSignal::new(HashMap::new()),
        comments: RwSignal::new(HashMap::new()),
    };
    // A draft is kept for a new assessment only (an edit is done in place).
    let draft = FormDraft::new(
        format!("assessment/{}/new", page.candidate),
        "New assessment",
    )
    .only_when(move || form.editing.with(Option::is_none));
    if draft.has_draft() {
        form.open.set(true);
    }
    // The rater follows who is viewing (a new assessment is usually one's own), and a
    // self-assessment is the candidate's.
    Effect::new(move |prev: Option<String>| {
        let v = page.viewer.get();
        if prev.is_some() && form.editing.get_untracked().is_none() {
            form.rater.set(v.clone());
        }
        v
    });
    // The role follows the rater (the candidate rates as Self, the sponsor as Sponsor, a
    // coach as Coach, anyone else as Peer); it can still be changed by hand.
    Effect::new(move |prev: Option<String>| {
        let r = form.rater.get();
        if prev.as_ref() != Some(&r) && form.editing.get_untracked().is_none() {
            if let Some(p) = person_value(&r) {
                let role = app.ws.with_untracked(|ws| {
                    crate::logic::evaluation::calibration::role_for(ws, page.candidate, p)
                });
                form.role.set(role.code().to_string());
            }
        }
        r
    });
    Effect::new(move |prev: Option<String>| {
        let r = form.role.get();
        if prev.is_some_and(|p| p != r) && r == RaterRole::SelfRating.code() {
            form.rater.set(id_value(page.person));
        }
        r
    });
    // The framework's shape; the domain inputs are rebuilt only when it changes.
    let shape = Memo::new(move |_| {
        let fid = page.framework_id();
        app.ws.with(|ws| framework_of(ws, fid))
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(fw) = shape.get_untracked() else {
            app.warn("Choose a framework first.");
            return;
        };
        let Some(on) = parse_date(&form.on.get_untracked()) else {
            app.warn("Please enter the date of the assessment.");
            return;
        };
        let Some(rater) = person_value(&form.rater.get_untracked()) else {
            app.warn("Choose who is rating.");
            return;
        };
        let role = RaterRole::from_code(&form.role.get_untracked()).unwrap_or(RaterRole::Coach);
        let levels = form.levels.get_untracked();
        let comments = form.comments.get_untracked();
        let editing = form.editing.get_untracked();
        // Ratings of domains retired since are kept by the save (`Entry::keep_from`).
        let mut ratings: Vec<Rating> = Vec::new();
        for d in fw.active_domains() {
            let level_id = levels.get(&d.id).and_then(|v| person_value(v));
            let comment = comments
                .get(&d.id)
                .map(|c| c.trim().to_string())
                .unwrap_or_default();
            if level_id.is_some() || !comment.is_empty() {
                ratings.push(Rating {
                    domain_id: d.id,
                    level_id,
                    comment,
                });
            }
        }
        if ratings.iter().all(|r| r.level_id.is_none()) {
            app.warn("Rate at least one domain before saving.");
            return;
        }
        let record = Assessment {
            id: editing.unwrap_or_else(Id::nil),
            candidate_id: page.candidate,
            framework_id: fw.id,
            on,
            rater_id: rater,
            role,
            ratings,
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
        };
        // On a refusal the toast says why and everything typed stays.
        if draft
            .submit(
                Action::Put(Record::Assessment(record)),
                "Saved the assessment.",
            )
            .is_some()
        {
            if draft.is_active_now() {
                draft.saved();
            }
            form.clear(page);
            form.open.set(false);
        }
    };
    let cancel = Callback::new(move |_| {
        draft.discard();
        form.clear(page);
        form.open.set(false);
    });
    let roles: Vec<(String, String)> = RaterRole::ALL
        .iter()
        .map(|r| (r.code().to_string(), r.label().to_string()))
        .collect();
    let heading = move || {
        if form.editing.get().is_some() {
            "Edit the assessment"
        } else {
            "Add an assessment"
        }
    };
    view! {
        <Folding open=form.open class="panel cal-form" id="as-form" summary_id="as-form-h" summary=move || heading>
            <DraftForm draft=draft labelledby="as-form-h" on_submit=save>
                <DateField label="Date" value=form.on required=true/>
                <ChoiceField label="Rater role" value=form.role options=roles/>
                <PersonField label="Rater" value=form.rater/>
                {move || match shape.get() {
                    None => view! { <p class="hint">"This framework is not in the workspace any more. Choose another above."</p> }.into_any(),
                    Some(fw) => view! { <DomainInputs page=page form=form fw=fw/> }.into_any(),
                }}
                <div class="actions wide">
                    <button type="submit" disabled=move || app.is_read_only()>"Save assessment"</button>
                    <button type="button" class="secondary" on:click=move |_| cancel.run(())>"Cancel"</button>
                </div>
            </DraftForm>
        </Folding>
        <AssessmentList page=page form=form/>
    }
}

/// A level choice and a comment per active domain, with the chosen level's descriptor and a
/// live warning where a top-level rating has no dated evidence yet.
#[component]
fn DomainInputs(page: Page, form: Form, fw: Framework) -> impl IntoView {
    let app = use_app();
    let fw = StoredValue::new(fw);
    let missing = Memo::new(move |_| {
        let on = parse_date(&form.on.get()).unwrap_or_else(browser::today);
        let rated = fw.with_value(|fw| form.rated(fw));
        app.ws
            .with(|ws| fw.with_value(|fw| top_without_evidence(ws, page.candidate, fw, on, &rated)))
    });
    let domains: Vec<(Id, String, String)> = fw.with_value(|fw| {
        fw.active_domains()
            .map(|d| (d.id, d.name.clone(), d.summary.clone()))
            .collect()
    });
    let levels: Vec<(String, String)> = fw.with_value(|fw| {
        fw.active_levels()
            .map(|l| (l.id.to_string(), l.name.clone()))
            .collect()
    });
    domains
        .into_iter()
        .map(|(did, name, summary)| {
            let levels = levels.clone();
            let level_label = format!("Level — {name}");
            let comment_label = format!("Comment — {name}");
            let descriptor = move || {
                let lv = form.levels.with(|l| l.get(&did).and_then(|v| person_value(v)));
                lv.map(|l| fw.with_value(|fw| fw.descriptor(did, l).to_string()))
                    .filter(|t| !t.is_empty())
            };
            let warn_name = name.clone();
            let touch_level = draft_field(&level_label, Bound::Custom(
                Callback::new(move |()| FieldValue::Text(form.levels.with(|l| l.get(&did).cloned().unwrap_or_default()))),
                Callback::new(move |v| if let FieldValue::Text(t) = v { form.levels.update(|l| { l.insert(did, t); }); }),
            ));
            let touch_comment = draft_field(&comment_label, Bound::Custom(
                Callback::new(move |()| FieldValue::Text(form.comments.with(|c| c.get(&did).cloned().unwrap_or_default()))),
                Callback::new(move |v| if let FieldValue::Text(t) = v { form.comments.update(|c| { c.insert(did, t); }); }),
            ));
            view! {
                <fieldset class="domain-rating wide">
                    <legend>{name.clone()}</legend>
                    {(!summary.is_empty()).then(|| view! { <p class="muted small">{summary}</p> })}
                    <div class="domain-row">
                        <label>{level_label}
                            <select
                                prop:value=move || form.levels.with(|l| l.get(&did).cloned().unwrap_or_default())
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    form.levels.update(|l| { l.insert(did, v); });
                                    touch_level();
                                }>
                                <option value="">"— not rated —"</option>
                                {levels.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
                            </select>
                        </label>
                        <label class="grow">{comment_label}
                            <textarea rows=2
                                prop:value=move || form.comments.with(|c| c.get(&did).cloned().unwrap_or_default())
                                on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    form.comments.update(|c| { c.insert(did, v); });
                                    touch_comment();
                                }></textarea>
                        </label>
                    </div>
                    {move || descriptor().map(|t| view! { <p class="descriptor"><span class="sr-only">"What this level looks like: "</span>{t}</p> })}
                    {move || missing.get().contains(&did).then(|| view! {
                        <p class="cal-warn" role="status">{format!("No dated evidence for {warn_name} yet — add some under “Add evidence”.")}</p>
                    })}
                </fieldset>
            }
        })
        .collect_view()
}

#[component]
fn AssessmentList(page: Page, form: Form) -> impl IntoView {
    let app = use_app();
    let list = move || {
        let v = page.viewer_id();
        app.ws.with(|ws| assessments_for(ws, page.candidate, v))
    };
    view! {
        {move || {
            let l = list();
            if l.is_empty() {
                view! { <p class="muted">"No assessments yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="entries">
                        {l.into_iter().map(|s| view! { <AssessmentCard seen=s page=page form=form/> }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}
    }
}

/// A line of who rated, in what role, when and against what.
fn seen_title(ws: &Workspace, s: &Seen) -> String {
    let fw = framework_of(ws, s.framework_id).map_or_else(|| "a framework".to_string(), |f| f.name);
    format!(
        "{} ({}) — {} — {fw}",
        ws.person_name(s.rater_id),
        s.role.label(),
        fmt_date(s.on)
    )
}

/// The levels and comments of a visible assessment.
fn ratings_view(ws: &Workspace, s: &Seen) -> AnyView {
    let Some(ratings) = &s.ratings else {
        return view! { <p class="muted hidden-ratings">"Ratings hidden until calibration."</p> }
            .into_any();
    };
    let fw = framework_of(ws, s.framework_id);
    let rows: Vec<(String, String, String)> = ratings
        .iter()
        .map(|r| {
            let d = fw.as_ref().and_then(|f| f.domain(r.domain_id)).map_or_else(
                || "A domain no longer in the framework".into(),
                |d| d.name.clone(),
            );
            let l = r
                .level_id
                .and_then(|l| fw.as_ref().and_then(|f| f.level(l)))
                .map_or_else(|| "not rated".into(), |l| l.name.clone());
            (d, l, r.comment.clone())
        })
        .collect();
    view! {
        <dl class="notes">
            {rows.into_iter().map(|(d, l, c)| view! {
                <dt>{d}</dt>
                <dd><strong>{l}</strong>{(!c.is_empty()).then(|| view! { " — " {c} })}</dd>
            }).collect_view()}
        </dl>
    }
    .into_any()
}

#[component]
fn AssessmentCard(seen: Seen, page: Page, form: Form) -> impl IntoView {
    let app = use_app();
    let (title, body) = app
        .ws
        .with_untracked(|ws| (seen_title(ws, &seen), ratings_view(ws, &seen)));
    let id = seen.id;
    let own = seen.own;
    let edit = move |_| {
        if let Some(a) = app
            .ws
            .with_untracked(|ws| ws.assessments.iter().find(|a| a.id == id).cloned())
        {
            form.load(page, &a);
            scroll_to("as-form");
        }
    };
    let what = format!("the assessment by {title}");
    view! {
        <li class="card entry" id=format!("r-{id}")>
            <h3 class="as-title">{title.clone()}{own.then(|| view! { " " <span class="badge">"yours"</span> })}</h3>
            {body}
            {own.then(|| view! {
                <p class="row-actions">
                    <button type="button" class="link" aria-label=format!("Edit the assessment by {title}")
                        on:click=edit disabled=move || app.is_read_only()>"Edit"</button>
                    <DeleteEntry kind=RecordKind::Assessment id=id what=what/>
                </p>
            })}
        </li>
    }
}

// ---------------------------------------------------------------------------------------------
// Evidence

/// The evidence form's values; `editing` holds the item being edited, whose kind and source
/// stay as they are (its note, link, date and domains change).
#[derive(Clone, Copy)]
struct EvForm {
    open: RwSignal<bool>,
    editing: RwSignal<Option<Evidence>>,
    kind: RwSignal<String>,
    source: RwSignal<String>,
    on: RwSignal<String>,
    note: RwSignal<String>,
    link: RwSignal<String>,
    chosen: RwSignal<Vec<Id>>,
}

impl EvForm {
    fn new() -> Self {
        EvForm {
            open: RwSignal::new(false),
            editing: RwSignal::new(None),
            kind: RwSignal::new(EvidenceKind::Activity.code().to_string()),
            source: RwSignal::new(String::new()),
            on: RwSignal::new(date_value(Some(browser::today()))),
            note: RwSignal::new(String::new()),
            link: RwSignal::new(String::new()),
            chosen: RwSignal::new(Vec::new()),
        }
    }

    fn clear(self) {
        self.editing.set(None);
        self.source.set(String::new());
        self.note.set(String::new());
        self.link.set(String::new());
        self.chosen.set(Vec::new());
        self.on.set(date_value(Some(browser::today())));
    }

    fn load(self, e: &Evidence) {
        self.editing.set(Some(e.clone()));
        self.on.set(date_value(e.on));
        self.note.set(e.note.clone());
        self.link.set(e.link.clone());
        self.chosen.set(e.domain_ids.clone());
        self.open.set(true);
    }

    /// The kind the form is about: the edited item's, or the one chosen for a new item.
    fn kind(self) -> EvidenceKind {
        self.editing
            .with(|e| e.as_ref().map(|e| e.kind))
            .unwrap_or_else(|| {
                EvidenceKind::from_code(&self.kind.get()).unwrap_or(EvidenceKind::Activity)
            })
    }
}

#[component]
fn EvidencePart(page: Page) -> impl IntoView {
    let app = use_app();
    let form = EvForm::new();
    let EvForm {
        kind,
        source,
        on,
        note,
        link,
        chosen,
        ..
    } = form;
    // A draft is kept for a new item only (an edit is done in place).
    let editing_sig = form.editing;
    let draft = FormDraft::new(format!("evidence/{}/new", page.candidate), "New evidence")
        .only_when(move || editing_sig.with(Option::is_none));
    if draft.has_draft() {
        form.open.set(true);
    }
    let touch_kind = draft.field("Kind of evidence", Bound::Text(kind));
    let touch_source = draft.field("Source", Bound::Text(source));
    let touch_domains = draft.field("Domains it shows", Bound::People(chosen));
    let kind_v = move || EvidenceKind::from_code(&kind.get()).unwrap_or(EvidenceKind::Activity);
    let options = Memo::new(move |_| {
        let k = kind_v();
        app.ws.with(|ws| sources(ws, page.candidate, k))
    });
    // Picking a source dates the evidence on the source's day.
    Effect::new(move |_| {
        let s = person_value(&source.get());
        if let Some(day) =
            s.and_then(|s| options.with_untracked(|o| o.iter().find(|x| x.id == s).map(|x| x.on)))
        {
            on.set(date_value(Some(day)));
        }
    });
    let private_pick = move || {
        if form.editing.with(Option::is_some) {
            return false;
        }
        let s = person_value(&source.get());
        options.with(|o| o.iter().any(|x| Some(x.id) == s && x.private))
    };
    let domains = Memo::new(move |_| {
        let fid = page.framework_id();
        app.ws.with(|ws| {
            framework_of(ws, fid)
                .map(|f| {
                    f.active_domains()
                        .map(|d| (d.id, d.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let on_text = on.get_untracked();
        let day = parse_date(&on_text);
        if !on_text.trim().is_empty() && day.is_none() {
            app.warn("Please enter a complete date for the evidence, or leave it empty.");
            return;
        }
        let domain_ids = chosen.get_untracked();
        if domain_ids.is_empty() {
            app.warn("Tick at least one domain this evidence shows.");
            return;
        }
        let note_text = note.get_untracked().trim().to_string();
        let link_text = link.get_untracked().trim().to_string();
        let e = match form.editing.get_untracked() {
            // Editing: the item as it is now, with the new note, link, date and domains.
            Some(old) => {
                let Some(mut e) = app
                    .ws
                    .with_untracked(|ws| ws.evidence.iter().find(|x| x.id == old.id).cloned())
                else {
                    app.warn("This evidence item no longer exists (it may have been deleted).");
                    return;
                };
                e.on = day;
                e.domain_ids = domain_ids;
                e.note = note_text;
                if e.kind == EvidenceKind::Note {
                    e.link = link_text;
                }
                e
            }
            None => {
                let k =
                    EvidenceKind::from_code(&kind.get_untracked()).unwrap_or(EvidenceKind::Note);
                Evidence {
                    id: Id::nil(),
                    candidate_id: page.candidate,
                    kind: k,
                    source_id: if k == EvidenceKind::Note {
                        None
                    } else {
                        person_value(&source.get_untracked())
                    },
                    on: day,
                    domain_ids,
                    note: note_text,
                    link: if k == EvidenceKind::Note {
                        link_text
                    } else {
                        String::new()
                    },
                    created_at: Timestamp::UNIX_EPOCH,
                    updated_at: Timestamp::UNIX_EPOCH,
                    merge_bases: Vec::new(),
                }
            }
        };
        if draft
            .submit(Action::Put(Record::Evidence(e)), "Saved the evidence.")
            .is_some()
        {
            if draft.is_active_now() {
                draft.saved();
            }
            form.clear();
            form.open.set(false);
        }
    };
    let cancel = Callback::new(move |_| {
        form.clear();
        form.open.set(false);
    });
    let kinds: Vec<(String, String)> = EvidenceKind::ALL
        .iter()
        .map(|k| (k.code().to_string(), k.label().to_string()))
        .collect();
    let heading = move || {
        if form.editing.with(Option::is_some) {
            "Edit evidence"
        } else {
            "Add evidence"
        }
    };
    // While editing: what the item is and where it comes from, which stay as they are.
    let editing_what = move || {
        form.editing.get().map(|e| {
            let src = app
                .ws
                .with_untracked(|ws| source_of(ws, &e))
                .map(|s| format!(" · {}", s.title))
                .unwrap_or_default();
            format!("{}{src}", e.kind.label())
        })
    };
    // Ticked domains of other frameworks stay ticked (they are not shown here).
    let domain_boxes = move || {
        domains
            .get()
            .into_iter()
            .map(|(did, name)| {
                view! {
                    <label class="check">
                        <input type="checkbox"
                            prop:checked=move || chosen.with(|v| v.contains(&did))
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                chosen.update(|v| { v.retain(|x| *x != did); if checked { v.push(did); } });
                                touch_domains();
                            }/>
                        {name}
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <Folding open=form.open class="panel cal-form" id="ev-form" summary_id="ev-form-h" summary=move || heading>
            <DraftForm draft=draft labelledby="ev-form-h" on_submit=save>
                {move || match editing_what() {
                    Some(what) => view! { <p class="wide ev-editing">{what}</p> }.into_any(),
                    None => view! {
                        <label>"Kind of evidence"
                            <select prop:value=move || kind.get() on:change=move |ev| { kind.set(event_target_value(&ev)); source.set(String::new()); touch_kind(); }>
                                {kinds.clone().into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
                            </select>
                        </label>
                        {move || {
                            let k = kind_v();
                            (k != EvidenceKind::Note).then(|| {
                                let empty = if k == EvidenceKind::Feedback { "— none: write the feedback below —" } else { "— choose —" };
                                let label = match k {
                                    EvidenceKind::Feedback => "360 round".to_string(),
                                    other => other.label().to_string(),
                                };
                                view! {
                                    <label>{label}
                                        <select prop:value=move || source.get() on:change=move |ev| { source.set(event_target_value(&ev)); touch_source(); }>
                                            <option value="">{empty}</option>
                                            {options.get().into_iter().map(|s| view! { <option value=s.id.to_string()>{s.label}</option> }).collect_view()}
                                        </select>
                                    </label>
                                    {options.with(Vec::is_empty).then(|| view! {
                                        <p class="hint">{format!("No {} recorded for this candidate yet.", plural(k))}</p>
                                    })}
                                }
                            })
                        }}
                    }.into_any(),
                }}
                <DateField label="Date of the evidence" value=on/>
                {move || private_pick().then(|| view! {
                    <p class="cal-private wide" role="note"><span class="badge private">"Private"</span>" This journal entry is private to the candidate: it will not go into shared files, and neither will this evidence item unless they include private entries when exporting."</p>
                })}
                <fieldset class="wide">
                    <legend>"Domains it shows"</legend>
                    <div class="people-list">{domain_boxes}</div>
                </fieldset>
                <AreaField label="What it shows (for feedback without a round: what was said)" value=note rows=2/>
                {move || (form.kind() == EvidenceKind::Note).then(|| view! {
                    <TextField label="Link (optional, https://…)" value=link wide=true field="link"/>
                })}
                <FormButtons save_label="Save evidence" on_cancel=cancel/>
            </DraftForm>
        </Folding>
        <EvidenceList page=page form=form/>
    }
}

/// Brings a folded-open form into view (after it has been drawn open).
fn scroll_to(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(id) {
            el.scroll_into_view();
        }
    });
}

/// "activities", "1:1s": a kind of source, for "none recorded yet".
fn plural(k: EvidenceKind) -> &'static str {
    match k {
        EvidenceKind::Activity => "activities",
        EvidenceKind::MicroAssignment => "micro-assignments",
        EvidenceKind::OneOnOne => "1:1s",
        EvidenceKind::Journal => "journal entries",
        EvidenceKind::Feedback => "360 rounds",
        EvidenceKind::Note => "notes",
    }
}

#[component]
fn EvidenceList(page: Page, form: EvForm) -> impl IntoView {
    let app = use_app();
    let data = move || {
        let fid = page.framework_id();
        app.ws.with(|ws| {
            let Some(fw) = framework_of(ws, fid) else {
                return (Vec::new(), Vec::new());
            };
            let groups: Vec<(String, Vec<Shown>)> = evidence_by_domain(ws, page.candidate, &fw)
                .into_iter()
                .map(|(d, list)| {
                    let name = fw.domain(d).map(|d| d.name.clone()).unwrap_or_default();
                    let items = list
                        .into_iter()
                        .map(|e| {
                            let source = source_of(ws, e);
                            let private = source.as_ref().is_some_and(|s| s.private);
                            // The evidence has its own date: the source shows by title.
                            let src = source.map(|s| s.title).unwrap_or_else(|| {
                                if e.source_id.is_some() {
                                    "(not in this copy)".into()
                                } else {
                                    String::new()
                                }
                            });
                            (e.clone(), src, private)
                        })
                        .collect();
                    (name, items)
                })
                .collect();
            let without: Vec<String> = domains_without_dated_evidence(ws, page.candidate, &fw)
                .into_iter()
                .filter_map(|d| fw.domain(d).map(|d| d.name.clone()))
                .collect();
            (groups, without)
        })
    };
    view! {
        {move || {
            let (groups, without) = data();
            view! {
                <p class="cal-gaps">{if without.is_empty() {
                    "Every domain has dated evidence.".to_string()
                } else {
                    format!("Domains without dated evidence: {}.", without.join(", "))
                }}</p>
                <div class="ev-groups">
                    {groups.into_iter().map(|(name, items)| {
                        let n = items.len();
                        view! {
                            <section class="ev-group">
                                <h3>{format!("{name} ({n})")}</h3>
                                {if items.is_empty() {
                                    view! { <p class="muted small">"No evidence yet."</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="ev-list">
                                            {items.into_iter().map(|(e, src, private)| view! { <EvidenceItem e=e src=src private=private form=form/> }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                            </section>
                        }
                    }).collect_view()}
                </div>
            }
        }}
    }
}

/// An evidence item with the name of its source and whether that source is private.
type Shown = (Evidence, String, bool);

#[component]
fn EvidenceItem(e: Evidence, src: String, private: bool, form: EvForm) -> impl IntoView {
    let app = use_app();
    let what = if e.note.trim().is_empty() {
        format!("the {} evidence", e.kind.label().to_lowercase())
    } else {
        format!(
            "the evidence “{}”",
            e.note.lines().next().unwrap_or_default()
        )
    };
    let link = e.link.clone();
    let id = e.id;
    let edit = move |_| {
        if let Some(now) = app
            .ws
            .with_untracked(|ws| ws.evidence.iter().find(|x| x.id == id).cloned())
        {
            form.load(&now);
            scroll_to("ev-form");
        }
    };
    let edit_label = format!("Edit {what}");
    view! {
        <li>
            <span class="ev-when">{e.on.map_or_else(|| "undated".to_string(), fmt_date)}</span>
            " · " <span class="ev-kind">{e.kind.label()}</span>
            {private.then(|| view! { " " <span class="badge private">"Private"</span> })}
            {(!src.is_empty()).then(|| view! { " · " {src.trim_end_matches(" (Private)").to_string()} })}
            {(!e.note.is_empty()).then(|| view! { " — " {e.note.clone()} })}
            {(!link.is_empty()).then(|| view! { " " <a href=link.clone() rel="noopener noreferrer" target="_blank">"link"</a> })}
            // Evidence is the coaches' record of the candidate's practice: others read it.
            {move || app.runs_candidacy(e.candidate_id).then(|| view! {
                " " <button type="button" class="link" aria-label=edit_label.clone() on:click=edit disabled=move || app.is_read_only()>"Edit"</button>
                " " <DeleteEntry kind=RecordKind::Evidence id=id what=what.clone()/>
            })}
        </li>
    }
}

// ---------------------------------------------------------------------------------------------
// History by month

#[component]
fn History(page: Page) -> impl IntoView {
    let app = use_app();
    let months = move || {
        let v = page.viewer_id();
        app.ws.with(|ws| {
            history(ws, page.candidate, v)
                .into_iter()
                .map(|m| {
                    let assessed: Vec<(String, String)> = m
                        .assessments
                        .iter()
                        .map(|s| {
                            let levels = match &s.ratings {
                                None => "ratings hidden until calibration".to_string(),
                                Some(r) => {
                                    let fw = framework_of(ws, s.framework_id);
                                    let parts: Vec<String> = r
                                        .iter()
                                        .filter_map(|r| {
                                            let f = fw.as_ref()?;
                                            Some(format!(
                                                "{}: {}",
                                                f.domain(r.domain_id)?.name,
                                                f.level(r.level_id?)?.name
                                            ))
                                        })
                                        .collect();
                                    parts.join("; ")
                                }
                            };
                            (seen_title(ws, s), levels)
                        })
                        .collect();
                    let calibrated: Vec<String> = m
                        .calibrated
                        .iter()
                        .map(|c| {
                            let fw = framework_of(ws, c.framework_id);
                            let d = fw
                                .as_ref()
                                .and_then(|f| f.domain(c.outcome.domain_id))
                                .map_or("a domain", |d| d.name.as_str())
                                .to_string();
                            let l = fw
                                .as_ref()
                                .and_then(|f| f.level(c.outcome.level_id))
                                .map_or("a level", |l| l.name.as_str())
                                .to_string();
                            let why = if c.outcome.rationale.trim().is_empty() {
                                String::new()
                            } else {
                                format!(" — {}", c.outcome.rationale.trim())
                            };
                            format!("{d}: {l} (calibrated {}){why}", fmt_date(c.on))
                        })
                        .collect();
                    (m.month.format("%B %Y").to_string(), assessed, calibrated)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        {move || {
            let m = months();
            if m.is_empty() {
                view! { <p class="muted">"Nothing yet: assessments and calibrated levels appear here month by month."</p> }.into_any()
            } else {
                m.into_iter().map(|(title, assessed, calibrated)| view! {
                    <section class="cal-month">
                        <h3>{title}</h3>
                        {(!assessed.is_empty()).then(|| view! {
                            <ul class="cal-month-list">
                                {assessed.into_iter().map(|(t, l)| view! { <li><strong>{t}</strong>": "{l}</li> }).collect_view()}
                            </ul>
                        })}
                        {(!calibrated.is_empty()).then(|| view! {
                            <p class="small"><strong>"Calibrated levels"</strong></p>
                            <ul class="cal-month-list">
                                {calibrated.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                            </ul>
                        })}
                    </section>
                }).collect_view().into_any()
            }
        }}
    }
}
