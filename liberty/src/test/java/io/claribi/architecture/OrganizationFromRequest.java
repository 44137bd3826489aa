package io.claribi.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Named;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Request input that names an organization. In a JAX-RS resource method: a path, query, header,
 * form, matrix or cookie parameter (or such an injected field, or a field of a {@code @BeanParam})
 * whose name matches {@code org} or whose type is {@link OrganizationId}; a path parameter right
 * after an {@code org...} segment, as in {@code organizations/{id}}; a request body with an {@code
 * org}, {@code organization}, {@code orgId} or {@code organizationId} member. In a JSF bean: such a
 * body as an argument of a public method, and a setter such as {@code setOrganizationId} that a
 * page can bind to a view or form parameter. Methods only the platform operator reaches are
 * skipped.
 */
final class OrganizationFromRequest extends ArchCondition<JavaClass> {

  static final DescribedPredicate<JavaClass> REQUEST_HANDLERS =
      describe(
          "are JAX-RS resources or JSF beans in a boundary package",
          type -> isResource(type) || isViewBean(type));

  private static final List<String> PARAMS =
      Stream.of(
              PathParam.class,
              QueryParam.class,
              HeaderParam.class,
              FormParam.class,
              MatrixParam.class,
              CookieParam.class)
          .map(Class::getName)
          .toList();
  private static final Pattern ORG_NAME = Pattern.compile("(?i).*org.*");
  private static final Pattern ORG_MEMBER = Pattern.compile("(?i)org(anization)?(_?id)?");
  private static final String[] OPERATOR_ONLY = {Roles.PLATFORM_OPERATOR};

  private OrganizationFromRequest() {
    super("read no organization id from the path, query, headers, form, cookies or body");
  }

  static ArchCondition<JavaClass> readNone() {
    return new OrganizationFromRequest();
  }

  @Override
  public void check(JavaClass handler, ConditionEvents events) {
    for (JavaMethod method : handler.getMethods()) {
      if (!takesRequestInput(method) || reachableOnlyByOperators(method)) {
        continue;
      }
      method.getParameters().stream()
          .filter(OrganizationFromRequest::namesOrganization)
          .forEach(
              p -> report(events, method, "takes an organization as parameter " + p.getIndex()));
      if (isViewBean(handler) && isOrganizationSetter(method)) {
        report(events, method, "lets a page set the organization");
      }
    }
    if (isResource(handler) && !operatorsOnly(handler)) {
      handler.getFields().stream()
          .filter(OrganizationFromRequest::injectsOrganization)
          .forEach(field -> report(events, field, "is injected with an organization"));
    }
  }

  private static void report(ConditionEvents events, JavaMember member, String what) {
    String message = member.getFullName() + " " + what + " in " + member.getSourceCodeLocation();
    events.add(violated(member, message));
  }

  private static boolean namesOrganization(JavaParameter parameter) {
    Optional<JavaAnnotation<?>> param = paramAnnotation(parameter);
    if (param.isPresent()) {
      return namesOrganization(param.get(), parameter.getRawType())
          || param.get().getRawType().isEquivalentTo(PathParam.class)
              && followsOrganizationSegment(parameter.getOwner(), value(param.get()));
    }
    if (parameter.isAnnotatedWith(BeanParam.class)) {
      return parameter.getRawType().getAllFields().stream()
          .anyMatch(OrganizationFromRequest::injectsOrganization);
    }
    boolean providedByJaxRs =
        parameter.getAnnotations().stream()
            .anyMatch(a -> a.getRawType().getPackageName().startsWith("jakarta.ws.rs"));
    return !providedByJaxRs && carriesOrganization(parameter.getRawType()); // a body
  }

  private static boolean injectsOrganization(JavaField field) {
    return paramAnnotation(field)
        .filter(param -> namesOrganization(param, field.getRawType()))
        .isPresent();
  }

  private static boolean namesOrganization(JavaAnnotation<?> param, JavaClass type) {
    return ORG_NAME.matcher(value(param)).matches() || type.isEquivalentTo(OrganizationId.class);
  }

  private static boolean carriesOrganization(JavaClass type) {
    return type.isEquivalentTo(OrganizationId.class)
        || type.getAllFields().stream()
            .filter(field -> !field.getModifiers().contains(JavaModifier.STATIC))
            .anyMatch(
                field ->
                    ORG_MEMBER.matcher(field.getName()).matches()
                        || field.getRawType().isEquivalentTo(OrganizationId.class));
  }

  /** In {@code organizations/{id}} the parameter is an organization, whatever it is called. */
  private static boolean followsOrganizationSegment(JavaCodeUnit method, String name) {
    String template = (path(method.getOwner()) + "/" + path(method)).replaceAll("/+", "/");
    return Pattern.compile("(?i)(^|/)[^/{]*org[^/{]*/\\{\\s*" + Pattern.quote(name) + "\\s*[:}]")
        .matcher(template)
        .find();
  }

  private static boolean isOrganizationSetter(JavaMethod method) {
    String name = method.getName();
    return name.startsWith("set") && ORG_MEMBER.matcher(name.substring(3)).matches();
  }

  /** Method-level security overrides the class's, as in Jakarta Security. */
  private static boolean reachableOnlyByOperators(JavaMethod method) {
    if (method.isAnnotatedWith(PermitAll.class) || method.isAnnotatedWith(DenyAll.class)) {
      return false;
    }
    return method
        .tryGetAnnotationOfType(RolesAllowed.class)
        .or(() -> method.getOwner().tryGetAnnotationOfType(RolesAllowed.class))
        .map(roles -> Arrays.equals(roles.value(), OPERATOR_ONLY))
        .orElse(false);
  }

  /** Injected fields are filled for every request to the resource, whichever method it calls. */
  private static boolean operatorsOnly(JavaClass resource) {
    return resource.getMethods().stream()
        .filter(OrganizationFromRequest::isResourceMethod)
        .allMatch(OrganizationFromRequest::reachableOnlyByOperators);
  }

  private static boolean takesRequestInput(JavaMethod method) {
    if (isResourceMethod(method)) {
      return true;
    }
    var modifiers = method.getModifiers();
    return isViewBean(method.getOwner())
        && modifiers.contains(JavaModifier.PUBLIC)
        && !modifiers.contains(JavaModifier.STATIC);
  }

  private static boolean isResource(JavaClass type) {
    return type.isAnnotatedWith(Path.class)
        || type.getMethods().stream().anyMatch(OrganizationFromRequest::isResourceMethod);
  }

  private static boolean isResourceMethod(JavaMethod method) {
    return method.isAnnotatedWith(Path.class) || method.isMetaAnnotatedWith(HttpMethod.class);
  }

  private static boolean isViewBean(JavaClass type) {
    return type.isAnnotatedWith(Named.class)
        && JavaClass.Predicates.resideInAPackage("..boundary..").test(type);
  }

  private static Optional<JavaAnnotation<?>> paramAnnotation(HasAnnotations<?> element) {
    return element.getAnnotations().stream()
        .<JavaAnnotation<?>>map(annotation -> annotation)
        .filter(annotation -> PARAMS.contains(annotation.getRawType().getName()))
        .findFirst();
  }

  private static String path(HasAnnotations<?> element) {
    return element.tryGetAnnotationOfType(Path.class).map(Path::value).orElse("");
  }

  private static String value(JavaAnnotation<?> param) {
    return param.get("value").map(String::valueOf).orElse("");
  }
}
