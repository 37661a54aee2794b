package io.clusterbench.ingest;

import io.clusterbench.config.ConfigException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the files of each source in the input directory: {@code NAME.csv}, {@code NAME.csv.gz} or a directory
 * {@code NAME/} of such chunks. Checked on the driver before any Spark job, so a wrong path fails in seconds.
 */
public final class InputLayout {
    private final FileSystem fs;
    private final Path root;

    private InputLayout(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
    }

    public static InputLayout open(String inputDir, Configuration hadoopConf) {
        try {
            Path p = new Path(inputDir);
            FileSystem fs = p.getFileSystem(hadoopConf);
            Path root = fs.makeQualified(p);
            if (!fs.exists(root)) {
                throw new ConfigException("input directory " + inputDir + " does not exist");
            }
            if (!fs.getFileStatus(root).isDirectory()) {
                throw new ConfigException("input " + inputDir + " is not a directory");
            }
            fs.listStatus(root); // unreadable directories fail here, not deep in a task
            return new InputLayout(fs, root);
        } catch (IOException e) {
            throw new ConfigException("input directory " + inputDir + " cannot be read: " + e.getMessage());
        }
    }

    /** Fully qualified paths of the source's files, sorted by name; empty when the source is absent. */
    public List<String> files(SourceSpec spec) {
        try {
            List<Path> candidates = new ArrayList<>();
            Path csv = new Path(root, spec.name() + ".csv");
            Path gz = new Path(root, spec.name() + ".csv.gz");
            Path dir = new Path(root, spec.name());
            if (fs.isFile(csv)) {
                candidates.add(csv);
            }
            if (fs.isFile(gz)) {
                candidates.add(gz);
            }
            if (fs.exists(dir) && fs.getFileStatus(dir).isDirectory()) {
                if (!candidates.isEmpty()) {
                    throw new ConfigException(spec.name() + ": both " + candidates.get(0).getName() + " and a directory "
                            + spec.name() + "/ exist in the input; keep one");
                }
                FileStatus[] chunks = fs.listStatus(dir, p -> p.getName().endsWith(".csv") || p.getName().endsWith(".csv.gz"));
                Arrays.sort(chunks, Comparator.comparing(s -> s.getPath().getName()));
                for (FileStatus s : chunks) {
                    if (s.isFile()) {
                        candidates.add(s.getPath());
                    }
                }
                if (candidates.isEmpty()) {
                    throw new ConfigException(spec.name() + ": directory " + spec.name() + "/ holds no .csv or .csv.gz file");
                }
            }
            if (candidates.size() > 1 && !fs.exists(dir)) {
                throw new ConfigException(spec.name() + ": both " + spec.name() + ".csv and " + spec.name()
                        + ".csv.gz exist in the input; keep one");
            }
            for (Path c : candidates) {
                if (c.getName().contains(":")) {
                    // Hadoop reads the part of a name before ':' as a URI scheme (in its checksum files too)
                    throw new ConfigException(spec.name() + ": the file name " + relative(c.toString())
                            + " cannot be read through Hadoop; rename the file without ':'");
                }
                refuseIfNotRegular(spec, c);
            }
            if (candidates.isEmpty() && spec.required()) {
                throw new ConfigException("required source '" + spec.name() + "' is missing: expected " + spec.name()
                        + ".csv, " + spec.name() + ".csv.gz or a directory " + spec.name() + "/ in " + root);
            }
            return candidates.stream().map(Path::toString).toList();
        } catch (IOException e) {
            throw new ConfigException(spec.name() + ": cannot list the input directory: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // Hadoop cannot make a path of a file name holding ':' (it reads the part before it as a URI scheme)
            throw new ConfigException(spec.name() + ": a file name in the input cannot be read through Hadoop ("
                    + ConfigException.firstLineOfCause(e) + "); rename the file without ':'");
        }
    }

    /**
     * A FIFO, a device (a symlink to /dev/zero) or a socket would make the run wait or read forever: only regular
     * files, or symlinks to them, are inputs. Checked on local file systems, where such files exist.
     */
    private void refuseIfNotRegular(SourceSpec spec, Path file) {
        if (!"file".equals(fs.getUri().getScheme())) {
            return;
        }
        java.nio.file.Path local = java.nio.file.Path.of(file.toUri());
        if (!java.nio.file.Files.isRegularFile(local)) {
            throw new ConfigException(spec.name() + ": " + relative(file.toString()) + " is not a regular file"
                    + " (a FIFO, a device or a link to one); give a file");
        }
    }

    /** A file's length in bytes (as listed: the driver plans byte ranges from it). */
    public long size(String qualifiedPath) {
        try {
            return fs.getFileStatus(new Path(qualifiedPath)).getLen();
        } catch (IOException e) {
            throw new ConfigException("cannot read " + relative(qualifiedPath) + ": " + ConfigException.firstLine(e));
        }
    }

    /** A file's path relative to the input directory, as rejects and the run summary show it. */
    public String relative(String qualifiedPath) {
        String r = root.toString();
        return qualifiedPath.startsWith(r + "/") ? qualifiedPath.substring(r.length() + 1) : qualifiedPath;
    }
}
