package io.devicehub.console.security;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Puts {@link DiscreetExceptionHandler} in the place of PrimeFaces' own handler (faces-config.xml). */
public class DiscreetExceptionHandlerFactory extends ExceptionHandlerFactory {

    public DiscreetExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new DiscreetExceptionHandler(getWrapped().getExceptionHandler());
    }
}
