import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyPayload, isFullPayload } from '../../../shared/domain/cscapi/apply.ts';
import { monthlyMeasures } from '../../../shared/domain/cscapi/measures.ts';
import { splitDocuments } from '../../../shared/domain/cscapi/reader.ts';
import { checkChild } from '../../../shared/domain/cscapi/schema.ts';
import { type CouncilState, serialiseState } from '../../../shared/domain/cscapi/state.ts';
import { asNdjson, generateCscapiStretch } from '../../../shared/domain/generate/cscapi.ts';
import { Random } from '../../../shared/domain/generate/random.ts';
import { independentMeasures } from './independent-measures.ts';

const key = randomBytes(32);
const la = '886';

function child(id: string, episodes: unknown[] = [], extra: Record<string, unknown> = {}) {
  return {
    la_child_id: id,
    child_details: {
      first_name: 'Zelmar',
      surname: 'Torvinrix',
      unique_pupil_number: 'A886123412001',
      date_of_birth: '2012-07-19',
      postcode: 'ME14 1XQ',
      sex: 'F',
    },
    social_care_episodes: episodes,
    ...extra,
  };
}

const episode = (id: string, fields: Record<string, unknown> = {}) => ({
  social_care_episode_id: id,
  referral_date: '2025-05-06',
  referral_source: '1A',
  referral_no_further_action_flag: false,
  ...fields,
});

async function apply(state: CouncilState, documents: unknown[], fileName = 'delta.ndjson') {
  return applyPayload(documents.map((document) => `${JSON.stringify(document)}\n`).join(''), state, {
    fileName,
    la,
    councilKey: key,
  });
}

describe('reading a payload', () => {
  it('finds the same children one a line and in one JSON array, however the text is cut', async () => {
    const documents = [child('1', [episode('e1')]), child('2'), child('3')];
    const cuts = async function* (text: string, size: number) {
      for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
    };
    const lines = [];
    for await (const piece of splitDocuments(cuts(asNdjson(documents), 7))) lines.push(piece);
    const array = [];
    for await (const piece of splitDocuments(cuts(JSON.stringify(documents, null, 2), 5))) array.push(piece);
    expect(lines.map((piece) => ('text' in piece ? JSON.parse(piece.text) : piece))).toEqual(documents);
    expect(array.map((piece) => ('text' in piece ? JSON.parse(piece.text) : piece))).toEqual(documents);
    expect(lines.map((piece) => piece.line)).toEqual([1, 2, 3]);
  });

  it('reports a broken line by its line and still reads the children after it', async () => {
    const state: CouncilState = new Map();
    const text = `${JSON.stringify(child('1'))}\n{"la_child_id": "2", "child_details": {\n${JSON.stringify(child('3'))}\n`;
    const outcome = await applyPayload(text, state, { fileName: 'delta.ndjson', la, councilKey: key });
    expect(outcome.documents).toBe(3);
    expect(outcome.applied).toBe(2);
    expect(state.size).toBe(2);
    expect(outcome.findings.listed).toMatchObject([
      { code: 'not-json', rowNumber: 2, record: 'Child at line 2' },
    ]);
  });

  it('locates a problem by keyed child and record path, never quoting the id or a personal value', async () => {
    const bad = child('SECRET-ID-42', [
      episode('e1', {
        section_47_assessments: [
          { section_47_assessment_id: 's1', start_date: '2025-05-07', icpc_date: '2025-02-30' },
        ],
      }),
      episode('e2', {
        child_protection_plans: [
          { child_protection_plan_id: 'p', start_date: '2025-06-01' },
          { child_protection_plan_id: 'p', start_date: '2025-07-01' },
        ],
      }),
    ]);
    (bad.child_details as Record<string, unknown>).date_of_birth = '19/07/2012';
    const state: CouncilState = new Map();
    const outcome = await apply(state, [bad]);
    const rows = outcome.findings.listed;
    expect(rows.map((row) => [row.code, row.field])).toEqual([
      ['date', 'child_details.date_of_birth'],
      ['date', 'social_care_episodes[0].section_47_assessments[0].icpc_date'],
      ['duplicate-id', 'social_care_episodes[1].child_protection_plans[1].child_protection_plan_id'],
    ]);
    expect(rows[0]!.value).toBe('');
    expect(rows[1]!.value).toBe('2025-02-30');
    expect(rows[0]!.record).toMatch(/^Child [0-9a-f]{12}$/);
    expect(JSON.stringify(rows)).not.toContain('SECRET-ID-42');
    expect(state.size).toBe(0);
  });

  it('checks codes against the DfE lists', () => {
    const problems = checkChild(
      child('1', [
        episode('e1', {
          referral_source: '99',
          child_looked_after_placements: [
            {
              child_looked_after_placement_id: 'l',
              start_date: '2025-05-01',
              start_reason: 'S',
              placement_type: 'ZZ',
            },
          ],
        }),
      ]),
    );
    expect(problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['code', 'social_care_episodes[0].referral_source'],
      ['code', 'social_care_episodes[0].child_looked_after_placements[0].placement_type'],
    ]);
  });
});

