//! The built-in frameworks, in our own words, with fixed ids: the MiT readiness rubric, the
//! four parts of an engineering manager's job, the four-level leadership ladder and the M1–M3
//! management track. Names of domains and levels and the figures are facts from the program
//! literature; every descriptor is written for Runway.

use chrono::{DateTime, Utc};

use crate::model::{Descriptor, Domain, Framework, Id, Level, Timestamp};

/// A built-in id: the same in every copy of Runway.
const fn bid(n: u128) -> Id {
    Id::from_u128(0x7275_6e77_6179_0000_0000_0000_0000_0000 | n)
}

/// The Manager-in-Training readiness rubric.
pub const MIT_RUBRIC: Id = bid(0xf001);
/// The four parts of an engineering manager's job.
pub const EM_PARTS: Id = bid(0xf002);
/// The four-level leadership ladder.
pub const LEADERSHIP_LADDER: Id = bid(0xf003);
/// The M1–M3 management track.
pub const MANAGEMENT_TRACK: Id = bid(0xf004);

// The four parts of the job are the domains of both the parts framework and the track, so
// evidence tagged "People" counts for either.
const PEOPLE: Id = bid(0xd201);
const CULTURE: Id = bid(0xd202);
const DELIVERY: Id = bid(0xd203);
const TECHNOLOGY: Id = bid(0xd204);

type Cells = &'static [&'static str];

fn built(
    id: Id,
    name: &str,
    summary: &str,
    domains: &[(Id, &str, &str)],
    levels: &[(Id, &str, &str)],
    cells: &[Cells],
) -> Framework {
    let at: Timestamp = DateTime::<Utc>::from_timestamp(1_767_225_600, 0).unwrap_or_default();
    let mut descriptors = Vec::new();
    for (d, row) in domains.iter().zip(cells) {
        for (l, text) in levels.iter().zip(row.iter()) {
            descriptors.push(Descriptor {
                domain_id: d.0,
                level_id: l.0,
                text: (*text).into(),
            });
        }
    }
    Framework {
        id,
        name: name.into(),
        summary: summary.into(),
        domains: domains
            .iter()
            .map(|(id, name, summary)| Domain {
                id: *id,
                name: (*name).into(),
                summary: (*summary).into(),
                retired: false,
            })
            .collect(),
        levels: levels
            .iter()
            .map(|(id, name, guidance)| Level {
                id: *id,
                name: (*name).into(),
                guidance: (*guidance).into(),
                retired: false,
            })
            .collect(),
        descriptors,
        based_on: None,
        created_at: at,
        updated_at: at,
        merge_bases: Vec::new(),
    }
}

fn mit_rubric() -> Framework {
    built(
        MIT_RUBRIC,
        "MiT readiness rubric",
        "Five domains a new manager needs, each rated Developing, Competent or Ready. Every rating rests on dated evidence.",
        &[
            (bid(0xd101), "Communication", "Sets clear expectations, sums up decisions, fits the message to who is listening."),
            (bid(0xd102), "Coaching and feedback", "Notices skill gaps, gives feedback people can act on, and checks back."),
            (bid(0xd103), "Execution and prioritisation", "Makes trade-offs explicit, ties the team's goals to product outcomes, sees delivery risk early."),
            (bid(0xd104), "Team health and culture", "Sees early signs of burnout, builds trust, works through conflict."),
            (bid(0xd105), "Operational skills", "Runs rituals with a purpose, writes things down, escalates in time."),
        ],
        &[
            (bid(0x1101), "Developing", "Shows the basics with support; needs more practice and feedback."),
            (bid(0x1102), "Competent", "Does it reliably and unaided in ordinary situations."),
            (bid(0x1103), "Ready", "Does it under pressure and others notice; ready to carry it as a manager."),
        ],
        &[
            &[
                "Explains well one to one, but group discussions end without a clear outcome; every audience hears the same message.",
                "People leave their meetings knowing what was decided and who does what; the level of detail changes for engineers, product and leadership.",
                "Their summaries become the record others rely on; expectations are set before work starts and misunderstandings rarely need fixing later.",
            ],
            &[
                "Gives feedback when asked, mostly about the work rather than the person's growth, and seldom comes back to it.",
                "Gives specific, timely feedback without being asked and agrees a next step; can name a growth area for each person they support.",
                "People come to them for feedback; their coaching shows in others' progress, and they follow up until the change holds.",
            ],
            &[
                "Keeps their own work on track; trade-offs happen silently or are left to others.",
                "Says trade-offs out loud when priorities clash and links the team's plan to a product outcome; raises delivery risk when it shows.",
                "Runs the team's planning, says no with reasons stakeholders accept, and sees risk coming before it turns into a missed date.",
            ],
            &[
                "Well liked, but steps around tension; notices strain only once it is plain to see.",
                "Notices when someone is stretched and does something about it; takes disagreements on directly and fairly, with support nearby.",
                "People bring problems to them early; conflicts end in outcomes both sides accept, and trust in the team grows.",
            ],
            &[
                "Keeps the team's rituals as they are; documentation and escalation happen when someone reminds them.",
                "Gives each ritual a clear purpose and trims the ones that lost it; writes decisions down; escalates once a problem outgrows the team.",
                "The team's rhythm holds without them in the room; escalations come early, are well framed and surprise nobody.",
            ],
        ],
    )
}

