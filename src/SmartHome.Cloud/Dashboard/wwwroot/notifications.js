// Recent notifications (section#notifications), newest first, and the live feed that inserts new ones at the top.
import { ApiError, api, send } from './api.js';
import { el, instant, timeElement } from './format.js';
import { createSseParser, readEventStream } from './sse.js';

const SHOWN = 50;
/** The server sends ": keep-alive" every 15 s; a stream silent for longer than this is taken as dead. */
const SILENCE_MS = 45_000;
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

const list = () => document.querySelector('#notifications ol');

/** @param {any[]} notifications newest first */
export function renderNotifications(notifications) {
  const known = new Set([...list().children].map(li => li.dataset.notificationId));
  // The live feed may have brought some of them already.
  const items = notifications.filter(n => !known.has(n.id)).map(notice);
  list().append(...items);
  trim();
  showEmpty();
}

export function addLiveNotification(n) {
  if (list().querySelector(`[data-notification-id="${CSS.escape(n.id)}"]`)) {
    return;
  }
  const li = notice(n);
  li.classList.add('arrived');
  list().prepend(li);
  trim();
  showEmpty();
}

export function clearNotifications() {
  list().replaceChildren();
}

/**
 * Follows GET /api/v1/household/notifications/stream until the signal aborts: reconnects with backoff, sending the
 * last event id so nothing stored in between is missed.
 * @param {{signal: AbortSignal, onOpen: () => void, onNotification: (n: any) => void,
 *          onState: (state: 'live'|'reconnecting') => void, onUnauthorized: () => void}} handlers
 */
export async function followNotifications({ signal, onOpen, onNotification, onState, onUnauthorized }) {
  let lastEventId = '';
  let failures = 0;
  while (!signal.aborted) {
    const connection = new AbortController();
    const stop = () => connection.abort();
    signal.addEventListener('abort', stop, { once: true });
    let watchdog;
    const feed = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(stop, SILENCE_MS);
    };
    try {
      const response = await send('/api/v1/household/notifications/stream', {
        signal: connection.signal,
        headers: { Accept: 'text/event-stream', ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
      });
      feed();
      onState('live');
      onOpen();
      failures = 0;
      const parser = createSseParser(event => {
        lastEventId = event.id || lastEventId;
        if (event.event === 'notification') {
          onNotification(JSON.parse(event.data));
        }
      });
      await readEventStream(response.body, parser, feed);
    } catch (error) {
      if (error instanceof ApiError && error.unauthorized) {
        onUnauthorized();
        return;
      }
    } finally {
      clearTimeout(watchdog);
      signal.removeEventListener('abort', stop);
    }
    if (signal.aborted) {
      return;
    }
    onState('reconnecting');
    await delay(BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)], signal);
  }
}

export async function loadNotifications(signal) {
  renderNotifications(await api('/api/v1/household/notifications?limit=' + SHOWN, { signal }));
}

function notice(n) {
  const li = el('li', 'notice', undefined, { notificationId: n.id, severity: n.severity });
  const head = el('div', 'notice-head');
  head.append(el('span', 'severity', n.severity), timeElement(n.at, instant(n.at)));
  li.append(head, el('p', 'title', n.title), el('p', 'body', n.body));
  return li;
}

function trim() {
  while (list().children.length > SHOWN) {
    list().lastElementChild.remove();
  }
}

function showEmpty() {
  list().classList.toggle('is-empty', list().children.length === 0);
}

function delay(ms, signal) {
  return new Promise(resolve => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
