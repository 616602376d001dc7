import { planJsonSchema } from '../../plan/jsonSchema';
import type { CliCommand } from '../command';

export const schemaCommand: CliCommand = {
  name: 'schema',
  summary: "print the plan's JSON Schema",
  args: [],
  options: [],
  run({ io }) {
    io.out(`${JSON.stringify(planJsonSchema(), null, 2)}\n`);
    return 0;
  },
};
