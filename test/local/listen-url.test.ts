import { describe, expect, it } from 'vitest';
import { listenUrl } from '../../functions/local/listen-url';

describe('listenUrl', () => {
  it('names the port the runtime listens on, reachable from a browser', () => {
    expect(listenUrl('localhost', 4321)).toBe('http://localhost:4321');
    expect(listenUrl('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080');
    expect(listenUrl('0.0.0.0', 3001)).toBe('http://localhost:3001');
    expect(listenUrl('::', 3002)).toBe('http://localhost:3002');
    expect(listenUrl('::1', 3003)).toBe('http://[::1]:3003');
  });
});
