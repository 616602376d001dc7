export * from './schema';
export { DEFAULTS } from './defaults';
export { DISK_CLASSES, type DiskClassSpec } from './diskClasses';
export { validatePlan, switchSlots, topFreeU, type ValidationResult } from './validate';
export { formatIssue, type PlanIssue } from './issues';
export { readPlan, writePlan, formatOf, type PlanFormat } from './io';
export { CURRENT_VERSION, migratePlan } from './migrate';
