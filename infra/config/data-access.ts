// Infra config: what each function may touch in the table and the buckets. One place to audit least
// privilege; UpstreamFunction's bind methods grant from these rows and refuse a function that has none.

/**
 * The partition keys each table adapter (shared/adapters/dynamo-*.ts) reads and writes, as IAM string
 * patterns for `dynamodb:LeadingKeys`, and whether it queries the gsi1 index.
 */
const TABLE_ADAPTERS = {
  'dynamo-aggregate-store': { leadingKeys: ['COUNCIL#*'], queriesIndex: false },
  'dynamo-alert-ledger': { leadingKeys: ['ALERT#*', 'DIGEST#HELD', 'COUNCIL#*'], queriesIndex: false },
  'dynamo-directory-store': { leadingKeys: ['DIRECTORY'], queriesIndex: false },
  'dynamo-indicator-store': { leadingKeys: ['COUNCIL#*', 'RECOMPUTE#*'], queriesIndex: true },
  'dynamo-intelligence-store': { leadingKeys: ['COUNCIL#*', 'OUTBOX#intelligence'], queriesIndex: true },
  'dynamo-machine-client-store': { leadingKeys: ['MACHINE_CLIENTS'], queriesIndex: false },
  'dynamo-risk-store': { leadingKeys: ['COUNCIL#*'], queriesIndex: false },
  'dynamo-submission-store': { leadingKeys: ['SUBMISSION#*', 'COUNCIL#*'], queriesIndex: true },
  'dynamo-subscription-store': {
    leadingKeys: ['DFE#SUBSCRIPTIONS', 'DFE#TOKEN#*', 'DFE#DELIVERY#*'],
    queriesIndex: false,
  },
  'dynamo-summary-store': { leadingKeys: ['DFE#SUMMARY', 'COUNCIL#*'], queriesIndex: false },
  'dynamo-web-session-store': { leadingKeys: ['WEB#SESSION#*', 'WEB#SIGNIN#*'], queriesIndex: false },
} as const satisfies Record<string, { leadingKeys: readonly string[]; queriesIndex: boolean }>;

export type TableAdapter = keyof typeof TABLE_ADAPTERS;

/** The table adapters each function's handler constructs (checked against its imports by an infra test). */
export const FUNCTION_TABLE_ADAPTERS: Readonly<Record<string, readonly TableAdapter[]>> = {
  'dfe-digest': [
    'dynamo-indicator-store',
    'dynamo-intelligence-store',
    'dynamo-risk-store',
    'dynamo-subscription-store',
    'dynamo-summary-store',
  ],
  'dfe-summary': [
    'dynamo-indicator-store',
    'dynamo-intelligence-store',
    'dynamo-subscription-store',
    'dynamo-summary-store',
  ],
  'directory-api': ['dynamo-directory-store'],
  'feeds-api': ['dynamo-subscription-store', 'dynamo-summary-store'],
  'indicators-api': ['dynamo-indicator-store'],
  'ingest-return': ['dynamo-aggregate-store', 'dynamo-submission-store'],
  'intelligence-api': ['dynamo-intelligence-store'],
  'machine-clients-api': ['dynamo-machine-client-store'],
  'machine-token': ['dynamo-machine-client-store'],
  notify: ['dynamo-alert-ledger', 'dynamo-directory-store', 'dynamo-intelligence-store'],
  recompute: [
    'dynamo-aggregate-store',
    'dynamo-indicator-store',
    'dynamo-intelligence-store',
    'dynamo-risk-store',
  ],
  'risk-api': ['dynamo-risk-store'],
  'submissions-api': ['dynamo-machine-client-store', 'dynamo-submission-store'],
  // Everything else the pages show comes through the API with the user's own token.
  web: ['dynamo-web-session-store'],
};

/** The leading-key patterns and index use of one function, from the adapters it constructs. */
export function tableAccessOf(
  functionName: string,
): { leadingKeys: string[]; queriesIndex: boolean } | undefined {
  const adapters = FUNCTION_TABLE_ADAPTERS[functionName];
  if (!adapters) return undefined;
  return {
    leadingKeys: [...new Set(adapters.flatMap((adapter) => TABLE_ADAPTERS[adapter].leadingKeys))].sort(),
    queriesIndex: adapters.some((adapter) => TABLE_ADAPTERS[adapter].queriesIndex),
  };
}

/** Object key prefixes (ending in `/`) a function may read and write in one bucket. */
export interface BucketPrefixes {
  readonly read?: readonly string[];
  readonly write?: readonly string[];
}

/**
 * Per function, per bucket environment variable. A bind's access (`read`, `write`, `readWrite`) chooses
 * which of the two lists are granted; nothing outside them ever is.
 */
export const FUNCTION_BUCKET_PREFIXES: Readonly<Record<string, Readonly<Record<string, BucketPrefixes>>>> = {
  // Reads the raw upload, writes its validation report; extracts are written under staging/ and moved to
  // curated/ in the data bucket when the return is accepted (last year's are read from curated/).
  'ingest-return': {
    UPLOADS_BUCKET: { read: ['uploads/'], write: ['reports/'] },
    DATA_BUCKET: { read: ['curated/', 'staging/'], write: ['curated/', 'staging/'] },
  },
  // Serves reports; signs the browser's PUT of a raw upload, which S3 checks against this role.
  'submissions-api': {
    UPLOADS_BUCKET: { read: ['reports/'], write: ['uploads/'] },
  },
};

/** The table's one global secondary index (the stateful stack creates it under this name). */
export const TABLE_INDEX = 'gsi1';

/** Item reads the adapters make; no Scan, which none of them uses. */
export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];

/** Item writes the adapters make (TransactWriteItems is authorised per item as one of these). */
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];
