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

test('pressing an uncovered type adds it; pressing a covered one takes it out, spelling out a wildcard', () => {
  assert.deepEqual(toggled(['shg.stock.low.v1'], 'shg.food.expiring.v1'), ['shg.food.expiring.v1', 'shg.stock.low.v1']);
  assert.deepEqual(toggled(['shg.food.*'], 'shg.food.expired.v1'), ['shg.food.expiring.v1', 'shg.food.unsafe.v1']);
  assert.deepEqual(toggled(['shg.stock.low.v1'], 'shg.stock.low.v1'), []);
});
