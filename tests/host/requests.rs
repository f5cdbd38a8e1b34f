//! Asking for answers by file: what a request carries, and the batch import that keeps only
//! totals (at least three new responses of a group, duplicates once, other requests refused).

use runway::file::requests::{
    decode_request, decode_response, encode_request, encode_response, Request, RequestKind,
    Response, ResponseAnswer,
};
use runway::logic::actions::Action;
use runway::logic::evaluation::feedback::aggregate;
use runway::logic::evaluation::requests::{
    import_360, import_health, request_360, request_health, BATCH_MIN,
};
use runway::logic::evaluation::tallies::{combine_aggregates, combine_health};
use runway::logic::records::{all_ids, Record};
use runway::model::{FeedbackGroup, FeedbackRound, HealthDimension, Id, Workspace};

use crate::common::{act, day, sample};

fn priya_round(ws: &Workspace) -> FeedbackRound {
    ws.feedback_rounds
        .iter()
        .find(|r| r.title == "Mid-program 360")
        .cloned()
        .expect("the sample's round")
}

fn id(n: u128) -> Id {
    Id::from_u128(0x5000_0000_0000_4000_8000_0000_0000_0000 | n)
}

/// A response file answering every question of `req` with `scores` (in order).
fn answer(req: &Request, n: u128, scores: &[u8], comment: &str) -> (String, Vec<u8>) {
    let answers = req
        .questions
        .iter()
        .zip(scores)
        .map(|(q, s)| ResponseAnswer {
            question: q.id.clone(),
            score: Some(*s),
        })
        .collect();
    let r = Response::to(req, answers, comment, id(n));
    (
        format!("response-{n}.json"),
        encode_response(&r).into_bytes(),
    )
}

fn stakeholders(ws: &Workspace) -> Request {
    request_360(
        ws,
        &priya_round(ws),
        FeedbackGroup::Stakeholder,
        day(2026, 11, 23),
        Some(day(2026, 12, 4)),
    )
}

#[test]
fn a_request_carries_the_first_name_and_the_questions_and_nothing_else() {
    let ws = sample();
    let round = priya_round(&ws);
    let req = stakeholders(&ws);
    let text = encode_request(&req);
    assert!(text.contains("\"format\": \"runway-request\""));
    assert!(text.contains("\"about\": \"Priya\""));
    for q in &round.questions {
        assert!(text.contains(&q.text));
    }
    // No other record's id, no name but the candidate's first, not the organisation.
    for other in all_ids(&ws).into_iter().filter(|i| *i != round.id) {
        assert!(!text.contains(&other.to_string()), "{other} in the request");
    }
    for p in &ws.people {
        assert!(!text.contains(&p.name), "{} in the request", p.name);
        let first = p.name.split_whitespace().next().unwrap();
        if first != "Priya" {
            assert!(!text.contains(first), "{first} in the request");
        }
        if !p.team.is_empty() {
            assert!(!text.contains(&p.team), "team {} in the request", p.team);
        }
    }
    assert!(!text.contains(&ws.organisation));
    // Nothing typed into the round's responses goes out either.
    for r in &round.responses {
        if !r.comment.is_empty() {
            assert!(!text.contains(&r.comment));
        }
    }
    // Only these keys, at the top.
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "about",
            "asked_on",
            "due_on",
            "format",
            "group",
            "kind",
            "questions",
            "request_id",
            "schema_version",
            "subject_id",
            "title"
        ]
    );
    assert_eq!(decode_request(text.as_bytes()).unwrap(), req);

    // A health request: the team's name, the five dimensions, a fresh id; nothing else.
    let priya = round.candidate_id;
    let h = request_health(
        &ws,
        priya,
        "Fulfilment on-call squad",
        day(2026, 11, 23),
        None,
        id(99),
    );
    let text = encode_request(&h);
    assert_eq!(h.questions.len(), HealthDimension::ALL.len());
    for other in all_ids(&ws) {
        assert!(!text.contains(&other.to_string()));
    }
    for p in ws.people.iter().filter(|p| !p.name.starts_with("Priya")) {
        assert!(!text.contains(p.name.split_whitespace().next().unwrap()));
    }
    assert!(text.contains("Fulfilment on-call squad") && text.contains("\"kind\": \"health\""));
}

