package org.watchfloor.profile;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A watch profile could not be loaded: a file is missing, malformed or inconsistent. Names the
 * file (a path or a classpath resource) and the problem.
 */
public final class ProfileException extends RuntimeException {

  private final String source;
  private final String detail;
  private final transient Path path;

  /**
   * @param source the file the problem is in: a path, or a classpath resource name
   * @param detail what is wrong with it
   */
  public ProfileException(String source, String detail) {
    this(source, detail, null);
  }

  public ProfileException(String source, String detail, Throwable cause) {
    this(source, null, detail, cause);
  }

  /** A problem in a file on the filesystem. */
  public ProfileException(Path path, String detail, Throwable cause) {
    this(path.toString(), path, detail, cause);
  }

  private ProfileException(String source, Path path, String detail, Throwable cause) {
    super(detail + " (source=" + source + ")", cause);
    this.source = Objects.requireNonNull(source, "source");
    this.detail = Objects.requireNonNull(detail, "detail");
    this.path = path;
  }

  /** The file the problem is in: a filesystem path or a classpath resource name. */
  public String source() {
    return source;
  }

  /** The file the problem is in, when it is on the filesystem rather than on the classpath. */
  public Optional<Path> path() {
    return Optional.ofNullable(path);
  }

  /** What is wrong, without the file name. */
  public String detail() {
    return detail;
  }
}
