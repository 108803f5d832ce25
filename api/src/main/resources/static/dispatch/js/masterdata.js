// Master data for dispatchers: sites with their opening rules (simple fields editable), teams and
// their shifts this week, the demand, and the all-or-nothing CSV import with every bad cell listed.
import { ApiError, get, getAll, request } from '/js/api.js';
import { addDays, esc, hm, shortDate } from '/js/format.js';
import * as messages from '/js/messages.js';

const DAY = { MONDAY: 'Mo', TUESDAY: 'Di', WEDNESDAY: 'Mi', THURSDAY: 'Do', FRIDAY: 'Fr', SATURDAY: 'Sa', SUNDAY: 'So' };
const KIND = {
  PART_TIME_CENTRE: 'Teilzeitstandort', BANK_BRANCH: 'Bankfiliale', CARE_HOME: 'Pflegeheim', PRISON: 'JVA',
  HOSPITAL: 'Krankenhaus', UNIVERSITY: 'Hochschule', LIBRARY: 'Bücherhalle', MARKET: 'Wochenmarkt', ISLAND: 'Insel',
  COMMUNITY_CENTRE: 'Gemeindehaus', OTHER: 'Sonstiges',
};

export async function renderMasterData(el, week) {
  el.innerHTML = `<div class="row g-3">
      <div class="col-12"><h2 class="h6">Bedarf importieren (CSV)</h2>
        <form id="csv-form" class="d-flex gap-2 align-items-center">
          <label class="visually-hidden" for="csv-file">CSV-Datei</label>
          <input class="form-control form-control-sm w-auto" type="file" id="csv-file" accept=".csv,text/csv,text/plain" required>
          <button class="btn btn-primary btn-sm" type="submit">Hochladen</button>
          <span class="small text-secondary">Spalten: siteId, serviceType, appointments, earliestDate, latestDate,
            priority, note. Eine fehlerhafte Datei ändert nichts.</span>
        </form><div id="csv-result" class="mt-2"></div></div>
      <div class="col-12"><h2 class="h6">Orte</h2><div id="sites"></div></div>
      <div class="col-lg-6"><h2 class="h6">Teams und Schichten dieser Woche</h2><div id="teams"></div></div>
      <div class="col-lg-6"><h2 class="h6">Bedarf</h2><div id="demand"></div></div></div>`;
  el.querySelector('#csv-form').addEventListener('submit', e => {
    e.preventDefault();
    upload(el, week);
  });
  try {
    const [sites, teams, demand, services] = await Promise.all([getAll('/api/v1/sites'), getAll('/api/v1/teams'),
      getAll('/api/v1/demands'), getAll('/api/v1/service-types')]);
    renderSites(el.querySelector('#sites'), sites);
    renderTeams(el.querySelector('#teams'), teams, week);
    renderDemand(el.querySelector('#demand'), demand, sites, services);
  } catch (e) {
    messages.problem('Stammdaten', e);
  }
}

const ORDER = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** "Mo–Fr 09:00–12:00, 14:00–16:00; 2. Do 09:30–18:00": days with the same hours written once. */
function opening(site) {
  const byDay = new Map();
  for (const w of site.weeklyWindows) {
    byDay.set(w.weekday, [...(byDay.get(w.weekday) || []), `${hm(w.start)}–${hm(w.end)}`]);
  }
  const groups = [];
  for (const day of ORDER.filter(d => byDay.has(d))) {
    const hours = byDay.get(day).join(', ');
    const last = groups[groups.length - 1];
    if (last && last.hours === hours && ORDER.indexOf(day) === ORDER.indexOf(last.to) + 1) {
      last.to = day;
    } else {
      groups.push({ from: day, to: day, hours });
    }
  }
  const weekly = groups.map(g => `${DAY[g.from]}${g.to !== g.from ? '–' + DAY[g.to] : ''} ${g.hours}`);
  const monthly = site.monthlyWindows.map(w => `${w.weekOfMonth === 5 ? 'letzter' : w.weekOfMonth + '.'} ${DAY[w.weekday]} ${hm(w.start)}–${hm(w.end)}`);
  return [...weekly, ...monthly].join('; ') || '–';
}

function renderSites(el, sites) {
  el.innerHTML = `<table class="table table-sm align-middle" id="site-table"><thead><tr><th>Name</th><th>Art</th>
      <th>Bezirk</th><th>Adresse</th><th>Öffnung</th><th>Rüstzeit</th><th>Zugang</th><th></th></tr></thead><tbody>
      ${sites.map(s => `<tr data-site-id="${s.id}"><td class="f-name">${esc(s.name)}</td><td>${esc(KIND[s.kind] || s.kind)}</td>
        <td>${esc(s.district)}</td><td class="f-address">${esc(s.address || '')}</td><td class="small">${esc(opening(s))}</td>
        <td class="f-setup">${s.setupMinutes} min</td>
        <td class="small">${s.accessLeg ? esc(`${s.accessLeg.description}, ${s.accessLeg.minutesEachWay} min`) : ''}</td>
        <td><button class="btn btn-outline-secondary btn-sm edit-site" type="button">Bearbeiten</button></td></tr>`).join('')}
      </tbody></table>`;
  el.querySelectorAll('.edit-site').forEach(b => b.addEventListener('click', () => editSite(b.closest('tr'), sites)));
}

