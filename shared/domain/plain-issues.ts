// Domain: why a request body was refused, in words a council officer or adviser understands. Every use case
// that checks a body with zod turns its issues into sentences here: the schema's own messages where it has
// them (they say what to send), and plain sentences instead of zod's defaults ("Invalid input: expected
// object, received array") where it has not.

/** The parts of a zod issue used here (zod 4's issue shape). */
export interface ValidationIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: string;
  readonly keys?: readonly string[];
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly origin?: string;
  readonly format?: string;
}

/** zod's own wording, which says nothing to a person: replaced, never shown. */
const LIBRARY_WORDING = /^(Invalid\b|Too (small|big)|Unrecognized key|Expected |Required$)/;

const KIND_WORDS: Readonly<Record<string, string>> = {
  object: 'a JSON object in braces, { … }',
  array: 'a list in square brackets, [ … ]',
  string: 'text in double quotes',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  date: 'a date',
};

function received(message: string): string | undefined {
  return /received (\w+)/.exec(message)?.[1];
}

function kindOf(word: string | undefined): string {
  switch (word) {
    case 'array':
      return 'a list';
    case 'string':
      return 'text';
    case 'number':
    case 'nan':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    case 'null':
      return 'null';
    default:
      return 'something else';
  }
}

function plainSentence(issue: ValidationIssue): string {
  if (!LIBRARY_WORDING.test(issue.message)) return issue.message;
  const field = issue.path.length > 0 ? `"${issue.path.map(String).join('.')}"` : null;
  switch (issue.code) {
    case 'invalid_type': {
      const got = received(issue.message);
      const wanted = KIND_WORDS[issue.expected ?? ''] ?? 'something else';
      if (!field) return `Send ${KIND_WORDS.object} with the fields asked for, not ${kindOf(got)}.`;
      if (got === 'undefined') return `${field} is missing.`;
      return `${field} should be ${wanted}, not ${kindOf(got)}.`;
    }
    case 'unrecognized_keys':
      return `Remove ${(issue.keys ?? []).map((key) => `"${key}"`).join(', ')}: ${issue.keys?.length === 1 ? 'it is not a field' : 'they are not fields'} that can be sent here.`;
    case 'too_small':
      return issue.origin === 'array'
        ? `${field ?? 'The list'} needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}.`
        : issue.origin === 'string'
          ? `${field ?? 'The text'} needs at least ${issue.minimum} character${issue.minimum === 1 ? '' : 's'}.`
          : `${field ?? 'The number'} must be at least ${issue.minimum}.`;
    case 'too_big':
      return issue.origin === 'array'
        ? `${field ?? 'The list'} can have at most ${issue.maximum} items.`
        : issue.origin === 'string'
          ? `${field ?? 'The text'} can be at most ${issue.maximum} characters long.`
          : `${field ?? 'The number'} must be at most ${issue.maximum}.`;
    case 'invalid_format':
      if (issue.format === 'date')
        return `${field ?? 'The date'} should be a date written yyyy-mm-dd, like 2026-11-23.`;
      if (issue.format === 'email')
        return `${field ?? 'The address'} should be an email address, like name@council.gov.uk.`;
      return `${field ?? 'The request'} is not in the form asked for.`;
    case 'invalid_value':
    case 'invalid_union':
      return `${field ?? 'The request'} is not one of the values accepted here.`;
    default:
      return `${field ?? 'The request'} is not in the form asked for.`;
  }
}

/** The issues as sentences, each once, in order; a body that is not an object gets that one sentence only. */
export function plainIssues(issues: readonly ValidationIssue[]): string {
  const notAnObject = issues.find(
    (issue) => issue.path.length === 0 && issue.code === 'invalid_type' && issue.expected === 'object',
  );
  if (notAnObject) return plainSentence(notAnObject);
  return [...new Set(issues.map(plainSentence))].join(' ');
}
