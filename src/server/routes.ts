// The routes: validate (one schema) -> build the request (pure, src/search) -> call
// Elasticsearch (es.ts) -> shape the answer (pure, src/search). Errors go to the error handler
// in app.ts.
import type { Client } from '@elastic/elasticsearch';
import { Router } from 'express';
import { buildArticleLookup, buildSearch, buildVersions, CURSOR_KEEP_ALIVE } from '../search/query';
import { pageStories, readVersions, shapeArticle, shapeSearchResponse } from '../search/response';
import { buildSuggest, shapeSuggest } from '../search/suggest';
import type { HealthResponse } from '../search/wire';
import { cursorEnded, notFound, toHttpError } from './errors';
import {
  aliasHealth,
  closePointInTime,
  findArticle,
  indexExists,
  openPointInTime,
  searchArticles,
  searchSuggestions,
  searchVersions,
} from './es';
import { openApiDocument } from './openapi';
import { readiness, readyStatus } from './readiness';
import { noteEngine } from './request-log';
import { articleRequestSchema, searchQuerySchema, suggestQuerySchema, validate } from './schemas';

export interface Deps {
  client: Client;
  /** The alias searched; the API never names a physical index. */
  index: string;
}

export function routes({ client, index }: Deps): Router {
  const router = Router();
  const openApi = openApiDocument();

  router.get('/api/search', async (req, res) => {
    const validated = validate(searchQuerySchema, req.query);
    // Deep paging reads one point in time: the first page a cursor asks for opens it, and the
    // cursors after it carry it (src/search/cursor.ts).
    const request =
      (validated.after || validated.offset !== undefined) && !validated.pit
        ? { ...validated, pit: await openPointInTime(client, index, CURSOR_KEEP_ALIVE) }
        : validated;
    const result = await searchArticles(client, buildSearch(request, index)).catch(
      async (error: unknown) => {
        throw request.pit ? await cursorEnded(error, (name) => indexExists(client, name)) : error;
      },
    );
    // Collapsed, the versions of the page's stories: one more request for the whole page.
    const stories = request.collapse ? pageStories(result, request) : [];
    const versions =
      stories.length > 0
        ? await searchVersions(
            client,
            buildVersions(request, index, stories, result.pit_id ?? request.pit),
          )
        : undefined;
    const shaped = shapeSearchResponse(result, request, versions && readVersions(versions));
    // The engine's time for both requests.
    const body = { ...shaped, took_ms: shaped.took_ms + (versions?.took ?? 0) };
    // The last page: nothing will read the point in time again.
    if (request.pit && !body.next_cursor) {
      void closePointInTime(client, result.pit_id ?? request.pit).catch(() => undefined);
    }
    noteEngine(res, { took_ms: body.took_ms, hits: body.total });
    res.json(body);
  });

  router.get('/api/suggest', async (req, res) => {
    const request = validate(suggestQuerySchema, req.query);
    const result = await searchSuggestions(client, buildSuggest(request, index));
    const body = shapeSuggest(result, request);
    noteEngine(res, { took_ms: result.took, hits: body.suggestions.length });
    res.json(body);
  });

  router.get('/api/articles/:id', async (req, res) => {
    const request = validate(articleRequestSchema, { ...req.query, id: req.params.id });
    const hit = await findArticle(client, buildArticleLookup(request.id, index, request.query));
    if (!hit) throw notFound(`no article with id ${request.id}`);
    res.json(shapeArticle(hit, request.output_script));
  });

  router.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' } satisfies HealthResponse);
  });

  router.get('/readyz', async (_req, res) => {
    let body: HealthResponse;
    try {
      // The alias's index only: another index's trouble is not ours.
      body = readiness(index, await aliasHealth(client, index));
    } catch (err) {
      body = { status: 'not_ready', reason: toHttpError(err).body.message };
    }
    res.status(readyStatus(body)).json(body);
  });

  return router;
}
