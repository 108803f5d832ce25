// The selected visit: where and when, why it breaks a rule or is unassigned, and the keyboard path
// for the same edits as dragging (team-day and position, pin, take off the tour).
import { enableDrag } from './drag.js';
import { duration, esc, hm, km, shortDate } from '/js/format.js';
import { reasonName, ruleName } from './labels.js';

export function findVisit(plan, visitId) {
  for (const tour of plan?.tours || []) {
    const stop = tour.stops.find(s => s.visitId === visitId);
    if (stop) {
      return { tour, stop };
    }
  }
  const unassigned = plan?.unassigned.find(u => u.visitId === visitId);
  return unassigned ? { unassigned } : null;
}

export function renderDetails(el, { plan, selected, explanation, editable: planEditable, mayEditTeam, onMove, onPin,
  onUnassign, bookingsOf }) {
  const found = selected ? findVisit(plan, selected) : null;
  if (!found) {
    el.innerHTML = `<div class="card-body text-secondary small">Einen Besuch wählen: im Zeitplan (Klick oder
        Tab und Eingabe), auf der Karte oder in der Liste. Besuche lassen sich im Zeitplan auf einen anderen
        Team-Tag ziehen.</div>`;
    return;
  }
  // a team lead edits only their own teams' tours (the service refuses the rest)
  const ownTour = !found.stop || mayEditTeam(found.tour.teamId);
  const editable = planEditable && ownTour;
  const why = explanation.get(selected);
  const broken = why?.hardViolations || [];
  let body;
  if (found.stop) {
    const s = found.stop;
    body = `<dl class="row small mb-2">
      <dt class="col-4">Team-Tag</dt><dd class="col-8">${esc(found.tour.teamName)}, ${esc(shortDate(found.tour.date))}</dd>
      <dt class="col-4">Zeit</dt><dd class="col-8">an ${esc(hm(s.arrival))}, ${esc(hm(s.start))}–${esc(hm(s.end))}</dd>
      <dt class="col-4">Termine</dt><dd class="col-8">${s.appointments} (${esc(s.services.join(', '))})</dd>
      <dt class="col-4">Anfahrt</dt><dd class="col-8">${esc(duration(s.travelSeconds || 0))}, ${esc(km(s.travelMeters || 0))}
        ${s.travelTimes === 'manual' ? '<span class="badge text-bg-warning">Überfahrt</span>' : ''}</dd>
      <dt class="col-4">Angeheftet</dt><dd class="col-8">${s.pinned ? 'ja' + (s.pinnedStart ? ', Beginn ' + esc(hm(s.pinnedStart)) : '') : 'nein'}</dd>
      <dt class="col-4">Buchungen</dt><dd class="col-8" id="stop-bookings">${s.bookings
        ? `${s.bookings} von Bürgerinnen und Bürgern: Tag und Zeit bleiben; ändern nur mit Freigabe der Disposition`
        : 'keine'}</dd>
    </dl>`;
  } else {
    const u = found.unassigned;
    body = `<p class="small mb-2">${u.appointments} Termine (${esc(u.services.join(', '))}) – <strong>nicht
        eingeplant: ${esc(reasonName(why?.unassignedReasonCode))}</strong><br>
        <span class="text-secondary">${esc(why?.unassignedReason || u.reason)}</span></p>`;
  }
  const rules = broken.length
      ? `<div class="alert alert-danger py-1 px-2 small mb-2" id="broken-rules"><strong>Verletzte Regeln</strong><ul class="mb-0">${
        broken.map(b => `<li><span class="rule-name">${esc(ruleName(b.constraint))}</span>: ${esc(b.message)}</li>`).join('')}</ul></div>`
      : (found.stop ? '<p class="small text-success mb-2">Alle Regeln eingehalten.</p>' : '');
  const access = why?.accessLeg ? `<p class="small mb-2">Zugang: ${esc(why.accessLeg)}</p>` : '';
  el.innerHTML = `<div class="card-header">${esc(found.stop?.siteName || found.unassigned.siteName)}
      <small class="text-secondary">· ${esc(selected)}</small></div>
    <div class="card-body">${body}${rules}${access}${editable ? editForm(plan, found, mayEditTeam)
        : planEditable ? '<p class="small text-secondary border-top pt-2 mb-0" id="not-your-team">Tour eines Teams, das Sie nicht leiten: nur lesen.</p>' : ''}</div>`;
  if (found.stop?.bookings && bookingsOf) {
    const dd = el.querySelector('#stop-bookings');
    bookingsOf(selected).then(list => showBookings(dd, list)).catch(() => {});
  }
  if (!editable) {
    return;
  }
  const form = el.querySelector('#move-form');
  const teamDay = form.elements.teamDay;
  const position = form.elements.position;
  const fillPositions = () => {
    const [teamId, date] = teamDay.value.split('@');
    const tour = plan.tours.find(t => t.teamId === Number(teamId) && t.date === date);
    const others = (tour?.stops || []).filter(s => s.visitId !== selected);
    position.innerHTML = others.map((s, i) => `<option value="${i}">vor ${i + 1}. ${esc(s.siteName)}</option>`).join('')
        + `<option value="${others.length}">am Ende</option>`;
    position.value = String(others.length);
  };
  teamDay.addEventListener('change', fillPositions);
  fillPositions();
  form.addEventListener('submit', e => {
    e.preventDefault();
    const [teamId, date] = teamDay.value.split('@');
    onMove(selected, Number(teamId), date, Number(position.value));
  });
  el.querySelector('#pin-toggle')?.addEventListener('click', () => onPin(selected, !found.stop.pinned));
  el.querySelector('#unassign')?.addEventListener('click', () => onUnassign(selected));
}

