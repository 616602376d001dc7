/*
 * The reliability Monte Carlo's inner loop (src/models/reliability/simulate.ts, Mission) in C, for
 * `npm run bench` to compare speeds: the same indexed heap and failure clock, the same node,
 * switch, feed, rack, room and site rules, the same per-unit shard counters, the same sfc32
 * stream (src/models/stats/random.ts) and ziggurat exponential draws, and the same outputs: every
 * field of SimPartial (events, component-hours, per-checkpoint first quorum / API / data /
 * capacity losses and sums of bytes lost and their squares, sums and squares of the four
 * hours-per-year figures, and all ten per-kind fields, each risk credited to the kind of the event
 * that started it). The bench checks every one against TypeScript.
 * Covered here and in TypeScript's loop for the benchmark examples: exponential repair, a
 * parallel crew, one site without site links (the API is then lost exactly when quorum is). Not
 * covered here: lognormal repair, a serial crew and site partitions, which TypeScript runs only
 * for plans that have them (neither example does, and TypeScript skips their work when absent).
 *   cc -O2 -o /tmp/reliabilityLoop reliabilityLoop.c -lm && /tmp/reliabilityLoop model.txt seed trials
 * The model file is written by test/bench/reliability.bench.ts from compileSimModel.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { DISK, NODE, TOR, FEED, RACK, ROOM, SITE, SITE_LINK, KINDS };

static FILE *in;
static double num(void) { double x; if (fscanf(in, "%lf", &x) != 1) { fprintf(stderr, "bad model file\n"); exit(2); } return x; }
static int *ints(int n) { int *a = malloc(sizeof(int) * (n > 0 ? n : 1)); for (int i = 0; i < n; i++) a[i] = (int)num(); return a; }
static double *dbls(int n) { double *a = malloc(sizeof(double) * (n > 0 ? n : 1)); for (int i = 0; i < n; i++) a[i] = num(); return a; }

/* The sfc32 stream of src/models/stats/random.ts, seeded as seededRandom(seed). */
#include "../models/stats/sfc32.h"
static double next01(void) { return word() / 4294967296.0; }

/* The exponential ziggurat of src/models/stats/ziggurat.ts and random.ts (standardExponential),
 * shared with the generator's own C reference: the same bits as TypeScript. */
#include "../models/stats/ziggurat.h"

static int C, D, H, N, R, ROOMS, SITES, U, CP, needed, minAvailable, members, quorum;
static double T, coresTotal, coresNeeded, *checkpoints;
static int *compKind, *compTarget, *nodeRack, *nodeFeedMask, *nodeTorMask, *nodeIsMember, *nodeSched, *nodeDiskStart, *nodeDisks;
static int *rackRoom, *rackSite, *rackFeedMask, *rackTrip, *rackNodeStart, *rackNodes, *diskNode, *diskUnitStart, *diskUnits, *unitWidth;
static double *failuresPerHour, *repairMean, *nodeCores, *diskRebuild, *unitBytes;

static int *heap, *pos, heapSize;
static double *when;
static void siftUp(int i) {
  int item = heap[i]; double t = when[item];
  while (i > 0) { int p = (i - 1) >> 1; int pi = heap[p]; if (when[pi] <= t) break; heap[i] = pi; pos[pi] = i; i = p; }
  heap[i] = item; pos[item] = i;
}
static void siftDown(int i) {
  int item = heap[i]; double t = when[item];
  for (;;) {
    int c = 2 * i + 1;
    if (c >= heapSize) break;
    if (c + 1 < heapSize && when[heap[c + 1]] < when[heap[c]]) c++;
    if (when[heap[c]] >= t) break;
    heap[i] = heap[c]; pos[heap[c]] = i; i = c;
  }
  heap[i] = item; pos[item] = i;
}
/* Infinity takes the item out of the heap; a finite time puts it in or moves it. */
static void schedule(int item, double t) {
  int i = pos[item]; double old = when[item];
  when[item] = t;
  if (i < 0) {
    if (t == INFINITY) return;
    int n = heapSize++; heap[n] = item; pos[item] = n; siftUp(n); return;
  }
  if (t == INFINITY) {
    int last = heap[--heapSize];
    pos[item] = -1;
    if (i == heapSize) return;
    heap[i] = last; pos[last] = i;
    if (i > 0 && when[last] < when[heap[(i - 1) >> 1]]) siftUp(i); else siftDown(i);
    return;
  }
  if (t < old) siftUp(i); else siftDown(i);
}

