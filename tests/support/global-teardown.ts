// Removes the container that global-setup started (none when ES_URL was given).
export default async function globalTeardown(): Promise<void> {
  const container = globalThis.__ES_CONTAINER__;
  if (container) {
    await container.stop({ timeout: 10_000 });
    globalThis.__ES_CONTAINER__ = undefined;
  }
}
