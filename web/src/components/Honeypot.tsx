/**
 * A field people never see: automated senders that fill every field give themselves away, and the
 * public forms (IKM survey, complaints, desk ratings) are refused without a captcha service.
 */
export function Honeypot({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor={id}>Situs web (biarkan kosong)</label>
      <input id={id} name="website" type="text" tabIndex={-1} autoComplete="off" value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}
