/** `at://did:plc:abc/app.bsky.feed.post/3k4duaz5vfs2b` → its parts, or undefined. */
export function parsePostUri(uri: string): { did: string; rkey: string } | undefined {
  const match = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/?#]+)$/.exec(uri);
  return match ? { did: match[1] as string, rkey: match[2] as string } : undefined;
}

/** The bsky.app address of a post; the DID form keeps working when the handle changes. */
export function postWebUrl(web: string, uri: string): string | undefined {
  const parts = parsePostUri(uri);
  return parts ? `${web}/profile/${parts.did}/post/${parts.rkey}` : undefined;
}
