// Which partner may receive which of the household's events (section#consents): one button per event type, pressed
// when the partner may receive it. A button shows the server's answer, never a guess: it is busy until then.
import { api } from './api.js';
import { el } from './format.js';

/** The eight need event types of contract §4, in words. */
export const EVENT_TYPES = [
  ['shg.food.expiring.v1', 'Food expiring'],
  ['shg.food.expired.v1', 'Food expired'],
  ['shg.food.unsafe.v1', 'Food unsafe'],
  ['shg.stock.low.v1', 'Stock low'],
  ['shg.appliance.temperature-excursion.v1', 'Temperature out of range'],
  ['shg.appliance.door-left-open.v1', 'Door left open'],
  ['shg.appliance.offline.v1', 'Appliance offline'],
  ['shg.diet.weekly-summary.v1', 'Weekly diet summary'],
];

const KINDS = { grocery: 'Grocery service', recipe: 'Recipe service', dietitian: 'Dietitian', other: 'Partner service' };

/** Whether a consent's types (exact, or a prefix with a trailing "*") cover an event type. */
export function covers(consentTypes, type) {
  return consentTypes.some(t => t === type || (t.endsWith('*') && type.startsWith(t.slice(0, -1))));
}

/**
 * The consent after pressing one type's button: granting adds the type and keeps every wildcard; revoking takes it
 * out, spelling out as exact types only a wildcard that covered it (a pattern cannot say "all food but this").
 */
export function toggled(consentTypes, type) {
  if (!covers(consentTypes, type)) {
    return [...consentTypes, type];
  }
  const known = EVENT_TYPES.map(([t]) => t);
  const rest = consentTypes.flatMap(t =>
    t === type ? []
    : t.endsWith('*') && covers([t], type) ? known.filter(k => k !== type && covers([t], k))
    : [t]);
  return [...new Set(rest)];
}

const list = () => document.querySelector('#consents .partner-list');
const error = () => document.getElementById('consents-error');

/** @param {{id: string, name: string, kind: string, consentTypes: string[]}[]} partners GET /api/v1/household/partners */
export function renderPartners(partners) {
  const cards = partners.map(partner);
  if (cards.length === 0) {
    cards.push(el('p', 'empty', 'No partner services are registered yet.'));
  }
  list().replaceChildren(...cards);
}

function partner(p) {
  const article = el('article', 'card partner', undefined, { partnerId: p.id });
  const head = el('div', 'partner-head');
  const titles = el('div');
  titles.append(el('h3', '', p.name), el('p', 'partner-kind', KINDS[p.kind] ?? p.kind));
  const revoke = el('button', 'revoke-all quiet', 'Stop sharing');
  revoke.type = 'button';
  revoke.setAttribute('aria-label', `Stop sharing anything with ${p.name}`);
  revoke.addEventListener('click', () => change(article, p, []));
  head.append(titles, revoke);

  const group = el('div', 'types');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', `Events ${p.name} may receive`);
  for (const [type, words] of EVENT_TYPES) {
    const button = el('button', 'type-toggle', words, { type });
    button.type = 'button';
    button.addEventListener('click', () => change(article, p, toggled(p.consentTypes, type)));
    group.append(button);
  }
  article.append(head, group);
  show(article, p);
  return article;
}

function show(article, p) {
  for (const button of article.querySelectorAll('button[data-type]')) {
    button.setAttribute('aria-pressed', String(covers(p.consentTypes, button.dataset.type)));
  }
  article.querySelector('.revoke-all').disabled = p.consentTypes.length === 0;
}

async function change(article, p, types) {
  if (article.classList.contains('busy')) {
    return;
  }
  const buttons = [...article.querySelectorAll('button')];
  buttons.forEach(b => b.setAttribute('aria-busy', 'true'));
  article.classList.add('busy');
  error().hidden = true;
  try {
    const path = `/api/v1/household/consents/${encodeURIComponent(p.id)}`;
    p.consentTypes = types.length === 0
      ? (await api(path, { method: 'DELETE' }), [])
      : (await api(path, { method: 'PUT', body: { types } })).types;
  } catch (e) {
    error().textContent = `Could not change what ${p.name} receives: ${e.message}`;
    error().hidden = false;
  } finally {
    buttons.forEach(b => b.removeAttribute('aria-busy'));
    article.classList.remove('busy');
    show(article, p);
  }
}
