/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { SimulationHost } from './host';

Comlink.expose(new SimulationHost());
