import { readFileSync } from 'node:fs';
import { CliExit, EXIT_USAGE, type CliCommand } from '../command';
import { fioMeasurement } from '../../plan/fioMeasurement';
import { DISK_CLASSES } from '../../plan/diskClasses';

/**
 * `plan fio <fio.json>`: reads fio's JSON output (`fio --rw=write --ioengine=sync --fdatasync=1
 * --bs=2300 --output-format=json …`, etcd's recommended disk test) and prints the `measured`
 * block a plan's disk takes, with the closest disk class for comparison.
 */
export const fioCommand: CliCommand = {
  name: 'fio',
  summary: "turn fio --fdatasync=1 JSON output into a disk's measured fsync p50/p99 (and IOPS, bandwidth)",
  args: [{ name: 'fio.json', description: 'output of fio --output-format=json' }],
  options: [{ name: 'json', type: 'boolean', description: 'print only the measured block as JSON' }],
  run({ args, options, io }) {
    let text: string;
    try {
      text = readFileSync(args[0], 'utf8');
    } catch (e) {
      throw new CliExit(EXIT_USAGE, `${args[0]}: cannot read (${(e as Error).message})`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new CliExit(EXIT_USAGE, `${args[0]}: not JSON (run fio with --output-format=json)`);
    }
    const result = fioMeasurement(json, `fio ${args[0].split('/').pop()}`.slice(0, 200));
    if (!result.ok) throw new CliExit(EXIT_USAGE, `${args[0]}: ${result.error}`);
    const m = result.measured;
    if (options.json) {
      io.out(`${JSON.stringify(m, null, 2)}\n`);
      return 0;
    }
    const nearest = Object.entries(DISK_CLASSES).reduce(
      (best, [id, c]) =>
        Math.abs(Math.log(c.fsyncP99Ms / m.fsyncP99Ms)) < Math.abs(Math.log(DISK_CLASSES[best as keyof typeof DISK_CLASSES].fsyncP99Ms / m.fsyncP99Ms))
          ? id
          : best,
      'nvme-enterprise',
    );
    io.out(
      [
        `fsync p50 ${m.fsyncP50Ms.toFixed(3)} ms, p99 ${m.fsyncP99Ms.toFixed(3)} ms${m.fsyncP99Ms > 10 ? " (above etcd's 10 ms: too slow for etcd)" : ''}`,
        `write IOPS ${m.writeIops !== undefined ? Math.round(m.writeIops) : 'not measured (add a write job without --fdatasync)'}`,
        `sequential write ${m.seqWriteMBps !== undefined ? `${Math.round(m.seqWriteMBps)} MB/s` : 'not measured (add a job with --bs=1M)'}`,
        `closest class by fsync p99: ${nearest} (${DISK_CLASSES[nearest as keyof typeof DISK_CLASSES].fsyncP99Ms} ms)`,
        ...result.notes.map((n) => `  ${n}`),
        '',
        'Add to the disk in the plan (hardware[].disks[].measured):',
        JSON.stringify(m, null, 2),
        '',
      ].join('\n'),
    );
    return 0;
  },
};
