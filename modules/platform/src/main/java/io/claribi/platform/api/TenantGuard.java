package io.claribi.platform.api;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.descriptors.DescriptorEvent;
import org.eclipse.persistence.descriptors.DescriptorEventAdapter;
import org.eclipse.persistence.sessions.Session;

/**
 * Refuses any write of a multitenant entity while no organization is bound.
 *
 * <p>EclipseLink fails reads without a tenant (EclipseLink-6174) but lets writes through with
 * {@code organization_id = NULL}. Every tenant-scoped persistence unit names this class as its
 * {@code eclipselink.session.customizer}; the NOT NULL column is the second line of defence. It
 * also makes the session fail fast when the database is away ({@link FailFastOnDatabaseOutage}), as
 * a unit names one customizer only.
 */
public class TenantGuard implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    new FailFastOnDatabaseOutage().customize(session);
    for (ClassDescriptor descriptor : session.getDescriptors().values()) {
      if (descriptor.hasMultitenantPolicy()) {
        descriptor.getEventManager().addListener(new WriteGuard());
      }
    }
  }

  private static final class WriteGuard extends DescriptorEventAdapter {

    @Override
    public void aboutToInsert(DescriptorEvent event) {
      requireTenant(event);
    }

    @Override
    public void aboutToUpdate(DescriptorEvent event) {
      requireTenant(event);
    }

    @Override
    public void aboutToDelete(DescriptorEvent event) {
      requireTenant(event);
    }

    private static void requireTenant(DescriptorEvent event) {
      Object tenant = event.getSession().getProperty(TenantBinding.PROPERTY);
      if (!(tenant instanceof String id) || !OrganizationId.isValid(id)) {
        throw new NoOrganizationBoundException(
            "Refused to write "
                + event.getDescriptor().getJavaClass().getSimpleName()
                + ": no organization is bound to this persistence context.");
      }
    }
  }
}
