// A citizen's booking by its code: what and when, and cancelling it.
import { ApiError, get, request } from '/js/api.js';
import { esc, hm, longDate } from '/js/format.js';

const $ = (id) => document.getElementById(id);

export async function showBooking(code, onChange) {
  const box = $('manage-result');
  try {
    const b = await get(`/api/v1/public/bookings/${encodeURIComponent(code.trim())}`);
    const cancelled = b.status === 'CANCELLED';
    box.innerHTML = `<div class="alert ${cancelled ? 'alert-secondary' : 'alert-info'} mb-0" id="manage-booking">
        <strong>${esc(b.serviceName)}</strong>, ${esc(b.siteName)}${b.address ? ', ' + esc(b.address) : ''}<br>
        ${esc(longDate(b.date))}${b.slotStart ? ', ' + esc(hm(b.slotStart)) + ' Uhr' : ''}
        ${cancelled ? '<br><strong>abgesagt</strong>' : `<br><button class="btn btn-outline-danger btn-sm mt-2"
          type="button" id="manage-cancel">Termin absagen</button>`}</div>`;
    $('manage-cancel')?.addEventListener('click', async () => {
      try {
        await request('DELETE', `/api/v1/public/bookings/${encodeURIComponent(code.trim())}`);
        box.innerHTML = '<div class="alert alert-success mb-0" id="manage-cancelled">Ihr Termin ist abgesagt. Der Platz ist'
            + ' wieder frei.</div>';
        onChange();
      } catch (e) {
        const text = { 409: 'Dieser Termin lässt sich nicht mehr online absagen (zu kurz vor Beginn oder schon vorbei).',
          429: 'Zu viele Versuche von Ihrem Anschluss. Bitte in einer Minute noch einmal.' }[e.status] || e.message;
        box.innerHTML = `<div class="alert alert-danger mb-0">${esc(text)}</div>`;
      }
    });
  } catch (e) {
    box.innerHTML = `<div class="alert alert-warning mb-0">${e instanceof ApiError && e.status === 404
      ? 'Zu diesem Code gibt es keine Buchung.' : esc(e.message)}</div>`;
  }
}
