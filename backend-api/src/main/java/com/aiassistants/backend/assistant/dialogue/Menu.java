package com.aiassistants.backend.assistant.dialogue;

import java.util.ArrayList;
import java.util.List;

import com.aiassistants.backend.assistant.AssistantReply.Interactive.Option;

/** The main menu (WhatsApp buttons or list, also answerable by number) and the yes/no buttons. */
final class Menu {

    static final String PREFIX = "menu:";
    private static final List<String> LIST = List.of("book", "bookings", "cancel", "reschedule", "prices",
            "professionals", "hours", "human");
    private static final List<String> BUTTONS = List.of("book", "bookings", "human");

    private Menu() {
    }

    /** The menu as buttons (≤3) or a list (≤10), per the tenant's flow settings. */
    static void show(Turn t) {
        boolean buttons = "buttons".equalsIgnoreCase(t.flow().menuStyle());
        List<String> actions = buttons ? BUTTONS : LIST;
        t.out.say(t.say.menuPrompt());
        List<Option> options = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            String title = t.say.menuOption(actions.get(i));
            t.out.say((i + 1) + ". " + title);
            options.add(new Option(PREFIX + actions.get(i), title, null));
            ids.add(PREFIX + actions.get(i));
        }
        t.state.offerChoices(ids);
        if (buttons) {
            t.out.buttons(options);
        } else {
            t.out.list(t.say.menuTitle(), options);
        }
    }

    static void yesNo(Turn t) {
        t.out.buttons(List.of(new Option("confirm:yes", t.say.yes(), null), new Option("confirm:no", t.say.no(), null)));
    }
}