fn em_parts() -> Framework {
    built(
        EM_PARTS,
        "Four parts of an EM's job",
        "People, Culture, Delivery and Technology: where an engineering manager's attention goes.",
        &[
            (PEOPLE, "People", "Retention, progression and psychological safety."),
            (CULTURE, "Culture", "Collaboration, process and learning."),
            (DELIVERY, "Delivery", "Speed, release quality and value."),
            (TECHNOLOGY, "Technology", "Reliability, performance and the roadmap."),
        ],
        &[
            (bid(0x1201), "Developing", "Knows what good looks like and is working towards it."),
            (bid(0x1202), "Competent", "Gets the results expected of a manager at this level."),
            (bid(0x1203), "Strong", "Gets results others learn from."),
        ],
        &[
            &[
                "Holds regular 1:1s and knows what each person wants from their career.",
                "Each person has a growth plan that moves; people speak up in the team without fear.",
                "People grow into bigger roles and stay; others want to join the team.",
            ],
            &[
                "Keeps the team's habits running and sees where collaboration breaks down.",
                "Shapes process to fit the team and makes learning from mistakes routine.",
                "Other teams borrow their team's ways of working; learning travels across teams.",
            ],
            &[
                "Knows the team's commitments and where each one stands.",
                "The team delivers predictably at steady quality and can say what value each release brought.",
                "Delivery stays predictable quarter after quarter and the team's work moves business outcomes.",
            ],
            &[
                "Understands the team's systems and where they are weak.",
                "Keeps reliability and performance healthy and weighs roadmap work against technical debt.",
                "Sets a technical direction others build on and heads off problems before they bite.",
            ],
        ],
    )
}

