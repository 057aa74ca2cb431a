// What pressing one event type's button asks the server for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EVENT_TYPES, covers, toggled } from '../../src/SmartHome.Cloud/Dashboard/wwwroot/consents.js';

test('the eight event types of the contract have a button each', () => {
  assert.equal(EVENT_TYPES.length, 8);
  assert.equal(new Set(EVENT_TYPES.map(([t]) => t)).size, 8);
});

test('a wildcard consent covers the types under its prefix only', () => {
  assert.ok(covers(['shg.food.*'], 'shg.food.unsafe.v1'));
  assert.ok(!covers(['shg.food.*'], 'shg.stock.low.v1'));
  assert.ok(covers(['*'], 'shg.diet.weekly-summary.v1'));
  assert.ok(!covers([], 'shg.stock.low.v1'));
});

test('pressing an uncovered type adds it and keeps the wildcards there are', () => {
  assert.deepEqual(toggled(['shg.stock.low.v1'], 'shg.food.expiring.v1'), ['shg.stock.low.v1', 'shg.food.expiring.v1']);
  assert.deepEqual(toggled(['shg.food.*'], 'shg.stock.low.v1'), ['shg.food.*', 'shg.stock.low.v1']);
});

test('pressing a covered type takes it out, spelling out only the wildcard that covered it', () => {
  assert.deepEqual(toggled(['shg.food.*'], 'shg.food.expired.v1'), ['shg.food.expiring.v1', 'shg.food.unsafe.v1']);
  assert.deepEqual(toggled(['shg.food.*', 'shg.stock.*'], 'shg.food.expired.v1'), ['shg.food.expiring.v1', 'shg.food.unsafe.v1', 'shg.stock.*']);
  assert.deepEqual(toggled(['shg.food.*', 'shg.stock.low.v1'], 'shg.stock.low.v1'), ['shg.food.*']);
  assert.deepEqual(toggled(['shg.stock.low.v1'], 'shg.stock.low.v1'), []);
});
