// Clients made when first used, not when the adapter is built: each SDK client costs its configuration's
// resolution (and its module's loading, for SNS and S3), and `rootlock check` sends no write and asks only a
// few services.

/** `make` run on the first call, its value kept. */
export function firstUse<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** `load` run once, on the first call; a failed load is tried again on the next. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}
