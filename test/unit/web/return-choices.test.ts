// The council's upload form offers every return type the service accepts, the CSC API payload included.
import { describe, expect, it } from 'vitest';
import { RETURN_TYPES } from '../../../shared/domain/returns/catalogue.ts';
import { returnTypeChoices, returnTypeName } from '../../../shared/web/pages.ts';

describe('the upload form’s return choices', () => {
  it('lists every return type of the catalogue, in its order, each in words', () => {
    // RETURN_TYPES is the catalogue's own list; the labels are the form's, checked by type for every key.
    const choices = returnTypeChoices('ssda903');
    expect(choices.map((choice) => choice.value)).toEqual([...RETURN_TYPES]);
    expect(new Set(choices.map((choice) => choice.text)).size).toBe(RETURN_TYPES.length);
    expect(choices.find((choice) => choice.value === 'cscapi')?.text).toMatch(/CSC API payload/);
    for (const choice of choices) expect(choice.text).toMatch(/^[A-Z].{15,}$/);
  });

  it('keeps what the council chose', () => {
    expect(
      returnTypeChoices('cscapi')
        .filter((choice) => choice.selected)
        .map((choice) => choice.value),
    ).toEqual(['cscapi']);
  });

  it('names each return type as a council reads it', () => {
    expect(RETURN_TYPES.map(returnTypeName)).toEqual([
      'SSDA903',
      'CIN census',
      'Workforce census',
      'In-year dataset',
      'CSC API payload',
    ]);
  });
});
