import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { serverTimeApi } from '../../api/endpoints';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';

function remainingText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / (60 * 24));
  const hours = Math.floor((minutes % (60 * 24)) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days} hari` : null, hours ? `${hours} jam` : null, days ? null : `${rest} menit`].filter(Boolean);
  return parts.join(' ') || 'kurang dari 1 menit';
}

/**
 * How far this device's clock is from the server's, in ms (half the round trip counted as
 * travel). The server's clock decides whether a submission is in time, so the countdown follows
 * it rather than a phone whose clock may be minutes off; 0 until known or when unreachable.
 */
function useServerClockOffset(): number {
  const offset = useQuery({
    queryKey: ['public', 'time'],
    queryFn: async () => {
      const sent = Date.now();
      const { now } = await serverTimeApi.now();
      return new Date(now).getTime() - (sent + Date.now()) / 2;
    },
    staleTime: 10 * 60_000,
    retry: false,
  });
  return offset.data ?? 0;
}

/**
 * The registration deadline in the agency's zone and the time left by the server's clock.
 * Not a live region, so a screen reader is not interrupted every minute.
 */
export function Countdown({ closesAt, timeZone }: { closesAt: string | null; timeZone: AgencyTimezone }) {
  const offset = useServerClockOffset();
  const [deviceNow, setNow] = useState(() => Date.now());
  const now = deviceNow + offset;
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  if (!closesAt) return <span>Batas pendaftaran belum ditetapkan.</span>;
  const left = new Date(closesAt).getTime() - now;
  return (
    <span className="countdown">
      <DateTime value={closesAt} timeZone={timeZone} />{' '}
      {left > 0 ? (
        <strong className={left < 24 * 3600_000 ? 'countdown-urgent' : undefined}>(sisa {remainingText(left)})</strong>
      ) : (
        <strong className="countdown-urgent">(pendaftaran sudah ditutup)</strong>
      )}
    </span>
  );
}
