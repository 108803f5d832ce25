// The week on a map (Leaflet): one layer per tour in its team's colour (road legs, numbered stops,
// the base), unassigned sites in grey with their reason. Works without tiles: then names are shown
// on a plain background.
import { colourOf } from './main.js';
import { esc, hm, shortDate } from '/js/format.js';

/** @param legend where the list of layers goes (a checkbox per tour shows or hides it) */
export function createMap(el, legend, settings, { onSelect }) {
  const map = L.map(el, { zoomSnap: 0.25 }).setView([53.55, 10.0], 10);
  const tiles = Boolean(settings.tileUrl);
  if (tiles) {
    L.tileLayer(settings.tileUrl, { attribution: settings.attribution, maxZoom: 19 }).addTo(map);
  } else {
    el.classList.add('no-tiles');
  }
  map.attributionControl.addAttribution('Straßen © OpenStreetMap-Mitwirkende, ODbL');
  let groups = [];
  const stopMarkers = new Map();

  function clear() {
    groups.forEach(g => g.remove());
    groups = [];
    stopMarkers.clear();
    legend.innerHTML = '';
  }

  /** A layer on the map and its line in the legend. */
  function addLayer(group, label, key) {
    group.addTo(map);
    groups.push(group);
    const item = document.createElement('label');
    item.dataset.layer = key;
    item.innerHTML = `<input type="checkbox" class="form-check-input me-1" checked> ${label}`;
    item.querySelector('input').addEventListener('change', e => {
      if (e.target.checked) {
        group.addTo(map);
      } else {
        group.remove();
      }
    });
    legend.appendChild(item);
  }

  function render(geo, plan, selected) {
    clear();
    if (!geo || !plan) {
      return;
    }
    const tours = new Map();
    const unassigned = [];
    for (const f of geo.features) {
      const p = f.properties;
      if (p.kind === 'unassigned') {
        unassigned.push(f);
      } else {
        if (!tours.has(p.tour)) {
          tours.set(p.tour, []);
        }
        tours.get(p.tour).push(f);
      }
    }
    const bounds = L.latLngBounds([]);
    const everything = L.latLngBounds([]);
    for (const [tourId, features] of tours) {
      const base = features.find(f => f.properties.kind === 'base');
      const teamId = base ? base.properties.teamId : features[0].properties.teamId;
      const colour = colourOf(teamId);
      const group = L.layerGroup();
      for (const f of features) {
        const p = f.properties;
        const latlngs = f.geometry.type === 'Point' ? null : f.geometry.coordinates.map(c => [c[1], c[0]]);
        if (p.kind === 'leg') {
          L.polyline(latlngs, {
            color: colour, weight: 3, opacity: 0.8, dashArray: p.travelTimes === 'road' ? null : '6 6',
            className: `leg leg-${p.travelTimes}`,
          }).addTo(group);
          latlngs.forEach(ll => bounds.extend(ll));
        } else {
          const [lon, lat] = f.geometry.coordinates;
          bounds.extend([lat, lon]);
          if (p.kind === 'base') {
            L.marker([lat, lon], {
              icon: L.divIcon({ className: 'base-icon', html: `<span style="border-color:${colour}">B</span>`, iconSize: [20, 20] }),
              title: `Basis ${p.baseName}: ab ${hm(p.departure)}, zurück ${hm(p.returnToBase)}`,
            }).bindTooltip(`${esc(p.teamName)}: Abfahrt ${esc(hm(p.departure))}`, { direction: 'top' }).addTo(group);
          } else if (p.kind === 'stop') {
            const marker = L.marker([lat, lon], {
              icon: L.divIcon({
                className: 'stop-icon', html: `<span style="background:${colour}">${p.sequence + 1}</span>`,
                iconSize: [22, 22],
              }),
              title: `${p.siteName}, ${hm(p.start)}–${hm(p.end)}`,
            }).bindTooltip(`${esc(p.siteName)} · ${esc(hm(p.start))}–${esc(hm(p.end))}`,
                { permanent: !tiles, direction: 'right', className: 'stop-label' });
            marker.on('click', () => onSelect(p.visitId));
            marker.addTo(group);
            stopMarkers.set(p.visitId, marker);
          }
        }
      }
      addLayer(group, `<span class="tour-swatch" style="background:${colour}"></span>`
          + `${esc(base ? base.properties.teamName : tourId)} · ${esc(shortDate(tourId.split('@')[1]))}`, tourId);
    }
    if (unassigned.length) {
      const group = L.layerGroup();
      for (const f of unassigned) {
        const p = f.properties;
        const [lon, lat] = f.geometry.coordinates;
        everything.extend([lat, lon]);
        const marker = L.circleMarker([lat, lon], { radius: 7, color: '#6c757d', fillColor: '#adb5bd', fillOpacity: 0.9 })
            .bindTooltip(`<strong>${esc(p.siteName)}</strong> – nicht eingeplant:<br>${esc(p.reason)}`,
                { className: 'reason-tooltip' });
        marker.on('click', () => onSelect(p.visitId));
        marker.addTo(group);
      }
      addLayer(group, '<span class="tour-swatch unassigned-swatch"></span>Nicht eingeplant', 'unassigned');
    }
    // the tours decide the view: one far unassigned site (an island) would make the city tiny
    const view = bounds.isValid() ? bounds : everything;
    if (view.isValid()) {
      map.fitBounds(view, { padding: [20, 20] });
    }
    select(selected);
  }

  function select(visitId) {
    for (const [id, marker] of stopMarkers) {
      const icon = marker.getElement();
      if (icon) {
        icon.classList.toggle('selected', id === visitId);
      }
    }
  }

  return { render, select, resize: () => map.invalidateSize() };
}
