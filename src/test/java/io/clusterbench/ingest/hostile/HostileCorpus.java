package io.clusterbench.ingest.hostile;

import io.clusterbench.TestInputs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Mutates valid enterprise and patent exports into broken ones, deterministically from a seed: truncated rows
 * and files, random bytes, invalid UTF-8 in a file declared UTF-8, unbalanced quotes, a 10 MB field, empty
 * files, header only, duplicate header names, a BOM in the middle, NUL bytes, CR-only and mixed line endings,
 * a wrong separator, a missing required column, quoted fields spanning lines cut mid-quote (at a line break
 * inside quotes, or by a deleted quote), lines of GBK and UTF-8 mixed in one file, and combinations of them.
 */
public final class HostileCorpus {
    /** One broken file: which source it stands for, its bytes, and the encoding the job declares (or null). */
    public record Case(String name, String source, byte[] bytes, String declaredEncoding) {
    }

    private static final List<String> KINDS = List.of("truncate-file", "truncate-row", "random-bytes",
            "invalid-utf8-declared", "unbalanced-quote", "huge-field", "empty", "header-only", "duplicate-header",
            "bom-in-middle", "nul-bytes", "cr-only", "mixed-line-endings", "wrong-separator", "missing-column",
            "extra-fields", "multi-line-cut", "mixed-encodings", "shuffled-lines", "combined");

    private HostileCorpus() {
    }

