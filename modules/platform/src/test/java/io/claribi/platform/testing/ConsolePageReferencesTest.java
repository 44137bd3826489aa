package io.claribi.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.platform.api.console.Notice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsolePageReferencesTest {

  /** A page bean as the console's are: getters, an action, a nested notice. */
  public static final class SamplePage {
    private final Notice notice = new Notice();

    public Notice getNotice() {
      return notice;
    }

    public boolean isFound() {
      return true;
    }

    public void remove(String id) {}
  }

  @TempDir Path pages;

  @Test
  void getters_actions_and_nested_getters_resolve() throws IOException {
    Files.writeString(
        pages.resolve("sample.xhtml"),
        "<p rendered=\"#{samplePage.found}\" class=\"#{samplePage.notice.alert ? 'a' : 'b'}\">"
            + "#{samplePage.notice.text}</p><h:commandButton action=\"#{samplePage.remove(x.id)}\"/>");

    assertThat(ConsolePageReferences.unresolved(pages, SamplePage.class)).isEmpty();
  }

  @Test
  void a_renamed_getter_or_nested_getter_is_named() throws IOException {
    Files.writeString(
        pages.resolve("sample.xhtml"),
        "<p rendered=\"#{not samplePage.shown}\">#{samplePage.notice.message}</p>");

    assertThat(ConsolePageReferences.unresolved(pages, SamplePage.class))
        .containsExactly(
            "sample.xhtml: samplePage.shown", "sample.xhtml: samplePage.notice.message");
  }
}
