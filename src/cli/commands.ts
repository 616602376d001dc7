import type { Report } from '../models/report';
import { formatControlPlane } from './etcdSummary';
import { formatNetwork } from './networkSummary';
import { formatStorage } from './storageSummary';

/**
 * Report commands added by model families (`etcd`, `network`, `storage`, …): each prints its
 * section of the report, as readable lines or, with `--json`, as the section itself.
 */
export interface ReportCommand {
  name: string;
  usage: string;
  summary: string;
  run(report: Report, options: { json: boolean }): string;
}

function sectionCommand<T>(name: string, summary: string, section: (r: Report) => T, format: (s: T) => string[]): ReportCommand {
  return {
    name,
    usage: `${name} <file> [--json]`,
    summary,
    run: (report, { json }) => (json ? JSON.stringify(section(report), null, 2) : format(section(report)).join('\n')),
  };
}

export const COMMANDS: ReportCommand[] = [
  sectionCommand('etcd', 'control plane: quorum, tolerance, latency, throughput, sizing', (r) => r.controlPlane, formatControlPlane),
  sectionCommand('network', 'fabric paths, RTT, uplinks, bisection, encapsulation, KubeSpan cost', (r) => r.network, formatNetwork),
  sectionCommand('storage', 'placement, capacity, headroom, failure impact, rebuild, rebalance', (r) => r.storage, formatStorage),
];
