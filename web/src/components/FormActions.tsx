/** A form's submit button (with its busy label) and, when given, a cancel button beside it. */
export function FormActions({ pending, label, pendingLabel = 'Menyimpan…', onCancel, danger, disabled }: { pending: boolean; label: string; pendingLabel?: string; onCancel?: () => void; danger?: boolean; disabled?: boolean }) {
  return (
    <div className="actions">
      <button type="submit" className={`button${danger ? ' button-danger' : ''}`} disabled={pending || disabled}>
        {pending ? pendingLabel : label}
      </button>
      {onCancel ? (
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Batal
        </button>
      ) : null}
    </div>
  );
}
