import { describe, expect, it } from 'vitest';
import { formatFieldIssue } from './field-issue.js';

describe('formatFieldIssue', () => {
  it('writes the field path, a colon and the message', () => {
    expect(formatFieldIssue({ field: 'stages.2.weight', code: 'X', message: 'bobot harus 0–100' })).toBe(
      'stages.2.weight: bobot harus 0–100',
    );
  });
});
