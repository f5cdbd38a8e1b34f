//! Frameworks as data: the built-ins are complete, a copy keeps its ids, edits keep old
//! assessments readable, the single-framework file round-trips and refuses bad files, importing
//! never loses data, and the level-to-level word diff.

use crate::common::{act, at, day, sample};
use runway::file::framework::{decode, encode, file_name, FrameworkFileError};
use runway::file::{encode_pretty, DecodeError, SCHEMA_VERSION};
use runway::logic::evaluation::frameworks::{
    self, builtin, copy_name, copy_of, find, level_change, part_usage, plan_import, retire_note,
    unique_name, word_diff, ImportPlan, Piece, EM_PARTS, LEADERSHIP_LADDER, MANAGEMENT_TRACK,
    MIT_RUBRIC,
};
use runway::logic::records::Record;
use runway::logic::{validate, Action};
use runway::model::*;

fn builtin_fw(id: Id) -> Framework {
    find(&Workspace::default(), id).unwrap()
}

/// Saves a copy of the MiT rubric in `ws`; returns its id.
fn copy_rubric(ws: &mut Workspace, name: &str) -> Id {
    let copy = copy_of(&builtin_fw(MIT_RUBRIC), name);
    act(ws, Action::Put(Record::Framework(copy)))
        .unwrap()
        .unwrap()
}

fn saved(ws: &Workspace, id: Id) -> Framework {
    ws.frameworks.iter().find(|f| f.id == id).unwrap().clone()
}

/// A coach's assessment of the first candidate rating `domain` at `level`.
fn assess(ws: &mut Workspace, fw: Id, ratings: &[(Id, Id)]) -> Id {
    let candidate = ws.candidates[0].id;
    let rater = ws.people[0].id;
    let a = Assessment {
        id: Id::nil(),
        candidate_id: candidate,
        framework_id: fw,
        on: day(2026, 11, 20),
        rater_id: rater,
        role: RaterRole::Coach,
        ratings: ratings
            .iter()
            .map(|(d, l)| Rating {
                domain_id: *d,
                level_id: Some(*l),
                comment: "seen in the retro".into(),
            })
            .collect(),
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
        merge_bases: vec![],
    };
    act(ws, Action::Put(Record::Assessment(a)))
        .unwrap()
        .unwrap()
}

#[test]
fn every_builtin_is_complete() {
    for fw in builtin() {
        assert!(frameworks::is_builtin(fw.id), "{}", fw.name);
        assert!(!fw.summary.is_empty(), "{}", fw.name);
        for d in &fw.domains {
            for l in &fw.levels {
                assert!(
                    !fw.descriptor(d.id, l.id).trim().is_empty(),
                    "{}: {} × {} has no descriptor",
                    fw.name,
                    d.name,
                    l.name
                );
            }
        }
        // Built-ins obey the rules any saved framework obeys.
        let mut ws = Workspace::default();
        act(&mut ws, Action::Put(Record::Framework(copy_of(&fw, "x")))).unwrap();
    }
    let names = |fw: &Framework| -> (Vec<String>, Vec<String>) {
        (
            fw.domains.iter().map(|d| d.name.clone()).collect(),
            fw.levels.iter().map(|l| l.name.clone()).collect(),
        )
    };
    let (domains, levels) = names(&builtin_fw(MIT_RUBRIC));
    assert_eq!(
        domains,
        [
            "Communication",
            "Coaching and feedback",
            "Execution and prioritisation",
            "Team health and culture",
            "Operational skills"
        ]
    );
    assert_eq!(levels, ["Developing", "Competent", "Ready"]);
    let (domains, _) = names(&builtin_fw(EM_PARTS));
    assert_eq!(domains, ["People", "Culture", "Delivery", "Technology"]);
    let ladder = builtin_fw(LEADERSHIP_LADDER);
    assert_eq!(ladder.levels.len(), 4);
    for l in &ladder.levels {
        assert!(l.guidance.contains("hours"), "{}: {}", l.name, l.guidance);
        assert!(l.guidance.contains("Practice:"), "{}", l.name);
    }
    let track = builtin_fw(MANAGEMENT_TRACK);
    let levels: Vec<&str> = track.levels.iter().map(|l| l.name.as_str()).collect();
    assert!(
        levels[0].starts_with("M1") && levels[1].starts_with("M2") && levels[2].starts_with("M3")
    );
    assert_eq!(levels.len(), 3);
    for l in &track.levels {
        for part in ["Focus:", "Core question:", "Typical team:"] {
            assert!(l.guidance.contains(part), "{}: {part}", l.name);
        }
    }
}

