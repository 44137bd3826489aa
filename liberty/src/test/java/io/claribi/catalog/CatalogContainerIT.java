package io.claribi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.audit.ActingCaller;
import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.DiscoveredTool;
import io.claribi.catalog.api.DiscoveryOutcome;
import io.claribi.catalog.api.ToolDecision;
import io.claribi.catalog.api.ToolDecision.RefusalReason;
import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorKind;
import io.claribi.catalog.boundary.Curation;
import io.claribi.catalog.boundary.DecisionView;
import io.claribi.catalog.boundary.FileApplication;
import io.claribi.catalog.boundary.VendorChangeView;
import io.claribi.catalog.control.CatalogFile;
import io.claribi.catalog.control.ToolFingerprint;
import io.claribi.catalog.entity.Decision;
import io.claribi.catalog.entity.VendorChangeKind;
import io.claribi.catalog.entity.VendorSpec;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.Roles;
import io.claribi.testing.InContainerWar;
import jakarta.inject.Inject;
import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalog inside Liberty on the configured database: discovery, decisions and their history,
 * retirement, and decisions shipped in the catalog file, through the real facades.
 */
@ExtendWith(ArquillianExtension.class)
class CatalogContainerIT {

  @Deployment
  static WebArchive deployment() {
    return InContainerWar.scanned(
            ShrinkWrap.create(ZipImporter.class, "catalog-it.war")
                .importFrom(new File("target/claribi.war"))
                .as(WebArchive.class))
        .addClass(InContainerWar.class)
        .addAsLibrary(jarOf(org.assertj.core.api.Assertions.class))
        .addClasses(CatalogContainerIT.class, RetirementWitness.class, ActingCaller.class);
  }

  static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Inject Catalog catalog;
  @Inject Curation curation;
  @Inject FileApplication files;
  @Inject io.claribi.catalog.boundary.ClientRegistrations registrations;

  VendorId vendor;

  static DiscoveredTool tool(String name, String description) {
    return new DiscoveredTool(
        name, null, description, "{\"type\":\"object\"}", "{\"readOnlyHint\":true}");
  }

  static VendorSpec spec(String name) {
    return new VendorSpec(
        name,
        VendorKind.MCP,
        "http://localhost:9/mcp",
        List.of("read"),
        List.of("it"),
        false,
        null);
  }

  @BeforeEach
  void operatorWithFreshVendor() {
    ActingCaller.actAs("catalog-ops", Roles.PLATFORM_OPERATOR);
    vendor = new VendorId("it-" + UUID.randomUUID().toString().substring(0, 8));
    curation.create(vendor, spec("IT vendor"), "container test");
  }

  @Test
  void the_shipped_catalog_file_was_applied_at_start() {
    assertThat(catalog.vendor(new VendorId("stripe")))
        .hasValueSatisfying(v -> assertThat(v.serverUrl()).hasToString("https://mcp.stripe.com"));
    assertThat(catalog.vendor(new VendorId("acme-payments")))
        .hasValueSatisfying(
            v -> {
              assertThat(v.displayName()).isEqualTo("Acme Payments (demo)");
              assertThat(v.serverUrl().getPath()).isEqualTo("/demo-vendor/mcp");
              assertThat(v.resourcesEnabled()).isTrue();
            });
  }

