package org.listgraph;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The one-way flow of DESIGN.md: markdown → entry → identity → links → lint → rdf → export → store → serve → cli.
 * Jena only in rdf/, export/, store/, serve/ and bench/ (which measures Jena's own loader); no stage knows a later one or cli/.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.listgraph");
    }

    @Test
    void jenaIsUsedOnlyByTheRdfExportStoreServeAndBenchStages() {
        noClasses().that().resideInAnyPackage("org.listgraph.entry..", "org.listgraph.markdown..", "org.listgraph.identity..",
                        "org.listgraph.links..", "org.listgraph.lint..", "org.listgraph.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.jena..").check(classes);
    }

    @Test
    void entryRecordsDependOnNoLibrary() {
        noClasses().that().resideInAPackage("org.listgraph.entry..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.listgraph.entry..", "java..")
                .check(classes);
    }

    @Test
    void noStageDependsOnALaterStageOrOnTheCli() {
        String[] order = {"entry", "markdown", "identity", "links", "lint", "rdf", "export", "store", "serve", "bench", "cli"};
        for (int i = 0; i < order.length; i++) {
            String[] later = new String[order.length - i - 1];
            for (int j = i + 1; j < order.length; j++) later[j - i - 1] = "org.listgraph." + order[j] + "..";
            if (later.length == 0) continue;
            noClasses().that().resideInAPackage("org.listgraph." + order[i] + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(later)
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }
}
