import { raSource, type PlanRule } from '../rule';

const ID = 'RA-CP-RTT';
/** The reference architecture's bound on round-trip time between control-plane nodes, ms. */
export const MAX_CP_RTT_MS = 15;

/** RA-CP-RTT: RTT between control-plane nodes below 15 ms. Reads the member RTT matrix's maximum. */
export const cpRtt: PlanRule = {
  id: ID,
  title: 'Control-plane RTT below 15 ms',
  source: raSource(ID, 'keep the network round-trip time between control-plane nodes below 15 ms.'),
  check(input) {
    const { rtt, members } = input.report.controlPlane;
    if (members.length < 2 || rtt.maxMs < MAX_CP_RTT_MS) return [];
    let pair = [0, 1];
    rtt.matrixMs.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v > rtt.matrixMs[pair[0]][pair[1]]) pair = [i, j];
      }),
    );
    const [a, b] = pair.map((i) => members[i]);
    return [
      {
        ruleId: ID,
        severity: 'error',
        source: this.source,
        message: `control planes ${a.name} and ${b.name} are ${rtt.maxMs} ms apart (RTT)`,
        why: `every etcd write waits for a quorum's round trip, and heartbeats and elections slow with it: ${rtt.maxMs} ms against the ${MAX_CP_RTT_MS} ms bound`,
        figure: { label: 'largest member RTT', value: rtt.maxMs, unit: 'ms' },
        subjects: { nodes: [a.id, b.id] },
      },
    ];
  },
};
