import type { FindingSubjects } from '../models/finding';
import type { Report } from '../models/report';
import type { Plan } from '../plan/schema';

/**
 * The nodes and racks a headline figure is about, read from the finished report (a lookup of ids
 * the models already named, not a model run), for the rack view's highlight while the figure is
 * hovered. Figures about the whole cluster (KubeSpan, workload) name nothing and return null.
 *
 * - etcd quorum, domain tolerance, write latency, control-plane sizing: the control-plane nodes.
 * - power N-1: the racks that do not survive losing a feed.
 * - storage after the worst failure: what the storage findings name (the node or rack whose loss
 *   cannot be re-replicated); nothing when every scenario fits.
 * - findings: what the error and warning findings name.
 */
export function figureSubjects(figureId: string, report: Report, plan: Plan): FindingSubjects | null {
  const findingSubjects = (keep: (ruleId: string, severity: string) => boolean): FindingSubjects => {
    const nodes = new Set<string>();
    const racks = new Set<string>();
    for (const f of report.findings ?? []) {
      if (!keep(f.ruleId, f.severity)) continue;
      for (const n of f.subjects?.nodes ?? []) nodes.add(n);
      for (const r of f.subjects?.racks ?? []) racks.add(r);
    }
    return { nodes: [...nodes], racks: [...racks] };
  };
  let subjects: FindingSubjects;
  switch (figureId) {
    case 'etcd-quorum':
    case 'etcd-tolerance':
    case 'write-p99':
    case 'cp-sizing':
      subjects = { nodes: plan.nodes.filter((n) => n.role === 'controlplane').map((n) => n.id) };
      break;
    case 'power-n1':
      subjects = { racks: report.physical.racks.filter((r) => r.power.verdict !== 'survives' && r.power.verdict !== 'provider-managed').map((r) => r.rackId) };
      break;
    case 'storage-headroom':
      subjects = findingSubjects((ruleId, severity) => ruleId.startsWith('STORAGE') && severity !== 'info');
      break;
    case 'findings':
      subjects = findingSubjects((_, severity) => severity !== 'info');
      break;
    default:
      return null;
  }
  return (subjects.nodes?.length ?? 0) + (subjects.racks?.length ?? 0) > 0 ? subjects : null;
}