/* Per-kind fields, as simulate.ts's SimPartial.byKind (index = kind * KIND_FIELDS + field). */
enum { K_EVENTS, K_DOWN_HOURS, K_NODE_DOWN_HOURS, K_QUORUM_LOSSES, K_QUORUM_HOURS, K_API_HOURS, K_DATA_LOSSES, K_BYTES_LOST, K_UNAVAILABLE_HOURS, K_CAPACITY_HOURS, KIND_FIELDS };
static double byKind[KINDS * KIND_FIELDS];
static unsigned char *nodeFailed, *nodeDown, *nodeDownKind, *torDown, *feedDown, *rackFailed, *roomFailed, *siteFailed, *diskIntact;
/* Storage shards as in simulate.ts: shards[u] counts unit u's shards on live nodes' intact disks,
 * shards[U + u] its intact shards, and shards[diskShards[2d] ... diskShards[2d + 1]) lists the units
 * disk d holds a shard of (units narrower than needed or minAvailable left out). The lists are laid
 * out node by node, so a node none of whose disks is lost (nodeDisksLost[n] 0) moves its shards in
 * one run, shards[nodeShards[2n] ... nodeShards[2n + 1]). */
static int *shards, *shardCountsStart, *diskShards, *nodeShards, *nodeDisksLost;
static int compDownByKind[KINDS], nodesDownByKind[KINDS];
static int membersUp, schedUp, unavailableUnits;
static double upCores, now, firstLoss, *trialBytes;
static long long events;
/* Down-hours per kind are added when a kind's count changes (count x time since its last change). */
static double compDownSince[KINDS], nodesDownSince[KINDS];
static void compDownChange(int kind, int delta) {
  byKind[kind * KIND_FIELDS + K_DOWN_HOURS] += compDownByKind[kind] * (now - compDownSince[kind]);
  compDownSince[kind] = now;
  compDownByKind[kind] += delta;
}
static void nodesDownChange(int kind, int delta) {
  byKind[kind * KIND_FIELDS + K_NODE_DOWN_HOURS] += nodesDownByKind[kind] * (now - nodesDownSince[kind]);
  nodesDownSince[kind] = now;
  nodesDownByKind[kind] += delta;
}

/* A node went down (down 1) or up: the intact shards listed in shards[from ... to) leave or rejoin their units' live counts. */
static void moveShards(int from, int to, int down) {
  if (down) { for (int j = from; j < to; j++) if (shards[shards[j]]-- == minAvailable) unavailableUnits++; }
  else for (int j = from; j < to; j++) if (++shards[shards[j]] == minAvailable) unavailableUnits--;
}
static void setNode(int n, int down, int kind) {
  nodeDown[n] = down;
  int delta = down ? -1 : 1;
  if (down) { nodeDownKind[n] = kind; nodesDownChange(kind, 1); } else nodesDownChange(nodeDownKind[n], -1);
  if (nodeIsMember[n]) membersUp += delta;
  if (nodeSched[n]) { schedUp += delta; upCores += delta * nodeCores[n]; }
  if (nodeDisksLost[n] == 0) { moveShards(nodeShards[2 * n], nodeShards[2 * n + 1], down); return; }
  for (int i = nodeDiskStart[n]; i < nodeDiskStart[n + 1]; i++) {
    int d = nodeDisks[i];
    if (diskIntact[d]) moveShards(diskShards[2 * d], diskShards[2 * d + 1], down);
  }
}
/* Rack r's own state, read once for all its nodes (simulate.ts, rackIsDown), and a node's in a rack that stands. */
static int rackIsDown(int r) {
  if (rackFailed[r] || roomFailed[rackRoom[r]] || siteFailed[rackSite[r]]) return 1;
  int fd = feedDown[r];
  return fd != 0 && ((rackFeedMask[r] & ~fd) == 0 || (rackTrip[r] & fd) != 0);
}
static int nodeIsDown(int n, int feedsDown, int torsDown) {
  if (nodeFailed[n]) return 1;
  int fm = nodeFeedMask[n];
  if (fm != 0 && (fm & ~feedsDown) == 0) return 1;
  int tm = nodeTorMask[n];
  return tm != 0 && (tm & ~torsDown) == 0;
}
static void refreshNode(int n, int kind) {
  int r = nodeRack[n];
  int down = rackIsDown(r) || nodeIsDown(n, feedDown[r], torDown[r]);
  if (down != nodeDown[n]) setNode(n, down, kind);
}
static void refreshRack(int r, int kind) {
  int rackDown = rackIsDown(r), feedsDown = feedDown[r], torsDown = torDown[r];
  for (int i = rackNodeStart[r], e = rackNodeStart[r + 1]; i < e; i++) {
    int n = rackNodes[i];
    int down = rackDown || nodeIsDown(n, feedsDown, torsDown);
    if (down != nodeDown[n]) setNode(n, down, kind);
  }
}
/* Whether a switch (TOR) or feed (FEED) event in rack r, which found its switches or feeds down
 * as mask `old`, can change any node (simulate.ts, rackMoves): the rack's power going out or
 * back, or for a switch or feed mask some node of the rack has, all of it down before and not
 * after or the reverse. rackTorMasks / rackFeedMasks[r]: bit m set if some node has mask m. */
