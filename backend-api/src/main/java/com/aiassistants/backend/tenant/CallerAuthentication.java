package com.aiassistants.backend.tenant;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The authenticated {@link Caller}; authority {@code ADMIN} for console users, {@code API_KEY} for keys. */
public class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final String email;

    public CallerAuthentication(Caller caller) {
        this(caller, null);
    }

    /** A console user; {@code email} from the token (null when it carries none). */
    public CallerAuthentication(Caller caller, String email) {
        super(List.of(new SimpleGrantedAuthority(caller.kind().name())));
        this.caller = caller;
        this.email = email;
        setAuthenticated(true);
    }

    public Caller caller() {
        return caller;
    }

    public String email() {
        return email;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.subject();
    }
}
