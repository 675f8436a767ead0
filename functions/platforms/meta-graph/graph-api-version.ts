/**
 * The Graph API version every Meta connector calls (Facebook, Instagram). Meta retires a
 * version about two years after release and then silently serves the oldest live one, so
 * bump it deliberately and re-run the contract tests. Threads has its own `v1.0`.
 * Version table: https://developers.facebook.com/docs/graph-api/changelog
 */
export const META_GRAPH_API_VERSION = 'v25.0';
