// The dispatchers' and team leads' week: plans of a week on a map and a timeline, planned live,
// edited by hand, published. State lives here; the other modules draw and ask.
import { ApiError, get, getAll, getWithEtag, request } from '/js/api.js';
import { addDays, esc, isoDate, shortDate, statusClass, statusText, weekNumber } from '/js/format.js';
import * as messages from '/js/messages.js';
import { ruleName } from './labels.js';
import { createMap } from './map.js';
import { createTimeline } from './timeline.js';
import { renderKpis } from './kpis.js';
import { findVisit, renderDetails, renderUnassigned } from './details.js';
import { follow, stopFollowing } from './planning.js';
import { renderMasterData } from './masterdata.js';
import { renderAudit } from './audit.js';
import { csrfToken } from '/js/csrf.js';

const state = {
  me: null, week: null, plans: [], plan: null, etag: null, explanation: new Map(), selected: null,
  colours: new Map(),
};
const $ = (id) => document.getElementById(id);
let map;
let timeline;

export function can(role) {
  return state.me.roles.includes(role);
}

async function init() {
  state.me = await get('/api/v1/me');
  $('who').textContent = `${state.me.username} (${can('DISPATCHER') ? 'Disposition' : 'Teamleitung'})`;
  document.querySelectorAll('[data-role]').forEach(el => {
    el.hidden = !state.me.roles.includes(el.dataset.role);
  });
  $('logout-form').addEventListener('submit', e => {
    e.target.elements._csrf.value = csrfToken();
  });
  document.querySelectorAll('[data-tab]').forEach(b => b.addEventListener('click', () => showTab(b.dataset.tab)));
  map = createMap($('map'), $('map-legend'), await get('/api/v1/public/map'), { onSelect: select });
  timeline = createTimeline($('timeline'), { onSelect: select, onMove: move });
  $('week-prev').addEventListener('click', () => openWeek(addDays(state.week, -7)));
  $('week-next').addEventListener('click', () => openWeek(addDays(state.week, 7)));
  $('plan-select').addEventListener('change', e => openPlan(Number(e.target.value)));
  $('plan-form').addEventListener('submit', e => {
    e.preventDefault();
    startPlanning();
  });
  $('plan-stop').addEventListener('click', stopPlanning);
  $('plan-reoptimize').addEventListener('click', reoptimize);
  $('plan-publish').addEventListener('click', askPublish);
  $('publish-confirm').addEventListener('click', publish);

  state.plans = await getAll('/api/v1/plans');
  // a link may name the week and plan (?week=2026-12-07&plan=3); else the coming week's newest plan,
  // or the latest week that has one
  const params = new URLSearchParams(location.search);
  const coming = comingMonday();
  const weeks = [...new Set(state.plans.map(p => p.weekStart))].sort();
  const week = /^\d{4}-\d\d-\d\d$/.test(params.get('week') || '') ? params.get('week')
      : weeks.includes(coming) ? coming : (weeks.length ? weeks[weeks.length - 1] : coming);
  await openWeek(week, params.has('plan') ? Number(params.get('plan')) : undefined);
  performance.mark('week-shown');
  document.body.dataset.ready = 'true';
}

/** Today's Monday when today is a Monday, else the next one. */
function comingMonday() {
  const today = new Date();
  const d = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7));
  return isoDate(d);
}

function showTab(name) {
  document.querySelectorAll('[data-tab]').forEach(b => b.classList.toggle('active', b.dataset.tab === name));
  document.querySelectorAll('[data-tab-panel]').forEach(p => {
    p.hidden = p.dataset.tabPanel !== name;
  });
  if (name === 'master') {
    renderMasterData($('tab-master'), state.week);
  } else if (name === 'audit') {
    renderAudit($('tab-audit'), state.plan);
  } else {
    map.resize();
  }
}

async function openWeek(week, planId) {
  state.week = week;
  $('week-label').textContent = `KW ${weekNumber(week)} · ${shortDate(week)}–${shortDate(addDays(week, 6))}`;
  state.plans = await getAll('/api/v1/plans');
  const ofWeek = state.plans.filter(p => p.weekStart === week);
  $('plan-select').innerHTML = ofWeek.length ? ofWeek.map(p =>
      `<option value="${p.id}">Plan ${p.id} · ${esc(statusText(p.status))}${p.score ? ' · ' + esc(p.score) : ''}</option>`)
      .join('') : '<option value="">Noch kein Plan</option>';
  const chosen = planId ?? ofWeek[0]?.id;
  if (chosen) {
    $('plan-select').value = String(chosen);
    await openPlan(chosen);
  } else {
    showEmptyWeek();
  }
}

function showEmptyWeek() {
  stopFollowing();
  state.plan = null;
  state.etag = null;
  state.explanation = new Map();
  state.selected = null;
  renderAll();
}

