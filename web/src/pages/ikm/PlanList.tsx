import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IKM_PLAN_STATUSES, IKM_PLAN_STATUS_LABELS, type IkmPlanStatus } from '../../../../core/ikm-survey';
import { ikmApi, type IkmPlan } from '../../api/ikm';
import { SelectField } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { TextAreaField } from '../../components/TextAreaField';
import { formatCalendarDateId, parseCalendarDate } from '../../../../core/calendar-date';
import { planStatusLabel } from './access';

export const formatDueDate = (date: string) => {
  const parsed = parseCalendarDate(date);
  return parsed ? formatCalendarDateId(parsed) : date;
};

/** One plan's status and progress note, editable by those who manage the IKM. */
function PlanProgress({ agencyId, plan, onSaved }: { agencyId: string; plan: IkmPlan; onSaved: () => void }) {
  const [status, setStatus] = useState<IkmPlanStatus>(plan.status);
  const [note, setNote] = useState(plan.progressNote);
  const save = useMutation({ mutationFn: () => ikmApi.updatePlan(agencyId, plan.id, { status, progressNote: note.trim() }), onSuccess: onSaved });
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <FormErrors error={save.error} />
      <SelectField label={`Status: ${plan.elementName}`} name={`status-${plan.id}`} value={status} options={IKM_PLAN_STATUSES.map((s) => ({ value: s, label: IKM_PLAN_STATUS_LABELS[s] }))} onValueChange={(value) => setStatus(value as IkmPlanStatus)} />
      <TextAreaField label={`Catatan kemajuan: ${plan.elementName}`} name={`catatan-${plan.id}`} rows={2} maxLength={2000} value={note} onValueChange={setNote} />
      <button type="submit" className="button button-small" disabled={save.isPending}>
        {save.isPending ? 'Menyimpan…' : 'Simpan kemajuan'}
      </button>
      {save.isSuccess && !save.isPending ? (
        <span role="status" className="small">
          Tersimpan.
        </span>
      ) : null}
    </form>
  );
}

/** Improvement plans as a table: element, action, owner, due date (overdue flagged), status and progress. */
export function PlanList({ agencyId, plans, manage, showSurvey = false, caption }: { agencyId: string; plans: IkmPlan[]; manage: boolean; showSurvey?: boolean; caption: string }) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['ikm', agencyId] });
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Unsur</th>
            {showSurvey ? <th scope="col">Unit / periode</th> : null}
            <th scope="col">Rencana tindak lanjut</th>
            <th scope="col">Penanggung jawab</th>
            <th scope="col">Batas waktu</th>
            <th scope="col">Status dan kemajuan</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((plan) => (
            <tr key={plan.id}>
              <th scope="row">
                U{plan.element} {plan.elementName}
              </th>
              {showSurvey ? (
                <td>
                  {plan.survey.unitName}
                  <span className="subtitle">
                    {plan.survey.serviceName} · {plan.survey.periodLabel}
                  </span>
                </td>
              ) : null}
              <td>{plan.action}</td>
              <td>{plan.owner}</td>
              <td>
                {formatDueDate(plan.dueDate)}
                {plan.overdue ? <span className="overdue"> · terlambat</span> : null}
              </td>
              <td>
                {manage ? (
                  <PlanProgress agencyId={agencyId} plan={plan} onSaved={refresh} />
                ) : (
                  <>
                    {planStatusLabel(plan.status)}
                    {plan.progressNote ? <span className="subtitle">{plan.progressNote}</span> : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
