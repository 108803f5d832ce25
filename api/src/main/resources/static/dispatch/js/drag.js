// Moving a visit with the mouse, pen or finger (pointer events, so any input and test drivers work):
// a press that moves more than a few pixels drags a ghost; releasing it over a timeline row drops it.
const THRESHOLD = 5;

/**
 * @param onDrop (row element, clientX) when released over a row
 * @param onClick when pressed and released without dragging, or on Enter or Space (keyboard users)
 */
export function enableDrag(el, label, { onDrop, onClick }) {
  el.addEventListener('keydown', e => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onClick();
    }
  });
  el.addEventListener('pointerdown', down => {
    if (down.button !== 0) {
      return;
    }
    down.preventDefault();
    el.setPointerCapture?.(down.pointerId);
    let ghost = null;
    let row = null;
    const move = e => {
      if (!ghost && Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY) < THRESHOLD) {
        return;
      }
      if (!ghost) {
        ghost = document.createElement('div');
        ghost.className = 'drag-ghost';
        ghost.textContent = label;
        document.body.appendChild(ghost);
        el.classList.add('dragging');
      }
      ghost.style.left = `${e.clientX + 8}px`;
      ghost.style.top = `${e.clientY + 8}px`;
      const over = document.elementsFromPoint(e.clientX, e.clientY).find(x => x.classList?.contains('tl-row'));
      if (over !== row) {
        row?.classList.remove('drop-target');
        row = over || null;
        row?.classList.add('drop-target');
      }
    };
    const up = e => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      el.classList.remove('dragging');
      row?.classList.remove('drop-target');
      if (!ghost) {
        onClick();
        return;
      }
      ghost.remove();
      if (row && e.type === 'pointerup') {
        onDrop(row, e.clientX);
      }
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
  });
}
