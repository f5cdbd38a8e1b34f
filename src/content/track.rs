//! The app's own words for the management track and the leadership ladder: each level's focus
//! and core question, and what the ladder asks of each level. Facts (level names, hours,
//! cadences) come from the program literature; the sentences are ours.

use crate::model::{LadderLevel, TrackLevel, TrainingKind};

/// A manager level's focus and the question to keep asking at it.
pub fn focus(level: TrackLevel) -> Option<(&'static str, &'static str)> {
    Some(match level {
        TrackLevel::M1 => (
            "Learning the fundamentals with a team of three to eight engineers.",
            "Am I learning to be an effective manager?",
        ),
        TrackLevel::M2 => (
            "Operating independently, with 8–15 engineers or several teams.",
            "Am I effective without oversight?",
        ),
        TrackLevel::M3 => (
            "Developing managers and shaping the culture of a group of teams.",
            "Am I developing excellent managers?",
        ),
        _ => return None,
    })
}

/// What a rung of the leadership ladder asks for.
pub struct Rung {
    pub competency: &'static str,
    pub practice: &'static str,
    pub assessed_by: &'static str,
    /// Training hours a year at this level.
    pub training_hours: f32,
    /// The practice the level keeps up, and how often.
    pub cadence: Cadence,
}

/// How often practice is expected.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cadence {
    /// Hours of practice each week.
    HoursWeekly(f32),
    /// Hours of practice each quarter.
    HoursQuarterly(f32),
    /// At least one entry of a kind within a number of days.
    Every(TrainingKind, i64),
}

impl Cadence {
    pub fn text(self) -> String {
        match self {
            Cadence::HoursWeekly(h) => format!("{h} h of practice a week"),
            Cadence::HoursQuarterly(h) => format!("{h} h of practice a quarter"),
            Cadence::Every(TrainingKind::PeerReview, _) => "a peer review every month".into(),
            Cadence::Every(TrainingKind::Strategy, _) => "a strategy session every quarter".into(),
            Cadence::Every(k, days) => format!("{} every {days} days", k.label().to_lowercase()),
        }
    }
}

pub fn rung(level: LadderLevel) -> Rung {
    match level {
        LadderLevel::Junior => Rung {
            competency: "Effective 1:1s: listening, career conversations, feedback that lands.",
            practice: "Role-play and shadowing a peer.",
            assessed_by: "A 360 from direct reports on listening and support.",
            training_hours: 8.0,
            cadence: Cadence::HoursWeekly(2.0),
        },
        LadderLevel::MidLevel => Rung {
            competency: "Resolving conflict: mediating and calming things down.",
            practice: "Conflict simulations and co-facilitating.",
            assessed_by: "Psychological-safety scores in team health checks, and how long conflicts take to settle.",
            training_hours: 12.0,
            cadence: Cadence::HoursQuarterly(4.0),
        },
        LadderLevel::Senior => Rung {
            competency: "Organisational design: team shapes, roles and growth paths.",
            practice: "Design workshops and systems exercises.",
            assessed_by: "Retention, engagement and how well teams work together.",
            training_hours: 16.0,
            cadence: Cadence::Every(TrainingKind::PeerReview, 31),
        },
        LadderLevel::Staff => Rung {
            competency: "Cultural architecture: reading a culture, intervening, seeing change through.",
            practice: "Culture case studies and peer coaching.",
            assessed_by: "Engagement across the organisation, bench strength and culture trends.",
            training_hours: 20.0,
            cadence: Cadence::Every(TrainingKind::Strategy, 92),
        },
    }
}
