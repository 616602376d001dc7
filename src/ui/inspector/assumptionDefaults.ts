import { DEFAULT_CP_ASSUMPTIONS } from '../../models/controlPlane/assumptions';
import { STORAGE_ASSUMPTIONS } from '../../models/storage/assumptions';
import { DISK_CLASSES } from '../../plan/diskClasses';
import type { DiskClass } from '../../plan/schema';

/**
 * The model's own value of an assumption the plan may override, for showing beside the input:
 * `['assumptions', 'controlPlane', 'applyMs']` → 0.05. Disk bandwidth defaults to the disk
 * class's sequential write speed (`src/plan/diskClasses.ts`).
 */
export function assumptionDefault(path: readonly (string | number)[]): number | undefined {
  const [section, group, key, sub] = path;
  if (section !== 'assumptions') return undefined;
  if (group === 'controlPlane') return (DEFAULT_CP_ASSUMPTIONS as unknown as Record<string, number>)[String(key)];
  if (group !== 'storage') return undefined;
  if (key === 'mclockRecoveryShare') return (STORAGE_ASSUMPTIONS.mclockRecoveryShare as Record<string, number>)[String(sub)];
  if (key === 'diskBandwidthMBps') return DISK_CLASSES[sub as DiskClass]?.seqWriteMBps;
  const value = (STORAGE_ASSUMPTIONS as unknown as Record<string, unknown>)[String(key)];
  return typeof value === 'number' ? value : undefined;
}
