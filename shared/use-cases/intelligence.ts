// Use case: regional advisers record, amend and withdraw soft intelligence about the councils of their
// own region. Every change is audited and queues a recompute of the council's risk rating.
//
// Narratives and sources stay with advisers (and administrators): councils and DfE are refused outright,
// and the recompute event names only the item and the kind of change.
//
// A change and its IntelligenceChanged event are stored together (the event as unsent); the event is then
// sent and marked sent. If sending fails the change still stands and the adviser is told; the unsent event
// is sent by a later write with the same deduplication id (`{itemId}#{version}`), so a change is never
// lost between the store and the queue, and a repeated send is dropped by the FIFO queue or the consumer.
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import {
  type IntelligenceChangedV1,
  type IntelligenceChangeKind,
  intelligenceChangedEventId,
  intelligenceChangedMessage,
} from '../../events/intelligence-changed.ts';
import { findCouncil, REGIONS } from '../domain/councils.ts';
import { parseIsoDate } from '../domain/dates.ts';
import {
  AMENDABLE_FIELDS,
  type AuditChange,
  type AuditEntry,
  addMonths,
  CATEGORY_LABELS,
  CONFIDENCES,
  countsOn,
  DEFAULT_EXPIRY_MONTHS,
  defaultExpiresOn,
  EARLIEST_OBSERVED_ON,
  expiryBasis,
  INTELLIGENCE_CATEGORIES,
  INTELLIGENCE_ITEM_ID,
  type IntelligenceItem,
  MAX_EXPIRY_MONTHS,
  NARRATIVE_MAX_CHARS,
  narrativeChange,
  REASON_MAX_CHARS,
  SEVERITIES,
  SOURCE_MAX_CHARS,
} from '../domain/intelligence.ts';
import type { Role } from '../domain/roles.ts';
import type { IntelligenceStore, PublishChange } from '../ports/intelligence.ts';
import { type Refusal, refuse, refuseInvalid } from './refusal.ts';

export interface Caller {
  readonly roles: readonly Role[];
  /** The signed-in person's stable id (the token's subject); it is what the audit trail records. */
  readonly subject: string;
}

export interface IntelligenceDeps {
  readonly store: IntelligenceStore;
  readonly publish: PublishChange;
  readonly now: Date;
  readonly newItemId?: (la: string, now: Date) => string;
}

export type Recompute = 'queued' | 'pending';

export type IntelligenceResult =
  | {
      readonly ok: true;
      readonly status: 200 | 201;
      readonly body: Record<string, unknown>;
      /** Set when a change was stored: whether its recompute was queued, and why not. */
      readonly recompute?: { readonly event: IntelligenceChangedV1; readonly sendError?: unknown };
    }
  | Refusal;

/** Events younger than this may still be on their way from the request that made them. */
const UNSENT_GRACE_MS = 60_000;
const UNSENT_BATCH = 25;

function newIntelligenceItemId(la: string, now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `INT-${la}-${day}-${randomBytes(5).toString('hex').toUpperCase()}`;
}

// ---------------------------------------------------------------------------------------------------
// Who may see and change intelligence

/** Advisers of the council's region, and administrators. Nobody else, whatever other roles they hold. */
export function canHandleIntelligence(roles: readonly Role[], la: string): boolean {
  const council = findCouncil(la);
  if (!council) return false;
  return roles.some(
    (role) => role.kind === 'admin' || (role.kind === 'adviser' && role.region === council.region),
  );
}

const isAdviserOrAdmin = (roles: readonly Role[]) =>
  roles.some((role) => role.kind === 'adviser' || role.kind === 'admin');

function roleRefusal(roles: readonly Role[]): IntelligenceResult | undefined {
  if (isAdviserOrAdmin(roles)) return undefined;
  if (roles.length === 0) {
    return refuse(
      403,
      'Your sign-in carries no Upstream role, so no soft intelligence can be shown. Soft intelligence is for ' +
        'regional advisers: ask your administrator to add you to your region’s adviser group.',
    );
  }
  if (roles.some((role) => role.kind === 'council')) {
    return refuse(
      403,
      'Soft intelligence is recorded and read by DfE’s regional advisers only; it is not shared with ' +
        'councils. Talk to your regional adviser about anything you would like them to know.',
    );
  }
  return refuse(
    403,
    'Soft intelligence is open to regional advisers and administrators only: its narratives never leave ' +
      'advisers’ scope. Ask the region’s adviser if you need to discuss a council.',
  );
}

