//! The applicant's written document: every section in order with our guidance and a word
//! count, the projects (one can start from a micro-assignment), the people mentored, and text
//! pre-filled from what Runway holds. The whole edit is one draft: nothing typed is lost.

use leptos::prelude::*;

use crate::logic::actions::Action;
use crate::logic::promotion::document::{
    self as doc, project_complete, PROJECTS_AFTER, PROJECTS_GUIDANCE, SECTIONS,
};
use crate::logic::promotion::{self as promo};
use crate::logic::records::Record;
use crate::model::{DocProject, Id, Mentee, MenteeKind, PromotionDocument};
use crate::storage::drafts::FieldValue;
use crate::ui::browser;
use crate::ui::forms::{Bound, DraftForm, FormDraft};
use crate::ui::state::use_app;

use super::{case_signal, runs_case};

#[component]
pub fn DocumentSection(id: Id) -> impl IntoView {
    let app = use_app();
    let case = case_signal(id);
    let document = move || app.ws.with(|ws| promo::document_of(ws, id).cloned());
    let can_edit = move || {
        case().is_some_and(|c| {
            !app.is_read_only()
                && !c.status().is_closed()
                && (runs_case(&c) || app.person() == Some(c.person_id))
        })
    };
    let start = move |_| {
        let d = doc::empty(id, browser::now());
        app.act(
            Action::Put(Record::PromotionDoc(d)),
            "Started the document.",
        );
    };
    // Drawn once per document (its id), so typing is never interrupted by a redraw.
    let doc_id = Memo::new(move |_| document().map(|d| d.id));
    view! {
        <section aria-labelledby="document-heading">
            <h2 id="document-heading">"The applicant's document"</h2>
            {move || match doc_id.get() {
                None => view! {
                    <p class="muted">"Not started. The applicant writes it (the sponsor can help); Runway fills in what it already knows, as text to edit."</p>
                    <Show when=can_edit>
                        <button type="button" on:click=start>"Start the document"</button>
                    </Show>
                }.into_any(),
                Some(_) => {
                    let Some(d) = untrack(document) else {
                        return ().into_any();
                    };
                    if untrack(can_edit) {
                        view! { <DocumentEditor id=id d=d/> }.into_any()
                    } else {
                        view! { <DocumentRead d=d/> }.into_any()
                    }
                }
            }}
        </section>
    }
}

/// The document as text, for someone who does not edit it (and after the case closed).
#[component]
fn DocumentRead(d: PromotionDocument) -> impl IntoView {
    view! {
        <div class="document-read">
            {SECTIONS.iter().enumerate().map(|(i, s)| {
                let text = doc::text(&d, s.field).to_string();
                let projects = (i == PROJECTS_AFTER).then(|| view! {
                    <h3>"Selected projects and initiatives"</h3>
                    {d.projects.iter().map(|p| view! {
                        <h4>{p.title.clone()}</h4>
                        <p class="pre">{p.overview.clone()}</p>
                        <p class="pre">{p.roles.clone()}</p>
                        <p class="pre">{p.results.clone()}</p>
                    }).collect_view()}
                });
                view! {
                    <h3>{s.title}</h3>
                    <p class="pre">{if text.trim().is_empty() { "Not written yet.".to_string() } else { text }}</p>
                    {projects}
                }
            }).collect_view()}
        </div>
    }
}

