// The dashboard's temperature chart geometry, as the page imports it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HEIGHT, WIDTH, chartGeometry, niceStep } from '../../src/SmartHome.Cloud/Dashboard/wwwroot/chart.js';

const from = '2026-11-23T12:00:00Z';
const to = '2026-11-24T12:00:00Z';
const utcHour = d => d.getUTCHours();

function slotsEvery(minutes, fromIso, count, celsius) {
  return Array.from({ length: count }, (_, i) => ({
    at: new Date(Date.parse(fromIso) + i * minutes * 60_000).toISOString(),
    minCelsius: celsius(i) - 0.5,
    maxCelsius: celsius(i) + 0.5,
  }));
}

const fridge = slots => ({ from, to, slots, safeMinCelsius: 0, safeMaxCelsius: 4 });

test('the safe band lies between the safe limits on the scale', () => {
  const g = chartGeometry(fridge(slotsEvery(5, from, 288, () => 3)), utcHour);
  const top = g.yTicks.find(t => t.value === 4);
  const bottom = g.yTicks.find(t => t.value === 0);
  assert.ok(top && bottom, 'ticks at 0 and 4');
  assert.equal(g.safeBand.y, top.y);
  assert.equal(Math.round((g.safeBand.y + g.safeBand.height) * 10) / 10, bottom.y);
});

test('readings apart by more than half an hour are drawn as separate areas', () => {
  const before = slotsEvery(5, from, 12, () => 3);
  const after = slotsEvery(5, '2026-11-23T14:00:00Z', 12, () => 3);
  const g = chartGeometry(fridge([...before, ...after]), utcHour);
  assert.equal(g.path.match(/M/g).length, 2);
  assert.equal(chartGeometry(fridge(before), utcHour).path.match(/M/g).length, 1);
});

test('every point lies inside the drawing and the scale covers the readings and the safe range', () => {
  const g = chartGeometry(fridge(slotsEvery(5, from, 288, i => (i > 100 && i < 136 ? 11.4 : 3.1))), utcHour);
  const numbers = g.path.match(/-?\d+(\.\d+)?/g).map(Number);
  assert.ok(numbers.every(n => n >= 0 && n <= WIDTH));
  for (let i = 1; i < numbers.length; i += 2) {
    assert.ok(numbers[i] >= g.plot.top && numbers[i] <= g.plot.bottom, `y ${numbers[i]}`);
  }
  assert.ok(g.yTicks[0].value <= 0 && g.yTicks.at(-1).value >= 11.9);
  assert.deepEqual([g.min, g.max], [2.6, 11.9]);
});

test('a safe limit far from the readings is cut off so the readings keep their scale', () => {
  const g = chartGeometry({ from, to, slots: slotsEvery(5, from, 288, () => -18), safeMinCelsius: -40, safeMaxCelsius: -15 }, utcHour);
  assert.ok(g.yTicks[0].value > -40);
  assert.equal(g.safeBand.y + g.safeBand.height, g.plot.bottom);
});

test('hour ticks fall every six hours of the household day, from the time zone given', () => {
  const utc = chartGeometry(fridge([]), utcHour).xTicks.map(t => t.hour);
  const berlin = chartGeometry(fridge([]), d => (d.getUTCHours() + 1) % 24).xTicks.map(t => new Date(t.at).getUTCHours());
  assert.deepEqual(utc, [12, 18, 0, 6, 12]);
  assert.deepEqual(berlin, [17, 23, 5, 11]);
});

test('no readings still give a chart of the safe range', () => {
  const g = chartGeometry(fridge([]), utcHour);
  assert.equal(g.path, '');
  assert.equal(g.min, null);
  assert.ok(g.safeBand.height > 0 && g.safeBand.height < HEIGHT);
});

test('steps are 1, 2 or 5 times a power of ten', () => {
  assert.deepEqual([0.5, 3, 9, 30, 70].map(niceStep), [0.5, 1, 5, 10, 20]);
});
