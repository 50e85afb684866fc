// Config: each function's environment, parsed once per cold start; a missing variable fails loudly by name.
import * as z from 'zod';
import { plainIssues } from '../domain/plain-issues.ts';

export function loadEnv<Shape extends z.ZodRawShape>(
  shape: Shape,
  source: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<Shape>> {
  const result = z.object(shape).safeParse(source);
  if (!result.success) {
    throw new Error(`Invalid function environment: ${plainIssues(result.error.issues)}`);
  }
  return result.data;
}

export const nonEmpty = z.string().min(1);
