/**
 * Model A, whole-system patient flow (../shared/domain/example-models.md §7): the notebook is
 * faithful and steady, and the insights it states hold as directions. Times are in years.
 */
import { describe, expect, it } from 'vitest';
import { change, openExample } from './example-notebook';
import { describeNotebookBasics } from './shared-checks';
import { analyseLoops, dominance } from '../engine/loops';
import { findScenario } from '../model/scenarios';
import { loopsView } from '../notebook/loops-cell';
import { SimulationHost } from '../worker/host';

describeNotebookBasics({
	slug: 'whole-system-flow',
	specFile: 'whole_system_flow',
	baseline: 'S0',
	reference: 'S1',
	// SMOOTH starting at its input loops through the escalation beds at time 0.
	departures: {
		perceived_pressure:
			'SMOOTH(bed_pressure, pressure_perception_time, (occupied_beds + Awaiting_Bed) / core_beds)'
	},
	// The specification verified a drift of at most 0.23%.
	maxDrift: 0.0025,
	cli: { scenario: 'S3', column: 'ic_capacity', last: 320, rows: 3651 }
});

const a = () => openExample('whole-system-flow');
const run = (scenario: string) => a().run(scenario);

describe('whole-system flow: the examples in the issue', () => {
	it('do nothing (S1) has higher occupancy in year 5 than the baseline', () => {
		expect(run('S1').at('occupancy', 5)).toBeGreaterThan(run('S0').at('occupancy', 5));
	});

	it('100 acute beds (S2) give better 4-hour performance in year 3 than doing nothing (S1)', () => {
		expect(run('S2').at('four_hour_performance', 3)).toBeGreaterThan(
			run('S1').at('four_hour_performance', 3)
		);
	});

	it('the flow levers (S8) cut delayed bed-days to year 3 by at least 30% against S1', () => {
		const cut = -change(
			run('S8').at('Cumulative_Delayed_Bed_Days', 3),
			run('S1').at('Cumulative_Delayed_Bed_Days', 3)
		);
		expect(cut).toBeGreaterThanOrEqual(0.3);
	});
});

describe('whole-system flow: what the model shows (specification, "What the models should let a board see")', () => {
	it('do nothing fails within 3 to 5 years of 2% growth: occupancy reaches the 97% ceiling and 4-hour performance falls below 80%', () => {
		const s1 = run('S1');
		const full = s1.firstTimeAtLeast('occupancy', 0.965);
		expect(full).toBeGreaterThan(3);
		expect(full).toBeLessThanOrEqual(5);
		expect(s1.at('occupancy', 3)).toBeGreaterThan(0.95);
		expect(s1.at('four_hour_performance', 5)).toBeLessThan(0.8);
		expect(s1.at('four_hour_performance', 5)).toBeLessThan(
			run('S0').at('four_hour_performance', 5) - 0.1
		);
	});

	it('acute beds (S2) give the quickest A&E relief: the best 4-hour performance of any scenario in year 1', () => {
		const s2 = run('S2').at('four_hour_performance', 1);
		for (const s of a().document.scenarios) {
			if (s.name.startsWith('S2') || s.name.startsWith('S7')) continue; // S7 is S2 with coping off
			expect(s2, s.name).toBeGreaterThan(run(s.name).at('four_hour_performance', 1));
		}
	});

	it('but with acute beds delayed transfers keep rising, year on year, no better than doing nothing by year 5', () => {
		const s2 = run('S2');
		expect(s2.at('mffd_patients', 3)).toBeGreaterThan(s2.at('mffd_patients', 1));
		expect(s2.at('mffd_patients', 5)).toBeGreaterThan(s2.at('mffd_patients', 3));
		expect(s2.at('mffd_patients', 10)).toBeGreaterThan(s2.at('mffd_patients', 5));
		expect(s2.at('mffd_patients', 5)).toBeGreaterThan(0.9 * run('S1').at('mffd_patients', 5));
	});

	it('community capacity (S3, the same money) holds delayed transfers below both S1 and S2 in years 1, 3 and 5', () => {
		for (const year of [1, 3, 5]) {
			const s3 = run('S3').at('mffd_patients', year);
			expect(s3, `year ${year}`).toBeLessThan(run('S1').at('mffd_patients', year));
			expect(s3, `year ${year}`).toBeLessThan(run('S2').at('mffd_patients', year));
		}
		expect(run('S3').at('mffd_patients', 5)).toBeLessThan(0.85 * run('S2').at('mffd_patients', 5));
	});

	it('S2 and S3 buy the same money of capacity: about £11m a year each', () => {
		// Capacity paid for whether used or not, at the notebook's unit costs, a year into the run.
		const capacityCost = (s: string) =>
			365 *
			(run(s).at('core_beds', 1) * run(s).at('cost_acute_bed_day', 1) +
				run(s).at('ic_capacity', 1) * run(s).at('cost_ic_bed_day', 1) +
				run(s).at('reab_capacity', 1) * run(s).at('cost_reablement_place_day', 1) +
				run(s).at('hc_capacity', 1) * run(s).at('cost_home_care_package_day', 1));
		const extra = (s: string) => capacityCost(s) - capacityCost('S1');
		// 100 beds × £300 a day; 50 × £180 + 200 × £55 + 345 × £29 = £30,005 a day.
		expect(Math.abs(change(extra('S2'), 10.95e6))).toBeLessThan(0.001);
		expect(Math.abs(change(extra('S3'), extra('S2')))).toBeLessThan(0.001);
	});

	it('flow beats stock: the flow levers (S8) cut delayed bed-days more than any capacity option, at no extra capacity cost', () => {
		const delayed = (s: string) => run(s).at('Cumulative_Delayed_Bed_Days', 3);
		for (const s of ['S2', 'S3', 'S4', 'S4b', 'S6'])
			expect(delayed('S8'), s).toBeLessThan(delayed(s));
		const cost = (s: string) => run(s).at('Cumulative_System_Cost', 5);
		expect(Math.abs(change(cost('S8'), cost('S1')))).toBeLessThan(0.005);
		for (const s of ['S2', 'S3', 'S4']) expect(cost('S8'), s).toBeLessThan(cost(s));
		// Flow and community capacity together hold the system best by year 5.
		for (const s of a().document.scenarios.filter((x) => !/^S[09]\b/.test(x.name))) {
			expect(run('S9').at('mffd_patients', 5), s.name).toBeLessThan(
				run(s.name).at('mffd_patients', 5)
			);
		}
	});

	it('a bed shortage shows up as cancelled electives, not trolley waits (Lane et al.)', () => {
		const s1 = run('S1');
		expect(s1.at('Cumulative_Cancelled_Ops', 3)).toBeGreaterThan(3000);
		expect(s1.at('Awaiting_Bed', 3)).toBeLessThan(1);
		expect(s1.at('Awaiting_Bed', 5)).toBeLessThan(1);
		// More beds (S2) all but remove the cancellations.
		expect(run('S2').at('Cumulative_Cancelled_Ops', 3)).toBeLessThan(
			0.1 * s1.at('Cumulative_Cancelled_Ops', 3)
		);
	});

	it('switching the coping policies off (S5, S7) removes premature readmissions but cancels more operations', () => {
		for (const [off, on] of [
			['S5', 'S3'],
			['S7', 'S2']
		]) {
			expect(run(off).at('premature_readmissions', 5), off).toBe(0);
			expect(run(on).at('premature_readmissions', 5), on).toBeGreaterThan(0);
			expect(run(off).at('Elective_Backlog', 5), off).toBeGreaterThan(
				1.4 * run(on).at('Elective_Backlog', 5)
			);
		}
	});
});

