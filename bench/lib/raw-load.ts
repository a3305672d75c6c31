// The raw load of ready-made bulk bodies (bench:index's raw load, without our pipeline) into
// an index, and the index's size as bench:index measures it. Shared by bench:size and
// bench:compare.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Client, estypes } from '@elastic/elasticsearch';

/** Sends the bulk bodies as they are, two requests in flight. */
export async function load(client: Client, index: string, paths: string[], batchDocs = 500) {
  const inFlight = new Set<Promise<void>>();
  const send = async (body: string) => {
    while (inFlight.size >= 2) await Promise.race(inFlight);
    const request = client.transport
      .request<estypes.BulkResponse>({ method: 'POST', path: `/${index}/_bulk`, bulkBody: body })
      .then((res) => {
        if (res.errors) throw new Error(`bulk into ${index} had errors`);
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };
  let batch = '';
  let docs = 0;
  for (const path of paths) {
    let action: string | undefined;
    for await (const line of createInterface({ input: createReadStream(path, 'utf8') })) {
      if (action === undefined) {
        action = line;
        continue;
      }
      batch += `${action}\n${line}\n`;
      action = undefined;
      if (++docs % batchDocs === 0) {
        await send(batch);
        batch = '';
      }
    }
  }
  if (batch) await send(batch);
  await Promise.all(inFlight);
}

/** Bytes of the primaries' segments (as bench:index measures them). */
export async function segmentBytes(
  client: Client,
  index: string,
): Promise<{ docs: number; bytes: number }> {
  const response = await client.indices.segments({ index });
  let docs = 0;
  let bytes = 0;
  for (const entry of Object.values(response.indices)) {
    for (const shard of Object.values(entry.shards)) {
      const copies = Array.isArray(shard) ? shard : [shard];
      for (const segment of Object.values(copies.find((c) => c.routing.primary)?.segments ?? {})) {
        docs += segment.num_docs;
        bytes += segment.size_in_bytes ?? 0;
      }
    }
  }
  return { docs, bytes };
}