export async function openPlan(id, { keepSelection = false } = {}) {
  const { data, etag } = await getWithEtag(`/api/v1/plans/${id}`);
  state.plan = data;
  state.etag = etag;
  if (!keepSelection) {
    state.selected = null;
  }
  assignColours();
  const [explanation, geo] = await Promise.all([
    data.status === 'SOLVING' ? Promise.resolve(null) : get(`/api/v1/plans/${id}/explanation`).catch(() => null),
    get(`/api/v1/plans/${id}/tours.geojson`).catch(() => null),
  ]);
  state.explanation = new Map((explanation?.visits || []).map(v => [v.visitId, v]));
  state.geo = geo;
  renderAll();
  if (data.status === 'SOLVING') {
    follow(data, { onBetter: () => openPlan(id, { keepSelection: true }), onDone: () => afterSolving(id) });
  }
}

function assignColours() {
  // no red: red means a broken rule
  const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b', '#17becf', '#e377c2', '#bcbd22',
    '#7f7f7f', '#393b79'];
  const teams = [...new Set((state.plan?.teamDays || []).map(t => t.teamId))].sort((a, b) => a - b);
  teams.forEach((t, i) => state.colours.set(t, palette[i % palette.length]));
}

export function colourOf(teamId) {
  return state.colours.get(teamId) || '#555';
}

function renderAll() {
  const plan = state.plan;
  $('plan-status').textContent = plan ? statusText(plan.status) : '';
  $('plan-status').className = `badge ${plan ? statusClass(plan.status) : ''}`;
  $('plan-score').textContent = plan?.score ? `Bewertung ${plan.score}` : '';
  $('plan-score').title = 'hart / mittel / weich: hart 0 heißt, alle Regeln sind eingehalten';
  const solving = plan?.status === 'SOLVING';
  $('plan-stop').hidden = !(solving && can('DISPATCHER'));
  $('plan-start').disabled = solving;
  $('plan-publish').hidden = !(can('DISPATCHER') && plan?.status === 'SOLVED');
  $('plan-reoptimize').hidden = !plan || solving;
  renderKpis($('kpis'), plan);
  map.render(state.geo, plan, state.selected);
  timeline.render(plan, state.explanation, state.selected);
  renderDetails($('details'), detailsContext());
  renderUnassigned($('unassigned'), plan, state.explanation, state.selected, select, timeline.drop);
}

function detailsContext() {
  return {
    plan: state.plan, selected: state.selected, explanation: state.explanation, editable: editable(), mayEditTeam,
    onMove: move, onPin: pin, onUnassign: unassign, bookingsOf: can('DISPATCHER') ? bookingsOf : null,
  };
}

// who booked at a visit's public stop: names and contacts are for dispatchers only
async function bookingsOf(visitId) {
  const week = await getAll(`/api/v1/bookings?week=${state.plan.weekStart}`);
  return week.find(s => s.visitId === visitId)?.bookings || [];
}

/** Dispatchers edit every tour, team leads their own teams' tours. */
function mayEditTeam(teamId) {
  return can('DISPATCHER') || state.me.teamIds.includes(teamId);
}

function editable() {
  return state.plan && ['SOLVED', 'FAILED'].includes(state.plan.status);
}

function select(visitId) {
  state.selected = visitId;
  map.select(visitId);
  timeline.select(visitId);
  renderDetails($('details'), detailsContext());
  renderUnassigned($('unassigned'), state.plan, state.explanation, state.selected, select, timeline.drop);
}

/** A hand edit: PATCH with the ETag we read; a newer plan on the server wins and is shown. */
async function edit(visitId, change, what) {
  if (!editable()) {
    messages.show('warning', state.plan?.status === 'PUBLISHED'
        ? 'Ein veröffentlichter Plan bleibt, wie er ist: „Neu optimieren um Pins“ legt eine bearbeitbare Kopie an.'
        : 'Dieser Plan kann gerade nicht bearbeitet werden.');
    return;
  }
  try {
    const r = await request('PATCH', `/api/v1/plans/${state.plan.id}/visits/${encodeURIComponent(visitId)}`,
        { body: change, headers: { 'If-Match': state.etag } });
    const broken = r.data.brokenRules || [];
    const affected = r.data.affectedBookings || [];
    await openPlan(state.plan.id, { keepSelection: true });
    select(visitId);
    if (broken.length) {
      messages.show('danger', `${what}: gespeichert, verletzt aber Regeln`,
          broken.map(b => `${ruleName(b.constraint)}: ${b.message}`));
    } else {
      messages.show('success', `${what}: gespeichert.`);
    }
    if (affected.length) {
      messages.show('warning', `${affected.length} Buchung(en) betroffen: bitte die Bürgerinnen und Bürger informieren`,
          affected.map(b => `${b.name || '(gelöscht)'} · ${b.email || b.phone || ''} · ${b.service} ${b.slotStart || ''}`));
    }
  } catch (e) {
    if (e instanceof ApiError && e.status === 412) {
      messages.show('warning', 'Geändert von jemand anderem — neu geladen. Ihre Änderung wurde nicht gespeichert.');
      await openPlan(state.plan.id, { keepSelection: true });
    } else if (e instanceof ApiError && e.status === 409 && e.message.includes('overrideBookings')
        && can('DISPATCHER') && !change.overrideBookings
        && confirm('Bürgerinnen und Bürger haben diesen Stopp gebucht. Trotzdem ändern? Die Buchungen werden danach aufgelistet.')) {
      await edit(visitId, { ...change, overrideBookings: true }, what);
    } else {
      messages.problem(what, e);
    }
  }
}

