#!/usr/bin/env node
// The `flowbook` command (package.json "bin"): builds dist-cli/ first when the sources are newer,
// then runs the built CLI, plain JavaScript, so no TypeScript is compiled at run time.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureCli } from './ensure-cli.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureCli(root);
await import(pathToFileURL(join(root, 'dist-cli/flowbook.js')).href);
