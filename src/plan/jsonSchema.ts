import { z } from 'zod';
import { planSchema } from './schema';

/** The plan's JSON Schema (draft 2020-12), as published at `public/plan.schema.json` for editors. */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(planSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://rackplan.dev/plan.schema.json',
    title: 'Rackplan plan',
    description: 'A Kubernetes data-center plan for Talos Linux + Omni (version 1). Cross-references (ids) and rack fit are checked by Rackplan itself.',
  };
}
