//! The workspace file: round trips, stable output, and a clear error (with its place in the
//! file) for every kind of bad input.

use crate::common::{at, day, sample};
use proptest::prelude::*;
use runway::file::{self, decode, encode_pretty, export_file_name, DecodeError, SCHEMA_VERSION};
use serde_json::{json, Value};

fn sample_value() -> Value {
    serde_json::from_str(&encode_pretty(&sample(), at(2026, 11, 21))).unwrap()
}

fn decode_value(v: &Value) -> Result<file::Decoded, DecodeError> {
    decode(serde_json::to_string(v).unwrap().as_bytes())
}

#[test]
fn export_round_trips() {
    let ws = sample();
    let text = encode_pretty(&ws, at(2026, 11, 21));
    let back = decode(text.as_bytes()).unwrap();
    assert_eq!(back.workspace, ws);
    assert_eq!(back.schema_version, SCHEMA_VERSION);
    assert_eq!(back.exported_at.as_deref(), Some("2026-11-21T09:30:00Z"));
}

#[test]
fn export_is_pretty_and_stable_apart_from_exported_at() {
    let ws = sample();
    let a = encode_pretty(&ws, at(2026, 11, 21));
    let b = encode_pretty(&decode(a.as_bytes()).unwrap().workspace, at(2026, 12, 1));
    let strip = |s: &str| {
        s.lines()
            .filter(|l| !l.contains("\"exported_at\""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&a), strip(&b));
    assert_ne!(a, b, "exported_at differs");
    assert!(
        a.starts_with(&format!(
            "{{\n  \"format\": \"runway-workspace\",\n  \"schema_version\": {SCHEMA_VERSION},"
        )),
        "{}",
        &a[..80]
    );
}

#[test]
fn export_file_name_is_slugged_and_dated() {
    assert_eq!(
        export_file_name("Northwind Logistics", day(2026, 11, 21)),
        "runway-northwind-logistics-2026-11-21.json"
    );
    assert_eq!(
        export_file_name("  R&D / Ops!! ", day(2026, 1, 2)),
        "runway-r-d-ops-2026-01-02.json"
    );
    assert_eq!(
        export_file_name("", day(2026, 1, 2)),
        "runway-workspace-2026-01-02.json"
    );
}

#[test]
fn not_json_is_named_with_line_and_column() {
    let err = decode(b"{\n  \"format\": runway\n}").unwrap_err();
    assert_eq!(
        err,
        DecodeError::NotJson {
            line: 2,
            column: 13
        }
    );
    assert!(err.to_string().contains("line 2, column 13"));
}

#[test]
fn another_apps_json_is_not_a_runway_file() {
    for other in [
        json!({"name": "my-package", "version": "1.0.0"}),
        json!([1, 2, 3]),
        json!("text"),
        json!({"format": "tldraw"}),
    ] {
        assert_eq!(
            decode_value(&other).unwrap_err(),
            DecodeError::NotRunway,
            "{other}"
        );
    }
    assert!(DecodeError::NotRunway
        .to_string()
        .contains("not a Runway workspace"));
}

#[test]
fn a_cut_off_file_is_truncated() {
    let text = encode_pretty(&sample(), at(2026, 11, 21));
    for cut in [text.len() / 3, text.len() / 2, text.len() - 3] {
        assert_eq!(
            decode(&text.as_bytes()[..cut]).unwrap_err(),
            DecodeError::Truncated,
            "cut at {cut}"
        );
    }
}

#[test]
fn empty_binary_and_huge_files_are_refused() {
    assert_eq!(decode(b"").unwrap_err(), DecodeError::Empty);
    assert_eq!(decode(b"  \n").unwrap_err(), DecodeError::Empty);
    assert_eq!(
        decode(&[0x89, b'P', b'N', b'G', 0xff, 0xfe]).unwrap_err(),
        DecodeError::NotText
    );
    let huge = vec![b' '; file::MAX_FILE_BYTES + 1];
    assert!(matches!(
        decode(&huge).unwrap_err(),
        DecodeError::TooLarge { .. }
    ));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(encode_pretty(&sample(), at(2026, 11, 21)).as_bytes());
    assert!(decode(&bytes).is_ok());
}

#[test]
fn newer_schema_is_refused_and_says_so() {
    let mut v = sample_value();
    v["schema_version"] = json!(SCHEMA_VERSION + 1);
    let err = decode_value(&v).unwrap_err();
    assert_eq!(
        err,
        DecodeError::TooNew {
            found: SCHEMA_VERSION + 1,
            supported: SCHEMA_VERSION
        }
    );
    assert!(err.to_string().contains("newer version of Runway"));
    for bad in [json!(0), json!("1"), json!(null), json!(-1)] {
        v["schema_version"] = bad;
        assert_eq!(decode_value(&v).unwrap_err(), DecodeError::BadVersion);
    }
}

/// Each broken field is reported with its path in the file.
#[test]
fn wrong_field_types_name_their_path() {
    let cases: Vec<(&str, Value, &str, &str)> = vec![
        (
            "/workspace/cohorts/0/phases/2/starts_on",
            json!("next week"),
            "cohorts[0].phases[2].starts_on",
            "not a date",
        ),
        (
            "/workspace/cohorts/0/phases/1/ends_on",
            json!(20260101),
            "cohorts[0].phases[1].ends_on",
            "not a date",
        ),
        (
            "/workspace/people/3/name",
            json!(42),
            "people[3].name",
            "expected a string, found integer `42`",
        ),
        (
            "/workspace/levels/0/level",
            json!("M9"),
            "levels[0].level",
            "unknown value `M9`",
        ),
        (
            "/workspace/candidates/1/status",
            json!("promoted twice"),
            "candidates[1].status",
            "unknown value",
        ),
        (
            "/workspace/candidates/0/protected_hours_per_week",
            json!("eight"),
            "candidates[0].protected_hours_per_week",
            "expected f32",
        ),
        (
            "/workspace/people/2/id",
            json!("not-a-uuid"),
            "people[2].id",
            "UUID",
        ),
        (
            "/workspace/cohorts/0/created_at",
            json!("yesterday"),
            "cohorts[0].created_at",
            "not a date and time",
        ),
    ];
    for (pointer, value, path, message) in cases {
        let mut v = sample_value();
        *v.pointer_mut(pointer).unwrap() = value;
        match decode_value(&v).unwrap_err() {
            DecodeError::Field {
                path: p,
                message: m,
            } => {
                assert_eq!(p, path);
                assert!(
                    m.contains(message),
                    "{path}: {m:?} should contain {message:?}"
                );
            }
            other => panic!("{pointer}: expected a field error, got {other:?}"),
        }
    }
}

#[test]
fn a_missing_required_field_is_named() {
    let mut v = sample_value();
    v.pointer_mut("/workspace/people/1")
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove("name");
    let err = decode_value(&v).unwrap_err();
    assert_eq!(err.path(), Some("people[1]"));
    assert!(err.to_string().contains("missing field `name`"), "{err}");
}

#[test]
fn a_reference_to_a_missing_id_is_named() {
    let mut v = sample_value();
    v["workspace"]["candidates"][2]["person_id"] = json!("00000000-0000-4000-8000-00000000ffff");
    v["workspace"]["cohorts"][0]["sponsor_id"] = json!("00000000-0000-4000-8000-00000000fffe");
    match decode_value(&v).unwrap_err() {
        DecodeError::Invalid(problems) => {
            let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
            assert_eq!(
                paths,
                vec!["cohorts[0].sponsor_id", "candidates[2].person_id"]
            );
            assert!(problems[1]
                .message
                .contains("no person has the id 00000000-0000-4000-8000-00000000ffff"));
        }
        other => panic!("expected rule problems, got {other:?}"),
    }
}

#[test]
fn rule_breaks_are_all_reported() {
    let mut v = sample_value();
    let first_person = v["workspace"]["people"][0]["id"].clone();
    v["workspace"]["people"][1]["id"] = first_person;
    v["workspace"]["people"][2]["name"] = json!("  ");
    v["workspace"]["cohorts"][0]["phases"][1]["ends_on"] = json!("2000-01-01");
    v["workspace"]["candidates"][0]["protected_hours_per_week"] = json!(80);
    let DecodeError::Invalid(problems) = decode_value(&v).unwrap_err() else {
        panic!()
    };
    let paths: Vec<String> = problems.iter().map(|p| p.path.clone()).collect();
    for expected in [
        "people[1].id",
        "people[2].name",
        "cohorts[0].phases[1].ends_on",
        "candidates[0].protected_hours_per_week",
    ] {
        assert!(
            paths.iter().any(|p| p == expected),
            "{expected} missing from {paths:?}"
        );
    }
}

#[test]
fn every_schema_version_fixture_still_imports() {
    // One fixture per schema version; a schema change adds the next file and a migration.
    let fixtures = [
        (1, include_str!("../fixtures/workspace-v1.json")),
        (2, include_str!("../fixtures/workspace-v2.json")),
        (3, include_str!("../fixtures/workspace-v3.json")),
        (4, include_str!("../fixtures/workspace-v4.json")),
        (5, include_str!("../fixtures/workspace-v5.json")),
        (6, include_str!("../fixtures/workspace-v6.json")),
        (7, include_str!("../fixtures/workspace-v7.json")),
    ];
    assert_eq!(
        fixtures.len() as u32,
        SCHEMA_VERSION,
        "add a fixture for every schema version"
    );
    let decoded: Vec<_> = fixtures
        .iter()
        .map(|(v, text)| {
            let d = decode(text.as_bytes()).unwrap_or_else(|e| panic!("schema {v} fixture: {e}"));
            assert_eq!(d.schema_version, *v);
            d.workspace
        })
        .collect();
    // Versions 1 and 2 held the same sample (no merge data or deletions): they read the same.
    assert_eq!(decoded[0], decoded[1]);
    // 2 → 3 gives every old cohort the standard interview scenarios and the standard week.
    for c in &decoded[1].cohorts {
        assert_eq!(c.scenarios, runway::content::program::standard_scenarios());
        assert_eq!(c.week, runway::model::WeekPlan::default());
    }
    // The schema 3 fixture carries the journey, and it all obeys the rules.
    let v3 = &decoded[2];
    assert!(runway::logic::validate(v3).is_empty());
    assert!(!v3.activities.is_empty() && !v3.journal.is_empty() && !v3.interviews.is_empty());
    assert!(!v3.assignments.is_empty() && !v3.one_on_ones.is_empty());
    // 3 → 4 changes nothing in an old workspace: the evaluation lists start empty.
    assert!(v3.assessments.is_empty() && v3.frameworks.is_empty() && v3.calibrations.is_empty());
    // The schema 4 fixture carries every kind of evaluation record, and they obey the rules.
    let v4 = &decoded[3];
    assert!(runway::logic::validate(v4).is_empty());
    assert_eq!(v4.journal, v3.journal);
    assert_eq!(
        (v4.frameworks.len(), v4.assessments.len(), v4.evidence.len()),
        (1, 2, 1)
    );
    assert_eq!(
        (
            v4.calibrations.len(),
            v4.feedback_rounds.len(),
            v4.health_checks.len()
        ),
        (1, 1, 1)
    );
    // 4 → 5 gives every 1:1 its author: the coach it was held with, else the cohort's first
    // coach. The schema 5 fixture says the same, and holds a workshop for a whole group.
    let v5 = &decoded[4];
    assert!(runway::logic::validate(v5).is_empty());
    for (old, new) in v4.one_on_ones.iter().zip(&v5.one_on_ones) {
        let coaches = &v4
            .cohort(v4.candidate(old.candidate_id).unwrap().cohort_id)
            .unwrap()
            .coach_ids;
        assert!(old.author_id.is_some_and(|a| coaches.contains(&a)));
        assert_eq!(old.author_id, new.author_id);
    }
    assert!(v5.activities.iter().any(|a| a.group.len() >= 2));
    // 4 → 5 changes nothing in the evaluation records: no imported totals, whole scores.
    assert!(v4.feedback_rounds.iter().all(|r| r.aggregates.is_empty()));
    assert!(v4.health_checks.iter().all(|h| h.tally.is_none()));
    assert!(v4
        .health_checks
        .iter()
        .flat_map(|h| &h.scores)
        .all(|s| s.score.fract() == 0.0));
    // The schema 5 fixture holds a group's imported totals beside the typed responses, and
    // a health check made from response files, with its fractional means.
    let round = &v5.feedback_rounds[0];
    assert_eq!(round.aggregates.len(), 1);
    assert_eq!(round.aggregates[0].responses, 3);
    assert_eq!(round.response_count(), round.responses.len() + 3);
    let shown = runway::logic::evaluation::feedback::aggregate(round);
    assert!(shown
        .groups
        .iter()
        .any(|g| g.group == runway::model::FeedbackGroup::Stakeholder && g.responses == 3));
    let made = v5.health_checks.iter().find(|h| h.tally.is_some()).unwrap();
    assert_eq!(made.answered, Some(3));
    let safety = made.score(runway::model::HealthDimension::Safety).unwrap();
    assert!((safety - 11.0 / 3.0).abs() < 1e-6);
    // 5 → 6 turns each person's level into the first move of their history: "hired at", on
    // the day they joined, with an id worked out from theirs (so two copies agree).
    let v6 = &decoded[5];
    assert!(runway::logic::validate(v6).is_empty());
    for old in &decoded[4].levels {
        assert!(v6.levels.contains(old));
    }
    for p in &v5.people {
        let first = runway::logic::track::moves_of(v5, p.id)[0];
        assert_eq!(first.kind, runway::model::MoveKind::Recorded);
        assert_eq!(Some(first.on), p.joined_on);
        assert_eq!(first.id, runway::file::migrated_move_id(p.id));
    }
    let dana = v5
        .people
        .iter()
        .find(|p| p.name == "Dana Whitfield")
        .unwrap();
    assert_eq!(
        runway::logic::track::current_level(v5, dana.id),
        Some(runway::model::TrackLevel::M3)
    );
    // The schema 6 fixture holds a return to engineering, a trial with its checkpoints, a
    // training entry, track evidence and a ladder level.
    let jonah = v6.people.iter().find(|p| p.name == "Jonah Park").unwrap();
    assert_eq!(
        runway::logic::track::current_level(v6, jonah.id),
        Some(runway::model::TrackLevel::IC4)
    );
    assert_eq!(runway::logic::track::entry_paths(v6).returns, 1);
    assert_eq!(v6.trials[0].checkpoints.len(), 2);
    assert_eq!((v6.training.len(), v6.track_evidence.len()), (1, 1));
    assert!(v6.people.iter().any(|p| p.ladder.is_some()));
    // 6 → 7 changes nothing: the promotion lists and the values start empty. The schema 7
    // fixture is the v6 one carried forward, plus a case decided "not yet" (revealed debrief,
    // plan), its document, a letter by file, a committee read and the organisation's values.
    let v7 = &decoded[6];
    assert!(runway::logic::validate(v7).is_empty());
    assert!(v6.promotions.is_empty() && v6.letters.is_empty() && v6.values.is_empty());
    let mut carried = v7.clone();
    carried.values.clear();
    carried.promotions.clear();
    carried.promotion_documents.clear();
    carried.letters.clear();
    carried.debrief_reads.clear();
    assert_eq!(&carried, v6, "everything of schema 6 reads as it was");
    assert_eq!(v7.values.len(), 2);
    assert_eq!(
        (
            v7.promotions.len(),
            v7.promotion_documents.len(),
            v7.letters.len(),
            v7.debrief_reads.len()
        ),
        (1, 1, 1, 1)
    );
    let case = &v7.promotions[0];
    assert_eq!(case.status(), runway::model::CaseStatus::NotYet);
    assert!(case.debrief.revealed && case.debrief.revealed_at.is_some());
    assert_eq!(case.plan.len(), 1);
    assert!(case.plan[0].domain_id.is_some() && case.plan[0].done_on.is_some());
    assert_eq!(v7.letters[0].slot_id, Some(case.slots[0].id));
    assert_eq!(v7.promotion_documents[0].mentees.len(), 2);
    let d = file::Decoded {
        workspace: decoded[0].clone(),
        schema_version: 1,
        app_version: None,
        exported_at: None,
    };
    assert_eq!(d.workspace.organisation, "Northwind Logistics");
    assert_eq!(
        d.workspace.counts(),
        runway::model::Counts {
            people: 13,
            cohorts: 1,
            candidates: 4
        }
    );
}

#[test]
fn peek_reads_the_version_of_any_runway_text() {
    assert_eq!(
        file::peek_schema_version(r#"{"format":"runway-workspace","schema_version":7}"#),
        Some(7)
    );
    assert_eq!(
        file::peek_schema_version(r#"{"format":"other","schema_version":7}"#),
        None
    );
    assert_eq!(file::peek_schema_version("nope"), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode(&bytes);
    }

    #[test]
    fn mutated_valid_files_are_either_valid_or_refused(pos in 0usize..10_000, byte in any::<u8>(), cut in any::<bool>()) {
        let text = encode_pretty(&sample(), at(2026, 11, 21));
        let mut bytes = text.into_bytes();
        let pos = pos % bytes.len();
        if cut { bytes.truncate(pos) } else { bytes[pos] = byte }
        if let Ok(d) = decode(&bytes) {
            // Whatever is accepted obeys every rule.
            prop_assert!(runway::logic::validate(&d.workspace).is_empty());
        }
    }
}

/// The export's pretty text is made by re-indenting the compact form (one serializer in the
/// wasm); it must be exactly what serde_json's own pretty printer writes, strings included.
#[test]
fn the_pretty_export_equals_serde_jsons_pretty_printer() {
    #[derive(serde::Serialize)]
    struct Envelope<'a> {
        format: &'static str,
        schema_version: u32,
        app_version: &'static str,
        exported_at: &'static str,
        workspace: &'a runway::model::Workspace,
    }
    let mut ws = sample();
    ws.people[0].name = "Dana \"D\" {Whit}, [field]: \\ é ✓ \n next".into();
    ws.organisation = String::new();
    let expected = serde_json::to_string_pretty(&Envelope {
        format: file::FORMAT,
        schema_version: SCHEMA_VERSION,
        app_version: file::APP_VERSION,
        exported_at: "2026-11-21T09:30:00Z",
        workspace: &ws,
    })
    .unwrap()
        + "\n";
    assert_eq!(encode_pretty(&ws, at(2026, 11, 21)), expected);
    // Empty lists and maps stay `[]` and `{}`.
    assert!(expected.contains("[]"), "the sample has an empty list");
}

/// Fields in any order still read (the fast path needs `schema_version` before `workspace`;
/// a file that puts it after takes the tree path), and a broken field in an old file is
/// named the same way as in a current one.
#[test]
fn envelope_fields_in_any_order_read_the_same() {
    let v = sample_value();
    let reordered = format!(
        "{{\"workspace\":{},\"exported_at\":\"2026-11-21T09:30:00Z\",\"schema_version\":{},\"format\":\"runway-workspace\"}}",
        serde_json::to_string(&v["workspace"]).unwrap(),
        SCHEMA_VERSION
    );
    let back = decode(reordered.as_bytes()).unwrap();
    assert_eq!(back.workspace, sample());
    assert_eq!(back.exported_at.as_deref(), Some("2026-11-21T09:30:00Z"));

    let mut broken = v.clone();
    broken["workspace"]["people"][3]["name"] = json!(42);
    let text = serde_json::to_string(&broken).unwrap();
    let fast = decode(text.as_bytes()).unwrap_err();
    let moved = format!(
        "{{\"workspace\":{},\"schema_version\":{},\"format\":\"runway-workspace\"}}",
        serde_json::to_string(&broken["workspace"]).unwrap(),
        SCHEMA_VERSION
    );
    let slow = decode(moved.as_bytes()).unwrap_err();
    assert_eq!(fast, slow);
    assert_eq!(fast.path(), Some("people[3].name"));
}

/// A key with an escaped quote is named as it reads, and the place is found in pretty text
/// (several lines) as well as compact.
#[test]
fn a_broken_field_is_found_in_pretty_text_too() {
    let mut v = sample_value();
    v["workspace"]["cohorts"][0]["phases"][1]["ends_on"] = json!([1, 2]);
    let pretty = serde_json::to_string_pretty(&v).unwrap();
    match decode(pretty.as_bytes()).unwrap_err() {
        DecodeError::Field { path, message } => {
            assert_eq!(path, "cohorts[0].phases[1].ends_on");
            assert!(message.contains("not a date"), "{message}");
        }
        e => panic!("{e:?}"),
    }
    // A field that should be a list but holds an object, inside a list of records.
    let mut v = sample_value();
    v["workspace"]["people"][1]["name"] = json!({"first \"x\"": 1});
    match decode_value(&v).unwrap_err() {
        DecodeError::Field { path, .. } => assert_eq!(path, "people[1].name"),
        e => panic!("{e:?}"),
    }
}
