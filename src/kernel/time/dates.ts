/** Calendar dates are ISO `YYYY-MM-DD` strings throughout; times are Date objects in UTC. */
export type IsoDate = string;

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Today's date in England and Wales — the only "today" in Probity. Statutory days are UK calendar days: at
 * 00:30 on a summer morning (23:30 UTC the evening before) the day that matters is already the new one.
 * Callers pass `deps.now()` so that tests and the scheduler control the clock.
 */
export function ukToday(now: Date): IsoDate {
  return londonDate.format(now);
}

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}

const displayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const displayDateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'Europe/London',
});

/** "3 March 2021" — the GOV.UK style for dates. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  return Number.isNaN(d.getTime()) ? '' : displayFormat.format(d);
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? '' : displayDateTimeFormat.format(d);
}
