package io.devicehub.console.account;

import io.devicehub.account.Accounts;
import io.devicehub.credential.TooManyAttemptsException;
import io.devicehub.console.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;

/**
 * Backs {@code login.xhtml}. A wrong username and a wrong password get the same message; after repeated failures
 * the page says how long to wait instead of trying again.
 */
@Named
@RequestScoped
public class SignInPage {

    static final String INVALID = "Invalid username or password.";

    @Inject
    Accounts accounts;

    @Inject
    Authentication authentication;

    private String username;
    private String password;

    public String signIn() {
        Duration blocked = blocked();
        if (blocked.isZero() && authentication.signIn(username, password)) {
            return FacesContext.getCurrentInstance().getResponseComplete() ? null : "/devices/index?faces-redirect=true";
        }
        blocked = blocked();
        Messages.error(blocked.isZero() ? INVALID : "Too many failed sign-ins. Try again in "
                + TooManyAttemptsException.inWords(blocked) + ".");
        return null;
    }

    public boolean isSignUpEnabled() {
        return accounts.isSignUpEnabled();
    }

    private Duration blocked() {
        HttpServletRequest request =
                (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        return accounts.signInBlockedFor(username, request.getRemoteAddr());
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
