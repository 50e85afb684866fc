// Domain: the published DfE files the national baseline is built from, and how they are attributed.

export const OGL_ATTRIBUTION =
  'Contains public sector information licensed under the Open Government Licence v3.0.';

export type PublishedFileId =
  | 'ees-b1'
  | 'ees-c1'
  | 'ees-d3'
  | 'ees-d5'
  | 'ees-cla-rates'
  | 'ees-placement-stability'
  | 'ees-sw-changes'
  | 'ees-care-leavers-accommodation'
  | 'ees-care-leavers-activity'
  | 'ees-csww'
  | 'lait';

export interface PublishedFile {
  readonly id: PublishedFileId;
  /** Path under `shared/reference/sources/`, where the repository keeps its extract of the file. */
  readonly path: string;
  readonly title: string;
  /** The DfE publication the figures come from. */
  readonly publication: string;
  readonly publisher: string;
  /** Where the copy we read was taken from (repository : path @ commit). */
  readonly obtainedFrom: string;
}

const CSC_OUTCOMES = 'dfe-analytical-services/CSC_outcomes_and_enablers : data-raw/ @ 2f5d11a4';
const CIN_PUBLICATION = 'DfE, Children in need (Explore education statistics)';
const CLA_PUBLICATION =
  'DfE, Children looked after in England including adoptions (Explore education statistics)';

export const PUBLISHED_FILES: Readonly<Record<PublishedFileId, PublishedFile>> = {
  'ees-b1': {
    id: 'ees-b1',
    path: 'ees/b1_children_in_need_2013_to_2025.csv',
    title: 'Children in need: episodes and children, 2013 to 2025',
    publication: CIN_PUBLICATION,
    publisher: 'Department for Education',
    obtainedFrom: CSC_OUTCOMES,
  },
  'ees-c1': {
    id: 'ees-c1',
    path: 'ees/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv',
    title: 'Referrals and re-referrals, 2013 to 2025',
    publication: CIN_PUBLICATION,
    publisher: 'Department for Education',
    obtainedFrom: CSC_OUTCOMES,
  },
  'ees-d3': {
    id: 'ees-d3',
    path: 'ees/d3_cpps_subsequent_plan_2013_to_2025.csv',
    title: 'Child protection plans which are a second or subsequent plan, 2013 to 2025',
    publication: CIN_PUBLICATION,
    publisher: 'Department for Education',
    obtainedFrom: CSC_OUTCOMES,
  },
  'ees-d5': {
    id: 'ees-d5',
    path: 'ees/d5_cpps_at31march_by_duration_2013_to_2025.csv',
    title: 'Child protection plans at 31 March by length of time, 2013 to 2025',
    publication: CIN_PUBLICATION,
    publisher: 'Department for Education',
    obtainedFrom: CSC_OUTCOMES,
  },
  'ees-cla-rates': {
    id: 'ees-cla-rates',
    path: 'ees/cla_number_and_rate_per_10k_children.csv',
    title: 'Children looked after, starting and ceasing: numbers and rates per 10,000 children, 2021 to 2025',
    publication: CLA_PUBLICATION,
    publisher: 'Department for Education',
    obtainedFrom: CSC_OUTCOMES,
  },
  'ees-placement-stability': {
    id: 'ees-placement-stability',
    path: 'ees/la_cla_placement_stability.csv',
    title: 'Placement stability of children looked after, 2021 to 2025',
    publication: CLA_PUBLICATION,
    publisher: 'Department for Education',
    obtainedFrom: CSC_OUTCOMES,
  },
  'ees-sw-changes': {
    id: 'ees-sw-changes',
    path: 'ees/la_cla_swcount.csv',
    title: 'Children looked after by number of social workers during the year, 2024',
    publication:
      'DfE, Stability measures for children looked after in England (Explore education statistics)',
    publisher: 'Department for Education',
    obtainedFrom: CSC_OUTCOMES,
  },
  'ees-care-leavers-accommodation': {
    id: 'ees-care-leavers-accommodation',
    path: 'ees/la_care_leavers_accommodation_suitability.csv',
    title: 'Care leavers by suitability of accommodation, 2021 to 2025',
    publication: CLA_PUBLICATION,
    publisher: 'Department for Education',
    obtainedFrom: CSC_OUTCOMES,
  },
  'ees-care-leavers-activity': {
    id: 'ees-care-leavers-activity',
    path: 'ees/la_care_leavers_activity.csv',
    title: 'Care leavers by activity (education, employment or training), 2021 to 2025',
    publication: CLA_PUBLICATION,
    publisher: 'Department for Education',
    obtainedFrom: CSC_OUTCOMES,
  },
  'ees-csww': {
    id: 'ees-csww',
    path: 'ees/csww_indicators_2017_to_2025.csv',
    title: "Children's social work workforce indicators at 30 September, 2017 to 2025",
    publication: "DfE, Children's social work workforce (Explore education statistics)",
    publisher: 'Department for Education',
    obtainedFrom: CSC_OUTCOMES,
  },
  lait: {
    id: 'lait',
    path: 'lait_csc_subset_long.csv',
    title: "Local Authority Interactive Tool benchmark dataset (children's social care and workforce subset)",
    publication: 'DfE, Local Authority Interactive Tool (LAIT)',
    publisher: 'Department for Education',
    obtainedFrom:
      'dfe-analytical-services/local-authority-interactive-tool : 01_data/02_prod/bds_long_0.parquet @ 2e30e395',
  },
};
