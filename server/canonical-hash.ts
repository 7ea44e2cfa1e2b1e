import { hash } from 'node:crypto';
import { canonicalJson } from '../core/canonical.js';

/**
 * SHA-256 (hex) of a value's canonical JSON (core/canonical): the fingerprint published with a
 * list, a result or a card, which anyone can recompute from the same data.
 */
export const canonicalSha256 = (value: unknown): string => hash('sha256', canonicalJson(value));
