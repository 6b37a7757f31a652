// Watching one execution over the gateway's WebSocket: history first, then live, each seq once and in order.
// When the socket drops (network, gateway restart, 1013 for a slow reader, 1001) it reconnects with backoff and
// resubscribes with fromSeq = the last seq it has, so no line shows twice and none is missing. At the terminal
// status it proves completeness: events received = eventCount, and SHA-256 over the log lines (each line's
// UTF-8 bytes and a newline, in seq order) = logChecksum.

import { ResourceChart } from './chart.js';
import { badge, element, time, TERMINAL } from './format.js';
import { inspect } from './session.js';

const MAX_DOM_LINES = 20000;
const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 10000;

export class ExecutionWatch {

  constructor(executionId, token, onUnauthorized) {
    this.executionId = executionId;
    this.token = token;
    this.onUnauthorized = onUnauthorized;
    this.lastSeq = 0;
    this.received = 0;
    this.lines = [];
    this.pendingLines = [];
    this.ended = false;
    this.stopped = false;
    this.attempts = 0;
    this.dropped = false;
    this.follow = true;
    this.section = document.getElementById('watch');
    this.log = document.getElementById('log');
    this.search = document.getElementById('log-search');
    this.state = document.getElementById('connection-state');
    this.error = document.getElementById('watch-error');
    this.timeline = document.getElementById('timeline');
    this.verification = document.getElementById('verification');
    this.exitInfo = document.getElementById('exit-info');
    this.output = document.getElementById('output');
    this.trimmed = document.getElementById('log-trimmed');
    this.status = document.querySelector('#watch-status');
    this.reset();
    this.chart = new ResourceChart(document.getElementById('resource-chart'));
    this.onScroll = () => {
      this.follow = this.log.scrollTop + this.log.clientHeight >= this.log.scrollHeight - 24;
    };
    this.onSearch = () => this.applySearch();
    this.log.addEventListener('scroll', this.onScroll);
    this.search.addEventListener('input', this.onSearch);
  }

  reset() {
    this.section.hidden = false;
    this.section.dataset.executionId = this.executionId;
    document.getElementById('watch-title').textContent = 'Execution ' + this.executionId;
    this.status.replaceChildren(badge('CONNECTING'));
    for (const node of [this.log, this.timeline]) {
      node.replaceChildren();
    }
    for (const node of [this.error, this.verification, this.exitInfo, this.output, this.state]) {
      node.textContent = '';
    }
    this.verification.className = '';
    this.trimmed.hidden = true;
  }

