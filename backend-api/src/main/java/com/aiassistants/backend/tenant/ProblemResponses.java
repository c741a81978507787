package com.aiassistants.backend.tenant;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.aiassistants.common.web.FilterProblems;

/** Writes RFC 9457 bodies from servlet filters (which run before Spring MVC's exception handling), via {@link FilterProblems}. */
@Component
public class ProblemResponses {

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
            String detail) throws IOException {
        FilterProblems.write(request, response, status, slug, detail);
    }
}
