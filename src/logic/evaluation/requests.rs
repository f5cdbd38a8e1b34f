//! Asking for 360 and team health answers by file, and taking the answers in **only as a
//! batch of at least three, kept only as totals**.
//!
//! * [`request_360`] / [`request_health`] make the request (see [`crate::file::requests`]):
//!   the candidate's first name, the round's title or the team's name, the questions, the
//!   days — nothing else from the workspace.
//! * [`import_360`] / [`import_health`] read a set of response files. They are all-or-nothing:
//!   any file that is broken or answers another request refuses the whole set (each named with
//!   what is wrong), and so does a group with fewer than [`BATCH_MIN`] new responses. What is
//!   kept is the group's totals ([`GroupAggregate`], [`HealthTally`]), never a response; a
//!   response already counted (by its random id) counts once.

use crate::sort::StableSort as _;
use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use super::feedback::ANONYMITY_MIN;
use super::tallies::{add_score, health_means, merge_comments, merge_sorted};
use crate::file::requests::{decode_response, Request, RequestKind, RequestQuestion, Response};
use crate::model::{
    Date, DimensionTally, FeedbackGroup, FeedbackRound, GroupAggregate, HealthCheck,
    HealthDimension, HealthTally, Id, QuestionTally, Timestamp, Workspace,
};

/// The fewest new responses of one group an import takes: the same as the anonymity threshold,
/// so no group's totals ever stand for fewer people than may be shown.
pub const BATCH_MIN: usize = ANONYMITY_MIN;

/// The rule as the import control states it.
pub fn batch_rule() -> String {
    format!(
        "Pick all the response files at once. Runway takes them only as a batch of at least \
         {BATCH_MIN} new responses from one group, adds them to that group's totals and keeps \
         nothing else: no single response is stored, so none can be shown later. A smaller \
         batch is refused and nothing of it is kept — wait until more people have answered."
    )
}

/// A request's id, worked out from what it is about: the same request made twice gets the same
/// id (so answers to both count together), and a response whose group, team or day was
/// changed no longer matches.
pub fn request_id(
    kind: RequestKind,
    candidate_id: Id,
    subject_id: Id,
    group: Option<FeedbackGroup>,
    team: Option<&str>,
    asked_on: Option<Date>,
) -> Id {
    let mut h = Sha256::new();
    h.update(b"runway-request\n");
    h.update(kind.code().as_bytes());
    h.update(b"\n");
    h.update(candidate_id.as_bytes());
    h.update(subject_id.as_bytes());
    h.update(group.map(|g| g.code()).unwrap_or("").as_bytes());
    h.update(b"\n");
    h.update(team.unwrap_or("").as_bytes());
    h.update(b"\n");
    h.update(
        asked_on
            .map(|d| d.to_string())
            .unwrap_or_default()
            .as_bytes(),
    );
    let digest = h.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// The first word of a name: enough for a respondent to know who it is about.
pub fn first_name(name: &str) -> String {
    name.split_whitespace().next().unwrap_or("").to_string()
}

fn about(ws: &Workspace, candidate_id: Id) -> String {
    ws.candidate(candidate_id)
        .map(|c| first_name(ws.person_name(c.person_id)))
        .unwrap_or_default()
}

/// The request for one group of a 360 round. A 360 request fixes its group: the coach sends
/// the direct reports' file to direct reports, and so on, so nobody has to say which group
/// they belong to (and the smallest group cannot be picked by mistake).
pub fn request_360(
    ws: &Workspace,
    round: &FeedbackRound,
    group: FeedbackGroup,
    asked_on: Date,
    due_on: Option<Date>,
) -> Request {
    Request {
        request_id: request_id(
            RequestKind::Feedback360,
            round.candidate_id,
            round.id,
            Some(group),
            None,
            None,
        ),
        kind: RequestKind::Feedback360,
        subject_id: round.id,
        about: about(ws, round.candidate_id),
        title: round.title.trim().to_string(),
        group: Some(group),
        team: None,
        asked_on,
        due_on,
        questions: round
            .questions
            .iter()
            .map(|q| RequestQuestion {
                id: q.id.to_string(),
                text: q.text.clone(),
            })
            .collect(),
    }
}

/// The words a health request asks for a dimension.
pub fn health_question(d: HealthDimension) -> &'static str {
    match d {
        HealthDimension::Safety => "Psychological safety: I can raise a problem or admit a mistake in this team without it being held against me.",
        HealthDimension::Clarity => "Clarity: I know what the team is trying to achieve and what is expected of me.",
        HealthDimension::Workload => "Workload: the amount of work is sustainable (1 overloaded, 5 sustainable).",
        HealthDimension::Delivery => "Delivery confidence: I believe we will deliver what we have committed to.",
        HealthDimension::Collaboration => "Collaboration: we help each other and work well with the teams around us.",
    }
}

