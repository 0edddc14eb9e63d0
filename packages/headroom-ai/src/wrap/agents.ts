/** The coding agents `headroom wrap` knows. */
export type AgentName = 'claude' | 'codex' | 'aider' | 'cursor' | 'copilot';

/** How to run one agent against the proxy. */
export interface AgentSpec {
  /** The executable looked up on PATH. */
  command: string;
  /** The variables that point the agent's API calls at `proxyUrl`. */
  env(proxyUrl: string): Record<string, string>;
  /** Printed before the agent starts when the agent routes only some of its calls through these variables. */
  note?: string;
}

/** Per agent: its executable and the base-URL variables it reads. */
export const agents: Record<AgentName, AgentSpec> = {
  // Claude Code: every Messages call goes to ANTHROPIC_BASE_URL (without /v1).
  claude: { command: 'claude', env: (url) => ({ ANTHROPIC_BASE_URL: url }) },
  // Codex CLI's built-in OpenAI provider (Responses API) takes OPENAI_BASE_URL, /v1 included.
  codex: { command: 'codex', env: (url) => ({ OPENAI_BASE_URL: `${url}/v1` }) },
  // Aider goes through LiteLLM, which reads OPENAI_API_BASE for OpenAI and ANTHROPIC_API_BASE for Anthropic models.
  aider: {
    command: 'aider',
    env: (url) => ({ OPENAI_API_BASE: `${url}/v1`, ANTHROPIC_API_BASE: url }),
  },
  cursor: {
    command: 'cursor-agent',
    env: (url) => ({ OPENAI_BASE_URL: `${url}/v1` }),
    note: 'Cursor sends most requests through its own servers; only models on your own OpenAI key with the base URL override reach the proxy.',
  },
  copilot: {
    command: 'copilot',
    env: (url) => ({ OPENAI_BASE_URL: `${url}/v1`, ANTHROPIC_BASE_URL: url }),
    note: 'GitHub Copilot reaches the proxy only with your own provider key (bring-your-own-key models); its hosted models bypass it.',
  },
};

/** Whether `name` is an agent `headroom wrap` knows. */
export function isAgentName(name: string): name is AgentName {
  return Object.hasOwn(agents, name);
}
