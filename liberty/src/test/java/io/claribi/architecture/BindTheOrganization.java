package io.claribi.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaFieldAccess.AccessType;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.claribi.platform.api.TenantBinding;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * A repository calls {@code TenantBinding.bind(EntityManager)}, and so does each of its methods
 * that reads an EntityManager field: the binding holds per transaction, not per repository.
 */
final class BindTheOrganization extends ArchCondition<JavaClass> {

  private BindTheOrganization() {
    super(
        "call TenantBinding.bind(EntityManager) in every method that reads an EntityManager field");
  }

  static ArchCondition<JavaClass> beforeUsingTheirEntityManager() {
    return new BindTheOrganization();
  }

  @Override
  public void check(JavaClass repository, ConditionEvents events) {
    if (repository.getMethodCallsFromSelf().stream().noneMatch(BindTheOrganization::binds)) {
      events.add(
          SimpleConditionEvent.violated(
              repository, repository.getName() + " never calls TenantBinding.bind(EntityManager)"));
    }
    for (JavaCodeUnit method : repository.getCodeUnits()) {
      if (readsEntityManagerField(method)
          && method.getMethodCallsFromSelf().stream().noneMatch(BindTheOrganization::binds)) {
        String message =
            method.getFullName()
                + " reads an EntityManager field without calling TenantBinding.bind in "
                + method.getSourceCodeLocation();
        events.add(SimpleConditionEvent.violated(method, message));
      }
    }
  }

  private static boolean readsEntityManagerField(JavaCodeUnit method) {
    return method.getFieldAccesses().stream()
        .filter(access -> access.getAccessType() == AccessType.GET)
        .map(JavaFieldAccess::getTarget)
        .anyMatch(field -> field.getRawType().isAssignableTo(EntityManager.class));
  }

  private static boolean binds(JavaMethodCall call) {
    return call.getTargetOwner().isEquivalentTo(TenantBinding.class)
        && call.getName().equals("bind")
        && call.getTarget().getRawParameterTypes().stream()
            .map(JavaClass::getName)
            .toList()
            .equals(List.of(EntityManager.class.getName()));
  }
}
