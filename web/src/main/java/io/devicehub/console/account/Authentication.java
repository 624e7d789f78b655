package io.devicehub.console.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/**
 * Signs the current request in through Jakarta Security, as the sign-in and sign-up pages both need. The session id
 * changes first, so that an id planted before sign-in (session fixation) is worthless after it.
 */
@ApplicationScoped
public class Authentication {

    @Inject
    SecurityContext securityContext;

    /**
     * @return {@code true} when signed in; the response may already be a redirect to the page that was asked for
     *         before sign-in, in which case the Faces response is complete
     */
    public boolean signIn(String username, String password) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) external.getResponse(),
                withParams().credential(new UsernamePasswordCredential(username, new Password(password))));
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete();
        }
        return status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE;
    }
}
