// Talking to /api/v1 with the session cookie: CSRF header on every change, problem documents
// turned into errors with their field list, a lost session sent back to the sign-in page.
import { csrfToken } from '/js/csrf.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  get errors() {
    return this.problem.errors || [];
  }
}

export async function request(method, path, { body, headers = {}, contentType } = {}) {
  const h = { 'X-Requested-With': 'fetch', Accept: 'application/json', ...headers };
  if (method !== 'GET') {
    h['X-XSRF-TOKEN'] = csrfToken();
  }
  let payload = body;
  if (body !== undefined && typeof body !== 'string') {
    payload = JSON.stringify(body);
    h['Content-Type'] = 'application/json';
  } else if (contentType) {
    h['Content-Type'] = contentType;
  }
  const response = await fetch(path, { method, headers: h, body: payload, credentials: 'same-origin' });
  if (response.status === 401) {
    location.href = '/login';
    throw new ApiError(401, { title: 'Nicht angemeldet' });
  }
  const text = await response.text();
  const data = text && (response.headers.get('Content-Type') || '').includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    throw new ApiError(response.status, typeof data === 'object' ? data : { detail: data });
  }
  return { data, etag: response.headers.get('ETag'), status: response.status };
}

export const get = (path) => request('GET', path).then(r => r.data);
export const getWithEtag = (path) => request('GET', path);

/** Every item of a paged list ({content, page}), page after page. */
export async function getAll(path) {
  const items = [];
  const sep = path.includes('?') ? '&' : '?';
  for (let page = 0; ; page++) {
    const { content, page: info } = await get(`${path}${sep}page=${page}&size=1000`);
    items.push(...content);
    if (page + 1 >= info.totalPages) {
      return items;
    }
  }
}
