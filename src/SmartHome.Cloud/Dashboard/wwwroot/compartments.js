// Each compartment's temperature now and its last 24 hours (section#compartments).
import { chartGeometry, drawChart } from './chart.js';
import { capitalise, celsius, el, instant, localHour, number, weekday } from './format.js';

const list = () => document.querySelector('#compartments .compartment-list');

/** @param {{from: string, to: string, compartments: any[]}} answer GET /api/v1/household/temperatures */
export function renderCompartments(answer) {
  const articles = answer.compartments.map(c => compartment(c, answer));
  if (articles.length === 0) {
    articles.push(el('p', 'empty', 'No temperatures yet: they appear as soon as the fridge reports.'));
  }
  list().replaceChildren(...articles);
}

function compartment(c, answer) {
  const name = capitalise(c.sensor === c.kind ? c.kind : `${c.kind} (${c.sensor})`);
  const article = el('article', c.excursion ? 'card compartment excursion' : 'card compartment', undefined,
    { compartment: `${c.applianceId}/${c.sensor}` });

  const head = el('div', 'compartment-head');
  const title = el('h3', '', name);
  const now = el('p', 'now', celsius(c.celsius ?? null));
  head.append(title, now);
  article.append(head);

  const safe = `safe ${number(c.safeMinCelsius)} to ${number(c.safeMaxCelsius)} °C`;
  const meta = el('p', 'compartment-meta');
  meta.append(el('span', '', `${c.applianceId} · ${safe}`));
  if (c.at) {
    meta.append(el('span', '', ` · read ${instant(c.at)}`));
  }
  article.append(meta);
  if (c.excursion) {
    article.append(el('p', 'excursion-note', '⚠ Outside its safe range now'));
  }

  const g = chartGeometry({ ...c, from: answer.from, to: answer.to, slots: c.slots ?? [] }, localHour);
  const range = g.min === null ? 'no readings' : `${number(g.min)} to ${number(g.max)} °C`;
  article.append(drawChart(g, `${name}, last 24 hours: ${range}, ${safe}`, tickLabel));
  return article;
}

function tickLabel(tick) {
  if (tick.hour === 0) {
    return weekday(tick.at);
  }
  return `${String(tick.hour).padStart(2, '0')}:00`;
}
