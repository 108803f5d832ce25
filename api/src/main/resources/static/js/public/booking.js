// Booking one appointment at a stop: service, a free time, name and one contact; the answer's code is
// the only key to the booking afterwards.
import { ApiError, get, request } from '/js/api.js';
import { esc, hm, longDate } from '/js/format.js';

const $ = (id) => document.getElementById(id);
let current = null;
let done = () => {};

export function openBooking(stop, names, onBooked) {
  current = stop;
  done = onBooked;
  $('book-stop').innerHTML = `<strong>${esc(stop.siteName)}</strong><br>${esc(longDate(stop.date))},
      ${esc(hm(stop.start))}–${esc(hm(stop.end))} Uhr`;
  const service = $('b-service');
  service.innerHTML = '';
  Object.entries(stop.freeSlots).filter(([, n]) => n > 0)
      .forEach(([code]) => service.add(new Option(names.get(code) || code, code)));
  $('book-errors').innerHTML = '';
  $('book-done').hidden = true;
  $('b-submit').disabled = false;
  service.onchange = fillSlots;
  fillSlots();
  bootstrap.Modal.getOrCreateInstance($('book-modal')).show();
}

async function fillSlots() {
  const slots = await get(`/api/v1/public/stops/${current.id}/slots`);
  const times = [...new Set(slots.filter(s => s.free && s.service === $('b-service').value).map(s => s.start))];
  $('b-slot').innerHTML = times.map(t => `<option value="${esc(t)}">${esc(hm(t))} Uhr</option>`).join('');
}

async function submit(e) {
  e.preventDefault();
  $('book-errors').innerHTML = '';
  const body = {
    service: $('b-service').value, name: $('b-name').value.trim(), slotStart: $('b-slot').value || null,
    email: $('b-email').value.trim() || null, phone: $('b-phone').value.trim() || null,
  };
  try {
    const { data } = await request('POST', `/api/v1/public/stops/${current.id}/bookings`, { body });
    $('b-submit').disabled = true;
    $('book-done').hidden = false;
    $('book-done').innerHTML = `<p class="mb-1">Gebucht: ${esc(data.serviceName)} am ${esc(longDate(data.date))} um
        ${esc(hm(data.slotStart))} Uhr, ${esc(data.siteName)}.</p>
        <p class="mb-1">Ihr Buchungscode (bitte notieren; damit können Sie absagen):</p>
        <p class="booking-code mb-1" id="booking-code">${esc(data.code)}</p>
        <a href="/?code=${encodeURIComponent(data.code)}">Buchung später ansehen</a> ·
        <a href="${esc(data.calendarUrl)}" download>In den Kalender</a>`;
    done();
  } catch (err) {
    const problems = err instanceof ApiError ? err.errors.map(x => german(x)) : [];
    $('book-errors').innerHTML = `<div class="alert alert-danger mt-2 mb-0" role="alert">${esc(headline(err))}${
      problems.length ? `<ul class="mb-0">${problems.map(d => `<li>${esc(d)}</li>`).join('')}</ul>` : ''}</div>`;
    if (err instanceof ApiError && err.status === 409) {
      fillSlots();
      done();
    }
  }
}

// The API explains in English for every client; citizens read German.
function headline(err) {
  if (!(err instanceof ApiError)) return 'Die Buchung ist nicht angekommen. Bitte später noch einmal versuchen.';
  return {
    400: 'Bitte die Angaben prüfen.',
    404: 'Diesen Stopp gibt es nicht mehr.',
    409: 'Dieser Termin ist nicht mehr frei oder die Buchung ist geschlossen. Bitte eine andere Uhrzeit wählen.',
    429: 'Zu viele Versuche von Ihrem Anschluss. Bitte in einer Minute noch einmal.',
  }[err.status] || err.message;
}

function german(error) {
  return {
    name: 'Name: bitte angeben (höchstens 200 Zeichen, keine Steuerzeichen).',
    email: 'E-Mail: die Adresse ist nicht gültig.',
    phone: 'Telefon: nur Ziffern, Leerzeichen und + ( ) / -, 3 bis 40 Zeichen.',
    reachable: 'Kontakt: bitte eine E-Mail-Adresse oder eine Telefonnummer angeben.',
    service: 'Dienstleistung: bitte eine angebotene wählen.',
    slotStart: 'Uhrzeit: bitte eine freie Uhrzeit wählen.',
  }[error.field] || `${error.field}: ${error.message}`;
}

$('book-form').addEventListener('submit', submit);
