package org.datajoint.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code datajoint --version}: the jar's implementation version. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"datajoint " + (v == null ? "(development build)" : v) + ", Java "
            + System.getProperty("java.version")};
    }
}
