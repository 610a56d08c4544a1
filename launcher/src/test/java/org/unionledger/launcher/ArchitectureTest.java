package org.unionledger.launcher;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries the design depends on, checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.unionledger");
    }

    @Test
    void commandSideNeverUsesTheQuerySide() {
        noClasses().that().resideInAPackage("org.unionledger.command..")
                   .should().dependOnClassesThat().resideInAPackage("org.unionledger.query..")
                   .check(classes);
    }

    @Test
    void querySideNeverUsesTheCommandSide() {
        noClasses().that().resideInAPackage("org.unionledger.query..")
                   .should().dependOnClassesThat().resideInAPackage("org.unionledger.command..")
                   .check(classes);
    }

    @Test
    void sharedKernelDependsOnNoSpringMongoOrJdbc() {
        noClasses().that().resideInAPackage("org.unionledger.shared..")
                   .should().dependOnClassesThat().resideInAnyPackage(
                           "org.springframework..", "com.mongodb..", "org.bson..", "java.sql..", "javax.sql..",
                           "jakarta.persistence..", "com.fasterxml.jackson..")
                   .check(classes);
    }

    @Test
    void sharedKernelKnowsNoOtherModule() {
        noClasses().that().resideInAPackage("org.unionledger.shared..")
                   .should().dependOnClassesThat().resideInAnyPackage(
                           "org.unionledger.command..", "org.unionledger.query..", "org.unionledger.platform..",
                           "org.unionledger.launcher..")
                   .check(classes);
    }

    @Test
    void platformKnowsNeitherSide() {
        noClasses().that().resideInAPackage("org.unionledger.platform..")
                   .should().dependOnClassesThat().resideInAnyPackage(
                           "org.unionledger.command..", "org.unionledger.query..", "org.unionledger.launcher..")
                   .check(classes);
    }
}