#[component]
fn DocumentEditor(id: Id, d: PromotionDocument) -> impl IntoView {
    let app = use_app();
    let case = case_signal(id);
    let texts: Vec<RwSignal<String>> = SECTIONS
        .iter()
        .map(|s| RwSignal::new(doc::text(&d, s.field).to_string()))
        .collect();
    let projects = RwSignal::new(d.projects.clone());
    let mentees = RwSignal::new(d.mentees.clone());
    let draft = FormDraft::new(format!("promotion/{id}/document"), "The promotion document");
    // Projects and mentees come and go as they are edited: each list is one field of the draft.
    let touch_projects = draft.field(
        "Projects",
        Bound::Custom(
            Callback::new(move |()| {
                FieldValue::Text(
                    serde_json::to_string(&projects.get_untracked()).unwrap_or_default(),
                )
            }),
            Callback::new(move |v| {
                if let FieldValue::Text(t) = v {
                    if let Ok(p) = serde_json::from_slice::<Vec<DocProject>>(t.as_bytes()) {
                        projects.set(p);
                    }
                }
            }),
        ),
    );
    let touch_mentees = draft.field(
        "People mentored",
        Bound::Custom(
            Callback::new(move |()| {
                FieldValue::Text(
                    serde_json::to_string(&mentees.get_untracked()).unwrap_or_default(),
                )
            }),
            Callback::new(move |v| {
                if let FieldValue::Text(t) = v {
                    if let Ok(m) = serde_json::from_slice::<Vec<Mentee>>(t.as_bytes()) {
                        mentees.set(m);
                    }
                }
            }),
        ),
    );
    let texts_store = StoredValue::new(texts.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut d) = app
            .ws
            .with_untracked(|ws| promo::document_of(ws, id).cloned())
        else {
            return;
        };
        texts_store.with_value(|texts| {
            for (s, t) in SECTIONS.iter().zip(texts.iter()) {
                if let Some(slot) = doc::text_mut(&mut d, s.field) {
                    *slot = t.get_untracked();
                }
            }
        });
        d.projects = projects.get_untracked();
        d.mentees = mentees.get_untracked();
        draft.save(Action::Put(Record::PromotionDoc(d)), "Saved the document.");
    };
    let total = move || {
        texts_store.with_value(|t| t.iter().map(|s| doc::word_count(&s.get())).sum::<usize>())
            + projects.with(|p| {
                p.iter()
                    .map(|p| {
                        doc::word_count(&p.title)
                            + doc::word_count(&p.overview)
                            + doc::word_count(&p.roles)
                            + doc::word_count(&p.results)
                    })
                    .sum::<usize>()
            })
    };
    let touches: Vec<_> = SECTIONS
        .iter()
        .zip(texts.iter())
        .map(|(s, v)| draft.field(s.title, Bound::Text(*v)))
        .collect();
    let touches_store = StoredValue::new(touches.clone());
    // Pre-filled text is added after what is there, never over it.
    let append = move |i: usize, extra: String| {
        if extra.trim().is_empty() {
            app.warn("Runway has nothing to add here yet.");
            return;
        }
        let already = texts_store.with_value(|t| t[i].with_untracked(|v| v.contains(extra.trim())));
        if already {
            app.warn("That text is in the section already.");
            return;
        }
        texts_store.with_value(|t| {
            t[i].update(|v| {
                if !v.trim().is_empty() {
                    v.push_str("\n\n");
                }
                v.push_str(&extra);
            })
        });
        touches_store.with_value(|t| t[i]());
    };
    let sections = SECTIONS.iter().enumerate().map(|(i, s)| {
        let value = texts[i];
        let prefill = match s.field {
            "alignment" => Some(("Add my evidence for each domain", Callback::new(move |()| {
                let text = case().map(|c| app.ws.with(|ws| doc::alignment_from_evidence(ws, &c))).unwrap_or_default();
                append(i, text);
            }))),
            "mentoring" => Some(("Add citations from 1:1s and sessions", Callback::new(move |()| {
                let text = case().map(|c| app.ws.with(|ws| doc::mentoring_citations(ws, c.person_id).join("\n"))).unwrap_or_default();
                append(i, text);
            }))),
            "values" => Some(("Add the organisation's values as headings", Callback::new(move |()| {
                let text = app.ws.with(doc::values_outline);
                if text.is_empty() {
                    app.warn("The organisation's values are not set yet: add them in Settings.");
                    return;
                }
                append(i, text);
            }))),
            _ => None,
        };
        let group_heading = s.group.filter(|_| i == 0 || SECTIONS[i - 1].group != s.group);
        let heading_id = format!("doc-{}", s.field);
        let hint_id = format!("doc-{}-hint", s.field);
        // The heading names the text box; the guidance describes it.
        let touch = touches[i];
        let words = move || doc::word_count(&value.get());
        view! {
            {group_heading.map(|g| view! { <h3 class="doc-group">{g}</h3> })}
            <div class="doc-section wide">
                {if s.group.is_some() {
                    view! { <h4 id=heading_id.clone()>{s.title}</h4> }.into_any()
                } else {
                    view! { <h3 id=heading_id.clone()>{s.title}</h3> }.into_any()
                }}
                <p class="hint" id=hint_id.clone()>{s.guidance}</p>
                {prefill.map(|(label, run)| view! {
                    <button type="button" class="secondary small" on:click=move |_| run.run(())>{label}</button>
                })}
                <textarea rows="6" aria-labelledby=heading_id.clone() aria-describedby=hint_id.clone()
                    prop:value=move || value.get()
                    on:input=move |ev| { value.set(event_target_value(&ev)); touch(); }></textarea>
                <p class="word-count muted small">{move || crate::ui::widgets::count(words(), "word", "words")}</p>
            </div>
            {(i == PROJECTS_AFTER).then(|| view! {
                <Projects id=id projects=projects touch=touch_projects/>
            })}
            {(s.field == "mentoring").then(|| view! {
                <Mentees mentees=mentees touch=touch_mentees/>
            })}
        }
    }).collect_view();
    view! {
        <p class="muted">{move || format!("{} in all. Save as you go; a draft is kept in this browser until you do.", crate::ui::widgets::count(total(), "word", "words"))}</p>
        <DraftForm draft=draft label="The promotion document" on_submit=submit class="form document">
            {sections}
            <div class="buttons wide sticky-save">
                <button type="submit">"Save the document"</button>
            </div>
        </DraftForm>
    }
}

