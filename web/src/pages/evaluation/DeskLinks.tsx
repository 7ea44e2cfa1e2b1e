import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { evaluationApi, evaluationKeys, type DeskLink } from '../../api/evaluation';
import { TextField } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { FormActions } from '../../components/FormActions';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { evaluationPaths } from './access';

/** One desk's public link and QR code, to print at the service desk (as the IKM survey's). */
export function DeskLinkCard({ agencyId, link }: { agencyId: string; link: DeskLink }) {
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => evaluationApi.updateDeskLink(agencyId, link.id, { active: !link.active }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['evaluation', agencyId, 'desk-links'] }),
  });
  return (
    <li className="card">
      <h3>
        {link.label}
        <span className="subtitle">
          {link.unitName}
          {link.employee ? ` · ${link.employee.name}` : ''} · {link.responses} penilaian {link.active ? '' : '· nonaktif'}
        </span>
      </h3>
      <p>
        Tautan penilaian: <a href={evaluationPaths.publicDesk(link.code)}>{link.url}</a>
      </p>
      <div className="qr">
        <img src={link.qrUrl} alt={`Kode QR penilaian ${link.label}, menuju ${link.url}`} width={200} height={200} />
      </div>
      <p>
        <a href={link.qrUrl} download={`qr-loket-${link.code}.png`}>
          Unduh kode QR (PNG) untuk dicetak di loket
        </a>
      </p>
      <FormErrors error={toggle.error} />
      <button type="button" className="button button-secondary" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
        {link.active ? 'Nonaktifkan tautan' : 'Aktifkan lagi'}
      </button>
    </li>
  );
}

/** The desk links of a unit or of one employee, with a form to add one. */
export function DeskLinks({ agencyId, unitId, employeeId, defaultLabel }: { agencyId: string; unitId: string | null; employeeId?: string; defaultLabel: string }) {
  const queryClient = useQueryClient();
  const filter = employeeId ? { employeeId } : unitId ? { unitId } : {};
  const query = useQuery({ queryKey: evaluationKeys.deskLinks(agencyId, filter), queryFn: () => evaluationApi.deskLinks(agencyId, filter) });
  const [label, setLabel] = useState(defaultLabel);
  const create = useMutation({
    mutationFn: () => evaluationApi.createDeskLink(agencyId, { unitId: unitId!, employeeId: employeeId ?? null, label: label.trim() }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['evaluation', agencyId, 'desk-links'] }),
  });
  if (query.isPending) return <Loading label="Memuat tautan loket…" />;
  if (query.isError) return <ErrorState error={query.error} />;
  return (
    <>
      {query.data.items.length === 0 ? (
        <EmptyState>Belum ada tautan penilaian loket.</EmptyState>
      ) : (
        <ul className="card-list">
          {query.data.items.map((link) => (
            <DeskLinkCard key={link.id} agencyId={agencyId} link={link} />
          ))}
        </ul>
      )}
      {unitId ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate();
          }}
        >
          <FormErrors error={create.error} />
          <TextField label="Nama loket" required value={label} onValueChange={setLabel} error={fieldError(create.error, 'label')} />
          <FormActions pending={create.isPending} label="Buat tautan dan kode QR" />
        </form>
      ) : null}
    </>
  );
}
