package vn.portal.bridge.application.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A file to import that can be opened more than once (the importer reads a sample to detect the encoding,
 * then streams the whole file): a path from the command line, an uploaded file, a resource.
 */
public interface ImportSource {

    /** The name reported in row errors and stored as each account's source file, e.g. "accounts-BTP.csv". */
    String name();

    /** A fresh stream from the first byte; the caller closes it. */
    InputStream open() throws IOException;

    /** Size in bytes when known, for progress. */
    OptionalLong size();

    /** A file on disk, named by its file name (the directory is not part of the evidence). */
    static ImportSource of(Path file) {
        Objects.requireNonNull(file, "file");
        return new ImportSource() {
            @Override
            public String name() {
                return file.getFileName().toString();
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public OptionalLong size() {
                try {
                    return OptionalLong.of(Files.size(file));
                } catch (IOException e) {
                    return OptionalLong.empty();
                }
            }

            @Override
            public String toString() {
                return file.toString();
            }
        };
    }

    /** Bytes already in memory, e.g. a small upload. */
    static ImportSource of(String name, byte[] bytes) {
        Objects.requireNonNull(name, "name");
        byte[] copy = Objects.requireNonNull(bytes, "bytes").clone();
        return new ImportSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(copy);
            }

            @Override
            public OptionalLong size() {
                return OptionalLong.of(copy.length);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** A resource of {@code loader}, e.g. the demo files shipped inside the CLI jar. */
    static ImportSource ofResource(ClassLoader loader, String resource) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(resource, "resource");
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        return new ImportSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() throws IOException {
                InputStream in = loader.getResourceAsStream(resource);
                if (in == null) {
                    throw new java.io.FileNotFoundException("resource " + resource + " is not on the class path");
                }
                return in;
            }

            @Override
            public OptionalLong size() {
                return OptionalLong.empty();
            }

            @Override
            public String toString() {
                return "classpath:" + resource;
            }
        };
    }
}
