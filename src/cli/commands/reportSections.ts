import { evaluate } from '../../models/evaluate';
import type { Report } from '../../models/report';
import { JSON_OPTION, PLAN_FILE, type CliCommand } from '../command';
import { formatControlPlane } from '../etcdSummary';
import { loadPlan } from '../loadPlan';
import { formatNetwork } from '../networkSummary';
import { formatStorage } from '../storageSummary';

/** A command that prints one section of the report, as readable lines or, with `--json`, the section itself. */
function sectionCommand<T>(name: string, summary: string, section: (r: Report) => T, format: (s: T) => string[]): CliCommand {
  return {
    name,
    summary,
    args: [PLAN_FILE],
    options: [JSON_OPTION],
    run({ args, options, io }) {
      const s = section(evaluate(loadPlan(args[0])));
      io.out(`${options.json ? JSON.stringify(s, null, 2) : format(s).join('\n')}\n`);
      return 0;
    },
  };
}

export const etcdCommand = sectionCommand('etcd', 'control plane: quorum, tolerance, latency, throughput, sizing', (r) => r.controlPlane, formatControlPlane);
export const networkCommand = sectionCommand('network', 'fabric paths, RTT, uplinks, bisection, encapsulation, KubeSpan cost', (r) => r.network, formatNetwork);
export const storageCommand = sectionCommand('storage', 'placement, capacity, headroom, failure impact, rebuild, rebalance', (r) => r.storage, formatStorage);
