// The detector and the UTF-8 index helper by path, not the package root: the root loads the
// whole XRPC client and every lexicon (1.6 MB bundled against 0.17 MB), which the publish
// Lambda would pay for on each cold start. The lockfile pins @atproto/api 0.19.x.
import { detectFacets as detectRichText } from '@atproto/api/dist/rich-text/detection';
import * as z from 'zod';
import { PlatformError } from '../connector';
import type { BlueskyRuntime } from './runtime';
import { detectorText } from './utf8-text';
import { readBody, xrpc } from './xrpc';

/** One `app.bsky.richtext.facet`: a feature over a UTF-8 byte range of the text. */
export interface BlueskyFacet {
  index: { byteStart: number; byteEnd: number };
  features: (
    | { $type: 'app.bsky.richtext.facet#link'; uri: string }
    | { $type: 'app.bsky.richtext.facet#mention'; did: string }
    | { $type: 'app.bsky.richtext.facet#tag'; tag: string }
  )[];
}

const resolved = z.object({ did: z.string().startsWith('did:') });

/** Handle → DID (or null when it does not resolve), shared by every post of one publish. */
export type HandleCache = Map<string, string | null>;

async function resolveHandle(
  runtime: BlueskyRuntime,
  pds: string,
  handle: string,
  cache: HandleCache,
): Promise<string | null> {
  const known = cache.get(handle);
  if (known !== undefined) return known;
  let did: string | null;
  try {
    const response = await xrpc(runtime, {
      method: 'GET',
      base: pds,
      nsid: 'com.atproto.identity.resolveHandle',
      params: { handle },
      action: `look up @${handle}`,
    });
    did = readBody(resolved, response, `look up @${handle}`).did;
  } catch (error) {
    // An unknown handle stays plain text, as in the official app; anything else is retried.
    if (error instanceof PlatformError && error.kind === 'permanent') did = null;
    else throw error;
  }
  cache.set(handle, did);
  return did;
}

/**
 * Links, mentions and hashtags of a text as facets with UTF-8 byte offsets, detected by the
 * official library (`detectFacets` behind `RichText#detectFacetsWithoutResolution`, which also trims trailing
 * punctuation off links) and with each mention's handle resolved to a DID through the PDS
 * (`com.atproto.identity.resolveHandle`). See https://docs.bsky.app/docs/advanced-guides/post-richtext.
 */
export async function detectFacets(
  runtime: BlueskyRuntime,
  pds: string,
  text: string,
  cache: HandleCache,
): Promise<BlueskyFacet[] | undefined> {
  const facets: BlueskyFacet[] = [];
  for (const facet of detectRichText(detectorText(text)) ?? []) {
    const index = { byteStart: facet.index.byteStart, byteEnd: facet.index.byteEnd };
    const features: BlueskyFacet['features'] = [];
    for (const feature of facet.features as {
      $type?: string;
      uri?: unknown;
      tag?: unknown;
      did?: unknown;
    }[]) {
      if (feature.$type === 'app.bsky.richtext.facet#link' && typeof feature.uri === 'string') {
        features.push({ $type: 'app.bsky.richtext.facet#link', uri: feature.uri });
      } else if (feature.$type === 'app.bsky.richtext.facet#tag' && typeof feature.tag === 'string') {
        features.push({ $type: 'app.bsky.richtext.facet#tag', tag: feature.tag });
      } else if (feature.$type === 'app.bsky.richtext.facet#mention' && typeof feature.did === 'string') {
        // Before resolution the detector puts the handle where the DID goes.
        const did = await resolveHandle(runtime, pds, feature.did.toLowerCase(), cache);
        if (did) features.push({ $type: 'app.bsky.richtext.facet#mention', did });
      }
    }
    if (features.length > 0) facets.push({ index, features });
  }
  return facets.length > 0 ? facets : undefined;
}
