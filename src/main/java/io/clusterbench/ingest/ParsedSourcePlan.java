package io.clusterbench.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/**
 * What the parsed-source reader needs to read one source: its parser, its probed files and the slot labels of
 * the raw text. A DataSource V2 source receives only string options, so the plan travels as one option, Java
 * serialised and Base64-encoded (a few KB: the files' header mappings, not their data).
 */
record ParsedSourcePlan(SourceParser parser, List<SourceFile> files, List<String> slots) implements Serializable {
    static final String OPTION = "plan";

    String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static ParsedSourcePlan decode(String encoded) {
        if (encoded == null) {
            throw new IllegalArgumentException("the parsed-source reader needs its '" + OPTION + "' option");
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(encoded)))) {
            return (ParsedSourcePlan) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("unreadable parsed-source plan", e);
        }
    }
}