/// A team health request: the five dimensions, for the team `team`. `check_key` is a fresh
/// random id: each health request is a check of its own.
pub fn request_health(
    ws: &Workspace,
    candidate_id: Id,
    team: &str,
    asked_on: Date,
    due_on: Option<Date>,
    check_key: Id,
) -> Request {
    let team = team.trim().to_string();
    Request {
        request_id: request_id(
            RequestKind::Health,
            candidate_id,
            check_key,
            None,
            Some(&team),
            Some(asked_on),
        ),
        kind: RequestKind::Health,
        subject_id: check_key,
        about: about(ws, candidate_id),
        title: "Team health check".into(),
        group: None,
        team: Some(team),
        asked_on,
        due_on,
        questions: HealthDimension::ALL
            .iter()
            .map(|d| RequestQuestion {
                id: d.code().to_string(),
                text: health_question(*d).to_string(),
            })
            .collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// Importing a batch
// ---------------------------------------------------------------------------------------------

/// Why a set of response files was not taken; nothing was stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    /// Plain sentences, one per problem: "peers-1.json: this answers another request."
    pub problems: Vec<String>,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Nothing was imported. ")?;
        f.write_str(&self.problems.join(" "))
    }
}

/// A batch that was taken: the record to save and what to say.
#[derive(Clone, Debug, PartialEq)]
pub struct Taken<T> {
    pub record: T,
    /// "Added 3 responses from peers to the totals (now 6)."
    pub message: String,
}

fn refuse<T>(problems: Vec<String>) -> Result<T, Refusal> {
    Err(Refusal { problems })
}

/// Reads every file; the responses, or each file's problem.
fn read_all(files: &[(String, Vec<u8>)]) -> (Vec<(String, Response)>, Vec<String>) {
    let mut ok = Vec::new();
    let mut problems = Vec::new();
    if files.is_empty() {
        problems.push("No file was picked.".to_string());
    }
    for (name, bytes) in files {
        match decode_response(bytes) {
            Ok(r) => ok.push((name.clone(), r)),
            Err(e) => problems.push(format!("{name}: {e}")),
        }
    }
    (ok, problems)
}

/// Drops responses seen twice in the batch (the same file picked twice, or a copy); the count
/// of those dropped.
fn dedupe(rs: Vec<(String, Response)>) -> (Vec<(String, Response)>, usize) {
    let mut seen = std::collections::HashSet::new();
    let before = rs.len();
    let out: Vec<_> = rs
        .into_iter()
        .filter(|(_, r)| seen.insert(r.response_id))
        .collect();
    let dropped = before - out.len();
    (out, dropped)
}

fn group_words(g: FeedbackGroup) -> String {
    g.label().to_lowercase()
}

fn responses_word(n: usize) -> String {
    if n == 1 {
        "1 response".into()
    } else {
        format!("{n} responses")
    }
}

/// The sentence for a group too small to take.
fn too_few(what: &str, new: usize, already: usize) -> String {
    if new == 0 {
        return format!(
            "No new responses {what}: {} already counted, and a response counts once.",
            responses_word(already)
        );
    }
    let again = if already > 0 {
        format!(
            " (and {} already counted, which count once)",
            responses_word(already)
        )
    } else {
        String::new()
    };
    format!(
        "Only {} new {} {what}{again}: a batch needs at least {BATCH_MIN}, so that no total stands for fewer than {BATCH_MIN} people. Nothing of it was kept; import them together once at least {BATCH_MIN} have answered.",
        new,
        if new == 1 { "response" } else { "responses" }
    )
}

