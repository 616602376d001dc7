import { describe, expect, it } from 'vitest';
import { compareFindings, countBySeverity, worstSeverity, type Finding } from '../../src/models/finding';

const f = (ruleId: string, severity: Finding['severity'], message = 'm'): Finding => ({ ruleId, severity, message, why: 'w', source: 's' });

describe('finding', () => {
  it('compareFindings sorts errors before warnings before info, then by rule id and message', () => {
    const list = [f('B', 'info'), f('A', 'warning'), f('C', 'error', 'z'), f('C', 'error', 'a'), f('A', 'error')];
    expect(list.sort(compareFindings).map((x) => `${x.severity}:${x.ruleId}:${x.message}`)).toEqual([
      'error:A:m',
      'error:C:a',
      'error:C:z',
      'warning:A:m',
      'info:B:m',
    ]);
  });

  it('countBySeverity and worstSeverity', () => {
    const list = [f('A', 'warning'), f('B', 'warning'), f('C', 'info')];
    expect(countBySeverity(list)).toEqual({ error: 0, warning: 2, info: 1 });
    expect(worstSeverity(list)).toBe('warning');
    expect(worstSeverity([])).toBeNull();
  });
});
