// One row per team-day of the week: drive, wait, lunch break and visit blocks on a time axis, the
// site's opening windows shaded behind each visit, the departure from base. Visits are dragged to
// another row or position (or moved with the keyboard in the details panel).
import { colourOf } from './main.js';
import { enableDrag } from './drag.js';
import { esc, hm, longDate, minutes } from '/js/format.js';
import { ruleName } from './labels.js';

export function createTimeline(el, { onSelect, onMove }) {
  let scale = { from: 360, to: 1140 };
  let plan = null;

  const clamp = (mins) => Math.min(scale.to, Math.max(scale.from, mins));
  const x = (mins) => `${(100 * (clamp(mins) - scale.from) / (scale.to - scale.from)).toFixed(3)}%`;
  const w = (a, b) => `${(100 * Math.max(0, clamp(b) - clamp(a)) / (scale.to - scale.from)).toFixed(3)}%`;
  const block = (cls, a, b, title = '') =>
      `<div class="${cls}" style="left:${x(a)};width:${w(a, b)}" title="${esc(title)}"></div>`;

  function render(p, explanation, selected) {
    plan = p;
    if (!p) {
      el.innerHTML = '<p class="text-secondary">Für diese Woche gibt es noch keinen Plan.</p>';
      return;
    }
    const days = p.teamDays;
    if (days.length) {
      scale = {
        from: Math.floor((Math.min(...days.map(d => minutes(d.shiftStart))) - 30) / 60) * 60,
        to: Math.ceil((Math.max(...days.map(d => minutes(d.shiftEnd))) + 30) / 60) * 60,
      };
    }
    const tours = new Map(p.tours.map(t => [`${t.teamId}@${t.date}`, t]));
    let html = '<div class="tl-axis"><div class="tl-label"></div><div class="tl-track">';
    for (let h = scale.from; h <= scale.to; h += 60) {
      html += `<span class="tl-tick" style="left:${x(h)}">${String(h / 60).padStart(2, '0')}:00</span>`;
    }
    html += '</div></div>';
    let date = null;
    for (const day of days) {
      if (day.date !== date) {
        date = day.date;
        html += `<div class="tl-date">${esc(longDate(date))}</div>`;
      }
      html += row(day, tours.get(`${day.teamId}@${day.date}`), explanation);
    }
    el.innerHTML = html;
    el.querySelectorAll('.tl-visit').forEach(v => {
      enableDrag(v, v.dataset.label, {
        onDrop: (target, clientX) => drop(v.dataset.visitId, target, clientX),
        onClick: () => onSelect(v.dataset.visitId),
      });
    });
    select(selected);
  }

  function row(day, tour, explanation) {
    const colour = colourOf(day.teamId);
    const stops = tour ? tour.stops : [];
    let track = block('tl-shift', minutes(day.shiftStart), minutes(day.shiftEnd),
        `Schicht ${hm(day.shiftStart)}–${hm(day.shiftEnd)}`);
    for (const s of stops) {
      for (const win of s.openingWindows || []) {
        track += block('tl-window', minutes(win.start), minutes(win.end),
            `${s.siteName} geöffnet ${hm(win.start)}–${hm(win.end)}`);
      }
    }
    const breaks = tour?.breaks || [];
    for (const s of stops) {
      const arrival = minutes(s.arrival);
      const start = minutes(s.start);
      track += block(`tl-travel${s.travelTimes === 'manual' ? ' manual' : ''}`, arrival - (s.travelSeconds || 0) / 60,
          arrival, `Fahrt ${Math.round((s.travelSeconds || 0) / 60)} min${s.travelTimes === 'manual' ? ' (Überfahrt)' : ''}`);
      if (start > arrival) {
        track += block('tl-wait', arrival, start, `Warten ${start - arrival} min`);
      }
    }
    for (const b of breaks) {
      track += block('tl-break', minutes(b.start), minutes(b.end), `Pause ${hm(b.start)}–${hm(b.end)}`);
    }
    if (tour && stops.length && tour.returnToBase) {
      track += block(`tl-travel${tour.returnTravelTimes === 'manual' ? ' manual' : ''}`,
          minutes(stops[stops.length - 1].end), minutes(tour.returnToBase), `Rückfahrt bis ${hm(tour.returnToBase)}`);
    }
    if (tour?.departure) {
      track += `<div class="tl-departure" style="left:${x(minutes(tour.departure))}" title="Abfahrt ${esc(hm(tour.departure))}"></div>`;
    }
    for (const s of stops) {
      const broken = explanation.get(s.visitId)?.hardViolations || [];
      const label = `${s.sequence + 1} ${s.siteName}`;
      const title = [`${s.siteName} ${hm(s.start)}–${hm(s.end)}, ${s.appointments} Termine`
        + (s.bookings ? `, ${s.bookings} von Bürgerinnen und Bürgern gebucht (Tag und Zeit bleiben)` : ''),
        ...broken.map(b => `Regel verletzt: ${ruleName(b.constraint)} – ${b.message}`)].join('\n');
      track += `<div class="tl-visit${broken.length ? ' broken' : ''}${s.pinned ? ' pinned' : ''}" role="button"
          tabindex="0" data-visit-id="${esc(s.visitId)}" data-label="${esc(label)}"
          data-start="${minutes(s.start)}" data-end="${minutes(s.end)}"
          style="left:${x(minutes(s.start))};width:${w(minutes(s.start), minutes(s.end))};border-color:${colour}"
          title="${esc(title)}" aria-label="${esc(title)}">${s.pinned ? '📌 ' : ''}${s.bookings ? `<span class="badge text-bg-info me-1">${s.bookings}</span>` : ''}${esc(label)}</div>`;
    }
    const info = tour ? `${hm(day.shiftStart)}–${hm(day.shiftEnd)} · ab ${hm(tour.departure)}`
        : `${hm(day.shiftStart)}–${hm(day.shiftEnd)} · frei`;
    return `<div class="tl-row" data-team-id="${day.teamId}" data-date="${day.date}">
      <div class="tl-label"><span class="tour-swatch" style="background:${colour}"></span>${esc(day.teamName)}
        <small class="d-block text-secondary">${esc(info)}</small></div>
      <div class="tl-track">${track}</div></div>`;
  }

  /** Where a visit dropped at clientX goes: after every other stop whose middle lies left of it. */
  function drop(visitId, rowEl, clientX) {
    const track = rowEl.querySelector('.tl-track').getBoundingClientRect();
    const at = scale.from + (clientX - track.left) / track.width * (scale.to - scale.from);
    const others = [...rowEl.querySelectorAll('.tl-visit')].filter(v => v.dataset.visitId !== visitId);
    const position = others.filter(v => (Number(v.dataset.start) + Number(v.dataset.end)) / 2 < at).length;
    const teamId = Number(rowEl.dataset.teamId);
    const date = rowEl.dataset.date;
    const tour = plan.tours.find(t => t.teamId === teamId && t.date === date);
    const current = tour?.stops.find(s => s.visitId === visitId);
    if (current && current.sequence === position) {
      onSelect(visitId);
      return;
    }
    onMove(visitId, teamId, date, position);
  }

  function select(visitId) {
    el.querySelectorAll('.tl-visit').forEach(v => v.classList.toggle('selected', v.dataset.visitId === visitId));
  }

  return { render, select, drop };
}
