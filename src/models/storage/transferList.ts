import type { Transfer } from './transfers';

/**
 * Copy jobs in flat typed arrays (the same fields as `Transfer`): a rebuild of a room lists
 * thousands of copies, and one object plus one source array each was a large share of the
 * storage report's garbage. Sources of copy i are `sources[sourceStart[i] .. sourceStart[i + 1])`.
 */
export class TransferList {
  count = 0;
  target = new Int32Array(64);
  bytes = new Float64Array(64);
  unit = new Int32Array(64);
  sourceStart = new Int32Array(65);
  sources = new Int32Array(256);

  /** Appends a copy of `bytes` to disk `target` read from the first `sourceCount` disks of `from`. */
  add(from: ArrayLike<number>, sourceCount: number, target: number, bytes: number, unit: number): void {
    const i = this.count;
    if (i === this.target.length) this.growCopies();
    const start = this.sourceStart[i];
    if (start + sourceCount > this.sources.length) this.sources = grownInt32(this.sources, start + sourceCount);
    for (let k = 0; k < sourceCount; k++) this.sources[start + k] = from[k];
    this.target[i] = target;
    this.bytes[i] = bytes;
    this.unit[i] = unit;
    this.sourceStart[i + 1] = start + sourceCount;
    this.count = i + 1;
  }

  /** The list of `transfers`, in order. */
  static of(transfers: readonly Transfer[]): TransferList {
    const list = new TransferList();
    for (const t of transfers) list.add(t.sources, t.sources.length, t.target, t.bytes, t.unit);
    return list;
  }

  private growCopies(): void {
    const size = this.target.length * 2;
    this.target = grownInt32(this.target, size);
    this.unit = grownInt32(this.unit, size);
    this.sourceStart = grownInt32(this.sourceStart, size + 1);
    const bytes = new Float64Array(size);
    bytes.set(this.bytes);
    this.bytes = bytes;
  }
}

function grownInt32(a: Int32Array, atLeast: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(Math.max(atLeast, a.length * 2));
  grown.set(a);
  return grown;
}
