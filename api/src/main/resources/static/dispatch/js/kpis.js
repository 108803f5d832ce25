// What a dispatcher reads first: planned share, travel and waiting, coverage per district, what the
// roads cannot serve.
import { duration, esc, percent } from '/js/format.js';

export function renderKpis(el, plan) {
  const k = plan?.kpis;
  if (!k) {
    el.innerHTML = '';
    return;
  }
  const card = (title, value, note = '', id = '') =>
      `<div class="col"><div class="card kpi h-100"${id ? ` id="${id}"` : ''}><div class="card-body py-2">
        <div class="small text-secondary">${esc(title)}</div><div class="fs-5">${esc(value)}</div>
        <div class="small text-secondary">${esc(note)}</div></div></div></div>`;
  const districts = Object.entries(k.perDistrictCoverage || {}).map(([name, c]) => `
      <div class="district"><span class="district-name">${esc(name)}</span>
        <div class="progress flex-grow-1" role="progressbar" aria-label="${esc(name)}" aria-valuenow="${Math.round(c.share * 100)}"
             aria-valuemin="0" aria-valuemax="100"><div class="progress-bar" style="width:${(c.share * 100).toFixed(1)}%"></div></div>
        <span class="district-value">${c.planned}/${c.demanded}</span></div>`).join('');
  const problems = Object.entries(k.travelProblems || {});
  const access = Object.entries(k.accessLegs || {});
  el.innerHTML = `<div class="row row-cols-2 row-cols-md-3 row-cols-xl-6 g-2">
      ${card('Eingeplante Termine', percent(k.plannedShare), `${k.appointmentsPlanned} von ${k.appointmentsDemanded}`, 'kpi-planned')}
      ${card('… davon erreichbar', percent(k.plannedShareOfReachable ?? k.plannedShare),
          `${k.appointmentsReachable ?? k.appointmentsDemanded} Termine an erreichbaren Orten`)}
      ${card('Fahrzeit', percent(k.travelShareOfWorkingTime), `${duration(k.travelSeconds)} der Arbeitszeit`)}
      ${card('Wartezeit', percent(k.waitingShareOfWorkingTime ?? 0), duration(k.waitingSeconds ?? 0))}
      ${card('Team-Tage', String(k.teamDaysUsed), `${k.unassignedVisits} Besuche nicht eingeplant`)}
      ${card('Fahrzeiten', plan.travelTimes === 'road' ? 'Straßennetz' : 'geschätzt',
          plan.travelTimes === 'road' ? 'GraphHopper, OpenStreetMap' : 'Luftlinie × 1,35 bei 25 km/h')}
    </div>
    <div class="row g-2 mt-0">
      <div class="col-lg-6"><div class="card h-100"><div class="card-body py-2"><div class="small text-secondary mb-1">
        Abdeckung je Bezirk</div>${districts}</div></div></div>
      <div class="col-lg-6"><div class="card h-100"><div class="card-body py-2 small" id="travel-problems">
        <div class="text-secondary mb-1">Nicht per Straße erreichbar</div>
        ${problems.length ? `<ul class="mb-1">${problems.map(([site, p]) => `<li><strong>${esc(site)}</strong>: ${esc(p.startsWith(site + ': ') ? p.substring(site.length + 2) : p)}</li>`).join('')}</ul>` : '<p class="mb-1">Keine.</p>'}
        ${access.length ? `<div class="text-secondary">Überfahrten</div><ul class="mb-0">${access.map(([site, a]) => `<li>${esc(site)}: ${esc(a)}</li>`).join('')}</ul>` : ''}
      </div></div></div>
    </div>`;
}
