// The user's executions, newest first, a page at a time, with a status filter; refreshed every few seconds
// while the tab is visible. Running ones can be cancelled.

import { Unauthorized } from './api.js';
import { badge, dateTime, element, TERMINAL } from './format.js';

const PAGE_SIZE = 10;
const REFRESH_MS = 3000;

export class ExecutionList {

  constructor(api, onUnauthorized) {
    this.api = api;
    this.onUnauthorized = onUnauthorized;
    this.page = 0;
    this.totalPages = 0;
    this.body = document.getElementById('executions');
    this.filter = document.getElementById('status-filter');
    this.prev = document.getElementById('prev-page');
    this.next = document.getElementById('next-page');
    this.info = document.getElementById('page-info');
    this.error = document.getElementById('list-error');
    this.stopped = false;
    // kept, so that stop() can remove them: the elements outlive this list (sign out, sign in as someone else)
    this.onFilter = () => { this.page = 0; this.refresh(); };
    this.onPrev = () => { this.page = Math.max(0, this.page - 1); this.refresh(); };
    this.onNext = () => { this.page += 1; this.refresh(); };
    this.filter.addEventListener('change', this.onFilter);
    this.prev.addEventListener('click', this.onPrev);
    this.next.addEventListener('click', this.onNext);
    this.timer = setInterval(() => { if (!document.hidden) { this.refresh(); } }, REFRESH_MS);
  }

  /** Detaches the list from the page's elements; an answer still on its way is dropped. */
  stop() {
    this.stopped = true;
    clearInterval(this.timer);
    this.filter.removeEventListener('change', this.onFilter);
    this.prev.removeEventListener('click', this.onPrev);
    this.next.removeEventListener('click', this.onNext);
  }

  async refresh() {
    try {
      const result = await this.api.executions(this.page, PAGE_SIZE, this.filter.value);
      if (this.stopped) {
        return;
      }
      this.totalPages = result.totalPages;
      if (this.page > 0 && this.page >= result.totalPages) {
        this.page = Math.max(0, result.totalPages - 1);
        return this.refresh();
      }
      this.render(result);
      this.error.textContent = '';
    } catch (error) {
      if (error instanceof Unauthorized) {
        this.onUnauthorized();
      } else {
        this.error.textContent = 'Could not load your executions: ' + error.message;
      }
    }
  }

  render(result) {
    const rows = result.items.map(execution => this.row(execution));
    if (rows.length === 0) {
      const empty = element('tr', 'empty');
      const cell = element('td', '', this.filter.value ? `No ${this.filter.value} executions.` : 'No executions yet.');
      cell.colSpan = 5;
      empty.append(cell);
      rows.push(empty);
    }
    this.body.replaceChildren(...rows);
    this.info.textContent = result.totalPages === 0 ? 'page 0 of 0'
      : `page ${result.page + 1} of ${result.totalPages} (${result.totalItems} in all)`;
    this.prev.disabled = this.page === 0;
    this.next.disabled = this.page + 1 >= result.totalPages;
  }

  row(execution) {
    const row = element('tr', 'execution-row');
    row.dataset.executionId = execution.executionId;
    row.dataset.status = execution.status;
    const idCell = element('td', 'id');
    const link = element('a', 'watch', execution.executionId.slice(0, 8) + '…');
    link.href = '#execution=' + execution.executionId;
    link.title = execution.executionId;
    link.setAttribute('aria-label', 'Watch execution ' + execution.executionId);
    idCell.append(link);
    const statusCell = element('td');
    statusCell.append(badge(execution.status));
    const actions = element('td', 'actions');
    if (!TERMINAL.has(execution.status)) {
      const cancel = element('button', 'cancel', 'Cancel');
      cancel.type = 'button';
      cancel.setAttribute('aria-label', 'Cancel execution ' + execution.executionId);
      cancel.addEventListener('click', () => this.cancel(execution.executionId, cancel));
      actions.append(cancel);
    }
    row.append(idCell, element('td', '', execution.agentId), statusCell, element('td', '', dateTime(execution.createdAt)),
      actions);
    return row;
  }

  async cancel(executionId, button) {
    button.disabled = true;
    try {
      await this.api.cancel(executionId);
    } catch (error) {
      if (error instanceof Unauthorized) {
        this.onUnauthorized();
        return;
      }
      this.error.textContent = 'Could not cancel: ' + error.message;
    }
    this.refresh();
  }
}
