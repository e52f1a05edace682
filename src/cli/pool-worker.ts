/**
 * A simulation worker under Node, as the page's pool has in the browser: a SampleHost behind
 * comlink, on a worker thread. Used by `npm run bench:sensitivity` to time the pool on real threads.
 */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { SampleHost } from '../lib/worker/sample-host';

if (!parentPort) throw new Error('pool-worker.ts runs on a worker thread');
Comlink.expose(new SampleHost(), nodeEndpoint(parentPort));
