/**
 * A notebook with a configured sensitivity cell through every way it leaves and comes back: its
 * file and its share link keep the settings; XMILE, which has no cells, keeps the model.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/document';
import type { FlowbookDocument } from '../model/types';
import {
	MissingDataFilesError,
	notebookFile,
	readNotebookFile,
	readNotebookFiles,
	xmileFile
} from './files';
import { decodeShareFragment, encodeShareFragment } from './share-link';

const example = readDocument(
	readFileSync(new URL('../../../models/whole-system-flow.flowbook.json', import.meta.url), 'utf8')
).document;
const withSensitivity: FlowbookDocument = {
	...example,
	cells: [
		...example.cells,
		{
			id: 'sensitivity-1',
			kind: 'sensitivity',
			outputs: ['occupancy', 'four_hour_performance'],
			parameters: [
				{ variable: 'demand_growth', distribution: { kind: 'uniform', min: 0, max: 0.04 } },
				{
					variable: 'extra_acute_beds',
					distribution: { kind: 'triangular', min: 0, mode: 20, max: 200 }
				}
			],
			runs: 1000,
			seed: 42
		}
	]
};

describe('a notebook with sensitivity settings', () => {
	it('keeps them in its .flowbook.json file', async () => {
		const file = notebookFile(withSensitivity);
		expect(await readNotebookFile(file)).toEqual(withSensitivity);
	});

	it('keeps them in its share link', async () => {
		const { document, diagnostics } = await decodeShareFragment(
			await encodeShareFragment(withSensitivity)
		);
		expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		expect(document.cells.at(-1)).toEqual(withSensitivity.cells.at(-1));
	});

	it('exports to XMILE, which holds the model only, and that file opens as a notebook', async () => {
		const file = xmileFile(withSensitivity);
		const text = await file.text();
		expect(text).not.toMatch(/triangular/);
		const opened = await readNotebookFile(new File([text], file.name));
		expect(opened.model.variables.map((v) => v.name)).toEqual(
			withSensitivity.model.variables.map((v) => v.name)
		);
		expect(opened.cells.some((c) => c.kind === 'sensitivity')).toBe(false);
	});
});

describe('importing a Vensim model', () => {
	const MDL = `{UTF-8}
Beds = 230 ~ bed ~ |
Occupied = INTEG(admissions - discharges, 200) ~ patient ~ |
admissions = 20 ~ patient/Day ~ |
discharges = Occupied / 10 ~ patient/Day ~ |
FINAL TIME = 10 ~ Day ~ |
INITIAL TIME = 0 ~ Day ~ |
SAVEPER = 1 ~ Day ~ |
TIME STEP = 1 ~ Day ~ |
`;

	it('opens a .mdl as a notebook titled by the file', async () => {
		const document = await readNotebookFile(new File([MDL], 'Winter beds.mdl'));
		expect(document.title).toBe('Winter beds');
		expect(document.model.variables.find((v) => v.name === 'Occupied')).toMatchObject({
			kind: 'stock',
			inflows: ['admissions'],
			outflows: ['discharges']
		});
	});

	it('refuses a .mdl it cannot read, naming the line and the variable', async () => {
		const bad = MDL.replace('Beds = 230', 'Beds = MYSTERY(230)');
		await expect(readNotebookFile(new File([bad], 'bad.mdl'))).rejects.toThrow(
			'Cannot import “bad.mdl”: line 2: Beds: unknown function MYSTERY'
		);
	});

	it('asks for the spreadsheets a .mdl reads, and reads them when they come with it', async () => {
		const reads = MDL.replace('Beds = 230', "Beds = GET DIRECT CONSTANTS('beds.csv', ',', 'B2')");
		const model = new File([reads], 'reads.mdl');
		const missing = await readNotebookFiles([model]).catch((e: unknown) => e);
		expect(missing).toBeInstanceOf(MissingDataFilesError);
		expect((missing as MissingDataFilesError).missing).toEqual(['beds.csv']);
		expect((missing as Error).message).toBe(
			'“reads.mdl” reads beds.csv, which was not imported with it: choose it too.'
		);
		// The spreadsheet first, the model second: the model is found by its extension.
		const data = new File(['ward,beds\nnorth,230\n'], 'Beds.CSV');
		const document = await readNotebookFiles([data, model]);
		expect(document.model.variables.find((v) => v.name === 'Beds')).toMatchObject({
			equation: '230'
		});
	});
});
