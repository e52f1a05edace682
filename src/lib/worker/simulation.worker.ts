/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { SampleHost } from './sample-host';

// Every worker can answer sample blocks; only the pool's workers are sent any.
Comlink.expose(new SampleHost());