function move(visitId, teamId, date, position) {
  const day = state.plan.teamDays.find(t => t.teamId === teamId && t.date === date);
  const from = findVisit(state.plan, visitId)?.tour?.teamId;
  if (!mayEditTeam(teamId) || (from !== undefined && !mayEditTeam(from))) {
    messages.show('warning', 'Nur Touren der eigenen Teams lassen sich ändern: Sie leiten '
        + (state.me.teamIds.length ? 'andere Teams.' : 'kein Team.'));
    return;
  }
  return edit(visitId, { teamId, date, position }, `Verschoben zu ${day ? day.teamName : teamId}, ${shortDate(date)}`);
}

function pin(visitId, pinned) {
  return edit(visitId, { pinned }, pinned ? 'Angeheftet' : 'Gelöst');
}

function unassign(visitId) {
  return edit(visitId, { unassign: true }, 'Aus der Tour genommen');
}

async function startPlanning() {
  try {
    const { data } = await request('POST', '/api/v1/plans', {
      body: { weekStart: state.week, solveSeconds: Number($('plan-seconds').value), objective: $('plan-objective').value },
    });
    messages.show('info', `Plan ${data.id} wird berechnet …`);
    await openWeek(state.week, data.id);
  } catch (e) {
    messages.problem('Planen', e);
  }
}

async function stopPlanning() {
  try {
    await request('DELETE', `/api/v1/plans/${state.plan.id}/solving`);
    messages.show('info', 'Planung wird angehalten; der beste Plan bis jetzt wird gespeichert.');
  } catch (e) {
    messages.problem('Stopp', e);
  }
}

async function afterSolving(id) {
  messages.clear('info');
  await openWeek(state.week, id);
  const p = state.plan;
  if (p.status === 'SOLVED') {
    messages.show('success', `Plan ${p.id} ist fertig: ${p.kpis?.appointmentsPlanned ?? '?'} von `
        + `${p.kpis?.appointmentsDemanded ?? '?'} Terminen eingeplant.`);
  } else if (p.status === 'FAILED') {
    messages.show('danger', `Plan ${p.id} ist fehlgeschlagen: ${p.failure || ''}`);
  }
}

async function reoptimize() {
  try {
    const { data } = await request('POST', `/api/v1/plans/${state.plan.id}/reoptimize`,
        { body: { solveSeconds: Number($('plan-seconds').value) || 30 } });
    messages.show('info', data.id === state.plan.id ? `Plan ${data.id} wird um die Pins neu optimiert …`
        : `Plan ${data.id} (Kopie des veröffentlichten Plans ${state.plan.id}) wird um die Pins neu optimiert …`);
    await openWeek(state.week, data.id);
  } catch (e) {
    messages.problem('Neu optimieren', e);
  }
}

function askPublish() {
  const p = state.plan;
  const stops = p.tours.flatMap(t => t.stops);
  const sites = new Set(stops.map(s => s.siteId));
  const dates = p.tours.map(t => t.date).sort();
  $('publish-text').innerHTML = `<p>Bürgerinnen und Bürger sehen dann <strong>${stops.length} Stopps an ${sites.size}
      Orten</strong> zwischen ${esc(shortDate(dates[0]))} und ${esc(shortDate(dates[dates.length - 1]))}: Ort, Tag,
      Uhrzeit und Dienstleistungen, auch im Kalender-Abonnement.</p>
      <p class="mb-0">${p.unassigned.length} Besuche bleiben ohne Termin. Ein bereits veröffentlichter Plan dieser
      Woche wird dadurch ersetzt; der veröffentlichte Plan selbst lässt sich danach nicht mehr ändern.</p>`;
  bootstrap.Modal.getOrCreateInstance($('publish-modal')).show();
}

async function publish() {
  bootstrap.Modal.getOrCreateInstance($('publish-modal')).hide();
  try {
    await request('POST', `/api/v1/plans/${state.plan.id}/publish`);
    messages.show('success', `Plan ${state.plan.id} ist veröffentlicht.`);
    await openWeek(state.week, state.plan.id);
  } catch (e) {
    messages.problem('Veröffentlichen', e);
  }
}

init().catch(e => messages.problem('Laden', e));
