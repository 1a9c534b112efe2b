/**
 * What Claude models cost, in one place. Prices are US dollars per million tokens, the Claude
 * API's list prices (Bedrock's global endpoints and Vertex's global endpoint list the same
 * prices; their regional endpoints can cost up to 10% more for recent models, which is not
 * modelled here). A model that is not in the table has an unknown cost: callers get `null`,
 * never a guess.
 *
 * Model ids are accepted as each provider names them and reduced to the Claude API's id:
 *   API      claude-sonnet-4-5-20250929, claude-sonnet-4-5, claude-opus-5-5
 *   Bedrock  [us.|eu.|apac.|jp.|au.|global.|us-gov.]anthropic.claude-sonnet-4-5-20250929-v1:0,
 *            anthropic.claude-opus-4-6-v1, anthropic.claude-sonnet-5-5
 *   Vertex   claude-sonnet-4-5@20250929, claude-opus-5-5
 * Bedrock ARNs (application inference profiles) do not name the model: their cost is unknown.
 */

export interface ModelPrices {
  input: number;
  output: number;
  /** Writing the prompt cache with the default 5-minute lifetime. */
  cacheWrite: number;
  /** Writing the prompt cache with a 1-hour lifetime. */
  cacheWrite1h: number;
  cacheRead: number;
}

export interface ModelPriceEntry {
  name: string;
  /** Claude API ids (dated snapshot and alias) this entry prices. */
  ids: readonly string[];
  prices: ModelPrices;
  /**
   * Some models bill a whole request at higher rates when its prompt (input + cache writes +
   * cache reads) is over a threshold.
   */
  longPrompt?: { overTokens: number; prices: ModelPrices };
}

function p(input: number, cacheWrite: number, cacheWrite1h: number, cacheRead: number, output: number): ModelPrices {
  return { input, output, cacheWrite, cacheWrite1h, cacheRead };
}

const FABLE_5_2 = p(8, 10, 16, 0.2, 40);
const FABLE_5_1 = p(10, 12.5, 20, 0.25, 50);
const FABLE_5 = p(10, 12.5, 20, 1, 50);
const OPUS_5_5 = p(4, 5, 8, 0.2, 20);
const OPUS_4_5_TO_5 = p(5, 6.25, 10, 0.5, 25);
const OPUS_4 = p(15, 18.75, 30, 1.5, 75);
const SONNET_5 = p(2, 2.5, 4, 0.2, 10);
const SONNET_4 = p(3, 3.75, 6, 0.3, 15);
const SONNET_4_LONG = { overTokens: 200_000, prices: p(6, 7.5, 12, 0.6, 22.5) };