#[test]
fn fewer_than_three_responses_are_refused_and_nothing_is_stored() {
    let mut ws = sample();
    let req = stakeholders(&ws);
    let round = priya_round(&ws);
    let files = vec![
        answer(&req, 1, &[4, 4, 4, 4, 4], "Secret comment one"),
        answer(&req, 2, &[2, 2, 2, 2, 2], ""),
    ];
    let refused = import_360(&round, &files).unwrap_err();
    let text = refused.to_string();
    assert!(text.starts_with("Nothing was imported."), "{text}");
    assert!(
        text.contains("Only 2 new responses from stakeholders"),
        "{text}"
    );
    assert!(text.contains(&format!("at least {BATCH_MIN}")), "{text}");
    // The workspace holds nothing of them.
    assert!(priya_round(&ws).aggregates.is_empty());
    let stored = runway::file::encode_pretty(&ws, crate::common::at(2026, 11, 23));
    assert!(!stored.contains("Secret comment one"));
    // A round whose totals stand for fewer than three is refused by the rules too.
    let mut small = import_360(
        &round,
        &[
            files[0].clone(),
            files[1].clone(),
            answer(&req, 3, &[3; 5], ""),
        ],
    )
    .unwrap()
    .record;
    small.aggregates[0].responses = 2;
    assert!(act(&mut ws, Action::Put(Record::FeedbackRound(small))).is_err());
    assert!(priya_round(&ws).aggregates.is_empty());
}

#[test]
fn three_or_more_responses_are_kept_as_totals_only() {
    let mut ws = sample();
    let req = stakeholders(&ws);
    let round = priya_round(&ws);
    let files = vec![
        answer(&req, 1, &[5, 4, 3, 2, 1], "Zesty planning."),
        answer(&req, 2, &[4, 4, 3, 2, 1], ""),
        answer(&req, 3, &[4, 5, 3, 2, 2], "A calm presence."),
        answer(&req, 4, &[3, 4, 3, 2, 1], "Asks good questions."),
    ];
    let taken = import_360(&round, &files).unwrap();
    assert_eq!(
        taken.message,
        "Added 4 responses from stakeholders to the totals (now 4)."
    );
    let agg = &taken.record.aggregates;
    assert_eq!(agg.len(), 1);
    let a = &agg[0];
    assert_eq!((a.group, a.responses), (FeedbackGroup::Stakeholder, 4));
    let q1 = a
        .questions
        .iter()
        .find(|q| q.question_id == round.questions[0].id)
        .unwrap();
    assert_eq!(q1.counts, [0, 0, 1, 2, 1]);
    // Comments in alphabetical order, not the order the files came in.
    assert_eq!(
        a.comments,
        [
            "A calm presence.",
            "Asks good questions.",
            "Zesty planning."
        ]
    );
    act(&mut ws, Action::Put(Record::FeedbackRound(taken.record))).unwrap();
    let stored = priya_round(&ws);
    // The typed responses are as they were; the new ones are totals, not responses.
    assert_eq!(stored.responses, round.responses);
    assert_eq!(stored.response_count(), round.responses.len() + 4);
    // The stored round holds no single response's answers: only counts per score.
    let json = serde_json::to_value(&stored.aggregates)
        .unwrap()
        .to_string();
    assert!(!json.contains("\"answers\""));
    // The shown aggregate counts them with the typed ones.
    let shown = aggregate(&stored);
    assert_eq!(shown.responses, round.responses.len() + 4);
    let sh = shown
        .groups
        .iter()
        .position(|g| g.group == FeedbackGroup::Stakeholder)
        .unwrap();
    assert_eq!(shown.groups[sh].responses, 4);
    assert_eq!(shown.groups[sh].comments.len(), 3);
    let m = shown.questions[0].by_group[sh].mean.unwrap();
    assert!((m - 4.0).abs() < 1e-9, "{m}");
    let typed: u32 = round
        .responses
        .iter()
        .filter_map(|r| r.answers[0].score)
        .map(u32::from)
        .sum();
    let overall = shown.questions[0].overall.mean.unwrap();
    let expected = f64::from(typed + 16) / (round.responses.len() + 4) as f64;
    assert!((overall - expected).abs() < 1e-9);
}

