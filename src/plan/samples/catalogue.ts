import type { Hardware } from '../schema';

/**
 * Hardware profiles used by the sample plans: common 2025-26 server builds. Power figures are
 * typical/peak wall draw of similar vendor configurations (1U dual-socket ~250-450 W typical);
 * they are examples a user replaces with their own quotes.
 */
export const SAMPLE_HARDWARE = {
  cp: {
    id: 'cp-1u-nvme', name: 'Control plane 1U (16c, 64 GiB, NVMe)', cores: 16, cpuClass: 'balanced', memoryGiB: 64,
    disks: [{ class: 'nvme-enterprise', capacityGB: 960, count: 2, purpose: 'system' }],
    nics: { count: 2, speedGbps: 25 }, heightU: 1, powerTypicalW: 220, powerPeakW: 400, priceUsd: 9000,
  },
  cpLarge: {
    id: 'cp-1u-large', name: 'Control plane 1U (32c, 128 GiB, NVMe)', cores: 32, cpuClass: 'performance', memoryGiB: 128,
    disks: [{ class: 'nvme-enterprise', capacityGB: 1920, count: 2, purpose: 'system' }],
    nics: { count: 2, speedGbps: 25 }, heightU: 1, powerTypicalW: 320, powerPeakW: 550, priceUsd: 16000,
  },
  cpSmall: {
    id: 'cp-mini', name: 'Small control plane (4c, 8 GiB, SATA SSD)', cores: 4, cpuClass: 'efficiency', memoryGiB: 8,
    disks: [{ class: 'ssd-sata', capacityGB: 240, count: 1, purpose: 'system' }],
    nics: { count: 1, speedGbps: 10 }, heightU: 1, powerTypicalW: 60, powerPeakW: 120, priceUsd: 1800,
  },
  worker: {
    id: 'worker-1u', name: 'Worker 1U (64c, 512 GiB)', cores: 64, cpuClass: 'balanced', memoryGiB: 512,
    disks: [{ class: 'nvme-enterprise', capacityGB: 1920, count: 2, purpose: 'system' }],
    nics: { count: 2, speedGbps: 25 }, heightU: 1, powerTypicalW: 420, powerPeakW: 750, priceUsd: 22000,
  },
  storage: {
    id: 'storage-2u-nvme', name: 'Storage 2U (32c, 256 GiB, 12 x 7.68 TB NVMe)', cores: 32, cpuClass: 'balanced', memoryGiB: 256,
    disks: [
      { class: 'nvme-enterprise', capacityGB: 960, count: 1, purpose: 'system' },
      { class: 'nvme-enterprise', capacityGB: 7680, count: 12, purpose: 'data' },
    ],
    nics: { count: 2, speedGbps: 25 }, heightU: 2, powerTypicalW: 550, powerPeakW: 900, priceUsd: 38000,
  },
  storageHdd: {
    id: 'storage-2u-hdd', name: 'Storage 2U (16c, 128 GiB, 12 x 16 TB HDD)', cores: 16, cpuClass: 'efficiency', memoryGiB: 128,
    disks: [
      { class: 'hdd', capacityGB: 960, count: 1, purpose: 'system' },
      { class: 'hdd', capacityGB: 16000, count: 12, purpose: 'data' },
    ],
    nics: { count: 1, speedGbps: 10 }, heightU: 2, powerTypicalW: 350, powerPeakW: 600, priceUsd: 14000,
  },
  cpHdd: {
    id: 'cp-hdd', name: 'Control plane on HDD (8c, 16 GiB)', cores: 8, cpuClass: 'efficiency', memoryGiB: 16,
    disks: [{ class: 'hdd', capacityGB: 2000, count: 1, purpose: 'system' }],
    nics: { count: 1, speedGbps: 1 }, heightU: 1, powerTypicalW: 120, powerPeakW: 200, priceUsd: 2500,
  },
  cloudVm: {
    id: 'cloud-vm-16', name: 'Cloud VM (16 vCPU, 64 GiB, network volume)', cores: 16, cpuClass: 'balanced', memoryGiB: 64,
    disks: [{ class: 'network', capacityGB: 200, count: 1, purpose: 'system' }],
    nics: { count: 1, speedGbps: 12.5 }, heightU: 1, powerTypicalW: 1, powerPeakW: 1,
  },
} satisfies Record<string, Hardware>;
