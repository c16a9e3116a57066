package org.watchfloor.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.watchfloor.WatchfloorException;
import org.watchfloor.parse.Hashing;
import org.watchfloor.store.AlertRows;

/**
 * Alerts by e-mail through the SMTP server of the settings ({@code smtp.*}): one message per alert
 * and address, a plain-text and an HTML part (multipart/alternative) with the event, a link to it
 * on the workbench, and each report with its outlet, link, origin and evidence sentence. The
 * Message-ID is derived from the alert's idempotency key, so a message sent again after a crash
 * has the same id and mail clients show it once. A daily digest goes the same way ({@link DigestText}).
 *
 * <p>No server set, or one that cannot be reached, is tried again until the delivery is given up,
 * so that a missing setting can be fixed meanwhile; an address the server refuses is given up at once.
 */
final class Mailer implements Transport, DigestTransport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void send(AlertRows.Due due, AlertSettings settings) throws Failure {
    JsonNode body;
    try {
      body = JSON.readTree(due.alert().payload());
    } catch (JsonProcessingException e) {
      throw new Failure("the alert's body is not JSON: " + e.getOriginalMessage(), false);
    }
    MailText text = new MailText(body, settings.get(AlertSettings.BASE_URL));
    String messageId = "<" + Hashing.sha256(due.alert().idempotencyKey()).substring(0, 32) + "@watchfloor>";
    mail(due.delivery().target(), text.subject(), text.plain(), text.html(), messageId,
        "X-Watchfloor-Idempotency-Key", due.alert().idempotencyKey(), settings);
  }

  /** Sends the daily digest, its Message-ID derived from its address and day. */
  @Override
  public void send(AlertRows.DigestDue due, AlertSettings settings) throws Failure {
    DigestText text;
    try {
      text = new DigestText(due.digest().address(), due.digest().day(), settings.get(AlertSettings.DIGEST_ZONE), due.alerts(),
          settings.get(AlertSettings.BASE_URL));
    } catch (WatchfloorException e) {
      throw new Failure(e.getMessage(), false, e);
    }
    mail(due.digest().address(), text.subject(), text.plain(), text.html(),
        DigestText.messageId(due.digest().address(), due.digest().day()), "X-Watchfloor-Digest",
        due.digest().address() + " " + due.digest().day(), settings);
  }

  /** One message, multipart/alternative of the plain text and the HTML, with its Message-ID and one header of ours. */
  private static void mail(String to, String subject, String plain, String html, String messageId, String header,
      String headerValue, AlertSettings settings) throws Failure {
    String host = settings.get(AlertSettings.SMTP_HOST);
    if (host == null) {
      throw new Failure("no SMTP server: set one with watchfloor alert config smtp.host HOST", true);
    }
    Session session = Session.getInstance(properties(host, settings));
    try {
      MimeMessage message = new MimeMessage(session) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", messageId);
        }
      };
      message.setFrom(new InternetAddress(settings.get(AlertSettings.SMTP_FROM)));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
      message.setSubject(subject, "UTF-8");
      message.setSentDate(Date.from(Instant.now()));
      message.setHeader(header, headerValue);
      MimeBodyPart plainPart = new MimeBodyPart();
      plainPart.setText(plain, "UTF-8", "plain");
      MimeBodyPart htmlPart = new MimeBodyPart();
      htmlPart.setText(html, "UTF-8", "html");
      MimeMultipart alternative = new MimeMultipart("alternative");
      alternative.addBodyPart(plainPart);
      alternative.addBodyPart(htmlPart);
      message.setContent(alternative);
      String user = settings.get(AlertSettings.SMTP_USER);
      if (user == null) {
        jakarta.mail.Transport.send(message);
      } else {
        jakarta.mail.Transport.send(message, user, settings.get(AlertSettings.SMTP_PASSWORD));
      }
    } catch (SendFailedException e) {
      boolean refusedAddress = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
      throw new Failure("SMTP " + host + " refused it: " + e.getMessage(), !refusedAddress, e);
    } catch (MessagingException e) {
      throw new Failure("SMTP " + host + ": " + e.getMessage(), true, e);
    }
  }

  private static Properties properties(String host, AlertSettings settings) {
    Properties p = new Properties();
    String timeout = String.valueOf(settings.get(AlertSettings.TIMEOUT).toMillis());
    String security = settings.get(AlertSettings.SMTP_SECURITY);
    String protocol = security.equals("tls") ? "smtps" : "smtp";
    p.put("mail.transport.protocol", protocol);
    p.put("mail." + protocol + ".host", host);
    p.put("mail." + protocol + ".port", String.valueOf(settings.get(AlertSettings.SMTP_PORT)));
    p.put("mail." + protocol + ".connectiontimeout", timeout);
    p.put("mail." + protocol + ".timeout", timeout);
    p.put("mail." + protocol + ".writetimeout", timeout);
    p.put("mail." + protocol + ".auth", String.valueOf(settings.get(AlertSettings.SMTP_USER) != null));
    if (security.equals("starttls")) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    if (!security.equals("none")) {
      p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
    }
    return p;
  }
}
