import { countBySeverity, type Finding, type Severity } from '../models/finding';
import type { GuidanceItem } from '../models/advisor/rule';
import type { Report } from '../models/report';
import type { Plan, Role } from '../plan/schema';

/** One line of the bill of materials: a hardware profile, or the top-of-rack switches. */
export interface BomLine {
  item: string;
  count: number;
  roles: Partial<Record<Role, number>>;
  heightU: number;
  typicalW: number;
  peakW: number;
  /** Unit price in US dollars, or null when the catalogue gives none. */
  unitPriceUsd: number | null;
}

/** A prediction with its unit, as printed: `{ label: 'etcd write p99', value: 2.1, unit: 'ms' }`. */
export interface Prediction {
  group: string;
  label: string;
  value: number;
  unit: string;
}

export interface PlanReportData {
  title: string;
  description: string;
  summary: { label: string; value: string }[];
  bom: BomLine[];
  bomTotals: { heightU: number; typicalW: number; peakW: number; priceUsd: number; unpriced: number };
  sizing: {
    members: number;
    quorum: number;
    tolerated: number;
    tolerance: { level: string; tolerance: number; why: string }[];
    requirements: { resource: string; value: number; unit: string }[];
    verdicts: { name: string; inUse: boolean; verdict: string; reason: string }[];
  };
  counts: Record<Severity, number>;
  findings: Finding[];
  guidance: GuidanceItem[];
  predictions: Prediction[];
}

/**
 * What the plan report says, as data both renderers (Markdown, HTML) print: the plan summary,
 * the bill of materials (nodes per hardware profile and the switches, with U, typical and peak
 * power, and cost from the catalogue's `priceUsd`), the control-plane sizing verdicts, the
 * findings and the key predictions with units. Figures are read from the report; only sums here.
 */
export function planReportData(plan: Plan, report: Report): PlanReportData {
  const phys = report.physical;
  const cp = report.controlPlane;
  const byHw = new Map<string, BomLine>();
  for (const n of plan.nodes) {
    const hw = plan.hardware.find((h) => h.id === n.hardwareId);
    if (!hw) continue;
    const line = byHw.get(hw.id) ?? {
      item: hw.name,
      count: 0,
      roles: {},
      heightU: hw.heightU,
      typicalW: hw.powerTypicalW,
      peakW: hw.powerPeakW,
      unitPriceUsd: hw.priceUsd ?? null,
    };
    line.count += 1;
    line.roles[n.role] = (line.roles[n.role] ?? 0) + 1;
    byHw.set(hw.id, line);
  }
  const bom = [...byHw.values()];
  const switches = plan.racks.reduce((s, r) => s + r.tor.count, 0);
  if (switches > 0) {
    // Switch heights and draws differ per rack; the line shows their means and the totals are exact.
    const u = plan.racks.reduce((s, r) => s + r.tor.count * r.tor.heightU, 0);
    const w = plan.racks.reduce((s, r) => s + r.tor.count * r.tor.powerW, 0);
    bom.push({
      item: 'Top-of-rack switch',
      count: switches,
      roles: {},
      heightU: u / switches,
      typicalW: w / switches,
      peakW: w / switches,
      unitPriceUsd: null,
    });
  }
  const priced = bom.filter((b) => b.unitPriceUsd !== null);
  const bomTotals = {
    heightU: bom.reduce((s, b) => s + b.heightU * b.count, 0),
    typicalW: bom.reduce((s, b) => s + b.typicalW * b.count, 0),
    peakW: bom.reduce((s, b) => s + b.peakW * b.count, 0),
    priceUsd: priced.reduce((s, b) => s + (b.unitPriceUsd ?? 0) * b.count, 0),
    unpriced: bom.filter((b) => b.unitPriceUsd === null).reduce((s, b) => s + b.count, 0),
  };
  const c = plan.cluster;
  const roles = phys.nodesByRole;
  const summary = [
    { label: 'Cluster', value: `${c.name}: Talos ${c.talosVersion}, Kubernetes ${c.kubernetesVersion}` },
    { label: 'Nodes', value: `${phys.totals.nodes} (${roles.controlplane} control plane, ${roles.worker} worker, ${roles.storage} storage)` },
    { label: 'Places', value: `${plan.sites.length} site(s), ${plan.rooms.length} room(s), ${plan.rows.length} row(s), ${phys.totals.racks} rack(s)` },
    { label: 'Space', value: `${phys.totals.usedU} of ${phys.totals.totalU} U used` },
    { label: 'Network', value: `${report.network.cni}, MTU ${report.network.mtu}, KubeSpan ${c.kubespan.enabled ? 'on' : 'off'}` },
    { label: 'Storage', value: `${report.storage.provider} on ${report.storage.nodes} node(s)` },
  ];
  const sizing = {
    members: cp.quorum.members,
    quorum: cp.quorum.quorum,
    tolerated: cp.quorum.toleratedFailures,
    tolerance: cp.tolerance.map((t) => ({ level: t.level, tolerance: t.tolerance, why: t.why })),
    requirements: cp.sizing.requirements.map((r) => ({ resource: r.resource, value: r.value, unit: r.unit })),
    verdicts: cp.sizing.verdicts.map((v) => ({ name: v.name, inUse: v.inUse, verdict: v.verdict, reason: v.reasons[0] ?? '' })),
  };
  return {
    title: plan.name,
    description: plan.description,
    summary,
    bom,
    bomTotals,
    sizing,
    counts: countBySeverity(report.findings),
    findings: report.findings,
    guidance: report.guidance,
    predictions: predictions(report),
  };
}

