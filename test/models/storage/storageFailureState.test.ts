import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOWN, resolveFailures } from '../../../src/models/failures';
import { storageFailureState } from '../../../src/models/storage/failureImpact';
import { placeStorage } from '../../../src/models/storage/placement';
import { nestedFailuresArb } from '../../arbitraries/drills';

describe('storageFailureState', () => {
  it('storageFailureState(placement, resolve(superset)) never leaves more storage nodes or disks up than a subset', () => {
    fc.assert(
      fc.property(nestedFailuresArb, fc.boolean(), ({ plan, subset, superset }, permanent) => {
        const a = resolveFailures(plan, { components: subset, permanent });
        const b = resolveFailures(plan, { components: superset, permanent });
        for (let i = 0; i < a.nodeStatus.length; i++) if (a.nodeStatus[i] === DOWN) expect(b.nodeStatus[i]).toBe(DOWN);
        const placement = placeStorage(plan, { seed: 1 });
        const sa = storageFailureState(placement, a);
        const sb = storageFailureState(placement, b);
        expect(sb.downNodes).toBeGreaterThanOrEqual(sa.downNodes);
        expect(sb.downDisks).toBeGreaterThanOrEqual(sa.downDisks);
        for (let d = 0; d < sa.diskDown.length; d++) {
          if (sa.diskDown[d]) expect(sb.diskDown[d]).toBe(1);
          if (sa.diskDestroyed[d]) expect(sb.diskDestroyed[d]).toBe(1);
        }
      }),
      { numRuns: 60 },
    );
  });
});
