// The 24-hour temperature chart of one compartment, drawn by hand as SVG: the geometry is a pure function (tested
// with node's test runner), the drawing a few DOM calls.

export const WIDTH = 360;
export const HEIGHT = 170;
const PAD = { left: 34, right: 8, top: 8, bottom: 22 };
const HOUR = 3600_000;
/** Two readings further apart than this are not joined: the compartment was silent in between. */
const GAP = 30 * 60_000;
const MARGIN = 5;

/**
 * @param {{from: string, to: string, slots: {at: string, minCelsius: number, maxCelsius: number}[],
 *          safeMinCelsius: number, safeMaxCelsius: number}} c
 * @param {(instant: Date) => number} localHour the hour of the day (0-23) of an instant in the household's time zone
 */
export function chartGeometry(c, localHour) {
  const from = Date.parse(c.from);
  const to = Date.parse(c.to);
  const slots = c.slots.map(s => ({ at: Date.parse(s.at), min: s.minCelsius, max: s.maxCelsius }))
    .filter(s => s.at >= from && s.at <= to)
    .sort((a, b) => a.at - b.at);

  // The readings decide the scale; a safe limit far from them (a freezer's -40 °C) would squash them flat, so
  // the scale reaches at most MARGIN beyond the readings towards it and the safe band is cut there.
  const readings = slots.flatMap(s => [s.min, s.max]);
  const values = readings.length === 0
    ? [c.safeMinCelsius, c.safeMaxCelsius]
    : [...readings, clamp(c.safeMinCelsius, Math.min(...readings) - MARGIN, Math.max(...readings) + MARGIN),
      clamp(c.safeMaxCelsius, Math.min(...readings) - MARGIN, Math.max(...readings) + MARGIN)];
  const step = niceStep(Math.max(...values) - Math.min(...values));
  const low = Math.floor((Math.min(...values) - step / 2) / step) * step;
  const high = Math.ceil((Math.max(...values) + step / 2) / step) * step;

  const x = t => PAD.left + (t - from) / Math.max(to - from, 1) * (WIDTH - PAD.left - PAD.right);
  const y = v => PAD.top + (high - v) / (high - low) * (HEIGHT - PAD.top - PAD.bottom);
  const r = n => Math.round(n * 10) / 10;

  const runs = [];
  for (const s of slots) {
    const run = runs.at(-1);
    if (run && s.at - run.at(-1).at <= GAP) {
      run.push(s);
    } else {
      runs.push([s]);
    }
  }
  // Each run is an area from its maxima forward and its minima back, so a slot's spread shows as thickness; a
  // single slot gets a small width so it stays visible.
  const path = runs.map(run => {
    const points = run.length > 1 ? run : [{ ...run[0], at: run[0].at - 2.5 * 60_000 }, { ...run[0], at: run[0].at + 2.5 * 60_000 }];
    const top = points.map(p => `${r(x(p.at))},${r(y(p.max))}`);
    const bottom = points.toReversed().map(p => `${r(x(p.at))},${r(y(p.min))}`);
    return `M${top.join('L')}L${bottom.join('L')}Z`;
  }).join('');

  const yTicks = [];
  for (let v = low; v <= high + step / 1000; v += step) {
    yTicks.push({ value: r(v), y: r(y(v)) });
  }

  const xTicks = [];
  for (let t = Math.ceil(from / HOUR) * HOUR; t <= to; t += HOUR) {
    const hour = localHour(new Date(t));
    if (hour % 6 === 0) {
      xTicks.push({ at: t, hour, x: r(x(t)) });
    }
  }

  const safeTop = r(y(clamp(c.safeMaxCelsius, low, high)));
  const safeBottom = r(y(clamp(c.safeMinCelsius, low, high)));
  return {
    safeBand: { x: PAD.left, y: safeTop, width: WIDTH - PAD.left - PAD.right, height: r(safeBottom - safeTop) },
    path,
    yTicks,
    xTicks,
    plot: { left: PAD.left, right: WIDTH - PAD.right, top: PAD.top, bottom: HEIGHT - PAD.bottom },
    min: slots.length ? Math.min(...slots.map(s => s.min)) : null,
    max: slots.length ? Math.max(...slots.map(s => s.max)) : null,
  };
}

function clamp(value, min, max) {
  return Math.min(Math.max(value, min), max);
}

/** A step of 1, 2 or 5 times a power of ten that divides the span into about four parts. */
export function niceStep(span) {
  const raw = Math.max(span, 1) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map(m => m * power).find(s => s >= raw);
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * @param {ReturnType<typeof chartGeometry>} g
 * @param {string} label the chart's accessible summary
 * @param {(tick: {at: number, hour: number}) => string} tickLabel
 */
export function drawChart(g, label, tickLabel) {
  const svg = element('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label, class: 'chart' });
  svg.append(element('rect', { class: 'safe-band', ...g.safeBand }));
  for (const t of g.yTicks) {
    svg.append(element('line', { class: 'grid', x1: g.plot.left, x2: g.plot.right, y1: t.y, y2: t.y }));
    svg.append(text(`${t.value}°`, { class: 'tick y', x: g.plot.left - 6, y: t.y }));
  }
  for (const t of g.xTicks) {
    svg.append(element('line', { class: 'grid', x1: t.x, x2: t.x, y1: g.plot.top, y2: g.plot.bottom }));
    svg.append(text(tickLabel(t), { class: 'tick x', x: t.x, y: HEIGHT - 6 }));
  }
  svg.append(element('path', { class: 'reading', d: g.path }));
  return svg;
}

function element(name, attributes) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) {
    e.setAttribute(k, String(v));
  }
  return e;
}

function text(content, attributes) {
  const e = element('text', attributes);
  e.textContent = content;
  return e;
}
