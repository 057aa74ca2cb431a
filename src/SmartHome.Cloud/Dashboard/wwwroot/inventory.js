// The inventory, eat-first as the API sorts it (section#inventory): the state in words as well as colour.
import { calendarDate, el, number, timeElement } from './format.js';

const list = () => document.querySelector('#inventory ol');

/** @param {{items: any[], warningWindowDays: number}} answer GET /api/v1/household/inventory */
export function renderInventory(answer) {
  const items = answer.items.map(item);
  list().replaceChildren(...items);
  const note = document.getElementById('inventory-note');
  note.textContent = items.length === 0
    ? 'Nothing inside yet.'
    : `${counted(answer.items)}. "Expiring" means within ${answer.warningWindowDays} days.`;
}

function item(i) {
  const li = el('li', 'item', undefined, { itemId: i.itemId, state: i.state });
  const main = el('div', 'item-main');
  main.append(el('p', 'name', i.name));
  const quantity = i.unit ? `${number(i.quantity)} ${i.unit}` : `${number(i.quantity)}×`;
  main.append(el('p', 'item-meta', [quantity, i.location, i.category].filter(Boolean).join(' · ')));
  li.append(main, el('p', 'state', i.state));

  li.append(bestBefore(i));
  if (i.why) {
    li.append(el('p', 'why', i.why));
  }
  return li;
}

function bestBefore(i) {
  const p = el('p', 'best-before');
  const date = i.estimatedBestBefore ?? i.bestBefore;
  if (!date) {
    p.textContent = 'No best-before known';
    return p;
  }
  p.append(i.estimated ? 'Estimated best before ' : 'Best before ');
  p.append(timeElement(date, calendarDate(date)));
  if (i.bestBefore && i.bestBefore !== date) {
    p.append(` (label ${calendarDate(i.bestBefore)})`);
  }
  if (i.daysLeft !== null && i.daysLeft !== undefined) {
    p.append(el('span', 'days-left', daysLeft(i.daysLeft)));
  }
  return p;
}

function daysLeft(days) {
  if (days === 0) {
    return 'today';
  }
  if (days < 0) {
    return days === -1 ? '1 day ago' : `${-days} days ago`;
  }
  return days === 1 ? '1 day left' : `${days} days left`;
}

function counted(items) {
  const n = state => items.filter(i => i.state === state).length;
  const parts = [['unsafe', n('unsafe')], ['expired', n('expired')], ['expiring', n('expiring')], ['fresh', n('fresh')]]
    .filter(([, count]) => count > 0)
    .map(([state, count]) => `${count} ${state}`);
  return `${items.length} ${items.length === 1 ? 'item' : 'items'}: ${parts.join(', ')}`;
}
