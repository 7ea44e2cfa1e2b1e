/** A unique constraint refused the write (PostgreSQL 23505), optionally that named constraint; both drivers nest the code in `cause` or not. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string; cause?: { code?: string; constraint?: string; message?: string } };
  if ((e.cause?.code ?? e.code) !== '23505') return false;
  return constraint === undefined || `${e.cause?.constraint ?? e.constraint ?? ''} ${e.cause?.message ?? e.message ?? ''}`.includes(constraint);
}
