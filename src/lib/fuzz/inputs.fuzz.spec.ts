/**
 * Fuzzing the three readers of untrusted text, seeded and bounded to a few seconds: the equation
 * parser, the XMILE reader and the share-link decoder. Whatever the input, each answers with a
 * named error (ParseError, InputError) or a result; never a RangeError, TypeError or a hang.
 */
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../engine';
import { ParseError } from '../engine/parse/ast';
import { parseEquation } from '../engine/parse/parser';
import { InputError } from '../model/diagnostics';
import { decodeShareFragment } from '../storage/share-link';
import { readXmile } from '../xmile/read';
import { mutated, randomText, seeded } from './random-text';

const EQUATION_PIECES = [
	'a',
	'b',
	' ',
	'1',
	'2.5e3',
	'(',
	')',
	'[',
	']',
	',',
	'+',
	'-',
	'*',
	'/',
	'^',
	"'",
	'"',
	'IF ',
	' THEN ',
	' ELSE ',
	' AND ',
	' OR ',
	'NOT ',
	' MOD ',
	'=',
	'<>',
	'<',
	'>=',
	'MAX(',
	'SMTH1(',
	'DELAY(',
	'TIME',
	'@1',
	':',
	'{',
	'}',
	'\\',
	'.',
	'_'
];

/** Runs `read` on each input and returns what came out of it that is not a named error. */
function unnamed(
	inputs: Iterable<string>,
	read: (text: string) => unknown,
	named: (e: unknown) => boolean
): string[] {
	const bad: string[] = [];
	for (const input of inputs) {
		try {
			read(input);
		} catch (e) {
			if (!named(e)) bad.push(`${String(e)} for ${JSON.stringify(input.slice(0, 200))}`);
		}
	}
	return bad;
}

function* equations(seed: number, count: number) {
	const random = seeded(seed);
	for (let i = 0; i < count; i++) yield randomText(random, EQUATION_PIECES, 60);
}

describe('fuzz', () => {
	it('the equation parser throws only ParseError', () => {
		expect(unnamed(equations(18, 20_000), parseEquation, (e) => e instanceof ParseError)).toEqual(
			[]
		);
	});

	it('the compiler names what is wrong with fuzzed equations, and never throws', () => {
		const bad = unnamed(
			equations(1818, 2_000),
			(equation) =>
				compileModel({
					simSpecs: { start: 0, stop: 2, dt: 1, method: 'euler' },
					variables: [
						{ kind: 'aux', id: 'a', name: 'a', equation: '1' },
						{ kind: 'aux', id: 'b', name: 'b', equation: 'TIME' },
						{ kind: 'aux', id: 'y', name: 'y', equation }
					]
				}),
			() => false
		);
		expect(bad).toEqual([]);
	});

	it('the XMILE reader throws only InputError on mutated files', () => {
		const teacup = readFileSync(
			new URL('../../../tests/fixtures/ward-with-alias.xmile', import.meta.url),
			'utf8'
		);
		const random = seeded(180);
		const inputs = Array.from({ length: 400 }, () =>
			mutated(random, teacup, 1 + Math.floor(random() * 6))
		);
		expect(unnamed(inputs, readXmile, (e) => e instanceof InputError)).toEqual([]);
	});

	it('the share-link decoder refuses mutated and random links with InputError only', async () => {
		const notebook = readFileSync(
			new URL('../../../models/bathtub-basics.flowbook.json', import.meta.url),
			'utf8'
		);
		const random = seeded(1800);
		const bad: string[] = [];
		for (let i = 0; i < 300; i++) {
			const text =
				i % 2
					? mutated(random, notebook, 1 + Math.floor(random() * 4))
					: randomText(random, ['{', '}', '[', ']', '"a"', ':', ',', '1'], 200);
			const link = '#nb1.' + deflateRawSync(text).toString('base64url');
			const broken = i % 3 === 0 ? mutated(random, link, 1) : link;
			try {
				await decodeShareFragment(broken);
			} catch (e) {
				if (!(e instanceof InputError)) bad.push(`${String(e)} for ${broken.slice(0, 100)}`);
			}
		}
		expect(bad).toEqual([]);
	});
});