#[test]
fn a_copy_keeps_domain_and_level_ids_and_says_what_it_is_based_on() {
    let mut ws = Workspace::default();
    let rubric = builtin_fw(MIT_RUBRIC);
    assert_eq!(copy_name(&ws, &rubric), "Copy of MiT readiness rubric");
    let id = copy_rubric(&mut ws, "Copy of MiT readiness rubric");
    let copy = saved(&ws, id);
    assert_ne!(copy.id, MIT_RUBRIC);
    assert!(!copy.id.is_nil());
    assert_eq!(copy.based_on, Some(MIT_RUBRIC));
    assert_eq!(copy.domains, rubric.domains);
    assert_eq!(copy.levels, rubric.levels);
    assert_eq!(copy.descriptors, rubric.descriptors);
    // A second copy is offered a name not yet taken.
    assert_eq!(copy_name(&ws, &rubric), "Copy of MiT readiness rubric 2");
    assert_eq!(
        unique_name(&ws, "MiT readiness rubric"),
        "MiT readiness rubric 2"
    );
    // A built-in cannot be saved over.
    let mut edit = rubric.clone();
    edit.name = "Mine now".into();
    assert!(act(&mut ws, Action::Put(Record::Framework(edit))).is_err());
}

#[test]
fn editing_a_used_framework_keeps_old_assessments_readable() {
    let mut ws = sample();
    let id = copy_rubric(&mut ws, "Our rubric");
    let fw = saved(&ws, id);
    let (comm, coaching, ops) = (fw.domains[0].id, fw.domains[1].id, fw.domains[4].id);
    let (developing, competent, ready) = (fw.levels[0].id, fw.levels[1].id, fw.levels[2].id);
    assess(&mut ws, id, &[(comm, developing)]);
    assess(&mut ws, id, &[(comm, competent), (coaching, competent)]);
    assert_eq!(part_usage(&ws, id, comm), (2, 0));
    assert_eq!(part_usage(&ws, id, developing), (1, 0));
    assert_eq!(part_usage(&ws, id, ops), (0, 0));
    assert_eq!(
        retire_note("Communication", part_usage(&ws, id, comm)),
        "Communication is used by 2 assessments: it will be retired, so old assessments stay readable."
    );

    // The edit: rename Coaching, drop Communication (used), Operational skills (unused), the
    // Developing level (used) and the Ready level (unused); add a level at the top.
    let mut edit = fw.clone();
    edit.name = "Our rubric, v2".into();
    edit.domains[1].name = "Coaching".into();
    edit.domains.retain(|d| d.id != comm && d.id != ops);
    edit.levels.retain(|l| l.id != developing && l.id != ready);
    edit.levels.push(Level {
        id: Id::nil(),
        name: "Role model".into(),
        guidance: "Others learn from them.".into(),
        retired: false,
    });
    edit.levels.push(Level {
        id: Id::nil(),
        name: "Strong".into(),
        guidance: String::new(),
        retired: false,
    });
    edit.descriptors.retain(|d| d.level_id != ready);
    act(&mut ws, Action::Put(Record::Framework(edit))).unwrap();
    assert!(validate(&ws).is_empty());

    let after = saved(&ws, id);
    assert_eq!(after.name, "Our rubric, v2");
    // Used ones are retired, in their old place, with their descriptors; unused ones are gone.
    let c = after.domain(comm).unwrap();
    assert!(c.retired);
    assert_eq!(after.domains[0].id, comm);
    assert_eq!(after.domain(coaching).unwrap().name, "Coaching");
    assert!(!after.domain(coaching).unwrap().retired);
    assert!(after.domain(ops).is_none());
    assert!(after.level(developing).unwrap().retired);
    assert_eq!(after.rank(developing), Some(0));
    assert!(after.level(ready).is_none());
    assert!(!after.descriptor(comm, developing).is_empty());
    assert!(after
        .descriptors
        .iter()
        .all(|d| d.domain_id != ops && d.level_id != ready));
    // New levels got ids; the top is the last active one.
    assert_eq!(after.top_level().unwrap().name, "Strong");
    assert!(after.levels.iter().all(|l| !l.id.is_nil()));
    assert!(!after.active_domains().any(|d| d.id == comm));

    // Every old rating still resolves to a named domain and level.
    for a in ws.assessments.iter().filter(|a| a.framework_id == id) {
        for r in &a.ratings {
            assert!(after.domain(r.domain_id).is_some());
            assert!(after.level(r.level_id.unwrap()).is_some());
        }
    }

    // Bringing a retired domain back is an ordinary edit.
    let mut back = after.clone();
    back.domains[0].retired = false;
    act(&mut ws, Action::Put(Record::Framework(back))).unwrap();
    assert!(!saved(&ws, id).domain(comm).unwrap().retired);

    // A framework in use cannot be deleted; an unused one can.
    let e = act(
        &mut ws,
        Action::Remove {
            kind: RecordKind::Framework,
            id,
        },
    )
    .unwrap_err();
    assert!(e.to_string().contains("in use by 2 assessment(s)"), "{e}");
    let unused = copy_rubric(&mut ws, "Spare");
    act(
        &mut ws,
        Action::Remove {
            kind: RecordKind::Framework,
            id: unused,
        },
    )
    .unwrap();
    assert!(find(&ws, unused).is_none());
}