function councilRefusal(roles: readonly Role[], la: string): IntelligenceResult | undefined {
  if (canHandleIntelligence(roles, la)) return undefined;
  const council = findCouncil(la)!;
  const own = roles.flatMap((role) => (role.kind === 'adviser' ? [REGIONS[role.region] ?? role.region] : []));
  return refuse(
    403,
    `${council.name} is in ${REGIONS[council.region] ?? council.region}; you advise ${own.join(' and ')}. ` +
      `Only ${REGIONS[council.region] ?? council.region}’s advisers can see or record its intelligence.`,
  );
}

function unknownCouncil(la: string): IntelligenceResult {
  return refuse(
    400,
    `There is no English council with number "${la}". Use the council’s DfE 3-digit number, e.g. "886" for Kent.`,
  );
}

// ---------------------------------------------------------------------------------------------------
// Validation: each message names the field and says what is allowed

const list = (values: readonly string[]) => values.join(', ');
const DATE_FORMAT = 'a date written yyyy-mm-dd, e.g. 2026-11-23';

function isoDate(field: string) {
  const message = `"${field}" must be ${DATE_FORMAT}.`;
  // abort: a date in the wrong form is only that; the checks on its value would compare text.
  return z
    .string({ error: message })
    .refine((text) => parseIsoDate(text) !== null, { error: message, abort: true });
}

function observedOn(today: string) {
  return isoDate('observedOn')
    .refine(
      (date) => date >= EARLIEST_OBSERVED_ON,
      `"observedOn" must be on or after ${EARLIEST_OBSERVED_ON}: older intelligence is not recorded.`,
    )
    .refine(
      (date) => date <= today,
      `"observedOn" cannot be in the future: it is the day the adviser learnt of it, ${today} at the latest.`,
    );
}

function boundedText(field: string, max: number, what: string) {
  const required = `"${field}" is required: ${what}, in at most ${max.toLocaleString('en-GB')} characters.`;
  return z
    .string({ error: required })
    .trim()
    .min(1, required)
    .superRefine((text, context) => {
      if (text.length > max)
        context.addIssue({
          code: 'custom',
          message: `"${field}" is ${text.length.toLocaleString('en-GB')} characters long; the limit is ${max.toLocaleString('en-GB')}. Shorten it.`,
        });
    });
}

const fields = (today: string) => ({
  category: z.enum(INTELLIGENCE_CATEGORIES, {
    error: `"category" must be one of: ${list(INTELLIGENCE_CATEGORIES)}.`,
  }),
  severity: z.enum(SEVERITIES, { error: `"severity" must be one of: ${list(SEVERITIES)}.` }),
  confidence: z.enum(CONFIDENCES, {
    error: `"confidence" must be one of: ${list(CONFIDENCES)} (how sure you are that it is true).`,
  }),
  source: boundedText(
    'source',
    SOURCE_MAX_CHARS,
    'say where this came from in a few words, e.g. "Call with the DCS"',
  ),
  observedOn: observedOn(today),
  narrative: boundedText('narrative', NARRATIVE_MAX_CHARS, 'say what was observed'),
});

const version = z
  .number({
    error:
      '"version" is required: send the version of the item you last read, so that a change someone else ' +
      'made meanwhile is not overwritten.',
  })
  .int('"version" must be a whole number.')
  .positive('"version" must be a whole number from 1.');

function unknownFields(keys: readonly string[], allowed: readonly string[], hints: Record<string, string>) {
  const hinted = keys.filter((key) => hints[key]);
  if (hinted.length > 0) return hinted.map((key) => hints[key]).join(' ');
  const named = keys.map((key) => `"${key}"`).join(', ');
  return `${named} ${keys.length === 1 ? 'is not a field' : 'are not fields'} you can send here. Send only: ${list(allowed)}.`;
}

const BODY_NOT_OBJECT = 'The request body must be a JSON object with the item’s fields.';

export function createIntelligenceSchema(today: string) {
  const shape = {
    la: z.string({ error: '"la" is required: the council’s DfE 3-digit number, e.g. "886" for Kent.' }),
    ...fields(today),
    /** The last day the item counts; the category's default when absent. */
    expiresOn: isoDate('expiresOn').optional(),
  };
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? unknownFields(issue.keys, Object.keys(shape), {
            status: 'A new item is always active; "status" cannot be sent.',
          })
        : BODY_NOT_OBJECT,
  });
}

