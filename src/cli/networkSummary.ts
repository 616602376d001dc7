import { findingLines } from './findingLines';
import type { NetworkReport } from '../models/network/networkReport';

import { bitRate, gbps, int, ms, pct, rate, sig } from '../format/units';

export function formatNetwork(net: NetworkReport): string[] {
  const f = net.stackFraming;
  const lines = [
    `Network: underlay MTU ${net.mtu}, CNI ${net.cni}, KubeSpan ${net.kubespan.enabled ? `on (${net.kubespan.ipFamily})` : 'off'}`,
    `  plan stack ${net.stack}: MSS ${f.mssBytes} B per ${f.wireBytes} B on the wire = ${pct(f.efficiency, 1)} goodput${f.fragments === 'none' ? '' : `, fragments ${f.fragments}`}`,
    `  ${net.fragmentation.message}`,
    '',
    'Goodput efficiency (TCP payload / wire bytes):',
    `  ${'stack'.padEnd(30)}${'plan MTU'.padStart(10)}${'1500'.padStart(9)}${'9000'.padStart(9)}`,
    ...net.encapsulations.map(
      (e) =>
        `  ${(e.name + (e.inPlan ? ' *' : '')).padEnd(30)}${pct(e.atPlanMtu.efficiency, 1).padStart(10)}${pct(e.efficiency1500, 1).padStart(9)}${pct(e.efficiency9000, 1).padStart(9)}`,
    ),
    '',
    'Node to node (one representative pair per class; Gbit/s all flows, KubeSpan off → on):',
  ];
  for (const p of net.pairs) {
    lines.push(
      `  ${p.latencyClass.padEnd(11)} ${int(p.pairs).padStart(11)} pairs  RTT ${ms(p.rttMs)} (KubeSpan ${ms(p.rttKubeSpanMs)})  path ${gbps(p.bottleneckGbps)}: ${p.route}`,
    );
    lines.push(
      `  ${''.padEnd(11)} ${p.throughput.map((t) => `${t.cni} ${gbps(t.offGbps)} → ${gbps(t.onGbps)} (one flow ${gbps(t.offFlowGbps)} → ${gbps(t.onFlowGbps)})`).join('; ')}`,
    );
  }
  const busiest = [...net.racks].sort((a, b) => b.utilisation - a.utilisation).slice(0, 10);
  lines.push(
    '',
    `Rack uplinks (busiest ${busiest.length} of ${net.racks.length}; east-west traffic on the wire):`,
    ...busiest.map(
      (r) =>
        `  ${r.name.padEnd(12)} ${String(r.nodes).padStart(4)} nodes  ${gbps(r.downlinkGbps)} down / ${gbps(r.uplinkGbps)} up = ${sig(r.oversubscription)}:1  load ${gbps(r.workloadGbps)} (${pct(r.utilisation)}), left ${gbps(r.leftoverGbps)}, after a ToR loss ${gbps(r.uplinkAfterTorLossGbps)}`,
    ),
  );
  lines.push(
    '',
    'Bisection (worst balanced cut):',
    ...net.bisection
      .filter((b) => b.units >= 2)
      .map((b) => `  between ${b.tier}s (${b.units}): ${gbps(b.gbps)}, ${gbps(b.gbpsPerNode)} per node on the small side`),
  );
  const ks = net.kubespan;
  lines.push(
    '',
    `KubeSpan${ks.enabled ? '' : ' (off; costs if it were on)'}: ${int(ks.nodes)} nodes, ${int(ks.peersPerNode)} peers per node, ${int(ks.tunnels)} tunnels`,
    `  control traffic per node ≤ ${bitRate(ks.control.controlBitsPerS)} (${rate(ks.control.keepalivesPerS)} keepalives, ${rate(ks.control.handshakesPerS)} handshakes); added RTT ${ms(ks.addedRttMs)}`,
    ...ks.costs.map(
      (c) =>
        `  ${c.hardwareId.padEnd(18)} ×${String(c.nodes).padEnd(5)} ${sig(c.coresUsed)} of ${c.cores} cores (${pct(c.cpuShare)}); one flow ≤ ${gbps(c.perFlowGbps)}, node ≤ ${gbps(c.perNodeGbps)} (${c.bound}-bound, NIC ${gbps(c.nicGbps)})`,
    ),
    `  discovery: ${ks.discovery.summary}`,
  );
  const curve = net.meshCurve;
  lines.push(
    '',
    'Mesh scaling (guidance: at most 100 nodes):',
    ...curve.map(
      (p) =>
        `  ${int(p.nodes).padStart(6)} nodes: ${int(p.peersPerNode).padStart(5)} peers, ${int(p.tunnels).padStart(11)} tunnels (${sig(p.tunnelsVsGuidance)}×), ${bitRate(p.controlKbpsPerNode * 1000)} per node, ${int(p.peerUpdatesPerHour)} peer updates/h`,
    ),
  );
  lines.push('', `Storage: ${net.storage.message}`);
  if (net.hybrid) lines.push(`Hybrid: ${net.hybrid.message}`);
  lines.push(...findingLines('Findings (plan check adds the reference-architecture rules)', net.findings));
  return lines;
}