#[test]
fn the_framework_file_round_trips() {
    let mut ws = Workspace::default();
    let id = copy_rubric(&mut ws, "Our rubric: 2027 / Q1");
    let fw = saved(&ws, id);
    let text = encode(&fw, at(2026, 11, 22));
    assert_eq!(file_name(&fw), "runway-framework-our-rubric-2027-q1.json");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "runway-framework");
    assert_eq!(v["schema_version"], SCHEMA_VERSION);
    assert_eq!(v["framework"]["name"], "Our rubric: 2027 / Q1");
    assert_eq!(decode(text.as_bytes()).unwrap(), fw);
    // A built-in exports too.
    let rubric = builtin_fw(MIT_RUBRIC);
    assert_eq!(
        decode(encode(&rubric, at(2026, 11, 22)).as_bytes()).unwrap(),
        rubric
    );
}

#[test]
fn a_bad_framework_file_is_refused_with_a_clear_message() {
    let fw = builtin_fw(EM_PARTS);
    let good: serde_json::Value = serde_json::from_str(&encode(&fw, at(2026, 11, 22))).unwrap();
    let bytes = |v: &serde_json::Value| serde_json::to_vec(v).unwrap();

    let e = decode(b"{ not json").unwrap_err();
    assert!(
        matches!(e, FrameworkFileError::Read(DecodeError::NotJson { .. })),
        "{e:?}"
    );
    assert!(e.to_string().contains("not valid JSON"));
    assert!(matches!(
        decode(b"").unwrap_err(),
        FrameworkFileError::Read(DecodeError::Empty)
    ));
    assert!(matches!(
        decode(&[0xff, 0xfe, 0x00]).unwrap_err(),
        FrameworkFileError::Read(DecodeError::NotText)
    ));

    let e = decode(b"{\"hello\": 1}").unwrap_err();
    assert_eq!(e, FrameworkFileError::NotFramework);
    assert!(e.to_string().contains("not a Runway framework"));

    let workspace = encode_pretty(&sample(), at(2026, 11, 22));
    let e = decode(workspace.as_bytes()).unwrap_err();
    assert_eq!(e, FrameworkFileError::WorkspaceFile);
    assert!(e.to_string().starts_with("This is a workspace file"));
    assert!(e.to_string().contains("Data page"));

    let mut v = good.clone();
    v["schema_version"] = (SCHEMA_VERSION + 1).into();
    assert!(matches!(
        decode(&bytes(&v)).unwrap_err(),
        FrameworkFileError::Read(DecodeError::TooNew { .. })
    ));

    let mut v = good.clone();
    v.as_object_mut().unwrap().remove("framework");
    assert_eq!(
        decode(&bytes(&v)).unwrap_err(),
        FrameworkFileError::MissingFramework
    );

    let mut v = good.clone();
    v["framework"]["domains"][1]["name"] = 5.into();
    let e = decode(&bytes(&v)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "The file has a broken field: framework.domains[1].name: expected a string, found integer `5`."
    );

    let mut v = good.clone();
    v["framework"]["levels"][0]["name"] = "  ".into();
    let e = decode(&bytes(&v)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "The framework in this file breaks a rule: a level has no name."
    );
}

