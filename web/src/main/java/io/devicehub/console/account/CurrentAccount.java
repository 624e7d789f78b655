package io.devicehub.console.account;

import io.devicehub.account.Account;
import io.devicehub.account.Accounts;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.ServletException;

import java.io.Serializable;
import java.security.Principal;

/**
 * The signed-in account, looked up once per session and checked against the container's caller on every use, so
 * that signing in as someone else can never leave the previous account's id behind.
 */
@Named
@SessionScoped
public class CurrentAccount implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Accounts accounts;

    private String username;
    private long id;

    /** The account's id, which every boundary call is scoped to. */
    public long id() {
        resolve();
        return id;
    }

    /** Whom Faces push addresses: the account's own sockets only (see ConsolePush). */
    public Long getPushUser() {
        return id();
    }

    public String getUsername() {
        resolve();
        return username;
    }

    /** Signs out and returns to the sign-in page. */
    public String signOut() throws ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return "/login?faces-redirect=true";
    }

    private void resolve() {
        Principal caller = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        if (caller == null) {
            throw new IllegalStateException("No one is signed in");
        }
        if (!caller.getName().equals(username)) {
            Account account = accounts.findByUsername(caller.getName())
                    .orElseThrow(() -> new IllegalStateException("The signed-in account no longer exists"));
            username = account.getUsername();
            id = account.getId();
        }
    }
}
