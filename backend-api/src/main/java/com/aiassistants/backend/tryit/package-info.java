/**
 * The console's "try it" panel on the Flows page: staff chat with an unsaved flow draft against the real assistant in a
 * sandbox conversation (channel {@code sandbox}, id {@code sandbox:<uuid>}) that never reaches WhatsApp, changes no
 * booking, publishes nothing live, is left out of the inbox, customers and dashboard, and expires.
 */
package com.aiassistants.backend.tryit;
