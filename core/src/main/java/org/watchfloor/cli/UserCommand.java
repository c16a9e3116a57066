package org.watchfloor.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.watchfloor.WatchfloorException;
import org.watchfloor.serve.auth.Accounts;
import org.watchfloor.store.AccountRows;
import org.watchfloor.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code watchfloor user}: the analyst accounts that may write through the workbench. */
@Command(name = "user", mixinStandardHelpOptions = true,
    description = "Manages the analyst accounts of the workbench: writing (edits) needs one.",
    subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.Remove.class, UserCommand.Token.class,
        UserCommand.ListUsers.class})
final class UserCommand {

  /**
   * Runs {@code work} on the accounts of the store. Accounts are apart from what ingest writes and
   * go over a connection of their own, so an existing store is opened read-only, without the
   * writer's lock: the commands work while {@code run} or an ingest holds the store. Only a store
   * not there yet (or of an older schema) is opened for writing, to create (or upgrade) it.
   */
  private static int withAccounts(StoreOptions options, AccountsWork work) throws IOException {
    Store store;
    try {
      store = options.openToRead();
    } catch (WatchfloorException.StoreRefused notReadable) {
      store = options.open();
    }
    try (Store s = store; Accounts accounts = Accounts.beside(s)) {
      return work.run(accounts);
    }
  }

  @FunctionalInterface
  private interface AccountsWork {
    int run(Accounts accounts) throws IOException;
  }

  /**
   * Where a password comes from: the console (asked twice), the first line of standard input, or
   * the first line of a file; never the command line, where other users and the shell's history
   * would see it. Read as chars and never as a String, so that it can be wiped after hashing.
   */
  static final class PasswordSource {
    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input instead of the console.")
    boolean stdin;

    @Option(names = "--password-file", paramLabel = "FILE",
        description = "Read the password from the first line of FILE (a secret mounted for the purpose) instead of the console.")
    Path file;

    char[] read() throws IOException {
      if (stdin && file != null) {
        throw new WatchfloorException.BadInput("give --password-stdin or --password-file, not both");
      }
      if (stdin) {
        return firstLine(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      }
      if (file != null) {
        if (!Files.isRegularFile(file)) {
          throw new WatchfloorException.BadInput("no password file " + file);
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          return firstLine(in);
        }
      }
      return askTwice();
    }

    private static char[] firstLine(Reader reader) throws IOException {
      BufferedReader in = new BufferedReader(reader);
      char[] buf = new char[1024];
      int n = 0;
      int c;
      while (n < buf.length && (c = in.read()) != -1 && c != '\n') {
        buf[n++] = (char) c;
      }
      if (n > 0 && buf[n - 1] == '\r') {
        n--;
      }
      char[] out = Arrays.copyOf(buf, n);
      Arrays.fill(buf, '\0');
      return out;
    }

    private static char[] askTwice() {
      Console console = System.console();
      if (console == null) {
        throw new WatchfloorException.BadInput("no console to ask the password on: use --password-stdin or --password-file");
      }
      char[] first = console.readPassword("Password (at least %d characters): ", Accounts.MIN_PASSWORD);
      char[] again = console.readPassword("Again: ");
      if (first == null || again == null || !Arrays.equals(first, again)) {
        throw new WatchfloorException.BadInput("the passwords differ");
      }
      Arrays.fill(again, '\0');
      return first;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Adds an analyst account. The password is asked on the console, or read from the first line of"
          + " standard input (--password-stdin) or of a file (--password-file); only its PBKDF2 hash is stored.")
  static final class Add implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Parameters(paramLabel = "NAME", description = "Account name: letters, digits, '.', '_' or '-'.") String name;
    @Mixin PasswordSource password;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      char[] secret = password.read();
      return withAccounts(options, accounts -> {
        accounts.add(name, secret);
        spec.commandLine().getOut().printf("added analyst %s%n", name);
        return Main.OK;
      });
    }
  }

  @Command(name = "passwd", mixinStandardHelpOptions = true,
      description = "Sets a new password for an analyst, read as for add, and ends the analyst's web sessions"
          + " (API tokens stay valid: revoke them with token --revoke).")
  static final class Passwd implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Parameters(paramLabel = "NAME") String name;
    @Mixin PasswordSource password;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      char[] secret = password.read();
      return withAccounts(options, accounts -> {
        accounts.changePassword(name, secret);
        spec.commandLine().getOut().printf("changed the password of analyst %s; their sessions are ended%n", name);
        return Main.OK;
      });
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = "Removes an analyst account with its API tokens and web sessions; the analyst's edits stay in the log.")
  static final class Remove implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Parameters(paramLabel = "NAME") String name;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      return withAccounts(options, accounts -> {
        accounts.remove(name);
        spec.commandLine().getOut().printf("removed analyst %s%n", name);
        return Main.OK;
      });
    }
  }

  @Command(name = "token", mixinStandardHelpOptions = true,
      description = {"Issues a new API token for an analyst and prints it, once: send it as 'Authorization: Bearer TOKEN'.",
          "Only its SHA-256 digest is stored; its id and expiry go to standard error. With --revoke ID, revokes a",
          "token instead (ids are shown by user list)."})
  static final class Token implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The analyst to issue a token for.") String name;
    @Option(names = "--days", paramLabel = "N", description = "Days the token is valid (default: 90).") Integer days;
    @Option(names = "--revoke", paramLabel = "ID", description = "Revoke the token with this id instead.") String revoke;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if ((revoke == null) == (name == null)) {
        throw new WatchfloorException.BadInput("give an analyst's NAME to issue a token, or --revoke ID, not both");
      }
      if (revoke != null && days != null) {
        throw new WatchfloorException.BadInput("--days is for issuing a token, not revoking one");
      }
      if (days != null && (days < 1 || days > 3650)) {
        throw new WatchfloorException.BadInput("--days must be between 1 and 3650");
      }
      return withAccounts(options, accounts -> {
        if (revoke != null) {
          String holder = accounts.revokeToken(revoke);
          spec.commandLine().getOut().printf("revoked API token %s of analyst %s%n", revoke, holder);
          return Main.OK;
        }
        Accounts.NewToken t = accounts.issueToken(name, days == null ? Accounts.TOKEN_LIFETIME : Duration.ofDays(days));
        spec.commandLine().getOut().println(t.token());
        spec.commandLine().getErr().printf("API token %s for analyst %s, expires %s%n", t.id(), name, t.expiresAt());
        return Main.OK;
      });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Lists the analyst accounts, each with its API tokens: id, issue, expiry and last use.")
  static final class ListUsers implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      return withAccounts(options, accounts -> {
        PrintWriter out = spec.commandLine().getOut();
        List<AccountRows.Token> tokens = accounts.tokens();
        Instant now = Instant.now();
        for (AccountRows.Account a : accounts.list()) {
          out.printf("%s\tcreated %s\t%d API token%s%n", a.name(), a.createdAt(), a.tokens(), a.tokens() == 1 ? "" : "s");
          for (AccountRows.Token t : tokens) {
            if (t.account().equals(a.name())) {
              out.printf("  token %s\tcreated %s\t%s %s\tlast used %s%n", t.id(), t.createdAt(),
                  now.isBefore(t.expiresAt()) ? "expires" : "expired", t.expiresAt(),
                  t.lastUsedAt() == null ? "never" : t.lastUsedAt());
            }
          }
        }
        return Main.OK;
      });
    }
  }
}
