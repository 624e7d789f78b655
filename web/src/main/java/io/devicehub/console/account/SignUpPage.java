package io.devicehub.console.account;

import io.devicehub.account.Accounts;
import io.devicehub.account.SignUp;
import io.devicehub.account.SignUpClosedException;
import io.devicehub.account.Username;
import io.devicehub.common.AlreadyRegisteredException;
import io.devicehub.common.InvalidInputException;
import io.devicehub.console.Messages;
import io.devicehub.credential.Secret;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/**
 * Backs {@code signup.xhtml}: creates an account and signs it in. The field rules are the boundary's own
 * ({@link Username}, {@link Secret}), checked here first so that errors appear beside their fields.
 */
@Named
@RequestScoped
public class SignUpPage {

    static final String FORM = "signup";

    @Inject
    Accounts accounts;

    @Inject
    Authentication authentication;

    @Username
    private String username;

    @NotBlank(message = "is required")
    @Email(message = "must be an email address")
    private String email;

    @Secret
    private String password;

    private String confirmation;

    public String signUp() {
        if (!password.equals(confirmation)) {
            Messages.fieldError(FORM, "confirmation", "does not match the password");
            return null;
        }
        try {
            accounts.signUp(new SignUp(username, email, password));
        } catch (InvalidInputException invalid) {
            Messages.fieldErrors(FORM, invalid);
            return null;
        } catch (AlreadyRegisteredException taken) {
            Messages.fieldError(FORM, taken.field(), taken.getMessage());
            return null;
        } catch (SignUpClosedException closed) {
            Messages.error(closed.getMessage());
            return null;
        }
        if (!authentication.signIn(username, password)) {
            Messages.infoAfterRedirect("Your account is ready. Sign in to continue.");
            return "/login?faces-redirect=true";
        }
        Messages.infoAfterRedirect("Welcome to DeviceHub, " + username + ". Add your first device to get started.");
        return FacesContext.getCurrentInstance().getResponseComplete() ? null : "/devices/index?faces-redirect=true";
    }

    public boolean isOpen() {
        return accounts.isSignUpEnabled();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
