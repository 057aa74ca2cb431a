// A server-sent events parser (the WHATWG "event stream interpretation") for text arriving in chunks of any size:
// a line, or even a CR LF pair, may be split between two chunks. fetch() is used instead of EventSource so the
// householder token travels in the Authorization header, never in a URL.

/**
 * @param {(event: {id: string, event: string, data: string}) => void} onEvent called once per dispatched event
 * @returns {{push: (text: string) => void}}
 */
export function createSseParser(onEvent) {
  let buffer = '';
  let skipLeadingLf = false;
  let lastEventId = '';
  let eventType = '';
  let data = [];

  function line(text) {
    if (text === '') {
      if (data.length > 0) {
        onEvent({ id: lastEventId, event: eventType || 'message', data: data.join('\n') });
      }
      eventType = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) {
      return;
    }
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'data') {
      data.push(value);
    } else if (field === 'event') {
      eventType = value;
    } else if (field === 'id' && !value.includes('\0')) {
      lastEventId = value;
    }
  }

  return {
    push(text) {
      if (skipLeadingLf && text.startsWith('\n')) {
        text = text.slice(1);
      }
      skipLeadingLf = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') {
          continue;
        }
        line(buffer.slice(start, i));
        if (c === '\r') {
          if (i + 1 === buffer.length) {
            skipLeadingLf = true;
          } else if (buffer[i + 1] === '\n') {
            i++;
          }
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
  };
}

/**
 * Reads one event stream response to its end, handing each event to onEvent.
 * @param {ReadableStream<Uint8Array>} body
 * @param {ReturnType<typeof createSseParser>} parser
 * @param {() => void} onChunk called on every chunk, keep-alive comments included
 */
export async function readEventStream(body, parser, onChunk) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    onChunk();
    parser.push(value);
  }
}
