// The householder API, always with the token in the Authorization header. The token lives in sessionStorage: it
// leaves with the tab, and no other tab or later visit finds it.

const KEY = 'shg.householderToken';

export const token = {
  get: () => sessionStorage.getItem(KEY),
  set: value => sessionStorage.setItem(KEY, value),
  clear: () => sessionStorage.removeItem(KEY),
};

export class ApiError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }

  get unauthorized() {
    return this.status === 401;
  }
}

/**
 * @param {string} path
 * @param {{method?: string, body?: unknown, bearer?: string, signal?: AbortSignal, headers?: Record<string, string>}} [options]
 * @returns {Promise<Response>} a 2xx response
 */
export async function send(path, options = {}) {
  const bearer = options.bearer ?? token.get();
  if (!bearer) {
    // Signed out (here or in storage) while a call was still to come: asking without a token could only get a 401.
    throw new ApiError(401, 'Not signed in.');
  }
  const headers = { Accept: 'application/json', Authorization: `Bearer ${bearer}`, ...options.headers };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
    cache: 'no-store',
  });
  if (!response.ok) {
    throw new ApiError(response.status, await problemText(response));
  }
  return response;
}

/** @returns {Promise<any>} the answer's JSON, or null for 204 */
export async function api(path, options) {
  const response = await send(path, options);
  return response.status === 204 ? null : response.json();
}

async function problemText(response) {
  try {
    const problem = await response.json();
    const details = Object.values(problem.errors ?? {}).flat();
    return [problem.title, ...details].filter(Boolean).join(' ') || `The server answered ${response.status}.`;
  } catch {
    return `The server answered ${response.status}.`;
  }
}
