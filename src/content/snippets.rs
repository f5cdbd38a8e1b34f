//! The starter snippets every workspace has: short scripts for hard conversations and 1:1
//! agendas, written for Runway.

use crate::model::SnippetCategory;

/// A built-in snippet, written for Runway.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Starter {
    pub key: &'static str,
    pub title: &'static str,
    pub category: SnippetCategory,
    pub body: &'static str,
}

/// The starter library every workspace has. Copy one to make it the organisation's own.
pub const STARTER_SNIPPETS: &[Starter] = &[
    Starter {
        key: "feedback-hard",
        title: "Giving feedback someone won't like",
        category: SnippetCategory::Feedback,
        body: "Open: \"I'd like to talk about something I noticed, because I think it's holding you back.\"\n\
Describe one specific moment: what happened, when, who was affected. No labels, no \"always\".\n\
Say the effect: \"When the review waited three days, the release slipped and Sam had to redo the tests.\"\n\
Pause and ask: \"How did it look from where you were?\" Listen to the end.\n\
Agree one change and how you'll both know it worked.\n\
Close with when you'll check in, and mean it.",
    },
    Starter {
        key: "career",
        title: "Career conversation",
        category: SnippetCategory::Career,
        body: "Looking back: which work in the last year gave you energy, and which drained it?\n\
Looking ahead: what would you like to be known for in two years?\n\
Gaps: what skill or experience stands between you and that?\n\
Options: a stretch project, a rotation, a mentor, a course — which feels most real?\n\
Next step: one thing each of us does before we talk again.",
    },
    Starter {
        key: "conflict",
        title: "Mediating a disagreement between two people",
        category: SnippetCategory::Conflict,
        body: "Before: talk to each person alone; hear their version and what they need.\n\
Set the frame together: we're here to find a way to work, not to find who's right.\n\
Each person restates the other's view until the other agrees it's fair.\n\
Separate facts, interpretations and feelings; write the shared facts down.\n\
Agree on one or two concrete changes and a date to look back.\n\
Afterwards: note what was agreed and send it to both.",
    },
    Starter {
        key: "agenda-new",
        title: "1:1 agenda — a new report",
        category: SnippetCategory::Agenda,
        body: "How are the first weeks feeling, honestly?\n\
What has surprised you about the team or the work?\n\
Who have you met, and who should you meet next?\n\
What do you need from me to be effective sooner?\n\
How do you like to get feedback — in the moment, or saved for our 1:1?",
    },
    Starter {
        key: "agenda-struggling",
        title: "1:1 agenda — a report who is struggling",
        category: SnippetCategory::Agenda,
        body: "Check in on the person first, the work second.\n\
Name what you've seen, specifically and without judgement.\n\
Ask what's getting in the way: workload, clarity, skills, something outside work?\n\
Agree one small, concrete goal for the next two weeks.\n\
Say what support you'll give, and when you'll look at it together.",
    },
    Starter {
        key: "agenda-high",
        title: "1:1 agenda — a high performer",
        category: SnippetCategory::Agenda,
        body: "What are you proud of since we last spoke?\n\
Where do you feel under-used?\n\
What would a real stretch look like for you this quarter?\n\
Who could you help grow, and would you like to?\n\
Is anything making you think about leaving? (Ask it plainly.)",
    },
];
