/**
 * Exact rational arithmetic for the few places where rounding decides an outcome (final scores,
 * IKM grades, sample sizes). A number is read through its shortest decimal form — the digits a
 * person typed, e.g. 78.5 or 0.05 — so 0.1 means exactly 1/10, never the nearest binary fraction.
 */
export interface Rational {
  readonly num: bigint;
  /** Always positive. */
  readonly den: bigint;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function normalise(num: bigint, den: bigint): Rational {
  if (den === 0n) throw new RangeError('pembagian dengan nol');
  const sign = den < 0n ? -1n : 1n;
  const divisor = gcd(num, den) || 1n;
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

export function ratio(num: bigint | number, den: bigint | number = 1n): Rational {
  return normalise(BigInt(num), BigInt(den));
}

/** Reads a finite number (or a decimal string) exactly as its shortest decimal representation. */
export function toRational(value: number | string): Rational {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`bukan angka hingga: ${value}`);
  const match = DECIMAL.exec(String(value).trim());
  if (!match) throw new RangeError(`bukan angka desimal: ${String(value)}`);
  const [, sign = '', whole = '0', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fraction.length;
  let num = BigInt(whole + fraction) * (sign === '-' ? -1n : 1n);
  let den = 1n;
  if (exponent >= 0) num *= 10n ** BigInt(exponent);
  else den = 10n ** BigInt(-exponent);
  return normalise(num, den);
}

export function add(a: Rational, b: Rational): Rational {
  return normalise(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function multiply(a: Rational, b: Rational): Rational {
  return normalise(a.num * b.num, a.den * b.den);
}

export function divide(a: Rational, b: Rational): Rational {
  return normalise(a.num * b.den, a.den * b.num);
}

/** -1, 0 or 1. */
export function compare(a: Rational, b: Rational): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Rounds to `decimals` places, half up (a tie goes away from zero: 2.5 → 3, -2.5 → -3), and returns
 * the result in units of 10^-decimals as an integer (76.605 at 2 decimals → 7661n).
 */
export function roundHalfUpUnits(value: Rational, decimals: number): bigint {
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError(`jumlah desimal tidak sah: ${decimals}`);
  const scaled = value.num * 10n ** BigInt(decimals);
  const magnitude = scaled < 0n ? -scaled : scaled;
  const rounded = (2n * magnitude + value.den) / (2n * value.den);
  return scaled < 0n ? -rounded : rounded;
}

/** Rounds half up to `decimals` places and returns it as the nearest double (for display and JSON). */
export function roundHalfUp(value: Rational, decimals: number): number {
  return unitsToNumber(roundHalfUpUnits(value, decimals), decimals);
}

/** 7661n at 2 decimals → 76.61 (the double whose shortest form is exactly those digits). */
export function unitsToNumber(units: bigint, decimals: number): number {
  if (decimals === 0) return Number(units);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const text = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return Number(negative ? `-${text}` : text);
}

/** The nearest double; for display and for statistics that are not compared exactly. */
export function toNumber(value: Rational): number {
  return Number(value.num) / Number(value.den);
}
