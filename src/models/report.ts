import type { PhysicalReport } from './physical/physicalCapacity';
import type { NetworkReport } from './network/networkReport';
import type { ControlPlaneReport } from './controlPlane/controlPlaneReport';
import type { StorageReport } from './storage/storageReport';

/**
 * Everything the models say about one plan. Each section is produced by one model family and
 * carries its units in its field names. Later capabilities add sections here and in `evaluate`.
 */
export interface Report {
  planName: string;
  physical: PhysicalReport;
  network: NetworkReport;
  controlPlane: ControlPlaneReport;
  storage: StorageReport;
}
