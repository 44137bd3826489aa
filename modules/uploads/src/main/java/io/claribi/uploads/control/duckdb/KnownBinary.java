package io.claribi.uploads.control.duckdb;

import java.util.Arrays;
import java.util.Optional;

/** File types that people upload by mistake, recognised by their first bytes to name them back. */
enum KnownBinary {
  ZIP("a ZIP archive (XLSX, DOCX, ODS or similar)", bytes(0x50, 0x4B, 0x03, 0x04)),
  EMPTY_ZIP("an empty ZIP archive", bytes(0x50, 0x4B, 0x05, 0x06)),
  SPANNED_ZIP("a spanned ZIP archive", bytes(0x50, 0x4B, 0x07, 0x08)),
  OLE2(
      "a legacy Office document (XLS, DOC)", bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)),
  PDF("a PDF document", ascii("%PDF-")),
  PNG("a PNG image", bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)),
  JPEG("a JPEG image", bytes(0xFF, 0xD8, 0xFF)),
  GIF("a GIF image", ascii("GIF8")),
  GZIP("a gzip-compressed file", bytes(0x1F, 0x8B)),
  BZIP2("a bzip2-compressed file", ascii("BZh")),
  XZ("an xz-compressed file", bytes(0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00)),
  ZSTD("a zstd-compressed file", bytes(0x28, 0xB5, 0x2F, 0xFD)),
  SEVEN_ZIP("a 7-Zip archive", bytes(0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C)),
  RAR("a RAR archive", ascii("Rar!")),
  ELF("an ELF executable", bytes(0x7F, 0x45, 0x4C, 0x46)),
  JAVA_CLASS("a Java class file", bytes(0xCA, 0xFE, 0xBA, 0xBE)),
  SQLITE("an SQLite database", ascii("SQLite format 3")),
  UTF16_LE("UTF-16 text (only UTF-8 is read)", bytes(0xFF, 0xFE)),
  UTF16_BE("UTF-16 text (only UTF-8 is read)", bytes(0xFE, 0xFF));

  private final String description;
  private final byte[] magic;

  KnownBinary(String description, byte[] magic) {
    this.description = description;
    this.magic = magic;
  }

  static Optional<KnownBinary> recognise(byte[] head) {
    return Arrays.stream(values()).filter(type -> type.startsOf(head)).findFirst();
  }

  String description() {
    return description;
  }

  private boolean startsOf(byte[] head) {
    return head.length >= magic.length
        && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
  }

  private static byte[] bytes(int... values) {
    byte[] result = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (byte) values[i];
    }
    return result;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
