package com.aiassistants.backend.assistant.dialogue;

/**
 * Reads a message as the answer to one {@link Step}'s question. The engine handles what can
 * interrupt any step (a name, asking for a human, the menu, cancel/move, a side question) and only
 * then asks the current step's handler.
 */
interface StepHandler {

    /** Reads the message as an answer to this step; false if it says nothing this step understands. */
    boolean handle(Turn t);

    /** Asks this step's question again (after an aside or an answer it could not read). */
    void prompt(Turn t);
}
