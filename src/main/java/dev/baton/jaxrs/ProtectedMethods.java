package dev.baton.jaxrs;

import dev.baton.api.VerifySession;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Finds the {@link VerifySession} that governs a resource method, failing closed: an annotation
 * anywhere a reader of the code would expect it to apply is honoured.
 *
 * <p>In order, the first found wins:
 *
 * <ol>
 *   <li>on the method, or on a method it overrides or implements (superclasses, then interfaces),
 *       as the JAX-RS annotation-inheritance rules (spec section 3.6) let resource annotations sit
 *       on either;
 *   <li>on the resource class, its superclasses, or an interface it implements;
 *   <li>for a sub-resource, on a locator of an enclosing resource that returns its type, or on an
 *       enclosing resource's class: a protected resource protects what it hands out.
 * </ol>
 *
 * <p>The answers for a class and method are computed once and cached; a request to a root resource
 * then costs one map lookup.
 */
final class ProtectedMethods {

  /** Per resource class: the answer for each of its methods. */
  private static final ClassValue<Map<Method, Optional<VerifySession>>> BY_CLASS = perClass();

  /** Per enclosing resource class: the answer for each sub-resource class it hands out. */
  private static final ClassValue<Map<Class<?>, Optional<VerifySession>>> BY_ENCLOSING = perClass();

  /** Per resource class: whether each of its methods restricts its callers by role. */
  private static final ClassValue<Map<Method, Boolean>> ROLES_BY_CLASS =
      new ClassValue<>() {
        @Override
        protected Map<Method, Boolean> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private ProtectedMethods() {}

  /**
   * Whether the server's role checks govern a resource method: {@code @RolesAllowed} or {@code
   * DenyAll} on the method, or on its class unless the method says {@code @PermitAll} (Jakarta
   * Annotations 1.2 section 3.8).
   *
   * @param resourceClass the class whose method handles the request
   * @param method the resource method
   * @return whether a caller is needed
   */
  static boolean restrictsRoles(Class<?> resourceClass, Method method) {
    return ROLES_BY_CLASS
        .get(resourceClass)
        .computeIfAbsent(method, m -> restricts(m) || (!permits(m) && restricts(resourceClass)));
  }

  private static boolean restricts(AnnotatedElement element) {
    return element.isAnnotationPresent(RolesAllowed.class)
        || element.isAnnotationPresent(DenyAll.class);
  }

  private static boolean permits(Method method) {
    return method.isAnnotationPresent(PermitAll.class);
  }

  /**
   * The options for a request.
   *
   * @param resourceClass the class whose method handles the request
   * @param method the resource method, as the runtime reports it (the implementation's or the
   *     interface's)
   * @param enclosing the resources that led to it through sub-resource locators, innermost first
   *     (empty for a root resource); asked for only when the method itself decides nothing
   * @return the governing annotation, or empty when the method is public
   */
  static Optional<VerifySession> of(
      Class<?> resourceClass, Method method, Supplier<List<Object>> enclosing) {
    Optional<VerifySession> own =
        BY_CLASS.get(resourceClass).computeIfAbsent(method, m -> declared(resourceClass, m));
    if (own.isPresent()) {
      return own;
    }
    Class<?> inner = resourceClass;
    for (Object outer : enclosing.get()) {
      Class<?> outerClass = outer.getClass();
      if (outerClass == inner) {
        continue;
      }
      Class<?> handedOut = inner;
      Optional<VerifySession> found =
          BY_ENCLOSING
              .get(outerClass)
              .computeIfAbsent(handedOut, h -> throughLocator(outerClass, h));
      if (found.isPresent()) {
        return found;
      }
      inner = outerClass;
    }
    return Optional.empty();
  }

  /** Steps 1 and 2, for one class and method. */
  private static Optional<VerifySession> declared(Class<?> resourceClass, Method method) {
    for (Method candidate : overridden(resourceClass, method)) {
      VerifySession options = candidate.getAnnotation(VerifySession.class);
      if (options != null) {
        return Optional.of(options);
      }
    }
    Set<Class<?>> types = hierarchy(resourceClass);
    types.addAll(hierarchy(method.getDeclaringClass()));
    return onAnyType(types);
  }

  /** Step 3: a locator of {@code outer} that hands out {@code inner}, or {@code outer} itself. */
  private static Optional<VerifySession> throughLocator(Class<?> outer, Class<?> inner) {
    for (Class<?> type : hierarchy(outer)) {
      for (Method locator : type.getDeclaredMethods()) {
        VerifySession options = locator.getAnnotation(VerifySession.class);
        if (options != null
            && locator.isAnnotationPresent(jakarta.ws.rs.Path.class)
            && locator.getReturnType().isAssignableFrom(inner)) {
          return Optional.of(options);
        }
      }
    }
    return onAnyType(hierarchy(outer));
  }

  private static <K> ClassValue<Map<K, Optional<VerifySession>>> perClass() {
    return new ClassValue<>() {
      @Override
      protected Map<K, Optional<VerifySession>> computeValue(Class<?> type) {
        return new ConcurrentHashMap<>();
      }
    };
  }

  private static Optional<VerifySession> onAnyType(Set<Class<?>> types) {
    for (Class<?> type : types) {
      VerifySession options = type.getAnnotation(VerifySession.class);
      if (options != null) {
        return Optional.of(options);
      }
    }
    return Optional.empty();
  }

  /** The method as each type of the hierarchy declares it, most specific first. */
  private static List<Method> overridden(Class<?> resourceClass, Method method) {
    Set<Method> found = new LinkedHashSet<>();
    for (Class<?> type : hierarchy(resourceClass)) {
      declaredIn(type, method).ifPresent(found::add);
    }
    found.add(method);
    return List.copyOf(found);
  }

  private static Optional<Method> declaredIn(Class<?> type, Method method) {
    try {
      return Optional.of(type.getDeclaredMethod(method.getName(), method.getParameterTypes()));
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }

  /** A type, its superclasses, then all the interfaces they implement, breadth first. */
  private static Set<Class<?>> hierarchy(Class<?> type) {
    Set<Class<?>> types = new LinkedHashSet<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      types.add(c);
    }
    Deque<Class<?>> pending = new ArrayDeque<>(types);
    while (!pending.isEmpty()) {
      for (Class<?> implemented : pending.removeFirst().getInterfaces()) {
        if (types.add(implemented)) {
          pending.addLast(implemented);
        }
      }
    }
    return types;
  }
}
