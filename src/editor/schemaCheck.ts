import type { z } from 'zod';
import { issuesFromZod } from '../plan/issues';

/**
 * The first schema problem of one part of a plan, as `racks[3].heightU: must be 1-60, got 0`,
 * or null with the parsed value. Lets an action check only the object it changed.
 */
export function checkPart<T extends z.ZodType>(schema: T, value: unknown, prefix: string): { problem: string } | { value: z.output<T> } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { value: parsed.data };
  const issue = issuesFromZod(parsed.error, schema, value)[0];
  const path = issue.path === '(plan)' ? prefix : issue.path.startsWith('[') ? `${prefix}${issue.path}` : `${prefix}.${issue.path}`;
  return { problem: `${path}: ${issue.message}` };
}
