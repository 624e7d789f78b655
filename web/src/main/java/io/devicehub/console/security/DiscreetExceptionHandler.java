package io.devicehub.console.security;

import jakarta.faces.context.ExceptionHandler;
import org.primefaces.application.exceptionhandler.ExceptionInfo;
import org.primefaces.application.exceptionhandler.PrimeExceptionHandler;

import java.io.IOException;

/**
 * PrimeFaces' handling of failures in Ajax requests (the console's {@code p:ajaxExceptionHandler}s: reload on an
 * expired view, a dialog otherwise), without telling the browser what failed. PrimeFaces hands the exception's
 * class and message to the page's script; here they stay on the server, where they are logged. The handler is
 * still chosen by the real exception.
 */
public class DiscreetExceptionHandler extends PrimeExceptionHandler {

    public DiscreetExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    protected ExceptionInfo createExceptionInfo(Throwable rootCause) throws IOException {
        ExceptionInfo info = super.createExceptionInfo(rootCause);
        info.setException(null);
        info.setType("");
        info.setMessage("");
        info.setFormattedStackTrace("");
        info.setStackTrace(new StackTraceElement[0]);
        return info;
    }
}
