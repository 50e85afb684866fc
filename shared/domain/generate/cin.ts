// Domain: a synthetic children in need census (CIN) XML file for a council and year. Referrals, assessments,
// section 47 enquiries, conferences and child protection plans are laid out so that the census's own
// indicators land on the council's published figures (targets.ts).

import { cinSchemaForYear } from '../cin/schema.ts';
import { addWorkingDays } from '../cin/working-days.ts';
import { type Day, dayFromParts, formatIsoDay } from '../dates.ts';
import { addYears, dayBetween, ethnicity, upn } from './people.ts';
import { chooseExactly, type Random } from './random.ts';
import type { GeneratedFile } from './ssda903.ts';
import type { Targets } from './targets.ts';

export interface CinOptions {
  readonly la: string;
  readonly year: number;
  readonly random: Random;
  readonly targets: Targets;
  readonly scale?: number;
}

interface Plan {
  start: Day;
  end: Day | null;
  category: string;
  previous: number;
  reviews: Day[];
}

interface Episode {
  referral: Day;
  source: string;
  need: string;
  closure: Day | null;
  closureReason: string;
  nfa: boolean;
  assessment: { start: Day; authorised: Day | null; factors: string[] } | null;
  cinPlan: { start: Day; end: Day | null } | null;
  s47: { start: Day; icpc: Day | null } | null;
  plan: Plan | null;
}

interface Child {
  id: string;
  sex: 'M' | 'F';
  dob: Day;
  upn: string;
  ethnic: string;
  disabilities: string[];
  episode: Episode;
}

const SOURCES = ['1A', '1B', '2A', '2B', '3A', '3B', '5A', '5B', '5C', '6', '7', '9'];
const FACTORS = ['1B', '2B', '3A', '3B', '4B', '5B', '6B', '7A', '8B', '9A', '10A', '22A'];
const DISABILITIES = ['MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS', 'BEH', 'CON', 'AUT'];
const CATEGORIES = ['NEG', 'NEG', 'EMO', 'EMO', 'PHY', 'SAB', 'MUL'];

class CinBuilder {
  readonly periodStart: Day;
  readonly periodEnd: Day;
  readonly children: Child[] = [];
  private nextId = 1;

  constructor(private readonly options: CinOptions) {
    this.periodStart = dayFromParts(options.year - 1, 4, 1)!;
    this.periodEnd = dayFromParts(options.year, 3, 31)!;
  }

  private get random(): Random {
    return this.options.random;
  }

  private readonly upns = new Set<string>();

  private uniqueUpn(): string {
    let value = upn(this.random, this.options.la);
    while (this.upns.has(value)) value = upn(this.random, this.options.la);
    this.upns.add(value);
    return value;
  }

