// The dashboard's server-sent events parser, as the page imports it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSseParser } from '../../src/SmartHome.Cloud/Dashboard/wwwroot/sse.js';

function parse(...chunks) {
  const events = [];
  const parser = createSseParser(e => events.push(e));
  chunks.forEach(c => parser.push(c));
  return { events };
}

test('an event with id, event and data is dispatched at the blank line', () => {
  const { events } = parse('id: 7\nevent: notification\ndata: {"a":1}\n\n');
  assert.deepEqual(events, [{ id: '7', event: 'notification', data: '{"a":1}' }]);
});

test('an event is not dispatched before its blank line', () => {
  const { events } = parse('id: 7\nevent: notification\ndata: {"a":1}\n');
  assert.deepEqual(events, []);
});

test('comments such as keep-alives dispatch nothing', () => {
  const { events } = parse(': keep-alive\n\n: keep-alive\n\n');
  assert.deepEqual(events, []);
});

test('lines split across chunks anywhere, CR LF split too, give the same events', () => {
  const text = 'id: 41\r\nevent: notification\r\ndata: {"title":"Milk"}\r\n\r\n: keep-alive\r\n\r\nid: 42\nevent: notification\ndata: {"title":"Eggs"}\n\n';
  const whole = parse(text).events;
  for (let size = 1; size <= 7; size++) {
    const chunks = [];
    for (let i = 0; i < text.length; i += size) {
      chunks.push(text.slice(i, i + size));
    }
    assert.deepEqual(parse(...chunks).events, whole, `chunks of ${size}`);
  }
  assert.deepEqual(whole.map(e => [e.id, JSON.parse(e.data).title]), [['41', 'Milk'], ['42', 'Eggs']]);
});

test('several data lines join with a newline; a missing event name is "message"', () => {
  const { events } = parse('data: one\ndata:two\n\n');
  assert.deepEqual(events, [{ id: '', event: 'message', data: 'one\ntwo' }]);
});

test('the last event id carries over to later events', () => {
  const { events } = parse('id: 5\ndata: a\n\ndata: b\n\nid: 6\ndata: c\n\n');
  assert.deepEqual(events.map(e => e.id), ['5', '5', '6']);
});

test('an event type without data dispatches nothing and does not leak into the next event', () => {
  const { events } = parse('event: notification\n\ndata: x\n\n');
  assert.deepEqual(events, [{ id: '', event: 'message', data: 'x' }]);
});