describe('whole-system flow: the coping-policy loop (the loops cell and the text above it)', () => {
	const loopsThrough = (scenario: string) => {
		const example = a();
		const overrides = findScenario(example.document.scenarios, scenario)!.overrides;
		const analysis = analyseLoops(example.simulation, { run: { overrides } });
		return { analysis, ...dominance(analysis, 'occupancy') };
	};

	it('the notebook has the loops cell for occupancy under S1', () => {
		const cell = a().document.cells.find((c) => c.id === 'loops-occupancy');
		expect(cell).toMatchObject({ kind: 'loops', output: 'occupancy', scenario: 's1' });
	});

	it('every loop through occupancy runs through the coping policy, and none is active without it', () => {
		const { loops } = loopsThrough('S1');
		expect(loops.length).toBeGreaterThan(0);
		for (const loop of loops) expect(loop.variables).toContain('los_effect');
		for (const off of ['S5', 'S7'])
			expect(loopsThrough(off).sentence).toBe(
				'No feedback loop through occupancy is active in this run.'
			);
	});

	it('in S1 a balancing loop leads from about year 1.9, reinforcing ones through premature readmissions from about year 2.9', () => {
		const { phases, loops } = loopsThrough('S1');
		const year = (t: number) => t / 365;
		const first = phases.findIndex((p) => p.loop >= 0);
		expect(year(phases[first].from)).toBeCloseTo(1.9, 1);
		expect(loops[phases[first].loop].polarity).toBe('B');
		const later = phases.slice(first + 1);
		expect(year(later[0].from)).toBeCloseTo(2.9, 1);
		for (const p of later) {
			expect(loops[p.loop].polarity).toBe('R');
			expect(loops[p.loop].variables).toEqual(
				expect.arrayContaining(['premature_readmissions', 'perceived_pressure', 'escalation_beds'])
			);
		}
		expect(year(later.at(-1)!.to)).toBeCloseTo(10, 1);
	});
});

describe('whole-system flow: the loops cell tells the story the analysis does', () => {
	it('its phases, in years, are those of every loop through occupancy, and each leading loop is shown', () => {
		const example = a();
		const host = new SimulationHost();
		host.compile(example.document.model);
		const overrides = findScenario(example.document.scenarios, 'S1')!.overrides;
		const reply = host.loops({ overrides });
		if (!reply.ok) throw new Error(reply.diagnostics[0].message);
		const view = loopsView(example.document, reply.time, reply.loops, 'occupancy', 4);
		const analysis = analyseLoops(example.simulation, { run: { overrides } });
		const { phases } = dominance(analysis, 'occupancy');
		expect(view.phases.map((p) => [p.from, p.to])).toEqual(
			phases.map((p) => [p.from / 365, p.to / 365])
		);
		expect(view.phases.every((p) => p.loop >= 0 || p.loop === -1)).toBe(true);
		expect(view.sentence).toMatch(
			/^Until year 1\.85 no loop dominates occupancy; from year 1\.85 /
		);
	});
});
