import { useEffect, useId, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { FormErrors } from './FormErrors';

/**
 * Puts the keyboard focus back on an element (by id) after the next render: the button that opened
 * an in-place confirmation was replaced by it, so a cancelled confirmation would leave the focus
 * nowhere (a keyboard user would start again from the top of the page).
 */
export function useFocusAfterRender(): (id: string) => void {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

/**
 * An in-place confirmation of an action that cannot be undone: what it does (and any fields it
 * takes, as children), then "Ya, …" and a way back; the refusal of the last try is shown above the
 * explanation. It takes the keyboard focus when it appears, so a screen reader reads it at once.
 */
export function ConfirmPanel({
  groupLabel,
  explanation,
  confirmLabel,
  pendingLabel,
  pending,
  error,
  danger = false,
  ready = true,
  onConfirm,
  onCancel,
  cancelLabel = 'Batal',
  children,
}: {
  /** The accessible name of the confirmation group. */
  groupLabel: string;
  explanation: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  error?: unknown;
  danger?: boolean;
  /** The fields given as children are filled in enough to confirm. */
  ready?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  cancelLabel?: string;
  children?: ReactNode;
}) {
  const group = useRef<HTMLDivElement>(null);
  useEffect(() => group.current?.focus(), []);
  return (
    <div ref={group} tabIndex={-1} className="alert alert-info" role="group" aria-label={groupLabel}>
      <FormErrors error={error} />
      <p>{explanation}</p>
      {children}
      <div className="actions">
        <button type="button" className={danger ? 'button button-danger' : 'button'} disabled={pending || !ready} onClick={onConfirm}>
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}

/** A button for an action that cannot be undone, confirmed in place (ConfirmPanel); cancelling returns the focus to it. */
export function ConfirmButton({
  label,
  triggerClassName = 'button',
  disabled = false,
  ...panel
}: Omit<ComponentProps<typeof ConfirmPanel>, 'onCancel' | 'cancelLabel'> & {
  label: ReactNode;
  /** The first button's look, e.g. 'button button-danger' when the action itself deletes. */
  triggerClassName?: string;
  /** The action is not possible yet (the page says why). */
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const triggerId = useId();
  const focusAfterRender = useFocusAfterRender();
  if (!open) {
    return (
      <button id={triggerId} type="button" className={triggerClassName} onClick={() => setOpen(true)} disabled={disabled}>
        {label}
      </button>
    );
  }
  return (
    <ConfirmPanel
      {...panel}
      onCancel={() => {
        setOpen(false);
        focusAfterRender(triggerId);
      }}
    />
  );
}