  start() {
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retry);
    if (this.socket) {
      this.socket.close(1000, 'closed by the user');
    }
    this.log.removeEventListener('scroll', this.onScroll);
    this.search.removeEventListener('input', this.onSearch);
    this.chart.destroy();
  }

  connect() {
    this.setState(this.dropped ? 'reconnecting…' : 'connecting…');
    const url = new URL('/ws', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('access_token', this.token);
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      const subscribe = { type: 'subscribe', executionId: this.executionId };
      if (this.lastSeq > 0) {
        subscribe.fromSeq = this.lastSeq;
      }
      socket.send(JSON.stringify(subscribe));
      this.setState(this.dropped ? `resumed at seq ${this.lastSeq}` : 'live');
      this.attempts = 0;
    };
    socket.onmessage = message => this.receive(JSON.parse(message.data));
    socket.onclose = () => this.closed(socket);
  }

  closed(socket) {
    if (socket !== this.socket || this.stopped || this.ended) {
      return;
    }
    this.dropped = true;
    if (inspect(this.token).problem) {
      // the handshake would be refused: sign in again, then the page resumes from the link
      this.onUnauthorized();
      return;
    }
    this.setState('reconnecting…');
    const backoff = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** this.attempts);
    this.attempts += 1;
    // jitter, so clients dropped together do not come back together
    this.retry = setTimeout(() => this.connect(), backoff / 2 + Math.random() * backoff / 2);
  }

  receive(message) {
    if (message.type === 'error') {
      this.failed(message.data);
      return;
    }
    if (message.executionId !== this.executionId || typeof message.seq !== 'number') {
      return;
    }
    if (message.seq <= this.lastSeq) {
      // already shown; the gateway sends each seq once, this guards the page anyway
      return;
    }
    if (message.seq !== this.lastSeq + 1) {
      this.error.textContent = `Events ${this.lastSeq + 1}–${message.seq - 1} never arrived.`;
    }
    this.lastSeq = message.seq;
    this.received += 1;
    switch (message.type) {
      case 'log':
        this.addLine(message.seq, message.data.stream, message.data.log);
        break;
      case 'metrics':
        this.chart.add(message.data.duration, message.data.cpuUsage, message.data.memoryUsage);
        break;
      case 'status':
        this.statusChanged(message);
        break;
      default:
        break;
    }
  }

  failed(problem) {
    if (problem.code === 'NOT_FOUND') {
      this.ended = true;
      this.error.textContent = 'This execution does not exist or is not yours.';
      this.status.replaceChildren(badge('NOT_FOUND'));
      this.setState('ended');
      this.socket.close(1000, 'nothing to watch');
      return;
    }
    // REPLAY_FAILED and the like: the subscription ended; come back from the last seq
    this.error.textContent = `${problem.code}: ${problem.message}`;
    if (!this.ended) {
      this.socket.close(1000, 'resubscribing');
    }
  }

  addLine(seq, stream, text) {
    this.lines.push(text);
    const line = element('div', 'log-line stream-' + stream);
    line.dataset.seq = String(seq);
    line.dataset.stream = stream;
    line.append(element('span', 'seq', String(seq)), element('span', 'text', text));
    this.pendingLines.push(line);
    if (this.pendingLines.length === 1) {
      // a burst of lines costs one layout per frame, not one per line
      requestAnimationFrame(() => this.flushLines());
    }
  }

  flushLines() {
    const query = this.search.value.toLowerCase();
    const fragment = document.createDocumentFragment();
    for (const line of this.pendingLines) {
      if (query && !line.lastChild.textContent.toLowerCase().includes(query)) {
        line.classList.add('filtered-out');
      }
      fragment.append(line);
    }
    this.pendingLines = [];
    this.log.append(fragment);
    const excess = this.log.childElementCount - MAX_DOM_LINES;
    if (excess > 0) {
      for (let i = 0; i < excess; i++) {
        this.log.firstElementChild.remove();
      }
      this.trimmed.hidden = false;
      this.trimmed.textContent = `Showing the last ${MAX_DOM_LINES} lines; download the log for all of them.`;
    }
    if (this.follow) {
      this.log.scrollTop = this.log.scrollHeight;
    }
  }

  applySearch() {
    const query = this.search.value.toLowerCase();
    for (const line of this.log.children) {
      line.classList.toggle('filtered-out', query !== '' && !line.lastChild.textContent.toLowerCase().includes(query));
    }
  }

  statusChanged(message) {
    const data = message.data;
    this.status.replaceChildren(badge(data.status));
    const step = element('li', 'step');
    step.dataset.status = data.status;
    step.append(badge(data.status), ` ${time(message.timestamp)}`);
    this.timeline.append(step);
    if (!TERMINAL.has(data.status)) {
      return;
    }
    this.ended = true;
    this.setState('ended');
    const exit = [];
    if (data.exitCode !== undefined) {
      exit.push(`exit code ${data.exitCode}`);
    }
    if (data.error) {
      exit.push(data.error);
    }
    if (data.durationMs !== undefined) {
      exit.push(`took ${(data.durationMs / 1000).toFixed(1)} s`);
    }
    this.exitInfo.textContent = exit.join(' · ');
    if (data.output !== undefined) {
      this.output.textContent = JSON.stringify(data.output, null, 2);
    }
    this.flushLines();
    this.verify(data.eventCount, data.logChecksum);
    this.socket.close(1000, 'execution ended');
  }

  async verify(eventCount, logChecksum) {
    const checksum = await sha256(this.lines);
    const countOk = eventCount === this.received;
    const checksumOk = checksum === logChecksum;
    if (countOk && checksumOk) {
      this.verification.className = 'verified';
      this.verification.textContent = `verified: ${this.received} of ${eventCount} events, checksum ok`;
    } else {
      this.verification.className = 'mismatch';
      this.verification.textContent = `WARNING: received ${this.received} of ${eventCount} events, checksum `
        + (checksumOk ? 'ok' : `${checksum} ≠ ${logChecksum}`) + ' — what is shown is incomplete';
    }
  }

  setState(text) {
    this.state.textContent = text;
  }
}

async function sha256(lines) {
  const bytes = new TextEncoder().encode(lines.map(line => line + '\n').join(''));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return 'sha256:' + Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('');
}
