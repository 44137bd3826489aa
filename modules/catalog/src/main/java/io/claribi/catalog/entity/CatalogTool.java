package io.claribi.catalog.entity;

import io.claribi.catalog.api.AllowedTool;
import io.claribi.catalog.api.DiscoveredTool;
import io.claribi.catalog.api.VendorId;
import io.claribi.platform.api.Sha256;
import io.claribi.platform.api.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A tool one vendor listed, as it was last listed, and the current decision about it. The name is
 * stored and compared exactly as the vendor sent it; the decision counts only for the fingerprint
 * it was made on.
 */
@Entity
@Table(name = "catalog_tools")
@NamedQuery(
    name = CatalogTool.OF_VENDOR,
    query = "SELECT t FROM CatalogTool t WHERE t.vendorId = :vendor ORDER BY t.name")
@NamedQuery(
    name = CatalogTool.BY_NAME,
    query = "SELECT t FROM CatalogTool t WHERE t.vendorId = :vendor AND t.nameKey = :key")
@NamedQuery(
    name = CatalogTool.ALLOWED,
    query =
        "SELECT t FROM CatalogTool t WHERE t.vendorId = :vendor AND t.listed = TRUE"
            + " AND t.decision = :decision"
            + " AND t.fingerprint = t.approvedFingerprint ORDER BY t.name")
@NamedQuery(
    name = CatalogTool.AWAITING_DECISION,
    query =
        "SELECT COUNT(t) FROM CatalogTool t, CatalogVendor v WHERE v.id = t.vendorId"
            + " AND v.state = :active AND t.listed = TRUE AND (t.decision IS NULL"
            + " OR (t.decision = :allow AND t.fingerprint <> t.approvedFingerprint))")
public class CatalogTool {

  public static final String OF_VENDOR = "CatalogTool.ofVendor";

  /**
   * How many tools of active vendors are {@link ToolState#PENDING_REVIEW} or {@link
   * ToolState#CHANGED_SINCE_APPROVAL}: {@link #state()} written as a query.
   */
  public static final String AWAITING_DECISION = "CatalogTool.awaitingDecision";

