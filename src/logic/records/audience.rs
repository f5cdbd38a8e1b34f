//! What a file that leaves this browser may carry: the audience rules, kind by kind, in one
//! place. Every export goes through [`share`]; it visits every registered kind, asks that
//! kind's [`Carried::carry`] rule whether a record goes whole, trimmed or not at all, and
//! writes down what it left out, so the preview says exactly what the file holds.
//!
//! The rules (the table in ARCHITECTURE.md says the same):
//! - **Private belongs to its author.** A private journal entry and a 1:1's notes go only in a
//!   file their author makes *and* ticks to include. Nobody can send another person's.
//! - **Blind until revealed.** An assessment goes while unrevealed only when its rater makes
//!   the file or is who it is for; a candidate's file carries only their self-assessments and
//!   the calibrated levels.
//! - **Selection notes stay with the coaches**: references and interview scorecards go only to
//!   the coaches (and in a backup); so do a candidacy's decision reason, green flags and a
//!   manager's nomination rationale, trimmed from a candidate's file.
//! - **360 responses go in no shared file**: the coach shares the one-page summary.
//! - A scoped file is a subset with the same ids, so it merges cleanly into a fuller copy, and
//!   a merge of it back never clears what it trimmed ([`Entry::fill_withheld`]).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::logic::records::{blank, Entry, ListVisitor};
use crate::model::*;

/// Who a file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// A backup for the person who makes it: everything, everyone's private entries included.
    Backup,
    /// The whole workspace for the program's coaches (a co-coach, the program lead): all but
    /// what is private to someone else, unrevealed ratings of others and 360 responses.
    Everyone,
    /// One cohort for its sponsor: its candidates' progress and what was shared with the
    /// sponsor; no selection notes, no private notes, no unrevealed ratings but hers.
    Sponsor(Id),
    /// One cohort for its coaches (what a sponsor or co-coach sends back).
    Coaches(Id),
    /// One candidate: their person, cohort, coaches and sponsor, and only what is theirs or
    /// shared with them. Also what the candidate sends back to the coach.
    Candidate(Id),
    /// One promotion case for its applicant: the case (without the sponsor's lesson and the
    /// committee's discussion), their document, the plan, their own track records; no
    /// letters, no committee reads. Also what the applicant sends back with their document.
    Applicant(Id),
    /// One promotion case for the committee: the package (case, document, letters, the
    /// applicant's track records); reads only once revealed, or the maker's own (what a
    /// committee member sends back).
    Committee(Id),
}

impl Audience {
    fn scoped(self) -> bool {
        !matches!(self, Audience::Backup | Audience::Everyone)
    }

    /// The promotion case a file is about.
    pub fn case(self) -> Option<Id> {
        match self {
            Audience::Applicant(id) | Audience::Committee(id) => Some(id),
            _ => None,
        }
    }

    fn for_coaches(self) -> bool {
        matches!(
            self,
            Audience::Backup | Audience::Everyone | Audience::Coaches(_)
        )
    }
}

/// Why a record, or part of one, stays out of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Why {
    /// About another cohort or candidacy than the file's.
    Elsewhere,
    /// A private journal entry: another person's, or the maker's own not ticked.
    Private,
    /// A journal entry shared with the coach only, in a file for the sponsor.
    CoachOnly,
    /// A 1:1's notes (private to their author).
    OneOnOneNotes,
    /// A reference or an interview scorecard.
    SelectionNotes,
    /// An assessment not yet revealed in calibration.
    Unrevealed,
    /// Other raters' assessments, in a candidate's file.
    OthersRatings,
    /// A candidacy's decision reason, green flags, a manager's nomination rationale.
    CandidacyNotes,
    /// A calibration session's notes and other candidates' levels.
    CalibrationNotes,
    /// A 360 round's responses.
    Responses,
    /// Evidence from a journal entry the file leaves out.
    HiddenEvidence,
    /// The comments in a team health check's totals.
    TeamComments,
    /// Another person's level history, trial, training ledger or track evidence (a scoped
    /// file carries only its candidates' own).
    OthersHistory,
    /// A trial's supporting manager's notes, in the person's own file.
    SupportNotes,
    /// Who else takes part in a group session (filed under this file's candidate, the
    /// others as bare ids).
    GroupOthers,
    /// Recommendation letters: confidential, for the sponsor and the committee only.
    Letters,
    /// Committee members' reads before the debrief reveals them.
    Reads,
    /// Promotion cases other than the file's (each goes in its own case's files).
    OtherCases,
    /// The sponsor's lesson and the committee's discussion notes, in the applicant's file.
    CaseNotes,
}

