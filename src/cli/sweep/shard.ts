/**
 * Which samples a shard runs. `--shard K/N` is shard K (counting from 0) of N; `--shard /N` takes
 * K from the batch system: JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID
 * (a Slurm job array). Shard K runs one contiguous range of sample indices, so the shards' files
 * joined in shard order are the samples in order.
 */

export interface Shard {
	index: number;
	count: number;
}

export type ShardResult = { ok: true; shard: Shard } | { ok: false; message: string };

/** The environment variables that may give a shard's index, in the order they are looked at. */
export const SHARD_INDEX_VARIABLES = ['JOB_COMPLETION_INDEX', 'SLURM_ARRAY_TASK_ID'] as const;

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : undefined);

export function parseShard(
	text: string | undefined,
	env: Readonly<Record<string, string | undefined>> = {}
): ShardResult {
	if (text === undefined) return { ok: true, shard: { index: 0, count: 1 } };
	const match = /^\s*(\d*)\s*\/\s*(\d+)\s*$/.exec(text);
	if (!match) return { ok: false, message: `--shard needs K/N or /N, not "${text}"` };
	const count = Number(match[2]);
	if (count < 1) return { ok: false, message: `--shard ${text}: N must be at least 1` };
	let index: number | undefined;
	if (match[1] !== '') index = Number(match[1]);
	else {
		for (const name of SHARD_INDEX_VARIABLES) {
			const value = env[name];
			if (value === undefined || value === '') continue;
			index = whole(value);
			if (index === undefined)
				return { ok: false, message: `${name} is "${value}", not a shard number` };
			break;
		}
		if (index === undefined)
			return {
				ok: false,
				message: `--shard ${text} gives no K, and neither ${SHARD_INDEX_VARIABLES.join(' nor ')} is set`
			};
	}
	if (index >= count)
		return {
			ok: false,
			message: `shard ${index} of ${count} does not exist: K counts from 0 to ${count - 1}`
		};
	return { ok: true, shard: { index, count } };
}

/** The sample indices [first, end) of `shard` among `samples`: near-equal contiguous ranges. */
export function shardRange(shard: Shard, samples: number): { first: number; end: number } {
	return {
		first: Math.floor((shard.index * samples) / shard.count),
		end: Math.floor(((shard.index + 1) * samples) / shard.count)
	};
}
