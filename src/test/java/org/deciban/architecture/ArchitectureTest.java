package org.deciban.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of the README and src/site/markdown/design.md as rules that run (ArchUnit, on the
 * compiled main classes): one package a stage, data flowing one way.
 *
 * <ul>
 *   <li>no cycle between packages (a subpackage counts as a package of its own);</li>
 *   <li>the stages in layers: model at the bottom; io and inference on model; proof on inference;
 *       report on inference and proof; cli on everything, and nothing on cli;</li>
 *   <li>model depends on nothing else of the project;</li>
 *   <li>inference knows no files; report knows no YAML;</li>
 *   <li>only cli and io know picocli and the file system;</li>
 *   <li>cli holds no Tablesaw or Jackson (it asks the report stage for text).</li>
 * </ul>
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.deciban");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.deciban.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void stagesAreLayered() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("org.deciban.model..")
                .layer("io").definedBy("org.deciban.io..")
                .layer("inference").definedBy("org.deciban.inference..")
                .layer("proof").definedBy("org.deciban.proof..")
                .layer("report").definedBy("org.deciban.report..")
                .layer("cli").definedBy("org.deciban.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("proof").mayOnlyBeAccessedByLayers("report", "cli")
                .whereLayer("io").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("inference").mayOnlyBeAccessedByLayers("proof", "report", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("io", "inference", "proof", "report", "cli")
                .check(classes);
    }

    @Test
    void modelDependsOnNothingElseOfTheProject() {
        noClasses().that().resideInAPackage("org.deciban.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deciban.io..", "org.deciban.inference..",
                        "org.deciban.proof..", "org.deciban.report..", "org.deciban.cli..")
                .check(classes);
    }

    @Test
    void onlyCliAndIoKnowFilesAndPicocli() {
        noClasses().that().resideOutsideOfPackages("org.deciban.cli..", "org.deciban.io..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "java.nio.file..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
                .check(classes);
    }

    @Test
    void reportKnowsNoYaml() {
        noClasses().that().resideInAPackage("org.deciban.report..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson.dataformat.yaml..", "org.yaml..")
                .check(classes);
    }

    @Test
    void cliHoldsNoTablesawOrJackson() {
        noClasses().that().resideInAPackage("org.deciban.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("tech.tablesaw..", "com.fasterxml.jackson..")
                .check(classes);
    }
}