function editSite(tr, sites) {
  const site = sites.find(s => s.id === Number(tr.dataset.siteId));
  tr.querySelector('.f-name').innerHTML = `<input class="form-control form-control-sm" name="name" aria-label="Name" value="${esc(site.name)}">`;
  tr.querySelector('.f-address').innerHTML = `<input class="form-control form-control-sm" name="address" aria-label="Adresse" value="${esc(site.address || '')}">`;
  tr.querySelector('.f-setup').innerHTML = `<input class="form-control form-control-sm" name="setupMinutes" aria-label="Rüstzeit in Minuten" type="number" min="0" max="240" value="${site.setupMinutes}">`;
  const button = tr.querySelector('.edit-site');
  button.textContent = 'Speichern';
  button.classList.replace('btn-outline-secondary', 'btn-primary');
  button.replaceWith(button.cloneNode(true));
  tr.querySelector('.edit-site').addEventListener('click', async () => {
    try {
      const full = await get(`/api/v1/sites/${site.id}`);
      delete full.id;
      full.name = tr.querySelector('[name=name]').value;
      full.address = tr.querySelector('[name=address]').value || null;
      full.setupMinutes = Number(tr.querySelector('[name=setupMinutes]').value);
      await request('PUT', `/api/v1/sites/${site.id}`, { body: full });
      messages.show('success', `Ort „${full.name}“ gespeichert. Neue Pläne rechnen damit.`);
      renderSites(tr.closest('#sites'), await getAll('/api/v1/sites'));
    } catch (e) {
      messages.problem('Ort speichern', e);
    }
  });
}

function renderTeams(el, teams, week) {
  const end = addDays(week, 6);
  el.innerHTML = `<table class="table table-sm" id="team-table"><thead><tr><th>Team</th><th>Basis</th><th>Fähigkeiten</th>
      <th>max. Termine/Tag</th><th>Schichten</th></tr></thead><tbody>${teams.map(t => `<tr><td>${esc(t.name)}</td>
      <td>${esc(t.baseName)}</td><td>${esc((t.skills || []).join(', '))}</td><td>${t.maxAppointmentsPerDay}</td>
      <td class="small">${esc((t.shifts || []).filter(s => s.date >= week && s.date <= end)
        .map(s => `${shortDate(s.date)} ${hm(s.start)}–${hm(s.end)}`).join('; ') || '–')}</td></tr>`).join('')}</tbody></table>`;
}

function renderDemand(el, demand, sites, services) {
  const site = new Map(sites.map(s => [s.id, s.name]));
  const service = new Map(services.map(s => [s.code, s.name]));
  el.innerHTML = `<table class="table table-sm" id="demand-table"><thead><tr><th>Ort</th><th>Dienstleistung</th><th>Termine</th>
      <th>von</th><th>bis</th><th>Priorität</th></tr></thead><tbody>${demand.map(d => `<tr><td>${esc(site.get(d.siteId) || d.siteId)}</td>
      <td>${esc(service.get(d.serviceType) || d.serviceType)}</td><td>${d.appointments}</td><td>${esc(shortDate(d.earliestDate))}</td>
      <td>${esc(shortDate(d.latestDate))}</td><td>${d.priority}</td></tr>`).join('')}</tbody></table>`;
}

async function upload(el, week) {
  const file = el.querySelector('#csv-file').files[0];
  const result = el.querySelector('#csv-result');
  if (!file) {
    return;
  }
  try {
    const { data } = await request('POST', '/api/v1/demands/import', { body: await file.text(), contentType: 'text/csv' });
    result.innerHTML = `<div class="alert alert-success py-1">${data.imported} Zeilen importiert.</div>`;
    const kept = result.innerHTML;
    await renderMasterData(el, week);
    el.querySelector('#csv-result').innerHTML = kept;
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 400) {
      messages.problem('Import', e);
      return;
    }
    const rows = e.errors.map(err => {
      const m = /^row (\d+), column (.+)$/.exec(err.field);
      return m ? [m[1], m[2], err.message] : ['', err.field, err.message];
    });
    result.innerHTML = `<div class="alert alert-danger py-1">${esc(e.message)}</div>
      <table class="table table-sm table-bordered w-auto" id="csv-errors"><thead><tr><th>Zeile</th><th>Spalte</th><th>Fehler</th></tr></thead>
      <tbody>${rows.map(r => `<tr><td>${esc(r[0])}</td><td>${esc(r[1])}</td><td>${esc(r[2])}</td></tr>`).join('')}</tbody></table>`;
  }
}
