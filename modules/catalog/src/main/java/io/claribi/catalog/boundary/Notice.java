package io.claribi.catalog.boundary;

import java.io.Serializable;

/** The one message an operator's console page shows after an action: a status, or an alert. */
public final class Notice implements Serializable {

  private static final long serialVersionUID = 1L;

  private String text;
  private boolean alert;

  void status(String text) {
    set(text, false);
  }

  void alert(String text) {
    set(text, true);
  }

  void clear() {
    set(null, false);
  }

  private void set(String text, boolean alert) {
    this.text = text;
    this.alert = alert;
  }

  public String getText() {
    return text;
  }

  public boolean isAlert() {
    return alert;
  }

  public boolean isShown() {
    return text != null;
  }
}
