import { useEffect, useRef } from 'react';
import { isApiError } from '../api/client';

/**
 * The summary shown above a form after the server refuses it: the server's message, then each
 * field problem, so a screen-reader user hears everything in one place.
 */
export function FormErrors({ error, labels }: { error: unknown; labels?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const fields = isApiError(error) ? Object.entries(error.fields) : [];
  const message = isApiError(error) ? error.message : 'Terjadi kesalahan yang tidak terduga. Silakan coba lagi.';
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref}>
      <p>{message}</p>
      {fields.length > 0 ? (
        <ul>
          {fields.map(([field, problem]) => (
            <li key={field}>
              {labels?.[field] ? `${labels[field]}: ` : ''}
              {problem}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function fieldError(error: unknown, field: string): string | undefined {
  return isApiError(error) ? error.fields[field] : undefined;
}