/** Mythos models share the specifications and prices of the Fable model of the same version. */
export const PRICE_TABLE: readonly ModelPriceEntry[] = [
  { name: 'Claude Fable 5.2', ids: ['claude-fable-5-2'], prices: FABLE_5_2 },
  { name: 'Claude Mythos 5.2', ids: ['claude-mythos-5-2'], prices: FABLE_5_2 },
  { name: 'Claude Fable 5.1', ids: ['claude-fable-5-1'], prices: FABLE_5_1 },
  { name: 'Claude Mythos 5.1', ids: ['claude-mythos-5-1'], prices: FABLE_5_1 },
  { name: 'Claude Fable 5', ids: ['claude-fable-5'], prices: FABLE_5 },
  { name: 'Claude Mythos 5', ids: ['claude-mythos-5'], prices: FABLE_5 },
  { name: 'Claude Opus 5.5', ids: ['claude-opus-5-5'], prices: OPUS_5_5 },
  { name: 'Claude Opus 5', ids: ['claude-opus-5'], prices: OPUS_4_5_TO_5 },
  { name: 'Claude Opus 4.8', ids: ['claude-opus-4-8'], prices: OPUS_4_5_TO_5 },
  { name: 'Claude Opus 4.7', ids: ['claude-opus-4-7'], prices: OPUS_4_5_TO_5 },
  { name: 'Claude Opus 4.6', ids: ['claude-opus-4-6'], prices: OPUS_4_5_TO_5 },
  { name: 'Claude Opus 4.5', ids: ['claude-opus-4-5', 'claude-opus-4-5-20251101'], prices: OPUS_4_5_TO_5 },
  { name: 'Claude Opus 4.1', ids: ['claude-opus-4-1', 'claude-opus-4-1-20250805'], prices: OPUS_4 },
  { name: 'Claude Opus 4', ids: ['claude-opus-4-0', 'claude-opus-4-20250514', 'claude-4-opus-20250514'], prices: OPUS_4 },
  // Sonnet 5.5 cache reads were cut from $0.20 to $0.10 on 2026-10-07.
  { name: 'Claude Sonnet 5.5', ids: ['claude-sonnet-5-5'], prices: { ...SONNET_5, cacheRead: 0.1 } },
  { name: 'Claude Sonnet 5', ids: ['claude-sonnet-5'], prices: SONNET_5 },
  { name: 'Claude Sonnet 4.6', ids: ['claude-sonnet-4-6'], prices: SONNET_4 },
  { name: 'Claude Sonnet 4.5', ids: ['claude-sonnet-4-5', 'claude-sonnet-4-5-20250929'], prices: SONNET_4, longPrompt: SONNET_4_LONG },
  {
    name: 'Claude Sonnet 4',
    ids: ['claude-sonnet-4-0', 'claude-sonnet-4-20250514', 'claude-4-sonnet-20250514'],
    prices: SONNET_4,
    longPrompt: SONNET_4_LONG,
  },
  { name: 'Claude Sonnet 3.7', ids: ['claude-3-7-sonnet-20250219', 'claude-3-7-sonnet-latest'], prices: SONNET_4 },
  {
    name: 'Claude Haiku 5.5',
    ids: ['claude-haiku-5-5'],
    prices: p(0.1, 0.125, 0.2, 0.01, 0.5),
    longPrompt: { overTokens: 100_000, prices: p(0.5, 0.625, 1, 0.05, 2.5) },
  },
  { name: 'Claude Haiku 4.5', ids: ['claude-haiku-4-5', 'claude-haiku-4-5-20251001'], prices: p(1, 1.25, 2, 0.1, 5) },
  { name: 'Claude Haiku 3.5', ids: ['claude-3-5-haiku-20241022', 'claude-3-5-haiku-latest'], prices: p(0.8, 1, 1.6, 0.08, 4) },
  { name: 'Claude Haiku 3', ids: ['claude-3-haiku-20240307'], prices: p(0.25, 0.3, 0.5, 0.03, 1.25) },
];

const BY_ID = new Map<string, ModelPriceEntry>(PRICE_TABLE.flatMap((entry) => entry.ids.map((id) => [id, entry] as const)));

const BEDROCK_GEO_PREFIX = /^(?:us|eu|apac|jp|au|ca|global|us-gov)\./;
const BEDROCK_VERSION_SUFFIX = /-v\d+(?::\d+)?$/;

/** Reduces a Bedrock or Vertex model id to the Claude API's id; API ids come back unchanged. */
export function canonicalModelId(model: string): string {
  let id = model.trim().toLowerCase();
  id = id.replace(BEDROCK_GEO_PREFIX, '');
  if (id.startsWith('anthropic.')) id = id.slice('anthropic.'.length).replace(BEDROCK_VERSION_SUFFIX, '');
  return id.replace('@', '-');
}

/** The price entry for a model id of any provider, or undefined when the price is unknown. */
export function findModelPrices(model: string): ModelPriceEntry | undefined {
  return BY_ID.get(canonicalModelId(model));
}

/** Token counts of one request, as billed. */
export interface BilledTokens {
  input: number;
  output: number;
  /** 5-minute cache writes. */
  cacheWrite: number;
  cacheWrite1h: number;
  cacheRead: number;
}

/** The cost in US dollars of one request, or null when the model's price is unknown. */
export function requestCostUsd(model: string, tokens: BilledTokens): number | null {
  const entry = findModelPrices(model);
  if (entry === undefined) return null;
  const prompt = tokens.input + tokens.cacheWrite + tokens.cacheWrite1h + tokens.cacheRead;
  const prices = entry.longPrompt !== undefined && prompt > entry.longPrompt.overTokens ? entry.longPrompt.prices : entry.prices;
  const micro =
    tokens.input * prices.input +
    tokens.output * prices.output +
    tokens.cacheWrite * prices.cacheWrite +
    tokens.cacheWrite1h * prices.cacheWrite1h +
    tokens.cacheRead * prices.cacheRead;
  return micro / 1_000_000;
}
