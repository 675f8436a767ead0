/**
 * Text markers that make the Sandbox network misbehave on purpose, so demos and the
 * publisher's tests can exercise every failure path (README.md, "Failure markers").
 * Pure: the composer shows a warning for them with the same code.
 */
export type SandboxFailure = 'transient' | 'ratelimit' | 'auth' | 'permanent' | 'unknown';

export interface SandboxMarkers {
  /** The failure to simulate, and for counted markers how many attempts fail first. */
  failure?: { kind: SandboxFailure; times?: number };
  /** The network answers after SANDBOX_SLOW_RESPONSE_MS. */
  slow: boolean;
  /** Markers that look like sandbox markers but mean nothing (probably typos). */
  unknown: string[];
}

const FAILURES: readonly SandboxFailure[] = ['transient', 'ratelimit', 'auth', 'permanent', 'unknown'];
/** Only these can be counted: the others are not resolved by retrying. */
const COUNTABLE = new Set<SandboxFailure>(['transient', 'ratelimit']);

const MARKER = /(?:^|[^\p{L}\p{N}_])#(fail-[a-z0-9-]*|slow)(?![\p{L}\p{N}_-])/giu;

/** `#fail-transient`, `#fail-ratelimit-2`, `#slow` ... found anywhere in the text. */
const LINK = /\bhttps?:\/\/[^\s<>"]+/giu;

export function parseSandboxMarkers(text: string): SandboxMarkers {
  const markers: SandboxMarkers = { slow: false, unknown: [] };
  // A `#fail-…` fragment inside a URL is part of the link, not a marker.
  for (const match of text.replace(LINK, ' ').matchAll(MARKER)) {
    const raw = (match[1] as string).toLowerCase();
    if (raw === 'slow') {
      markers.slow = true;
      continue;
    }
    const [, name, count] = /^fail-([a-z]+)(?:-(\d+))?$/.exec(raw) ?? [];
    const kind = FAILURES.find((f) => f === name);
    if (!kind || (count !== undefined && !COUNTABLE.has(kind))) {
      markers.unknown.push(`#${raw}`);
      continue;
    }
    // The first failure marker wins; a post simulates one failure at a time.
    markers.failure ??= count === undefined ? { kind } : { kind, times: Number(count) };
  }
  return markers;
}

/** True for hashtags that are markers, which the engagement model does not count as hashtags. */
export function isMarkerTag(tag: string): boolean {
  const lower = tag.toLowerCase();
  return lower === 'slow' || lower.startsWith('fail-');
}
