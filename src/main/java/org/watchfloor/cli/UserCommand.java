package org.watchfloor.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    subcommands = {UserCommand.Add.class, UserCommand.Token.class, UserCommand.ListUsers.class})
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

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Adds an analyst account. The password is asked on the console, or read from the first line of"
          + " standard input with --password-stdin; only its PBKDF2 hash is stored.")
  static final class Add implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Parameters(paramLabel = "NAME", description = "Account name: letters, digits, '.', '_' or '-'.") String name;
    @Option(names = "--password-stdin", description = "Read the password from standard input instead of the console.")
    boolean stdin;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      char[] password = stdin ? firstLine() : askTwice();
      return withAccounts(options, accounts -> {
        accounts.add(name, password);
        spec.commandLine().getOut().printf("added analyst %s%n", name);
        return Main.OK;
      });
    }

    private static char[] firstLine() throws IOException {
      // read as chars and never as a String, so the password can be wiped after hashing
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
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
        throw new WatchfloorException.BadInput("no console to ask the password on: use --password-stdin");
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

  @Command(name = "token", mixinStandardHelpOptions = true,
      description = "Issues a new API token for an analyst and prints it, once: send it as 'Authorization: Bearer TOKEN'."
          + " Only its SHA-256 digest is stored.")
  static final class Token implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Parameters(paramLabel = "NAME") String name;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      return withAccounts(options, accounts -> {
        spec.commandLine().getOut().println(accounts.issueToken(name));
        return Main.OK;
      });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the analyst accounts.")
  static final class ListUsers implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      return withAccounts(options, accounts -> {
        PrintWriter out = spec.commandLine().getOut();
        for (AccountRows.Account a : accounts.list()) {
          out.printf("%s\tcreated %s\t%d API token%s%n", a.name(), a.createdAt(), a.tokens(), a.tokens() == 1 ? "" : "s");
        }
        return Main.OK;
      });
    }
  }
}
