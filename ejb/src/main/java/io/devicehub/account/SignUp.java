package io.devicehub.account;

import io.devicehub.credential.Secret;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a new account is made from. */
public record SignUp(
        @Username String username,
        @NotBlank(message = "is required") @Email(message = "must be an email address") @Size(max = 254) String email,
        @Secret String password) {

    @Override
    public String toString() {
        return "SignUp[username=" + username + ", email=" + email + ", password=<hidden>]";
    }
}
