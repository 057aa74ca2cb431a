// Words and times as the household reads them: in its own time zone (from the inventory answer), British English.

let timeZone = 'UTC';

export function setTimeZone(zone) {
  timeZone = zone || 'UTC';
}

const formatters = new Map();
function formatter(options) {
  const key = timeZone + JSON.stringify(options);
  if (!formatters.has(key)) {
    formatters.set(key, new Intl.DateTimeFormat('en-GB', { timeZone, ...options }));
  }
  return formatters.get(key);
}

/** "Tue 24 Nov, 14:05" (today's: "14:05") */
export function instant(value, now = new Date()) {
  const date = new Date(value);
  const day = d => formatter({ year: 'numeric', month: 'numeric', day: 'numeric' }).format(d);
  return day(date) === day(now)
    ? formatter({ hour: '2-digit', minute: '2-digit' }).format(date)
    : formatter({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(date);
}

/** The hour of the day (0-23) of an instant in the household's time zone. */
export function localHour(date) {
  return Number(formatter({ hour: '2-digit', hourCycle: 'h23' }).format(date));
}

/** "Tue" for an instant, in the household's time zone. */
export function weekday(value) {
  return formatter({ weekday: 'short' }).format(new Date(value));
}

/** "Wed 25 Nov" for a calendar date "2026-11-25" (a date, not an instant: no time zone shifts it). */
export function calendarDate(value) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' })
    .format(new Date(`${value}T00:00:00Z`));
}

export function celsius(value) {
  return value === null || value === undefined ? '–' : `${value.toFixed(1)} °C`;
}

/** "3", "3.5" */
export function number(value) {
  return String(Math.round(value * 10) / 10);
}

export function capitalise(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** A DOM element with a class, text and data attributes. */
export function el(name, className, text, data = {}) {
  const e = document.createElement(name);
  if (className) {
    e.className = className;
  }
  if (text !== undefined) {
    e.textContent = text;
  }
  Object.assign(e.dataset, data);
  return e;
}

/** A time element: machine-readable dateTime, words for people. */
export function timeElement(dateTime, text) {
  const e = el('time', '', text);
  e.dateTime = dateTime;
  return e;
}