describe('what is kept', () => {
  it('keeps no name, UPN, postcode, full date of birth or id in clear', async () => {
    const state: CouncilState = new Map();
    await apply(state, [
      child('CHILD-77', [
        episode('EP-9', {
          care_worker_details: [{ worker_id: 'WORKER-5', start_date: '2025-05-06' }],
          child_looked_after_placements: [
            {
              child_looked_after_placement_id: 'L1',
              start_date: '2025-05-06',
              start_reason: 'S',
              postcode: 'ME14 1XQ',
            },
          ],
        }),
      ]),
    ]);
    const kept = serialiseState(state).join('\n');
    for (const personal of [
      'Zelmar',
      'Torvinrix',
      'A886123412001',
      'ME14',
      '2012-07-19',
      'CHILD-77',
      'EP-9',
      'WORKER-5',
      'L1"',
    ])
      expect(kept).not.toContain(personal);
    expect(kept).toContain('"birthMonth":"2012-07"');
  });

  it('keeps an end date in the month of the 18th birthday as that month’s last day', async () => {
    const state: CouncilState = new Map();
    await apply(state, [
      child('1', [
        episode('e1', {
          child_looked_after_placements: [
            {
              child_looked_after_placement_id: 'l',
              start_date: '2025-05-06',
              start_reason: 'S',
              end_date: '2030-07-19',
              end_reason: 'E8',
            },
          ],
        }),
      ]),
    ]);
    const placement = Object.values(Object.values([...state.values()][0]!.episodes)[0]!.placements)[0]!;
    expect(new Date(placement.end! * 86_400_000).toISOString().slice(0, 10)).toBe('2030-07-31');
  });
});

describe('applying payloads to the state', () => {
  const plan = (id: string, start: string, extra: Record<string, unknown> = {}) => ({
    child_protection_plan_id: id,
    start_date: start,
    ...extra,
  });

  it('honours purges at every level, and a payload sent twice changes nothing', async () => {
    const state: CouncilState = new Map();
    await apply(state, [
      child('1', [
        episode('e1', { child_protection_plans: [plan('p1', '2025-05-10'), plan('p2', '2025-06-10')] }),
        episode('e2'),
      ]),
      child('2', [episode('e3')]),
    ]);
    const delta = [
      {
        la_child_id: '1',
        social_care_episodes: [
          {
            social_care_episode_id: 'e1',
            child_protection_plans: [{ child_protection_plan_id: 'p1', purge: true }],
          },
          { social_care_episode_id: 'e2', purge: true },
        ],
      },
      { la_child_id: '2', purge: true },
    ];
    await apply(state, delta);
    const once = serialiseState(state);
    await apply(state, delta);
    expect(serialiseState(state)).toEqual(once);
    expect(state.size).toBe(1);
    const [only] = [...state.values()];
    expect(Object.keys(only!.episodes)).toHaveLength(1);
    const kept = Object.values(only!.episodes)[0]!;
    expect(Object.keys(kept.cpPlans)).toHaveLength(1);
    // The episode's own fields were not sent in the delta: they are as they were.
    expect(kept.referral).not.toBeNull();
    const may = monthlyMeasures(state.values(), 2026, '2025-06');
    expect(may.map((month) => month.figures.cp_plans_started)).toEqual([0, 0, 1]);
  });

  it('a full payload removes the children it does not carry, but keeps one it could not read', async () => {
    const state: CouncilState = new Map();
    await apply(state, [child('1'), child('2'), child('3')]);
    const unreadable = { ...child('3'), child_details: { date_of_birth: 'soon' } };
    const outcome = await apply(state, [child('1'), unreadable], 'cscapi_886_full_2025-06-01.ndjson');
    expect(state.size).toBe(2);
    expect(outcome.removed).toBe(1);
    expect(isFullPayload('cscapi_886_delta_2025-06-02.json')).toBe(false);
  });
});