/// A kind's answer for one record.
pub enum Carry<T> {
    Whole,
    /// Goes with parts left out.
    Trimmed(T, Why),
    Out(Why),
}

/// What a rule may ask about the file being made.
pub struct Reader<'a> {
    pub ws: &'a Workspace,
    pub audience: Audience,
    /// Who makes the file (this browser's person), if known.
    pub from: Option<Id>,
    /// The maker ticked "include my private entries" for this file.
    pub own_private: bool,
    /// The cohort and candidacies the file is about (everything for whole-workspace files).
    cohort: Option<Id>,
    candidates: HashSet<Id>,
    /// Who the file is for, where it is one person (the sponsor, the candidate).
    recipient: Option<Id>,
    /// Journal entries already carried (evidence from the others stays out).
    journal: HashSet<Id>,
    /// The person a promotion case's file is about (their own track records go).
    applicant: Option<Id>,
}

impl Reader<'_> {
    /// Whether the record is about a candidacy the file covers.
    pub fn ours(&self, candidate_id: Id) -> bool {
        !self.audience.scoped() || self.candidates.contains(&candidate_id)
    }

    fn our_cohort(&self, cohort_id: Id) -> bool {
        self.audience.case().is_none() && self.cohort.is_none_or(|c| c == cohort_id)
    }

    /// Whether the file is the person's own (a candidate's, an applicant's): what others
    /// wrote candidly about them stays out.
    fn for_themselves(&self) -> bool {
        matches!(
            self.audience,
            Audience::Candidate(_) | Audience::Applicant(_)
        )
    }

    fn for_candidate(&self) -> Option<Id> {
        match self.audience {
            Audience::Candidate(id) => Some(id),
            _ => None,
        }
    }

    /// Whether something private to `author` may go: only in a backup, or in the author's own
    /// file when they ticked it.
    fn private_goes(&self, author: Option<Id>) -> bool {
        self.audience == Audience::Backup
            || (self.own_private && author.is_some() && author == self.from)
    }
}

/// A kind's audience rule. Every registered kind has one ([`Entry`] requires it), so a new
/// kind cannot be shared before someone decides who may read it.
pub trait Carried: Sized {
    fn carry(&self, r: &Reader) -> Carry<Self>;
    /// A name for the "left out" line, where one helps ("Noa Levi's self-assessment").
    fn left_name(&self, _ws: &Workspace) -> Option<String> {
        None
    }
}

fn scoped_to<T>(r: &Reader, candidate_id: Id) -> Carry<T> {
    if r.ours(candidate_id) {
        Carry::Whole
    } else {
        Carry::Out(Why::Elsewhere)
    }
}

impl Carried for Person {
    fn carry(&self, _r: &Reader) -> Carry<Self> {
        // Decided in `share` once the other lists are cut: the people the file names.
        Carry::Whole
    }
}

impl Carried for Cohort {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        if r.our_cohort(self.id) {
            Carry::Whole
        } else {
            Carry::Out(Why::Elsewhere)
        }
    }
}

impl Carried for Candidate {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        if !r.ours(self.id) {
            return Carry::Out(Why::Elsewhere);
        }
        if r.for_candidate().is_none() {
            return Carry::Whole;
        }
        let mut k = self.clone();
        let mut trimmed = false;
        if let Some(d) = &mut k.decision {
            trimmed |= !d.reason.is_empty();
            d.reason.clear();
        }
        trimmed |= !k.green_flags.is_empty();
        k.green_flags.clear();
        if let Some(n) = &mut k.nomination {
            if n.kind == NominationKind::Manager {
                trimmed |= !n.rationale.is_empty();
                n.rationale.clear();
            }
        }
        if trimmed {
            Carry::Trimmed(k, Why::CandidacyNotes)
        } else {
            Carry::Whole
        }
    }
}

fn selection_note<T>(r: &Reader, candidate_id: Id) -> Carry<T> {
    if !r.ours(candidate_id) {
        Carry::Out(Why::Elsewhere)
    } else if r.audience.for_coaches() {
        Carry::Whole
    } else {
        Carry::Out(Why::SelectionNotes)
    }
}