#[test]
fn a_response_counts_once_however_often_it_is_imported() {
    let mut ws = sample();
    let req = stakeholders(&ws);
    let a = answer(&req, 1, &[5; 5], "");
    let b = answer(&req, 2, &[4; 5], "");
    let c = answer(&req, 3, &[3; 5], "");
    // The same file twice in one batch: counted once, so two distinct are too few.
    let refused = import_360(&priya_round(&ws), &[a.clone(), a.clone(), b.clone()]).unwrap_err();
    assert!(refused.to_string().contains("Only 2 new responses"));
    let taken = import_360(
        &priya_round(&ws),
        &[a.clone(), a.clone(), b.clone(), c.clone()],
    )
    .unwrap();
    assert_eq!(taken.record.aggregates[0].responses, 3);
    assert!(taken.message.contains("1 file picked twice counted once"));
    act(&mut ws, Action::Put(Record::FeedbackRound(taken.record))).unwrap();
    // The same batch again: nothing new, refused.
    let again = import_360(&priya_round(&ws), &[a.clone(), b.clone(), c.clone()]).unwrap_err();
    assert!(
        again.to_string().contains("3 responses already counted"),
        "{again}"
    );
    // Three new ones and an old one: the three are added.
    let more = [
        answer(&req, 4, &[2; 5], ""),
        answer(&req, 5, &[2; 5], ""),
        answer(&req, 6, &[2; 5], ""),
        a,
    ];
    let taken = import_360(&priya_round(&ws), &more).unwrap();
    assert_eq!(
        taken.message,
        "Added 3 responses from stakeholders to the totals (now 6). 1 response already counted."
    );
    let g = &taken.record.aggregates[0];
    assert_eq!(g.responses, 6);
    assert_eq!(g.questions[0].counts, [0, 3, 1, 1, 1]);
    assert_eq!(g.response_ids.len(), 6);
}

#[test]
fn a_response_to_another_request_is_refused_naming_the_file() {
    let mut ws = sample();
    let req = stakeholders(&ws);
    // Another round of Priya's.
    let mut other = priya_round(&ws);
    other.id = Id::nil();
    other.responses.clear();
    other.title = "Year-end 360".into();
    let other_id = act(&mut ws, Action::Put(Record::FeedbackRound(other)))
        .unwrap()
        .unwrap();
    let other = ws
        .feedback_rounds
        .iter()
        .find(|r| r.id == other_id)
        .unwrap()
        .clone();
    let foreign = request_360(
        &ws,
        &other,
        FeedbackGroup::Stakeholder,
        day(2026, 11, 23),
        None,
    );
    let files = vec![
        answer(&req, 1, &[4; 5], ""),
        answer(&req, 2, &[4; 5], ""),
        answer(&req, 3, &[4; 5], ""),
        (
            "year-end.json".to_string(),
            answer(&foreign, 4, &[1; 5], "").1,
        ),
    ];
    let refused = import_360(&priya_round(&ws), &files).unwrap_err();
    assert_eq!(refused.problems.len(), 1);
    assert!(refused.problems[0].starts_with("year-end.json: this answers another request"));
    // A response whose group was changed by hand no longer matches its request.
    let (_, bytes) = answer(&req, 5, &[4; 5], "");
    let forged = String::from_utf8(bytes)
        .unwrap()
        .replace("\"stakeholder\"", "\"direct_report\"");
    let mut files = files[..3].to_vec();
    files.push(("forged.json".into(), forged.into_bytes()));
    let refused = import_360(&priya_round(&ws), &files).unwrap_err();
    assert!(refused.problems[0].starts_with("forged.json: this answers another request"));
    // A health response on a 360 round is named as such.
    let h = request_health(
        &ws,
        other.candidate_id,
        "Squad",
        day(2026, 11, 23),
        None,
        id(77),
    );
    let mut files = files[..3].to_vec();
    files.push(("health.json".into(), answer(&h, 6, &[3; 5], "").1));
    let refused = import_360(&priya_round(&ws), &files).unwrap_err();
    assert!(refused.problems[0].contains("team health response"));
    // And a 360 response for Priya is refused on another candidate's team health.
    let ben = ws
        .candidates
        .iter()
        .find(|c| c.id != other.candidate_id)
        .unwrap()
        .id;
    let hs = [
        answer(&h, 7, &[3; 5], ""),
        answer(&h, 8, &[3; 5], ""),
        answer(&h, 9, &[3; 5], ""),
    ];
    let refused = import_health(&ws, ben, &hs).unwrap_err();
    assert_eq!(refused.problems.len(), 3);
    assert!(refused.problems[0].contains("not one made for this candidate's team"));
}

