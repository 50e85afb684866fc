// Domain: SSDA903 rule sets per collection year, assembled as "previous year's rules + added/replaced − removed".
// Years are collection years as in model.ts (2026 = 1 April 2025 to 31 March 2026). The changes follow the
// catalogue's "last defined" column (lac2023_24 → 2024 … lac2026_27 → 2027) and the schema diffs for code lists.
import type { Rule } from '../model.ts';
import { rule101, rule101Until2024 } from './rule-101.ts';
import { rule102 } from './rule-102.ts';
import { rule103 } from './rule-103.ts';
import { rule104 } from './rule-104.ts';
import { rule105 } from './rule-105.ts';
import { rule112 } from './rule-112.ts';
import { rule113 } from './rule-113.ts';
import { rule114 } from './rule-114.ts';
import { rule115 } from './rule-115.ts';
import { rule116 } from './rule-116.ts';
import { rule117 } from './rule-117.ts';
import { rule118 } from './rule-118.ts';
import { rule119 } from './rule-119.ts';
import { rule120 } from './rule-120.ts';
import { rule131 } from './rule-131.ts';
import { rule132 } from './rule-132.ts';
import { rule133 } from './rule-133.ts';
import { rule134 } from './rule-134.ts';
import { rule141 } from './rule-141.ts';
import { rule142 } from './rule-142.ts';
import { rule143 } from './rule-143.ts';
import { rule144 } from './rule-144.ts';
import { rule145 } from './rule-145.ts';
import { rule146, rule146Until2024, rule146Until2025 } from './rule-146.ts';
import { rule147 } from './rule-147.ts';
import { rule148 } from './rule-148.ts';
import { rule149 } from './rule-149.ts';
import { rule151 } from './rule-151.ts';
import { rule153 } from './rule-153.ts';
import { rule157 } from './rule-157.ts';
import { rule158 } from './rule-158.ts';
import { rule159 } from './rule-159.ts';
import { rule165 } from './rule-165.ts';
import { rule166 } from './rule-166.ts';
import { rule167 } from './rule-167.ts';
import { rule168 } from './rule-168.ts';
import { rule171 } from './rule-171.ts';
import { rule174, rule174Until2024 } from './rule-174.ts';
import { rule175 } from './rule-175.ts';
import { rule176 } from './rule-176.ts';
import { rule177 } from './rule-177.ts';
import { rule178, rule178Until2025 } from './rule-178.ts';
import { rule180 } from './rule-180.ts';
import { rule181 } from './rule-181.ts';
import { rule182 } from './rule-182.ts';
import { rule184 } from './rule-184.ts';
import { rule185 } from './rule-185.ts';
import { rule186 } from './rule-186.ts';
import { rule187 } from './rule-187.ts';
import { rule188 } from './rule-188.ts';
import { rule189 } from './rule-189.ts';
import { rule190 } from './rule-190.ts';
import { rule191 } from './rule-191.ts';
import { rule192 } from './rule-192.ts';
import { rule193 } from './rule-193.ts';
import { rule196 } from './rule-196.ts';
import { rule197a } from './rule-197a.ts';
import { rule197B } from './rule-197B.ts';
import { rule198 } from './rule-198.ts';
import { rule199 } from './rule-199.ts';
import { rule202 } from './rule-202.ts';
import { rule203 } from './rule-203.ts';
import { rule204 } from './rule-204.ts';
import { rule205A } from './rule-205A.ts';
import { rule205B } from './rule-205B.ts';
import { rule205C } from './rule-205C.ts';
import { rule205D } from './rule-205D.ts';
import { rule207 } from './rule-207.ts';
import { rule208 } from './rule-208.ts';
import { rule209 } from './rule-209.ts';
import { rule210 } from './rule-210.ts';
import { rule213, rule213Until2025 } from './rule-213.ts';
import { rule214 } from './rule-214.ts';
import { rule215 } from './rule-215.ts';
import { rule217 } from './rule-217.ts';
import { rule222, rule222Until2025 } from './rule-222.ts';
import { rule225 } from './rule-225.ts';
import { rule226, rule226Until2025 } from './rule-226.ts';
import { rule231 } from './rule-231.ts';
import { rule232 } from './rule-232.ts';
import { rule233 } from './rule-233.ts';
import { rule234 } from './rule-234.ts';
import { rule301 } from './rule-301.ts';
import { rule302 } from './rule-302.ts';
import { rule303 } from './rule-303.ts';
import { rule304 } from './rule-304.ts';
import { rule331 } from './rule-331.ts';
import { rule333 } from './rule-333.ts';
import { rule334 } from './rule-334.ts';
import { rule335 } from './rule-335.ts';
import { rule336 } from './rule-336.ts';
import { rule344 } from './rule-344.ts';
import { rule345 } from './rule-345.ts';
import { rule347 } from './rule-347.ts';
import { rule348 } from './rule-348.ts';
import { rule351 } from './rule-351.ts';
import { rule352 } from './rule-352.ts';
import { rule353 } from './rule-353.ts';
import { rule354 } from './rule-354.ts';
import { rule355 } from './rule-355.ts';
import { rule356 } from './rule-356.ts';
import { rule357 } from './rule-357.ts';
import { rule358 } from './rule-358.ts';
import { rule359 } from './rule-359.ts';
import { rule361 } from './rule-361.ts';
import { rule362 } from './rule-362.ts';
import { rule363 } from './rule-363.ts';
import { rule364 } from './rule-364.ts';
import { rule365 } from './rule-365.ts';
import { rule366 } from './rule-366.ts';
import { rule367 } from './rule-367.ts';
import { rule371, rule371Until2024 } from './rule-371.ts';
import { rule372 } from './rule-372.ts';
import { rule373 } from './rule-373.ts';
import { rule374 } from './rule-374.ts';
import { rule375 } from './rule-375.ts';
import { rule376 } from './rule-376.ts';
import { rule377 } from './rule-377.ts';
import { rule378 } from './rule-378.ts';
import { rule379 } from './rule-379.ts';
import { rule380 } from './rule-380.ts';
import { rule381 } from './rule-381.ts';
import { rule382 } from './rule-382.ts';
import { rule383, rule383Until2025 } from './rule-383.ts';
import { rule384 } from './rule-384.ts';
import { rule385 } from './rule-385.ts';
import { rule386 } from './rule-386.ts';
import { rule387 } from './rule-387.ts';
import { rule388 } from './rule-388.ts';
import { rule389 } from './rule-389.ts';
import { rule390 } from './rule-390.ts';
import { rule391 } from './rule-391.ts';
import { rule392b } from './rule-392b.ts';
import { rule392c } from './rule-392c.ts';
import { rule392d } from './rule-392d.ts';
import { rule393, rule393Until2024 } from './rule-393.ts';
import { rule398 } from './rule-398.ts';
import { rule399 } from './rule-399.ts';
import { rule407 } from './rule-407.ts';
import { rule408 } from './rule-408.ts';
import { rule426 } from './rule-426.ts';
import { rule431 } from './rule-431.ts';
import { rule432 } from './rule-432.ts';
import { rule433 } from './rule-433.ts';
import { rule434 } from './rule-434.ts';
import { rule435 } from './rule-435.ts';
import { rule436 } from './rule-436.ts';
import { rule437 } from './rule-437.ts';
import { rule440 } from './rule-440.ts';
import { rule441 } from './rule-441.ts';
import { rule442 } from './rule-442.ts';
import { rule444 } from './rule-444.ts';
import { rule446 } from './rule-446.ts';
import { rule460 } from './rule-460.ts';
import { rule501 } from './rule-501.ts';
import { rule502 } from './rule-502.ts';
import { rule503A } from './rule-503A.ts';
import { rule503B } from './rule-503B.ts';
import { rule503C } from './rule-503C.ts';
import { rule503D, rule503DUntil2024, rule503DUntil2025 } from './rule-503D.ts';
import { rule503E } from './rule-503E.ts';
import { rule503F } from './rule-503F.ts';
import { rule504 } from './rule-504.ts';
import { rule511 } from './rule-511.ts';
import { rule514 } from './rule-514.ts';
import { rule516 } from './rule-516.ts';
import { rule517 } from './rule-517.ts';
import { rule518 } from './rule-518.ts';
import { rule519 } from './rule-519.ts';
import { rule520 } from './rule-520.ts';
import { rule521 } from './rule-521.ts';
import { rule522 } from './rule-522.ts';
import { rule523 } from './rule-523.ts';
import { rule524 } from './rule-524.ts';
import { rule525 } from './rule-525.ts';
import { rule526, rule526Until2025 } from './rule-526.ts';
import { rule527 } from './rule-527.ts';
import { rule528 } from './rule-528.ts';
import { rule529 } from './rule-529.ts';
import { rule530 } from './rule-530.ts';
import { rule531 } from './rule-531.ts';
import { rule542 } from './rule-542.ts';
import { rule543 } from './rule-543.ts';
import { rule544 } from './rule-544.ts';
import { rule545 } from './rule-545.ts';
import { rule546 } from './rule-546.ts';
import { rule547 } from './rule-547.ts';
import { rule550 } from './rule-550.ts';
import { rule551 } from './rule-551.ts';
import { rule552 } from './rule-552.ts';
import { rule553 } from './rule-553.ts';
import { rule554 } from './rule-554.ts';
import { rule557, rule557Until2024 } from './rule-557.ts';
import { rule558 } from './rule-558.ts';
import { rule559 } from './rule-559.ts';
import { rule560 } from './rule-560.ts';
import { rule561 } from './rule-561.ts';
import { rule562 } from './rule-562.ts';
import { rule563 } from './rule-563.ts';
import { rule564 } from './rule-564.ts';
import { rule565 } from './rule-565.ts';
import { rule566 } from './rule-566.ts';
import { rule567 } from './rule-567.ts';
import { rule570 } from './rule-570.ts';
import { rule571 } from './rule-571.ts';
import { rule574 } from './rule-574.ts';
import { rule575 } from './rule-575.ts';
import { rule576 } from './rule-576.ts';
import { rule577 } from './rule-577.ts';
import { rule578 } from './rule-578.ts';
import { rule579 } from './rule-579.ts';
import { rule580 } from './rule-580.ts';
import { rule581 } from './rule-581.ts';
import { rule582 } from './rule-582.ts';
import { rule583 } from './rule-583.ts';
import { rule584 } from './rule-584.ts';
import { rule586 } from './rule-586.ts';
import { rule601 } from './rule-601.ts';
import { rule602 } from './rule-602.ts';
import { rule607, rule607Until2024 } from './rule-607.ts';
import { rule611 } from './rule-611.ts';
import { rule612, rule612Until2024 } from './rule-612.ts';
import { rule620 } from './rule-620.ts';
import { rule621 } from './rule-621.ts';
import { rule624 } from './rule-624.ts';
import { rule625 } from './rule-625.ts';
import { rule626 } from './rule-626.ts';
import { rule628 } from './rule-628.ts';
import { rule630 } from './rule-630.ts';
import { rule631 } from './rule-631.ts';
import { rule632 } from './rule-632.ts';
import { rule633 } from './rule-633.ts';
import { rule634 } from './rule-634.ts';
import { rule635 } from './rule-635.ts';
import { rule700 } from './rule-700.ts';
import { rule701 } from './rule-701.ts';
import { rule702 } from './rule-702.ts';
import { rule703 } from './rule-703.ts';
import { rule704 } from './rule-704.ts';
import { rule705 } from './rule-705.ts';
import { rule706 } from './rule-706.ts';
import { rule707 } from './rule-707.ts';
import { rule708 } from './rule-708.ts';
import { rule709 } from './rule-709.ts';
import { rule710 } from './rule-710.ts';
import { rule1000 } from './rule-1000.ts';
import { rule1001 } from './rule-1001.ts';
import { rule1002 } from './rule-1002.ts';
import { rule1003 } from './rule-1003.ts';
import { rule1004 } from './rule-1004.ts';
import { rule1005 } from './rule-1005.ts';
import { rule1006 } from './rule-1006.ts';
import { rule1007 } from './rule-1007.ts';
import { rule1009 } from './rule-1009.ts';
import { rule1010 } from './rule-1010.ts';
import { rule1011 } from './rule-1011.ts';
import { rule1012 } from './rule-1012.ts';
import { rule1014 } from './rule-1014.ts';
import { rule1016 } from './rule-1016.ts';
import { rule3001 } from './rule-3001.ts';
import { ruleEPI } from './rule-EPI.ts';
import { ruleINT01 } from './rule-INT01.ts';
import { ruleINT02 } from './rule-INT02.ts';
import { ruleINT03 } from './rule-INT03.ts';
import { ruleINT04 } from './rule-INT04.ts';
import { ruleINT05 } from './rule-INT05.ts';
import { ruleINT06 } from './rule-INT06.ts';
import { ruleINT07 } from './rule-INT07.ts';
import { ruleINT08 } from './rule-INT08.ts';
import { ruleINT09 } from './rule-INT09.ts';
import { ruleINT11 } from './rule-INT11.ts';
import { ruleINT12 } from './rule-INT12.ts';
import { ruleINT13 } from './rule-INT13.ts';
import { ruleINT14 } from './rule-INT14.ts';
import { ruleINT15 } from './rule-INT15.ts';
import { ruleINT16 } from './rule-INT16.ts';
import { ruleINT17 } from './rule-INT17.ts';
import { ruleINT18 } from './rule-INT18.ts';
import { ruleINT21 } from './rule-INT21.ts';
import { ruleINT31 } from './rule-INT31.ts';
import { ruleINT32 } from './rule-INT32.ts';
import { ruleINT33 } from './rule-INT33.ts';
import { ruleINT34 } from './rule-INT34.ts';
import { ruleINT35 } from './rule-INT35.ts';
import { ruleINT36 } from './rule-INT36.ts';
import { ruleNoE } from './rule-NoE.ts';
import { ruleSW01aSTG1 } from './rule-SW01aSTG1.ts';
import { ruleSW01bSTG1 } from './rule-SW01bSTG1.ts';
import { ruleSW01STG1 } from './rule-SW01STG1.ts';
import { ruleSW02STG1 } from './rule-SW02STG1.ts';
import { ruleSW04STG1 } from './rule-SW04STG1.ts';
import { ruleSW05STG1 } from './rule-SW05STG1.ts';
import { ruleSW06STG2 } from './rule-SW06STG2.ts';
import { ruleSW07STG2, ruleSW07STG2Until2024 } from './rule-SW07STG2.ts';
import { ruleSW08STG2 } from './rule-SW08STG2.ts';
import { ruleSW09STG2 } from './rule-SW09STG2.ts';
import { ruleSW10STG2, ruleSW10STG2Until2024 } from './rule-SW10STG2.ts';
import { ruleSW11bSTG2 } from './rule-SW11bSTG2.ts';
import { ruleSW12STG2 } from './rule-SW12STG2.ts';
import { ruleSW13STG1, ruleSW13STG1Until2024 } from './rule-SW13STG1.ts';
import { ruleSW17STG2 } from './rule-SW17STG2.ts';

