// Use case: every return type's ingestion, by the key it has in the catalogue (domain/returns/catalogue.ts).
// A return type in the catalogue without a definition here does not type-check.
import type { ReturnType } from '../../domain/returns/catalogue.ts';
import { cinReturn } from './cin.ts';
import { cscapiReturn } from './cscapi.ts';
import { cswwReturn } from './csww.ts';
import type { ReturnDefinition } from './definition.ts';
import { inyearReturn } from './inyear.ts';
import { ssda903Return } from './ssda903.ts';

export const RETURN_DEFINITIONS: { readonly [Type in ReturnType]: ReturnDefinition & { returnType: Type } } =
  {
    ssda903: ssda903Return,
    cin: cinReturn,
    csww: cswwReturn,
    inyear: inyearReturn,
    cscapi: cscapiReturn,
  };
