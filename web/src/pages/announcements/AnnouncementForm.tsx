import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ANNOUNCEMENT_KINDS, ANNOUNCEMENT_KIND_LABELS } from '../../../../core/announcements';
import { agencySelections, type AnnouncementInput } from '../../api/announcements';
import { SelectField, TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { TextAreaField } from '../../components/TextAreaField';

export const announcementLabels = { title: 'Judul', kind: 'Jenis pengumuman', selectionId: 'Seleksi', body: 'Isi pengumuman' };
const kindOptions = ANNOUNCEMENT_KINDS.map((kind) => ({ value: kind, label: ANNOUNCEMENT_KIND_LABELS[kind] }));

type Props = {
  agencyId: string;
  initial?: AnnouncementInput;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: AnnouncementInput) => void;
};

/** Title, kind, the round it belongs to (optional) and the text of an announcement. */
export function AnnouncementForm({ agencyId, initial, submitLabel, pendingLabel, pending, error, onSubmit }: Props) {
  const [title, setTitle] = useState(initial?.title ?? '');
  const [kind, setKind] = useState(initial?.kind ?? 'umum');
  const [selectionId, setSelectionId] = useState(initial?.selectionId ?? '');
  const [body, setBody] = useState(initial?.body ?? '');
  const selections = useQuery({ queryKey: ['selections-for-announcements', agencyId], queryFn: () => agencySelections(agencyId), staleTime: 60_000 });
  const selectionOptions = [{ value: '', label: 'Umum (tidak terkait seleksi tertentu)' }, ...(selections.data ?? []).map((s) => ({ value: s.id, label: s.name }))];
  if (selectionId && !selectionOptions.some((option) => option.value === selectionId)) selectionOptions.push({ value: selectionId, label: 'Seleksi terpilih' });
  return (
    <>
      <FormErrors error={error} labels={announcementLabels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit({ title: title.trim(), kind, selectionId: selectionId || null, body });
        }}
      >
        <TextField label={announcementLabels.title} name="title" required value={title} onValueChange={setTitle} maxLength={200} error={fieldError(error, 'title')} />
        <SelectField label={announcementLabels.kind} name="kind" value={kind} options={kindOptions} onValueChange={setKind} error={fieldError(error, 'kind')} />
        <SelectField label={announcementLabels.selectionId} name="selectionId" value={selectionId} options={selectionOptions} onValueChange={setSelectionId} error={fieldError(error, 'selectionId')} />
        <TextAreaField
          label={announcementLabels.body}
          name="body"
          required
          rows={10}
          value={body}
          onValueChange={setBody}
          maxLength={20000}
          hint="Tulis dengan jelas: siapa, apa, kapan, dan di mana. Dokumen resmi dilampirkan sebagai PDF."
          error={fieldError(error, 'body')}
        />
        <button type="submit" className="button" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
      </form>
    </>
  );
}
