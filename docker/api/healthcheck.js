// The API container's healthcheck: healthy when /readyz answers 200, i.e. the engine
// answers and the alias exists, so "healthy" means searches can be served.
const port = process.env.PORT || '3000';
fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(4000) }).then(
  (res) => process.exit(res.ok ? 0 : 1),
  () => process.exit(1),
);
