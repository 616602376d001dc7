import { measuredDiskSchema, type MeasuredDisk } from './schema';

/** Which fio job a figure came from, with its block size (bytes) and, for fsync, how many syncs it timed. */
export interface FioProvenance {
  figure: 'fsync' | 'writeIops' | 'seqWriteMBps';
  job: string;
  blockBytes?: number;
  samples?: number;
}

/** A disk measurement read from fio's JSON output, with what each figure came from. */
export type FioResult = { ok: true; measured: MeasuredDisk; notes: string[]; from: FioProvenance[] } | { ok: false; error: string };

interface FioJob {
  jobname?: unknown;
  'job options'?: Record<string, unknown>;
  write?: { iops?: unknown; bw_bytes?: unknown; io_bytes?: unknown };
  sync?: { total_ios?: unknown; lat_ns?: { percentile?: Record<string, unknown>; N?: unknown } };
}

const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/** fio's block size option ("2300", "4k", "1M") in bytes, or undefined. */
function blockBytes(bs: unknown): number | undefined {
  if (typeof bs !== 'string' && typeof bs !== 'number') return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(String(bs).trim());
  if (!m) return undefined;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * unit;
}

/**
 * Reads a disk measurement from fio's `--output-format=json` output.
 *
 * - fsync p50 / p99: the `sync.lat_ns` percentiles of a job run with `--fdatasync=1` (etcd's
 *   recommended test: `fio --rw=write --ioengine=sync --fdatasync=1 --bs=2300 …`), ns → ms.
 * - write IOPS: from a write job *without* fdatasync (with it, fio's IOPS is one write plus one
 *   flush each, a latency figure rather than the disk's capacity).
 * - sequential bandwidth: from a write job without fdatasync and blocks of at least 128 KiB.
 * Several jobs in one file combine. Anything that is not fio JSON, or has no fdatasync job, is
 * refused with a reason; the result is checked against the plan schema's bounds.
 */
export function fioMeasurement(json: unknown, source?: string): FioResult {
  const jobs = (json as { jobs?: unknown })?.jobs;
  // Options given on fio's command line land in "global options"; a job file's in each job.
  const global = ((json as { 'global options'?: unknown })?.['global options'] ?? {}) as Record<string, unknown>;
  if (!Array.isArray(jobs) || jobs.length === 0) return { ok: false, error: 'not fio JSON output: no "jobs" list (run fio with --output-format=json)' };
  const notes: string[] = [];
  let fsyncFrom: FioProvenance | undefined;
  let iopsFrom: FioProvenance | undefined;
  let bwFrom: FioProvenance | undefined;
  let p50: number | undefined;
  let p99: number | undefined;
  let iops: number | undefined;
  let mbps: number | undefined;
  for (const raw of jobs as FioJob[]) {
    const name = typeof raw.jobname === 'string' ? raw.jobname : 'job';
    const opts = { ...global, ...(raw['job options'] ?? {}) };
    const fdatasync = Number(opts.fdatasync ?? opts.fsync ?? 0) > 0;
    const pct = raw.sync?.lat_ns?.percentile;
    if (fdatasync && pct && p50 === undefined) {
      const a = num(pct['50.000000']);
      const b = num(pct['99.000000']);
      if (a !== undefined && b !== undefined) {
        p50 = a / 1e6;
        p99 = b / 1e6;
        fsyncFrom = { figure: 'fsync', job: name, blockBytes: blockBytes(opts.bs), samples: num(raw.sync?.lat_ns?.N) };
        notes.push(
          `fsync p50 ${p50.toFixed(3)} ms and p99 ${p99.toFixed(3)} ms from the fdatasync latencies of "${name}" (${num(raw.sync?.lat_ns?.N) ?? '?'} syncs)`,
        );
      }
    } else if (!fdatasync && raw.write) {
      const w = num(raw.write.iops);
      const bw = num(raw.write.bw_bytes);
      const bs = blockBytes(opts.bs);
      if (w !== undefined && w > 0 && (bs === undefined || bs <= 64 * 1024)) {
        if (w > (iops ?? 0)) iopsFrom = { figure: 'writeIops', job: name, blockBytes: bs };
        iops = Math.max(iops ?? 0, w);
        notes.push(`write IOPS ${Math.round(w)} from "${name}"`);
      }
      if (bw !== undefined && bw > 0 && bs !== undefined && bs >= 128 * 1024) {
        if (bw / 1e6 > (mbps ?? 0)) bwFrom = { figure: 'seqWriteMBps', job: name, blockBytes: bs };
        mbps = Math.max(mbps ?? 0, bw / 1e6);
        notes.push(`sequential write ${(bw / 1e6).toFixed(0)} MB/s from "${name}"`);
      }
    }
  }
  if (p50 === undefined || p99 === undefined) {
    return { ok: false, error: 'no job ran with --fdatasync=1 and reported sync latency percentiles (fio 3.5 or newer)' };
  }
  const candidate = { fsyncP50Ms: p50, fsyncP99Ms: p99, writeIops: iops, seqWriteMBps: mbps, source };
  const parsed = measuredDiskSchema.safeParse(Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)));
  if (!parsed.success)
    return { ok: false, error: `the figures are out of range: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` };
  // The job each kept figure came from (the largest IOPS and bandwidth win, as above).
  const from = [fsyncFrom, iopsFrom, bwFrom].filter((f): f is FioProvenance => f !== undefined);
  return { ok: true, measured: parsed.data, notes, from };
}