static int *rackTorMasks, *rackFeedMasks;
static int rackMoves(int r, int kind, int old) {
  int now, masks;
  if (kind == TOR) { now = torDown[r]; masks = rackTorMasks[r]; }
  else {
    now = feedDown[r]; masks = rackFeedMasks[r];
    int wasOut = old != 0 && ((rackFeedMask[r] & ~old) == 0 || (rackTrip[r] & old) != 0);
    int isOut = now != 0 && ((rackFeedMask[r] & ~now) == 0 || (rackTrip[r] & now) != 0);
    if (wasOut != isOut) return 1;
  }
  for (int mask = 1; mask < 4; mask++) if ((masks & (1 << mask)) && ((mask & ~old) == 0) != ((mask & ~now) == 0)) return 1;
  return 0;
}
static void destroyDisk(int d) {
  diskIntact[d] = 0;
  nodeDisksLost[diskNode[d]]++;
  int up = !nodeDown[diskNode[d]];
  for (int j = diskShards[2 * d], f = diskShards[2 * d + 1]; j < f; j++) {
    int u = shards[j];
    if (up && shards[u]-- == minAvailable) unavailableUnits++;
    if (shards[U + u]-- == needed) {
      double bytes = unitBytes[u];
      byKind[DISK * KIND_FIELDS + K_DATA_LOSSES]++;
      byKind[DISK * KIND_FIELDS + K_BYTES_LOST] += bytes;
      if (now < firstLoss) firstLoss = now;
      for (int c = 0; c < CP; c++) if (now <= checkpoints[c]) trialBytes[c] += bytes;
    }
  }
}
static void restoreDisk(int d) {
  diskIntact[d] = 1;
  nodeDisksLost[diskNode[d]]--;
  int up = !nodeDown[diskNode[d]];
  for (int j = diskShards[2 * d], f = diskShards[2 * d + 1]; j < f; j++) { int u = shards[j]; shards[U + u]++; if (up && ++shards[u] == minAvailable) unavailableUnits--; }
}
static double exponential(void) { return standardExponential(); }
static double drawRepair(double mean) { return mean * exponential(); }

/* The failure clock: one Poisson process of rate `rate` for all up components, which are grouped
 * by equal rate; upList[groupStart[g] ...] holds group g's members, the groupUp[g] up ones first.
 * It fires at clockAt (infinity while no component is up), outside the heap, as in simulate.ts. */
static double clockAt;
static int G, *compGroup, *groupStart, *groupSize, *groupUp, *upList, *upSlot, *upListInit, *upSlotInit;
static double *groupRate, rate, allUpRate;
static int upCount, canFail;
static void drawClock(void) { clockAt = rate > 0 ? now + exponential() / rate : INFINITY; }
static int pickFailing(void) {
  double x = next01() * rate;
  int g = -1;
  for (int i = 0; i < G; i++) {
    int up = groupUp[i];
    if (up == 0) continue;
    g = i;
    double weight = up * groupRate[i];
    if (x < weight) break;
    x -= weight;
  }
  int up = groupUp[g];
  int k = (int)floor(x / groupRate[g]);
  if (k >= up) k = up - 1;
  int start = groupStart[g], c = upList[start + k], last = upList[start + up - 1];
  upList[start + k] = last; upSlot[last] = start + k;
  upList[start + up - 1] = c; upSlot[c] = start + up - 1;
  groupUp[g] = up - 1;
  rate = --upCount == 0 ? 0 : rate - groupRate[g];
  return c;
}
static void rejoin(int c) {
  int g = compGroup[c];
  if (g < 0) return;
  int slot = upSlot[c], first = groupStart[g] + groupUp[g], other = upList[first];
  upList[slot] = other; upSlot[other] = slot;
  upList[first] = c; upSlot[c] = first;
  groupUp[g]++;
  upCount++;
  double old = rate;
  rate = old + groupRate[g];
  double at = clockAt;
  if (at == INFINITY) drawClock(); else clockAt = now + ((at - now) * old) / rate;
}

