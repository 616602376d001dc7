import fc from 'fast-check';
import type { Disk, DiskClass, MeasuredDisk } from '../../src/plan/schema';

/** Any disk class of the schema. */
export const diskClassArb: fc.Arbitrary<DiskClass> = fc.constantFrom('nvme-enterprise', 'ssd-sata', 'nvme-consumer', 'network', 'hdd');

/** A measurement inside the schema's bounds, with or without IOPS and bandwidth (p99 may sit below p50, as a noisy run can). */
export const measuredDiskArb: fc.Arbitrary<MeasuredDisk> = fc
  .record(
    {
      fsyncP50Ms: fc.double({ min: 0.001, max: 1000, noNaN: true }),
      fsyncP99Ms: fc.double({ min: 0.001, max: 10_000, noNaN: true }),
      writeIops: fc.double({ min: 1, max: 10_000_000, noNaN: true }),
      seqWriteMBps: fc.double({ min: 1, max: 100_000, noNaN: true }),
    },
    { requiredKeys: ['fsyncP50Ms', 'fsyncP99Ms'] },
  )
  .map((m): MeasuredDisk => ({ ...m }));

/** A disk's class and, half the time, its own measurement. */
export const measurableDiskArb: fc.Arbitrary<Pick<Disk, 'class' | 'measured'>> = fc
  .record({
    class: diskClassArb,
    measured: fc.option(measuredDiskArb, { nil: undefined }),
  })
  .map((d) => (d.measured === undefined ? { class: d.class } : d));
