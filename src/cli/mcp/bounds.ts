/** How much one tool call may return: items walked with `max`, and characters of the result. */

/**
 * The most items one call of a list tool walks with `max`. More would not fit a result anyway (see
 * resultChars); a larger export is the CLI's job (`sessions list --all`), not an agent's context's.
 */
export const maxItems = 1_000;

/**
 * The most characters (UTF-16 code units, as JavaScript counts them) of one tool result. Claude Code
 * refuses a tool result over 25 000 tokens by default (MAX_MCP_OUTPUT_TOKENS). Measured on a page of
 * 100 fake sessions as a list tool returns it: 80 011 characters, 22 762 tokens by Anthropic's
 * tokenizer (@anthropic-ai/tokenizer 0.0.4; 3.5 characters a token) and 20 040 by OpenAI's o200k
 * (gpt-tokenizer 4.0.0). So 80 000 characters stays under 25 000 tokens, and a result cut to fit
 * says so, with the cursor after its last item.
 */
export const resultChars = 80_000;
