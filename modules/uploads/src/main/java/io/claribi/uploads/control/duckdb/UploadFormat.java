package io.claribi.uploads.control.duckdb;

import io.claribi.platform.api.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The formats an upload may have, told from its bytes only: a file name or a browser's content type
 * is the uploader's claim, the bytes are what DuckDB will read.
 */
public enum UploadFormat {
  CSV,
  PARQUET;

  /** How much of the start is checked for text: enough to catch a binary, cheap on a big file. */
  static final int TEXT_CHECK_BYTES = 64 * 1024;

  private static final byte[] PARQUET_MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** Sniffs a stored file, reading only its first 64 KiB and its last four bytes. */
  public static UploadFormat sniff(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, TEXT_CHECK_BYTES));
      while (head.hasRemaining() && channel.read(head) >= 0) {}
      ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, PARQUET_MAGIC.length));
      long tailStart = size - tail.capacity();
      while (tail.hasRemaining() && channel.read(tail, tailStart + tail.position()) >= 0) {}
      return sniff(size, head.array(), tail.array());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the upload to sniff it", e);
    }
  }

  /** Sniffs content held in memory. */
  public static UploadFormat sniff(byte[] content) {
    byte[] head = Arrays.copyOf(content, Math.min(content.length, TEXT_CHECK_BYTES));
    byte[] tail =
        Arrays.copyOfRange(
            content, Math.max(0, content.length - PARQUET_MAGIC.length), content.length);
    return sniff(content.length, head, tail);
  }

  private static UploadFormat sniff(long size, byte[] head, byte[] tail) {
    if (size == 0) {
      throw ProblemException.badRequest("UPLOAD_EMPTY", "The upload is empty (0 bytes).");
    }
    // PAR1 at both ends: the footer magic is what a Parquet reader checks first.
    if (size >= 2L * PARQUET_MAGIC.length
        && startsWith(head, PARQUET_MAGIC)
        && Arrays.equals(tail, PARQUET_MAGIC)) {
      return PARQUET;
    }
    KnownBinary.recognise(head)
        .ifPresent(
            binary -> {
              throw new ProblemException(
                  415,
                  "UPLOAD_TYPE_UNSUPPORTED",
                  "Unsupported upload type",
                  "The upload looks like "
                      + binary.description()
                      + "; only CSV (UTF-8 text) and Parquet files can be queried.");
            });
    requireUtf8Text(head, size == head.length);
    return CSV;
  }

  private static void requireUtf8Text(byte[] head, boolean wholeFile) {
    int start = startsWith(head, UTF8_BOM) ? UTF8_BOM.length : 0;
    for (int i = start; i < head.length; i++) {
      if (head[i] == 0) {
        throw notText("it contains a NUL byte at offset " + i);
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(head, start, head.length - start);
    CharBuffer chars = CharBuffer.allocate(head.length);
    // Not at the end of the file, a character cut in half by the 64 KiB window is not an error.
    var result = decoder.decode(bytes, chars, wholeFile);
    if (result.isError()) {
      throw notText("it is not valid UTF-8 near offset " + bytes.position());
    }
    if (wholeFile && decoder.flush(chars).isError()) {
      throw notText("it ends inside a UTF-8 character");
    }
  }

  private static ProblemException notText(String why) {
    return new ProblemException(
        415,
        "UPLOAD_NOT_TEXT",
        "Upload is not text",
        "The upload is neither Parquet nor UTF-8 text: " + why + ".");
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }
}
