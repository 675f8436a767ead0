/** What the benchmark tells its stand-in Messages server child (messages-server.ts) through the environment. */
export const DELAY_VARIABLE = 'LLM_BENCH_SERVER_DELAY_MS';
export const KEY_VARIABLE = 'LLM_BENCH_API_KEY';
