package org.datajoint.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layering of ARCHITECTURE.md, checked over every module's classes. */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.datajoint");

    @Test
    void apiDependsOnlyOnTheJdk() {
        classes().that().resideInAnyPackage("org.datajoint", "org.datajoint.spi")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.datajoint", "org.datajoint.spi")
                .check(PRODUCTION);
    }

    @Test
    void engineNamesNoBackend() {
        noClasses().that().resideInAPackage("org.datajoint.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mysql..", "org.postgresql..", "org.mariadb..",
                        "org.datajoint.dialect..")
                .check(PRODUCTION);
    }

    @Test
    void dialectsUseOnlyTheSpi() {
        noClasses().that().resideInAPackage("org.datajoint.dialect..")
                .should().dependOnClassesThat().resideInAPackage("org.datajoint.engine.internal..")
                .check(PRODUCTION);
    }

    @Test
    void spiDoesNotReachIntoEngineInternals() {
        noClasses().that().resideInAPackage("org.datajoint.engine.spi..")
                .should().dependOnClassesThat().resideInAPackage("org.datajoint.engine.internal..")
                .check(PRODUCTION);
    }

    @Test
    void apiDoesNotKnowTheEngine() {
        noClasses().that().resideInAnyPackage("org.datajoint", "org.datajoint.spi")
                .should().dependOnClassesThat().resideInAnyPackage("org.datajoint.engine..", "org.datajoint.dialect..")
                .check(PRODUCTION);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.datajoint.(**)").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void caseConversionAlwaysNamesTheLocale() {
        noClasses().should().callMethod(String.class, "toLowerCase")
                .orShould().callMethod(String.class, "toUpperCase")
                .because("case conversion must not depend on the default locale; pass Locale.ROOT")
                .check(PRODUCTION);
    }

    @Test
    void engineSourceHasNoBackendNamesOrBackticksInStrings() throws IOException {
        // Backticks are allowed only where the engine reads portable user input in both quoting styles.
        Path engine = Path.of("..", "datajoint-engine", "src", "main", "java");
        assertTrue(Files.isDirectory(engine), "run from the integration-tests module: " + engine.toAbsolutePath());
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
        Pattern backendNames = Pattern.compile("(?i)mysql|mariadb|postgres");
        Path portable = engine.resolve(Path.of("org", "datajoint", "engine", "internal", "portable"));
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(engine)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = literal.matcher(lines.get(i));
                    while (m.find()) {
                        boolean backtick = m.group().contains("`") && !f.startsWith(portable);
                        if (backendNames.matcher(m.group()).find() || backtick) {
                            offences.add(f.getFileName() + ":" + (i + 1) + " " + m.group());
                        }
                    }
                }
            }
        }
        assertTrue(offences.isEmpty(), "backend-specific strings in the engine: " + offences);
    }
}