const AMEND_HINTS = {
  la: 'The council of an item cannot be changed: withdraw this item and record it again for the right council.',
  status:
    'To withdraw an item, POST to /intelligence/{itemId}/withdraw with a "reason"; it cannot be reactivated.',
};

export function amendIntelligenceSchema(today: string) {
  const { category, severity, confidence, source, observedOn, narrative } = fields(today);
  const shape = {
    version,
    category: category.optional(),
    severity: severity.optional(),
    confidence: confidence.optional(),
    source: source.optional(),
    observedOn: observedOn.optional(),
    narrative: narrative.optional(),
    /** null puts the category's default back. */
    expiresOn: isoDate('expiresOn').nullable().optional(),
  };
  return z
    .strictObject(shape, {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? unknownFields(issue.keys, Object.keys(shape), AMEND_HINTS)
          : BODY_NOT_OBJECT,
    })
    .refine((body) => AMENDABLE_FIELDS.some((field) => body[field] !== undefined), {
      message: `Say what to change: any of ${list(AMENDABLE_FIELDS)}, with the "version" you last read.`,
    });
}

export function withdrawIntelligenceSchema() {
  const shape = {
    version,
    reason: boundedText(
      'reason',
      REASON_MAX_CHARS,
      'say why the item is withdrawn, e.g. "Recorded against the wrong council"',
    ),
  };
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? unknownFields(issue.keys, Object.keys(shape), {})
        : BODY_NOT_OBJECT,
  });
}

function invalid(error: z.ZodError): IntelligenceResult {
  // One sentence per problem, each once (a missing field can fail more than one check).
  return refuseInvalid(error.issues);
}