describe('monthly measures', () => {
  it('counts referrals, re-referrals, NFA and timeliness in working days', async () => {
    const state: CouncilState = new Map();
    await apply(state, [
      child('1', [
        episode('old', { referral_date: '2024-06-01', closure_date: '2024-08-01', closure_reason: 'RC8' }),
        episode('e1', {
          referral_date: '2025-05-06',
          child_and_family_assessments: [
            // 2025-05-06 to 2025-07-09: 45 working days (the late May bank holiday excluded): on time.
            {
              child_and_family_assessment_id: 'a1',
              start_date: '2025-05-06',
              authorisation_date: '2025-07-09',
            },
            {
              child_and_family_assessment_id: 'a2',
              start_date: '2025-05-06',
              authorisation_date: '2025-07-10',
            },
          ],
          section_47_assessments: [
            {
              section_47_assessment_id: 's1',
              start_date: '2025-05-06',
              icpc_required_flag: true,
              icpc_date: '2025-05-28',
            },
          ],
        }),
      ]),
      child('2', [
        episode('e2', {
          referral_date: '2025-05-20',
          referral_no_further_action_flag: true,
          closure_date: '2025-05-20',
          closure_reason: 'RC9',
        }),
      ]),
    ]);
    const [april, may, june, july] = monthlyMeasures(state.values(), 2026, '2025-07');
    expect(april!.figures.referrals).toBe(0);
    expect(may!.figures).toMatchObject({
      referrals: 2,
      re_referrals: 1,
      referrals_nfa: 1,
      section_47_started: 1,
      icpc_held: 1,
      icpc_within_15_days: 1,
      cin_open: 1,
    });
    expect(june!.figures.cin_open).toBe(1);
    expect(july!.figures).toMatchObject({ assessments_completed: 2, assessments_within_45_days: 1 });
  });

  it('equal the independent computation over a generated stretch of daily deltas', async () => {
    const stretch = generateCscapiStretch({
      la,
      collectionYear: 2026,
      random: new Random(11),
      days: 75,
      scale: 0.5,
    });
    const state: CouncilState = new Map();
    for (const day of stretch.days)
      await applyPayload(asNdjson(day.documents), state, {
        fileName: `cscapi_${la}_${day.kind}_${day.date}.ndjson`,
        la,
        councilKey: key,
      });
    const months = ['2025-04', '2025-05', '2025-06'];
    const ours = Object.fromEntries(
      monthlyMeasures(state.values(), 2026, '2025-06').map((m) => [m.month, m.figures]),
    );
    expect(ours).toEqual(independentMeasures(stretch.children, months));
    expect(ours['2025-05']!.referrals).toBeGreaterThan(20);
    expect(state.size).toBe(stretch.children.length);
  }, 60_000);

  it('the generator gives the same payloads for the same seed', () => {
    const make = () =>
      generateCscapiStretch({ la, collectionYear: 2026, random: new Random(3), days: 5, scale: 0.3 });
    expect(JSON.stringify(make().days)).toBe(JSON.stringify(make().days));
    const purges = make()
      .days.flatMap((day) => day.documents)
      .filter((doc) => JSON.stringify(doc).includes('"purge":true'));
    expect(purges.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('the documentation', () => {
  it('defines every measure in words, as the code does', async () => {
    const { readFileSync } = await import('node:fs');
    const { CSCAPI_MEASURES } = await import('../../../shared/domain/cscapi/measures.ts');
    const doc = readFileSync(new URL('../../../docs/cscapi.md', import.meta.url), 'utf8');
    for (const measure of CSCAPI_MEASURES)
      expect(doc).toContain(`| \`${measure.column}\` | ${measure.timing} | ${measure.description} |`);
  });
});

describe('the code lists', () => {
  it('are the SSDA903 return’s own lists for this year', async () => {
    const { CODE_LISTS } = await import('../../../shared/domain/cscapi/schema.ts');
    const { schemaForYear } = await import('../../../shared/domain/ssda903/schema.ts');
    const codes = (table: 'Episodes' | 'OC3', field: string) =>
      [...(schemaForYear(2026).tables.get(table)!.fields.get(field)!.codes ?? [])].sort();
    const ours = (list: (typeof CODE_LISTS)[keyof typeof CODE_LISTS]) =>
      list.kind === 'code' ? [...list.codes].sort() : [];
    expect(ours(CODE_LISTS.startReason)).toEqual(codes('Episodes', 'RNE'));
    expect(ours(CODE_LISTS.placementType)).toEqual(codes('Episodes', 'PLACE'));
    expect(ours(CODE_LISTS.endReason)).toEqual(codes('Episodes', 'REC'));
    expect(ours(CODE_LISTS.changeReason)).toEqual(codes('Episodes', 'REASON_PLACE_CHANGE'));
    expect(ours(CODE_LISTS.activity)).toEqual(codes('OC3', 'ACTIV'));
    expect(ours(CODE_LISTS.accommodation)).toEqual(codes('OC3', 'ACCOM'));
  });
});