  public static final String BY_NAME = "CatalogTool.byName";
  public static final String ALLOWED = "CatalogTool.allowed";

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "vendor_id", nullable = false, length = 63)
  private String vendorId;

  @Column(name = "name", nullable = false, length = 256)
  private String name;

  /**
   * SHA-256 of the exact name, unique per vendor: Derby compares the name column padded with
   * blanks, so only the key tells "list_customers" from "list_customers " on every database.
   */
  @Column(name = "name_key", nullable = false, length = 64)
  private String nameKey;

  @Column(name = "title", length = 1024)
  private String title;

  @Lob
  @Column(name = "description")
  private String description;

  @Lob
  @Column(name = "input_schema", nullable = false)
  private String inputSchema;

  @Lob
  @Column(name = "annotations")
  private String annotations;

  @Column(name = "fingerprint", nullable = false, length = 64)
  private String fingerprint;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "first_seen_at", nullable = false)
  private Instant firstSeenAt;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  @Column(name = "listed", nullable = false)
  private boolean listed;

  @Enumerated(EnumType.STRING)
  @Column(name = "decision", length = 5)
  private Decision decision;

  @Enumerated(EnumType.STRING)
  @Column(name = "decision_source", length = 20)
  private VendorSource decisionSource;

  /** The fingerprint the current decision was made on. */
  @Column(name = "approved_fingerprint", length = 64)
  private String approvedFingerprint;

  /*
   * The text the current ALLOW was given on (all NULL otherwise, and for ALLOWs recorded before
   * this text was kept): the fingerprint says that the tool changed, this says how.
   */
  @Column(name = "approved_title", length = 1024)
  private String approvedTitle;

  @Lob
  @Column(name = "approved_description")
  private String approvedDescription;

  @Lob
  @Column(name = "approved_input_schema")
  private String approvedInputSchema;

  @Lob
  @Column(name = "approved_annotations")
  private String approvedAnnotations;

  @Column(name = "decided_by", length = 255)
  private String decidedBy;

  @Convert(converter = UtcInstantConverter.class)
  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decision_reason", length = 500)
  private String decisionReason;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected CatalogTool() {
    // for JPA
  }

  /** A tool seen for the first time: listed, and pending review. */
  public CatalogTool(VendorId vendor, DiscoveredTool tool, String fingerprint, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.vendorId = Objects.requireNonNull(vendor, "vendor").value();
    this.name = tool.name();
    this.nameKey = nameKey(name);
    this.firstSeenAt = Objects.requireNonNull(now, "now");
    describe(tool, fingerprint, now);
  }

  /** The unique lookup key of a tool name: SHA-256 of its exact text. */
  public static String nameKey(String name) {
    return Sha256.hex(name);
  }

  /**
   * The vendor listed this tool again.
   *
   * @return whether its fingerprint differs from the one it had
   */
  public boolean relisted(DiscoveredTool tool, String newFingerprint, Instant now) {
    if (!name.equals(tool.name())) {
      throw new IllegalArgumentException("a tool keeps its exact name");
    }
    boolean changed = !newFingerprint.equals(fingerprint);
    describe(tool, newFingerprint, now);
    return changed;
  }

  private void describe(DiscoveredTool tool, String newFingerprint, Instant now) {
    this.title = tool.title();
    this.description = tool.description();
    this.inputSchema = tool.inputSchema();
    this.annotations = tool.annotations();
    this.fingerprint = Objects.requireNonNull(newFingerprint, "fingerprint");
    this.lastSeenAt = now;
    this.listed = true;
    if (decision == Decision.ALLOW
        && approvedInputSchema == null
        && fingerprint.equals(approvedFingerprint)) {
      keepApprovedText(); // an ALLOW given on the fingerprint alone (catalog file), now seen
    }
  }

  /** The vendor's latest list did not include this tool. */
  public void unlisted() {
    this.listed = false;
  }

  /** Records a decision made on exactly the fingerprint given. */
  public void decide(
      Decision newDecision,
      String onFingerprint,
      VendorSource source,
      String by,
      Instant at,
      String reason) {
    this.decision = Objects.requireNonNull(newDecision, "decision");
    this.approvedFingerprint = Objects.requireNonNull(onFingerprint, "fingerprint");
    this.decisionSource = Objects.requireNonNull(source, "source");
    this.decidedBy = Objects.requireNonNull(by, "by");
    this.decidedAt = Objects.requireNonNull(at, "at");
    this.decisionReason = Objects.requireNonNull(reason, "reason");
    if (newDecision == Decision.ALLOW && onFingerprint.equals(fingerprint)) {
      keepApprovedText();
    } else {
      forgetApprovedText(); // a DENY, or an ALLOW on a version not seen yet
    }
  }

  private void keepApprovedText() {
    this.approvedTitle = title;
    this.approvedDescription = description;
    this.approvedInputSchema = inputSchema;
    this.approvedAnnotations = annotations;
  }

  private void forgetApprovedText() {
    this.approvedTitle = null;
    this.approvedDescription = null;
    this.approvedInputSchema = null;
    this.approvedAnnotations = null;
  }

  /**
   * Where the tool stands: allowed only when an ALLOW was made on the current fingerprint and the
   * vendor still lists it. Annotations play no part.
   */
  public ToolState state() {
    if (decision == Decision.DENY) {
      return ToolState.DENIED;
    }
    if (!listed) {
      return ToolState.NO_LONGER_LISTED;
    }
    if (decision == null) {
      return ToolState.PENDING_REVIEW;
    }
    if (!fingerprint.equals(approvedFingerprint)) {
      return ToolState.CHANGED_SINCE_APPROVAL;
    }
    return ToolState.ALLOWED;
  }

  /**
   * The tool as it was allowed: the approved title, description and input schema, never the
   * vendor's live text (equal in fingerprint, but the approved text is what the operator read). An
   * ALLOW recorded before the approved text was kept falls back to the listed text, whose
   * fingerprint is the approved one.
   */
  public AllowedTool toAllowedTool() {
    if (state() != ToolState.ALLOWED) {
      throw new IllegalStateException(name + " is " + state());
    }
    ApprovedText approved =
        approvedText()
            .orElseGet(() -> new ApprovedText(title, description, inputSchema, annotations));
    return new AllowedTool(
        new VendorId(vendorId),
        name,
        approved.title(),
        approved.description(),
        approved.inputSchema(),
        fingerprint);
  }

  public VendorId vendor() {
    return new VendorId(vendorId);
  }

  public String name() {
    return name;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public String inputSchema() {
    return inputSchema;
  }

  public String annotations() {
    return annotations;
  }

  public String fingerprint() {
    return fingerprint;
  }

  public Instant firstSeenAt() {
    return firstSeenAt;
  }

  public Instant lastSeenAt() {
    return lastSeenAt;
  }

  public boolean listed() {
    return listed;
  }

  public Decision decision() {
    return decision;
  }

  public VendorSource decisionSource() {
    return decisionSource;
  }

  public String approvedFingerprint() {
    return approvedFingerprint;
  }

  /**
   * The text the current ALLOW was given on; empty for a DENY, no decision, an ALLOW on a version
   * not yet seen, or an ALLOW recorded before the catalog kept the text.
   */
  public Optional<ApprovedText> approvedText() {
    if (decision != Decision.ALLOW || approvedInputSchema == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ApprovedText(
            approvedTitle, approvedDescription, approvedInputSchema, approvedAnnotations));
  }

  public String decidedBy() {
    return decidedBy;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public String decisionReason() {
    return decisionReason;
  }
}
