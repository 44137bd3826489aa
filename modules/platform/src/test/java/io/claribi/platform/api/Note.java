package io.claribi.platform.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A tenant-scoped entity mapped exactly like the product's, for the binding tests. */
@Entity
@Table(name = "notes")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = TenantBinding.COLUMN, contextProperty = TenantBinding.PROPERTY)
public class Note {

  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "text")
  private String text;

  protected Note() {}

  public Note(String id, String text) {
    this.id = id;
    this.text = text;
  }

  public String text() {
    return text;
  }
}
