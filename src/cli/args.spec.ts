import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

const spec = {
	flags: ['json', 'variants', 'help'],
	options: ['filter', 'dt'],
	aliases: { h: 'help' }
};

function ok(argv: string[]) {
	const r = parseArgs(argv, spec);
	if (!r.ok) throw new Error(r.message);
	return {
		flags: [...r.flags].sort(),
		options: Object.fromEntries(r.options),
		positionals: r.positionals
	};
}

describe('parseArgs', () => {
	it('reads flags, options and positionals in any order', () => {
		expect(ok(['../suite', '--json', '--filter', 'teacup'])).toEqual({
			flags: ['json'],
			options: { filter: 'teacup' },
			positionals: ['../suite']
		});
		expect(ok(['--filter=a=b', '--variants', 'x', 'y'])).toEqual({
			flags: ['variants'],
			options: { filter: 'a=b' },
			positionals: ['x', 'y']
		});
	});

	it('reads aliases, negative numbers as values, and everything after -- as positionals', () => {
		expect(ok(['-h'])).toMatchObject({ flags: ['help'] });
		expect(ok(['--dt', '-0.5'])).toMatchObject({ options: { dt: '-0.5' } });
		expect(ok(['--', '--json', '-h'])).toEqual({
			flags: [],
			options: {},
			positionals: ['--json', '-h']
		});
		expect(ok(['-'])).toMatchObject({ positionals: ['-'] });
	});

	it('lets the last value of an option win', () => {
		expect(ok(['--filter', 'a', '--filter', 'b']).options).toEqual({ filter: 'b' });
	});

	it('explains mistakes instead of throwing, naming the option', () => {
		const message = (argv: string[]) => {
			const r = parseArgs(argv, spec);
			return r.ok ? undefined : r.message;
		};
		expect(message(['--jsn'])).toBe("Unknown option '--jsn'");
		expect(message(['-x'])).toBe("Unknown option '-x'");
		expect(message(['--filter'])).toBe("Option '--filter <value>' argument missing");
		expect(message(['--filter', '--json'])).toMatch(/^Option '--filter' argument is ambiguous\./);
		expect(message(['--filter', '--json'])).not.toMatch(/\n/);
		expect(message(['--json=yes'])).toBe("Option '--json' does not take an argument");
	});
});

describe('repeatable options', () => {
	it('keeps every value of a list option in order, and an empty map when absent', () => {
		const parsed = parseArgs(['m.xmile', '--set', 'a=1', '--set=b=2'], { lists: ['set'] });
		expect(parsed.ok && parsed.lists.get('set')).toEqual(['a=1', 'b=2']);
		const none = parseArgs(['m.xmile'], { lists: ['set'] });
		expect(none.ok && none.lists.has('set')).toBe(false);
	});
});