int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: reliabilityLoop model.txt seed trials\n"); return 2; }
  in = fopen(argv[1], "r");
  if (!in) { perror(argv[1]); return 2; }
  uint32_t seed = (uint32_t)strtoul(argv[2], 0, 10);
  int trials = atoi(argv[3]);
  C = (int)num(); D = (int)num(); N = (int)num(); R = (int)num(); ROOMS = (int)num(); SITES = (int)num(); U = (int)num();
  CP = (int)num(); needed = (int)num(); minAvailable = (int)num(); members = (int)num(); quorum = (int)num(); coresTotal = num(); coresNeeded = num();
  checkpoints = dbls(CP); T = checkpoints[CP - 1];
  compKind = ints(C); compTarget = ints(C); failuresPerHour = dbls(C); repairMean = dbls(C);
  nodeRack = ints(N); nodeFeedMask = ints(N); nodeTorMask = ints(N); nodeIsMember = ints(N); nodeSched = ints(N); nodeCores = dbls(N);
  nodeDiskStart = ints(N + 1); nodeDisks = ints(D);
  rackRoom = ints(R); rackSite = ints(R); rackFeedMask = ints(R); rackTrip = ints(R); rackNodeStart = ints(R + 1); rackNodes = ints(N);
  diskNode = ints(D); diskRebuild = dbls(D); diskUnitStart = ints(D + 1); diskUnits = ints(diskUnitStart[D]);
  unitWidth = ints(U); unitBytes = dbls(U);
  fclose(in);
  H = C + D;
  heap = malloc(sizeof(int) * (H + 1)); pos = malloc(sizeof(int) * (H + 1)); when = malloc(sizeof(double) * (H + 1));
  for (int i = 0; i <= H; i++) { pos[i] = -1; when[i] = INFINITY; }
  heapSize = 0;
  /* Groups in order of first appearance, members in component order, as in simulate.ts. */
  compGroup = malloc(sizeof(int) * (C + 1)); groupRate = malloc(sizeof(double) * (C + 1));
  G = 0;
  for (int c = 0; c < C; c++) {
    compGroup[c] = -1;
    double r = failuresPerHour[c];
    if (!(r > 0)) continue;
    int g = 0;
    while (g < G && groupRate[g] != r) g++;
    if (g == G) groupRate[G++] = r;
    compGroup[c] = g;
  }
  groupStart = calloc(G + 1, sizeof(int)); groupSize = calloc(G + 1, sizeof(int)); groupUp = calloc(G + 1, sizeof(int));
  for (int c = 0; c < C; c++) if (compGroup[c] >= 0) groupSize[compGroup[c]]++;
  for (int g = 1; g < G; g++) groupStart[g] = groupStart[g - 1] + groupSize[g - 1];
  upList = calloc(C + 1, sizeof(int)); upSlot = calloc(C + 1, sizeof(int)); upListInit = calloc(C + 1, sizeof(int)); upSlotInit = calloc(C + 1, sizeof(int));
  {
    int *filled = calloc(G + 1, sizeof(int));
    for (int c = 0; c < C; c++) {
      upSlotInit[c] = -1;
      int g = compGroup[c];
      if (g < 0) continue;
      int slot = groupStart[g] + filled[g]++;
      upListInit[slot] = c; upSlotInit[c] = slot;
    }
    free(filled);
  }
  canFail = 0; allUpRate = 0;
  for (int g = 0; g < G; g++) { canFail += groupSize[g]; allUpRate += groupSize[g] * groupRate[g]; }
  nodeFailed = calloc(N, 1); nodeDown = calloc(N, 1); nodeDownKind = calloc(N, 1);
  torDown = calloc(R, 1); feedDown = calloc(R, 1); rackFailed = calloc(R, 1); roomFailed = calloc(ROOMS, 1); siteFailed = calloc(SITES, 1);
  diskIntact = calloc(D, 1);
  shards = malloc(sizeof(int) * (2 * U + diskUnitStart[D] + 1)); shardCountsStart = malloc(sizeof(int) * (2 * U + 1)); diskShards = malloc(sizeof(int) * (2 * D + 1));
  nodeShards = malloc(sizeof(int) * (2 * N + 1)); nodeDisksLost = calloc(N + 1, sizeof(int));
  for (int u = 0; u < U; u++) shardCountsStart[u] = shardCountsStart[U + u] = unitWidth[u];
  {
    int at = 2 * U;
    for (int n = 0; n < N; n++) {
      nodeShards[2 * n] = at;
      for (int i = nodeDiskStart[n]; i < nodeDiskStart[n + 1]; i++) {
        int d = nodeDisks[i];
        diskShards[2 * d] = at;
        for (int j = diskUnitStart[d]; j < diskUnitStart[d + 1]; j++) {
          int u = diskUnits[j];
          if (unitWidth[u] >= needed && unitWidth[u] >= minAvailable) shards[at++] = u;
        }
        diskShards[2 * d + 1] = at;
      }
      nodeShards[2 * n + 1] = at;
    }
  }
  rackTorMasks = calloc(R + 1, sizeof(int)); rackFeedMasks = calloc(R + 1, sizeof(int));
  for (int r = 0; r < R; r++)
    for (int i = rackNodeStart[r]; i < rackNodeStart[r + 1]; i++) { rackTorMasks[r] |= 1 << nodeTorMask[rackNodes[i]]; rackFeedMasks[r] |= 1 << nodeFeedMask[rackNodes[i]]; }
  int schedTotal = 0;
  for (int n = 0; n < N; n++) schedTotal += nodeSched[n];
  seedSfc32(seed);
  zigguratTables();

  double *quorumWithin = calloc(CP, sizeof(double)), *apiWithin = calloc(CP, sizeof(double)), *lossWithin = calloc(CP, sizeof(double));
  double *shortWithin = calloc(CP, sizeof(double)), *bytesLost = calloc(CP, sizeof(double)), *bytesLostSq = calloc(CP, sizeof(double));
  trialBytes = calloc(CP, sizeof(double));
  double moments[8] = {0}, componentHours = 0, missionYears = T / 8766;
  long long trialsDone = 0;

  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  clock_t cpu0 = clock();
  for (int trial = 0; trial < trials; trial++) {
    memset(nodeFailed, 0, N); memset(nodeDisksLost, 0, sizeof(int) * N); memset(nodeDown, 0, N); memset(torDown, 0, R); memset(feedDown, 0, R);
    memset(rackFailed, 0, R); memset(roomFailed, 0, ROOMS); memset(siteFailed, 0, SITES); memset(diskIntact, 1, D);
    memset(compDownByKind, 0, sizeof compDownByKind); memset(nodesDownByKind, 0, sizeof nodesDownByKind);
    memset(compDownSince, 0, sizeof compDownSince); memset(nodesDownSince, 0, sizeof nodesDownSince);
    memset(trialBytes, 0, sizeof(double) * CP);
    memcpy(shards, shardCountsStart, sizeof(int) * 2 * U);
    membersUp = members; schedUp = schedTotal; upCores = coresTotal; unavailableUnits = 0;
    int quorumOk = members == 0 || members >= quorum, apiOk = quorumOk, unavailable = 0, capacityShort = 0;
    int quorumKind = 0, apiKind = 0, unavailableKind = 0, capacityKind = 0;
    double quorumHours = 0, apiHours = 0, unavailableHours = 0, capacityHours = 0;
    double quorumSince = 0, apiSince = 0, unavailableSince = 0, capacitySince = 0;
    double firstQuorum = INFINITY, firstApi = INFINITY, firstShort = INFINITY;
    now = 0; firstLoss = INFINITY;
    for (int i = 0; i < heapSize; i++) { when[heap[i]] = INFINITY; pos[heap[i]] = -1; }
    heapSize = 0;
    memcpy(upList, upListInit, sizeof(int) * C); memcpy(upSlot, upSlotInit, sizeof(int) * C); memcpy(groupUp, groupSize, sizeof(int) * G);
    upCount = canFail;
    rate = allUpRate;
    drawClock();
    for (;;) {
      /* The failure clock's or the heap's top, whichever comes first (the heap's at a tie). */
      int item = heapSize > 0 ? heap[0] : -1;
      double t = item >= 0 ? when[item] : INFINITY;
      int failing = clockAt < t;
      if (failing) t = clockAt;
      if (t > T) break;
      now = t;
      events++;
      int kind;
      if (!failing && item >= C) { kind = DISK; restoreDisk(item - C); schedule(item, INFINITY); }
      else {
        int c = failing ? pickFailing() : item, target = compTarget[c];
        kind = compKind[c];
        if (failing) {
          drawClock();
          compDownChange(kind, 1);
          byKind[kind * KIND_FIELDS + K_EVENTS]++;
          schedule(c, now + drawRepair(repairMean[c]));
          switch (kind) {
            case DISK:
              if (when[C + target] == INFINITY && diskIntact[target]) {
                destroyDisk(target);
                if (diskRebuild[target] > 0) schedule(C + target, now + drawRepair(diskRebuild[target]));
              }
              break;
            case NODE: nodeFailed[target] = 1; refreshNode(target, kind); break;
            case TOR: { int r = target >> 1, old = torDown[r]; torDown[r] = old | (1 << (target & 1)); if (rackMoves(r, kind, old)) refreshRack(r, kind); break; }
            case FEED: { int r = target >> 1, old = feedDown[r]; feedDown[r] = old | (1 << (target & 1)); if (rackMoves(r, kind, old)) refreshRack(r, kind); break; }
            case RACK: rackFailed[target] = 1; refreshRack(target, kind); break;
            case ROOM: roomFailed[target] = 1; for (int r = 0; r < R; r++) if (rackRoom[r] == target) refreshRack(r, kind); break;
            case SITE: siteFailed[target] = 1; for (int r = 0; r < R; r++) if (rackSite[r] == target) refreshRack(r, kind); break;
          }
        } else {
          compDownChange(kind, -1);
          schedule(c, INFINITY);
          rejoin(c);
          switch (kind) {
            case DISK: if (diskRebuild[target] == 0 && !diskIntact[target]) restoreDisk(target); break;
            case NODE: nodeFailed[target] = 0; refreshNode(target, kind); break;
            case TOR: { int r = target >> 1, old = torDown[r]; torDown[r] = old & ~(1 << (target & 1)); if (rackMoves(r, kind, old)) refreshRack(r, kind); break; }
            case FEED: { int r = target >> 1, old = feedDown[r]; feedDown[r] = old & ~(1 << (target & 1)); if (rackMoves(r, kind, old)) refreshRack(r, kind); break; }
            case RACK: rackFailed[target] = 0; refreshRack(target, kind); break;
            case ROOM: roomFailed[target] = 0; for (int r = 0; r < R; r++) if (rackRoom[r] == target) refreshRack(r, kind); break;
            case SITE: siteFailed[target] = 0; for (int r = 0; r < R; r++) if (rackSite[r] == target) refreshRack(r, kind); break;
          }
        }
      }
      /* System states after the event (simulate.ts, settle): a move into a bad state is credited to
       * the event's kind, and the spell's hours are added when it ends (or at T). With no site
       * links the API is lost exactly when quorum is, but it is kept as its own figure, as there. */
      int q = members == 0 || membersUp >= quorum;
      int a = q;
      if (q != quorumOk) {
        if (!q) { quorumKind = kind; byKind[kind * KIND_FIELDS + K_QUORUM_LOSSES]++; if (now < firstQuorum) firstQuorum = now; quorumSince = now; }
        else { quorumHours += now - quorumSince; byKind[quorumKind * KIND_FIELDS + K_QUORUM_HOURS] += now - quorumSince; }
        quorumOk = q;
      }
      if (a != apiOk) {
        if (!a) { apiKind = kind; if (now < firstApi) firstApi = now; apiSince = now; }
        else { apiHours += now - apiSince; byKind[apiKind * KIND_FIELDS + K_API_HOURS] += now - apiSince; }
        apiOk = a;
      }
      int un = unavailableUnits > 0;
      if (un != unavailable) {
        if (un) { unavailableKind = kind; unavailableSince = now; }
        else { unavailableHours += now - unavailableSince; byKind[unavailableKind * KIND_FIELDS + K_UNAVAILABLE_HOURS] += now - unavailableSince; }
        unavailable = un;
      }
      int shortNow = coresTotal > 0 && upCores < coresNeeded;
      if (shortNow != capacityShort) {
        if (shortNow) { capacityKind = kind; if (now < firstShort) firstShort = now; capacitySince = now; }
        else { capacityHours += now - capacitySince; byKind[capacityKind * KIND_FIELDS + K_CAPACITY_HOURS] += now - capacitySince; }
        capacityShort = shortNow;
      }
    }
    /* The mission's end (simulate.ts, closeSpells and endTrial). */
    now = T;
    /* As closeSpells: a kind with nothing down adds 0, and with every component up nothing is. */
    if (upCount != canFail)
      for (int k = 0; k < KINDS; k++) {
        if (compDownByKind[k]) byKind[k * KIND_FIELDS + K_DOWN_HOURS] += compDownByKind[k] * (T - compDownSince[k]);
        if (nodesDownByKind[k]) byKind[k * KIND_FIELDS + K_NODE_DOWN_HOURS] += nodesDownByKind[k] * (T - nodesDownSince[k]);
      }
    if (!quorumOk) { quorumHours += T - quorumSince; byKind[quorumKind * KIND_FIELDS + K_QUORUM_HOURS] += T - quorumSince; }
    if (!apiOk) { apiHours += T - apiSince; byKind[apiKind * KIND_FIELDS + K_API_HOURS] += T - apiSince; }
    if (unavailable) { unavailableHours += T - unavailableSince; byKind[unavailableKind * KIND_FIELDS + K_UNAVAILABLE_HOURS] += T - unavailableSince; }
    if (capacityShort) { capacityHours += T - capacitySince; byKind[capacityKind * KIND_FIELDS + K_CAPACITY_HOURS] += T - capacitySince; }
    trialsDone++;
    componentHours += C * T;
    for (int c = 0; c < CP; c++) {
      double at = checkpoints[c];
      if (firstQuorum <= at) quorumWithin[c]++;
      if (firstApi <= at) apiWithin[c]++;
      if (firstLoss <= at) lossWithin[c]++;
      if (firstShort <= at) shortWithin[c]++;
      bytesLost[c] += trialBytes[c];
      bytesLostSq[c] += trialBytes[c] * trialBytes[c];
    }
    double qy = quorumHours / missionYears, ay = apiHours / missionYears, uy = unavailableHours / missionYears, cy = capacityHours / missionYears;
    moments[0] += qy; moments[1] += qy * qy;
    moments[2] += ay; moments[3] += ay * ay;
    moments[4] += uy; moments[5] += uy * uy;
    moments[6] += cy; moments[7] += cy * cy;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
  double cpuSeconds = (double)(clock() - cpu0) / CLOCKS_PER_SEC;
  /* Every output is printed, in SimPartial's names, so the compiler cannot drop any of the work
   * and the bench can compare each with TypeScript's. */
  printf("{\"trials\": %lld, \"events\": %lld, \"componentHours\": %.17g", trialsDone, events, componentHours);
  const char *names[] = {"quorumLossWithin", "apiLossWithin", "dataLossWithin", "capacityShortWithin", "bytesLost", "bytesLostSq"};
  double *arrays[] = {quorumWithin, apiWithin, lossWithin, shortWithin, bytesLost, bytesLostSq};
  for (int i = 0; i < 6; i++) {
    printf(", \"%s\": [", names[i]);
    for (int c = 0; c < CP; c++) printf("%s%.17g", c ? ", " : "", arrays[i][c]);
    printf("]");
  }
  printf(", \"moments\": [");
  for (int i = 0; i < 8; i++) printf("%s%.17g", i ? ", " : "", moments[i]);
  printf("], \"byKind\": [");
  for (int i = 0; i < KINDS * KIND_FIELDS; i++) printf("%s%.17g", i ? ", " : "", byKind[i]);
  printf("], \"seconds\": %.6f, \"cpuSeconds\": %.6f}\n", seconds, cpuSeconds);
  return 0;
}
