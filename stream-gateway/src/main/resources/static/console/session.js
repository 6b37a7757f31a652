// The signed-in user: a bearer token kept in sessionStorage (per tab, gone with it). It arrives in the URL
// fragment (#token=…), which browsers never send to a server, and is removed from the address bar at once.

const KEY = 'agentnexus.token';

/** The token's claims, or a reason it cannot be used: 'invalid' or 'expired'. */
export function inspect(token) {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return { problem: 'invalid' };
  }
  let claims;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    claims = JSON.parse(decodeURIComponent(Array.from(json, c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join('')));
  } catch (e) {
    return { problem: 'invalid' };
  }
  if (typeof claims.sub !== 'string' || claims.sub === '') {
    return { problem: 'invalid' };
  }
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) {
    return { problem: 'expired' };
  }
  return { claims };
}

export function stored() {
  return sessionStorage.getItem(KEY);
}

export function store(token) {
  sessionStorage.setItem(KEY, token);
}

export function forget() {
  sessionStorage.removeItem(KEY);
}

/** The fragment's parameters: #token=…&execution=… */
export function fragment() {
  return new URLSearchParams(location.hash.startsWith('#') ? location.hash.slice(1) : location.hash);
}
