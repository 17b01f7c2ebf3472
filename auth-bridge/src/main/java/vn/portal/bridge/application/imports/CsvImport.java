package vn.portal.bridge.application.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.portal.bridge.domain.model.encoding.Detection;
import vn.portal.bridge.domain.model.encoding.EncodingDetector;
import vn.portal.bridge.domain.model.encoding.LegacyEncoding;
import vn.portal.bridge.domain.model.encoding.LegacyText;
import vn.portal.bridge.domain.model.encoding.UndecodableTextException;
import vn.portal.bridge.domain.model.legacy.UpsertCounts;

/**
 * Reads one CSV file of a known kind in a single streaming pass and stores it in batches.
 *
 * <p>Everything that can make the whole file unusable is checked before the first batch is written: the
 * file exists and is not empty, its first megabyte holds no zero byte (CSV is text), the encoding is forced
 * or detected, the header names exactly the columns of the kind, and there is at least one data row. Such
 * failures raise {@link ImportFileException} and change nothing. After that, a bad row becomes a
 * {@link RowError} and the others go on; memory stays bounded by the batch size whatever the file size.
 */
final class CsvImport<T> {

    /** Rows per transaction: big enough for fast JDBC batches, small enough to keep memory flat. */
    static final int BATCH_SIZE = 2000;

    private static final Logger LOG = Logger.getLogger(CsvImport.class.getName());

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
            .get();

    private final ImportKind kind;
    private final ImportSource source;
    private final EncodingChoice choice;
    private final RowHandler<T> handler;
    private final ImportProgress progress;

    private final List<RowError> errors = new ArrayList<>();
    private long rejected;
    private UpsertCounts stored = UpsertCounts.NONE;

