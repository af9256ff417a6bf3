package dev.baton.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.demo.DemoPageResource;
import dev.baton.demo.DemoResource;
import dev.baton.jaxrs.BatonJaxrs;
import jakarta.json.JsonObject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

/** openapi.yaml, the document Liberty serves, the resources and the running server agree. */
@ExtendWith(OwnItServer.class)
class OpenApiIT {

  private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> documentedPaths() throws Exception {
    try (InputStream file = Files.newInputStream(java.nio.file.Path.of("openapi.yaml"))) {
      Map<String, Object> document = new Yaml().load(file);
      return (Map<String, Map<String, Object>>) document.get("paths");
    }
  }

  private static Set<String> operations(Map<String, ? extends Map<String, ?>> paths) {
    Set<String> operations = new TreeSet<>();
    paths.forEach(
        (path, item) ->
            item.keySet().stream()
                .filter(METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
    return operations;
  }

  @Test
  void servedDocumentIsTheTopLevelFile() throws Exception {
    HttpResponse<String> served = new Browserless().get("/openapi?format=JSON");
    assertEquals(200, served.statusCode());
    JsonObject paths = Browserless.json(served).getJsonObject("paths");
    Set<String> servedOperations = new TreeSet<>();
    paths.forEach(
        (path, item) ->
            item.asJsonObject().keySet().stream()
                .filter(METHODS::contains)
                .forEach(method -> servedOperations.add(method.toUpperCase() + " " + path)));
    assertEquals(operations(documentedPaths()), servedOperations);
  }

  @Test
  void everyResourceMethodIsDocumentedAndNothingElse() throws Exception {
    Set<Class<?>> resources = new HashSet<>(BatonJaxrs.classes());
    resources.add(DemoResource.class);
    resources.add(DemoPageResource.class);
    Set<String> implemented = new TreeSet<>();
    for (Class<?> resource : resources) {
      Path classPath = resource.getAnnotation(Path.class);
      if (classPath == null) {
        continue;
      }
      for (Method method : resource.getMethods()) {
        String verb = httpMethod(method);
        if (verb != null) {
          Path methodPath = method.getAnnotation(Path.class);
          implemented.add(
              verb + " " + join(classPath.value(), methodPath == null ? "" : methodPath.value()));
        }
      }
    }
    assertEquals(operations(documentedPaths()), implemented);
  }

  @Test
  void everyDocumentedOperationAnswersWithADocumentedStatus() throws Exception {
    for (Map.Entry<String, Map<String, Object>> path : documentedPaths().entrySet()) {
      for (Map.Entry<String, Object> operation : path.getValue().entrySet()) {
        if (!METHODS.contains(operation.getKey())) {
          continue;
        }
        String method = operation.getKey().toUpperCase();
        // A path parameter gets a value no resource knows.
        String target = path.getKey().replaceAll("\\{[^}]+}", "unknown");
        HttpResponse<String> response =
            switch (method) {
              case "GET" -> new Browserless().get(target);
              case "POST" -> new Browserless().post(target, "{}");
              default -> new Browserless().send(method, target, null);
            };
        @SuppressWarnings("unchecked")
        Map<String, Object> responses =
            (Map<String, Object>) ((Map<String, Object>) operation.getValue()).get("responses");
        assertTrue(
            responses.containsKey(String.valueOf(response.statusCode())),
            method + " " + path.getKey() + " answered an undocumented " + response.statusCode());
      }
    }
  }

  private static String httpMethod(Method method) {
    for (var annotation : method.getAnnotations()) {
      HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return verb.value();
      }
    }
    return null;
  }

  /** The class and method paths as a request path, with the API base at its default. */
  private static String join(String classPath, String methodPath) {
    String path =
        ("/" + classPath + "/" + methodPath).replaceAll("/+", "/").replace("{base: .+}", "auth");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