/// Takes a set of response files into a 360 round: every file must answer one of the round's
/// requests (any group), and each group in the set needs at least [`BATCH_MIN`] responses not
/// counted before. Returns the round with the groups' totals grown, or why nothing was taken.
pub fn import_360(
    round: &FeedbackRound,
    files: &[(String, Vec<u8>)],
) -> Result<Taken<FeedbackRound>, Refusal> {
    let (read, mut problems) = read_all(files);
    for (name, r) in &read {
        let expected = r.group.map(|g| {
            request_id(
                RequestKind::Feedback360,
                round.candidate_id,
                round.id,
                Some(g),
                None,
                None,
            )
        });
        if r.kind != RequestKind::Feedback360 {
            problems.push(format!(
                "{name}: this is a team health response, not a 360 response; import it under Team health."
            ));
        } else if r.subject_id != round.id || expected != Some(r.request_id) {
            problems.push(format!(
                "{name}: this answers another request, not this round's (another round, another candidate, or a file changed by hand)."
            ));
        }
    }
    if !problems.is_empty() {
        return refuse(problems);
    }
    let (read, twice) = dedupe(read);
    let mut by_group: BTreeMap<&'static str, (FeedbackGroup, Vec<&Response>, usize)> =
        BTreeMap::new();
    for (_, r) in &read {
        let Some(g) = r.group else { continue };
        let counted = round
            .aggregates
            .iter()
            .find(|a| a.group == g)
            .is_some_and(|a| a.response_ids.contains(&r.response_id));
        let e = by_group.entry(g.code()).or_insert((g, Vec::new(), 0));
        if counted {
            e.2 += 1;
        } else {
            e.1.push(r);
        }
    }
    for (g, new, already) in by_group.values() {
        if new.len() < BATCH_MIN {
            problems.push(format!(
                "{}: {}",
                g.label(),
                too_few(&format!("from {}", group_words(*g)), new.len(), *already)
            ));
        }
    }
    if !problems.is_empty() {
        return refuse(problems);
    }
    let mut out = round.clone();
    let mut said = Vec::new();
    for (g, new, already) in by_group.values() {
        let i = match out.aggregates.iter().position(|a| a.group == *g) {
            Some(i) => i,
            None => {
                out.aggregates.push(GroupAggregate {
                    group: *g,
                    responses: 0,
                    questions: Vec::new(),
                    comments: Vec::new(),
                    response_ids: Vec::new(),
                });
                out.aggregates.len() - 1
            }
        };
        let agg = &mut out.aggregates[i];
        for r in new {
            agg.responses += 1;
            for q in &round.questions {
                let score = r
                    .answers
                    .iter()
                    .find(|a| a.question == q.id.to_string())
                    .and_then(|a| a.score);
                if score.is_none() {
                    continue;
                }
                let t = match agg.questions.iter().position(|t| t.question_id == q.id) {
                    Some(t) => t,
                    None => {
                        agg.questions.push(QuestionTally {
                            question_id: q.id,
                            counts: [0; 5],
                        });
                        agg.questions.len() - 1
                    }
                };
                add_score(&mut agg.questions[t].counts, score);
            }
        }
        merge_comments(&mut agg.comments, new.iter().map(|r| r.comment.clone()));
        merge_sorted(&mut agg.response_ids, new.iter().map(|r| r.response_id));
        let mut line = format!(
            "Added {} from {} to the totals (now {}).",
            responses_word(new.len()),
            group_words(*g),
            agg.responses
        );
        if *already > 0 {
            line.push_str(&format!(" {} already counted.", responses_word(*already)));
        }
        said.push(line);
    }
    out.aggregates.stable_sort_by_key(|a| {
        FeedbackGroup::ALL
            .iter()
            .position(|g| *g == a.group)
            .unwrap_or(usize::MAX)
    });
    if twice > 0 {
        said.push(format!(
            "{} picked twice counted once.",
            if twice == 1 {
                "1 file".to_string()
            } else {
                format!("{twice} files")
            }
        ));
    }
    Ok(Taken {
        record: out,
        message: said.join(" "),
    })
}

/// The check a health request's answers belong to, if some were imported already.
pub fn check_for_request(ws: &Workspace, request_id: Id) -> Option<&HealthCheck> {
    ws.health_checks
        .iter()
        .find(|h| h.tally.as_ref().is_some_and(|t| t.request_id == request_id))
}