    CsvImport(ImportKind kind, ImportSource source, EncodingChoice choice, RowHandler<T> handler, ImportProgress progress) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.source = Objects.requireNonNull(source, "source");
        this.choice = Objects.requireNonNull(choice, "choice");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    ImportSummary run() {
        String file = source.name();
        byte[] sample = readSample(file);
        Optional<Detection> detection = choice.forcedEncoding().isPresent()
                ? Optional.empty() : Optional.of(EncodingDetector.detect(sample));
        LegacyEncoding encoding = choice.forcedEncoding().orElseGet(() -> detection.orElseThrow().encoding());
        long totalBytes = source.size().orElse(-1);
        try (CountingInputStream counted = new CountingInputStream(open(file));
                Reader reader = LegacyText.reader(counted, encoding);
                CSVParser parser = parseHeader(file, reader, encoding)) {
            Map<String, Integer> columns = columnIndexes(file, parser.getHeaderNames());
            Iterator<CSVRecord> records = parser.iterator();
            List<T> batch = new ArrayList<>(BATCH_SIZE);
            List<Long> lines = new ArrayList<>(BATCH_SIZE);
            long rows = 0;
            long previousEnd = parser.getCurrentLineNumber();
            boolean first = true;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | UndecodableTextException | IllegalStateException e) {
                    if (first) {
                        throw new ImportFileException(file, unreadable(e, encoding), e);
                    }
                    rows++;
                    reject(new RowError(file, previousEnd + 1, null, unreadable(e, encoding) + "; the rest of the file was not read",
                            RowErrorCode.UNREADABLE_REST, encoding.displayName(), undecodableOffset(e)));
                    break;
                }
                first = false;
                rows++;
                long end = parser.getCurrentLineNumber();
                long line = Math.max(previousEnd + 1, end - embeddedLineBreaks(record));
                previousEnd = end;
                if (record.size() != columns.size()) {
                    reject(new RowError(file, line, null, "has " + record.size() + (record.size() == 1 ? " field" : " fields")
                            + " but the header has " + columns.size(), RowErrorCode.WRONG_COLUMN_COUNT,
                            Integer.toString(record.size()), Integer.toString(columns.size())));
                } else {
                    try {
                        batch.add(handler.map(new CsvRow(record, columns, line)));
                        lines.add(line);
                    } catch (RowRejectedException e) {
                        reject(new RowError(file, line, e.column(), e.getMessage(), e.code(), e.arguments()));
                    } catch (RuntimeException e) {
                        reject(new RowError(file, line, handler.columnOf(e), String.valueOf(e.getMessage()), RowErrorCode.OTHER,
                                String.valueOf(e.getMessage())));
                    }
                }
                if (batch.size() == BATCH_SIZE) {
                    flush(file, batch, lines);
                    progress.onProgress(rows, counted.count(), totalBytes);
                }
            }
            if (rows == 0) {
                throw new ImportFileException(file, "has a header but no data rows");
            }
            flush(file, batch, lines);
            progress.onProgress(rows, counted.count(), totalBytes);
        } catch (IOException e) {
            throw new ImportFileException(file, "cannot be read: " + e.getMessage(), e);
        }
        return new ImportSummary(kind, file, encoding, detection, stored.inserted(), stored.updated(), stored.unchanged(),
                rejected, errors);
    }

    private byte[] readSample(String file) {
        byte[] sample;
        try (InputStream in = open(file)) {
            sample = in.readNBytes(EncodingDetector.SAMPLE_BYTES);
        } catch (IOException e) {
            throw new ImportFileException(file, "cannot be read: " + e.getMessage(), e);
        }
        boolean blank = true;
        for (int i = 0; i < sample.length; i++) {
            byte b = sample[i];
            if (b == 0) {
                throw new ImportFileException(file, "is not a CSV text file: it holds binary data (a zero byte at offset " + i + ")");
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                blank = false;
            }
        }
        if (blank) {
            throw new ImportFileException(file, "is empty; expected a header line " + kind.headerLine() + " and data rows");
        }
        return sample;
    }

    private InputStream open(String file) {
        try {
            return source.open();
        } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
            throw new ImportFileException(file, "does not exist", e);
        } catch (IOException e) {
            throw new ImportFileException(file, "cannot be opened: " + e.getMessage(), e);
        }
    }

    private CSVParser parseHeader(String file, Reader reader, LegacyEncoding encoding) throws IOException {
        try {
            return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new ImportFileException(file, "the header line cannot be read as CSV: " + unreadable(e, encoding), e);
        } catch (IOException e) {
            throw new ImportFileException(file, "the header line cannot be read as CSV: " + e.getMessage(), e);
        }
    }

    private Map<String, Integer> columnIndexes(String file, List<String> header) {
        List<String> names = header.stream().map(n -> n == null ? "" : n.strip().toLowerCase(Locale.ROOT)).toList();
        if (ImportKind.ofHeader(names) == kind) {
            Map<String, Integer> indexes = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                indexes.put(names.get(i), i);
            }
            return indexes;
        }
        String shown = String.join(",", names);
        if (shown.length() > 120) {
            shown = shown.substring(0, 120) + "…";
        }
        ImportKind other = ImportKind.ofHeader(names);
        if (other != null) {
            throw new ImportFileException(file, "is " + article(other) + " file, not " + article(kind)
                    + " file (its header is " + shown + "); use import-" + other.label());
        }
        if (names.size() < 2) {
            throw new ImportFileException(file, "is not a CSV file of " + kind.label() + ": the first line '" + shown
                    + "' has no comma-separated columns; expected " + kind.headerLine());
        }
        List<String> missing = kind.columns().stream().filter(c -> !names.contains(c)).toList();
        List<String> unknown = names.stream().filter(c -> !kind.columns().contains(c)).toList();
        throw new ImportFileException(file, "has header " + shown + " but " + article(kind) + " file needs " + kind.headerLine()
                + (missing.isEmpty() ? "" : " (missing: " + String.join(", ", missing) + ")")
                + (unknown.isEmpty() ? "" : " (unexpected: " + String.join(", ", unknown) + ")"));
    }

    private static String article(ImportKind kind) {
        return switch (kind) {
            case AGENCIES -> "an agencies";
            case SERVICES -> "a services";
            case POPULATION -> "a population";
            case ACCOUNTS -> "an accounts";
        };
    }

    private static String unreadable(RuntimeException e, LegacyEncoding encoding) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof UndecodableTextException undecodable) {
            return "not " + encoding.displayName() + " text at byte offset " + undecodable.byteOffset()
                    + " (choose another --encoding: utf-8, cp1258, tcvn3 or vni)";
        }
        return "not valid CSV: " + cause.getMessage();
    }

    /** The byte offset where decoding failed, or "" when the CSV itself is broken. */
    private static String undecodableOffset(RuntimeException e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof UndecodableTextException undecodable ? Long.toString(undecodable.byteOffset()) : "";
    }

    private static long embeddedLineBreaks(CSVRecord record) {
        long breaks = 0;
        for (String value : record) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    /** Stores a batch; if the batch as a whole fails, stores its rows one by one so only the bad ones are rejected. */
    private void flush(String file, List<T> batch, List<Long> lines) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            stored = stored.plus(handler.store(batch));
        } catch (RuntimeException batchFailure) {
            LOG.log(Level.FINE, "Batch of " + batch.size() + " rows failed; storing row by row", batchFailure);
            for (int i = 0; i < batch.size(); i++) {
                try {
                    stored = stored.plus(handler.store(List.of(batch.get(i))));
                } catch (RuntimeException e) {
                    reject(new RowError(file, lines.get(i), handler.columnOf(e), rootMessage(e), RowErrorCode.OTHER, rootMessage(e)));
                }
            }
        }
        batch.clear();
        lines.clear();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }

    private void reject(RowError error) {
        rejected++;
        if (errors.size() < ImportSummary.MAX_LISTED_ERRORS) {
            errors.add(error);
        }
    }

    /** Counts bytes consumed, for progress against the file size. */
    private static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }

        long count() {
            return count;
        }
    }
}
