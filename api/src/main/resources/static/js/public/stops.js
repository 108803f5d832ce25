// The citizens' page: upcoming public stops as a list and on a map, filtered by district, service,
// date and nearness (postcode or the browser's location); booking and managing a booking.
import { ApiError, get, getAll } from '/js/api.js';
import { esc, hm, longDate } from '/js/format.js';
import * as messages from '/js/messages.js';
import { openBooking } from './booking.js';
import { showBooking } from './manage.js';

const $ = (id) => document.getElementById(id);
const state = { stops: [], names: new Map(), here: null, tiles: false };
let map;
let markers = new Map();

async function init() {
  const [districts, services, mapSettings] = await Promise.all([get('/api/v1/public/districts'),
    getAll('/api/v1/service-types'), get('/api/v1/public/map')]);
  districts.forEach(d => $('f-district').add(new Option(d, d)));
  services.forEach(s => {
    state.names.set(s.code, s.name);
    $('f-service').add(new Option(s.name, s.code));
  });
  map = L.map('map', { zoomSnap: 0.25 }).setView([53.55, 10.0], 10);
  state.tiles = Boolean(mapSettings.tileUrl);
  if (state.tiles) {
    L.tileLayer(mapSettings.tileUrl, { attribution: mapSettings.attribution, maxZoom: 19 }).addTo(map);
  }
  const params = new URLSearchParams(location.search);
  if (params.get('district')) $('f-district').value = params.get('district');
  if (params.get('service')) $('f-service').value = params.get('service');
  if (params.get('plz')) $('f-plz').value = params.get('plz');
  $('filters').addEventListener('submit', e => {
    e.preventDefault();
    state.here = null;
    search();
  });
  $('f-locate').addEventListener('click', locate);
  $('manage-form').addEventListener('submit', e => {
    e.preventDefault();
    showBooking($('manage-code').value, () => search());
  });
  await search();
  if (params.get('code')) {
    $('manage-code').value = params.get('code');
    showBooking(params.get('code'), () => search());
  }
  if (params.get('stop')) {
    highlight([Number(params.get('stop'))]);
  }
  document.body.dataset.ready = 'true';
}

function query() {
  const q = new URLSearchParams({ size: '200' });
  if ($('f-from').value) q.set('from', $('f-from').value);
  if ($('f-district').value) q.set('district', $('f-district').value);
  if ($('f-service').value) q.set('service', $('f-service').value);
  const near = state.here ? `${state.here[0].toFixed(5)},${state.here[1].toFixed(5)}` : $('f-plz').value.trim();
  if (near) {
    q.set('near', near);
    q.set('radiusKm', $('f-radius').value);
  }
  return q;
}

export async function search() {
  const q = query();
  const feed = new URLSearchParams();
  ['district', 'service'].forEach(k => q.has(k) && feed.set(k, q.get(k)));
  $('subscribe').href = `webcal://${location.host}/api/v1/public/stops.ics${feed.size ? '?' + feed : ''}`;
  $('f-near-info').textContent = q.has('near') ? `Stopps im Umkreis von ${q.get('radiusKm')} km, die nächsten zuerst` : '';
  try {
    const page = await get(`/api/v1/public/stops?${q}`);
    state.stops = page.content;
    render();
  } catch (e) {
    state.stops = [];
    render();
    if (e instanceof ApiError && e.status === 400) {
      messages.show('warning', 'Bitte die Suche prüfen.', e.errors.map(x => german(x, q)));
    } else if (e instanceof ApiError) {
      messages.show('warning', e.message);
    } else {
      messages.problem('Suche', e);
    }
  }
}

// The API explains in English for every client; citizens read German.
function german(error, q) {
  if (error.field === 'near') {
    return /^\d{5}$/.test(q.get('near'))
      ? `Die Postleitzahl ${q.get('near')} kennen wir in Hamburg nicht.`
      : 'Bitte eine Hamburger Postleitzahl mit fünf Ziffern eingeben, z. B. 22179.';
  }
  return `${error.field}: ${error.message}`;
}

