import YAML from 'yaml';
import { chaosMeshExperiment } from '../../models/drills/chaosMesh';
import { litmusExperiment } from '../../models/drills/litmus';
import { drillTimeline } from '../../models/drills/timeline';
import { evaluate } from '../../models/evaluate';
import { parseComponentId, unknownComponents, type FailedComponent } from '../../models/failures';
import { CliExit, EXIT_USAGE, JSON_OPTION, PLAN_FILE, type CliCommand } from '../command';
import { loadPlan } from '../loadPlan';
import { duration } from '../../format/units';

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
  summary: "fail components (--fail rack:R2 --fail feed:R3/A …) and print the cluster's health",
  args: [PLAN_FILE],
  options: [
    {
      name: 'fail',
      type: 'string',
      multiple: true,
      valueName: 'KIND:ID',
      description: 'a component to fail: node:, disk:<node>/<slot>, rack:, tor:<rack>/A, feed:<rack>/B, circuit:, row:, room:, site:, siteLink:<a>|<b>',
    },
    { name: 'permanent', type: 'boolean', description: 'failed nodes lose their disks (hardware lost) instead of coming back with their data' },
    { name: 'repair-after', type: 'string', valueName: 'SECONDS', description: 'the failed parts come back after this many seconds (timeline)' },
    { name: 'chaos-mesh', type: 'boolean', description: 'print the drill as Chaos Mesh experiments (YAML; JSON with --json) instead of its health' },
    { name: 'litmus', type: 'boolean', description: 'print the drill as LitmusChaos ChaosEngines (YAML; JSON with --json) instead of its health' },
    JSON_OPTION,
  ],
  run({ args, options, io }) {
    const plan = loadPlan(args[0]);
    const fail = (options.fail as string[] | undefined) ?? [];
    if (fail.length === 0) throw new CliExit(EXIT_USAGE, 'drill needs at least one --fail KIND:ID (e.g. --fail rack:R2)');
    const failures = { components: parseFailOptions(fail), permanent: options.permanent === true };
    const unknown = unknownComponents(plan, failures);
    if (unknown.length > 0) throw new CliExit(EXIT_USAGE, `not in this plan: ${unknown.join('; ')}`);
    if (options['chaos-mesh'] && options.litmus) throw new CliExit(EXIT_USAGE, "--chaos-mesh and --litmus: choose one (each prints its own tool's manifests)");
    if (options['chaos-mesh']) {
      const x = chaosMeshExperiment(plan, failures, { name: `drill ${fail.join(' ')}` });
      io.out(
        options.json
          ? `${JSON.stringify(x, null, 2)}\n`
          : `${x.notes.map((n) => `# ${n}`).join('\n')}\n${x.manifests.map((m) => `---\n${YAML.stringify(m)}`).join('')}`,
      );
      return 0;
    }
    if (options.litmus) {
      const x = litmusExperiment(plan, failures, { name: `drill ${fail.join(' ')}` });
      io.out(
        options.json
          ? `${JSON.stringify(x, null, 2)}\n`
          : `${x.notes.map((n) => `# ${n}`).join('\n')}\n${x.engines.map((m) => `---\n${YAML.stringify(m)}`).join('')}`,
      );
      return 0;
    }
    const repairText = options['repair-after'] as string | undefined;
    const repairAtS = repairText === undefined ? undefined : Number(repairText);
    if (repairAtS !== undefined && !(Number.isFinite(repairAtS) && repairAtS >= 0))
      throw new CliExit(EXIT_USAGE, `--repair-after ${repairText}: give seconds, 0 or more`);
    const report = evaluate(plan, { failures });
    const health = report.drill;
    if (!health) throw new CliExit(EXIT_USAGE, 'drill needs at least one --fail KIND:ID');
    const timeline = drillTimeline(plan, report, repairAtS);
    if (options.json) io.out(`${JSON.stringify({ failures: fail, health, timeline }, null, 2)}\n`);
    else {
      io.out(
        `${[
          `Drill: ${fail.join(', ')}`,
          ...health.lines.map((l) => `${l.ok ? 'ok  ' : 'FAIL'} ${l.text}`),
          '',
          'Timeline:',
          ...timeline.events.map((e) => `  t+${(e.atS < 10 ? `${+e.atS.toFixed(2)} s` : duration(e.atS)).padStart(8)}  ${e.text}  [${e.timer}]`),
        ].join('\n')}\n`,
      );
    }
    return 0;
  },
};
