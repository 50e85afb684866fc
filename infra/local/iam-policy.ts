// Local cloud: evaluates a request against a role's identity-based policy statements, as IAM does for a
// single account without resource policies, boundaries or SCPs: an explicit Deny wins, then any Allow,
// otherwise the request is implicitly denied.

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Condition?: Readonly<
    Record<string, Readonly<Record<string, string | readonly string[] | boolean>>>
  >;
}

/** Condition keys of one request; multi-valued keys (e.g. dynamodb:LeadingKeys) are arrays. */
export type RequestContext = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface AuthorizationRequest {
  /** service:Action, e.g. s3:GetObject. */
  readonly action: string;
  readonly resource: string;
  readonly context?: RequestContext;
}

export type Decision = 'allow' | 'explicit-deny' | 'implicit-deny';

const list = (value: string | readonly string[] | undefined): readonly string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value;

/** IAM's wildcards: `*` any run of characters, `?` any one character. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, ignoreCase ? 'is' : 's').test(value);
}

const actionMatches = (patterns: readonly string[], action: string) =>
  patterns.some((pattern) => wildcardMatch(pattern, action, true));
const resourceMatches = (patterns: readonly string[], resource: string) =>
  patterns.some((pattern) => wildcardMatch(pattern, resource));

type Comparator = (actual: string, expected: string) => boolean;

const COMPARATORS: Record<string, Comparator> = {
  StringEquals: (a, e) => a === e,
  StringNotEquals: (a, e) => a === e,
  StringEqualsIgnoreCase: (a, e) => a.toLowerCase() === e.toLowerCase(),
  StringNotEqualsIgnoreCase: (a, e) => a.toLowerCase() === e.toLowerCase(),
  StringLike: (a, e) => wildcardMatch(e, a),
  StringNotLike: (a, e) => wildcardMatch(e, a),
  ArnEquals: (a, e) => a === e,
  ArnNotEquals: (a, e) => a === e,
  ArnLike: (a, e) => wildcardMatch(e, a),
  ArnNotLike: (a, e) => wildcardMatch(e, a),
  Bool: (a, e) => a.toLowerCase() === e.toLowerCase(),
  NumericEquals: (a, e) => Number(a) === Number(e),
  NumericLessThan: (a, e) => Number(a) < Number(e),
  NumericLessThanEquals: (a, e) => Number(a) <= Number(e),
  NumericGreaterThan: (a, e) => Number(a) > Number(e),
  NumericGreaterThanEquals: (a, e) => Number(a) >= Number(e),
};
const NEGATED = new Set([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'ArnNotEquals',
  'ArnNotLike',
]);

class UnsupportedConditionError extends Error {
  override name = 'UnsupportedConditionError';
}

function conditionHolds(
  operatorWithQualifiers: string,
  key: string,
  expectedValues: readonly string[],
  context: RequestContext,
): boolean {
  const entry = Object.entries(context).find(([name]) => name.toLowerCase() === key.toLowerCase());
  const actual = entry?.[1];
  let operator = operatorWithQualifiers;
  let set: 'ForAllValues' | 'ForAnyValue' | undefined;
  const qualified = /^(ForAllValues|ForAnyValue):(.+)$/.exec(operator);
  if (qualified) {
    set = qualified[1] as 'ForAllValues' | 'ForAnyValue';
    operator = qualified[2]!;
  }
  const ifExists = operator.endsWith('IfExists');
  if (ifExists) operator = operator.slice(0, -'IfExists'.length);
  if (operator === 'Null') {
    const isNull = actual === undefined || (Array.isArray(actual) && actual.length === 0);
    return expectedValues.some((value) => (value.toLowerCase() === 'true') === isNull);
  }
  const compare = COMPARATORS[operator];
  if (!compare)
    throw new UnsupportedConditionError(
      `Condition operator ${operatorWithQualifiers} is not evaluated locally`,
    );
  const negated = NEGATED.has(operator);
  const values = list(actual as string | readonly string[] | undefined);
  if (set === 'ForAllValues') {
    // Every value the request carries must match one of the policy's (vacuously true when it carries none).
    return values.every((value) => expectedValues.some((expected) => compare(value, expected)) !== negated);
  }
  if (set === 'ForAnyValue') {
    return values.some((value) => expectedValues.some((expected) => compare(value, expected)) !== negated);
  }
  if (actual === undefined) return ifExists || negated;
  const matched = values.some((value) => expectedValues.some((expected) => compare(value, expected)));
  return negated ? !matched : matched;
}

function conditionsHold(statement: PolicyStatement, context: RequestContext): boolean {
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    for (const [key, expected] of Object.entries(keys)) {
      const expectedValues = (typeof expected === 'boolean' ? [String(expected)] : list(expected)).map(
        String,
      );
      if (!conditionHolds(operator, key, expectedValues, context)) return false;
    }
  }
  return true;
}

function statementApplies(statement: PolicyStatement, request: AuthorizationRequest): boolean {
  if (statement.Action !== undefined && !actionMatches(list(statement.Action), request.action)) return false;
  if (statement.NotAction !== undefined && actionMatches(list(statement.NotAction), request.action))
    return false;
  if (statement.Resource !== undefined && !resourceMatches(list(statement.Resource), request.resource))
    return false;
  if (statement.NotResource !== undefined && resourceMatches(list(statement.NotResource), request.resource))
    return false;
  return conditionsHold(statement, request.context ?? {});
}

export function evaluate(statements: readonly PolicyStatement[], request: AuthorizationRequest): Decision {
  const applicable = statements.filter((statement) => statementApplies(statement, request));
  if (applicable.some((statement) => statement.Effect === 'Deny')) return 'explicit-deny';
  return applicable.some((statement) => statement.Effect === 'Allow') ? 'allow' : 'implicit-deny';
}

/** AWS's wording of a denial, naming who, what, on which resource and why. */
export function denialMessage(
  principalArn: string,
  request: AuthorizationRequest,
  decision: Decision,
): string {
  const why =
    decision === 'explicit-deny'
      ? `with an explicit deny in an identity-based policy`
      : `because no identity-based policy allows the ${request.action} action`;
  return `User: ${principalArn} is not authorized to perform: ${request.action} on resource: ${request.resource} ${why}`;
}
