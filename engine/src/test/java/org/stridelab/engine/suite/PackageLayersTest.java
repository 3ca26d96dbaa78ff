package org.stridelab.engine.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages form layers that only point down (docs/architecture.md):
 * cli -> experiment -> session -> run -> train -> config -> model -> spectral -> nn, with
 * data, io and train.events beside them. A package cycle, or a lower layer
 * reaching up, fails the build here.
 */
class PackageLayersTest {
    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.stridelab.engine");
        assertTrue(engine.size() > 150, "the engine's classes were found: " + engine.size());
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.stridelab.engine.(**)").should().beFreeOfCycles().check(engine);
    }

    @Test
    void spectralDependsOnNnAlone() {
        noClasses().that().resideInAPackage("org.stridelab.engine.spectral..").should().dependOnClassesThat()
                .resideInAnyPackage("org.stridelab.engine.model..", "org.stridelab.engine.train..",
                        "org.stridelab.engine.run..", "org.stridelab.engine.session..",
                        "org.stridelab.engine.experiment..", "org.stridelab.engine.cli..",
                        "org.stridelab.engine.data..", "org.stridelab.engine.io..")
                .check(engine);
    }

    @Test
    void trainingKnowsNothingOfRunFoldersSessionsGridsOrTheCommandLine() {
        noClasses().that().resideInAPackage("org.stridelab.engine.train..").should().dependOnClassesThat()
                .resideInAnyPackage("org.stridelab.engine.run..", "org.stridelab.engine.session..",
                        "org.stridelab.engine.experiment..", "org.stridelab.engine.cli..")
                .check(engine);
    }

    @Test
    void theSettingsKnowTheModelButNothingThatRunsIt() {
        noClasses().that().resideInAPackage("org.stridelab.engine.config..").should().dependOnClassesThat()
                .resideInAnyPackage("org.stridelab.engine.train..", "org.stridelab.engine.run..",
                        "org.stridelab.engine.session..", "org.stridelab.engine.experiment..",
                        "org.stridelab.engine.cli..", "org.stridelab.engine.data..", "org.stridelab.engine.io..")
                .check(engine);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("org.stridelab.engine.cli..").should().dependOnClassesThat()
                .resideInAPackage("picocli..").check(engine);
    }
}