fn leadership_ladder() -> Framework {
    built(
        LEADERSHIP_LADDER,
        "Leadership ladder",
        "Four levels for managers after promotion, each with its own core competency, practice, assessment and training.",
        &[
            (bid(0xd301), "1:1s and feedback", "Listening, career conversations, feedback."),
            (bid(0xd302), "Conflict resolution", "Mediation and de-escalation."),
            (bid(0xd303), "Organisational design", "Team topology, roles, growth paths."),
            (bid(0xd304), "Cultural architecture", "Diagnosing culture, intervening, leading change."),
        ],
        &[
            (bid(0x1301), "Junior manager", "Core competency: effective 1:1s. Practice: role-play and peer shadowing. Assessed by: 360 from direct reports on listening and support. Training: 8 hours, then 2 hours of practice a week."),
            (bid(0x1302), "Mid-level manager", "Core competency: conflict resolution. Practice: conflict simulations and co-facilitation. Assessed by: psychological-safety scores and time to resolve conflicts. Training: 12 hours, then 4 hours a quarter."),
            (bid(0x1303), "Senior manager", "Core competency: organisational design. Practice: design workshops and systems exercises. Assessed by: retention, engagement and cross-team collaboration. Training: 16 hours, then a peer review every month."),
            (bid(0x1304), "Staff manager", "Core competency: cultural architecture. Practice: culture case studies and peer coaching. Assessed by: engagement across the organisation, bench strength and culture trends. Training: 20 hours, then a strategy session every quarter."),
        ],
        &[
            &[
                "Runs 1:1s that belong to the report: listens more than talks, covers career as well as work, gives feedback that lands.",
                "Uses 1:1s to catch friction between people early and to prepare hard conversations.",
                "Coaches other managers on their 1:1s and career conversations.",
                "Builds the organisation's habits for feedback and career conversations.",
            ],
            &[
                "Names tension in the team rather than waiting for it to pass; asks for help to mediate.",
                "Mediates disputes and calms heated moments; conflicts are settled sooner.",
                "Designs roles and interfaces between teams so fewer conflicts start.",
                "Reads patterns of conflict across the organisation as signs of its culture and works on the cause.",
            ],
            &[
                "Keeps who does what in the team clear.",
                "Adjusts roles as the work changes; people can see where they can grow.",
                "Shapes team boundaries, roles and growth paths across several teams; teams work together better.",
                "Designs the organisation for the strategy ahead and grows a bench of leaders to run it.",
            ],
            &[
                "Lives the behaviours the team says it values.",
                "Keeps psychological safety high while the team works through disagreement.",
                "Measures engagement across teams and acts where it drops.",
                "Diagnoses the organisation's culture, designs interventions and sees change through.",
            ],
        ],
    )
}

fn management_track() -> Framework {
    built(
        MANAGEMENT_TRACK,
        "Management track (M1–M3)",
        "Manager levels judged on outcomes, not tasks. Promotion asks for mastery of the current level, six to twelve months or more already working at the next, and room to grow further.",
        &[
            (PEOPLE, "People", "Retention, progression and psychological safety."),
            (CULTURE, "Culture", "Collaboration, process and learning."),
            (DELIVERY, "Delivery", "Speed, release quality and value."),
            (TECHNOLOGY, "Technology", "Reliability, performance and the roadmap."),
        ],
        &[
            (bid(0x1401), "M1 Engineering Manager", "Focus: learning the fundamentals. Core question: am I learning to be an effective manager? Typical team: 3–8 engineers."),
            (bid(0x1402), "M2 Senior Engineering Manager", "Focus: operating independently. Core question: am I effective without oversight? Typical team: 8–15 engineers, or several teams. Usually 3–5 years after reaching M1."),
            (bid(0x1403), "M3 Head of Engineering", "Focus: developing managers and shaping culture. Core question: am I developing excellent managers? Typical team: managers of teams. Usually 4–8 or more years after reaching M2."),
        ],
        &[
            &[
                "Every report has regular 1:1s, clear expectations and a growth plan; nobody is surprised at review time.",
                "Grows people into senior roles and takes performance problems to an outcome without help.",
                "Hires and grows managers who grow their own people; the bench is strong.",
            ],
            &[
                "The team has healthy rituals and people feel safe raising problems.",
                "Several teams share ways of working that suit them, and work well together.",
                "Sets the culture of an engineering group and changes it on purpose where it needs to.",
            ],
            &[
                "The team ships what it commits to at steady quality.",
                "Delivery across teams is predictable and tied to business outcomes, without oversight.",
                "The group's portfolio delivers value, and the managers under them own their delivery.",
            ],
            &[
                "The team's systems are reliable and its technical decisions are sound.",
                "Balances roadmap and technical health across teams; reliability holds as scope grows.",
                "Sets the group's technical direction with its senior engineers; the architecture serves the strategy.",
            ],
        ],
    )
}

/// The built-in frameworks, in the order the library shows them.
pub fn builtin() -> Vec<Framework> {
    vec![
        mit_rubric(),
        em_parts(),
        leadership_ladder(),
        management_track(),
    ]
}

pub fn is_builtin(id: Id) -> bool {
    [MIT_RUBRIC, EM_PARTS, LEADERSHIP_LADDER, MANAGEMENT_TRACK].contains(&id)
}