#[test]
fn importing_a_framework_never_loses_data() {
    // Another workspace's framework, with an id new here: added as is.
    let mut theirs = Workspace::default();
    let their_id = copy_rubric(&mut theirs, "Their rubric");
    let their_fw = saved(&theirs, their_id);
    let file = encode(&their_fw, at(2026, 11, 22));
    let incoming = decode(file.as_bytes()).unwrap();

    let mut ws = Workspace::default();
    let ImportPlan::Add(fw) = plan_import(&ws, incoming.clone()) else {
        panic!("a new id is added as is");
    };
    act(&mut ws, Action::Add(Record::Framework(fw))).unwrap();
    assert_eq!(saved(&ws, their_id), their_fw);
    assert!(validate(&ws).is_empty());

    // The same file again: nothing to do.
    assert_eq!(
        plan_import(&ws, incoming.clone()),
        ImportPlan::AlreadyHere {
            name: "Their rubric".into(),
            builtin: false
        }
    );
    // Adding under a taken id is refused by the core, whatever the UI does.
    assert!(act(&mut ws, Action::Add(Record::Framework(incoming.clone()))).is_err());

    // Edited here since: the file comes in as a copy, and the edit here stays.
    let mut mine = saved(&ws, their_id);
    mine.summary = "Changed here.".into();
    act(&mut ws, Action::Put(Record::Framework(mine))).unwrap();
    let ImportPlan::Copy {
        framework,
        clashes_with,
    } = plan_import(&ws, incoming.clone())
    else {
        panic!("a different framework with the id is imported as a copy");
    };
    assert_eq!(clashes_with.as_deref(), Some("Their rubric"));
    assert_eq!(framework.name, "Their rubric (imported)");
    assert!(framework.id.is_nil());
    assert_eq!(framework.domains, incoming.domains);
    let copy = act(&mut ws, Action::Put(Record::Framework(framework)))
        .unwrap()
        .unwrap();
    assert_eq!(saved(&ws, their_id).summary, "Changed here.");
    assert_eq!(saved(&ws, copy).summary, incoming.summary);
    assert_eq!(saved(&ws, copy).based_on, Some(their_id));
    // A second import of it gets a name not taken.
    let ImportPlan::Copy { framework, .. } = plan_import(&ws, incoming.clone()) else {
        panic!()
    };
    assert_eq!(framework.name, "Their rubric (imported) 2");

    // A built-in: the same says so; a changed one comes in as a copy.
    let rubric = builtin_fw(MIT_RUBRIC);
    assert_eq!(
        plan_import(&ws, rubric.clone()),
        ImportPlan::AlreadyHere {
            name: rubric.name.clone(),
            builtin: true
        }
    );
    let mut changed = rubric.clone();
    changed.descriptors[0].text = "Something else.".into();
    let ImportPlan::Copy { framework, .. } = plan_import(&ws, changed.clone()) else {
        panic!("a built-in's id imports as a copy")
    };
    assert_eq!(framework.based_on, Some(MIT_RUBRIC));
    assert!(act(&mut ws, Action::Add(Record::Framework(changed))).is_err());

    // A framework deleted here comes back as a copy (its id stays buried).
    let gone = copy_rubric(&mut ws, "Gone");
    let gone_fw = saved(&ws, gone);
    act(
        &mut ws,
        Action::Remove {
            kind: RecordKind::Framework,
            id: gone,
        },
    )
    .unwrap();
    let ImportPlan::Copy {
        framework,
        clashes_with: None,
    } = plan_import(&ws, gone_fw)
    else {
        panic!("a deleted id imports as a copy")
    };
    act(&mut ws, Action::Put(Record::Framework(framework))).unwrap();
    assert!(validate(&ws).is_empty());
}

