import { useState } from 'react';
import { FormErrors } from './FormErrors';
import { TextAreaField } from './TextAreaField';

/**
 * A button that opens a confirmation to announce a result list, with an optional note for the
 * announcement; `explanation` says what announcing does and cannot undo.
 */
export function PublishForm({ label, explanation, onPublish, pending, error }: { label: string; explanation: string; onPublish: (note: string) => void; pending: boolean; error: unknown }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="alert alert-info" role="group" aria-label={label}>
      <FormErrors error={error} />
      <p>{explanation}</p>
      <TextAreaField label="Catatan tambahan pada pengumuman (opsional)" rows={3} maxLength={2000} value={note} onValueChange={setNote} />
      <div className="actions">
        <button type="button" className="button" disabled={pending} onClick={() => onPublish(note.trim())}>
          {pending ? 'Mengumumkan…' : `Ya, ${label.toLowerCase()}`}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          Batal
        </button>
      </div>
    </div>
  );
}
