import { useEffect, useState } from 'react';

/** The current time, re-read every `intervalMs`: running timers and SLA countdowns tick with it. */
export function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
