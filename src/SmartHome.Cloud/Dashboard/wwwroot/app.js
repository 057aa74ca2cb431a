// The dashboard: sign-in with the householder token, then the fridge at a glance, kept current by the live
// notification feed and a refresh every minute.
import { api, token } from './api.js';
import { renderCompartments } from './compartments.js';
import { renderPartners } from './consents.js';
import { setTimeZone } from './format.js';
import { renderInventory } from './inventory.js';
import { addLiveNotification, clearNotifications, followNotifications, loadNotifications } from './notifications.js';

const REFRESH_MS = 60_000;
const DEBOUNCE_MS = 1_500;

const $ = id => document.getElementById(id);
let session = null;

$('sign-in').addEventListener('submit', async event => {
  event.preventDefault();
  const value = $('token').value.trim();
  if (!value) {
    showSignInError('Enter your householder token.');
    return;
  }
  const button = event.submitter ?? $('sign-in').querySelector('button');
  button.disabled = true;
  try {
    await api('/api/v1/household', { bearer: value });
    token.set(value);
    $('token').value = '';
    start();
    // The form that had the focus is gone: give it to the content, as a page load would.
    $('main').focus();
  } catch (e) {
    showSignInError(e.status === 401 || e.status === 403
      ? 'That token was not accepted.'
      : 'The server could not be reached. Try again in a moment.');
  } finally {
    button.disabled = false;
  }
});

$('sign-out').addEventListener('click', () => signOut());

if (token.get()) {
  start();
} else {
  showSignIn();
}

function start() {
  session?.abort();
  const controller = new AbortController();
  session = controller;
  const { signal } = controller;
  $('sign-in').hidden = true;
  $('sign-in-error').hidden = true;
  $('token').removeAttribute('aria-invalid');
  $('dashboard').hidden = false;
  $('sign-out').hidden = false;
  $('live-status').hidden = false;
  setLive('connecting');

  // Times are shown in the household's time zone, which the first inventory answer tells: notifications wait for it.
  const zoneKnown = refresh(signal);
  loadPartners(signal);
  const timer = setInterval(() => refresh(signal), REFRESH_MS);
  let debounce;
  signal.addEventListener('abort', () => {
    clearInterval(timer);
    clearTimeout(debounce);
  });

  // The list is read once the feed is open (or failed to open), so nothing stored in between falls through the gap.
  let listed = false;
  const listOnce = () => {
    if (!listed) {
      listed = true;
      zoneKnown.then(() => loadNotifications(signal)).catch(e => failed(e, signal));
    }
  };
  followNotifications({
    signal,
    onOpen: listOnce,
    onNotification: n => {
      zoneKnown.then(() => addLiveNotification(n));
      clearTimeout(debounce);
      debounce = setTimeout(() => refresh(signal), DEBOUNCE_MS);
    },
    onState: state => {
      setLive(state);
      if (state === 'reconnecting') {
        listOnce();
      }
    },
    onUnauthorized: () => signOut('Your token is no longer accepted. Sign in again.'),
  });
}

async function refresh(signal) {
  try {
    const [inventory, temperatures] = await Promise.all([
      api('/api/v1/household/inventory', { signal }),
      api('/api/v1/household/temperatures?hours=24', { signal }),
    ]);
    setTimeZone(inventory.timeZone);
    renderInventory(inventory);
    renderCompartments(temperatures);
    $('dashboard-error').hidden = true;
  } catch (e) {
    failed(e, signal);
  }
}

async function loadPartners(signal) {
  try {
    renderPartners(await api('/api/v1/household/partners', { signal }));
  } catch (e) {
    failed(e, signal);
  }
}

function failed(e, signal) {
  if (signal.aborted) {
    return;
  }
  if (e.status === 401) {
    signOut('Your token is no longer accepted. Sign in again.');
    return;
  }
  $('dashboard-error').textContent = `Some of the dashboard could not be loaded: ${e.message}`;
  $('dashboard-error').hidden = false;
}

function signOut(message) {
  session?.abort();
  session = null;
  token.clear();
  clearNotifications();
  for (const selector of ['#compartments .compartment-list', '#inventory ol', '#consents .partner-list']) {
    document.querySelector(selector).replaceChildren();
  }
  showSignIn();
  if (message) {
    showSignInError(message);
  }
}

function showSignIn() {
  $('dashboard').hidden = true;
  $('sign-out').hidden = true;
  $('live-status').hidden = true;
  $('sign-in').hidden = false;
  $('token').focus();
}

function showSignInError(message) {
  $('sign-in-error').textContent = message;
  $('sign-in-error').hidden = false;
  $('token').setAttribute('aria-invalid', 'true');
}

function setLive(state) {
  const words = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' };
  $('live-status').textContent = words[state];
  $('live-status').dataset.state = state;
}