/** One collection year's changes to the previous year's rule set. */
export interface YearChange {
  readonly year: number;
  /** Rules new this year (their code must not already be in force). */
  readonly added?: readonly Rule[];
  /** New versions of rules already in force (matched by code). */
  readonly replaced?: readonly Rule[];
  /** Codes of rules withdrawn this year. */
  readonly removed?: readonly string[];
}

/** The first collection year with a known rule set (2022/23, the catalogue's oldest "last defined" year). */
export const FIRST_YEAR = 2023;

/** Rules in force in 2022/23, in their 2022/23 versions. */
export const BASE_RULES: readonly Rule[] = [
  rule1000,
  rule1003,
  rule1001,
  rule1002,
  rule1004,
  rule1005,
  rule1006,
  rule1007,
  rule1009,
  rule101Until2024,
  rule1011,
  rule1012,
  rule1014,
  rule1010,
  rule102,
  rule103,
  rule104,
  rule105,
  rule112,
  rule113,
  rule114,
  rule115,
  rule116,
  rule117,
  rule118,
  rule119,
  rule120,
  rule131,
  rule132,
  rule133,
  rule134,
  rule141,
  rule142,
  rule143,
  rule144,
  rule145,
  rule146Until2024,
  rule147,
  rule148,
  rule149,
  rule151,
  rule153,
  rule157,
  rule158,
  rule159,
  rule165,
  rule166,
  rule167,
  rule168,
  rule171,
  rule174Until2024,
  rule175,
  rule176,
  rule177,
  rule178Until2025,
  rule180,
  rule181,
  rule182,
  rule184,
  rule185,
  rule186,
  rule187,
  rule188,
  rule189,
  rule190,
  rule191,
  rule192,
  rule193,
  rule196,
  rule197B,
  rule197a,
  rule198,
  rule199,
  rule209,
  rule210,
  rule202,
  rule203,
  rule204,
  rule205A,
  rule205B,
  rule205C,
  rule205D,
  rule207,
  rule208,
  rule213Until2025,
  rule214,
  rule215,
  rule217,
  rule222Until2025,
  rule225,
  rule226Until2025,
  rule3001,
  rule301,
  rule302,
  rule303,
  rule304,
  rule331,
  rule333,
  rule334,
  rule335,
  rule336,
  rule344,
  rule345,
  rule351,
  rule352,
  rule353,
  rule354,
  rule355,
  rule356,
  rule357,
  rule358,
  rule359,
  rule361,
  rule362,
  rule363,
  rule364,
  rule365,
  rule366,
  rule367,
  rule371Until2024,
  rule372,
  rule373,
  rule374,
  rule375,
  rule376,
  rule377,
  rule378,
  rule379,
  rule380,
  rule381,
  rule382,
  rule383Until2025,
  rule384,
  rule385,
  rule386,
  rule387,
  rule388,
  rule389,
  rule390,
  rule391,
  rule392b,
  rule392c,
  rule392d,
  rule393Until2024,
  rule398,
  rule399,
  rule407,
  rule408,
  rule426,
  rule431,
  rule432,
  rule433,
  rule434,
  rule435,
  rule436,
  rule437,
  rule440,
  rule441,
  rule442,
  rule446,
  rule460,
  rule501,
  rule502,
  rule503A,
  rule503B,
  rule503C,
  rule503DUntil2024,
  rule503E,
  rule503F,
  rule504,
  rule511,
  rule514,
  rule516,
  rule517,
  rule518,
  rule519,
  rule520,
  rule521,
  rule522,
  rule523,
  rule524,
  rule525,
  rule526Until2025,
  rule527,
  rule528,
  rule529,
  rule530,
  rule531,
  rule542,
  rule543,
  rule544,
  rule545,
  rule546,
  rule547,
  rule550,
  rule551,
  rule552,
  rule553,
  rule554,
  rule557Until2024,
  rule558,
  rule563,
  rule559,
  rule560,
  rule561,
  rule562,
  rule564,
  rule565,
  rule566,
  rule567,
  rule570,
  rule571,
  rule574,
  rule575,
  rule576,
  rule577,
  rule578,
  rule579,
  rule580,
  rule581,
  rule582,
  rule583,
  rule584,
  rule586,
  rule601,
  rule602,
  rule607Until2024,
  rule611,
  rule612Until2024,
  rule620,
  rule621,
  rule624,
  rule625,
  rule626,
  rule628,
  rule630,
  rule631,
  rule632,
  rule633,
  rule634,
  rule635,
  ruleEPI,
  ruleINT01,
  ruleINT02,
  ruleINT03,
  ruleINT04,
  ruleINT05,
  ruleINT06,
  ruleINT07,
  ruleINT08,
  ruleINT09,
  ruleINT11,
  ruleINT12,
  ruleINT13,
  ruleINT14,
  ruleINT15,
  ruleINT16,
  ruleINT17,
  ruleINT18,
  ruleINT21,
  ruleINT31,
  ruleINT32,
  ruleINT33,
  ruleINT34,
  ruleINT35,
  ruleINT36,
  ruleNoE,
];