    public static List<Case> generate(long seed, int count) {
        Random rnd = new Random(seed);
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String kind = KINDS.get(i % KINDS.size());
            boolean patents = rnd.nextBoolean();
            String valid = patents ? validPatents(rnd) : validEnterprises(rnd);
            String source = patents ? "patents" : "enterprises";
            out.add(mutate(i + "-" + kind, source, kind, valid, rnd));
        }
        return out;
    }

    static Case mutate(String name, String source, String kind, String valid, Random rnd) {
        byte[] utf8 = valid.getBytes(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(valid.split("\n", -1)));
        return switch (kind) {
            case "truncate-file" -> new Case(name, source, Arrays.copyOf(utf8, below(rnd, utf8.length)), null);
            case "truncate-row" -> {
                int l = Math.min(1 + below(rnd, lines.size() - 2), lines.size() - 1);
                String line = lines.get(l);
                lines.set(l, line.substring(0, below(rnd, line.length())));
                yield text(name, source, String.join("\n", lines), null);
            }
            case "random-bytes" -> {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                int at = below(rnd, utf8.length);
                b.write(utf8, 0, at);
                for (int k = 0; k < 1 + rnd.nextInt(40); k++) {
                    b.write(rnd.nextInt(256));
                }
                b.write(utf8, at, utf8.length - at);
                yield new Case(name, source, b.toByteArray(), rnd.nextBoolean() ? "UTF-8" : null);
            }
            case "invalid-utf8-declared" -> {
                String gbkLine = lines.get(Math.min(1 + below(rnd, lines.size() - 2), lines.size() - 1));
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.writeBytes(valid.getBytes(StandardCharsets.UTF_8));
                b.writeBytes(gbkLine.getBytes(Charset.forName("GBK")));
                b.write('\n');
                yield new Case(name, source, b.toByteArray(), "UTF-8");
            }
            case "unbalanced-quote" -> {
                int l = Math.min(1 + below(rnd, lines.size() - 2), lines.size() - 1);
                String line = lines.get(l);
                int at = below(rnd, line.length() + 1);
                lines.set(l, line.substring(0, at) + "\"" + line.substring(at));
                yield text(name, source, String.join("\n", lines), null);
            }
            case "huge-field" -> {
                int l = Math.min(1 + below(rnd, lines.size() - 2), lines.size() - 1);
                lines.set(l, lines.get(l).replaceFirst(",", "," + "渭".repeat(3_500_000) + ","));
                yield text(name, source, String.join("\n", lines), null);
            }
            case "empty" -> new Case(name, source, new byte[0], null);
            case "header-only" -> text(name, source, lines.get(0) + (rnd.nextBoolean() ? "\n" : ""), null);
            case "duplicate-header" -> {
                String[] h = lines.get(0).split(",");
                h[below(rnd, h.length)] = h[below(rnd, h.length)];
                lines.set(0, String.join(",", h));
                yield text(name, source, String.join("\n", lines), null);
            }
            case "bom-in-middle" -> {
                int l = below(rnd, lines.size());
                lines.set(l, "\uFEFF" + lines.get(l));
                yield text(name, source, String.join("\n", lines), null);
            }
            case "nul-bytes" -> {
                byte[] b = utf8.clone();
                for (int k = 0; k < 1 + rnd.nextInt(5); k++) {
                    if (b.length > 0) {
                        b[below(rnd, b.length)] = 0;
                    }
                }
                yield new Case(name, source, b, null);
            }
            case "cr-only" -> text(name, source, valid.replace("\n", "\r"), null);
            case "mixed-line-endings" -> {
                StringBuilder b = new StringBuilder();
                for (String line : lines) {
                    b.append(line).append(switch (rnd.nextInt(3)) { case 0 -> "\n"; case 1 -> "\r\n"; default -> "\r"; });
                }
                yield text(name, source, b.toString(), null);
            }
            case "wrong-separator" -> text(name, source, valid.replace(",", rnd.nextBoolean() ? ";" : "\t"), null);
            case "missing-column" -> {
                int col = rnd.nextInt(3); // one of the leading, required columns
                List<String> cut = new ArrayList<>();
                for (String line : lines) {
                    List<String> f = new ArrayList<>(Arrays.asList(line.split(",", -1)));
                    if (f.size() > col) {
                        f.remove(col);
                    }
                    cut.add(String.join(",", f));
                }
                yield text(name, source, String.join("\n", cut), null);
            }
            case "extra-fields" -> {
                int l = Math.min(1 + below(rnd, lines.size() - 2), lines.size() - 1);
                lines.set(l, lines.get(l) + ",x".repeat(1 + rnd.nextInt(50)));
                yield text(name, source, String.join("\n", lines), null);
            }
            case "multi-line-cut" -> {
                // quoted cells spanning lines (a name, or the applicants), then the file cut inside one of those
                // quotes, or one quote deleted: range boundaries fall in and around them
                String spanning = valid.replace(", 有限公司\"", ",\n有限公司\"").replace("甲公司;乙公司", "甲公司;\n乙公司");
                List<Integer> inside = new ArrayList<>();
                for (int k = spanning.indexOf(",\n"); k >= 0; k = spanning.indexOf(",\n", k + 1)) {
                    inside.add(k + 2);
                }
                for (int k = spanning.indexOf(";\n"); k >= 0; k = spanning.indexOf(";\n", k + 1)) {
                    inside.add(k + 2);
                }
                String cut;
                if (rnd.nextBoolean() && !inside.isEmpty()) {
                    cut = spanning.substring(0, inside.get(below(rnd, inside.size())));
                } else {
                    int q = spanning.indexOf('"', below(rnd, spanning.length()));
                    cut = q < 0 ? spanning : spanning.substring(0, q) + spanning.substring(q + 1);
                }
                yield text(name, source, cut, null);
            }
            case "mixed-encodings" -> {
                // line by line GBK or UTF-8, undeclared: the vote decides, the other lines are ENCODING_ERROR
                // rejects (or, in a GBK file, UTF-8 lines read as they decode)
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                for (String line : lines) {
                    b.writeBytes((line + "\n").getBytes(rnd.nextBoolean() ? Charset.forName("GBK") : StandardCharsets.UTF_8));
                }
                yield new Case(name, source, b.toByteArray(), null);
            }
            case "shuffled-lines" -> {
                java.util.Collections.shuffle(lines, rnd);
                yield text(name, source, String.join("\n", lines), null);
            }
            default -> {
                Case a = mutate(name, source, KINDS.get(rnd.nextInt(KINDS.size() - 2)), valid, rnd);
                String once = new String(a.bytes(), StandardCharsets.UTF_8);
                yield once.isEmpty() ? a : mutate(name, source, KINDS.get(rnd.nextInt(KINDS.size() - 2)), once, rnd);
            }
        };
    }

    /** A random index below n, or 0 when a mutated file has become too short to choose from. */
    private static int below(Random rnd, int n) {
        return n <= 0 ? 0 : rnd.nextInt(n);
    }

    private static Case text(String name, String source, String s, String enc) {
        return new Case(name, source, s.getBytes(StandardCharsets.UTF_8), enc);
    }

    static String validEnterprises(Random rnd) {
        StringBuilder b = new StringBuilder("credit_code,name,zone_id,established_date,status,registered_capital,employees,hte_cert_dates,legal_representative\n");
        for (int i = 0; i < 12; i++) {
            b.append(TestInputs.code(i)).append(",\"渭南").append(i).append("科技, 有限公司\",z1,20")
                    .append(10 + rnd.nextInt(14)).append("-0").append(1 + rnd.nextInt(9)).append("-1").append(rnd.nextInt(9))
                    .append(",存续,").append(rnd.nextInt(900)).append("万元,").append(rnd.nextInt(300))
                    .append(",2020-01-01;2023-02-02,张三\n");
        }
        return b.toString();
    }

    static String validPatents(Random rnd) {
        String[] numbers = {"201710601862.3", "CN201710117081.7", "ZL2013106997442", "95115608.X", "202110000001.6",
                "202110000002.0", "202220000003.5", "202210000004.4"};
        StringBuilder b = new StringBuilder("application_no,patent_type,application_date,grant_date,applicants,applicant_codes,inventors\n");
        for (String n : numbers) {
            String year = n.replaceAll("^(CN|ZL)", "").startsWith("9") ? "1995" : n.replaceAll("^(CN|ZL)", "").substring(0, 4);
            b.append(n).append(",,").append(year).append("-01-0").append(1 + rnd.nextInt(9)).append(",,\"甲公司;乙公司\",")
                    .append(TestInputs.code(0)).append(";,李四\n");
        }
        return b.toString();
    }
}