/** The checks that need the item's dates together. */
function expiryProblem(observed: string, expires: string, explicit: boolean): string | undefined {
  const latest = addMonths(observed, MAX_EXPIRY_MONTHS);
  const hint = explicit ? '' : ' Send an "expiresOn" too, or null for the category’s default.';
  if (expires <= observed) return `"expiresOn" (${expires}) must be after "observedOn" (${observed}).${hint}`;
  if (expires > latest)
    return (
      `"expiresOn" (${expires}) can be at most ${MAX_EXPIRY_MONTHS} months after "observedOn", ` +
      `i.e. ${latest} at the latest: record a new item when the intelligence is confirmed again.${hint}`
    );
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Views

function itemView(item: IntelligenceItem, today: string) {
  const council = findCouncil(item.la);
  return {
    itemId: item.itemId,
    la: item.la,
    council: council?.name ?? item.la,
    region: council?.region,
    category: item.category,
    categoryLabel: CATEGORY_LABELS[item.category],
    severity: item.severity,
    confidence: item.confidence,
    source: item.source,
    observedOn: item.observedOn,
    narrative: item.narrative,
    expiresOn: item.expiresOn,
    expiryDefaulted: item.expiryDefaulted,
    status: item.status,
    /** Whether the risk rating counts it today. */
    countsToday: countsOn(item, today),
    createdBy: item.createdBy,
    createdAt: item.createdAt,
    updatedBy: item.updatedBy,
    updatedAt: item.updatedAt,
    version: item.version,
    ...(item.withdrawal ? { withdrawal: item.withdrawal } : {}),
  };
}

const todayOf = (now: Date) => now.toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------------
// Storing a change and queueing its recompute

async function storeChange(
  kind: IntelligenceChangeKind,
  item: IntelligenceItem,
  changes: AuditChange[],
  deps: IntelligenceDeps,
  options: { expectedVersion?: number; reason?: string },
): Promise<{ saved: false } | { saved: true; event: IntelligenceChangedV1; sendError?: unknown }> {
  const at = deps.now.toISOString();
  const audit: AuditEntry = {
    itemId: item.itemId,
    version: item.version,
    action: kind,
    at,
    by: item.updatedBy,
    changes,
    ...(options.reason ? { reason: options.reason } : {}),
  };
  const event: IntelligenceChangedV1 = {
    type: 'IntelligenceChanged',
    version: 1,
    eventId: intelligenceChangedEventId(item.itemId, item.version),
    occurredAt: at,
    la: item.la,
    itemId: item.itemId,
    itemVersion: item.version,
    change: kind,
  };
  const outcome = await deps.store.saveChange({
    item,
    audit,
    event,
    ...(options.expectedVersion === undefined ? {} : { expectedVersion: options.expectedVersion }),
  });
  if (outcome === 'conflict') return { saved: false };
  try {
    await deps.publish(intelligenceChangedMessage(event));
  } catch (sendError) {
    return { saved: true, event, sendError };
  }
  // Not marking it sent only means one more send with the same deduplication id: harmless.
  await deps.store.markChangeSent(event).catch(() => undefined);
  await sendUnsentChanges(deps).catch(() => undefined);
  return { saved: true, event };
}

/**
 * Sends change events that were stored but not sent (the queue was unreachable), oldest first. Each write
 * calls it; it can also run on a schedule.
 */
export async function sendUnsentChanges(
  deps: Pick<IntelligenceDeps, 'store' | 'publish' | 'now'>,
): Promise<{ sent: number; failed: number }> {
  const cutoff = new Date(deps.now.getTime() - UNSENT_GRACE_MS).toISOString();
  const unsent = (await deps.store.unsentChanges(UNSENT_BATCH)).filter((event) => event.occurredAt < cutoff);
  let sent = 0;
  let failed = 0;
  for (const event of unsent) {
    try {
      await deps.publish(intelligenceChangedMessage(event));
      await deps.store.markChangeSent(event);
      sent += 1;
    } catch {
      failed += 1;
    }
  }
  return { sent, failed };
}

function written(
  status: 200 | 201,
  item: IntelligenceItem,
  stored: { event: IntelligenceChangedV1; sendError?: unknown },
  done: string,
  deps: IntelligenceDeps,
): IntelligenceResult {
  const council = findCouncil(item.la)?.name ?? item.la;
  const queued = stored.sendError === undefined;
  return {
    ok: true,
    status,
    body: {
      item: itemView(item, todayOf(deps.now)),
      recompute: queued ? 'queued' : 'pending',
      message: queued
        ? `${done} ${council}’s risk rating will be recomputed.`
        : `${done} The recompute of ${council}’s risk rating could not be queued yet; it is kept and will be queued automatically.`,
    },
    recompute: queued ? { event: stored.event } : { event: stored.event, sendError: stored.sendError },
  };
}

function conflict(current: IntelligenceItem, sent: number): IntelligenceResult {
  return refuse(
    409,
    `This item has changed since you read it: it is now version ${current.version} (you sent version ${sent}), ` +
      `last changed by ${current.updatedBy} at ${current.updatedAt}. Reload it, check that change, and make yours again.`,
  );
}

function withdrawnRefusal(item: IntelligenceItem): IntelligenceResult {
  return refuse(
    409,
    `This item was withdrawn on ${item.withdrawal?.at.slice(0, 10) ?? item.updatedAt.slice(0, 10)} ` +
      `(“${item.withdrawal?.reason ?? ''}”) and can no longer be changed. Record a new item instead.`,
  );
}

function noSuchItem(itemId: string): IntelligenceResult {
  return refuse(404, `There is no intelligence item with reference ${itemId}.`);
}

/** Another change was stored first (or the item went): what the caller is told instead of theirs. */
async function lostTo(itemId: string, sent: number, store: IntelligenceStore): Promise<IntelligenceResult> {
  const current = await store.getItem(itemId);
  return current ? conflict(current, sent) : noSuchItem(itemId);
}

type Loaded = { item: IntelligenceItem } | { refusal: IntelligenceResult };

async function loadForCaller(itemId: string, caller: Caller, store: IntelligenceStore): Promise<Loaded> {
  const notFound = { refusal: noSuchItem(itemId) };
  if (!INTELLIGENCE_ITEM_ID.test(itemId)) return notFound;
  const item = await store.getItem(itemId);
  if (!item) return notFound;
  const refusal = councilRefusal(caller.roles, item.la);
  return refusal ? { refusal } : { item };
}

// ---------------------------------------------------------------------------------------------------
// The operations

export async function createIntelligence(
  body: unknown,
  caller: Caller,
  deps: IntelligenceDeps,
): Promise<IntelligenceResult> {
  const roleProblem = roleRefusal(caller.roles);
  if (roleProblem) return roleProblem;
  const today = todayOf(deps.now);
  const parsed = createIntelligenceSchema(today).safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const request = parsed.data;
  if (!findCouncil(request.la)) return unknownCouncil(request.la);
  const councilProblem = councilRefusal(caller.roles, request.la);
  if (councilProblem) return councilProblem;

  const expiresOn = request.expiresOn ?? defaultExpiresOn(request.category, request.observedOn);
  const expiry = expiryProblem(request.observedOn, expiresOn, true);
  if (expiry) return refuse(400, expiry);

  const at = deps.now.toISOString();
  const item: IntelligenceItem = {
    itemId: (deps.newItemId ?? newIntelligenceItemId)(request.la, deps.now),
    la: request.la,
    category: request.category,
    severity: request.severity,
    confidence: request.confidence,
    source: request.source,
    observedOn: request.observedOn,
    narrative: request.narrative,
    expiresOn,
    expiryDefaulted: request.expiresOn === undefined,
    status: 'active',
    createdBy: caller.subject,
    createdAt: at,
    updatedBy: caller.subject,
    updatedAt: at,
    version: 1,
  };
  const changes: AuditChange[] = [
    ...AMENDABLE_FIELDS.map((field) =>
      field === 'narrative' ? narrativeChange(null, item.narrative) : { field, from: null, to: item[field] },
    ),
    { field: 'expiryBasis', from: null, to: expiryBasis(item.expiryDefaulted) },
  ];
  const stored = await storeChange('created', item, changes, deps, {});
  // A random id that is already taken is a fault, not something the adviser can act on.
  if (!stored.saved) throw new Error(`Intelligence item id ${item.itemId} already exists`);
  const note = request.expiresOn
    ? 'Recorded.'
    : `Recorded; it counts until ${expiresOn}, the default of ${DEFAULT_EXPIRY_MONTHS[item.category]} months for this category.`;
  return written(201, item, stored, note, deps);
}

export async function amendIntelligence(
  itemId: string,
  body: unknown,
  caller: Caller,
  deps: IntelligenceDeps,
): Promise<IntelligenceResult> {
  const roleProblem = roleRefusal(caller.roles);
  if (roleProblem) return roleProblem;
  const today = todayOf(deps.now);
  const parsed = amendIntelligenceSchema(today).safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const request = parsed.data;
  const loaded = await loadForCaller(itemId, caller, deps.store);
  if ('refusal' in loaded) return loaded.refusal;
  const { item } = loaded;
  if (item.status === 'withdrawn') return withdrawnRefusal(item);

  const category = request.category ?? item.category;
  const observed = request.observedOn ?? item.observedOn;
  let expiresOn = item.expiresOn;
  let expiryDefaulted = item.expiryDefaulted;
  if (request.expiresOn === null || (request.expiresOn === undefined && item.expiryDefaulted)) {
    // A default expiry follows the category and the date it is counted from.
    expiresOn = defaultExpiresOn(category, observed);
    expiryDefaulted = true;
  } else if (request.expiresOn !== undefined) {
    expiresOn = request.expiresOn;
    expiryDefaulted = false;
  }
  const next: IntelligenceItem = {
    ...item,
    category,
    severity: request.severity ?? item.severity,
    confidence: request.confidence ?? item.confidence,
    source: request.source ?? item.source,
    observedOn: observed,
    narrative: request.narrative ?? item.narrative,
    expiresOn,
    expiryDefaulted,
  };
  const changes: AuditChange[] = AMENDABLE_FIELDS.flatMap((field): AuditChange[] => {
    if (next[field] === item[field]) return [];
    return field === 'narrative'
      ? [narrativeChange(item.narrative, next.narrative)]
      : [{ field, from: item[field], to: next[field] }];
  });
  if (expiryDefaulted !== item.expiryDefaulted)
    changes.push({
      field: 'expiryBasis',
      from: expiryBasis(item.expiryDefaulted),
      to: expiryBasis(expiryDefaulted),
    });
  // Asking for what the item already says (a retried request, say) changes nothing and needs no version.
  if (changes.length === 0) {
    return {
      ok: true,
      status: 200,
      body: { item: itemView(item, today), message: 'Nothing to change: the item already says this.' },
    };
  }
  if (request.version !== item.version) return conflict(item, request.version);
  const expiry = expiryProblem(observed, expiresOn, request.expiresOn !== undefined);
  if (expiry) return refuse(400, expiry);

  const amended: IntelligenceItem = {
    ...next,
    version: item.version + 1,
    updatedBy: caller.subject,
    updatedAt: deps.now.toISOString(),
  };
  const stored = await storeChange('amended', amended, changes, deps, { expectedVersion: item.version });
  if (!stored.saved) return await lostTo(itemId, request.version, deps.store);
  return written(200, amended, stored, 'Amended.', deps);
}

export async function withdrawIntelligence(
  itemId: string,
  body: unknown,
  caller: Caller,
  deps: IntelligenceDeps,
): Promise<IntelligenceResult> {
  const roleProblem = roleRefusal(caller.roles);
  if (roleProblem) return roleProblem;
  const parsed = withdrawIntelligenceSchema().safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const request = parsed.data;
  const loaded = await loadForCaller(itemId, caller, deps.store);
  if ('refusal' in loaded) return loaded.refusal;
  const { item } = loaded;
  const today = todayOf(deps.now);
  if (item.status === 'withdrawn') {
    // The same withdrawal again (a retried request) is already done.
    if (item.withdrawal?.reason === request.reason)
      return {
        ok: true,
        status: 200,
        body: { item: itemView(item, today), message: 'This item was already withdrawn for that reason.' },
      };
    return withdrawnRefusal(item);
  }
  if (request.version !== item.version) return conflict(item, request.version);

  const at = deps.now.toISOString();
  const withdrawn: IntelligenceItem = {
    ...item,
    status: 'withdrawn',
    withdrawal: { reason: request.reason, by: caller.subject, at },
    version: item.version + 1,
    updatedBy: caller.subject,
    updatedAt: at,
  };
  const stored = await storeChange(
    'withdrawn',
    withdrawn,
    [{ field: 'status', from: 'active', to: 'withdrawn' }],
    deps,
    { expectedVersion: item.version, reason: request.reason },
  );
  if (!stored.saved) return await lostTo(itemId, request.version, deps.store);
  return written(200, withdrawn, stored, 'Withdrawn: it no longer counts.', deps);
}

export async function getIntelligence(
  itemId: string,
  caller: Caller,
  deps: Pick<IntelligenceDeps, 'store' | 'now'>,
): Promise<IntelligenceResult> {
  const roleProblem = roleRefusal(caller.roles);
  if (roleProblem) return roleProblem;
  const loaded = await loadForCaller(itemId, caller, deps.store);
  if ('refusal' in loaded) return loaded.refusal;
  const found = await deps.store.getWithAudit(itemId);
  if (!found) return noSuchItem(itemId);
  return {
    ok: true,
    status: 200,
    body: { item: itemView(found.item, todayOf(deps.now)), audit: found.audit },
  };
}

export async function listIntelligence(
  query: { la?: string | undefined; includeWithdrawn?: string | undefined },
  caller: Caller,
  deps: Pick<IntelligenceDeps, 'store' | 'now'>,
): Promise<IntelligenceResult> {
  const roleProblem = roleRefusal(caller.roles);
  if (roleProblem) return roleProblem;
  const flag = query.includeWithdrawn;
  if (flag !== undefined && flag !== 'true' && flag !== 'false')
    return refuse(400, '"includeWithdrawn" must be true or false.');
  const options = { includeWithdrawn: flag === 'true' };
  const today = todayOf(deps.now);

  let items: IntelligenceItem[];
  let scope: Record<string, unknown>;
  if (query.la !== undefined && query.la !== '') {
    if (!findCouncil(query.la)) return unknownCouncil(query.la);
    const councilProblem = councilRefusal(caller.roles, query.la);
    if (councilProblem) return councilProblem;
    items = await deps.store.listForCouncil(query.la, options);
    scope = { la: query.la, council: findCouncil(query.la)!.name };
  } else {
    const regions = caller.roles.some((role) => role.kind === 'admin')
      ? Object.keys(REGIONS)
      : [...new Set(caller.roles.flatMap((role) => (role.kind === 'adviser' ? [role.region] : [])))];
    items = (await Promise.all(regions.map((region) => deps.store.listForRegion(region, options)))).flat();
    scope = { regions };
  }
  // The reads follow the rules; the filter makes sure of it whatever the store returns.
  const visible = items
    .filter((item) => canHandleIntelligence(caller.roles, item.la))
    .filter((item) => options.includeWithdrawn || item.status === 'active')
    .sort((a, b) => b.observedOn.localeCompare(a.observedOn) || a.itemId.localeCompare(b.itemId));
  return {
    ok: true,
    status: 200,
    body: {
      ...scope,
      includeWithdrawn: options.includeWithdrawn,
      count: visible.length,
      items: visible.map((item) => itemView(item, today)),
    },
  };
}
