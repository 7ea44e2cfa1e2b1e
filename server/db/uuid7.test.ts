import { describe, expect, it } from 'vitest';
import { uuidv7 } from './uuid7.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('is a version 7, variant 1 UUID that carries the millisecond', () => {
    const id = uuidv7(Date.UTC(2026, 11, 5, 23, 0, 0, 123) + 1e6);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(Date.UTC(2026, 11, 5, 23, 0, 0, 123) + 1e6);
  });

  it('sorts in creation order, also for thousands of ids in one millisecond and a clock that steps back', () => {
    const now = Date.now() + 10_000_000;
    const ids = [...Array.from({ length: 10_000 }, () => uuidv7(now)), uuidv7(now - 5), uuidv7(now + 1)];
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
