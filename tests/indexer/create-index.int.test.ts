// Creating the run's index is retried when its answer is lost (a timeout on a busy cluster):
// the retry must find the index the first attempt made and go on, not abort the run.
import type { Client } from '@elastic/elasticsearch';
import { loadIndexDefinition } from '../../src/indexer/definition';
import { createIndex } from '../../src/indexer/es';
import { testClient, testIndexName } from '../support/es';

let client: Client;
beforeAll(() => {
  client = testClient();
});
afterAll(() => client.close());

test('a second attempt at the same index goes on; the index has the definition', async () => {
  const index = testIndexName('create-twice');
  const definition = loadIndexDefinition();
  try {
    await createIndex(client, index, definition);
    await expect(createIndex(client, index, definition)).resolves.toBeUndefined();
    const mapping = await client.indices.getMapping({ index });
    expect(mapping[index]?.mappings._meta).toMatchObject({ definition_hash: definition.hash });
  } finally {
    await client.indices.delete({ index }, { ignore: [404] });
  }
});
