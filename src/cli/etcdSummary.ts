import { findingLines } from './findingLines';
import type { ControlPlaneReport } from '../models/controlPlane/controlPlaneReport';

import { bytes, int, ms, pct, rate, sig } from '../format/units';

export function formatControlPlane(cp: ControlPlaneReport): string[] {
  const q = cp.quorum;
  const lines = [
    `etcd: ${q.members} member${q.members === 1 ? '' : 's'}, quorum ${q.quorum}, tolerates ${q.toleratedFailures} member failure${q.toleratedFailures === 1 ? '' : 's'}`,
    ...cp.members.map((m) => `  ${m.name} in rack ${m.rack}: ${m.diskClass} (fsync median ${ms(m.fsyncMedianMs)}, p99 ${ms(m.fsyncP99Ms)})`),
    '',
    'Failure tolerance by domain (simultaneous failures that always keep quorum):',
    ...cp.tolerance.map((t) => `  ${t.level.padEnd(6)} ${String(t.tolerance).padStart(2)}  ${t.why}${t.exact ? '' : ' (greedy bound)'}`),
  ];
  if (cp.latency) {
    const l = cp.latency;
    lines.push(
      '',
      `Write latency (exact distribution, integrated numerically; RTT max ${ms(cp.rtt.maxMs)}):`,
      `  best leader ${l.best.leader}:  p50 ${ms(l.best.writeMs.p50)}  p90 ${ms(l.best.writeMs.p90)}  p99 ${ms(l.best.writeMs.p99)}  (exact mean ${ms(l.best.expectedWriteMs)})`,
      `  worst leader ${l.worst.leader}: p50 ${ms(l.worst.writeMs.p50)}  p90 ${ms(l.worst.writeMs.p90)}  p99 ${ms(l.worst.writeMs.p99)}`,
    );
    const at = cp.latencyAtLoad;
    if (at)
      lines.push(
        `  at the plan's ${rate(at.perS)} writes (${pct(at.utilisation)} busy): p50 ${ms(at.p50Ms)}  p99 ${ms(at.p99Ms)} (M/M/1 queue + fsync residual)`,
      );
  }
  const t = cp.throughput.plan;
  if (t) {
    lines.push(
      '',
      `Throughput (leader hardware): writes up to ${rate(t.maxWritesPerS)}, bottleneck ${t.bottleneck}; linearizable reads ${rate(t.linearizableReads.maxPerS)}, serializable ${rate(t.serializableReads.maxPerS)}`,
      `  by members: ${cp.throughput.byMembers.map((c) => `${c.members}: ${rate(c.maxWritesPerS)} (${c.bottleneck})`).join(', ')}`,
    );
  }
  const load = cp.load;
  lines.push(
    '',
    `etcd load (${load.origin}): ${rate(load.writesPerS)} writes, ${rate(load.readsPerS)} reads; ${pct(cp.utilisation.etcd)} of the limit`,
    ...load.sources.map((s) => `  ${s.label}: ${s.writesPerS > 0 ? `${rate(s.writesPerS)} writes` : ''}${s.readsPerS > 0 ? `${rate(s.readsPerS)} reads` : ''}`),
    `  API servers: ${rate(load.api.requestsPerS)} requests, ${int(load.api.watchers)} watches, ${rate(load.api.watchEventsPerS)} watch events (${sig(load.api.watchBytesPerS / 1e6)} MB/s)`,
    `  DB ${bytes(load.dbBytes)} of the ${bytes(load.quotaBytes)} quota (${pct(load.quotaUse)}; max 8 GiB); ${int(load.keys)} keys; etcd memory ${bytes(load.memory.totalBytes)}`,
  );
  if (cp.api) {
    lines.push(
      '',
      `Mutating API calls: p99 ${ms(cp.api.allUp.p99Ms)} (SLO 1 s: ${cp.api.allUp.meetsSlo ? 'met' : 'BROKEN'})${cp.api.oneDown ? `; one control plane down ${ms(cp.api.oneDown.p99Ms)} (${cp.api.oneDown.meetsSlo ? 'met' : 'BROKEN'})` : ''}`,
    );
  }
  if (cp.timers) {
    const tm = cp.timers;
    lines.push(
      `Timers: heartbeat ${ms(tm.heartbeatMs)}, election ${ms(tm.electionTimeoutMs)} (recommended ${tm.recommendedHeartbeatMs} / ${tm.recommendedElectionTimeoutMs}); writes blocked ~${ms(tm.leaderLossUnavailableMs.expected)} after a leader loss (${ms(tm.leaderLossUnavailableMs.min)}-${ms(tm.leaderLossUnavailableMs.max)})`,
    );
  }
  const s = cp.sizing;
  lines.push(
    '',
    `Sizing per control-plane node (etcd ${s.etcdClass} class):`,
    ...s.requirements.map((r) => `  ${r.resource.padEnd(6)} ${sig(r.value)} ${r.unit}: ${r.reasons[0]}`),
    'Hardware catalogue:',
    ...s.verdicts.map((v) => `  ${v.inUse ? '*' : ' '} ${v.name}: ${v.verdict} (decided by ${v.deciding}) - ${v.reasons[0] ?? ''}`),
  );
  lines.push(...findingLines('Findings (plan check adds the reference-architecture rules)', cp.findings));
  return lines;
}
