import { findingLines } from './findingLines';
import type { StorageReport } from '../models/storage/storageReport';
import type { RebuildEstimate } from '../models/storage/rebuild';

import { bytes as tb, duration, int, pct } from '../format/units';

function timeline(r: RebuildEstimate): string {
  const t = r.timeline;
  if (t.rebuildStartS === null) return r.stuckBytes > 0 ? `no rebuild: ${r.reason}` : 'nothing to rebuild';
  const end =
    t.restoredAtS === null
      ? r.unitsOverCeiling > 0
        ? `not restored: ${r.unitsOverCeiling} volume(s) exceed Longhorn's 24 h rebuild limit`
        : `partly restored (${tb(r.stuckBytes)} stays degraded)`
      : `restored at ${duration(t.restoredAtS)}`;
  return `rebuild starts at ${duration(t.rebuildStartS)}, copies ${tb(r.bytesRebuilt)} in ${duration(r.seconds)}, ${end}`;
}

export function formatStorage(s: StorageReport): string[] {
  const p = s.placement;
  const c = s.capacity;
  const unit = p.unitKind === 'pg' ? 'PGs' : 'volumes';
  const lines = [
    `Storage: ${s.provider}, ${s.nodes} node(s), ${s.disks} disk(s) in ${s.racks} rack(s)${s.sharedNodes ? `, ${s.sharedNodes} shared with workloads` : ''}`,
  ];
  if (s.provider === 'none' || s.nodes === 0) return [...lines, ...findingLines('Findings', s.findings)];
  lines.push(
    `  placement: ${int(p.units)} ${unit} (${int(p.volumes)} volumes${p.volumesSampled ? ', sizes sampled' : ''}), ${p.width} shards each, never two per ${p.separates}${p.prefers ? `, spread over ${p.prefers}s when possible` : ''}; reads need ${p.needed}, I/O needs ${p.minAvailable}`,
    `  fullest node holds ${pct(p.fullestNodeShare)} of the data; every ${p.unitKind === 'pg' ? 'PG' : 'volume'} spans ≥ ${p.minRacksPerUnit} rack(s)${p.unplacedShards ? `; ${int(p.unplacedShards)} shards unplaced` : ''}`,
    '',
    'Capacity:',
    `  raw ${tb(c.rawBytes)}, usable ${tb(c.usableBytes)} (efficiency ${pct(c.efficiency)}, blocking at ${c.blockingThreshold.name} ${pct(c.blockingThreshold.ratio)})${c.reservedBytes ? `, reserved ${tb(c.reservedBytes)}` : ''}`,
    `  stored ${tb(c.storedLogicalBytes)} (${tb(c.storedPhysicalBytes)} with redundancy), fill ${pct(c.meanFill)}, fullest domain ${pct(c.fullestFill)}${c.crossed.length ? `: past ${c.crossed.join(', ')}` : ''}`,
    `  thresholds: ${c.thresholds.map((t) => `${t.name} ${pct(t.ratio)} (${t.effect})`).join('; ')}`,
  );
  for (const h of s.headroom)
    lines.push(
      `  after losing the ${h.scenario.replace('largest-', 'largest ')} (${h.lostId}, ${tb(h.lostRawBytes)}): ${h.severity === null ? 'fits' : h.severity === 'error' ? 'DATA OFFLINE' : 'degraded, does not fit'}: ${h.reason}`,
    );
  lines.push('', 'Failures (t0 = failure):');
  for (const f of s.failures) {
    const i = f.impact;
    lines.push(
      `  ${f.label}: ${i.downNodes} node(s), ${i.downDisks} disk(s) down`,
      `    ${int(i.units.degraded)} ${unit} degraded, ${int(i.units.unavailable)} unavailable, ${int(i.units.lost)} lost; volumes affected ${int(i.volumes.affected)}, unavailable ${int(i.volumes.unavailable)}, lost ${int(i.volumes.lost)}; ${tb(i.bytesToRereplicate)} to re-replicate`,
      `    ${timeline(f.rebuild)}${f.rebuild.bottleneck ? `; bottleneck ${f.rebuild.bottleneck.id}` : ''}`,
    );
    if (f.rebuild.bottleneck)
      lines.push(
        `    meanwhile clients keep ≥ ${pct(f.rebuild.clientDiskShareLeft)} of each disk; the busiest link has ${pct(f.rebuild.networkShareLeft)} left${f.rebuild.crossesKubeSpan ? '; rebuild traffic crosses KubeSpan' : ''}`,
      );
    if (f.operatorRebuild) lines.push(`    if an operator marks the OSDs out: ${timeline(f.operatorRebuild)}`);
    const e = f.exposure;
    if (e.until !== 'none')
      lines.push(
        `    exposure: ${duration(e.windowS)} until ${e.until}; ${tb(e.atRiskBytes)} on its last copy (${int(e.atRiskUnits)} ${unit}); P(further loss in window) ${e.lossProbability.toExponential(1)}`,
      );
  }
  if (s.rebalance) {
    const a = s.rebalance.addNode;
    const d = s.rebalance.drainNode;
    lines.push(
      '',
      'Rebalance:',
      `  add a node like the largest (${a.nodeIds.join(', ')}): moves ${tb(a.bytesMoved)} (${pct(a.movedShare)}) in ${duration(a.seconds)}${a.bottleneck ? `, bottleneck ${a.bottleneck.id}` : ''}; ${a.note}`,
      `  drain ${d.nodeIds.join(', ')}: moves ${tb(d.bytesMoved)} (${pct(d.movedShare)}) in ${duration(d.seconds)}${d.bottleneck ? `, bottleneck ${d.bottleneck.id}; clients keep ≥ ${pct(d.clientDiskShareLeft)} of each disk` : ''}; ${d.note}`,
    );
  }
  lines.push(...findingLines('Findings (plan check adds the reference-architecture rules)', s.findings));
  return lines;
}
