package io.devicehub.it;

import io.devicehub.client.DeviceClient;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URISyntaxException;

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

    /**
     * The device SDK as a library for in-container tests, whether the test class path holds it as a jar or, in a
     * reactor build, as a classes directory.
     */
    public static JavaArchive deviceClient() {
        try {
            File location = new File(DeviceClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.isFile()
                    ? ShrinkWrap.createFromZipFile(JavaArchive.class, location)
                    : ShrinkWrap.create(ExplodedImporter.class, "devicehub-device-client.jar").importDirectory(location)
                    .as(JavaArchive.class);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Which database this run uses: "h2" or "mysql" (set by the failsafe execution). */
    public static String database() {
        String database = System.getenv("IT_DATABASE");
        return database == null ? "h2" : database;
    }
}
