package io.devicehub.it;

/**
 * The console steps that tests repeat, spelled the way a user would do them.
 */
public final class Console {

    private final Browser browser;
    private final String contextPath;

    public Console(Browser browser, String contextPath) {
        this.browser = browser;
        this.contextPath = contextPath;
    }

    public Browser browser() {
        return browser;
    }

    /** Signs up a new account; the browser ends on the devices list, signed in. */
    public Console signUp(String username, String password) {
        browser.open("/signup.xhtml")
                .type("signup:username", username)
                .type("signup:email", username + "@example.com")
                .type("signup:password", password)
                .type("signup:confirmation", password)
                .submit("signup:create");
        return this;
    }

    public Console signIn(String username, String password) {
        browser.open("/login.xhtml")
                .type("login:username", username)
                .type("login:password", password)
                .submit("login:signIn");
        return this;
    }

    public Console signOut() {
        browser.submit("account:signOut");
        return this;
    }

    /** Adds a device through the form; the browser ends where the form leads (the list, or the form with errors). */
    public Console addDevice(String identifier, String description, String credential) {
        browser.open("/devices/add.xhtml")
                .type("add:identifier", identifier)
                .type("add:description", description)
                .type("add:credential", credential)
                .submit("add:submit");
        return this;
    }

    public boolean isOn(String page) {
        return browser.path().equals(contextPath + page);
    }
}
