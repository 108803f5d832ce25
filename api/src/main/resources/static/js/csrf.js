// The CSRF token Spring Security keeps in the XSRF-TOKEN cookie; sent back as header or form field.
export function csrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}