impl Carried for Reference {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        selection_note(r, self.candidate_id)
    }
}

impl Carried for Scorecard {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        selection_note(r, self.candidate_id)
    }
}

impl Carried for Activity {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        if !self.candidates().any(|c| r.ours(c)) {
            return Carry::Out(Why::Elsewhere);
        }
        if self.candidates().all(|c| r.ours(c)) {
            return Carry::Whole;
        }
        // A group session, in a file that covers only some of its candidates: it goes filed
        // under one of them. The others stay in its group as bare ids (a file may name group
        // members it leaves out), so an edit merged back keeps everyone taking part; their
        // names stay out with their candidacies.
        let Some(first) = self.candidates().find(|c| r.ours(*c)) else {
            return Carry::Out(Why::Elsewhere);
        };
        let mut a = self.clone();
        a.group = self.candidates().filter(|c| *c != first).collect();
        a.candidate_id = first;
        if a == *self {
            Carry::Whole
        } else {
            Carry::Trimmed(a, Why::GroupOthers)
        }
    }
}

impl Carried for MicroAssignment {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        scoped_to(r, self.candidate_id)
    }
}

impl Carried for OneOnOne {
    fn left_name(&self, ws: &Workspace) -> Option<String> {
        self.author_id.map(|p| ws.person_name(p).to_string())
    }
    fn carry(&self, r: &Reader) -> Carry<Self> {
        if !r.ours(self.candidate_id) {
            return Carry::Out(Why::Elsewhere);
        }
        if self.notes.trim().is_empty() || r.private_goes(self.author_id) {
            return Carry::Whole;
        }
        let mut o = self.clone();
        o.notes.clear();
        Carry::Trimmed(o, Why::OneOnOneNotes)
    }
}

/// A journal entry's author: its `author_id`, else the candidate.
pub fn journal_author(ws: &Workspace, j: &JournalEntry) -> Option<Id> {
    j.author_id
        .or_else(|| ws.candidate(j.candidate_id).map(|k| k.person_id))
}

impl Carried for JournalEntry {
    fn left_name(&self, ws: &Workspace) -> Option<String> {
        journal_author(ws, self).map(|p| ws.person_name(p).to_string())
    }
    fn carry(&self, r: &Reader) -> Carry<Self> {
        if !r.ours(self.candidate_id) {
            return Carry::Out(Why::Elsewhere);
        }
        let goes = match self.visibility {
            Visibility::Private => r.private_goes(journal_author(r.ws, self)),
            Visibility::Coach => !matches!(r.audience, Audience::Sponsor(_)),
            Visibility::Sponsor => true,
        };
        match (goes, self.visibility) {
            (true, _) => Carry::Whole,
            (false, Visibility::Private) => Carry::Out(Why::Private),
            (false, _) => Carry::Out(Why::CoachOnly),
        }
    }
}

impl Carried for Snippet {
    fn carry(&self, _r: &Reader) -> Carry<Self> {
        Carry::Whole
    }
}

impl Carried for CaseReview {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        if r.our_cohort(self.cohort_id) {
            Carry::Whole
        } else {
            Carry::Out(Why::Elsewhere)
        }
    }
}

/// A record about one person's own development (a retrospective, their level history, a
/// trial, their training ledger, track evidence): in a whole-workspace file, and in a scoped
/// file only when the person is one of the file's candidates. A sponsor's or candidate's file
/// never carries the coach's or anyone else's history.
fn persons_own<T>(r: &Reader, person_id: Id) -> Carry<T> {
    let theirs = r.applicant == Some(person_id)
        || r.ws
            .candidacies_of(person_id)
            .any(|k| r.candidates.contains(&k.id));
    if !r.audience.scoped() || theirs {
        Carry::Whole
    } else {
        Carry::Out(Why::OthersHistory)
    }
}

impl Carried for Retrospective {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        persons_own(r, self.person_id)
    }
}

impl Carried for LevelMove {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        persons_own(r, self.person_id)
    }
}

