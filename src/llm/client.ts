/**
 * A minimal OpenAI-compatible chat client (POST {base}/chat/completions). Configured from
 * the environment: KHABAR_LLM_URL (base URL, e.g. http://127.0.0.1:8080/v1, or the full
 * …/chat/completions URL), KHABAR_LLM_MODEL, KHABAR_LLM_KEY (optional bearer token).
 * Failures are returned as values (`{ ok: false, why }`), never thrown: the caller falls back.
 */
import { z } from 'zod';

export interface LlmConfig {
  url: string;
  model: string;
  key?: string;
  /** Whole-request timeout in milliseconds (default 30,000). */
  timeoutMs?: number;
  /** Injected fetch (tests); the global fetch by default. */
  fetch?: typeof fetch;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export type ChatResult = { ok: true; content: string } | { ok: false; why: string };

/** The configuration from the environment, or undefined when KHABAR_LLM_URL is not set. */
export function llmConfigFromEnv(env: NodeJS.ProcessEnv): LlmConfig | undefined {
  const url = env.KHABAR_LLM_URL?.trim();
  if (!url) return undefined;
  const timeout = Number(env.KHABAR_LLM_TIMEOUT_MS);
  return {
    url,
    model: env.KHABAR_LLM_MODEL?.trim() || 'default',
    ...(env.KHABAR_LLM_KEY ? { key: env.KHABAR_LLM_KEY } : {}),
    ...(Number.isFinite(timeout) && timeout > 0 ? { timeoutMs: timeout } : {}),
  };
}

export function completionsUrl(base: string): string {
  const b = base.replace(/\/+$/u, '');
  if (b.endsWith('/chat/completions')) return b;
  if (/\/v\d+$/u.test(b)) return `${b}/chat/completions`;
  return `${b}/v1/chat/completions`;
}

const ChatResponse = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable().optional() }) })).min(1),
});

export async function chat(
  config: LlmConfig,
  req: { messages: ChatMessage[]; temperature?: number; json?: boolean },
): Promise<ChatResult> {
  const doFetch = config.fetch ?? fetch;
  const controller = new AbortController();
  const timeoutMs = config.timeoutMs ?? 30_000;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const init: RequestInit = {
    method: 'POST',
    signal: controller.signal,
    headers: {
      'Content-Type': 'application/json',
      ...(config.key ? { Authorization: `Bearer ${config.key}` } : {}),
    },
    body: JSON.stringify({
      model: config.model,
      messages: req.messages,
      temperature: req.temperature ?? 0,
      ...(req.json ? { response_format: { type: 'json_object' } } : {}),
    }),
  };
  try {
    let res: Response;
    try {
      res = await doFetch(completionsUrl(config.url), init);
    } catch (err) {
      // A pooled keep-alive connection the server has just closed fails before any answer
      // («fetch failed», ECONNRESET): one more try on a new connection, within the same timeout.
      if (controller.signal.aborted) throw err;
      res = await doFetch(completionsUrl(config.url), init);
    }
    const raw = await res.text();
    if (!res.ok) return { ok: false, why: `HTTP ${res.status} from ${completionsUrl(config.url)}` };
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return { ok: false, why: 'the endpoint did not answer JSON' };
    }
    const parsed = ChatResponse.safeParse(body);
    if (!parsed.success)
      return { ok: false, why: 'the answer is not a chat completion (no choices[0].message)' };
    const content = parsed.data.choices[0]!.message.content;
    if (!content) return { ok: false, why: 'the answer has no content' };
    return { ok: true, content };
  } catch (err) {
    if (controller.signal.aborted) return { ok: false, why: `no answer within ${timeoutMs} ms` };
    const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message;
    return { ok: false, why: `request failed (${(err as Error).message}${detail ? `: ${detail}` : ''})` };
  } finally {
    clearTimeout(timer);
  }
}
