import fc from 'fast-check';

/**
 * Property tests run with a fixed seed, so that a run is repeatable and CI cannot pass or fail by
 * chance; FC_SEED picks another (FC_SEED=random draws one). fast-check prints the seed and the path
 * of a failing case in its error, and this prints the seed at the start of a run that overrides it.
 */
const defaultSeed = 20_261_125;
const chosen = process.env.FC_SEED;
const seed = chosen === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(chosen ?? defaultSeed);
if (!Number.isInteger(seed)) throw new Error(`FC_SEED=${chosen} is not an integer (or "random").`);
if (chosen !== undefined) console.log(`fast-check seed: ${seed}`);
fc.configureGlobal({ seed });