impl Carried for Trial {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        let whole = persons_own(r, self.person_id);
        if !matches!(whole, Carry::Whole) || !r.for_themselves() {
            return whole;
        }
        // The supporting manager writes candidly for the coach and sponsor: the person's own
        // file carries the checkpoints, delivery and feedback, not those notes.
        if self
            .checkpoints
            .iter()
            .all(|c| c.support_note.trim().is_empty())
        {
            return Carry::Whole;
        }
        let mut t = self.clone();
        for c in &mut t.checkpoints {
            c.support_note.clear();
        }
        Carry::Trimmed(t, Why::SupportNotes)
    }
}

impl Carried for TrainingEntry {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        persons_own(r, self.person_id)
    }
}

impl Carried for TrackEvidence {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        persons_own(r, self.person_id)
    }
}

impl Carried for PromotionCase {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        match r.audience {
            Audience::Backup | Audience::Everyone => Carry::Whole,
            Audience::Committee(id) if id == self.id => Carry::Whole,
            Audience::Applicant(id) if id == self.id => {
                if blank(&self.sponsor_lesson) && blank(&self.debrief.notes) {
                    return Carry::Whole;
                }
                let mut c = self.clone();
                c.sponsor_lesson.clear();
                c.debrief.notes.clear();
                Carry::Trimmed(c, Why::CaseNotes)
            }
            _ => Carry::Out(Why::OtherCases),
        }
    }
    fn left_name(&self, ws: &Workspace) -> Option<String> {
        Some(ws.person_name(self.person_id).to_string())
    }
}

/// A record that belongs to one promotion case: in a whole-workspace file, and in that case's
/// own files.
fn cases_own<T>(r: &Reader, case_id: Id) -> Carry<T> {
    match r.audience {
        Audience::Backup | Audience::Everyone => Carry::Whole,
        Audience::Applicant(id) | Audience::Committee(id) if id == case_id => Carry::Whole,
        _ => Carry::Out(Why::OtherCases),
    }
}

impl Carried for PromotionDocument {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        cases_own(r, self.case_id)
    }
}

impl Carried for Letter {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        // Confidential: the sponsor keeps them (a backup) and sends them to the committee.
        match r.audience {
            Audience::Backup => Carry::Whole,
            Audience::Committee(id) if id == self.case_id => Carry::Whole,
            Audience::Committee(_) => Carry::Out(Why::OtherCases),
            _ => Carry::Out(Why::Letters),
        }
    }
    fn left_name(&self, _ws: &Workspace) -> Option<String> {
        Some(self.writer.trim().to_string())
    }
}

impl Carried for DebriefRead {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        if r.audience == Audience::Backup {
            return Carry::Whole;
        }
        let ours = match r.audience {
            Audience::Everyone => true,
            Audience::Committee(id) => id == self.case_id,
            _ => false,
        };
        if !ours {
            return Carry::Out(Why::Reads);
        }
        // Blind until revealed: before that, only the maker's own read leaves (what a
        // committee member sends back to the chair).
        let revealed =
            crate::logic::promotion::case(r.ws, self.case_id).is_some_and(|c| c.debrief.revealed);
        // The sponsor's own read stays home until the reveal: the package goes out from them.
        let sponsors = crate::logic::promotion::case(r.ws, self.case_id)
            .is_some_and(|c| c.sponsor_id == Some(self.reader_id));
        if revealed || (Some(self.reader_id) == r.from && !sponsors) {
            Carry::Whole
        } else {
            Carry::Out(Why::Reads)
        }
    }
    fn left_name(&self, ws: &Workspace) -> Option<String> {
        Some(ws.person_name(self.reader_id).to_string())
    }
}

impl Carried for Framework {
    fn carry(&self, _r: &Reader) -> Carry<Self> {
        Carry::Whole
    }
}

