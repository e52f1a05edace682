import { describe, expect, it } from 'vitest';
import type { DataSeries } from '../model/types';
import { mergeSeries } from './merge';

const series = (id: string, name: string, values = [1]): DataSeries => ({
	id,
	name,
	times: [0],
	values
});

describe('mergeSeries', () => {
	it('replaces a series of the same name and gives new ones free ids', () => {
		const kept = [series('a', 'Attendances', [1]), series('b', 'beds')];
		const { data, added } = mergeSeries(kept, [
			series('a', 'attendances', [2]),
			series('b', 'occupied')
		]);
		expect(data.map((s) => `${s.id}:${s.name}:${s.values[0]}`)).toEqual([
			'b:beds:1',
			'a:attendances:2',
			'b-2:occupied:1'
		]);
		expect(added).toHaveLength(2);
	});
});
