/** Every example notebook in models/ checks with no unit warnings. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/document';
import { checkUnits } from './check';

const modelsDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../models');
const notebooks = readdirSync(modelsDir).filter((f) => f.endsWith('.flowbook.json'));

describe.each(notebooks)('%s', (file) => {
	it('checks with no unit warnings', () => {
		const { document } = readDocument(readFileSync(join(modelsDir, file), 'utf8'));
		expect(checkUnits(document.model).map((w) => `${w.variable}: ${w.message}`)).toEqual([]);
	});
});