impl Carried for Assessment {
    fn left_name(&self, ws: &Workspace) -> Option<String> {
        let who = ws.person_name(self.rater_id);
        Some(if self.role == RaterRole::SelfRating {
            format!("{who}'s self-assessment")
        } else {
            format!("{who}'s ratings")
        })
    }
    fn carry(&self, r: &Reader) -> Carry<Self> {
        if !r.ours(self.candidate_id) {
            return Carry::Out(Why::Elsewhere);
        }
        if r.audience == Audience::Backup {
            return Carry::Whole;
        }
        // The maker's own unrevealed ratings go to the coaches (who run calibration), never
        // to a sponsor: she sees nobody's levels before the reveal but her own.
        let makers = Some(self.rater_id) == r.from && !matches!(r.audience, Audience::Sponsor(_));
        let theirs = makers || Some(self.rater_id) == r.recipient;
        if let Some(c) = r.for_candidate() {
            // The candidate's own ratings only; the calibrated levels go with the sessions.
            let own = r.ws.candidate(c).map(|k| k.person_id) == Some(self.rater_id);
            return if own && self.role == RaterRole::SelfRating {
                Carry::Whole
            } else {
                Carry::Out(Why::OthersRatings)
            };
        }
        let coaches_own = matches!(r.audience, Audience::Coaches(_))
            && r.ws
                .cohort(r.cohort.unwrap_or_default())
                .is_some_and(|k| k.coach_ids.contains(&self.rater_id));
        if theirs
            || coaches_own
            || crate::logic::evaluation::calibration::revealed_by(r.ws, self).is_some()
        {
            Carry::Whole
        } else {
            Carry::Out(Why::Unrevealed)
        }
    }
}

impl Carried for Evidence {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        if !r.ours(self.candidate_id) {
            return Carry::Out(Why::Elsewhere);
        }
        let hidden = self.kind == EvidenceKind::Journal
            && self.source_id.is_some_and(|s| !r.journal.contains(&s));
        if hidden {
            Carry::Out(Why::HiddenEvidence)
        } else {
            Carry::Whole
        }
    }
}

impl Carried for Calibration {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        if !r.our_cohort(self.cohort_id) {
            return Carry::Out(Why::Elsewhere);
        }
        if r.for_candidate().is_none() {
            return Carry::Whole;
        }
        // The notes are about the whole cohort; the candidate gets their own levels.
        let mut c = self.clone();
        c.outcomes.retain(|o| r.ours(o.candidate_id));
        c.notes.clear();
        if c == *self {
            Carry::Whole
        } else {
            Carry::Trimmed(c, Why::CalibrationNotes)
        }
    }
}

impl Carried for FeedbackRound {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        if !r.ours(self.candidate_id) {
            Carry::Out(Why::Elsewhere)
        } else if r.audience == Audience::Backup {
            Carry::Whole
        } else {
            // A group under the anonymity threshold would be readable answer by answer.
            Carry::Out(Why::Responses)
        }
    }
}

impl Carried for HealthCheck {
    fn carry(&self, r: &Reader) -> Carry<Self> {
        if !r.ours(self.candidate_id) {
            return Carry::Out(Why::Elsewhere);
        }
        // The team's own words stay with the coaches: a comment can give its writer away to
        // the manager it is about. The counts and means go.
        let commented = self.tally.as_ref().is_some_and(|t| !t.comments.is_empty());
        if r.audience.for_coaches() || !commented {
            return Carry::Whole;
        }
        let mut h = self.clone();
        if let Some(t) = &mut h.tally {
            t.comments.clear();
        }
        Carry::Trimmed(h, Why::TeamComments)
    }
}

/// A file cut for its audience, and what it holds and leaves out, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub workspace: Workspace,
    /// A short name for the file ("mit-2026-q4", "priya-raman").
    pub name: String,
    /// What goes, by kind and count ("3 journal entries shared with the sponsor").
    pub goes: Vec<String>,
    /// What stays out, by kind and count, with names where useful.
    pub left_out: Vec<String>,
    /// How many of the maker's own private entries and 1:1 notes this file could carry if
    /// they ticked it.
    pub own_private: usize,
}

impl Shared {
    /// Ids of every record the file holds (to mark them as sent).
    pub fn record_ids(&self) -> HashSet<Id> {
        crate::logic::records::all_ids(&self.workspace)
            .into_iter()
            .collect()
    }
}

struct Cutter<'a> {
    reader: Reader<'a>,
    out: Workspace,
    /// (why, kind) → count and names.
    left: BTreeMap<(Why, RecordKind), (usize, BTreeSet<String>)>,
}

impl ListVisitor for Cutter<'_> {
    fn visit<T: Entry>(&mut self) {
        if T::KIND == RecordKind::Person {
            return;
        }
        let mut kept = Vec::new();
        for rec in T::list(self.reader.ws) {
            match rec.carry(&self.reader) {
                Carry::Whole => kept.push(rec.clone()),
                Carry::Trimmed(t, why) => {
                    self.note(why, T::KIND, rec.left_name(self.reader.ws));
                    kept.push(t);
                }
                Carry::Out(why) => self.note(why, T::KIND, rec.left_name(self.reader.ws)),
            }
        }
        if T::KIND == RecordKind::JournalEntry {
            self.reader.journal = kept
                .iter()
                .map(crate::logic::records::Registered::id)
                .collect();
        }
        *T::list_mut(&mut self.out) = kept;
    }
}

