/** Keys of `T` whose values are functions returning a promise: the only calls that can wait for a load. */
export type AsyncMethodOf<T> = {
  [K in keyof T]-?: T[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof T];

/** The members of `T` that are not delegated methods (e.g. `Llm.provider`): known before loading. */
type FixedMembers<T, M extends keyof T> = Pick<T, Exclude<keyof T, M>>;

const LOADED = Symbol('lazyPort.loaded');

interface LazyPortHandle<T> {
  [LOADED]: () => Promise<T>;
}

/**
 * A port whose adapter (and the SDK behind it) is loaded on its first call rather than when
 * the container is built: a function that never calls the LLM or Stripe never evaluates
 * their code. Every listed method waits for `load()` (run once, shared by concurrent first
 * calls) and then delegates. A failed load rejects that call — nothing fails at start — and
 * is forgotten, so the next call tries again. Members that are not methods are given up
 * front in `fixed`, which the types require exactly when the port has such members; so a
 * port method left out of `methods` is a compile error ("Expected 3 arguments"), not a
 * missing function at run time. Annotate `load` with the port type so `T` is the port.
 */
export function lazyPort<T extends object, M extends AsyncMethodOf<T>>(
  load: () => Promise<T>,
  methods: readonly M[],
  ...fixed: Exclude<keyof T, M> extends never ? [] : [members: FixedMembers<T, M>]
): T {
  let loading: Promise<T> | undefined;
  const loaded = (): Promise<T> => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  const port: Record<PropertyKey, unknown> = { ...fixed[0], [LOADED]: loaded };
  for (const method of methods) {
    port[method] = async (...args: unknown[]): Promise<unknown> => {
      const adapter = await loaded();
      return (adapter[method] as (...a: unknown[]) => Promise<unknown>).apply(adapter, args);
    };
  }
  return port as T;
}

/**
 * The adapter behind a port built by `lazyPort`, loading it if needed; any other port is
 * returned as is. For tests and diagnostics that need the concrete adapter.
 */
export async function loadedAdapter<T extends object>(port: T): Promise<T> {
  const handle = port as Partial<LazyPortHandle<T>>;
  return handle[LOADED] ? handle[LOADED]() : port;
}
