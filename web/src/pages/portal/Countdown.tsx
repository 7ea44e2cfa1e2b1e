import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { useServerNow } from './SelectionViews';

function parts(ms: number) {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return { days: Math.floor(seconds / 86_400), hours: Math.floor((seconds % 86_400) / 3600), minutes: Math.floor((seconds % 3600) / 60), seconds: seconds % 60 };
}

const two = (value: number) => String(value).padStart(2, '0');

/**
 * A live countdown to the registration deadline (or to its opening), ticking every second on the
 * server's clock. role="timer" is not announced on every tick; the deadline itself is plain text.
 */
export function RegistrationCountdown({ opensAt, closesAt, timeZone }: { opensAt: string | null; closesAt: string | null; timeZone: AgencyTimezone }) {
  const now = useServerNow(1000);
  if (!opensAt || !closesAt) return <p>Jadwal pendaftaran belum ditetapkan.</p>;
  const opens = new Date(opensAt).getTime();
  const closes = new Date(closesAt).getTime();
  const upcoming = now < opens;
  const closed = now > closes;
  const left = parts((upcoming ? opens : closes) - now);
  return (
    <div className={`countdown-card${closed ? ' countdown-closed' : ''}`}>
      <p className="countdown-title">{closed ? 'Pendaftaran sudah ditutup' : upcoming ? 'Pendaftaran dibuka dalam' : 'Sisa waktu pendaftaran'}</p>
      {closed ? null : (
        <div className="countdown-clock" role="timer" aria-label={upcoming ? 'Waktu sampai pendaftaran dibuka' : 'Sisa waktu pendaftaran'}>
          <span className="countdown-part">
            <strong>{left.days}</strong> hari
          </span>
          <span className="countdown-part">
            <strong>{two(left.hours)}</strong> jam
          </span>
          <span className="countdown-part">
            <strong>{two(left.minutes)}</strong> menit
          </span>
          <span className="countdown-part">
            <strong>{two(left.seconds)}</strong> detik
          </span>
        </div>
      )}
      <p className="countdown-deadline">
        {upcoming ? (
          <>
            Dibuka <DateTime value={opensAt} timeZone={timeZone} />, ditutup <DateTime value={closesAt} timeZone={timeZone} />
          </>
        ) : (
          <>
            Batas pendaftaran: <DateTime value={closesAt} timeZone={timeZone} />
          </>
        )}
        <span className="muted"> — dihitung menurut jam server.</span>
      </p>
    </div>
  );
}
