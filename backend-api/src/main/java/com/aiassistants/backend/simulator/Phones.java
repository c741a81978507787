package com.aiassistants.backend.simulator;

import com.aiassistants.common.web.ApiProblem;

/** A simulated patient's phone number: 6 to 15 digits (a leading +, spaces and dashes are dropped). */
final class Phones {

    private Phones() {
    }

    static String digits(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[\\s()+.-]", "");
        if (!digits.matches("[0-9]{6,15}")) {
            throw ApiProblem.badRequest("invalid-phone", "phone must have 6 to 15 digits");
        }
        return digits;
    }
}
