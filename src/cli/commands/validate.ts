import { PLAN_FILE, type CliCommand } from '../command';
import { loadPlan } from '../loadPlan';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check a plan (JSON or YAML); exit 1 with field-path errors',
  args: [PLAN_FILE],
  options: [],
  run({ args, io }) {
    const plan = loadPlan(args[0]);
    io.out(`${args[0]}: valid (${plan.nodes.length} nodes, ${plan.racks.length} racks)\n`);
    return 0;
  },
};
