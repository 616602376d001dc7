import { serveJobs, type JobTable } from '../../workers/jobRunner';

/**
 * A stand-in Worker for Node tests: the job table served over a MessageChannel, exactly as the
 * worker serves it over its global port. `terminate` closes the channel (the job's own code,
 * running on this thread, is simply never answered), and `crash` fires the error event a dying
 * worker fires.
 */
export function channelWorker(jobs: JobTable): Worker & { crash(message: string): void; terminated: boolean } {
  const channel = new MessageChannel();
  serveJobs(jobs, channel.port2);
  channel.port1.start();
  channel.port2.start();
  const fake = Object.assign(channel.port1, {
    terminated: false,
    terminate() {
      fake.terminated = true;
      channel.port1.close();
      channel.port2.close();
    },
    crash(message: string) {
      fake.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
    },
  });
  return fake as unknown as Worker & { crash(message: string): void; terminated: boolean };
}