export const YEAR_CHANGES: readonly YearChange[] = [
  {
    // 2023/24: social worker episodes (SWEpisodes) collected for the first time.
    year: 2024,
    added: [
      rule347,
      rule1016,
      ruleSW01STG1,
      ruleSW02STG1,
      ruleSW04STG1,
      ruleSW05STG1,
      ruleSW06STG2,
      ruleSW07STG2Until2024,
      ruleSW08STG2,
      ruleSW09STG2,
      ruleSW10STG2Until2024,
      ruleSW11bSTG2,
      ruleSW13STG1Until2024,
    ],
  },
  {
    // 2024/25: SEX becomes M/F/U; PLACE gains K3 and loses H5 and P2; SW01STG1 split into SW01a/SW01b;
    // 557 no longer counts a freeing order (D1).
    year: 2025,
    added: [rule231, rule232, ruleSW01aSTG1, ruleSW01bSTG1, ruleSW12STG2],
    replaced: [
      rule101,
      rule146Until2025,
      rule393,
      rule174,
      rule557,
      rule607,
      rule612,
      rule371,
      rule503DUntil2025,
      ruleSW07STG2,
      ruleSW10STG2,
      ruleSW13STG1,
    ],
    removed: ['SW01STG1'],
  },
  {
    // 2025/26: PLACE gains Z11–Z14; placement provider, URN and reason-for-move rules updated; a UPN shared by two
    // children is reported (444).
    year: 2026,
    added: [rule233, rule234, rule348, rule444, ruleSW17STG2],
    replaced: [rule146, rule178, rule213, rule222, rule226, rule383, rule503D, rule526],
  },
  {
    // 2026/27: deprivation of liberty orders (DoLo table).
    year: 2027,
    added: [
      rule700,
      rule701,
      rule702,
      rule703,
      rule704,
      rule705,
      rule706,
      rule707,
      rule708,
      rule709,
      rule710,
    ],
  },
];

