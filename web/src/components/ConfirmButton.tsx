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
  triggerClassName = 'button',
  disabled = false,
  ready = true,
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
  /** The first button's look, e.g. 'button button-danger' when the action itself deletes. */
  triggerClassName?: string;
  /** The action is not possible yet (the page says why). */
  disabled?: boolean;
  /** The fields given as children are filled in enough to confirm. */
  ready?: boolean;
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className={triggerClassName} onClick={() => setOpen(true)} disabled={disabled}>
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
        <button type="button" className={danger ? 'button button-danger' : 'button'} disabled={pending || !ready} onClick={onConfirm}>
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          Batal
        </button>
      </div>
    </div>
  );
}
