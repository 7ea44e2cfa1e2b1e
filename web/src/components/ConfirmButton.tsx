import { useState, type ReactNode } from 'react';
import { FormErrors } from './FormErrors';

/**
 * A button for an action that cannot be undone, confirmed in place: what the action does (and any
 * fields it takes, as children), then "Ya, …" and "Batal"; the refusal of the last try is shown
 * above the explanation.
 */
export function ConfirmButton({
  label,
  confirmLabel,
  pendingLabel,
  groupLabel,
  explanation,
  onConfirm,
  pending,
  error,
  danger = false,
  children,
}: {
  label: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  /** The accessible name of the confirmation group. */
  groupLabel: string;
  explanation: ReactNode;
  onConfirm: () => void;
  pending: boolean;
  error: unknown;
  danger?: boolean;
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="alert alert-info" role="group" aria-label={groupLabel}>
      <FormErrors error={error} />
      <p>{explanation}</p>
      {children}
      <div className="actions">
        <button type="button" className={danger ? 'button button-danger' : 'button'} disabled={pending} onClick={onConfirm}>
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          Batal
        </button>
      </div>
    </div>
  );
}
