package io.claribi.platform.api.console;

import java.io.Serializable;

/** The one message a console page shows after an action: a status, or an alert. */
public final class Notice implements Serializable {

  private static final long serialVersionUID = 1L;

  private String text;
  private boolean alert;

  public void status(String text) {
    set(text, false);
  }

  public void alert(String text) {
    set(text, true);
  }

  public void clear() {
    set(null, false);
  }

  public void set(Notice other) {
    set(other.text, other.alert);
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
