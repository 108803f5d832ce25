// Messages above the page: what happened, and every problem the server named.
import { esc } from './format.js';

const box = () => document.getElementById('messages');

export function show(kind, text, details = []) {
  const list = details.length ? `<ul class="mb-0 mt-1">${details.map(d => `<li>${esc(d)}</li>`).join('')}</ul>` : '';
  const div = document.createElement('div');
  div.className = `alert alert-${kind} alert-dismissible py-2`;
  div.setAttribute('role', kind === 'danger' || kind === 'warning' ? 'alert' : 'status');
  div.innerHTML = `${esc(text)}${list}<button type="button" class="btn-close" data-bs-dismiss="alert" aria-label="Schließen"></button>`;
  box().prepend(div);
  while (box().children.length > 3) {
    box().lastChild.remove();
  }
  // news fades; warnings and errors stay until closed
  if (kind === 'success' || kind === 'info') {
    setTimeout(() => div.remove(), 8000);
  }
  return div;
}

/** A failed request as the server explained it. */
export function problem(prefix, error) {
  const details = (error.errors || []).map(e => `${e.field}: ${e.message}`);
  return show('danger', `${prefix}: ${error.message}`, details);
}

export function clear(kind) {
  box().querySelectorAll(kind ? `.alert-${kind}` : '.alert').forEach(a => a.remove());
}
