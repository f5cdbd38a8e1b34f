//! The words a new cohort starts with: its success signals, the standard interview scenarios
//! and the default 360 questions. The coach edits each to fit.

use crate::model::{Id, Scenario};

/// The success signals a new cohort starts with; the coach edits them to fit.
pub const DEFAULT_SUCCESS_SIGNALS: [&str; 4] = [
    "Runs 1:1s that end with a coaching goal and an agreed next step",
    "Leads team planning and shapes priorities with product and engineering",
    "Settles at least two people or technical disagreements with the coach present, and writes up what happened and what they learned",
    "Ships a small change that moves a team metric or removes a developer-experience pain",
];

/// The three interview scenarios every cohort starts with. Their ids are the same in every
/// cohort (ids of scenarios only need to be unique within one cohort), so copies that add them
/// separately (a migration on two machines) still agree.
pub fn standard_scenarios() -> Vec<Scenario> {
    [
        (
            0x5ce0_0001,
            "A missed deadline",
            "The team will miss a date a stakeholder relies on. What do you do, and who hears what from you?",
        ),
        (
            0x5ce0_0002,
            "Tough feedback",
            "A teammate's work keeps causing rework for others. How do you raise it, and what happens next?",
        ),
        (
            0x5ce0_0003,
            "Competing requests",
            "Two stakeholders each want the team's next sprint. How do you decide, and how do you tell them?",
        ),
    ]
    .into_iter()
    .map(|(n, title, prompt)| Scenario {
        id: Id::from_u128(n),
        title: title.into(),
        prompt: prompt.into(),
    })
    .collect()
}

/// The questions a new round starts with (editable before it opens).
pub const DEFAULT_QUESTIONS: [&str; 5] = [
    "When I bring something up, they listen and I feel heard.",
    "I know what is expected of me and why it matters.",
    "They help me grow: useful feedback, stretch work, support when I need it.",
    "They do what they say they will do, and close the loop.",
    "They treat people fairly and make decisions in the open.",
];