#[component]
fn Projects(
    id: Id,
    projects: RwSignal<Vec<DocProject>>,
    touch: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let case = case_signal(id);
    let choices = move || {
        case().map_or(Vec::new(), |c| {
            app.ws.with(|ws| {
                doc::assignments_of(ws, c.person_id)
                    .into_iter()
                    .map(|a| (a.id.to_string(), a.title.clone()))
                    .collect::<Vec<_>>()
            })
        })
    };
    let picked = RwSignal::new(String::new());
    let project_ids = move || {
        projects.with(|p| {
            p.iter()
                .enumerate()
                .map(|(i, p)| (i, p.id))
                .collect::<Vec<_>>()
        })
    };
    let add_blank = move |_| {
        projects.update(|p| {
            p.push(DocProject {
                id: browser::new_id(),
                ..Default::default()
            })
        });
        touch();
    };
    let add_from = move |_| {
        let Some(aid) = Id::parse_str(&picked.get_untracked()).ok() else {
            app.warn("Choose the micro-assignment to start from.");
            return;
        };
        let Some(a) = app
            .ws
            .with_untracked(|ws| ws.assignments.iter().find(|a| a.id == aid).cloned())
        else {
            return;
        };
        projects.update(|p| p.push(doc::project_from_assignment(&a, browser::new_id())));
        touch();
    };
    view! {
        <div class="doc-section" role="group" aria-labelledby="doc-projects">
            <h3 id="doc-projects">"Selected projects and initiatives"</h3>
            <p class="hint">{PROJECTS_GUIDANCE}</p>
            <p class="muted small">{move || {
                let done = projects.with(|p| p.iter().filter(|p| project_complete(p)).count());
                format!("{done} of at least 2 written in full.")
            }}</p>
            <For each=project_ids key=|(_, id)| *id let:item>
                <ProjectEditor index=item.0 pid=item.1 projects=projects touch=touch/>
            </For>
            <div class="form inline">
                <button type="button" class="secondary" on:click=add_blank>"Add a project"</button>
                {move || {
                    let c = choices();
                    (!c.is_empty()).then(|| {
                        if picked.get_untracked().is_empty() {
                            picked.set(c[0].0.clone());
                        }
                        view! {
                            <label>"Micro-assignment"
                                <select prop:value=move || picked.get() on:change=move |ev| picked.set(event_target_value(&ev))>
                                    {c.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
                                </select>
                            </label>
                            <button type="button" class="secondary" on:click=add_from>"Start a project from it"</button>
                        }
                    })
                }}
            </div>
        </div>
    }
}

#[component]
fn ProjectEditor(
    index: usize,
    pid: Id,
    projects: RwSignal<Vec<DocProject>>,
    touch: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let get = move |f: fn(&DocProject) -> String| {
        move || projects.with(|p| p.iter().find(|x| x.id == pid).map(f).unwrap_or_default())
    };
    let set = move |f: fn(&mut DocProject, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            projects.update(|p| {
                if let Some(x) = p.iter_mut().find(|x| x.id == pid) {
                    f(x, v);
                }
            });
            touch();
        }
    };
    let remove = move |_| {
        projects.update(|p| p.retain(|x| x.id != pid));
        touch();
    };
    let n = index + 1;
    let words = move || {
        projects.with(|p| {
            p.iter().find(|x| x.id == pid).map_or(0, |x| {
                doc::word_count(&x.overview)
                    + doc::word_count(&x.roles)
                    + doc::word_count(&x.results)
            })
        })
    };
    view! {
        <fieldset class="project wide">
            <legend>{format!("Project {n}")}</legend>
            <label>{format!("Project {n} title")}
                <input type="text" prop:value=get(|p| p.title.clone()) on:input=set(|p, v| p.title = v)/>
            </label>
            <label class="wide">{format!("Project {n}: overview")}
                <textarea rows="4" prop:value=get(|p| p.overview.clone()) on:input=set(|p, v| p.overview = v)></textarea>
            </label>
            <label class="wide">{format!("Project {n}: roles and responsibilities")}
                <textarea rows="3" prop:value=get(|p| p.roles.clone()) on:input=set(|p, v| p.roles = v)></textarea>
            </label>
            <label class="wide">{format!("Project {n}: results and impact")}
                <textarea rows="3" prop:value=get(|p| p.results.clone()) on:input=set(|p, v| p.results = v)></textarea>
            </label>
            <p class="word-count muted small">{move || crate::ui::widgets::count(words(), "word", "words")}</p>
            <button type="button" class="secondary small" on:click=remove>{format!("Remove project {n}")}</button>
        </fieldset>
    }
}