/// Takes a set of health response files for the candidate's team: every file must answer the
/// same request of this candidate, with at least [`BATCH_MIN`] responses not counted before.
/// The first batch makes a new check (dated the day the request was made); a later batch for
/// the same request adds to it. The check holds the means per dimension and `answered`.
pub fn import_health(
    ws: &Workspace,
    candidate_id: Id,
    files: &[(String, Vec<u8>)],
) -> Result<Taken<HealthCheck>, Refusal> {
    let (read, mut problems) = read_all(files);
    // The request most of the files answer is the batch's; the others are named.
    let mut votes: BTreeMap<Id, usize> = BTreeMap::new();
    for (_, r) in &read {
        if r.kind == RequestKind::Health {
            *votes.entry(r.request_id).or_default() += 1;
        }
    }
    let main = votes.iter().max_by_key(|(_, n)| **n).map(|(id, _)| *id);
    for (name, r) in &read {
        let expected = request_id(
            RequestKind::Health,
            candidate_id,
            r.subject_id,
            None,
            Some(r.team.as_deref().unwrap_or("")),
            Some(r.asked_on),
        );
        if r.kind != RequestKind::Health {
            problems.push(format!(
                "{name}: this is a 360 response, not a team health response; import it on its 360 round."
            ));
        } else if r.request_id != expected {
            problems.push(format!(
                "{name}: this answers another request, not one made for this candidate's team (or the file was changed by hand)."
            ));
        } else if Some(r.request_id) != main {
            problems.push(format!(
                "{name}: this answers another team health request than the other files; import each request's files on their own."
            ));
        }
    }
    if !problems.is_empty() {
        return refuse(problems);
    }
    let (read, twice) = dedupe(read);
    let Some((_, first)) = read.first() else {
        return refuse(vec!["No file was picked.".into()]);
    };
    let existing = check_for_request(ws, first.request_id);
    if existing.is_some_and(|h| h.candidate_id != candidate_id) {
        return refuse(vec![
            "These answers were already imported for another candidate.".into(),
        ]);
    }
    let counted = |id: &Id| {
        existing
            .and_then(|h| h.tally.as_ref())
            .is_some_and(|t| t.response_ids.contains(id))
    };
    let (new, old): (Vec<&Response>, Vec<&Response>) = read
        .iter()
        .map(|(_, r)| r)
        .partition(|r| !counted(&r.response_id));
    if new.len() < BATCH_MIN {
        return refuse(vec![too_few("for the team", new.len(), old.len())]);
    }
    let mut check = existing.cloned().unwrap_or_else(|| HealthCheck {
        id: Id::nil(),
        candidate_id,
        on: first.asked_on,
        team: first.team.clone().unwrap_or_default(),
        scores: Vec::new(),
        answered: None,
        note: String::new(),
        tally: None,
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
        merge_bases: Vec::new(),
    });
    let mut tally = check.tally.take().unwrap_or(HealthTally {
        request_id: first.request_id,
        responses: 0,
        dimensions: Vec::new(),
        comments: Vec::new(),
        response_ids: Vec::new(),
    });
    for r in &new {
        tally.responses += 1;
        for d in HealthDimension::ALL {
            let score = r
                .answers
                .iter()
                .find(|a| a.question == d.code())
                .and_then(|a| a.score);
            if score.is_none() {
                continue;
            }
            let i = match tally.dimensions.iter().position(|t| t.dimension == *d) {
                Some(i) => i,
                None => {
                    tally.dimensions.push(DimensionTally {
                        dimension: *d,
                        counts: [0; 5],
                    });
                    tally.dimensions.len() - 1
                }
            };
            add_score(&mut tally.dimensions[i].counts, score);
        }
    }
    merge_comments(&mut tally.comments, new.iter().map(|r| r.comment.clone()));
    merge_sorted(&mut tally.response_ids, new.iter().map(|r| r.response_id));
    check.scores = health_means(&tally);
    check.answered = Some(tally.responses);
    let total = tally.responses;
    check.tally = Some(tally);
    let mut message = if existing.is_some() {
        format!(
            "Added {} to the team health check (now {total}).",
            responses_word(new.len())
        )
    } else {
        format!(
            "Made a team health check from {}.",
            responses_word(new.len())
        )
    };
    if !old.is_empty() {
        message.push_str(&format!(" {} already counted.", responses_word(old.len())));
    }
    if twice > 0 {
        message.push_str(&format!(" {twice} picked twice counted once."));
    }
    Ok(Taken {
        record: check,
        message,
    })
}
