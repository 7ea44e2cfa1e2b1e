import { useState } from 'react';
import { ConfirmButton } from './ConfirmButton';
import { TextAreaField } from './TextAreaField';

/**
 * A button that opens a confirmation to announce a result list, with an optional note for the
 * announcement; `explanation` says what announcing does and cannot undo.
 */
export function PublishForm({ label, explanation, onPublish, pending, error }: { label: string; explanation: string; onPublish: (note: string) => void; pending: boolean; error: unknown }) {
  const [note, setNote] = useState('');
  return (
    <ConfirmButton
      label={label}
      groupLabel={label}
      explanation={explanation}
      confirmLabel={`Ya, ${label.toLowerCase()}`}
      pendingLabel="Mengumumkan…"
      onConfirm={() => onPublish(note.trim())}
      pending={pending}
      error={error}
    >
      <TextAreaField label="Catatan tambahan pada pengumuman (opsional)" rows={3} maxLength={2000} value={note} onValueChange={setNote} />
    </ConfirmButton>
  );
}