fn changed(pieces: &[Piece]) -> Vec<&str> {
    pieces
        .iter()
        .filter(|p| p.changed)
        .map(|p| p.text.as_str())
        .collect()
}

fn text(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn word_diff_marks_new_and_gone_words() {
    let (from, to) = word_diff(
        "Keeps their own work on track.",
        "Keeps the whole team's work on track, and says why.",
    );
    assert_eq!(changed(&from), ["their own"]);
    assert_eq!(changed(&to), ["the whole team's", "and says why."]);
    assert_eq!(
        text(&to),
        "Keeps the whole team's work on track, and says why."
    );
    // Case and punctuation do not count as a change.
    let (from, to) = word_diff("Plans, then ships", "plans then ships.");
    assert!(changed(&from).is_empty() && changed(&to).is_empty());
    // Empty on either side.
    let (from, to) = word_diff("", "All new");
    assert!(from.is_empty());
    assert_eq!(changed(&to), ["All new"]);
    let (from, to) = word_diff("All gone", "");
    assert_eq!(changed(&from), ["All gone"]);
    assert!(to.is_empty());
    // Identical texts: one unchanged run each.
    let (from, to) = word_diff("a b c", "a  b\nc");
    assert_eq!(
        from,
        vec![Piece {
            text: "a b c".into(),
            changed: false
        }]
    );
    assert_eq!(to, from);
}

#[test]
fn level_change_shows_each_domain_and_the_guidance() {
    let ladder = builtin_fw(LEADERSHIP_LADDER);
    let (junior, mid) = (ladder.levels[0].id, ladder.levels[1].id);
    let (steps, (g_from, g_to)) = level_change(&ladder, junior, mid);
    assert_eq!(steps.len(), 4);
    assert_eq!(steps[0].domain, "1:1s and feedback");
    assert_eq!(
        text(&steps[0].from),
        ladder.descriptor(steps[0].domain_id, junior)
    );
    assert_eq!(
        text(&steps[0].to),
        ladder.descriptor(steps[0].domain_id, mid)
    );
    assert!(changed(&g_to).iter().any(|w| w.contains("12")), "{g_to:?}");
    assert!(
        changed(&g_from).iter().any(|w| w.contains('8')),
        "{g_from:?}"
    );
    // "Training:" and "hours" are in both, so not new.
    assert!(!changed(&g_to).iter().any(|w| w.contains("Training:")));

    // Retired domains are left out.
    let mut ws = Workspace::default();
    let id = copy_rubric(&mut ws, "Rubric");
    let mut fw = saved(&ws, id);
    fw.domains[0].retired = true;
    let (steps, _) = level_change(&fw, fw.levels[0].id, fw.levels[2].id);
    assert_eq!(steps.len(), 4);
    assert_eq!(steps[0].domain, "Coaching and feedback");
}

#[test]
fn a_missing_field_in_a_framework_file_is_said_in_plain_words() {
    let fw = builtin_fw(EM_PARTS);
    let good: serde_json::Value = serde_json::from_str(&encode(&fw, at(2026, 11, 22))).unwrap();
    let bytes = |v: &serde_json::Value| serde_json::to_vec(v).unwrap();

    let mut v = good.clone();
    v["framework"].as_object_mut().unwrap().remove("levels");
    let e = decode(&bytes(&v)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "The file's framework has no levels (framework.levels is missing)."
    );
    assert!(!e.to_string().contains('`'));

    let mut v = good.clone();
    v["framework"]["domains"][1]
        .as_object_mut()
        .unwrap()
        .remove("name");
    assert_eq!(
        decode(&bytes(&v)).unwrap_err().to_string(),
        "Domain 2 in the file has no name (framework.domains[1].name is missing)."
    );
}
