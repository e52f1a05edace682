import { describe, expect, it } from 'vitest';
import { compileModel } from '.';
import { chainModel } from '../../cli/bench';
import { rerollStatements } from './reroll';

describe('rerollStatements', () => {
	it('turns a run of statements that differ only by strided slots into one loop', () => {
		const statements = Array.from(
			{ length: 5 },
			(_, i) => `v[${i + 1}] = (s[${i}] / c[${2 * i}]);`
		);
		expect(rerollStatements(statements)).toEqual([
			'for (let i = 0; i < 5; i++) v[1 + i] = (s[i] / c[2 * i]);'
		]);
	});

	it('keeps a slot that does not move as a number', () => {
		const statements = Array.from({ length: 4 }, (_, i) => `v[${i}] = s[${i}] * c[7];`);
		expect(rerollStatements(statements)).toEqual([
			'for (let i = 0; i < 4; i++) v[i] = s[i] * c[7];'
		]);
	});

	it('leaves short runs, different shapes, different numbers and broken strides alone', () => {
		const short = ['v[0] = s[0];', 'v[1] = s[1];', 'v[2] = s[2];'];
		expect(rerollStatements(short)).toEqual(short);
		const numbers = Array.from({ length: 5 }, (_, i) => `v[${i}] = s[${i}] * ${i};`);
		expect(rerollStatements(numbers)).toEqual(numbers);
		const broken = ['v[0] = s[0];', 'v[1] = s[1];', 'v[2] = s[2];', 'v[4] = s[3];', 'v[5] = s[4];'];
		expect(rerollStatements(broken)).toEqual(broken);
		const same = Array.from({ length: 5 }, () => 'v[0] = v[0] + 1;');
		expect(rerollStatements(same)).toEqual(same);
	});

	it('rerolls the longest run and keeps what follows in order', () => {
		const statements = [
			'v[9] = 1;',
			...Array.from({ length: 4 }, (_, i) => `d[${i}] = v[${i}] - v[${i + 1}];`),
			'v[8] = 2;'
		];
		expect(rerollStatements(statements)).toEqual([
			'v[9] = 1;',
			'for (let i = 0; i < 4; i++) d[i] = v[i] - v[1 + i];',
			'v[8] = 2;'
		]);
	});

	it('gives bit-for-bit the same results as the straight-line code on a 200-stock chain', () => {
		const compiled = compileModel(chainModel(200, 'rk4'));
		if (!compiled.ok) throw new Error('chain did not compile');
		const rates = (compiled.simulation as unknown as { code: { rates: string[] } }).code.rates;
		const rolled = rerollStatements(rates);
		expect(rolled.length).toBeLessThan(10);
		const run = (statements: string[]) => {
			const f = new Function('s', 'v', 'c', 'd', 'dt', statements.join('\n')) as (
				...a: unknown[]
			) => void;
			const s = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i) + 1);
			const v = new Float64Array(201);
			const c = Float64Array.from({ length: 200 }, (_, i) => 2 + ((i + 1) % 5));
			const d = new Float64Array(200);
			f(s, v, c, d, 0.125);
			return [...v, ...d];
		};
		expect(run(rolled)).toEqual(run(rates));
	});
});