#[component]
fn Mentees(
    mentees: RwSignal<Vec<Mentee>>,
    touch: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let add = move |kind: MenteeKind| {
        move |_| {
            mentees.update(|m| {
                m.push(Mentee {
                    name: String::new(),
                    kind,
                })
            });
            touch();
        }
    };
    let rows = move || (0..mentees.with(Vec::len)).collect::<Vec<_>>();
    let counts = move || {
        mentees.with(|m| {
            let grads = m
                .iter()
                .filter(|x| x.kind == MenteeKind::NewGrad && !x.name.trim().is_empty())
                .count();
            let interns = m
                .iter()
                .filter(|x| x.kind == MenteeKind::Intern && !x.name.trim().is_empty())
                .count();
            format!("{grads} of at least 2 new-grad hires, {interns} of at least 1 intern named.")
        })
    };
    view! {
        <fieldset class="mentees wide">
            <legend>"People mentored"</legend>
            <p class="muted small">{counts}</p>
            <For each=rows key=|i| *i let:i>
                <div class="form inline mentee">
                    <label>{format!("Person {}", i + 1)}
                        <input type="text" prop:value=move || mentees.with(|m| m.get(i).map(|x| x.name.clone()).unwrap_or_default())
                            on:input=move |ev| { let v = event_target_value(&ev); mentees.update(|m| if let Some(x) = m.get_mut(i) { x.name = v; }); touch(); }/>
                    </label>
                    <label>{format!("Person {}: who", i + 1)}
                        <select prop:value=move || mentees.with(|m| m.get(i).map(|x| x.kind.code().to_string()).unwrap_or_default())
                            on:change=move |ev| { let v = event_target_value(&ev); mentees.update(|m| if let (Some(x), Some(k)) = (m.get_mut(i), MenteeKind::from_code(&v)) { x.kind = k; }); touch(); }>
                            {MenteeKind::ALL.iter().map(|k| view! { <option value=k.code()>{k.label()}</option> }).collect_view()}
                        </select>
                    </label>
                    <button type="button" class="secondary small" on:click=move |_| { mentees.update(|m| { if i < m.len() { m.remove(i); } }); touch(); }>{format!("Remove person {}", i + 1)}</button>
                </div>
            </For>
            <div class="form inline">
                <button type="button" class="secondary" on:click=add(MenteeKind::NewGrad)>"Add a new-grad hire"</button>
                <button type="button" class="secondary" on:click=add(MenteeKind::Intern)>"Add an intern"</button>
                <button type="button" class="secondary" on:click=add(MenteeKind::Other)>"Add someone else"</button>
            </div>
        </fieldset>
    }
}