  private child(referral: Day): Child {
    const age = this.random.int(0, 17);
    const dob = Math.min(referral - 1, addYears(referral, -age) - this.random.int(1, 360));
    const child: Child = {
      id: `${this.options.la}C${String(this.nextId++).padStart(6, '0')}`,
      sex: this.random.chance(0.52) ? 'M' : 'F',
      dob,
      upn: age >= 4 ? this.uniqueUpn() : '',
      ethnic: ethnicity(this.random),
      disabilities: this.random.chance(0.1)
        ? [...new Set([this.random.pick(DISABILITIES), this.random.pick(DISABILITIES)])]
        : ['NONE'],
      episode: {
        referral,
        source: this.random.pick(SOURCES),
        need: this.random.pick(['N1', 'N1', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N8', 'N9']),
        closure: null,
        closureReason: '',
        nfa: false,
        assessment: null,
        cinPlan: null,
        s47: null,
        plan: null,
      },
    };
    this.children.push(child);
    return child;
  }

  private count(indicator: string, fallbackRate: number): number {
    return Math.max(
      1,
      Math.round(this.options.targets.count(indicator, fallbackRate) * (this.options.scale ?? 1)),
    );
  }

  private assess(episode: Episode, timely: boolean, latest: Day): void {
    const start = Math.min(addWorkingDays(episode.referral, this.random.int(0, 3)), latest);
    const took = timely ? this.random.int(10, 45) : this.random.int(46, 75);
    let authorised = addWorkingDays(start, took);
    // An assessment running over 31 March that could have finished in the year is shown as finished (late).
    if (authorised > this.periodEnd && !timely && addWorkingDays(start, 46) <= this.periodEnd)
      authorised = addWorkingDays(start, 46);
    episode.assessment = {
      start,
      authorised: authorised <= this.periodEnd ? authorised : null,
      factors: [this.random.pick(FACTORS), this.random.pick(FACTORS)].filter(
        (f, i, all) => all.indexOf(f) === i,
      ),
    };
  }

  build(): void {
    const { targets } = this.options;
    const { periodStart, periodEnd } = this;
    const referrals = this.count('referral-rate', 550);
    const cinAtEnd = this.count('cin-rate', 330);
    const cpAtEnd = Math.min(cinAtEnd, this.count('cp-rate', 40));
    const s47 = this.count('section-47-rate', 180);
    const icpcs = Math.min(s47, this.count('icpc-rate', 65));

    // Referrals in the year: some with no further action, the rest assessed.
    const nfa = chooseExactly(this.random, referrals, targets.share('referrals-no-further-action', 6));
    const assessedChildren: Child[] = [];
    for (let index = 0; index < referrals; index += 1) {
      const child = this.child(dayBetween(this.random, periodStart, periodEnd - 1));
      if (nfa[index]) {
        child.episode.nfa = true;
        child.episode.closure = child.episode.referral;
        child.episode.closureReason = 'RC7';
        child.episode.need = 'N0';
      } else {
        assessedChildren.push(child);
      }
    }
    const timely = chooseExactly(
      this.random,
      assessedChildren.length,
      targets.share('assessment-timeliness', 82),
    );
    const notInNeed = chooseExactly(
      this.random,
      assessedChildren.length,
      targets.share('assessed-not-in-need', 30),
    );
    assessedChildren.forEach((child, index) => {
      this.assess(child.episode, timely[index]!, periodEnd);
    });

    // Section 47 enquiries after the assessment starts; conferences for some; plans from most conferences.
    const candidates = assessedChildren.filter(
      (child, index) => !notInNeed[index] && child.episode.referral < periodEnd - 40,
    );
    const enquired = candidates.slice(0, Math.min(s47, candidates.length));
    const icpcTimely = chooseExactly(this.random, icpcs, targets.share('icpc-timeliness', 78));
    const repeat = chooseExactly(this.random, icpcs, targets.share('repeat-cp-plans', 23));
    let conferences = 0;
    for (const child of enquired) {
      const episode = child.episode;
      const start = addWorkingDays(episode.assessment!.start, this.random.int(0, 3));
      episode.s47 = { start, icpc: null };
      if (conferences < icpcs) {
        const icpc = addWorkingDays(
          start,
          icpcTimely[conferences] ? this.random.int(5, 15) : this.random.int(16, 30),
        );
        if (icpc <= periodEnd) {
          episode.s47.icpc = icpc;
          episode.plan = {
            start: icpc,
            end: null,
            category: this.random.pick(CATEGORIES),
            previous: repeat[conferences] ? this.random.int(1, 2) : 0,
            reviews: [],
          };
        }
        conferences += 1;
      }
    }

    // Plans that started in the year and end before 31 March, so the number on a plan at 31 March is on target.
    const inYearPlans = this.children.filter((child) => child.episode.plan !== null);
    const fromEarlier = Math.max(0, Math.round(cpAtEnd * 0.45));
    const openInYear = Math.min(inYearPlans.length, Math.max(0, cpAtEnd - fromEarlier));
    inYearPlans.forEach((child, index) => {
      const plan = child.episode.plan!;
      if (index >= openInYear && plan.start + 90 < periodEnd - 1)
        plan.end = dayBetween(this.random, plan.start + 90, periodEnd - 1);
    });
    // Plans that started before the year and are still open: the long ones are two years old or more.
    const earlierOpen = cpAtEnd - inYearPlans.filter((child) => child.episode.plan!.end === null).length;
    const long = chooseExactly(this.random, Math.max(0, earlierOpen), targets.share('long-cp-plans', 3));
    for (let index = 0; index < earlierOpen; index += 1) {
      const planStart = addWorkingDays(
        long[index]
          ? dayBetween(this.random, periodEnd - 1000, periodEnd - 738)
          : dayBetween(this.random, periodEnd - 700, periodStart - 5),
        1,
      );
      // Referred, assessed and conferenced before the year: only the plan is in this census.
      const child = this.child(planStart - this.random.int(20, 60));
      child.episode.plan = {
        start: planStart,
        end: null,
        category: this.random.pick(CATEGORIES),
        previous: 0,
        reviews: [],
      };
    }

    // Conference reviews: first within 3 months, then every 6; a share of plans has one late.
    const reviewed = this.children.filter((child) => child.episode.plan !== null);
    const onTime = chooseExactly(this.random, reviewed.length, targets.share('cp-reviews-on-time', 92));
    reviewed.forEach((child, index) => {
      this.reviews(child.episode.plan!, onTime[index]!);
    });

    // Children in need at 31 March: the plans, and others with a CIN plan; the rest closed in the year.
    const cinOpen = new Set(
      this.children.filter((child) => child.episode.plan && child.episode.plan.end === null),
    );
    const others = assessedChildren.filter((child) => !cinOpen.has(child));
    const openOthers = Math.max(0, cinAtEnd - cinOpen.size);
    others.forEach((child, index) => {
      const episode = child.episode;
      const assessedNotInNeed = !episode.s47 && notInNeed[assessedChildren.indexOf(child)];
      if (index < openOthers && !assessedNotInNeed) {
        // Still in need at 31 March: a CIN plan from the assessment, or stepped down from a child protection plan.
        const start = episode.plan ? episode.plan.end : (episode.assessment?.authorised ?? null);
        if (start !== null) episode.cinPlan = { start, end: null };
        return;
      }
      // An enquiry stays with its assessment: an episode whose assessment is not finished stays open.
      if (episode.s47 && !episode.assessment?.authorised) return;
      const after = Math.max(
        episode.plan?.end ?? 0,
        episode.assessment?.authorised ?? 0,
        episode.referral + 1,
      );
      if (after >= periodEnd) {
        episode.assessment!.authorised ??= null;
        return;
      }
      const closure = dayBetween(this.random, after + 1, Math.min(periodEnd, after + 120));
      episode.closure = closure;
      if (!episode.assessment?.authorised) episode.assessment = null;
      episode.closureReason = assessedNotInNeed && episode.assessment ? 'RC8' : 'RC7';
      if (episode.plan && episode.plan.end === null) episode.plan.end = closure;
      if (!assessedNotInNeed && episode.assessment?.authorised && !episode.plan)
        episode.cinPlan = { start: episode.assessment.authorised, end: closure };
    });
    // Children in need from before the year still open: the count at 31 March is topped up to target.
    const open = this.children.filter((child) => child.episode.closure === null && !child.episode.nfa).length;
    for (let index = open; index < cinAtEnd; index += 1) {
      const child = this.child(dayBetween(this.random, periodStart - 700, periodStart - 60));
      // Assessed before the year: only the CIN plan is in this census.
      child.episode.cinPlan = {
        start: addWorkingDays(child.episode.referral, this.random.int(20, 45)),
        end: null,
      };
    }
    this.enoughDisabilityCodes();
  }

  /**
   * A return uses at least 8 different disability codes (NONE among them; query 2887Q). A small council's
   * children rarely do by chance, so children without a disability are given the codes not yet used, in turn.
   */
  private enoughDisabilityCodes(): void {
    const used = new Set(this.children.flatMap((child) => child.disabilities));
    const unused = DISABILITIES.filter((code) => !used.has(code));
    const withoutAny = this.children.filter((child) => child.disabilities[0] === 'NONE');
    while (used.size < 8 && unused.length > 0 && withoutAny.length > 1) {
      const code = unused.shift()!;
      withoutAny.pop()!.disabilities = [code];
      used.add(code);
    }
  }

  private reviews(plan: Plan, onTime: boolean): void {
    const last = Math.min(plan.end ?? this.periodEnd, this.periodEnd);
    let review = plan.start + this.random.int(60, 88);
    const late = onTime ? -1 : this.random.int(0, 3);
    let count = 0;
    while (review < last) {
      plan.reviews.push(review);
      review += count === late ? this.random.int(200, 230) : this.random.int(150, 178);
      count += 1;
    }
    if (!onTime && count <= late) plan.reviews.length = 0;
  }
}

function element(name: string, value: string | null, indent: string): string {
  return value === null || value === '' ? '' : `${indent}<${name}>${value}</${name}>\n`;
}

/** The census as one XML file. */
export function generateCin(options: CinOptions): GeneratedFile[] {
  const builder = new CinBuilder(options);
  builder.build();
  const schema = cinSchemaForYear(options.year);
  const modern = schema.sexElement === 'Sex';
  const yes = (value: boolean) => (modern ? (value ? '1' : '0') : value ? 'true' : 'false');
  const iso = (day: Day | null) => (day === null ? null : formatIsoDay(day));
  const censusEnd = dayFromParts(options.year, 3, 31) as Day;
  const lines: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Message>',
    '  <Header>',
    '    <CollectionDetails>',
    '      <Collection>CIN</Collection>',
    `      <Year>${options.year}</Year>`,
    `      <ReferenceDate>${options.year}-03-31</ReferenceDate>`,
    '    </CollectionDetails>',
    '    <Source>',
    '      <SourceLevel>L</SourceLevel>',
    `      <LEA>${options.la}</LEA>`,
    '      <SoftwareCode>Upstream generator</SoftwareCode>',
    '      <Release>1</Release>',
    '      <SerialNo>001</SerialNo>',
    `      <DateTime>${options.year}-05-01T09:00:00</DateTime>`,
    '    </Source>',
    '  </Header>',
    '  <Children>',
  ];
  const i4 = '        ';
  const i5 = '          ';
  const i6 = '            ';
  for (const child of builder.children) {
    const episode = child.episode;
    let xml = '    <Child>\n      <ChildIdentifiers>\n';
    xml += element('LAchildID', child.id, i4);
    // UN1 is for a child too young for school (under 6 at the end of the census year, rule 8770Q); an older
    // child without a UPN has never been to a school in England (UN2).
    const schoolAge = child.dob !== null && addYears(child.dob, 6) <= censusEnd;
    xml += child.upn ? element('UPN', child.upn, i4) : element('UPNunknown', schoolAge ? 'UN2' : 'UN1', i4);
    xml += element('PersonBirthDate', iso(child.dob), i4);
    xml += modern
      ? element('Sex', child.sex, i4)
      : element('GenderCurrent', child.sex === 'M' ? '1' : '2', i4);
    xml += '      </ChildIdentifiers>\n      <ChildCharacteristics>\n';
    xml += element('Ethnicity', child.ethnic, i4);
    xml += `${i4}<Disabilities>\n${child.disabilities.map((code) => element('Disability', code, i5)).join('')}${i4}</Disabilities>\n`;
    xml += '      </ChildCharacteristics>\n      <CINdetails>\n';
    xml += element('CINreferralDate', iso(episode.referral), i4);
    xml += element('ReferralSource', episode.source, i4);
    xml += element('PrimaryNeedCode', episode.need, i4);
    xml += element('CINclosureDate', iso(episode.closure), i4);
    xml += element('ReasonForClosure', episode.closureReason, i4);
    if (episode.assessment) {
      xml += `${i4}<Assessments>\n`;
      xml += element('AssessmentActualStartDate', iso(episode.assessment.start), i5);
      xml += element('AssessmentAuthorisationDate', iso(episode.assessment.authorised), i5);
      if (episode.assessment.authorised !== null) {
        xml += `${i5}<FactorsIdentifiedAtAssessment>\n`;
        for (const factor of episode.assessment.factors) xml += element('AssessmentFactors', factor, i6);
        xml += `${i5}</FactorsIdentifiedAtAssessment>\n`;
      }
      xml += `${i4}</Assessments>\n`;
    }
    if (episode.cinPlan) {
      xml += `${i4}<CINPlanDates>\n`;
      xml += element('CINPlanStartDate', iso(episode.cinPlan.start), i5);
      xml += element('CINPlanEndDate', iso(episode.cinPlan.end), i5);
      xml += `${i4}</CINPlanDates>\n`;
    }
    if (episode.s47) {
      xml += `${i4}<Section47>\n`;
      xml += element('S47ActualStartDate', iso(episode.s47.start), i5);
      xml += element('InitialCPCtarget', iso(addWorkingDays(episode.s47.start, 15)), i5);
      xml += element('DateOfInitialCPC', iso(episode.s47.icpc), i5);
      xml += element('ICPCnotRequired', yes(episode.s47.icpc === null), i5);
      xml += `${i4}</Section47>\n`;
    }
    xml += element('ReferralNFA', yes(episode.nfa), i4);
    if (episode.plan) {
      const plan = episode.plan;
      xml += `${i4}<ChildProtectionPlans>\n`;
      xml += element('CPPstartDate', iso(plan.start), i5);
      xml += element('CPPendDate', iso(plan.end), i5);
      xml += element('InitialCategoryOfAbuse', plan.category, i5);
      xml += element('LatestCategoryOfAbuse', plan.category, i5);
      xml += element('NumberOfPreviousCPP', String(plan.previous), i5);
      if (plan.reviews.length > 0) {
        xml += `${i5}<Reviews>\n`;
        for (const review of plan.reviews) xml += element('CPPreviewDate', iso(review), i6);
        xml += `${i5}</Reviews>\n`;
      }
      xml += `${i4}</ChildProtectionPlans>\n`;
    }
    xml += '      </CINdetails>\n    </Child>';
    lines.push(xml);
  }
  lines.push('  </Children>', '</Message>', '');
  return [{ name: `CIN_Census_${options.year}_${options.la}.xml`, content: lines.join('\n') }];
}
