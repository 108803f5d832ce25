// Who changed what in a plan by hand, with the placement before and after.
import { getAll } from '/js/api.js';
import { esc, hm, shortDate } from '/js/format.js';
import * as messages from '/js/messages.js';

export async function renderAudit(el, plan) {
  if (!plan) {
    el.innerHTML = '<p class="text-secondary">Kein Plan gewählt.</p>';
    return;
  }
  try {
    const entries = await getAll(`/api/v1/plans/${plan.id}/audit`);
    const place = p => p.teamId ? `Team ${p.teamId}, ${shortDate(p.date)}, Nr. ${p.sequence + 1}${
      p.start ? ', ' + hm(p.start) : ''}${p.pinned ? ', angeheftet' : ''}` : 'nicht eingeplant';
    el.innerHTML = `<h2 class="h6">Handänderungen an Plan ${plan.id}</h2>${entries.length ? `
      <table class="table table-sm" id="audit-table"><thead><tr><th>Zeit</th><th>Wer</th><th>Besuch</th><th>vorher</th>
        <th>nachher</th></tr></thead><tbody>${entries.map(e => `<tr><td>${esc(new Date(e.at).toLocaleString('de-DE'))}</td>
        <td>${esc(e.actor)}</td><td>${esc(e.visitId)}</td><td>${esc(place(e.before))}</td><td>${esc(place(e.after))}</td></tr>`)
        .join('')}</tbody></table>` : '<p class="text-secondary">Noch keine.</p>'}`;
  } catch (e) {
    messages.problem('Protokoll', e);
  }
}