/** The key predictions, each finite and with its unit; a prediction the plan cannot make is left out. */
function predictions(r: Report): Prediction[] {
  const out: Prediction[] = [];
  const add = (group: string, label: string, value: number | null | undefined, unit: string, digits = 1) => {
    if (value === null || value === undefined || !Number.isFinite(value)) return;
    const f = 10 ** digits;
    out.push({ group, label, value: Math.round(value * f) / f, unit });
  };
  const cp = r.controlPlane;
  add('Control plane', 'etcd write latency p50 (best leader)', cp.latency?.best.writeMs.p50, 'ms', 2);
  add('Control plane', 'etcd write latency p99 (best leader)', cp.latency?.best.writeMs.p99, 'ms', 2);
  add('Control plane', 'etcd write ceiling', cp.throughput.plan?.maxWritesPerS, 'writes/s', 0);
  add('Control plane', 'mutating API p99, all up', cp.api?.allUp.p99Ms, 'ms', 0);
  add('Control plane', 'mutating API p99, one control plane down', cp.api?.oneDown?.p99Ms, 'ms', 0);
  add('Control plane', 'writes blocked after a leader loss (expected)', cp.timers?.leaderLossUnavailableMs.expected, 'ms', 0);
  add('Control plane', 'predicted etcd DB size', cp.load.dbBytes / 2 ** 20, 'MiB', 0);
  const p = r.physical.totals;
  add('Power and space', 'typical power', p.typicalW / 1000, 'kW');
  add('Power and space', 'peak power', p.peakW / 1000, 'kW');
  add(
    'Power and space',
    'racks that do not survive losing a feed',
    r.physical.racks.filter((x) => x.power.verdict !== 'survives' && x.power.verdict !== 'provider-managed').length,
    'racks',
    0,
  );
  const busiest = r.network.racks.reduce((m, x) => (x.utilisation > m ? x.utilisation : m), 0);
  add('Network', 'busiest rack uplink', busiest * 100, '%');
  add('Network', 'RTT KubeSpan adds (balanced core)', r.network.kubespan.addedRttMs, 'ms', 3);
  const s = r.storage;
  if (s.provider !== 'none' && s.nodes > 0) {
    add('Storage', 'raw capacity', s.capacity.rawBytes / 2 ** 40, 'TiB');
    add('Storage', 'usable capacity (before the blocking threshold)', s.capacity.usableBytes / 2 ** 40, 'TiB');
    const node = s.failures.find((f) => f.id === 'node');
    add(
      'Storage',
      'data restored after losing a storage node',
      node?.rebuild.timeline.restoredAtS == null ? null : node.rebuild.timeline.restoredAtS / 3600,
      'h',
    );
  }
  return out;
}