#[test]
fn broken_files_are_named_with_what_is_wrong() {
    let ws = sample();
    let req = stakeholders(&ws);
    let good = answer(&req, 1, &[4; 5], "");
    let workspace = runway::file::encode_pretty(&ws, crate::common::at(2026, 11, 23));
    let nine = String::from_utf8(answer(&req, 2, &[4; 5], "").1)
        .unwrap()
        .replacen("\"score\": 4", "\"score\": 9", 1);
    let files = vec![
        good,
        (
            "garbled.json".to_string(),
            b"{\"format\": \"runway-resp".to_vec(),
        ),
        ("photo.json".to_string(), vec![0xff, 0xfe, 0x00, 0x41]),
        ("workspace.json".to_string(), workspace.into_bytes()),
        (
            "request.json".to_string(),
            encode_request(&req).into_bytes(),
        ),
        ("nine.json".to_string(), nine.into_bytes()),
        (
            "empty-answers.json".to_string(),
            br#"{"format":"runway-response","schema_version":1}"#.to_vec(),
        ),
        (
            "newer.json".to_string(),
            br#"{"format":"runway-response","schema_version":9}"#.to_vec(),
        ),
    ];
    let refused = import_360(&priya_round(&ws), &files).unwrap_err();
    let p = &refused.problems;
    assert_eq!(p.len(), 7, "{p:#?}");
    assert!(
        p[0].starts_with("garbled.json: This file ends too early"),
        "{}",
        p[0]
    );
    assert!(
        p[1].starts_with("photo.json: This file is not text"),
        "{}",
        p[1]
    );
    assert!(
        p[2].starts_with("workspace.json: This is a workspace file"),
        "{}",
        p[2]
    );
    assert!(
        p[3].starts_with("request.json: This is the request file itself"),
        "{}",
        p[3]
    );
    assert!(
        p[4].contains("nine.json: This file cannot be used: answer 1 is outside the scale 1–5"),
        "{}",
        p[4]
    );
    assert!(
        p[5].contains("empty-answers.json: This file cannot be used: it has no request id"),
        "{}",
        p[5]
    );
    assert!(
        p[6].contains("newer.json: This file was written by a newer version"),
        "{}",
        p[6]
    );
    // The answer page says the same of a wrong file.
    let e = decode_request(br#"{"format":"runway-response","schema_version":1}"#).unwrap_err();
    assert!(e.to_string().starts_with("This is a response file"));
    let e = decode_request(b"not json").unwrap_err();
    assert!(e.to_string().starts_with("This file is not valid JSON"));
    let e = decode_request(br#"{"a":1}"#).unwrap_err();
    assert!(e.to_string().contains("not a Runway request file"));
    let e = decode_response(b"").unwrap_err();
    assert!(e.to_string().starts_with("This file is empty"));
    assert!(import_360(&priya_round(&ws), &[]).is_err());
}

#[test]
fn a_health_batch_makes_a_check_with_the_mean_per_dimension() {
    let mut ws = sample();
    let priya = priya_round(&ws).candidate_id;
    let req = request_health(
        &ws,
        priya,
        "Fulfilment on-call squad",
        day(2026, 11, 23),
        None,
        id(50),
    );
    assert_eq!(req.kind, RequestKind::Health);
    let two = [answer(&req, 1, &[3; 5], ""), answer(&req, 2, &[4; 5], "")];
    let refused = import_health(&ws, priya, &two).unwrap_err();
    assert!(refused
        .to_string()
        .contains("Only 2 new responses for the team"));
    let files = [
        answer(&req, 1, &[3, 2, 5, 4, 4], "More focus time please."),
        answer(&req, 2, &[4, 2, 5, 4, 4], ""),
        answer(&req, 3, &[4, 3, 5, 4, 4], ""),
    ];
    let taken = import_health(&ws, priya, &files).unwrap();
    let check = &taken.record;
    assert_eq!(check.answered, Some(3));
    assert_eq!(check.on, day(2026, 11, 23));
    assert_eq!(check.team, "Fulfilment on-call squad");
    let safety = check.score(HealthDimension::Safety).unwrap();
    assert!((safety - 11.0 / 3.0).abs() < 1e-6, "{safety}");
    assert_eq!(check.score(HealthDimension::Workload), Some(5.0));
    let checks_before = ws.health_checks.len();
    act(&mut ws, Action::Put(Record::HealthCheck(taken.record))).unwrap();
    assert_eq!(ws.health_checks.len(), checks_before + 1);
    // The trend reads the mean as it is, not rounded.
    let t = runway::logic::evaluation::feedback::health_trends(&ws, priya);
    let s = t
        .iter()
        .find(|t| t.dimension == HealthDimension::Safety)
        .unwrap();
    assert!(
        s.move_text()
            .unwrap()
            .starts_with("Psychological safety: 3.67"),
        "{:?}",
        s.move_text()
    );
    // A second batch for the same request adds to the same check.
    let more = [
        answer(&req, 4, &[1; 5], ""),
        answer(&req, 5, &[1; 5], ""),
        answer(&req, 6, &[1; 5], ""),
        files[0].clone(),
    ];
    let taken = import_health(&ws, priya, &more).unwrap();
    assert_eq!(
        taken.message,
        "Added 3 responses to the team health check (now 6). 1 response already counted."
    );
    act(&mut ws, Action::Put(Record::HealthCheck(taken.record))).unwrap();
    assert_eq!(ws.health_checks.len(), checks_before + 1);
    let check =
        runway::logic::evaluation::requests::check_for_request(&ws, req.request_id).unwrap();
    assert_eq!(check.answered, Some(6));
    assert!((check.score(HealthDimension::Safety).unwrap() - 14.0 / 6.0).abs() < 1e-6);
    assert_eq!(
        check.tally.as_ref().unwrap().comments,
        ["More focus time please."]
    );
}

#[test]
fn totals_from_two_copies_add_up_when_they_share_no_response() {
    let ws = sample();
    let req = stakeholders(&ws);
    let round = priya_round(&ws);
    let batch = |from: u128| {
        (from..from + 3)
            .map(|n| answer(&req, n, &[4; 5], ""))
            .collect::<Vec<_>>()
    };
    let mine = import_360(&round, &batch(1)).unwrap().record.aggregates;
    let theirs = import_360(&round, &batch(10)).unwrap().record.aggregates;
    let both = combine_aggregates(&mine, &theirs).unwrap();
    assert_eq!(both[0].responses, 6);
    // The same totals on both sides stay as they are.
    assert_eq!(combine_aggregates(&mine, &mine).unwrap(), mine);
    // One side grew from the other: the larger is kept.
    assert_eq!(combine_aggregates(&mine, &both).unwrap(), both);
    // Overlapping but different: cannot be split, so the person chooses.
    let mut overlap = batch(2);
    overlap.push(answer(&req, 20, &[1; 5], ""));
    let other = import_360(&round, &overlap).unwrap().record.aggregates;
    assert_eq!(combine_aggregates(&mine, &other), None);
    // Health totals for one request, imported in two copies, add up the same way.
    let priya = round.candidate_id;
    let h = request_health(&ws, priya, "Squad", day(2026, 11, 23), None, id(60));
    let hbatch = |from: u128, s: u8| {
        (from..from + 3)
            .map(|n| answer(&h, n, &[s; 5], ""))
            .collect::<Vec<_>>()
    };
    let one = import_health(&ws, priya, &hbatch(1, 5))
        .unwrap()
        .record
        .tally
        .unwrap();
    let two = import_health(&ws, priya, &hbatch(10, 2))
        .unwrap()
        .record
        .tally
        .unwrap();
    let sum = combine_health(&one, &two).unwrap();
    assert_eq!(sum.responses, 6);
    let means = runway::logic::evaluation::tallies::health_means(&sum);
    assert!(means.iter().all(|m| (m.score - 3.5).abs() < 1e-6));
    assert_eq!(combine_health(&one, &sum).unwrap(), sum);
}

/// The Data page routes a picked file by its `format`: read from the head when Runway wrote
/// it first, from the whole text otherwise, and never from a value that only looks like one.
#[test]
fn the_format_is_read_from_the_head_or_the_whole_file() {
    use runway::file::requests::peek_format;
    assert_eq!(
        peek_format(b"\xEF\xBB\xBF {\n  \"format\" : \"runway-request\", \"x\": [1, 2"),
        Some("runway-request".into()),
        "first field: the rest of the file is not read"
    );
    assert_eq!(
        peek_format(br#"{"schema_version":1,"format":"runway-response"}"#),
        Some("runway-response".into()),
        "not first: the whole file is read"
    );
    assert_eq!(
        peek_format(br#"{"form\u0061t":"runway-letter"}"#),
        Some("runway-letter".into()),
        "an escaped key is still the key"
    );
    assert_eq!(peek_format(br#"{"formats":"runway-request"}"#), None);
    assert_eq!(peek_format(br#"{"format":7}"#), None);
    assert_eq!(peek_format(br#"["format","runway-request"]"#), None);
    assert_eq!(peek_format(b"{\"format\":\"runway-req"), None, "cut off");
}
