/**
 * Model A's calibration against its synthetic "last winter" and its optimisation of the community
 * mix (#20). The data were made by running the model with ed_attendances_base 1,210 and nel_los
 * 4.8 and adding noise, so the fit must find those within its intervals.
 */
import { describe, expect, it } from 'vitest';
import { calibrate } from '../analysis/calibrate';
import { optimise } from '../analysis/optimise';
import { localRunner } from '../analysis/runner';
import type { Cell } from '../model/types';
import { calibrationSpec, optimisationSpec } from '../notebook/fit-specs';
import { openExample } from './example-notebook';

const a = () => openExample('whole-system-flow');
const cellOf = <K extends Cell['kind']>(kind: K) =>
	a().document.cells.find((c) => c.kind === kind) as Extract<Cell, { kind: K }>;

describe('whole-system flow: last winter and the best community mix', () => {
	it('says its data are synthetic, made for the example', () => {
		const text = a()
			.document.cells.flatMap((c) => (c.kind === 'text' ? [c.markdown] : []))
			.join('\n');
		expect(text).toMatch(/synthetic/);
		expect(text).toMatch(/made for this example/);
		expect(a().document.data?.map((s) => s.variable)).toEqual(['occupied_beds', 'ed_attendances']);
	});

	it('recovers the constants that made the data, within the reported intervals', async () => {
		const spec = calibrationSpec(a().document, cellOf('calibration'));
		if (typeof spec === 'string') throw new Error(spec);
		const fit = await calibrate(spec, localRunner(a().simulation, a().document.model.simSpecs));
		for (const [name, truth] of [
			['ed_attendances_base', 1210],
			['nel_los', 4.8]
		] as const) {
			expect(fit.intervals[name]!.low, name).toBeLessThan(truth);
			expect(fit.intervals[name]!.high, name).toBeGreaterThan(truth);
		}
		expect(fit.statistics.occupied_beds.mape).toBeLessThan(2);
	});

	it('finds a mix within the budget that does at least as well as S3’s fixed mix of the same money', async () => {
		const spec = optimisationSpec(a().document, cellOf('optimisation'));
		if (typeof spec === 'string') throw new Error(spec);
		const best = await optimise(
			{ ...spec, frontier: undefined, restarts: 0 },
			localRunner(a().simulation, a().document.model.simSpecs)
		);
		expect(best.spend).toBeLessThanOrEqual(11_000_000 * (1 + 1e-9));
		const s3 = a().run('S3').at('Cumulative_Delayed_Bed_Days', 3);
		expect(best.objective).toBeLessThanOrEqual(s3);
	});
});
