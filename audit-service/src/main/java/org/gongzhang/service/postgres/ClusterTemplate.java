package org.gongzhang.service.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A copy of the cluster {@code initdb} made for a new data directory, before its server first ran
 * ({@code ledger.embedded-postgres.template}): the next new data directory is copied from it
 * instead of running {@code initdb} again, which spends a second or two of CPU on a cold start
 * beside the JVM's own start. {@code ./ledger serve} keeps one per build, made by the run that
 * trains its class-data archive.
 *
 * <p>The template holds what {@code initdb} wrote and nothing else: no database of the ledger's,
 * no key, no password (the embedded server trusts local connections, as after {@code initdb}). It
 * is used only when its key, the PostgreSQL binaries on the class path and zonky's version, is the
 * running service's; a template the server then cannot start on is deleted and the data directory
 * made by {@code initdb} as before. A cluster copied from a template shares the template's system
 * identifier with every other cluster copied from it on this machine ({@code pg_control_system()}),
 * as a restored backup shares its original's.
 */
final class ClusterTemplate {

    private static final Logger log = LoggerFactory.getLogger(ClusterTemplate.class);

    /** The file in the template that says which binaries made it; written last, so its presence means complete. */
    static final String KEY_FILE = "gongzhang-template.key";

    /** Files of a running or locked cluster that a template must not carry. */
    private static final Set<String> TRANSIENT = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", KEY_FILE);

    private final Path directory;
    private final String key;

    ClusterTemplate(Path directory) {
        this(directory, binariesKey());
    }

    ClusterTemplate(Path directory, String key) {
        this.directory = directory.toAbsolutePath().normalize();
        this.key = key;
    }

    Path directory() {
        return directory;
    }

    /**
     * What made a cluster: the jars of zonky and of the PostgreSQL binaries it would extract on this
     * system (their names carry their versions). Another build's template with other binaries is
     * not used. Looked up by name, not by scanning the class path, which cost a second of a cold start.
     */
    static String binariesKey() {
        ClassLoader classes = ClusterTemplate.class.getClassLoader();
        String system = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).split(" ")[0];
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        arch = arch.equals("amd64") ? "x86_64" : arch.equals("aarch64") ? "arm_64" : arch;
        StringBuilder key = new StringBuilder("zonky ")
                .append(EmbeddedPostgres.class.getProtectionDomain().getCodeSource().getLocation()).append('\n');
        for (String name : List.of("postgres-" + system + "-" + arch + ".txz",
                "postgres-" + system + "-" + arch + "-alpine.txz")) {
            try {
                for (URL binaries : Collections.list(classes.getResources(name))) {
                    key.append("binaries ").append(binaries).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return key.toString();
    }

    /** Whether the template is there, complete and made by these binaries. */
    boolean usable() {
        Path keyFile = directory.resolve(KEY_FILE);
        try {
            return Files.isRegularFile(keyFile) && Files.readString(keyFile, StandardCharsets.UTF_8).equals(key);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Copies the template into {@code data}, a new and empty data directory, keeping the files'
     * owner and permissions; false (nothing copied) when there is no usable template or
     * {@code data} is not empty. A copy that fails midway is removed again.
     */
    boolean copyInto(Path data) {
        if (!usable() || !isEmpty(data)) {
            return false;
        }
        try {
            copy(directory, data);
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            log.info("Embedded PostgreSQL data directory {} copied from the cluster template {}", data, directory);
            return true;
        } catch (IOException | UncheckedIOException | UnsupportedOperationException e) {
            log.warn("Could not copy the cluster template {} into {} ({}); running initdb", directory, data,
                    e.toString());
            empty(data);
            return false;
        }
    }

    /**
     * Keeps the cluster {@code initdb} has just made in {@code data} (its server not yet started) as
     * the template, unless a usable one is there: copied beside the template's place first and
     * moved there in one step, so that another service starting at the same time never sees half a
     * template. Failing to keep it costs nothing but the next start's {@code initdb}.
     */
    void keep(Path data) {
        if (usable()) {
            return;
        }
        Path scratch = directory.resolveSibling(directory.getFileName() + ".new-" + UUID.randomUUID());
        try {
            Files.createDirectories(directory.getParent());
            copy(data, scratch);
            Files.writeString(scratch.resolve(KEY_FILE), key, StandardCharsets.UTF_8);
            discard();
            try {
                Files.move(scratch, directory, StandardCopyOption.ATOMIC_MOVE);
                log.info("Kept the new cluster as the template {} for the next new data directory", directory);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException another) {
                // another service kept its own at the same moment: the same binaries made both
            } catch (AtomicMoveNotSupportedException e) {
                log.warn("Cannot keep a cluster template at {}: {}", directory, e.toString());
            }
        } catch (IOException | UncheckedIOException | UnsupportedOperationException e) {
            log.warn("Could not keep the new cluster as the template {}: {}", directory, e.toString());
        } finally {
            delete(scratch);
        }
    }

    /**
     * Removes the template (the server could not start on a copy of it, or it is another build's):
     * its key first, so that a service starting meanwhile never takes what is left for a template.
     */
    void discard() {
        try {
            Files.deleteIfExists(directory.resolve(KEY_FILE));
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", directory.resolve(KEY_FILE), e.toString());
        }
        delete(directory);
    }

    /** Removes what a failed start left in {@code data}, keeping the directory itself. */
    static void empty(Path data) {
        try (Stream<Path> files = Files.list(data)) {
            files.forEach(ClusterTemplate::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path data) {
        try (Stream<Path> files = Files.list(data)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Copies the tree under {@code from} into {@code to} with owners and permissions, leaving out {@link #TRANSIENT}. */
    private static void copy(Path from, Path to) throws IOException {
        List<Path> tree;
        try (Stream<Path> files = Files.walk(from)) {
            tree = files.toList();
        }
        for (Path source : tree) {
            Path relative = from.relativize(source);
            if (relative.getNameCount() == 1 && TRANSIENT.contains(relative.toString())) {
                continue;
            }
            Path target = to.resolve(relative.toString());
            if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isDirectory(target)) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            } else {
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    private static void delete(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", path, e.toString());
        }
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
