import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { EngineBridge, StaleRequestError } from '../../src/bridge/engineBridge';
import { createEngineApi } from '../../workers/engineApi';
import { referencePlan } from '../../src/plan/samples/samples';

/** A bridge talking to the real engine API over a MessageChannel, as it talks to the worker. */
function bridgeOverChannel() {
  const channel = new MessageChannel();
  Comlink.expose(createEngineApi(), channel.port2);
  channel.port1.start();
  channel.port2.start();
  const fakeWorker = Object.assign(channel.port1, { terminate: () => channel.port1.close() }) as unknown as Worker;
  return new EngineBridge(() => fakeWorker);
}

describe('EngineBridge', () => {
  it('analyse(plan) resolves with the worker\'s report', async () => {
    const bridge = bridgeOverChannel();
    const result = await bridge.analyse(referencePlan());
    expect(result.ok && result.report.physical.totals.nodes).toBe(12);
    bridge.dispose();
  });

  it('analyse(plan) twice rejects the first with StaleRequestError and resolves the second', async () => {
    const bridge = bridgeOverChannel();
    const older = referencePlan();
    const newer = { ...referencePlan(), name: 'Newer' };
    const first = bridge.analyse(older);
    const second = bridge.analyse(newer);
    await expect(first).rejects.toBeInstanceOf(StaleRequestError);
    const result = await second;
    expect(result.ok && result.report.planName).toBe('Newer');
    bridge.dispose();
  });
});