function render() {
  $('result-count').textContent = state.stops.length === 1 ? '1 Stopp gefunden'
      : `${state.stops.length} Stopps gefunden`;
  $('stops').innerHTML = state.stops.map(card).join('') || '<li class="text-secondary">Keine Stopps für diese Suche.</li>';
  $('stops').querySelectorAll('[data-book]').forEach(b => b.addEventListener('click', () => {
    const stop = state.stops.find(s => s.id === Number(b.dataset.book));
    openBooking(stop, state.names, () => search());
  }));
  markers.forEach(m => m.remove());
  markers = new Map();
  // one marker per place; without map tiles its name stays on the map so the dots mean something
  const places = new Map();
  for (const s of state.stops) {
    const key = `${s.latitude},${s.longitude}`;
    places.set(key, [...(places.get(key) || []), s]);
  }
  const labelled = !state.tiles && places.size <= 30;
  const bounds = L.latLngBounds([]);
  for (const stops of places.values()) {
    const s = stops[0];
    const dates = stops.length === 1 ? `${longDate(s.date)}, ${hm(s.start)}–${hm(s.end)}` : `${stops.length} Termine`;
    const marker = L.marker([s.latitude, s.longitude], {
      icon: L.divIcon({ className: 'stop-marker', html: '<span></span>', iconSize: [16, 16] }),
      title: s.siteName, keyboard: true,
    }).bindTooltip(labelled ? esc(s.siteName) : `${esc(s.siteName)} · ${esc(dates)}`,
        { permanent: labelled, direction: 'right', offset: [8, 0] })
        .on('click', () => highlight(stops.map(x => x.id)));
    marker.addTo(map);
    stops.forEach(x => markers.set(x.id, marker));
    bounds.extend([s.latitude, s.longitude]);
  }
  if (bounds.isValid()) {
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
  }
}

function card(s) {
  const free = Object.entries(s.freeSlots).map(([code, n]) =>
      `<span class="me-2">${esc(state.names.get(code) || code)}: <strong>${n}</strong> frei</span>`).join('');
  const total = Object.values(s.freeSlots).reduce((a, b) => a + b, 0);
  const book = s.bookable
      ? `<button class="btn btn-primary btn-sm" type="button" data-book="${s.id}">Termin buchen</button>`
      : `<button class="btn btn-secondary btn-sm" type="button" disabled>${total ? 'Buchung geschlossen' : 'Ausgebucht'}</button>`;
  return `<li class="card stop-card mb-2" id="stop-${s.id}" data-stop="${s.id}"><div class="card-body py-2">
      <h2 class="h6 mb-1">${esc(s.siteName)}${s.distanceKm != null
        ? ` <span class="badge text-bg-light">${esc(s.distanceKm.toLocaleString('de-DE'))} km</span>` : ''}</h2>
      <div class="small">${esc(s.address || '')}${s.address ? ' · ' : ''}${esc(s.district)}</div>
      <div><strong>${esc(longDate(s.date))}</strong>, ${esc(hm(s.start))}–${esc(hm(s.end))} Uhr</div>
      <div class="services text-secondary">${esc(s.serviceNames.join(', '))}</div>
      <div class="free">${free}</div>
      <div class="d-flex gap-2 mt-2">${book}
        <a class="btn btn-outline-secondary btn-sm" href="${esc(s.calendarUrl)}" download>In den Kalender</a></div>
    </div></li>`;
}

function highlight(ids) {
  document.querySelectorAll('.stop-card').forEach(c => c.classList.toggle('highlight', ids.includes(Number(c.dataset.stop))));
  document.getElementById(`stop-${ids[0]}`)?.scrollIntoView({ block: 'nearest' });
  markers.get(ids[0])?.openTooltip();
}

function locate() {
  if (!navigator.geolocation) {
    messages.show('warning', 'Ihr Browser gibt keinen Standort an. Bitte die Postleitzahl eingeben.');
    return;
  }
  navigator.geolocation.getCurrentPosition(pos => {
    state.here = [pos.coords.latitude, pos.coords.longitude];
    $('f-plz').value = '';
    search();
  }, () => messages.show('warning', 'Der Standort ist nicht verfügbar. Bitte die Postleitzahl eingeben.'),
  { timeout: 10000 });
}

init().catch(e => messages.problem('Laden', e));