  @Test
  void a_tool_is_allowed_only_as_approved_and_while_listed() {
    DiscoveredTool balance = tool("get_balance", "Reads the balance.");
    DiscoveryOutcome first = catalog.recordDiscovery(vendor, List.of(balance, tool("refund", "w")));
    assertThat(first).isEqualTo(new DiscoveryOutcome(2, 2, 0, 0));
    assertThat(refusal("get_balance")).isEqualTo(RefusalReason.PENDING_REVIEW);

    curation.decide(vendor, "get_balance", Decision.ALLOW, "read-only", Optional.empty());
    ToolDecision allowed = catalog.decide(vendor, "get_balance");
    assertThat(allowed).isInstanceOf(ToolDecision.Allowed.class);
    assertThat(catalog.allowedTools(vendor))
        .extracting(t -> t.name())
        .containsExactly("get_balance");

    DiscoveredTool changed = tool("get_balance", "Reads the balance. Also moves money.");
    assertThat(catalog.recordDiscovery(vendor, List.of(changed, tool("refund", "w"))).changed())
        .isEqualTo(1);
    assertThat(refusal("get_balance")).isEqualTo(RefusalReason.CHANGED_SINCE_APPROVAL);
    assertThat(catalog.allowedTools(vendor)).isEmpty();

    assertThatThrownBy(
            () ->
                curation.decide(
                    vendor,
                    "get_balance",
                    Decision.ALLOW,
                    "approving what I reviewed",
                    Optional.of(ToolFingerprint.of(balance))))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.code()).isEqualTo("TOOL_CHANGED"));
    curation.decide(
        vendor,
        "get_balance",
        Decision.ALLOW,
        "re-reviewed",
        Optional.of(ToolFingerprint.of(changed)));
    assertThat(catalog.decide(vendor, "get_balance")).isInstanceOf(ToolDecision.Allowed.class);

    assertThat(catalog.recordDiscovery(vendor, List.of(tool("refund", "w"))).unlisted())
        .isEqualTo(1);
    assertThat(refusal("get_balance")).isEqualTo(RefusalReason.NO_LONGER_LISTED);

    curation.decide(vendor, "refund", Decision.DENY, "writes", Optional.empty());
    assertThat(refusal("refund")).isEqualTo(RefusalReason.DENIED);

    List<DecisionView> history = curation.decisions(vendor, "get_balance");
    assertThat(history)
        .extracting(DecisionView::reason)
        .containsExactly("re-reviewed", "read-only");
    assertThat(history).allSatisfy(d -> assertThat(d.decidedBy()).isEqualTo("user@catalog-ops"));
  }

  @Test
  void names_are_matched_exactly() {
    catalog.recordDiscovery(vendor, List.of(tool("get_balance", "r")));
    curation.decide(vendor, "get_balance", Decision.ALLOW, "read-only", Optional.empty());

    for (String variant :
        List.of(
            "Get_balance",
            "GET_BALANCE",
            "get_balance ",
            " get_balance",
            "get\u200B_balance",
            "g\u0435t_balance",
            "get_balance\u0000",
            "get_bala\u0301nce")) {
      assertThat(refusal(variant)).as(variant).isEqualTo(RefusalReason.UNKNOWN_TOOL);
      assertThatThrownBy(
              () -> curation.decide(vendor, variant, Decision.ALLOW, "x", Optional.empty()))
          .isInstanceOfSatisfying(
              ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
    assertThat(catalog.decide(vendor, "get_balance")).isInstanceOf(ToolDecision.Allowed.class);
  }

  /** Finding 5: Derby compared these padded with blanks and the whole discovery failed. */
  @Test
  void names_that_differ_only_by_trailing_spaces_are_two_tools() {
    List<DiscoveredTool> listed =
        List.of(
            tool("list_customers", "the real one"),
            tool("list_customers ", "the look-alike"),
            tool("list_customers  ", "another look-alike"));
    DiscoveryOutcome outcome = catalog.recordDiscovery(vendor, listed);

    assertThat(outcome.added()).isEqualTo(3);
    curation.decide(vendor, "list_customers", Decision.ALLOW, "read-only", Optional.empty());
    curation.decide(vendor, "list_customers ", Decision.DENY, "look-alike", Optional.empty());
    assertThat(catalog.decide(vendor, "list_customers")).isInstanceOf(ToolDecision.Allowed.class);
    assertThat(refusal("list_customers ")).isEqualTo(RefusalReason.DENIED);
    assertThat(refusal("list_customers  ")).isEqualTo(RefusalReason.PENDING_REVIEW);
    assertThat(catalog.allowedTools(vendor))
        .extracting(io.claribi.catalog.api.AllowedTool::name)
        .containsExactly("list_customers");
    assertThat(curation.decisions(vendor, "list_customers")).hasSize(1);
    assertThat(curation.decisions(vendor, "list_customers ")).hasSize(1);
    assertThat(catalog.recordDiscovery(vendor, listed).changed())
        .as("listed again: each matched to itself")
        .isZero();
  }

  /** Finding 6: a registration the vendor forgot can be dropped; the next connect registers. */
  @Test
  void an_operator_drops_a_dynamic_registration_but_not_a_pre_registered_one() {
    String issuer = "https://as-" + UUID.randomUUID() + ".example.com";
    catalog.keepRegistration(
        new io.claribi.catalog.api.RegisteredClient(
            issuer, "forgotten-client", "DYNAMIC", Optional.of("https://claribi/cb")));
    assertThat(registrations.all()).anyMatch(r -> r.issuer().equals(issuer));

    assertThatThrownBy(() -> registrations.drop(issuer + "/", "not exactly this issuer"))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
    registrations.drop(issuer, "the vendor answers invalid_client");

    assertThat(catalog.registeredClient(issuer)).isEmpty();
    assertThat(registrations.all()).noneMatch(r -> r.issuer().equals(issuer));
    String demo = demoIssuer();
    assertThatThrownBy(() -> registrations.drop(demo, "x"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.code()).isEqualTo("OAUTH_CLIENT_PRE_REGISTERED"));
  }

  private String demoIssuer() {
    return registrations.all().stream()
        .filter(r -> r.source().equals("PRE_REGISTERED"))
        .findFirst()
        .orElseThrow()
        .issuer();
  }

  @Test
  void a_list_over_the_maximum_records_nothing() {
    List<DiscoveredTool> tenThousand =
        IntStream.range(0, 10_000).mapToObj(i -> tool("t" + i, "d")).toList();

    assertThatThrownBy(() -> catalog.recordDiscovery(vendor, tenThousand))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.code()).isEqualTo("VENDOR_TOOL_LIST_TOO_LARGE"));
    assertThat(refusal("t0")).isEqualTo(RefusalReason.UNKNOWN_TOOL);

    List<DiscoveredTool> oneBad = List.of(tool("ok", "d"), tool("n".repeat(257), "d"));
    assertThatThrownBy(() -> catalog.recordDiscovery(vendor, oneBad))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.code()).isEqualTo("VENDOR_TOOL_INVALID"));
    assertThat(refusal("ok")).isEqualTo(RefusalReason.UNKNOWN_TOOL);
  }

  @Test
  void two_thousand_tools_are_recorded_in_one_discovery() {
    List<DiscoveredTool> many = IntStream.range(0, 2000).mapToObj(i -> tool("t" + i, "d")).toList();

    assertThat(catalog.recordDiscovery(vendor, many).added()).isEqualTo(2000);
    assertThat(refusal("t1999")).isEqualTo(RefusalReason.PENDING_REVIEW);
  }

  @Test
  void retiring_a_vendor_tells_connections_in_the_same_transaction() {
    catalog.recordDiscovery(vendor, List.of(tool("get_balance", "r")));
    curation.decide(vendor, "get_balance", Decision.ALLOW, "read-only", Optional.empty());

    curation.retire(vendor, "vendor shut down");

    assertThat(RetirementWitness.SEEN).contains(vendor + ":vendor shut down:true");
    assertThat(catalog.vendor(vendor)).isEmpty();
    assertThat(refusal("get_balance")).isEqualTo(RefusalReason.VENDOR_UNKNOWN);
    assertThat(catalog.allowedTools(vendor)).isEmpty();
    assertThat(curation.changes(vendor))
        .extracting(VendorChangeView::change)
        .containsExactly(VendorChangeKind.RETIRED, VendorChangeKind.CREATED);
    assertThatThrownBy(() -> catalog.recordDiscovery(vendor, List.of()))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void a_shipped_allow_applies_to_exactly_the_reviewed_tool_and_operator_edits_stay() {
    VendorId shipped = new VendorId("it-file-" + UUID.randomUUID().toString().substring(0, 8));
    DiscoveredTool reviewed = tool("get_balance", "Reads the balance.");
    DiscoveredTool other = tool("list_charges", "Lists charges.");
    int version = files.newestVersion().orElse(0) + 1;
    CatalogFile file =
        new CatalogFile(
            version,
            List.of(
                new CatalogFile.Entry(
                    shipped,
                    spec("Shipped vendor"),
                    List.of(
                        new CatalogFile.Shipped(
                            "get_balance",
                            Decision.ALLOW,
                            ToolFingerprint.of(reviewed),
                            "reviewed"),
                        new CatalogFile.Shipped(
                            "list_charges", Decision.ALLOW, "0".repeat(64), "reviewed elsewhere"))),
                new CatalogFile.Entry(vendor, spec("The file's name for it"), List.of())));

    assertThat(files.apply(file)).contains("loaded [" + shipped + "]", "skipped [" + vendor + "]");
    assertThat(files.apply(file)).contains("already applied");

    catalog.recordDiscovery(shipped, List.of(reviewed, other));
    assertThat(catalog.decide(shipped, "get_balance")).isInstanceOf(ToolDecision.Allowed.class);
    assertThat(refusal(shipped, "list_charges")).isEqualTo(RefusalReason.PENDING_REVIEW);
    assertThat(curation.decisions(shipped, "get_balance"))
        .singleElement()
        .satisfies(d -> assertThat(d.decidedBy()).isEqualTo("catalog-file v" + version));

    DiscoveredTool drifted = tool("get_balance", "Reads the balance, then refunds.");
    catalog.recordDiscovery(shipped, List.of(drifted, other));
    assertThat(refusal(shipped, "get_balance")).isEqualTo(RefusalReason.CHANGED_SINCE_APPROVAL);

    assertThat(catalog.vendor(vendor).orElseThrow().displayName()).isEqualTo("IT vendor");
    assertThat(curation.changes(vendor))
        .extracting(VendorChangeView::change)
        .containsExactly(VendorChangeKind.FILE_SKIPPED, VendorChangeKind.CREATED);
  }

  private RefusalReason refusal(String name) {
    return refusal(vendor, name);
  }

  private RefusalReason refusal(VendorId id, String name) {
    ToolDecision decision = catalog.decide(id, name);
    assertThat(decision).isInstanceOf(ToolDecision.Refused.class);
    return ((ToolDecision.Refused) decision).reason();
  }
}
