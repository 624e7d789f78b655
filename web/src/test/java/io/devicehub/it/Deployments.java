package io.devicehub.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The archive every integration test deploys: the WAR that Maven built, exactly as it ships, so that tests never
 * drift from what users run. In-container tests add only their own classes.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive devicehubWar() {
        File war = new File(System.getProperty("devicehub.war", "target/devicehub.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the tests with 'mvn verify'");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /** Which database this run uses: "h2" or "mysql" (set by the failsafe execution). */
    public static String database() {
        String database = System.getenv("IT_DATABASE");
        return database == null ? "h2" : database;
    }
}
