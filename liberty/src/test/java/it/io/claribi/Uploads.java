package it.io.claribi;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Uploading files the way a browser form does: {@code multipart/form-data}. */
final class Uploads {

  private Uploads() {}

  /** POST /uploads with the file and (when not null) its data domains. */
  static Api.Reply upload(String token, String fileName, byte[] content, String domains) {
    String boundary = "claribi-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (domains != null) {
      text(body, "--" + boundary + "\r\n");
      text(body, "Content-Disposition: form-data; name=\"domains\"\r\n\r\n" + domains + "\r\n");
    }
    text(body, "--" + boundary + "\r\n");
    text(
        body,
        "Content-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.writeBytes(content);
    text(body, "\r\n--" + boundary + "--\r\n");
    return Api.send(
        Api.request("/api/v1/uploads", token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  static Api.Reply upload(String token, String fileName, String csv, String domains) {
    return upload(token, fileName, csv.getBytes(StandardCharsets.UTF_8), domains);
  }

  /** POST /tools/call naming an upload. */
  static Api.Reply call(String token, String uploadId, String tool, String arguments) {
    return Api.post(
        "/api/v1/tools/call",
        token,
        "{\"uploadId\":\""
            + uploadId
            + "\",\"tool\":\""
            + tool
            + "\",\"arguments\":"
            + arguments
            + "}");
  }

  private static void text(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
