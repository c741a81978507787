package com.aiassistants.llm.chat;

/**
 * Author of a chat message. Constants are lower case on purpose: they are the wire values of the
 * tool's JSON (and of the generated JSON Schema enum), exactly as OpenAI-style APIs spell them.
 */
public enum Role {
    system, user, assistant, tool
}