impl Cutter<'_> {
    fn note(&mut self, why: Why, kind: RecordKind, name: Option<String>) {
        let slot = self.left.entry((why, kind)).or_default();
        slot.0 += 1;
        slot.1.extend(name);
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A kind's name for a count of them ("3 journal entries").
pub fn kind_count(kind: RecordKind, n: usize) -> String {
    let one = kind.name();
    let many = match kind {
        RecordKind::Person => "people".to_string(),
        RecordKind::Candidate => "candidacies".to_string(),
        RecordKind::JournalEntry => "journal entries".to_string(),
        RecordKind::Activity => "activities".to_string(),
        RecordKind::Training => "training entries".to_string(),
        _ => format!("{one}s"),
    };
    let one = if kind == RecordKind::Candidate {
        "candidacy"
    } else {
        one
    };
    plural(n, one, &many)
}

fn names(set: &BTreeSet<String>) -> String {
    set.iter().cloned().collect::<Vec<_>>().join(", ")
}

fn left_lines(left: &BTreeMap<(Why, RecordKind), (usize, BTreeSet<String>)>) -> Vec<String> {
    let mut lines = Vec::new();
    let mut elsewhere: Vec<String> = Vec::new();
    let mut by_why: BTreeMap<Why, (usize, BTreeSet<String>, Vec<RecordKind>)> = BTreeMap::new();
    for ((why, kind), (n, who)) in left {
        if *why == Why::Elsewhere {
            let line = match kind {
                RecordKind::Person => plural(*n, "other person", "other people"),
                RecordKind::Cohort => plural(*n, "other cohort", "other cohorts"),
                RecordKind::Candidate => plural(*n, "other candidacy", "other candidacies"),
                k => kind_count(*k, *n),
            };
            elsewhere.push(line);
            continue;
        }
        let slot = by_why.entry(*why).or_default();
        slot.0 += n;
        slot.1.extend(who.iter().cloned());
        slot.2.push(*kind);
    }
    if !elsewhere.is_empty() {
        lines.push(format!(
            "about other cohorts and candidacies: {}",
            elsewhere.join(", ")
        ));
    }
    for (why, (n, who, kinds)) in by_why {
        let by = if who.is_empty() {
            String::new()
        } else {
            format!(" ({})", names(&who))
        };
        lines.push(match why {
            Why::Elsewhere => continue,
            Why::Private => format!(
                "{}{by}: private to their author",
                plural(n, "private journal entry", "private journal entries")
            ),
            Why::CoachOnly => plural(
                n,
                "journal entry shared with the coach only",
                "journal entries shared with the coach only",
            ),
            Why::OneOnOneNotes => format!(
                "the private notes{} of {} (the agenda, goal and follow-ups go)",
                if who.is_empty() { String::new() } else { format!(" by {}", names(&who)) },
                if n == 1 { "a 1:1".to_string() } else { format!("{n} 1:1s") }
            ),
            Why::SupportNotes => format!(
                "the supporting manager's notes at the checkpoints of {} (the checkpoints, delivery and feedback go)",
                plural(n, "trial", "trials")
            ),
            Why::OthersHistory => {
                let list: Vec<String> = kinds
                    .iter()
                    .map(|k| kind_count(*k, left.get(&(why, *k)).map_or(0, |s| s.0)))
                    .collect();
                format!(
                    "{} of people who are not this file's candidates (each person's own file carries theirs)",
                    list.join(", ")
                )
            }
            Why::SelectionNotes => {
                let list: Vec<String> = kinds
                    .iter()
                    .map(|k| kind_count(*k, left.get(&(why, *k)).map_or(0, |s| s.0)))
                    .collect();
                format!(
                    "{} (selection notes stay with the coaches)",
                    list.join(" and ")
                )
            }
            Why::Unrevealed => format!(
                "{}: {} until calibration reveals {}",
                names(&who),
                plural(n, "assessment", "assessments"),
                if n == 1 { "it" } else { "them" }
            ),
            Why::OthersRatings => format!(
                "{} by coaches, sponsors and peers (the calibrated levels go)",
                plural(n, "assessment", "assessments")
            ),
            Why::CandidacyNotes => {
                "the coach's notes on the candidacy (the decision's reason, the green flags, the manager's nomination rationale)".into()
            }
            Why::CalibrationNotes => {
                "the calibration sessions' notes and other candidates' levels".into()
            }
            Why::Responses => format!(
                "{} (the responses stay with the coach; share the one-page summary instead)",
                plural(n, "360 feedback round", "360 feedback rounds")
            ),
            Why::HiddenEvidence => plural(
                n,
                "evidence item from a journal entry not shared",
                "evidence items from journal entries not shared",
            ),
            Why::TeamComments => format!(
                "the team's comments in {} (the scores go)",
                plural(n, "team health check", "team health checks")
            ),
            Why::Letters => format!(
                "{}{by} (confidential: only the sponsor and the committee read them)",
                plural(n, "recommendation letter", "recommendation letters")
            ),
            Why::Reads => format!(
                "{}{by} (only the committee reads them, once the chair reveals them)",
                plural(n, "committee read", "committee reads")
            ),
            Why::OtherCases => {
                let list: Vec<String> = kinds
                    .iter()
                    .map(|k| kind_count(*k, left.get(&(why, *k)).map_or(0, |s| s.0)))
                    .collect();
                format!(
                    "{}{by} (each promotion case goes in its own files)",
                    list.join(", ")
                )
            }
            Why::CaseNotes => {
                "the sponsor's lesson and the committee's discussion notes".into()
            }
            Why::GroupOthers => format!(
                "who else takes part in {} (only their places, not their names)",
                plural(n, "group session", "group sessions")
            ),
        });
    }
    lines
}

fn goes_lines(ws: &Workspace) -> Vec<String> {
    let mut lines = Vec::new();
    let counts = crate::logic::records::counts(ws);
    for kind in RecordKind::ALL {
        let n = counts
            .iter()
            .find(|(k, _)| k == kind)
            .map_or(0, |(_, n)| *n);
        if n == 0 {
            continue;
        }
        if *kind == RecordKind::JournalEntry {
            for v in Visibility::ALL {
                let m = ws.journal.iter().filter(|j| j.visibility == *v).count();
                if m > 0 {
                    lines.push(match v {
                        Visibility::Private => {
                            plural(m, "private journal entry", "private journal entries")
                        }
                        Visibility::Coach => plural(
                            m,
                            "journal entry shared with the coach",
                            "journal entries shared with the coach",
                        ),
                        Visibility::Sponsor => plural(
                            m,
                            "journal entry shared with the sponsor",
                            "journal entries shared with the sponsor",
                        ),
                    });
                }
            }
            continue;
        }
        if *kind == RecordKind::OneOnOne {
            let noted = ws
                .one_on_ones
                .iter()
                .filter(|o| !o.notes.trim().is_empty())
                .count();
            if noted > 0 {
                lines.push(format!(
                    "{} ({noted} with their notes)",
                    kind_count(*kind, n)
                ));
                continue;
            }
        }
        lines.push(kind_count(*kind, n));
    }
    lines
}

/// Cuts the workspace for `audience`, made by `from` (this browser's person). `own_private`:
/// the maker ticked to include their own private entries and 1:1 notes. `None` when the
/// cohort or candidacy does not exist.
pub fn share(
    ws: &Workspace,
    audience: Audience,
    from: Option<Id>,
    own_private: bool,
) -> Option<Shared> {
    let mut applicant = None;
    let (cohort, candidates, recipient, name) = match audience {
        Audience::Backup | Audience::Everyone => (None, HashSet::new(), None, String::new()),
        Audience::Applicant(id) | Audience::Committee(id) => {
            let c = crate::logic::promotion::case(ws, id)?;
            applicant = Some(c.person_id);
            let who = ws.person_name(c.person_id);
            let name = match audience {
                Audience::Applicant(_) => format!("{who} promotion"),
                _ => format!("{who} promotion committee"),
            };
            (
                None,
                HashSet::new(),
                matches!(audience, Audience::Applicant(_)).then_some(c.person_id),
                name,
            )
        }
        Audience::Sponsor(id) | Audience::Coaches(id) => {
            let c = ws.cohort(id)?;
            let sponsor = match audience {
                Audience::Sponsor(_) => c.sponsor_id,
                _ => None,
            };
            (
                Some(id),
                ws.candidates_in(id).map(|k| k.id).collect(),
                sponsor,
                c.name.clone(),
            )
        }
        Audience::Candidate(id) => {
            let k = ws.candidate(id)?;
            (
                Some(k.cohort_id),
                HashSet::from([id]),
                Some(k.person_id),
                ws.person_name(k.person_id).to_string(),
            )
        }
    };
    let mut cutter = Cutter {
        reader: Reader {
            ws,
            audience,
            from,
            own_private,
            cohort,
            candidates,
            recipient,
            journal: HashSet::new(),
            applicant,
        },
        out: Workspace {
            organisation: ws.organisation.clone(),
            values: ws.values.clone(),
            // Ids only, no personal data: lets the recipient's merge drop what was deleted here.
            deleted: ws.deleted.clone(),
            ..Workspace::default()
        },
        left: BTreeMap::new(),
    };
    crate::logic::records::each_kind(&mut cutter);
    // People: everyone in a whole-workspace file; otherwise the cohort's sponsor and coaches,
    // the candidates, and whoever the records name, so the file reads with names.
    let out = &mut cutter.out;
    let people: Vec<Person> = if audience.scoped() {
        let named = named_people(out);
        ws.people
            .iter()
            .filter(|p| named.contains(&p.id))
            .cloned()
            .collect()
    } else {
        ws.people.clone()
    };
    let others = ws.people.len() - people.len();
    if others > 0 {
        cutter.left.insert(
            (Why::Elsewhere, RecordKind::Person),
            (others, BTreeSet::new()),
        );
    }
    cutter.out.people = people;
    let own_private = own_private_count(ws, &cutter.reader);
    let goes = goes_lines(&cutter.out);
    Some(Shared {
        workspace: cutter.out,
        name,
        goes,
        left_out: left_lines(&cutter.left),
        own_private,
    })
}

/// The people a scoped file's records name.
fn named_people(ws: &Workspace) -> HashSet<Id> {
    let mut named = HashSet::new();
    for c in &ws.cohorts {
        named.extend(c.sponsor_id);
        named.extend(c.coach_ids.iter().copied());
    }
    for k in &ws.candidates {
        named.insert(k.person_id);
        named.extend(k.nomination.as_ref().and_then(|n| n.by));
    }
    named.extend(ws.interviews.iter().map(|i| i.interviewer_id));
    named.extend(ws.activities.iter().flat_map(|a| a.with.iter().copied()));
    named.extend(ws.one_on_ones.iter().filter_map(|o| o.with_id));
    named.extend(ws.one_on_ones.iter().filter_map(|o| o.author_id));
    named.extend(ws.journal.iter().filter_map(|j| j.author_id));
    named.extend(ws.assessments.iter().map(|a| a.rater_id));
    named.extend(
        ws.calibrations
            .iter()
            .flat_map(|c| c.participants.iter().copied()),
    );
    named.extend(ws.retros.iter().map(|r| r.person_id));
    named.extend(ws.trials.iter().filter_map(|t| t.supporter_id));
    for c in &ws.promotions {
        named.insert(c.person_id);
        named.extend(c.sponsor_id);
        named.extend(c.debrief.participants.iter().copied());
        named.extend(c.steps.iter().filter_map(|s| s.by));
        named.extend(c.plan.iter().filter_map(|g| g.owner_id));
    }
    named.extend(ws.letters.iter().filter_map(|l| l.writer_id));
    named.extend(ws.debrief_reads.iter().map(|r| r.reader_id));
    named
}

/// How many private entries and 1:1 notes of the maker's own the file covers.
fn own_private_count(ws: &Workspace, r: &Reader) -> usize {
    let Some(me) = r.from else { return 0 };
    let entries = ws
        .journal
        .iter()
        .filter(|j| {
            r.ours(j.candidate_id)
                && j.visibility == Visibility::Private
                && journal_author(ws, j) == Some(me)
        })
        .count();
    let notes = ws
        .one_on_ones
        .iter()
        .filter(|o| r.ours(o.candidate_id) && o.author_id == Some(me) && !o.notes.trim().is_empty())
        .count();
    entries + notes
}
