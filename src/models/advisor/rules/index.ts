import type { PlanRule } from '../rule';
import { cni } from './cni';
import { cpCount } from './cpCount';
import { cpDisk } from './cpDisk';
import { cpHeadroom } from './cpHeadroom';
import { cpNoSchedule } from './cpNoSchedule';
import { cpRacks } from './cpRacks';
import { cpRtt } from './cpRtt';
import { cpSingleFailure } from './cpSingleFailure';
import { cpSize } from './cpSize';
import { dashboard, etcdBackup, extensions, firewall, secureBoot } from './exportRules';
import { kubeprism } from './kubeprism';
import { kubespanSize } from './kubespanSize';
import { kubespanThroughput } from './kubespanThroughput';
import { kubespanVerdict } from './kubespanVerdict';
import { kubevirt } from './kubevirt';
import { storageChoice } from './storageChoice';
import { storageCount } from './storageCount';
import { storageDedicated } from './storageDedicated';
import { storageLocality } from './storageLocality';
import { storageMedia } from './storageMedia';
import { storageNoKubespan } from './storageNoKubespan';
import { storageOs } from './storageOs';
import { ups } from './ups';
import { upgrades } from './upgrades';
import { workers } from './workers';
import { powerFeeds } from '../model/powerFeeds';
import { workloadCapacity } from '../model/workloadCapacity';

/** Every reference-architecture rule a plan can break, one module each, in the document's order. */
export const RA_RULES: readonly PlanRule[] = [
  cpCount,
  cpSize,
  cpHeadroom,
  cpDisk,
  cpRacks,
  cpRtt,
  kubeprism,
  cpNoSchedule,
  workers,
  storageCount,
  cni,
  kubespanSize,
  kubespanThroughput,
  storageChoice,
  storageLocality,
  storageNoKubespan,
  storageDedicated,
  storageMedia,
  storageOs,
  dashboard,
  extensions,
  secureBoot,
  firewall,
  upgrades,
  etcdBackup,
  ups,
  kubevirt,
];

/** Findings that are not RA rules but read the same report: verdicts and model checks with their own ids. */
export const MODEL_RULES: readonly PlanRule[] = [cpSingleFailure, kubespanVerdict, powerFeeds, workloadCapacity];
