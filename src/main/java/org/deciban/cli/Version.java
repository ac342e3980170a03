package org.deciban.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** deciban's version, from the build's filtered properties. */
public final class Version implements CommandLine.IVersionProvider {

    /** The version string, "unknown" outside a build. */
    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("/org/deciban/deciban.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"deciban " + get(), "Java " + System.getProperty("java.version")};
    }
}
