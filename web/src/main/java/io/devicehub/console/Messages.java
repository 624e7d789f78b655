package io.devicehub.console;

import io.devicehub.common.FieldError;
import io.devicehub.common.InvalidInputException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * How backing beans tell the user what happened: a message beside a field, or one for the whole page, optionally
 * kept across a redirect. Messages are plain text; Faces escapes them.
 */
public final class Messages {

    private Messages() {
    }

    public static void info(String text) {
        add(null, FacesMessage.SEVERITY_INFO, text);
    }

    /** An information message that survives the redirect that follows (post-redirect-get). */
    public static void infoAfterRedirect(String text) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        info(text);
    }

    public static void error(String text) {
        add(null, FacesMessage.SEVERITY_ERROR, text);
    }

    /** An error shown beside the field {@code formId:field}. */
    public static void fieldError(String formId, String field, String text) {
        add(formId + ":" + field, FacesMessage.SEVERITY_ERROR, text);
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** Each field error of {@code invalid} beside its field. */
    public static void fieldErrors(String formId, InvalidInputException invalid) {
        for (FieldError error : invalid.errors()) {
            fieldError(formId, error.field(), error.message());
        }
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
