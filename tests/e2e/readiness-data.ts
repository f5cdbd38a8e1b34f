// The workspace the readiness journeys import, built with every date relative to today.
// ---------------------------------------------------------------------------------------------
// A workspace built here, with every date relative to today, so the numbers the charts must
// show are known: Ana's calibrations move her from 0 to 1 to 2 domains at Ready.
// ---------------------------------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const T = '2026-01-01T00:00:00Z';

function daysFromToday(n: number): Date {
  const d = new Date();
  d.setHours(12, 0, 0, 0);
  d.setDate(d.getDate() + n);
  return d;
}
function iso(n: number): string {
  const d = daysFromToday(n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
/** A day as the app writes it ("2 Nov 2026"), `n` days from today. */
export function dayText(n: number): string {
  const d = daysFromToday(n);
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}
export function monthOf(n: number): string {
  const d = daysFromToday(n);
  return `${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const B = (n: number) => `72756e77-6179-0000-0000-${n.toString(16).padStart(12, '0')}`;
// The MiT rubric's built-in ids: five domains, three levels.
const DOM = [B(0xd101), B(0xd102), B(0xd103), B(0xd104), B(0xd105)];
export const DOMAIN_NAMES = ['Communication', 'Coaching and feedback', 'Execution and prioritisation', 'Team health and culture', 'Operational skills'];
const LVL = [B(0x1101), B(0x1102), B(0x1103)];
const MIT = B(0xf001);

export const ANA = id(0x20);
const BEN = id(0x21);
const COHORT = id(0x10);
const SIGNALS = [id(0x11), id(0x12), id(0x13), id(0x14)];

function person(n: number, name: string) {
  return { id: id(n), name, team: 'Platform', role_title: '', level: 'IC4', created_at: T, updated_at: T };
}

function evidence(n: number, cand: string, daysAgo: number, domains: number[]) {
  return {
    id: id(n), candidate_id: cand, kind: 'note', on: iso(-daysAgo), domain_ids: domains.map((d) => DOM[d]),
    note: 'Ran the planning session', created_at: T, updated_at: T,
  };
}

function calibration(n: number, daysAgo: number, outcomes: [string, number, number][]) {
  return {
    id: id(n), cohort_id: COHORT, framework_id: MIT, on: iso(-daysAgo), revealed: true, participants: [id(3)],
    outcomes: outcomes.map(([c, d, l]) => ({ candidate_id: c, domain_id: DOM[d], level_id: LVL[l], rationale: 'Agreed' })),
    created_at: T, updated_at: T,
  };
}

function health(n: number, daysAgo: number, scores: Record<string, number>) {
  return {
    id: id(n), candidate_id: ANA, on: iso(-daysAgo), team: 'Payments',
    scores: Object.entries(scores).map(([dimension, score]) => ({ dimension, score })),
    answered: 6, created_at: T, updated_at: T,
  };
}

export function workspace(withEvaluation: boolean) {
  const ws: Record<string, unknown> = {
    organisation: 'Readiness test',
    people: [person(1, 'Ana Lima'), person(2, 'Ben Okafor'), person(3, 'Cleo Marsh')],
    cohorts: [{
      id: COHORT, name: 'Winter intake', coach_ids: [id(3)],
      phases: [
        { kind: 'prepare', starts_on: iso(-150), ends_on: iso(-121) },
        { kind: 'shadow', starts_on: iso(-120), ends_on: iso(-91) },
        { kind: 'practice', starts_on: iso(-90), ends_on: iso(-31) },
        { kind: 'lead_with_support', starts_on: iso(-30), ends_on: iso(30) },
      ],
      success_signals: SIGNALS.map((s, i) => ({ id: s, text: `Signal ${i + 1}` })),
      created_at: T, updated_at: T,
    }],
    candidates: [
      {
        id: ANA, cohort_id: COHORT, person_id: id(1), status: 'in_program', protected_hours_per_week: 6.0,
        signals: [{ signal_id: SIGNALS[0], met_on: iso(-20) }, { signal_id: SIGNALS[2], met_on: iso(-10) }],
        created_at: T, updated_at: T,
      },
      { id: BEN, cohort_id: COHORT, person_id: id(2), status: 'in_program', protected_hours_per_week: 6.0, created_at: T, updated_at: T },
    ],
  };
  if (withEvaluation) {
    ws.evidence = [
      evidence(0x100, ANA, 80, [0]),
      evidence(0x101, ANA, 50, [0]),
      evidence(0x102, ANA, 45, [1]),
      evidence(0x103, BEN, 30, [3]),
    ];
    ws.calibrations = [
      calibration(0x200, 75, [[ANA, 0, 1], [ANA, 1, 0], [ANA, 2, 0]]),
      calibration(0x201, 40, [[ANA, 0, 2], [ANA, 1, 1]]),
      calibration(0x202, 5, [[ANA, 1, 2], [ANA, 3, 1], [ANA, 4, 1]]),
    ];
    ws.health_checks = [
      health(0x300, 40, { safety: 3, clarity: 4 }),
      health(0x301, 26, { safety: 4, clarity: 3 }),
      health(0x302, 12, { safety: 4, clarity: 2, workload: 3 }),
    ];
    ws.feedback_rounds = [{
      id: id(0x400), candidate_id: ANA, title: 'Autumn 360', opened_on: iso(-20),
      questions: [{ id: id(0x401), text: 'Listens before deciding' }, { id: id(0x402), text: 'Follows through' }],
      responses: [
        { id: id(0x410), group: 'direct_report', answers: [{ question_id: id(0x401), score: 4 }, { question_id: id(0x402), score: 3 }] },
        { id: id(0x411), group: 'direct_report', answers: [{ question_id: id(0x401), score: 5 }, { question_id: id(0x402), score: 4 }] },
      ],
      created_at: T, updated_at: T,
    }];
  }
  return JSON.stringify({ format: 'runway-workspace', schema_version: 4, app_version: '0.1.0', exported_at: '2026-01-01T00:00:00Z', workspace: ws });
}

