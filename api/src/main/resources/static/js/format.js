// German formats for dates, times, durations and shares.
const WEEKDAY = ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'];
const WEEKDAY_LONG = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];

export function parseDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function isoDate(date) {
  return date.toISOString().substring(0, 10);
}

export function addDays(iso, days) {
  const d = parseDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

/** "Mo 07.12." */
export function shortDate(iso) {
  const d = parseDate(iso);
  return `${WEEKDAY[d.getUTCDay()]} ${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.`;
}

/** "Montag, 07.12.2026" */
export function longDate(iso) {
  const d = parseDate(iso);
  return `${WEEKDAY_LONG[d.getUTCDay()]}, ${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}

/** ISO week number of a Monday. */
export function weekNumber(iso) {
  const d = parseDate(iso);
  const thursday = new Date(d);
  thursday.setUTCDate(d.getUTCDate() + 3);
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  return 1 + Math.round(((thursday - firstThursday) / 86400000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
}

/** "07:30" from "07:30:00" */
export function hm(time) {
  return time ? time.substring(0, 5) : '–';
}

/** Minutes since midnight of "HH:MM[:SS]". */
export function minutes(time) {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** "1:05 h" or "25 min" */
export function duration(seconds) {
  const m = Math.round(seconds / 60);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)}:${pad(m % 60)} h`;
}

export function percent(share) {
  return `${(share * 100).toLocaleString('de-DE', { maximumFractionDigits: 1 })} %`;
}

export function km(meters) {
  return `${(meters / 1000).toLocaleString('de-DE', { maximumFractionDigits: 1 })} km`;
}

export function pad(n) {
  return String(n).padStart(2, '0');
}

const STATUS = {
  SOLVING: ['wird geplant', 'text-bg-info'], SOLVED: ['geplant', 'text-bg-secondary'],
  PUBLISHED: ['veröffentlicht', 'text-bg-success'], SUPERSEDED: ['ersetzt', 'text-bg-light'],
  FAILED: ['fehlgeschlagen', 'text-bg-danger'],
};

export function statusText(status) {
  return (STATUS[status] || [status])[0];
}

export function statusClass(status) {
  return (STATUS[status] || [status, 'text-bg-light'])[1];
}

/** Escapes text for innerHTML. */
export function esc(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
