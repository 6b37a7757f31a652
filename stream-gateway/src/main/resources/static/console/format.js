// Formatting shared by the views. Everything user- or agent-supplied reaches the page through textContent,
// never innerHTML: a log line holding <script> is shown, not run.

const WEI_PER_ETH = 10n ** 18n;

/** "1.5 ETH" from a decimal Wei string, exact (Wei exceed 2^53). */
export function eth(priceWei) {
  const wei = BigInt(priceWei);
  const whole = wei / WEI_PER_ETH;
  const fraction = (wei % WEI_PER_ETH).toString().padStart(18, '0').replace(/0+$/, '');
  return fraction === '' ? `${whole} ETH` : `${whole}.${fraction} ETH`;
}

export function time(epochMillisOrIso) {
  const date = new Date(epochMillisOrIso);
  return date.toLocaleTimeString(undefined, { hour12: false }) + '.' + String(date.getMilliseconds()).padStart(3, '0');
}

export function dateTime(iso) {
  return new Date(iso).toLocaleString(undefined, { hour12: false });
}

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

export function badge(status) {
  const node = element('span', 'badge badge-' + status.toLowerCase(), status);
  return node;
}

export const TERMINAL = new Set(['COMPLETED', 'FAILED', 'TIMED_OUT', 'CANCELLED']);

/** A problem+json answer's detail, or the status line. */
export async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `HTTP ${response.status}`;
  } catch (e) {
    return `HTTP ${response.status}`;
  }
}
