package org.stridelab.engine.data;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The small {@code stridelab-dataset.properties} file that a non-official dataset
 * (the generated one) keeps beside its .bin files.
 *
 * <p>Official CIFAR files hold exactly 10,000 records each, which is how the reader
 * tells a truncated file from a complete one. A generated dataset holds other
 * counts, so it writes them here and the reader checks against those instead.
 *
 * @param description    how the reader describes the dataset (e.g. "generated dataset, seed 1")
 * @param recordsPerFile expected record count of each .bin file
 * @param attributes     anything else the writer wants to recognise later (generator version, seed)
 */
public record DatasetManifest(String description, Map<String, Integer> recordsPerFile, Map<String, String> attributes) {

    public static final String FILE_NAME = "stridelab-dataset.properties";
    private static final String RECORDS_PREFIX = "records.";
    private static final String DESCRIPTION_KEY = "description";

    public DatasetManifest {
        recordsPerFile = Map.copyOf(recordsPerFile);
        attributes = Map.copyOf(attributes);
    }

    /** Expected records in {@code fileName}, or -1 if the manifest does not say. */
    public int expectedRecords(String fileName) {
        return recordsPerFile.getOrDefault(fileName, -1);
    }

    /** Parses the file's content; {@code where} names it in error messages. */
    public static DatasetManifest parse(byte[] content, String where) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(new String(content, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(where, e.getMessage());
        }
        String given = props.getProperty(DESCRIPTION_KEY);
        String description = given == null ? null : given.trim();
        Map<String, Integer> records = new LinkedHashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String key : props.stringPropertyNames()) {
            String value = props.getProperty(key).trim();
            if (key.startsWith(RECORDS_PREFIX)) {
                try {
                    int count = Integer.parseInt(value);
                    if (count < 0) {
                        throw new NumberFormatException();
                    }
                    records.put(key.substring(RECORDS_PREFIX.length()), count);
                } catch (NumberFormatException e) {
                    throw unreadable(where, key + "=" + value + " is not a record count");
                }
            } else if (!key.equals(DESCRIPTION_KEY)) {
                attributes.put(key, value);
            }
        }
        return new DatasetManifest(description, records, attributes);
    }

    /** Reads {@code folder/stridelab-dataset.properties}, or returns null if there is none. */
    public static DatasetManifest readIfPresent(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw unreadable(file.toString(), e.toString());
        }
    }

    /** The file's content; sorted and without a date, so the same manifest always gives the same bytes. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Written by StrideLab: what this dataset folder holds. The reader checks record counts against it.\n");
        if (description != null) {
            sb.append(DESCRIPTION_KEY).append('=').append(escape(description)).append('\n');
        }
        new TreeMap<>(attributes).forEach((k, v) -> sb.append(k).append('=').append(escape(v)).append('\n'));
        new TreeMap<>(recordsPerFile).forEach((k, v) -> sb.append(RECORDS_PREFIX).append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    /** Writes {@code folder/stridelab-dataset.properties}. */
    public void write(Path folder) throws IOException {
        Files.writeString(folder.resolve(FILE_NAME), format(), StandardCharsets.UTF_8);
    }

    private static String escape(String value) {
        // Properties treats backslashes as escapes and a leading blank as nothing.
        return value.replace("\\", "\\\\").replace("\n", " ").strip();
    }

    private static DatasetException unreadable(String where, String detail) {
        return new DatasetException(where + " is unreadable (" + detail + "). It describes a generated dataset: "
                + "delete that dataset folder and StrideLab will generate it again.");
    }
}
