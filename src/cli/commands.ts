import type { Report } from '../models/report';
import { etcdSummary } from './etcdSummary';
import { networkSummary } from './networkSummary';
import { storageSummary } from './storageSummary';

/**
 * Report commands added by model families (`etcd`, `network`, `storage`, …): each prints a
 * readable summary of its section of the report for `plan <name> <file> [--json]`.
 */
export interface ReportCommand {
  name: string;
  usage: string;
  summary: string;
  run(report: Report, options: { json: boolean }): string;
}

export const COMMANDS: ReportCommand[] = [
  { name: 'etcd', usage: 'etcd <file> [--json]', summary: 'control plane: quorum, tolerance, latency, throughput, sizing', run: etcdSummary },
  { name: 'network', usage: 'network <file> [--json]', summary: 'fabric paths, RTT, uplinks, bisection, encapsulation, KubeSpan cost', run: networkSummary },
  { name: 'storage', usage: 'storage <file> [--json]', summary: 'placement, capacity, headroom, failure impact, rebuild, rebalance', run: storageSummary },
];
