import { rollingUpgrade, type UpgradeStep } from '../../models/drills/rollingUpgrade';
import { duration } from '../../format/units';
import { EXIT_OK, EXIT_PLAN_FAILS, JSON_OPTION, PLAN_FILE, type CliCommand } from '../command';
import { loadPlan } from '../loadPlan';

/** A batch's machines, shortened when there are many (a 5,000-node plan upgrades workers by the thousand). */
export function machinesText(ids: readonly string[]): string {
  return ids.length <= 3 ? ids.join(', ') : `${ids[0]} … ${ids[ids.length - 1]} (${ids.length} machines)`;
}

function stepLine(s: UpgradeStep): string {
  const v = s.volumes;
  const volumes = v ? `volumes ${v.degraded} degraded, ${v.unavailable} unavailable` : 'no replicated volumes';
  const capacity = s.capacity.fits ? `${s.capacity.evictedPods} pods rescheduled` : 'pods do not fit';
  return `${s.problems.length ? 'FAIL' : 'ok  '} ${String(s.step).padStart(4)}  ${s.role.padEnd(12)} ${machinesText(s.nodeIds)}; etcd ${s.quorum.membersUp}/${s.quorum.members}; ${volumes}; ${capacity}${s.problems.length ? `: ${s.problems.join('; ')}` : ''}`;
}

export const upgradeCommand: CliCommand = {
  name: 'upgrade',
  summary: "rolling-upgrade drill with the plan's update strategy: health at each batch and total duration; exit 1 when a step is unsafe",
  args: [PLAN_FILE],
  options: [JSON_OPTION],
  run({ args, options, io }) {
    const plan = loadPlan(args[0]);
    const r = rollingUpgrade(plan);
    const code = r.safe ? EXIT_OK : EXIT_PLAN_FAILS;
    if (options.json) {
      io.out(`${JSON.stringify(r, null, 2)}\n`);
      return code;
    }
    const p = r.strategy.maxParallelism;
    io.out(
      `${[
        `Rolling upgrade: control planes ${p.controlplane}, storage ${p.storage}, workers ${p.worker} at a time; ${r.strategy.nodeUpgradeS} s per machine`,
        ...r.steps.map(stepLine),
        '',
        ...r.notes.map((n) => `note: ${n}`),
        `Duration: ${duration(r.durationS)} (${r.steps.length} steps × ${r.strategy.nodeUpgradeS} s)`,
        `${r.safe ? 'OK' : 'FAIL'}: ${r.verdict}`,
      ].join('\n')}\n`,
    );
    return code;
  },
};
