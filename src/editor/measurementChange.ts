import { diskSpec, type DiskSpec } from '../plan/diskClasses';
import type { Disk, DiskClass, MeasuredDisk } from '../plan/schema';

/** Where a figure the models use for a disk comes from. */
export type FigureSource = 'measured' | 'class' | 'assumption';

/** One disk figure before and after a measurement is set or cleared, in the unit given. */
export interface FigureChange {
  figure: 'fsyncMedianMs' | 'fsyncP99Ms' | 'randWriteIops' | 'seqWriteMBps';
  label: string;
  unit: 'ms' | 'IOPS' | 'MB/s';
  before: number;
  beforeFrom: FigureSource;
  after: number;
  afterFrom: FigureSource;
}

const FIGURES = [
  { figure: 'fsyncMedianMs', label: 'fsync p50', unit: 'ms', key: 'fsyncP50Ms' },
  { figure: 'fsyncP99Ms', label: 'fsync p99', unit: 'ms', key: 'fsyncP99Ms' },
  { figure: 'randWriteIops', label: 'write IOPS', unit: 'IOPS', key: 'writeIops' },
  { figure: 'seqWriteMBps', label: 'sequential write', unit: 'MB/s', key: 'seqWriteMBps' },
] as const;

/** Where `diskSpec` takes one figure from, following its precedence: measurement, plan-wide bandwidth, class. */
function sourceOf(
  disk: Pick<Disk, 'class' | 'measured'>,
  key: (typeof FIGURES)[number]['key'],
  classBandwidthMBps: Partial<Record<DiskClass, number>>,
): FigureSource {
  if (disk.measured?.[key] !== undefined) return 'measured';
  return key === 'seqWriteMBps' && classBandwidthMBps[disk.class] !== undefined ? 'assumption' : 'class';
}

/**
 * What setting (or, with `null`, clearing) a disk's measurement changes in the figures every
 * model reads through `diskSpec`: fsync p50 and p99 (ms), write IOPS and sequential write (MB/s),
 * each with where it comes from before and after. A figure the measurement lacks stays at the
 * class default (or the plan's per-class bandwidth), so the inspector can say so.
 */
export function measurementChange(
  disk: Pick<Disk, 'class' | 'measured'>,
  measured: MeasuredDisk | null,
  classBandwidthMBps: Partial<Record<DiskClass, number>> = {},
): FigureChange[] {
  const next = { class: disk.class, measured: measured ?? undefined };
  const before: DiskSpec = diskSpec(disk, classBandwidthMBps);
  const after: DiskSpec = diskSpec(next, classBandwidthMBps);
  return FIGURES.map(({ figure, label, unit, key }) => ({
    figure,
    label,
    unit,
    before: before[figure],
    beforeFrom: sourceOf(disk, key, classBandwidthMBps),
    after: after[figure],
    afterFrom: sourceOf(next, key, classBandwidthMBps),
  }));
}