/** Applies one year's changes; refuses changes that do not fit (adding a code in force, replacing or removing
 * one that is not), so a mistake in YEAR_CHANGES fails loudly instead of silently dropping a rule. */
export function applyYearChange(previous: readonly Rule[], change: YearChange): Rule[] {
  const byCode = new Map(previous.map((rule) => [rule.code, rule]));
  for (const code of change.removed ?? []) {
    if (!byCode.delete(code)) throw new Error(`${change.year}: cannot remove ${code}, it is not in force`);
  }
  for (const rule of change.replaced ?? []) {
    if (!byCode.has(rule.code))
      throw new Error(`${change.year}: cannot replace ${rule.code}, it is not in force`);
    byCode.set(rule.code, rule);
  }
  for (const rule of change.added ?? []) {
    if (byCode.has(rule.code))
      throw new Error(`${change.year}: cannot add ${rule.code}, it is already in force`);
    byCode.set(rule.code, rule);
  }
  return [...byCode.values()];
}

/** Rule sets keyed by every year that has changes, starting with the base year. */
export function assembleRegistry(
  firstYear: number,
  base: readonly Rule[],
  changes: readonly YearChange[],
): ReadonlyMap<number, readonly Rule[]> {
  const codes = new Set<string>();
  for (const rule of base) {
    if (codes.has(rule.code)) throw new Error(`${firstYear}: ${rule.code} appears twice in the base set`);
    codes.add(rule.code);
  }
  const sets = new Map<number, readonly Rule[]>([[firstYear, base]]);
  let current = base;
  let lastYear = firstYear;
  for (const change of [...changes].sort((a, b) => a.year - b.year)) {
    if (change.year <= lastYear) throw new Error(`${change.year}: changes must follow ${lastYear}`);
    current = applyYearChange(current, change);
    sets.set(change.year, current);
    lastYear = change.year;
  }
  return sets;
}

const REGISTRY = assembleRegistry(FIRST_YEAR, BASE_RULES, YEAR_CHANGES);

/** Collection years with a rule set of their own, oldest first. */
export const KNOWN_YEARS: readonly number[] = [...REGISTRY.keys()].sort((a, b) => a - b);

/**
 * The rules in force for a collection year: the latest known year at or before it. Years before the first known
 * year get the first year's rules (the oldest definitions we have); later years get the newest set.
 */
export function rulesFor(collectionYear: number): readonly Rule[] {
  let chosen = KNOWN_YEARS[0] as number;
  for (const year of KNOWN_YEARS) if (year <= collectionYear) chosen = year;
  return REGISTRY.get(chosen) ?? [];
}
