package org.stridelab.app.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The app's and the views' packages have no cycles, and the reusable views never reach into the app. */
class AppPackageLayersTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.stridelab.app", "org.stridelab.visualisations");

    @Test
    void noPackageCycles() {
        assertTrue(CLASSES.size() > 80, "the app's and views' classes were found: " + CLASSES.size());
        slices().matching("org.stridelab.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void viewsNeverDependOnTheApp() {
        noClasses().that().resideInAPackage("org.stridelab.visualisations..").should().dependOnClassesThat()
                .resideInAPackage("org.stridelab.app..").check(CLASSES);
    }
}
