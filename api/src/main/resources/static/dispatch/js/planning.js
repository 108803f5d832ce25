// A plan being solved: a progress bar fed by the plan's event stream (new best scores, stored
// checkpoints that redraw map and timeline, the end).
let source = null;
let ticker = null;
let followed = null;

/** Follows a solving plan; calling it again for the same plan (after a redraw) changes nothing. */
export function follow(plan, { onBetter, onDone }) {
  if (followed === plan.id && source) {
    return;
  }
  stopFollowing();
  followed = plan.id;
  const box = document.getElementById('progress');
  const bar = document.getElementById('progress-bar');
  const text = document.getElementById('progress-text');
  const total = (plan.solveSeconds || 30) * 1000;
  // the stream's first event says how long the run has been going already
  let started = Date.now();
  let best = plan.score || '–';
  let elapsed = 0;
  let place = plan.queuePosition || null;
  box.hidden = false;
  const draw = () => {
    if (place) {
      // waiting for a free solver: the clock has not started
      started = Date.now();
      bar.style.width = '0%';
      text.textContent = `Wartet auf einen freien Rechner: Platz ${place} in der Warteschlange`;
      return;
    }
    const share = Math.min(1, elapsed / total);
    bar.style.width = `${(share * 100).toFixed(1)} %`.replace(' ', '');
    bar.parentElement.setAttribute('aria-valuenow', String(Math.round(share * 100)));
    text.textContent = `Beste Bewertung: ${best} · ${Math.round(elapsed / 1000)} s von ${total / 1000} s`;
  };
  ticker = setInterval(() => {
    elapsed = Math.max(elapsed, Date.now() - started);
    draw();
  }, 250);
  draw();
  source = new EventSource(`/api/v1/plans/${plan.id}/events`);
  source.addEventListener('queued', e => {
    place = JSON.parse(e.data).position;
    draw();
  });
  source.addEventListener('best', e => {
    place = null;
    const data = JSON.parse(e.data);
    best = data.score;
    started = Math.min(started, Date.now() - data.elapsedMillis);
    elapsed = Math.max(elapsed, data.elapsedMillis);
    draw();
  });
  source.addEventListener('plan', () => onBetter());
  source.addEventListener('done', () => {
    stopFollowing();
    onDone();
  });
  source.onerror = () => {
    // the stream ends when solving ends; a lost connection shows the stored state
    if (source && source.readyState === EventSource.CLOSED) {
      stopFollowing();
      onDone();
    }
  };
}

export function stopFollowing() {
  followed = null;
  if (source) {
    source.close();
    source = null;
  }
  if (ticker) {
    clearInterval(ticker);
    ticker = null;
  }
  document.getElementById('progress').hidden = true;
}
