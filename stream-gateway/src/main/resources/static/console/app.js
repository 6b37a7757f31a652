// The web console: signs in from the link the launcher prints (#token=…), then lists, starts, cancels and
// watches the user's executions.

import { Api } from './api.js';
import { ExecutionList } from './list.js';
import * as session from './session.js';
import { StartForm } from './start.js';
import { ExecutionWatch } from './watch.js';

const signedOut = document.getElementById('signed-out');
const signedIn = document.getElementById('signed-in');
const app = document.getElementById('app');
const message = document.getElementById('signin-message');

const HOW_TO_SIGN_IN = 'To sign in, open the console link the launcher printed (it carries your token after #token=), '
  + 'or mint one with: java -jar launcher/target/agentnexus-launcher.jar token <user>.';

let config;
let current = { list: null, form: null, watch: null, token: null };

async function main() {
  try {
    const response = await fetch('/console/config');
    config = await response.json();
  } catch (error) {
    showSignedOut('The console could not load its configuration from the gateway: ' + error.message);
    return;
  }
  document.getElementById('sign-out').addEventListener('click', () => signOut(''));
  document.getElementById('download-log').addEventListener('click', downloadLog);
  window.addEventListener('hashchange', route);
  route();
}

function route() {
  const params = session.fragment();
  const offered = params.get('token');
  const executionId = params.get('execution');
  if (offered) {
    // out of the address bar (and history) at once
    history.replaceState(null, '', location.pathname + location.search + (executionId ? '#execution=' + executionId : ''));
    const checked = session.inspect(offered);
    if (checked.problem) {
      signOut(checked.problem === 'expired'
        ? 'Your token has expired. ' + HOW_TO_SIGN_IN
        : 'That token is invalid. ' + HOW_TO_SIGN_IN);
      return;
    }
    session.store(offered);
  }
  const token = session.stored();
  if (!token) {
    showSignedOut('You are not signed in. ' + HOW_TO_SIGN_IN);
    return;
  }
  const checked = session.inspect(token);
  if (checked.problem) {
    signOut(checked.problem === 'expired' ? 'Your token has expired. ' + HOW_TO_SIGN_IN
      : 'That token is invalid. ' + HOW_TO_SIGN_IN);
    return;
  }
  if (current.token !== token) {
    enter(token, checked.claims);
  }
  watch(executionId);
}

function enter(token, claims) {
  leave();
  current.token = token;
  const api = new Api(config.executionServiceUrl, token);
  const refused = () => signOut('The execution service refused your token (expired or revoked). ' + HOW_TO_SIGN_IN);
  document.getElementById('user-name').textContent = claims.sub;
  signedOut.hidden = true;
  signedIn.hidden = false;
  app.hidden = false;
  current.list = new ExecutionList(api, refused);
  current.form = new StartForm(api, executionId => {
    location.hash = 'execution=' + executionId;
    current.list.refresh();
  }, refused);
  current.form.load();
  current.list.refresh();
}

function watch(executionId) {
  if (current.watch && current.watch.executionId === executionId) {
    return;
  }
  if (current.watch) {
    current.watch.stop();
    current.watch = null;
  }
  const section = document.getElementById('watch');
  if (!executionId) {
    section.hidden = true;
    return;
  }
  current.watch = new ExecutionWatch(executionId, current.token,
    () => signOut('Your token has expired. ' + HOW_TO_SIGN_IN));
  current.watch.start();
}

/** The execution's history as NDJSON from the gateway, saved as a file. */
async function downloadLog() {
  const watching = current.watch;
  if (!watching) {
    return;
  }
  const error = document.getElementById('watch-error');
  try {
    const response = await fetch(`/api/executions/${encodeURIComponent(watching.executionId)}/events`,
      { headers: { Authorization: 'Bearer ' + current.token, Accept: 'application/x-ndjson' } });
    if (!response.ok) {
      error.textContent = `Download failed: HTTP ${response.status}`;
      return;
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = `execution-${watching.executionId}.ndjson`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  } catch (failure) {
    error.textContent = 'Download failed: ' + failure.message;
  }
}

function leave() {
  if (current.list) {
    current.list.stop();
  }
  if (current.form) {
    current.form.stop();
  }
  if (current.watch) {
    current.watch.stop();
  }
  current = { list: null, form: null, watch: null, token: null };
}

function signOut(text) {
  session.forget();
  leave();
  showSignedOut(text || 'You signed out. ' + HOW_TO_SIGN_IN);
}

function showSignedOut(text) {
  message.textContent = text;
  signedOut.hidden = false;
  signedIn.hidden = true;
  app.hidden = true;
  document.getElementById('watch').hidden = true;
}

main();
