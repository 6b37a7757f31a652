// The start form: an agent picker with prices in ETH and Wei, a JSON input checked as it is typed, a start
// button that opens the new execution.

import { Unauthorized } from './api.js';
import { eth } from './format.js';

export class StartForm {

  constructor(api, onStarted, onUnauthorized) {
    this.api = api;
    this.onStarted = onStarted;
    this.onUnauthorized = onUnauthorized;
    this.select = document.getElementById('agent-select');
    this.price = document.getElementById('agent-price');
    this.editor = document.getElementById('input-editor');
    this.inputError = document.getElementById('input-error');
    this.button = document.getElementById('start-button');
    this.startError = document.getElementById('start-error');
    this.agents = new Map();
    this.stopped = false;
    // kept, so that stop() can remove them: the elements outlive this form (sign out, sign in as someone else)
    this.onChange = () => this.showPrice();
    this.onInput = () => this.validate();
    this.onClick = () => this.start();
    this.select.addEventListener('change', this.onChange);
    this.editor.addEventListener('input', this.onInput);
    this.button.addEventListener('click', this.onClick);
  }

  /** Detaches the form from the page's elements: a later user's clicks are not this user's. */
  stop() {
    this.stopped = true;
    this.select.removeEventListener('change', this.onChange);
    this.editor.removeEventListener('input', this.onInput);
    this.button.removeEventListener('click', this.onClick);
  }

  async load() {
    try {
      const agents = await this.api.agents();
      if (this.stopped) {
        return;
      }
      this.select.replaceChildren();
      for (const agent of agents) {
        this.agents.set(agent.id, agent);
        const option = document.createElement('option');
        option.value = agent.id;
        option.textContent = `${agent.name} — ${eth(agent.priceWei)} (${agent.priceWei} Wei)`;
        this.select.append(option);
      }
      this.showPrice();
      this.validate();
    } catch (error) {
      this.fail(error);
    }
  }

  showPrice() {
    const agent = this.agents.get(this.select.value);
    this.price.textContent = agent
      ? `${agent.id}: ${eth(agent.priceWei)} = ${agent.priceWei} Wei per execution, timeout ${agent.timeoutMs / 1000} s`
      : '';
  }

  /** The parsed input, or undefined with the reason shown. */
  validate() {
    let input;
    let problem = '';
    try {
      input = JSON.parse(this.editor.value);
      if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        problem = 'The input must be a JSON object, e.g. {"task":"hello"}.';
      }
    } catch (error) {
      problem = 'Not valid JSON: ' + error.message;
    }
    this.inputError.textContent = problem;
    this.editor.setAttribute('aria-invalid', String(problem !== ''));
    this.button.disabled = problem !== '' || !this.select.value;
    return problem === '' ? input : undefined;
  }

  async start() {
    const input = this.validate();
    if (input === undefined) {
      return;
    }
    this.button.disabled = true;
    this.startError.textContent = '';
    try {
      const started = await this.api.start(this.select.value, input);
      this.onStarted(started.executionId);
    } catch (error) {
      this.fail(error);
    } finally {
      this.validate();
    }
  }

  fail(error) {
    if (error instanceof Unauthorized) {
      this.onUnauthorized();
    } else {
      this.startError.textContent = error.message;
    }
  }
}
