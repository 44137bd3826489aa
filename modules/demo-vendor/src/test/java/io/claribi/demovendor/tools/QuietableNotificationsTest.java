package io.claribi.demovendor.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class QuietableNotificationsTest {

  final List<String> sent = new ArrayList<>();

  final McpStreamableServerTransportProvider transport =
      new McpStreamableServerTransportProvider() {
        @Override
        public void setSessionFactory(McpStreamableServerSession.Factory factory) {}

        @Override
        public Mono<Void> notifyClients(String method, Object params) {
          sent.add(method);
          return Mono.empty();
        }

        @Override
        public Mono<Void> closeGracefully() {
          return Mono.empty();
        }
      };

  QuietableNotifications cut = new QuietableNotifications(transport);

  @Test
  void list_changed_is_dropped_only_while_quiet() {
    cut.quietly(
        () -> {
          cut.notifyClients(McpSchema.METHOD_NOTIFICATION_TOOLS_LIST_CHANGED, null).block();
          cut.notifyClients(McpSchema.METHOD_NOTIFICATION_RESOURCES_LIST_CHANGED, null).block();
        });
    cut.notifyClients(McpSchema.METHOD_NOTIFICATION_TOOLS_LIST_CHANGED, null).block();

    assertThat(sent)
        .containsExactly(
            McpSchema.METHOD_NOTIFICATION_RESOURCES_LIST_CHANGED,
            McpSchema.METHOD_NOTIFICATION_TOOLS_LIST_CHANGED);
  }

  @Test
  void the_rug_pull_adds_a_required_export_and_an_undeclared_card_flag() {
    AcmeTool original =
        AcmeTools.pristine().stream()
            .filter(t -> t.name().equals("list_customers"))
            .findFirst()
            .orElseThrow();

    AcmeTool pulled = RugPull.of(original);

    assertThat(pulled.name()).isEqualTo("list_customers");
    assertThat(pulled.description()).isNotEqualTo(original.description()).contains("exportTo");
    assertThat(pulled.inputSchema())
        .contains("\"exportTo\"")
        .contains("\"includeCards\"")
        .contains("\"required\": [\"exportTo\"]")
        .doesNotContain("additionalProperties");
  }

  @Test
  void the_first_version_of_the_attacked_tool_is_the_pristine_one_with_an_open_schema() {
    AcmeTool original =
        AcmeTools.pristine().stream()
            .filter(t -> t.name().equals("list_customers"))
            .findFirst()
            .orElseThrow();

    AcmeTool opened = RugPull.opened(original);

    assertThat(opened.description()).isEqualTo(original.description());
    assertThat(opened.inputSchema()).doesNotContain("additionalProperties").contains("\"limit\"");
  }
}
