package dev.baton;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * The package rules of the README's package map, checked on the main classes: the public API
 * depends on nothing else of Baton, the web layer sits on the engine and the engine on persistence
 * and never the other way, no package cycle, the demo uses Baton as an application would, and a
 * type outside the API is public only when something needs it to be.
 */
@AnalyzeClasses(packages = "dev.baton", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule apiDependsOnNothingElseOfBaton =
      noClasses()
          .that()
          .resideInAPackage("dev.baton.api..")
          .should()
          .dependOnClassesThat(
              DescribedPredicate.describe(
                  "are Baton's but not its API",
                  c ->
                      c.getPackageName().startsWith("dev.baton.")
                          && !c.getPackageName().startsWith("dev.baton.api")));

  @ArchTest
  static final ArchRule webOnEngineOnPersistenceNeverBack =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Demo")
          .definedBy("dev.baton.demo..")
          .layer("Web")
          .definedBy("dev.baton.jaxrs..")
          .layer("Health")
          .definedBy("dev.baton.health..")
          .layer("Metrics")
          .definedBy("dev.baton.metrics..")
          .layer("Engine")
          .definedBy("dev.baton.core..")
          .layer("Persistence")
          .definedBy("dev.baton.persistence..")
          .whereLayer("Demo")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Web")
          .mayOnlyBeAccessedByLayers("Demo")
          .whereLayer("Health")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Metrics")
          .mayOnlyBeAccessedByLayers("Web")
          .whereLayer("Engine")
          .mayOnlyBeAccessedByLayers("Web", "Health")
          .whereLayer("Persistence")
          .mayOnlyBeAccessedByLayers("Engine");

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("dev.baton.(**)").should().beFreeOfCycles();

  /** What the README documents for a host application: the API and the JAX-RS registration. */
  @ArchTest
  static final ArchRule demoUsesOnlyTheApiAndDocumentedExtensionPoints =
      classes()
          .that()
          .resideInAPackage("dev.baton.demo..")
          .should()
          .onlyDependOnClassesThat(
              DescribedPredicate.describe(
                  "are not Baton's, or are its API, the demo or BatonJaxrs",
                  c ->
                      !c.getPackageName().startsWith("dev.baton.")
                          || c.getPackageName().startsWith("dev.baton.api")
                          || c.getPackageName().startsWith("dev.baton.demo")
                          || c.getFullName().equals("dev.baton.jaxrs.BatonJaxrs")));

  /**
   * Public outside the API only when another package uses the type, or a server finds it by its
   * annotations (a JAX-RS resource or provider, a JPA entity, a health check) or by its name in
   * configuration.
   */
  @ArchTest
  static final ArchRule publicOnlyWhenNeeded =
      classes()
          .that()
          .resideOutsideOfPackage("dev.baton.api..")
          .and()
          .areTopLevelClasses()
          .and()
          .haveModifier(JavaModifier.PUBLIC)
          .should(beUsedFromAnotherPackageOrFoundByTheServer());

  private static final List<String> SERVER_ANNOTATIONS =
      List.of(
          "jakarta.ws.rs.Path",
          "jakarta.ws.rs.ext.Provider",
          "jakarta.ws.rs.ApplicationPath",
          "jakarta.persistence.Entity",
          "org.eclipse.microprofile.health.Readiness",
          "org.eclipse.microprofile.health.Liveness");

  /**
   * Needed from outside the package by something this rule does not see: a host's configuration
   * names BatonOpenApi (mp.openapi.model.reader); the test harness produces {@code @BatonDatabase}
   * resources; the purge benchmark runs SessionPurger; CDI finds JakartaSecurityExtension through
   * its service file.
   */
  private static final List<String> NEEDED_BEYOND_MAIN_CODE =
      List.of(
          "dev.baton.jaxrs.BatonOpenApi",
          "dev.baton.persistence.BatonDatabase",
          "dev.baton.core.SessionPurger",
          "dev.baton.jaxrs.JakartaSecurityExtension");

  private static ArchCondition<JavaClass> beUsedFromAnotherPackageOrFoundByTheServer() {
    return new ArchCondition<>("be used from another package or be found by the server") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        boolean usedElsewhere =
            type.getDirectDependenciesToSelf().stream()
                .anyMatch(d -> !d.getOriginClass().getPackageName().equals(type.getPackageName()));
        boolean foundByServer =
            SERVER_ANNOTATIONS.stream().anyMatch(type::isAnnotatedWith)
                || NEEDED_BEYOND_MAIN_CODE.contains(type.getFullName());
        if (!usedElsewhere && !foundByServer) {
          events.add(
              SimpleConditionEvent.violated(
                  type,
                  type.getFullName() + " is public but nothing outside its package needs it"));
        }
      }
    };
  }
}
