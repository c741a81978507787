/**
 * The assistant: {@link com.aiassistants.backend.assistant.Assistant} and its deterministic
 * implementation {@link com.aiassistants.backend.assistant.DeterministicAssistant} (Spanish and
 * English, rules only).
 * <ul>
 * <li>{@code nlu}: normalisation (chat spellings) and whole-word matching, language detection, intents,
 * moves, dates, times, names, choices, yes/no/later, fuzzy catalogue matching. Each parser documents its rules.</li>
 * <li>{@code dialogue}: the explicit per-conversation state (JSON, changed through its methods), the
 * engine and one {@code StepHandler} per step.</li>
 * <li>{@code replies}: {@code Replies} over the message bundles {@code assistant/messages_<lang>.properties}
 * (Spring {@code MessageSource}), and formats.</li>
 * <li>See {@code docs/assistant-engine.md}.</li>
 * <li>{@code scheduling}: {@code SchedulingGateway} over the MCP tools of mcp-professionals and
 * mcp-calendar.</li>
 * </ul>
 * Configuration ({@code com.aiassistants.backend.mcp.McpProperties}, shared with the LLM agent):
 * <table>
 * <caption>Properties</caption>
 * <tr><th>property</th><th>default</th><th>meaning</th></tr>
 * <tr><td>ai-assistants.backend.mcp.professionals.url</td><td>http://localhost:8091</td><td>mcp-professionals base URL</td></tr>
 * <tr><td>ai-assistants.backend.mcp.professionals.token</td><td>env AI_ASSISTANTS_MCP_TOKEN</td><td>service token</td></tr>
 * <tr><td>ai-assistants.backend.mcp.professionals.timeout</td><td>2s</td><td>per-call timeout</td></tr>
 * <tr><td>ai-assistants.backend.mcp.professionals.retries</td><td>1</td><td>extra attempts for read calls</td></tr>
 * <tr><td>ai-assistants.backend.mcp.calendar.url</td><td>http://localhost:8092</td><td>mcp-calendar base URL</td></tr>
 * <tr><td>ai-assistants.backend.mcp.calendar.token</td><td>env AI_ASSISTANTS_MCP_TOKEN</td><td>service token</td></tr>
 * <tr><td>ai-assistants.backend.mcp.calendar.timeout</td><td>2s</td><td>per-call timeout</td></tr>
 * <tr><td>ai-assistants.backend.mcp.calendar.retries</td><td>1</td><td>extra attempts for read calls (writes are never retried except idempotent hold_slot)</td></tr>
 * <tr><td>ai-assistants.backend.mcp.catalog-ttl</td><td>5s</td><td>per-tenant cache of services, professionals, working hours</td></tr>
 * <tr><td>ai-assistants.backend.assistant.deterministic.enabled</td><td>true</td><td>register the deterministic assistant bean</td></tr>
 * </table>
 */
package com.aiassistants.backend.assistant;
