import { describe, expect, it } from 'vitest';
import { documentFromModel } from '../model/document';
import { decodeShareFragment, encodeShareFragment } from '../storage/share-link';
import { aux, model } from '../engine/test-models';

describe('data series travel with the notebook', () => {
	it('in a share link, unchanged', async () => {
		const doc = {
			...documentFromModel(model([aux('attendances', '1')]), 'Winter'),
			data: [
				{
					id: 'att',
					name: 'attendances',
					times: [0, 7, 14],
					values: [2100, 2240.5, 2180],
					variable: 'attendances',
					use: 'interpolate' as const
				}
			]
		};
		const back = await decodeShareFragment(await encodeShareFragment(doc));
		expect(back.diagnostics).toEqual([]);
		expect(back.document.data).toEqual(doc.data);
	});
});
