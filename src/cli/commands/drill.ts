import { drillHealth } from '../../models/drills/drillHealth';
import { parseComponentId, unknownComponents, type FailedComponent } from '../../models/failures';
import { CliExit, EXIT_USAGE, JSON_OPTION, PLAN_FILE, type CliCommand } from '../command';
import { loadPlan } from '../loadPlan';

/** Parses `--fail` values into components; a malformed id is a usage error naming it. */
export function parseFailOptions(values: readonly string[]): FailedComponent[] {
  return values.map((v) => {
    const c = parseComponentId(v);
    if ('error' in c) throw new CliExit(EXIT_USAGE, `--fail ${v}: ${c.error}`);
    return c;
  });
}

export const drillCommand: CliCommand = {
  name: 'drill',
  summary: 'fail components (--fail rack:R2 --fail feed:R3/A …) and print the cluster\'s health',
  args: [PLAN_FILE],
  options: [
    { name: 'fail', type: 'string', multiple: true, valueName: 'KIND:ID', description: 'a component to fail: node:, disk:<node>/<slot>, rack:, tor:<rack>/A, feed:<rack>/B, circuit:, row:, room:, site:, siteLink:<a>|<b>' },
    { name: 'permanent', type: 'boolean', description: 'failed nodes lose their disks (hardware lost) instead of coming back with their data' },
    JSON_OPTION,
  ],
  run({ args, options, io }) {
    const plan = loadPlan(args[0]);
    const fail = (options.fail as string[] | undefined) ?? [];
    if (fail.length === 0) throw new CliExit(EXIT_USAGE, 'drill needs at least one --fail KIND:ID (e.g. --fail rack:R2)');
    const failures = { components: parseFailOptions(fail), permanent: options.permanent === true };
    const unknown = unknownComponents(plan, failures);
    if (unknown.length > 0) throw new CliExit(EXIT_USAGE, `not in this plan: ${unknown.join('; ')}`);
    const health = drillHealth(plan, failures);
    if (options.json) io.out(`${JSON.stringify({ failures: fail, health }, null, 2)}\n`);
    else io.out(`${[`Drill: ${fail.join(', ')}`, ...health.lines.map((l) => `${l.ok ? 'ok  ' : 'FAIL'} ${l.text}`)].join('\n')}\n`);
    return 0;
  },
};
