package io.claribi.uploads.control.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.platform.api.ProblemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadFormatTest {

  @TempDir Path dir;

  private Path file(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertProblem(ThrowingCallable call, int status, String code, String text) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(status);
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.detail()).contains(text);
            });
  }

  @Test
  void utf8_text_with_or_without_a_bom_is_csv() throws IOException {
    assertThat(UploadFormat.sniff(file("a.csv", utf8("name,city\nZoë,Zürich\n"))))
        .isEqualTo(UploadFormat.CSV);
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\n', '1', '\n'};
    assertThat(UploadFormat.sniff(file("bom.csv", bom))).isEqualTo(UploadFormat.CSV);
    assertThat(UploadFormat.sniff(bom)).isEqualTo(UploadFormat.CSV);
  }

  @Test
  void par1_at_both_ends_is_parquet_whatever_the_name() throws IOException {
    byte[] parquet = utf8("PAR1 anything in between PAR1");

    assertThat(UploadFormat.sniff(file("data.csv", parquet))).isEqualTo(UploadFormat.PARQUET);
  }

  @Test
  void par1_only_at_the_start_is_not_parquet() {
    assertThat(UploadFormat.sniff(utf8("PAR1,x\n1,2\n"))).isEqualTo(UploadFormat.CSV);
  }

  @Test
  void zero_bytes_are_refused_as_empty() throws IOException {
    Path empty = file("empty.csv", new byte[0]);

    assertProblem(() -> UploadFormat.sniff(empty), 400, "UPLOAD_EMPTY", "empty");
  }

  @Test
  void a_png_named_csv_is_refused_and_named() throws IOException {
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    Path file = file("picture.csv", png);

    assertProblem(() -> UploadFormat.sniff(file), 415, "UPLOAD_TYPE_UNSUPPORTED", "PNG image");
  }

  @Test
  void a_pdf_is_refused_and_named() throws IOException {
    Path file = file("report.csv", utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"));

    assertProblem(() -> UploadFormat.sniff(file), 415, "UPLOAD_TYPE_UNSUPPORTED", "PDF");
  }

  @Test
  void a_gzip_is_refused_and_named() throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(bytes)) {
      gzip.write(utf8("a,b\n1,2\n"));
    }
    Path file = file("data.csv.gz", bytes.toByteArray());

    assertProblem(() -> UploadFormat.sniff(file), 415, "UPLOAD_TYPE_UNSUPPORTED", "gzip");
  }

  @Test
  void an_xlsx_is_refused_as_a_zip_archive() {
    byte[] xlsx = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0};

    assertProblem(() -> UploadFormat.sniff(xlsx), 415, "UPLOAD_TYPE_UNSUPPORTED", "XLSX");
  }

  @Test
  void an_elf_executable_is_refused_and_named() {
    byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};

    assertProblem(() -> UploadFormat.sniff(elf), 415, "UPLOAD_TYPE_UNSUPPORTED", "ELF");
  }

  @Test
  void a_nul_byte_in_the_first_64_kib_is_not_text() {
    byte[] text = utf8("a,b\n1,\u00002\n");

    assertProblem(() -> UploadFormat.sniff(text), 415, "UPLOAD_NOT_TEXT", "NUL byte at offset 6");
  }

  @Test
  void invalid_utf8_is_not_text() {
    byte[] latin1 = "name\nZürich\n".getBytes(StandardCharsets.ISO_8859_1);

    assertProblem(() -> UploadFormat.sniff(latin1), 415, "UPLOAD_NOT_TEXT", "not valid UTF-8");
  }

  @Test
  void a_character_cut_by_the_64_kib_window_is_not_an_error() {
    byte[] content = new byte[UploadFormat.TEXT_CHECK_BYTES + 10];
    java.util.Arrays.fill(content, (byte) 'a');
    byte[] euro = utf8("€");
    System.arraycopy(euro, 0, content, UploadFormat.TEXT_CHECK_BYTES - 1, euro.length);

    assertThat(UploadFormat.sniff(content)).isEqualTo(UploadFormat.CSV);
  }

  @Test
  void a_file_ending_inside_a_character_is_not_text() {
    byte[] cut = {'a', '\n', (byte) 0xE2, (byte) 0x82};

    assertProblem(() -> UploadFormat.sniff(cut), 415, "UPLOAD_NOT_TEXT", "UTF-8");
  }
}
