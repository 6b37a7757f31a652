// The execution service's REST API, called cross-origin with the bearer token (its CORS answers this page's
// origin). A refused token (401) signs the user out.

import { problemText } from './format.js';

export class Unauthorized extends Error {}

export class Api {

  constructor(baseUrl, token) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.token = token;
  }

  async request(method, path, body) {
    const headers = { Authorization: 'Bearer ' + this.token, Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(this.baseUrl + path,
      { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 401) {
      throw new Unauthorized(await problemText(response));
    }
    if (!response.ok) {
      throw new Error(await problemText(response));
    }
    return response.json();
  }

  agents() {
    return this.request('GET', '/api/agents');
  }

  executions(page, size, status) {
    const query = new URLSearchParams({ page: String(page), size: String(size) });
    if (status) {
      query.set('status', status);
    }
    return this.request('GET', '/api/executions?' + query);
  }

  start(agentId, input) {
    return this.request('POST', '/api/executions', { agentId, input });
  }

  cancel(executionId) {
    return this.request('POST', `/api/executions/${encodeURIComponent(executionId)}/cancel`);
  }
}