function editForm(plan, found, mayEditTeam) {
  const current = found.stop ? `${found.tour.teamId}@${found.tour.date}` : '';
  const options = plan.teamDays.filter(d => mayEditTeam(d.teamId)).map(d => {
    const value = `${d.teamId}@${d.date}`;
    return `<option value="${value}"${value === current ? ' selected' : ''}>${esc(shortDate(d.date))} · ${esc(d.teamName)}</option>`;
  }).join('');
  const stopButtons = found.stop ? `<button type="button" class="btn btn-outline-secondary btn-sm" id="pin-toggle">
        ${found.stop.pinned ? 'Lösen' : 'Anheften'}</button>
      <button type="button" class="btn btn-outline-secondary btn-sm" id="unassign">Aus der Tour nehmen</button>` : '';
  return `<form id="move-form" class="border-top pt-2">
      <div class="row g-1 align-items-end">
        <div class="col-7"><label class="form-label small mb-0" for="move-team-day">Verschieben nach</label>
          <select class="form-select form-select-sm" id="move-team-day" name="teamDay">${options}</select></div>
        <div class="col-5"><label class="form-label small mb-0" for="move-position">Position</label>
          <select class="form-select form-select-sm" id="move-position" name="position"></select></div>
      </div>
      <div class="d-flex flex-wrap gap-1 mt-2">
        <button type="submit" class="btn btn-primary btn-sm" id="move-submit">Verschieben</button>${stopButtons}
      </div></form>`;
}

export function renderUnassigned(ul, plan, explanation, selected, onSelect, dropOnRow) {
  const list = plan?.unassigned || [];
  if (!list.length) {
    ul.innerHTML = '<li class="list-group-item small text-secondary">Alle Besuche sind eingeplant.</li>';
    return;
  }
  ul.innerHTML = list.map(u => `<li class="list-group-item small unassigned-item${u.visitId === selected ? ' active' : ''}"
      tabindex="0" role="button" data-visit-id="${esc(u.visitId)}" data-label="${esc(u.siteName)}">
      <strong>${esc(u.siteName)}</strong> · ${u.appointments} Termine ·
      ${esc(reasonName(explanation.get(u.visitId)?.unassignedReasonCode))}<br>
      <span class="reason">${esc(explanation.get(u.visitId)?.unassignedReason || u.reason)}</span></li>`).join('');
  ul.querySelectorAll('.unassigned-item').forEach(li => {
    enableDrag(li, li.dataset.label, {
      onDrop: (row, clientX) => dropOnRow(li.dataset.visitId, row, clientX),
      onClick: () => onSelect(li.dataset.visitId),
    });
  });
}

function showBookings(dd, list) {
  if (!dd?.isConnected || !list.length) { // drawn anew meanwhile: another selection
    return;
  }
  dd.insertAdjacentHTML('beforeend', `<ul class="list-unstyled mb-0 mt-1" id="stop-booking-list">${list.map(b =>
    `<li>${esc(hm(b.slotStart))} ${esc(b.service)}: ${b.name ? esc(b.name) : '<em>gelöscht</em>'}${
      [b.email, b.phone].filter(Boolean).map(c => ` · ${esc(c)}`).join('')}</li>`).join('')}</ul>`);
}
