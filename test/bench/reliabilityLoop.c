/*
 * The reliability Monte Carlo's inner loop (src/models/reliability/simulate.ts, simulateWith) in
 * C, for `npm run bench` to compare speeds: the same indexed heap, the same node, switch, feed,
 * rack, room and site rules, the same per-unit shard counters, the same sfc32 stream
 * (src/models/stats/random.ts) and exponential draws. It covers the paths the benchmark plan
 * takes: exponential repair, a parallel crew, one site (no partition); the TypeScript loop also
 * runs lognormal repair, a serial crew and site partitions.
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

static uint32_t ra, rb, rc, rd;
static double next01(void) {
  uint32_t t = ra + rb + rd++;
  ra = rb ^ (rb >> 9);
  rb = rc + (rc << 3);
  rc = ((rc << 21) | (rc >> 11)) + t;
  return t / 4294967296.0;
}
static void seedRandom(uint32_t seed) {
  uint32_t s = seed;
  uint32_t v[4];
  for (int i = 0; i < 4; i++) {
    s += 0x9e3779b9u;
    uint32_t z = s;
    z = (z ^ (z >> 16)) * 0x85ebca6bu;
    z = (z ^ (z >> 13)) * 0xc2b2ae35u;
    v[i] = z ^ (z >> 16);
  }
  ra = v[0]; rb = v[1]; rc = v[2]; rd = v[3];
  for (int i = 0; i < 12; i++) next01();
}

static int C, D, H, N, R, ROOMS, SITES, U, needed, minAvailable, members, quorum;
static double T, coresTotal, coresNeeded;
static int *compKind, *compTarget, *nodeRack, *nodeFeedMask, *nodeTorMask, *nodeIsMember, *nodeSched, *nodeDiskStart, *nodeDisks;
static int *rackRoom, *rackSite, *rackFeedMask, *rackTrip, *rackNodeStart, *rackNodes, *diskNode, *diskUnitStart, *diskUnits, *unitWidth;
static double *failuresPerHour, *repairMean, *nodeCores, *diskRebuild, *unitBytes;

static int *heap, *pos;
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
    if (c >= H) break;
    if (c + 1 < H && when[heap[c + 1]] < when[heap[c]]) c++;
    if (when[heap[c]] >= t) break;
    heap[i] = heap[c]; pos[heap[c]] = i; i = c;
  }
  heap[i] = item; pos[item] = i;
}
static void schedule(int item, double t) { double old = when[item]; when[item] = t; if (t < old) siftUp(pos[item]); else siftDown(pos[item]); }

static unsigned char *compDown, *nodeFailed, *nodeDown, *nodeDownKind, *torDown, *feedDown, *rackFailed, *roomFailed, *siteFailed, *diskIntact, *unitTracked;
static int *unitIntact, *unitReach;
static int compDownByKind[KINDS], nodesDownByKind[KINDS];
static int membersUp, schedUp, unavailableUnits;
static double upCores, now, firstQuorum, firstLoss, bytesLost;
static long long events, quorumLosses;

static void shardGone(int u) { if (unitTracked[u] && unitReach[u]-- == minAvailable) unavailableUnits++; }
static void shardBack(int u) { if (unitTracked[u] && ++unitReach[u] == minAvailable) unavailableUnits--; }
static void setNode(int n, int down, int kind) {
  nodeDown[n] = down;
  int delta = down ? -1 : 1;
  if (down) { nodeDownKind[n] = kind; nodesDownByKind[kind]++; } else nodesDownByKind[nodeDownKind[n]]--;
  if (nodeIsMember[n]) membersUp += delta;
  if (nodeSched[n]) { schedUp += delta; upCores += delta * nodeCores[n]; }
  for (int i = nodeDiskStart[n]; i < nodeDiskStart[n + 1]; i++) {
    int d = nodeDisks[i];
    if (!diskIntact[d]) continue;
    for (int j = diskUnitStart[d]; j < diskUnitStart[d + 1]; j++) { if (down) shardGone(diskUnits[j]); else shardBack(diskUnits[j]); }
  }
}
static int nodeIsDown(int n) {
  if (nodeFailed[n]) return 1;
  int r = nodeRack[n];
  if (rackFailed[r] || roomFailed[rackRoom[r]] || siteFailed[rackSite[r]]) return 1;
  int fd = feedDown[r];
  if (fd != 0 && ((rackFeedMask[r] & ~fd) == 0 || (rackTrip[r] & fd) != 0)) return 1;
  int fm = nodeFeedMask[n];
  if (fm != 0 && (fm & ~fd) == 0) return 1;
  int tm = nodeTorMask[n];
  if (tm != 0 && (tm & ~torDown[r]) == 0) return 1;
  return 0;
}
static void refreshNode(int n, int kind) { int down = nodeIsDown(n); if (down != nodeDown[n]) setNode(n, down, kind); }
static void refreshRack(int r, int kind) { for (int i = rackNodeStart[r]; i < rackNodeStart[r + 1]; i++) refreshNode(rackNodes[i], kind); }
static void destroyDisk(int d) {
  diskIntact[d] = 0;
  int up = !nodeDown[diskNode[d]];
  for (int j = diskUnitStart[d]; j < diskUnitStart[d + 1]; j++) {
    int u = diskUnits[j];
    if (up) shardGone(u);
    if (unitIntact[u]-- == needed && unitTracked[u]) { bytesLost += unitBytes[u]; if (now < firstLoss) firstLoss = now; }
  }
}
static void restoreDisk(int d) {
  diskIntact[d] = 1;
  int up = !nodeDown[diskNode[d]];
  for (int j = diskUnitStart[d]; j < diskUnitStart[d + 1]; j++) { int u = diskUnits[j]; unitIntact[u]++; if (up) shardBack(u); }
}
static double drawFailure(int c) { double rate = failuresPerHour[c]; return rate > 0 ? -log(1 - next01()) / rate : INFINITY; }
static double drawRepair(double mean) { return -mean * log(1 - next01()); }

int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: reliabilityLoop model.txt seed trials\n"); return 2; }
  in = fopen(argv[1], "r");
  if (!in) { perror(argv[1]); return 2; }
  uint32_t seed = (uint32_t)strtoul(argv[2], 0, 10);
  int trials = atoi(argv[3]);
  C = (int)num(); D = (int)num(); N = (int)num(); R = (int)num(); ROOMS = (int)num(); SITES = (int)num(); U = (int)num();
  T = num(); needed = (int)num(); minAvailable = (int)num(); members = (int)num(); quorum = (int)num(); coresTotal = num(); coresNeeded = num();
  compKind = ints(C); compTarget = ints(C); failuresPerHour = dbls(C); repairMean = dbls(C);
  nodeRack = ints(N); nodeFeedMask = ints(N); nodeTorMask = ints(N); nodeIsMember = ints(N); nodeSched = ints(N); nodeCores = dbls(N);
  nodeDiskStart = ints(N + 1); nodeDisks = ints(D);
  rackRoom = ints(R); rackSite = ints(R); rackFeedMask = ints(R); rackTrip = ints(R); rackNodeStart = ints(R + 1); rackNodes = ints(N);
  diskNode = ints(D); diskRebuild = dbls(D); diskUnitStart = ints(D + 1); diskUnits = ints(diskUnitStart[D]);
  unitWidth = ints(U); unitBytes = dbls(U);
  fclose(in);
  H = C + D;
  heap = malloc(sizeof(int) * H); pos = malloc(sizeof(int) * H); when = malloc(sizeof(double) * H);
  compDown = calloc(C, 1); nodeFailed = calloc(N, 1); nodeDown = calloc(N, 1); nodeDownKind = calloc(N, 1);
  torDown = calloc(R, 1); feedDown = calloc(R, 1); rackFailed = calloc(R, 1); roomFailed = calloc(ROOMS, 1); siteFailed = calloc(SITES, 1);
  diskIntact = calloc(D, 1); unitTracked = calloc(U > 0 ? U : 1, 1);
  unitIntact = calloc(U > 0 ? U : 1, sizeof(int)); unitReach = calloc(U > 0 ? U : 1, sizeof(int));
  for (int u = 0; u < U; u++) unitTracked[u] = unitWidth[u] >= needed && unitWidth[u] >= minAvailable;
  int schedTotal = 0;
  for (int n = 0; n < N; n++) schedTotal += nodeSched[n];
  seedRandom(seed);

  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  clock_t cpu0 = clock();
  double quorumHours = 0, unavailableHours = 0, capacityHours = 0, kindDownHours[KINDS] = {0}, kindNodeHours[KINDS] = {0};
  long long capacityEvents = 0;
  for (int trial = 0; trial < trials; trial++) {
    memset(compDown, 0, C); memset(nodeFailed, 0, N); memset(nodeDown, 0, N); memset(torDown, 0, R); memset(feedDown, 0, R);
    memset(rackFailed, 0, R); memset(roomFailed, 0, ROOMS); memset(siteFailed, 0, SITES); memset(diskIntact, 1, D);
    memset(compDownByKind, 0, sizeof compDownByKind); memset(nodesDownByKind, 0, sizeof nodesDownByKind);
    for (int u = 0; u < U; u++) { unitIntact[u] = unitWidth[u]; unitReach[u] = unitWidth[u]; }
    membersUp = members; schedUp = schedTotal; upCores = coresTotal; unavailableUnits = 0;
    int quorumOk = members == 0 || members >= quorum, unavailable = 0, capacityShort = 0;
    now = 0; firstQuorum = INFINITY; firstLoss = INFINITY; bytesLost = 0;
    for (int c = 0; c < C; c++) when[c] = drawFailure(c);
    for (int i = C; i < H; i++) when[i] = INFINITY;
    for (int i = 0; i < H; i++) { heap[i] = i; pos[i] = i; }
    for (int i = (H >> 1) - 1; i >= 0; i--) siftDown(i);
    while (H > 0) {
      int item = heap[0];
      double t = when[item];
      if (t > T) break;
      double dt = t - now;
      if (dt > 0) {
        for (int k = 0; k < KINDS; k++) { kindDownHours[k] += compDownByKind[k] * dt; kindNodeHours[k] += nodesDownByKind[k] * dt; }
        if (!quorumOk) quorumHours += dt;
        if (unavailable) unavailableHours += dt;
        if (capacityShort) capacityHours += dt;
        now = t;
      }
      events++;
      int kind;
      if (item >= C) { kind = DISK; restoreDisk(item - C); schedule(item, INFINITY); }
      else {
        int c = item, target = compTarget[c];
        kind = compKind[c];
        if (!compDown[c]) {
          compDown[c] = 1; compDownByKind[kind]++;
          schedule(c, now + drawRepair(repairMean[c]));
          switch (kind) {
            case DISK:
              if (when[C + target] == INFINITY && diskIntact[target]) {
                destroyDisk(target);
                if (diskRebuild[target] > 0) schedule(C + target, now + drawRepair(diskRebuild[target]));
              }
              break;
            case NODE: nodeFailed[target] = 1; refreshNode(target, kind); break;
            case TOR: torDown[target >> 1] |= 1 << (target & 1); refreshRack(target >> 1, kind); break;
            case FEED: feedDown[target >> 1] |= 1 << (target & 1); refreshRack(target >> 1, kind); break;
            case RACK: rackFailed[target] = 1; refreshRack(target, kind); break;
            case ROOM: roomFailed[target] = 1; for (int r = 0; r < R; r++) if (rackRoom[r] == target) refreshRack(r, kind); break;
            case SITE: siteFailed[target] = 1; for (int r = 0; r < R; r++) if (rackSite[r] == target) refreshRack(r, kind); break;
          }
        } else {
          compDown[c] = 0; compDownByKind[kind]--;
          schedule(c, now + drawFailure(c));
          switch (kind) {
            case DISK: if (diskRebuild[target] == 0 && !diskIntact[target]) restoreDisk(target); break;
            case NODE: nodeFailed[target] = 0; refreshNode(target, kind); break;
            case TOR: torDown[target >> 1] &= ~(1 << (target & 1)); refreshRack(target >> 1, kind); break;
            case FEED: feedDown[target >> 1] &= ~(1 << (target & 1)); refreshRack(target >> 1, kind); break;
            case RACK: rackFailed[target] = 0; refreshRack(target, kind); break;
            case ROOM: roomFailed[target] = 0; for (int r = 0; r < R; r++) if (rackRoom[r] == target) refreshRack(r, kind); break;
            case SITE: siteFailed[target] = 0; for (int r = 0; r < R; r++) if (rackSite[r] == target) refreshRack(r, kind); break;
          }
        }
      }
      int q = members == 0 || membersUp >= quorum;
      if (!q && quorumOk) { quorumLosses++; if (now < firstQuorum) firstQuorum = now; }
      quorumOk = q;
      unavailable = unavailableUnits > 0;
      int shortNow = coresTotal > 0 && upCores < coresNeeded;
      if (shortNow && !capacityShort) capacityEvents++;
      capacityShort = shortNow;
      (void)kind;
    }
    if (!quorumOk) quorumHours += T - now;
    if (unavailable) unavailableHours += T - now;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
  double cpuSeconds = (double)(clock() - cpu0) / CLOCKS_PER_SEC;
  printf("{\"events\": %lld, \"quorumLosses\": %lld, \"quorumHours\": %.6f, \"unavailableHours\": %.6f, \"capacityEvents\": %lld, \"nodeDownHours\": %.3f, \"seconds\": %.6f, \"cpuSeconds\": %.6f}\n",
    events, quorumLosses, quorumHours, unavailableHours, capacityEvents, kindNodeHours[NODE] + kindDownHours[NODE] * 0, seconds, cpuSeconds);
  return 0;
}
